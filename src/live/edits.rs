//! What a change from the phones is as edits of the assessment: the very edits a facilitator
//! typing the answer would make, so a phone's vote has the same undo, autosave and scores.

use super::room::Change;
use crate::document::{Edit, answer_of};
use crate::model::Assessment;
use crate::scoring::Phase;

/// The edits that carry `change` into `assessment`; none when it is already there, or when
/// its participant has been removed since.
pub fn edits_for(assessment: &Assessment, change: &Change) -> Vec<Edit> {
    match change {
        Change::Joined(participant) => {
            if assessment
                .participants
                .iter()
                .any(|p| p.id == participant.id)
            {
                Vec::new()
            } else {
                vec![Edit::ImportParticipants(vec![participant.clone()])]
            }
        }
        Change::Voted {
            participant,
            question,
            vote,
        } => {
            let Some(index) = assessment
                .participants
                .iter()
                .position(|p| &p.id == participant)
            else {
                return Vec::new();
            };
            [(Phase::Current, vote.current), (Phase::Target, vote.target)]
                .into_iter()
                .filter(|(phase, answer)| answer_of(assessment, index, question, *phase) != *answer)
                .map(|(phase, answer)| Edit::Answer {
                    participant: index,
                    question: question.clone(),
                    phase,
                    answer,
                })
                .collect()
        }
        Change::NewRound { question } => vec![Edit::NewRound {
            question: question.clone(),
        }],
    }
}
