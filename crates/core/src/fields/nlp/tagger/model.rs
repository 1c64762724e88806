//! The tagger's weights: the binary model format (written by the trainer through
//! [`ModelData::to_bytes`], read by [`Model::from_bytes`]) and the in-memory form inference
//! scores with.
//!
//! Weights are integers in one implicit unit for the whole model (decoding only compares sums,
//! so the unit never needs to be known): a row of weights is stored as one `i8` per label and
//! a left shift of its own, so small and large rows both keep about seven bits of precision
//! in a seventh of the bytes of `f32`. Keyed features live in an open-addressing table over
//! their 64-bit keys; dense features index their rows directly. It does no I/O: bytes in,
//! model out.
//!
//! File layout (little-endian): `NDTAGGER`, version `u32`, label count `u32`, feature-set
//! bits `u32`; label transitions `i32` (pairs, then start, then end); per-character flags
//! (`u32` count, then `u32` code point + `u8` flags each); dense rows (`u32` count, then `u32`
//! id + one row each); keyed entries (`u32` count, then `u64` key + `u8` slot mask + `u8`
//! flags each), followed by the rows of every entry in entry order and slot order; last an
//! FNV-1a 64 checksum of everything before it. A row is a `u8` shift and one `i8` per label.

use super::TaggerError;
use super::features::{
    Anchor, BOS, CharFlags, D_BIAS, EOS, FeatureSet, MAX_SLOTS, N_DENSE, Sink, Word, bmes, key_uni,
};
use super::labels::{LANES, N_LABELS};
use super::viterbi::Transitions;

/// The first eight bytes of a model file.
pub const MAGIC: &[u8; 8] = b"NDTAGGER";
/// The format version this code reads and writes.
pub const VERSION: u32 = 2;

/// One weight per label, as the trainer hands them over.
pub type Weights = [f32; N_LABELS];

/// Bytes of one row in the file: the shift, then one `i8` per label.
const ROW_BYTES: usize = 1 + N_LABELS;

/// Bytes of one row in memory: one `i8` per label, zeros up to the last byte, which holds the
/// shift (so a row is one 16-byte load and every lane adds something defined).
const MEM_ROW: usize = LANES;

/// The largest shift a row may have: `127 << MAX_SHIFT` stays within [`UNIT_MAX`].
const MAX_SHIFT: u8 = 4;

/// The largest transition weight a model may hold (in model units).
const MAX_TRANSITION: i32 = 1 << 16;

/// A position's score for one label (an exact sum of rows).
pub(crate) type Acc = i32;

/// The largest integer weight: every weight is scaled so that the largest one in the model is
/// this big (2048 units keep the held-out scores of `f32` weights; sums stay tiny for `i32`).
const UNIT_MAX: f32 = (1 << 11) as f32;

/// A keyed feature with its weights, as the trainer hands it over.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryData {
    /// The feature key (never 0).
    pub key: u64,
    /// Lexicon flags of the key (word gazetteer bits; 0 for other keys).
    pub flags: u8,
    /// `(slot, weights)` for each slot that has weights, slots distinct.
    pub rows: Vec<(u8, Weights)>,
}

/// Everything a model file holds, in the trainer's (floating-point) form.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelData {
    /// The feature families the model was trained with.
    pub features: FeatureSet,
    /// `pair[prev][cur]` label transition weights.
    pub pair: [Weights; N_LABELS],
    /// Weights of the first label of a chunk.
    pub start: Weights,
    /// Weights of the last label of a chunk.
    pub end: Weights,
    /// Per-character lexicon flags.
    pub char_flags: CharFlags,
    /// `(id, weights)` of the dense features that have weights.
    pub dense: Vec<(u32, Weights)>,
    /// Keyed features.
    pub entries: Vec<EntryData>,
}

