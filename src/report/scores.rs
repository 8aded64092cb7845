//! The report's score tables: dimensions, questions, IT against the business, and agreement.
//! Statistics the respondents cannot support (see `build::Claims`) are left absent here, once,
//! so no writer shows them.

use crate::model::Assessment;
use crate::scoring::{self, QuestionScore, Scores, Stats};

use super::build::Claims;
use super::format::{Figure, range};
use super::model::{
    Agreement, DimensionRow, DisputedRow, OverallRow, Perception, QuestionRow, RoundRow,
};

/// A figure that may only be claimed when `shown`.
fn gated(shown: bool, value: Option<f64>) -> Figure {
    Figure::score(value.filter(|_| shown))
}

/// The spread statistics of `stats`, when they may be shown and two answers stand behind them.
fn spread_of(shown: bool, stats: &Stats) -> Option<&Stats> {
    (shown && stats.count >= 2).then_some(stats)
}

pub fn dimension_rows(scores: &Scores, claims: Claims) -> Vec<DimensionRow> {
    scores
        .dimensions
        .iter()
        .map(|d| {
            let spread = spread_of(claims.spread, &d.spread);
            DimensionRow {
                id: d.id.clone(),
                name: d.name.clone(),
                current: Figure::score(d.current),
                target: Figure::score(d.target),
                gap: Figure::score(d.gap),
                it: gated(claims.perception, d.it),
                business: gated(claims.perception, d.business),
                perception_gap: gated(claims.perception, d.perception_gap),
                sd: Figure::score(spread.and_then(|s| s.sd)),
                rwg: Figure::score(spread.and_then(|s| s.rwg)),
                iqr: Figure::score(spread.and_then(|s| s.iqr)),
                median: Figure::score(spread.and_then(|s| s.median)),
                range: range(d.interval),
                spread: spread.cloned(),
                answers: d.spread.count,
                answered: d.answered,
                questions: d.questions,
            }
        })
        .collect()
}

pub fn overall_row(scores: &Scores, claims: Claims) -> OverallRow {
    let o = &scores.overall;
    OverallRow {
        current: Figure::score(o.current),
        target: Figure::score(o.target),
        gap: Figure::score(o.gap),
        it: gated(claims.perception, o.it),
        business: gated(claims.perception, o.business),
        perception_gap: gated(claims.perception, o.perception_gap),
        engagement: Figure::score(o.engagement),
        engagement_target: Figure::score(o.engagement_target),
        headline: o.headline(),
        answered_by: o.respondents.answered_by(),
        map_text: o.map_note(),
        dimensions_answered: o.coverage.dimensions_answered,
        dimensions: o.coverage.dimensions,
        questions_answered: o.coverage.questions_answered,
        questions: o.coverage.questions,
    }
}

pub fn question_rows(assessment: &Assessment, scores: &Scores, claims: Claims) -> Vec<QuestionRow> {
    scores
        .questions
        .iter()
        .map(|q| {
            let spread = spread_of(claims.spread, &q.spread);
            QuestionRow {
                id: q.id.clone(),
                dimension: q.dimension.clone(),
                text: question_text(assessment, &q.id),
                current: Figure::score(q.current),
                target: Figure::score(q.target),
                gap: Figure::score(q.gap),
                it: gated(claims.perception, q.it),
                business: gated(claims.perception, q.business),
                perception_gap: gated(claims.perception, q.perception_gap),
                sd: Figure::score(spread.and_then(|s| s.sd)),
                rwg: Figure::score(spread.and_then(|s| s.rwg)),
                answers: q.spread.count,
                dont_know: q.dont_know,
                not_applicable: q.not_applicable,
            }
        })
        .collect()
}

/// The question's text as the questionnaire words it (its id when it has none).
pub fn question_text(assessment: &Assessment, id: &str) -> String {
    assessment
        .questionnaire
        .question(id)
        .map_or_else(|| id.to_string(), |q| q.text.clone())
}

pub fn perception(scores: &Scores, claims: Claims) -> Option<Perception> {
    if !claims.perception {
        return None;
    }
    let o = &scores.overall;
    let gap = Figure::score(o.perception_gap);
    let (it, business) = (Figure::score(o.it), Figure::score(o.business));
    let reading = match o.perception_gap.map(|g| (g * 100.0).round()) {
        None => "IT and the business have no question in common that both answered.".to_string(),
        Some(0.0) => format!(
            "On the questions both sides answered, IT ({it}) and the business ({business}) see \
             the practice alike."
        ),
        Some(g) if g > 0.0 => format!(
            "On the questions both sides answered, IT scores {it} and the business {business}: \
             IT rates itself {gap} higher than the business rates it."
        ),
        Some(_) => format!(
            "On the questions both sides answered, IT scores {it} and the business {business}: \
             the business rates the practice {} higher than IT rates itself.",
            Figure::score(o.perception_gap.map(f64::abs))
        ),
    };
    Some(Perception {
        it,
        business,
        gap,
        reading,
    })
}

pub fn agreement(assessment: &Assessment, scores: &Scores, claims: Claims) -> Option<Agreement> {
    if !claims.spread {
        return None;
    }
    let disputed = scoring::most_disputed(scores, scoring::MOST_DISPUTED)
        .into_iter()
        .map(|q| DisputedRow {
            id: q.id.clone(),
            text: question_text(assessment, &q.id),
            answers: q.spread.count,
            mean: Figure::score(q.spread.mean),
            iqr: Figure::score(q.spread.iqr),
            sd: Figure::score(q.spread.sd),
            rwg: Figure::score(q.spread.rwg),
            wide: q.disagreement,
        })
        .collect();
    let rounds = scores
        .questions
        .iter()
        .filter_map(|q| round_row(assessment, q))
        .collect();
    Some(Agreement { disputed, rounds })
}

fn round_row(assessment: &Assessment, q: &QuestionScore) -> Option<RoundRow> {
    let first = q.first_round.as_ref()?;
    Some(RoundRow {
        id: q.id.clone(),
        text: question_text(assessment, &q.id),
        first_mean: Figure::score(first.mean),
        now_mean: Figure::score(q.spread.mean),
        first_sd: Figure::score(first.sd),
        now_sd: Figure::score(q.spread.sd),
        first_rwg: Figure::score(first.rwg),
        now_rwg: Figure::score(q.spread.rwg),
    })
}
