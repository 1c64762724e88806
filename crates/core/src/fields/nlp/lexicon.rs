//! The built-in lexicons (role titles, organization and place suffixes, the gazetteer of
//! administrative divisions, surnames, stop lists), parsed once from the data files under
//! `crates/core/data/nlp/`.

use crate::text::{FastMap, FastSet};

/// A set of characters as a bitmap (for the last-character pre-checks run on every token).
#[derive(Debug, Default)]
struct CharBits(Vec<u64>);

impl CharBits {
    fn contains(&self, c: char) -> bool {
        let c = c as usize;
        self.0.get(c / 64).is_some_and(|w| w >> (c % 64) & 1 == 1)
    }
}

impl FromIterator<char> for CharBits {
    fn from_iter<I: IntoIterator<Item = char>>(iter: I) -> Self {
        let mut bits = Vec::new();
        for c in iter {
            let c = c as usize;
            if bits.len() <= c / 64 {
                bits.resize(c / 64 + 1, 0u64);
            }
            bits[c / 64] |= 1 << (c % 64);
        }
        CharBits(bits)
    }
}

/// The domain user dictionary (`word freq tag` lines) loaded into jieba.
pub const USER_DICT: &str = include_str!("../../../data/nlp/user_dict.txt");
const ROLES: &str = include_str!("../../../data/nlp/roles.txt");
const ORG_SUFFIXES: &str = include_str!("../../../data/nlp/org_suffixes.txt");
const ORG_STANDALONE: &str = include_str!("../../../data/nlp/org_standalone.txt");
const PLACE_SUFFIXES: &str = include_str!("../../../data/nlp/place_suffixes.txt");
const DIVISIONS: &str = include_str!("../../../data/nlp/divisions.txt");
const PLACE_SHORT_STOP: &str = include_str!("../../../data/nlp/place_short_stop.txt");
const SURNAMES: &str = include_str!("../../../data/nlp/surnames.txt");
const GIVEN_NAME_ENDS: &str = include_str!("../../../data/nlp/given_name_ends.txt");
const NOT_NAMES: &str = include_str!("../../../data/nlp/not_names.txt");
const ORDINARY_NAME_WORDS: &str = include_str!("../../../data/nlp/ordinary_name_words.txt");
const COMMON_WORD_NAMES: &str = include_str!("../../../data/nlp/common_word_names.txt");
const KEYWORD_STOP: &str = include_str!("../../../data/nlp/keyword_stop.txt");
const NOT_PLACES: &str = include_str!("../../../data/nlp/not_places.txt");
const COUNTRIES: &str = include_str!("../../../data/nlp/countries.txt");
const GENERIC_ORGS: &str = include_str!("../../../data/nlp/generic_orgs.txt");
const KNOWN_ORGS: &str = include_str!("../../../data/nlp/known_orgs.txt");

/// [`Lexicon::name_flags`] bit: a full division name (in [`Lexicon::divisions`]).
pub const DIVISION: u8 = 1;
/// [`Lexicon::name_flags`] bit: a short form (in [`Lexicon::division_short`]).
pub const SHORT: u8 = 2;
/// [`Lexicon::name_flags`] bit: a short form of a province or prefecture (a stronger signal
/// than a county's).
pub const MAJOR: u8 = 4;

/// How far up the administrative ladder a place suffix sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceLevel {
    /// Province, prefecture, county or district: a place of its own, never joined to the next.
    Admin,
    /// Street office, township, village, community, compound or road.
    Local,
}

