//! What every entity extractor reads: one tagged token of a body, the entity span type, and
//! the grammar words that end any name.

/// One tagged token of a body (byte offsets into the body).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok<'a> {
    /// The word as written.
    pub word: &'a str,
    /// jieba's POS tag (`n`, `nr`, `ns`, `x` …; `""` for user words without a tag).
    pub tag: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Length of `word` in characters (computed once, read by every extractor).
    pub(super) nchars: u32,
    /// Whether `word` is punctuation, whitespace or symbols (computed once).
    pub(super) punct: bool,
}

impl<'a> Tok<'a> {
    /// A token of `word` tagged `tag` at bytes `start..end`.
    pub fn new(word: &'a str, tag: &'a str, start: usize, end: usize) -> Self {
        Tok {
            word,
            tag,
            start,
            end,
            nchars: u32::try_from(word.chars().count()).unwrap_or(u32::MAX),
            punct: punct_word(word),
        }
    }
}

impl Tok<'_> {
    /// Length in characters.
    pub fn chars(&self) -> usize {
        self.nchars as usize
    }

    /// Punctuation, whitespace or symbols.
    pub fn is_punct(&self) -> bool {
        self.punct
    }
}

/// Whether `c` is a full-width Latin letter (Ａ–Ｚ, ａ–ｚ).
fn full_width_letter(c: char) -> bool {
    matches!(c, '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}')
}

/// Joins each run of adjacent one-letter full-width Latin tokens (jieba cuts ＳＯＨＯ letter by
/// letter and tags each `x`) into one token tagged `eng`, as jieba reads `SOHO`.
pub fn join_full_width_latin<'a>(body: &'a str, toks: Vec<Tok<'a>>) -> Vec<Tok<'a>> {
    let letter = |t: &Tok<'_>| t.word.chars().all(full_width_letter);
    if !toks.iter().any(letter) {
        return toks;
    }
    let mut out: Vec<Tok<'a>> = Vec::with_capacity(toks.len());
    for t in toks {
        if let Some(prev) = out.last_mut()
            && letter(&t)
            && prev.end == t.start
            && prev.word.chars().all(full_width_letter)
            && let Some(word) = body.get(prev.start..t.end)
        {
            *prev = Tok::new(word, "eng", prev.start, t.end);
            continue;
        }
        if letter(&t) {
            out.push(Tok::new(t.word, "eng", t.start, t.end));
        } else {
            out.push(t);
        }
    }
    out
}

/// Splits a township's level character off the village jieba's HMM glued it to (中益/n
/// 乡华溪村/nr → 中益乡/ns 华溪村/ns): a token of four characters or more that starts with 乡 or
/// 镇 and ends with 村 or 社区, right after a two-character word that is the township's name.
pub fn split_glued_townships<'a>(body: &'a str, mut toks: Vec<Tok<'a>>) -> Vec<Tok<'a>> {
    let glued = |t: &Tok<'_>| {
        t.nchars >= 4
            && t.word.starts_with(['乡', '镇'])
            && (t.word.ends_with('村') || t.word.ends_with("社区"))
            && matches!(t.tag, "nr" | "ns" | "n" | "nz")
    };
    for k in 1..toks.len() {
        let (prev, t) = (&toks[k - 1], &toks[k]);
        if !glued(t)
            || prev.end != t.start
            || prev.nchars != 2
            || prev.punct
            || !matches!(prev.tag, "n" | "ns" | "nr" | "nz")
        {
            continue;
        }
        let level_end = t.start + '乡'.len_utf8();
        let (Some(township), Some(village)) =
            (body.get(prev.start..level_end), body.get(level_end..t.end))
        else {
            continue;
        };
        let (start, end) = (prev.start, t.end);
        toks[k - 1] = Tok::new(township, "ns", start, level_end);
        toks[k] = Tok::new(village, "ns", level_end, end);
    }
    toks
}

