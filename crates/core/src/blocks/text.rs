//! Plain-text pages to blocks: one line each, Markdown headings recognised, inline HTML
//! reduced to its text. A private-use character (U+E000–U+F8FF: no reader sees one; some
//! scrapes, SogouCS among them, mark paragraphs with one) breaks the line.

use super::block::{Block, BlockKind};

/// Lines of a plain-text page. Markdown headings become [`BlockKind::TextHeading`]; lines
/// carrying inline HTML (`<p>…</p>` in Markdown) are reduced to their text.
pub fn to_blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    for line in text
        .split(['\n', '\r'])
        .flat_map(|l| l.split(is_private_use))
        .flat_map(without_glued_notice)
    {
        let l = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        // `• 为切实维护…`: a list bullet before a paragraph of text is no part of it
        let l = match l.strip_prefix(['•', '●']) {
            Some(rest)
                if rest.starts_with(char::is_whitespace)
                    && rest.trim().chars().nth(20).is_some() =>
            {
                rest.trim_start()
            }
            _ => l,
        };
        if l.is_empty() {
            continue;
        }
        let hashes = l.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&hashes) && l[hashes..].starts_with(' ') {
            let title = l[hashes..].trim();
            if !title.is_empty() {
                out.push(Block {
                    text: title.to_string(),
                    kind: BlockKind::TextHeading(hashes as u8),
                });
            }
            continue;
        }
        if has_inline_html(l) {
            for t in super::html::fragment_lines(l) {
                out.push(Block {
                    text: t,
                    kind: BlockKind::Line,
                });
            }
            continue;
        }
        // Related headlines a portal set after the story behind a wide gap go.
        let l = without_related_tail(l);
        // `![]() 某某开展护河活动。 红网时刻3月22日讯(记者 …)…`: a picture's markup and its caption
        // glued before the dateline that opens the story: the caption is its own line.
        if let Some((caption, story)) = caption_before_dateline(l) {
            for t in [caption, story] {
                out.push(Block {
                    text: t.to_string(),
                    kind: BlockKind::Line,
                });
            }
            continue;
        }
        // A headline glued to the dateline of the story under it (a scrape that lost the line
        // break): two lines.
        // (a scrape's table bars, bullets, page controls or a word of a menu before the
        // first line are no text yet)
        let nothing_yet = out.iter().all(|b: &Block| {
            !b.text.chars().any(char::is_alphanumeric)
                || b.text.chars().nth(4).is_none()
                || crate::lines::furniture::classify(&b.text).is_some()
        });
        if let Some(parts) = if out.is_empty() {
            headline_glued_to_its_time(l).or_else(|| glued_headline(l))
        } else if nothing_yet {
            headline_glued_to_its_time(l)
        } else if out.len() <= 2 {
            // a subtitle glued to the dateline under the headline
            glued_subtitle(l)
        } else {
            None
        } {
            for t in parts {
                // (the story after a headline and its time may open with a picture's caption)
                match caption_before_dateline(t) {
                    Some((caption, story)) => {
                        for t in [caption, story] {
                            out.push(Block {
                                text: t.to_string(),
                                kind: BlockKind::Line,
                            });
                        }
                    }
                    None => out.push(Block {
                        text: t.to_string(),
                        kind: BlockKind::Line,
                    }),
                }
            }
            continue;
        }
        // `从忧“薪”到暖心——` / `法律援助中心为农民工成功维权`: a headline whose dash ran it
        // on to the next line, near the top of the page
        if out.len() < 12
            && let Some(prev) = out.last_mut()
            && prev.text.ends_with('—')
            && headline_like(prev.text.trim_end_matches('—'), 30)
            // (a slogan of two phrases over the headline is its kicker: `人人是窗口,个个是形象——`)
            && !prev.text.contains(['，', ','])
            && headline_like(l, 40)
            && !l.contains(['，', ','])
        {
            prev.text.push_str(l);
            continue;
        }
        out.push(Block {
            text: l.to_string(),
            kind: BlockKind::Line,
        });
    }
    drop_page_title_over_its_headline(&mut out);
    out
}

/// `某某活动--某某妇女联合会` over `某某活动`: the page's `<title>` (the headline and the
/// site's name) printed above the headline itself is not the article's; it goes.
fn drop_page_title_over_its_headline(out: &mut Vec<Block>) {
    let Some(at) = out.iter().take(6).enumerate().position(|(k, b)| {
        out.get(k + 1).is_some_and(|next| {
            ["--", "_", " - ", " | ", "｜"].iter().any(|sep| {
                b.text.split_once(sep).is_some_and(|(head, site)| {
                    head.trim() == next.text.trim()
                        && head.chars().count() >= 6
                        && (2..=20).contains(&site.trim().chars().count())
                })
            })
        })
    }) else {
        return;
    };
    out.remove(at);
}

/// A line with a site's legal notice glued after the story (`…人人争做“民间河长”。 免责声明:
/// 本文版权归原作者所有…`): the story and the notice, two lines; any other line whole.
fn without_glued_notice(line: &str) -> Vec<&str> {
    match crate::lines::furniture::glued_notice_at(line) {
        Some(at) => vec![&line[..at], &line[at..]],
        None => vec![line],
    }
}

