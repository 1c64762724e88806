//! The `newsdrop` binary: parses the command line and hands over to the library.

fn main() -> std::process::ExitCode {
    newsdrop_watcher::cli::main()
}
