//! File dialogs behind a small seam: the real app asks the desktop's native dialog on a worker
//! thread (a dialog must never block a frame); tests script the answers instead.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc;

/// Which question a dialog asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    OpenAssessment,
    SaveAssessment,
    /// A CSV export of Microsoft Forms, Google Forms or LimeSurvey.
    OpenCsv,
    /// Another assessment whose participants join the open one.
    MergeAssessment,
}

/// Asks the user for file paths.
pub trait FileDialogs {
    /// Starts asking; the answer arrives later through `poll`.
    fn request(&mut self, kind: DialogKind, ctx: &egui::Context);
    /// A finished dialog: its kind and the chosen path, `None` when the user cancelled.
    fn poll(&mut self) -> Option<(DialogKind, Option<PathBuf>)>;
}

/// The desktop's own dialogs (rfd), each on a worker thread.
#[derive(Default)]
pub struct NativeDialogs {
    pending: Option<mpsc::Receiver<(DialogKind, Option<PathBuf>)>>,
}

impl FileDialogs for NativeDialogs {
    fn request(&mut self, kind: DialogKind, ctx: &egui::Context) {
        if self.pending.is_some() {
            return; // one dialog at a time
        }
        let (send, receive) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let assessment =
                || rfd::FileDialog::new().add_filter("Convergence assessment", &["ron"]);
            let path = match kind {
                DialogKind::OpenAssessment | DialogKind::MergeAssessment => {
                    assessment().pick_file()
                }
                DialogKind::SaveAssessment => {
                    assessment().set_file_name("assessment.ron").save_file()
                }
                DialogKind::OpenCsv => rfd::FileDialog::new()
                    .add_filter("CSV export", &["csv", "txt"])
                    .pick_file(),
            };
            // The receiver is gone only when the app has quit, then the answer is moot.
            let _ = send.send((kind, path));
            ctx.request_repaint();
        });
        self.pending = Some(receive);
    }

    fn poll(&mut self) -> Option<(DialogKind, Option<PathBuf>)> {
        let answer = self.pending.as_ref()?.try_recv();
        match answer {
            Ok(answer) => {
                self.pending = None;
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

/// Dialogs that answer from a queue of paths: for tests, and a session with no desktop portal.
#[derive(Default)]
pub struct ScriptedDialogs {
    pub answers: VecDeque<Option<PathBuf>>,
    asked: Option<DialogKind>,
}

impl ScriptedDialogs {
    /// Dialogs that will answer these paths, in order.
    pub fn answering(paths: impl IntoIterator<Item = PathBuf>) -> Self {
        Self {
            answers: paths.into_iter().map(Some).collect(),
            asked: None,
        }
    }
}

impl FileDialogs for ScriptedDialogs {
    fn request(&mut self, kind: DialogKind, _ctx: &egui::Context) {
        self.asked = Some(kind);
    }

    fn poll(&mut self) -> Option<(DialogKind, Option<PathBuf>)> {
        let kind = self.asked.take()?;
        Some((kind, self.answers.pop_front().flatten()))
    }
}
