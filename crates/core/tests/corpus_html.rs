//! Every article page of `../shared/corpus/gne-html` and `gerapy-html` (per their `INDEX.tsv`)
//! goes through extraction: no failure, a non-empty title, a body free of tags, entities and
//! script text. List pages must not panic (a record or a "no article" failure). Pages whose
//! title differs from their `<h1>`/`<title>` are printed for review. Skips when the corpus is
//! absent.

#![allow(clippy::unwrap_used)] // test harness code: a failed read is a failed test

use std::path::{Path, PathBuf};

use newsdrop_core::{ExtractConfig, ExtractError, Extractor, Input};

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    dir.join("gne-html/INDEX.tsv").is_file().then_some(dir)
}

/// (path, page_kind, title) rows of an INDEX.tsv.
fn index(dir: &Path) -> Vec<(PathBuf, String, String)> {
    let text = std::fs::read_to_string(dir.join("INDEX.tsv")).unwrap();
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols.len() >= 6).then(|| (dir.join(cols[0]), cols[4].to_string(), cols[5].to_string()))
        })
        .collect()
}

/// The text of the page's first `<h1>` (empty when none).
fn first_h1(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let doc = scraper::Html::parse_document(&text);
    let sel = scraper::Selector::parse("h1").unwrap();
    doc.select(&sel)
        .next()
        .map(|h| h.text().collect::<String>().trim().to_string())
        .unwrap_or_default()
}

fn has_markup(body: &str) -> Option<&'static str> {
    for (needle, what) in [
        ("&nbsp;", "&nbsp;"),
        ("&amp;", "&amp;"),
        ("&lt;", "&lt;"),
        ("&gt;", "&gt;"),
        ("&quot;", "&quot;"),
        ("&#", "numeric entity"),
        ("<p", "<p tag"),
        ("</", "closing tag"),
        ("<div", "<div tag"),
        ("<img", "<img tag"),
        ("<br", "<br tag"),
        ("<script", "script tag"),
        ("function(", "script text"),
        ("function (", "script text"),
        ("document.write", "script text"),
        ("var ", "script text"),
        ("window.", "script text"),
    ] {
        if body.contains(needle) {
            return Some(what);
        }
    }
    None
}

#[test]
fn html_corpus_pages_extract_cleanly() {
    let Some(root) = corpus() else {
        eprintln!("SKIP: ../shared/corpus not found next to the checkout");
        return;
    };
    let extractor = Extractor::new(&ExtractConfig::default()).unwrap();
    let mut problems = Vec::new();
    let mut articles = 0;
    for set in ["gne-html", "gerapy-html"] {
        for (path, kind, index_title) in index(&root.join(set)) {
            let bytes = std::fs::read(&path).unwrap();
            let name = path.to_string_lossy().to_string();
            let input = Input {
                path: &name,
                bytes: &bytes,
                ingested_at: "2026-01-01T00:00:00+08:00",
            };
            let result = newsdrop_core::extract(&input, &extractor);
            if kind != "article" {
                match result {
                    Ok(_) | Err(ExtractError::NoArticle { .. }) => {}
                    Err(e) => problems.push(format!("{name}: list page gave {e}")),
                }
                continue;
            }
            articles += 1;
            let records = match result {
                Ok(r) => r,
                Err(e) => {
                    problems.push(format!("{name}: failure {e}"));
                    continue;
                }
            };
            for r in &records {
                let title = r.title.clone().unwrap_or_default();
                if title.trim().is_empty() {
                    problems.push(format!("{name}: empty title"));
                }
                if r.body.trim().is_empty() {
                    problems.push(format!("{name}: empty body"));
                }
                if let Some(what) = has_markup(&r.body) {
                    problems.push(format!("{name}: body holds {what}"));
                }
                let h1 = first_h1(&bytes);
                let fold = |s: &str| s.split_whitespace().collect::<String>();
                if !fold(&index_title).contains(&fold(&title)) && fold(&h1) != fold(&title) {
                    println!(
                        "REVIEW {name}: title {title:?} vs <h1> {h1:?} / <title> {index_title:?}"
                    );
                }
            }
        }
    }
    assert!(articles > 0, "no article pages listed");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
