//! Places: administrative divisions from the gazetteer (full and short forms) and local
//! places closed by a suffix (街道, 镇, 乡, 村, 社区, 小区, 路 …), one component each
//! (通州区 / 九棵树街道 / 翠屏北里社区), never the parts of an organization name except the
//! sites named inside a temporary party branch's name.

use super::lexicon::{DIVISION, Lexicon, MAJOR, PlaceLevel, SHORT, short_form};
use super::orgs::OrgSpan;
use super::token::{EntityKind, EntitySpan, Tok, is_function_word};
use crate::record::Place;
use crate::text::{FastMap, FastSet};

/// One place mention.
#[derive(Debug, Clone)]
pub struct PlaceSpan {
    /// Byte range in the body.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// The name as written.
    pub name: String,
    /// Only jieba's `ns` tag says so (a person's name wins over it).
    pub weak: bool,
}

/// A village's or a community's own units, named after it (某某村党支部, 某某社区居委会).
const VILLAGE_UNITS: &[&str] = &[
    "党支部",
    "党总支",
    "党委",
    "村委会",
    "居委会",
    "两委",
    "村委",
    "支部",
    "村民委员会",
    "居民委员会",
];

/// A village's or a township's bodies of the mass organizations, named after it (某某村团支部,
/// 某某镇团委, 某某镇妇联).
const OWN_BODIES: &[&str] = &["妇联", "团委", "团支部", "关工委"];

/// Attributes that make a suffix word generic (涉疫小区, 封控社区), not a name.
const GENERIC_STEMS: &[&str] = &[
    // verbs jieba tags as nouns before 社区 or 小区 (主动联系社区, 建议小区, 协同某某社区)
    "联系",
    "协同",
    "会同",
    "联合",
    "主动",
    "汇报",
    // what a sentence does to a community (充分利用社区宣传栏, 动员社区居民, 惠及社区居民)
    "利用",
    "充分利用",
    "发挥",
    "充分发挥",
    "动员",
    "惠及",
    "服务",
    "覆盖",
    "辐射",
    "带动",
    "依托",
    "扎根",
    "下沉",
    "深入",
    "走进",
    "进驻",
    "入驻",
    "任一",
    "片区",
    "基点",
    "省级",
    "建议",
    "规划",
    "涉疫",
    "无疫",
    "封控",
    "管控",
    "防控",
    "疫情",
    "周边",
    "所在",
    "老旧",
    "居民",
    "城市",
    "农村",
    "城乡",
    "新建",
    "辖区",
    "属地",
    "本地",
    "当地",
    "外地",
    "各个",
    "多个",
    "整个",
    "相关",
    "附近",
    "全国",
    "全市",
    "全区",
    "全县",
    "全镇",
    "全乡",
    "全村",
    "基层",
    "社区",
    "小区",
    "街道",
    "道路",
    "马路",
    "公路",
    "网络",
    "上",
    "下",
    "中",
    "一",
    "该",
    "此",
    "每",
    "各",
    "本",
    "全",
    "线上",
    "线下",
    "其他",
    "沿",
    "示范",
    "样板",
    "后进",
    "民族",
    "标杆",
    "景观",
    "利用",
    "居家",
    "模范",
    "试点",
    "重点",
    "高风险",
    "中风险",
    "低风险",
    "风险",
    "隔离",
    "集中",
    "临时",
    "出入",
    "进出",
    "这个",
    "部分",
    "物业",
    // a street or community described, not named (主要街道, 美丽社区)
    "主要",
    "美丽",
    // kinds of housing compound (商品房小区, 安置房小区, 问题小区), not names; what residents do
    // about their compound (共商小区事务)
    "商品房",
    "安置房",
    "回迁房",
    "保障房",
    "拆迁房",
    "廉租房",
    "公租房",
    "自建房",
    "无物业",
    "弃管",
    "开放式",
    "封闭式",
    "问题",
    "共商",
    "共建",
    "共治",
    "众多",
    // kinds of village (行政村, 贫困村, 驻点村), not names
    "行政",
    "主管",
    "无主管",
    "积极探索",
    "探索",
    "回家",
    "自然",
    "贫困",
    "空心",
    "文明",
    "驻点",
    "挂钩",
    "包联",
    "结对",
    "帮扶",
    "对口",
    "半山区",
    "偏远",
    // what a community should be, not its name (幸福美好社区, 品质化社区, 扎根社区); 幸福社区
    // and 和谐村 are real names
    "幸福美好",
    "智慧",
    "宜居",
    "品质",
    "完整",
    "韧性",
    "化",
    "扎根",
    "深入",
    "走进",
    "来到",
];

static GENERIC_SET: std::sync::LazyLock<crate::text::FastSet<&'static str>> =
    std::sync::LazyLock::new(|| GENERIC_STEMS.iter().copied().collect());

/// Whether the first `stem_chars` characters of `word` (a word ending in a place suffix) are
/// a generic stem (居家社区, 样板村), or `word` is shorter than that.
fn generic_stem(word: &str, stem_chars: usize) -> bool {
    word.char_indices()
        .nth(stem_chars)
        .is_none_or(|(b, _)| GENERIC_SET.contains(&word[..b]))
}

fn stem_tag(tag: &str) -> bool {
    matches!(
        tag,
        "n" | "nr" | "nrfg" | "nrt" | "ns" | "nz" | "j" | "ng" | "zg" | "nt" | "b" | ""
    )
}

/// Verbs of a clause the tagger reads into a village's or a town's name before a bare suffix
/// (联手/镇村干部, 召开/村民代表大会).
const CLAUSE_VERBS: &[&str] = &[
    "联手", "召开", "回家", "发展", "支持", "组织", "开展", "举办", "带领", "走进", "深入", "来到",
    "前往", "参加", "进入", "走访", "慰问", "帮助", "服务", "推动", "协调", "联系", "深化", "壮大",
    "实现", "促进", "确保",
];

/// Words a bare village, town or township character starts when it follows them (村/两委,
/// 镇/党委, 村/集体经济): the character opens that compound, no place ends there.
const SUFFIX_CHAR_COMPOUNDS: &[&str] = &[
    "两委",
    "班子",
    "干部",
    "集体",
    "集体经济",
    "组",
    "组干部",
    "级",
    "党组织",
    "民",
    "委",
    "党校",
];

/// One-character verbs that take a place as their object (进社区, 回村, 占社区总人口): before a
/// local suffix they are the verb, not the name's first character.
const PLACE_OBJECT_VERBS: &str = "进入到回去来出占住驻离返赴留走访跑下";

fn stem_ok(lex: &Lexicon, t: &Tok<'_>, adjacent: bool) -> bool {
    // 郑重/地向/社区: the adverbial 地 and a preposition jieba glued into one word.
    let mut chars = t.word.chars();
    if let (Some('地'), Some(p), None) = (chars.next(), chars.next(), chars.next())
        && "向在到从对为给与把被往".contains(p)
    {
        return false;
    }
    // 新一届/b 社区: a term of office (届) describes the body elected, names no place
    if t.is_punct()
        || t.word.contains('届')
        || is_function_word(t.word)
        || GENERIC_SET.contains(t.word)
        || lex.not_names.contains(t.word)
    {
        return false;
    }
    if t.tag == "v" {
        // 大方/居 小区, 创发城 小区: a verb-tagged piece right before the suffix, never a
        // two-character verb (进入小区, 帮助社区), nor a one-character verb that takes a place
        // as its object (进/社区, 占/社区总人口的60%).
        return adjacent
            && t.chars() != 2
            && !(t.chars() == 1 && PLACE_OBJECT_VERBS.contains(t.word));
    }
    if lex.roles.contains(t.word) || lex.org_suffix(t.word).is_some() {
        return false;
    }
    // 了丽园/nr 小区: a particle jieba glued to the name's head; 以城带/n 乡: a preposition
    if t.word.starts_with(['了', '的', '着'])
        || (t.chars() >= 3 && t.word.starts_with(['以', '从', '向', '把', '被', '对']))
    {
        return false;
    }
    if t.tag == "m" {
        // 第十届/m 社区居委会: an ordinal; 大批/m 社区居民: a quantity
        if t.word.starts_with('第')
            || [
                "大批", "大量", "众多", "诸多", "许多", "部分", "若干", "多数", "少数",
            ]
            .contains(&t.word)
        {
            return false;
        }
        // 一张/m 南山街道: a numeral and its measure word
        if t.chars() == 2
            && t.word
                .starts_with(|c: char| "一两二三四五六七八九十几每".contains(c))
            && t.word
                .ends_with(|c: char| "张个位名只件条份次批块片间所家户人处座栋步些届".contains(c))
        {
            return false;
        }
        // 九棵树 is tagged as a number; a pure number is not a name.
        // Nor is a count (一个小区, 一位社区).
        return t.word.chars().count() >= 2
            && t.word
                .chars()
                .any(|c| !c.is_ascii_digit() && !"零一二三四五六七八九十百千万两".contains(c))
            && !super::token::is_count(t.word)
            // 一个多/民族社区: a count with its hedge
            && !t.word.contains('个');
    }
    stem_tag(t.tag)
}

/// Each token's gazetteer flags, and the short forms whose full division name the body also
/// writes (零陵 with 零陵区).
struct Shorts<'a> {
    /// Whether each token is a division written right after the province it lies in.
    after_province: Vec<bool>,
    /// Whether each token follows a word of going somewhere (来到, 赴).
    after_motion: Vec<bool>,
    /// Whether each token is glued to a division or a named township after it.
    before_place: Vec<bool>,
    flags: Vec<u8>,
    confirmed: FastSet<&'a str>,
    /// Tokens that are an enumeration comma (、).
    enumeration: Vec<bool>,
    /// Tokens followed by a disaster named after its place (玉树地震, 马龙水灾).
    disaster_after: Vec<bool>,
}

/// Development zones, which take the name of their city (浏阳经开区, 苏州工业园区).
const ZONES: &[&str] = &[
    "经开区",
    "高新区",
    "开发区",
    "经济开发区",
    "经济技术开发区",
    "高新技术产业开发区",
    "自贸区",
    "保税区",
    "综合保税区",
    "工业园区",
    "产业园区",
    "示范区",
    "新区",
];

/// Words of going somewhere or being somewhere, after which a county's name is the place
/// (来到/米林/nr, 在/宁德/nr).
const MOTION: &[&str] = &[
    "来到", "到", "赴", "前往", "走进", "深入", "抵达", "到达", "奔赴", "走访", "考察", "调研",
    "在", "于", "从", "自", "来自",
];

/// Disasters named after the place they struck.
const DISASTERS: &[&str] = &[
    "地震",
    "水灾",
    "洪灾",
    "旱灾",
    "雪灾",
    "泥石流",
    "山洪",
    "震区",
    "灾区",
];

