//! HTML to blocks: parses the page with `scraper`, drops scripts, styles, navigation, headers,
//! footers and widgets, picks the element that holds the article text (most sentence text
//! outside links) and returns its text lines in reading order, plus `<title>`, `<h1>` and meta
//! tags as title, time, keyword and source candidates.

use super::block::{Block, BlockKind};
use crate::lines::byline;
use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};
use std::collections::HashMap;

const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "button", "select", "textarea",
    "nav", "header", "footer", "aside", "head", "link", "meta", "input", "canvas", "video",
    "audio", "object", "embed", "map", "dialog", "math",
];

const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "figure",
    "figcaption",
    "center",
    "hr",
    "main",
    "body",
    "tbody",
    "thead",
];

/// Elements that hold one paragraph's text (their container is what gets scored).
const PARAGRAPH: &[&str] = &[
    "p",
    "span",
    "strong",
    "b",
    "em",
    "i",
    "font",
    "a",
    "u",
    "small",
    "big",
    "sup",
    "sub",
    "label",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "li",
    "br",
    "code",
    "pre",
    "mark",
    "ins",
    "del",
];

/// Class or id fragments of widgets that never hold the article.
const NOISE_ATTR: &[&str] = &[
    "comment",
    "share",
    "footer",
    "sidebar",
    "recommend",
    "related",
    "breadcrumb",
    "copyright",
    "hot-news",
    "hotnews",
    "toolbar",
    "login",
    "qrcode",
];

fn is_skipped(el: &ElementRef<'_>) -> bool {
    let name = el.value().name();
    if SKIP.contains(&name) {
        // An <article>'s own <header> holds its headline, time and credits, and its <footer>
        // the editor: only the page's header and footer are furniture.
        let in_article = matches!(name, "header" | "footer")
            && el.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| matches!(e.name(), "article" | "main"))
            });
        return !in_article;
    }
    let attrs = format!(
        "{} {}",
        el.value().attr("class").unwrap_or(""),
        el.value().attr("id").unwrap_or("")
    )
    .to_ascii_lowercase();
    // Widgets are small; a big element whose class mentions `share` is the article itself.
    if NOISE_ATTR.iter().any(|n| attrs.contains(n)) && text_len(el) < 300 {
        // A post's own footer line that opens with its date (`<h6 class="post-footer">
        // 2019年09月11日 富达传媒 …`) is the article's metadata, not a widget.
        return !dated_meta(el);
    }
    let style = el
        .value()
        .attr("style")
        .unwrap_or("")
        .to_ascii_lowercase()
        .replace(' ', "");
    style.contains("display:none") || el.value().attr("hidden").is_some()
}

/// True when the short text of `el` is a metadata line that opens with a date.
fn dated_meta(el: &ElementRef<'_>) -> bool {
    if text_len(el) > 100 {
        return false;
    }
    let text = clean_line(&el.text().collect::<Vec<_>>().join(" "));
    crate::lines::meta::find_times(&text)
        .first()
        .is_some_and(|t| text[..t.start].trim().is_empty())
        && byline::parse_meta_line(&text, false).is_some_and(|m| m.published_at.is_some())
}

/// Characters of text under `el`, stopping early past 300.
fn text_len(el: &ElementRef<'_>) -> usize {
    let mut n = 0;
    for t in el.text() {
        n += t.trim().chars().count();
        if n >= 300 {
            break;
        }
    }
    n
}

/// Lines of text under `node`, in reading order. Iterative: a page nested a million
/// elements deep must not overflow the stack.
fn lines_of(node: NodeRef<'_, Node>, out: &mut Vec<String>, cur: &mut String) {
    enum Step<'a> {
        Enter(NodeRef<'a, Node>),
        /// The end of a block element: its text is one line.
        Close,
    }
    let mut stack: Vec<Step<'_>> = node.children().rev().map(Step::Enter).collect();
    while let Some(step) = stack.pop() {
        let child = match step {
            Step::Close => {
                flush(out, cur);
                continue;
            }
            Step::Enter(child) => child,
        };
        match child.value() {
            Node::Text(t) => cur.push_str(t),
            Node::Element(_) => {
                let Some(el) = ElementRef::wrap(child) else {
                    continue;
                };
                if is_skipped(&el) {
                    continue;
                }
                let block = BLOCK.contains(&el.value().name());
                if block {
                    flush(out, cur);
                    stack.push(Step::Close);
                }
                stack.extend(child.children().rev().map(Step::Enter));
            }
            _ => {}
        }
    }
}

