//! Milestones: "New assessment from this one" starts the next round (same questionnaire,
//! participants, touchpoint map and action plan, no answers, a link to the earlier one); the
//! assessment's date is a real date, typed or picked in Setup and checked by `validate`.

use std::path::Path;
use std::process::Command;

use convergence::files;
use convergence::model::{Assessment, FORMAT_VERSION, PreviousRound, today};
use convergence::ui::{App, Screen};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::harness::app;
use crate::support::{full_assessment, line_of};

/// The app with `assessment` saved as `earlier.ron` and opened.
fn opened(assessment: &Assessment) -> (Harness<'static, App>, tempfile::TempDir) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("earlier.ron");
    files::save_assessment(assessment, &path).unwrap();
    let mut harness = app(folder.path(), vec![path]);
    harness.get_by_label("Open…").click();
    harness.run();
    assert!(harness.state().document().is_some(), "the file opened");
    (harness, folder)
}

fn open_assessment<'h>(harness: &'h Harness<'_, App>) -> &'h Assessment {
    &harness.state().document().expect("a document").assessment
}

/// What the next round of `earlier` must be, whatever way it was started.
#[track_caller]
fn assert_next_round_of(earlier: &Assessment, harness: &Harness<'_, App>) {
    let doc = harness.state().document().expect("the next round is open");
    let next = &doc.assessment;
    assert_eq!(doc.path, None, "a new file, never the earlier one");
    assert_eq!(harness.state().screen(), Screen::Setup);
    assert_eq!(next.questionnaire, earlier.questionnaire);
    assert_eq!(next.organisation, earlier.organisation);
    assert_eq!(next.date, today());
    assert_eq!(
        next.previous,
        Some(PreviousRound {
            organisation: earlier.organisation.clone(),
            date: earlier.date.clone(),
        })
    );
    assert_eq!(next.touchpoints, earlier.touchpoints);
    assert_eq!(next.actions, earlier.actions, "the plan with its statuses");
    let people = |a: &Assessment| -> Vec<(String, String)> {
        a.participants
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect()
    };
    assert_eq!(people(next), people(earlier));
    assert!(next.participants.iter().all(|p| p.responses.is_empty()));
    assert!(doc.scores.overall.current.is_none(), "no answers yet");
}

#[test]
fn new_assessment_from_this_one_in_the_file_menu_starts_the_next_round() {
    let earlier = full_assessment();
    let (mut harness, _folder) = opened(&earlier);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("New assessment from this one").click();
    harness.run();
    assert_next_round_of(&earlier, &harness);
}

#[test]
fn the_start_screen_offers_the_next_round_of_the_open_assessment() {
    let earlier = full_assessment();
    let (mut harness, _folder) = opened(&earlier);
    harness.get_by_label("Start").click();
    harness.run();
    harness.get_by_label_contains("Start from Acme Ltd of 2025-03-14");
    harness.get_by_label("New assessment from this one").click();
    harness.run();
    assert_next_round_of(&earlier, &harness);
}

#[test]
fn the_start_screen_has_no_next_round_without_an_open_assessment() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = app(folder.path(), vec![]);
    harness.run();
    assert!(
        harness
            .query_by_label("New assessment from this one")
            .is_none()
    );
}

#[test]
fn unsaved_changes_are_asked_about_before_the_next_round() {
    let earlier = full_assessment();
    let (mut harness, folder) = opened(&earlier);
    harness.get_by_label("Setup").click();
    harness.run();
    harness.get_by_label("Facilitator").focus();
    harness.run();
    harness.get_by_label("Facilitator").type_text("!");
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("New assessment from this one").click();
    harness.run();
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Save").click();
    harness.run();
    let saved = files::load_assessment(&folder.path().join("earlier.ron")).unwrap();
    assert_eq!(saved.facilitator, "Dana Ólafsdóttir!");
    let next = open_assessment(&harness);
    assert_eq!(harness.state().document().unwrap().path, None);
    assert_eq!(next.facilitator, "Dana Ólafsdóttir!");
    assert!(next.participants.iter().all(|p| p.responses.is_empty()));
}