/// Splits `和县` between two bodies into the conjunction and the next body's level
/// (县妇联/和县/林业局 → 县妇联 和 县林业局): after a word that ends in an organization suffix and
/// before a word that is one, the county of that name is not meant. None when nothing is split.
pub fn split_conjunction_before_a_level<'a>(
    lex: &super::lexicon::Lexicon,
    toks: &[Tok<'a>],
) -> Option<Vec<Tok<'a>>> {
    // (or between people and the county's own departments: 领导/和县/直/部门)
    let at = |k: usize| {
        k > 0
            && toks[k].word == "和县"
            && toks[k - 1].end == toks[k].start
            && (lex.org_suffix(toks[k - 1].word).is_some()
                || lex.roles.contains(toks[k - 1].word)
                || matches!(toks[k - 1].word, "领导" | "干部" | "职工" | "单位" | "部门"))
            && toks.get(k + 1).is_some_and(|n| {
                n.start == toks[k].end
                    && !n.punct
                    && (lex.org_suffix(n.word).is_some() || n.word.starts_with('直'))
            })
    };
    split_after_first_char(toks, at, "c", "zg")
}

/// Splits the 长 of a department head's title jieba glued to the name after it (人武部/长杜宏/nr):
/// `长|杜宏`, so the title (人武部长) and the name can both be read. None when nothing is split.
pub fn split_a_head_glued_to_a_name<'a>(toks: &[Tok<'a>]) -> Option<Vec<Tok<'a>>> {
    let at = |k: usize| {
        let t = &toks[k];
        k > 0
            && (3..=4).contains(&t.nchars)
            && t.word.starts_with('长')
            && matches!(t.tag, "nr" | "nrfg")
            && ends_a_department(&toks[k - 1], t)
    };
    split_after_first_char(toks, at, "a", "nr")
}

/// Joins two words jieba cut a listed organization suffix of three characters or more into
/// (综治/vn 中心/n, 实践/v 中心/n): one noun, so that the suffix closes the name as if jieba had
/// read it whole. `text` is the text the tokens index. None when nothing is joined.
pub fn join_split_org_suffixes<'a>(
    lex: &super::lexicon::Lexicon,
    text: &'a str,
    toks: &[Tok<'a>],
) -> Option<Vec<Tok<'a>>> {
    let joins = |k: usize| {
        let (a, b) = (&toks[k], &toks[k + 1]);
        a.end == b.start
            && !a.punct
            && !b.punct
            && a.nchars + b.nchars >= 3
            && a.nchars + b.nchars <= 8
            && text
                .get(a.start..b.end)
                .is_some_and(|w| lex.is_listed_org_suffix(w))
    };
    let first = (0..toks.len().saturating_sub(1)).find(|&k| joins(k))?;
    let mut out = Vec::with_capacity(toks.len());
    out.extend_from_slice(&toks[..first]);
    let mut k = first;
    while k < toks.len() {
        if k + 1 < toks.len() && joins(k) {
            let (start, end) = (toks[k].start, toks[k + 1].end);
            out.push(Tok::new(&text[start..end], "n", start, end));
            k += 2;
        } else {
            out.push(toks[k]);
            k += 1;
        }
    }
    Some(out)
}

/// Whether `dept` is a department or a bureau written right before `next` (统战部/长,
/// 教育局/长): the 长 after it makes the head's title.
pub fn ends_a_department(dept: &Tok<'_>, next: &Tok<'_>) -> bool {
    dept.end == next.start
        && dept.nchars >= 2
        && dept
            .word
            .ends_with(['部', '局', '厅', '处', '科', '所', '站', '办'])
}

