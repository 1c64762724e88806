//! Segmentation and entities: one jieba pass per article feeds persons, organizations, places
//! and keywords.
//!
//! jieba-rs is built once (default dictionary + the domain user dictionary + the gazetteer of
//! administrative divisions) and shared read-only across worker threads. Each body is tagged
//! once; the extractors in the submodules read that one token list.

mod keywords;
pub(crate) mod lexicon;
mod orgs;
mod persons;
mod places;
pub mod tagger;
mod token;

pub use token::{EntityKind, EntitySpan, Tok};

use std::sync::{Mutex, PoisonError, RwLock};

use jieba_rs::Jieba;

use crate::ResourceError;
use crate::record::{Keyword, Organization, Person, Place};
use crate::text::FastMap;
use lexicon::Lexicon;

/// What the NLP pass finds in one body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    /// Named people.
    pub persons: Vec<Person>,
    /// Named organizations.
    pub organizations: Vec<Organization>,
    /// Named places.
    pub places: Vec<Place>,
    /// Top keywords.
    pub keywords: Vec<Keyword>,
}

/// The shared segmenter and lexicons.
pub struct Nlp {
    jieba: Jieba,
    lex: Lexicon,
    tags: TagMemo,
    /// The sequence tagger whose spans confirm and add names (the built-in model).
    tagger: Option<&'static tagger::Tagger>,
}

/// A dictionary word at least this frequent in jieba's dictionary is a common word, not a
/// name, when nothing else says it is one (see `Nlp::drop_common_words`).
const COMMON_WORD_FREQ: usize = 500;

/// A three-character name whose first two characters are a word at least this frequent is a
/// word and a piece of the next one (see `Nlp::starts_with_common_word`).
const PREFIX_WORD_FREQ: usize = 3000;

/// How many words [`TagMemo`] remembers; words first seen after that are tagged on each
/// sighting, so memory stays bounded. All of xinwenlianbo (40 MB of text) has 118,000
/// distinct words, a third of them with digits, which are never remembered.
const TAG_MEMO_WORDS: usize = 100_000;

/// An article with more unknown words than one in this many tokens is tagged whole by jieba
/// instead of word by word.
const COLD_SHARE: usize = 4;

/// Until the memo knows this many words (the first few dozen articles after start, or a
/// one-shot `newsdrop extract` of a few files), articles are tagged whole without cutting
/// first: most of their words would be unknown anyway.
const WARM_WORDS: usize = 5_000;

/// The part-of-speech tag of every word seen so far.
///
/// jieba's tag of a token depends on the word alone: its dictionary entry, or for a word the
/// HMM joined, the posseg HMM over the word's own characters. So `tag` of an article equals its
/// `cut` with each word's tag looked up here, and `cut` plus a lookup costs about half of
/// `tag`, which looks every token up in the dictionary again and runs the posseg HMM over every
/// unknown word each time it occurs. A word not known yet is tagged alone (`tag(word)`); when
/// jieba cuts it differently alone, or an article has many unknown words, the article is
/// tagged whole and every word of it learnt. Either way the tags are jieba's own
/// (`tests/tagging.rs` checks it on real news, cold and warm).
struct TagMemo {
    words: RwLock<FastMap<Box<str>, Known>>,
}

/// What is remembered of a word: its tag and what [`Tok::new`] would compute from it.
#[derive(Clone, Copy)]
struct Known {
    tag: &'static str,
    nchars: u32,
    punct: bool,
}

impl TagMemo {
    fn new() -> Self {
        TagMemo {
            words: RwLock::new(FastMap::default()),
        }
    }

    fn len(&self) -> usize {
        self.words
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    fn learn<'w>(&self, words: impl IntoIterator<Item = (&'w str, &'w str)>) {
        let mut memo = self.words.write().unwrap_or_else(PoisonError::into_inner);
        for (word, tag) in words {
            if memo.len() >= TAG_MEMO_WORDS {
                break;
            }
            // Numbers, dates and codes are most of a long run's new words and rarely come
            // back: they are tagged on each sighting instead of filling the memo.
            if word.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            if !memo.contains_key(word) {
                let tok = Tok::new(word, "", 0, 0);
                let known = Known {
                    tag: static_tag(tag),
                    nchars: tok.nchars,
                    punct: tok.punct,
                };
                memo.insert(word.into(), known);
            }
        }
    }
}

/// The process-wide copy of a tag name. Tag names are a small closed set (those of jieba's
/// dictionary, the user dictionaries and its HMM), each kept once for the whole run.
fn static_tag(tag: &str) -> &'static str {
    static NAMES: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    let mut names = NAMES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(&known) = names.iter().find(|&&known| known == tag) {
        return known;
    }
    let name: &'static str = Box::leak(tag.into());
    names.push(name);
    name
}

/// Drops places inside a foreign name the tagger reads with its name dot (瑞安 in 迈克尔·瑞安),
/// so that the person can be found.
fn drop_places_inside_dotted_names(
    text: &str,
    places: &mut Vec<places::PlaceSpan>,
    tagged: Option<&[EntitySpan]>,
) {
    let dotted: Vec<(usize, usize)> = tagged
        .unwrap_or_default()
        .iter()
        .filter(|t| {
            t.kind == EntityKind::Person
                && text.get(t.start..t.end).is_some_and(|n| n.contains('·'))
        })
        .map(|t| (t.start, t.end))
        .collect();
    if !dotted.is_empty() {
        places.retain(|p| !dotted.iter().any(|&(s, e)| s <= p.start && p.end <= e));
    }
}

/// Division words whose name is one character before them only when jieba cut the name's
/// first character off (北/中镇, 戴/南镇, 沌/阳/街道, 西/彭/园区).
const ONE_CHAR_STEM_SUFFIXES: &[&str] = &["镇", "乡", "街道", "园区", "社区"];

