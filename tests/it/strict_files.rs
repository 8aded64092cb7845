//! Strict files: opening an assessment and `validate` report what a hand-edited or damaged
//! file holds, each as `FILE:LINE:COL: message` naming the id — participants sharing an id,
//! answers to questions the questionnaire lacks, levels off the scale (earlier rounds too),
//! touchpoints off the catalogue, effectiveness off 1–5, weights so large scoring would
//! overflow, unknown fields. `score` and `merge` refuse such files; a byte-order mark is fine;
//! a file's kind is found by parsing it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use convergence::files::{self, Document, FileError, assessment_to_ron, parse_assessment};
use convergence::model::{Assessment, Frequency, Level, Round, Side};

use crate::support::{
    add_participant, assessment, data, lv, questionnaire, questionnaire_ron, touchpoint,
};

fn ron_of(assessment: &Assessment) -> String {
    assessment_to_ron(assessment, Path::new("x.ron")).expect("encodes")
}

/// The problems of `text` as an assessment, each with the text at its position.
#[track_caller]
fn problems_at(text: &str) -> Vec<(String, String)> {
    let err = parse_assessment(text, Path::new("edited.ron")).expect_err("a problem");
    let FileError::Invalid { problems, .. } = err else {
        panic!("expected problems, got {err:?}");
    };
    problems
        .iter()
        .map(|p| {
            let line = text.lines().nth(p.line - 1).expect("a real line");
            let at: String = line.chars().skip(p.col - 1).collect();
            (p.message.clone(), at.trim_end_matches(',').to_owned())
        })
        .collect()
}

/// An assessment with two participants answering c1.
fn two_people() -> Assessment {
    let mut a = assessment();
    add_participant(&mut a, Side::It, &[("c1", lv(3), lv(4))]);
    add_participant(&mut a, Side::Business, &[("c1", lv(2), lv(5))]);
    a
}

#[test]
fn a_participant_id_used_twice_is_reported_at_the_second() {
    let mut a = two_people();
    a.participants[1].id = "p1".into();
    let found = problems_at(&ron_of(&a));
    assert_eq!(
        found,
        [(
            "participant id \"p1\" is also participant 1's; ids must differ".to_owned(),
            "\"p1\"".to_owned()
        )]
    );
    let text = ron_of(&a);
    let line = text
        .match_indices("id: \"p1\"")
        .nth(1)
        .map(|(at, _)| at)
        .unwrap();
    let expected_line = text[..line].matches('\n').count() + 1;
    let err = parse_assessment(&text, Path::new("edited.ron")).unwrap_err();
    assert!(
        err.to_string()
            .starts_with(&format!("edited.ron:{expected_line}:")),
        "{err}"
    );
}

#[test]
fn answers_to_questions_the_questionnaire_lacks_are_reported_at_the_key() {
    let mut a = two_people();
    a.participants[1]
        .responses
        .insert("zz-9".into(), Default::default());
    a.participants[1].responses.get_mut("zz-9").unwrap().current = lv(2);
    let found = problems_at(&ron_of(&a));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].0,
        "participant \"p2\" answers question \"zz-9\", which the questionnaire does not have"
    );
    assert!(
        found[0].1.starts_with("zz-9=2/-"),
        "at its entry: {found:?}"
    );
    // In the long form (a comment keeps it there), at the key.
    a.participants[1].responses.get_mut("zz-9").unwrap().comment = "hm".into();
    let found = problems_at(&ron_of(&a));
    assert!(found[0].1.starts_with("\"zz-9\": ("), "{found:?}");
}

#[test]
fn levels_off_the_scale_are_reported_in_earlier_rounds_too() {
    let mut a = two_people();
    let response = a.participants[0].responses.get_mut("c1").unwrap();
    response.earlier_rounds = vec![
        Round {
            current: lv(2),
            target: lv(6),
        },
        Round {
            current: lv(0),
            target: lv(3),
        },
    ];
    let found = problems_at(&ron_of(&a));
    assert_eq!(
        found,
        [
            (
                "participant \"p1\" answered 6 to \"c1\" in round 1; levels run from 1 to 5".into(),
                "Level(6)".into()
            ),
            (
                "participant \"p1\" answered 0 to \"c1\" in round 2; levels run from 1 to 5".into(),
                "Level(0)".into()
            ),
        ]
    );
}

#[test]
fn touchpoints_off_the_catalogue_or_the_effectiveness_scale_are_reported() {
    let mut a = two_people();
    let good = touchpoint(
        "ceo",
        "cio",
        Level::Strategic,
        "steering",
        (Frequency::Monthly, Some(3)),
        (Frequency::Monthly, Some(4)),
    );
    let mut bad = good.clone();
    bad.business_role = "janitor".into();
    bad.channel = "pigeon".into();
    bad.today.effectiveness = Some(9);
    bad.target.effectiveness = Some(0);
    a.touchpoints = vec![good, bad];
    let found = problems_at(&ron_of(&a));
    let expected = [
        (
            "touchpoint 2 (janitor – cio): business role \"janitor\" is not in the questionnaire's catalogue",
            "\"janitor\"",
        ),
        (
            "touchpoint 2 (janitor – cio): channel \"pigeon\" is not in the questionnaire's catalogue",
            "\"pigeon\"",
        ),
        ("touchpoint 2 (janitor – cio): effectiveness 9 today; it runs from 1 to 5", "Some(9)"),
        ("touchpoint 2 (janitor – cio): effectiveness 0 target; it runs from 1 to 5", "Some(0)"),
    ]
    .map(|(m, at)| (m.to_owned(), at.to_owned()));
    assert_eq!(found, expected);
}

