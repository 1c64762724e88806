//! The NATS JetStream output: `[sink.nats]` settings, and a publisher that sends every line of
//! a batch with `Nats-Msg-Id` set and waits until JetStream has stored each one.
//!
//! The settings always exist (so one configuration file works for every build); the publisher
//! needs the `nats` cargo feature. A build without it has a stand-in whose `connect` refuses.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

/// Whether this build can publish to NATS (the `nats` cargo feature).
pub const NATS_SUPPORTED: bool = cfg!(feature = "nats");

/// `[sink.nats]` settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct NatsConfig {
    /// Publish records to NATS JetStream.
    pub enabled: bool,
    /// NATS is the only output: no JSONL lines are written.
    pub only: bool,
    /// Server URL(s), comma-separated.
    pub url: String,
    /// The JetStream stream; created when missing.
    pub stream: String,
    /// Subjects of the stream when newsdrop creates it.
    pub stream_subjects: Vec<String>,
    /// Subject of article records.
    pub subject: String,
    /// Subject of failure records.
    pub failures_subject: String,
    /// A `.creds` file (JWT and NKey seed); none by default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credentials: Option<PathBuf>,
    /// Duplicate window of the stream when newsdrop creates it: a repeat of a `Nats-Msg-Id`
    /// within it is dropped by the server.
    pub duplicate_window_secs: u64,
    /// How long one publish waits for the server's acknowledgement.
    pub ack_timeout_ms: u64,
    /// First pause after a failed publish; doubled after each further failure.
    pub retry_initial_ms: u64,
    /// Longest pause between publish attempts.
    pub retry_max_ms: u64,
}

impl Default for NatsConfig {
    fn default() -> Self {
        NatsConfig {
            enabled: false,
            only: false,
            url: "nats://127.0.0.1:4222".into(),
            stream: "NEWSDROP".into(),
            stream_subjects: vec!["newsdrop.>".into()],
            subject: "newsdrop.articles".into(),
            failures_subject: "newsdrop.failures".into(),
            credentials: None,
            duplicate_window_secs: 3600,
            ack_timeout_ms: 5000,
            retry_initial_ms: 250,
            retry_max_ms: 10_000,
        }
    }
}

impl NatsConfig {
    /// Checks values serde cannot; the error names the key.
    pub fn validate(&self) -> Result<(), NatsConfigError> {
        if !self.enabled {
            if self.only {
                return Err(NatsConfigError::OnlyWithoutEnabled);
            }
            return Ok(());
        }
        if !NATS_SUPPORTED {
            return Err(NatsConfigError::Unsupported);
        }
        let subject_ok = |s: &str| {
            !s.is_empty()
                && !s.contains([' ', '\t', '*', '>'])
                && s.split('.').all(|t| !t.is_empty())
        };
        if self.url.trim().is_empty() {
            return Err(NatsConfigError::EmptyUrl);
        }
        if self.stream.is_empty() || self.stream.contains([' ', '.', '*', '>', '/', '\\']) {
            return Err(NatsConfigError::BadStream);
        }
        if self.stream_subjects.is_empty() {
            return Err(NatsConfigError::NoStreamSubjects);
        }
        for (key, s) in [
            ("sink.nats.subject", &self.subject),
            ("sink.nats.failures_subject", &self.failures_subject),
        ] {
            if !subject_ok(s) {
                return Err(NatsConfigError::BadSubject {
                    key,
                    subject: s.clone(),
                });
            }
        }
        if self.ack_timeout_ms == 0 {
            return Err(NatsConfigError::ZeroAckTimeout);
        }
        if self.retry_initial_ms == 0 || self.retry_max_ms < self.retry_initial_ms {
            return Err(NatsConfigError::BadRetry);
        }
        Ok(())
    }
}

