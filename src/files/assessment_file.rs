//! Reading and writing assessment files (`.ron`), with a format version so old files keep
//! opening and files from a newer version are refused whole rather than half-read.

use std::path::Path;

use serde::Deserialize;

use super::{FileError, strip_bom, write_atomic};
use crate::model::{Assessment, FORMAT_VERSION};
use crate::validate::validate_assessment;

/// Just the version, read when the file does not parse, to tell a newer file from a broken one.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

/// Parses and validates an assessment (a leading byte-order mark is fine); `path` is only
/// used in messages. The text is parsed once; only a file that fails is probed for its
/// version, so a newer file is refused as newer, never half-read.
pub fn parse_assessment(text: &str, path: &Path) -> Result<Assessment, FileError> {
    let text = strip_bom(text);
    let newer = |found| FileError::NewerVersion {
        path: path.to_path_buf(),
        found,
        supported: FORMAT_VERSION,
    };
    let mut assessment: Assessment = match ron::from_str(text) {
        Ok(assessment) => assessment,
        Err(err) => {
            return Err(match ron::from_str::<VersionProbe>(text) {
                Ok(probe) if probe.format_version > FORMAT_VERSION => newer(probe.format_version),
                _ => FileError::from_ron(path, text, &err),
            });
        }
    };
    if assessment.format_version > FORMAT_VERSION {
        return Err(newer(assessment.format_version));
    }
    // Older formats are read into this version's shape, so they are saved in it.
    assessment.format_version = FORMAT_VERSION;
    let problems = validate_assessment(&assessment, text);
    if problems.is_empty() {
        Ok(assessment)
    } else {
        Err(FileError::Invalid {
            path: path.to_path_buf(),
            problems,
        })
    }
}

/// Reads and parses an assessment file.
pub fn load_assessment(path: &Path) -> Result<Assessment, FileError> {
    let text = std::fs::read_to_string(path).map_err(|cause| FileError::Read {
        path: path.to_path_buf(),
        cause,
    })?;
    parse_assessment(&text, path)
}

/// The assessment as the RON text that `save_assessment` writes.
pub fn assessment_to_ron(assessment: &Assessment, path: &Path) -> Result<String, FileError> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .indentor("  ".to_string());
    ron::ser::to_string_pretty(assessment, config).map_err(|e| FileError::Encode {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// Saves atomically: the file on disk is always either the old or the new version.
pub fn save_assessment(assessment: &Assessment, path: &Path) -> Result<(), FileError> {
    let text = assessment_to_ron(assessment, path)?;
    write_atomic(path, text.as_bytes())
}
