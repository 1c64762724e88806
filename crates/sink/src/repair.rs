//! Startup repair of an output file: a torn last line (bytes after the last `\n`, left by a
//! crash or a full disk mid-write, including trailing NUL bytes) is moved to a quarantine file
//! `<output>.torn-<unix seconds>` and cut off, so the next append starts on a line of its own.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// A free quarantine name next to `path`.
fn quarantine_name(path: &Path) -> PathBuf {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut base = path.as_os_str().to_os_string();
    base.push(format!(".torn-{secs}"));
    let first = PathBuf::from(&base);
    if std::fs::symlink_metadata(&first).is_err() {
        return first;
    }
    (1u32..)
        .map(|n| {
            let mut name = base.clone();
            name.push(format!("-{n}"));
            PathBuf::from(name)
        })
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .unwrap_or(first)
}

/// Moves the bytes of `path` from offset `keep` to its end into a quarantine file, then
/// truncates `path` to `keep` and syncs both. Returns how many bytes were moved; logs a warning
/// saying so (`what` names what they were).
pub(crate) fn quarantine_tail(path: &Path, keep: u64, what: &str) -> std::io::Result<u64> {
    if !std::fs::metadata(path)?.is_file() {
        return Ok(0);
    }
    let mut file = OpenOptions::new().read(true).write(true).open(path)?;
    let len = file.metadata()?.len();
    if keep >= len {
        return Ok(0);
    }
    let mut tail = Vec::new();
    file.seek(SeekFrom::Start(keep))?;
    (&mut file).take(len - keep).read_to_end(&mut tail)?;
    let quarantine = quarantine_name(path);
    let mut q = File::create(&quarantine)?;
    q.write_all(&tail)?;
    q.sync_all()?;
    file.set_len(keep)?;
    file.sync_all()?;
    let dropped = len - keep;
    tracing::warn!(
        path = %path.display(),
        dropped_bytes = dropped,
        quarantine = %quarantine.display(),
        "removed a {what} left by an earlier crash or write error; its file is written again"
    );
    Ok(dropped)
}

/// Removes bytes after the last `\n` (a torn line, or NULs). Returns how many were dropped.
pub(crate) fn repair_torn_tail(path: &Path) -> std::io::Result<u64> {
    // Only a regular file can be torn (a FIFO or a character device is left alone).
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => {}
        Ok(_) => return Ok(0),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    }
    let mut file = match OpenOptions::new().read(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    let len = file.metadata()?.len();
    if len == 0 {
        return Ok(0);
    }
    let mut keep = len;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let start = keep.saturating_sub(buf.len() as u64);
        let n = usize::try_from(keep - start).unwrap_or(buf.len());
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(&mut buf[..n])?;
        if let Some(pos) = buf[..n].iter().rposition(|&b| b == b'\n') {
            keep = start + pos as u64 + 1;
            break;
        }
        if start == 0 {
            keep = 0;
            break;
        }
        keep = start;
    }
    drop(file);
    quarantine_tail(path, keep, "torn last line")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn torn_tail_is_quarantined() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.jsonl");
        std::fs::write(&p, b"{\"a\":1}\n{\"b\":").unwrap();
        assert_eq!(repair_torn_tail(&p).unwrap(), 5);
        assert_eq!(std::fs::read(&p).unwrap(), b"{\"a\":1}\n");
        let torn: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains(".torn-"))
            .collect();
        assert_eq!(torn.len(), 1);
        assert_eq!(std::fs::read(&torn[0]).unwrap(), b"{\"b\":");
    }

    #[test]
    fn trailing_nuls_and_whole_file_without_newline() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.jsonl");
        std::fs::write(&p, b"{}\n\0\0\0").unwrap();
        assert_eq!(repair_torn_tail(&p).unwrap(), 3);
        assert_eq!(std::fs::read(&p).unwrap(), b"{}\n");
        std::fs::write(&p, b"{\"x\":").unwrap();
        assert_eq!(repair_torn_tail(&p).unwrap(), 5);
        assert_eq!(std::fs::read(&p).unwrap(), b"");
        assert_eq!(repair_torn_tail(&dir.path().join("none")).unwrap(), 0);
    }
}
