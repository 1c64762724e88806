//! Workers: read a complete file, extract on the blocking pool, hand the lines to the outputs
//! (NATS JetStream when enabled, then the JSONL sink), wait until they are stored, then dispose
//! of the file. A bad file becomes a failure record;
//! only a sink that cannot write is fatal.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use newsdrop_core::{
    ArticleRecord, ExtractError, Extractor, FailureRecord, FailureSource, Input, Step,
};
use newsdrop_sink::{Batch, FsyncPolicy, NatsError, NatsPublisher, Stream};
use tokio::sync::{oneshot, watch};

use crate::dispose::{self, ErrorSidecar};
use crate::in_flight::InFlight;
use crate::journal::{Journal, Verdict};
use crate::settings::{OnSuccess, Settings};
use crate::stats::STATS;
use crate::{WatchError, now_rfc3339};

/// What one file produced.
#[derive(Debug)]
pub enum Outcome {
    /// One record per article.
    Records(Vec<ArticleRecord>),
    /// The file could not be processed.
    Failed(Failure),
}

/// A file that could not be processed: the step it failed at (for the sidecar and the log) and
/// its failure record, whose `step` is that step's name.
#[derive(Debug)]
pub struct Failure {
    /// Where it failed.
    pub step: Step,
    /// The record for the failures output.
    pub record: FailureRecord,
}

impl Failure {
    /// The failure of `source` at `step`, stamped now. `error` is the whole message, which
    /// by convention starts with `<path>: <step>: `.
    pub fn new(step: Step, source: FailureSource, error: String) -> Failure {
        Failure {
            step,
            record: FailureRecord::new(source, step, error, now_rfc3339()),
        }
    }
}

/// Extracts one file's bytes; more than `max_file_bytes` of them (`watch.max_file_bytes`) fail
/// at the sniff step without being extracted, and a panic inside extraction becomes a failure
/// record.
pub fn extract_file(
    path: &str,
    bytes: &[u8],
    extractor: &Extractor,
    max_file_bytes: u64,
) -> Outcome {
    let source = || FailureSource {
        path: path.to_string(),
        sha256: Some(newsdrop_core::sha256_hex(bytes)),
        bytes: Some(bytes.len() as u64),
    };
    if bytes.len() as u64 > max_file_bytes {
        let too_large = ExtractError::TooLarge {
            source_name: path.to_string(),
            step: Step::Sniff,
            bytes: bytes.len() as u64,
            limit: max_file_bytes,
        };
        return Outcome::Failed(Failure::new(
            too_large.step(),
            source(),
            too_large.to_string(),
        ));
    }
    let ingested_at = now_rfc3339();
    let input = Input {
        path,
        bytes,
        ingested_at: &ingested_at,
    };
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        newsdrop_core::extract(&input, extractor)
    }));
    match result {
        Ok(Ok(records)) => Outcome::Records(records),
        Ok(Err(e)) => Outcome::Failed(Failure::new(e.step(), source(), e.to_string())),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            let step = Step::Extract;
            Outcome::Failed(Failure::new(
                step,
                source(),
                format!("{path}: {step}: extractor panicked: {what}"),
            ))
        }
    }
}

/// What a worker needs to know of the settings, taken from them once at startup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerConfig {
    /// `watch.inbox` (absolute): disposal keeps a file's sub-folder path below it.
    pub inbox: PathBuf,
    /// `watch.processed_dir` (absolute).
    pub processed_dir: PathBuf,
    /// `watch.failed_dir` (absolute).
    pub failed_dir: PathBuf,
    /// `watch.on_success`.
    pub on_success: OnSuccess,
    /// `watch.read_attempts`.
    pub read_attempts: u32,
    /// `watch.extract_timeout_ms`.
    pub extract_timeout: Duration,
    /// Whether the outputs are synced (`sink.fsync` is not `never`), and so the folders of
    /// moved files too.
    pub durable: bool,
    /// `sink.nats.only`: NATS is the only output, nothing goes to the JSONL sink.
    pub nats_only: bool,
    /// How many files one worker may have waiting for their outputs (see [`commit_depth`]).
    pub commit_depth: usize,
}

