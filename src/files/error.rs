//! The one error type for reading and writing Convergence's files. Every variant names the
//! file, and where it can, the line and column, so the window and the command line can say
//! exactly what is wrong where.

use std::path::PathBuf;

use thiserror::Error;

use crate::validate::Problem;

/// Why a file could not be read or written.
#[derive(Debug, Error)]
pub enum FileError {
    #[error("{}: cannot read: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("{}: cannot write: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("{}:{line}:{col}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },

    #[error(
        "{}: written by a newer version of Convergence (file format {found}); this version reads format {supported} and older. Update Convergence to open it.",
        path.display()
    )]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    #[error("{}", problems_text(path, problems))]
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },

    #[error("{}: cannot encode: {message}", path.display())]
    Encode { path: PathBuf, message: String },
}

impl FileError {
    /// Turns a RON parse error into a `Syntax` error with the position it carries.
    pub fn from_ron(path: impl Into<PathBuf>, err: &ron::error::SpannedError) -> Self {
        FileError::Syntax {
            path: path.into(),
            line: err.span.start.line,
            col: err.span.start.col,
            message: err.code.to_string(),
        }
    }
}

/// One `FILE:LINE:COL: message` line per problem, the form compilers and editors understand.
fn problems_text(path: &std::path::Path, problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| match p.line {
            0 => format!("{}: {}", path.display(), p.message),
            _ => format!("{}:{p}", path.display()),
        })
        .collect::<Vec<_>>()
        .join("\n")
}
