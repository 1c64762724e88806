//! Blocks to articles: drops page furniture, finds where each article starts (a title-like line
//! after a closing credit or attribution), and recovers title, time, publication, bylines,
//! keywords, breadcrumb and a clean body with broken lines joined and captions removed.

use crate::blocks::{Block, BlockKind};
use crate::lines::byline::{self, Meta};
use crate::lines::furniture::{self, Furniture};
use crate::lines::meta;
use crate::record::Byline;

/// Marks a page header seen after text (a second page glued to the first).
const BOUNDARY: &str = "\u{1}boundary";

/// One article recovered from a page, before entity and statistic extraction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleText {
    /// Headline.
    pub title: Option<String>,
    /// Publish time in ISO form.
    pub published_at: Option<String>,
    /// Outlet.
    pub publication: Option<String>,
    /// Credited people.
    pub bylines: Vec<Byline>,
    /// 关键词 words.
    pub keywords_declared: Vec<String>,
    /// 当前位置 segments.
    pub breadcrumb: Vec<String>,
    /// Clean body, paragraphs separated by `\n`.
    pub body: String,
    /// Doubts.
    pub warnings: Vec<String>,
}

fn clen(s: &str) -> usize {
    s.chars().count()
}

/// True when `s` has at least `n` characters, without counting a long line to its end.
fn has_chars(s: &str, n: usize) -> bool {
    // A character takes one to four bytes.
    if s.len() >= n.saturating_mul(4) {
        return true;
    }
    s.len() >= n && clen(s) >= n
}

/// Characters that end a sentence or a quoted sentence.
fn ends_sentence(s: &str) -> bool {
    s.chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '。' | '！'
                | '？'
                | '!'
                | '?'
                | '…'
                | '”'
                | '」'
                | '』'
                | '）'
                | ')'
                | '】'
                | '；'
                | ';'
                | '：'
                | ':'
                | '"'
                | '’'
                | '.'
        )
    })
}

/// A line made only of quotation marks or brackets: debris of a lost paragraph.
fn is_debris(s: &str) -> bool {
    !s.is_empty()
        && (s.chars().all(|c| {
            // (`?`: an image placeholder whose glyph the scrape lost)
            "“”‘’\"'「」『』（）()【】[]《》<>|｜-—_=*~·•?？".contains(c) || c.is_whitespace()
        })
            // a stray counter or page number on a line of its own
            || (s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit()))
            // an HTML tag left in the text (`< img src="…" />`)
            || (s.starts_with('<') && (s.contains("src=") || s.contains("href=")))
            // a Markdown image with no caption (`![]()`, `![](a.png) |`)
            || {
                let img = s.trim_end_matches(['|', '｜', ' ']);
                img.starts_with("![](") && img.ends_with(')') && !img.contains(char::is_whitespace)
            })
}

/// `line` without the list bullet it opens with (`• 武汉:党员进入小区`, `- 全县党员捐款`).
fn strip_bullet(line: &str) -> &str {
    let t = line.trim_start();
    let Some(first) = t.chars().next() else {
        return line;
    };
    let rest = &t[first.len_utf8()..];
    let bullet = matches!(
        first,
        '•' | '·'
            | '●'
            | '◆'
            | '■'
            | '□'
            | '▪'
            | '►'
            | '▶'
            | '◇'
            | '○'
            | '◎'
            | '※'
            | '★'
            | '☆'
            | '▸'
            | '➤'
            | '◢'
            | '√'
    ) || (matches!(first, '-' | '*' | '+' | '–')
        && rest.starts_with([' ', '\u{3000}']));
    if bullet { rest.trim_start() } else { line }
}

/// A bulleted short headline line: an item of a related-links list.
fn is_bulleted_link(line: &str) -> bool {
    let rest = strip_bullet(line);
    // (a date before the headline: `- 2022-09-02某县：…`)
    let headline = meta::find_times(rest)
        .first()
        .filter(|t| t.start == 0)
        .map_or(rest, |t| &rest[t.end..]);
    rest.len() != line.trim_start().len() && clen(rest) <= 40 && is_title_like(headline)
}

/// A closing signature on a line of its own after the body: `(汪先驷 徐青松)` (authors) or
/// `(民盟临沂市委会)` (the contributing unit).
fn closing_signature(line: &str) -> Option<Meta> {
    // (`(某某镇人民政府 徐某 周某)  |`: a table cell's edge after it)
    let open = line
        .trim()
        .trim_end_matches(['|', '｜', ' '])
        .strip_prefix(['(', '（'])?;
    match open.strip_suffix([')', '）']) {
        Some(inner) => signature(inner.trim()),
        // a page cut off inside the signature (`(徐某  李某`): names only
        None => signature(open.trim()).filter(|m| m.publication.is_none()),
    }
}

/// A wire reporter's line after the text (`新华社记者魏某某福州报道。`): the outlet and the
/// reporter, with the place the report was filed from dropped.
fn closing_report_line(line: &str) -> Option<Meta> {
    let t = line.trim().trim_end_matches('。').strip_suffix("报道")?;
    if has_chars(t, 25) {
        return None;
    }
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    // the place: nothing, or two to four characters before 报道
    [0usize, 2, 3, 4].into_iter().find_map(|k| {
        let cut = chars.len().checked_sub(k)?;
        let head = &t[..chars.get(cut).map_or(t.len(), |(i, _)| *i)];
        let mut m = byline::parse_meta_line(head, false).filter(|m| {
            m.bylines.len() == 1 && m.bylines[0].role == crate::record::BylineRole::Reporter
        })?;
        if m.publication.is_none()
            && let Some((outlet, _)) = head.split_once("记者")
            && byline::is_outlet_name(outlet)
        {
            m.publication = Some(outlet.to_string());
        }
        Some(m)
    })
}

/// The writers a signature names, each credited as an author.
fn authors(names: impl IntoIterator<Item = String>) -> Vec<Byline> {
    names
        .into_iter()
        .map(|name| Byline {
            role: crate::record::BylineRole::Author,
            name,
        })
        .collect()
}

/// `某某村:某某某`, `某某县人民政府政务服务中心:某某`: the unit that sent the story and its writer,
/// signed after the text.
fn unit_and_writer(inner: &str) -> Option<Meta> {
    let (unit, writer) = inner.split_once([':', '：'])?;
    let (unit, writer) = (unit.trim(), writer.trim());
    let unit_ok = (2..=20).contains(&clen(unit))
        && unit.chars().all(crate::text::is_han)
        && (byline::is_org_like(unit)
            || ["村", "镇", "乡", "街道", "社区", "县", "区", "市"]
                .iter()
                .any(|l| unit.ends_with(l)));
    if !unit_ok || byline::is_bare_label(unit) {
        return None;
    }
    let names = byline::parse_names(writer).filter(|n| (1..=3).contains(&n.len()))?;
    Some(Meta {
        publication: Some(unit.to_string()),
        bylines: authors(names),
        ..Meta::default()
    })
}

/// A line of bare names after the last sentence (`胡某某 李某 俞某`): the writers, when no
/// sentence follows it.
fn bare_signature(line: &str) -> Option<Meta> {
    if let Some(m) = unit_and_writer(line.trim()) {
        return Some(m);
    }
    if line.contains(['(', '（', ':', '：', '，', ',', '。']) {
        return None;
    }
    // `五角场社区文体俱乐部` alone after the text: the unit that wrote it.
    if !line.contains(char::is_whitespace)
        && (4..=20).contains(&clen(line))
        && line.chars().all(crate::text::is_han)
        && byline::is_org_like(line)
        && byline::parse_names(line).is_none()
    {
        return Some(Meta {
            publication: Some(line.to_string()),
            ..Meta::default()
        });
    }
    let mut tokens: Vec<&str> = line.split_whitespace().collect();
    // `某镇党政办 李某某`: the writer's unit, then the writer.
    if tokens.len() == 2
        && byline::is_org_like(tokens[0])
        && byline::parse_names(tokens[0]).is_none()
        && clen(tokens[0]) >= 3
    {
        tokens.remove(0);
    }
    let line = tokens.join(" ");
    let names = byline::parse_names(&line)?;
    let plausible = names.len() == tokens.len()
        && (1..=6).contains(&names.len())
        && names.iter().all(|n| (2..=4).contains(&clen(n)))
        && (names.len() > 1 || clen(&names[0]) <= 3);
    plausible.then(|| Meta {
        bylines: authors(names),
        ..Meta::default()
    })
}

/// True when no line before the end of the page (or its next page header) holds a sentence.
fn no_sentence_follows(rest: &[&str]) -> bool {
    rest.iter()
        .take_while(|l| **l != BOUNDARY)
        .all(|l| !l.contains(['。', '！', '？', '!', '?']))
}

/// What the inside of a closing signature bracket says (`汪先驷 徐青松`, `民盟临沂市委会`).
fn signature(inner: &str) -> Option<Meta> {
    // `文 吴某某 周某`, `文 吴某 图 李某`: the writer's (and photographer's) mark spaced off
    // the names instead of slashed
    if let Some(names) = inner.strip_prefix('文')
        && names.starts_with(char::is_whitespace)
        && let slashed = format!("文/{}", names.trim_start().replacen(" 图 ", " 图/", 1))
        && let Some(m) = byline::parse_meta_line(&slashed, false)
        && !m.bylines.is_empty()
    {
        return Some(m);
    }
    if let Some(m) = unit_and_writer(inner) {
        return Some(m);
    }
    // `某某县委宣传部(文明办)`: a unit and the office it also is.
    if let Some((unit, alias)) = inner
        .strip_suffix([')', '）'])
        .and_then(|s| s.split_once(['(', '（']))
        && clen(inner) <= 30
        && [unit, alias]
            .iter()
            .all(|p| clen(p) >= 2 && p.chars().all(crate::text::is_han) && byline::is_org_like(p))
    {
        return Some(Meta {
            publication: Some(inner.to_string()),
            ..Meta::default()
        });
    }
    // (`(观海新闻/某某早报记者 刘某 通讯员 李某 摄影报道)`: a labelled credit may run longer)
    if clen(inner) <= 40
        && !inner.contains(['(', '（', ')', '）'])
        && let Some(m) = byline::parse_meta_line(inner, false)
        && !m.bylines.is_empty()
    {
        return Some(m);
    }
    if inner.is_empty() || clen(inner) > 24 || inner.contains(['(', '（', ')', '）']) {
        return None;
    }
    if let Some(m) = byline::parse_meta_line(inner, false) {
        return (!m.bylines.is_empty() || m.publication.is_some()).then_some(m);
    }
    let tokens = inner
        .split(|c: char| c.is_whitespace() || matches!(c, '、' | ',' | '，'))
        .filter(|t| !t.is_empty())
        .count();
    // (`尹某剑李某阳丁某铭`: three-character names glued together)
    if let Some(names) = byline::parse_names(inner)
        && names.len() <= 4
        && (tokens > 1 || names.len() == 1 || names.iter().all(|n| clen(n) == 3))
    {
        return Some(Meta {
            bylines: authors(names),
            ..Meta::default()
        });
    }
    // `(冯某燕 泽人 徐某俊)`: spaced names, one of them a pen name with no family name
    let words: Vec<&str> = inner.split_whitespace().collect();
    if (3..=4).contains(&words.len())
        && words.iter().all(|w| {
            (2..=3).contains(&clen(w))
                && w.chars().all(crate::text::is_han)
                && !byline::is_org_like(w)
        })
        && words
            .iter()
            .filter(|w| byline::parse_names(w).is_some_and(|n| n.len() == 1 && n[0] == **w))
            .count()
            >= words.len() - 1
    {
        return Some(Meta {
            bylines: authors(words.iter().map(|w| (*w).to_string())),
            ..Meta::default()
        });
    }
    // `(县残联周某霞)`, `(城关贺某洁、王某供稿)`: the writers' unit glued to their names (a
    // place's short name too when the unit contributed the piece, 供稿)
    let (signed, contributed) = match inner.strip_suffix("供稿") {
        Some(b) => (b.trim(), true),
        None => (inner, false),
    };
    if !signed.contains(char::is_whitespace)
        && signed.chars().all(|c| crate::text::is_han(c) || c == '、')
        && let Some((first, others)) = signed.split_once('、').map_or(Some((signed, "")), Some)
    {
        let chars: Vec<char> = first.chars().collect();
        let single = |n: &str| byline::parse_names(n).is_some_and(|v| v.len() == 1 && v[0] == n);
        for name_len in [3, 2] {
            let Some(cut) = chars.len().checked_sub(name_len).filter(|&c| c >= 2) else {
                continue;
            };
            let unit: String = chars[..cut].iter().collect();
            let name: String = chars[cut..].iter().collect();
            let others: Vec<&str> = others.split('、').filter(|o| !o.is_empty()).collect();
            if (byline::is_org_like(&unit) || contributed && unit.chars().count() <= 4)
                && !byline::is_org_like(first)
                && byline::parse_names(&unit).is_none()
                && single(&name)
                && others.iter().all(|o| single(o))
            {
                let mut bylines = vec![Byline {
                    role: crate::record::BylineRole::Author,
                    name,
                }];
                bylines.extend(others.iter().map(|o| Byline {
                    role: crate::record::BylineRole::Author,
                    name: (*o).to_string(),
                }));
                return Some(Meta {
                    publication: Some(unit),
                    bylines,
                    ..Meta::default()
                });
            }
        }
    }
    // `(市人社局 万某某)`, `(某某办事处 胡 俊)`: the writer's unit, then the writer, whose
    // name may be spaced out character by character.
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.len() >= 2
        && clen(words[0]) >= 3
        && words[0].chars().all(crate::text::is_han)
        && byline::is_org_like(words[0])
        && byline::parse_names(words[0]).is_none()
    {
        let rest = &words[1..];
        let names = if rest.iter().all(|w| clen(w) == 1) && (2..=3).contains(&rest.len()) {
            byline::parse_names(&rest.concat())
        } else {
            byline::parse_names(&rest.join(" "))
        };
        if let Some(names) = names.filter(|n| n.len() <= 3) {
            return Some(Meta {
                publication: Some(words[0].to_string()),
                bylines: authors(names),
                ..Meta::default()
            });
        }
    }
    if byline::is_org_like(inner) && clen(inner) >= 4 && inner.chars().all(crate::text::is_han) {
        return Some(Meta {
            publication: Some(inner.to_string()),
            ..Meta::default()
        });
    }
    None
}

/// A headline: short, no full stop inside, not ending in a comma, with some Han characters.
/// A kicker of three or more short parallel phrases, spaced apart and sharing their first
/// character (`共忆峥嵘岁月 共享联谊温情 共蓄发展之力`): a slogan over the headline, not it.
fn slogan_kicker(line: &str) -> bool {
    let phrases: Vec<&str> = line.split_whitespace().collect();
    let first = phrases.first().and_then(|p| p.chars().next());
    phrases.len() >= 3
        && phrases.iter().all(|p| {
            (4..=8).contains(&clen(p))
                && p.chars().all(crate::text::is_han)
                && p.chars().next() == first
        })
}

fn is_title_like(s: &str) -> bool {
    if !has_chars(s, 4) || has_chars(s, 65) || s.contains("http") {
        return false;
    }
    if s.contains('。') || s.ends_with(['，', ',', '、', '；', ';', '：', ':']) {
        return false;
    }
    if meta::find_times(s).first().is_some_and(|t| t.start == 0) {
        return false;
    }
    // a clock time (`©原创 11-03 10:20 某某融媒体中心`): a metadata line
    if s.as_bytes().windows(5).any(|w| {
        w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && w[2] == b':'
            && w[3].is_ascii_digit()
            && w[4].is_ascii_digit()
    }) {
        return false;
    }
    s.chars().filter(|c| crate::text::is_han(*c)).count() >= 3
}

/// A short deck or sub-headline: headline-like, no sentence or clause punctuation but a
/// list's 、 (`发起人崔永元、刘春向…发放运动鞋`).
fn is_deck_line(line: &str) -> bool {
    clen(line) <= 24
        && is_title_like(line)
        && !line.contains(['，', ',', '：', ':', '？', '！', '?', '!'])
        && !is_enumerated(line)
        && !is_caption(line)
}

/// Whether the story's first paragraph (sixty characters or more, with a full stop) comes
/// next, after at most three more decks or credit lines.
fn story_follows(rest: &[&str]) -> bool {
    for next in rest.iter().take(4) {
        if *next == BOUNDARY {
            return false;
        }
        if has_chars(next, 60) && next.contains('。') {
            return true;
        }
        if !(is_deck_line(next) || byline::parse_meta_line(next, true).is_some()) {
            return false;
        }
    }
    false
}

/// A numbered section head (`二、加强组织领导`, `(一)…`, `3.…`, `第二篇`): part of an article.
fn is_enumerated(s: &str) -> bool {
    let t = s.trim_start_matches(['(', '（', ' ']);
    let numerals = "一二三四五六七八九十0123456789０１２３４５６７８９";
    let lead = t.chars().take_while(|c| numerals.contains(*c)).count();
    if lead > 0 {
        let rest: String = t.chars().skip(lead).take(1).collect();
        return ["、", ".", "．", ")", "）", "是"].contains(&rest.as_str());
    }
    t.starts_with('第') && t.chars().nth(1).is_some_and(|c| numerals.contains(c))
}

/// A body paragraph: long, or a full sentence.
fn is_body_like(s: &str) -> bool {
    has_chars(s, 40) || s.contains('。') || s.contains('！') || s.contains('？')
}

/// An image caption or photo credit (图为…, 图片由…提供, …供图, …/摄).
fn is_caption(s: &str) -> bool {
    let t = s.trim();
    let n = clen(t);
    // `图一、二：参观现场合影`, `图3:…`: a numbered picture's caption
    if let Some(rest) = t.strip_prefix('图')
        && let Some(colon) = rest.find(['：', ':'])
        && colon > 0
        && rest[..colon]
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十、,，".contains(c))
    {
        return n <= 40;
    }
    if t.starts_with("图为")
        || t.starts_with("图片来源")
        || t.starts_with("(图")
        || t.starts_with(['▲', '△', '↑'])
    {
        return n <= 120;
    }
    if t.starts_with("图片由") && t.ends_with("提供") && n <= 30 {
        return true;
    }
    // a photo agency's credit after the caption (`共享充电宝。视觉中国 资料`)
    let credited = t.trim_end_matches("资料").trim_end();
    if n <= 60
        && [
            "视觉中国",
            "东方IC",
            "CFP",
            "IC photo",
            "图虫创意",
            "新华社发",
        ]
        .iter()
        .any(|a| credited.ends_with(a))
    {
        return true;
    }
    // `…准备送往珠海。通讯员某某某摄`, `…表演采茶戏。某某摄`: the credit glued after the caption
    if n <= 80
        && t.ends_with('摄')
        && !t.ends_with("拍摄")
        && t.contains(['。', '，', ','])
        && t.rsplit(['。', '，', ','])
            .next()
            .is_some_and(|c| clen(c) <= 12)
        && photo_credit(t).is_some()
    {
        return true;
    }
    n <= 80
        && (t.contains("供图")
            || t.ends_with("/摄)")
            || t.ends_with("摄)")
            || t.ends_with("/摄")
            || t.ends_with(" 摄")
            || t.contains("资料图")
            || t.contains("图片来自"))
}

/// Byte offset of the last `(` or `（` (two single-character searches are much faster than
/// one search for either character).
fn last_open_bracket(t: &str) -> Option<usize> {
    t.rfind('(').max(t.rfind('（'))
}

