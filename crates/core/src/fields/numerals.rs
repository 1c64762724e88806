//! Chinese and Arabic numerals to numbers and back: `一百二十`, `两千`, `三万五`, `廿二`,
//! `3.15亿`, `１２万`, `1,200`, and the reverse formatting used for round-trip checks.
//!
//! Arithmetic is done on exact decimals ([`Dec`]) so that `3.15亿` is `315000000` and not
//! `314999999.99999994`; the result is turned into an `f64` only at the end.
//!
//! On the pipeline: [`Dec`], the character tests and [`parse_mode`] (the statistics and date
//! readers). Library API, not used by the pipeline: [`parse`], [`parse_direct`] and the
//! formatting back to Chinese ([`canonical_int`], [`format_str`], [`format()`]), for callers
//! that normalize numbers themselves (the cn2an/an2cn peer suites test them).

use crate::text::CharSet;

/// How strict the parser is, after cn2an's three modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Only well-formed numerals (`一百零一`, `壹拾壹元整`).
    Strict,
    /// Strict plus digit-by-digit (`一七二零`), elision (`三万五`), `〇`, `兩`.
    Normal,
    /// Normal plus Arabic digits mixed in (`100万`, `10.1万`, `1万600`).
    Smart,
}

/// An exact decimal: `m / 10^s`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dec {
    /// Mantissa.
    pub m: i128,
    /// Number of decimal places.
    pub s: u32,
}

const MAX_SCALE: u32 = 30;

impl Dec {
    /// An integer.
    pub fn int(v: i128) -> Dec {
        Dec { m: v, s: 0 }
    }

    /// Zero.
    pub fn zero() -> Dec {
        Dec::int(0)
    }

    /// True when the value is zero.
    pub fn is_zero(self) -> bool {
        self.m == 0
    }

    fn rescale(self, s: u32) -> Option<Dec> {
        if s < self.s {
            return None;
        }
        let f = 10i128.checked_pow(s - self.s)?;
        Some(Dec {
            m: self.m.checked_mul(f)?,
            s,
        })
    }

    /// Sum, or `None` on overflow.
    pub fn plus(self, o: Dec) -> Option<Dec> {
        let s = self.s.max(o.s);
        let (a, b) = (self.rescale(s)?, o.rescale(s)?);
        Some(Dec {
            m: a.m.checked_add(b.m)?,
            s,
        })
    }

    /// Product, or `None` on overflow.
    pub fn times(self, o: Dec) -> Option<Dec> {
        let s = self.s.checked_add(o.s)?;
        if s > MAX_SCALE {
            return None;
        }
        Some(
            Dec {
                m: self.m.checked_mul(o.m)?,
                s,
            }
            .normalized(),
        )
    }

    /// Negation.
    pub fn negated(self) -> Dec {
        Dec {
            m: -self.m,
            s: self.s,
        }
    }

    /// Trailing zero decimals removed.
    pub fn normalized(mut self) -> Dec {
        while self.s > 0 && self.m % 10 == 0 {
            self.m /= 10;
            self.s -= 1;
        }
        self
    }

    /// The decimal as plain text (`-12.5`).
    pub fn to_plain(self) -> String {
        let d = self.normalized();
        let neg = d.m < 0;
        let digits = d.m.unsigned_abs().to_string();
        let s = d.s as usize;
        let body = if s == 0 {
            digits
        } else if digits.len() > s {
            format!(
                "{}.{}",
                &digits[..digits.len() - s],
                &digits[digits.len() - s..]
            )
        } else {
            format!("0.{}{}", "0".repeat(s - digits.len()), digits)
        };
        if neg { format!("-{body}") } else { body }
    }

