//! Traditional-character pages read through their simplified form. Every vocabulary of the
//! later stages (furniture, credit labels, jieba's dictionary, the lexicons, the tagger's
//! training text) is simplified, so a page printed in traditional characters (a Taiwan or Hong
//! Kong reprint, a mirror site converting mainland pages) would lose its credits, footers and
//! names. The page is converted character for character (`fast2s`: each CJK character keeps its
//! three UTF-8 bytes, so every byte offset holds), extracted as usual, and the record's printed
//! text is written back in the page's own characters. Knows nothing of the stages around it.

use std::collections::HashMap;

/// A page's text converted to simplified characters, and the way back.
#[derive(Debug)]
pub struct Simplified {
    /// The page's text in simplified characters, byte for byte aligned with the original.
    pub text: String,
    /// The original text.
    original: String,
    /// For each simplified character the conversion produced, the character the page printed
    /// (the first seen, when two traditional characters share one simplified form).
    back: HashMap<char, char>,
}

/// Fewer converted characters than this is a simplified page quoting a few traditional
/// characters (a name, a shop sign), read as it is.
const MIN_CONVERTED: usize = 10;

/// Frequent characters only traditional text prints (their simplified forms differ).
static TRADITIONAL_ONLY: crate::text::CharSet = crate::text::CharSet::new(&[
    '這', '們', '來', '會', '個', '為', '說', '對', '國', '與', '發', '時', '區', '縣', '鄉', '鎮',
    '黨', '員', '業', '長', '門', '開', '關', '書', '義', '學', '經', '過', '現', '從', '將', '點',
    '還', '動', '實', '務', '體', '辦', '問', '種', '電', '進', '間', '總', '應', '難', '給', '領',
    '導', '聯', '絡', '織', '衛', '環', '護', '園', '專', '級', '舉', '歡', '參', '華', '隊', '際',
    '構', '傳', '變', '產', '農', '場', '組', '設', '計', '議', '論', '費', '資', '財', '東', '條',
    '車', '報', '愛', '幫', '貧', '災', '鄰', '讀', '話', '認', '識', '據', '處',
]);

/// The share of the Han characters (in percent) that must change before the page counts as
/// printed in traditional characters; such pages change a fifth to a third of them.
const MIN_CONVERTED_PERCENT: usize = 5;

/// The simplified reading of `text` when it is printed in traditional characters; `None` for
/// simplified text (the usual case: nothing is copied).
pub fn simplify(text: &str) -> Option<Simplified> {
    // (a scan first: a simplified page holds few or none of the commonest traditional-only
    // characters, and the conversion copies the whole text)
    if text
        .chars()
        .filter(|&c| TRADITIONAL_ONLY.contains(c))
        .take(MIN_CONVERTED)
        .count()
        < MIN_CONVERTED
    {
        return None;
    }
    let mut converted = 0usize;
    let mut han = 0usize;
    let simplified = fast2s::convert(text);
    if simplified.len() != text.len() {
        return None;
    }
    let mut back: HashMap<char, char> = HashMap::new();
    for (o, s) in text.chars().zip(simplified.chars()) {
        if crate::text::is_han(o) {
            han += 1;
        }
        if o != s {
            if o.len_utf8() != s.len_utf8() {
                return None;
            }
            converted += 1;
            back.entry(s).or_insert(o);
        }
    }
    if converted < MIN_CONVERTED || converted * 100 < han * MIN_CONVERTED_PERCENT {
        return None;
    }
    Some(Simplified {
        text: simplified,
        original: text.to_string(),
        back,
    })
}

impl Simplified {
    /// `s`, a piece of extracted text, in the page's own characters: the printed slice where
    /// `s` is a piece of the simplified text, else character by character.
    pub fn restore(&self, s: &str) -> String {
        if s.is_empty() || !s.chars().any(|c| self.back.contains_key(&c)) {
            return s.to_string();
        }
        if let Some(at) = self.text.find(s)
            && let Some(printed) = self.original.get(at..at + s.len())
        {
            return printed.to_string();
        }
        s.chars()
            .map(|c| self.back.get(&c).copied().unwrap_or(c))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_traditional_page_is_read_simplified_and_written_back_as_printed() {
        let page = "為進一步加強基層科普服務能力建設，臨泉縣科協在社區舉辦科普活動，縣科協主席韓學勇出席。";
        let s = simplify(page).expect("a traditional page");
        assert_eq!(s.text.len(), page.len());
        assert!(s.text.contains("临泉县科协"), "{}", s.text);
        assert_eq!(s.restore("临泉县科协"), "臨泉縣科協");
        assert_eq!(s.restore("韩学勇"), "韓學勇");
        // (text not found as it is: character by character)
        assert_eq!(s.restore("县科协、韩学勇"), "縣科協、韓學勇");
    }

    #[test]
    fn a_simplified_page_with_a_few_traditional_characters_is_read_as_it_is() {
        assert!(simplify("近日，临泉县科协在社区举办科普活动，店招上写着“書香門第”。").is_none());
        assert!(simplify("").is_none());
        assert!(simplify("plain ASCII text").is_none());
    }
}
