//! Live counters of the daemon, shared by the systemd notifier (`STATUS=`, watchdog) and the
//! Prometheus endpoint. One process-wide [`STATS`] of atomics, so the pipeline records with a
//! one-line call and nothing is threaded through constructors; [`Pipeline`] reads the queue
//! depths through weak channel handles, so observing never keeps a channel open.

use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use newsdrop_sink::metrics::Histogram;
use newsdrop_sink::{Batch, Stream};

use crate::in_flight::InFlight;

/// Monotonic counters and timings of this process.
#[derive(Debug)]
pub struct Stats {
    /// Complete files discovery queued for processing.
    pub files_seen: AtomicU64,
    /// Files whose records are durable and which left the inbox.
    pub files_processed: AtomicU64,
    /// Files that produced a failure record and went to the failed folder.
    pub files_failed: AtomicU64,
    /// Article records durably written.
    pub records_written: AtomicU64,
    /// Bytes of article records durably written.
    pub record_bytes_written: AtomicU64,
    /// Failure records durably written.
    pub failure_records_written: AtomicU64,
    /// Bytes of failure records durably written.
    pub failure_bytes_written: AtomicU64,
    /// Milliseconds since [`Stats::epoch`] at the last sign of progress (a file queued, taken,
    /// finished or committed).
    last_progress_ms: AtomicU64,
    /// Milliseconds since [`Stats::epoch`] at discovery's last turn of its loop (it turns at
    /// least once a second, on the inbox check) or scanned folder entry.
    last_discovery_ms: AtomicU64,
    /// Unix time (seconds) of the last file processed or failed; 0 before the first.
    last_done_unix: AtomicU64,
    /// Whether the startup scan has queued the backlog.
    ready: AtomicBool,
    /// Time spent in `newsdrop_core::extract` per file.
    pub extraction: Histogram,
}

/// The counters of this process.
pub static STATS: Stats = Stats {
    files_seen: AtomicU64::new(0),
    files_processed: AtomicU64::new(0),
    files_failed: AtomicU64::new(0),
    records_written: AtomicU64::new(0),
    record_bytes_written: AtomicU64::new(0),
    failure_records_written: AtomicU64::new(0),
    failure_bytes_written: AtomicU64::new(0),
    last_progress_ms: AtomicU64::new(0),
    last_discovery_ms: AtomicU64::new(0),
    last_done_unix: AtomicU64::new(0),
    ready: AtomicBool::new(false),
    extraction: Histogram::new(&[
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
    ]),
};

impl Stats {
    /// The instant all progress times are measured from (first use in this process).
    fn epoch() -> Instant {
        static EPOCH: OnceLock<Instant> = OnceLock::new();
        *EPOCH.get_or_init(Instant::now)
    }

    fn now_ms() -> u64 {
        u64::try_from(Self::epoch().elapsed().as_millis()).unwrap_or(u64::MAX)
    }

    fn progress(&self) {
        self.last_progress_ms
            .fetch_max(Self::now_ms(), Ordering::Relaxed);
    }

    /// Discovery is turning (called on every turn of its loop and scanned entry).
    pub fn discovery_beat(&self) {
        self.last_discovery_ms
            .fetch_max(Self::now_ms(), Ordering::Relaxed);
    }

    /// Time since discovery last turned.
    pub fn since_discovery(&self) -> Duration {
        let last = Duration::from_millis(self.last_discovery_ms.load(Ordering::Relaxed));
        Self::epoch().elapsed().saturating_sub(last)
    }

    /// Discovery queued a complete file.
    pub fn file_seen(&self) {
        self.files_seen.fetch_add(1, Ordering::Relaxed);
        self.progress();
    }

    /// A worker took a file from the queue.
    pub fn file_started(&self) {
        self.progress();
    }

    /// A file's records are durable and the file left the inbox.
    pub fn file_processed(&self) {
        self.files_processed.fetch_add(1, Ordering::Relaxed);
        self.done();
    }

