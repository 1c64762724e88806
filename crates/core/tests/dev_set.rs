//! Data-driven gate over the project's own dev set (`tests/dev-set`, issue 15): real
//! same-genre pages from other sites than the five seeds, read from `../shared/corpus` as
//! listed in `tests/dev-set/inputs.tsv`, scored with the shared `score.py` against the floors
//! in `dev_set_floors.txt`. It measures how the rules generalize; nothing in the code may key
//! on these pages. Skips with a message when `../shared` or python3 is absent.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

mod common;

use common::{score_named_against_gold, shared};

#[test]
fn dev_set_scores_meet_floors() {
    let Some(corpus) = shared().map(|s| s.join("corpus")).filter(|c| c.is_dir()) else {
        eprintln!("SKIP: ../shared/corpus not found next to the checkout");
        return;
    };
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/dev-set");
    let manifest = std::fs::read_to_string(dev.join("inputs.tsv")).unwrap();
    let mut inputs: Vec<(String, PathBuf)> = Vec::new();
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
        let path = corpus.join(path);
        assert!(
            path.is_file(),
            "{} is missing from the corpus",
            path.display()
        );
        inputs.push((name.to_string(), path));
    }
    let listed = inputs.len();
    let golds = std::fs::read_dir(dev.join("gold")).unwrap().count();
    assert_eq!(
        listed, golds,
        "every gold file needs its line in inputs.tsv"
    );
    score_named_against_gold(
        &inputs,
        &dev.join("gold"),
        include_str!("dev_set_floors.txt"),
    );
}
