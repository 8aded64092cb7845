//! Reading and writing the files Convergence works with: questionnaires, assessments,
//! CSV exports of online forms.

mod assessment_file;
mod atomic;
mod autosave;
pub mod csv_import;
mod document;
mod error;
mod merge;
mod questionnaire_file;

pub use assessment_file::{assessment_to_ron, load_assessment, parse_assessment, save_assessment};
pub use atomic::{refuse_inputs, refuse_unwritable, write_atomic};
pub use autosave::{Recovery, clear_autosave, read_autosave, write_autosave, write_autosave_text};
pub use document::{Document, load_document, parse_document};
pub use error::FileError;
pub use merge::{
    DuplicateParticipant, MergeError, MergeSource, Merged, SameBecause, Unclear, UnclearIdentity,
    count_answers, merge_assessments,
};
pub use questionnaire_file::{
    builtin_questionnaires, builtin_sources, load_questionnaire, parse_questionnaire,
    resolve_questionnaire,
};

/// The text without the byte-order mark some Windows editors put at the start of a file.
fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}