/// Every lexicon the extractors read.
#[derive(Debug)]
pub struct Lexicon {
    /// Role titles (书记, 主任 …).
    pub roles: FastSet<String>,
    /// Organization suffixes with their kind, longest first.
    pub org_suffixes: Vec<(String, String)>,
    /// Organizations named by a level and a body alone (市委, 区政府 …).
    pub org_standalone: FastSet<String>,
    /// Full names of administrative divisions (深圳市, 零陵区).
    pub divisions: FastSet<String>,
    /// Short forms (深圳, 零陵, 湖北) that stand for a division on their own.
    pub division_short: FastSet<String>,
    /// Each province-level division's name and short form (湖南省, 湖南) with its bit.
    pub province_bits: FastMap<String, u64>,
    /// Each lower division's name and short form (常德市, 常德, 安吉) with the bits of the
    /// provinces it lies in (湖南常德: a county after its own province).
    pub in_province: FastMap<String, u64>,
    /// Every division name and short form with what it is ([`DIVISION`], [`SHORT`], [`MAJOR`]
    /// bits): one lookup instead of three per token.
    pub name_flags: FastMap<String, u8>,
    /// First characters of the keys of `name_flags` (a cheap pre-check).
    name_first: CharBits,
    /// Fewest characters of a key of `name_flags`.
    name_min_chars: usize,
    /// Single-character family names.
    pub surnames: FastSet<char>,
    /// Two-character family names.
    pub surnames2: FastSet<String>,
    /// Characters that often end a three-character Chinese name (counted from the annotated
    /// corpora; see `data/nlp/given_name_ends.txt`).
    pub given_name_ends: FastSet<char>,
    /// Words jieba tags as names that are not names.
    pub not_names: FastSet<String>,
    /// Ordinary words jieba tags as names (万幸, 高素质): names only with a title or in a list.
    pub ordinary_name_words: FastSet<String>,
    /// Persons of the training corpora that are frequent dictionary words (江泽民).
    pub common_word_names: FastSet<String>,
    /// Words never reported as keywords.
    pub keyword_stop: FastSet<String>,
    /// Organization suffix → kind, for lookups by the word's tail.
    org_suffix_map: FastMap<String, String>,
    /// Place suffix → level.
    place_suffix_map: FastMap<String, PlaceLevel>,
    /// Longest suffix of either table, in characters.
    max_suffix: usize,
    /// Last characters of organization suffixes, place suffixes and roles (a cheap pre-check).
    org_last: CharBits,
    place_last: CharBits,
    role_last: CharBits,
    /// Words jieba tags as places (ns) that are ordinary words.
    pub not_places: FastSet<String>,
    /// Countries of the world by their short names (美国, 西班牙).
    pub countries: FastSet<String>,
    /// Words jieba tags as organizations (nt) that name no particular body.
    pub generic_orgs: FastSet<String>,
    /// Well-known organizations named without a suffix (央视, 壹基金, 阿里巴巴).
    pub known_orgs: FastSet<String>,
    /// The longest name of [`Lexicon::known_orgs`], in characters.
    pub known_org_max_chars: usize,
    /// First characters of the names of [`Lexicon::known_orgs`] (a cheap pre-check).
    known_org_first: CharBits,
}

/// The tails of `word` from the longest (up to `max` characters, never the whole word unless
/// `whole`) to the shortest, with their character length.
fn tails(word: &str, max: usize) -> impl Iterator<Item = (&str, usize)> {
    let mut starts = [0usize; 8];
    let mut n = 0;
    for (i, _) in word.char_indices().rev() {
        if n == max.min(8) {
            break;
        }
        starts[n] = i;
        n += 1;
    }
    (0..n)
        .rev()
        .filter_map(move |k| word.get(starts[k]..).map(|t| (t, k + 1)))
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
}

fn pairs(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            Some((it.next()?, it.next()?))
        })
}

/// Whether `word` ends with a word for a state of affairs that ends like a bureau (格局, 布局,
/// 开局, 大局): no body's name.
fn situation_word(word: &str) -> bool {
    // not 政局 (民政局, 财政局), 全局 (安全局) or 新局 (创新局): bureaus end so
    const SITUATIONS: &[&str] = &[
        "格局", "布局", "开局", "好局", "大局", "变局", "结局", "僵局", "困局", "残局", "棋局",
        "骗局", "饭局", "危局", "终局", "赌局", "破局", "胜局", "败局", "时局", "战局",
    ];
    SITUATIONS.iter().any(|s| word.ends_with(s))
}

