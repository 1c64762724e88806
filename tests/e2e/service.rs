//! Running as a service (issue 9): the systemd notify protocol seen from a harness-bound
//! `NOTIFY_SOCKET`, JSON logs, the Prometheus endpoint, and `deploy/install.sh` into a
//! throwaway root.

use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

use crate::util::{Notice, NotifySocket, Workspace, eval_inputs, wait_until};

const WAIT: Duration = Duration::from_secs(90);

/// A small article the extractor turns into one record; `n` makes each one different.
fn article(n: usize) -> Vec<u8> {
    format!(
        "社区志愿者在行动{n}\n2020-02-28 14:19:17\n\n截至2月24日,上岗志愿者共{}人,志愿服务时数1640小时。\n",
        200 + n
    )
    .into_bytes()
}

/// Puts `bytes` in the inbox with an mtime a minute ago. The inode change time cannot be
/// set back, so a backlog is only complete for the startup scan once `settle_ms` has passed
/// since the last `put_old`: see [`let_backlog_settle`].
fn put_old(ws: &Workspace, name: &str, bytes: &[u8]) {
    std::fs::create_dir_all(ws.inbox()).unwrap();
    let path = ws.inbox().join(name);
    std::fs::write(&path, bytes).unwrap();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(60))
        .unwrap();
}

/// Waits out the default `settle_ms` (500) after the last [`put_old`], so the startup scan
/// queues the backlog instead of watching it settle (a file changed less than `settle_ms`
/// ago may still be being written, and is not backlog).
fn let_backlog_settle() {
    std::thread::sleep(Duration::from_millis(800));
}

impl Notice {
    /// The counters of its `STATUS=` line.
    fn status(&self) -> Option<Status> {
        self.lines
            .iter()
            .find_map(|l| l.strip_prefix("STATUS="))
            .and_then(Status::parse)
    }
}

/// The counters in `STATUS=seen 1, processed 1, failed 0, queued 0, records 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Status {
    seen: u64,
    processed: u64,
    failed: u64,
    queued: u64,
    records: u64,
}

impl Status {
    fn parse(text: &str) -> Option<Status> {
        let mut s = Status {
            seen: u64::MAX,
            processed: u64::MAX,
            failed: u64::MAX,
            queued: u64::MAX,
            records: u64::MAX,
        };
        for part in text.split(", ") {
            let (key, value) = part.split_once(' ')?;
            let value: u64 = value.parse().ok()?;
            match key {
                "seen" => s.seen = value,
                "processed" => s.processed = value,
                "failed" => s.failed = value,
                "queued" => s.queued = value,
                "records" => s.records = value,
                _ => {}
            }
        }
        (s.seen != u64::MAX && s.records != u64::MAX).then_some(s)
    }
    fn done(&self) -> u64 {
        self.processed + self.failed
    }
}

