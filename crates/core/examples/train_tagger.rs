//! Trains the character-level PER/LOC/ORG tagger of `newsdrop_core::fields::nlp::tagger` and writes its
//! model file. A linear-chain CRF (SGD with L2 and Polyak averaging; `--perceptron` trains an
//! averaged structured perceptron instead) over the library's own features (computed by
//! `tagger::features` from `Nlp::tokens`, exactly as at inference), with Viterbi decoding over
//! legal BIOES paths; the averaged weights are quantized to 8-bit rows with per-row shifts,
//! near-zero rows pruned.
//!
//! Training data (all under `../shared/corpus`, read-only): People's Daily `example.dev`,
//! MSRA `val`, and CLUENER 2020 `train` + `dev` (name → PER; organization, government,
//! company → ORG; address → LOC only with `--cluener-loc`). The evaluation sets (People's
//! Daily `example.test`, MSRA `test`) are never trained or tuned on. They are read for one
//! thing only: any training sentence sharing a 20-character window with an evaluation
//! sentence is dropped (MSRA `val` repeats about 200 People's Daily test sentences).
//!
//! Deterministic: fixed file order, a fixed-seed shuffle, no hash-order dependence; the same
//! inputs give the same bytes.
//!
//! Run: `cargo run --release -p newsdrop-core --example train_tagger -- --out
//! crates/core/data/tagger/model.bin`. `--heldout` keeps every tenth in-domain sentence out of
//! training and scores it after each epoch (for choosing epochs and options); see `--help`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "ner_corpus/mod.rs"]
mod ner_corpus;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use ner_corpus::{Sentence, TYPES, Tally};
use newsdrop_core::fields::nlp::Nlp;
/// A map with a fixed hasher, so that training visits features in the same order every run.
type FastMap<K, V> = std::collections::HashMap<
    K,
    V,
    std::hash::BuildHasherDefault<std::collections::hash_map::DefaultHasher>,
>;
use newsdrop_core::fields::nlp::tagger::Tagger;
use newsdrop_core::fields::nlp::tagger::features::{
    self, Anchor, CharFlags, ChunkBuf, Chunker, FeatureSet, N_DENSE, Scratch, Sink, char_flag,
    for_each_target, word_key,
};
use newsdrop_core::fields::nlp::tagger::labels::{self, LANES, N_LABELS};
use newsdrop_core::fields::nlp::tagger::model::{EntryData, ModelData, Weights};
use newsdrop_core::fields::nlp::tagger::viterbi::{self, Lattice, Transitions};

const L: usize = N_LABELS;

/// Word gazetteer flag bits (the model's per-word flags).
const WF_DIVISION: u8 = 1;
const WF_CL_PER: u8 = 1 << 1;
const WF_CL_ORG: u8 = 1 << 2;
const WF_CL_LOC: u8 = 1 << 3;
const WF_ROLE: u8 = 1 << 4;
const WF_ORG_SUFFIX: u8 = 1 << 5;
const WF_PLACE_SUFFIX: u8 = 1 << 6;
const WF_SURNAME2: u8 = 1 << 7;

const SURNAMES_A: &str = include_str!("../data/surnames.txt");
const SURNAMES_B: &str = include_str!("../data/nlp/surnames.txt");
const ORG_SUFFIXES: &str = include_str!("../data/nlp/org_suffixes.txt");
const PLACE_SUFFIXES: &str = include_str!("../data/nlp/place_suffixes.txt");
const DIVISIONS: &str = include_str!("../data/nlp/divisions.txt");
const ROLES: &str = include_str!("../data/nlp/roles.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cluener {
    /// Not used.
    None,
    /// Its sentences are training sentences.
    Train,
    /// Its entity strings are word gazetteers only.
    Lexicon,
    /// Both.
    Both,
}

