//! Opening, saving, merging and autosaving: everything the app does with files, and the
//! question to ask first when unsaved changes stand in the way.

use std::path::{Path, PathBuf};

use crate::files::{self, MergeSource, merge_assessments};
use crate::model::Assessment;

use super::{App, Pending};
use crate::ui::command::{Command, Edit};
use crate::ui::dialogs::DialogKind;
use crate::ui::document::Document;
use crate::ui::import_dialog::ImportDialog;
use crate::ui::questionnaire::QuestionnaireView;
use crate::ui::{Screen, theme};

impl App {
    /// Carries out `pending` now, or first asks what to do with unsaved changes.
    pub(super) fn unless_unsaved(&mut self, pending: Pending, ctx: &egui::Context) {
        if self.doc.as_ref().is_some_and(|d| d.dirty) {
            self.confirm = Some(pending);
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
                self.doc = Some(Document::new_assessment(assessment, alone));
                self.questionnaire = QuestionnaireView::default();
                self.screen = Screen::Setup;
                self.forget_autosave();
            }
            Pending::Open => self.dialogs.request(DialogKind::OpenAssessment, ctx),
            Pending::OpenPath(path) => self.open(&path),
            Pending::Quit => {
                self.quitting = true;
                self.forget_autosave();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Opens a file; on failure the message is shown and the current work stays as it was.
    pub(super) fn open(&mut self, path: &Path) {
        match files::load_assessment(path) {
            Ok(assessment) => {
                self.doc = Some(Document::new(assessment, Some(path.to_path_buf())));
                self.settings.remember(path);
                self.questionnaire = QuestionnaireView::default();
                self.screen = Screen::Results;
                self.forget_autosave();
            }
            Err(err) => {
                self.error = Some(format!(
                    "Could not open the file; nothing was changed.\n\n{err}"
                ))
            }
        }
    }

    /// Merges another assessment file into the open one (undoably); participants it shares
    /// with the open one are reported, not added twice.
    pub(super) fn merge(&mut self, path: &Path) {
        let Some(doc) = &mut self.doc else { return };
        let open = MergeSource {
            path: doc
                .path
                .clone()
                .unwrap_or_else(|| PathBuf::from("the open assessment")),
            assessment: doc.assessment.clone(),
        };
        let merged = files::load_assessment(path)
            .map_err(|e| e.to_string())
            .and_then(|other| {
                let other = MergeSource {
                    path: path.to_path_buf(),
                    assessment: other,
                };
                merge_assessments(vec![open, other]).map_err(|e| e.to_string())
            });
        match merged {
            Ok(merged) => {
                let before = doc.assessment.participants.len();
                let added = merged.assessment.participants.len() - before;
                let added = theme::count(added, "participant");
                let mut report = format!("Merged {}: {added} added.", path.display());
                for line in merged.report_lines() {
                    report.push_str(&format!("\n{line}"));
                }
                self.commands
                    .push(Command::Edit(Edit::Merge(Box::new(merged.assessment))));
                self.notice = Some(report);
            }
            Err(err) => {
                self.error = Some(format!("Could not merge; nothing was changed.\n\n{err}"))
            }
        }
    }

    pub(super) fn save(&mut self, ctx: &egui::Context) {
        match self.doc.as_ref().and_then(|d| d.path.clone()) {
            Some(path) => self.save_to(&path, ctx),
            None if self.doc.is_some() => self.dialogs.request(DialogKind::SaveAssessment, ctx),
            None => {}
        }
    }

    pub(super) fn save_to(&mut self, path: &Path, ctx: &egui::Context) {
        let Some(doc) = &mut self.doc else { return };
        match files::save_assessment(&doc.assessment, path) {
            Ok(()) => {
                doc.mark_saved(path.to_path_buf());
                self.settings.remember(path);
                self.forget_autosave();
                if let Some(next) = self.after_save.take() {
                    self.carry_out(next, ctx);
                }
            }
            Err(err) => {
                self.after_save = None;
                self.error = Some(format!(
                    "Could not save; your work is still open and unchanged.\n\n{err}"
                ));
            }
        }
    }

    /// The work is saved or deliberately dropped: the autosave has nothing left to protect.
    pub(super) fn forget_autosave(&mut self) {
        self.autosave_due = None;
        if let Some(dir) = &self.data_dir {
            files::clear_autosave(dir);
        }
    }

    pub(super) fn dialog_answers(&mut self, ctx: &egui::Context) {
        while let Some((kind, path)) = self.dialogs.poll() {
            match (kind, path) {
                (DialogKind::OpenAssessment, Some(path)) => self.open(&path),
                (DialogKind::SaveAssessment, Some(path)) => self.save_to(&path, ctx),
                (DialogKind::MergeAssessment, Some(path)) => self.merge(&path),
                (DialogKind::OpenCsv, Some(path)) => match ImportDialog::open(&path) {
                    Ok(dialog) => self.import = Some(dialog),
                    Err(err) => {
                        self.error =
                            Some(format!("Could not import; nothing was changed.\n\n{err}"))
                    }
                },
                (_, None) => self.after_save = None, // cancelled
            }
        }
    }

    /// Writes the autosave now instead of after the usual pause (tests; quitting).
    pub fn autosave_now(&mut self) {
        self.autosave_due = None;
        let (Some(dir), Some(doc)) = (&self.data_dir, &self.doc) else {
            return;
        };
        if !doc.dirty {
            return;
        }
        if let Err(err) = files::write_autosave(dir, &doc.assessment, doc.path.as_deref()) {
            self.error = Some(format!("Autosave failed: {err}"));
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
}
