//! Persons: names from jieba's `nr` tags and from context (a role title right before or after,
//! a list `X、Y` with a known name), surname + given name joined across the tokens jieba's HMM
//! split (刘/富平, 黄/战旗), and each person's roles as written (…党支部书记).

use memchr::memmem;

use super::lexicon::Lexicon;
use super::orgs::OrgSpan;
use super::places::PlaceSpan;
use super::token::{EntityKind, EntitySpan, Tok, is_function_word};
use crate::record::Person;
use crate::text::FastMap;

/// One person mention.
#[derive(Debug, Clone)]
pub struct PersonSpan {
    /// Byte range in the body.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// First token index.
    first: usize,
    /// One past the last token index (the name may end inside this token when trimmed).
    last: usize,
    /// The name.
    pub name: String,
    /// Roles attached at this mention.
    pub roles: Vec<String>,
}

/// Characters of [`STOP_CHARS`] that also end given names (李国能, 孙家正, 罗尚才): a name the
/// rules trimmed before one of them is read whole when the tagger reads it so.
const NAME_END: &str = "能正才会可前后一二两三同";

/// Characters that never end a name: they start the verb or particle after it (胡亮说, 丁莉到).
const STOP_CHARS: &str = "说是在到和与等的了也都就又还将把被对向为从作则笑带及同跟给让已正便因以而并称讲问答指道告要会能可请来去前后一二两三、不没均";
/// Characters of transliterated foreign names (克林顿, 叶利钦).
const TRANSLIT: &str = "阿埃艾爱安奥巴拔保贝本比彼波伯勃布查达戴丹德迪蒂丁杜顿多厄恩尔法菲费芬夫弗福盖戈格古哈海汉赫亨华惠霍基吉加贾杰金卡凯坎康柯科克肯库拉莱兰朗劳雷黎里利莉列林琳卢鲁路伦罗洛马迈麦曼梅蒙米密莫姆穆纳奈南内尼涅纽努诺欧帕佩皮普奇齐乔切琼萨塞桑瑟森沙尚舍什施史斯松苏索塔泰坦汤唐特提托瓦威韦维温沃乌西希谢辛休雅亚扬耶伊因英尤约泽扎詹兹佐";
/// A Han character jieba's dictionary lacks (tagged `x`), alone: the rare last character of a
/// name it cut off (陈幸/nr 妤/x).
/// Whether `c` is a character of foreign names' transliterations.
pub(super) fn is_transliteration(c: char) -> bool {
    TRANSLIT.contains(c)
}

fn rare_last_character(t: &Tok<'_>) -> bool {
    t.tag == "x" && !t.is_punct() && t.chars() == 1 && all_cjk(t.word)
}

/// Separators of a list of names.
const LIST_SEPS: &[&str] = &["、", "和", "与", "及", ","];

fn is_name_tag(tag: &str) -> bool {
    matches!(tag, "nr" | "nrfg" | "nrt")
}

/// Tags of words that are never a whole name: adverbs, pronouns, numerals, measure words,
/// prepositions, conjunctions, particles, localisers.
fn is_function_tag(tag: &str) -> bool {
    matches!(
        tag,
        "d" | "ad"
            | "r"
            | "m"
            | "mq"
            | "q"
            | "p"
            | "c"
            | "u"
            | "uj"
            | "ul"
            | "uz"
            | "ug"
            | "uv"
            | "ud"
            | "f"
            | "y"
            | "e"
            | "o"
    )
}

/// Words after a leader's name that make it the name of a doctrine (毛泽东思想, 邓小平理论,
/// 习近平新时代中国特色社会主义思想): not a mention of the person.
const DOCTRINE_AFTER: &[&str] = &[
    "主义",
    "思想",
    "理论",
    "新时代",
    "法治思想",
    "强军思想",
    "外交思想",
    "经济思想",
    "生态文明思想",
    "文化思想",
    "文艺思想",
];

/// Cuts the home off a name (王伟家的房子, 卓玛家经过改造的民宿: 王伟, 卓玛): a name of three
/// characters or four ending in 家 is the family's home, not the person.
pub fn trim_home(spans: &mut [PersonSpan]) {
    for p in spans.iter_mut() {
        if matches!(p.name.chars().count(), 3 | 4)
            && let Some(stem) = p.name.strip_suffix('家')
        {
            p.end -= '家'.len_utf8();
            p.name = stem.to_string();
        }
    }
}

