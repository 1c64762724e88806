//! The writer thread: group commit of whole lines (intent in the ledger, lines in the output,
//! fdatasync, commit marker), then acknowledgement; reopen on request and size rotation
//! between groups, so a rotation always falls on a line boundary.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tokio::sync::oneshot;

use crate::SinkError;
use crate::ledger::{Entry, Ledger, Recovery};
use crate::repair::repair_torn_tail;

/// When appended lines are forced to disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FsyncPolicy {
    /// One fdatasync per batch (per input file).
    Always,
    /// Group commit: at most one group (write and fdatasync) per `fsync_interval_ms`.
    Batch,
    /// Never sync; the kernel writes back when it likes. A power cut can lose acknowledged lines.
    Never,
}

/// `[sink]` settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SinkConfig {
    /// Article records.
    pub path: PathBuf,
    /// Failure records.
    pub failures_path: PathBuf,
    /// Durability policy.
    pub fsync: FsyncPolicy,
    /// In `batch` mode, the shortest time between two groups (each one write and one
    /// fdatasync): a busy writer gathers this long's batches into one group, an idle one
    /// writes the first batch at once.
    pub fsync_interval_ms: u64,
    /// Batches that may wait for the writer before producers block.
    pub queue_capacity: usize,
    /// `[sink.nats]`: the NATS JetStream output.
    pub nats: crate::NatsConfig,
    /// Where the ledger of finished work lives; empty means `.newsdrop-state` next to `path`.
    pub state_dir: PathBuf,
    /// Built-in size rotation: once an output reaches this many bytes it is renamed to
    /// `<path>.1` (older ones shift to `.2` …) and a new file is started. 0 turns it off.
    pub rotate_bytes: u64,
    /// How many rotated files are kept (`<path>.1` … `<path>.N`).
    pub keep_files: u32,
}

impl Default for SinkConfig {
    fn default() -> Self {
        SinkConfig {
            path: PathBuf::from("data/out/articles.jsonl"),
            failures_path: PathBuf::from("data/out/failures.jsonl"),
            fsync: FsyncPolicy::Batch,
            fsync_interval_ms: 10,
            queue_capacity: 256,
            nats: crate::NatsConfig::default(),
            state_dir: PathBuf::new(),
            rotate_bytes: 0,
            keep_files: 5,
        }
    }
}

impl SinkConfig {
    /// The state directory in effect (`state_dir`, or `.newsdrop-state` beside `path`).
    pub fn effective_state_dir(&self) -> PathBuf {
        if !self.state_dir.as_os_str().is_empty() {
            return self.state_dir.clone();
        }
        self.path
            .parent()
            .unwrap_or(Path::new(""))
            .join(".newsdrop-state")
    }
}

/// Which output file a batch goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// `sink.path`.
    Articles,
    /// `sink.failures_path`.
    Failures,
}

impl Stream {
    fn index(self) -> usize {
        match self {
            Stream::Articles => 0,
            Stream::Failures => 1,
        }
    }
}

/// The lines of one input file, acknowledged together once durable.
#[derive(Debug)]
pub struct Batch {
    /// Where the lines go.
    pub stream: Stream,
    /// Serialized records, each one whole line ending in `\n` (see [`to_line`]).
    pub lines: Vec<Vec<u8>>,
    /// Identifies the input (e.g. its content hash and path). When the ledger says a batch
    /// with this key is already in the output, nothing is written and the batch is
    /// acknowledged `Ok`: this is what makes a retry after a crash write nothing twice.
    pub key: Option<String>,
    /// Told `Ok` once the lines are written and synced per policy, or the error that stopped
    /// the writer.
    pub done: Option<oneshot::Sender<Ack>>,
}

/// The writer's answer to one [`Batch`]: its lines are durable, or the output failed (the same
/// error for every batch of the failed group and every batch still queued).
pub type Ack = Result<(), SinkError>;

