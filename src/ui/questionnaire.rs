//! The questionnaire screen: a dimension at a time, each question with its guidance and what
//! every level looks like, today's level and the target, a comment; progress; keyboard entry.
//! A participant sees only the questions asked of their side, in their side's words.
//!
//! Keys (when no text field has focus): 1–5 set the level under the cursor and move on
//! (today → target → next question), D = don't know, N = not applicable, Delete clears,
//! ↑/↓ move between questions, ←/→ between today and target, Page Up/Down between dimensions.

use crate::ui::a11y;
use crate::ui::view::{View, ViewCtx};
use egui::accesskit::Role;
use egui::{Key, RichText};

use crate::model::{Answer, Assessment, Question, Questionnaire, Side};
use crate::scoring::{Phase, Scores};

use super::answer_keys::{answer_for_key, plain_keys};
use super::answering::TODAY_RULE;
use super::columns::columns_ui;
use super::command::Command;
use super::room_entry::RoomEntry;
use crate::document::Edit;
use crate::document::answer_of;

/// Where keyboard entry goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    /// Index within the dimension's questions.
    pub question: usize,
    pub phase: Phase,
}

/// The questionnaire screen's own state.
#[derive(Default)]
pub struct QuestionnaireView {
    pub dimension: usize,
    pub participant: usize,
    pub cursor: Cursor,
    scroll_to_cursor: bool,
    /// `None` until the user picks: then a room of several answers in fast entry by default.
    pub room_mode: Option<bool>,
    pub room: RoomEntry,
    /// The cursor has been put on the participant's first question without an answer.
    placed: bool,
}

/// The keys, on screen.
const KEYS: &str = "Keys: 1–5 level · D don't know · N not applicable · Delete clears · ↑/↓ question · ←/→ today/target · Page Up/Down dimension";

impl QuestionnaireView {
    /// The question the whole room is answering, in fast entry (index into the questionnaire).
    pub fn room_question(&self, assessment: &Assessment) -> Option<usize> {
        let room = assessment.participants.len() > 1 && self.room_mode.unwrap_or(true);
        room.then_some(self.room.question)
    }

    fn screen_ui(
        &mut self,
        ui: &mut egui::Ui,
        assessment: &Assessment,
        scores: &Scores,
        commands: &mut Vec<Command>,
    ) {
        let dimensions = assessment.questionnaire.dimensions.len();
        self.dimension = self.dimension.min(dimensions.saturating_sub(1));
        super::phone_voting::button_ui(ui, assessment, commands);
        if assessment.participants.is_empty() {
            ui.heading("Nobody to answer yet");
            ui.label("Add at least one participant on the Setup screen.");
            if ui.button("Go to Setup").clicked() {
                commands.push(Command::Show(super::Screen::Setup));
            }
            return;
        }
        self.participant = self.participant.min(assessment.participants.len() - 1);
        if assessment.participants.len() > 1 {
            let mut room = self.room_mode.unwrap_or(true);
            ui.horizontal(|ui| {
                ui.label("Enter answers for");
                ui.selectable_value(&mut room, true, "the whole room, question by question");
                ui.selectable_value(&mut room, false, "one participant, dimension by dimension");
            });
            self.room_mode = Some(room);
            if room {
                self.room.ui(ui, assessment, scores, commands);
                return;
            }
        }

        if !self.placed {
            self.placed = true;
            self.resume(assessment);
        }
        egui::Panel::left("dimensions")
            .resizable(false)
            .exact_size(270.0)
            .show(ui, |ui| {
                self.dimensions_ui(ui, assessment);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            self.keyboard(ui, assessment, commands);
            self.dimension_ui(ui, assessment, commands);
        });
    }

    /// The list of dimensions with progress, and the overall progress.
    fn dimensions_ui(&mut self, ui: &mut egui::Ui, assessment: &Assessment) {
        let q = &assessment.questionnaire;
        let participant = self.participant;
        let answered = |dimension: &str| {
            asked_in(assessment, participant, dimension)
                .iter()
                .filter(|question| {
                    !answer_of(assessment, participant, &question.id, Phase::Current).is_blank()
                })
                .count()
        };
        let total_answered: usize = q.dimensions.iter().map(|d| answered(&d.id)).sum();
        // Questions for the other side are not this participant's to answer, so not missing.
        let total: usize = q
            .dimensions
            .iter()
            .map(|d| asked_in(assessment, participant, &d.id).len())
            .sum();
        ui.add_space(6.0);
        ui.strong("Progress");
        ui.add(
            egui::ProgressBar::new(total_answered as f32 / total.max(1) as f32)
                .text(format!("{total_answered} of {total} answered")),
        );
        ui.add_space(8.0);
        egui::ScrollArea::vertical().show(ui, |ui| {
            for (i, d) in q.dimensions.iter().enumerate() {
                let done = answered(&d.id);
                let count = asked_in(assessment, participant, &d.id).len();
                let mark = if done == count { "✔" } else { " " };
                let text = format!("{mark} {}  ({done}/{count})", d.name);
                if ui
                    .add(egui::Button::selectable(self.dimension == i, text).wrap())
                    .clicked()
                {
                    self.go_to_dimension(i);
                }
            }
        });
    }

