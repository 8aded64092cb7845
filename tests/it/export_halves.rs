//! The halves of one form export, imported separately and merged, give exactly what the whole
//! export imported at once gives: the same participants (ids and made-up names included) and
//! the same scores. For Google Forms (with and without e-mail), Microsoft Forms and
//! LimeSurvey, each with and without a Side column; anonymous respondents ("Respondent N")
//! are never taken for one another. Exports are built here: 18 respondents, among them two
//! who typed the same name on the same side, one in each half (both kept, and said so).

use std::path::{Path, PathBuf};
use std::process::Command;

use convergence::files::csv_import::{import, match_columns, read_table};
use convergence::files::{self, MergeSource, Unclear, merge_assessments};
use convergence::model::{Assessment, Participant, Questionnaire};
use convergence::scoring;

const RESPONDENTS: usize = 18;

fn mini_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/csv/mini.ron")
}

fn mini() -> Questionnaire {
    files::load_questionnaire(&mini_path()).expect("mini.ron loads")
}

/// The form layouts: a name for messages and how each writes its header and rows.
#[derive(Clone, Copy, Debug)]
enum Layout {
    GoogleWithEmail,
    GoogleAnonymous,
    MicrosoftForms,
    LimeSurvey,
}

const LAYOUTS: [Layout; 4] = [
    Layout::GoogleWithEmail,
    Layout::GoogleAnonymous,
    Layout::MicrosoftForms,
    Layout::LimeSurvey,
];

const QUESTION_TEXTS: [&str; 6] = [
    "How often do IT and business leaders meet to discuss priorities?",
    "Does IT explain its work in business terms?",
    "Is the value of IT measured by the usage of what it delivers?",
    "Does IT coach the business to use new capabilities?",
    "Who sets IT priorities, in practice?",
    "Are IT targets agreed with the business?",
];

/// Respondent `n` (0-based): rows 4 and 13 are both "Ann Lee" on the IT side; in the
/// Microsoft Forms layout every third one is "anonymous".
fn typed_name(n: usize) -> Option<String> {
    match n {
        3 | 12 => Some("Ann Lee".to_owned()),
        _ if n % 3 == 1 => None,
        _ => Some(format!("Person {n}")),
    }
}

fn side(n: usize) -> &'static str {
    if n.is_multiple_of(2) || n == 3 || n == 12 {
        "IT"
    } else {
        "Business"
    }
}

/// Answers of respondent `n`: six current levels and two targets, varied but repeatable.
fn answers(n: usize) -> Vec<String> {
    let level = |k: usize| ((n * 7 + k * 3) % 5 + 1).to_string();
    let mut cells: Vec<String> = (0..6).map(level).collect();
    if n.is_multiple_of(5) {
        cells[2] = "Don't know".into();
    }
    cells.extend([(n % 2 + 4).to_string(), "5".to_owned()]);
    cells
}

fn quoted(cells: &[String]) -> String {
    cells
        .iter()
        .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(",")
}

impl Layout {
    fn header(self, with_side: bool) -> Vec<String> {
        let mut cells: Vec<String> = match self {
            Layout::GoogleWithEmail => vec!["Timestamp".into(), "Email Address".into()],
            Layout::GoogleAnonymous => vec!["Timestamp".into(), "Your name".into()],
            Layout::MicrosoftForms => ["ID", "Start time", "Completion time", "Email", "Name"]
                .map(String::from)
                .to_vec(),
            Layout::LimeSurvey => ["id", "submitdate", "lastpage", "startlanguage", "seed"]
                .map(String::from)
                .to_vec(),
        };
        if with_side {
            cells.push("Side".into());
        }
        match self {
            Layout::LimeSurvey => {
                cells.extend(
                    ["com01", "com02", "val01", "val02", "gov01", "gov02"].map(String::from),
                );
                cells.extend(["target[com01]", "target[com02]"].map(String::from));
            }
            _ => {
                let grid = |title: &str, text: &str| format!("{title} [{text}]");
                cells.extend(
                    QUESTION_TEXTS
                        .iter()
                        .map(|t| grid("How mature is it today?", t)),
                );
                cells.extend(QUESTION_TEXTS[..2].iter().map(|t| grid("Target level", t)));
            }
        }
        cells
    }

