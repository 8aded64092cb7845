//! The CSV import dialog (being written).

use std::path::{Path, PathBuf};

use crate::files::csv_import::{self, CsvImportError};
use crate::model::Assessment;

use super::command::Command;

/// Importing one CSV export into the open assessment.
pub struct ImportDialog {
    pub path: PathBuf,
}

impl ImportDialog {
    /// Reads the file; an unreadable one is an error to show, not a dialog.
    pub fn open(path: &Path) -> Result<Self, CsvImportError> {
        csv_import::read_table_file(path)?;
        Ok(Self { path: path.to_path_buf() })
    }

    /// Shows the dialog; returns false once it is closed.
    pub fn ui(&mut self, ctx: &egui::Context, assessment: &Assessment, commands: &mut Vec<Command>) -> bool {
        let _ = (ctx, assessment, commands);
        false
    }
}
