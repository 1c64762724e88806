//! Test harness: a temp workspace (inbox, processed, failed, output) and the real `newsdrop`
//! binary started on it through `NEWSDROP__…` environment variables, and the harness side of
//! the systemd notify socket. The end-to-end benchmark (`bench/e2e_bench.rs`) uses it too.

#![allow(dead_code)]

use std::os::unix::net::UnixDatagram;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The binary under test.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_newsdrop"))
}

/// `../shared` next to the checkout, if present.
pub fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    dir.is_dir().then(|| dir.canonicalize().unwrap())
}

/// The five eval inputs, sorted; `None` (with a printed reason) when `../shared` is absent.
pub fn eval_inputs() -> Option<Vec<PathBuf>> {
    let Some(shared) = shared() else {
        eprintln!("SKIP: ../shared not found next to the checkout");
        return None;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared.join("eval/input"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    Some(files)
}

/// A temp directory laid out like a deployment.
pub struct Workspace {
    /// Keeps the directory alive.
    pub dir: tempfile::TempDir,
}

impl Workspace {
    /// A fresh workspace (directories are created by the daemon).
    pub fn new() -> Self {
        Workspace {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    /// Root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }
    /// The inbox.
    pub fn inbox(&self) -> PathBuf {
        self.root().join("inbox")
    }
    /// Processed files.
    pub fn processed(&self) -> PathBuf {
        self.root().join("processed")
    }
    /// Failed files.
    pub fn failed(&self) -> PathBuf {
        self.root().join("failed")
    }
    /// Article records.
    pub fn articles(&self) -> PathBuf {
        self.root().join("out/articles.jsonl")
    }
    /// Failure records.
    pub fn failures(&self) -> PathBuf {
        self.root().join("out/failures.jsonl")
    }

    /// The environment that points the daemon at this workspace.
    pub fn env(&self) -> Vec<(String, String)> {
        let p = |p: PathBuf| p.to_string_lossy().into_owned();
        vec![
            ("NEWSDROP__WATCH__INBOX".into(), p(self.inbox())),
            ("NEWSDROP__WATCH__PROCESSED_DIR".into(), p(self.processed())),
            ("NEWSDROP__WATCH__FAILED_DIR".into(), p(self.failed())),
            ("NEWSDROP__SINK__PATH".into(), p(self.articles())),
            ("NEWSDROP__SINK__FAILURES_PATH".into(), p(self.failures())),
            ("NEWSDROP__WATCH__SETTLE_MS".into(), "200".into()),
            ("NEWSDROP__LOG__LEVEL".into(), "info".into()),
        ]
    }

    /// A command for the binary with this workspace's environment.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(bin());
        cmd.current_dir(self.root());
        for (k, v) in self.env() {
            cmd.env(k, v);
        }
        cmd.env_remove("RUST_LOG");
        cmd
    }

    /// Starts `newsdrop run` with extra environment.
    pub fn start(&self, extra_env: &[(&str, &str)]) -> Daemon {
        let mut cmd = self.command();
        cmd.arg("run");
        for (k, v) in extra_env {
            cmd.env(k, v);
        }
        let log = self.root().join(format!("daemon-{}.log", unique()));
        let log_file = std::fs::File::create(&log).unwrap();
        let child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::from(log_file))
            .spawn()
            .unwrap();
        Daemon { child, log }
    }

    /// Writes a file into the inbox the way a careful producer does: write a hidden temp
    /// name, then rename into place.
    pub fn drop_file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let target = self.inbox().join(name);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        let tmp = self.inbox().join(format!(".{name}.{}.tmp", unique()));
        std::fs::write(&tmp, bytes).unwrap();
        std::fs::rename(&tmp, &target).unwrap();
        target
    }

    /// Parsed lines of a JSONL file (empty when it does not exist). Only whole lines count: a
    /// reader running beside the daemon may catch a long line while the kernel is still copying
    /// it in (one `write` of a 30 KB record is not atomic for a concurrent `read`), as `tail -F`
    /// readers may; the line is complete once its newline is there.
    pub fn lines(path: &Path) -> Vec<serde_json::Value> {
        let Ok(text) = std::fs::read_to_string(path) else {
            return Vec::new();
        };
        let whole = text.rfind('\n').map_or("", |end| &text[..=end]);
        whole
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l:?}: {e}")))
            .collect()
    }

    /// Article records written so far.
    pub fn records(&self) -> Vec<serde_json::Value> {
        Self::lines(&self.articles())
    }

    /// Failure records written so far.
    pub fn failure_records(&self) -> Vec<serde_json::Value> {
        Self::lines(&self.failures())
    }

    /// Regular files left anywhere under `dir`, recursively.
    pub fn files_under(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    out.push(p);
                }
            }
        }
        out.sort();
        out
    }
}

