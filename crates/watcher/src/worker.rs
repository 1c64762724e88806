//! Workers: read a complete file, extract on the blocking pool, hand the lines to the outputs
//! (NATS JetStream when enabled, then the JSONL sink), wait until they are stored, then dispose
//! of the file. A bad file becomes a failure record;
//! only a sink that cannot write is fatal.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use newsdrop_core::{ArticleRecord, Extractor, FailureRecord, FailureSource, Input};
use newsdrop_sink::{Batch, NatsError, NatsPublisher, Stream};
use tokio::sync::{oneshot, watch};

use crate::dispose::{self, ErrorSidecar};
use crate::settings::{OnSuccess, Settings};
use crate::stats::STATS;
use crate::{WatchError, now_rfc3339};

/// Paths between discovery and disposal. Discovery skips a path that is in here, so a file
/// is never queued twice; the worker removes it once the file has left the inbox.
#[derive(Debug, Clone, Default)]
pub struct InFlight(Arc<Mutex<HashSet<PathBuf>>>);

impl InFlight {
    /// Adds `path`; false when it was already in flight.
    pub fn insert(&self, path: &Path) -> bool {
        self.0
            .lock()
            .map(|mut set| set.insert(path.to_path_buf()))
            .unwrap_or(false)
    }

    /// Removes `path`.
    pub fn remove(&self, path: &Path) {
        if let Ok(mut set) = self.0.lock() {
            set.remove(path);
        }
    }

    /// Whether `path` is in flight.
    pub fn contains(&self, path: &Path) -> bool {
        self.0.lock().map(|set| set.contains(path)).unwrap_or(false)
    }

    /// How many paths are in flight.
    pub fn len(&self) -> usize {
        self.0.lock().map(|set| set.len()).unwrap_or(0)
    }

    /// Whether nothing is in flight.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What one file produced.
#[derive(Debug)]
pub enum Outcome {
    /// One record per article.
    Records(Vec<ArticleRecord>),
    /// The file could not be processed.
    Failed(FailureRecord),
}

/// Extracts one file's bytes; a panic inside extraction becomes a failure record.
pub fn extract_file(path: &str, bytes: &[u8], extractor: &Extractor) -> Outcome {
    let ingested_at = now_rfc3339();
    let input = Input {
        path,
        bytes,
        ingested_at: &ingested_at,
    };
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        newsdrop_core::extract(&input, extractor)
    }));
    let source = || FailureSource {
        path: path.to_string(),
        sha256: Some(newsdrop_core::sha256_hex(bytes)),
        bytes: Some(bytes.len() as u64),
    };
    match result {
        Ok(Ok(records)) => Outcome::Records(records),
        Ok(Err(e)) => Outcome::Failed(FailureRecord::new(
            source(),
            e.step().as_str(),
            e.to_string(),
            now_rfc3339(),
        )),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Outcome::Failed(FailureRecord::new(
                source(),
                "extract",
                format!("{path}: extract: extractor panicked: {what}"),
                now_rfc3339(),
            ))
        }
    }
}

/// What every worker shares.
#[derive(Debug)]
pub struct WorkerContext {
    /// Settings (absolute paths).
    pub settings: Settings,
    /// The shared extractor.
    pub extractor: Arc<Extractor>,
    /// Queue into the sink.
    pub sink: async_channel::Sender<Batch>,
    /// The NATS JetStream output, when enabled.
    pub nats: Option<Arc<NatsPublisher>>,
    /// Paths in flight.
    pub in_flight: InFlight,
}

/// One worker: takes paths until the queue closes or shutdown is requested.
pub async fn run(
    ctx: Arc<WorkerContext>,
    paths: async_channel::Receiver<PathBuf>,
    mut shutdown: watch::Receiver<bool>,
) -> Result<(), WatchError> {
    loop {
        if *shutdown.borrow() {
            return Ok(());
        }
        let path = tokio::select! {
            biased;
            _ = shutdown.changed() => return Ok(()),
            received = paths.recv() => match received {
                Ok(path) => path,
                Err(_) => return Ok(()),
            },
        };
        STATS.file_started();
        let result = process(&ctx, &path, &shutdown).await;
        ctx.in_flight.remove(&path);
        result?;
    }
}

