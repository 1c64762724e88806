//! Page furniture: classifies one line of page text as menu, widget, footer, breadcrumb or the
//! header of a link list, from the vocabulary in `data/furniture.txt` and a few shape rules.

use crate::text::{FastMap, fold_char};
use std::sync::OnceLock;

/// What a furniture line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Furniture {
    /// Menus, widgets, counters, footers: dropped.
    Line,
    /// The header of a link list (猜你喜欢, 相关文章…): it and the short lines after it are
    /// dropped.
    ListHeader,
    /// A 当前位置 path, with its segments.
    Breadcrumb(Vec<String>),
}

struct Vocabulary {
    exact: Vec<String>,
    /// Length in characters of the longest `exact` entry.
    exact_max: usize,
    prefix: FirstCharIndex,
    contains: FirstCharIndex,
    /// List headers with their length in characters.
    list_header: Vec<(String, usize)>,
    breadcrumb: Vec<String>,
    /// Phrases only a site's legal notice or disclaimer holds, in a line of any length.
    notice: Vec<String>,
    /// The same phrases as one automaton: a line is read once, not once a phrase.
    notice_finder: Option<aho_corasick::AhoCorasick>,
    /// Length in characters of the longest `breadcrumb` entry.
    breadcrumb_max: usize,
    /// A line with a full stop and more (folded) characters than this can only be furniture
    /// through a breadcrumb label or its shape: no list header, exact entry, prefix or
    /// contained entry can apply to it.
    long_line: usize,
}

/// Vocabulary entries grouped by first character, to test only the entries that can match at
/// a position.
#[derive(Default)]
struct FirstCharIndex {
    by_first: FastMap<char, Vec<String>>,
    /// Bit `c & 255` set for every first character `c`: most characters are ruled out
    /// without a map lookup.
    seen: [u64; 4],
}

impl FirstCharIndex {
    fn push(&mut self, entry: String) {
        if let Some(c) = entry.chars().next() {
            let b = c as usize & 255;
            self.seen[b >> 6] |= 1 << (b & 63);
            self.by_first.entry(c).or_default().push(entry);
        }
    }

    /// The entries starting with `c`.
    fn get(&self, c: char) -> Option<&Vec<String>> {
        let b = c as usize & 255;
        if self.seen[b >> 6] & (1 << (b & 63)) == 0 {
            return None;
        }
        self.by_first.get(&c)
    }

    /// True when `s` starts with an entry.
    fn starts(&self, s: &str) -> bool {
        s.chars()
            .next()
            .and_then(|c| self.get(c))
            .is_some_and(|v| v.iter().any(|p| s.starts_with(p.as_str())))
    }

    /// True when an entry occurs anywhere in `s`.
    fn occurs_in(&self, s: &str) -> bool {
        s.char_indices().any(|(i, c)| {
            self.get(c)
                .is_some_and(|v| v.iter().any(|p| s[i..].starts_with(p.as_str())))
        })
    }
}

/// The section headings of `data/furniture.txt`; any other line is an entry of the section
/// it is in.
const SECTIONS: [&str; 6] = [
    "[exact]",
    "[prefix]",
    "[contains]",
    "[list_header]",
    "[breadcrumb]",
    "[notice]",
];

fn vocabulary() -> &'static Vocabulary {
    static VOCAB: OnceLock<Vocabulary> = OnceLock::new();
    VOCAB.get_or_init(|| {
        let mut v = Vocabulary {
            exact: Vec::new(),
            exact_max: 0,
            prefix: FirstCharIndex::default(),
            contains: FirstCharIndex::default(),
            list_header: Vec::new(),
            breadcrumb: Vec::new(),
            notice: Vec::new(),
            notice_finder: None,
            breadcrumb_max: 0,
            long_line: 0,
        };
        let mut section = "";
        for line in include_str!("../../data/furniture.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            // Only the known section names are headings: `[关闭窗口]` is an entry.
            if SECTIONS.contains(&line) {
                section = line;
                continue;
            }
            let entry = fold(line);
            match section {
                "[exact]" => v.exact.push(entry),
                "[prefix]" => v.prefix.push(entry),
                "[contains]" => v.contains.push(entry),
                "[list_header]" => {
                    let n = clen(&entry);
                    v.list_header.push((entry, n));
                }
                "[breadcrumb]" => v.breadcrumb.push(entry),
                "[notice]" => v.notice.push(entry),
                _ => {}
            }
        }
        v.notice_finder = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(&v.notice)
            .ok();
        v.exact_max = v.exact.iter().map(|e| clen(e)).max().unwrap_or(0);
        v.breadcrumb_max = v.breadcrumb.iter().map(|e| clen(e)).max().unwrap_or(0);
        let header_max = v.list_header.iter().map(|(_, n)| *n).max().unwrap_or(0);
        // 60: the short-line limit of prefix and contained entries; 30 and 16: the limits of
        // return links and e-paper navigation.
        v.long_line = [60, 30, 16, header_max + 6, v.exact_max]
            .into_iter()
            .max()
            .unwrap_or(60);
        v
    })
}

/// The first `max_chars` characters of [`fold`]`(s)`.
fn fold_prefix(s: &str, max_chars: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    for c in s.chars() {
        if n == max_chars {
            break;
        }
        let c = fold_char(c);
        if !c.is_whitespace() {
            out.push(c);
            n += 1;
        }
    }
    out
}

/// Folds full-width ASCII forms to ASCII, the ideographic space to a space, and removes all
/// whitespace: the form furniture entries are compared in.
pub fn fold(s: &str) -> String {
    // Folding never lengthens a character, so one allocation of the input's size is enough.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = fold_char(c);
        if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

/// True for bullet characters that open menu items (not a paper's byline marks ■ and □:
/// `■ 某某` under a headline credits the writer).
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '·' | '●' | '◆' | '▪' | '►' | '▶' | '◇' | '○' | '◎' | '※' | '>' | '»'
    )
}

