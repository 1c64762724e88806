//! The tagger's features, computed the same way at inference and in the trainer
//! (`examples/train_tagger.rs`): the text is cut into chunks ([`Chunker`]), and each chunk's
//! characters and jieba words are turned into feature occurrences handed to a [`Sink`].
//!
//! Two kinds of feature:
//! - *keyed* ones name a string (a character, a character bi- or trigram, a jieba word) by a
//!   64-bit hash and fire in *slots*: character `c` at offset −2…+2 of a position is one key in
//!   five slots, so inference looks each key up once and adds one weight row per slot;
//! - *dense* ones come from small closed sets (jieba POS tags and word-boundary positions,
//!   character classes, lexicon flags) and index a weight row directly.
//!
//! It does not learn or store weights ([`super::model`] does) and does not decode.

use crate::fields::nlp::token::Tok;

/// The code standing for "before the first character of the chunk".
pub const BOS: u32 = 0x11_0000;
/// The code standing for "after the last character of the chunk".
pub const EOS: u32 = 0x11_0001;

/// The longest chunk, in characters. Chunks end after sentence-final punctuation or a line
/// break; a longer run is cut at its last comma-like mark past the middle, or hard.
pub const MAX_CHUNK: usize = 256;

/// The most slots a key has (a character unigram: offsets −2 … +2).
pub const MAX_SLOTS: u8 = 5;

/// Which feature families a model uses (a bit set stored in the model file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureSet(pub u32);

impl FeatureSet {
    /// Character at offsets −2…+2.
    pub const UNI: u32 = 1;
    /// Character bigrams starting at offsets −2…+1.
    pub const BI: u32 = 1 << 1;
    /// Character trigrams starting at offsets −2…0.
    pub const TRI: u32 = 1 << 2;
    /// The characters at −1 and +1 together.
    pub const SKIP: u32 = 1 << 3;
    /// The jieba word holding the character, by its position in the word (B, M, E, S).
    pub const WORD: u32 = 1 << 4;
    /// jieba POS back-off features: the word's tag by position alone, the neighbours' tags
    /// alone (bit 5).
    pub const POS_BACKOFF: u32 = 1 << 5;
    /// jieba POS tags of the word, its neighbours and its length, with the B/M/E/S position.
    pub const POS: u32 = 1 << 6;
    /// Character classes (digit, latin, punctuation, surname, suffix characters …) around.
    pub const CLASS: u32 = 1 << 7;
    /// Per-character lexicon flags around the position.
    pub const CHAR_FLAGS: u32 = 1 << 8;
    /// Per-word lexicon flags (gazetteers) of the word and its neighbours.
    pub const WORD_FLAGS: u32 = 1 << 9;
    /// Every family.
    pub const ALL: FeatureSet = FeatureSet((1 << 10) - 1);

    /// Whether every family of `bits` is on.
    pub const fn has(self, bits: u32) -> bool {
        self.0 & bits == bits
    }
}

/// Bits of the per-character lexicon flags ([`CharFlags`]). The trainer decides which
/// characters carry them; the first three also refine the character class.
pub mod char_flag {
    /// A single-character family name (or the first character of a compound one).
    pub const SURNAME: u8 = 1;
    /// The last character of an organization suffix (会, 局, 院 …).
    pub const ORG_SUFFIX: u8 = 1 << 1;
    /// The last character of a place suffix (省, 市, 县, 村 …).
    pub const PLACE_SUFFIX: u8 = 1 << 2;
}

/// Per-character lexicon flags for the CJK blocks (`U+3000..U+A000`); other characters
/// have none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharFlags {
    bits: Vec<u8>,
}

/// First code point [`CharFlags`] covers.
pub const CHAR_FLAGS_FIRST: u32 = 0x3000;
/// One past the last code point [`CharFlags`] covers.
pub const CHAR_FLAGS_END: u32 = 0xA000;

impl Default for CharFlags {
    fn default() -> Self {
        CharFlags {
            bits: vec![0; (CHAR_FLAGS_END - CHAR_FLAGS_FIRST) as usize],
        }
    }
}

