//! Activity tags from a small taxonomy kept as data (`config/tags.toml`, built in; a user's
//! own file in the same format replaces it).

use serde::Deserialize;

use crate::ResourceError;

/// The built-in taxonomy text.
pub const BUILTIN_TAGS_TOML: &str = include_str!("../../../config/tags.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TaxonomyFile {
    #[serde(default)]
    tag: Vec<TagEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TagEntry {
    name: String,
    triggers: Vec<String>,
}

/// The taxonomy: tag name and the words that trigger it, in file order.
#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    tags: Vec<(String, Vec<String>)>,
}

impl Taxonomy {
    /// The built-in taxonomy (`config/tags.toml`).
    pub fn builtin() -> Self {
        // the built-in file is checked by a unit test; fall back to empty rather than panic
        Taxonomy::from_toml_str(BUILTIN_TAGS_TOML).unwrap_or_default()
    }

    /// A taxonomy from TOML text: `[[tag]]` tables with `name` and `triggers`.
    ///
    /// Fails on malformed TOML, unknown keys, an empty or duplicate name, or a tag without a
    /// non-empty trigger word.
    pub fn from_toml_str(text: &str) -> Result<Self, ResourceError> {
        let bad = |reason: String| ResourceError {
            what: "tag taxonomy",
            reason,
        };
        let file: TaxonomyFile = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
        let mut tags: Vec<(String, Vec<String>)> = Vec::with_capacity(file.tag.len());
        for entry in file.tag {
            let name = entry.name.trim().to_string();
            if name.is_empty() {
                return Err(bad("a [[tag]] has an empty name".into()));
            }
            if tags.iter().any(|(n, _)| *n == name) {
                return Err(bad(format!("tag {name:?} is defined twice")));
            }
            let triggers: Vec<String> = entry
                .triggers
                .iter()
                .map(|t| t.trim().to_string())
                .collect();
            if triggers.is_empty() || triggers.iter().any(String::is_empty) {
                return Err(bad(format!(
                    "tag {name:?} needs at least one trigger word and no empty ones"
                )));
            }
            tags.push((name, triggers));
        }
        Ok(Taxonomy { tags })
    }

    /// Number of tags.
    pub fn len(&self) -> usize {
        self.tags.len()
    }

    /// True when the taxonomy has no tags.
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    /// Tags whose trigger words occur in `body`, in taxonomy order.
    pub fn tag(&self, body: &str) -> Vec<String> {
        self.tags
            .iter()
            .filter(|(_, words)| words.iter().any(|w| body.contains(w.as_str())))
            .map(|(t, _)| t.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_tags() {
        let t = Taxonomy::from_toml_str(BUILTIN_TAGS_TOML).unwrap();
        assert!(t.len() >= 6);
        let tags = t.tag("党员突击队协助核酸采样，捐赠口罩");
        for want in ["捐款捐物", "核酸检测", "党员先锋"] {
            assert!(tags.iter().any(|x| x == want), "{want} in {tags:?}");
        }
        assert!(!tags.iter().any(|x| x == "慰问"));
        assert_eq!(Taxonomy::builtin().len(), t.len());
    }

    #[test]
    fn user_override() {
        let t = Taxonomy::from_toml_str("[[tag]]\nname = \"环保\"\ntriggers = [\"垃圾分类\"]\n")
            .unwrap();
        assert_eq!(t.tag("推进垃圾分类"), ["环保"]);
    }

    #[test]
    fn bad_input_is_an_error() {
        for text in [
            "[[tag]\nname = 1",
            "[[tag]]\nname = \"\"\ntriggers = [\"a\"]",
            "[[tag]]\nname = \"a\"\ntriggers = []",
            "[[tag]]\nname = \"a\"\ntriggers = [\"x\"]\n[[tag]]\nname = \"a\"\ntriggers = [\"y\"]",
            "[[tag]]\nname = \"a\"\ntrigger = [\"x\"]",
        ] {
            let err = Taxonomy::from_toml_str(text).unwrap_err();
            assert_eq!(err.what, "tag taxonomy");
        }
    }
}
