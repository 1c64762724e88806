//! newsdrop-watcher is the daemon and the command line of newsdrop.
//!
//! It watches the inbox (startup scan, notify events, periodic reconcile), waits until each
//! file is complete, reads it, runs `newsdrop_core::extract` on the blocking pool, hands the
//! records to the `newsdrop_sink` writer and, once they are durable, moves the file out of the
//! inbox. It owns configuration, logging, signals and process exit codes. It does not extract
//! (that is newsdrop-core) and does not write output files (that is newsdrop-sink).
//!
//! The wiring of the whole daemon is in [`daemon::run`].

pub mod cli;
pub mod daemon;
pub mod discover;
pub mod dispose;
pub mod error;
pub mod in_flight;
pub mod journal;
pub mod logging;
pub mod metrics;
pub mod settings;
pub mod stats;
pub mod systemd;
pub mod worker;

pub use error::WatchError;
pub use settings::Settings;

/// The time now, RFC 3339 with the local offset and milliseconds.
pub fn now_rfc3339() -> String {
    chrono::Local::now()
        .format("%Y-%m-%dT%H:%M:%S%.3f%:z")
        .to_string()
}