/// Number of characters.
fn clen(s: &str) -> usize {
    s.chars().count()
}

/// True when the line holds sentence punctuation (a body line, not a menu).
pub fn has_sentence_punct(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(
            c,
            '。' | '，' | ',' | '；' | ';' | '！' | '？' | '!' | '?' | '：' | ':'
        )
    })
}

/// How many `(2024-09-04)`-style dates in brackets `line` holds: a list of links prints one
/// after each title; a paragraph of text hardly ever two.
fn dated_links(line: &str) -> usize {
    if !line.contains(['-', '/', '.']) {
        return 0;
    }
    line.match_indices(['(', '（', '[', '【'])
        .filter(|&(k, open)| {
            let inner: String = line[k + open.len()..]
                .chars()
                .take_while(|c| !matches!(c, ')' | '）' | ']' | '】'))
                .take(12)
                .filter(|c| !c.is_whitespace())
                .collect();
            let parts: Vec<&str> = inner.split(['-', '/', '.']).collect();
            matches!(parts[..], [y, m, d]
                if y.len() == 4
                    && (y.starts_with("19") || y.starts_with("20"))
                    && (1..=2).contains(&m.len())
                    && (1..=2).contains(&d.len())
                    && y.chars().chain(m.chars()).chain(d.chars()).all(|c| c.is_ascii_digit()))
        })
        .count()
}

/// Where the first legal-notice phrase in `line` starts.
fn notice_at(line: &str) -> Option<usize> {
    let v = vocabulary();
    match &v.notice_finder {
        Some(ac) => ac.find(line).map(|m| m.start()),
        None => v.notice.iter().filter_map(|e| line.find(e.as_str())).min(),
    }
}

/// Where a site's legal notice glued after the story's last sentence begins (`…人人争做“民间
/// 河长”。 免责声明:本文版权归原作者所有…`): the byte offset of the notice's own sentence, when a
/// story of sixty characters or more, ending a sentence, stands before it on the same line.
pub fn glued_notice_at(line: &str) -> Option<usize> {
    let hit = notice_at(line)?;
    let head = &line[..hit];
    let start = ["免责声明", "版权声明", "特别声明"]
        .iter()
        .filter_map(|l| head.rfind(l))
        .max()
        .or_else(|| head.rfind(['【', '[']))
        .or_else(|| {
            head.char_indices()
                .rev()
                .find(|(_, c)| matches!(c, '。' | '！' | '？'))
                .map(|(k, c)| k + c.len_utf8())
        })?;
    let story = line[..start].trim_end();
    (clen(story) >= 60 && story.ends_with(['。', '！', '？', '”', '」', ')', '）']))
        .then_some(start)
}

/// How many `YYYY-MM-DD` dates `line` holds.
fn iso_dates(line: &str) -> usize {
    let b = line.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (0..b.len().saturating_sub(9))
        .filter(|&i| {
            (0..4).all(|k| digit(i + k))
                && b[i + 4] == b'-'
                && digit(i + 5)
                && digit(i + 6)
                && b[i + 7] == b'-'
                && digit(i + 8)
                && digit(i + 9)
                && !(i > 0 && digit(i - 1))
        })
        .count()
}