/// Elements deeper than this are flattened into their ancestor at this depth before parsing
/// (browsers cap the DOM depth too): their text is kept, their tags are not. Tree building is
/// linear again, and nothing downstream sees a pathological depth.
pub const MAX_DEPTH: usize = 512;

/// Elements whose end tag may be left out: they close by themselves, so they are not counted
/// as nesting.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "option", "optgroup", "rb",
    "rt", "rp", "colgroup", "caption",
];

/// Void elements never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen",
];

/// The page with every tag nested deeper than [`MAX_DEPTH`] removed (text kept). A linear
/// scan; pages within the limit are returned as they are.
pub fn limit_nesting(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut excess = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut i = 0usize;
    while let Some(off) = memchr::memchr(b'<', &bytes[i..]) {
        let lt = i + off;
        let rest = &bytes[lt..];
        // comments, doctype, processing instructions: skipped whole
        if rest.starts_with(b"<!--") {
            i = memchr::memmem::find(&rest[4..], b"-->").map_or(bytes.len(), |e| lt + 4 + e + 3);
            continue;
        }
        let Some(gt) = memchr::memchr(b'>', rest).map(|g| lt + g) else {
            break;
        };
        let end_tag = rest.get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(end_tag);
        let name_len = bytes[name_start..gt]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            i = lt + 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        i = gt + 1;
        // raw text: nothing inside is a tag
        if !end_tag && matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            let close = format!("</{name}");
            if let Some(e) = find_ascii_ci(&bytes[i..], close.as_bytes()) {
                i += e;
            }
            continue;
        }
        if OPTIONAL_END.contains(&name.as_str()) || VOID.contains(&name.as_str()) {
            continue;
        }
        let self_closing = bytes[lt..gt].ends_with(b"/");
        let drop = if end_tag {
            if excess > 0 {
                excess -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if self_closing {
            false
        } else if depth >= MAX_DEPTH {
            excess += 1;
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..lt]);
            copied = gt + 1;
        }
    }
    match out {
        None => std::borrow::Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            std::borrow::Cow::Owned(o)
        }
    }
}

