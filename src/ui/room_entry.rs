//! Fast entry for a room: one question on screen, a grid of participants × today/target, and
//! the facilitator typing each person's level with one key; beside it every question with how
//! many have answered it. A question is asked only of its audience: the others' rows say "not
//! asked" and the cursor passes them by. When the room has answered, the question stays with
//! its distribution (and, where the room is split, the offer to vote again) until the
//! facilitator moves on. A reopened file starts at the first question not everyone answered.
//!
//! Keys (when no text field has focus): 1–5 set the cell under the cursor and move on (today →
//! target → next participant asked), D = don't know, N = not applicable, Delete clears, Enter or
//! ↓ skips to the next participant (blank stays blank), ↑ goes back, ←/→ switch today/target,
//! Page Up/Down change dimension. Once the room has answered: Enter or → next question, V vote
//! again, ← back into the grid.

mod moves;
mod question_list;

use crate::ui::a11y;
use crate::ui::columns::columns_ui;

/// Below this width the grid and the summary are stacked, not side by side.
const SIDE_BY_SIDE: f32 = 900.0;
use egui::RichText;
use egui::accesskit::Role;

use crate::model::{Answer, Assessment};
use crate::scoring::{Phase, RoomView, Scores};

use super::answering::{answering_rule_ui, audience_note, mirror_ui};
use super::command::Command;
use super::distribution::distribution_ui;
use super::theme::fmt_score;
use crate::document::answer_of;

use moves::{asked_rows, first_asked_row, first_unfinished};

/// The keys of the grid, on screen.
const GRID_KEYS: &str = "Keys: 1–5 level · D don't know · N not applicable · Delete clears · Enter skips · ↑/↓ participant · ←/→ today/target · Page Up/Down dimension";
/// The keys once the room has answered.
const ANSWERED_KEYS: &str = "Keys: Enter or → next question · V vote again · ← back to the answers · Page Up/Down dimension";

/// The fast-entry grid's state: which question, and where the next key goes.
#[derive(Default)]
pub struct RoomEntry {
    /// Index into the questionnaire's questions.
    pub question: usize,
    pub row: usize,
    pub phase: Phase,
    /// The room has answered the question: it stays on screen until the facilitator moves on.
    pub answered: bool,
    /// The cursor has been put on the first question not everyone has answered.
    placed: bool,
    scroll_to_cursor: bool,
    /// The question list has still to scroll to the question on screen.
    list_follows: bool,
}