impl CharFlags {
    /// The flags of code point `c`.
    #[inline]
    pub fn get(&self, c: u32) -> u8 {
        c.checked_sub(CHAR_FLAGS_FIRST)
            .and_then(|i| self.bits.get(i as usize))
            .copied()
            .unwrap_or(0)
    }

    /// Adds `bits` to the flags of `c` (ignored outside the covered blocks).
    pub fn add(&mut self, c: char, bits: u8) {
        if let Some(b) = (c as u32)
            .checked_sub(CHAR_FLAGS_FIRST)
            .and_then(|i| self.bits.get_mut(i as usize))
        {
            *b |= bits;
        }
    }

    /// Every flagged character with its flags, in code point order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, u8)> + '_ {
        self.bits
            .iter()
            .enumerate()
            .filter(|(_, b)| **b != 0)
            .map(|(i, b)| (CHAR_FLAGS_FIRST + i as u32, *b))
    }
}

/// Character classes (before lexicon refinement).
pub mod class {
    /// Padding before or after the chunk.
    pub const PAD: u8 = 0;
    /// A CJK ideograph not covered below.
    pub const HAN: u8 = 1;
    /// A Chinese numeral character (一 … 十, 百, 千, 万, 亿, 零, 〇, 两).
    pub const NUMERAL: u8 = 2;
    /// An ASCII or full-width digit.
    pub const DIGIT: u8 = 3;
    /// An ASCII or full-width Latin letter.
    pub const LATIN: u8 = 4;
    /// Punctuation.
    pub const PUNCT: u8 = 5;
    /// Whitespace.
    pub const SPACE: u8 = 6;
    /// A middle dot, as in transliterated names (·, •, ・).
    pub const DOT: u8 = 7;
    /// Any other letter (Greek, Cyrillic, kana, hangul …).
    pub const LETTER: u8 = 8;
    /// Anything else (symbols, emoji …).
    pub const OTHER: u8 = 9;
    /// An ideograph flagged as a family name.
    pub const SURNAME: u8 = 10;
    /// An ideograph flagged as the end of an organization suffix.
    pub const ORG_SUFFIX: u8 = 11;
    /// An ideograph flagged as the end of a place suffix.
    pub const PLACE_SUFFIX: u8 = 12;
    /// How many classes there are.
    pub const COUNT: usize = 13;
}

/// The class of code point `c` (a char, or [`BOS`]/[`EOS`]) refined by its lexicon flags.
pub fn char_class(c: u32, flags: u8) -> u8 {
    let Some(ch) = char::from_u32(c) else {
        return class::PAD;
    };
    let base = match ch {
        '\u{4e00}'..='\u{9fff}' => match ch {
            '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千'
            | '万' | '亿' | '零' | '两' => class::NUMERAL,
            _ => class::HAN,
        },
        '0'..='9' | '０'..='９' => class::DIGIT,
        'a'..='z' | 'A'..='Z' | 'ａ'..='ｚ' | 'Ａ'..='Ｚ' => class::LATIN,
        '〇' => class::NUMERAL,
        '·' | '•' | '・' | '‧' | '∙' => class::DOT,
        '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3134f}' => class::HAN,
        c if c.is_whitespace() => class::SPACE,
        c if c.is_alphanumeric() => class::LETTER,
        c if c.is_ascii_punctuation()
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ff65}').contains(&c)
            || ('\u{2000}'..='\u{206f}').contains(&c) =>
        {
            class::PUNCT
        }
        _ => class::OTHER,
    };
    if base != class::HAN {
        return base;
    }
    if flags & char_flag::SURNAME != 0 {
        class::SURNAME
    } else if flags & char_flag::ORG_SUFFIX != 0 {
        class::ORG_SUFFIX
    } else if flags & char_flag::PLACE_SUFFIX != 0 {
        class::PLACE_SUFFIX
    } else {
        class::HAN
    }
}

