//! Data-driven gate over the project's own dev set (`tests/dev-set/gold`, issue 15): real
//! same-genre pages from other sites than the five seeds, read from `../shared/corpus`, scored
//! with the shared `score.py` against floors in `dev_set_floors.txt`. It measures how the rules
//! generalize; nothing in the code may key on these pages. Skips with a message when
//! `../shared` or python3 is absent.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

mod common;

use common::{files_in, score_against_gold, shared};

#[test]
fn dev_set_scores_meet_floors() {
    let Some(corpus) = shared().map(|s| s.join("corpus/pages-genre")) else {
        eprintln!("SKIP: ../shared/corpus not found next to the checkout");
        return;
    };
    if !corpus.is_dir() {
        eprintln!("SKIP: {} not found", corpus.display());
        return;
    }
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/dev-set/gold");
    // Only the inputs that have gold: a page added to the corpus later is not scored as missed.
    let inputs: Vec<_> = files_in(&corpus)
        .into_iter()
        .filter(|p| {
            p.file_stem()
                .is_some_and(|s| gold.join(s).with_extension("json").is_file())
        })
        .collect();
    score_against_gold(&inputs, &gold, include_str!("dev_set_floors.txt"));
}
