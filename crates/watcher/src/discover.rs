//! Discovery: the head of the pipeline. A startup scan, notify events and a periodic
//! reconciling scan find files; a file is queued once it is complete (closed after writing,
//! moved in, or unchanged for `settle_ms`). The notify callback never blocks and never drops:
//! it hands events to an unbounded channel, and only this task applies backpressure.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use globset::{Glob, GlobSet, GlobSetBuilder};
use notify::event::{AccessKind, AccessMode, CreateKind, EventKind, ModifyKind, RenameMode};
use notify::{RecursiveMode, Watcher};
use tokio::sync::{mpsc, oneshot, watch};

use crate::WatchError;
use crate::worker::InFlight;

/// Which files discovery considers.
#[derive(Debug, Clone)]
pub struct Filter {
    inbox: PathBuf,
    excluded: Vec<PathBuf>,
    ignore: GlobSet,
}

impl Filter {
    /// A filter for `inbox` that skips `excluded` folders and base names matching `ignore`.
    pub fn new(inbox: &Path, excluded: &[PathBuf], ignore: &[String]) -> Result<Self, WatchError> {
        let mut builder = GlobSetBuilder::new();
        for pattern in ignore {
            let glob = Glob::new(pattern)
                .map_err(|e| WatchError::Config(format!("watch.ignore: {pattern}: {e}")))?;
            builder.add(glob);
        }
        let ignore = builder
            .build()
            .map_err(|e| WatchError::Config(format!("watch.ignore: {e}")))?;
        Ok(Filter {
            inbox: inbox.to_path_buf(),
            excluded: excluded.to_vec(),
            ignore,
        })
    }

    /// Whether `path` (under the inbox) may be processed, judged by its name and place only.
    pub fn accepts(&self, path: &Path) -> bool {
        if !path.starts_with(&self.inbox) || path == self.inbox {
            return false;
        }
        if self.excluded.iter().any(|ex| path.starts_with(ex)) {
            return false;
        }
        let Ok(relative) = path.strip_prefix(&self.inbox) else {
            return false;
        };
        // Every component is checked, so a file inside an ignored (hidden) folder is ignored too.
        relative
            .components()
            .all(|c| !self.ignore.is_match(Path::new(c.as_os_str())))
    }

    /// Whether a folder should be descended into by the scan.
    fn descend(&self, dir: &Path) -> bool {
        dir == self.inbox || self.accepts(dir)
    }
}

/// What a filesystem event says about a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signal {
    /// Written and closed, or moved in: complete now.
    Complete,
    /// Created or modified: complete once it settles.
    Changed,
}

fn classify(kind: &EventKind) -> Option<Signal> {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => Some(Signal::Complete),
        EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both)) => {
            Some(Signal::Complete)
        }
        EventKind::Create(CreateKind::File | CreateKind::Any)
        | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Any | ModifyKind::Metadata(_)) => {
            Some(Signal::Changed)
        }
        EventKind::Create(CreateKind::Folder) => Some(Signal::Changed),
        _ => None,
    }
}

/// A file seen but not yet complete.
#[derive(Debug, Clone, Copy)]
struct Pending {
    size: u64,
    mtime: Option<SystemTime>,
    stable_since: Instant,
}

/// Messages from the notify callback.
enum Notice {
    Event(notify::Event),
    Error(notify::Error),
}

/// The discovery task's state.
pub struct Discover {
    filter: Filter,
    settle: Duration,
    rescan_every: Duration,
    in_flight: InFlight,
    pending: HashMap<PathBuf, Pending>,
}

impl Discover {
    /// Discovery over `filter`'s inbox.
    pub fn new(
        filter: Filter,
        settle: Duration,
        rescan_every: Duration,
        in_flight: InFlight,
    ) -> Self {
        Discover {
            filter,
            settle,
            rescan_every,
            in_flight,
            pending: HashMap::new(),
        }
    }

