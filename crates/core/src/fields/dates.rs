//! Calendar dates in the body (`2020年2月6日`, `3 月 17 日`, `2022-05-03`, both days of `3月7-8日`, a bare `5日` after
//! `11月4日`), resolved to ISO form. Relative words (今天, 昨日, 当天) are left out.
//!
//! A date that prints no year takes the year of an earlier dated mention in the body, else the
//! publish year (marked `resolved`), else it stays `--MM-DD`. A year the body prints elsewhere
//! is not used: it dates the events it belongs to (a survey, a plan), not the report. `今（9）日` is the 9th of the publish month.

use super::numerals::{NUMERAL_CHARS_AND_NEWLINE, cn_digit, fold_width, is_arabic_digit};
use crate::record::DateMention;
use std::ops::Range;

use crate::text::skip_spaces;

/// A date found in running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Character range of the mention in the text.
    pub span: Range<usize>,
    /// Year when the text prints one.
    pub year: Option<i32>,
    /// Month 1–12, or 0 for the publish month (`今（9）日`).
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
}

/// Where a small number (Arabic digits, or Chinese 一…三十一 / 廿X) at `i` ends, and whether it
/// is Arabic; `None` when there is none. Cheap: the Chinese value is not parsed yet.
fn small_extent(chars: &[char], i: usize, max_len: usize) -> Option<(usize, bool)> {
    let mut j = i;
    while j < chars.len() && j - i < max_len && is_arabic_digit(chars[j]) {
        j += 1;
    }
    if j > i {
        if j < chars.len() && is_arabic_digit(chars[j]) {
            return None;
        }
        return Some((j, true));
    }
    while j < chars.len()
        && j - i < 4
        && (cn_digit(chars[j]).is_some() || matches!(chars[j], '十' | '廿' | '卅'))
    {
        j += 1;
    }
    (j > i).then_some((j, false))
}

/// The value of the small number `chars[i..end]` found by [`small_extent`].
fn small_value(chars: &[char], i: usize, end: usize, arabic: bool) -> Option<u32> {
    if arabic {
        return Some(
            chars[i..end]
                .iter()
                .fold(0u32, |v, c| v * 10 + (fold_width(*c) as u32 - '0' as u32)),
        );
    }
    let s: String = chars[i..end].iter().collect();
    let v = super::numerals::parse_mode(&s, super::numerals::Mode::Normal)?.as_integer()?;
    u32::try_from(v).ok()
}

/// Reads a small number (Arabic digits, or Chinese 一…三十一 / 廿X) at `i`; returns the value
/// and the index after it.
fn read_small(chars: &[char], i: usize, max_len: usize) -> Option<(u32, usize, bool)> {
    let (j, arabic) = small_extent(chars, i, max_len)?;
    Some((small_value(chars, i, j, arabic)?, j, arabic))
}

/// Reads a year (`2020`, `二〇二〇`, and when `short` is allowed `15`, `九零`) followed by 年.
fn read_year(chars: &[char], i: usize, short: bool) -> Option<(i32, usize)> {
    let mut j = i;
    let mut y: i32 = 0;
    let mut len = 0usize;
    while j < chars.len() && len < 5 {
        let c = chars[j];
        let d = if is_arabic_digit(c) {
            fold_width(c) as u32 - '0' as u32
        } else if let Some(d) = cn_digit(c).filter(|_| c != '两') {
            u32::from(d)
        } else {
            break;
        };
        y = y * 10 + d as i32;
        len += 1;
        j += 1;
    }
    if len == 0 {
        return None;
    }
    let k = skip_spaces(chars, j);
    if chars.get(k) != Some(&'年') {
        return None;
    }
    let year = match len {
        4 if (1900..=2100).contains(&y) => y,
        2 if short => {
            if y <= 50 {
                2000 + y
            } else {
                1900 + y
            }
        }
        _ => return None,
    };
    Some((year, k + 1))
}

