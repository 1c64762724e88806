//! Issue 11: records published to a real `nats-server` with JetStream on loopback, read back
//! through a pull consumer and counted by `Nats-Msg-Id`. Skips (with a message) when
//! `nats-server` is not installed (Debian package `nats-server`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use futures_util::StreamExt;

use crate::util::{Daemon, Workspace, eval_inputs, unique, wait_until};

const WAIT: Duration = Duration::from_secs(120);

/// The `nats-server` binary: `$NATS_SERVER`, then `PATH`, then `/usr/sbin`.
fn server_binary() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NATS_SERVER") {
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/sbin"), PathBuf::from("/usr/local/bin")])
        .map(|d| d.join("nats-server"))
        .find(|p| p.is_file())
}

/// A free TCP port on loopback (released before the server binds it).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A nats-server with JetStream, storing under `store`, on 127.0.0.1 only.
struct NatsServer {
    binary: PathBuf,
    port: u16,
    store: PathBuf,
    child: Option<Child>,
    log: PathBuf,
}

impl NatsServer {
    /// Starts a server, or prints why the test is skipped and returns `None`.
    fn start(store: &Path) -> Option<NatsServer> {
        let mut server = Self::prepare(store)?;
        server.run();
        Some(server)
    }

    /// Picks the binary and a port but does not start the process.
    fn prepare(store: &Path) -> Option<NatsServer> {
        let Some(binary) = server_binary() else {
            eprintln!(
                "SKIP: nats-server not found (install the Debian package `nats-server`, or set NATS_SERVER)"
            );
            return None;
        };
        Some(NatsServer {
            binary,
            port: free_port(),
            store: store.to_path_buf(),
            child: None,
            log: store.with_extension(format!("{}.log", unique())),
        })
    }

    /// Starts the process (again) on the same port and store, and waits until it is ready.
    fn run(&mut self) {
        assert!(self.child.is_none());
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .unwrap();
        let child = Command::new(&self.binary)
            .args([
                "-js",
                "-a",
                "127.0.0.1",
                "-p",
                &self.port.to_string(),
                "-sd",
            ])
            .arg(&self.store)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::from(log))
            .spawn()
            .unwrap();
        self.child = Some(child);
        let ready = wait_until(Duration::from_secs(30), || {
            std::fs::read_to_string(&self.log)
                .unwrap_or_default()
                .matches("Server is ready")
                .count()
                >= self.starts()
        });
        assert!(ready, "nats-server did not start:\n{}", self.log_text());
    }

    /// How many times `run` was called (one "Server is ready" line each).
    fn starts(&self) -> usize {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .matches("Starting nats-server")
            .count()
    }

    /// SIGTERM (a clean stop, the way an operator stops it) and wait for the exit.
    fn stop(&mut self) {
        let mut child = self.child.take().unwrap();
        Command::new("kill")
            .arg(child.id().to_string())
            .status()
            .unwrap();
        let gone = wait_until(Duration::from_secs(30), || {
            child.try_wait().unwrap().is_some()
        });
        if !gone {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }

    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// One message of the stream.
#[derive(Debug)]
struct Stored {
    subject: String,
    msg_id: String,
    record: serde_json::Value,
}

/// Every message of `stream`, read from the start through an ephemeral pull consumer.
fn read_stream(url: &str, stream: &str) -> Vec<Stored> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        use async_nats::jetstream::consumer::{AckPolicy, DeliverPolicy, pull};
        let client = async_nats::connect(url).await.unwrap();
        let js = async_nats::jetstream::new(client);
        let mut stream = js.get_stream(stream).await.unwrap();
        let total = stream.info().await.unwrap().state.messages as usize;
        let consumer = stream
            .create_consumer(pull::Config {
                deliver_policy: DeliverPolicy::All,
                ack_policy: AckPolicy::None,
                ..Default::default()
            })
            .await
            .unwrap();
        let mut out = Vec::new();
        for _ in 0..20 {
            if out.len() >= total {
                break;
            }
            let mut batch = consumer
                .batch()
                .max_messages(total - out.len())
                .expires(Duration::from_secs(2))
                .messages()
                .await
                .unwrap();
            while let Some(message) = batch.next().await {
                let message = message.unwrap();
                let msg_id = message
                    .headers
                    .as_ref()
                    .and_then(|h| h.get("Nats-Msg-Id"))
                    .map(|v| v.as_str().to_string())
                    .unwrap_or_default();
                out.push(Stored {
                    subject: message.subject.to_string(),
                    msg_id,
                    record: serde_json::from_slice(&message.payload).unwrap(),
                });
            }
        }
        assert_eq!(out.len(), total, "consumer read fewer messages than stored");
        out
    })
}

