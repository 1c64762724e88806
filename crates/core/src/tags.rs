//! Activity tags from a small taxonomy kept as data (`config/tags.toml`).

use crate::ResourceError;

/// The taxonomy: tag name and the words that trigger it.
#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    tags: Vec<(String, Vec<String>)>,
}

impl Taxonomy {
    /// The built-in taxonomy.
    pub fn builtin() -> Self {
        Taxonomy::default()
    }

    /// A taxonomy from TOML text.
    pub fn from_toml_str(_text: &str) -> Result<Self, ResourceError> {
        Ok(Taxonomy::default())
    }

    /// Tags whose trigger words occur in `body`.
    pub fn tag(&self, body: &str) -> Vec<String> {
        self.tags
            .iter()
            .filter(|(_, words)| words.iter().any(|w| body.contains(w.as_str())))
            .map(|(t, _)| t.clone())
            .collect()
    }
}
