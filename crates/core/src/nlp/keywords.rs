//! Keywords: TextRank over the article's own tags (content nouns, verbal nouns and proper
//! names, co-occurring within a window of five), without function words, numbers or page
//! boilerplate words.

use super::Tok;
use super::lexicon::{FNV_BASIS, FNV_PRIME, FastMap, Lexicon};
use crate::record::Keyword;

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

/// A directed edge between two word ids with the hash the edge map has always used for it:
/// [`super::lexicon::Fnv`] over the key `(from as usize, to as usize)`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Edge {
    from: u32,
    to: u32,
    hash: u64,
}

/// The edge weights, laid out exactly as the `HashMap<(usize, usize), f64>` with FNV keys,
/// capacity `8 × words` and this insertion order that the scores were first computed with:
/// the inbound sums are taken in that map's iteration order, and the scores of equally ranked
/// words depend on it in their last bits. The slots replay std's table (hashbrown: buckets a
/// power of two above 8/7 of the capacity, probing in windows of 16 from `hash & mask` with
/// a growing stride, a new key in the first empty slot, iteration in slot order); a test
/// checks the order against `std::collections::HashMap` itself. An edge costs a 4-byte slot
/// instead of a 24-byte bucket, and its hash a few multiplications.
struct EdgeTable {
    mask: usize,
    /// Index + 1 into `edges` per slot; 0 is empty.
    slots: Vec<u32>,
    /// Distinct edges with their weights, in insertion order.
    edges: Vec<(Edge, f64)>,
}

/// The probing window of std's table on x86-64 (an SSE2 group).
const GROUP: usize = 16;

impl EdgeTable {
    fn with_capacity(capacity: usize) -> Self {
        let buckets = if capacity < 4 {
            4
        } else if capacity < 8 {
            8
        } else {
            (capacity * 8 / 7).next_power_of_two()
        };
        EdgeTable {
            mask: buckets - 1,
            slots: vec![0; buckets],
            edges: Vec::with_capacity(capacity),
        }
    }

    /// Adds 1 to the weight of `e`.
    fn bump(&mut self, e: Edge) {
        let mut pos = e.hash as usize & self.mask;
        let mut stride = 0;
        // Bounded by the table size; the table is never full (capacity < 7/8 of the slots).
        for _ in 0..=self.slots.len() / GROUP {
            for k in 0..GROUP {
                let slot = (pos + k) & self.mask;
                match self.slots[slot] {
                    0 => {
                        self.edges.push((e, 1.0));
                        self.slots[slot] = u32::try_from(self.edges.len()).unwrap_or(u32::MAX);
                        return;
                    }
                    j => {
                        if let Some((old, w)) = self.edges.get_mut(j as usize - 1)
                            && old.from == e.from
                            && old.to == e.to
                        {
                            *w += 1.0;
                            return;
                        }
                    }
                }
            }
            stride += GROUP;
            pos = (pos + stride) & self.mask;
        }
    }

    /// The edges in the map's iteration order.
    fn iter(&self) -> impl Iterator<Item = &(Edge, f64)> {
        self.slots
            .iter()
            .filter(|&&j| j != 0)
            .filter_map(|&j| self.edges.get(j as usize - 1))
    }
}

/// FNV-1a of `(a as usize, b as usize)` as [`super::lexicon::Fnv`] computes it (one `write` of
/// eight bytes per field, each starting from the basis when the state is zero).
struct EdgeHashes {
    /// The state after the first field, per word id.
    prefix: Vec<u64>,
    /// `FNV_PRIME^k` for the trailing zero bytes of the second field.
    prime_pow: [u64; 9],
}

impl EdgeHashes {
    fn new(n: usize) -> Self {
        let mut prime_pow = [1u64; 9];
        for k in 1..9 {
            prime_pow[k] = prime_pow[k - 1].wrapping_mul(FNV_PRIME);
        }
        let mut hashes = EdgeHashes {
            prefix: Vec::with_capacity(n),
            prime_pow,
        };
        for a in 0..n {
            let h = hashes.write(FNV_BASIS, a);
            hashes.prefix.push(h);
        }
        hashes
    }

    /// One `Fnv::write` of `x`'s native-endian bytes onto state `h`.
    fn write(&self, h: u64, x: usize) -> u64 {
        let mut h = if h == 0 { FNV_BASIS } else { h };
        let bytes = x.to_ne_bytes();
        // Zero bytes only multiply by the prime: the run of them at the end is one product.
        let used = bytes.iter().rposition(|&b| b != 0).map_or(0, |p| p + 1);
        for &b in &bytes[..used] {
            h ^= u64::from(b);
            h = h.wrapping_mul(FNV_PRIME);
        }
        h.wrapping_mul(self.prime_pow[bytes.len() - used])
    }

