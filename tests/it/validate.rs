//! Questionnaire validation: each mistake a consultant can make by hand, with its message and
//! the line it is reported at, and the RON errors (syntax, unknown fields) that come before it.

use std::path::Path;

use convergence::files::{self, FileError};
use convergence::model::{Audience, Improvement, Mirror, Questionnaire};
use convergence::validate::{Problem, validate};

use crate::support::{data, line_of, nth_line_of, questionnaire, questionnaire_ron};

/// Serialises `q` and validates the text, as `parse_questionnaire` would.
fn problems(q: &Questionnaire) -> (String, Vec<Problem>) {
    let text = questionnaire_ron(q);
    let parsed: Questionnaire = ron::from_str(&text).expect("the edited questionnaire parses");
    let found = validate(&parsed, &text);
    (text, found)
}

/// The one problem with `q`, and the text it was found in.
#[track_caller]
fn only_problem(q: &Questionnaire) -> (String, Problem) {
    let (text, mut found) = problems(q);
    assert_eq!(found.len(), 1, "expected one problem, got {found:#?}");
    (text, found.remove(0))
}

/// Parses RON text as a questionnaire file and expects a syntax error.
#[track_caller]
fn syntax_error(text: &str) -> (usize, usize, String) {
    match files::parse_questionnaire(text, Path::new("edited.ron")) {
        Err(FileError::Syntax {
            line, col, message, ..
        }) => (line, col, message),
        other => panic!("expected FileError::Syntax, got {other:?}"),
    }
}

#[test]
fn the_support_questionnaire_is_valid() {
    let (text, found) = problems(&questionnaire());
    assert_eq!(found, []);
    assert_eq!(
        files::parse_questionnaire(&text, Path::new("small.ron")).unwrap(),
        questionnaire()
    );
    // The fixture on disk is the same questionnaire, with a comment on top.
    let fixture = files::load_questionnaire(&data("small-questionnaire.ron")).expect("valid");
    assert_eq!(fixture, questionnaire());
}

#[test]
fn duplicate_dimension_id() {
    let mut q = questionnaire();
    let mut copy = q.dimensions[1].clone();
    copy.id = "comm".into();
    copy.name = "Communication again".into();
    q.dimensions.push(copy);
    let (text, problem) = only_problem(&q);
    assert_eq!(problem.message, "duplicate dimension id \"comm\"");
    // At the second dimension with that id, not the first.
    assert_eq!(problem.line, nth_line_of(&text, "id: \"comm\"", 1));
    assert_ne!(problem.line, line_of(&text, "id: \"comm\""));
}

#[test]
fn duplicate_question_id() {
    let mut q = questionnaire();
    q.questions[3].id = "v1".into(); // v2 renamed v1
    let (text, problem) = only_problem(&q);
    assert_eq!(problem.message, "duplicate question id \"v1\"");
    assert_eq!(problem.line, nth_line_of(&text, "id: \"v1\"", 1));
    // The column points at the id's value: `            id: "v1",` → the quote is at 17.
    assert_eq!(problem.col, 17);
}

#[test]
fn question_in_an_unknown_dimension() {
    let mut q = questionnaire();
    q.questions[5].dimension = "strategy".into();
    let (text, problem) = only_problem(&q);
    assert_eq!(
        problem.message,
        "question \"k2\" is in unknown dimension \"strategy\""
    );
    assert_eq!(problem.line, line_of(&text, "dimension: \"strategy\""));
}

#[test]
fn missing_level_description() {
    let mut q = questionnaire();
    q.questions[2].levels[2] = "   ".into(); // v1: level 3 left blank
    let (text, problem) = only_problem(&q);
    assert_eq!(
        problem.message,
        "question \"v1\" describes 4 of 5 levels; every level needs a description"
    );
    assert_eq!(problem.line, line_of(&text, "id: \"v1\""));

    let mut q = questionnaire();
    q.questions[4].levels.pop(); // k1: no description for level 5 at all
    let (text, problem) = only_problem(&q);
    assert_eq!(
        problem.message,
        "question \"k1\" describes 4 of 5 levels; every level needs a description"
    );
    assert_eq!(problem.line, line_of(&text, "id: \"k1\""));
}

#[test]
fn zero_and_negative_weights() {
    let mut q = questionnaire();
    q.questions[0].weight = 0.0;
    let (text, problem) = only_problem(&q);
    assert_eq!(
        problem.message,
        "question \"c1\" has weight 0; weights must be positive"
    );
    assert_eq!(problem.line, line_of(&text, "id: \"c1\""));

    let mut q = questionnaire();
    q.questions[1].weight = -1.5;
    let (text, problem) = only_problem(&q);
    assert_eq!(
        problem.message,
        "question \"c2\" has weight -1.5; weights must be positive"
    );
    assert_eq!(problem.line, line_of(&text, "id: \"c2\""));

    let mut q = questionnaire();
    q.dimensions[1].weight = 0.0;
    let (text, problem) = only_problem(&q);
    assert_eq!(
        problem.message,
        "dimension \"value\" has weight 0; weights must be positive"
    );
    assert_eq!(problem.line, line_of(&text, "id: \"value\""));

    let mut q = questionnaire();
    q.dimensions[2].weight = -3.0;
    let (_, problem) = only_problem(&q);
    assert_eq!(
        problem.message,
        "dimension \"culture\" has weight -3; weights must be positive"
    );
}

