//! Discovery tests: the filter, the settle state machine, the hand-off from the notify
//! callback, and whole discovery runs on a temp inbox (backpressure, closed queue, partial
//! writes, new folders, a vanished inbox).

use super::*;
use std::io::Write;

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
    assert!(!f.accepts(Path::new("/in")));
}

#[test]
fn bad_glob_names_the_key() {
    let e = Filter::new(Path::new("/in"), &[], &["a[".into()]).unwrap_err();
    assert!(e.to_string().contains("watch.ignore"), "{e}");
}

#[test]
fn own_reads_and_renames_away_are_ignored() {
    use notify::event::RemoveKind;
    assert_eq!(
        classify(&EventKind::Access(AccessKind::Open(AccessMode::Any))),
        None
    );
    assert_eq!(
        classify(&EventKind::Access(AccessKind::Close(AccessMode::Read))),
        None
    );
    assert_eq!(
        classify(&EventKind::Modify(ModifyKind::Name(RenameMode::From))),
        None
    );
    assert_eq!(classify(&EventKind::Remove(RemoveKind::File)), None);
    assert_eq!(
        classify(&EventKind::Access(AccessKind::Close(AccessMode::Write))),
        Some(Signal::Complete)
    );
    assert_eq!(
        classify(&EventKind::Modify(ModifyKind::Name(RenameMode::To))),
        Some(Signal::Complete)
    );
    assert_eq!(
        classify(&EventKind::Create(CreateKind::File)),
        Some(Signal::Changed)
    );
}

fn stamp(size: u64, mtime: i64) -> Stamp {
    Stamp {
        id: (1, 2),
        size,
        mtime: (mtime, 0),
        ctime: (mtime, 0),
    }
}

#[test]
fn settler_waits_for_a_quiet_period() {
    let settle = Duration::from_millis(500);
    let t0 = Instant::now();
    let mut s = Settler::new(settle);
    let a = PathBuf::from("/in/a");
    s.watch(a.clone(), stamp(1, 1), t0);
    assert!(s.take_due(t0 + Duration::from_millis(499)).is_empty());
    // Due, but it grew meanwhile: looked at again one settle later.
    let t1 = t0 + settle;
    assert_eq!(s.take_due(t1), vec![a.clone()]);
    assert_eq!(s.look(&a, t1, Some(stamp(2, 2))), Look::Changed);
    assert!(s.take_due(t1 + Duration::from_millis(499)).is_empty());
    let t2 = t1 + settle;
    assert_eq!(s.take_due(t2), vec![a.clone()]);
    assert_eq!(s.look(&a, t2, Some(stamp(2, 2))), Look::Stable);
    // Still open for writing: deferred, not lost.
    s.defer(&a, t2);
    assert_eq!(s.take_due(t2 + settle), vec![a.clone()]);
    assert_eq!(s.look(&a, t2 + settle, None), Look::Gone);
    assert_eq!(s.len(), 0);
    assert_eq!(s.next_due(), None);
}

#[test]
fn settler_skips_stale_entries_of_a_rewatched_path() {
    let settle = Duration::from_millis(500);
    let t0 = Instant::now();
    let mut s = Settler::new(settle);
    let a = PathBuf::from("/in/a");
    s.watch(a.clone(), stamp(1, 1), t0);
    s.forget(&a);
    let t1 = t0 + Duration::from_millis(400);
    s.watch(a.clone(), stamp(1, 1), t1);
    // The first entry's due time is not the re-watched file's: it must not count as settled.
    assert!(s.take_due(t0 + settle).is_empty());
    assert_eq!(s.take_due(t1 + settle), vec![a.clone()]);
    // Watching a pending path again changes nothing.
    s.watch(a.clone(), stamp(9, 9), t1 + settle);
    assert_eq!(s.look(&a, t1 + settle, Some(stamp(1, 1))), Look::Stable);
}

