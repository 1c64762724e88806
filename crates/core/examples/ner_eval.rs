//! Entity recognition against the People's Daily and MSRA NER test sets: precision, recall and
//! F1 (exact spans) per corpus and label for plain jieba-rs POS tags (nr/nrfg/nrt = PER,
//! ns = LOC, nt = ORG), newsdrop's rule extractors alone (`Nlp::rule_spans`), the sequence
//! tagger alone (`tagger::Tagger::spans` over `Nlp::tokens`) and the two combined as `extract`
//! uses them (`Nlp::entity_spans`), all measured in the same run.
//! Then the cost of entity extraction against the segmentation it reuses, and the tagger's
//! throughput, on the five eval inputs and a fixed xinwenlianbo sample.
//!
//! Run: `cargo run --release -p newsdrop-core --example ner_eval [-- --model FILE] [--speed]`
//! (`--model` scores a model file instead of the built-in one; `--speed` skips the scoring;
//! `--misses PER|LOC|ORG` lists the gold spans of that type the tagger finds and `extract` misses).

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "ner_corpus/mod.rs"]
mod ner_corpus;

use std::path::{Path, PathBuf};
use std::time::Instant;

use jieba_rs::Jieba;
use ner_corpus::{Sentence, TYPES, Tally};
use newsdrop_core::fields::nlp::Nlp;
use newsdrop_core::fields::nlp::tagger::Tagger;
use newsdrop_core::{blocks, decode, split};

fn plain_tags(jieba: &Jieba, text: &str) -> Vec<(usize, usize, usize)> {
    jieba
        .tag(text, true)
        .into_iter()
        .filter_map(|t| {
            let kind = match t.tag {
                "nr" | "nrfg" | "nrt" => 0,
                "ns" => 1,
                "nt" => 2,
                _ => return None,
            };
            Some((kind, t.start, t.end))
        })
        .collect()
}

fn score(
    sentences: &[Sentence],
    predict: impl Fn(&str) -> Vec<(usize, usize, usize)>,
) -> [Tally; 3] {
    let mut t = [Tally::default(); 3];
    for s in sentences {
        ner_corpus::tally(&mut t, &predict(&s.text), &s.spans);
    }
    t
}

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn cells(t: &Tally) -> String {
    let (p, r, f) = t.prf();
    format!("{p:.3} | {r:.3} | {f:.3}")
}

/// Article bodies of every 100th xinwenlianbo day, as the pipeline splits them.
fn xinwenlianbo_bodies(shared: &Path) -> Vec<String> {
    let mut days: Vec<PathBuf> = std::fs::read_dir(shared.join("corpus/xinwenlianbo/news"))
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    days.retain(|p| p.extension().is_some_and(|e| e == "md"));
    days.sort();
    let mut out = Vec::new();
    for p in days.into_iter().step_by(100) {
        let name = p.to_string_lossy().into_owned();
        let Ok(bytes) = std::fs::read(&p) else {
            continue;
        };
        let Ok(d) = decode::decode(&bytes, &name) else {
            continue;
        };
        let Ok(b) = blocks::to_blocks(&d, &name) else {
            continue;
        };
        out.extend(split::split_articles(&b).into_iter().map(|a| a.body));
    }
    out
}

/// Nanoseconds this thread has run on a CPU (Linux `schedstat`), if readable: unlike wall
/// time, it leaves out the time other processes had the core.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Runs `f` `rounds` times, three times over; the best wall and on-CPU seconds.
fn best_of_three(rounds: usize, mut f: impl FnMut() -> usize) -> (f64, Option<f64>, usize) {
    let mut wall = f64::MAX;
    let mut cpu: Option<f64> = None;
    let mut sink = 0usize;
    sink += f();
    for _ in 0..3 {
        let c0 = cpu_ns();
        let t0 = Instant::now();
        for _ in 0..rounds {
            sink += f();
        }
        wall = wall.min(t0.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c0, cpu_ns()) {
            let s = b.saturating_sub(a) as f64 / 1e9;
            cpu = Some(cpu.map_or(s, |c: f64| c.min(s)));
        }
    }
    (wall, cpu, sink)
}

