//! The output never loses or repeats a record: SIGKILL at random moments, rename + SIGHUP,
//! built-in size rotation, copytruncate, a full disk (file size limit) and an output that is a
//! directory.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::schema::Validator;
use crate::util::{Daemon, Workspace, wait_until};

const WAIT: Duration = Duration::from_secs(90);

/// A small, valid, distinct Chinese news text for file number `i`.
fn article(i: usize) -> String {
    let day = 1 + i % 28;
    format!(
        "第{i}批社区志愿服务队出发\n2021-03-{day:02} {:02}:{:02}:00\n\n截至3月{day}日,\
         第{i}批上岗志愿者共{}人,志愿服务时数{}小时。\n社区党委组织{}名党员参与值守,\
         发放物资{}件。\n",
        8 + i % 10,
        i % 60,
        100 + i,
        1000 + 3 * i,
        10 + i % 50,
        200 + 7 * i,
    )
}

fn name(i: usize) -> String {
    format!("n{i:05}.txt")
}

/// xorshift64; the seed is printed so a failure can be replayed.
struct Rng(u64);
impl Rng {
    fn new() -> Self {
        let seed = std::env::var("NEWSDROP_TEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
                    | 1
            });
        eprintln!("NEWSDROP_TEST_SEED={seed}");
        Rng(seed)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Parses every line of the given files (panicking on a bad line or a NUL byte), validates it
/// against the article schema, and checks that each dropped file `0..n` has each of its
/// articles exactly once. Returns the ids in file order.
fn assert_exactly_once(ws: &Workspace, files: &[PathBuf], n: usize) -> Vec<String> {
    let validator = Validator::new();
    let mut ids = Vec::new();
    let mut by_file: BTreeMap<String, (u64, Vec<u64>)> = BTreeMap::new();
    for file in files {
        let bytes = std::fs::read(file).unwrap_or_default();
        assert!(!bytes.contains(&0), "NUL byte in {}", file.display());
        assert!(
            bytes.is_empty() || bytes.ends_with(b"\n"),
            "{} ends in a torn line",
            file.display()
        );
        for record in Workspace::lines(file) {
            validator.article(&record);
            ids.push(record["id"].as_str().unwrap().to_string());
            let path = record["source"]["path"].as_str().unwrap().to_string();
            let count = record["source"]["article_count"].as_u64().unwrap();
            let index = record["source"]["article_index"].as_u64().unwrap();
            let entry = by_file.entry(path).or_insert((count, Vec::new()));
            entry.1.push(index);
        }
    }
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids");
    for i in 0..n {
        let path = ws.inbox().join(name(i)).to_string_lossy().into_owned();
        let Some((count, mut indexes)) = by_file.remove(&path) else {
            panic!("no record for {path}");
        };
        indexes.sort_unstable();
        assert_eq!(indexes, (0..count).collect::<Vec<_>>(), "{path}");
    }
    assert!(by_file.is_empty(), "records of unknown files: {by_file:?}");
    assert!(Workspace::files_under(&ws.inbox()).is_empty());
    assert!(
        ws.failure_records().is_empty(),
        "{:?}",
        ws.failure_records()
    );
    ids
}

/// Every `articles.jsonl*` file except quarantined torn tails, oldest first.
fn output_files(ws: &Workspace) -> Vec<PathBuf> {
    let dir = ws.articles().parent().unwrap().to_path_buf();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("articles.jsonl") && !name.contains(".torn-")
        })
        .collect();
    // articles.jsonl.N (higher N older), then the current file.
    files.sort_by_key(|p| {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        let suffix = name
            .trim_start_matches("articles.jsonl")
            .trim_start_matches('.');
        std::cmp::Reverse(suffix.parse::<u64>().unwrap_or(0))
    });
    files
}

/// Drops files `range` into the inbox from a background thread, `per_ms` apart.
fn producer(
    ws: &Workspace,
    range: std::ops::Range<usize>,
    every: Duration,
) -> std::thread::JoinHandle<()> {
    let inbox = ws.inbox();
    std::thread::spawn(move || {
        std::fs::create_dir_all(&inbox).unwrap();
        for i in range {
            let tmp = inbox.join(format!(".{}.tmp", name(i)));
            std::fs::write(&tmp, article(i)).unwrap();
            std::fs::rename(&tmp, inbox.join(name(i))).unwrap();
            std::thread::sleep(every);
        }
    })
}

fn record_count(path: &Path) -> usize {
    std::fs::read(path)
        .map(|b| b.iter().filter(|&&c| c == b'\n').count())
        .unwrap_or(0)
}

