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
use super::features::{BOS, CharFlags, EOS, FeatureSet, MAX_SLOTS, N_DENSE, Sink, key_uni};
use super::labels::{LANES, N_LABELS};
use super::viterbi::Transitions;

/// The first eight bytes of a model file.
pub const MAGIC: &[u8; 8] = b"NDTAGGER";
/// The format version this code reads and writes.
pub const VERSION: u32 = 2;

/// One weight per label, as the trainer hands them over.
pub type Weights = [f32; N_LABELS];

/// Bytes of one stored row: the shift, then one `i8` per label.
const ROW_BYTES: usize = 1 + N_LABELS;

/// The largest integer weight: every weight is scaled so that the largest one in the model is
/// this big (sums of a few dozen stay far inside `i32`).
const UNIT_MAX: f32 = (1 << 20) as f32;

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
    while shift < 24 && max / (1u32 << shift) as f32 > 127.0 {
        shift += 1;
    }
    let div = (1u32 << shift) as f32;
    let mut q = [0i8; N_LABELS];
    for (o, x) in q.iter_mut().zip(w) {
        *o = (x * scale / div).round().clamp(-127.0, 127.0) as i8;
    }
    (shift, q)
}

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
        let entries: Vec<(u64, u8, Vec<&(u8, Weights)>)> = self
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

    fn i32(&mut self, what: &'static str) -> Result<i32, TaggerError> {
        Ok(i32::from_le_bytes(self.array(what)?))
    }

    /// One stored row, checked (shift in range).
    fn row(&mut self, what: &'static str) -> Result<&'b [u8], TaggerError> {
        let raw = self.take(ROW_BYTES, what)?;
        if raw[0] > 24 {
            return Err(TaggerError::Corrupt("row shift"));
        }
        Ok(raw)
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
    /// One stored row per dense id (all-zero rows for ids without weights).
    dense: Vec<u8>,
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
                trans.pair[prev][cur] = r.i32("transitions")?;
            }
        }
        for l in 0..N_LABELS {
            trans.start[l] = r.i32("start weights")?;
        }
        for l in 0..N_LABELS {
            trans.end[l] = r.i32("end weights")?;
        }
        let mut char_flags = CharFlags::default();
        for _ in 0..r.count(5, "character flags")? {
            let c = r.u32("character flags")?;
            let f = r.u8("character flags")?;
            let c = char::from_u32(c).ok_or(TaggerError::Corrupt("character flags"))?;
            char_flags.add(c, f);
        }
        let mut dense = vec![0u8; N_DENSE * ROW_BYTES];
        for _ in 0..r.count(4 + ROW_BYTES, "dense rows")? {
            let id = r.u32("dense rows")? as usize;
            let row = r.row("dense rows")?;
            dense
                .get_mut(id * ROW_BYTES..(id + 1) * ROW_BYTES)
                .ok_or(TaggerError::Corrupt("dense id"))?
                .copy_from_slice(row);
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
        let mut blocks = Vec::with_capacity(2 * n + total_rows * ROW_BYTES);
        for (key, mask, flags) in heads {
            let offset = u32::try_from(blocks.len())
                .ok()
                .filter(|&o| o < u32::MAX)
                .ok_or(TaggerError::Corrupt("model too large"))?;
            blocks.push(mask);
            blocks.push(flags);
            for _ in 0..mask.count_ones() {
                blocks.extend_from_slice(r.row("rows")?);
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

    /// Adds the rows of every keyed occurrence recorded in `batch` to `scores`.
    ///
    /// All keys are looked up first, in one tight loop whose iterations do not depend on each
    /// other, so the processor overlaps their cache misses; only then are rows added.
    pub(crate) fn score_keyed(&self, batch: &mut KeyedBatch, scores: &mut [[i32; LANES]]) {
        batch.found.clear();
        batch
            .found
            .extend(batch.keys.iter().zip(&batch.chars).map(|(&k, &c)| {
                let direct = match c {
                    NOT_UNIGRAM => None,
                    BOS => self.direct.get(DIRECT_END as usize).copied(),
                    EOS => self.direct.get(DIRECT_END as usize + 1).copied(),
                    c if c < DIRECT_END => self.direct.get(c as usize).copied(),
                    _ => None,
                };
                direct.unwrap_or_else(|| self.find(k))
            }));
        for (&found, &(from, to)) in batch.found.iter().zip(&batch.spans) {
            if found == 0 {
                continue;
            }
            let Some(block) = self.blocks.get(found as usize - 1..) else {
                continue;
            };
            let Some(&mask) = block.first() else {
                continue;
            };
            let Some(targets) = batch.targets.get(from as usize..to as usize) else {
                continue;
            };
            for &(slot, pos) in targets {
                let bit = 1u8 << (slot & 7);
                if mask & bit == 0 {
                    continue;
                }
                let index = (mask & (bit - 1)).count_ones() as usize;
                let at = 2 + index * ROW_BYTES;
                if let (Some(row), Some(acc)) =
                    (block.get(at..at + ROW_BYTES), scores.get_mut(pos as usize))
                {
                    add_row(acc, row);
                }
            }
        }
    }

    /// How many keyed entries the model holds, and the bytes of its weight tables.
    pub(crate) fn size(&self) -> (usize, usize) {
        (
            self.slots.iter().filter(|&&s| s != 0).count(),
            self.blocks.len()
                + self.dense.len()
                + self.slots.len() * 8
                + self.bloom.len() * 8
                + self.direct.len() * 4,
        )
    }
}

/// Adds stored row `row` (shift, then `i8` weights) to `acc`.
#[inline]
fn add_row(acc: &mut [i32; LANES], row: &[u8]) {
    let Some((&shift, q)) = row.split_first() else {
        return;
    };
    let shift = u32::from(shift);
    for (a, &w) in acc.iter_mut().zip(q.iter().take(N_LABELS)) {
        *a += i32::from(w as i8) << shift;
    }
}

/// Marks a key of [`KeyedBatch`] that is not a unigram.
const NOT_UNIGRAM: u32 = u32::MAX;

/// The keyed occurrences of one chunk, recorded for [`Model::score_keyed`].
#[derive(Debug, Default)]
pub(crate) struct KeyedBatch {
    keys: Vec<u64>,
    /// The code point of each unigram key, [`NOT_UNIGRAM`] for other keys.
    chars: Vec<u32>,
    /// Range of `targets` of each key.
    spans: Vec<(u32, u32)>,
    targets: Vec<(u8, u32)>,
    found: Vec<u32>,
}

impl KeyedBatch {
    pub(crate) fn clear(&mut self) {
        self.keys.clear();
        self.chars.clear();
        self.spans.clear();
        self.targets.clear();
    }
}

impl Sink for KeyedBatch {
    #[inline]
    fn keyed(&mut self, key: u64, targets: &[(u8, u32)]) {
        let from = self.targets.len() as u32;
        self.targets.extend_from_slice(targets);
        self.keys.push(key);
        self.chars.push(NOT_UNIGRAM);
        self.spans.push((from, self.targets.len() as u32));
    }

    #[inline]
    fn unigram(&mut self, c: u32, key: u64, targets: &[(u8, u32)]) {
        self.keyed(key, targets);
        if let Some(last) = self.chars.last_mut() {
            *last = c;
        }
    }

    fn dense(&mut self, _position: u32, _id: u32) {}
}

/// The inference [`Sink`] of dense features: adds each one's row to its position's scores.
pub(crate) struct DenseScorer<'a> {
    pub(crate) model: &'a Model,
    pub(crate) scores: &'a mut [[i32; LANES]],
}

impl Sink for DenseScorer<'_> {
    fn keyed(&mut self, _key: u64, _targets: &[(u8, u32)]) {}

    #[inline]
    fn dense(&mut self, position: u32, id: u32) {
        let at = id as usize * ROW_BYTES;
        if let (Some(row), Some(acc)) = (
            self.model.dense.get(at..at + ROW_BYTES),
            self.scores.get_mut(position as usize),
        ) {
            add_row(acc, row);
        }
    }
}
