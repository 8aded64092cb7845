//! The real app driven through egui_kittest as a user would: find widgets by label, click,
//! type, press keys, and check what the window shows against the scoring core.

use std::path::Path;

use convergence::files;
use convergence::model::Answer;
use convergence::scoring::{self, Phase};
use convergence::ui::{App, Screen};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::harness::{self, app};

const SELF_CHECK: &str = "Self-assessment with CIO Self-Check: Business–IT Convergence";

/// Starts a self-check and goes to its questionnaire.
fn start_self_check(harness: &mut Harness<'_, App>) {
    harness.get_by_label(SELF_CHECK).click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Setup);
    harness.get_by_label("Questionnaire").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Questionnaire);
}

fn answer(harness: &Harness<'_, App>, question: &str, phase: Phase) -> Answer {
    harness::answer(harness, 0, question, phase)
}

/// The level every question gets in these tests: today 1–4 cycling, target one higher.
fn planned(i: usize) -> (u8, u8) {
    let today = (i % 4) as u8 + 1;
    (today, today + 1)
}

/// Answers the first question by clicking and every other one by keyboard.
fn answer_everything(harness: &mut Harness<'_, App>) {
    let questions: Vec<String> = harness
        .state()
        .document()
        .map(|d| {
            d.assessment
                .questionnaire
                .questions
                .iter()
                .map(|q| q.id.clone())
                .collect()
        })
        .unwrap_or_default();
    let (today, target) = planned(0);
    harness
        .get_by_label_contains(&format!("{} today {today} ", questions[0]))
        .click();
    harness.run();
    harness
        .get_by_label_contains(&format!("{} target {target} ", questions[0]))
        .click();
    harness.run();
    assert_eq!(
        answer(harness, &questions[0], Phase::Current),
        Answer::Level(today)
    );
    assert_eq!(
        answer(harness, &questions[0], Phase::Target),
        Answer::Level(target)
    );
    for (i, question) in questions.iter().enumerate().skip(1) {
        let (today, target) = planned(i);
        for level in [today, target] {
            harness.key_press(harness::digit(usize::from(level)));
            harness.run();
        }
        assert_eq!(
            answer(harness, question, Phase::Current),
            Answer::Level(today),
            "{question}"
        );
        assert_eq!(
            answer(harness, question, Phase::Target),
            Answer::Level(target),
            "{question}"
        );
    }
}

#[test]
fn a_cio_answers_the_self_check_and_sees_the_cores_scores() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    harness.get_by_label(SELF_CHECK).click();
    harness.run();
    harness.get_by_label("Organisation").focus();
    harness.run();
    harness
        .get_by_label("Organisation")
        .type_text("Acme Insurance");
    harness.run();
    harness.get_by_label("Questionnaire").click();
    harness.run();
    answer_everything(&mut harness);

    harness.get_by_label("Results").click();
    harness.run();
    let doc = harness.state().document().unwrap();
    assert_eq!(doc.assessment.organisation, "Acme Insurance");
    let scores = scoring::score(&doc.assessment);
    let headline = scores.overall.headline().unwrap();
    assert!(
        headline.ends_with(&format!(
            "from {n} of {n} dimensions ({q} of {q} questions)",
            n = scores.dimensions.len(),
            q = scores.overall.coverage.questions
        )),
        "{headline}"
    );
    harness.get_by_label(&format!("Today: {headline}"));
    harness.get_by_label(&format!(
        "Target: {:.1} — {}",
        scores.overall.slope_target.unwrap(),
        scores.overall.target_zone.clone().unwrap()
    ));
    // Every dimension's row shows the core's number; the first gap is the core's first gap.
    for d in &scores.dimensions {
        assert!(
            harness
                .query_all_by_label(&format!("{:.2}", d.current.unwrap()))
                .count()
                > 0,
            "{}",
            d.id
        );
    }
    let first = &scores.gaps[0];
    harness.get_by_label_contains(&format!(
        "1. {} — from {:.2} to {:.2}",
        first.name, first.current, first.target
    ));
}

