//! Stage 2, decoded page to blocks: the text lines of a plain-text scrape (`text`), or the
//! content lines of an HTML page plus its title, heading and meta-tag candidates (`html`).

mod block;
pub(crate) mod html;
pub(crate) mod text;

pub use block::{Block, BlockKind};

use crate::decode::{Decoded, Format};
use crate::{ExtractError, Step};

/// Splits a decoded page into blocks. An HTML page with no text at all is a failure.
pub fn to_blocks(decoded: &Decoded, source_name: &str) -> Result<Vec<Block>, ExtractError> {
    let blocks: Vec<Block> = match decoded.format {
        Format::Html => html::to_blocks(&decoded.text),
        Format::Text => text::to_blocks(&decoded.text),
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
