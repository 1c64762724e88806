//! The command line: `run`, `extract`, `check-config`. Maps errors to exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::settings::Settings;
use crate::worker::{Failure, Outcome, extract_file};
use crate::{WatchError, daemon, logging};

/// newsdrop turns Chinese news pages dropped into a folder into JSON lines.
#[derive(Debug, Parser)]
#[command(name = "newsdrop", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the daemon: process the inbox, then every file that arrives, until SIGTERM.
    Run {
        /// A TOML file overriding the built-in defaults (NEWSDROP__SECTION__KEY overrides both).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Extract files once and print their records as JSON lines (failures on stderr).
    ///
    /// Nothing is moved. A directory means its regular files, sorted by name. Exits 1 when any
    /// file failed.
    Extract {
        /// A TOML file overriding the built-in defaults.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Files or directories.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print the effective configuration as TOML (exit 0), or what is wrong with it (exit 78).
    CheckConfig {
        /// A TOML file overriding the built-in defaults.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::CheckConfig { config } => check_config(config.as_deref()),
        Command::Extract { config, paths } => match extract(config.as_deref(), &paths) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(e) => report(&e),
        },
        Command::Run { config } => match run(config.as_deref()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => report(&e),
        },
    }
}

fn report(error: &anyhow::Error) -> ExitCode {
    let code = error
        .downcast_ref::<WatchError>()
        .map_or(1, WatchError::exit_code);
    tracing::error!("{error:#}");
    eprintln!("newsdrop: {error:#}");
    ExitCode::from(code)
}

fn check_config(file: Option<&Path>) -> ExitCode {
    match Settings::load(file).and_then(|s| s.to_toml()) {
        Ok(text) => {
            println!(
                "# effective newsdrop configuration (defaults < --config file < NEWSDROP__SECTION__KEY)"
            );
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("newsdrop: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(file: Option<&Path>) -> anyhow::Result<()> {
    let settings = Settings::load(file)?;
    logging::init(&settings.log);
    tracing::info!(version = env!("CARGO_PKG_VERSION"), inbox = %settings.watch.inbox.display(), output = %settings.sink.path.display(), "starting");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    // The handlers are installed now, before the extractor is built: a SIGTERM during a slow
    // start is a clean stop, not a kill.
    let stop = {
        let _entered = runtime.enter();
        stop_signal()
    };
    let result = runtime.block_on(daemon::run(settings, stop));
    // Everything the daemon waits for has ended; what may still run on the blocking pool is an
    // extraction abandoned past its time budget, which must not hold the exit.
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
    result?;
    Ok(())
}

/// Installs the SIGTERM and SIGINT handlers (inside the runtime) and returns a future that
/// resolves on either.
fn stop_signal() -> impl std::future::Future<Output = ()> {
    use tokio::signal::unix::{SignalKind, signal};
    let handlers = (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    );
    async move {
        match handlers {
            (Ok(mut term), Ok(mut int)) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = int.recv() => {}
                }
            }
            _ => {
                tracing::error!("cannot install signal handlers; stop with SIGKILL");
                std::future::pending::<()>().await;
            }
        }
    }
}

/// The files a PATH argument stands for.
fn expand(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        Ok(files)
    } else {
        Ok(vec![path.to_path_buf()])
    }
}

fn extract(file: Option<&Path>, paths: &[PathBuf]) -> anyhow::Result<bool> {
    let settings = Settings::load(file)?;
    logging::init(&settings.log);
    let extractor = daemon::build_extractor(&settings.extract)?;
    let max_file_bytes = settings.watch.max_file_bytes;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut all_ok = true;
    for arg in paths {
        let files = expand(arg).with_context(|| format!("cannot list {}", arg.display()))?;
        for path in files {
            let absolute = std::path::absolute(&path).unwrap_or(path.clone());
            let name = absolute.to_string_lossy().into_owned();
            let outcome = match std::fs::read(&path) {
                Ok(bytes) => extract_file(&name, &bytes, &extractor, max_file_bytes),
                Err(e) => {
                    let step = newsdrop_core::Step::Read;
                    Outcome::Failed(Failure::new(
                        step,
                        newsdrop_core::FailureSource {
                            path: name.clone(),
                            sha256: None,
                            bytes: None,
                        },
                        format!("{name}: {step}: {e}"),
                    ))
                }
            };
            match outcome {
                Outcome::Records(records) => {
                    for record in &records {
                        out.write_all(&newsdrop_sink::to_line(record)?)?;
                    }
                }
                Outcome::Failed(failure) => {
                    all_ok = false;
                    let line = newsdrop_sink::to_line(&failure.record)?;
                    std::io::stderr().write_all(&line)?;
                }
            }
        }
    }
    out.flush()?;
    Ok(all_ok)
}