/// Classifies one trimmed line; `None` when it is not furniture.
pub fn classify(line: &str) -> Option<Furniture> {
    let line = line.trim();
    let v = vocabulary();
    // One pass: the length of the folded line (folding keeps one character per character and
    // drops exactly the whitespace) and whether it holds a full stop (never folded).
    let mut n = 0usize;
    let mut full_stop = false;
    for c in line.chars() {
        if !c.is_whitespace() {
            n += 1;
        }
        full_stop |= c == '。';
    }
    if n == 0 {
        return None;
    }
    // A long sentence line needs only the head of its folded form (for breadcrumb labels).
    let long = full_stop && n > v.long_line;
    let folded = if long {
        fold_prefix(line, v.breadcrumb_max)
    } else {
        fold(line)
    };
    // (`§当前位置:…`: a symbol before the label)
    let crumb = folded.trim_start_matches(['§', '◆', '■', '●', '▶', '>', '·', '•']);
    for b in &v.breadcrumb {
        if crumb.starts_with(b.as_str()) {
            let mut path = match line.find([':', '：']) {
                Some(i) => line[i..].trim_start_matches([':', '：']).to_string(),
                None => crumb.get(b.len()..).unwrap_or("").to_string(),
            };
            // (`您当前的位置 : 您当前的位置 :台州频道 > …`: the label printed twice)
            while let Some(i) = path.find([':', '：'])
                && path[..i].contains("位置")
                && clen(&path[..i]) <= 10
            {
                path = path[i..].trim_start_matches([':', '：']).to_string();
            }
            return Some(Furniture::Breadcrumb(breadcrumb_segments(&path)));
        }
    }
    // any `…位置:` label of a few characters (`您的当前位置:`, `您现在所在的位置:`)
    if let Some(at) = crumb.find("位置")
        && crumb[..at].chars().count() <= 6
        && crumb[at + "位置".len()..].starts_with([':', '：'])
    {
        let path = &crumb[at + "位置".len()..];
        return Some(Furniture::Breadcrumb(breadcrumb_segments(
            path.trim_start_matches([':', '：']),
        )));
    }
    if let Some(segs) = unlabelled_breadcrumb(line) {
        return Some(Furniture::Breadcrumb(segs));
    }
    // `庄头镇 工作信息 正文`: the tail of the page's path printed again over the headline
    if !long && let Some((head, "正文")) = line.rsplit_once(char::is_whitespace) {
        let steps: Vec<&str> = head.split_whitespace().collect();
        if (1..=3).contains(&steps.len())
            && steps
                .iter()
                .all(|s| clen(s) <= 10 && !has_sentence_punct(s))
        {
            return Some(Furniture::Line);
        }
    }
    // a legal notice or disclaimer, however long (`…作品，版权均属某某网所有。未经本网书面授权…`)
    if notice_at(line).is_some() {
        return Some(Furniture::Line);
    }
    // `通知公告: ·某某通知 (2024-09-04) ·巡视公告 (2024-06-05)`: a ticker of links, each
    // with its date in brackets
    if dated_links(line) >= 2 {
        return Some(Furniture::Line);
    }
    // one capital letter: an A-Z index of a site switcher
    if n == 1 && folded.len() == 1 && folded.as_bytes()[0].is_ascii_uppercase() {
        return Some(Furniture::Line);
    }
    // `2025-09-13,11938| 2025-09-12,11930| …`: an e-paper's archive of issues, dates and ids
    // with no word of text
    if !line.chars().any(crate::text::is_han) && iso_dates(line) >= 4 {
        return Some(Furniture::Line);
    }
    // `图片29`, `微信图片_2026030309`: an image's file name left where the image was
    if n <= 30
        && let Some(rest) = folded
            .strip_prefix("微信图片")
            .or_else(|| folded.strip_prefix("图片"))
        && !rest.is_empty()
        && rest.bytes().all(|c| c.is_ascii_digit() || c == b'_')
    {
        return Some(Furniture::Line);
    }
    // `3/6`: a slide show's counter
    if n <= 7
        && folded.split_once('/').is_some_and(|(a, b)| {
            !a.is_empty()
                && !b.is_empty()
                && (a.bytes().chain(b.bytes())).all(|c| c.is_ascii_digit())
        })
    {
        return Some(Furniture::Line);
    }
    if !long {
        let first = folded.as_bytes().first();
        if v.list_header.iter().any(|(h, hn)| {
            // Both tests need the first byte to agree: checked inline before any comparison.
            h.as_bytes().first() == first
                && (folded == *h
                    // the label and its colon alone (`相关文章:`)
                    || folded
                        .strip_prefix(h.as_str())
                        .is_some_and(|r| !r.is_empty() && r.chars().all(|c| matches!(c, ':' | '：')))
                    || (folded.starts_with(h.as_str())
                        && n <= hn + 6
                        && !has_sentence_punct(&folded[h.len()..])))
        }) {
            return Some(Furniture::ListHeader);
        }
        // a column's heading with its link to the rest (`新闻最新 更多>`)
        if let Some(head) = ["更多>>", "更多>", "更多»", "更多+"]
            .iter()
            .find_map(|m| folded.strip_suffix(m))
            && (2..=8).contains(&clen(head))
            && !has_sentence_punct(head)
        {
            return Some(Furniture::ListHeader);
        }
        // a disclosure table's label over empty cells (`名称: | |||`, `文号 : |`)
        if let Some(label) = folded
            .strip_suffix('|')
            .map(|f| f.trim_end_matches('|'))
            .and_then(|f| f.strip_suffix([':', '：']))
            && (1..=6).contains(&clen(label))
            && label.chars().all(crate::text::is_han)
        {
            return Some(Furniture::Line);
        }
        // a social post's topic tags alone (`#某某头条#`, `#某某##某某身边事#`)
        if folded.starts_with('#')
            && folded.ends_with('#')
            && folded.matches('#').count() >= 2
            && n <= 40
        {
            return Some(Furniture::Line);
        }
        // a link to the site's mini-site or home (`进入某某新闻网微站`)
        if n <= 20
            && folded.starts_with("进入")
            && ["微站", "官网", "首页", "频道"]
                .iter()
                .any(|e| folded.ends_with(e))
        {
            return Some(Furniture::Line);
        }
        // an app's invitation (`打开ChinaNews阅读`, `打开某某客户端`)
        if n <= 24
            && folded.starts_with("打开")
            && ["阅读", "客户端", "APP", "App", "app"]
                .iter()
                .any(|e| folded.ends_with(e))
        {
            return Some(Furniture::Line);
        }
        if n <= v.exact_max
            && (v.exact.contains(&folded)
                // with its colon (`评论:`)
                || folded
                    .strip_suffix([':', '：'])
                    .is_some_and(|f| !f.is_empty() && v.exact.iter().any(|e| e == f)))
        {
            return Some(Furniture::Line);
        }
        // several page controls on one line (`打印此文 关闭窗口`)
        // (`【返回顶部】【打印此页】【关闭窗口】`: bracketed controls side by side)
        let spaced;
        let line = if line.contains("】【") {
            spaced = line.replace("】【", "】 【");
            spaced.as_str()
        } else {
            line
        };
        if line.contains(char::is_whitespace)
            && line.split_whitespace().all(|w| {
                let w = fold(w);
                v.exact.contains(&w)
                    || v.exact
                        .contains(&w.trim_matches(['[', ']', '【', '】']).to_string())
            })
        {
            return Some(Furniture::Line);
        }
        // a site's logo image (`某某网站logo`) or an image's file name (`0200.png`)
        // (a hash-named file runs longer: `11b7ec0f…315d.jpg`)
        if (n <= 30 || folded.is_ascii() && n <= 64)
            && (folded.ends_with("logo") || folded.ends_with("LOGO") || is_image_file(&folded))
        {
            return Some(Furniture::Line);
        }
        let short_or_unpunctuated = n <= 60 || !full_stop;
        // (`- 标题:`: a table row printed as a list item)
        let unbulleted = folded.trim_start_matches(['-', '•', '·', '*']);
        if short_or_unpunctuated && (v.prefix.starts(unbulleted) || v.contains.occurs_in(&folded)) {
            return Some(Furniture::Line);
        }
        if is_return_link(&folded) || is_epaper_nav(&folded) || is_counter_or_pages(&folded) {
            return Some(Furniture::Line);
        }
    }
    if is_menu(line) || is_link_only(line) {
        return Some(Furniture::Line);
    }
    if let Some(first) = line.chars().next()
        && is_bullet(first)
    {
        let rest = line.trim_start_matches(is_bullet).trim();
        if clen(rest) <= 12 && !has_sentence_punct(rest) {
            return Some(Furniture::Line);
        }
    }
    None
}