/// Byte offset of the bracket that opens the one closing `t` (`…(某某县委宣传部(文明办))`:
/// the outer one).
fn matching_open_bracket(t: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in t.char_indices().rev() {
        match c {
            ')' | '）' => depth += 1,
            '(' | '（' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// A paragraph ending in a bracketed credit or attribution: `…。(据澎湃新闻)`,
/// `… (记者雷永福实习记者李永利)`. Returns the paragraph without it and what it says.
/// An editor's note or abstract over an article (`编者按：…`, `【编者按】…`, `内容摘要：…`).
fn is_editors_note(line: &str) -> bool {
    let t = line.trim_start_matches(['【', '[', '（', '(', ' ']);
    [
        "编者按",
        "编者的话",
        "编前语",
        "编者注",
        "编辑按",
        "内容摘要",
        "内容提要",
        "摘要：",
        "摘要:",
        "导读：",
        "导读:",
    ]
    .iter()
    .any(|w| t.starts_with(w))
}

/// `（实习生王金茹对此文亦有贡献）`: the people who contributed to the report, as reporters
/// `（图文由某某街道提供）`, `(图片由张三提供)`, `（由某某办供稿）`: who supplied the text or the
/// pictures, after the text. Names give bylines (pictures: photographer; text: author); a unit
/// gives none.
fn supplied_by(bracketed: &str) -> Option<Meta> {
    let inner = bracketed
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）'])
        .trim();
    let (kinds, who) = [
        ("图文由", "提供"),
        ("图片由", "提供"),
        ("照片由", "提供"),
        ("文字由", "提供"),
        ("稿件由", "提供"),
        ("由", "供稿"),
        ("由", "提供"),
    ]
    .iter()
    .find_map(|(head, tail)| {
        let who = inner.strip_prefix(head)?.strip_suffix(tail)?.trim();
        (!who.is_empty() && clen(who) <= 20).then_some((*head, who))
    })?;
    use crate::record::BylineRole::{Author, Photographer};
    let roles: &[crate::record::BylineRole] = match kinds {
        "图文由" => &[Author, Photographer],
        "图片由" | "照片由" => &[Photographer],
        _ => &[Author],
    };
    let mut m = Meta::default();
    if let Some(names) = byline::parse_names(who) {
        for role in roles {
            for name in &names {
                m.bylines.push(Byline {
                    role: *role,
                    name: name.clone(),
                });
            }
        }
    }
    Some(m)
}

/// (通讯员 as correspondents).
fn contribution_credit(bracketed: &str) -> Option<Meta> {
    let inner = bracketed
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）']);
    let who = [
        "对此文亦有贡献",
        "对本文亦有贡献",
        "对此文有贡献",
        "对本文有贡献",
        "亦有贡献",
    ]
    .iter()
    .find_map(|tail| inner.strip_suffix(tail))?;
    let (role, names) = match who.strip_prefix("通讯员") {
        Some(rest) => (crate::record::BylineRole::Correspondent, rest),
        None => (
            crate::record::BylineRole::Reporter,
            ["实习生", "实习记者", "见习记者", "记者"]
                .iter()
                .find_map(|l| who.strip_prefix(l))
                .unwrap_or(who),
        ),
    };
    let names = byline::parse_names(names.trim())?;
    let mut m = Meta::default();
    for name in names {
        m.bylines.push(Byline { role, name });
    }
    Some(m)
}

/// `(本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP)`: a portal's promotion of its app.
fn app_promotion(bracketed: &str) -> Option<Meta> {
    let promo = clen(bracketed) <= 60
        && bracketed.contains("下载")
        && (bracketed.contains("APP") || bracketed.contains("客户端") || bracketed.contains("App"));
    promo.then(Meta::default)
}

/// A bracketed editor's credit that names only a staff code (`（责任编辑： HN666）`), which
/// the byline parser rightly leaves without a name.
fn is_bracketed_staff_credit(line: &str) -> bool {
    let t = line.trim();
    let Some(inner) = t
        .strip_prefix(['(', '（'])
        .and_then(|x| x.strip_suffix([')', '）']))
    else {
        return false;
    };
    clen(inner) <= 30
        && ["责任编辑", "编辑", "责编", "编审", "校对", "审核"]
            .iter()
            .any(|l| {
                inner
                    .trim_start()
                    .strip_prefix(l)
                    .is_some_and(|r| r.trim_start().starts_with([':', '：']))
            })
}

/// The news agency of a credit after the last sentence (`新华社发`, `(中新社)`): two to five
/// Chinese characters ending in 社, bare with 发 or alone in brackets.
fn sending_agency(tail: &str) -> Option<&str> {
    let tail = tail.trim();
    let (name, bracketed) = match tail.strip_suffix('发') {
        Some(name) => (name.trim_end(), false),
        None => (
            tail.strip_prefix(['(', '（'])
                .and_then(|r| r.strip_suffix([')', '）']))?
                .trim(),
            true,
        ),
    };
    let agency = (2..=5).contains(&clen(name)) && name.ends_with('社');
    // (`…不断得到提升。(某陵资讯)`: an outlet in brackets after the last sentence)
    let outlet = bracketed && (3..=10).contains(&clen(name)) && byline::is_outlet_name(name);
    ((agency || outlet) && name.chars().all(crate::text::is_han)).then_some(name)
}

/// The last paragraph without a picture's caption glued after its last sentence, before the
/// closing credit (`…了解民生政策。右图为村民们在观看电影。`): the caption is the page's.
fn without_glued_caption(para: &str) -> &str {
    let t = para.trim_end();
    let Some(body_end) = t
        .strip_suffix(['。', '.'])
        .and_then(|head| head.rfind('。'))
        .map(|k| k + '。'.len_utf8())
    else {
        return para;
    };
    let last = &t[body_end..];
    let caption = [
        "图为",
        "左图为",
        "右图为",
        "上图为",
        "下图为",
        "左图：",
        "右图：",
    ]
    .iter()
    .any(|m| last.starts_with(m));
    if caption && clen(last) <= 40 && !last.contains(['，', ',']) {
        &t[..body_end]
    } else {
        para
    }
}

fn trailing_credit(s: &str) -> Option<(&str, Meta)> {
    let mut t = s.trim_end().trim_end_matches(['|', '｜', ' ']).trim_end();
    // A comment link a portal glued after the text (`…吴淡淡地说。据《南方都市报》 我要评论`).
    let whole = t;
    for link in [
        "我要评论",
        "发表评论",
        "进入论坛",
        "[详细]",
        "［详细］",
        // (a county app's link to its other stories)
        "发现更多精彩",
    ] {
        if let Some(rest) = t.strip_suffix(link) {
            t = rest.trim_end();
        }
    }
    // …and nothing else after the last sentence: the link goes, the text stays.
    if t.len() < whole.len() && ends_sentence(t) {
        return Some((t, Meta::default()));
    }
    // An e-paper's jump line (`…(下转02版)`) goes; what it cut off is dropped later.
    if let Some(open) = last_open_bracket(t)
        && t[open..]
            .trim_start_matches(['(', '（'])
            .starts_with("下转")
        && t.ends_with([')', '）'])
        && clen(&t[open..]) <= 10
    {
        return Some((t[..open].trim_end(), Meta::default()));
    }
    // A wire story's end mark (`…死亡病例。(完)`) closes the text; so does an empty credit
    // bracket (`…好评。()`).
    for mark in ["(完)", "（完）", "(完）", "（完)", "()", "（）"] {
        if let Some(rest) = t.strip_suffix(mark)
            && ends_sentence(rest.trim_end())
        {
            return Some((rest.trim_end(), Meta::default()));
        }
    }
    // `…房屋4.3万余间。据新华社`, `…综合新华社`: the source credited after the last sentence.
    if let Some(at) = t.rfind('据').or_else(|| t.rfind("综合"))
        && ends_sentence(t[..at].trim_end())
        && clen(&t[at..]) <= 16
        && let Some(m) = byline::parse_meta_line(&t[at..], false)
        && m.publication.is_some()
    {
        return Some((t[..at].trim_end(), m));
    }
    // `…纪念碑上……新华社发`, `…实质阶段。(新华社)`: the news agency that sent the story,
    // after its last sentence.
    if let Some(at) = t.rfind(['。', '！', '？', '…', '”'])
        && let end = at + t[at..].chars().next().map_or(0, char::len_utf8)
        && let Some(agency) = sending_agency(&t[end..])
    {
        let m = Meta {
            publication: Some(agency.to_string()),
            ..Meta::default()
        };
        return Some((&t[..end], m));
    }
    // `…热闹起来了。(市义工联伍某任)`: the unit and its writer glued after the last sentence
    if let Some(at) = t.rfind(['。', '！', '”'])
        && let end = at + t[at..].chars().next().map_or(0, char::len_utf8)
        && let Some(inner) = t[end..]
            .trim()
            .strip_prefix(['(', '（'])
            .and_then(|r| r.strip_suffix([')', '）']))
        && (4..=12).contains(&clen(inner))
        && inner.chars().all(crate::text::is_han)
        && let Some(name) = byline::unit_then_name(inner)
    {
        let unit = inner[..inner.len() - name.len()].to_string();
        let mut m = Meta {
            publication: Some(unit),
            ..Meta::default()
        };
        m.bylines.push(Byline {
            role: crate::record::BylineRole::Author,
            name,
        });
        return Some((&t[..end], m));
    }
    // `…区域之间的差距。郭晋晖`: the writer's bare name glued after the last sentence.
    if let Some(at) = t.rfind('。')
        && let tail = &t[at + '。'.len_utf8()..]
        && (2..=3).contains(&clen(tail))
        && tail.chars().all(crate::text::is_han)
        && !tail.ends_with('摄')
        && !["谢谢", "待续", "未完"].contains(&tail)
        && byline::parse_names(tail).is_some_and(|n| n.len() == 1 && n[0] == tail)
    {
        let mut m = Meta::default();
        m.bylines.push(Byline {
            role: crate::record::BylineRole::Author,
            name: tail.to_string(),
        });
        return Some((&t[..at + '。'.len_utf8()], m));
    }
    // `…的风险。(王某萍、王某晶、林某) 编辑:何某萌 责任编辑:彭某 … |`: the writers' signature,
    // then the labelled credits, glued after the last sentence.
    if let Some(at) = t.rfind('。')
        && let tail = t[at + '。'.len_utf8()..].trim()
        && tail.starts_with(['(', '（'])
        && let Some(close) = tail.find([')', '）'])
        && let rest = tail[close + tail[close..].chars().next().map_or(1, char::len_utf8)..]
            .trim()
            .trim_end_matches(['|', '｜', ' '])
        && !rest.is_empty()
        && clen(rest) <= 120
        && byline::credit_led(rest)
        && let Some(mut m) = byline::parse_meta_line(rest, false)
        && let Some(sig) = signature(tail[..close].trim_start_matches(['(', '（']).trim())
    {
        for b in sig.bylines {
            add_byline(&mut m.bylines, b.role, b.name);
        }
        return Some((&t[..at + '。'.len_utf8()], m));
    }
    // `…然后从侧窗游出。记者韩景玮实习生高鸿鹏`: the writers credited, unbracketed, after the
    // last sentence of the same paragraph.
    if let Some(at) = t.rfind(['。', '！', '？'])
        && let tail = t[at..].trim_start_matches(['。', '！', '？']).trim()
        && !tail.is_empty()
        && clen(tail) <= 60
        // a caption's photo credit (`…开往襄阳。 通讯员刘娟 摄`) is the caption's business
        && !tail.contains('摄')
        && ([
            "记者",
            "本报记者",
            "通讯员",
            "实习生",
            "特约记者",
            "全媒体记者",
            "融媒体记者",
            "融媒记者",
            "见习记者",
        ]
        .iter()
        .any(|l| tail.starts_with(l))
            // `…这样说道。文:程某某 |`: a labelled writer's credit
            || byline::credit_led(tail))
        // (`通讯员:某某 编辑:某某|审核:某某`: bars between the credits)
        && let Some(m) = byline::parse_meta_line(
            &tail.trim_end_matches(['|', '｜', ' ']).replace(['|', '｜'], " "),
            false,
        )
        && !m.bylines.is_empty()
    {
        let end = at + t[at..].chars().next().map_or(0, char::len_utf8);
        return Some((&t[..end], m));
    }
    let close = t.chars().next_back()?;
    if close != ')' && close != '）' {
        // A cut-off page: `…组织保障。(高浩` with the bracket never closed.
        let open = last_open_bracket(t)?;
        let inner = t[open..].trim_start_matches(['(', '（']);
        let before = t[..open].trim_end();
        if before.is_empty() || !ends_sentence(before) || clen(inner) > 12 {
            return None;
        }
        // (`…发挥光和热。(通讯员刘某杰`: a labelled credit, cut off)
        if let Some(m) = byline::parse_meta_line(inner, false)
            && !m.bylines.is_empty()
            && m.publication.is_none()
        {
            return Some((before, m));
        }
        if clen(inner) > 8 {
            return None;
        }
        let names = byline::parse_names(inner)?;
        let m = Meta {
            bylines: authors(names),
            ..Meta::default()
        };
        return Some((before, m));
    }
    let open = matching_open_bracket(t)?;
    let inner = &t[open..];
    let before = t[..open].trim_end();
    if let Some(m) = contribution_credit(inner)
        .or_else(|| app_promotion(inner))
        .or_else(|| supplied_by(inner))
    {
        // `（实习生王金茹对此文亦有贡献）`, `(本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP)`:
        // after the text, never part of it (the line may be nothing else).
        return Some((before, m));
    }
    if before.is_empty() || clen(inner) > 40 {
        return None;
    }
    // (`图\某某`: a backslash drawn for the slash between a label and its name)
    let slashed = inner.replace('\\', "/");
    let m = match byline::parse_meta_line(&slashed, false) {
        Some(m) if !m.bylines.is_empty() || m.publication.is_some() => m,
        // `…举行。（张巨峰）`, `…趋稳趋优。（德清县发改局）`: a signature after the last sentence.
        _ if ends_sentence(before)
            && let Some(m) = closing_signature(inner).or_else(|| unit_then_credits(&slashed)) =>
        {
            m
        }
        Some(m) => m,
        None => return None,
    };
    // A labelled credit that names only a staff code (`（责任编辑：HN666）`) is still no body.
    let labelled = ["编辑", "责编", "记者", "作者", "来源", "通讯员", "摄影"]
        .iter()
        .any(|l| inner.contains(l));
    if m.bylines.is_empty() && m.publication.is_none() && !labelled {
        return None;
    }
    Some((before, m))
}

/// `(某某党总支 文/某某 图/某某 审核/某某)`: the unit the text comes from, then its labelled
/// credits, in one bracket after the last sentence.
fn unit_then_credits(bracketed: &str) -> Option<Meta> {
    let inner = bracketed
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）'])
        .trim();
    let (unit, rest) = inner.split_once([' ', '\u{3000}'])?;
    if !(byline::is_org_like(unit)
        && (3..=20).contains(&clen(unit))
        && byline::credit_led(rest.trim()))
    {
        return None;
    }
    let mut m = byline::parse_meta_line(rest.trim(), false)?;
    if m.bylines.is_empty() {
        return None;
    }
    m.publication.get_or_insert_with(|| unit.to_string());
    Some(m)
}

/// The photographers a caption credits (`城市摄影队 周斌 摄`, `（刘通摄）`, `通讯员刘娟 摄`,
/// `刘娟/摄`, `(记者 王芳 摄)`).
fn photo_credit(caption: &str) -> Option<Vec<String>> {
    let t = caption
        .trim()
        .trim_end_matches([')', '）'])
        .trim_end()
        .strip_suffix('摄')?
        .trim_end_matches(['/', ' ', '\u{3000}']);
    // The credit is what follows the caption's last punctuation.
    let credit = t
        .rsplit(['。', '，', ',', '：', ':', '(', '（', '”'])
        .next()?
        .trim();
    if let Some(m) = byline::parse_meta_line(credit, false)
        && !m.bylines.is_empty()
    {
        return Some(m.bylines.into_iter().map(|b| b.name).collect());
    }
    // (`王某林 段某长 摄`: two photographers side by side)
    if let Some(names) = byline::parse_names(credit)
        && (2..=3).contains(&names.len())
    {
        return Some(names);
    }
    let tail = credit.rsplit([' ', '\u{3000}', '/']).next()?;
    let names = byline::parse_names(tail)?;
    (names.len() <= 3).then_some(names)
}

#[derive(Debug, Default)]
struct Draft<'a> {
    title: Option<String>,
    original_title: Option<String>,
    meta: Meta,
    /// Publication sources by priority: label/attribution, periodical, dateline.
    periodical: Option<String>,
    body: Vec<&'a str>,
    /// Seen a closing credit or attribution after the body.
    ended: bool,
    in_body: bool,
    /// Seen a metadata line in the header.
    saw_meta: bool,
    /// Seen a metadata line in the header under a headline (an e-paper's issue date above
    /// the kicker does not make the kicker the headline).
    meta_under_title: bool,
    /// Captions above the body (photo credits are read from them).
    captions: Vec<&'a str>,
    /// The site named after the headline (`标题_某某新闻网`): the outlet when nothing else
    /// names one.
    headline_site: Option<String>,
}

impl Draft<'_> {
    fn merge(&mut self, m: Meta) {
        // a time of the same day with its clock is the more precise reading (生成日期:2026-02-04
        // in a disclosure table, 发布时间:2026-02-04 10:48 under the headline)
        let finer = matches!(
            (&self.meta.published_at, &m.published_at),
            (Some(day), Some(time)) if !day.contains('T') && time.starts_with(day.as_str()) && time.len() > day.len()
        );
        if self.meta.published_at.is_none() || finer {
            self.meta.published_at = m.published_at;
        }
        // an outlet printed in a 来源 slot wins over one read from an unlabelled line
        if self.meta.publication.is_none()
            || m.labelled_source && !self.meta.labelled_source && m.publication.is_some()
        {
            self.meta.labelled_source |= m.labelled_source;
            self.meta.publication = m.publication;
        }
        for b in m.bylines {
            if !self.meta.bylines.contains(&b) {
                self.meta.bylines.push(b);
            }
        }
        self.meta.own_site |= m.own_site;
        for k in m.keywords {
            if !self.meta.keywords.contains(&k) {
                self.meta.keywords.push(k);
            }
        }
    }
}

/// Page-level hints an HTML page gives besides its text lines.
#[derive(Debug, Default)]
struct Hints {
    doc_title: Option<String>,
    headings: Vec<String>,
    meta_title: Option<String>,
    meta_time: Option<String>,
    meta_keywords: Vec<String>,
    /// Keywords printed under a label outside the text's container (HTML).
    printed_keywords: Vec<String>,
    meta_source: Option<String>,
    meta_authors: Vec<String>,
    html: bool,
}

fn collect_hints(blocks: &[Block]) -> Hints {
    let mut h = Hints::default();
    for b in blocks {
        match &b.kind {
            BlockKind::DocTitle => {
                h.html = true;
                h.doc_title.get_or_insert_with(|| b.text.clone());
            }
            BlockKind::Heading => {
                h.html = true;
                h.headings.push(b.text.clone());
            }
            BlockKind::MetaTitle => {
                h.html = true;
                h.meta_title.get_or_insert_with(|| b.text.clone());
            }
            BlockKind::MetaTime => {
                h.html = true;
                let Some(found) = meta::find_times(&b.text).into_iter().next() else {
                    continue;
                };
                match &h.meta_time {
                    None => h.meta_time = Some(found.iso.clone()),
                    // The time printed on the page (`2019年11月25日 18:57`) over a <meta> tag's
                    // of the same minute with seconds no reader sees.
                    Some(t) if t.get(..16) == found.iso.get(..16) && *t != found.iso => {
                        h.meta_time = Some(found.iso.clone());
                    }
                    Some(_) => {}
                }
                // `2019年11月25日 18:57 参考消息`: the source printed after the time.
                let after = b.text[found.end..].trim();
                if h.meta_source.is_none()
                    && (2..=10).contains(&clen(after))
                    && after.chars().all(crate::text::is_han)
                    && (byline::is_outlet_name(after)
                        || after.ends_with(['报', '网', '社', '台'])
                        || after.ends_with("消息")
                        || after.ends_with("新闻"))
                {
                    h.meta_source = Some(after.to_string());
                }
            }
            BlockKind::PrintedKeywords => {
                h.html = true;
                if h.printed_keywords.is_empty() {
                    h.printed_keywords = meta::keywords(&b.text);
                }
            }
            BlockKind::MetaKeywords => {
                h.html = true;
                if h.meta_keywords.is_empty() {
                    h.meta_keywords = meta::keywords(&b.text);
                }
            }
            BlockKind::MetaSource => {
                h.html = true;
                h.meta_source.get_or_insert_with(|| b.text.clone());
            }
            BlockKind::MetaAuthor => {
                h.html = true;
                if h.meta_authors.is_empty() {
                    h.meta_authors = byline::parse_names(&b.text).unwrap_or_default();
                }
            }
            BlockKind::Line | BlockKind::TextHeading(_) => {}
        }
    }
    h
}

/// The headline of an HTML page: an `<h1>` the `<title>` contains, else the meta title, else
/// the `<title>` without its site suffix.
fn html_title(h: &Hints) -> Option<String> {
    let doc = h.doc_title.as_deref().unwrap_or("");
    let fold = |s: &str| furniture::fold(s);
    for head in &h.headings {
        let f = fold(head);
        if clen(&f) >= 4 && !doc.is_empty() && fold(doc).contains(&f) {
            return Some(head.clone());
        }
    }
    if let Some(t) = &h.meta_title
        && clen(t) >= 4
    {
        return Some(strip_site_suffix(t));
    }
    if !doc.trim().is_empty() {
        return Some(strip_site_suffix(doc));
    }
    h.headings.iter().find(|s| clen(s) >= 4).cloned()
}

/// `标题_网易新闻` → `标题`: drops trailing site names after `_`, `|`, ` - `, `--`.
fn strip_site_suffix(t: &str) -> String {
    let mut s = t.trim();
    for sep in ["_", "｜", "|", " - ", "--", " — ", "-"] {
        if let Some(i) = s.find(sep) {
            let head = s[..i].trim();
            if clen(head) >= 6 {
                s = head;
            }
        }
    }
    s.to_string()
}

/// Splits blocks into articles, in page order.
pub fn split_articles(blocks: &[Block]) -> Vec<ArticleText> {
    let hints = collect_hints(blocks);
    let mut breadcrumb: Vec<String> = Vec::new();
    let mut page_publication: Option<String> = None;
    // 1. Drop furniture; keep content lines in order.
    let mut lines: Vec<&str> = Vec::new();
    // Whether a body-like line has been kept yet.
    let mut seen_body = false;
    let mut in_list = false;
    let mut in_related = false;
    let mut headings: Vec<usize> = Vec::new();
    let header = header_fields(blocks);
    for (text, heading) in &header {
        let (text, heading) = (text.as_ref(), *heading);
        let class = furniture::classify(text);
        // `延伸阅读：…` after the text: related stories follow, to the end of the page or its
        // next header.
        if seen_body
            && RELATED_READING.iter().any(|l| {
                text.strip_prefix(l)
                    .is_some_and(|r| r.starts_with(['：', ':']))
            })
        {
            in_related = true;
        }
        if in_related && !matches!(class, Some(Furniture::Breadcrumb(_))) {
            continue;
        }
        in_related = false;
        match class {
            Some(Furniture::Breadcrumb(segs)) => {
                if breadcrumb.is_empty() {
                    breadcrumb = segs;
                    // What the page printed above its path before any text (a slogan, the
                    // site's name) is the page's, not the article's.
                    if !seen_body {
                        lines.clear();
                        headings.clear();
                    }
                }
                // A second page header after text: the next article may start here.
                if seen_body {
                    lines.push(BOUNDARY);
                }
                continue;
            }
            Some(Furniture::ListHeader) => {
                in_list = true;
                continue;
            }
            // (`浏览次数: 信息来源: 某某局 发布时间:…`: a counter heading the page's
            // header line is no reason to lose its source and time)
            Some(Furniture::Line)
                if !seen_body
                    && byline::parse_meta_line(text, true)
                        .is_some_and(|m| m.publication.is_some() || m.published_at.is_some()) => {}
            Some(Furniture::Line) => {
                if page_publication.is_none() {
                    page_publication = meta::copyright_holder(text)
                        .or_else(|| meta::epaper_properties_outlet(text))
                        .or_else(|| meta::welcome_site(text));
                }
                continue;
            }
            None => {}
        }
        if in_list {
            // A line that is only a date (an e-paper's issue date over the article) ends the
            // list: the article follows it.
            let short = clen(text) <= 30 && !text.contains('。') && !text.contains('，');
            // a bulleted or dated headline (`- 某某活动在沪举行2026-02-02`)
            let item = !text.contains('。')
                && clen(text) <= 60
                && (strip_bullet(text).len() != text.len() || ends_with_date(text));
            if (short || item) && !is_date_line(text) {
                continue;
            }
            in_list = false;
        }
        if heading {
            headings.push(lines.len());
        }
        seen_body = seen_body || is_body_like(text);
        lines.push(text);
    }
    // 2. Walk the lines: header, body, closing credits, next article.
    let mut drafts: Vec<Draft> = vec![Draft::default()];
    let page_title = if hints.html { html_title(&hints) } else { None };
    let page_title_folded = page_title.as_deref().map(furniture::fold);
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if is_debris(line) {
            continue;
        }
        if line == BOUNDARY {
            if let Some(d) = drafts.last_mut() {
                d.ended = d.in_body;
            }
            continue;
        }
        // A Markdown heading (`### 标题`) opens a new article once the current one has text.
        if headings.binary_search(&(i - 1)).is_ok() {
            let has_body = drafts.last().is_some_and(|d| !d.body.is_empty());
            if has_body {
                drafts.push(Draft::default());
            }
            if let Some(d) = drafts.last_mut() {
                d.title = Some(line.to_string());
                d.in_body = false;
            }
            continue;
        }
        // A second story under the first one's outlet, with its own dateline and no headline
        // (`…将在9月11日宣判。` / `中新网7月24日电 综合台湾媒体报道，…`): an untitled article.
        if drafts.last().is_some_and(|d| second_dateline(d, line)) {
            drafts.push(Draft {
                in_body: true,
                ..Draft::default()
            });
        }
        let Some(d) = drafts.last_mut() else { break };
        if !d.in_body {
            if let Some(orig) = original_title_line(line) {
                d.original_title.get_or_insert(orig);
                continue;
            }
            // (the headline again, its parts joined by a dash here and a space there)
            if d.title.as_deref().is_some_and(|t| same_headline(t, line)) {
                continue;
            }
            if let Some(p) = meta::periodical_line(line) {
                d.periodical.get_or_insert(p);
                d.saw_meta = true;
                d.meta_under_title |= d.title.is_some();
                continue;
            }
            // `本报讯 (记者 崔某)` on a line of its own opens the text: its credit is read
            // from the first paragraph with the dateline's.
            if is_bare_dateline(line) {
                d.in_body = true;
                d.body.push(line);
                continue;
            }
            if let Some(m) = byline::parse_meta_line(strip_bullet(line), true)
                .or_else(|| byline::parse_dated_header_line(strip_bullet(line)))
            {
                d.merge(m);
                d.saw_meta = true;
                d.meta_under_title |= d.title.is_some();
                continue;
            }
            // A short line with no Chinese in it (`NEWS&EVENTS`, `444444.png`) is the page's.
            if !has_chars(line, 31) && !line.chars().any(crate::text::is_han) {
                continue;
            }
            // A second headline-like line before any metadata is the real headline; the
            // first was a site name or kicker.
            // Only a first line that reads as a site name or a short kicker gives way; a full
            // headline keeps its place and the line under it is a deck (subtitle).
            let kicker = d.title.as_deref().is_some_and(|t| {
                clen(t) <= 10
                    || t.ends_with(['—', '：', ':'])
                    // a site's name, never a two-part headline that happens to end like one
                    // (`…系统试运营　仅本地人可申办`)
                    || (byline::is_org_like(t) && clen(t) <= 16 && !t.contains([' ', '\u{3000}']))
                    // (a site run by two bodies names both: `某某市妇幼保健院 某某市儿童医院`)
                    || (t.split_whitespace().count() >= 2
                        && t.split_whitespace()
                            .all(|p| byline::is_org_like(p) && clen(p) <= 16))
                    || (t.starts_with(['【', '[']) && t.ends_with(['】', ']']))
                    // (a slogan of short spaced phrases: `共忆峥嵘岁月 共享联谊温情 共蓄发展之力`)
                    || slogan_kicker(t)
            });
            // (a place's name over the headline: `湖南省衡阳市蒸湘区`, under which a headline
            // may hold a comma)
            // (or a government site's name over it: `某某区人民政府`)
            let place_kicker = d.title.as_deref().is_some_and(|t| {
                clen(t) <= 12
                    && t.chars().all(crate::text::is_han)
                    && (t.ends_with(['省', '市', '县', '区', '镇', '乡', '州', '旗'])
                        && t.chars()
                            .filter(|c| ['省', '市', '县', '区', '州', '旗'].contains(c))
                            .count()
                            >= 2
                        || t.ends_with("人民政府"))
            });
            // (the headline printed in full under the metadata, whose tail was printed over it:
            // `温暖某某路 |` / `来源:…` / `某某“暖冬行动” 温暖某某路`)
            let full_again = d.title.as_deref().is_some_and(|t| {
                has_chars(t, 4)
                    && line.trim_end().ends_with(t)
                    && clen(line) > clen(t)
                    && clen(line) <= 40
                    && !line.contains(['。', '，', ','])
            });
            let replaces = full_again
                || kicker
                && !d.meta_under_title
                && page_title_folded.is_none()
                && (6..=40).contains(&clen(line))
                && (!line.contains([',', '，', '；', ';'])
                    || place_kicker && clen(line) <= 30 && !line.contains('。'))
                && !line.starts_with(['—', '-', '─'])
                // a metadata line the grammar could not read is still no headline
                && (!line.contains([':', '：']) || meta::find_times(line).is_empty());
            // Four characters or fewer, no punctuation (`捐赠仪式` over a photo, a site's
            // short name): neither headline nor body.
            // (nor a site's short name over the headline: `务川` / `抗旱蓄水…`)
            // (the breadcrumb's last segment is the headline, however short: `… > 爱心献血`)
            if clen(line) <= 4
                && line.chars().all(crate::text::is_han)
                // (unless a headline follows it: `首页>基层动态` / `基层动态` / the headline)
                && !(d.title.is_none()
                    && breadcrumb.last().is_some_and(|b| b == line)
                    && !lines
                        .get(i)
                        .is_some_and(|l| is_title_like(l) && has_chars(l, 8) && !is_body_like(l)))
                && (lines[i..].iter().take(2).any(|l| is_body_like(l))
                    || d.title.is_none()
                        && !d.saw_meta
                        && lines
                            .get(i)
                            .is_some_and(|l| is_title_like(l) && has_chars(l, 8)))
            {
                continue;
            }
            // `某某事件 爱心代驾施以援手 孙某 张某 2023年09月22日`: the writers and the date
            // printed on the headline's line after it.
            if d.title.is_none()
                && let Some((head, m)) =
                    headline_with_credit(line).or_else(|| headline_with_labelled_credits(line))
            {
                d.title = Some(head.to_string());
                d.merge(m);
                d.saw_meta = true;
                d.meta_under_title = true;
                continue;
            }
            // (`| 某某活动 |`: a table row's cell)
            let headline = strip_bullet(line)
                .trim_matches(|c: char| c == '|' || c == '｜' || c.is_whitespace());
            // `本报讯 (记者 崔某)` on a line of its own opens the text.
            let dateline = is_bare_dateline(line);
            if (d.title.is_none() || replaces)
                && is_title_like(headline)
                && !is_caption(line)
                && !dateline
            {
                // On an HTML page the headline line is the one the <h1>/<title> names.
                let matches_page = page_title_folded
                    .as_deref()
                    .is_none_or(|t| furniture::fold(headline) == t);
                if matches_page {
                    let head = without_site_name(headline);
                    if head.len() < headline.len() {
                        d.headline_site = headline
                            .rsplit_once('_')
                            .map(|(_, site)| site.trim().to_string());
                    }
                    d.title = Some(head.to_string());
                    continue;
                }
            }
            if page_title_folded.as_deref() == Some(furniture::fold(line).as_str()) {
                continue;
            }
            if is_caption(line) {
                d.captions.push(line);
                continue;
            }
            // An editor's note or abstract printed before the article (编者按：…, 内容摘要：…)
            // is not its body.
            // (or opening a page without a headline when text follows)
            if (d.title.is_some() || page_title.is_some() || i < lines.len())
                && is_editors_note(line)
            {
                continue;
            }
            // A subtitle (——记某某同志) under the headline is not body.
            if d.title.is_some()
                && line.starts_with("——")
                && clen(line) <= 40
                && !line.contains('。')
            {
                continue;
            }
            // Decks and summaries printed between the headline and a dateline paragraph
            // (`本报讯（记者…）`, `新快报讯 记者…`): the dateline opens the article.
            // (on a page without a headline, a short line there is a photo caption, and so is
            // a long one that ends in its photographer's credit: `…玉米1000斤。”闫某 摄`)
            let credited_photo = line.trim_end().ends_with('摄') && !has_chars(line, 200);
            if (d.title.is_some() || page_title.is_some() || !has_chars(line, 61) || credited_photo)
                && !dateline
                && !opens_with_dateline(line)
                // (a paragraph its writers' credit opens, `(某某 记者 某某)4月24日上午,…`, is
                // the story's first)
                && !(line.starts_with(['(', '（', '【']) && dateline_credit(line).is_some())
                // (image placeholders between the captions do not count: `?`)
                && (i..lines.len())
                    .take_while(|k| lines[*k] != BOUNDARY && headings.binary_search(k).is_err())
                    .filter(|k| !is_debris(lines[*k]))
                    .take(3)
                    .any(|k| opens_with_dateline(lines[k]))
            {
                if credited_photo {
                    d.captions.push(line);
                }
                continue;
            }
            // A short deck or sub-headline right under the headline with a paragraph after it
            // (`前海景点公厕有了免费手纸` over the story) is not body either.
            // Several decks, or a deck over the credit line (`操作不当致２０吨油污水泄漏` /
            // `本报见习记者刘帅…` / the story), go the same way.
            if d.title.is_some()
                && d.body.is_empty()
                && is_deck_line(line)
                && story_follows(&lines[i..])
            {
                continue;
            }
            d.in_body = true;
        }
        // Body state.
        if let Some(orig) = original_title_line(line) {
            if d.original_title.is_none() {
                d.original_title = Some(orig);
            }
            continue;
        }
        if let Some(m) = byline::parse_meta_line(strip_bullet(line), false) {
            // Headlines with no sentence under them, then an issue date, then a headline over
            // text (an e-paper's page): the list was navigation and the article starts here.
            if !d.body.iter().any(|l| is_body_like(l)) && headline_over_body(&lines[i..]) {
                *d = Draft {
                    meta: m,
                    saw_meta: true,
                    ..Draft::default()
                };
                continue;
            }
            d.merge(m);
            d.ended = true;
            continue;
        }
        if let Some(p) = meta::periodical_line(line) {
            d.periodical.get_or_insert(p);
            continue;
        }
        let starts_new = !d.body.is_empty()
            && is_title_like(line)
            && !is_enumerated(line)
            && !is_caption(line)
            && (d.ended && body_follows(&lines[i..])
                || next_is_dated_meta(&lines[i..])
                    && !headline_over_body(&lines[(i + 1).min(lines.len())..])
                    && body_follows(&lines[(i + 1).min(lines.len())..])
                // a second story on the page: its headline over its own dateline paragraph
                // (`警方：…已被刑拘` / `信息时报讯（见习记者…）据警方介绍，…`)
                || d.body.iter().any(|l| opens_with_dateline(l))
                    && lines
                        .get(i)
                        .is_some_and(|next| *next != BOUNDARY && opens_with_dateline(next)));
        if starts_new {
            // Lines that held no sentence before this headline were a list of headlines (a
            // page's navigation), not an article: the dated headline starts the page's one.
            let headlines_only = !d.body.is_empty() && !d.body.iter().any(|l| is_body_like(l));
            if headlines_only {
                *d = Draft {
                    title: Some(line.to_string()),
                    meta: std::mem::take(&mut d.meta),
                    periodical: d.periodical.take(),
                    ..Draft::default()
                };
            } else {
                drafts.push(Draft {
                    title: Some(line.to_string()),
                    ..Draft::default()
                });
            }
            continue;
        }
        // `二〇〇八年七月三日` alone after the last sentence: the date the text was signed,
        // its publish date when the page prints no other
        if d.body.last().is_some_and(|prev| ends_sentence(prev))
            && no_sentence_follows(&lines[i..])
            && let Some(signed) = signing_date(line)
        {
            d.meta.published_at.get_or_insert(signed);
            d.ended = true;
            continue;
        }
        if d.body.last().is_some_and(|prev| ends_sentence(prev))
            && let Some(m) = closing_signature(line).or_else(|| closing_report_line(line))
        {
            d.merge(m);
            d.ended = true;
            continue;
        }
        // A related-links list after the body: two or more bulleted headlines in a row, or
        // one at the very end.
        if !d.body.is_empty()
            && is_bulleted_link(line)
            && lines.get(i).is_none_or(|next| is_bulleted_link(next))
        {
            while lines.get(i).is_some_and(|next| is_bulleted_link(next)) {
                i += 1;
            }
            d.ended = true;
            continue;
        }
        if !d.body.is_empty() && is_bracketed_staff_credit(line) {
            d.ended = true;
            continue;
        }
        if let Some((mut para, m)) = trailing_credit(line) {
            d.merge(m);
            // `…氛围。(记者 某某)(来源:某某网)`: one credit after another
            while para.len() < line.len()
                && let Some((before, m)) = trailing_credit(para)
                && before.len() < para.len()
            {
                d.merge(m);
                para = before;
            }
            d.body.push(without_glued_caption(para));
            d.ended = true;
            continue;
        }
        if d.body.last().is_some_and(|prev| ends_sentence(prev))
            && no_sentence_follows(&lines[i..])
            && let Some(m) = bare_signature(line)
            // one name alone is a signature only as the page's last words (not `路过` over
            // `雷人`, `握手`: a reactions widget)
            && (m.bylines.len() > 1
                || lines[i..]
                    .iter()
                    .take_while(|l| **l != BOUNDARY)
                    .all(|l| byline::parse_meta_line(l, false).is_some()))
        {
            d.merge(m);
            d.ended = true;
            continue;
        }
        // After the closing credits, lines that hold no sentence and have none after them are
        // the page's (a topic link, a tag line), not the story's.
        if d.ended
            && !d.body.is_empty()
            && !line.contains(['。', '！', '？', '!', '?'])
            && no_sentence_follows(&lines[i..])
        {
            continue;
        }
        // A short line all in brackets after the last sentence, with no sentence after it, is a
        // picture's caption (`(干部职工有序排队尝鲜)`), not the story's.
        if d.body.last().is_some_and(|prev| ends_sentence(prev))
            && no_sentence_follows(&lines[i..])
            && line
                .strip_prefix(['(', '（'])
                .and_then(|r| r.strip_suffix([')', '）']))
                .is_some_and(|inner| {
                    (4..=24).contains(&clen(inner))
                        && !inner.contains(['(', '（', ')', '）', '。', '：', ':'])
                })
        {
            continue;
        }
        d.body.push(line);
        if is_body_like(line) {
            d.ended = false;
        }
    }
    // 3. Assemble.
    // A later "article" whose text is one cut-off paragraph (`…由中共某某市委主办的2020某某...`)
    // is a teaser of a related story under the real one, not a story of the page.
    let teaser = |d: &Draft| {
        d.body.len() == 1
            && (d.body[0].trim_end().ends_with("...") || d.body[0].trim_end().ends_with('…'))
            && !has_chars(d.body[0], 300)
    };
    if drafts
        .first()
        .is_some_and(|d| !d.body.is_empty() && !teaser(d))
    {
        let mut first = true;
        drafts.retain(|d| std::mem::take(&mut first) || !teaser(d));
    }
    // The same story printed twice on one page (a desktop and a mobile copy of the text) is one
    // article: a later draft with the very body of an earlier one, and no other headline.
    let mut kept: Vec<Draft> = Vec::with_capacity(drafts.len());
    for d in drafts {
        let copy = !d.body.is_empty()
            && kept.iter().any(|k| {
                k.body == d.body && (d.title.is_none() || k.title.is_none() || k.title == d.title)
            });
        if !copy {
            kept.push(d);
        }
    }
    let drafts = kept;
    let mut out = Vec::new();
    for (index, d) in drafts.into_iter().enumerate() {
        let own = d.title.clone().or(d.original_title.clone());
        let mut title = if index == 0 {
            page_title.clone().or(own)
        } else {
            own
        };
        if let Some(t) = &title
            && t.trim().is_empty()
        {
            title = None;
        }
        // `某某送医下乡受欢迎,某某送医下乡受欢迎`: the headline printed twice, joined
        if let Some(t) = &mut title
            && let Some((a, b)) = t.split_once([',', '，', ' '])
            && a.trim() == b.trim()
            && has_chars(a, 4)
        {
            *t = a.trim().to_string();
        }
        // `某某村村晚“农”情四溢 |`: a bar left from the page's title line
        if let Some(t) = &mut title
            && t.trim_end().ends_with(['|', '｜'])
        {
            *t = t
                .trim_end()
                .trim_end_matches(['|', '｜'])
                .trim_end()
                .to_string();
        }
        // A reposting site's keyword prefix on the title (`关键词_标题`) when the keyword is
        // also spammed through the body.
        let spam = repeated_lines(&d.body);
        if let Some(t) = &title
            && let Some(rest) = spam
                .iter()
                .find_map(|k| t.strip_prefix(k).and_then(|r| r.strip_prefix(['_', '|'])))
        {
            title = Some(rest.trim().to_string());
        }
        let mut photographers: Vec<String> = Vec::new();
        for l in d
            .captions
            .iter()
            .chain(d.body.iter())
            .filter(|l| is_caption(l))
        {
            for name in photo_credit(l).unwrap_or_default() {
                if !photographers.contains(&name) {
                    photographers.push(name);
                }
            }
        }
        // `麦收完这个村合作社分红了!` / the headline again, then the text: a deck and the
        // headline printed once more over the text are no part of it.
        let deck = title.as_deref().and_then(|t| {
            let k = d
                .body
                .iter()
                .take(3)
                .position(|l| same_headline(t, l.trim()))?;
            (k > 0
                && d.body[..k]
                    .iter()
                    .all(|l| !has_chars(l, 41) && !l.contains('。') && is_title_like(l.trim())))
            .then_some(k + 1)
        });
        let body_lines: Vec<&str> = d.body[deck.unwrap_or(0)..]
            .iter()
            .filter(|l| title.as_deref() != Some(**l))
            .copied()
            .collect();
        let body = clean_body(body_lines);
        if body.trim().is_empty() {
            continue;
        }
        // A later headline over no text (`(更新时间戳: …)` alone): not an article.
        if !out.is_empty() && body.chars().filter(|c| crate::text::is_han(*c)).count() < 10 {
            continue;
        }
        let first_para = body.lines().next().unwrap_or("");
        let mut dateline = meta::dateline_outlet(first_para);
        let mut bylines = d.meta.bylines.clone();
        if let Some(m) = dateline_credit(first_para) {
            if dateline.is_none() {
                dateline = m.publication.clone();
            }
            for b in m.bylines {
                if !bylines.contains(&b) {
                    bylines.push(b);
                }
            }
        }
        // `记者　陈伟斌　整理报道` inside the opening paragraphs.
        let opening_end = body.char_indices().nth(400).map_or(body.len(), |(i, _)| i);
        for (_, names) in byline::inline_report_credits(&body[..opening_end]) {
            for name in names {
                add_byline(&mut bylines, crate::record::BylineRole::Reporter, name);
            }
        }
        // A source slot's value read as a writer (`来源:文明风`) that the dateline names as the
        // outlet (`文明风9月20日讯`) is the outlet, before a unit signing after the text.
        let mut source_outlet: Option<String> = None;
        let opens_dateline = |name: &str| {
            first_para.strip_prefix(name).is_some_and(|rest| {
                let head: String = rest.chars().take(8).collect();
                head.starts_with(|c: char| c.is_ascii_digit())
                    && head.contains('日')
                    && head.contains(['讯', '电'])
            })
        };
        if !d.meta.labelled_source
            && let Some(o) = bylines
                .iter()
                .find(|b| b.role == crate::record::BylineRole::Author && opens_dateline(&b.name))
                .map(|b| b.name.clone())
        {
            bylines.retain(|b| b.name != o);
            source_outlet = Some(o);
        }
        // A writer credited as reporter and again as author (`记者刘俊` … `作者:刘俊`) is a
        // reporter once.
        let reporters: Vec<String> = bylines
            .iter()
            .filter(|b| b.role == crate::record::BylineRole::Reporter)
            .map(|b| b.name.clone())
            .collect();
        bylines.retain(|b| {
            b.role != crate::record::BylineRole::Author || !reporters.contains(&b.name)
        });
        // …and a correspondent credited again as author (`作者:曹某` over `(通讯员 曹某)`) is a
        // correspondent once.
        let correspondents: Vec<String> = bylines
            .iter()
            .filter(|b| b.role == crate::record::BylineRole::Correspondent)
            .map(|b| b.name.clone())
            .collect();
        bylines.retain(|b| {
            b.role != crate::record::BylineRole::Author || !correspondents.contains(&b.name)
        });
        for name in photographers {
            add_byline(&mut bylines, crate::record::BylineRole::Photographer, name);
        }
        // On the site's own page (来源:本站原创) the site named in the footer is the outlet,
        // before a contributing unit named in a credit.
        let own_site = d.meta.own_site
            && !d
                .meta
                .publication
                .as_deref()
                .is_some_and(byline::is_outlet_name);
        let publication = own_site
            .then(|| page_publication.clone())
            .flatten()
            .or(source_outlet)
            .or(d.meta.publication.clone())
            .or(d.periodical.clone())
            .or_else(|| breadcrumb_periodical(&breadcrumb))
            .or(hints.meta_source.clone())
            .or(dateline)
            .or_else(|| breadcrumb_site(&breadcrumb))
            .or(page_publication.clone())
            .or(d.headline_site.clone())
            .map(|p| meta::paper_of_a_pair(&p).to_string());
        // Only keywords printed on the page (关键词: …) are declared; a <meta name="keywords">
        // tag is not shown to readers and is mostly the site's own search terms.
        // The keywords element of an HTML page, its words kept apart by their links, reads
        // better than the same label found again in the page's text lines.
        let mut keywords = d.meta.keywords.clone();
        if index == 0 && !hints.printed_keywords.is_empty() {
            keywords.clone_from(&hints.printed_keywords);
        }
        if bylines.is_empty() && index == 0 {
            for name in &hints.meta_authors {
                bylines.push(Byline {
                    role: crate::record::BylineRole::Author,
                    name: name.clone(),
                });
            }
        }
        let no_title = title.is_none();
        out.push(ArticleText {
            title,
            published_at: d
                .meta
                .published_at
                .clone()
                .or(hints.meta_time.clone())
                .or_else(|| dated_dateline(first_para)),
            publication,
            bylines,
            keywords_declared: keywords,
            breadcrumb: breadcrumb.clone(),
            warnings: article_warnings(no_title, &body),
            body,
        });
    }
    out
}

