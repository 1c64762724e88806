//! Data-driven gate over the hand-annotated gold in `../shared/eval`: extract the five inputs,
//! score them with the shared `score.py`, and fail when a field falls below its floor in
//! `eval_floors.txt`. Skips with a message when `../shared` or python3 is absent.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::Command;

use newsdrop_core::{ExtractConfig, Extractor, Input};

mod common;

use common::{eval_inputs, shared_eval};

#[test]
fn eval_scores_meet_floors() {
    let Some(eval) = shared_eval().filter(|e| e.join("score.py").is_file()) else {
        eprintln!("SKIP: ../shared/eval not found next to the checkout");
        return;
    };
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("SKIP: python3 not available to run score.py");
        return;
    }
    let extractor = Extractor::new(&ExtractConfig::default()).unwrap();
    let inputs = eval_inputs(&eval);
    let mut jsonl = String::new();
    for path in &inputs {
        let bytes = std::fs::read(path).unwrap();
        let name = path.to_string_lossy();
        let input = Input {
            path: &name,
            bytes: &bytes,
            ingested_at: "2026-01-01T00:00:00+08:00",
        };
        for record in newsdrop_core::extract(&input, &extractor).unwrap() {
            jsonl.push_str(&serde_json::to_string(&record).unwrap());
            jsonl.push('\n');
        }
    }
    let out_dir = tempfile_dir();
    let records = out_dir.join("records.jsonl");
    std::fs::write(&records, jsonl).unwrap();
    let floors = include_str!("eval_floors.txt");
    let mut cmd = Command::new("python3");
    cmd.arg(eval.join("score.py"))
        .arg("--gold")
        .arg(eval.join("gold"))
        .arg("--records")
        .arg(&records);
    for line in floors.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        cmd.arg("--min").arg(line);
    }
    let output = cmd.output().unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    println!("{report}");
    eprintln!("{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.status.success(), "score.py gate failed:\n{report}");
}

#[allow(clippy::unwrap_used)] // test helper: a temp dir that cannot be made is a broken machine
fn tempfile_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsdrop-eval-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        panic!("cannot create {}: {e}", dir.display());
    }
    dir
}