/// A line opening with a picture's Markdown (`![alt](src)`), its caption, then the story's
/// dateline: the caption (without the markup) and the story.
///
/// Or, without markup, a caption signed by its photographer (`某某活动现场。任某 摄 某某网邢台
/// 3月16日电(…)…`).
fn caption_before_dateline(line: &str) -> Option<(&str, &str)> {
    let after = match line.strip_prefix("![") {
        Some(rest) => {
            let close = rest.find("](")?;
            let end = rest[close..].find(')')?;
            rest[close + end + 1..].trim_start()
        }
        None => line,
    };
    let at = crate::lines::meta::glued_dateline_at(after)?;
    let caption = after[..at].trim();
    let signed = caption
        .strip_suffix('摄')
        .and_then(|c| c.rsplit_once('。'))
        .is_some_and(|(_, name)| {
            let name = name.trim();
            (2..=4).contains(&name.chars().count()) && name.chars().all(crate::text::is_han)
        });
    (caption.chars().count() <= 80
        && (caption.ends_with(['。', '！']) && after.len() < line.len() || signed))
        .then(|| (caption, after[at..].trim()))
}

/// `某某开展巡河工作发表时间:2023-06-09 15:39 6月8日下午，…`: a headline, its labelled
/// publish time and the story, all on the first line: three lines.
fn headline_glued_to_its_time(line: &str) -> Option<Vec<&str>> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    #[allow(clippy::unwrap_used)] // a literal pattern
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"(?:发布时间|发表时间|发布日期|更新时间|时间|日期)[:：]\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?",
        )
        .unwrap()
    });
    line.chars().nth(60)?;
    let m = re.find(line)?;
    let headline = line[..m.start()].trim();
    let story = line[m.end()..].trim();
    (headline_like(headline, 50)
        && !headline.contains(['，', ',', '；', ';', ':', '：'])
        && story.chars().nth(30).is_some())
    .then(|| vec![headline, &line[m.start()..m.end()], story])
}

/// The headline and the story of a first line that glues them at a dateline
/// (`胡锦涛等会见…代表(组图)新华网北京7月3日电(记者…) …`): the headline has six to fifty
/// characters and no full stop.
///
/// Decks glued after the headline behind a box mark (`…出售(组图)□农民埋怨：…□官员表态：…`)
/// are cut off the same way, each its own line.
fn glued_headline(line: &str) -> Option<Vec<&str>> {
    // a line of forty characters or more
    line.chars().nth(40)?;
    // (a line a dateline opens is the story's first paragraph already: `某某新闻在线讯(通讯员
    // 某某)10月16日--11月20日,…`)
    // (never a headline glued to `本报讯`, which the reading takes in: `…跨五环本报讯`)
    if crate::lines::meta::dateline_outlet(line)
        .is_some_and(|o| o.chars().count() <= 10 && !o.contains("本报"))
    {
        return None;
    }
    let headline_ok = |h: &str| headline_like(h, 50);
    if let Some(mut at) = crate::lines::meta::glued_dateline_at(line) {
        // `…涉毒据新华社电`, `…建设综合新华社电`: the 据 or 综合 belongs to the dateline
        if let Some(head) = line[..at]
            .strip_suffix('据')
            .or_else(|| line[..at].strip_suffix("综合"))
        {
            at = head.len();
        }
        // `…由银行监管□晚报记者 刘某 通讯员 王某本报讯`: a credit line behind a box mark
        let mut parts = box_parts(&line[..at]);
        if parts.first().is_some_and(|h| headline_ok(h)) {
            // later stories on the same line, each at its own dateline
            let story = &line[at..];
            let mut from = 0;
            for next in crate::lines::meta::later_datelines(story) {
                parts.push(story[from..next].trim());
                from = next;
            }
            parts.push(story[from..].trim());
            return Some(parts);
        }
    }
    if let Some(at) = line.find('□')
        && headline_ok(line[..at].trim())
    {
        return Some(box_parts(line));
    }
    // A whole story on one line with its headline glued on and no dateline: the story opens
    // with a date (`…政策性住房4.1万套11月28日，记者从市住保办获悉…`) or with the headline's
    // own subject again (`回良玉推动…上新台阶回良玉在全国扶…`).
    line.chars().nth(80)?;
    if let Some(parts) = repeated_document_title(line) {
        return Some(parts);
    }
    let at = story_start(line)?;
    let headline = line[..at].trim();
    // a question or an exclamation may stand inside a headline (如何补救？尽快联络…)
    let unstopped = headline.trim_end_matches(['？', '！', '?', '!']);
    let question_inside = unstopped.contains(['？', '！', '?', '!'])
        && headline_like(&unstopped.replace(['？', '！', '?', '!'], "，"), 50);
    // `中国教育在线讯 12月17日，…`, `新疆民生网(齐某某)2018年…`: a dateline, not a headline
    // (`某某融媒(记者 某某)7月27日，…`: a labelled credit after the outlet; `某某网6月10日讯 据
    // 某某网报道 5月30日，…`: a dateline retelling another outlet's report)
    let dateline = headline.ends_with(['讯', '电'])
        || (headline.ends_with("报道") && headline.contains(['讯', '电']))
        || headline
            .strip_suffix([')', '）'])
            .and_then(|h| h.rsplit_once(['(', '（']))
            .is_some_and(|(outlet, names)| {
                // (`某某网消息(通讯员 某某 记者 某某)`: the outlet's 消息 is its dateline)
                let outlet = outlet.trim();
                let outlet = outlet.strip_suffix("消息").unwrap_or(outlet);
                // (`某某网北京8月9日电(记者 某某 通讯员 某某)`: a dateline, then its credits,
                // labelled or bare: `某某网泸州2月28日讯(丁某)`)
                let filed =
                    outlet.ends_with(['讯', '电']) && outlet.chars().any(|c| c.is_ascii_digit());
                (filed
                    || crate::lines::byline::is_outlet_name(outlet)
                    || (2..=10).contains(&outlet.chars().count())
                        && outlet.chars().all(crate::text::is_han)
                        && names.contains("记者"))
                    && (crate::lines::byline::parse_names(names).is_some()
                        || crate::lines::byline::parse_meta_line(names, false)
                            .is_some_and(|m| !m.bylines.is_empty()))
            });
    ((headline_ok(headline) || question_inside)
        && !dateline
        && !headline.contains(['，', ',', '；', ';']))
    .then(|| vec![headline, line[at..].trim()])
}