#[test]
fn the_link_to_the_earlier_round_is_saved_and_read_back() {
    let mut next = convergence::history::next_round(&full_assessment(), "2026-03-20");
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("next.ron");
    files::save_assessment(&next, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(&format!("format_version: {FORMAT_VERSION},")));
    assert!(
        text.contains(
            "previous: Some((\n    organisation: \"Acme Ltd\",\n    date: \"2025-03-14\","
        )
    );
    assert_eq!(files::load_assessment(&path).unwrap(), next);
    // Without a link, nothing is written for it: files that never had one read as before.
    next.previous = None;
    files::save_assessment(&next, &path).unwrap();
    assert!(!std::fs::read_to_string(&path).unwrap().contains("previous"));
    assert_eq!(files::load_assessment(&path).unwrap(), next);
}

/// `convergence validate FILE`: its exit status and its stderr.
fn validate(path: &Path) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_convergence"))
        .arg("validate")
        .arg(path)
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    (output.status.success(), stderr)
}

/// The full assessment saved with its `date: "2025-03-14"` replaced by `date`.
fn saved_with_date(folder: &Path, date: &str) -> (std::path::PathBuf, String) {
    let path = folder.join("dated.ron");
    let text = files::assessment_to_ron(&full_assessment(), &path).unwrap();
    let text = text.replacen("date: \"2025-03-14\"", &format!("date: {date}"), 1);
    std::fs::write(&path, &text).unwrap();
    (path, text)
}

#[test]
fn validate_rejects_a_date_that_is_not_yyyy_mm_dd_with_file_line_col() {
    let folder = tempfile::tempdir().unwrap();
    for bad in [
        "next tuesday",
        "2025-02-30",
        "14/03/2025",
        "2025-3-14",
        " 2025-03-14",
        "2025-03-14T09:00",
    ] {
        let (path, text) = saved_with_date(folder.path(), &format!("{bad:?}"));
        let (ok, stderr) = validate(&path);
        assert!(!ok, "{bad:?} was accepted");
        let line = line_of(&text, "  date: ");
        let col = text.lines().nth(line - 1).unwrap().find('"').unwrap() + 1;
        assert_eq!(
            stderr.trim_end(),
            format!(
                "{}:{line}:{col}: the date {bad:?} is not a date; write it YYYY-MM-DD, e.g. 2025-03-14",
                path.display()
            )
        );
    }
    for good in ["\"2024-02-29\"", "\"\""] {
        let (path, _) = saved_with_date(folder.path(), good);
        let (ok, stderr) = validate(&path);
        assert!(ok, "{good} refused: {stderr}");
    }
}

#[test]
fn validate_rejects_a_previous_rounds_date_that_is_not_a_date() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("next.ron");
    let mut next = convergence::history::next_round(&full_assessment(), "2026-03-20");
    next.previous = Some(PreviousRound {
        organisation: "Acme Ltd".into(),
        date: "last year".into(),
    });
    let text = files::assessment_to_ron(&next, &path).unwrap();
    std::fs::write(&path, &text).unwrap();
    let (ok, stderr) = validate(&path);
    assert!(!ok);
    // At the link itself: the date sits inside it.
    let line = line_of(&text, "previous: Some(");
    assert!(
        stderr.starts_with(&format!("{}:{line}:", path.display())),
        "{stderr}"
    );
    assert!(stderr.contains("the previous round's date \"last year\" is not a date"));
}

fn type_date(harness: &mut Harness<'_, App>, text: &str) {
    harness.get_by_label("Assessment date").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Assessment date").type_text(text);
    harness.run();
}

#[test]
fn setup_takes_a_typed_date_only_when_it_is_a_real_one() {
    let (mut harness, _folder) = opened(&full_assessment());
    harness.get_by_label("Setup").click();
    harness.run();
    for bad in ["next tuesday", "2025-02-30", "", "14/03/2025"] {
        type_date(&mut harness, bad);
        harness.get_by_label("not a date: use YYYY-MM-DD");
        assert_eq!(open_assessment(&harness).date, "2025-03-14", "{bad:?}");
    }
    type_date(&mut harness, "2025-04-01");
    assert!(
        harness
            .query_by_label("not a date: use YYYY-MM-DD")
            .is_none()
    );
    assert_eq!(open_assessment(&harness).date, "2025-04-01");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        open_assessment(&harness).date,
        "2025-03-14",
        "one undo step"
    );
}

#[test]
fn setup_picks_the_date_from_a_calendar() {
    let (mut harness, _folder) = opened(&full_assessment());
    harness.get_by_label("Setup").click();
    harness.run();
    harness.get_by_label("Assessment date calendar").click();
    harness.run();
    // The calendar opens on the assessment's date: one day on, then Save.
    harness.get_by_label(">").click();
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    assert_eq!(open_assessment(&harness).date, "2025-03-15");
}
