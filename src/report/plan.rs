//! What to do next: the ranked gaps with their improvement actions, the action plan, the
//! "don't know" answers as evidence to gather, and the participants' comments.

use crate::model::{Answer, Assessment};
use crate::scoring::Scores;

use super::format::Figure;
use super::model::{ActionRow, CommentRow, EvidenceRow, GapView, QuestionStepView, StepView};
use super::scores::question_text;

/// The actions to climb from `from` to the next level.
fn step(from: u8, actions: &[String]) -> StepView {
    let to = u16::from(from) + 1;
    StepView {
        title: format!("To move from {from} to {to}"),
        short: format!("{from}→{to}"),
        actions: actions.to_vec(),
    }
}

pub fn gaps(assessment: &Assessment, scores: &Scores) -> Vec<GapView> {
    scores
        .gaps
        .iter()
        .enumerate()
        .map(|(i, gap)| GapView {
            rank: i + 1,
            dimension: gap.dimension.clone(),
            name: gap.name.clone(),
            current: Figure::score(Some(gap.current)),
            target: Figure::score(Some(gap.target)),
            gap: Figure::score(Some(gap.gap)),
            steps: gap
                .steps
                .iter()
                .map(|(from, actions)| step(*from, actions))
                .collect(),
            questions: gap
                .largest_questions
                .iter()
                .map(|id| QuestionStepView {
                    id: id.clone(),
                    text: question_text(assessment, id),
                    gap: Figure::score(
                        scores
                            .questions
                            .iter()
                            .find(|q| &q.id == id)
                            .and_then(|q| q.gap),
                    ),
                    step: gap
                        .next_steps
                        .iter()
                        .find(|s| &s.question == id)
                        .map(|s| step(s.from, &s.actions)),
                })
                .collect(),
        })
        .collect()
}

pub fn actions(assessment: &Assessment) -> Vec<ActionRow> {
    let q = &assessment.questionnaire;
    assessment
        .actions
        .iter()
        .map(|action| {
            let dimensions = action
                .dimensions
                .iter()
                .map(|id| q.dimension(id).map_or(id.as_str(), |d| d.name.as_str()));
            let addresses: Vec<&str> = dimensions
                .chain(action.questions.iter().map(String::as_str))
                .collect();
            ActionRow {
                text: action.text.clone(),
                owner: action.owner.clone(),
                due: action.due.clone(),
                status: action.status.name().to_string(),
                addresses: addresses.join(", "),
            }
        })
        .collect()
}

pub fn evidence(assessment: &Assessment) -> Vec<EvidenceRow> {
    let q = &assessment.questionnaire;
    q.questions
        .iter()
        .filter_map(|question| {
            let who: Vec<String> = assessment
                .participants
                .iter()
                .filter(|p| {
                    p.responses.get(&question.id).is_some_and(|r| {
                        r.current == Answer::DontKnow || r.target == Answer::DontKnow
                    })
                })
                .map(|p| assessment.display_name(p))
                .collect();
            (!who.is_empty()).then(|| EvidenceRow {
                id: question.id.clone(),
                text: question.text.clone(),
                dimension: q
                    .dimension(&question.dimension)
                    .map_or_else(|| question.dimension.clone(), |d| d.name.clone()),
                who,
            })
        })
        .collect()
}

pub fn comments(assessment: &Assessment) -> Vec<CommentRow> {
    assessment
        .questionnaire
        .questions
        .iter()
        .flat_map(|question| {
            assessment.participants.iter().filter_map(move |p| {
                let comment = &p.responses.get(&question.id)?.comment;
                (!comment.trim().is_empty()).then(|| CommentRow {
                    id: question.id.clone(),
                    text: question.text.clone(),
                    participant: assessment.display_name(p),
                    comment: comment.clone(),
                })
            })
        })
        .collect()
}
