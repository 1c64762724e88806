//! newsdrop-core turns the bytes of a scraped Chinese news page into article records.
//!
//! It owns the record model ([`ArticleRecord`], [`FailureRecord`]) and every extraction step:
//! decoding (UTF-8, UTF-16, GB18030), HTML and plain-text block recovery, furniture removal,
//! splitting a page into articles, metadata (title, time, bylines, publication), entities,
//! quantities, dates, quotes, keywords and activity tags. It is pure and synchronous: it reads
//! no files, spawns no tasks and knows nothing of the daemon; whoever calls it hands it the
//! bytes and gets records back.
//!
//! # Brief overview
//!
//! - [`Extractor`] holds what is expensive to build once (the jieba dictionary, lexicons,
//!   the tag taxonomy). Build one per process and share it across threads.
//! - [`extract`] is the whole pipeline, composed in one place, one module per stage:
//!   bytes → [`decode`] ([`decode::Decoded`]: encoding and format; a page printed in
//!   traditional characters read through its simplified form, [`script`]) → [`blocks`]
//!   ([`blocks::Block`]s: text lines or HTML content) → [`split`] ([`split::ArticleText`]s:
//!   furniture dropped, metadata read with the line grammar in `lines`) → [`fields`]
//!   ([`ArticleRecord`]s: entities, statistics, dates, quotes, keywords, tags).
//!   Character helpers every stage shares are in `text`; nothing in a stage imports a later one.
//! - Only bytes that are not a readable page give an [`ExtractError`]; extraction of decoded
//!   text never fails, it records doubts in `warnings`.
//!
//! ```
//! use newsdrop_core::{Extractor, ExtractConfig, Input};
//! let extractor = Extractor::new(&ExtractConfig::default()).unwrap();
//! let page = "永平街党组织在行动\n2020-02-26 19:06:39\n\n永平街共有党组织24个。\n".as_bytes();
//! let input = Input { path: "/inbox/a.txt", bytes: page, ingested_at: "2026-01-01T00:00:00+08:00" };
//! let records = newsdrop_core::extract(&input, &extractor).unwrap();
//! assert_eq!(records.len(), 1);
//! ```

// The stages, in pipeline order.
pub mod blocks;
pub mod decode;
pub mod fields;
pub(crate) mod lines;
pub mod script;
pub mod split;

// The model, settings and errors they share.
pub mod config;
pub mod error;
pub mod record;
pub(crate) mod text;

pub use config::ExtractConfig;
pub use error::{ExtractError, Step};
pub use record::*;

use sha2::{Digest, Sha256};

/// One file handed to the extractor.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// Absolute path where the file was dropped (copied into `source.path`).
    pub path: &'a str,
    /// The file's bytes.
    pub bytes: &'a [u8],
    /// When the file was read, RFC 3339 (copied into `ingested_at`).
    pub ingested_at: &'a str,
}

/// Everything that is built once and shared: the NLP models, lexicons and the tag taxonomy.
#[derive(Debug)]
pub struct Extractor {
    config: ExtractConfig,
    nlp: fields::nlp::Nlp,
    taxonomy: fields::tags::Taxonomy,
}

/// Data a user may supply in place of the built-in defaults (read by the caller, handed in
/// as text so that core stays free of I/O).
#[derive(Debug, Clone, Default)]
pub struct Resources {
    /// A tag taxonomy in the format of `config/tags.toml`.
    pub tags_toml: Option<String>,
    /// Extra dictionary lines (`word freq tag`) added to the segmenter.
    pub user_dict: Option<String>,
}

/// A user-supplied resource could not be loaded.
#[derive(Debug, thiserror::Error)]
#[error("invalid {what}: {reason}")]
pub struct ResourceError {
    /// Which resource.
    pub what: &'static str,
    /// Why.
    pub reason: String,
}

impl Extractor {
    /// An extractor with the built-in lexicons and taxonomy.
    pub fn new(config: &ExtractConfig) -> Result<Self, ResourceError> {
        Self::with_resources(config, &Resources::default())
    }

    /// An extractor with user-supplied resources where given.
    pub fn with_resources(
        config: &ExtractConfig,
        resources: &Resources,
    ) -> Result<Self, ResourceError> {
        let mut nlp = fields::nlp::Nlp::new(resources.user_dict.as_deref())?;
        if !config.entity_tagger {
            nlp.without_tagger();
        }
        let taxonomy = match &resources.tags_toml {
            Some(text) => fields::tags::Taxonomy::from_toml_str(text)?,
            None => fields::tags::Taxonomy::builtin(),
        };
        Ok(Extractor {
            config: config.clone(),
            nlp,
            taxonomy,
        })
    }

    /// The configuration this extractor was built with.
    pub fn config(&self) -> &ExtractConfig {
        &self.config
    }

    /// The shared segmenter and entity recogniser.
    pub fn nlp(&self) -> &fields::nlp::Nlp {
        &self.nlp
    }

    /// The activity-tag taxonomy.
    pub fn taxonomy(&self) -> &fields::tags::Taxonomy {
        &self.taxonomy
    }
}

/// SHA-256 of `bytes` as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

/// The deterministic id of article `index` of a file whose SHA-256 is `sha256`.
pub fn record_id(sha256: &str, index: usize) -> String {
    let prefix = sha256.get(..32).unwrap_or(sha256);
    format!("{prefix}-{index}")
}

/// The whole pipeline: one file's bytes to one record per article, in page order.
///
/// Errors only when the bytes are not a readable page (empty, too large, binary,
/// undecodable, or no article text at all).
pub fn extract(
    input: &Input<'_>,
    extractor: &Extractor,
) -> Result<Vec<ArticleRecord>, ExtractError> {
    let mut decoded = decode::decode(input.bytes, input.path)?;
    // (a page printed in traditional characters is read in simplified ones)
    let simplified = script::simplify(&decoded.text);
    if let Some(s) = &simplified {
        decoded.text.clone_from(&s.text);
    }
    let blocks = blocks::to_blocks(&decoded, input.path)?;
    let articles = split::split_articles(&blocks);
    if articles.is_empty() {
        return Err(ExtractError::NoArticle {
            source_name: input.path.to_string(),
            step: Step::Split,
            reason: "the page holds no article text (a list page, or only navigation)".into(),
        });
    }
    let sha256 = sha256_hex(input.bytes);
    let article_count = articles.len();
    let encoding = decoded.encoding.to_string();
    let format = decoded.format.as_str();
    Ok(articles
        .into_iter()
        .enumerate()
        .map(|(index, article)| {
            let source = Source {
                path: input.path.to_string(),
                sha256: sha256.clone(),
                bytes: input.bytes.len() as u64,
                encoding: encoding.clone(),
                format: format.to_string(),
                article_index: index,
                article_count,
            };
            let mut record = fields::build_record(
                article,
                record_id(&sha256, index),
                source,
                input.ingested_at,
                extractor,
            );
            if let Some(s) = &simplified {
                record.map_printed_text(|t| s.restore(t));
            }
            record
        })
        .collect())
}