/// Counters returned when the writer stops.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SinkStats {
    /// Lines appended.
    pub lines: u64,
    /// Bytes appended.
    pub bytes: u64,
    /// fdatasync calls on the outputs.
    pub syncs: u64,
    /// Batches skipped because the ledger had them already.
    pub skipped: u64,
    /// Reopens (SIGHUP) and rotations.
    pub reopens: u64,
}

/// Serializes `value` as one JSON line ending in `\n`.
pub fn to_line<T: Serialize>(value: &T) -> Result<Vec<u8>, SinkError> {
    let mut line = serde_json::to_vec(value).map_err(|e| SinkError::Encode(e.to_string()))?;
    if line.contains(&b'\n') {
        return Err(SinkError::Encode(
            "serialized value contains a newline".into(),
        ));
    }
    line.push(b'\n');
    Ok(line)
}

struct Output {
    path: PathBuf,
    file: File,
    dirty: bool,
}

impl Output {
    fn open(path: &Path) -> Result<Self, SinkError> {
        let open_err = |source: std::io::Error| SinkError::Open {
            path: path.to_path_buf(),
            source: source.into(),
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(open_err)?;
        }
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(open_err)?;
        Ok(Output {
            path: path.to_path_buf(),
            file,
            dirty: false,
        })
    }

    /// (device, inode, length) of the open file.
    fn identity(&self) -> Result<(u64, u64, u64), SinkError> {
        let m = self.file.metadata().map_err(|source| SinkError::Write {
            path: self.path.clone(),
            source: source.into(),
        })?;
        Ok((m.dev(), m.ino(), m.len()))
    }

    /// Appends `bytes` whole, or fails; a failed write's partial bytes are cut off again
    /// (best effort) so no torn line stays behind for readers.
    fn append(&mut self, bytes: &[u8], start: u64) -> Result<(), SinkError> {
        if bytes.is_empty() {
            return Ok(());
        }
        if let Err(source) = self.file.write_all(bytes) {
            if let Err(e) = self.file.set_len(start) {
                tracing::warn!(path = %self.path.display(), error = %e, "cannot cut a partial write; startup repair will");
            }
            return Err(SinkError::Write {
                path: self.path.clone(),
                source: source.into(),
            });
        }
        self.dirty = true;
        Ok(())
    }

    fn sync(&mut self) -> Result<bool, SinkError> {
        if !self.dirty {
            return Ok(false);
        }
        let started = std::time::Instant::now();
        self.file.sync_data().map_err(|source| SinkError::Sync {
            path: self.path.clone(),
            source: source.into(),
        })?;
        crate::metrics::FSYNC_SECONDS.observe(started.elapsed());
        self.dirty = false;
        Ok(true)
    }

    /// Syncs what was written, then opens `path` afresh (after an external rename).
    fn reopen(&mut self) -> Result<(), SinkError> {
        self.sync()?;
        repair_torn_tail(&self.path).map_err(|source| SinkError::Open {
            path: self.path.clone(),
            source: source.into(),
        })?;
        *self = Output::open(&self.path)?;
        Ok(())
    }

    /// Renames the file to `<path>.1` (shifting older ones, dropping `.keep+1`) and reopens.
    fn rotate(&mut self, keep: u32) -> Result<(), SinkError> {
        self.sync()?;
        let (dev, ino, _) = self.identity()?;
        let still_ours = std::fs::metadata(&self.path)
            .map(|m| (m.dev(), m.ino()) == (dev, ino))
            .unwrap_or(false);
        if !still_ours {
            // Renamed away by someone else (logrotate) meanwhile: their rotation stands.
            return self.reopen();
        }
        let path = self.path.clone();
        let numbered = |n: u32| {
            let mut name = path.as_os_str().to_os_string();
            name.push(format!(".{n}"));
            PathBuf::from(name)
        };
        let err = |source: std::io::Error| SinkError::Open {
            path: path.clone(),
            source: source.into(),
        };
        for n in (1..keep.max(1)).rev() {
            match std::fs::rename(numbered(n), numbered(n + 1)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(err(e)),
            }
        }
        match std::fs::rename(&path, numbered(1)) {
            Ok(()) => {}
            // Renamed away by someone else just now: their rotation stands.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return self.reopen(),
            Err(e) => return Err(err(e)),
        }
        *self = Output::open(&path)?;
        if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            File::open(dir).and_then(|d| d.sync_all()).map_err(err)?;
        }
        tracing::info!(path = %path.display(), rotated_to = %numbered(1).display(), "rotated output");
        Ok(())
    }
}

