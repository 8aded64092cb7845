//! What the app remembers between runs, in eframe's storage: small, and never a document.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent files the start screen lists.
const RECENT_FILES: usize = 8;

/// Settings and recent files.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent: Vec<PathBuf>,
    pub dark: bool,
    /// The folder of assessments an organisation's results are compared with.
    pub portfolio_folder: Option<PathBuf>,
    /// The width exported charts are drawn at, in pixels.
    pub chart_width: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            recent: Vec::new(),
            dark: false,
            portfolio_folder: None,
            chart_width: 1200,
        }
    }
}

impl Settings {
    /// Puts `path` at the top of the recent files.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(RECENT_FILES);
    }
}