/// A name the rules read as a place between two persons of a list (王小洪、洛桑江村、胡春华:
/// a Tibetan name ending like a village) is a person: the place moves to the persons.
pub fn take_places_listed_among_persons(
    lex: &Lexicon,
    body: &str,
    toks: &[Tok<'_>],
    places: &mut Vec<super::places::PlaceSpan>,
    persons: &mut Vec<PersonSpan>,
) {
    let sep = |a: usize, b: usize| {
        body.get(a..b)
            .is_some_and(|s| matches!(s, "、" | "和" | "与" | "及"))
    };
    let mut moved = Vec::new();
    places.retain(|p| {
        let listed = persons.iter().any(|q| sep(q.end, p.start))
            && persons.iter().any(|q| sep(p.end, q.start))
            && (2..=6).contains(&p.name.chars().count())
            && !lex.divisions.contains(p.name.as_str())
            && !lex.countries.contains(p.name.as_str());
        if listed {
            moved.push(PersonSpan {
                start: p.start,
                end: p.end,
                first: toks.partition_point(|t| t.end <= p.start),
                last: toks.partition_point(|t| t.start < p.end),
                name: p.name.clone(),
                roles: Vec::new(),
            });
        }
        !listed
    });
    if !moved.is_empty() {
        persons.extend(moved);
        persons.sort_by_key(|p| p.start);
    }
}

/// 李某溪、大孟、朱某汉、草场村等21个村: the items of a list closed by 等 and a count of villages
/// (or communities, townships) are villages, whatever names they look like: the persons among
/// them move to the places.
pub fn villages_listed_as_persons(
    body: &str,
    places: &mut Vec<super::places::PlaceSpan>,
    persons: &mut Vec<PersonSpan>,
) {
    for (at, _) in body.match_indices('等') {
        let after = &body[at + '等'.len_utf8()..];
        let counted = after.trim_start_matches(|c: char| {
            c.is_ascii_digit() || "一二三四五六七八九十百两几".contains(c)
        });
        let numbered = counted.len() < after.len();
        let kind = counted.strip_prefix('个').unwrap_or(counted);
        if !(numbered || kind.len() < counted.len())
            || !["村", "行政村", "自然村", "社区", "镇", "乡"]
                .iter()
                .any(|k| kind.starts_with(k))
        {
            continue;
        }
        // the items, back from 等 across 、 (an item neither read is a bare name of two to
        // four characters: a village too)
        let mut end = at;
        let mut listed: Vec<usize> = Vec::new();
        let mut bare: Vec<(usize, usize)> = Vec::new();
        loop {
            let start = if let Some(k) = persons.iter().position(|p| p.end == end) {
                listed.push(k);
                persons[k].start
            } else if let Some(p) = places.iter().find(|p| p.end == end) {
                p.start
            } else if let Some(open) = body[..end].rfind(['、', '，', ',', '。', '\n'])
                && body[open..].starts_with('、')
                && let item = &body[open + '、'.len_utf8()..end]
                && (2..=4).contains(&item.chars().count())
                && item.chars().all(crate::text::is_han)
            {
                bare.push((open + '、'.len_utf8(), end));
                open + '、'.len_utf8()
            } else {
                break;
            };
            match body[..start].strip_suffix('、') {
                Some(rest) => end = rest.len(),
                None => break,
            }
        }
        listed.retain(|&k| persons[k].roles.is_empty());
        if listed.is_empty() {
            continue;
        }
        for (start, end) in bare {
            places.push(super::places::PlaceSpan {
                start,
                end,
                name: body[start..end].to_string(),
                weak: false,
            });
        }
        listed.sort_unstable();
        for &k in listed.iter().rev() {
            let p = persons.remove(k);
            places.push(super::places::PlaceSpan {
                start: p.start,
                end: p.end,
                name: p.name,
                weak: false,
            });
        }
    }
    places.sort_by_key(|p| p.start);
}

/// A foreign person named in full once and by the family name later (西摩·赫什 … 赫什), or by the
/// first part of a dotted name (巴依卡·凯力迪别克 … 巴依卡), is one person: the later mentions take
/// the full name. Only transliterated or dotted names: a Chinese given name is no family name.
pub fn full_foreign_names(spans: &mut [PersonSpan]) {
    let foreign = |n: &str| n.chars().all(|c| TRANSLIT.contains(c) || c == '·');
    let full: Vec<String> = spans
        .iter()
        .map(|p| p.name.clone())
        .filter(|n| (foreign(n) || n.contains('·')) && n.chars().count() >= 4)
        .collect();
    // 陈冯富珍 … 冯富珍: a married name with the husband's family name before her own, once in
    // full and once without it
    let married: Vec<String> = spans
        .iter()
        .map(|p| p.name.clone())
        .filter(|n| n.chars().count() == 4 && n.chars().all(crate::text::is_han))
        .collect();
    for p in spans.iter_mut() {
        if p.name.chars().count() != 3 {
            continue;
        }
        let longer: Vec<&String> = married
            .iter()
            .filter(|m| m.ends_with(p.name.as_str()))
            .collect();
        if let [only] = longer[..] {
            p.name.clone_from(only);
        }
    }
    for p in spans.iter_mut() {
        if p.name.chars().count() < 2 || p.name.contains('·') {
            continue;
        }
        // 巴依卡·凯力迪别克 … 巴依卡: a dotted name's first part alone, as Uyghur and Kazakh
        // names are shortened
        let first_of: Vec<&String> = full
            .iter()
            .filter(|f| {
                f.strip_prefix(p.name.as_str())
                    .is_some_and(|r| r.starts_with('·'))
            })
            .collect();
        if let [only] = first_of[..] {
            p.name.clone_from(only);
            continue;
        }
        if !foreign(&p.name) {
            continue;
        }
        // 西摩·赫什 ends in ·赫什; 米舒斯京, undotted, in 舒斯京
        let longer: Vec<&String> = full
            .iter()
            .filter(|f| {
                f.strip_suffix(p.name.as_str()).is_some_and(|head| {
                    head.ends_with('·') || (!head.is_empty() && !f.contains('·'))
                })
            })
            .collect();
        // one full name only: two people sharing a family name stay apart
        if let [only] = longer[..] {
            p.name.clone_from(only);
        }
    }
}

/// Lengthens a mention cut short (`中学校长/陈立/群要`: 陈立) to a longer name found at another
/// mention (陈立群) when the text at this mention reads the longer name too.
pub fn lengthen_cut_names(body: &str, tagged: Option<&[EntitySpan]>, spans: &mut [PersonSpan]) {
    let names: Vec<String> = spans.iter().map(|p| p.name.clone()).collect();
    for p in spans.iter_mut() {
        let longer = names
            .iter()
            .filter(|n| n.len() > p.name.len() && n.starts_with(p.name.as_str()))
            .filter(|n| n.chars().count() <= 4)
            .find(|n| {
                body.get(p.start..)
                    .is_some_and(|at| at.starts_with(n.as_str()))
            });
        if let Some(n) = longer {
            p.end = p.start + n.len();
            p.name = n.clone();
            continue;
        }
        // A given name's second character jieba joined to the verb after it (潘安/君介绍,
        // 方国/平坦/言): one more character when a verb of saying or doing follows it, or
        // when the name ends a list item or a line (主讲人：王成/元). (The sequence tagger's
        // three-character reading was tried: it takes verbs in, 邓晟/积, 龚正/陪.)
        if p.name.chars().count() == 2
            && let Some(rest) = body.get(p.end..)
            && let Some(c) = rest.chars().next()
            && crate::text::is_han(c)
            && !STOP_CHARS.contains(c)
            && (VERBS_AFTER_NAME
                .iter()
                .any(|v| rest[c.len_utf8()..].starts_with(v))
                || rest[c.len_utf8()..].starts_with(['、', '，', ',', '\n'])
                // (曹传/银以/p: before a preposition that opens a phrase, or 等 closing a list
                // of names (陈国/平等/a), when the tagger reads the three characters too; never
                // 同 or 陪, which verbs start)
                || (rest[c.len_utf8()..]
                    .starts_with(['以', '在', '和', '为', '对', '向', '把', '被', '与', '等'])
                    && tagged.is_some_and(|ts| {
                        ts.iter().any(|s| {
                            s.kind == EntityKind::Person
                                && s.start == p.start
                                && s.end == p.end + c.len_utf8()
                        })
                    })))
        {
            p.end += c.len_utf8();
            p.name.push(c);
        }
    }
}

/// A name jieba read with the verb of a speech after it (吕伟致/nr 欢迎词): the verb 致 is no
/// part of the name.
pub fn trim_a_glued_address(body: &str, spans: &mut [PersonSpan]) {
    for p in spans.iter_mut() {
        if p.name.chars().count() == 3
            && let Some(stem) = p.name.strip_suffix('致')
            && body.get(p.end..).is_some_and(|r| {
                [
                    "欢迎", "辞", "词", "贺", "答谢", "开幕", "闭幕", "讲话", "感谢",
                ]
                .iter()
                .any(|w| r.starts_with(w))
            })
        {
            p.name = stem.to_string();
            p.end -= '致'.len_utf8();
        }
    }
}

/// A name jieba read with the conjunction or preposition after it, before a pronoun or another
/// conjunction (龚某和/她的搭档, 张某经/与站方商量): the last character is the clause's, not
/// the name's (彭清和/家 keeps its 和: a noun follows).
pub fn trim_a_glued_conjunction(body: &str, spans: &mut [PersonSpan]) {
    for p in spans.iter_mut() {
        let Some(last) = p.name.chars().last() else {
            continue;
        };
        if p.name.chars().count() == 3
            && "和与同跟及经对向给把被将在从".contains(last)
            && body[p.end..]
                .chars()
                .next()
                .is_some_and(|c| "她他我你它其与和及同".contains(c))
        {
            p.end -= last.len_utf8();
            p.name.pop();
        }
    }
}

/// Verbs that often follow a name in a report (…介绍, …坦言, …分别认捐).
const VERBS_AFTER_NAME: &[&str] = &[
    "介绍", "坦言", "表示", "指出", "认为", "强调", "透露", "告诉", "分别", "捐赠", "捐款", "说",
    "称", "回忆", "解释", "建议", "提出", "坦承", "承认", "感慨", "笑着", "说道",
    // (`王弟/军入选`, `王明/成家的房屋`: a word jieba joined the last character to)
    "入选", "家的", "家中", "同志",
];

/// Honorifics and kin terms after a family name (魏先生, 徐阿婆, 冯警官): a way of referring to
/// someone unnamed, not a name.
const HONORIFICS: &[&str] = &[
    "先生", "女士", "小姐", "太太", "阿婆", "阿姨", "阿公", "阿伯", "大爷", "大妈", "大娘", "大叔",
    "大姐", "大哥", "师傅", "警官", "老师", "医生", "同学", "老人", "奶奶", "爷爷", "婆婆", "伯伯",
    "叔叔", "经理", "主任", "书记", "组长", "局长", "科长", "所长", "站长", "校长", "院长", "部长",
    "队长", "厂长", "村长", "乡长", "镇长", "县长", "市长", "处长", "班长", "社长", "会长", "总",
    "哥", "姐", "叔", "婶", "嫂", "姨", "老太", "老汉", "爹爹", "嬢嬢", "娭毑", "大伯", "大婶",
];

/// A family name alone (魏, 欧阳).
fn is_family_name(lex: &Lexicon, s: &str) -> bool {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => lex.surnames.contains(&c),
        (Some(_), Some(_)) => lex.surnames2.contains(s),
        _ => false,
    }
}

/// Drops the mentions that name nobody: a press anonymisation with 某 (杨某, 陈某进), a
/// family name with an honorific (李女士, 徐阿婆) and a place named like a person (刘家庄). Bylines are not persons and keep such names.
pub fn drop_unnamed(lex: &Lexicon, spans: &mut Vec<PersonSpan>) {
    spans.retain(|p| {
        if p.name.contains('某') {
            return false;
        }
        // 小梁, 老王: a family name with 小 or 老 is a way of address
        let mut chars = p.name.chars();
        if let (Some(first), Some(second), None) = (chars.next(), chars.next(), chars.next())
            && matches!(first, '小' | '老')
            && lex.surnames.contains(&second)
        {
            return false;
        }
        // A village, river, island or harbour jieba tags as a name (刘家庄, 梁王河, 宫古岛),
        // unless a title stands with it.
        if p.roles.is_empty()
            && p.name.chars().count() >= 3
            && p.name.ends_with(['庄', '河', '岛', '湾', '港', '桥'])
        {
            return false;
        }
        // A form of address ends no given name, whatever stands before it (谢谢阿姨).
        !HONORIFICS.iter().any(|h| {
            p.name
                .strip_suffix(h)
                .is_some_and(|head| is_family_name(lex, head) || p.name.chars().count() > 3)
        })
    });
}

/// The most common family names (about 70% of the population).
const COMMON_SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

/// Characters that end the names of things, not given names (黄金周, 黄鹤楼, 王府井).
const THING_ENDS: &str = "周楼门山河湖江桥路街园馆寺塔宫殿台亭阁院所站节会社队井村镇城港湾岛";