/// `line` without the related headlines a portal glued after the story behind a gap of
/// spaces (`…打好更好的基础。    香港迪斯尼将建3个全球独有主题园区`, `…(厦门日报)    据成都商报台湾
/// 媒体称…`): after the gap no sentence ends, before it the story's last sentence or credit does.
fn without_related_tail(line: &str) -> &str {
    without_glued_related_headlines(without_gapped_related_headlines(line))
}

/// The headlines behind a gap of spaces, for [`without_related_tail`].
fn without_gapped_related_headlines(line: &str) -> &str {
    // the story before the gap has eighty characters or more: shorter lines are left at once
    if line.chars().nth(80).is_none() {
        return line;
    }
    // the last gap (paragraphs of the story may be set apart by gaps too): three or more
    // spaces of any kind, or two ideographic ones
    let mut gap = None;
    let mut run: Option<(usize, usize, bool)> = None;
    for (at, c) in line.char_indices() {
        if c.is_whitespace() {
            let (start, n, wide) = run.unwrap_or((at, 0, false));
            run = Some((start, n + 1, wide || c == '\u{3000}'));
        } else {
            if let Some((start, n, wide)) = run.take()
                && (n >= 3 || (wide && n >= 2))
            {
                gap = Some((start, at));
            }
        }
    }
    let Some((gap, after_at)) = gap else {
        return line;
    };
    let after = &line[after_at..];
    let before = line[..gap].trim_end();
    let ends_story = before.ends_with(['。', '！', '？', '”'])
        || (before.ends_with([')', '）']) && before.contains(['。', '！', '？']));
    if before.chars().nth(80).is_some()
        && ends_story
        && !after.is_empty()
        && after.chars().nth(150).is_none()
        && !after.contains(['。', '！', '？', '!', '?'])
    {
        before
    } else {
        line
    }
}

/// Labels of a related-reading list a portal glued after the story (`…提供了平台。相关阅读：…`).
const RELATED_LABELS: &[&str] = &[
    "相关阅读",
    "相关新闻",
    "延伸阅读",
    "相关链接",
    "推荐阅读",
    "相关报道",
    "更多阅读",
];

/// `line` without the related headlines glued straight after the story's last sentence of a
/// whole story on one line (two hundred characters or more): a related-reading label and what
/// follows it when no sentence ends after it, or a run of headlines with no punctuation at all
/// (`…以发展中国家一员的身份来参会。胡锦涛与意大利总理贝卢斯科尼会谈胡锦涛同意大利总统举行会谈`).
fn without_glued_related_headlines(line: &str) -> &str {
    if line.chars().nth(200).is_none() {
        return line;
    }
    let stops = ['。', '！', '？'];
    for label in RELATED_LABELS {
        if let Some(at) = line.rfind(label)
            && line[..at].ends_with(stops)
            && line[at + label.len()..].starts_with(['：', ':'])
            && !line[at..].contains(stops)
        {
            return &line[..at];
        }
    }
    let Some(end) = line.rfind(stops) else {
        return line;
    };
    let mut end = end + '。'.len_utf8();
    // a quotation the story ends on closes after the stop (…取得进步。”)
    if line[end..].starts_with('”') {
        end += '”'.len_utf8();
    }
    let tail = &line[end..];
    // headlines: words, numbers, spaces and their photo or transcript tags ((图), (实录)),
    // no sentence punctuation
    // (a bracketed credit after the last sentence, (厦门日报), is the credit reader's)
    let headlines = tail.chars().count() >= 12
        && !tail.starts_with(['(', '（'])
        && tail.chars().all(|c| {
            crate::text::is_han(c)
                || c.is_alphanumeric()
                || c.is_whitespace()
                || matches!(c, '(' | ')' | '（' | '）' | '%' | '.')
        })
        && tail.chars().filter(|c| crate::text::is_han(*c)).count() >= 10
        && !["记者", "通讯员", "编辑", "来源", "摄", "供稿"]
            .iter()
            .any(|w| tail.contains(w));
    if headlines { &line[..end] } else { line }
}

/// A document printed with its title twice, the issuer's name only in the first
/// (`财政部关于…的意见关于…的意见财预〔2009〕78号各省、…`): the headline, the title again and
/// the document number each their own line, then the text.
fn repeated_document_title(line: &str) -> Option<Vec<&str>> {
    let ends: Vec<usize> = line
        .char_indices()
        .map(|(i, _)| i)
        .skip(8)
        .take(43)
        .collect();
    for &p in &ends {
        let head = &line[..p];
        if !headline_like(head, 50) || head.contains(['，', ',', '；', ';']) {
            continue;
        }
        // the repeat is the head, or the head without the issuer's name (three to eight
        // characters before 关于), eight characters or more
        let Some(repeat) = [Some(head), head.find("关于").map(|k| &head[k..])]
            .into_iter()
            .flatten()
            .filter(|r| r.chars().count() >= 8)
            .find(|r| line[p..].starts_with(r))
        else {
            continue;
        };
        let after = p + repeat.len();
        let mut parts = vec![head, repeat];
        let number = document_number(&line[after..]).map_or(0, |n| {
            parts.push(&line[after..after + n]);
            n
        });
        let rest = line[after + number..].trim();
        if rest.is_empty() {
            return None;
        }
        parts.push(rest);
        return Some(parts);
    }
    None
}