/// Asserts each message carries its record's id, each id is stored once, and the ids are
/// exactly `expected`.
fn assert_exactly_once(stored: &[Stored], expected: &BTreeSet<String>) {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for s in stored {
        assert_eq!(
            s.record["id"].as_str(),
            Some(s.msg_id.as_str()),
            "Nats-Msg-Id must be the record id ({})",
            s.subject
        );
        *count.entry(s.msg_id.as_str()).or_default() += 1;
    }
    let repeated: Vec<_> = count.iter().filter(|(_, n)| **n > 1).collect();
    assert!(repeated.is_empty(), "stored more than once: {repeated:?}");
    let got: BTreeSet<String> = count.keys().map(|s| s.to_string()).collect();
    let missing: Vec<_> = expected.difference(&got).collect();
    let extra: Vec<_> = got.difference(expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}, unexpected {extra:?}"
    );
}

/// The environment that turns the NATS output on.
fn nats_env<'a>(url: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut env = vec![
        ("NEWSDROP__SINK__NATS__ENABLED", "true"),
        ("NEWSDROP__SINK__NATS__URL", url),
        ("NEWSDROP__SINK__NATS__ACK_TIMEOUT_MS", "1000"),
        ("NEWSDROP__SINK__NATS__RETRY_MAX_MS", "1000"),
        ("NEWSDROP__WATCH__WORKERS", "2"),
    ];
    env.extend_from_slice(extra);
    env
}

/// A small article that becomes one record; `n` makes its bytes (and so its id) unique.
fn synthetic_article(n: usize) -> Vec<u8> {
    format!(
        "社区志愿者在行动（第{n}期）\n2020-02-28 14:19:17\n\n截至2月24日,第{n}批上岗志愿者共{}人,志愿服务时数{}小时。\n",
        200 + n,
        1600 + 3 * n
    )
    .into_bytes()
}

