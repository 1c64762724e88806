//! Criterion benchmarks of each extraction step (decode, blocks, split, segmentation and
//! tagging with newsdrop's dictionary, entities and keywords from those tokens, quantities, dates, quotes, tags, whole `extract`) on the five
//! eval inputs and on a fixed sample of `../shared/corpus/xinwenlianbo`, with raw jieba-rs
//! `tag(text, true)` of the same text as the reference line. Run with `cargo bench -p
//! newsdrop-core`; `bench/run.sh` turns the results into BENCHMARKS.md.
//!
//! Every benchmark reports throughput in bytes of the input files, so all rows of one input set
//! are comparable: a step at 20 MB/s costs 50 ms per MB of pages, whatever text it reads.

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsdrop_core::blocks::{self, Block};
use newsdrop_core::decode::{self, Decoded};
use newsdrop_core::fields::{dates, quantity, quotes};
use newsdrop_core::split::{self, ArticleText};
use newsdrop_core::{ExtractConfig, Extractor, Input};

/// One set of input files, prepared up to each step so every step is timed alone.
struct Set {
    name: &'static str,
    files: Vec<(String, Vec<u8>)>,
    bytes: u64,
    decoded: Vec<Decoded>,
    blocks: Vec<Vec<Block>>,
    articles: Vec<ArticleText>,
}

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    dir.is_dir().then_some(dir)
}

/// Every `step`-th day of xinwenlianbo (sorted by name), from the first: a fixed sample.
/// `NEWSDROP_BENCH_XWLB_STEP` overrides the default of 100 (15 days, about 0.4 MB).
fn xinwenlianbo_sample(shared: &Path) -> Vec<PathBuf> {
    let step = std::env::var("NEWSDROP_BENCH_XWLB_STEP")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
        .filter(|&s| s > 0)
        .unwrap_or(100);
    let mut days: Vec<PathBuf> = std::fs::read_dir(shared.join("corpus/xinwenlianbo/news"))
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    days.retain(|p| p.extension().is_some_and(|e| e == "md"));
    days.sort();
    days.into_iter().step_by(step).collect()
}

fn eval_inputs(shared: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared.join("eval/input"))
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn prepare(name: &'static str, paths: &[PathBuf]) -> Set {
    let files: Vec<(String, Vec<u8>)> = paths
        .iter()
        .map(|p| (p.to_string_lossy().into_owned(), std::fs::read(p).unwrap()))
        .collect();
    let bytes = files.iter().map(|(_, b)| b.len() as u64).sum();
    let decoded: Vec<Decoded> = files
        .iter()
        .map(|(p, b)| decode::decode(b, p).unwrap())
        .collect();
    let blocks: Vec<Vec<Block>> = decoded
        .iter()
        .zip(&files)
        .map(|(d, (p, _))| blocks::to_blocks(d, p).unwrap())
        .collect();
    let articles: Vec<ArticleText> = blocks
        .iter()
        .flat_map(|b| split::split_articles(b))
        .collect();
    Set {
        name,
        files,
        bytes,
        decoded,
        blocks,
        articles,
    }
}

fn sets() -> Option<Vec<Set>> {
    let Some(shared) = shared() else {
        eprintln!("SKIP: ../shared not found next to the checkout; no benchmark inputs");
        return None;
    };
    let mut out = Vec::new();
    let eval = eval_inputs(&shared);
    if eval.is_empty() {
        eprintln!("SKIP: no files in ../shared/eval/input");
    } else {
        out.push(prepare("eval5", &eval));
    }
    let days = xinwenlianbo_sample(&shared);
    if days.is_empty() {
        eprintln!("SKIP: no days in ../shared/corpus/xinwenlianbo/news");
    } else {
        out.push(prepare("xinwenlianbo", &days));
    }
    for set in &out {
        eprintln!(
            "input set {}: {} files, {} bytes, {} articles",
            set.name,
            set.files.len(),
            set.bytes,
            set.articles.len()
        );
    }
    Some(out)
}