/// A three-character name with a common family name whose last character ends no thing's name
/// (刘少奇): read as a person even when the dictionary knows it as a frequent word.
pub(crate) fn looks_like_full_name(name: &str) -> bool {
    let mut c = name.chars();
    match (c.next(), c.next(), c.next(), c.next()) {
        (Some(first), Some(_), Some(last), None) => {
            COMMON_SURNAMES.contains(first) && !THING_ENDS.contains(last)
        }
        _ => false,
    }
}

/// Drops the mentions that are part of a doctrine's name, and every mention of a name the
/// page marks as a pseudonym (`小花（化名）`).
pub fn drop_doctrines(body: &str, spans: &mut Vec<PersonSpan>) {
    let pseudonyms: Vec<String> = spans
        .iter()
        .filter(|p| {
            body.get(p.end..).is_some_and(|after| {
                ["（化名）", "(化名)", "（化名", "(化名"]
                    .iter()
                    .any(|m| after.starts_with(m))
            })
        })
        .map(|p| p.name.clone())
        .collect();
    // A model the page holds up (学雷锋, 雷锋精神, 活雷锋, 向雷锋同志学习): none of its mentions is
    // the person taking part in the story, unless a title is attached to one of them. Every
    // place the name is written counts, the ones jieba read inside a longer word too
    // (学雷锋/雷锋精神 as one word, “雷锋”集会 the only span).
    // (each name once: a body names the same person many times)
    let mut names: Vec<&str> = spans.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let models: Vec<String> = names
        .into_iter()
        .filter(|name| {
            memmem::find_iter(body.as_bytes(), name.as_bytes()).any(|at| {
                let before = body.get(..at).unwrap_or("");
                let after = body.get(at + name.len()..).unwrap_or("");
                (before.ends_with('学') && !before.ends_with("大学"))
                    || before.ends_with('活')
                    || MODEL_AFTER.iter().any(|m| after.starts_with(m))
            })
        })
        .map(str::to_string)
        .collect();
    let titled: Vec<String> = spans
        .iter()
        .filter(|p| !p.roles.is_empty())
        .map(|p| p.name.clone())
        .collect();
    let held_up = |name: &String| models.contains(name) && !titled.contains(name);
    spans.retain(|p| {
        let dropped = pseudonyms.contains(&p.name) || held_up(&p.name);
        !dropped
            && body
                .get(p.end..)
                .is_none_or(|after| !DOCTRINE_AFTER.iter().any(|d| after.starts_with(d)))
    });
}

/// Words after a name that make it a model held up, not a person of the story (雷锋精神,
/// 雷锋式, 学雷锋纪念日, 雷锋车队).
const MODEL_AFTER: &[&str] = &["精神", "式", "纪念日", "同志学习", "车队", "巴士", "志愿"];

fn all_cjk(s: &str) -> bool {
    s.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

struct Ctx<'a, 'b> {
    lex: &'a Lexicon,
    toks: &'a [Tok<'b>],
    covered: Vec<(usize, usize)>,
}

impl Ctx<'_, '_> {
    fn is_covered(&self, start: usize, end: usize) -> bool {
        self.covered.iter().any(|&(s, e)| s <= start && end <= e)
    }

    fn valid(&self, name: &str) -> bool {
        plausible_name(self.lex, name)
    }

    /// A name starting at token `j`: one to three tokens making two or three characters.
    fn compose_at(&self, j: usize) -> Option<(usize, usize, String)> {
        self.compose(j, false)
    }

    /// As [`Self::compose_at`]; after a title a one-character surname that is also a grammar
    /// word (于其舰) may start the name.
    fn compose(&self, j: usize, after_title: bool) -> Option<(usize, usize, String)> {
        let toks = self.toks;
        let first = toks.get(j)?;
        let surname_word = after_title
            && first.chars() == 1
            && first
                .word
                .chars()
                .next()
                .is_some_and(|c| self.lex.surnames.contains(&c));
        if first.is_punct()
            || (is_function_word(first.word) && !surname_word)
            || self.lex.roles.contains(first.word)
        {
            return None;
        }
        // 陈/nr 冯富珍/nr: a married name, the husband's family name before her own full name
        if let Some(next) = toks.get(j + 1)
            && first.chars() == 1
            && next.start == first.end
            && first.tag == "nr"
            && next.tag == "nr"
            && next.chars() == 3
            && first
                .word
                .chars()
                .chain(next.word.chars().take(1))
                .all(|c| self.lex.surnames.contains(&c))
        {
            return Some((j, j + 2, format!("{}{}", first.word, next.word)));
        }
        let mut best: Option<(usize, usize, String)> = None;
        let mut name = String::new();
        let mut k = j;
        while k < toks.len() && k < j + 3 {
            let t = &toks[k];
            if t.is_punct()
                || (k > j && (is_function_word(t.word) || self.lex.roles.contains(t.word)))
            {
                break;
            }
            if k > j
                && t.word
                    .chars()
                    .next()
                    .is_some_and(|c| STOP_CHARS.contains(c))
            {
                break;
            }
            // One word jieba reads as an adverb, pronoun, numeral… (曾多次/d) is no name.
            if k == j && is_function_tag(t.tag) && t.chars() > 1 {
                break;
            }
            // nor a word of time (游客/白天/t 逛: 白 is a family name too)
            if k == j && t.tag == "t" && t.chars() > 1 {
                break;
            }
            name.push_str(t.word);
            let n = name.chars().count();
            if n > 3 {
                break;
            }
            if n >= 2 && self.valid(&name) {
                best = Some((j, k + 1, name.clone()));
            }
            k += 1;
        }
        if best.is_none() {
            // A token longer than the name with a verb glued on (丁莉到, 刘华说).
            let w = first.word;
            let n = w.chars().count();
            if n == 3 || n == 4 {
                let last = w.chars().last()?;
                if STOP_CHARS.contains(last) {
                    let cut: String = w.chars().take(n - 1).collect();
                    if self.valid(&cut) {
                        return Some((j, j + 1, cut));
                    }
                }
            }
        }
        best
    }

    /// A name ending right before token `e` (exclusive): the 3-character form if aligned.
    fn compose_before(&self, e: usize) -> Option<(usize, usize, String)> {
        let toks = self.toks;
        let mut best: Option<(usize, usize, String)> = None;
        let mut name = String::new();
        let mut s = e;
        while s > 0 && s + 3 > e {
            let t = &toks[s - 1];
            if t.is_punct() || is_function_word(t.word) || self.lex.roles.contains(t.word) {
                break;
            }
            name.insert_str(0, t.word);
            let n = name.chars().count();
            if n > 3 {
                break;
            }
            if n >= 2 && self.valid(&name) {
                best = Some((s - 1, e, name.clone()));
            }
            s -= 1;
        }
        best
    }

    /// The role phrase ending right before token `a` (walks left over titles, organization
    /// and place names, and up to four modifiers); several titles joined by 、 give several.
    fn roles_before(&self, a: usize, spans: &[(usize, usize)]) -> Vec<String> {
        let toks = self.toks;
        let mut roles = Vec::new();
        let mut end = a;
        let mut membership = false;
        loop {
            if end == 0
                || !(self.is_role_at(end - 1)
                    || (membership && toks[end - 1].word.ends_with("成员")))
            {
                break;
            }
            let mut start = end;
            let mut modifiers = 0;
            let mut chars = 0;
            while start > 0 {
                let t = &toks[start - 1];
                if let Some(&(s, _)) = spans.iter().find(|&&(s, e)| s < start && start <= e) {
                    chars += toks[s..start].iter().map(Tok::chars).sum::<usize>();
                    start = s;
                    if chars > 40 {
                        break;
                    }
                    continue;
                }
                if self.is_role_at(start - 1) {
                    start -= 1;
                    continue;
                }
                // An ordinal of a term or cohort (首届, 第二届) opens the title.
                // (or a numbered department: 第七/检察部)
                let ordinal = t.tag == "m"
                    && (t.word.starts_with('第') || t.word.starts_with('首'))
                    && (t.word.ends_with(['届', '任', '批', '期'])
                        // (第一副/总理: jieba glues the deputy's 副 to the ordinal)
                        || t.word.strip_prefix('第').is_some_and(|n| {
                            let n = n.strip_suffix('副').unwrap_or(n);
                            (1..=2).contains(&n.chars().count())
                                && n.chars().all(|c| "一二三四五六七八九十".contains(c))
                        }));
                // (县/zg 人大/j 副主任: a level alone heads the title whatever jieba tagged it)
                let level = ["省", "市", "县", "区", "镇", "乡", "村"].contains(&t.word);
                if modifiers < 4
                    && !t.is_punct()
                    && !is_function_word(t.word)
                    && (ordinal
                        || level
                        || ROLE_MODIFIERS.contains(&t.word)
                        || matches!(
                            t.tag,
                            "n" | "vn" | "nz" | "j" | "b" | "nt" | "ns" | "ng" | ""
                        ))
                {
                    modifiers += 1;
                    start -= 1;
                    continue;
                }
                break;
            }
            let phrase: String = toks[start..end].iter().map(|t| t.word).collect();
            // 我院党委副书记: the speaker's own unit (我院, 本校, 该局) is no part of the title.
            let phrase = match DEICTIC_UNITS.iter().find(|d| phrase.starts_with(*d)) {
                Some(d) if phrase.len() > d.len() => phrase[d.len()..].to_string(),
                _ => phrase,
            };
            // 据县/n 地税局局长: a preposition jieba glued to the level is no part of the title
            let phrase = {
                let mut chars = phrase.chars();
                match (chars.next(), chars.next()) {
                    (Some(p), Some(l))
                        if "据由在向从经对为与和将把被".contains(p)
                            && "省市县区镇乡".contains(l) =>
                    {
                        phrase[p.len_utf8()..].to_string()
                    }
                    _ => phrase,
                }
            };
            if !phrase.is_empty() {
                roles.push(phrase);
            }
            // 科长、支部书记X: another title before a 、 belongs to the same person.
            // 全国政协副主席兼秘书长X: so does a title joined with 兼.
            if start >= 2
                && matches!(toks[start - 1].word, "、" | "兼")
                && (self.is_role_at(start - 2) || toks[start - 2].word.ends_with("成员"))
            {
                membership |= !self.is_role_token(&toks[start - 2]);
                end = start - 1;
                continue;
            }
            // 中央宣讲团成员，商务部党组书记、部长X: membership of a group set off by a comma
            // before the titles is one more role.
            if !membership
                && start >= 2
                && matches!(toks[start - 1].word, "，" | ",")
                && toks[start - 2].word.ends_with("成员")
            {
                membership = true;
                end = start - 1;
                continue;
            }
            break;
        }
        roles.reverse();
        roles
    }

