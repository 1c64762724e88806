//! Money amounts on their own (`约4.287亿美元`, `3000多欧元`, `1万(含)-5万元`,
//! `一百三十五块六角七分钱`) and in running text, for callers that want an amount with its
//! currency and how exact it is, in the conventions of JioNLP's money parser.
//!
//! On the pipeline: `read_in_text`, which the statistics reader asks whenever a number may be
//! money (元角分, 块毛, k/w, a currency before the number). Library API, not used by the
//! pipeline: [`parse_money`] and [`extract_money`] (the JioNLP peer suites test them).

use super::number::{pow10, read_multiplier, read_number};
use super::numerals::{Dec, fold_width, is_arabic_digit};
use crate::text::{skip_spaces, starts_with_str};

/// How exact an amount is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Definition {
    /// An exact amount.
    Accurate,
    /// About, or a range (`约`, `左右`, `3000多`, `1万-5万`).
    Blur,
    /// At least (`至少`, `以上`).
    AtLeast,
    /// At most or nearly (`近`, `不到`, `小于`).
    AtMost,
}

/// A parsed amount.
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    /// The amount, or the low end of a range.
    pub low: f64,
    /// The high end of a range.
    pub high: Option<f64>,
    /// Currency (`元`, `美元`, `港元`, `新台币`, `日元`, …).
    pub currency: String,
    /// How exact it is.
    pub definition: Definition,
}

/// Currency words and the currency they name, longest first where one contains another.
const CURRENCIES: [(&str, &str); 22] = [
    ("新台币", "新台币"),
    ("台币", "新台币"),
    ("人民币", "元"),
    ("美元", "美元"),
    ("美金", "美元"),
    ("港元", "港元"),
    ("港币", "港元"),
    ("欧元", "欧元"),
    ("日元", "日元"),
    ("日币", "日元"),
    ("英镑", "英镑"),
    ("韩元", "韩元"),
    ("泰铢", "泰铢"),
    ("卢布", "卢布"),
    ("澳元", "澳元"),
    ("加元", "加元"),
    ("块钱", "元"),
    ("元", "元"),
    ("圆", "元"),
    ("块", "元"),
    ("钱", "元"),
    ("毛", "元"),
];

fn currency_at(chars: &[char], i: usize) -> Option<(&'static str, usize)> {
    currency_word_at(chars, i).map(|(_, c, n)| (c, n))
}

/// The currency word at `i`: the word, its currency and its length in characters.
fn currency_word_at(chars: &[char], i: usize) -> Option<(&'static str, &'static str, usize)> {
    CURRENCIES
        .iter()
        .find(|(w, _)| starts_with_str(chars, i, w))
        .map(|(w, c)| (*w, *c, w.chars().count()))
}

fn skip_inclusive(chars: &[char], i: usize) -> usize {
    for w in ["(含)", "（含）"] {
        if starts_with_str(chars, i, w) {
            return i + 3;
        }
    }
    i
}

/// An amount read at one position of `chars`.
struct Read {
    low: Dec,
    high: Option<Dec>,
    currency: Option<&'static str>,
    end: usize,
    more: bool,
    /// The high end is a vague magnitude (`几十万`, `3000多`), not a written range.
    vague: bool,
    /// k or w was written after the number.
    kilo: bool,
    /// The currency word that closed the amount (`元`, `块`, `美元` …).
    word: Option<&'static str>,
}

/// Adds 10^(position of the last non-zero digit) to `v`: the top of `3000多` is 4000.
fn blur_top(v: Dec) -> Option<Dec> {
    let n = v.as_integer()?;
    if n <= 0 {
        return None;
    }
    let mut p = 0;
    let mut m = n;
    while m % 10 == 0 {
        m /= 10;
        p += 1;
    }
    v.plus(pow10(p))
}

fn kilo(chars: &[char], i: usize) -> (u32, usize) {
    match chars.get(i).map(|c| fold_width(*c)) {
        Some('k') | Some('K') => (3, i + 1),
        Some('w') | Some('W') => (4, i + 1),
        _ => (0, i),
    }
}