    /// The nearest `f64`.
    pub fn to_f64(self) -> f64 {
        // exact mantissa and power of ten: one correctly rounded division gives the same
        // nearest f64 as parsing the decimal text
        const EXACT: u128 = 1 << 53;
        const POW10: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        ];
        if self.m.unsigned_abs() < EXACT
            && let Some(p) = POW10.get(self.s as usize)
        {
            return self.m as f64 / p;
        }
        self.to_plain().parse::<f64>().unwrap_or(f64::NAN)
    }

    /// Integer part (truncated toward zero) when there is no fraction.
    pub fn as_integer(self) -> Option<i128> {
        let d = self.normalized();
        (d.s == 0).then_some(d.m)
    }

    /// Parses a plain Arabic decimal (`12`, `3.15`, `-0.5`, full-width digits, `1,200`).
    pub fn parse_arabic(text: &str) -> Option<Dec> {
        let mut m: i128 = 0;
        let mut s: u32 = 0;
        let mut seen_digit = false;
        let mut in_frac = false;
        let mut neg = false;
        for (i, c) in text.chars().enumerate() {
            let c = fold_width(c);
            match c {
                '-' if i == 0 => neg = true,
                '0'..='9' => {
                    m = m.checked_mul(10)?.checked_add(i128::from(c as u8 - b'0'))?;
                    if in_frac {
                        s += 1;
                        if s > MAX_SCALE {
                            return None;
                        }
                    }
                    seen_digit = true;
                }
                '.' if !in_frac && seen_digit => in_frac = true,
                ',' if !in_frac && seen_digit => {}
                _ => return None,
            }
        }
        if !seen_digit || text.ends_with('.') {
            return None;
        }
        let d = Dec { m, s };
        Some(if neg { d.negated() } else { d })
    }
}

/// Folds a full-width ASCII character to its half-width form.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// True for an ASCII or full-width decimal digit.
pub fn is_arabic_digit(c: char) -> bool {
    matches!(c, '0'..='9' | '０'..='９')
}

/// Every character that can be part of a numeral: Arabic digits (ASCII and full-width) and
/// every character [`is_cn_numeral_char`] accepts.
const NUMERAL_CHAR_LIST: &[char] = &[
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '０', '１', '２', '３', '４', '５', '６',
    '７', '８', '９', '零', '〇', '○', '一', '壹', '幺', '二', '两', '兩', '贰', '貳', '三', '叁',
    '參', '四', '肆', '五', '伍', '六', '陆', '陸', '七', '柒', '八', '捌', '九', '玖', '十', '拾',
    '百', '佰', '千', '仟', '万', '萬', '亿', '億', '廿', '卅',
];

/// The numeral characters and the line break (for scans that count paragraphs).
pub(crate) static NUMERAL_CHARS_AND_NEWLINE: CharSet =
    CharSet::new(NUMERAL_CHAR_LIST).with(&['\n']);

/// The numeral characters and the characters that can open a quantity without being a numeral
/// (半日, 数十, 几百, 上万).
pub(crate) static QUANTITY_START_CHARS: CharSet =
    CharSet::new(NUMERAL_CHAR_LIST).with(&['半', '数', '几', '上']);

/// Characters that open a quoted label (“, 「, ‘, ").
pub(crate) static QUOTE_OPEN_CHARS: CharSet = CharSet::new(&['“', '「', '‘', '"']);

/// The value of a Chinese digit character (`零〇一二两兩三…九`, capitals `壹贰…`).
pub fn cn_digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' | '○' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '两' | '兩' | '贰' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The value of a small unit character (`十百千`, `拾佰仟`).
pub fn cn_small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        _ => return None,
    })
}

/// The power of ten of a large unit character (`万萬` 4, `亿億` 8).
pub fn cn_big_unit(c: char) -> Option<u32> {
    Some(match c {
        '万' | '萬' => 4,
        '亿' | '億' => 8,
        _ => return None,
    })
}

/// True for any character that can be part of a Chinese numeral.
pub fn is_cn_numeral_char(c: char) -> bool {
    cn_digit(c).is_some()
        || cn_small_unit(c).is_some()
        || cn_big_unit(c).is_some()
        || matches!(c, '廿' | '卅')
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    /// A Chinese digit, with whether it was written `一`..`九` (not Arabic).
    Digit(u8),
    /// An Arabic number (possibly decimal).
    Arabic(Dec),
    /// 十 百 千 as a power of ten.
    Small(u32),
    /// 万 亿 as a power of ten.
    Big(u32),
}