    /// Runs until shutdown. `ready` is told how many files the startup scan queued.
    pub async fn run(
        mut self,
        paths: async_channel::Sender<PathBuf>,
        mut shutdown: watch::Receiver<bool>,
        ready: oneshot::Sender<usize>,
    ) -> Result<(), WatchError> {
        let inbox = self.filter.inbox.clone();
        let (notice_tx, mut notices) = mpsc::unbounded_channel();
        // The watch is set up before the startup scan, so a file arriving during the scan is
        // seen by one or the other (the in-flight set makes seeing it twice harmless).
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
            let notice = match res {
                Ok(event) => Notice::Event(event),
                Err(error) => Notice::Error(error),
            };
            // Unbounded: never blocks the notify thread. Fails only when discovery has ended.
            let _ = notice_tx.send(notice);
        })
        .map_err(|e| WatchError::Watch {
            path: inbox.clone(),
            reason: e.to_string(),
        })?;
        watcher
            .watch(&inbox, RecursiveMode::Recursive)
            .map_err(|e| WatchError::Watch {
                path: inbox.clone(),
                reason: e.to_string(),
            })?;

        let queued = match self.scan(&paths, &mut shutdown).await? {
            Some(n) => n,
            None => return Ok(()),
        };
        tracing::info!(inbox = %inbox.display(), backlog = queued, "startup scan done");
        let _ = ready.send(queued);

        let mut settle_tick = tokio::time::interval(
            self.settle
                .clamp(Duration::from_millis(10), Duration::from_millis(100)),
        );
        settle_tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut rescan_tick = tokio::time::interval(self.rescan_every.max(Duration::from_secs(1)));
        rescan_tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        rescan_tick.tick().await;
        loop {
            let keep_going = tokio::select! {
                biased;
                _ = shutdown.changed() => false,
                notice = notices.recv() => match notice {
                    Some(Notice::Event(event)) => self.on_event(event, &paths, &mut shutdown).await?,
                    Some(Notice::Error(error)) => {
                        tracing::warn!(%error, "filesystem watch error; rescanning the inbox");
                        self.scan(&paths, &mut shutdown).await?.is_some()
                    }
                    None => false,
                },
                _ = settle_tick.tick(), if !self.pending.is_empty() => self.settle_pending(&paths, &mut shutdown).await?,
                _ = rescan_tick.tick() => self.scan(&paths, &mut shutdown).await?.is_some(),
            };
            if !keep_going {
                break;
            }
        }
        drop(watcher);
        Ok(())
    }

    /// Handles one notify event. Returns false when shutdown was requested.
    async fn on_event(
        &mut self,
        event: notify::Event,
        paths: &async_channel::Sender<PathBuf>,
        shutdown: &mut watch::Receiver<bool>,
    ) -> Result<bool, WatchError> {
        if event.need_rescan() {
            tracing::warn!("filesystem events were lost (queue overflow); rescanning the inbox");
            return Ok(self.scan(paths, shutdown).await?.is_some());
        }
        let Some(signal) = classify(&event.kind) else {
            return Ok(true);
        };
        for path in event.paths {
            if path == self.filter.inbox {
                continue;
            }
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                // A folder created or moved in: files may have landed before its watch existed.
                if self.filter.descend(&path) && !self.scan_dir(&path, paths, shutdown).await? {
                    return Ok(false);
                }
                continue;
            }
            if !self.filter.accepts(&path) || !meta.is_file() {
                continue;
            }
            match signal {
                Signal::Complete => {
                    self.pending.remove(&path);
                    if !self.enqueue(path, paths, shutdown).await? {
                        return Ok(false);
                    }
                }
                Signal::Changed => self.observe(path, &meta),
            }
        }
        Ok(true)
    }

    /// Records a change; the file is queued once it stops changing.
    fn observe(&mut self, path: PathBuf, meta: &std::fs::Metadata) {
        if self.in_flight.contains(&path) {
            return;
        }
        let (size, mtime) = (meta.len(), meta.modified().ok());
        let now = Instant::now();
        self.pending
            .entry(path)
            .and_modify(|p| {
                if p.size != size || p.mtime != mtime {
                    *p = Pending {
                        size,
                        mtime,
                        stable_since: now,
                    };
                }
            })
            .or_insert(Pending {
                size,
                mtime,
                stable_since: now,
            });
    }

    /// Queues pending files that have been stable for `settle`.
    async fn settle_pending(
        &mut self,
        paths: &async_channel::Sender<PathBuf>,
        shutdown: &mut watch::Receiver<bool>,
    ) -> Result<bool, WatchError> {
        let now = Instant::now();
        let mut ready = Vec::new();
        self.pending.retain(|path, p| {
            let Ok(meta) = std::fs::symlink_metadata(path) else {
                return false;
            };
            let (size, mtime) = (meta.len(), meta.modified().ok());
            if size != p.size || mtime != p.mtime {
                *p = Pending {
                    size,
                    mtime,
                    stable_since: now,
                };
                return true;
            }
            if now.duration_since(p.stable_since) >= self.settle {
                ready.push(path.clone());
                return false;
            }
            true
        });
        ready.sort();
        for path in ready {
            if !self.enqueue(path, paths, shutdown).await? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Full scan of the inbox. `None` when shutdown was requested during the scan.
    async fn scan(
        &mut self,
        paths: &async_channel::Sender<PathBuf>,
        shutdown: &mut watch::Receiver<bool>,
    ) -> Result<Option<usize>, WatchError> {
        let inbox = self.filter.inbox.clone();
        if !inbox.is_dir() {
            return Err(WatchError::Watch {
                path: inbox,
                reason: "the inbox no longer exists or is not a folder".into(),
            });
        }
        let before = self.in_flight.len();
        if !self.scan_dir(&inbox, paths, shutdown).await? {
            return Ok(None);
        }
        Ok(Some(self.in_flight.len().saturating_sub(before)))
    }

    /// Scans one folder recursively, in name order. Returns false on shutdown.
    async fn scan_dir(
        &mut self,
        dir: &Path,
        paths: &async_channel::Sender<PathBuf>,
        shutdown: &mut watch::Receiver<bool>,
    ) -> Result<bool, WatchError> {
        let mut stack = vec![dir.to_path_buf()];
        let mut files = Vec::new();
        while let Some(dir) = stack.pop() {
            let entries = match std::fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(e) => {
                    tracing::warn!(dir = %dir.display(), error = %e, "cannot list folder");
                    continue;
                }
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let Ok(meta) = std::fs::symlink_metadata(&path) else {
                    continue;
                };
                if meta.is_dir() {
                    if self.filter.descend(&path) {
                        stack.push(path);
                    }
                } else if meta.is_file() && self.filter.accepts(&path) {
                    files.push((path, meta));
                }
            }
        }
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let settled_before = SystemTime::now()
            .checked_sub(self.settle)
            .unwrap_or(SystemTime::UNIX_EPOCH);
        for (path, meta) in files {
            if self.in_flight.contains(&path) {
                continue;
            }
            let old_enough = meta.modified().is_ok_and(|m| m <= settled_before);
            if old_enough {
                self.pending.remove(&path);
                if !self.enqueue(path, paths, shutdown).await? {
                    return Ok(false);
                }
            } else {
                self.observe(path, &meta);
            }
        }
        Ok(true)
    }

    /// Queues a complete file unless it is already in flight. Waits while the queue is full.
    /// Returns false when shutdown was requested while waiting.
    async fn enqueue(
        &mut self,
        path: PathBuf,
        paths: &async_channel::Sender<PathBuf>,
        shutdown: &mut watch::Receiver<bool>,
    ) -> Result<bool, WatchError> {
        if !self.in_flight.insert(&path) {
            return Ok(true);
        }
        tokio::select! {
            biased;
            _ = shutdown.changed() => {
                self.in_flight.remove(&path);
                Ok(false)
            }
            sent = paths.send(path.clone()) => match sent {
                Ok(()) => {
                    crate::stats::STATS.file_seen();
                    Ok(true)
                }
                Err(_) => {
                    self.in_flight.remove(&path);
                    Err(WatchError::Internal("every worker has stopped".into()))
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_skips_temp_hidden_and_dispositions() {
        let inbox = PathBuf::from("/in");
        let f = Filter::new(
            &inbox,
            &[inbox.join("done")],
            &[".*".into(), "*.part".into(), "*.tmp".into()],
        )
        .unwrap();
        assert!(f.accepts(Path::new("/in/a.txt")));
        assert!(f.accepts(Path::new("/in/sub/a.txt")));
        assert!(!f.accepts(Path::new("/in/.a.txt.Xy12")));
        assert!(!f.accepts(Path::new("/in/a.part")));
        assert!(!f.accepts(Path::new("/in/done/a.txt")));
        assert!(!f.accepts(Path::new("/in/.hidden/a.txt")));
        assert!(!f.accepts(Path::new("/elsewhere/a.txt")));
    }
}
