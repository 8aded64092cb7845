//! Telling a questionnaire file from an assessment file by parsing it: an assessment has a
//! `format_version` and a `questionnaire` at its top level. The words alone prove nothing: a
//! questionnaire's description may well mention "format_version".

use std::path::Path;

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::{FileError, parse_assessment, parse_questionnaire, strip_bom};
use crate::model::{Assessment, Questionnaire};

/// A file Convergence reads: a questionnaire or an assessment.
#[derive(Debug)]
pub enum Document {
    Questionnaire(Box<Questionnaire>),
    Assessment(Box<Assessment>),
}

/// The top-level fields that only an assessment has; all others are skipped unread.
#[derive(Deserialize)]
#[serde(rename = "Assessment")]
struct KindProbe {
    #[serde(default)]
    format_version: Present,
    #[serde(default)]
    questionnaire: Present,
}

/// Whether a field was there, whatever its value.
#[derive(Default)]
struct Present(bool);

impl<'de> Deserialize<'de> for Present {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(deserializer).map(|_| Present(true))
    }
}

/// Parses and validates a questionnaire or an assessment, whichever the text is.
pub fn parse_document(text: &str, path: &Path) -> Result<Document, FileError> {
    let text = strip_bom(text);
    let is_assessment = match ron::from_str::<KindProbe>(text) {
        Ok(probe) => probe.format_version.0 || probe.questionnaire.0,
        // Written with its struct name, `Questionnaire(…)`.
        Err(ron::error::SpannedError {
            code: ron::Error::ExpectedDifferentStructName { .. },
            ..
        }) => false,
        Err(err) => return Err(FileError::from_ron(path, text, &err)),
    };
    if is_assessment {
        parse_assessment(text, path).map(|a| Document::Assessment(Box::new(a)))
    } else {
        parse_questionnaire(text, path).map(|q| Document::Questionnaire(Box::new(q)))
    }
}

/// Reads a file and parses it as [`parse_document`] does.
pub fn load_document(path: &Path) -> Result<Document, FileError> {
    let text = std::fs::read_to_string(path).map_err(|cause| FileError::Read {
        path: path.to_path_buf(),
        cause,
    })?;
    parse_document(&text, path)
}