impl Shorts<'_> {
    /// Whether token `i` is a full division name.
    fn division(&self, i: usize) -> bool {
        self.flags[i] & DIVISION != 0
    }

    /// A short form that names a place on its own here: a province or prefecture, or a county
    /// the body also names in full (or that jieba itself tags as a place).
    fn place(&self, i: usize, t: &Tok<'_>) -> bool {
        let flags = self.flags[i];
        // 湖南/汉寿/nr, 山东/微山/n: a county written right after its own province, even one
        // whose short form is an ordinary word elsewhere.
        if self.after_province.get(i).copied().unwrap_or(false)
            && !matches!(t.tag, "v" | "d" | "p" | "c" | "u" | "m")
        {
            return true;
        }
        if flags & SHORT != 0
            && self.before_place.get(i).copied().unwrap_or(false)
            && !matches!(t.tag, "d" | "p" | "c" | "u" | "m")
        {
            return true;
        }
        // 承德、保定/v、张家口: a prefecture's short name listed between divisions, whatever
        // jieba tagged it.
        if flags & MAJOR != 0 && t.tag == "v" && self.listed(i) {
            return true;
        }
        if flags & SHORT == 0 || matches!(t.tag, "v" | "d" | "p" | "c" | "u" | "m") {
            return false;
        }
        // jieba reads many county names as personal names (白银/nr, 玉树/nr): only an
        // enumeration of divisions or a disaster named after the place says otherwise.
        if matches!(t.tag, "nr" | "nrfg" | "nrt") {
            return self.listed(i)
                || self.disaster_after.get(i).copied().unwrap_or(false)
                || self.after_motion.get(i).copied().unwrap_or(false)
                // 宁德市 … 当宁德/nr 的: the body names the division in full elsewhere
                || self.confirmed.contains(t.word);
        }
        flags & MAJOR != 0
            || self.confirmed.contains(t.word)
            || t.tag == "ns"
            || self.listed(i)
            || self.disaster_after.get(i).copied().unwrap_or(false)
    }

    /// Whether token `i` stands in an enumeration (门头沟、通州、平谷) next to another division.
    fn listed(&self, i: usize) -> bool {
        let division = |k: usize| {
            self.flags
                .get(k)
                .is_some_and(|f| f & (SHORT | DIVISION) != 0)
        };
        let comma = |k: usize| self.enumeration.get(k).copied().unwrap_or(false);
        (i >= 2 && comma(i - 1) && division(i - 2)) || (comma(i + 1) && division(i + 2))
    }

    /// A short form that ends the stem of a local place on its left (零陵 | 东岳宫社区).
    fn boundary(&self, i: usize, t: &Tok<'_>) -> bool {
        let flags = self.flags[i];
        flags & SHORT != 0 && (flags & MAJOR != 0 || self.confirmed.contains(t.word))
    }
}

/// Whether a token with place suffix `suffix` is an exact local place suffix (街道, 小区 …) on
/// its own.
fn bare_local_suffix(suffix: Option<(PlaceLevel, usize)>, t: &Tok<'_>) -> bool {
    suffix.is_some_and(|(lvl, n)| lvl == PlaceLevel::Local && n == t.chars())
}

/// A count of divisions (三县, 两区, 七省区, 两市县), not a name.
fn counted_divisions(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(n) = chars.next() else {
        return false;
    };
    let level = chars.as_str();
    "一二三四五六七八九十两几多各".contains(n)
        && ((level.chars().count() == 1 && "省市县区镇乡村州".contains(level))
            || ["省区", "省市", "市县", "区县", "县市", "乡镇"].contains(&level))
}