    /// Puts the cursor on the participant's first question without an answer today: where a
    /// reopened file carries on.
    fn resume(&mut self, assessment: &Assessment) {
        let q = &assessment.questionnaire;
        let open = q.dimensions.iter().enumerate().find_map(|(d, dimension)| {
            asked_in(assessment, self.participant, &dimension.id)
                .iter()
                .position(|question| {
                    answer_of(assessment, self.participant, &question.id, Phase::Current).is_blank()
                })
                .map(|question| (d, question))
        });
        if let Some((dimension, question)) = open {
            self.dimension = dimension;
            self.cursor = Cursor {
                question,
                phase: Phase::Current,
            };
            self.scroll_to_cursor = true;
        }
    }

    /// After a click on question `index`'s target: on to the next question (or dimension),
    /// never back behind where the cursor already is.
    fn after_target_click(&mut self, index: usize, questions: usize, dimensions: usize) {
        let order = |dimension: usize, cursor: Cursor| {
            (dimension, cursor.question, cursor.phase == Phase::Target)
        };
        let (dimension, cursor) = if index + 1 < questions {
            (
                self.dimension,
                Cursor {
                    question: index + 1,
                    phase: Phase::Current,
                },
            )
        } else if self.dimension + 1 < dimensions {
            (self.dimension + 1, Cursor::default())
        } else {
            (
                self.dimension,
                Cursor {
                    question: index,
                    phase: Phase::Target,
                },
            )
        };
        if order(dimension, cursor) > order(self.dimension, self.cursor) {
            if dimension != self.dimension {
                self.go_to_dimension(dimension);
            } else {
                self.cursor = cursor;
            }
        }
    }

    fn go_to_dimension(&mut self, index: usize) {
        self.dimension = index;
        self.cursor = Cursor {
            question: 0,
            phase: Phase::Current,
        };
        self.scroll_to_cursor = true;
    }