struct Args {
    out: PathBuf,
    epochs: usize,
    heldout: bool,
    cluener: Cluener,
    cluener_loc: bool,
    weibo: bool,
    genre: usize,
    features: FeatureSet,
    prune: f32,
    seed: u64,
    folds: usize,
    fold: usize,
    errors: bool,
    cv: usize,
    min_count: u32,
    learner: Learner,
    eta: f64,
    c2: f64,
    average_from: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Learner {
    Perceptron,
    Crf,
}

const HELP: &str = "train_tagger [--out PATH] [--epochs N] [--heldout] \
[--cluener none|train|lexicon|both] [--cluener-loc] [--weibo] [--genre N] [--without FAMILY,...] \
[--prune Q] [--seed N]
  families: uni bi tri skip word pos pos-backoff class char-flags word-flags";

fn family(name: &str) -> u32 {
    match name {
        "uni" => FeatureSet::UNI,
        "bi" => FeatureSet::BI,
        "tri" => FeatureSet::TRI,
        "skip" => FeatureSet::SKIP,
        "word" => FeatureSet::WORD,
        "pos" => FeatureSet::POS,
        "pos-backoff" => FeatureSet::POS_BACKOFF,
        "class" => FeatureSet::CLASS,
        "char-flags" => FeatureSet::CHAR_FLAGS,
        "word-flags" => FeatureSet::WORD_FLAGS,
        other => panic!("unknown feature family {other}"),
    }
}

fn parse_args() -> Args {
    let mut a = Args {
        out: Path::new(env!("CARGO_MANIFEST_DIR")).join("data/tagger/model.bin"),
        epochs: 12,
        heldout: false,
        cluener: Cluener::Lexicon,
        cluener_loc: false,
        weibo: false,
        genre: 0,
        features: FeatureSet(
            FeatureSet::ALL.0
                & !(FeatureSet::TRI
                    | FeatureSet::SKIP
                    | FeatureSet::CLASS
                    | FeatureSet::POS_BACKOFF),
        ),
        prune: 0.01,
        seed: 0x5eed_1234_abcd_0001,
        folds: 10,
        fold: 0,
        errors: false,
        cv: 0,
        min_count: 2,
        learner: Learner::Crf,
        eta: 0.1,
        c2: 0.5,
        average_from: 2,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| panic!("{arg} needs a value"));
        match arg.as_str() {
            "--out" => a.out = PathBuf::from(value()),
            "--epochs" => a.epochs = value().parse().expect("--epochs N"),
            "--heldout" => a.heldout = true,
            "--folds" => a.folds = value().parse().expect("--folds K"),
            "--fold" => a.fold = value().parse().expect("--fold F"),
            "--errors" => a.errors = true,
            "--cv" => a.cv = value().parse().expect("--cv K"),
            "--crf" => a.learner = Learner::Crf,
            "--perceptron" => a.learner = Learner::Perceptron,
            "--eta" => a.eta = value().parse().expect("--eta X"),
            "--average-from" => a.average_from = value().parse().expect("--average-from EPOCH"),
            "--c2" => a.c2 = value().parse().expect("--c2 X"),
            "--min-count" => a.min_count = value().parse().expect("--min-count N"),
            "--cluener" => {
                a.cluener = match value().as_str() {
                    "none" => Cluener::None,
                    "train" => Cluener::Train,
                    "lexicon" => Cluener::Lexicon,
                    "both" => Cluener::Both,
                    other => panic!("--cluener {other}?"),
                }
            }
            "--cluener-loc" => a.cluener_loc = true,
            "--weibo" => a.weibo = true,
            "--genre" => a.genre = value().parse().expect("--genre N"),
            "--prune" => a.prune = value().parse().expect("--prune Q"),
            "--seed" => a.seed = value().parse().expect("--seed N"),
            "--without" | "--with" => {
                for name in value().split(',') {
                    let bit = family(name);
                    if arg == "--with" {
                        a.features = FeatureSet(a.features.0 | bit);
                    } else {
                        a.features = FeatureSet(a.features.0 & !bit);
                    }
                }
            }
            "--help" | "-h" => {
                println!("{HELP}");
                std::process::exit(0);
            }
            other => panic!("unknown argument {other}\n{HELP}"),
        }
    }
    a
}

/// Whitespace-separated items of a data file, comments (`#`) skipped; with `first_only`, only
/// the first item of each line.
fn items(text: &str, first_only: bool) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        if first_only {
            out.extend(parts.next());
        } else {
            out.extend(parts);
        }
    }
    out
}

/// The per-character flags: family names, last characters of org and place suffixes.
fn char_flags() -> CharFlags {
    let mut f = CharFlags::default();
    for s in items(SURNAMES_A, false)
        .into_iter()
        .chain(items(SURNAMES_B, false))
    {
        if let Some(c) = s.chars().next() {
            f.add(c, char_flag::SURNAME);
        }
    }
    for s in items(ORG_SUFFIXES, true) {
        if let Some(c) = s.chars().last() {
            f.add(c, char_flag::ORG_SUFFIX);
        }
    }
    for s in items(PLACE_SUFFIXES, true) {
        if let Some(c) = s.chars().last() {
            f.add(c, char_flag::PLACE_SUFFIX);
        }
    }
    f
}

/// The per-word gazetteer flags, by [`word_key`].
fn word_flags(cluener_strings: &[(String, String)]) -> FastMap<u64, u8> {
    let mut g: FastMap<u64, u8> = FastMap::default();
    let mut add = |w: &str, bit: u8| *g.entry(word_key(w)).or_default() |= bit;
    for name in items(DIVISIONS, false) {
        add(name.trim_start_matches('@'), WF_DIVISION);
    }
    for r in items(ROLES, false) {
        add(r, WF_ROLE);
    }
    for s in items(ORG_SUFFIXES, true) {
        add(s, WF_ORG_SUFFIX);
    }
    for s in items(PLACE_SUFFIXES, true) {
        add(s, WF_PLACE_SUFFIX);
    }
    for s in items(SURNAMES_A, false)
        .into_iter()
        .chain(items(SURNAMES_B, false))
    {
        if s.chars().count() == 2 {
            add(s, WF_SURNAME2);
        }
    }
    for (label, s) in cluener_strings {
        let bit = match label.as_str() {
            "name" => WF_CL_PER,
            "organization" | "government" | "company" => WF_CL_ORG,
            "address" | "scene" => WF_CL_LOC,
            _ => continue,
        };
        add(s, bit);
    }
    g
}

/// Hash of a string of characters (for the overlap filter).
fn hash_chars(cs: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in cs {
        h ^= c as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

const WINDOW: usize = 20;

/// Every 20-character window (or the whole text when shorter) of `texts`.
fn windows<'a>(texts: impl Iterator<Item = &'a str>) -> HashSet<u64> {
    let mut set = HashSet::new();
    for t in texts {
        let cs: Vec<char> = t.chars().collect();
        if cs.len() < WINDOW {
            set.insert(hash_chars(&cs));
        } else {
            for w in cs.windows(WINDOW) {
                set.insert(hash_chars(w));
            }
        }
    }
    set
}

fn overlaps(text: &str, eval: &HashSet<u64>) -> bool {
    let cs: Vec<char> = text.chars().collect();
    if cs.len() < WINDOW {
        return eval.contains(&hash_chars(&cs));
    }
    cs.windows(WINDOW).any(|w| eval.contains(&hash_chars(w)))
}

/// One training chunk: the feature rows firing at each position and the gold labels.
struct Instance {
    feats: Vec<u32>,
    starts: Vec<u32>,
    gold: Vec<u8>,
}

/// The training [`Sink`]: gives every (key, slot) a row id and records rows per position.
struct Recorder<'g> {
    ids: FastMap<(u64, u8), u32>,
    keys: Vec<(u64, u8)>,
    gazetteer: &'g FastMap<u64, u8>,
    at: Vec<Vec<u32>>,
}

