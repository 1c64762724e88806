//! Which files some process holds open for writing, read from `/proc/<pid>/fd` and
//! `/proc/<pid>/fdinfo` (what `fuser` does). Processes the daemon may not inspect (other users,
//! without privileges) and writers on other hosts are invisible: for their files discovery relies
//! on the settle time alone. Without `/proc` nothing is ever reported open.

use std::collections::HashSet;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

/// A file's identity: device and inode.
pub type FileId = (u64, u64);

/// Among `wanted`, the files that some visible process has open for writing. One pass over
/// `/proc` whatever the size of `wanted`; nothing is read when `wanted` is empty.
pub fn open_for_writing(wanted: &HashSet<FileId>) -> HashSet<FileId> {
    let mut found = HashSet::new();
    if wanted.is_empty() {
        return found;
    }
    let Ok(processes) = std::fs::read_dir("/proc") else {
        return found;
    };
    for process in processes.flatten() {
        let name = process.file_name();
        if !name
            .to_str()
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        {
            continue;
        }
        let dir = process.path();
        let Ok(fds) = std::fs::read_dir(dir.join("fd")) else {
            continue;
        };
        for fd in fds.flatten() {
            // `metadata` follows the magic link to the open file itself (even a deleted one).
            let Ok(meta) = std::fs::metadata(fd.path()) else {
                continue;
            };
            let id = (meta.dev(), meta.ino());
            if !wanted.contains(&id) || found.contains(&id) {
                continue;
            }
            if fd_writable(&dir.join("fdinfo").join(fd.file_name())) {
                found.insert(id);
            }
        }
    }
    found
}

/// Whether the descriptor described by an fdinfo file was opened for writing.
fn fd_writable(fdinfo: &Path) -> bool {
    std::fs::read_to_string(fdinfo).is_ok_and(|text| flags_writable(&text))
}

/// Whether the `flags:` line (octal) of fdinfo text has a write access mode.
fn flags_writable(fdinfo: &str) -> bool {
    fdinfo
        .lines()
        .find_map(|line| line.strip_prefix("flags:"))
        .and_then(|flags| i64::from_str_radix(flags.trim(), 8).ok())
        .is_some_and(|flags| {
            let mode = flags & i64::from(libc::O_ACCMODE);
            mode == i64::from(libc::O_WRONLY) || mode == i64::from(libc::O_RDWR)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn fdinfo_flags() {
        assert!(!flags_writable("pos:\t0\nflags:\t0100000\nmnt_id:\t1\n"));
        assert!(flags_writable("pos:\t0\nflags:\t0100001\n"));
        assert!(flags_writable("pos:\t0\nflags:\t02100002\n"));
        assert!(!flags_writable("pos:\t0\n"));
        assert!(!flags_writable("flags:\tzz\n"));
    }

    #[test]
    fn sees_a_writer_and_not_a_reader() {
        if !Path::new("/proc/self/fdinfo").is_dir() {
            eprintln!("SKIP: no /proc/self/fdinfo");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        let mut writer = std::fs::File::create(&path).unwrap();
        writer.write_all(b"half").unwrap();
        let meta = std::fs::metadata(&path).unwrap();
        let id = (meta.dev(), meta.ino());
        let wanted: HashSet<FileId> = [id].into_iter().collect();
        assert!(open_for_writing(&wanted).contains(&id));
        drop(writer);
        let reader = std::fs::File::open(&path).unwrap();
        assert!(open_for_writing(&wanted).is_empty());
        drop(reader);
        assert!(open_for_writing(&HashSet::new()).is_empty());
    }
}
