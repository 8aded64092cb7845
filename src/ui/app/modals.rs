//! The windows over the app: unsaved changes, recovered work, removing a participant who has
//! answered, messages. Each is drawn from what it shows and answers with a command.

use super::{Overlays, Pending};
use crate::files::Recovery;
use crate::ui::command::{Command, Message, UnsavedChoice};
use crate::ui::start::{RecoveryOffer, StartView};
use crate::ui::theme;
use crate::ui::view::ViewCtx;

/// Every modal that is open, topmost last.
pub(super) fn overlays_ui(ui: &mut egui::Ui, overlays: &Overlays, ctx: &mut ViewCtx<'_>) {
    if let Some(recovery) = &overlays.recovery {
        recovery_ui(ui, recovery, ctx);
    }
    if let Some(index) = overlays.remove_participant {
        remove_participant_ui(ui, index, ctx);
    }
    if let Some(pending) = &overlays.confirm {
        confirm_ui(ui, pending, ctx);
    }
    if let Some(text) = &overlays.notice {
        message_ui(ui, Message::Notice, text, ctx);
    }
    if let Some(text) = &overlays.error {
        message_ui(ui, Message::Error, text, ctx);
    }
}

/// Asks before unsaved changes would be lost.
fn confirm_ui(ui: &egui::Ui, pending: &Pending, ctx: &mut ViewCtx<'_>) {
    let name = ctx.doc.map_or_else(String::new, |d| d.file_name());
    let instead = match pending {
        Pending::Quit => "before closing",
        Pending::New { .. } | Pending::NextRound(_) => "before starting a new assessment",
        Pending::Open | Pending::OpenPath(_) => "before opening another file",
    };
    egui::Modal::new(egui::Id::unique("confirm-unsaved")).show(ui.ctx(), |ui| {
        ui.set_max_width(460.0);
        ui.heading("Unsaved changes");
        ui.label(format!(
            "{name} has changes that are not saved. Save them {instead}?"
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (label, choice) in [
                ("Save", UnsavedChoice::Save),
                ("Don't save", UnsavedChoice::Discard),
                ("Cancel", UnsavedChoice::Cancel),
            ] {
                if ui.button(label).clicked() {
                    ctx.push(Command::Unsaved(choice));
                }
            }
        });
    });
}

fn recovery_ui(ui: &egui::Ui, recovery: &Recovery, ctx: &mut ViewCtx<'_>) {
    let offer = RecoveryOffer::from(recovery);
    egui::Modal::new(egui::Id::unique("recovery")).show(ui.ctx(), |ui| {
        ui.set_max_width(520.0);
        StartView::recovery_ui(ui, &offer, ctx.commands);
    });
}

/// Someone who has answered is not removed by a stray click: ask, naming what goes with them.
fn remove_participant_ui(ui: &egui::Ui, index: usize, ctx: &mut ViewCtx<'_>) {
    let Some(doc) = ctx.doc else { return };
    let Some(participant) = doc.assessment.participants.get(index) else {
        return;
    };
    let name = doc.assessment.display_name(participant);
    let answers = theme::count(participant.responses.len(), "answered question");
    egui::Modal::new(egui::Id::unique("remove-participant")).show(ui.ctx(), |ui| {
        ui.set_max_width(460.0);
        ui.heading(format!("Remove {name}?"));
        ui.label(format!(
            "{name} has {answers}. Removing them takes their answers out of every score; \
             Ctrl+Z brings them back."
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Remove").clicked() {
                ctx.push(Command::Edit(crate::document::Edit::RemoveParticipant(
                    index,
                )));
            }
            if ui.button("Keep").clicked() {
                ctx.push(Command::KeepParticipant);
            }
        });
    });
}

/// A message in a window of its own until the user presses OK.
fn message_ui(ui: &egui::Ui, kind: Message, text: &str, ctx: &mut ViewCtx<'_>) {
    egui::Modal::new(egui::Id::unique(kind.heading())).show(ui.ctx(), |ui| {
        ui.set_max_width(640.0);
        ui.heading(kind.heading());
        ui.label(egui::RichText::new(text).monospace());
        ui.add_space(8.0);
        if ui.button("OK").clicked() {
            ctx.push(Command::Dismiss(kind));
        }
    });
}

impl From<&Recovery> for RecoveryOffer {
    fn from(recovery: &Recovery) -> Self {
        let age = recovery
            .modified
            .and_then(|m| m.elapsed().ok())
            .map_or_else(
                || "some time ago".to_string(),
                |d| theme::age_in_words(d.as_secs()),
            );
        RecoveryOffer {
            organisation: recovery.assessment.organisation.clone(),
            questionnaire: recovery.assessment.questionnaire.title.clone(),
            origin: recovery.origin.clone(),
            age,
        }
    }
}
