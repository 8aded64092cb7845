//! The windows over the app: unsaved changes, recovered work, the CSV import, messages.

use crate::files::Recovery;

use super::App;
use crate::ui::document::Document;
use crate::ui::start::{RecoveryOffer, StartView};

impl App {
    /// Asks before unsaved changes would be lost.
    pub(super) fn confirm_ui(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.confirm.clone() else {
            return;
        };
        let name = self
            .doc
            .as_ref()
            .map_or_else(String::new, Document::file_name);
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("confirm-unsaved")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading("Unsaved changes");
            ui.label(format!(
                "{name} has changes that are not saved. Save them first?"
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some("save");
                }
                if ui.button("Don't save").clicked() {
                    choice = Some("discard");
                }
                if ui.button("Cancel").clicked() {
                    choice = Some("cancel");
                }
            });
        });
        match choice {
            Some("save") => {
                self.confirm = None;
                self.after_save = Some(pending);
                self.save(ctx);
            }
            Some("discard") => {
                // The document stays dirty: if what replaces it fails to open, it is still the work.
                self.confirm = None;
                self.carry_out(pending, ctx);
            }
            Some(_) => self.confirm = None,
            None => {}
        }
    }

    pub(super) fn import_ui(&mut self, ctx: &egui::Context) {
        let (Some(dialog), Some(doc)) = (&mut self.import, &self.doc) else {
            return;
        };
        if !dialog.ui(ctx, &doc.assessment, &mut self.commands) {
            self.import = None;
        }
    }

    pub(super) fn recovery_ui(&mut self, ctx: &egui::Context) {
        let Some(recovery) = &self.recovery else {
            return;
        };
        let offer = RecoveryOffer::from(recovery);
        egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            StartView::recovery_ui(ui, &offer, &mut self.commands);
        });
    }
}

/// `message` in a window of its own until the user presses OK.
pub(super) fn message_ui(ctx: &egui::Context, heading: &str, message: &mut Option<String>) {
    let Some(text) = message.as_deref() else {
        return;
    };
    let mut close = false;
    egui::Modal::new(egui::Id::unique(heading)).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading(heading);
        ui.label(egui::RichText::new(text).monospace());
        ui.add_space(8.0);
        close = ui.button("OK").clicked();
    });
    if close {
        *message = None;
    }
}

impl From<&Recovery> for RecoveryOffer {
    fn from(recovery: &Recovery) -> Self {
        let age = recovery
            .modified
            .and_then(|m| m.elapsed().ok())
            .map_or_else(
                || "some time ago".to_string(),
                |d| format!("{} minutes ago", d.as_secs() / 60),
            );
        RecoveryOffer {
            organisation: recovery.assessment.organisation.clone(),
            questionnaire: recovery.assessment.questionnaire.title.clone(),
            origin: recovery.origin.clone(),
            age,
        }
    }
}