    fn is_role_token(&self, t: &Tok<'_>) -> bool {
        self.lex.is_role(t.word)
    }

    /// Whether token `i` is a title: a role word, or the 长 jieba cut off a department head's
    /// title (统战部/长, 教育局/长).
    fn is_role_at(&self, i: usize) -> bool {
        let t = &self.toks[i];
        self.is_role_token(t)
            || (t.word == "长" && i > 0 && super::token::ends_a_department(&self.toks[i - 1], t))
    }
}

/// The speaker's own unit named by a deictic (我院 党委副书记, 该局 局长).
const DEICTIC_UNITS: &[&str] = &[
    "我院",
    "我校",
    "我局",
    "我所",
    "我委",
    "我司",
    "我行",
    "我站",
    "我厂",
    "我部",
    "我会",
    "本院",
    "本校",
    "本局",
    "本所",
    "该院",
    "该校",
    "该局",
    "该所",
    "该委",
    "该公司",
    "该行",
];

/// Titles written right after a name (曾刚教授, 时晶晶老师).
const TITLES_AFTER_NAME: &[&str] = &[
    "教授",
    "副教授",
    "研究员",
    "副研究员",
    "院士",
    "老师",
    "博士",
    "讲师",
];

/// Whether the sequence tagger marked a person starting at `start` and overlapping
/// `start..end` (a name it reads with another start, 为景某 for 景某, is left to its own span).
fn tagged_person(tagged: &[EntitySpan], start: usize, end: usize) -> bool {
    tagged.iter().any(|t| {
        t.kind == EntityKind::Person
            && start < end
            // the same start, or the same name without the one family-name character the
            // tagger left out after a preposition (以/习近平/nrfg, tagger: 近平)
            && (t.start == start || (t.end == end && t.start > start && t.start - start <= 3))
    })
}

/// Words jieba tags as adjectives, time words or verbs that belong to the title after them
/// (老/党员, 青年/艺术家, 组织/委员, 病困/党员).
const ROLE_MODIFIERS: &[&str] = &[
    "老", "青年", "年轻", "优秀", "退休", "病困", "困难", "组织", "宣传", "纪检", "老年", "资深",
    "普通", "女", "新", "执行", "常务",
];

/// Titles only a foreign head of state or government holds.
const FOREIGN_HEADS: &[&str] = &["总统", "首相", "国王", "女王", "王储", "苏丹", "埃米尔"];

