//! `convergence portfolio` worked by hand, and its position line. A folder of the small
//! questionnaire's assessments, one IT participant each answering every question of a dimension
//! at one level (a dash: not answered):
//!
//! | file                   | organisation | date       | comm | value | culture | practice |
//! | ---------------------- | ------------ | ---------- | ---- | ----- | ------- | -------- |
//! | acme-2023.ron          | Acme Ltd     | 2023-01-10 | 1    | 1     | 1       | (earlier)|
//! | acme-2024.ron          | ACME  ltd    | 2024-01-10 | 3    | 4     | 3       | 19/6     |
//! | sub/beta.ron           | Beta         | 2024-02-01 | 2    | 4     | 3       | 17/6     |
//! | sub/deeper/gamma.ron   | Gamma        | 2024-03-01 | 3    | —     | 3       | 15/5 = 3 |
//! | delta.ron              | Delta        | 2024-04-01 | 5    | 1     | 3       | 20/6     |
//!
//! plus a file that does not parse, one with "next tuesday" for a date, a questionnaire, a
//! text file and an assessment under `.git` (hidden: not read).
//!
//! Percentiles (share of the *other* organisations lower, ties half): comm — Acme: others
//! 2, 3, 5 → (1 + ½) / 3 = 50; Beta 0; Gamma 50; Delta 100. Value — Acme: others 4, 1 →
//! (1 + ½) / 2 = 75; Beta 75; Delta 0; Gamma none. Culture — all tied: 50 each.
//! Quartiles: comm [2, 3, 3, 5] → Q1 at rank 0.75 = 2.75, median 3, Q3 at rank 2.25 = 3.5;
//! value [1, 4, 4] → 2.5, 4, 4; culture 3, 3, 3.

use std::path::Path;

use convergence::files;
use convergence::portfolio::{self, read_portfolio};
use serde_json::{Value, json};

use crate::support::{questionnaire, questionnaire_ron};
use crate::trend::{answered, arg, close, convergence, json_of, text};

/// The folder of the module doc.
pub fn portfolio_folder() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path();
    std::fs::create_dir_all(root.join("sub/deeper")).unwrap();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    let save = |name: &str, organisation: &str, date: &str, levels: [Option<u8>; 3]| {
        let a = answered(organisation, date, levels);
        files::save_assessment(&a, &root.join(name)).unwrap();
    };
    save(
        "acme-2023.ron",
        "Acme Ltd",
        "2023-01-10",
        [Some(1), Some(1), Some(1)],
    );
    save(
        "acme-2024.ron",
        "ACME  ltd",
        "2024-01-10",
        [Some(3), Some(4), Some(3)],
    );
    save(
        "sub/beta.ron",
        "Beta",
        "2024-02-01",
        [Some(2), Some(4), Some(3)],
    );
    save(
        "sub/deeper/gamma.ron",
        "Gamma",
        "2024-03-01",
        [Some(3), None, Some(3)],
    );
    save(
        "delta.ron",
        "Delta",
        "2024-04-01",
        [Some(5), Some(1), Some(3)],
    );
    save(
        ".git/stale.ron",
        "Stale",
        "2030-01-01",
        [Some(5), Some(5), Some(5)],
    );
    std::fs::write(
        root.join("broken.ron"),
        "(format_version: 3, organisation: \"X\"",
    )
    .unwrap();
    let bad_date = files::assessment_to_ron(&answered("Epsilon", "2024-01-01", [Some(1); 3]), root)
        .unwrap()
        .replace("\"2024-01-01\"", "\"next tuesday\"");
    std::fs::write(root.join("sub/bad-date.ron"), bad_date).unwrap();
    std::fs::write(
        root.join("questionnaire.ron"),
        questionnaire_ron(&questionnaire()),
    )
    .unwrap();
    std::fs::write(root.join("notes.txt"), "not an assessment").unwrap();
    folder
}

fn portfolio_json(folder: &Path) -> Value {
    json_of(&["portfolio", arg(folder), "--format", "json"])
}