/// A `[sink.nats]` setting that cannot work. The message starts with the key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NatsConfigError {
    /// `only = true` without `enabled = true`.
    #[error("sink.nats.only: needs sink.nats.enabled = true")]
    OnlyWithoutEnabled,
    /// `enabled = true` in a build without the `nats` cargo feature.
    #[error("sink.nats.enabled: this build has no NATS support (cargo feature `nats`)")]
    Unsupported,
    /// No server URL.
    #[error("sink.nats.url: empty")]
    EmptyUrl,
    /// The stream name is empty or holds a character JetStream refuses.
    #[error("sink.nats.stream: must be a name without spaces, '.', '*', '>' or slashes")]
    BadStream,
    /// The stream would have no subjects.
    #[error("sink.nats.stream_subjects: at least one subject")]
    NoStreamSubjects,
    /// A subject records are published to is not a plain subject.
    #[error("{key}: {subject:?} is not a valid subject")]
    BadSubject {
        /// `sink.nats.subject` or `sink.nats.failures_subject`.
        key: &'static str,
        /// The value.
        subject: String,
    },
    /// A publish could never be acknowledged in time.
    #[error("sink.nats.ack_timeout_ms: must be greater than 0")]
    ZeroAckTimeout,
    /// The backoff starts at zero or above its own maximum.
    #[error("sink.nats.retry_initial_ms: must be > 0 and not above retry_max_ms")]
    BadRetry,
}

/// Why records could not be published.
#[derive(Debug, thiserror::Error)]
pub enum NatsError {
    /// The credentials file (`sink.nats.credentials`) could not be read.
    #[error("nats: sink.nats.credentials: {}: {source}", path.display())]
    Credentials {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The client could not be set up for `sink.nats.url` (a malformed URL, say; an
    /// unreachable server is not an error, publishing retries until it answers).
    #[error("nats: sink.nats.url {url:?}: {reason}")]
    Connect {
        /// The configured URL(s).
        url: String,
        /// The client's reason.
        reason: String,
    },
    /// This build has no NATS client (cargo feature `nats`).
    #[error("nats: this build has no NATS support (cargo feature `nats`)")]
    Unsupported,
    /// Stop was requested while the broker was failing: the records were not all stored, the
    /// input stays in the inbox.
    #[error("nats: stopped before the server acknowledged every record")]
    Stopped,
}

/// Counters and health of the publisher, for logs, STATUS= and metrics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NatsStats {
    /// Records stored by the server as new.
    pub published: u64,
    /// Records the server dropped as duplicates of an earlier `Nats-Msg-Id`.
    pub duplicates: u64,
    /// Publish attempts that failed and were retried.
    pub failed_attempts: u64,
    /// False from a failed attempt until the next success.
    pub healthy: bool,
}

/// Process-wide counters of the NATS output, read by `STATUS=` and the metrics endpoint.
#[derive(Debug)]
pub struct NatsCounters {
    enabled: AtomicBool,
    published: AtomicU64,
    duplicates: AtomicU64,
    failed_attempts: AtomicU64,
    failing: AtomicBool,
}

/// The counters of this process's NATS output.
pub static NATS_COUNTERS: NatsCounters = NatsCounters {
    enabled: AtomicBool::new(false),
    published: AtomicU64::new(0),
    duplicates: AtomicU64::new(0),
    failed_attempts: AtomicU64::new(0),
    failing: AtomicBool::new(false),
};

impl NatsCounters {
    /// The counters, or `None` when no publisher was started.
    pub fn snapshot(&self) -> Option<NatsStats> {
        self.enabled.load(Ordering::Relaxed).then(|| NatsStats {
            published: self.published.load(Ordering::Relaxed),
            duplicates: self.duplicates.load(Ordering::Relaxed),
            failed_attempts: self.failed_attempts.load(Ordering::Relaxed),
            healthy: !self.failing.load(Ordering::Relaxed),
        })
    }

    /// Whether a publish is failing right now (waiting for the broker, not stuck).
    pub fn waiting_for_broker(&self) -> bool {
        self.enabled.load(Ordering::Relaxed) && self.failing.load(Ordering::Relaxed)
    }

    #[cfg_attr(not(feature = "nats"), allow(dead_code))]
    fn succeeded(&self, new: u64, dup: u64) -> bool {
        self.published.fetch_add(new, Ordering::Relaxed);
        self.duplicates.fetch_add(dup, Ordering::Relaxed);
        self.failing.swap(false, Ordering::Relaxed)
    }

    #[cfg_attr(not(feature = "nats"), allow(dead_code))]
    fn failed(&self) {
        self.failed_attempts.fetch_add(1, Ordering::Relaxed);
        self.failing.store(true, Ordering::Relaxed);
    }
}

#[cfg(feature = "nats")]
pub use client::NatsPublisher;
#[cfg(not(feature = "nats"))]
pub use stand_in::NatsPublisher;

#[cfg(feature = "nats")]
mod client {
    use std::sync::atomic::Ordering;
    use std::time::Duration;

    use async_nats::jetstream::{self, stream};
    use tokio::sync::watch;