fn pow10(e: u32) -> Dec {
    Dec::int(10i128.pow(e))
}

fn tokenize(text: &str, mode: Mode) -> Option<Vec<Tok>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_arabic_digit(c) {
            if mode != Mode::Smart {
                return None;
            }
            let start = i;
            while i < chars.len()
                && (is_arabic_digit(chars[i])
                    || (matches!(fold_width(chars[i]), '.' | ',')
                        && i + 1 < chars.len()
                        && is_arabic_digit(chars[i + 1])))
            {
                i += 1;
            }
            let s: String = chars[start..i].iter().collect();
            out.push(Tok::Arabic(Dec::parse_arabic(&s)?));
            continue;
        }
        if let Some(d) = cn_digit(c) {
            if mode == Mode::Strict && matches!(c, '〇' | '○' | '兩' | '幺') {
                return None;
            }
            out.push(Tok::Digit(d));
        } else if let Some(u) = cn_small_unit(c) {
            out.push(Tok::Small(u));
        } else if let Some(u) = cn_big_unit(c) {
            out.push(Tok::Big(u));
        } else if c == '廿' {
            out.extend([Tok::Digit(2), Tok::Small(1)]);
        } else if c == '卅' {
            out.extend([Tok::Digit(3), Tok::Small(1)]);
        } else {
            return None;
        }
        i += 1;
    }
    Some(out)
}

/// Evaluates the integer part of a numeral (no `点`).
fn eval_integer(toks: &[Tok], mode: Mode) -> Option<Dec> {
    if toks.is_empty() {
        return None;
    }
    // digit by digit: 一七二零, 一一
    if toks.len() >= 2 && toks.iter().all(|t| matches!(t, Tok::Digit(_))) {
        if mode == Mode::Strict {
            return None;
        }
        let mut m: i128 = 0;
        for t in toks {
            if let Tok::Digit(d) = t {
                m = m.checked_mul(10)?.checked_add(i128::from(*d))?;
            }
        }
        return Some(Dec::int(m));
    }
    let mut parts: Vec<(Dec, u32)> = Vec::new();
    let mut section = Dec::zero();
    let mut cur: Option<(Dec, bool)> = None; // value, written as a single Chinese digit
    let mut last_unit: Option<u32> = None;
    let mut after_zero = false;
    let mut last_small: Option<u32> = None;
    for t in toks {
        match *t {
            Tok::Digit(0) => {
                if cur.is_some() {
                    return None;
                }
                after_zero = true;
            }
            Tok::Digit(d) => {
                if cur.is_some() {
                    return None;
                }
                cur = Some((Dec::int(i128::from(d)), true));
            }
            Tok::Arabic(v) => {
                if cur.is_some() {
                    return None;
                }
                cur = Some((v, false));
            }
            Tok::Small(u) => {
                if last_small.is_some_and(|prev| u >= prev) {
                    return None;
                }
                let mult = match cur.take() {
                    Some((v, _)) => v,
                    None => {
                        // a bare 十 only at the start or after 零/万/亿 (十万, 一千零十, 一万十)
                        if mode == Mode::Strict && !(section.is_zero() || after_zero) {
                            return None;
                        }
                        Dec::int(1)
                    }
                };
                section = section.plus(mult.times(pow10(u))?)?;
                last_unit = Some(u);
                last_small = Some(u);
                after_zero = false;
            }
            Tok::Big(b) => {
                let mut v = section;
                if let Some((c, _)) = cur.take() {
                    v = v.plus(c)?;
                }
                while let Some(&(pv, pm)) = parts.last() {
                    if pm < b {
                        v = v.plus(pv)?;
                        parts.pop();
                    } else {
                        break;
                    }
                }
                if v.is_zero() {
                    return None;
                }
                parts.push((v.times(pow10(b))?, b));
                section = Dec::zero();
                last_unit = Some(b);
                last_small = None;
                after_zero = false;
            }
        }
    }
    let mut total = section;
    for (v, _) in &parts {
        total = total.plus(*v)?;
    }
    if let Some((v, single)) = cur {
        // elision: 三万五 = 35000, 一百二 = 120, 两千六 = 2600
        match last_unit {
            Some(u) if single && !after_zero && u >= 2 && mode != Mode::Strict => {
                total = total.plus(v.times(pow10(u - 1))?)?;
            }
            _ => total = total.plus(v)?,
        }
    }
    Some(total)
}

