//! The one error type for reading and writing Convergence's files. Every variant names the
//! file, and where it can, the line and column, so the window and the command line can say
//! exactly what is wrong where.

use std::path::PathBuf;

use thiserror::Error;

use crate::validate::Problem;

/// Why a file could not be read or written.
#[derive(Debug, Error)]
pub enum FileError {
    // The cause is part of the message and not an error `source`, so that printing the
    // chain (`{:#}`) states it once.
    #[error("{}: cannot read: {cause}", path.display())]
    Read {
        path: PathBuf,
        cause: std::io::Error,
    },

    #[error("{}: cannot write: {cause}", path.display())]
    Write {
        path: PathBuf,
        cause: std::io::Error,
    },

    #[error(
        "{}: the file is read-only; nothing was written (make it writable or choose another file)",
        path.display()
    )]
    ReadOnly { path: PathBuf },

    #[error(
        "{}: this is one of the files being read; nothing was written (choose another output file)",
        path.display()
    )]
    OutputIsInput { path: PathBuf },

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
    /// Turns a RON parse error in `source` into a `Syntax` error. RON reports "expected …"
    /// errors where it started looking, just after the previous token; the position reported is
    /// that of the offending token itself, past spaces, line breaks and comments.
    pub fn from_ron(
        path: impl Into<PathBuf>,
        source: &str,
        err: &ron::error::SpannedError,
    ) -> Self {
        let start = offset_of(source, err.span.start.line, err.span.start.col);
        let (line, col) = crate::validate::line_col(source, skip_blank(source, start));
        FileError::Syntax {
            path: path.into(),
            line,
            col,
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

/// Byte offset of a 1-based line and column (in characters).
fn offset_of(source: &str, line: usize, col: usize) -> usize {
    let line_start: usize = source
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = &source[line_start.min(source.len())..];
    line_start
        + rest
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

/// The first offset from `at` that is not white space or inside a `//` comment.
fn skip_blank(source: &str, mut at: usize) -> usize {
    loop {
        let rest = &source[at..];
        let trimmed = rest.trim_start();
        at += rest.len() - trimmed.len();
        if trimmed.starts_with("//") {
            at += trimmed.find('\n').unwrap_or(trimmed.len());
        } else {
            return at;
        }
    }
}
