//! Measure words (`data/measure_words.txt`): what each one measures, the fixed expressions and
//! exclusions that are no units, indexed by first character for the scanners.

use std::sync::OnceLock;

use crate::text::starts_with;

/// What a measure word measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Count,
    Measure,
    Time,
    Money,
    Percent,
}

#[derive(Debug)]
pub(crate) struct UnitWord {
    pub(crate) word: Vec<char>,
    pub(crate) class: Class,
    pub(crate) out: String,
}

pub(crate) fn units() -> &'static [UnitWord] {
    static UNITS: OnceLock<Vec<UnitWord>> = OnceLock::new();
    UNITS.get_or_init(|| {
        let mut v: Vec<UnitWord> = include_str!("../../data/measure_words.txt")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                let word = f.next()?.trim();
                let class = match f.next()?.trim() {
                    "count" => Class::Count,
                    "measure" => Class::Measure,
                    "time" => Class::Time,
                    "money" => Class::Money,
                    "percent" => Class::Percent,
                    _ => return None,
                };
                let out = f.next().map(str::trim).unwrap_or(word).to_string();
                Some(UnitWord {
                    word: word.chars().collect(),
                    class,
                    out,
                })
            })
            .collect();
        v.sort_by_key(|u| std::cmp::Reverse(u.word.len()));
        v
    })
}

pub(crate) fn fixed_expressions() -> &'static [Vec<char>] {
    static FIXED: OnceLock<Vec<Vec<char>>> = OnceLock::new();
    FIXED.get_or_init(|| {
        include_str!("../../data/not_quantities.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.chars().collect())
            .collect()
    })
}

pub(crate) fn unit_word_exclusions() -> &'static [Vec<char>] {
    static WORDS: OnceLock<Vec<Vec<char>>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../../data/unit_word_exclusions.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.chars().collect())
            .collect()
    })
}

/// The measure words and the exclusion words, indexed by first character.
pub(crate) struct UnitIndex {
    /// Distinct first characters, sorted; parallel to `entries`.
    firsts: Vec<char>,
    /// Per first character: exclusion words, then measure words (longest first, as in
    /// [`units`]).
    entries: Vec<(Vec<&'static [char]>, Vec<&'static UnitWord>)>,
}

pub(crate) fn unit_index() -> &'static UnitIndex {
    static INDEX: OnceLock<UnitIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut firsts: Vec<char> = units()
            .iter()
            .filter_map(|u| u.word.first().copied())
            .collect();
        firsts.sort_unstable();
        firsts.dedup();
        let entries = firsts
            .iter()
            .map(|&c| {
                let excl = unit_word_exclusions()
                    .iter()
                    .filter(|w| w.first() == Some(&c))
                    .map(Vec::as_slice)
                    .collect();
                let words = units()
                    .iter()
                    .filter(|u| u.word.first() == Some(&c))
                    .collect();
                (excl, words)
            })
            .collect();
        UnitIndex { firsts, entries }
    })
}

/// Would a measure word start at `i` (so `千米` is a unit, not a multiplier)?
pub(crate) fn unit_at(chars: &[char], i: usize) -> Option<&'static UnitWord> {
    let c = *chars.get(i)?;
    let index = unit_index();
    let (excl, words) = &index.entries[index.firsts.binary_search(&c).ok()?];
    if excl.iter().any(|w| starts_with(chars, i, w)) {
        return None;
    }
    words
        .iter()
        .copied()
        .find(|u| starts_with(chars, i, &u.word))
}