/// Reads one amount (a number, a hedge, a range, k/w, the currency and 角/分) at `i`.
fn read_amount(chars: &[char], i: usize) -> Option<Read> {
    let n = read_number(chars, i)?;
    let mut low = n.value;
    let mut high = n.max;
    let mut vague = n.vague;
    if n.vague {
        // 几十万 runs from 十万 to 百万
        high = Some(low.times(pow10(1))?);
    }
    let mut k = n.end;
    let (kp, k2) = kilo(chars, k);
    let mut kilo_seen = kp > 0;
    if kp > 0 {
        low = low.times(pow10(kp))?;
        k = k2;
    }
    let mut more = false;
    // 3000多, 十几, 2000余, 80余万
    if let Some(&c) = chars.get(k)
        && matches!(c, '多' | '余' | '几')
    {
        let (pow, after) = read_multiplier(chars, k + 1);
        let top = blur_top(low)?;
        let scale = pow10(pow);
        low = low.times(scale)?;
        high = Some(top.times(scale)?);
        more = true;
        vague = true;
        k = after;
    }
    if chars.get(k) == Some(&'个') && matches!(chars.get(k + 1), Some('亿') | Some('万')) {
        let (pow, after) = read_multiplier(chars, k + 1);
        low = low.times(pow10(pow))?;
        k = after;
    }
    k = skip_inclusive(chars, skip_spaces(chars, k));
    // a currency may sit between the ends of a range: 1万元--5万元
    let mut currency = currency_at(chars, k);
    let mut after_cur = k;
    if let Some((_, len)) = currency {
        after_cur = k + len;
    }
    let connector = |q: usize| -> Option<usize> {
        let mut r = q;
        let mut seen = false;
        while let Some(c) = chars.get(r) {
            if matches!(fold_width(*c), '至' | '到' | '~' | '-' | '—' | '－' | '〜') {
                r += 1;
                seen = true;
            } else {
                break;
            }
        }
        seen.then_some(skip_spaces(chars, r))
    };
    if high.is_none()
        && let Some(r) = connector(after_cur).or_else(|| connector(k))
        && let Some(hi) = read_number(chars, r)
    {
        let mut hv = hi.value;
        let mut hk = hi.end;
        let (kp, k3) = kilo(chars, hk);
        let mut lo = n.range_low(&hi)?;
        if kp > 0 {
            kilo_seen = true;
            hv = hv.times(pow10(kp))?;
            hk = k3;
            if n.end == k || lo == n.value {
                lo = n.value.times(pow10(kp))?;
            }
        }
        low = lo;
        high = Some(hv);
        k = skip_inclusive(chars, skip_spaces(chars, hk));
        currency = currency_at(chars, k);
        after_cur = currency.map_or(k, |(_, len)| k + len);
    }
    let word = currency
        .and_then(|(_, n)| currency_word_at(chars, after_cur - n))
        .map(|w| w.0);
    let Some((cur, _)) = currency else {
        return Some(Read {
            low,
            high,
            currency: None,
            end: k,
            more,
            vague,
            kilo: kilo_seen,
            word: None,
        });
    };
    let mut end = after_cur;
    // 元整, 元1角1分, 块三毛, 块六角七分钱
    if matches!(chars.get(end), Some('整') | Some('正')) {
        end += 1;
    } else if cur == "元" {
        let mut q = end;
        let mut cents = Dec::zero();
        let mut any = false;
        while let Some(sub) = read_number(chars, q) {
            let scale = match chars.get(sub.end) {
                Some('角') | Some('毛') => 1,
                Some('分') => 2,
                _ => break,
            };
            cents = cents.plus(sub.value.times(Dec { m: 1, s: scale })?)?;
            q = sub.end + 1;
            any = true;
        }
        if any {
            low = low.plus(cents)?;
            end = q;
            if chars.get(end) == Some(&'钱') {
                end += 1;
            }
        }
    }
    // 9000元日币, 三万元欧元, 数十亿元人民币
    let mut currency = cur;
    if let Some((c2, len)) = currency_at(chars, end)
        && c2 != "元"
    {
        currency = c2;
        end += len;
    } else if starts_with_str(chars, end, "人民币") {
        end += 3;
    }
    Some(Read {
        low,
        high,
        currency: Some(currency),
        end,
        more,
        vague,
        kilo: kilo_seen,
        word,
    })
}

