//! The in-flight set: every path from the moment discovery queues it until a worker is done
//! with it (disposed of, skipped or left in the inbox). Discovery consults it so a file is
//! never queued twice; health and metrics read its size. A plain mutex-guarded set shared by
//! cloning, with no other dependency, so every module that needs it can import it.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Paths between discovery and disposal. Discovery skips a path that is in here, so a file
/// is never queued twice; the worker removes it once the file has left the inbox.
#[derive(Debug, Clone, Default)]
pub struct InFlight(Arc<Mutex<HashSet<PathBuf>>>);

impl InFlight {
    /// Adds `path`; false when it was already in flight.
    pub fn insert(&self, path: &Path) -> bool {
        self.0
            .lock()
            .map(|mut set| set.insert(path.to_path_buf()))
            .unwrap_or(false)
    }

    /// Removes `path`.
    pub fn remove(&self, path: &Path) {
        if let Ok(mut set) = self.0.lock() {
            set.remove(path);
        }
    }

    /// Whether `path` is in flight.
    pub fn contains(&self, path: &Path) -> bool {
        self.0.lock().map(|set| set.contains(path)).unwrap_or(false)
    }

    /// How many paths are in flight.
    pub fn len(&self) -> usize {
        self.0.lock().map(|set| set.len()).unwrap_or(0)
    }

    /// Whether nothing is in flight.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
