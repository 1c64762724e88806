//! Organizations: the longest written name assembled from the tokens left of an organization
//! suffix (有限公司, 党支部, 税务局 …), with chained suffixes (…有限公司党支部, 市委统战部) and
//! the kind the last suffix tells.

use super::lexicon::Lexicon;
use super::places::PlaceSpan;
use super::token::{EntityKind, EntitySpan, Tok, is_count, is_function_word};
use crate::record::Organization;
use crate::text::FastMap;

/// One organization mention.
#[derive(Debug, Clone)]
pub struct OrgSpan {
    /// Byte range in the body.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// First token index.
    pub first: usize,
    /// One past the last token index.
    pub last: usize,
    /// The name as written.
    pub name: String,
    /// Kind from the last suffix.
    pub kind: String,
    /// Whether the name starts with a proper name (not a level or a bare suffix).
    pub named_start: bool,
}

/// Modifiers that say what sort of body follows (民间救援队, 公办幼儿园), not which one.
const KIND_MODIFIERS: &[&str] = &[
    "民间", "山地", "国内", "国外", "境外", "海外", "公益", "公办", "民办", "私立", "公立", "定点",
    "专业", "地方", "当地", "本地", "外地", "外资", "国有", "民营", "私营", "大型", "小型", "中小",
    "知名", "著名", "相关", "有关", "其他", "其它", "多家", "各类", "新型", "综合", "社会", "普通",
    // the area a committee serves, without its name (小区居委会, 社区居委会)
    "小区", "社区", "村里",
];

/// Common words ending in 局 that name no bureau.
const COMMON_JU: &[&str] = &[
    "布局", "格局", "结局", "骗局", "大局", "全局", "时局", "僵局", "开局", "赌局", "饭局", "变局",
    "新局",
];

/// Words that tie a unit to the body it belongs to inside one name (市直单位驻…, 附属…).
const CONNECTORS: &[&str] = &["驻", "派出", "附属"];
/// Words for holding an office, which a person's title follows (时任, 现任, 曾任).
const TENURE: &[&str] = &[
    "时任", "现任", "曾任", "历任", "原任", "担任", "兼任", "出任", "任", "升任", "调任",
];
/// Administrative levels that may prefix a body on their own (市税务局, 区检察院).
const LEVELS: &[&str] = &[
    "市", "区", "县", "省", "镇", "乡", "街道", "市直", "区直", "县直", "街",
];
/// Nouns that head an apposition and so end a name on its left (会员企业 X有限公司).
const APPOSITION: &[&str] = &[
    "会员单位",
    "成员单位",
    "企业",
    "会员",
    "单位",
    "线上",
    "线下",
    "基层",
    "各级",
    "成员",
    "下属",
    "所属",
    "旗下",
    "部门",
    "机构",
    "我市",
    "我区",
    "我县",
    "我省",
    "我院",
    "我校",
    "我局",
    "我会",
    "本院",
    "本校",
    "该院",
    "该校",
    "上级",
    "下级",
    "本级",
    "同级",
];
/// Verbs that head a clause and so never stand inside a name.
const PREDICATES: &[&str] = &[
    "前往", "响应", "参加", "参与", "来到", "进入", "支援", "驰援", "配合", "协助", "组织", "发动",
    "开展", "成立", "加入", "联系", "帮助", "召开", "举办", "启动", "号召", "动员", "看望", "走访",
    "落实", "贯彻", "拥护", "紧跟", "听从", "请求", "获得", "要求", "邀请", "督促", "委托", "起诉",
    "状告", "致信", "写信", "感谢", "会同", "列席", "出席", "主持", "出任", "当选", "走进", "深入",
    "传达", "视察", "率领", "带领", "陪同", "慰问", "发挥", "领会", "设立", "产生", "位于", "地处",
    "赞誉", "称赞", "赞扬", "表扬", "看见", "看到", "见到", "遇到", "发现", "找到",
];
/// Meetings, whose names end like a body's (`总结表彰会/遵义市关工委`): never a name's head.
const MEETINGS: &[&str] = &[
    "表彰会",
    "座谈会",
    "推进会",
    "动员会",
    "总结会",
    "见面会",
    "茶话会",
    "发布会",
    "培训会",
    "交流会",
    "观摩会",
    "报告会",
    "分享会",
];
/// Words that stand between a name and what came before it (`交由/北京市…协会`,
/// `连同/镇卫生院`, `…基金/捐资/…学校`), whatever jieba tagged them: never inside a name.
const NAME_BREAKERS: &[&str] = &[
    "入股", "领办", "首个", "交由", "连同", "以及", "及", "捐资", "捐建", "援建", "出资", "资助",
    "捐赠", "携手", "领会", "全部", "同志", "按", "按市", "按县", "按区", "按省", "包括", "其中",
    "暨",
];
/// Verbs of one body working with another (某某社区/联合/某某派出所).
const WORKING_WITH: &[&str] = &["联合", "协同", "会同", "联手"];
/// The venues a community or a town runs for its residents, named like bodies.
const SERVICE_VENUES: &[&str] = &[
    "党群服务中心",
    "政务服务中心",
    "便民服务中心",
    "文体中心",
    "活动中心",
    "文化活动中心",
];

/// Groups sent out on a mission (中央宣讲团, 代表团的四分团): a delegation, not a body.
const DELEGATIONS: &[&str] = &[
    "宣讲团",
    "代表团",
    "分团",
    "考察团",
    "慰问团",
    "访问团",
    "讲师团",
    "观摩团",
];
/// Branch suffixes that join a parent across one place word (链家集团通州分公司).
const BRANCHES: &[&str] = &["分公司", "分局", "分院", "分会", "支行", "分行", "分所"];

fn name_tag(tag: &str) -> bool {
    matches!(
        tag,
        "n" | "nr"
            | "nrfg"
            | "nrt"
            | "ns"
            | "nt"
            | "nz"
            | "j"
            | "ng"
            | "b"
            | "vn"
            | "l"
            | "eng"
            | "zg"
            | "a"
            | "an"
            | "t"
            | "k"
            | "s"
            | "f"
            | ""
    )
}

fn numbered(word: &str) -> bool {
    (word.starts_with('第') && word.chars().count() >= 2)
        || (word.ends_with('号') && word.chars().count() >= 2)
}

/// A preposition jieba glued to an administrative level (从市, 由市, 至市): the level starts a
/// name, the preposition does not belong to it.
fn glued_level(word: &str) -> bool {
    let mut cs = word.chars();
    matches!(
        (cs.next(), cs.next(), cs.next()),
        (Some(p), Some(l), None) if "从由在向到至对经据为往".contains(p) && "省市区县镇乡".contains(l)
    )
}