/// FNV-1a 64 of `bytes`.
fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A row as `i8` weights and a left shift: weight = `q << shift` in model units. The shift is
/// the smallest that fits the row's largest weight in `i8`, so each row keeps its own
/// precision (about 1/128 of its largest weight).
fn quantize_row(w: &Weights, scale: f32) -> (u8, [i8; N_LABELS]) {
    let max = w.iter().fold(0f32, |m, x| m.max((x * scale).abs()));
    let mut shift = 0u8;
    while shift < MAX_SHIFT && max / (1u32 << shift) as f32 > 127.0 {
        shift += 1;
    }
    let div = (1u32 << shift) as f32;
    let mut q = [0i8; N_LABELS];
    for (o, x) in q.iter_mut().zip(w) {
        *o = (x * scale / div).round().clamp(-127.0, 127.0) as i8;
    }
    (shift, q)
}

/// A keyed entry as it goes into the file: key, flags, `(slot, weights)` in slot order.
type FileEntry<'a> = (u64, u8, Vec<&'a (u8, Weights)>);

fn put_row(out: &mut Vec<u8>, (shift, q): (u8, [i8; N_LABELS])) {
    out.push(shift);
    out.extend(q.iter().map(|&x| x as u8));
}

impl ModelData {
    /// The scale from trainer weights to model units.
    fn scale(&self) -> f32 {
        let rows = self
            .dense
            .iter()
            .map(|(_, w)| w)
            .chain(
                self.entries
                    .iter()
                    .flat_map(|e| e.rows.iter().map(|(_, w)| w)),
            )
            .chain(self.pair.iter())
            .chain([&self.start, &self.end]);
        let max = rows.flatten().fold(0f32, |m, x| m.max(x.abs()));
        if max > 0.0 { UNIT_MAX / max } else { 1.0 }
    }

    /// The model file. Rows whose weights all quantize to zero are left out.
    pub fn to_bytes(&self) -> Vec<u8> {
        let scale = self.scale();
        let unit = |x: f32| (x * scale).round() as i32;
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(N_LABELS as u32).to_le_bytes());
        out.extend_from_slice(&self.features.0.to_le_bytes());
        for row in self.pair.iter().chain([&self.start, &self.end]) {
            for &w in row {
                out.extend_from_slice(&unit(w).to_le_bytes());
            }
        }
        let flags: Vec<(u32, u8)> = self.char_flags.iter().collect();
        out.extend_from_slice(&(flags.len() as u32).to_le_bytes());
        for (c, f) in flags {
            out.extend_from_slice(&c.to_le_bytes());
            out.push(f);
        }
        let nonzero = |w: &Weights| {
            let (_, q) = quantize_row(w, scale);
            q.iter().any(|&x| x != 0)
        };
        let dense: Vec<&(u32, Weights)> = self.dense.iter().filter(|(_, w)| nonzero(w)).collect();
        out.extend_from_slice(&(dense.len() as u32).to_le_bytes());
        for (id, w) in dense {
            out.extend_from_slice(&id.to_le_bytes());
            put_row(&mut out, quantize_row(w, scale));
        }
        let entries: Vec<FileEntry<'_>> = self
            .entries
            .iter()
            .map(|e| {
                let mut rows: Vec<&(u8, Weights)> = e
                    .rows
                    .iter()
                    .filter(|(slot, w)| *slot < MAX_SLOTS && nonzero(w))
                    .collect();
                rows.sort_by_key(|(slot, _)| *slot);
                rows.dedup_by_key(|(slot, _)| *slot);
                (e.key, e.flags, rows)
            })
            .filter(|(_, flags, rows)| *flags != 0 || !rows.is_empty())
            .collect();
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (key, flags, rows) in &entries {
            let mask = rows.iter().fold(0u8, |m, (slot, _)| m | 1 << slot);
            out.extend_from_slice(&key.to_le_bytes());
            out.push(mask);
            out.push(*flags);
        }
        for (_, _, rows) in &entries {
            for (_, w) in rows {
                put_row(&mut out, quantize_row(w, scale));
            }
        }
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }
}