/// An amount of money found in running text, for the statistics extractor.
#[derive(Debug, Clone)]
pub(crate) struct InText {
    /// Where the span starts: a currency written before the number (`港币两千九百六十元`), or
    /// the number.
    pub(crate) start: usize,
    /// Where it ends (after 元, 角, 分, 钱 or a second currency word).
    pub(crate) end: usize,
    /// The amount, or the low end of a range.
    pub(crate) low: Dec,
    /// The high end of a written range.
    pub(crate) high: Option<Dec>,
    /// A vague magnitude (`几十万块`, `3000多欧元`): more than `low`.
    pub(crate) vague: bool,
    /// The currency (`元`, `美元`, `港元` …).
    pub(crate) currency: &'static str,
}

/// Nouns after which a bare large number is an amount of yuan (`捐款三百万`, `年薪30w`).
const MONEY_NOUNS: &[&str] = &[
    "捐款",
    "善款",
    "资金",
    "金额",
    "款项",
    "经费",
    "投资",
    "投入",
    "募集",
    "筹集",
    "筹款",
    "募款",
    "捐资",
    "捐赠",
    "拨付",
    "拨款",
    "价值",
    "收入",
    "工资",
    "月薪",
    "年薪",
    "薪资",
    "薪水",
    "奖金",
    "补贴",
    "补助",
    "费用",
    "成本",
    "营收",
    "利润",
    "税收",
    "预算",
    "资助",
    "奖励",
    "罚款",
    "赔偿",
    "总价",
    "售价",
    "价格",
    "租金",
    "存款",
    "贷款",
    "捐了",
    "募得",
    "筹得",
    "集资",
    "融资",
    "资产",
    "产值",
    "销售额",
    "成交额",
    "交易额",
];

/// Words that may stand between a money noun and its number (`捐款共计`, `投入约`).
const MONEY_LINKS: &[&str] = &[
    "总计",
    "共计",
    "合计",
    "累计",
    "达到",
    "高达",
    "多达",
    "约为",
    "大约",
    "超过",
    "小于",
    "低于",
    "少于",
    "不到",
    "不足",
    "将近",
    "至少",
    "不少于",
    "大于",
    "高于",
    "共",
    "计",
    "达",
    "约",
    "近",
    "逾",
    "超",
    "为",
    "是",
    "了",
    "有",
];

fn ends_with_str(chars: &[char], end: usize, word: &str) -> bool {
    let n = word.chars().count();
    end >= n && chars[end - n..end].iter().copied().eq(word.chars())
}

/// Does a money noun stand right before `i` (hedges and links allowed in between)?
fn money_context_before(chars: &[char], i: usize) -> bool {
    let mut k = i;
    for _ in 0..3 {
        while k > 0 && chars[k - 1].is_whitespace() {
            k -= 1;
        }
        if MONEY_NOUNS.iter().any(|w| ends_with_str(chars, k, w)) {
            return true;
        }
        match MONEY_LINKS.iter().find(|w| ends_with_str(chars, k, w)) {
            Some(w) => k -= w.chars().count(),
            None => return false,
        }
    }
    false
}

/// A currency word (other than 元) written right before `i`, skipping spaces: its currency
/// and where it starts.
fn currency_before(chars: &[char], i: usize) -> Option<(&'static str, usize)> {
    let mut k = i;
    while k > 0 && chars[k - 1].is_whitespace() {
        k -= 1;
    }
    CURRENCIES
        .iter()
        .filter(|(w, c)| *c != "元" || *w == "人民币")
        .find(|(w, _)| ends_with_str(chars, k, w))
        .map(|(w, c)| (*c, k - w.chars().count()))
}

