//! What views ask the app to do. Views push commands during a frame; the app applies them
//! after it, in one place, which gives undo, dirty tracking and autosave one seam.

use std::path::PathBuf;

use crate::model::{Aggregation, Answer, Participant, Questionnaire, Touchpoint};
use crate::scoring::Phase;

use super::Screen;

/// A request from a view.
#[derive(Clone, Debug)]
pub enum Command {
    /// Start a new assessment taken with this questionnaire: `alone` for a self-assessment with
    /// one participant, otherwise a workshop whose participants are added next.
    New {
        questionnaire: Box<Questionnaire>,
        alone: bool,
    },
    /// Ask for a file to open.
    Open,
    OpenPath(PathBuf),
    Save,
    SaveAs,
    /// Ask for a CSV export of an online form to import into the open assessment.
    ImportCsv,
    /// Ask for another assessment file (a participant's own, say) to merge into the open one.
    MergeFile,
    /// Take the autosaved work back.
    Recover,
    DiscardRecovery,
    Undo,
    Redo,
    Show(Screen),
    /// Full-screen presentation for the projector from this question; `None` ends it.
    Present(Option<usize>),
    SetTheme {
        dark: bool,
    },
    Edit(Edit),
}

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
    /// Participants read from a CSV export, added after the ones already there.
    ImportParticipants(Vec<Participant>),
    /// The open assessment merged with another file's.
    Merge(Box<crate::model::Assessment>),
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
            _ => false,
        }
    }
}