/// Names of towns, streets and parks jieba cut one character into the word before: a name
/// that opens with one character and a division word (中镇妇联, 阳街道某某社区党委) takes the
/// single character glued before it, when that character is no particle, preposition or
/// number. Organizations and places alike.
fn lengthen_one_character_stems(
    toks: &[Tok<'_>],
    orgs: &mut [orgs::OrgSpan],
    places: &mut [places::PlaceSpan],
) {
    // Where a name starting at byte `start` that opens with a one-character stem really
    // starts, and the character jieba cut off it.
    let stem_at = |start: usize| -> Option<(usize, char)> {
        let k = toks.partition_point(|t| t.start < start);
        let t = toks.get(k).filter(|t| t.start == start)?;
        let one_char_stem = match t.chars() {
            1 => toks
                .get(k + 1)
                .is_some_and(|n| n.start == t.end && ONE_CHAR_STEM_SUFFIXES.contains(&n.word)),
            2 | 3 => ONE_CHAR_STEM_SUFFIXES.iter().any(|s| {
                t.word
                    .strip_suffix(s)
                    .is_some_and(|stem| stem.chars().count() == 1)
            }),
            _ => false,
        };
        let p = toks.get(k.checked_sub(1)?)?;
        if p.end != t.start || !p.word.chars().all(crate::text::is_han) {
            return None;
        }
        // 舜/g 耕镇…社区, 大/a 乌江镇/ns: a character jieba left alone before a longer name
        // of a town, village or street, one no word takes as its own
        let divided = ONE_CHAR_STEM_SUFFIXES
            .iter()
            .chain(&["村"])
            .any(|s| t.word.ends_with(s) || toks.get(k + 1).is_some_and(|n| n.word == *s));
        if !one_char_stem
            && divided
            && t.chars() >= 2
            && p.chars() == 1
            && (matches!(p.tag, "g" | "ng" | "nr" | "b") || (p.tag == "a" && t.tag == "ns"))
            && !token::is_function_word(p.word)
        {
            return Some((p.start, p.word.chars().next()?));
        }
        if !one_char_stem {
            return None;
        }
        // the one character alone (戴/南镇), or glued after a preposition (由北/中镇)
        let (last_at, last) = p.word.char_indices().last()?;
        let alone = p.chars() == 1
            && !token::is_function_word(p.word)
            && !matches!(p.tag, "p" | "c" | "u" | "uj" | "m" | "r" | "d" | "q");
        let after_preposition = p.chars() == 2 && token::is_function_word(&p.word[..last_at]);
        (alone || after_preposition).then(|| (p.start + last_at, last))
    };
    for o in orgs.iter_mut() {
        if let Some((at, c)) = stem_at(o.start) {
            o.name.insert(0, c);
            o.start = at;
            // (a character alone in its token opens the name's tokens too, for the titles
            // read over it: 白/山镇卫生院慢病科主任)
            let k = toks.partition_point(|t| t.start < at);
            if toks.get(k).is_some_and(|t| t.start == at) {
                o.first = k;
            }
        }
    }
    for p in places.iter_mut() {
        if let Some((at, c)) = stem_at(p.start) {
            p.name.insert(0, c);
            p.start = at;
        }
    }
}

/// Stations named after the place they serve (某某市场监管所): a name of one character before
/// the station's word is the end of a place jieba cut into the word before it (三里/m 庵/
/// 市场监督管理所, 西天/t 尾/食药监管所), which heads the name.
fn lengthen_cut_station_names(toks: &[Tok<'_>], orgs: &mut [orgs::OrgSpan]) {
    for o in orgs.iter_mut() {
        let k = toks.partition_point(|t| t.start < o.start);
        let (Some(stem), Some(station), Some(p)) = (
            toks.get(k).filter(|t| t.start == o.start && t.chars() == 1),
            toks.get(k + 1),
            k.checked_sub(1).and_then(|j| toks.get(j)),
        ) else {
            continue;
        };
        if orgs::STATIONS.contains(&station.word)
            && station.end == o.end
            && p.end == stem.start
            && p.chars() == 2
            && p.word.chars().all(crate::text::is_han)
            && matches!(p.tag, "m" | "t" | "nr" | "ns" | "n" | "ng")
            && !token::is_function_word(p.word)
        {
            o.name.insert_str(0, p.word);
            o.start = p.start;
            o.first = k - 1;
        }
    }
}

/// A place jieba read together with the preposition before it, as a name (向泗纶/nr 镇, 在城南/nr
/// 村): the preposition is no part of it.
fn trim_glued_prepositions(
    toks: &[Tok<'_>],
    places: &mut [places::PlaceSpan],
    persons: &mut Vec<persons::PersonSpan>,
) {
    for p in places.iter_mut() {
        let Some(t) = toks.iter().find(|t| t.start == p.start) else {
            continue;
        };
        let Some(first) = t.word.chars().next() else {
            continue;
        };
        // (or two characters, the preposition and the name's first: 与霞/n 田村)
        let two =
            t.chars() == 2 && matches!(t.tag, "n" | "nr") && "与对在从到往赴由经".contains(first);
        if (matches!(t.tag, "nr" | "nrfg" | "nrt")
            && t.chars() == 3
            && "向在从到往赴由经".contains(first)
            || two)
            && t.end < p.end
            && p.name.starts_with(first)
        {
            // (nor is the name jieba read in them a person's)
            persons.retain(|q| !(q.start == p.start && q.end == t.end));
            p.start += first.len_utf8();
            p.name = p.name[first.len_utf8()..].to_string();
        }
    }
}

/// Drops places that head an outlet's name (中国江苏网, 中国报道, 大西北网) or a title the
/// country's name only qualifies (中国好人, 中国传统, 新中国): names, not places of the story.
fn drop_places_heading_outlets(text: &str, places: &mut Vec<places::PlaceSpan>) {
    places.retain(|p| {
        let Some(after) = text.get(p.end..) else {
            return true;
        };
        let name = text.get(p.start..p.end).unwrap_or("");
        // (a paper's or a site's own word closes the name: never 报 of 报道 or 报名)
        let outlet = (2..=6).any(|k| {
            let tail: String = after.chars().take(k).collect();
            tail.chars().all(crate::text::is_han)
                && tail.chars().count() == k
                && (tail.ends_with('网')
                    || ["日报", "晚报", "晨报", "时报", "商报"]
                        .iter()
                        .any(|w| tail.ends_with(w)))
                && !after[tail.len()..].starts_with(['道', '名', '告', '送', '销'])
                && crate::lines::byline::is_outlet_name(&format!("{name}{tail}"))
        });
        // A dateline's outlet named after the place (溆浦融媒讯, 温州网平阳支站讯, 中国吉安网讯) or
        // a local news app (云上潜江, 掌上长沙): the place before a bare 讯 is where the story
        // happened (本报安福讯) and stays.
        let dateline = (2..=5).any(|k| {
            let tail: String = after.chars().take(k).collect();
            tail.chars().count() == k
                && tail.chars().all(crate::text::is_han)
                && tail.ends_with('讯')
                && !tail[..tail.len() - '讯'.len_utf8()].contains(['讯', '，', '。'])
        }) || text
            .get(..p.start)
            .is_some_and(|b| b.ends_with("云上") || b.ends_with("掌上"));
        let qualifier = name == "中国"
            && (["好人", "传统", "梦", "特色", "式"]
                .iter()
                .any(|q| after.starts_with(q))
                || text.get(..p.start).is_some_and(|b| b.ends_with('新')));
        !(outlet || dateline || qualifier)
    });
}

/// Drops places inside a person's name (庆元 in 唐庆元, 富平 in 刘富平), and places only
/// jieba's tag proposes that bear the name of a person of the same text (总统普京 … 普京称):
/// the name is the person's at every mention.
/// Drops a person whose every character belongs to places the rules are sure of (吉林长春/nr:
/// the province and the city jieba read as one name).
fn drop_persons_made_of_places(
    persons: &mut Vec<persons::PersonSpan>,
    places: &[places::PlaceSpan],
) {
    persons.retain(|n| {
        let mut at = n.start;
        while let Some(p) = places
            .iter()
            .find(|p| !p.weak && p.start <= at && at < p.end)
        {
            at = p.end;
        }
        at < n.end
    });
}

fn drop_places_inside_persons(
    body: &str,
    places: &mut Vec<places::PlaceSpan>,
    persons: &[persons::PersonSpan],
) {
    places.retain(|p| {
        !persons.iter().any(|n| {
            (n.start <= p.start && p.end <= n.end)
                || (p.weak && n.name == p.name)
                // 沈/丹阳 at another mention of 沈丹阳: the given name, not the city
                || (n.name.len() > p.name.len()
                    && n.name.ends_with(p.name.as_str())
                    && body.get(..p.end).is_some_and(|b| b.ends_with(n.name.as_str())))
        })
    });
}

impl std::fmt::Debug for Nlp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Nlp").finish_non_exhaustive()
    }
}

/// How many keywords [`Nlp::analyze`] reports.
pub const DEFAULT_KEYWORDS_TOP: usize = 10;

impl Nlp {
    /// Builds the segmenter with the built-in lexicons plus `user_dict` lines.
    pub fn new(user_dict: Option<&str>) -> Result<Self, ResourceError> {
        let lex = Lexicon::builtin();
        let mut jieba = Jieba::new();
        let builtin = lexicon::USER_DICT
            .lines()
            .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        jieba
            .load_dict(&mut builtin.as_bytes())
            .map_err(|e| ResourceError {
                what: "built-in user dictionary",
                reason: e.to_string(),
            })?;
        jieba
            .load_dict(&mut lex.division_dict().as_bytes())
            .map_err(|e| ResourceError {
                what: "built-in gazetteer",
                reason: e.to_string(),
            })?;
        jieba
            .load_dict(&mut lex.known_org_dict().as_bytes())
            .map_err(|e| ResourceError {
                what: "built-in list of well-known organizations",
                reason: e.to_string(),
            })?;
        if let Some(text) = user_dict {
            for line in text.lines() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let mut parts = line.split_whitespace();
                let Some(word) = parts.next() else { continue };
                let second = parts.next();
                let third = parts.next();
                // `word`, `word freq`, `word tag` or `word freq tag`; a missing frequency is
                // suggested by jieba so that the word is actually chosen.
                let (freq, tag) = match (second, third) {
                    (Some(f), t) if f.chars().all(|c| c.is_ascii_digit()) => {
                        let freq = f.parse::<usize>().map_err(|e| ResourceError {
                            what: "user dictionary",
                            reason: format!("line `{line}`: {e}"),
                        })?;
                        (Some(freq), t)
                    }
                    (Some(t), None) => (None, Some(t)),
                    (Some(_), Some(_)) => {
                        return Err(ResourceError {
                            what: "user dictionary",
                            reason: format!("line `{line}`: frequency is not a number"),
                        });
                    }
                    (None, _) => (None, None),
                };
                jieba.add_word(word, freq, tag);
            }
        }
        let tagger = tagger::Tagger::builtin().map_err(|e| ResourceError {
            what: "built-in tagger model",
            reason: e.to_string(),
        })?;
        Ok(Nlp {
            jieba,
            lex,
            tags: TagMemo::new(),
            tagger: Some(tagger),
        })
    }

    /// Drops the sequence tagger: the rules alone find names (`extract.entity_tagger = false`).
    pub fn without_tagger(&mut self) {
        self.tagger = None;
    }

    /// Segments and tags `body` once (HMM on, so unknown names are joined): jieba's `tag`,
    /// computed as its `cut` plus the tags of words seen before (see `TagMemo`). A run of
    /// full-width Latin letters (ＳＯＨＯ, which jieba cuts letter by letter) is one `eng`
    /// token, as its half-width spelling is.
    pub fn tokens<'a>(&'a self, body: &'a str) -> Vec<Tok<'a>> {
        let toks = token::join_full_width_latin(body, self.jieba_tokens(body));
        token::split_glued_townships(body, toks)
    }

    /// Whether jieba's own dictionary tags a division's full name otherwise (柞水县/n, 越秀区/nr):
    /// jieba keeps a known word's first tag when the gazetteer loads it.
    fn mistagged_division(&self, t: &Tok<'_>) -> bool {
        t.tag != "ns"
            && t.chars() >= 3
            && t.word
                .ends_with(['县', '市', '区', '省', '州', '旗', '镇', '乡'])
            && self.lex.divisions.contains(t.word)
    }

    fn jieba_tokens<'a>(&'a self, body: &'a str) -> Vec<Tok<'a>> {
        if self.tags.len() < WARM_WORDS {
            return self.tag_whole(body);
        }
        let cut = self.jieba.cut(body, true);
        let mut toks = Vec::with_capacity(cut.len());
        let mut unknown: Vec<usize> = Vec::new();
        {
            let memo = self
                .tags
                .words
                .read()
                .unwrap_or_else(PoisonError::into_inner);
            for (i, t) in cut.iter().enumerate() {
                toks.push(match memo.get(t.word) {
                    Some(known) => Tok {
                        word: t.word,
                        tag: known.tag,
                        start: t.byte_start,
                        end: t.byte_end,
                        nchars: known.nchars,
                        punct: known.punct,
                    },
                    None => {
                        unknown.push(i);
                        Tok::new(t.word, "", t.byte_start, t.byte_end)
                    }
                });
            }
        }
        if unknown.is_empty() {
            return toks;
        }
        if unknown.len() * COLD_SHARE > toks.len() {
            return self.tag_whole(body);
        }
        let mut learnt: FastMap<&'a str, &'a str> = FastMap::default();
        for i in unknown {
            let word = toks[i].word;
            let tag = match learnt.get(word) {
                Some(&tag) => tag,
                None => match self.jieba.tag(word, true).as_slice() {
                    [alone] if alone.word == word => {
                        learnt.insert(word, alone.tag);
                        alone.tag
                    }
                    _ => return self.tag_whole(body),
                },
            };
            toks[i].tag = tag;
        }
        self.tags.learn(learnt);
        toks
    }

    /// jieba's `tag` of the whole of `body`; every word's tag is learnt.
    fn tag_whole<'a>(&'a self, body: &'a str) -> Vec<Tok<'a>> {
        let toks = self.raw_tags(body);
        self.tags.learn(toks.iter().map(|t| (t.word, t.tag)));
        toks
    }

    /// Plain jieba POS tags of `text` (for comparisons): `(word, tag, byte_start, byte_end)`.
    pub fn raw_tags<'a>(&'a self, text: &'a str) -> Vec<Tok<'a>> {
        self.jieba
            .tag(text, true)
            .into_iter()
            .map(|t| Tok::new(t.word, t.tag, t.byte_start, t.byte_end))
            .collect()
    }

    /// Analyses one body with the default number of keywords.
    pub fn analyze(&self, body: &str) -> Analysis {
        self.analyze_top(body, DEFAULT_KEYWORDS_TOP)
    }

    /// Analyses one body and reports `keywords_top` keywords.
    pub fn analyze_top(&self, body: &str, keywords_top: usize) -> Analysis {
        let toks = self.tokens(body);
        self.analyze_tokens(body, &toks, keywords_top)
    }

    /// Runs every extractor over an already tagged body.
    pub fn analyze_tokens(&self, body: &str, toks: &[Tok<'_>], keywords_top: usize) -> Analysis {
        let (orgs, places, persons) = self.entities(body, toks, true);
        let keywords = keywords::extract(&self.lex, toks, keywords_top);
        Analysis {
            persons: persons::to_records(body, &persons),
            organizations: orgs::to_records(&self.lex, &orgs),
            places: places::to_records(&places),
            keywords,
        }
    }

    /// The organizations, places and persons of one tagged text, in that order (each step reads
    /// the ones before it); `use_tagger = false` keeps the rules alone. One pipeline for the
    /// records and for the NER evaluation.
    fn entities(
        &self,
        text: &str,
        toks: &[Tok<'_>],
        use_tagger: bool,
    ) -> (
        Vec<orgs::OrgSpan>,
        Vec<places::PlaceSpan>,
        Vec<persons::PersonSpan>,
    ) {
        let tagged = self
            .tagger
            .filter(|_| use_tagger)
            .map(|t| t.spans_where(text, toks, |w| self.may_name(w)));
        let tagged = tagged.as_deref();
        let rules_copy = self.rules_tokens(text, toks, tagged);
        let toks = rules_copy.as_deref().unwrap_or(toks);
        let mut orgs = orgs::find(&self.lex, toks, tagged);
        let mut places = places::find(&self.lex, text, toks, &orgs, tagged);
        orgs::take_in_places(text, toks, &mut orgs, &mut places);
        orgs::start_at_a_higher_division(&self.lex, text, toks, &mut orgs);
        orgs::take_in_party_units(toks, &mut orgs);
        orgs::level_assemblies(toks, &mut orgs);
        orgs::league_committees(toks, &mut orgs);
        lengthen_one_character_stems(toks, &mut orgs, &mut places);
        lengthen_cut_station_names(toks, &mut orgs);
        self.trim_words_before_a_placed_body(toks, &mut orgs);
        self.trim_glued_preposition_of_orgs(toks, &mut orgs);
        drop_places_inside_dotted_names(text, &mut places, tagged);
        drop_places_heading_outlets(text, &mut places);
        places::split_a_township_glued_to_its_village(toks, tagged, &mut places);
        places::drop_counted_kinds(text, &mut places);
        places::drop_forms_of_address(&self.lex, &mut places);
        places::drop_forms(&mut places);
        self.trim_common_words_before_a_place(toks, tagged, &mut places);
        let mut persons = persons::find(&self.lex, text, toks, &orgs, &places, tagged);
        self.drop_common_words(text, &mut persons);
        self.drop_names_cut_from_words(toks, &mut persons);
        persons::drop_doctrines(text, &mut persons);
        persons::drop_unnamed(&self.lex, &mut persons);
        persons::lengthen_cut_names(text, tagged, &mut persons);
        self.lengthen_names_cut_by_unknown_words(toks, &mut persons);
        persons::titles_after_a_list(&self.lex, toks, &mut persons);
        persons::names_between_a_body_and_a_title(
            &self.lex,
            text,
            toks,
            &orgs,
            &places,
            &mut persons,
        );
        persons::names_after_an_age_a_body_or_a_title(
            &self.lex,
            text,
            toks,
            &orgs,
            &places,
            |w| self.jieba.has_word(w) && !self.lex.common_word_names.contains(w),
            &mut persons,
        );
        persons::trim_a_glued_address(text, &mut persons);
        persons::trim_a_glued_conjunction(text, &mut persons);
        persons::full_foreign_names(&mut persons);
        persons::trim_home(&mut persons);
        // (a village's named group first: no name jieba read inside it is a person, 毛坪上/nr 组)
        places::village_groups(text, &mut places);
        places::cut_road_names(toks, &mut places);
        places::adjective_named_places(toks, &mut places);
        let persons_taken: Vec<(usize, usize)> = persons.iter().map(|p| (p.start, p.end)).collect();
        places::bounded_local_places(
            &self.lex,
            text,
            toks,
            tagged,
            &orgs,
            &persons_taken,
            &mut places,
        );
        places::towns_opening_a_clause(&self.lex, text, toks, &orgs, &persons_taken, &mut places);
        places::villages_beside_known_places(&self.lex, text, &orgs, &mut places);
        drop_persons_made_of_places(&mut persons, &places);
        persons::drop_names_of_places(&self.lex, text, &mut persons);
        persons::drop_names_inside_titles_and_slogans(text, &mut persons);
        drop_places_inside_persons(text, &mut places, &persons);
        persons::take_places_listed_among_persons(&self.lex, text, toks, &mut places, &mut persons);
        persons::villages_listed_as_persons(text, &mut places, &mut persons);
        trim_glued_prepositions(toks, &mut places, &mut persons);
        // (the places as reported: none of the rules' drafts)
        orgs::take_units_after_places(&self.lex, text, toks, &mut orgs, &places);
        orgs::offices_read_as_a_verb(toks, &mut orgs, &places);
        orgs::split_at_glued_prepositions(&self.lex, toks, &mut orgs);
        orgs::offices_of_their_parents(&self.lex, text, toks, &mut orgs, &places);
        orgs::quoted_teams(text, toks, &mut orgs, &places);
        let persons_taken: Vec<(usize, usize)> = persons.iter().map(|p| (p.start, p.end)).collect();
        orgs::take_in_cut_local_names(text, toks, &mut orgs, &places, &persons_taken);
        orgs::drop_counted_kinds_and_describing_heads(toks, &mut orgs);
        places::drop_heads_of_longer_places(text, &orgs, &mut places);
        (orgs, places, persons)
    }

    /// The rules' copy of the tokens, where it differs from jieba's (None where it does not; the
    /// tagger, trained on jieba's tags, reads those as they are):
    /// - a division's full name is the place it is, whatever jieba's own dictionary tags it;
    /// - a rare character jieba's dictionary lacks, tagged x or g like punctuation right after a
    ///   place (道县/蚣/x 坝/镇), is the noun it is part of;
    /// - 和县 between two bodies is the conjunction and the next body's level (县妇联/和县/林业局);
    /// - a department head's 长 glued to the name after it is the title's (人武部/长|杜宏);
    /// - a token glued across the end of a township the tagger reads is cut there (漕河/镇北/庞村).
    fn rules_tokens<'a>(
        &self,
        text: &'a str,
        toks: &[Tok<'a>],
        tagged: Option<&[EntitySpan]>,
    ) -> Option<Vec<Tok<'a>>> {
        let rare_char = |k: usize| {
            let t = &toks[k];
            matches!(t.tag, "x" | "g")
                && t.chars() == 1
                && !t.is_punct()
                && t.word.chars().all(crate::text::is_han)
                && k > 0
                && toks[k - 1].tag == "ns"
                && toks[k - 1].end == t.start
        };
        // 七里/m 店村/n: a numbered place name's head jieba read as a count, glued to a village
        // or a township (七里店村, 三道岔镇)
        let numbered_head = |k: usize| {
            let t = &toks[k];
            let mut chars = t.word.chars();
            t.tag == "m"
                && t.chars() == 2
                && chars
                    .next()
                    .is_some_and(|c| "一二三四五六七八九十".contains(c))
                && chars.next().is_some_and(|c| "里道家岔甲墩".contains(c))
                && toks.get(k + 1).is_some_and(|n| {
                    n.start == t.end
                        && n.chars() >= 2
                        && n.word.ends_with(['村', '镇', '乡', '庄', '铺', '堡'])
                })
        };
        let mut copy: Option<Vec<Tok<'a>>> = None;
        if (0..toks.len())
            .any(|k| self.mistagged_division(&toks[k]) || rare_char(k) || numbered_head(k))
        {
            copy = Some(
                (0..toks.len())
                    .map(|k| {
                        let mut t = toks[k];
                        if self.mistagged_division(&t) || numbered_head(k) {
                            t.tag = "ns";
                        } else if rare_char(k) {
                            t.tag = "n";
                        }
                        t
                    })
                    .collect(),
            );
        }
        if let Some(v) =
            token::split_conjunction_before_a_level(&self.lex, copy.as_deref().unwrap_or(toks))
        {
            copy = Some(v);
        }
        if let Some(v) = token::split_a_head_glued_to_a_name(copy.as_deref().unwrap_or(toks)) {
            copy = Some(v);
        }
        if let Some(v) =
            token::join_split_org_suffixes(&self.lex, text, copy.as_deref().unwrap_or(toks))
        {
            copy = Some(v);
        }
        if let Some(v) = tagged.and_then(|ts| {
            token::split_at_tagged_township_ends(&self.lex, copy.as_deref().unwrap_or(toks), ts)
        }) {
            copy = Some(v);
        }
        copy
    }

    /// Whether a token can take part in a name the extractors report with the tagger's help:
    /// one jieba tags as a name, a proper noun, an abbreviation, Latin text or an unknown
    /// word, or one ending like an organization or a place. A sentence without such a token
    /// is not given to the tagger.
    fn may_name(&self, t: &Tok<'_>) -> bool {
        matches!(
            t.tag,
            "nr" | "nrt" | "nrfg" | "nrf" | "ns" | "nt" | "nz" | "j" | "eng" | ""
        ) || self.lex.org_suffix(t.word).is_some()
            || self.lex.place_suffix(t.word).is_some()
            // a ministry or office the tagger confirms (教育部, 国务院)
            || (t.chars() >= 2 && t.word.ends_with(['部', '局', '委', '院', '厅', '署', '办']))
    }

    /// A two-character name whose given name goes on into a word jieba made up from unknown
    /// characters (周子/nr 禄作/v 了, 陈砚/nr 平到/v, 史献/n 文拉着/uz): the third character is
    /// the name's when it often ends given names (`data/nlp/given_name_ends.txt`, counted from
    /// the annotated corpora by `examples/given_name_ends.rs`) and the word it opened is in no
    /// dictionary.
    fn lengthen_names_cut_by_unknown_words(
        &self,
        toks: &[Tok<'_>],
        persons: &mut [persons::PersonSpan],
    ) {
        for p in persons.iter_mut() {
            if p.name.chars().count() != 2 {
                continue;
            }
            let k = toks.partition_point(|t| t.start < p.end);
            let Some(next) = toks.get(k).filter(|t| t.start == p.end) else {
                continue;
            };
            let Some(c) = next.word.chars().next() else {
                continue;
            };
            // (贝尔/伯克说, 乌梅/罗夫: a foreign name's transliteration goes on further)
            let second = p.name.chars().nth(1).unwrap_or(c);
            if next.chars() >= 2
                && crate::text::is_han(c)
                && self.lex.given_name_ends.contains(&c)
                && !(persons::is_transliteration(second) && persons::is_transliteration(c))
                && !self.jieba.has_word(next.word)
            {
                p.end += c.len_utf8();
                p.name.push(c);
            }
        }
    }

    /// A name that ends inside a word of jieba's dictionary of three characters or more
    /// (宣传教/育 of 宣传教育/nr, 林林总/总 of 林林总总): a piece of an ordinary word, whatever
    /// tag jieba gave the word and whatever the tagger read.
    fn drop_names_cut_from_words(&self, toks: &[Tok<'_>], persons: &mut Vec<persons::PersonSpan>) {
        persons.retain(|p| {
            let k = toks.partition_point(|t| t.end <= p.end);
            !toks.get(k).is_some_and(|t| {
                t.start < p.end
                    && p.end < t.end
                    && t.start <= p.start
                    && t.chars() >= 3
                    && self.jieba.has_word(t.word)
            })
        });
    }

    /// Drops the names that are common words of the dictionary (`谢谢`, `白领`, `黄金周`:
    /// jieba's dictionary tags many frequent words as names, and the tagger, which reads that
    /// tag, follows it) unless a title is attached to them at some mention or the training
    /// corpora annotate them as persons (`data/nlp/common_word_names.txt`: 江泽民, 李娜).
    ///
    /// An ordinary word jieba tags as a name (`data/nlp/ordinary_name_words.txt`: 万幸, 高素质)
    /// counts only with a title or listed next to another name (王云波、余波).
    fn drop_common_words(&self, text: &str, persons: &mut Vec<persons::PersonSpan>) {
        // (a group is no title: 优抚对象/拉家常)
        let titled: Vec<String> = persons
            .iter()
            .filter(|p| p.roles.iter().any(|r| !GROUP_ROLES.contains(&r.as_str())))
            .map(|p| p.name.clone())
            .collect();
        let listed: Vec<String> = persons
            .iter()
            .filter(|p| {
                persons.iter().any(|q| {
                    (q.end < p.start && text.get(q.end..p.start).is_some_and(|s| s == "、"))
                        || (p.end < q.start && text.get(p.end..q.start).is_some_and(|s| s == "、"))
                })
            })
            .map(|p| p.name.clone())
            .collect();
        persons.retain(|p| {
            !self.lex.ordinary_name_words.contains(&p.name)
                || titled.contains(&p.name)
                || listed.contains(&p.name)
        });
        // A preposition that is a family name too before a frequent word (向/孩子, 于/当天, 向/过往)
        // is the preposition.
        persons.retain(|p| {
            let mut chars = p.name.chars();
            let first = chars.next();
            let rest: String = chars.collect();
            // (a given name that is a place's, 于/长江, stays: 于 is a family name first)
            let proper = self
                .tokens(&rest)
                .first()
                .is_some_and(|t| t.word == rest && matches!(t.tag, "ns" | "nz"));
            !(first.is_some_and(|c| "向于从".contains(c))
                && rest.chars().count() == 2
                && self.is_common_word(&rest)
                && !proper)
        });
        // A common word after a word for a group of people is what they have, not a name
        // (村民/车辆 被砸, 居民/楼下): a group is no title.
        persons.retain(|p| {
            p.roles.is_empty()
                || !p.roles.iter().all(|r| GROUP_ROLES.contains(&r.as_str()))
                || self.lex.common_word_names.contains(&p.name)
                || !self.is_common_word(&p.name)
        });
        persons.retain(|p| {
            titled.contains(&p.name)
                || self.lex.common_word_names.contains(&p.name)
                || ((persons::looks_like_full_name(&p.name) || !self.is_common_word(&p.name))
                    && !self.starts_with_common_word(&p.name))
        });
        // A frequent verb after an occupation is what they do (专家/解读, 记者/解释, 老师/解释:
        // 解 is a family name too), even with the occupation read as a title.
        persons.retain(|p| {
            p.name.chars().count() != 2
                || !p.roles.iter().all(|r| OCCUPATIONS.contains(&r.as_str()))
                || self.lex.common_word_names.contains(&p.name)
                || !self.is_common_word(&p.name)
                || !self.is_verb(&p.name)
        });
    }

    /// An organization read on over the words before it (代表/市妇联, 锦旗送到/离石…中心): where
    /// a common word of the dictionary stands right before a place or a level-prefixed body
    /// inside the span, the name starts after it. (A verb inside is no cut: companies and
    /// co-operatives hold their trade, 锻压设备制造, 花椒种植.)
    fn trim_words_before_a_placed_body(&self, toks: &[Tok<'_>], orgs: &mut [orgs::OrgSpan]) {
        for o in orgs.iter_mut() {
            if o.name.len() != o.end - o.start || o.last > toks.len() || o.last <= o.first + 1 {
                continue;
            }
            let placed = |t: &Tok<'_>| {
                t.tag == "ns" && t.word.ends_with(['省', '市', '县', '区', '镇', '乡'])
                    || (t.chars() >= 3 && t.word.starts_with(['省', '市', '县', '区', '镇', '乡']))
                    || ["省", "市", "县", "区", "镇", "乡"].contains(&t.word)
            };
            let mut cut = None;
            for k in o.first..o.last - 1 {
                let t = &toks[k];
                let next = &toks[k + 1];
                // (never a body's own word: 民革/合阳县支部, 市委/市直机关工委)
                let body_word = t
                    .word
                    .ends_with(['委', '党', '会', '部', '局', '革', '盟', '建', '进', '社'])
                    || self.lex.org_suffix(t.word).is_some();
                let common = t.chars() >= 2
                    && matches!(t.tag, "n" | "l" | "vn" | "v" | "d" | "c" | "t")
                    && !body_word
                    && self.is_common_word(t.word)
                    && placed(next);
                if common {
                    cut = Some(k + 1);
                }
            }
            if let Some(k) = cut
                && k < o.last
                && toks[k].start >= o.start
            {
                let at = toks[k].start - o.start;
                if o.name.is_char_boundary(at) && o.name[at..].chars().count() >= 3 {
                    o.name = o.name[at..].to_string();
                    o.start = toks[k].start;
                    o.first = k;
                }
            }
        }
    }

    /// A common word read on into the place after it (所在地/仲权/镇, 分片包干/淳溪/街道): where
    /// the place's first token is a frequent word of the dictionary and the next is a name jieba
    /// tags as one (or a word it does not know), the place starts at the name.
    ///
    /// A noun of two characters may name the place (电力新村社区, 水运雅居社区): it is cut only
    /// where the tagger starts the place after it.
    fn trim_common_words_before_a_place(
        &self,
        toks: &[Tok<'_>],
        tagged: Option<&[EntitySpan]>,
        places: &mut [places::PlaceSpan],
    ) {
        for p in places.iter_mut() {
            let k = toks.partition_point(|t| t.start < p.start);
            let (Some(head), Some(next)) = (toks.get(k), toks.get(k + 1)) else {
                continue;
            };
            if head.start != p.start
                || next.end > p.end
                || head.chars() < 2
                || !matches!(head.tag, "n" | "l" | "v" | "vn" | "d")
                // (a frequent word; a longer one need only be a word of the dictionary)
                || !(self.is_common_word(head.word)
                    || (head.chars() >= 4 && self.jieba.has_word(head.word)))
                || self.lex.place_suffix(head.word).is_some()
                // (the next a name jieba tags, or a word it does not know)
                || (!matches!(next.tag, "nr" | "nrt" | "nrfg" | "ns" | "nz" | "j")
                    && self.jieba.has_word(next.word))
                || p.name[head.word.len()..].chars().count() < 3
            {
                continue;
            }
            let tagger_starts_after = tagged.is_some_and(|ts| {
                ts.iter()
                    .any(|t| t.kind == EntityKind::Place && t.start == next.start)
            });
            if head.chars() == 2 && !matches!(head.tag, "v" | "d") && !tagger_starts_after {
                continue;
            }
            p.name = p.name[head.word.len()..].to_string();
            p.start = next.start;
        }
    }

    /// A preposition jieba's HMM glued to a name's first character (上报/至玉/东村/党总支,
    /// 自径/河/红色物业公司): a word of two characters the dictionary does not hold, starting
    /// with a preposition, heads the span; the name starts after the preposition.
    fn trim_glued_preposition_of_orgs(&self, toks: &[Tok<'_>], orgs: &mut [orgs::OrgSpan]) {
        for o in orgs.iter_mut() {
            let k = toks.partition_point(|t| t.start < o.start);
            let Some(t) = toks.get(k).filter(|t| t.start == o.start) else {
                continue;
            };
            let Some(first) = t.word.chars().next() else {
                continue;
            };
            // (or a conjunction: 及龙益/n 基金会)
            if (t.chars() == 2 || t.chars() == 3 && "及与".contains(first))
                && "至自从向在于由到对为经及与".contains(first)
                && !self.jieba.has_word(t.word)
                && o.name.starts_with(first)
                && o.name.chars().count() >= 5
            {
                o.name = o.name[first.len_utf8()..].to_string();
                o.start += first.len_utf8();
            }
        }
    }

    /// True when jieba's dictionary tags `word`, read whole, as a verb.
    fn is_verb(&self, word: &str) -> bool {
        let tags = self.jieba.tag(word, false);
        matches!(&tags[..], [t] if t.word == word && matches!(t.tag, "v" | "vd" | "vn"))
    }

    /// True when the first two characters of a three-character `name` are a frequent word of
    /// the dictionary (范围广, 严格执, 敬老爱: a word and a piece of the next, which jieba's
    /// HMM joined and tagged as a name).
    fn starts_with_common_word(&self, name: &str) -> bool {
        let mut ends = name.char_indices().map(|(i, _)| i);
        match (ends.next(), ends.next(), ends.next(), ends.next()) {
            (Some(_), Some(_), Some(third), None) => {
                let head = &name[..third];
                (self.jieba.has_word(head) && self.jieba.suggest_freq(head) >= PREFIX_WORD_FREQ)
                    || self.lex.not_names.contains(head)
            }
            // 齐聚河南: an ordinary word the tagger ran on into the next one
            (Some(_), Some(_), Some(third), Some(_)) => self.lex.not_names.contains(&name[..third]),
            _ => false,
        }
    }

    /// True when `word` is a word of jieba's dictionary at least [`COMMON_WORD_FREQ`] times.
    pub fn is_common_word(&self, word: &str) -> bool {
        self.jieba.has_word(word) && self.jieba.suggest_freq(word) >= COMMON_WORD_FREQ
    }

    /// Every entity mention in `text` with its byte range (for NER evaluation), as `extract`
    /// finds them: the rules and the sequence tagger together.
    pub fn entity_spans(&self, text: &str) -> Vec<EntitySpan> {
        self.spans_with(text, true)
    }

    /// Every entity mention the rules alone find (the tagger neither confirms nor adds).
    pub fn rule_spans(&self, text: &str) -> Vec<EntitySpan> {
        self.spans_with(text, false)
    }

    fn spans_with(&self, text: &str, use_tagger: bool) -> Vec<EntitySpan> {
        let toks = self.tokens(text);
        let (orgs, places, persons) = self.entities(text, &toks, use_tagger);
        let mut out = Vec::new();
        for o in &orgs {
            out.push(EntitySpan {
                kind: EntityKind::Organization,
                start: o.start,
                end: o.end,
            });
        }
        for p in &places {
            out.push(EntitySpan {
                kind: EntityKind::Place,
                start: p.start,
                end: p.end,
            });
        }
        for p in &persons {
            out.push(EntitySpan {
                kind: EntityKind::Person,
                start: p.start,
                end: p.end,
            });
        }
        out
    }
}

/// Standings and memberships written before a name (县领导某某, 学生某某, 市民某某, 种植大户某某):
/// titles of the name after them, but often the subject of an ordinary word instead (职工/齐声,
/// 学生/符合, 市民/顾虑), so the name after one is one jieba or the tagger reads as a name; and
/// like any group word they name societies (企业家协会) and qualify bodies (党和政府领导下).
const STANDINGS: &[&str] = &[
    "领导",
    "学生",
    "学员",
    "市民",
    "新兵",
    "队员",
    "股东",
    "职工",
    "企业家",
    "毕业生",
    "能手",
    "户",
    "村官",
    "带头人",
    "候选人",
    "领导人",
    "人士",
    "业主",
];

pub(super) fn is_standing(word: &str) -> bool {
    STANDINGS.iter().any(|s| word.ends_with(s))
}

/// Roles that name a group someone belongs to rather than a title they hold (村民, 网友).
const GROUP_ROLES: &[&str] = &[
    "独居老人",
    "残疾人",
    "社区残疾人",
    "老干部",
    "离退休干部",
    "老同志",
    "居民",
    "村民",
    "市民",
    "志愿者",
    "党员",
    "老党员",
    "网友",
    "网民",
    "游客",
    "患者",
    "家长",
    "工作人员",
    "退役军人",
    "退伍军人",
    "复员军人",
    "老兵",
    "老战士",
    "军属",
    "烈属",
    "优抚对象",
];

/// Occupations written before a name like a title (记者, 老师, 专家): before a frequent verb
/// they are the subject of the verb, not a title.
const OCCUPATIONS: &[&str] = &[
    "专家",
    "学者",
    "记者",
    "老师",
    "教师",
    "医生",
    "律师",
    "教授",
    "研究员",
    "负责人",
    "工作人员",
    "人士",
    "官员",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn nlp() -> Nlp {
        Nlp::new(None).unwrap()
    }

    /// The place names `analyze` reports for `text`.
    fn place_names(text: &str) -> Vec<String> {
        nlp()
            .analyze(text)
            .places
            .into_iter()
            .map(|p| p.name)
            .collect()
    }

    /// The organization names `analyze` reports for `text`.
    fn org_names(text: &str) -> Vec<String> {
        nlp()
            .analyze(text)
            .organizations
            .into_iter()
            .map(|o| o.name)
            .collect()
    }

    #[test]
    fn a_village_heads_a_title_and_an_executive_director_is_one() {
        let a = nlp().analyze("村党支部书记王建国介绍，镇关工委执行主任李明华讲话。");
        let roles = |n: &str| roles_of(&a, n);
        assert_eq!(roles("王建国"), ["村党支部书记"]);
        assert_eq!(roles("李明华"), ["镇关工委执行主任"]);
    }

    #[test]
    fn medicines_and_illnesses_are_no_persons() {
        let names = person_names(
            "医疗队为村民免费发放布洛芬缓释胶囊、阿莫西林胶囊等药品，针对高血压等老年常见病给出诊疗建议。李某华医生说，党员要在服务群众中永葆先进性。",
        );
        assert!(
            names
                .iter()
                .all(|n| !["布洛芬", "阿莫西林", "常见病", "中永葆"].contains(&n.as_str())),
            "{names:?}"
        );
    }

    #[test]
    fn kinds_of_compound_and_a_glued_preposition_are_no_places() {
        let places = place_names("目前问题小区得到整治，推进商品房小区建设，居民共商小区事务。");
        assert!(places.is_empty(), "{places:?}");
        // 向某纶/nr 镇/n: jieba's HMM read the preposition into the name before the suffix
        let text = "向某纶镇捐赠";
        let toks = [
            Tok::new("向某纶", "nr", 0, 9),
            Tok::new("镇", "n", 9, 12),
            Tok::new("捐赠", "v", 12, 18),
        ];
        let mut places = vec![places::PlaceSpan {
            start: 0,
            end: 12,
            name: text[..12].to_string(),
            weak: false,
        }];
        trim_glued_prepositions(&toks, &mut places, &mut Vec::new());
        assert_eq!(places[0].name, "某纶镇");
        assert_eq!(places[0].start, 3);
    }

    #[test]
    fn a_school_or_a_home_keeps_the_place_chain_it_is_written_with() {
        let a = nlp().analyze(
            "捐赠仪式在河北保定市清苑区东闾乡中心小学举行，志愿者随后来到广东韶关市乳源县社会福利院。",
        );
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        assert!(orgs.contains(&"河北保定市清苑区东闾乡中心小学"), "{orgs:?}");
        assert!(orgs.contains(&"广东韶关市乳源县社会福利院"), "{orgs:?}");
        // the places written only inside the names are no places of their own
        assert!(a.places.is_empty(), "{:?}", a.places);
    }

    #[test]
    fn a_body_working_with_another_is_not_part_of_its_name() {
        let orgs = org_names(
            "8日，西塞山区牧羊湖社区联合牧羊湖派出所民警开展宣传，澳门工会联合总会也派人参加。",
        );
        assert!(orgs.contains(&"牧羊湖派出所".to_string()), "{orgs:?}");
        assert!(orgs.contains(&"澳门工会联合总会".to_string()), "{orgs:?}");
        let a = nlp().analyze("我院组织志愿者协同泉西村社区居委会开展走访慰问老人。");
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(orgs, ["泉西村社区居委会"]);
        assert!(
            a.places.iter().all(|p| !p.name.starts_with("协同")),
            "{:?}",
            a.places
        );
    }

    #[test]
    fn a_conjunction_read_as_a_county_between_two_bodies_and_a_charity_troupe() {
        let orgs = org_names("县妇联和县林业局联合开展植树活动。");
        assert_eq!(orgs, ["县妇联", "县林业局"]);
        let orgs = org_names("组织某阳县一家亲公益团带领小学学生。");
        assert_eq!(orgs, ["某阳县一家亲公益团"]);
    }

    #[test]
    fn w57_persons_a_compound_family_name_a_clause_before_a_comma_and_a_native_place() {
        // 欧阳/ns 瑞菡/nr: the compound family name jieba read as a place; never 东方/s 文明/nr
        let names = person_names("温江区和盛镇的欧阳瑞菡十分高兴。弘扬东方文明和东方智慧。");
        assert_eq!(names, ["欧阳瑞菡"]);
        // the end of a phrase before a comma is no name listed with the next one
        let names = person_names("活动伊始,王明向大家致敬。参加活动的有张伟,王明等人。");
        assert!(!names.contains(&"伊始".to_string()), "{names:?}");
        assert!(names.contains(&"张伟".to_string()), "{names:?}");
        // a place and 籍 is someone's native place
        assert!(person_names("彰显了宋埠籍优秀有志青年在部队保家卫国。").is_empty());
        // a group is no title that makes an ordinary word a name
        assert!(person_names("村工作人员亲切地与优抚对象拉家常、问冷暖。").is_empty());
    }

    #[test]
    fn w57_places_lists_of_townships_roads_cut_by_jieba_and_a_townships_own_bodies() {
        let p = place_names("先后前往兴国镇、木港镇、枫林镇、黄颡口镇,为我县6名军人送喜报。");
        assert_eq!(p, ["兴国镇", "木港镇", "枫林镇", "黄颡口镇"]);
        let p = place_names("走进前进中路社区开展宣传。在海珠区纺织路上举行。");
        assert_eq!(p, ["前进中路社区", "海珠区", "纺织路"]);
        // a longer reading stays
        let p = place_names("松江区沪亭北路99号的门店。");
        assert!(p.contains(&"沪亭北路".to_string()), "{p:?}");
        // a village's groups listed by their bare names; a three-character group
        let p = place_names("而后到黄苗村戴冲、黄苗、皂角等组进行法律援助民生走访。");
        assert_eq!(p, ["黄苗村", "戴冲", "黄苗", "皂角"]);
        let p = place_names("来到红星村红星社村民小组走访。");
        assert!(p.contains(&"红星社村民小组".to_string()), "{p:?}");
        // a township's league committee, a village's league branch and veterans' station
        for (text, place) in [
            ("钟鸣镇团委开展活动。", "钟鸣镇"),
            ("1月24日,新闸村团支部开展了活动。", "新闸村"),
            ("1月24日,新闸村退役军人服务站开展了活动。", "新闸村"),
        ] {
            assert_eq!(place_names(text), [place], "{text}");
        }
    }

    #[test]
    fn w59_kinds_of_place_quantities_forms_of_address_and_speakers() {
        // a verb and a kind of place after a township, a quantity before 社区: no places
        assert_eq!(
            place_names("东海县张湾乡抓住农村冬闲时间开展活动。"),
            ["东海县", "张湾乡"]
        );
        assert!(place_names("吸引了大批社区居民驻足观看。").is_empty());
        // a village named like a kind (X山村) stays a village
        let p = place_names("看望慰问了绥德县崔家湾镇寨则山村8位老党员。");
        assert!(p.contains(&"寨则山村".to_string()), "{p:?}");
        // a community named with an adjective after its district; the kind alone is none
        let p = place_names("哈尔滨市南岗区繁荣社区党员汪某英在选举箱内投下一票。");
        assert!(p.contains(&"繁荣社区".to_string()), "{p:?}");
        assert!(place_names("大力建设和谐社区。").is_empty());
        assert!(place_names("我们组织5名乡镇纪检监察干部参加。").is_empty());
        // a township's level jieba glued to the village after it; a count's measure word
        // glued to the kinds it counts
        assert_eq!(
            place_names("在代字营镇鑫园村举行直播带货活动。"),
            ["代字营镇", "鑫园村"]
        );
        assert!(place_names("26名县级领导作为26处镇街行政区域县级林长。").is_empty());
        // a town's name of a family-like head and a place word before its bare level
        let p = place_names("民警走进桃城区郑家河沿镇和赵家圈镇集市开展宣传。");
        assert!(p.contains(&"郑家河沿镇".to_string()), "{p:?}");
        // a system of chiefs is no person
        assert!(person_names("山东网4月7日讯 林长制实施以来，全县森林覆盖率提高。").is_empty());
        // a family name and a kin term is no name
        assert!(person_names("放映点选择在6组村民方爹爹家门前的场地。").is_empty());
        // an interview's speaker before a colon
        assert_eq!(
            person_names("学生 潘欣:之前我会以为这些戏曲是老年人才看的。"),
            ["潘欣"]
        );
    }

    #[test]
    fn w57_youth_league_committees_as_written() {
        let o = org_names("共青团凤凰县委的志愿者参加了活动。");
        assert_eq!(o, ["共青团凤凰县委"]);
        let o = org_names("志愿服务队在团州委、团凤凰县委的领导下开展活动。");
        assert_eq!(o, ["团州委", "团凤凰县委"]);
        let o = org_names("近日,城固团县委联合三合镇党委开展活动。");
        assert_eq!(o, ["城固团县委", "三合镇党委"]);
        // the movement, no body; the subject of its sentence, a body
        assert!(org_names("发挥共青团桥梁纽带作用，开展共青团进社区活动。").is_empty());
        assert_eq!(org_names("共青团要把牢新时代青年工作的方向。"), ["共青团"]);
    }

    #[test]
    fn local_offices_of_national_bodies_and_a_bodys_own_office_after_it() {
        assert_eq!(
            org_names("国家税务总局惠州市税务局开展宣传。"),
            ["国家税务总局惠州市税务局"]
        );
        let o = org_names("国家税务总局和林格尔县税务局盛乐镇税务所的干部参加。");
        assert_eq!(o, ["国家税务总局和林格尔县税务局盛乐镇税务所"]);
        assert_eq!(
            org_names("田家庵区国税局办税服务厅获得表彰。"),
            ["田家庵区国税局办税服务厅"]
        );
        assert_eq!(
            org_names("大连市中山区税务局第一税务所的青年。"),
            ["大连市中山区税务局第一税务所"]
        );
        // a body and its own department right after it; never a national or placed body
        assert_eq!(
            org_names("市公安局交通管理局开展宣传。"),
            ["市公安局交通管理局"]
        );
        assert_eq!(
            org_names("省公安厅高速公路公安局双辽分局民警参加。"),
            ["省公安厅高速公路公安局双辽分局"]
        );
        let o = org_names("中央纪委国家监委网站发布消息。");
        assert_eq!(o, ["中央纪委", "国家监委"]);
    }

    #[test]
    fn prepositions_jieba_glued_inside_a_name_end_it_and_health_insurance_offices() {
        assert_eq!(org_names("培训会由区民政局组织。"), ["区民政局"]);
        assert_eq!(
            org_names("县妇联及龙益基金会捐赠物资。"),
            ["县妇联", "龙益基金会"]
        );
        assert_eq!(
            org_names("西安市妇女儿童活动中心向纪家村村委会捐赠图书。"),
            ["西安市妇女儿童活动中心", "纪家村村委会"]
        );
        assert_eq!(org_names("向阳社区党委开展活动。"), ["向阳社区党委"]);
        // a conjunction glued to the head of the next body's name (及龙益/n 基金会)
        let o = org_names("广西壮族自治区崇左市龙州县关工委及龙益基金会为留守儿童捐赠物资。");
        assert!(o.contains(&"龙益基金会".to_string()), "{o:?}");
        assert_eq!(
            org_names("县医保办、绿塘乡合医办、丰乐镇医保站工作人员参加。"),
            ["县医保办", "绿塘乡合医办", "丰乐镇医保站"]
        );
    }

    #[test]
    fn teams_named_in_quotation_marks_keep_the_marks() {
        assert_eq!(
            org_names("该社区“金砖”志愿服务队闻讯而动。"),
            ["“金砖”志愿服务队"]
        );
        assert_eq!(
            org_names("“义心”助餐小分队为老人送餐。"),
            ["“义心”助餐小分队"]
        );
        // a body or a place chain right before the marks opens the name; the body stays too
        let o = org_names("日照市中医医院“杏林先锋”党员医护志愿服务队来到社区。");
        assert!(
            o.contains(&"日照市中医医院“杏林先锋”党员医护志愿服务队".to_string()),
            "{o:?}"
        );
        let o = org_names("溧阳市溧城镇东升社区“太阳花”爱心驿站开展活动。");
        assert_eq!(o, ["溧阳市溧城镇东升社区“太阳花”爱心驿站"]);
        // the whole team in the marks
        assert_eq!(
            org_names("“红心祥和调解队”化解纠纷。"),
            ["“红心祥和调解队”"]
        );
        // a general kind alone after the marks, a campaign or an honour: no team
        assert!(
            org_names("发起“我的长征”团队活动，设立“零工驿站”，开展“我为群众办实事”实践活动。")
                .is_empty()
        );
    }

    #[test]
    fn w57_armed_forces_departments_civil_affairs_offices_and_numbered_village_names() {
        let o = org_names("滨江街道人民武装部、荻垛镇民政办工作人员参加。");
        assert_eq!(o, ["滨江街道人民武装部", "荻垛镇民政办"]);
        // 七里/m 店村: a numbered place name's head is no count
        let o = org_names("联谊活动由七里店村党总支书记肖某丽主持。");
        assert_eq!(o, ["七里店村党总支"]);
        assert_eq!(place_names("来到七里店村走访。"), ["七里店村"]);
    }

    #[test]
    fn a_village_named_by_its_own_party_unit_is_a_place_too() {
        let a = nlp().analyze("3月14日，某集镇朝阳村党支部组织党员开展植树活动。");
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        assert!(orgs.iter().any(|o| o.ends_with("朝阳村党支部")), "{orgs:?}");
        assert!(
            a.places.iter().any(|p| p.name == "朝阳村"),
            "{:?}",
            a.places
        );
    }

    #[test]
    fn a_model_the_page_holds_up_is_no_person_of_the_story() {
        let names = person_names(
            "社区开展“学雷锋”志愿服务活动，志愿者争当时代“活雷锋”，弘扬雷锋精神。社区党委书记李建国介绍说，活动很成功。",
        );
        assert!(!names.contains(&"雷锋".to_string()), "{names:?}");
        assert!(names.contains(&"李建国".to_string()), "{names:?}");
        // a university's professor is no model
        let names = person_names("清华大学李建国教授作报告，李建国说，这是一次难忘的经历。");
        assert!(names.contains(&"李建国".to_string()), "{names:?}");
    }

    #[test]
    fn a_township_jieba_cut_before_its_last_word_and_and_before_county_departments() {
        let p = place_names("今年以来，刘集镇加大反诈骗宣传力度，在浏阳市淳口镇也是如此。");
        assert!(p.contains(&"刘集镇".to_string()), "{p:?}");
        let p = place_names("县“四大家”领导和县直部门负责人带头植树。");
        assert!(!p.contains(&"和县".to_string()), "{p:?}");
    }

    #[test]
    fn a_rare_character_a_direction_and_a_county_head_a_service_stations_name() {
        let p = place_names("谈起修村路，大东疃村的老百姓对今年村里的变化很满意。");
        assert!(p.contains(&"大东疃村".to_string()), "{p:?}");
        let orgs = org_names("近日，道县蚣坝镇退役军人服务站建成荣誉墙。");
        assert_eq!(orgs, ["道县蚣坝镇退役军人服务站"]);
        let orgs = org_names("近日，西新桥二村社区退役军人服务站为退役军人送上年画。");
        assert_eq!(orgs, ["西新桥二村社区退役军人服务站"]);
    }

    #[test]
    fn rivers_lakes_and_canals_by_name_whatever_jieba_tagged_them() {
        let p = place_names("村居责任人对蔷薇河、戛粮河、亥子河开展巡河。");
        for river in ["蔷薇河", "戛粮河", "亥子河"] {
            assert!(p.contains(&river.to_string()), "{river} {p:?}");
        }
        let p = place_names("游客来到大明湖和查干湖游玩。");
        assert!(p.contains(&"查干湖".to_string()), "{p:?}");
        // kinds of water and a given name ending in 江 are none
        assert!(place_names("保护母亲河,守护护城河。").is_empty());
        assert!(place_names("市长于长江出席活动。").is_empty());
    }

    #[test]
    fn market_supervision_stations_and_words_after_retired_cadres() {
        let orgs = org_names("西天尾食药监管所执法人员深入校园检查。");
        assert_eq!(orgs, vec!["西天尾食药监管所".to_string()]);
        let orgs = org_names("区市场监督管理局阜桥市场监管所开展检查。");
        assert_eq!(orgs, vec!["区市场监督管理局阜桥市场监管所".to_string()]);
        let orgs = org_names("现场,市场监管所执法人员逐一检查。");
        assert!(orgs.is_empty(), "{orgs:?}");
        assert!(person_names("为老干部幸福晚年生活提供坚实保障。").is_empty());
        assert!(person_names("居民们一步步将红纸折叠、勾勒、剪刻,变成了窗花。").is_empty());
    }

    #[test]
    fn a_border_detachments_station_and_township_central_schools() {
        let orgs = org_names("吉林通化边境管理支队太王边境派出所民警杨亮说。");
        assert_eq!(orgs, vec!["吉林通化边境管理支队太王边境派出所".to_string()]);
        let orgs = org_names("派出所民警联合片马镇中心完小、江门镇中心校开展禁毒宣传。");
        assert!(orgs.contains(&"片马镇中心完小".to_string()), "{orgs:?}");
        assert!(orgs.contains(&"江门镇中心校".to_string()), "{orgs:?}");
    }

    #[test]
    fn a_name_glued_to_a_preposition_or_to_the_verb_of_a_speech() {
        // 刘传/nr 银以/p: the tagger's three characters, before a preposition
        let p = person_names("镇党委书记刘传银以“心作良田”赞誉商会的善行义举。");
        assert_eq!(p, vec!["刘传银".to_string()]);
        // 吕伟致/nr 欢迎词: 致 is the verb of the speech
        let p = person_names("会上,镇长吕伟致欢迎词,对商会表示感谢。");
        assert_eq!(p, vec!["吕伟".to_string()]);
    }

    #[test]
    fn someone_speaking_for_a_committee_a_predicate_and_a_conjunction_stay_out_of_names() {
        let orgs = org_names("副县长杜兵代表县委、县政府向各位企业家表示感谢。");
        assert!(orgs.contains(&"县委".to_string()), "{orgs:?}");
        let orgs = org_names("各商会积极响应县委县政府“校友回湘”号召。");
        assert!(orgs.contains(&"县委".to_string()), "{orgs:?}");
        let orgs = org_names("大爱株洲·金秋助学株洲日报社暨天元区幸福教育基金会举行活动。");
        assert!(
            orgs.contains(&"天元区幸福教育基金会".to_string()),
            "{orgs:?}"
        );
        let orgs = org_names("他以“心作良田”高度赞誉商会的善行义举。");
        assert!(!orgs.iter().any(|o| o.contains("赞誉")), "{orgs:?}");
    }

    #[test]
    fn verbs_glued_to_a_name_and_a_place_chain_climbing_back_up_stay_out_of_it() {
        let orgs = org_names("农产品卖得好,感谢电商协会助农带货现场直播。");
        assert!(!orgs.iter().any(|o| o.starts_with("感谢")), "{orgs:?}");
        let orgs = org_names("记者了解到,除鑫利达农牧专业合作社之外,全镇还有10余家合作社。");
        assert!(!orgs.iter().any(|o| o.starts_with('除')), "{orgs:?}");
        let orgs = org_names("李家村幸福大院位于村委会对面,是老人活动的好去处。");
        assert!(!orgs.iter().any(|o| o.contains("位于")), "{orgs:?}");
        let orgs =
            org_names("近日,沙坡头区永康镇沙滩村中卫市鑫利达农牧专业合作社的西红柿喜获丰收。");
        assert!(
            orgs.contains(&"中卫市鑫利达农牧专业合作社".to_string()),
            "{orgs:?}"
        );
    }

    #[test]
    fn a_townships_government_named_by_its_level_alone_is_a_body() {
        let orgs = org_names("7日上午,在镇政府四楼召开专题会议。");
        assert!(orgs.contains(&"镇政府".to_string()), "{orgs:?}");
        let orgs = org_names("乡政府组织干部走访慰问困难群众。");
        assert!(orgs.contains(&"乡政府".to_string()), "{orgs:?}");
        // named with its place, the place heads it
        let orgs = org_names("10月21日上午,一渡水镇政府征兵报名现场人头攒动。");
        assert!(orgs.contains(&"一渡水镇政府".to_string()), "{orgs:?}");
    }

    #[test]
    fn a_place_the_tagger_reads_over_two_levels_is_read_level_by_level() {
        // 和平/nz 街道 东兴/ns 社区: the tagger's one span holds the street office and the
        // community; each is a place.
        let p = place_names("机关党支部联合安平市和平街道东兴社区、北安市人民医院开展义诊。");
        assert!(p.contains(&"和平街道".to_string()), "{p:?}");
        assert!(p.contains(&"东兴社区".to_string()), "{p:?}");
    }

    #[test]
    fn a_village_jieba_glued_to_the_next_word_or_to_its_townships_level() {
        // 卧龙/ns 村总坡/n: the village ends where the tagger ends it
        let p = place_names("护林员、志愿者在卧龙村总坡黄桃基地开展劳动。");
        assert!(p.contains(&"卧龙村".to_string()), "{p:?}");
        // 广安/ns 镇小孟桥/nr 村: the township's level belongs to the township
        let p = place_names("6月4日,大城县广安镇小孟桥村服装厂开展活动。");
        assert!(p.contains(&"广安镇".to_string()), "{p:?}");
        assert!(p.contains(&"小孟桥村".to_string()), "{p:?}");
        // 南雄社区/村民: a community's villagers make no village
        let p = place_names("金山镇南雄社区村民杨晓琳说道,活动很精彩。");
        assert!(!p.iter().any(|x| x.ends_with("社区村")), "{p:?}");
    }

    #[test]
    fn a_township_jieba_glued_to_the_next_village_is_cut_where_the_tagger_ends_it() {
        let p = place_names("2月14日，省法院驻漕河镇北庞村的工作队员一入村就走访群众。");
        assert!(p.contains(&"漕河镇".to_string()), "{p:?}");
        assert!(p.contains(&"北庞村".to_string()), "{p:?}");
        // a township's own government stays one word
        let orgs = org_names("九龙镇政府组织干部开展活动。");
        assert!(orgs.contains(&"九龙镇政府".to_string()), "{orgs:?}");
    }

    #[test]
    fn a_township_kept_whole_as_one_unknown_word_and_a_community_named_whole() {
        let p = place_names(
            "专家来义诊，球川镇的村民一大早就来了。和平社区、长新社区、向阳社区等社区参加。",
        );
        for name in ["球川镇", "向阳社区"] {
            assert!(p.contains(&name.to_string()), "{name}: {p:?}");
        }
        // kinds of township are none
        let p = place_names("推进小城镇建设，全镇各乡镇共同参与。");
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn a_bare_name_at_the_head_of_a_township_the_tagger_reads_is_its_head() {
        let p = place_names("4月22日，七星台镇东林村三组村民高兴地说。");
        assert!(p.contains(&"七星台镇".to_string()), "{p:?}");
        assert!(!p.contains(&"七星".to_string()), "{p:?}");
    }

    #[test]
    fn a_community_named_in_its_womens_federation_or_its_own_branch_and_a_numbered_highway() {
        let p = place_names("近日,横塘社区妇联组织辖区妇女开展活动。");
        assert!(p.contains(&"横塘社区".to_string()), "{p:?}");
        let p = place_names("为营造整洁的卫生环境,望湖社区龙门党支部开展清扫活动。");
        assert!(p.contains(&"望湖社区".to_string()), "{p:?}");
        let p = place_names("幸福大院在村委会对面,是G328国道唐河沿线的一处院落。");
        assert!(p.contains(&"G328国道".to_string()), "{p:?}");
    }

    #[test]
    fn a_whole_town_the_grassroots_and_a_glued_preposition_make_no_place() {
        assert!(place_names("来自全镇社区的妇女参加活动。").is_empty());
        assert!(place_names("各级妇联扎根基层村开展工作。").is_empty());
        let p = place_names("马金镇与霞田村联合开展活动。");
        assert!(!p.iter().any(|x| x.starts_with('与')), "{p:?}");
        // 向阳 is a name
        let p = place_names("向阳社区组织志愿者开展活动。");
        assert!(p.contains(&"向阳社区".to_string()), "{p:?}");
    }

    #[test]
    fn a_villages_named_group_is_a_place_and_no_person() {
        let p = place_names("家住官和村坳上组的郭燕开心地说。");
        assert!(p.contains(&"坳上组".to_string()), "{p:?}");
        assert_eq!(
            person_names("市唐洞街道镜塘村毛坪上组森林防火值守点。"),
            Vec::<String>::new()
        );
        // a numbered group or the village's party group is none
        let p = place_names("家住官和村三组的郭燕开心地说。");
        assert!(!p.iter().any(|x| x.ends_with('组')), "{p:?}");
    }

    #[test]
    fn a_place_whose_head_is_a_bodys_name_is_no_place() {
        // 搜狐/社区: a site's community, not a residential one
        let p = place_names("基金会与搜狐公益、搜狐社区开展爱心活动。");
        assert!(!p.iter().any(|x| x.contains("搜狐")), "{p:?}");
    }

    #[test]
    fn a_committees_research_office_and_a_verb_of_seeing_before_a_unit() {
        let orgs = org_names("市委政研室工作人员参加活动。");
        assert_eq!(orgs, vec!["市委政研室".to_string()]);
        let orgs = org_names("每天早上都总能看见交警五大队的民警在路口执勤。");
        assert_eq!(orgs, vec!["交警五大队".to_string()]);
    }

    #[test]
    fn a_numbered_department_and_a_townships_cut_first_character_stay_in_the_title() {
        let a = nlp().analyze(
            "第七检察部检察官周新宇为高中部60余名学生上课。白山镇卫生院慢病科主任黄雨强介绍了体检情况。",
        );
        let roles = |n: &str| roles_of(&a, n);
        assert_eq!(roles("周新宇"), ["第七检察部检察官"], "{:?}", a.persons);
        assert_eq!(
            roles("黄雨强"),
            ["白山镇卫生院慢病科主任"],
            "{:?}",
            a.persons
        );
    }

    #[test]
    fn community_river_and_farm_workers_titles_are_roles() {
        let a = nlp().analyze(
            "“别伤了和气。”调解员郑文凤赶忙劝解。网格员杨洪娟已经到岗。高级畜牧师钟建生应邀讲授了养殖技术。独居老人赵丽芬连连道谢。",
        );
        let roles = |n: &str| roles_of(&a, n);
        assert_eq!(roles("郑文凤"), ["调解员"], "{:?}", a.persons);
        assert_eq!(roles("杨洪娟"), ["网格员"], "{:?}", a.persons);
        assert_eq!(roles("钟建生"), ["高级畜牧师"], "{:?}", a.persons);
        assert_eq!(roles("赵丽芬"), ["独居老人"], "{:?}", a.persons);
        // the people a committee works for stay in its name
        let orgs = org_names("国务院残疾人工作委员会表彰先进。");
        assert_eq!(orgs, vec!["国务院残疾人工作委员会".to_string()]);
        // a preposition between two words makes no place (妇联/为/镇)
        let p = place_names("7日下午,东林镇工会、妇联为镇村女干部送上精心准备的节目。");
        assert!(!p.iter().any(|x| x.contains('为')), "{p:?}");
    }

    #[test]
    fn a_veterans_standing_before_the_name_is_a_role() {
        let a = nlp().analyze("镇党委书记带队走访慰问了参战老兵杨永庆和老复员军人吴建发。");
        let roles = |n: &str| roles_of(&a, n);
        assert!(
            roles("杨永庆").iter().any(|r| r.ends_with("老兵")),
            "{:?}",
            a.persons
        );
        assert_eq!(roles("吴建发"), ["老复员军人"], "{:?}", a.persons);
        // a verb of help after a group is no name
        let names = person_names("为退役军人和其他优抚对象解难帮困。");
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn offices_libraries_and_media_centres_of_a_level_are_bodies() {
        let orgs = org_names(
            "大学生村官联系镇旅游办工作人员。某田乡民政办通过各村摸底。县图书馆工作人员和市文化馆党员走进县融媒体中心。",
        );
        for name in [
            "镇旅游办",
            "某田乡民政办",
            "县图书馆",
            "市文化馆",
            "县融媒体中心",
        ] {
            assert!(orgs.contains(&name.to_string()), "{name}: {orgs:?}");
        }
        let orgs = org_names("市委农办和黄山市中心血站的工作人员参加，县中心血站也来了。");
        for name in ["市委农办", "黄山市中心血站", "县中心血站"] {
            assert!(orgs.contains(&name.to_string()), "{name}: {orgs:?}");
        }
        // 办 as the verb it is, and a new pattern jieba tags as a body
        let orgs = org_names(
            "党员为群众办实事，形成了“社会齐参与,帮扶新格局”的浓厚氛围。图书馆里很安静。",
        );
        assert!(orgs.is_empty(), "{orgs:?}");
    }

    #[test]
    fn a_party_school_is_named_with_the_committee_that_runs_it() {
        let orgs = org_names(
            "3月27日上午，中共某江镇委员会党校正式揭牌成立。党员干部们通过集中学习市委党校有关专家的研究成果。",
        );
        assert!(
            orgs.contains(&"中共某江镇委员会党校".to_string()),
            "{orgs:?}"
        );
        assert!(orgs.contains(&"市委党校".to_string()), "{orgs:?}");
        // a body's own party branch written right after it
        let orgs = org_names("5月18日，县政府办机关党支部开展主题党日活动。");
        assert!(orgs.contains(&"县政府办机关党支部".to_string()), "{orgs:?}");
        // …but the party group opening a member's title leaves the bureau named alone
        let orgs = org_names("区乡村振兴局党组成员李某出席会议。");
        assert!(!orgs.iter().any(|o| o.ends_with("党组")), "{orgs:?}");
        // a township's armed forces department, a county's forest farm, a town's stations
        let orgs = org_names("镇武装部组织民兵开展训练，青溪县某岭林场的护林员守护山林。");
        assert!(orgs.contains(&"镇武装部".to_string()), "{orgs:?}");
        assert!(orgs.contains(&"青溪县某岭林场".to_string()), "{orgs:?}");
        let places = place_names("村干部在主要街道悬挂横幅，共建美丽社区。");
        assert!(places.is_empty(), "{places:?}");
        let orgs = org_names("根据青溪市文明办统一部署，志愿者开展环保活动。");
        assert!(orgs.contains(&"青溪市文明办".to_string()), "{orgs:?}");
        // a preposition jieba's HMM glued to the name's first character (至某/东村/党总支)
        let text = "至某东村党总支";
        let toks = [
            Tok::new("至某", "n", 0, 6),
            Tok::new("东村", "ns", 6, 12),
            Tok::new("党总支", "n", 12, 21),
        ];
        let mut spans = vec![orgs::OrgSpan {
            start: 0,
            end: 21,
            first: 0,
            last: 3,
            name: text.to_string(),
            kind: "party".to_string(),
            named_start: true,
        }];
        nlp().trim_glued_preposition_of_orgs(&toks, &mut spans);
        assert_eq!(spans[0].name, "某东村党总支");
        // a level's people's congress named with the level alone, from a member's title
        let orgs = org_names("县人大副主任王左某出席会议并讲话。");
        assert!(orgs.contains(&"县人大".to_string()), "{orgs:?}");
        // consumer councils and food-safety offices by their short names
        let orgs = org_names(
            "县市场监管局联合县消委会、县发改局等17家单位开展宣传活动，市食安办负责人出席。",
        );
        assert!(orgs.contains(&"县消委会".to_string()), "{orgs:?}");
        assert!(orgs.contains(&"市食安办".to_string()), "{orgs:?}");
        // a bare 镇 before 党校 is the township's party school, no town
        let places = place_names("据悉，镇党委自本月初开始筹备镇党校的创建工作。");
        assert!(places.is_empty(), "{places:?}");
    }

    #[test]
    fn a_foreign_head_with_the_title_after_and_a_countrys_side_in_talks() {
        let a = nlp().analyze("去年，胡锦涛主席同伯塞斯库总统在北京奥运会期间会晤，达成广泛共识。");
        let p = a.persons.iter().find(|p| p.name == "伯塞斯库");
        assert!(p.is_some_and(|p| p.roles == ["总统"]), "{:?}", a.persons);
        assert!(
            !a.places.iter().any(|p| p.name == "伯塞斯库"),
            "{:?}",
            a.places
        );
        // 罗方, 美方: the side of a country, no person
        let names =
            person_names("中方愿同罗方一道增进友谊。杰瓦讷说，罗方一贯坚持优先发展对华关系。");
        assert!(!names.iter().any(|n| n.ends_with('方')), "{names:?}");
    }

    #[test]
    fn foreign_leaders_in_a_list_keep_their_whole_names_and_titles() {
        let a = nlp().analyze(
            "冰岛总统托马斯多蒂尔、多米尼克总统伯顿、斯里兰卡总理阿马拉苏里亚分别致辞。印度尼西亚总统佐科出席。",
        );
        let roles = |n: &str| roles_of(&a, n);
        assert_eq!(roles("托马斯多蒂尔"), ["冰岛总统"], "{:?}", a.persons);
        assert_eq!(roles("阿马拉苏里亚"), ["斯里兰卡总理"], "{:?}", a.persons);
        assert_eq!(roles("佐科"), ["印度尼西亚总统"], "{:?}", a.persons);
        // 多米尼克 is the country here, not a person
        assert!(
            !a.persons.iter().any(|p| p.name == "多米尼克"),
            "{:?}",
            a.persons
        );
    }

    #[test]
    fn a_long_dotted_name_and_its_first_part_are_one_person() {
        let names = person_names(
            "老战士们都会讲述巴依卡一家三代爱国戍边的故事。近日，巴依卡·凯力迪别克被授予“人民卫士”国家荣誉称号。巴依卡说，这是全家的光荣。",
        );
        assert_eq!(names, ["巴依卡·凯力迪别克"]);
    }

    #[test]
    fn quoted_titles_married_names_and_a_glued_verb() {
        let a = nlp().analyze("台当局“疾病管制局副局长”林顶指出，疫情来势汹汹。");
        assert!(
            a.persons.iter().any(|p| p.name == "林顶"),
            "{:?}",
            a.persons
        );
        let names = person_names(
            "中国卫生部部长陈竺率代表团已抵达日内瓦。世界卫生组织总干事陈冯富珍将与制药公司总裁讨论。冯富珍表示欢迎。",
        );
        assert_eq!(names, ["陈竺", "陈冯富珍"]);
    }

    #[test]
    fn a_name_read_as_a_place_between_two_persons_of_a_list_is_a_person() {
        let a = nlp().analyze("出席会议的有王沪宁、蔡奇、王小洪、洛桑江村、胡春华和张升民。");
        assert!(
            a.persons.iter().any(|p| p.name == "洛桑江村"),
            "{:?}",
            a.persons
        );
        assert!(a.places.is_empty(), "{:?}", a.places);
    }

    #[test]
    fn a_transliteration_character_left_alone_after_a_title_starts_the_name() {
        let names = person_names("俄总统新闻秘书佩斯科夫7日表示，俄方将继续谈判。");
        assert_eq!(names, ["佩斯科夫"]);
    }

    #[test]
    fn a_merged_name_counts_the_mentions_of_its_short_form() {
        let a = nlp().analyze("世界卫生组织总干事陈冯富珍将与制药公司总裁讨论。冯富珍表示欢迎。");
        let p = a.persons.iter().find(|p| p.name == "陈冯富珍");
        assert!(p.is_some_and(|p| p.mentions == 2), "{:?}", a.persons);
    }

    #[test]
    fn a_person_before_a_generic_community_and_a_time_word_are_no_place_or_name() {
        let a = nlp().analyze("78岁的林丹为社区居民奉献了大半生，扎根基层社区已经50多年。");
        assert!(a.places.is_empty(), "{:?}", a.places);
        let names = person_names("市民游客白天逛景区、晚上看比赛。");
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn crops_and_adjectives_in_a_list_are_no_names() {
        let names = person_names("推广小麦复种燕麦草、冷凉蔬菜的“一地多收”模式。");
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn a_name_in_quotation_marks_after_its_title() {
        let a = nlp().analyze("延迟退休面临两大纠结。网民“黄栀梓”认为，应当逐年推进。");
        let p = a.persons.iter().find(|p| p.name == "黄栀梓");
        assert!(p.is_some_and(|p| p.roles == ["网民"]), "{:?}", a.persons);
    }

    #[test]
    fn a_frequent_verb_after_an_occupation_is_no_name() {
        let names =
            person_names("专家解读G8峰会的三大看点。面对记者提问，老师解释说报名已经截止。");
        assert!(names.is_empty(), "{names:?}");
        // a rare name jieba tags as a verb after a real title stays
        let names = person_names("安利公益基金会理事长余放等领导出席。");
        assert_eq!(names, ["余放"]);
    }

    #[test]
    fn a_county_jieba_tags_as_a_noun_heads_its_government() {
        // 柞水县/n in jieba's own dictionary; the gazetteer knows it as a county
        let o = org_names("对商洛市人民政府、柞水县人民政府等单位进行了严肃问责。");
        assert_eq!(o, ["商洛市人民政府", "柞水县人民政府"]);
    }

    #[test]
    fn chu_after_a_person_is_their_place_not_an_office() {
        assert_eq!(
            org_names("本报记者从接近国家发改委有关人士处获悉。"),
            ["国家发改委"]
        );
        assert_eq!(
            org_names("记者从青岛市民政局负责人处了解到。"),
            ["青岛市民政局"]
        );
        assert_eq!(
            org_names("市民政局社会事务处负责人介绍。"),
            ["市民政局社会事务处"]
        );
    }

    #[test]
    fn the_countrys_name_in_a_name_of_its_own_is_no_mention() {
        for text in [
            "新中国成立75周年。",
            "据中国之声报道。",
            "继续奉行一个中国政策。",
        ] {
            assert!(
                place_names(text).is_empty(),
                "{text}: {:?}",
                place_names(text)
            );
        }
        assert_eq!(place_names("中国新能源汽车产量增长。"), ["中国"]);
    }

    #[test]
    fn a_community_service_venue_is_no_body_and_its_chain_are_places() {
        let a = nlp().analyze("中央宣讲团成员在上海静安区江宁路街道社区党群服务中心宣讲。");
        let places: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(places, ["上海", "静安区", "江宁路街道"]);
        assert!(a.organizations.is_empty(), "{:?}", a.organizations);
        assert!(org_names("群众到市政务服务中心办理业务。").is_empty());
    }

    #[test]
    fn a_landmark_is_neither_a_place_nor_a_body() {
        let a = nlp().analyze("国家主席习近平在人民大会堂同印度尼西亚总统佐科举行会谈。");
        assert!(
            !a.places.iter().any(|p| p.name == "人民大会堂"),
            "{:?}",
            a.places
        );
        assert!(
            !a.organizations.iter().any(|o| o.name == "人民大会堂"),
            "{:?}",
            a.organizations
        );
    }

    #[test]
    fn a_governments_name_is_its_place_and_the_word_government() {
        // jieba keeps 英国政府/nt whole, the tagger reads 英国 alone
        assert_eq!(org_names("英国政府表示将继续支持。"), ["英国政府"]);
        assert_eq!(org_names("他被中央政府任命为司长。"), ["中央政府"]);
        // and a country before 政府/n is one name too
        assert_eq!(org_names("阿富汗政府当天发表声明。"), ["阿富汗政府"]);
    }

    #[test]
    fn a_special_administrative_regions_government_is_one_word() {
        // jieba cuts 特/区政府; the dictionary keeps 特区政府 whole
        let o = org_names("表示相信在特区政府和社会各界的共同努力下，问题会得到解决。");
        assert_eq!(o, ["特区政府"]);
        let o = org_names("香港特区政府准备在机场东北面填海。");
        assert_eq!(o, ["香港特区政府"]);
    }

    #[test]
    fn a_city_before_a_body_named_after_its_province_is_where_it_works() {
        let a = nlp().analyze("代表团考察了克拉玛依市新疆油田公司，了解企业情况。");
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        let places: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(orgs, ["新疆油田公司"]);
        assert!(places.contains(&"克拉玛依市"), "{places:?}");
        // a city of another province stays in the name
        let o = org_names("他在北京市新疆企业商会工作。");
        assert!(!o.contains(&"新疆企业商会".to_string()), "{o:?}");
    }

    #[test]
    fn a_party_group_in_its_secretarys_title_names_the_body() {
        let o = org_names("中央宣讲团成员，商务部党组书记、部长王文涛在山东作宣讲报告。");
        assert_eq!(o, ["商务部"]);
        // standing alone, the party group is the body named
        let o = org_names("各单位认真贯彻落实市民政局党组的工作部署。");
        assert_eq!(o, ["市民政局党组"]);
        // a common word in 局 is no body, whoever reads it
        let o = org_names("国际经贸格局深刻调整，更多人落入电诈骗局。");
        assert!(o.is_empty(), "{o:?}");
    }

    #[test]
    fn an_age_group_jieba_tags_as_a_time_stays_in_a_name() {
        let o = org_names("零点青年公益创业发展中心发布报告。");
        assert_eq!(o, ["零点青年公益创业发展中心"]);
        // a time still ends a name
        let o = org_names("昨天市场监管局发布通知。");
        assert_eq!(o, ["市场监管局"]);
    }

    #[test]
    fn units_after_their_body_groups_named_by_a_count_and_summits() {
        let o = org_names("来宾市公安局刑侦支队联合城西派出所连夜研判。");
        assert!(o.contains(&"来宾市公安局刑侦支队".to_string()), "{o:?}");
        assert!(!o.contains(&"刑侦支队".to_string()), "{o:?}");
        let o = org_names("中国科协女科技工作者专门委员会主任王小云出席。");
        assert_eq!(o, ["中国科协女科技工作者专门委员会"]);
        // two bodies at their own level stay two
        let o = org_names("县委县政府高度重视。");
        assert!(!o.iter().any(|n| n.contains("县委县政府")), "{o:?}");
        let o = org_names("二十国集团伦敦峰会召开，胡锦涛出席上海合作组织成员国元首理事会会议。");
        assert!(o.contains(&"二十国集团".to_string()), "{o:?}");
        assert!(o.iter().any(|n| n.starts_with("上海合作组织")), "{o:?}");
        assert!(place_names("胡锦涛出席上海合作组织会议。").is_empty());
        let p = place_names("目前，承德、保定、张家口等受灾地区公路已恢复通行。");
        assert!(p.contains(&"保定".to_string()), "{p:?}");
    }

    #[test]
    fn a_name_read_as_a_place_after_a_title_and_a_rare_last_character() {
        let p = person_names("胡锦涛将会见俄总理普京、联邦委员会主席米罗诺夫。");
        assert!(p.contains(&"普京".to_string()), "{p:?}");
        let p = person_names("共青团中央书记处第一书记阿东汇报了共青团工作。");
        assert!(p.contains(&"阿东".to_string()), "{p:?}");
        assert!(!place_names("第一书记阿东汇报了工作。").contains(&"阿东".to_string()));
        // a group of people or the verb 代表 before a district is no title
        let p = person_names("“105”代表朝阳，方便村民开春装修。");
        assert!(p.is_empty(), "{p:?}");
        let p = person_names("陈幸妤因限制出境赴美留学梦碎。");
        assert_eq!(p, ["陈幸妤"]);
    }

    #[test]
    fn a_foreign_university_is_named_without_its_country() {
        let o = org_names("他被美国斯坦福大学和澳大利亚维多利亚大学录取。");
        assert!(
            o.contains(&"斯坦福大学".to_string()) && o.contains(&"维多利亚大学".to_string()),
            "{o:?}"
        );
        // a national body keeps its country
        assert!(org_names("法国国家铁路公司宣布停运。").contains(&"法国国家铁路公司".to_string()));
    }

    #[test]
    fn delegations_predicates_and_masked_army_units() {
        let o = org_names("学习贯彻党的二十届四中全会精神中央宣讲团成员在各地宣讲。");
        assert!(o.is_empty(), "{o:?}");
        let o = org_names("他指出，要落实好党中央支持西藏发展政策。");
        assert_eq!(o, ["党中央"]);
        let o = org_names("他代表党中央向大家问好，给大家送上党中央的关怀。");
        assert_eq!(o, ["党中央"]);
        let o = org_names(
            "中部战区陆军某直属旅组织150名官兵前往南和区。第78集团军某旅800名官兵组成3个梯队。",
        );
        assert!(
            o.contains(&"中部战区陆军".to_string()) && o.contains(&"第78集团军".to_string()),
            "{o:?}"
        );
        assert!(!o.contains(&"陆军".to_string()), "{o:?}");
        let o = org_names("当地人武部组织民兵成立突击队，越来越多残疾孩子进入普通学校。");
        assert!(o.is_empty(), "{o:?}");
    }

    #[test]
    fn villages_jieba_keeps_whole_and_kinds_of_village_and_river_work() {
        // villages jieba's dictionary does not know, kept whole as one word (nr, n)
        let p = place_names("凌晨两点，安全转移了6名群众，其中熊家塔村12人、铜斗村22人。");
        assert!(
            p.contains(&"熊家塔村".to_string()) && p.contains(&"铜斗村".to_string()),
            "{p:?}"
        );
        // kinds of village, river-chief work and slogans name no place
        let p = place_names(
            "全镇75个行政村中有12个贫困村，干部深入驻点村，确保镇村干部扑下身子，\
             加强治河、护河工作，打造河畅、水清、岸绿、景美的水生态环境。",
        );
        assert!(p.is_empty(), "{p:?}");
        // an ordinal, a verb phrase jieba tags as a noun, a kind of community or city
        let p = place_names(
            "街道辖区5个社区举行了第十届社区居委会换届选举。镇里积极探索乡村文明建设新路径，\
             其中无主管小区58个，组织文明城市创建突击队，参观古宅、古桥、古井。",
        );
        assert!(p.is_empty(), "{p:?}");
        // a veterans' service station is a body; the places in its name are not listed again
        let a =
            nlp().analyze("连日来，大丰区草堰镇退役军人服务站组织人员深入退役军人家中走访慰问。");
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(orgs, ["大丰区草堰镇退役军人服务站"]);
        assert!(a.places.is_empty(), "{:?}", a.places);
        // 产生 is no part of the body's name
        let orgs = org_names("参选率达91%；选举产生新一届社区居委会成员51人。");
        assert!(!orgs.iter().any(|o| o.contains("产生")), "{orgs:?}");
        // nor of a place: a term of office describes the committee elected
        let p = place_names("参选率达91%；选举产生新一届社区居委会成员51人。");
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn divisions_before_a_village_townships_after_their_county_and_slogans() {
        let p = place_names("在阿里什布奇村，23岁的卓玛大学毕业后选择回到家乡创业。");
        assert!(
            p.contains(&"阿里".to_string()) && p.contains(&"什布奇村".to_string()),
            "{p:?}"
        );
        // a county's short name heads compound names too often to be cut off
        let p = place_names("家住永康花园小区的居民纷纷下楼。");
        assert_eq!(p, ["永康花园小区"]);
        let p = place_names("河北涿州刁窝镇河西务村，村民王伟正忙着搬新家。");
        assert!(
            p.contains(&"刁窝镇".to_string()) && p.contains(&"河西务村".to_string()),
            "{p:?}"
        );
        let p =
            place_names("新疆喀什，大红灯笼、中国结挂满街巷。实施健康中国战略。中国年轻人很多。");
        assert_eq!(p.iter().filter(|n| *n == "中国").count(), 1, "{p:?}");
        let p = place_names("游客们来到桂林山水间，领略江南水乡的韵味。");
        assert!(
            p.contains(&"桂林".to_string()) && p.contains(&"江南".to_string()),
            "{p:?}"
        );
        // 吉林长春/nr: the province and the city, not a person
        let a = nlp().analyze("吉林长春、黑龙江哈尔滨的游客纷至沓来。");
        assert!(a.persons.is_empty(), "{:?}", a.persons);
        // 王伟家的房子: the family's home
        let a = nlp().analyze("村民王伟正忙着搬新家。王伟家的房子在洪水中成了危房。");
        let persons: Vec<&str> = a.persons.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(persons, ["王伟"]);
    }

    #[test]
    fn offices_of_a_body_committees_whose_secretary_heads_it_and_common_words_in_ju() {
        let o = org_names("全国人大机关、国务院办公厅机关的党员干部参加学习。");
        assert_eq!(o, ["全国人大机关", "国务院办公厅机关"]);
        let o = org_names("中央宣讲团成员，国务院国资委党委书记、主任张玉卓作宣讲报告。");
        assert_eq!(o, ["国务院国资委"]);
        let o = org_names("福建省福州市鼓楼区军门社区党委书记林丹走访居民。");
        assert_eq!(o, ["福建省福州市鼓楼区军门社区党委"]);
        let o = org_names("坚持以高质量发展统揽全局，在乡村振兴上开新局。");
        assert!(o.is_empty(), "{o:?}");
    }

    #[test]
    fn a_village_named_by_a_number_and_a_doctrine_named_after_a_person() {
        let p = place_names("和湖南十八洞村的老乡结对子，村集体收入翻了十倍。");
        assert!(p.contains(&"十八洞村".to_string()), "{p:?}");
        let a = nlp().analyze("坚持把马克思主义基本原理同中国具体实际相结合。");
        assert!(a.persons.is_empty(), "{:?}", a.persons);
    }

    #[test]
    fn a_deputys_title_names_the_congress() {
        let a = nlp().analyze("十四届全国人大代表左香云说。全国政协委员张三表示。他是市人大代表。");
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(orgs, ["全国人大", "全国政协"]);
        let roles: Vec<&str> = a
            .persons
            .iter()
            .flat_map(|p| p.roles.iter().map(String::as_str))
            .collect();
        assert!(
            roles.iter().any(|r| r.ends_with("全国人大代表")),
            "{roles:?}"
        );
    }

    #[test]
    fn a_former_posts_party_unit_and_counts_of_provinces() {
        let o = org_names("安徽省监狱管理局原党委委员、副局长胡朝林接受审查。");
        assert_eq!(o, ["安徽省监狱管理局"]);
        let o = org_names("浙江省平湖市医保局在提高医保电子凭证结算率工作中方式简单。");
        assert_eq!(o, ["浙江省平湖市医保局"]);
        let p = place_names("支持两省区妥善做好受灾群众安置。爱民社区是一个多民族社区。");
        assert_eq!(p, ["爱民社区"]);
        let p = place_names("来到雪都村，走进中畈村，在这村里。");
        assert!(p.contains(&"雪都村".to_string()), "{p:?}");
    }

    #[test]
    fn a_county_keeps_the_level_jieba_cut_off_and_a_town_in_one_word_counts() {
        let p = place_names("甘肃临夏州积石山县6.2级地震已造成当地113人遇难。");
        assert!(p.contains(&"积石山县".to_string()), "{p:?}");
        let p = place_names(
            "赶赴受灾最严重的地区之一码头镇。8月2日白天，码头镇沙窝村一村民家中有群众被困。",
        );
        assert!(p.contains(&"码头镇".to_string()), "{p:?}");
        // 罗霄山/nr 脉: a mountain range, not a person
        let a = nlp().analyze("从吕梁山区到罗霄山脉，习近平总书记情系人民。");
        let places: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        assert!(places.contains(&"罗霄山脉"), "{places:?}");
        assert!(
            a.persons.iter().all(|p| p.name != "罗霄山"),
            "{:?}",
            a.persons
        );
        // 德胜/村村/集体: the village is 德胜村
        assert_eq!(
            place_names("如今，德胜村村集体年收入超过百万元。"),
            ["德胜村"]
        );
    }

    #[test]
    fn membership_of_a_group_before_the_titles_is_a_role() {
        let a = nlp().analyze(
            "中央宣讲团成员，商务部党组书记、部长王文涛在山东作宣讲报告。\
             中央宣讲团成员、中央政策研究室副主任田培炎在浙江作宣讲报告。",
        );
        let roles = |name: &str| {
            a.persons
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.roles.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            roles("王文涛"),
            ["中央宣讲团成员", "商务部党组书记", "部长"]
        );
        assert_eq!(roles("田培炎"), ["中央宣讲团成员", "中央政策研究室副主任"]);
    }

    #[test]
    fn a_commissions_office_acting_in_its_own_right_is_a_body() {
        let o = org_names(
            "国家防灾减灾救灾委员会办公室、应急管理部昨天会同国家粮食和物资储备局派出工作组。",
        );
        assert!(
            o.contains(&"国家防灾减灾救灾委员会办公室".to_string()),
            "{o:?}"
        );
        assert!(o.contains(&"国家粮食和物资储备局".to_string()), "{o:?}");
    }

    #[test]
    fn villages_jieba_cut_after_a_prefecture_or_a_direction() {
        // 林芝/嘎拉村: a prefecture before a village that is one word of its own.
        let p = place_names("习近平总书记走进林芝嘎拉村，看望慰问村民群众。");
        assert!(
            p.contains(&"林芝".to_string()) && p.contains(&"嘎拉村".to_string()),
            "{p:?}"
        );
        // 西/f 辛庄村/nr, 花/v 江村/ns: one character of a direction or a verb heads the name.
        let p = place_names("眼下，西辛庄村农业产业园里，樱桃番茄进入成熟期。");
        assert!(p.contains(&"西辛庄村".to_string()), "{p:?}");
        let p = place_names("在贵州贞丰县花江村，当地立足深山峡谷景观优势。");
        assert!(p.contains(&"花江村".to_string()), "{p:?}");
    }

    #[test]
    fn a_village_bearing_its_townships_name_and_no_person_inside_it() {
        let a = nlp().analyze("位于小店区刘家堡乡的刘家堡村张灯结彩，村民们忙着准备年货。");
        let places: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        assert!(
            places.contains(&"刘家堡乡") && places.contains(&"刘家堡村"),
            "{places:?}"
        );
        assert!(a.persons.is_empty(), "{:?}", a.persons);
    }

    #[test]
    fn prefectures_named_diqu_cities_before_their_township_and_landforms() {
        let p = place_names("在29个民族聚居的塔城地区，不少人家都挂有石榴标记的门牌。");
        assert_eq!(p, ["塔城地区"]);
        // 遵义/v: a city jieba tags as a verb, glued to the township under it.
        let p = place_names("孙业礼还来到遵义枫香镇花茂村，开展互动交流。");
        assert!(p.contains(&"遵义".to_string()), "{p:?}");
        let p = place_names("西藏地处青藏高原腹地，地理条件复杂。");
        assert!(p.contains(&"青藏高原".to_string()), "{p:?}");
        // 西安 is the city, and the community after it a place of its own.
        let p = place_names("这两天，西安四季长安社区的居民们坐在楼下聊天。");
        assert!(
            p.contains(&"西安".to_string()) && p.contains(&"四季长安社区".to_string()),
            "{p:?}"
        );
    }

    #[test]
    fn parks_temples_model_villages_and_glued_particles_are_no_places() {
        let p = place_names("天坛公园内悬挂着各式灯笼。代表团来到莫尔寺遗址考察。");
        assert!(p.is_empty(), "{p:?}");
        let p = place_names("李连成把西辛庄村发展成全国乡村振兴的样板村，和湖南的苗寨老乡结对子。");
        assert!(
            !p.contains(&"样板村".to_string()) && !p.contains(&"苗寨".to_string()),
            "{p:?}"
        );
        let p = place_names("前不久，张辉郑重地向社区新就业群体党支部递交了入党申请书。");
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn every_tagging_path_gives_jiebas_own_tags() {
        let nlp = Nlp::new(Some("青禾助农合作社 50 nt\n小满志愿队 nt\n")).unwrap();
        let first = "青禾助农合作社和小满志愿队昨天在村里开展活动，看望了独居老人。";
        // Cold: tagged whole.
        assert_eq!(nlp.tokens(first), nlp.raw_tags(first));
        // Past the warm-up (filled with rare CJK Extension A characters the texts never use).
        let filler: Vec<String> = (0..WARM_WORDS as u32)
            .filter_map(|i| char::from_u32(0x3400 + i).map(String::from))
            .collect();
        nlp.tags.learn(filler.iter().map(|w| (w.as_str(), "x")));
        assert!(nlp.tags.len() >= WARM_WORDS);
        // Known words only: cut plus lookups.
        assert_eq!(nlp.tokens(first), nlp.raw_tags(first));
        // A few new words among known ones: the new ones tagged alone.
        let second = "青禾助农合作社和小满志愿队昨天在村里开展活动，看望了独居老人，送去米面油。";
        assert_eq!(nlp.tokens(second), nlp.raw_tags(second));
        // Mostly new words: tagged whole again.
        let third = "台风过境后，抢修队连夜恢复供电供水，学校周一照常复课。";
        assert_eq!(nlp.tokens(third), nlp.raw_tags(third));
        let tags: Vec<&str> = nlp
            .tokens(second)
            .iter()
            .filter(|t| t.word.ends_with("合作社") || t.word.ends_with("志愿队"))
            .map(|t| t.tag)
            .collect();
        assert_eq!(tags, ["nt", "nt"]);
    }

    #[test]
    fn nlp_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Nlp>();
    }

    #[test]
    fn user_dict_words_without_frequency_are_used() {
        let n = Nlp::new(Some("甄曦 nr\n志愿服务站 100 n\n")).unwrap();
        let toks = n.tokens("编辑甄曦在志愿服务站");
        assert!(toks.iter().any(|t| t.word == "甄曦" && t.tag == "nr"));
        assert!(toks.iter().any(|t| t.word == "志愿服务站"));
    }

    #[test]
    fn bad_user_dict_is_an_error() {
        assert!(Nlp::new(Some("词 abc n")).is_err());
    }

    #[test]
    fn roles_orgs_places_persons() {
        let a = nlp().analyze(
            "广州市好商汇网络技术有限公司党支部书记胡亮说，他们是公司的两位党员经理杜宗伟、刘富平。",
        );
        let names: Vec<&str> = a.persons.iter().map(|p| p.name.as_str()).collect();
        assert!(names.contains(&"胡亮"), "{names:?}");
        assert!(names.contains(&"杜宗伟"), "{names:?}");
        assert!(names.contains(&"刘富平"), "{names:?}");
        let hu = a.persons.iter().find(|p| p.name == "胡亮").unwrap();
        assert!(hu.roles.iter().any(|r| r.ends_with("党支部书记")), "{hu:?}");
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        assert!(
            orgs.contains(&"广州市好商汇网络技术有限公司党支部"),
            "{orgs:?}"
        );
    }

    #[test]
    fn a_surname_cut_from_its_given_name_is_one_person_with_the_title_after() {
        let a = nlp().analyze("冯谭宗主委和雒荣霞副主委带队走访了二纺社区。");
        let feng = a.persons.iter().find(|p| p.name == "冯谭宗");
        assert!(feng.is_some_and(|p| p.roles == ["主委"]), "{:?}", a.persons);
        assert!(
            !a.persons.iter().any(|p| p.name == "谭宗"),
            "{:?}",
            a.persons
        );
    }

    /// The roles recorded for person `name` in `a` (none when the name is not found).
    fn roles_of(a: &Analysis, name: &str) -> Vec<String> {
        a.persons
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.roles.clone())
            .unwrap_or_default()
    }

    fn person_names(text: &str) -> Vec<String> {
        nlp()
            .analyze(text)
            .persons
            .into_iter()
            .map(|p| p.name)
            .collect()
    }

    #[test]
    fn frequent_words_jieba_tags_as_names_are_not_persons() {
        let names = person_names("老人连声说“谢谢”，附近写字楼的白领也在黄金周期间赶来帮忙。");
        assert!(names.is_empty(), "{names:?}");
        // A title makes the word a name; so do the training corpora's annotation and the
        // shape of a full name (a common family name and two characters).
        let names = person_names("刘少奇同志的故居对外开放。");
        assert!(names.contains(&"刘少奇".to_string()), "{names:?}");
        let names = person_names("队长高山带队巡查。江泽民曾在这里考察。");
        assert!(names.contains(&"高山".to_string()), "{names:?}");
        assert!(names.contains(&"江泽民".to_string()), "{names:?}");
        // A group of people is no title: 志愿者天亮出门 is volunteers leaving at daybreak.
        let names = person_names("志愿者天亮出门、踏星而归。");
        assert!(names.is_empty(), "{names:?}");
        // A frequent word glued to a piece of the next word is no full name.
        let names = person_names("保障饮用水安全的环节多、范围广，涉及的部门多。");
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn common_words_before_a_generic_institution_name_none() {
        // Common words or a kind of area before a generic institution describe it.
        let a = nlp().analyze("限时落实福利院保育员配备，偏远山区学校也将受益。");
        assert!(a.organizations.is_empty(), "{:?}", a.organizations);
    }

    #[test]
    fn newspapers_in_title_marks_and_ministries_are_organizations() {
        let a = nlp().analyze("法国《费加罗报》和《南方周刊》都报道了此事。水利部表示将加强监管。");
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        for name in ["费加罗报", "南方周刊", "水利部"] {
            assert!(orgs.contains(&name), "{name}: {orgs:?}");
        }
        let a = nlp().analyze("该活动由基金会和搜狐网联合发起。");
        assert!(
            a.organizations.iter().any(|o| o.name == "搜狐网"),
            "{:?}",
            a.organizations
        );
        // A document in title marks is no outlet.
        let a = nlp().analyze("市政府印发《关于表彰先进集体的通报》。");
        assert!(
            !a.organizations.iter().any(|o| o.name.ends_with("通报")),
            "{:?}",
            a.organizations
        );
    }

    #[test]
    fn prepositions_verbs_and_quotes_before_a_body_stay_out_of_its_name() {
        let a = nlp().analyze(
            "修订稿完成后将报杭州市政府审批。“7岁女童眼睛被塞纸”经河南电视台都市频道曝光。\
             澎湃新闻尝试联系小花妈妈提供视频。",
        );
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        assert!(orgs.contains(&"杭州市政府"), "{orgs:?}");
        assert!(
            orgs.iter().all(|o| !o.starts_with(['报', '经', '“'])),
            "{orgs:?}"
        );
        assert!(!orgs.iter().any(|o| o.contains("尝试")), "{orgs:?}");
    }

    #[test]
    fn a_common_noun_that_ends_like_a_body_names_a_kind() {
        let a = nlp()
            .analyze("患者可以到定点医院就诊，也可以在营业厅办理。县政府和知识产权局表示支持。");
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        assert!(!orgs.contains(&"定点医院"), "{orgs:?}");
        assert!(!orgs.contains(&"营业厅"), "{orgs:?}");
        assert!(orgs.contains(&"县政府"), "{orgs:?}");
        let a = nlp().analyze("民间救援队和山地救援队赶到现场，国内航空公司陆续复航。");
        assert!(a.organizations.is_empty(), "{:?}", a.organizations);
    }

    #[test]
    fn a_name_is_read_back_from_an_academic_title_after_it() {
        let a =
            nlp().analyze("华东师范大学曾刚教授和南京师范大学陆玉麒教授出席。他是一名数学老师。");
        let persons: Vec<(&str, &[String])> = a
            .persons
            .iter()
            .map(|p| (p.name.as_str(), p.roles.as_slice()))
            .collect();
        let names: Vec<&str> = persons.iter().map(|p| p.0).collect();
        assert!(names.contains(&"曾刚"), "{persons:?}");
        assert!(names.contains(&"陆玉麒"), "{persons:?}");
        assert_eq!(names.len(), 2, "{persons:?}");
        assert!(
            persons
                .iter()
                .all(|p| p.1.iter().any(|r| r.ends_with("教授"))),
            "{persons:?}"
        );
    }

    #[test]
    fn towns_read_from_a_common_word_and_a_chinese_place_before_a_dot() {
        let a = nlp()
            .analyze("吴忠市利通区胜利镇朝阳社区志愿者徐正军说。学术年会在重庆·西南大学举行。");
        let places: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        assert!(places.contains(&"胜利镇"), "{places:?}");
        assert!(!orgs.contains(&"重庆·西南大学"), "{orgs:?}");
    }

    #[test]
    fn a_body_at_a_level_takes_in_the_place_jieba_cut_apart() {
        let a = nlp().analyze("研究会将4450元捐款上缴五里墩街道党工委，并通过他们转交。");
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        let places: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        assert!(orgs.contains(&"五里墩街道党工委"), "{orgs:?}");
        assert!(!places.contains(&"五里墩街道"), "{places:?}");
    }

    #[test]
    fn schools_and_institutes_are_named_through_their_parent() {
        let a = nlp().analyze(
            "重庆交通大学建筑与城市规划学院、中国科学院地理科学与资源研究所的代表出席。\
             西南大学地理科学学院院长致辞。",
        );
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        for name in [
            "重庆交通大学建筑与城市规划学院",
            "中国科学院地理科学与资源研究所",
            "西南大学地理科学学院",
        ] {
            assert!(orgs.contains(&name), "{name}: {orgs:?}");
        }
        assert!(!orgs.contains(&"城市规划学院"), "{orgs:?}");
    }

    #[test]
    fn countries_listed_districts_and_counts_of_divisions() {
        let p = place_names("美国《纽约时报》和西班牙《国家报》都关注了这条消息。");
        assert!(
            p.contains(&"美国".to_string()) && p.contains(&"西班牙".to_string()),
            "{p:?}"
        );
        let p = place_names("房山、门头沟、平谷等区受灾较重。");
        for d in ["房山", "门头沟", "平谷"] {
            assert!(p.contains(&d.to_string()), "{d}: {p:?}");
        }
        // County names jieba reads as personal names, in a list or before a disaster.
        let p = place_names("救援队参与了玉树地震救援，又赶赴平凉、白银、定西等地。");
        assert!(p.contains(&"白银".to_string()), "{p:?}");
        let p = place_names("全县投资位列三县两区第一，各自治县、自治州也在推进。");
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn titles_of_many_trades_with_ordinals_and_without_the_speakers_unit() {
        let a = nlp().analyze(
            "我院党委副书记、纪委书记郭建农出席。省公安厅副厅长韩志远讲话。第二届志愿服务队队长罗小燕发言。",
        );
        let roles = |name: &str| {
            a.persons
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.roles.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            roles("郭建农"),
            ["党委副书记", "纪委书记"],
            "{:?}",
            a.persons
        );
        assert!(
            roles("韩志远").iter().any(|r| r.ends_with("副厅长")),
            "{:?}",
            a.persons
        );
        assert!(
            roles("罗小燕").iter().any(|r| r.starts_with("第二届")),
            "{:?}",
            a.persons
        );
    }

    #[test]
    fn a_name_jieba_cut_short_at_one_mention_is_read_whole() {
        let a = nlp().analyze("中学校长陈立群要退休了。大家都希望陈立群答应留下来。");
        let names: Vec<&str> = a.persons.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["陈立群"], "{:?}", a.persons);
    }

    #[test]
    fn times_postpositions_and_verbs_stay_out_of_organization_names() {
        let a = nlp().analyze("今天上午台当局宣布新措施。应对挑战八国集团需做两点努力。");
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        assert!(orgs.iter().all(|o| !o.starts_with("今天")), "{orgs:?}");
        assert!(!orgs.contains(&"挑战八国集团"), "{orgs:?}");
        // 列席/n: jieba reads the verb as a noun
        let o = org_names("赵乐际同列席十四届全国人大常委会第十七次会议的代表座谈交流。");
        assert!(o.contains(&"全国人大常委会".to_string()), "{o:?}");
        assert!(o.iter().all(|o| !o.starts_with("列席")), "{o:?}");
    }

    #[test]
    fn heads_of_state_get_their_titles_and_countries_are_no_persons() {
        let a = nlp().analyze("发来贺电的还有：加蓬总统邦戈、瓦努阿图总统武罗。");
        let bongo = a.persons.iter().find(|p| p.name == "邦戈");
        assert!(
            bongo.is_some_and(|p| p.roles.iter().any(|r| r.ends_with("总统"))),
            "{:?}",
            a.persons
        );
        assert!(
            !a.persons.iter().any(|p| p.name == "瓦努阿图"),
            "{:?}",
            a.persons
        );
    }

    #[test]
    fn anonymised_people_and_forms_of_address_are_not_names() {
        let names = person_names(
            "民警向南都记者介绍，嫌疑人陈某进和刘某已被抓获。72岁的徐阿婆说，李女士也来帮忙。",
        );
        assert!(names.is_empty(), "{names:?}");
        let names = person_names("王小丽（化名）今年7岁。王小丽说，任组长已经来过了。");
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn foreign_names_with_a_dot_and_places_abroad() {
        let a = nlp().analyze(
            "坦帕市市长简·卡斯特表示，世卫组织负责人迈克尔·瑞安提醒，爱达荷、田纳西、阿拉斯加等州病例上升。",
        );
        let persons: Vec<&str> = a.persons.iter().map(|p| p.name.as_str()).collect();
        let places: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        assert!(
            persons.contains(&"简·卡斯特") && persons.contains(&"迈克尔·瑞安"),
            "{persons:?}"
        );
        for state in ["爱达荷", "田纳西", "阿拉斯加"] {
            assert!(places.contains(&state), "{state}: {places:?}");
            assert!(!persons.contains(&state), "{state}: {persons:?}");
        }
        assert!(!places.contains(&"瑞安"), "{places:?}");
    }

    #[test]
    fn a_countrys_state_bodies_and_dotted_foreign_names_are_organizations() {
        let a = nlp().analyze("巴西卫生部2日说，约翰斯·霍普金斯大学的统计显示病例仍在上升。");
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        assert!(orgs.contains(&"巴西卫生部"), "{orgs:?}");
        assert!(orgs.contains(&"约翰斯·霍普金斯大学"), "{orgs:?}");
        assert!(
            !a.persons.iter().any(|p| p.name == "约翰斯"),
            "{:?}",
            a.persons
        );
    }

    #[test]
    fn places_heading_an_outlets_name_or_qualified_by_the_country_are_none() {
        let p = place_names(
            "来源:中国江苏网。他当选中国好人，弘扬中国传统文化，新中国成立以来变化很大。",
        );
        assert!(!p.contains(&"中国".to_string()), "{p:?}");
        // a place that reports (湖南报道) or a paper's report is still a place
        let p = place_names("吉林、湖南、黑龙江等地报道了新增病例。");
        assert!(p.contains(&"湖南".to_string()), "{p:?}");
        // a dateline's outlet or a local app named after the place; the bare dateline place stays
        let p =
            place_names("溆浦融媒讯(通讯员 某某)近日，云上荆州报道:本报安福讯 活动在安福县举行。");
        assert!(!p.contains(&"溆浦".to_string()), "{p:?}");
        assert!(!p.contains(&"荆州".to_string()), "{p:?}");
        assert!(p.contains(&"安福县".to_string()), "{p:?}");
    }

    #[test]
    fn a_township_body_named_by_its_level_alone_is_an_organization() {
        let o = org_names("经镇党委集体研究，决定成立临时党支部。随后，镇人大组织代表视察。");
        for name in ["镇党委", "镇人大"] {
            assert!(o.contains(&name.to_string()), "{name}: {o:?}");
        }
        // a township's justice office, a committee's political-legal commission, a district
        // committee's work committee for its offices
        let o = org_names(
            "姚伏司法所调解员到场。市委政法委组织开展活动。湖滨区委直属机关工委召开会议。",
        );
        for name in ["姚伏司法所", "市委政法委", "湖滨区委直属机关工委"] {
            assert!(o.contains(&name.to_string()), "{name}: {o:?}");
        }
        // kinds of body, festivals and campaigns are no bodies
        let o = org_names(
            "在国际妇女节来临之际，镇妇联开展美丽庭院评选，人大代表和家长学校的老师参加。",
        );
        for name in ["国际妇女节", "美丽庭院", "家长学校", "人大"] {
            assert!(!o.contains(&name.to_string()), "{name}: {o:?}");
        }
        // folded into the one a place heads
        let o = org_names("石桥镇党委召开会议。会后，镇党委要求各村抓好落实。");
        assert_eq!(o, ["石桥镇党委"]);
    }

    #[test]
    fn media_brands_and_peoples_organizations_without_a_suffix_are_organizations() {
        let o = org_names("兰州晚报受邀加盟公益行动，节目在江门电视台和江苏卫视播出。");
        for name in ["兰州晚报", "江门电视台", "江苏卫视"] {
            assert!(o.contains(&name.to_string()), "{name}: {o:?}");
        }
        let a =
            nlp().analyze("阿里巴巴联合壹基金发起救助，京东快递和顺丰小哥连夜送货，县妇联也来了。");
        let o: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        for name in ["阿里巴巴", "壹基金", "京东快递", "顺丰", "县妇联"] {
            assert!(o.contains(&name), "{name}: {o:?}");
        }
        assert!(
            !a.persons.iter().any(|p| p.name == "阿里巴巴"),
            "{:?}",
            a.persons
        );
        // An outlet credited as writer or named as a post's channel is no organization of the
        // story; a kind of body named without its place is none either.
        let o = org_names("新华社记者了解到，他在搜狐微博上发起倡议，各级红十字会积极响应。");
        assert!(o.is_empty(), "{o:?}");
    }

    #[test]
    fn a_full_name_jieba_tags_in_one_word_stands_without_the_tagger() {
        let names = person_names("一年级一班的高梦洁拿到了新鞋，高兴得跳了起来。");
        assert!(names.contains(&"高梦洁".to_string()), "{names:?}");
    }

    #[test]
    fn a_doctrine_named_after_a_leader_is_no_mention_of_him() {
        let names =
            person_names("支部以习近平新时代中国特色社会主义思想为指导，深入学习毛泽东思想。");
        assert!(names.is_empty(), "{names:?}");
        let names = person_names("她指出，习近平总书记曾多次对中医药工作作出重要指示。");
        assert_eq!(names, ["习近平"]);
    }

    #[test]
    fn the_tagger_lengthens_a_foreign_name_the_rules_cut_short() {
        let text = "教练决意调用马尔西奥来弥补这个位置，中场队员塞萨尔·桑巴约也已归队。";
        let names: Vec<String> = nlp()
            .analyze(text)
            .persons
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert!(names.contains(&"马尔西奥".to_string()), "{names:?}");
        assert!(!names.contains(&"马尔".to_string()), "{names:?}");
        let mut rules = nlp();
        rules.without_tagger();
        let alone: Vec<String> = rules
            .analyze(text)
            .persons
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert!(!alone.contains(&"马尔西奥".to_string()), "{alone:?}");
    }

    #[test]
    fn without_the_tagger_the_rules_stand_alone() {
        let text = "雒荣霞副主委带队走访了二纺社区。";
        let names = |n: &Nlp| -> Vec<String> {
            n.analyze(text)
                .persons
                .into_iter()
                .map(|p| p.name)
                .collect()
        };
        let mut rules = nlp();
        assert!(
            names(&rules).contains(&"雒荣霞".to_string()),
            "{:?}",
            names(&rules)
        );
        rules.without_tagger();
        assert!(
            !names(&rules).contains(&"雒荣霞".to_string()),
            "{:?}",
            names(&rules)
        );
        assert_eq!(
            rules.entity_spans(text),
            rules.rule_spans(text),
            "no tagger: extract's spans are the rules' spans"
        );
    }

    #[test]
    fn national_bodies_and_offices_stationed_abroad_are_named_whole() {
        let a = nlp().analyze(
            "工业和信息化部表示，将派出工作组。中央和国家机关工委开展学习教育。\
             外交部驻澳门特派员公署、中国人民解放军驻澳门部队和山南军分区参加活动。\
             民政局和安全局发布通知。统筹推进“五位一体”总体布局，推动“十五五”开好局。",
        );
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        for want in [
            "工业和信息化部",
            "中央和国家机关工委",
            "外交部驻澳门特派员公署",
            "中国人民解放军驻澳门部队",
            "山南军分区",
            "民政局",
            "安全局",
        ] {
            assert!(orgs.contains(&want), "{want} missing from {orgs:?}");
        }
        assert!(
            !orgs
                .iter()
                .any(|o| o.ends_with("布局") || o.ends_with("开好局")),
            "{orgs:?}"
        );
    }

    #[test]
    fn a_verb_before_a_body_stays_out_and_a_university_folds_its_short_name() {
        let a = nlp()
            .analyze("碳票由三明市林业局制发给常口村民委员会。北京大学组织宣讲，北大学生参加。");
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        assert!(orgs.contains(&"常口村民委员会"), "{orgs:?}");
        assert!(!orgs.iter().any(|o| o.contains("发给")), "{orgs:?}");
        assert!(!orgs.contains(&"北大"), "{orgs:?}");
    }

    #[test]
    fn a_county_after_its_province_and_villages_cut_apart_are_places() {
        let a = nlp().analyze(
            "湖南常德的新老党员走进红色教育基地。在浙江安吉，企业加紧生产。到林芝镇立定村了解情况。\
             在昌都新区调研。\
             这个秋天，神山村风景如画。天津蓟州区下营村受灾较重。",
        );
        let places: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        for want in [
            "常德",
            "安吉",
            "神山村",
            "下营村",
            "蓟州区",
            "林芝镇",
            "立定村",
            "昌都新区",
        ] {
            assert!(places.contains(&want), "{want} missing from {places:?}");
        }
        assert!(a.persons.is_empty(), "{:?}", a.persons);
    }

    #[test]
    fn a_place_word_before_a_bare_suffix_and_foreign_places_after_their_country() {
        let a = nlp().analyze(
            "干部们来到林内乡查看灾情。游客在意大利威尼斯观光。他出生在英国诺福克郡的一个小镇。",
        );
        let places: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        for want in ["林内乡", "意大利", "威尼斯", "英国", "诺福克郡"] {
            assert!(places.contains(&want), "{want} missing from {places:?}");
        }
        assert!(a.persons.is_empty(), "{:?}", a.persons);
        // a person's name after a country stays a person when the tagger reads a name
        let names = person_names("美国总统拜登表示，美国将继续支持。");
        assert_eq!(names, ["拜登"]);
    }

    #[test]
    fn a_person_written_with_mou_and_a_verb_before_a_community_are_no_place() {
        let p = place_names("9月7日，市民杨某途经新桥新街一写字楼时，险些被砸中。");
        assert_eq!(p, ["新桥新街"]);
        let p = place_names("后浦社区外来流动人口占社区总人口的60%以上。");
        assert_eq!(p, ["后浦社区"]);
    }

    #[test]
    fn a_name_ends_where_jieba_cut_it_before_a_verb() {
        let names = person_names("在上海市委书记陈吉宁和市长龚正陪同下，先后来到企业。");
        assert_eq!(names, ["陈吉宁", "龚正"]);
        // a preposition jieba glued to a foreign head of state's name
        let names = person_names(
            "习近平代表中国政府和中国人民，向普京总统和俄罗斯人民致以诚挚的新年祝福。",
        );
        assert!(names.contains(&"普京".to_string()), "{names:?}");
        assert!(!names.iter().any(|n| n.starts_with('向')), "{names:?}");
        // a transliteration character jieba read as a measure word
        let names = person_names(
            "国务院总理李克强同俄罗斯总理米舒斯京互致新年贺电。米舒斯京表示，俄中关系很好。",
        );
        assert_eq!(names, ["李克强", "米舒斯京"]);
        // the later mentions by the family name are the same person
        let names = person_names("美国记者西摩·赫什接受专访。赫什说，这一事件值得调查。");
        assert_eq!(names, ["西摩·赫什"]);
    }

    #[test]
    fn modifiers_jieba_tags_otherwise_belong_to_the_title() {
        let a = nlp().analyze(
            "老党员徐秀芳说，要把社区建设好。青年艺术家洪伟参加座谈。组织委员杜兆峰介绍情况。",
        );
        let roles: Vec<(&str, Vec<&str>)> = a
            .persons
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.roles.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert!(roles.contains(&("徐秀芳", vec!["老党员"])), "{roles:?}");
        assert!(roles.contains(&("洪伟", vec!["青年艺术家"])), "{roles:?}");
        assert!(roles.contains(&("杜兆峰", vec!["组织委员"])), "{roles:?}");
    }

    #[test]
    fn joining_a_cooperative_and_a_preposition_glued_to_a_company_name_no_name() {
        let names = org_names(
            "积极引导农户入股合作社。党支部领办合作社发展产业。物资由赛那德科技有限公司捐赠。\
             会员单位上海海湾食品有限公司捐赠。大会工作组设立临时党支部。",
        );
        for bad in ["入股", "领办", "由赛", "会员单位", "设立"] {
            assert!(!names.iter().any(|n| n.contains(bad)), "{bad}: {names:?}");
        }
        assert!(
            names.iter().any(|n| n == "上海海湾食品有限公司"),
            "{names:?}"
        );
    }

    #[test]
    fn ordinary_words_jieba_reads_as_names_and_prepositions_before_them() {
        let names: Vec<String> = nlp()
            .analyze("医生谢谢大家的配合。村支部书记解释了政策。志愿者立马赶到现场。志愿者向孩子们讲解防护知识。村干部于当天赶到。")
            .persons
            .into_iter()
            .map(|p| p.name)
            .collect();
        for bad in ["谢谢", "解释", "立马", "向孩子", "于当天"] {
            assert!(!names.iter().any(|n| n == bad), "{bad}: {names:?}");
        }
    }

    #[test]
    fn the_office_of_a_committee_or_a_government() {
        let names = org_names("县委办、县府办负责人参加会议。市政府办党支部开展活动。");
        for n in ["县委办", "县府办"] {
            assert!(names.iter().any(|x| x == n), "{n}: {names:?}");
        }
    }

    #[test]
    fn a_companys_registered_name_reads_whole() {
        let names = org_names(
            "昌辉房地产开发有限责任公司捐款5万元。上海宙宏企业发展有限公司捐赠物资。\
             云南一身清生物科技有限公司参加活动。他创办了昌辉房地产开发有限责任公司。\
             协会党委组织会员企业广电信义科技有限公司捐赠。",
        );
        for n in [
            "昌辉房地产开发有限责任公司",
            "上海宙宏企业发展有限公司",
            "云南一身清生物科技有限公司",
        ] {
            assert!(names.iter().any(|x| x == n), "{n}: {names:?}");
        }
        assert!(
            !names
                .iter()
                .any(|x| x.contains("创办") || x.starts_with("企业")),
            "{names:?}"
        );
    }

    #[test]
    fn what_stands_before_a_name_is_not_in_it() {
        let names =
            org_names("利用国机集团平台优势。桂林街道联合团区委开展活动。辖区内志愿者协会参与。");
        for bad in ["利用", "联合团区委", "内志愿者"] {
            assert!(!names.iter().any(|n| n.contains(bad)), "{bad}: {names:?}");
        }
        assert!(names.iter().any(|n| n == "国机集团"), "{names:?}");
        assert!(names.iter().any(|n| n == "团区委"), "{names:?}");
    }

    #[test]
    fn an_organization_starts_after_the_person_and_the_predicate_before_it() {
        let text = "葛某传达县委组织部会议精神。段某东及县委组织部相关人员参加。孙超率南县教育基金会一行到校。\
                    设计公司团总支积极响应集团党委号召。召开总结表彰会遵义市关工委主任讲话。\
                    警花警草们走进钢城第十一小学。学习习近平总书记视察清华大学时的讲话。要深刻领会公立医院党委的作用。";
        let names = org_names(text);
        for bad in ["传达", "及", "率", "响应", "表彰会", "走进", "视察", "领会"] {
            assert!(!names.iter().any(|n| n.contains(bad)), "{bad}: {names:?}");
        }
        assert!(names.iter().any(|n| n == "县委组织部"), "{names:?}");
        assert!(names.iter().any(|n| n == "清华大学"), "{names:?}");
    }

    #[test]
    fn a_bare_village_character_before_its_compound_and_verbs_start_no_place() {
        let names =
            place_names("镇里联手镇村干部走访。要以城带乡、以乡促城。下一步社区还将入户走访。");
        assert!(
            !names
                .iter()
                .any(|n| ["联手镇", "以城带乡", "一步社区"].contains(&n.as_str())),
            "{names:?}"
        );
    }

    #[test]
    fn a_town_opening_a_clause_is_a_place_however_jieba_cut_it() {
        // 青岭/ns 口镇/n 组织/v, 柳家/n 湖镇/ns: the clause's start closes the name
        let names = place_names("日前,青岭口镇组织河长办、水利站等部门开展巡查。");
        assert!(names.iter().any(|n| n == "青岭口镇"), "{names:?}");
        let names = place_names("3月4日,柳家湖镇72个村支部分别开会。");
        assert!(names.iter().any(|n| n == "柳家湖镇"), "{names:?}");
        // 许家/m: jieba's number tag on a name's head with no numeral in it; 刘/zg 集镇/n: 集
        // ends names of towns
        let names = place_names("3月4日,许家湖镇72个村支部分别开会。");
        assert!(names.iter().any(|n| n == "许家湖镇"), "{names:?}");
        let names = place_names("刘集镇党员和群众代表积极助力医保征缴。");
        assert!(names.iter().any(|n| n == "刘集镇"), "{names:?}");
        // a word of going there closes the name too (到/渌/g 口镇/n)
        let names = place_names("区博爱志愿者联合会的志愿者去到渌口镇均坝村小刘家走访。");
        assert!(names.iter().any(|n| n == "渌口镇"), "{names:?}");
        // words of towns and clauses are none
        for text in [
            "志愿者在学校附近街道开展宣传。",
            "近日,各乡镇开展活动,送文化下乡活动走进社区。",
            "严格落实镇村责任,洪水淹没街道和农田。",
            "形成新环境,扮靓新村容。",
        ] {
            let names = place_names(text);
            assert!(names.is_empty(), "{text}: {names:?}");
        }
    }

    #[test]
    fn a_body_s_party_unit_written_with_its_secretary_s_title_is_named_through_the_body() {
        // 市/农业局/党委书记: the party committee of the bureau
        let names = org_names("宜都市委副书记张白华,市农业局党委书记孔祥亭等出席。");
        assert!(names.iter().any(|n| n == "市农业局党委"), "{names:?}");
        assert!(!names.iter().any(|n| n == "市农业局"), "{names:?}");
    }

    #[test]
    fn a_quantifier_makes_a_kind_of_body_and_a_describing_word_is_no_part_of_a_name() {
        let names = org_names("全县22个各乡镇妇联主任参加会议。");
        assert!(names.is_empty(), "{names:?}");
        let names = org_names("本次爱心托管班由爱心企业安徽顺辉人防工程有限公司全程资助。");
        assert_eq!(names, ["安徽顺辉人防工程有限公司"]);
    }

    #[test]
    fn a_suffix_jieba_cut_in_two_still_closes_a_body() {
        // 综治/vn 中心/n is the listed suffix 综治中心
        let names = org_names("近日,黄金乡综治中心组织开展独居老人走访。");
        assert!(names.iter().any(|n| n == "黄金乡综治中心"), "{names:?}");
    }

    #[test]
    fn a_body_takes_in_the_place_jieba_cut_before_it() {
        let names = org_names("当天,坨南乡党委组织党员志愿者开展义诊。");
        assert!(names.iter().any(|n| n == "坨南乡党委"), "{names:?}");
        let names = org_names("梧州市中医院、藤县中医院和塘步镇卫生院的16名医护人员刚摆好器材。");
        assert!(names.iter().any(|n| n == "塘步镇卫生院"), "{names:?}");
        // a conjunction and a verb before the level open a clause
        let names = org_names("活动中,并代表镇党委向老党员致以问候。");
        assert!(names.iter().any(|n| n == "镇党委"), "{names:?}");
    }

    #[test]
    fn a_name_only_inside_a_work_s_title_or_a_slogan_is_no_person() {
        for text in [
            "节目有二人转《包公断后》、舞蹈《和谐中国》。",
            "濉溪县妇联开展“童乐童趣”暑期活动。",
        ] {
            let names = person_names(text);
            assert!(names.is_empty(), "{text}: {names:?}");
        }
        // a name quoted alone stays
        let names = person_names("网民“黄栀梓”认为这样不妥。");
        assert_eq!(names, ["黄栀梓"]);
    }

    #[test]
    fn a_conjunction_glued_to_a_name_before_a_pronoun_is_the_clause_s() {
        let names = person_names("调查员龚怡和她的搭档敲开了居民的家门。");
        assert_eq!(names, ["龚怡"]);
    }

    #[test]
    fn a_name_ending_inside_a_dictionary_word_is_no_person() {
        // 宣传教育/nr, 林林总总/nr: jieba's name tag on a word, the tagger reading three of its
        // characters
        for text in [
            "落实法治副校长宣传教育员、安全管理员职责。",
            "摆放着林林总总的纪念章和老物件。",
        ] {
            let names = person_names(text);
            assert!(names.is_empty(), "{text}: {names:?}");
        }
    }

    #[test]
    fn a_name_always_followed_by_a_unit_is_a_place_not_a_person() {
        let names = person_names("家住宋陈村东坞组的优抚对象陈金昌爷爷,看着村工作人员挂上牌匾。");
        assert_eq!(names, ["陈金昌"]);
        // a title starting with a unit's character keeps the person
        let names = person_names("副县长王建国到宋陈村调研,王建国县长强调要抓好落实。");
        assert!(names.iter().any(|n| n == "王建国"), "{names:?}");
    }

    #[test]
    fn a_name_after_an_age_a_title_or_its_body_and_de_is_a_person() {
        for (text, name) in [
            ("今年77岁的白万金老人高兴地说。", "白万金"),
            ("35岁的周占付是东平村村民。", "周占付"),
            ("县农机服务中心的朱建中从2002年开始献血。", "朱建中"),
        ] {
            let names = person_names(text);
            assert!(names.iter().any(|n| n == name), "{text}: {names:?}");
        }
        // a title or a standing right before serves as well
        let names = person_names("共同保护好水资源。县领导何兴旺参加活动。");
        assert!(names.iter().any(|n| n == "何兴旺"), "{names:?}");
        let names = person_names("队员为老人们表演节目。爱心人士罗建新还为老人送来一个蛋糕。");
        assert!(names.iter().any(|n| n == "罗建新"), "{names:?}");
        // a word, a way of addressing someone or a preposition after a title is no name
        for text in [
            "老两口今年已近80岁的高龄,子女都在外地。",
            "今年82岁的李奶奶笑着说。",
            "老党员向光荣在党50年。",
        ] {
            let names = person_names(text);
            assert!(names.is_empty(), "{text}: {names:?}");
        }
    }

    #[test]
    fn a_name_between_its_body_and_its_title_is_a_person() {
        let a = nlp().analyze("仪式上,安平区红十字会袁长精专职副会长致辞。");
        assert_eq!(roles_of(&a, "袁长精"), ["专职副会长"]);
        // words of another kind are none (常务/b 副, 高度/d 重视)
        let names = person_names("市红十字会常务副会长出席,市红十字会高度重视此事。");
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn a_given_name_jieba_glued_to_an_unknown_word_after_it_is_read_whole() {
        // 周子/nr 禄作/v 了, 陈砚/nr 平到/v: the third character often ends names, and the word
        // it opened is in no dictionary
        let names = person_names("县人大机关老干一支部书记周子禄作了发言。");
        assert!(names.iter().any(|n| n == "周子禄"), "{names:?}");
        let names = person_names("市农机推广站技术员陈砚平到柑桔园现场演示。");
        assert!(names.iter().any(|n| n == "陈砚平"), "{names:?}");
        // a foreign name's transliteration is not cut at three
        let names = person_names("国家安全委员会秘书乌梅罗夫表示,谈判将继续。");
        assert!(!names.iter().any(|n| n == "乌梅罗"), "{names:?}");
    }

    #[test]
    fn towns_of_a_list_joined_by_a_conjunction_are_places() {
        // 孙/zg 村镇/n 和/c 俞/zg 村镇/n: the items after a town found already, up to their unit
        let names = place_names("志愿者分赴旌德县白溪镇、孙村镇和俞村镇开展活动。");
        for p in ["白溪镇", "孙村镇", "俞村镇"] {
            assert!(names.iter().any(|n| n == p), "{p}: {names:?}");
        }
        // a generic item is none
        let names = place_names("他走访了梅仙镇汶潭村和周边村的困难群众。");
        assert!(!names.iter().any(|n| n.contains("周边")), "{names:?}");
    }

    #[test]
    fn a_town_the_tagger_reads_after_a_word_of_going_there_is_a_place() {
        // 来到/v 化/n 龙镇/ns: jieba cuts the name, the tagger reads it, 来到 closes it
        let names = place_names("活动当天,志愿者来到化龙镇开展义诊。");
        assert!(names.iter().any(|n| n == "化龙镇"), "{names:?}");
    }

    #[test]
    fn villages_jieba_cut_across_their_suffix_in_a_list_or_after_their_town() {
        let names = place_names(
            "他先后到梅仙镇汶潭村、半山村，实地察看。负责执勤的野人谷镇三座庵村卡口服务站。",
        );
        for p in ["汶潭村", "半山村", "三座庵村"] {
            assert!(names.iter().any(|n| n == p), "{p}: {names:?}");
        }
        let names = place_names("党员突击队赴某某区郑陆镇参加社区疫情防控志愿服务。");
        assert!(!names.iter().any(|n| n.contains("参加")), "{names:?}");
        let names = place_names("李部长一行先后到至善社区、樱花苑社区，实地查看了社区服务。");
        for p in ["至善社区", "樱花苑社区"] {
            assert!(names.iter().any(|n| n == p), "{p}: {names:?}");
        }
        // a 村 that opens another word ends no village
        let names = place_names("梅仙镇村干部到汶潭村、全村村民家中走访。");
        assert!(
            !names.iter().any(|n| n == "全村" || n.starts_with("村干")),
            "{names:?}"
        );
    }

    #[test]
    fn streets_and_communities_of_county_town_pages() {
        let names = place_names(
            "庐阳区亳州路街道开展义诊。北林路街道开展活动。城关镇西南街社区选举业委会。",
        );
        for p in ["亳州路街道", "北林路街道", "西南街社区", "城关镇"] {
            assert!(names.iter().any(|n| n == p), "{p}: {names:?}");
        }
        assert!(
            !names.iter().any(|n| n == "城关镇西南街" || n == "北林路"),
            "{names:?}"
        );
        let names =
            place_names("居民持有一张南山街道的证明。党员主动联系社区报到。他来到下摄司街道调研。");
        assert!(
            !names
                .iter()
                .any(|n| n.starts_with("一张") || n.contains("联系")),
            "{names:?}"
        );
        assert!(names.iter().any(|n| n == "下摄司街道"), "{names:?}");
        let names = place_names("会上汇报了丽园小区的情况。");
        assert!(!names.iter().any(|n| n.contains('了')), "{names:?}");
    }

    #[test]
    fn zones_counties_gone_to_and_what_a_community_should_be() {
        let a = nlp().analyze(
            "位于湖南浏阳经开区的企业加紧生产。胡春华来到米林水库坝址看望工人。\
             社区党支部谋划打造品质化社区，建设幸福美好社区。如何让绿水青山变成金山银山？",
        );
        let places: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        assert!(places.contains(&"浏阳经开区"), "{places:?}");
        assert!(places.contains(&"米林"), "{places:?}");
        assert!(!places.contains(&"经开区"), "{places:?}");
        assert!(
            !places
                .iter()
                .any(|p| p.ends_with("社区") || p.contains("银山")),
            "{places:?}"
        );
        let names: Vec<&str> = a.persons.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["胡春华"]);
        let a = nlp().analyze(
            "目前，湖南社区居家养老服务中心数量超过了8500个。加紧补齐北方地区防洪排涝基础设施短板。",
        );
        let places: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        assert!(places.iter().all(|p| *p == "湖南"), "{places:?}");
    }

    #[test]
    fn departments_after_their_ministry_and_given_names_that_are_cities() {
        let a = nlp().analyze(
            "民政部养老服务司司长李邦华介绍。国家邮政局市场监管司副司长边作栋说，将依法查处。\
             国务院研究室主任沈丹阳在吉林作报告。沈丹阳从深刻把握出发。\
             在宁德市古田县的大山里，菇棚成片。当宁德的经济总量还排在全省末位。",
        );
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        assert!(orgs.contains(&"民政部养老服务司"), "{orgs:?}");
        assert!(orgs.contains(&"国家邮政局市场监管司"), "{orgs:?}");
        assert!(!orgs.iter().any(|o| o.ends_with("查处")), "{orgs:?}");
        let places: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        assert!(!places.contains(&"丹阳"), "{places:?}");
        assert!(places.contains(&"宁德"), "{places:?}");
        let names = person_names("在以习近平同志为核心的党中央坚强领导下。");
        assert_eq!(names, ["习近平"]);
    }

    #[test]
    fn a_doctrines_style_is_no_place_and_a_glued_township_splits() {
        let a = nlp().analyze("坚持中国特色社会主义，以中国式现代化全面推进强国建设。");
        assert!(a.places.is_empty(), "{:?}", a.places);
        let a =
            nlp().analyze("中国经济持续回升。在重庆市石柱土家族自治县中益乡华溪村，医生正在随访。");
        let places: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        for want in ["中国", "中益乡", "华溪村"] {
            assert!(places.contains(&want), "{want} missing from {places:?}");
        }
    }

    #[test]
    fn a_congress_presidium_a_committees_term_and_a_former_body() {
        let a = nlp().analyze(
            "中国共产党第二十次全国代表大会主席团举行第一次会议。大会选举产生了十九届中央委员会。\
             原中央顾问委员会委员出席。",
        );
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        for want in [
            "中国共产党第二十次全国代表大会主席团",
            "十九届中央委员会",
            "中央顾问委员会",
        ] {
            assert!(orgs.contains(&want), "{want} missing from {orgs:?}");
        }
    }

    #[test]
    fn state_army_and_region_titles_and_titles_joined_with_jian() {
        let a = nlp().analyze(
            "全国人大常委会副委员长李鸿忠出席。澳门特别行政区行政长官贺一诚陪同。\
             中国人民解放军驻澳门部队司令员于长江到机场迎接。全国政协副主席兼秘书长王东峰抵达。",
        );
        let roles = |name: &str| {
            a.persons
                .iter()
                .find(|p| p.name == name)
                .map(|p| p.roles.clone())
                .unwrap_or_default()
        };
        assert_eq!(roles("李鸿忠"), ["全国人大常委会副委员长"]);
        assert_eq!(roles("贺一诚"), ["澳门特别行政区行政长官"]);
        assert_eq!(roles("于长江"), ["中国人民解放军驻澳门部队司令员"]);
        assert_eq!(roles("王东峰"), ["全国政协副主席", "秘书长"]);
    }

    #[test]
    fn centres_named_by_their_work_bracketed_names_and_departments_of_any_level() {
        let a = nlp().analyze(
            "北京市丰台区大红门社区卫生服务中心的医生上门。今年初在福建沙县农村产权交易中心挂牌。\
             徐汇区天平(湖南)街道社区卫生服务中心开展活动。辽宁省农业农村部门将统筹安排。\
             东圣社区正规划建设便民服务中心。市中心很热闹，要坚持以人民为中心。",
        );
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        for want in [
            "北京市丰台区大红门社区卫生服务中心",
            "福建沙县农村产权交易中心",
            "徐汇区天平(湖南)街道社区卫生服务中心",
        ] {
            assert!(orgs.contains(&want), "{want} missing from {orgs:?}");
        }
        assert!(!orgs.iter().any(|o| o.contains("农业农村部")), "{orgs:?}");
        assert!(!orgs.iter().any(|o| o.contains("规划")), "{orgs:?}");
        assert_eq!(orgs.len(), 3, "{orgs:?}");
    }

    #[test]
    fn counties_after_their_province_villages_headed_by_an_adjective_and_lei_feng() {
        let a = nlp().analyze(
            "在云南保山、湖南汉寿，在河南新县、山东微山，新老党员重温历史。\
             傍晚，义乌市大陈镇大陈二村的文化礼堂里。在辽宁抚顺，人们聆听雷锋故事。\
             近千名群众齐聚青山绿水间。",
        );
        let places: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        for want in ["汉寿", "微山", "大陈镇", "大陈二村", "辽宁", "抚顺"] {
            assert!(places.contains(&want), "{want} missing from {places:?}");
        }
        let names: Vec<&str> = a.persons.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["雷锋"]);
    }

    #[test]
    fn a_common_word_after_a_group_of_people_is_no_name() {
        let names = person_names("张卫平又接到一户村民车辆被砸的求助。医保直通车开到居民楼下。");
        assert_eq!(names, ["张卫平"]);
        let a = nlp().analyze("时任南昌特勤消防一中队班长的李胜利冲进火场。");
        let orgs: Vec<&str> = a.organizations.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(orgs, ["南昌特勤消防一中队"]);
    }

    #[test]
    fn district_is_not_a_person() {
        let a = nlp().analyze("进驻白云区医学观察隔离区，支援湖北。");
        assert!(a.persons.is_empty(), "{:?}", a.persons);
        let places: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        assert!(places.contains(&"白云区"), "{places:?}");
        assert!(places.contains(&"湖北"), "{places:?}");
    }

    #[test]
    fn a_common_word_before_a_placed_body_is_not_part_of_its_name() {
        let o = org_names("社区干部代表市妇联向困难群众送去慰问金。");
        assert!(o.contains(&"市妇联".to_string()), "{o:?}");
        let o = org_names("接下来区残联将继续开展助残活动。");
        assert!(o.contains(&"区残联".to_string()), "{o:?}");
        // (a body's own word stays: 民革/某某县支部)
        let o = org_names("民革合阳县支部组织党员开展活动。");
        assert!(!o.contains(&"合阳县支部".to_string()), "{o:?}");
    }

    #[test]
    fn a_verb_of_reaching_is_no_part_of_a_name_and_census_offices_are_bodies() {
        let o = org_names("普查员将原始数据直接发送到国家统计局数据服务器。");
        assert!(o.contains(&"国家统计局".to_string()), "{o:?}");
        assert!(!o.iter().any(|n| n.contains("发送")), "{o:?}");
        let o = org_names("区人普办组织普查员开展入户登记，镇人普办做好后勤保障。");
        assert!(o.contains(&"区人普办".to_string()), "{o:?}");
    }

    #[test]
    fn the_items_of_a_list_closed_by_a_count_of_villages_are_villages() {
        let a = nlp()
            .analyze("截止7日，已先后前往李南溪、大孟、朱大汉、沙岗王、草场村等21个村进行走访。");
        let places: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        for v in ["李南溪", "大孟", "朱大汉", "沙岗王", "草场村"] {
            assert!(places.contains(&v), "{v}: {places:?}");
        }
        assert!(a.persons.is_empty(), "{:?}", a.persons);
        // (names of people listed before 等 and a count of something else stay persons)
        let p = person_names("王建国、李秀英等3名村干部参加活动。");
        assert_eq!(p, ["王建国", "李秀英"]);
    }

    #[test]
    fn a_common_word_read_on_into_a_place_is_no_part_of_it() {
        let p = place_names(
            "她来到丈夫家所在地仲权镇朱山村继续当村医。团队分片包干淳溪街道的村、社区。",
        );
        assert!(p.contains(&"仲权镇".to_string()), "{p:?}");
        assert!(p.contains(&"淳溪街道".to_string()), "{p:?}");
        assert!(
            !p.iter()
                .any(|n| n.starts_with("所在地") || n.starts_with("分片")),
            "{p:?}"
        );
        // (a noun that names the place stays: 电力新村社区)
        let p = place_names("电力新村社区开展志愿服务活动。");
        assert!(!p.contains(&"新村社区".to_string()), "{p:?}");
    }

    #[test]
    fn forms_water_works_and_kinds_of_units_are_no_places() {
        for text in [
            "各村常用作物代码可提前在普查表上填写，提高工作效率。",
            "对辖区内水库、山塘、河道实时监测。",
            "全区27个乡镇街道的普查员开展入户登记。",
        ] {
            let p = place_names(text);
            assert!(
                !p.iter()
                    .any(|n| ["普查表", "山塘", "乡镇街道"].contains(&n.as_str())),
                "{text}: {p:?}"
            );
        }
    }

    #[test]
    fn a_model_held_up_where_jieba_read_it_inside_a_longer_word_is_no_person() {
        let p = person_names(
            "社区开展学雷锋志愿服务活动。这场春日里的“雷锋”集会温暖了居民的心，让雷锋精神在社区落地生根。",
        );
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn standings_are_titles_of_a_name_jieba_reads() {
        let a = nlp()
            .analyze("县领导钱立新、孙晓梅、李建军、王秀兰出席仪式。“价格很实惠。”市民赵光辉说。");
        // (handed on down the whole list)
        for name in ["钱立新", "孙晓梅", "李建军", "王秀兰"] {
            assert_eq!(roles_of(&a, name), ["县领导"], "{:?}", a.persons);
        }
        assert_eq!(roles_of(&a, "赵光辉"), ["市民"], "{:?}", a.persons);
        let a = nlp().analyze("“这真是好事。”爱心人士周文斌告诉记者。");
        assert_eq!(roles_of(&a, "周文斌"), ["爱心人士"], "{:?}", a.persons);
        // (never the ordinary word after one: 学生/符合, 留学生/回国)
        let p = person_names("有一名学生符合排查条件，不少留学生回国就业。");
        assert!(p.is_empty(), "{p:?}");
        // (a standing names a society like any group word)
        let o = org_names("企业家精英协会和商会参加了洽谈。");
        assert!(o.contains(&"企业家精英协会".to_string()), "{o:?}");
    }

    #[test]
    fn a_title_after_a_list_of_names_and_deng_is_everyones() {
        let a = nlp().analyze("周文涛、吴海燕、陈国平等市四套班子领导参加捐款。");
        for name in ["周文涛", "吴海燕", "陈国平"] {
            assert_eq!(roles_of(&a, name), ["市四套班子领导"], "{:?}", a.persons);
        }
    }

    #[test]
    fn a_department_heads_title_jieba_cut_before_its_last_character() {
        let a = nlp().analyze("镇党委委员、人武部长韩建国出席。市教育局长邓明辉一行到校检查。");
        assert_eq!(
            roles_of(&a, "韩建国"),
            ["镇党委委员", "人武部长"],
            "{:?}",
            a.persons
        );
        assert_eq!(roles_of(&a, "邓明辉"), ["市教育局长"], "{:?}", a.persons);
    }

    #[test]
    fn a_speakers_title_before_the_space_is_theirs() {
        let a = nlp().analyze("某某县民政局副局长 邱德明:我们将继续做好救助工作。");
        assert_eq!(
            roles_of(&a, "邱德明"),
            ["县民政局副局长"],
            "{:?}",
            a.persons
        );
    }

    #[test]
    fn a_title_keeps_its_level_and_drops_a_glued_preposition() {
        let a = nlp().analyze("据县地税局局长王映武介绍，县人大副主任雷林瑞出席仪式。");
        let roles: Vec<(&str, Vec<&str>)> = a
            .persons
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.roles.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert!(
            roles.contains(&("王映武", vec!["县地税局局长"])),
            "{roles:?}"
        );
        assert!(
            roles.contains(&("雷林瑞", vec!["县人大副主任"])),
            "{roles:?}"
        );
    }

    #[test]
    fn things_of_the_genre_jieba_tags_as_names_are_no_persons() {
        let a = nlp().analyze("身穿蓝马甲的志愿者在现场服务，提醒居民出示苏康码，远离海洛因。");
        assert!(a.persons.is_empty(), "{:?}", a.persons);
    }

    #[test]
    fn a_bureaus_named_station_right_after_it_is_one_body() {
        let o = org_names("东山县公安局小岳寺派出所民警深入村庄走访。");
        assert!(o.contains(&"东山县公安局小岳寺派出所".to_string()), "{o:?}");
        let o = org_names("西河区司法局麻柳嘴司法所开展普法宣传。");
        assert!(o.contains(&"西河区司法局麻柳嘴司法所".to_string()), "{o:?}");
        // a quoted name holds both its marks
        let o = org_names("社区成立了“银晖先锋”志愿服务队。");
        assert!(o.contains(&"“银晖先锋”志愿服务队".to_string()), "{o:?}");
    }

    #[test]
    fn a_town_or_street_whose_first_character_jieba_cut_off_keeps_it() {
        let o = org_names("由北中镇妇联组织开展活动。");
        assert!(o.contains(&"北中镇妇联".to_string()), "{o:?}");
        let o = org_names("沌阳街道江大园社区党委组织志愿者。");
        assert!(o.contains(&"沌阳街道江大园社区党委".to_string()), "{o:?}");
        // a character jieba left alone before a longer town name
        let p = place_names("在大乌江镇开展活动。");
        assert!(p.contains(&"大乌江镇".to_string()), "{p:?}");
        // what a sentence does to a community names none
        let p = place_names("积极动员社区居民参与，充分利用社区宣传栏。");
        assert!(p.is_empty(), "{p:?}");
        // (a town named alone after a verb keeps its own name)
        let p = place_names("来到中镇开展活动。");
        assert!(!p.iter().any(|n| n.starts_with('到')), "{p:?}");
    }

    #[test]
    fn a_places_conference_commission_and_peoples_bodies_by_their_short_names() {
        // a place's discipline commission and supervisory commission are one body
        let o = org_names("河西区纪委监委派出的检查组来到红星社区。");
        assert!(o.contains(&"河西区纪委监委".to_string()), "{o:?}");
        // the central ones stay two names
        let o = org_names("中央纪委国家监委网站发布消息。");
        assert!(!o.iter().any(|n| n.contains("纪委国家监委")), "{o:?}");
        // a conference glued to its member's title, and one standing alone
        let o = org_names("会上，汉江市政协主席周建华讲话。");
        assert!(o.contains(&"汉江市政协".to_string()), "{o:?}");
        let o = org_names("石门县政协组织委员开展视察。");
        assert!(o.contains(&"石门县政协".to_string()), "{o:?}");
        let o = org_names("红桥市残联组织志愿者入户走访。");
        assert!(o.contains(&"红桥市残联".to_string()), "{o:?}");
        // a national congress after a place is no body of that place
        let o = org_names("在京全国人大常委中的党外人士出席。");
        assert!(!o.iter().any(|n| n.starts_with("京")), "{o:?}");
    }

    #[test]
    fn never_panics_on_odd_text() {
        let n = nlp();
        for s in [
            "",
            " ",
            "、、、",
            "书记",
            "书记。",
            "a",
            "第",
            "（",
            "号号号",
            "市委市委",
        ] {
            let _ = n.analyze(s);
        }
    }
}
