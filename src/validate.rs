//! Checks a questionnaire for the mistakes a consultant writing one by hand can make, and
//! points at where in the file each one is.

use std::collections::HashSet;
use std::fmt;

use crate::model::{Audience, Improvement, Question, Questionnaire};

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
    let mut found = Found {
        source,
        problems: Vec::new(),
    };
    let max = q.max_level();

    if q.id.trim().is_empty() {
        found.at_field("id", "the questionnaire has an empty id".into());
    }
    scale_problems(q, &mut found);

    if q.dimensions.is_empty() {
        found.at_field("dimensions", "the questionnaire has no dimensions".into());
    }
    if q.questions.is_empty() {
        found.at_field("questions", "the questionnaire has no questions".into());
    }

    let mut dimension_ids = HashSet::new();
    for d in &q.dimensions {
        if !dimension_ids.insert(d.id.as_str()) {
            found.at_nth_id(&d.id, 1, format!("duplicate dimension id \"{}\"", d.id));
        }
        if !(d.weight.is_finite() && d.weight > 0.0) {
            found.at_id(
                &d.id,
                format!(
                    "dimension \"{}\" has weight {}; weights must be positive",
                    d.id, d.weight
                ),
            );
        }
        if q.questions_in(&d.id).next().is_none() {
            found.at_id(&d.id, format!("dimension \"{}\" has no questions", d.id));
        }
        improvement_problems(
            &format!("dimension \"{}\"", d.id),
            &d.id,
            &d.improvements,
            max,
            &mut found,
        );
    }

    let mut question_ids = HashSet::new();
    for question in &q.questions {
        let id = &question.id;
        if id.trim().is_empty() {
            found.at_field("questions", "a question has an empty id".into());
        }
        if !question_ids.insert(id.as_str()) {
            found.at_nth_id(id, 1, format!("duplicate question id \"{id}\""));
        }
        if !dimension_ids.contains(question.dimension.as_str()) {
            found.at_text(
                &format!("\"{}\"", question.dimension),
                format!(
                    "question \"{id}\" is in unknown dimension \"{}\"",
                    question.dimension
                ),
            );
        }
        if question.text.trim().is_empty() {
            found.at_id(id, format!("question \"{id}\" has no text"));
        }
        if !(question.weight.is_finite() && question.weight > 0.0) {
            found.at_id(
                id,
                format!(
                    "question \"{id}\" has weight {}; weights must be positive",
                    question.weight
                ),
            );
        }
        let described = question
            .levels
            .iter()
            .filter(|l| !l.trim().is_empty())
            .count();
        if question.levels.len() != usize::from(max) || described != question.levels.len() {
            found.at_id(
                id,
                format!(
                    "question \"{id}\" describes {described} of {max} levels; every level needs a description"
                ),
            );
        }
        let owner = format!("question \"{id}\"");
        improvement_problems(&owner, id, &question.improvements, max, &mut found);
        mirror_problems(question, &mut found);
    }

    slope_problems(q, &mut found);
    touchpoint_catalogue_problems(q, &mut found);
    found.problems
}

/// Steps that climb from a level the scale lacks, a level climbed twice, a blank action.
fn improvement_problems(
    owner: &str,
    id: &str,
    improvements: &[Improvement],
    max: u8,
    found: &mut Found<'_>,
) {
    let mut seen = HashSet::new();
    for step in improvements {
        if step.from < 1 || step.from >= max {
            found.at_id(
                id,
                format!(
                    "{owner} has improvements from level {}; they run from 1 to {}",
                    step.from,
                    max - 1
                ),
            );
        } else if !seen.insert(step.from) {
            found.at_id(
                id,
                format!(
                    "{owner} has two lists of improvements from level {}",
                    step.from
                ),
            );
        }
        if step.actions.is_empty() || step.actions.iter().any(|a| a.trim().is_empty()) {
            found.at_id(
                id,
                format!(
                    "{owner} has an empty improvement action from level {}",
                    step.from
                ),
            );
        }
    }
}