/// Splits a token of two or three characters that jieba glued across the end of a township's
/// or a village's name (便/仓/镇西/团村, 漕河/镇北/庞村, 卧龙/村总坡) where the tagger reads a place ending right after the
/// level character: `镇|西`, so both names can be read. None when nothing is split.
pub fn split_at_tagged_township_ends<'a>(
    lex: &super::lexicon::Lexicon,
    toks: &[Tok<'a>],
    tagged: &[EntitySpan],
) -> Option<Vec<Tok<'a>>> {
    // (never a township's own body, 镇政府, 镇委: the place ends before it; nor the 村 of 村民
    // after a place that already ends, 南雄社区/村民)
    let cut_in = |k: usize| {
        let t = &toks[k];
        (2..=3).contains(&t.nchars)
            && !(t.word.starts_with('村')
                && k > 0
                && toks[k - 1]
                    .word
                    .ends_with(['区', '村', '镇', '乡', '道', '市', '县']))
            && t.word.starts_with(['镇', '乡', '村'])
            && lex.org_suffix(t.word).is_none()
            && !t.word.ends_with(['委', '府', '长'])
            && !matches!(
                t.word,
                "镇长"
                    | "乡长"
                    | "乡镇"
                    | "镇村"
                    | "乡村"
                    | "镇上"
                    | "乡里"
                    | "镇里"
                    | "村村"
                    | "村镇"
                    | "村组"
                    | "村居"
            )
            && tagged.iter().any(|s| {
                s.kind == EntityKind::Place
                    && s.end == t.start + '镇'.len_utf8()
                    && s.start < t.start
            })
    };
    // 广安/ns 镇小孟桥/nr 村: the tagger reads a village starting right after the level
    // character glued to the place before it, or reads on through the token to the village.
    let cut_before_village = |k: usize| {
        let t = &toks[k];
        (3..=4).contains(&t.nchars)
            && t.word.starts_with(['镇', '乡'])
            && k > 0
            && toks[k - 1].tag == "ns"
            && toks[k - 1].end == t.start
            && tagged.iter().any(|s| {
                s.kind == EntityKind::Place
                    && (s.start == t.start + '镇'.len_utf8() || s.start < t.start)
                    && s.end > t.end
            })
    };
    split_after_first_char(toks, |k| cut_in(k) || cut_before_village(k), "n", "ns")
}

/// Splits each token `at` picks after its first character, tagging the two parts `head_tag`
/// and `rest_tag`; None when `at` picks none (the caller keeps its tokens).
fn split_after_first_char<'a>(
    toks: &[Tok<'a>],
    at: impl Fn(usize) -> bool,
    head_tag: &'static str,
    rest_tag: &'static str,
) -> Option<Vec<Tok<'a>>> {
    if !(0..toks.len()).any(&at) {
        return None;
    }
    let mut out = Vec::with_capacity(toks.len() + 2);
    for (k, t) in toks.iter().enumerate() {
        match t.word.chars().next().filter(|_| at(k)) {
            Some(first) if t.word.len() > first.len_utf8() => {
                let mid = t.start + first.len_utf8();
                out.push(Tok::new(
                    &t.word[..first.len_utf8()],
                    head_tag,
                    t.start,
                    mid,
                ));
                out.push(Tok::new(&t.word[first.len_utf8()..], rest_tag, mid, t.end));
            }
            _ => out.push(*t),
        }
    }
    Some(out)
}

/// Whether `word` is punctuation, whitespace or symbols only (a CJK ideograph first is not).
fn punct_word(word: &str) -> bool {
    if word
        .chars()
        .next()
        .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    {
        return false;
    }
    word.chars().all(|c| !alphanumeric(c) || c.is_whitespace())
}