/// The short form of a division name, when it has one of two characters or more.
pub(crate) fn short_form(name: &str) -> Option<&str> {
    const ENDINGS: [&str; 12] = [
        "特别行政区",
        "维吾尔自治区",
        "壮族自治区",
        "回族自治区",
        "自治区",
        "新区",
        "地区",
        "省",
        "市",
        "区",
        "县",
        "盟",
    ];
    for end in ENDINGS {
        if let Some(stem) = name.strip_suffix(end)
            && stem.chars().count() >= 2
            && !stem.ends_with("族")
        {
            return Some(stem);
        }
    }
    None
}

impl Lexicon {
    /// Parses the embedded data files.
    pub fn builtin() -> Lexicon {
        let mut org_suffixes: Vec<(String, String)> = pairs(ORG_SUFFIXES)
            .map(|(s, k)| (s.to_string(), k.to_string()))
            .collect();
        org_suffixes.sort_by_key(|(s, _)| std::cmp::Reverse(s.chars().count()));
        let mut place_suffixes: Vec<(String, PlaceLevel)> = pairs(PLACE_SUFFIXES)
            .map(|(s, l)| {
                let level = if l == "admin" {
                    PlaceLevel::Admin
                } else {
                    PlaceLevel::Local
                };
                (s.to_string(), level)
            })
            .collect();
        place_suffixes.sort_by_key(|(s, _)| std::cmp::Reverse(s.chars().count()));
        let short_stop: FastSet<&str> = words(PLACE_SHORT_STOP).collect();
        let mut divisions = FastSet::default();
        let mut division_short = FastSet::default();
        let mut division_short_major = FastSet::default();
        let mut province_bits: FastMap<String, u64> = FastMap::default();
        let mut in_province: FastMap<String, u64> = FastMap::default();
        let mut province = 0u64;
        let mut provinces = 0u32;
        for line in DIVISIONS.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (major_line, line) = match line.strip_prefix('@') {
                Some(rest) => (true, rest),
                None => (false, line),
            };
            if major_line {
                province = 1u64 << (provinces % 64);
                provinces += 1;
            }
            for (i, name) in line.split_whitespace().enumerate() {
                let bits = if major_line {
                    &mut province_bits
                } else {
                    &mut in_province
                };
                *bits.entry(name.to_string()).or_default() |= province;
                if let Some(short) = short_form(name) {
                    *bits.entry(short.to_string()).or_default() |= province;
                }
                divisions.insert(name.to_string());
                let major = major_line || i == 0;
                if let Some(short) = short_form(name)
                    && !short_stop.contains(short)
                {
                    division_short.insert(short.to_string());
                    if major {
                        division_short_major.insert(short.to_string());
                    }
                }
            }
        }
        let mut name_flags: FastMap<String, u8> = FastMap::default();
        for (set, bit) in [
            (&divisions, DIVISION),
            (&division_short, SHORT),
            (&division_short_major, MAJOR),
        ] {
            for name in set {
                *name_flags.entry(name.clone()).or_default() |= bit;
            }
        }
        let name_first: CharBits = name_flags.keys().filter_map(|k| k.chars().next()).collect();
        let name_min_chars = name_flags
            .keys()
            .map(|k| k.chars().count())
            .min()
            .unwrap_or(0);
        let mut surnames = FastSet::default();
        let mut surnames2 = FastSet::default();
        for s in words(SURNAMES) {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => {
                    surnames.insert(c);
                }
                (Some(_), Some(_)) => {
                    surnames2.insert(s.to_string());
                }
                _ => {}
            }
        }
        let org_suffix_map: FastMap<String, String> = org_suffixes.iter().cloned().collect();
        let place_suffix_map: FastMap<String, PlaceLevel> =
            place_suffixes.iter().cloned().collect();
        let max_suffix = org_suffixes
            .iter()
            .map(|(s, _)| s.chars().count())
            .chain(place_suffixes.iter().map(|(s, _)| s.chars().count()))
            .max()
            .unwrap_or(1);
        let last = |it: &mut dyn Iterator<Item = &str>| -> CharBits {
            it.filter_map(|w| w.chars().last()).collect()
        };
        let org_last = last(&mut org_suffixes.iter().map(|(s, _)| s.as_str()));
        let place_last = last(&mut place_suffixes.iter().map(|(s, _)| s.as_str()));
        let roles: FastSet<String> = words(ROLES).map(str::to_string).collect();
        let role_last = last(&mut roles.iter().map(String::as_str));
        Lexicon {
            org_last,
            place_last,
            role_last,
            org_suffix_map,
            place_suffix_map,
            max_suffix,
            not_places: words(NOT_PLACES).map(str::to_string).collect(),
            countries: words(COUNTRIES).map(str::to_string).collect(),
            generic_orgs: words(GENERIC_ORGS).map(str::to_string).collect(),
            known_org_max_chars: words(KNOWN_ORGS)
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0),
            known_orgs: words(KNOWN_ORGS).map(str::to_string).collect(),
            known_org_first: words(KNOWN_ORGS).filter_map(|w| w.chars().next()).collect(),
            roles,
            org_suffixes,
            org_standalone: words(ORG_STANDALONE).map(str::to_string).collect(),
            divisions,
            division_short,
            province_bits,
            in_province,
            name_flags,
            name_first,
            name_min_chars,
            surnames,
            surnames2,
            given_name_ends: words(GIVEN_NAME_ENDS).flat_map(str::chars).collect(),
            not_names: words(NOT_NAMES).map(str::to_string).collect(),
            ordinary_name_words: words(ORDINARY_NAME_WORDS).map(str::to_string).collect(),
            common_word_names: words(COMMON_WORD_NAMES).map(str::to_string).collect(),
            keyword_stop: words(KEYWORD_STOP).map(str::to_string).collect(),
        }
    }

    /// Whether a well-known organization's name may start with `word`.
    pub fn may_start_known_org(&self, word: &str) -> bool {
        word.chars()
            .next()
            .is_some_and(|c| self.known_org_first.contains(c))
    }

    /// Dictionary lines that make jieba keep every well-known organization's name whole
    /// (和顺丰 is 和 + 顺丰), tagged `nt`.
    pub fn known_org_dict(&self) -> String {
        let mut names: Vec<&String> = self.known_orgs.iter().filter(|n| !n.is_ascii()).collect();
        names.sort();
        let mut out = String::new();
        for name in names {
            out.push_str(name);
            out.push_str(" 3000 nt\n");
        }
        out
    }

    /// Dictionary lines that make jieba keep every division name whole.
    pub fn division_dict(&self) -> String {
        let mut out = String::new();
        let mut names: Vec<&String> = self.divisions.iter().collect();
        names.sort();
        for name in names {
            out.push_str(name);
            out.push_str(" 3000 ns\n");
        }
        out
    }

    /// Whether `word` starts with the first character of some division's name (a cheap test
    /// before a longer look-up).
    pub fn may_start_place(&self, word: &str) -> bool {
        word.chars()
            .next()
            .is_some_and(|c| self.name_first.contains(c))
    }

    /// The [`Lexicon::name_flags`] of a token (0 when it is no division name or short form).
    pub fn gazetteer_flags(&self, t: &super::token::Tok<'_>) -> u8 {
        if t.chars() < self.name_min_chars || !self.may_start_place(t.word) {
            return 0;
        }
        self.name_flags.get(t.word).copied().unwrap_or(0)
    }

    /// The organization kind of `word` when it ends with an organization suffix.
    /// Whether `word` is itself one of the listed organization suffixes (综治中心, 党支部).
    pub fn is_listed_org_suffix(&self, word: &str) -> bool {
        word.chars()
            .last()
            .is_some_and(|c| self.org_last.contains(c))
            && self.org_suffix_map.contains_key(word)
    }

    pub fn org_suffix(&self, word: &str) -> Option<&str> {
        if !word
            .chars()
            .last()
            .is_some_and(|c| self.org_last.contains(c))
        {
            return None;
        }
        let len = word.chars().count();
        for (tail, k) in tails(word, self.max_suffix) {
            if let Some(kind) = self.org_suffix_map.get(tail) {
                // A one-character suffix (局) closes only a word with a stem of two characters
                // or more (税务局), never a common word (格局, 布局, 总体布局, 开好局).
                if (k >= 2 || len == 1 || len >= 3) && !(k == 1 && situation_word(word)) {
                    return Some(kind);
                }
            }
        }
        None
    }

    /// The place level of `word` when it ends with a place suffix (and has a stem).
    pub fn place_suffix(&self, word: &str) -> Option<(PlaceLevel, usize)> {
        if !word
            .chars()
            .last()
            .is_some_and(|c| self.place_last.contains(c))
        {
            return None;
        }
        tails(word, self.max_suffix)
            .find_map(|(tail, k)| self.place_suffix_map.get(tail).map(|l| (*l, k)))
    }

    /// Whether `word` is a role title or ends with one of two characters or more (纪委书记).
    pub fn is_role(&self, word: &str) -> bool {
        // A Latin title written full-width (ＣＥＯ) is the title.
        // (every full-width form starts with byte 0xEF: a byte search first, it is called often)
        if word.as_bytes().contains(&0xEF)
            && word.chars().any(|c| ('\u{ff01}'..='\u{ff5e}').contains(&c))
        {
            let folded: String = word.chars().map(crate::text::fold_char).collect();
            return folded != word && self.is_role(&folded);
        }
        if !word
            .chars()
            .last()
            .is_some_and(|c| self.role_last.contains(c))
        {
            return false;
        }
        if self.roles.contains(word) {
            return true;
        }
        let n = word.chars().count();
        n >= 3 && tails(word, n - 1).any(|(t, k)| k >= 2 && self.roles.contains(t))
    }

    /// Whether `word` starts with a family name and has a plausible length for a name.
    pub fn has_surname(&self, word: &str) -> bool {
        let n = word.chars().count();
        let mut chars = word.chars();
        let Some(first) = chars.next() else {
            return false;
        };
        let two = match word.char_indices().nth(2) {
            Some((end, _)) => &word[..end],
            None => word,
        };
        if self.surnames2.contains(two) {
            return (3..=4).contains(&n);
        }
        self.surnames.contains(&first) && (2..=3).contains(&n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_name_ends_hold_name_characters_and_no_verbs() {
        let lex = Lexicon::builtin();
        for c in ['文', '平', '华', '明', '军'] {
            assert!(lex.given_name_ends.contains(&c), "{c}");
        }
        for c in ['说', '到', '在', '作', '是', '从', '等', '的'] {
            assert!(!lex.given_name_ends.contains(&c), "{c}");
        }
    }

    #[test]
    fn short_forms() {
        assert_eq!(short_form("深圳市"), Some("深圳"));
        assert_eq!(short_form("浦东新区"), Some("浦东"));
        assert_eq!(short_form("湖北省"), Some("湖北"));
        assert_eq!(short_form("香港特别行政区"), Some("香港"));
        assert_eq!(short_form("忠县"), None);
    }

    #[test]
    fn lexicon_loads() {
        let lex = Lexicon::builtin();
        assert!(lex.divisions.contains("零陵区"));
        assert!(lex.division_short.contains("零陵"));
        assert!(lex.name_flags.get("湖北").is_some_and(|f| f & MAJOR != 0));
        assert!(!lex.division_short.contains("和平"));
        assert!(lex.roles.contains("书记"));
        assert_eq!(lex.org_suffix("有限公司"), Some("company"));
        assert_eq!(lex.org_suffix("税务局"), Some("government"));
        assert!(lex.has_surname("胡亮"));
        assert!(!lex.has_surname("青少年"));
    }

    #[test]
    fn gazetteer_flags_find_every_name() {
        let lex = Lexicon::builtin();
        for (name, &flags) in &lex.name_flags {
            let t = super::super::token::Tok::new(name, "ns", 0, name.len());
            assert_eq!(lex.gazetteer_flags(&t), flags, "{name}");
        }
        let t = super::super::token::Tok::new("的", "uj", 0, 3);
        assert_eq!(lex.gazetteer_flags(&t), 0);
        assert_ne!(
            lex.gazetteer_flags(&super::super::token::Tok::new("湖北", "ns", 0, 6)),
            0
        );
    }
}
