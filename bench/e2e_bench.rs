//! End-to-end benchmark of the real `newsdrop` daemon: streams article files into its inbox
//! (at full speed and at a fixed rate, for each `sink.fsync` mode) and reports files/s, MB/s,
//! drop-to-line latency, peak RSS and CPU per MB; plus start-to-READY with an empty inbox and
//! with a backlog, an optional long soak for memory growth, and a one-core in-process
//! extraction loop over the same files for the comparison with the Python baseline.
//!
//! Usually run through `bench/run.sh`; by hand, `cargo bench -p newsdrop-watcher --bench
//! e2e_bench -- --out bench/results/e2e.json`. It is a `[[bench]]` target of the watcher crate
//! with its own `main`, so cargo builds it in release mode together with the `newsdrop` binary
//! it measures, and it shares the workspace and daemon harness of the end-to-end tests
//! (`tests/e2e/util.rs`). Without `--out` (a plain `cargo bench`) it measures nothing.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../tests/e2e/util.rs"]
mod util;

use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use clap::Parser;
use serde_json::{Value, json};
use util::{Daemon, NotifySocket, Workspace};

/// Command-line options.
#[derive(Debug, Parser)]
#[command(about = "End-to-end benchmark of the newsdrop daemon")]
struct Args {
    /// The shared folder holding `corpus/xinwenlianbo` (default: `../shared` next to the checkout).
    #[arg(long)]
    shared: Option<PathBuf>,
    /// Where the temporary workspaces go (must be a real disk, not tmpfs, for fsync to mean anything).
    #[arg(long)]
    workdir: Option<PathBuf>,
    /// Files streamed at full speed, per fsync mode.
    #[arg(long, default_value_t = 20_000)]
    files: usize,
    /// Fixed rate in files/s for the latency phase (capped at half the measured full speed).
    #[arg(long, default_value_t = 500.0)]
    rate: f64,
    /// Files written in the fixed-rate phase, per fsync mode.
    #[arg(long, default_value_t = 5_000)]
    rate_files: usize,
    /// Files waiting in the inbox for the start-with-backlog measurement (0 skips it).
    #[arg(long, default_value_t = 10_000)]
    backlog: usize,
    /// Starts with an empty inbox, for the start-to-READY median.
    #[arg(long, default_value_t = 5)]
    ready_runs: usize,
    /// Comma-separated `sink.fsync` modes.
    #[arg(long, default_value = "always,batch,never")]
    modes: String,
    /// Files in the long memory run (batch mode, full speed; 0 skips it).
    #[arg(long, default_value_t = 0)]
    soak: usize,
    /// Distinct files for the one-core in-process extraction loop (and the Python export).
    #[arg(long, default_value_t = 300)]
    core_files: usize,
    /// Writes those files here, for `python-baseline/run.sh` to read the very same bytes.
    #[arg(long)]
    export: Option<PathBuf>,
    /// `watch.workers` for the daemon (default: the daemon's own default, one per CPU).
    #[arg(long)]
    workers: Option<usize>,
    /// Results as JSON; nothing is measured without it.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Passed by `cargo bench`; ignored.
    #[arg(long, hide = true)]
    bench: bool,
}

// ---------------------------------------------------------------------------------------------
// Input articles: one xinwenlianbo item per file, as a plain-text page of about 8 KB.

/// Strips the HTML of one item body: paragraph and line-break tags become line breaks, other
/// tags go, the common entities are unescaped.
fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt..];
        let Some(gt) = after.find('>') else {
            out.push_str(after);
            rest = "";
            break;
        };
        let tag = after[1..gt].trim_start_matches('/').to_ascii_lowercase();
        if tag.starts_with('p') || tag.starts_with("br") || tag.starts_with("div") {
            out.push('\n');
        }
        rest = &after[gt + 1..];
    }
    out.push_str(rest);
    let out = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every item of the xinwenlianbo days whose page comes to 6–11 KB, in file order.
