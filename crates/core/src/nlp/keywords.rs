//! Keywords: TextRank over the article's own tags (content nouns, verbal nouns and proper
//! names, co-occurring within a window of five), without function words, numbers or page
//! boilerplate words.

use super::Tok;
use super::lexicon::{FastMap, Lexicon};
use crate::record::Keyword;

const WINDOW: usize = 5;
const DAMPING: f64 = 0.85;
const ROUNDS: usize = 10;

fn content(lex: &Lexicon, t: &Tok<'_>) -> bool {
    let tag_ok = matches!(
        t.tag,
        "n" | "nz" | "vn" | "ns" | "nt" | "nr" | "nrfg" | "nrt" | "l" | "j" | "i" | "an" | ""
    );
    tag_ok
        && t.chars() >= 2
        && !t.is_punct()
        && !t.word.chars().any(|c| c.is_ascii_digit())
        && !lex.keyword_stop.contains(t.word)
}

/// The `top` keywords of a tagged body, weights scaled so the first is 1.
pub fn extract(lex: &Lexicon, toks: &[Tok<'_>], top: usize) -> Vec<Keyword> {
    if top == 0 {
        return Vec::new();
    }
    // Each content word as the id of its first occurrence (ids in order of appearance).
    let mut index: FastMap<&str, u32> = FastMap::default();
    let mut vocab: Vec<&str> = Vec::new();
    let mut ids: Vec<u32> = Vec::new();
    for t in toks.iter().filter(|t| content(lex, t)) {
        let id = *index.entry(t.word).or_insert_with(|| {
            vocab.push(t.word);
            (vocab.len() - 1) as u32
        });
        ids.push(id);
    }
    if ids.is_empty() {
        return Vec::new();
    }
    let n = vocab.len();
    // Edge weights keyed by (from, to) in both directions. The inbound sums below are taken in
    // this map's iteration order: the scores of equally ranked words depend on it in their
    // last bits, so the map (key type, hasher, capacity and insertion order) stays as it is.
    let mut edges: FastMap<(usize, usize), f64> =
        FastMap::with_capacity_and_hasher(ids.len() * 8, Default::default());
    for (i, &a) in ids.iter().enumerate() {
        for &b in ids.iter().skip(i + 1).take(WINDOW - 1) {
            if a != b {
                let (a, b) = (a as usize, b as usize);
                *edges.entry((a, b)).or_default() += 1.0;
                *edges.entry((b, a)).or_default() += 1.0;
            }
        }
    }
    // Inbound edges grouped by target (in map order within each target), and out-weights.
    let mut out_weight = vec![0.0f64; n];
    let mut first_edge = vec![0usize; n + 1];
    for (&(a, b), &w) in &edges {
        out_weight[a] += w;
        first_edge[b + 1] += 1;
    }
    for b in 0..n {
        first_edge[b + 1] += first_edge[b];
    }
    let mut fill = first_edge.clone();
    let mut inbound = vec![(0u32, 0.0f64); edges.len()];
    for (&(a, b), &w) in &edges {
        inbound[fill[b]] = (a as u32, w);
        fill[b] += 1;
    }
    // Each edge's share of its source's out-weight, computed once (the same quotient as
    // `w / out_weight[a]` in every round).
    for e in &mut inbound {
        e.1 /= out_weight[e.0 as usize];
    }
    let mut score = vec![1.0f64; n];
    let mut next = vec![0.0f64; n];
    for _ in 0..ROUNDS {
        for (b, slot) in next.iter_mut().enumerate() {
            let mut s = 0.0;
            for &(a, share) in &inbound[first_edge[b]..first_edge[b + 1]] {
                s += share * score[a as usize];
            }
            *slot = (1.0 - DAMPING) + DAMPING * s;
        }
        std::mem::swap(&mut score, &mut next);
    }
    let mut ranked: Vec<(usize, f64)> = score.into_iter().enumerate().collect();
    ranked.sort_by(|x, y| {
        y.1.partial_cmp(&x.1)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| x.0.cmp(&y.0))
    });
    let max = ranked
        .first()
        .map(|r| r.1)
        .unwrap_or(1.0)
        .max(f64::MIN_POSITIVE);
    ranked
        .into_iter()
        .take(top)
        .map(|(i, s)| Keyword {
            word: vocab[i].to_string(),
            weight: (s / max * 10000.0).round() / 10000.0,
        })
        .collect()
}