/// Finds place mentions, dropping those inside organization names.
pub fn find(
    lex: &Lexicon,
    body: &str,
    toks: &[Tok<'_>],
    orgs: &[OrgSpan],
    tagged: Option<&[EntitySpan]>,
) -> Vec<PlaceSpan> {
    // The tagger reads a place starting here over the whole token or two characters of it at
    // least (黔东 of 黔东南, not 中 of 中京).
    let tagged_place = |start: usize, end: usize| {
        tagged.is_none_or(|t| {
            t.iter().any(|s| {
                s.kind == EntityKind::Place
                    && s.start == start
                    && (s.end >= end
                        || body
                            .get(s.start..s.end)
                            .is_some_and(|w| w.chars().count() >= 2))
            })
        })
    };
    let mut confirmed = FastSet::default();
    let mut flags = vec![0u8; toks.len()];
    // Each token's place suffix, looked up once.
    let suffix: Vec<Option<(PlaceLevel, usize)>> =
        toks.iter().map(|t| lex.place_suffix(t.word)).collect();
    let bare_local = |k: usize| bare_local_suffix(suffix[k], &toks[k]);
    for (t, f) in toks.iter().zip(&mut flags) {
        *f = lex.gazetteer_flags(t);
        if *f & DIVISION != 0
            && let Some(short) = short_form(t.word)
        {
            confirmed.insert(short);
        }
    }
    let enumeration = toks.iter().map(|t| t.word == "、").collect();
    let disaster_after = (0..toks.len())
        .map(|k| toks.get(k + 1).is_some_and(|n| DISASTERS.contains(&n.word)))
        .collect();
    // 湖南/常德/nr, 浙江/安吉/nr: a county or city written right after its own province.
    let after_province = (0..toks.len())
        .map(|k| {
            k > 0
                && toks[k - 1].end == toks[k].start
                && lex.province_bits.get(toks[k - 1].word).is_some_and(|p| {
                    lex.in_province
                        .get(toks[k].word)
                        .is_some_and(|c| c & p != 0)
                })
        })
        .collect();
    let after_motion = (0..toks.len())
        .map(|k| k > 0 && MOTION.contains(&toks[k - 1].word))
        .collect();
    // 遵义/v 枫香镇/ns: a short form glued to the division or township under it.
    let before_place = (0..toks.len())
        .map(|k| {
            toks.get(k + 1).is_some_and(|n| {
                n.start == toks[k].end
                    && (flags[k + 1] & DIVISION != 0
                        || (n.tag == "ns" && suffix[k + 1].is_some_and(|(_, len)| n.chars() > len)))
            })
        })
        .collect();
    let shorts = Shorts {
        flags,
        after_province,
        after_motion,
        before_place,
        confirmed,
        enumeration,
        disaster_after,
    };
    // A bare 村, 镇 or 乡 glued to what follows it (村/两委, 村/干部, 村/集体经济) opens that
    // compound: no place ends there. (Before an institution it ends one: 熨斗/镇/敬老院.)
    let opens_compound = |k: usize| {
        let t = &toks[k];
        suffix[k].is_some_and(|(_, n)| n == t.chars())
            && t.chars() == 1
            && toks
                .get(k + 1)
                .is_some_and(|n| n.start == t.end && SUFFIX_CHAR_COMPOUNDS.contains(&n.word))
    };
    let mut raw: Vec<(usize, usize, PlaceLevel)> = Vec::new(); // token ranges
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.is_punct() {
            i += 1;
            continue;
        }
        // 意大利/威尼斯/nrt, 英国/诺福克郡/nr: a foreign place jieba reads as a name, right after
        // its country, where the tagger reads a place or the name ends in a foreign division.
        if i > 0
            && matches!(t.tag, "nr" | "nrt" | "nrfg")
            && t.chars() >= 2
            && toks[i - 1].end == t.start
            && toks[i - 1].word != "中国"
            && lex.countries.contains(toks[i - 1].word)
            && (t.word.ends_with(['郡', '州'])
                || tagged.is_some_and(|ts| {
                    ts.iter().any(|s| {
                        s.kind == EntityKind::Place && s.start == t.start && s.end == t.end
                    })
                }))
        {
            raw.push((i, i + 1, PlaceLevel::Admin));
            i += 1;
            continue;
        }
        // 罗霄山/nr 脉/ng: a mountain range jieba cut before 脉 (and read as a name).
        if t.word.ends_with('山')
            && t.chars() >= 2
            && toks
                .get(i + 1)
                .is_some_and(|n| n.word == "脉" && n.start == t.end)
        {
            raw.push((i, i + 2, PlaceLevel::Local));
            i += 2;
            continue;
        }
        let next_local = i + 1 < toks.len() && bare_local(i + 1);
        // 浏阳|经开区, 苏州工业园区: a development zone named after its city is one place.
        let zone = usize::from(toks.get(i + 1).is_some_and(|n| ZONES.contains(&n.word)));
        if shorts.division(i) && !next_local {
            raw.push((i, i + 1 + zone, PlaceLevel::Admin));
            i += 1 + zone;
            continue;
        }
        if shorts.place(i, t) && !next_local {
            // 清远鸡: a place name used as a modifier of a one-character noun is no place.
            let modifier = toks.get(i + 1).is_some_and(|n| {
                n.chars() == 1 && matches!(n.tag, "n" | "ng") && !is_function_word(n.word)
            });
            if !modifier || zone == 1 {
                raw.push((i, i + 1 + zone, PlaceLevel::Admin));
            }
            i += 1 + zone;
            continue;
        }
        let Some((level, slen)) = suffix[i] else {
            i += 1;
            continue;
        };
        if opens_compound(i) {
            i += 1;
            continue;
        }
        // Roads, expressways and bridges named after places (黄山路, 京沪高速, 江阴大桥): the
        // place word and the road word are one place; 高速 and 大桥 after anything else are
        // ordinary words (经济高速发展).
        if ROAD_WORDS.contains(&t.word) {
            let stem = i.checked_sub(1).map(|k| &toks[k]);
            if let Some(p) = stem
                && matches!(p.tag, "ns" | "j")
                && p.chars() >= 2
                && !p.is_punct()
            {
                // 京/港澳/高速: the names of the road's ends, each a place word.
                let mut start = i - 1;
                let mut chars = p.chars();
                // (a town before the street, 城关镇|西南街, is a place of its own)
                while start > 0
                    && matches!(toks[start - 1].tag, "ns" | "j")
                    && suffix[start - 1].is_none()
                    && chars + toks[start - 1].chars() <= 5
                {
                    start -= 1;
                    chars += toks[start].chars();
                }
                // 亳州路 + 街道, 西南街 + 社区: the street office or community named after it
                let mut end = i + 1;
                while end < toks.len() && bare_local(end) {
                    end += 1;
                }
                raw.push((start, end, PlaceLevel::Local));
                i = end;
                continue;
            }
            if matches!(t.word, "高速" | "大桥") {
                i += 1;
                continue;
            }
        }
        if level == PlaceLevel::Admin && !(t.tag == "ns" && t.chars() >= 3) {
            i += 1;
            continue;
        }
        let own_stem = t.chars() - slen;
        if own_stem > 0 && t.tag != "ns" {
            // 涿州/刁窝镇/nr, 曲洛乡/热木青村/n: a township or village written right after the
            // place it lies in is one, whatever jieba tagged it.
            let after_place = level == PlaceLevel::Local
                && own_stem >= 2
                && matches!(t.tag, "n" | "nr" | "nrt" | "nrfg" | "nz")
                && i > 0
                && toks[i - 1].end == t.start
                && raw.last().is_some_and(|&(_, e, _)| e == i)
                && !ROAD_WORDS.iter().any(|r| t.word.ends_with(r))
                && !lex.not_places.contains(t.word)
                && !generic_stem(t.word, own_stem);
            // 十八/m 洞村/n: a village named by a number and one character.
            let numbered = level == PlaceLevel::Local
                && own_stem == 1
                && matches!(t.tag, "n" | "ns" | "nr")
                && i > 0
                && toks[i - 1].end == t.start
                && toks[i - 1].tag == "m"
                && toks[i - 1].chars() >= 2
                && toks[i - 1]
                    .word
                    .chars()
                    .all(|c| "一二三四五六七八九十百千两".contains(c));
            // 熊家塔村/nr, 铜斗村/n: a village jieba's dictionary does not know, kept whole as
            // one word of a name and the suffix 村
            let village_word = t.word.ends_with('村')
                && own_stem >= 2
                && matches!(t.tag, "n" | "nr" | "nrt" | "nrfg" | "nz")
                && !lex.not_places.contains(t.word)
                && !generic_stem(t.word, own_stem)
                && !t.word.chars().next().is_some_and(|c| "全各本该每邻两多此新老".contains(c))
                && !["农村", "乡村", "山村", "渔村"].iter().any(|w| t.word.ends_with(w))
                // (a word before it may be the name's head: 大/陈二村, 西/辛庄村)
                && (i == 0
                    || toks[i - 1].is_punct()
                    || toks[i - 1].end < t.start
                    || matches!(
                        toks[i - 1].tag,
                        "r" | "p" | "c" | "m" | "v" | "u" | "uj" | "ul" | "d" | "x"
                    ));
            // 球川镇/n, 同兴乡/b: a township jieba's dictionary does not know, kept whole as one
            // word of a name of two characters or more and 镇 or 乡 (never a kind: 小城镇)
            let township_word = (t.word.ends_with('镇') || t.word.ends_with('乡'))
                && own_stem >= 2
                && matches!(t.tag, "n" | "nr" | "nrt" | "nz" | "b")
                && !lex.not_places.contains(t.word)
                && !generic_stem(t.word, own_stem)
                && !t.word.starts_with([
                    '小', '大', '古', '新', '名', '重', '强', '各', '全', '本', '该', '每', '城',
                    '乡',
                ])
                && !["城乡", "城镇", "乡镇", "集镇", "村镇"]
                    .iter()
                    .any(|w| t.word.ends_with(w))
                && (i == 0
                    || toks[i - 1].is_punct()
                    || toks[i - 1].end < t.start
                    || matches!(
                        toks[i - 1].tag,
                        "r" | "p" | "c" | "v" | "u" | "uj" | "ul" | "d" | "x" | "ns" | "t"
                    ));
            if after_place || village_word || township_word {
                raw.push((i, i + 1, PlaceLevel::Local));
            } else if numbered {
                raw.push((i - 1, i + 1, PlaceLevel::Local));
            }
            // 封路, 全镇, 社街: a word that merely ends like a place.
            i += 1;
            continue;
        }
        if level == PlaceLevel::Admin {
            raw.push((i, i + 1, level));
            i += 1;
            continue;
        }
        // A local suffix: the stem is this token's own head plus name tokens on its left.
        let mut start = i;
        let mut stem_chars = own_stem;
        let mut n_toks = 0;
        if own_stem == 0 || t.tag != "ns" {
            while start > 0 && n_toks < 3 {
                let p = &toks[start - 1];
                if shorts.division(start - 1) || shorts.boundary(start - 1, p) {
                    break;
                }
                if bare_local(start - 1) || suffix[start - 1].is_some() && n_toks > 0 {
                    break;
                }
                if !stem_ok(lex, p, n_toks == 0) {
                    break;
                }
                if p.tag == "v" && p.chars() >= 3 {
                    stem_chars += p.chars();
                    start -= 1;
                    break;
                }
                stem_chars += p.chars();
                if stem_chars > 7 {
                    stem_chars -= p.chars();
                    break;
                }
                start -= 1;
                n_toks += 1;
            }
        }
        // 下/f 摄司/n 街道: a direction character heads the name (东坝, 西红门, 下摄司).
        if n_toks >= 1
            && (2..5).contains(&stem_chars)
            && start > 0
            && toks[start - 1].tag == "f"
            && toks[start - 1].end == toks[start].start
            && ["东", "西", "南", "北", "上", "下"].contains(&toks[start - 1].word)
            && (start == 1 || !matches!(toks[start - 2].tag, "n" | "ns" | "nr" | "nz" | "j"))
        {
            start -= 1;
            stem_chars += 1;
        }
        if stem_chars < 2 {
            i += 1;
            continue;
        }
        if own_stem == 0 && n_toks == 0 {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        // 四平路 + 街道, 竹园新村 + 小区: a bare local suffix right after joins the name.
        while end < toks.len() && bare_local(end) {
            end += 1;
        }
        raw.push((start, end, PlaceLevel::Local));
        i = end;
    }
    // Rivers, lakes and canals by name (戛粮河/ns, 曲亭河/nr, 亥子河/t, 友谊/nr 河, 蔷薇/n 河):
    // a name of two characters or more before 河, 江, 湖 or 渠, whatever jieba tagged it.
    let mut in_raw = vec![false; toks.len()];
    for &(s, e, _) in &raw {
        in_raw[s..e].fill(true);
    }
    for k in 0..toks.len() {
        if in_raw[k] {
            continue;
        }
        let t = &toks[k];
        let one_word = t.chars() >= 3
            && t.chars() <= 5
            && t.word.ends_with(WATERS)
            && matches!(t.tag, "ns" | "nr" | "nz" | "t" | "j" | "nrt")
            // (江 ends many given names: 于长江/nr, 杨振江/nr)
            && !(matches!(t.tag, "nr" | "nrt") && t.word.ends_with('江'))
            && !GENERIC_WATERS.contains(&t.word)
            && !lex.not_places.contains(t.word);
        let two_words = !one_word
            && t.chars() == 2
            && matches!(t.tag, "ns" | "nr" | "nz" | "n" | "j" | "nrt")
            && !GENERIC_SET.contains(t.word)
            && !is_function_word(t.word)
            && toks.get(k + 1).is_some_and(|n| {
                n.start == t.end
                    && n.chars() == 1
                    && n.word.ends_with(WATERS)
                    && matches!(n.tag, "ns" | "n")
            })
            && !GENERIC_WATERS.contains(&format!("{}{}", t.word, toks[k + 1].word).as_str());
        // (a longer place the tagger reads around it is read there: 北/拒马河)
        let inside_a_tagged_place = || {
            tagged.is_some_and(|ts| {
                ts.iter().any(|s| {
                    s.kind == EntityKind::Place
                        && s.start <= t.start
                        && s.end >= t.end
                        && s.end - s.start > t.end - t.start
                })
            })
        };
        if (one_word || two_words) && inside_a_tagged_place() {
            continue;
        }
        let end = if one_word { k + 1 } else { k + 2 };
        if one_word || two_words {
            raw.push((k, end, PlaceLevel::Admin));
            in_raw[k..end].fill(true);
        }
    }
    // G328国道, S250省道: a numbered highway.
    for k in 0..toks.len().saturating_sub(1) {
        let (t, n) = (&toks[k], &toks[k + 1]);
        if t.word.len() >= 2
            && t.word.starts_with(['G', 'S'])
            && t.word[1..].bytes().all(|b| b.is_ascii_digit())
            && n.start == t.end
            && matches!(n.word, "国道" | "省道")
            && !in_raw[k]
        {
            raw.push((k, k + 2, PlaceLevel::Admin));
        }
    }
    // jieba's own place tags for the rest (俄罗斯, 欧洲), minus its ordinary-word mistakes.
    let mut weak: Vec<usize> = Vec::new();
    let mut covered_tok = vec![false; toks.len()];
    for &(s, e, _) in &raw {
        for c in covered_tok.iter_mut().take(e).skip(s) {
            *c = true;
        }
    }
    for (k, t) in toks.iter().enumerate() {
        // 吉林长春/nr: a province and its city in one word, whatever jieba tagged it.
        let region_city = !covered_tok[k]
            && t.chars() >= 4
            && lex.may_start_place(t.word)
            && region_then_city(lex, t.word).is_some();
        if covered_tok[k]
            || (t.tag != "ns" && !lex.countries.contains(t.word) && !region_city)
            || t.chars() < 2
            || lex.not_places.contains(t.word)
            || counted_divisions(t.word)
            || suffix[k].is_some()
            || GENERIC_SET.contains(t.word)
            || facility_name(t.word)
        {
            continue;
        }
        let next = toks.get(k + 1);
        let modifier = next.is_some_and(|n| {
            (n.chars() == 1 && matches!(n.tag, "n" | "ng"))
                || (!n.is_punct() && suffix[k + 1].is_some())
                || matches!(n.tag, "ns" | "nr" | "nz")
        });
        let glued =
            k > 0 && matches!(toks[k - 1].tag, "ns" | "nr" | "nz") && !toks[k - 1].is_punct();
        // jieba's ns alone is weak evidence: the tagger must agree.
        // A country's name needs no confirmation.
        // Nor does a province and its city in one word (辽宁抚顺/ns), both in the gazetteer.
        if modifier
            || glued
            || !(tagged_place(t.start, t.end)
                || lex.countries.contains(t.word)
                || region_city
                || named_landform(t.word))
        {
            continue;
        }
        raw.push((k, k + 1, PlaceLevel::Admin));
        if !region_city {
            weak.push(k);
        }
    }
    // Places the tagger found that neither the gazetteer, the suffixes nor jieba did: whole
    // tokens, two characters or more.
    // 明光/街道|黄/郢/社区: a span running over two levels of local division is also read
    // level by level, after the whole.
    let division_end = |k: usize| {
        suffix[k].is_some()
            && !opens_compound(k)
            && (toks[k]
                .word
                .ends_with(['市', '区', '县', '镇', '乡', '村', '旗'])
                || toks[k].word.ends_with("街道")
                || toks[k].word.ends_with("社区"))
    };
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for span in tagged
        .unwrap_or_default()
        .iter()
        .filter(|s| s.kind == EntityKind::Place)
    {
        pieces.push((span.start, span.end));
        let s = toks.partition_point(|t| t.end <= span.start);
        let e = toks.partition_point(|t| t.start < span.end);
        if e < s + 3
            || toks[s].start != span.start
            || toks[e - 1].end != span.end
            || !suffix[e - 1].is_some_and(|(level, _)| level == PlaceLevel::Local)
        {
            continue;
        }
        let mut from = s;
        for k in s..e - 1 {
            let rest_stem: usize = toks[k + 1..e].iter().map(|t| t.chars()).sum::<usize>()
                - suffix[e - 1].map_or(0, |(_, n)| n);
            if division_end(k) && rest_stem >= 2 {
                pieces.push((toks[from].start, toks[k].end));
                from = k + 1;
            }
        }
        if from > s {
            pieces.push((toks[from].start, span.end));
        }
    }
    for span in pieces.iter().map(|&(start, end)| EntitySpan {
        kind: EntityKind::Place,
        start,
        end,
    }) {
        let mut s = toks.partition_point(|t| t.end <= span.start);
        let e = toks.partition_point(|t| t.start < span.end);
        let aligned = toks.get(s).is_some_and(|t| t.start == span.start)
            && e > s
            && toks[e - 1].end == span.end;
        // 杨某/nr 途经/n 新桥/ns 新街/ns: a person written with 某 is no part of a place; the
        // place, if any, starts at the first place word after the person.
        if aligned && let Some(j) = toks[s..e].iter().rposition(|t| t.word.ends_with('某')) {
            match toks[s + j + 1..e].iter().position(|t| t.tag == "ns") {
                Some(k) => s += j + 1 + k,
                None => continue,
            }
        }
        // 蓟州区|下营村, 林芝|嘎拉村/nrt: the divisions the rules already found head the
        // tagger's span; what is left is a name and its suffix, in one token or more.
        let local_end = e > s
            && suffix[e - 1].is_some_and(|(level, _)| level == PlaceLevel::Local)
            && !opens_compound(e - 1);
        let own_stem_at = |k: usize| suffix[k].map_or(0, |(_, n)| toks[k].chars() - n);
        while aligned
            && local_end
            && (s + 2 < e || (s + 2 == e && own_stem_at(e - 1) >= 2))
            && covered_tok[s]
            && (shorts.division(s) || shorts.place(s, &toks[s]))
        {
            s += 1;
        }
        let word = toks
            .get(s)
            .and_then(|t| body.get(t.start..span.end))
            .unwrap_or("");
        // A town, village or street the tagger reads from a common word and a place suffix
        // (胜利/vn 镇, 酒泉/n 路/n 街道, 神/n 山村/ns, 下营/v 村): a name of two to four words
        // ending in the suffix.
        let last_stem = suffix[e.max(1) - 1].map_or(0, |(_, n)| toks[e.max(1) - 1].chars() - n);
        let bare_end = last_stem == 0;
        let named_end = e > s && matches!(toks[e - 1].tag, "nr" | "ns" | "nrt");
        let stem_word = |k: usize, t: &Tok<'_>| {
            (matches!(t.tag, "n" | "vn" | "ns" | "nz" | "nr" | "nrt" | "nrfg" | "j" | "ng")
                // 大/a 陈镇/nr, 曲松/a 普村/nr: an adjective heads a name whose last word
                // jieba already reads as a name; so do one character of a verb or a
                // direction (花/v 江村/ns, 西/f 辛庄村/nr)
                || (t.tag == "a" && !bare_end && named_end)
                || (matches!(t.tag, "v" | "f")
                    && t.chars() == 1
                    && k + 2 == e
                    && !bare_end
                    && named_end)
                // 刘/zg 集镇: one character jieba left untagged before a suffix word that holds
                // the rest of the name (集镇, 家村)
                || (t.tag == "zg" && t.chars() == 1 && k + 2 == e && !bare_end)
                // a two-character verb, adverb or place word right before a bare suffix
                // (下营/v 村, 立定/d 村, 林内/s 乡)
                // (or after a name's head jieba read as a family name: 郑家/nrfg 河沿/s 镇)
                || (matches!(t.tag, "v" | "d" | "s")
                    && t.chars() == 2
                    && k + 2 == e
                    && bare_end
                    && (e - s == 2
                        || e - s == 3 && matches!(toks[s].tag, "nrfg" | "ns" | "nz"))
                    && !CLAUSE_VERBS.contains(&t.word)))
                && !t.is_punct()
                && !is_function_word(t.word)
        };
        // 雪/n 都/d 村, 中/f 畈/q 村: a stem of two characters jieba cut into single ones, the
        // first no particle, pronoun or number, before a bare suffix.
        let two_singles = e == s + 3
            && bare_end
            && toks[s].chars() == 1
            && toks[s + 1].chars() == 1
            && !toks[s..e - 1].iter().any(|t| t.is_punct())
            && !matches!(
                toks[s].tag,
                "p" | "r" | "c" | "u" | "uj" | "ul" | "m" | "d" | "x"
            );
        let suffixed = aligned
            && local_end
            && (2..=4).contains(&(e - s))
            && (two_singles
                || toks[s..e - 1]
                    .iter()
                    .enumerate()
                    .all(|(j, t)| stem_word(s + j, t)))
            && toks[s..e - 1].iter().map(|t| t.chars()).sum::<usize>() + last_stem >= 2;
        // 码头镇/n: one word, a name of two characters or more and a place suffix
        let one_named_word = e == s + 1
            && local_end
            && own_stem_at(s) >= 2
            && matches!(toks[s].tag, "n" | "nz" | "nr" | "nrt" | "nrfg")
            && !generic_stem(toks[s].word, own_stem_at(s));
        // 七星/nz 台镇/ns, 马山/ns 子镇/nr: a bare name the rules read at the head of the
        // tagger's span, which goes on to a township's suffix word holding the rest of its name
        // (no level in that rest), is the head of the township's name.
        let last_own = own_stem_at(e.max(1) - 1);
        let extends_inner = aligned
            && e >= s + 2
            && !covered_tok[e - 1]
            && (toks[e - 1].word.ends_with('镇') || toks[e - 1].word.ends_with('乡'))
            && !matches!(
                toks[e - 1].word,
                "城镇" | "乡镇" | "村镇" | "小镇" | "古镇" | "重镇" | "城乡"
            )
            && last_own >= 1
            && !toks[e - 1]
                .word
                .chars()
                .take(last_own)
                .any(|c| "省市县区镇乡村".contains(c))
            && raw
                .iter()
                .filter(|r| r.0 < e && r.1 > s)
                .all(|r| r.0 >= s && r.1 < e && suffix[r.1 - 1].is_none());
        if !aligned
            || word.chars().count() < 2
            // a proper noun first, and no verb, adjective or locative (安抚, 西门门口)
            || !(matches!(toks[s].tag, "ns" | "nz" | "nr" | "j" | "eng" | "nt")
                || (toks[s].tag == "nrt" && local_end)
                || suffixed
                || one_named_word)
            || toks[s..e].iter().enumerate().any(|(j, t)| {
                matches!(t.tag, "v" | "a" | "ad" | "d" | "s" | "f")
                    && !(suffixed && j + 1 < e - s && matches!(t.tag, "v" | "d" | "a" | "f" | "s"))
                    && !(two_singles && j + 1 < e - s)
            })
            || (!suffixed && toks[s..e].iter().any(|t| t.tag == "vn"))
            // a preposition or a conjunction inside (妇联/为/镇) joins two phrases, no name
            || toks[s..e]
                .iter()
                .any(|t| matches!(t.tag, "p" | "c" | "uj" | "ul"))
            || (covered_tok[s..e].iter().any(|c| *c) && !extends_inner)
            || lex.not_places.contains(word)
            || GENERIC_SET.contains(word)
            // a community named by what it should be (扎根/ns 社区, 品质/化/社区)
            || (suffixed && toks[s..e - 1].iter().any(|t| GENERIC_SET.contains(t.word)))
            // an outlet or body (香港旅游中新网) is no place
            || word.ends_with(['网', '社', '报', '局', '部', '委', '会'])
            // nor a facility (湖南社区居家养老服务中心, 卫生院, 服务站)
            || word.ends_with(['心', '院', '站', '馆', '校', '厂'])
            || facility_name(word)
        {
            continue;
        }
        if extends_inner {
            raw.retain(|r| !(r.0 >= s && r.1 < e));
            weak.retain(|&k| !(s..e).contains(&k));
        }
        for c in covered_tok.iter_mut().take(e).skip(s) {
            *c = true;
        }
        raw.push((s, e, PlaceLevel::Admin));
        // A name ending in a place suffix is evidence enough to outweigh a personal name
        // inside it (刘家/nrfg 堡乡); a bare proper noun is not.
        if !(local_end && (suffixed || own_stem_at(e - 1) >= 2)) {
            weak.push(s);
        }
    }
    raw.sort_by_key(|r| r.0);
    let raw_starts: Vec<usize> = raw.iter().map(|r| r.0).collect();
    let titled = named_in_marks(body);
    let mut out = Vec::new();
    for (mut s, mut e, level) in raw {
        // 延川县社管中心|河东社区: a body's name ending inside the place is no part of it; the
        // place starts after the body.
        if let Some(o) = orgs
            .iter()
            .find(|o| o.start <= toks[s].start && o.end > toks[s].start && o.end < toks[e - 1].end)
        {
            match (s..e).find(|&k| toks[k].start == o.end) {
                Some(k) if toks[k..e].iter().map(|t| t.chars()).sum::<usize>() >= 3 => s = k,
                _ => continue,
            }
        }
        // 积石山/ns 县/zg: the level jieba cut off a name belongs to it as written.
        if level == PlaceLevel::Admin
            && toks.get(e).is_some_and(|n| {
                n.start == toks[e - 1].end && matches!(n.word, "县" | "市" | "区" | "旗")
            })
            && !toks[e - 1]
                .word
                .ends_with(['县', '市', '区', '旗', '省', '州'])
            && !raw_starts.contains(&e)
        {
            e += 1;
        }
        let start = toks[s].start;
        let end = toks[e - 1].end;
        if titled.iter().any(|&(a, b)| a <= start && end <= b) {
            // 《上海市募捐条例》, “中国爱心城市”: a document or a campaign named after a place.
            continue;
        }
        // 娄底市殡仪馆, 武汉火车站: a facility named after the place it stands in, like a body.
        if level == PlaceLevel::Admin
            && toks
                .get(e)
                .is_some_and(|n| FACILITIES.iter().any(|f| n.word.starts_with(f)))
        {
            continue;
        }
        let inside = orgs.iter().find(|o| o.start <= start && end <= o.end);
        if let Some(org) = inside {
            // A temporary party branch is named after the place it serves; a cooperative after
            // the places it stands in (什邡市隐峰镇…合作社: the annotated pages list that chain as
            // places; for schools they disagree, and the places inside stay out).
            // So is a village's or a community's own party or self-government unit (某某村党支部,
            // 某某社区居委会): every annotated set lists the village with it.
            // A township's party committee, government or league committee likewise (某某镇党委,
            // 某某乡政府, 某某镇团委): the annotated sets list the township with them.
            let village = body
                .get(start..end)
                .is_some_and(|p| p.ends_with('村') || p.ends_with("社区"));
            let township = body
                .get(start..end)
                .is_some_and(|p| p.ends_with(['镇', '乡']));
            let own_unit = level == PlaceLevel::Local
                && body.get(end..org.end).is_some_and(|unit| {
                    village
                        && (VILLAGE_UNITS.contains(&unit)
                            // (its women's federation, league branch or veterans' station, or a
                            // branch of its own name: 某某社区龙门党支部)
                            || OWN_BODIES.contains(&unit)
                            || unit == "退役军人服务站"
                            || (unit.ends_with("党支部") && (5..=7).contains(&unit.chars().count())))
                        || township
                            && (["党委", "政府", "人民政府"].contains(&unit)
                                || OWN_BODIES.contains(&unit))
                });
            let site = level == PlaceLevel::Local && org.name.ends_with("临时党支部")
                || org.name.ends_with("合作社")
                || own_unit;
            if !site {
                continue;
            }
        }
        let mut name: String = toks[s..e].iter().map(|t| t.word).collect();
        let mut start = start;
        // 驻竹城/花园小区: jieba glues the verb 驻 to the name.
        if let Some(rest) = name.strip_prefix('驻')
            && rest.chars().count() >= 3
            // 驻马店市 is a city, not 驻 + 马店市
            && !lex.divisions.contains(name.as_str())
            && !lex.division_short.contains(name.as_str())
        {
            name = rest.to_string();
            start += '驻'.len_utf8();
        }
        // A preposition jieba's HMM glued to a short place name (为/安省, 对/安省): the place.
        if let Some(first) = name.chars().next()
            && "为对在向从到至往赴离给由与和及".contains(first)
            && name.chars().count() >= 3
            && !lex.divisions.contains(name.as_str())
            && !lex.division_short.contains(name.as_str())
            && name.ends_with(['省', '市', '县', '区', '州'])
            // (a community or a compound is named whole: 向阳社区)
            && !name.ends_with("社区")
            && !name.ends_with("小区")
        {
            name.drain(..first.len_utf8());
            start += first.len_utf8();
        }
        if GENERIC_SET.contains(name.as_str())
            || lex.not_places.contains(name.as_str())
            || counted_divisions(&name)
            // a city's metro is a transit system, not a place (北京地铁/ns)
            || name.ends_with("地铁")
        {
            continue;
        }
        // 中国特色社会主义, 中国式现代化: a place as the style of a doctrine is no mention of it.
        if body
            .get(toks[e - 1].end..)
            .is_some_and(|rest| rest.starts_with("特色") || rest.starts_with('式'))
        {
            continue;
        }
        // 中国结, 中国年, 中国红: the country naming a thing of one character; 健康中国, 美丽中国:
        // a campaign's slogan. Neither is a mention of the place.
        if lex.countries.contains(name.as_str())
            && (toks.get(e).is_some_and(|n| {
                n.chars() == 1 && n.start == toks[e - 1].end && "结年红梦".contains(n.word)
            }) || (s > 0
                && toks[s - 1].end == toks[s].start
                && SLOGAN_HEADS.contains(&toks[s - 1].word)))
        {
            continue;
        }
        // 新中国 (the People's Republic since 1949), 一个中国 (the principle), 中国之声 (a radio
        // channel): the country's name in a name of its own.
        if lex.countries.contains(name.as_str())
            && (body
                .get(..toks[s].start)
                .is_some_and(|b| b.ends_with('新') || b.ends_with("一个"))
                || body
                    .get(toks[e - 1].end..)
                    .is_some_and(|rest| rest.starts_with("之声")))
        {
            continue;
        }
        // 东北地区, 西南地区: a compass region is no named place.
        if name.strip_suffix("地区").is_some_and(|stem| {
            [
                "东北", "西北", "东南", "西南", "东部", "西部", "南部", "北部", "中部", "周边",
                "边远", "偏远", "北方", "南方", "沿海", "内陆", "边境", "贫困", "农村", "城镇",
                "城市", "山区", "牧区", "林区", "灾区", "高原",
            ]
            .contains(&stem)
        }) {
            continue;
        }
        // 林丹为/nr 社区居民: a person and a preposition before a generic 社区 name no place
        if let Some(stem) = ["社区", "小区", "村"]
            .iter()
            .find_map(|suffix| name.strip_suffix(suffix))
            && stem.chars().count() >= 3
            && stem.ends_with(['为', '在', '向', '给', '对', '帮', '替', '与'])
        {
            continue;
        }
        // 江宁路街道社区党群服务中心: the 社区 of a sub-district's service venue is no level of
        // the name; the place is the sub-district.
        let mut end = end;
        if let Some(stem) = name.strip_suffix("街道社区")
            && stem.chars().count() >= 2
            && end >= "社区".len()
        {
            name.truncate(stem.len() + "街道".len());
            end -= "社区".len();
        }
        // 德胜/村村/集体: jieba's 村村 (every village) read as the suffix; the village is 德胜村.
        if let Some(doubled) = ["村村", "镇镇", "乡乡"].iter().find(|d| {
            name.strip_suffix(*d)
                .is_some_and(|stem| stem.chars().count() >= 2)
        }) {
            // keep one of the two suffix characters
            name.truncate(name.len() - doubled.len() / 2);
        }
        // 桂林山水, 江南水乡: the place and the scenery it is known for.
        if let Some(stem) = name
            .strip_suffix("山水")
            .or_else(|| name.strip_suffix("水乡"))
            .filter(|stem| stem.chars().count() >= 2)
        {
            name.truncate(stem.len());
        }
        // 长江流域, 长江中下游地区, 黄河上游: the river is the place; another basin is none.
        if let Some(river) = river_of(&name) {
            name = river.to_string();
        } else if name.ends_with("流域") {
            continue;
        }
        // 非洲地区, 广州地区: a known place with the generic 地区 after it is the place; a
        // prefecture whose official name ends in 地区 (喀什地区) keeps it.
        if let Some(stem) = name.strip_suffix("地区")
            && stem.chars().count() >= 2
            && !lex.divisions.contains(name.as_str())
            && (lex.countries.contains(stem)
                || lex.divisions.contains(stem)
                || lex.division_short.contains(stem))
        {
            name.truncate(stem.len());
        }
        // 辽宁沈阳|长安社区, 公主岭|黄花村: the divisions written before a village or community
        // are places of their own.
        while let Some(cut) = division_before_local(lex, &name) {
            let head = name[..cut].to_string();
            out.push(PlaceSpan {
                start,
                end: start + cut,
                name: head,
                weak: weak.contains(&s),
            });
            name.drain(..cut);
            start += cut;
        }
        // 广西南宁, 佛罗里达州坦帕市: a region and a city glued in one word are two places;
        // 河东乡王屯村: so are a township and a village.
        if let Some(cut) = region_then_city(lex, &name)
            .or_else(|| township_then_village(lex, &name))
            .or_else(|| county_then_township(lex, &name))
        {
            let (head, tail) = name.split_at(cut);
            for (from, part) in [(start, head), (start + cut, tail)] {
                out.push(PlaceSpan {
                    start: from,
                    end: from + part.len(),
                    name: part.to_string(),
                    weak: weak.contains(&s),
                });
            }
            continue;
        }
        out.push(PlaceSpan {
            start,
            end,
            name,
            weak: weak.contains(&s),
        });
    }
    villages_named_after_their_township(body, orgs, &mut out);
    villages_beside_known_places(lex, body, orgs, &mut out);
    // A place inside a longer one read at the same mention (河东 of 河东乡) is part of it.
    let ranges: Vec<(usize, usize)> = out.iter().map(|p| (p.start, p.end)).collect();
    out.retain(|p| {
        !ranges
            .iter()
            .any(|&(s, e)| s <= p.start && p.end <= e && (s, e) != (p.start, p.end))
    });
    out
}