    fn row(self, n: usize, with_side: bool) -> Vec<String> {
        // Everyone sends at the same second: a timestamp must not tell people apart.
        let time = "2024/03/01 10:15:00 AM GMT+1".to_owned();
        let name = typed_name(n);
        let mut cells: Vec<String> = match self {
            Layout::GoogleWithEmail => vec![time, format!("person{}@example.org", n % 17)],
            Layout::GoogleAnonymous => vec![time, name.unwrap_or_default()],
            Layout::MicrosoftForms => vec![
                (n + 1).to_string(),
                "3/4/24 9:01:12".into(),
                "3/4/24 9:07:40".into(),
                "anonymous".into(),
                name.unwrap_or_else(|| "anonymous".into()),
            ],
            Layout::LimeSurvey => vec![
                (n + 101).to_string(),
                "2024-03-05 14:02:11".into(),
                "3".into(),
                "en".into(),
                "42".into(),
            ],
        };
        if with_side {
            cells.push(side(n).into());
        }
        cells.extend(answers(n));
        cells
    }

    /// The export with respondents `rows`, header first.
    fn csv(self, with_side: bool, rows: std::ops::Range<usize>) -> String {
        let mut text = quoted(&self.header(with_side)) + "\r\n";
        for n in rows {
            text += &(quoted(&self.row(n, with_side)) + "\r\n");
        }
        text
    }
}

/// The assessment an import of `csv` into an empty one gives, as `import-csv` writes it.
fn imported(q: &Questionnaire, csv: &str) -> Assessment {
    let table = read_table(csv).expect("the export reads");
    let roles = match_columns(q, &table.headers);
    let report = import(q, &table, &roles, &[]);
    assert!(!report.has_errors(), "{:#?}", report.problems);
    let mut assessment = Assessment::new(q.clone());
    assessment.participants = report.participants;
    assessment
}

fn score_json(assessment: &Assessment) -> serde_json::Value {
    serde_json::to_value(scoring::score(assessment)).expect("scores encode")
}

fn summary(people: &[Participant]) -> Vec<(String, String, String)> {
    people
        .iter()
        .map(|p| (p.id.clone(), p.name.clone(), p.external_id.clone()))
        .collect()
}

#[test]
fn halves_of_each_export_merge_into_the_whole() {
    let q = mini();
    for layout in LAYOUTS {
        for with_side in [true, false] {
            let case = format!("{layout:?}, side column: {with_side}");
            let whole = imported(&q, &layout.csv(with_side, 0..RESPONDENTS));
            let half = |rows| MergeSource {
                path: PathBuf::from(format!("{layout:?}-{rows:?}.ron")),
                assessment: imported(&q, &layout.csv(with_side, rows)),
            };
            let merged = merge_assessments(vec![half(0..9), half(9..RESPONDENTS)])
                .unwrap_or_else(|e| panic!("{case}: {e}"));
            let people = &merged.assessment.participants;
            assert_eq!(
                people.len(),
                whole.participants.len(),
                "{case}: everyone kept"
            );
            assert_eq!(summary(people), summary(&whole.participants), "{case}");
            assert_eq!(people, &whole.participants, "{case}");
            assert_eq!(score_json(&merged.assessment), score_json(&whole), "{case}");
            expect_reports(layout, with_side, &merged, &case);
        }
    }
}