    fn dimension_ui(
        &mut self,
        ui: &mut egui::Ui,
        assessment: &Assessment,
        commands: &mut Vec<Command>,
    ) {
        let q = &assessment.questionnaire;
        let Some(dimension) = q.dimensions.get(self.dimension) else {
            return;
        };
        let questions = asked_in(assessment, self.participant, &dimension.id);

        if assessment.participants.len() > 1 {
            ui.horizontal(|ui| {
                ui.label("Answers of");
                let current = &assessment.participants[self.participant];
                egui::ComboBox::from_id_salt("answering-participant")
                    .selected_text(format!(
                        "{} ({})",
                        assessment.display_name(current),
                        current.side.name()
                    ))
                    .show_ui(ui, |ui| {
                        for (i, p) in assessment.participants.iter().enumerate() {
                            let name =
                                format!("{} ({})", assessment.display_name(p), p.side.name());
                            ui.selectable_value(&mut self.participant, i, name);
                        }
                    })
                    .response
                    .widget_info(a11y::labeled(Role::ComboBox, "Answers of"));
            });
        }

        ui.weak(KEYS);
        let mut target_clicked = None;
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.label(RichText::new(&dimension.name).heading());
                ui.label(&dimension.description);
                ui.add_space(8.0);
                if questions.is_empty() {
                    let side = assessment.participants[self.participant].side.name();
                    ui.label(format!(
                        "No question of this dimension is asked of {side} participants."
                    ));
                }
                for (i, question) in questions.iter().enumerate() {
                    let at_cursor = self.cursor.question == i;
                    let frame = egui::Frame::group(ui.style()).stroke(if at_cursor {
                        egui::Stroke::new(2.0, ui.visuals().selection.stroke.color)
                    } else {
                        ui.visuals().widgets.noninteractive.bg_stroke
                    });
                    let shown = frame.show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        let cursor = at_cursor.then_some(self.cursor.phase);
                        question_ui(
                            ui,
                            q,
                            question,
                            i,
                            questions.len(),
                            assessment,
                            self.participant,
                            cursor,
                            commands,
                        )
                    });
                    // A click answers like a key does: the cursor follows, so typing carries on from there.
                    match shown.inner {
                        Some(Phase::Current) => {
                            self.cursor = Cursor {
                                question: i,
                                phase: Phase::Target,
                            }
                        }
                        Some(Phase::Target) => target_clicked = Some(i),
                        None => {}
                    }
                    let response = shown.response;
                    if at_cursor && self.scroll_to_cursor {
                        response.scroll_to_me(Some(egui::Align::Center));
                        self.scroll_to_cursor = false;
                    }
                    ui.add_space(6.0);
                }
                ui.horizontal(|ui| {
                    if self.dimension > 0 && ui.button("← Previous dimension").clicked() {
                        self.go_to_dimension(self.dimension - 1);
                    }
                    if self.dimension + 1 < q.dimensions.len() {
                        if ui.button("Next dimension →").clicked() {
                            self.go_to_dimension(self.dimension + 1);
                        }
                    } else if ui.button("See the results →").clicked() {
                        commands.push(Command::Show(super::Screen::Results));
                    }
                });
            });
        if let Some(index) = target_clicked {
            self.after_target_click(index, questions.len(), q.dimensions.len());
            self.scroll_to_cursor = true;
        }
    }

    /// Keyboard entry at the cursor; keys a focused text field wants are left to it.
    fn keyboard(&mut self, ui: &egui::Ui, assessment: &Assessment, commands: &mut Vec<Command>) {
        if ui.ctx().egui_wants_keyboard_input() {
            return;
        }
        let q = &assessment.questionnaire;
        let max = q.max_level();
        for key in plain_keys(ui) {
            // Looked up for every key: the one before may have moved on to the next dimension.
            let Some(dimension) = q.dimensions.get(self.dimension) else {
                return;
            };
            let ids: Vec<&str> = asked_in(assessment, self.participant, &dimension.id)
                .iter()
                .map(|x| x.id.as_str())
                .collect();
            self.cursor.question = self.cursor.question.min(ids.len().saturating_sub(1));
            if let Some(answer) = answer_for_key(key, max) {
                if ids.is_empty() {
                    continue;
                }
                commands.push(Command::Edit(Edit::Answer {
                    participant: self.participant,
                    question: ids[self.cursor.question].to_string(),
                    phase: self.cursor.phase,
                    answer,
                }));
                if answer != Answer::Blank {
                    self.advance(ids.len(), q.dimensions.len());
                }
                continue;
            }
            match key {
                Key::ArrowDown if self.cursor.question + 1 < ids.len() => {
                    self.cursor = Cursor {
                        question: self.cursor.question + 1,
                        phase: Phase::Current,
                    };
                }
                Key::ArrowUp if self.cursor.question > 0 => {
                    self.cursor = Cursor {
                        question: self.cursor.question - 1,
                        phase: Phase::Current,
                    };
                }
                Key::ArrowLeft => self.cursor.phase = Phase::Current,
                Key::ArrowRight => self.cursor.phase = Phase::Target,
                Key::PageDown if self.dimension + 1 < q.dimensions.len() => {
                    self.go_to_dimension(self.dimension + 1)
                }
                Key::PageUp if self.dimension > 0 => self.go_to_dimension(self.dimension - 1),
                _ => continue,
            }
            self.scroll_to_cursor = true;
        }
    }

    /// After an answer: today → target → the next question, then the next dimension.
    fn advance(&mut self, questions: usize, dimensions: usize) {
        match self.cursor.phase {
            Phase::Current => self.cursor.phase = Phase::Target,
            Phase::Target if self.cursor.question + 1 < questions => {
                self.cursor = Cursor {
                    question: self.cursor.question + 1,
                    phase: Phase::Current,
                };
            }
            Phase::Target if self.dimension + 1 < dimensions => {
                self.go_to_dimension(self.dimension + 1)
            }
            Phase::Target => {}
        }
        self.scroll_to_cursor = true;
    }
}

/// The questions of a dimension asked of the participant's side, in questionnaire order.
fn asked_in<'a>(
    assessment: &'a Assessment,
    participant: usize,
    dimension: &str,
) -> Vec<&'a Question> {
    let Some(p) = assessment.participants.get(participant) else {
        return Vec::new();
    };
    assessment
        .questionnaire
        .questions
        .iter()
        .filter(|question| question.dimension == dimension && p.is_asked(question))
        .collect()
}