/// Processes one file from read to disposal. A file that vanished, or was replaced by a
/// symlink, before it could be read is logged and skipped; one that cannot be read yet
/// (permission denied) is retried with backoff, and left in the inbox if shutdown comes first.
async fn process(
    ctx: &WorkerContext,
    path: &Path,
    shutdown: &watch::Receiver<bool>,
) -> Result<(), WatchError> {
    let watch = &ctx.settings.watch;
    let path_str = path.to_string_lossy().into_owned();
    let mut attempts = 0u32;
    let bytes = loop {
        attempts += 1;
        match read_limited(path, watch.max_file_bytes).await {
            Ok(bytes) => break Ok(bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                tracing::info!(path = %path.display(), "file disappeared before it was read; skipped");
                return Ok(());
            }
            Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
                tracing::warn!(path = %path.display(), "replaced by a symlink before it was read; not followed, left in place");
                return Ok(());
            }
            Err(e)
                if e.kind() == std::io::ErrorKind::PermissionDenied
                    && attempts < watch.read_attempts =>
            {
                let backoff = Duration::from_millis(100 * 2u64.pow(attempts.min(8)));
                tracing::debug!(path = %path.display(), attempts, "cannot read yet, retrying");
                let mut stop = shutdown.clone();
                tokio::select! {
                    _ = tokio::time::sleep(backoff) => {}
                    _ = stop.wait_for(|stop| *stop) => {
                        tracing::info!(path = %path.display(), "shutdown while waiting to read; left in the inbox");
                        return Ok(());
                    }
                }
            }
            Err(e) => break Err(e),
        }
    };
    let outcome = match bytes {
        Ok(bytes) => {
            let extractor = Arc::clone(&ctx.extractor);
            let name = path_str.clone();
            tokio::task::spawn_blocking(move || {
                let started = std::time::Instant::now();
                let outcome = extract_file(&name, &bytes, &extractor);
                STATS.observe_extraction(started.elapsed());
                outcome
            })
            .await
            .unwrap_or_else(|join_error| {
                Outcome::Failed(FailureRecord::new(
                    FailureSource {
                        path: path_str.clone(),
                        sha256: None,
                        bytes: None,
                    },
                    "extract",
                    format!("{path_str}: extract: worker task failed: {join_error}"),
                    now_rfc3339(),
                ))
            })
        }
        Err(e) => Outcome::Failed(FailureRecord::new(
            FailureSource {
                path: path_str.clone(),
                sha256: None,
                bytes: None,
            },
            "read",
            format!("{path_str}: read: {e}"),
            now_rfc3339(),
        )),
    };
    let durable = ctx.settings.sink.fsync != newsdrop_sink::FsyncPolicy::Never;
    match outcome {
        Outcome::Records(records) => {
            let lines = records
                .iter()
                .map(newsdrop_sink::to_line)
                .collect::<Result<Vec<_>, _>>()?;
            let n = lines.len();
            let ids = records.iter().map(|r| r.id.clone()).collect();
            let key = records
                .first()
                .and_then(|r| ledger_key(&r.source.sha256, &path_str));
            if !commit(ctx, Stream::Articles, lines, ids, &path_str, key).await? {
                return Ok(());
            }
            let disposed = match watch.on_success {
                OnSuccess::Move => {
                    dispose::move_into(path, &watch.inbox, &watch.processed_dir, durable).map(drop)
                }
                OnSuccess::Delete => dispose::delete(path, durable),
            };
            gone_is_fine(path, disposed)?;
            STATS.file_processed();
            tracing::debug!(path = %path.display(), records = n, "processed");
        }
        Outcome::Failed(failure) => {
            tracing::warn!(path = %path.display(), step = %failure.step, error = %failure.error, "file failed");
            let line = newsdrop_sink::to_line(&failure)?;
            let id = failure_id(&failure.source);
            let key = failure
                .source
                .sha256
                .as_deref()
                .and_then(|sha| ledger_key(sha, &path_str));
            if !commit(ctx, Stream::Failures, vec![line], vec![id], &path_str, key).await? {
                return Ok(());
            }
            let sidecar = ErrorSidecar {
                path: &failure.source.path,
                step: &failure.step,
                reason: &failure.error,
                attempts,
                at: &failure.at,
            };
            let disposed =
                dispose::fail(path, &watch.inbox, &watch.failed_dir, &sidecar, durable).map(drop);
            gone_is_fine(path, disposed)?;
            STATS.file_failed();
        }
    }
    Ok(())
}