/// The length in bytes of a document number opening `s` (`财预〔2009〕78号`, `国发[2010]3号`):
/// one to four characters, the year in brackets, a number and 号.
fn document_number(s: &str) -> Option<usize> {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    #[allow(clippy::unwrap_used)]
    let re =
        RE.get_or_init(|| regex::Regex::new(r"^\p{Han}{1,4}[〔\[［]\d{4}[〕\]］]\d+号").unwrap());
    re.find(s).map(|m| m.end())
}

/// A subtitle glued to the dateline of the story (`回良玉…强调…上新台阶新华网西宁7月10日电 全国…`)
/// on one of the lines under the headline: two lines.
fn glued_subtitle(line: &str) -> Option<Vec<&str>> {
    line.chars().nth(40)?;
    let at = crate::lines::meta::glued_dateline_at(line)?;
    let subtitle = line[..at].trim();
    // (`第1眼TV-华龙网讯`: a channel joined to its outlet by a hyphen is the dateline's own)
    (headline_like(subtitle, 60) && !subtitle.ends_with(['-', '－', '·']))
        .then(|| vec![subtitle, line[at..].trim()])
}

/// Six to `max` characters and no full stop: a headline, subtitle or deck.
fn headline_like(s: &str, max: usize) -> bool {
    (6..=max).contains(&s.chars().count()) && !s.contains(['。', '！', '？', '!', '?'])
}

