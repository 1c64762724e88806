//! Shared by the data-driven tests: where `../shared/eval` is and its inputs.

#![allow(dead_code, clippy::unwrap_used)] // each test binary uses its own part

use std::path::{Path, PathBuf};

/// `../shared/eval` next to the checkout, when present.
pub fn shared_eval() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval");
    dir.join("input").is_dir().then_some(dir)
}

/// The eval input files, sorted by name.
pub fn eval_inputs(eval: &Path) -> Vec<PathBuf> {
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(eval.join("input"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    inputs.sort();
    inputs
}
