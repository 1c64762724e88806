//! Readers for the NER corpora under `../shared/corpus` (People's Daily, MSRA, CLUENER 2020,
//! Weibo) and strict-span scoring, shared by `examples/ner_eval.rs`,
//! `examples/train_tagger.rs` and `tests/ner_tagger.rs` (each includes this file with
//! `#[path]`; it is not an example of its own). Reads files only; knows nothing of models.
//!
//! Spans are `(kind, start, end)` in characters, end exclusive, with kind 0 = PER, 1 = LOC,
//! 2 = ORG (the order of `newsdrop_core::fields::nlp::tagger::labels::KINDS`).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use newsdrop_core::fields::nlp::{EntityKind, EntitySpan};

/// Label names in kind order.
pub const TYPES: [&str; 3] = ["PER", "LOC", "ORG"];

/// One sentence with its gold spans.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// The text.
    pub text: String,
    /// Gold spans `(kind, char_start, char_end)`.
    pub spans: Vec<(usize, usize, usize)>,
}

/// The training sentences with their persons only, as `common_word_names` and
/// `given_name_ends` count them: People's Daily `example.dev`, MSRA `val`, CLUENER 2020 `train`
/// and `dev` (never the evaluation sets).
pub fn training_persons(corpus: &Path) -> Vec<Sentence> {
    let mut sentences = load_char_per_line(&corpus.join("peoples-daily-ner/example.dev"));
    sentences.extend(load_msra(&corpus.join("msra-ner/val")));
    for file in ["cluener2020/train.json", "cluener2020/dev.json"] {
        let person = |label: &str| (label == "name").then_some(0);
        sentences.extend(load_cluener(&corpus.join(file), person).0);
    }
    sentences
}

/// `../shared/corpus` next to the checkout, if present.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    dir.is_dir().then_some(dir)
}

/// The kind index of a BIO label such as `B-PER` (`None` for `O` and other types).
fn type_of(label: &str) -> Option<usize> {
    TYPES.iter().position(|t| label.ends_with(t))
}

/// Per-character BIO (or BIOES/BMES) labels to spans; an I without a B opens a span.
pub fn spans_from_bio(labels: &[&str]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, l) in labels.iter().enumerate() {
        let begins = l.starts_with("B-") || l.starts_with("S-");
        let inside = l.starts_with("I-") || l.starts_with("M-") || l.starts_with("E-");
        let ty = type_of(l);
        if let Some((t, s)) = open {
            if inside && !begins && ty == Some(t) {
                continue;
            }
            out.push((t, s, i));
            open = None;
        }
        if let (true, Some(t)) = (begins || inside, ty) {
            open = Some((t, i));
        }
    }
    if let Some((t, s)) = open {
        out.push((t, s, labels.len()));
    }
    out
}

/// People's Daily layout: one `char label` a line, a blank line between sentences.
pub fn load_char_per_line(path: &Path) -> Vec<Sentence> {
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
                spans: spans_from_bio(&refs),
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

/// MSRA layout: `sentences.txt` (space-separated characters) and `tags.txt` (labels), line by
/// line.
pub fn load_msra(dir: &Path) -> Vec<Sentence> {
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
                spans: spans_from_bio(&labels),
            })
        })
        .collect()
}

/// Weibo layout: `char<digit> label` a line (the digit is a segmentation mark), blank line
/// between sentences; `PER.NAM` → PER, `ORG.NAM` → ORG, `LOC.NAM`/`GPE.NAM` → LOC, nominal
/// mentions (`.NOM`) dropped.
pub fn load_weibo(path: &Path) -> Vec<Sentence> {
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
                spans: spans_from_bio(&refs),
            });
            labels.clear();
        }
    };
    for line in text.lines() {
        let mut parts = line.split_whitespace();
        match (parts.next(), parts.next()) {
            (Some(c), Some(l)) => {
                let mut cs = c.chars();
                if let Some(ch) = cs.next() {
                    chars.push(ch);
                }
                let mapped = match l.split_once('.') {
                    Some((bio, "NAM")) => match bio.split_once('-') {
                        Some((p, "PER")) => format!("{p}-PER"),
                        Some((p, "ORG")) => format!("{p}-ORG"),
                        Some((p, "LOC" | "GPE")) => format!("{p}-LOC"),
                        _ => "O".to_string(),
                    },
                    _ => "O".to_string(),
                };
                labels.push(mapped);
            }
            _ => flush(&mut chars, &mut labels),
        }
    }
    flush(&mut chars, &mut labels);
    out
}