/// Reads an amount of money whose number starts at `i` in running text: a number with a
/// currency after it (`123元1角1分`, `十块三毛`, `三万元欧元`, `1万(含)-5万元`, `10~15k元`) or
/// before it (`港币两千九百六十元`, `新台币 177.1 亿元`), or a bare large number or k/w
/// amount right after a money noun (`捐款三百万`, `月薪15k`). None when it is not money:
/// `三块砖` counts bricks, and a lone `毛` or `钱` is no currency.
pub(crate) fn read_in_text(chars: &[char], i: usize) -> Option<InText> {
    let n = read_number(chars, i)?;
    let r = read_amount(chars, i)?;
    let prefix = currency_before(chars, i);
    let currency = match (prefix, r.currency) {
        (Some((p, _)), Some("元") | None) => p,
        (_, Some(c)) => c,
        (None, None) => {
            let big = r.kilo || n.value.to_f64() >= 10_000.0 || r.high.is_some();
            if !(big && money_context_before(chars, i)) {
                return None;
            }
            "元"
        }
    };
    match r.word {
        // a lone 毛 or 钱 after a number is no currency (三毛, 十钱)
        Some("毛" | "钱") => return None,
        // 块 before a noun is a measure word (三块砖, 两块牌匾)
        // a bare 块 (47块, 2171亿块) counts pieces as often as it counts yuan: the count
        // reader keeps it as written; 块钱, 十块三毛 and 捐款几十万块 are money
        Some("块")
            if prefix.is_none()
                && r.end > 0
                && chars.get(r.end - 1) == Some(&'块')
                && !money_context_before(chars, i) =>
        {
            return None;
        }
        Some("块") => {
            let next = chars.get(r.end).copied();
            if next.is_some_and(|c| {
                crate::text::is_han(c) && !matches!(c, '多' | '左' | '上' | '以' | '钱' | '的')
            }) {
                return None;
            }
        }
        _ => {}
    }
    // 一元 alone is as likely a figure of speech (一元复始) as an amount
    if n.is_bare_one() && r.high.is_none() && r.end == n.end + 1 {
        return None;
    }
    Some(InText {
        start: prefix.map_or(i, |(_, s)| s),
        end: r.end,
        low: r.low,
        high: r.high,
        vague: r.vague,
        currency,
    })
}

fn to_money(r: &Read, currency: &str, definition: Definition) -> Money {
    Money {
        low: r.low.to_f64(),
        high: r.high.map(Dec::to_f64),
        currency: currency.to_string(),
        definition,
    }
}

/// Parses an amount of money on its own. A missing currency means 元.
pub fn parse_money(text: &str) -> Option<Money> {
    let cleaned: String = text
        .chars()
        .map(fold_width)
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut chars: Vec<char> = cleaned.chars().collect();
    // thousands separators: 82,225.00 / 233,333,333
    let mut j = 0;
    while j < chars.len() {
        if chars[j] == ','
            && j > 0
            && is_arabic_digit(chars[j - 1])
            && chars.get(j + 1).is_some_and(|c| is_arabic_digit(*c))
        {
            chars.remove(j);
        } else {
            j += 1;
        }
    }
    let mut i = 0;
    let mut definition = Definition::Accurate;
    let mut prefix_currency: Option<&'static str> = None;
    for (w, d) in [
        ("大约", Definition::Blur),
        ("约", Definition::Blur),
        ("大概", Definition::Blur),
        ("将近", Definition::AtMost),
        ("近", Definition::AtMost),
        ("不到", Definition::AtMost),
        ("不足", Definition::AtMost),
        ("小于", Definition::AtMost),
        ("低于", Definition::AtMost),
        ("少于", Definition::AtMost),
        ("至少", Definition::AtLeast),
        ("不少于", Definition::AtLeast),
        ("超过", Definition::AtLeast),
        ("大于", Definition::AtLeast),
        ("从", Definition::Accurate),
    ] {
        if starts_with_str(&chars, i, w) {
            i += w.chars().count();
            if d != Definition::Accurate {
                definition = d;
            }
            break;
        }
    }
    if let Some((c, len)) = currency_at(&chars, i) {
        prefix_currency = Some(c);
        i += len;
    }
    let r = read_amount(&chars, i)?;
    let mut end = skip_inclusive(&chars, r.end);
    for (w, d) in [
        ("以上", Definition::AtLeast),
        ("左右", Definition::Blur),
        ("上下", Definition::Blur),
        ("以下", Definition::AtMost),
        ("以内", Definition::AtMost),
    ] {
        if starts_with_str(&chars, end, w) {
            end += 2;
            definition = d;
        }
    }
    if end != chars.len() {
        return None;
    }
    if r.high.is_some() && definition == Definition::Accurate {
        definition = Definition::Blur;
    }
    let _ = r.more;
    let currency = match (prefix_currency, r.currency) {
        (Some(p), Some("元") | None) => p,
        (_, Some(c)) => c,
        (None, None) => "元",
    };
    Some(to_money(&r, currency, definition))
}