fn steps(c: &mut Criterion) {
    let extractor = Extractor::new(&ExtractConfig::default()).unwrap();
    let Some(sets) = sets() else {
        return;
    };
    let jieba = jieba_rs::Jieba::new();
    let persons: Vec<Vec<newsdrop_core::Person>> = sets
        .iter()
        .map(|s| {
            s.articles
                .iter()
                .flat_map(|a| extractor.nlp().analyze(&a.body).persons)
                .collect()
        })
        .collect();

    // Reference: raw jieba-rs part-of-speech tagging (HMM on) of the whole decoded text of each
    // file, and of the article bodies only.
    let mut group = c.benchmark_group("jieba_tag_text");
    for set in &sets {
        group.throughput(Throughput::Bytes(set.bytes));
        group.bench_function(set.name, |b| {
            b.iter(|| {
                for d in &set.decoded {
                    black_box(jieba.tag(black_box(&d.text), true));
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("jieba_tag_bodies");
    for set in &sets {
        group.throughput(Throughput::Bytes(set.bytes));
        group.bench_function(set.name, |b| {
            b.iter(|| {
                for a in &set.articles {
                    black_box(jieba.tag(black_box(&a.body), true));
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("decode");
    for set in &sets {
        group.throughput(Throughput::Bytes(set.bytes));
        group.bench_function(set.name, |b| {
            b.iter(|| {
                for (p, bytes) in &set.files {
                    black_box(decode::decode(black_box(bytes), p).ok());
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("blocks");
    for set in &sets {
        group.throughput(Throughput::Bytes(set.bytes));
        group.bench_function(set.name, |b| {
            b.iter(|| {
                for (d, (p, _)) in set.decoded.iter().zip(&set.files) {
                    black_box(blocks::to_blocks(black_box(d), p).ok());
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("split");
    for set in &sets {
        group.throughput(Throughput::Bytes(set.bytes));
        group.bench_function(set.name, |b| {
            b.iter(|| {
                for bl in &set.blocks {
                    black_box(split::split_articles(black_box(bl)));
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("segment_tag");
    for set in &sets {
        group.throughput(Throughput::Bytes(set.bytes));
        group.bench_function(set.name, |b| {
            b.iter(|| {
                for a in &set.articles {
                    black_box(extractor.nlp().tokens(black_box(&a.body)));
                }
            })
        });
    }
    group.finish();

    let top = extractor.config().keywords_top;
    let mut group = c.benchmark_group("entities_from_tokens");
    for set in &sets {
        let tokens: Vec<_> = set
            .articles
            .iter()
            .map(|a| extractor.nlp().tokens(&a.body))
            .collect();
        group.throughput(Throughput::Bytes(set.bytes));
        group.bench_function(set.name, |b| {
            b.iter(|| {
                for (a, toks) in set.articles.iter().zip(&tokens) {
                    black_box(
                        extractor
                            .nlp()
                            .analyze_tokens(black_box(&a.body), toks, top),
                    );
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("quantities");
    for set in &sets {
        group.throughput(Throughput::Bytes(set.bytes));
        group.bench_function(set.name, |b| {
            b.iter(|| {
                for a in &set.articles {
                    black_box(quantity::extract(black_box(&a.body)));
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("dates");
    for set in &sets {
        group.throughput(Throughput::Bytes(set.bytes));
        group.bench_function(set.name, |b| {
            b.iter(|| {
                for a in &set.articles {
                    black_box(dates::extract(
                        black_box(&a.body),
                        a.published_at.as_deref(),
                    ));
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("quotes");
    for (set, persons) in sets.iter().zip(&persons) {
        group.throughput(Throughput::Bytes(set.bytes));
        group.bench_function(set.name, |b| {
            b.iter(|| {
                for a in &set.articles {
                    black_box(quotes::extract(black_box(&a.body), persons));
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("tags");
    for set in &sets {
        group.throughput(Throughput::Bytes(set.bytes));
        group.bench_function(set.name, |b| {
            b.iter(|| {
                for a in &set.articles {
                    black_box(extractor.taxonomy().tag(black_box(&a.body)));
                }
            })
        });
    }
    group.finish();

    // The whole pipeline, as configured by default and with `extract.entity_tagger = false`
    // (the rules alone find names).
    let rules_only = Extractor::new(&ExtractConfig {
        entity_tagger: false,
        ..ExtractConfig::default()
    })
    .unwrap();
    for (group_name, extractor) in [("extract", &extractor), ("extract_rules_only", &rules_only)] {
        let mut group = c.benchmark_group(group_name);
        for set in &sets {
            group.throughput(Throughput::Bytes(set.bytes));
            group.bench_function(set.name, |b| {
                b.iter(|| {
                    for (p, bytes) in &set.files {
                        let input = Input {
                            path: p,
                            bytes,
                            ingested_at: "2026-01-01T00:00:00+08:00",
                        };
                        black_box(newsdrop_core::extract(black_box(&input), extractor).ok());
                    }
                })
            });
        }
        group.finish();
    }
}

/// Pathological pages (issue 17): one endless line of text, numerals, quote openers or byline
/// words, at 1 MB and 4 MB. Extraction time must grow linearly: criterion's throughput (MB/s)
/// of the 4 MB page should match the 1 MB page's.
fn pathological(c: &mut Criterion) {
    let extractor = Extractor::new(&ExtractConfig::default()).expect("built-in resources");
    let endless = |unit: &str, bytes: usize| {
        let mut s = String::from("党员志愿服务\n\n");
        while s.len() < bytes {
            s.push_str(unit);
        }
        s.into_bytes()
    };
    let mut group = c.benchmark_group("pathological");
    for (kind, unit) in [
        (
            "line",
            "社区党员志愿者在小区门口为居民测量体温登记出入信息发放口罩和消毒液",
        ),
        ("numerals", "一二三四五六七八九十百千万亿零两"),
        ("quotes", "“他说"),
        ("bylines", "记者 通讯员 编辑 责任编辑："),
    ] {
        for mb in [1usize, 4] {
            let page = endless(unit, mb << 20);
            group.throughput(Throughput::Bytes(page.len() as u64));
            group.bench_function(format!("{kind}_{mb}mb"), |b| {
                b.iter(|| {
                    let input = Input {
                        path: "pathological.txt",
                        bytes: &page,
                        ingested_at: "2026-01-01T00:00:00+08:00",
                    };
                    black_box(newsdrop_core::extract(black_box(&input), &extractor).ok());
                })
            });
        }
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = steps, pathological
}
criterion_main!(benches);