impl Sink for Recorder<'_> {
    fn keyed(&mut self, key: u64, anchor: Anchor) {
        let n = self.at.len();
        for_each_target(anchor, n, |slot, pos| {
            let next = (N_DENSE + self.keys.len()) as u32;
            let id = *self.ids.entry((key, slot)).or_insert(next);
            if id == next {
                self.keys.push((key, slot));
            }
            self.at[pos as usize].push(id);
        });
    }

    fn dense(&mut self, position: u32, id: u32) {
        self.at[position as usize].push(id);
    }
}

/// xorshift64*: the fixed-seed shuffle.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Weights with the running sums for averaging (`avg = w - u / c`).
struct Averaged {
    w: Vec<f32>,
    u: Vec<f64>,
}

impl Averaged {
    fn new(n: usize) -> Self {
        Averaged {
            w: vec![0.0; n],
            u: vec![0.0; n],
        }
    }

    #[inline]
    fn bump(&mut self, i: usize, delta: f32, c: f64) {
        self.w[i] += delta;
        self.u[i] += c * f64::from(delta);
    }

    fn average(&self, c: f64) -> Vec<f32> {
        self.w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (f64::from(w) - u / c) as f32)
            .collect()
    }
}

/// Transition layout in one flat vector: pairs `prev * L + cur`, then start, then end.
const T_START: usize = L * L;
const T_END: usize = L * L + L;
const T_LEN: usize = L * L + 2 * L;

fn transitions(t: &[f32]) -> Transitions<f32> {
    let mut out = Transitions::<f32>::default();
    for prev in 0..L {
        for cur in 0..L {
            out.pair[prev][cur] = t[prev * L + cur];
        }
    }
    out.start[..L].copy_from_slice(&t[T_START..T_START + L]);
    out.end[..L].copy_from_slice(&t[T_END..T_END + L]);
    out
}

struct Trainer {
    emit: Averaged,
    trans: Averaged,
    c: f64,
    scores: Vec<[f32; LANES]>,
    lattice: Lattice<f32>,
    pred: Vec<u8>,
}

impl Trainer {
    fn step(&mut self, inst: &Instance) -> bool {
        let n = inst.gold.len();
        self.scores.clear();
        self.scores.resize(n, [0.0; LANES]);
        for (i, s) in self.scores.iter_mut().enumerate() {
            for &r in &inst.feats[inst.starts[i] as usize..inst.starts[i + 1] as usize] {
                let row = &self.emit.w[r as usize * L..r as usize * L + L];
                for (a, w) in s.iter_mut().zip(row) {
                    *a += w;
                }
            }
        }
        let trans = transitions(&self.trans.w);
        viterbi::best_path(&self.scores, &trans, &mut self.lattice, &mut self.pred);
        let c = self.c;
        let mut wrong = false;
        for i in 0..n {
            let (g, p) = (inst.gold[i] as usize, self.pred[i] as usize);
            if g != p {
                wrong = true;
                for &r in &inst.feats[inst.starts[i] as usize..inst.starts[i + 1] as usize] {
                    self.emit.bump(r as usize * L + g, 1.0, c);
                    self.emit.bump(r as usize * L + p, -1.0, c);
                }
            }
        }
        if wrong {
            let (g0, p0) = (inst.gold[0] as usize, self.pred[0] as usize);
            self.trans.bump(T_START + g0, 1.0, c);
            self.trans.bump(T_START + p0, -1.0, c);
            let (gn, pn) = (inst.gold[n - 1] as usize, self.pred[n - 1] as usize);
            self.trans.bump(T_END + gn, 1.0, c);
            self.trans.bump(T_END + pn, -1.0, c);
            for i in 1..n {
                let g = inst.gold[i - 1] as usize * L + inst.gold[i] as usize;
                let p = self.pred[i - 1] as usize * L + self.pred[i] as usize;
                if g != p {
                    self.trans.bump(g, 1.0, c);
                    self.trans.bump(p, -1.0, c);
                }
            }
        }
        self.c += 1.0;
        wrong
    }
}

/// A linear-chain CRF trained by SGD with L2 regularisation (the weight-scale trick keeps
/// each step proportional to the features that fire).
struct Crf {
    /// Emission weights divided by `scale`.
    v: Vec<f64>,
    scale: f64,
    /// Averaging (Polyak): the mean of the weights after every step since averaging began
    /// is `(sum_scale * v - z) / steps`, kept exact with sparse updates only.
    averaging: bool,
    z: Vec<f64>,
    sum_scale: f64,
    steps: f64,
    trans_sum: Vec<f64>,
    /// Transition weights (flat layout of [`T_LEN`]).
    trans: Vec<f64>,
    lambda: f64,
    emit: Vec<[f64; L]>,
    alpha: Vec<[f64; L]>,
    beta: Vec<[f64; L]>,
}