/// The page's text lines (trimmed, non-empty; `true` for a Markdown heading), with the header
/// fields a scrape printed one a line put back together (`来源` / `江城日报` → `来源:江城日报`;
/// `2025` / `07-02` / `12:27` → `2025-07-02 12:27`) and a time label glued to the first
/// sentence cut off it (`时间:2020-07-222020年是…` → `时间:2020-07-22` / `2020年是…`). Only lines
/// before the first sentence are touched, except credits printed a label and a value a line
/// (`编辑:` / `王某 责任编辑:` / `李某`), joined wherever they stand.
fn header_fields(blocks: &[Block]) -> Vec<(std::borrow::Cow<'_, str>, bool)> {
    use std::borrow::Cow;
    let texts: Vec<(&str, bool)> = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Line | BlockKind::TextHeading(_)))
        .map(|b| (b.text.trim(), matches!(b.kind, BlockKind::TextHeading(_))))
        .filter(|(t, _)| !t.is_empty())
        .collect();
    let is_year = |t: &str| {
        t.len() == 4
            && (t.starts_with("19") || t.starts_with("20"))
            && t.bytes().all(|b| b.is_ascii_digit())
    };
    let is_pair = |t: &str, sep: char| {
        t.split_once(sep).is_some_and(|(a, b)| {
            (1..=2).contains(&a.len())
                && b.len() == 2
                && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
        })
    };
    let mut out: Vec<(Cow<'_, str>, bool)> = Vec::with_capacity(texts.len());
    let mut in_header = true;
    let mut k = 0;
    while k < texts.len() {
        let (t, heading) = texts[k];
        k += 1;
        // `编辑:` / `王某 责任编辑:` / `李某`: credits printed one label and one value a line,
        // each value line ending with the next label, after the text as above it.
        if !heading && byline::is_bare_label(t) {
            let mut joined = String::from(t.trim_end_matches(['：', ':']));
            let mut taken = 0;
            while let Some((n, false)) = texts.get(k + taken).copied() {
                let tail_label = n
                    .rsplit_once(char::is_whitespace)
                    .is_some_and(|(_, l)| byline::is_bare_label(l));
                if clen(n) > 30
                    || byline::is_bare_label(n)
                    || (n.contains(['：', ':']) && !tail_label)
                {
                    break;
                }
                joined.push(':');
                joined.push_str(n.trim_end_matches(['：', ':']));
                taken += 1;
                if !tail_label {
                    break;
                }
            }
            if taken > 0 {
                k += taken;
                out.push((Cow::Owned(joined), false));
                continue;
            }
        }
        if !in_header || heading {
            in_header &= !is_body_like(t);
            out.push((Cow::Borrowed(t), heading));
            continue;
        }
        // `首页>` / `法治乡村>` / `详情`, `您的位置:` / `首页` / ` > ` / `乡镇动态`: a path
        // printed a step a line (its arrows were links or icons of their own) is one path.
        if let Some((joined, taken)) = crumb_over_lines(&texts[k - 1..]) {
            k += taken;
            out.push((Cow::Owned(joined), false));
            continue;
        }
        let next = texts.get(k).map(|(n, _)| *n);
        if is_year(t) && next.is_some_and(|n| is_pair(n, '-')) {
            let mut date = format!("{t}-{}", next.unwrap_or_default());
            k += 1;
            if let Some((clock, _)) = texts.get(k).filter(|(c, _)| is_pair(c, ':')) {
                date.push(' ');
                date.push_str(clock);
                k += 1;
            }
            out.push((Cow::Owned(date), false));
            continue;
        }
        if let Some(at) = meta::glued_time_label_end(t)
            .or_else(|| glued_editor_end(t))
            .or_else(|| meta::glued_source_credit_end(t))
        {
            out.push((Cow::Borrowed(&t[..at]), false));
            // (`发布时间:… | 来源:… | 责任编辑:吴某凡在国庆…`: the rest of the header before
            // the text)
            let rest = &t[at..];
            match glued_editor_end(rest) {
                Some(end) => {
                    out.push((Cow::Borrowed(&rest[..end]), false));
                    out.push((Cow::Borrowed(&rest[end..]), false));
                }
                None => out.push((Cow::Borrowed(rest), false)),
            }
            in_header = false;
            continue;
        }
        in_header = !is_body_like(t);
        out.push((Cow::Borrowed(t), false));
    }
    out
}