fn load_articles(shared: &Path) -> Vec<String> {
    let mut days: Vec<PathBuf> = std::fs::read_dir(shared.join("corpus/xinwenlianbo/news"))
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    days.retain(|p| p.extension().is_some_and(|e| e == "md"));
    days.sort();
    let mut out = Vec::new();
    for day in days {
        let Ok(text) = std::fs::read_to_string(&day) else {
            continue;
        };
        let stem = day
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let date = if stem.len() == 8 && stem.is_ascii() {
            format!("{}-{}-{}", &stem[..4], &stem[4..6], &stem[6..])
        } else {
            String::new()
        };
        for item in text.split("\n### ").skip(1) {
            let (title, body) = item.split_once('\n').unwrap_or((item, ""));
            let body = html_to_text(body);
            let page = format!("{}\n央视网 {date} 19:00\n{body}\n", title.trim());
            if (6_000..=11_000).contains(&page.len()) {
                out.push(page);
            }
        }
    }
    out
}

/// The bytes of file number `i`: article `i mod n` plus a line that makes every file unique.
fn file_bytes(articles: &[String], i: usize) -> Vec<u8> {
    let mut s = articles[i % articles.len()].clone();
    s.push_str(&format!("（稿件编号 B{i:07}）\n"));
    s.into_bytes()
}

// ---------------------------------------------------------------------------------------------
// Workspaces and daemons: the e2e harness (`tests/e2e/util.rs`), plus what only a benchmark
// needs (staged files, the daemon's CPU and memory, warnings gathered from its JSON log).

/// A workspace for one phase under `base` (`--workdir`, a real disk). It is not deleted when
/// dropped: `main` deletes them all at the end (see there).
fn workspace(base: &Path, name: &str) -> Workspace {
    let dir = tempfile::Builder::new()
        .prefix(&format!("{name}-"))
        .disable_cleanup(true)
        .tempdir_in(base)
        .unwrap();
    Workspace { dir }
}

/// Writes file `i` into the workspace's `staging` folder (the inbox's filesystem) and returns
/// where it is staged, where it goes in the inbox and its size: delivering it later is one
/// rename, so a timed phase measures the daemon and not the writer's file creation.
fn stage_file(ws: &Workspace, articles: &[String], i: usize) -> (PathBuf, PathBuf, usize) {
    let bytes = file_bytes(articles, i);
    let name = format!("a{i:07}.txt");
    let staging = ws.root().join("staging");
    std::fs::create_dir_all(&staging).unwrap();
    let staged = staging.join(&name);
    std::fs::write(&staged, &bytes).unwrap();
    (staged, ws.inbox().join(name), bytes.len())
}

/// Drops file `i` into the inbox (hidden temp name, then rename) and returns its path, the
/// instant the rename returned and its size.
fn drop_file(ws: &Workspace, articles: &[String], i: usize) -> (String, Instant, usize) {
    let bytes = file_bytes(articles, i);
    let target = ws.drop_file(&format!("a{i:07}.txt"), &bytes);
    (
        target.to_string_lossy().into_owned(),
        Instant::now(),
        bytes.len(),
    )
}

/// A daemon under measurement: the harness's daemon, listened to on `NOTIFY_SOCKET`.
struct Measured {
    daemon: Daemon,
    started: Instant,
    notify: NotifySocket,
}

impl Measured {
    fn start(
        ws: &Workspace,
        mode: &str,
        workers: Option<usize>,
        extra_env: &[(&str, &str)],
    ) -> Measured {
        let notify = NotifySocket::bind(ws.root());
        let socket = notify.path.to_string_lossy().into_owned();
        let workers = workers.map(|n| n.to_string());
        let mut env = vec![
            ("NEWSDROP__SINK__FSYNC", mode),
            ("NEWSDROP__LOG__FORMAT", "json"),
            // The daemon's default; the harness shortens it for tests.
            ("NEWSDROP__WATCH__SETTLE_MS", "500"),
            ("NOTIFY_SOCKET", socket.as_str()),
        ];
        if let Some(n) = &workers {
            env.push(("NEWSDROP__WATCH__WORKERS", n));
        }
        env.extend_from_slice(extra_env);
        let started = Instant::now();
        let daemon = ws.start(&env);
        Measured {
            daemon,
            started,
            notify,
        }
    }

