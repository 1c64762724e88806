//! Quoted speech and its speaker.

use crate::record::{Person, Quote};

/// Quotes in `body`; `persons` helps name the speaker.
pub fn extract(_body: &str, _persons: &[Person]) -> Vec<Quote> {
    Vec::new()
}
