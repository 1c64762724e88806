//! The daemon's wiring, visible in one place:
//!
//! ```text
//! discover ──paths (bounded)──▶ N workers ──batches (bounded)──▶ sink thread
//!    ▲ stop signal                 │ extract on the blocking pool   │ append, fsync, ack
//!                                  ├──────── dispose after ack ◀────┘
//!                                  └─ (first, when enabled) NATS JetStream: publish, await acks
//! ```
//!
//! Only discovery listens for the stop signal (workers check it between files, so a file in
//! hand is always finished). When discovery ends it drops the paths sender; when the last
//! worker ends it drops the sink sender; the sink drains what is queued, syncs and returns.

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use newsdrop_core::{ExtractConfig, Extractor};
use tokio::sync::{oneshot, watch};

use crate::WatchError;
use crate::discover::{Discover, Filter};
use crate::in_flight::InFlight;
use crate::settings::Settings;
use crate::stats::Pipeline;
use crate::worker::{self, WorkerContext};
use crate::{metrics, systemd};

/// Makes every configured path absolute (relative to the working directory) and creates the
/// folders that must exist.
pub fn prepare(settings: Settings) -> Result<Settings, WatchError> {
    let settings = settings.absolute()?;
    for dir in [
        &settings.watch.inbox,
        &settings.watch.processed_dir,
        &settings.watch.failed_dir,
    ] {
        std::fs::create_dir_all(dir).map_err(|source| WatchError::Dir {
            path: dir.clone(),
            source,
        })?;
    }
    Ok(settings)
}

/// Builds the extractor from `[extract]`: built-in resources unless a file replaces them.
pub fn build_extractor(config: &ExtractConfig) -> Result<Extractor, WatchError> {
    let read = |key: &str, path: &str| -> Result<Option<String>, WatchError> {
        if path.is_empty() {
            return Ok(None);
        }
        std::fs::read_to_string(path)
            .map(Some)
            .map_err(|e| WatchError::Resource(format!("{key} = {path:?}: {e}")))
    };
    let resources = newsdrop_core::Resources {
        tags_toml: read("extract.tags_path", &config.tags_path)?,
        user_dict: read("extract.user_dict_path", &config.user_dict_path)?,
    };
    Extractor::with_resources(config, &resources).map_err(|e| WatchError::Resource(e.to_string()))
}

