//! Process-wide timing histograms: the writer records how long each fdatasync took, and
//! whoever exposes metrics (the daemon's Prometheus endpoint) reads them. Atomics only, so
//! recording never blocks the writer thread.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// The most finite buckets a [`Histogram`] may have.
pub const MAX_BUCKETS: usize = 16;

/// A fixed-bucket histogram of durations, in the Prometheus sense (upper bounds in seconds).
#[derive(Debug)]
pub struct Histogram {
    /// Upper bounds in seconds, ascending.
    bounds: &'static [f64],
    /// Observations per bucket (not cumulative); the last slot is the `+Inf` overflow.
    counts: [AtomicU64; MAX_BUCKETS + 1],
    /// Sum of all observations in nanoseconds.
    sum_nanos: AtomicU64,
}

/// A copy of a [`Histogram`] at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct HistogramSnapshot {
    /// `(upper bound in seconds, observations <= bound)`, cumulative, ascending.
    pub buckets: Vec<(f64, u64)>,
    /// All observations (the `+Inf` bucket).
    pub count: u64,
    /// Sum of all observations in seconds.
    pub sum_seconds: f64,
}

impl Histogram {
    /// A histogram with these ascending upper bounds (seconds); at most [`MAX_BUCKETS`].
    pub const fn new(bounds: &'static [f64]) -> Self {
        assert!(bounds.len() <= MAX_BUCKETS, "too many histogram buckets");
        Histogram {
            bounds,
            counts: [const { AtomicU64::new(0) }; MAX_BUCKETS + 1],
            sum_nanos: AtomicU64::new(0),
        }
    }

    /// Records one duration.
    pub fn observe(&self, elapsed: Duration) {
        let seconds = elapsed.as_secs_f64();
        let slot = self
            .bounds
            .iter()
            .position(|&bound| seconds <= bound)
            .unwrap_or(MAX_BUCKETS);
        self.counts[slot].fetch_add(1, Ordering::Relaxed);
        let nanos = u64::try_from(elapsed.as_nanos()).unwrap_or(u64::MAX);
        self.sum_nanos.fetch_add(nanos, Ordering::Relaxed);
    }

    /// The current values, with cumulative buckets.
    pub fn snapshot(&self) -> HistogramSnapshot {
        let mut running = 0u64;
        let mut buckets = Vec::with_capacity(self.bounds.len());
        for (i, &bound) in self.bounds.iter().enumerate() {
            running += self.counts[i].load(Ordering::Relaxed);
            buckets.push((bound, running));
        }
        let count = running + self.counts[MAX_BUCKETS].load(Ordering::Relaxed);
        HistogramSnapshot {
            buckets,
            count,
            sum_seconds: self.sum_nanos.load(Ordering::Relaxed) as f64 / 1e9,
        }
    }
}

/// How long each fdatasync of an output file took.
pub static FSYNC_SECONDS: Histogram = Histogram::new(&[
    0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_cumulative_and_overflow_counts() {
        static H: Histogram = Histogram::new(&[0.01, 0.1]);
        H.observe(Duration::from_millis(5));
        H.observe(Duration::from_millis(50));
        H.observe(Duration::from_millis(50));
        H.observe(Duration::from_secs(2));
        let s = H.snapshot();
        assert_eq!(s.buckets, vec![(0.01, 1), (0.1, 3)]);
        assert_eq!(s.count, 4);
        assert!((s.sum_seconds - 2.105).abs() < 1e-9, "{}", s.sum_seconds);
    }
}
