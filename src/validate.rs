//! Checks a questionnaire (and an assessment, in [`assessment`]) for the mistakes a
//! consultant writing one by hand can make, and points at where in the file each one is.
//! The checks say which value is wrong by its path in the document; [`ron_paths`] finds all
//! of them in the text in one pass, so a file with thousands of problems is as quick to check
//! as one with a few.

mod assessment;
mod ron_paths;

use std::collections::HashSet;
use std::fmt;

use crate::model::{Audience, Improvement, Question, Questionnaire};
use Step::{Field as F, Index as I};
pub use assessment::validate_assessment;
use ron_paths::{RonPath, Step, locate};

/// The largest weight a dimension or question may have: weights far beyond any real use
/// would overflow the weighted sums of scoring.
pub const MAX_WEIGHT: f64 = 1_000_000.0;

/// One thing wrong with a questionnaire, with its position in the source when known.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// 1-based line and column; 0 when the problem has no place in the text.
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

/// Every problem in `q`; `source` is the RON text it was read from, used to find positions.
pub fn validate(q: &Questionnaire, source: &str) -> Vec<Problem> {
    let mut found = Found::new(Vec::new());
    questionnaire_problems(q, &mut found);
    found.resolve(source)
}

/// The problems of `q`, which sits at `found`'s base path.
fn questionnaire_problems(q: &Questionnaire, found: &mut Found) {
    let max = q.max_level();

    if q.id.trim().is_empty() {
        found.at(&[F("id")], "the questionnaire has an empty id".into());
    }
    scale_problems(q, found);

    if q.dimensions.is_empty() {
        found.at(
            &[F("dimensions")],
            "the questionnaire has no dimensions".into(),
        );
    }
    if q.questions.is_empty() {
        found.at(
            &[F("questions")],
            "the questionnaire has no questions".into(),
        );
    }

    let mut dimension_ids = HashSet::new();
    for (i, d) in q.dimensions.iter().enumerate() {
        let at_id = [F("dimensions"), I(i), F("id")];
        if !dimension_ids.insert(d.id.as_str()) {
            found.at(&at_id, format!("duplicate dimension id \"{}\"", d.id));
        }
        if let Some(message) = weight_problem(d.weight) {
            found.at(
                &at_id,
                format!(
                    "dimension \"{}\" has weight {}; {message}",
                    d.id,
                    show_weight(d.weight)
                ),
            );
        }
        if q.questions_in(&d.id).next().is_none() {
            found.at(&at_id, format!("dimension \"{}\" has no questions", d.id));
        }
        let owner = format!("dimension \"{}\"", d.id);
        improvement_problems(&owner, &at_id, &d.improvements, max, found);
    }

    let mut question_ids = HashSet::new();
    for (i, question) in q.questions.iter().enumerate() {
        let id = &question.id;
        let at_id = [F("questions"), I(i), F("id")];
        if id.trim().is_empty() {
            found.at(&at_id, "a question has an empty id".into());
        }
        if !question_ids.insert(id.as_str()) {
            found.at(&at_id, format!("duplicate question id \"{id}\""));
        }
        if !dimension_ids.contains(question.dimension.as_str()) {
            found.at(
                &[F("questions"), I(i), F("dimension")],
                format!(
                    "question \"{id}\" is in unknown dimension \"{}\"",
                    question.dimension
                ),
            );
        }
        if question.text.trim().is_empty() {
            found.at(&at_id, format!("question \"{id}\" has no text"));
        }
        if let Some(message) = weight_problem(question.weight) {
            let weight = show_weight(question.weight);
            found.at(
                &at_id,
                format!("question \"{id}\" has weight {weight}; {message}"),
            );
        }
        let described = question
            .levels
            .iter()
            .filter(|l| !l.trim().is_empty())
            .count();
        if question.levels.len() != usize::from(max) || described != question.levels.len() {
            found.at(
                &at_id,
                format!(
                    "question \"{id}\" describes {described} of {max} levels; every level needs a description"
                ),
            );
        }
        let owner = format!("question \"{id}\"");
        improvement_problems(&owner, &at_id, &question.improvements, max, found);
        mirror_problems(question, &at_id, found);
    }

    slope_problems(q, found);
    touchpoint_catalogue_problems(q, found);
}