/// Runs the daemon until `stop` resolves (SIGTERM/SIGINT) or a fatal error.
pub async fn run(settings: Settings, stop: impl Future<Output = ()>) -> Result<(), WatchError> {
    let settings = prepare(settings)?;
    let extractor = {
        let config = settings.extract.clone();
        tokio::task::spawn_blocking(move || build_extractor(&config))
            .await
            .map_err(|e| WatchError::Internal(e.to_string()))??
    };
    let (journal, suspects) =
        crate::journal::Journal::open(&settings.sink.state_dir, settings.watch.max_crashes)?;
    let extraction = Arc::new(worker::Extraction {
        extractor,
        journal,
        max_file_bytes: settings.watch.max_file_bytes,
    });
    probation(&settings, &extraction, suspects).await?;
    let sink = newsdrop_sink::spawn(&settings.sink)?;
    // Caught (not left at its default) so that writing past `ulimit -f` fails with EFBIG, which
    // the sink reports as a fatal output error, instead of killing the process mid-line.
    let _xfsz =
        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::from_raw(libc::SIGXFSZ));
    let hup = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup());
    let hangup = tokio::spawn(reopen_on_hangup(hup, sink.control.clone()));
    let (paths_tx, paths_rx) = async_channel::bounded::<PathBuf>(settings.watch.queue_capacity);
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let in_flight = InFlight::default();
    let nats = if settings.sink.nats.enabled {
        let publisher =
            newsdrop_sink::NatsPublisher::connect(&settings.sink.nats, shutdown_rx.clone()).await?;
        tracing::info!(
            url = %settings.sink.nats.url,
            stream = %settings.sink.nats.stream,
            subject = %settings.sink.nats.subject,
            only = settings.sink.nats.only,
            "publishing to NATS JetStream"
        );
        Some(Arc::new(publisher))
    } else {
        None
    };
    let pipeline = Pipeline::new(&paths_rx, &sink.sender, in_flight.clone());
    let metrics = metrics::start(&settings.metrics, pipeline.clone()).await?;
    let supervisor = systemd::spawn_supervisor(pipeline.clone());

    let filter = Filter::new(
        &settings.watch.inbox,
        &[
            settings.watch.processed_dir.clone(),
            settings.watch.failed_dir.clone(),
            settings.sink.path.clone(),
            settings.sink.failures_path.clone(),
            settings.sink.state_dir.clone(),
        ],
        &settings.watch.ignore,
    )?;
    let discover = Discover::new(
        filter,
        Duration::from_millis(settings.watch.settle_ms),
        Duration::from_secs(settings.watch.rescan_interval_secs),
        in_flight.clone(),
    );
    let (ready_tx, ready_rx) = oneshot::channel();
    let mut discover_task = tokio::spawn(discover.run(paths_tx, shutdown_rx.clone(), ready_tx));

    let ctx = Arc::new(WorkerContext {
        config: worker::WorkerConfig::new(&settings),
        extraction,
        sink: sink.sender.clone(),
        nats: nats.clone(),
        in_flight,
    });
    // The workers hold the only remaining sink senders: when they end, the sink drains.
    drop(sink.sender);
    let n_workers = settings.worker_count();
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..n_workers {
        workers.spawn(worker::run(
            Arc::clone(&ctx),
            paths_rx.clone(),
            shutdown_rx.clone(),
        ));
    }
    drop(paths_rx);
    drop(ctx);

    tokio::pin!(stop);
    let mut ready_rx = ready_rx;
    let mut ready_seen = false;
    let mut fatal: Option<WatchError> = None;
    let mut discover_done = false;
    loop {
        tokio::select! {
            _ = &mut stop => {
                tracing::info!("stop requested; finishing files in hand");
                break;
            }
            queued = &mut ready_rx, if !ready_seen => {
                ready_seen = true;
                if let Ok(queued) = queued {
                    systemd::ready(&pipeline);
                    tracing::info!(workers = n_workers, backlog = queued, "ready");
                }
            }
            result = &mut discover_task, if !discover_done => {
                discover_done = true;
                match result {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => { fatal = Some(e); break; }
                    Err(e) => { fatal = Some(WatchError::Internal(format!("discovery panicked: {e}"))); break; }
                }
            }
            Some(result) = workers.join_next() => {
                match result {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => { fatal = Some(e); break; }
                    Err(e) => { fatal = Some(WatchError::Internal(format!("worker panicked: {e}"))); break; }
                }
            }
        }
    }
    systemd::stopping();
    let _ = shutdown_tx.send(true);
    let deadline = Duration::from_secs(settings.watch.shutdown_timeout_secs);
    let drained = tokio::time::timeout(deadline, async {
        if !discover_done && let Ok(Err(e)) = discover_task.await {
            tracing::warn!(error = %e, "discovery ended with an error during shutdown");
        }
        while let Some(result) = workers.join_next().await {
            if let Ok(Err(e)) = result
                && fatal.is_none()
            {
                fatal = Some(e);
            }
        }
    })
    .await;
    if drained.is_err() {
        tracing::warn!(
            timeout_secs = settings.watch.shutdown_timeout_secs,
            "files in hand did not finish in time; they stay in the inbox"
        );
        workers.abort_all();
    }
    if let Some(task) = supervisor {
        task.abort();
    }
    if let Some(server) = metrics {
        server.stop();
    }
    hangup.abort();
    let stats = tokio::task::spawn_blocking(move || sink.thread.join())
        .await
        .map_err(|e| WatchError::Internal(e.to_string()))?
        .map_err(|_| WatchError::Internal("the sink thread panicked".into()))?;
    match (fatal, stats) {
        // A sink error names the output and its cause; the workers only saw "output failed".
        (_, Err(e)) => Err(e.into()),
        (Some(e), Ok(_)) => Err(e),
        (None, Ok(stats)) => {
            if let Some(nats) = &nats {
                let n = nats.stats();
                tracing::info!(
                    published = n.published,
                    duplicates = n.duplicates,
                    failed_attempts = n.failed_attempts,
                    "nats output stopped"
                );
            }
            tracing::info!(
                lines = stats.lines,
                bytes = stats.bytes,
                fsyncs = stats.syncs,
                skipped = stats.skipped,
                reopens = stats.reopens,
                "stopped"
            );
            Ok(())
        }
    }
}

