//! Logging to stderr: text for terminals (colour only on a TTY), JSON for machines. RUST_LOG
//! overrides `log.level`. Panics are logged through tracing before the default hook runs.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

use crate::settings::{LogConfig, LogFormat};

/// Installs the global subscriber and the panic hook. Safe to call once per process.
pub fn init(config: &LogConfig) {
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(&config.level))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let ansi = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false);
    let _ = match config.format {
        LogFormat::Text => builder.with_ansi(ansi).try_init(),
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(false)
            .try_init(),
    };
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let location = info.location();
        tracing::error!(
            panic.file = location.map(|l| l.file()),
            panic.line = location.map(|l| l.line()),
            "panic: {info}"
        );
        default_hook(info);
    }));
}
