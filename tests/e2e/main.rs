//! End-to-end tests of the real `newsdrop` binary. One test binary (so cargo builds it once),
//! one module per area; the harness is in `util`.

// Test harness code outside #[test] functions may panic on setup failures: that is a test failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod util;

/// The command line: extract, check-config, --help/--version.
mod cli;
/// Issue 3: the whole life of a file, and bad input.
mod lifecycle;
/// Issue 11: publishing to NATS JetStream (needs `nats-server`; skips without it).
#[cfg(feature = "nats")]
mod nats;
/// Issue 8: bursts, overflow, partial writes, moves, restarts, shutdown, a vanished inbox.
mod pickup;
/// Issue 17: pathological pages, time budgets and files that crash the daemon.
mod poison;
/// Records match schema/article.v1.json and schema/failure.v1.json.
mod schema;
/// Issue 9: systemd notify and watchdog, JSON logs, metrics, install.sh.
mod service;
/// Issue 7: exactly once across crashes, rotation, a full disk.
mod sink;
