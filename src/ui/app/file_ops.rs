//! Opening, saving, merging, importing and autosaving: the app starts each as a job off the UI
//! thread and takes its result back here; and the question to ask first when unsaved changes
//! stand in the way.

use std::path::{Path, PathBuf};

use super::{App, Pending};
use crate::document::{Document, Edit};
use crate::files::{self, MergeSource, merge_assessments};
use crate::model::Assessment;
use crate::ui::command::{Command, JobDone};
use crate::ui::dialogs::{DialogAnswer, DialogKind};
use crate::ui::file_dialog::InAppDialog;
use crate::ui::import_dialog::ImportDialog;
use crate::ui::questionnaire::QuestionnaireView;
use crate::ui::{Screen, theme};

impl App {
    /// Carries out `pending` now, or first asks what to do with unsaved changes.
    pub(super) fn unless_unsaved(&mut self, pending: Pending, ctx: &egui::Context) {
        if self.doc.as_ref().is_some_and(Document::is_dirty) {
            self.overlays.confirm = Some(pending);
        } else {
            self.carry_out(pending, ctx);
        }
    }

    pub(super) fn carry_out(&mut self, pending: Pending, ctx: &egui::Context) {
        match pending {
            Pending::New {
                questionnaire,
                alone,
            } => {
                let assessment = Assessment::new(*questionnaire);
                self.start_new(Document::new_assessment(assessment, alone));
            }
            Pending::NextRound(assessment) => {
                self.start_new(Document::new(*assessment, None));
                self.status = "Started the next round: same people, map and plan; no answers yet."
                    .to_string();
            }
            Pending::Open => self.ask_for_file(DialogKind::OpenAssessment, ctx),
            Pending::OpenPath(path) => self.open(path),
            Pending::Quit => {
                self.quitting = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Puts a new, unsaved assessment in front of the user, on Setup.
    fn start_new(&mut self, doc: Document) {
        self.put_document(doc);
        self.screen = Screen::Setup;
        self.forget_autosave();
    }

    /// Puts `doc` in place of the open assessment, from its first question; phone voting on the
    /// one it replaces stops (its phones' votes must not land in another assessment).
    pub(super) fn put_document(&mut self, doc: Document) {
        self.phone.document_replaced();
        self.doc = Some(doc);
        self.screens.questionnaire = QuestionnaireView::default();
    }

    /// Asks the desktop for a file; the answer comes back as `DialogClosed`.
    pub(super) fn ask_for_file(&mut self, kind: DialogKind, ctx: &egui::Context) {
        // Everything but opening works on the open assessment.
        if kind != DialogKind::OpenAssessment && self.doc.is_none() {
            return;
        }
        self.dialogs.request(kind, ctx);
    }

    /// Turns the desktop dialog's answers into commands; where it has none, asks in the window.
    pub(super) fn dialog_answers(&mut self) {
        while let Some((kind, answer)) = self.dialogs.poll() {
            match answer {
                DialogAnswer::Chosen(path) => self.commands.push(Command::DialogClosed {
                    kind,
                    path: Some(path),
                }),
                DialogAnswer::Cancelled => self
                    .commands
                    .push(Command::DialogClosed { kind, path: None }),
                DialogAnswer::Unavailable => {
                    let folder = self
                        .doc
                        .as_ref()
                        .and_then(|d| d.path.as_deref())
                        .and_then(Path::parent);
                    self.overlays.file_dialog = Some(InAppDialog::new(kind, folder));
                }
            }
        }
    }

    pub(super) fn dialog_closed(
        &mut self,
        kind: DialogKind,
        path: Option<PathBuf>,
        ctx: &egui::Context,
    ) {
        self.overlays.file_dialog = None;
        let Some(path) = path else {
            self.after_save = None; // cancelled: what waited for a save waits no more
            return;
        };
        match kind {
            DialogKind::OpenAssessment => self.open(path),
            DialogKind::SaveAssessment => self.save_to(path, ctx),
            DialogKind::MergeAssessment => self.merge(path),
            DialogKind::HistoryAssessment | DialogKind::PortfolioFolder => {
                self.progress_path(kind, path)
            }
            DialogKind::ExportReport | DialogKind::ExportScores | DialogKind::ExportChart(_) => {
                self.export_to(kind, path)
            }
            DialogKind::OpenCsv => self.jobs.run("Reading the CSV export", move || {
                let result = files::csv_import::read_table_file(&path).map_err(|e| e.to_string());
                Some(Command::Done(JobDone::CsvRead { path, result }))
            }),
        }
    }

    /// Reads a file; its result opens it, or shows why not and leaves the current work as it was.
    pub(super) fn open(&mut self, path: PathBuf) {
        self.jobs.run("Opening", move || {
            let result = files::load_assessment(&path)
                .map(Box::new)
                .map_err(|e| e.to_string());
            Some(Command::Done(JobDone::Loaded { path, result }))
        });
    }

    /// Merges another assessment file into the open one as it is now.
    pub(super) fn merge(&mut self, path: PathBuf) {
        let Some(doc) = &self.doc else { return };
        let open = MergeSource {
            path: doc
                .path
                .clone()
                .unwrap_or_else(|| PathBuf::from("the open assessment")),
            assessment: doc.assessment.clone(),
        };
        let revision = doc.revision();
        self.jobs.run("Merging", move || {
            let result = merge_with(open, &path);
            Some(Command::Done(JobDone::Merged {
                path,
                revision,
                result,
            }))
        });
    }

    pub(super) fn save(&mut self, ctx: &egui::Context) {
        match self.doc.as_ref().and_then(|d| d.path.clone()) {
            Some(path) => self.save_to(path, ctx),
            None => self.ask_for_file(DialogKind::SaveAssessment, ctx),
        }
    }

    /// Writes the document as it is now; the unsaved mark goes when the write succeeds.
    pub(super) fn save_to(&mut self, path: PathBuf, _ctx: &egui::Context) {
        let Some(doc) = &self.doc else { return };
        let revision = doc.revision();
        // Serialised here, so the file holds exactly this revision whatever is edited meanwhile.
        let text = files::assessment_to_ron(&doc.assessment, &path);
        self.jobs.run("Saving", move || {
            let result = text
                .and_then(|text| files::write_atomic(&path, text.as_bytes()))
                .map_err(|e| e.to_string());
            Some(Command::Done(JobDone::Saved {
                path,
                revision,
                result,
            }))
        });
    }

    /// The work is saved or deliberately dropped: the autosave has nothing left to protect.
    pub(super) fn forget_autosave(&mut self) {
        self.autosave_due = None;
        if self.overlays.recovery.is_some() {
            return; // the autosave on disk is older work the user has not decided about yet
        }
        if let Some(dir) = self.data_dir.clone() {
            // Through the worker, after any autosave still being written.
            self.jobs.run("Tidying up", move || {
                files::clear_autosave(&dir);
                None
            });
        }
    }

    /// Looks for work a crashed or killed session left behind.
    pub(super) fn read_recovery(&mut self) {
        if let Some(dir) = self.data_dir.clone() {
            self.jobs.run("Looking for unsaved work", move || {
                let found = files::read_autosave(&dir)
                    .map(|read| read.map(Box::new).map_err(|e| e.to_string()));
                Some(Command::Done(JobDone::RecoveryRead(found)))
            });
        }
    }

    /// Writes the autosave now instead of after the usual pause (tests; quitting).
    pub fn autosave_now(&mut self) {
        self.autosave_due = None;
        let (Some(dir), Some(doc)) = (self.data_dir.clone(), &self.doc) else {
            return;
        };
        if !doc.is_dirty() {
            return;
        }
        let origin = doc.path.clone();
        // Serialised here; only the writing happens on the worker.
        match files::assessment_to_ron(&doc.assessment, &dir) {
            Ok(text) => self.jobs.run("Autosaving", move || {
                let written = files::write_autosave_text(&dir, &text, origin.as_deref());
                written
                    .err()
                    .map(|err| Command::Done(JobDone::AutosaveFailed(err.to_string())))
            }),
            Err(err) => self.overlays.error = Some(format!("Autosave failed: {err}")),
        }
    }

    pub(super) fn autosave_when_due(&mut self, ctx: &egui::Context) {
        if let Some(due) = self.autosave_due {
            let now = ctx.input(|i| i.time);
            if now >= due {
                self.autosave_now();
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(due - now));
            }
        }
    }

    /// Takes a finished job's result into the app.
    pub(super) fn job_done(&mut self, done: JobDone, ctx: &egui::Context) {
        match done {
            JobDone::Loaded { path, result } => match result {
                Ok(assessment) => self.opened(*assessment, path),
                Err(err) => {
                    self.overlays.error = Some(format!(
                        "Could not open the file; nothing was changed.\n\n{err}"
                    ));
                    // "Don't save" gave up the autosave for a file that did not open: the
                    // work is still here, so protect it again.
                    if self.doc.as_ref().is_some_and(Document::is_dirty) {
                        self.autosave_soon(ctx);
                    }
                }
            },
            JobDone::Saved {
                path,
                revision,
                result,
            } => self.saved(path, revision, result, ctx),
            JobDone::AutosaveFailed(err) => {
                self.overlays.error = Some(format!("Autosave failed: {err}"))
            }
            JobDone::RecoveryRead(None) => {}
            JobDone::RecoveryRead(Some(Ok(recovery))) => self.overlays.recovery = Some(*recovery),
            JobDone::RecoveryRead(Some(Err(err))) => {
                self.overlays.error = Some(format!(
                    "The autosaved work could not be read; it is kept as it is.\n{err}"
                ))
            }
            JobDone::CsvRead { path, result } => match result {
                Ok(table) => self.overlays.import = Some(ImportDialog::new(path, table)),
                Err(err) => {
                    self.overlays.error =
                        Some(format!("Could not import; nothing was changed.\n\n{err}"))
                }
            },
            JobDone::Exported { path, result } => self.exported(path, result),
            JobDone::HistoryRead { .. } | JobDone::PortfolioRead { .. } => self.progress_done(done),
            JobDone::Merged {
                path,
                revision,
                result,
            } => self.merged(path, revision, result),
        }
    }

    fn opened(&mut self, assessment: Assessment, path: PathBuf) {
        self.status = format!("Opened {}", path.display());
        self.settings.remember(&path);
        self.put_document(Document::new(assessment, Some(path)));
        self.screen = Screen::Results;
        self.forget_autosave();
    }

    fn saved(
        &mut self,
        path: PathBuf,
        revision: crate::document::Revision,
        result: Result<(), String>,
        ctx: &egui::Context,
    ) {
        let Some(doc) = &mut self.doc else { return };
        match result {
            Ok(()) => {
                doc.mark_saved(path.clone(), revision);
                self.status = format!("Saved to {}", path.display());
                self.settings.remember(&path);
                if !doc.is_dirty() {
                    self.forget_autosave();
                }
                if let Some(next) = self.after_save.take() {
                    self.carry_out(next, ctx);
                }
            }
            Err(err) => {
                self.after_save = None;
                self.status = format!("Not saved: {}", path.display());
                self.overlays.error = Some(format!(
                    "Could not save; your work is still open and unchanged.\n\n{err}"
                ));
            }
        }
    }

    fn merged(
        &mut self,
        path: PathBuf,
        revision: crate::document::Revision,
        result: Result<(Box<Assessment>, String), String>,
    ) {
        let Some(doc) = &self.doc else { return };
        if doc.revision() != revision {
            // Edited while the merge ran: merge again into the work as it is now.
            self.merge(path);
            return;
        }
        match result {
            Ok((assessment, report)) => {
                self.commands.push(Command::Edit(Edit::Merge(assessment)));
                self.overlays.notice = Some(report);
            }
            Err(err) => {
                self.overlays.error =
                    Some(format!("Could not merge; nothing was changed.\n\n{err}"))
            }
        }
    }
}

/// The open assessment merged with the file at `path`, and what the merge did, in words.
fn merge_with(open: MergeSource, path: &Path) -> Result<(Box<Assessment>, String), String> {
    let before = open.assessment.participants.len();
    let other = files::load_assessment(path).map_err(|e| e.to_string())?;
    let other = MergeSource {
        path: path.to_path_buf(),
        assessment: other,
    };
    let merged = merge_assessments(vec![open, other]).map_err(|e| e.to_string())?;
    let added = merged.assessment.participants.len().saturating_sub(before);
    let mut report = format!(
        "Merged {}: {} added.",
        path.display(),
        theme::count(added, "participant")
    );
    for line in merged.report_lines() {
        report.push_str(&format!("\n{line}"));
    }
    Ok((Box::new(merged.assessment), report))
}
