//! Why output could not be written. Every variant is fatal for the daemon.

use std::path::PathBuf;

/// An output file could not be opened, written or synced.
#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    /// Opening or repairing the file failed.
    #[error("sink: open {path}: {source}")]
    Open {
        /// The output file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Appending failed.
    #[error("sink: write {path}: {source}")]
    Write {
        /// The output file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// fdatasync failed: the data may not be durable.
    #[error("sink: fsync {path}: {source}")]
    Sync {
        /// The output file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A value could not be serialized as one JSON line.
    #[error("sink: encode: {0}")]
    Encode(String),
    /// The writer stopped before acknowledging (it failed earlier).
    #[error("sink: writer has stopped")]
    Gone,
}