/// Times the tagger alone (tokens computed beforehand), and `Nlp::tokens` of the same text
/// for reference.
fn tagger_speed(name: &str, bodies: &[String], nlp: &Nlp, tagger: &Tagger) {
    if bodies.is_empty() {
        return;
    }
    let bytes: usize = bodies.iter().map(String::len).sum();
    let chars: usize = bodies.iter().map(|b| b.chars().count()).sum();
    let toks: Vec<_> = bodies.iter().map(|b| nlp.tokens(b)).collect();
    let rounds = (4_000_000 / bytes.max(1)).clamp(3, 200);
    let mb = |secs: f64| (bytes * rounds) as f64 / secs / 1e6;
    let (wall, cpu, found) = best_of_three(rounds, || {
        bodies
            .iter()
            .zip(&toks)
            .map(|(b, t)| tagger.spans(b, t).len())
            .sum()
    });
    let (seg_wall, seg_cpu, _) =
        best_of_three(rounds, || bodies.iter().map(|b| nlp.tokens(b).len()).sum());
    let on_cpu =
        |c: Option<f64>| c.map_or(String::new(), |c| format!(", {:.1} MB/s on-CPU", mb(c)));
    println!(
        "tagger on {name}: {} bodies, {bytes} bytes, {chars} chars, {found} spans: {:.1} MB/s wall{} ({:.0} ns/char); Nlp::tokens of the same text {:.1} MB/s wall{} (best of 3 × {rounds} rounds)",
        bodies.len(),
        mb(wall),
        on_cpu(cpu),
        cpu.unwrap_or(wall) * 1e9 / (chars * rounds) as f64,
        mb(seg_wall),
        on_cpu(seg_cpu),
    );
}

/// Prints (to stdout) every gold span of `kind` the tagger alone finds and `extract` misses,
/// with what `extract` reported over it: the cases the combination loses.
fn print_misses(nlp: &Nlp, tagger: &Tagger, sentences: &[ner_corpus::Sentence], kind: usize) {
    let mut n = 0;
    for s in sentences {
        let toks = nlp.tokens(&s.text);
        let tagged = ner_corpus::to_char_spans(&s.text, &tagger.spans(&s.text, &toks));
        let combined = ner_corpus::to_char_spans(&s.text, &nlp.entity_spans(&s.text));
        let chars: Vec<char> = s.text.chars().collect();
        let text = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
        for g in s.spans.iter().filter(|g| g.0 == kind) {
            if tagged.contains(g) && !combined.contains(g) {
                let over: Vec<String> = combined
                    .iter()
                    .filter(|c| c.1 < g.2 && g.1 < c.2)
                    .map(|c| format!("{}:{}", TYPES[c.0], text(c.1, c.2)))
                    .collect();
                let toks: Vec<String> = toks
                    .iter()
                    .filter(|t| {
                        let a = ner_corpus::char_index(&s.text, t.start);
                        a + 3 >= g.1 && a < g.2 + 2
                    })
                    .map(|t| format!("{}/{}", t.word, t.tag))
                    .collect();
                println!(
                    "{} | got {} | {}",
                    text(g.1, g.2),
                    over.join(" "),
                    toks.join(" ")
                );
                n += 1;
            }
        }
    }
    println!("{n} spans");
}

