//! CSV import of online-form exports (Microsoft Forms, Google Forms, LimeSurvey): one row per
//! respondent, columns matched to questions by id or text, each row turned into a participant.
//!
//! The steps are separate so that the import dialog can show and correct each of them, and the
//! command line runs them in one go with [`import_file`]:
//! [`read_table`] parses the text, [`match_columns`] proposes a [`ColumnRole`] for each column,
//! [`import`] turns the rows into participants and reports every problem with its line and
//! column. Nothing here knows egui.

mod cells;
mod columns;
mod decode;
mod rows;
mod table;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::{Participant, Questionnaire};

pub use columns::{ColumnRole, match_columns};
pub use rows::{ImportProblem, ImportReport, Severity, import};
pub use table::{Table, TableRow, read_table};

/// Why a CSV file could not be read as a table at all.
#[derive(Debug, thiserror::Error)]
pub enum CsvImportError {
    /// The file could not be read from disk.
    #[error("{}: cannot read: {cause}", file.display())]
    Read {
        file: PathBuf,
        cause: std::io::Error,
    },
    /// The bytes are not text in an encoding we know.
    #[error("{}{message}", InFile(file))]
    Encoding {
        file: Option<PathBuf>,
        message: String,
    },
    /// Nothing but white space (or a byte-order mark) in the file.
    #[error(
        "{}the file is empty: there is no header row and no answers",
        InFile(file)
    )]
    Empty { file: Option<PathBuf> },
    /// The first row has only blank cells, so no column can be matched.
    #[error("{}line {line}: the header row has no column headings", InFile(file))]
    NoHeadings { file: Option<PathBuf>, line: usize },
    /// A row with more or fewer cells than the header.
    #[error(
        "{}line {line}: this row has {found} cells but the header row has {expected}",
        InFile(file)
    )]
    Ragged {
        file: Option<PathBuf>,
        line: usize,
        found: usize,
        expected: usize,
    },
    /// The CSV parser gave up.
    #[error("{}{}{message}", InFile(file), AtLine(*line))]
    Parse {
        file: Option<PathBuf>,
        line: Option<usize>,
        message: String,
    },
}

impl CsvImportError {
    /// The same error, naming the file it came from.
    pub fn in_file(mut self, path: &Path) -> Self {
        match &mut self {
            Self::Read { .. } => {}
            Self::Encoding { file, .. }
            | Self::Empty { file }
            | Self::NoHeadings { file, .. }
            | Self::Ragged { file, .. }
            | Self::Parse { file, .. } => *file = Some(path.to_path_buf()),
        }
        self
    }

    /// The 1-based line the error is about, when there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            Self::NoHeadings { line, .. } | Self::Ragged { line, .. } => Some(*line),
            Self::Parse { line, .. } => *line,
            Self::Read { .. } | Self::Encoding { .. } | Self::Empty { .. } => None,
        }
    }
}

/// Writes `path: ` before a message when the file is known.
struct InFile<'a>(&'a Option<PathBuf>);

impl fmt::Display for InFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(path) => write!(f, "{}: ", path.display()),
            None => Ok(()),
        }
    }
}

/// Writes `line N: ` before a message when the line is known.
struct AtLine(Option<usize>);

impl fmt::Display for AtLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(line) => write!(f, "line {line}: "),
            None => Ok(()),
        }
    }
}

/// Reads a CSV file into a table: UTF-8 (with or without BOM), UTF-16 with a BOM, or else
/// Windows-1252 as Excel writes "CSV" on Windows (the table notes it). Errors name the file.
pub fn read_table_file(path: &Path) -> Result<Table, CsvImportError> {
    let bytes = std::fs::read(path).map_err(|cause| CsvImportError::Read {
        file: path.to_path_buf(),
        cause,
    })?;
    read_table_bytes(&bytes).map_err(|e| e.in_file(path))
}

/// Decodes a CSV file's bytes as [`read_table_file`] does, then reads them into a table.
pub fn read_table_bytes(bytes: &[u8]) -> Result<Table, CsvImportError> {
    let decoded = decode::decode(bytes).map_err(|message| CsvImportError::Encoding {
        file: None,
        message,
    })?;
    let mut table = read_table(&decoded.text)?;
    table.legacy_encoding = decoded.legacy_encoding;
    Ok(table)
}

/// Reads a CSV file, matches its columns automatically and imports its rows.
pub fn import_file(
    q: &Questionnaire,
    path: &Path,
    existing: &[Participant],
) -> Result<ImportReport, CsvImportError> {
    let table = read_table_file(path)?;
    let roles = match_columns(q, &table.headers);
    Ok(import(q, &table, &roles, existing))
}
