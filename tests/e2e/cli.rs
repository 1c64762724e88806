//! The one-shot and inspection commands.

use crate::util::{Workspace, eval_inputs};

#[test]
fn extract_prints_one_line_per_article_and_moves_nothing() {
    let Some(inputs) = eval_inputs() else { return };
    let ws = Workspace::new();
    let dir = inputs[0].parent().unwrap();
    let out = ws.command().arg("extract").arg(dir).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 6);
    // Sorted by name, articles in page order.
    let order: Vec<(String, u64)> = records
        .iter()
        .map(|r| {
            let p = r["source"]["path"].as_str().unwrap();
            (
                p.rsplit('/').next().unwrap()[..3].to_string(),
                r["source"]["article_index"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(String, u64)> = [
        ("000", 0),
        ("001", 0),
        ("002", 0),
        ("002", 1),
        ("003", 0),
        ("004", 0),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), *b))
    .collect();
    assert_eq!(order, expected);
    for path in &inputs {
        assert!(path.is_file(), "extract must not move {path:?}");
    }
}

#[test]
fn extract_exits_1_and_reports_failures_on_stderr() {
    let ws = Workspace::new();
    let empty = ws.root().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let out = ws.command().arg("extract").arg(&empty).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let failure: serde_json::Value = stderr
        .lines()
        .find_map(|l| serde_json::from_str(l).ok())
        .expect("a failure record on stderr");
    assert_eq!(failure["schema"], "newsdrop.failure.v1");
    assert!(empty.is_file());
}

#[test]
fn check_config_prints_effective_toml_and_rejects_bad_values() {
    let ws = Workspace::new();
    let out = ws.command().arg("check-config").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let inbox = ws.inbox();
    assert!(
        text.contains(&format!("inbox = \"{}\"", inbox.display())),
        "{text}"
    );

    let out = ws
        .command()
        .arg("check-config")
        .env("NEWSDROP__LOG__FORMAT", "xml")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(78));
    assert!(String::from_utf8_lossy(&out.stderr).contains("log.format"));

    let bad = ws.root().join("bad.toml");
    std::fs::write(&bad, "[watch]\nmax_file_bytes = \"big\"\n").unwrap();
    let out = ws
        .command()
        .args(["check-config", "--config"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(78));
    assert!(String::from_utf8_lossy(&out.stderr).contains("max_file_bytes"));

    let unknown = ws.root().join("unknown.toml");
    std::fs::write(&unknown, "[watch]\ninboxx = \"x\"\n").unwrap();
    let out = ws
        .command()
        .args(["check-config", "--config"])
        .arg(&unknown)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(78));
    assert!(String::from_utf8_lossy(&out.stderr).contains("inboxx"));
}

#[test]
fn help_and_version_on_every_command() {
    let ws = Workspace::new();
    for args in [
        vec!["--help"],
        vec!["--version"],
        vec!["run", "--help"],
        vec!["extract", "--help"],
        vec!["check-config", "--help"],
        vec!["run", "--version"],
    ] {
        let out = ws.command().args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        assert!(!out.stdout.is_empty(), "{args:?}");
    }
}
