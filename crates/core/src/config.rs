//! `[extract]` settings: what the extractor may be tuned with. Loaded by the watcher.

use serde::{Deserialize, Serialize};

/// Settings of the extraction pipeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ExtractConfig {
    /// Files larger than this are refused with a failure record. Not a key of `[extract]`:
    /// the watcher copies `watch.max_file_bytes` here.
    #[serde(skip)]
    pub max_file_bytes: u64,
    /// How many keywords each record carries.
    pub keywords_top: usize,
    /// A tag taxonomy file replacing the built-in `config/tags.toml` (empty: built-in). The
    /// caller reads it and hands the text in through `Resources`; core does no I/O.
    pub tags_path: String,
    /// Extra dictionary lines (`word [freq] [tag]`) added to the segmenter (empty: none).
    pub user_dict_path: String,
}

impl Default for ExtractConfig {
    fn default() -> Self {
        ExtractConfig {
            max_file_bytes: 16 * 1024 * 1024,
            keywords_top: 10,
            tags_path: String::new(),
            user_dict_path: String::new(),
        }
    }
}