/// Asks a running writer to reopen its outputs (what SIGHUP does). Cheap to clone; does not
/// keep the writer alive.
#[derive(Debug, Clone)]
pub struct SinkControl {
    reopen: Arc<AtomicBool>,
    wake: async_channel::WeakSender<Batch>,
}

impl SinkControl {
    /// Reopens `sink.path` and `sink.failures_path` before the next write (and wakes the
    /// writer so an idle one does it now). Use after renaming the outputs away.
    pub fn reopen(&self) {
        self.reopen.store(true, Ordering::SeqCst);
        if let Some(sender) = self.wake.upgrade() {
            let _ = sender.try_send(Batch {
                stream: Stream::Articles,
                lines: Vec::new(),
                key: None,
                done: None,
            });
        }
    }
}

/// A running writer: send batches to `sender`, join `thread` after dropping every sender.
#[derive(Debug)]
pub struct SinkHandle {
    /// Queue into the writer.
    pub sender: async_channel::Sender<Batch>,
    /// Reopen requests.
    pub control: SinkControl,
    /// What startup recovery found.
    pub recovery: Recovery,
    /// The writer thread; returns its counters, or the fatal error that stopped it.
    pub thread: std::thread::JoinHandle<Result<SinkStats, SinkError>>,
}

/// Repairs the outputs, settles the ledger, opens everything, then starts the writer thread.
/// With `sink.nats.only` (NATS the only output) nothing is opened or created: see
/// [`spawn_unused`].
pub fn spawn(config: &SinkConfig) -> Result<SinkHandle, SinkError> {
    if config.nats.enabled && config.nats.only {
        return spawn_unused(config);
    }
    for path in [&config.path, &config.failures_path] {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| SinkError::Open {
                path: path.clone(),
                source: source.into(),
            })?;
        }
        repair_torn_tail(path).map_err(|source| SinkError::Open {
            path: path.clone(),
            source: source.into(),
        })?;
    }
    let articles = Output::open(&config.path)?;
    let failures = Output::open(&config.failures_path)?;
    let (ledger, recovery) = Ledger::open(
        &config.effective_state_dir(),
        &[&config.path, &config.failures_path],
        config.fsync != FsyncPolicy::Never,
    )?;
    if recovery.confirmed + recovery.rolled_back > 0 {
        tracing::info!(
            confirmed = recovery.confirmed,
            rolled_back = recovery.rolled_back,
            cut_bytes = recovery.cut_bytes,
            ledger = %ledger.path().display(),
            "settled the batches in flight at the last stop"
        );
    }
    let (sender, receiver) = async_channel::bounded(config.queue_capacity.max(1));
    let reopen = Arc::new(AtomicBool::new(false));
    let control = SinkControl {
        reopen: Arc::clone(&reopen),
        wake: sender.downgrade(),
    };
    let writer = Writer {
        outputs: [articles, failures],
        ledger,
        policy: config.fsync,
        interval: Duration::from_millis(config.fsync_interval_ms),
        rotate_bytes: config.rotate_bytes,
        keep_files: config.keep_files,
        reopen,
        stats: SinkStats::default(),
    };
    start(config, sender, control, recovery, move || {
        writer.run(receiver)
    })
}

/// Starts the writer thread running `body` and returns the handle to it.
fn start(
    config: &SinkConfig,
    sender: async_channel::Sender<Batch>,
    control: SinkControl,
    recovery: Recovery,
    body: impl FnOnce() -> Result<SinkStats, SinkError> + Send + 'static,
) -> Result<SinkHandle, SinkError> {
    let thread = std::thread::Builder::new()
        .name("newsdrop-sink".into())
        .spawn(body)
        .map_err(|source| SinkError::Open {
            path: config.path.clone(),
            source: source.into(),
        })?;
    Ok(SinkHandle {
        sender,
        control,
        recovery,
        thread,
    })
}

