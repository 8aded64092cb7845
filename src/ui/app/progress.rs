//! The history and the portfolio: reading assessments into the history one file at a time,
//! choosing and reading the portfolio folder (kept in the settings, read again at start), and
//! taking the results back from the jobs.

use std::path::PathBuf;

use super::App;
use crate::files;
use crate::ui::Screen;
use crate::ui::command::{Command, JobDone, Progress};
use crate::ui::dialogs::DialogKind;

impl App {
    pub(super) fn progress(&mut self, request: Progress, ctx: &egui::Context) {
        match request {
            Progress::AddToHistory => self.dialogs.request(DialogKind::HistoryAssessment, ctx),
            Progress::HistoryFile(path) => self.read_into_history(path),
            Progress::ChoosePortfolioFolder => {
                self.dialogs.request(DialogKind::PortfolioFolder, ctx)
            }
            Progress::ReadPortfolio(folder) => self.read_portfolio(folder),
        }
    }

    /// A dialog of the history or the portfolio was answered with `path`.
    pub(super) fn progress_path(&mut self, kind: DialogKind, path: PathBuf) {
        if kind == DialogKind::PortfolioFolder {
            self.read_portfolio(path);
        } else {
            self.read_into_history(path);
        }
    }

    fn read_into_history(&mut self, path: PathBuf) {
        self.jobs.run("Reading for the history", move || {
            let result = files::load_assessment(&path)
                .map(Box::new)
                .map_err(|e| e.to_string());
            Some(Command::Done(JobDone::HistoryRead { path, result }))
        });
    }

    /// Reads the portfolio folder kept in the settings, if one is.
    pub(super) fn read_saved_portfolio(&mut self) {
        if let Some(folder) = self.settings.portfolio_folder.clone() {
            self.read_portfolio(folder);
        }
    }

    /// Reads `folder` as the portfolio, apart from the file work: thousands of files take
    /// seconds, and a save must not wait for them.
    fn read_portfolio(&mut self, folder: PathBuf) {
        self.settings.portfolio_folder = Some(folder.clone());
        self.jobs.run_apart("Reading the portfolio", move || {
            let result = crate::portfolio::read_portfolio(&folder)
                .map(Box::new)
                .map_err(|e| e.to_string());
            Some(Command::Done(JobDone::PortfolioRead { folder, result }))
        });
    }

    /// Takes back what a history or portfolio job read.
    pub(super) fn progress_done(&mut self, done: JobDone) {
        match done {
            JobDone::HistoryRead { path, result } => match result {
                Ok(assessment) => {
                    self.screens.history.add(path, *assessment);
                    self.screen = Screen::History;
                }
                Err(err) => {
                    self.overlays.error = Some(format!("Could not add to the history.\n\n{err}"))
                }
            },
            JobDone::PortfolioRead { folder, result } => match result {
                Ok(portfolio) => {
                    self.status = format!(
                        "Read the portfolio in {}: {}",
                        folder.display(),
                        crate::ui::theme::count(portfolio.assessments.len(), "organisation")
                    );
                    self.portfolio = Some(*portfolio);
                }
                Err(err) => {
                    self.portfolio = None;
                    self.overlays.error = Some(format!("Could not read the portfolio.\n\n{err}"));
                }
            },
            _ => {}
        }
    }
}
