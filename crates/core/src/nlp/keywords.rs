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
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| content(lex, t))
        .map(|t| t.word)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut index: FastMap<&str, usize> = FastMap::default();
    let mut vocab: Vec<&str> = Vec::new();
    for w in &words {
        index.entry(w).or_insert_with(|| {
            vocab.push(w);
            vocab.len() - 1
        });
    }
    let n = vocab.len();
    let mut edges: FastMap<(usize, usize), f64> =
        FastMap::with_capacity_and_hasher(words.len() * 8, Default::default());
    for (i, w) in words.iter().enumerate() {
        let a = index[w];
        for other in words.iter().skip(i + 1).take(WINDOW - 1) {
            let b = index[other];
            if a != b {
                *edges.entry((a, b)).or_default() += 1.0;
                *edges.entry((b, a)).or_default() += 1.0;
            }
        }
    }
    let mut out_weight = vec![0.0f64; n];
    let mut adj: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for (&(a, b), &w) in &edges {
        out_weight[a] += w;
        adj[b].push((a, w));
    }
    let mut score = vec![1.0f64; n];
    for _ in 0..ROUNDS {
        let mut next = vec![1.0 - DAMPING; n];
        for (b, inbound) in adj.iter().enumerate() {
            let mut s = 0.0;
            for &(a, w) in inbound {
                if out_weight[a] > 0.0 {
                    s += w / out_weight[a] * score[a];
                }
            }
            next[b] += DAMPING * s;
        }
        score = next;
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