    use super::{NATS_COUNTERS, NatsConfig, NatsError, NatsStats};
    use crate::Stream;

    /// A JetStream publisher shared by every worker.
    #[derive(Debug)]
    pub struct NatsPublisher {
        config: NatsConfig,
        js: jetstream::Context,
        /// Held while the stream is being checked; true once it is known to exist.
        stream_ready: tokio::sync::Mutex<bool>,
        stop: watch::Receiver<bool>,
    }

    impl NatsPublisher {
        /// Sets up the client. Returns at once even when the server is unreachable: the
        /// client connects in the background and [`NatsPublisher::publish`] retries until it
        /// does. When `stop` turns true, a publish that is failing gives up.
        pub async fn connect(
            config: &NatsConfig,
            stop: watch::Receiver<bool>,
        ) -> Result<Self, NatsError> {
            let mut options = async_nats::ConnectOptions::new()
                .name(concat!("newsdrop/", env!("CARGO_PKG_VERSION")))
                .retry_on_initial_connect()
                .max_reconnects(None)
                .connection_timeout(Duration::from_millis(config.ack_timeout_ms))
                .event_callback(|event| async move {
                    match event {
                        async_nats::Event::Connected => tracing::info!("nats: connected"),
                        async_nats::Event::Disconnected => {
                            tracing::warn!("nats: disconnected; reconnecting")
                        }
                        other => tracing::debug!(event = %other, "nats: client event"),
                    }
                });
            if let Some(path) = &config.credentials {
                options = options.credentials_file(path).await.map_err(|source| {
                    NatsError::Credentials {
                        path: path.clone(),
                        source,
                    }
                })?;
            }
            let client =
                options
                    .connect(config.url.as_str())
                    .await
                    .map_err(|e| NatsError::Connect {
                        url: config.url.clone(),
                        reason: e.to_string(),
                    })?;
            let js = jetstream::ContextBuilder::new()
                .timeout(Duration::from_millis(config.ack_timeout_ms))
                .build(client);
            let publisher = NatsPublisher {
                config: config.clone(),
                js,
                stream_ready: tokio::sync::Mutex::new(false),
                stop,
            };
            NATS_COUNTERS.enabled.store(true, Ordering::Relaxed);
            Ok(publisher)
        }

        /// The subject `stream` publishes to.
        pub fn subject(&self, stream: Stream) -> &str {
            match stream {
                Stream::Articles => &self.config.subject,
                Stream::Failures => &self.config.failures_subject,
            }
        }

        /// Counters so far.
        pub fn stats(&self) -> NatsStats {
            NATS_COUNTERS.snapshot().unwrap_or_default()
        }

        /// Publishes `(id, line)` pairs (one input's records) and returns once the server has
        /// acknowledged every one. A failed attempt is retried whole, with backoff, until it
        /// succeeds; the ids make repeats harmless. Gives up only when stop is requested.
        /// `what` names the input in logs.
        pub async fn publish(
            &self,
            stream: Stream,
            messages: &[(String, Vec<u8>)],
            what: &str,
        ) -> Result<(), NatsError> {
            let subject = self.subject(stream);
            let mut stop = self.stop.clone();
            let mut attempt = 0u32;
            let mut pause = Duration::from_millis(self.config.retry_initial_ms);
            let max_pause = Duration::from_millis(self.config.retry_max_ms);
            loop {
                attempt += 1;
                match self.try_publish(subject, messages).await {
                    Ok((new, dup)) => {
                        let was_failing = NATS_COUNTERS.succeeded(new, dup);
                        if was_failing || attempt > 1 {
                            tracing::info!(input = what, attempt, "nats: publishing works again");
                        }
                        if dup > 0 {
                            tracing::debug!(
                                input = what,
                                duplicates = dup,
                                "nats: server dropped repeats"
                            );
                        }
                        return Ok(());
                    }
                    Err(reason) => {
                        NATS_COUNTERS.failed();
                        tracing::warn!(
                            input = what,
                            attempt,
                            retry_in_ms = pause.as_millis() as u64,
                            error = %reason,
                            "nats: publish failed; the file stays in the inbox and is retried"
                        );
                    }
                }
                if *stop.borrow() {
                    return Err(NatsError::Stopped);
                }
                tokio::select! {
                    _ = tokio::time::sleep(pause) => {}
                    _ = stop.changed() => return Err(NatsError::Stopped),
                }
                pause = (pause * 2).min(max_pause);
            }
        }

