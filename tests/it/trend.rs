//! `convergence trend` worked by hand: three assessments of the small questionnaire given out
//! of order, ordered by date; the dimensions that moved; the touchpoint map then and now; the
//! actions completed in between; a questionnaire version with one question reworded.
//!
//! One IT participant answers every question of a dimension at one level, so each dimension's
//! score is that level, and practice = (2 × comm + 1 × value + 3 × culture) / 6:
//!
//! | date       | comm | value | culture | practice      |
//! | ---------- | ---- | ----- | ------- | ------------- |
//! | 2023-03-01 | 2    | 3     | 1       | 10/6 = 1.6667 |
//! | 2024-03-01 | 3    | 3     | 2       | 15/6 = 2.5    |
//! | 2025-03-01 | 4    | 2     | 3       | 19/6 = 3.1667 |
//!
//! No map is marked complete, so the slope is the practice score.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use convergence::files;
use convergence::model::{ActionItem, ActionStatus, Answer, Assessment, Frequency, Level, Side};
use serde_json::{Value, json};

use crate::support::{add_participant, assessment, lv, touchpoint};

/// `convergence ARGS…`.
pub fn convergence(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_convergence"))
        .args(args)
        .output()
        .expect("the binary runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

pub fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// The small questionnaire answered by one IT participant at `comm`, `value`, `culture`.
pub fn answered(organisation: &str, date: &str, levels: [Option<u8>; 3]) -> Assessment {
    let mut a = assessment();
    a.organisation = organisation.into();
    a.date = date.into();
    let questions = [["c1", "c2"], ["v1", "v2"], ["k1", "k2"]];
    let answers: Vec<(&str, Answer, Answer)> = questions
        .iter()
        .zip(levels)
        .filter_map(|(ids, level)| level.map(|l| ids.map(|id| (id, lv(l), Answer::Blank))))
        .flatten()
        .collect();
    add_participant(&mut a, Side::It, &answers);
    a
}

fn action(text: &str, status: ActionStatus) -> ActionItem {
    ActionItem {
        text: text.into(),
        owner: "CIO".into(),
        status,
        ..ActionItem::default()
    }
}

/// The three rounds of Acme Ltd described in the module doc, with maps and plans.
pub fn rounds() -> [Assessment; 3] {
    use ActionStatus::*;
    use Frequency::*;
    let mut first = answered("Acme Ltd", "2023-03-01", [Some(2), Some(3), Some(1)]);
    first.touchpoints = vec![
        touchpoint(
            "ceo",
            "cio",
            Level::Strategic,
            "steering",
            (Weekly, Some(4)),
            (Daily, Some(5)),
        ),
        touchpoint(
            "user",
            "desk",
            Level::Operational,
            "service-desk",
            (Daily, Some(3)),
            (Daily, Some(4)),
        ),
        touchpoint(
            "bu-head",
            "cio",
            Level::Tactical,
            "sla-review",
            (Monthly, Some(4)),
            (Monthly, Some(4)),
        ),
        // Wanted, never happening: not on the map of today.
        touchpoint(
            "bu-head",
            "partner",
            Level::Tactical,
            "joint-team",
            (None, Option::None),
            (Monthly, Some(4)),
        ),
    ];
    first.actions = vec![
        action("Monthly café", Agreed),
        action("Publish the wins", Done),
    ];
    let mut second = answered("Acme Ltd", "2024-03-01", [Some(3), Some(3), Some(2)]);
    second.touchpoints = first.touchpoints.clone();
    second.actions = vec![
        action("Monthly café", InProgress),
        action("Publish the wins", Done),
        action("Joint roadmap", Done),
    ];
    let mut third = answered("Acme Ltd", "2025-03-01", [Some(4), Some(2), Some(3)]);
    third.touchpoints = vec![
        touchpoint(
            "ceo",
            "cio",
            Level::Strategic,
            "steering",
            (Daily, Some(5)),
            (Daily, Some(5)),
        ),
        touchpoint(
            "bu-head",
            "cio",
            Level::Tactical,
            "sla-review",
            (Quarterly, Some(4)),
            (Monthly, Some(4)),
        ),
        touchpoint(
            "bu-head",
            "partner",
            Level::Tactical,
            "joint-team",
            (Monthly, Some(4)),
            (Monthly, Some(4)),
        ),
    ];
    third.actions = vec![
        action("Monthly café", Done),
        action("Publish the wins", Done),
        action("Joint roadmap", Done),
    ];
    [first, second, third]
}

/// Saves the assessments as `name.ron` in a new folder; the paths in the order given.
pub fn saved(assessments: &[(&str, &Assessment)]) -> (tempfile::TempDir, Vec<PathBuf>) {
    let folder = tempfile::tempdir().unwrap();
    let paths = assessments
        .iter()
        .map(|(name, a)| {
            let path = folder.path().join(format!("{name}.ron"));
            files::save_assessment(a, &path).unwrap();
            path
        })
        .collect();
    (folder, paths)
}

/// `convergence ARGS…`, which must succeed, its JSON output read.
#[track_caller]
pub fn json_of(args: &[&str]) -> Value {
    let output = convergence(args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        text(&output.stderr)
    );
    serde_json::from_str(&text(&output.stdout)).expect("JSON")
}

#[track_caller]
fn trend_json(paths: &[PathBuf]) -> Value {
    let mut args = vec!["trend"];
    args.extend(paths.iter().map(|p| arg(p)));
    args.extend(["--format", "json"]);
    json_of(&args)
}

/// Asserts that a JSON number is the hand-worked figure.
#[track_caller]
pub fn close(value: &Value, expected: f64) {
    let v = value
        .as_f64()
        .unwrap_or_else(|| panic!("{value} is not a number"));
    assert!((v - expected).abs() < 1e-9, "expected {expected}, got {v}");
}

#[test]
fn trend_json_orders_by_date_and_names_what_moved_most() {
    let [first, second, third] = rounds();
    // Given newest first: the trend orders them by date.
    let (_folder, paths) = saved(&[("c", &third), ("a", &first), ("b", &second)]);
    let trend = trend_json(&paths);
    let points = trend["assessments"].as_array().unwrap();
    let dates: Vec<&str> = points.iter().map(|p| p["date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2023-03-01", "2024-03-01", "2025-03-01"]);
    assert_eq!(points[0]["file"], arg(&paths[1]));
    for (point, practice) in points.iter().zip([10.0 / 6.0, 2.5, 19.0 / 6.0]) {
        close(&point["current"], practice);
        close(&point["slope"], practice);
        assert_eq!(point.as_object().unwrap().len(), 5, "{point}");
    }
    assert_eq!(
        points[0]["dimensions"],
        json!({"comm": 2.0, "value": 3.0, "culture": 1.0})
    );
    assert_eq!(
        points[2]["dimensions"],
        json!({"comm": 4.0, "value": 2.0, "culture": 3.0})
    );
    // comm and culture both +2: equal changes keep the questionnaire's order.
    assert_eq!(
        trend["improved"],
        json!([{"dimension": "comm", "change": 2.0}, {"dimension": "culture", "change": 2.0}])
    );
    assert_eq!(
        trend["declined"],
        json!([{"dimension": "value", "change": -1.0}])
    );
}

#[test]
fn trend_shows_the_map_then_and_now_and_the_actions_completed_in_between() {
    let [first, second, third] = rounds();
    let (_folder, paths) = saved(&[("a", &first), ("b", &second), ("c", &third)]);
    let trend = trend_json(&paths);
    let map = &trend["touchpoints"];
    let names = |list: &Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|t| {
                format!(
                    "{} – {}",
                    t["business_role"].as_str().unwrap(),
                    t["it_role"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(
        names(&map["added"]),
        ["Business unit head – Business relationship manager"]
    );
    assert_eq!(names(&map["removed"]), ["End user – Service desk agent"]);
    assert_eq!(names(&map["strengthened"]), ["Chief executive – CIO"]);
    assert_eq!(names(&map["weakened"]), ["Business unit head – CIO"]);
    assert_eq!(
        map["strengthened"][0]["before"],
        json!({"frequency": "Weekly", "effectiveness": 4})
    );
    assert_eq!(
        map["strengthened"][0]["after"],
        json!({"frequency": "Daily", "effectiveness": 5})
    );
    assert_eq!(
        trend["completed_actions"],
        json!([
            {"text": "Joint roadmap", "owner": "CIO", "done_by": "2024-03-01"},
            {"text": "Monthly café", "owner": "CIO", "done_by": "2025-03-01"},
        ])
    );
    assert_eq!(trend["notes"], json!([]));
}

#[test]
fn trend_table_gives_positions_by_date_moves_map_and_actions() {
    let [first, second, third] = rounds();
    let (_folder, paths) = saved(&[("c", &third), ("a", &first), ("b", &second)]);
    let output = convergence(&["trend", arg(&paths[0]), arg(&paths[1]), arg(&paths[2])]);
    assert!(output.status.success());
    let table = text(&output.stdout);
    assert!(
        table.starts_with("Trend of Acme Ltd: 3 assessments, 2023-03-01 to 2025-03-01\n"),
        "{table}"
    );
    let line = |start: &str| {
        table
            .lines()
            .find(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no line {start:?} in\n{table}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(line("Slope position"), "Slope position 1.67 2.50 3.17");
    assert_eq!(line("Communication"), "Communication 2.00 3.00 4.00");
    assert_eq!(line("  Value from usage"), "Value from usage -1.00");
    assert!(table.contains("  added: Business unit head – Business relationship manager, tactical, Joint project team: monthly, effectiveness 4 of 5\n"), "{table}");
    assert!(table.contains("  strengthened: Chief executive – CIO, strategic, Steering committee: weekly, effectiveness 4 of 5 → daily, effectiveness 5 of 5\n"), "{table}");
    assert!(
        table.contains("  done by 2024-03-01: Joint roadmap (CIO)\n"),
        "{table}"
    );
}

#[test]
fn versions_are_compared_on_the_questions_they_share_with_a_note() {
    // 2023, version 1.0: c1 at 2 and c2 at 4 → comm (2 + 3 × 4) / 4 = 3.5 over both questions.
    let mut older = answered("Acme Ltd", "2023-03-01", [Some(2), Some(3), Some(3)]);
    older.participants[0]
        .responses
        .get_mut("c2")
        .unwrap()
        .current = lv(4);
    // 2025, version 1.1: c2 reworded and v3 added; c1 and c2 at 3 → comm 3.
    let mut newer = answered("Acme Ltd", "2025-03-01", [Some(3), Some(3), Some(3)]);
    let q = &mut newer.questionnaire;
    q.version = "1.1".into();
    q.questions[1].text = "How do IT and the business talk about plans?".into();
    let mut v3 = q.questions[2].clone();
    v3.id = "v3".into();
    q.questions.insert(4, v3);
    let (_folder, paths) = saved(&[("old", &older), ("new", &newer)]);
    let trend = trend_json(&paths);
    // Compared on c1 alone: 2 → 3, +1; over both it would have looked like 3.5 → 3.
    assert_eq!(trend["assessments"][0]["dimensions"]["comm"], 2.0);
    assert_eq!(trend["assessments"][1]["dimensions"]["comm"], 3.0);
    assert_eq!(
        trend["improved"],
        json!([{"dimension": "comm", "change": 1.0}])
    );
    assert_eq!(trend["declined"], json!([]));
    assert_eq!(
        trend["notes"],
        json!([
            "The questionnaire changed from small-test 1.0 (2023-03-01) to small-test 1.1 (2025-03-01): questions changed: c2; questions added: v3.",
            "Compared on the 5 questions in 3 dimensions that every assessment asked in the same words."
        ])
    );
}

#[test]
fn trend_refuses_an_undated_assessment_and_a_bad_file_naming_them() {
    let [first, second, _] = rounds();
    let mut undated = second.clone();
    undated.date.clear();
    let (folder, paths) = saved(&[("a", &first), ("undated", &undated)]);
    let output = convergence(&["trend", arg(&paths[0]), arg(&paths[1])]);
    assert!(!output.status.success());
    assert!(
        text(&output.stderr).contains(&format!("{}: the assessment has no date", arg(&paths[1])))
    );
    assert!(output.stdout.is_empty());

    let broken = folder.path().join("broken.ron");
    std::fs::write(&broken, "(format_version: 3,").unwrap();
    let output = convergence(&["trend", arg(&paths[0]), arg(&broken)]);
    assert!(!output.status.success());
    assert!(
        text(&output.stderr).contains(arg(&broken)),
        "{}",
        text(&output.stderr)
    );

    let output = convergence(&["trend", arg(&paths[0])]);
    assert!(!output.status.success(), "one assessment is no trend");
}