/// `tail -n +1 -F path`, its stdout in a file.
struct Tail {
    child: Child,
    out: PathBuf,
}
impl Tail {
    fn start(ws: &Workspace, path: &Path) -> Tail {
        let out = ws.root().join("tail.out");
        let child = Command::new("tail")
            .args(["-n", "+1", "-F", "-s", "0.1"])
            .arg(path)
            .stdout(std::fs::File::create(&out).unwrap())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        Tail { child, out }
    }
    fn ids(&self) -> HashSet<String> {
        std::fs::read_to_string(&self.out)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .map(|v| v["id"].as_str().unwrap_or_default().to_string())
            .collect()
    }
}
impl Drop for Tail {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn ids_of(path: &Path) -> HashSet<String> {
    Workspace::lines(path)
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn sigkill_at_random_moments_loses_and_repeats_nothing() {
    const FILES: usize = 2000;
    const KILLS: usize = 12;
    let started = Instant::now();
    let ws = Workspace::new();
    let mut rng = Rng::new();
    // Files keep arriving for about as long as the kills take (a debug daemon needs about a
    // second to start), so there is always work in hand to interrupt.
    let feeding = producer(&ws, 0..FILES, Duration::from_millis(6));
    let env = [
        ("NEWSDROP__SINK__FSYNC", "batch"),
        ("NEWSDROP__LOG__LEVEL", "warn"),
    ];
    let mut kills = 0;
    while kills < KILLS {
        let mut daemon = ws.start(&env);
        let before = record_count(&ws.articles());
        // Kill while records are flowing: once this run has written something, after a random
        // pause of up to 300 ms.
        let flowing = wait_until(Duration::from_secs(30), || {
            record_count(&ws.articles()) > before || daemon.child.try_wait().unwrap().is_some()
        });
        assert!(
            daemon.child.try_wait().unwrap().is_none(),
            "daemon exited; log:\n{}",
            daemon.log_text()
        );
        if !flowing || (feeding.is_finished() && Workspace::files_under(&ws.inbox()).is_empty()) {
            // Nothing left to interrupt; feed the rest below.
            drop(daemon);
            break;
        }
        std::thread::sleep(Duration::from_millis(rng.below(300)));
        daemon.signal(9);
        daemon.wait(Duration::from_secs(10));
        kills += 1;
    }
    feeding.join().unwrap();
    let daemon = ws.start(&env);
    assert!(
        wait_until(WAIT, || Workspace::files_under(&ws.inbox()).is_empty()),
        "inbox not emptied; log:\n{}",
        daemon.log_text()
    );
    let status = daemon.stop(Duration::from_secs(30));
    assert!(status.success(), "{status:?}");
    assert!(
        kills >= 10,
        "only {kills} kills landed while records flowed"
    );
    let ids = assert_exactly_once(&ws, &[ws.articles()], FILES);
    assert_eq!(
        Workspace::files_under(&ws.processed()).len(),
        FILES,
        "every file processed once"
    );
    eprintln!(
        "crash test: {FILES} files, {} records, {kills} SIGKILLs, {:.1} s",
        ids.len(),
        started.elapsed().as_secs_f64()
    );
}

/// Rotates with `rotate` once `at` records are written, while 300 files arrive; checks that
/// rotated + current files hold every record once and that `tail -F` follows.
fn rotation_while_files_arrive(extra_env: &[(&str, &str)], rotate: impl Fn(&Workspace, &Daemon)) {
    const FILES: usize = 300;
    let ws = Workspace::new();
    std::fs::create_dir_all(ws.articles().parent().unwrap()).unwrap();
    let tail = Tail::start(&ws, &ws.articles());
    let mut env = vec![("NEWSDROP__LOG__LEVEL", "info")];
    env.extend_from_slice(extra_env);
    let daemon = ws.start(&env);
    let feeding = producer(&ws, 0..FILES, Duration::from_millis(5));
    assert!(wait_until(WAIT, || output_files(&ws)
        .iter()
        .map(|f| record_count(f))
        .sum::<usize>()
        >= 80));
    rotate(&ws, &daemon);
    feeding.join().unwrap();
    assert!(
        wait_until(WAIT, || Workspace::files_under(&ws.inbox()).is_empty()),
        "log:\n{}",
        daemon.log_text()
    );
    // A size rotation right after the last write leaves the current file empty; one more file
    // gives tail -F something to show from it.
    let mut total = FILES;
    if record_count(&ws.articles()) == 0 {
        producer(&ws, FILES..FILES + 1, Duration::ZERO)
            .join()
            .unwrap();
        total += 1;
        assert!(wait_until(WAIT, || record_count(&ws.articles()) > 0));
    }
    let log = daemon.log_text();
    let status = daemon.stop(Duration::from_secs(30));
    assert!(status.success(), "{status:?}\n{log}");
    let files = output_files(&ws);
    assert!(files.len() >= 2, "no rotation happened: {files:?}\n{log}");
    assert_exactly_once(&ws, &files, total);
    // tail -F went on with the new file: it has the records written after the rotation.
    let newest = ids_of(&ws.articles());
    assert!(!newest.is_empty());
    assert!(
        wait_until(Duration::from_secs(10), || newest.is_subset(&tail.ids())),
        "tail -F lost the current file"
    );
}

#[test]
fn rename_then_sighup_reopens_and_keeps_every_record_once() {
    rotation_while_files_arrive(&[], |ws, daemon| {
        let rotated = ws.root().join("out/articles.jsonl.1");
        std::fs::rename(ws.articles(), &rotated).unwrap();
        // Lines may still land in the renamed file until the daemon reopens: that is fine.
        std::thread::sleep(Duration::from_millis(100));
        daemon.signal(1);
        assert!(wait_until(WAIT, || ws.articles().is_file()));
    });
}

#[test]
fn built_in_size_rotation_keeps_every_record_once() {
    rotation_while_files_arrive(
        &[
            ("NEWSDROP__SINK__ROTATE_BYTES", "60000"),
            ("NEWSDROP__SINK__KEEP_FILES", "1000"),
        ],
        |ws, _| {
            assert!(wait_until(WAIT, || ws
                .root()
                .join("out/articles.jsonl.1")
                .is_file()));
        },
    );
}

#[test]
fn copytruncate_leaves_a_clean_file() {
    const FILES: usize = 200;
    let ws = Workspace::new();
    let daemon = ws.start(&[]);
    let feeding = producer(&ws, 0..FILES, Duration::from_millis(5));
    let mut copies = Vec::new();
    for round in 0..5 {
        assert!(wait_until(WAIT, || record_count(&ws.articles()) >= 10));
        // What logrotate copytruncate does: copy, then truncate in place.
        let copy = ws.root().join(format!("out/articles.jsonl.{}", round + 1));
        std::fs::copy(ws.articles(), &copy).unwrap();
        std::fs::OpenOptions::new()
            .write(true)
            .open(ws.articles())
            .unwrap()
            .set_len(0)
            .unwrap();
        copies.push(copy);
    }
    feeding.join().unwrap();
    assert!(wait_until(WAIT, || Workspace::files_under(&ws.inbox()).is_empty()));
    let status = daemon.stop(Duration::from_secs(30));
    assert!(status.success());
    let validator = Validator::new();
    let mut seen = HashSet::new();
    copies.push(ws.articles());
    for file in &copies {
        let bytes = std::fs::read(file).unwrap();
        assert!(!bytes.contains(&0), "NUL bytes in {}", file.display());
        assert!(bytes.is_empty() || bytes.ends_with(b"\n"));
        for record in Workspace::lines(file) {
            validator.article(&record);
            // Lines can be lost between copy and truncate, never repeated.
            assert!(seen.insert(record["id"].as_str().unwrap().to_string()));
        }
    }
    assert!(!Workspace::lines(&ws.articles()).is_empty());
}

#[test]
fn a_full_disk_is_fatal_and_nothing_is_lost_on_restart() {
    const FILES: usize = 60;
    let ws = Workspace::new();
    for i in 0..FILES {
        ws.drop_file(&name(i), article(i).as_bytes());
    }
    // A 48 KiB file size limit stands in for a full disk: writes past it fail with EFBIG
    // (newsdrop catches SIGXFSZ), the same path as ENOSPC.
    let mut cmd = ws.command();
    cmd.env("NEWSDROP__LOG__LEVEL", "warn");
    let log = ws.root().join("full.log");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 96; exec \"$0\" run")
        .arg(crate::util::bin())
        .envs(cmd.get_envs().filter_map(|(k, v)| Some((k, v?))))
        .current_dir(ws.root())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(start.elapsed() < WAIT, "daemon did not stop on a full disk");
        std::thread::sleep(Duration::from_millis(50));
    };
    let text = std::fs::read_to_string(&log).unwrap();
    assert_eq!(status.code(), Some(74), "{text}");
    assert!(text.contains("ERROR"), "{text}");
    assert!(text.contains("File too large"), "{text}");
    assert!(
        text.contains(&ws.root().join("out").display().to_string()),
        "{text}"
    );
    let left = Workspace::files_under(&ws.inbox()).len();
    assert!(left > 0, "everything fit; raise FILES");
    // What was written is whole lines only, and every file that left the inbox has its
    // records there.
    let bytes = std::fs::read(ws.articles()).unwrap_or_default();
    assert!(bytes.is_empty() || bytes.ends_with(b"\n"));
    let written: HashSet<String> = Workspace::lines(&ws.articles())
        .iter()
        .map(|r| {
            let p = r["source"]["path"].as_str().unwrap();
            Path::new(p)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    for moved in Workspace::files_under(&ws.processed()) {
        let name = moved.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            written.contains(&name),
            "{name} left the inbox without its records"
        );
    }

    // Space is back: the restart writes the rest, once.
    let daemon = ws.start(&[]);
    assert!(
        wait_until(WAIT, || Workspace::files_under(&ws.inbox()).is_empty()),
        "{}",
        daemon.log_text()
    );
    assert!(daemon.stop(Duration::from_secs(30)).success());
    assert_exactly_once(&ws, &[ws.articles()], FILES);
}

#[test]
fn an_output_that_is_a_directory_is_fatal_and_keeps_the_inbox() {
    let ws = Workspace::new();
    ws.drop_file("a.txt", article(1).as_bytes());
    std::fs::create_dir_all(ws.articles()).unwrap();
    let mut daemon = ws.start(&[]);
    let status = daemon.wait(WAIT);
    let log = daemon.log_text();
    assert_eq!(status.code(), Some(74), "{log}");
    assert!(log.contains("ERROR"), "{log}");
    assert!(log.contains("articles.jsonl"), "{log}");
    assert!(ws.inbox().join("a.txt").is_file());
}