fn parse_fraction(text: &str, mode: Mode) -> Option<Dec> {
    let mut m: i128 = 0;
    let mut s: u32 = 0;
    for c in text.chars() {
        let d = if let Some(d) = cn_digit(c) {
            if mode == Mode::Strict && matches!(c, '〇' | '○' | '兩' | '两' | '幺') {
                return None;
            }
            d
        } else if is_arabic_digit(c) && mode == Mode::Smart {
            fold_width(c) as u8 - b'0'
        } else {
            return None;
        };
        m = m.checked_mul(10)?.checked_add(i128::from(d))?;
        s += 1;
        if s > MAX_SCALE {
            return None;
        }
    }
    if s == 0 {
        return None;
    }
    if mode == Mode::Strict && text.ends_with('零') {
        return None;
    }
    Some(Dec { m, s })
}

/// Normalises capitals and variants for the strict comparison with the canonical spelling.
fn strict_key(text: &str) -> String {
    let mut s = String::new();
    for c in text.chars() {
        match c {
            '廿' => s.push_str("二十"),
            '卅' => s.push_str("三十"),
            _ => {
                if let Some(d) = cn_digit(c) {
                    s.push(LOWER_DIGITS[usize::from(d)]);
                } else if let Some(u) = cn_small_unit(c) {
                    s.push(LOWER_UNITS[u as usize]);
                } else if let Some(b) = cn_big_unit(c) {
                    s.push(if b == 4 { '万' } else { '亿' });
                } else {
                    s.push(c);
                }
            }
        }
    }
    let s = s.replace("零十", "零一十").replace("零百", "零一百");
    if s.starts_with('十') {
        format!("一{s}")
    } else {
        s
    }
}

fn parse_unsigned(text: &str, mode: Mode) -> Option<Dec> {
    let (int_part, frac_part) = match text.split_once('点') {
        Some((a, b)) => (a, Some(b)),
        None => (text, None),
    };
    if int_part.is_empty() {
        return None;
    }
    // a whole Arabic decimal is simplest
    if mode == Mode::Smart
        && frac_part.is_none()
        && let Some(d) = Dec::parse_arabic(int_part)
    {
        return Some(d);
    }
    let toks = tokenize(int_part, mode)?;
    let int = eval_integer(&toks, mode)?;
    if mode == Mode::Strict {
        let n = u128::try_from(int.as_integer()?).ok()?;
        if strict_key(int_part) != canonical_int(n, Style::Lower, false) {
            return None;
        }
    }
    match frac_part {
        None => Some(int),
        Some(f) => {
            let frac = parse_fraction(f, mode)?;
            if int.s != 0 {
                return None;
            }
            int.plus(frac)
        }
    }
}

/// Parses a numeral in the given mode: optional sign (`负`, `-`), integer part, optional
/// `点` fraction; strict and normal mode also accept a money suffix (`元整`, `元三角五分`).
pub fn parse_mode(text: &str, mode: Mode) -> Option<Dec> {
    let text = text.trim();
    let (neg, rest) = if let Some(r) = text.strip_prefix('负') {
        (true, r)
    } else if let Some(r) = text.strip_prefix('-').or_else(|| text.strip_prefix('－')) {
        if mode != Mode::Smart {
            return None;
        }
        (true, r)
    } else {
        (false, text)
    };
    let v = parse_money_suffix(rest, mode).or_else(|| parse_unsigned(rest, mode))?;
    Some(if neg { v.negated() } else { v })
}

