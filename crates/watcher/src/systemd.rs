//! The systemd notify protocol: `READY=1` once the backlog is queued, `STOPPING=1` on stop,
//! `STATUS=` with live counters, and `WATCHDOG=1` only while the pipeline is alive. Every call
//! is a no-op when `NOTIFY_SOCKET` is unset (not started by systemd with `Type=notify`).

use std::time::Duration;

use sd_notify::NotifyState;
use tokio::task::JoinHandle;

use crate::stats::{Pipeline, STATS};

/// How often `STATUS=` is refreshed when the watchdog is off.
const STATUS_EVERY: Duration = Duration::from_secs(2);

/// Whether systemd (or a test harness) listens for notifications.
pub fn enabled() -> bool {
    std::env::var_os("NOTIFY_SOCKET").is_some()
}

fn send(states: &[NotifyState]) {
    if !enabled() {
        return;
    }
    if let Err(error) = sd_notify::notify(states) {
        tracing::debug!(%error, "cannot notify systemd");
    }
}

/// Startup is complete: the sink is open and the startup scan has queued the backlog.
pub fn ready(pipeline: &Pipeline) {
    STATS.set_ready();
    let status = pipeline.status_line();
    send(&[NotifyState::Ready, NotifyState::Status(&status)]);
}

/// The daemon is stopping (SIGTERM, SIGINT or a fatal error): files in hand are finishing.
pub fn stopping() {
    send(&[
        NotifyState::Stopping,
        NotifyState::Status("stopping: finishing files in hand"),
    ]);
}

/// Starts the task that refreshes `STATUS=` and pings the watchdog, or nothing when systemd
/// is not listening.
///
/// The ping is not a free-running timer: each tick asks [`Pipeline::is_alive`] whether the
/// writer is open and the pipeline either is idle or made progress within the watchdog
/// period. A stuck worker or writer therefore stops the pings and systemd restarts the
/// service after `WatchdogSec`. Before `READY=1` the same check extends the start timeout
/// (`EXTEND_TIMEOUT_USEC`), so a large backlog that keeps moving does not time out.
pub fn spawn_supervisor(pipeline: Pipeline) -> Option<JoinHandle<()>> {
    if !enabled() {
        return None;
    }
    let watchdog = sd_notify::watchdog_enabled().filter(|w| !w.is_zero());
    let every = watchdog.map_or(STATUS_EVERY, |w| (w / 2).max(Duration::from_millis(10)));
    // A pipeline with work pending must have moved within one whole watchdog period.
    let window = watchdog.unwrap_or(Duration::from_secs(60));
    if let Some(w) = watchdog {
        tracing::info!(
            watchdog_ms = w.as_millis() as u64,
            ping_ms = every.as_millis() as u64,
            "systemd watchdog on"
        );
    }
    Some(tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut stalled = false;
        loop {
            tick.tick().await;
            let alive = pipeline.is_alive(window);
            if alive == stalled {
                stalled = !alive;
                if stalled {
                    tracing::warn!(
                        in_flight = pipeline.files_in_flight(),
                        writer_open = pipeline.sink_open(),
                        stalled_ms = STATS.since_progress().as_millis() as u64,
                        discovery_idle_ms = STATS.since_discovery().as_millis() as u64,
                        "pipeline stuck (no progress with work pending, or discovery not turning); withholding the watchdog ping"
                    );
                } else {
                    tracing::info!("pipeline moving again; watchdog pings resume");
                }
            }
            let status = pipeline.status_line();
            let extend = u32::try_from((every * 3).as_micros()).unwrap_or(u32::MAX);
            let mut states = vec![NotifyState::Status(&status)];
            if alive && watchdog.is_some() {
                states.push(NotifyState::Watchdog);
            }
            if alive && !STATS.is_ready() {
                states.push(NotifyState::ExtendTimeoutUsec(extend));
            }
            send(&states);
        }
    }))
}
