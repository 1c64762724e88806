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

/// A page printed in traditional characters (as a Taiwan or Hong Kong reprint or a mirror site
/// prints it) gives the records of its simplified twin, written back in its own characters:
/// credits, footers and names are read through the simplified form.
#[test]
fn a_traditional_page_reads_like_its_simplified_twin() {
    let simplified = "某县科协开展科普进社区活动\n来源：某某县科协 作者：王小明 发布时间：2021-12-30\n\n为进一步加强基层科普服务能力建设，12月29日，某某县科协在城关社区举办科普活动，县科协主席韩学勇出席并讲话，三百余名居民参加。\n活动现场发放宣传资料一千余份，解答群众咨询二百余人次。\n免责声明：凡本网注明来源的作品，均转载自其它媒体。\n";
    let traditional = "某縣科協開展科普進社區活動\n來源：某某縣科協 作者：王小明 發布時間：2021-12-30\n\n為進一步加強基層科普服務能力建設，12月29日，某某縣科協在城關社區舉辦科普活動，縣科協主席韓學勇出席並講話，三百餘名居民參加。\n活動現場發放宣傳資料一千餘份，解答群眾咨詢二百餘人次。\n免責聲明：凡本網注明來源的作品，均轉載自其它媒體。\n";
    assert_eq!(
        fast2s::convert(traditional),
        simplified,
        "the twins differ beyond their script"
    );
    let extractor = Extractor::new(&ExtractConfig::default()).unwrap();
    let s = extract(&extractor, "s.txt", simplified.as_bytes());
    let t = extract(&extractor, "t.txt", traditional.as_bytes());
    assert_eq!(s.len(), 1);
    assert_eq!(t[0].publication.as_deref(), Some("某某縣科協"));
    assert!(
        t[0].persons.iter().any(|p| p.name == "韓學勇"),
        "{:?}",
        t[0].persons
    );
    assert!(!t[0].body.contains("免責聲明"), "{}", t[0].body);
    let back: Vec<ArticleRecord> = t
        .into_iter()
        .map(|mut r| {
            r.map_printed_text(fast2s::convert);
            r
        })
        .collect();
    same_apart_from_source(&s, &back, "traditional twin");
}
