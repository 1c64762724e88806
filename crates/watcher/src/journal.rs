//! The extraction journal: which files were being extracted when the process last died, and how
//! many times each has taken the daemon down, so that a poison pill ends in `failed/` instead
//! of restarting the service forever.
//!
//! Every extraction is bracketed by two short lines appended to `extracting.journal` in the
//! state folder: `start` before the file is read, `done` when extraction has returned (with
//! records or a failure). They are written with `write(2)` and never fsynced: the journal has to
//! survive the *process* dying (abort, stack overflow, out-of-memory kill, watchdog), which the
//! page cache does; after a power cut a file is at worst tried once more.
//!
//! At startup the journal is replayed. A `start` without its `done` is a file that was in hand
//! when the process died: its crash count goes up by one and it becomes a *suspect*. Suspects
//! still in the inbox are then extracted one at a time, alone, before the workers start (the
//! probation run), so a file that crashes the daemon is the only one blamed for it, and a file
//! that was merely in flight beside it is cleared. A suspect whose count has reached
//! `watch.max_crashes` is not extracted again: the worker turns it into a failure record (step
//! `extract`, reason `crashed the daemon N times`) and moves it to `failed/`.
//!
//! Lines are JSON (`{"op":"start","path":…,"crashes":N}`), so any path survives, and a torn last
//! line from a crash mid-write is ignored. The journal is rewritten at startup and whenever it
//! grows past [`COMPACT_BYTES`], keeping only the suspects and the files in hand.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::WatchError;

/// The journal's file name inside the state folder.
pub const FILE_NAME: &str = "extracting.journal";

/// Past this size the journal is rewritten with only what is still open or suspect.
pub const COMPACT_BYTES: u64 = 4 << 20;

/// One journal line.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum Entry {
    /// Extraction of `path` begins; it had already crashed the daemon `crashes` times.
    Start { path: PathBuf, crashes: u32 },
    /// Extraction of `path` returned.
    Done { path: PathBuf },
    /// `path` crashed the daemon `crashes` times and has not been extracted since.
    Suspect { path: PathBuf, crashes: u32 },
}

/// Whether a file may be extracted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Go ahead.
    Extract,
    /// It crashed the daemon this many times (at least `max_crashes`): fail it unextracted.
    Poisoned(u32),
}

#[derive(Debug)]
struct State {
    file: File,
    written: u64,
    /// Files that crashed the daemon, with their counts.
    suspects: HashMap<PathBuf, u32>,
    /// Files being extracted now, with the count they started with.
    open: HashMap<PathBuf, u32>,
}

/// The journal of one daemon (shared by all workers).
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    max_crashes: u32,
    state: Mutex<State>,
}

fn io_error(path: &Path, e: std::io::Error) -> WatchError {
    WatchError::Dir {
        path: path.to_path_buf(),
        source: e,
    }
}

/// Replays journal text: every file's crash count after the process that wrote it died.
fn replay(reader: impl BufRead) -> HashMap<PathBuf, u32> {
    let mut suspects: HashMap<PathBuf, u32> = HashMap::new();
    let mut open: HashMap<PathBuf, u32> = HashMap::new();
    for line in reader.split(b'\n').map_while(Result::ok) {
        // A torn or foreign line is skipped: at worst a file is tried once more.
        let Ok(entry) = serde_json::from_slice::<Entry>(&line) else {
            continue;
        };
        match entry {
            Entry::Start { path, crashes } => {
                suspects.remove(&path);
                open.insert(path, crashes);
            }
            Entry::Done { path } => {
                open.remove(&path);
                suspects.remove(&path);
            }
            Entry::Suspect { path, crashes } => {
                open.remove(&path);
                suspects.insert(path, crashes);
            }
        }
    }
    for (path, crashes) in open {
        suspects.insert(path, crashes.saturating_add(1));
    }
    suspects
}

