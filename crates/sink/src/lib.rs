//! newsdrop-sink appends serialized records to JSONL files, durably and never torn.
//!
//! One writer thread owns every output file. It takes [`Batch`]es of already-serialized lines
//! from a bounded `async-channel` queue, appends each line whole with `O_APPEND`, makes them
//! durable according to the [`FsyncPolicy`] (group commit in `batch` mode), and only then
//! acknowledges the batch, so the caller can dispose of the input knowing its records are safe.
//!
//! It does not know what a record is (it never depends on newsdrop-core), it never rewrites or
//! truncates output except to remove a torn last line left by a crash, and it never reads
//! input files.
//!
//! With the `nats` cargo feature (on by default) it can also publish each line to NATS
//! JetStream ([`NatsPublisher`], `[sink.nats]`).

mod error;
pub mod metrics;
mod nats;
mod writer;

pub use error::SinkError;
pub use nats::{
    NATS_COUNTERS, NATS_SUPPORTED, NatsConfig, NatsCounters, NatsError, NatsPublisher, NatsStats,
};
pub use writer::{Batch, FsyncPolicy, SinkConfig, SinkHandle, SinkStats, Stream, spawn, to_line};
