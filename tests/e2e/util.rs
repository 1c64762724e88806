//! Test harness: temp directories and a running daemon.