fn ids_of(records: &[serde_json::Value]) -> BTreeSet<String> {
    records
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

fn done(ws: &Workspace, files: usize) -> bool {
    Workspace::files_under(&ws.inbox()).is_empty()
        && Workspace::files_under(&ws.processed()).len()
            + Workspace::files_under(&ws.failed()).len()
            >= files
}

fn stop_ok(daemon: Daemon) {
    let log = daemon.log_text();
    let status = daemon.stop(Duration::from_secs(30));
    assert!(status.success(), "exit status {status:?}; log:\n{log}");
}

#[test]
fn eval_records_arrive_once_and_a_replay_is_deduplicated() {
    let Some(inputs) = eval_inputs() else { return };
    let ws = Workspace::new();
    let Some(server) = NatsServer::start(&ws.root().join("js")) else {
        return;
    };
    let url = server.url();
    let daemon = ws.start(&nats_env(&url, &[]));
    for path in &inputs {
        ws.drop_file(
            path.file_name().unwrap().to_str().unwrap(),
            &std::fs::read(path).unwrap(),
        );
    }
    assert!(
        wait_until(WAIT, || done(&ws, inputs.len())),
        "inbox not emptied; log:\n{}",
        daemon.log_text()
    );
    stop_ok(daemon);
    let records = ws.records();
    assert!(records.len() >= inputs.len(), "{} records", records.len());
    assert!(ws.failure_records().is_empty());
    let expected = ids_of(&records);
    let stored = read_stream(&url, "NEWSDROP");
    assert_eq!(stored.len(), records.len());
    assert!(stored.iter().all(|s| s.subject == "newsdrop.articles"));
    assert_exactly_once(&stored, &expected);

    // Replay: the same files dropped again give the same ids; the stream does not grow.
    for path in Workspace::files_under(&ws.processed()) {
        std::fs::rename(&path, ws.inbox().join(path.file_name().unwrap())).unwrap();
    }
    let daemon = ws.start(&nats_env(&url, &[]));
    assert!(
        wait_until(WAIT, || Workspace::files_under(&ws.inbox()).is_empty()),
        "replay not processed; log:\n{}",
        daemon.log_text()
    );
    stop_ok(daemon);
    assert_eq!(
        ws.records().len(),
        2 * records.len(),
        "JSONL got the replay"
    );
    let stored = read_stream(&url, "NEWSDROP");
    assert_exactly_once(&stored, &expected);
}

#[test]
fn broker_stopped_mid_stream_loses_and_repeats_nothing() {
    let Some(inputs) = eval_inputs() else { return };
    let ws = Workspace::new();
    let Some(mut server) = NatsServer::start(&ws.root().join("js")) else {
        return;
    };
    let url = server.url();
    let daemon = ws.start(&nats_env(&url, &[]));
    let mut files = 0;
    for path in &inputs {
        ws.drop_file(
            path.file_name().unwrap().to_str().unwrap(),
            &std::fs::read(path).unwrap(),
        );
        files += 1;
    }
    for n in 0..40 {
        ws.drop_file(&format!("s{n:03}.txt"), &synthetic_article(n));
        files += 1;
    }
    // Stop the broker while files are still being published.
    assert!(
        wait_until(WAIT, || Workspace::files_under(&ws.processed()).len() >= 8),
        "nothing processed; log:\n{}",
        daemon.log_text()
    );
    server.stop();
    for n in 40..50 {
        ws.drop_file(&format!("s{n:03}.txt"), &synthetic_article(n));
        files += 1;
    }
    // While it is away, files wait in the inbox and the daemon says so.
    assert!(
        wait_until(WAIT, || daemon.log_text().contains("nats: publish failed")),
        "no warning while the broker is down; log:\n{}",
        daemon.log_text()
    );
    std::thread::sleep(Duration::from_secs(2));
    let waiting = Workspace::files_under(&ws.inbox()).len();
    assert!(
        waiting > 0,
        "files left the inbox while the broker was down"
    );
    let mut daemon = daemon;
    assert!(daemon.child.try_wait().unwrap().is_none(), "daemon exited");

    server.run();
    assert!(
        wait_until(WAIT, || done(&ws, files)),
        "did not catch up ({} left); log:\n{}",
        Workspace::files_under(&ws.inbox()).len(),
        daemon.log_text()
    );
    stop_ok(daemon);
    let records = ws.records();
    assert_eq!(
        records.len(),
        ids_of(&records).len(),
        "JSONL repeats a record"
    );
    assert!(
        records.len() >= files,
        "{} records for {files} files",
        records.len()
    );
    let stored = read_stream(&url, "NEWSDROP");
    assert_eq!(stored.len(), records.len());
    assert_exactly_once(&stored, &ids_of(&records));
}

#[test]
fn two_daemons_with_their_own_inboxes_feed_one_stream() {
    let Some(inputs) = eval_inputs() else { return };
    let (a, b) = (Workspace::new(), Workspace::new());
    let Some(server) = NatsServer::start(&a.root().join("js")) else {
        return;
    };
    let url = server.url();
    let da = a.start(&nats_env(
        &url,
        &[("NEWSDROP__SINK__NATS__SUBJECT", "newsdrop.articles.host-a")],
    ));
    let db = b.start(&nats_env(
        &url,
        &[("NEWSDROP__SINK__NATS__SUBJECT", "newsdrop.articles.host-b")],
    ));
    let mut counts = [0usize; 2];
    for (i, path) in inputs.iter().enumerate() {
        let (ws, c) = if i % 2 == 0 { (&a, 0) } else { (&b, 1) };
        ws.drop_file(
            path.file_name().unwrap().to_str().unwrap(),
            &std::fs::read(path).unwrap(),
        );
        counts[c] += 1;
    }
    for n in 0..20 {
        let (ws, c) = if n % 2 == 0 { (&a, 0) } else { (&b, 1) };
        ws.drop_file(&format!("s{n:03}.txt"), &synthetic_article(100 + n));
        counts[c] += 1;
    }
    assert!(
        wait_until(WAIT, || done(&a, counts[0]) && done(&b, counts[1])),
        "inboxes not emptied; logs:\n{}\n{}",
        da.log_text(),
        db.log_text()
    );
    stop_ok(da);
    stop_ok(db);
    let (ids_a, ids_b) = (ids_of(&a.records()), ids_of(&b.records()));
    assert!(ids_a.is_disjoint(&ids_b));
    let stored = read_stream(&url, "NEWSDROP");
    assert_exactly_once(&stored, &ids_a.union(&ids_b).cloned().collect());
    for s in &stored {
        let host = if ids_a.contains(&s.msg_id) { "a" } else { "b" };
        assert_eq!(s.subject, format!("newsdrop.articles.host-{host}"));
    }
}

#[test]
fn nats_only_output_started_before_the_broker() {
    let ws = Workspace::new();
    let Some(mut server) = NatsServer::prepare(&ws.root().join("js")) else {
        return;
    };
    let url = server.url();
    // The broker is not there yet: the daemon starts anyway and keeps the files.
    let daemon = ws.start(&nats_env(&url, &[("NEWSDROP__SINK__NATS__ONLY", "true")]));
    for n in 0..5 {
        ws.drop_file(&format!("s{n:03}.txt"), &synthetic_article(300 + n));
    }
    ws.drop_file("empty.txt", b"");
    assert!(
        wait_until(WAIT, || daemon.log_text().contains("nats: publish failed")),
        "no warning without a broker; log:\n{}",
        daemon.log_text()
    );
    assert!(!Workspace::files_under(&ws.inbox()).is_empty());
    server.run();
    assert!(
        wait_until(WAIT, || done(&ws, 6)),
        "did not catch up; log:\n{}",
        daemon.log_text()
    );
    stop_ok(daemon);
    assert!(ws.records().is_empty(), "only = true must write no JSONL");
    assert!(ws.failure_records().is_empty());
    assert!(
        !ws.articles().exists() && !ws.failures().exists(),
        "only = true must not even create the JSONL files"
    );
    let stored = read_stream(&url, "NEWSDROP");
    let (articles, failures): (Vec<&Stored>, Vec<&Stored>) = stored
        .iter()
        .partition(|s| s.subject == "newsdrop.articles");
    assert_eq!(articles.len(), 5);
    for a in &articles {
        assert_eq!(a.record["id"].as_str(), Some(a.msg_id.as_str()));
    }
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0].subject, "newsdrop.failures");
    assert_eq!(failures[0].record["schema"], "newsdrop.failure.v1");
    assert!(
        failures[0].msg_id.starts_with("f-"),
        "{}",
        failures[0].msg_id
    );
}