impl Journal {
    /// Opens the journal in `state_dir`, replays what the last process left and rewrites it
    /// with the suspects only. Returns the journal and the suspects, sorted by path.
    pub fn open(
        state_dir: &Path,
        max_crashes: u32,
    ) -> Result<(Journal, Vec<(PathBuf, u32)>), WatchError> {
        std::fs::create_dir_all(state_dir).map_err(|e| io_error(state_dir, e))?;
        let path = state_dir.join(FILE_NAME);
        let suspects = match File::open(&path) {
            Ok(f) => replay(BufReader::new(f)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => HashMap::new(),
            Err(e) => return Err(io_error(&path, e)),
        };
        let (file, written) = rewrite(&path, &suspects, &HashMap::new())?;
        let mut list: Vec<(PathBuf, u32)> = suspects.iter().map(|(p, n)| (p.clone(), *n)).collect();
        list.sort();
        Ok((
            Journal {
                path,
                max_crashes: max_crashes.max(1),
                state: Mutex::new(State {
                    file,
                    written,
                    suspects,
                    open: HashMap::new(),
                }),
            },
            list,
        ))
    }

    /// Whether `path` may be extracted, and if so records that its extraction begins. Call
    /// [`Journal::end`] when extraction returns.
    pub fn begin(&self, path: &Path) -> Result<Verdict, WatchError> {
        let mut st = self.lock()?;
        let crashes = st.suspects.get(path).copied().unwrap_or(0);
        if crashes >= self.max_crashes {
            return Ok(Verdict::Poisoned(crashes));
        }
        st.open.insert(path.to_path_buf(), crashes);
        self.append(
            &mut st,
            &Entry::Start {
                path: path.to_path_buf(),
                crashes,
            },
        )?;
        Ok(Verdict::Extract)
    }

    /// Records that extraction of `path` returned, or that a poisoned file was failed: it is
    /// no longer a suspect.
    pub fn end(&self, path: &Path) -> Result<(), WatchError> {
        let mut st = self.lock()?;
        st.open.remove(path);
        st.suspects.remove(path);
        self.append(
            &mut st,
            &Entry::Done {
                path: path.to_path_buf(),
            },
        )?;
        if st.written > COMPACT_BYTES {
            let (file, written) = rewrite(&self.path, &st.suspects, &st.open)?;
            st.file = file;
            st.written = written;
        }
        Ok(())
    }

    /// Forgets a suspect that has left the inbox without being extracted.
    pub fn forget(&self, path: &Path) -> Result<(), WatchError> {
        let known = self.lock()?.suspects.contains_key(path);
        if known { self.end(path) } else { Ok(()) }
    }

    /// The crash count a file has now (0 when it never crashed the daemon).
    pub fn crashes(&self, path: &Path) -> u32 {
        self.lock()
            .ok()
            .and_then(|st| st.suspects.get(path).copied())
            .unwrap_or(0)
    }

    /// `watch.max_crashes`.
    pub fn max_crashes(&self) -> u32 {
        self.max_crashes
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, State>, WatchError> {
        self.state
            .lock()
            .map_err(|_| WatchError::Internal("the extraction journal lock is poisoned".into()))
    }

    fn append(&self, st: &mut State, entry: &Entry) -> Result<(), WatchError> {
        let mut line = serde_json::to_vec(entry)
            .map_err(|e| WatchError::Internal(format!("journal entry: {e}")))?;
        line.push(b'\n');
        st.file
            .write_all(&line)
            .map_err(|e| io_error(&self.path, e))?;
        st.written += line.len() as u64;
        Ok(())
    }
}

/// Writes a fresh journal holding `suspects` and the `open` starts (temporary file, fsync,
/// rename) and returns it open for appending, with its size.
fn rewrite(
    path: &Path,
    suspects: &HashMap<PathBuf, u32>,
    open: &HashMap<PathBuf, u32>,
) -> Result<(File, u64), WatchError> {
    let tmp = path.with_extension("journal.tmp");
    let mut text = Vec::new();
    let mut push = |entry: &Entry| -> Result<(), WatchError> {
        serde_json::to_writer(&mut text, entry)
            .map_err(|e| WatchError::Internal(format!("journal entry: {e}")))?;
        text.push(b'\n');
        Ok(())
    };
    let mut sorted: Vec<_> = suspects.iter().collect();
    sorted.sort();
    for (p, n) in sorted {
        push(&Entry::Suspect {
            path: p.clone(),
            crashes: *n,
        })?;
    }
    let mut sorted: Vec<_> = open.iter().collect();
    sorted.sort();
    for (p, n) in sorted {
        push(&Entry::Start {
            path: p.clone(),
            crashes: *n,
        })?;
    }
    {
        let mut f = File::create(&tmp).map_err(|e| io_error(&tmp, e))?;
        f.write_all(&text).map_err(|e| io_error(&tmp, e))?;
        f.sync_data().map_err(|e| io_error(&tmp, e))?;
    }
    std::fs::rename(&tmp, path).map_err(|e| io_error(path, e))?;
    let file = OpenOptions::new()
        .append(true)
        .open(path)
        .map_err(|e| io_error(path, e))?;
    Ok((file, text.len() as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(entries: &[&str]) -> std::io::Cursor<Vec<u8>> {
        std::io::Cursor::new(entries.join("\n").into_bytes())
    }

    #[test]
    fn a_start_without_done_is_one_more_crash() {
        let s = replay(lines(&[
            r#"{"op":"start","path":"/in/a","crashes":0}"#,
            r#"{"op":"start","path":"/in/b","crashes":1}"#,
            r#"{"op":"done","path":"/in/a"}"#,
            r#"{"op":"suspect","path":"/in/c","crashes":1}"#,
            r#"{"op":"start","path":"/in/d","cra"#,
        ]));
        assert_eq!(s.get(Path::new("/in/a")), None);
        assert_eq!(s.get(Path::new("/in/b")), Some(&2));
        assert_eq!(s.get(Path::new("/in/c")), Some(&1));
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn crashes_accumulate_over_restarts_until_the_file_is_poisoned() {
        let dir = tempfile::tempdir().unwrap();
        let file = Path::new("/in/poison.html");
        for expected in 0..2 {
            let (journal, suspects) = Journal::open(dir.path(), 2).unwrap();
            assert_eq!(journal.crashes(file), expected, "{suspects:?}");
            assert_eq!(journal.begin(file).unwrap(), Verdict::Extract);
            // the process dies here: the journal is dropped without `end`
        }
        let (journal, suspects) = Journal::open(dir.path(), 2).unwrap();
        assert_eq!(suspects, vec![(file.to_path_buf(), 2)]);
        assert_eq!(journal.begin(file).unwrap(), Verdict::Poisoned(2));
        journal.end(file).unwrap();
        let (journal, suspects) = Journal::open(dir.path(), 2).unwrap();
        assert!(suspects.is_empty());
        assert_eq!(journal.begin(file).unwrap(), Verdict::Extract);
    }

    #[test]
    fn a_file_that_finishes_is_cleared_and_compaction_keeps_what_is_open() {
        let dir = tempfile::tempdir().unwrap();
        let (journal, _) = Journal::open(dir.path(), 2).unwrap();
        let keep = Path::new("/in/still-running");
        journal.begin(keep).unwrap();
        let long = format!("/in/{}", "x".repeat(4000));
        for i in 0..(COMPACT_BYTES / 4000 + 10) {
            let p = PathBuf::from(format!("{long}{i}"));
            journal.begin(&p).unwrap();
            journal.end(&p).unwrap();
        }
        let size = std::fs::metadata(dir.path().join(FILE_NAME)).unwrap().len();
        assert!(size < COMPACT_BYTES, "{size}");
        drop(journal);
        let (_, suspects) = Journal::open(dir.path(), 2).unwrap();
        assert_eq!(suspects, vec![(keep.to_path_buf(), 1)]);
    }
}