    /// A file failed and was moved to the failed folder.
    pub fn file_failed(&self) {
        self.files_failed.fetch_add(1, Ordering::Relaxed);
        self.done();
    }

    fn done(&self) {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        self.last_done_unix.store(now, Ordering::Relaxed);
        self.progress();
    }

    /// The sink acknowledged `lines` lines of `bytes` bytes as durable.
    pub fn committed(&self, stream: Stream, lines: usize, bytes: usize) {
        let (lines_counter, bytes_counter) = match stream {
            Stream::Articles => (&self.records_written, &self.record_bytes_written),
            Stream::Failures => (&self.failure_records_written, &self.failure_bytes_written),
        };
        lines_counter.fetch_add(lines as u64, Ordering::Relaxed);
        bytes_counter.fetch_add(bytes as u64, Ordering::Relaxed);
        self.progress();
    }

    /// One file's extraction took `elapsed`.
    pub fn observe_extraction(&self, elapsed: Duration) {
        self.extraction.observe(elapsed);
    }

    /// The startup scan has queued the backlog.
    pub fn set_ready(&self) {
        self.ready.store(true, Ordering::Relaxed);
        self.progress();
    }

    /// Whether the startup scan has queued the backlog.
    pub fn is_ready(&self) -> bool {
        self.ready.load(Ordering::Relaxed)
    }

    /// Time since the last sign of progress.
    pub fn since_progress(&self) -> Duration {
        let last = Duration::from_millis(self.last_progress_ms.load(Ordering::Relaxed));
        Self::epoch().elapsed().saturating_sub(last)
    }

    /// Unix time of the last file done, if any.
    pub fn last_done_unix(&self) -> Option<u64> {
        match self.last_done_unix.load(Ordering::Relaxed) {
            0 => None,
            t => Some(t),
        }
    }

    /// Reads a counter.
    pub fn get(counter: &AtomicU64) -> u64 {
        counter.load(Ordering::Relaxed)
    }
}

/// A read-only view of the running pipeline's queues, for health and metrics.
///
/// It holds weak handles only: the channels still close when discovery, the workers and the
/// sink drop their ends, which is how the daemon drains on shutdown.
#[derive(Debug, Clone)]
pub struct Pipeline {
    paths: async_channel::WeakReceiver<PathBuf>,
    sink: async_channel::WeakSender<Batch>,
    in_flight: InFlight,
}

impl Pipeline {
    /// A view of the paths queue, the sink queue and the in-flight set.
    pub fn new(
        paths: &async_channel::Receiver<PathBuf>,
        sink: &async_channel::Sender<Batch>,
        in_flight: InFlight,
    ) -> Self {
        Pipeline {
            paths: paths.downgrade(),
            sink: sink.downgrade(),
            in_flight,
        }
    }

    /// Complete files waiting for a worker.
    pub fn files_queued(&self) -> usize {
        self.paths.upgrade().map_or(0, |rx| rx.len())
    }

    /// Record batches waiting for the writer.
    pub fn batches_queued(&self) -> usize {
        self.sink.upgrade().map_or(0, |tx| tx.len())
    }

    /// Files accepted but not yet done (waiting or in a worker's hands).
    pub fn files_in_flight(&self) -> usize {
        self.in_flight.len()
    }

    /// Whether the sink's writer still takes batches.
    pub fn sink_open(&self) -> bool {
        self.sink.upgrade().is_some_and(|tx| !tx.is_closed())
    }

    /// Whether the pipeline is alive: the writer is open, either there is nothing to do or
    /// something moved within `window`, and discovery turned within `window`. A worker stuck
    /// on one file, a writer stuck in a write, or discovery stuck (say in a `stat` of an inbox
    /// on a dead network mount, so that nothing new is ever admitted and the pipeline looks
    /// idle) makes this false once `window` passes.
    pub fn is_alive(&self, window: Duration) -> bool {
        self.sink_open()
            && (self.files_in_flight() == 0
                || STATS.since_progress() < window
                || newsdrop_sink::NATS_COUNTERS.waiting_for_broker())
            && discovery_alive(
                STATS.since_discovery(),
                window,
                self.paths_full(),
                STATS.is_ready(),
            )
    }

