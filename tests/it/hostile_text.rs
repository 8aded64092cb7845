//! Text from files never drives the terminal: escape sequences, NULs, C1 controls and
//! bidirectional overrides in names, titles, headings and ids come out of the command line as
//! visible `\uXXXX`, in tables, JSON and messages alike.

use std::path::Path;
use std::process::{Command, Output};

use convergence::files::assessment_to_ron;

use crate::support::{add_participant, assessment, lv, questionnaire, questionnaire_ron};

const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\0\u{9b}1m\u{202e}gpj.exe\u{2066}";
const SHOWN: &str = "\\u001B]0;pwned\\u0007\\u001B[2J\\u0000\\u009B1m\\u202Egpj.exe\\u2066";

fn convergence(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_convergence"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

#[track_caller]
fn assert_shown(bytes: &[u8]) -> String {
    let text = assert_no_raw_controls(bytes);
    assert!(text.contains(SHOWN), "{text}");
    text
}

#[track_caller]
fn assert_no_raw_controls(bytes: &[u8]) -> String {
    let text = String::from_utf8(bytes.to_vec()).expect("UTF-8");
    for c in ['\u{1b}', '\0', '\u{7}', '\u{9b}', '\u{202e}', '\u{2066}'] {
        assert!(!text.contains(c), "raw {c:?} in {text:?}");
    }
    text
}

#[test]
fn score_tables_json_and_questionnaires_show_control_characters_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = assessment();
    a.organisation = HOSTILE.into();
    a.questionnaire.dimensions[0].name = format!("Comm {HOSTILE}");
    add_participant(
        &mut a,
        convergence::model::Side::It,
        &[("c1", lv(3), lv(4))],
    );
    let path = dir.path().join("a.ron");
    std::fs::write(&path, assessment_to_ron(&a, &path).unwrap()).unwrap();

    let out = convergence(&["score", arg(&path)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_shown(&out.stdout);
    // JSON has its own escapes for C0 controls (`\u001b`); the others are escaped here.
    let out = convergence(&["score", arg(&path), "--format", "json"]);
    let json = assert_no_raw_controls(&out.stdout);
    let value: serde_json::Value = serde_json::from_str(&json).expect("still JSON");
    let name = value["dimensions"][0]["name"].as_str().unwrap();
    assert_eq!(name, format!("Comm {HOSTILE}"), "the same data");

    let mut q = questionnaire();
    q.title = HOSTILE.into();
    q.questions[0].text = HOSTILE.into();
    let q_path = dir.path().join("q.ron");
    std::fs::write(&q_path, questionnaire_ron(&q)).unwrap();
    let out = convergence(&["questionnaire", "show", arg(&q_path)]);
    assert!(out.status.success());
    assert_shown(&out.stdout);
    let out = convergence(&["questionnaire", "show", arg(&q_path), "--format", "json"]);
    assert_no_raw_controls(&out.stdout);
}

#[test]
fn messages_quoting_a_file_show_control_characters_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let mut q = questionnaire();
    q.dimensions[0].id = HOSTILE.into();
    let q_path = dir.path().join("q.ron");
    std::fs::write(&q_path, questionnaire_ron(&q)).unwrap();
    let out = convergence(&["validate", arg(&q_path)]);
    assert_eq!(out.status.code(), Some(1));
    assert_shown(&out.stderr);

    // A CSV heading, reported as an ignored column; and the error `score` stops with.
    let csv = dir.path().join("r.csv");
    std::fs::write(&csv, format!("Name,\"{HOSTILE}\",c1\nAnn,x,3\n")).unwrap();
    let q_path = dir.path().join("good.ron");
    std::fs::write(&q_path, questionnaire_ron(&questionnaire())).unwrap();
    let out_path = dir.path().join("out.ron");
    let out = convergence(&[
        "import-csv",
        "-q",
        arg(&q_path),
        arg(&csv),
        "-o",
        arg(&out_path),
    ]);
    assert_shown(&out.stderr);
    let mut a = assessment();
    add_participant(&mut a, convergence::model::Side::It, &[]);
    add_participant(&mut a, convergence::model::Side::It, &[]);
    for p in &mut a.participants {
        p.id = HOSTILE.into();
    }
    let path = dir.path().join("a.ron");
    std::fs::write(&path, assessment_to_ron(&a, &path).unwrap()).unwrap();
    let out = convergence(&["score", arg(&path)]);
    assert_eq!(out.status.code(), Some(1));
    assert_shown(&out.stderr);
}
