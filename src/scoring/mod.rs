//! The scoring core: everything Convergence derives from an assessment. No egui here; the
//! window, the command line and the report all read the `Scores` this computes.
//!
//! The contract (also in the README):
//! - question score = mean of its numeric answers (median under `Aggregation::Median`);
//!   don't know / not applicable / blank never count;
//! - dimension score = weighted mean (question weights) of the scores of its questions that
//!   have at least one answer (its lowest question score under `Aggregation::WeakestLink`);
//! - overall practice score = weighted mean (dimension weights) of the dimension scores;
//! - the same for target answers; gap = target − current; the same for IT and business
//!   participants alone; perception gap = IT − business. A question's IT and business scores
//!   are each side's own; a dimension's and the whole's use only the questions both sides
//!   answered, so the gap compares like with like;
//! - an answer to a question not asked of the participant's side does not count;
//! - a dimension's coverage counts the questions asked of a side present in the room;
//! - a score with no answers behind it is `None`, never 0;
//! - spread and agreement need two respondents, the perception gap two on each side;
//! - a dimension score with three or more answers carries a 90% interval (`interval`);
//! - the touchpoint map enters the slope only once it is marked complete (`overall`).

mod disputed;
mod engagement;
mod gaps;
mod interval;
mod overall;
mod practice;
mod room_view;
mod slope;
mod stats;
mod touchpoints;

pub use disputed::{MOST_DISPUTED, most_disputed};
pub use engagement::{EngagementIndex, engagement_index, frequency_weight, strength};
pub use gaps::{QuestionStep, RankedGap, ranked_gaps};
pub use interval::{INTERVAL_MIN_ANSWERS, interval_90, t_95};
pub use overall::{Coverage, MapState, Position, Respondents};
pub use practice::{Phase, PracticeScores, Votes, perception_scores, practice_scores};
pub use room_view::{RoomView, room_sentence};
pub use slope::{SlopePosition, slope_position};
pub use stats::{MIN_RESPONDENTS, Stats, quantile, weighted_mean};
pub use touchpoints::{
    Activity, FragileRole, Fragility, LevelSummary, MissingTouchpoint, PairCell, RoleName,
    SERVICE_DESK_CHANNEL, ServiceDeskShare, SideRole, TouchpointAnalysis, touchpoint_analysis,
};

use serde::Serialize;

use crate::model::{Aggregation, Answer, Assessment, Side};

/// A question whose answers have a sample standard deviation above this (with at least
/// `DISAGREEMENT_MIN_ANSWERS` answers) is flagged for discussion: on a 1–5 scale, answers
/// a full level apart on average mean the room does not share one picture.
pub const DISAGREEMENT_SD: f64 = 1.0;
/// Fewer answers than this are too few to call a disagreement.
pub const DISAGREEMENT_MIN_ANSWERS: usize = 3;

/// Everything derived from one assessment.
#[derive(Clone, Debug, Serialize)]
pub struct Scores {
    pub aggregation: Aggregation,
    pub overall: OverallScore,
    pub dimensions: Vec<DimensionScore>,
    pub questions: Vec<QuestionScore>,
    /// Dimension gaps, largest (gap × weight) first, with improvement actions.
    pub gaps: Vec<RankedGap>,
    /// What the touchpoint map says beyond the engagement index.
    pub touchpoints: TouchpointAnalysis,
}

/// The whole organisation's position.
#[derive(Clone, Debug, Serialize)]
pub struct OverallScore {
    /// Overall practice score, current answers.
    pub current: Option<f64>,
    /// Overall practice score, target answers.
    pub target: Option<f64>,
    pub gap: Option<f64>,
    /// IT's score on the questions both sides answered.
    pub it: Option<f64>,
    /// The business's score on the questions both sides answered.
    pub business: Option<f64>,
    pub perception_gap: Option<f64>,
    /// Touchpoint engagement index today, whether or not the map is complete.
    pub engagement: Option<f64>,
    pub engagement_target: Option<f64>,
    pub missing_touchpoints: usize,
    /// Whether the touchpoint map counts in the position.
    pub map: MapState,
    /// The position on the slope today, and its zone: the practice score alone unless the
    /// map is complete, then practice and engagement combined.
    pub slope: Option<f64>,
    pub zone: Option<String>,
    pub slope_target: Option<f64>,
    pub target_zone: Option<String>,
    /// While the map is being drawn, the position it would give: provisional, not counted.
    pub provisional: Option<Position>,
    /// Fewer than half the dimensions answered: the zone is a first indication only.
    pub zone_provisional: bool,
    /// How much of the questionnaire the scores rest on.
    pub coverage: Coverage,
    pub respondents: Respondents,
}

