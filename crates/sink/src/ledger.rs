//! The ledger of finished work: which input files already have their lines in the output, so a
//! file retried after a crash (its lines were written, but it never left the inbox) is not
//! appended twice.
//!
//! It is an append-only JSON-lines file in `sink.state_dir`. Before a group of batches is
//! appended to the output, one *intent* entry per keyed batch is written (and synced first,
//! unless `fsync = "never"`), giving the batch's key, output file identity and byte range.
//! After the output is written and synced a *commit* marker follows. At startup, intents after
//! the last commit marker are checked against the output: a batch whose byte range is wholly
//! in the output is committed; a batch that is missing or only partly written is not, and its
//! partial lines are cut off (into a quarantine file) so the retry writes it whole, once.
//!
//! Only the newest [`KEEP_KEYS`] keys are remembered. The crash window is the files whose lines
//! are acknowledged but which have not left the inbox yet; the daemon keeps at most
//! `KEEP_KEYS / 2` of those over all its workers (each worker holds several while it extracts
//! the next), so older keys are never needed. The file is rewritten (temp file, fsync,
//! rename) when it holds more than twice that many entries.

use std::collections::{HashSet, VecDeque};
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::SinkError;
use crate::repair::quarantine_tail;

/// How many committed keys are remembered (and kept in the compacted file).
pub const KEEP_KEYS: usize = 4096;

/// The ledger file's name inside the state directory.
pub const LEDGER_FILE: &str = "ledger.jsonl";

/// One line of the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t")]
pub(crate) enum Entry {
    /// A batch about to be appended to output `out` (0 articles, 1 failures).
    #[serde(rename = "w")]
    Intent {
        /// The batch key.
        k: String,
        /// Which output.
        out: u8,
        /// Output file device.
        dev: u64,
        /// Output file inode.
        ino: u64,
        /// First byte of the batch in the output.
        start: u64,
        /// One past its last byte.
        end: u64,
    },
    /// Every intent above this line is in the output.
    #[serde(rename = "c")]
    Commit,
}

/// What recovery did, for the log and tests.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// Keys known committed.
    pub committed: usize,
    /// In-doubt batches found complete in the output.
    pub confirmed: usize,
    /// In-doubt batches found missing or partial (their files will be written again).
    pub rolled_back: usize,
    /// Bytes of partial batches cut from the outputs.
    pub cut_bytes: u64,
}

/// The open ledger.
#[derive(Debug)]
pub(crate) struct Ledger {
    path: PathBuf,
    file: File,
    keys: HashSet<String>,
    order: VecDeque<String>,
    entries_in_file: usize,
    sync: bool,
}

