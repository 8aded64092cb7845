//! The action plan: the ranked gaps offer the questionnaire's improvement actions, which the
//! user adopts into a plan of their own and edits there (owner, due date, status, what each
//! action addresses), reorders and removes; and the assessment's notes.

use std::collections::HashMap;

use egui::RichText;
use egui::accesskit::Role;

use crate::document::{ActionField, Document, Edit};
use crate::model::{ActionItem, ActionStatus, Questionnaire};
use crate::scoring::RankedGap;
use crate::ui::a11y;
use crate::ui::command::Command;
use crate::ui::date_field::DateField;
use crate::ui::view::{View, ViewCtx};

/// The action-plan screen; it keeps due dates being typed until they are real dates.
#[derive(Default)]
pub struct ActionPlanView {
    /// Due-date text not yet a date, by action index.
    due_drafts: HashMap<usize, String>,
}

impl View for ActionPlanView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(doc) = ctx.doc else { return };
        let commands = &mut *ctx.commands;
        egui::ScrollArea::vertical()
            .id_salt("action-plan")
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.heading("Action plan");
                ui.weak(
                    "Adopt the improvement actions the largest gaps call for, or write your own; \
                     give each an owner, a due date and a status.",
                );
                ui.add_space(8.0);
                self.plan_ui(ui, doc, commands);
                ui.add_space(16.0);
                proposals_ui(ui, doc, commands);
                ui.add_space(16.0);
                notes_ui(ui, doc, commands);
            });
    }
}

impl ActionPlanView {
    fn plan_ui(&mut self, ui: &mut egui::Ui, doc: &Document, commands: &mut Vec<Command>) {
        let actions = &doc.assessment.actions;
        ui.horizontal(|ui| {
            ui.strong(format!(
                "The plan · {}",
                crate::ui::theme::count(actions.len(), "action")
            ));
            if ui.button("Add action").clicked() {
                commands.push(Command::Edit(Edit::AddAction(ActionItem {
                    status: ActionStatus::Agreed,
                    ..ActionItem::default()
                })));
            }
        });
        if actions.is_empty() {
            ui.weak("No actions yet: adopt one of the proposals below, or add your own.");
        }
        for (index, action) in actions.iter().enumerate() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                self.action_ui(ui, index, action, doc, commands);
            });
        }
    }

    fn action_ui(
        &mut self,
        ui: &mut egui::Ui,
        index: usize,
        action: &ActionItem,
        doc: &Document,
        commands: &mut Vec<Command>,
    ) {
        let number = index + 1;
        let mut edited = action.clone();
        let mut changed = None;
        ui.horizontal(|ui| {
            ui.strong(format!("{number}."));
            let text = ui.add(
                egui::TextEdit::multiline(&mut edited.text)
                    .id_salt(("action-text", index))
                    .hint_text("what is to be done")
                    .desired_rows(1)
                    .desired_width(ui.available_width() - 250.0),
            );
            text.widget_info(a11y::labeled(
                Role::MultilineTextInput,
                &format!("Action {number}"),
            ));
            if text.changed() {
                changed = Some(ActionField::Text);
            }
            self.order_buttons_ui(ui, index, doc.assessment.actions.len(), commands);
        });
        ui.horizontal_wrapped(|ui| {
            let fields = [
                (owner_ui(ui, number, &mut edited.owner), ActionField::Owner),
                (self.due_ui(ui, index, &mut edited.due), ActionField::Due),
                (
                    status_ui(ui, number, &mut edited.status),
                    ActionField::Status,
                ),
                (
                    addresses_ui(ui, number, &mut edited, &doc.assessment.questionnaire),
                    ActionField::Addresses,
                ),
            ];
            if let Some((_, field)) = fields.into_iter().find(|(changed, _)| *changed) {
                changed = Some(field);
            }
        });
        if let Some(field) = changed {
            commands.push(Command::Edit(Edit::Action {
                index,
                field,
                action: edited,
            }));
        }
    }

    fn order_buttons_ui(
        &mut self,
        ui: &mut egui::Ui,
        index: usize,
        count: usize,
        commands: &mut Vec<Command>,
    ) {
        let number = index + 1;
        let mut order = |ui: &mut egui::Ui, enabled: bool, text: &str, name: String, edit: Edit| {
            let button = ui.add_enabled(enabled, egui::Button::new(text));
            button.widget_info(a11y::labeled(Role::Button, &name));
            if button.clicked() {
                // Drafts belong to positions; once the order changes they would land elsewhere.
                self.due_drafts.clear();
                commands.push(Command::Edit(edit));
            }
        };
        order(
            ui,
            index > 0,
            "↑",
            format!("Move action {number} up"),
            Edit::MoveAction {
                from: index,
                to: index.saturating_sub(1),
            },
        );
        order(
            ui,
            index + 1 < count,
            "↓",
            format!("Move action {number} down"),
            Edit::MoveAction {
                from: index,
                to: index + 1,
            },
        );
        order(
            ui,
            true,
            "Remove",
            format!("Remove action {number}"),
            Edit::RemoveAction(index),
        );
    }

    /// The due date as text (`YYYY-MM-DD`) beside a calendar; text that is not a date stays
    /// here, marked, until it is one.
    fn due_ui(&mut self, ui: &mut egui::Ui, index: usize, due: &mut String) -> bool {
        ui.label("Due");
        let salt = format!("action-due-{index}");
        let name = format!("Due date of action {}", index + 1);
        let field = DateField {
            id_salt: &salt,
            name: &name,
            may_be_empty: true,
        };
        let mut draft = self.due_drafts.remove(&index);
        let changed = field.ui(ui, due, &mut draft);
        if let Some(draft) = draft {
            self.due_drafts.insert(index, draft);
        }
        changed
    }
}