fn logsumexp(xs: impl Iterator<Item = f64>) -> f64 {
    let v: Vec<f64> = xs.collect();
    let m = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if m == f64::NEG_INFINITY {
        return m;
    }
    m + v.iter().map(|x| (x - m).exp()).sum::<f64>().ln()
}

impl Crf {
    fn new(rows: usize, lambda: f64) -> Self {
        Crf {
            v: vec![0.0; rows * L],
            scale: 1.0,
            averaging: false,
            z: vec![0.0; rows * L],
            sum_scale: 0.0,
            steps: 0.0,
            trans_sum: vec![0.0; T_LEN],
            trans: vec![0.0; T_LEN],
            lambda,
            emit: Vec::new(),
            alpha: Vec::new(),
            beta: Vec::new(),
        }
    }

    /// One SGD step on `inst` with learning rate `eta`; returns its log-likelihood.
    fn step(&mut self, inst: &Instance, eta: f64) -> f64 {
        let n = inst.gold.len();
        let feats = |i: usize| &inst.feats[inst.starts[i] as usize..inst.starts[i + 1] as usize];
        self.emit.clear();
        for i in 0..n {
            let mut e = [0f64; L];
            for &r in feats(i) {
                let row = &self.v[r as usize * L..r as usize * L + L];
                for (a, &w) in e.iter_mut().zip(row) {
                    *a += w;
                }
            }
            for a in &mut e {
                *a *= self.scale;
            }
            self.emit.push(e);
        }
        let t = &self.trans;
        let neg = f64::NEG_INFINITY;
        self.alpha.clear();
        self.alpha.resize(n, [neg; L]);
        self.beta.clear();
        self.beta.resize(n, [neg; L]);
        for l in 0..L {
            if labels::may_start(l as u8) {
                self.alpha[0][l] = t[T_START + l] + self.emit[0][l];
            }
        }
        for i in 1..n {
            for c in 0..L {
                let (preds, k) = &labels::PREDECESSORS[c];
                let a = logsumexp(
                    preds[..*k]
                        .iter()
                        .map(|&p| self.alpha[i - 1][p as usize] + t[p as usize * L + c]),
                );
                self.alpha[i][c] = a + self.emit[i][c];
            }
        }
        for l in 0..L {
            if labels::may_end(l as u8) {
                self.beta[n - 1][l] = t[T_END + l];
            }
        }
        for i in (0..n - 1).rev() {
            for p in 0..L {
                self.beta[i][p] = logsumexp(
                    (0..L)
                        .filter(|&c| labels::allowed(p as u8, c as u8))
                        .map(|c| t[p * L + c] + self.emit[i + 1][c] + self.beta[i + 1][c]),
                );
            }
        }
        let log_z = logsumexp((0..L).map(|l| self.alpha[n - 1][l] + self.beta[n - 1][l]));
        // Gold score.
        let g = &inst.gold;
        let mut gold = t[T_START + g[0] as usize] + t[T_END + g[n - 1] as usize];
        for i in 0..n {
            gold += self.emit[i][g[i] as usize];
            if i > 0 {
                gold += t[g[i - 1] as usize * L + g[i] as usize];
            }
        }
        // Gradient step (ascent on the log-likelihood), after the L2 shrink.
        self.scale *= 1.0 - eta * self.lambda;
        let step = eta / self.scale;
        let mut tgrad = vec![0f64; T_LEN];
        for i in 0..n {
            let mut grad = [0f64; L];
            for ((g, a), b) in grad.iter_mut().zip(&self.alpha[i]).zip(&self.beta[i]) {
                *g = -(a + b - log_z).exp();
            }
            grad[g[i] as usize] += 1.0;
            for &r in feats(i) {
                let at = r as usize * L..r as usize * L + L;
                for (w, d) in self.v[at.clone()].iter_mut().zip(&grad) {
                    *w += step * d;
                }
                if self.averaging {
                    let s_prev = self.sum_scale;
                    for (z, d) in self.z[at].iter_mut().zip(&grad) {
                        *z += step * d * s_prev;
                    }
                }
            }
            if i == 0 {
                for l in 0..L {
                    tgrad[T_START + l] += grad[l];
                }
            }
            if i == n - 1 {
                for l in 0..L {
                    tgrad[T_END + l] += grad[l];
                }
            }
            if i > 0 {
                for c in 0..L {
                    let (preds, k) = &labels::PREDECESSORS[c];
                    for &p in &preds[..*k] {
                        let p = p as usize;
                        let m = (self.alpha[i - 1][p]
                            + t[p * L + c]
                            + self.emit[i][c]
                            + self.beta[i][c]
                            - log_z)
                            .exp();
                        tgrad[p * L + c] -= m;
                    }
                }
                tgrad[g[i - 1] as usize * L + g[i] as usize] += 1.0;
            }
        }
        for (w, d) in self.trans.iter_mut().zip(&tgrad) {
            *w += eta * d;
        }
        if self.averaging {
            self.sum_scale += self.scale;
            self.steps += 1.0;
            for (a, w) in self.trans_sum.iter_mut().zip(&self.trans) {
                *a += w;
            }
        }
        if self.scale < 1e-9 {
            for w in &mut self.v {
                *w *= self.scale;
            }
            self.sum_scale /= self.scale;
            self.scale = 1.0;
        }
        gold - log_z
    }

    fn weights(&self) -> (Vec<f32>, Vec<f32>) {
        if self.averaging && self.steps > 0.0 {
            return (
                self.v
                    .iter()
                    .zip(&self.z)
                    .map(|(&v, &z)| ((self.sum_scale * v - z) / self.steps) as f32)
                    .collect(),
                self.trans_sum
                    .iter()
                    .map(|&w| (w / self.steps) as f32)
                    .collect(),
            );
        }
        (
            self.v.iter().map(|&w| (w * self.scale) as f32).collect(),
            self.trans.iter().map(|&w| w as f32).collect(),
        )
    }
}