    /// Whether the paths queue is full (discovery then waits for the workers, rightly).
    fn paths_full(&self) -> bool {
        self.paths
            .upgrade()
            .is_some_and(|rx| rx.capacity().is_some_and(|cap| rx.len() >= cap))
    }

    /// The one-line summary used for systemd's `STATUS=`.
    pub fn status_line(&self) -> String {
        let mut line = format!(
            "seen {}, processed {}, failed {}, queued {}, records {}",
            Stats::get(&STATS.files_seen),
            Stats::get(&STATS.files_processed),
            Stats::get(&STATS.files_failed),
            self.files_in_flight(),
            Stats::get(&STATS.records_written),
        );
        if let Some(nats) = newsdrop_sink::NATS_COUNTERS.snapshot() {
            line.push_str(&format!(", nats published {}", nats.published));
            if !nats.healthy {
                line.push_str(", NATS UNREACHABLE: files wait in the inbox, retrying");
            }
        }
        line
    }
}

/// Discovery is alive when it turned within `window`, or waits for room in a full queue (the
/// workers' progress is judged on its own), or is still in the startup scan (judged by the
/// startup timeout instead: a scan of a huge inbox may take long).
fn discovery_alive(since_turn: Duration, window: Duration, queue_full: bool, ready: bool) -> bool {
    !ready || queue_full || since_turn < window
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stuck_discovery_is_not_alive_once_the_backlog_is_queued() {
        let window = Duration::from_secs(30);
        let long = Duration::from_secs(31);
        assert!(discovery_alive(Duration::from_secs(1), window, false, true));
        assert!(!discovery_alive(long, window, false, true));
        assert!(
            discovery_alive(long, window, true, true),
            "waiting on a full queue"
        );
        assert!(
            discovery_alive(long, window, false, false),
            "still in the startup scan"
        );
    }

    #[test]
    fn weak_views_do_not_keep_channels_open() {
        let (paths_tx, paths_rx) = async_channel::bounded::<PathBuf>(4);
        let (sink_tx, sink_rx) = async_channel::bounded::<Batch>(4);
        let view = Pipeline::new(&paths_rx, &sink_tx, InFlight::default());
        paths_tx.try_send(PathBuf::from("a")).unwrap();
        assert_eq!(view.files_queued(), 1);
        assert!(view.sink_open());
        drop(paths_rx);
        assert!(paths_tx.is_closed(), "the view must not hold the receiver");
        drop(sink_rx);
        assert!(!view.sink_open());
        drop(sink_tx);
        assert_eq!(view.batches_queued(), 0);
    }

    #[test]
    fn idle_pipeline_is_alive_and_status_names_counters() {
        let (_paths_tx, paths_rx) = async_channel::bounded::<PathBuf>(4);
        let (sink_tx, _sink_rx) = async_channel::bounded::<Batch>(4);
        let view = Pipeline::new(&paths_rx, &sink_tx, InFlight::default());
        assert!(view.is_alive(Duration::from_millis(1)));
        let line = view.status_line();
        for key in ["seen ", "processed ", "failed ", "queued ", "records "] {
            assert!(line.contains(key), "{line}");
        }
    }

    #[test]
    fn pending_work_without_progress_is_not_alive() {
        let (_paths_tx, paths_rx) = async_channel::bounded::<PathBuf>(4);
        let (sink_tx, _sink_rx) = async_channel::bounded::<Batch>(4);
        let in_flight = InFlight::default();
        in_flight.insert(std::path::Path::new("/in/stuck.html"));
        let view = Pipeline::new(&paths_rx, &sink_tx, in_flight);
        assert!(!view.is_alive(Duration::ZERO));
        assert!(view.is_alive(Duration::from_secs(3600)));
    }
}
