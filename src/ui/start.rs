//! The start screen: the shipped questionnaires to begin with (all questions, or only the core
//! set when time is short), recent files, Open…, and the recovery of autosaved work.

use crate::ui::view::{View, ViewCtx};
use std::collections::BTreeSet;
use std::path::PathBuf;

use egui::accesskit::Role;

use crate::model::{Assessment, Questionnaire};
use crate::ui::a11y;

use super::command::Command;

/// What the start screen shows about autosaved work waiting to be recovered.
pub struct RecoveryOffer {
    pub organisation: String,
    pub questionnaire: String,
    pub origin: Option<PathBuf>,
    pub age: String,
}

/// The start screen.
#[derive(Default)]
pub struct StartView {
    /// The questionnaires (by id) to start with their core questions only.
    core_only: BTreeSet<String>,
}

impl StartView {
    fn screen_ui(
        &mut self,
        ui: &mut egui::Ui,
        questionnaires: &[Questionnaire],
        recent: &[PathBuf],
        open: Option<&Assessment>,
        commands: &mut Vec<Command>,
    ) {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            ui.add_space(8.0);
            ui.heading("Convergence");
            ui.label(
                "How far have IT and the business of your organisation converged? Answer a questionnaire, \
                 map where IT and business people meet, and see where you stand on the slope from Silos to Fused.",
            );
            ui.add_space(12.0);

            if let Some(open) = open {
                next_round_ui(ui, open, commands);
                ui.add_space(12.0);
            }
            ui.strong("Start a new assessment");
            for q in questionnaires {
                questionnaire_card_ui(ui, q, &mut self.core_only, commands);
            }

            ui.add_space(12.0);
            ui.horizontal(|ui| {
                ui.strong("Open an assessment");
                if ui.button("Open…").on_hover_text("Ctrl+O").clicked() {
                    commands.push(Command::Open);
                }
            });
            if recent.is_empty() {
                ui.weak("No recent files yet.");
            }
            for path in recent {
                let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                ui.horizontal(|ui| {
                    if ui.link(name).clicked() {
                        commands.push(Command::OpenPath(path.clone()));
                    }
                    ui.weak(path.display().to_string());
                });
            }
        });
    }
}

impl StartView {
    /// The offer to take back work autosaved before a crash: asked before anything else.
    pub fn recovery_ui(ui: &mut egui::Ui, offer: &RecoveryOffer, commands: &mut Vec<Command>) {
        egui::Frame::group(ui.style())
            .fill(ui.visuals().warn_fg_color.gamma_multiply(0.12))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.strong("Recover unsaved work?");
                let what = if offer.organisation.is_empty() {
                    "an assessment".to_string()
                } else {
                    offer.organisation.clone()
                };
                let file = offer.origin.as_ref().map_or_else(
                    || "a file never saved".to_string(),
                    |p| p.display().to_string(),
                );
                ui.label(format!(
                    "Convergence closed before changes to {what} ({}) were saved. They were \
                     autosaved {}; recovering opens them, and they go into {file} when you save.",
                    offer.questionnaire, offer.age
                ));
                ui.horizontal(|ui| {
                    if ui.button("Recover").clicked() {
                        commands.push(Command::Recover);
                    }
                    if ui.button("Discard").clicked() {
                        commands.push(Command::DiscardRecovery);
                    }
                });
            });
    }
}

/// The next round of the open assessment: the way to come back a year later.
fn next_round_ui(ui: &mut egui::Ui, open: &Assessment, commands: &mut Vec<Command>) {
    ui.strong("Come back for the next round");
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let whose = if open.organisation.trim().is_empty() {
            "the open assessment".to_string()
        } else {
            open.organisation.clone()
        };
        let when = if open.date.is_empty() {
            String::new()
        } else {
            format!(" of {}", open.date)
        };
        ui.label(format!(
            "Start from {whose}{when}: the same questionnaire, participants, touchpoint map \
             and action plan with its statuses; every answer still to give. The new one \
             remembers the one it follows, for the history."
        ));
        if ui.button("New assessment from this one").clicked() {
            commands.push(Command::NextRound);
        }
    });
}

fn questionnaire_card_ui(
    ui: &mut egui::Ui,
    q: &Questionnaire,
    core_only: &mut BTreeSet<String>,
    commands: &mut Vec<Command>,
) {
    let core = q.questions.iter().filter(|x| x.core).count();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.vertical(|ui| {
                ui.set_max_width(ui.available_width() - 140.0);
                ui.label(egui::RichText::new(&q.title).size(19.0).strong());
                let mut size = format!(
                    "{} questions in {} dimensions · about {} minutes",
                    q.questions.len(),
                    q.dimensions.len(),
                    q.estimated_minutes
                );
                if q.has_core_set() {
                    size.push_str(&format!(
                        " · core set: {core} questions, about {} minutes",
                        q.core_minutes
                    ));
                }
                ui.weak(size);
                ui.label(&q.description);
                if q.has_core_set() {
                    let mut short = core_only.contains(&q.id);
                    let text = format!(
                        "Core questions only ({core}, about {} minutes)",
                        q.core_minutes
                    );
                    let check = ui.checkbox(&mut short, text);
                    let name = format!("Core questions only of {}", q.title);
                    check.widget_info(|| {
                        egui::WidgetInfo::selected(Role::CheckBox, true, short, &name)
                    });
                    if short {
                        core_only.insert(q.id.clone());
                    } else {
                        core_only.remove(&q.id);
                    }
                }
            });
            ui.with_layout(egui::Layout::top_down(egui::Align::Max), |ui| {
                let ways = [
                    ("Self-assessment", "On your own: one participant, you", true),
                    (
                        "Workshop",
                        "A room of IT and business participants, added next",
                        false,
                    ),
                ];
                for (label, hint, alone) in ways {
                    let button = ui.add(egui::Button::new(label).min_size(egui::vec2(150.0, 0.0)));
                    // Every card has these two: name the questionnaire for screen readers.
                    let name = format!("{label} with {}", q.title);
                    button.widget_info(a11y::labeled(Role::Button, &name));
                    if button.on_hover_text(hint).clicked() {
                        let questionnaire = if core_only.contains(&q.id) {
                            q.core_only()
                        } else {
                            q.clone()
                        };
                        commands.push(Command::New {
                            questionnaire: Box::new(questionnaire),
                            alone,
                        });
                    }
                }
            });
        });
    });
}

impl View for StartView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let open = ctx.doc.map(|doc| &doc.assessment);
        self.screen_ui(
            ui,
            ctx.questionnaires,
            &ctx.settings.recent,
            open,
            ctx.commands,
        );
    }
}