/// Quantizes averaged weights into a model.
#[allow(clippy::too_many_arguments)]
fn build_model(
    emit: &[f32],
    trans: &[f32],
    keys: &[(u64, u8)],
    counts: &[u32],
    gazetteer: &FastMap<u64, u8>,
    flags: &CharFlags,
    set: FeatureSet,
    prune: f32,
) -> ModelData {
    let max = emit
        .iter()
        .chain(trans)
        .fold(0f32, |m, w| m.max(w.abs()))
        .max(1e-6);
    // Rows whose largest weight is below this share of the model's largest are dropped.
    let floor = max * prune;
    let row_of = |r: usize| -> Option<Weights> {
        let mut row = [0f32; L];
        row.copy_from_slice(&emit[r * L..r * L + L]);
        row.iter().any(|w| w.abs() >= floor).then_some(row)
    };
    let dense: Vec<(u32, Weights)> = (0..N_DENSE)
        .filter_map(|r| row_of(r).map(|row| (r as u32, row)))
        .collect();
    let mut by_key: FastMap<u64, Vec<(u8, Weights)>> = FastMap::default();
    let mut order: Vec<u64> = Vec::new();
    let mut key_count: FastMap<u64, u64> = FastMap::default();
    for (i, &(key, slot)) in keys.iter().enumerate() {
        *key_count.entry(key).or_default() += u64::from(counts[i]);
        if let Some(row) = row_of(N_DENSE + i) {
            let rows = by_key.entry(key).or_insert_with(|| {
                order.push(key);
                Vec::new()
            });
            rows.push((slot, row));
        }
    }
    for (&key, _) in gazetteer.iter() {
        by_key.entry(key).or_insert_with(|| {
            order.push(key);
            Vec::new()
        });
    }
    // Most frequent first (ties by key): the blocks most text needs end up together.
    order.sort_unstable_by_key(|k| {
        (
            std::cmp::Reverse(key_count.get(k).copied().unwrap_or(0)),
            *k,
        )
    });
    let entries: Vec<EntryData> = order
        .into_iter()
        .map(|key| {
            let mut rows = by_key.remove(&key).unwrap_or_default();
            rows.sort_by_key(|(s, _)| *s);
            EntryData {
                key,
                flags: gazetteer.get(&key).copied().unwrap_or(0),
                rows,
            }
        })
        .collect();
    let mut pair = [[0f32; L]; L];
    let mut start = [0f32; L];
    let mut end = [0f32; L];
    for prev in 0..L {
        for cur in 0..L {
            pair[prev][cur] = trans[prev * L + cur];
        }
        start[prev] = trans[T_START + prev];
        end[prev] = trans[T_END + prev];
    }
    ModelData {
        features: set,
        pair,
        start,
        end,
        char_flags: flags.clone(),
        dense,
        entries,
    }
}

