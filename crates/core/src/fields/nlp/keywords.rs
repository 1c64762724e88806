//! Keywords: TextRank over the article's own tags (content nouns, verbal nouns and proper
//! names, co-occurring within a window of five), without function words, numbers or page
//! boilerplate words.

use super::lexicon::Lexicon;
use super::token::Tok;
use crate::record::Keyword;
use crate::text::FastMap;

const WINDOW: usize = 5;
const DAMPING: f64 = 0.85;
const ROUNDS: usize = 10;

/// Whether `t` may be a keyword by its tag and form (the stop list is asked once per word).
fn content(t: &Tok<'_>) -> bool {
    let tag_ok = matches!(
        t.tag,
        "n" | "nz" | "vn" | "ns" | "nt" | "nr" | "nrfg" | "nrt" | "l" | "j" | "i" | "an" | ""
    );
    // An ASCII digit byte in UTF-8 is always the character itself.
    tag_ok && t.chars() >= 2 && !t.is_punct() && !t.word.bytes().any(|b| b.is_ascii_digit())
}

/// Id of a word on the keyword stop list in the word index.
const STOP: u32 = u32::MAX;

/// The `top` keywords of a tagged body, weights scaled so the first is 1.
pub fn extract(lex: &Lexicon, toks: &[Tok<'_>], top: usize) -> Vec<Keyword> {
    if top == 0 {
        return Vec::new();
    }
    // Each content word as the id of its first occurrence (ids in order of appearance); stop
    // words are remembered as such.
    let mut index: FastMap<&str, u32> =
        FastMap::with_capacity_and_hasher(toks.len() / 2, Default::default());
    let mut vocab: Vec<&str> = Vec::new();
    let mut ids: Vec<u32> = Vec::new();
    for t in toks.iter().filter(|t| content(t)) {
        let id = *index.entry(t.word).or_insert_with(|| {
            if lex.keyword_stop.contains(t.word) {
                return STOP;
            }
            vocab.push(t.word);
            (vocab.len() - 1) as u32
        });
        if id != STOP {
            ids.push(id);
        }
    }
    if ids.is_empty() {
        return Vec::new();
    }
    let n = vocab.len();
    // Co-occurrence edges in both directions, grouped by target with a counting sort: each
    // target's inbound sources are a range of `sources`, sorted there so equal sources are one
    // edge whose weight is their count and every sum below is taken in one fixed order.
    let mut first_edge = vec![0usize; n + 1];
    let window_pairs = || {
        ids.iter().enumerate().flat_map(|(i, &a)| {
            ids.iter()
                .skip(i + 1)
                .take(WINDOW - 1)
                .filter(move |&&b| a != b)
                .map(move |&b| (a, b))
        })
    };
    for (a, b) in window_pairs() {
        first_edge[a as usize + 1] += 1;
        first_edge[b as usize + 1] += 1;
    }
    for b in 0..n {
        first_edge[b + 1] += first_edge[b];
    }
    let mut sources = vec![0u32; first_edge[n]];
    let mut fill = first_edge.clone();
    for (a, b) in window_pairs() {
        sources[fill[b as usize]] = a;
        fill[b as usize] += 1;
        sources[fill[a as usize]] = b;
        fill[a as usize] += 1;
    }
    let mut out_weight = vec![0.0f64; n];
    let mut inbound: Vec<(u32, f64)> = Vec::with_capacity(sources.len());
    for to in 0..n {
        let from = &mut sources[first_edge[to]..first_edge[to + 1]];
        from.sort_unstable();
        first_edge[to] = inbound.len();
        for run in from.chunk_by(|x, y| x == y) {
            let w = run.len() as f64;
            inbound.push((run[0], w));
            out_weight[run[0] as usize] += w;
        }
    }
    first_edge[n] = inbound.len();
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
    // Best score first, ties to the earlier word: a total order, so sorting only the `top`
    // best gives the same list as sorting them all.
    let order = |x: &(usize, f64), y: &(usize, f64)| {
        y.1.partial_cmp(&x.1)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| x.0.cmp(&y.0))
    };
    if ranked.len() > top {
        ranked.select_nth_unstable_by(top - 1, order);
        ranked.truncate(top);
    }
    ranked.sort_by(order);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `words` one after another, each tagged as a noun.
    fn nouns<'a>(words: &[&'a str]) -> Vec<Tok<'a>> {
        let mut pos = 0;
        words
            .iter()
            .map(|w| {
                let tok = Tok::new(w, "n", pos, pos + w.len());
                pos += w.len();
                tok
            })
            .collect()
    }

    #[test]
    fn equal_scores_keep_the_order_of_first_appearance() {
        let lex = Lexicon::builtin();
        let words = ["口罩", "志愿者", "口罩", "志愿者"];
        let toks = nouns(&words);
        let kw = extract(&lex, &toks, 5);
        let got: Vec<(&str, f64)> = kw.iter().map(|k| (k.word.as_str(), k.weight)).collect();
        assert_eq!(got, [("口罩", 1.0), ("志愿者", 1.0)]);
    }

    #[test]
    fn keywords_rank_the_central_word_first() {
        let lex = Lexicon::builtin();
        let words = ["疫情", "防控", "社区", "防控", "志愿者", "防控", "居民"];
        let toks = nouns(&words);
        let kw = extract(&lex, &toks, 3);
        assert_eq!(kw.len(), 3);
        assert_eq!(kw[0].word, "防控");
        assert_eq!(kw[0].weight, 1.0);
    }
}