/// Where `needle` (ASCII, lowercase) starts in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle.first()?;
    let mut i = 0;
    while let Some(off) = memchr::memchr(*first, &hay[i..]) {
        let at = i + off;
        if hay
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

fn flush(out: &mut Vec<String>, cur: &mut String) {
    let line = clean_line(cur);
    if !line.is_empty() {
        out.push(line);
    }
    cur.clear();
}

/// Whitespace collapsed, and any markup that survived as text (double-escaped pages) removed.
fn clean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    let chars: Vec<char> = s.chars().collect();
    let mut space = false;
    for (i, &c) in chars.iter().enumerate() {
        if in_tag {
            if c == '>' {
                in_tag = false;
            }
            continue;
        }
        if c == '<'
            && chars
                .get(i + 1)
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/' || *n == '!')
        {
            in_tag = true;
            continue;
        }
        if c.is_whitespace() {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out.trim().to_string()
}

/// Sentence punctuation count: the text-density signal of article paragraphs.
fn punct(s: &str) -> usize {
    s.chars()
        .filter(|c| matches!(c, '，' | '。' | '、' | '；' | '！' | '？' | '“' | '”' | ','))
        .count()
}

/// Scores every element by the paragraph text it directly holds (outside links) and returns
/// the best container (the first in the tree when scores tie).
fn best_container(doc: &Html) -> Option<NodeRef<'_, Node>> {
    let mut scores: HashMap<ego_tree::NodeId, f64> = HashMap::new();
    let root = doc.root_element();
    let mut stack: Vec<(NodeRef<'_, Node>, bool)> = vec![(*root, false)];
    while let Some((node, in_link)) = stack.pop() {
        for child in node.children() {
            match child.value() {
                Node::Element(_) => {
                    let Some(el) = ElementRef::wrap(child) else {
                        continue;
                    };
                    if is_skipped(&el) {
                        continue;
                    }
                    stack.push((child, in_link || el.value().name() == "a"));
                }
                Node::Text(t) if !in_link => {
                    let text = t.trim();
                    let n = text.chars().count();
                    if n < 8 {
                        continue;
                    }
                    let score = 1.0 + punct(text) as f64 + (n as f64 / 80.0).min(3.0);
                    // Paragraph-level elements pass their text to the container that holds
                    // them; the container and its parent are scored.
                    let mut up = Some(node);
                    while let Some(u) = up {
                        let name = u.value().as_element().map_or("", |e| e.name());
                        if PARAGRAPH.contains(&name) {
                            up = u.parent();
                        } else {
                            break;
                        }
                    }
                    let mut weight = 1.0;
                    for _ in 0..2 {
                        let Some(u) = up else { break };
                        if u.value().is_element() {
                            *scores.entry(u.id()).or_insert(0.0) += score * weight;
                        }
                        weight /= 2.0;
                        up = u.parent();
                    }
                }
                _ => {}
            }
        }
    }
    // Ties go to the earlier node in the tree, so the same page always gives the same body
    // (the map's iteration order is random).
    let (id, _) = scores.into_iter().max_by(|a, b| {
        a.1.partial_cmp(&b.1)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| b.0.cmp(&a.0))
    })?;
    doc.tree.get(id)
}

/// The text lines of an HTML fragment (inline HTML inside a text page).
pub fn fragment_lines(fragment: &str) -> Vec<String> {
    let doc = Html::parse_fragment(&limit_nesting(fragment));
    let mut out = Vec::new();
    let mut cur = String::new();
    lines_of(doc.tree.root(), &mut out, &mut cur);
    flush(&mut out, &mut cur);
    out
}

/// Classes of an element that prints the article's publish time.
const TIME_CLASSES: &[&str] = &[
    "time",
    "date",
    "pubtime",
    "pub-time",
    "pub_time",
    "publish-time",
    "publish_time",
    "post-time",
    "article-time",
    "date-source",
];

/// Attributes in which a CMS keeps the article's publish time.
const PUBLISH_TIME_ATTRS: &[&str] = &["data-ptime", "data-pubtime", "data-publish-time"];

/// Turns a parsed HTML page into blocks.
pub fn to_blocks(text: &str) -> Vec<Block> {
    let doc = Html::parse_document(&limit_nesting(text));
    let mut blocks = Vec::new();
    let mut attr_times = Vec::new();
    let block = |kind: BlockKind, text: String| Block { text, kind };
    for node in doc.tree.root().descendants() {
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        // A short dated line the page marks as its time (`<p class="time">2019-05-17 · 某号`),
        // even inside a share bar that is otherwise furniture.
        if el
            .value()
            .attr("class")
            .is_some_and(|c| c.split_whitespace().any(|c| TIME_CLASSES.contains(&c)))
            && text_len(&el) < 60
        {
            let text = clean_line(&el.text().collect::<Vec<_>>().join(" "));
            if crate::lines::meta::find_times(&text)
                .first()
                .is_some_and(|t| text[..t.start].trim().is_empty())
            {
                blocks.push(block(BlockKind::MetaTime, text));
            }
        }
        // Keywords printed under a label in their own small element (`<div class="keywords">
        // 文章关键词： 辟谣 外泄</div>`), often outside the text's container.
        if el
            .value()
            .attr("class")
            .is_some_and(|c| c.to_ascii_lowercase().contains("keyword"))
            && text_len(&el) < 80
        {
            // each keyword its own link (新浪 `<label>关键字 : </label><a>中国芯</a><a>芯片</a>`):
            // the pieces are separate words, never glued into one
            let text = clean_line(
                &el.text()
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join("，"),
            );
            let label = ["文章关键词", "本文关键词", "关键词", "关键字"]
                .iter()
                .find_map(|l| text.strip_prefix(l));
            if let Some(rest) =
                label.map(|r| r.trim_start_matches([':', '：', ' ', '，', ',']).trim())
                && !rest.is_empty()
            {
                blocks.push(block(BlockKind::PrintedKeywords, rest.to_string()));
            }
        }
        // A publish time a CMS keeps in an attribute (网易 `data-ptime`, `<time datetime>`):
        // after every printed one.
        if let Some(time) = PUBLISH_TIME_ATTRS
            .iter()
            .find_map(|a| el.value().attr(a))
            .or_else(|| {
                (el.value().name() == "time")
                    .then(|| el.value().attr("datetime"))
                    .flatten()
            })
            .map(clean_line)
            .filter(|t| !t.is_empty())
        {
            attr_times.push(block(BlockKind::MetaTime, time));
        }
        match el.value().name() {
            "title" => {
                let t = clean_line(&el.text().collect::<String>());
                if !t.is_empty() {
                    blocks.push(block(BlockKind::DocTitle, t));
                }
            }
            "h1" if !node.ancestors().any(|a| {
                ElementRef::wrap(a).is_some_and(|e| is_skipped(&e) && e.value().name() != "head")
            }) =>
            {
                let t = clean_line(&el.text().collect::<String>());
                if !t.is_empty() {
                    blocks.push(block(BlockKind::Heading, t));
                }
            }
            "meta" => {
                let key = el
                    .value()
                    .attr("name")
                    .or_else(|| el.value().attr("property"))
                    .or_else(|| el.value().attr("itemprop"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let content = clean_line(el.value().attr("content").unwrap_or(""));
                if content.is_empty() {
                    continue;
                }
                let kind = match key.as_str() {
                    "og:title" | "twitter:title" => Some(BlockKind::MetaTitle),
                    "article:published_time"
                    | "pubdate"
                    | "publishdate"
                    | "publish_date"
                    | "og:release_date"
                    | "datepublished"
                    | "weibo:article:create_at"
                    | "article:publish_time"
                    | "ptime"
                    | "firstpublishedtime" => Some(BlockKind::MetaTime),
                    "keywords" | "news_keywords" => Some(BlockKind::MetaKeywords),
                    "source" | "article:source" | "og:article:source" | "mediaid" => {
                        Some(BlockKind::MetaSource)
                    }
                    "author" | "article:author" => Some(BlockKind::MetaAuthor),
                    _ => None,
                };
                if let Some(kind) = kind {
                    blocks.push(block(kind, content));
                }
            }
            _ => {}
        }
    }
    blocks.append(&mut attr_times);
    // All lines of the page and the lines of the content container.
    let body = doc
        .tree
        .root()
        .descendants()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))
        .unwrap_or(doc.tree.root());
    let container = best_container(&doc).unwrap_or(body);
    let mut content = Vec::new();
    let mut cur = String::new();
    lines_of(container, &mut content, &mut cur);
    flush(&mut content, &mut cur);
    // Metadata lines printed between the headline and the text (time, 来源, 记者).
    let mut all = Vec::new();
    lines_of(body, &mut all, &mut cur);
    flush(&mut all, &mut cur);
    // The 当前位置 path of the page, wherever it is printed: a labelled line, or the element
    // the page marks as its breadcrumb (`<div class="post_crumb">首页 > 新闻 > 正文`).
    if let Some(crumb) = all
        .iter()
        .find(|l| matches!(crate::lines::furniture::classify(l), Some(crate::lines::furniture::Furniture::Breadcrumb(segs)) if !segs.is_empty()))
        .cloned()
        .or_else(|| marked_breadcrumb(&doc))
    {
        blocks.push(block(BlockKind::Line, crumb));
    }
    // Where the text starts in the whole page: its first paragraph-sized line (a short first
    // line, the headline, may occur earlier in the page too).
    let anchor = content
        .iter()
        .find(|l| l.chars().count() >= 20)
        .or(content.first())
        .cloned()
        .unwrap_or_default();
    let start = all.iter().position(|l| *l == anchor).unwrap_or(0);
    for l in all.iter().take(start).rev().take(25).rev() {
        if l.chars().count() <= 100
            && !content.contains(l)
            && byline::parse_meta_line(l, false).is_some()
        {
            blocks.push(block(BlockKind::Line, l.clone()));
        }
    }
    // The headline as printed in the page (a table cell, a styled div) when no <h1> holds it:
    // the longest line the <title> begins with.
    let doc_title = blocks
        .iter()
        .find(|b| b.kind == BlockKind::DocTitle)
        .map(|b| fold_spaces(&b.text));
    if let Some(doc_title) = doc_title {
        let has_heading = blocks
            .iter()
            .any(|b| b.kind == BlockKind::Heading && doc_title.contains(&fold_spaces(&b.text)));
        if !has_heading
            && let Some(line) = all
                .iter()
                .filter(|l| (6..=80).contains(&l.chars().count()))
                .filter(|l| {
                    let f = fold_spaces(l);
                    doc_title.starts_with(&f) && f.chars().count() * 2 >= doc_title.chars().count()
                })
                .max_by_key(|l| l.chars().count())
        {
            blocks.push(block(BlockKind::Heading, line.clone()));
        }
    }
    // Credits and dates printed after the text (发布日期 …, 责任编辑 …).
    let last_content = content.last().cloned().unwrap_or_default();
    let end = all
        .iter()
        .skip(start)
        .position(|l| *l == last_content)
        .map(|k| start + k + 1);
    let after: Vec<String> = end.map_or_else(Vec::new, |end| {
        all.iter()
            .skip(end)
            .take(10)
            .filter(|l| l.chars().count() <= 100)
            .filter_map(|l| {
                if byline::parse_meta_line(l, false).is_some() {
                    return Some(l.clone());
                }
                // 版权声明 来源：当代商报 时间：…: the credits inside a notice line.
                let tail = &l[l.find("来源")?..];
                byline::parse_meta_line(tail, false).map(|_| tail.to_string())
            })
            .collect()
    });
    // The page's owner, from its footer (版权所有 …, 主办单位：…): the publication of last
    // resort.
    let owner = end.and_then(|end| {
        all.iter()
            .skip(end)
            .filter(|l| l.chars().count() <= 100)
            .find(|l| l.contains("版权所有") || l.starts_with("主办"))
            .cloned()
    });
    blocks.extend(content.into_iter().map(|l| block(BlockKind::Line, l)));
    blocks.extend(after.into_iter().map(|l| block(BlockKind::Line, l)));
    blocks.extend(owner.map(|l| block(BlockKind::Line, l)));
    blocks
}

/// Class or id fragments of the element that holds a page's breadcrumb.
const CRUMB_ATTR: &[&str] = &[
    "crumb", "position", "location", "weizhi", "dqwz", "current", "path", "daohang", "mianbao",
];

/// The text of the first visible element marked as a breadcrumb that reads as a path
/// (`首页 > 新闻中心 > 正文`), labelled `当前位置:` for the line grammar.
fn marked_breadcrumb(doc: &Html) -> Option<String> {
    for node in doc.tree.root().descendants() {
        let Some(el) = ElementRef::wrap(node) else {
            continue;
        };
        let attrs = format!(
            "{} {}",
            el.value().attr("class").unwrap_or(""),
            el.value().attr("id").unwrap_or("")
        )
        .to_ascii_lowercase();
        if !CRUMB_ATTR.iter().any(|a| attrs.contains(a)) {
            continue;
        }
        let hidden = node.ancestors().chain(std::iter::once(node)).any(|a| {
            ElementRef::wrap(a).is_some_and(|e| {
                let style = e.value().attr("style").unwrap_or("").replace(' ', "");
                style.contains("display:none") || e.value().attr("hidden").is_some()
            })
        });
        if hidden {
            continue;
        }
        let text = clean_line(&el.text().collect::<String>());
        let n = text.chars().count();
        let separators = text.matches(['>', '＞', '»', '›', '→']).count();
        if (4..=120).contains(&n) && separators >= 1 {
            let label = ["当前位置", "您的位置", "你的位置", "您现在的位置", "位置"]
                .iter()
                .any(|l| text.starts_with(l));
            return Some(if label {
                text
            } else {
                format!("当前位置：{text}")
            });
        }
    }
    None
}

/// `s` without whitespace, full-width ASCII folded (for comparing titles).
fn fold_spaces(s: &str) -> String {
    crate::lines::furniture::fold(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_flattened_and_its_text_kept() {
        let n = 100_000;
        let page = format!(
            "<html><body>{}<p>社区志愿者在小区门口为居民测量体温。</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let limited = limit_nesting(&page);
        assert_eq!(limited.matches("<div>").count(), MAX_DEPTH - 2);
        assert_eq!(limited.matches("</div>").count(), MAX_DEPTH - 2);
        let blocks = to_blocks(&page);
        assert!(
            blocks.iter().any(|b| b.text.contains("测量体温")),
            "{blocks:?}"
        );
        let shallow =
            "<html><body><div><p>一段</p></div><script>if (a<b) {}</script></body></html>";
        assert!(matches!(
            limit_nesting(shallow),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_posts_dated_footer_line_is_metadata_not_a_widget() {
        let para = "<p>社区志愿者在小区门口为居民测量体温，登记出入信息，发放口罩和消毒液，确保居民安全。</p>";
        let page = format!(
            "<html><body><div class=\"post\"><h2>志愿者守护小区</h2>\
             <h6 class=\"post-footer\">\n<a>2021年03月04日</a>\n<i></i>东湖传媒\n<i></i>社会新闻\n<i></i>321</h6>\
             <div class=\"post-body\">{para}{para}</div></div>\
             <div class=\"footer\">联系我们 2021-01-01 更新</div></body></html>"
        );
        let lines: Vec<String> = to_blocks(&page).into_iter().map(|b| b.text).collect();
        assert!(
            lines.iter().any(|l| l.starts_with("2021年03月04日")),
            "{lines:?}"
        );
        assert!(!lines.iter().any(|l| l.contains("联系我们")), "{lines:?}");
    }

    #[test]
    fn a_publish_time_kept_in_an_attribute_is_metadata() {
        let page = "<html><body><div id=\"contain\" data-ptime=\"2019-05-17 20:02:46\">\
                    <h2>京沪高速封闭</h2><p>下周一，京沪高速施工将进入第二阶段。</p></div>\
                    </body></html>";
        let times: Vec<String> = to_blocks(page)
            .into_iter()
            .filter(|b| b.kind == BlockKind::MetaTime)
            .map(|b| b.text)
            .collect();
        assert_eq!(times, ["2019-05-17 20:02:46"]);
    }

    #[test]
    fn keywords_printed_under_a_label_are_kept_apart_from_the_meta_tag() {
        let page = "<html><head><meta name=\"keywords\" content=\"新闻,财经\"></head><body>\
                    <div class=\"article\"><p>社区志愿者在小区门口为居民测量体温。</p></div>\
                    <div class=\"keywords\"><label>文章关键词：</label><a>辟谣</a> <a>外泄</a></div>\
                    </body></html>";
        let printed: Vec<String> = to_blocks(page)
            .into_iter()
            .filter(|b| b.kind == BlockKind::PrintedKeywords)
            .map(|b| b.text)
            .collect();
        assert_eq!(printed, ["辟谣，外泄"]);
        // links with nothing between them are still two words
        let page = page.replace("<a>辟谣</a> <a>外泄</a>", "<a>中国芯</a><a>芯片</a>");
        let printed: Vec<Vec<String>> = to_blocks(&page)
            .into_iter()
            .filter(|b| b.kind == BlockKind::PrintedKeywords)
            .map(|b| crate::lines::meta::keywords(&b.text))
            .collect();
        assert_eq!(printed, [["中国芯", "芯片"]]);
    }

    #[test]
    fn equal_containers_always_give_the_first() {
        let para = "<p>社区志愿者在小区门口为居民测量体温，登记出入信息，发放口罩和消毒液。</p>";
        let page = format!(
            "<html><body><div id=\"a\">{para}{para}<p>甲方内容，这是第一块。</p></div>\
             <div id=\"b\">{para}{para}<p>乙方内容，这是第二块。</p></div></body></html>"
        );
        // The score map is rebuilt with a new random hasher each call: repeat to catch a
        // choice that depends on its iteration order.
        // (Here `a`, `b` and `body`, which gets half of each, all tie: `body` comes first.)
        for _ in 0..32 {
            let doc = Html::parse_document(&page);
            let best = best_container(&doc).and_then(ElementRef::wrap);
            assert_eq!(best.map(|e| e.value().name()), Some("body"));
        }
    }
}