/// `首页 > 新闻中心 > 工作动态`: a path from the home page with no 当前位置 label.
fn unlabelled_breadcrumb(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    // `新闻速递 — 基层动态`: two or three column names set apart by a spaced dash, nothing else
    if t.contains(" — ") {
        let steps: Vec<&str> = t.split(" — ").map(str::trim).collect();
        if (2..=3).contains(&steps.len())
            && steps
                .iter()
                .all(|s| (2..=6).contains(&clen(s)) && s.chars().all(crate::text::is_han))
        {
            return Some(steps.iter().map(|s| s.to_string()).collect());
        }
    }
    // `某某网—某某门户网站 门户 城事资讯 某某县 查看内容`: a portal's path (Discuz!) after the
    // site's name, from 门户 to 查看内容
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.last() == Some(&"查看内容")
        && let Some(at) = words.iter().position(|w| *w == "门户")
        && (2..=6).contains(&(words.len() - at))
    {
        return Some(words[at..].iter().map(|w| w.to_string()).collect());
    }
    // (or the site's name heading a path of two steps or more: `重庆某某网 > 新闻>> 要闻`)
    // (or any short head of a path of three steps or more: `某某电视台 > 某某频道 > 资讯 >`)
    let arrows = t.matches(['>', '＞']).count();
    let site_head = arrows >= 1
        && t.split(['>', '＞']).next().is_some_and(|h| {
            let h = h.trim();
            (h.ends_with('网') && clen(h) <= 10 && arrows >= 2)
                // (`某某实践网 > 三下乡`, `新闻频道 > 武汉新闻`: a site's or channel's name
                // over one section)
                || (arrows == 1
                    && (h.ends_with('网') || h.ends_with("频道"))
                    && clen(h) <= 10
                    && t.rsplit(['>', '＞'])
                        .next()
                        .is_some_and(|l| (1..=8).contains(&clen(l.trim()))))
                // (`新浪四川>达州 >正文`: the page's own last step names it a path)
                || (arrows >= 3
                    || t.ends_with(['>', '＞'])
                    || t.rsplit(['>', '＞']).next().is_some_and(|l| {
                        ["正文", "详情", "详细", "内容", "全文"].contains(&l.trim())
                    }))
                    && (2..=10).contains(&clen(h))
                    && arrows >= 2
        });
    if !site_head
        && !["首页", "主页", "网站首页", "Home", "home"]
            .iter()
            .any(|h| t.starts_with(h))
    {
        return None;
    }
    // `首页 → 理论新闻`, `首页 / 科技 / 正文` as well as `首页 > 新闻`
    let slashes = if t.contains("://") {
        0
    } else {
        t.matches('/').count()
    };
    let seps = t.matches(['>', '＞', '»', '›', '→']).count() + slashes;
    if seps < 1 {
        // `首页  信息快递  某某处`: a path whose arrows were icons, the steps set apart by
        // wide gaps
        let steps: Vec<&str> = t
            .split("  ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if (3..=4).contains(&steps.len())
            && steps.iter().all(|s| {
                clen(s) <= 12 && !s.contains(char::is_whitespace) && !has_sentence_punct(s)
            })
        {
            return Some(steps.iter().map(|s| s.to_string()).collect());
        }
        // `首页 某某资讯 某某村:某某活动筑牢屏障`: single spaces, the last step the story's
        // headline (never a sentence)
        // (a dash between two steps is a separator: `首页 - 新闻动态`)
        // (bars between them make a menu: `首页 | 版面导航 | 标题导航`)
        if t.contains(['|', '｜']) {
            return None;
        }
        let words: Vec<&str> = t
            .split_whitespace()
            .filter(|w| !matches!(*w, "-" | "—" | "–"))
            .collect();
        let last = words.last().copied().unwrap_or("");
        // `首页 政府信息公开 … 庄头镇 工作信息正文`: a long path the page's own 正文 ends, glued
        // to the last step or apart
        if (4..=9).contains(&words.len())
            && last.ends_with("正文")
            && words
                .iter()
                .all(|s| clen(s) <= 12 && !has_sentence_punct(s))
        {
            let mut steps: Vec<String> = words.iter().map(|s| s.to_string()).collect();
            if let Some(step) = last.strip_suffix("正文").filter(|s| !s.is_empty()) {
                steps.pop();
                steps.push(step.to_string());
                steps.push("正文".to_string());
            }
            return Some(steps);
        }
        return ((3..=4).contains(&words.len())
            && words[1..words.len() - 1]
                .iter()
                .all(|s| clen(s) <= 8 && !has_sentence_punct(s))
            // (the last step a headline, the page's own `正文`, or a path of three steps:
            // a menu runs on longer, `首页 新闻 政务 服务`)
            && (clen(last) >= 8
                || ["正文", "详情", "详细", "内容", "全文"].contains(&last)
                || words.len() == 3)
            && !last.contains(['。', '！', '？']))
        .then(|| words.iter().map(|s| s.to_string()).collect());
    }
    let segs = breadcrumb_segments(t);
    (segs.len() >= 2 && segs.iter().all(|s| clen(s) <= 16 && !has_sentence_punct(s)))
        .then_some(segs)
}

/// A bare Markdown link or URL line (`[视频](http://…)`, `http://…`).
fn is_link_only(line: &str) -> bool {
    let t = line.trim();
    // `修水网 www.xiushui.Net`: the site's name and address, a footer's signature
    if let Some((name, address)) = t.split_once(char::is_whitespace)
        && let address = address.trim()
        && (address.starts_with("www.") || address.starts_with("http"))
        && !address.contains(char::is_whitespace)
        && (2..=10).contains(&clen(name))
        && name.ends_with(['网', '台', '报'])
    {
        return true;
    }
    if t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.") {
        return !t.contains(' ');
    }
    t.starts_with('[') && t.ends_with(')') && t.contains("](")
}

