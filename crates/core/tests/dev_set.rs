//! Data-driven gate over the project's own dev set (`tests/dev-set`, issue 15): real
//! same-genre pages from other sites than the five seeds, read from `../shared/corpus` as
//! listed in `tests/dev-set/inputs.tsv`, scored with the shared `score.py` against the floors
//! in `dev_set_floors.txt`. A path `file.dat#DOCNO` names one `<doc>` of the SogouCS sample,
//! given to the extractor as the page `contenttitle`, a blank line, `content`; `file.txt#L<n>`
//! names line n of a THUCNews file, whose text after the category is the page; `file.md#La-b`
//! names lines a to b of a file as printed (one xinwenlianbo story). It measures how the rules generalize; nothing in the code may key
//! on these pages. Skips with a message when `../shared` or python3 is absent.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

mod common;

use common::{score_bytes_against_gold, shared};

/// The bytes of one dev-set input: a corpus file, or one SogouCS `<doc>` as a text page.
fn input_bytes(corpus: &Path, path: &str) -> Vec<u8> {
    let Some((file, docno)) = path.split_once('#') else {
        let full = corpus.join(path);
        return std::fs::read(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()));
    };
    let text = std::fs::read_to_string(corpus.join(file)).unwrap();
    // `20221003.md#L77-81`: lines 77 to 81 of a xinwenlianbo day file (one `### title` story), as printed.
    if let Some((first, last)) = docno
        .strip_prefix('L')
        .and_then(|r| r.split_once('-'))
        .and_then(|(a, b)| Some((a.parse::<usize>().ok()?, b.parse::<usize>().ok()?)))
    {
        let rows: Vec<&str> = text
            .lines()
            .skip(first - 1)
            .take(last + 1 - first)
            .collect();
        assert_eq!(
            rows.len(),
            last + 1 - first,
            "{file}: no lines {first}-{last}"
        );
        return format!("{}\n", rows.join("\n")).into_bytes();
    }
    // `cnews.val.txt#L978`: line 978 of a THUCNews file, `<category>\t<text>`; the page is the text.
    if let Some(line) = docno
        .strip_prefix('L')
        .and_then(|n| n.parse::<usize>().ok())
    {
        let row = text
            .lines()
            .nth(line - 1)
            .unwrap_or_else(|| panic!("{file}: no line {line}"));
        let page = row.split_once('\t').map_or(row, |(_, t)| t);
        return format!("{page}\n").into_bytes();
    }
    let field = |doc: &str, tag: &str| -> String {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let start = doc.find(&open).map(|i| i + open.len()).unwrap_or(0);
        let end = doc[start..].find(&close).map_or(doc.len(), |i| start + i);
        doc[start..end].to_string()
    };
    let doc = text
        .split("<doc>")
        .find(|d| field(d, "docno") == docno)
        .unwrap_or_else(|| panic!("{file}: no <doc> numbered {docno}"));
    format!(
        "{}\n\n{}\n",
        field(doc, "contenttitle"),
        field(doc, "content")
    )
    .into_bytes()
}

#[test]
fn dev_set_scores_meet_floors() {
    let Some(corpus) = shared().map(|s| s.join("corpus")).filter(|c| c.is_dir()) else {
        eprintln!("SKIP: ../shared/corpus not found next to the checkout");
        return;
    };
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/dev-set");
    let manifest = std::fs::read_to_string(dev.join("inputs.tsv")).unwrap();
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    for line in manifest
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let (name, path) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("inputs.tsv: not `name<TAB>path`: {line}"));
        let stem = Path::new(name).file_stem().unwrap();
        let gold = dev.join("gold").join(stem).with_extension("json");
        assert!(
            gold.is_file(),
            "inputs.tsv lists {name} but {} is missing",
            gold.display()
        );
        inputs.push((name.to_string(), input_bytes(&corpus, path)));
    }
    let listed = inputs.len();
    let golds = std::fs::read_dir(dev.join("gold")).unwrap().count();
    assert_eq!(
        listed, golds,
        "every gold file needs its line in inputs.tsv"
    );
    score_bytes_against_gold(
        &inputs,
        &dev.join("gold"),
        include_str!("dev_set_floors.txt"),
    );
}
