//! Reading one written number in running text (`8万余`, `3.15 亿`, `六十四万零一百四十三`,
//! `3至5万`, `几十万`): its value, its extent and what it looked like. Shared by the
//! statistics and money readers; the numeral grammar itself is in [`super::numerals`].

use super::measure::unit_at;
use super::numerals::{
    self, Dec, Mode, cn_big_unit, cn_digit, cn_small_unit, fold_width, is_arabic_digit as is_digit,
    is_cn_numeral_char as is_cn_run_char,
};
use crate::text::skip_spaces;

/// A number read at some position: its value, where it ends, and what it looked like.
#[derive(Debug, Clone)]
pub(crate) struct Num {
    pub(crate) value: Dec,
    pub(crate) end: usize,
    /// The bare indefinite `一` (or `壹`).
    pub(crate) bare_one: bool,
    /// Written with Chinese numerals only.
    pub(crate) chinese: bool,
    /// The numeric part before trailing multiplier characters, for range inheritance.
    pub(crate) lead: Dec,
    /// Power of ten of the trailing multiplier characters (万 = 4, 百亿 = 10).
    pub(crate) trailing_pow: u32,
    /// Has 十/百/千 or 万/亿 anywhere.
    pub(crate) has_units: bool,
    /// 数十, 几百, 上万: a vague magnitude.
    pub(crate) vague: bool,
    /// The high end when the numeral itself is a range (两三, 三五百).
    pub(crate) max: Option<Dec>,
    /// Has 万/亿 (or an Arabic number's multiplier).
    pub(crate) has_big: bool,
    /// `trailing_pow` comes from 万/亿 (not from the 千 of 三千).
    pub(crate) trailing_big: bool,
}

impl Num {
    /// The bare indefinite `一` (or `壹`).
    pub(crate) fn is_bare_one(&self) -> bool {
        self.bare_one
    }

    /// The low end of the range `self`–`hi`: `3至5万` is 3万, `两到三千` is 2000, `八到九百亿`
    /// is 8亿, `8500到3万` stays 8500.
    pub(crate) fn range_low(&self, hi: &Num) -> Option<Dec> {
        if !self.has_big
            && hi.trailing_pow > 0
            && (hi.trailing_big || !self.has_units)
            && self.value.to_f64() <= hi.lead.to_f64()
        {
            self.value.times(pow10(hi.trailing_pow))
        } else {
            Some(self.value)
        }
    }
}

pub(crate) fn pow10(e: u32) -> Dec {
    Dec::int(10i128.pow(e.min(30)))
}

/// Reads trailing multiplier characters (万, 亿, 千, 百) after an Arabic number.
pub(crate) fn read_multiplier(chars: &[char], mut i: usize) -> (u32, usize) {
    let mut pow = 0;
    while i < chars.len() {
        let c = chars[i];
        let p = if let Some(b) = cn_big_unit(c) {
            b
        } else if let Some(s) = cn_small_unit(c) {
            if s == 1 {
                break;
            }
            s
        } else {
            break;
        };
        if let Some(u) = unit_at(chars, i)
            && u.word.len() > 1
        {
            break;
        }
        pow += p;
        i += 1;
    }
    (pow, i)
}

/// Reads an Arabic number with thousands separators and decimals at `i`.
fn read_arabic(chars: &[char], i: usize) -> Option<(Dec, usize)> {
    let mut j = i;
    let mut text = String::new();
    let mut group = 0usize;
    let mut grouped = false;
    while j < chars.len() {
        let c = fold_width(chars[j]);
        if c.is_ascii_digit() {
            text.push(c);
            group += 1;
            j += 1;
        } else if c == '.' && !text.contains('.') && chars.get(j + 1).is_some_and(|c| is_digit(*c))
        {
            if grouped && group != 3 {
                break;
            }
            text.push('.');
            j += 1;
        } else if c == ','
            && !text.contains('.')
            && (if grouped {
                group == 3
            } else {
                (1..=3).contains(&group)
            })
            && (1..=3).all(|k| chars.get(j + k).is_some_and(|c| is_digit(*c)))
            && !chars.get(j + 4).is_some_and(|c| is_digit(*c))
        {
            grouped = true;
            group = 0;
            j += 1;
        } else {
            break;
        }
    }
    Some((Dec::parse_arabic(&text)?, j))
}

/// A bare order of magnitude 10^`p` (数十, 上万, 近万), times any multipliers from `from` on.
fn order_of_magnitude(chars: &[char], p: u32, from: usize, vague: bool) -> Num {
    let (more, end) = read_multiplier(chars, from);
    let pow = p + more;
    Num {
        value: pow10(pow),
        end,
        bare_one: false,
        chinese: true,
        lead: Dec::int(1),
        trailing_pow: pow,
        has_units: true,
        vague,
        max: None,
        has_big: true,
        trailing_big: true,
    }
}

