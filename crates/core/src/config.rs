//! `[extract]` settings: what the extractor may be tuned with. Loaded by the watcher, which
//! composes this section into its configuration; the defaults of the daemon are the ones in
//! `config/default.toml` (a watcher test checks that [`ExtractConfig::default`] agrees).

use serde::{Deserialize, Serialize};

/// Settings of the extraction pipeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ExtractConfig {
    /// How many keywords each record carries.
    pub keywords_top: usize,
    /// A tag taxonomy file replacing the built-in `config/tags.toml` (empty: built-in). The
    /// caller reads it and hands the text in through `Resources`; core does no I/O.
    pub tags_path: String,
    /// Extra dictionary lines (`word [freq] [tag]`) added to the segmenter (empty: none).
    pub user_dict_path: String,
    /// Run the sequence tagger beside the rules for persons, places and organizations (it
    /// confirms names only jieba's tags propose and adds names the rules miss). `false` keeps
    /// the rules alone: about a third less extraction time, lower recall on unseen sites.
    pub entity_tagger: bool,
}

impl Default for ExtractConfig {
    fn default() -> Self {
        ExtractConfig {
            keywords_top: 10,
            tags_path: String::new(),
            user_dict_path: String::new(),
            entity_tagger: true,
        }
    }
}
