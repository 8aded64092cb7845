//! File dialogs behind a small seam: the real app asks the desktop's native dialog on a worker
//! thread (a dialog must never block a frame); tests script the answers instead. A desktop with
//! no file-dialog portal answers `Unavailable`, and the app shows its own dialog instead.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::report::Chart;

/// Which question a dialog asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    OpenAssessment,
    SaveAssessment,
    /// A CSV export of Microsoft Forms, Google Forms or LimeSurvey.
    OpenCsv,
    /// Another assessment whose participants join the open one.
    MergeAssessment,
    /// Where to write the report (HTML, PDF or Word).
    ExportReport,
    /// Where to write every score as CSV.
    ExportScores,
    /// Where to write a chart (SVG or PNG).
    ExportChart(Chart),
    /// An assessment of the same organisation, for the history.
    HistoryAssessment,
    /// The folder of a portfolio.
    PortfolioFolder,
}

impl DialogKind {
    /// The dialog's title.
    pub fn title(self) -> &'static str {
        match self {
            DialogKind::OpenAssessment => "Choose an assessment to open",
            DialogKind::SaveAssessment => "Save the assessment as",
            DialogKind::OpenCsv => "Choose a CSV export to import",
            DialogKind::MergeAssessment => "Choose an assessment to merge in",
            DialogKind::ExportReport => "Export the report as",
            DialogKind::ExportScores => "Export the scores as",
            DialogKind::ExportChart(_) => "Export the chart as",
            DialogKind::HistoryAssessment => "Choose an assessment to add to the history",
            DialogKind::PortfolioFolder => "Choose the portfolio folder",
        }
    }

    /// The file name endings the dialog lists.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            DialogKind::OpenCsv => &["csv", "txt"],
            DialogKind::ExportReport => &["pdf", "html", "docx"],
            DialogKind::ExportScores => &["csv"],
            DialogKind::ExportChart(_) => &["svg", "png"],
            _ => &["ron"],
        }
    }

    /// Whether the dialog asks where to write rather than what to read.
    pub fn saves(self) -> bool {
        !matches!(
            self,
            DialogKind::OpenAssessment
                | DialogKind::OpenCsv
                | DialogKind::MergeAssessment
                | DialogKind::HistoryAssessment
                | DialogKind::PortfolioFolder
        )
    }

    /// Whether the dialog asks for a folder rather than a file.
    pub fn picks_folder(self) -> bool {
        self == DialogKind::PortfolioFolder
    }

    /// The file name a save dialog suggests.
    pub fn suggested_name(self) -> String {
        match self {
            DialogKind::ExportReport => "report.pdf".into(),
            DialogKind::ExportScores => "scores.csv".into(),
            DialogKind::ExportChart(chart) => format!("{}.svg", chart.name()),
            _ => "assessment.ron".into(),
        }
    }
}

/// How a dialog ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogAnswer {
    Chosen(PathBuf),
    Cancelled,
    /// This desktop cannot show the dialog (no portal, no zenity): ask in the window instead.
    Unavailable,
}

/// Asks the user for file paths.
pub trait FileDialogs {
    /// Starts asking; the answer arrives later through `poll`.
    fn request(&mut self, kind: DialogKind, ctx: &egui::Context);
    /// A finished dialog: its kind and how it ended.
    fn poll(&mut self) -> Option<(DialogKind, DialogAnswer)>;
}

/// Under this, "no file" came from a dialog nobody could have seen: no person cancels that fast.
const INSTANT: Duration = Duration::from_millis(300);

/// The desktop's own dialogs (rfd), each on a worker thread.
pub struct NativeDialogs {
    pending: Option<mpsc::Receiver<(DialogKind, DialogAnswer)>>,
    /// False once the desktop has shown it has no native dialog: ask in the window from then on.
    available: bool,
}

impl Default for NativeDialogs {
    fn default() -> Self {
        Self {
            pending: None,
            available: session_bus_present(),
        }
    }
}

/// rfd talks to the file-chooser portal over the session bus; without one it cannot ask.
fn session_bus_present() -> bool {
    match std::env::var("DBUS_SESSION_BUS_ADDRESS") {
        Ok(address) => address
            .strip_prefix("unix:path=")
            .map(|rest| rest.split(',').next().unwrap_or(rest))
            .is_none_or(|socket| std::path::Path::new(socket).exists()),
        // Most desktops start a bus at the standard place without exporting its address.
        Err(_) => std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| std::path::Path::new(&dir).join("bus").exists()),
    }
}

impl FileDialogs for NativeDialogs {
    fn request(&mut self, kind: DialogKind, ctx: &egui::Context) {
        if self.pending.is_some() {
            return; // one dialog at a time
        }
        let (send, receive) = mpsc::channel();
        if !self.available {
            let _ = send.send((kind, DialogAnswer::Unavailable));
            self.pending = Some(receive);
            return;
        }
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let asked = Instant::now();
            let answer = match ask_native(kind) {
                Some(path) => DialogAnswer::Chosen(path),
                None if asked.elapsed() < INSTANT => DialogAnswer::Unavailable,
                None => DialogAnswer::Cancelled,
            };
            // The receiver is gone only when the app has quit, then the answer is moot.
            let _ = send.send((kind, answer));
            ctx.request_repaint();
        });
        self.pending = Some(receive);
    }

    fn poll(&mut self) -> Option<(DialogKind, DialogAnswer)> {
        let answer = self.pending.as_ref()?.try_recv();
        match answer {
            Ok(answer) => {
                self.pending = None;
                if answer.1 == DialogAnswer::Unavailable {
                    self.available = false;
                }
                Some(answer)
            }
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                self.pending = None;
                None
            }
        }
    }
}

fn ask_native(kind: DialogKind) -> Option<PathBuf> {
    let filter_name = match kind {
        DialogKind::OpenCsv => "CSV export",
        DialogKind::ExportReport => "Report",
        DialogKind::ExportScores => "Scores",
        DialogKind::ExportChart(_) => "Chart",
        _ => "Convergence assessment",
    };
    let dialog = rfd::FileDialog::new()
        .set_title(kind.title())
        .add_filter(filter_name, kind.extensions());
    if kind.picks_folder() {
        rfd::FileDialog::new().set_title(kind.title()).pick_folder()
    } else if kind.saves() {
        dialog.set_file_name(kind.suggested_name()).save_file()
    } else {
        dialog.pick_file()
    }
}

/// Dialogs that answer from a queue: for tests.
pub struct ScriptedDialogs {
    pub answers: VecDeque<DialogAnswer>,
    /// The answer once the queue is empty.
    then: DialogAnswer,
    asked: Option<DialogKind>,
}

impl ScriptedDialogs {
    /// Dialogs that will answer these paths, in order, then cancel.
    pub fn answering(paths: impl IntoIterator<Item = PathBuf>) -> Self {
        Self {
            answers: paths.into_iter().map(DialogAnswer::Chosen).collect(),
            then: DialogAnswer::Cancelled,
            asked: None,
        }
    }

    /// A desktop with no native dialog at all.
    pub fn unavailable() -> Self {
        Self {
            answers: VecDeque::new(),
            then: DialogAnswer::Unavailable,
            asked: None,
        }
    }
}

impl FileDialogs for ScriptedDialogs {
    fn request(&mut self, kind: DialogKind, _ctx: &egui::Context) {
        self.asked = Some(kind);
    }

    fn poll(&mut self) -> Option<(DialogKind, DialogAnswer)> {
        let kind = self.asked.take()?;
        let answer = self
            .answers
            .pop_front()
            .unwrap_or_else(|| self.then.clone());
        Some((kind, answer))
    }
}