        /// One attempt: make sure the stream exists, send every message, await every ack.
        /// Returns how many were stored new and how many were duplicates.
        async fn try_publish(
            &self,
            subject: &str,
            messages: &[(String, Vec<u8>)],
        ) -> Result<(u64, u64), String> {
            self.ensure_stream().await?;
            let mut acks = Vec::with_capacity(messages.len());
            for (id, line) in messages {
                let mut headers = async_nats::HeaderMap::new();
                headers.insert("Nats-Msg-Id", id.as_str());
                let payload = line.strip_suffix(b"\n").unwrap_or(line).to_vec();
                let ack = self
                    .js
                    .publish_with_headers(subject.to_string(), headers, payload.into())
                    .await
                    .map_err(|e| format!("send: {e}"))?;
                acks.push(ack);
            }
            let (mut new, mut dup) = (0u64, 0u64);
            for ack in acks {
                match ack.await {
                    Ok(ack) if ack.duplicate => dup += 1,
                    Ok(_) => new += 1,
                    Err(e) => {
                        if e.kind() == jetstream::context::PublishErrorKind::StreamNotFound {
                            *self.stream_ready.lock().await = false;
                        }
                        return Err(format!("ack: {e}"));
                    }
                }
            }
            Ok((new, dup))
        }

        /// Creates the stream when it does not exist (once; again after "no stream" errors).
        async fn ensure_stream(&self) -> Result<(), String> {
            let mut ready = self.stream_ready.lock().await;
            if *ready {
                return Ok(());
            }
            let config = stream::Config {
                name: self.config.stream.clone(),
                subjects: self.config.stream_subjects.clone(),
                duplicate_window: Duration::from_secs(self.config.duplicate_window_secs),
                ..Default::default()
            };
            let mut stream = self
                .js
                .get_or_create_stream(config)
                .await
                .map_err(|e| format!("stream {}: {e}", self.config.stream))?;
            if let Ok(info) = stream.info().await {
                tracing::info!(
                    stream = %info.config.name,
                    subjects = ?info.config.subjects,
                    duplicate_window_secs = info.config.duplicate_window.as_secs(),
                    messages = info.state.messages,
                    "nats: stream ready"
                );
            }
            *ready = true;
            Ok(())
        }
    }
}

#[cfg(not(feature = "nats"))]
mod stand_in {
    use tokio::sync::watch;

    use super::{NatsConfig, NatsError, NatsStats};
    use crate::Stream;

    /// Stand-in of a build without the `nats` feature: it cannot be connected.
    #[derive(Debug)]
    pub struct NatsPublisher {
        never: std::convert::Infallible,
    }

    impl NatsPublisher {
        /// Always refuses: this build has no NATS support.
        pub async fn connect(
            _config: &NatsConfig,
            _stop: watch::Receiver<bool>,
        ) -> Result<Self, NatsError> {
            Err(NatsError::Unsupported)
        }

        /// Never called: no value of this type exists.
        pub fn stats(&self) -> NatsStats {
            match self.never {}
        }

        /// Never called: no value of this type exists.
        pub async fn publish(
            &self,
            _stream: Stream,
            _messages: &[(String, Vec<u8>)],
            _what: &str,
        ) -> Result<(), NatsError> {
            match self.never {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_off() {
        let c = NatsConfig::default();
        assert!(!c.enabled);
        assert!(c.validate().is_ok());
        let on = NatsConfig {
            enabled: true,
            ..NatsConfig::default()
        };
        assert_eq!(on.validate().is_ok(), NATS_SUPPORTED);
    }

    #[test]
    fn only_needs_enabled() {
        let c = NatsConfig {
            only: true,
            ..NatsConfig::default()
        };
        assert_eq!(c.validate(), Err(NatsConfigError::OnlyWithoutEnabled));
        assert!(
            c.validate()
                .unwrap_err()
                .to_string()
                .starts_with("sink.nats.only: ")
        );
    }

    #[cfg(feature = "nats")]
    #[test]
    fn bad_subjects_are_refused() {
        for bad in ["", "a..b", "a.*", "a b", "x.>"] {
            let c = NatsConfig {
                enabled: true,
                subject: bad.into(),
                ..NatsConfig::default()
            };
            assert_eq!(
                c.validate(),
                Err(NatsConfigError::BadSubject {
                    key: "sink.nats.subject",
                    subject: bad.into()
                }),
                "{bad:?}"
            );
        }
    }
}