/// The writer of a daemon whose only output is NATS: no file, folder or ledger is created.
/// The daemon never sends it lines; any that came would be refused (an error acknowledgement,
/// so the file stays in the inbox), never dropped. Wake-ups (empty batches) are ignored.
fn spawn_unused(config: &SinkConfig) -> Result<SinkHandle, SinkError> {
    let (sender, receiver) = async_channel::bounded::<Batch>(config.queue_capacity.max(1));
    let control = SinkControl {
        reopen: Arc::new(AtomicBool::new(false)),
        wake: sender.downgrade(),
    };
    start(config, sender, control, Recovery::default(), move || {
        while let Ok(batch) = receiver.recv_blocking() {
            if let Some(done) = batch.done {
                let _ = done.send(if batch.lines.is_empty() {
                    Ok(())
                } else {
                    Err(SinkError::NoOutput)
                });
            }
        }
        Ok(SinkStats::default())
    })
}

/// Closes the queue and fails every batch still in it, so no producer waits forever for an
/// acknowledgement from a writer that has stopped.
fn fail_queued(receiver: &async_channel::Receiver<Batch>, error: SinkError) -> SinkError {
    receiver.close();
    while let Ok(batch) = receiver.try_recv() {
        if let Some(done) = batch.done {
            let _ = done.send(Err(error.clone()));
        }
    }
    error
}

/// Most batches taken into one group.
const MAX_GROUP: usize = 1024;

struct Writer {
    outputs: [Output; 2],
    ledger: Ledger,
    policy: FsyncPolicy,
    interval: Duration,
    rotate_bytes: u64,
    keep_files: u32,
    reopen: Arc<AtomicBool>,
    stats: SinkStats,
}

impl Writer {
    fn run(mut self, receiver: async_channel::Receiver<Batch>) -> Result<SinkStats, SinkError> {
        // In batch mode a group starts at most one interval after the previous one: an idle
        // writer syncs the first batch at once, a busy one gathers an interval's worth of
        // batches under one fdatasync (instead of one or two files per sync when the disk is
        // fast and the groups would otherwise be whatever arrived during the last sync).
        let mut last_group: Option<Instant> = None;
        while let Ok(first) = receiver.recv_blocking() {
            let mut group = vec![first];
            if self.policy == FsyncPolicy::Batch
                && let Some(wait) = last_group
                    .map(|at| (at + self.interval).saturating_duration_since(Instant::now()))
                    .filter(|wait| !wait.is_zero())
            {
                std::thread::sleep(wait);
            }
            if self.policy != FsyncPolicy::Always {
                while group.len() < MAX_GROUP {
                    match receiver.try_recv() {
                        Ok(more) => group.push(more),
                        Err(_) => break,
                    }
                }
            }
            last_group = Some(Instant::now());
            let result = self.maybe_reopen().and_then(|()| self.write_group(&group));
            match result {
                Ok(()) => {
                    for batch in group {
                        if let Some(done) = batch.done {
                            let _ = done.send(Ok(()));
                        }
                    }
                }
                Err(e) => {
                    tracing::error!(error = %e, "output cannot be written; stopping");
                    for batch in group {
                        if let Some(done) = batch.done {
                            let _ = done.send(Err(e.clone()));
                        }
                    }
                    return Err(fail_queued(&receiver, e));
                }
            }
            if let Err(e) = self.maybe_rotate() {
                tracing::error!(error = %e, "output cannot be rotated; stopping");
                return Err(fail_queued(&receiver, e));
            }
        }
        for out in &mut self.outputs {
            out.sync()?;
        }
        Ok(self.stats)
    }

    fn maybe_reopen(&mut self) -> Result<(), SinkError> {
        if self.reopen.swap(false, Ordering::SeqCst) {
            for out in &mut self.outputs {
                out.reopen()?;
                tracing::info!(path = %out.path.display(), "reopened output");
            }
            self.stats.reopens += 1;
        }
        Ok(())
    }