impl WorkerConfig {
    /// The worker's part of `settings`, whose paths must already be absolute.
    pub fn new(settings: &Settings) -> WorkerConfig {
        let watch = &settings.watch;
        WorkerConfig {
            inbox: watch.inbox.clone(),
            processed_dir: watch.processed_dir.clone(),
            failed_dir: watch.failed_dir.clone(),
            on_success: watch.on_success,
            read_attempts: watch.read_attempts,
            extract_timeout: Duration::from_millis(watch.extract_timeout_ms),
            durable: settings.sink.fsync != FsyncPolicy::Never,
            nats_only: settings.sink.nats.enabled && settings.sink.nats.only,
            commit_depth: commit_depth(settings.worker_count()),
        }
    }
}

/// What every worker shares.
#[derive(Debug)]
pub struct WorkerContext {
    /// The worker's settings.
    pub config: WorkerConfig,
    /// What the blocking extraction task needs (and nothing that keeps the outputs open).
    pub extraction: Arc<Extraction>,
    /// Queue into the sink.
    pub sink: async_channel::Sender<Batch>,
    /// The NATS JetStream output, when enabled.
    pub nats: Option<Arc<NatsPublisher>>,
    /// Paths in flight.
    pub in_flight: InFlight,
}

/// What the blocking read-and-extract task holds. It owns no sink sender on purpose: an
/// extraction abandoned past its time budget runs on in its thread, and must not keep the
/// sink (and so the shutdown) waiting for it.
#[derive(Debug)]
pub struct Extraction {
    /// The shared extractor.
    pub extractor: Extractor,
    /// Which files are being extracted, and which crashed the daemon before.
    pub journal: Journal,
    /// `watch.max_file_bytes`.
    pub max_file_bytes: u64,
}

/// Files one worker has extracted and handed to the outputs but not yet disposed of. While
/// they wait for their lines to be stored (a group fsync, a NATS acknowledgement), the worker
/// goes on extracting the next file; at this many it waits for one to finish first.
const COMMITS_PER_WORKER: usize = 32;

/// At most this many files are stored but not yet disposed of, over all workers: the crash
/// window, which the sink's ledger must cover with room to spare.
const COMMITS_IN_FLIGHT: usize = newsdrop_sink::ledger::KEEP_KEYS / 2;

/// How many files one worker may have waiting for their outputs, for `workers` workers.
fn commit_depth(workers: usize) -> usize {
    (COMMITS_IN_FLIGHT / workers.max(1)).clamp(1, COMMITS_PER_WORKER)
}

/// One worker: takes paths until the queue closes or shutdown is requested, then waits for
/// the files it has in hand to be stored and disposed of.
pub async fn run(
    ctx: Arc<WorkerContext>,
    paths: async_channel::Receiver<PathBuf>,
    mut shutdown: watch::Receiver<bool>,
) -> Result<(), WatchError> {
    let mut committing = tokio::task::JoinSet::new();
    let depth = ctx.config.commit_depth;
    let result = async {
        loop {
            while let Some(done) = committing.try_join_next() {
                joined(done)?;
            }
            if committing.len() >= depth
                && let Some(done) = committing.join_next().await
            {
                joined(done)?;
            }
            if *shutdown.borrow() {
                return Ok(());
            }
            let path = tokio::select! {
                biased;
                _ = shutdown.changed() => return Ok(()),
                Some(done) = committing.join_next() => {
                    joined(done)?;
                    continue;
                }
                received = paths.recv() => match received {
                    Ok(path) => path,
                    Err(_) => return Ok(()),
                },
            };
            STATS.file_started();
            match prepare(&ctx, &path, &shutdown).await {
                Ok(Some(prepared)) => {
                    let ctx = Arc::clone(&ctx);
                    committing.spawn(async move {
                        let result = finish(&ctx, &path, prepared).await;
                        ctx.in_flight.remove(&path);
                        result
                    });
                }
                Ok(None) => ctx.in_flight.remove(&path),
                Err(e) => {
                    ctx.in_flight.remove(&path);
                    return Err(e);
                }
            }
        }
    }
    .await;
    // Whatever ended the loop, the files already extracted are stored and disposed of (or, on
    // a fatal error, left in the inbox by their own failing commit).
    while let Some(done) = committing.join_next().await {
        if let Err(e) = joined(done)
            && result.is_ok()
        {
            return Err(e);
        }
    }
    result
}

