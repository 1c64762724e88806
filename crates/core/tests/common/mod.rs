//! Shared by the data-driven tests: where `../shared` is, its inputs, and scoring a set of
//! inputs against hand-annotated gold with the shared `score.py`.

#![allow(dead_code, clippy::unwrap_used)] // each test binary uses its own part

use std::path::{Path, PathBuf};
use std::process::Command;

use newsdrop_core::{ExtractConfig, Extractor, Input};

/// `../shared` next to the checkout, when present.
pub fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    dir.is_dir().then_some(dir)
}

/// `../shared/eval` next to the checkout, when present.
pub fn shared_eval() -> Option<PathBuf> {
    let dir = shared()?.join("eval");
    dir.join("input").is_dir().then_some(dir)
}

/// The regular files of `dir`, sorted by name.
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    inputs.sort();
    inputs
}

/// The eval input files, sorted by name.
pub fn eval_inputs(eval: &Path) -> Vec<PathBuf> {
    files_in(&eval.join("input"))
}

/// Extracts `inputs`, scores the records against `gold` with `score.py` and the floors
/// (`FIELD=F1` lines, `#` comments), prints the report and fails below a floor. Returns
/// false (after saying why) when `score.py` or python3 is missing.
pub fn score_against_gold(inputs: &[PathBuf], gold: &Path, floors: &str) -> bool {
    let named: Vec<(String, PathBuf)> = inputs
        .iter()
        .map(|p| (p.to_string_lossy().into_owned(), p.clone()))
        .collect();
    score_named_against_gold(&named, gold, floors)
}

/// [`score_against_gold`] over `(name, path)` pairs: each file is read from `path` and
/// extracted as if it had been dropped under `name` (gold is matched by that base name).
pub fn score_named_against_gold(inputs: &[(String, PathBuf)], gold: &Path, floors: &str) -> bool {
    let read: Vec<(String, Vec<u8>)> = inputs
        .iter()
        .map(|(name, path)| (name.clone(), std::fs::read(path).unwrap()))
        .collect();
    score_bytes_against_gold(&read, gold, floors)
}

/// [`score_against_gold`] over `(name, bytes)` pairs, each extracted as if it had been
/// dropped under `name`.
pub fn score_bytes_against_gold(inputs: &[(String, Vec<u8>)], gold: &Path, floors: &str) -> bool {
    let Some(score_py) = shared_eval()
        .map(|e| e.join("score.py"))
        .filter(|p| p.is_file())
    else {
        eprintln!("SKIP: ../shared/eval/score.py not found next to the checkout");
        return false;
    };
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("SKIP: python3 not available to run score.py");
        return false;
    }
    let extractor = Extractor::new(&ExtractConfig::default()).unwrap();
    let mut jsonl = String::new();
    for (name, bytes) in inputs {
        let input = Input {
            path: name,
            bytes,
            ingested_at: "2026-01-01T00:00:00+08:00",
        };
        for record in newsdrop_core::extract(&input, &extractor).unwrap() {
            jsonl.push_str(&serde_json::to_string(&record).unwrap());
            jsonl.push('\n');
        }
    }
    let out = tempfile::tempdir().unwrap();
    let records = out.path().join("records.jsonl");
    std::fs::write(&records, jsonl).unwrap();
    let mut cmd = Command::new("python3");
    cmd.arg(score_py)
        .arg("--gold")
        .arg(gold)
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
    true
}
