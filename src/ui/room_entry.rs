//! Fast entry for a room: one question on screen, a grid of participants × today/target, and
//! the facilitator typing each person's level with one key. A question is asked only of its
//! audience: the others' rows say "not asked" and the cursor passes them by.
//!
//! Keys (when no text field has focus): 1–5 set the cell under the cursor and move on (today →
//! target → next participant asked, then the next question someone in the room is asked),
//! D = don't know, N = not applicable, Delete clears, Enter or ↓ skips to the next participant
//! (blank stays blank), ↑ goes back, ←/→ switch today/target, Page Up/Down change question.

use crate::ui::a11y;
use egui::accesskit::Role;
use egui::{Key, RichText};

use crate::model::{Answer, Assessment};
use crate::scoring::{Phase, Scores};

use super::answer_keys::{answer_for_key, plain_keys};
use super::answering::{answering_rule_ui, audience_note, mirror_ui};
use super::command::Command;
use super::theme::fmt_score;
use crate::document::Edit;
use crate::document::answer_of;

/// The fast-entry grid's state: which question, and where the next key goes.
#[derive(Default)]
pub struct RoomEntry {
    /// Index into the questionnaire's questions.
    pub question: usize,
    pub row: usize,
    pub phase: Phase,
    scroll_to_cursor: bool,
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
        self.question = self.question.min(q.questions.len() - 1);
        self.row = self.row.min(assessment.participants.len() - 1);
        if !asked_rows(assessment, self.question).contains(&self.row) {
            self.row = first_asked_row(assessment, self.question);
        }
        self.keyboard(ui, assessment, commands);
        let question = &q.questions[self.question];
        let dimension = q
            .dimension(&question.dimension)
            .map_or("", |d| d.name.as_str());
        let audience = audience_note(question).map_or(String::new(), |note| format!(" · {note}"));

        ui.horizontal(|ui| {
            ui.weak(format!("Question {} of {} · {dimension}{audience}", self.question + 1, q.questions.len()));
            if ui.add_enabled(self.question > 0, egui::Button::new("← Previous question")).clicked() {
                self.go_to(assessment, self.question - 1);
            }
            if ui.add_enabled(self.question + 1 < q.questions.len(), egui::Button::new("Next question →")).clicked() {
                self.go_to(assessment, self.question + 1);
            }
            if ui
                .button("Vote again")
                .on_hover_text("Keep these answers as an earlier round and let the room rate this question again")
                .clicked()
            {
                commands.push(Command::Edit(Edit::NewRound { question: question.id.clone() }));
                self.row = first_asked_row(assessment, self.question);
                self.phase = Phase::Current;
            }
            if ui.button("Present").on_hover_text("Full screen for the projector, one question at a time").clicked() {
                commands.push(Command::Present(Some(self.question)));
            }
        });
        ui.label(RichText::new(&question.text).size(20.0).strong());
        mirror_ui(ui, question, 14.0);
        if asked_rows(assessment, self.question).is_empty() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "Nobody in the room is asked this question ({}): Page Down for the next one.",
                    audience_note(question).unwrap_or_default()
                ),
            );
        }
        answering_rule_ui(ui, 14.0);
        levels_ui(ui, assessment, self.question);
        ui.add_space(6.0);

        let score = &scores.questions[self.question];
        ui.columns(2, |columns| {
            egui::ScrollArea::vertical()
                .id_salt("room-grid")
                .auto_shrink([false, false])
                .show(&mut columns[0], |ui| {
                    self.grid_ui(ui, assessment, self.question);
                });
            let ui = &mut columns[1];
            ui.strong("This question so far");
            let rounds = assessment
                .participants
                .iter()
                .filter_map(|p| p.responses.get(&question.id))
                .map(|r| r.earlier_rounds.len())
                .max()
                .unwrap_or(0);
            egui::Grid::new("room-summary")
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
        });
    }

    fn go_to(&mut self, assessment: &Assessment, question: usize) {
        self.question = question;
        self.row = first_asked_row(assessment, question);
        self.phase = Phase::Current;
        self.scroll_to_cursor = true;
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
                        let at_cursor = self.row == row && self.phase == phase;
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

    fn keyboard(&mut self, ui: &egui::Ui, assessment: &Assessment, commands: &mut Vec<Command>) {
        if ui.ctx().egui_wants_keyboard_input() {
            return;
        }
        let q = &assessment.questionnaire;
        let max = q.max_level();
        for key in plain_keys(ui) {
            // Looked up for every key: the one before may have moved on to the next question.
            let rows = asked_rows(assessment, self.question);
            if let Some(answer) = answer_for_key(key, max) {
                if !rows.contains(&self.row) {
                    continue;
                }
                commands.push(Command::Edit(Edit::Answer {
                    participant: self.row,
                    question: q.questions[self.question].id.clone(),
                    phase: self.phase,
                    answer,
                }));
                if answer != Answer::Blank {
                    self.advance(assessment);
                }
                continue;
            }
            let next_row = rows.iter().copied().find(|&r| r > self.row);
            let previous_row = rows.iter().copied().rfind(|&r| r < self.row);
            match (key, next_row, previous_row) {
                (Key::Enter | Key::ArrowDown, Some(row), _) => {
                    self.row = row;
                    self.phase = Phase::Current;
                }
                (Key::ArrowUp, _, Some(row)) => self.row = row,
                (Key::ArrowLeft, ..) => self.phase = Phase::Current,
                (Key::ArrowRight, ..) => self.phase = Phase::Target,
                (Key::PageDown, ..) if self.question + 1 < q.questions.len() => {
                    self.go_to(assessment, self.question + 1)
                }
                (Key::PageUp, ..) if self.question > 0 => self.go_to(assessment, self.question - 1),
                _ => {}
            }
            self.scroll_to_cursor = true;
        }
    }

    /// Today → target → the next participant asked; after the last one, the next question
    /// someone in the room is asked.
    fn advance(&mut self, assessment: &Assessment) {
        let next_row = asked_rows(assessment, self.question)
            .into_iter()
            .find(|&r| r > self.row);
        match (self.phase, next_row) {
            (Phase::Current, _) => self.phase = Phase::Target,
            (Phase::Target, Some(row)) => {
                self.row = row;
                self.phase = Phase::Current;
            }
            (Phase::Target, None) => {
                let questions = assessment.questionnaire.questions.len();
                let next =
                    (self.question + 1..questions).find(|&i| !asked_rows(assessment, i).is_empty());
                if let Some(question) = next {
                    self.go_to(assessment, question);
                }
            }
        }
        self.scroll_to_cursor = true;
    }
}

/// The rows of the participants question `index` is asked of, in order.
fn asked_rows(assessment: &Assessment, index: usize) -> Vec<usize> {
    let Some(question) = assessment.questionnaire.questions.get(index) else {
        return Vec::new();
    };
    assessment
        .participants
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_asked(question))
        .map(|(row, _)| row)
        .collect()
}

/// Where the cursor starts on a question: its first participant asked (the first row when
/// nobody is).
fn first_asked_row(assessment: &Assessment, index: usize) -> usize {
    asked_rows(assessment, index).first().copied().unwrap_or(0)
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
    ui.columns(descriptions.len().max(1), |columns| {
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