/// A little-endian reader over the model bytes that fails instead of panicking.
struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize, what: &'static str) -> Result<&'b [u8], TaggerError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(TaggerError::Truncated(what))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], TaggerError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N, what)?);
        Ok(a)
    }

    fn u8(&mut self, what: &'static str) -> Result<u8, TaggerError> {
        Ok(self.array::<1>(what)?[0])
    }

    fn u32(&mut self, what: &'static str) -> Result<u32, TaggerError> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }

    fn u64(&mut self, what: &'static str) -> Result<u64, TaggerError> {
        Ok(u64::from_le_bytes(self.array(what)?))
    }

    /// A count of items of `item_bytes` each, checked against what is left.
    fn count(&mut self, item_bytes: usize, what: &'static str) -> Result<usize, TaggerError> {
        let n = self.u32(what)? as usize;
        if n.saturating_mul(item_bytes) > self.bytes.len() - self.at {
            return Err(TaggerError::Truncated(what));
        }
        Ok(n)
    }

    /// One stored row, checked (shift in range), in its memory layout.
    fn row(&mut self, what: &'static str) -> Result<[u8; MEM_ROW], TaggerError> {
        let raw = self.take(ROW_BYTES, what)?;
        let shift = raw[0];
        if shift > MAX_SHIFT {
            return Err(TaggerError::Corrupt("row shift"));
        }
        let mut row = [0u8; MEM_ROW];
        row[..N_LABELS].copy_from_slice(&raw[1..]);
        row[MEM_ROW - 1] = shift;
        Ok(row)
    }

    /// A transition weight, checked.
    fn transition(&mut self, what: &'static str) -> Result<i32, TaggerError> {
        let w = i32::from_le_bytes(self.array(what)?);
        if w.unsigned_abs() > MAX_TRANSITION as u32 {
            return Err(TaggerError::Corrupt("transition weight"));
        }
        Ok(w)
    }
}

/// A loaded model.
///
/// Keyed features: `slots` is an open-addressing table over the keys (the low bits pick the
/// slot, the high 32 bits are kept as a fingerprint next to a `u32` offset into `blocks`), and
/// each key's block holds its slot mask, its flags and its rows back to back, so a lookup
/// touches the slot and one short run of bytes.
pub(crate) struct Model {
    pub(crate) features: FeatureSet,
    pub(crate) trans: Transitions<i32>,
    pub(crate) char_flags: CharFlags,
    /// One row per dense id (all-zero rows for ids without weights; the bias row is folded
    /// into the transitions).
    dense: Vec<[u8; MEM_ROW]>,
    /// `fingerprint << 32 | (offset + 1)`; 0 is an empty slot.
    slots: Vec<u64>,
    slot_mask: usize,
    /// Per key: slot mask, flags, then its rows. In file order, which the trainer makes
    /// most frequent first, so the blocks most text needs sit together.
    blocks: Vec<u8>,
    /// A one-probe filter over the keys (three bits in one 64-bit word per key): a key not
    /// in the model is usually turned away here without touching `slots`.
    bloom: Vec<u64>,
    bloom_mask: usize,
    /// [`Model::find`] of the unigram of every code point below [`DIRECT_END`], then of
    /// [`BOS`] and [`EOS`].
    direct: Vec<u32>,
}

/// Code points below this have their unigram block found by index, not by hash.
const DIRECT_END: u32 = 0xA000;

/// The three filter bits of `key` and the index of its filter word.
#[inline]
fn bloom_bits(key: u64, mask: usize) -> (usize, u64) {
    let word = (key >> 40) as usize & mask;
    let bits = 1u64 << (key >> 20 & 63) | 1u64 << (key >> 26 & 63) | 1u64 << (key >> 32 & 63);
    (word, bits)
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (keys, bytes) = self.size();
        f.debug_struct("Model")
            .field("features", &self.features)
            .field("keys", &keys)
            .field("bytes", &bytes)
            .finish_non_exhaustive()
    }
}

