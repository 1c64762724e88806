//! Moving a finished file out of the inbox: to `processed_dir`, or to `failed_dir` with an
//! `<name>.error.json` beside it. Never overwrites: a taken name gets a numeric suffix.

use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// Where `path` goes under `dest_root`, keeping its sub-folder path below `inbox`.
fn destination(path: &Path, inbox: &Path, dest_root: &Path) -> PathBuf {
    match path.strip_prefix(inbox) {
        Ok(relative) if !relative.as_os_str().is_empty() => dest_root.join(relative),
        _ => dest_root.join(path.file_name().unwrap_or(path.as_os_str())),
    }
}

/// `dir/stem-N.ext` for the first N that is free (`dir/name` itself when free).
fn free_name(target: PathBuf) -> PathBuf {
    if std::fs::symlink_metadata(&target).is_err() {
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
        .find(|candidate| std::fs::symlink_metadata(candidate).is_err())
        .unwrap_or(target)
}

/// Fsyncs a directory so that a rename into or out of it survives a power cut.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

/// Moves `path` from the inbox to `dest_root`; returns the new path.
pub fn move_into(
    path: &Path,
    inbox: &Path,
    dest_root: &Path,
    durable: bool,
) -> io::Result<PathBuf> {
    let target = free_name(destination(path, inbox, dest_root));
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    match std::fs::rename(path, &target) {
        Ok(()) => {}
        Err(e) if e.raw_os_error() == Some(libc::EXDEV) => {
            std::fs::copy(path, &target)?;
            if durable {
                std::fs::File::open(&target)?.sync_all()?;
            }
            std::fs::remove_file(path)?;
        }
        Err(e) => return Err(e),
    }
    if durable {
        if let Some(parent) = target.parent() {
            sync_dir(parent)?;
        }
        if let Some(parent) = path.parent() {
            sync_dir(parent)?;
        }
    }
    Ok(target)
}

/// The sidecar written next to a failed file.
#[derive(Debug, Serialize)]
pub struct ErrorSidecar<'a> {
    /// Where the file was dropped.
    pub path: &'a str,
    /// The pipeline step that failed.
    pub step: &'a str,
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
    let target = move_into(path, inbox, failed_dir, durable)?;
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".error.json");
    let sidecar_path = target.with_file_name(name);
    let json = serde_json::to_vec_pretty(sidecar).map_err(io::Error::other)?;
    std::fs::write(&sidecar_path, json)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
