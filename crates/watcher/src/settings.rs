//! The one typed configuration: built-in `config/default.toml`, then `--config FILE`, then
//! `NEWSDROP__SECTION__KEY` environment variables. Unknown keys and bad values are errors that
//! name the key.
//!
//! Each key has one owner: the watcher's own sections (`[watch]`, `[log]`, `[metrics]`) are
//! defined here, `[sink]` by newsdrop-sink and `[extract]` by newsdrop-core; this module only
//! composes them. Every default is in `config/default.toml`, the lowest layer; the library
//! crates' `Default` impls must agree with it (tested below).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use config::{Config, Environment, File, FileFormat};
use newsdrop_core::ExtractConfig;
use newsdrop_sink::SinkConfig;
use serde::{Deserialize, Serialize};

use crate::WatchError;

/// The built-in default configuration.
pub const DEFAULT_TOML: &str = include_str!("../../../config/default.toml");

/// Every setting of the daemon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// `[watch]`: the inbox and what happens to files.
    pub watch: WatchConfig,
    /// `[sink]`: the output files.
    pub sink: SinkConfig,
    /// `[extract]`: extraction tuning.
    pub extract: ExtractConfig,
    /// `[log]`: logging.
    pub log: LogConfig,
    /// `[metrics]`: the optional Prometheus endpoint.
    #[serde(default)]
    pub metrics: MetricsConfig,
}

/// What to do with a file once its records are durable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnSuccess {
    /// Move it to `processed_dir`.
    Move,
    /// Delete it.
    Delete,
}

/// `[watch]` settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WatchConfig {
    /// The watched folder.
    pub inbox: PathBuf,
    /// Where processed files go.
    pub processed_dir: PathBuf,
    /// Where failed files go.
    pub failed_dir: PathBuf,
    /// Move or delete processed files.
    pub on_success: OnSuccess,
    /// Larger files are refused.
    pub max_file_bytes: u64,
    /// Quiet period after which an unclosed file counts as complete.
    pub settle_ms: u64,
    /// Period of the reconciling rescan.
    pub rescan_interval_secs: u64,
    /// Extraction workers; 0 = one per CPU.
    pub workers: usize,
    /// Bounded queue of complete files.
    pub queue_capacity: usize,
    /// Base-name globs never processed.
    pub ignore: Vec<String>,
    /// Drain deadline on SIGTERM.
    pub shutdown_timeout_secs: u64,
    /// Read attempts for files that cannot be read yet.
    pub read_attempts: u32,
    /// Unclean exits while a file was being extracted before it is failed unextracted.
    pub max_crashes: u32,
    /// Time budget of one file's extraction, in milliseconds.
    pub extract_timeout_ms: u64,
}

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// `[log]` settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogConfig {
    /// Level filter (`info`, `debug`, or an EnvFilter directive).
    pub level: String,
    /// Text or JSON.
    pub format: LogFormat,
}

/// `[metrics]` settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MetricsConfig {
    /// `address:port` of the Prometheus endpoint (e.g. `127.0.0.1:9187`); empty = off.
    pub listen: String,
}

impl MetricsConfig {
    /// The address to listen on, `None` when metrics are off.
    pub fn address(&self) -> Result<Option<SocketAddr>, WatchError> {
        let listen = self.listen.trim();
        if listen.is_empty() {
            return Ok(None);
        }
        listen.parse().map(Some).map_err(|_| {
            WatchError::Config(format!(
                "metrics.listen: {listen:?} is not an address:port such as 127.0.0.1:9187"
            ))
        })
    }
}

impl Settings {
    /// Loads the layers: built-in defaults, the optional file, then the environment.
    pub fn load(file: Option<&Path>) -> Result<Settings, WatchError> {
        Self::load_with_env(file, std::env::vars())
    }

