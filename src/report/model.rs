//! The report model: everything a report says about one assessment, with its numbers already
//! formatted (see `format`) and its texts as typed. The writers (HTML, PDF, DOCX, CSV, the
//! charts and the command line's table) read this and nothing else, so they say the same.

use serde::Serialize;

use crate::model::{Side, Touchpoint};
use crate::scoring::{MapState, Respondents, Stats, TouchpointAnalysis};

use super::format::Figure;

/// One assessment's report. Built by [`Report::build`](super::Report::build).
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub cover: Cover,
    /// Where the touchpoint map stands: it counts in the position only once complete.
    pub map: MapState,
    /// The executive summary: paragraphs in plain words, generated from the scores.
    pub summary: Vec<String>,
    pub slope: SlopeView,
    pub overall: OverallRow,
    pub dimensions: Vec<DimensionRow>,
    pub questions: Vec<QuestionRow>,
    /// IT against the business; `None` with fewer than two respondents on either side.
    pub perception: Option<Perception>,
    /// Spread, agreement and re-votes; `None` with fewer than two respondents.
    pub agreement: Option<Agreement>,
    /// What a workshop with the business would add, for a one-person self-assessment.
    pub workshop_would_add: Option<String>,
    /// `None` when no touchpoint map was drawn.
    pub touchpoints: Option<TouchpointView>,
    pub gaps: Vec<GapView>,
    pub actions: Vec<ActionRow>,
    /// "Don't know" answers: evidence to gather.
    pub evidence: Vec<EvidenceRow>,
    pub comments: Vec<CommentRow>,
    /// The assessment's notes, as typed.
    pub notes: String,
    pub method: Method,
    pub appendix: Vec<AppendixDimension>,
    /// Where it stands among a portfolio's organisations, when one was given.
    pub benchmark: Option<super::progress::Benchmark>,
    /// How it moved since earlier assessments, when they were given.
    pub trend: Option<super::progress::TrendPage>,
}

/// The cover: who, when, with what, and how much was answered.
#[derive(Clone, Debug, Serialize)]
pub struct Cover {
    pub title: String,
    pub organisation: String,
    pub date: String,
    pub facilitator: String,
    pub questionnaire: String,
    pub questionnaire_version: String,
    pub aggregation: String,
    pub anonymous: bool,
    pub participants: Vec<ParticipantRow>,
    /// "3 IT and 4 business participants".
    pub participants_text: String,
    pub respondents: Respondents,
    /// "412 of 450 answers given (92%)".
    pub answered_text: String,
    pub answers_given: usize,
    pub answers_asked: usize,
}

/// One participant as the report shows them: by anonymous code when the assessment is anonymous.
#[derive(Clone, Debug, Serialize)]
pub struct ParticipantRow {
    pub name: String,
    pub side: Side,
    pub role: String,
    pub level: String,
    /// Questions asked of their side that they answered (on the scale, don't know or n/a).
    pub answered: usize,
    pub asked: usize,
}

/// The slope with its zones and the two positions.
#[derive(Clone, Debug, Serialize)]
pub struct SlopeView {
    pub zones: Vec<ZoneBand>,
    pub today: Figure,
    pub today_zone: Option<String>,
    pub target: Figure,
    pub target_zone: Option<String>,
    /// While the touchpoint map is being drawn: the position it would give, provisional.
    pub with_map: Option<(Figure, Option<String>)>,
    /// Fewer than half the dimensions have answers: the zone is provisional.
    pub provisional: bool,
}

/// A named stretch of the slope, `from` to `to`.
#[derive(Clone, Debug, Serialize)]
pub struct ZoneBand {
    pub name: String,
    pub from: f64,
    pub to: f64,
    pub description: String,
}

/// The whole organisation's scores.
#[derive(Clone, Debug, Serialize)]
pub struct OverallRow {
    pub current: Figure,
    pub target: Figure,
    pub gap: Figure,
    pub it: Figure,
    pub business: Figure,
    pub perception_gap: Figure,
    pub engagement: Figure,
    pub engagement_target: Figure,
    /// "2.2 — Aligned, from 2 of 9 dimensions (18 of 63 questions)"; `None` before answers.
    pub headline: Option<String>,
    /// "answered by 1 person from IT and 6 from the business".
    pub answered_by: String,
    /// Whether the touchpoint map counts in the position, in words.
    pub map_text: String,
    pub dimensions_answered: usize,
    pub dimensions: usize,
    pub questions_answered: usize,
    pub questions: usize,
}

/// One dimension's scores and what stands behind them.
#[derive(Clone, Debug, Serialize)]
pub struct DimensionRow {
    pub id: String,
    pub name: String,
    pub current: Figure,
    pub target: Figure,
    pub gap: Figure,
    pub it: Figure,
    pub business: Figure,
    pub perception_gap: Figure,
    pub sd: Figure,
    pub rwg: Figure,
    pub iqr: Figure,
    pub median: Figure,
    /// The 90% interval around today's score, "2.1–3.4" (three answers or more).
    pub range: String,
    /// The pooled answers today, for the spread chart; `None` when spread may not be shown.
    pub spread: Option<Stats>,
    /// Answers on the scale today to its questions, pooled.
    pub answers: usize,
    /// Questions with an answer, out of those asked of a side in the room.
    pub answered: usize,
    pub questions: usize,
}

