//! Moving a finished file out of the inbox: to `processed_dir`, or to `failed_dir` with an
//! `<name>.error.json` beside it. Never overwrites: a taken name gets a numeric suffix.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, LazyLock, Mutex, OnceLock, PoisonError};

use newsdrop_core::Step;
use serde::Serialize;

/// Where `path` goes under `dest_root`, keeping its sub-folder path below `inbox`.
fn destination(path: &Path, inbox: &Path, dest_root: &Path) -> PathBuf {
    match path.strip_prefix(inbox) {
        Ok(relative) if !relative.as_os_str().is_empty() => dest_root.join(relative),
        _ => dest_root.join(path.file_name().unwrap_or(path.as_os_str())),
    }
}

/// Serializes choosing a free name and taking it, so two workers never pick the same one.
static NAMES: Mutex<()> = Mutex::new(());

/// Whether `name` (and, for a failed file, its sidecar) is free.
fn is_free(candidate: &Path, sidecar: bool) -> bool {
    let taken = |p: &Path| std::fs::symlink_metadata(p).is_ok();
    !(taken(candidate) || (sidecar && taken(&sidecar_path(candidate))))
}

/// `dir/stem-N.ext` for the first N that is free (`dir/name` itself when free).
fn free_name(target: PathBuf, sidecar: bool) -> PathBuf {
    if is_free(&target, sidecar) {
        return target;
    }
    let stem = target
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = target
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    let dir = target.parent().map(Path::to_path_buf).unwrap_or_default();
    (1u64..)
        .map(|n| dir.join(format!("{stem}-{n}{ext}")))
        .find(|candidate| is_free(candidate, sidecar))
        .unwrap_or(target)
}

/// `<file>.error.json`.
fn sidecar_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".error.json");
    target.with_file_name(name)
}

/// Fsyncs a directory so that a rename into or out of it survives a power cut.
fn sync_dir(dir: &Path) -> io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

/// Fsyncs `dirs` after the caller's renames, in a group commit: every disposal waits for one
/// fsync of each of its folders that started after its own rename, and disposals that run at
/// the same time share those fsyncs. Under load that is a few fsyncs per batch of files
/// instead of two per file (the inbox and `processed_dir`), with the same guarantee.
fn sync_dirs(dirs: &[&Path]) -> io::Result<()> {
    static GROUP: LazyLock<GroupSync> = LazyLock::new(GroupSync::default);
    GROUP.sync(dirs)
}

#[derive(Default)]
struct GroupSync {
    state: Mutex<GroupState>,
    finished: Condvar,
}

#[derive(Default)]
struct GroupState {
    /// Folders asked for since the running fsync round started.
    dirs: Vec<PathBuf>,
    /// The round that will fsync them: the folders whose fsync failed, with the error.
    next: Arc<OnceLock<Vec<(PathBuf, String)>>>,
    /// Whether a round is running.
    running: bool,
}

impl GroupSync {
    fn sync(&self, dirs: &[&Path]) -> io::Result<()> {
        let lock = || self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let mut state = lock();
        for dir in dirs {
            if !state.dirs.iter().any(|d| d == dir) {
                state.dirs.push(dir.to_path_buf());
            }
        }
        let mine = Arc::clone(&state.next);
        loop {
            if let Some(failed) = mine.get() {
                return match failed.iter().find(|(d, _)| dirs.contains(&d.as_path())) {
                    Some((dir, e)) => Err(io::Error::other(format!(
                        "fsync of folder {}: {e}",
                        dir.display()
                    ))),
                    None => Ok(()),
                };
            }
            if state.running {
                state = self
                    .finished
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner);
                continue;
            }
            // Run the next round (ours, or an earlier one not started yet) ourselves.
            state.running = true;
            let round = std::mem::take(&mut state.next);
            let round_dirs = std::mem::take(&mut state.dirs);
            drop(state);
            let failed: Vec<(PathBuf, String)> = round_dirs
                .into_iter()
                .filter_map(|d| sync_dir(&d).err().map(|e| (d, e.to_string())))
                .collect();
            let _ = round.set(failed);
            state = lock();
            state.running = false;
            self.finished.notify_all();
        }
    }
}

/// Moves `path` from the inbox to `dest_root`; returns the new path.
pub fn move_into(
    path: &Path,
    inbox: &Path,
    dest_root: &Path,
    durable: bool,
) -> io::Result<PathBuf> {
    move_to(path, inbox, dest_root, durable, false)
}

fn move_to(
    path: &Path,
    inbox: &Path,
    dest_root: &Path,
    durable: bool,
    sidecar: bool,
) -> io::Result<PathBuf> {
    let (target, copy) = {
        let _names = NAMES
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let target = free_name(destination(path, inbox, dest_root), sidecar);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        match std::fs::rename(path, &target) {
            Ok(()) => (target, false),
            Err(e) if e.raw_os_error() == Some(libc::EXDEV) => {
                // Another filesystem: reserve the name now, copy outside the lock.
                std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&target)?;
                (target, true)
            }
            Err(e) => return Err(e),
        }
    };
    if copy {
        let copied = std::fs::copy(path, &target).and_then(|_| {
            if durable {
                std::fs::File::open(&target)?.sync_all()?;
            }
            std::fs::remove_file(path)
        });
        if let Err(e) = copied {
            let _ = std::fs::remove_file(&target);
            return Err(e);
        }
    }
    if durable {
        let dirs: Vec<&Path> = [target.parent(), path.parent()]
            .into_iter()
            .flatten()
            .collect();
        sync_dirs(&dirs)?;
    }
    Ok(target)
}