/// Characters that never stand in a village's own name (function words, verbs of a clause).
const NOT_IN_VILLAGE_NAME: &str =
    "的了在是和与及等对向为从到把被将也都就又还有这那其该每各全本我你他她们进行开展";

/// A village, community or compound written as one to five characters and 村, 社区 or 小区 (no
/// function word in them), starting at `at`; its byte end.
fn village_at(body: &str, at: usize) -> Option<usize> {
    let rest = body.get(at..)?;
    let mut end = None;
    for (k, (i, c)) in rest.char_indices().take(6).enumerate() {
        let suffix = ["村", "社区", "小区"]
            .into_iter()
            .find(|s| rest[i..].starts_with(s));
        if let Some(s) = suffix {
            if k >= 1 && (s == "村" || k >= 2) {
                end = Some(at + i + s.len());
            }
            break;
        }
        if k == 5 || !crate::text::is_han(c) || NOT_IN_VILLAGE_NAME.contains(c) {
            return None;
        }
    }
    let end = end?;
    // 参加/社区, 走进/社区: a clause's verb before a common noun; 抓住/农村: a kind of place
    // (寨则山村, 大渔村 are names)
    if CLAUSE_VERBS.iter().any(|v| rest.starts_with(v))
        || ["农村", "乡村"].iter().any(|w| body[..end].ends_with(w))
    {
        return None;
    }
    // 村民, 村委, 村级, 村干部, 村集体: the 村 opens another word
    let next = body[end..].chars().next();
    (!next.is_some_and(|c| "民委级干集组".contains(c))).then_some(end)
}