/// Scores `tagger` on `sentences`.
fn evaluate(tagger: &Tagger, nlp: &Nlp, sentences: &[&Sentence], errors: bool) -> [Tally; 3] {
    let mut t = [Tally::default(); 3];
    for s in sentences {
        let toks = nlp.tokens(&s.text);
        let pred = ner_corpus::to_char_spans(&s.text, &tagger.spans(&s.text, &toks));
        ner_corpus::tally(&mut t, &pred, &s.spans);
        if errors {
            let cs: Vec<char> = s.text.chars().collect();
            let show = |v: &[(usize, usize, usize)]| -> String {
                v.iter()
                    .map(|&(k, a, b)| {
                        format!("{}:{}", TYPES[k], cs[a..b].iter().collect::<String>())
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let missed: Vec<_> = s
                .spans
                .iter()
                .filter(|g| !pred.contains(g))
                .copied()
                .collect();
            let extra: Vec<_> = pred
                .iter()
                .filter(|p| !s.spans.contains(p))
                .copied()
                .collect();
            if !missed.is_empty() || !extra.is_empty() {
                let words: Vec<String> = toks
                    .iter()
                    .map(|t| format!("{}/{}", t.word, t.tag))
                    .collect();
                println!(
                    "ERR missed [{}] extra [{}] | {}",
                    show(&missed),
                    show(&extra),
                    words.join(" ")
                );
            }
        }
    }
    t
}

fn report(name: &str, t: &[Tally; 3]) -> String {
    let mut line = format!("{name}:");
    for (k, ty) in TYPES.iter().enumerate() {
        let (p, r, f) = t[k].prf();
        line.push_str(&format!(" {ty} {p:.3}/{r:.3}/{f:.3}"));
    }
    let (_, _, f) = Tally::sum(t).prf();
    line.push_str(&format!(" all F1 {f:.4}"));
    line
}

fn main() {
    let args = parse_args();
    let t0 = Instant::now();
    let Some(corpus) = ner_corpus::corpus_dir() else {
        eprintln!("../shared/corpus not found next to the checkout");
        std::process::exit(1);
    };
    let nlp = Nlp::new(None).expect("built-in dictionaries");

    // In-domain training data, then the evaluation sets' windows to keep out of it.
    let mut in_domain =
        ner_corpus::load_char_per_line(&corpus.join("peoples-daily-ner/example.dev"));
    in_domain.extend(ner_corpus::load_msra(&corpus.join("msra-ner/val")));
    let eval_texts: Vec<String> =
        ner_corpus::load_char_per_line(&corpus.join("peoples-daily-ner/example.test"))
            .into_iter()
            .chain(ner_corpus::load_msra(&corpus.join("msra-ner/test")))
            .map(|s| s.text)
            .collect();
    assert!(
        !in_domain.is_empty() && !eval_texts.is_empty(),
        "corpus files missing"
    );
    let eval_windows = windows(eval_texts.iter().map(String::as_str));
    drop(eval_texts);
    let mut seen = HashSet::new();
    let before = in_domain.len();
    in_domain.retain(|s| seen.insert(s.text.clone()));
    let dups = before - in_domain.len();
    let before = in_domain.len();
    in_domain.retain(|s| !overlaps(&s.text, &eval_windows));
    println!(
        "in-domain sentences: {} ({dups} exact duplicates and {} sharing a {WINDOW}-character window with an evaluation set dropped)",
        in_domain.len(),
        before - in_domain.len()
    );

    let loc = args.cluener_loc;
    let map = move |label: &str| match label {
        "name" => Some(0),
        "address" if loc => Some(1),
        "organization" | "government" | "company" => Some(2),
        _ => None,
    };
    let mut cluener = Vec::new();
    let mut cluener_strings = Vec::new();
    if args.cluener != Cluener::None {
        for file in ["cluener2020/train.json", "cluener2020/dev.json"] {
            let (s, strings) = ner_corpus::load_cluener(&corpus.join(file), map);
            cluener.extend(s);
            cluener_strings.extend(strings);
        }
        let before = cluener.len();
        cluener.retain(|s| !overlaps(&s.text, &eval_windows));
        println!(
            "CLUENER: {} sentences ({} overlapping dropped), {} entity strings",
            cluener.len(),
            before - cluener.len(),
            cluener_strings.len()
        );
    }
    let mut weibo = Vec::new();
    if args.weibo {
        for file in [
            "weibo-ner/weiboNER_2nd_conll.dev",
            "weibo-ner/weiboNER_2nd_conll.test",
        ] {
            weibo.extend(ner_corpus::load_weibo(&corpus.join(file)));
        }
        weibo.retain(|s| !overlaps(&s.text, &eval_windows));
        println!("Weibo: {} sentences", weibo.len());
    }

    let flags = char_flags();
    let lexicon_strings: &[(String, String)] =
        if matches!(args.cluener, Cluener::Lexicon | Cluener::Both) {
            &cluener_strings
        } else {
            &[]
        };
    let gazetteer = word_flags(lexicon_strings);
    let mut extra: Vec<Sentence> = Vec::new();
    if matches!(args.cluener, Cluener::Train | Cluener::Both) {
        extra.extend(cluener);
    }
    extra.extend(weibo);
    if args.genre > 0 {
        let mut genre = load_dev_set(&corpus);
        genre.retain(|s| !overlaps(&s.text, &eval_windows));
        println!(
            "dev set: {} body lines with {} spans, each trained {} times",
            genre.len(),
            genre.iter().map(|s| s.spans.len()).sum::<usize>(),
            args.genre
        );
        for _ in 0..args.genre {
            extra.extend(genre.iter().cloned());
        }
    }
    let setup = Setup {
        nlp: &nlp,
        flags: &flags,
        gazetteer: &gazetteer,
        args: &args,
    };

    if args.cv > 0 {
        // K-fold cross-validation over the in-domain sentences (the extra corpora always
        // train): scores summed over folds, per epoch.
        let k = args.cv;
        let mut totals = vec![[Tally::default(); 3]; args.epochs];
        for fold in 0..k {
            let (train, heldout) = split(&in_domain, &extra, k, fold);
            let tf = Instant::now();
            train_model(&setup, &train, &heldout, |epoch, t| {
                for (a, b) in totals[epoch - 1].iter_mut().zip(t) {
                    a.tp += b.tp;
                    a.fp += b.fp;
                    a.fn_ += b.fn_;
                }
            });
            println!("fold {fold} done in {:.1}s", tf.elapsed().as_secs_f64());
        }
        for (e, t) in totals.iter().enumerate() {
            println!("cv epoch {}: {}", e + 1, report("cv", t));
        }
        return;
    }

    let (train, heldout) = if args.heldout {
        split(&in_domain, &extra, args.folds, args.fold)
    } else {
        let mut all: Vec<&Sentence> = in_domain.iter().collect();
        all.extend(extra.iter());
        (all, Vec::new())
    };
    let data = train_model(&setup, &train, &heldout, |_, _| {});
    let bytes = data.to_bytes();
    let tagger = Tagger::from_bytes(&bytes).expect("model just built");
    let (entries, rows) = tagger.size();
    if let Some(dir) = args.out.parent() {
        std::fs::create_dir_all(dir).expect("output folder");
    }
    std::fs::write(&args.out, &bytes).expect("write model");
    println!(
        "wrote {} ({} bytes, {entries} keyed entries, {rows} rows, {} dense rows) in {:.1}s",
        args.out.display(),
        bytes.len(),
        data.dense.len(),
        t0.elapsed().as_secs_f64()
    );
}

/// The project's own dev set (`tests/dev-set`: gold records of real pages of the genre,
/// their inputs under `../shared/corpus`) as training sentences: each article body the
/// pipeline recovers, one line a sentence, with every written occurrence of the gold's
/// persons, organizations and places marked (longest first, no overlaps). This teaches the
/// tagger the genre's own convention (an organization in its longest written form, a
/// committee with its place), which the newspaper corpora annotate otherwise.
///
/// Off by default (`--genre N` trains these lines N times): measured on 2026-12-07 with
/// `--genre 2` against a plain retrain, 810 held-out genre pages moved persons .902 -> .907,
/// organizations .666 -> .669, places .761 -> .764, while six of the entity unit tests (written
/// against the shipped model's readings) failed and the dev set would stop being held out for
/// the entity fields. Not worth shipping yet; kept for the next try.
fn load_dev_set(corpus: &Path) -> Vec<Sentence> {
    use newsdrop_core::{ExtractConfig, Extractor, Input};
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/dev-set");
    let list = std::fs::read_to_string(dev.join("inputs.tsv")).expect("tests/dev-set/inputs.tsv");
    // The bodies only: the rules alone find the same body as with the tagger.
    let config = ExtractConfig {
        entity_tagger: false,
        ..Default::default()
    };
    let extractor = Extractor::new(&config).expect("built-in resources");
    let mut out = Vec::new();
    for line in list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let Some((name, rel)) = line.split_once('\t') else {
            continue;
        };
        let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
        let (Ok(bytes), Ok(gold)) = (
            std::fs::read(corpus.join(rel)),
            std::fs::read_to_string(dev.join("gold").join(format!("{stem}.json"))),
        ) else {
            continue;
        };
        let Ok(gold) = serde_json::from_str::<serde_json::Value>(&gold) else {
            continue;
        };
        let mut names: Vec<(usize, String)> = Vec::new();
        for article in gold["articles"].as_array().into_iter().flatten() {
            for (kind, field) in [(0, "persons"), (1, "places"), (2, "organizations")] {
                for v in article[field].as_array().into_iter().flatten() {
                    let name = v.as_str().or_else(|| v["name"].as_str()).unwrap_or("");
                    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
                    if name.chars().count() >= 2 && !names.iter().any(|(_, n)| *n == name) {
                        names.push((kind, name));
                    }
                }
            }
        }
        // Longest first, so that a place inside an organization's name stays inside it.
        names.sort_by(|a, b| b.1.chars().count().cmp(&a.1.chars().count()).then(a.cmp(b)));
        let input = Input {
            path: name,
            bytes: &bytes,
            ingested_at: "1970-01-01T00:00:00Z",
        };
        let Ok(records) = newsdrop_core::extract(&input, &extractor) else {
            continue;
        };
        for record in records {
            for text in record.body.lines().map(str::trim).filter(|l| !l.is_empty()) {
                let chars: Vec<char> = text.chars().collect();
                let mut taken = vec![false; chars.len()];
                let mut spans = Vec::new();
                for (kind, name) in &names {
                    let pat: Vec<char> = name.chars().collect();
                    let mut i = 0;
                    while i + pat.len() <= chars.len() {
                        if chars[i..i + pat.len()] == pat[..]
                            && !taken[i..i + pat.len()].contains(&true)
                        {
                            taken[i..i + pat.len()].iter_mut().for_each(|t| *t = true);
                            spans.push((*kind, i, i + pat.len()));
                            i += pat.len();
                        } else {
                            i += 1;
                        }
                    }
                }
                spans.sort_by_key(|s| s.1);
                out.push(Sentence {
                    text: text.to_string(),
                    spans,
                });
            }
        }
    }
    out
}

/// What every training run shares.
struct Setup<'a> {
    nlp: &'a Nlp,
    flags: &'a CharFlags,
    gazetteer: &'a FastMap<u64, u8>,
    args: &'a Args,
}

/// Fold `fold` of `k` of the in-domain sentences held out; the rest plus `extra` train.
fn split<'a>(
    in_domain: &'a [Sentence],
    extra: &'a [Sentence],
    k: usize,
    fold: usize,
) -> (Vec<&'a Sentence>, Vec<&'a Sentence>) {
    let mut train = Vec::new();
    let mut heldout = Vec::new();
    for (i, s) in in_domain.iter().enumerate() {
        if i % k == fold {
            heldout.push(s);
        } else {
            train.push(s);
        }
    }
    train.extend(extra.iter());
    (train, heldout)
}