/// CLUENER 2020 JSON lines. `map` turns a CLUENER label (`name`, `address`, `company` …)
/// into a kind index or `None` (not an entity for us). Each record's text and, for every
/// label, the entity strings with inclusive character offsets. Also returns every labelled
/// entity string with its CLUENER label, mapped or not.
pub fn load_cluener(
    path: &Path,
    map: impl Fn(&str) -> Option<usize>,
) -> (Vec<Sentence>, Vec<(String, String)>) {
    let Ok(text) = std::fs::read_to_string(path) else {
        return (Vec::new(), Vec::new());
    };
    let mut out = Vec::new();
    let mut strings = Vec::new();
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(t) = v.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        let n = t.chars().count();
        let mut spans = Vec::new();
        if let Some(labels) = v.get("label").and_then(|l| l.as_object()) {
            // Sorted label names: a fixed order whatever the JSON object order.
            let mut names: Vec<&String> = labels.keys().collect();
            names.sort();
            for name in names {
                let Some(ents) = labels.get(name).and_then(|e| e.as_object()) else {
                    continue;
                };
                let mut ents: Vec<(&String, &serde_json::Value)> = ents.iter().collect();
                ents.sort_by(|a, b| a.0.cmp(b.0));
                for (ent, offsets) in ents {
                    strings.push((name.clone(), ent.clone()));
                    let Some(kind) = map(name) else { continue };
                    for o in offsets.as_array().into_iter().flatten() {
                        let (Some(s), Some(e)) = (
                            o.get(0).and_then(serde_json::Value::as_u64),
                            o.get(1).and_then(serde_json::Value::as_u64),
                        ) else {
                            continue;
                        };
                        let (s, e) = (s as usize, e as usize + 1);
                        if s < e && e <= n {
                            spans.push((kind, s, e));
                        }
                    }
                }
            }
        }
        spans.sort();
        out.push(Sentence {
            text: t.to_string(),
            spans,
        });
    }
    (out, strings)
}

/// Character index of byte offset `byte` of `text`.
pub fn char_index(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.chars().count())
}

/// Entity spans (byte ranges) to `(kind, char_start, char_end)`.
pub fn to_char_spans(text: &str, spans: &[EntitySpan]) -> Vec<(usize, usize, usize)> {
    spans
        .iter()
        .map(|e| {
            let kind = match e.kind {
                EntityKind::Person => 0,
                EntityKind::Place => 1,
                EntityKind::Organization => 2,
            };
            (kind, char_index(text, e.start), char_index(text, e.end))
        })
        .collect()
}

/// True positives, false positives and false negatives of one kind.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    /// Predicted and gold.
    pub tp: usize,
    /// Predicted, not gold.
    pub fp: usize,
    /// Gold, not predicted.
    pub fn_: usize,
}

impl Tally {
    /// Precision, recall, F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    /// The sum of several tallies.
    pub fn sum(ts: &[Tally]) -> Tally {
        ts.iter().fold(Tally::default(), |a, t| Tally {
            tp: a.tp + t.tp,
            fp: a.fp + t.fp,
            fn_: a.fn_ + t.fn_,
        })
    }
}

/// Adds the strict-span comparison of `pred` against `gold` (both character spans) to `t`.
pub fn tally(t: &mut [Tally; 3], pred: &[(usize, usize, usize)], gold: &[(usize, usize, usize)]) {
    let mut pred = pred.to_vec();
    pred.sort_unstable();
    pred.dedup();
    let mut gold = gold.to_vec();
    gold.sort_unstable();
    gold.dedup();
    for (k, tk) in t.iter_mut().enumerate() {
        let p: Vec<_> = pred.iter().filter(|x| x.0 == k).collect();
        let g: Vec<_> = gold.iter().filter(|x| x.0 == k).collect();
        let tp = p.iter().filter(|x| g.contains(x)).count();
        tk.tp += tp;
        tk.fp += p.len() - tp;
        tk.fn_ += g.len() - tp;
    }
}