/// A township or a street of the same kind as `like` (镇, 乡 or 街道), written as one to four
/// characters and its unit (no function word in them), starting at `at`; its byte end.
fn town_at(body: &str, at: usize, like: &str) -> Option<usize> {
    let unit = ["街道", "镇", "乡"]
        .into_iter()
        .find(|u| like.ends_with(u))?;
    let rest = body.get(at..)?;
    // the first unit within five characters (孙村镇和俞村镇: 孙村镇)
    let (i, _) = rest
        .char_indices()
        .take(6)
        .skip(1)
        .find(|&(i, _)| rest[i..].starts_with(unit))?;
    let stem = &rest[..i];
    (stem.chars().count() <= 4
        && stem.chars().all(crate::text::is_han)
        && !stem.chars().any(|c| NOT_IN_VILLAGE_NAME.contains(c))
        && !LIST_NEIGHBOURS.iter().any(|w| stem.starts_with(w)))
    .then_some(at + i + unit.len())
}

/// Words that open a generic item of a list of places (周边村, 其他乡镇), not a name.
const LIST_NEIGHBOURS: &[&str] = &[
    "周边", "附近", "其他", "其它", "相邻", "邻近", "所在", "各", "全", "本", "该", "兄弟", "结对",
    "老旧",
];

/// The separators and conjunctions between the items of a list of places.
const LIST_SEPARATORS: [&str; 5] = ["、", "以及", "和", "及", "与"];

/// The byte length of a list's separator at the start of `s`.
fn list_separator(s: &str) -> Option<usize> {
    LIST_SEPARATORS
        .into_iter()
        .find(|w| s.starts_with(w))
        .map(str::len)
}

/// The byte length of a list's separator at the end of `s`.
fn list_separator_before(s: &str) -> Option<usize> {
    LIST_SEPARATORS
        .into_iter()
        .find(|w| s.ends_with(w))
        .map(str::len)
}

/// Villages, communities and compounds jieba cut across their suffix (半/山村, 海子/洼村,
/// 三座/庵村) where the text places them beyond doubt: an item of a list of places joined by 、
/// next to a village, community or compound found already (汶潭村、半山村, 至善社区、樱花苑社区),
/// or the name right after a town found already (野人谷镇三座庵村); and the next township or
/// street of a list of them (兴国镇、黄/a 颡/g 口镇).
pub(super) fn villages_beside_known_places(
    lex: &Lexicon,
    body: &str,
    orgs: &[OrgSpan],
    out: &mut Vec<PlaceSpan>,
) {
    let inside_org = |s: usize, e: usize| {
        orgs.iter()
            .any(|o| o.start <= s && e <= o.end && !o.name.ends_with("临时党支部"))
    };
    let mut added = true;
    let mut rounds = 0;
    while added && rounds < 8 {
        added = false;
        rounds += 1;
        let mut found: Vec<(usize, usize)> = Vec::new();
        for p in out.iter() {
            let local =
                p.name.ends_with('村') || p.name.ends_with("社区") || p.name.ends_with("小区");
            let town = p.name.ends_with(['镇', '乡']) || p.name.ends_with("街道");
            // the next item of a list
            if local && let Some(n) = list_separator(&body[p.end..]) {
                let at = p.end + n;
                if let Some(end) = village_at(body, at).filter(|&e| !generic_item(&body[at..e])) {
                    found.push((at, end));
                }
            }
            // the item before
            if local && let Some(n) = list_separator_before(&body[..p.start]) {
                let sep = p.start - n;
                let from = body[..sep]
                    .char_indices()
                    .rev()
                    .take(5)
                    .find(|&(_, c)| !crate::text::is_han(c) || NOT_IN_VILLAGE_NAME.contains(c))
                    .map_or_else(
                        || {
                            body[..sep]
                                .char_indices()
                                .rev()
                                .nth(4)
                                .map_or(0, |(i, _)| i)
                        },
                        |(i, c)| i + c.len_utf8(),
                    );
                if let Some(end) =
                    village_at(body, from).filter(|&e| e == sep && !generic_item(&body[from..e]))
                {
                    found.push((from, end));
                }
            }
            // right after a town
            if town
                && let Some(end) =
                    village_at(body, p.end).filter(|&e| !generic_item(&body[p.end..e]))
            {
                found.push((p.end, end));
            }
            // the next township or street of a list (兴国镇、枫林镇、黄/a 颡/g 口镇, 孙/zg 村镇)
            if town && let Some(n) = list_separator(&body[p.end..]) {
                let at = p.end + n;
                if let Some(end) = town_at(body, at, &p.name) {
                    found.push((at, end));
                }
            }
        }
        for (s, e) in found {
            if out.iter().any(|p| p.start < e && s < p.end)
                || inside_org(s, e)
                || lex.not_places.contains(&body[s..e])
            {
                continue;
            }
            out.push(PlaceSpan {
                start: s,
                end: e,
                name: body[s..e].to_string(),
                weak: false,
            });
            added = true;
        }
    }
    out.sort_by_key(|p| p.start);
}

/// Whether a list's item is a generic one (周边村, 其他社区), not a name.
fn generic_item(item: &str) -> bool {
    LIST_NEIGHBOURS.iter().any(|w| item.starts_with(w))
}

/// 刘家堡乡 … 刘家堡村: a village that bears the name of a township found in the same body is a
/// place wherever it is written, however jieba cut it (刘家/nrfg 堡村), outside organization
/// names.
fn villages_named_after_their_township(body: &str, orgs: &[OrgSpan], out: &mut Vec<PlaceSpan>) {
    let stems: Vec<String> = out
        .iter()
        .filter_map(|p| p.name.strip_suffix(['乡', '镇']))
        .filter(|stem| stem.chars().count() >= 2)
        .map(|stem| format!("{stem}村"))
        .collect();
    for village in stems {
        for (start, _) in body.match_indices(village.as_str()) {
            let end = start + village.len();
            let taken = out.iter().any(|p| p.start < end && start < p.end)
                || orgs.iter().any(|o| o.start <= start && end <= o.end);
            if !taken {
                out.push(PlaceSpan {
                    start,
                    end,
                    name: village.clone(),
                    weak: false,
                });
            }
        }
    }
    out.sort_by_key(|p| p.start);
}