/// Identity and length of an output file, if it exists.
fn identity(path: &Path) -> std::io::Result<Option<(u64, u64, u64)>> {
    match std::fs::metadata(path) {
        Ok(m) => Ok(Some((m.dev(), m.ino(), m.len()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> SinkError + '_ {
    move |source| SinkError::Open {
        path: path.to_path_buf(),
        source: source.into(),
    }
}

impl Ledger {
    /// Opens (creating) the ledger in `dir`, settles in-doubt batches against `outputs`
    /// (index = the `out` number; torn tails must already be repaired), and compacts it.
    pub(crate) fn open(
        dir: &Path,
        outputs: &[&Path],
        sync: bool,
    ) -> Result<(Ledger, Recovery), SinkError> {
        std::fs::create_dir_all(dir).map_err(io_err(dir))?;
        let path = dir.join(LEDGER_FILE);
        let text = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(io_err(&path)(e)),
        };
        let mut settled: Vec<Entry> = Vec::new();
        let mut doubt: Vec<Entry> = Vec::new();
        for line in text.split(|&b| b == b'\n') {
            // A line torn by a crash does not parse and is ignored: its batch was never
            // written (the intent is written before the output).
            match serde_json::from_slice::<Entry>(line) {
                Ok(Entry::Commit) => settled.append(&mut doubt),
                Ok(entry) => doubt.push(entry),
                Err(_) => {}
            }
        }
        let mut recovery = Recovery::default();
        if !doubt.is_empty() {
            for (out, output) in outputs.iter().enumerate() {
                let Some((dev, ino, len)) = identity(output).map_err(io_err(output))? else {
                    continue;
                };
                let mut cut_from: Option<u64> = None;
                for entry in &doubt {
                    if let Entry::Intent {
                        out: o,
                        dev: d,
                        ino: i,
                        start,
                        end,
                        ..
                    } = entry
                    {
                        if usize::from(*o) != out || (*d, *i) != (dev, ino) {
                            continue;
                        }
                        if *end > len {
                            cut_from = Some(cut_from.map_or(*start, |c| c.min(*start)));
                        }
                    }
                }
                if let Some(cut) = cut_from.filter(|&c| c < len) {
                    recovery.cut_bytes +=
                        quarantine_tail(output, cut, "partial batch").map_err(io_err(output))?;
                }
            }
            for entry in doubt {
                let complete = match &entry {
                    Entry::Intent {
                        out, dev, ino, end, ..
                    } => match outputs.get(usize::from(*out)) {
                        Some(output) => match identity(output).map_err(io_err(output))? {
                            Some((d, i, len)) if (d, i) == (*dev, *ino) => *end <= len,
                            // The output was rotated or replaced since: the batch was written
                            // before that, so it counts as committed.
                            _ => true,
                        },
                        None => true,
                    },
                    Entry::Commit => false,
                };
                if complete {
                    recovery.confirmed += 1;
                    settled.push(entry);
                } else if matches!(entry, Entry::Intent { .. }) {
                    recovery.rolled_back += 1;
                }
            }
        }
        let keep_from = settled.len().saturating_sub(KEEP_KEYS);
        let settled: Vec<Entry> = settled.split_off(keep_from);
        rewrite(&path, &settled, sync).map_err(io_err(&path))?;
        let file = OpenOptions::new()
            .append(true)
            .open(&path)
            .map_err(io_err(&path))?;
        let mut ledger = Ledger {
            path,
            file,
            keys: HashSet::new(),
            order: VecDeque::new(),
            entries_in_file: settled.len() + 1,
            sync,
        };
        for entry in settled {
            if let Entry::Intent { k, .. } = entry {
                ledger.remember(k);
            }
        }
        recovery.committed = ledger.keys.len();
        Ok((ledger, recovery))
    }

    /// The ledger file.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Whether `key`'s batch is already in the output.
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.keys.contains(key)
    }

    fn remember(&mut self, key: String) {
        if self.keys.insert(key.clone()) {
            self.order.push_back(key);
            while self.order.len() > KEEP_KEYS {
                if let Some(old) = self.order.pop_front() {
                    self.keys.remove(&old);
                }
            }
        }
    }

    fn write_err(&self) -> impl Fn(std::io::Error) -> SinkError + '_ {
        move |source| SinkError::Write {
            path: self.path.clone(),
            source: source.into(),
        }
    }

    /// Records the intents of a group (synced unless the policy is `never`) before its lines
    /// are appended.
    pub(crate) fn begin(&mut self, intents: &[Entry]) -> Result<(), SinkError> {
        if intents.is_empty() {
            return Ok(());
        }
        let mut buf = Vec::new();
        for entry in intents {
            serde_json::to_writer(&mut buf, entry).map_err(|e| SinkError::Encode(e.to_string()))?;
            buf.push(b'\n');
        }
        self.file.write_all(&buf).map_err(self.write_err())?;
        if self.sync {
            self.file.sync_data().map_err(|source| SinkError::Sync {
                path: self.path.clone(),
                source: source.into(),
            })?;
        }
        self.entries_in_file += intents.len();
        Ok(())
    }

    /// Marks the group's intents committed (the lines are written and synced per policy).
    /// The marker itself is not synced: if a power cut loses it, startup finds the batches
    /// complete in the output anyway.
    pub(crate) fn commit(&mut self, intents: Vec<Entry>) -> Result<(), SinkError> {
        if intents.is_empty() {
            return Ok(());
        }
        self.file
            .write_all(b"{\"t\":\"c\"}\n")
            .map_err(self.write_err())?;
        self.entries_in_file += 1;
        for entry in intents {
            if let Entry::Intent { k, .. } = entry {
                self.remember(k);
            }
        }
        if self.entries_in_file > 2 * KEEP_KEYS + 64 {
            self.compact()?;
        }
        Ok(())
    }

    /// Rewrites the file with only the remembered keys.
    fn compact(&mut self) -> Result<(), SinkError> {
        let entries: Vec<Entry> = self
            .order
            .iter()
            .map(|k| Entry::Intent {
                k: k.clone(),
                out: 0,
                dev: 0,
                ino: 0,
                start: 0,
                end: 0,
            })
            .collect();
        rewrite(&self.path, &entries, self.sync).map_err(self.write_err())?;
        self.file = OpenOptions::new()
            .append(true)
            .open(&self.path)
            .map_err(self.write_err())?;
        self.entries_in_file = entries.len() + 1;
        Ok(())
    }
}

/// Atomically replaces the ledger with `entries` followed by a commit marker.
fn rewrite(path: &Path, entries: &[Entry], sync: bool) -> std::io::Result<()> {
    let mut buf = Vec::new();
    for entry in entries {
        serde_json::to_writer(&mut buf, entry).map_err(std::io::Error::other)?;
        buf.push(b'\n');
    }
    buf.extend_from_slice(b"{\"t\":\"c\"}\n");
    let tmp = path.with_extension("jsonl.tmp");
    {
        let mut file = File::create(&tmp)?;
        file.write_all(&buf)?;
        if sync {
            file.sync_data()?;
        }
    }
    std::fs::rename(&tmp, path)?;
    if let Some(dir) = path.parent().filter(|_| sync) {
        File::open(dir)?.sync_all()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intent(k: &str, path: &Path, start: u64, end: u64) -> Entry {
        let m = std::fs::metadata(path).unwrap();
        Entry::Intent {
            k: k.into(),
            out: 0,
            dev: m.dev(),
            ino: m.ino(),
            start,
            end,
        }
    }

    #[test]
    fn complete_in_doubt_batch_counts_as_committed_and_partial_one_is_cut() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.jsonl");
        std::fs::write(&out, b"a\nb\n").unwrap();
        let state = dir.path().join("state");
        {
            let (mut ledger, _) = Ledger::open(&state, &[&out], true).unwrap();
            let first = vec![intent("one", &out, 0, 2)];
            ledger.begin(&first).unwrap();
            ledger.commit(first).unwrap();
            // Crash after the intent of "two" and a partial write of its lines.
            ledger
                .begin(&[intent("two", &out, 2, 6), intent("three", &out, 6, 8)])
                .unwrap();
        }
        let (ledger, recovery) = Ledger::open(&state, &[&out], true).unwrap();
        assert!(ledger.contains("one"));
        assert!(!ledger.contains("two"));
        assert!(!ledger.contains("three"));
        assert_eq!(recovery.rolled_back, 2);
        assert_eq!(recovery.cut_bytes, 2);
        assert_eq!(std::fs::read(&out).unwrap(), b"a\n");
    }

    #[test]
    fn written_but_unmarked_batch_is_committed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.jsonl");
        std::fs::write(&out, b"").unwrap();
        let state = dir.path().join("state");
        {
            let (mut ledger, _) = Ledger::open(&state, &[&out], false).unwrap();
            let batch = vec![intent("k", &out, 0, 4)];
            ledger.begin(&batch).unwrap();
            std::fs::write(&out, b"x\ny\n").unwrap();
            // Killed before the commit marker.
        }
        let (ledger, recovery) = Ledger::open(&state, &[&out], false).unwrap();
        assert!(ledger.contains("k"));
        assert_eq!(recovery.confirmed, 1);
        assert_eq!(std::fs::read(&out).unwrap(), b"x\ny\n");
    }

    #[test]
    fn stays_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.jsonl");
        std::fs::write(&out, b"").unwrap();
        let state = dir.path().join("state");
        let (mut ledger, _) = Ledger::open(&state, &[&out], false).unwrap();
        for i in 0..(3 * KEEP_KEYS) {
            let batch = vec![intent(&format!("key-{i}"), &out, 0, 0)];
            ledger.begin(&batch).unwrap();
            ledger.commit(batch).unwrap();
        }
        let lines = std::fs::read_to_string(state.join(LEDGER_FILE))
            .unwrap()
            .lines()
            .count();
        assert!(lines <= 2 * (2 * KEEP_KEYS + 64), "{lines}");
        assert!(ledger.contains(&format!("key-{}", 3 * KEEP_KEYS - 1)));
        assert!(!ledger.contains("key-0"));
        drop(ledger);
        let (ledger, recovery) = Ledger::open(&state, &[&out], false).unwrap();
        assert_eq!(recovery.committed, KEEP_KEYS);
        assert!(ledger.contains(&format!("key-{}", 3 * KEEP_KEYS - 1)));
    }
}