    fn edge(&self, from: u32, to: u32) -> Edge {
        Edge {
            from,
            to,
            hash: self.write(self.prefix[from as usize], to as usize),
        }
    }
}

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
    // Edge weights in both directions, in the order the inbound sums below are taken.
    let hashes = EdgeHashes::new(n);
    let mut edges = EdgeTable::with_capacity(ids.len() * 8);
    for (i, &a) in ids.iter().enumerate() {
        for &b in ids.iter().skip(i + 1).take(WINDOW - 1) {
            if a != b {
                edges.bump(hashes.edge(a, b));
                edges.bump(hashes.edge(b, a));
            }
        }
    }
    // Inbound edges grouped by target (in map order within each target), and out-weights.
    let mut out_weight = vec![0.0f64; n];
    let mut first_edge = vec![0usize; n + 1];
    for &(e, w) in &edges.edges {
        out_weight[e.from as usize] += w;
        first_edge[e.to as usize + 1] += 1;
    }
    for b in 0..n {
        first_edge[b + 1] += first_edge[b];
    }
    let mut fill = first_edge.clone();
    let mut inbound = vec![(0u32, 0.0f64); edges.edges.len()];
    for &(e, w) in edges.iter() {
        let b = e.to as usize;
        inbound[fill[b]] = (e.from, w);
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
    use std::collections::HashMap;
    use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};

    /// The key of the edge map as first written, hashed through to the table unchanged.
    #[derive(Clone, Copy, PartialEq, Eq)]
    struct Key(u32, u32, u64);

    impl Hash for Key {
        fn hash<H: Hasher>(&self, state: &mut H) {
            state.write_u64(self.2);
        }
    }

    #[derive(Default)]
    struct PassHasher(u64);

    impl Hasher for PassHasher {
        fn finish(&self) -> u64 {
            self.0
        }

        fn write(&mut self, _: &[u8]) {
            unreachable!()
        }

        fn write_u64(&mut self, h: u64) {
            self.0 = h;
        }
    }

    /// Word id sequences like an article's: a few frequent words among many rare ones.
    fn sequences() -> Vec<Vec<u32>> {
        let mut out = Vec::new();
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for len in [1usize, 2, 3, 5, 9, 17, 40, 100, 333, 1000, 2500] {
            for vocab in [2u64, 7, 50, 400, 3000] {
                let mut ids = Vec::with_capacity(len);
                for _ in 0..len {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    let r = state % (vocab * 3);
                    ids.push((if r < vocab { r } else { r % 5 }) as u32);
                }
                out.push(ids);
            }
        }
        // All words distinct: the fullest tables (up to 7/8 of the slots at 112 words).
        for len in [1u32, 2, 7, 50, 111, 112, 113, 224, 225, 1000] {
            out.push((0..len).collect());
        }
        out
    }

    #[test]
    fn edge_table_iterates_like_std_hashmap() {
        for ids in sequences() {
            let n = ids.iter().max().map_or(0, |&m| m as usize + 1);
            let hashes = EdgeHashes::new(n);
            let mut table = EdgeTable::with_capacity(ids.len() * 8);
            let mut map: HashMap<Key, f64, BuildHasherDefault<PassHasher>> =
                HashMap::with_capacity_and_hasher(ids.len() * 8, Default::default());
            for (i, &a) in ids.iter().enumerate() {
                for &b in ids.iter().skip(i + 1).take(WINDOW - 1) {
                    if a != b {
                        for e in [hashes.edge(a, b), hashes.edge(b, a)] {
                            table.bump(e);
                            *map.entry(Key(e.from, e.to, e.hash)).or_default() += 1.0;
                        }
                    }
                }
            }
            let got: Vec<(u32, u32, f64)> = table.iter().map(|&(e, w)| (e.from, e.to, w)).collect();
            let want: Vec<(u32, u32, f64)> = map.iter().map(|(k, &w)| (k.0, k.1, w)).collect();
            assert_eq!(got, want, "{} ids", ids.len());
        }
    }

    #[test]
    fn edge_hashes_are_the_fnv_hashes_of_index_pairs() {
        let fnv = BuildHasherDefault::<super::super::lexicon::Fnv>::default();
        let hashes = EdgeHashes::new(70_000);
        for (a, b) in (0..300u32)
            .flat_map(|a| (0..300u32).map(move |b| (a, b)))
            .chain([(0, 65_535), (65_536, 1), (69_999, 256), (256, 69_999)])
        {
            let want = fnv.hash_one((a as usize, b as usize));
            assert_eq!(hashes.edge(a, b).hash, want, "({a}, {b})");
        }
    }

    #[test]
    fn keywords_rank_the_central_word_first() {
        let lex = Lexicon::builtin();
        let words = ["疫情", "防控", "社区", "防控", "志愿者", "防控", "居民"];
        let mut toks = Vec::new();
        let mut pos = 0;
        for w in words {
            toks.push(Tok::new(w, "n", pos, pos + w.len()));
            pos += w.len();
        }
        let kw = extract(&lex, &toks, 3);
        assert_eq!(kw.len(), 3);
        assert_eq!(kw[0].word, "防控");
        assert_eq!(kw[0].weight, 1.0);
    }
}
