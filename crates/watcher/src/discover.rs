//! Discovery: the head of the pipeline. A startup scan, notify events, a full rescan whenever
//! notify says events were lost, and a periodic reconciling scan find files. A file is queued
//! once it is complete: closed after writing or moved in (event), or unchanged for `settle_ms`
//! and not held open for writing by any process we can see (settle). The notify callback never
//! blocks and never drops a relevant event: it hands them to an unbounded channel, and only
//! this task applies backpressure. A vanished, replaced or unmounted inbox is fatal.
//!
//! Folder listings, the stats of settling files and the `/proc` walk that finds writers run on
//! tokio's blocking pool ([`blocking`]): a scan of a large inbox, a slow disk or a busy `/proc`
//! never holds one of the runtime's worker threads, which the workers' commits need.

mod writers;

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet, VecDeque};
use std::fs::Metadata;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use globset::{Glob, GlobSet, GlobSetBuilder};
use notify::event::{AccessKind, AccessMode, CreateKind, EventKind, ModifyKind, RenameMode};
use notify::{RecursiveMode, Watcher};
use tokio::sync::{mpsc, oneshot, watch};

use crate::WatchError;
use crate::in_flight::InFlight;
use writers::FileId;

/// How often the inbox itself is checked (still there, same folder, still mounted).
const INBOX_CHECK: Duration = Duration::from_secs(1);

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

/// The meaning of an event kind; `None` for the kinds discovery ignores (opens and reads, many
/// of them caused by our own workers, renames away, removals).
fn classify(kind: &EventKind) -> Option<Signal> {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => Some(Signal::Complete),
        EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both)) => {
            Some(Signal::Complete)
        }
        EventKind::Create(CreateKind::File | CreateKind::Folder | CreateKind::Any)
        | EventKind::Modify(ModifyKind::Data(_) | ModifyKind::Any | ModifyKind::Metadata(_)) => {
            Some(Signal::Changed)
        }
        _ => None,
    }
}

/// Messages from the notify callback.
#[derive(Debug)]
enum Notice {
    Event(notify::Event),
    Error(notify::Error),
}

/// The notify callback's end of the hand-off to discovery. Never blocks: the channel is
/// unbounded, and events that cannot matter are dropped before they are queued.
#[derive(Debug, Clone)]
struct Handoff {
    inbox: PathBuf,
    tx: mpsc::UnboundedSender<Notice>,
}

impl Handoff {
    fn new(inbox: &Path) -> (Handoff, mpsc::UnboundedReceiver<Notice>) {
        let (tx, rx) = mpsc::unbounded_channel();
        let handoff = Handoff {
            inbox: inbox.to_path_buf(),
            tx,
        };
        (handoff, rx)
    }

    /// Whether an event can matter: a rescan request, a kind discovery acts on, or anything
    /// that happens to the inbox folder itself.
    fn relevant(&self, event: &notify::Event) -> bool {
        event.need_rescan()
            || classify(&event.kind).is_some()
            || event.paths.iter().any(|p| p == &self.inbox)
    }

    /// Passes one notify result on. Returns false once discovery has ended (the receiver is
    /// gone); the caller has nothing to do about it but stop sending.
    fn deliver(&self, result: notify::Result<notify::Event>) -> bool {
        let notice = match result {
            Ok(event) if !self.relevant(&event) => return !self.tx.is_closed(),
            Ok(event) => Notice::Event(event),
            Err(error) => Notice::Error(error),
        };
        self.tx.send(notice).is_ok()
    }
}

/// What settling compares: a file is stable while none of these change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    id: FileId,
    size: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
}

impl Stamp {
    fn of(meta: &Metadata) -> Stamp {
        Stamp {
            id: (meta.dev(), meta.ino()),
            size: meta.len(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
            ctime: (meta.ctime(), meta.ctime_nsec()),
        }
    }

    /// Whether the file's last change (data or inode: a rename-in counts) is at least
    /// `settle` old by the wall clock. A file dated in the future is never old enough here;
    /// it settles by observation instead.
    fn older_than(&self, settle: Duration) -> bool {
        let nanos = |(s, ns): (i64, i64)| i128::from(s) * 1_000_000_000 + i128::from(ns);
        let newest = nanos(self.mtime).max(nanos(self.ctime));
        let Ok(now) = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH) else {
            return false;
        };
        let now = i128::try_from(now.as_nanos()).unwrap_or(i128::MAX);
        let settle = i128::try_from(settle.as_nanos()).unwrap_or(i128::MAX);
        newest <= now.saturating_sub(settle)
    }
}

