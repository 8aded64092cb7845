//! The setup screen: who is assessed, when, by whom, and the participants answering.

use crate::model::{Assessment, Level, Participant, Side};
use crate::ui::a11y;
use crate::ui::date_field::DateField;
use crate::ui::view::{View, ViewCtx};
use egui::accesskit::Role;

use super::command::Command;
use crate::document::Edit;

/// The setup screen; it keeps a date being typed until it is a real date.
#[derive(Default)]
pub struct SetupView {
    date_draft: Option<String>,
}

impl SetupView {
    fn screen_ui(
        &mut self,
        ui: &mut egui::Ui,
        assessment: &Assessment,
        commands: &mut Vec<Command>,
    ) {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            ui.heading("Setup");
            ui.weak(format!("Questionnaire: {} (version {})", assessment.questionnaire.title, assessment.questionnaire.version));
            ui.add_space(8.0);
            egui::Grid::new("setup-fields").num_columns(2).spacing([16.0, 10.0]).show(ui, |ui| {
                text_field_ui(ui, "Organisation", &assessment.organisation, "e.g. Acme Insurance", commands, Edit::Organisation);
                self.date_ui(ui, &assessment.date, commands);
                text_field_ui(ui, "Facilitator", &assessment.facilitator, "who runs the assessment", commands, Edit::Facilitator);
            });

            ui.add_space(16.0);
            ui.strong("Participants");
            ui.weak("For a self-assessment, one participant: you. In a workshop, one row per person in the room.");
            let mut anonymous = assessment.anonymous;
            if ui
                .checkbox(&mut anonymous, "Show anonymous codes instead of names")
                .on_hover_text("Screens, reports and exports show P1, P2 … instead of names; the names stay in the file")
                .changed()
            {
                commands.push(Command::Edit(Edit::Anonymous(anonymous)));
            }
            // Above the table, so it stays in reach however long the list grows.
            ui.horizontal(|ui| {
                if ui.button("Add participant").clicked() {
                    commands.push(Command::Edit(Edit::AddParticipant));
                }
                let participants = super::theme::count(assessment.participants.len(), "participant");
                ui.weak(format!("{participants} · removing someone who has answered asks first; Ctrl+Z undoes it"));
            });
            participants_ui(ui, &assessment.participants, commands);
            ui.add_space(16.0);
            if ui.button("Go to the questionnaire  →").clicked() {
                commands.push(Command::Show(super::Screen::Questionnaire));
            }
        });
    }
}

impl SetupView {
    /// The assessment's date, typed or picked from a calendar: history is ordered by it.
    fn date_ui(&mut self, ui: &mut egui::Ui, date: &str, commands: &mut Vec<Command>) {
        ui.label("Date");
        ui.horizontal(|ui| {
            let mut value = date.to_owned();
            let field = DateField {
                id_salt: "assessment-date",
                name: "Assessment date",
                may_be_empty: false,
            };
            if field.ui(ui, &mut value, &mut self.date_draft) {
                commands.push(Command::Edit(Edit::Date(value)));
            }
        });
        ui.end_row();
    }
}

/// A labelled one-line text field that turns edits into commands.
fn text_field_ui(
    ui: &mut egui::Ui,
    label: &str,
    value: &str,
    hint: &str,
    commands: &mut Vec<Command>,
    edit: impl Fn(String) -> Edit,
) {
    let label = ui.label(label);
    let mut text = value.to_owned();
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .hint_text(hint)
                .desired_width(360.0),
        )
        .labelled_by(label.id);
    if response.changed() {
        commands.push(Command::Edit(edit(text)));
    }
    ui.end_row();
}

fn participants_ui(ui: &mut egui::Ui, participants: &[Participant], commands: &mut Vec<Command>) {
    // Names are edited here even when the assessment shows codes: this is where they are kept.
    egui::Grid::new("participants")
        .num_columns(6)
        .striped(true)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for header in ["Code", "Name", "Side", "Role", "Level", ""] {
                ui.strong(header);
            }
            ui.end_row();
            for (index, p) in participants.iter().enumerate() {
                let mut edited = p.clone();
                ui.monospace(p.id.to_uppercase());
                let mut changed = false;
                changed |= ui
                    .add_sized(
                        [220.0, 28.0],
                        egui::TextEdit::singleline(&mut edited.name)
                            .id_salt(("name", &p.id))
                            .hint_text("name or code"),
                    )
                    .on_hover_text("Name, or an anonymous code")
                    .changed();
                // The accessible names below carry the participant so a screen reader can tell rows apart.
                let side_label = format!("Side of {}", p.name);
                egui::ComboBox::from_id_salt(("side", &p.id))
                    .selected_text(edited.side.name())
                    .show_ui(ui, |ui| {
                        for side in [Side::It, Side::Business] {
                            changed |= ui
                                .selectable_value(&mut edited.side, side, side.name())
                                .changed();
                        }
                    })
                    .response
                    .widget_info(a11y::labeled(Role::ComboBox, &side_label));
                changed |= ui
                    .add_sized(
                        [200.0, 28.0],
                        egui::TextEdit::singleline(&mut edited.role)
                            .id_salt(("role", &p.id))
                            .hint_text("role"),
                    )
                    .changed();
                let level_text = edited.level.map_or("—", Level::name);
                let level_label = format!("Level of {}", p.name);
                egui::ComboBox::from_id_salt(("level", &p.id))
                    .selected_text(level_text)
                    .show_ui(ui, |ui| {
                        changed |= ui.selectable_value(&mut edited.level, None, "—").changed();
                        for level in Level::ALL {
                            changed |= ui
                                .selectable_value(&mut edited.level, Some(level), level.name())
                                .changed();
                        }
                    })
                    .response
                    .widget_info(a11y::labeled(Role::ComboBox, &level_label));
                // Clicked only, never pressed from the keyboard: typing in the row cannot reach it.
                let remove = ui
                    .add(egui::Button::new("Remove").sense(egui::Sense::CLICK))
                    .on_hover_text("Remove this participant and their answers (asks first when they have answered)");
                let remove_label = format!("Remove {}", p.name);
                remove.widget_info(a11y::labeled(Role::Button, &remove_label));
                if remove.clicked() {
                    commands.push(Command::AskRemoveParticipant(index));
                }
                if changed {
                    commands.push(Command::Edit(Edit::Participant {
                        index,
                        participant: edited,
                    }));
                }
                ui.end_row();
            }
        });
}

impl View for SetupView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(doc) = ctx.doc else { return };
        self.screen_ui(ui, &doc.assessment, ctx.commands);
    }
}
