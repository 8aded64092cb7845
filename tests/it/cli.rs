//! The `convergence` command line, run as a user would: `validate` (exit codes and
//! `FILE:LINE:COL: message` diagnostics), `questionnaire list/show`, and `score` (JSON output
//! worked by hand, aggregation rules, unknown scores as null, files from a newer version).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use convergence::model::{Audience, Improvement};
use serde_json::Value;

use crate::support::{data, line_of};

/// Runs the binary with `args` from the package folder.
fn convergence(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_convergence"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 on stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 on stderr")
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// Splits `FILE:LINE:COL: message` (the file given as `file`).
#[track_caller]
fn diagnostic<'a>(line: &'a str, file: &Path) -> (usize, usize, &'a str) {
    let rest = line
        .strip_prefix(path_arg(file))
        .and_then(|rest| rest.strip_prefix(':'))
        .unwrap_or_else(|| panic!("{line:?} does not start with {}:", file.display()));
    let mut parts = rest.splitn(3, ':');
    let mut number = || parts.next().and_then(|n| n.parse::<usize>().ok());
    let (line_no, col) = (number(), number());
    let message = parts.next().and_then(|m| m.strip_prefix(' '));
    match (line_no, col, message) {
        (Some(l), Some(c), Some(m)) => (l, c, m),
        _ => panic!("{line:?} is not FILE:LINE:COL: message"),
    }
}

/// `convergence score FILE --format json [extra…]`, expecting success.
#[track_caller]
fn score_json(file: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["score", path_arg(file), "--format", "json"];
    args.extend(extra);
    let output = convergence(&args);
    assert!(
        output.status.success(),
        "{args:?} failed: {}",
        stderr(&output)
    );
    serde_json::from_str(&stdout(&output)).expect("stdout is JSON")
}

#[track_caller]
fn assert_num(value: &Value, expected: f64) {
    let actual = value
        .as_f64()
        .unwrap_or_else(|| panic!("expected {expected}, got {value}"));
    assert!(
        (actual - expected).abs() < 1e-6,
        "expected {expected}, got {actual}"
    );
}

fn dimension<'a>(scores: &'a Value, id: &str) -> &'a Value {
    scores["dimensions"]
        .as_array()
        .expect("dimensions is an array")
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("no dimension {id}"))
}

// ---------------------------------------------------------------------------------------------
// validate

#[test]
fn validate_accepts_a_good_questionnaire_and_a_good_assessment() {
    for file in ["small-questionnaire.ron", "assessment-v1.ron"] {
        let output = convergence(&["validate", path_arg(&data(file))]);
        assert_eq!(output.status.code(), Some(0), "{file}: {}", stderr(&output));
        assert_eq!(stderr(&output), "", "{file}");
    }
}