#[test]
fn notify_ready_after_backlog_then_watchdog_status_and_stopping() {
    let ws = Workspace::new();
    const GOOD: usize = 6;
    for n in 0..GOOD {
        put_old(&ws, &format!("a{n:02}.txt"), &article(n));
    }
    put_old(&ws, "b-empty.txt", b"");
    let_backlog_settle();
    let backlog = (GOOD + 1) as u64;
    let mut notify = NotifySocket::bind(ws.root());
    let sock = notify.path.to_string_lossy().into_owned();
    // One worker and a queue of one: the startup scan can only finish queueing the backlog
    // once the worker has taken most of it, so an early READY=1 would show as `seen` short
    // of the backlog.
    let daemon = ws.start(&[
        ("NOTIFY_SOCKET", &sock),
        ("WATCHDOG_USEC", "1000000"),
        ("NEWSDROP__WATCH__WORKERS", "1"),
        ("NEWSDROP__WATCH__QUEUE_CAPACITY", "1"),
        ("NEWSDROP__LOG__FORMAT", "json"),
    ]);

    let ready = notify
        .wait_for(WAIT, |n| n.has("READY=1"))
        .unwrap_or_else(|| panic!("no READY=1; log:\n{}", daemon.log_text()));
    let at_ready = ready.status().expect("READY=1 comes with STATUS=");
    assert_eq!(
        at_ready.seen, backlog,
        "READY=1 before the backlog was queued: {ready:?}"
    );

    // The backlog finishes; the counters reach it.
    let done = notify
        .wait_for(WAIT, |n| n.status().is_some_and(|s| s.done() == backlog))
        .unwrap_or_else(|| panic!("backlog never done; log:\n{}", daemon.log_text()));
    let done = done.status().unwrap();
    assert_eq!((done.processed, done.failed), (GOOD as u64, 1));

    // Idle and healthy: WATCHDOG=1 keeps arriving, every half WATCHDOG_USEC.
    let idle = notify.collect(Duration::from_millis(2600));
    let pings = idle.iter().filter(|n| n.has("WATCHDOG=1")).count();
    assert!(
        pings >= 3,
        "expected ~5 watchdog pings in 2.6 s, got {pings}: {idle:?}"
    );

    // A new file moves the counters.
    ws.drop_file("c-late.txt", &article(99));
    let moved = notify
        .wait_for(WAIT, |n| {
            n.status().is_some_and(|s| s.done() == backlog + 1)
        })
        .unwrap_or_else(|| panic!("late file not counted; log:\n{}", daemon.log_text()))
        .status()
        .unwrap();
    assert_eq!(moved.seen, backlog + 1);
    assert_eq!(moved.processed, GOOD as u64 + 1);
    assert!(moved.records > done.records, "{done:?} -> {moved:?}");
    assert!(
        wait_until(WAIT, || ws.records().len() as u64 >= moved.records),
        "STATUS records ahead of the file"
    );
    assert_eq!(ws.records().len() as u64, moved.records);

    // SIGTERM: STOPPING=1, then exit 0.
    daemon.signal(15);
    let stopping = notify.wait_for(Duration::from_secs(30), |n| n.has("STOPPING=1"));
    let mut daemon = daemon;
    let status = daemon.wait(Duration::from_secs(30));
    assert!(
        stopping.is_some(),
        "no STOPPING=1; log:\n{}",
        daemon.log_text()
    );
    let readies = notify.seen.iter().filter(|(_, n)| n.has("READY=1")).count();
    assert_eq!(readies, 1, "READY=1 exactly once");
    assert!(
        status.success(),
        "exit {status:?}; log:\n{}",
        daemon.log_text()
    );

    // JSON logs: one object per line; WARN for the bad file; nothing per file at INFO.
    let log = daemon.log_text();
    let events: Vec<serde_json::Value> = log
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("log line not JSON {l:?}: {e}")))
        .collect();
    let level = |e: &serde_json::Value| e["level"].as_str().unwrap_or("").to_string();
    assert!(
        events
            .iter()
            .any(|e| level(e) == "WARN" && e.to_string().contains("b-empty.txt")),
        "no WARN for the bad file:\n{log}"
    );
    let per_file_info = events
        .iter()
        .filter(|e| level(e) == "INFO" && e.to_string().contains("a0"))
        .count();
    assert_eq!(per_file_info, 0, "INFO lines about single files:\n{log}");
    for message in ["ready", "stopped"] {
        assert!(
            events.iter().any(|e| e["message"] == message),
            "no {message:?} event:\n{log}"
        );
    }
}

#[test]
fn notify_is_a_no_op_without_notify_socket() {
    let ws = Workspace::new();
    put_old(&ws, "a.txt", &article(1));
    let daemon = ws.start(&[("WATCHDOG_USEC", "1000000")]);
    assert!(
        wait_until(WAIT, || ws.records().len() == 1),
        "log:\n{}",
        daemon.log_text()
    );
    assert!(daemon.stop(Duration::from_secs(30)).success());
}

/// `GET path` over HTTP/1.0; returns (status line, body).
fn http_get(addr: &str, path: &str) -> (String, String) {
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    (head.lines().next().unwrap().to_string(), body.to_string())
}

/// The value of one sample line `name{labels} value` in an exposition.
fn sample(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' '))
        .unwrap_or_else(|| panic!("{series} not in\n{text}"))
        .parse()
        .unwrap()
}