#[test]
fn settler_is_linear_on_a_large_backlog() {
    let settle = Duration::from_millis(100);
    let t0 = Instant::now();
    let mut s = Settler::new(settle);
    let n = 20_000;
    for i in 0..n {
        s.watch(PathBuf::from(format!("/in/{i}")), stamp(i, 0), t0);
        // Repeated events for pending files are O(1) no-ops.
        s.watch(PathBuf::from(format!("/in/{i}")), stamp(i, 0), t0);
    }
    assert_eq!(s.due.len() as u64, n);
    let due = s.take_due(t0 + settle);
    assert_eq!(due.len() as u64, n);
    for p in &due {
        s.forget(p);
    }
    assert_eq!(s.len(), 0);
}

#[test]
fn stamp_age_uses_the_newest_of_mtime_and_ctime() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a");
    std::fs::write(&p, b"x").unwrap();
    let s = Stamp::of(&std::fs::metadata(&p).unwrap());
    assert!(!s.older_than(Duration::from_secs(60)));
    assert!(s.older_than(Duration::ZERO));
    let old = Stamp {
        mtime: (1, 0),
        ctime: (1, 0),
        ..s
    };
    assert!(old.older_than(Duration::from_secs(60)));
    let moved_in = Stamp { mtime: (1, 0), ..s };
    assert!(!moved_in.older_than(Duration::from_secs(60)));
}

fn event(kind: EventKind, path: &str) -> notify::Result<notify::Event> {
    Ok(notify::Event::new(kind).add_path(PathBuf::from(path)))
}

#[test]
fn handoff_never_blocks_and_drops_only_noise() {
    let (handoff, mut rx) = Handoff::new(Path::new("/in"));
    let start = Instant::now();
    // Nobody reads: a bounded queue would block or drop here.
    for i in 0..100_000 {
        assert!(handoff.deliver(event(
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            &format!("/in/{i}")
        )));
        // Our own reads: dropped before they are queued.
        assert!(handoff.deliver(event(
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            &format!("/in/{i}")
        )));
    }
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
    // Overflow, errors and anything about the inbox itself always pass.
    assert!(handoff.deliver(Ok(
        notify::Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan)
    )));
    assert!(handoff.deliver(Err(notify::Error::generic("boom"))));
    assert!(handoff.deliver(event(
        EventKind::Remove(notify::event::RemoveKind::Folder),
        "/in"
    )));
    let mut n = 0;
    while let Ok(notice) = rx.try_recv() {
        if let Notice::Event(e) = &notice {
            assert!(!matches!(e.kind, EventKind::Access(AccessKind::Open(_))));
        }
        n += 1;
    }
    assert_eq!(n, 100_003);
}

#[test]
fn closed_handoff_reports_it_without_panicking() {
    let (handoff, rx) = Handoff::new(Path::new("/in"));
    drop(rx);
    assert!(!handoff.deliver(event(
        EventKind::Access(AccessKind::Close(AccessMode::Write)),
        "/in/a"
    )));
    assert!(!handoff.deliver(Err(notify::Error::generic("boom"))));
}

#[test]
fn a_listing_is_sorted_filtered_and_reports_symlinks() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("in");
    for sub in ["b", ".hidden", "done"] {
        std::fs::create_dir_all(inbox.join(sub)).unwrap();
    }
    for name in [
        "b/z.txt",
        "a.txt",
        "b/a.txt",
        ".hidden/x.txt",
        "done/d.txt",
        "c.part",
    ] {
        std::fs::write(inbox.join(name), b"x").unwrap();
    }
    std::os::unix::fs::symlink(inbox.join("a.txt"), inbox.join("link.txt")).unwrap();
    let filter = Filter::new(
        &inbox,
        &[inbox.join("done")],
        &[".*".into(), "*.part".into()],
    )
    .unwrap();
    let listing = list(&filter, &inbox);
    let files: Vec<PathBuf> = listing.files.into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        files,
        ["a.txt", "b/a.txt", "b/z.txt"]
            .map(|n| inbox.join(n))
            .to_vec()
    );
    assert_eq!(listing.symlinks, vec![inbox.join("link.txt")]);
}

/// A running discovery task on a temp inbox.
struct Run {
    _dir: tempfile::TempDir,
    inbox: PathBuf,
    paths: async_channel::Receiver<PathBuf>,
    in_flight: InFlight,
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<Result<(), WatchError>>,
}