/// jieba's POS tags with an id of their own; any other tag is [`POS_OTHER`].
pub const POS_TAGS: [&str; 57] = [
    "a", "ad", "ag", "an", "b", "c", "d", "df", "dg", "e", "eng", "f", "g", "h", "i", "j", "k",
    "l", "m", "mg", "mq", "n", "ng", "nr", "nrfg", "nrt", "ns", "nt", "nz", "o", "p", "q", "r",
    "rg", "rr", "rz", "s", "t", "tg", "u", "ud", "ug", "uj", "ul", "uv", "uz", "v", "vd", "vg",
    "vi", "vn", "vq", "x", "y", "z", "zg", "nrf",
];
/// The POS id of a word without a tag (`""`, user words) or not covered by any token.
pub const POS_NONE: u8 = 0;
/// The POS id of a tag not in [`POS_TAGS`].
pub const POS_OTHER: u8 = POS_TAGS.len() as u8 + 1;
/// The POS id of the padding word before or after a chunk.
pub const POS_PAD: u8 = POS_TAGS.len() as u8 + 2;
/// How many POS ids there are.
pub const N_POS: usize = POS_TAGS.len() + 3;

/// The POS id of jieba tag `tag`.
pub fn pos_id(tag: &str) -> u8 {
    if tag.is_empty() {
        return POS_NONE;
    }
    if tag.len() > 4 {
        return POS_OTHER;
    }
    let packed = pack_tag(tag);
    POS_PACKED
        .binary_search_by_key(&packed, |&(p, _)| p)
        .map_or(POS_OTHER, |i| POS_PACKED[i].1)
}

/// A tag of up to four bytes as one number.
const fn pack_tag(tag: &str) -> u32 {
    let b = tag.as_bytes();
    let mut k = 0u32;
    let mut i = 0;
    while i < b.len() && i < 4 {
        k = k << 8 | b[i] as u32;
        i += 1;
    }
    k | (b.len() as u32) << 28
}

/// `(pack_tag(tag), id)` for every tag of [`POS_TAGS`], sorted for binary search.
const POS_PACKED: [(u32, u8); POS_TAGS.len()] = {
    let mut out = [(0u32, 0u8); POS_TAGS.len()];
    let mut i = 0;
    while i < POS_TAGS.len() {
        out[i] = (pack_tag(POS_TAGS[i]), i as u8 + 1);
        i += 1;
    }
    // Insertion sort (const context).
    let mut j = 1;
    while j < out.len() {
        let mut k = j;
        while k > 0 && out[k - 1].0 > out[k].0 {
            let t = out[k - 1];
            out[k - 1] = out[k];
            out[k] = t;
            k -= 1;
        }
        j += 1;
    }
    out
};

/// Where a character sits in its jieba word: 0 begin, 1 middle, 2 end, 3 single.
#[inline]
pub fn bmes(i: u32, start: u32, end: u32) -> u8 {
    if end - start == 1 {
        3
    } else if i == start {
        0
    } else if i + 1 == end {
        2
    } else {
        1
    }
}

/// Word length bucket: 1, 2, 3, 4, 5+ characters.
#[inline]
fn len_bucket(len: u32) -> usize {
    (len.clamp(1, 5) - 1) as usize
}

// Dense feature layout: consecutive ranges of ids.
/// The dense id of the bias (fires at every position).
pub const D_BIAS: usize = 0;
const D_POS_BMES: usize = D_BIAS + 1;
const D_POS_LEN_BMES: usize = D_POS_BMES + N_POS * 4;
const D_POS_PREV: usize = D_POS_LEN_BMES + N_POS * 5 * 4;
const D_POS_NEXT: usize = D_POS_PREV + N_POS;
const D_POS_PREV_CUR: usize = D_POS_NEXT + N_POS;
const D_POS_CUR_NEXT: usize = D_POS_PREV_CUR + N_POS * N_POS;
const D_CLASS3: usize = D_POS_CUR_NEXT + N_POS * N_POS;
const D_CLASS_AT: usize = D_CLASS3 + class::COUNT * class::COUNT * class::COUNT;
const D_CLASS_BMES: usize = D_CLASS_AT + 5 * class::COUNT;
const D_CFLAG_AT: usize = D_CLASS_BMES + class::COUNT * 4;
const D_CFLAG_BMES: usize = D_CFLAG_AT + 5 * 8;
const D_WFLAG_BMES: usize = D_CFLAG_BMES + 8 * 4;
const D_WFLAG_PREV: usize = D_WFLAG_BMES + 8 * 4;
const D_WFLAG_NEXT: usize = D_WFLAG_PREV + 8;
/// How many dense feature ids there are.
pub const N_DENSE: usize = D_WFLAG_NEXT + 8;