#[test]
fn metrics_endpoint_counts_match_the_records_written() {
    let ws = Workspace::new();
    let daemon = ws.start(&[
        ("NEWSDROP__METRICS__LISTEN", "127.0.0.1:0"),
        ("NEWSDROP__LOG__FORMAT", "json"),
    ]);
    let mut addr = None;
    assert!(
        wait_until(WAIT, || {
            addr = daemon.log_text().lines().find_map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).ok()?;
                (v["message"] == "metrics endpoint listening")
                    .then(|| v["address"].as_str().map(str::to_string))?
            });
            addr.is_some()
        }),
        "no metrics address in the log:\n{}",
        daemon.log_text()
    );
    let addr = addr.unwrap();
    assert!(addr.starts_with("127.0.0.1:"), "{addr}");

    let inputs: Vec<(String, Vec<u8>)> = match eval_inputs() {
        Some(files) => files
            .iter()
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read(p).unwrap())
            })
            .collect(),
        None => (0..5).map(|n| (format!("a{n}.txt"), article(n))).collect(),
    };
    let n_files = inputs.len();
    for (name, bytes) in &inputs {
        ws.drop_file(name, bytes);
    }
    assert!(
        wait_until(WAIT, || {
            Workspace::files_under(&ws.processed()).len()
                + Workspace::files_under(&ws.failed()).len()
                >= n_files
        }),
        "files not processed; log:\n{}",
        daemon.log_text()
    );

    // Files are moved before their counters tick: wait until the endpoint shows them done.
    let mut text = String::new();
    assert!(
        wait_until(WAIT, || {
            let (status, body) = http_get(&addr, "/metrics");
            assert_eq!(status, "HTTP/1.0 200 OK");
            text = body;
            sample(&text, "newsdrop_files_processed_total")
                + sample(&text, "newsdrop_files_failed_total")
                == n_files as f64
                && sample(&text, "newsdrop_files_in_flight") == 0.0
        }),
        "counters never reached {n_files} files:\n{text}"
    );
    let records = ws.records().len() as f64;
    let failures = ws.failure_records().len() as f64;
    let bytes = std::fs::metadata(ws.articles()).unwrap().len() as f64;
    let processed = Workspace::files_under(&ws.processed()).len() as f64;
    assert!(records > 0.0);
    assert_eq!(sample(&text, "newsdrop_files_seen_total"), n_files as f64);
    assert_eq!(sample(&text, "newsdrop_files_processed_total"), processed);
    assert_eq!(
        sample(&text, "newsdrop_files_failed_total"),
        n_files as f64 - processed
    );
    assert_eq!(
        sample(&text, "newsdrop_records_written_total{stream=\"articles\"}"),
        records
    );
    assert_eq!(
        sample(&text, "newsdrop_records_written_total{stream=\"failures\"}"),
        failures
    );
    assert_eq!(
        sample(&text, "newsdrop_bytes_written_total{stream=\"articles\"}"),
        bytes
    );
    assert_eq!(sample(&text, "newsdrop_queue_depth{queue=\"files\"}"), 0.0);
    assert_eq!(sample(&text, "newsdrop_files_in_flight"), 0.0);
    assert_eq!(sample(&text, "newsdrop_ready"), 1.0);
    assert_eq!(
        sample(&text, "newsdrop_extraction_duration_seconds_count"),
        n_files as f64
    );
    assert_eq!(
        sample(
            &text,
            "newsdrop_extraction_duration_seconds_bucket{le=\"+Inf\"}"
        ),
        n_files as f64
    );
    assert!(sample(&text, "newsdrop_extraction_duration_seconds_sum") > 0.0);
    // fsync = "batch" by default: at least one fdatasync covered the records.
    assert!(sample(&text, "newsdrop_fsync_duration_seconds_count") >= 1.0);

    assert_eq!(http_get(&addr, "/nope").0, "HTTP/1.0 404 Not Found");
    assert!(daemon.stop(Duration::from_secs(30)).success());
}

