//! End-to-end tests of the real `newsdrop` binary. One test binary (so cargo builds it once),
//! one module per area; the harness is in `util`.

mod util;

/// The command line: extract, check-config, --help/--version.
mod cli;
/// Issue 3: the whole life of a file, and bad input.
mod lifecycle;