/// A file seen but not yet complete.
#[derive(Debug, Clone, Copy)]
struct Pending {
    stamp: Stamp,
    due: Instant,
}

/// What a second look at a pending file found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    /// No longer there (or no longer a regular file): forgotten.
    Gone,
    /// Changed since the last look: looked at again after another `settle`.
    Changed,
    /// Unchanged for `settle`: still pending until the caller completes or defers it.
    Stable,
}

/// Files waiting to settle. Each is looked at (one stat) once per `settle`, in the order they
/// became due: the due queue is a FIFO because every due time is "now + settle". Costs are
/// O(1) per event and per look, whatever the backlog.
#[derive(Debug)]
struct Settler {
    settle: Duration,
    pending: HashMap<PathBuf, Pending>,
    due: VecDeque<(Instant, PathBuf)>,
}

impl Settler {
    fn new(settle: Duration) -> Settler {
        Settler {
            settle,
            pending: HashMap::new(),
            due: VecDeque::new(),
        }
    }

    fn len(&self) -> usize {
        self.pending.len()
    }

    fn contains(&self, path: &Path) -> bool {
        self.pending.contains_key(path)
    }

    /// Starts watching `path`; a path already pending is left alone (its next look will see
    /// any change).
    fn watch(&mut self, path: PathBuf, stamp: Stamp, now: Instant) {
        if let Entry::Vacant(slot) = self.pending.entry(path) {
            let due = now + self.settle;
            self.due.push_back((due, slot.key().clone()));
            slot.insert(Pending { stamp, due });
        }
    }

    /// Stops watching `path` (its entry in the due queue is skipped when reached).
    fn forget(&mut self, path: &Path) {
        self.pending.remove(path);
    }

    /// Looks at `path` again after another `settle`.
    fn defer(&mut self, path: &Path, now: Instant) {
        if let Some(p) = self.pending.get_mut(path) {
            p.due = now + self.settle;
            self.due.push_back((p.due, path.to_path_buf()));
        }
    }

    /// When the next look is due, if any.
    fn next_due(&self) -> Option<Instant> {
        self.due.front().map(|(due, _)| *due)
    }

    /// The pending paths due for a look at `now`.
    fn take_due(&mut self, now: Instant) -> Vec<PathBuf> {
        let mut out = Vec::new();
        while let Some((due, _)) = self.due.front() {
            if *due > now {
                break;
            }
            let Some((due, path)) = self.due.pop_front() else {
                break;
            };
            // Stale entries (forgotten, or re-watched since) are skipped.
            if self.pending.get(&path).is_some_and(|p| p.due == due) {
                out.push(path);
            }
        }
        out
    }

    /// Records what a look at a due `path` found (`None`: gone or not a regular file).
    fn look(&mut self, path: &Path, now: Instant, stamp: Option<Stamp>) -> Look {
        let Some(stamp) = stamp else {
            self.pending.remove(path);
            return Look::Gone;
        };
        let Some(p) = self.pending.get_mut(path) else {
            return Look::Gone;
        };
        if p.stamp == stamp {
            return Look::Stable;
        }
        p.stamp = stamp;
        self.defer(path, now);
        Look::Changed
    }
}

/// A folder's identity, to notice it being replaced or unmounted.
fn dir_identity(path: &Path) -> Option<FileId> {
    std::fs::metadata(path)
        .ok()
        .filter(Metadata::is_dir)
        .map(|m| (m.dev(), m.ino()))
}

/// The regular file at `path`, not following a symlink.
fn file_stamp(path: &Path) -> Option<Stamp> {
    std::fs::symlink_metadata(path)
        .ok()
        .filter(Metadata::is_file)
        .map(|m| Stamp::of(&m))
}

/// Runs blocking filesystem work (a folder listing, stats, the `/proc` walk) on the blocking
/// pool and waits for it. `what` names the work if its task fails (a panic: fatal).
async fn blocking<T: Send + 'static>(
    what: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, WatchError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| WatchError::Internal(format!("discovery: {what} failed: {e}")))
}