/// The probation run: every file that was being extracted when the last process died, and
/// is still in the inbox, is extracted once more on its own before the workers start, so that
/// only a file that really takes the daemon down is blamed for it (one that was merely in
/// flight beside it comes through and is cleared). The results are dropped: the file then goes
/// through the pipeline like any other. A file that has reached `watch.max_crashes` is left to
/// the workers, which fail it unextracted.
async fn probation(
    settings: &Settings,
    extraction: &Arc<worker::Extraction>,
    suspects: Vec<(PathBuf, u32)>,
) -> Result<(), WatchError> {
    for (path, crashes) in suspects {
        let journal = &extraction.journal;
        if crashes >= journal.max_crashes() {
            tracing::warn!(path = %path.display(), crashes, "file crashed the daemon {crashes} times; it will be failed unextracted");
            continue;
        }
        if !path.is_file() {
            journal.forget(&path)?;
            continue;
        }
        tracing::warn!(path = %path.display(), crashes, "file was being extracted when the daemon died; trying it alone");
        let (x, p) = (Arc::clone(extraction), path.clone());
        let task = tokio::task::spawn_blocking(move || -> Result<(), WatchError> {
            // Unreadable or too big: the workers will say so; it is no longer a suspect.
            let bytes = match worker::read_limited(&p, x.max_file_bytes) {
                Ok(bytes) if bytes.len() as u64 <= x.max_file_bytes => bytes,
                _ => return x.journal.forget(&p),
            };
            x.journal.begin(&p)?;
            let _ =
                worker::extract_file(&p.to_string_lossy(), &bytes, &x.extractor, x.max_file_bytes);
            x.journal.end(&p)
        });
        let budget = Duration::from_millis(settings.watch.extract_timeout_ms);
        match tokio::time::timeout(budget, task).await {
            Ok(Ok(result)) => {
                result?;
                tracing::info!(path = %path.display(), "file came through on its own; cleared");
            }
            Ok(Err(e)) => return Err(WatchError::Internal(format!("probation task failed: {e}"))),
            Err(_) => {
                tracing::warn!(path = %path.display(), "file exceeded its time budget on its own; the worker will fail it")
            }
        }
    }
    Ok(())
}

/// SIGHUP makes the sink reopen its outputs (after logrotate renamed them away).
async fn reopen_on_hangup(
    hup: std::io::Result<tokio::signal::unix::Signal>,
    control: newsdrop_sink::SinkControl,
) {
    let mut hup = match hup {
        Ok(hup) => hup,
        Err(e) => {
            tracing::warn!(error = %e, "cannot handle SIGHUP; outputs are not reopened on it");
            return;
        }
    };
    while hup.recv().await.is_some() {
        tracing::info!("SIGHUP: reopening outputs");
        control.reopen();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings_with(tags_path: &str) -> Settings {
        let mut s = Settings::load_with_env(None, Vec::<(String, String)>::new()).unwrap();
        s.extract.tags_path = tags_path.to_string();
        s
    }

    #[test]
    fn user_taxonomy_replaces_the_builtin_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tags.toml");
        std::fs::write(&path, "[[tag]]\nname = \"植树\"\ntriggers = [\"植树\"]\n").unwrap();
        let extractor = build_extractor(&settings_with(path.to_str().unwrap()).extract).unwrap();
        let page = "党员植树活动\n\n3月12日,社区党员在公园植树200棵,开展志愿服务。\n";
        let input = newsdrop_core::Input {
            path: "/in/a.txt",
            bytes: page.as_bytes(),
            ingested_at: "2026-01-01T00:00:00+08:00",
        };
        let records = newsdrop_core::extract(&input, &extractor).unwrap();
        assert_eq!(records[0].tags, vec!["植树".to_string()]);
    }

    #[test]
    fn missing_or_bad_taxonomy_is_a_resource_error_naming_the_key() {
        let e = build_extractor(&settings_with("/nonexistent/tags.toml").extract).unwrap_err();
        assert!(e.to_string().contains("extract.tags_path"), "{e}");
        assert_eq!(e.exit_code(), 78);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tags.toml");
        std::fs::write(&path, "[[tag]]\nname = 3\n").unwrap();
        assert!(build_extractor(&settings_with(path.to_str().unwrap()).extract).is_err());
    }
}