/// Deletes a processed file (`on_success = "delete"`).
pub fn delete(path: &Path, durable: bool) -> io::Result<()> {
    std::fs::remove_file(path)?;
    match path.parent() {
        Some(parent) if durable => sync_dirs(&[parent]),
        _ => Ok(()),
    }
}

/// The sidecar written next to a failed file.
#[derive(Debug, Serialize)]
pub struct ErrorSidecar<'a> {
    /// Where the file was dropped.
    pub path: &'a str,
    /// The pipeline step that failed (written as its name, e.g. `"read"`).
    pub step: Step,
    /// What went wrong.
    pub reason: &'a str,
    /// How many times it was tried.
    pub attempts: u32,
    /// When it failed.
    pub at: &'a str,
}

/// Moves a failed file to `failed_dir` and writes `<name>.error.json` beside it.
pub fn fail(
    path: &Path,
    inbox: &Path,
    failed_dir: &Path,
    sidecar: &ErrorSidecar<'_>,
    durable: bool,
) -> io::Result<PathBuf> {
    let target = move_to(path, inbox, failed_dir, durable, true)?;
    let json = serde_json::to_vec_pretty(sidecar).map_err(io::Error::other)?;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(sidecar_path(&target))?;
    file.write_all(&json)?;
    if durable {
        file.sync_all()?;
        if let Some(parent) = target.parent() {
            sync_dirs(&[parent])?;
        }
    }
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouped_folder_fsyncs_report_each_caller_its_own_folders() {
        let dir = tempfile::tempdir().unwrap();
        let folders: Vec<PathBuf> = (0..4).map(|i| dir.path().join(format!("f{i}"))).collect();
        for f in &folders {
            std::fs::create_dir_all(f).unwrap();
        }
        let missing = dir.path().join("missing");
        std::thread::scope(|scope| {
            let mut handles = Vec::new();
            for round in 0..50 {
                let a = folders[round % 4].as_path();
                let b = folders[(round + 1) % 4].as_path();
                handles.push(scope.spawn(move || sync_dirs(&[a, b])));
            }
            let bad = scope.spawn(|| sync_dirs(&[folders[0].as_path(), missing.as_path()]));
            for h in handles {
                assert!(h.join().unwrap().is_ok());
            }
            let err = bad.join().unwrap().unwrap_err();
            assert!(err.to_string().contains("missing"), "{err}");
        });
    }

    #[test]
    fn keeps_subfolder_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let inbox = dir.path().join("in");
        let done = dir.path().join("done");
        std::fs::create_dir_all(inbox.join("sub")).unwrap();
        for _ in 0..2 {
            std::fs::write(inbox.join("sub/a.txt"), b"x").unwrap();
            move_into(&inbox.join("sub/a.txt"), &inbox, &done, true).unwrap();
        }
        assert!(done.join("sub/a.txt").is_file());
        assert!(done.join("sub/a-1.txt").is_file());
    }

    #[test]
    fn a_failed_name_needs_a_free_sidecar_too() {
        let dir = tempfile::tempdir().unwrap();
        let inbox = dir.path().join("in");
        let failed = dir.path().join("failed");
        std::fs::create_dir_all(&inbox).unwrap();
        std::fs::create_dir_all(&failed).unwrap();
        // Someone left a sidecar without its file: the name is not reused.
        std::fs::write(failed.join("b.txt.error.json"), b"{}").unwrap();
        std::fs::write(inbox.join("b.txt"), b"x").unwrap();
        let sidecar = ErrorSidecar {
            path: "b.txt",
            step: Step::Read,
            reason: "r",
            attempts: 1,
            at: "now",
        };
        let target = fail(&inbox.join("b.txt"), &inbox, &failed, &sidecar, false).unwrap();
        assert_eq!(target, failed.join("b-1.txt"));
        let written = std::fs::read_to_string(failed.join("b-1.txt.error.json")).unwrap();
        assert_eq!(
            written,
            "{\n  \"path\": \"b.txt\",\n  \"step\": \"read\",\n  \"reason\": \"r\",\n  \"attempts\": 1,\n  \"at\": \"now\"\n}"
        );
        assert_eq!(
            std::fs::read(failed.join("b.txt.error.json")).unwrap(),
            b"{}"
        );
    }

    #[test]
    fn concurrent_moves_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let done = dir.path().join("done");
        // Sixteen inboxes, each with `a.txt` and `a-1.txt`, all moved into one folder at once:
        // `a.txt` clashes into `a-1.txt`, `a-2.txt`... while files really named so arrive too.
        let inboxes: Vec<PathBuf> = (0..16).map(|i| dir.path().join(format!("in{i}"))).collect();
        for inbox in &inboxes {
            std::fs::create_dir_all(inbox).unwrap();
            std::fs::write(inbox.join("a.txt"), b"a").unwrap();
            std::fs::write(inbox.join("a-1.txt"), b"a1").unwrap();
        }
        std::thread::scope(|scope| {
            for inbox in &inboxes {
                let done = &done;
                scope.spawn(move || {
                    for name in ["a.txt", "a-1.txt"] {
                        move_into(&inbox.join(name), inbox, done, false).unwrap();
                    }
                });
            }
        });
        assert_eq!(std::fs::read_dir(&done).unwrap().count(), 32);
    }
}
