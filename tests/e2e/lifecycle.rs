//! A file dropped in the inbox becomes JSON lines; bad files become failure records; SIGTERM
//! exits 0.

use std::time::Duration;

use crate::util::{Workspace, eval_inputs, wait_until};

const WAIT: Duration = Duration::from_secs(60);

#[test]
fn eval_inputs_become_six_records_and_leave_the_inbox() {
    let Some(inputs) = eval_inputs() else { return };
    let ws = Workspace::new();
    // Two files are in the inbox before the daemon starts (startup scan), the rest arrive later.
    std::fs::create_dir_all(ws.inbox()).unwrap();
    for path in &inputs[..2] {
        std::fs::copy(path, ws.inbox().join(path.file_name().unwrap())).unwrap();
    }
    let daemon = ws.start(&[]);
    for path in &inputs[2..] {
        ws.drop_file(
            path.file_name().unwrap().to_str().unwrap(),
            &std::fs::read(path).unwrap(),
        );
    }
    assert!(
        wait_until(WAIT, || ws.records().len() >= 6
            && Workspace::files_under(&ws.inbox()).is_empty()),
        "expected 6 records and an empty inbox; got {} records; log:\n{}",
        ws.records().len(),
        daemon.log_text()
    );
    let status = daemon.stop(Duration::from_secs(30));
    assert!(status.success(), "exit status {status:?}");

    let records = ws.records();
    assert_eq!(records.len(), 6);
    for record in &records {
        assert_eq!(record["schema"], "newsdrop.article.v1");
        let path = record["source"]["path"].as_str().unwrap();
        assert!(path.starts_with(ws.inbox().to_str().unwrap()), "{path}");
        let count = record["source"]["article_count"].as_u64().unwrap();
        let index = record["source"]["article_index"].as_u64().unwrap();
        assert!(index < count);
        let name = std::path::Path::new(path)
            .file_name()
            .unwrap()
            .to_str()
            .unwrap();
        let expected_count = if name.starts_with("002_") { 2 } else { 1 };
        assert_eq!(count, expected_count, "{name}");
    }
    let mut by_file: Vec<(String, u64)> = records
        .iter()
        .map(|r| {
            (
                r["source"]["path"].as_str().unwrap().to_string(),
                r["source"]["article_index"].as_u64().unwrap(),
            )
        })
        .collect();
    by_file.sort();
    by_file.dedup();
    assert_eq!(by_file.len(), 6, "each (file, article_index) exactly once");
    let processed = Workspace::files_under(&ws.processed());
    assert_eq!(processed.len(), 5, "{processed:?}");
    assert!(ws.failure_records().is_empty());
}

#[test]
fn bad_files_fail_with_a_record_and_the_daemon_goes_on() {
    let ws = Workspace::new();
    let daemon = ws.start(&[]);
    let png: Vec<u8> = [
        &[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a][..],
        &[
            0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0,
        ][..],
    ]
    .concat();
    // Deterministic pseudo-random bytes (xorshift), so a failure is reproducible.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let random: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x & 0xff) as u8
        })
        .collect();
    ws.drop_file("empty.txt", b"");
    ws.drop_file("image.png", &png);
    ws.drop_file("noise.bin", &random);
    assert!(
        wait_until(WAIT, || ws.failure_records().len() >= 3),
        "expected 3 failure records; log:\n{}",
        daemon.log_text()
    );
    // The daemon goes on: a good file afterwards is processed.
    ws.drop_file(
        "good.txt",
        "社区志愿者在行动\n2020-02-28 14:19:17\n\n截至2月24日,上岗志愿者共205人,志愿服务时数1640小时。\n"
            .as_bytes(),
    );
    assert!(
        wait_until(WAIT, || ws.records().len() == 1),
        "good file after bad ones; log:\n{}",
        daemon.log_text()
    );
    let status = daemon.stop(Duration::from_secs(30));
    assert!(status.success());

    let failures = ws.failure_records();
    assert_eq!(failures.len(), 3);
    for f in &failures {
        assert_eq!(f["schema"], "newsdrop.failure.v1");
        assert!(!f["step"].as_str().unwrap().is_empty());
        assert!(!f["error"].as_str().unwrap().is_empty());
        assert!(
            f["source"]["path"]
                .as_str()
                .unwrap()
                .starts_with(ws.inbox().to_str().unwrap())
        );
    }
    for name in ["empty.txt", "image.png", "noise.bin"] {
        let moved = ws.failed().join(name);
        assert!(moved.is_file(), "{name} not in failed/");
        let sidecar = ws.failed().join(format!("{name}.error.json"));
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&sidecar).unwrap()).unwrap();
        assert!(v["reason"].as_str().is_some_and(|r| !r.is_empty()), "{v}");
        assert!(v["step"].as_str().is_some());
    }
    assert!(Workspace::files_under(&ws.inbox()).is_empty());
}

#[test]
fn sigterm_during_startup_is_a_clean_stop() {
    let ws = Workspace::new();
    std::fs::create_dir_all(ws.inbox()).unwrap();
    let mut daemon = ws.start(&[]);
    // "starting" is logged before the runtime and the extractor are built; a stop that lands
    // while the dictionaries load must still run the orderly shutdown and exit 0.
    assert!(
        wait_until(WAIT, || daemon.log_text().contains("starting")),
        "log:\n{}",
        daemon.log_text()
    );
    std::thread::sleep(Duration::from_millis(50));
    daemon.signal(15);
    let status = daemon.wait(Duration::from_secs(30));
    assert!(
        status.success(),
        "exit status {status:?}; log:\n{}",
        daemon.log_text()
    );
}
