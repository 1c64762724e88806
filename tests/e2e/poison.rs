//! Issue 17: pages that could take the process down. Pathological inputs (a million nested
//! `<div>`, 1 MB and 4 MB of one endless line, numerals, quote openers or byline words) end
//! as records or failure records while the daemon goes on; a page over its time budget becomes
//! a failure record; a file that was being extracted whenever the process died is failed
//! unextracted after `watch.max_crashes` unclean exits, instead of looping the service.

use std::path::Path;
use std::time::Duration;

use crate::util::{Workspace, wait_until};

const SMALL: &str = "社区开展志愿服务活动\n\n2020年3月5日，社区党员志愿者在小区门口为居民测量体温，发放口罩2000只。\n";

/// One endless line of `unit` repeated to about `bytes` bytes, after a title.
fn endless(unit: &str, bytes: usize) -> Vec<u8> {
    let mut s = String::from("党员志愿服务\n\n");
    while s.len() < bytes {
        s.push_str(unit);
    }
    s.into_bytes()
}

/// A page that takes seconds to extract in a test build: about 8 MB of statistics.
fn slow_page() -> Vec<u8> {
    endless("1234567890万元", 8 << 20)
}

/// One worker, and a time budget no test-build extraction reaches (the crash tests kill the
/// daemon themselves; the budget has its own test).
const ONE_WORKER: [(&str, &str); 2] = [
    ("NEWSDROP__WATCH__WORKERS", "1"),
    ("NEWSDROP__WATCH__EXTRACT_TIMEOUT_MS", "600000"),
];

