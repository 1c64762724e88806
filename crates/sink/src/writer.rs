//! The writer thread: group commit of whole lines, then acknowledgement.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::sync::oneshot;

use crate::SinkError;

/// When appended lines are forced to disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FsyncPolicy {
    /// One fdatasync per batch (per input file).
    Always,
    /// Group commit: every batch already queued is written, then one fdatasync covers them all.
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
    /// In `batch` mode, the longest a written line waits for its fdatasync.
    pub fsync_interval_ms: u64,
    /// Batches that may wait for the writer before producers block.
    pub queue_capacity: usize,
    /// `[sink.nats]`: the NATS JetStream output.
    pub nats: crate::NatsConfig,
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
        }
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

/// The lines of one input file, acknowledged together once durable.
#[derive(Debug)]
pub struct Batch {
    /// Where the lines go.
    pub stream: Stream,
    /// Serialized records, each one whole line ending in `\n` (see [`to_line`]).
    pub lines: Vec<Vec<u8>>,
    /// Told `Ok` once the lines are written and synced per policy.
    pub done: Option<oneshot::Sender<Result<(), String>>>,
}

/// Counters returned when the writer stops.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SinkStats {
    /// Lines appended.
    pub lines: u64,
    /// Bytes appended.
    pub bytes: u64,
    /// fdatasync calls.
    pub syncs: u64,
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
        let open_err = |source| SinkError::Open {
            path: path.to_path_buf(),
            source,
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(open_err)?;
        }
        repair_torn_tail(path).map_err(open_err)?;
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

    fn append(&mut self, bytes: &[u8]) -> Result<(), SinkError> {
        self.file
            .write_all(bytes)
            .map_err(|source| SinkError::Write {
                path: self.path.clone(),
                source,
            })?;
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
            source,
        })?;
        crate::metrics::FSYNC_SECONDS.observe(started.elapsed());
        self.dirty = false;
        Ok(true)
    }
}

/// Removes bytes after the last `\n` (a line torn by a crash). Returns how many were dropped.
fn repair_torn_tail(path: &Path) -> std::io::Result<u64> {
    let mut file = match OpenOptions::new().read(true).write(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let len = file.metadata()?.len();
    if len == 0 {
        return Ok(0);
    }
    let mut keep = len;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let start = keep.saturating_sub(buf.len() as u64);
        let n = (keep - start) as usize;
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(&mut buf[..n])?;
        if let Some(pos) = buf[..n].iter().rposition(|&b| b == b'\n') {
            keep = start + pos as u64 + 1;
            break;
        }
        if start == 0 {
            keep = 0;
            break;
        }
        keep = start;
    }
    let dropped = len - keep;
    if dropped > 0 {
        file.set_len(keep)?;
        file.sync_all()?;
        tracing::warn!(path = %path.display(), dropped_bytes = dropped, "removed a torn last line left by an earlier crash");
    }
    Ok(dropped)
}

/// A running writer: send batches to `sender`, join `thread` after dropping every sender.
#[derive(Debug)]
pub struct SinkHandle {
    /// Queue into the writer.
    pub sender: async_channel::Sender<Batch>,
    /// The writer thread; returns its counters, or the fatal error that stopped it.
    pub thread: std::thread::JoinHandle<Result<SinkStats, SinkError>>,
}

/// Opens (and repairs) the outputs, then starts the writer thread.
pub fn spawn(config: &SinkConfig) -> Result<SinkHandle, SinkError> {
    let articles = Output::open(&config.path)?;
    let failures = Output::open(&config.failures_path)?;
    let (sender, receiver) = async_channel::bounded(config.queue_capacity.max(1));
    let policy = config.fsync;
    let interval = Duration::from_millis(config.fsync_interval_ms);
    let thread = std::thread::Builder::new()
        .name("newsdrop-sink".into())
        .spawn(move || run(receiver, articles, failures, policy, interval))
        .map_err(|source| SinkError::Open {
            path: config.path.clone(),
            source,
        })?;
    Ok(SinkHandle { sender, thread })
}

fn run(
    receiver: async_channel::Receiver<Batch>,
    mut articles: Output,
    mut failures: Output,
    policy: FsyncPolicy,
    _interval: Duration,
) -> Result<SinkStats, SinkError> {
    let mut stats = SinkStats::default();
    while let Ok(first) = receiver.recv_blocking() {
        let mut pending = vec![first];
        if policy == FsyncPolicy::Batch {
            while let Ok(more) = receiver.try_recv() {
                pending.push(more);
            }
        }
        let result = (|| {
            for batch in &pending {
                let out = match batch.stream {
                    Stream::Articles => &mut articles,
                    Stream::Failures => &mut failures,
                };
                let joined: Vec<u8> = batch.lines.concat();
                out.append(&joined)?;
                stats.lines += batch.lines.len() as u64;
                stats.bytes += joined.len() as u64;
            }
            if policy != FsyncPolicy::Never {
                stats.syncs += u64::from(articles.sync()?) + u64::from(failures.sync()?);
            }
            Ok::<(), SinkError>(())
        })();
        match result {
            Ok(()) => {
                for batch in pending {
                    if let Some(done) = batch.done {
                        let _ = done.send(Ok(()));
                    }
                }
            }
            Err(e) => {
                for batch in pending {
                    if let Some(done) = batch.done {
                        let _ = done.send(Err(e.to_string()));
                    }
                }
                return Err(e);
            }
        }
    }
    articles.sync()?;
    failures.sync()?;
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn torn_tail_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.jsonl");
        std::fs::write(&p, b"{\"a\":1}\n{\"b\":").unwrap();
        assert_eq!(repair_torn_tail(&p).unwrap(), 5);
        assert_eq!(std::fs::read(&p).unwrap(), b"{\"a\":1}\n");
    }

    #[test]
    fn line_has_one_newline_at_end() {
        let line = to_line(&serde_json::json!({"t": "a\nb"})).unwrap();
        assert_eq!(line.iter().filter(|&&b| b == b'\n').count(), 1);
        assert_eq!(line.last(), Some(&b'\n'));
    }
}