/// An image's file name on a line of its own (`444444.png`).
fn is_image_file(folded: &str) -> bool {
    folded.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty()
            && stem.chars().all(|c| {
                c.is_ascii_alphanumeric()
                    || crate::text::is_han(c)
                    || matches!(c, '-' | '_' | '(' | ')')
            })
            && ["png", "jpg", "jpeg", "gif", "webp", "bmp"]
                .contains(&ext.to_ascii_lowercase().as_str())
    })
}

/// 返回首页, 返回红网首页 返回永州站首页, 返回顶部 …
fn is_return_link(folded: &str) -> bool {
    folded.starts_with("返回")
        && clen(folded) <= 30
        && ["首页", "顶部", "列表", "目录", "上一页", "主页"]
            .iter()
            .any(|t| folded.contains(t))
}

/// `+1`, `【1】【2】【3】【4】`: a like counter or a page list, numbers and brackets only.
fn is_counter_or_pages(folded: &str) -> bool {
    clen(folded) <= 30
        && folded.chars().any(|c| c.is_ascii_digit())
        && folded.chars().any(|c| !c.is_ascii_digit())
        && folded
            .chars()
            .all(|c| c.is_ascii_digit() || "+【】[]".contains(c))
}

/// 第01版:头版, 第10版 …: e-paper page navigation.
fn is_epaper_nav(folded: &str) -> bool {
    let Some(rest) = folded.strip_prefix('第') else {
        return false;
    };
    // (`第A2版:综合新闻`: a section letter before the page number)
    let rest = rest
        .strip_prefix(|c: char| c.is_ascii_uppercase())
        .unwrap_or(rest);
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && rest[digits..].starts_with('版') && clen(folded) <= 16
}

