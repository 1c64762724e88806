//! Activity tags from a small taxonomy kept as data (`config/tags.toml`, built in; a user's
//! own file in the same format replaces it).

use serde::Deserialize;

use crate::ResourceError;

/// The built-in taxonomy text.
pub const BUILTIN_TAGS_TOML: &str = include_str!("../../../../config/tags.toml");

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
    index: TriggerIndex,
}

/// Every trigger word by its first character, so that one pass over a body finds them all.
#[derive(Debug, Clone, Default)]
struct TriggerIndex {
    /// Bit `c` set when some trigger starts with the character `c` (below U+10000).
    first_bits: Vec<u64>,
    /// First characters, sorted; parallel to `words`.
    firsts: Vec<char>,
    /// The triggers starting with each first character, with the index of their tag.
    words: Vec<Vec<(String, usize)>>,
}

impl TriggerIndex {
    fn new(tags: &[(String, Vec<String>)]) -> Self {
        let mut all: Vec<(char, String, usize)> = Vec::new();
        for (t, (_, words)) in tags.iter().enumerate() {
            for w in words {
                if let Some(c) = w.chars().next() {
                    all.push((c, w.clone(), t));
                }
            }
        }
        all.sort_by_key(|(c, _, _)| *c);
        let mut index = TriggerIndex {
            first_bits: vec![0; 1024],
            ..TriggerIndex::default()
        };
        for (c, w, t) in all {
            if index.firsts.last() != Some(&c) {
                index.firsts.push(c);
                index.words.push(Vec::new());
            }
            if let Some(v) = index.words.last_mut() {
                v.push((w, t));
            }
            let n = c as usize;
            if let Some(bits) = index.first_bits.get_mut(n >> 6) {
                *bits |= 1 << (n & 63);
            }
        }
        index
    }

    /// Marks in `found` the tags with a trigger in `body`.
    fn scan(&self, body: &str, found: &mut [bool]) {
        let mut left = found.len();
        for (at, c) in body.char_indices() {
            let n = c as usize;
            if n < 1 << 16
                && self
                    .first_bits
                    .get(n >> 6)
                    .is_none_or(|b| b & (1 << (n & 63)) == 0)
            {
                continue;
            }
            let Ok(k) = self.firsts.binary_search(&c) else {
                continue;
            };
            let rest = &body[at..];
            for (w, t) in &self.words[k] {
                if !found[*t] && rest.starts_with(w.as_str()) {
                    found[*t] = true;
                    left -= 1;
                    if left == 0 {
                        return;
                    }
                }
            }
        }
    }
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
        let index = TriggerIndex::new(&tags);
        Ok(Taxonomy { tags, index })
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
        let mut found = vec![false; self.tags.len()];
        self.index.scan(body, &mut found);
        self.tags
            .iter()
            .zip(found)
            .filter(|(_, f)| *f)
            .map(|((t, _), _)| t.clone())
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
    fn one_pass_matches_substring_search() {
        let t = Taxonomy::builtin();
        let naive = |body: &str| -> Vec<String> {
            t.tags
                .iter()
                .filter(|(_, words)| words.iter().any(|w| body.contains(w.as_str())))
                .map(|(n, _)| n.clone())
                .collect()
        };
        for body in [
            "",
            "志愿",
            "志愿者志愿服务捐款核酸采样核酸检测慰问困难群众",
            "𠀀捐𠀀款捐赠。abc 🙂 核酸",
            include_str!("../../../../config/tags.toml"),
        ] {
            assert_eq!(t.tag(body), naive(body), "{body}");
        }
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
