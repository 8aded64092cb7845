//! Loading questionnaires: from a `.ron` file, or from the ones built into the binary.

use std::path::Path;

use super::{FileError, strip_bom};
use crate::model::Questionnaire;
use crate::validate::validate;

/// The shipped questionnaires, embedded so the app works from any directory: (id, path,
/// text). The id is written here too so that naming one parses only that one.
const BUILTIN: [(&str, &str, &str); 2] = [
    (
        "convergence-workshop",
        "questionnaires/workshop.ron",
        include_str!("../../questionnaires/workshop.ron"),
    ),
    (
        "cio-self-check",
        "questionnaires/cio-self-check.ron",
        include_str!("../../questionnaires/cio-self-check.ron"),
    ),
];

/// Parses and validates a questionnaire (a leading byte-order mark is fine); `path` is only
/// used in messages.
pub fn parse_questionnaire(text: &str, path: &Path) -> Result<Questionnaire, FileError> {
    let text = strip_bom(text);
    let questionnaire: Questionnaire =
        ron::from_str(text).map_err(|e| FileError::from_ron(path, text, &e))?;
    let problems = validate(&questionnaire, text);
    if problems.is_empty() {
        Ok(questionnaire)
    } else {
        Err(FileError::Invalid {
            path: path.to_path_buf(),
            problems,
        })
    }
}

/// Reads, parses and validates a questionnaire file.
pub fn load_questionnaire(path: &Path) -> Result<Questionnaire, FileError> {
    let text = std::fs::read_to_string(path).map_err(|cause| FileError::Read {
        path: path.to_path_buf(),
        cause,
    })?;
    parse_questionnaire(&text, path)
}

/// The questionnaires built into the binary, workshop first.
pub fn builtin_questionnaires() -> Vec<Questionnaire> {
    // The shipped files are validated by the test suite, so none is skipped in practice.
    BUILTIN
        .iter()
        .filter_map(|(_, path, text)| parse_questionnaire(text, Path::new(path)).ok())
        .collect()
}

/// A questionnaire named by a path to a file or by the id of a built-in one.
pub fn resolve_questionnaire(file_or_id: &str) -> Result<Questionnaire, FileError> {
    let path = Path::new(file_or_id);
    if !path.exists()
        && let Some((_, builtin, text)) = BUILTIN.iter().find(|(id, ..)| *id == file_or_id)
    {
        return parse_questionnaire(text, Path::new(builtin));
    }
    load_questionnaire(path)
}

/// The raw text of the built-in questionnaires, for tests that check they are valid.
pub fn builtin_sources() -> impl Iterator<Item = (&'static str, &'static str)> {
    BUILTIN.iter().map(|(_, path, text)| (*path, *text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_builtin_is_listed_under_its_own_id() {
        for (id, path, text) in BUILTIN {
            let q = parse_questionnaire(text, Path::new(path)).expect("valid");
            assert_eq!(q.id, id, "{path}");
            assert_eq!(resolve_questionnaire(id).expect("found"), q);
        }
    }
}