/// A money span in running text, with character offsets `[start, end)`.
#[derive(Debug, Clone, PartialEq)]
pub struct MoneySpan {
    /// The verbatim span.
    pub text: String,
    /// Start offset in characters.
    pub start: usize,
    /// End offset in characters (exclusive).
    pub end: usize,
}

/// Money amounts in running text: a number followed by a currency (`601,293.11元`,
/// `9佰日元`, `十块钱`, `壹仟玖佰圆整`, `1 万(含)-5 万元`), or a salary in k (`10k~15k`).
pub fn extract_money(text: &str) -> Vec<MoneySpan> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = if i > 0 {
            Some(fold_width(chars[i - 1]))
        } else {
            None
        };
        let starts = is_arabic_digit(c) || super::numerals::is_cn_numeral_char(c);
        let glued = prev.is_some_and(|p| {
            p.is_ascii_alphanumeric()
                || p == '.'
                || super::numerals::is_cn_numeral_char(p)
                || p == '第'
        });
        if !starts || glued {
            i += 1;
            continue;
        }
        if let Some(r) = read_amount(&chars, i) {
            let is_k = r.currency.is_none()
                && chars
                    .get(r.end.saturating_sub(1))
                    .is_some_and(|c| matches!(fold_width(*c), 'k' | 'K'));
            let bare_cn_money = r.currency == Some("元")
                && matches!(chars.get(r.end.saturating_sub(1)), Some('钱') | Some('毛'))
                && !starts_with_str(&chars, r.end.saturating_sub(2), "块钱");
            if (r.currency.is_some() && !bare_cn_money) || is_k {
                out.push(MoneySpan {
                    text: chars[i..r.end].iter().collect(),
                    start: i,
                    end: r.end,
                });
                i = r.end;
                continue;
            }
        }
        while i < chars.len()
            && (is_arabic_digit(chars[i]) || super::numerals::is_cn_numeral_char(chars[i]))
        {
            i += 1;
        }
        if i < chars.len() && !(is_arabic_digit(chars[i])) {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses() {
        let m = parse_money("约4.287亿美元").unwrap();
        assert_eq!(
            (m.low, m.currency.as_str(), m.definition),
            (428_700_000.0, "美元", Definition::Blur)
        );
        let m = parse_money("3000多欧元").unwrap();
        assert_eq!((m.low, m.high), (3000.0, Some(4000.0)));
        let m = parse_money("一百三十五块六角七分钱").unwrap();
        assert_eq!(m.low, 135.67);
        assert_eq!(parse_money("1万(含)-5万元").unwrap().high, Some(50000.0));
    }

    #[test]
    fn extracts() {
        let s = extract_money("利息9佰日元，打印费十块钱。两瓶津威");
        let t: Vec<&str> = s.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(t, ["9佰日元", "十块钱"]);
    }
}