/// What the merge says about the two Ann Lees (rows 4 and 13): never that one was left out.
/// The one left out is person0@, who answers twice with the same e-mail (rows 1 and 18).
fn expect_reports(layout: Layout, with_side: bool, merged: &files::Merged, case: &str) {
    let left_out: Vec<&str> = merged.duplicates.iter().map(|d| d.name.as_str()).collect();
    let expected: &[&str] = match layout {
        Layout::GoogleWithEmail => &["person0@example.org"],
        _ => &[],
    };
    assert_eq!(left_out, expected, "{case}");
    let typed_names = !matches!(layout, Layout::LimeSurvey | Layout::GoogleWithEmail);
    let expected: Vec<Unclear> = match (typed_names, with_side, layout) {
        (false, _, _) => vec![],
        // Both Ann Lees have a response id of their own.
        (true, _, Layout::MicrosoftForms) => vec![Unclear::OtherResponse],
        (true, true, _) => vec![Unclear::NoResponseId],
        // Without a Side column both count as Business: still the same name and side.
        (true, false, _) => vec![Unclear::NoResponseId],
    };
    let found: Vec<Unclear> = merged.unclear.iter().map(|u| u.why.clone()).collect();
    assert_eq!(found, expected, "{case}: {:?}", merged.report_lines());
    for unclear in &merged.unclear {
        let line = unclear.to_string();
        assert!(
            line.contains("\"Ann Lee\"") && line.contains("kept both"),
            "{line}"
        );
    }
}

#[test]
fn the_same_respondent_in_both_halves_is_kept_once_as_the_whole_import_does() {
    // Google Forms identifies by e-mail: person0@ answers as respondent 0 and again as 17.
    let q = mini();
    let layout = Layout::GoogleWithEmail;
    let whole = imported(&q, &layout.csv(true, 0..RESPONDENTS));
    assert_eq!(
        whole.participants.len(),
        RESPONDENTS - 1,
        "the repeat is skipped"
    );
    let half = |rows| MergeSource {
        path: PathBuf::from("half.ron"),
        assessment: imported(&q, &layout.csv(true, rows)),
    };
    let merged = merge_assessments(vec![half(0..9), half(9..RESPONDENTS)]).unwrap();
    assert_eq!(merged.assessment.participants, whole.participants);
    assert_eq!(merged.duplicates.len(), 1);
    assert!(
        merged.report_lines()[0].contains("same form response \"person0@example.org\""),
        "{:?}",
        merged.report_lines()
    );
}

#[test]
fn the_same_ids_from_another_export_are_other_people() {
    // Two LimeSurvey surveys numbered from the same start: same ids, other forms.
    let q = mini();
    let first = imported(&q, &Layout::LimeSurvey.csv(true, 0..9));
    let other_form = Layout::LimeSurvey
        .csv(true, 0..9)
        .replacen("\"seed\"", "\"Seed\"", 1);
    let second = imported(&q, &other_form);
    let merged = merge_assessments(vec![
        MergeSource {
            path: "a.ron".into(),
            assessment: first,
        },
        MergeSource {
            path: "b.ron".into(),
            assessment: second,
        },
    ])
    .unwrap();
    assert_eq!(merged.assessment.participants.len(), 18);
    assert!(merged.duplicates.is_empty() && merged.unclear.is_empty());
}

fn convergence(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_convergence"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// The issue's own case: an anonymous LimeSurvey export without a Side column, imported in
/// two halves with the command line and merged, scores as the whole export.
#[test]
fn command_line_halves_of_an_anonymous_export_score_as_the_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name);
    let layout = Layout::LimeSurvey;
    for (name, rows) in [("all", 0..RESPONDENTS), ("a", 0..9), ("b", 9..RESPONDENTS)] {
        std::fs::write(path(&format!("{name}.csv")), layout.csv(false, rows)).unwrap();
        let out = convergence(&[
            "import-csv",
            "-q",
            arg(&mini_path()),
            arg(&path(&format!("{name}.csv"))),
            "-o",
            arg(&path(&format!("{name}.ron"))),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = convergence(&[
        "merge",
        arg(&path("a.ron")),
        arg(&path("b.ron")),
        "-o",
        arg(&path("merged.ron")),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("18 participants") && err.contains("duplicates left out: 0"),
        "{err}"
    );
    let score = |name: &str| {
        let out = convergence(&["score", arg(&path(name)), "--format", "json"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(score("merged.ron"), score("all.ron"));
    let merged = files::load_assessment(&path("merged.ron")).unwrap();
    let whole = files::load_assessment(&path("all.ron")).unwrap();
    assert_eq!(merged.participants, whole.participants);
}