/// Words that make a country's name a campaign's slogan (健康中国, 美丽中国, 平安中国).
const SLOGAN_HEADS: &[&str] = &[
    "健康", "美丽", "平安", "数字", "法治", "幸福", "魅力", "智慧", "创新", "领航", "情满", "锦绣",
    "活力", "文化", "航天", "交通", "体育", "网络", "质量", "制造",
];

/// A landform named by a word of four characters or more (青藏高原, 四川盆地, 华北平原): jieba's
/// place tag on it needs no confirmation.
fn named_landform(word: &str) -> bool {
    word.chars().count() >= 4
        && [
            "高原", "盆地", "平原", "山脉", "草原", "沙漠", "半岛", "群岛", "丘陵",
        ]
        .iter()
        .any(|k| word.ends_with(k))
}

/// The named groups of a village written right after it (镜塘村|毛坪上组, 某某村|户拉村民小组):
/// places of their own, as every annotated set lists them. Never a numbered group (三组), nor
/// the village's party or working groups (村党组, 村工作组).
pub fn village_groups(body: &str, places: &mut Vec<PlaceSpan>) {
    let mut found = Vec::new();
    for p in places.iter().filter(|p| p.name.ends_with('村')) {
        let Some(rest) = body.get(p.end..) else {
            continue;
        };
        let stem: String = rest
            .chars()
            .take_while(|c| crate::text::is_han(*c))
            .take(7)
            .collect();
        // `黄某村戴冲、黄苗、皂角等组`: the village's groups listed, each by its bare name
        if let Some(list) = rest.split(['，', ',', '。']).next()
            && let Some(items) = ["等组", "等村民小组"]
                .iter()
                .find_map(|u| list.find(u).map(|k| &list[..k]))
            && items.contains('、')
            && items.split('、').all(|i| {
                (2..=3).contains(&i.chars().count())
                    && i.chars().all(crate::text::is_han)
                    && !i
                        .chars()
                        .any(|c| "党委干工作领导小一二三四五六七八九十各全每该本".contains(c))
            })
        {
            let mut at = p.end;
            for item in items.split('、') {
                if !places.iter().any(|q| q.start == at) {
                    found.push(PlaceSpan {
                        start: at,
                        end: at + item.len(),
                        name: item.to_string(),
                        weak: false,
                    });
                }
                at += item.len() + '、'.len_utf8();
            }
            continue;
        }
        for unit in ["村民小组", "组"] {
            let Some(at) = (2..=3).find(|&n| {
                let head: String = stem.chars().take(n).collect();
                stem[head.len()..].starts_with(unit)
            }) else {
                continue;
            };
            let head: String = stem.chars().take(at).collect();
            if head
                .chars()
                .any(|c| "党委干工作领导小一二三四五六七八九十各全每该本".contains(c))
            {
                break;
            }
            let name = format!("{head}{unit}");
            let start = p.end;
            if !places.iter().any(|q| q.start == start) {
                found.push(PlaceSpan {
                    start,
                    end: start + name.len(),
                    name,
                    weak: false,
                });
            }
            break;
        }
    }
    places.extend(found);
    places.sort_by_key(|p| p.start);
}

/// Whether `stem`, the characters before a local unit, can be a town's or a village's own
/// name: two to four ideographs, no function word, count, level or generic attribute in them.
pub(super) fn plain_local_stem(stem: &str) -> bool {
    (2..=4).contains(&stem.chars().count())
        && stem.chars().all(crate::text::is_han)
        && !stem
            .chars()
            .any(|c| NOT_IN_VILLAGE_NAME.contains(c) || "第个村乡".contains(c))
        && !stem.contains("社区")
        && !stem.ends_with(['镇', '区', '县'])
        && !LIST_NEIGHBOURS
            .iter()
            .any(|w| w.chars().nth(1).is_some() && stem.contains(w))
        && !GENERIC_STEMS
            .iter()
            .any(|g| g.chars().nth(1).is_some() && stem.starts_with(g))
}

/// Whether the words from `start` to `stem_end` read as a clause rather than a name: a verb,
/// adverb, pronoun or number of two characters or more opens them (扮靓/新村, 各/乡镇), or a
/// verb of two characters stands among them (洪水/淹没/街道).
pub(super) fn stem_reads_as_clause(toks: &[Tok<'_>], start: usize, stem_end: usize) -> bool {
    let k = toks.partition_point(|t| t.end <= start);
    // (许家/m 湖镇: jieba's number or time tag on a name's head counts only with a numeral in it)
    let counted = |t: &Tok<'_>| {
        t.word
            .chars()
            .any(|c| c.is_ascii_digit() || "一二三四五六七八九十百千万两几今明昨前后".contains(c))
    };
    toks.get(k).is_some_and(|t| {
        t.start == start
            && (t.end > stem_end
                || (t.chars() >= 2
                    && (matches!(
                        t.tag,
                        "v" | "vn" | "vd" | "ad" | "r" | "d" | "c" | "p" | "l" | "i"
                    ) || (matches!(t.tag, "m" | "t") && counted(t)))))
    }) || toks[k..]
        .iter()
        .take_while(|t| t.end <= stem_end)
        .any(|t| t.tag == "v" && t.chars() >= 2)
}

/// Whether a jieba word starts at byte `at` (the tokens are in text order).
fn starts_a_word(toks: &[Tok<'_>], at: usize) -> bool {
    toks.get(toks.partition_point(|t| t.start < at))
        .is_some_and(|t| t.start == at)
}

/// The jieba word that ends at byte `at`, if one does.
fn word_ending_at<'t, 'a>(toks: &'t [Tok<'a>], at: usize) -> Option<&'t Tok<'a>> {
    toks.get(toks.partition_point(|t| t.end < at))
        .filter(|t| t.end == at)
}

/// Whether `start..end` overlaps a place, an organization or a person found already.
fn taken(
    start: usize,
    end: usize,
    places: &[PlaceSpan],
    orgs: &[OrgSpan],
    persons: &[(usize, usize)],
) -> bool {
    places.iter().any(|p| p.start < end && start < p.end)
        || orgs.iter().any(|o| o.start < end && start < o.end)
        || persons.iter().any(|&(s, e)| s < end && start < e)
}

/// Words that close a place's name on its left: a verb or a preposition of going or being
/// somewhere, or a conjunction of a list (在/和盛镇, 分赴/三溪镇, 与/九龙口镇).
pub(super) const BEFORE_A_PLACE: &[&str] = &[
    "在", "到", "赴", "于", "至", "从", "来到", "走进", "深入", "前往", "分赴", "位于", "来自",
    "和", "与", "及", "同", "或",
];

