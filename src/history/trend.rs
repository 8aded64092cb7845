//! The trend across several assessments of one organisation: the slope and each dimension
//! over time, what improved and declined most from the oldest to the latest, the touchpoint map
//! then and now, and the actions completed in between. Assessments taken with different
//! versions of a questionnaire are compared on the dimensions and questions they share, with
//! notes naming what changed.

use serde::{Serialize, Serializer};
use thiserror::Error;

use super::map_diff::{MapDiff, map_diff};
use super::versions::{Shared, changes, narrowed, shared};
use crate::model::{ActionStatus, Assessment};
use crate::scoring;

/// How many dimensions the trend names as improved most, and as declined most.
pub const MOST_CHANGED: usize = 5;

/// Changes smaller than this are rounding, not change.
const NO_CHANGE: f64 = 1e-9;

/// One assessment given to the trend, with the file it was read from (as the user named it).
pub struct TrendInput {
    pub file: String,
    pub assessment: Assessment,
}

/// Why there is no trend.
#[derive(Debug, Error, PartialEq)]
pub enum TrendError {
    #[error(
        "{file}: the assessment has no date; a trend orders assessments by date (set it in Setup)"
    )]
    Undated { file: String },
    #[error("a trend needs at least two assessments; {0} given")]
    TooFew(usize),
}

/// Everything the history view and `convergence trend` show.
#[derive(Clone, Debug, Serialize)]
pub struct Trend {
    /// Oldest first.
    pub assessments: Vec<TrendPoint>,
    pub improved: Vec<DimensionChange>,
    pub declined: Vec<DimensionChange>,
    /// The oldest assessment's touchpoint map against the latest one's.
    pub touchpoints: MapDiff,
    pub completed_actions: Vec<CompletedAction>,
    /// What makes the comparison less than like for like: questionnaire versions, other
    /// organisations.
    pub notes: Vec<String>,
    /// `(id, name)` of the dimensions compared, in the latest questionnaire's order.
    #[serde(skip)]
    pub dimensions: Vec<(String, String)>,
    /// The organisation of the latest assessment.
    #[serde(skip)]
    pub organisation: String,
}

/// One assessment's position.
#[derive(Clone, Debug, Serialize)]
pub struct TrendPoint {
    pub file: String,
    pub date: String,
    pub slope: Option<f64>,
    /// The practice score (the questionnaire's answers) today.
    pub current: Option<f64>,
    pub dimensions: DimensionScores,
}

/// Scores by dimension id, in the questionnaire's order; written as a JSON object.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DimensionScores(pub Vec<(String, Option<f64>)>);

impl DimensionScores {
    /// The score of dimension `id`, when it has one.
    pub fn get(&self, id: &str) -> Option<f64> {
        self.0.iter().find(|(d, _)| d == id).and_then(|(_, s)| *s)
    }
}

impl Serialize for DimensionScores {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(id, score)| (id, score)))
    }
}

/// How far a dimension moved from the oldest assessment to the latest.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DimensionChange {
    /// The dimension's id.
    pub dimension: String,
    pub change: f64,
    #[serde(skip)]
    pub name: String,
}

/// An action that was not done in one assessment's plan and is done in the next one's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CompletedAction {
    pub text: String,
    pub owner: String,
    /// The date of the assessment whose plan first has it done.
    pub done_by: String,
}

/// The trend of `inputs`, ordered by date (assessments of the same date keep their order).
pub fn trend(mut inputs: Vec<TrendInput>) -> Result<Trend, TrendError> {
    if inputs.len() < 2 {
        return Err(TrendError::TooFew(inputs.len()));
    }
    if let Some(undated) = inputs.iter().find(|i| i.assessment.date.is_empty()) {
        return Err(TrendError::Undated {
            file: undated.file.clone(),
        });
    }
    // Dates are checked `YYYY-MM-DD` when read, so text order is date order.
    inputs.sort_by(|a, b| a.assessment.date.cmp(&b.assessment.date));
    let questionnaires: Vec<_> = inputs.iter().map(|i| &i.assessment.questionnaire).collect();
    let shared = shared(&questionnaires);
    let assessments: Vec<TrendPoint> = inputs.iter().map(|i| point(i, &shared)).collect();
    let (oldest, latest) = (&inputs[0].assessment, &inputs[inputs.len() - 1].assessment);
    let (improved, declined) = most_changed(&assessments, &shared.dimensions);
    Ok(Trend {
        improved,
        declined,
        touchpoints: map_diff(oldest, latest),
        completed_actions: completed_actions(&inputs),
        notes: notes(&inputs, &shared),
        dimensions: shared.dimensions,
        organisation: latest.organisation.clone(),
        assessments,
    })
}

