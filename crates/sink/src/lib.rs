//! newsdrop-sink appends serialized records to JSONL files, durably and never torn.
//!
//! One writer thread owns every output file. It takes [`Batch`]es of already-serialized lines
//! from a bounded `async-channel` queue, appends each line whole with `O_APPEND`, makes them
//! durable according to the [`FsyncPolicy`] (group commit in `batch` mode), and only then
//! acknowledges the batch, so the caller can dispose of the input knowing its records are safe.
//!
//! A small ledger in `sink.state_dir` remembers which keyed batches are already in the output,
//! so a file retried after a crash is acknowledged without being written twice (see
//! [`ledger`]). Outputs are reopened on request (SIGHUP after an external rename) and rotated
//! by size between groups, always at a line boundary.
//!
//! It does not know what a record is (it never depends on newsdrop-core), it never rewrites or
//! truncates output except to remove a torn last line or a partial batch left by a crash, and
//! it never reads input files.
//!
//! With the `nats` cargo feature (on by default) it can also publish each line to NATS
//! JetStream ([`NatsPublisher`], `[sink.nats]`).

mod error;
pub mod ledger;
pub mod metrics;
mod nats;
mod repair;
mod writer;

pub use error::SinkError;
pub use ledger::Recovery;
pub use nats::{
    NATS_COUNTERS, NATS_SUPPORTED, NatsConfig, NatsConfigError, NatsCounters, NatsError,
    NatsPublisher, NatsStats,
};
pub use writer::{
    Ack, Batch, FsyncPolicy, SinkConfig, SinkControl, SinkHandle, SinkStats, Stream, spawn, to_line,
};