// Key families: a seed mixed into every key so that equal strings of two families differ.
const SEED_UNI: u64 = 0x9e37_79b9_7f4a_7c15;
const SEED_BI: u64 = 0xc2b2_ae3d_27d4_eb4f;
const SEED_TRI: u64 = 0x1656_67b1_9e37_79f9;
const SEED_SKIP: u64 = 0x27d4_eb2f_1656_67c5;
const SEED_WORD: u64 = 0x85eb_ca77_c2b2_ae63;

/// The splitmix64 finaliser.
#[inline]
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Keys are never 0 (the empty mark of the model's table).
#[inline]
fn nonzero(k: u64) -> u64 {
    if k == 0 { 1 } else { k }
}

/// The key of the unigram feature of code point `a` (a char, [`BOS`] or [`EOS`]).
#[inline]
pub fn key_uni(a: u32) -> u64 {
    nonzero(mix(SEED_UNI ^ u64::from(a)))
}

#[inline]
fn key_bi(a: u32, b: u32) -> u64 {
    nonzero(mix(SEED_BI ^ (u64::from(a) << 21 | u64::from(b))))
}

#[inline]
fn key_tri(a: u32, b: u32, c: u32) -> u64 {
    nonzero(mix(
        SEED_TRI ^ (u64::from(a) << 42 | u64::from(b) << 21 | u64::from(c))
    ))
}

#[inline]
fn key_skip(a: u32, b: u32) -> u64 {
    nonzero(mix(SEED_SKIP ^ (u64::from(a) << 21 | u64::from(b))))
}

/// The key of jieba word `word` (also the key under which a gazetteer stores its flags).
pub fn word_key(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    nonzero(mix(h ^ SEED_WORD))
}

/// One jieba word of a chunk (character offsets within the chunk).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// First character.
    pub start: u32,
    /// One past the last character.
    pub end: u32,
    /// [`word_key`] of the whole token (even when the chunk holds only part of it).
    pub key: u64,
    /// [`pos_id`] of its tag.
    pub pos: u8,
}

/// One chunk of text: its characters, their byte offsets in the text, and the jieba words
/// covering them (every character in exactly one word, in order).
#[derive(Debug, Default, Clone)]
pub struct ChunkBuf {
    /// Code points.
    pub chars: Vec<u32>,
    /// Byte offset in the text of each character, then one past the last.
    pub offsets: Vec<usize>,
    /// The words, covering `0..chars.len()`.
    pub words: Vec<Word>,
    /// Index in the text's characters of the first character.
    pub first_char: usize,
}

/// Cuts a text into chunks and attaches the jieba words of the text to their characters.
///
/// Tokens are expected in text order with byte offsets into the same text. A character that
/// no valid token covers (tokens missing, overlapping, out of order or of another text)
/// becomes a one-character word without a tag, so odd input costs accuracy, never a panic.
#[derive(Debug)]
pub struct Chunker<'t> {
    text: &'t str,
    toks: &'t [Tok<'t>],
    pos: usize,
    tok: usize,
    chars_done: usize,
    /// Recently seen tags by address (tags are mostly the same few static strings):
    /// `(address, length, pos id)`.
    tag_cache: [(usize, usize, u8); 8],
}

