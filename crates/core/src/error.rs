//! Why a file could not be turned into records. Extraction of decoded text never fails; only
//! bytes that are not a readable page do.

use std::fmt;

use serde::{Serialize, Serializer};

/// The pipeline step where a file failed: the `step` of failure records. It is written as its
/// lowercase name ([`Step::as_str`]), both by `Display` and by `Serialize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Reading the file's bytes. Never produced by this crate (it does no I/O); the caller that
    /// reads the file names it when the read fails.
    Read,
    /// Looking at the bytes before decoding (size, emptiness, binary signatures).
    Sniff,
    /// Bytes to text.
    Decode,
    /// Text to blocks (HTML parsing, furniture removal).
    Blocks,
    /// Blocks to articles.
    Split,
    /// Article to record.
    Extract,
}

impl Step {
    /// The lowercase name written into failure records.
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Read => "read",
            Step::Sniff => "sniff",
            Step::Decode => "decode",
            Step::Blocks => "blocks",
            Step::Split => "split",
            Step::Extract => "extract",
        }
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Step {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl From<Step> for String {
    fn from(step: Step) -> String {
        step.as_str().to_string()
    }
}

/// A file newsdrop-core could not turn into records.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum ExtractError {
    /// The file has no bytes.
    #[error("{source_name}: {step}: file is empty")]
    Empty {
        /// The file.
        source_name: String,
        /// Where it failed.
        step: Step,
    },
    /// The file is larger than the configured limit.
    #[error("{source_name}: {step}: file is {bytes} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// The file.
        source_name: String,
        /// Where it failed.
        step: Step,
        /// Its size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The bytes are a binary format, not a page.
    #[error("{source_name}: {step}: binary content ({what}), not a text or HTML page")]
    Binary {
        /// The file.
        source_name: String,
        /// Where it failed.
        step: Step,
        /// What it looks like (`PNG image`, `PDF document`, `unrecognised binary`).
        what: String,
    },
    /// No encoding decodes the bytes cleanly.
    #[error("{source_name}: {step}: cannot decode: {reason}")]
    Undecodable {
        /// The file.
        source_name: String,
        /// Where it failed.
        step: Step,
        /// Why.
        reason: String,
    },
    /// The page decoded but holds no article text.
    #[error("{source_name}: {step}: no article found: {reason}")]
    NoArticle {
        /// The file.
        source_name: String,
        /// Where it failed.
        step: Step,
        /// Why.
        reason: String,
    },
}

impl ExtractError {
    /// The step the error happened at.
    pub fn step(&self) -> Step {
        match self {
            ExtractError::Empty { step, .. }
            | ExtractError::TooLarge { step, .. }
            | ExtractError::Binary { step, .. }
            | ExtractError::Undecodable { step, .. }
            | ExtractError::NoArticle { step, .. } => *step,
        }
    }
}