/// `char::is_alphanumeric`, with the common CJK punctuation answered without the Unicode
/// table walk.
fn alphanumeric(c: char) -> bool {
    match c {
        '，' | '。' | '、' | '：' | '；' | '“' | '”' | '‘' | '’' | '（' | '）' | '！' | '？'
        | '《' | '》' | '【' | '】' | '—' | '…' | '·' | '\u{3000}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// The kind of an entity span (for evaluation against NER corpora).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    /// A person's name.
    Person,
    /// A place name.
    Place,
    /// An organization name.
    Organization,
}

/// One recognised entity mention: kind and byte range in the text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EntitySpan {
    /// What it names.
    pub kind: EntityKind,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// Grammar words that end any name span (particles, prepositions, conjunctions, pronouns).
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "的", "地", "得", "和", "与", "及", "以及", "或", "在", "向", "对", "为", "由", "从", "把",
    "被", "将", "给", "是", "等", "了", "着", "也", "都", "还", "又", "并", "而", "各", "该", "其",
    "本", "我", "你", "他", "她", "我们", "他们", "她们", "你们", "这", "那", "这个", "那个", "以",
    "于", "到", "至", "就", "让", "使", "跟", "同", "共", "全", "全市", "全区", "全县", "全省",
    "全体", "所有", "一些", "有", "没有", "说", "表示", "经",
];

static FUNCTION_SET: std::sync::LazyLock<crate::text::FastSet<&'static str>> =
    std::sync::LazyLock::new(|| FUNCTION_WORDS.iter().copied().collect());

/// Whether `w` is a grammar word.
pub(crate) fn is_function_word(w: &str) -> bool {
    FUNCTION_SET.contains(w)
}

/// Whether `word` is a count: numerals and one measure word (一个, 一位, 三县, 一级), which
/// never starts a name the way 九里亭 or 九棵树 do.
pub(crate) fn is_count(word: &str) -> bool {
    let mut chars = word.chars().rev();
    let Some(measure) = chars.next() else {
        return false;
    };
    let mut numerals = 0;
    for c in chars {
        if !(c.is_ascii_digit() || "零一二三四五六七八九十百千万亿两几多".contains(c))
        {
            return false;
        }
        numerals += 1;
    }
    numerals > 0 && "个位条家所名只件座片栋处户间批支级县区镇乡村".contains(measure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_township_glued_to_its_village_splits() {
        let body = "中益乡华溪村";
        let toks = vec![
            Tok::new("中益", "n", 0, 6),
            Tok::new("乡华溪村", "nr", 6, 18),
        ];
        let split: Vec<(&str, &str)> = split_glued_townships(body, toks)
            .iter()
            .map(|t| (t.word, t.tag))
            .collect();
        assert_eq!(split, [("中益乡", "ns"), ("华溪村", "ns")]);
        // 镇江村 is three characters: a village named after the city, left alone.
        let body = "在镇江村";
        let toks = vec![Tok::new("在", "p", 0, 3), Tok::new("镇江村", "ns", 3, 12)];
        assert_eq!(split_glued_townships(body, toks.clone()), toks);
    }

    #[test]
    fn punctuation_fast_path_agrees_with_std() {
        for c in "，。、：；“”‘’（）！？《》【】—…·\u{3000}".chars() {
            assert_eq!(alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
        assert!(punct_word("，"));
        assert!(punct_word("……"));
        assert!(!punct_word("中国"));
        assert!(!punct_word("A股"));
        assert!(!punct_word("〇"));
    }

    #[test]
    fn full_width_latin_runs_are_one_word() {
        let body = "ＳＯＨＯ中国";
        let toks = vec![
            Tok::new("Ｓ", "x", 0, 3),
            Tok::new("Ｏ", "x", 3, 6),
            Tok::new("Ｈ", "x", 6, 9),
            Tok::new("Ｏ", "x", 9, 12),
            Tok::new("中国", "ns", 12, 18),
        ];
        let joined = join_full_width_latin(body, toks);
        assert_eq!(joined.len(), 2);
        assert_eq!((joined[0].word, joined[0].tag), ("ＳＯＨＯ", "eng"));
        assert!(!joined[0].is_punct());
        assert_eq!(joined[1].word, "中国");
    }

    #[test]
    fn counts_are_not_names() {
        for w in ["一个", "一位", "三县", "一级", "两所"] {
            assert!(is_count(w), "{w}");
        }
        for w in ["九里亭", "九棵树", "第二", "个", "一"] {
            assert!(!is_count(w), "{w}");
        }
    }
}
