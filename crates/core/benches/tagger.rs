//! Criterion benchmark of the sequence tagger alone (`Tagger::spans` over article bodies whose
//! jieba tokens are computed beforehand), on a fixed sample of `../shared/corpus/xinwenlianbo`
//! (every 100th day, as in `steps.rs`) and on the five eval inputs. Throughput is in bytes of
//! the article bodies the tagger reads. Run with `cargo bench -p newsdrop-core --bench tagger`.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsdrop_core::fields::nlp::tagger::Tagger;
use newsdrop_core::{ExtractConfig, Extractor, blocks, decode, split};

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    dir.is_dir().then_some(dir)
}

fn files(dir: &Path, ext: Option<&str>, step: usize) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| ext.is_none_or(|x| p.extension().is_some_and(|e| e == x)));
    out.sort();
    out.into_iter().step_by(step).collect()
}

/// The article bodies of `paths`, as the pipeline splits them.
fn bodies(paths: &[PathBuf], _extractor: &Extractor) -> Vec<String> {
    let mut out = Vec::new();
    for p in paths {
        let name = p.to_string_lossy();
        let Ok(bytes) = std::fs::read(p) else {
            continue;
        };
        let Ok(decoded) = decode::decode(&bytes, &name) else {
            continue;
        };
        let Ok(blocks) = blocks::to_blocks(&decoded, &name) else {
            continue;
        };
        out.extend(split::split_articles(&blocks).into_iter().map(|a| a.body));
    }
    out
}

fn tagger(c: &mut Criterion) {
    let Some(shared) = shared() else {
        eprintln!("SKIP: ../shared not found next to the checkout; no benchmark inputs");
        return;
    };
    let extractor = Extractor::new(&ExtractConfig::default()).unwrap();
    let tagger = Tagger::builtin().unwrap();
    let sets = [
        (
            "xinwenlianbo",
            files(&shared.join("corpus/xinwenlianbo/news"), Some("md"), 100),
        ),
        ("eval5", files(&shared.join("eval/input"), None, 1)),
    ];
    let mut group = c.benchmark_group("tagger_spans");
    for (name, paths) in &sets {
        let texts = bodies(paths, &extractor);
        if texts.is_empty() {
            eprintln!("SKIP: no input for {name}");
            continue;
        }
        let toks: Vec<_> = texts.iter().map(|t| extractor.nlp().tokens(t)).collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        eprintln!("{name}: {} bodies, {bytes} bytes", texts.len());
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                for (t, tk) in texts.iter().zip(&toks) {
                    black_box(tagger.spans(black_box(t), tk));
                }
            })
        });
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = tagger
}
criterion_main!(benches);