    /// Start to `READY=1`, in milliseconds, and how it was seen.
    fn wait_ready(&mut self) -> (f64, &'static str) {
        let deadline = Instant::now() + Duration::from_secs(120);
        while Instant::now() < deadline {
            let ready = self
                .notify
                .wait_for(Duration::from_millis(100), |n| n.has("READY=1"));
            if ready.is_some() {
                let (at, _) = self.notify.seen.last().unwrap();
                return (ms(*at - self.started), "sd_notify READY=1");
            }
            if let Ok(Some(status)) = self.daemon.child.try_wait() {
                panic!(
                    "newsdrop exited before READY ({status}): {}",
                    self.daemon.log_text()
                );
            }
        }
        panic!("no READY within 120 s");
    }

    /// utime + stime of the daemon, in clock ticks.
    fn cpu_ticks(&self) -> u64 {
        cpu_ticks_of(&self.daemon.child.id().to_string())
    }

    /// A `/proc/PID/status` value in MB (VmHWM = peak RSS, VmRSS = current).
    fn status_mb(&self, key: &str) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.daemon.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok())
            .map_or(0.0, |kb| kb * 1024.0 / 1e6)
    }

    /// SIGTERM and wait (a kill after 60 s); prints the warnings and errors the daemon logged
    /// and returns its `stopped` log line (with the sink's line and fsync counts).
    fn stop(mut self) -> Option<String> {
        if let Ok(None) = self.daemon.child.try_wait() {
            self.daemon.signal(15);
        }
        let deadline = Instant::now() + Duration::from_secs(60);
        while !matches!(self.daemon.child.try_wait(), Ok(Some(_))) {
            if Instant::now() > deadline {
                let _ = self.daemon.child.kill();
                let _ = self.daemon.child.wait();
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let log = self.daemon.log_text();
        let mut stopped = None;
        let mut problems = Vec::new();
        for line in log.lines() {
            let json = serde_json::from_str::<Value>(line).ok();
            let field = |key: &str| {
                let v = json.as_ref()?;
                v.get("fields")
                    .and_then(|f| f.get(key))
                    .or_else(|| v.get(key))?
                    .as_str()
            };
            match (field("message"), field("level").unwrap_or("")) {
                (Some("stopped"), _) => stopped = Some(line.to_string()),
                (Some(_), "WARN" | "ERROR") => problems.push(line),
                (None, _) if !line.trim().is_empty() => problems.push(line),
                _ => {}
            }
        }
        problems.truncate(20);
        if !problems.is_empty() {
            eprintln!("  daemon warnings/errors: {problems:?}");
        }
        stopped
    }
}

// ---------------------------------------------------------------------------------------------
// Following the output file.

struct Tail {
    seen: Arc<Mutex<HashMap<String, Instant>>>,
    lines: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// `source.path` of one output line: the fast way for the usual field order, else a parse.
fn line_path(line: &[u8]) -> Option<String> {
    const KEY: &[u8] = b"\"source\":{\"path\":\"";
    if let Some(pos) = line.windows(KEY.len()).position(|w| w == KEY) {
        let rest = &line[pos + KEY.len()..];
        if let Some(end) = rest.iter().position(|&b| b == b'"' || b == b'\\')
            && rest[end] == b'"'
        {
            return std::str::from_utf8(&rest[..end]).ok().map(str::to_string);
        }
    }
    let v: Value = serde_json::from_slice(line).ok()?;
    v.get("source")?.get("path")?.as_str().map(str::to_string)
}

impl Tail {
    fn start(path: PathBuf) -> Tail {
        let seen = Arc::new(Mutex::new(HashMap::new()));
        let lines = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (seen2, lines2, stop2) = (Arc::clone(&seen), Arc::clone(&lines), Arc::clone(&stop));
        let thread = std::thread::spawn(move || {
            let mut file = None;
            let mut pos = 0u64;
            let mut pending: Vec<u8> = Vec::new();
            let mut buf = vec![0u8; 1 << 20];
            while !stop2.load(Ordering::Relaxed) {
                if file.is_none() {
                    file = std::fs::File::open(&path).ok();
                    if file.is_none() {
                        std::thread::sleep(Duration::from_micros(500));
                        continue;
                    }
                }
                let f = file.as_mut().unwrap();
                let _ = f.seek(SeekFrom::Start(pos));
                let n = f.read(&mut buf).unwrap_or(0);
                if n == 0 {
                    std::thread::sleep(Duration::from_micros(500));
                    continue;
                }
                let now = Instant::now();
                pos += n as u64;
                pending.extend_from_slice(&buf[..n]);
                let mut start = 0;
                let mut found = Vec::new();
                while let Some(nl) = pending[start..].iter().position(|&b| b == b'\n') {
                    if let Some(p) = line_path(&pending[start..start + nl]) {
                        found.push(p);
                    }
                    lines2.fetch_add(1, Ordering::Relaxed);
                    start += nl + 1;
                }
                pending.drain(..start);
                let mut seen = seen2.lock().unwrap();
                for p in found {
                    seen.entry(p).or_insert(now);
                }
            }
        });
        Tail {
            seen,
            lines,
            stop,
            thread: Some(thread),
        }
    }

    fn count(&self) -> usize {
        self.seen.lock().unwrap().len()
    }

    /// Waits until every path in `paths` has a line; gives up after 60 s without progress.
    /// Polls cheaply (the number of distinct paths seen, which must reach `paths.len()` first)
    /// so the bench does not take CPU from the daemon it measures; looking every path up
    /// every 2 ms took a fifth of a core at 10,000 files.
    fn wait_all(&self, paths: &[(String, Instant, usize)]) -> bool {
        let mut last = (0usize, Instant::now());
        loop {
            let done = {
                let seen = self.seen.lock().unwrap();
                if seen.len() < paths.len() {
                    seen.len()
                } else {
                    paths
                        .iter()
                        .filter(|(p, _, _)| seen.contains_key(p))
                        .count()
                }
            };
            if done == paths.len() {
                return true;
            }
            if done != last.0 {
                last = (done, Instant::now());
            } else if last.1.elapsed() > Duration::from_secs(60) {
                eprintln!("  gave up: {done} of {} files have a line", paths.len());
                return false;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    fn finish(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Measurements.

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let idx = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

fn round(v: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (v * f).round() / f
}

fn clock_ticks() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse::<f64>().ok())
        .unwrap_or(100.0)
}

/// Streams `n` files starting at number `first` (at `rate` files/s, or as fast as possible),
/// waits for every line, and measures.
#[allow(clippy::too_many_arguments)]
fn phase(
    ws: &Workspace,
    daemon: &Measured,
    tail: &Tail,
    articles: &[String],
    first: usize,
    n: usize,
    rate: Option<f64>,
    ticks_per_s: f64,
) -> Value {
    let staged: Vec<(PathBuf, PathBuf, usize)> = (first..first + n)
        .map(|i| stage_file(ws, articles, i))
        .collect();
    let cpu0 = daemon.cpu_ticks();
    let writer0 = cpu_ticks_of("self");
    let lines0 = tail.lines.load(Ordering::Relaxed);
    let t0 = Instant::now();
    let mut dropped = Vec::with_capacity(n);
    for (k, (from, to, size)) in staged.into_iter().enumerate() {
        if let Some(r) = rate {
            let due = t0 + Duration::from_secs_f64(k as f64 / r);
            let now = Instant::now();
            if due > now {
                std::thread::sleep(due - now);
            }
        }
        std::fs::rename(&from, &to).unwrap();
        dropped.push((to.to_string_lossy().into_owned(), Instant::now(), size));
    }
    let write_s = t0.elapsed().as_secs_f64();
    let complete = tail.wait_all(&dropped);
    let cpu1 = daemon.cpu_ticks();
    let writer_s = (cpu_ticks_of("self") - writer0) as f64 / ticks_per_s;
    let seen = tail.seen.lock().unwrap().clone();
    let mut lat: Vec<f64> = dropped
        .iter()
        .filter_map(|(p, t, _)| seen.get(p).map(|s| ms(s.saturating_duration_since(*t))))
        .collect();
    lat.sort_by(f64::total_cmp);
    let last = dropped
        .iter()
        .filter_map(|(p, _, _)| seen.get(p))
        .max()
        .copied()
        .unwrap_or(t0);
    let seconds = last.saturating_duration_since(t0).as_secs_f64();
    let bytes: usize = dropped.iter().map(|(_, _, b)| b).sum();
    let mb = bytes as f64 / 1e6;
    let lines = tail.lines.load(Ordering::Relaxed) - lines0;
    let cpu_s = (cpu1 - cpu0) as f64 / ticks_per_s;
    let quantiles: Vec<f64> = (0..=100)
        .map(|q| round(percentile(&lat, q as f64 / 100.0), 3))
        .collect();
    json!({
        "files": n,
        "complete": complete,
        "with_line": lat.len(),
        "bytes": bytes,
        "rate_target": rate,
        "write_seconds": round(write_s, 3),
        "seconds": round(seconds, 3),
        "files_per_s": round(n as f64 / seconds, 1),
        "mb_per_s": round(mb / seconds, 3),
        "records_per_s": round(lines as f64 / seconds, 1),
        "records": lines,
        "latency_ms": {
            "p50": round(percentile(&lat, 0.50), 2),
            "p95": round(percentile(&lat, 0.95), 2),
            "p99": round(percentile(&lat, 0.99), 2),
            "max": round(lat.last().copied().unwrap_or(f64::NAN), 2),
            "mean": round(lat.iter().sum::<f64>() / lat.len().max(1) as f64, 2),
            "quantiles": quantiles,
        },
        "cpu_seconds": round(cpu_s, 2),
        "cpu_seconds_per_mb": round(cpu_s / mb, 4),
        "peak_rss_mb": round(daemon.status_mb("VmHWM:"), 1),
        "writer_cpu_seconds": round(writer_s, 2),
    })
}

/// User + system CPU ticks of process `pid` (`self` for this one) from `/proc/PID/stat`.
fn cpu_ticks_of(pid: &str) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, a)| a);
    let f: Vec<&str> = after.split_whitespace().collect();
    let get = |i: usize| f.get(i).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0);
    get(11) + get(12)
}

fn fsync_count(stopped: Option<&str>) -> Option<u64> {
    let v: Value = serde_json::from_str(stopped?).ok()?;
    let f = v.get("fields").unwrap_or(&v);
    f.get("fsyncs")
        .or_else(|| f.get("syncs"))
        .and_then(Value::as_u64)
}

fn run_mode(args: &Args, base: &Path, articles: &[String], mode: &str, ticks: f64) -> Value {
    eprintln!("mode {mode}: full speed, {} files", args.files);
    let ws = workspace(base, &format!("mode-{mode}"));
    let tail = Tail::start(ws.articles());
    let mut daemon = Measured::start(&ws, mode, args.workers, &[]);
    let (ready_ms, ready_via) = daemon.wait_ready();
    let full = phase(&ws, &daemon, &tail, articles, 0, args.files, None, ticks);
    eprintln!(
        "  {} files/s, {} MB/s, p50 {} ms, p99 {} ms",
        full["files_per_s"], full["mb_per_s"], full["latency_ms"]["p50"], full["latency_ms"]["p99"]
    );
    let full_rate = full["files_per_s"].as_f64().unwrap_or(0.0);
    let rate = if full_rate > 0.0 {
        args.rate.min(full_rate / 2.0)
    } else {
        args.rate
    };
    eprintln!(
        "mode {mode}: fixed rate {rate:.0} files/s, {} files",
        args.rate_files
    );
    // Let the sink settle before the latency phase.
    std::thread::sleep(Duration::from_millis(500));
    let fixed = phase(
        &ws,
        &daemon,
        &tail,
        articles,
        args.files,
        args.rate_files,
        Some(rate),
        ticks,
    );
    eprintln!(
        "  p50 {} ms, p95 {} ms, p99 {} ms",
        fixed["latency_ms"]["p50"], fixed["latency_ms"]["p95"], fixed["latency_ms"]["p99"]
    );
    let peak = daemon.status_mb("VmHWM:");
    let stopped = daemon.stop();
    tail.finish();
    let failures = std::fs::read_to_string(ws.failures())
        .map(|s| s.lines().count())
        .unwrap_or(0);
    json!({
        "mode": mode,
        "ready_ms": round(ready_ms, 1),
        "ready_via": ready_via,
        "full_speed": full,
        "fixed_rate": fixed,
        "peak_rss_mb": round(peak, 1),
        "fsyncs": fsync_count(stopped.as_deref()),
        "failure_records": failures,
    })
}

fn ready_empty(args: &Args, base: &Path) -> Value {
    let mut runs = Vec::new();
    let mut via = "";
    let mut rss = Vec::new();
    for i in 0..args.ready_runs {
        let ws = workspace(base, &format!("ready-{i}"));
        let mut daemon = Measured::start(&ws, "batch", args.workers, &[]);
        let (t, v) = daemon.wait_ready();
        via = v;
        runs.push(round(t, 1));
        rss.push(round(daemon.status_mb("VmRSS:"), 1));
        daemon.stop();
    }
    let mut sorted = runs.clone();
    sorted.sort_by(f64::total_cmp);
    eprintln!("start to READY, empty inbox: {runs:?} ms ({via})");
    json!({
        "runs_ms": runs,
        "median_ms": percentile(&sorted, 0.5),
        "via": via,
        "idle_rss_mb": rss,
    })
}

fn ready_backlog(args: &Args, base: &Path, articles: &[String], ticks: f64) -> Value {
    eprintln!("backlog: writing {} files", args.backlog);
    let ws = workspace(base, "backlog");
    let mut dropped = Vec::with_capacity(args.backlog);
    let mut bytes = 0usize;
    for i in 0..args.backlog {
        let (p, _, b) = drop_file(&ws, articles, i);
        bytes += b;
        dropped.push((p, Instant::now(), b));
    }
    let tail = Tail::start(ws.articles());
    let mut daemon = Measured::start(&ws, "batch", args.workers, &[]);
    let (ready, via) = daemon.wait_ready();
    let complete = tail.wait_all(&dropped);
    let last = {
        let seen = tail.seen.lock().unwrap();
        dropped
            .iter()
            .filter_map(|(p, _, _)| seen.get(p))
            .max()
            .copied()
    };
    let drain = last.map_or(f64::NAN, |t| {
        t.saturating_duration_since(daemon.started).as_secs_f64()
    });
    let cpu = daemon.cpu_ticks() as f64 / ticks;
    let peak = daemon.status_mb("VmHWM:");
    daemon.stop();
    tail.finish();
    eprintln!(
        "backlog {}: READY after {ready:.0} ms ({via}); drained in {drain:.1} s",
        args.backlog
    );
    json!({
        "files": args.backlog,
        "bytes": bytes,
        "complete": complete,
        "ready_ms": round(ready, 1),
        "via": via,
        "drain_seconds_from_start": round(drain, 3),
        "files_per_s": round(args.backlog as f64 / drain, 1),
        "mb_per_s": round(bytes as f64 / 1e6 / drain, 3),
        "cpu_seconds_per_mb": round(cpu / (bytes as f64 / 1e6), 4),
        "peak_rss_mb": round(peak, 1),
    })
}

/// Full speed in batch mode, never more than 2,000 files ahead of the output, sampling RSS.
fn soak(args: &Args, base: &Path, articles: &[String]) -> Value {
    eprintln!("soak: {} files, batch mode", args.soak);
    let ws = workspace(base, "soak");
    let tail = Tail::start(ws.articles());
    // Processed files are deleted and not moved: 100,000 of them would fill a folder for nothing.
    let mut daemon = Measured::start(
        &ws,
        "batch",
        args.workers,
        &[("NEWSDROP__WATCH__ON_SUCCESS", "delete")],
    );
    daemon.wait_ready();
    let t0 = Instant::now();
    let mut samples: Vec<Value> = Vec::new();
    let mut next_sample = t0;
    let mut written = 0usize;
    let mut dropped = Vec::new();
    while written < args.soak || tail.count() < args.soak {
        let done = tail.count();
        if written < args.soak && written < done + 2_000 {
            dropped.push(drop_file(&ws, articles, written));
            written += 1;
        } else {
            std::thread::sleep(Duration::from_millis(1));
        }
        if Instant::now() >= next_sample {
            samples.push(json!({
                "t": round(t0.elapsed().as_secs_f64(), 1),
                "files_done": done,
                "rss_mb": round(daemon.status_mb("VmRSS:"), 1),
            }));
            next_sample += Duration::from_secs(1);
        }
        if written >= args.soak && t0.elapsed() > Duration::from_secs(3_600) {
            break;
        }
    }
    let seconds = t0.elapsed().as_secs_f64();
    let peak = daemon.status_mb("VmHWM:");
    samples.push(json!({
        "t": round(seconds, 1),
        "files_done": tail.count(),
        "rss_mb": round(daemon.status_mb("VmRSS:"), 1),
    }));
    daemon.stop();
    tail.finish();
    // RSS when 10% and when 100% of the files were done.
    let at = |frac: f64| {
        samples
            .iter()
            .find(|s| s["files_done"].as_u64().unwrap_or(0) as f64 >= frac * args.soak as f64)
            .and_then(|s| s["rss_mb"].as_f64())
    };
    eprintln!(
        "soak: {seconds:.0} s, peak RSS {peak:.1} MB, RSS at 10% {:?} MB, at 100% {:?} MB",
        at(0.1),
        at(1.0)
    );
    json!({
        "files": args.soak,
        "seconds": round(seconds, 1),
        "files_per_s": round(args.soak as f64 / seconds, 1),
        "peak_rss_mb": round(peak, 1),
        "rss_at_10pct_mb": at(0.1),
        "rss_at_50pct_mb": at(0.5),
        "rss_at_100pct_mb": at(1.0),
        "samples": samples,
    })
}

/// One thread, in process: read, extract and serialize each file, as the Python baseline does.
fn core_one(args: &Args, articles: &[String]) -> Value {
    let n = args.core_files.min(articles.len());
    let dir = args
        .export
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join("newsdrop-bench-export"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut paths = Vec::new();
    let mut bytes = 0usize;
    for i in 0..n {
        let path = dir.join(format!("a{i:07}.txt"));
        let b = file_bytes(articles, i);
        bytes += b.len();
        std::fs::write(&path, b).unwrap();
        paths.push(path);
    }
    let t = Instant::now();
    let extractor =
        newsdrop_core::Extractor::new(&newsdrop_core::ExtractConfig::default()).unwrap();
    let build_ms = ms(t.elapsed());
    let mut runs = Vec::new();
    let mut records = 0;
    // Nine passes, the median taken: one pass is ~0.15 s, and this VM's speed drifts.
    for _ in 0..9 {
        let t = Instant::now();
        records = 0;
        for path in &paths {
            let bytes = std::fs::read(path).unwrap();
            let name = path.to_string_lossy();
            let input = newsdrop_core::Input {
                path: &name,
                bytes: &bytes,
                ingested_at: "2026-01-01T00:00:00+08:00",
            };
            if let Ok(recs) = newsdrop_core::extract(&input, &extractor) {
                for r in &recs {
                    std::hint::black_box(newsdrop_sink::to_line(r).unwrap());
                    records += 1;
                }
            }
        }
        runs.push(t.elapsed().as_secs_f64());
    }
    runs.sort_by(f64::total_cmp);
    let seconds = runs[runs.len() / 2];
    eprintln!(
        "one core, in process: {n} files, {:.3} MB/s ({} files/s)",
        bytes as f64 / 1e6 / seconds,
        (n as f64 / seconds).round()
    );
    if args.export.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    json!({
        "files": n,
        "bytes": bytes,
        "records": records,
        "extractor_build_ms": round(build_ms, 1),
        "seconds_runs": runs.iter().map(|s| round(*s, 4)).collect::<Vec<_>>(),
        "seconds": round(seconds, 4),
        "mb_per_s": round(bytes as f64 / 1e6 / seconds, 3),
        "files_per_s": round(n as f64 / seconds, 1),
    })
}

fn machine() -> Value {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map(|(_, v)| v.trim().to_string());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_gib = meminfo
        .lines()
        .find(|l| l.starts_with("MemTotal:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse::<f64>().ok())
        .map(|kb| round(kb / 1024.0 / 1024.0, 1));
    let nproc = std::thread::available_parallelism().map_or(0, |n| n.get());
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| s.trim().to_string())
        .ok();
    let loadavg = std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.trim().to_string())
        .ok();
    json!({"nproc": nproc, "cpu": model, "mem_gib": mem_gib, "kernel": kernel, "loadavg_at_start": loadavg})
}

fn main() {
    let args = Args::parse();
    let Some(out) = args.out.clone() else {
        eprintln!("e2e_bench: no --out FILE, nothing measured (bench/run.sh runs it with one)");
        return;
    };
    let Some(shared) = args.shared.clone().or_else(util::shared) else {
        eprintln!("SKIP: ../shared not found next to the checkout; nothing to benchmark");
        return;
    };
    if !shared.join("corpus/xinwenlianbo/news").is_dir() {
        eprintln!(
            "SKIP: {} has no corpus/xinwenlianbo/news; nothing to benchmark",
            shared.display()
        );
        return;
    }
    let bin = util::bin();
    assert!(bin.is_file(), "no newsdrop binary at {}", bin.display());
    let base = args
        .workdir
        .clone()
        .unwrap_or_else(std::env::temp_dir)
        .join(format!("newsdrop-e2e-bench-{}", std::process::id()));
    std::fs::create_dir_all(&base).unwrap();
    let articles = load_articles(&shared);
    assert!(!articles.is_empty(), "no articles of 6-11 KB in the corpus");
    let mean = articles.iter().map(String::len).sum::<usize>() as f64 / articles.len() as f64;
    eprintln!(
        "{} distinct articles of 6-11 KB (mean {:.0} bytes); binary {}",
        articles.len(),
        mean,
        bin.display()
    );
    let ticks = clock_ticks();
    let started = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let machine = machine();

    let core1 = core_one(&args, &articles);
    let ready = ready_empty(&args, &base);
    let modes: Vec<Value> = args
        .modes
        .split(',')
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .map(|m| run_mode(&args, &base, &articles, m, ticks))
        .collect();
    let backlog = (args.backlog > 0).then(|| ready_backlog(&args, &base, &articles, ticks));
    let soak = (args.soak > 0).then(|| soak(&args, &base, &articles));
    // Workspaces are deleted only here, at the end: on ext4 without a journal the inode
    // allocator skips (reading each) every inode deleted in the last minutes, so one phase's
    // cleanup made the next phase's writer several times slower (2.8 s instead of 0.3 s of CPU
    // for 6,000 files here) and took that CPU from the daemon under test.
    let _ = std::fs::remove_dir_all(&base);

    let result = json!({
        "started_utc": started,
        "machine": machine,
        "binary": bin.to_string_lossy(),
        "workers": args.workers,
        "articles": {"distinct": articles.len(), "mean_bytes": round(mean, 0)},
        "core_one_thread": core1,
        "ready_empty": ready,
        "modes": modes,
        "ready_backlog": backlog,
        "soak": soak,
    });
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(&out, serde_json::to_string_pretty(&result).unwrap() + "\n").unwrap();
    eprintln!("wrote {}", out.display());
}
