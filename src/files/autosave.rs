//! The autosave: a copy of the open assessment written in the background of editing, so a
//! crashed or killed session can be recovered. It is an ordinary assessment file plus a note
//! of where the user's own file lives, kept in the app's data folder.

use std::path::{Path, PathBuf};

use super::{FileError, assessment_to_ron, load_assessment, write_atomic};
use crate::model::Assessment;

const AUTOSAVE_FILE: &str = "autosave.ron";
const ORIGIN_FILE: &str = "autosave.origin";

/// What an autosave holds: the work and the file it belongs to (if it was ever saved).
#[derive(Debug)]
pub struct Recovery {
    pub assessment: Assessment,
    pub origin: Option<PathBuf>,
    /// When the autosave was written, for the user to judge it.
    pub modified: Option<std::time::SystemTime>,
}

/// Writes the autosave into `dir` (created if missing).
pub fn write_autosave(
    dir: &Path,
    assessment: &Assessment,
    origin: Option<&Path>,
) -> Result<(), FileError> {
    let text = assessment_to_ron(assessment, &dir.join(AUTOSAVE_FILE))?;
    write_autosave_text(dir, &text, origin)
}

/// Writes an assessment already turned into RON text as the autosave: the window serialises
/// on its own thread and leaves only the writing to a worker.
pub fn write_autosave_text(dir: &Path, text: &str, origin: Option<&Path>) -> Result<(), FileError> {
    std::fs::create_dir_all(dir).map_err(|cause| FileError::Write {
        path: dir.to_path_buf(),
        cause,
    })?;
    let origin_text = origin
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    write_atomic(&dir.join(ORIGIN_FILE), origin_text.as_bytes())?;
    write_atomic(&dir.join(AUTOSAVE_FILE), text.as_bytes())
}

/// The autosave in `dir`, if there is one; an unreadable one is an error, not silence.
pub fn read_autosave(dir: &Path) -> Option<Result<Recovery, FileError>> {
    let path = dir.join(AUTOSAVE_FILE);
    if !path.exists() {
        return None;
    }
    let origin = std::fs::read_to_string(dir.join(ORIGIN_FILE))
        .ok()
        .filter(|text| !text.trim().is_empty())
        .map(|text| PathBuf::from(text.trim()));
    let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
    Some(load_assessment(&path).map(|assessment| Recovery {
        assessment,
        origin,
        modified,
    }))
}

/// Removes the autosave: the work it held is saved or deliberately discarded.
pub fn clear_autosave(dir: &Path) {
    // A missing file is the goal, so failures to remove one that is not there are fine.
    let _ = std::fs::remove_file(dir.join(AUTOSAVE_FILE));
    let _ = std::fs::remove_file(dir.join(ORIGIN_FILE));
}