/// A disposal that failed because the file was removed meanwhile (its records are written)
/// is logged; any other disposal error is fatal, since the file would be processed again.
fn gone_is_fine(path: &Path, disposed: std::io::Result<()>) -> Result<(), WatchError> {
    match disposed {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !path.exists() => {
            tracing::warn!(path = %path.display(), "file removed by someone else after it was read; records kept");
            Ok(())
        }
        Err(source) => Err(WatchError::Dispose {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Reads at most `limit + 1` bytes, so an oversized file is refused without reading it whole.
/// Never follows a symlink (ELOOP) and never blocks on a FIFO or device: only a regular file
/// is read.
async fn read_limited(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use tokio::io::AsyncReadExt;
    let file = tokio::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
        .await?;
    if !file.metadata().await?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .await?;
    Ok(bytes)
}

/// The sink ledger key of a file: its content hash and the path it was dropped under. A file
/// retried after a crash has the same key, so the sink does not write its records twice.
///
/// The inode change time is part of the key: a file left in the inbox by a crash is untouched,
/// so its retry matches, while the same bytes dropped (renamed or copied) in again later get a
/// new ctime and are processed again on purpose. None when the file cannot be stat'ed.
fn ledger_key(sha256: &str, path: &str) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).ok()?;
    Some(format!(
        "{sha256} {}.{:09} {path}",
        meta.ctime(),
        meta.ctime_nsec()
    ))
}

/// A stable message id for a failure record: the same file (bytes and path) always gets the
/// same id, so a repeat is dropped by the broker's duplicate window.
pub fn failure_id(source: &newsdrop_core::FailureSource) -> String {
    let key = format!(
        "failure\n{}\n{}",
        source.sha256.as_deref().unwrap_or("-"),
        source.path
    );
    format!("f-{}", newsdrop_core::sha256_hex(key.as_bytes()))
}

/// Sends one input's lines to the outputs and waits until every one has them: NATS first (each
/// line under its id, retried while the broker is away), then the JSONL sink. False when stop
/// was requested before NATS acknowledged: the file then stays in the inbox.
async fn commit(
    ctx: &WorkerContext,
    stream: Stream,
    lines: Vec<Vec<u8>>,
    ids: Vec<String>,
    what: &str,
    key: Option<String>,
) -> Result<bool, WatchError> {
    let (n_lines, n_bytes) = (lines.len(), lines.iter().map(Vec::len).sum::<usize>());
    if let Some(nats) = &ctx.nats {
        let messages: Vec<(String, Vec<u8>)> = ids.into_iter().zip(lines.iter().cloned()).collect();
        match nats.publish(stream, &messages, what).await {
            Ok(()) => {}
            Err(NatsError::Stopped) => {
                tracing::info!(
                    input = what,
                    "stopping: not yet published, left in the inbox"
                );
                return Ok(false);
            }
            Err(e) => return Err(WatchError::Internal(e.to_string())),
        }
        if ctx.settings.sink.nats.only {
            STATS.committed(stream, n_lines, n_bytes);
            return Ok(true);
        }
    }
    let (done, acked) = oneshot::channel();
    ctx.sink
        .send(Batch {
            stream,
            lines,
            key,
            done: Some(done),
        })
        .await
        .map_err(|_| WatchError::Internal("the sink has stopped".into()))?;
    match acked.await {
        Ok(Ok(())) => {
            STATS.committed(stream, n_lines, n_bytes);
            Ok(true)
        }
        Ok(Err(reason)) => Err(WatchError::Internal(format!("output failed: {reason}"))),
        Err(_) => Err(WatchError::Internal("the sink has stopped".into())),
    }
}