/// A breadcrumb path printed a step a line at the head of `texts` (`首页>`, `法治乡村>`, `详情`):
/// the lines joined and how many lines after the first it took, or `None`.
fn crumb_over_lines(texts: &[(&str, bool)]) -> Option<(String, usize)> {
    // (each step may be a list item, with a slash for the arrow: `- 主页 /` / `- 重要信息 /` /
    // `- 重要信息`; a slash alone ends credit labels too, `摄影/`, so only in a list)
    let raw = texts.first()?.0;
    let first = strip_bullet(raw).trim();
    let listed = first.len() < raw.trim().len();
    let seps: &[char] = if listed {
        &['>', '＞', '»', '/']
    } else {
        &['>', '＞', '»']
    };
    const HOME: [&str; 4] = ["首页", "网站首页", "首頁", "主页"];
    let home = HOME.contains(&first);
    let label = first.ends_with("位置:") || first.ends_with("位置：");
    // (a line holding a path of its own, `首页 > 乡镇>>`, is read as it is)
    if !(home || label || (first.ends_with(seps) && clen(first) <= 12))
        || first.trim_end_matches(seps).contains(seps)
    {
        return None;
    }
    let mut joined = first.to_string();
    let mut taken = 0;
    while let Some(&(n, false)) = texts.get(1 + taken) {
        let n = strip_bullet(n).trim();
        let step = clen(n) <= 40 && !n.contains(['。', '，', ',', '！', '？']);
        let linked = joined.ends_with(seps)
            || n.starts_with(seps)
            || (joined.ends_with([':', '：']) && HOME.contains(&n));
        if !step || !linked {
            break;
        }
        joined.push_str(n);
        taken += 1;
    }
    // (one step joined to a label or home alone is no path: `首页` over a headline)
    (joined.contains(seps) && taken > 0).then_some((joined, taken))
}

/// Where the text starts on a header line whose last credit, an editor's name, is glued to
/// the first sentence (`| 来源:某某网 | 作者: | 责任编辑:吴某凡在国庆中秋假期来临之际,…`).
fn glued_editor_end(line: &str) -> Option<usize> {
    let label = line.rfind("编辑:").or_else(|| line.rfind("编辑："))?;
    let value_at = label + "编辑".len() + line[label + "编辑".len()..].chars().next()?.len_utf8();
    let value = &line[value_at..];
    if !has_chars(value, 10) || !value.contains(['，', ',', '。']) {
        return None;
    }
    let chars: Vec<(usize, char)> = value.char_indices().take(4).collect();
    [3usize, 2].into_iter().find_map(|k| {
        let end = chars.get(k).map(|(i, _)| *i)?;
        let name = &value[..end];
        // (`赵某12月22日`: a two-character name before a date; its three characters hold a digit)
        (name.chars().all(crate::text::is_han)
            && byline::parse_names(name).is_some_and(|n| n.len() == 1 && n[0] == name))
        .then_some(value_at + end)
    })
}

/// A headline with its writers' names and a date printed after it on the same line: the
/// headline and what the rest credits.
fn headline_with_credit(line: &str) -> Option<(&str, Meta)> {
    let t = line.trim_end();
    let time = meta::find_times(t)
        .pop()
        .filter(|f| f.end == t.len() && f.start > 0)?;
    let mut head = t[..time.start].trim_end();
    let mut names = Vec::new();
    while names.len() < 3 {
        let Some((rest, last)) = head.rsplit_once(char::is_whitespace) else {
            break;
        };
        let is_name = (2..=3).contains(&clen(last))
            && byline::parse_names(last).is_some_and(|n| n.len() == 1 && n[0] == last);
        if !is_name {
            break;
        }
        names.push(last.to_string());
        head = rest.trim_end();
    }
    if !is_title_like(head) || !has_chars(head, 6) {
        return None;
    }
    names.reverse();
    let meta = Meta {
        published_at: Some(time.iso),
        bylines: authors(names),
        ..Meta::default()
    };
    Some((head, meta))
}

/// Whether two lines are the same headline, whatever spaces and dashes join its parts.
fn same_headline(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '—' | '–' | '-' | '─'))
            .collect()
    };
    has_chars(a, 8) && key(a) == key(b)
}

/// `某某商会开展捐资助学活动_某商网`: a headline the page printed with its site's name after `_`;
/// the headline without it.
fn without_site_name(headline: &str) -> &str {
    match headline.rsplit_once('_') {
        Some((head, site))
            if has_chars(head, 6)
                && (2..=10).contains(&clen(site))
                && site.chars().all(crate::text::is_han)
                && byline::is_outlet_name(site) =>
        {
            head.trim_end()
        }
        _ => headline,
    }
}

/// `某某村党员干部负重逆行 党旗聚力量 记者 涂某 通讯员 丁某`: the headline, then its labelled
/// credits after a space on the same line.
fn headline_with_labelled_credits(line: &str) -> Option<(&str, Meta)> {
    let t = line.trim_end();
    let at = ["记者", "通讯员"]
        .iter()
        .filter_map(|l| {
            t.match_indices(l)
                .map(|(k, _)| k)
                .find(|&k| t[..k].ends_with(char::is_whitespace))
        })
        .min()?;
    let head = t[..at].trim_end();
    if !is_title_like(head) || !has_chars(head, 6) {
        return None;
    }
    let meta = byline::parse_meta_line(&t[at..], true)?;
    (!meta.bylines.is_empty() && meta.publication.is_none() && meta.published_at.is_none())
        .then_some((head, meta))
}

/// A dateline on a line of its own (`本报讯 (记者 崔某)`, `云上某县报道(通讯员汪某)`): an outlet's
/// 讯, 电 or 报道, then nothing or a bracketed credit.
fn is_bare_dateline(line: &str) -> bool {
    if has_chars(line, 31) || line.contains(['。', '，', ',']) {
        return false;
    }
    // the marker stands before the credit's bracket (`通讯员` holds a 讯 too)
    let head = &line[..line.find(['(', '（']).unwrap_or(line.len())];
    let Some((lead, rest)) = head
        .find(['讯', '电'])
        .map(|at| (&line[..at], &line[at + '讯'.len_utf8()..]))
        .or_else(|| {
            head.find("报道")
                .map(|at| (&line[..at], &line[at + "报道".len()..]))
        })
    else {
        return false;
    };
    let lead = lead.trim_start_matches(['【', '[']);
    let rest = rest.trim_start_matches(['】', ']']).trim();
    if lead.is_empty()
        || clen(lead) > 16
        || !lead
            .chars()
            .all(|c| crate::text::is_han(c) || c.is_ascii_alphanumeric())
    {
        return false;
    }
    let inner = rest
        .strip_prefix(['(', '（'])
        .and_then(|r| r.strip_suffix([')', '）']));
    let credit = inner
        .and_then(|r| byline::parse_meta_line(r, false))
        .is_some_and(|m| !m.bylines.is_empty());
    let own = ["本报", "本网", "本台", "本刊", "本站"].contains(&lead);
    // `本报讯 (俞某敏)`: the paper's own dateline and its writer's bare name
    let named = own
        && inner
            .and_then(byline::parse_names)
            .is_some_and(|n| n.len() <= 3);
    let outlet = own || byline::is_outlet_name(lead) || meta::dateline_outlet(line).is_some();
    credit || named || rest.is_empty() && outlet
}

/// True when `line` ends with a numeric date (`…举行2026-02-02`), as list items do.
fn ends_with_date(line: &str) -> bool {
    let b = line.trim_end().as_bytes();
    b.len() > 10 && {
        let d = &b[b.len() - 10..];
        d[4] == b'-'
            && d[7] == b'-'
            && d.iter()
                .enumerate()
                .all(|(k, c)| k == 4 || k == 7 || c.is_ascii_digit())
    }
}

/// A periodical the page is filed under (`首页 > 国务院公报 > 2007年第23号`): the section
/// named after a paper, gazette or magazine.
fn breadcrumb_periodical(breadcrumb: &[String]) -> Option<String> {
    const ENDINGS: &[&str] = &[
        "公报", "日报", "晚报", "早报", "晨报", "周报", "时报", "商报", "导报", "周刊", "月刊",
        "期刊", "杂志", "画报",
    ];
    breadcrumb
        .iter()
        .skip(1)
        .find(|seg| {
            (3..=12).contains(&clen(seg))
                && ENDINGS.iter().any(|e| seg.ends_with(e))
                && seg.chars().all(crate::text::is_han)
        })
        .cloned()
}

/// The site a breadcrumb starts from when it names it (`当前位置: 某某名城网 > 社会`), for a page
/// that names no source of its own.
fn breadcrumb_site(breadcrumb: &[String]) -> Option<String> {
    breadcrumb
        .first()
        .filter(|seg| {
            (3..=10).contains(&clen(seg))
                && seg.ends_with('网')
                && seg.chars().all(crate::text::is_han)
        })
        .cloned()
}

/// A line that is one full date and nothing else (`二〇〇八年七月三日`, `2023年5月6日`), as
/// `YYYY-MM-DD`.
fn signing_date(line: &str) -> Option<String> {
    let t = line.trim();
    // (a date alone is short: the body's lines are not read for dates here)
    if t.len() > 48 {
        return None;
    }
    let found = crate::fields::dates::find(t);
    let [date] = found.as_slice() else {
        return None;
    };
    let year = date.year?;
    (date.span.start == 0 && date.span.end == t.chars().count() && date.month > 0)
        .then(|| format!("{year:04}-{:02}-{:02}", date.month, date.day))
}

/// A line that is a date and nothing else a reader needs (`2021年11月02日 星期二上一期下一期`).
fn is_date_line(line: &str) -> bool {
    let Some(m) = byline::parse_meta_line(line, false) else {
        return false;
    };
    m.published_at.is_some()
        && m.bylines.is_empty()
        && m.publication.is_none()
        && m.keywords.is_empty()
        && meta::find_times(line)
            .first()
            .is_some_and(|f| line[..f.start].trim().is_empty())
}

/// Whether `line` opens a second story after draft `d`: `d` opened with a dateline paragraph
/// and ended a sentence, and `line` opens with the same outlet's dateline.
fn second_dateline(d: &Draft<'_>, line: &str) -> bool {
    let (Some(first), Some(last)) = (d.body.first(), d.body.last()) else {
        return false;
    };
    d.in_body
        && ends_sentence(last)
        && opens_with_dateline(line)
        && opens_with_dateline(first)
        && meta::dateline_outlet(first).is_some_and(|o| meta::dateline_outlet(line) == Some(o))
}

/// A paragraph that opens with a dateline: an outlet's `讯`/`电` (`本报讯`, `新快报讯`,
/// `本报北京6月28日电`, `【深圳商报讯】`) or `X报道:`.
fn opens_with_dateline(line: &str) -> bool {
    // A paragraph: the dateline is followed by text and sentence punctuation (`国内联播快讯`
    // alone is a heading).
    if !has_chars(line, 30) || !line.contains(['，', '。', ',']) {
        return false;
    }
    let head: String = line.chars().take(24).collect();
    let head = head.trim_start_matches(['【', '[', '(', '（', ' ', '\u{3000}']);
    if meta::dateline_outlet(head).is_some() {
        return true;
    }
    // `晨报９６１０１现场新闻（记者　姚锦波）“…`: a column's name, then the reporter's credit.
    if let Some(open) = head.find(['(', '（'])
        && let lead = &head[..open]
        && clen(lead) <= 16
        && !lead.contains(['，', '。', ',', '：', ':'])
        && let credit = head[open..].trim_start_matches(['(', '（']).trim_start()
        && [
            "记者",
            "本报记者",
            "通讯员",
            "实习记者",
            "见习记者",
            "特约记者",
        ]
        .iter()
        .any(|l| credit.starts_with(l))
    {
        return true;
    }
    // (`本网讯(实习记者 杨某)`: the site's own dateline)
    ["本报", "本网", "本台", "本刊"]
        .iter()
        .any(|o| head.starts_with(o))
        && head
            .char_indices()
            .find(|(_, c)| matches!(c, '讯' | '电'))
            .is_some_and(|(k, _)| head[..k].chars().count() <= 12)
}

/// The date of a dateline that prints its year (`２０１２年７月１８日北京讯`, `2020年5月3日电`):
/// the day the report was filed, as `YYYY-MM-DD`.
fn dated_dateline(first: &str) -> Option<String> {
    let head: String = first.chars().take(30).map(crate::text::fold_char).collect();
    let found = meta::find_times(&head).into_iter().next()?;
    if found.start != 0 {
        return None;
    }
    let rest = &head[found.end..];
    let at = rest.find(['讯', '电'])?;
    let place = rest[..at].trim_start_matches('日').trim();
    (clen(place) <= 8 && !place.contains(['，', ',', '。', '的']))
        .then(|| found.iso.chars().take(10).collect())
}

/// The credits in a dateline at the head of the body: `本报讯(记者赵燕通讯员陈轶群)近日,…`,
/// or without brackets: `南都讯　记者刘凡　周昌和　继推出…`, `新快报讯 记者 罗琼 实习生
/// 葛晶 报道 施工…`.
fn dateline_credit(first: &str) -> Option<Meta> {
    bracketed_dateline_credit(first)
        .or_else(|| open_dateline_credit(first))
        .or_else(|| labelled_report(first))
}

/// `通讯员冉某报道:8月1日,…`: a labelled writer's report opening the text, no outlet.
fn labelled_report(first: &str) -> Option<Meta> {
    // `某某融媒记者 里某 郑某 面对疫情…`: an outlet's reporters opening the text, no dateline
    if let Some(k) = first.find("记者")
        && let lead = &first[..k]
        && (2..=8).contains(&clen(lead))
        && lead.chars().all(crate::text::is_han)
        && (lead.ends_with(['报', '网', '台'])
            || ["融媒", "全媒体", "融媒体"]
                .iter()
                .any(|m| lead.ends_with(m)))
        && first[k + "记者".len()..].starts_with(' ')
    {
        let mut names = Vec::new();
        for token in first[k + "记者".len()..]
            .split(' ')
            .filter(|t| !t.is_empty())
        {
            match byline::parse_names(token) {
                Some(n) if n.len() == 1 && n[0] == token && clen(token) <= 3 => names.push(token),
                _ => break,
            }
        }
        if !names.is_empty() {
            let mut m = Meta::default();
            for name in names {
                add_byline(
                    &mut m.bylines,
                    crate::record::BylineRole::Reporter,
                    name.to_string(),
                );
            }
            return Some(m);
        }
    }
    if ![
        "记者",
        "通讯员",
        "本报记者",
        "特约记者",
        "见习记者",
        "实习生",
    ]
    .iter()
    .any(|l| first.starts_with(l))
    {
        return None;
    }
    let head: String = first.chars().take(40).collect();
    let k = head.find("报道")?;
    if !head[k + "报道".len()..].starts_with([':', '：', ' ', '，', ',']) {
        return None;
    }
    let m = byline::parse_meta_line(head[..k].trim(), false)?;
    (!m.bylines.is_empty() && m.publication.is_none()).then_some(m)
}

/// `X讯 记者A B 通讯员C 报道 正文…`: the label-and-name tokens after the dateline, up to
/// `报道` or the first token that is neither a label nor a name.
fn open_dateline_credit(first: &str) -> Option<Meta> {
    let head: String = first.chars().take(80).collect();
    // (`某某电力新闻网讯`: 讯 ends the dateline, not the 电 of 电力)
    let at = head
        .find('讯')
        .filter(|&k| clen(&head[..k]) <= 16)
        .or_else(|| head.find('电'))?;
    let lead = head[..at].trim_start_matches(['【', '[']);
    if clen(lead) > 16 || lead.contains(['。', '，', ',', '(', '（']) {
        return None;
    }
    let rest = head[at..]
        .trim_start_matches(['讯', '电', '】', ']'])
        .trim_start_matches([' ', '\u{3000}']);
    // `某某晚报讯记者刘某、通讯员姚某摄影报道:昨日,…`: the credits run up to 报道; 摄影报道
    // says they took the pictures too.
    if let Some(k) = rest.find("报道")
        && clen(&rest[..k]) <= 30
        && rest[k + "报道".len()..].starts_with([':', '：', ' ', '，', ','])
    {
        // (the byline grammar reads a trailing 摄影报道 itself)
        let credit = if rest[..k].ends_with("摄影") {
            &rest[..k + "报道".len()]
        } else {
            &rest[..k]
        };
        let m = byline::parse_meta_line(credit.trim(), false)?;
        return (!m.bylines.is_empty()).then_some(m);
    }
    let mut credit = String::new();
    for token in rest.split([' ', '\u{3000}']).filter(|t| !t.is_empty()) {
        if token == "报道" {
            break;
        }
        let trial = format!("{credit} {token}");
        match byline::parse_meta_line(trial.trim(), false) {
            Some(_) if token.chars().count() <= 8 => credit = trial,
            // (`通讯员 陈某某 报道`: a label alone reads as a credit only with its names)
            None if byline::is_bare_label(token) => credit = trial,
            _ => break,
        }
    }
    let m = byline::parse_meta_line(credit.trim(), false)?;
    (!m.bylines.is_empty()).then_some(m)
}

fn bracketed_dateline_credit(first: &str) -> Option<Meta> {
    let mut head: String = first.chars().take(90).collect();
    // `荆楚网(湖北日报网)讯(通讯员 某某)`: the site's parent in brackets before 讯 is part of
    // the dateline; the credits are in the next bracket.
    if let Some(open) = head.find(['(', '（'])
        && let Some(len) = head[open..].find([')', '）'])
        && let parent = head[open..open + len].trim_start_matches(['(', '（'])
        && (3..=8).contains(&clen(parent))
        && parent.chars().all(crate::text::is_han)
        && byline::is_outlet_name(parent)
        && head[open + len..].chars().nth(1).is_some_and(|c| c == '讯')
    {
        let close = open + len + head[open + len..].chars().next().map_or(0, char::len_utf8);
        head = format!("{}{}", &head[..open], &head[close..]);
    }
    // a round bracket; or a square one opening the paragraph (`【通讯员 黄某】 深秋时节，…`)
    // (`新甘谷讯【记者 某某】…`: a square bracket right after the dateline)
    let open = head
        .find(['(', '（'])
        .or_else(|| head.starts_with('【').then_some(0))
        .or_else(|| {
            head.find('【')
                .filter(|&k| head[..k].trim_end().ends_with(['讯', '电']))
        })?;
    let lead = &head[..open];
    let after = &head[open..];
    let close = after.find([')', '）', '】'])?;
    let inner = &after[..close];
    // A long lead is a deck glued to the dateline (`…居民担忧人身安全报案晨报９６１０１现场新闻
    // （记者　姚锦波）`): only a reporter's credit is read after it.
    let credit = inner.trim_start_matches(['(', '（', '【']).trim_start();
    let reporter = ["记者", "本报记者", "通讯员"]
        .iter()
        .any(|l| credit.starts_with(l));
    if clen(lead) > if reporter { 50 } else { 16 } || lead.contains(['。', '，', ',', '！', '？'])
    {
        return None;
    }
    // `…讯(黄某 文/图)`: names, then the work they did, after a dateline.
    let parsed = byline::parse_meta_line(inner, false).or_else(|| {
        lead.trim()
            .ends_with(['讯', '电'])
            .then(|| byline::parse_meta_line(inner, true))
            .flatten()
            .filter(|m| {
                m.publication.is_none()
                    && m.published_at.is_none()
                    && m.bylines
                        .iter()
                        .any(|b| b.role != crate::record::BylineRole::Author)
            })
    });
    let Some(m) = parsed else {
        // `本报讯 (张某 戴某 冯某)`: bare names after a dateline are the writers; after an
        // outlet's name (`新疆民生网(齐某某)`), the writers and the outlet.
        let lead = lead.trim();
        let outlet = byline::is_outlet_name(lead) && (3..=10).contains(&clen(lead));
        // (`(许某文 孙某红)今年是…`: the writers' names opening the paragraph)
        let dateline = lead.ends_with(['讯', '电']) || outlet || lead.is_empty();
        // `运城晚报讯(记者 寻某)`: a labelled writer whose family name we do not list
        if lead.ends_with(['讯', '电'])
            && let Some(m) = byline::one_unlisted_credit(credit)
        {
            return Some(m);
        }
        return reported_by(inner).or_else(|| {
            // (`(芦某 报道)`: the names and the word for their report)
            let names = credit.trim();
            let names = names.strip_suffix("报道").map_or(names, str::trim_end);
            dateline
                .then(|| signature(names))
                .flatten()
                .filter(|m| m.publication.is_none())
                .map(|mut m| {
                    if outlet {
                        m.publication = Some(lead.to_string());
                    }
                    m
                })
        });
    };
    let mut m = m;
    // `仪陇融媒(通讯员 某某)`: an outlet's name opening the paragraph before its credits
    let lead = lead.trim();
    if m.publication.is_none() && byline::is_outlet_name(lead) && (3..=10).contains(&clen(lead)) {
        m.publication = Some(lead.to_string());
    }
    (!m.bylines.is_empty()).then_some(m)
}