/// Finds person mentions. `tagged` are the sequence tagger's spans: a name only jieba's `nr`
/// tag proposes must be confirmed by them, and the names they add get their titles from the
/// role grammar. With no tagger spans the rules stand alone.
pub fn find(
    lex: &Lexicon,
    body: &str,
    toks: &[Tok<'_>],
    orgs: &[OrgSpan],
    places: &[PlaceSpan],
    tagged: Option<&[EntitySpan]>,
) -> Vec<PersonSpan> {
    let confirmed = |start: usize, end: usize| tagged.is_none_or(|t| tagged_person(t, start, end));
    let mut covered: Vec<(usize, usize)> = orgs.iter().map(|o| (o.start, o.end)).collect();
    covered.extend(places.iter().filter(|p| !p.weak).map(|p| (p.start, p.end)));
    let ctx = Ctx { lex, toks, covered };
    // Token ranges of organizations and places, for the role walk.
    let mut spans: Vec<(usize, usize)> = orgs.iter().map(|o| (o.first, o.last)).collect();
    for p in places {
        let s = toks.partition_point(|t| t.start < p.start);
        let e = toks.partition_point(|t| t.end <= p.end);
        if s < e {
            spans.push((s, e));
        }
    }
    let mut found: Vec<PersonSpan> = Vec::new();
    let push = |found: &mut Vec<PersonSpan>,
                first: usize,
                last: usize,
                name: String,
                roles: Vec<String>| {
        let start = toks[first].start;
        let end = start + name.len();
        if ctx.is_covered(start, end) {
            return false;
        }
        if let Some(p) = found.iter_mut().find(|p| p.first == first) {
            for r in roles {
                if !p.roles.contains(&r) {
                    p.roles.push(r);
                }
            }
            return false;
        }
        found.push(PersonSpan {
            start,
            end,
            first,
            last,
            name,
            roles,
        });
        true
    };
    let mut pending: Vec<(usize, usize, String)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        // A title right before: 书记胡亮, 副队长黄战旗.
        if ctx.is_role_at(i)
            && let Some((s, e, name)) = ctx.compose(i + 1, true)
            // a grammar word as the family name before a place (向/p 南/ns 都记者) needs the
            // tagger's word; before a given name (于/p 其舰) it stands
            && (!is_function_word(toks[s].word)
                || !toks[s + 1..e].iter().any(|t| t.tag == "ns")
                || confirmed(toks[s].start, toks[s].start + name.len()))
            // after a standing (职工/齐声, 学生/符合), a name jieba or the tagger reads
            && (!super::is_standing(t.word)
                || (confirmed(toks[s].start, toks[s].start + name.len())
                    && (tagged.is_some() || is_name_tag(toks[s].tag))))
        {
            let roles = ctx.roles_before(i + 1, &spans);
            push(&mut found, s, e, name, roles);
            i += 1;
            continue;
        }
        // A title in quotation marks (台当局“疾病管制局副局长”林顶): the name after the closing
        // mark, when jieba reads it as a name; or a name in quotation marks after its title
        // (网民“黄栀梓”认为).
        if ctx.is_role_token(t)
            && toks
                .get(i + 1)
                .is_some_and(|q| matches!(q.word, "”" | "“") && q.start == t.end)
            && toks
                .get(i + 2)
                .is_some_and(|n| matches!(n.tag, "nr" | "nrfg"))
            && let Some((s, e, name)) = ctx.compose(i + 2, true)
            && (toks[i + 1].word == "”" || toks.get(e).is_some_and(|q| q.word == "”"))
        {
            let roles = ctx.roles_before(i + 1, &spans);
            push(&mut found, s, e, name, roles);
            i += 2;
            continue;
        }
        // 俄总理/普京/ns、…, 第一书记/阿东/ns 汇报: a word jieba reads as a place right after a
        // title names the person when the gazetteer knows no such place.
        if ctx.is_role_token(t)
            && t.word != "代表"
            && !super::GROUP_ROLES.contains(&t.word)
            && !super::is_standing(t.word)
            && let Some(n) = toks.get(i + 1)
            && n.tag == "ns"
            && (2..=3).contains(&n.chars())
            && all_cjk(n.word)
            && lex.gazetteer_flags(n) == 0
            && !lex.division_short.contains(n.word)
            && lex.place_suffix(n.word).is_none()
            && !lex.countries.contains(n.word)
            && !lex.not_names.contains(n.word)
            && toks.get(i + 2).is_none_or(|x| {
                x.is_punct() || matches!(x.tag, "v" | "vn" | "nz" | "c" | "p" | "d")
            })
            && !found.iter().any(|p| p.first == i + 1)
        {
            let roles = ctx.roles_before(i + 1, &spans);
            found.push(PersonSpan {
                start: n.start,
                end: n.end,
                first: i + 1,
                last: i + 2,
                name: n.word.to_string(),
                roles,
            });
            i += 2;
            continue;
        }
        // An academic title or 老师 right after a name that follows a boundary (华东师范大学
        // 曾刚教授, 来自周口的时晶晶老师): the name is read back from the title, whatever tags
        // jieba gave its pieces.
        if TITLES_AFTER_NAME.contains(&t.word)
            && i >= 2
            && let Some((s, e, name)) = ctx.compose_before(i)
            && e == i
            && (s == 0 || {
                let b = &toks[s - 1];
                b.is_punct()
                    || matches!(b.word, "的" | "和" | "与" | "及" | "、" | "由" | "请")
                    || b.tag == "nt"
                    || lex.org_suffix(b.word).is_some()
                    || ctx.is_role_token(b)
            })
            && !toks[s..e]
                .iter()
                .any(|x| matches!(x.tag, "ns" | "nt" | "m" | "v" | "vn" | "a"))
        {
            push(&mut found, s, e, name, vec![t.word.to_string()]);
            i += 1;
            continue;
        }
        // 欧阳/ns 瑞菡/nr: a compound family name jieba read as a place, the given name after it
        // (never 东方/s: the east, 东方/s 文明/nr)
        if t.chars() == 2
            && matches!(t.tag, "ns" | "nr")
            && lex.surnames2.contains(t.word)
            && let Some(given) = toks.get(i + 1)
            && given.start == t.end
            && is_name_tag(given.tag)
            && (1..=2).contains(&given.chars())
            && !ctx.is_covered(t.start, given.end)
        {
            let roles = ctx.roles_before(i, &spans);
            push(
                &mut found,
                i,
                i + 2,
                format!("{}{}", t.word, given.word),
                roles,
            );
            i += 2;
            continue;
        }
        // jieba's own name tag, confirmed by the tagger or by a title right after.
        // One name token, or a one-character surname and a given name jieba cut apart
        // (冯/nr 谭宗/nr).
        if is_name_tag(t.tag)
            && let Some((s, e, name)) = ctx.compose_at(i)
            && (e == i + 1
                || e == i + 2 && t.chars() == 1 && is_name_tag(toks[i + 1].tag)
                || e == i + 2 && rare_last_character(&toks[i + 1]))
        {
            // 陈幸/nr 妤/x: the tagger, reading jieba's cut, confirms the name without the rare
            // last character.
            let confirm_len = if e == i + 2 && rare_last_character(&toks[i + 1]) {
                t.word.len()
            } else {
                name.len()
            };
            let mut roles = Vec::new();
            if let Some(next) = toks.get(e)
                && ctx.is_role_token(next)
                && next.chars() <= 3
                && !super::is_standing(next.word)
                // 金人庆代表国务院: 代表 before an object is the verb "on behalf of".
                && !(next.word == "代表" && toks.get(e + 1).is_some_and(|t| !t.is_punct()))
            {
                // 冯谭宗主委: a title right after.
                roles.push(next.word.to_string());
            }
            let start = toks[s].start;
            // `学生 潘某:之前…`: a speaker's name after a space and before a colon, as an
            // interview prints it
            let speaker = toks.get(e).is_some_and(|n| matches!(n.word, ":" | "："))
                && (s == 0 || toks[s - 1].word.trim().is_empty());
            // (with the speaker's title before the space: 黄石市司法局副局长 王某:)
            if speaker && s >= 2 && ctx.is_role_at(s - 2) {
                roles.splice(0..0, ctx.roles_before(s - 1, &spans));
            }
            if !roles.is_empty() || speaker || confirmed(start, start + confirm_len) {
                push(&mut found, s, e, name, roles);
            } else {
                // Confirmed later if the name is confirmed at another mention.
                pending.push((s, e, name));
            }
            i = e;
            continue;
        } else if is_name_tag(t.tag)
            && t.chars() >= 2
            && t.word.chars().all(|c| TRANSLIT.contains(c))
            && !ctx.is_covered(t.start, t.end)
            && !lex.not_names.contains(t.word)
            && !lex.countries.contains(t.word)
        {
            // 同/p 伯塞斯库/nr 总统: a title right after a transliterated name makes it a
            // person even where the tagger read a place
            let title = toks
                .get(i + 1)
                .filter(|n| n.start == t.end && ctx.is_role_token(n) && n.chars() <= 3);
            let glued = i > 0 && toks[i - 1].chars() == 1 && !toks[i - 1].is_punct();
            if let Some(title) = title
                && (!glued || is_function_word(toks[i - 1].word))
            {
                push(
                    &mut found,
                    i,
                    i + 1,
                    t.word.to_string(),
                    vec![title.word.to_string()],
                );
            } else if !glued && confirmed(t.start, t.end) {
                // 印度尼西亚/ns 总统/n 佐科/nrt: the title before it, as for any name
                let roles = ctx.roles_before(i, &spans);
                push(&mut found, i, i + 1, t.word.to_string(), roles);
            }
        }
        i += 1;
    }
    // Names the tagger found that the rules did not: a name starting where a token starts,
    // of two to four characters (up to eight for a transliterated foreign name).
    // A span the tagger ran across a list (托马斯多蒂尔、多米尼克) is one name per item.
    let pieces: Vec<EntitySpan> = tagged
        .unwrap_or_default()
        .iter()
        .filter(|t| t.kind == EntityKind::Person)
        .flat_map(|t| {
            let text = body.get(t.start..t.end).unwrap_or_default();
            let mut at = t.start;
            text.split('、')
                .map(|piece| {
                    let span = EntitySpan {
                        start: at,
                        end: at + piece.len(),
                        ..t.clone()
                    };
                    at += piece.len() + '、'.len_utf8();
                    span
                })
                .filter(|s| s.end > s.start)
                .collect::<Vec<_>>()
        })
        .collect();
    for span in &pieces {
        // 龚正/nr 陪同/v: the tagger ran on into the verb after a name jieba cut whole; the
        // name ends where jieba's does.
        let into_verb = Some(toks.partition_point(|t| t.end <= span.end)).filter(|&k| {
            k > 0
                && k < toks.len()
                && toks[k].start < span.end
                && matches!(toks[k].tag, "v" | "vn" | "p" | "c" | "d")
                && matches!(toks[k - 1].tag, "nr" | "nrfg" | "nrt")
                && toks[k - 1].end == toks[k].start
                && toks[k - 1].start >= span.start
                && body
                    .get(span.start..toks[k].start)
                    .is_some_and(|n| n.chars().count() >= 2)
        });
        let trimmed;
        let span = match into_verb {
            Some(k) => {
                trimmed = EntitySpan {
                    end: toks[k].start,
                    ..span.clone()
                };
                &trimmed
            }
            None => span,
        };
        let Some(name) = body.get(span.start..span.end) else {
            continue;
        };
        let n = name.chars().count();
        // A transliterated name: its characters, or whole tokens jieba tags as names
        // (纳扎尔巴耶夫/nrt).
        let first = toks.partition_point(|t| t.end <= span.start);
        let last = toks.partition_point(|t| t.start < span.end);
        let name_toks = toks.get(first..last).unwrap_or_default();
        let whole_name_tokens = name_toks.first().is_some_and(|t| t.start == span.start)
            && name_toks.last().is_some_and(|t| t.end == span.end)
            && name_toks
                .iter()
                .all(|t| matches!(t.tag, "nr" | "nrt" | "nrfg" | "nrf") || t.word == "·");
        // A name with a name dot (简·卡斯特) is a foreign name whatever its characters.
        let dotted = name.contains('·') && !name.starts_with('·') && !name.ends_with('·');
        let foreign =
            name.chars().all(|c| TRANSLIT.contains(c) || c == '·') || whole_name_tokens || dotted;
        // a dotted name may be long (巴依卡·凯力迪别克, nine characters with the dot)
        if !((2..=4).contains(&n) || foreign && (2..=8).contains(&n) || dotted && n <= 16) {
            continue;
        }
        if !name
            .chars()
            .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '·')
            || lex.not_names.contains(name)
            || lex.countries.contains(name)
            || lex.roles.contains(name)
            || name.ends_with(['区', '县', '市', '镇', '乡', '村', '街', '路', '省'])
            || lex.divisions.contains(name)
            || lex.division_short.contains(name)
            // a place and 籍, someone's native place (宋埠/ns 籍/ng 青年)
            || name_toks.last().is_some_and(|t| t.word == "籍")
                && name_toks.len() >= 2
                && name_toks[..name_toks.len() - 1].iter().any(|t| t.tag == "ns")
        {
            continue;
        }
        // A longer reading of a name the rules cut short at this mention (马尔 of 马尔西奥,
        // 刘易斯 of 卡尔·刘易斯): the tagger's span replaces it when all it adds is whole
        // name-tagged tokens or a name dot.
        if let Some(p) = found.iter_mut().find(|p| {
            span.start <= p.start && p.end <= span.end && span.end - span.start > p.end - p.start
        }) {
            let dotted = name.contains('·');
            let adds_names_only = name_toks
                .iter()
                .filter(|t| t.start < p.start || t.end > p.end)
                .all(|t| {
                    let inside = t.start >= span.start && t.end <= span.end;
                    let name_tag = matches!(t.tag, "nr" | "nrfg" | "nrt" | "nrf");
                    if t.end <= p.start || t.start >= p.end {
                        // a whole token outside the rules' name: a name piece, any word of a
                        // dotted foreign name (理查德·赖尔登), or one transliteration character
                        // jieba read as a word of its own (米/q 舒斯京/nr)
                        inside
                            && (name_tag
                                || t.word == "·"
                                || dotted && !t.is_punct()
                                // or transliteration jieba cut and tagged as anything
                                // (托马斯/nrt 多/m 蒂尔/nrt, 阿马拉/nrt 苏里亚/ns)
                                || (t.word.chars().all(|c| TRANSLIT.contains(c))
                                    && name.chars().all(|c| TRANSLIT.contains(c))
                                    && name.chars().count() >= 4))
                    } else {
                        // the rest of a name token the rules trimmed: only a character that
                        // also ends given names (李国能, 孙家正), never a verb (刘华说)
                        inside
                            && name_tag
                            && body.get(p.end..t.end).is_some_and(|rest| {
                                rest.chars().count() == 1
                                    && rest.chars().all(|c| NAME_END.contains(c))
                            })
                    }
                });
            if adds_names_only {
                p.start = span.start;
                p.end = span.end;
                p.first = first;
                p.last = last;
                p.name = name.to_string();
            }
            continue;
        }
        let Some(tok) = toks.get(first) else {
            continue;
        };
        // The name starts a token, or follows one grammar character glued to it (为景某).
        let glued = body
            .get(tok.start..span.start)
            .is_some_and(|pre| pre.chars().count() == 1 && is_function_word(pre));
        if tok.start != span.start && !glued {
            continue;
        }
        // A shorter or longer form of a name already found (王某 of 王某之) is that name; a
        // foreign name read in full where the rules found only a part of it elsewhere
        // (巴依卡·凯力迪别克 … 巴依卡, 米舒斯京 … 舒斯京) is the full name, merged later.
        let full_foreign = (name.contains('·') || name.chars().all(|c| TRANSLIT.contains(c)))
            && name.chars().count() >= 4;
        if found
            .iter()
            .any(|p| p.name.contains(name) || (!full_foreign && name.contains(p.name.as_str())))
        {
            continue;
        }
        let mut roles = ctx.roles_before(first, &spans);
        if let Some(next) = toks.get(last)
            && next.start == span.end
            && ctx.is_role_token(next)
            && next.chars() <= 3
        {
            roles.push(next.word.to_string());
        }
        if ctx.is_covered(span.start, span.end) || found.iter().any(|p| p.first == first) {
            continue;
        }
        found.push(PersonSpan {
            start: span.start,
            end: span.end,
            first,
            last,
            name: name.to_string(),
            roles,
        });
    }
    // jieba's names the tagger did not confirm at that mention count when it confirmed the
    // same name elsewhere in the body.
    //
    // A three-character name jieba tags in one word with a common family name (高梦洁/nr)
    // counts without it too: such tags are rarely wrong.
    for (s, e, name) in pending {
        if found.iter().any(|p| p.name == name) || (e == s + 1 && looks_like_full_name(&name)) {
            push(&mut found, s, e, name, Vec::new());
        }
    }
    // 秘书/n 佩/zg 斯科夫/nr: one transliteration character jieba left alone between a title
    // and a transliterated name is the name's first character.
    for p in &mut found {
        if p.first >= 2
            && p.name.chars().count() >= 2
            && p.name.chars().all(|c| TRANSLIT.contains(c))
            && let (Some(one), Some(title)) = (toks.get(p.first - 1), toks.get(p.first - 2))
            && one.chars() == 1
            && one.end == p.start
            && one.word.chars().all(|c| TRANSLIT.contains(c))
            && title.end == one.start
            && (ctx.is_role_token(title) || (title.tag.starts_with('n') && title.chars() >= 2))
        {
            p.name.insert_str(0, one.word);
            p.start = one.start;
            p.first -= 1;
        }
    }
    // 复种/燕麦草/nr, 种植/紫花苜蓿: a crop after a verb of planting is no name.
    found.retain(|p| {
        let crop = p
            .name
            .ends_with(['草', '麦', '稻', '菜', '薯', '豆', '瓜', '果']);
        let planted = p.first > 0
            && toks.get(p.first - 1).is_some_and(|t| {
                [
                    "种", "复种", "种植", "播种", "套种", "轮作", "收割", "栽种", "改种",
                ]
                .contains(&t.word)
            });
        !(crop && planted)
    });
    // 陈竺率/nr 代表团: the verb 率 (leading) jieba glued to a three-character name
    for p in &mut found {
        if p.name.chars().count() == 3
            && p.name.ends_with('率')
            && body
                .get(p.end..)
                .and_then(|r| r.chars().next())
                .is_some_and(crate::text::is_han)
        {
            p.name.pop();
            p.end -= '率'.len_utf8();
        }
    }
    found.sort_by_key(|p| p.start);
    // Lists: a name next to a known one across 、/和/与 is a name too.
    for _ in 0..8 {
        let mut added = false;
        let snapshot: Vec<(usize, usize, Vec<String>)> = found
            .iter()
            .map(|p| (p.first, p.last, p.roles.clone()))
            .collect();
        for &(first, last, ref roles) in &snapshot {
            if let Some(sep) = toks.get(last)
                && LIST_SEPS.contains(&sep.word)
                // an adjective jieba reads whole is no name (燕麦草、冷凉/a 蔬菜)
                && toks
                    .get(last + 1)
                    .is_none_or(|t| t.chars() < 2 || !matches!(t.tag, "a" | "ad"))
                && let Some((s, e, name)) = ctx.compose_at(last + 1)
            {
                let inherit = if sep.word != "," && !ctx.is_role_token_at(e) {
                    roles.clone()
                } else {
                    Vec::new()
                };
                let own = if s > 0 {
                    ctx.roles_before(s, &spans)
                } else {
                    Vec::new()
                };
                let r = if own.is_empty() { inherit } else { own };
                added |= push(&mut found, s, e, name, r);
            }
            if first >= 2
                && LIST_SEPS.contains(&toks[first - 1].word)
                && let Some((s, e, name)) = ctx.compose_before(first - 1)
                // before a comma, only an item that opens its clause or that jieba reads as a
                // name (活动/伊始，王某: the end of a phrase)
                && (toks[first - 1].word != ","
                    || s == 0
                    || toks[s - 1].is_punct()
                    || toks[s..e].iter().any(|t| is_name_tag(t.tag)))
            {
                let own = ctx.roles_before(s, &spans);
                added |= push(&mut found, s, e, name, own);
            }
        }
        // (a title handed on goes on down the list: 县领导A、B、C、D)
        let handed_on = found
            .iter()
            .zip(&snapshot)
            .any(|(p, (_, _, roles))| p.roles.len() != roles.len());
        if !added && !handed_on {
            break;
        }
    }
    // 向普京/nr 总统: a preposition jieba glued to a foreign head of state's name (a Chinese
    // family name 向 or 于 never holds these titles).
    for p in &mut found {
        if let Some(rest) = p
            .name
            .strip_prefix(['向', '同', '与', '和', '对', '给', '致'])
            && rest.chars().count() >= 2
            && toks
                .get(p.last)
                .is_some_and(|n| n.start == p.end && FOREIGN_HEADS.contains(&n.word))
        {
            p.start += p.name.len() - rest.len();
            p.name = rest.to_string();
        }
    }
    // X被任命为…书记, X担任…主任: a title given after the name.
    for p in &mut found {
        let mut k = p.last;
        let mut trigger = false;
        while k < toks.len() && k < p.last + 4 {
            match toks[k].word {
                "担任" | "任命" | "出任" | "当选" | "兼任" | "被任命为" | "当选为" => {
                    trigger = true
                }
                "被" | "为" => {}
                _ => break,
            }
            k += 1;
        }
        if !trigger {
            continue;
        }
        let from = k;
        while k < toks.len() && k < from + 12 && !toks[k].is_punct() {
            if ctx.is_role_token(&toks[k]) && !toks.get(k + 1).is_some_and(|n| ctx.is_role_token(n))
            {
                let role: String = toks[from..=k].iter().map(|t| t.word).collect();
                if !p.roles.contains(&role) {
                    p.roles.push(role);
                }
                break;
            }
            k += 1;
        }
    }
    found.sort_by_key(|p| p.start);
    found
}