/// A running daemon; killed on drop if still running.
pub struct Daemon {
    /// The process.
    pub child: Child,
    /// Its stderr log.
    pub log: PathBuf,
}

impl Daemon {
    /// Sends a signal.
    pub fn signal(&self, sig: i32) {
        // SAFETY-free: `kill` through the command line keeps the test crate free of unsafe.
        let status = Command::new("kill")
            .arg(format!("-{sig}"))
            .arg(self.child.id().to_string())
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// SIGTERM, then wait up to `timeout` for the exit status.
    pub fn stop(mut self, timeout: Duration) -> ExitStatus {
        self.signal(15);
        self.wait(timeout)
    }

    /// Waits for exit.
    pub fn wait(&mut self, timeout: Duration) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if start.elapsed() > timeout {
                let _ = self.child.kill();
                panic!(
                    "daemon did not exit within {timeout:?}; log:\n{}",
                    self.log_text()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The daemon's stderr so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Polls `check` until it returns true or `timeout` passes; returns whether it did.
pub fn wait_until(timeout: Duration, mut check: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < timeout {
        if check() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    check()
}

/// A process-unique number for temp names.
pub fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed) + u64::from(std::process::id()) * 1_000_000
}

/// A datagram from the daemon on `NOTIFY_SOCKET`, split into its `KEY=value` lines.
#[derive(Debug, Clone)]
pub struct Notice {
    /// The lines, e.g. `READY=1`, `STATUS=…`.
    pub lines: Vec<String>,
}

impl Notice {
    /// Whether one of its lines is exactly `line`.
    pub fn has(&self, line: &str) -> bool {
        self.lines.iter().any(|l| l == line)
    }
}

/// The harness side of `NOTIFY_SOCKET`: a bound datagram socket read by a thread, each notice
/// stamped with the instant it arrived.
pub struct NotifySocket {
    /// The socket's path (give it to the daemon as `NOTIFY_SOCKET`).
    pub path: PathBuf,
    rx: mpsc::Receiver<(Instant, Notice)>,
    /// Every notice received so far by [`NotifySocket::wait_for`] and
    /// [`NotifySocket::collect`], with its arrival.
    pub seen: Vec<(Instant, Notice)>,
}

impl NotifySocket {
    /// Binds `notify.sock` in `dir`.
    pub fn bind(dir: &Path) -> Self {
        let path = dir.join("notify.sock");
        let socket = UnixDatagram::bind(&path).unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = vec![0u8; 4096];
            while let Ok(n) = socket.recv(&mut buf) {
                let text = String::from_utf8_lossy(&buf[..n]).into_owned();
                let notice = Notice {
                    lines: text.lines().map(str::to_string).collect(),
                };
                if tx.send((Instant::now(), notice)).is_err() {
                    break;
                }
            }
        });
        NotifySocket {
            path,
            rx,
            seen: Vec::new(),
        }
    }

    /// Waits for a notice matching `pred`, keeping everything received on the way.
    pub fn wait_for(
        &mut self,
        timeout: Duration,
        pred: impl Fn(&Notice) -> bool,
    ) -> Option<Notice> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            let (at, notice) = self.rx.recv_timeout(left).ok()?;
            self.seen.push((at, notice.clone()));
            if pred(&notice) {
                return Some(notice);
            }
        }
    }

    /// Collects notices for `period`.
    pub fn collect(&mut self, period: Duration) -> Vec<Notice> {
        let deadline = Instant::now() + period;
        let mut got = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            if let Ok((at, notice)) = self.rx.recv_timeout(left) {
                self.seen.push((at, notice.clone()));
                got.push(notice);
            }
        }
        got
    }
}