#[test]
fn portfolio_json_ranks_each_organisation_once_by_its_latest_assessment() {
    let folder = portfolio_folder();
    let root = folder.path();
    let portfolio = portfolio_json(root);
    let entries = portfolio["assessments"].as_array().unwrap();
    let who: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| {
            (
                e["organisation"].as_str().unwrap(),
                e["date"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        who,
        [
            ("ACME  ltd", "2024-01-10"),
            ("Beta", "2024-02-01"),
            ("Delta", "2024-04-01"),
            ("Gamma", "2024-03-01")
        ]
    );
    let acme = &entries[0];
    assert_eq!(acme["file"], arg(&root.join("acme-2024.ron")));
    assert_eq!(acme["questionnaire"], "small-test");
    close(&acme["slope"], 19.0 / 6.0);
    close(&acme["current"], 19.0 / 6.0);
    assert_eq!(
        acme["dimensions"],
        json!({"comm": 3.0, "value": 4.0, "culture": 3.0})
    );
    assert_eq!(
        acme["percentiles"],
        json!({"comm": 50.0, "value": 75.0, "culture": 50.0})
    );
    assert_eq!(
        entries[1]["percentiles"],
        json!({"comm": 0.0, "value": 75.0, "culture": 50.0})
    );
    assert_eq!(
        entries[2]["percentiles"],
        json!({"comm": 100.0, "value": 0.0, "culture": 50.0})
    );
    assert_eq!(entries[3]["dimensions"]["value"], Value::Null);
    assert_eq!(
        entries[3]["percentiles"],
        json!({"comm": 50.0, "value": null, "culture": 50.0})
    );
    close(&entries[3]["slope"], 3.0);
    assert_eq!(
        portfolio["dimensions"],
        json!([
            {"questionnaire": "small-test", "id": "comm", "n": 4, "quartiles": [2.75, 3.0, 3.5]},
            {"questionnaire": "small-test", "id": "value", "n": 3, "quartiles": [2.5, 4.0, 4.0]},
            {"questionnaire": "small-test", "id": "culture", "n": 4, "quartiles": [3.0, 3.0, 3.0]},
        ])
    );
}

#[test]
fn files_that_do_not_load_are_listed_and_never_stop_the_run() {
    let folder = portfolio_folder();
    let root = folder.path();
    let portfolio = portfolio_json(root);
    let errors = portfolio["errors"].as_array().unwrap();
    let files: Vec<&str> = errors.iter().map(|e| e["file"].as_str().unwrap()).collect();
    let expected: Vec<String> = ["broken.ron", "questionnaire.ron", "sub/bad-date.ron"]
        .iter()
        .map(|name| arg(&root.join(name)).to_string())
        .collect();
    assert_eq!(files, expected);
    let message = |i: usize| errors[i]["message"].as_str().unwrap();
    assert!(
        message(0).starts_with("1:"),
        "line and column, no file name: {}",
        message(0)
    );
    assert_eq!(message(1), "a questionnaire, not an assessment; left out");
    assert!(
        message(2).contains("the date \"next tuesday\" is not a date; write it YYYY-MM-DD"),
        "{}",
        message(2)
    );
    assert!(!message(2).contains("bad-date.ron"), "{}", message(2));
    assert_eq!(portfolio["assessments"].as_array().unwrap().len(), 4);
}

#[test]
fn portfolio_csv_has_a_row_per_organisation_with_scores_and_percentiles() {
    let folder = portfolio_folder();
    let output = convergence(&["portfolio", arg(folder.path()), "--format", "csv"]);
    assert!(output.status.success());
    let csv = text(&output.stdout);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "file,organisation,date,questionnaire,slope,current,comm,comm percentile,value,value percentile,culture,culture percentile"
    );
    assert_eq!(lines.len(), 5);
    assert_eq!(
        lines[4],
        format!(
            "{},Gamma,2024-03-01,small-test,3.00,3.00,3.00,50.0,,,3.00,50.0",
            arg(&folder.path().join("sub/deeper/gamma.ron"))
        )
    );
    // The files left out are named on stderr.
    assert_eq!(
        text(&output.stderr).lines().count(),
        3,
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn portfolio_table_shows_organisations_quartiles_errors_and_the_literature_unstretched() {
    let folder = portfolio_folder();
    let output = convergence(&["portfolio", arg(folder.path())]);
    assert!(output.status.success());
    let table = text(&output.stdout);
    assert!(
        table.contains(": 4 organisations (1 earlier assessments counted by a later one); 3 files could not be read"),
        "{table}"
    );
    let squeezed: Vec<String> = table
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert!(
        squeezed.contains(&"Delta 2024-04-01 3.33 3.33 100 0 50".to_string()),
        "{table}"
    );
    assert!(
        squeezed.contains(&"D1 Communication 4 2.75 3.00 3.50".to_string()),
        "{table}"
    );
    assert!(
        table.contains(
            "Luftman and Kempaiah (2007) found most of the 197 organisations they measured"
        )
    );
    assert!(table.contains("no norms per criterion exist to quote"));
}

#[test]
fn a_missing_folder_stops_with_a_message_naming_it() {
    let folder = tempfile::tempdir().unwrap();
    let missing = folder.path().join("nowhere");
    let output = convergence(&["portfolio", arg(&missing)]);
    assert!(!output.status.success());
    assert!(text(&output.stderr).contains(arg(&missing)));
}

#[test]
fn an_organisations_position_among_the_others_with_its_questionnaire() {
    let folder = portfolio_folder();
    let portfolio = read_portfolio(folder.path()).unwrap();
    // Beta is in the folder: it is compared with the other three. Their slopes 19/6, 3, 20/6
    // are all above its 17/6: 0%; their median 19/6.
    let beta = answered("beta", "2024-06-01", [Some(2), Some(4), Some(3)]);
    let position =
        portfolio::position(&portfolio, &beta, &convergence::scoring::score(&beta)).unwrap();
    assert_eq!(position.among, 4);
    assert_eq!(
        position.sentence(),
        "Your position among 4 organisations assessed with this questionnaire: slope 2.83, above 0% of the other 3 (ties counted half; their median 3.17)."
    );
    // A newcomer at 3 sits among all four: below Acme and Delta, tied with Gamma, above Beta.
    let newcomer = answered("Zeta", "2024-06-01", [Some(3), Some(3), Some(3)]);
    let position = portfolio::position(
        &portfolio,
        &newcomer,
        &convergence::scoring::score(&newcomer),
    )
    .unwrap();
    assert_eq!(
        (position.among, position.percentile),
        (5, 100.0 * 1.5 / 4.0)
    );
    // Another questionnaire has no one to compare with.
    let mut other = newcomer.clone();
    other.questionnaire.id = "another".into();
    assert!(
        portfolio::position(&portfolio, &other, &convergence::scoring::score(&other)).is_none()
    );
}