/// Among `wanted`, the files some visible process holds open for writing ([`writers`]), found
/// on the blocking pool; no task when `wanted` is empty.
async fn open_for_writing(wanted: HashSet<FileId>) -> Result<HashSet<FileId>, WatchError> {
    if wanted.is_empty() {
        return Ok(HashSet::new());
    }
    blocking("the /proc walk", move || writers::open_for_writing(&wanted)).await
}

/// What one listing of a folder tree found.
#[derive(Debug, Default)]
struct Listing {
    /// Regular files the filter accepts, sorted by path, with their stamps.
    files: Vec<(PathBuf, Stamp)>,
    /// Symlinks the filter would accept (never followed), in the order met.
    symlinks: Vec<PathBuf>,
}

/// Lists `dir` recursively, descending only into folders the filter allows. Blocking: runs on
/// the blocking pool. A folder that cannot be listed is logged and skipped.
fn list(filter: &Filter, dir: &Path) -> Listing {
    let mut stack = vec![dir.to_path_buf()];
    let mut listing = Listing::default();
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                tracing::warn!(dir = %dir.display(), error = %e, "cannot list folder");
                continue;
            }
        };
        for entry in entries.flatten() {
            crate::stats::STATS.discovery_beat();
            let path = entry.path();
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                if filter.descend(&path) {
                    stack.push(path);
                }
            } else if filter.accepts(&path) {
                if meta.is_file() {
                    listing.files.push((path, Stamp::of(&meta)));
                } else if meta.file_type().is_symlink() {
                    listing.symlinks.push(path);
                }
            }
        }
    }
    listing.files.sort_by(|a, b| a.0.cmp(&b.0));
    listing
}

/// The discovery task's state.
pub struct Discover {
    /// Shared with the blocking listings.
    filter: Arc<Filter>,
    settle: Duration,
    rescan_every: Duration,
    in_flight: InFlight,
    settler: Settler,
    /// New folders to scan a second time, once notify has surely added their watch.
    dirs_due: VecDeque<(Instant, PathBuf)>,
    /// The inbox's (device, inode) when discovery started.
    inbox_id: Option<FileId>,
    /// Symlinks already reported (each is logged once).
    symlinks_seen: HashSet<PathBuf>,
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
            filter: Arc::new(filter),
            settle,
            rescan_every,
            in_flight,
            settler: Settler::new(settle),
            dirs_due: VecDeque::new(),
            inbox_id: None,
            symlinks_seen: HashSet::new(),
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
        let watch_error = |reason: String| WatchError::Watch {
            path: inbox.clone(),
            reason,
        };
        self.inbox_id =
            Some(dir_identity(&inbox).ok_or_else(|| {
                watch_error("the inbox does not exist or is not a folder".into())
            })?);
        let (handoff, mut notices) = Handoff::new(&inbox);
        // Symlinked folders are not followed: nothing outside the inbox is watched.
        let config = notify::Config::default().with_follow_symlinks(false);
        let mut watcher = notify::RecommendedWatcher::new(
            move |result: notify::Result<notify::Event>| {
                handoff.deliver(result);
            },
            config,
        )
        .map_err(|e| watch_error(e.to_string()))?;
        // The watch is set up before the startup scan, so a file arriving during the scan is
        // seen by one or the other (the in-flight set makes seeing it twice harmless).
        watcher
            .watch(&inbox, RecursiveMode::Recursive)
            .map_err(|e| watch_error(e.to_string()))?;

        let queued = match self.scan(&paths, &mut shutdown).await? {
            Some(n) => n,
            None => return Ok(()),
        };
        tracing::info!(inbox = %inbox.display(), backlog = queued, "startup scan done");
        let _ = ready.send(queued);

