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
        Format::Text => decoded
            .text
            .lines()
            .map(|l| l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'))
            .filter(|l| !l.is_empty())
            .map(|l| Block {
                text: l.to_string(),
                kind: BlockKind::Line,
            })
            .collect(),
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