#[test]
fn empty_questionnaire() {
    let mut q = questionnaire();
    q.dimensions.clear();
    q.questions.clear();
    let (text, found) = problems(&q);
    let messages: Vec<&str> = found.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "the questionnaire has no dimensions",
            "the questionnaire has no questions"
        ]
    );
    assert_eq!(found[0].line, line_of(&text, "dimensions: []"));
    assert_eq!(found[1].line, line_of(&text, "questions: []"));
}

#[test]
fn dimensions_without_questions() {
    let mut q = questionnaire();
    q.questions.clear();
    let (text, found) = problems(&q);
    let messages: Vec<&str> = found.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "the questionnaire has no questions",
            "dimension \"comm\" has no questions",
            "dimension \"value\" has no questions",
            "dimension \"culture\" has no questions",
        ]
    );
    assert_eq!(found[0].line, line_of(&text, "questions: []"));
    assert_eq!(found[2].line, line_of(&text, "id: \"value\""));
}

/// The description mentions the field's name before the field itself: the problem must still
/// point at the field, not at the prose. The shipped questionnaires do this ("Nine dimensions,
/// two questions each" in cio-self-check.ron's header comment).
#[test]
fn a_missing_field_is_reported_at_the_field_not_at_a_word_in_the_prose() {
    let mut q = questionnaire();
    q.description = "Three dimensions, six questions, five levels each.".into();
    q.dimensions.clear();
    q.questions.clear();
    let (text, found) = problems(&q);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].message, "the questionnaire has no dimensions");
    assert_eq!(
        found[0].line,
        line_of(&text, "dimensions: []"),
        "points at the description"
    );
    assert_eq!(
        found[1].line,
        line_of(&text, "questions: []"),
        "points at the description"
    );
}

#[test]
fn unknown_field_is_a_ron_error_at_its_line() {
    // A misspelt field must not silently become the default weight of 1.
    let text = questionnaire_ron(&questionnaire());
    let c2 = text.find("id: \"c2\"").unwrap();
    let at = c2 + text[c2..].find("weight: 3.0").unwrap();
    let mut misspelt = text.clone();
    misspelt.replace_range(at..at + "weight".len(), "wieght");
    let (line, col, message) = syntax_error(&misspelt);
    assert_eq!(line, line_of(&misspelt, "wieght"), "{message}");
    assert!(col > 0);
    assert!(message.contains("wieght"), "{message}");

    // The same for a field no questionnaire has.
    let extra = text.replacen(
        "    estimated_minutes: 10,",
        "    estimated_minutes: 10,\n    author: \"me\",",
        1,
    );
    let (line, _, message) = syntax_error(&extra);
    assert_eq!(line, line_of(&extra, "author:"), "{message}");
    assert!(message.contains("author"), "{message}");
}

#[test]
fn missing_required_field_is_a_ron_error() {
    let text = questionnaire_ron(&questionnaire());
    let without = text.replacen("    language: \"en\",\n", "", 1);
    assert_ne!(without, text);
    let (_, _, message) = syntax_error(&without);
    assert!(message.contains("language"), "{message}");
}

#[test]
fn slope_zones_out_of_order() {
    let mut q = questionnaire();
    q.slope.zones[3].from = 2.0; // Converged now starts below Integrated (2.6)
    let (text, problem) = only_problem(&q);
    assert_eq!(
        problem.message,
        "zone \"Converged\" starts at 2; zones start between 1 and 5, in increasing order"
    );
    assert_eq!(problem.line, line_of(&text, "name: \"Converged\""));

    let mut q = questionnaire();
    q.slope.zones.swap(1, 2); // Integrated (2.6) listed before Aligned (1.8)
    let (text, problem) = only_problem(&q);
    assert!(
        problem
            .message
            .starts_with("zone \"Aligned\" starts at 1.8;"),
        "{}",
        problem.message
    );
    assert_eq!(problem.line, line_of(&text, "name: \"Aligned\""));

    let mut q = questionnaire();
    q.slope.zones[4].from = 5.5; // off the slope
    let (_, problem) = only_problem(&q);
    assert!(
        problem.message.starts_with("zone \"Fused\" starts at 5.5;"),
        "{}",
        problem.message
    );
}

#[test]
fn the_slope_starts_at_1() {
    let mut q = questionnaire();
    q.slope.zones[0].from = 1.5;
    let (text, problem) = only_problem(&q);
    assert_eq!(
        problem.message,
        "the first zone \"Silos\" must start at 1.0, the bottom of the slope"
    );
    assert_eq!(problem.line, line_of(&text, "name: \"Silos\""));
}

