//! Character helpers shared by every stage: width folding, CJK tests, character bitmaps,
//! word tests on character slices and the FNV hasher used by the lexicons. No stage logic.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Full-width ASCII to ASCII; other characters unchanged.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// True for CJK ideographs.
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
        || ('\u{3400}'..='\u{4dbf}').contains(&c)
        || ('\u{f900}'..='\u{faff}').contains(&c)
        || ('\u{20000}'..='\u{2ffff}').contains(&c)
}

/// A set of characters below U+10000 as a bitmap: one lookup to reject the characters a
/// scanning loop does not care about.
#[derive(Debug)]
pub(crate) struct CharSet([u64; 1024]);

impl CharSet {
    /// The set of `chars` (those at or above U+10000 are left out).
    pub(crate) const fn new(chars: &[char]) -> CharSet {
        CharSet([0u64; 1024]).with(chars)
    }

    /// This set plus `chars`.
    pub(crate) const fn with(self, chars: &[char]) -> CharSet {
        let mut bits = self.0;
        let mut k = 0;
        while k < chars.len() {
            let n = chars[k] as usize;
            if n < 1 << 16 {
                bits[n >> 6] |= 1 << (n & 63);
            }
            k += 1;
        }
        CharSet(bits)
    }

    /// The set of the first characters of `words`.
    pub(crate) fn first_chars_of(words: &[&str]) -> CharSet {
        let firsts: Vec<char> = words.iter().filter_map(|w| w.chars().next()).collect();
        CharSet::new(&firsts)
    }

    /// Index of the first character of `chars` in the set, from `from` on.
    pub(crate) fn next_in(&self, chars: &[char], from: usize) -> Option<usize> {
        chars
            .get(from..)?
            .iter()
            .position(|c| self.contains(*c))
            .map(|k| from + k)
    }

    /// True when `c` is in the set.
    pub(crate) fn contains(&self, c: char) -> bool {
        let n = c as usize;
        n < 1 << 16 && self.0[n >> 6] & (1 << (n & 63)) != 0
    }
}

/// Whether the characters `word` are written in `chars` from `i` on.
pub(crate) fn starts_with(chars: &[char], i: usize, word: &[char]) -> bool {
    // element by element: words are short and most fail at the first character
    chars.len() >= i + word.len() && word.iter().zip(&chars[i..]).all(|(a, b)| a == b)
}

/// Whether `word` is written in `chars` from `i` on.
pub(crate) fn starts_with_str(chars: &[char], i: usize, word: &str) -> bool {
    (i..)
        .zip(word.chars())
        .all(|(k, c)| chars.get(k) == Some(&c))
}

/// A space inside a line: ASCII, ideographic, no-break or tab.
pub(crate) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\u{a0}' | '\t')
}

/// The first index from `i` on that is not a space.
pub(crate) fn skip_spaces(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() && is_space(chars[i]) {
        i += 1;
    }
    i
}

/// FNV-1a offset basis (the state [`Fnv`] starts from).
pub(crate) const FNV_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a prime.
pub(crate) const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a: a fast hasher for the short words looked up per token (no DoS concern: the keys
/// are the built-in lexicons).
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { FNV_BASIS } else { self.0 };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(FNV_PRIME);
        }
        self.0 = h;
    }
}

/// A set keyed with [`Fnv`].
pub type FastSet<T> = HashSet<T, BuildHasherDefault<Fnv>>;
/// A map keyed with [`Fnv`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
