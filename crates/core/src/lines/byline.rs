//! Byline grammar: recognises metadata lines (记者/编辑/通讯员/作者/摄影 credits, 来源,
//! 发布时间, counters, 关键词), including glued forms such as `【记者 谭啟菊】`,
//! `(记者赵燕通讯员陈轶群)`, `2022-06-18常菁菁焦超超` and
//! `作者:临澧党建网发布时间:2020-03-19 16:44:06`, and splits glued name lists into names.

use crate::lines::meta;
use crate::record::{Byline, BylineRole};
use crate::text::fold_char;
use crate::text::is_han;
use crate::text::{FastMap, FastSet};
use std::sync::OnceLock;

/// What a metadata line says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// Publish time, ISO.
    pub published_at: Option<String>,
    /// Outlet (来源, 据…).
    pub publication: Option<String>,
    /// Credited people.
    pub bylines: Vec<Byline>,
    /// 关键词 words.
    pub keywords: Vec<String>,
    /// 来源 said the site wrote the page itself (本站原创): the site is the outlet.
    pub own_site: bool,
    /// The outlet was printed in a 来源 slot (it wins over one read from an unlabelled line).
    pub labelled_source: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Role(BylineRole),
    Source,
    /// 发文机关: the body that issued a government page; its outlet only when no 来源 slot
    /// names one.
    Issuer,
    Time,
    Counter,
    Keywords,
    /// 文/图: the writer is the photographer too.
    AuthorPhotographer,
    /// 所属分类, 栏目: the site section the page is filed under.
    Section,
    /// 字体, 打印, 分享: a page control; its value may only be size words.
    Widget,
    /// 标签: the site's tag words, declaring no keywords (the dev gold's convention).
    Tags,
    /// 审核, 校对 …: credited, but not a byline role of the record.
    Other,
}

/// The label vocabulary of metadata lines (`data/meta_labels.txt`).
const LABELS: &str = include_str!("../../data/meta_labels.txt");

/// Labels, longest first so that 责任编辑 wins over 编辑.
fn labels() -> &'static [(String, Label)] {
    static TABLE: OnceLock<Vec<(String, Label)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        use BylineRole::*;
        let mut v: Vec<(String, Label)> = LABELS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let (label, kind) = l.split_once('\t')?;
                let kind = match kind.trim() {
                    "editor" => Label::Role(Editor),
                    "reporter" => Label::Role(Reporter),
                    "correspondent" => Label::Role(Correspondent),
                    "author" => Label::Role(Author),
                    "photographer" => Label::Role(Photographer),
                    "source" => Label::Source,
                    "issuer" => Label::Issuer,
                    "time" => Label::Time,
                    "counter" => Label::Counter,
                    "keywords" => Label::Keywords,
                    "widget" => Label::Widget,
                    "tags" => Label::Tags,
                    "author+photographer" => Label::AuthorPhotographer,
                    "section" => Label::Section,
                    "other" => Label::Other,
                    _ => return None,
                };
                Some((label.trim().to_string(), kind))
            })
            .collect();
        v.sort_by_key(|(s, _)| std::cmp::Reverse(s.chars().count()));
        v
    })
}

/// Single-character surnames, and compound surnames as character pairs.
struct Surnames {
    single: FastSet<char>,
    compound: FastSet<[char; 2]>,
}

fn surnames() -> &'static Surnames {
    static S: OnceLock<Surnames> = OnceLock::new();
    S.get_or_init(|| {
        let mut s = Surnames {
            single: FastSet::default(),
            compound: FastSet::default(),
        };
        for line in include_str!("../../data/surnames.txt").lines() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            for w in line.split_whitespace() {
                let chars: Vec<char> = w.chars().collect();
                match chars[..] {
                    [c] => {
                        s.single.insert(c);
                    }
                    // Only a two-character compound can match the two characters looked up.
                    [a, b] => {
                        s.compound.insert([a, b]);
                    }
                    _ => {}
                }
            }
        }
        s
    })
}

/// Length in chars of the surname `chars` starts with (0 when none).
fn surname_len(chars: &[char]) -> usize {
    let s = surnames();
    match chars {
        [a, b, ..] if s.compound.contains(&[*a, *b]) => 2,
        [a, ..] => usize::from(s.single.contains(a)),
        [] => 0,
    }
}

/// Characters that never occur in a personal name written in a byline.
fn is_name_char(c: char) -> bool {
    is_han(c) || c == '·'
}

/// Splits a glued run of names (`常菁菁焦超超`, `彭沛黎俊`) into names, each starting with a
/// known surname. `None` when no split fits.
pub fn split_glued_names(token: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = token.chars().collect();
    if chars.is_empty() || !chars.iter().all(|c| is_name_char(*c)) {
        return None;
    }
    // words that start with a family name's character but name nobody in a credit
    if COMMON_CREDIT_WORDS.contains(&token) {
        return None;
    }
    let n = chars.len();
    if n <= 3 {
        return (n >= 2 && surname_len(&chars) > 0).then(|| vec![token.to_string()]);
    }
    if n == 4 && surname_len(&chars) == 2 {
        return Some(vec![token.to_string()]);
    }
    // best[i] = fewest names covering chars[i..]; prefer 3-character names on ties.
    let mut best: Vec<Option<Vec<usize>>> = vec![None; n + 1];
    best[n] = Some(Vec::new());
    for i in (0..n).rev() {
        let s = surname_len(&chars[i..]);
        if s == 0 {
            continue;
        }
        for len in [3, 2, 4] {
            if len == 4 && s != 2 {
                continue;
            }
            if i + len <= n
                && let Some(rest) = &best[i + len]
            {
                let candidate: Vec<usize> =
                    std::iter::once(len).chain(rest.iter().copied()).collect();
                let better = match &best[i] {
                    None => true,
                    Some(cur) => candidate.len() < cur.len(),
                };
                if better {
                    best[i] = Some(candidate);
                }
            }
        }
    }
    let lens = best[0].clone()?;
    let mut out = Vec::new();
    let mut at = 0;
    for len in lens {
        out.push(chars[at..at + len].iter().collect());
        at += len;
    }
    Some(out)
}

/// Reporters credited inside the text with the verb of reporting (`记者　陈伟斌　整理报道`,
/// `记者王芳报道`): the byte range of each credit and its names.
pub fn inline_report_credits(text: &str) -> Vec<(std::ops::Range<usize>, Vec<String>)> {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        #[allow(clippy::unwrap_used)]
        regex::Regex::new(r"(?:本报)?记者[\s　]*(\p{Han}{2,4}?(?:[\s　、]+\p{Han}{2,4}?){0,2}?)[\s　]*(?:整理|综合)?报道")
            .unwrap()
    });
    re.captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let names = parse_names(c.get(1)?.as_str())?;
            Some((whole.range(), names))
        })
        .collect()
}

/// The names in a credit value (`彭沛 黎俊`, `谭啟菊`, `常菁菁焦超超`); `None` when the value
/// is not a list of personal names.
pub fn parse_names(value: &str) -> Option<Vec<String>> {
    if names_nobody(value) {
        return None;
    }
    // `李 倩`, `吉 映`: one name spaced out a character at a time
    if let Some(name) = spaced_out_name(value) {
        return (!MENU_WORDS.contains(&name.as_str())).then(|| vec![name]);
    }
    // `陈某玲 杨 邱`: one of several names spaced out a character at a time
    let joined = join_spaced_out_name(value);
    let value = joined.as_deref().unwrap_or(value);
    let mut out = Vec::new();
    for token in value
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '，' | '、' | ';' | '；' | '/'))
        .filter(|t| !t.is_empty())
    {
        // Editor ids some CMSs append: 杨倩_NF4425. The id marks a staff handle, which may be
        // a pen name without a common family name (化成雨_NBJ11143).
        // A stray digit glued after a name (`作者:陈某某0`), debris of a counter.
        let token = match token.trim_end_matches(|c: char| c.is_ascii_digit()) {
            name if name.len() < token.len()
                && (2..=4).contains(&name.chars().count())
                && name.chars().all(is_han) =>
            {
                name
            }
            _ => token,
        };
        // a paper's name is no writer's (`时报`, `巩义时报`), nor a 云上 app's (`云上黄石`)
        if token.chars().count() >= 2 && token.ends_with(['报', '网'])
            || (4..=6).contains(&token.chars().count()) && token.starts_with("云上")
        {
            return None;
        }
        // nor a menu's words (`宁波 国内`: a site's channels, no names), nor a town or a
        // village (`某亭镇、某川镇`: the units that sent the story)
        if MENU_WORDS.contains(&token)
            || (token.chars().count() >= 3 && token.ends_with(['镇', '乡', '村', '县', '市', '省']))
        {
            return None;
        }
        // a station's name among its reporters (`刘某超 江北台 陈某迪`) is theirs, no writer
        if (3..=5).contains(&token.chars().count())
            && token.ends_with('台')
            && token.chars().all(is_han)
        {
            continue;
        }
        let (token, staff_id) = match token.find('_') {
            Some(i)
                if i + 1 < token.len()
                    && token[i + 1..].chars().all(|c| c.is_ascii_alphanumeric()) =>
            {
                (&token[..i], true)
            }
            _ => (token, false),
        };
        match split_glued_names(token) {
            Some(names) => out.extend(names),
            None if staff_id
                && (2..=4).contains(&token.chars().count())
                && token.chars().all(is_han) =>
            {
                out.push(token.to_string())
            }
            None => match outlet_then_name(token) {
                Some(name) => out.push(name),
                None => return None,
            },
        }
    }
    (!out.is_empty()).then_some(out)
}

/// `李 倩`, `吉 映`: two or three single characters that read as one name, joined.
fn spaced_out_name(value: &str) -> Option<String> {
    let singles: Vec<&str> = value.split_whitespace().collect();
    if !(2..=3).contains(&singles.len())
        || !singles
            .iter()
            .all(|t| t.chars().count() == 1 && t.chars().all(is_han))
    {
        return None;
    }
    let joined = singles.concat();
    split_glued_names(&joined)
        .is_some_and(|n| n.len() == 1)
        .then_some(joined)
}

/// `陈某玲 杨 邱` -> `陈某玲 杨邱`: a run of two or three single characters among spaced names
/// that reads as one name, joined; `None` when there is no such run.
fn join_spaced_out_name(value: &str) -> Option<String> {
    let pieces: Vec<&str> = value.split_whitespace().collect();
    let single = |p: &str| p.chars().count() == 1 && p.chars().all(is_han);
    let start = pieces.iter().position(|p| single(p))?;
    let len = pieces[start..].iter().take_while(|p| single(p)).count();
    let one_name = |run: &[&str]| {
        let name = run.concat();
        split_glued_names(&name)
            .is_some_and(|n| n.len() == 1)
            .then_some(name)
    };
    // (`罗 亮 杨 怡`: two two-character names spaced out together)
    let names: Vec<String> = match len {
        2 | 3 if pieces.len() > len => vec![one_name(&pieces[start..start + len])?],
        4 => vec![
            one_name(&pieces[start..start + 2])?,
            one_name(&pieces[start + 2..start + 4])?,
        ],
        _ => return None,
    };
    let mut out: Vec<String> = pieces[..start].iter().map(|p| p.to_string()).collect();
    out.extend(names);
    out.extend(pieces[start + len..].iter().map(|p| p.to_string()));
    Some(out.join(" "))
}

/// Provinces and regions by their short names (a social post prints where it was sent from).
const PROVINCES: &[&str] = &[
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "台湾",
    "内蒙古",
    "广西",
    "西藏",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
];

/// Web portals whose regional channels sign reports with their name and region (网易山西).
const PORTALS: &[&str] = &["网易", "腾讯", "新浪", "搜狐", "凤凰"];

/// Words of a credit line that start like a name (单 of 单位, 居 of 居民, 文 of 文章).
const COMMON_CREDIT_WORDS: &[&str] = &["单位", "居民", "文章", "部门", "网友", "群众", "市民"];

/// A labelled slot's value that reads as one name although it opens with no family name we
/// know (`德吉`, `娜布琴花`; spaced out: `夕 介`): two to four Chinese characters, no unit, no
/// common word.
fn unlisted_name(value: &str) -> Option<String> {
    let tokens: Vec<&str> = value.split_whitespace().collect();
    // (`梁 海燕`: a family name spaced off the given name)
    let spaced_given = tokens.len() == 2
        && tokens[0].chars().count() == 1
        && tokens[1].chars().count() == 2
        && split_glued_names(&tokens.concat()).is_some_and(|n| n.len() == 1);
    let name = if tokens.len() > 1 && tokens.iter().all(|t| t.chars().count() == 1) || spaced_given
    {
        tokens.concat()
    } else if tokens.len() == 1 {
        tokens[0].to_string()
    } else {
        return None;
    };
    // (`小高`: a nickname; `编辑点评`, `作者: 语音阅读`: a widget's word)
    const NOT_NAMES: &[&str] = &[
        "点评", "语音", "报道", "视频", "图片", "供图", "文字", "配图", "整理", "推荐", "阅读",
        "分享", "转载", "原创", "网友", "不详", "暂无", "同志",
    ];
    let n = name.chars().count();
    ((2..=4).contains(&n)
        && name.chars().all(is_han)
        && (n > 2 || !name.starts_with(['小', '老', '阿']))
        && !NOT_NAMES.contains(&name.as_str())
        && !is_outlet_name(&name)
        && !["在线", "融媒", "传媒", "媒体", "发布", "新闻"]
            .iter()
            .any(|e| name.ends_with(e))
        && !is_org_like(&name)
        && !names_nobody(&name)
        && !COMMON_CREDIT_WORDS.contains(&name.as_str()))
    .then_some(name)
}

/// A site's account or a unit in a name slot (`作者:管理员`, `作者:银光路社区`): no name.
fn names_nobody(value: &str) -> bool {
    let v = value.trim();
    NOT_WRITERS.contains(&v)
        // (`编辑:黄小编`: a handle)
        || [
            "社区", "街道", "小区", "村委", "办公室", "编辑部", "小编", "幼儿园", "学校", "小学",
            "中学",
        ]
            .iter()
            .any(|u| v.ends_with(u))
}

/// A media centre without its place names no outlet (`融媒体中心通讯员 某某`).
const GENERIC_MEDIA: &[&str] = &[
    "融媒体中心",
    "新闻中心",
    "全媒体中心",
    "媒体中心",
    "全媒体",
    "融媒体",
];

/// Words written in a writer's slot that name nobody.
/// A site's channel words, which a menu prints in rows of two like names (`宁波 国内`).
const MENU_WORDS: &[&str] = &[
    "国内",
    "国际",
    "国外",
    "省内",
    "本地",
    "地方",
    "时评",
    "专题",
    "图片",
    "直播",
    "点播",
    "动态",
    "主持",
    "广告",
    "集团",
    "品牌",
    "广电",
    "新闻",
    "视频",
    "财经",
    "体育",
    "娱乐",
    "健康",
    "教育",
    // a disclosure table's field names, spaced out like a name (`文 号 | 成文日期:…`)
    "文号",
    "体裁",
    "索引号",
];

const NOT_WRITERS: &[&str] = &[
    "消息",
    "管理员",
    "网站运维",
    "运维",
    "未知",
    "编辑部",
    "小编",
    "本站",
    "佚名",
    "匿名",
    "原创",
    "网友",
    "admin",
];