/// `壹拾壹元整`, `壹拾壹元壹角壹分`, `玖仟…圆壹角捌分`.
fn parse_money_suffix(text: &str, mode: Mode) -> Option<Dec> {
    let pos = text.find(['元', '圆'])?;
    let int_text = &text[..pos];
    let rest = &text[pos + '元'.len_utf8()..];
    let int = parse_unsigned(int_text, mode)?;
    if rest.is_empty() {
        return (mode != Mode::Strict).then_some(int);
    }
    if rest == "整" || rest == "正" {
        return Some(int);
    }
    let mut total = int;
    let mut chars = rest.chars().peekable();
    let mut seen = false;
    while let Some(c) = chars.next() {
        let d = cn_digit(c)?;
        let scale = match chars.next()? {
            '角' => 1,
            '分' => 2,
            _ => return None,
        };
        total = total.plus(Dec {
            m: i128::from(d),
            s: scale,
        })?;
        seen = true;
    }
    seen.then_some(total)
}

/// Parses any numeral the way a reader would (smart mode): `一百二十`, `三万五`, `3.15亿`,
/// `８万`, `1,200`, `廿二`. Returns `None` when the text is not a numeral.
pub fn parse(text: &str) -> Option<f64> {
    let v = parse_mode(text, Mode::Smart)?.to_f64();
    v.is_finite().then_some(v)
}

/// Digit-by-digit transliteration (`二〇〇二` → `2002`, `幺八九` → `189`, keeps leading zeros).
pub fn parse_direct(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.trim().chars() {
        if let Some(d) = cn_digit(c) {
            out.push(char::from(b'0' + d));
        } else if is_arabic_digit(c) {
            out.push(fold_width(c));
        } else if c == '点' || c == '.' {
            out.push('.');
        } else if (c == '负' || c == '-') && out.is_empty() {
            out.push('-');
        } else {
            return None;
        }
    }
    (!out.is_empty() && out != "-").then_some(out)
}

const LOWER_DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UPPER_DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const LOWER_UNITS: [char; 4] = ['\0', '十', '百', '千'];
const UPPER_UNITS: [char; 4] = ['\0', '拾', '佰', '仟'];

/// How to write a number in Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// 小写: 一百万零五十四.
    Lower,
    /// 大写: 壹佰万零伍拾肆.
    Upper,
    /// 人民币大写: 壹佰万零伍拾肆元整, rounded to 分.
    Rmb,
    /// Digit by digit: 一零零零零五四.
    Direct,
}

fn section(n: u128, style: Style, out: &mut String) {
    let (digits, units) = if style == Style::Lower {
        (LOWER_DIGITS, LOWER_UNITS)
    } else {
        (UPPER_DIGITS, UPPER_UNITS)
    };
    let ds = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
    let mut started = false;
    let mut zero = false;
    for (i, d) in ds.iter().enumerate() {
        let d = *d as usize;
        if d == 0 {
            if started {
                zero = true;
            }
            continue;
        }
        if zero {
            out.push(digits[0]);
            zero = false;
        }
        out.push(digits[d]);
        let u = 3 - i;
        if u > 0 {
            out.push(units[u]);
        }
        started = true;
    }
}

fn int_full(n: u128, style: Style, out: &mut String) {
    const WAN: u128 = 10_000;
    const YI: u128 = 100_000_000;
    let big = |b: u32| if b == 4 { '万' } else { '亿' };
    let tail = |r: u128, top: u128, out: &mut String| {
        if r == 0 {
            return;
        }
        if r < top {
            out.push(if style == Style::Lower {
                LOWER_DIGITS[0]
            } else {
                UPPER_DIGITS[0]
            });
        }
        int_full(r, style, out);
    };
    if n < WAN {
        section(n, style, out);
    } else if n < YI {
        section(n / WAN, style, out);
        out.push(big(4));
        tail(n % WAN, 1000, out);
    } else {
        int_full(n / YI, style, out);
        out.push(big(8));
        tail(n % YI, 10_000_000, out);
    }
}

