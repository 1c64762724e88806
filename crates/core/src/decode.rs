//! Bytes to text: refuses empty, oversized and binary files, detects the encoding (BOM, UTF-8,
//! UTF-16, GB18030/GBK, Big5; an HTML `<meta charset>` is only a hint) and whether the page is
//! HTML. Bytes that no encoding decodes cleanly give a failure, never mojibake.

use crate::{ExtractError, Step};
use encoding_rs::{BIG5, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

/// Whether the page was plain text or HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A plain-text scrape.
    Text,
    /// An HTML page.
    Html,
}

impl Format {
    /// `text` or `html`, as written into `source.format`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
        }
    }
}

/// A decoded page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, BOM removed.
    pub text: String,
    /// The encoding used (`UTF-8`, `GB18030`, …).
    pub encoding: &'static str,
    /// Text or HTML.
    pub format: Format,
}

/// Magic numbers of binary formats a page drop folder may receive by mistake.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "OLE document (doc/xls)",
    ),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\x00asm", "WebAssembly module"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"ID3", "MP3 audio"),
    (b"\x1a\x45\xdf\xa3", "Matroska/WebM video"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"BM", "BMP image"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"SQLite format 3\x00", "SQLite database"),
];

fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    for (magic, what) in SIGNATURES {
        if bytes.starts_with(magic) {
            // `BM` and `MZ` are also how a text may start; require more evidence for them.
            if (*magic == b"BM" || *magic == b"MZ") && !has_many_controls(bytes) {
                continue;
            }
            return Some(what);
        }
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" {
        return Some(match &bytes[8..12] {
            b"WEBP" => "WebP image",
            b"WAVE" => "WAV audio",
            b"AVI " => "AVI video",
            _ => "RIFF media",
        });
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("MP4/QuickTime media");
    }
    None
}

/// True when the first kilobytes hold control bytes that no text page has.
fn has_many_controls(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    controls * 50 > head.len().max(1)
}

/// Decodes `bytes` with `encoding` and no replacement; `None` if any sequence is malformed.
fn decode_strict(bytes: &[u8], encoding: &'static Encoding) -> Option<String> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|c| c.into_owned())
}

/// The charset an HTML `<meta>` tag declares in the first bytes, if any.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let pos = lower.windows(8).position(|w| w == b"charset=")?;
    let rest = &lower[pos + 8..];
    let rest = rest
        .iter()
        .position(|&b| b != b'"' && b != b'\'' && b != b' ')
        .map_or(&rest[..0], |s| &rest[s..]);
    let end = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

/// How much of the non-ASCII bytes form well-formed UTF-8 sequences (0.0–1.0).
fn utf8_share(bytes: &[u8]) -> f64 {
    let mut high = 0usize;
    let mut good = 0usize;
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                let n = s.bytes().filter(|b| *b >= 0x80).count();
                high += n;
                good += n;
                break;
            }
            Err(e) => {
                let (ok, bad) = rest.split_at(e.valid_up_to());
                let n = ok.iter().filter(|b| **b >= 0x80).count();
                high += n;
                good += n;
                let skip = e.error_len().unwrap_or(bad.len()).max(1).min(bad.len());
                high += bad[..skip].iter().filter(|b| **b >= 0x80).count().max(1);
                rest = &bad[skip..];
            }
        }
    }
    if high == 0 {
        1.0
    } else {
        good as f64 / high as f64
    }
}

/// True when the decoded text looks like a page: few control characters and no private-use
/// or replacement runs.
fn plausible_text(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(20_000) {
        total += 1;
        if (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}' | '\u{1b}'))
            || c == '\u{fffd}'
        {
            bad += 1;
        }
    }
    bad * 100 <= total.max(1)
}

/// Share of CJK ideographs among the non-ASCII characters.
fn cjk_share(text: &str) -> f64 {
    let mut high = 0usize;
    let mut cjk = 0usize;
    for c in text.chars().take(20_000) {
        if !c.is_ascii() {
            high += 1;
            if ('\u{4e00}'..='\u{9fff}').contains(&c)
                || ('\u{3000}'..='\u{303f}').contains(&c)
                || ('\u{ff00}'..='\u{ffef}').contains(&c)
            {
                cjk += 1;
            }
        }
    }
    if high == 0 {
        1.0
    } else {
        cjk as f64 / high as f64
    }
}