/// The complete lines of a JSONL output so far (a big record may be half written while the
/// test looks).
fn complete(path: &Path) -> Vec<serde_json::Value> {
    let text = std::fs::read(path).unwrap_or_default();
    let end = text.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    text[..end]
        .split(|b| *b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect()
}

fn records(ws: &Workspace) -> Vec<serde_json::Value> {
    complete(&ws.articles())
}

fn failures(ws: &Workspace) -> Vec<serde_json::Value> {
    complete(&ws.failures())
}

fn journal(ws: &Workspace) -> std::path::PathBuf {
    ws.root().join("out/.newsdrop-state/extracting.journal")
}

/// Whether the journal shows `name` being extracted right now, after it had crashed the daemon
/// `crashes` times (the last line about it is such a start). The count tells this process's
/// start from the one a killed process left behind.
fn extracting(ws: &Workspace, name: &str, crashes: u32) -> bool {
    let text = std::fs::read_to_string(journal(ws)).unwrap_or_default();
    let start = "\"op\":\"start\"";
    let count = format!("\"crashes\":{crashes}}}");
    text.lines()
        .rfind(|l| l.contains(name))
        .is_some_and(|l| l.contains(start) && l.contains(&count))
}

/// Every file dropped has left the inbox, with exactly one outcome each.
fn all_done(ws: &Workspace, n: usize) -> bool {
    Workspace::files_under(&ws.inbox()).is_empty()
        && Workspace::files_under(&ws.processed()).len()
            + Workspace::files_under(&ws.failed())
                .iter()
                .filter(|p| !p.to_string_lossy().ends_with(".error.json"))
                .count()
            == n
}

#[test]
fn pathological_pages_end_as_records_or_failures_and_the_daemon_goes_on() {
    let ws = Workspace::new();
    let mut daemon = ws.start(&[]);
    let n = 1_000_000;
    let nested = format!(
        "<html><body>{}<p>社区志愿者在小区门口为居民测量体温，发放口罩和消毒液。</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    ws.drop_file("nested.html", nested.as_bytes());
    let mut names = vec!["nested.html".to_string()];
    for mb in [1usize, 4] {
        for (kind, unit) in [
            (
                "line",
                "社区党员志愿者在小区门口为居民测量体温登记出入信息发放口罩和消毒液",
            ),
            ("numerals", "一二三四五六七八九十百千万亿零两"),
            ("quotes", "“他说"),
            ("bylines", "记者 通讯员 编辑 责任编辑："),
        ] {
            let name = format!("{kind}-{mb}mb.txt");
            ws.drop_file(&name, &endless(unit, mb << 20));
            names.push(name);
        }
    }
    assert!(
        wait_until(Duration::from_secs(240), || all_done(&ws, names.len())),
        "not all pathological files were handled; log:\n{}",
        daemon.log_text()
    );
    assert!(
        daemon.child.try_wait().unwrap().is_none(),
        "the daemon died"
    );
    // one outcome per file: records, or a failure record
    let got = records(&ws);
    let failed = failures(&ws);
    for name in &names {
        let has_records = got.iter().any(|r| {
            r["source"]["path"]
                .as_str()
                .unwrap()
                .ends_with(name.as_str())
        });
        let has_failure = failed.iter().any(|r| {
            r["source"]["path"]
                .as_str()
                .unwrap()
                .ends_with(name.as_str())
        });
        assert!(
            has_records ^ has_failure,
            "{name}: records {has_records}, failure {has_failure}"
        );
    }
    // the nested page keeps its text
    let nested_record = got
        .iter()
        .find(|r| {
            r["source"]["path"]
                .as_str()
                .unwrap()
                .ends_with("nested.html")
        })
        .expect("the nested page gives a record");
    assert!(nested_record["body"].as_str().unwrap().contains("测量体温"));
    // and the daemon still works
    ws.drop_file("after.txt", SMALL.as_bytes());
    assert!(wait_until(Duration::from_secs(30), || records(&ws)
        .iter()
        .any(|r| r["source"]["path"]
            .as_str()
            .unwrap()
            .ends_with("after.txt"))));
    assert!(daemon.stop(Duration::from_secs(30)).success());
}

#[test]
fn a_page_over_its_time_budget_fails_and_the_daemon_goes_on() {
    let ws = Workspace::new();
    let daemon = ws.start(&[
        ("NEWSDROP__WATCH__EXTRACT_TIMEOUT_MS", "1000"),
        ("NEWSDROP__WATCH__WORKERS", "2"),
    ]);
    ws.drop_file("slow.txt", &slow_page());
    assert!(
        wait_until(Duration::from_secs(60), || !failures(&ws).is_empty()
            && ws.failed().join("slow.txt.error.json").is_file()),
        "no failure record; log:\n{}",
        daemon.log_text()
    );
    let failure = &failures(&ws)[0];
    assert_eq!(failure["step"], "extract");
    let error = failure["error"].as_str().unwrap();
    assert!(
        error.contains("time budget") && error.contains("slow.txt"),
        "{error}"
    );
    assert!(ws.failed().join("slow.txt").is_file());
    assert!(ws.failed().join("slow.txt.error.json").is_file());
    // the other worker goes on while the abandoned extraction still runs
    ws.drop_file("after.txt", SMALL.as_bytes());
    assert!(
        wait_until(Duration::from_secs(30), || records(&ws).len() == 1),
        "log:\n{}",
        daemon.log_text()
    );
    // and the abandoned extraction does not hold the exit
    assert!(daemon.stop(Duration::from_secs(15)).success());
}

/// Starts the daemon, waits until it is extracting `name`, and kills it outright (as a stack
/// overflow, an abort or the out-of-memory killer would).
fn crash_while_extracting(ws: &Workspace, name: &str, crashes: u32) {
    let mut daemon = ws.start(&ONE_WORKER);
    assert!(
        wait_until(Duration::from_secs(60), || extracting(ws, name, crashes)),
        "never saw {name} being extracted; log:\n{}",
        daemon.log_text()
    );
    daemon.signal(9);
    daemon.wait(Duration::from_secs(10));
    assert!(ws.inbox().join(name).is_file(), "{name} left the inbox");
}

#[test]
fn a_file_that_took_the_daemon_down_twice_goes_to_failed_instead_of_looping() {
    let ws = Workspace::new();
    ws.drop_file("poison.txt", &slow_page());
    // the first crash, in normal running; the second, when it is tried again on its own
    crash_while_extracting(&ws, "poison.txt", 0);
    crash_while_extracting(&ws, "poison.txt", 1);
    // the third start fails it without extracting, and goes on
    let daemon = ws.start(&ONE_WORKER);
    ws.drop_file("after.txt", SMALL.as_bytes());
    assert!(
        wait_until(Duration::from_secs(60), || records(&ws).len() == 1
            && failures(&ws).len() == 1
            && ws.failed().join("poison.txt.error.json").is_file()),
        "log:\n{}",
        daemon.log_text()
    );
    let failure = &failures(&ws)[0];
    assert_eq!(failure["step"], "extract");
    let error = failure["error"].as_str().unwrap();
    assert!(error.contains("crashed the daemon 2 times"), "{error}");
    assert!(failure["source"]["sha256"].is_string());
    assert!(ws.failed().join("poison.txt").is_file());
    let sidecar: serde_json::Value =
        serde_json::from_slice(&std::fs::read(ws.failed().join("poison.txt.error.json")).unwrap())
            .unwrap();
    assert_eq!(sidecar["step"], "extract");
    assert!(daemon.stop(Duration::from_secs(30)).success());
    // the journal is left with nothing open or suspect
    let (_, suspects) = newsdrop_watcher::journal::Journal::open(
        journal(&ws).parent().unwrap_or(Path::new(".")),
        2,
    )
    .unwrap();
    assert!(suspects.is_empty(), "{suspects:?}");
}

#[test]
fn a_file_merely_in_flight_beside_a_crash_is_cleared_on_its_own() {
    let ws = Workspace::new();
    ws.drop_file("poison.txt", &slow_page());
    crash_while_extracting(&ws, "poison.txt", 0);
    // after one crash the file is tried again alone, comes through and is processed normally
    let daemon = ws.start(&ONE_WORKER);
    assert!(
        wait_until(Duration::from_secs(120), || !records(&ws).is_empty()),
        "log:\n{}",
        daemon.log_text()
    );
    assert!(failures(&ws).is_empty());
    assert!(
        daemon.log_text().contains("trying it alone"),
        "{}",
        daemon.log_text()
    );
    assert!(daemon.stop(Duration::from_secs(30)).success());
}