#[test]
fn save_and_reopen_keeps_every_answer() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("acme.ron");
    let mut harness = app(data.path(), vec![path.clone()]);
    start_self_check(&mut harness);
    answer_everything(&mut harness);
    assert!(harness.state().document().unwrap().is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = harness.state().document().unwrap();
    assert!(!saved.is_dirty(), "saved");
    assert_eq!(saved.path.as_deref(), Some(path.as_path()));
    assert!(!saved.title().starts_with('●'));
    let answers = saved.assessment.clone();
    drop(harness);

    let mut reopened = app(data.path(), vec![path.clone()]);
    reopened.get_by_label("Open…").click();
    reopened.run();
    let doc = reopened.state().document().expect("the file opened");
    assert_eq!(doc.assessment, answers);
    assert_eq!(reopened.state().settings().recent.first(), Some(&path));
}

#[test]
fn a_broken_file_shows_its_error_and_the_work_stays() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let broken = folder.path().join("broken.ron");
    std::fs::write(
        &broken,
        "(\n  format_version: 1,\n  organisation: \"Acme\"\n  date: oops,\n)",
    )
    .unwrap();
    let mut harness = app(data.path(), vec![broken.clone()]);
    start_self_check(&mut harness);
    harness.get_by_label_contains("com-01 today 2 ").click();
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Don't save").click();
    harness.run();

    let error = harness
        .state()
        .error()
        .expect("an error is shown")
        .to_string();
    assert!(error.contains("broken.ron:4:"), "{error}");
    harness.get_by_label_contains("broken.ron:4:");
    let doc = harness.state().document().unwrap();
    assert!(doc.is_dirty(), "the unsaved work is still marked unsaved");
    assert_eq!(answer(&harness, "com-01", Phase::Current), Answer::Level(2));
    harness.get_by_label("OK").click();
    harness.run();
    assert!(harness.state().error().is_none());
}

#[test]
fn a_file_from_a_newer_version_is_refused_in_the_window() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let newer = folder.path().join("newer.ron");
    let mut assessment =
        convergence::model::Assessment::new(files::builtin_questionnaires().remove(1));
    assessment.format_version = 99;
    files::save_assessment(&assessment, &newer).unwrap();
    let mut harness = app(data.path(), vec![newer]);
    harness.get_by_label("Open…").click();
    harness.run();
    assert!(harness.state().document().is_none());
    harness.get_by_label_contains("newer version of Convergence");
}

#[test]
fn cancelling_the_unsaved_changes_prompt_changes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    start_self_check(&mut harness);
    harness.get_by_label_contains("com-01 today 3 ").click();
    harness.run();
    harness.get_by_label("Start").click();
    harness.run();
    harness.get_by_label(SELF_CHECK).click();
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(answer(&harness, "com-01", Phase::Current), Answer::Level(3));
}

#[test]
fn autosaved_work_is_recovered_after_a_kill() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    start_self_check(&mut harness);
    harness.get_by_label_contains("com-01 today 4 ").click();
    harness.run();
    harness.state_mut().autosave_now();
    drop(harness); // killed: no save, no goodbye

    let mut restarted = app(data.path(), vec![]);
    restarted.get_by_label("Recover unsaved work?");
    restarted.get_by_label_contains("autosaved just now");
    restarted.get_by_label("Recover").click();
    restarted.run();
    assert_eq!(
        answer(&restarted, "com-01", Phase::Current),
        Answer::Level(4)
    );
    assert!(restarted.state().document().unwrap().is_dirty());
}

#[test]
fn keys_move_the_cursor_and_mark_dont_know() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    start_self_check(&mut harness);
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::D);
    harness.run();
    harness.key_press(Key::N);
    harness.run();
    assert_eq!(answer(&harness, "com-01", Phase::Current), Answer::Blank);
    assert_eq!(answer(&harness, "com-02", Phase::Current), Answer::DontKnow);
    assert_eq!(
        answer(&harness, "com-02", Phase::Target),
        Answer::NotApplicable
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        answer(&harness, "com-02", Phase::Target),
        Answer::Blank,
        "undone"
    );
}