/// The features of every chunk of `train`, and the (key, slot) of every keyed row id.
fn featurize(setup: &Setup<'_>, train: &[&Sentence]) -> (Vec<Instance>, Vec<(u64, u8)>, Vec<u32>) {
    let t0 = Instant::now();
    let mut rec = Recorder {
        ids: FastMap::default(),
        keys: Vec::new(),
        gazetteer: setup.gazetteer,
        at: Vec::new(),
    };
    let mut instances = Vec::new();
    let mut buf = ChunkBuf::default();
    let mut scratch = Scratch::default();
    let mut skipped = 0usize;
    for s in train {
        let toks = setup.nlp.tokens(&s.text);
        let n = s.text.chars().count();
        let gold_all = labels::encode(n, &s.spans);
        let mut chunker = Chunker::new(&s.text, &toks);
        while chunker.next_chunk(&mut buf) {
            let len = buf.chars.len();
            let gold = gold_all[buf.first_char..buf.first_char + len].to_vec();
            let legal = labels::may_start(gold[0])
                && labels::may_end(gold[len - 1])
                && gold.windows(2).all(|w| labels::allowed(w[0], w[1]));
            if !legal {
                skipped += 1;
                continue;
            }
            rec.at.clear();
            rec.at.resize(len, Vec::new());
            let set = setup.args.features;
            features::keyed(&buf.chars, &buf.words, set, &mut rec);
            let word_flags: Vec<u8> = buf
                .words
                .iter()
                .map(|w| rec.gazetteer.get(&w.key).copied().unwrap_or(0))
                .collect();
            features::dense(
                &buf.chars,
                &buf.words,
                &word_flags,
                set,
                setup.flags,
                &mut scratch,
                &mut rec,
            );
            let mut feats = Vec::new();
            let mut starts = vec![0u32];
            for at in &rec.at {
                feats.extend_from_slice(at);
                starts.push(feats.len() as u32);
            }
            instances.push(Instance {
                feats,
                starts,
                gold,
            });
        }
    }
    let positions: usize = instances.iter().map(|i| i.gold.len()).sum();
    let occurrences: usize = instances.iter().map(|i| i.feats.len()).sum();
    println!(
        "{} sentences, {} chunks ({skipped} cut through an entity skipped), {positions} characters, {} keyed rows, {:.1} features per character; features in {:.1}s",
        train.len(),
        instances.len(),
        rec.keys.len(),
        occurrences as f64 / positions.max(1) as f64,
        t0.elapsed().as_secs_f64()
    );
    let mut keys = rec.keys;
    let min = setup.args.min_count;
    // How often each keyed row fires in training.
    let mut count = vec![0u32; keys.len()];
    for inst in &instances {
        for &r in &inst.feats {
            if let Some(k) = (r as usize).checked_sub(N_DENSE) {
                count[k] += 1;
            }
        }
    }
    if min > 1 {
        // Keyed rows seen fewer than `min` times are dropped (dense rows always stay).
        let mut remap = vec![u32::MAX; keys.len()];
        let mut kept = Vec::new();
        let mut kept_count = Vec::new();
        for (k, &c) in count.iter().enumerate() {
            if c >= min {
                remap[k] = (N_DENSE + kept.len()) as u32;
                kept.push(keys[k]);
                kept_count.push(c);
            }
        }
        for inst in &mut instances {
            let mut feats = Vec::with_capacity(inst.feats.len());
            let mut starts = vec![0u32];
            for i in 0..inst.gold.len() {
                for &r in &inst.feats[inst.starts[i] as usize..inst.starts[i + 1] as usize] {
                    match (r as usize).checked_sub(N_DENSE) {
                        None => feats.push(r),
                        Some(k) if remap[k] != u32::MAX => feats.push(remap[k]),
                        Some(_) => {}
                    }
                }
                starts.push(feats.len() as u32);
            }
            inst.feats = feats;
            inst.starts = starts;
        }
        println!(
            "{} of {} keyed rows seen at least {min} times",
            kept.len(),
            keys.len()
        );
        keys = kept;
        count = kept_count;
    }
    (instances, keys, count)
}