/// The canonical Chinese spelling of a non-negative integer. `short_ten` writes a leading
/// `一十` as `十` (小写 usage: 十一, 十万).
pub fn canonical_int(n: u128, style: Style, short_ten: bool) -> String {
    if n == 0 {
        return "零".to_string();
    }
    let mut s = String::new();
    int_full(n, style, &mut s);
    if short_ten && let Some(rest) = s.strip_prefix("一十") {
        return format!("十{rest}");
    }
    s
}

/// Expands a plain or scientific decimal string (`1.23e-05`) to sign, integer and fraction
/// digits. Returns `None` for anything else.
fn split_decimal(text: &str) -> Option<(bool, String, String)> {
    let t = text.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t),
    };
    let (mant, exp) = match t.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.parse::<i32>().ok()?),
        None => (t, 0),
    };
    let (ip, fp) = match mant.split_once('.') {
        Some((a, b)) => (a, b),
        None => (mant, ""),
    };
    if ip.is_empty() || !ip.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !fp.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits = format!("{ip}{fp}");
    let mut point = ip.len() as i32 + exp;
    if point < 0 {
        digits = format!("{}{digits}", "0".repeat((-point) as usize));
        point = 0;
    }
    while (digits.len() as i32) < point {
        digits.push('0');
    }
    let point = point as usize;
    let mut int = digits[..point].trim_start_matches('0').to_string();
    if int.is_empty() {
        int.push('0');
    }
    let frac = digits[point..].to_string();
    // a fraction written in the source (12.0) is kept; one made up by the exponent is trimmed
    let frac = if exp != 0 {
        frac.trim_end_matches('0').to_string()
    } else {
        frac
    };
    Some((neg, int, frac))
}

/// Writes a number given as decimal text (`1000054.4321`, `-0.1`, `5e-05`, `12.0`) in
/// Chinese. Integers up to 16 digits are supported; `None` for anything else.
pub fn format_str(text: &str, style: Style) -> Option<String> {
    let (neg, int, frac) = split_decimal(text)?;
    if int.len() > 16 {
        return None;
    }
    let n: u128 = int.parse().ok()?;
    let sign = if neg { "负" } else { "" };
    let digit = |c: char, upper: bool| -> char {
        let d = (c as u8 - b'0') as usize;
        if upper {
            UPPER_DIGITS[d]
        } else {
            LOWER_DIGITS[d]
        }
    };
    match style {
        Style::Direct => {
            let raw = text.trim().trim_start_matches('-');
            if raw.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                let s: String = raw
                    .chars()
                    .map(|c| if c == '.' { '点' } else { digit(c, false) })
                    .collect();
                return Some(format!("{sign}{s}"));
            }
            let mut s: String = int.chars().map(|c| digit(c, false)).collect();
            if !frac.is_empty() {
                s.push('点');
                s.extend(frac.chars().map(|c| digit(c, false)));
            }
            Some(format!("{sign}{s}"))
        }
        Style::Lower | Style::Upper => {
            let mut s = canonical_int(n, style, style == Style::Lower);
            if !frac.is_empty() {
                s.push('点');
                s.extend(frac.chars().map(|c| digit(c, style == Style::Upper)));
            }
            Some(format!("{sign}{s}"))
        }
        Style::Rmb => {
            // round half up to 分
            let mut f = frac.clone();
            while f.len() < 3 {
                f.push('0');
            }
            let mut cents: u128 = n * 100 + f[..2].parse::<u128>().ok()?;
            if f.as_bytes()[2] >= b'5' {
                cents += 1;
            }
            let (yuan, jiao, fen) = (
                cents / 100,
                (cents / 10 % 10) as usize,
                (cents % 10) as usize,
            );
            let mut s = String::new();
            if yuan > 0 {
                s.push_str(&canonical_int(yuan, Style::Upper, false));
                s.push('元');
            }
            if jiao == 0 && fen == 0 {
                if yuan == 0 {
                    return Some("零元整".to_string());
                }
                s.push('整');
            } else {
                if jiao > 0 {
                    s.push(UPPER_DIGITS[jiao]);
                    s.push('角');
                } else if yuan > 0 {
                    s.push('零');
                }
                if fen > 0 {
                    s.push(UPPER_DIGITS[fen]);
                    s.push('分');
                }
            }
            Some(format!("{sign}{s}"))
        }
    }
}