impl<'t> Chunker<'t> {
    /// A chunker over `text` with its tokens `toks`.
    pub fn new(text: &'t str, toks: &'t [Tok<'t>]) -> Self {
        Chunker {
            text,
            toks,
            pos: 0,
            tok: 0,
            chars_done: 0,
            tag_cache: [(0, 0, 0); 8],
        }
    }

    /// Fills `buf` with the next chunk; `false` once the text is used up.
    pub fn next_chunk(&mut self, buf: &mut ChunkBuf) -> bool {
        buf.chars.clear();
        buf.offsets.clear();
        buf.words.clear();
        buf.first_char = self.chars_done;
        let Some(rest) = self.text.get(self.pos..) else {
            return false;
        };
        if rest.is_empty() {
            return false;
        }
        let mut soft: Option<usize> = None;
        let mut end = self.text.len();
        let mut full = false;
        for (i, c) in rest.char_indices() {
            if buf.chars.len() == MAX_CHUNK {
                end = self.pos + i;
                full = true;
                break;
            }
            buf.chars.push(c as u32);
            buf.offsets.push(self.pos + i);
            match c {
                '。' | '！' | '？' | '!' | '?' | '\n' => {
                    end = self.pos + i + c.len_utf8();
                    break;
                }
                '，' | ',' | '、' | '；' | ';' | '：' | ':' | ' ' | '\u{3000}'
                    if buf.chars.len() > MAX_CHUNK / 2 =>
                {
                    soft = Some(buf.chars.len());
                }
                _ => {}
            }
        }
        if full
            && let Some(cut) = soft
            && let Some(&at) = buf.offsets.get(cut)
        {
            end = at;
            buf.chars.truncate(cut);
            buf.offsets.truncate(cut);
        }
        buf.offsets.push(end);
        self.pos = end;
        self.chars_done += buf.chars.len();
        self.attach_words(buf);
        true
    }

    /// [`pos_id`] of `tag`, remembered by the tag's address.
    #[inline]
    fn pos_of(&mut self, tag: &str) -> u8 {
        let addr = tag.as_ptr() as usize;
        let slot = &mut self.tag_cache[(addr >> 3) & 7];
        if slot.0 == addr && slot.1 == tag.len() && addr != 0 {
            return slot.2;
        }
        let id = pos_id(tag);
        *slot = (addr, tag.len(), id);
        id
    }

    /// Fills `buf.words` from the tokens.
    fn attach_words(&mut self, buf: &mut ChunkBuf) {
        let n = buf.chars.len();
        let mut i = 0;
        while i < n {
            let b = buf.offsets[i];
            while self.tok < self.toks.len() && self.toks[self.tok].end <= b {
                self.tok += 1;
            }
            let covering = self.toks.get(self.tok).and_then(|t| {
                let word = self.text.get(t.start..t.end)?;
                (t.start <= b && b < t.end).then_some((t, word))
            });
            let start = i as u32;
            match covering {
                Some((t, word)) => {
                    while i < n && buf.offsets[i] < t.end {
                        i += 1;
                    }
                    let pos = self.pos_of(t.tag);
                    buf.words.push(Word {
                        start,
                        end: i as u32,
                        key: word_key(word),
                        pos,
                    });
                }
                None => {
                    let word = self.text.get(b..buf.offsets[i + 1]).unwrap_or("");
                    i += 1;
                    buf.words.push(Word {
                        start,
                        end: i as u32,
                        key: word_key(word),
                        pos: POS_NONE,
                    });
                }
            }
        }
    }
}

/// The indices of the set bits of `f`, lowest first.
#[inline]
fn bits(mut f: u8) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (f != 0).then(|| {
            let b = f.trailing_zeros() as usize;
            f &= f - 1;
            b
        })
    })
}

/// Where a keyed feature fires: every `(slot, position)` follows from its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The character at `j` (−2 … n+1; outside the chunk it is padding), seen from the
    /// positions `j − d` for offsets `d` −2 … +2 (slot `d + 2`).
    Uni(i32),
    /// The characters `j, j+1`, seen from positions `j − d`, `d` −2 … +1 (slot `d + 2`).
    Bi(i32),
    /// The characters `j … j+2`, seen from positions `j − d`, `d` −2 … 0 (slot `d + 2`).
    Tri(i32),
    /// The characters around position `p`, seen from `p` (slot 0).
    Skip(i32),
    /// A word over `start..end`, seen from each of its characters (slot: 0 begin, 1 middle,
    /// 2 end, 3 single).
    Word {
        /// First character.
        start: u32,
        /// One past the last character.
        end: u32,
    },
}