/// The result of one commit task; a panic there is fatal, like any other internal error.
fn joined(done: Result<Result<(), WatchError>, tokio::task::JoinError>) -> Result<(), WatchError> {
    done.map_err(|e| WatchError::Internal(format!("commit task failed: {e}")))?
}

/// A file read and extracted, with its lines ready for the outputs.
struct Prepared {
    /// One serialized line per record.
    lines: Vec<Vec<u8>>,
    /// The record ids (NATS message ids).
    ids: Vec<String>,
    /// The sink ledger key.
    key: Option<String>,
    /// Set for a failure (for the sidecar); its record's line goes to the failures output.
    failure: Option<Failure>,
    /// Read attempts it took.
    attempts: u32,
}

/// What the blocking part of one attempt gives: the file could not be read, or the lines.
enum Attempt {
    Unreadable(std::io::Error),
    Ready(Box<Result<Prepared, WatchError>>),
}

/// Reads and extracts one file. A file that vanished, or was replaced by a symlink, before it
/// could be read is logged and skipped (None); one that cannot be read yet (permission denied)
/// is retried with backoff, and left in the inbox if shutdown comes first (None).
///
/// Read, extraction, serialization and the ledger key are one blocking task: one hop to the
/// blocking pool per file.
async fn prepare(
    ctx: &Arc<WorkerContext>,
    path: &Path,
    shutdown: &watch::Receiver<bool>,
) -> Result<Option<Prepared>, WatchError> {
    let config = &ctx.config;
    let path_str = path.to_string_lossy().into_owned();
    let mut attempts = 0u32;
    loop {
        attempts += 1;
        let task_ctx = Arc::clone(&ctx.extraction);
        let task_path = path.to_path_buf();
        let name = path_str.clone();
        let task = tokio::task::spawn_blocking(move || {
            match read_limited(&task_path, task_ctx.max_file_bytes) {
                Err(e) if retryable(&e) => Attempt::Unreadable(e),
                read => {
                    Attempt::Ready(Box::new(prepare_blocking(&task_ctx, &name, read, attempts)))
                }
            }
        });
        let budget = config.extract_timeout;
        let Ok(attempt) = tokio::time::timeout(budget, task).await else {
            // The blocking thread cannot be stopped; it runs on, and its result is dropped.
            // If it ever takes the process down, the journal blames this file.
            let budget_ms = u64::try_from(budget.as_millis()).unwrap_or(u64::MAX);
            tracing::warn!(path = %path.display(), budget_ms, "extraction exceeded its time budget; the file fails");
            let reason = format!(
                "extraction took longer than the time budget of {budget_ms} ms (watch.extract_timeout_ms)"
            );
            return unread(&path_str, Step::Extract, &reason, attempts).map(Some);
        };
        let e = match attempt {
            Ok(Attempt::Ready(prepared)) => return prepared.map(Some),
            Ok(Attempt::Unreadable(e)) => e,
            Err(join_error) => {
                // Not reached in practice: extraction panics are caught inside the task.
                let reason = format!("worker task failed: {join_error}");
                return unread(&path_str, Step::Extract, &reason, attempts).map(Some);
            }
        };
        if e.kind() == std::io::ErrorKind::NotFound {
            tracing::info!(path = %path.display(), "file disappeared before it was read; skipped");
            return Ok(None);
        }
        if e.raw_os_error() == Some(libc::ELOOP) {
            tracing::warn!(path = %path.display(), "replaced by a symlink before it was read; not followed, left in place");
            return Ok(None);
        }
        if attempts >= config.read_attempts {
            return unread(&path_str, Step::Read, &e.to_string(), attempts).map(Some);
        }
        let backoff = Duration::from_millis(100 * 2u64.pow(attempts.min(8)));
        tracing::debug!(path = %path.display(), attempts, "cannot read yet, retrying");
        let mut stop = shutdown.clone();
        tokio::select! {
            _ = tokio::time::sleep(backoff) => {}
            _ = stop.wait_for(|stop| *stop) => {
                tracing::info!(path = %path.display(), "shutdown while waiting to read; left in the inbox");
                return Ok(None);
            }
        }
    }
}