/// A weight as a message shows it: huge ones in exponent form rather than 300 digits.
fn show_weight(weight: f64) -> String {
    if weight.abs() >= 1e7 {
        format!("{weight:e}")
    } else {
        weight.to_string()
    }
}

/// Why a weight cannot be used, if it cannot.
fn weight_problem(weight: f64) -> Option<String> {
    if !(weight.is_finite() && weight > 0.0) {
        Some("weights must be positive".into())
    } else if weight > MAX_WEIGHT {
        Some(format!("weights run up to {MAX_WEIGHT}"))
    } else {
        None
    }
}

/// Steps that climb from a level the scale lacks, a level climbed twice, a blank action.
fn improvement_problems(
    owner: &str,
    at_id: &[Step<'static>],
    improvements: &[Improvement],
    max: u8,
    found: &mut Found,
) {
    let mut seen = HashSet::new();
    for step in improvements {
        if step.from < 1 || step.from >= max {
            found.at(
                at_id,
                format!(
                    "{owner} has improvements from level {}; they run from 1 to {}",
                    step.from,
                    max - 1
                ),
            );
        } else if !seen.insert(step.from) {
            found.at(
                at_id,
                format!(
                    "{owner} has two lists of improvements from level {}",
                    step.from
                ),
            );
        }
        if step.actions.is_empty() || step.actions.iter().any(|a| a.trim().is_empty()) {
            found.at(
                at_id,
                format!(
                    "{owner} has an empty improvement action from level {}",
                    step.from
                ),
            );
        }
    }
}

/// A mirrored pair needs both wordings, and both sides must be asked.
fn mirror_problems(question: &Question, at_id: &[Step<'static>], found: &mut Found) {
    let Some(mirror) = &question.mirror else {
        return;
    };
    let id = &question.id;
    if question.audience != Audience::Both {
        found.at(
            at_id,
            format!("question \"{id}\" is worded for each side but asked of one; its audience must be Both"),
        );
    }
    if mirror.it.trim().is_empty() || mirror.business.trim().is_empty() {
        found.at(
            at_id,
            format!("question \"{id}\" has a mirror without the wording for each side"),
        );
    }
}

fn scale_problems(q: &Questionnaire, found: &mut Found) {
    let levels = &q.scale.levels;
    if levels.is_empty() {
        found.at(&[F("scale"), F("levels")], "the scale has no levels".into());
        return;
    }
    for (i, level) in levels.iter().enumerate() {
        let expected = i + 1;
        let at = [F("scale"), F("levels"), I(i)];
        if usize::from(level.value) != expected {
            found.at(
                &at,
                format!("scale level {} should have value {expected}: levels are numbered 1, 2, 3 … in order", i + 1),
            );
        }
        if level.label.trim().is_empty() {
            found.at(&at, format!("scale level {} has no label", level.value));
        }
    }
}

fn slope_problems(q: &Questionnaire, found: &mut Found) {
    let slope = &q.slope;
    if slope.zones.is_empty() {
        found.at(&[F("slope"), F("zones")], "the slope has no zones".into());
    }
    let max = f64::from(q.max_level());
    let mut previous = f64::NEG_INFINITY;
    let zone_at = |i: usize| [F("slope"), F("zones"), I(i), F("name")];
    for (i, zone) in slope.zones.iter().enumerate() {
        if !(1.0..=max).contains(&zone.from) || zone.from <= previous {
            found.at(
                &zone_at(i),
                format!(
                    "zone \"{}\" starts at {}; zones start between 1 and {max}, in increasing order",
                    zone.name, zone.from
                ),
            );
        }
        previous = zone.from;
    }
    if let Some(first) = slope.zones.first()
        && first.from != 1.0
    {
        found.at(
            &zone_at(0),
            format!(
                "the first zone \"{}\" must start at 1.0, the bottom of the slope",
                first.name
            ),
        );
    }
    for (name, weight) in [
        ("practice_weight", slope.practice_weight),
        ("engagement_weight", slope.engagement_weight),
    ] {
        if !(weight.is_finite() && (0.0..=MAX_WEIGHT).contains(&weight)) {
            found.at(
                &[F("slope"), F(name)],
                format!(
                    "{name} is {}; it must be from 0 to {MAX_WEIGHT}",
                    show_weight(weight)
                ),
            );
        }
    }
    if slope.practice_weight + slope.engagement_weight <= 0.0 {
        found.at(
            &[F("slope"), F("practice_weight")],
            "practice_weight and engagement_weight cannot both be zero".into(),
        );
    }
}

fn touchpoint_catalogue_problems(q: &Questionnaire, found: &mut Found) {
    let catalogue = &q.touchpoints;
    let lists = [
        (
            "business role",
            "business_roles",
            id_list(&catalogue.business_roles, |r| &r.id),
        ),
        (
            "IT role",
            "it_roles",
            id_list(&catalogue.it_roles, |r| &r.id),
        ),
        (
            "channel",
            "channels",
            id_list(&catalogue.channels, |c| &c.id),
        ),
    ];
    for (kind, field, ids) in lists {
        let mut seen = HashSet::new();
        for (i, id) in ids.into_iter().enumerate() {
            if !seen.insert(id) {
                found.at(
                    &[F("touchpoints"), F(field), I(i), F("id")],
                    format!("duplicate {kind} id \"{id}\""),
                );
            }
        }
    }
}

fn id_list<T>(items: &[T], id: impl Fn(&T) -> &String) -> Vec<&str> {
    items.iter().map(|item| id(item).as_str()).collect()
}

/// Where a problem is: the path of the value it is about, or failing that of another place
/// that holds it (a plain answer sits on its participant's `answers` line), and a text to
/// look for inside that value (the answer's own entry on that line).
struct Place {
    paths: Vec<RonPath<'static>>,
    within: Option<String>,
}

/// Collects problems with the place of each, under a base path (the questionnaire of an
/// assessment is under `questionnaire`).
struct Found {
    base: RonPath<'static>,
    problems: Vec<(Place, String)>,
}

impl Found {
    fn new(base: RonPath<'static>) -> Self {
        Self {
            base,
            problems: Vec::new(),
        }
    }

    fn at(&mut self, path: &[Step<'static>], message: String) {
        self.at_place(&[path], None, message);
    }

    /// At the first of `paths` written in the file, at `within` inside it when given.
    fn at_place(&mut self, paths: &[&[Step<'static>]], within: Option<String>, message: String) {
        let paths = paths
            .iter()
            .map(|path| self.base.iter().chain(*path).cloned().collect())
            .collect();
        self.problems.push((Place { paths, within }, message));
    }

    /// The problems with their line and column in `source`, found in one pass.
    fn resolve(self, source: &str) -> Vec<Problem> {
        if self.problems.is_empty() {
            return Vec::new();
        }
        let wanted: Vec<RonPath<'static>> = self
            .problems
            .iter()
            .flat_map(|(place, _)| place.paths.iter().cloned())
            .collect();
        let mut located = locate(source, &wanted).into_iter();
        let lines = LineIndex::new(source);
        self.problems
            .into_iter()
            .map(|(place, message)| {
                let found: Vec<(usize, usize)> = located.by_ref().take(place.paths.len()).collect();
                let offset = place_offset(source, &place, &found);
                let (line, col) = lines.line_col(source, offset);
                Problem { line, col, message }
            })
            .collect()
    }
}

/// The offset of the first path written in full, else the nearest ancestor of the first.
fn place_offset(source: &str, place: &Place, found: &[(usize, usize)]) -> usize {
    let exact = place
        .paths
        .iter()
        .zip(found)
        .find(|(path, (_, depth))| *depth == path.len());
    let Some((_, (offset, _))) = exact else {
        return found.first().map_or(0, |(offset, _)| *offset);
    };
    let Some(needle) = &place.within else {
        return *offset;
    };
    // The value is a string: look inside it, up to its end of line.
    let rest = &source[*offset..];
    let value = &rest[..rest.find('\n').unwrap_or(rest.len())];
    value
        .match_indices(needle.as_str())
        .find(|(at, _)| value[..*at].ends_with(['"', ' ']))
        .map_or(*offset, |(at, _)| offset + at)
}

/// Where each line starts, to turn many offsets into lines without rescanning the text.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(source: &str) -> Self {
        let breaks = source.match_indices('\n').map(|(at, _)| at + 1);
        Self {
            starts: std::iter::once(0).chain(breaks).collect(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn line_col(&self, source: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(source.len());
        let line = self.starts.partition_point(|start| *start <= offset);
        let start = self.starts[line - 1];
        let col = source.get(start..offset).map_or(0, |s| s.chars().count());
        (line, col + 1)
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(source).line_col(source, offset)
}
