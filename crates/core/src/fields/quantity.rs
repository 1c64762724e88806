//! Statistics in the body: number, unit, item and hedge (`医用口罩8万余件`, `约 3.15 亿元`,
//! `近 6000 名社工`, `3至5万元`).
//!
//! A statistic is a number (Arabic, Chinese or mixed) followed by a measure word or currency
//! from `data/measure_words.txt`. Dates, times of day, years, ordinals (第一), product names
//! (84消毒液, KN95), hotlines and codes carry no measure word or are rejected by rule. `一`
//! used as an indefinite article (一名党员, 一批物资) is not a count; `一` before a duration
//! (一个小时, 一整天) is.

use std::ops::Range;
use std::sync::LazyLock;

use super::measure::{Class, fixed_expressions, unit_at};
use super::number::{Num, pow10, read_multiplier, read_number};
use super::numerals::{self, Dec, QUANTITY_START_CHARS, QUOTE_OPEN_CHARS, cn_digit, fold_width};
use crate::record::{Approx, Quantity};
use crate::text::{CharSet, is_space, skip_spaces, starts_with, starts_with_str};

fn ends_with_str(chars: &[char], end: usize, word: &str) -> bool {
    let mut k = end;
    for c in word.chars().rev() {
        if k == 0 || chars.get(k - 1) != Some(&c) {
            return false;
        }
        k -= 1;
    }
    true
}

fn is_digit(c: char) -> bool {
    numerals::is_arabic_digit(c)
}

fn is_cn_run_char(c: char) -> bool {
    numerals::is_cn_numeral_char(c)
}

/// Punctuation that ends the phrase naming an item.
fn is_boundary(c: char) -> bool {
    matches!(
        fold_width(c),
        ',' | '。'
            | '!'
            | '?'
            | ';'
            | ':'
            | '、'
            | '\n'
            | '('
            | ')'
            | '《'
            | '》'
            | '【'
            | '】'
            | '|'
            | '/'
            | '·'
            | '…'
            | '—'
            | '，'
            | '；'
            | '：'
    )
}

/// Words that take over from 个 as the unit: 一个小时, 三个月, 1.8个百分点.
const TIME_AFTER_GE: &[&str] = &[
    "小时",
    "月",
    "星期",
    "昼夜",
    "钟头",
    "工作日",
    "学期",
    "百分点",
    "基点",
];

/// Spans of time a rate may be counted per, after the amount: 20元/小时, 3000元每月.
const PER_TIME: &[&str] = &["小时", "天", "日", "周", "月", "年"];

/// Whether the 成 at `k` after the number `n` is tenths of a whole (七成受访者, 超过6成企业,
/// 增长近五成), not the verb or word it starts (三成员国, 五成为, 一成不变).
fn tenths_share(chars: &[char], k: usize, n: &Num) -> bool {
    if n.has_units || n.value.to_f64() > 10.0 {
        return false;
    }
    match chars.get(k + 1) {
        None => true,
        Some(c) if is_boundary(*c) => true,
        // 成员, 成为, 成立, 成功, 成交, 成长, 成果, 成绩, 成就, 成本, 成型, 成品, 成套, 成批, 成片, 成都
        Some(c) => !"员为立功交长果绩就本型品套批片都熟年效像形分".contains(*c),
    }
}

/// What a count of articles or points names when it is a document's or a programme's name
/// (`20条意见`, `八项规定`, `十条措施`).
const DOCUMENT_NOUNS: &[&str] = &["意见", "措施", "举措", "规定", "条例", "政策", "禁令"];

/// Drops the counts of articles that name a document: the same `N条意见` written more than once
/// is the document's name (`20条意见中提出…`, `20条意见规定…`), not a statistic restated.
fn drop_document_names(chars: &[char], hits: &mut Vec<Hit>) {
    let key = |h: &Hit| -> Option<String> {
        if !matches!(h.unit.as_str(), "条" | "项" | "点") || h.approx.is_some() {
            return None;
        }
        let noun = DOCUMENT_NOUNS
            .iter()
            .find(|w| starts_with_str(chars, h.end, w))?;
        let mut k: String = chars[h.num_start..h.end].iter().collect();
        k.push_str(noun);
        Some(k)
    };
    let keys: Vec<Option<String>> = hits.iter().map(key).collect();
    let named: Vec<bool> = keys
        .iter()
        .map(|k| {
            k.as_ref()
                .is_some_and(|k| keys.iter().flatten().filter(|o| *o == k).count() >= 2)
        })
        .collect();
    let mut named = named.into_iter();
    hits.retain(|_| !named.next().unwrap_or(false));
}

/// One statistic found, before its item is decided.
#[derive(Debug)]
struct Hit {
    start: usize,
    num_start: usize,
    end: usize,
    value: Dec,
    value_max: Option<Dec>,
    unit: String,
    class: Class,
    approx: Option<Approx>,
}

/// Whether hit `h` is a span of time that points at a period rather than measures one: a
/// small number of years or days in words after 这, 前, 新的, 过去, 未来 or 最后 (这两天, 前两天,
/// 新的一年, 过去一年, 这十年, 最大的一年, 今明两天), or before a comparison (一年比一年好,
/// 一年更比一年, 一天一个样).
fn deictic_time(chars: &[char], h: &Hit) -> bool {
    const BEFORE: &[&str] = &[
        "这", "那", "前", "的", "新", "过去", "未来", "最后", "去年", "今年", "明年", "头", "比",
        "今明",
    ];
    const AFTER: &[&str] = &["比", "更比", "年年", "之计", "磨", "一个样"];
    // 今年前10个月, 去年前三季度: the window a figure is for, not a statistic
    let year_window = matches!(h.unit.as_str(), "月" | "季度")
        && ["今年前", "去年前", "全年前", "年前"]
            .iter()
            .any(|w| ends_with_str(chars, h.start, w));
    if year_window {
        return true;
    }
    let time = matches!(h.unit.as_str(), "年" | "天" | "日");
    let in_words = chars.get(h.num_start).is_some_and(|&c| !is_digit(c));
    time && in_words
        && h.value.to_f64() <= 10.0
        && h.approx.is_none()
        && (BEFORE.iter().any(|w| ends_with_str(chars, h.start, w))
            || AFTER.iter().any(|w| starts_with_str(chars, h.end, w)))
}

fn prefix_approx(chars: &[char], num_start: usize) -> (Option<Approx>, usize) {
    let k = {
        let mut k = num_start;
        while k > 0 && is_space(chars[k - 1]) {
            k -= 1;
        }
        k
    };
    let table: [(&str, Option<Approx>); 29] = [
        ("大约是", Some(Approx::About)),
        ("大约为", Some(Approx::About)),
        ("大约有", Some(Approx::About)),
        ("约为", Some(Approx::About)),
        ("约有", Some(Approx::About)),
        ("约需", Some(Approx::About)),
        ("约合", Some(Approx::About)),
        ("大概", Some(Approx::About)),
        ("超过了", Some(Approx::MoreThan)),
        ("不少于", Some(Approx::AtLeast)),
        ("小于", Some(Approx::Nearly)),
        ("低于", Some(Approx::Nearly)),
        ("少于", Some(Approx::Nearly)),
        ("大于", Some(Approx::MoreThan)),
        ("高于", Some(Approx::MoreThan)),
        ("将近", Some(Approx::Nearly)),
        ("接近", Some(Approx::Nearly)),
        ("不到", Some(Approx::Nearly)),
        ("不足", Some(Approx::Nearly)),
        ("大约", Some(Approx::About)),
        ("超过", Some(Approx::MoreThan)),
        ("至少", Some(Approx::AtLeast)),
        ("多达", None),
        ("约", Some(Approx::About)),
        ("近", Some(Approx::Nearly)),
        ("逾", Some(Approx::MoreThan)),
        ("超", Some(Approx::MoreThan)),
        ("达", None),
        ("过", Some(Approx::MoreThan)),
    ];
    for (word, approx) in table {
        if ends_with_str(chars, k, word) {
            let n = word.chars().count();
            // 最近, 附近 are not hedges
            if word == "近" && k >= 2 && matches!(chars[k - 2], '最' | '附' | '靠' | '临' | '邻')
            {
                continue;
            }
            // 过 hedges only a bare order of magnitude (过百条), never a count (过3天)
            if word == "过" && !chars.get(k).is_some_and(|c| "百千万亿".contains(*c)) {
                continue;
            }
            if approx.is_none() {
                return (None, num_start);
            }
            return (approx, k - n);
        }
    }
    (None, num_start)
}