/// Publish throughput and added latency of the NATS output alone (no extraction), against a
/// loopback server: `cargo test -p newsdrop-watcher --test e2e nats::publish_throughput --
/// --ignored --nocapture`. Prints records/s and per-file latency for a few batch sizes.
#[test]
#[ignore = "benchmark; run on demand"]
fn publish_throughput() {
    let ws = Workspace::new();
    let Some(server) = NatsServer::start(&ws.root().join("js")) else {
        return;
    };
    let record = synthetic_record_json();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let (_stop_tx, stop_rx) = tokio::sync::watch::channel(false);
        let config = newsdrop_sink::NatsConfig {
            enabled: true,
            url: server.url(),
            ..Default::default()
        };
        let publisher = std::sync::Arc::new(
            newsdrop_sink::NatsPublisher::connect(&config, stop_rx)
                .await
                .unwrap(),
        );
        for (per_file, workers, files) in [(1usize, 1usize, 2000usize), (1, 4, 4000), (6, 4, 1000)] {
            let started = std::time::Instant::now();
            let mut tasks = tokio::task::JoinSet::new();
            for w in 0..workers {
                let publisher = publisher.clone();
                let record = record.clone();
                tasks.spawn(async move {
                    let mut latencies = Vec::new();
                    for f in (w..files).step_by(workers) {
                        let messages: Vec<(String, Vec<u8>)> = (0..per_file)
                            .map(|i| (format!("bench-{per_file}-{workers}-{f}-{i}"), record.clone()))
                            .collect();
                        let t = std::time::Instant::now();
                        publisher
                            .publish(newsdrop_sink::Stream::Articles, &messages, "bench")
                            .await
                            .unwrap();
                        latencies.push(t.elapsed());
                    }
                    latencies
                });
            }
            let mut latencies = Vec::new();
            while let Some(l) = tasks.join_next().await {
                latencies.extend(l.unwrap());
            }
            let elapsed = started.elapsed();
            latencies.sort();
            let pct = |p: f64| latencies[((latencies.len() - 1) as f64 * p) as usize];
            println!(
                "BENCH nats: {per_file} record(s)/file, {workers} worker(s), {files} files, {} B/record: {:.0} records/s, per-file latency p50 {:?} p99 {:?}",
                record.len(),
                (files * per_file) as f64 / elapsed.as_secs_f64(),
                pct(0.5),
                pct(0.99)
            );
        }
    });
}

/// A record-sized JSON object (about the size of a real article record).
fn synthetic_record_json() -> Vec<u8> {
    let text = String::from_utf8(synthetic_article(1)).unwrap().repeat(20);
    serde_json::to_vec(&serde_json::json!({
        "schema": "newsdrop.article.v1",
        "title": "社区志愿者在行动",
        "body": text,
    }))
    .unwrap()
}
