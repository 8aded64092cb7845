//! One organisation's position among a portfolio's organisations assessed with the same
//! questionnaire: "your position among N organisations", on the results and in the report.

use super::rank::percentile;
use super::{Portfolio, PortfolioEntry, organisation_key};
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
    /// Each dimension of the questionnaire, in its order.
    pub dimensions: Vec<DimensionPosition>,
}

/// Where one dimension's score stands among the other organisations' scores on it.
#[derive(Clone, Debug, PartialEq)]
pub struct DimensionPosition {
    pub id: String,
    pub name: String,
    pub score: Option<f64>,
    /// The other organisations with a score on it.
    pub others: usize,
    /// The share of them below, ties counted half, in percent; `None` without a score or
    /// without others.
    pub percentile: Option<f64>,
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
    let others: Vec<&PortfolioEntry> = portfolio
        .entries_of(&assessment.questionnaire.id)
        .filter(|e| own.is_empty() || organisation_key(&e.organisation) != own)
        .collect();
    let slopes = sorted(others.iter().map(|e| e.slope));
    let dimensions = scores
        .dimensions
        .iter()
        .map(|d| {
            let theirs = sorted(others.iter().map(|e| e.dimensions.get(&d.id)));
            DimensionPosition {
                id: d.id.clone(),
                name: d.name.clone(),
                score: d.current,
                others: theirs.len(),
                percentile: d.current.and_then(|score| percentile(score, &theirs)),
            }
        })
        .collect();
    Some(Position {
        among: slopes.len() + 1,
        slope,
        percentile: percentile(slope, &slopes)?,
        median: quantile(&slopes, 0.5),
        dimensions,
    })
}

/// The scores there are, ascending.
fn sorted(scores: impl Iterator<Item = Option<f64>>) -> Vec<f64> {
    let mut scores: Vec<f64> = scores.flatten().collect();
    scores.sort_by(f64::total_cmp);
    scores
}