/// Writes an `f64` in Chinese (小写), via its shortest decimal representation.
pub fn format(value: f64) -> Option<String> {
    if !value.is_finite() {
        return None;
    }
    format_str(&format!("{value}"), Style::Lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> f64 {
        parse(s).unwrap_or(f64::NAN)
    }

    #[test]
    fn numeral_chars_cover_every_numeral_character() {
        for n in 0..0x11000u32 {
            let Some(c) = char::from_u32(n) else { continue };
            let is = is_arabic_digit(c) || is_cn_numeral_char(c);
            assert_eq!(CharSet::new(NUMERAL_CHAR_LIST).contains(c), is, "{c:?}");
            assert_eq!(NUMERAL_CHARS_AND_NEWLINE.contains(c), is || c == '\n');
            let start = is || matches!(c, '半' | '数' | '几' | '上');
            assert_eq!(QUANTITY_START_CHARS.contains(c), start);
            assert_eq!(
                QUOTE_OPEN_CHARS.contains(c),
                matches!(c, '“' | '「' | '‘' | '"')
            );
            assert_eq!(is_arabic_digit(c), fold_width(c).is_ascii_digit(), "{c:?}");
        }
    }

    #[test]
    fn to_f64_matches_parsing_the_text() {
        let mut m: i128 = 1;
        for k in 0..200u32 {
            m = (m * 6364136223846793005 + 1442695040888963407) % (1 << 60);
            for mant in [m, m >> 8, m >> 30, m >> 45, -(m >> 20), i128::from(k)] {
                for s in [0, 1, 2, 3, 7, 15, 22, 23] {
                    let d = Dec { m: mant, s };
                    let want = d.to_plain().parse::<f64>().unwrap();
                    assert_eq!(d.to_f64().to_bits(), want.to_bits(), "{d:?}");
                }
            }
        }
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(p("一百二十"), 120.0);
        assert_eq!(p("两千"), 2000.0);
        assert_eq!(p("三万五"), 35000.0);
        assert_eq!(p("〇"), 0.0);
        assert_eq!(p("一千零一"), 1001.0);
        assert_eq!(p("廿二"), 22.0);
        assert_eq!(p("十"), 10.0);
        assert_eq!(p("十三万五"), 135000.0);
    }

    #[test]
    fn mixed_and_arabic() {
        assert_eq!(p("3.15亿"), 315_000_000.0);
        assert_eq!(p("367.18万"), 3_671_800.0);
        assert_eq!(p("８万"), 80000.0);
        assert_eq!(p("1,200"), 1200.0);
        assert_eq!(p("1万600"), 10600.0);
        assert_eq!(p("22.16万"), 221_600.0);
        assert_eq!(parse("万"), None);
        assert_eq!(parse("abc"), None);
    }

    #[test]
    fn strict_mode() {
        assert!(parse_mode("一百零一", Mode::Strict).is_some());
        assert!(parse_mode("一千一十", Mode::Strict).is_none());
        assert!(parse_mode("十万零一千", Mode::Strict).is_none());
        assert!(parse_mode("一百十一", Mode::Strict).is_none());
        assert!(parse_mode("壹拾壹元整", Mode::Strict).is_some());
        assert!(parse_mode("壹拾壹元", Mode::Strict).is_none());
    }

    #[test]
    fn formatting() {
        assert_eq!(
            format_str("1000054", Style::Lower).unwrap(),
            "一百万零五十四"
        );
        assert_eq!(
            format_str("150006355", Style::Lower).unwrap(),
            "一亿五千万六千三百五十五"
        );
        assert_eq!(format_str("10", Style::Lower).unwrap(), "十");
        assert_eq!(format_str("1.01", Style::Rmb).unwrap(), "壹元零壹分");
        assert_eq!(format_str("5e-05", Style::Lower).unwrap(), "零点零零零零五");
        assert_eq!(format(3.5).unwrap(), "三点五");
    }
}