/// One assessment scored on what all of them share.
fn point(input: &TrendInput, shared: &Shared) -> TrendPoint {
    let scores = if shared.identical {
        scoring::score(&input.assessment)
    } else {
        scoring::score(&narrowed(&input.assessment, shared))
    };
    let dimensions = shared
        .dimensions
        .iter()
        .map(|(id, _)| {
            let score = scores.dimensions.iter().find(|d| d.id == *id);
            (id.clone(), score.and_then(|d| d.current))
        })
        .collect();
    TrendPoint {
        file: input.file.clone(),
        date: input.assessment.date.clone(),
        slope: scores.overall.slope,
        current: scores.overall.current,
        dimensions: DimensionScores(dimensions),
    }
}

/// The dimensions that rose most and fell most from the oldest assessment to the latest, at
/// most [`MOST_CHANGED`] each; a dimension unscored in either is left out.
fn most_changed(
    points: &[TrendPoint],
    dimensions: &[(String, String)],
) -> (Vec<DimensionChange>, Vec<DimensionChange>) {
    let (Some(oldest), Some(latest)) = (points.first(), points.last()) else {
        return (Vec::new(), Vec::new());
    };
    let changes: Vec<DimensionChange> = dimensions
        .iter()
        .filter_map(|(id, name)| {
            let change = latest.dimensions.get(id)? - oldest.dimensions.get(id)?;
            Some(DimensionChange {
                dimension: id.clone(),
                change,
                name: name.clone(),
            })
        })
        .collect();
    // Stable sorts: equal changes keep the questionnaire's order.
    let mut improved: Vec<_> = changes
        .iter()
        .filter(|c| c.change > NO_CHANGE)
        .cloned()
        .collect();
    improved.sort_by(|a, b| b.change.total_cmp(&a.change));
    improved.truncate(MOST_CHANGED);
    let mut declined: Vec<_> = changes
        .into_iter()
        .filter(|c| c.change < -NO_CHANGE)
        .collect();
    declined.sort_by(|a, b| a.change.total_cmp(&b.change));
    declined.truncate(MOST_CHANGED);
    (improved, declined)
}

/// Actions done in an assessment's plan that the one before had not done (or did not have),
/// matched by their text; each once, at the first assessment that has it done.
fn completed_actions(inputs: &[TrendInput]) -> Vec<CompletedAction> {
    let done = |a: &Assessment, text: &str| {
        a.actions
            .iter()
            .any(|x| x.status == ActionStatus::Done && x.text.trim() == text)
    };
    let mut completed: Vec<CompletedAction> = Vec::new();
    for pair in inputs.windows(2) {
        let (before, after) = (&pair[0].assessment, &pair[1].assessment);
        for action in &after.actions {
            let text = action.text.trim();
            if action.status == ActionStatus::Done
                && !done(before, text)
                && !completed.iter().any(|c| c.text == text)
            {
                completed.push(CompletedAction {
                    text: text.to_string(),
                    owner: action.owner.clone(),
                    done_by: after.date.clone(),
                });
            }
        }
    }
    completed
}

/// What the reader must know to read the trend right: questionnaire versions that differ
/// (and what changed between them), what was left out, other organisations.
fn notes(inputs: &[TrendInput], shared: &Shared) -> Vec<String> {
    let mut notes = Vec::new();
    for pair in inputs.windows(2) {
        let (before, after) = (&pair[0].assessment, &pair[1].assessment);
        let (qb, qa) = (&before.questionnaire, &after.questionnaire);
        let changed = changes(qb, qa);
        if changed.is_empty() && qb.id == qa.id {
            continue;
        }
        let other = if qb.id == qa.id {
            String::new()
        } else {
            " (a different questionnaire)".to_string()
        };
        let detail = if changed.is_empty() {
            String::new()
        } else {
            format!(": {}", changed.join("; "))
        };
        notes.push(format!(
            "The questionnaire changed from {} {} ({}) to {} {} ({}){other}{detail}.",
            qb.id, qb.version, before.date, qa.id, qa.version, after.date
        ));
    }
    if !shared.identical {
        let latest = &inputs[inputs.len() - 1].assessment.questionnaire;
        let questions = latest
            .questions
            .iter()
            .filter(|q| shared.questions.contains(&q.id))
            .count();
        notes.push(format!(
            "Compared on the {questions} questions in {} dimensions that every assessment asked \
             in the same words.",
            shared.dimensions.len()
        ));
    }
    let mut organisations: Vec<&str> = Vec::new();
    for input in inputs {
        let name = input.assessment.organisation.trim();
        if !organisations
            .iter()
            .any(|known| known.eq_ignore_ascii_case(name))
        {
            organisations.push(name);
        }
    }
    if organisations.len() > 1 {
        notes.push(format!(
            "These are assessments of different organisations ({}): read the trend with care.",
            organisations.join(", ")
        ));
    }
    notes
}
