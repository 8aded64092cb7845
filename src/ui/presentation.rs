//! Presentation mode for the projector: full screen, large type, one question with what each
//! level looks like in columns with gutters, and, once the facilitator reveals them, the room's
//! answers level by level, IT and the business side by side with their counts and in words
//! ("the room agrees", "the room is split") — no statistics a room cannot read. An optional
//! timer counts down each question.
//!
//! Keys: → / Space / Page Down next question, ← / Page Up previous, R or Enter reveals (and
//! hides) the answers, T changes the timer's length, S stops and starts it, Escape ends the
//! presentation.

use crate::ui::columns::columns_ui;
use crate::ui::view::{View, ViewCtx};
use egui::{Key, RichText};

use crate::model::Assessment;
use crate::scoring::Scores;

use super::answering::{answering_rule_ui, audience_note, mirror_ui};
use super::command::Command;
use super::countdown::Countdown;
use super::distribution::distribution_columns_ui;
use super::theme;

/// Which question is on the projector, whether the room's answers are showing, and the timer.
#[derive(Default)]
pub struct PresentationView {
    pub question: usize,
    pub revealed: bool,
    timer: Countdown,
}

impl PresentationView {
    /// The presentation from question `question`, answers hidden, no timer.
    pub fn at(question: usize) -> Self {
        Self {
            question,
            ..Self::default()
        }
    }

    fn screen_ui(
        &mut self,
        ui: &mut egui::Ui,
        assessment: &Assessment,
        scores: &Scores,
        commands: &mut Vec<Command>,
    ) {
        let q = &assessment.questionnaire;
        if q.questions.is_empty() {
            return;
        }
        self.question = self.question.min(q.questions.len() - 1);
        self.keyboard(ui, q.questions.len(), commands);
        let question = &q.questions[self.question];
        let dimension = q
            .dimension(&question.dimension)
            .map_or("", |d| d.name.as_str());

        ui.label(
            RichText::new(format!(
                "{}  ·  question {} of {}",
                dimension,
                self.question + 1,
                q.questions.len()
            ))
            .size(24.0)
            .weak(),
        );
        self.controls_ui(ui, assessment, commands);
        ui.add_space(8.0);
        egui::ScrollArea::vertical()
            .id_salt("presentation")
            .auto_shrink(false)
            .show(ui, |ui| self.question_ui(ui, assessment, scores));
    }

    /// Reveal, timer, phone voting and end, with the countdown when the timer runs.
    fn controls_ui(
        &mut self,
        ui: &mut egui::Ui,
        assessment: &Assessment,
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal_wrapped(|ui| {
            let reveal = if self.revealed {
                "Hide answers (R)"
            } else {
                "Reveal answers (R)"
            };
            if ui.button(reveal).clicked() {
                self.revealed = !self.revealed;
            }
            if ui
                .button(self.timer.length_label())
                .on_hover_text("Time each question: off, 1, 2, 3 or 5 minutes")
                .clicked()
            {
                self.timer.next_length();
            }
            if self.timer.is_on() {
                let label = if self.timer.is_stopped() {
                    "Start timer (S)"
                } else {
                    "Stop timer (S)"
                };
                if ui.button(label).clicked() {
                    let now = ui.input(|i| i.time);
                    self.timer.start_stop(now);
                }
            }
            super::phone_voting::button_ui(ui, assessment, commands);
            if ui.button("End presentation (Esc)").clicked() {
                commands.push(Command::Present(None));
            }
            self.timer.ui(ui);
        });
    }

    fn question_ui(&self, ui: &mut egui::Ui, assessment: &Assessment, scores: &Scores) {
        let q = &assessment.questionnaire;
        let question = &q.questions[self.question];
        let score = &scores.questions[self.question];
        ui.label(RichText::new(&question.text).size(40.0).strong());
        if let Some(note) = audience_note(question) {
            ui.label(RichText::new(note).size(24.0).weak());
        }
        mirror_ui(ui, question, 22.0);
        ui.add_space(8.0);
        answering_rule_ui(ui, 24.0);
        ui.add_space(12.0);
        // Participants of the other side are not asked, so they are not waited for.
        let participants = assessment
            .participants
            .iter()
            .filter(|p| p.is_asked(question))
            .count();
        let answered = score.spread.count + score.dont_know + score.not_applicable;
        if self.revealed {
            // The room answered with the levels in mind: their names now head the answers.
            ui.label(
                RichText::new(format!(
                    "{answered} of {participants} answered  ·  today {}  ·  target {}",
                    theme::fmt_score(score.current),
                    theme::fmt_score(score.target),
                ))
                .size(24.0),
            );
            distribution_columns_ui(ui, q, score, 1.6);
            return;
        }
        columns_ui(ui, question.levels.len().max(1), 28.0, |columns| {
            for (n, (column, description)) in columns.iter_mut().zip(&question.levels).enumerate() {
                let value = (n + 1) as u8;
                column.label(
                    RichText::new(format!(
                        "{value} · {}",
                        q.level_label(value).unwrap_or_default()
                    ))
                    .size(26.0)
                    .strong(),
                );
                column.label(RichText::new(description).size(20.0));
            }
        });
        ui.add_space(20.0);
        ui.label(
            RichText::new(format!(
                "{answered} of {participants} have answered. Press R to reveal the room's answers."
            ))
            .size(24.0)
            .weak(),
        );
    }

    /// Shows question `question`, answers hidden, its timer from the start.
    pub fn show_question(&mut self, question: usize) {
        self.question = question;
        self.revealed = false;
        self.timer.restart();
    }

    fn keyboard(&mut self, ui: &egui::Ui, questions: usize, commands: &mut Vec<Command>) {
        // Ctrl+S saves and Ctrl+R is not a reveal: only plain keys steer the projector.
        let pressed = |keys: &[Key]| {
            ui.input(|input| {
                !(input.modifiers.command || input.modifiers.alt)
                    && keys.iter().any(|k| input.key_pressed(*k))
            })
        };
        if pressed(&[Key::Escape]) {
            commands.push(Command::Present(None));
        }
        if pressed(&[Key::R, Key::Enter]) {
            self.revealed = !self.revealed;
        }
        if pressed(&[Key::T]) {
            self.timer.next_length();
        }
        if pressed(&[Key::S]) {
            let now = ui.input(|i| i.time);
            self.timer.start_stop(now);
        }
        if pressed(&[Key::ArrowRight, Key::Space, Key::PageDown]) && self.question + 1 < questions {
            self.show_question(self.question + 1);
        }
        if pressed(&[Key::ArrowLeft, Key::PageUp]) && self.question > 0 {
            self.show_question(self.question - 1);
        }
    }
}

impl View for PresentationView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(doc) = ctx.doc else { return };
        self.screen_ui(ui, &doc.assessment, &doc.scores, ctx.commands);
    }
}