/// One dimension's scores.
#[derive(Clone, Debug, Serialize)]
pub struct DimensionScore {
    pub id: String,
    pub name: String,
    pub weight: f64,
    pub current: Option<f64>,
    pub target: Option<f64>,
    pub gap: Option<f64>,
    /// IT's score on the dimension's questions both sides answered.
    pub it: Option<f64>,
    /// The business's score on the dimension's questions both sides answered.
    pub business: Option<f64>,
    pub perception_gap: Option<f64>,
    /// All current answers to the dimension's questions, pooled.
    pub spread: Stats,
    /// The 90% interval around `current`, with three or more answers (see `interval_90`).
    pub interval: Option<[f64; 2]>,
    /// Questions with at least one current answer, out of `questions`.
    pub answered: usize,
    /// The dimension's questions asked of a side that has participants (all of them when
    /// there are none yet): a question for IT only is not missing from a business room.
    pub questions: usize,
}

/// One question's scores.
#[derive(Clone, Debug, Serialize)]
pub struct QuestionScore {
    pub id: String,
    pub dimension: String,
    pub weight: f64,
    pub current: Option<f64>,
    pub target: Option<f64>,
    pub gap: Option<f64>,
    pub it: Option<f64>,
    pub business: Option<f64>,
    /// IT − business, with two respondents or more on each side.
    pub perception_gap: Option<f64>,
    /// Current answers.
    pub spread: Stats,
    pub target_spread: Stats,
    pub dont_know: usize,
    pub not_applicable: usize,
    /// The room disagrees widely: worth discussing before trusting the mean.
    pub disagreement: bool,
    /// How many answered each level today (index 0 = level 1), for the room's distribution.
    pub distribution: Vec<usize>,
    /// Today's distribution of IT's answers and of the business's, for the room to see.
    pub it_distribution: Vec<usize>,
    pub business_distribution: Vec<usize>,
    pub target_distribution: Vec<usize>,
    /// Today's answers in the first round, when the question was voted on again: with
    /// `spread` (the latest round) it shows how far the room converged.
    pub first_round: Option<Stats>,
}

/// Scores an assessment with its own aggregation rule.
///
/// ```
/// use convergence::files::builtin_questionnaires;
/// use convergence::model::{Answer, Assessment, Participant, Response, Side};
///
/// let questionnaire = builtin_questionnaires().remove(1); // the CIO self-check
/// let first = questionnaire.questions[0].id.clone();
/// let mut assessment = Assessment::new(questionnaire);
/// let answer = Response { current: Answer::Level(2), target: Answer::Level(4), ..Response::default() };
/// assessment.participants.push(Participant {
///     id: "p1".into(),
///     name: "Me".into(),
///     side: Side::It,
///     responses: [(first, answer)].into(),
///     ..Participant::default()
/// });
///
/// let scores = convergence::scoring::score(&assessment);
/// assert_eq!(scores.overall.current, Some(2.0));
/// assert_eq!(scores.overall.gap, Some(2.0));
/// assert_eq!(scores.overall.zone.as_deref(), Some("Aligned")); // 2.0 lies in Aligned (1.8–2.6)
/// assert_eq!(scores.dimensions[1].current, None); // nobody answered it: no score, not 0
/// ```
pub fn score(assessment: &Assessment) -> Scores {
    score_with(assessment, assessment.aggregation)
}

/// Scores an assessment with the given aggregation rule.
pub fn score_with(assessment: &Assessment, aggregation: Aggregation) -> Scores {
    let questionnaire = &assessment.questionnaire;
    let votes = Votes::gather(assessment);
    let run = |phase, who| practice_scores(questionnaire, &votes, phase, who, aggregation);
    let (it, business) = (
        run(Phase::Current, Some(Side::It)),
        run(Phase::Current, Some(Side::Business)),
    );
    let (it_shared, business_shared) =
        perception_scores(questionnaire, &it, &business, aggregation);
    let groups = Groups {
        current: run(Phase::Current, None),
        target: run(Phase::Target, None),
        it,
        business,
        it_shared,
        business_shared,
    };
    let questions = question_scores(assessment, &votes, &groups);
    let dimensions = dimension_scores(assessment, &votes, &groups);
    Scores {
        aggregation,
        gaps: ranked_gaps(questionnaire, &dimensions, &questions),
        touchpoints: touchpoint_analysis(&questionnaire.touchpoints, &assessment.touchpoints),
        overall: overall::overall_score(assessment, &votes, &groups, &dimensions),
        dimensions,
        questions,
    }
}

/// The practice scores of every group one scoring needs.
pub(crate) struct Groups {
    current: PracticeScores,
    target: PracticeScores,
    it: PracticeScores,
    business: PracticeScores,
    /// IT's and the business's scores on the questions both sides answered.
    it_shared: PracticeScores,
    business_shared: PracticeScores,
}

impl Groups {
    /// The questions both sides answered, whose answers the perception gap compares.
    fn shared_questions(&self) -> Vec<usize> {
        (0..self.it_shared.questions.len())
            .filter(|&i| self.it_shared.questions[i].is_some())
            .collect()
    }
}