/// Spans of short quoted labels (“两个维护”, “单采信息 3 人小分队”): a number inside one is a
/// name, not a statistic.
fn label_spans(chars: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(next) = QUOTE_OPEN_CHARS.next_in(chars, i) {
        i = next;
        let close = match chars[i] {
            '“' => '”',
            '「' => '」',
            '‘' => '’',
            '"' => '"',
            _ => {
                i += 1;
                continue;
            }
        };
        let mut j = i + 1;
        let mut speech = false;
        while j < chars.len() && chars[j] != close && chars[j] != '\n' && j - i <= 40 {
            if matches!(
                fold_width(chars[j]),
                ',' | '。' | '!' | '?' | ';' | '，' | '；'
            ) {
                speech = true;
            }
            j += 1;
        }
        if j < chars.len() && chars[j] == close && !speech && j - i <= 20 {
            out.push(i..j + 1);
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Is `i` inside one of `spans` (sorted, not overlapping)?
fn in_any(spans: &[Range<usize>], i: usize) -> bool {
    let k = spans.partition_point(|r| r.end <= i);
    spans.get(k).is_some_and(|r| r.contains(&i))
}

/// Tries to read a statistic whose number starts at `i`.
/// A temperature below zero (`零下5.2℃`): the value is negative and the span takes 零下 in.
fn below_zero(chars: &[char], h: &mut Hit) {
    let degrees = ["℃", "°C", "度", "摄氏度"].contains(&h.unit.as_str());
    if degrees && h.num_start >= 2 && chars[h.num_start - 2..h.num_start] == ['零', '下'] {
        h.value = Dec {
            m: -h.value.m,
            s: h.value.s,
        };
        h.start = h.start.min(h.num_start - 2);
    }
}

/// A share `m` of `d` (三分之二, 2/3) read from `i` to `end`: a bare number with no unit, when
/// the whole is two to a hundred parts and the share less than all of it.
fn share_hit(chars: &[char], i: usize, end: usize, m: f64, d: f64) -> Option<Hit> {
    if !(2.0..=100.0).contains(&d) || m <= 0.0 || m >= d {
        return None;
    }
    let (approx, start) = prefix_approx(chars, i);
    Some(Hit {
        start,
        num_start: i,
        end,
        // fifteen decimals: the share as exactly as a record's number shows it
        value: Dec {
            m: (m / d * 1e15).round() as i128,
            s: 15,
        },
        value_max: None,
        unit: String::new(),
        class: Class::Count,
        approx,
    })
}

fn read_hit(chars: &[char], i: usize) -> Option<Hit> {
    // 百分之三十
    if starts_with_str(chars, i, "百分之") {
        let n = read_number(chars, i + 3)?;
        let (approx, start) = prefix_approx(chars, i);
        return Some(Hit {
            start,
            num_start: i,
            end: n.end,
            value: n.value,
            value_max: None,
            unit: "%".into(),
            class: Class::Percent,
            approx,
        });
    }
    // 三分之二, 四分之一: a share written as a fraction (a bare number)
    if let Some(den) = read_number(chars, i)
        && !den.vague
        && starts_with_str(chars, den.end, "分之")
        && let Some(num) = read_number(chars, den.end + 2)
        && !num.vague
    {
        return share_hit(chars, i, num.end, num.value.to_f64(), den.value.to_f64());
    }
    // 1/3, 3/4: a share written with a slash (a bare number); 7/26/2009 is a date
    if is_digit(chars[i])
        && let Some(num) = read_number(chars, i)
        && !num.has_units
        && matches!(chars.get(num.end), Some('/' | '／'))
        && chars.get(num.end + 1).is_some_and(|c| is_digit(*c))
        && let Some(den) = read_number(chars, num.end + 1)
        && !den.has_units
        && !chars
            .get(den.end)
            .is_some_and(|c| is_digit(*c) || matches!(c, '/' | '／' | '.' | '-' | '%' | '％'))
        // 1/4决赛 is a round of a tournament
        && !starts_with_str(chars, den.end, "决赛")
    {
        let (m, d) = (num.value.to_f64(), den.value.to_f64());
        if m.fract() != 0.0 || d.fract() != 0.0 {
            return None;
        }
        return share_hit(chars, i, den.end, m, d);
    }
    // 占全国一半, 近一半人, 平日的一半: half of a whole, a bare share of 0.5
    if starts_with_str(chars, i, "一半")
        && (["占", "的", "近", "约", "超过", "超", "逾", "不足", "不到", "将近", "过"]
            .iter()
            .any(|w| ends_with_str(chars, i, w))
            // 占全国一半, 占总数的一半
            || (1..=4).any(|k| {
                i >= k && chars[i - k] == '占' && chars[i - k + 1..i].iter().all(|c| is_cjk(*c))
            }))
        && !starts_with_str(chars, i + 2, "一半")
    {
        let (approx, start) = prefix_approx(chars, i);
        let mut end = i + 2;
        let mut approx = approx;
        if chars.get(end) == Some(&'多') || starts_with_str(chars, end, "以上") {
            approx = approx.or(Some(Approx::MoreThan));
            end += if chars.get(end) == Some(&'多') { 1 } else { 2 };
        } else if starts_with_str(chars, end, "左右") {
            approx = approx.or(Some(Approx::About));
            end += 2;
        }
        return Some(Hit {
            start,
            num_start: i,
            end,
            value: Dec { m: 5, s: 1 },
            value_max: None,
            unit: String::new(),
            class: Class::Count,
            approx,
        });
    }
    // 半日, 半天, 半年, 半个月
    // 半年 is a duration; 上半年 / 下半年 name a half of the year
    if chars[i] == '半' && !(i > 0 && matches!(chars[i - 1], '上' | '下' | '前' | '后')) {
        let k = if chars.get(i + 1) == Some(&'个') {
            i + 2
        } else {
            i + 1
        };
        let u = unit_at(chars, k).filter(|u| u.class == Class::Time)?;
        let word: String = u.word.iter().collect();
        let (out, end) = if chars.get(i + 1) == Some(&'个') || word != "月" {
            (u.out.clone(), k + u.word.len())
        } else {
            return None;
        };
        return Some(Hit {
            start: i,
            num_start: i,
            end,
            value: Dec { m: 5, s: 1 },
            value_max: None,
            unit: out,
            class: Class::Time,
            approx: None,
        });
    }
    let count = read_count(chars, i);
    // Money as people write it (`123元1角1分`, `十块三毛`, `港币两千九百六十元`, `1万元--5万元`)
    // is read by the money reader when it reaches further or names another currency.
    if let Some(m) = super::money::read_in_text(chars, i)
        && count.as_ref().is_none_or(|h| {
            // a rate (5万元每平方米) is the count reader's: its unit is the currency per another
            let per = h.unit.split('/').next().unwrap_or_default();
            h.class == Class::Money && (m.end > h.end || m.currency != per || m.start < h.start)
                || m.end > h.end
                || h.unit.is_empty()
                // a bare 块 the money reader took (it does only after a money word) is yuan
                || h.unit == "块"
        })
    {
        return money_hit(chars, i, &m).or(count);
    }
    count
}

/// Below this a vague amount (几十张, 几百元, 数十人) is a manner of speaking, not a statistic;
/// from it on (数十万元, 几十万块, 上万人) it reports an order of magnitude and is kept.
const VAGUE_FLOOR: f64 = 10_000.0;

/// A statistic from an amount of money read by [`super::money::read_in_text`].
fn money_hit(chars: &[char], i: usize, m: &super::money::InText) -> Option<Hit> {
    if m.vague && m.low.to_f64() < VAGUE_FLOOR {
        return None;
    }
    let mut end = m.end;
    let mut approx = m.vague.then_some(Approx::MoreThan);
    if starts_with_str(chars, end, "以上") {
        approx = Some(Approx::MoreThan);
        end += 2;
    } else if starts_with_str(chars, end, "左右")
        || (starts_with_str(chars, end, "上下")
            && chars
                .get(end + 2)
                .is_none_or(|c| is_boundary(*c) || *c == '的'))
    {
        approx = Some(Approx::About);
        end += 2;
    }
    let (pre, start) = prefix_approx(chars, m.start);
    if pre.is_some() {
        approx = pre;
    }
    Some(Hit {
        start,
        num_start: i,
        end,
        value: m.low,
        value_max: if m.vague { None } else { m.high },
        unit: m.currency.to_string(),
        class: Class::Money,
        approx,
    })
}

/// 百亩桃花, 万亩基地, 千名新党员, 百余种花卉: an order of magnitude standing alone before
/// the measure words of fields, people and kinds (never 千家万户, 百年, 千米); hedged with 余
/// before any measure word (百余项活动, 万余场次).
fn bare_order_count(chars: &[char], i: usize) -> Option<Hit> {
    const MEASURES: &[&str] = &["亩", "名", "种", "位", "栋", "株", "棵"];
    let pow: u32 = match chars.get(i)? {
        '百' => 2,
        '千' => 3,
        '万' => 4,
        _ => return None,
    };
    if i > 0 && (is_digit(chars[i - 1]) || is_cn_run_char(chars[i - 1]) || chars[i - 1] == '第') {
        return None;
    }
    let mut k = i + 1;
    let more = matches!(chars.get(k), Some('余') | Some('多'));
    if more {
        k += 1;
    }
    // 百余项, 万余场次: with 余 the magnitude is a count before any measure word.
    let hedged = more && chars[i + 1] == '余';
    let (unit, unit_len): (&str, usize) =
        match MEASURES.iter().find(|m| starts_with_str(chars, k, m)) {
            Some(m) => (m, m.chars().count()),
            None if hedged => unit_at(chars, k).map(|u| (u.out.as_str(), u.word.len()))?,
            None => return None,
        };
    let end = k + unit_len;
    // an idiom or a name, not a count (万名 before another numeral, 百种 at a sentence end)
    if !hedged && !chars.get(end).is_some_and(|c| is_cjk(*c)) {
        return None;
    }
    let (pre, start) = prefix_approx(chars, i);
    Some(Hit {
        start,
        num_start: i,
        end,
        value: Dec::int(10i128.pow(pow)),
        value_max: None,
        unit: unit.to_string(),
        class: Class::Count,
        approx: if more { Some(Approx::MoreThan) } else { pre },
    })
}

/// A count or measure: a number and its measure word.
fn read_count(chars: &[char], i: usize) -> Option<Hit> {
    if let Some(h) = bare_order_count(chars, i) {
        return Some(h);
    }
    let n = read_number(chars, i)?;
    // 上百种, 上千栋: a round magnitude reached, unlike 数十 or 几百
    let reached = chars.get(i) == Some(&'上') && n.value.to_f64() >= 100.0;
    if n.vague && n.value.to_f64() < VAGUE_FLOOR && !reached {
        return None;
    }
    let mut value = n.value;
    let mut value_max = n.max;
    let mut approx = if n.vague {
        Some(Approx::MoreThan)
    } else {
        None
    };
    let mut k = skip_spaces(chars, n.end);
    // infix hedge: 8万余件, 300余套, 十多个, 十几个, 80余万元
    if let Some(&c) = chars.get(k)
        && matches!(c, '余' | '多' | '几' | '来')
    {
        let (pow, after) = read_multiplier(chars, k + 1);
        let after_unit = unit_at(chars, skip_spaces(chars, after));
        let ge_time = chars.get(skip_spaces(chars, after)) == Some(&'个');
        if after_unit.is_some() || ge_time {
            approx = Some(if c == '来' {
                Approx::About
            } else {
                Approx::MoreThan
            });
            if pow > 0 {
                value = value.times(pow10(pow))?;
            }
            k = skip_spaces(chars, after);
        }
    }
    // range: 3至5万元, 1万-5万元, 两到三万
    if value_max.is_none()
        && let Some(&c) = chars.get(k)
        && matches!(fold_width(c), '至' | '到' | '~' | '-' | '—' | '－')
    {
        let mut r = k + 1;
        while r < chars.len() && matches!(fold_width(chars[r]), '-' | '—') {
            r += 1;
        }
        r = skip_spaces(chars, r);
        if let Some(hi) = read_number(chars, r) {
            let hk = skip_spaces(chars, hi.end);
            if unit_at(chars, hk).is_some() {
                value = n.range_low(&hi)?;
                value_max = Some(hi.value);
                k = hk;
            }
        }
    }
    // 一整天
    if chars.get(k) == Some(&'整') && unit_at(chars, k + 1).is_some_and(|u| u.class == Class::Time)
    {
        k += 1;
    }
    // the measure word: 个小时 / 个多月 / 个半小时 take the time word
    let mut half = false;
    let mut unit_end;
    let mut unit_word;
    let class;
    if chars.get(k) == Some(&'个')
        && let Some((w, extra)) = {
            let mut q = k + 1;
            let mut more = false;
            if matches!(chars.get(q), Some('多') | Some('余')) {
                more = true;
                q += 1;
            } else if chars.get(q) == Some(&'半') && n.max.is_none() {
                // 一个半小时 = 1.5 hours
                half = true;
                q += 1;
            }
            TIME_AFTER_GE
                .iter()
                .find(|w| starts_with_str(chars, q, w))
                .map(|w| (*w, (q - k - 1, more)))
        }
    {
        let (skip, more) = extra;
        if half {
            value = value.plus(Dec { m: 5, s: 1 })?;
        }
        unit_word = w.to_string();
        class = if matches!(w, "百分点" | "基点") {
            Class::Percent
        } else {
            Class::Time
        };
        unit_end = k + 1 + skip + w.chars().count();
        if more {
            approx = approx.or(Some(Approx::MoreThan));
        }
    } else if let Some(u) = unit_at(chars, k) {
        unit_word = u.out.clone();
        class = u.class;
        unit_end = k + u.word.len();
        // 230台(套): machines counted in units or sets, the unit as printed
        if unit_word == "台"
            && ["(套)", "（套）", "(套）", "（套)"]
                .iter()
                .any(|w| starts_with_str(chars, unit_end, w))
        {
            unit_word = "台(套)".into();
            unit_end += 3;
        }
    } else if matches!(chars.get(k), Some('%') | Some('％')) {
        unit_word = "%".into();
        class = Class::Percent;
        unit_end = k + 1;
    } else if chars.get(k) == Some(&'成') && tenths_share(chars, k, &n) {
        unit_word = "成".into();
        class = Class::Percent;
        unit_end = k + 1;
    } else if chars.get(k) == Some(&'倍')
        || (chars.get(k) == Some(&'番')
            && (ends_with_str(chars, i, "翻") || ends_with_str(chars, i, "翻了")))
    {
        // 增长了近三倍, 大一倍, 翻了一番(多): a multiple of what it is compared with
        unit_word = chars[k].to_string();
        class = Class::Percent;
        unit_end = k + 1;
        if chars.get(unit_end) == Some(&'多') {
            approx = Some(Approx::MoreThan);
            unit_end += 1;
        }
    } else if chars.get(k) == Some(&'点')
        && !n.has_big
        && [
            "建议", "意见", "要求", "希望", "期待", "努力", "共识", "主张", "看法", "体会", "启示",
            "经验", "做法", "措施",
        ]
        .iter()
        .any(|w| starts_with_str(chars, k + 1, w))
    {
        // 4点建议, 两点努力: points listed (not 两点 o'clock)
        unit_word = "点".into();
        class = Class::Count;
        unit_end = k + 1;
    } else if chars.get(k) == Some(&'级')
        && (["地震", "强震", "余震", "大地震", "大风", "台风", "阵风"]
            .iter()
            .any(|w| starts_with_str(chars, k + 1, w))
            || ["风力", "阵风", "风力达", "阵风达"]
                .iter()
                .any(|w| ends_with_str(chars, i, w)))
    {
        // 6.2级地震, 风力13级, 12级大风: the magnitude of an earthquake, the force of a wind
        unit_word = "级".into();
        class = Class::Measure;
        unit_end = k + 1;
    } else if let Some((end, pow, more)) = bare_magnitude(chars, i, &n, k) {
        // 三万居民, 老年人口将超过2亿, 年薪两百多万: a count of ten thousand or more written
        // with 万/亿 needs no measure word; the unit is left empty (null in the record).
        if pow > 0 {
            value = value.times(pow10(pow))?;
        }
        if more {
            approx = Some(Approx::MoreThan);
        }
        unit_word = String::new();
        class = Class::Count;
        unit_end = end;
    } else {
        return None;
    };
    let unit_start = k;
    // rules that turn a match away
    let prev = if i > 0 { Some(chars[i - 1]) } else { None };
    match unit_word.as_str() {
        "年" => {
            // a year (2020年, 09年) or a date (15年3月) is not a duration
            let zero_led = is_digit(chars[i]) && fold_width(chars[i]) == '0' && n.end > i + 1;
            // 400多年, 近1800年历史: a long span hedged or said of a history is no year
            let history = ["历史", "的历史", "文明史"]
                .iter()
                .any(|w| starts_with_str(chars, unit_end, w))
                && !starts_with_str(chars, unit_end, "历史上")
                && !starts_with_str(chars, unit_end, "历史性");
            let span = (approx.is_some() || history) && value.to_f64() < 10_000.0;
            let too_big = (value.to_f64() >= 100.0 && !span) || zero_led;
            let next_is_number = chars
                .get(skip_spaces(chars, unit_end))
                .is_some_and(|c| is_digit(*c) || cn_digit(*c).is_some());
            if too_big || next_is_number || chars.get(unit_end) == Some(&'级') {
                return None;
            }
        }
        "日" if !n.chinese || prev == Some('月') => return None,
        // 十六日, 二十三日: a day of the month written in numerals, not a number of days
        "日" if (11.0..=31.0).contains(&value.to_f64()) && n.end == unit_start => return None,
        "周" if matches!(chars.get(unit_end), Some('岁') | Some('年')) => return None,
        // 8点30分 is a time; 一分热, 十分 are not points
        "分" if n.chinese || matches!(prev, Some('点') | Some('时') | Some(':')) => return None,
        "度" if n.chinese => return None,
        _ => {}
    }
    if n.bare_one && class != Class::Time && !matches!(unit_word.as_str(), "倍" | "番") {
        return None;
    }
    if n.bare_one
        && class == Class::Time
        && prev.is_some_and(|p| "每这那哪同某任第其另".contains(p))
    {
        return None;
    }
    // 三个一: a lone numeral right after the measure word names a mechanism
    if chars
        .get(unit_end)
        .is_some_and(|c| cn_digit(*c).is_some() || is_digit(*c))
        && chars
            .get(unit_end + 1)
            .is_none_or(|c| is_boundary(*c) || matches!(c, '”' | '」' | '’' | '"'))
        && class != Class::Time
    {
        return None;
    }
    // 九棵树街道: a one-digit Chinese numeral in a place name
    if n.chinese && !n.has_units && unit_end - i <= 2 {
        let place = [
            "街道", "路", "街", "村", "镇", "乡", "社区", "小区", "区", "县", "里",
        ];
        if place
            .iter()
            .any(|p| starts_with_str(chars, unit_end + 1, p))
        {
            return None;
        }
    }
    // A rate, one unit per another: 1毫克/升, 5万元每平方米, 每立方米75微克.
    let mut rate_start = None;
    if matches!(class, Class::Measure | Class::Money) {
        // per a measure, or per a span of time written after the amount (20元/小时, 5元每天)
        if let Some(&c) = chars.get(unit_end)
            && matches!(c, '/' | '／' | '每')
            && let Some(per) = unit_at(chars, unit_end + 1)
            && (per.class == Class::Measure
                || (per.class == Class::Time && PER_TIME.contains(&per.out.as_str())))
        {
            unit_word = format!("{unit_word}/{}", per.out);
            unit_end += 1 + per.word.len();
        } else if let Some(at) = (2..=5)
            .filter_map(|k| i.checked_sub(k))
            .find(|&p| chars[p] == '每')
            && let Some(per) = unit_at(chars, at + 1)
            && per.class == Class::Measure
            && at + 1 + per.word.len() == i
        {
            unit_word = format!("{unit_word}/{}", per.out);
            rate_start = Some(at);
        }
    }
    // suffix hedges: 以上, 左右, 上下, 一年多
    if approx.is_none() {
        let after_ok = |q: usize| chars.get(q).is_none_or(|c| is_boundary(*c) || *c == '的');
        if starts_with_str(chars, unit_end, "以上") {
            approx = Some(Approx::MoreThan);
            unit_end += 2;
        } else if starts_with_str(chars, unit_end, "左右")
            || (starts_with_str(chars, unit_end, "上下") && after_ok(unit_end + 2))
        {
            approx = Some(Approx::About);
            unit_end += 2;
        } else if class == Class::Time && matches!(chars.get(unit_end), Some('多') | Some('余')) {
            approx = Some(Approx::MoreThan);
            unit_end += 1;
        }
    }
    let (pre, start) = prefix_approx(chars, rate_start.unwrap_or(i));
    if pre.is_some() {
        approx = pre;
    }
    // 有一天 tells a story; 已有一年多 measures
    if n.bare_one && approx.is_none() && prev == Some('有') {
        return None;
    }
    let _ = unit_start;
    Some(Hit {
        start,
        num_start: i,
        end: unit_end,
        value,
        value_max,
        unit: unit_word,
        class,
        approx,
    })
}

/// A number of ten thousand or more written with 万/亿 and no measure word after it
/// (`20万农村学童`, `峰值4.8亿。`, `两百多万`): where the statistic ends, the power of ten of a
/// multiplier after a 多/余 hedge, and whether that hedge was there. Not the adverbs and
/// idioms that are spelt like numbers (千万不要, 万万, 亿万, 百万雄师), fractions (三万分之一),
/// multiples, or a number glued to Latin text or a counter (`10万+`).
fn bare_magnitude(
    chars: &[char],
    i: usize,
    n: &super::number::Num,
    k: usize,
) -> Option<(usize, u32, bool)> {
    if matches!(chars.get(i), Some('千' | '万' | '亿' | '百')) || n.vague {
        return None;
    }
    let (mut end, mut pow, mut more) = (k, 0, false);
    if let Some(&c) = chars.get(k)
        && matches!(c, '多' | '余')
    {
        let (p, after) = read_multiplier(chars, k + 1);
        if p >= 4 {
            (end, pow, more) = (after, p, true);
        } else if n.trailing_pow >= 4 {
            // 两万多游客: the hedge after a multiplier that is there already
            (end, more) = (k + 1, true);
        }
    }
    if n.trailing_pow + pow < 4 || n.max.is_some() {
        return None;
    }
    let next = chars.get(skip_spaces(chars, end)).copied();
    let ok = match next {
        None => true,
        Some(c) if is_boundary(c) || matches!(c, '”' | '’' | '"' | '」') => true,
        Some(c) => {
            is_cjk(c)
                && !matches!(
                    c,
                    '分' | '倍' | '一' | '多' | '余' | '来' | '几' | '左' | '上'
                )
        }
    };
    ok.then_some((end, pow, more))
}

const AFTER_STRIP: &[&str] = &["的", "内", "里", "中", "之"];
const AFTER_REJECT: &[&str] = &[
    "时间",
    "时候",
    "期间",
    "下来",
    "以来",
    "之内",
    "之间",
    "来自",
    "赶",
    "都",
    "就",
    "已",
    "也",
    "便",
    "才",
    "又",
    "还",
    "立即",
    "尚未",
    "参与",
    "参加",
    "积极",
    "来到",
    "直接",
    "奔赴",
    "下沉",
    "齐心",
    "轮班",
    "高强度",
    "累计",
    "共",
    "均",
    "分别",
    "被",
    "将",
    "把",
    "后",
    "前",
    "左右",
    "不",
    "完成",
    "用于",
    "用来",
    "用作",
    "用以",
    "作为",
    "给予",
];
const AFTER_CUT: &[&str] = &[
    "在", "到", "参与", "参加", "组成", "分成", "奔赴", "投入", "来到", "进入", "主动", "齐心",
    "直接", "下沉", "举起", "送", "结对", "立即", "等", "给", "为", "赴", "坚守", "上缴", "完成",
    "开展", "进行", "前往", "深入", "协助", "配合", "负责", "自愿", "坚持", "投身", "冲锋", "凝心",
    "已经", "正在", "陆续", "全部", "分别", "用于", "发放", "捐给", "交给", "送达", "运抵",
];
const BEFORE_TRAIL: &[&str] = &[
    "总计", "共计", "合计", "累计", "共有", "已有", "达到", "达", "共", "计", "为", "是", "有",
    "已", "了", "约", "各", "超过", "逾", "近", "将近", "的", "和", "至少", "大约", "只", "仅",
    "就", "都", "还",
];
/// The verb of change or level between the measured thing and its figure (入托率提高6%,
/// 参保率稳定在99%以上, 补助资金增加到1770亿元, 规模将达到2500列): trailed off the item too.
const CHANGE_VERBS: &[&str] = &[
    "增加到",
    "增加至",
    "增加",
    "增长到",
    "增长",
    "提高到",
    "提高至",
    "提高",
    "提升到",
    "提升至",
    "提升",
    "上升到",
    "上升至",
    "上升",
    "下降到",
    "下降至",
    "下降",
    "降至",
    "降到",
    "降低",
    "减少到",
    "减少",
    "稳定在",
    "保持在",
    "维持在",
    "拓展到",
    "扩大到",
    "扩大至",
    "升至",
    "突破",
    "上涨",
    "下跌",
    "有望",
    "将",
    "如今",
    "已经",
    "同比",
    "比上年",
    "在",
    "至",
    "到",
];
const BEFORE_CUT: &[&str] = &[
    "共有", "包括", "其中", "以及", "目前", "先后", "分别", "此外", "另有", "还有",
];
const PRONOUNS: &[&str] = &["他们", "她们", "我们", "你们", "大家", "他", "她", "其"];

fn trim_item(s: &str) -> Option<String> {
    let t = s
        .trim_matches(|c: char| is_space(c))
        .trim_end_matches(['的', '们']);
    let t = t.trim();
    if t.chars().count() < 2 || PRONOUNS.contains(&t) {
        return None;
    }
    Some(t.to_string())
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn item_after(chars: &[char], from: usize, limit: usize) -> Option<String> {
    let mut end = from;
    while end < limit && end - from < 20 && !is_boundary(chars[end]) {
        // a space between two CJK characters separates headline phrases
        if end > from
            && is_space(chars[end])
            && is_cjk(chars[end - 1])
            && chars.get(end + 1).is_some_and(|c| is_cjk(*c))
        {
            break;
        }
        end += 1;
    }
    let owned: String = chars[from..end].iter().collect();
    let mut s = owned.trim();
    while let Some(p) = AFTER_STRIP
        .iter()
        .find(|p| has_prefix(s, p) && s.chars().count() > 2)
    {
        s = s[p.len()..].trim();
    }
    if AFTER_REJECT.iter().any(|w| has_prefix(s, w)) {
        return None;
    }
    // cut at the first verb or particle after the head
    static FIRSTS: LazyLock<CharSet> = LazyLock::new(|| CharSet::first_chars_of(AFTER_CUT));
    let cut = s
        .char_indices()
        .skip(1)
        .filter(|(_, c)| FIRSTS.contains(*c))
        .map(|(b, _)| b)
        .find(|b| AFTER_CUT.iter().any(|w| has_prefix(&s[*b..], w)))
        .unwrap_or(s.len());
    trim_item(&s[..cut])
}

fn item_before(chars: &[char], to: usize, limit: usize) -> Option<String> {
    let mut start = to;
    while start > limit
        && to - start < 20
        && !is_boundary(chars[start - 1])
        && !is_digit(chars[start - 1])
    {
        start -= 1;
    }
    // 5G基站: keep a code that ends in a letter
    if start > limit && start < to && fold_width(chars[start]).is_ascii_alphabetic() {
        while start > limit && fold_width(chars[start - 1]).is_ascii_alphanumeric() {
            start -= 1;
        }
    }
    let owned: String = chars[start..to].iter().collect();
    let mut s = owned.trim();
    while let Some(w) = BEFORE_TRAIL
        .iter()
        .chain(CHANGE_VERBS)
        .find(|w| has_suffix(s, w) && s.len() > w.len())
    {
        s = s[..s.len() - w.len()].trim_end();
    }
    if let Some(p) = s.rfind('的') {
        let tail = &s[p + '的'.len_utf8()..];
        if tail.chars().count() >= 2 {
            s = tail;
        }
    }
    for w in BEFORE_CUT {
        if let Some(p) = rfind_str(s, w) {
            let tail = &s[p + w.len()..];
            if tail.chars().count() >= 2 {
                s = tail;
            }
        }
    }
    let n = s.chars().count();
    if n > 10
        && let Some((b, _)) = s.char_indices().nth(n - 10)
    {
        s = &s[b..];
    }
    trim_item(s)
}

/// `s` starts with `w` (byte by byte: the words are short, most differ early).
fn has_prefix(s: &str, w: &str) -> bool {
    s.len() >= w.len() && w.bytes().zip(s.bytes()).all(|(a, b)| a == b)
}

/// `s` ends with `w`.
fn has_suffix(s: &str, w: &str) -> bool {
    s.len() >= w.len() && w.bytes().rev().zip(s.bytes().rev()).all(|(a, b)| a == b)
}

/// Byte offset of the last occurrence of `w` (not empty) in `s` (as `str::rfind`).
fn rfind_str(s: &str, w: &str) -> Option<usize> {
    // a match of UTF-8 text always starts on a character boundary
    let first = w.chars().next()?;
    s.char_indices()
        .rev()
        .filter(|(_, c)| *c == first)
        .map(|(b, _)| b)
        .find(|&b| has_prefix(&s[b..], w))
}

/// Index of the first (or, with `last`, the last) occurrence of `needle` in `hay`.
fn find_in_chars(hay: &[char], needle: &[char], last: bool) -> Option<usize> {
    let n = needle.len();
    if n == 0 || n > hay.len() {
        return None;
    }
    let at = |k: &usize| needle.iter().zip(&hay[*k..]).all(|(a, b)| a == b);
    if last {
        (0..=hay.len() - n).rev().find(at)
    } else {
        (0..=hay.len() - n).find(at)
    }
}

/// Every number-bearing statistic in `body`, in text order.
pub fn extract(body: &str) -> Vec<Quantity> {
    let chars = super::dates::chars_of(body);
    let dates: Vec<Range<usize>> = super::dates::find_chars(&chars)
        .into_iter()
        .map(|f| f.span)
        .collect();
    extract_chars(&chars, &dates)
}

/// [`extract`] over the characters of the body, with the character spans of its dates (as
/// [`super::dates::find`] gives them: in order, not overlapping).
pub(crate) fn extract_chars(chars: &[char], dates: &[Range<usize>]) -> Vec<Quantity> {
    let labels = label_spans(chars);
    let mut hits: Vec<Hit> = Vec::new();
    let mut i = 0;
    while let Some(next) = QUANTITY_START_CHARS.next_in(chars, i) {
        // every character skipped here fails the `could_start` test below
        i = next;
        let c = chars[i];
        let could_start = is_digit(c)
            || is_cn_run_char(c)
            || matches!(c, '半' | '数' | '几' | '上')
            || starts_with_str(chars, i, "百分之");
        if !could_start || in_any(dates, i) {
            i += 1;
            continue;
        }
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        let glued = prev.is_some_and(|p| {
            is_digit(p)
                || fold_width(p).is_ascii_alphabetic()
                || matches!(fold_width(p), '.' | '-' | '_' | '/' | '#')
                || p == '第'
                || p == '年' && is_digit(c)
                || (is_cn_run_char(p) && is_cn_run_char(c))
        });
        let fixed = fixed_expressions()
            .iter()
            .any(|w| w.first() == Some(&c) && starts_with(chars, i, w));
        if glued || fixed {
            // skip the rest of this number
            let mut j = i + 1;
            while j < chars.len() && (is_digit(chars[j]) || is_cn_run_char(chars[j])) {
                j += 1;
            }
            i = j;
            continue;
        }
        match read_hit(chars, i) {
            Some(mut h) if !in_any(&labels, i) && h.value.to_f64().is_finite() => {
                i = h.end.max(i + 1);
                below_zero(chars, &mut h);
                if !deictic_time(chars, &h) {
                    hits.push(h);
                }
            }
            _ => {
                // skip the rest of what failed to read; a Chinese numeral character that is
                // none here (队伍629人: 伍) leaves the Arabic number after it to be read
                let mut j = i + 1;
                if is_digit(c) {
                    while j < chars.len() && (is_digit(chars[j]) || is_cn_run_char(chars[j])) {
                        j += 1;
                    }
                } else if is_cn_run_char(c) {
                    while j < chars.len() && is_cn_run_char(chars[j]) {
                        j += 1;
                    }
                }
                i = j;
            }
        }
    }
    drop_document_names(chars, &mut hits);
    let mut out = Vec::with_capacity(hits.len());
    for (n, h) in hits.iter().enumerate() {
        let next_start = hits.get(n + 1).map_or(chars.len(), |x| x.start);
        // dates are in order: the first one starting at or after the hit, the last one ending
        // at or before it
        let next_limit = dates
            .get(dates.partition_point(|r| r.start < h.end))
            .map_or(chars.len(), |r| r.start)
            .min(next_start);
        let prev_end = if n > 0 { hits[n - 1].end } else { 0 };
        let before_hit = dates.partition_point(|r| r.end <= h.start);
        let prev_limit = before_hit
            .checked_sub(1)
            .map_or(0, |k| dates[k].end)
            .max(prev_end);
        let after = || item_after(chars, h.end, next_limit).map(|i| (i, true));
        let before = || item_before(chars, h.start, prev_limit).map(|i| (i, false));
        let found = match h.class {
            Class::Percent => before(),
            _ => after().or_else(before),
        };
        // the verbatim span takes in the item when it is written next to the number
        let (mut from, mut to) = (h.start, h.end);
        if let Some((name, is_after)) = &found {
            let (lo, hi) = if *is_after {
                (h.end, next_limit)
            } else {
                (prev_limit, h.start)
            };
            let name_chars: Vec<char> = name.chars().collect();
            if let Some(k) = find_in_chars(&chars[lo..hi], &name_chars, !*is_after) {
                let c0 = lo + k;
                let c1 = c0 + name_chars.len();
                if *is_after {
                    to = c1;
                } else {
                    from = c0;
                }
            }
        }
        let item = found.map(|(name, _)| name);
        let value = h.value.to_f64();
        if !value.is_finite() {
            continue;
        }
        let value_max = h.value_max.map(Dec::to_f64).filter(|v| v.is_finite());
        let _ = h.num_start;
        out.push(Quantity {
            text: chars[from..to].iter().collect(),
            value,
            value_max,
            unit: h.unit.clone(),
            item,
            approx: h.approx,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Quantity {
        let q = extract(text);
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        q.into_iter().next().unwrap()
    }

    #[test]
    fn money_as_people_write_it() {
        for (text, value, approx) in [
            ("收到123元1角1分。", 123.11, None),
            ("收到六十四万零一百四十三元一角七分。", 640_143.17, None),
            ("只花了十块三毛。", 10.3, None),
            ("共一百三十五块六角七分钱。", 135.67, None),
            ("月薪15k元左右。", 15_000.0, Some(Approx::About)),
            ("年薪30w元上下。", 300_000.0, Some(Approx::About)),
            ("捐款三百万，", 3_000_000.0, None),
        ] {
            let q = one(text);
            assert_eq!(
                (q.value, q.unit.as_str(), q.approx),
                (value, "元", approx),
                "{text}"
            );
        }
        let q = one("价值港币两千九百六十元。");
        assert_eq!((q.value, q.unit.as_str()), (2960.0, "港元"));
        let q = one("筹集1万元--5万元。");
        assert_eq!((q.value, q.value_max), (10_000.0, Some(50_000.0)));
        let q = one("捐款几十万块，");
        assert_eq!(
            (q.value, q.value_max, q.approx),
            (100_000.0, None, Some(Approx::MoreThan))
        );
        // not money: bricks, a nickname, a bare number with no money word before it
        assert!(
            extract("搬了三块砖。").iter().all(|q| q.unit != "元"),
            "{:?}",
            extract("搬了三块砖。")
        );
        assert!(extract("叫他三毛。").is_empty());
        // a population is a count without a measure word, not money
        let q = one("覆盖人口三百万，");
        assert_eq!((q.value, q.unit.as_str()), (3_000_000.0, ""));
    }

    #[test]
    fn a_hedged_order_of_magnitude_and_vague_small_amounts() {
        let q = one("这笔价值近万元的物资已经送达。");
        assert_eq!((q.value, q.unit.as_str()), (10_000.0, "元"));
        assert_eq!(q.approx, Some(Approx::Nearly));
        assert_eq!(q.item.as_deref(), Some("物资"));
        let q = one("市民提出过百条意见。");
        assert_eq!((q.value, q.approx), (100.0, Some(Approx::MoreThan)));
        let q = one("从三方面论述。");
        assert_eq!((q.value, q.unit.as_str()), (3.0, "方面"));
        assert!(extract("医药费几百元，纸片有几十张。").is_empty());
        let q = one("仅剩四分之一。");
        assert_eq!((q.value, q.unit.as_str()), (0.25, ""));
        assert!((one("三分之二的人同意。").value - 2.0 / 3.0).abs() < 1e-12);
        assert!(extract("三万分之一的概率。").is_empty());
        // a share with a slash
        let q = one("台湾主创和技术人员必须超过1/3。");
        assert!((q.value - 1.0 / 3.0).abs() < 1e-12, "{q:?}");
        assert_eq!(q.approx, Some(Approx::MoreThan));
        assert!((one("近3/4的脱贫人口。").value - 0.75).abs() < 1e-12);
        // a date or a ratio of scores is none
        assert!(extract("2009/7/26发布。").is_empty());
        assert!(extract("比分定格在3/1.5。").is_empty());
        let q = one("两万多游客来到这里。");
        assert_eq!((q.value, q.approx), (20_000.0, Some(Approx::MoreThan)));
        assert!(extract("过3天再说。").iter().all(|q| q.approx.is_none()));
    }

    #[test]
    fn issue_examples() {
        let q = one("党员捐款超过520万元。");
        assert_eq!((q.value, q.unit.as_str()), (5_200_000.0, "元"));
        assert_eq!(q.approx, Some(Approx::MoreThan));
        assert_eq!(q.item.as_deref(), Some("党员捐款"));

        let q = one("包括医用口罩8万余件、");
        assert_eq!((q.value, q.unit.as_str()), (80_000.0, "件"));
        assert_eq!(q.approx, Some(Approx::MoreThan));
        assert_eq!(q.item.as_deref(), Some("医用口罩"));

        let q = one("累计捐款捐物约 3.15 亿元。");
        assert_eq!(q.value, 315_000_000.0);
        assert_eq!(q.approx, Some(Approx::About));

        let q = one("服务时长总计 367.18 万小时。");
        assert_eq!((q.value, q.unit.as_str()), (3_671_800.0, "小时"));

        let q = one("服务近2000余人次。");
        assert_eq!((q.value, q.unit.as_str()), (2000.0, "人次"));
        assert_eq!(q.approx, Some(Approx::Nearly));

        let q = one("送去消毒液四箱。");
        assert_eq!((q.value, q.unit.as_str()), (4.0, "箱"));
        assert_eq!(q.item.as_deref(), Some("送去消毒液"));

        let q = one("筹集数十万元。");
        assert_eq!((q.value, q.unit.as_str()), (100_000.0, "元"));
        assert_eq!(q.approx, Some(Approx::MoreThan));
    }

    #[test]
    fn numeral_after_unit() {
        assert_eq!(one("1600 套二级防护服").value, 1600.0);
        assert_eq!(one("志愿服务时数1640小时").value, 1640.0);
        assert_eq!(one("送上460余册").value, 460.0);
    }

    #[test]
    fn percentage_points_and_codes() {
        let q = one("下降1.8个百分点。");
        assert_eq!((q.value, q.unit.as_str()), (1.8, "百分点"));
        let q = one("5G基站总数达222万个。");
        assert_eq!(q.item.as_deref(), Some("5G基站总数"));
    }

    #[test]
    fn hedges_with_a_verb() {
        let q = one("年度支出约为30.6万元");
        assert_eq!((q.value, q.approx), (306_000.0, Some(Approx::About)));
        let q = one("费用大约是7300万元");
        assert_eq!(q.approx, Some(Approx::About));
        assert_eq!(q.item.as_deref(), Some("费用"));
    }

    #[test]
    fn half_past_the_unit() {
        assert_eq!(one("用了一个半小时").value, 1.5);
        let q = one("捐款1000元用于购买物资");
        assert_eq!(q.item.as_deref(), Some("捐款"));
    }

    #[test]
    fn rates_are_one_unit_per_another() {
        let q = one("标准值为1毫克/升。");
        assert_eq!((q.value, q.unit.as_str()), (1.0, "毫克/升"));
        let q = one("平均浓度为每立方米14微克。");
        assert_eq!((q.value, q.unit.as_str()), (14.0, "微克/立方米"));
        assert!(q.text.contains("每立方米14微克"), "{}", q.text);
        let q = one("房价大约5万元每平方米。");
        assert_eq!((q.value, q.unit.as_str()), (50_000.0, "元/平方米"));
        let q = one("销售限价为8100元/平米。");
        assert_eq!((q.value, q.unit.as_str()), (8100.0, "元/平米"));
        let q = one("每平米860元的房子。");
        assert_eq!((q.value, q.unit.as_str()), (860.0, "元/平米"));
        // per a span of time, written after the amount
        let q = one("租金20元每小时。");
        assert_eq!((q.value, q.unit.as_str()), (20.0, "元/小时"));
        let q = one("收费5元/小时。");
        assert_eq!((q.value, q.unit.as_str()), (5.0, "元/小时"));
    }

    #[test]
    fn units_of_energy_area_and_rates_of_interest() {
        // 千 of 千瓦时 is the unit's, not a multiplier of 亿
        let q = one("发电量约7.2亿千瓦时。");
        assert_eq!((q.value, q.unit.as_str()), (720_000_000.0, "千瓦时"));
        let q = one("装机容量达到120万千瓦。");
        assert_eq!((q.value, q.unit.as_str()), (1_200_000.0, "千瓦"));
        let q = one("配建6万平米的公共租赁房。");
        assert_eq!((q.value, q.unit.as_str()), (60_000.0, "平米"));
        let q = one("美联储再降息25个基点。");
        assert_eq!((q.value, q.unit.as_str()), (25.0, "基点"));
        let q = one("四川发生6.2级地震。");
        assert_eq!((q.value, q.unit.as_str()), (6.2, "级"));
        // a grade is no magnitude; a wind's force is
        assert!(extract("启动三级应急响应。").is_empty());
        assert_eq!(one("台风登陆时最大风力13级。").unit, "级");
        assert!(extract("比赛进入1/4决赛阶段。").is_empty());
        assert!(extract("台风在福建二次登陆。").is_empty());
    }

    #[test]
    fn a_capital_numeral_character_in_a_word_leaves_the_number_after_it() {
        // 伍 of 队伍 is the capital 5, not the start of 629
        let q = extract("央企的队伍629人正在灾区开展工作。");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!((q[0].value, q[0].unit.as_str()), (629.0, "人"));
        assert_eq!(one("入伍26年来，他一直坚守岗位。").value, 26.0);
    }

    #[test]
    fn machine_shifts_milliseconds_and_slogans() {
        let q = one("出动车辆机械980台次。");
        assert_eq!((q.value, q.unit.as_str()), (980.0, "台次"));
        assert_eq!(one("传输时延为0.5毫秒。").unit, "毫秒");
        assert!(extract("向着两个百年奋斗目标不断迈进。").is_empty());
    }

    #[test]
    fn half_of_a_whole_is_a_share() {
        let q = one("这一比例占全国一半左右。");
        assert_eq!(
            (q.value, q.unit.as_str(), q.approx),
            (0.5, "", Some(Approx::About))
        );
        assert_eq!(one("收入是平日的一半。").value, 0.5);
        // a figure of speech is none
        assert!(extract("一半是海水，一半是火焰。").is_empty());
    }

    #[test]
    fn machines_in_units_or_sets_and_dishes() {
        let q = one("投入农机具19.49万台（套）。");
        assert_eq!((q.value, q.unit.as_str()), (194_900.0, "台(套)"));
        assert_eq!(one("摆出400多道特色菜肴。").unit, "道");
        assert!(extract("修建三道路口。").iter().all(|q| q.unit != "道"));
    }

    #[test]
    fn aircraft_and_the_window_of_a_year() {
        let q = one("超过300架无人机参加表演。");
        assert_eq!(
            (q.value, q.unit.as_str(), q.approx),
            (300.0, "架", Some(Approx::MoreThan))
        );
        // 今年前10个月 is the period a figure is for
        let q = extract("今年前10个月，全国进出口总值增长5%。");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].unit, "%");
    }

    #[test]
    fn points_of_a_proposal_and_a_documents_name() {
        let q = one("习近平提出4点建议。");
        assert_eq!((q.value, q.unit.as_str()), (4.0, "点"));
        assert!(extract("会议于下午两点开始。").is_empty());
        // the same 20条意见 written again is the document's name
        let q = extract("发改委促进民间投资20条意见形成第二稿。20条意见中提出，要放宽准入。");
        assert!(q.is_empty(), "{q:?}");
        assert_eq!(one("国务院出台了十条措施。").value, 10.0);
    }

    #[test]
    fn tenths_are_a_share() {
        let q = one("超过6成企业实现盈利。");
        assert_eq!(
            (q.value, q.unit.as_str(), q.approx),
            (6.0, "成", Some(Approx::MoreThan))
        );
        let q = one("七成海归表示满意。");
        assert_eq!((q.value, q.unit.as_str()), (7.0, "成"));
        // 成 that starts a word is no share
        assert!(extract("三成员国表示同意。").is_empty());
        assert!(extract("两国关系一成不变。").is_empty());
    }

    #[test]
    fn a_bare_kuai_is_kept_as_written() {
        // 块 alone counts pieces as often as yuan: the unit stays 块
        let q = one("出口集成电路2171亿块。");
        assert_eq!((q.value, q.unit.as_str()), (217_100_000_000.0, "块"));
        let q = one("现场发现近30块纸片。");
        assert_eq!((q.value, q.unit.as_str()), (30.0, "块"));
        // 块钱, 块…毛 and 块 after a money word are money
        assert_eq!(one("每月挣600块钱。").unit, "元");
        assert_eq!(one("社区收到各界捐款三五百块。").unit, "元");
        assert_eq!(one("只花了十块三毛。").value, 10.3);
    }

    #[test]
    fn a_day_of_the_month_in_numerals_is_no_duration() {
        assert!(extract("香港十六日通报首宗病例。").is_empty());
        assert_eq!(one("会议持续了三日。").value, 3.0);
    }

    #[test]
    fn temperatures_below_zero_are_negative() {
        let q = one("最低气温跌至零下5.2℃。");
        assert_eq!(q.value, -5.2);
        assert!(q.text.ends_with("零下5.2℃"), "{}", q.text);
        let q = one("气温仅4℃。");
        assert_eq!(q.value, 4.0);
    }

    #[test]
    fn ranges() {
        let q = one("预计投入3至5万元。");
        assert_eq!((q.value, q.value_max), (30_000.0, Some(50_000.0)));
        let q = one("需要两三个小时。");
        assert_eq!(
            (q.value, q.value_max, q.unit.as_str()),
            (2.0, Some(3.0), "小时")
        );
    }

    #[test]
    fn counts_of_ten_thousand_or_more_need_no_measure_word() {
        let q = one("全省20万农村学童受益");
        assert_eq!((q.value, q.unit.as_str(), q.approx), (200_000.0, "", None));
        assert_eq!(q.item.as_deref(), Some("农村学童受益"));
        let q = one("年薪两百多万");
        assert_eq!((q.value, q.approx), (2_000_000.0, Some(Approx::MoreThan)));
        let q = one("老年人口将超过2亿。");
        assert_eq!((q.value, q.approx), (200_000_000.0, Some(Approx::MoreThan)));
        let q = one("峰值4.8亿");
        assert_eq!(q.value, 480_000_000.0);
        // fewer than ten thousand without a measure word is no statistic
        assert!(extract("10党员参加").is_empty());
    }

    #[test]
    fn not_quantities() {
        for text in [
            "第一时间到岗",
            "使用84消毒液",
            "KN95口罩",
            "一名普通党员",
            "一批防护物资",
            "晚上8点半",
            "19 时",
            "2022年6期",
            "聚富南路8号",
            "热线12355",
            "70多岁老人",
            "“三个一”机制",
            "九棵树街道",
            "队伍组织领导",
            "两部门推进改造",
            "实现两位数以上的增长",
            "一年级学生",
            "党的二十届三次全会",
            "09年南京的记者",
            "今年上半年",
            "他一面四处打听",
            "十分高兴",
            "有一分热",
            "2月6日",
            "“单采信息 3 人小分队”",
            "千万不要大意",
            "亿万人民",
            "百万雄师过大江",
            "三万分之一",
            "阅读10万+",
        ] {
            assert!(extract(text).is_empty(), "{text}: {:?}", extract(text));
        }
    }

    #[test]
    fn multiples_histories_and_round_magnitudes() {
        let q = one("人均收入增长了近三倍");
        assert_eq!(
            (q.value, q.unit.as_str(), q.approx),
            (3.0, "倍", Some(Approx::Nearly))
        );
        let q = one("村民人均收入翻了一番多");
        assert_eq!(
            (q.value, q.unit.as_str(), q.approx),
            (1.0, "番", Some(Approx::MoreThan))
        );
        assert!(extract("好好打扮一番再出门。").is_empty());
        let q = one("有400多年历史的花会");
        assert_eq!((q.value, q.approx), (400.0, Some(Approx::MoreThan)));
        assert_eq!(one("近1800年历史的古镇").value, 1800.0);
        assert!(extract("2020年历史上的今天").is_empty());
        assert_eq!(one("上千栋楼宇").value, 1000.0);
        assert_eq!(one("百亩桃花开得正盛").value, 100.0);
        assert_eq!(one("万亩咖啡田迎来收获季").value, 10000.0);
        assert_eq!(one("百余种花卉").approx, Some(Approx::MoreThan));
        assert_eq!(one("同比增长百分之十二点零七").value, 12.07);
        assert_eq!(one("总投资一点五亿元").value, 150_000_000.0);
        let q = one("开展主题宣讲等万余场次。");
        assert_eq!((q.value, q.unit.as_str()), (10000.0, "场次"));
        assert_eq!(one("百余项群众性活动").value, 100.0);
        for text in [
            "千家万户张灯结彩",
            "百年大计",
            "万家灯火",
            "几百户居民",
            "数十人",
        ] {
            assert!(extract(text).is_empty(), "{text}: {:?}", extract(text));
        }
    }

    #[test]
    fn periods_pointed_at_are_no_statistics() {
        for text in [
            "这两天，村民陆续返回。",
            "前两天，她在群里发布了信息。",
            "新的一年，北极村将立足资源。",
            "过去一年，物价保持平稳。",
            "群众生活一年比一年好。",
            "今明两天仍有强降雨。",
            "村容村貌一天一个样。",
            "八项规定精神学习教育",
            "两个大局",
        ] {
            assert!(extract(text).is_empty(), "{text}: {:?}", extract(text));
        }
        assert_eq!(one("已有一年多的时间").value, 1.0);
        assert_eq!(one("全国共查处问题19.2万起").unit, "起");
        assert_eq!(one("日产量达1378万人份").unit, "人份");
        assert_eq!(one("6类适老产品").unit, "类");
        // the verb between the measured thing and its figure is not the thing
        let q = one("基本医疗保险参保率稳定在99%以上");
        assert_eq!(q.item.as_deref(), Some("基本医疗保险参保率"));
        let q = one("三岁以下婴幼儿入托率提高6%");
        assert!(
            q.item.as_deref().is_some_and(|i| i.ends_with("入托率")),
            "{q:?}"
        );
    }

    #[test]
    fn durations_with_one() {
        assert_eq!(one("一个小时的时间").unit, "小时");
        assert_eq!(one("一整天都在路上").unit, "天");
        let q = one("已有一年多的时间");
        assert_eq!((q.value, q.approx), (1.0, Some(Approx::MoreThan)));
        assert_eq!(one("短短半日就").value, 0.5);
        assert_eq!(one("每天超长工作十多个小时。").value, 10.0);
    }

    #[test]
    fn items_after_the_number() {
        let q = one("捐赠一万个医用口罩、现金");
        assert_eq!(q.item.as_deref(), Some("医用口罩"));
        let q = one("价值 30 万元的防疫物资;");
        assert_eq!(q.item.as_deref(), Some("防疫物资"));
    }
}
