//! The whole organisation's position and what it rests on: the practice score, the touchpoint
//! map (counted only once the facilitator marks it complete, so drawing it never moves the
//! position), how much of the questionnaire was answered and by how many people on each side.

use serde::Serialize;

use crate::model::{Assessment, Side};

use super::engagement::{EngagementIndex, engagement_index};
use super::practice::Votes;
use super::slope::{SlopePosition, slope_position};
use super::{DimensionScore, Groups, OverallScore, difference, perception_gap};

/// Where the touchpoint map stands, as `score --format json` writes it: `"none"`,
/// `"in_progress"` or `"complete"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MapState {
    /// Nothing mapped, and not marked complete.
    #[default]
    None,
    /// Touchpoints are being drawn: their effect is shown as provisional only.
    InProgress,
    /// The facilitator marked the map complete: engagement enters the position.
    Complete,
}

impl MapState {
    /// The state of an assessment's map.
    pub fn of(assessment: &Assessment) -> MapState {
        if assessment.touchpoint_map_complete {
            MapState::Complete
        } else if assessment.touchpoints.is_empty() {
            MapState::None
        } else {
            MapState::InProgress
        }
    }
}

/// A position on the slope today and at target, each with its zone.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Position {
    pub slope: Option<f64>,
    pub zone: Option<String>,
    pub slope_target: Option<f64>,
    pub target_zone: Option<String>,
}

/// How much of the questionnaire the scores rest on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Dimensions with a score today.
    pub dimensions_answered: usize,
    /// Dimensions with at least one question asked of the room.
    pub dimensions: usize,
    /// Questions with at least one level today.
    pub questions_answered: usize,
    /// Questions asked of a side in the room.
    pub questions: usize,
}

impl Coverage {
    /// Fewer than half the dimensions answered: a zone named on so little is a first
    /// indication, not a finding.
    pub fn zone_provisional(&self) -> bool {
        self.dimensions_answered * 2 < self.dimensions
    }
}

/// How many people on each side gave at least one level today.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Respondents {
    pub it: usize,
    pub business: usize,
}

/// A complete map with nothing on it says the two sides do not meet: the bottom of the scale.
const EMPTY_COMPLETE_MAP: f64 = 1.0;

/// The overall position from the practice scores, the map and the dimensions' coverage.
pub(super) fn overall_score(
    assessment: &Assessment,
    votes: &Votes,
    groups: &Groups,
    dimensions: &[DimensionScore],
) -> OverallScore {
    let questionnaire = &assessment.questionnaire;
    let slope = &questionnaire.slope;
    let map = MapState::of(assessment);
    let engagement = match map {
        MapState::Complete if assessment.touchpoints.is_empty() => EngagementIndex {
            today: Some(EMPTY_COMPLETE_MAP),
            target: Some(EMPTY_COMPLETE_MAP),
            missing: 0,
        },
        _ => engagement_index(&questionnaire.touchpoints, &assessment.touchpoints),
    };
    let (current, target) = (groups.current.overall, groups.target.overall);
    let with_map = position(
        slope_position(slope, current, engagement.today),
        slope_position(slope, target, engagement.target),
    );
    let practice_only = position(
        slope_position(slope, current, None),
        slope_position(slope, target, None),
    );
    let (counted, provisional) = match map {
        MapState::Complete => (with_map, None),
        MapState::InProgress => (practice_only, Some(with_map)),
        MapState::None => (practice_only, None),
    };
    let coverage = Coverage {
        dimensions_answered: dimensions.iter().filter(|d| d.current.is_some()).count(),
        dimensions: dimensions.iter().filter(|d| d.questions > 0).count(),
        questions_answered: dimensions.iter().map(|d| d.answered).sum(),
        questions: dimensions.iter().map(|d| d.questions).sum(),
    };
    let all = 0..votes.by_question.len();
    let shared = groups.shared_questions();
    let (it, business) = (groups.it_shared.overall, groups.business_shared.overall);
    OverallScore {
        current,
        target,
        gap: difference(target, current),
        it,
        business,
        perception_gap: perception_gap(
            (it, votes.respondents(shared.clone(), Some(Side::It))),
            (business, votes.respondents(shared, Some(Side::Business))),
        ),
        engagement: engagement.today,
        engagement_target: engagement.target,
        missing_touchpoints: engagement.missing,
        map,
        slope: counted.slope,
        zone: counted.zone,
        slope_target: counted.slope_target,
        target_zone: counted.target_zone,
        provisional,
        zone_provisional: coverage.zone_provisional(),
        coverage,
        respondents: Respondents {
            it: votes.respondents(all.clone(), Some(Side::It)),
            business: votes.respondents(all, Some(Side::Business)),
        },
    }
}

fn position(today: SlopePosition, target: SlopePosition) -> Position {
    Position {
        slope: today.position,
        zone: today.zone,
        slope_target: target.position,
        target_zone: target.zone,
    }
}

impl Coverage {
    /// What a score rests on: "from 2 of 9 dimensions (18 of 63 questions)".
    pub fn rests_on(&self) -> String {
        format!(
            "from {} of {} dimensions ({} of {} questions)",
            self.dimensions_answered, self.dimensions, self.questions_answered, self.questions
        )
    }
}

impl Respondents {
    /// Who answered: "answered by 1 person from IT and 6 from the business".
    pub fn answered_by(&self) -> String {
        let people = if self.it == 1 { "person" } else { "people" };
        format!(
            "answered by {} {people} from IT and {} from the business",
            self.it, self.business
        )
    }
}

impl OverallScore {
    /// The headline, saying what it rests on: "2.2 — Aligned, from 2 of 9 dimensions (18 of
    /// 63 questions)", with "(provisional)" after a zone named on fewer than half the
    /// dimensions; `None` before any answer.
    pub fn headline(&self) -> Option<String> {
        let (slope, zone) = (self.slope?, self.zone.as_deref()?);
        let provisional = if self.zone_provisional {
            " (provisional)"
        } else {
            ""
        };
        Some(format!(
            "{slope:.1} — {zone}{provisional}, {}",
            self.coverage.rests_on()
        ))
    }

    /// What the touchpoint map does to the position, in one sentence.
    pub fn map_note(&self) -> String {
        let score =
            |value: Option<f64>| value.map_or_else(|| "—".to_string(), |v| format!("{v:.2}"));
        match (self.map, &self.provisional) {
            (MapState::Complete, _) => format!(
                "Touchpoint map complete: its engagement index {} counts in the position.",
                score(self.engagement)
            ),
            (MapState::InProgress, Some(with_map)) => format!(
                "The touchpoint map is being drawn (engagement {}, provisional): with it the position would be {} — {}. It counts once the facilitator marks it complete.",
                score(self.engagement),
                score(with_map.slope),
                with_map.zone.as_deref().unwrap_or("—")
            ),
            _ => "No touchpoint map yet: the position is the practice score alone.".to_string(),
        }
    }
}
