//! Bytes to text: refuses empty, oversized and binary files, detects the encoding and whether
//! the page is HTML.

use crate::{ExtractConfig, ExtractError, Step};

/// Whether the page was plain text or HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A plain-text scrape.
    Text,
    /// An HTML page.
    Html,
}

impl Format {
    /// `text` or `html`, as written into `source.format`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
        }
    }
}

/// A decoded page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, BOM removed.
    pub text: String,
    /// The encoding used (`UTF-8`, `GB18030`, …).
    pub encoding: &'static str,
    /// Text or HTML.
    pub format: Format,
}

/// Decodes `bytes`; `source_name` is only used in error messages.
pub fn decode(
    bytes: &[u8],
    source_name: &str,
    config: &ExtractConfig,
) -> Result<Decoded, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty {
            source_name: source_name.to_string(),
            step: Step::Sniff,
        });
    }
    if bytes.len() as u64 > config.max_file_bytes {
        return Err(ExtractError::TooLarge {
            source_name: source_name.to_string(),
            step: Step::Sniff,
            bytes: bytes.len() as u64,
            limit: config.max_file_bytes,
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.trim_start_matches('\u{feff}').to_string(),
        Err(_) => {
            let (cow, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            if had_errors {
                return Err(ExtractError::Undecodable {
                    source_name: source_name.to_string(),
                    step: Step::Decode,
                    reason: "not valid UTF-8 or GB18030".into(),
                });
            }
            cow.into_owned()
        }
    };
    if text.chars().any(|c| c == '\0') {
        return Err(ExtractError::Binary {
            source_name: source_name.to_string(),
            step: Step::Sniff,
            what: "contains NUL bytes".into(),
        });
    }
    let format = if text.trim_start().starts_with('<') {
        Format::Html
    } else {
        Format::Text
    };
    Ok(Decoded {
        text,
        encoding: "UTF-8",
        format,
    })
}
