//! Decoded page to blocks: the text lines of a plain-text scrape, or the content lines of an
//! HTML page plus its title, heading and meta-tag candidates (see [`crate::html`]).

use crate::ExtractError;
use crate::Step;
use crate::decode::{Decoded, Format};

/// What a block is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// A line of page text in reading order.
    Line,
    /// An HTML `<title>`.
    DocTitle,
    /// An HTML `<h1>`.
    Heading,
    /// A title from a meta tag (`og:title`).
    MetaTitle,
    /// A publish time from a meta tag.
    MetaTime,
    /// Keywords from a meta tag.
    MetaKeywords,
    /// A source from a meta tag.
    MetaSource,
    /// An author from a meta tag.
    MetaAuthor,
    /// A Markdown heading of a text page (`### 标题`), with its level.
    TextHeading(u8),
}

/// One unit of page text in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The text of the block, trimmed.
    pub text: String,
    /// What the block is.
    pub kind: BlockKind,
}

/// Splits a decoded page into blocks. An HTML page with no text at all is a failure.
pub fn to_blocks(decoded: &Decoded, source_name: &str) -> Result<Vec<Block>, ExtractError> {
    let blocks: Vec<Block> = match decoded.format {
        Format::Html => crate::html::to_blocks(&decoded.text),
        Format::Text => text_blocks(&decoded.text),
    };
    if !blocks.iter().any(|b| b.kind == BlockKind::Line) {
        return Err(ExtractError::NoArticle {
            source_name: source_name.to_string(),
            step: Step::Blocks,
            reason: "the page has no text".into(),
        });
    }
    Ok(blocks)
}

/// Lines of a plain-text page. Markdown headings become [`BlockKind::TextHeading`]; lines
/// carrying inline HTML (`<p>…</p>` in Markdown) are reduced to their text.
fn text_blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    for line in text.lines() {
        let l = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
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
            for t in crate::html::fragment_lines(l) {
                out.push(Block {
                    text: t,
                    kind: BlockKind::Line,
                });
            }
            continue;
        }
        out.push(Block {
            text: l.to_string(),
            kind: BlockKind::Line,
        });
    }
    out
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

    #[test]
    fn markdown_and_inline_html() {
        let b = text_blocks(
            "### 标题\n<p><strong>央视网消息</strong>（新闻联播）：正文。</p><p>第二段&nbsp;</p>\n",
        );
        assert_eq!(b[0].kind, BlockKind::TextHeading(3));
        assert_eq!(b[0].text, "标题");
        assert_eq!(b[1].text, "央视网消息（新闻联播）：正文。");
        assert_eq!(b[2].text, "第二段");
    }
}