/// A co-reporter's outlet glued before the name in a credit list (`满洲里电台崔艳凤`): the name.
fn outlet_then_name(token: &str) -> Option<String> {
    ["电视台", "电台", "日报", "晚报", "报社", "新闻网"]
        .iter()
        .find_map(|outlet| {
            let at = token.find(outlet)? + outlet.len();
            let (head, name) = token.split_at(at);
            ((2..).contains(&head.chars().count()) && (2..=3).contains(&name.chars().count()))
                .then(|| split_glued_names(name))
                .flatten()
                .filter(|n| n.len() == 1)
                .and_then(|n| n.into_iter().next())
        })
}

/// Names followed by an affiliation (`张三 市委组织部`, from `张三（市委组织部）`): the names,
/// when every other token is a longer organisation-like word.
fn names_with_affiliation(value: &str) -> Option<Vec<String>> {
    if names_nobody(value) {
        return None;
    }
    let mut names = Vec::new();
    for token in value.split_whitespace() {
        // `巩义时报 吴某 宋某`: the co-reporters' paper, not two names; `… 单位审核:`: a word of
        // the next credit's label
        if token.chars().count() >= 3 && is_outlet_name(token)
            || COMMON_CREDIT_WORDS.contains(&token)
        {
            continue;
        }
        match split_glued_names(token) {
            Some(n) if names.is_empty() || token.chars().count() <= 3 => names.extend(n),
            _ if token.chars().count() >= 4 && is_org_like(token) => {}
            // `团区委何某达`: the writer's unit glued to the name
            _ if unit_then_name(token).is_some() => names.extend(unit_then_name(token)),
            // `通讯员:某某社工某某项目 洪某某`: a unit's or project's long name, no one's
            _ if token.chars().count() >= 6 && token.chars().all(is_han) => {}
            _ => return None,
        }
    }
    (!names.is_empty()).then_some(names)
}

/// A writer's name glued after their unit (`团区委何某达`, `区妇联李某`): the name.
pub(crate) fn unit_then_name(token: &str) -> Option<String> {
    let chars: Vec<char> = token.chars().collect();
    (2..=3).rev().find_map(|k| {
        let cut = chars.len().checked_sub(k)?;
        let (unit, name): (String, String) =
            (chars[..cut].iter().collect(), chars[cut..].iter().collect());
        (unit.chars().count() >= 2
            && unit.ends_with(['委', '局', '部', '办', '联', '处', '所', '站', '队', '院'])
            && split_glued_names(&name).is_some_and(|n| n.len() == 1 && n[0] == name))
        .then_some(name)
    })
}

/// A credit slot's list of spaced two- and three-character words most of which read as
/// names (`问某某 张某某 陆某某`, the first with a rare family name): all of them.
fn mostly_names(value: &str) -> Option<Vec<String>> {
    let tokens: Vec<&str> = value.split_whitespace().collect();
    if tokens.len() < 2
        || !tokens
            .iter()
            .all(|t| (2..=3).contains(&t.chars().count()) && t.chars().all(is_han))
        || tokens
            .iter()
            .any(|t| names_nobody(t) || NOT_WRITERS.contains(t))
    {
        return None;
    }
    let named = tokens
        .iter()
        .filter(|t| split_glued_names(t).is_some_and(|n| n.len() == 1))
        .count();
    (named * 2 > tokens.len()).then(|| tokens.iter().map(|t| t.to_string()).collect())
}

/// A credit value without the kind of work written after the names (`陈智 整合`,
/// `王芳 报道`, `张三 摄`), and whether that work was a photograph (`记者何问/摄`: the
/// reporter is credited as the photographer).
fn strip_work_words(value: &str) -> (&str, bool) {
    const WORK: [&str; 9] = [
        "整合", "整理", "报道", "综合", "编译", "采写", "摄", "文", "图",
    ];
    let mut v = value.trim();
    // `李莹 临沂报道`: where the writers filed from, after their names.
    if let Some((head, last)) = v.rsplit_once(char::is_whitespace)
        && let Some(place) = last.strip_suffix("报道")
        && (2..=4).contains(&place.chars().count())
        && place.chars().all(is_han)
        && split_glued_names(place).is_none()
    {
        v = head.trim_end();
    }
    for w in WORK {
        if let Some(head) = v.strip_suffix(w)
            && head.ends_with([' ', '/'])
        {
            // (`陈某/文 蔡某/图`: 图 after a name credits the pictures)
            return (
                head.trim_end_matches([' ', '/']),
                w == "摄" || (w == "图" && head.ends_with('/')),
            );
        }
    }
    (v, false)
}

/// A site's masthead written before a date (`www.nhnews.com.cn 宁海新闻网`): Some(site name),
/// or Some(None) for an address alone; None when `prefix` is anything else.
fn site_masthead(prefix: &str) -> Option<Option<String>> {
    let mut site = None;
    for token in prefix.split_whitespace() {
        let address = token.is_ascii()
            && token.contains('.')
            && token.chars().any(|c| c.is_ascii_alphabetic())
            && token
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/' | ':' | '_'));
        if address {
            continue;
        }
        if site.is_none()
            && is_org_like(token)
            && !GENERIC_MEDIA.contains(&token)
            && (token.chars().count() >= 4 || split_glued_names(token).is_none())
        {
            site = Some(token.to_string());
            continue;
        }
        return None;
    }
    Some(site)
}

/// `《某某商报》(2023年7月11日4版)`, `《某某日报》 2023年7月11日 第04版`: a paper's name in title
/// marks, then the day of the issue and the page: the publication and the publish date.
fn paper_issue_line(line: &str) -> Option<Meta> {
    let t = line.trim();
    // (the paper in title marks, or unmarked before a space: `某某日报 2月19日 A1版 作者 某某`)
    let (paper, after) = match t.strip_prefix('《') {
        Some(rest) => rest.split_once('》')?,
        None => {
            let (paper, after) = t.split_once(char::is_whitespace)?;
            if !is_outlet_name(paper) {
                return None;
            }
            (paper, after)
        }
    };
    let n = paper.chars().count();
    if !(2..=12).contains(&n) || !paper.chars().all(is_han) || !paper.ends_with(['报', '刊']) {
        return None;
    }
    let inner = after.trim().trim_start_matches(['(', '（']).trim();
    let times = meta::find_times(inner);
    // the issue's day, with its year (or a month and day alone: `2月19日`)
    let (day_end, iso) = match times.first().filter(|f| inner[..f.start].trim().is_empty()) {
        Some(first) => (first.end, Some(first.iso.clone())),
        None => (month_day_len(inner)?, None),
    };
    // what follows the day is the page and nothing more (`4版`, `第04版`, `A3版`, `) 05版`),
    // or the page and its writer (`A1版 作者 某某`)
    let rest = inner[day_end..].trim_start_matches([')', '）', ' ', '\u{3000}']);
    let (page, writer) = match rest.split_once('版') {
        Some((page, writer)) => (page, writer.trim_start_matches([')', '）']).trim()),
        None => return None,
    };
    let page = page.trim().strip_prefix('第').unwrap_or(page.trim());
    let page = page.trim_end_matches([')', '）']);
    if page.is_empty()
        || page.chars().count() > 4
        || !page.chars().all(|c| c.is_ascii_alphanumeric())
    {
        return None;
    }
    let mut m = Meta {
        publication: Some(paper.to_string()),
        // (a day without its year dates no issue)
        published_at: iso,
        ..Meta::default()
    };
    if !writer.is_empty() {
        let name = writer
            .strip_prefix("作者")
            .map(|w| w.trim_start_matches([':', '：', ' ', '\u{3000}']))?;
        for name in parse_names(name)? {
            push_byline(&mut m.bylines, BylineRole::Author, name);
        }
    }
    Some(m)
}

/// The byte length of a month and day opening `text` (`2月19日`), if one does.
fn month_day_len(text: &str) -> Option<usize> {
    let month = text.find('月')?;
    let day = text.find('日')?;
    let digits = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    (month < day && digits(&text[..month]) && digits(&text[month + '月'.len_utf8()..day]))
        .then_some(day + '日'.len_utf8())
}

/// True when a credit value names an organisation or website rather than a person.
pub(crate) fn is_org_like(value: &str) -> bool {
    let n = value.chars().count();
    // `云上黄石`: the 长江云 family of county news apps, 云上 and the place
    if value.starts_with("云上") && (4..=6).contains(&n) {
        return true;
    }
    (2..=24).contains(&n)
        && !value
            .chars()
            .any(|c| matches!(c, '。' | '，' | ',' | '；' | ';' | '！' | '？'))
        && [
            "网",
            "报",
            "社",
            "台",
            // a radio channel: 中国之声, 经济之声
            "之声",
            "站",
            "中心",
            "委",
            "局",
            "部",
            "办",
            "会",
            "院",
            "校",
            "馆",
            "宫",
            "融媒",
            "所",
            "处",
            "队",
            "室",
            "科",
            "组",
            "镇",
            "乡",
            "街道",
            "区",
            "县",
            "市",
            "村",
            "支部",
            "总支",
            "党委",
            "政府",
            "公司",
            "集团",
            "频道",
            "客户端",
            "新闻",
            "号",
            "杂志",
            "期刊",
            "平台",
            "妇联",
            "残联",
            "侨联",
            "文联",
            "工商联",
            "科协",
        ]
        .iter()
        .any(|s| value.ends_with(s))
}

/// Normalises a line for the byline grammar: full-width ASCII folded, brackets and bars to
/// spaces, the pinyin glosses some reposting sites insert (`發(fā)布`) removed.
fn normalise(line: &str) -> String {
    let folded: String = line.chars().map(fold_char).collect();
    strip_pinyin(&folded)
        .chars()
        .map(|c| match c {
            '【' | '】' | '[' | ']' | '(' | ')' | '|' | '丨' | '〔' | '〕' | '<' | '>' | '《'
            | '》' => ' ',
            // (`□ 张某某`: a paper's byline mark; `○○全媒体记者`: an outlet's masked name)
            '□' | '■' | '○' => ' ',
            // (`记者 ▏某某`: a bar drawn between a label and its value)
            '▏' | '│' | '┃' | '▎' => ' ',
            _ => c,
        })
        .collect()
}