    fn maybe_rotate(&mut self) -> Result<(), SinkError> {
        if self.rotate_bytes == 0 {
            return Ok(());
        }
        for out in &mut self.outputs {
            if out.identity()?.2 >= self.rotate_bytes {
                out.rotate(self.keep_files)?;
                self.stats.reopens += 1;
            }
        }
        Ok(())
    }

    /// Ledger intents, the lines (one write per output), fdatasync per policy, commit marker.
    fn write_group(&mut self, group: &[Batch]) -> Result<(), SinkError> {
        let mut seen: HashSet<&str> = HashSet::new();
        let mut bufs: [Vec<u8>; 2] = [Vec::new(), Vec::new()];
        let mut ids = [(0u64, 0u64, 0u64); 2];
        for (i, out) in self.outputs.iter().enumerate() {
            ids[i] = out.identity()?;
        }
        let mut intents = Vec::new();
        let mut lines = 0u64;
        for batch in group {
            if batch.lines.is_empty() {
                continue;
            }
            if let Some(key) = batch.key.as_deref()
                && (self.ledger.contains(key) || !seen.insert(key))
            {
                tracing::info!(key, "records already in the output; not written again");
                self.stats.skipped += 1;
                continue;
            }
            let s = batch.stream.index();
            let (dev, ino, len) = ids[s];
            let start = len + bufs[s].len() as u64;
            for line in &batch.lines {
                bufs[s].extend_from_slice(line);
            }
            lines += batch.lines.len() as u64;
            if let Some(key) = &batch.key {
                intents.push(Entry::Intent {
                    k: key.clone(),
                    out: u8::from(s == 1),
                    dev,
                    ino,
                    start,
                    end: len + bufs[s].len() as u64,
                });
            }
        }
        if bufs.iter().all(Vec::is_empty) {
            return Ok(());
        }
        self.ledger.begin(&intents)?;
        for (i, out) in self.outputs.iter_mut().enumerate() {
            out.append(&bufs[i], ids[i].2)?;
        }
        if self.policy != FsyncPolicy::Never {
            for out in &mut self.outputs {
                self.stats.syncs += u64::from(out.sync()?);
            }
        }
        self.ledger.commit(intents)?;
        self.stats.lines += lines;
        self.stats.bytes += bufs.iter().map(|b| b.len() as u64).sum::<u64>();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(dir: &Path) -> SinkConfig {
        SinkConfig {
            path: dir.join("out/a.jsonl"),
            failures_path: dir.join("out/f.jsonl"),
            ..SinkConfig::default()
        }
    }

    /// Queues one article line; the receiver gets the writer's acknowledgement.
    async fn queue(handle: &SinkHandle, key: Option<&str>, line: &str) -> oneshot::Receiver<Ack> {
        let (tx, rx) = oneshot::channel();
        handle
            .sender
            .send(Batch {
                stream: Stream::Articles,
                lines: vec![format!("{line}\n").into_bytes()],
                key: key.map(str::to_string),
                done: Some(tx),
            })
            .await
            .unwrap();
        rx
    }

    async fn send(handle: &SinkHandle, key: Option<&str>, line: &str) {
        queue(handle, key, line).await.await.unwrap().unwrap();
    }

    #[test]
    fn line_has_one_newline_at_end() {
        let line = to_line(&serde_json::json!({"t": "a\nb"})).unwrap();
        assert_eq!(line.iter().filter(|&&b| b == b'\n').count(), 1);
        assert_eq!(line.last(), Some(&b'\n'));
    }

    #[test]
    fn state_dir_defaults_next_to_output() {
        let c = SinkConfig::default();
        assert_eq!(
            c.effective_state_dir(),
            PathBuf::from("data/out/.newsdrop-state")
        );
    }

    #[tokio::test]
    async fn batch_mode_syncs_a_busy_stream_once_per_interval() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = SinkConfig {
            fsync_interval_ms: 400,
            ..config(dir.path())
        };
        let handle = spawn(&cfg).unwrap();
        // Ten files finishing 5 ms apart: the first is synced at once, the other nine wait
        // for the interval to pass and share one fdatasync (one each before group pacing).
        let mut acks = Vec::new();
        for n in 0..10 {
            let line = format!("{{\"n\":{n}}}");
            acks.push(queue(&handle, Some(&format!("k{n}")), &line).await);
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        for rx in acks {
            rx.await.unwrap().unwrap();
        }
        drop(handle.sender);
        let stats = handle.thread.join().unwrap().unwrap();
        assert_eq!(stats.lines, 10);
        // Two groups; a third only if this machine stalled the sender past the interval.
        assert!((2..=3).contains(&stats.syncs), "{} syncs", stats.syncs);
    }

    #[tokio::test]
    async fn nats_only_creates_no_file_and_refuses_lines() {
        let dir = tempfile::tempdir().unwrap();
        let mut cfg = config(dir.path());
        cfg.nats.enabled = true;
        cfg.nats.only = true;
        let handle = spawn(&cfg).unwrap();
        let rx = queue(&handle, None, "{}").await;
        assert!(matches!(rx.await.unwrap(), Err(SinkError::NoOutput)));
        handle.control.reopen();
        drop(handle.sender);
        handle.thread.join().unwrap().unwrap();
        assert!(
            !dir.path().join("out").exists(),
            "only = true created the output folder"
        );
    }

    #[tokio::test]
    async fn a_committed_key_is_not_written_again_after_restart() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = config(dir.path());
        let handle = spawn(&cfg).unwrap();
        send(&handle, Some("k1"), "{\"n\":1}").await;
        send(&handle, Some("k1"), "{\"n\":1}").await;
        drop(handle.sender);
        let stats = handle.thread.join().unwrap().unwrap();
        assert_eq!((stats.lines, stats.skipped), (1, 1));

        let handle = spawn(&cfg).unwrap();
        send(&handle, Some("k1"), "{\"n\":1}").await;
        send(&handle, Some("k2"), "{\"n\":2}").await;
        send(&handle, None, "{\"n\":3}").await;
        drop(handle.sender);
        handle.thread.join().unwrap().unwrap();
        assert_eq!(
            std::fs::read_to_string(&cfg.path).unwrap(),
            "{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n"
        );
    }

