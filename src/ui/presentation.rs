//! Presentation mode for the projector: full screen, large type, one question with what each
//! level looks like, and the room's answers as a distribution once the facilitator reveals them.
//!
//! Keys: → / Space / Page Down next question, ← / Page Up previous, R or Enter reveals (and
//! hides) the answers, Escape ends the presentation.

use super::charts::still_plot;
use crate::ui::columns::columns_ui;
use crate::ui::view::{View, ViewCtx};
use egui::{Key, RichText};
use egui_plot::{Bar, BarChart, Legend};

use crate::model::Assessment;
use crate::scoring::Scores;

use super::answering::{answering_rule_ui, audience_note, mirror_ui};
use super::command::Command;
use super::theme;

/// Which question is on the projector, and whether the room's answers are showing.
#[derive(Default)]
pub struct PresentationView {
    pub question: usize,
    pub revealed: bool,
}

impl PresentationView {
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
        let score = &scores.questions[self.question];
        let dimension = q
            .dimension(&question.dimension)
            .map_or("", |d| d.name.as_str());

        ui.horizontal(|ui| {
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
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("End presentation (Esc)").clicked() {
                    commands.push(Command::Present(None));
                }
                super::phone_voting::button_ui(ui, assessment, commands);
                let reveal = if self.revealed {
                    "Hide answers (R)"
                } else {
                    "Reveal answers (R)"
                };
                if ui.button(reveal).clicked() {
                    self.revealed = !self.revealed;
                }
            });
        });
        ui.add_space(12.0);
        ui.label(RichText::new(&question.text).size(40.0).strong());
        if let Some(note) = audience_note(question) {
            ui.label(RichText::new(note).size(24.0).weak());
        }
        mirror_ui(ui, question, 22.0);
        ui.add_space(8.0);
        answering_rule_ui(ui, 24.0);
        ui.add_space(12.0);
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
        // Those of the other side are not asked, so they are not waited for.
        let participants = assessment
            .participants
            .iter()
            .filter(|p| p.is_asked(question))
            .count();
        let answered = score.spread.count + score.dont_know + score.not_applicable;
        if self.revealed {
            ui.label(
                RichText::new(format!(
                    "{answered} of {participants} answered  ·  today {}  ·  target {}  ·  agreement (rwg) {}",
                    theme::fmt_score(score.current),
                    theme::fmt_score(score.target),
                    theme::fmt_score(score.spread.rwg)
                ))
                .size(24.0),
            );
            let labels: Vec<String> = q
                .scale
                .levels
                .iter()
                .map(|l| format!("{} · {}", l.value, l.label))
                .collect();
            distribution_ui(ui, &labels, &score.distribution, &score.target_distribution);
        } else {
            ui.label(
                RichText::new(format!("{answered} of {participants} have answered. Press R to reveal the room's answers."))
                    .size(24.0)
                    .weak(),
            );
        }
    }

    fn keyboard(&mut self, ui: &egui::Ui, questions: usize, commands: &mut Vec<Command>) {
        ui.input(|input| {
            if input.key_pressed(Key::Escape) {
                commands.push(Command::Present(None));
            }
            if input.key_pressed(Key::R) || input.key_pressed(Key::Enter) {
                self.revealed = !self.revealed;
            }
            let next = [Key::ArrowRight, Key::Space, Key::PageDown]
                .iter()
                .any(|k| input.key_pressed(*k));
            let previous = [Key::ArrowLeft, Key::PageUp]
                .iter()
                .any(|k| input.key_pressed(*k));
            if next && self.question + 1 < questions {
                self.question += 1;
                self.revealed = false;
            }
            if previous && self.question > 0 {
                self.question -= 1;
                self.revealed = false;
            }
        });
    }
}

/// Grouped bars: how many chose each level, today and as target.
fn distribution_ui(ui: &mut egui::Ui, labels: &[String], today: &[usize], target: &[usize]) {
    let labels = labels.to_vec();
    let bars = |counts: &[usize], offset: f64| -> Vec<Bar> {
        counts
            .iter()
            .enumerate()
            .map(|(i, &n)| Bar::new(i as f64 + 1.0 + offset, n as f64).width(0.35))
            .collect()
    };
    still_plot("room-distribution")
        .height(ui.available_height().max(200.0))
        .legend(Legend::default().text_style(egui::TextStyle::Heading))
        .show_y(false)
        .x_grid_spacer(super::charts::category_marks(labels.len()))
        .x_axis_formatter(move |mark, _| {
            let index = mark.value.round() as usize;
            labels
                .get(index.wrapping_sub(1))
                .cloned()
                .unwrap_or_default()
        })
        .include_y(0.0)
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("Today", bars(today, -0.18)).color(theme::CURRENT));
            plot.bar_chart(BarChart::new("Target", bars(target, 0.18)).color(theme::TARGET));
        });
}

impl View for PresentationView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(doc) = ctx.doc else { return };
        self.screen_ui(ui, &doc.assessment, &doc.scores, ctx.commands);
    }
}