fn undecodable(source_name: &str, reason: impl Into<String>) -> ExtractError {
    ExtractError::Undecodable {
        source_name: source_name.to_string(),
        step: Step::Decode,
        reason: reason.into(),
    }
}

/// Decodes bytes that carry no BOM.
fn decode_unmarked(
    bytes: &[u8],
    source_name: &str,
) -> Result<(String, &'static str), ExtractError> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), "UTF-8"));
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        // UTF-8 cut off in the middle of a character, or UTF-8 with a damaged byte: do not
        // reinterpret it as a legacy encoding (that would be mojibake).
        if e.error_len().is_none() && e.valid_up_to() + 4 >= bytes.len() && e.valid_up_to() > 0 {
            let high = bytes[..e.valid_up_to()].iter().any(|b| *b >= 0x80);
            if high {
                return Err(undecodable(
                    source_name,
                    format!(
                        "UTF-8 text truncated in a multi-byte sequence at byte {}",
                        e.valid_up_to()
                    ),
                ));
            }
        }
        if utf8_share(bytes) >= 0.9 {
            return Err(undecodable(
                source_name,
                format!("invalid UTF-8 sequence at byte {}", e.valid_up_to()),
            ));
        }
    }
    if bytes.contains(&0)
        && let Some(r) = decode_utf16_unmarked(bytes)
    {
        return Ok(r);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    let hint = declared_charset(bytes);
    let mut candidates: Vec<&'static Encoding> = Vec::new();
    for enc in [hint, Some(guess)].into_iter().flatten() {
        if enc == GB18030 || enc == encoding_rs::GBK || enc == BIG5 {
            candidates.push(if enc == BIG5 { BIG5 } else { GB18030 });
        }
    }
    candidates.push(GB18030);
    candidates.push(BIG5);
    for enc in [hint, Some(guess)].into_iter().flatten() {
        if enc != UTF_8 && !candidates.contains(&enc) {
            candidates.push(enc);
        }
    }
    for enc in candidates {
        if let Some(text) = decode_strict(bytes, enc) {
            let cjk_ok = enc == GB18030 || enc == BIG5;
            if plausible_text(&text) && (cjk_ok || cjk_share(&text) > 0.5) {
                let name = if enc == GB18030 {
                    "GB18030"
                } else {
                    enc.name()
                };
                return Ok((text, name));
            }
        }
    }
    Err(undecodable(
        source_name,
        "not valid UTF-8, UTF-16, GB18030 or Big5",
    ))
}

/// UTF-16 without a BOM: recognised by the zero bytes of ASCII characters on one side.
fn decode_utf16_unmarked(bytes: &[u8]) -> Option<(String, &'static str)> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let (mut even0, mut odd0) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even0 += usize::from(pair[0] == 0);
        odd0 += usize::from(pair[1] == 0);
    }
    let pairs = bytes.len() / 2;
    let enc = if odd0 * 3 > pairs && even0 * 20 < odd0 {
        UTF_16LE
    } else if even0 * 3 > pairs && odd0 * 20 < even0 {
        UTF_16BE
    } else {
        return None;
    };
    let text = decode_strict(bytes, enc)?;
    plausible_text(&text).then_some((text, enc.name()))
}

