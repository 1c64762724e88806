//! Errors of the daemon. Per-file problems never reach here: they become failure records.
//! What does reach here is fatal and ends the process with a non-zero exit.

use std::path::PathBuf;

/// A fatal daemon error.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// The configuration could not be loaded or is invalid.
    #[error("config: {0}")]
    Config(String),
    /// A directory could not be created or used.
    #[error("directory {path}: {source}")]
    Dir {
        /// The directory.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The filesystem watch could not be set up or was lost.
    #[error("watch {path}: {reason}")]
    Watch {
        /// The watched folder.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The output could not be written: data is at risk.
    #[error(transparent)]
    Sink(#[from] newsdrop_sink::SinkError),
    /// The sink's queue or a batch's acknowledgement is gone: the writer stopped without
    /// saying why (its own error, if any, is reported when its thread is joined).
    #[error("sink: the writer has stopped")]
    SinkGone,
    /// A `[sink.nats]` setting cannot work.
    #[error("config: {0}")]
    NatsConfig(#[from] newsdrop_sink::NatsConfigError),
    /// The NATS client could not be set up (`sink.nats.url`, `sink.nats.credentials`). A
    /// publish only ever ends early when stop is requested, which workers handle themselves.
    #[error("config: {0}")]
    Nats(#[from] newsdrop_sink::NatsError),
    /// A user resource (taxonomy, dictionary) is invalid.
    #[error("resource: {0}")]
    Resource(String),
    /// A file could not be moved out of the inbox.
    #[error("dispose {path}: {source}")]
    Dispose {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A task of the daemon stopped unexpectedly.
    #[error("internal: {0}")]
    Internal(String),
}

impl WatchError {
    /// The process exit code for this error (sysexits where one fits).
    pub fn exit_code(&self) -> u8 {
        match self {
            WatchError::Config(_)
            | WatchError::NatsConfig(_)
            | WatchError::Nats(_)
            | WatchError::Resource(_) => 78,
            WatchError::Sink(_) | WatchError::SinkGone | WatchError::Dispose { .. } => 74,
            WatchError::Dir { .. } | WatchError::Watch { .. } => 72,
            WatchError::Internal(_) => 70,
        }
    }
}