/// A date's 日 or 号 that jieba glued to the name after it (`21/日蓝星` of `7月21日蓝星石油`):
/// the name starts after it.
fn glued_date_unit(toks: &[Tok<'_>], k: usize) -> bool {
    let mut cs = toks[k].word.chars();
    matches!(cs.next(), Some('日' | '号'))
        && cs.next().is_some()
        && k > 0
        && toks[k - 1]
            .word
            .chars()
            .next_back()
            .is_some_and(|c| c.is_numeric() || "一二三四五六七八九十".contains(c))
}

fn is_suffix(lex: &Lexicon, t: &Tok<'_>) -> bool {
    !t.is_punct() && lex.org_suffix(t.word).is_some()
}

/// Whether token `k` closes an organization: a suffix, or 委 that jieba cut off a county or
/// city (苍南县/委 = 苍南县委).
fn suffix_at(lex: &Lexicon, toks: &[Tok<'_>], k: usize) -> bool {
    is_suffix(lex, &toks[k])
        || field_centre(toks, k)
        || (matches!(toks[k].word, "委" | "政府")
            && k > 0
            && toks[k - 1].tag == "ns"
            && ["省", "市", "县", "区", "州", "镇", "乡"]
                .iter()
                .any(|l| toks[k - 1].word.ends_with(l)))
}

/// A branch written right after its company (上海光明奶酪黄油有限公司|梵古易乳制品分公司): one
/// name. `out` is sorted by start.
fn join_branches(out: &mut Vec<OrgSpan>) {
    let mut k = 1;
    while k < out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        if a.end == b.start
            && BRANCHES.iter().any(|br| b.name.ends_with(br))
            && ["公司", "集团", "银行", "总行", "总局"]
                .iter()
                .any(|p| a.name.ends_with(p))
        {
            absorb_next(out, k, "");
            continue;
        }
        k += 1;
    }
}

/// Makes `out[k]` part of `out[k - 1]`, with `between` (the text between the two) in the name.
fn absorb_next(out: &mut Vec<OrgSpan>, k: usize, between: &str) {
    let b = out.remove(k);
    let a = &mut out[k - 1];
    a.name.push_str(between);
    a.name.push_str(&b.name);
    a.end = b.end;
    a.last = b.last;
    a.kind = b.kind;
}

/// Stations a bureau or a detachment keeps in a place (某某派出所, 某某市场监管所), named after it.
pub(super) const STATIONS: &[&str] = &[
    "派出所",
    "司法所",
    "市场监管所",
    "市场监督管理所",
    "食药监管所",
    "税务所",
    "财政所",
    "供电所",
    "国土所",
    "林业站",
];

/// Units named by their work right after the body they belong to (来宾市公安局|刑侦支队,
/// 中国科协|女|科技工作者专门委员会): one name, with a one-character modifier between the two.
/// Never a second body at its own level or place (市委|市政府, 公安局|城西派出所), nor one
/// with its own proper name. `out` is sorted by start.
fn join_sub_units(lex: &Lexicon, toks: &[Tok<'_>], out: &mut Vec<OrgSpan>) {
    const SUB_UNITS: &[&str] = &[
        "支队",
        "大队",
        "中队",
        "分队",
        "专门委员会",
        "工作委员会",
        "研究所",
        "研究室",
    ];
    const PARENTS: &[&str] = &[
        "局", "厅", "部", "委", "院", "协", "会", "联", "公司", "集团",
    ];
    let mut k = 1;
    while k < out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let gap = b.first.checked_sub(a.last);
        let modifier_between =
            gap == Some(1) && toks[a.last].chars() == 1 && matches!(toks[a.last].tag, "b" | "a");
        let head = &toks[b.first];
        // 某某县公安局/某某派出所, 某某区司法局/某某司法所, 某某边境管理支队/某某边境派出所: a
        // bureau's or a detachment's named station right after it is one body, written in its
        // longest form
        let station = gap == Some(0)
            && (a.name.ends_with('局') || a.name.ends_with("支队"))
            && STATIONS.iter().any(|u| b.name.ends_with(u))
            && b.name.chars().count() >= 5
            && !head
                .word
                .starts_with(['市', '县', '省', '区', '镇', '乡', '村']);
        if station {
            absorb_next(out, k, "");
            continue;
        }
        if (gap == Some(0) || modifier_between)
            && SUB_UNITS.iter().any(|u| b.name.ends_with(u))
            && PARENTS.iter().any(|p| a.name.ends_with(p))
            && !matches!(head.tag, "ns" | "nt" | "nr" | "nz")
            && !head
                .word
                .starts_with(['市', '县', '省', '区', '镇', '乡', '村'])
            && !lex.known_orgs.contains(b.name.as_str())
        {
            let between = if modifier_between {
                toks[a.last].word
            } else {
                ""
            };
            absorb_next(out, k, between);
            continue;
        }
        k += 1;
    }
}

/// A level's people's congress or political consultative conference written with the level
/// alone (县/人大 副主任, 市/政协): the body of that level, as 县委 is.
pub fn level_assemblies(toks: &[Tok<'_>], orgs: &mut Vec<OrgSpan>) {
    let before = orgs.len();
    for k in 1..toks.len() {
        let (level, body) = (&toks[k - 1], &toks[k]);
        if !["省", "市", "县", "区", "州", "镇", "乡"].contains(&level.word)
            || !["人大", "政协"].contains(&body.word)
            || level.end != body.start
            || orgs
                .iter()
                .any(|o| o.start < body.end && level.start < o.end)
        {
            continue;
        }
        // (县/人大/常委会: the longer name is read by the suffix rules)
        if toks
            .get(k + 1)
            .is_some_and(|n| n.start == body.end && n.word.starts_with("常委"))
        {
            continue;
        }
        orgs.push(OrgSpan {
            start: level.start,
            end: body.end,
            first: k - 1,
            last: k + 1,
            name: format!("{}{}", level.word, body.word),
            kind: "government".to_string(),
            named_start: false,
        });
    }
    if orgs.len() > before {
        orgs.sort_by_key(|o| o.start);
    }
}

/// The Communist Youth League's committee of a level, in the ways it is written: the league
/// and the place before the level's committee (共青团/凤凰/县委, 团/凤凰/县委, 团/州委), or the
/// place before the league's committee at the head of a clause (，城固/v 团县委): one body.
pub fn league_committees(toks: &[Tok<'_>], orgs: &mut Vec<OrgSpan>) {
    const COMMITTEES: &[&str] = &["省委", "市委", "州委", "县委", "区委"];
    const LEAGUE_COMMITTEES: &[&str] = &["团省委", "团市委", "团州委", "团县委", "团区委"];
    let stem = |t: &Tok<'_>| {
        (2..=3).contains(&t.chars())
            && t.word.chars().all(crate::text::is_han)
            && !is_function_word(t.word)
            && !t.word.ends_with(['团', '委'])
    };
    let mut found = Vec::new();
    for k in 0..toks.len() {
        let t = &toks[k];
        let next = |j: usize| toks.get(j).filter(|n| n.start == toks[j - 1].end);
        let span = if matches!(t.word, "共青团" | "团") {
            match (next(k + 1), next(k + 2)) {
                (Some(c), _) if COMMITTEES.contains(&c.word) => Some((k, k + 2)),
                (Some(p), Some(c)) if stem(p) && COMMITTEES.contains(&c.word) => Some((k, k + 3)),
                _ => None,
            }
        } else if LEAGUE_COMMITTEES.contains(&t.word)
            && k >= 1
            && toks[k - 1].end == t.start
            && toks[k - 1].chars() == 2
            && stem(&toks[k - 1])
            && (k == 1 || toks[k - 2].is_punct())
        {
            Some((k - 1, k + 1))
        } else {
            None
        };
        if let Some((a, b)) = span {
            found.push(OrgSpan {
                start: toks[a].start,
                end: toks[b - 1].end,
                first: a,
                last: b,
                name: toks[a..b].iter().map(|x| x.word).collect(),
                kind: "party".to_string(),
                named_start: b - a == 3 || a + 1 == k,
            });
        }
    }
    // The league named alone before a noun it qualifies is the movement, no body (发挥共青团桥梁
    // 纽带作用, 共青团主责主业, 共青团进社区); as the subject of its sentence it is one (共青团要…).
    let qualifies = |o: &OrgSpan| {
        toks.get(o.last)
            .is_some_and(|n| matches!(n.tag, "n" | "vn" | "nz") || n.word == "进")
    };
    orgs.retain(|o| o.name != "共青团" || !qualifies(o));
    if found.is_empty() {
        return;
    }
    orgs.retain(|o| !found.iter().any(|f| f.start < o.end && o.start < f.end));
    orgs.extend(found);
    orgs.sort_by_key(|o| o.start);
}

/// A body's own party unit written right after it (县政府办/机关/党支部, 某某局/党委, 某某医院/党总支)
/// is one name with it, in its longest written form, as the annotated pages write it
/// (某某市民政局党组).
pub fn take_in_party_units(toks: &[Tok<'_>], orgs: &mut [OrgSpan]) {
    const UNITS: &[&str] = &[
        "党支部",
        "党总支",
        "党委",
        "党组",
        "支部",
        "机关党委",
        "机关党支部",
        "机关党总支",
    ];
    const OFFICES: &[&str] = &[
        "局", "办", "委", "院", "政府", "中心", "所", "站", "公司", "学校", "小学", "中学", "学院",
        "部", "馆", "厅",
    ];
    for o in orgs.iter_mut() {
        if o.last >= toks.len()
            || toks[o.last].start != o.end
            || !OFFICES.iter().any(|s| o.name.ends_with(s))
        {
            continue;
        }
        let mut k = o.last;
        let mut unit = String::new();
        // (机关/党支部: the offices' own branch, written in two words)
        if toks[k].word == "机关" {
            unit.push_str("机关");
            k += 1;
        }
        let prev_end = if k == o.last { o.end } else { toks[k - 1].end };
        let Some(t) = toks.get(k).filter(|t| t.start == prev_end) else {
            continue;
        };
        unit.push_str(t.word);
        if !UNITS.contains(&unit.as_str()) {
            continue;
        }
        // (某某局/党组/成员, 某某局/党委/副书记: the unit opens a member's title, and the
        // body named is the bureau)
        if toks.get(k + 1).is_some_and(|n| {
            n.start == t.end
                && ["书记", "副书记", "成员", "委员", "副主任", "主任"]
                    .iter()
                    .any(|w| n.word.starts_with(w))
        }) {
            continue;
        }
        // never the next body's own (某某局党委书记 stays 某某局党委: the title is no part)
        o.name.push_str(&unit);
        o.end = t.end;
        o.last = k + 1;
        o.kind = "party".to_string();
    }
}

/// Whether token `k` is 中心 after the work a centre does (研究/中心, 培训/中心): a centre
/// jieba cut apart, which closes a name as 研究中心 would. 中心 alone is too common a word
/// (市中心, 活动中心) to close one.
fn field_centre(toks: &[Tok<'_>], k: usize) -> bool {
    const FIELDS: &[&str] = &[
        "研究", "培训", "指挥", "救助", "检测", "监测", "指导", "咨询", "研发", "鉴定", "评估",
        "交流", "孵化", "援助", "服务", "交易", "科学", "发展", "信息", "技术", "调度", "保障",
        "应急", "控制",
    ];
    let field = |w: &str| FIELDS.iter().any(|f| w.ends_with(f));
    let t = toks[k].word;
    // 产权交易/中心, 空间科学/中心; or one word (卫生/服务中心)
    (t == "中心" && k > 0 && field(toks[k - 1].word))
        || t.strip_suffix("中心")
            .is_some_and(|w| w.chars().count() == 2 && field(w))
}

/// How many field tokens (one or two nouns) stand before 和 or 与 at `k` when it joins two
/// fields inside one body's name: right after an administrative level or a place
/// (市林业和园林局, 区人力资源和社会保障局) or after a parent institution (重庆交通大学建筑与
/// 城市规划学院, 中国科学院地理科学与资源研究所).
fn paired_fields(lex: &Lexicon, toks: &[Tok<'_>], k: usize) -> Option<usize> {
    let field = |t: &Tok<'_>| {
        matches!(t.tag, "n" | "vn")
            && !t.is_punct()
            && !is_suffix(lex, t)
            && !is_function_word(t.word)
            && !APPOSITION.contains(&t.word)
    };
    (1..=2).find(|&n| {
        k > n && (k - n..k).all(|j| field(&toks[j]) && !suffix_at(lex, toks, j)) && {
            let head = &toks[k - n - 1];
            LEVELS.contains(&head.word)
                || glued_level(head.word)
                || (head.tag == "ns" && !is_suffix(lex, head))
                || parent_institution(head.word)
        }
    })
}

/// Institutions whose schools, institutes and committees are named through them (大学 →
/// 学院, 科学院 → 研究所, 学会 → 专业委员会).
fn parent_institution(word: &str) -> bool {
    const PARENTS: &[&str] = &[
        "大学",
        "科学院",
        "社会科学院",
        "社科院",
        "中科院",
        "工程院",
        "研究院",
        "学会",
        "协会",
        "联合会",
        "工商联",
    ];
    PARENTS.iter().any(|p| word.ends_with(p))
}

/// Units named through their parent institution (学院, 研究所, 专业委员会, 实验室).
fn sub_unit(word: &str) -> bool {
    const UNITS: &[&str] = &[
        "学院",
        "学系",
        "研究所",
        "研究中心",
        "研究院",
        "实验室",
        "委员会",
        "分会",
        "中心",
        "商会",
    ];
    UNITS.iter().any(|u| word.ends_with(u))
}

/// The index of the opening quote when a short quoted phrase ends right before token `start`
/// (“青年地带”素社街社工站, “给孩子送双运动鞋”公益行动北京组委会).
fn quoted_before(toks: &[Tok<'_>], start: usize) -> Option<usize> {
    let close = start.checked_sub(1)?;
    if toks[close].word != "”" {
        return None;
    }
    let mut chars = 0;
    for k in (close.saturating_sub(12)..close).rev() {
        let t = &toks[k];
        if t.word == "“" {
            return (chars > 0).then_some(k);
        }
        if t.is_punct() {
            return None;
        }
        chars += t.chars();
        if chars > 12 {
            return None;
        }
    }
    None
}

/// Whether token `k` is a one-character measure word after a number (２７７支救援队).
fn measure_after_number(toks: &[Tok<'_>], k: usize) -> bool {
    k > 0
        && toks[k].chars() == 1
        && !LEVELS.contains(&toks[k].word)
        && toks[k - 1]
            .word
            .chars()
            .last()
            .is_some_and(|c| c.is_numeric() || "一二三四五六七八九十百千万两几多".contains(c))
}

/// The byte length of the organization suffix at the start of `word` when a title follows it
/// in the same token (协会|会长, 小学|老师, 局|局长).
fn glued_title(lex: &Lexicon, word: &str) -> Option<usize> {
    word.char_indices().skip(1).map(|(i, _)| i).find(|&i| {
        lex.roles.contains(&word[i..])
            && word[i..].chars().count() >= 2
            && lex.org_suffix(&word[..i]).is_some()
    })
}

/// Whether the single-word organization at `k` only modifies the noun after it, inside the
/// name of a programme, award or mechanism (国务院特殊津贴, 国务院农村学生营养改善计划).
fn heads_compound(lex: &Lexicon, toks: &[Tok<'_>], k: usize) -> bool {
    toks.get(k + 1).is_some_and(|n| {
        matches!(n.tag, "n" | "vn" | "nz")
            && n.chars() >= 2
            && (!lex.is_role(n.word) || super::is_standing(n.word))
            && !is_suffix(lex, n)
            && !APPOSITION.contains(&n.word)
    })
}

/// Whether token `k` is a body of its own that a coordination lists next to the one before it
/// (市委市政府, 县委县政府, 中共中央国务院), not a department of it (县委组织部).
fn coordinated(lex: &Lexicon, t: &Tok<'_>) -> bool {
    lex.org_standalone.contains(t.word)
}

/// Bodies a page names by a level below the county and the body's kind alone (经镇党委研究,
/// 镇人大组织代表): reported as printed, folded into the one a place heads when the article
/// names it (梨园镇党委). Unlike the county's and city's (县委, 市政府), they take in no common
/// word on their left.
const LEVEL_BODIES: &[&str] = &[
    "镇党委",
    "乡党委",
    "镇政府",
    "乡政府",
    "省人大",
    "市人大",
    "县人大",
    "区人大",
    "镇人大",
    "乡人大",
    "省政协",
    "市政协",
    "县政协",
    "区政协",
];

/// Sub-units a page names through their parent (市税务局办公室 stands for 市税务局).
const SUB_UNITS: &[&str] = &["办公室"];

/// Whether suffix token `k` continues the organization whose core ends just before it.
/// A commission's office acting in its own right (国家防灾减灾救灾委员会办公室、应急管理部…)
/// is a body of its name; inside a title (…委员会办公室主任) it stands for the commission.
fn chains_on(lex: &Lexicon, toks: &[Tok<'_>], k: usize) -> bool {
    let t = &toks[k];
    let commission_office = t.word == "办公室"
        && k > 0
        && toks[k - 1].word.ends_with("委员会")
        && !toks.get(k + 1).is_some_and(|n| lex.is_role(n.word));
    suffix_at(lex, toks, k)
        && !coordinated(lex, t)
        && (commission_office || !SUB_UNITS.iter().any(|u| t.word.ends_with(u)))
}

/// Whether token `k` ends in 部 and the next starts with 门 (农业农村部/门将): a ministry's
/// name inside 部门, the department of any level, names no body.
fn department_word_after(toks: &[Tok<'_>], k: usize) -> bool {
    toks[k].word.ends_with('部') && toks.get(k + 1).is_some_and(|n| n.word.starts_with('门'))
}

/// Tokens of a department right after a ministry or bureau that ends at `k` (民政部|养老/服务/司,
/// 国家邮政局|市场/监管司, 中国疾控中心|传防处): one to three plain words whose last ends in
/// 司 or 处, two to six characters in all.
fn department_after(toks: &[Tok<'_>], core_end: usize) -> Option<usize> {
    let body = toks.get(core_end.checked_sub(1)?)?;
    if !["部", "局", "委", "署", "中心", "委员会"]
        .iter()
        .any(|e| body.word.ends_with(e))
    {
        return None;
    }
    let mut chars = 0;
    for n in 1..=3 {
        let t = toks.get(core_end + n - 1)?;
        if t.is_punct()
            || is_function_word(t.word)
            || matches!(t.word, "负责" | "依法" | "依规" | "严肃" | "从严")
            || !matches!(t.tag, "n" | "vn" | "v" | "nr" | "l" | "j")
        {
            return None;
        }
        chars += t.chars();
        if chars > 6 {
            return None;
        }
        if t.word.ends_with(['司', '处'])
            && !t.word.ends_with("公司")
            // a noun, never a verb (依法/查处, 妥善/处理)
            && matches!(t.tag, "n" | "nr" | "j")
            && (2..=6).contains(&chars)
            && (n > 1 || t.chars() >= 2)
        {
            return Some(n);
        }
    }
    None
}

/// Tokens of a branch right after an organization at `k`: a place word (ns, or a division
/// jieba tagged otherwise), at most one modifier (中心, 监管), and a branch suffix.
fn branch_after(lex: &Lexicon, toks: &[Tok<'_>], k: usize) -> Option<usize> {
    let place = toks.get(k)?;
    if !(matches!(place.tag, "ns" | "nz" | "n") || lex.gazetteer_flags(place) != 0)
        || place.is_punct()
    {
        return None;
    }
    let is_branch = |t: &Tok<'_>| BRANCHES.iter().any(|b| t.word.ends_with(b));
    if toks.get(k + 1).is_some_and(is_branch) {
        return Some(2);
    }
    let modifier = toks.get(k + 1)?;
    (matches!(modifier.tag, "n" | "vn")
        && !is_suffix(lex, modifier)
        && (lex.gazetteer_flags(place) != 0 || place.tag == "ns")
        && toks.get(k + 2).is_some_and(is_branch))
    .then_some(3)
}

/// Words jieba tags as times that name an age group, as in 青年志愿者协会 or 老年大学.
const AGE_GROUPS: &[&str] = &["青年", "少年", "中年", "老年", "童年", "幼年", "青少年"];

/// Whether token `k` may stand inside an organization name left of its suffix; `core` is the
/// index of the first suffix token.
fn left_ok(lex: &Lexicon, toks: &[Tok<'_>], k: usize, core: usize) -> bool {
    let t = &toks[k];
    if t.is_punct() || is_function_word(t.word) {
        return false;
    }
    // A company's registered name reads from its place or brand to 有限公司 whatever jieba made
    // of the words between (上海/宙宏/企业/发展/有限公司, 昌辉/房地产/开发/有限责任/公司,
    // 云南/一身/清/生物科技/有限公司).
    if company_core(toks, core) {
        let clause_verb = PREDICATES.contains(&t.word)
            || NAME_BREAKERS.contains(&t.word)
            || (matches!(t.tag, "v" | "vn")
                && (t.chars() == 1
                    || toks
                        .get(k + 1)
                        .is_some_and(|n| matches!(n.tag, "nr" | "ns" | "nz" | "nt"))));
        // (an appositive before the name stays out, 会员单位; 企业 is inside many: 某某企业发展)
        let appositive = APPOSITION.contains(&t.word) && t.word != "企业";
        return t.word.chars().all(crate::text::is_han)
            && !clause_verb
            && !appositive
            && !t.word.starts_with(['了', '的', '着', '过'])
            && !matches!(
                t.tag,
                "r" | "p" | "c" | "u" | "uj" | "ul" | "d" | "ad" | "q"
            )
            && !is_count(t.word)
            && !never_in_name(t, toks, k, core);
    }
    if APPOSITION.contains(&t.word) {
        return false;
    }
    // A level's party committee opens the name it heads (集中学习/市委党校): only its place or
    // 中共 stand before it.
    if ["省委", "市委", "区委", "县委", "州委"]
        .iter()
        .any(|p| toks[core].word.starts_with(p))
        && !(t.tag == "ns" || t.word == "中共" || lex.place_suffix(t.word).is_some())
    {
        return false;
    }
    // Prepositions and verbs of one character jieba tags as nouns (经/河南电视台, 报/市政府).
    if t.chars() == 1 && "经报向据请让被把给将对替到".contains(t.word) {
        return false;
    }
    if never_in_name(t, toks, k, core) {
        return false;
    }
    // The predicate of the sentence, whatever jieba tagged it (落实/a 好/a 党中央), and the
    // complement 好 after a verb.
    // (a predicate with its adverb in one token: 积极响应, 充分发挥)
    if PREDICATES.contains(&t.word)
        || (t.chars() >= 3 && PREDICATES.iter().any(|p| *p != "组织" && t.word.ends_with(p)))
        || NAME_BREAKERS.contains(&t.word)
        // one body working with another (某某社区/联合/某某派出所, 志愿者/协同/某某居委会)
        || (WORKING_WITH.contains(&t.word)
            && k + 1 < core
            && k > 0
            && (lex.org_suffix(toks[k - 1].word).is_some()
                || lex.place_suffix(toks[k - 1].word).is_some()
                || matches!(toks[k - 1].tag, "n" | "nr" | "r")))
        || MEETINGS.iter().any(|m| t.word.ends_with(m))
        // a conjunction or a verb jieba glued to a name (陈某及, 东及, 孙某率), a plural (们),
        // a verb of reaching (发送到, 来到)
        || (t.chars() >= 2 && t.word.ends_with(['及', '率', '们', '到']))

        || (t.word == "好" && k > 0 && matches!(toks[k - 1].tag, "v" | "a" | "vn" | "ad"))
    {
        return false;
    }
    // A verb of two characters before a place name (建设/涟源市…学校, 支援/武汉市…医院) is
    // the predicate and its object: the name starts at the place (驻 names a mission: kept).
    if matches!(t.tag, "v" | "vn")
        && t.chars() == 2
        && !CONNECTORS.iter().any(|c| t.word.ends_with(c))
        && toks.get(k + 1).is_some_and(|n| n.tag == "ns")
    {
        return false;
    }
    // A term of office before the body someone serves in (时任/南昌特勤消防一中队班长).
    if TENURE.contains(&t.word) {
        return false;
    }
    // A time (今天上午, which jieba may even tag as a name) or a temporal postposition
    // (期间, 以来) ends a name.
    if TIME_WORDS.iter().any(|w| t.word.starts_with(w)) || POSTPOSITIONS.contains(&t.word) {
        return false;
    }
    if lex.roles.contains(t.word) && !super::is_standing(t.word) {
        // 志愿者协会, 医师协会: a title right before the suffix is part of the name; so is the
        // kind of work a committee does (残疾人/工作/委员会).
        return k + 1 == core || (k + 2 == core && toks[k + 1].word == "工作");
    }
    if CONNECTORS.contains(&t.word) || t.word == "类" {
        return true;
    }
    if t.tag == "m" {
        // 第二中学, 九里亭: a number that names; never a count (一家, 一所, 一级). A unit
        // numbered within its force after the force's name (交巡警一大队, 消防三中队).
        let numbered_unit = k + 1 == core
            && t.chars() == 1
            && "一二三四五六七八九十".contains(t.word)
            && ["大队", "中队", "支队", "分队"].contains(&toks[core].word)
            && k > 0
            && matches!(toks[k - 1].tag, "n" | "nz" | "nt" | "j" | "vn")
            && !toks[k - 1].is_punct();
        // 二/十国集团: the numeral jieba cut off a group named by its count
        let count_named = k + 1 == core
            && t.word.chars().all(|c| "一二三四五六七八九十".contains(c))
            && toks[core]
                .word
                .starts_with(|c: char| "一二三四五六七八九十".contains(c));
        return numbered_unit
            || count_named
            || numbered(t.word)
            || (t.word.chars().count() >= 2
                && t.word.chars().any(|c| {
                    !c.is_ascii_digit() && !"零一二三四五六七八九十百千万亿两".contains(c)
                })
                && !is_count(t.word));
    }
    if matches!(t.tag, "t" | "tg") {
        // A time word ends a name (昨天…监管局) unless it is the name itself (明天小学), or
        // an age group (零点/青年/公益创业发展中心).
        return AGE_GROUPS.contains(&t.word)
            || (k + 1 == core && t.chars() >= 2 && !lex.generic_orgs.contains(toks[core].word));
    }
    if t.tag == "f" && t.chars() == 1 {
        // A one-character locative (北京上大学) ends a name.
        return false;
    }
    if t.tag == "v" {
        // A verb inside a name (安防, 健身, 寻乡) sits between nouns, never before a time word.
        // Never the predicate of the sentence (前往区疾控中心, 响应党中央, 参加党支部).
        if PREDICATES.contains(&t.word) {
            return false;
        }
        let next_ok = toks.get(k + 1).is_some_and(|n| {
            matches!(n.tag, "n" | "vn" | "nz" | "ng" | "j") && !LEVELS.contains(&n.word)
        }) || (k + 1 == core
            && !lex.generic_orgs.contains(toks[core].word)
            && !lex.org_standalone.contains(toks[core].word));
        // (never after a person who opens the clause: 葛某/nr 传达/v 县委组织部; a name jieba
        // read as a person inside a place's body stays: 深圳市/智慧/nr 安防/v 行业协会)
        let prev_ok = k > 0
            && (matches!(toks[k - 1].tag, "n" | "nz" | "ns" | "nt" | "an" | "j")
                || (toks[k - 1].tag == "nr"
                    && k > 1
                    && matches!(toks[k - 2].tag, "ns" | "nt" | "nz" | "j")));
        return next_ok && prev_ok && t.word.chars().count() == 2;
    }
    name_tag(t.tag) || t.tag == "d"
}

/// Whether the suffix at `core` closes a company's registered name (有限公司, 有限责任/公司).
fn company_core(toks: &[Tok<'_>], core: usize) -> bool {
    toks.get(core).is_some_and(|c| {
        c.word.ends_with("有限公司")
            || c.word == "公司" && core > 0 && toks[core - 1].word.ends_with("有限责任")
    })
}

/// Words that never stand inside a name, whoever proposes the span (the rules or the
/// tagger): a preposition or a verb jieba glued to the name's head (向国机/集团), what stands before a
/// name rather than in it (利用, 辖区内), and 联合 between two bodies (某街道/联合/团区委;
/// before a party unit it is part of the name: 联合/党委, 联合/党支部).
fn never_in_name(t: &Tok<'_>, toks: &[Tok<'_>], k: usize, core: usize) -> bool {
    (t.chars() >= 2 && t.word.starts_with(['向', '把', '被', '替']) && t.tag == "n")
        // 物资/由赛/nr …公司: the preposition 由 or 从 glued to the name after a noun
        || (t.chars() == 2
            && t.word.starts_with(['由', '从'])
            && k > 0
            && matches!(toks[k - 1].tag, "n" | "v" | "vn" | "r" | "nr"))
        // 除鑫利达/nz, 感谢电/n 商/协会, 积极响应/n 县委: 除 or a clause's verb glued to the
        // name's head, or to the adverb before it
        || (t.chars() >= 3
            && (t.word.starts_with('除')
                || PREDICATES.iter().any(|p| {
                    p.len() == 6
                        && (t.word.starts_with(p) || (*p != "组织" && t.word.ends_with(p)))
                })))
        // 杜兵/代表/县委: someone speaking for a committee or a government
        || (t.word == "代表"
            && toks
                .get(k + 1)
                .is_some_and(|n| n.word.ends_with('委') || n.word.ends_with("政府")))
        || NAME_BREAKERS.contains(&t.word)
        || ["利用", "辖区", "辖区内", "区域内", "内"].contains(&t.word)
        || (t.word == "联合"
            && !(k + 1 == core
                && toks
                    .get(core)
                    .is_some_and(|c| ["党委", "党支部", "党总支", "支部"].contains(&c.word))))
}

/// A word the tagger may add at a name's head: a noun, a name or a place word; never
/// punctuation, a function word, an appositive (企业, 部门), a conjunction or verb jieba glued on
/// (东及, 孙某率) or a word that stands before names ([`never_in_name`]).
fn plain_name_word(x: &Tok<'_>, toks: &[Tok<'_>], k: usize, core: usize) -> bool {
    let glued = x.chars() >= 2 && x.word.ends_with(['及', '率', '们']);
    if x.is_punct()
        || is_function_word(x.word)
        || glued
        || never_in_name(x, toks, k, core)
        || APPOSITION.contains(&x.word)
    {
        return false;
    }
    matches!(x.tag, "ns" | "nr" | "nz" | "a" | "n" | "j")
        || x.word.ends_with(['乡', '镇', '村', '县', '区'])
}

/// Finds every organization mention in the tagged body.
pub fn find(lex: &Lexicon, toks: &[Tok<'_>], tagged: Option<&[EntitySpan]>) -> Vec<OrgSpan> {
    let tagged_orgs: Vec<&EntitySpan> = tagged
        .unwrap_or_default()
        .iter()
        .filter(|s| s.kind == EntityKind::Organization)
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // A suffix jieba glued to the title after it (协会会长, 小学老师, 局局长) closes the name
        // inside the token: `cut` bytes of it belong to the organization.
        let cut = if suffix_at(lex, toks, i) {
            None
        } else {
            // Not when the title heads a longer noun (中学校长培训中心).
            let compound = toks.get(i + 1).is_some_and(|n| matches!(n.tag, "n" | "vn"));
            match glued_title(lex, toks[i].word).filter(|_| !compound) {
                Some(cut) => Some(cut),
                None => {
                    i += 1;
                    continue;
                }
            }
        };
        // 统揽全局/l, 开新局/n, 诈骗/局: a common word in 局, whole or cut apart, is no body.
        let common_ju = COMMON_JU.iter().any(|w| {
            toks[i]
                .word
                .strip_suffix(w)
                .is_some_and(|head| head.is_empty() || head.chars().count() >= 2)
        }) || (toks[i].word == "局"
            && i > 0
            && toks[i - 1]
                .word
                .chars()
                .last()
                .is_some_and(|c| COMMON_JU.iter().any(|w| w.starts_with(c))));
        if cut.is_none() && common_ju {
            i += 1;
            continue;
        }
        // The core: adjacent suffixes, and a branch across a place word (链家集团通州分公司,
        // …委员会常德监管分局).
        let core_start = i;
        let mut end = i + 1;
        while cut.is_none() {
            if end < toks.len() && chains_on(lex, toks, end) {
                end += 1;
                continue;
            }
            if let Some(n) = branch_after(lex, toks, end) {
                end += n;
                continue;
            }
            if let Some(n) = department_after(toks, end) {
                end += n;
                break;
            }
            // 县委/办, 县府/办, 市政府/办: the office of a committee or a government, which
            // jieba cuts as a verb
            if end < toks.len()
                && toks[end].word == "办"
                && toks[end].start == toks[end - 1].end
                && toks[end - 1].word.ends_with(['委', '府'])
            {
                end += 1;
            }
            break;
        }
        // Extend left through name-like tokens.
        let unit_word = cut.map_or(toks[end - 1].word, |c| &toks[end - 1].word[..c]);
        let mut start = core_start;
        let mut chars = 0;
        while start > 0 {
            let t = &toks[start - 1];
            if suffix_at(lex, toks, start - 1) {
                // Another organization ends here; only 附属 ties the two into one name, or a
                // school or institute named through its parent (重庆交通大学|建筑学院).
                if start < core_start && parent_institution(t.word) && sub_unit(unit_word) {
                    start -= 1;
                    continue;
                }
                // 外交部|驻澳门特派员公署, 中国人民解放军|驻香港部队: an office stationed
                // somewhere is named through the body that sends it.
                if start < core_start && toks[start].word == "驻" {
                    start -= 1;
                    continue;
                }
                // 市农业局|党委书记, 经管学院|党委书记: a body's own party unit, written with
                // the title of its secretary, is named through the body
                if start == core_start
                    && cut.is_some()
                    && matches!(unit_word, "党委" | "党支部" | "党总支" | "党组" | "党工委")
                    && t.end == toks[core_start].start
                {
                    start -= 1;
                    continue;
                }
                break;
            }
            if matches!(t.word, "和" | "与" | "及")
                && let Some(n) = paired_fields(lex, toks, start - 1)
            {
                // 广州市林业和园林局: two fields joined inside one body's name.
                start -= 1 + n;
                continue;
            }
            // 约翰斯·霍普金斯大学: a foreign name with its dot heads the name (a Chinese
            // division before the dot only locates it: 重庆·西南大学).
            if t.word == "·"
                && start >= 2
                && matches!(toks[start - 2].tag, "nr" | "nrt" | "nrf" | "ns")
                && !is_place(lex, toks[start - 2].word)
            {
                start -= 2;
                break;
            }
            // 联合/党委: a joint party unit; 某街道/联合/团区委: two bodies acting together.
            if t.word == "联合" {
                if start == core_start
                    && ["党委", "党支部", "党总支", "支部", "党工委"]
                        .contains(&toks[core_start].word)
                {
                    start -= 1;
                    continue;
                }
                break;
            }
            // 天平(湖南)街道…: a name's other name in brackets inside it.
            if matches!(t.word, ")" | "）")
                && start >= 4
                && matches!(toks[start - 3].word, "(" | "（")
                && matches!(toks[start - 2].tag, "ns" | "nr" | "n" | "nz")
                && matches!(toks[start - 4].tag, "ns" | "nr" | "n" | "nz")
                && !toks[start - 4].is_punct()
            {
                start -= 3;
                continue;
            }
            // 十九/届/中央委员会: the term a committee was elected for is part of its name.
            if t.word == "届" && start >= 2 && toks[start - 2].tag == "m" && start == core_start {
                start -= 2;
                break;
            }
            if !left_ok(lex, toks, start - 1, core_start) {
                break;
            }
            // 社区/正/d 规划/建设/vn 便民服务/中心: a centre's name has no verbs in it.
            if field_centre(toks, core_start)
                && start < core_start
                && matches!(t.tag, "v" | "vn" | "d" | "ad")
            {
                break;
            }
            // A body jieba knows whole (杭州市政府/nt) takes in only names and levels on its
            // left, never a common word (将报/杭州市政府).
            // So does a bank or company jieba knows whole (其是/v 中国建设银行/nt).
            // So does a body named by its level alone (大家/送上/党中央, 代表/党中央).
            if toks[core_start].tag == "nt"
                && (toks[core_start].chars() >= 4
                    || lex.org_standalone.contains(toks[core_start].word))
                && (division_prefix(lex, toks[core_start].word).is_some()
                    || lex.org_standalone.contains(toks[core_start].word)
                    || ["银行", "公司", "集团"]
                        .iter()
                        .any(|s| toks[core_start].word.ends_with(s)))
                && !matches!(t.tag, "ns" | "nt" | "nz" | "j" | "nr" | "nrt")
                && !LEVELS.contains(&t.word)
                && !glued_level(t.word)
            {
                break;
            }
            chars += t.chars();
            if chars > 24 {
                break;
            }
            start -= 1;
            if glued_level(t.word) || glued_date_unit(toks, start) {
                break;
            }
            if t.word == "附属" && start > 0 && is_suffix(lex, &toks[start - 1]) {
                // 同济大学附属…医院: take the parent in, then keep going left from it.
                start -= 1;
                while start > 0 && left_ok(lex, toks, start - 1, core_start) {
                    start -= 1;
                }
            }
        }
        // A parent institution jieba cut apart (中国/地理学/会) that the tagger reads whole.
        if start < core_start && sub_unit(unit_word) {
            let at = toks[start].start;
            if let Some(k) = tagged_orgs
                .iter()
                .find(|s| s.end == at && s.start < at)
                .filter(|_| start > 0)
                .map(|s| toks.partition_point(|x| x.start < s.start))
                .filter(|&k| k < start)
            {
                let parent: String = toks[k..start].iter().map(|x| x.word).collect();
                if parent_institution(&parent) {
                    start = k;
                }
            }
        }
        // Trim connectors and stray modifiers at the start (never a committee's term, 十九/届).
        let term = start + 2 == core_start && toks[start + 1].word == "届";
        while start < core_start
            && !term
            && (CONNECTORS.contains(&toks[start].word)
                // an appositive a company's name took in at its head (会员/企业/广电信义…公司)
                || APPOSITION.contains(&toks[start].word)
                || toks[start].word == "联合"
                || toks[start].word == "类"
                || matches!(toks[start].tag, "v" | "d" | "m")
                || (matches!(toks[start].tag, "f" | "a" | "b" | "k")
                    && toks.get(start + 1).is_some_and(|n| n.chars() > 1))
                || measure_after_number(toks, start))
        {
            start += 1;
        }
        // A centre named by its work alone (研究中心) is a kind of body, not a name.
        if field_centre(toks, core_start) && start + 1 >= core_start {
            i = end;
            continue;
        }
        if cut.is_some() && start == core_start {
            // A glued suffix alone (纪委书记, 教育部中学校长) names no body of its own.
            i = end;
            continue;
        }
        // The tagger may see a name further left that a tag hid (平遥/a 牛肉集团): take in up to
        // two more plain word tokens when its organization ends where this one does.
        if let Some(s) = tagged_orgs
            .iter()
            .find(|s| s.end == toks[end - 1].end && s.start < toks[start].start && cut.is_none())
        {
            let k = toks.partition_point(|x| x.start < s.start);
            if k < start
                && start - k <= 3
                && toks.get(k).is_some_and(|x| x.start == s.start)
                && toks[k..start].iter().enumerate().all(|(j, x)| {
                    // (never a body working with this one, 某某湖社区/联合/某某派出所: a name
                    // follows the verb; 工会/联合/总会 is one body's name)
                    !(WORKING_WITH.contains(&x.word) && k + j + 1 < core_start) && (
                    // a one-character locative the name starts with (中/f 坤/ns 集团)
                    (j == 0 && x.tag == "f" && x.chars() == 1 && k + 1 < core_start)
                        // a foreign name jieba reads as a verb (律敦治/v 医院), or a piece of an
                        // abbreviation after the name's start (北京城/ns 建/v 建设公司)
                        || (x.tag == "v" && x.chars() >= 3 && k + j + 1 == start)
                        || (x.tag == "v" && j > 0 && matches!(toks[k].tag, "ns" | "nz" | "nt" | "j"))
                        || plain_name_word(x, toks, k + j, core_start))
                })
            {
                start = k;
            }
        }
        // The tagger reads the same organization starting later, after verbs the rules took in
        // (挑战/vn 八国集团): the name starts where the tagger's does.
        if cut.is_none()
            && let Some(s) = tagged_orgs
                .iter()
                .find(|s| s.end == toks[end - 1].end && s.start > toks[start].start)
        {
            let k = toks.partition_point(|x| x.start < s.start);
            if k > start
                && k < end
                && toks[k].start == s.start
                && (toks[start..k]
                    .iter()
                    .all(|x| matches!(x.tag, "v" | "vn" | "vd" | "d" | "p" | "ad"))
                    // 制/n 发给/vn 常口村民委员会: a verb that governs the name, after a
                    // stray character of the verb before it
                    || (matches!(toks[k - 1].tag, "v" | "vn")
                        && !CONNECTORS.contains(&toks[k - 1].word)
                        && toks[start..k - 1].iter().all(|x| {
                            x.chars() == 1
                                && matches!(x.tag, "n" | "ng" | "v" | "d" | "p")
                                && !LEVELS.contains(&x.word)
                        })))
            {
                start = k;
            }
        }
        if let Some(open) = quoted_before(toks, start) {
            // “青年地带”素社街社工站: a quoted name heads the body's name, after the level body
            // it belongs to (区委“两新”工委).
            start = open;
            if start > 0 && lex.org_standalone.contains(toks[start - 1].word) {
                start -= 1;
            }
        }
        if toks[start].word == "原" && start < core_start {
            start += 1;
        }
        i = end;
        let span = &toks[start..end];
        let mut name: String = span.iter().map(|t| t.word).collect();
        let mut to = toks[end - 1].end;
        if let Some(cut) = cut {
            name.truncate(name.len() - (toks[end - 1].word.len() - cut));
            to = toks[end - 1].start + cut;
        }
        let mut from = toks[start].start;
        if let Some(p) = span[0]
            .word
            .chars()
            .next()
            .filter(|_| glued_level(span[0].word) || glued_date_unit(toks, start))
        {
            name.drain(..p.len_utf8());
            from += p.len_utf8();
        }
        if lex.generic_orgs.contains(name.as_str()) {
            continue;
        }
        // Common words before a generic suffix describe a kind (物业公司, 山区中学, 寄宿制学校)
        // unless the tagger reads them as a name too (光明小学, 寺沟小学). Societies are named by what they gather (进出口商会, 企业家精英协会).
        // The suffix itself (福利院/nt) says nothing; a kind of area (山区/ns) names no place.
        let descriptive = lex.generic_orgs.contains(toks[core_start].word)
            && !toks[core_start].word.ends_with('会')
            && span[..core_start - start].iter().all(|t| {
                (REGIONS.contains(&t.word)
                    || !matches!(
                        t.tag,
                        "ns" | "nr" | "nrt" | "nrfg" | "nz" | "nt" | "j" | "eng" | "m"
                    ))
                    && !LEVELS.contains(&t.word)
                    && !glued_level(t.word)
                    && !t.is_punct()
            });
        let tagger_agrees =
            tagged.is_none_or(|_| tagged_orgs.iter().any(|s| s.start <= from && to <= s.end));
        if descriptive && !tagger_agrees {
            i = end;
            continue;
        }
        // One common noun of the dictionary that merely ends like a body (定点医院, 营业厅,
        // 燃气公司, 大变局) names a kind, unless a level starts it (县政府, 团区委) or the
        // tagger reads it as a name.
        let kind_word = end - start == 1
            && cut.is_none()
            && toks[start].tag == "n"
            && !toks[start].word.starts_with(['市', '县', '区', '省', '镇', '乡', '州', '团'])
            && !lex.known_orgs.contains(toks[start].word)
            // a government body named by its field is a body (知识产权局), a common word in 局
            // is not (服务大局, 总体布局)
            && (!toks[start].word.ends_with(['局', '部', '委', '署', '办'])
                || COMMON_JU.iter().any(|w| toks[start].word.ends_with(w)));
        if kind_word && !tagger_agrees {
            i = end;
            continue;
        }
        // A kind of body: one modifier that says what sort it is, then the suffix (民间救援队,
        // 国内航空公司, 公办幼儿园), whatever the tagger reads.
        if end - start == 2 && cut.is_none() && KIND_MODIFIERS.contains(&toks[start].word) {
            i = end;
            continue;
        }
        let named_start = !is_suffix(lex, &span[0])
            && !LEVELS.contains(&span[0].word)
            && !glued_level(span[0].word);
        let has_name = span.iter().any(|t| {
            (!is_suffix(lex, t) && !LEVELS.contains(&t.word))
                || lex
                    .org_suffix(t.word)
                    .is_some_and(|_| stem_len(lex, t.word) > 0)
        });
        let has_level = span.iter().any(|t| LEVELS.contains(&t.word));
        let standalone = lex.org_standalone.contains(span[0].word)
            || lex.org_standalone.contains(name.as_str())
            || LEVEL_BODIES.contains(&name.as_str());
        if !(has_name || has_level || standalone) {
            continue;
        }
        if name.chars().count() < 2 {
            continue;
        }
        let last_word = cut.map_or(toks[end - 1].word, |c| &toks[end - 1].word[..c]);
        let kind = lex.org_suffix(last_word).unwrap_or("").to_string();
        // (a school or a clinic keeps the place chain it is written with, 某某市某某区某某镇中心小学:
        // the longest written form)
        let strip = country_before_a_university(lex, &name);
        if strip > 0 {
            name.drain(..strip);
            from += strip;
            start = toks.partition_point(|t| t.end <= from);
        }
        out.push(OrgSpan {
            start: from,
            end: to,
            first: start,
            last: end,
            name,
            kind,
            named_start,
        });
    }
    // jieba's own organization tags for single words (联合国, 新华社), minus generic ones; the
    // tagger must agree.
    let tagged_at =
        |start: usize| tagged.is_none_or(|_| tagged_orgs.iter().any(|t| t.start == start));
    for (k, t) in toks.iter().enumerate() {
        // A website jieba keeps as one proper word (搜狐网/i, 凤凰网/nz) needs no agreement.
        let website = t.word.ends_with('网')
            && t.chars() >= 3
            && matches!(t.tag, "nz" | "nt" | "i" | "j")
            && !GENERIC_NETS.contains(&t.word);
        if website
            && !lex.generic_orgs.contains(t.word)
            && !out.iter().any(|o| o.first <= k && k < o.last)
        {
            out.push(OrgSpan {
                start: t.start,
                end: t.end,
                first: k,
                last: k + 1,
                name: t.word.to_string(),
                kind: "media".to_string(),
                named_start: true,
            });
            continue;
        }
        // A country's government written as two words (阿富汗/nr 政府/n): one name.
        if t.word == "政府"
            && k > 0
            && toks[k - 1].end == t.start
            && lex.countries.contains(toks[k - 1].word)
            && !out.iter().any(|o| o.first < k + 1 && k - 1 < o.last)
        {
            out.push(OrgSpan {
                start: toks[k - 1].start,
                end: t.end,
                first: k - 1,
                last: k + 1,
                name: format!("{}政府", toks[k - 1].word),
                kind: String::new(),
                named_start: true,
            });
            continue;
        }
        // A state body jieba keeps whole with its country, region or level in front (英国政府/nt,
        // 北京政府/nt, 中央政府/nt): the tagger reads the place alone, the word is the body.
        let placed_body = t.tag == "nt"
            && STATE_BODIES.iter().any(|b| {
                t.word.strip_suffix(b).is_some_and(|head| {
                    lex.countries.contains(head)
                        || lex.divisions.contains(head)
                        || lex.division_short.contains(head)
                        || head == "中央"
                })
            });
        if t.tag != "nt"
            || t.chars() < 2
            || lex.generic_orgs.contains(t.word)
            || is_suffix(lex, t)
            || out.iter().any(|o| o.first <= k && k < o.last)
            // (英国政府/nt 官员/n names the body all the same)
            || (heads_compound(lex, toks, k) && !placed_body)
        {
            continue;
        }
        // A state body after its country (巴西/ns 卫生部/nt): one name, the country its head.
        let country = k > 0
            && lex.countries.contains(toks[k - 1].word)
            && STATE_BODIES.iter().any(|b| t.word.ends_with(b));
        // A foreign name with its name dot before it (约翰斯/nrt ·/x 霍普金斯大学/nt).
        let dotted = k >= 2
            && toks[k - 1].word == "·"
            && matches!(toks[k - 2].tag, "nr" | "nrt" | "nrf" | "ns");
        if !(country || placed_body || tagged_at(t.start)) {
            continue;
        }
        let first = if country {
            k - 1
        } else if dotted {
            k - 2
        } else {
            k
        };
        // 民政部/nt|养老/服务/司: a department written after its ministry.
        let last = k + 1 + department_after(toks, k + 1).unwrap_or(0);
        let name: String = toks[first..last].iter().map(|x| x.word).collect();
        out.push(OrgSpan {
            start: toks[first].start,
            end: toks[last - 1].end,
            first,
            last,
            name,
            kind: String::new(),
            named_start: true,
        });
    }
    // Organizations the tagger found that the suffixes and jieba did not: whole tokens.
    for t in &tagged_orgs {
        let s = toks.partition_point(|x| x.end <= t.start);
        let e = toks.partition_point(|x| x.start < t.end);
        let aligned =
            toks.get(s).is_some_and(|x| x.start == t.start) && e > s && toks[e - 1].end == t.end;
        if !aligned || out.iter().any(|o| o.start < t.end && t.start < o.end) {
            continue;
        }
        // Only a name: it starts with a proper noun and ends in one (顺丰, 摩拜单车, 江苏卫视),
        // never a generic unit (志愿小分队, 集团党支部) the suffix rules left alone on purpose;
        // or one noun of three characters or more ending in a department's character (水利部,
        // 药剂科), which jieba tags as a common noun.
        let department = e == s + 1
            && toks[s].tag == "n"
            && toks[s].chars() >= 3
            && toks[s].word.ends_with(['部', '科', '处', '署', '厅', '办']);
        // Or a unit the tagger reads from its place or level to its unit's last character,
        // where jieba's cut hid the suffix from the rules (深圳市/法制办, 市人/社局, 国家/减灾/委).
        let placed_unit = {
            let text: String = toks[s..e].iter().map(|x| x.word).collect();
            (toks[s].tag == "ns"
                || ["国家", "中国"].contains(&toks[s].word)
                || toks[s].word.starts_with(['市', '省', '县', '区']))
                && text.chars().count() >= 4
                && !toks[s..e].iter().any(|x| x.is_punct())
                && (text.ends_with(['局', '委', '办', '部', '所', '院', '处', '厅', '署'])
                    || ["协会", "学会", "商会", "联合会", "委员会", "议会", "理事会", "红十字会",
                        "红新月会", "中心", "公司", "俱乐部"]
                        .iter()
                        .any(|u| text.ends_with(u))
                    // a place's congress, conference or people's body by its short name
                    // (石嘴山市/政协, 三明市/残联), never a national one after a place (在京/全国人大)
                    || (PLACED_SHORT_BODIES.contains(
                        &toks[e - 1].word.trim_start_matches(['省', '市', '县', '区', '镇', '乡']),
                    )
                        && toks[s].tag == "ns"
                        && !["中国", "中华"].contains(&toks[s].word)))
                // never a part of a region (中西部), a common word (布局), a city centre or a venue
                && !["市中心", "会议中心", "广播中心", "艺术中心", "体育中心", "购物中心", "展览中心"]
                    .iter()
                    .any(|f| text.ends_with(f))
                && !(toks[e - 1].chars() <= 3
                    && toks[e - 1].word.ends_with('部')
                    && toks[e - 1].word.chars().all(|c| "东南西北中部".contains(c)))
        };
        if !(matches!(toks[s].tag, "nz" | "nt" | "nr" | "j" | "eng") || department || placed_unit)
            // a common word in 局 (国际经贸格局, 电诈骗局) is no body
            || COMMON_JU.iter().any(|w| toks[e - 1].word.ends_with(w))
            || (is_suffix(lex, &toks[e - 1]) && !placed_unit)
            || toks[s..e]
                .iter()
                .any(|x| matches!(x.tag, "v" | "p" | "d" | "u" | "uj" | "c" | "r" | "m"))
            // a verbal noun only inside a unit's name (国家减灾委, 俄防空部队), never after a
            // name (澎湃新闻尝试联系)
            || (!placed_unit
                && !toks[e - 1].word.ends_with(['队', '部', '局', '委', '院', '所', '会'])
                && toks[s..e].iter().any(|x| x.tag == "vn"))
        {
            continue;
        }
        let name: String = toks[s..e].iter().map(|x| x.word).collect();
        if name.chars().count() < 2 || lex.generic_orgs.contains(name.as_str()) {
            continue;
        }
        let kind = lex.org_suffix(toks[e - 1].word).unwrap_or("").to_string();
        out.push(OrgSpan {
            start: t.start,
            end: t.end,
            first: s,
            last: e,
            name,
            kind,
            named_start: true,
        });
    }
    // A newspaper or magazine named in title marks (英国《泰晤士报》): the outlet.
    for (k, t) in toks.iter().enumerate() {
        if t.word != "《" {
            continue;
        }
        let Some(close) = toks[k + 1..].iter().take(4).position(|x| x.word == "》") else {
            continue;
        };
        let (s, e) = (k + 1, k + 1 + close);
        let name: String = toks[s..e].iter().map(|x| x.word).collect();
        let n = name.chars().count();
        let periodical = PERIODICAL_ENDS.iter().any(|p| name.ends_with(p))
            && !NOT_PERIODICALS.iter().any(|p| name.ends_with(p));
        if e == s || !(3..=10).contains(&n) || !periodical || !name.chars().all(crate::text::is_han)
        {
            continue;
        }
        // Found already by its suffix (《扬子晚报》): the marks join that mention.
        if let Some(o) = out.iter_mut().find(|o| o.first == s && o.last == e) {
            o.first = k;
            o.last = e + 1;
            continue;
        }
        if out
            .iter()
            .any(|o| o.start < toks[e - 1].end && toks[s].start < o.end)
        {
            continue;
        }
        out.push(OrgSpan {
            start: toks[s].start,
            end: toks[e - 1].end,
            // the marks belong to a title written with the name (《扬子晚报》文艺部主编)
            first: k,
            last: e + 1,
            name,
            kind: "media".to_string(),
            named_start: true,
        });
    }
    // A well-known organization named without a suffix (央视, 壹基金, 阿里巴巴): whole words
    // that spell a name of the fact list, where no other name covers them.
    let mut name = String::new();
    for k in 0..toks.len() {
        if !lex.may_start_known_org(toks[k].word) {
            continue;
        }
        name.clear();
        let mut chars = 0;
        let mut found: Option<usize> = None;
        for (n, t) in toks[k..].iter().take(4).enumerate() {
            if t.is_punct() {
                break;
            }
            chars += t.chars();
            if chars > lex.known_org_max_chars {
                break;
            }
            name.push_str(t.word);
            if lex.known_orgs.contains(name.as_str()) {
                found = Some(n + 1);
            }
        }
        let Some(mut n) = found else { continue };
        // The brand's line of business belongs to the name (京东快递, 顺丰速运).
        if toks
            .get(k + n)
            .is_some_and(|t| KNOWN_ORG_BUSINESSES.contains(&t.word))
        {
            n += 1;
        }
        let (start, end) = (toks[k].start, toks[k + n - 1].end);
        if out.iter().any(|o| o.start < end && start < o.end) {
            continue;
        }
        out.push(OrgSpan {
            start,
            end,
            first: k,
            last: k + n,
            name: toks[k..k + n].iter().map(|t| t.word).collect(),
            kind: "known".to_string(),
            named_start: true,
        });
    }
    // 全国/人大代表, 全国/政协委员: a deputy's or member's title names the body, which jieba
    // glued to the title; the body is the well-known name before 代表 or 委员.
    for k in 0..toks.len() {
        let Some(head) = ["代表", "委员"]
            .iter()
            .find_map(|r| toks[k].word.strip_suffix(r))
            .filter(|h| !h.is_empty())
        else {
            continue;
        };
        for back in 0..=2usize.min(k) {
            let first = k - back;
            if toks[first..k].iter().any(|t| t.is_punct()) {
                break;
            }
            let mut name: String = toks[first..k].iter().map(|t| t.word).collect();
            name.push_str(head);
            if !lex.known_orgs.contains(name.as_str()) {
                continue;
            }
            let (start, end) = (toks[first].start, toks[k].start + head.len());
            if !out.iter().any(|o| o.start < end && start < o.end) {
                out.push(OrgSpan {
                    start,
                    end,
                    first,
                    last: k + 1,
                    name,
                    kind: "known".to_string(),
                    named_start: true,
                });
            }
            break;
        }
    }
    // 南华县/政协主席, 厦门市/同安区/政协委员, 石门县/政协, 汉江/市政协, 三明市/残联: a place's
    // congress, political conference or people's body by its short name after the place,
    // whole or glued to the title of the member after it.
    for k in 1..toks.len() {
        let word = toks[k].word;
        let body = PLACED_SHORT_BODIES
            .iter()
            .find(|b| {
                let rest = word.trim_start_matches(['省', '市', '县', '区', '镇', '乡']);
                rest == **b
                    || (**b == "政协"
                        && rest.strip_prefix("政协").is_some_and(|title| {
                            ["主席", "副主席", "委员", "常委", "秘书长"].contains(&title)
                        }))
            })
            .map(|b| word.find(b).map_or(word.len(), |at| at + b.len()));
        let Some(cut) = body else { continue };
        let mut first = k;
        while first > 0
            && toks[first - 1].tag == "ns"
            && !["中国", "中华", "全国", "乡镇", "城乡", "各地", "当地"]
                .contains(&toks[first - 1].word)
        {
            first -= 1;
        }
        if first == k {
            continue;
        }
        let (start, end) = (toks[first].start, toks[k].start + cut);
        if !out.iter().any(|o| o.start < end && start < o.end) {
            let mut name: String = toks[first..k].iter().map(|t| t.word).collect();
            name.push_str(&word[..cut]);
            out.push(OrgSpan {
                start,
                end,
                first,
                last: k + 1,
                name,
                kind: "government".to_string(),
                named_start: true,
            });
        }
    }
    for o in &mut out {
        take_in_the_opening_quote(toks, o);
        take_in_the_staff_body(toks, o);
        take_in_the_supervision_commission(toks, o);
        leave_the_city_before_its_province(lex, toks, o);
        name_the_body_of_a_party_group_title(lex, toks, o);
        leave_the_person_at_whose_place(toks, o);
    }
    out.retain(|o| o.last > o.first && !o.name.is_empty());
    forces_before_a_masked_unit(toks, &mut out);
    out.retain(|o| !DELEGATIONS.iter().any(|d| o.name.ends_with(d)));
    // Service centres people go to (社区党群服务中心, 市政务服务中心): venues, not bodies.
    out.retain(|o| !SERVICE_VENUES.iter().any(|v| o.name.ends_with(v)));
    // Credited as the writer (南都记者, 新华社讯) or named as the channel of a post (搜狐微博,
    // 央视新闻客户端): the outlet, not an organization of the story. Nor is a ministry's name
    // inside 部门, whichever path found it.
    out.retain(|o| {
        let channel = toks.get(o.last).is_some_and(|t| {
            CHANNELS
                .iter()
                .any(|&c| t.word == c || (c.chars().count() >= 2 && t.word.starts_with(c)))
        });
        let department = o.last > 0 && department_word_after(toks, o.last - 1);
        !channel && !department
    });
    out.sort_by_key(|o| o.start);
    join_branches(&mut out);
    join_sub_units(lex, toks, &mut out);
    // A name inside a longer one (同济大学 in 同济大学附属…医院) is part of it.
    let spans: Vec<(usize, usize)> = out.iter().map(|o| (o.start, o.end)).collect();
    out.retain(|o| {
        !spans
            .iter()
            .any(|&(s, e)| s <= o.start && o.end <= e && (s, e) != (o.start, o.end))
    });
    out
}

/// 全国人大/nt 机关, 国务院办公厅机关: a congress's or a general office's staff body, as the
/// page names it, is one name (团区委机关 names the committee).
/// 从国家发改委有关人士处获悉, 从市民政局负责人处了解到: 处 after a person is "at their place";
/// the body is the name before the person (and before 有关/相关).
fn leave_the_person_at_whose_place(toks: &[Tok<'_>], o: &mut OrgSpan) {
    if !o.name.ends_with('处') || o.name.len() != o.end - o.start || o.last > toks.len() {
        return;
    }
    let words = &toks[o.first..o.last];
    let Some(k) = words.iter().rposition(|t| {
        PERSONS_AT
            .iter()
            .any(|p| t.word.trim_end_matches('处').ends_with(p))
    }) else {
        return;
    };
    // the tokens after the person are 处 alone, or the person's token ends in 处
    if !words[k + 1..].iter().all(|t| t.word == "处") {
        return;
    }
    let mut last = o.first + k;
    while last > o.first && matches!(toks[last - 1].word, "有关" | "相关" | "的") {
        last -= 1;
    }
    o.last = last;
    if last > o.first {
        o.end = toks[last - 1].end;
        o.name = toks[o.first..last].iter().map(|t| t.word).collect();
    } else {
        o.name.clear();
    }
}

/// People at whose place one learns something (从…人士处获悉).
const PERSONS_AT: &[&str] = &[
    "人士",
    "负责人",
    "人员",
    "官员",
    "专家",
    "同志",
    "朋友",
    "老师",
    "家属",
    "知情人",
];

fn take_in_the_staff_body(toks: &[Tok<'_>], o: &mut OrgSpan) {
    if let Some(t) = toks
        .get(o.last)
        .filter(|t| t.word == "机关" && t.start == o.end)
        && o.name.len() == o.end - o.start
        && ["人大", "政协", "办公厅", "常委会"]
            .iter()
            .any(|b| o.name.ends_with(b))
    {
        o.name.push_str(t.word);
        o.end = t.end;
        o.last += 1;
    }
}

/// Short names of a place's congress, political conference and people's bodies, which the
/// tagger reads with the place before them (石嘴山市/政协, 三明市/残联).
const PLACED_SHORT_BODIES: &[&str] = &[
    "人大",
    "政协",
    "残联",
    "妇联",
    "工商联",
    "侨联",
    "科协",
    "文联",
    "团委",
    "关工委",
];

/// `“银晖先锋”志愿服务队`: a name whose quoted part's closing mark it holds takes in the
/// opening mark right before it, so that the name is written as the page prints it.
fn take_in_the_opening_quote(toks: &[Tok<'_>], o: &mut OrgSpan) {
    if o.name.contains('”')
        && !o.name.contains('“')
        && o.name.len() == o.end - o.start
        && let Some(k) = o.first.checked_sub(1)
        && toks[k].word == "“"
        && toks[k].end == o.start
    {
        o.name.insert(0, '“');
        o.start = toks[k].start;
        o.first = k;
    }
}

/// 区纪委/监委, 市纪委/监委: a place's discipline commission and its supervisory commission
/// share one office and the page names them as one body. The central ones (中央纪委国家监委)
/// are two names of the fact list and stay two.
fn take_in_the_supervision_commission(toks: &[Tok<'_>], o: &mut OrgSpan) {
    if let Some(t) = toks
        .get(o.last)
        .filter(|t| t.word == "监委" && t.start == o.end)
        && o.name.len() == o.end - o.start
        && o.name.ends_with("纪委")
        && !o.name.ends_with("中央纪委")
        && !o.name.ends_with("中纪委")
    {
        o.name.push_str(t.word);
        o.end = t.end;
        o.last += 1;
    }
}

/// 商务部党组|书记、部长: where the party group of a state body is written only as part of its
/// secretary's title, the story names the body itself (a party group standing alone, 市民政局党组
/// 的工作部署, stays). So does a party committee whose secretary also heads the body
/// (国务院国资委党委书记、主任); one whose secretary holds no other post stays (社区党委书记).
fn name_the_body_of_a_party_group_title(lex: &Lexicon, toks: &[Tok<'_>], o: &mut OrgSpan) {
    let Some(unit) = ["党组", "党委"].into_iter().find(|u| o.name.ends_with(u)) else {
        return;
    };
    if o.name.len() != o.end - o.start || o.last == 0 || o.last > toks.len() {
        return;
    }
    // The title after the unit: the rest of its token (党委书记, glued) or the next token.
    let last = &toks[o.last - 1];
    let (title, next) = match o.end.checked_sub(last.start) {
        Some(at) if o.end < last.end => (last.word.get(at..).unwrap_or(""), o.last),
        _ => (toks.get(o.last).map_or("", |t| t.word), o.last + 1),
    };
    if !matches!(title, "书记" | "副书记" | "成员" | "委员") {
        return;
    }
    // a party committee only when its secretary also heads the body (国务院国资委党委书记、主任)
    let heads_too = toks.get(next).is_some_and(|t| t.word == "、")
        && toks.get(next + 1).is_some_and(|t| lex.is_role(t.word));
    // 安徽省监狱管理局原党委委员: the former post's 原 stands between the body and its unit
    let before_unit = &o.name[..o.name.len() - unit.len()];
    let body = before_unit.strip_suffix('原').unwrap_or(before_unit);
    if (unit == "党委" && !heads_too)
        || body.chars().count() < 2
        || (lex.org_suffix(body).is_none() && !body.ends_with(['部', '室', '院', '委']))
    {
        return;
    }
    let body_len = body.len();
    o.name.truncate(body_len);
    o.end = o.start + body_len;
    while o.last > o.first + 1 && toks[o.last - 1].start >= o.end {
        o.last -= 1;
    }
}

/// 中部战区陆军|某直属旅, 第78集团军|某旅: a unit the news masks with 某 is named through the
/// force it belongs to, which is the organization the story names.
fn forces_before_a_masked_unit(toks: &[Tok<'_>], out: &mut Vec<OrgSpan>) {
    const FORCE_ENDS: &[&str] = &["军", "部队", "战区", "总队", "支队"];
    for k in 1..toks.len() {
        if !toks[k].word.starts_with('某')
            || !FORCE_ENDS.iter().any(|e| toks[k - 1].word.ends_with(e))
        {
            continue;
        }
        let mut first = k;
        let mut chars = 0;
        while first > 0 && k - first < 4 {
            let t = &toks[first - 1];
            let ok = !t.is_punct()
                && !is_function_word(t.word)
                && (matches!(t.tag, "n" | "nr" | "ns" | "nt" | "nz" | "j")
                    || (t.tag == "f" && t.chars() == 2)
                    || (t.tag == "m"
                        && (t.word == "第" || t.word.chars().all(|c| c.is_ascii_digit()))));
            if !ok {
                break;
            }
            first -= 1;
            chars += t.chars();
        }
        // a count never heads the name (800名官兵…): only 第 does
        while first < k && toks[first].tag == "m" && toks[first].word != "第" {
            first += 1;
        }
        if k - first < 2 || chars < 3 {
            continue;
        }
        let (start, end) = (toks[first].start, toks[k - 1].end);
        if out
            .iter()
            .any(|o| o.start < end && start < o.end && !(start <= o.start && o.end <= end))
        {
            continue;
        }
        out.push(OrgSpan {
            start,
            end,
            first,
            last: k,
            name: toks[first..k].iter().map(|t| t.word).collect(),
            kind: "army".to_string(),
            named_start: true,
        });
    }
}

/// 克拉玛依市|新疆油田公司, 兵团第六师五家渠市|新疆天鹅…有限公司: a city written before a body
/// named after the province the city lies in is where the body works, not part of its name;
/// the name starts at the province (the city is then a place of its own).
fn leave_the_city_before_its_province(lex: &Lexicon, toks: &[Tok<'_>], o: &mut OrgSpan) {
    if o.name.len() != o.end - o.start || o.last > toks.len() {
        return;
    }
    let cut = (o.first + 1..o.last.saturating_sub(1)).find(|&k| {
        let Some(&province) = lex.province_bits.get(toks[k].word) else {
            return false;
        };
        let city = &toks[k - 1];
        city.end == toks[k].start
            && lex.divisions.contains(city.word)
            && !lex.province_bits.contains_key(city.word)
            && lex
                .in_province
                .get(city.word)
                .is_some_and(|&bits| bits & province != 0)
    });
    if let Some(k) = cut
        && let Some(name) = o.name.get(toks[k].start - o.start..)
    {
        o.name = name.to_string();
        o.start = toks[k].start;
        o.first = k;
    }
}

/// Words after an outlet that make it the writer's credit or a post's channel.
const CHANNELS: &[&str] = &[
    "记者",
    "讯",
    "电",
    "消息",
    "通讯员",
    "客户端",
    "微博",
    "公众号",
    "官微",
    "账号",
    "APP",
    "app",
    "报道员",
];

/// A brand's lines of business that are part of its name when written after it.
const KNOWN_ORG_BUSINESSES: &[&str] = &[
    "快递", "物流", "速运", "超市", "商城", "外卖", "金融", "科技", "公益", "集团", "银行",
];

/// Words of time that never start an organization's name.
const TIME_WORDS: &[&str] = &[
    "今天", "昨天", "明天", "前天", "今日", "昨日", "上午", "下午", "晚上", "凌晨", "中午", "当天",
    "近日", "日前", "目前", "今年", "去年", "明年",
];

/// Postpositions of time and place that end the phrase before them (期间特区政府).
const POSTPOSITIONS: &[&str] = &[
    "期间", "以来", "之后", "以后", "之前", "以前", "之间", "之中", "当中", "以上", "以下", "之外",
    "以外", "前后", "左右",
];

/// How the names of a state's bodies end (卫生部, 联邦政府, 国会).
const STATE_BODIES: &[&str] = &[
    "部",
    "政府",
    "议会",
    "国会",
    "委员会",
    "局",
    "署",
    "央行",
    "银行",
    "法院",
    "军",
];

/// Networks that are no website's name.
const GENERIC_NETS: &[&str] = &[
    "互联网",
    "物联网",
    "因特网",
    "局域网",
    "广域网",
    "新闻网",
    "门户网",
    "宽带网",
    "政务网",
    "防护网",
    "铁丝网",
    "关系网",
    "信息网",
    "服务网",
    "交通网",
    "电力网",
    "保护网",
    "安全网",
    "天罗地网",
];

/// How the names of newspapers and magazines end.
const PERIODICAL_ENDS: &[&str] = &["报", "周刊", "月刊", "杂志", "画报", "日报"];

/// Documents in title marks that end like a newspaper (《通报》, 《海报》).
const NOT_PERIODICALS: &[&str] = &[
    "通报",
    "公报",
    "简报",
    "海报",
    "汇报",
    "情报",
    "预报",
    "举报",
    "喜报",
    "捷报",
    "战报",
    "黑板报",
    "手抄报",
];

/// Kinds of area jieba tags as place names (山区学校 is any school in the mountains).
const REGIONS: &[&str] = &[
    "山区",
    "农村",
    "乡村",
    "城区",
    "市区",
    "郊区",
    "城市",
    "牧区",
    "库区",
    "林区",
    "老区",
    "边远",
    "偏远",
    "贫困地区",
    "边疆",
    "内地",
    "沿海",
];

/// One administrative unit at the start of `s`: a division's name or short form, or a name of
/// one to three characters with its level (八松乡, 浪河镇, 临夏州). Its length in bytes.
fn division_prefix(lex: &Lexicon, s: &str) -> Option<usize> {
    let ends: Vec<usize> = s
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .take(8)
        .collect();
    let known = ends
        .iter()
        .skip(1)
        .rev()
        .copied()
        .find(|&e| is_place(lex, &s[..e]));
    // A name with its level (河东乡) beats a shorter known name inside it (河东).
    let levelled = ends.iter().enumerate().skip(1).take(3).find_map(|(n, &e)| {
        let level = s[..e].chars().last()?;
        let name_ok = s[..e].chars().take(n).all(crate::text::is_han);
        (name_ok && matches!(level, '乡' | '镇' | '州' | '县' | '区' | '市' | '省' | '村'))
            .then_some(e)
    });
    match (known, levelled) {
        (Some(k), Some(l)) => Some(k.max(l)),
        (k, l) => k.or(l),
    }
}

/// The byte length of a foreign country written before a university or college
/// (`美国|斯坦福大学`, `澳大利亚|詹姆斯·库克大学`): it says where the school is, not what it is
/// called. A national body keeps its country (`法国国家铁路公司`, `巴西卫生部`).
fn country_before_a_university(lex: &Lexicon, name: &str) -> usize {
    if !(name.ends_with("大学") || name.ends_with("学院")) {
        return 0;
    }
    lex.countries
        .iter()
        .filter(|c| !["中国", "中华"].contains(&c.as_str()) && name.starts_with(c.as_str()))
        .map(String::len)
        .max()
        .filter(|&n| name[n..].chars().count() >= 4)
        .unwrap_or(0)
}

/// Characters of `word` before its organization suffix.
fn stem_len(lex: &Lexicon, word: &str) -> usize {
    for (suffix, _) in &lex.org_suffixes {
        if word.ends_with(suffix.as_str()) {
            return word.chars().count() - suffix.chars().count();
        }
    }
    0
}

/// Whether `head` is a division's name or short form (苍南, 苍南县, 通州).
fn is_place(lex: &Lexicon, head: &str) -> bool {
    lex.divisions.contains(head) || lex.division_short.contains(head)
}

/// A key under which spelling variants meet: the name without the level character after a
/// leading place (深圳市社会组织党委 = 深圳社会组织党委), a government without 人民
/// (长春市人民政府 = 长春市政府), a central body without its party (中共中央政治局 = 中央政治局).
fn variant_key(lex: &Lexicon, name: &str) -> String {
    // The party's and the league's central bodies without the party's name (中共中央政治局 =
    // 中央政治局, 共青团中央 = 团中央).
    let name = match name.strip_prefix("中共") {
        Some(rest) if rest.starts_with("中央") && rest != "中央" => rest,
        _ => name
            .strip_prefix("共青")
            .filter(|r| r.starts_with("团中央"))
            .unwrap_or(name),
    };
    let folded;
    let name = match name.strip_suffix("人民政府") {
        Some(head) if !head.is_empty() => {
            folded = format!("{head}政府");
            folded.as_str()
        }
        _ => name,
    };
    for level in ["市", "区", "县", "省"] {
        for (idx, _) in name.match_indices(level) {
            let head = &name[..idx];
            let n = head.chars().count();
            if (2..=3).contains(&n) && lex.division_short.contains(head) {
                return format!("{head}{}", &name[idx + level.len()..]);
            }
        }
    }
    name.to_string()
}

/// Merges mentions into records: one per name, variants folded into the longest form.
/// An organization that starts with an administrative level (街道党工委) takes in the place
/// that ends in that level at the same mention (五里墩街道 + 街道党工委 = 五里墩街道党工委),
/// where jieba's cut of the place name kept the rules from reaching it; the place is then no
/// mention of its own there.
/// The rank of a division a token names by its level (省 5 … 村 and 社区 1), None for any other
/// token.
fn division_rank(lex: &Lexicon, t: &Tok<'_>) -> Option<u8> {
    if t.is_punct() || lex.place_suffix(t.word).is_none() {
        return None;
    }
    let w = t.word;
    if w.ends_with("社区") || w.ends_with('村') {
        Some(1)
    } else if w.ends_with("街道") || w.ends_with(['镇', '乡']) {
        Some(2)
    } else if w.ends_with(['县', '旗']) || (w.ends_with('区') && !w.ends_with("小区")) {
        Some(3)
    } else if w.ends_with(['市', '州', '盟']) {
        Some(4)
    } else if w.ends_with('省') {
        Some(5)
    } else {
        None
    }
}

/// 沙坡头区永康镇沙滩村|中卫市鑫利达…合作社: a name whose place chain climbs back up to a
/// higher division starts there; what comes before is where the body stands, not its name.
pub fn start_at_a_higher_division(
    lex: &Lexicon,
    body: &str,
    toks: &[Tok<'_>],
    orgs: &mut [OrgSpan],
) {
    for o in orgs.iter_mut() {
        let mut lowest: Option<u8> = None;
        let mut restart = None;
        for (k, t) in toks
            .iter()
            .enumerate()
            .take(o.last.min(toks.len()))
            .skip(o.first)
        {
            if let Some(r) = division_rank(lex, t) {
                if lowest.is_some_and(|l| r > l) && t.chars() >= 3 {
                    restart = Some(k);
                    lowest = Some(r);
                } else {
                    lowest = Some(lowest.map_or(r, |l| l.min(r)));
                }
            } else if lowest.is_some() && !matches!(t.tag, "ns" | "nr" | "nz" | "n" | "zg" | "g") {
                break;
            }
        }
        let Some(k) = restart else { continue };
        let Some(name) = body.get(toks[k].start..o.end) else {
            continue;
        };
        o.name = name.to_string();
        o.start = toks[k].start;
        o.first = k;
        o.named_start = true;
    }
}

pub fn take_in_places(
    body: &str,
    toks: &[Tok<'_>],
    orgs: &mut [OrgSpan],
    places: &mut Vec<PlaceSpan>,
) {
    let mut taken = Vec::new();
    for o in orgs.iter_mut() {
        let Some((k, p)) = places
            .iter()
            .enumerate()
            .find(|(_, p)| p.start < o.start && o.start < p.end && p.end <= o.end)
        else {
            continue;
        };
        let level = &body[o.start..p.end];
        // (or a direction the rules left out of the name: 西/新桥二村社区 + 新桥二村社区…服务站)
        let direction = body
            .get(p.start..o.start)
            .is_some_and(|h| ["东", "西", "南", "北", "上", "下"].contains(&h));
        if !LEVELS.contains(&level) && !direction {
            continue;
        }
        let Some(name) = body.get(p.start..o.end) else {
            continue;
        };
        o.name = name.to_string();
        o.start = p.start;
        o.first = toks.partition_point(|t| t.end <= p.start);
        o.named_start = true;
        taken.push(k);
        // 道县 + 蚣坝镇…服务站: the divisions written right before the place head the name too
        // (its longest written form).
        while let Some((j, q)) = places.iter().enumerate().find(|(j, q)| {
            q.end == o.start
                && !taken.contains(j)
                && q.name.ends_with(['省', '市', '县', '区', '州', '旗'])
        }) {
            let Some(name) = body.get(q.start..o.end) else {
                break;
            };
            o.name = name.to_string();
            o.start = q.start;
            o.first = toks.partition_point(|t| t.end <= q.start);
            taken.push(j);
        }
    }
    let mut k = 0;
    places.retain(|_| {
        k += 1;
        !taken.contains(&(k - 1))
    });
}

/// Party and self-government units that name no body alone (党支部, 村委会) but do right after
/// a village, community or township's name the rules could not reach through jieba's cut
/// (权家/寨/村/党支部, read as a place by the tagger): the place and the unit are one body.
const UNITS_AFTER_A_PLACE: &[&str] = &[
    "党支部",
    "党总支",
    "党委",
    "党工委",
    "村委会",
    "村委",
    "居委会",
    "妇联",
    "团支部",
];

/// A preposition or a conjunction jieba glued to the word after it inside a name the rules read
/// (培训/会由区/民政局, 县妇联/及龙益/基金会, 某某中心/向纪/家村/村委会): the name ends before it
/// when what stands before is a body's name, and starts after it.
pub fn split_at_glued_prepositions(lex: &Lexicon, toks: &[Tok<'_>], orgs: &mut Vec<OrgSpan>) {
    let mut out: Vec<OrgSpan> = Vec::with_capacity(orgs.len());
    let mut changed = false;
    for o in orgs.drain(..) {
        let first = toks.partition_point(|t| t.start < o.start);
        let last = toks.partition_point(|t| t.start < o.end);
        let cut = toks
            .get(first..last)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .find_map(|(j, t)| {
                // (the character may close the word before it too: 培训/会由区)
                let (n, (p, c)) = t
                    .word
                    .char_indices()
                    .take(2)
                    .enumerate()
                    .find(|&(_, (_, c))| "由向及".contains(c))?;
                (t.chars() >= n + 2
                    && matches!(t.tag, "n" | "nr" | "nz" | "ns" | "")
                    && !t.word.starts_with("向阳")
                    && t.start + p > o.start
                    && t.end < o.end)
                    .then_some((first + j, t.start + p, t.start + p + c.len_utf8()))
            });
        let Some((k, head_end, at)) = cut else {
            out.push(o);
            continue;
        };
        changed = true;
        let head = &o.name[..head_end - o.start];
        if (lex.org_suffix(head).is_some() || head.ends_with("中心")) && head.chars().count() >= 3
        {
            out.push(OrgSpan {
                end: head_end,
                last: k,
                name: head.to_string(),
                ..o.clone()
            });
        }
        let tail = &o.name[at - o.start..];
        if tail.chars().count() >= 3 {
            out.push(OrgSpan {
                start: at,
                first: k,
                name: tail.to_string(),
                named_start: true,
                ..o
            });
        }
    }
    *orgs = out;
    if changed {
        orgs.sort_by_key(|o| o.start);
    }
}

/// National bodies whose local offices carry the parent's name before their own (国家税务总局
/// 某某市税务局): the parent and the office are one name.
const NATIONAL_PARENTS: &[&str] = &[
    "国家税务总局",
    "国家金融监督管理总局",
    "中国人民银行",
    "国家电网",
    "国网",
    "中国邮政",
    "中国移动",
    "中国电信",
    "中国联通",
];

/// A body's own office or station written right after it (某某税务局办税服务厅, 某某税务局第一税务
/// 所, 某某县税务局某某镇税务所).
const OFFICES: &[&str] = &["办税服务厅", "政务服务厅", "营业厅", "服务厅"];

/// Local offices named whole (国家税务总局/某某市税务局 → one body) and a body's own office or
/// station written right after it (某某国税局/办税服务厅, 某某税务局/第一税务所, 某某税务局/某某镇/
/// 税务所): the longest written form, as the annotated pages list them.
pub fn offices_of_their_parents(
    lex: &Lexicon,
    body: &str,
    toks: &[Tok<'_>],
    orgs: &mut Vec<OrgSpan>,
    places: &[PlaceSpan],
) {
    let mut changed = false;
    // the national parent and the office after it; a body and its own department written
    // right after it, no place or level opening the second (市公安局/交通管理局, 省公安厅/高速
    // 公路公安局某某分局)
    let mut k = 0;
    while k + 1 < orgs.len() {
        let next = &orgs[k + 1];
        if next.start != orgs[k].end {
            k += 1;
            continue;
        }
        // (never a body of its own: a place or a level, a national or central body, 中央纪委/
        // 国家监委; nor one joined by a conjunction, 县委宣传部/及县国税局)
        let placed = (2..=4).any(|n| {
            next.name.char_indices().nth(n).is_some_and(|(b, _)| {
                lex.divisions.contains(&next.name[..b])
                    || lex.division_short.contains(&next.name[..b])
            })
        });
        let own_department = !placed
            && !places.iter().any(|p| p.start == next.start)
            && !next
                .name
                .starts_with(['省', '市', '县', '区', '镇', '乡', '村', '州'])
            && !next.name.starts_with(['及', '和', '与', '暨', '“'])
            && !["国家", "中央", "中共", "中国", "全国"]
                .iter()
                .any(|w| next.name.starts_with(w));
        if NATIONAL_PARENTS.contains(&orgs[k].name.as_str()) || own_department {
            let next = orgs.remove(k + 1);
            let o = &mut orgs[k];
            o.name.push_str(&next.name);
            o.end = next.end;
            o.last = next.last;
            o.kind = next.kind;
            changed = true;
        }
        k += 1;
    }
    // the office or station after its body
    let ordinal = |s: &str| -> usize {
        let Some(rest) = s.strip_prefix('第') else {
            return 0;
        };
        let n = rest
            .chars()
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .count();
        if (1..=3).contains(&n) {
            '第'.len_utf8() + n * '一'.len_utf8()
        } else {
            0
        }
    };
    let mut extended: Vec<(usize, usize)> = Vec::new();
    for o in orgs.iter_mut() {
        let Some(after) = body.get(o.end..) else {
            continue;
        };
        let skip = ordinal(after).max(
            places
                .iter()
                .find(|p| {
                    p.start == o.end && (p.name.ends_with(['镇', '乡']) || p.name.ends_with("街道"))
                })
                .map_or(0, |p| p.end - p.start),
        );
        let rest = &after[skip..];
        let unit = OFFICES
            .iter()
            .chain(STATIONS)
            .find(|u| rest.starts_with(*u))
            .filter(|u| skip > 0 || OFFICES.contains(u));
        if let Some(unit) = unit {
            let end = o.end + skip + unit.len();
            o.name = body[o.start..end].to_string();
            extended.push((o.end, end));
            o.end = end;
            o.last = toks.partition_point(|t| t.start < end);
            changed = true;
        }
    }
    // (the office read alone is part of the longer name)
    orgs.retain(|o| !extended.iter().any(|&(a, b)| a <= o.start && o.end <= b));
    if changed {
        orgs.sort_by_key(|o| o.start);
    }
}

/// Kinds of team a group of volunteers or workers names itself after (`“金砖”志愿服务队`).
const TEAMS: &[&str] = &[
    "志愿者服务总队",
    "志愿者服务队",
    "志愿服务总队",
    "志愿服务队",
    "服务总队",
    "服务队",
    "宣讲团",
    "小分队",
    "调解队",
    "帮帮团",
    "实践队",
];

/// Kinds of group too general to name a team alone after the marks (`“我的长征”团队`,
/// `“零工驿站”`); written after a body's name they do (`某某大学法学院“法律之星”团队`).
const GENERAL_TEAMS: &[&str] = &["团队", "驿站", "分会"];

/// Team names written whole inside the marks (`“八一老兵服务队”`, `“大姐帮帮团”`).
const WHOLE_TEAMS: &[&str] = &["服务队", "调解队", "帮帮团", "民兵连", "小分队", "分团"];

/// A team named in quotation marks, as the annotated pages write it, marks included: the
/// quoted name and the kind of team after it (`“金砖”志愿服务队`, `“义心”助餐小分队`), or a
/// quoted name that is the team's whole name (`“微光729队”`); a body or a place chain written
/// right before the marks is part of the name (`日照市中医医院“杏林先锋”党员医护志愿服务队`,
/// `某某社区“太阳花”爱心驿站`).
pub fn quoted_teams(body: &str, toks: &[Tok<'_>], orgs: &mut Vec<OrgSpan>, places: &[PlaceSpan]) {
    let mut found = Vec::new();
    for (open, _) in body.match_indices('“') {
        let inner_at = open + '“'.len_utf8();
        let Some(len) = body[inner_at..].find('”') else {
            continue;
        };
        let inner = &body[inner_at..inner_at + len];
        let n = inner.chars().count();
        if !(1..=12).contains(&n)
            || inner.contains(['，', ',', '。', '、', '！', '？', '：', ':', '“'])
            || !inner.chars().any(crate::text::is_han)
        {
            continue;
        }
        let after = inner_at + len + '”'.len_utf8();
        let tail: String = body[after..]
            .chars()
            .take_while(|c| crate::text::is_han(*c))
            .take(10)
            .collect();
        // a body or a place written right before the marks opens the name
        let prefixed = orgs
            .iter()
            .filter(|o| o.end == open)
            .map(|o| o.start)
            .chain(places.iter().filter(|p| p.end == open).map(|p| p.start))
            .min()
            .map(|s| {
                // (and the places chained before that place: 溧阳市溧城镇东升社区)
                let mut s = s;
                while let Some(p) = places.iter().find(|p| p.end == s) {
                    s = p.start;
                }
                s
            });
        // the longest run of the words after the marks that ends with a kind of team
        let end = (1..=tail.chars().count())
            .rev()
            .map(|k| tail.char_indices().nth(k).map_or(tail.len(), |(b, _)| b))
            .find(|&b| {
                TEAMS.iter().any(|t| tail[..b].ends_with(t))
                    || prefixed.is_some() && GENERAL_TEAMS.iter().any(|t| tail[..b].ends_with(t))
            })
            .map(|b| after + b)
            .or_else(|| {
                // (the whole name in the marks: `“红心祥和调解队”`, `“夏树培民兵连”`)
                (n >= 4
                    && !inner.contains(char::is_whitespace)
                    && WHOLE_TEAMS.iter().any(|t| inner.ends_with(t)))
                .then_some(after)
            });
        let Some(end) = end else {
            continue;
        };
        let start = prefixed.unwrap_or(open);
        let org = OrgSpan {
            start,
            end,
            first: toks.partition_point(|t| t.end <= start),
            last: toks.partition_point(|t| t.start < end),
            name: body[start..end].to_string(),
            kind: "social".to_string(),
            named_start: true,
        };
        found.push((org, open));
    }
    if found.is_empty() {
        return;
    }
    // (what the rules read inside the marks or after them is part of the team's name; a body
    // before the marks stays a body of its own)
    orgs.retain(|o| {
        !found
            .iter()
            .any(|(f, open)| o.start < f.end && *open < o.end)
    });
    orgs.extend(found.into_iter().map(|(f, _)| f));
    orgs.sort_by_key(|o| o.start);
}

/// Builds the body a local place and a unit after it name (see `UNITS_AFTER_A_PLACE`), where
/// no organization covers that unit yet.
pub fn take_units_after_places(
    lex: &Lexicon,
    body: &str,
    toks: &[Tok<'_>],
    orgs: &mut Vec<OrgSpan>,
    places: &[PlaceSpan],
) {
    let mut added = false;
    for p in places {
        if !p.name.ends_with(['村', '镇', '乡', '区', '道']) {
            continue;
        }
        let k = toks.partition_point(|t| t.start < p.end);
        let Some(unit) = toks.get(k).filter(|t| t.start == p.end) else {
            continue;
        };
        if !UNITS_AFTER_A_PLACE.contains(&unit.word)
            || orgs
                .iter()
                .any(|o| o.start < unit.end && unit.start < o.end)
        {
            continue;
        }
        let Some(name) = body.get(p.start..unit.end) else {
            continue;
        };
        orgs.push(OrgSpan {
            start: p.start,
            end: unit.end,
            first: toks.partition_point(|t| t.end <= p.start),
            last: k + 1,
            name: name.to_string(),
            kind: lex.org_suffix(unit.word).unwrap_or("").to_string(),
            named_start: true,
        });
        added = true;
    }
    if added {
        orgs.sort_by_key(|o| o.start);
    }
}

/// An office named by its field and a bare 办 that jieba reads as the verb (镇/旅游/办,
/// 下村乡/民政/办, 递铺街道/农业/农村/办): one or two nouns of two characters right after a level
/// or a local place, and 办 glued to them, name the level's office.
pub fn offices_read_as_a_verb(toks: &[Tok<'_>], orgs: &mut Vec<OrgSpan>, places: &[PlaceSpan]) {
    let mut added = false;
    for (k, t) in toks.iter().enumerate() {
        if t.word != "办" || orgs.iter().any(|o| o.start < t.end && t.start < o.end) {
            continue;
        }
        let mut first = k;
        while first > 0
            && k - first < 2
            && matches!(toks[first - 1].tag, "n" | "vn")
            && toks[first - 1].chars() == 2
            && toks[first - 1].end == toks[first].start
        {
            first -= 1;
        }
        if first == k || first == 0 || toks[first - 1].end != toks[first].start {
            continue;
        }
        let head = &toks[first - 1];
        // (the place the level ends, if the rules read one: 下村/乡)
        let start = places
            .iter()
            .find(|p| p.end == head.end && p.name.ends_with(['镇', '乡', '道', '县', '区', '市']))
            .map(|p| p.start)
            .or((LEVELS.contains(&head.word) && head.word != "街").then_some(head.start));
        let Some(start) = start else {
            continue;
        };
        orgs.push(OrgSpan {
            start,
            end: t.end,
            first: toks.partition_point(|x| x.end <= start),
            last: k + 1,
            name: toks[toks.partition_point(|x| x.end <= start)..=k]
                .iter()
                .map(|x| x.word)
                .collect(),
            kind: "government".to_string(),
            named_start: start != head.start || !LEVELS.contains(&head.word),
        });
        added = true;
    }
    if added {
        orgs.sort_by_key(|o| o.start);
    }
}

/// Whether `short` abbreviates `long` (住建部 of 住房和城乡建设部, 港府 of 香港政府, 人社部 of
/// 人力资源和社会保障部): its characters appear in `long` in order but not together, it ends
/// with the same character, and it starts within `long`'s first two. A body named inside a
/// longer one (中国银行 of 中国银行北京分行) is a part, not an abbreviation.
fn abbreviates(short: &str, long: &str) -> bool {
    // 北大 of 北京大学, 南大 of 南京大学: a university is shortened to 大.
    if short.ends_with('大')
        && let Some(school) = long.strip_suffix('学')
        && school.ends_with('大')
    {
        return abbreviates(short, school);
    }
    let n = short.chars().count();
    if !(2..=3).contains(&n) || long.contains(short) || short.chars().last() != long.chars().last()
    {
        return false;
    }
    let mut rest = long.chars();
    let first = short.chars().next();
    if !long.chars().take(2).any(|c| Some(c) == first) {
        return false;
    }
    short.chars().all(|c| rest.any(|x| x == c))
}

pub fn to_records<'a>(lex: &Lexicon, spans: &'a [OrgSpan]) -> Vec<Organization> {
    // Per name in order of first mention: mentions, and the kind and named start of the last.
    struct Seen<'k> {
        count: usize,
        kind: &'k str,
        named: bool,
    }
    let mut order: Vec<&'a str> = Vec::new();
    let mut seen: FastMap<&'a str, Seen<'a>> = FastMap::default();
    for s in spans {
        let e = seen.entry(s.name.as_str()).or_insert_with(|| {
            order.push(s.name.as_str());
            Seen {
                count: 0,
                kind: "",
                named: false,
            }
        });
        e.count += 1;
        e.kind = s.kind.as_str();
        e.named = s.named_start;
    }
    // Fold variants into the longest form.
    let lens: Vec<usize> = order.iter().map(|n| n.chars().count()).collect();
    let keys: Vec<String> = order.iter().map(|n| variant_key(lex, n)).collect();
    let mut target: FastMap<&'a str, &'a str> = FastMap::default();
    for (i, &a) in order.iter().enumerate() {
        let named = seen.get(a).is_some_and(|s| s.named);
        // A body named by its level (县委, 市林业和园林局) is the one a place in the same
        // article heads (苍南县委, 广州市林业和园林局), when exactly one does.
        let placed: Vec<usize> = if !named {
            (0..order.len())
                .filter(|&j| {
                    order[j].len() > a.len()
                        && order[j].ends_with(a)
                        && (is_place(lex, &order[j][..order[j].len() - a.len()])
                            || (LEVEL_BODIES.contains(&a)
                                && order[j][..order[j].len() - a.len()].chars().count() >= 2))
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut best: Option<usize> = (placed.len() == 1).then(|| placed[0]);
        for (j, &b) in order.iter().enumerate() {
            if a == b || lens[j] <= lens[i] {
                continue;
            }
            let same_key = keys[i] == keys[j];
            let tail = named && b.ends_with(a);
            if (same_key || tail || abbreviates(a, b)) && best.is_none_or(|x| lens[x] < lens[j]) {
                best = Some(j);
            }
        }
        if let Some(j) = best {
            target.insert(a, order[j]);
        }
    }
    let resolve = |mut n: &'a str| -> &'a str {
        let mut hops = 0;
        while let Some(&t) = target.get(n) {
            n = t;
            hops += 1;
            if hops > 8 {
                break;
            }
        }
        n
    };
    let mut merged: Vec<Organization> = Vec::new();
    for &name in &order {
        let c = seen.get(name).map_or(0, |s| s.count);
        let to = resolve(name);
        if let Some(o) = merged.iter_mut().find(|o| o.name == to) {
            o.mentions += c;
            continue;
        }
        let k = seen.get(to).map_or("", |s| s.kind);
        merged.push(Organization {
            name: to.to_string(),
            mentions: c,
            kind: (!k.is_empty()).then(|| k.to_string()),
        });
    }
    merged
}

/// Words that make a body's name a kind of body counted or picked out (各乡镇妇联, 部分商会,
/// 多家企业), not one body.
const QUANTIFIER_HEADS: &[&str] = &[
    "各", "部分", "多家", "一些", "众多", "其他", "其它", "有关", "相关",
];

/// Words that describe the body after them (爱心企业某某有限公司): not part of its name.
const DESCRIBING_HEADS: &[&str] = &["爱心企业", "爱心单位", "爱心商家"];

/// Drops the bodies a quantifier opens, and trims a describing word or a quantifier before a
/// national body off the front of a name (爱心企业/某某有限公司, 部分/全国人大常委会).
pub fn drop_counted_kinds_and_describing_heads(toks: &[Tok<'_>], orgs: &mut Vec<OrgSpan>) {
    // (部分/全国人大常委会委员: a national body after the quantifier is one body; the quantifier
    // counts its members)
    let national = |rest: &str| {
        ["全国", "中共", "中国", "国家", "中央"]
            .iter()
            .any(|n| rest.starts_with(n))
    };
    orgs.retain(|o| {
        !QUANTIFIER_HEADS
            .iter()
            .any(|h| o.name.strip_prefix(h).is_some_and(|rest| !national(rest)))
    });
    for o in orgs.iter_mut() {
        if let Some(h) = DESCRIBING_HEADS
            .iter()
            .chain(QUANTIFIER_HEADS)
            .find(|h| o.name.starts_with(*h) && o.name.chars().count() > h.chars().count() + 3)
        {
            o.start += h.len();
            o.name = o.name[h.len()..].to_string();
            o.first = toks.partition_point(|t| t.end <= o.start);
        }
    }
}

/// A body whose name jieba cut inside its town's, township's or village's name (许家/湖镇/党委,
/// 某南/乡党委, 蔡/村镇/妇联): the name starts at a level's unit or one or two characters before
/// it, and the rest of the place's name stands before it, closed on the left by the start of a
/// clause, a place found already or a word of going somewhere. The body takes the whole
/// place's name in.
pub fn take_in_cut_local_names(
    body: &str,
    toks: &[Tok<'_>],
    orgs: &mut [OrgSpan],
    places: &[PlaceSpan],
    persons_taken: &[(usize, usize)],
) {
    let spans: Vec<(usize, usize)> = orgs.iter().map(|o| (o.start, o.end)).collect();
    for o in orgs.iter_mut() {
        // the level's unit within the name's first three characters
        let Some((unit_at, _)) = o
            .name
            .char_indices()
            .take(3)
            .find(|&(i, c)| matches!(c, '镇' | '乡' | '村') || o.name[i..].starts_with("街道"))
        else {
            continue;
        };
        let head = &o.name[..unit_at];
        let head_chars = head.chars().count();
        let before = &body[..o.start];
        let back: Vec<(usize, char)> = before.char_indices().rev().take(4).collect();
        for k in 1..=back.len() {
            let stem_chars = k + head_chars;
            if !(2..=4).contains(&stem_chars) {
                continue;
            }
            let start = back[k - 1].0;
            let stem = &body[start..o.start + unit_at];
            let left = &body[..start];
            let closed = left
                .chars()
                .next_back()
                .is_none_or(|c| !crate::text::is_han(c) && !c.is_ascii_alphanumeric())
                || places.iter().any(|p| p.end == start)
                || super::places::BEFORE_A_PLACE
                    .iter()
                    .any(|w| left.ends_with(w))
                || left.ends_with('、');
            // (并/代表/镇党委, 由/北中镇妇联: a conjunction or a preposition opens a clause)
            let opener = stem.chars().next().map(|c| &stem[..c.len_utf8()]);
            if !closed
                || opener
                    .is_some_and(|w| is_function_word(w) || "并由被把将向对为以从自".contains(w))
                || stem.contains("代表")
                || !super::places::plain_local_stem(stem)
                || super::places::stem_reads_as_clause(toks, start, o.start + unit_at)
                || spans.iter().any(|&(s, e)| s < o.start && start < e)
                || persons_taken.iter().any(|&(s, e)| s < o.start && start < e)
            {
                continue;
            }
            o.name = body[start..o.end].to_string();
            o.first = toks.partition_point(|t| t.end <= start);
            o.start = start;
            o.named_start = true;
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_of_a_longer_name() {
        assert!(abbreviates("住建部", "住房和城乡建设部"));
        assert!(abbreviates("港府", "香港政府"));
        assert!(abbreviates("人社部", "人力资源和社会保障部"));
        assert!(!abbreviates("中国银行", "中国银行北京分行"));
        assert!(!abbreviates("北京大学", "北京大学经济学院"));
        assert!(!abbreviates("市政府", "中卫市常乐镇政府"));
    }

    #[test]
    fn variant_keys() {
        let lex = Lexicon::builtin();
        assert_eq!(variant_key(&lex, "深圳市社会组织党委"), "深圳社会组织党委");
        assert_eq!(variant_key(&lex, "普陀区团区委"), "普陀团区委");
        assert_eq!(variant_key(&lex, "普陀团区委"), "普陀团区委");
        assert_eq!(variant_key(&lex, "团区委"), "团区委");
        assert_eq!(variant_key(&lex, "中共中央政治局"), "中央政治局");
        assert_eq!(variant_key(&lex, "共青团中央"), "团中央");
        assert_eq!(variant_key(&lex, "中共中央"), "中共中央");
        assert_eq!(
            variant_key(&lex, "长春市人民政府"),
            variant_key(&lex, "长春市政府")
        );
    }

    #[test]
    fn a_village_the_tagger_read_and_a_party_unit_after_it_are_one_body() {
        let lex = Lexicon::builtin();
        let body = "权某寨村党支部、某地党支部组织";
        let toks = [
            Tok::new("权某", "n", 0, 6),
            Tok::new("寨", "ng", 6, 9),
            Tok::new("村", "zg", 9, 12),
            Tok::new("党支部", "j", 12, 21),
            Tok::new("、", "x", 21, 24),
            Tok::new("某地", "n", 24, 30),
            Tok::new("党支部", "j", 30, 39),
        ];
        let place = |start: usize, end: usize| PlaceSpan {
            start,
            end,
            name: body[start..end].to_string(),
            weak: false,
        };
        // (某地 is no village, township or street: its party unit stays unnamed)
        let places = [place(0, 12), place(24, 30)];
        let mut orgs = Vec::new();
        take_units_after_places(&lex, body, &toks, &mut orgs, &places);
        let names: Vec<&str> = orgs.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["权某寨村党支部"]);
        assert_eq!(orgs[0].kind, "party");
    }
}