/// `（搜狐体育　陶冶　４月２２日广州报道）`: an outlet, the writer's name, then when and where
/// the report was filed.
fn reported_by(inner: &str) -> Option<Meta> {
    let inner = inner.trim_start_matches(['(', '（']);
    let parts: Vec<&str> = inner
        .split([' ', '\u{3000}'])
        .filter(|p| !p.is_empty())
        .collect();
    let [outlet, name, .., last] = parts.as_slice() else {
        return None;
    };
    if !last.ends_with("报道") || !(2..=10).contains(&clen(outlet)) {
        return None;
    }
    // `(邓某保 蒋某某 报道)`: only writers, no outlet
    if !byline::is_outlet_name(outlet)
        && !byline::is_org_like(outlet)
        && let Some(names) = byline::parse_names(&parts[..parts.len() - 1].join(" "))
            .filter(|n| n.len() == parts.len() - 1)
            .filter(|_| *last == "报道")
    {
        let mut m = Meta::default();
        for name in names {
            add_byline(&mut m.bylines, crate::record::BylineRole::Author, name);
        }
        return Some(m);
    }
    let names = byline::parse_names(name).filter(|n| n.len() == 1)?;
    let mut m = Meta {
        publication: Some((*outlet).to_string()),
        ..Meta::default()
    };
    m.bylines.extend(names.into_iter().map(|name| Byline {
        role: crate::record::BylineRole::Author,
        name,
    }));
    Some(m)
}

/// A `(原标题：…)` / `本文原标题：《…》` / `(原题为《…》)` line: the original headline.
fn original_title_line(line: &str) -> Option<String> {
    let t = line.trim();
    let inner = t
        .strip_prefix(['(', '（'])
        .and_then(|r| r.strip_suffix([')', '）']))
        .unwrap_or(t);
    let rest = ["文章原标题为", "本文原标题", "原标题", "原题为", "原题"]
        .iter()
        .find_map(|p| inner.strip_prefix(p))?;
    let rest = rest.trim_start_matches([':', '：', ' ']).trim();
    // A 原标题 followed by more text on the same line is not a bare title line.
    if rest.is_empty() || clen(rest) > 80 {
        return None;
    }
    if let Some(quoted) = rest.strip_prefix('《') {
        // Text after the closing 》 belongs to the body: keep the line then.
        let close = quoted.find('》')?;
        if !quoted[close..].trim_start_matches('》').trim().is_empty() {
            return None;
        }
        return Some(quoted[..close].to_string());
    }
    Some(rest.to_string())
}

/// Doubts worth recording on an article.
fn article_warnings(no_title: bool, body: &str) -> Vec<String> {
    let mut w = Vec::new();
    if no_title {
        w.push("title: no headline line found".to_string());
    }
    if !has_chars(body, 50) {
        w.push("body: under 50 characters".to_string());
    }
    w
}

/// True when enough body text follows (before the next closing credit) for a new article.
fn body_follows(rest: &[&str]) -> bool {
    let mut chars = 0;
    let mut sentence = false;
    for l in rest {
        if byline::parse_meta_line(l, true).is_some() && chars > 0 {
            break;
        }
        if furniture::classify(l).is_some() {
            break;
        }
        if is_body_like(l) {
            chars += clen(l);
            sentence |= l.contains('。');
        }
        if chars >= 80 && sentence {
            return true;
        }
    }
    false
}

/// True when `rest` opens with a headline (a short line with no sentence) over body text.
fn headline_over_body(rest: &[&str]) -> bool {
    rest.first().is_some_and(|l| {
        is_title_like(l) && !is_body_like(l) && !is_caption(l) && !is_enumerated(l)
    }) && body_follows(&rest[1..])
}

/// True when the next line is a dated metadata line (a new article's header).
fn next_is_dated_meta(rest: &[&str]) -> bool {
    rest.first()
        .and_then(|l| byline::parse_meta_line(l, true))
        .is_some_and(|m| m.published_at.is_some())
}

/// Removes captions and debris at the edges, joins lines broken mid-sentence.
fn clean_body(lines: Vec<&str>) -> String {
    let spam = repeated_lines(&lines);
    let mut lines: Vec<&str> = lines
        .into_iter()
        .filter(|l| !is_debris(l) && !spam.contains(l))
        .collect();
    // Photo credits and captions with a credit go everywhere; a credit at the end also takes
    // the short caption lines just above it.
    let had_tail_credit = lines
        .iter()
        .rev()
        .take(4)
        .any(|l| is_caption(l) || (l.starts_with("图片由") && l.ends_with("提供")));
    lines.retain(|l| !is_caption(l));
    // Pages that set a short caption under every picture: a trailing line of that shape is a
    // caption too, credit line or not.
    let caption_shaped = |l: &&str| {
        !has_chars(l, 31)
            && l.ends_with('。')
            && !l.contains(['，', ',', '“', '：', ':'])
            && l.matches('。').count() <= 2
    };
    let mid_captions = lines
        .iter()
        .take(lines.len().saturating_sub(1))
        .filter(|l| caption_shaped(l))
        .count();
    if mid_captions >= 3 {
        while lines.len() > 1 && lines.last().is_some_and(caption_shaped) {
            lines.pop();
        }
    }
    // Two or more short lines with no punctuation after the last sentence: the captions of
    // the photos printed under the story.
    let captions = lines
        .iter()
        .rev()
        .take_while(|l| !has_chars(l, 31) && !l.contains(|c: char| is_sentence_punct(c)))
        .count();
    // (one short line alone too: `数字报`, `快乐分享`, `netease`, a portal's link words)
    let one_short = captions == 1
        && lines
            .last()
            .is_some_and(|l| !has_chars(l, 9) && byline::parse_names(l).is_none());
    if (captions >= 2 || one_short)
        && captions < lines.len()
        && lines[lines.len() - captions - 1].ends_with(['。', '！', '？', '”'])
    {
        lines.truncate(lines.len() - captions);
    }
    if had_tail_credit {
        while lines.len() > 1
            && lines
                .last()
                .is_some_and(|l| !has_chars(l, 31) && !l.contains(['，', ',']))
        {
            lines.pop();
        }
    }
    let mut paras: Vec<String> = Vec::new();
    for l in lines {
        // a table cell's bar left after the last sentence of a paragraph
        let bare = l.trim_end_matches(['|', '｜', ' ']);
        let l = if bare.len() < l.len() && ends_sentence(bare) {
            bare
        } else {
            l
        };
        let l = if l.contains('(') || l.contains('（') {
            tidy(&byline::strip_pinyin(l))
        } else {
            // Nothing for strip_pinyin to remove.
            tidy(l)
        };
        if let Some(prev) = paras.last_mut() {
            let broken = !ends_sentence(prev)
                && (prev.ends_with(['，', ',', '、']) || has_chars(prev, 30))
                && !is_title_like_after_break(&l);
            if broken {
                prev.push_str(&l);
                continue;
            }
        }
        paras.push(l);
    }
    drop_portal_extras(&mut paras);
    drop_disclaimer_tail(&mut paras);
    drop_cut_off_tail(&mut paras);
    paras.join("\n")
}

/// Punctuation inside or at the end of a sentence.
fn is_sentence_punct(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '!'
            | '?'
            | '，'
            | ','
            | '；'
            | ';'
            | '：'
            | ':'
            | '、'
            | '“'
            | '”'
            | '"'
    )
}

/// What a portal's disclaimer after a republished story says (`文章观点仅代表作者本人，不代表新浪
/// 立场。…投资有风险，入市需谨慎。`).
const DISCLAIMERS: &[&str] = &[
    "仅代表作者本人",
    "不代表本站立场",
    "不代表本网立场",
    "不代表本网观点",
    "未经许可不得转载",
    "请注明来源",
    "独家版权所有",
    "不代表新浪立场",
    "入市需谨慎",
];

/// Drops a disclaimer paragraph at the end of the body, and the reprint notice glued before it
/// in the same paragraph after the last sentence of the story (`…转载请联系作者并获许可。`).
fn drop_disclaimer_tail(paras: &mut Vec<String>) {
    while paras.len() > 1
        && paras
            .last()
            .is_some_and(|p| DISCLAIMERS.iter().any(|d| p.contains(d)))
    {
        paras.pop();
    }
}

/// Labels that open a block of related stories after the text (`延伸阅读：…`).
const RELATED_READING: &[&str] = &["延伸阅读", "相关阅读", "相关新闻", "相关链接", "相关报道"];

/// Labels of a fact box after the story's last sentence (`捐款方式：开户银行：…`).
const FACT_BOX: &[&str] = &[
    "捐款方式",
    "捐赠方式",
    "报名方式",
    "联系方式",
    "咨询电话",
    "报名电话",
    "捐款账号",
    // a portal's promotion and disclaimer glued after the story
    "更多信息请访问",
    "特别说明",
];

/// Labels of a portal's summary before the text (`［提要］…`).
const SUMMARY_LABELS: &[&str] = &[
    "［提要］",
    "[提要]",
    "【提要】",
    "［摘要］",
    "[摘要]",
    "【摘要】",
    "［导读］",
    "[导读]",
    "【导读】",
];

/// A portal's extras glued into the text where its paragraphs were lost: a labelled summary
/// before the story (`［提要］ … 。［我来说两句］［…］新京报讯…`) and a related-reading block after
/// its last sentence (`…短期内实施。延伸阅读：…`). Neither is body.
fn drop_portal_extras(paras: &mut Vec<String>) {
    if let Some(first) = paras.first_mut()
        && let Some(label) = SUMMARY_LABELS.iter().find(|l| first.starts_with(*l))
    {
        let rest = &first[label.len()..];
        // The story starts after the run of bracketed links that follows the summary's last
        // sentence.
        let start = rest.find(['。', '！', '？']).and_then(|_| {
            let links = rest.find("。［").or_else(|| rest.find("。["))?;
            let mut at = links + '。'.len_utf8();
            loop {
                let r = &rest[at..];
                let Some(inner) = r.strip_prefix(['［', '[']) else {
                    break;
                };
                let Some(close) = inner.find(['］', ']']) else {
                    break;
                };
                let close_len = inner[close..].chars().next().map_or(1, char::len_utf8);
                at += (r.len() - inner.len()) + close + close_len;
            }
            Some(at)
        });
        match start {
            Some(at) if !rest[at..].trim().is_empty() => *first = rest[at..].trim().to_string(),
            _ => {
                paras.remove(0);
            }
        }
    }
    // A fact box after the last sentence, glued to it or a paragraph of its own.
    let paras_before = paras.len().saturating_sub(1);
    if let Some(last) = paras.last_mut()
        && let Some(i) = labelled_tail(last, FACT_BOX, paras_before > 0)
    {
        last.truncate(i);
        if last.trim().is_empty() {
            paras.pop();
        }
    }
    for k in 0..paras.len() {
        if let Some(i) = labelled_tail(&paras[k], RELATED_READING, false) {
            paras[k].truncate(i);
            paras.truncate(k + 1);
            break;
        }
    }
}

/// Where one of `labels` with a colon (`延伸阅读：`, `捐款方式：`) starts a tail of `p`: right
/// after a sentence end, or at the start of `p` when `at_start` allows it.
fn labelled_tail(p: &str, labels: &[&str], at_start: bool) -> Option<usize> {
    // Every label stands right before a colon: look only there (a paragraph holds few).
    let colons: Vec<usize> = p.match_indices(['：', ':']).map(|(c, _)| c).collect();
    if colons.is_empty() {
        return None;
    }
    labels.iter().find_map(|label| {
        colons.iter().find_map(|&c| {
            let i = c.checked_sub(label.len())?;
            (p.get(i..c) == Some(*label)
                && (i > 0 && ends_sentence(p[..i].trim_end()) || i == 0 && at_start))
                .then_some(i)
        })
    })
}

/// Adds a credit unless the same person is already credited in the same role.
fn add_byline(bylines: &mut Vec<Byline>, role: crate::record::BylineRole, name: String) {
    let b = Byline { role, name };
    if !bylines.contains(&b) {
        bylines.push(b);
    }
}

/// A page cut off mid-sentence (`…通过居民微`): the unfinished sentence at the end is dropped,
/// so the body ends with the last sentence printed whole. Only a tail that is a sentence in
/// progress (a comma, few spaces, a word at the end) goes; a last line without a full stop
/// that is a signature, a slogan or a list of names stays.
fn drop_cut_off_tail(paras: &mut Vec<String>) {
    let previous_ends_sentence = |paras: &[String]| {
        paras
            .len()
            .checked_sub(2)
            .and_then(|k| paras.get(k))
            .is_some_and(|p| ends_sentence(p.trim_end()))
    };
    // A photo's caption left after the text (`党员开展批评与自我批评`, `②18 志愿者为居民理发。`),
    // or the subheads of a page cut off after them (`网点“走出去”`): a short line of words
    // with no punctuation and no space, or one numbered like a picture, under a paragraph
    // that ended its sentence.
    let mut popped = false;
    while previous_ends_sentence(paras)
        && let Some(last) = paras.last()
        && let t = last.trim()
        && ((5..=24).contains(&clen(t))
            && t.chars()
                .all(|c| crate::text::is_han(c) || matches!(c, '“' | '”'))
            && byline::parse_names(t).is_none()
            && !byline::is_org_like(t)
            || t.starts_with(|c: char| ('①'..='⑳').contains(&c)) && !has_chars(t, 31))
    {
        paras.pop();
        popped = true;
    }
    if popped {
        return;
    }
    let previous_ends_sentence = previous_ends_sentence(paras);
    let Some(last) = paras.last_mut() else {
        return;
    };
    let t = last.trim_end();
    // An item of a list (第十一站：…江西赣县上饶平安希望小学) ends without a full stop.
    // (a semicolon ends a clause, not the page)
    if (ends_sentence(t) && !t.ends_with(['；', ';']))
        || t.ends_with([')', '）', '】', ']', '》'])
        || is_list_item(t)
    {
        return;
    }
    // (a closing quote ends a sentence only after a full stop: `“城市带农村”党组织` goes on)
    let cut = t
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '。' | '！' | '？' | '!' | '?' | '…')
                || c == '”' && t[..i].ends_with(['。', '！', '？', '!', '?', '…'])
        })
        .map(|(i, c)| i + c.len_utf8());
    let tail = &t[cut.unwrap_or(0)..];
    // A sentence in progress: a comma, few spaces (not a list of names), ends in a word; or
    // it stops on a comma or semicolon.
    let spaces = tail.chars().filter(|c| c.is_whitespace()).count();
    // (a list of names, or an attribution `——汪某`)
    let names = byline::parse_names(tail.trim_start_matches(['—', '－', '-', ' '])).is_some();
    // a tail inside the paragraph may be a long clause; a paragraph without any full stop is
    // more likely one that lost them
    let longest = if cut.is_some_and(|end| end > 0) {
        150
    } else {
        40
    };
    let in_progress = !names
        && spaces <= 2
        && (tail.contains(['，', ','])
            && has_chars(tail, 6)
            && tail.chars().next_back().is_some_and(crate::text::is_han)
            // (a short tail: a long one is more likely a paragraph that lost its full stops)
            || has_chars(tail, 4) && !has_chars(tail, longest + 1) && tail.ends_with(['，', ',', '；', ';', '、'])
            // a whole paragraph stopping on a comma after one that ended a sentence
            || cut.is_none()
                && tail.ends_with(['，', ','])
                && has_chars(tail, 4)
                && previous_ends_sentence
            // a few words after the last full stop of the same paragraph
            || cut.is_some_and(|end| end > 0)
                && has_chars(tail.trim(), 2)
                && !has_chars(tail, 41)
                && tail.chars().next_back().is_some_and(|c| crate::text::is_han(c) || c.is_ascii_digit()));
    if !in_progress {
        return;
    }
    match cut {
        Some(end) if ends_sentence(&t[..end]) => last.truncate(end),
        _ if paras.len() > 1 => {
            paras.pop();
        }
        _ => {}
    }
}

/// Short non-sentence lines that occur more than once in a body: keyword spam a reposting
/// site inserted between paragraphs.
fn repeated_lines<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if is_body_like(l) || has_chars(l, 31) || out.contains(l) {
            continue;
        }
        if lines[i + 1..].contains(l) {
            out.push(l);
        }
    }
    out
}

/// The next line after an unfinished one is a continuation unless it is a bullet or an item
/// of a numbered list.
fn is_title_like_after_break(l: &str) -> bool {
    l.starts_with(['•', '·', '●', '■', '◆']) || is_list_item(l)
}

/// An item of a list, its marker and a label before a colon: `第一站：2007年9月…`,
/// `Ｂ、通过银行捐款：…`, `3．报名方式：…`. A line broken mid-sentence that happens to start
/// with 第一 (`第一现场看到…`) has no such label.
fn is_list_item(l: &str) -> bool {
    let t = l.trim_start();
    let head: String = t.chars().take(12).collect();
    let Some(colon) = head.find(['：', ':']) else {
        return false;
    };
    let marker = &head[..colon];
    let numerals = "一二三四五六七八九十0123456789０１２３４５６７８９";
    let letter = |c: char| c.is_ascii_uppercase() || ('Ａ'..='Ｚ').contains(&c);
    let mut cs = marker.chars();
    match cs.next() {
        Some('第') => cs.next().is_some_and(|c| numerals.contains(c)),
        Some(c) if numerals.contains(c) || letter(c) => {
            let rest: String = marker
                .chars()
                .skip_while(|c| numerals.contains(*c))
                .collect();
            ["、", ".", "．", ")", "）"]
                .iter()
                .any(|m| rest.starts_with(m))
                || (letter(c) && rest.chars().nth(1).is_some_and(|m| "、.．".contains(m)))
        }
        _ => false,
    }
}

/// Full-width punctuation that never takes a space next to it.
fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '【'
            | '】'
            | '…'
            | '—'
    )
}

