//! The position on the continuous slope: practice and engagement combined with the weights
//! the questionnaire gives, and the named zone that stretch of the slope carries.

use serde::Serialize;

use crate::model::Slope;

/// A position on the slope and the name of its zone.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SlopePosition {
    pub position: Option<f64>,
    pub zone: Option<String>,
}

/// position = (w_p × practice + w_e × engagement) / (w_p + w_e); when one of the two is
/// unknown (no answers, or no touchpoint map) the other alone.
pub fn slope_position(
    slope: &Slope,
    practice: Option<f64>,
    engagement: Option<f64>,
) -> SlopePosition {
    let position = match (practice, engagement) {
        (Some(p), Some(e)) => {
            let total = slope.practice_weight + slope.engagement_weight;
            if total > 0.0 {
                Some((slope.practice_weight * p + slope.engagement_weight * e) / total)
            } else {
                Some(p)
            }
        }
        (Some(only), None) | (None, Some(only)) => Some(only),
        (None, None) => None,
    };
    SlopePosition {
        position,
        zone: position
            .and_then(|p| slope.zone_at(p))
            .map(|z| z.name.clone()),
    }
}
