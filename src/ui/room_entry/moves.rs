//! Where fast entry's cursor goes: keys, the step after an answer, and the questions and rows
//! it can land on. A question the room has finished stays on screen until the facilitator
//! moves on; Page Up/Down change dimension.

use egui::Key;

use crate::document::{Edit, answer_of};
use crate::model::{Answer, Assessment};
use crate::scoring::Phase;
use crate::ui::answer_keys::{answer_for_key, plain_keys};
use crate::ui::command::Command;

use super::RoomEntry;

impl RoomEntry {
    /// Keyboard entry; keys a focused text field wants are left to it.
    pub(super) fn keyboard(
        &mut self,
        ui: &egui::Ui,
        assessment: &Assessment,
        commands: &mut Vec<Command>,
    ) {
        if ui.ctx().egui_wants_keyboard_input() {
            return;
        }
        for key in plain_keys(ui) {
            // Each key lands where the one before left the cursor.
            if self.answered {
                self.answered_key(key, assessment, commands);
            } else {
                self.grid_key(key, assessment, commands);
            }
            self.scroll_to_cursor = true;
        }
    }

    /// While the finished question stays on screen: Enter or → moves on, V votes again,
    /// ← or ↑ goes back into the grid.
    fn answered_key(&mut self, key: Key, assessment: &Assessment, commands: &mut Vec<Command>) {
        match key {
            Key::Enter | Key::ArrowRight => self.next_question(assessment),
            Key::V => self.vote_again(assessment, commands),
            Key::ArrowLeft | Key::ArrowUp => {
                self.answered = false;
                self.row = asked_rows(assessment, self.question)
                    .last()
                    .copied()
                    .unwrap_or(0);
                self.phase = Phase::Target;
            }
            Key::PageDown | Key::PageUp => self.change_dimension(assessment, key == Key::PageDown),
            _ => {}
        }
    }

    fn grid_key(&mut self, key: Key, assessment: &Assessment, commands: &mut Vec<Command>) {
        let q = &assessment.questionnaire;
        let rows = asked_rows(assessment, self.question);
        if let Some(answer) = answer_for_key(key, q.max_level()) {
            if rows.contains(&self.row) {
                commands.push(Command::Edit(Edit::Answer {
                    participant: self.row,
                    question: q.questions[self.question].id.clone(),
                    phase: self.phase,
                    answer,
                }));
                if answer != Answer::Blank {
                    self.advance(assessment);
                }
            }
            return;
        }
        let next_row = rows.iter().copied().find(|&r| r > self.row);
        let previous_row = rows.iter().copied().rfind(|&r| r < self.row);
        match (key, next_row, previous_row) {
            (Key::Enter | Key::ArrowDown, Some(row), _) => {
                self.row = row;
                self.phase = Phase::Current;
            }
            // Past the last person: the room is done with this question.
            (Key::Enter | Key::ArrowDown, None, _) => self.answered = true,
            (Key::ArrowUp, _, Some(row)) => self.row = row,
            (Key::ArrowLeft, ..) => self.phase = Phase::Current,
            (Key::ArrowRight, ..) => self.phase = Phase::Target,
            (Key::PageDown | Key::PageUp, ..) => {
                self.change_dimension(assessment, key == Key::PageDown)
            }
            _ => {}
        }
    }

    /// Today → target → the next participant asked; after the last one the question stays,
    /// answered, until the facilitator moves on.
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
            (Phase::Target, None) => self.answered = true,
        }
    }

    /// Keeps the room's answers as an earlier round and starts the question again.
    pub(super) fn vote_again(&mut self, assessment: &Assessment, commands: &mut Vec<Command>) {
        let Some(question) = assessment.questionnaire.questions.get(self.question) else {
            return;
        };
        commands.push(Command::Edit(Edit::NewRound {
            question: question.id.clone(),
        }));
        self.go_to(assessment, self.question);
    }

    /// The next question someone in the room is asked (the last one stays).
    pub(super) fn next_question(&mut self, assessment: &Assessment) {
        let questions = assessment.questionnaire.questions.len();
        let next = (self.question + 1..questions).find(|&i| !asked_rows(assessment, i).is_empty());
        match next {
            Some(question) => self.go_to(assessment, question),
            None => self.answered = true,
        }
    }

    /// The first question of the next (or previous) dimension.
    fn change_dimension(&mut self, assessment: &Assessment, forward: bool) {
        let q = &assessment.questionnaire;
        let Some(current) = q.questions.get(self.question) else {
            return;
        };
        let Some(at) = q.dimensions.iter().position(|d| d.id == current.dimension) else {
            return;
        };
        let target = if forward {
            at + 1
        } else if at > 0 {
            at - 1
        } else {
            return;
        };
        let first = q.dimensions.get(target).and_then(|d| {
            q.questions
                .iter()
                .position(|question| question.dimension == d.id)
        });
        if let Some(question) = first {
            self.go_to(assessment, question);
        }
    }

    /// Shows question `question` with the cursor on its first participant asked.
    pub(crate) fn go_to(&mut self, assessment: &Assessment, question: usize) {
        self.question = question;
        self.row = first_asked_row(assessment, question);
        self.phase = Phase::Current;
        self.answered = false;
        self.scroll_to_cursor = true;
        self.list_follows = true;
    }
}

/// The rows of the participants question `index` is asked of, in order.
pub(super) fn asked_rows(assessment: &Assessment, index: usize) -> Vec<usize> {
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
pub(super) fn first_asked_row(assessment: &Assessment, index: usize) -> usize {
    asked_rows(assessment, index).first().copied().unwrap_or(0)
}

/// How many of those asked question `index` have answered it today, and how many are asked.
pub(super) fn answered_of(assessment: &Assessment, index: usize) -> (usize, usize) {
    let Some(question) = assessment.questionnaire.questions.get(index) else {
        return (0, 0);
    };
    let rows = asked_rows(assessment, index);
    let answered = rows
        .iter()
        .filter(|&&row| !answer_of(assessment, row, &question.id, Phase::Current).is_blank())
        .count();
    (answered, rows.len())
}

/// The first question someone asked has not answered today: where a reopened file resumes.
pub(super) fn first_unfinished(assessment: &Assessment) -> usize {
    (0..assessment.questionnaire.questions.len())
        .find(|&i| {
            let (answered, asked) = answered_of(assessment, i);
            answered < asked
        })
        .unwrap_or(0)
}