    #[tokio::test]
    async fn reopen_and_size_rotation_keep_every_line_once() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = SinkConfig {
            rotate_bytes: 30,
            keep_files: 100,
            ..config(dir.path())
        };
        let handle = spawn(&cfg).unwrap();
        for i in 0..20 {
            send(&handle, Some(&format!("k{i}")), &format!("{{\"n\":{i}}}")).await;
            if i == 7 {
                let mut moved = cfg.path.as_os_str().to_os_string();
                moved.push(".hup");
                std::fs::rename(&cfg.path, &moved).unwrap();
                handle.control.reopen();
            }
        }
        drop(handle.sender);
        handle.thread.join().unwrap().unwrap();
        let mut all = Vec::new();
        for entry in std::fs::read_dir(dir.path().join("out")).unwrap() {
            let p = entry.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with("a.jsonl") {
                let text = std::fs::read_to_string(&p).unwrap();
                assert!(text.is_empty() || text.ends_with('\n'));
                for line in text.lines() {
                    let v: serde_json::Value = serde_json::from_str(line).unwrap();
                    all.push(v["n"].as_u64().unwrap());
                }
            }
        }
        all.sort_unstable();
        assert_eq!(all, (0..20).collect::<Vec<u64>>());
        assert!(dir.path().join("out/a.jsonl.1").is_file());
        assert!(dir.path().join("out/a.jsonl.hup").is_file());
    }

    #[test]
    fn output_path_that_is_a_directory_fails_to_open() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = config(dir.path());
        std::fs::create_dir_all(&cfg.path).unwrap();
        let err = spawn(&cfg).unwrap_err();
        assert!(err.to_string().contains("a.jsonl"), "{err}");
    }
}