const SETTLE: Duration = Duration::from_millis(100);

impl Run {
    /// Starts discovery with a work queue of `capacity`; `before` runs before the start.
    async fn start(capacity: usize, before: impl FnOnce(&Path)) -> Run {
        let dir = tempfile::tempdir().unwrap();
        let inbox = dir.path().join("in");
        std::fs::create_dir_all(&inbox).unwrap();
        before(&inbox);
        let filter = Filter::new(&inbox, &[], &[".*".into(), "*.part".into()]).unwrap();
        let in_flight = InFlight::default();
        let d = Discover::new(filter, SETTLE, Duration::from_secs(3600), in_flight.clone());
        let (tx, rx) = async_channel::bounded(capacity);
        let (stop, stop_rx) = watch::channel(false);
        let (ready_tx, ready_rx) = oneshot::channel();
        let task = tokio::spawn(d.run(tx, stop_rx, ready_tx));
        let _ = tokio::time::timeout(Duration::from_secs(10), ready_rx).await;
        Run {
            _dir: dir,
            inbox,
            paths: rx,
            in_flight,
            stop,
            task,
        }
    }

    /// The next queued path, as a worker would take it (and finish it at once).
    async fn next(&self, within: Duration) -> Option<PathBuf> {
        let path = tokio::time::timeout(within, self.paths.recv())
            .await
            .ok()?
            .ok()?;
        std::fs::remove_file(&path).unwrap();
        self.in_flight.remove(&path);
        Some(path)
    }

