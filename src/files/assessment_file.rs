//! Reading and writing assessment files (`.ron`), with a format version so old files keep
//! opening and files from a newer version are refused whole rather than half-read.

use std::path::Path;

use serde::Deserialize;

use super::{FileError, write_atomic};
use crate::model::{Answer, Assessment, FORMAT_VERSION};
use crate::validate::{Problem, validate};

/// Just the version, read before anything else so a newer file is never half-read.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

/// Parses an assessment; `path` is only used in messages.
pub fn parse_assessment(text: &str, path: &Path) -> Result<Assessment, FileError> {
    if let Ok(probe) = ron::from_str::<VersionProbe>(text)
        && probe.format_version > FORMAT_VERSION
    {
        return Err(FileError::NewerVersion {
            path: path.to_path_buf(),
            found: probe.format_version,
            supported: FORMAT_VERSION,
        });
    }
    let mut assessment: Assessment =
        ron::from_str(text).map_err(|e| FileError::from_ron(path, text, &e))?;
    // Older formats are read into this version's shape, so they are saved in it.
    assessment.format_version = FORMAT_VERSION;
    let mut problems = validate(&assessment.questionnaire, text);
    problems.extend(answer_problems(&assessment));
    if problems.is_empty() {
        Ok(assessment)
    } else {
        Err(FileError::Invalid {
            path: path.to_path_buf(),
            problems,
        })
    }
}

/// Answers outside the scale: hand-edited files can contain them.
fn answer_problems(assessment: &Assessment) -> Vec<Problem> {
    let max = assessment.questionnaire.max_level();
    let mut problems = Vec::new();
    for participant in &assessment.participants {
        for (question, response) in &participant.responses {
            for answer in [response.current, response.target] {
                if let Answer::Level(level) = answer
                    && !(1..=max).contains(&level)
                {
                    problems.push(Problem {
                        line: 0,
                        col: 0,
                        message: format!(
                            "participant \"{}\" answered {level} to \"{question}\"; levels run from 1 to {max}",
                            participant.id
                        ),
                    });
                }
            }
        }
    }
    problems
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
