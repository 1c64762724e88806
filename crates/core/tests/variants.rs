//! The five eval inputs re-encoded (GB18030, UTF-16LE and UTF-16BE with BOM) and rendered as
//! simple HTML give the same records as the UTF-8 originals, apart from `source` and the id
//! derived from the bytes. Skips when `../shared/eval` is absent.

#![allow(clippy::unwrap_used)] // test harness code: a failed read is a failed test

use newsdrop_core::{ArticleRecord, ExtractConfig, Extractor, Input};

mod common;

use common::{eval_inputs, shared_eval};

fn extract(extractor: &Extractor, name: &str, bytes: &[u8]) -> Vec<ArticleRecord> {
    let input = Input {
        path: name,
        bytes,
        ingested_at: "2026-01-01T00:00:00+08:00",
    };
    newsdrop_core::extract(&input, extractor)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .into_iter()
        .map(|mut r| {
            r.id.clear();
            r
        })
        .collect()
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xff, 0xfe]
    } else {
        vec![0xfe, 0xff]
    };
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if little {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A simple page: the headline in `<title>` and `<h1>`, every other line a `<p>`.
fn render_html(text: &str, headline: Option<&str>) -> String {
    let mut html = String::from("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">");
    if let Some(h) = headline {
        html.push_str(&format!("<title>{}_新闻网</title>", escape(h)));
    }
    html.push_str("</head>\n<body>\n");
    let mut headline_done = false;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !headline_done && Some(line) == headline {
            html.push_str(&format!("<h1>{}</h1>\n", escape(line)));
            headline_done = true;
        } else {
            html.push_str(&format!("<p>{}&nbsp;</p>\n", escape(line)));
        }
    }
    html.push_str("<script>var x = '<p>not text</p>';</script></body></html>\n");
    html
}

fn same_apart_from_source(a: &[ArticleRecord], b: &[ArticleRecord], what: &str) {
    assert_eq!(a.len(), b.len(), "{what}: article count");
    for (x, y) in a.iter().zip(b) {
        let mut y = y.clone();
        y.source = x.source.clone();
        assert_eq!(x, &y, "{what}: records differ");
    }
}

#[test]
fn reencoded_and_html_variants_give_the_same_records() {
    let Some(eval) = shared_eval() else {
        eprintln!("SKIP: ../shared/eval not found next to the checkout");
        return;
    };
    let extractor = Extractor::new(&ExtractConfig::default()).unwrap();
    let inputs = eval_inputs(&eval);
    assert!(!inputs.is_empty());
    for path in inputs {
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let base = extract(&extractor, &format!("/in/{stem}.txt"), &bytes);
        assert!(!base.is_empty());

        let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
        assert!(!unmappable);
        let r = extract(&extractor, &format!("/in/{stem}.gb.txt"), &gb);
        assert_eq!(r[0].source.encoding, "GB18030");
        same_apart_from_source(&base, &r, &format!("{stem} GB18030"));

        for little in [true, false] {
            let r = extract(
                &extractor,
                &format!("/in/{stem}.u16.txt"),
                &utf16(&text, little),
            );
            let enc = if little { "UTF-16LE" } else { "UTF-16BE" };
            assert_eq!(r[0].source.encoding, enc);
            same_apart_from_source(&base, &r, &format!("{stem} {enc}"));
        }

        let html = render_html(&text, base[0].title.as_deref());
        let r = extract(&extractor, &format!("/in/{stem}.html"), html.as_bytes());
        assert_eq!(r[0].source.format, "html");
        same_apart_from_source(&base, &r, &format!("{stem} HTML"));
    }
}