/// 杨某、李某、陈某等县四套班子领导: a title written after a list of names and 等 is every
/// listed person's. The title runs over nouns (a level, a body, a group) to its last role word,
/// which may be glued to the next word (领导带头/n).
/// `found` is sorted by start.
pub fn titles_after_a_list(lex: &Lexicon, toks: &[Tok<'_>], found: &mut [PersonSpan]) {
    let ctx = Ctx {
        lex,
        toks,
        covered: Vec::new(),
    };
    for j in 0..found.len() {
        // (等 may be glued to the name's last character: 陈国/平等/a)
        let etc = toks.partition_point(|t| t.end <= found[j].end);
        if toks
            .get(etc)
            .is_none_or(|t| !t.word.ends_with('等') || t.end != found[j].end + '等'.len_utf8())
        {
            continue;
        }
        let mut title = None;
        let mut k = etc + 1;
        while k < toks.len() && k <= etc + 6 {
            let t = &toks[k];
            if ctx.is_role_token(t) {
                title = Some((k, t.word.len()));
            } else if let Some(head) = t.word.char_indices().skip(2).map(|(i, _)| i).find(|&i| {
                ctx.is_role_token(&Tok {
                    word: &t.word[..i],
                    ..*t
                })
            }) {
                title = Some((k, head));
                break;
            }
            let noun = matches!(t.tag, "n" | "nz" | "j" | "ns" | "nt" | "b" | "zg" | "vn")
                || ["省", "市", "县", "区", "镇", "乡", "村"].contains(&t.word);
            if t.is_punct() || !noun {
                break;
            }
            k += 1;
        }
        let Some((k, len)) = title else {
            continue;
        };
        let phrase: String = toks[etc + 1..k]
            .iter()
            .map(|t| t.word)
            .chain(std::iter::once(&toks[k].word[..len]))
            .collect();
        // the names listed before, across 、 (or 和, 与, 及)
        let mut first = j;
        while first > 0 {
            let (q, r) = (&found[first - 1], &found[first]);
            if r.first == q.last + 1
                && toks
                    .get(q.last)
                    .is_some_and(|t| LIST_SEPS[..4].contains(&t.word))
            {
                first -= 1;
            } else {
                break;
            }
        }
        for p in &mut found[first..=j] {
            if !p.roles.contains(&phrase) {
                p.roles.push(phrase.clone());
            }
        }
    }
}

impl Ctx<'_, '_> {
    fn is_role_token_at(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| self.is_role_token(t))
    }
}