/// Calls `f(slot, position)` for every position of a chunk of `n` characters that `anchor`
/// reaches.
#[inline]
pub fn for_each_target(anchor: Anchor, n: usize, mut f: impl FnMut(u8, u32)) {
    let n = n as i64;
    let (j, highest) = match anchor {
        Anchor::Uni(j) => (j, 2),
        Anchor::Bi(j) => (j, 1),
        Anchor::Tri(j) => (j, 0),
        Anchor::Skip(p) => {
            if (0..n).contains(&i64::from(p)) {
                f(0, p as u32);
            }
            return;
        }
        Anchor::Word { start, end } => {
            let end = end.min(n as u32);
            for p in start..end {
                f(bmes(p, start, end), p);
            }
            return;
        }
    };
    // Offsets d from −2 up: position j − d, slot d + 2.
    for d in -2..=highest {
        let p = i64::from(j) - d;
        if (0..n).contains(&p) {
            f((d + 2) as u8, p as u32);
        }
    }
}

/// Where feature occurrences go: the model's scorer at inference, the trainer's recorder.
pub trait Sink {
    /// Key `key` fires where `anchor` says (see [`for_each_target`]).
    fn keyed(&mut self, key: u64, anchor: Anchor);
    /// The unigram key of code point `c` (`key` = [`key_uni`] of `c`) fires at `anchor`;
    /// the scorer may find its weights by `c` instead of by hash.
    #[inline]
    fn unigram(&mut self, _c: u32, key: u64, anchor: Anchor) {
        self.keyed(key, anchor);
    }
    /// Dense feature `id` fires at `position`.
    fn dense(&mut self, position: u32, id: u32);
}

/// Reusable buffers of [`dense`].
#[derive(Debug, Default, Clone)]
pub struct Scratch {
    class: Vec<u8>,
    flags: Vec<u8>,
}

/// Hands every keyed feature occurrence of one chunk (`chars`, covered by `words`) to
/// `sink`: character n-grams, then the words.
pub fn keyed<S: Sink>(chars: &[u32], words: &[Word], set: FeatureSet, sink: &mut S) {
    let n = chars.len();
    if n == 0 {
        return;
    }
    let ni = n as i32;
    let ch = |j: i32| -> u32 {
        if j < 0 {
            BOS
        } else {
            chars.get(j as usize).copied().unwrap_or(EOS)
        }
    };
    if set.has(FeatureSet::UNI) {
        for j in -2..ni + 2 {
            let c = ch(j);
            sink.unigram(c, key_uni(c), Anchor::Uni(j));
        }
    }
    if set.has(FeatureSet::BI) {
        for j in -2..=ni {
            sink.keyed(key_bi(ch(j), ch(j + 1)), Anchor::Bi(j));
        }
    }
    if set.has(FeatureSet::TRI) {
        for j in -2..ni {
            sink.keyed(key_tri(ch(j), ch(j + 1), ch(j + 2)), Anchor::Tri(j));
        }
    }
    if set.has(FeatureSet::SKIP) {
        for p in 0..ni {
            sink.keyed(key_skip(ch(p - 1), ch(p + 1)), Anchor::Skip(p));
        }
    }
    if set.has(FeatureSet::WORD) {
        for w in words {
            sink.keyed(
                w.key,
                Anchor::Word {
                    start: w.start,
                    end: w.end,
                },
            );
        }
    }
}

