//! Text to blocks: one block per non-empty line of a text page (HTML is reduced to its text
//! lines first).

use crate::ExtractError;
use crate::decode::Decoded;

/// One unit of page text in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The text of the block, trimmed.
    pub text: String,
}

/// Splits a decoded page into blocks.
pub fn to_blocks(decoded: &Decoded, _source_name: &str) -> Result<Vec<Block>, ExtractError> {
    Ok(decoded
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Block {
            text: l.to_string(),
        })
        .collect())
}