#[test]
fn metrics_listen_is_checked() {
    let ws = Workspace::new();
    let out = ws
        .command()
        .arg("check-config")
        .env("NEWSDROP__METRICS__LISTEN", "not-an-address")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(78));
    assert!(String::from_utf8_lossy(&out.stderr).contains("metrics.listen"));
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn run_script(script: &str, destdir: &Path, args: &[&str]) -> String {
    let out = Command::new("sh")
        .arg(repo().join("deploy").join(script))
        .args(args)
        .env("DESTDIR", destdir)
        .env_remove("PREFIX")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{script} failed:\n{text}");
    text
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn install_sh_into_a_throwaway_root_and_uninstall_keeps_data() {
    let root = tempfile::tempdir().unwrap();
    let dest = root.path();
    let bin = crate::util::bin();
    let bin = bin.to_str().unwrap();
    run_script("install.sh", dest, &["--binary", bin]);

    let installed = dest.join("usr/local/bin/newsdrop");
    assert_eq!(mode(&installed) & 0o755, 0o755);
    let conf = dest.join("etc/newsdrop/config.toml");
    let text = std::fs::read_to_string(&conf).unwrap();
    for line in [
        "inbox = \"/var/lib/newsdrop/inbox\"",
        "processed_dir = \"/var/lib/newsdrop/processed\"",
        "failed_dir = \"/var/lib/newsdrop/failed\"",
        "path = \"/var/lib/newsdrop/out/articles.jsonl\"",
        "failures_path = \"/var/lib/newsdrop/out/failures.jsonl\"",
        "format = \"json\"",
        "listen = \"\"",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} missing in\n{text}");
    }
    let check = Command::new(&installed)
        .args(["check-config", "--config"])
        .arg(&conf)
        .output()
        .unwrap();
    assert!(check.status.success(), "{check:?}");
    let unit = std::fs::read_to_string(dest.join("etc/systemd/system/newsdrop.service")).unwrap();
    assert!(unit.contains("\nType=notify\n"));
    assert!(
        unit.contains(
            "\nExecStart=/usr/local/bin/newsdrop run --config /etc/newsdrop/config.toml\n"
        )
    );
    assert!(dest.join("etc/logrotate.d/newsdrop").is_file());
    assert!(!dest.join("etc/systemd/system/newsdrop.service.d").exists());
    let state = dest.join("var/lib/newsdrop");
    assert_eq!(mode(&state), 0o750);
    assert_eq!(
        mode(&state.join("inbox")),
        0o2770,
        "inbox: group-writable, setgid"
    );
    for dir in ["processed", "failed", "out"] {
        assert_eq!(mode(&state.join(dir)), 0o2750, "{dir}");
    }

    // Idempotent: a second run changes nothing and leaves no .dist.
    run_script("install.sh", dest, &["--binary", bin]);
    assert_eq!(std::fs::read_to_string(&conf).unwrap(), text);
    assert!(!dest.join("etc/newsdrop/config.toml.dist").exists());

    // With metrics: the drop-in appears; an existing (maybe edited) config is kept.
    std::fs::write(state.join("inbox/dropped.txt"), "data").unwrap();
    run_script(
        "install.sh",
        dest,
        &["--binary", bin, "--metrics", "127.0.0.1:9187"],
    );
    assert!(
        dest.join("etc/systemd/system/newsdrop.service.d/metrics.conf")
            .is_file()
    );
    assert_eq!(std::fs::read_to_string(&conf).unwrap(), text);
    let dist = std::fs::read_to_string(dest.join("etc/newsdrop/config.toml.dist")).unwrap();
    assert!(dist.contains("listen = \"127.0.0.1:9187\""));

    // Uninstall removes everything but the data.
    run_script("uninstall.sh", dest, &[]);
    for gone in [
        "usr/local/bin/newsdrop",
        "etc/newsdrop",
        "etc/systemd/system/newsdrop.service",
        "etc/systemd/system/newsdrop.service.d",
        "etc/logrotate.d/newsdrop",
    ] {
        assert!(!dest.join(gone).exists(), "{gone} left behind");
    }
    assert_eq!(
        std::fs::read_to_string(state.join("inbox/dropped.txt")).unwrap(),
        "data"
    );
}

/// The unit with `ExecStart=` pointing at the binary under test (verify needs an existing
/// executable), written into `dir`.
fn unit_copy(dir: &Path) -> PathBuf {
    let unit = std::fs::read_to_string(repo().join("deploy/newsdrop.service")).unwrap();
    let bin = crate::util::bin();
    let rewritten = unit.replace(
        "\nExecStart=/usr/local/bin/newsdrop ",
        &format!("\nExecStart={} ", bin.display()),
    );
    assert_ne!(
        rewritten, unit,
        "ExecStart=/usr/local/bin/newsdrop … expected"
    );
    let path = dir.join("newsdrop.service");
    std::fs::write(&path, rewritten).unwrap();
    path
}

