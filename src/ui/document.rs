//! The open assessment with what the window needs around it: where it lives on disk, whether
//! it has unsaved changes, its scores (recomputed after each edit, never per frame) and undo.

use std::cell::OnceCell;
use std::path::PathBuf;

use crate::model::{Answer, Assessment, Level, Participant, Response, Round, Side};
use crate::scoring::{self, Phase, RulePosition, Scores};

use super::command::Edit;

/// Undo steps kept; older ones are dropped.
const UNDO_DEPTH: usize = 200;

/// An assessment being worked on.
pub struct Document {
    pub assessment: Assessment,
    pub path: Option<PathBuf>,
    pub dirty: bool,
    pub scores: Scores,
    /// The overall position under each aggregation rule: three more scorings, so computed
    /// when first shown after a change rather than on every key of fast entry.
    by_rule: OnceCell<Vec<RulePosition>>,
    undo: Vec<(Assessment, Option<Edit>)>,
    redo: Vec<Assessment>,
    last_edit: Option<Edit>,
}

impl Document {
    /// A document for an assessment just created or read from `path`.
    pub fn new(assessment: Assessment, path: Option<PathBuf>) -> Self {
        let scores = scoring::score(&assessment);
        Self {
            assessment,
            path,
            dirty: false,
            scores,
            by_rule: OnceCell::new(),
            undo: Vec::new(),
            redo: Vec::new(),
            last_edit: None,
        }
    }

    /// A new assessment dated today; `alone`, a self-assessment with its one participant ready
    /// to answer, otherwise a workshop waiting for its participants.
    pub fn new_assessment(mut assessment: Assessment, alone: bool) -> Self {
        assessment.date = chrono::Local::now().format("%Y-%m-%d").to_string();
        if !alone {
            return Self::new(assessment, None);
        }
        assessment.participants.push(Participant {
            id: assessment.next_participant_id(),
            name: "Me".into(),
            side: Side::It,
            role: "CIO".into(),
            level: Some(Level::Strategic),
            ..Participant::default()
        });
        Self::new(assessment, None)
    }

    /// Applies an edit, keeping what it replaced for undo.
    pub fn apply(&mut self, edit: Edit) {
        let merge = self
            .last_edit
            .as_ref()
            .is_some_and(|last| edit.merges_with(last));
        if !merge {
            self.undo
                .push((self.assessment.clone(), self.last_edit.take()));
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        apply_edit(&mut self.assessment, &edit);
        self.last_edit = Some(edit);
        self.changed();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo(&mut self) {
        if let Some((previous, _)) = self.undo.pop() {
            self.redo
                .push(std::mem::replace(&mut self.assessment, previous));
            self.last_edit = None;
            self.changed();
        }
    }

    pub fn redo(&mut self) {
        if let Some(next) = self.redo.pop() {
            self.undo
                .push((std::mem::replace(&mut self.assessment, next), None));
            self.last_edit = None;
            self.changed();
        }
    }

    /// The file name shown in the title bar.
    pub fn title(&self) -> String {
        format!("{} — Convergence", self.marked_name())
    }

    /// The overall position under each aggregation rule.
    pub fn by_rule(&self) -> &[RulePosition] {
        self.by_rule
            .get_or_init(|| scoring::positions_by_rule(&self.assessment))
    }

    /// The file's name, "Untitled" before the first save.
    pub fn file_name(&self) -> String {
        self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || "Untitled".to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// The file's name with `●` in front while there are unsaved changes.
    pub fn marked_name(&self) -> String {
        format!("{}{}", if self.dirty { "● " } else { "" }, self.file_name())
    }

    /// The work is on disk at `path` now.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.dirty = false;
        self.last_edit = None;
    }

    fn changed(&mut self) {
        self.dirty = true;
        self.scores = scoring::score(&self.assessment);
        self.by_rule = OnceCell::new();
    }
}

/// Carries out one edit on the assessment.
fn apply_edit(a: &mut Assessment, edit: &Edit) {
    match edit {
        Edit::Organisation(text) => a.organisation.clone_from(text),
        Edit::Date(text) => a.date.clone_from(text),
        Edit::Facilitator(text) => a.facilitator.clone_from(text),
        Edit::Notes(text) => a.notes.clone_from(text),
        Edit::Aggregation(rule) => a.aggregation = *rule,
        Edit::Anonymous(on) => a.anonymous = *on,
        Edit::AddTouchpoint(touchpoint) => a.touchpoints.push(touchpoint.clone()),
        Edit::Touchpoint { index, touchpoint } => {
            if let Some(t) = a.touchpoints.get_mut(*index) {
                *t = touchpoint.clone();
            }
        }
        Edit::RemoveTouchpoint(index) => {
            if *index < a.touchpoints.len() {
                a.touchpoints.remove(*index);
            }
        }
        Edit::Merge(merged) => *a = (**merged).clone(),
        Edit::ImportParticipants(participants) => {
            a.participants.extend(participants.iter().cloned())
        }
        Edit::NewRound { question } => {
            for p in &mut a.participants {
                if let Some(r) = p.responses.get_mut(question)
                    && !(r.current.is_blank() && r.target.is_blank())
                {
                    r.earlier_rounds.push(Round {
                        current: r.current,
                        target: r.target,
                    });
                    r.current = Answer::Blank;
                    r.target = Answer::Blank;
                }
            }
        }
        Edit::AddParticipant => {
            let id = a.next_participant_id();
            let name = format!("Participant {}", a.participants.len() + 1);
            a.participants.push(Participant {
                id,
                name,
                ..Participant::default()
            });
        }
        Edit::Participant { index, participant } => {
            if let Some(p) = a.participants.get_mut(*index) {
                let responses = std::mem::take(&mut p.responses);
                *p = participant.clone();
                p.responses = responses;
            }
        }
        Edit::RemoveParticipant(index) => {
            if *index < a.participants.len() {
                a.participants.remove(*index);
            }
        }
        Edit::Answer {
            participant,
            question,
            phase,
            answer,
        } => {
            if let Some(p) = a.participants.get_mut(*participant) {
                let response = p.responses.entry(question.clone()).or_default();
                match phase {
                    Phase::Current => response.current = *answer,
                    Phase::Target => response.target = *answer,
                }
                tidy(&mut p.responses, question);
            }
        }
        Edit::Comment {
            participant,
            question,
            comment,
        } => {
            if let Some(p) = a.participants.get_mut(*participant) {
                p.responses
                    .entry(question.clone())
                    .or_default()
                    .comment
                    .clone_from(comment);
                tidy(&mut p.responses, question);
            }
        }
    }
}

/// Drops a response left with nothing in it, so clearing an answer leaves no trace in the file.
fn tidy(responses: &mut std::collections::BTreeMap<String, Response>, question: &str) {
    if responses.get(question).is_some_and(Response::is_empty) {
        responses.remove(question);
    }
}

/// The answer a participant gave, blank when none.
pub fn answer_of(a: &Assessment, participant: usize, question: &str, phase: Phase) -> Answer {
    a.participants
        .get(participant)
        .and_then(|p| p.responses.get(question))
        .map_or(Answer::Blank, |r| match phase {
            Phase::Current => r.current,
            Phase::Target => r.target,
        })
}