/// The pieces of `s` between box marks (`标题□副题□…`), trimmed, empty ones left out.
fn box_parts(s: &str) -> Vec<&str> {
    s.split('□')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Where a story glued after its headline starts, within the first fifty characters: a date
/// and a comma opening it, or the headline's first three characters repeated with an act after
/// them.
fn story_start(line: &str) -> Option<usize> {
    let idx: Vec<(usize, char)> = line.char_indices().take(52).collect();
    let is_num = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    // a date: 11月28日， (not inside 2009年6月1日)
    for (k, &(at, c)) in idx.iter().enumerate().skip(6) {
        if !is_num(c) || idx.get(k - 1).is_some_and(|&(_, p)| is_num(p) || p == '年') {
            continue;
        }
        let rest = &line[at..];
        let month_len = rest.chars().take_while(|&c| is_num(c)).count();
        let after_month: String = rest.chars().skip(month_len).take(6).collect();
        if (1..=2).contains(&month_len) && after_month.starts_with('月') {
            let day_len = after_month
                .chars()
                .skip(1)
                .take_while(|&c| is_num(c))
                .count();
            let tail: String = after_month.chars().skip(1 + day_len).take(2).collect();
            if (1..=3).contains(&day_len) && (tail == "日，" || tail == "日,") {
                return Some(at);
            }
        }
    }
    // a photo mark closes the headline: …独自游美国20天(图)怀揣着…
    for mark in ["(图)", "（图）", "(组图)", "（组图）", "(附图)", "（附图）"] {
        if let Some(at) = line.find(mark)
            && line[..at].chars().count() >= 6
            && line[..at].chars().count() <= 50
        {
            return Some(at + mark.len());
        }
    }
    // a common opening of a story with its comma: …新网站最近，… / …日前，…
    const OPENERS: &[&str] = &[
        "近日，",
        "日前，",
        "最近，",
        "目前，",
        "近期，",
        "今年以来，",
        "近年来，",
        "日前,",
        "近日,",
        "最近,",
    ];
    if let Some(&(at, _)) = idx
        .iter()
        .skip(6)
        .find(|&&(at, _)| OPENERS.iter().any(|o| line[at..].starts_with(o)))
    {
        return Some(at);
    }
    // a source the story retells: …签证新网站据美国国务院消息，
    if let Some(&(at, _)) = idx.iter().skip(6).find(|&&(at, _)| {
        line[at..].starts_with('据')
            && line[at..].char_indices().take(16).any(|(k, _)| {
                let rest = &line[at + k..];
                (rest.starts_with("消息") || rest.starts_with("报道"))
                    && rest[6..].starts_with(['，', ','])
            })
    }) {
        return Some(at);
    }
    // an outlet's reporter credited glued to the headline: …不干涉别国内政环球时报记者段聪聪报道，
    static CREDIT: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    #[allow(clippy::unwrap_used)]
    let credit =
        CREDIT.get_or_init(|| regex::Regex::new(r"记者\s?\p{Han}{2,4}\s?报道[，,]").unwrap());
    let head_end = idx.last().map_or(0, |&(at, c)| at + c.len_utf8());
    if let Some(m) = credit.find(&line[..head_end])
        && let Some(outlet) = crate::lines::meta::known_outlet_ending(&line[..m.start()])
        && let at = m.start() - outlet.len()
        && line[..at].chars().count() >= 6
    {
        return Some(at);
    }
    // a retold report: …使馆呼吁自我保护据英国《华商报》报道，
    if let Some(&(at, _)) = idx.iter().skip(6).find(|&&(at, _)| {
        line[at..].starts_with('据') && crate::lines::meta::dateline_outlet(&line[at..]).is_some()
    }) {
        return Some(at);
    }
    // the paper's own credit: …首个宣布参选特首本报驻香港特约记者 凌德澳门…
    if let Some(&(at, _)) = idx.iter().skip(6).find(|&&(at, _)| {
        let rest = &line[at..];
        let head: String = rest.chars().take(10).collect();
        rest.starts_with("本报讯")
            || (rest.starts_with("本报")
                && ["记者", "主笔", "撰稿人", "评论员", "通讯员"]
                    .iter()
                    .any(|w| head.contains(w)))
    }) {
        return Some(at);
    }
    // the headline's last words said again as the story's subject: …参选国民党主席国民党主席改选…
    let chars: Vec<char> = idx.iter().map(|&(_, c)| c).collect();
    for p in 8..chars.len() {
        if (4..=8).any(|n| {
            p >= n + 4
                && chars.get(p..p + n) == Some(&chars[p - n..p])
                && chars[p - n..p].iter().all(|&c| crate::text::is_han(c))
        }) {
            return Some(idx[p].0);
        }
    }
    // a story that opens with a quoted sentence: …基本框架已确立“太阳能在…列第二位，除核电外。”
    if let Some(&(at, _)) = idx.iter().skip(8).find(|&&(_, c)| c == '“')
        && !line[..at].contains(['，', ',', '。', '：', ':', '；', '“', '”'])
        && let Some(close) = line[at..].find('”')
        && line[at..at + close].chars().count() >= 12
        && line[at..at + close].contains(['，', '。', '！', '？'])
    {
        return Some(at);
    }
    // after the openers above, a full date and a comma: …表示哀悼2009年7月11日，93岁的…
    for (k, &(at, c)) in idx.iter().enumerate().skip(6) {
        // not a date the headline's own words lead into (…加拿大时间2011年6月28日，)
        if !c.is_ascii_digit()
            || idx.get(k - 1).is_some_and(|&(_, p)| p.is_ascii_digit())
            || ["时间", "于", "在", "至", "自", "从"]
                .iter()
                .any(|w| line[..at].ends_with(w))
        {
            continue;
        }
        let date: String = line[at..].chars().take(13).collect();
        let mut cs = date.chars().peekable();
        let mut run = |stop: char, min: usize, max: usize| {
            let mut n = 0;
            while cs.next_if(char::is_ascii_digit).is_some() {
                n += 1;
            }
            (min..=max).contains(&n) && cs.next() == Some(stop)
        };
        if run('年', 4, 4)
            && run('月', 1, 2)
            && run('日', 1, 2)
            && cs.next().is_some_and(|c| c == '，' || c == ',')
        {
            return Some(at);
        }
    }
    // the subject again, acting: 回良玉…回良玉在, 温家宝…温家宝表示
    let head: String = line.chars().take(3).collect();
    if head.chars().count() < 3 || !head.chars().all(crate::text::is_han) {
        return None;
    }
    idx.iter().skip(8).map(|&(at, _)| at).find(|&at| {
        line[at..].strip_prefix(head.as_str()).is_some_and(|rest| {
            rest.starts_with([
                '在', '于', '近', '昨', '今', '日', '表', '说', '指', '强', '称',
            ])
        })
    })
}

/// A character of the Basic Multilingual Plane's private use area.
fn is_private_use(c: char) -> bool {
    ('\u{e000}'..='\u{f8ff}').contains(&c)
}

/// True when a text line carries HTML block or inline tags.
fn has_inline_html(l: &str) -> bool {
    let lower = l.to_ascii_lowercase();
    [
        "<p>", "<p ", "</p>", "<br", "<strong>", "</div>", "<div", "<span", "&nbsp;",
    ]
    .iter()
    .any(|t| lower.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of every block of a plain-text page.
    fn lines_of(text: &str) -> Vec<String> {
        to_blocks(text).into_iter().map(|b| b.text).collect()
    }

    /// The text of the last block of a plain-text page, empty for none.
    fn last_line(text: &str) -> String {
        lines_of(text).pop().unwrap_or_default()
    }

    #[test]
    fn a_headline_glued_to_the_dateline_is_its_own_line() {
        let blocks = to_blocks(
            "民政部：2008年接收各界捐款764亿元中新网5月22日电 民政部今日在其官方网站发布报告。报告指出，捐款共计764亿元。\n第二段。",
        );
        let lines: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(lines[0], "民政部：2008年接收各界捐款764亿元");
        assert!(lines[1].starts_with("中新网5月22日电"));
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn a_paragraph_a_dateline_opens_is_never_cut_into_a_headline() {
        let page = "某阳新闻在线讯(通讯员 郑某兰)10月16日--11月20日,为进一步提高老年人及高血压、糖尿病患者的健康水平和生活质量\n北山镇高度重视此次健康体检工作。\n";
        let lines = lines_of(page);
        assert!(lines[0].starts_with("某阳新闻在线讯"), "{lines:?}");
        assert!(lines[0].contains("11月20日"), "{lines:?}");
    }

    #[test]
    fn a_channel_hyphened_to_its_outlet_stays_in_the_dateline() {
        let page = "某某消防举办开放活动\n2025-12-01 06:30:23 来源: 第1眼TV-某龙网\n\
                    第1眼TV-某龙网讯(方某 通讯员 姜某)为做好消防安全宣传工作，近日，某某消防救援站举办开放日活动。\n";
        let lines = lines_of(page);
        assert!(lines[2].starts_with("第1眼TV-某龙网讯"), "{lines:?}");
    }

    #[test]
    fn a_headline_run_on_by_its_dash_is_one_line() {
        let page = "某某日报\n\n从忧“薪”到暖心——\n\n某某中心为农民工成功维权\n\n2025年4月7日，某某中心收到来自某省周某的申请。\n";
        let lines = lines_of(page);
        assert_eq!(lines[1], "从忧“薪”到暖心——某某中心为农民工成功维权");
        // a slogan of two phrases is the kicker: the headline stays a line of its own
        let page = "人人是窗口,个个是形象——\n某区国税获全国“巾帼文明岗”称号\n4月16日，某某市国税局公布了表彰名单。\n";
        let lines = lines_of(page);
        assert_eq!(lines[1], "某区国税获全国“巾帼文明岗”称号", "{lines:?}");
    }

    #[test]
    fn a_bullet_before_a_paragraph_goes() {
        let page = "某某镇开展普法宣传\n• 为切实维护群众的合法权益，某某镇司法所在集市开展普法宣传活动。\n• 短\n";
        let lines = lines_of(page);
        assert!(lines[1].starts_with("为切实维护"), "{lines:?}");
        // a short item keeps its bullet: it is a list, not a paragraph
        assert_eq!(lines[2], "• 短");
    }

    #[test]
    fn the_pages_title_over_its_headline_goes() {
        let page = "南区街道举办家庭教育宣传月活动--某某市妇女联合会\n\n南区街道举办家庭教育宣传月活动\n来源:未知\n";
        let lines = lines_of(page);
        assert_eq!(lines[0], "南区街道举办家庭教育宣传月活动");
    }

    #[test]
    fn a_pictures_caption_glued_before_the_dateline_is_its_own_line() {
        let page = "某某县志愿者共同巡河\n![]() 某某县民间河长和志愿者们开展护河净滩活动。 红网时刻3月22日讯(记者 杨某文 通讯员 何某军)“河流保护好了。”3月22日，某某县组织志愿者巡河。\n";
        let lines = lines_of(page);
        assert_eq!(lines[1], "某某县民间河长和志愿者们开展护河净滩活动。");
        assert!(lines[2].starts_with("红网时刻3月22日讯"), "{lines:?}");
        // a caption signed by its photographer, no markup
        let page = "某某县开展送戏下乡活动\n某某县2015年百场惠民演出活动现场。任某珍 摄 长城网邢台3月16日电(助理记者 刘某 王某娜) 3月15日下午，某某县组织志愿者开展演出。\n";
        let lines = lines_of(page);
        assert_eq!(lines[1], "某某县2015年百场惠民演出活动现场。任某珍 摄");
        // after a headline and its time on the same line
        let page = "某某县志愿者共同巡河时间:2021-06-09 ![]() 某某县民间河长和志愿者们开展护河净滩活动。 红网时刻3月22日讯(记者 杨某文 通讯员 何某军)“河流保护好了。”3月22日，某某县组织志愿者巡河。\n";
        let lines = lines_of(page);
        assert_eq!(lines[2], "某某县民间河长和志愿者们开展护河净滩活动。");
    }

    #[test]
    fn a_legal_notice_glued_after_the_story_is_its_own_line() {
        let story = "某某镇组织志愿者开展护河净滩活动。通过此次行动，以民间河长、志愿者带动全民护河净滩，带动更多人关心和重视河流保护问题，增强全民惜水爱水意识，引领广大市民人人护河，人人争做民间河长。";
        let page = format!("{story} 免责声明:本文版权归原作者所有,不代表本网的观点和立场。 |\n");
        let lines = lines_of(&page);
        assert_eq!(lines[0], story);
        assert!(lines[1].starts_with("免责声明"), "{lines:?}");
        // a notice alone stays one line
        assert_eq!(
            lines_of("免责声明:本文版权归原作者所有,不代表本网的观点和立场。").len(),
            1
        );
    }

    #[test]
    fn a_headline_glued_to_its_labelled_time_and_the_story_is_three_lines() {
        let page = "|\n某某镇民间河长共同巡河时间:2021-06-09 ![]() 某某镇民间河长和志愿者们开展护河净滩活动。3月22日，某某镇民间河长行动中心组织志愿者巡河。\n";
        let lines = lines_of(page);
        assert_eq!(lines[1], "某某镇民间河长共同巡河");
        assert_eq!(lines[2], "时间:2021-06-09");
        assert!(lines[3].starts_with("![]()"), "{lines:?}");
        let page = "搜索\n某某到大成镇开展巡河工作发表时间:2023-06-09 15:39 6月8日下午，市人大常委会副主任某某到大成镇开展巡河工作。当天，某某实地走访查看了河段水体水质。";
        assert_eq!(lines_of(page)[2], "发表时间:2023-06-09 15:39");
        // a sentence with a time label inside is no headline
        let page =
            "会议指出，活动时间:2021-06-09 起，全镇开展为期一个月的巡河行动，各村要高度重视。";
        assert_eq!(lines_of(page).len(), 1);
    }

    #[test]
    fn a_headline_glued_to_a_full_date_or_a_repeated_document_title_is_its_own_line() {
        let line = "温家宝在任继愈离世当天表示哀悼2009年7月11日，93岁的国家图书馆名誉馆长任继愈先生悄然离世。消息传来的当天上午，有关负责人即打电话给国家图书馆负责人，转达他对任继愈先生的深切哀悼和对其亲属的诚挚慰问。";
        let lines = lines_of(line);
        assert_eq!(lines[0], "温家宝在任继愈离世当天表示哀悼");
        assert!(lines[1].starts_with("2009年7月11日，"));
        let line = "某省关于加强社区养老服务工作的通知关于加强社区养老服务工作的通知某民〔2021〕15号各市、县民政局：为做好社区养老服务工作，现就加强社区养老服务设施建设、服务队伍培养和资金保障等有关事项通知如下。请遵照执行。";
        let lines = lines_of(line);
        assert_eq!(lines[0], "某省关于加强社区养老服务工作的通知");
        assert_eq!(lines[2], "某民〔2021〕15号");
        assert!(lines[3].starts_with("各市、县民政局："), "{lines:?}");
        assert_eq!(
            document_number("国发[2010]3号，"),
            Some("国发[2010]3号".len())
        );
        assert_eq!(document_number("关于〔意见〕"), None);
    }

    #[test]
    fn related_headlines_behind_a_gap_after_the_story_go() {
        let story = "中新网6月30日电 香港特首30日在行政会议结束后会见传媒，他表示，特区政府已就扩建计划达成协议，扩建工程将于年内展开，预计可创造三千多个职位，同时为香港迈向知识型经济打好更好的基础。";
        let last = last_line(&format!("{story}    香港迪斯尼将建3个全球独有主题园区"));
        assert!(last.ends_with("打好更好的基础。"), "{last}");
        let last = last_line(&format!(
            "{story}(厦门日报)    据成都商报台湾媒体称某事成定局"
        ));
        assert!(last.ends_with("(厦门日报)"), "{last}");
        // no-break spaces make a gap too
        let last = last_line(&format!(
            "{story}\u{a0}\u{a0}\u{a0} 香港迪斯尼将建3个主题园区"
        ));
        assert!(last.ends_with("打好更好的基础。"), "{last}");
        // a story that goes on after the gap keeps it
        let lines = lines_of(&format!("{story}    第二段里还有一句话。"));
        assert!(lines.iter().any(|l| l.contains("第二段")), "{lines:?}");
    }

    #[test]
    fn related_headlines_glued_after_the_last_sentence_go() {
        let story = "中新网7月8日电 八国集团峰会今起举行，专家表示，中国作为发展中国家代表之一参加这次峰会，有外国媒体甚至认为中国是这次峰会的主要玩家。对此，专家表示，中国毕竟还是一个发展中大国，因此我们不能太飘飘然，或者承担自己难以承受的担子。无论是在金砖四国还是八加五对话中，中国的力量和影响力都是最大的，但是中国绝不当头。中国的特点是立足发展中国家世界，在其中促进沟通、加强协调。中国对自己的定位很明确，并以发展中国家一员的身份来参会。";
        let got = last_line(&format!(
            "{story}胡锦涛与意大利总理贝卢斯科尼会谈胡锦涛同意大利总统举行会谈"
        ));
        assert!(got.ends_with("身份来参会。"), "{got:?}");
        let got = last_line(&format!(
            "{story}相关阅读：邢杰：中美战略与经济对话前的筹码战美专家:对话是新的机制"
        ));
        assert!(got.ends_with("身份来参会。"), "{got:?}");
        // after a quotation the story ends on
        let quoted = story.replace(
            "身份来参会。",
            "身份来参会。我们希望各项建设事业取得进步。”",
        );
        let got = last_line(&format!(
            "{quoted}美国考虑派基辛格访华劝中国压朝鲜媒体猜测美军未拦截朝鲜货船"
        ));
        assert!(got.ends_with("取得进步。”"), "{got:?}");
        // headlines with numbers and a transcript tag
        let got = last_line(&format!(
            "{story}审计署公告称北京奥运会收支结余超10亿元外交部就中越关系等答问(实录)"
        ));
        assert!(got.ends_with("身份来参会。"), "{got:?}");
        // a credit after the last sentence stays for the credit reader
        let got = last_line(&format!("{story}记者韩景玮实习生高鸿鹏"));
        assert!(got.ends_with("高鸿鹏"), "{got:?}");
    }

    #[test]
    fn a_headline_glued_to_a_credit_a_repeated_subject_or_an_opening_quote_is_its_own_line() {
        let lines = lines_of(
            "某市文化局长首个宣布参选人大代表本报驻香港特约记者 王某某市第三届人大代表选举将于7月26日举行，6月1日起接受报名，目前已有多人表示有意参选，选举委员会将在月底公布名单。",
        );
        assert_eq!(lines[0], "某市文化局长首个宣布参选人大代表");
        assert!(lines[1].starts_with("本报驻香港特约记者"), "{lines:?}");
        let lines = lines_of(
            "张某某今日宣布参选商会会长商会会长改选一事备受社会关注，有关现任会长去留的消息不少，似已酝酿成一场风波，商会理事会将于下月初召开会议讨论改选事宜，届时将公布候选人名单。",
        );
        assert_eq!(lines[0], "张某某今日宣布参选商会会长");
        assert!(lines[1].starts_with("商会会长改选"), "{lines:?}");
        let lines = lines_of(
            "中方回应朝鲜是否应改革开放：不干涉别国内政环球时报记者段聪聪报道，外交部发言人秦刚在6月30日的记者会上，就韩国记者关于中方是否认为朝鲜应进行改革开放的提问表示，中方一贯主张不干涉别国内政。",
        );
        assert_eq!(lines[0], "中方回应朝鲜是否应改革开放：不干涉别国内政");
        assert!(lines[1].starts_with("环球时报记者段聪聪报道"), "{lines:?}");
        let lines = lines_of(
            "新能源发展规划基本框架已确立“太阳能在新能源发展规划中的重要性列第二位，除核电外。”一位参与规划制定的专家对记者表示，规划的基本框架已经确立，将于近期上报国务院审议，并向社会公开征求意见。",
        );
        assert_eq!(lines[0], "新能源发展规划基本框架已确立");
        assert!(lines[1].starts_with("“太阳能"), "{lines:?}");
        // a quoted term inside the headline stays in it
        let line = "我市启动“文明城市”创建工作全市各部门积极行动起来，共同推进创建工作，力争三年内成功创建全国文明城市，让市民共享创建成果和美好生活环境。";
        assert_eq!(lines_of(line).len(), 1, "{:?}", lines_of(line));
    }

    #[test]
    fn a_dateline_with_a_labelled_credit_or_a_retold_report_stays_on_the_storys_line() {
        for line in [
            "东山融媒(记者 袁立平)7月27日，市中医医院、市融媒体中心和五柳树社区的干部职工一同深入花园小区开展健康义诊进社区活动，为居民测血糖、量血压。",
            "大西北网6月10日讯 据东山新闻网报道 5月30日，城西区廉政警示教育基地在西川监狱揭牌成立，这标志着城西区廉政文化建设迈上新台阶，全区党员干部将分批前往接受教育。",
            "东山菏泽网消息(通讯员 孙某如 杨 璧 记者 王某庆) 日前，在成武县天宫庙镇白楼行政村的扶贫车间，白某环正在包装一批家具订单。",
            "东山青年网北京8月9日电(记者 张某伟 通讯员 杨某 明某然)近日，共青团雷山县委员会到固鲁小学为贫困学子送去图书。",
            "东山新闻网泸州2月28日讯(丁某)2月25日，小市街道辖区5个社区举行了第十届社区居委会换届选举大会，街道干部全部联点到各社区。",
        ] {
            assert_eq!(lines_of(line).len(), 1, "{:?}", lines_of(line));
        }
    }

    #[test]
    fn a_headline_glued_to_a_story_without_dateline_is_its_own_line() {
        let line = "北京市现已配售政策性住房4.1万套11月28日，记者从市住保办获悉，从政策房配售开始到现在，全市已配售政策性住房4.1万套，其中经济适用房2.6万套，限价房1.5万套，配售工作进展顺利。";
        let lines = lines_of(line);
        assert_eq!(lines[0], "北京市现已配售政策性住房4.1万套");
        let line = "回良玉推动人口较少民族经济社会发展上新台阶回良玉在全国扶持人口较少民族发展工作会议上强调，要认真贯彻落实中央的重要指示精神，推动人口较少民族经济社会发展上新台阶。会议在西宁召开。";
        let lines = lines_of(line);
        assert_eq!(lines[0], "回良玉推动人口较少民族经济社会发展上新台阶");
        // a photo mark, a story's usual opening, a retold source; a question inside the headline
        for (line, headline) in [
            (
                "怀揣2万元 武汉一大学生独自游美国20天(图)怀揣着地图、词典和两万元钱，19岁的湖北师范学院学生高昌健在20天内独自游历美国旧金山、斯坦福、洛杉矶等地，回国后他把见闻写成了一本小书。",
                "怀揣2万元 武汉一大学生独自游美国20天(图)",
            ),
            (
                "快讯：美国开通访问学者J1签证新网站据美国国务院消息，去年美国共向全世界的外国学生学者签发访问学者签证35.36万个，其中对中国人签发的数量位居各国之首，增幅也很明显。",
                "快讯：美国开通访问学者J1签证新网站",
            ),
            (
                "美EB-5出事如何补救？尽快联络移民机构最近，本版关于该项目的报道披露了位于美国密苏里州莫伯利市的项目陷入窘境，投资者十分担忧，纷纷向移民机构咨询补救的办法和下一步的打算。",
                "美EB-5出事如何补救？尽快联络移民机构",
            ),
        ] {
            let lines = lines_of(line);
            assert_eq!(lines[0], headline);
        }
        // a long first sentence is left whole
        let line = "今年以来，全市各级党组织认真贯彻落实上级部署，2009年6月1日，全市召开动员大会，对全年工作作出安排，各地各部门迅速行动，扎实推进各项工作，取得明显成效，群众满意度不断提高。";
        assert_eq!(to_blocks(line).len(), 1);
    }

    #[test]
    fn a_credit_behind_a_box_mark_and_a_glued_ju_split_off_the_headline() {
        let line = "河南规定商品房预售款将由银行监管□晚报记者 王明 通讯员 李华本报讯 今后购房者支付的定金、预付款等各种款项将直接打入银行监管账户，不再交给开发商。";
        let lines = lines_of(line);
        assert_eq!(lines[0], "河南规定商品房预售款将由银行监管");
        assert_eq!(lines[1], "晚报记者 王明 通讯员 李华");
        assert!(lines[2].starts_with("本报讯"));
        let line = "国家禁毒委要求严查娱乐场所涉毒据新华社电 昨天，国家禁毒委员会发布消息称，我国从7月至9月在全国范围内开展排查登记。";
        let lines = lines_of(line);
        assert_eq!(lines[0], "国家禁毒委要求严查娱乐场所涉毒");
        assert!(lines[1].starts_with("据新华社电"));
        let line = "中日经济高层对话强调共推外汇储备库建设综合新华社电 第二次中日经济高层对话昨日在东京举行，双方就共同关心的问题交换了意见。";
        let lines = lines_of(line);
        assert_eq!(lines[0], "中日经济高层对话强调共推外汇储备库建设");
    }

    #[test]
    fn markdown_and_inline_html() {
        let b = to_blocks(
            "### 标题\n<p><strong>央视网消息</strong>（新闻联播）：正文。</p><p>第二段&nbsp;</p>\n",
        );
        assert_eq!(b[0].kind, BlockKind::TextHeading(3));
        assert_eq!(b[0].text, "标题");
        assert_eq!(b[1].text, "央视网消息（新闻联播）：正文。");
        assert_eq!(b[2].text, "第二段");
    }
}