/// One question's scores.
#[derive(Clone, Debug, Serialize)]
pub struct QuestionRow {
    pub id: String,
    pub dimension: String,
    pub text: String,
    pub current: Figure,
    pub target: Figure,
    pub gap: Figure,
    pub it: Figure,
    pub business: Figure,
    pub perception_gap: Figure,
    pub sd: Figure,
    pub rwg: Figure,
    pub answers: usize,
    pub dont_know: usize,
    pub not_applicable: usize,
}

/// IT against the business, overall (per dimension in [`DimensionRow`]).
#[derive(Clone, Debug, Serialize)]
pub struct Perception {
    pub it: Figure,
    pub business: Figure,
    pub gap: Figure,
    /// What the gap means, in words.
    pub reading: String,
}

/// How far the room agrees, and how re-voting moved it.
#[derive(Clone, Debug, Serialize)]
pub struct Agreement {
    /// The questions the room disagrees on most (`scoring::most_disputed`).
    pub disputed: Vec<DisputedRow>,
    pub rounds: Vec<RoundRow>,
}

/// A question the room disagrees on.
#[derive(Clone, Debug, Serialize)]
pub struct DisputedRow {
    pub id: String,
    pub text: String,
    pub answers: usize,
    pub mean: Figure,
    pub iqr: Figure,
    pub sd: Figure,
    pub rwg: Figure,
    /// Flagged as a wide disagreement (`scoring::DISAGREEMENT_SD`).
    pub wide: bool,
}

/// A question voted on again: the first round against the latest.
#[derive(Clone, Debug, Serialize)]
pub struct RoundRow {
    pub id: String,
    pub text: String,
    pub first_mean: Figure,
    pub now_mean: Figure,
    pub first_sd: Figure,
    pub now_sd: Figure,
    pub first_rwg: Figure,
    pub now_rwg: Figure,
}

/// The touchpoint map and what it says.
#[derive(Clone, Debug, Serialize)]
pub struct TouchpointView {
    /// The core's analysis, for the heat map and the map by level.
    pub analysis: TouchpointAnalysis,
    pub map: Vec<Touchpoint>,
    pub engagement: Figure,
    pub engagement_target: Figure,
    pub levels: Vec<LevelRow>,
    pub missing: Vec<MissingRow>,
    /// How much of the contact runs through the service desk, in words.
    pub service_desk: String,
    pub fragile: Vec<String>,
    pub unconnected: Vec<String>,
}

/// The touchpoints at one level.
#[derive(Clone, Debug, Serialize)]
pub struct LevelRow {
    pub level: String,
    pub today: usize,
    pub target: usize,
    pub missing: usize,
}

/// A touchpoint that should exist and does not.
#[derive(Clone, Debug, Serialize)]
pub struct MissingRow {
    pub business_role: String,
    pub it_role: String,
    pub level: String,
    pub channel: String,
    /// How it should work: "monthly, effectiveness 4".
    pub target: String,
}

/// A gap to close, with what to do about it.
#[derive(Clone, Debug, Serialize)]
pub struct GapView {
    pub rank: usize,
    pub dimension: String,
    pub name: String,
    pub current: Figure,
    pub target: Figure,
    pub gap: Figure,
    pub steps: Vec<StepView>,
    /// The dimension's questions with the largest gaps, and their own next step.
    pub questions: Vec<QuestionStepView>,
}

/// The actions to climb one level.
#[derive(Clone, Debug, Serialize)]
pub struct StepView {
    /// "To move from 2 to 3".
    pub title: String,
    /// "2→3".
    pub short: String,
    pub actions: Vec<String>,
}

/// One of a gap's questions, and the actions to climb it from where it stands.
#[derive(Clone, Debug, Serialize)]
pub struct QuestionStepView {
    pub id: String,
    pub text: String,
    pub gap: Figure,
    pub step: Option<StepView>,
}

/// One action of the action plan.
#[derive(Clone, Debug, Serialize)]
pub struct ActionRow {
    pub text: String,
    pub owner: String,
    pub due: String,
    pub status: String,
    /// The dimensions (by name) and questions (by id) it addresses.
    pub addresses: String,
}

/// A question some answered "don't know" to: evidence to gather before the next assessment.
#[derive(Clone, Debug, Serialize)]
pub struct EvidenceRow {
    pub id: String,
    pub text: String,
    pub dimension: String,
    /// Who answered "don't know", by name or anonymous code.
    pub who: Vec<String>,
}

/// A participant's comment on a question.
#[derive(Clone, Debug, Serialize)]
pub struct CommentRow {
    pub id: String,
    pub text: String,
    pub participant: String,
    pub comment: String,
}

/// How the scores were made.
#[derive(Clone, Debug, Serialize)]
pub struct Method {
    pub contract: Vec<String>,
    pub aggregation: String,
    pub engagement: Vec<String>,
    pub slope: String,
    pub claims: Vec<String>,
}

/// A dimension of the questionnaire, for the appendix.
#[derive(Clone, Debug, Serialize)]
pub struct AppendixDimension {
    pub name: String,
    pub description: String,
    pub questions: Vec<AppendixQuestion>,
}

/// A question with what each level looks like.
#[derive(Clone, Debug, Serialize)]
pub struct AppendixQuestion {
    pub id: String,
    pub text: String,
    /// "Asked of IT and the business", "Asked of IT".
    pub audience: String,
    pub guidance: String,
    /// "1 · Initial", description.
    pub levels: Vec<(String, String)>,
}
