//! The optional Prometheus endpoint: `GET /metrics` in the text exposition format, served by a
//! small HTTP/1.0 responder on a tokio listener (`[metrics] listen`, off when empty). One
//! request per connection, bounded request size, time and concurrency.

use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use newsdrop_sink::metrics::{FSYNC_SECONDS, HistogramSnapshot};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;

use crate::WatchError;
use crate::settings::MetricsConfig;
use crate::stats::{Pipeline, STATS, Stats};

/// Longest a client may take to send its request.
const READ_TIMEOUT: Duration = Duration::from_secs(5);
/// Largest request head accepted.
const MAX_REQUEST: usize = 8 * 1024;
/// Connections served at once.
const MAX_CONNECTIONS: usize = 16;

/// A running endpoint.
#[derive(Debug)]
pub struct Server {
    /// The bound address (useful when the configured port was 0).
    pub local_addr: SocketAddr,
    task: JoinHandle<()>,
}

impl Server {
    /// Stops accepting connections.
    pub fn stop(self) {
        self.task.abort();
    }
}

/// Binds `[metrics] listen` and starts serving, or returns `None` when metrics are off.
pub async fn start(
    config: &MetricsConfig,
    pipeline: Pipeline,
) -> Result<Option<Server>, WatchError> {
    let Some(address) = config.address()? else {
        return Ok(None);
    };
    let listener = TcpListener::bind(address).await.map_err(|e| {
        WatchError::Config(format!("metrics.listen: cannot listen on {address}: {e}"))
    })?;
    let local_addr = listener
        .local_addr()
        .map_err(|e| WatchError::Config(format!("metrics.listen: {address}: {e}")))?;
    tracing::info!(address = %local_addr, "metrics endpoint listening");
    let task = tokio::spawn(accept_loop(listener, pipeline));
    Ok(Some(Server { local_addr, task }))
}

async fn accept_loop(listener: TcpListener, pipeline: Pipeline) {
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(error) => {
                tracing::debug!(%error, "metrics accept failed");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let Ok(permit) = Arc::clone(&slots).try_acquire_owned() else {
            // Too many at once: close this one rather than queue without bound.
            drop(stream);
            continue;
        };
        let pipeline = pipeline.clone();
        tokio::spawn(async move {
            if let Err(error) = respond(stream, &pipeline).await {
                tracing::debug!(%peer, %error, "metrics request failed");
            }
            drop(permit);
        });
    }
}

