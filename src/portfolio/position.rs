//! One organisation's position among a portfolio's organisations assessed with the same
//! questionnaire: "your position among N organisations", on the results and in the report.

use super::rank::percentile;
use super::{Portfolio, organisation_key};
use crate::model::Assessment;
use crate::scoring::{Scores, quantile};

/// Where an assessment's slope position stands among the portfolio's other organisations.
#[derive(Clone, Debug, PartialEq)]
pub struct Position {
    /// The organisations assessed with this questionnaire, this one included.
    pub among: usize,
    /// This assessment's slope position.
    pub slope: f64,
    /// The share of the others below it, ties counted half, in percent.
    pub percentile: f64,
    /// The others' median slope position.
    pub median: f64,
}

impl Position {
    /// The sentence the results and the report show.
    pub fn sentence(&self) -> String {
        format!(
            "Your position among {} organisations assessed with this questionnaire: slope {:.2}, \
             above {:.0}% of the other {} (ties counted half; their median {:.2}).",
            self.among,
            self.slope,
            self.percentile,
            self.among - 1,
            self.median
        )
    }
}

/// The position of `assessment` (scored `scores`) among the portfolio's other organisations
/// with its questionnaire and a slope position; `None` when there are none, or it has none.
pub fn position(
    portfolio: &Portfolio,
    assessment: &Assessment,
    scores: &Scores,
) -> Option<Position> {
    let slope = scores.overall.slope?;
    let own = organisation_key(&assessment.organisation);
    let mut others: Vec<f64> = portfolio
        .entries_of(&assessment.questionnaire.id)
        .filter(|e| own.is_empty() || organisation_key(&e.organisation) != own)
        .filter_map(|e| e.slope)
        .collect();
    others.sort_by(f64::total_cmp);
    Some(Position {
        among: others.len() + 1,
        slope,
        percentile: percentile(slope, &others)?,
        median: quantile(&others, 0.5),
    })
}