#[test]
fn weights_so_large_that_scoring_would_overflow_are_refused() {
    let mut q = questionnaire();
    q.questions[0].weight = 1e300;
    q.dimensions[2].weight = f64::MAX;
    let text = questionnaire_ron(&q);
    let err = files::parse_questionnaire(&text, Path::new("heavy.ron")).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("dimension \"culture\" has weight")
            && message.contains("question \"c1\" has weight 1e300; weights run up to 1000000"),
        "{message}"
    );
    // The largest weight allowed still scores to finite figures.
    let mut a = two_people();
    a.questionnaire.questions[0].weight = convergence::validate::MAX_WEIGHT;
    a.questionnaire.dimensions[0].weight = convergence::validate::MAX_WEIGHT;
    let a = parse_assessment(&ron_of(&a), Path::new("ok.ron")).expect("the cap itself is fine");
    let scores = convergence::scoring::score(&a);
    assert!(scores.overall.current.is_some_and(f64::is_finite));
}

#[test]
fn unknown_fields_are_errors_at_their_line() {
    let text = ron_of(&two_people());
    let edited = text.replacen("  side: It,", "  side: It,\n      nickname: \"Bo\",", 1);
    assert_ne!(edited, text);
    let err = parse_assessment(&edited, Path::new("edited.ron")).unwrap_err();
    let FileError::Syntax { line, message, .. } = &err else {
        panic!("expected a syntax error, got {err:?}");
    };
    assert!(message.contains("nickname"), "{message}");
    let expected = edited.lines().position(|l| l.contains("nickname")).unwrap() + 1;
    assert_eq!(*line, expected);
}

fn convergence(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_convergence"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn score_and_merge_refuse_an_invalid_file_and_validate_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = two_people();
    a.participants[1].id = "p1".into();
    let bad = write(dir.path(), "bad.ron", &ron_of(&a));
    let good = write(dir.path(), "good.ron", &ron_of(&two_people()));
    let out = convergence(&["score", arg(&bad)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing scored");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{}:", bad.display())) && err.contains("\"p1\""),
        "{err}"
    );

    let out = convergence(&["validate", arg(&good), arg(&bad)]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let prefix = format!("{}:", bad.display());
    let line = err
        .lines()
        .find(|l| l.starts_with(&prefix))
        .expect("a diagnostic");
    let position: Vec<&str> = line[prefix.len()..].splitn(3, ':').collect();
    assert!(position[0].parse::<usize>().unwrap() > 1 && position[1].parse::<usize>().unwrap() > 1);

    // Merge never drops an unknown field silently: it refuses the file.
    let unknown = ron_of(&two_people()).replacen("  side: It,", "  side: It,\n  mood: 1,", 1);
    let unknown = write(dir.path(), "unknown.ron", &unknown);
    let merged = dir.path().join("merged.ron");
    let out = convergence(&["merge", arg(&good), arg(&unknown), "-o", arg(&merged)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("mood"));
    assert!(!merged.exists());
}

#[test]
fn a_byte_order_mark_is_fine_in_a_questionnaire_and_an_assessment() {
    let dir = tempfile::tempdir().unwrap();
    let q_text = format!("\u{feff}{}", questionnaire_ron(&questionnaire()));
    let q_path = write(dir.path(), "bom-q.ron", &q_text);
    assert_eq!(files::load_questionnaire(&q_path).unwrap(), questionnaire());
    let a = two_people();
    let a_path = write(dir.path(), "bom-a.ron", &format!("\u{feff}{}", ron_of(&a)));
    assert_eq!(files::load_assessment(&a_path).unwrap(), a);
    let out = convergence(&["validate", arg(&q_path), arg(&a_path)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Positions count from the first character after the mark.
    let mut broken = two_people();
    broken.participants[1].id = "p1".into();
    let text = ron_of(&broken);
    let plain = parse_assessment(&text, Path::new("x"))
        .unwrap_err()
        .to_string();
    let marked = parse_assessment(&format!("\u{feff}{text}"), Path::new("x"))
        .unwrap_err()
        .to_string();
    assert_eq!(plain, marked);
}

#[test]
fn a_files_kind_comes_from_parsing_not_from_a_word_in_it() {
    let mut q = questionnaire();
    q.description = "Unlike an assessment, this has no format_version: field.".into();
    let text = questionnaire_ron(&q);
    let doc = files::parse_document(&text, Path::new("q.ron")).expect("a questionnaire");
    assert!(matches!(doc, Document::Questionnaire(_)));
    let named = text.replacen('(', "Questionnaire(", 1);
    let doc = files::parse_document(&named, Path::new("q.ron")).expect("named");
    assert!(matches!(doc, Document::Questionnaire(_)));
    let doc =
        files::parse_document(&ron_of(&two_people()), Path::new("a.ron")).expect("an assessment");
    assert!(matches!(doc, Document::Assessment(_)));

    // An assessment's own problems are found by `validate`, as opening it finds them.
    let dir = tempfile::tempdir().unwrap();
    let mut bad = two_people();
    bad.participants[0].responses.get_mut("c1").unwrap().current = lv(8);
    let path = write(dir.path(), "a.ron", &ron_of(&bad));
    let out = convergence(&["validate", arg(&path)]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("answered 8 to \"c1\""), "{err}");
    let described = write(dir.path(), "q.ron", &text);
    assert!(convergence(&["validate", arg(&described)]).status.success());
    assert!(
        convergence(&["validate", arg(&data("small-questionnaire.ron"))])
            .status
            .success()
    );
}