/// One question: text, guidance, a card per level for today, a row for the target, a comment.
#[allow(clippy::too_many_arguments)]
fn question_ui(
    ui: &mut egui::Ui,
    q: &Questionnaire,
    question: &Question,
    index: usize,
    count: usize,
    assessment: &Assessment,
    participant: usize,
    cursor: Option<Phase>,
    commands: &mut Vec<Command>,
) -> Option<Phase> {
    let mut clicked = None;
    let current = answer_of(assessment, participant, &question.id, Phase::Current);
    let target = answer_of(assessment, participant, &question.id, Phase::Target);
    let mut set = |phase, answer| {
        clicked = Some(phase);
        commands.push(Command::Edit(Edit::Answer {
            participant,
            question: question.id.clone(),
            phase,
            answer,
        }));
    };

    ui.weak(format!(
        "Question {} of {count} · {}",
        index + 1,
        question.id
    ));
    let side = assessment
        .participants
        .get(participant)
        .map_or(Side::default(), |p| p.side);
    ui.label(RichText::new(question.text_for(side)).size(18.0).strong());
    if !question.guidance.is_empty() {
        ui.label(RichText::new(&question.guidance).italics().weak());
    }
    ui.add_space(4.0);
    let marker = |phase| if cursor == Some(phase) { "▶ " } else { "" };
    ui.label(
        RichText::new(format!(
            "{}Where are you today? {TODAY_RULE}",
            marker(Phase::Current)
        ))
        .strong(),
    );
    let levels = question.levels.len();
    columns_ui(ui, levels.max(1), 12.0, |columns| {
        for (n, column) in columns.iter_mut().enumerate() {
            let value = (n + 1) as u8;
            let label = q.level_label(value).unwrap_or_default();
            let description = question
                .levels
                .get(n)
                .map(String::as_str)
                .unwrap_or_default();
            let selected = current == Answer::Level(value);
            let card = column.add(
                egui::Button::selectable(
                    selected,
                    level_card_text(column, value, label, description),
                )
                .wrap()
                .frame_when_inactive(true)
                .min_size(egui::vec2(column.available_width(), 0.0)),
            );
            let accessible = format!("{} today {value} {label}", question.id);
            card.widget_info(a11y::toggle(selected, &accessible));
            if card.clicked() {
                set(
                    Phase::Current,
                    if selected {
                        Answer::Blank
                    } else {
                        Answer::Level(value)
                    },
                );
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        for (answer, label) in [
            (Answer::DontKnow, &q.scale.dont_know),
            (Answer::NotApplicable, &q.scale.not_applicable),
        ] {
            let selected = current == answer;
            let button = ui.add(egui::Button::selectable(selected, label.as_str()));
            let accessible = format!("{} today {label}", question.id);
            button.widget_info(a11y::toggle(selected, &accessible));
            if button.clicked() {
                set(
                    Phase::Current,
                    if selected { Answer::Blank } else { answer },
                );
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!(
                "{}Where do you want to be in 12 to 18 months?",
                marker(Phase::Target)
            ))
            .strong(),
        );
        for value in 1..=q.max_level() {
            let selected = target == Answer::Level(value);
            let label = q.level_label(value).unwrap_or_default();
            let button = ui.add(egui::Button::selectable(
                selected,
                format!("{value} · {label}"),
            ));
            let accessible = format!("{} target {value} {label}", question.id);
            button.widget_info(a11y::toggle(selected, &accessible));
            if button.clicked() {
                set(
                    Phase::Target,
                    if selected {
                        Answer::Blank
                    } else {
                        Answer::Level(value)
                    },
                );
            }
        }
    });
    let mut comment = assessment
        .participants
        .get(participant)
        .and_then(|p| p.responses.get(&question.id))
        .map(|r| r.comment.clone())
        .unwrap_or_default();
    let field = ui.add(
        egui::TextEdit::singleline(&mut comment)
            .hint_text("Comment or evidence (optional)")
            .desired_width(f32::INFINITY),
    );
    let name = format!("Comment on {}", question.id);
    field.widget_info(a11y::labeled(egui::accesskit::Role::TextInput, &name));
    if field.changed() {
        commands.push(Command::Edit(Edit::Comment {
            participant,
            question: question.id.clone(),
            comment,
        }));
    }
    clicked
}

/// "3 · Defined" in bold over the level's description in the question's own words.
fn level_card_text(
    ui: &egui::Ui,
    value: u8,
    label: &str,
    description: &str,
) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    let style = ui.style();
    RichText::new(format!("{value} · {label}\n"))
        .strong()
        .append_to(
            &mut job,
            style,
            egui::FontSelection::Default,
            egui::Align::LEFT,
        );
    RichText::new(description).size(14.0).append_to(
        &mut job,
        style,
        egui::FontSelection::Default,
        egui::Align::LEFT,
    );
    job
}

impl View for QuestionnaireView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(doc) = ctx.doc else { return };
        self.screen_ui(ui, &doc.assessment, &doc.scores, ctx.commands);
    }
}