fn main() {
    let mut model_path: Option<PathBuf> = None;
    let mut speed_only = false;
    let mut misses: Option<usize> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--model" => model_path = args.next().map(PathBuf::from),
            "--speed" => speed_only = true,
            "--misses" => misses = args.next().and_then(|t| TYPES.iter().position(|x| *x == t)),
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let shared = shared();
    let nlp = match Nlp::new(None) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let loaded;
    let tagger: &Tagger = match &model_path {
        Some(p) => {
            let bytes = std::fs::read(p).expect("model file");
            loaded = Tagger::from_bytes(&bytes).expect("model");
            &loaded
        }
        None => Tagger::builtin().expect("built-in model"),
    };
    let corpus = shared.join("corpus");
    if !speed_only {
        let jieba = Jieba::new();
        let sets = [
            (
                "peoples-daily-ner test",
                ner_corpus::load_char_per_line(&corpus.join("peoples-daily-ner/example.test")),
            ),
            (
                "msra-ner test",
                ner_corpus::load_msra(&corpus.join("msra-ner/test")),
            ),
        ];
        println!(
            "| corpus | type | gold | plain jieba-rs P | R | F1 | rules P | R | F1 | tagger P | R | F1 | combined P | R | F1 |"
        );
        println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (name, sentences) in &sets {
            if sentences.is_empty() {
                println!("| {name} | (not found under {}) |", shared.display());
                continue;
            }
            if let Some(kind) = misses {
                print_misses(&nlp, tagger, sentences, kind);
                continue;
            }
            let plain = score(sentences, |t| plain_tags(&jieba, t));
            let rules = score(sentences, |t| {
                ner_corpus::to_char_spans(t, &nlp.rule_spans(t))
            });
            let combined = score(sentences, |t| {
                ner_corpus::to_char_spans(t, &nlp.entity_spans(t))
            });
            let t0 = Instant::now();
            let tagged = score(sentences, |t| {
                let toks = nlp.tokens(t);
                ner_corpus::to_char_spans(t, &tagger.spans(t, &toks))
            });
            let took = t0.elapsed().as_secs_f64();
            let rows = (0..3)
                .map(|k| (TYPES[k], plain[k], rules[k], tagged[k], combined[k]))
                .chain([(
                    "all",
                    Tally::sum(&plain),
                    Tally::sum(&rules),
                    Tally::sum(&tagged),
                    Tally::sum(&combined),
                )]);
            for (ty, p, r, t, c) in rows {
                let gold = t.tp + t.fn_;
                println!(
                    "| {name} ({} sentences) | {ty} | {gold} | {} | {} | {} | {} |",
                    sentences.len(),
                    cells(&p),
                    cells(&r),
                    cells(&t),
                    cells(&c),
                );
            }
            eprintln!("{name}: tokens + tagger in {took:.2}s");
        }
    }

    // Cost of entity extraction against the segmentation it reuses (five eval inputs).
    let mut bodies = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(shared.join("eval/input"))
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.sort();
    for p in paths {
        if let Ok(t) = std::fs::read_to_string(p) {
            bodies.push(t);
        }
    }
    if !bodies.is_empty() && !speed_only {
        let bytes: usize = bodies.iter().map(String::len).sum();
        let rounds = 200;
        let t0 = Instant::now();
        let mut n = 0usize;
        for _ in 0..rounds {
            for b in &bodies {
                n += nlp.tokens(b).len();
            }
        }
        let seg = t0.elapsed();
        let toks: Vec<_> = bodies.iter().map(|b| nlp.tokens(b)).collect();
        let t1 = Instant::now();
        let mut m = 0usize;
        for _ in 0..rounds {
            for (b, t) in bodies.iter().zip(&toks) {
                let a = nlp.analyze_tokens(b, t, 10);
                m += a.persons.len() + a.organizations.len() + a.places.len() + a.keywords.len();
            }
        }
        let ent = t1.elapsed();
        let t2 = Instant::now();
        for _ in 0..rounds {
            for (b, t) in bodies.iter().zip(&toks) {
                let a = nlp.analyze_tokens(b, t, 0);
                m += a.persons.len();
            }
        }
        let ent_only = t2.elapsed();
        let per =
            |d: std::time::Duration| d.as_secs_f64() * 1000.0 / (rounds * bodies.len()) as f64;
        println!();
        println!(
            "eval inputs: {} files, {bytes} bytes, {rounds} rounds ({n} tokens, {m} entities+keywords)",
            bodies.len()
        );
        println!(
            "segment+tag: {:.3} ms/article ({:.1} MB/s); entities+keywords from those tags: {:.3} ms/article ({:.2}x the tagging)",
            per(seg),
            (bytes * rounds) as f64 / seg.as_secs_f64() / 1e6,
            per(ent),
            ent.as_secs_f64() / seg.as_secs_f64()
        );
        println!(
            "of which persons+organizations+places alone: {:.3} ms/article ({:.2}x the tagging)",
            per(ent_only),
            ent_only.as_secs_f64() / seg.as_secs_f64()
        );
    }
    println!();
    tagger_speed("the eval inputs", &bodies, &nlp, tagger);
    tagger_speed(
        "xinwenlianbo (every 100th day)",
        &xinwenlianbo_bodies(&shared),
        &nlp,
        tagger,
    );
}