/// A mirrored pair needs both wordings, and both sides must be asked.
fn mirror_problems(question: &Question, found: &mut Found<'_>) {
    let Some(mirror) = &question.mirror else {
        return;
    };
    let id = &question.id;
    if question.audience != Audience::Both {
        found.at_id(
            id,
            format!("question \"{id}\" is worded for each side but asked of one; its audience must be Both"),
        );
    }
    if mirror.it.trim().is_empty() || mirror.business.trim().is_empty() {
        found.at_id(
            id,
            format!("question \"{id}\" has a mirror without the wording for each side"),
        );
    }
}

fn scale_problems(q: &Questionnaire, found: &mut Found<'_>) {
    let levels = &q.scale.levels;
    if levels.is_empty() {
        found.at_field("levels", "the scale has no levels".into());
        return;
    }
    for (i, level) in levels.iter().enumerate() {
        let expected = i + 1;
        if usize::from(level.value) != expected {
            found.at_field(
                "levels",
                format!("scale level {} should have value {expected}: levels are numbered 1, 2, 3 … in order", i + 1),
            );
        }
        if level.label.trim().is_empty() {
            found.at_field(
                "levels",
                format!("scale level {} has no label", level.value),
            );
        }
    }
}

fn slope_problems(q: &Questionnaire, found: &mut Found<'_>) {
    let slope = &q.slope;
    if slope.zones.is_empty() {
        found.at_field("zones", "the slope has no zones".into());
    }
    let max = f64::from(q.max_level());
    let mut previous = f64::NEG_INFINITY;
    for zone in &slope.zones {
        if !(1.0..=max).contains(&zone.from) || zone.from <= previous {
            found.at_text(
                &format!("\"{}\"", zone.name),
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
        found.at_text(
            &format!("\"{}\"", first.name),
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
        if !(weight.is_finite() && weight >= 0.0) {
            found.at_field(name, format!("{name} is {weight}; it must be zero or more"));
        }
    }
    if slope.practice_weight + slope.engagement_weight <= 0.0 {
        found.at_field(
            "practice_weight",
            "practice_weight and engagement_weight cannot both be zero".into(),
        );
    }
}

fn touchpoint_catalogue_problems(q: &Questionnaire, found: &mut Found<'_>) {
    let catalogue = &q.touchpoints;
    let lists = [
        (
            "business role",
            catalogue
                .business_roles
                .iter()
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>(),
        ),
        (
            "IT role",
            catalogue.it_roles.iter().map(|r| r.id.as_str()).collect(),
        ),
        (
            "channel",
            catalogue.channels.iter().map(|c| c.id.as_str()).collect(),
        ),
    ];
    for (kind, ids) in lists {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                found.at_id(id, format!("duplicate {kind} id \"{id}\""));
            }
        }
    }
}

/// Collects problems, finding where in the source each one is.
struct Found<'a> {
    source: &'a str,
    problems: Vec<Problem>,
}

impl Found<'_> {
    fn push(&mut self, offset: Option<usize>, message: String) {
        let (line, col) = offset.map_or((0, 0), |o| line_col(self.source, o));
        self.problems.push(Problem { line, col, message });
    }

    /// At the `n`-th (0-based) `id: "…"` with this value.
    fn at_nth_id(&mut self, id: &str, n: usize, message: String) {
        let offset = nth_match(self.source, &format!("\"{id}\""), n, |before| {
            before
                .trim_end()
                .trim_end_matches(':')
                .trim_end()
                .ends_with("id")
        });
        self.push(offset, message);
    }

    fn at_id(&mut self, id: &str, message: String) {
        self.at_nth_id(id, 0, message);
    }

    fn at_field(&mut self, field: &str, message: String) {
        // `field:` as a whole word, so the word in a description or comment is not taken for it.
        let offset = nth_match(self.source, &format!("{field}:"), 0, |before| {
            !before.ends_with(|c: char| c.is_alphanumeric() || c == '_')
        });
        self.push(offset, message);
    }

    fn at_text(&mut self, text: &str, message: String) {
        let offset = nth_match(self.source, text, 0, |_| true);
        self.push(offset, message);
    }
}

/// Byte offset of the `n`-th occurrence of `needle` whose preceding text passes `context`.
fn nth_match(
    source: &str,
    needle: &str,
    n: usize,
    context: impl Fn(&str) -> bool,
) -> Option<usize> {
    source
        .match_indices(needle)
        .filter(|(offset, _)| context(&source[..*offset]))
        .nth(n)
        .map(|(offset, _)| offset)
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