/// Decodes `bytes`; `source_name` is only used in error messages and to tell HTML by extension.
pub fn decode(bytes: &[u8], source_name: &str) -> Result<Decoded, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty {
            source_name: source_name.to_string(),
            step: Step::Sniff,
        });
    }
    let binary = |what: &str| ExtractError::Binary {
        source_name: source_name.to_string(),
        step: Step::Sniff,
        what: what.to_string(),
    };
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        let text = std::str::from_utf8(rest)
            .map_err(|e| {
                undecodable(
                    source_name,
                    format!(
                        "invalid UTF-8 after a UTF-8 BOM at byte {}",
                        e.valid_up_to() + 3
                    ),
                )
            })?
            .to_string();
        (text, "UTF-8")
    } else if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        let text = decode_strict(rest, UTF_16LE)
            .ok_or_else(|| undecodable(source_name, "malformed or truncated UTF-16LE"))?;
        (text, "UTF-16LE")
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        let text = decode_strict(rest, UTF_16BE)
            .ok_or_else(|| undecodable(source_name, "malformed or truncated UTF-16BE"))?;
        (text, "UTF-16BE")
    } else {
        if let Some(what) = sniff_binary(bytes) {
            return Err(binary(what));
        }
        if has_many_controls(bytes) && !bytes.contains(&0) {
            return Err(binary("unrecognised binary"));
        }
        match decode_unmarked(bytes, source_name) {
            Ok(r) => r,
            Err(e) if bytes.contains(&0) => {
                let _ = e;
                return Err(binary("unrecognised binary (contains NUL bytes)"));
            }
            Err(e) => return Err(e),
        }
    };
    let text = text.trim_start_matches('\u{feff}').to_string();
    if text.contains('\0') || !plausible_text(&text) {
        return Err(binary("unrecognised binary (control characters)"));
    }
    let format = if looks_like_html(&text, source_name) {
        Format::Html
    } else {
        Format::Text
    };
    Ok(Decoded {
        text,
        encoding,
        format,
    })
}

/// HTML by extension, or by a document that opens with markup.
fn looks_like_html(text: &str, source_name: &str) -> bool {
    let lower_name = source_name.to_ascii_lowercase();
    if [".html", ".htm", ".xhtml", ".shtml"]
        .iter()
        .any(|ext| lower_name.ends_with(ext))
    {
        return true;
    }
    let head: String = text.trim_start().chars().take(2048).collect();
    let head = head.to_ascii_lowercase();
    if !head.starts_with('<') {
        return false;
    }
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<div",
        "<p",
        "<title",
        "<!--",
    ]
    .iter()
    .any(|t| head.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(bytes: &[u8]) -> Result<Decoded, ExtractError> {
        decode(bytes, "t.txt")
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let d = dec("永平街党组织".as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("永平街党组织", "UTF-8"));
        let d = dec(&[b"\xef\xbb\xbf".as_slice(), "党组织".as_bytes()].concat()).unwrap();
        assert_eq!(d.text, "党组织");
    }

    #[test]
    fn gb18030_and_utf16() {
        let text = "永平街共有“两新”党组织24个。一直以来,各党组织认真开展活动。";
        let (gb, _, _) = GB18030.encode(text);
        let d = dec(&gb).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "GB18030"));
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for u in text.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(dec(&le).unwrap().text, text);
        assert_eq!(dec(&le).unwrap().encoding, "UTF-16LE");
        assert_eq!(dec(&be).unwrap().text, text);
        assert_eq!(dec(&be).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn wrong_meta_charset_is_ignored() {
        let page =
            "<html><head><meta charset=\"gb2312\"></head><body><p>新闻正文</p></body></html>";
        let d = decode(page.as_bytes(), "a.html").unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.format, Format::Html);
    }

    #[test]
    fn binary_and_truncated_inputs_fail() {
        assert!(matches!(
            dec(b"%PDF-1.4\n..."),
            Err(ExtractError::Binary { .. })
        ));
        assert!(matches!(
            dec(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(ExtractError::Binary { .. })
        ));
        assert!(matches!(
            dec(b"\x1f\x8b\x08\0"),
            Err(ExtractError::Binary { .. })
        ));
        let mut cut = "党组织在行动".as_bytes().to_vec();
        cut.pop();
        assert!(matches!(dec(&cut), Err(ExtractError::Undecodable { .. })));
        let mut odd = vec![0xff, 0xfe];
        odd.extend_from_slice(&[0x3d, 0xd8]);
        assert!(matches!(dec(&odd), Err(ExtractError::Undecodable { .. })));
        let mut gbcut = GB18030.encode("党组织在行动").0.into_owned();
        gbcut.pop();
        assert!(dec(&gbcut).is_err());
    }
}