/// A row of menu items: several short unpunctuated segments separated by `|` or spaces.
fn is_menu(line: &str) -> bool {
    // a labelled menu of places (`乡镇(街道)分站:苏湾镇 某某镇 …`): the list after the label
    // (never a keywords line: `关键词: 疫苗接种 …`)
    let line = match line.split_once([':', '：']) {
        Some((label, rest))
            if clen(label) <= 10
                && rest.split_whitespace().count() >= 5
                && rest
                    .split_whitespace()
                    .filter(|w| w.ends_with(['镇', '乡', '区', '县', '村']) || w.ends_with("街道"))
                    .count()
                    * 2
                    >= rest.split_whitespace().count() =>
        {
            rest
        }
        _ => line,
    };
    if has_sentence_punct(line) && !line.contains('|') {
        return false;
    }
    let by_bar: Vec<&str> = line
        .split(['|', '｜'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if by_bar.len() >= 3
        && by_bar.iter().all(|s| {
            clen(s) <= 8 && !has_sentence_punct(s) && !s.chars().any(|c| c.is_ascii_digit())
        })
    {
        return true;
    }
    // links to other sites (`中国文明网 |红星新闻网 |成都志愿者网 |…服务园 |…报送系统`)
    if by_bar.len() >= 4
        && by_bar
            .iter()
            .all(|s| clen(s) <= 14 && !has_sentence_punct(s))
        && by_bar
            .iter()
            .filter(|s| {
                s.ends_with('网')
                    || ["系统", "平台", "服务园", "网站"]
                        .iter()
                        .any(|e| s.ends_with(e))
            })
            .count()
            * 2
            >= by_bar.len()
    {
        return true;
    }
    // a page's title bar of site keywords (`某某在线_客家祖地_某某故里_某某新闻_…`)
    let by_underscore: Vec<&str> = line.split('_').map(str::trim).collect();
    if by_underscore.len() >= 4
        && by_underscore
            .iter()
            .all(|s| (1..=10).contains(&clen(s)) && !has_sentence_punct(s))
    {
        return true;
    }
    let by_space: Vec<&str> = line.split_whitespace().collect();
    // A credit line (`文/图 本报记者 王芳 通讯员 赵磊`) has short tokens too.
    // (so has a sign-off of reviewers: `初审 某某 复审 某某 终审 某某`)
    const CREDITS: [&str; 15] = [
        "记者",
        "通讯员",
        "编辑",
        "作者",
        "摄影",
        "来源",
        "初审",
        "复审",
        "终审",
        "二审",
        "三审",
        "审核",
        "签发",
        "校对",
        "监制",
    ];
    if CREDITS.iter().any(|w| line.contains(w)) {
        return false;
    }
    by_space.len() >= 5
        && by_space
            .iter()
            .all(|s| clen(s) <= 6 && !has_sentence_punct(s))
}

/// The segments of a breadcrumb path (`首页 > 新闻 > 正文`).
pub fn breadcrumb_segments(path: &str) -> Vec<String> {
    path.split(['>', '＞', '»', '›', '→', '/', '|', '｜', '\\', '-'])
        .flat_map(|s| s.split(" - "))
        // `台州  正文`: the page's own last step printed after a gap, no separator
        .flat_map(|s| {
            let t = s.trim_end();
            // (after one space too when the step is 正文, 详情 or 全文, never a headline's word)
            match t.rsplit_once(char::is_whitespace) {
                Some((head, last))
                    if ["正文", "详细", "详情", "内容", "全文"].contains(&last)
                        && (head.ends_with(char::is_whitespace)
                            || ["正文", "详情", "全文"].contains(&last)) =>
                {
                    vec![head, last]
                }
                _ => vec![s],
            }
        })
        .map(|s| {
            s.trim()
                .trim_matches(|c: char| c == ':' || c == '：')
                .trim()
        })
        .filter(|s| !s.is_empty())
        .enumerate()
        // `首页  学院动态 > …`, `某某局 应急动态 > …`: the first steps set apart by a gap (their
        // arrow an icon); `乡镇社区 乡镇社区`: a step printed twice (its link and its heading)
        .flat_map(|(k, s)| {
            let words: Vec<&str> = s.split_whitespace().collect();
            let short = words
                .iter()
                .all(|w| (2..=10).contains(&clen(w)) && w.chars().all(crate::text::is_han));
            match words[..] {
                [a, b] if short && a == b => vec![a],
                _ if k == 0 && short && (2..=3).contains(&words.len()) => words,
                _ => vec![s],
            }
        })
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        for line in [
            "无障碍浏览 长者模式 打开适老化模式 政府信箱 加入收藏 x",
            "涉未成年人专用投诉举报专区",
            "网络内容从业人员违法违规行为专用举报渠道",
            "投稿邮箱  返回首页  加入收藏关于我们",
            "APP下载",
            "某某镇 工作信息 正文",
            "某某在线_客家祖地_某某故里_某某新闻_某某新闻中心",
            "主题词:某某镇大力推进某某村",
            "(如果您有新闻线索,欢迎向我们报料,一经采纳有费用酬谢。报料微信:abc,报料QQ:123。)",
            "阅读下一篇",
            "返回红网首页 返回永州站首页",
            "  • 冷水滩",
            "信息时报社 版权所有(C) 粤ICP备14002173号-1 爆料电话:020-34323111",
            "网上有害信息举报专区",
            "【打印正文】",
            "分享到:",
            "浏览次数:3244",
            "首页 | 版面导航 | 标题导航",
            "第01版:头版",
            "[视频](https://tv.cctv.com/2022/11/01/VIDE.shtml)",
            "+1",
            "【1】【2】【3】【4】",
            "图集",
            "点击进入专题：聚焦香港局势",
            "视频-陈同佳出狱鞠躬说“对不起”",
            "此前报道：港媒曝陈同佳出狱前首受访称“对不起香港人”",
            "3 上一篇  下一篇 4",
            "公安备案号:32010202010067",
            "我要说两句",
            "相关文件:",
            "用户登录",
            "站点切换",
            "K",
            "- 标题: 牡丹镇:志愿者筑牢防汛屏障",
            "打开看东山APP获得更多精彩资讯",
            "您访问的链接即将离开“东山镇人民政府”门户网站 是否继续?",
            "您当前使用的浏览器版本过低,可能导致部分功能不能正常使用。",
            "现在升级 稍后再说",
            "微信关注",
            "第A2版:综合新闻",
            "3/6",
            "11b7ec0ff6fc4f24a9f04bae8edb315d.jpg",
            "~~~12月12日起实施",
            "请升级浏览器版本",
            "个人中心",
            "中国文明网 |红星新闻网 |东山志愿者网 |东山公益组织服务园 |东山文明城市材料报送系统",
            "展开通版",
            "文章字数:516",
            "来说两句吧。。。",
            "订报热线:010-68289071",
            "- 查看全部{{ item.replyCount }}条回复> 查看更多回复>",
            "Powered By 东山农业信息网",
            "  文章搜索:",
            "本文已被浏览过:",
            "东山日报社主管主办 国内统一刊号: CN45-0020 爆料热线:15877281116",
            "糟糕!链接失效了。",
            "郑重声明:部分文章来源于网络,仅作为参考,如果网站中图片和文字侵犯了您的版权,请联系我们处理!",
            "2020-09-10 王某某 1 1 东山日报 content_55104.html /enpproperty-->",
            "某某区融媒体中心出版 刊号:(渝)2019526 本报热线:87339716 广告热线:87338686",
            "浏览:215|评论:0",
            "返回栏目[责任编辑:某某新闻网]",
            "举报此信息",
            "进入某某新闻网微站",
            "图片29",
            "字体调节: A+ A- 操作:",
            "2025-09-13,11938| 2025-09-12,11930| 2025-09-11,11918| 2025-09-10,11910|",
            "您的IE浏览器版本太低,请升级至IE8及以上版本或安装webkit内核浏览器。",
            "微信图片_2026030309",
            "每日关注",
            "未经授权严禁转载。经授权后,转载须注明来源、原标题、著作者名,不得变更核心内容。",
        ] {
            assert_eq!(classify(line), Some(Furniture::Line), "{line}");
        }
        assert_eq!(classify("猜你喜欢"), Some(Furniture::ListHeader));
        // a column's heading and its link; an app's invitation; attachment slots
        assert_eq!(classify("新闻最新 更多>"), Some(Furniture::ListHeader));
        assert_eq!(classify("打开ChinaNews阅读"), Some(Furniture::Line));
        assert_eq!(classify("相关文档:"), Some(Furniture::ListHeader));
        assert_eq!(classify("阅读"), Some(Furniture::Line));
        assert_eq!(classify("打开心扉，共话成长。"), None);
        // a disclosure table's label over empty cells; a link to the site's mini-site; a
        // reposting site's long disclaimer
        assert_eq!(classify("名称: | |||"), Some(Furniture::Line));
        assert_eq!(classify("文号 : |"), Some(Furniture::Line));
        assert_eq!(classify("进入某某新闻网微站"), Some(Furniture::Line));
        // a post's topic tags; a comment box; a paper's reposting ban
        assert_eq!(
            classify("#某某##某某身边事##天水身边事#"),
            Some(Furniture::Line)
        );
        assert!(classify("评论:(内容不能超过500字。)").is_some());
        assert!(classify("版权声明:凡某某日报、某某新闻网刊载及发布的各类稿件,未经书面授权,任何媒体、网站或自媒不得转载发布。").is_some());
        assert_eq!(classify("崇明首个微站“消防志愿服务站”成立"), None);
        assert!(classify("免责声明:除来源有署名为特定的作者稿件外,本文为某某网编辑或转载稿件,内容与相关报社等媒体无关。其原创性以及文中陈述文字和内容未经本站证实,对本文以及其中全部或者部分内容本站不作任何保证或承诺,请读者仅作参考,并请自行核实相关内容。").is_some());
        assert_eq!(classify("相关链接"), Some(Furniture::ListHeader));
    }

    #[test]
    fn bracketed_entries_are_entries_not_sections() {
        // `[关闭窗口]` once read as a section heading and silently dropped the entries after it.
        for line in ["[关闭窗口]", "[打印本页]", "【我要打印】", "视力保护色"] {
            assert_eq!(classify(line), Some(Furniture::Line), "{line}");
        }
        let mut section = None;
        for line in include_str!("../../data/furniture.txt")
            .lines()
            .map(str::trim)
        {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if SECTIONS.contains(&line) {
                section = Some(line);
            } else {
                assert!(section.is_some(), "entry {line:?} before any section");
            }
        }
    }

    #[test]
    fn body_lines_are_not_furniture() {
        for line in [
            "返回岗位后,他继续坚守在一线。",
            "“这个我负责!”",
            "常菁菁 焦超超",
            "桃花正艳 授粉正忙",
            "党员突击队。",
            "……",
            "2019",
            "此前报道称，该案已进入审理阶段。",
            "我国牵头制定的首个适老化数字经济国际标准发布",
        ] {
            assert_eq!(classify(line), None, "{line}");
        }
    }

    #[test]
    fn bracketed_controls_side_by_side_are_furniture() {
        assert_eq!(
            classify("【返回顶部】【打印此页】【关闭窗口】"),
            Some(Furniture::Line)
        );
        assert_eq!(classify("【某某社区】【志愿服务】开展清洁家园活动"), None);
    }

    #[test]
    fn a_ticker_of_dated_links_is_furniture() {
        let line = "通知公告: ·某某〔2024〕13号关于推荐执委候选人的通知 (2024-09-04)  ·巡视公告 (2024-06-05)";
        assert_eq!(classify(line), Some(Furniture::Line));
        // one date in brackets in a sentence stays text
        assert_eq!(
            classify("会议通过了该办法(2024-09-04)，自公布之日起施行，共有三十条。"),
            None
        );
    }

    #[test]
    fn legal_notices_however_long_and_site_paths_without_a_label() {
        let notice = "·凡注明来源为“东山网”的所有文字、图片、音视频、美术设计等作品，版权均属东山网所有。未经本网书面授权，不得进行一切形式的下载、转载或建立镜像。";
        assert_eq!(classify(notice), Some(Furniture::Line));
        assert_eq!(
            classify("本文为作者在某某号上传并发布，仅代表该作者或机构观点，不代表本网观点。"),
            Some(Furniture::Line)
        );
        assert_eq!(classify("您是第: 位访客"), Some(Furniture::Line));
        // a path whose arrows were icons, steps set apart by wide gaps; an image's file name
        assert_eq!(
            classify("首页  信息快递  离退休工作处"),
            Some(Furniture::Breadcrumb(vec![
                "首页".to_string(),
                "信息快递".to_string(),
                "离退休工作处".to_string()
            ]))
        );
        assert_eq!(classify("首页 新闻 政务 服务"), None);
        // single spaces and the story's headline as the last step
        assert!(matches!(
            classify("首页 某某资讯 某某村:大学生志愿者当好“三员”筑牢防溺水屏障"),
            Some(Furniture::Breadcrumb(segs)) if segs.len() == 3
        ));
        assert_eq!(classify("图片1(1).png"), Some(Furniture::Line));
        assert!(matches!(
            classify("• 当前所在:首页 > 专题报道"),
            Some(Furniture::Breadcrumb(_))
        ));
        assert_eq!(classify("已有0人发表了评论"), Some(Furniture::Line));
        assert_eq!(classify("东山网 www.dongshan.Net"), Some(Furniture::Line));
        assert_eq!(classify("文章不错,点个赞再走呗!"), Some(Furniture::Line));
        assert_eq!(
            classify("欢迎访问东山政法网 今天是 2024年10月23日 星期三"),
            Some(Furniture::Line)
        );
        assert_eq!(classify("相关热词搜索:维稳"), Some(Furniture::Line));
        assert_eq!(classify("星期一"), Some(Furniture::Line));
        assert_eq!(
            classify(
                "凡本网注明“来源:东山信息港”的所有作品,均为东山信息港合法拥有版权或有权使用的作品。"
            ),
            Some(Furniture::Line)
        );
        assert_eq!(
            classify("东山新闻,讲述家乡的故事。有观点、有态度,接地气的实时新闻。"),
            Some(Furniture::Line)
        );
        assert_eq!(classify("当前时间"), Some(Furniture::Line));
        assert_eq!(
            classify("联系我时,请说是在《某某》网站看到的,谢谢!"),
            Some(Furniture::Line)
        );
        assert_eq!(classify("抱歉，评论功能暂时关闭！"), Some(Furniture::Line));
        // a body sentence about visitors is no counter
        assert_eq!(classify("景区国庆期间共接待300位访客。"), None);
        assert_eq!(
            classify("东山网络电视台 > 公益频道 > 公益资讯 >"),
            Some(Furniture::Breadcrumb(vec![
                "东山网络电视台".to_string(),
                "公益频道".to_string(),
                "公益资讯".to_string()
            ]))
        );
        assert_eq!(
            classify("您当前的位置 : 东山在线  >  城市频道 > 本地 > 台州  正文"),
            Some(Furniture::Breadcrumb(
                ["东山在线", "城市频道", "本地", "台州", "正文"]
                    .map(String::from)
                    .to_vec()
            ))
        );
        assert_eq!(
            classify("东川新闻>达州 >正文"),
            Some(Furniture::Breadcrumb(
                ["东川新闻", "达州", "正文"].map(String::from).to_vec()
            ))
        );
        assert_eq!(
            classify("大学生实践网 > 三下乡"),
            Some(Furniture::Breadcrumb(
                ["大学生实践网", "三下乡"].map(String::from).to_vec()
            ))
        );
        // one arrow in a headline is no path
        assert_eq!(classify("从田间到餐桌 > 一条新路"), None);
    }

    #[test]
    fn breadcrumbs_printed_with_their_label_twice_or_a_long_path_to_the_text() {
        assert_eq!(
            classify("您当前的位置 : 您当前的位置 :某某频道 > 县市区动态 正文"),
            Some(Furniture::Breadcrumb(vec![
                "某某频道".to_string(),
                "县市区动态".to_string(),
                "正文".to_string()
            ]))
        );
        let Some(Furniture::Breadcrumb(segs)) =
            classify("首页 政府信息公开 法定主动公开内容 组织机构 各镇(街道) 某某镇 工作信息正文")
        else {
            panic!("no breadcrumb");
        };
        assert_eq!(segs.len(), 8, "{segs:?}");
        assert_eq!(segs[6..], ["工作信息".to_string(), "正文".to_string()]);
    }

    #[test]
    fn a_portals_path_from_its_portal_to_the_page() {
        assert_eq!(
            unlabelled_breadcrumb(
                "某某城事网—某某最具影响力门户网站 门户 城事资讯 某某县 查看内容"
            ),
            Some(vec![
                "门户".to_string(),
                "城事资讯".to_string(),
                "某某县".to_string(),
                "查看内容".to_string()
            ])
        );
    }

    #[test]
    fn column_names_set_apart_by_a_spaced_dash_are_a_path() {
        assert_eq!(
            classify("新闻速递 — 基层动态"),
            Some(Furniture::Breadcrumb(vec![
                "新闻速递".into(),
                "基层动态".into()
            ]))
        );
        // (a headline with a dash is no path)
        assert_eq!(classify("春运路上 — 志愿者温暖回家路"), None);
    }

    #[test]
    fn breadcrumb_steps_set_apart_by_a_gap_or_printed_twice() {
        assert_eq!(
            classify("当前位置:首页  学院动态"),
            Some(Furniture::Breadcrumb(vec![
                "首页".into(),
                "学院动态".into()
            ]))
        );
        assert_eq!(
            classify("您当前的位置:某某市应急管理局 应急动态 > 市县动态 > 正文内容"),
            Some(Furniture::Breadcrumb(vec![
                "某某市应急管理局".into(),
                "应急动态".into(),
                "市县动态".into(),
                "正文内容".into()
            ]))
        );
        assert_eq!(
            classify("您的位置:首页 > 乡镇社区 乡镇社区"),
            Some(Furniture::Breadcrumb(vec![
                "首页".into(),
                "乡镇社区".into()
            ]))
        );
        // (a headline's words after the first step stay one step)
        let Some(Furniture::Breadcrumb(segs)) =
            classify("当前位置:首页 > 某某镇 召开春季森林防火工作会")
        else {
            panic!("a breadcrumb");
        };
        assert_eq!(segs.len(), 2, "{segs:?}");
    }

    #[test]
    fn breadcrumbs() {
        assert_eq!(
            classify("当前位置: 首页 > 微社区e家通 > 海珠区 > 素社街 > 正文"),
            Some(Furniture::Breadcrumb(vec![
                "首页".into(),
                "微社区e家通".into(),
                "海珠区".into(),
                "素社街".into(),
                "正文".into()
            ]))
        );
        assert_eq!(classify("当前位置:"), Some(Furniture::Breadcrumb(vec![])));
        assert_eq!(
            classify("首页 > 党建动态 > 正文"),
            Some(Furniture::Breadcrumb(vec![
                "首页".into(),
                "党建动态".into(),
                "正文".into()
            ]))
        );
        assert_eq!(
            classify("您的位置：首页 » 新闻"),
            Some(Furniture::Breadcrumb(vec!["首页".into(), "新闻".into()]))
        );
        assert_eq!(
            classify("首页 → 理论新闻"),
            Some(Furniture::Breadcrumb(vec![
                "首页".into(),
                "理论新闻".into()
            ]))
        );
        assert_eq!(
            classify("首页 / 科技 / 正文"),
            Some(Furniture::Breadcrumb(vec![
                "首页".into(),
                "科技".into(),
                "正文".into()
            ]))
        );
    }
}