/// Trains on `train` for the configured epochs; after each epoch, when `heldout` is not
/// empty, scores it and hands the scores to `on_epoch`. Returns the last epoch's model.
fn train_model(
    setup: &Setup<'_>,
    train: &[&Sentence],
    heldout: &[&Sentence],
    mut on_epoch: impl FnMut(usize, &[Tally; 3]),
) -> ModelData {
    let args = setup.args;
    let (instances, keys, counts) = featurize(setup, train);
    let n_rows = N_DENSE + keys.len();
    let mut trainer = Trainer {
        emit: Averaged::new(n_rows * L),
        trans: Averaged::new(T_LEN),
        c: 1.0,
        scores: Vec::new(),
        lattice: Lattice::default(),
        pred: Vec::new(),
    };
    let crf_mode = args.learner == Learner::Crf;
    let lambda = 2.0 * args.c2 / instances.len().max(1) as f64;
    let mut crf = Crf::new(if crf_mode { n_rows } else { 0 }, lambda);
    let mut t_step = 0f64;
    let mut order: Vec<usize> = (0..instances.len()).collect();
    let mut rng = Rng(args.seed);
    let mut model = None;
    for epoch in 1..=args.epochs {
        let te = Instant::now();
        rng.shuffle(&mut order);
        let mut wrong = 0usize;
        let mut loglik = 0f64;
        if crf_mode && args.average_from > 0 && epoch >= args.average_from {
            crf.averaging = true;
        }
        for &i in &order {
            if crf_mode {
                let eta = args.eta / (1.0 + args.eta * lambda * t_step);
                t_step += 1.0;
                loglik += crf.step(&instances[i], eta);
            } else if trainer.step(&instances[i]) {
                wrong += 1;
            }
        }
        if crf_mode {
            wrong = (-loglik) as usize;
        }
        let last = epoch == args.epochs;
        let mut line = format!(
            "epoch {epoch}: {wrong} of {} chunks wrong, {:.1}s",
            instances.len(),
            te.elapsed().as_secs_f64()
        );
        if !heldout.is_empty() || last {
            let (emit, trans) = if crf_mode {
                crf.weights()
            } else {
                (
                    trainer.emit.average(trainer.c),
                    trainer.trans.average(trainer.c),
                )
            };
            let data = build_model(
                &emit,
                &trans,
                &keys,
                &counts,
                setup.gazetteer,
                setup.flags,
                args.features,
                args.prune,
            );
            if !heldout.is_empty() {
                let bytes = data.to_bytes();
                let tagger = Tagger::from_bytes(&bytes).expect("model just built");
                let t = evaluate(&tagger, setup.nlp, heldout, args.errors && last);
                on_epoch(epoch, &t);
                line.push_str(&format!(
                    "; {}; model {:.2} MB",
                    report("held-out", &t),
                    bytes.len() as f64 / 1e6
                ));
            }
            if last {
                model = Some(data);
            }
        }
        println!("{line}");
    }
    model.expect("at least one epoch")
}