/// Removes the pinyin glosses some reposting sites insert after characters (`發(fā)布`).
pub fn strip_pinyin(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['(', '（']) {
        out.push_str(&rest[..i]);
        let open = rest[i..].chars().next().map_or(1, char::len_utf8);
        let after = &rest[i + open..];
        match after.find([')', '）']) {
            Some(j)
                if j > 0
                    && after[..j].chars().all(|c| {
                        c.is_ascii_lowercase() || c == ' ' || ('\u{e0}'..='\u{24f}').contains(&c)
                    })
                    && !after[..j].is_ascii() =>
            {
                let close = after[j..].chars().next().map_or(1, char::len_utf8);
                rest = &after[j + close..];
            }
            _ => {
                out.push_str(&rest[i..i + open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Sentence punctuation that marks a line as body text, never metadata.
const SENTENCE_END: [char; 5] = ['。', '！', '？', '!', '?'];

/// Widget words and weekday names removed from a line before it is parsed.
const NOISE: [&str; 12] = [
    "星期一",
    "星期二",
    "星期三",
    "星期四",
    "星期五",
    "星期六",
    "星期日",
    "星期天",
    "上一期",
    "下一期",
    "上一篇",
    "下一篇",
];

/// The labels grouped by first character, each group in the longest-first order of
/// [`labels`]: only the group of the character at hand can match there.
fn labels_by_first_char() -> &'static FastMap<char, Vec<(&'static str, Label)>> {
    static INDEX: OnceLock<FastMap<char, Vec<(&'static str, Label)>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: FastMap<char, Vec<(&'static str, Label)>> = FastMap::default();
        for (l, k) in labels() {
            if let Some(c) = l.chars().next() {
                index.entry(c).or_default().push((l.as_str(), *k));
            }
        }
        index
    })
}

fn label_at(s: &str) -> Option<(&'static str, Label)> {
    let first = s.chars().next()?;
    labels_by_first_char()
        .get(&first)?
        .iter()
        .find(|(l, _)| {
            let Some(rest) = s.strip_prefix(l) else {
                return false;
            };
            // 记者站, 记者节, 记者证, 记者会: a noun, not a credit (`来源:某台记者站`)
            let newsroom = l.ends_with("记者") && rest.starts_with(['站', '节', '证', '会']);
            // 总编室, 编辑室, 编辑部: an office, not a credit (`来源:某某网总编室`,
            // `编辑部地址:…`)
            let office = rest.starts_with('室') || (l.ends_with("编辑") && rest.starts_with('部'));
            // `通讯:某某`, the correspondent's label cut short, only before a name (`新华社通讯：`
            // heads a feature)
            let feature = *l == "通讯"
                && !rest
                    .strip_prefix([':', '：'])
                    .is_some_and(|r| r.trim_start().starts_with(is_han));
            !newsroom && !office && !feature
        })
        .copied()
}

/// An e-paper CMS's property comment printed as text (`--> 2025-04-22 标题 1 1 某某日报
/// content_150528.html 1 标题 /enpproperty-->`): the issue date and the paper before the
/// content file's name.
fn epaper_properties(line: &str) -> Option<Meta> {
    let t = line.trim();
    if !t.ends_with("enpproperty-->") {
        return None;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let file = words.iter().position(|w| meta::is_epaper_page_file(w))?;
    let paper = words.get(file.checked_sub(1)?)?;
    let date = words.iter().find_map(|w| {
        let d: Vec<&str> = w.split('-').collect();
        (d.len() == 3
            && d[0].len() == 4
            && d.iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())))
        .then(|| w.to_string())
    })?;
    let mut m = Meta::default();
    if (2..=12).contains(&paper.chars().count()) && paper.chars().all(is_han) {
        m.publication = Some(paper.to_string());
    }
    m.published_at = meta::find_times(&date).into_iter().next().map(|f| f.iso);
    m.published_at.is_some().then_some(m)
}

/// `记者 王某妍 报道 吕某 摄影`, `张某 文 李某 图`: a credit where each name is followed by the
/// work it did (报道 or 文: the writer, in the role of the label in front if any; 摄影, 摄 or
/// 图: the photographer). `None` unless every word of the line is read so.
fn names_then_work(line: &str) -> Option<Meta> {
    let line = line
        .trim()
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    let mut words: Vec<&str> = line.split_whitespace().collect();
    let writer = match words.first() {
        Some(&"记者") => BylineRole::Reporter,
        Some(&"通讯员") => BylineRole::Correspondent,
        _ => BylineRole::Author,
    };
    if writer != BylineRole::Author {
        words.remove(0);
    }
    if words.len() < 4 || !words.len().is_multiple_of(2) {
        return None;
    }
    let mut m = Meta::default();
    for pair in words.chunks(2) {
        let (name, work) = (pair[0], pair[1]);
        let role = match work {
            "报道" | "文" => writer,
            "摄影" | "摄" | "图" => BylineRole::Photographer,
            _ => return None,
        };
        if !split_glued_names(name).is_some_and(|n| n.len() == 1 && n[0] == name) {
            return None;
        }
        push_byline(&mut m.bylines, role, name.to_string());
    }
    Some(m)
}

/// `记者 寻某`: one labelled writer whose name opens with no family name we know, where the
/// caller knows the text is a credit (the brackets of a dateline); `None` for anything else.
pub fn one_unlisted_credit(credit: &str) -> Option<Meta> {
    let (label, Label::Role(role)) = label_at(credit.trim())? else {
        return None;
    };
    let value = credit.trim()[label.len()..]
        .trim_start_matches([':', '：'])
        .trim();
    let name = unlisted_name(value).filter(|n| (2..=3).contains(&n.chars().count()))?;
    let mut m = Meta::default();
    push_byline(&mut m.bylines, role, name);
    Some(m)
}

/// True when `line` is only a metadata label (`来源`, `作者：`): a scrape that printed the label
/// and its value on two lines.
pub fn is_bare_label(line: &str) -> bool {
    let t = line.trim().trim_end_matches([':', '：']).trim_end();
    // only labels that take a value (a source, a writer, a time), never a page control
    // (`分享到` over the headline)
    !t.is_empty()
        && label_at(t).is_some_and(|(l, kind)| {
            l.len() == t.len()
                && matches!(
                    kind,
                    Label::Source | Label::Role(_) | Label::Time | Label::AuthorPhotographer
                )
        })
}

/// `t` with each time found in it replaced by a space (dates may be glued to names or labels).
fn without_times(t: &str, times: &[meta::FoundTime]) -> String {
    let mut rest = String::with_capacity(t.len());
    let mut at = 0;
    for f in times {
        rest.push_str(&t[at..f.start]);
        rest.push(' ');
        at = f.end;
    }
    rest.push_str(&t[at..]);
    rest
}

/// Parses one line as metadata; `None` when it is not a metadata line. `header` allows the
/// forms that only occur above the body (a bare list of names, a date glued to names).
pub fn parse_meta_line(line: &str, header: bool) -> Option<Meta> {
    // `…记者 某某 通讯员 某某 摄影报道`: the writers took the pictures too.
    if let Some(head) = line.trim_end().strip_suffix("摄影报道") {
        let mut m = parse_meta_line(head, header)?;
        let names: Vec<String> = m.bylines.iter().map(|b| b.name.clone()).collect();
        for name in names {
            push_byline(&mut m.bylines, BylineRole::Photographer, name);
        }
        return Some(m);
    }
    // `--> 2025-04-22 … 1 1 贵州日报 content_150528.html 1 … /enpproperty-->`: an
    // e-paper CMS's property comment left in the page: the issue date and the paper.
    if let Some(m) = epaper_properties(line) {
        return Some(m);
    }
    // `某某县委中心报道组 张某月 文/图`: a unit, its writer, and the work (words and pictures)
    if let Some(head) = ["文/图", "图/文", "文图"]
        .iter()
        .find_map(|w| line.trim_end().strip_suffix(w))
        && let Some((unit, name)) = head.trim_end().rsplit_once(char::is_whitespace)
        && (4..=16).contains(&unit.trim().chars().count())
        && unit.trim().chars().all(is_han)
        && (is_org_like(unit.trim()) || unit.trim().ends_with(['组', '部', '站']))
        && let Some(names) = parse_names(name.trim()).filter(|n| n.len() == 1)
    {
        let mut m = Meta::default();
        for name in names {
            push_byline(&mut m.bylines, BylineRole::Author, name.clone());
            push_byline(&mut m.bylines, BylineRole::Photographer, name);
        }
        return Some(m);
    }
    // `N海都全媒体记者 某某`: a stray letter (an image's alt text) glued before a credit
    {
        let t = line.trim_start();
        let mut cs = t.chars();
        if let (Some(a), Some(b)) = (cs.next(), cs.next())
            && a.is_ascii_uppercase()
            && is_han(b)
        {
            return parse_meta_line(&t[1..], header);
        }
    }
    // `初 审丨谭 某`: the stroke 丨 drawn for a colon between a label and its name
    if line.contains('丨') {
        let coloned = line.replace('丨', ":");
        if let Some(m) = parse_meta_line(&coloned, header) {
            return Some(m);
        }
    }
    // `【打印】 [ 责任编辑: 某某 ]`: a credit in square brackets after a page control
    if line.contains('[') && line.contains(']') && line.contains("编辑") {
        let unbracketed = line.replace(['[', ']'], " ");
        return parse_meta_line(&unbracketed, header);
    }
    // `《某某商报》(2023年7月11日4版)`: a paper's issue line, the paper and the day
    if let Some(m) = paper_issue_line(line) {
        return Some(m);
    }
    // `□孙某雅`: a paper's box mark before its writer's name
    if let Some(rest) = line.trim().strip_prefix('□')
        && let Some(names) = parse_names(rest.trim()).filter(|n| n.len() <= 3)
    {
        let mut m = Meta::default();
        for name in names {
            push_byline(&mut m.bylines, BylineRole::Author, name);
        }
        return Some(m);
    }
    // `(记者 王某妍 报道 吕某 摄影)`: each name followed by the work it did
    if let Some(m) = names_then_work(line) {
        return Some(m);
    }
    // `通讯员 王某波报道`: 报道 glued to the last name ends a credit line of its own
    if let Some(head) = line.trim_end().strip_suffix("报道")
        && head
            .split_whitespace()
            .last()
            .is_some_and(|n| split_glued_names(n).is_some_and(|names| names.len() == 1))
        && let Some(m) = parse_meta_line(head, header).filter(|m| !m.bylines.is_empty())
    {
        return Some(m);
    }
    // `编辑:某某融媒体中心?谷珊?`: a credit whose spaces the scrape turned into question marks
    let unmarked;
    let line = if line.contains('?') && credit_led(line) {
        unmarked = line.replace('?', " ");
        unmarked.as_str()
    } else {
        line
    };
    // Cheap reject first: sentence punctuation survives every normalisation step below (none
    // of them removes or creates it) and rejects the line, so body paragraphs stop here.
    if SENTENCE_END.iter().any(|&c| line.contains(c)) {
        return None;
    }
    let mut norm = join_spaced_labels(&normalise(line));
    // The noise words all start with 星, 上 or 下 and none of them holds another's first
    // character, so a line without those characters has nothing to replace.
    if norm.contains(['星', '上', '下']) {
        for noise in NOISE {
            if norm.contains(noise) {
                norm = norm.replace(noise, " ");
            }
        }
    }
    // `[ 大 中 小 ]`: the font-size control printed without its 字号 label.
    if norm.contains(['中', '字', '扫']) {
        norm = drop_font_size_control(&norm);
    }
    // `某某报 2021-04-16 02:32 大字`: a one-button font-size control.
    for control in ["大字", "小字"] {
        if let Some(head) = norm.trim_end().strip_suffix(control)
            && head.ends_with(char::is_whitespace)
        {
            norm = head.to_string();
        }
    }
    let t = norm.trim();
    if t.is_empty() || t.chars().count() > 160 {
        return None;
    }
    // `石佳/中国青年报`: a writer and the outlet, alone on the line under a headline.
    if header && let Some((writer, outlet)) = t.split_once('/') {
        let (writer, outlet) = (writer.trim(), outlet.trim());
        if is_outlet_name(outlet)
            && (3..=12).contains(&outlet.chars().count())
            && outlet.chars().all(is_han)
            && let Some(names) = parse_names(writer)
            && names.len() == 1
            && names[0] == writer
        {
            return Some(Meta {
                publication: Some(outlet.to_string()),
                bylines: vec![Byline {
                    role: BylineRole::Author,
                    name: writer.to_string(),
                }],
                ..Meta::default()
            });
        }
    }
    let mut meta = Meta::default();
    // Dates first: they may be glued to names or labels.
    let times = meta::find_times(t);
    let starts_with_date = times
        .first()
        .is_some_and(|f| t[..f.start].trim().is_empty());
    let rest = without_times(t, &times);
    if let Some(f) = times.first() {
        meta.published_at = Some(f.iso.clone());
    }
    if SENTENCE_END.iter().any(|&c| rest.contains(c)) {
        return None;
    }
    // Cut into (label, value) parts.
    let mut prefix = String::new();
    let mut parts: Vec<(Label, String)> = Vec::new();
    let mut i = 0;
    while i < rest.len() {
        let s = &rest[i..];
        // A two-character credit word of the `other` kind inside a name (`宣传策划部`) is no
        // label: those labels stand after a separator or before a colon.
        let inside_word = |l: &str| {
            l.chars().count() <= 2
                && rest[..i].chars().next_back().is_some_and(is_han)
                && !s[l.len()..].starts_with([':', '：', ' ', '/'])
        };
        // (`工作者`: 作者 inside a word)
        let inside_worker = |l: &str| l == "作者" && rest[..i].ends_with('工');
        // (`东莞时间网`: 时间 inside an outlet's name, no time label)
        let inside_name =
            |l: &str| inside_word(l) && !s[l.len()..].starts_with(|c: char| c.is_ascii_digit());
        if let Some((l, kind)) = label_at(s)
            && !(kind == Label::Other && inside_word(l))
            && !(kind == Label::Time && inside_name(l))
            && !inside_worker(l)
        {
            parts.push((kind, String::new()));
            i += l.len();
            continue;
        }
        let Some(c) = s.chars().next() else { break };
        match parts.last_mut() {
            Some((_, v)) => v.push(c),
            None => prefix.push(c),
        }
        i += c.len_utf8();
    }
    let clean = |v: &str| {
        v.trim()
            .trim_matches(|c: char| c == ':' || c == '/' || c.is_whitespace())
            .trim()
            .to_string()
    };
    let mut prefix = clean(&prefix);
    // 原创 南方都市报 2019-09-09: a tag word before the source is page furniture.
    for tag in ["原创", "转载", "独家", "首发", "置顶"] {
        if let Some(rest) = prefix.strip_prefix(tag)
            && (rest.is_empty() || rest.starts_with(char::is_whitespace))
        {
            prefix = rest.trim().to_string();
        }
    }
    // `date 2024-11-15`: an English label before the time.
    if ["date", "time", "pubdate", "posted", "published"]
        .iter()
        .any(|l| prefix.eq_ignore_ascii_case(l))
        && meta.published_at.is_some()
    {
        prefix.clear();
    }
    // `原创 山西日报客户端`: a tag word and the outlet alone under the headline.
    if header
        && parts.is_empty()
        && meta.published_at.is_none()
        && prefix.len() < t.len()
        && is_outlet_name(&prefix)
        && (3..=12).contains(&prefix.chars().count())
        && prefix.chars().all(is_han)
    {
        meta.publication = Some(prefix.clone());
        return Some(meta);
    }
    // `本报讯 全媒体记者某某`: the paper's own dateline before the credits names no outlet.
    if let Some(d) = prefix.strip_suffix(['讯', '电'])
        && ["本报", "本网", "本台", "本刊", "本站"].contains(&d)
    {
        prefix.clear();
    }
    // 本版采写…, 本报记者…: the page or paper itself, no name.
    // (`时报记者…`, `晚报记者…`: the paper's own short name, no outlet either)
    if [
        "本版", "本报", "本刊", "本网", "本台", "时报", "日报", "晚报", "晨报", "商报",
    ]
    .contains(&prefix.as_str())
        || GENERIC_MEDIA.contains(&prefix.as_str())
    {
        prefix.clear();
    }
    let outlet_before_credit = parts
        .first()
        .is_some_and(|(k, v)| matches!(k, Label::Role(_)) && !v.trim().is_empty())
        // (`最泰安全媒体记者 某某`: an app's name glued to its reporter's label)
        && (is_org_like(&prefix)
            || matches!(parts.first(), Some((Label::Role(BylineRole::Reporter), _)))
                && (2..=8).contains(&prefix.chars().count())
                && prefix.chars().all(is_han)
                && split_glued_names(&prefix).is_none()
            // (`大河报·豫视频记者 某某`: a paper and its video channel)
            || matches!(parts.first(), Some((Label::Role(BylineRole::Reporter), _)))
                && prefix.split_once('·').is_some_and(|(paper, channel)| {
                    paper.ends_with(['报', '网', '台', '社'])
                        && (2..=8).contains(&paper.chars().count())
                        && (2..=6).contains(&channel.chars().count())
                        && paper.chars().chain(channel.chars()).all(is_han)
                }))
        // (`时报记者 某某`: a generic paper word names no outlet; nor does a media centre
        // without its place)
        && prefix.chars().count() > 2
        && !GENERIC_MEDIA.contains(&prefix.as_str());
    // (`半岛全媒体记者李某`: an outlet's short name glued before its reporter's label; never a
    // name spaced off the label, `张某 记者 李某`)
    // (`云报通讯员 某某 某某`: a paper's short name, its names spaced off the label)
    let short_paper = prefix.ends_with(['报', '网', '台']);
    let short_outlet_before_reporter = parts.first().is_some_and(|(k, v)| {
        (*k == Label::Role(BylineRole::Reporter)
            || (short_paper && *k == Label::Role(BylineRole::Correspondent)))
            && !v.trim().is_empty()
            && (!v.starts_with(char::is_whitespace) || short_paper)
    }) && (1..=2).contains(&prefix.chars().count())
        && prefix.chars().all(is_han)
        && rest
            .trim_start()
            .strip_prefix(prefix.as_str())
            .is_some_and(|r| !r.starts_with(char::is_whitespace));
    let mut explained = 0usize;
    if !prefix.is_empty() {
        if let Some(p) = prefix
            .strip_prefix('据')
            .and_then(|_| meta::attribution(&prefix))
        {
            meta.publication = Some(p);
        } else if let Some(site) = site_masthead(&prefix)
            && (meta.published_at.is_some() || !parts.is_empty())
        {
            // www.nhnews.com.cn 宁海新闻网 2020年03月09日: the site's address and name.
            if site.is_some() {
                meta.publication = site;
            }
        } else if header
            && !starts_with_date
            && meta.published_at.is_some()
            && !parts.is_empty()
            && parts.iter().all(|(k, v)| {
                *k == Label::Time
                    && v.trim_matches(|c: char| matches!(c, ':' | '：') || c.is_whitespace())
                        .is_empty()
            })
            && (4..=12).contains(&prefix.chars().count())
            && prefix.chars().all(|c| is_han(c) || c == '·')
            && parse_names(&prefix).is_none()
        {
            // `青春某某 发布时间:2017年08月22日` under the headline: the source unlabelled
            // before the labelled time.
            meta.publication = Some(prefix.clone());
        } else if starts_with_date
            || (header
                && !parts.is_empty()
                && !short_outlet_before_reporter
                && (!outlet_before_credit || parse_names(&prefix).is_some()))
            || (!parts.is_empty()
                && parts
                    .iter()
                    .all(|(k, v)| matches!(k, Label::Role(_)) && !v.trim().is_empty())
                && prefix.split_whitespace().count() <= 3
                && parse_names(&prefix).is_some_and(|n| n.len() <= 3))
        {
            // Unlabelled names before labelled credits (`张璐璐 记者谌忆龙`) are authors.
            match parse_names(&prefix) {
                // `2016-07-08 02:03:04江城日报本站编辑`: the paper, glued after the time.
                // (`2022-08-22 13:47:47     某某县人民政府`: the body that posted it)
                _ if starts_with_date
                    && (is_outlet_name(&prefix)
                        || prefix.contains('网')
                        || is_org_like(&prefix))
                    && (3..=12).contains(&prefix.chars().count())
                    && prefix.chars().all(is_han) =>
                {
                    meta.publication = Some(prefix.clone());
                }
                // `2024-12-28 18:50 宁夏`: the province a post was sent from, after its time
                _ if starts_with_date && PROVINCES.contains(&prefix.as_str()) => {}
                Some(names) => {
                    for name in names {
                        push_byline(&mut meta.bylines, BylineRole::Author, name);
                    }
                }
                // `2019年09月11日 / 富达传媒 / 时政新闻 / 1665 / 0`: a date, then short fields
                // (site, section, counters) between separators. The date is what it gives.
                None if starts_with_date && is_field_strip(&prefix) => {}
                // `2025年03月10日 10:08 某某城事`: an account's name after the time; the time
                // is what it gives.
                None if starts_with_date
                    && header
                    && (2..=12).contains(&prefix.chars().count())
                    && prefix.chars().all(is_han) => {}
                None => return None,
            }
        } else if parts
            .first()
            .is_some_and(|(k, v)| matches!(k, Label::Role(_)) && !v.trim().is_empty())
            && let Some((outlet, names)) = prefix.split_once(char::is_whitespace)
            && (outlet.contains('·')
                || is_outlet_name(outlet)
                // a portal's regional channel (网易山西, 新浪河南)
                || (PORTALS.iter().any(|p| outlet.starts_with(p))
                    && outlet.chars().count() <= 8
                    && outlet.chars().all(is_han)))
            && outlet.chars().count() >= 4
            && let Some(names) = parse_names(names.trim()).filter(|n| n.len() <= 3)
        {
            // `某某新闻·齐鲁壹点 徐某飞 通讯员 高某迪`: the outlet, its reporter, then the
            // labelled credits.
            meta.publication = Some(outlet.to_string());
            for name in names {
                push_byline(&mut meta.bylines, BylineRole::Reporter, name);
            }
        } else if short_outlet_before_reporter {
            // `半岛全媒体记者李某`: an outlet's short name glued before its reporter's label
            // names no outlet on its own.
        } else if outlet_before_credit {
            // 新京报记者 陆一夫: the outlet before the credit (`某某报全媒体记者`: the paper,
            // not its newsroom's platform word).
            // (`…为市民答疑解惑 某某网记者 某某 摄`: a caption's words before the outlet)
            let last = prefix.rsplit(char::is_whitespace).next().unwrap_or(&prefix);
            let last = if is_org_like(last) {
                last
            } else {
                prefix.as_str()
            };
            let outlet = last
                .strip_suffix("全媒体")
                .filter(|p| is_outlet_name(p))
                .unwrap_or(last);
            meta.publication = Some(outlet.to_string());
        } else if parts
            .first()
            .is_some_and(|(k, v)| matches!(k, Label::Role(_)) && !v.trim().is_empty())
            && let Some(outlet) = prefix.strip_suffix(['电', '讯']).and_then(|d| {
                meta::outlet_before_place(d).or(Some(d).filter(|d| is_outlet_name(d)))
            })
        {
            // `海外网澳门电 记者某某` after the text: the dateline moved to the end.
            meta.publication = Some(outlet.to_string());
        } else if parts
            .first()
            .is_some_and(|(k, v)| *k == Label::Source && v.trim().is_empty())
            && let Some(name) = unit_then_name(&prefix)
        {
            // (巴州残联田某 供稿): the contributing unit and its writer.
            meta.publication = Some(prefix[..prefix.len() - name.len()].to_string());
            push_byline(&mut meta.bylines, BylineRole::Author, name);
        } else if parts
            .first()
            .is_some_and(|(k, v)| *k == Label::Source && v.trim().is_empty())
            && prefix
                .split(['、', ',', '，'])
                .all(|p| is_org_like(p.trim()))
        {
            // (区委组织部 供稿): the contributing unit.
            meta.publication = Some(prefix.clone());
        } else if parts.is_empty()
            && meta.published_at.is_some()
            && !starts_with_date
            && ((4..=12).contains(&prefix.chars().count())
                // (`爱某岛 2019-07-19 16:54` under the headline: three characters that
                // are no name)
                || header
                    && prefix.chars().count() == 3
                    && split_glued_names(&prefix).is_none())
            && prefix
                .chars()
                .all(|c| is_han(c) || c.is_ascii_alphanumeric() || c == '·')
            // (`date 2024-11-15`: a Latin label, no source)
            && prefix.chars().any(is_han)
        {
            // `华夏人文 2020-03-09 18:14:21`: an unlabelled source (a site, an account)
            // printed before the publish time.
            meta.publication = Some(prefix.clone());
        } else if header
            && parts.is_empty()
            && meta.published_at.is_some()
            && let Some((outlet, names)) = prefix.split_once(char::is_whitespace)
            && is_outlet_name(outlet)
            && let Some(names) = parse_names(names.trim())
        {
            // `某某早报 2023年11月13日 刘某杰 李某君`: the paper, the day, the writers.
            meta.publication = Some(outlet.to_string());
            for name in names {
                push_byline(&mut meta.bylines, BylineRole::Author, name);
            }
        } else if header
            && parts.is_empty()
            && let Some((unit, name)) = prefix.split_once(char::is_whitespace)
            && unit.chars().count() >= 4
            && unit.chars().all(is_han)
            && is_org_like(unit)
            && let Some(name) = unlisted_name(name.trim())
                .filter(|n| split_glued_names(n).is_some_and(|v| v.len() == 1))
        {
            // `某某市委 王 荣` under the headline: the unit that wrote it and its writer.
            meta.publication = Some(unit.to_string());
            push_byline(&mut meta.bylines, BylineRole::Author, name);
        } else if header && parts.is_empty() {
            // A bare line of names under the headline (常菁菁 焦超超): spaced names, or one
            // short name; a glued run of four or more characters is more likely a word.
            let tokens: Vec<&str> = prefix.split_whitespace().collect();
            if tokens.len() == 1 && prefix.chars().count() > 3 {
                return None;
            }
            let names = parse_names(&prefix)?;
            // (`梁 帅`: one name spaced out a character at a time)
            let spaced_out = names.len() == 1 && names[0] == tokens.concat();
            if names.len() > 6 || names.len() != tokens.len() && !spaced_out {
                return None;
            }
            for name in names {
                push_byline(&mut meta.bylines, BylineRole::Author, name);
            }
        } else {
            return None;
        }
        explained += 1;
    }
    // `摄影/新京报记者 尹亚飞`: the outlet between a role and 记者 leaves the role to the
    // names after 记者.
    let mut carried: Option<BylineRole> = None;
    let mut also_photographer = false;
    // An organisation credited in a role slot (作者:临澧党建网), and whether 来源 said the
    // site wrote the page itself (本站原创).
    let mut credited_unit: Option<String> = None;
    for (k, (kind, raw)) in parts.iter().enumerate() {
        let value = clean(raw);
        // `采写：南都记者 余某`: a word glued before 记者 is the outlet, not a name.
        // (`文、图/某某报记者:邓某`: the reporter's name after a colon)
        let outlet_before_reporter = !raw.ends_with(char::is_whitespace)
            && matches!(parts.get(k + 1), Some((Label::Role(BylineRole::Reporter), next))
                if next.starts_with(|c: char| c.is_whitespace() || c == ':' || c == '：'));
        if outlet_before_reporter && matches!(kind, Label::Role(_) | Label::AuthorPhotographer) {
            if meta.publication.is_none() && value.chars().count() >= 2 {
                meta.publication = Some(value.clone());
            }
            carried = match kind {
                Label::Role(BylineRole::Photographer) => Some(BylineRole::Photographer),
                _ => None,
            };
            // `文、图/…记者:某某`: the reporter took the pictures too
            also_photographer = matches!(kind, Label::AuthorPhotographer);
            continue;
        }
        let photographer_too = std::mem::take(&mut also_photographer);
        let kind = &match (carried.take(), kind) {
            (Some(role), Label::Role(_)) => Label::Role(role),
            (_, k) => *k,
        };
        match kind {
            Label::Role(_) | Label::AuthorPhotographer => {
                let roles: &[BylineRole] = match kind {
                    Label::Role(role) => std::slice::from_ref(role),
                    _ => &[BylineRole::Author, BylineRole::Photographer],
                };
                let (value, photo) = strip_work_words(&value);
                // `作者:消息`, `作者:管理员`: a slot that names nobody; `责任编辑:csgyb`: an
                // editor's staff handle (a photo credit `图/pixabay` is no handle)
                // (`撰稿:幼儿园`: a kind of unit, not one that could publish)
                if NOT_WRITERS.contains(&value)
                    || (names_nobody(value) && !is_org_like(value))
                    || (matches!(kind, Label::Role(BylineRole::Editor | BylineRole::Author))
                        && !value.is_empty()
                        && value.len() <= 20
                        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
                    // (`审核:小飞`: an editor's nickname)
                    || (matches!(kind, Label::Role(BylineRole::Editor))
                        && value.chars().count() == 2
                        && value.starts_with(['小', '阿'])
                        && value.chars().all(is_han))
                {
                    explained += 1;
                    continue;
                }
                let roles = if photo {
                    &[BylineRole::Photographer][..]
                } else {
                    roles
                };
                if value.is_empty() {
                    // `图/ 记者 刘畅`: the names after 记者 took the photographs.
                    if matches!(kind, Label::Role(BylineRole::Photographer))
                        && matches!(parts.get(k + 1), Some((Label::Role(_), _)))
                    {
                        carried = Some(BylineRole::Photographer);
                    }
                    continue;
                }
                // `作者:宣传部`: a unit whose name opens like a family name
                // (a given name may end in 科 or 站: `宋芳科`; three characters ending in 部,
                // 局, 委, 办 or 处 are a unit)
                let n = value.chars().count();
                let unit = !value.contains(char::is_whitespace)
                    && is_org_like(value)
                    && (n >= 4
                        && value.ends_with([
                            '部', '局', '委', '办', '处', '科', '室', '站', '所', '队',
                        ])
                        || n == 3 && value.ends_with(['部', '局', '委', '办', '处']));
                // `作者:某某县妇联 梁某`: the writer's unit, then the writer
                if let Some((unit_name, name)) = value.split_once(char::is_whitespace)
                    && let name = name.trim()
                    && unit_name.chars().count() >= 4
                    && is_org_like(unit_name)
                    && unit_name
                        .ends_with(['联', '委', '局', '部', '办', '会', '院', '站', '所', '心'])
                    && split_glued_names(name).is_some_and(|n| n.len() == 1 && n[0] == name)
                {
                    for role in roles {
                        push_byline(&mut meta.bylines, *role, name.to_string());
                    }
                    if credited_unit.is_none() {
                        credited_unit = Some(unit_name.to_string());
                    }
                } else if let Some(names) = (!unit)
                    .then(|| {
                        parse_names(value)
                            .or_else(|| names_with_affiliation(value))
                            .or_else(|| mostly_names(value))
                    })
                    .flatten()
                {
                    for role in roles {
                        for name in &names {
                            push_byline(&mut meta.bylines, *role, name.clone());
                        }
                    }
                    if photographer_too {
                        for name in &names {
                            push_byline(&mut meta.bylines, BylineRole::Photographer, name.clone());
                        }
                    }
                } else if let Some(name) = unlisted_name(value)
                    .filter(|_| matches!(kind, Label::Role(BylineRole::Editor)) || parts.len() > 1)
                {
                    // `编辑:德吉`, `编 审:夕 介`: a name with no family name we know, in an
                    // editor's slot or beside other credits.
                    for role in roles {
                        push_byline(&mut meta.bylines, *role, name.clone());
                    }
                } else if is_org_like(value) {
                    // A unit credited as writer: the outlet only when no 来源 names one.
                    if credited_unit.is_none() {
                        credited_unit = Some(value.to_string());
                    }
                    if let Label::Role(BylineRole::Photographer) = kind {
                        carried = Some(BylineRole::Photographer);
                    }
                } else {
                    return None;
                }
                explained += 1;
            }
            Label::Source | Label::Issuer => {
                if value.is_empty() {
                    continue;
                }
                let (outlet, person) = clean_source(&value)?;
                meta.own_site |= OWN_SITE.contains(&value.as_str());
                if meta.publication.is_none() {
                    meta.labelled_source = outlet.is_some() && *kind == Label::Source;
                    meta.publication = outlet;
                }
                for name in person.iter().flat_map(|p| p.split_whitespace()) {
                    push_byline(&mut meta.bylines, BylineRole::Author, name.to_string());
                }
                explained += 1;
            }
            Label::Time => {
                // A label with no date after it is only accepted next to other metadata.
                if !value.is_empty() && !value.chars().all(|c| c.is_ascii_digit() || c == ':') {
                    return None;
                }
            }
            Label::Counter => {
                // (`浏览:手机版`: a link to the mobile page where the count would be)
                let count = value
                    .chars()
                    .all(|c| c.is_ascii_digit() || c.is_whitespace() || c == '次')
                    || value == "手机版";
                // `版次:B07 光明新闻记者 某某`: an e-paper's page code, then the desk whose
                // reporter the next label credits
                let page_then_desk = {
                    let mut words = value.split_whitespace();
                    let code = words.next().unwrap_or("");
                    let desk = words.next();
                    code.chars().any(|c| c.is_ascii_digit())
                        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '版')
                        && words.next().is_none()
                        && desk.is_none_or(|d| {
                            (2..=8).contains(&d.chars().count())
                                && d.chars().all(is_han)
                                && matches!(parts.get(k + 1), Some((Label::Role(_), _)))
                        })
                };
                if !count && !page_then_desk {
                    return None;
                }
            }
            Label::Keywords => {
                meta.keywords.extend(meta::keywords(&value));
                explained += 1;
            }
            Label::Section => {
                if value.chars().count() > 12 {
                    return None;
                }
            }
            Label::Tags => {
                if value.chars().count() > 40 {
                    return None;
                }
            }
            Label::Widget => {
                // 【字体:大 中 小】, 字号:T|T, 分享到: — page controls, skipped.
                if !value.chars().all(|c| {
                    c.is_whitespace()
                        || matches!(
                            c,
                            '大' | '中'
                                | '小'
                                | '默'
                                | '认'
                                | '超'
                                | '标'
                                | '准'
                                | '较'
                                | 'T'
                                | 't'
                                | '+'
                                | '-'
                                | '|'
                        )
                }) {
                    return None;
                }
            }
            Label::Other => {
                if !value.is_empty() && parse_names(&value).is_none() {
                    return None;
                }
            }
        }
    }
    // `记者 张某 通讯员 李某 文/图`: the writers took the pictures too.
    if matches!(parts.last(), Some((Label::AuthorPhotographer, v)) if clean(v).is_empty()) {
        let writers: Vec<String> = meta
            .bylines
            .iter()
            .filter(|b| b.role != BylineRole::Photographer)
            .map(|b| b.name.clone())
            .collect();
        for name in writers {
            push_byline(&mut meta.bylines, BylineRole::Photographer, name);
        }
    }
    // On the site's own page (来源:本站原创) a credited department (作者:医技药剂党支部) is
    // the writer inside the publisher, not the outlet; a credited site or paper is the outlet.
    if meta.publication.is_none()
        && let Some(unit) = credited_unit
        && !NO_OUTLET.contains(&unit.as_str())
        && (!meta.own_site || is_outlet_name(&unit))
    {
        meta.publication = Some(unit);
    }
    let any = explained > 0 || meta.published_at.is_some() || !parts.is_empty();
    if !any {
        return None;
    }
    // A line that is only a date must be short (a date line, not a sentence with a date).
    if parts.is_empty() && prefix.is_empty() && meta.published_at.is_none() {
        return None;
    }
    Some(meta)
}

/// A dated line under the headline that [`parse_meta_line`] cannot read whole because one of its
/// fields is no name or outlet (`2025-03-12 11:44 编辑:某某融媒体`, `… 责任编辑:某某 我来说两句`,
/// `来源:某某日报 2011-02-17 22:44 https://…`): the publish date, and what the longest run of
/// its leading whitespace-separated pieces gives. `None` unless a full date (year, month, day)
/// stands at the start of the line or the line has a metadata label, and the line is short and
/// holds no sentence.
pub fn parse_dated_header_line(line: &str) -> Option<Meta> {
    if SENTENCE_END.iter().any(|&c| line.contains(c)) {
        return None;
    }
    let norm = normalise(line);
    let t = norm.trim();
    if t.chars().count() > 120 {
        return None;
    }
    let times = meta::find_times(t);
    let first = times.first()?;
    let rest = without_times(t, &times);
    let labelled = rest
        .char_indices()
        .any(|(i, _)| label_at(&rest[i..]).is_some());
    // (`某某   某某日报·客户端   2024-07-16 18:15:50`: a writer and an outlet, then the date
    // that ends the line)
    let head: Vec<&str> = t[..first.start].split_whitespace().collect();
    let date_last = t[first.end..].trim().is_empty()
        && (1..=3).contains(&head.len())
        && head.iter().all(|p| p.chars().count() <= 16)
        && head.iter().any(|p| {
            is_outlet_name(p) || parse_names(p).is_some_and(|n| n.len() == 1 && n[0] == *p)
        });
    if !(t[..first.start].trim().is_empty() || labelled || date_last) {
        return None;
    }
    // Read the longest run of pieces from the start that parses, skip what follows up to the
    // next piece that opens with a label (`| 进入论坛 | 来源:某某晚报`), and read on from there.
    let pieces: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '｜'))
        .filter(|p| !p.is_empty())
        .collect();
    let mut meta = Meta::default();
    let mut from = 0;
    while from < pieces.len() {
        let read = (from + 1..=pieces.len()).rev().find_map(|to| {
            parse_meta_line(&pieces[from..to].join(" "), from == 0).map(|m| (to, m))
        });
        let next = match read {
            Some((to, m)) => {
                merge_meta(&mut meta, m);
                to
            }
            None => from + 1,
        };
        from = next
            + pieces[next..]
                .iter()
                .take_while(|p| label_at(p).is_none())
                .count();
    }
    meta.published_at = Some(first.iso.clone());
    Some(meta)
}