impl Model {
    /// Parses and checks a model file.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Model, TaggerError> {
        let body_len = bytes
            .len()
            .checked_sub(8)
            .ok_or(TaggerError::Truncated("checksum"))?;
        let (body, tail) = bytes.split_at(body_len);
        let mut sum = [0u8; 8];
        sum.copy_from_slice(tail);
        let mut r = Reader { bytes: body, at: 0 };
        if r.take(MAGIC.len(), "magic")? != MAGIC {
            return Err(TaggerError::NotAModel);
        }
        let version = r.u32("version")?;
        if version != VERSION {
            return Err(TaggerError::Version(version));
        }
        if u64::from_le_bytes(sum) != checksum(body) {
            return Err(TaggerError::Checksum);
        }
        if r.u32("label count")? as usize != N_LABELS {
            return Err(TaggerError::Corrupt("label count"));
        }
        let features = FeatureSet(r.u32("feature set")?);
        let mut trans = Transitions::<i32>::default();
        for prev in 0..N_LABELS {
            for cur in 0..N_LABELS {
                trans.pair[prev][cur] = r.transition("transitions")?;
            }
        }
        for l in 0..N_LABELS {
            trans.start[l] = r.transition("start weights")?;
        }
        for l in 0..N_LABELS {
            trans.end[l] = r.transition("end weights")?;
        }
        let mut char_flags = CharFlags::default();
        for _ in 0..r.count(5, "character flags")? {
            let c = r.u32("character flags")?;
            let f = r.u8("character flags")?;
            let c = char::from_u32(c).ok_or(TaggerError::Corrupt("character flags"))?;
            char_flags.add(c, f);
        }
        let mut dense = vec![[0u8; MEM_ROW]; N_DENSE];
        for _ in 0..r.count(4 + ROW_BYTES, "dense rows")? {
            let id = r.u32("dense rows")? as usize;
            let row = r.row("dense rows")?;
            *dense.get_mut(id).ok_or(TaggerError::Corrupt("dense id"))? = row;
        }
        // The bias fires at every position: it is added to every transition into a label
        // (and to the start weights) instead, the same sums with one row fewer per character.
        if let Some(bias) = dense.get_mut(D_BIAS) {
            let shift = u32::from(bias[MEM_ROW - 1]);
            for (l, &q) in bias.iter().enumerate().take(N_LABELS) {
                let w = i32::from(q as i8) << shift;
                for row in &mut trans.pair {
                    row[l] += w;
                }
                trans.start[l] += w;
            }
            *bias = [0u8; MEM_ROW];
        }
        let n = r.count(10, "keyed entries")?;
        let mut heads = Vec::with_capacity(n);
        let mut total_rows = 0usize;
        for _ in 0..n {
            let key = r.u64("keyed entries")?;
            let mask = r.u8("keyed entries")?;
            let flags = r.u8("keyed entries")?;
            if key == 0 {
                return Err(TaggerError::Corrupt("zero key"));
            }
            if u32::from(mask) >> MAX_SLOTS != 0 {
                return Err(TaggerError::Corrupt("slot mask"));
            }
            total_rows += mask.count_ones() as usize;
            heads.push((key, mask, flags));
        }
        if total_rows.saturating_mul(ROW_BYTES) != body.len() - r.at {
            return Err(TaggerError::Corrupt("row count"));
        }
        let capacity = (n * 2).max(16).next_power_of_two();
        let slot_mask = capacity - 1;
        let mut slots = vec![0u64; capacity];
        let mut keys = vec![0u64; capacity];
        let mut blocks = Vec::with_capacity(2 * n + total_rows * MEM_ROW);
        for (key, mask, flags) in heads {
            let offset = u32::try_from(blocks.len())
                .ok()
                .filter(|&o| o < u32::MAX)
                .ok_or(TaggerError::Corrupt("model too large"))?;
            blocks.push(mask);
            blocks.push(flags);
            for _ in 0..mask.count_ones() {
                blocks.extend_from_slice(&r.row("rows")?);
            }
            let mut i = key as usize & slot_mask;
            while slots[i] != 0 {
                if keys[i] == key {
                    return Err(TaggerError::Corrupt("duplicate key"));
                }
                i = (i + 1) & slot_mask;
            }
            keys[i] = key;
            slots[i] = (key >> 32) << 32 | u64::from(offset + 1);
        }
        // About 16 filter bits per key.
        let words = (n / 4).max(8).next_power_of_two();
        let bloom_mask = words - 1;
        let mut bloom = vec![0u64; words];
        for &key in keys.iter().filter(|&&k| k != 0) {
            let (w, bits) = bloom_bits(key, bloom_mask);
            bloom[w] |= bits;
        }
        let mut model = Model {
            features,
            trans,
            char_flags,
            dense,
            slots,
            slot_mask,
            blocks,
            bloom,
            bloom_mask,
            direct: Vec::new(),
        };
        let direct: Vec<u32> = (0..DIRECT_END)
            .chain([BOS, EOS])
            .map(|c| model.find(key_uni(c)))
            .collect();
        model.direct = direct;
        Ok(model)
    }

    /// Where the block of `key` (its slot mask, flags and rows) starts in `blocks`, plus one;
    /// 0 when the model has no such key. (A key whose fingerprint and slot chain match an
    /// absent key's is taken for it; with 32-bit fingerprints that is about one lookup in a
    /// few billion, and costs a few wrong weights, nothing worse.)
    #[inline]
    fn find(&self, key: u64) -> u32 {
        let (w, bits) = bloom_bits(key, self.bloom_mask);
        if self.bloom.get(w).is_none_or(|&word| word & bits != bits) {
            return 0;
        }
        let fingerprint = key >> 32;
        let mut i = key as usize & self.slot_mask;
        loop {
            let Some(&s) = self.slots.get(i) else {
                return 0;
            };
            if s == 0 || s >> 32 == fingerprint {
                return s as u32;
            }
            i = (i + 1) & self.slot_mask;
        }
    }

    /// The lexicon flags stored under `key` (0 when there are none).
    pub(crate) fn flags(&self, key: u64) -> u8 {
        let at = self.find(key) as usize;
        if at == 0 {
            return 0;
        }
        self.blocks.get(at).copied().unwrap_or(0)
    }

    /// The row of slot `slot` in the block found at `found` ([`Model::find`]), if any.
    #[inline]
    fn row(&self, found: u32, slot: u8) -> Option<&[u8; MEM_ROW]> {
        if found == 0 {
            return None;
        }
        let at = found as usize - 1;
        let mask = *self.blocks.get(at)?;
        let bit = 1u8 << (slot & 7);
        if mask & bit == 0 {
            return None;
        }
        let index = usize::from(RANK[usize::from(mask & (bit - 1))]);
        let from = at + 2 + index * MEM_ROW;
        self.blocks
            .get(from..from + MEM_ROW)
            .and_then(|r| <&[u8; MEM_ROW]>::try_from(r).ok())
    }

    /// The block of a unigram key, by code point where possible.
    #[inline]
    fn find_unigram(&self, c: u32, key: u64) -> u32 {
        let direct = match c {
            BOS => self.direct.get(DIRECT_END as usize),
            EOS => self.direct.get(DIRECT_END as usize + 1),
            c if c < DIRECT_END => self.direct.get(c as usize),
            _ => None,
        };
        match direct {
            Some(&d) => d,
            None => self.find(key),
        }
    }

    /// Adds the rows of every keyed occurrence recorded in `batch` to `scores` (one per
    /// character of the chunk).
    ///
    /// All keys are looked up first, in tight loops whose iterations do not depend on each
    /// other, so the processor overlaps their cache misses. Then each position sums, in
    /// registers, the rows that reach it (the same `(slot, position)` pairs as
    /// [`super::features::for_each_target`] gives, which the trainer uses; a unit test holds the two equal).
    #[inline(never)]
    pub(crate) fn score_keyed(&self, batch: &mut KeyedBatch, scores: &mut [[Acc; LANES]]) {
        let b = batch;
        b.uni_found.clear();
        b.uni_found
            .extend(b.uni.iter().map(|&(c, k)| self.find_unigram(c, k)));
        for (keys, found) in [
            (&b.bi, &mut b.bi_found),
            (&b.tri, &mut b.tri_found),
            (&b.skip, &mut b.skip_found),
        ] {
            found.clear();
            found.extend(keys.iter().map(|&k| if k == 0 { 0 } else { self.find(k) }));
        }
        b.word_found.clear();
        b.word_found
            .extend(b.words.iter().map(|&(k, _, _)| self.find(k)));

        let n = scores.len();
        let mut word = 0usize;
        for (p, out) in scores.iter_mut().enumerate() {
            let mut acc = *out;
            // Offset d of a character or n-gram start from p is slot d + 2, found at index
            // p + d + 2 of its family's list (which starts at offset -2).
            for (slot, &found) in b.uni_found.iter().skip(p).take(5).enumerate() {
                if let Some(row) = self.row(found, slot as u8) {
                    add_row(&mut acc, row);
                }
            }
            for (slot, &found) in b.bi_found.iter().skip(p).take(4).enumerate() {
                if let Some(row) = self.row(found, slot as u8) {
                    add_row(&mut acc, row);
                }
            }
            for (slot, &found) in b.tri_found.iter().skip(p).take(3).enumerate() {
                if let Some(row) = self.row(found, slot as u8) {
                    add_row(&mut acc, row);
                }
            }
            if let Some(row) = b.skip_found.get(p).and_then(|&f| self.row(f, 0)) {
                add_row(&mut acc, row);
            }
            let p32 = p as u32;
            while b.words.get(word).is_some_and(|&(_, _, end)| end <= p32) {
                word += 1;
            }
            if let (Some(&(_, start, end)), Some(&found)) =
                (b.words.get(word), b.word_found.get(word))
                && start <= p32
            {
                let end = end.min(n as u32);
                if let Some(row) = self.row(found, bmes(p32, start, end)) {
                    add_row(&mut acc, row);
                }
            }
            *out = acc;
        }
    }

    /// The lexicon flags of every word of `words` into `out`: read from the blocks
    /// [`Model::score_keyed`] found for them when it scored the same words, looked up
    /// otherwise.
    pub(crate) fn word_flags(&self, batch: &KeyedBatch, words: &[Word], out: &mut Vec<u8>) {
        out.clear();
        let same = batch.words.len() == words.len()
            && batch.word_found.len() == words.len()
            && batch.words.iter().zip(words).all(|(b, w)| b.0 == w.key);
        if same {
            out.extend(batch.word_found.iter().map(|&f| {
                if f == 0 {
                    0
                } else {
                    self.blocks.get(f as usize).copied().unwrap_or(0)
                }
            }));
        } else {
            out.extend(words.iter().map(|w| self.flags(w.key)));
        }
    }

    /// How many keyed entries the model holds, and the bytes of its weight tables.
    pub(crate) fn size(&self) -> (usize, usize) {
        (
            self.slots.iter().filter(|&&s| s != 0).count(),
            self.blocks.len()
                + self.dense.len() * MEM_ROW
                + self.slots.len() * 8
                + self.bloom.len() * 8
                + self.direct.len() * 4,
        )
    }
}

