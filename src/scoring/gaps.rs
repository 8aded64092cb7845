//! The gaps to close, ranked, each with the questionnaire's improvement actions for the
//! levels it has to climb.

use serde::Serialize;

use crate::model::Questionnaire;

use super::{DimensionScore, QuestionScore};

/// One dimension's gap, with what to do about it.
#[derive(Clone, Debug, Serialize)]
pub struct RankedGap {
    pub dimension: String,
    pub name: String,
    pub current: f64,
    pub target: f64,
    pub gap: f64,
    /// gap × dimension weight: the ranking key.
    pub priority: f64,
    /// The improvement actions for each level to climb, `(from level, actions)`.
    pub steps: Vec<(u8, Vec<String>)>,
    /// The dimension's questions with the largest gaps, largest first (at most three).
    pub largest_questions: Vec<String>,
    /// For each of those questions that has them, its own actions for the next level up.
    pub next_steps: Vec<QuestionStep>,
}

/// A question's actions to climb one level from where it stands.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuestionStep {
    pub question: String,
    /// The level reached (its current score, rounded down).
    pub from: u8,
    pub actions: Vec<String>,
}

/// Dimensions whose target is above their current score, by gap × weight, largest first.
pub fn ranked_gaps(
    questionnaire: &Questionnaire,
    dimensions: &[DimensionScore],
    questions: &[QuestionScore],
) -> Vec<RankedGap> {
    let mut gaps: Vec<RankedGap> = dimensions
        .iter()
        .filter_map(|d| {
            let (current, target) = (d.current?, d.target?);
            let gap = target - current;
            (gap > 0.0).then_some(())?;
            let dimension = questionnaire.dimension(&d.id)?;
            // Climb from the level reached (floor) to the level the target lies in (ceil).
            let from = current.floor().max(1.0) as u8;
            let to = target.ceil() as u8;
            let steps = (from..to)
                .map(|level| (level, dimension.actions_from(level).to_vec()))
                .filter(|(_, actions)| !actions.is_empty())
                .collect();
            let mut own: Vec<&QuestionScore> = questions
                .iter()
                .filter(|q| q.dimension == d.id && q.gap.is_some_and(|g| g > 0.0))
                .collect();
            own.sort_by(|a, b| b.gap.unwrap_or(0.0).total_cmp(&a.gap.unwrap_or(0.0)));
            own.truncate(3);
            let next_steps = own
                .iter()
                .filter_map(|score| next_step(questionnaire, score))
                .collect();
            Some(RankedGap {
                dimension: d.id.clone(),
                name: d.name.clone(),
                current,
                target,
                gap,
                priority: gap * d.weight,
                steps,
                largest_questions: own.iter().map(|q| q.id.clone()).collect(),
                next_steps,
            })
        })
        .collect();
    gaps.sort_by(|a, b| {
        b.priority
            .total_cmp(&a.priority)
            .then_with(|| a.dimension.cmp(&b.dimension))
    });
    gaps
}

/// The question's actions for the step up from the level its current score has reached.
fn next_step(questionnaire: &Questionnaire, score: &QuestionScore) -> Option<QuestionStep> {
    let from = score.current?.floor().max(1.0) as u8;
    let actions = questionnaire.question(&score.id)?.actions_from(from);
    (!actions.is_empty()).then(|| QuestionStep {
        question: score.id.clone(),
        from,
        actions: actions.to_vec(),
    })
}