fn question_scores(assessment: &Assessment, votes: &Votes, groups: &Groups) -> Vec<QuestionScore> {
    let levels = assessment.questionnaire.max_level();
    let g = groups;
    assessment
        .questionnaire
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let spread = Stats::of(&votes.levels(i, Phase::Current, None), levels);
            let count = |answer| {
                votes.by_question[i]
                    .iter()
                    .filter(|v| v.current == answer)
                    .count()
            };
            let side = |side| votes.levels(i, Phase::Current, Some(side)).len();
            QuestionScore {
                id: q.id.clone(),
                dimension: q.dimension.clone(),
                weight: q.weight,
                current: g.current.questions[i],
                target: g.target.questions[i],
                gap: difference(g.target.questions[i], g.current.questions[i]),
                it: g.it.questions[i],
                business: g.business.questions[i],
                perception_gap: perception_gap(
                    (g.it.questions[i], side(Side::It)),
                    (g.business.questions[i], side(Side::Business)),
                ),
                disagreement: spread.count >= DISAGREEMENT_MIN_ANSWERS
                    && spread.sd.is_some_and(|sd| sd > DISAGREEMENT_SD),
                spread,
                target_spread: Stats::of(&votes.levels(i, Phase::Target, None), levels),
                dont_know: count(Answer::DontKnow),
                not_applicable: count(Answer::NotApplicable),
                distribution: votes.distribution(i, Phase::Current, None, levels),
                it_distribution: votes.distribution(i, Phase::Current, Some(Side::It), levels),
                business_distribution: votes.distribution(
                    i,
                    Phase::Current,
                    Some(Side::Business),
                    levels,
                ),
                target_distribution: votes.distribution(i, Phase::Target, None, levels),
                first_round: votes
                    .first_round_levels(i)
                    .map(|first| Stats::of(&first, levels)),
            }
        })
        .collect()
}

fn dimension_scores(
    assessment: &Assessment,
    votes: &Votes,
    groups: &Groups,
) -> Vec<DimensionScore> {
    let questionnaire = &assessment.questionnaire;
    let levels = questionnaire.max_level();
    let sides: Vec<Side> = assessment.participants.iter().map(|p| p.side).collect();
    let asked = |q: &crate::model::Question| {
        sides.is_empty() || sides.iter().any(|&side| q.audience.includes(side))
    };
    let g = groups;
    questionnaire
        .dimensions
        .iter()
        .enumerate()
        .map(|(d, dimension)| {
            let own: Vec<usize> = (0..questionnaire.questions.len())
                .filter(|&i| questionnaire.questions[i].dimension == dimension.id)
                .collect();
            let asked_here: Vec<usize> = own
                .iter()
                .copied()
                .filter(|&i| asked(&questionnaire.questions[i]))
                .collect();
            let pooled: Vec<f64> = asked_here
                .iter()
                .flat_map(|&i| votes.levels(i, Phase::Current, None))
                .collect();
            let answered = asked_here
                .iter()
                .filter(|&&i| !votes.levels(i, Phase::Current, None).is_empty())
                .count();
            let shared_here: Vec<usize> = own
                .iter()
                .copied()
                .filter(|&i| g.it_shared.questions[i].is_some())
                .collect();
            let people = |side| votes.respondents(shared_here.iter().copied(), Some(side));
            let current = g.current.dimensions[d];
            DimensionScore {
                id: dimension.id.clone(),
                name: dimension.name.clone(),
                weight: dimension.weight,
                current,
                target: g.target.dimensions[d],
                gap: difference(g.target.dimensions[d], current),
                it: g.it_shared.dimensions[d],
                business: g.business_shared.dimensions[d],
                perception_gap: perception_gap(
                    (g.it_shared.dimensions[d], people(Side::It)),
                    (g.business_shared.dimensions[d], people(Side::Business)),
                ),
                interval: interval_90(current, &pooled, levels),
                spread: Stats::pooled(
                    &pooled,
                    levels,
                    votes.respondents(asked_here.iter().copied(), None),
                ),
                answered,
                questions: asked_here.len(),
            }
        })
        .collect()
}

/// The overall position under one aggregation rule, to compare the rules side by side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RulePosition {
    pub aggregation: Aggregation,
    pub practice: Option<f64>,
    pub slope: Option<f64>,
    pub zone: Option<String>,
}

/// The overall position under each aggregation rule: mean, median, weakest link.
pub fn positions_by_rule(assessment: &Assessment) -> Vec<RulePosition> {
    Aggregation::ALL
        .into_iter()
        .map(|aggregation| {
            let overall = score_with(assessment, aggregation).overall;
            RulePosition {
                aggregation,
                practice: overall.current,
                slope: overall.slope,
                zone: overall.zone,
            }
        })
        .collect()
}

/// `a − b` when both are known.
fn difference(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    Some(a? - b?)
}

/// IT − the business, when at least `MIN_RESPONDENTS` people on each side stand behind their
/// scores: one person's view on either side is not a perception of that side.
fn perception_gap(it: (Option<f64>, usize), business: (Option<f64>, usize)) -> Option<f64> {
    let enough = it.1 >= MIN_RESPONDENTS && business.1 >= MIN_RESPONDENTS;
    difference(it.0, business.0).filter(|_| enough)
}