/// Towns, townships, streets, villages and communities the tagger reads where jieba cut the
/// name apart or tagged it as something else (复兴/a 镇, 许家/m 湖镇, 和/c 盛镇, 中/f 水寨/n
/// 村): kept when the text itself closes the name on the left, as the start of a clause or a
/// list item (after punctuation), right after a division found already (保靖县|复兴镇), or after
/// a word of going somewhere (来到, 在). Two to four characters and the unit, none of them a
/// function word; never inside an organization's name, and never where the unit opens a
/// compound (村/民, 镇/干部).
pub fn bounded_local_places(
    lex: &Lexicon,
    body: &str,
    toks: &[Tok<'_>],
    tagged: Option<&[EntitySpan]>,
    orgs: &[OrgSpan],
    persons_taken: &[(usize, usize)],
    places: &mut Vec<PlaceSpan>,
) {
    let Some(tagged) = tagged else {
        return;
    };
    let mut found = Vec::new();
    for span in tagged.iter().filter(|s| s.kind == EntityKind::Place) {
        let Some(name) = body.get(span.start..span.end) else {
            continue;
        };
        let Some(stem) = ["街道", "社区", "镇", "乡", "村"]
            .into_iter()
            .find_map(|u| name.strip_suffix(u))
        else {
            continue;
        };
        if !plain_local_stem(stem) || lex.not_places.contains(name) {
            continue;
        }
        let (start, end) = (span.start, span.end);
        let chained = places.iter().chain(&found).any(|p| p.end == start);
        // (槐荫区|振兴/v 街街道 is a name)
        if !chained && stem_reads_as_clause(toks, start, start + stem.len()) {
            continue;
        }
        let before = &body[..start];
        let after = &body[end..];
        let clause_start = before
            .chars()
            .next_back()
            .is_none_or(|c| !crate::text::is_han(c) && !c.is_ascii_alphanumeric());
        let went = BEFORE_A_PLACE.iter().any(|w| before.ends_with(w));
        // (镇/村干部, 乡/村组: a township's unit and 村 or 街 make a compound of the levels)
        let opens_compound = SUFFIX_CHAR_COMPOUNDS
            .iter()
            .any(|w| after.starts_with(w) && !after.starts_with("组织"))
            || (name.ends_with(['镇', '乡']) && after.starts_with(['村', '街']))
            || (name.ends_with('村') && after.starts_with(['容', '貌', '落', '务', '规', '情']));
        if !(clause_start || chained || went)
            || opens_compound
            || taken(start, end, places, orgs, persons_taken)
        {
            continue;
        }
        found.push(PlaceSpan {
            start,
            end,
            name: name.to_string(),
            weak: false,
        });
    }
    if !found.is_empty() {
        places.extend(found);
        places.sort_by_key(|p| p.start);
    }
}

/// Characters that end a generic word of towns before the unit (小镇, 古镇, 城镇, 乡镇, 重镇,
/// 名镇, 强镇, 全镇, 各乡, 两镇): no town's name ends in them. (集 does: 张集镇, 王集乡.)
const GENERIC_TOWN_HEADS: &str = "小古城乡村重名强全各本该两每此其特";

/// A town, township or street that opens a clause (日前,九龙/口镇组织…, 8月4日,许家/湖镇72个村)
/// or follows a word of going there (去到/渌/口镇): two to four characters and 镇, 乡 or 街道, the
/// unit ending a word, whatever jieba made of the name and whether or not the tagger read it.
/// The start of a clause or the verb closes the name on the left, which is what jieba's cuts
/// cannot tell.
pub fn towns_opening_a_clause(
    lex: &Lexicon,
    body: &str,
    toks: &[Tok<'_>],
    orgs: &[OrgSpan],
    persons_taken: &[(usize, usize)],
    places: &mut Vec<PlaceSpan>,
) {
    let mut found = Vec::new();
    let mut prev: Option<char> = None;
    for (start, c) in body.char_indices() {
        let opens = prev.is_none_or(|p| !crate::text::is_han(p) && !p.is_ascii_alphanumeric())
            || (prev.is_some_and(|p| "在到赴于至从进入往自".contains(p))
                && BEFORE_A_PLACE.iter().any(|w| {
                    body[..start].ends_with(w) && !matches!(*w, "和" | "与" | "及" | "同" | "或")
                })
                && starts_a_word(toks, start));
        prev = Some(c);
        if !opens || !crate::text::is_han(c) {
            continue;
        }
        let rest = &body[start..];
        let mut end = None;
        for (n, (i, ch)) in rest.char_indices().enumerate().take(6) {
            let unit = match ch {
                '镇' => Some(ch.len_utf8()),
                // (家乡, 下乡, 返乡, 之乡, 以城带乡: words of 乡 that name no township)
                '乡' if !"家下返之带城老同故思归还回"
                    .contains(rest[..i].chars().next_back().unwrap_or(' ')) =>
                {
                    Some(ch.len_utf8())
                }
                '街' if rest[i..].starts_with("街道") => Some("街道".len()),
                _ => None,
            };
            if let Some(len) = unit {
                if (2..=4).contains(&n) {
                    end = Some((start + i, start + i + len));
                }
                break;
            }
            if !crate::text::is_han(ch) || NOT_IN_VILLAGE_NAME.contains(ch) || "第个".contains(ch)
            {
                break;
            }
        }
        let Some((unit_at, end)) = end else {
            continue;
        };
        let stem = &body[start..unit_at];
        let name = &body[start..end];
        let after = &body[end..];
        if !plain_local_stem(stem)
            || stem
                .chars()
                .next_back()
                .is_some_and(|c| GENERIC_TOWN_HEADS.contains(c))
            || stem_reads_as_clause(toks, start, unit_at)
            || lex.not_places.contains(name)
            || after.starts_with(['村', '街', '长', '级'])
            || SUFFIX_CHAR_COMPOUNDS
                .iter()
                .any(|w| after.starts_with(w) && !after.starts_with("组织"))
        {
            continue;
        }
        // the unit ends a word (not 镇/江, 乡/村)
        let Some(last) = word_ending_at(toks, end) else {
            continue;
        };
        // 助力/观珠镇: a word that is a whole town's name ends the span; the town is that word
        let start = if last.start > start && last.chars() >= 3 {
            last.start
        } else {
            start
        };
        if taken(start, end, places, orgs, persons_taken) || taken(start, end, &found, &[], &[]) {
            continue;
        }
        found.push(PlaceSpan {
            start,
            end,
            name: body[start..end].to_string(),
            weak: false,
        });
    }
    if !found.is_empty() {
        places.extend(found);
        places.sort_by_key(|p| p.start);
    }
}

/// A community or village named with an adjective (繁荣/a 社区, 幸福/a 村), right after the
/// district or town it lies in (南岗区/繁荣/社区): a place, as a kind of community (建设和谐社区)
/// written alone is not.
pub fn adjective_named_places(toks: &[Tok<'_>], places: &mut Vec<PlaceSpan>) {
    let mut found = Vec::new();
    for k in 1..toks.len().saturating_sub(1) {
        let (before, stem, unit) = (&toks[k - 1], &toks[k], &toks[k + 1]);
        if stem.tag == "a"
            && stem.chars() == 2
            && matches!(unit.word, "社区" | "村")
            && before.end == stem.start
            && stem.end == unit.start
            && before.word.ends_with(['区', '县', '市', '镇', '乡', '道'])
            && places.iter().any(|p| p.end == before.end)
            && !places
                .iter()
                .any(|p| p.start < unit.end && stem.start < p.end)
        {
            found.push(PlaceSpan {
                start: stem.start,
                end: unit.end,
                name: format!("{}{}", stem.word, unit.word),
                weak: false,
            });
        }
    }
    if !found.is_empty() {
        places.extend(found);
        places.sort_by_key(|p| p.start);
    }
}

/// A township's level jieba glued to the village after it (代字营/vn 镇鑫园/ng 村), where the
/// tagger reads the township and the village as one span: the township, then the village.
pub fn split_a_township_glued_to_its_village(
    toks: &[Tok<'_>],
    tagged: Option<&[EntitySpan]>,
    places: &mut Vec<PlaceSpan>,
) {
    let Some(tagged) = tagged else {
        return;
    };
    let mut split = Vec::new();
    for p in places.iter_mut() {
        let Some(rest) = p.name.strip_prefix(['镇', '乡']) else {
            continue;
        };
        let level_len = p.name.len() - rest.len();
        let k = toks.partition_point(|t| t.end <= p.start);
        let Some(prev) = k.checked_sub(1).and_then(|j| toks.get(j)) else {
            continue;
        };
        if rest.chars().count() >= 2
            && prev.end == p.start
            && (2..=4).contains(&prev.chars())
            && prev.word.chars().all(crate::text::is_han)
            && !is_function_word(prev.word)
            && tagged
                .iter()
                .any(|s| s.kind == EntityKind::Place && s.start == prev.start && s.end >= p.end)
        {
            split.push(PlaceSpan {
                start: prev.start,
                end: p.start + level_len,
                name: format!("{}{}", prev.word, &p.name[..level_len]),
                weak: false,
            });
            p.start += level_len;
            p.name = rest.to_string();
        }
    }
    if !split.is_empty() {
        places.extend(split);
        places.sort_by_key(|p| p.start);
    }
}

/// A count's measure word glued to the kinds it counts (26/处镇/街): no place.
pub fn drop_counted_kinds(body: &str, places: &mut Vec<PlaceSpan>) {
    places.retain(|p| {
        !(p.name.starts_with(['处', '个', '座', '所', '家', '名'])
            && body[..p.start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十百两几".contains(c)))
    });
}

/// A form or a register (在/普查表/nr 上填写, 登记册) is no place, whatever the tagger read.
pub fn drop_forms(places: &mut Vec<PlaceSpan>) {
    places.retain(|p| !(p.name.chars().count() >= 3 && p.name.ends_with(['表', '册', '簿', '单'])));
}

/// 老 or 小 and a family name (村民/老黎/ns) is a way of addressing someone, no place (老挝 is a
/// country).
pub fn drop_forms_of_address(lex: &Lexicon, places: &mut Vec<PlaceSpan>) {
    places.retain(|p| {
        let mut chars = p.name.chars();
        !(matches!(chars.next(), Some('老' | '小'))
            && chars.next().is_some_and(|c| lex.surnames.contains(&c))
            && chars.next().is_none()
            && !lex.countries.contains(p.name.as_str()))
    });
}

/// Roads jieba cut before their direction (前进/v 中路/ns, 解放/v 东路/ns 社区) or before 路上
/// (海珠区/纺织/n 路上/s): the road, and the community named after it, as written.
pub fn cut_road_names(toks: &[Tok<'_>], places: &mut Vec<PlaceSpan>) {
    const DIRECTED: &[&str] = &["东路", "西路", "南路", "北路", "中路"];
    let stem = |t: &Tok<'_>| {
        (1..=3).contains(&t.chars())
            && t.word.chars().all(crate::text::is_han)
            && !matches!(
                t.tag,
                "p" | "c" | "u" | "uj" | "ul" | "d" | "r" | "m" | "q" | "f"
            )
            && !super::token::is_function_word(t.word)
    };
    let mut found = Vec::new();
    for (k, t) in toks.iter().enumerate().skip(1) {
        let prev = &toks[k - 1];
        if prev.end != t.start || !stem(prev) {
            continue;
        }
        let (end, name) = if DIRECTED.contains(&t.word) {
            match toks
                .get(k + 1)
                .filter(|n| n.start == t.end && n.word == "社区")
            {
                Some(n) => (n.end, format!("{}{}社区", prev.word, t.word)),
                None => (t.end, format!("{}{}", prev.word, t.word)),
            }
        } else if t.word == "路上"
            && prev.chars() == 2
            && k >= 2
            && toks[k - 2].end == prev.start
            && toks[k - 2].tag == "ns"
            && toks[k - 2].word.ends_with(['区', '县', '市', '镇'])
        {
            (t.start + "路".len(), format!("{}路", prev.word))
        } else {
            continue;
        };
        found.push(PlaceSpan {
            start: prev.start,
            end,
            name,
            weak: false,
        });
    }
    // (a longer reading the rules made stays: 沪/j 亭/ng 北路/ns is 沪亭北路)
    found.retain(|f| !places.iter().any(|p| p.start <= f.start && f.end <= p.end));
    if found.is_empty() {
        return;
    }
    places.retain(|p| !found.iter().any(|f| f.start < p.end && p.start < f.end));
    places.extend(found);
    places.sort_by_key(|p| p.start);
}

/// The last characters of a river's, a lake's or a canal's name.
const WATERS: [char; 4] = ['河', '江', '湖', '渠'];

/// Kinds of water, no names (母亲河, 护城河, 江河湖).
const GENERIC_WATERS: &[&str] = &[
    "母亲河",
    "护城河",
    "江河湖",
    "大江大河",
    "小河",
    "大河",
    "内河",
    "界河",
    "主干河",
    "排水渠",
    "灌溉渠",
    "退水渠",
    "调节渠",
    "水渠",
    "沟渠",
    "人工湖",
    "人工河",
    "景观河",
    "景观湖",
    "城中河",
    "黄河",
    "长江",
    "运河",
    "大运河",
    "银河",
    "天河",
    "冰河",
    "江湖",
    "湖河",
    "林田湖",
    "山河",
    "锦绣山河",
    "大好山河",
    "巡河护河",
    "爱河护河",
];

/// A park, garden, temple or ruin (天坛公园, 辰山植物园, 莫尔寺): a landmark, not a place
/// (residential compounds named 花园 or 家园 are places).
fn facility_name(word: &str) -> bool {
    word.chars().count() >= 3
        && (word.ends_with(['寺', '庙'])
            || word.ends_with("遗址")
            || word.ends_with("景区")
            || word.ends_with("机场")
            // 塔石广场, 吉祥广场: a square is a landmark
            || word.ends_with("广场")
            || (word.ends_with('园') && !word.ends_with("花园") && !word.ends_with("家园")))
}

/// Facilities named after the city they stand in (娄底市殡仪馆, 武汉体育中心).
const FACILITIES: &[&str] = &[
    "殡仪馆",
    "火车站",
    "高铁站",
    "汽车站",
    "客运站",
    "机场",
    "体育馆",
    "体育中心",
    "体育场",
    "博物馆",
    "纪念馆",
    "展览馆",
    "大剧院",
    "会展中心",
    "国际会展",
    "会议中心",
    "火车东站",
    "火车南站",
    "火车西站",
    "火车北站",
];

/// Byte ranges of the text inside title marks (《…》) and inside short quotation marks that
/// hold a name rather than speech (“中国爱心城市”: at most 12 characters, no punctuation).
fn named_in_marks(body: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut title: Option<usize> = None;
    let mut quote: Option<(usize, usize, bool)> = None; // start, chars, clean
    for (i, c) in body.char_indices() {
        match c {
            '《' => title = Some(i + c.len_utf8()),
            '》' => {
                if let Some(s) = title.take() {
                    out.push((s, i));
                }
            }
            '“' => quote = Some((i + c.len_utf8(), 0, true)),
            '”' => {
                if let Some((s, n, true)) = quote.take()
                    && (1..=12).contains(&n)
                {
                    out.push((s, i));
                }
            }
            '\n' => {
                title = None;
                quote = None;
            }
            _ => {
                if let Some((_, n, clean)) = quote.as_mut() {
                    *n += 1;
                    if !crate::text::is_han(c) && !c.is_alphanumeric() {
                        *clean = false;
                    }
                }
            }
        }
    }
    out
}

/// The river a stretch or basin of it names (长江流域, 长江中下游地区, 黄河上游 → 长江, 黄河).
fn river_of(name: &str) -> Option<&str> {
    let stem = name
        .strip_suffix("流域")
        .or_else(|| name.strip_suffix("地区"))
        .unwrap_or(name);
    let river = ["中下游", "中上游", "上游", "中游", "下游"]
        .iter()
        .find_map(|r| stem.strip_suffix(r))
        .or_else(|| name.strip_suffix("流域"))?;
    (river.chars().count() >= 2 && river.ends_with(['江', '河', '湖'])).then_some(river)
}

/// Where a name made of a region and a city splits (广西|南宁, 佛罗里达州|坦帕市): the head
/// is a province, country or a name ending in 省/州 that is not a known division itself, the
/// tail a known division or a name ending in 市/县 of two characters or more.
fn region_then_city(lex: &Lexicon, name: &str) -> Option<usize> {
    if lex.divisions.contains(name) || lex.division_short.contains(name) {
        return None;
    }
    let known = |w: &str| lex.divisions.contains(w) || lex.division_short.contains(w);
    // the last split wins: 佛罗里达州|坦帕市, not 佛罗里达|州坦帕市
    let cuts: Vec<usize> = name.char_indices().skip(2).map(|(i, _)| i).collect();
    cuts.into_iter().rev().find(|&i| {
        let (head, tail) = name.split_at(i);
        let head_ok = known(head)
            || lex.countries.contains(head)
            || (head.ends_with(['省', '州']) && head.chars().count() >= 3);
        let tail_ok = tail.chars().count() >= 2
            && (known(tail) || (tail.ends_with(['市', '县']) && tail.chars().count() >= 3));
        head_ok && tail_ok
    })
}

/// Road words that take a place name as their stem (黄山路, 京沪高速, 江阴大桥).
const ROAD_WORDS: &[&str] = &[
    "路", "大道", "大街", "街", "南路", "北路", "东路", "西路", "中路", "高速", "大桥",
];

/// Where a division (a full name of the gazetteer, or a province's or prefecture's short name)
/// heads a village, community or compound whose own name has two characters or more
/// (辽宁|沈阳长安社区, 阿里|什布奇村), the byte length of the division; the longest such head.
fn division_before_local(lex: &Lexicon, name: &str) -> Option<usize> {
    let (level, suffix_chars) = lex.place_suffix(name)?;
    if level != PlaceLevel::Local {
        return None;
    }
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    let stem_end = chars.len().checked_sub(suffix_chars)?;
    (2..stem_end.saturating_sub(1))
        .rev()
        .map(|n| chars[n].0)
        .find(|&cut| {
            let head = &name[..cut];
            let tail = &name[cut..];
            // a full name, or the short name of a province or prefecture (a county's short
            // name heads compounds too often: 永康花园小区, 翠屏北里社区)
            (lex.divisions.contains(head)
                || lex.name_flags.get(head).is_some_and(|f| f & MAJOR != 0))
                // the rest is a name of its own, not a road or a level (北京路社区)
                && !tail.starts_with(['路', '街', '市', '县', '区', '省', '州', '镇', '乡'])
        })
}

/// Where a township or county and a village or community under it, glued in one name, split
/// (河东乡|王屯村, 新塬镇|中心村): the head ends in an administrative level and has a name of
/// two characters or more before it, the tail is a village, community or township with a name
/// of two characters or more.
fn township_then_village(lex: &Lexicon, name: &str) -> Option<usize> {
    if lex.divisions.contains(name) {
        return None;
    }
    const HEADS: [char; 4] = ['乡', '镇', '县', '区'];
    const TAILS: [&str; 5] = ["村", "社区", "镇", "乡", "街道"];
    let cuts: Vec<usize> = name
        .char_indices()
        .skip(2)
        .filter(|(_, c)| HEADS.contains(c))
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    cuts.into_iter().find(|&i| {
        let tail = &name[i..];
        TAILS.iter().any(|t| {
            tail.strip_suffix(t)
                .is_some_and(|stem| stem.chars().count() >= 2)
        })
    })
}

/// Where a county or district by its short name and a township under it, glued in one name,
/// split (萧山|所前镇, 余杭|良渚街道): the head is a known division's short name, the tail a
/// township, town or subdistrict with a name of two characters or more.
fn county_then_township(lex: &Lexicon, name: &str) -> Option<usize> {
    if lex.divisions.contains(name) || lex.division_short.contains(name) {
        return None;
    }
    let cuts: Vec<usize> = name.char_indices().skip(2).map(|(i, _)| i).collect();
    cuts.into_iter().find(|&i| {
        let (head, tail) = name.split_at(i);
        lex.division_short.contains(head)
            && ["镇", "乡", "街道"].iter().any(|t| {
                tail.strip_suffix(t)
                    .is_some_and(|stem| stem.chars().count() >= 2)
            })
    })
}

/// A place every written mention of which runs on into a unit that makes a longer place's
/// name the rules read as a place or a body (西泉/镇, 宣城/市, 榆树/镇): the longer place is what
/// the text names, not this one.
pub fn drop_heads_of_longer_places(body: &str, orgs: &[OrgSpan], places: &mut Vec<PlaceSpan>) {
    const UNITS: &[&str] = &[
        "省", "市", "县", "区", "镇", "乡", "村", "街道", "社区", "小区", "自治", "新区",
    ];
    let mut drop: Vec<String> = Vec::new();
    for p in places.iter() {
        // (a division or a road named in full is no head: 黔东南州/镇远县, 龙门路/社区)
        if drop.contains(&p.name)
            || UNITS.iter().any(|u| p.name.ends_with(u))
            || p.name.ends_with(['州', '盟', '旗', '路', '街', '道'])
        {
            continue;
        }
        // (the longer name is one the rules read somewhere: 西泉镇, not 德黑兰/市长)
        let read_longer = places
            .iter()
            .map(|q| q.name.as_str())
            .chain(orgs.iter().map(|o| o.name.as_str()))
            .any(|n| {
                n.strip_prefix(p.name.as_str())
                    .is_some_and(|rest| UNITS.iter().any(|u| rest.starts_with(u)))
            });
        if !read_longer {
            continue;
        }
        let mut mentions = 0;
        let mut longer = 0;
        for (at, _) in body.match_indices(p.name.as_str()) {
            mentions += 1;
            let after = &body[at + p.name.len()..];
            // (长三角/区域, 东北/乡村, 首尔/市中心, 乌蒙山/区: words, no units)
            if UNITS.iter().any(|u| after.starts_with(u))
                && ![
                    "区域",
                    "乡村",
                    "村庄",
                    "村落",
                    "市场",
                    "市民",
                    "县城",
                    "镇上",
                    "市中心",
                    "市区",
                    "市内",
                    "市郊",
                    "自治政府",
                ]
                .iter()
                .any(|w| after.starts_with(w))
                && !(p.name.ends_with('山') && after.starts_with('区'))
            {
                longer += 1;
            }
        }
        if mentions > 0 && longer == mentions {
            drop.push(p.name.clone());
        }
    }
    if !drop.is_empty() {
        places.retain(|p| !drop.contains(&p.name));
    }
}

/// One record per place name, with its mention count.
pub fn to_records(spans: &[PlaceSpan]) -> Vec<Place> {
    let mut order: Vec<String> = Vec::new();
    let mut count: FastMap<&str, usize> = FastMap::default();
    for s in spans {
        let c = count.entry(s.name.as_str()).or_default();
        if *c == 0 {
            order.push(s.name.clone());
        }
        *c += 1;
    }
    let mut places: Vec<Place> = order
        .into_iter()
        .map(|name| {
            let mentions = count.get(name.as_str()).copied().unwrap_or(0);
            let division = crate::fields::location::division(&name);
            Place {
                name,
                mentions,
                division,
            }
        })
        .collect();
    // County names several prefectures share are settled by the article's other places.
    if places.iter().any(|p| p.division.is_none()) {
        let context: Vec<crate::Division> =
            places.iter().filter_map(|p| p.division.clone()).collect();
        for p in places.iter_mut().filter(|p| p.division.is_none()) {
            p.division = crate::fields::location::division_in(&p.name, &context);
        }
    }
    places
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(body: &str, name: &str, nth: usize) -> PlaceSpan {
        let start = body.match_indices(name).nth(nth).map(|(i, _)| i).unwrap();
        PlaceSpan {
            start,
            end: start + name.len(),
            name: name.to_string(),
            weak: false,
        }
    }

    #[test]
    fn a_place_only_ever_written_as_the_head_of_a_longer_one_is_dropped() {
        let body = "西泉镇举行活动。县融媒体中心一行来到西泉镇欢塘村,德黑兰市长说,首尔市中心。";
        let mut places = vec![
            span(body, "西泉镇", 0),
            span(body, "西泉", 1),
            span(body, "欢塘村", 0),
            span(body, "德黑兰", 0),
            span(body, "首尔", 0),
        ];
        drop_heads_of_longer_places(body, &[], &mut places);
        let names: Vec<&str> = places.iter().map(|p| p.name.as_str()).collect();
        // 德黑兰/市长 and 首尔/市中心: no longer place is read
        assert_eq!(names, ["西泉镇", "欢塘村", "德黑兰", "首尔"]);
    }

    #[test]
    fn places_inside_titles_and_quoted_names_are_no_mentions() {
        let marks =
            named_in_marks("《上海市募捐条例》施行，“中国爱心城市”启动，他说：“我在上海，很好。”");
        let quoted: Vec<&str> = marks
            .iter()
            .map(|&(a, b)| {
                &"《上海市募捐条例》施行，“中国爱心城市”启动，他说：“我在上海，很好。”"[a..b]
            })
            .collect();
        assert_eq!(quoted, ["上海市募捐条例", "中国爱心城市"]);
    }

    #[test]
    fn a_region_and_a_city_glued_in_one_word_split() {
        let lex = Lexicon::builtin();
        let split = |name: &'static str| region_then_city(&lex, name).map(|i| name.split_at(i));
        assert_eq!(split("广西南宁"), Some(("广西", "南宁")));
        assert_eq!(split("佛罗里达州坦帕市"), Some(("佛罗里达州", "坦帕市")));
        assert_eq!(split("南宁"), None);
        assert_eq!(split("黔东南苗族侗族自治州"), None);
    }

    #[test]
    fn a_rivers_basin_or_stretch_is_the_river() {
        assert_eq!(river_of("长江流域"), Some("长江"));
        assert_eq!(river_of("长江中下游地区"), Some("长江"));
        assert_eq!(river_of("黄河上游"), Some("黄河"));
        assert_eq!(river_of("珠三角地区"), None);
        assert_eq!(river_of("黄河"), None);
    }

    #[test]
    fn a_county_and_a_township_glued_in_one_name_split() {
        let lex = Lexicon::builtin();
        let split = |name: &'static str| county_then_township(&lex, name).map(|i| name.split_at(i));
        assert_eq!(split("萧山所前镇"), Some(("萧山", "所前镇")));
        assert_eq!(split("余杭良渚街道"), Some(("余杭", "良渚街道")));
        assert_eq!(split("所前镇"), None);
        assert_eq!(split("萧山区"), None);
    }

    #[test]
    fn a_township_and_a_village_glued_in_one_name_split() {
        let lex = Lexicon::builtin();
        let split =
            |name: &'static str| township_then_village(&lex, name).map(|i| name.split_at(i));
        assert_eq!(split("河东乡王屯村"), Some(("河东乡", "王屯村")));
        assert_eq!(split("新塬镇中心社区"), Some(("新塬镇", "中心社区")));
        assert_eq!(split("镇江市"), None);
        assert_eq!(split("沙市区"), None);
        assert_eq!(split("王屯村"), None);
    }

    #[test]
    fn a_known_place_before_the_generic_region_word_is_the_place() {
        let nlp = crate::fields::nlp::Nlp::new(None).expect("built-in lexicons");
        let a = nlp.analyze("非洲地区累计确诊病例超过43万例，尼日利亚增幅最大。");
        let names: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        assert!(names.contains(&"非洲"), "{names:?}");
        assert!(!names.contains(&"非洲地区"), "{names:?}");
    }

    #[test]
    fn roads_expressways_and_bridges_named_after_places_are_places() {
        let nlp = crate::fields::nlp::Nlp::new(None).expect("built-in lexicons");
        let a = nlp.analyze(
            "车辆可经黄山路绕行，京港澳高速和沪宁高速车流较大，江阴大桥封闭。经济高速发展。",
        );
        let names: Vec<&str> = a.places.iter().map(|p| p.name.as_str()).collect();
        for road in ["黄山路", "京港澳高速", "沪宁高速", "江阴大桥"] {
            assert!(names.contains(&road), "{road}: {names:?}");
        }
        assert!(!names.iter().any(|n| n.contains("经济")), "{names:?}");
    }
}
