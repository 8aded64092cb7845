//! The touchpoint engagement index: how much, how often and how well IT and business people
//! meet, on the same 1.0–5.0 scale as the questionnaire so the two can be combined.
//!
//! Each active touchpoint has a strength = frequency weight × effectiveness / 5, with frequency
//! weights ad hoc 0.25, quarterly 0.4, monthly 0.6, weekly 0.8, daily 1.0 (an active touchpoint
//! with no effectiveness given counts as 3). Then, with diminishing returns:
//!
//! - depth at each level (strategic, tactical, operational) = 1 − e^(−S/2), S the sum of the
//!   strengths at that level: the first good touchpoints count most, the tenth adds little;
//! - breadth = 1 − e^(−3·c), c the share of the catalogue's business-role × IT-role pairs that
//!   meet at all: connecting a third of all pairs gives 0.63;
//! - E = ⅔ × mean depth over the three levels + ⅓ × breadth, and the index = 1 + 4E.
//!
//! A level with no touchpoint contributes 0, so an organisation that only meets through the
//! service desk stays low however busy the desk is.

use std::collections::HashSet;

use serde::Serialize;

use crate::model::{Engagement, Frequency, Level, Touchpoint, TouchpointCatalogue};

/// The index today and as the map's targets would make it; `None` when nothing is mapped.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EngagementIndex {
    pub today: Option<f64>,
    pub target: Option<f64>,
    /// Touchpoints that should exist but do not.
    pub missing: usize,
}

/// How much a touchpoint happening this often counts.
pub fn frequency_weight(frequency: Frequency) -> f64 {
    match frequency {
        Frequency::None => 0.0,
        Frequency::AdHoc => 0.25,
        Frequency::Quarterly => 0.4,
        Frequency::Monthly => 0.6,
        Frequency::Weekly => 0.8,
        Frequency::Daily => 1.0,
    }
}

/// Strength of one touchpoint, 0.0–1.0.
pub fn strength(engagement: Engagement) -> f64 {
    let effectiveness = match engagement.frequency {
        Frequency::None => 0.0,
        _ => f64::from(engagement.effectiveness.unwrap_or(3).clamp(1, 5)),
    };
    frequency_weight(engagement.frequency) * effectiveness / 5.0
}

/// The engagement index of a map, today and at target.
pub fn engagement_index(catalogue: &TouchpointCatalogue, map: &[Touchpoint]) -> EngagementIndex {
    if map.is_empty() {
        return EngagementIndex::default();
    }
    EngagementIndex {
        today: Some(index_of(catalogue, map, |t| t.today)),
        target: Some(index_of(catalogue, map, |t| t.target)),
        missing: map.iter().filter(|t| t.is_missing()).count(),
    }
}

fn index_of(
    catalogue: &TouchpointCatalogue,
    map: &[Touchpoint],
    which: impl Fn(&Touchpoint) -> Engagement,
) -> f64 {
    let depth = Level::ALL
        .iter()
        .map(|&level| {
            let sum: f64 = map
                .iter()
                .filter(|t| t.level == level)
                .map(|t| strength(which(t)))
                .sum();
            1.0 - (-sum / 2.0).exp()
        })
        .sum::<f64>()
        / Level::ALL.len() as f64;

    let pairs: HashSet<(&str, &str)> = map
        .iter()
        .filter(|t| which(t).frequency != Frequency::None)
        .map(|t| (t.business_role.as_str(), t.it_role.as_str()))
        .collect();
    let possible = (catalogue.business_roles.len() * catalogue.it_roles.len())
        .max(pairs.len())
        .max(1);
    let breadth = 1.0 - (-3.0 * pairs.len() as f64 / possible as f64).exp();

    1.0 + 4.0 * (2.0 / 3.0 * depth + 1.0 / 3.0 * breadth)
}