/// The number of set bits of every byte (the baseline x86-64 target has no popcount
/// instruction, and this runs for every feature occurrence).
const RANK: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).count_ones() as u8;
        i += 1;
    }
    t
};

/// Adds row `row` (in its memory layout) to `acc`.
#[inline]
fn add_row(acc: &mut [Acc; LANES], row: &[u8; MEM_ROW]) {
    let shift = u32::from(row[MEM_ROW - 1] & 7);
    let mut q = *row;
    q[MEM_ROW - 1] = 0;
    // A plain index loop: vectorised in release builds, and cheap in unoptimised test builds
    // (where iterator adapters cost more than the additions).
    #[allow(clippy::needless_range_loop)]
    for l in 0..LANES {
        acc[l] += Acc::from(q[l] as i8) << shift;
    }
}

/// The keyed occurrences of one chunk, by family and anchor, for [`Model::score_keyed`].
/// Each n-gram list is indexed by its anchor plus two (anchors start at −2); a key of 0 is
/// "no occurrence".
#[derive(Debug, Default)]
pub(crate) struct KeyedBatch {
    uni: Vec<(u32, u64)>,
    bi: Vec<u64>,
    tri: Vec<u64>,
    skip: Vec<u64>,
    /// `(key, start, end)` of each word, in order.
    words: Vec<(u64, u32, u32)>,
    uni_found: Vec<u32>,
    bi_found: Vec<u32>,
    tri_found: Vec<u32>,
    skip_found: Vec<u32>,
    word_found: Vec<u32>,
}