/// Reads one request head and answers it.
async fn respond(mut stream: TcpStream, pipeline: &Pipeline) -> std::io::Result<()> {
    let mut head = Vec::with_capacity(512);
    let read = tokio::time::timeout(READ_TIMEOUT, async {
        let mut buf = [0u8; 1024];
        while !head.windows(4).any(|w| w == b"\r\n\r\n") && !head.windows(2).any(|w| w == b"\n\n") {
            let n = stream.read(&mut buf).await?;
            if n == 0 {
                break;
            }
            head.extend_from_slice(&buf[..n]);
            if head.len() > MAX_REQUEST {
                break;
            }
        }
        Ok::<(), std::io::Error>(())
    })
    .await;
    let (status, content_type, body) = match read {
        Err(_) => return Ok(()),
        Ok(Err(e)) => return Err(e),
        Ok(Ok(())) => route(&head, pipeline),
    };
    let response = format!(
        "HTTP/1.0 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(response.as_bytes()).await?;
    if !head.starts_with(b"HEAD ") {
        stream.write_all(body.as_bytes()).await?;
    }
    stream.shutdown().await
}

/// Chooses the answer from the request line.
fn route(head: &[u8], pipeline: &Pipeline) -> (&'static str, &'static str, String) {
    const TEXT: &str = "text/plain; charset=utf-8";
    if head.len() > MAX_REQUEST {
        return ("431 Request Header Fields Too Large", TEXT, String::new());
    }
    let line = head.split(|&b| b == b'\n').next().unwrap_or_default();
    let line = String::from_utf8_lossy(line);
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let path = target.split('?').next().unwrap_or("");
    match (method, path) {
        ("GET" | "HEAD", "/metrics") => (
            "200 OK",
            "text/plain; version=0.0.4; charset=utf-8",
            render(pipeline),
        ),
        ("GET" | "HEAD", "/") => (
            "200 OK",
            TEXT,
            "newsdrop: Prometheus metrics at /metrics\n".into(),
        ),
        ("GET" | "HEAD", _) => ("404 Not Found", TEXT, "not found\n".into()),
        _ => ("405 Method Not Allowed", TEXT, "only GET\n".into()),
    }
}

/// The exposition text for the current counters.
pub fn render(pipeline: &Pipeline) -> String {
    let mut out = String::with_capacity(4096);
    let get = Stats::get;
    metric(
        &mut out,
        "newsdrop_build_info",
        "gauge",
        "Version of the running binary (always 1).",
        &[(&format!("version=\"{}\"", env!("CARGO_PKG_VERSION")), 1.0)],
    );
    metric(
        &mut out,
        "newsdrop_ready",
        "gauge",
        "1 once the startup scan has queued the backlog.",
        &[("", f64::from(u8::from(STATS.is_ready())))],
    );
    counter(
        &mut out,
        "newsdrop_files_seen_total",
        "Complete files queued for processing.",
        get(&STATS.files_seen),
    );
    counter(
        &mut out,
        "newsdrop_files_processed_total",
        "Files whose records are durable and which left the inbox.",
        get(&STATS.files_processed),
    );
    counter(
        &mut out,
        "newsdrop_files_failed_total",
        "Files that could not be processed (failure record written, moved to failed).",
        get(&STATS.files_failed),
    );
    metric(
        &mut out,
        "newsdrop_records_written_total",
        "counter",
        "Records durably appended, by output stream.",
        &[
            ("stream=\"articles\"", get(&STATS.records_written) as f64),
            (
                "stream=\"failures\"",
                get(&STATS.failure_records_written) as f64,
            ),
        ],
    );
    metric(
        &mut out,
        "newsdrop_bytes_written_total",
        "counter",
        "Bytes durably appended, by output stream.",
        &[
            (
                "stream=\"articles\"",
                get(&STATS.record_bytes_written) as f64,
            ),
            (
                "stream=\"failures\"",
                get(&STATS.failure_bytes_written) as f64,
            ),
        ],
    );
    metric(
        &mut out,
        "newsdrop_queue_depth",
        "gauge",
        "Items waiting: complete files for a worker, record batches for the writer.",
        &[
            ("queue=\"files\"", pipeline.files_queued() as f64),
            ("queue=\"records\"", pipeline.batches_queued() as f64),
        ],
    );
    metric(
        &mut out,
        "newsdrop_files_in_flight",
        "gauge",
        "Files accepted and not yet done (queued or in a worker's hands).",
        &[("", pipeline.files_in_flight() as f64)],
    );
    if let Some(t) = STATS.last_done_unix() {
        metric(
            &mut out,
            "newsdrop_last_file_done_timestamp_seconds",
            "gauge",
            "Unix time of the last file processed or failed.",
            &[("", t as f64)],
        );
    }
    if let Some(nats) = newsdrop_sink::NATS_COUNTERS.snapshot() {
        metric(
            &mut out,
            "newsdrop_nats_up",
            "gauge",
            "1 while publishing to NATS JetStream works, 0 while attempts fail and files wait.",
            &[("", f64::from(u8::from(nats.healthy)))],
        );
        counter(
            &mut out,
            "newsdrop_nats_published_total",
            "Records stored by JetStream as new messages.",
            nats.published,
        );
        counter(
            &mut out,
            "newsdrop_nats_duplicates_total",
            "Records JetStream dropped as repeats of an earlier Nats-Msg-Id.",
            nats.duplicates,
        );
        counter(
            &mut out,
            "newsdrop_nats_failed_attempts_total",
            "Publish attempts that failed and were retried.",
            nats.failed_attempts,
        );
    }
    histogram(
        &mut out,
        "newsdrop_extraction_duration_seconds",
        "Time to extract the records of one file.",
        &STATS.extraction.snapshot(),
    );
    histogram(
        &mut out,
        "newsdrop_fsync_duration_seconds",
        "Time of one fdatasync of an output file.",
        &FSYNC_SECONDS.snapshot(),
    );
    out
}

fn counter(out: &mut String, name: &str, help: &str, value: u64) {
    metric(out, name, "counter", help, &[("", value as f64)]);
}

fn metric(out: &mut String, name: &str, kind: &str, help: &str, samples: &[(&str, f64)]) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
    for (labels, value) in samples {
        if labels.is_empty() {
            let _ = writeln!(out, "{name} {value}");
        } else {
            let _ = writeln!(out, "{name}{{{labels}}} {value}");
        }
    }
}

fn histogram(out: &mut String, name: &str, help: &str, h: &HistogramSnapshot) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} histogram");
    for (bound, count) in &h.buckets {
        let _ = writeln!(out, "{name}_bucket{{le=\"{bound}\"}} {count}");
    }
    let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {}", h.count);
    let _ = writeln!(out, "{name}_sum {}", h.sum_seconds);
    let _ = writeln!(out, "{name}_count {}", h.count);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::in_flight::InFlight;

    fn pipeline() -> (
        Pipeline,
        async_channel::Sender<std::path::PathBuf>,
        async_channel::Receiver<newsdrop_sink::Batch>,
        async_channel::Sender<newsdrop_sink::Batch>,
        async_channel::Receiver<std::path::PathBuf>,
    ) {
        let (ptx, prx) = async_channel::bounded(4);
        let (stx, srx) = async_channel::bounded(4);
        (
            Pipeline::new(&prx, &stx, InFlight::default()),
            ptx,
            srx,
            stx,
            prx,
        )
    }

    #[test]
    fn exposition_has_types_and_histograms() {
        let (view, _a, _b, _c, _d) = pipeline();
        let text = render(&view);
        for name in [
            "newsdrop_files_seen_total",
            "newsdrop_records_written_total{stream=\"articles\"}",
            "newsdrop_queue_depth{queue=\"files\"} 0",
            "newsdrop_extraction_duration_seconds_bucket{le=\"+Inf\"}",
            "newsdrop_fsync_duration_seconds_count",
        ] {
            assert!(text.contains(name), "{name} missing in\n{text}");
        }
        // Every sample line is `name[{labels}] number`.
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let value = line.rsplit(' ').next().unwrap();
            assert!(value.parse::<f64>().is_ok(), "{line}");
        }
    }

    #[test]
    fn routes() {
        let (view, _a, _b, _c, _d) = pipeline();
        assert_eq!(route(b"GET /metrics HTTP/1.1\r\n\r\n", &view).0, "200 OK");
        assert_eq!(
            route(b"GET /nope HTTP/1.0\r\n\r\n", &view).0,
            "404 Not Found"
        );
        assert!(
            route(b"POST /metrics HTTP/1.0\r\n\r\n", &view)
                .0
                .starts_with("405")
        );
        assert!(route(&[b'a'; MAX_REQUEST + 1], &view).0.starts_with("431"));
    }
}
