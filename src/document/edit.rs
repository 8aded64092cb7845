//! The changes a user can make to an assessment, and how each one is carried out. The window,
//! the command line and the phone server all change an assessment through these.

use crate::model::{
    ActionItem, Aggregation, Answer, Assessment, Participant, Response, Round, Touchpoint,
};
use crate::scoring::Phase;

/// A change to the open assessment; each one can be undone.
#[derive(Clone, Debug)]
pub enum Edit {
    Organisation(String),
    Date(String),
    Facilitator(String),
    AddParticipant,
    /// Replace a participant's details (their responses are kept).
    Participant {
        index: usize,
        participant: Participant,
    },
    RemoveParticipant(usize),
    Answer {
        participant: usize,
        question: String,
        phase: Phase,
        answer: Answer,
    },
    Comment {
        participant: usize,
        question: String,
        comment: String,
    },
    Aggregation(Aggregation),
    Notes(String),
    Anonymous(bool),
    AddTouchpoint(Touchpoint),
    Touchpoint {
        index: usize,
        touchpoint: Touchpoint,
    },
    RemoveTouchpoint(usize),
    /// The facilitator marks the touchpoint map complete (it enters the slope) or not.
    TouchpointMapComplete(bool),
    /// Participants read from a CSV export, added after the ones already there.
    ImportParticipants(Vec<Participant>),
    /// The open assessment merged with another file's.
    Merge(Box<Assessment>),
    /// Add an action to the end of the action plan.
    AddAction(ActionItem),
    /// Replace an action; `field` is the one that changed, so typing into it is one undo step.
    Action {
        index: usize,
        field: ActionField,
        action: ActionItem,
    },
    RemoveAction(usize),
    /// Move an action to another place in the plan.
    MoveAction {
        from: usize,
        to: usize,
    },
    /// Keep the room's answers to a question as an earlier round and vote on it again.
    NewRound {
        question: String,
    },
}

impl Edit {
    /// Typing into one text field is one undo step, not one per key.
    pub fn merges_with(&self, previous: &Edit) -> bool {
        use Edit::*;
        match (self, previous) {
            (Organisation(_), Organisation(_))
            | (Date(_), Date(_))
            | (Facilitator(_), Facilitator(_))
            | (Notes(_), Notes(_)) => true,
            (
                Comment {
                    participant: a,
                    question: qa,
                    ..
                },
                Comment {
                    participant: b,
                    question: qb,
                    ..
                },
            ) => a == b && qa == qb,
            (Participant { index: a, .. }, Participant { index: b, .. }) => a == b,
            (Touchpoint { index: a, .. }, Touchpoint { index: b, .. }) => a == b,
            (
                Action {
                    index: a,
                    field: fa,
                    ..
                },
                Action {
                    index: b,
                    field: fb,
                    ..
                },
            ) => a == b && fa == fb && fa.is_typed(),
            _ => false,
        }
    }
}

/// Carries out one edit on the assessment.
pub(super) fn apply_edit(a: &mut Assessment, edit: &Edit) {
    match edit {
        Edit::Organisation(text) => a.organisation.clone_from(text),
        Edit::Date(text) => a.date.clone_from(text),
        Edit::Facilitator(text) => a.facilitator.clone_from(text),
        Edit::Notes(text) => a.notes.clone_from(text),
        Edit::Aggregation(rule) => a.aggregation = *rule,
        Edit::Anonymous(on) => a.anonymous = *on,
        Edit::TouchpointMapComplete(done) => a.touchpoint_map_complete = *done,
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
        Edit::AddAction(_)
        | Edit::Action { .. }
        | Edit::RemoveAction(_)
        | Edit::MoveAction { .. } => apply_action_edit(&mut a.actions, edit),
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

/// The part of an action an edit changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionField {
    Text,
    Owner,
    Due,
    Status,
    Addresses,
}

impl ActionField {
    /// Fields typed key by key, whose keystrokes make one undo step.
    fn is_typed(self) -> bool {
        matches!(
            self,
            ActionField::Text | ActionField::Owner | ActionField::Due
        )
    }
}

/// Carries out an edit of the action plan; an index past the end changes nothing.
fn apply_action_edit(actions: &mut Vec<ActionItem>, edit: &Edit) {
    match edit {
        Edit::AddAction(action) => actions.push(action.clone()),
        Edit::Action { index, action, .. } => {
            if let Some(slot) = actions.get_mut(*index) {
                *slot = action.clone();
            }
        }
        Edit::RemoveAction(index) if *index < actions.len() => {
            actions.remove(*index);
        }
        Edit::MoveAction { from, to } if *from < actions.len() && *to < actions.len() => {
            let action = actions.remove(*from);
            actions.insert(*to, action);
        }
        _ => {}
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