impl KeyedBatch {
    pub(crate) fn clear(&mut self) {
        self.uni.clear();
        self.bi.clear();
        self.tri.clear();
        self.skip.clear();
        self.words.clear();
    }
}

/// Puts `value` at index `at` of `list`, filling any gap with `fill`.
#[inline]
fn place<T: Copy>(list: &mut Vec<T>, at: i32, value: T, fill: T) {
    let Ok(at) = usize::try_from(at) else {
        return;
    };
    if list.len() <= at {
        list.resize(at + 1, fill);
    }
    list[at] = value;
}

impl Sink for KeyedBatch {
    #[inline]
    fn keyed(&mut self, key: u64, anchor: Anchor) {
        match anchor {
            Anchor::Uni(j) => place(&mut self.uni, j + 2, (NOT_A_CHAR, key), (NOT_A_CHAR, 0)),
            Anchor::Bi(j) => place(&mut self.bi, j + 2, key, 0),
            Anchor::Tri(j) => place(&mut self.tri, j + 2, key, 0),
            Anchor::Skip(p) => place(&mut self.skip, p, key, 0),
            Anchor::Word { start, end } => self.words.push((key, start, end)),
        }
    }

    #[inline]
    fn unigram(&mut self, c: u32, key: u64, anchor: Anchor) {
        if let Anchor::Uni(j) = anchor {
            place(&mut self.uni, j + 2, (c, key), (NOT_A_CHAR, 0));
        } else {
            self.keyed(key, anchor);
        }
    }