/// Read errors that are not the file's fault, or not yet: the file is gone, replaced by a
/// symlink, or not readable yet. Any other read error becomes a failure record at once.
fn retryable(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::NotFound
        || e.kind() == std::io::ErrorKind::PermissionDenied
        || e.raw_os_error() == Some(libc::ELOOP)
}

/// The blocking part of [`prepare`] once the read is settled: extraction and serialization.
fn prepare_blocking(
    ctx: &Extraction,
    path_str: &str,
    read: std::io::Result<Vec<u8>>,
    attempts: u32,
) -> Result<Prepared, WatchError> {
    let bytes = match read {
        Ok(bytes) => bytes,
        Err(e) => return unread(path_str, Step::Read, &e.to_string(), attempts),
    };
    let path = Path::new(path_str);
    let outcome = match ctx.journal.begin(path)? {
        Verdict::Poisoned(crashes) => poisoned(path_str, &bytes, crashes),
        Verdict::Extract => {
            let started = std::time::Instant::now();
            let outcome = extract_file(path_str, &bytes, &ctx.extractor, ctx.max_file_bytes);
            STATS.observe_extraction(started.elapsed());
            ctx.journal.end(path)?;
            outcome
        }
    };
    match outcome {
        Outcome::Records(records) => {
            let lines = records
                .iter()
                .map(newsdrop_sink::to_line)
                .collect::<Result<Vec<_>, _>>()?;
            let ids = records.iter().map(|r| r.id.clone()).collect();
            let key = records
                .first()
                .and_then(|r| ledger_key(&r.source.sha256, path_str));
            Ok(Prepared {
                lines,
                ids,
                key,
                failure: None,
                attempts,
            })
        }
        Outcome::Failed(failure) => failed(failure, path_str, attempts),
    }
}

/// The failure record of a file that took the daemon down `crashes` times: it is not
/// extracted again.
fn poisoned(path_str: &str, bytes: &[u8], crashes: u32) -> Outcome {
    tracing::error!(
        path = path_str,
        crashes,
        "file crashed the daemon before; not extracted again"
    );
    let step = Step::Extract;
    Outcome::Failed(Failure::new(
        step,
        FailureSource {
            path: path_str.to_string(),
            sha256: Some(newsdrop_core::sha256_hex(bytes)),
            bytes: Some(bytes.len() as u64),
        },
        format!(
            "{path_str}: {step}: crashed the daemon {crashes} times (watch.max_crashes); not extracted again"
        ),
    ))
}

/// The failure record of a file whose bytes were never had (so no hash or size), ready for
/// the failures output.
fn unread(path_str: &str, step: Step, reason: &str, attempts: u32) -> Result<Prepared, WatchError> {
    let source = FailureSource {
        path: path_str.to_string(),
        sha256: None,
        bytes: None,
    };
    let error = format!("{path_str}: {step}: {reason}");
    failed(Failure::new(step, source, error), path_str, attempts)
}

/// A failure record, ready for the failures output.
fn failed(failure: Failure, path_str: &str, attempts: u32) -> Result<Prepared, WatchError> {
    let line = newsdrop_sink::to_line(&failure.record)?;
    let id = failure_id(&failure.record.source);
    let key = failure
        .record
        .source
        .sha256
        .as_deref()
        .and_then(|sha| ledger_key(sha, path_str));
    Ok(Prepared {
        lines: vec![line],
        ids: vec![id],
        key,
        failure: Some(failure),
        attempts,
    })
}

