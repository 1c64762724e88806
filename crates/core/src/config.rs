//! `[extract]` settings: what the extractor may be tuned with. Loaded by the watcher.

use serde::{Deserialize, Serialize};

/// Settings of the extraction pipeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ExtractConfig {
    /// Files larger than this are refused with a failure record (`watch.max_file_bytes` is
    /// copied here by the watcher).
    pub max_file_bytes: u64,
    /// How many keywords each record carries.
    pub keywords_top: usize,
}

impl Default for ExtractConfig {
    fn default() -> Self {
        ExtractConfig {
            max_file_bytes: 16 * 1024 * 1024,
            keywords_top: 10,
        }
    }
}
