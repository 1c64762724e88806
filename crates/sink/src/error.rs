//! Why output could not be written. Every variant is fatal for the daemon.
//!
//! A [`SinkError`] is `Clone` (its I/O causes are shared behind an `Arc`): when a group write
//! fails, every batch of the group and every batch still queued is acknowledged with the same
//! error, and the writer thread returns it too.

use std::path::PathBuf;
use std::sync::Arc;

/// An output file could not be opened, written or synced.
#[derive(Debug, Clone, thiserror::Error)]
pub enum SinkError {
    /// Opening or repairing the file failed.
    #[error("sink: open {path}: {source}")]
    Open {
        /// The output file.
        path: PathBuf,
        /// The cause.
        source: Arc<std::io::Error>,
    },
    /// Appending failed.
    #[error("sink: write {path}: {source}")]
    Write {
        /// The output file.
        path: PathBuf,
        /// The cause.
        source: Arc<std::io::Error>,
    },
    /// fdatasync failed: the data may not be durable.
    #[error("sink: fsync {path}: {source}")]
    Sync {
        /// The output file.
        path: PathBuf,
        /// The cause.
        source: Arc<std::io::Error>,
    },
    /// A value could not be serialized as one JSON line.
    #[error("sink: encode: {0}")]
    Encode(String),
    /// Lines were sent to a sink that has no JSONL output (`sink.nats.only`).
    #[error("sink.nats.only: there is no JSONL output")]
    NoOutput,
}