#[test]
fn validate_reports_a_syntax_error_as_file_line_col_message() {
    let file = data("questionnaire-syntax-error.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let output = convergence(&["validate", path_arg(&file)]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    let (line, col, message) = diagnostic(lines[0], &file);
    assert_eq!(line, line_of(&text, "weight: heavy"));
    assert!((20..=21).contains(&col), "column {col}");
    assert_eq!(message, "Expected float");
    assert_eq!(stdout(&output), "");
}

#[test]
fn validate_reports_a_semantic_error_as_file_line_col_message() {
    let file = data("questionnaire-unknown-dimension.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let output = convergence(&["validate", path_arg(&file)]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    let (line, col, message) = diagnostic(err.lines().next().expect("a diagnostic"), &file);
    assert_eq!(line, line_of(&text, "dimension: \"strategy\""));
    // `            dimension: "strategy",`: the value's quote is at column 24.
    assert_eq!(col, 24);
    assert_eq!(
        message,
        "question \"k2\" is in unknown dimension \"strategy\""
    );
}

#[test]
fn validate_checks_every_file_and_fails_if_any_is_bad() {
    let good = data("small-questionnaire.ron");
    let bad = data("questionnaire-unknown-dimension.ron");
    let output = convergence(&["validate", path_arg(&good), path_arg(&bad), path_arg(&good)]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with(path_arg(&bad)), "{err}");
}

#[test]
fn validate_reports_an_assessment_from_a_newer_version() {
    let file = data("assessment-newer.ron");
    let output = convergence(&["validate", path_arg(&file)]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.starts_with(&format!("{}: written by a newer version", file.display())),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// questionnaire list / show

#[test]
fn questionnaire_show_json_of_a_file() {
    let output = convergence(&[
        "questionnaire",
        "show",
        path_arg(&data("small-questionnaire.ron")),
        "--format",
        "json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let shown: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(shown["id"], "small-test");
    let dimensions: Vec<(&str, &str, f64)> = shown["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap(),
                d["name"].as_str().unwrap(),
                d["weight"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        dimensions,
        [
            ("comm", "Communication", 2.0),
            ("value", "Value from usage", 1.0),
            ("culture", "People and culture", 3.0)
        ]
    );
    let questions = shown["questions"].as_array().unwrap();
    let ids: Vec<&str> = questions
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["c1", "c2", "v1", "v2", "k1", "k2"]);
    assert_eq!(questions[1]["dimension"], "comm");
    assert_eq!(questions[1]["text"], "How does c2 look today?");
    assert_eq!(questions[1]["weight"], 3.0);
}

#[test]
fn questionnaire_show_json_of_the_builtin_self_check() {
    let list = convergence(&["questionnaire", "list"]);
    assert!(list.status.success(), "{}", stderr(&list));
    assert!(
        stdout(&list)
            .lines()
            .any(|l| l.starts_with("cio-self-check ")),
        "{}",
        stdout(&list)
    );

    let output = convergence(&[
        "questionnaire",
        "show",
        "cio-self-check",
        "--format",
        "json",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let shown: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(shown["id"], "cio-self-check");
    let dimensions = shown["dimensions"].as_array().expect("dimensions");
    assert!(!dimensions.is_empty());
    let mut ids = Vec::new();
    for d in dimensions {
        assert!(d["id"].is_string() && d["name"].is_string(), "{d}");
        assert!(d["weight"].as_f64().is_some_and(|w| w > 0.0), "{d}");
        ids.push(d["id"].as_str().unwrap());
    }
    let questions = shown["questions"].as_array().expect("questions");
    assert!(!questions.is_empty());
    for q in questions {
        assert!(
            q["id"].is_string() && q["text"].as_str().is_some_and(|t| !t.is_empty()),
            "{q}"
        );
        assert!(q["weight"].as_f64().is_some_and(|w| w > 0.0), "{q}");
        let dimension = q["dimension"].as_str().expect("dimension");
        assert!(ids.contains(&dimension), "{q} is in an unknown dimension");
        assert!(
            ["both", "it", "business"].contains(&q["audience"].as_str().unwrap_or("")),
            "{q}"
        );
        assert!(q["core"].is_boolean(), "{q}");
        assert_eq!(q["levels"].as_array().map(Vec::len), Some(5), "{q}");
        assert!(q["improvements"].is_array(), "{q}");
    }
    for list in ["business_roles", "it_roles", "channels"] {
        let entries = shown["touchpoints"][list].as_array().expect(list);
        assert!(!entries.is_empty(), "{list}");
        assert!(
            entries
                .iter()
                .all(|e| e["id"].is_string() && e["name"].is_string()),
            "{list}"
        );
    }
}

/// Item by item what `questionnaire show --format json` promises for each question: its
/// audience, whether it is core, its levels lowest first and its own improvements.
#[test]
fn questionnaire_show_json_gives_audience_core_levels_improvements_and_touchpoints() {
    let mut q = crate::support::questionnaire();
    q.questions[0].audience = Audience::It;
    q.questions[0].core = true;
    q.questions[0].improvements = vec![Improvement {
        from: 2,
        actions: vec!["Name an owner.".into(), "Meet monthly.".into()],
    }];
    q.questions[3].audience = Audience::Business;
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("edited.ron");
    std::fs::write(&file, crate::support::questionnaire_ron(&q)).expect("written");

    let output = convergence(&["questionnaire", "show", path_arg(&file), "--format", "json"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let shown: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let c1 = &shown["questions"][0];
    assert_eq!(c1["audience"], "it");
    assert_eq!(c1["core"], true);
    assert_eq!(
        c1["levels"],
        serde_json::json!([
            "c1 at level 1",
            "c1 at level 2",
            "c1 at level 3",
            "c1 at level 4",
            "c1 at level 5"
        ])
    );
    assert_eq!(
        c1["improvements"],
        serde_json::json!([{"from": 2, "actions": ["Name an owner.", "Meet monthly."]}])
    );
    let audiences: Vec<&str> = shown["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["audience"].as_str().unwrap())
        .collect();
    assert_eq!(
        audiences,
        ["it", "both", "both", "business", "both", "both"]
    );
    assert_eq!(shown["questions"][1]["core"], false);
    assert_eq!(shown["questions"][1]["improvements"], serde_json::json!([]));
    assert_eq!(
        shown["touchpoints"]["business_roles"][1],
        serde_json::json!({"id": "bu-head", "name": "Business unit head"})
    );
    assert_eq!(shown["touchpoints"]["it_roles"][0]["name"], "CIO");
    assert_eq!(shown["touchpoints"]["channels"][1]["id"], "sla-review");
}

#[test]
fn questionnaire_show_of_an_unknown_id_fails_naming_it() {
    let output = convergence(&["questionnaire", "show", "no-such-questionnaire"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("no-such-questionnaire"),
        "{}",
        stderr(&output)
    );
}

// ---------------------------------------------------------------------------------------------
// score
//
// tests/data/assessment-v1.ron (support::sample_assessment):
//   c1: 5, 2 (IT), 1 (business)    c2: 5, 4 (IT), 4 (business)    targets 5
//   v1: 3, 3, 3 (target 4)          v2: 5, 5, 5 (target 5)          culture: nobody
//   one touchpoint: strategic, weekly at 4 today (index 1.621381), daily at 5 as target
//   (index 1.727709).

#[test]
fn score_json_worked_by_hand() {
    let scores = score_json(&data("assessment-v1.ron"), &[]);
    let o = &scores["overall"];
    // c1 = 8/3, c2 = 13/3; comm = (8/3 + 13/3 × 3) / 4 = 47/12 = 3.916667
    // value = (3 + 5) / 2 = 4; overall = (47/12 × 2 + 4 × 1) / 3 = 3.944444
    assert_num(&o["current"], (47.0 / 6.0 + 4.0) / 3.0);
    // targets: comm 5, value (4 + 5) / 2 = 4.5; overall (10 + 4.5) / 3 = 4.833333
    assert_num(&o["target"], 14.5 / 3.0);
    assert_num(&o["gap"], 14.5 / 3.0 - (47.0 / 6.0 + 4.0) / 3.0);
    assert_num(&o["engagement"], 1.621381);
    // The file predates the mark: its one touchpoint is a map in progress, so the slope is the
    // practice score, 3.944444 (Converged, 3.4–4.2). With the map it would be
    // 0.7 × 3.944444 + 0.3 × 1.621381 = 3.247526 (Integrated): provisional.
    assert_eq!(o["map"], "in_progress");
    assert_num(&o["slope"], (47.0 / 6.0 + 4.0) / 3.0);
    assert_eq!(o["zone"], "Converged");
    assert_num(&o["provisional"]["slope"], 3.247526);
    assert_eq!(o["provisional"]["zone"], "Integrated");
    // Comm and value answered, culture not; c1, c2, v1, v2 have levels, k1 and k2 none.
    assert_eq!(
        o["coverage"],
        serde_json::json!({"dimensions_answered": 2, "dimensions": 3, "questions_answered": 4, "questions": 6})
    );
    assert_eq!(o["zone_provisional"], false);
    // IT: comm (3.5 + 4.5 × 3) / 4 = 4.25, value 4 → (8.5 + 4) / 3 = 4.166667
    // business: comm (1 + 4 × 3) / 4 = 3.25, value 4 → (6.5 + 4) / 3 = 3.5
    // One business participant is one view, not a side's perception: no perception gap.
    assert_num(&o["it"], 12.5 / 3.0);
    assert_num(&o["business"], 3.5);
    assert!(o["perception_gap"].is_null(), "{}", o["perception_gap"]);

    let comm = dimension(&scores, "comm");
    assert_eq!(comm["name"], "Communication");
    assert_num(&comm["current"], 47.0 / 12.0);
    assert_num(&comm["target"], 5.0);
    assert_num(&comm["gap"], 5.0 - 47.0 / 12.0);
    assert_num(&comm["it"], 4.25);
    assert_num(&comm["business"], 3.25);
    assert!(comm["perception_gap"].is_null());
    assert_eq!(comm["answered"], 2);
    // spread of 5, 2, 1, 5, 4, 4: mean 3.5, squares 2.25 + 2.25 + 6.25 + 2.25 + 0.25 + 0.25
    // = 13.5, variance 13.5 / 5 = 2.7
    assert_eq!(comm["spread"]["count"], 6);
    assert_eq!(comm["spread"]["respondents"], 3);
    assert_num(&comm["spread"]["sd"], 2.7f64.sqrt());
    assert_num(&comm["spread"]["min"], 1.0);
    assert_num(&comm["spread"]["max"], 5.0);
    // 90% interval: t(5) = 2.015, half-width 2.015 × √2.7 / √6 = 2.015 × √0.45 = 1.351703
    // around 47/12, clipped at 5.
    let interval = comm["interval"].as_array().expect("an interval");
    assert_num(&interval[0], 47.0 / 12.0 - 2.015 * 0.45f64.sqrt());
    assert_num(&interval[1], 5.0);

    let value = dimension(&scores, "value");
    assert_num(&value["current"], 4.0);
    assert!(value["perception_gap"].is_null());
    // 3, 3, 3, 5, 5, 5: variance 6 / 5, half-width 2.015 × √1.2 / √6 = 2.015 × √0.2 = 0.901136.
    let interval = value["interval"].as_array().expect("an interval");
    assert_num(&interval[0], 4.0 - 2.015 * 0.2f64.sqrt());
    assert_num(&interval[1], 4.0 + 2.015 * 0.2f64.sqrt());

    // Nobody gave culture a level: every score is null, never 0.
    let culture = dimension(&scores, "culture");
    for field in [
        "current",
        "target",
        "gap",
        "it",
        "business",
        "perception_gap",
    ] {
        assert!(
            culture[field].is_null(),
            "culture.{field} = {}",
            culture[field]
        );
    }
    assert_eq!(culture["answered"], 0);
    assert!(culture["spread"]["sd"].is_null());
    assert!(culture["interval"].is_null());
}

#[test]
fn score_with_no_answers_is_null_not_zero() {
    let scores = score_json(&data("assessment-no-answers.ron"), &[]);
    let o = &scores["overall"];
    for field in [
        "current",
        "target",
        "gap",
        "it",
        "business",
        "perception_gap",
        "engagement",
        "slope",
        "zone",
    ] {
        assert!(o[field].is_null(), "overall.{field} = {}", o[field]);
    }
    for d in scores["dimensions"].as_array().unwrap() {
        assert!(
            d["current"].is_null() && d["target"].is_null() && d["gap"].is_null(),
            "{d}"
        );
        assert_eq!(d["answered"], 0);
    }
    assert_eq!(scores["gaps"], serde_json::json!([]));
}

#[test]
fn aggregation_option_changes_the_result_as_worked_by_hand() {
    let file = data("assessment-v1.ron");
    let median = score_json(&file, &["--aggregation", "median"]);
    assert_eq!(median["aggregation"], "Median");
    // c1 = median(5, 2, 1) = 2, c2 = median(5, 4, 4) = 4: comm = (2 + 4 × 3) / 4 = 3.5
    // overall = (3.5 × 2 + 4) / 3 = 3.666667, and the slope with it (the map is not marked
    // complete); with the map it would be 0.7 × 3.666667 + 0.3 × 1.621381 = 3.053081
    assert_num(&dimension(&median, "comm")["current"], 3.5);
    assert_num(&median["overall"]["current"], 11.0 / 3.0);
    assert_num(&median["overall"]["slope"], 11.0 / 3.0);
    assert_eq!(median["overall"]["zone"], "Converged");
    assert_num(&median["overall"]["provisional"]["slope"], 3.053081);
    assert_eq!(median["overall"]["provisional"]["zone"], "Integrated");

    let weakest = score_json(&file, &["--aggregation", "weakest-link"]);
    assert_eq!(weakest["aggregation"], "WeakestLink");
    // comm = min(8/3, 13/3) = 2.666667, value = min(3, 5) = 3
    // overall = (8/3 × 2 + 3) / 3 = 25/9 = 2.777778 (Integrated); with the map it would be
    // 0.7 × 2.777778 + 0.486414 = 2.430859 (Aligned)
    assert_num(&dimension(&weakest, "comm")["current"], 8.0 / 3.0);
    assert_num(&dimension(&weakest, "value")["current"], 3.0);
    assert_num(&weakest["overall"]["current"], 25.0 / 9.0);
    assert_num(&weakest["overall"]["slope"], 25.0 / 9.0);
    assert_eq!(weakest["overall"]["zone"], "Integrated");
    assert_num(&weakest["overall"]["provisional"]["slope"], 2.430859);
    assert_eq!(weakest["overall"]["provisional"]["zone"], "Aligned");

    // Without the option, the rule saved in the file (Mean).
    let saved = score_json(&file, &[]);
    assert_eq!(saved["aggregation"], "Mean");
    let mean = score_json(&file, &["--aggregation", "mean"]);
    assert_eq!(saved["overall"], mean["overall"]);
}

#[test]
fn score_table_is_the_default_format() {
    let output = convergence(&["score", path_arg(&data("assessment-v1.ron"))]);
    assert!(output.status.success(), "{}", stderr(&output));
    let table = stdout(&output);
    for line in [
        "Slope position 3.94 (Converged)",
        "3.9 — Converged, from 2 of 3 dimensions (4 of 6 questions); answered by 2 people from IT and 1 from the business",
        "The touchpoint map is being drawn (engagement 1.62, provisional): with it the position would be 3.25 — Integrated.",
        "Aggregation: mean",
    ] {
        assert!(table.contains(line), "{line:?} not in\n{table}");
    }
    assert!(table.contains("Communication"), "{table}");
    assert!(
        table.contains("1. Communication"),
        "the largest gap comes first:\n{table}"
    );
}

#[test]
fn score_refuses_a_file_from_a_newer_version() {
    let file = data("assessment-newer.ron");
    let output = convergence(&["score", path_arg(&file), "--format", "json"]);
    assert!(!output.status.success());
    assert_eq!(stdout(&output), "", "nothing half-scored on stdout");
    let err = stderr(&output);
    let supported = format!("format {}", convergence::model::FORMAT_VERSION);
    for needle in [path_arg(&file), "newer version", "99", &supported] {
        assert!(err.contains(needle), "{needle:?} not in {err:?}");
    }
}

#[test]
fn score_of_a_missing_file_fails_naming_it() {
    let file: PathBuf = data("no-such-assessment.ron");
    let output = convergence(&["score", path_arg(&file)]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains(path_arg(&file)),
        "{}",
        stderr(&output)
    );
}
