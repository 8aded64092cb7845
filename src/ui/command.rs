//! What views ask the app to do. Views push commands during a frame; the app applies them
//! after it, in one place, which gives undo, dirty tracking and autosave one seam.

use std::path::PathBuf;

use crate::document::{Edit, Revision};
use crate::files::Recovery;
use crate::files::csv_import::Table;
use crate::model::{Assessment, Questionnaire};
use crate::report::Chart;

use super::Screen;
use super::dialogs::DialogKind;
use super::phone_voting::PhoneCommand;

/// A request from a view, or the result of a job.
#[derive(Debug)]
pub enum Command {
    /// Start a new assessment taken with this questionnaire: `alone` for a self-assessment with
    /// one participant, otherwise a workshop whose participants are added next.
    New {
        questionnaire: Box<Questionnaire>,
        alone: bool,
    },
    /// Start the next round of the open assessment: same questionnaire, people, touchpoint map
    /// and action plan, no answers yet.
    NextRound,
    /// Ask for a file to open.
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    /// Ask for a CSV export of an online form to import into the open assessment.
    ImportCsv,
    /// Ask for another assessment file (a participant's own, say) to merge into the open one.
    MergeFile,
    /// Ask where to write the report, then write it.
    ExportReport,
    /// Ask where to write the scores as CSV, then write them.
    ExportScores,
    /// Ask where to write a chart as SVG or PNG, then draw it.
    ExportChart(Chart),
    /// The width exported charts are drawn at, in pixels.
    ChartWidth(u32),
    /// Take the autosaved work back.
    Recover,
    DiscardRecovery,
    Undo,
    Redo,
    Show(Screen),
    /// Full-screen presentation for the projector from this question; `None` ends it.
    Present(Option<usize>),
    SetTheme {
        dark: bool,
    },
    Edit(Edit),
    /// A file dialog was answered: the path chosen, `None` when cancelled.
    DialogClosed {
        kind: DialogKind,
        path: Option<PathBuf>,
    },
    /// What to do with unsaved changes standing in the way of something.
    Unsaved(UnsavedChoice),
    /// The user has read the message.
    Dismiss(Message),
    /// The CSV import dialog is done (imported or cancelled).
    CloseImport,
    /// Ask before removing a participant who has answered.
    AskRemoveParticipant(usize),
    /// The removal was not confirmed.
    KeepParticipant,
    /// A request of the history or the portfolio screen.
    Progress(Progress),
    /// A job finished.
    Done(JobDone),
    /// Phone voting: the panel's requests, and the phones' changes to apply.
    Phone(PhoneCommand),
}

/// What the history and portfolio screens ask for.
#[derive(Debug)]
pub enum Progress {
    /// Ask for an assessment to add to the history.
    AddToHistory,
    /// Read this assessment into the history.
    HistoryFile(PathBuf),
    /// Ask for the portfolio folder.
    ChoosePortfolioFolder,
    /// Read the portfolio in this folder, and keep it as the portfolio folder.
    ReadPortfolio(PathBuf),
}

/// The answers to "Unsaved changes: save them first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

/// The messages the window shows until read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Message {
    Error,
    Notice,
}

/// What a job came back with. Errors are the message to show: the job has already named the file.
#[derive(Debug)]
pub enum JobDone {
    /// An assessment read for the history.
    HistoryRead {
        path: PathBuf,
        result: Result<Box<Assessment>, String>,
    },
    /// A portfolio folder read.
    PortfolioRead {
        folder: PathBuf,
        result: Result<Box<crate::portfolio::Portfolio>, String>,
    },
    Loaded {
        path: PathBuf,
        result: Result<Box<Assessment>, String>,
    },
    Saved {
        path: PathBuf,
        revision: Revision,
        result: Result<(), String>,
    },
    AutosaveFailed(String),
    /// The autosave found at start, if any.
    RecoveryRead(Option<Result<Box<Recovery>, String>>),
    CsvRead {
        path: PathBuf,
        result: Result<Table, String>,
    },
    /// A report, the scores or a chart written (or not) to `path`.
    Exported {
        path: PathBuf,
        result: Result<(), String>,
    },
    /// Another file merged with the open assessment as it was at `revision`.
    Merged {
        path: PathBuf,
        revision: Revision,
        result: Result<(Box<Assessment>, String), String>,
    },
}