#[test]
fn improvements_outside_the_scale() {
    let mut q = questionnaire();
    q.dimensions[0].improvements[3].from = 5; // there is no level 6 to climb to
    let (text, problem) = only_problem(&q);
    assert_eq!(
        problem.message,
        "dimension \"comm\" has improvements from level 5; they run from 1 to 4"
    );
    assert_eq!(problem.line, line_of(&text, "id: \"comm\""));
}

#[test]
fn a_questions_improvements_outside_the_scale_twice_or_blank() {
    let mut q = questionnaire();
    let step = |from: u8, action: &str| Improvement {
        from,
        actions: vec![action.into()],
    };
    q.questions[1].improvements = vec![step(0, "Climb from nothing"), step(2, "Do it")];
    q.questions[2].improvements = vec![step(3, "Once"), step(3, "Twice")];
    q.questions[3].improvements = vec![step(4, "  ")];
    let (text, found) = problems(&q);
    let messages: Vec<&str> = found.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "question \"c2\" has improvements from level 0; they run from 1 to 4",
            "question \"v1\" has two lists of improvements from level 3",
            "question \"v2\" has an empty improvement action from level 4",
        ]
    );
    assert_eq!(found[0].line, line_of(&text, "id: \"c2\""));
    assert_eq!(found[2].line, line_of(&text, "id: \"v2\""));
}

#[test]
fn a_mirrored_question_is_asked_of_both_sides_in_both_wordings() {
    let mut q = questionnaire();
    let mirror = |it: &str, business: &str| {
        Some(Mirror {
            it: it.into(),
            business: business.into(),
        })
    };
    q.questions[0].mirror = mirror(
        "We understand the business.",
        "IT understands our business.",
    );
    q.questions[1].mirror = mirror("We deliver on time.", "");
    q.questions[1].audience = Audience::Both;
    q.questions[4].mirror = mirror("We listen.", "IT listens.");
    q.questions[4].audience = Audience::It;
    let (text, found) = problems(&q);
    let messages: Vec<&str> = found.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "question \"c2\" has a mirror without the wording for each side",
            "question \"k1\" is worded for each side but asked of one; its audience must be Both",
        ]
    );
    assert_eq!(found[1].line, line_of(&text, "id: \"k1\""));
}

#[test]
fn audience_core_and_improvements_read_from_ron() {
    // The fixture on disk was written before audiences, as a consultant's older file would be.
    let fixture = std::fs::read_to_string(data("small-questionnaire.ron")).expect("fixture");
    let text = fixture.replacen(
        "            text: \"How does c1 look today?\",",
        "            text: \"How does c1 look today?\",\n            audience: It,\n            core: true,\n            \
         improvements: [(from: 2, actions: [\"Do one thing.\"])],",
        1,
    );
    let q = files::parse_questionnaire(&text, Path::new("edited.ron")).expect("valid");
    let c1 = &q.questions[0];
    assert_eq!((c1.audience, c1.core), (Audience::It, true));
    assert_eq!(c1.actions_from(2), ["Do one thing."]);
    assert!(c1.actions_from(1).is_empty());
    // A file written before audiences asks everyone, and nothing is core.
    let c2 = &q.questions[1];
    assert_eq!((c2.audience, c2.core), (Audience::Both, false));
    // A misspelt audience is refused, not taken for Both.
    let wrong = text.replacen("audience: It,", "audience: Itt,", 1);
    assert!(files::parse_questionnaire(&wrong, Path::new("edited.ron")).is_err());
}

#[test]
fn problems_are_printed_as_file_line_col_message() {
    let mut q = questionnaire();
    q.questions[5].dimension = "strategy".into();
    let text = questionnaire_ron(&q);
    let err = files::parse_questionnaire(&text, Path::new("q/edited.ron")).expect_err("invalid");
    let line = line_of(&text, "dimension: \"strategy\"");
    assert_eq!(
        err.to_string(),
        format!("q/edited.ron:{line}:24: question \"k2\" is in unknown dimension \"strategy\"")
    );
}

#[test]
fn a_syntax_error_is_reported_at_its_line_and_column() {
    let text = std::fs::read_to_string(data("questionnaire-syntax-error.ron")).unwrap();
    let (line, col, message) = syntax_error(&text);
    assert_eq!(line, line_of(&text, "weight: heavy"), "{message}");
    // `            weight: heavy,`: the value starts at column 21; RON's span starts just
    // after the colon, at 20 (see the next test for when that matters).
    assert!((20..=21).contains(&col), "column {col}");
    assert_eq!(message, "Expected float");
}

/// A value written on the line after its field is wrong on that line, not on the field's:
/// RON's error span starts right after the colon, before the whitespace, and
/// `FileError::from_ron` takes that start as the position.
#[test]
fn a_value_on_the_line_after_its_field_is_reported_on_its_own_line() {
    let text = questionnaire_ron(&questionnaire());
    let broken = text.replacen(
        "    estimated_minutes: 10,",
        "    estimated_minutes:\n        ten,",
        1,
    );
    let (line, col, message) = syntax_error(&broken);
    assert_eq!((line, col), (line_of(&broken, "ten,"), 9), "{message}");
}