        let mut inbox_tick = tokio::time::interval(INBOX_CHECK);
        inbox_tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut rescan_tick = tokio::time::interval(self.rescan_every.max(Duration::from_secs(1)));
        rescan_tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        rescan_tick.tick().await;
        loop {
            crate::stats::STATS.discovery_beat();
            let next_look = [
                self.settler.next_due(),
                self.dirs_due.front().map(|(due, _)| *due),
            ]
            .into_iter()
            .flatten()
            .min();
            let look_at = tokio::time::Instant::from_std(
                next_look.unwrap_or_else(|| Instant::now() + Duration::from_secs(3600)),
            );
            // Timers first: they are rarely ready, so they never starve events, and a steady
            // stream of events cannot starve them.
            let keep_going = tokio::select! {
                biased;
                _ = shutdown.changed() => false,
                _ = inbox_tick.tick() => {
                    self.check_inbox()?;
                    true
                }
                _ = tokio::time::sleep_until(look_at), if next_look.is_some() => {
                    self.look_again(&paths, &mut shutdown).await?
                }
                _ = rescan_tick.tick() => self.scan(&paths, &mut shutdown).await?.is_some(),
                notice = notices.recv() => match notice {
                    Some(notice) => self.on_notice(notice, &mut notices, &paths, &mut shutdown).await?,
                    None => return Err(WatchError::Internal("the filesystem watch stopped".into())),
                },
            };
            if !keep_going {
                break;
            }
        }
        drop(watcher);
        Ok(())
    }

    /// Fails when the inbox is gone, was replaced by another folder, or was unmounted (its
    /// path then names the folder underneath, another device or inode).
    fn check_inbox(&self) -> Result<(), WatchError> {
        let now = dir_identity(&self.filter.inbox);
        if now.is_none() || now != self.inbox_id {
            return Err(WatchError::Watch {
                path: self.filter.inbox.clone(),
                reason: "the inbox was deleted, moved, replaced or unmounted".into(),
            });
        }
        Ok(())
    }

    /// Handles one notice. Returns false when shutdown was requested.
    async fn on_notice(
        &mut self,
        notice: Notice,
        notices: &mut mpsc::UnboundedReceiver<Notice>,
        paths: &async_channel::Sender<PathBuf>,
        shutdown: &mut watch::Receiver<bool>,
    ) -> Result<bool, WatchError> {
        let rescan = match notice {
            Notice::Event(event) if event.need_rescan() => {
                tracing::warn!(
                    "filesystem events were lost (kernel queue overflow); rescanning the inbox"
                );
                true
            }
            Notice::Event(event) => return self.on_event(event, paths, shutdown).await,
            Notice::Error(error) => {
                tracing::warn!(%error, "filesystem watch error; rescanning the inbox");
                true
            }
        };
        if rescan {
            // Everything already queued is superseded by the scan that follows: one scan for a
            // whole run of overflow notices.
            let mut skipped = 0usize;
            while notices.try_recv().is_ok() {
                skipped += 1;
            }
            tracing::debug!(skipped, "queued events superseded by the rescan");
            return Ok(self.scan(paths, shutdown).await?.is_some());
        }
        Ok(true)
    }

    /// Handles one notify event. Returns false when shutdown was requested.
    async fn on_event(
        &mut self,
        event: notify::Event,
        paths: &async_channel::Sender<PathBuf>,
        shutdown: &mut watch::Receiver<bool>,
    ) -> Result<bool, WatchError> {
        let signal = classify(&event.kind);
        for path in event.paths {
            if path == self.filter.inbox {
                // Something happened to the inbox itself (deleted, moved away).
                self.check_inbox()?;
                continue;
            }
            let Some(signal) = signal else {
                continue;
            };
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                // Gone already (renamed on, deleted): nothing to do.
                continue;
            };
            if meta.is_dir() {
                // A folder created or moved in: files may have landed before its watch existed.
                if self.filter.descend(&path) {
                    if !self.scan_dir(&path, paths, shutdown).await? {
                        return Ok(false);
                    }
                    // notify adds the new folder's watch only after handing us this event; a
                    // second scan once that has surely happened closes the gap.
                    self.dirs_due
                        .push_back((Instant::now() + self.settle, path));
                }
                continue;
            }
            if !self.filter.accepts(&path) {
                continue;
            }
            if meta.file_type().is_symlink() {
                self.symlink_seen(&path);
                continue;
            }
            if !meta.is_file() {
                continue;
            }
            match signal {
                Signal::Complete => {
                    self.settler.forget(&path);
                    if !self.enqueue(path, paths, shutdown).await? {
                        return Ok(false);
                    }
                }
                Signal::Changed => {
                    if !self.in_flight.contains(&path) {
                        self.settler.watch(path, Stamp::of(&meta), Instant::now());
                    }
                }
            }
        }
        Ok(true)
    }

    /// Logs a symlink in the inbox once: symlinks are never followed.
    fn symlink_seen(&mut self, path: &Path) {
        if self.symlinks_seen.insert(path.to_path_buf()) {
            tracing::warn!(path = %path.display(), "symlink in the inbox is not followed; left in place");
        }
    }

    /// Looks again at pending files and new folders that are due. Returns false on shutdown.
    async fn look_again(
        &mut self,
        paths: &async_channel::Sender<PathBuf>,
        shutdown: &mut watch::Receiver<bool>,
    ) -> Result<bool, WatchError> {
        let now = Instant::now();
        while self.dirs_due.front().is_some_and(|(due, _)| *due <= now) {
            if let Some((_, dir)) = self.dirs_due.pop_front()
                && dir.is_dir()
                && !self.scan_dir(&dir, paths, shutdown).await?
            {
                return Ok(false);
            }
        }
        let due = self.settler.take_due(now);
        if due.is_empty() {
            return Ok(true);
        }
        let looked = blocking("the stat of settling files", move || {
            due.into_iter()
                .map(|path| {
                    let stamp = file_stamp(&path);
                    (path, stamp)
                })
                .collect::<Vec<_>>()
        })
        .await?;
        let mut stable = Vec::new();
        for (path, stamp) in looked {
            if self.settler.look(&path, now, stamp) == Look::Stable
                && let Some(stamp) = stamp
            {
                stable.push((path, stamp.id));
            }
        }
        if stable.is_empty() {
            return Ok(true);
        }
        let busy = open_for_writing(stable.iter().map(|(_, id)| *id).collect()).await?;
        stable.sort();
        for (path, id) in stable {
            if busy.contains(&id) {
                tracing::debug!(path = %path.display(), "unchanged but still open for writing; waiting");
                self.settler.defer(&path, now);
                continue;
            }
            self.settler.forget(&path);
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
        self.check_inbox()?;
        let inbox = self.filter.inbox.clone();
        let before = self.in_flight.len();
        if !self.scan_dir(&inbox, paths, shutdown).await? {
            return Ok(None);
        }
        tracing::debug!(pending = self.settler.len(), "scan done");
        Ok(Some(self.in_flight.len().saturating_sub(before)))
    }

    /// Scans one folder recursively, in name order: files whose last change is older than
    /// `settle` and that nobody holds open for writing are queued, younger ones are watched
    /// until they settle. Returns false on shutdown.
    async fn scan_dir(
        &mut self,
        dir: &Path,
        paths: &async_channel::Sender<PathBuf>,
        shutdown: &mut watch::Receiver<bool>,
    ) -> Result<bool, WatchError> {
        let (filter, top) = (Arc::clone(&self.filter), dir.to_path_buf());
        let listing = blocking("the folder listing", move || list(&filter, &top)).await?;
        for link in &listing.symlinks {
            self.symlink_seen(link);
        }
        let now = Instant::now();
        let mut ready = Vec::new();
        for (path, stamp) in listing.files {
            if self.in_flight.contains(&path) || self.settler.contains(&path) {
                continue;
            }
            if stamp.older_than(self.settle) {
                ready.push((path, stamp));
            } else {
                self.settler.watch(path, stamp, now);
            }
        }
        let busy = open_for_writing(ready.iter().map(|(_, s)| s.id).collect()).await?;
        for (path, stamp) in ready {
            if busy.contains(&stamp.id) {
                self.settler.watch(path, stamp, now);
                continue;
            }
            if !self.enqueue(path, paths, shutdown).await? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Queues a complete file unless it is already in flight. Waits while the queue is full.
    /// Returns false when shutdown was requested while waiting.
    ///
    /// A listing or a stat can be older than the file's hand-off: a path listed by a
    /// folder scan may have been queued by its event, finished and moved away by a
    /// worker while the scan went on. Workers move a file away before they release it
    /// from `in_flight`, so looking at the path once more after claiming it closes that
    /// window: a path that is gone by then was already handled.
    async fn enqueue(
        &mut self,
        path: PathBuf,
        paths: &async_channel::Sender<PathBuf>,
        shutdown: &mut watch::Receiver<bool>,
    ) -> Result<bool, WatchError> {
        if !self.in_flight.insert(&path) {
            return Ok(true);
        }
        if std::fs::symlink_metadata(&path).is_err() {
            tracing::debug!(path = %path.display(), "gone before it was queued; already handled");
            self.in_flight.remove(&path);
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
mod tests;