/// Adds what `more` says to `meta`, the first value of each single field winning.
fn merge_meta(meta: &mut Meta, more: Meta) {
    if meta.publication.is_none() {
        meta.publication = more.publication;
        meta.labelled_source = more.labelled_source;
    }
    meta.own_site |= more.own_site;
    for b in more.bylines {
        push_byline(&mut meta.bylines, b.role, b.name);
    }
    meta.keywords.extend(more.keywords);
}

/// True when `line` opens with a credit or source label and its colon or slash (`编辑:`,
/// `审 核：`, `文/`).
pub(crate) fn credit_led(line: &str) -> bool {
    let norm = join_spaced_labels(&normalise(line));
    let t = norm.trim_start();
    label_at(t).is_some_and(|(l, kind)| {
        matches!(
            kind,
            Label::Role(_) | Label::Source | Label::AuthorPhotographer
        ) && (l.ends_with([':', '/']) || t[l.len()..].trim_start().starts_with([':', '：', '/']))
    })
}

/// The line with two-character labels printed a character apart joined (`审 核:某某` ->
/// `审核:某某`, `编  辑：`): only where the two characters make a label and a colon follows.
fn join_spaced_labels(line: &str) -> String {
    if !line.contains([':', '：']) {
        return line.to_string();
    }
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let gap = chars[i + 1..]
            .iter()
            .take_while(|c| c.is_whitespace())
            .count();
        let second = i + 1 + gap;
        // (three characters apart: `关 键 词:`)
        let gap2 = chars[(second + 1).min(chars.len())..]
            .iter()
            .take_while(|c| c.is_whitespace())
            .count();
        let third = second + 1 + gap2;
        if is_han(c)
            && (1..=3).contains(&gap)
            && (1..=3).contains(&gap2)
            && chars.get(second).is_some_and(|d| is_han(*d))
            && chars.get(third).is_some_and(|d| is_han(*d))
            && chars[(third + 1).min(chars.len())..]
                .iter()
                .find(|c| !c.is_whitespace())
                .is_some_and(|c| matches!(c, ':' | '：'))
        {
            let triple: String = [c, chars[second], chars[third]].iter().collect();
            if label_at(&triple).is_some_and(|(l, _)| l == triple) {
                out.push_str(&triple);
                i = third + 1;
                continue;
            }
        }
        let colon = chars[(second + 1).min(chars.len())..]
            .iter()
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| matches!(c, ':' | '：'));
        if is_han(c)
            && (1..=3).contains(&gap)
            && chars.get(second).is_some_and(|d| is_han(*d))
            && colon
        {
            let pair: String = [c, chars[second]].iter().collect();
            if label_at(&pair).is_some_and(|(l, _)| l == pair) {
                out.push_str(&pair);
                i = second + 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The line without a font-size control written as three separate words (`大 中 小`).
fn drop_font_size_control(line: &str) -> String {
    let mut words: Vec<&str> = line.split_whitespace().collect();
    // `大字体 小字体 扫码带走`: page controls printed as words after the fields
    let controls = ["大字体", "中字体", "小字体", "扫码带走", "扫码阅读"];
    let before = words.len();
    words.retain(|w| !controls.contains(w));
    let Some(at) = words.windows(3).position(|w| w == ["大", "中", "小"]) else {
        return if words.len() < before {
            words.join(" ")
        } else {
            line.to_string()
        };
    };
    let mut kept = words[..at].to_vec();
    kept.extend_from_slice(&words[at + 3..]);
    kept.join(" ")
}

/// Short fields between `/` or `|` separators (or icons, left as spaces) after a date: site or
/// section names, counters.
fn is_field_strip(rest: &str) -> bool {
    let fields: Vec<&str> = rest
        .split(|c: char| matches!(c, '/' | '|' | '｜' | '／') || c.is_whitespace())
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .collect();
    // separators, or a counter among the fields (icons stood between them on the page)
    (rest.contains(['/', '|', '｜', '／'])
        || fields.iter().any(|f| f.chars().all(|c| c.is_ascii_digit())))
        && (2..=6).contains(&fields.len())
        && fields.iter().all(|f| {
            f.chars().count() <= 12 && f.chars().all(|c| is_han(c) || c.is_ascii_alphanumeric())
        })
}

/// Widget words glued after a source on many pages (`证券市场红周刊 举报`).
const SOURCE_TAIL: &[&str] = &[
    "举报",
    "调整",
    "参与互动",
    "调整字体",
    "字体",
    "字号",
    "打印",
    "分享到",
    "分享",
    "评论",
    "收藏",
    "纠错",
    "大中小",
    "手机看",
    "我来说两句",
    "我要评论",
    "发表评论",
    // `阜阳热线网公众号`: the outlet's account on a social platform
    "公众号",
];

/// 来源 values that name no outlet but the site itself or nobody (`本站原创`, `网络`): the
/// publication is then found elsewhere (the site's masthead, an org-like 作者).
const NO_OUTLET: &[&str] = &[
    "本站原创",
    "其他网站",
    "其它网站",
    "网站原创",
    "本网原创",
    "原创",
    "本站",
    "本网",
    "本站编辑",
    "网络",
    "互联网",
    "网络整理",
    "网络收录",
    "网络转载",
    "综合",
    "综合整理",
    "转载",
    "未知",
    "佚名",
    "admin",
    "管理员",
];

/// 来源 values saying the site itself wrote the page.
const OWN_SITE: &[&str] = &[
    "本站原创",
    "网站原创",
    "本网原创",
    "原创",
    "本站",
    "本网",
    "本站编辑",
];

/// True when an organisation's name is an outlet's (a site, paper, station, magazine, account).
pub(crate) fn is_outlet_name(name: &str) -> bool {
    [
        "网",
        "报",
        "台",
        "社",
        "刊",
        "杂志",
        "新闻",
        "客户端",
        "频道",
        "号",
        "平台",
        "融媒体中心",
        "融媒",
        "传媒",
        "在线",
        "日报",
        "晚报",
        "之声",
        "新媒体",
        "资讯",
    ]
    .iter()
    .any(|s| name.ends_with(s))
        // (Hubei's county apps: `云上黄石`, `云上通山`)
        || (4..=6).contains(&name.chars().count()) && name.starts_with("云上")
}

/// The outlet of a 来源 value (None for [`NO_OUTLET`] values), and a trailing author name when
/// one follows it (`金海环保 江汶泽`). `None` when the value is a sentence, not an outlet.
fn clean_source(value: &str) -> Option<(Option<String>, Option<String>)> {
    // (`红网 •`: a separator dot after the outlet; `人民网-浙江频道` stays as printed)
    // (`▏某某县融媒体中心`: a bar drawn before the outlet)
    let mut v = value
        .trim_start_matches(['于', ':', ' ', '▏', '│', '┃', '▎', '|', '｜'])
        .trim_end_matches(['•', '·', '|', '-', ' '])
        .trim()
        .to_string();

    // `贺兰县人社局 公开时限 长期公开`: the next field of a disclosure table read on
    for field in ["公开时限", "公开方式", "公开范围", "所属分类", "信息分类"] {
        if let Some(at) = v.find(field)
            && v[..at].ends_with(char::is_whitespace)
        {
            v = v[..at].trim().to_string();
        }
    }
    // `媒体:射阳融媒`: a second label inside the slot
    for label in ["媒体", "单位", "出处", "来自"] {
        if let Some(rest) = v.strip_prefix(label)
            && let Some(rest) = rest.strip_prefix([':', '：'])
            && !rest.trim().is_empty()
        {
            v = rest.trim().to_string();
        }
    }
    // `海安日报 发布开发区:某某开发区`: a field of the site's own, its label unknown, read on
    if let Some(at) = v.find([':', '：'])
        && let Some(space) = v[..at].rfind(char::is_whitespace)
        && v[space..at].trim().chars().count() >= 2
        && v[space..at].trim().chars().all(is_han)
        && !v[..space].trim().is_empty()
    {
        v = v[..space].trim().to_string();
    }
    // `温州网 66wz.com`: the outlet and its address
    if let Some((head, address)) = v.rsplit_once(char::is_whitespace)
        && address.contains('.')
        && address
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/' | ':'))
        && address.chars().any(|c| c.is_ascii_alphabetic())
        && head.trim().chars().any(is_han)
    {
        v = head.trim().to_string();
    }
    // `新湖南客户端.汉寿`: an app and its local channel; the app is the outlet
    if let Some((app, channel)) = v.split_once(['.', '·'])
        && app.ends_with("客户端")
        && (1..=6).contains(&channel.chars().count())
        && channel.chars().all(is_han)
    {
        v = app.to_string();
    }
    // `泰州日报特约   转载`: the page's repost mark spaced off the outlet
    if let Some(head) = v.strip_suffix("转载")
        && head.ends_with(char::is_whitespace)
    {
        v = head.trim().to_string();
    }
    loop {
        let before = v.len();
        for tail in SOURCE_TAIL {
            if let Some(head) = v.strip_suffix(tail) {
                v = head.trim().to_string();
            }
        }
        if v.len() == before {
            break;
        }
    }
    if v.is_empty() || v.chars().count() > 30 || v.contains([',', '，', '。']) {
        return None;
    }
    // (`来源: 某某政协管理员`: a site's account, no outlet)
    if ["管理员", "小编"].iter().any(|a| v.ends_with(a)) {
        return Some((None, None));
    }
    // (`来源: sp20241124`: a staff code, no outlet)
    let code = !v.chars().any(is_han)
        && v.chars().any(|c| c.is_ascii_digit())
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    // (`来源:hlbe`: a site account's short handle, no outlet)
    let handle = (2..=8).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_lowercase());
    if NO_OUTLET.contains(&v.as_str())
        || v.starts_with("http")
        || v.starts_with("www.")
        || code
        || handle
    {
        return Some((None, None));
    }
    // `供稿:颜 某`: a writer's name spaced out a character at a time in the source slot
    if let Some(name) = spaced_out_name(&v) {
        return Some((None, Some(name)));
    }
    // `供稿:张某某`: a writer in the source slot (never a wire's name: 商讯).
    if !v.contains(char::is_whitespace)
        && (2..=3).contains(&v.chars().count())
        && !v.ends_with(['讯', '电', '刊', '社', '网', '报', '台'])
        && !is_org_like(&v)
        && !is_outlet_name(&v)
        && split_glued_names(&v).is_some_and(|n| n.len() == 1)
    {
        return Some((None, Some(v)));
    }
    // `保定日报A2版`: the paper, then the page it printed the story on.
    if let Some(head) = v.strip_suffix('版') {
        let paper = head.trim_end_matches(|c: char| c.is_ascii_alphanumeric());
        if paper.len() < head.len() && is_outlet_name(paper) {
            v = paper.to_string();
        }
    }
    // `永康新闻网_首页`: the site, then the section the page was filed under.
    if let Some((site, _)) = v.split_once('_')
        && is_outlet_name(site.trim())
    {
        v = site.trim().to_string();
    }
    let tokens: Vec<&str> = v.split_whitespace().collect();
    // `来源: 马某 陈某某`: writers in the source slot, no outlet.
    if (2..=4).contains(&tokens.len())
        && tokens.iter().all(|t| {
            (2..=3).contains(&t.chars().count())
                && !is_outlet_name(t)
                && !is_org_like(t)
                && !t.ends_with('联')
                && split_glued_names(t).is_some_and(|n| n.len() == 1)
        })
    {
        return Some((None, Some(tokens.join(" "))));
    }
    // `荆楚网 (湖北日报网)`, `郑州晚报 郑州客户端官方网站`: the outlet, then its parent or its
    // other channel; the first is the outlet.
    if let [first, second] = tokens.as_slice()
        && first.chars().count() >= 3
        && is_outlet_name(first)
        && first.chars().all(is_han)
        && (is_outlet_name(second) || second.ends_with("网站"))
    {
        return Some((Some((*first).to_string()), None));
    }
    if tokens.len() == 2 {
        let name = tokens[1];
        // (`区妇联 张某某`: a unit whose name starts like a family name)
        if split_glued_names(name).is_some_and(|n| n.len() == 1)
            && (split_glued_names(tokens[0]).is_none()
                || is_org_like(tokens[0])
                || tokens[0].ends_with('联'))
        {
            return Some((Some(tokens[0].to_string()), Some(name.to_string())));
        }
    }
    Some((Some(v), None))
}

fn push_byline(list: &mut Vec<Byline>, role: BylineRole, name: String) {
    if !list.iter().any(|b| b.role == role && b.name == name) {
        list.push(Byline { role, name });
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn reporters_credited_inside_the_text() {
        let text =
            "“我可以骚你不能扰”。记者　陈伟斌　整理报道　６月２０日晚，几名女志愿者来到地铁站。";
        let credits = inline_report_credits(text);
        assert_eq!(credits.len(), 1);
        assert_eq!(credits[0].1, ["陈伟斌"]);
        assert!(inline_report_credits("记者了解到相关报道。记者从市民政局获悉。").is_empty());
    }
    use super::*;
    use BylineRole::*;

    fn bl(role: BylineRole, name: &str) -> Byline {
        Byline {
            role,
            name: name.into(),
        }
    }

    #[test]
    fn w57_source_slots_apps_nicknames_and_spaced_names() {
        let source = |line: &str| parse_meta_line(line, true).and_then(|m| m.publication);
        // the outlet, then its parent or another channel of its own
        assert_eq!(
            source("来源: 荆楚网 (湖北日报网)").as_deref(),
            Some("荆楚网")
        );
        assert_eq!(
            source("来源: 郑州晚报 郑州客户端官方网站").as_deref(),
            Some("郑州晚报")
        );
        // a second label inside the slot
        assert_eq!(source("来源:媒体:射阳融媒").as_deref(), Some("射阳融媒"));
        // a county app in a writer's slot is the outlet, no two writers
        let m = parse_meta_line("作者:云上黄石", true).unwrap();
        assert!(m.bylines.is_empty(), "{:?}", m.bylines);
        assert_eq!(m.publication.as_deref(), Some("云上黄石"));
        // an editor's nickname: a credit line naming nobody
        let m = parse_meta_line("审核:小飞", false).unwrap();
        assert!(m.bylines.is_empty());
        // the issuing body of a government page, an outlet a 来源 slot may still replace
        let m = parse_meta_line("发文机关: | 蓝山县人民政府 | 发文日期: | |", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("蓝山县人民政府"));
        assert!(!m.labelled_source);
        // chief, art and proof editors; two labels glued on one line
        let editors = |line: &str| -> Vec<String> {
            parse_meta_line(line, false)
                .map(|m| m.bylines.into_iter().map(|b| b.name).collect())
                .unwrap_or_default()
        };
        assert_eq!(editors("主编:董某胜"), ["董某胜"]);
        assert_eq!(editors("责编:张芳校审:刘某佳"), ["张芳", "刘某佳"]);
        assert_eq!(editors("美编:韩雪孔某杰"), ["韩雪", "孔某杰"]);
        // one name spaced out under the headline
        let m = parse_meta_line("梁 帅", true).unwrap();
        assert_eq!(m.bylines, [bl(Author, "梁帅")]);
    }

    #[test]
    fn credits_spaced_out_or_marked_with_question_marks() {
        let editors = |line: &str| -> Vec<String> {
            parse_meta_line(line, false)
                .map(|m| {
                    m.bylines
                        .into_iter()
                        .filter(|b| b.role == BylineRole::Editor)
                        .map(|b| b.name)
                        .collect()
                })
                .unwrap_or_default()
        };
        // labels printed a character apart; 监制 credits an editor
        assert_eq!(editors("监 制:吴立庭"), ["吴立庭"]);
        assert_eq!(editors("审  核：宁茂才"), ["宁茂才"]);
        // spaces the scrape turned into question marks, a unit before the name
        assert_eq!(editors("编辑:东山区融媒体中心?谷珊?"), ["谷珊"]);
        assert_eq!(editors("审核:许娟 ?陈坤? 刘娜"), ["许娟", "陈坤", "刘娜"]);
        // a question in a body line stays a question
        assert!(parse_meta_line("编辑部在哪里?", false).is_none());
        // a reporter writing for a charity (公益记者), a section label of several words, a
        // time label with a doubled colon
        let m = parse_meta_line("新农网讯 (公益记者 闫晓明)", false).unwrap();
        assert_eq!(m.bylines.len(), 1, "{:?}", m.bylines);
        assert_eq!(m.bylines[0].name, "闫晓明");
        let m = parse_meta_line(
            "文章来源:本站原创 文章所在栏目:工作动态 点击数:1993 更新日期:2013/3/7",
            true,
        );
        assert_eq!(m.and_then(|m| m.publication), None);
        let m = parse_meta_line(
            "发布机构: 东山区人民政府城关街道办事处 组配分类: 乡镇动态",
            true,
        )
        .unwrap();
        assert_eq!(
            m.publication.as_deref(),
            Some("东山区人民政府城关街道办事处")
        );
        let m = parse_meta_line("信息时间::2016-06-27", true).unwrap();
        assert!(m.bylines.is_empty(), "{:?}", m.bylines);
        assert_eq!(m.published_at.as_deref(), Some("2016-06-27"));
        // under the headline: an outlet's reporter, a paper's byline mark, an English time
        // label, a paper's platform word, the body that posted the page after the time
        let m = parse_meta_line("东川在线记者 石小红", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("东川在线"));
        assert_eq!(m.bylines[0].name, "石小红");
        let m = parse_meta_line("□ 张纪民", true).unwrap();
        assert_eq!(m.bylines[0].name, "张纪民");
        // a site's own field read on after the source; the source's web address; the
        // editor on duty
        let m = parse_meta_line("来源:某安日报 发布开发区:某安经济技术开发区", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("某安日报"));
        let m = parse_meta_line("本文转自:某州网 66wz.com", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("某州网"));
        assert_eq!(editors("值班主任:魏某"), ["魏某"]);
        let m = parse_meta_line("发表时间:2020-06-26 17:34:22 来源:hlbe", true).unwrap();
        assert_eq!(m.publication, None);
        // a writer spaced out in the source slot; a station among its reporters; a menu
        let m = parse_meta_line("(供稿:颜 某)", false).unwrap();
        assert_eq!(m.publication, None);
        assert_eq!(m.bylines[0].name, "颜某");
        let m = parse_meta_line("记者:刘某超 江北台 陈某迪", false).unwrap();
        let names: Vec<&str> = m.bylines.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["刘某超", "陈某迪"]);
        assert_eq!(parse_names("宁波 国内"), None);
        let m = parse_meta_line("某某县委中心报道组 张某月 文/图", false).unwrap();
        assert_eq!(m.bylines.len(), 2, "{:?}", m.bylines);
        // a stray letter before a credit; a credit in square brackets after a page control
        let m = parse_meta_line("N江城全媒体记者 柳某玲", true).unwrap();
        assert!(
            m.bylines.iter().any(|b| b.name == "柳某玲"),
            "{:?}",
            m.bylines
        );
        assert_eq!(editors("【打印】 [ 责任编辑: 高某 ]"), ["高某"]);
        // a paper's issue line
        let m = parse_meta_line("《某某商报》(2023年7月11日4版)", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("某某商报"));
        assert_eq!(m.published_at.as_deref(), Some("2023-07-11"));
        assert!(parse_meta_line("《某某商报》(2023年7月11日4版)报道了此事", false).is_none());
        // (the day in brackets, the page after them; an unmarked paper with the page's writer)
        let m = parse_meta_line("《某某日报》(2025年2月14日) 05版", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("某某日报"));
        assert_eq!(m.published_at.as_deref(), Some("2025-02-14"));
        let m = parse_meta_line("某某日报 2月19日 A1版 作者 王小明", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("某某日报"));
        assert_eq!(m.published_at, None, "a day without its year");
        assert_eq!(m.bylines.len(), 1, "{:?}", m.bylines);
        // an unlabelled source before the time under the headline, the time labelled or not
        let m = parse_meta_line("爱某岛 2019-07-19 16:54", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("爱某岛"));
        let m = parse_meta_line("青春某某 发布时间:2017年08月22日", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("青春某某"), "{m:?}");
        let m = parse_meta_line("王小明 2019-07-19 16:54", true);
        assert_eq!(m.and_then(|m| m.publication), None);
        // the box mark glued to the name, in the body; a county news app is no person
        let m = parse_meta_line("□孙某雅", false).unwrap();
        assert_eq!(m.bylines[0].name, "孙某雅");
        assert!(is_org_like("云上某县"));
        let m = parse_meta_line(" date 2024-11-15", true).unwrap();
        assert_eq!(m.publication, None);
        assert_eq!(m.published_at.as_deref(), Some("2024-11-15"));
        let m = parse_meta_line("中国农民报全媒体见习记者 张三/李四", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("中国农民报"));
        let m = parse_meta_line("2022-08-22 13:47:47     东川自治县人民政府", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("东川自治县人民政府"));
        // a name with no family name we know, in an editor's slot or beside other credits;
        // never a nickname or a widget's word
        let m = parse_meta_line("撰稿:王某莹  编辑:德吉", false).unwrap();
        assert_eq!(m.bylines.len(), 2, "{:?}", m.bylines);
        assert_eq!(editors("编 审:夕 介"), ["夕介"]);
        assert!(editors("编辑:小高").is_empty());
        assert!(parse_meta_line("作者:  语音阅读:", false).is_none_or(|m| m.bylines.is_empty()));
        // a staff code or a site account in the source slot names no outlet; 消息来源 labels
        let m = parse_meta_line("发布时间:2024-11-24 04:16:42 来源: sp20241124", true).unwrap();
        assert_eq!(m.publication, None);
        let m = parse_meta_line("信息来源: 东山政协管理员  发布时间:2020-04-30", true).unwrap();
        assert_eq!(m.publication, None);
        let m = parse_meta_line("发布时间:2018年02月27日 消息来源:县妇联", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("县妇联"));
        // an app's local channel is the app; a page saying it collected the story names none
        let m = parse_meta_line("来源:新湖南客户端.汉寿 发布时间:2024-06-14", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("新湖南客户端"));
        let m = parse_meta_line("来源:网络收录 发布时间:2024-06-14", true).unwrap();
        assert_eq!(m.publication, None);
        // a bar drawn between a label and its value
        let m = parse_meta_line("来源 ▏某城县融媒体中心", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("某城县融媒体中心"));
        let m = parse_meta_line("编辑 ▏刘某宁 王某东", false).unwrap();
        assert_eq!(m.bylines.len(), 2, "{:?}", m.bylines);
        // the reporter after the outlet and a colon took the pictures too; a unit in a credit
        // slot, glued before a name or opening like a family name; a name ending like a unit
        let m = parse_meta_line("文、图/东山日报新花城记者:邓某丽", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("东山日报新花城"));
        assert_eq!(m.bylines.len(), 2, "{:?}", m.bylines);
        let m = parse_meta_line("通讯员:东山市工人文化宫", false).unwrap();
        assert!(m.bylines.is_empty(), "{:?}", m.bylines);
        let m = parse_meta_line("文/图 团区委何某达 赵某", false).unwrap();
        assert_eq!(m.bylines.len(), 4, "{:?}", m.bylines);
        let m = parse_meta_line("作者:宣传部", false).unwrap();
        assert!(m.bylines.is_empty(), "{:?}", m.bylines);
        assert!(editors("编辑:莲湖融媒").is_empty());
        assert_eq!(editors("选稿:董某月"), ["董某月"]);
        assert_eq!(editors("审签:古某锋"), ["古某锋"]);
        let m = parse_meta_line("东山学院 撰稿人:黄某雯 审稿人:姚某", false).unwrap();
        assert_eq!(m.bylines.len(), 2, "{:?}", m.bylines);
        let m = parse_meta_line("本网记者 宋芳科 通讯员 李某娟", false).unwrap();
        assert_eq!(m.bylines[0].name, "宋芳科");
        // a contributing unit and its writer
        let m = parse_meta_line("巴州残联田某 供稿", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("巴州残联"));
        assert_eq!(m.bylines[0].name, "田某");
        // 摄影报道 after the credits; the paper, the day and the writers on one line; an
        // intern editor; a news-tip line after the editor
        let m =
            parse_meta_line("东海新闻/东海早报记者 刘某杰 通讯员 李某君 摄影报道", false).unwrap();
        assert_eq!(m.bylines.len(), 4, "{:?}", m.bylines);
        let m = parse_meta_line("东海早报 2023年11月13日 刘某杰 李某君", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("东海早报"));
        assert_eq!(m.bylines.len(), 2, "{:?}", m.bylines);
        assert_eq!(editors("(实习编辑:温某)"), ["温某"]);
        assert_eq!(editors("( 责任编辑:邵某汉 新闻报料:2729868 )"), ["邵某汉"]);
        // the writer's unit, then the writer, in the author's slot
        let m = parse_meta_line("作者:东山县妇联 梁某", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("东山县妇联"));
        assert_eq!(m.bylines.len(), 1, "{:?}", m.bylines);
        assert_eq!(m.bylines[0].role, BylineRole::Author);
        // each name followed by the work it did
        let m = parse_meta_line("(记者 王某妍 报道 吕某 摄影)", false).unwrap();
        let got: Vec<(BylineRole, &str)> = m
            .bylines
            .iter()
            .map(|b| (b.role, b.name.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (BylineRole::Reporter, "王某妍"),
                (BylineRole::Photographer, "吕某")
            ]
        );
        let m = parse_meta_line("2016-12-23 22:42:52    来源:东山日报特约   转载", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("东山日报特约"));
        let m = parse_meta_line("发布机构:东山县人社局 公开时限 长期公开", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("东山县人社局"));
        let m = parse_meta_line("文字编辑:李某 杜某兵", false).unwrap();
        assert!(
            m.bylines.iter().all(|b| b.role == BylineRole::Editor),
            "{:?}",
            m.bylines
        );
        // 图 after a name and a slash credits the pictures; a comment widget after the source
        let m = parse_meta_line("记者 周某萌 通讯员 张某/文 记者 蔡某泽/图", false).unwrap();
        assert!(
            m.bylines
                .iter()
                .any(|b| b.role == BylineRole::Photographer && b.name == "蔡某泽"),
            "{:?}",
            m.bylines
        );
        let m = parse_meta_line("来源:东山文明网    我来说两句", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("东山文明网"));
        let m = parse_meta_line("监制:薛某灵 总监:戴某盛", false).unwrap();
        assert_eq!(m.bylines.len(), 2, "{:?}", m.bylines);
        let m = parse_meta_line(
            "通讯员:陈某 一审编辑:唐某军 二审校对:陈某宇 终审核发:董某",
            false,
        )
        .unwrap();
        assert_eq!(m.bylines.len(), 4, "{:?}", m.bylines);
        // an e-paper CMS's property comment left in the page
        let m = parse_meta_line(
            "--> 2025-04-22 某某标题—— 1 1 东山日报 content_150528.html 1 某某标题 /enpproperty-->",
            false,
        )
        .unwrap();
        assert_eq!(m.publication.as_deref(), Some("东山日报"));
        assert_eq!(m.published_at.as_deref(), Some("2025-04-22"));
        // the province a post was sent from is no writer
        let m = parse_meta_line("2024-12-28 18:50 宁夏", false).unwrap();
        assert!(m.bylines.is_empty(), "{:?}", m.bylines);
        // an e-paper's issue line: the page code, then the desk of the reporters
        let m = parse_meta_line(
            "2026年01月20日 东山日报 版次:B07 西城新闻记者 龙某斌 卢某辉 通讯员 杨杨 韩某磊",
            false,
        )
        .unwrap();
        assert_eq!(m.publication.as_deref(), Some("东山日报"));
        assert_eq!(m.bylines.len(), 4, "{:?}", m.bylines);
        // a paper's short name glued to the label, the names spaced off it
        let m = parse_meta_line("云报通讯员 曾某子 朱某屹 李某清", false).unwrap();
        assert_eq!(m.bylines.len(), 3, "{:?}", m.bylines);
        let m = parse_meta_line("发布部门:离退休职工管理处 发布时间: 2019-07-01", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("离退休职工管理处"));
        // font-size and scan controls printed as words after the source
        let m = parse_meta_line(
            "2021-11-01 09:50:00 来源:东山网 大字体 小字体 扫码带走",
            false,
        )
        .unwrap();
        assert_eq!(m.publication.as_deref(), Some("东山网"));
        // a portal's regional channel, its writer, then labelled credits (助编: an editor)
        let m = parse_meta_line("(网易河东 郗某 通讯员 温某玘 助编 郝某某)", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("网易河东"));
        assert_eq!(m.bylines.len(), 3, "{:?}", m.bylines);
        assert!(
            m.bylines
                .iter()
                .any(|b| b.role == BylineRole::Editor && b.name == "郝某某")
        );
        // a paper and its video channel glued to the reporter's label
        let m = parse_meta_line("东方报·某视频记者 李某 通讯员 沙某某", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("东方报·某视频"));
        assert_eq!(m.bylines.len(), 2, "{:?}", m.bylines);
        // 报道 glued to the last name of a credit line; a name spaced out among others
        let m = parse_meta_line("通讯员  王某波报道", false).unwrap();
        assert_eq!(m.bylines[0].name, "王某波");
        let m = parse_meta_line("记 者:罗 亮 杨 怡", false).unwrap();
        let names: Vec<&str> = m.bylines.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["罗亮", "杨怡"]);
        let m = parse_meta_line("通讯员 陈某玲 杨 邱", false).unwrap();
        let names: Vec<&str> = m.bylines.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["陈某玲", "杨邱"]);
        // (a dateline's report, 报道: then the text, is no credit line of its own)
        assert!(parse_meta_line("本报讯 记者王某某报道:9月10日,市里举行仪式。", false).is_none());
        // an outlet, its reporter unlabelled, then the labelled credits
        let m = parse_meta_line("东海新闻·齐鲁壹点 徐某飞 通讯员 高某迪", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("东海新闻·齐鲁壹点"));
        assert_eq!(m.bylines.len(), 2, "{:?}", m.bylines);
        // the paper's own dateline before the credits; an outlet with a middle dot before the
        // time; a salutation to the editor
        let m = parse_meta_line("本报讯 全媒体记者闵某萍 通讯员胡某玉 赵某", false).unwrap();
        assert_eq!(m.publication, None);
        assert_eq!(m.bylines.len(), 3, "{:?}", m.bylines);
        let m = parse_meta_line("东海报业·齐鲁壹点 2026-03-13 11:18:58", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("东海报业·齐鲁壹点"));
        assert!(editors("编辑同志:").is_empty());
        // a staff handle in the writer's slot, a read-aloud widget
        let m =
            parse_meta_line("刊发日期:2015-10-13 阅读次数:作者:lxxwzx 语音阅读:", true).unwrap();
        assert!(m.bylines.is_empty(), "{:?}", m.bylines);
        assert_eq!(m.published_at.as_deref(), Some("2015-10-13"));
        // the unit that wrote it and its writer, spaced out, under the headline
        let m = parse_meta_line("民建东山市委 王 荣", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("民建东山市委"));
        assert_eq!(m.bylines[0].name, "王荣");
        // a kind of unit in a writer's slot credits no one
        let m = parse_meta_line("撰稿:幼儿园  摄影:学生新闻社 张某", false).unwrap();
        assert_eq!(m.bylines.len(), 1, "{:?}", m.bylines);
        // a family name spaced off the given name; a unit before a reporter; a one-button
        // font control;
        // an outlet's short name glued before its reporter
        assert_eq!(editors("责任编辑:梁 海燕"), ["梁海燕"]);
        let m = parse_meta_line("记者丨东山市融媒体中心 郑某东", false).unwrap();
        assert_eq!(m.bylines.len(), 1, "{:?}", m.bylines);
        let m = parse_meta_line("东岛都市报 2021-04-16 02:32 大字", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("东岛都市报"));
        let m = parse_meta_line("半岛全媒体记者李某通讯员郭某", false).unwrap();
        assert_eq!(m.bylines.len(), 2, "{:?}", m.bylines);
        // a separator after the outlet; a channel after it stays
        let m = parse_meta_line("来源:红网 • 2022-12-05 13:53:12", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("红网"));
        let m = parse_meta_line("来源:东山在线-杭州频道", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("东山在线-杭州频道"));
        // an outlet's masked name before its newsroom's platform word
        let m = parse_meta_line("○○全媒体记者 周某", false).unwrap();
        assert_eq!(m.publication, None);
        assert_eq!(m.bylines[0].name, "周某");
        // an outlet with 时间 in its name
        let m = parse_meta_line("(来源:东莞时间网)", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("东莞时间网"));
        // a source labelled 源自 glued after the writer's name
        let m = parse_meta_line("时间:2022-09-22 22:49作者:陈立威源自:县融媒体中心", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("县融媒体中心"));
        assert_eq!(m.bylines.len(), 1, "{:?}", m.bylines);
        // a reprint's source, a site's own page, an admin handle
        let m = parse_meta_line("本文转自:三秦都市报", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("三秦都市报"));
        let m = parse_meta_line("来源:网站原创 作者:admin", false).unwrap();
        assert_eq!((m.publication, m.bylines.len()), (None, 0));
        // a rare family name among common ones
        assert_eq!(
            editors("责任编辑:问泽平 张勇军 陆海波"),
            ["问泽平", "张勇军", "陆海波"]
        );
        // a project's long name before the correspondent's
        let m = parse_meta_line("通讯员:致远社工四点钟学校项目 洪巧云", false).unwrap();
        assert_eq!(
            m.bylines,
            [Byline {
                role: BylineRole::Correspondent,
                name: "洪巧云".to_string()
            }]
        );
        // a dated line: a piece no label opens is skipped, the labelled source after it read
        let m = parse_dated_header_line("发布时间:2010年07月15日 15:32 | 进入论坛 | 来源:东山晚报")
            .unwrap();
        assert_eq!(m.publication.as_deref(), Some("东山晚报"));
    }

    #[test]
    fn a_dated_header_line_with_a_field_nobody_can_read_still_gives_its_date() {
        let m = parse_dated_header_line("2025-03-12 11:44  编辑:东山融媒体").unwrap();
        assert_eq!(m.published_at.as_deref(), Some("2025-03-12T11:44:00+08:00"));
        assert!(m.bylines.is_empty());
        // the readable fields before the unreadable one are kept
        let m = parse_dated_header_line(
            "2012-08-09 18:41:09 来源:东山新闻网 责任编辑:王立新 我来说两句",
        )
        .unwrap();
        assert_eq!(m.publication.as_deref(), Some("东山新闻网"));
        assert_eq!(
            m.bylines,
            [Byline {
                role: BylineRole::Editor,
                name: "王立新".to_string()
            }]
        );
        let m =
            parse_dated_header_line("来源:东山日报 2011-02-17 22:44   https://www.example.net/")
                .unwrap();
        assert_eq!(m.published_at.as_deref(), Some("2011-02-17T22:44:00+08:00"));
        // a sentence, a headline led by words, or no full date: not metadata
        assert!(parse_dated_header_line("2025-03-12，社区开展敲门行动。").is_none());
        // a writer and an outlet before the date that ends the line
        let m = parse_dated_header_line("何立婷   东山日报·客户端   2024-07-16 18:15:50").unwrap();
        assert_eq!(m.published_at.as_deref(), Some("2024-07-16T18:15:50+08:00"));
        assert!(
            parse_dated_header_line("社区开展敲门行动 关爱高龄老人 走访送温暖 2025-03-12")
                .is_none()
        );
        assert!(parse_dated_header_line("编辑:东山融媒体").is_none());
    }

    #[test]
    fn header_lines_of_county_and_city_sites() {
        // font-size and print controls after the time, the labels left out
        let m = parse_meta_line(
            "时间:2019-05-06 10:11:12 [ 大 中 小 ] [ 打印 ] [ 关闭 ] [ 收藏 ]",
            true,
        )
        .unwrap();
        assert_eq!(m.published_at.as_deref(), Some("2019-05-06T10:11:12+08:00"));
        // a section suffix on the source, a digit glued to the writer's name
        let m = parse_meta_line(
            "2021-03-04 00:00:00 来源:清溪新闻网_首页 作者:王立新0 责任编辑:李岚 字号:T|T",
            true,
        )
        .unwrap();
        assert_eq!(m.publication.as_deref(), Some("清溪新闻网"));
        assert_eq!(m.bylines, [bl(Author, "王立新"), bl(Editor, "李岚")]);
        // a station's reporters' office is a source, not a reporter called 站
        let m = parse_meta_line("2021年03月04日 09:30 来源:江南广播电视台记者站", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("江南广播电视台记者站"));
        assert!(m.bylines.is_empty());
        // a paper's name glued after the time, the site's anonymous editor and a view counter
        let m = parse_meta_line("2016-07-08 02:03:04江城日报本站编辑查看次数:51", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("江城日报"));
        assert!(m.bylines.is_empty());
        assert_eq!(m.published_at.as_deref(), Some("2016-07-08T02:03:04+08:00"));
    }

    #[test]
    fn writers_in_the_source_slot() {
        let m = parse_meta_line("来源:马立 陈三元", true).unwrap();
        assert_eq!(m.publication, None);
        assert_eq!(m.bylines, [bl(Author, "马立"), bl(Author, "陈三元")]);
        let m = parse_meta_line("来源:江南时报", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("江南时报"));
        let m = parse_meta_line("信息来源:区妇联 张圣新", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("区妇联"));
        assert_eq!(m.bylines, [bl(Author, "张圣新")]);
        assert!(!is_bare_label("分享到"));
        assert!(is_bare_label("来源："));
    }

    #[test]
    fn a_department_credited_as_writer() {
        let m = parse_meta_line("文:宣传策划部", true).unwrap();
        assert!(m.bylines.is_empty());
        assert_eq!(m.publication.as_deref(), Some("宣传策划部"));
    }

    #[test]
    fn writers_who_took_the_pictures_and_slots_that_name_nobody() {
        let m = parse_meta_line("记者 张国平 通讯员 李赛 文/图", false).unwrap();
        assert_eq!(
            m.bylines,
            [
                bl(Reporter, "张国平"),
                bl(Correspondent, "李赛"),
                bl(Photographer, "张国平"),
                bl(Photographer, "李赛")
            ]
        );
        let m = parse_meta_line("某某网·某某新闻记者 滕立军 通讯员 李莹 临沂报道", true).unwrap();
        assert_eq!(
            m.bylines,
            [bl(Reporter, "滕立军"), bl(Correspondent, "李莹")]
        );
        assert!(parse_meta_line("作者:管理员", true).is_none_or(|m| m.bylines.is_empty()));
        assert!(parse_meta_line("作者:银光路社区", true).is_none_or(|m| m.bylines.is_empty()));
        let m = parse_meta_line("文章来源: https://example.com/a.html", false).unwrap();
        assert_eq!(m.publication, None);
    }

    #[test]
    fn papers_among_the_writers_and_tag_lines() {
        let m = parse_meta_line("记者 巩义时报 吴瑞英 宋磊", false).unwrap();
        assert_eq!(m.bylines, [bl(Reporter, "吴瑞英"), bl(Reporter, "宋磊")]);
        let m = parse_meta_line("标签:关爱行动;全国妇联;妇女群众", false).unwrap();
        assert!(m.keywords.is_empty() && m.bylines.is_empty());
        let m = parse_meta_line("2025-06-24 15:59:20 红网时刻", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("红网时刻"));
        assert!(parse_meta_line("[字号:默认超大]", true).is_some());
        let m = parse_meta_line("(时报记者 吴芹英 通讯员 邹政军)", false).unwrap();
        assert_eq!(m.publication, None);
        assert_eq!(
            m.bylines,
            [bl(Reporter, "吴芹英"), bl(Correspondent, "邹政军")]
        );
    }

    #[test]
    fn an_apps_reporter_and_a_media_centre() {
        let m = parse_meta_line("最泰安全媒体记者 苏婷 文/图", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("最泰安"));
        assert_eq!(m.bylines, [bl(Reporter, "苏婷"), bl(Photographer, "苏婷")]);
        let m = parse_meta_line("融媒体中心通讯员 程慧娟", false).unwrap();
        assert_eq!(m.publication, None);
        assert_eq!(m.bylines, [bl(Correspondent, "程慧娟")]);
    }

    #[test]
    fn spaced_names_sources_with_pages_and_slots_naming_nobody() {
        let m = parse_meta_line("(记者 李 倩)", false).unwrap();
        assert_eq!(m.bylines, [bl(Reporter, "李倩")]);
        let m = parse_meta_line("(供稿:张煜显 审核:董燕)", false).unwrap();
        assert_eq!(m.publication, None);
        assert_eq!(m.bylines, [bl(Author, "张煜显"), bl(Editor, "董燕")]);
        let m = parse_meta_line("文章来源:保定日报A2版", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("保定日报"));
        let m = parse_meta_line(
            "2021-01-26 08:00:00 来源:穆棱市政府网 作者:消息 责任编辑:康康",
            true,
        )
        .unwrap();
        assert_eq!(m.publication.as_deref(), Some("穆棱市政府网"));
        assert_eq!(m.bylines, [bl(Editor, "康康")]);
        let m = parse_meta_line("作者:梅小龙 审核人:王耀军 责任编辑:王煜", false).unwrap();
        assert_eq!(m.bylines.len(), 3);
        let m = parse_meta_line("关键词:林海工作者居民", false).unwrap();
        assert!(m.bylines.is_empty());
        assert!(!m.keywords.is_empty());
        let m = parse_meta_line("图文:某某街道 张荣秀 单位审核:许迪", false).unwrap();
        assert!(
            m.bylines.iter().all(|b| b.name != "单位"),
            "{:?}",
            m.bylines
        );
        let m = parse_meta_line("文章关键词:红色物业 责编:杨文丽", false).unwrap();
        assert_eq!(m.keywords, ["红色物业"]);
        assert_eq!(m.bylines, [bl(Editor, "杨文丽")]);
    }

    #[test]
    fn handles_tags_before_an_outlet_and_creation_times() {
        let m = parse_meta_line("责任编辑:csgyb", false).unwrap();
        assert!(m.bylines.is_empty());
        let m = parse_meta_line("审编:QM", false).unwrap();
        assert!(m.bylines.is_empty());
        let m = parse_meta_line("原创 山西日报客户端", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("山西日报客户端"));
        let m = parse_meta_line("赵丹 创建时间: 2023-10-18 浏览量:136", true).unwrap();
        assert_eq!(m.published_at.as_deref(), Some("2023-10-18"));
        assert_eq!(m.bylines, [bl(Author, "赵丹")]);
    }

    #[test]
    fn reviewers_are_credited_as_editors() {
        let m = parse_meta_line("编辑:周小燕 审核:黄明 终审:陈立", false).unwrap();
        assert_eq!(
            m.bylines,
            [bl(Editor, "周小燕"), bl(Editor, "黄明"), bl(Editor, "陈立")]
        );
        let m = parse_meta_line("校对 郑和平", false).unwrap();
        assert_eq!(m.bylines, [bl(Editor, "郑和平")]);
    }

    #[test]
    fn a_writer_and_an_outlet_under_the_headline() {
        let m = parse_meta_line("石佳/中国青年报", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("中国青年报"));
        assert_eq!(m.bylines, [bl(Author, "石佳")]);
        // in the body, or a path that is no credit
        assert!(parse_meta_line("石佳/中国青年报", false).is_none_or(|m| m.bylines.is_empty()));
        assert!(parse_meta_line("首页/新闻中心", true).is_none_or(|m| m.bylines.is_empty()));
    }

    #[test]
    fn bracketed_credits() {
        let m = parse_meta_line(
            "| 【记者 谭啟菊】【编辑 甄曦】通讯员 左琰 | 2020-02-28 14:19:17",
            true,
        )
        .unwrap();
        assert_eq!(
            m.bylines,
            vec![
                bl(Reporter, "谭啟菊"),
                bl(Editor, "甄曦"),
                bl(Correspondent, "左琰")
            ]
        );
        assert_eq!(m.published_at.as_deref(), Some("2020-02-28T14:19:17+08:00"));
    }

    #[test]
    fn glued_credits() {
        let m = parse_meta_line("(记者赵燕通讯员陈轶群)", false).unwrap();
        assert_eq!(
            m.bylines,
            vec![bl(Reporter, "赵燕"), bl(Correspondent, "陈轶群")]
        );
        let m = parse_meta_line("2022-06-18常菁菁焦超超", true).unwrap();
        assert_eq!(m.bylines, vec![bl(Author, "常菁菁"), bl(Author, "焦超超")]);
        assert_eq!(m.published_at.as_deref(), Some("2022-06-18"));
        let m = parse_meta_line("作者:临澧党建网发布时间:2020-03-19 16:44:06", false).unwrap();
        assert!(m.bylines.is_empty());
        assert_eq!(m.publication.as_deref(), Some("临澧党建网"));
        assert_eq!(m.published_at.as_deref(), Some("2020-03-19T16:44:06+08:00"));
        let m = parse_meta_line("(记者雷永福实习记者李永利实习生王忠华)", false).unwrap();
        assert_eq!(
            m.bylines,
            vec![
                bl(Reporter, "雷永福"),
                bl(Reporter, "李永利"),
                bl(Reporter, "王忠华")
            ]
        );
    }

    #[test]
    fn labelled_lines() {
        let m = parse_meta_line("作者:彭沛 黎俊", false).unwrap();
        assert_eq!(m.bylines, vec![bl(Author, "彭沛"), bl(Author, "黎俊")]);
        let m = parse_meta_line("(责任编辑:袁瑛)", false).unwrap();
        assert_eq!(m.bylines, vec![bl(Editor, "袁瑛")]);
        let m = parse_meta_line("来源:永州日报", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("永州日报"));
        // (an office named after a credit is no credit; the county app's sign-off is)
        let m = parse_meta_line("来源:平安某州网总编室  发布日期:2015-10-16", true).unwrap();
        assert_eq!(m.publication.as_deref(), Some("平安某州网总编室"));
        let m = parse_meta_line("监制:刘大成 总编:张立新 审发:李华", false).unwrap();
        assert_eq!(m.bylines.len(), 3, "{:?}", m.bylines);
        // (通讯 cut short from 通讯员 before a name; a feature's label is none)
        let m = parse_meta_line("(通讯:曹某春 丁某强)", false).unwrap();
        assert_eq!(m.bylines.len(), 2, "{:?}", m.bylines);
        assert!(parse_meta_line("新华社通讯：", false).is_none_or(|m| m.bylines.is_empty()));
        // (a disclosure table's field spaced out is no name)
        assert!(
            parse_meta_line("文 号 | 成文日期:2018-06-08 | 发布日期:2018-06-08 |", true)
                .is_none_or(|m| m.bylines.is_empty())
        );
        // (a label of three characters spaced out)
        let m = parse_meta_line(
            "发布机构:某某县某某镇人民政府 | 关 键 词:工作信息 | |",
            true,
        )
        .unwrap();
        assert_eq!(m.publication.as_deref(), Some("某某县某某镇人民政府"));
        assert_eq!(m.keywords, ["工作信息"]);
        // (an e-paper's properties with the page's file named c<digits>.html)
        let m = parse_meta_line(
            "--> 2022-01-28 1 1 某东南日报 c179481.html 1 “红马甲”护航春运回家路 /enpproperty-->",
            true,
        )
        .unwrap();
        assert_eq!(m.publication.as_deref(), Some("某东南日报"));
        // (the stroke 丨 for a colon, labels and names spaced out; 签发 signs off as editor)
        let m = parse_meta_line("签 发丨蔡 国 梁", false).unwrap();
        assert_eq!(m.bylines, vec![bl(Editor, "蔡国梁")]);
        let m = parse_meta_line(
            "发布时间:2020-03-11 10:39:00 来源:东升镇 浏览量: 作者:通讯员",
            false,
        )
        .unwrap();
        assert_eq!(m.publication.as_deref(), Some("东升镇"));
        assert_eq!(m.published_at.as_deref(), Some("2020-03-11T10:39:00+08:00"));
        assert!(m.bylines.is_empty());
        let m =
            parse_meta_line("發(fā)布時(shí)間:2022/3/14 9:15:45 瀏覽次數:3244", false).unwrap();
        assert_eq!(m.published_at.as_deref(), Some("2022-03-14T09:15:45+08:00"));
        let m = parse_meta_line("2021年11月02日 星期二上一期下一期", true).unwrap();
        assert_eq!(m.published_at.as_deref(), Some("2021-11-02"));
        // 文/图: the writers took the pictures too.
        let m = parse_meta_line("(文/图 刘玺东 易赛楠)", false).unwrap();
        assert_eq!(
            m.bylines,
            vec![
                bl(Author, "刘玺东"),
                bl(Author, "易赛楠"),
                bl(Photographer, "刘玺东"),
                bl(Photographer, "易赛楠")
            ]
        );
        let m = parse_meta_line("关键词:通州区防疫志愿者", true).unwrap();
        assert_eq!(m.keywords, vec!["通州区", "防疫", "志愿者"]);
        let m = parse_meta_line("常菁菁 焦超超", true).unwrap();
        assert_eq!(m.bylines, vec![bl(Author, "常菁菁"), bl(Author, "焦超超")]);
    }

    #[test]
    fn sources_with_widgets_and_outlet_credits() {
        let m = parse_meta_line("本文来源：证券市场红周刊 责任编辑：杨倩_NF4425", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("证券市场红周刊"));
        assert_eq!(m.bylines, vec![bl(Editor, "杨倩")]);
        let m =
            parse_meta_line("本文来源：央视新闻客户端 责任编辑：化成雨_NBJ11143", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("央视新闻客户端"));
        assert_eq!(m.bylines, vec![bl(Editor, "化成雨")]);
        let m = parse_meta_line("文/记者 陈晶 见习记者 陈心如 图/ 记者 刘畅", false).unwrap();
        assert_eq!(
            m.bylines,
            vec![
                bl(Reporter, "陈晶"),
                bl(Reporter, "陈心如"),
                bl(Photographer, "刘畅")
            ]
        );
        let m = parse_meta_line("来源: 新京报 举报", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("新京报"));
        let m = parse_meta_line("作者：张三（市委组织部）", false).unwrap();
        assert_eq!(m.bylines, vec![bl(Author, "张三")]);
        let m = parse_meta_line("(区委组织部 供稿)", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("区委组织部"));
        let m = parse_meta_line("新京报记者 陆一夫", false).unwrap();
        assert_eq!(m.bylines, vec![bl(Reporter, "陆一夫")]);
        assert_eq!(m.publication.as_deref(), Some("新京报"));
        let m = parse_meta_line("来源: 金海环保 江汶泽", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("金海环保"));
        assert_eq!(m.bylines, vec![bl(Author, "江汶泽")]);
    }

    #[test]
    fn body_lines_are_not_credits() {
        assert!(parse_meta_line("记者了解到,该社区已完成核酸检测。", false).is_none());
        assert!(parse_meta_line("今天,一起看看他们的战役日记吧。", true).is_none());
        assert!(parse_meta_line("“这个我负责!”", true).is_none());
        assert!(parse_meta_line("自驾前往疫区,输送防疫物资", true).is_none());
        assert!(parse_meta_line("常菁菁 焦超超", false).is_none());
        assert!(parse_meta_line("党员突击队。", true).is_none());
        assert!(parse_meta_line("王者荣耀", true).is_none());
        assert!(parse_meta_line("党建动态", true).is_none());
    }

    #[test]
    fn pinyin_glosses() {
        assert_eq!(strip_pinyin("社會(huì )責任 (記者)"), "社會責任 (記者)");
        assert_eq!(strip_pinyin("發(fā)布時(shí)間"), "發布時間");
    }

    #[test]
    fn glued_names() {
        assert_eq!(
            split_glued_names("常菁菁焦超超").unwrap(),
            vec!["常菁菁", "焦超超"]
        );
        assert_eq!(split_glued_names("彭沛黎俊").unwrap(), vec!["彭沛", "黎俊"]);
        assert_eq!(split_glued_names("欧阳小明").unwrap(), vec!["欧阳小明"]);
        assert!(split_glued_names("了解到").is_none());
        assert_eq!(parse_names("杨倩_NF4425").unwrap(), vec!["杨倩"]);
    }

    #[test]
    fn metadata_strips_of_other_layouts() {
        // `|` separators and empty values
        let m = parse_meta_line(
            "发布时间:2021-04-12 08:30 | 作者: | 来源:某某信息港 | 浏览次数:",
            true,
        )
        .unwrap();
        assert_eq!(m.published_at.as_deref(), Some("2021-04-12T08:30:00+08:00"));
        assert_eq!(m.publication.as_deref(), Some("某某信息港"));
        assert!(m.bylines.is_empty());
        // glued labels, a 来源 that names the site itself, a font widget
        let m = parse_meta_line(
            "来源:本站原创 作者:某县党建网发布时间:2021-05-06 10:11:12 浏览次数:【字体:大 中 小】",
            true,
        )
        .unwrap();
        assert_eq!(m.publication.as_deref(), Some("某县党建网"));
        assert_eq!(m.published_at.as_deref(), Some("2021-05-06T10:11:12+08:00"));
        // a site's address and name before the date
        let m = parse_meta_line(
            "www.example.com.cn 某某新闻网 2021年07月08日 09:10:11",
            true,
        )
        .unwrap();
        assert_eq!(m.publication.as_deref(), Some("某某新闻网"));
        assert_eq!(m.published_at.as_deref(), Some("2021-07-08T09:10:11+08:00"));
        // a section label after the date
        let m = parse_meta_line("发布日期:2021-09-10 11:12:13  所属分类:要闻", false).unwrap();
        assert_eq!(m.published_at.as_deref(), Some("2021-09-10T11:12:13+08:00"));
    }

    #[test]
    fn credits_in_other_words() {
        // 采访人员 is how spam reposting sites write 记者; unlabelled names before it are authors
        let m = parse_meta_line("王小明采访人员李大海", false).unwrap();
        assert_eq!(
            m.bylines,
            vec![bl(Author, "王小明"), bl(Reporter, "李大海")]
        );
        let m = parse_meta_line("记者刘一 整合", false).unwrap();
        assert_eq!(m.bylines, vec![bl(Reporter, "刘一")]);
        let m = parse_meta_line("摄影/张一 编辑/李二", false).unwrap();
        assert_eq!(
            m.bylines,
            vec![bl(Photographer, "张一"), bl(Editor, "李二")]
        );
        // the contributing units before 供稿
        let m = parse_meta_line("某某党支部、某某科供稿", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("某某党支部、某某科"));
    }

    #[test]
    fn a_unit_credited_as_writer_is_the_outlet_only_off_the_sites_own_pages() {
        // No 来源: the credited site is the outlet.
        let m = parse_meta_line("作者:东湖社区网 时间:2021-03-04", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("东湖社区网"));
        // 来源 names the outlet; the credited unit does not replace it.
        let m = parse_meta_line("作者:宣传科 来源:江城日报 时间:2021-03-04", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("江城日报"));
        // The site's own page: a department is the writer, not the outlet.
        let m = parse_meta_line("来源:本站原创 作者:宣传科 时间:2021-03-04", false).unwrap();
        assert_eq!(m.publication, None);
        assert!(m.own_site);
        let m = parse_meta_line("来源:本站原创 作者:东湖社区网", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("东湖社区网"));
    }

    #[test]
    fn a_date_with_field_strips_and_tag_words() {
        let m = parse_meta_line("2021年03月04日 / 东湖传媒 / 社会新闻 / 321 / 0", false).unwrap();
        assert_eq!(m.published_at.as_deref(), Some("2021-03-04"));
        assert!(m.bylines.is_empty() && m.publication.is_none());
        // the same strip with icons instead of separators
        let m = parse_meta_line("2021年03月04日 东湖传媒 社会新闻 321 0", false).unwrap();
        assert_eq!(m.published_at.as_deref(), Some("2021-03-04"));
        let m = parse_meta_line("原创 江城晚报 2021-03-04 08:09:10", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("江城晚报"));
        assert_eq!(m.published_at.as_deref(), Some("2021-03-04T08:09:10+08:00"));
    }

    #[test]
    fn every_label_line_has_a_known_kind() {
        let lines = LABELS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .count();
        assert_eq!(
            labels().len(),
            lines,
            "a line of meta_labels.txt has an unknown kind"
        );
    }

    #[test]
    fn an_unlabelled_source_before_the_time() {
        let m = parse_meta_line("某某人文 2020-03-09 18:14:21", false).unwrap();
        assert_eq!(m.publication.as_deref(), Some("某某人文"));
        assert_eq!(m.published_at.as_deref(), Some("2020-03-09T18:14:21+08:00"));
        // a time label is no source
        let m = parse_meta_line("最后更新 2020-03-09 18:14:21", false).unwrap();
        assert_eq!(m.publication, None);
        // the reporter of a photograph
        let m = parse_meta_line("新华社记者何某/摄", false).unwrap();
        assert_eq!(m.bylines, vec![bl(Photographer, "何某")]);
    }

    #[test]
    fn a_co_reporters_outlet_glued_before_the_name() {
        assert_eq!(
            super::parse_names("陈青平 张鹏 满洲里电台崔艳凤"),
            Some(vec![
                "陈青平".to_string(),
                "张鹏".to_string(),
                "崔艳凤".to_string()
            ])
        );
        assert_eq!(super::parse_names("东湖社区网"), None);
    }
}