/// Reads a number starting at `i`. `i` must not be inside another number.
pub(crate) fn read_number(chars: &[char], i: usize) -> Option<Num> {
    let c = *chars.get(i)?;
    // the rest of 几十 / 数百 (read from 几 or 数, or not at all) starts no number of its own
    if i > 0
        && matches!(chars[i - 1], '几' | '数')
        && (cn_small_unit(c).is_some() || cn_big_unit(c).is_some())
    {
        return None;
    }
    if is_digit(c) {
        let (v, j) = read_arabic(chars, i)?;
        let k = skip_spaces(chars, j);
        // 80余万 / 20 万余: an infix marker before the multiplier is handled by the caller
        let (pow, end) = read_multiplier(chars, k);
        let (value, end) = if pow > 0 {
            (v.times(pow10(pow))?, end)
        } else {
            (v, j)
        };
        return Some(Num {
            value,
            end,
            bare_one: false,
            chinese: false,
            lead: v,
            trailing_pow: pow,
            has_units: pow > 0,
            vague: false,
            max: None,
            has_big: pow > 0,
            trailing_big: true,
        });
    }
    // 数十 / 几百 / 上万
    if matches!(c, '数' | '几' | '上')
        && let Some(&n) = chars.get(i + 1)
    {
        let p = cn_small_unit(n).or(cn_big_unit(n))?;
        if c == '上' && p < 2 {
            return None;
        }
        return Some(order_of_magnitude(chars, p, i + 2, true));
    }
    // 近万元, 过百条, 逾千人, 超万: a bare order of magnitude after a hedge (the caller reads
    // the hedge before it)
    if let Some(p) = cn_big_unit(c).or(cn_small_unit(c).filter(|p| *p >= 2))
        && i > 0
        && matches!(chars[i - 1], '近' | '过' | '逾' | '超')
    {
        return Some(order_of_magnitude(chars, p, i + 1, false));
    }
    // capitals (壹贰…玖拾) are ordinary characters too (队伍, 陆地): only a run of two or more
    let capital = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟".contains(c);
    let starts = (cn_digit(c).is_some_and(|d| d != 0) || matches!(c, '十' | '廿' | '卅' | '拾'))
        && (!capital || chars.get(i + 1).is_some_and(|n| is_cn_run_char(*n)));
    if !starts {
        return None;
    }
    let mut j = i;
    while j < chars.len() && is_cn_run_char(chars[j]) {
        j += 1;
    }
    // 十二点零七, 一点五亿: a decimal in Chinese numerals, with a multiplier after it
    if chars.get(j) == Some(&'点') {
        let mut f = j + 1;
        while f < chars.len() && cn_digit(chars[f]).is_some() {
            f += 1;
        }
        let text: String = chars[i..f].iter().collect();
        if f > j + 1
            && let Some(v) = numerals::parse_mode(&text, Mode::Normal)
        {
            let (pow, end) = read_multiplier(chars, f);
            return Some(Num {
                value: if pow > 0 { v.times(pow10(pow))? } else { v },
                end: if pow > 0 { end } else { f },
                bare_one: false,
                chinese: true,
                lead: v,
                trailing_pow: pow,
                has_units: true,
                vague: false,
                max: None,
                has_big: pow > 0,
                trailing_big: pow > 0,
            });
        }
    }
    // 两三个, 三五百块, 八九亿: two neighbouring digits are a range
    if j >= i + 2
        && let (Some(a), Some(b)) = (cn_digit(chars[i]), cn_digit(chars[i + 1]))
        && a > 0
        && b > a
        && b - a <= 2
        && chars[i] != '零'
    {
        let rest: String = chars[i + 2..j].iter().collect();
        let mut pow = 0;
        for ch in rest.chars() {
            pow += cn_small_unit(ch).or(cn_big_unit(ch))?;
        }
        return Some(Num {
            value: Dec::int(i128::from(a)).times(pow10(pow))?,
            end: j,
            bare_one: false,
            chinese: true,
            lead: Dec::int(i128::from(a)),
            trailing_pow: pow,
            has_units: pow > 0,
            vague: false,
            max: Some(Dec::int(i128::from(b)).times(pow10(pow))?),
            has_big: pow > 0,
            trailing_big: true,
        });
    }
    // a lone digit (一, 三): the commonest case, no parsing needed
    if j == i + 1
        && let Some(d) = cn_digit(c)
    {
        let v = Dec::int(i128::from(d));
        return Some(Num {
            value: v,
            end: j,
            bare_one: c == '一' || c == '壹',
            chinese: true,
            lead: v,
            trailing_pow: 0,
            has_units: false,
            vague: false,
            max: None,
            has_big: false,
            trailing_big: false,
        });
    }
    // shrink from the right until the run parses (十分 is handled by the fixed list)
    let run: String = chars[i..j].iter().collect();
    let byte_len = |to: usize| chars[i..to].iter().map(|c| c.len_utf8()).sum::<usize>();
    let mut end = j;
    while end > i {
        let text = &run[..byte_len(end)];
        if let Some(v) = numerals::parse_mode(text, Mode::Normal) {
            // trailing multiplier characters, for ranges (三十万 → 万)
            let mut t = end;
            let mut pow = 0;
            while t > i + 1 && (cn_big_unit(chars[t - 1]).is_some()) {
                pow += cn_big_unit(chars[t - 1]).unwrap_or(0);
                t -= 1;
            }
            let trailing_big = pow > 0;
            // 三仟: a digit and one small unit
            if pow == 0
                && end == i + 2
                && let Some(sm) = cn_small_unit(chars[i + 1])
            {
                pow = sm;
                t = i + 1;
            }
            let lead = if t == end {
                v
            } else {
                numerals::parse_mode(&run[..byte_len(t)], Mode::Normal).unwrap_or(v)
            };
            let has_units = chars[i..end]
                .iter()
                .any(|c| cn_small_unit(*c).is_some() || cn_big_unit(*c).is_some());
            return Some(Num {
                value: v,
                end,
                bare_one: text == "一" || text == "壹",
                chinese: true,
                lead,
                trailing_pow: pow,
                has_units,
                vague: false,
                max: None,
                has_big: chars[i..end].iter().any(|c| cn_big_unit(*c).is_some()),
                trailing_big,
            });
        }
        end -= 1;
    }
    None
}