fn owner_ui(ui: &mut egui::Ui, number: usize, owner: &mut String) -> bool {
    ui.label("Owner");
    let field = ui.add(
        egui::TextEdit::singleline(owner)
            .id_salt(("action-owner", number))
            .hint_text("who")
            .desired_width(160.0),
    );
    field.widget_info(a11y::labeled(
        Role::TextInput,
        &format!("Owner of action {number}"),
    ));
    field.changed()
}

fn status_ui(ui: &mut egui::Ui, number: usize, status: &mut ActionStatus) -> bool {
    let mut changed = false;
    egui::ComboBox::from_id_salt(("action-status", number))
        .selected_text(status.name())
        .show_ui(ui, |ui| {
            for option in ActionStatus::ALL {
                changed |= ui.selectable_value(status, option, option.name()).changed();
            }
        })
        .response
        .widget_info(a11y::labeled(
            Role::ComboBox,
            &format!("Status of action {number}"),
        ));
    changed
}

/// What the action addresses: a menu of dimensions, each with its questions.
fn addresses_ui(
    ui: &mut egui::Ui,
    number: usize,
    action: &mut ActionItem,
    q: &Questionnaire,
) -> bool {
    let mut changed = false;
    let names: Vec<&str> = action
        .dimensions
        .iter()
        .filter_map(|id| q.dimension(id).map(|d| d.name.as_str()))
        .chain(action.questions.iter().map(String::as_str))
        .collect();
    let summary = if names.is_empty() {
        "addresses…".to_string()
    } else {
        format!("addresses {}", names.join(", "))
    };
    let menu = ui.menu_button(summary, |ui| {
        for dimension in &q.dimensions {
            changed |= toggle_ui(ui, &mut action.dimensions, &dimension.id, &dimension.name);
            ui.indent(("questions", &dimension.id), |ui| {
                for question in q.questions_in(&dimension.id) {
                    let label = format!("{} · {}", question.id, question.text);
                    changed |= toggle_ui(ui, &mut action.questions, &question.id, &label);
                }
            });
        }
    });
    menu.response.widget_info(a11y::labeled(
        Role::Button,
        &format!("What action {number} addresses"),
    ));
    changed
}