/// Stores a prepared file's lines, then disposes of the file (moved, deleted, or moved to
/// `failed_dir` with its sidecar). The disposal runs on the blocking pool: with durable output
/// it fsyncs the destination folder.
async fn finish(
    ctx: &Arc<WorkerContext>,
    path: &Path,
    prepared: Prepared,
) -> Result<(), WatchError> {
    let path_str = path.to_string_lossy().into_owned();
    let Prepared {
        lines,
        ids,
        key,
        failure,
        attempts,
    } = prepared;
    let n = lines.len();
    let stream = if failure.is_some() {
        Stream::Failures
    } else {
        Stream::Articles
    };
    if let Some(f) = &failure {
        tracing::warn!(path = %path.display(), step = %f.step, error = %f.record.error, "file failed");
    }
    if !commit(ctx, stream, lines, ids, &path_str, key).await? {
        return Ok(());
    }
    let task_ctx = Arc::clone(ctx);
    let task_path = path.to_path_buf();
    let disposed = tokio::task::spawn_blocking(move || {
        let config = &task_ctx.config;
        let durable = config.durable;
        let path = task_path.as_path();
        match &failure {
            None => match config.on_success {
                OnSuccess::Move => {
                    dispose::move_into(path, &config.inbox, &config.processed_dir, durable)
                        .map(drop)
                }
                OnSuccess::Delete => dispose::delete(path, durable),
            },
            Some(failure) => {
                let sidecar = ErrorSidecar {
                    path: &failure.record.source.path,
                    step: failure.step,
                    reason: &failure.record.error,
                    attempts,
                    at: &failure.record.at,
                };
                dispose::fail(path, &config.inbox, &config.failed_dir, &sidecar, durable).map(drop)
            }
        }
    })
    .await
    .map_err(|e| WatchError::Internal(format!("disposal task failed: {e}")))?;
    gone_is_fine(path, disposed)?;
    // A poisoned file is a suspect until it has left the inbox.
    ctx.extraction.journal.forget(path)?;
    if stream == Stream::Failures {
        STATS.file_failed();
    } else {
        STATS.file_processed();
        tracing::debug!(path = %path.display(), records = n, "processed");
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
/// is read. Blocking: called on the blocking pool.
pub(crate) fn read_limited(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let expected = usize::try_from(meta.len().min(limit.saturating_add(1))).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
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
            Err(e) => return Err(e.into()),
        }
        if ctx.config.nats_only {
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
        .map_err(|_| WatchError::SinkGone)?;
    acked.await.map_err(|_| WatchError::SinkGone)??;
    STATS.committed(stream, n_lines, n_bytes);
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_crash_window_stays_inside_the_ledger() {
        for workers in [0, 1, 2, 8, 64, 65, 1000, 5000] {
            let depth = commit_depth(workers);
            assert!(depth >= 1);
            assert!(depth <= COMMITS_PER_WORKER);
            assert!(
                workers <= COMMITS_IN_FLIGHT || depth == 1,
                "{workers} workers"
            );
            if workers <= COMMITS_IN_FLIGHT {
                assert!(workers.max(1) * depth <= newsdrop_sink::ledger::KEEP_KEYS / 2);
            }
        }
        assert_eq!(commit_depth(2), COMMITS_PER_WORKER);
    }

    #[test]
    fn an_oversized_file_fails_at_sniff_unextracted() {
        let extractor = Extractor::new(&newsdrop_core::ExtractConfig::default()).unwrap();
        let Outcome::Failed(failure) = extract_file("/in/big.txt", b"0123456789", &extractor, 4)
        else {
            panic!("an oversized file gave records");
        };
        assert_eq!(failure.step, Step::Sniff);
        assert_eq!(failure.record.step, "sniff");
        assert_eq!(
            failure.record.error,
            "/in/big.txt: sniff: file is 10 bytes, over the limit of 4 bytes"
        );
        assert_eq!(failure.record.source.bytes, Some(10));
        let Outcome::Records(records) =
            extract_file("/in/a.txt", "标题\n\n正文。\n".as_bytes(), &extractor, 100)
        else {
            panic!("a file within the limit failed");
        };
        assert_eq!(records.len(), 1);
    }
}