/// The byte ends of a name of two and of three characters at the start of `rest`.
fn two_and_three(rest: &str) -> Option<(usize, usize)> {
    let mut ends = rest.char_indices().map(|(i, _)| i).skip(2);
    Some((ends.next()?, ends.next()?))
}

/// Whether `name` can be a person's name as written: ideographs opening with a family name, and
/// no country, division, title, body or word of amount.
fn plausible_name(lex: &Lexicon, name: &str) -> bool {
    all_cjk(name)
        && lex.has_surname(name)
        && !lex.not_names.contains(name)
        && !lex.countries.contains(name)
        && !lex.divisions.contains(name)
        && !lex.division_short.contains(name)
        && !lex.roles.contains(name)
        && lex.org_suffix(name).is_none()
        && !name.ends_with(['区', '县', '市', '镇', '乡', '村', '街', '路', '省'])
        && !name.chars().last().is_some_and(|c| STOP_CHARS.contains(c))
        && !["左右", "以上", "以下", "之间", "期间", "前后"]
            .iter()
            .any(|p| name.ends_with(p))
}

/// A name written between the body someone belongs to and their title (某某红会/刘枭/老师,
/// 某某中心/刘建康/工程师, 某某保健院/李卫东/书记): whatever jieba made of the name, the body's
/// end closes it on the left and the title on the right. A family name and one or two
/// characters, no known word of another kind.
pub fn names_between_a_body_and_a_title(
    lex: &Lexicon,
    body: &str,
    toks: &[Tok<'_>],
    orgs: &[OrgSpan],
    places: &[PlaceSpan],
    found: &mut Vec<PersonSpan>,
) {
    let mut added = Vec::new();
    for o in orgs {
        let Some(rest) = body.get(o.end..) else {
            continue;
        };
        let Some((two, three)) = two_and_three(rest) else {
            continue;
        };
        // a title as it is written first (书记, 工程师), then one known by its end (专职副会长);
        // the longer name first, since a title never starts with a name's last character
        for (end, strict) in [(three, true), (two, true), (three, false), (two, false)] {
            let name = &rest[..end];
            let after = &rest[end..];
            let title = after
                .char_indices()
                .skip(2)
                .take(5)
                .map(|(i, _)| &after[..i])
                .chain(std::iter::once(after).filter(|a| a.chars().count() <= 6))
                .filter(|w| {
                    TITLES_AFTER_NAME.contains(w)
                        || if strict {
                            lex.roles.contains(*w)
                        } else {
                            lex.is_role(w)
                        }
                })
                .last();
            let Some(title) = title else {
                continue;
            };
            let (start, end) = (o.end, o.end + end);
            // jieba's words: none runs over the name's end, and every word of two characters or
            // more in it is one jieba reads as a name (常务/b 副, 高度/d 重视, 董事/n 长, 曾/通报)
            let first = toks.partition_point(|t| t.end <= start);
            let last = toks.partition_point(|t| t.start < end);
            let words_fit = first < last
                && toks[first].start == start
                && toks[last - 1].end <= end
                && toks[first..last]
                    .iter()
                    .all(|t| t.chars() == 1 || is_name_tag(t.tag));
            let family_ok = name
                .chars()
                .next()
                .is_some_and(|c| COMMON_SURNAMES.contains(c))
                || is_name_tag(toks[first.min(toks.len().saturating_sub(1))].tag);
            if !words_fit
                || !family_ok
                || !plausible_name(lex, name)
                || lex.ordinary_name_words.contains(name)
                || lex.is_role(name)
                || name.chars().any(|c| STOP_CHARS.contains(c))
                || found
                    .iter()
                    .chain(&added)
                    .any(|p| p.start < end && start < p.end)
                || places.iter().any(|p| p.start < end && start < p.end)
                || orgs.iter().any(|x| x.start < end && start < x.end)
            {
                continue;
            }
            added.push(PersonSpan {
                start,
                end,
                first,
                last,
                name: name.to_string(),
                roles: vec![title.to_string()],
            });
            break;
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|p| p.start);
    }
}

/// A name every mention of which runs straight on into a place's or a compound's unit (东林/镇,
/// 宋陈/村, 娄葑/街道, 松涛苑/小区, 霍家桥/村民): the name of a place, not a person. A title that
/// starts with a unit's character (某某/县长, 某某/村主任) keeps the person.
pub fn drop_names_of_places(lex: &Lexicon, body: &str, spans: &mut Vec<PersonSpan>) {
    const UNITS: &[&str] = &[
        "村", "镇", "乡", "街道", "社区", "小区", "路", "街", "县", "区", "大道", "花园", "苑",
    ];
    let names: Vec<String> = spans.iter().map(|p| p.name.clone()).collect();
    let mut drop: Vec<&str> = Vec::new();
    for name in &names {
        if drop.contains(&name.as_str()) {
            continue;
        }
        // (every mention, so the first one not followed by a unit settles it)
        let mut mentions = 0;
        let all_placed = body.match_indices(name.as_str()).all(|(at, _)| {
            mentions += 1;
            let after = &body[at + name.len()..];
            UNITS.iter().any(|u| after.starts_with(u))
                && !after
                    .char_indices()
                    .skip(2)
                    .take(5)
                    .any(|(i, _)| lex.roles.contains(&after[..i]))
        });
        if mentions > 0 && all_placed {
            drop.push(name.as_str());
        }
    }
    if !drop.is_empty() {
        spans.retain(|p| !drop.contains(&p.name.as_str()));
    }
}

/// A name every mention of which stands inside a work's title in 《》 or inside a longer phrase in
/// quotation marks (《包公断后》, “童乐童趣”, “‘粽’夏暖心,端午叙情”): a word of the title or the
/// slogan, not a person the text is about. A name quoted alone (网民“某某”) stays.
pub fn drop_names_inside_titles_and_slogans(body: &str, spans: &mut Vec<PersonSpan>) {
    let enclosing = |at: usize, len: usize| -> bool {
        // (a mark opens at most 60 characters before: look no further back)
        let mut lo = at.saturating_sub(180);
        while !body.is_char_boundary(lo) {
            lo += 1;
        }
        for (open, close) in [('《', '》'), ('“', '”')] {
            let Some(o) = body[lo..at].rfind(open).map(|o| lo + o) else {
                continue;
            };
            if body[o..at].contains(close) {
                continue;
            }
            let Some(c) = body[at..].find(close) else {
                continue;
            };
            let inner = body[o + open.len_utf8()..at + c].chars().count();
            let name = body[at..at + len].chars().count();
            if c <= 60 && (open == '《' || inner > name) {
                return true;
            }
        }
        false
    };
    let mut drop: Vec<String> = Vec::new();
    for p in spans.iter() {
        if drop.contains(&p.name) || !p.roles.is_empty() {
            continue;
        }
        let mut mentions = 0;
        let inside = memmem::find_iter(body.as_bytes(), p.name.as_bytes()).all(|at| {
            mentions += 1;
            enclosing(at, p.name.len())
        });
        if mentions > 0 && inside {
            drop.push(p.name.clone());
        }
    }
    if !drop.is_empty() {
        spans.retain(|p| !drop.contains(&p.name));
    }
}

/// Words that follow a person's name in a report of what they did or said (崔某某说, 白某某老人,
/// 周某某是…村民).
const AFTER_A_NAME: &[&str] = &[
    "老人",
    "老汉",
    "大爷",
    "大娘",
    "说",
    "是",
    "告诉",
    "介绍",
    "表示",
    "笑着",
    "激动",
    "高兴",
    "兴奋",
    "感慨",
    "一家",
    "夫妇",
    "老两口",
    "今年",
    "已经",
    "每天",
    "参加",
    "从",
    "在",
    "家",
    "和",
    "、",
    "，",
    ",",
    "。",
    "：",
    ":",
    "向",
    "为",
    "还",
    "也",
    "用",
    "带领",
    "带队",
    "带头",
    "出席",
    "主持",
    "讲话",
    "致辞",
    "指出",
    "强调",
    "一行",
    "等",
    "代表",
    "率",
    "陪同",
    "来到",
    "走进",
    "深入",
    "通过",
    "正在",
    "亲自",
    "详细",
    "认真",
    "热情",
    "化身",
    "举办",
    "激动地",
];

/// A name right after an age or the body someone belongs to and 的 (80岁的/崔某某/说, 某某车队的/
/// 范某/参加, 某某中心的/朱某某/从), or right after a title or a standing (县领导/何某某/参加): a
/// common family name and one or two characters, followed by a word of what people do or say
/// (`AFTER_A_NAME`); the longer reading first. No word jieba reads as something else may run
/// over the name's end.
pub fn names_after_an_age_a_body_or_a_title(
    lex: &Lexicon,
    body: &str,
    toks: &[Tok<'_>],
    orgs: &[OrgSpan],
    places: &[PlaceSpan],
    is_word: impl Fn(&str) -> bool,
    found: &mut Vec<PersonSpan>,
) {
    let mut added = Vec::new();
    // (start of the name, the title written right before it)
    let mut starts: Vec<(usize, Option<&str>)> = Vec::new();
    for (at, _) in body.match_indices("的") {
        let before = &body[..at];
        let aged = before.strip_suffix('岁').is_some_and(|b| {
            b.chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        });
        if aged || orgs.iter().any(|o| o.end == at) {
            starts.push((at + "的".len(), None));
        }
    }
    // a title or a standing right before (县委书记/钦某某/带头, 护林员/官某某/,)
    for w in toks.windows(2) {
        if w[0].end == w[1].start
            && w[0].chars() >= 2
            && (lex.is_role(w[0].word) || super::is_standing(w[0].word))
        {
            starts.push((w[1].start, Some(w[0].word)));
        }
    }
    starts.sort_unstable();
    for (start, title) in starts {
        let rest = &body[start..];
        let Some(family) = rest.chars().next() else {
            continue;
        };
        // (向/光荣, 曾经/靠: a preposition or an adverb that is also a family name, after a
        // title, opens the clause)
        if !COMMON_SURNAMES.contains(family)
            || (title.is_some()
                && (is_function_word(&rest[..family.len_utf8()])
                    || "向于曾和与将把被对从在为以".contains(family)))
        {
            continue;
        }
        let Some((two, three)) = two_and_three(rest) else {
            continue;
        };
        for end in [three, two] {
            let name = &rest[..end];
            let after = &rest[end..];
            let (s, e) = (start, start + end);
            let first = toks.partition_point(|t| t.end <= s);
            let last = toks.partition_point(|t| t.start < e);
            if !AFTER_A_NAME.iter().any(|w| after.starts_with(w))
                || first >= last
                || toks[first].start != s
                || toks[last - 1].end != e
                || !plausible_name(lex, name)
                || name.chars().skip(1).any(|c| STOP_CHARS.contains(c))
                || lex.ordinary_name_words.contains(name)
                // (汪某, 余某菊: a name withheld is no name; 苏小: a nickname's head)
                || name.contains('某')
                || name.ends_with(['小', '老'])
                // (李/奶奶, 张/大爷: a way of addressing someone unnamed; 高龄: a word)
                || HONORIFICS.contains(&&name[family.len_utf8()..])
                || is_word(name)
                || lex.is_role(name)
                || found.iter().chain(&added).any(|p| p.start < e && s < p.end)
                || places.iter().any(|p| p.start < e && s < p.end)
                || orgs.iter().any(|x| x.start < e && s < x.end)
            {
                continue;
            }
            added.push(PersonSpan {
                start: s,
                end: e,
                first,
                last,
                name: name.to_string(),
                roles: title.map(str::to_string).into_iter().collect(),
            });
            break;
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|p| p.start);
    }
}

/// How often each of `names` occurs in `body`, counted like `body.matches(name).count()`
/// (left to right, a name not overlapping itself) with memchr's vectorised substring search.
fn mention_counts(body: &str, names: &[String]) -> Vec<usize> {
    names
        .iter()
        .map(|name| memmem::find_iter(body.as_bytes(), name.as_bytes()).count())
        .collect()
}

/// One record per name: roles gathered over all mentions, mentions counted in the body.
pub fn to_records(body: &str, spans: &[PersonSpan]) -> Vec<Person> {
    let mut order: Vec<String> = Vec::new();
    let mut roles: FastMap<&str, Vec<String>> = FastMap::default();
    for s in spans {
        let r = roles.entry(s.name.as_str()).or_insert_with(|| {
            order.push(s.name.clone());
            Vec::new()
        });
        for role in &s.roles {
            if !r.contains(role) {
                r.push(role.clone());
            }
        }
    }
    let mentions = mention_counts(body, &order);
    order
        .into_iter()
        .zip(mentions)
        .map(|(name, mentions)| {
            // A name merged from its short forms (巴依卡 … 巴依卡·凯力迪别克, 冯富珍 … 陈冯富珍)
            // is mentioned wherever a short form stood, not only where the full name is written.
            let spans_of_name = spans.iter().filter(|s| s.name == name).count();
            let mentions = mentions.max(spans_of_name).max(1);
            let mut roles = roles.remove(name.as_str()).unwrap_or_default();
            // A bare title that a fuller one of the same person ends with (理事长 beside
            // 基金会理事长) is that title.
            let full = roles.clone();
            roles.retain(|r| !full.iter().any(|f| f != r && f.ends_with(r.as_str())));
            Person {
                name,
                roles,
                mentions,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spans of the first mention of each name in `body`.
    fn spans_at(body: &str, names: &[&str]) -> Vec<PersonSpan> {
        names
            .iter()
            .map(|name| {
                let at = body.find(name).unwrap();
                PersonSpan {
                    start: at,
                    end: at + name.len(),
                    first: 0,
                    last: 0,
                    name: (*name).to_string(),
                    roles: Vec::new(),
                }
            })
            .collect()
    }

    #[test]
    fn a_given_name_jieba_joined_to_the_verb_after_it_is_taken_back() {
        let body = "新闻发言人潘安君介绍，王芳说。";
        let mut spans = spans_at(body, &["潘安", "王芳"]);
        lengthen_cut_names(body, None, &mut spans);
        assert_eq!(spans[0].name, "潘安君");
        // a verb right after the name takes nothing (王芳|说)
        assert_eq!(spans[1].name, "王芳");
        // the end of a list item or a line
        let body = "主讲人：王成元\n党员李德荣将100元捐款交给社区。";
        let mut spans = spans_at(body, &["王成", "李德"]);
        lengthen_cut_names(body, None, &mut spans);
        assert_eq!(spans[0].name, "王成元");
        // a reading only the tagger gives takes no character (李德/荣将)
        assert_eq!(spans[1].name, "李德");
        // a word after the name jieba joined its last character to (王弟/军入选, 王明/成家的)
        let body = "搬迁群众王弟军入选榜单，贫困户王明成家的房屋受损。";
        let mut spans = spans_at(body, &["王弟", "王明"]);
        lengthen_cut_names(body, None, &mut spans);
        assert_eq!(spans[0].name, "王弟军");
        assert_eq!(spans[1].name, "王明成");
    }

    #[test]
    fn mention_counts_count_like_str_matches() {
        let body = "王芳芳和王芳一起走访。王芳说，芳芳芳芳都来了；王芳芳芳。";
        let names: Vec<String> = ["王芳", "王芳芳", "芳芳", "李明"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let expected: Vec<usize> = names
            .iter()
            .map(|n| body.matches(n.as_str()).count())
            .collect();
        assert_eq!(mention_counts(body, &names), expected);
        assert_eq!(expected, [4, 2, 4, 0]);
    }
}