impl RoomEntry {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        assessment: &Assessment,
        scores: &Scores,
        commands: &mut Vec<Command>,
    ) {
        let q = &assessment.questionnaire;
        if q.questions.is_empty() || assessment.participants.is_empty() {
            return;
        }
        if !self.placed {
            self.placed = true;
            self.go_to(assessment, first_unfinished(assessment));
        }
        self.question = self.question.min(q.questions.len() - 1);
        self.row = self.row.min(assessment.participants.len() - 1);
        if !asked_rows(assessment, self.question).contains(&self.row) {
            self.row = first_asked_row(assessment, self.question);
        }
        self.keyboard(ui, assessment, commands);

        egui::Panel::left("room-questions")
            .resizable(false)
            .exact_size(250.0)
            .show(ui, |ui| {
                let follow = std::mem::take(&mut self.list_follows);
                if let Some(question) =
                    question_list::question_list_ui(ui, assessment, self.question, follow)
                {
                    self.go_to(assessment, question);
                }
            });
        egui::CentralPanel::default().show(ui, |ui| {
            self.question_ui(ui, assessment, scores, commands);
        });
    }

    fn question_ui(
        &mut self,
        ui: &mut egui::Ui,
        assessment: &Assessment,
        scores: &Scores,
        commands: &mut Vec<Command>,
    ) {
        let q = &assessment.questionnaire;
        let question = &q.questions[self.question];
        let dimension = q
            .dimension(&question.dimension)
            .map_or("", |d| d.name.as_str());
        let audience = audience_note(question).map_or(String::new(), |note| format!(" · {note}"));
        ui.weak(format!(
            "Question {} of {} · {dimension}{audience}",
            self.question + 1,
            q.questions.len()
        ));
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(self.question > 0, egui::Button::new("← Previous question"))
                .clicked()
            {
                self.go_to(assessment, self.question - 1);
            }
            if ui
                .add_enabled(
                    self.question + 1 < q.questions.len(),
                    egui::Button::new("Next question →"),
                )
                .clicked()
            {
                self.go_to(assessment, self.question + 1);
            }
            if ui
                .button("Vote again")
                .on_hover_text("Keep these answers as an earlier round and let the room rate this question again")
                .clicked()
            {
                self.vote_again(assessment, commands);
            }
            if ui
                .button("Present")
                .on_hover_text("Full screen for the projector, one question at a time")
                .clicked()
            {
                commands.push(Command::Present(Some(self.question)));
            }
        });
        ui.label(RichText::new(&question.text).size(20.0).strong());
        mirror_ui(ui, question, 14.0);
        if asked_rows(assessment, self.question).is_empty() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "Nobody in the room is asked this question ({}): Enter or → for the next one.",
                    audience_note(question).unwrap_or_default()
                ),
            );
        }
        answering_rule_ui(ui, 14.0);
        levels_ui(ui, assessment, self.question);
        ui.add_space(6.0);
        ui.weak(if self.answered {
            ANSWERED_KEYS
        } else {
            GRID_KEYS
        });
        if ui.available_width() < SIDE_BY_SIDE {
            // Too narrow for both (the phone-voting panel beside it): the grid keeps its
            // Target column and the summary follows it.
            egui::ScrollArea::vertical()
                .id_salt("room-stacked")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    self.grid_ui(ui, assessment, self.question);
                    ui.add_space(12.0);
                    self.beside_grid_ui(ui, assessment, scores, commands);
                });
            return;
        }
        columns_ui(ui, 2, 24.0, |columns| {
            egui::ScrollArea::both()
                .id_salt("room-grid")
                .auto_shrink([false, false])
                .show(&mut columns[0], |ui| {
                    self.grid_ui(ui, assessment, self.question);
                });
            egui::ScrollArea::vertical()
                .id_salt("room-summary")
                .auto_shrink([false, false])
                .show(&mut columns[1], |ui| {
                    self.beside_grid_ui(ui, assessment, scores, commands);
                });
        });
    }

    /// The question so far, or once the room has answered, its distribution.
    fn beside_grid_ui(
        &mut self,
        ui: &mut egui::Ui,
        assessment: &Assessment,
        scores: &Scores,
        commands: &mut Vec<Command>,
    ) {
        if self.answered {
            self.answered_ui(ui, assessment, scores, commands);
        } else {
            summary_ui(ui, assessment, &scores.questions[self.question]);
        }
    }

    /// The finished question: the room's distribution, the offer to vote again where it is
    /// split, and how to move on.
    fn answered_ui(
        &mut self,
        ui: &mut egui::Ui,
        assessment: &Assessment,
        scores: &Scores,
        commands: &mut Vec<Command>,
    ) {
        let score = &scores.questions[self.question];
        ui.strong("The room has answered");
        distribution_ui(ui, &assessment.questionnaire, score, 1.0);
        if RoomView::of(score).worth_revoting() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.label(
                    RichText::new("The room is split: discuss it, then vote again?")
                        .strong()
                        .color(ui.visuals().warn_fg_color),
                );
                if ui.button("Vote again (V)").clicked() {
                    self.vote_again(assessment, commands);
                }
            });
        }
        if ui.button("Next question (Enter or →)").clicked() {
            self.next_question(assessment);
        }
    }

    fn grid_ui(&mut self, ui: &mut egui::Ui, assessment: &Assessment, index: usize) {
        let question = &assessment.questionnaire.questions[index];
        egui::Grid::new("room-entry")
            .num_columns(4)
            .striped(true)
            .spacing([12.0, 4.0])
            .show(ui, |ui| {
                ui.strong("Participant");
                ui.strong("Side");
                ui.strong("Today");
                ui.strong("Target");
                ui.end_row();
                for (row, participant) in assessment.participants.iter().enumerate() {
                    let name = assessment.display_name(participant);
                    ui.label(&name);
                    ui.weak(participant.side.name());
                    if !participant.is_asked(question) {
                        ui.weak("not asked");
                        ui.end_row();
                        continue;
                    }
                    for phase in [Phase::Current, Phase::Target] {
                        let answer = answer_of(assessment, row, &question.id, phase);
                        let at_cursor = !self.answered && self.row == row && self.phase == phase;
                        let cell = ui.add(
                            egui::Button::selectable(
                                at_cursor,
                                RichText::new(answer_text(answer)).size(18.0).strong(),
                            )
                            .frame_when_inactive(true)
                            .min_size(egui::vec2(64.0, 30.0)),
                        );
                        let which = if phase == Phase::Current {
                            "today"
                        } else {
                            "target"
                        };
                        let label = format!("{name} {which}");
                        cell.widget_info(a11y::labeled(Role::Button, &label));
                        if cell.clicked() {
                            self.row = row;
                            self.phase = phase;
                            self.answered = false;
                        }
                        if at_cursor && self.scroll_to_cursor {
                            cell.scroll_to_me(None);
                            self.scroll_to_cursor = false;
                        }
                    }
                    ui.end_row();
                }
            });
    }
}