    /// As [`Settings::load`], with the environment given explicitly (for tests).
    pub fn load_with_env(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Settings, WatchError> {
        let mut builder =
            Config::builder().add_source(File::from_str(DEFAULT_TOML, FileFormat::Toml));
        if let Some(path) = file {
            if !path.is_file() {
                return Err(WatchError::Config(format!(
                    "config file {} does not exist or is not a file",
                    path.display()
                )));
            }
            builder = builder.add_source(File::from(path).format(FileFormat::Toml).required(true));
        }
        let env_map: std::collections::HashMap<String, String> = env
            .into_iter()
            .filter(|(k, _)| k.starts_with("NEWSDROP__"))
            .collect();
        builder = builder.add_source(
            Environment::with_prefix("NEWSDROP")
                .prefix_separator("__")
                .separator("__")
                .source(Some(env_map)),
        );
        let settings: Settings = builder
            .build()
            .and_then(Config::try_deserialize)
            .map_err(|e| WatchError::Config(e.to_string()))?;
        // Checked as the daemon will use them, so `./data/inbox` and `data/inbox` are one
        // folder; returned as written, which is what `check-config` prints.
        settings.clone().absolute()?.validate()?;
        Ok(settings)
    }

    /// The same settings with every path absolute (relative ones are relative to the working
    /// directory) and `sink.state_dir` resolved (empty means `.newsdrop-state` beside
    /// `sink.path`): the form the daemon runs with and [`Settings::validate`] checks.
    pub fn absolute(mut self) -> Result<Settings, WatchError> {
        fn absolute(key: &str, path: &Path) -> Result<PathBuf, WatchError> {
            std::path::absolute(path)
                .map_err(|e| WatchError::Config(format!("{key}: {:?}: {e}", path.display())))
        }
        self.watch.inbox = absolute("watch.inbox", &self.watch.inbox)?;
        self.watch.processed_dir = absolute("watch.processed_dir", &self.watch.processed_dir)?;
        self.watch.failed_dir = absolute("watch.failed_dir", &self.watch.failed_dir)?;
        self.sink.path = absolute("sink.path", &self.sink.path)?;
        self.sink.failures_path = absolute("sink.failures_path", &self.sink.failures_path)?;
        self.sink.state_dir = absolute("sink.state_dir", &self.sink.effective_state_dir())?;
        Ok(self)
    }

    /// Checks values serde cannot (ranges, relations between keys). Paths are compared as
    /// they are: call it on [`Settings::absolute`] settings, as [`Settings::load`] does.
    pub fn validate(&self) -> Result<(), WatchError> {
        let bad = |key: &str, why: &str| Err(WatchError::Config(format!("{key}: {why}")));
        if self.watch.max_file_bytes == 0 {
            return bad("watch.max_file_bytes", "must be greater than 0");
        }
        if self.watch.queue_capacity == 0 {
            return bad("watch.queue_capacity", "must be greater than 0");
        }
        if self.sink.queue_capacity == 0 {
            return bad("sink.queue_capacity", "must be greater than 0");
        }
        if self.watch.read_attempts == 0 {
            return bad("watch.read_attempts", "must be at least 1");
        }
        if self.watch.max_crashes == 0 {
            return bad("watch.max_crashes", "must be at least 1");
        }
        if self.watch.extract_timeout_ms == 0 {
            return bad("watch.extract_timeout_ms", "must be greater than 0");
        }
        if self.sink.rotate_bytes > 0 && self.sink.keep_files == 0 {
            return bad(
                "sink.keep_files",
                "must be at least 1 when sink.rotate_bytes is set",
            );
        }
        if self.sink.path == self.sink.failures_path {
            return bad("sink.failures_path", "must differ from sink.path");
        }
        if self.watch.processed_dir == self.watch.inbox || self.watch.failed_dir == self.watch.inbox
        {
            return bad(
                "watch.processed_dir",
                "processed_dir and failed_dir must differ from inbox",
            );
        }
        self.sink.nats.validate()?;
        if tracing_subscriber::EnvFilter::try_new(&self.log.level).is_err() {
            return bad("log.level", "not a valid level or filter directive");
        }
        self.metrics.address()?;
        for pattern in &self.watch.ignore {
            if pattern.is_empty() {
                return bad("watch.ignore", "empty pattern");
            }
        }
        Ok(())
    }

    /// The effective configuration as TOML.
    pub fn to_toml(&self) -> Result<String, WatchError> {
        toml::to_string(self).map_err(|e| WatchError::Config(e.to_string()))
    }

    /// Number of workers to run.
    pub fn worker_count(&self) -> usize {
        if self.watch.workers > 0 {
            self.watch.workers
        } else {
            std::thread::available_parallelism().map_or(2, |n| n.get())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn defaults_load() {
        let s = Settings::load_with_env(None, env(&[])).unwrap();
        assert_eq!(s.watch.inbox, PathBuf::from("data/inbox"));
        assert_eq!(s.sink.fsync, newsdrop_sink::FsyncPolicy::Batch);
    }

    #[test]
    fn env_overrides() {
        let s = Settings::load_with_env(
            None,
            env(&[
                ("NEWSDROP__WATCH__INBOX", "/srv/in"),
                ("NEWSDROP__WATCH__SETTLE_MS", "7"),
            ]),
        )
        .unwrap();
        assert_eq!(s.watch.inbox, PathBuf::from("/srv/in"));
        assert_eq!(s.watch.settle_ms, 7);
    }

    #[test]
    fn bad_enum_names_key() {
        let e =
            Settings::load_with_env(None, env(&[("NEWSDROP__LOG__FORMAT", "xml")])).unwrap_err();
        assert!(e.to_string().contains("log.format"), "{e}");
    }

    #[test]
    fn unknown_key_is_error() {
        let e =
            Settings::load_with_env(None, env(&[("NEWSDROP__WATCH__INBOXX", "x")])).unwrap_err();
        assert!(e.to_string().contains("inboxx"), "{e}");
    }

    #[test]
    fn bad_type_names_key() {
        let e = Settings::load_with_env(None, env(&[("NEWSDROP__WATCH__SETTLE_MS", "abc")]))
            .unwrap_err();
        assert!(e.to_string().contains("settle_ms"), "{e}");
    }

    #[test]
    fn paths_are_compared_absolute() {
        let e = Settings::load_with_env(
            None,
            env(&[("NEWSDROP__SINK__FAILURES_PATH", "./data/out/articles.jsonl")]),
        )
        .unwrap_err();
        assert!(e.to_string().contains("sink.failures_path"), "{e}");
        let e = Settings::load_with_env(
            None,
            env(&[("NEWSDROP__WATCH__FAILED_DIR", "./data/inbox/")]),
        )
        .unwrap_err();
        assert!(e.to_string().contains("failed_dir"), "{e}");
        let s = Settings::load_with_env(None, env(&[])).unwrap();
        assert_eq!(
            s.watch.inbox,
            PathBuf::from("data/inbox"),
            "returned as written"
        );
        let abs = s.absolute().unwrap();
        assert!(abs.watch.inbox.is_absolute());
        assert!(abs.sink.state_dir.ends_with("data/out/.newsdrop-state"));
    }

    #[test]
    fn library_defaults_agree_with_default_toml() {
        let s = Settings::load_with_env(None, env(&[])).unwrap();
        assert_eq!(s.sink, SinkConfig::default());
        assert_eq!(s.extract, ExtractConfig::default());
        assert_eq!(s.metrics, MetricsConfig::default());
    }

    #[test]
    fn printed_config_loads_back() {
        let s = Settings::load_with_env(None, env(&[])).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.toml");
        std::fs::write(&p, s.to_toml().unwrap()).unwrap();
        assert_eq!(Settings::load_with_env(Some(&p), env(&[])).unwrap(), s);
    }

    #[test]
    fn address_is_optional_and_checked() {
        assert_eq!(MetricsConfig::default().address().unwrap(), None);
        let on = MetricsConfig {
            listen: "127.0.0.1:9187".into(),
        };
        assert_eq!(
            on.address().unwrap(),
            Some("127.0.0.1:9187".parse().unwrap())
        );
        let bad = MetricsConfig {
            listen: "localhost".into(),
        };
        assert!(
            bad.address()
                .unwrap_err()
                .to_string()
                .contains("metrics.listen")
        );
    }
}