/// Collapses runs of whitespace to one space and drops the spaces scrapers put around
/// punctuation in Chinese text (`永平街 , 共有` → `永平街,共有`).
fn tidy(s: &str) -> String {
    // Most lines hold no whitespace at all: nothing to collapse or drop.
    if !has_whitespace(s) {
        return s.to_string();
    }
    let collapsed = collapse_spaces(s);
    let mut out = String::with_capacity(collapsed.len());
    let mut chars = collapsed.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let mut kept = out.chars().rev();
            let prev = kept.next();
            let before_prev = kept.next();
            let next = chars.peek().copied();
            let han = |x: Option<char>| x.is_some_and(crate::text::is_han);
            let ascii_punct =
                |x: Option<char>| x.is_some_and(|x| matches!(x, ',' | ';' | ':' | '!' | '?'));
            let drop = prev.is_some_and(is_cjk_punct)
                || next.is_some_and(is_cjk_punct)
                || (ascii_punct(next) && han(prev))
                || (ascii_punct(prev) && han(next) && han(before_prev));
            if drop {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// True when `s` holds a character with the Unicode White_Space property (exactly
/// `s.contains(char::is_whitespace)`), tested on the UTF-8 bytes: U+0009–U+000D, U+0020,
/// U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
fn has_whitespace(s: &str) -> bool {
    let b = s.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    b.iter().enumerate().any(|(i, &x)| match x {
        0x09..=0x0d | 0x20 => true,
        0xc2 => matches!(at(i + 1), 0x85 | 0xa0),
        0xe1 => at(i + 1) == 0x9a && at(i + 2) == 0x80,
        0xe2 => {
            let (y, z) = (at(i + 1), at(i + 2));
            (y == 0x80 && matches!(z, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf)) || (y == 0x81 && z == 0x9f)
        }
        0xe3 => at(i + 1) == 0x80 && at(i + 2) == 0x80,
        _ => false,
    })
}

/// Collapses runs of whitespace to one space.
fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Block> {
        text.lines()
            .map(|l| Block {
                text: l.trim().to_string(),
                kind: BlockKind::Line,
            })
            .collect()
    }

    #[test]
    fn the_tail_of_a_county_sites_page() {
        // bare names after the last sentence are the writers; a cut-off credit bracket too
        let page = "社区开展志愿服务活动\n志愿者们来到小区，帮助老人打扫卫生，和老人们拉家常。\n\
                    此次活动进一步增强了党组织的凝聚力和向心力。\n胡小萍 胡明 俞方\n(责任编辑:陈立)";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("向心力。"), "{}", a[0].body);
        let names: Vec<&str> = a[0].bylines.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(
            names,
            ["胡小萍", "胡明", "俞方", "陈立"],
            "{:?}",
            a[0].bylines
        );
        let page = "社区开展志愿服务活动\n志愿者们来到小区，帮助老人打扫卫生，和老人们拉家常。\n(徐明  訾欢";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("拉家常。"), "{}", a[0].body);
        assert_eq!(a[0].bylines.len(), 2, "{:?}", a[0].bylines);
        // photo captions after the last paragraph, before the editor's credit
        let page = "镇里筑牢防线\n全镇设立8个卡点，严格管控车辆进出，降低人员流动性。\n\
                    村干部劝导前来摆摊的商贩\n先锋队劝返流动车辆\n镇党委书记带队巡查各路口\n(责任编辑:陈立)";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("流动性。"), "{}", a[0].body);
        // a line linking to a topic after the credits; a reprint notice
        let page = "镇里关爱留守儿童\n下一步，镇里将支持村级集体经济发展，让发展成果惠及更多的留守儿童。\n\
                    作者:唐立\n责编:梅华\n专题某区2022年党员干部“心连心走基层”活动专栏";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("留守儿童。"), "{}", a[0].body);
        let page = "学校建成教学楼\n新建的教学楼将把全镇的教育水平提高到一个新的台阶。\n\
                    本文为某某站原创文章，转载请附上原文出处链接和本声明。";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("台阶。"), "{}", a[0].body);
        // a reporter's dateline credit after the text, then a list of related headlines
        let page = "红十字会拨款支援灾区\n澳门红十字会表示，将持续关注灾情发展，根据灾情变化随时作出相应行动。\n\
                    海外网澳门电 记者富明\n标签:\n新闻推荐\n\
                    - 某大使馆举办中外青年新春联欢主题活动2026-02-02\n\
                    - 跨越海峡的盛唐之约:海峡两岸青年汉唐文化冬令营迎春联欢会温情举办2026-02-02\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("相应行动。"), "{}", a[0].body);
        assert_eq!(a[0].bylines.len(), 1, "{:?}", a[0].bylines);
        assert_eq!(a[0].bylines[0].name, "富明");
        // traditional-character related-reading label
        let page = "社区齐心抗疫\n她表示，“我们必须团结起来，众志成城，坚决打赢这场疫情阻击战。”\n相關文章:";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("阻击战。”"), "{}", a[0].body);
    }

    #[test]
    fn credits_glued_after_the_last_sentence_and_a_dated_line_no_grammar_reads() {
        // a labelled writer glued after the last sentence with a separator; a unit that
        // supplied the pictures
        let page = "社区转移群众\n昨夜普降暴雨，镇村干部连夜转移群众。\n\
                    “洪水固然可怕，但我们能够团结一心。”村民这样说道。文:程立新 |";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("这样说道。"), "{}", a[0].body);
        assert_eq!(a[0].bylines.len(), 1, "{:?}", a[0].bylines);
        assert_eq!(a[0].bylines[0].name, "程立新");
        let page = "街道推进民间河长制\n街道推动民间河长制工作走深走实，打造水清岸绿的水生态环境。(图文由东湖街道提供)";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("水生态环境。"), "{}", a[0].body);
        assert!(a[0].bylines.is_empty(), "{:?}", a[0].bylines);
        // a dated header line with an editor slot holding a unit: header, not body
        let page = "营盘社区开展敲门行动\n2025-03-12 11:44  编辑:东山融媒体\n\
                    近日，营盘社区组织网格员开展敲门行动，走访辖区内97户高龄老人。";
        let a = split_articles(&lines(page));
        assert_eq!(
            a[0].published_at.as_deref(),
            Some("2025-03-12T11:44:00+08:00")
        );
        assert!(a[0].body.starts_with("近日"), "{}", a[0].body);
    }

    #[test]
    fn a_signing_date_after_the_last_sentence_is_the_publish_date() {
        let page = "某某局开展结对帮扶\n\n6月23-27日,某某局组织干部深入结对村走访农户,了解群众所思所盼。努力帮助结对村走上致富路。\n\n二00八年七月三日\n";
        let a = split_articles(&lines(page));
        assert_eq!(
            a[0].published_at.as_deref(),
            Some("2008-07-03"),
            "{:?}",
            a[0]
        );
        assert!(a[0].body.ends_with("走上致富路。"), "{}", a[0].body);
    }

    #[test]
    fn a_photographers_credit_glued_to_the_caption_and_two_photographers_side_by_side() {
        let page = "某某镇爱心助农\n\n近日,某某镇组织爱心企业采购当地农产品,帮助农户销售花生油等特色农产品共计5万余元,受到农户欢迎。\n\n花生油已装车,准备送往珠海。通讯员李建国摄\n\n此次活动共采购花生油2000斤,有效带动农户增收。\n";
        let a = split_articles(&lines(page));
        assert!(!a[0].body.contains("李建国"), "{}", a[0].body);
        assert!(
            a[0].bylines
                .iter()
                .any(|b| b.name == "李建国" && b.role == crate::record::BylineRole::Photographer),
            "{:?}",
            a[0].bylines
        );
        let page = "某某市送戏下乡\n\n近日,某某市采茶剧团走进某某村,为村民送上一场精彩的文艺演出,吸引了300多名村民观看。\n\n剧团的演员正在为村民表演采茶戏。周亮摄\n\n近年来,该市实施文化惠民工程,演出场次年均超过200场。\n";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].bylines.len(), 1, "{:?}", a[0].bylines);
        assert_eq!(a[0].bylines[0].name, "周亮");
        let page = "某某县开展校园食品安全检查\n\n近日,某某县市场监督管理局联合教育局开展校园周边食品安全环境整治工作,严厉打击无证无照等违法违规经营行为。\n\n图为执法人员正在检查食品安全质量。王雨林 段丁长 摄\n";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].bylines.len(), 2, "{:?}", a[0].bylines);
    }

    #[test]
    fn a_unit_and_its_labelled_credits_in_one_bracket_after_the_text() {
        let page = "某某支部开展主题党日活动\n\n9月15日,离退休支部组织党员开展户外学习活动,共39名老党员参加。活动丰富了老同志们的精神文化生活。(离退休工作管理处党总支 文/王琳 图\\李小霞 审核/杨辉)\n";
        let a = split_articles(&lines(page));
        assert_eq!(
            a[0].publication.as_deref(),
            Some("离退休工作管理处党总支"),
            "{:?}",
            a[0]
        );
        assert_eq!(a[0].bylines.len(), 3, "{:?}", a[0].bylines);
        assert!(a[0].body.ends_with("精神文化生活。"), "{}", a[0].body);
    }

    #[test]
    fn a_site_run_by_two_bodies_over_the_headline_is_the_sites_name() {
        let page = "0731-28221326\n某某市妇幼保健院 某某市儿童医院\n\n党建工作\n\n离退休支部开展户外主题党日活动\n\n发布时间:2017-09-20浏览:2809 次\n\n    为了切合离退休党员的实际情况,离退休支部积极探索,勇于实践,开展特色党建活动。9月15日,离退休支部组织党员在某某镇开展了一次有意义的户外学习活动,共39名老党员积极参加。\n    按照推进学习教育常态化制度化要求,支部联点领导为老党员上了一堂党课,通过学习强化离退休党员的政治意识、大局意识。\n";
        let a = split_articles(&lines(page));
        assert_eq!(
            a[0].title.as_deref(),
            Some("离退休支部开展户外主题党日活动"),
            "{:?}",
            a[0]
        );
    }

    #[test]
    fn an_outlet_opening_the_text_before_its_credits_and_a_sites_welcome_bar() {
        let page = "打好防汛主动仗\n\n某某融媒(通讯员 李建国)汛情就是命令,防汛就是责任。先锋镇全镇上下严阵以待,全力做好汛期群众转移安置工作。\n";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].publication.as_deref(), Some("某某融媒"), "{:?}", a[0]);
        assert_eq!(a[0].bylines.len(), 1, "{:?}", a[0].bylines);
        let page = "欢迎光临某湖新闻网邮箱:abc@163.com 加入收藏|繁體版|广告服务|网站地图\n当前位置:网站首页 / 乡镇传真\n某某镇全力转移安置群众\n2024-07-02 10:05:39 编辑: 李建国\n\n为有效应对持续强降雨天气,某某镇干群一心,将人员转移安置到安全地带,极力抢险救灾。\n";
        let a = split_articles(&lines(page));
        assert_eq!(
            a[0].publication.as_deref(),
            Some("某湖新闻网"),
            "{:?}",
            a[0]
        );
        let page = "欢迎访问共青团某某县委员会网站!\n某某县开展防溺水宣传\n\n近日,团县委组织志愿者走进校园开展防溺水宣传活动,300余名学生参加。\n";
        let a = split_articles(&lines(page));
        assert_eq!(
            a[0].publication.as_deref(),
            Some("共青团某某县委员会"),
            "{:?}",
            a[0]
        );
        // a deputy chief editor on duty is an editor
        let page = "某某学校收到捐赠\n\n近日,爱心企业向某某学校捐赠学习用品,惠及300余名学子。\n(责任副总编:李建国  责任编辑:王小红)\n";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].bylines.len(), 2, "{:?}", a[0].bylines);
    }

    #[test]
    fn a_units_signature_glued_to_its_writers_after_the_last_sentence() {
        let page = "某某乡开展残疾人就业培训\n近日,某某乡举办残疾人实用技术培训班,共有30余名残疾人参加培训。为他们脱贫致富奠定基础。(县残联周某霞)\n";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].publication.as_deref(), Some("县残联"), "{:?}", a[0]);
        assert!(a[0].body.ends_with("奠定基础。"), "{}", a[0].body);
        let page = "某某街道举办道德讲堂\n近日,某某街道举办道德讲堂活动,居民代表60余人参加。让文明之风在城关大地生根发芽。(城关贺某洁、王某供稿)\n";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].bylines.len(), 2, "{:?}", a[0].bylines);
        // a group's contribution names no writer
        let page = "某某学校开展科普讲座\n近日,某某学校开展科普讲座活动,学生200余人参加。此项活动得到学校与社会的高度关注。\n(中科院老科协研学导师团与科普讲师团供稿)\n";
        let a = split_articles(&lines(page));
        assert!(a[0].bylines.is_empty(), "{:?}", a[0].bylines);
    }

    #[test]
    fn a_paragraph_its_writers_credit_opens_is_kept_before_a_related_dateline() {
        let page = "(熊某 记者 钟某君)4月24日上午,某某区高桥镇在某某社区组织了募捐活动。\n在活动现场,工作人员宣读了倡议书。号召全镇干部群众积极行动,奉献爱心,踊跃为灾区群众捐款,与灾区群众共渡难关。\n此次募捐活动,共筹集到捐款15570余元,这批款项将直接汇到灾区民政部门指定的账号。\n新闻推荐\n新华社四川芦山4月26日电芦山地震发生后,四川省委、省政府全力调拨资金,紧急调集帐篷棉被、食品等救灾物资抢运至灾区...\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.starts_with("(熊某 记者 钟某君)"), "{}", a[0].body);
    }

    #[test]
    fn a_headlines_site_name_credits_and_a_teaser_of_another_story() {
        // the site's name after `_`; credits after the headline on its line; the headline
        // again, its parts joined by a dash; a related story's cut-off teaser after the text
        let page = "某某商会开展捐资助学活动_某商网\n某某商会开展2014年捐资助学活动，向20名困难学子捐出善款。\n";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].title.as_deref(), Some("某某商会开展捐资助学活动"));
        let page = "某某村党员干部负重逆行 党旗聚力量 记者 涂某民 通讯员 丁某彬\n某某村党员干部负重逆行——党旗聚力量\n面对严峻的汛情形势，某某村两委班子冲锋在前，始终奋战在一线。\n\
";
        let a = split_articles(&lines(page));
        assert_eq!(
            a[0].title.as_deref(),
            Some("某某村党员干部负重逆行 党旗聚力量")
        );
        assert!(a[0].body.starts_with("面对严峻"), "{}", a[0].body);
        let names: Vec<&str> = a[0].bylines.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["涂某民", "丁某彬"]);
        let page = "某某市非公经济助力乡村振兴\n本报讯(记者 李某)12月11日，某某镇非公经济助力乡村振兴公益捐赠活动举行。\n\
                    当天，3家民营企业向某某村捐赠共计55万元。\n\
                    某某市举办民宿产业发展论坛\n本报讯(记者 岳某)12月10日，由某某市主办的2020某某民宿产业发展论坛举行，以“享受安逸生活...\n";
        let a = split_articles(&lines(page));
        assert_eq!(a.len(), 1, "{a:?}");
        assert!(a[0].body.ends_with("55万元。"), "{}", a[0].body);
        // an e-paper's issue date above a kicker and its headline: the headline is the second
        let page = "2025年10月28日\n区市场监管局某桥市场监管所\n服务“零距离” 当好市民消费“守护者”\n\
                    □张某亭\n为进一步提升广大市民的消费维权意识和能力，近日，某桥市场监管所深入社区一线开展宣传活动。\n";
        let a = split_articles(&lines(page));
        assert_eq!(
            a[0].title.as_deref(),
            Some("服务“零距离” 当好市民消费“守护者”")
        );
        assert_eq!(a[0].bylines.len(), 1, "{:?}", a[0].bylines);
        // the headline printed twice on its line; the writer's report in brackets opening
        // the text
        let page = "某局送医药下乡受欢迎,某局送医药下乡受欢迎\n(芦某 报道)在端午佳节来临之际，某某医院医疗专家团队赴某某村开展义诊活动。\n";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].title.as_deref(), Some("某局送医药下乡受欢迎"));
        let names: Vec<&str> = a[0].bylines.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["芦某"]);
        // a deck and the headline again over the text
        let page = "某某村土地股份专业合作社召开第一次分红仪式!\n时间:2022-06-30 10:02\n麦收完这个村合作社分红了!\n某某村土地股份专业合作社召开第一次分红仪式!\n某某新闻网:6月29日，某某村土地股份专业合作社迎来了首届分红大会，社员们齐聚一堂。\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.starts_with("某某新闻网:6月29日"), "{}", a[0].body);
        // a page naming no source of its own is its breadcrumb's site's
        let page = "当前位置: 某某名城网 > 社会\n饭菜香 乡情浓\n“能天天到这里吃饭，真不赖。”7月10日中午，某某村共享食堂里热闹非凡，100多位老人坐在餐桌旁。\n";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].publication.as_deref(), Some("某某名城网"));
    }

    #[test]
    fn headers_of_w57_kickers_crumb_labels_parent_outlets_and_spaced_marks() {
        // a slogan of short parallel phrases over the headline is a kicker
        let page = "共忆峥嵘岁月 共享联谊温情 共蓄发展之力\n某某村开展退伍军人联谊会共叙军旅情\n2024-07-31\n\
                    7月27日，某某村召开了退伍军人联谊会，40余名退伍军人齐聚一堂。\n";
        let a = split_articles(&lines(page));
        assert_eq!(
            a[0].title.as_deref(),
            Some("某某村开展退伍军人联谊会共叙军旅情")
        );
        // the path's last label printed again over a headline is no headline
        let page = "你的位置:首页>基层动态\n基层动态\n传承雷锋精神,共创美丽家园 某某镇团委开展学雷锋活动\n\
                    发稿时间:2017年3月9日\n3月5日是全国学雷锋日，某某镇团委在集镇开展系列活动。\n";
        let a = split_articles(&lines(page));
        assert_eq!(
            a[0].title.as_deref(),
            Some("传承雷锋精神,共创美丽家园 某某镇团委开展学雷锋活动")
        );
        // the site's parent in brackets before 讯: the credits are in the next bracket
        let m = dateline_credit(
            "荆楚网(湖北日报网)讯(通讯员 桂某照)7月31日，某某社区开展走访慰问活动。",
        )
        .unwrap();
        assert_eq!(m.bylines[0].name, "桂某照");
        assert_eq!(m.bylines[0].role, crate::record::BylineRole::Correspondent);
        // the writer's mark spaced off the names in the closing bracket
        let m = signature("文 吴某某 周某").unwrap();
        let names: Vec<&str> = m.bylines.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["吴某某", "周某"]);
        // three-character names glued together in the closing bracket
        let m = signature("尹某剑李某阳丁某铭").unwrap();
        assert_eq!(m.bylines.len(), 3, "{:?}", m.bylines);
        let m = signature("文 吴某某 图 李某").unwrap();
        assert_eq!(m.bylines[1].role, crate::record::BylineRole::Photographer);
    }

    #[test]
    fn a_bracketed_caption_line_after_the_last_sentence_is_no_body() {
        let page = "某某中心开展消费帮扶活动\n2023-06-16\n近日，某某中心食堂开展消费帮扶活动，得到了干部职工的广泛好评。\n\
                    同时，鼓励干部职工购买定点帮扶村农副产品，进一步拓宽销路。\n(干部职工有序排队尝鲜)\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("拓宽销路。"), "{}", a[0].body);
    }

    #[test]
    fn a_dateline_credits_a_writer_whose_family_name_is_not_listed() {
        let page = "某某幼儿园开展消防演练\n河东晚报讯(记者 寻某)11月6日,某某区消防救援大队走进某某幼儿园,指导幼儿学习消防知识。\n消防演练拉开活动的序幕。\n";
        let a = split_articles(&lines(page));
        let names: Vec<&str> = a[0].bylines.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["寻某"]);
        // a square bracket after the dateline; bare names in brackets opening the paragraph
        for first in [
            "新某县讯【记者 孙某红】11月6日,某某区消防救援大队走进某某幼儿园,指导幼儿学习消防知识。",
            "(许某文 孙某红)今年是某某社区开展邻里节活动的第十个年头,居民们欢聚一堂。",
        ] {
            let m = dateline_credit(first).unwrap_or_default();
            let names: Vec<&str> = m.bylines.iter().map(|b| b.name.as_str()).collect();
            assert!(names.contains(&"孙某红"), "{first}: {names:?}");
        }
    }

    #[test]
    fn headers_of_school_hospital_and_government_sites() {
        // a dateline on a line of its own is the start of the text, not a headline
        let page = "本报讯 (记者 崔明)\n“晚上一定要开着灯，随时准备转移。”7月19日凌晨，村党支部书记挨家挨户通知村民。";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].title, None);
        assert!(a[0].body.starts_with("本报讯"), "{}", a[0].body);
        assert_eq!(a[0].bylines.len(), 1, "{:?}", a[0].bylines);
        let page = "云上某县报道(通讯员汪明芳)\n“现在社区生活环境越来越好了。”西街社区居民说，垃圾分类成了新习惯。";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].title, None);
        assert_eq!(a[0].bylines.len(), 1, "{:?}", a[0].bylines);
        // a photo caption over the dateline paragraph of a page without a headline
        let page = "9月15日，某小区举办中秋邻居节活动。\n红网时刻新闻9月16日讯(记者 叶明)品尝百家宴，收获邻里情。小区居民欢聚一堂。";
        let a = split_articles(&lines(page));
        assert!(a[0].body.starts_with("红网时刻"), "{}", a[0].body);
        assert!(
            a[0].publication
                .as_deref()
                .is_some_and(|p| p.starts_with("红网"))
        );
        // bulleted credits, a site logo, an English section name, image file names
        let page = "某市发改委网站logo\nNEWS&EVENTS\n医院举行党员志愿服务活动\n• 文:宣传策划部\n• 日期:2020-12-03\n\
                    444444.png\n2020年11月30日，医院党委在门诊大厅举行了党员志愿服务活动，为患者提供导诊服务。\n打印此文 关闭窗口";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].title.as_deref(), Some("医院举行党员志愿服务活动"));
        assert_eq!(a[0].published_at.as_deref(), Some("2020-12-03"));
        assert!(a[0].body.starts_with("2020年11月30日"), "{}", a[0].body);
        assert!(a[0].body.ends_with("导诊服务。"), "{}", a[0].body);
        // a government information-disclosure table over the text
        let page = "索引号: | a12--2024-0038 | 主题分类: | 综合政务 |\n发布机构: | 某区某街道 | 生成日期: | 2024-06-12 |\n\
                    文件编号: | 有效性: | 有效 | |\n公开范围: | 面向全社会 | 公开方式: | 主动公开 |\n\
                    为增强居民对垃圾分类知识的了解，社区志愿者在小区内开展了宣传活动。";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].publication.as_deref(), Some("某区某街道"));
        assert_eq!(a[0].published_at.as_deref(), Some("2024-06-12"));
        assert!(a[0].body.starts_with("为增强"), "{}", a[0].body);
        // a day-first time; a unit and a writer after the text; a hotline
        let page = "关爱留守儿童活动\n31.08.2017 10:48\n为加强留守儿童关爱保护工作，团市委组织青年志愿者开展活动。\n\
                    某镇党政办 李志成\n新闻热线::0593-7856234";
        let a = split_articles(&lines(page));
        assert_eq!(
            a[0].published_at.as_deref(),
            Some("2017-08-31T10:48:00+08:00")
        );
        assert!(a[0].body.ends_with("开展活动。"), "{}", a[0].body);
        assert_eq!(a[0].bylines.len(), 1, "{:?}", a[0].bylines);
        // a writer credited as correspondent in the dateline and as author in the header
        let page = "企业捐赠口罩\n作者:曹明 向夷帆\n红网时刻常德4月1日讯(通讯员 曹明 向夷帆)“谢谢，真是太谢谢了。”镇里的工作人员说。";
        let a = split_articles(&lines(page));
        assert!(
            a[0].bylines
                .iter()
                .all(|b| b.role == crate::record::BylineRole::Correspondent),
            "{:?}",
            a[0].bylines
        );
    }

    #[test]
    fn a_units_signature_numbered_captions_and_labelled_tails() {
        let page = "参观红色教育基地\n大家表示，要不负时代，不负韶华。(市人社局 万璐璐)\n图一、二:参观现场合影\n图三:参观展馆";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("不负韶华。"), "{}", a[0].body);
        assert_eq!(a[0].publication.as_deref(), Some("市人社局"));
        assert_eq!(a[0].bylines.len(), 1, "{:?}", a[0].bylines);
        let page =
            "社区开展禁毒宣传\n活动营造了全民参与禁毒的良好氛围。(某某办事处 胡 俊)\n相关政策";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("良好氛围。"), "{}", a[0].body);
        assert_eq!(a[0].bylines[0].name, "胡俊");
        let page =
            "镇里开展安全检查\n评论:\n近日，镇里联合公安、消防等部门开展安全检查，排查隐患。";
        let a = split_articles(&lines(page));
        assert!(a[0].body.starts_with("近日"), "{}", a[0].body);
    }

    #[test]
    fn credits_opening_the_text_and_headers_of_portals() {
        let page =
            "收麦时节\n本报讯 (张泽勇 戴湲涵 冯小雨)又是一年“三夏”时。连日来，各地抢收小麦。";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].bylines.len(), 3, "{:?}", a[0].bylines);
        let page = "美丽乡村\n【通讯员 黄焕】 深秋时节，走进某乡某村，村民们正忙着秋收。";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].bylines.len(), 1, "{:?}", a[0].bylines);
        assert_eq!(
            a[0].bylines[0].role,
            crate::record::BylineRole::Correspondent
        );
        let page = "互联网新闻信息许可证:61120180013\n§当前位置:首页>新闻频道>乡镇\n义诊下乡护航百姓健康\n\
                    ©原创   11-03 10:20   某某融媒体中心\n编审丨姚某婷 监审丨范先浩\n\
                    11月2日，医院组织专家到村里开展义诊活动，村民们纷纷前来咨询。";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].title.as_deref(), Some("义诊下乡护航百姓健康"));
        assert_eq!(a[0].breadcrumb, ["首页", "新闻频道", "乡镇"]);
        assert_eq!(a[0].bylines.len(), 2, "{:?}", a[0].bylines);
    }

    #[test]
    fn outlets_credits_and_units_around_the_text_of_charity_pages() {
        let page = "捐赠仪式\n新疆某某网(齐欣煜)2018年9月3日，海关党支部党员一行4人到村里开展结对认亲活动。";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].publication.as_deref(), Some("新疆某某网"));
        assert_eq!(a[0].bylines.len(), 1, "{:?}", a[0].bylines);
        let page = "社区广场舞大赛\n广场舞让我们的生活更精彩。\n五角场社区文体俱乐部";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("更精彩。"), "{}", a[0].body);
        assert_eq!(a[0].publication.as_deref(), Some("五角场社区文体俱乐部"));
        let page = "阆苑村村晚情四溢 |\n村民们自编自演，台下掌声不断。\n农工党3.JPG\n如需转载,请注明来源 http://www.example.org/a.html";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].title.as_deref(), Some("阆苑村村晚情四溢"));
        assert!(a[0].body.ends_with("掌声不断。"), "{}", a[0].body);
        let page = "庆祝农民丰收节活动\n村民在晒玉米，他告诉笔者：“我种了30亩玉米，每亩至少能收晒干了的玉米1000斤，今年收成不错。”闫永申 摄\n\
                    本报讯(融媒体中心通讯员 程慧娟)“俺一个农民，今天还能上台表演。”9月23日，镇里群众欢聚一堂。";
        let a = split_articles(&lines(page));
        assert!(a[0].body.starts_with("本报讯"), "{}", a[0].body);
        assert!(
            a[0].bylines.iter().any(|b| b.name == "闫永申"),
            "{:?}",
            a[0].bylines
        );
    }

    #[test]
    fn a_short_headline_the_breadcrumb_ends_with_and_a_story_printed_twice() {
        let page = "首页 > 微记录 > 聚焦志愿者 > 爱心献血\n浏览:215|评论:0\n爱心献血\n某某的枫叶\n近日,某某街道办事处在街道一楼大厅开展机关、村居献血活动。现场,不少人早早地来到献血点,排队等候献血,志愿者们忙着引导、登记。\n当天上午,共有156名爱心人士参与献血,献血量达到44830毫升,其中7人进行了造血干细胞捐献血样采集。";
        let a = split_articles(&lines(page));
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].title.as_deref(), Some("爱心献血"));
        assert!(a[0].body.starts_with("近日"), "{}", a[0].body);
        // a desktop and a mobile copy of the same text: one article
        let text = "某某报道(通讯员某某)3月5日,某某镇组织各村开展“村庄清洁日”活动。\n此次活动主要清理村组生活垃圾和杂物,村居环境得到显著提升。\n责编:某某某";
        let page = format!("{text}\n{text}");
        let a = split_articles(&lines(&page));
        assert_eq!(a.len(), 1, "{a:?}");
    }

    #[test]
    fn any_short_position_label_opens_a_breadcrumb() {
        let page = "您的当前位置:主页 > 县区新闻 > 龙川县\n龙川一民警成功救起2名落水群众\n本报讯 昨日，一民警成功救起2名落水群众，受到群众称赞。";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].title.as_deref(), Some("龙川一民警成功救起2名落水群众"));
        assert_eq!(a[0].breadcrumb, ["主页", "县区新闻", "龙川县"]);
    }

    #[test]
    fn writers_and_a_date_printed_after_the_headline() {
        let page = "03\n七旬老人外出迷路 爱心代驾施以援手 孙杰 张静 2023年09月22日\n\
                    近日，代驾员工的善行义举在网络上广受赞誉，大家纷纷为她点赞。";
        let a = split_articles(&lines(page));
        assert_eq!(
            a[0].title.as_deref(),
            Some("七旬老人外出迷路 爱心代驾施以援手")
        );
        assert_eq!(a[0].published_at.as_deref(), Some("2023-09-22"));
        assert_eq!(a[0].bylines.len(), 2, "{:?}", a[0].bylines);
    }

    #[test]
    fn a_time_with_its_clock_wins_over_the_same_day() {
        let page = "生成日期:2026-02-04\n居民点赞！老旧小区换新颜\n发布时间:2026-02-04 10:48\n\
                    近日，某社区完成老旧小区改造，居民纷纷点赞。";
        let a = split_articles(&lines(page));
        assert_eq!(
            a[0].published_at.as_deref(),
            Some("2026-02-04T10:48:00+08:00")
        );
    }

    #[test]
    fn a_slogan_over_the_path_is_no_headline() {
        let page = "聚焦脱贫攻坚 聚焦特殊群体 聚焦群众关切\n您当前位置:首页 >工作动态>基层动态 > 正文内容\n\
                    爱心敬老暖重阳——某县养老机构开展重阳佳节活动\n作者:贾某时间:2021年10月18日08时33分\n\
                    重阳节到来之际，全县各养老机构开展了丰富多彩的敬老活动。";
        let a = split_articles(&lines(page));
        assert_eq!(
            a[0].title.as_deref(),
            Some("爱心敬老暖重阳——某县养老机构开展重阳佳节活动")
        );
    }

    #[test]
    fn a_keywords_line_is_no_menu_and_a_labelled_menu_of_towns_is() {
        let page = "疫苗接种工作有序开展\n连日来，街道各社区聚焦老年人开展疫苗接种工作。\n关键词: 疫苗接种 城乡一体化 的重要性 电话询问 医护人员";
        let a = split_articles(&lines(page));
        assert_eq!(
            a[0].keywords_declared.len(),
            5,
            "{:?}",
            a[0].keywords_declared
        );
        assert!(
            furniture::classify("乡镇(街道)分站:苏湾镇 栏杆集镇 柘皋镇 庙岗镇 夏阁镇 中庙街道")
                .is_some()
        );
    }

    #[test]
    fn cut_off_pages_end_with_their_last_whole_sentence() {
        for tail in [
            "据悉，上半年全",
            "“情系社区，鼎",
            "建议老人留些自用，",
            "抒发对祖国的深情祝福；",
        ] {
            let page =
                format!("社区举办活动\n社区党委组织党员开展主题活动，大家积极参与。\n{tail}");
            let a = split_articles(&lines(&page));
            assert!(a[0].body.ends_with("积极参与。"), "{tail}: {}", a[0].body);
        }
        // a few words after the last full stop of the last paragraph
        for tail in ["庆祝中国共产党", "按照“城市带农村”党组织结对帮扶机"]
        {
            let page = format!("社区举办活动\n社区党委组织党员开展主题活动，大家积极参与。{tail}");
            let a = split_articles(&lines(&page));
            assert!(a[0].body.ends_with("积极参与。"), "{tail}: {}", a[0].body);
        }
        // nor an attribution after a quotation
        let a = split_articles(&lines(
            "社区举办活动\n“疫情过后，我希望能多陪陪家人”。——汪某",
        ));
        assert!(a[0].body.ends_with("——汪某"), "{}", a[0].body);
        // a reactions widget after the text names nobody
        let a = split_articles(&lines(
            "社区举办活动\n大家积极参与。\n路过\n雷人\n握手\n鲜花\n鸡蛋\nnetease",
        ));
        assert!(a[0].bylines.is_empty(), "{:?}", a[0].bylines);
        assert!(a[0].body.ends_with("积极参与。"), "{}", a[0].body);
        // a line of names at the end is no sentence in progress
        let a = split_articles(&lines(
            "社区举办活动\n社区党委组织党员开展主题活动，大家积极参与。\n王芳，李强",
        ));
        assert!(
            a[0].body.ends_with("积极参与。\n王芳，李强"),
            "{}",
            a[0].body
        );
    }

    #[test]
    fn header_fields_printed_one_a_line_and_glued_to_the_text() {
        let page = "2025\n07-02\n12:27\n来源\n江城日报\n“我想跟年轻的党员说几句话。”近日，某社区举办活动，50余名党员参加。";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].title, None);
        assert_eq!(a[0].publication.as_deref(), Some("江城日报"));
        assert_eq!(
            a[0].published_at.as_deref(),
            Some("2025-07-02T12:27:00+08:00")
        );
        let page =
            "来源:某区文明办\n时间:2020-07-222020年是中国共产党成立99周年，街道组织开展捐献活动。";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].published_at.as_deref(), Some("2020-07-22"));
        assert!(a[0].body.starts_with("2020年是"), "{}", a[0].body);
        // photo captions of four characters over the dateline paragraph: no headline
        let page = "捐赠仪式\n捐赠签约\n红网时刻9月1日讯 某基金捐资建设的小学教学楼日前落成，全镇师生受益。";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].title, None);
        assert!(a[0].body.starts_with("红网时刻"), "{}", a[0].body);
        // a loading indicator and a contact line are no headline
        let page = "载入中...\n热线:0371-6571000 信箱:abc@126.com\n西工区为捐赠者颁发聘任书\n近日，西工区为首例造血干细胞捐赠者颁发聘任书，现场气氛热烈。";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].title.as_deref(), Some("西工区为捐赠者颁发聘任书"));
        // a stray digit under the header is no body
        let page =
            "社区开展主题党日活动\n1\n在金秋时节，社区组织党员开展主题党日活动，大家积极参与。";
        let a = split_articles(&lines(page));
        assert!(a[0].body.starts_with("在金秋"), "{}", a[0].body);
    }

    #[test]
    fn a_deck_over_the_story_an_editors_preface_and_trailing_notes_are_not_body() {
        let page = "女童被塞纸 调查\n\n前海景点公厕有了免费手纸\n\n端午小长假，一些来青岛旅游的细心游客发现，\
                    岛城前海一线一些景区的公厕有了免费提供的卫生纸，游客们纷纷点赞。\n\n\
                    学校还多次组织观看了校园欺凌教育片。\n\n（实习生王金茹对此文亦有贡献）\n\n\
                    (本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP)\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.starts_with("端午小长假"), "{}", a[0].body);
        assert!(a[0].body.ends_with("教育片。"), "{}", a[0].body);
        assert_eq!(a[0].bylines.len(), 1, "{:?}", a[0].bylines);
        assert_eq!(a[0].bylines[0].name, "王金茹");
        assert!(is_editors_note(
            "【编前语】2020年1月1日出版的《求是》杂志发表文章。"
        ));
    }

    #[test]
    fn a_photo_agencys_caption_and_a_portals_disclaimer_are_no_body() {
        assert!(is_caption("共享充电宝。视觉中国 资料"));
        assert!(!is_caption("他说，这张照片来自视觉中国网站的资料库。"));
        let page = "标题\n“以前花一两元就能充满电。”他说。\n共享充电宝。视觉中国 资料\n\
                    她分析道，需求量会越来越大。\n\
                    本文来自微信公众号，转载请联系作者并获许可。文章观点仅代表作者本人，不代表新浪立场。投资有风险，入市需谨慎。";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("需求量会越来越大。"), "{}", a[0].body);
        assert!(!a[0].body.contains("视觉中国"), "{}", a[0].body);
    }

    #[test]
    fn a_second_dateline_on_a_scraped_line_starts_an_untitled_article() {
        let page = "某案9月11日将一审宣判中新网7月24日电 据台湾媒体报道，审判长24日宣布，法院将在9月11日做出一审宣判，庭讯进行仍不受影响。\
                    中新网7月24日电 综合台湾媒体报道，法院审理购地案，24日就前局长部分进行言词辩论，被告否认犯罪。";
        let a = split_articles(&crate::blocks::text::to_blocks(page));
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0].title.as_deref(), Some("某案9月11日将一审宣判"));
        assert!(a[0].body.ends_with("不受影响。"), "{}", a[0].body);
        assert_eq!(a[1].title, None);
        assert!(
            a[1].body.starts_with("中新网7月24日电 综合"),
            "{}",
            a[1].body
        );
        // another outlet's dateline inside the story is no new article
        let page = "标题\n新华社北京3月1日电 会议召开，代表们审议了报告，会议取得圆满成功。\n人民网北京3月1日电 另据报道，会议期间代表们还参观了展览。";
        assert_eq!(split_articles(&lines(page)).len(), 1);
    }

    #[test]
    fn a_portal_summary_and_related_reading_glued_into_the_text_are_no_body() {
        let mut paras = vec![
            "［提要］　规划提出互认。这是重要举措。［我来说两句］［谈及养老］新京报讯　国务院日前批转规划。".to_string(),
            "此事很难短期内实施。延伸阅读：医保缴费年限互认　规划提出互认。［详细］（新京报）".to_string(),
            "２００９年报道：医保异地接续。".to_string(),
        ];
        drop_portal_extras(&mut paras);
        assert_eq!(
            paras,
            ["新京报讯　国务院日前批转规划。", "此事很难短期内实施。"]
        );
        let mut boxed = vec!["一起快乐奔跑。捐款方式：开户银行：中国银行北京分行".to_string()];
        drop_portal_extras(&mut boxed);
        assert_eq!(boxed, ["一起快乐奔跑。"]);
        // a sentence that names related reading inside the story stays
        let mut story = vec!["他说：延伸阅读很有用。".to_string()];
        drop_portal_extras(&mut story);
        assert_eq!(story.len(), 1);
    }

    #[test]
    fn a_dateline_with_its_year_dates_the_report() {
        assert_eq!(
            dated_dateline(
                "２０１２年７月１８日北京讯　现代传播携手联合国开发计划署，发布公益短片。"
            )
            .as_deref(),
            Some("2012-07-18")
        );
        assert_eq!(dated_dateline("新华社北京5月3日电 会议召开。"), None);
        assert_eq!(
            dated_dateline("2012年7月18日，记者来到现场采访，大家的电话响个不停。"),
            None
        );
    }

    #[test]
    fn a_wire_end_mark_a_comment_link_and_a_bare_name_after_the_text_are_no_body() {
        let (before, m) = trailing_credit("不排除再有严重甚至死亡病例。(完)").unwrap();
        assert_eq!(before, "不排除再有严重甚至死亡病例。");
        assert!(m.bylines.is_empty());
        let (before, m) = trailing_credit("逐步缩小城乡之间的差距。郭晋晖").unwrap();
        assert_eq!(before, "逐步缩小城乡之间的差距。");
        assert_eq!(m.bylines[0].name, "郭晋晖");
        let (before, m) = trailing_credit("吴淡淡地说。据《南方都市报》 我要评论").unwrap();
        assert_eq!(before, "吴淡淡地说。");
        assert_eq!(m.publication.as_deref(), Some("南方都市报"));
        assert!(trailing_credit("他说。谢谢").is_none());
        let (before, m) = trailing_credit("镌刻在岁月的纪念碑上……新华社发").unwrap();
        assert_eq!(before, "镌刻在岁月的纪念碑上……");
        assert_eq!(m.publication.as_deref(), Some("新华社"));
        let (before, m) = trailing_credit("合作已进入实质阶段。(新华社)").unwrap();
        assert_eq!(before, "合作已进入实质阶段。");
        assert_eq!(m.publication.as_deref(), Some("新华社"));
        // a sentence about an agency is no credit
        assert!(trailing_credit("他说。合作社").is_none());
        // a picture's caption glued after the last sentence, before the credit
        let (before, _) =
            trailing_credit("让村民了解民生政策。右图为村民们在观看电影。(赵某平)").unwrap();
        assert_eq!(without_glued_caption(before), "让村民了解民生政策。");
        assert_eq!(
            without_glued_caption("他说。图为会场，人很多。"),
            "他说。图为会场，人很多。"
        );
        let (before, _) = trailing_credit("可以提供400套廉租房。我要评论").unwrap();
        assert_eq!(before, "可以提供400套廉租房。");
        let (before, _) = trailing_credit("迈向无烟中国还有很长的路要走！［详细］").unwrap();
        assert_eq!(before, "迈向无烟中国还有很长的路要走！");
        let (before, m) = trailing_credit("整个敬老院都热闹起来了。(市义工联伍某任)").unwrap();
        assert_eq!(before, "整个敬老院都热闹起来了。");
        assert_eq!(m.publication.as_deref(), Some("市义工联"));
        assert_eq!(m.bylines[0].name, "伍某任");
        let (before, m) = trailing_credit("党组织的凝聚力不断得到提升。(某陵资讯)").unwrap();
        assert_eq!(before, "党组织的凝聚力不断得到提升。");
        assert_eq!(m.publication.as_deref(), Some("某陵资讯"));
    }

    #[test]
    fn an_unbracketed_credit_after_the_last_sentence_is_no_body() {
        let (before, m) = trailing_credit("然后从侧窗游出。记者韩景玮实习生高鸿鹏").unwrap();
        assert_eq!(before, "然后从侧窗游出。");
        let names: Vec<&str> = m.bylines.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["韩景玮", "高鸿鹏"]);
        // a sentence that only mentions a reporter is body
        assert!(trailing_credit("他说。记者从市民政局获悉，今年将新建三所学校").is_none());
    }

    #[test]
    fn a_bracketed_report_line_names_the_outlet_and_the_writer() {
        let m =
            dateline_credit("（搜狐体育　陶冶　４月２２日广州报道）４月２１日，峰会在广州启幕。")
                .unwrap();
        assert_eq!(m.publication.as_deref(), Some("搜狐体育"));
        assert_eq!(m.bylines.len(), 1);
        assert_eq!(m.bylines[0].name, "陶冶");
        assert!(dateline_credit("（图文　４月２２日）峰会启幕。").is_none());
        // names, then the work they did
        let m = dateline_credit("东川新闻网眉山2月2日讯(黄某玲 文/图)连日来，网格员走访住户。")
            .unwrap();
        let roles: Vec<_> = m
            .bylines
            .iter()
            .map(|b| (b.role, b.name.as_str()))
            .collect();
        assert_eq!(
            roles,
            [
                (crate::record::BylineRole::Author, "黄某玲"),
                (crate::record::BylineRole::Photographer, "黄某玲")
            ]
        );
    }

    #[test]
    fn header_furniture_and_trailer() {
        let page = "APP下载\n\n党员冲锋在一线\n\n2022-06-18常菁菁焦超超\n\n北京支部生活 2022年6期\n关键词:通州区防疫志愿者\n\n常菁菁 焦超超\n\n在新冠肺炎疫情防控工作中,党员冲锋在前,守护家园,让党旗高高飘扬。\n\n(责任编辑:袁瑛)\n\n猜你喜欢\n\n志愿者\n防疫宣传\n";
        let a = split_articles(&lines(page));
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].title.as_deref(), Some("党员冲锋在一线"));
        assert_eq!(a[0].published_at.as_deref(), Some("2022-06-18"));
        assert_eq!(a[0].publication.as_deref(), Some("北京支部生活 2022年6期"));
        assert_eq!(a[0].keywords_declared, vec!["通州区", "防疫", "志愿者"]);
        assert_eq!(a[0].bylines.len(), 3);
        assert!(a[0].body.starts_with("在新冠肺炎"));
        assert!(a[0].body.ends_with("高高飘扬。"));
    }

    #[test]
    fn an_editors_note_and_a_source_after_the_last_sentence_are_not_body() {
        let page = "抗震救灾物资运抵灾区\n\n编者按：地震发生后，各地纷纷伸出援手。\n\n截至1日19时，地震已造成1.5万人受灾，4.8万人紧急转移安置。据新华社\n";
        let a = split_articles(&lines(page));
        assert_eq!(a.len(), 1);
        assert!(a[0].body.starts_with("截至1日"), "{}", a[0].body);
        assert!(a[0].body.ends_with("转移安置。"), "{}", a[0].body);
        assert_eq!(a[0].publication.as_deref(), Some("新华社"));
    }

    #[test]
    fn an_e_paper_headline_list_is_navigation() {
        // The page's headlines, its table of contents, then the issue date over the article.
        let page = "首页 | 版面导航\n银行网点开设爱心驿站\n南湖:老年食堂扩大供餐范围\n北岸:夜市开放首周客流过万\n\n版面目录\n\n第01版\n要闻\n\n2023年3月7日 星期二上一期下一期\n银行网点开设爱心驿站\n\n本月起,市内二十家银行网点为户外劳动者开放休息区,提供饮水、充电和应急药品,每天开放到晚上八点。\n\n首批驿站由各网点的党员志愿者轮流值守,遇到身体不适的劳动者,值守人员会先行处置并联系社区医生。\n";
        let a = split_articles(&lines(page));
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].title.as_deref(), Some("银行网点开设爱心驿站"));
        assert_eq!(a[0].published_at.as_deref(), Some("2023-03-07"));
        assert!(a[0].body.starts_with("本月起"), "{}", a[0].body);
        assert!(a[0].body.ends_with("联系社区医生。"), "{}", a[0].body);
    }

    #[test]
    fn the_sites_footer_names_the_outlet_of_its_own_pages() {
        let page = "当前位置:首页 > 院务公开\n药学部举办用药知识竞赛\n来源:本站原创 作者:药学部党支部 时间:2021年4月2日\n\n近日,药学部党支部在门诊大厅举办用药知识竞赛,来自各科室的四十名职工参加,竞赛分必答、抢答和风险题三个环节。\n\n药学部党支部、药剂科供稿\n\n版权所有 江北市第二人民医院\n";
        let a = split_articles(&lines(page));
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].publication.as_deref(), Some("江北市第二人民医院"));
    }

    #[test]
    fn a_county_apps_sign_off_glued_after_the_last_sentence() {
        let page = "某某社区参加科普活动\n\n5月27日上午，街道社区参加了在广场举行的宣传服务活动，居民群众50多人参加。 此次活动营造了良好氛围。 (图/文:王小明)监制:刘大成 总编:张立新 编辑:李华 发现更多精彩\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("营造了良好氛围。"), "{}", a[0].body);
        let editors: Vec<&str> = a[0]
            .bylines
            .iter()
            .filter(|b| b.role == crate::record::BylineRole::Editor)
            .map(|b| b.name.as_str())
            .collect();
        assert_eq!(editors, ["刘大成", "张立新", "李华"], "{:?}", a[0].bylines);
    }

    #[test]
    fn a_papers_own_description_and_its_headlines_tail_over_the_metadata() {
        let page = "《某某青年报》(国内统一刊号:CN34-0019 邮发代号:25-2 全年订阅价216元,各地邮局均可订阅)是某某省委机关报，也是全省唯一一张面向青少年的专业报刊。\n编辑部地址:某某省某某市长江中路419号\n温暖“春运”路 |\n来源:本站原创 作者:郭小山 发布日期:2025-02-21 11:45:59 |\n某县“暖冬行动” 温暖“春运”路\n2月13日17时20分，某县高铁站一楼候车大厅，一名乘客因误认车次焦急万分，志愿者立即上前帮助。\n";
        let a = split_articles(&lines(page));
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(a[0].title.as_deref(), Some("某县“暖冬行动” 温暖“春运”路"));
        assert!(a[0].body.starts_with("2月13日"), "{}", a[0].body);
        assert!(
            !a[0]
                .publication
                .as_deref()
                .is_some_and(|p| p.contains("地址")),
            "{:?}",
            a[0].publication
        );
    }

    #[test]
    fn a_source_and_its_credits_glued_before_the_text() {
        let page = "某镇开展重阳节活动\n来源:掌上某阳 (记者金某达 通讯员莫某) 尊老、敬老、爱老,是中华民族优良的传统美德。正值重阳节，市义工协会志愿者来到敬老院。\n";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].publication.as_deref(), Some("掌上某阳"));
        assert_eq!(a[0].bylines.len(), 2, "{:?}", a[0].bylines);
        assert!(a[0].body.starts_with("尊老"), "{}", a[0].body);
    }

    #[test]
    fn reviewers_signing_off_after_the_text() {
        let text = "某镇开展走访慰问活动\n\n近日，某镇开展走访慰问活动，为二十户困难家庭送去米面油等慰问品，帮助他们过好冬天。";
        for (tail, n) in [
            // (a line of six short words is a credit, no menu)
            ("\n初审 沈冰 复审 张春艳 终审 安明颖\n", 3),
            // (glued after the last sentence, with bars between the credits)
            (" 通讯员:刘小月、程文雯 编辑:邓立元|审核:陈声权 琚晓青\n", 5),
        ] {
            let a = split_articles(&lines(&format!("{text}{tail}")));
            assert!(a[0].body.ends_with("过好冬天。"), "{}", a[0].body);
            assert_eq!(a[0].bylines.len(), n, "{tail}: {:?}", a[0].bylines);
        }
    }

    #[test]
    fn a_breadcrumb_printed_a_step_a_line_is_one_path() {
        let text = "近日，某某街道召开电动自行车安全监管工作会议，部署下一阶段的安全监管工作。\n";
        for (head, steps) in [
            ("首页>\n法治乡村>\n详情\n", vec!["首页", "法治乡村", "详情"]),
            (
                "首页\n>政府信息公开>工作信息\n",
                vec!["首页", "政府信息公开", "工作信息"],
            ),
            ("您的位置:\n首页\n > \n乡镇动态\n", vec!["首页", "乡镇动态"]),
            // (list items with a slash for the arrow)
            (
                "- 主页 /\n- 重要信息 /\n- 工作动态\n",
                vec!["主页", "重要信息", "工作动态"],
            ),
        ] {
            let page = format!("{head}某某街道持续推进电动自行车安全监管\n{text}");
            let a = split_articles(&lines(&page));
            assert_eq!(a.len(), 1, "{a:?}");
            assert_eq!(a[0].breadcrumb, steps, "{page}");
            assert_eq!(
                a[0].title.as_deref(),
                Some("某某街道持续推进电动自行车安全监管")
            );
        }
        // (a path on a line of its own is not run on into the headline)
        let page = format!("首页 > 乡镇>>\n某某镇表彰六十户文明户\n{text}");
        let a = split_articles(&lines(&page));
        assert_eq!(a[0].title.as_deref(), Some("某某镇表彰六十户文明户"));
    }

    #[test]
    fn the_site_after_the_headline_is_the_outlet_when_nothing_else_names_one() {
        let page = "某县妇联开展两癌救助金发放活动 _某田新闻网\n\n近日，某县妇联在县城开展两癌救助金发放活动，为二十名困难母亲送去救助金，帮助她们渡过难关。\n";
        let a = split_articles(&lines(page));
        assert_eq!(a.len(), 1, "{a:?}");
        assert_eq!(
            a[0].title.as_deref(),
            Some("某县妇联开展两癌救助金发放活动")
        );
        assert_eq!(a[0].publication.as_deref(), Some("某田新闻网"));
    }

    #[test]
    fn a_periodical_in_the_breadcrumb_is_the_publication() {
        assert_eq!(
            breadcrumb_periodical(&["首页".into(), "江城晚报".into(), "2020年第3期".into()]),
            Some("江城晚报".to_string())
        );
        assert_eq!(
            breadcrumb_periodical(&["首页".into(), "工作简报".into()]),
            None
        );
        assert_eq!(breadcrumb_periodical(&["日报".into()]), None);
    }

    #[test]
    fn two_articles_and_broken_lines() {
        let page = "第一篇报道的标题\n\n“\n\n近期疫情发生以来,社会组织党委认真贯彻落实工作部署,组织全市社会组织开展行动,解决防护物\n\n资短缺难题。服务时长总计 367 万小时。(据深圳社会组织动态)\n\n上海青年志愿者这样守护上海\n\n3 月 17 日,从上海市团市委获悉,上海市各区的团员、青年积极响应,冲锋在前,投身疫情防控第一线。全市各区、高校团组织和青年志愿服务组织共招募志愿者 45018 名,当日上岗 9965 人。\n\n(据澎湃新闻)\n\n松江区九里亭街道志愿者(上海市团市委供图)\n";
        let a = split_articles(&lines(page));
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].publication.as_deref(), Some("深圳社会组织动态"));
        assert!(a[0].body.starts_with("近期疫情"));
        assert!(a[0].body.contains("防护物资短缺"));
        assert!(a[0].body.ends_with("367 万小时。"));
        assert_eq!(a[1].title.as_deref(), Some("上海青年志愿者这样守护上海"));
        assert_eq!(a[1].publication.as_deref(), Some("澎湃新闻"));
        assert!(a[1].body.ends_with("当日上岗 9965 人。"));
    }

    #[test]
    fn a_second_story_with_its_own_dateline_is_a_second_article() {
        let page = "七岁女童受伤入院\n\n信息时报讯（记者李莉）七岁的小丽昨日受伤，被送往医院救治，目前病情稳定，家人守在身边。\n医生表示，小丽还需住院观察一周，费用由当地妇联协助解决。\n警方：涉事少年已被刑拘\n信息时报讯（记者童丹）据警方介绍，涉事少年已被刑事拘留，案件正在进一步调查之中。\n";
        let a = split_articles(&lines(page));
        assert_eq!(a.len(), 2);
        assert_eq!(a[1].title.as_deref(), Some("警方：涉事少年已被刑拘"));
        assert!(a[0].body.ends_with("协助解决。"));
        assert_eq!(a[1].bylines[0].name, "童丹");
    }

    #[test]
    fn trailing_caption_on_a_captioned_page() {
        let page = "标题在这里啊\n\n社区是疫情联防联控的第一线,也是最有效的防线,突击队驰援街道疫情防控工作。\n\n党员突击队。\n\n队员们值守社区的5个出入口岗位,负责测量体温,提醒返穗人员填报信息。\n\n党员为居民测温。\n\n队员们还用自备的酒精给快递小哥喷洒双手,叮嘱小哥们照顾好自己。\n\n为快递小哥双手消毒。\n\n20名环卫工人积极参与,纷纷表示义剪很及时。\n\n为志愿者送上防护物资。\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("义剪很及时。"), "{}", a[0].body);
    }

    #[test]
    fn section_heads_do_not_start_articles() {
        assert!(is_enumerated("二、加强组织领导"));
        assert!(is_enumerated("（一）强化责任落实"));
        assert!(is_enumerated("第二篇:"));
        assert!(!is_enumerated("协调物资、做核酸、帮买药"));
    }

    #[test]
    fn whitespace_on_bytes() {
        for c in (0..0x3_0000u32).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            assert_eq!(has_whitespace(&s), c.is_whitespace(), "U+{:04X}", c as u32);
        }
        assert!(!has_whitespace("中文。“引号”…—"));
    }

    #[test]
    fn spaced_punctuation() {
        assert_eq!(
            tidy("永平街 , 共有 “两新” 组织 。"),
            "永平街,共有“两新”组织。"
        );
        assert_eq!(tidy("3 月 17 日, 从上海"), "3 月 17 日,从上海");
        assert_eq!(tidy("Hello, world"), "Hello, world");
    }

    #[test]
    fn trailing_captions_before_credit() {
        let page = "标题在这里啊\n\n2月26日下午,团区委书记带着两名理发师志愿者来到小区。20名环卫工人积极参与,纷纷表示义剪很及时。\n\n为志愿者送上防护物资。\n\n图片由通讯员提供\n\n信息时报社 版权所有(C) 粤ICP备14002173号-1\n";
        let a = split_articles(&lines(page));
        assert_eq!(a.len(), 1);
        assert!(a[0].body.ends_with("义剪很及时。"), "{}", a[0].body);
        assert_eq!(a[0].publication.as_deref(), Some("信息时报"));
    }

    #[test]
    fn closing_signatures_and_link_lists_end_the_body() {
        let page = "某县开展志愿服务活动\n发布时间:2021-04-12 08:30 | 作者: | 来源:某某信息港 | 浏览次数:\n连日来，全县各级党组织踊跃捐款，支持疫情防控工作。\n县委组织部相关负责人表示，捐款将全部用于一线。\n(王小明 李大海)\n- 全县党员捐款超过五百万元\n- 社区志愿者坚守抗疫一线\n";
        let a = split_articles(&lines(page));
        assert_eq!(a.len(), 1);
        assert!(a[0].body.ends_with("用于一线。"), "{}", a[0].body);
        let names: Vec<&str> = a[0].bylines.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["王小明", "李大海"]);
        assert_eq!(a[0].publication.as_deref(), Some("某某信息港"));
        // an organisation signing after the last sentence is the contributor
        let page = "标题在这里啊\n\n社区党员志愿者在小区门口为居民测量体温。（某某区委员会）\n";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].publication.as_deref(), Some("某某区委员会"));
        assert!(a[0].body.ends_with("测量体温。"), "{}", a[0].body);
        // a unit and its writer signed after the text, in brackets or alone on its line
        for sign in ["(某塘村:胡某凤)", "某林乡:付某"] {
            let page =
                format!("标题在这里啊\n\n社区党员志愿者在小区门口为居民测量体温。\n{sign}\n");
            let a = split_articles(&lines(&page));
            assert!(a[0].body.ends_with("测量体温。"), "{}", a[0].body);
            assert!(
                a[0].publication
                    .as_deref()
                    .is_some_and(|p| p.starts_with('某')),
                "{sign}: {:?}",
                a[0].publication
            );
            assert_eq!(a[0].bylines.len(), 1, "{sign}: {:?}", a[0].bylines);
        }
    }

    #[test]
    fn a_numbered_list_at_the_end_is_body_not_a_cut_off_sentence() {
        let page = "乡村小学图书馆计划\n\n我们联合多家企业推出了乡村小学图书馆计划，为乡村儿童创造阅读条件。\n活动历程：\n第一站：2007年9月23日－29日，广东省阳西县程村镇团结小学\n第二站：2007年11月4日－10日，青海省大通县斜沟乡希望小学\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("斜沟乡希望小学"), "{}", a[0].body);
        assert!(a[0].body.contains("\n第一站："), "{}", a[0].body);
        // a sentence cut off by the scraper still goes
        let page = "乡村小学图书馆计划\n\n我们联合多家企业推出了乡村小学图书馆计划，为乡村儿童创造阅读条件。\n这项计划已经走过十个站点，覆盖了全国多个省份的乡村学校和\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("阅读条件。"), "{}", a[0].body);
        // a line broken before 第一 is still one paragraph
        assert!(!is_list_item("第一现场看到，居民们排起长队"));
        assert!(is_list_item("Ｂ、通过银行捐款：人民币帐户"));
        assert!(is_list_item("3．报名方式：电话报名"));
    }

    #[test]
    fn bullets_leave_the_title_and_captions_credit_photographers() {
        let page = "• 武汉：党员进入小区一线抗疫\n社区党员志愿者在小区门口为居民测量体温，发放口罩。\n志愿者在小区门口值守。通讯员刘某某 摄\n党员们坚守岗位，获得居民好评。\n";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].title.as_deref(), Some("武汉：党员进入小区一线抗疫"));
        assert!(
            a[0].bylines
                .iter()
                .any(|b| b.role == crate::record::BylineRole::Photographer && b.name == "刘某某"),
            "{:?}",
            a[0].bylines
        );
    }

    #[test]
    fn a_page_cut_off_mid_sentence_ends_with_its_last_whole_sentence() {
        let page = "标题在这里啊\n\n社区党员志愿者在小区门口为居民测量体温。\n目前，各社区利用电子屏滚动播放宣传片，通过居民微\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("测量体温。"), "{}", a[0].body);
        // a last line without a full stop that is no sentence in progress stays
        let page = "标题在这里啊\n\n社区党员志愿者在小区门口为居民测量体温。\n众志成城 共克时艰 坚决打赢疫情防控阻击战\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("阻击战"), "{}", a[0].body);
        // a photo's caption left after the text; an e-paper's jump line and what it cut off;
        // a labelled credit cut off in its bracket
        let page =
            "标题在这里啊\n\n社区党员志愿者在小区门口为居民测量体温。\n党员开展批评与自我批评\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("测量体温。"), "{}", a[0].body);
        let page = "标题在这里啊\n\n社区党员志愿者在小区门口为居民测量体温。成立了领导小组，明确第一责任，(下转02版)\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("测量体温。"), "{}", a[0].body);
        let page =
            "标题在这里啊\n\n社区党员志愿者在小区门口为居民测量体温，发挥光和热。(通讯员刘某杰\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("发挥光和热。"), "{}", a[0].body);
        assert_eq!(a[0].bylines.len(), 1, "{:?}", a[0].bylines);
        // the subheads of a page cut off after them
        let page = "标题在这里啊\n\n社区党员志愿者在小区门口为居民测量体温。\n网点“走出去”\n送金融知识进千家万户\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("测量体温。"), "{}", a[0].body);
        // a paper's byline mark under the headline; a bare label in an open dateline credit
        let page = "支部共建带来好“钱”景\n■ 尹某淑\n东山电力新闻网讯 通讯员 陈某欢 报道  “电力爱心超市搬进了俺村。”村民说。\n";
        let a = split_articles(&lines(page));
        let names: Vec<&str> = a[0].bylines.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["尹某淑", "陈某欢"], "{:?}", a[0].bylines);
        // a numbered picture's caption
        let page =
            "标题在这里啊\n\n社区党员志愿者在小区门口为居民测量体温。\n②18 志愿者为居民理发。\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("测量体温。"), "{}", a[0].body);
        // an advert's link is no headline
        assert!(!is_title_like(
            "我国白癜风知名专家 https://m.example.net/a_5481230.html"
        ));
        // a whole paragraph that stops on a comma, however long
        let page = "标题在这里啊\n\n社区党员志愿者在小区门口为居民测量体温。\n工作队表示，将充分发挥资源优势，积极对接农业龙头企业、大型超市等搭建平台，多渠道做好产销对接，将优质农产品推广到各地，\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("测量体温。"), "{}", a[0].body);
    }

    #[test]
    fn a_site_switcher_and_a_short_site_name_over_the_headline_are_the_pages() {
        let page = "站点切换\n东川\n最近访问\n全部\n省级云\nA\nB\nC\n抗旱蓄水纾民忧，水桶入户润民心\n2022-08-22 13:47:47     东川自治县人民政府\n近期，因受持续高温少雨天气影响，全县各地出现旱情。\n";
        let a = split_articles(&lines(page));
        assert_eq!(
            a[0].title.as_deref(),
            Some("抗旱蓄水纾民忧，水桶入户润民心")
        );
        assert!(a[0].body.starts_with("近期"), "{}", a[0].body);
    }

    #[test]
    fn credits_around_a_dateline_and_after_the_text() {
        use crate::record::BylineRole::{Correspondent, Photographer, Reporter};
        // 摄影报道: the writers took the pictures too
        let m =
            dateline_credit("南州晚报讯记者刘某云、通讯员姚某摄影报道:昨日，讲习所揭牌。").unwrap();
        let roles: Vec<_> = m
            .bylines
            .iter()
            .map(|b| (b.role, b.name.as_str()))
            .collect();
        assert_eq!(
            roles,
            [
                (Reporter, "刘某云"),
                (Correspondent, "姚某"),
                (Photographer, "刘某云"),
                (Photographer, "姚某")
            ]
        );
        // a labelled writer's report opening the text; writers alone before 报道; 摄影报道 in
        // brackets
        let m = dateline_credit("通讯员冉某刚报道:8月1日，镇党委开展慰问活动。").unwrap();
        assert_eq!(m.publication, None);
        assert_eq!(m.bylines[0].role, Correspondent);
        let m = dateline_credit("东山报道讯(邓某保 蒋某某 报道)“我以前很少来这里。”").unwrap();
        assert_eq!(m.publication, None);
        assert_eq!(m.bylines.len(), 2, "{:?}", m.bylines);
        let m =
            dateline_credit("东滨海讯(记者 张某 摄影报道)为提高居民消防安全意识，社区开展演练。")
                .unwrap();
        let roles: Vec<_> = m
            .bylines
            .iter()
            .map(|b| (b.role, b.name.as_str()))
            .collect();
        assert_eq!(roles, [(Reporter, "张某"), (Photographer, "张某")]);
        // a source slot that reads like a name but opens the dateline is the outlet; a unit
        // and its office signing after the text is no body; a handle edits nothing
        let page = "霞浦县召开推进会\n2022-09-20 22:14:23 来源:文明风 责任编辑:兰某文\n文明风9月20日讯 9月19日，县委宣传部召开现场推进会。\n会议要求抓好落实。(东山县委宣传部(文明办))\n编辑:黄小编\n审核:占飞鹏 孙长清\n";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].publication.as_deref(), Some("文明风"));
        assert!(a[0].body.ends_with("抓好落实。"), "{}", a[0].body);
        let names: Vec<&str> = a[0].bylines.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["兰某文", "占飞鹏", "孙长清"], "{:?}", a[0].bylines);
        // an abstract over a page without a headline; an empty credit bracket at the end
        let page = "摘要:为推进移风易俗，社区打造文明长廊。\n本报讯(崔某 李某琪)为推进移风易俗，社区打造文明长廊。\n居民纷纷驻足观看，得到群众的好评。()\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.starts_with("本报讯"), "{}", a[0].body);
        assert!(a[0].body.ends_with("好评。"), "{}", a[0].body);
    }

    #[test]
    fn headers_behind_a_counter_a_place_over_the_headline_and_credits_in_a_row() {
        // a counter heading the header line; a place's name over a headline with a comma; a
        // headline in a table row; two credits after the text; a pen name among the writers
        let page = "湖南省东山市西湖区\n| 这块块光荣牌,挂进了军属心里 |\n浏览次数: 信息来源: 东山县退役军人事务局 发布时间:2026-02-13 16:46\n小小光荣牌，温暖军属心。11月28日上午，社区为军属挂光荣牌。\n营造尊重军属的良好氛围。(记者 雷某全)(来源:东山时间网)\n(冯某燕 泽人 徐某俊)\n";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].title.as_deref(), Some("这块块光荣牌,挂进了军属心里"));
        assert_eq!(a[0].publication.as_deref(), Some("东山县退役军人事务局"));
        assert_eq!(
            a[0].published_at.as_deref(),
            Some("2026-02-13T16:46:00+08:00")
        );
        assert!(a[0].body.ends_with("良好氛围。"), "{}", a[0].body);
        let names: Vec<&str> = a[0].bylines.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(
            names,
            ["雷某全", "冯某燕", "泽人", "徐某俊"],
            "{:?}",
            a[0].bylines
        );
    }

    #[test]
    fn an_editors_name_glued_to_the_first_sentence_and_a_bare_dateline_with_a_name() {
        let page = "东山签约项目落地\n发布时间:2025-09-29 13:18:25 | 来源:东山网 | 作者: | 责任编辑:吴某凡在国庆中秋假期来临之际，\n援疆干部来到小区开展走访活动。\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.starts_with("在国庆"), "{}", a[0].body);
        assert_eq!(a[0].bylines[0].name, "吴某凡");
        let page = "东山签约项目落地\n| 来源:东山网 | 作者:县委统战部 | 责任编辑:赵某12月22日，招商引资项目集中签约仪式在县会议中心举行。\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.starts_with("12月22日"), "{}", a[0].body);
        let page =
            "本报讯 (俞某敏)\n近日，区纪委监委在镇里召开警示教育大会，通报了两起典型案件。\n";
        let a = split_articles(&lines(page));
        assert_eq!(a[0].title, None);
        assert_eq!(a[0].bylines[0].name, "俞某敏");
    }

    #[test]
    fn a_wire_reporters_line_and_a_unit_signing_in_a_table_cell_after_the_text() {
        let page = "东山招聘会开幕\n活动从2月16号开始，将一直持续到2月22号。\n新华社记者魏某全福州报道。\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("2月22号。"), "{}", a[0].body);
        assert_eq!(a[0].bylines[0].name, "魏某全");
        assert_eq!(a[0].publication.as_deref(), Some("新华社"));
        let page = "东山镇宣传医保政策\n让群众享受医保政策带来的实惠。\n(东山镇人民政府 徐某松 周某琪)  |\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.ends_with("实惠。"), "{}", a[0].body);
        assert_eq!(a[0].bylines.len(), 2, "{:?}", a[0].bylines);
    }

    #[test]
    fn captions_between_image_placeholders_over_a_dateline_and_a_long_closing_credit() {
        let page = "红十字会把应急救护培训开进社区。\n?\n?\n红十字会救护培训现场。\n?\n本网讯(实习记者 杨某) 7月7日上午9时，市红十字会在社区服务点开展应急救护培训。\n居民积极参加。\n  (东海新闻/东海早报记者 刘某杰 通讯员 李某君 摄影报道)\n";
        let a = split_articles(&lines(page));
        assert!(a[0].body.starts_with("本网讯"), "{}", a[0].body);
        assert!(a[0].body.ends_with("积极参加。"), "{}", a[0].body);
        let names: Vec<&str> = a[0].bylines.iter().map(|b| b.name.as_str()).collect();
        assert!(
            names.contains(&"杨某") && names.contains(&"刘某杰"),
            "{:?}",
            a[0].bylines
        );
    }

    #[test]
    fn a_signature_and_labelled_credits_glued_after_the_last_sentence() {
        let (before, m) = trailing_credit(
            "大大方便了群众出行。(王某萍、王某晶、林某) 编辑:何某萌 责任编辑:彭某 审校:申某玲 |",
        )
        .unwrap();
        assert_eq!(before, "大大方便了群众出行。");
        assert_eq!(m.bylines.len(), 6, "{:?}", m.bylines);
    }

    #[test]
    fn credits_printed_a_label_and_a_value_a_line_are_read_together() {
        let page = "标题在这里啊\n\n社区党员志愿者在小区门口为居民测量体温。\n编辑:\n王红艳 责任编辑:\n李小飞\n审核:\n赵书林\n";
        let a = split_articles(&lines(page));
        let editors: Vec<&str> = a[0]
            .bylines
            .iter()
            .filter(|b| b.role == crate::record::BylineRole::Editor)
            .map(|b| b.name.as_str())
            .collect();
        assert_eq!(
            editors,
            ["王红艳", "李小飞", "赵书林"],
            "{:?}",
            a[0].bylines
        );
        assert!(a[0].body.ends_with("测量体温。"), "{}", a[0].body);
    }
}