fn days_in_month(year: Option<i32>, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

fn valid(year: Option<i32>, month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

/// Where the parts of `M月D` at `i` stand, spaces allowed between them: the month's number
/// (its end, Arabic or not), where the day's number starts, and the day's number (its end,
/// Arabic or not). Only the shape is read; the numbers are parsed by the caller.
type MonthDayShape = ((usize, bool), usize, (usize, bool));

fn month_day_shape(chars: &[char], i: usize) -> Option<MonthDayShape> {
    let month = small_extent(chars, i, 2)?;
    let j = skip_spaces(chars, month.0);
    if chars.get(j) != Some(&'月') {
        return None;
    }
    let j = skip_spaces(chars, j + 1);
    let day = small_extent(chars, j, 2)?;
    Some((month, j, day))
}

/// Whether the character at `k` closes a day (日 or 号).
fn closes_day(chars: &[char], k: usize) -> bool {
    matches!(chars.get(k), Some('日') | Some('号'))
}

/// `M月D日` (or 号) at `i`, with spaces allowed between the parts.
fn read_month_day(chars: &[char], i: usize) -> Option<(u32, u32, usize)> {
    // find the shape first (M 月 D 日), parse the numbers only when it is there
    let ((mj, m_arabic), j, (dk, d_arabic)) = month_day_shape(chars, i)?;
    let k = skip_spaces(chars, dk);
    if !closes_day(chars, k) {
        return None;
    }
    let m = small_value(chars, i, mj, m_arabic)?;
    let d = small_value(chars, j, dk, d_arabic)?;
    Some((m, d, k + 1))
}

/// `M月D-D日` (`3月7-8日`, `6月23至27日`) at `i`: the month, the first and the last day of a
/// span of days, and where it ends.
fn read_month_day_range(chars: &[char], i: usize) -> Option<(u32, u32, u32, usize)> {
    let ((mj, m_arabic), j, (dk, d_arabic)) = month_day_shape(chars, i)?;
    let dash = skip_spaces(chars, dk);
    if !matches!(
        chars.get(dash).map(|c| fold_width(*c)),
        Some('-' | '—' | '–' | '~' | '～' | '至' | '到')
    ) {
        return None;
    }
    let e = skip_spaces(chars, dash + 1);
    let (ek, e_arabic) = small_extent(chars, e, 2)?;
    let k = skip_spaces(chars, ek);
    if !closes_day(chars, k) {
        return None;
    }
    let m = small_value(chars, i, mj, m_arabic)?;
    let first = small_value(chars, j, dk, d_arabic)?;
    let last = small_value(chars, e, ek, e_arabic)?;
    (first < last).then_some((m, first, last, k + 1))
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` at `i`.
fn read_numeric(chars: &[char], i: usize) -> Option<(i32, u32, u32, usize)> {
    let num = |from: usize, n: usize| -> Option<(u32, usize)> {
        let mut j = from;
        let mut v = 0u32;
        while j < chars.len() && j - from < n && is_arabic_digit(chars[j]) {
            v = v * 10 + (fold_width(chars[j]) as u32 - '0' as u32);
            j += 1;
        }
        (j > from).then_some((v, j))
    };
    let (y, j) = num(i, 4)?;
    if j - i != 4 {
        return None;
    }
    let sep = fold_width(*chars.get(j)?);
    if !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    let (m, k) = num(j + 1, 2)?;
    if fold_width(*chars.get(k)?) != sep {
        return None;
    }
    let (d, l) = num(k + 1, 2)?;
    if chars.get(l).is_some_and(|c| is_arabic_digit(*c)) {
        return None;
    }
    let y = i32::try_from(y).ok()?;
    (1900..=2100).contains(&y).then_some((y, m, d, l))
}

fn is_boundary_before_bare_day(c: Option<&char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            matches!(
                fold_width(*c),
                ',' | '，'
                    | '、'
                    | ';'
                    | '；'
                    | '。'
                    | '\n'
                    | '至'
                    | '到'
                    | '和'
                    | '及'
                    | '或'
                    | '-'
                    | '~'
                    | '～'
                    | '—'
                    | '('
                    | '（'
                    | '“'
                    | ' '
            )
        }
    }
}

/// Whether a time of day starts at `i` (上午, 晚9时许, 19时).
fn time_of_day_at(chars: &[char], i: usize) -> bool {
    const TIMES: &[&str] = &[
        "上午", "下午", "中午", "晚上", "晚间", "晚", "凌晨", "早上", "早晨", "清晨", "夜间",
        "夜里", "傍晚", "午后", "零时",
    ];
    let rest = &chars[i.min(chars.len())..];
    if TIMES
        .iter()
        .any(|t| rest.iter().copied().take(t.chars().count()).eq(t.chars()))
    {
        return true;
    }
    // 19时, 9时许
    let digits = chars[i.min(chars.len())..]
        .iter()
        .take_while(|c| is_arabic_digit(**c))
        .count();
    (1..=2).contains(&digits) && chars.get(i + digits) == Some(&'时')
}

/// Whether a preposition of time (于, 在, 自, 从) stands right before `i`, not a comparison
/// (少于, 高于, 等于).
fn time_preposition_before(chars: &[char], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).map(|k| chars[k]) else {
        return false;
    };
    let compared = i
        .checked_sub(2)
        .is_some_and(|k| "少多大小等高低超过早晚".contains(chars[k]));
    matches!(p, '于' | '在' | '自' | '从') && !(p == '于' && compared)
}

/// The index after `）日` when the number at `i` sits in `今（…）日` (Xinhua's "today, the
/// 9th"), else `None`.
fn today_in_brackets(chars: &[char], i: usize) -> Option<usize> {
    let open = fold_width(*chars.get(i.checked_sub(1)?)?);
    if open != '(' || *chars.get(i.checked_sub(2)?)? != '今' {
        return None;
    }
    let (j, _) = small_extent(chars, i, 2)?;
    (fold_width(*chars.get(j)?) == ')' && *chars.get(j + 1)? == '日').then_some(j + 2)
}

/// The index after `日` when the number at `i` sits in `今日（23日）` / `今天（23日）` ("today, the
/// 23rd"), else `None`.
fn today_with_the_day_in_brackets(chars: &[char], i: usize) -> Option<usize> {
    let open = fold_width(*chars.get(i.checked_sub(1)?)?);
    let today = chars.get(i.checked_sub(3)?..i - 1)?;
    if open != '(' || !(today == ['今', '日'] || today == ['今', '天']) {
        return None;
    }
    let (j, _) = small_extent(chars, i, 2)?;
    (*chars.get(j)? == '日' && fold_width(*chars.get(j + 1)?) == ')').then_some(j + 1)
}

/// Whether a bare day at `i..end` (`8日`) reads as a day of the month in running news text: a
/// subject right before it and an act after it (`菲利普8日在接受采访时`, `号召10日继续`, `是继5日
/// 80万多人`), not a length of time (`工作了5日`, `连续3日`, `5日内`, `少于15日`).
fn day_of_the_month_in_a_report(chars: &[char], i: usize, end: usize) -> bool {
    let before = i.checked_sub(1).map(|k| chars[k]);
    let after = chars.get(end).copied();
    let duration_before = before.is_none_or(|c| {
        !crate::text::is_han(c) || "了续近共满期过每第隔数约达长逾超用需历花耗要或各".contains(c)
    }) || time_preposition_before(chars, i)
        || i.checked_sub(2)
            .is_some_and(|k| "少多大小等高低超过早晚".contains(chars[k]) && before == Some('于'));
    let duration_after = after.is_none_or(|c| {
        "内以之左后多余来至到间里时".contains(c) || !(crate::text::is_han(c) || c.is_ascii_digit())
    });
    !duration_before && !duration_after
}

/// Every date in `text`, in order, with the character span of each mention.
pub fn find(text: &str) -> Vec<Found> {
    let chars = chars_of(text);
    find_chars(&chars)
}

/// [`find`] over the characters of the text.
pub(crate) fn find_chars(chars: &[char]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    let mut last_month: Option<(u32, Option<i32>, usize)> = None; // month, year, paragraph id
    let mut paragraph = 0usize;
    // only line breaks and numeral characters matter: jump from one to the next
    while let Some(next) = NUMERAL_CHARS_AND_NEWLINE.next_in(chars, i) {
        i = next;
        let c = chars[i];
        if c == '\n' {
            paragraph += 1;
            i += 1;
            continue;
        }
        let prev = if i > 0 { Some(&chars[i - 1]) } else { None };
        let starts_number = is_arabic_digit(c) || cn_digit(c).is_some() || c == '十';
        let glued = prev.is_some_and(|p| {
            is_arabic_digit(*p) || p.is_ascii_alphabetic() || cn_digit(*p).is_some() || *p == '第'
        });
        if !starts_number || glued {
            i += 1;
            continue;
        }
        // numeric ISO form
        if let Some((y, m, d, end)) = read_numeric(chars, i)
            && valid(Some(y), m, d)
        {
            out.push(Found {
                span: i..end,
                year: Some(y),
                month: m,
                day: d,
            });
            last_month = Some((m, Some(y), paragraph));
            i = end;
            continue;
        }
        // [YYYY年]M月D日
        let (year, j) = match read_year(chars, i, false) {
            Some((y, j)) => (Some(y), skip_spaces(chars, j)),
            None => (None, i),
        };
        // a span of days: its first and its last day, both written by the same words
        if let Some((m, first, last, end)) = read_month_day_range(chars, j) {
            let year = year.or_else(|| last_month.and_then(|(_, y, _)| y));
            if valid(year, m, first) && valid(year, m, last) {
                for day in [first, last] {
                    out.push(Found {
                        span: i..end,
                        year,
                        month: m,
                        day,
                    });
                }
                last_month = Some((m, year, paragraph));
                i = end;
                continue;
            }
        }
        if let Some((m, d, end)) = read_month_day(chars, j) {
            let year = year.or_else(|| last_month.and_then(|(_, y, _)| y));
            if valid(year, m, d) {
                out.push(Found {
                    span: i..end,
                    year,
                    month: m,
                    day: d,
                });
                last_month = Some((m, year, paragraph));
                i = end;
                continue;
            }
        }
        // 今（9）日: the day of the publish month (month 0, resolved by `extract_found`)
        if let Some(end) = today_in_brackets(chars, i)
            && let Some((d, _, _)) = read_small(chars, i, 2)
            && (1..=31).contains(&d)
        {
            out.push(Found {
                span: i - 2..end,
                year: None,
                month: 0,
                day: d,
            });
            i = end;
            continue;
        }
        // 今日（23日）: the day of the publish month, like 今（9）日
        if let Some(end) = today_with_the_day_in_brackets(chars, i)
            && let Some((d, _, _)) = read_small(chars, i, 2)
            && (1..=31).contains(&d)
        {
            out.push(Found {
                span: i..end,
                year: None,
                month: 0,
                day: d,
            });
            i = end;
            continue;
        }
        // bare D日 carrying the month of the previous date: in the same paragraph after a
        // boundary; from any earlier paragraph when a preposition of time stands before it
        // (将于8日, 在15日, not 少于15日) or a time of day after it (16日下午, 22日晚), or when it
        // opens a paragraph (23日，记者…)
        if let Some((m, y, para)) = last_month
            && let Some((k, true)) = small_extent(chars, i, 2)
            && let Some(d) = small_value(chars, i, k, true)
        {
            let k2 = skip_spaces(chars, k);
            let after = k2 + 1;
            let timed = time_of_day_at(chars, after);
            let opens = matches!(prev, None | Some('\n'))
                && chars
                    .get(after)
                    .is_some_and(|c| matches!(fold_width(*c), ',' | '，'));
            let dated = (para == paragraph && is_boundary_before_bare_day(prev))
                || time_preposition_before(chars, i)
                || timed
                || opens
                || (chars.get(k2) == Some(&'日') && day_of_the_month_in_a_report(chars, i, k2 + 1));
            if dated && chars.get(k2) == Some(&'日') && valid(y, m, d) {
                out.push(Found {
                    span: i..k2 + 1,
                    year: y,
                    month: m,
                    day: d,
                });
                i = k2 + 1;
                continue;
            }
        }
        // a bare D日 before any month is printed: a day of the publish month (month 0, resolved
        // by `extract_found`) when a sign of time marks it as a date (19日上午, 记者4日从…获悉,
        // 将于8日, 28日，…), never a length of time (连续3日, 5日内)
        if last_month.is_none()
            && let Some((k, true)) = small_extent(chars, i, 2)
            && let Some(d) = small_value(chars, i, k, true)
            && chars.get(k) == Some(&'日')
            && (1..=31).contains(&d)
        {
            let opens = matches!(prev, None | Some('\n'))
                && chars
                    .get(k + 1)
                    .is_some_and(|c| matches!(fold_width(*c), ',' | '，'));
            // (`…的问题，16日，由某某社区…`: a clause of its own between commas)
            let clause = prev.is_some_and(|c| matches!(fold_width(*c), ',' | '，' | '；' | ';'))
                && chars
                    .get(k + 1)
                    .is_some_and(|c| matches!(fold_width(*c), ',' | '，'));
            if time_of_day_at(chars, k + 1)
                || time_preposition_before(chars, i)
                || opens
                || clause
                || day_of_the_month_in_a_report(chars, i, k + 1)
            {
                out.push(Found {
                    span: i..k + 1,
                    year: None,
                    month: 0,
                    day: d,
                });
                i = k + 1;
                continue;
            }
        }
        // skip the rest of this number
        while i < chars.len() && (is_arabic_digit(chars[i]) || cn_digit(chars[i]).is_some()) {
            i += 1;
        }
        if i < chars.len() && !(is_arabic_digit(chars[i]) || cn_digit(chars[i]).is_some()) {
            i += 1;
        }
    }
    out
}

/// The characters of `text`, allocated once at the right size.
pub(crate) fn chars_of(text: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(text.chars().count());
    chars.extend(text.chars());
    chars
}

/// Character ranges of the dates in `text` (used to keep date digits out of quantities).
pub fn spans(text: &str) -> Vec<Range<usize>> {
    find(text).into_iter().map(|f| f.span).collect()
}

/// Year, month and day of a `published_at` value (`2020-02-26T19:06:39+08:00` or `2020-02-26`).
fn publish_ymd(published_at: &str) -> Option<(i32, u32, u32)> {
    let d = published_at.get(..10)?;
    let y = d.get(..4)?.parse().ok()?;
    let m = d.get(5..7)?.parse().ok()?;
    let day = d.get(8..10)?.parse().ok()?;
    Some((y, m, day))
}

/// The year a month-day most likely falls in, for an article published on `base`: the
/// publish year, unless that puts the date more than half a year after publication.
pub fn infer_year(base: (i32, u32, u32), month: u32, day: u32) -> i32 {
    let ordinal = |m: u32, d: u32| m * 31 + d;
    let (y, bm, bd) = base;
    if ordinal(month, day) > ordinal(bm, bd) + 6 * 31 {
        y - 1
    } else {
        y
    }
}

/// Every calendar date in `body`; `published_at` supplies a missing year.
///
/// `value` is `YYYY-MM-DD` when the year is known (printed, carried from an earlier date, or
/// inferred from the publish date) and `--MM-DD` otherwise; `resolved` repeats the full date
/// when the year came from `published_at`. Each date is listed once.
pub fn extract(body: &str, published_at: Option<&str>) -> Vec<DateMention> {
    let chars = chars_of(body);
    extract_found(&chars, &find_chars(&chars), published_at)
}

/// [`extract`] over the characters of the body and the dates [`find_chars`] found in them.
pub(crate) fn extract_found(
    chars: &[char],
    found: &[Found],
    published_at: Option<&str>,
) -> Vec<DateMention> {
    let base = published_at.and_then(publish_ymd);
    let mut out: Vec<DateMention> = Vec::new();
    for f in found {
        // a day of the publish month, or of the month before when it lies more than a week
        // after the publish day (a report of 29日 published on the 2nd; 26日 in a forecast
        // published on the 25th is this month's)
        let (month, day) = match (f.month, base) {
            (0, Some((_, m, d))) if f.day > d + 7 => (if m == 1 { 12 } else { m - 1 }, f.day),
            (0, Some((_, m, _))) => (m, f.day),
            (0, None) => continue,
            (m, _) => (m, f.day),
        };
        if !valid(None, month, day) {
            continue;
        }
        let text: String = chars[f.span.clone()].iter().collect();
        // 去年12月5日 / 今年3月1日 / 明年: the year is relative to the publish year
        let before: String = chars[f.span.start.saturating_sub(2)..f.span.start]
            .iter()
            .collect();
        let shift = match before.as_str() {
            "去年" => Some(-1),
            "前年" => Some(-2),
            "今年" | "本年" => Some(0),
            "明年" => Some(1),
            _ => None,
        };
        let (value, resolved) = match (f.year, base) {
            (Some(y), _) => (format!("{y:04}-{month:02}-{day:02}"), None),
            (None, Some(b)) => {
                let y = match shift {
                    Some(d) => b.0 + d,
                    None => infer_year(b, month, day),
                };
                let full = format!("{y:04}-{month:02}-{day:02}");
                (full.clone(), Some(full))
            }
            (None, None) => match event_year_around(chars, &f.span) {
                Some(y) => (format!("{y:04}-{month:02}-{day:02}"), None),
                None => (format!("--{month:02}-{day:02}"), None),
            },
        };
        if out.iter().any(|d| d.value == value) {
            continue;
        }
        out.push(DateMention {
            text,
            value,
            resolved,
        });
    }
    out
}

/// Words naming an event a printed year belongs to (`2021年见义勇为表彰座谈会`,
/// `2023年春节走访慰问活动`).
const EVENT_WORDS: &[&str] = &[
    "活动",
    "会议",
    "座谈会",
    "仪式",
    "行动",
    "培训班",
    "研讨班",
    "大会",
    "动员会",
    "表彰会",
    "公益日",
    "慰问",
    "晚会",
    "运动会",
    "比赛",
    "大赛",
    "竞赛",
    "招募",
    "寻找",
];

/// What may follow `YYYY年` when the year is a point of time or a span, not the year of an event
/// (`2025年1月`, `2015年以来`, `2010年底前`).
const NOT_EVENT_AFTER_YEAR: &[&str] = &[
    "以来",
    "以前",
    "前",
    "之前",
    "代",
    "后",
    "左右",
    "底",
    "末",
    "初",
    "上半年",
    "下半年",
];

/// The year of the reported event, printed in the sentence around `span` when the page has no
/// publish date: a `YYYY年` right before a festival, a quotation mark or 度 (`在2022年春节来临
/// 之际`, `开展2024年“八一”慰问活动`, `2025年度`), or before a phrase naming an event
/// (`2021年见义勇为表彰座谈会`). A year of statistics or a report (`2008年民政事业发展统计
/// 报告`) gives none.
fn event_year_around(chars: &[char], span: &Range<usize>) -> Option<i32> {
    let ends = |c: &char| matches!(c, '。' | '！' | '？' | '!' | '?' | '\n');
    let start = chars[..span.start]
        .iter()
        .rposition(ends)
        .map_or(0, |k| k + 1);
    let end = chars[span.end..]
        .iter()
        .position(ends)
        .map_or(chars.len(), |k| span.end + k);
    let sentence = &chars[start..end];
    let digit = |k: usize| sentence.get(k).is_some_and(|c| c.is_ascii_digit());
    for k in 0..sentence.len().saturating_sub(4) {
        if !(0..4).all(|d| digit(k + d)) || (k > 0 && digit(k - 1)) {
            continue;
        }
        let year_end = skip_spaces(sentence, k + 4);
        if sentence.get(year_end) != Some(&'年') {
            continue;
        }
        let year: String = sentence[k..k + 4].iter().collect();
        let Ok(year) = year.parse::<i32>() else {
            continue;
        };
        if !(1900..=2100).contains(&year) {
            continue;
        }
        let after_at = skip_spaces(sentence, year_end + 1);
        let after: String = sentence[after_at..]
            .iter()
            .take(24)
            .take_while(|c| !matches!(c, ',' | '，' | '。' | ';' | '；' | '、' | '!' | '?'))
            .collect();
        // (`开展2026年度城乡居民医保征缴宣传`: the insurance year paid for in advance, no year
        // of the event)
        let insurance_year = after.starts_with('度')
            && ["医保", "参保", "征缴", "缴费", "保险", "社保"]
                .iter()
                .any(|w| after.contains(w));
        if after.starts_with(|c: char| c.is_ascii_digit())
            || NOT_EVENT_AFTER_YEAR.iter().any(|w| after.starts_with(w))
            || insurance_year
        {
            continue;
        }
        let festival = ["春节", "元旦", "端午", "中秋", "国庆", "“", "\"", "度"]
            .iter()
            .any(|w| after.starts_with(w));
        if festival || EVENT_WORDS.iter().any(|w| after.contains(w)) {
            return Some(year);
        }
    }
    None
}

/// Parses one date string on its own (`2019/04/19`, `20240307`, `2022 11 23`,
/// `零七年八月二十九号`, `9月30日`, `30日`), filling a missing year or month from `base`
/// (`(year, month)`). Returns `(year, month, day)`.
pub fn parse(text: &str, base: Option<(i32, Option<u32>)>) -> Option<(i32, u32, u32)> {
    let t = text.trim();
    let chars: Vec<char> = t.chars().collect();
    let ok = |y: i32, m: u32, d: u32| valid(Some(y), m, d).then_some((y, m, d));
    // 20240307
    if chars.len() == 8 && chars.iter().all(|c| is_arabic_digit(*c)) {
        let s: String = chars.iter().map(|c| fold_width(*c)).collect();
        let y = s.get(..4)?.parse().ok()?;
        let m = s.get(4..6)?.parse().ok()?;
        let d = s.get(6..)?.parse().ok()?;
        return ok(y, m, d);
    }
    // 2022 11 23, 2019.9.6, 1994.01-19, 2019/04/19
    let parts: Vec<&str> = t
        .split(|c: char| matches!(fold_width(c), ' ' | '-' | '/' | '.'))
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() == 3
        && parts[0].len() == 4
        && parts.iter().all(|p| p.chars().all(is_arabic_digit))
    {
        let y = parts[0].parse().ok()?;
        let m = parts[1].parse().ok()?;
        let d = parts[2].parse().ok()?;
        return ok(y, m, d);
    }
    // [YY(YY)年]M月D日
    if let Some((y, j)) = read_year(&chars, 0, true)
        && let Some((m, d, end)) = read_month_day(&chars, skip_spaces(&chars, j))
        && end == chars.len()
    {
        return ok(y, m, d);
    }
    if let Some((m, d, end)) = read_month_day(&chars, 0)
        && end == chars.len()
    {
        return ok(base?.0, m, d);
    }
    if let Some((d, k, _)) = read_small(&chars, 0, 2)
        && matches!(chars.get(k), Some('日') | Some('号'))
        && k + 1 == chars.len()
    {
        let (y, m) = base?;
        return ok(y, m?, d);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(body: &str, p: Option<&str>) -> Vec<String> {
        extract(body, p).into_iter().map(|d| d.value).collect()
    }

    #[test]
    fn bare_days_across_paragraphs_need_a_sign_of_time() {
        let body = "7月3日，航空公司宣布复航。\n机场将于8日开放，其他机场将于11日起开放。\n\
                    16日下午，队员再次集结。\n23日，记者再次探访。\n公示时间不得少于15日。\n\
                    他们工作了5日。";
        assert_eq!(
            values(body, Some("2020-07-04")),
            [
                "2020-07-03",
                "2020-07-08",
                "2020-07-11",
                "2020-07-16",
                "2020-07-23"
            ]
        );
    }

    #[test]
    fn a_bare_day_between_a_subject_and_an_act_is_a_date() {
        let body = "新华社巴黎12月9日电 法国再次爆发罢工。\n这是继5日80万人罢工后的又一次。\n\
                    总理菲利普8日在接受采访时表示，工会号召10日继续罢工。\n\
                    他们已连续3日罢工，工作了5日，5日内恢复。";
        assert_eq!(
            values(body, None),
            ["--12-09", "--12-05", "--12-08", "--12-10"]
        );
        assert_eq!(
            values(
                "当事人陈同佳今日（23日）近9时出狱。",
                Some("2019-10-23T09:05:00+08:00")
            ),
            ["2019-10-23"]
        );
    }

    #[test]
    fn a_bare_day_before_any_month_is_in_the_publish_month() {
        // a sign of time makes it a date: a time of day, a subject and an act, an opening
        let body = "19日上午，红十字会拨款20万元。\n记者4日从团委获悉，活动启动。";
        assert_eq!(
            values(body, Some("2023-12-20T17:01:44+08:00")),
            ["2023-12-19", "2023-12-04"]
        );
        // more than a week after the publish day: last month's (a January page: December's)
        assert_eq!(
            values("29日上午，村里召开大会。", Some("2024-01-03")),
            ["2023-12-29"]
        );
        // a day or two after it: this month's (a forecast)
        assert_eq!(
            values("26日早晨最低气温0℃。", Some("2019-11-25")),
            ["2019-11-26"]
        );
        // a day between commas, a clause of its own
        assert_eq!(
            values(
                "为解决带孩难的问题，16日，由社区妇联共建的托管中心开班。",
                Some("2021-11-19")
            ),
            ["2021-11-16"]
        );
        // no publish date: no month to give it; a length of time is no date
        assert!(values("19日上午，红十字会拨款。", None).is_empty());
        assert!(values("他们已连续3日值守，5日内完工。", Some("2023-12-20")).is_empty());
    }

    #[test]
    fn the_year_of_the_reported_event_when_no_publish_date_gives_one() {
        // printed for the event in the same sentence: a festival, a quoted name, an event word
        assert_eq!(
            values(
                "在2022年春节来临之际，1月20日，局党组书记走访慰问困难群众。",
                None
            ),
            ["2022-01-20"]
        );
        assert_eq!(
            values("7月30日，镇里开展2024年“八一”慰问活动。", None),
            ["2024-07-30"]
        );
        assert_eq!(
            values("2月3日，县委政法委召开2021年见义勇为表彰座谈会。", None),
            ["2021-02-03"]
        );
        // the year of statistics, a span, a month, another sentence: no year for the date
        assert_eq!(
            values("5月22日，民政部发布2008年民政事业发展统计报告。", None),
            ["--05-22"]
        );
        assert_eq!(
            values("9月7日，合作社为2018年脱贫的92户分红。", None),
            ["--09-07"]
        );
        assert_eq!(
            values("2015年以来，花垣县涌现多人。2月3日，县里召开座谈会。", None),
            ["--02-03"]
        );
        assert_eq!(
            values("8月1日，2025年1月开始的活动结束。", None),
            ["--08-01"]
        );
        // an insurance year collected in advance is no year of the event
        assert_eq!(
            values(
                "11月18日，乡合医办开展2026年度城乡居民医保征缴政策宣传活动。",
                None
            ),
            ["--11-18"]
        );
        // a publish date gives the year first
        assert_eq!(
            values(
                "7月30日，镇里开展2024年“八一”慰问活动。",
                Some("2025-08-01")
            ),
            ["2025-07-30"]
        );
    }

    #[test]
    fn today_with_the_day_in_brackets_is_in_the_publish_month() {
        assert_eq!(
            values(
                "华龙网讯 今（9）日，活动启动。",
                Some("2019-09-09T16:19:28+08:00")
            ),
            ["2019-09-09"]
        );
        assert!(values("今（9）日，活动启动。", None).is_empty());
    }

    #[test]
    fn a_span_of_days_gives_its_first_and_its_last_day() {
        let body = "2022年3月7-8日,某某镇工会举办活动。6月23至27日,某某局开展帮扶。";
        assert_eq!(
            values(body, None),
            ["2022-03-07", "2022-03-08", "2022-06-23", "2022-06-27"]
        );
        // never a span running backwards
        assert!(values("3月8-7日,某某镇工会举办活动。", None).is_empty());
    }

    #[test]
    fn month_carry_and_no_year() {
        let body = "11月4日，市委组织部下发通知，5日，又联合团市委下发。";
        assert_eq!(values(body, None), ["--11-04", "--11-05"]);
    }

    #[test]
    fn year_from_publish_date() {
        let d = extract(
            "2月16日，团区委组建突击队。",
            Some("2020-02-28T14:19:17+08:00"),
        );
        assert_eq!(d[0].value, "2020-02-16");
        assert_eq!(d[0].resolved.as_deref(), Some("2020-02-16"));
        // December mentioned in a January article is last year
        assert_eq!(values("12月30日", Some("2021-01-05")), ["2020-12-30"]);
        assert_eq!(values("去年3月5日", Some("2021-06-05")), ["2020-03-05"]);
    }

    #[test]
    fn printed_year_and_spaces() {
        assert_eq!(values("截至 3 月 11 日，共有", None), ["--03-11"]);
        assert_eq!(values("2020年2月6日起", None), ["2020-02-06"]);
        assert_eq!(values("二〇二〇年二月六日", None), ["2020-02-06"]);
        assert_eq!(values("于2022-05-03发布", None), ["2022-05-03"]);
    }

    #[test]
    fn rejects_non_dates() {
        assert!(
            values(
                "第一时间响应，扣12分，聚富南路8号，今年1月，半日，每日",
                None
            )
            .is_empty()
        );
        assert!(values("零陵区“11.02”疫情", None).is_empty());
        assert!(values("13月40日", None).is_empty());
    }

    #[test]
    fn standalone_parse() {
        assert_eq!(parse("2019/04/19", None), Some((2019, 4, 19)));
        assert_eq!(parse("零七年八月二十九号", None), Some((2007, 8, 29)));
        assert_eq!(parse("9月30日", Some((2008, Some(3)))), Some((2008, 9, 30)));
        assert_eq!(parse("30日", Some((2021, Some(6)))), Some((2021, 6, 30)));
    }
}