/// The question's figures while the room answers.
fn summary_ui(ui: &mut egui::Ui, assessment: &Assessment, score: &crate::scoring::QuestionScore) {
    ui.strong("This question so far");
    let rounds = assessment
        .participants
        .iter()
        .filter_map(|p| p.responses.get(&score.id))
        .map(|r| r.earlier_rounds.len())
        .max()
        .unwrap_or(0);
    egui::Grid::new("room-summary-figures")
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            let rows = [
                ("Round", (rounds + 1).to_string()),
                ("Answers today", score.spread.count.to_string()),
                ("Mean today", fmt_score(score.current)),
                ("Mean target", fmt_score(score.target)),
                (
                    "IT / business",
                    format!("{} / {}", fmt_score(score.it), fmt_score(score.business)),
                ),
                ("Spread (sd)", fmt_score(score.spread.sd)),
                ("Agreement (rwg)", fmt_score(score.spread.rwg)),
                (
                    "Don't know / n.a.",
                    format!("{} / {}", score.dont_know, score.not_applicable),
                ),
            ];
            for (label, value) in rows {
                ui.label(label);
                ui.strong(value);
                ui.end_row();
            }
        });
    if score.disagreement {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "The room disagrees widely: discuss, then vote again.",
        );
    }
}

/// What a grid cell shows for an answer.
pub fn answer_text(answer: Answer) -> String {
    match answer {
        Answer::Blank => String::new(),
        Answer::Level(level) => level.to_string(),
        Answer::DontKnow => "DK".into(),
        Answer::NotApplicable => "n/a".into(),
    }
}

/// The question's five level descriptions, compact, for the room to read from the screen.
fn levels_ui(ui: &mut egui::Ui, assessment: &Assessment, question: usize) {
    let q = &assessment.questionnaire;
    let descriptions = &q.questions[question].levels;
    columns_ui(ui, descriptions.len().max(1), 24.0, |columns| {
        for (n, (column, description)) in columns.iter_mut().zip(descriptions).enumerate() {
            let value = (n + 1) as u8;
            column.label(
                RichText::new(format!(
                    "{value} · {}",
                    q.level_label(value).unwrap_or_default()
                ))
                .strong(),
            );
            column.label(RichText::new(description).size(13.0));
        }
    });
}
