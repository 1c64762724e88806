//! End-to-end tests of the real `newsdrop` binary. One test binary, one module per area.

mod util;
