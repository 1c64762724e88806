//! Data-driven gate over the hand-annotated gold in `../shared/eval`: extract the five inputs,
//! score them with the shared `score.py`, and fail when a field falls below its floor in
//! `eval_floors.txt`. Skips with a message when `../shared` or python3 is absent.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{eval_inputs, score_against_gold, shared_eval};

#[test]
fn eval_scores_meet_floors() {
    let Some(eval) = shared_eval() else {
        eprintln!("SKIP: ../shared/eval not found next to the checkout");
        return;
    };
    score_against_gold(
        &eval_inputs(&eval),
        &eval.join("gold"),
        include_str!("eval_floors.txt"),
    );
}