#[test]
fn a_dimension_nobody_answered_shows_as_not_answered() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    start_self_check(&mut harness);
    harness.get_by_label_contains("com-01 today 3 ").click();
    harness.run();
    harness.get_by_label("Results").click();
    harness.run();
    let dimensions = harness
        .state()
        .document()
        .unwrap()
        .assessment
        .questionnaire
        .dimensions
        .len();
    assert_eq!(
        harness
            .query_all_by_label_contains(": not answered")
            .count(),
        dimensions - 1
    );
    let questions = harness
        .state()
        .document()
        .unwrap()
        .scores
        .overall
        .coverage
        .questions;
    harness.get_by_label(&format!(
        "Today: 3.0 — Integrated (provisional), from 1 of {dimensions} dimensions (1 of {questions} questions)"
    ));
    harness.get_by_label(
        "Fewer than half the dimensions are answered: the zone is a first indication, not a finding.",
    );
}

#[test]
fn a_participants_own_file_merges_into_the_open_one_without_duplicates() {
    let data = tempfile::tempdir().unwrap();
    let merge = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/merge");
    let (first, second) = (merge.join("laptop-1.ron"), merge.join("laptop-2.ron"));
    let expected = files::merge_assessments(vec![
        files::MergeSource {
            path: first.clone(),
            assessment: files::load_assessment(&first).unwrap(),
        },
        files::MergeSource {
            path: second.clone(),
            assessment: files::load_assessment(&second).unwrap(),
        },
    ])
    .unwrap();
    assert!(
        !expected.duplicates.is_empty(),
        "the fixtures share a participant"
    );

    let mut harness = app(data.path(), vec![first, second]);
    harness.get_by_label("Open…").click();
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Merge answers from a file…").click();
    harness.run();

    let doc = harness.state().document().unwrap();
    assert_eq!(
        doc.assessment.participants,
        expected.assessment.participants
    );
    assert!(doc.is_dirty());
    harness.get_by_label_contains("is already in");
    harness.get_by_label("OK").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let before = files::load_assessment(&merge.join("laptop-1.ron")).unwrap();
    assert_eq!(
        harness.state().document().unwrap().assessment,
        before,
        "undo takes the merge back"
    );
}

/// Fast typists (and remote desktops) deliver several keys in one frame; each must land where
/// the one before left the cursor, across the end of a dimension too.
#[test]
fn keys_arriving_in_one_frame_land_in_order() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    start_self_check(&mut harness);
    let press = |key| egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    };
    // com-01 today 2, target 3; com-02 today 3, target 4; cio-com today 1, target 2; then the
    // next dimension: val-01 today 4.
    let keys = [2, 3, 3, 4, 1, 2, 4].map(harness::digit);
    harness.input_mut().events.extend(keys.map(press));
    harness.step();
    harness.run();
    assert_eq!(answer(&harness, "com-01", Phase::Current), Answer::Level(2));
    assert_eq!(answer(&harness, "com-01", Phase::Target), Answer::Level(3));
    assert_eq!(answer(&harness, "com-02", Phase::Current), Answer::Level(3));
    assert_eq!(answer(&harness, "com-02", Phase::Target), Answer::Level(4));
    assert_eq!(
        answer(&harness, "cio-com", Phase::Current),
        Answer::Level(1)
    );
    assert_eq!(answer(&harness, "cio-com", Phase::Target), Answer::Level(2));
    assert_eq!(answer(&harness, "val-01", Phase::Current), Answer::Level(4));
}

/// A command is applied after the frame that asked for it; the window must then show its result
/// without waiting for the next mouse move or key.
#[test]
fn the_window_shows_what_a_command_did_without_further_input() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    start_self_check(&mut harness);
    harness
        .state_mut()
        .push(convergence::ui::command::Command::Show(Screen::Results));
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Results);
    harness.get_by_label("Overview");
}