/// Hands every dense feature occurrence of one chunk to `sink`. `word_flags[k]` are the
/// lexicon flags of `words[k]` (the flags stored under its key; 0 when it has none).
pub fn dense<S: Sink>(
    chars: &[u32],
    words: &[Word],
    word_flags: &[u8],
    set: FeatureSet,
    char_flags: &CharFlags,
    scratch: &mut Scratch,
    sink: &mut S,
) {
    let n = chars.len();
    if n == 0 {
        return;
    }
    let ni = n as isize;
    let ch = |j: isize| -> u32 {
        if j < 0 {
            BOS
        } else {
            chars.get(j as usize).copied().unwrap_or(EOS)
        }
    };
    // Character classes and flags, padded by two on each side.
    let cls = &mut scratch.class;
    let cfl = &mut scratch.flags;
    cls.clear();
    cfl.clear();
    let classes = set.has(FeatureSet::CLASS);
    for j in -2..ni + 2 {
        let c = ch(j);
        let f = char_flags.get(c);
        cfl.push(f);
        if classes {
            cls.push(char_class(c, f));
        }
    }
    let wflag = |i: Option<usize>| i.and_then(|i| word_flags.get(i)).copied().unwrap_or(0);
    let d = |id: usize| id as u32;

    // What every character of the current word shares, computed once per word.
    struct Current {
        index: usize,
        word: Word,
        prev_pos: usize,
        next_pos: usize,
        len: usize,
        flags: [u8; 3],
    }
    let mut current: Option<Current> = None;
    let mut cursor = 0usize;
    for p in 0..n {
        let pos = p as u32;
        sink.dense(pos, d(D_BIAS));
        // The word holding p (words are in order and do not overlap); a character no word
        // covers is a word of its own without a tag.
        while words.get(cursor).is_some_and(|w| w.end <= pos) {
            cursor += 1;
        }
        let wi = match words.get(cursor) {
            Some(w) if w.start <= pos => cursor,
            _ => usize::MAX,
        };
        if current
            .as_ref()
            .is_none_or(|c| c.index != wi || wi == usize::MAX)
        {
            let word = words.get(wi).copied().unwrap_or(Word {
                start: pos,
                end: pos + 1,
                key: 0,
                pos: POS_NONE,
            });
            let prev = wi.checked_sub(1);
            let next = wi.checked_add(1);
            current = Some(Current {
                index: wi,
                word,
                prev_pos: prev.and_then(|i| words.get(i)).map_or(POS_PAD, |w| w.pos) as usize,
                next_pos: next.and_then(|i| words.get(i)).map_or(POS_PAD, |w| w.pos) as usize,
                len: len_bucket(word.end - word.start),
                flags: [wflag(Some(wi)), wflag(prev), wflag(next)],
            });
        }
        let Some(c) = current.as_ref() else {
            continue;
        };
        let w = c.word;
        let at = bmes(pos, w.start, w.end) as usize;
        let cur_pos = w.pos as usize;
        if set.has(FeatureSet::POS) {
            let (prev_pos, next_pos) = (c.prev_pos, c.next_pos);
            sink.dense(pos, d(D_POS_LEN_BMES + (cur_pos * 5 + c.len) * 4 + at));
            sink.dense(pos, d(D_POS_PREV_CUR + prev_pos * N_POS + cur_pos));
            sink.dense(pos, d(D_POS_CUR_NEXT + cur_pos * N_POS + next_pos));
            if set.has(FeatureSet::POS_BACKOFF) {
                sink.dense(pos, d(D_POS_BMES + cur_pos * 4 + at));
                sink.dense(pos, d(D_POS_PREV + prev_pos));
                sink.dense(pos, d(D_POS_NEXT + next_pos));
            }
        }
        // Index of position p in the padded arrays.
        let q = p + 2;
        if set.has(FeatureSet::CLASS) {
            let (a, b, c) = (cls[q - 1] as usize, cls[q] as usize, cls[q + 1] as usize);
            sink.dense(pos, d(D_CLASS3 + (a * class::COUNT + b) * class::COUNT + c));
            for off in 0..5 {
                sink.dense(
                    pos,
                    d(D_CLASS_AT + off * class::COUNT + cls[q + off - 2] as usize),
                );
            }
            sink.dense(pos, d(D_CLASS_BMES + b * 4 + at));
        }
        if set.has(FeatureSet::CHAR_FLAGS) {
            for off in 0..5 {
                for bit in bits(cfl[q + off - 2]) {
                    sink.dense(pos, d(D_CFLAG_AT + off * 8 + bit));
                }
            }
            for bit in bits(cfl[q]) {
                sink.dense(pos, d(D_CFLAG_BMES + bit * 4 + at));
            }
        }
        if set.has(FeatureSet::WORD_FLAGS) {
            let [own, prev, next] = c.flags;
            for bit in bits(own) {
                sink.dense(pos, d(D_WFLAG_BMES + bit * 4 + at));
            }
            for bit in bits(prev) {
                sink.dense(pos, d(D_WFLAG_PREV + bit));
            }
            for bit in bits(next) {
                sink.dense(pos, d(D_WFLAG_NEXT + bit));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        let f = CharFlags::default();
        let cls = |c: char| char_class(c as u32, f.get(c as u32));
        assert_eq!(cls('王'), class::HAN);
        assert_eq!(cls('３'), class::DIGIT);
        assert_eq!(cls('·'), class::DOT);
        assert_eq!(cls('，'), class::PUNCT);
        assert_eq!(cls('十'), class::NUMERAL);
        assert_eq!(char_class(BOS, 0), class::PAD);
        let mut f = CharFlags::default();
        f.add('王', char_flag::SURNAME);
        assert_eq!(char_class('王' as u32, f.get('王' as u32)), class::SURNAME);
        assert_eq!(f.iter().count(), 1);
        assert_eq!(pos_id("nr"), 24);
        assert_eq!(pos_id(""), POS_NONE);
        assert_eq!(pos_id("zz"), POS_OTHER);
        assert_eq!(pos_id("nrfgx"), POS_OTHER);
        for (i, t) in POS_TAGS.iter().enumerate() {
            assert_eq!(pos_id(t), i as u8 + 1, "{t}");
        }
        assert_eq!(bits(0b1010_0001).collect::<Vec<_>>(), [0, 5, 7]);
    }

    #[test]
    fn chunks_cover_the_text_once() {
        let text = format!("甲乙。丙丁！{}，{}", "戊".repeat(200), "己".repeat(300));
        let mut ch = Chunker::new(&text, &[]);
        let mut buf = ChunkBuf::default();
        let mut seen = 0;
        let mut pieces = String::new();
        while ch.next_chunk(&mut buf) {
            assert!(buf.chars.len() <= MAX_CHUNK);
            assert_eq!(buf.first_char, seen);
            seen += buf.chars.len();
            pieces.push_str(&text[buf.offsets[0]..*buf.offsets.last().unwrap()]);
            assert_eq!(buf.words.len(), buf.chars.len());
        }
        assert_eq!(pieces, text);
        assert_eq!(seen, text.chars().count());
    }

    #[test]
    fn a_break_on_the_last_character_of_a_full_chunk() {
        // The 256th character is a comma: the chunk ends there, nothing is lost.
        for lead in [0, 1, 127, 128, 129, 200, 255] {
            let text = format!("{}，{}", "甲".repeat(lead), "乙".repeat(600));
            let mut ch = Chunker::new(&text, &[]);
            let mut buf = ChunkBuf::default();
            let mut seen = 0;
            while ch.next_chunk(&mut buf) {
                assert!(!buf.chars.is_empty() && buf.chars.len() <= MAX_CHUNK);
                seen += buf.chars.len();
            }
            assert_eq!(seen, text.chars().count());
        }
    }

    #[test]
    fn words_follow_tokens() {
        let text = "王小明在北京";
        let toks = [
            Tok::new("王小明", "nr", 0, 9),
            Tok::new("在", "p", 9, 12),
            Tok::new("北京", "ns", 12, 18),
        ];
        let mut ch = Chunker::new(text, &toks);
        let mut buf = ChunkBuf::default();
        assert!(ch.next_chunk(&mut buf));
        let spans: Vec<(u32, u32)> = buf.words.iter().map(|w| (w.start, w.end)).collect();
        assert_eq!(spans, [(0, 3), (3, 4), (4, 6)]);
        assert_eq!(buf.words[2].key, word_key("北京"));
        assert!(!ch.next_chunk(&mut buf));
        // Tokens of another text: one-character words.
        let mut ch = Chunker::new("你好", &toks);
        assert!(ch.next_chunk(&mut buf));
        assert_eq!(buf.words.len(), 2);
    }
}