/// A checkbox for whether `id` is in `ids`.
fn toggle_ui(ui: &mut egui::Ui, ids: &mut Vec<String>, id: &str, label: &str) -> bool {
    let mut on = ids.iter().any(|i| i == id);
    let changed = ui.checkbox(&mut on, label).changed();
    if changed {
        if on {
            ids.push(id.to_string());
        } else {
            ids.retain(|i| i != id);
        }
    }
    changed
}

/// The ranked gaps with the actions the questionnaire proposes for each.
fn proposals_ui(ui: &mut egui::Ui, doc: &Document, commands: &mut Vec<Command>) {
    ui.strong("Proposed from the largest gaps");
    let gaps = &doc.scores.gaps;
    if gaps.is_empty() {
        ui.weak("No gaps yet: once targets are above today's answers, their actions show here.");
    }
    for (rank, gap) in gaps.iter().enumerate() {
        egui::CollapsingHeader::new(format!(
            "{} · from {:.1} to {:.1}",
            gap.name, gap.current, gap.target
        ))
        .id_salt(("proposals", &gap.dimension))
        // The three largest gaps open; the rest a click away.
        .default_open(rank < 3)
        .show(ui, |ui| gap_proposals_ui(ui, gap, doc, commands));
    }
}

fn gap_proposals_ui(
    ui: &mut egui::Ui,
    gap: &RankedGap,
    doc: &Document,
    commands: &mut Vec<Command>,
) {
    let q = &doc.assessment.questionnaire;
    for step in &gap.next_steps {
        let question = q.question(&step.question).map_or("", |q| q.text.as_str());
        ui.label(RichText::new(format!("{} · {question}", step.question)).weak());
        for text in &step.actions {
            let action = ActionItem {
                text: text.clone(),
                dimensions: vec![gap.dimension.clone()],
                questions: vec![step.question.clone()],
                ..ActionItem::default()
            };
            proposal_ui(ui, action, doc, commands);
        }
    }
    for (from, actions) in &gap.steps {
        ui.label(RichText::new(format!("From level {from} to {}", from + 1)).weak());
        for text in actions {
            let action = ActionItem {
                text: text.clone(),
                dimensions: vec![gap.dimension.clone()],
                ..ActionItem::default()
            };
            proposal_ui(ui, action, doc, commands);
        }
    }
}

/// One proposed action with its Adopt button, or a note that the plan has it.
fn proposal_ui(ui: &mut egui::Ui, action: ActionItem, doc: &Document, commands: &mut Vec<Command>) {
    let adopted = doc.assessment.actions.iter().any(|a| a.text == action.text);
    ui.horizontal_top(|ui| {
        if adopted {
            ui.add_sized(
                [64.0, 20.0],
                egui::Label::new(RichText::new("in the plan").weak()),
            );
        } else {
            let adopt = ui.add_sized([64.0, 24.0], egui::Button::new("Adopt"));
            adopt.widget_info(a11y::labeled(
                Role::Button,
                &format!("Adopt: {}", action.text),
            ));
            if adopt.clicked() {
                commands.push(Command::Edit(Edit::AddAction(action.clone())));
            }
        }
        // In a column of its own, so a long action wraps beside its button.
        ui.vertical(|ui| {
            ui.set_max_width(ui.available_width());
            ui.label(&action.text);
        });
    });
}

/// The assessment's notes: what the room agreed, caveats, what to check.
fn notes_ui(ui: &mut egui::Ui, doc: &Document, commands: &mut Vec<Command>) {
    let label = ui.strong("Notes for the assessment");
    let mut notes = doc.assessment.notes.clone();
    let field = ui
        .add(
            egui::TextEdit::multiline(&mut notes)
                .id_salt("assessment-notes")
                .hint_text("what the room agreed, caveats, evidence to gather")
                .desired_rows(4)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if field.changed() {
        commands.push(Command::Edit(Edit::Notes(notes)));
    }
}