    fn dense(&mut self, _position: u32, _id: u32) {}
}

/// Stands for "no code point" in [`KeyedBatch`] (looked up by key, never by index).
const NOT_A_CHAR: u32 = u32::MAX;

/// The inference [`Sink`] of dense features: adds each one's row to its position's scores.
pub(crate) struct DenseScorer<'a> {
    pub(crate) model: &'a Model,
    pub(crate) scores: &'a mut [[Acc; LANES]],
}

impl Sink for DenseScorer<'_> {
    fn keyed(&mut self, _key: u64, _anchor: Anchor) {}

    #[inline]
    fn dense(&mut self, position: u32, id: u32) {
        if id as usize == D_BIAS {
            return;
        }
        if let (Some(row), Some(acc)) = (
            self.model.dense.get(id as usize),
            self.scores.get_mut(position as usize),
        ) {
            add_row(acc, row);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::features::{self, ChunkBuf, Chunker, for_each_target};
    use super::*;
    use crate::fields::nlp::token::Tok;

    /// Records every keyed occurrence as the trainer sees it.
    #[derive(Default)]
    struct Occurrences(Vec<(u64, Anchor)>);

    impl Sink for Occurrences {
        fn keyed(&mut self, key: u64, anchor: Anchor) {
            self.0.push((key, anchor));
        }
        fn dense(&mut self, _: u32, _: u32) {}
    }

    #[test]
    fn position_major_scoring_equals_the_anchor_rules() {
        let text = "王小明在北京大学读书，他说：“我爱中国！”abc 123 😀再见";
        // Words of one to four characters, by byte offsets.
        let mut toks = Vec::new();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut i = 0;
        let mut len = 1;
        while i < chars.len() {
            let j = (i + len).min(chars.len());
            let start = chars[i].0;
            let end = chars.get(j).map_or(text.len(), |c| c.0);
            toks.push(Tok::new(&text[start..end], "n", start, end));
            i = j;
            len = len % 4 + 1;
        }
        let set = FeatureSet(
            FeatureSet::UNI
                | FeatureSet::BI
                | FeatureSet::TRI
                | FeatureSet::SKIP
                | FeatureSet::WORD,
        );
        let mut buf = ChunkBuf::default();
        let mut chunker = Chunker::new(text, &toks);
        assert!(chunker.next_chunk(&mut buf));
        let mut occ = Occurrences::default();
        features::keyed(&buf.chars, &buf.words, set, &mut occ);
        // Every key gets rows for every slot, with weights from a fixed sequence.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % 2001) as f32 - 1000.0
        };
        let mut keys: Vec<u64> = occ.0.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable();
        keys.dedup();
        let entries = keys
            .iter()
            .map(|&key| EntryData {
                key,
                flags: 0,
                rows: (0..MAX_SLOTS)
                    .map(|slot| (slot, std::array::from_fn(|_| next())))
                    .collect(),
            })
            .collect();
        let data = ModelData {
            features: set,
            pair: [[0.0; N_LABELS]; N_LABELS],
            start: [0.0; N_LABELS],
            end: [0.0; N_LABELS],
            char_flags: CharFlags::default(),
            dense: Vec::new(),
            entries,
        };
        let model = Model::from_bytes(&data.to_bytes()).unwrap();
        let n = buf.chars.len();
        let mut naive = vec![[0 as Acc; LANES]; n];
        for &(key, anchor) in &occ.0 {
            let found = model.find(key);
            for_each_target(anchor, n, |slot, pos| {
                if let Some(row) = model.row(found, slot) {
                    add_row(&mut naive[pos as usize], row);
                }
            });
        }
        let mut batch = KeyedBatch::default();
        features::keyed(&buf.chars, &buf.words, set, &mut batch);
        let mut scores = vec![[0 as Acc; LANES]; n];
        model.score_keyed(&mut batch, &mut scores);
        assert_eq!(scores, naive);
        assert!(scores.iter().any(|s| s.iter().any(|&x| x != 0)));
    }

    #[test]
    fn round_trip_keeps_sizes() {
        let data = ModelData {
            features: FeatureSet::ALL,
            pair: [[1.0; N_LABELS]; N_LABELS],
            start: [0.5; N_LABELS],
            end: [-0.5; N_LABELS],
            char_flags: CharFlags::default(),
            dense: vec![(3, [2.0; N_LABELS])],
            entries: vec![EntryData {
                key: 42,
                flags: 3,
                rows: vec![(1, [4.0; N_LABELS])],
            }],
        };
        let model = Model::from_bytes(&data.to_bytes()).unwrap();
        assert_eq!(model.size().0, 1);
        assert_eq!(model.flags(42), 3);
        assert_eq!(model.flags(43), 0);
    }
}