    async fn stop(self) -> Result<(), WatchError> {
        let _ = self.stop.send(true);
        tokio::time::timeout(Duration::from_secs(10), self.task)
            .await
            .unwrap()
            .unwrap()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_queue_holds_discovery_back_and_loses_nothing() {
    let run = Run::start(1, |inbox| {
        for i in 0..50 {
            std::fs::write(inbox.join(format!("old-{i:03}.txt")), b"x").unwrap();
        }
    })
    .await;
    // Discovery is stuck on the one-slot queue while more files arrive: their events pile up
    // in the hand-off instead of blocking the notify thread or being dropped.
    for i in 0..300 {
        std::fs::write(run.inbox.join(format!("new-{i:03}.txt")), b"x").unwrap();
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut seen = HashSet::new();
    while seen.len() < 350 {
        let path = run
            .next(Duration::from_secs(10))
            .await
            .unwrap_or_else(|| panic!("only {} of 350 files queued", seen.len()));
        assert!(seen.insert(path.clone()), "{path:?} queued twice");
    }
    assert_eq!(run.next(SETTLE * 5).await, None);
    run.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_closed_work_queue_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().to_path_buf();
    std::fs::write(inbox.join("a.txt"), b"x").unwrap();
    let filter = Filter::new(&inbox, &[], &[]).unwrap();
    // Old enough to be queued by the startup scan at once.
    let d = Discover::new(
        filter,
        Duration::ZERO,
        Duration::from_secs(3600),
        InFlight::default(),
    );
    let (tx, rx) = async_channel::bounded(1);
    drop(rx);
    let (_stop, stop_rx) = watch::channel(false);
    let (ready_tx, _ready_rx) = oneshot::channel();
    let result = tokio::time::timeout(Duration::from_secs(10), d.run(tx, stop_rx, ready_tx))
        .await
        .unwrap();
    assert!(matches!(result, Err(WatchError::Internal(_))), "{result:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_file_open_for_writing_waits_for_its_close() {
    let run = Run::start(16, |_| {}).await;
    let path = run.inbox.join("slow.txt");
    let mut writer = std::fs::File::create(&path).unwrap();
    writer.write_all(b"first half\n").unwrap();
    // Quiet for many settle periods, but still open: never queued.
    assert_eq!(run.paths.try_recv().ok(), None);
    tokio::time::sleep(SETTLE * 6).await;
    assert!(run.paths.is_empty(), "queued while still open for writing");
    writer.write_all(b"second half\n").unwrap();
    drop(writer);
    let got = tokio::time::timeout(Duration::from_secs(5), run.paths.recv())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(got, path);
    assert_eq!(
        std::fs::read_to_string(&got).unwrap(),
        "first half\nsecond half\n"
    );
    run.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn renames_in_new_folders_and_ignored_names() {
    let outside = tempfile::tempdir().unwrap();
    let run = Run::start(64, |_| {}).await;
    // rsync style: hidden temp name, then rename; and a partial download renamed.
    std::fs::write(run.inbox.join(".a.txt.Xy12Zq"), b"a").unwrap();
    std::fs::rename(run.inbox.join(".a.txt.Xy12Zq"), run.inbox.join("a.txt")).unwrap();
    std::fs::write(run.inbox.join("b.txt.part"), b"b").unwrap();
    std::fs::rename(run.inbox.join("b.txt.part"), run.inbox.join("b.txt")).unwrap();
    // mv from another folder (same filesystem or not: rename or copy).
    std::fs::write(outside.path().join("c.txt"), b"c").unwrap();
    if std::fs::rename(outside.path().join("c.txt"), run.inbox.join("c.txt")).is_err() {
        std::fs::copy(outside.path().join("c.txt"), run.inbox.join("c.txt")).unwrap();
    }
    // A deep new folder filled at once.
    let deep = run.inbox.join("x/y/z");
    std::fs::create_dir_all(&deep).unwrap();
    for i in 0..20 {
        std::fs::write(deep.join(format!("{i}.txt")), b"d").unwrap();
    }
    // Ignored: never queued.
    std::fs::write(run.inbox.join(".hidden"), b"h").unwrap();
    std::fs::write(run.inbox.join("e.part"), b"e").unwrap();
    let mut seen = HashSet::new();
    while seen.len() < 23 {
        let path = run
            .next(Duration::from_secs(10))
            .await
            .unwrap_or_else(|| panic!("only {seen:?}"));
        assert!(seen.insert(path.clone()), "{path:?} twice");
    }
    assert!(seen.contains(&run.inbox.join("a.txt")));
    assert!(seen.contains(&run.inbox.join("b.txt")));
    assert!(seen.contains(&run.inbox.join("c.txt")));
    assert_eq!(run.next(SETTLE * 5).await, None);
    assert!(run.inbox.join(".hidden").exists());
    assert!(run.inbox.join("e.part").exists());
    run.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn symlinks_are_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), b"s").unwrap();
    std::fs::create_dir(outside.path().join("dir")).unwrap();
    std::fs::write(outside.path().join("dir/inner.txt"), b"i").unwrap();
    let target = outside.path().to_path_buf();
    let run = Run::start(16, |inbox| {
        std::os::unix::fs::symlink(target.join("secret.txt"), inbox.join("link.txt")).unwrap();
        std::os::unix::fs::symlink(target.join("dir"), inbox.join("linkdir")).unwrap();
    })
    .await;
    std::os::unix::fs::symlink(target.join("secret.txt"), run.inbox.join("late.txt")).unwrap();
    std::fs::write(outside.path().join("dir/after.txt"), b"a").unwrap();
    std::fs::write(run.inbox.join("real.txt"), b"r").unwrap();
    assert_eq!(
        run.next(Duration::from_secs(10)).await,
        Some(run.inbox.join("real.txt"))
    );
    assert_eq!(run.next(SETTLE * 5).await, None);
    run.stop().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_deleted_inbox_is_fatal() {
    let run = Run::start(16, |_| {}).await;
    std::fs::remove_dir_all(&run.inbox).unwrap();
    let result = tokio::time::timeout(Duration::from_secs(10), run.task)
        .await
        .unwrap()
        .unwrap();
    assert!(
        matches!(result, Err(WatchError::Watch { .. })),
        "{result:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replaced_inbox_is_fatal() {
    let run = Run::start(16, |_| {}).await;
    let aside = run.inbox.with_file_name("aside");
    std::fs::rename(&run.inbox, &aside).unwrap();
    std::fs::create_dir(&run.inbox).unwrap();
    let result = tokio::time::timeout(Duration::from_secs(10), run.task)
        .await
        .unwrap()
        .unwrap();
    assert!(
        matches!(result, Err(WatchError::Watch { .. })),
        "{result:?}"
    );
}