#[test]
fn unit_verifies_clean_and_rates_at_most_2() {
    if Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("SKIP: systemd-analyze not installed (.ci/check-deploy.sh installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let unit = unit_copy(dir.path());
    let verify = Command::new("systemd-analyze")
        .args(["verify", "--man=no"])
        .arg(&unit)
        .output()
        .unwrap();
    assert!(verify.status.success(), "{verify:?}");
    assert!(
        verify.stdout.is_empty() && verify.stderr.is_empty(),
        "verify printed:\n{}{}",
        String::from_utf8_lossy(&verify.stdout),
        String::from_utf8_lossy(&verify.stderr)
    );
    // The metrics drop-in is read from newsdrop.service.d/ beside the unit.
    for with_metrics in [false, true] {
        if with_metrics {
            let d = dir.path().join("newsdrop.service.d");
            std::fs::create_dir_all(&d).unwrap();
            std::fs::copy(
                repo().join("deploy/newsdrop.service.d/metrics.conf"),
                d.join("metrics.conf"),
            )
            .unwrap();
        }
        let security = Command::new("systemd-analyze")
            .args(["security", "--offline=yes", "--threshold=20"])
            .arg(&unit)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&security.stdout);
        assert!(
            security.status.success(),
            "exposure above 2.0 (metrics drop-in: {with_metrics}):\n{text}"
        );
        assert!(text.contains("Overall exposure level"), "{text}");
    }
}

/// The watchdog ping is not a free-running timer: when the writer blocks (output is a FIFO
/// nobody reads, so its buffer fills) while files wait, `WATCHDOG=1` stops although `STATUS=`
/// still flows; once the FIFO is drained the pipeline moves and the pings come back.
#[test]
fn watchdog_pings_stop_while_the_writer_is_stuck_and_resume_after() {
    let ws = Workspace::new();
    std::fs::create_dir_all(ws.articles().parent().unwrap()).unwrap();
    let fifo = ws.articles();
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    // Read-write open never blocks on Linux and gives the daemon's writer a reader.
    let mut reader = std::fs::File::options()
        .read(true)
        .write(true)
        .open(&fifo)
        .unwrap();
    let mut notify = NotifySocket::bind(ws.root());
    let sock = notify.path.to_string_lossy().into_owned();
    let daemon = ws.start(&[
        ("NOTIFY_SOCKET", &sock),
        ("WATCHDOG_USEC", "1000000"),
        // fdatasync is not possible on a FIFO.
        ("NEWSDROP__SINK__FSYNC", "never"),
        ("NEWSDROP__LOG__FORMAT", "json"),
    ]);
    notify
        .wait_for(WAIT, |n| n.has("READY=1"))
        .unwrap_or_else(|| panic!("no READY=1; log:\n{}", daemon.log_text()));
    // ~800-byte records: 200 files overflow the 64 KiB pipe buffer.
    for n in 0..200 {
        ws.drop_file(&format!("f{n:03}.txt"), &article(n));
    }
    let stalled = notify.wait_for(WAIT, |n| n.status().is_some() && !n.has("WATCHDOG=1"));
    assert!(
        stalled.is_some(),
        "pings never stopped; log:\n{}",
        daemon.log_text()
    );
    let during = notify.collect(Duration::from_millis(2500));
    assert!(during.len() >= 3, "STATUS= keeps flowing: {during:?}");
    assert!(
        during.iter().all(|n| !n.has("WATCHDOG=1")),
        "a stuck writer must not be pinged for: {during:?}"
    );
    let at_stall = during.last().unwrap().status().unwrap();
    assert!(at_stall.done() < 200, "{at_stall:?}");

    // Drain the FIFO: the writer moves on, files finish, pings resume.
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 16];
        while reader.read(&mut buf).is_ok_and(|n| n > 0) {}
    });
    let resumed = notify.wait_for(WAIT, |n| n.has("WATCHDOG=1"));
    assert!(
        resumed.is_some(),
        "pings never resumed; log:\n{}",
        daemon.log_text()
    );
    assert!(
        notify
            .wait_for(WAIT, |n| n.status().is_some_and(|s| s.done() == 200))
            .is_some(),
        "files never finished; log:\n{}",
        daemon.log_text()
    );
    assert!(
        daemon.log_text().contains("withholding the watchdog ping"),
        "{}",
        daemon.log_text()
    );
}
