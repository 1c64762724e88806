//! Entity recognition against the People's Daily and MSRA NER test sets: precision, recall and
//! F1 (exact spans) for PER, LOC and ORG, newsdrop's extractors next to plain jieba-rs POS tags
//! (nr/nrfg/nrt = PER, ns = LOC, nt = ORG) measured in the same run. Then the cost of entity
//! extraction against the segmentation it reuses, on the five eval inputs.
//!
//! Run: `cargo run --release -p newsdrop-core --example ner_eval`

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use jieba_rs::Jieba;
use newsdrop_core::fields::nlp::{EntityKind, Nlp};

const TYPES: [&str; 3] = ["PER", "LOC", "ORG"];

/// One sentence: its characters and gold spans `(type, char_start, char_end)`.
struct Sentence {
    text: String,
    gold: Vec<(&'static str, usize, usize)>,
}

fn type_of(label: &str) -> Option<&'static str> {
    TYPES.iter().copied().find(|t| label.ends_with(t))
}

/// Turns per-character BIO labels into spans.
fn spans_from_bio(labels: &[&str]) -> Vec<(&'static str, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(&'static str, usize)> = None;
    for (i, l) in labels.iter().enumerate() {
        let begins = l.starts_with("B-");
        let inside = l.starts_with("I-") || l.starts_with("M-") || l.starts_with("E-");
        let ty = type_of(l);
        match open {
            Some((t, s)) if inside && ty == Some(t) => {
                let _ = s;
            }
            Some((t, s)) => {
                out.push((t, s, i));
                open = None;
                if let (true, Some(t2)) = (begins || inside, ty) {
                    open = Some((t2, i));
                }
            }
            None => {
                if let (true, Some(t2)) = (begins || inside, ty) {
                    open = Some((t2, i));
                }
            }
        }
    }
    if let Some((t, s)) = open {
        out.push((t, s, labels.len()));
    }
    out
}

fn load_peoples_daily(path: &Path) -> Vec<Sentence> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut chars = String::new();
    let mut labels: Vec<String> = Vec::new();
    let mut flush = |chars: &mut String, labels: &mut Vec<String>| {
        if !chars.is_empty() {
            let refs: Vec<&str> = labels.iter().map(String::as_str).collect();
            out.push(Sentence {
                text: std::mem::take(chars),
                gold: spans_from_bio(&refs),
            });
            labels.clear();
        }
    };
    for line in text.lines() {
        let mut parts = line.split_whitespace();
        match (parts.next(), parts.next()) {
            (Some(c), Some(l)) => {
                chars.push_str(c);
                labels.push(l.to_string());
            }
            _ => flush(&mut chars, &mut labels),
        }
    }
    flush(&mut chars, &mut labels);
    out
}

fn load_msra(dir: &Path) -> Vec<Sentence> {
    let (Ok(sents), Ok(tags)) = (
        std::fs::read_to_string(dir.join("sentences.txt")),
        std::fs::read_to_string(dir.join("tags.txt")),
    ) else {
        return Vec::new();
    };
    sents
        .lines()
        .zip(tags.lines())
        .filter_map(|(s, t)| {
            let chars: Vec<&str> = s.split_whitespace().collect();
            let labels: Vec<&str> = t.split_whitespace().collect();
            (chars.len() == labels.len() && !chars.is_empty()).then(|| Sentence {
                text: chars.concat(),
                gold: spans_from_bio(&labels),
            })
        })
        .collect()
}

/// Byte offset → char index of `text`.
fn char_index(text: &str, byte: usize) -> usize {
    text.get(..byte).map(|s| s.chars().count()).unwrap_or(0)
}

#[derive(Default, Clone, Copy)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Tally {
    fn prf(&self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp > 0 {
            self.tp as f64 / (self.tp + self.fp) as f64
        } else {
            0.0
        };
        let r = if self.tp + self.fn_ > 0 {
            self.tp as f64 / (self.tp + self.fn_) as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

fn score(
    sentences: &[Sentence],
    predict: impl Fn(&str) -> Vec<(&'static str, usize, usize)>,
) -> [Tally; 3] {
    let mut t = [Tally::default(); 3];
    for s in sentences {
        let pred: HashSet<(&str, usize, usize)> = predict(&s.text).into_iter().collect();
        let gold: HashSet<(&str, usize, usize)> = s.gold.iter().copied().collect();
        for (k, ty) in TYPES.iter().enumerate() {
            let p: HashSet<_> = pred.iter().filter(|x| x.0 == *ty).collect();
            let g: HashSet<_> = gold.iter().filter(|x| x.0 == *ty).collect();
            let tp = p.intersection(&g).count();
            t[k].tp += tp;
            t[k].fp += p.len() - tp;
            t[k].fn_ += g.len() - tp;
        }
    }
    t
}

fn plain_tags(jieba: &Jieba, text: &str) -> Vec<(&'static str, usize, usize)> {
    jieba
        .tag(text, true)
        .into_iter()
        .filter_map(|t| {
            let ty = match t.tag {
                "nr" | "nrfg" | "nrt" => "PER",
                "ns" => "LOC",
                "nt" => "ORG",
                _ => return None,
            };
            Some((ty, t.start, t.end))
        })
        .collect()
}

fn newsdrop_spans(nlp: &Nlp, text: &str) -> Vec<(&'static str, usize, usize)> {
    nlp.entity_spans(text)
        .into_iter()
        .map(|e| {
            let ty = match e.kind {
                EntityKind::Person => "PER",
                EntityKind::Place => "LOC",
                EntityKind::Organization => "ORG",
            };
            (ty, char_index(text, e.start), char_index(text, e.end))
        })
        .collect()
}

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn main() {
    let shared = shared();
    let nlp = match Nlp::new(None) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let jieba = Jieba::new();
    let sets = [
        (
            "peoples-daily-ner test",
            load_peoples_daily(&shared.join("corpus/peoples-daily-ner/example.test")),
        ),
        (
            "msra-ner test",
            load_msra(&shared.join("corpus/msra-ner/test")),
        ),
    ];
    println!("| corpus | type | gold | plain jieba-rs P | R | F1 | newsdrop P | R | F1 |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for (name, sentences) in &sets {
        if sentences.is_empty() {
            println!("| {name} | (not found under {}) |", shared.display());
            continue;
        }
        let plain = score(sentences, |t| plain_tags(&jieba, t));
        let ours = score(sentences, |t| newsdrop_spans(&nlp, t));
        for (k, ty) in TYPES.iter().enumerate() {
            let (pp, pr, pf) = plain[k].prf();
            let (np, nr, nf) = ours[k].prf();
            let gold = ours[k].tp + ours[k].fn_;
            println!(
                "| {name} ({} sentences) | {ty} | {gold} | {pp:.3} | {pr:.3} | {pf:.3} | {np:.3} | {nr:.3} | **{nf:.3}** |",
                sentences.len()
            );
        }
    }

    // Cost of entity extraction against the segmentation it reuses (five eval inputs).
    let mut bodies = Vec::new();
    if let Ok(dir) = std::fs::read_dir(shared.join("eval/input")) {
        for e in dir.flatten() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                bodies.push(t);
            }
        }
    }
    if bodies.is_empty() {
        return;
    }
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
    let per = |d: std::time::Duration| d.as_secs_f64() * 1000.0 / (rounds * bodies.len()) as f64;
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
