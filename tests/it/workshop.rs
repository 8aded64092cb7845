//! Workshop mode driven through the window: a room of participants, fast entry, undo of a
//! removed participant, presentation mode, a second round of voting and the aggregation rule.

use convergence::model::{Aggregation, Answer};
use convergence::ui::{App, Screen};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::harness::{app, current, digit, press, target};

const WORKSHOP: &str = "Workshop with Business–IT Convergence Workshop";

/// A workshop with `people` participants, on the questionnaire screen in fast entry.
fn room(people: usize) -> (Harness<'static, App>, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    harness.get_by_label(WORKSHOP).click();
    harness.run();
    for _ in 0..people {
        harness.get_by_label("Add participant").click();
        harness.run();
    }
    harness.get_by_label("Questionnaire").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Questionnaire);
    (harness, data)
}

/// The id of the questionnaire's first question.
fn first_question(harness: &Harness<'_, App>) -> String {
    let doc = harness.state().document().unwrap();
    doc.assessment.questionnaire.questions[0].id.clone()
}

/// How many questions the open assessment asks.
fn question_count(harness: &Harness<'_, App>) -> usize {
    let doc = harness.state().document().unwrap();
    doc.assessment.questionnaire.questions.len()
}

#[test]
fn twenty_participants_answer_one_question_with_one_key_each() {
    let (mut harness, _data) = room(20);
    let first = first_question(&harness);
    for p in 0..20 {
        if p == 7 {
            // Participant 8 is absent: Enter skips, blank stays blank.
            press(&mut harness, &[Key::Enter]);
            continue;
        }
        press(&mut harness, &[digit(p % 5 + 1), digit((p % 5 + 1).max(3))]);
    }
    for p in 0..20 {
        if p == 7 {
            assert_eq!(current(&harness, p, &first), Answer::Blank);
            assert_eq!(target(&harness, p, &first), Answer::Blank);
            continue;
        }
        assert_eq!(
            current(&harness, p, &first),
            Answer::Level((p % 5 + 1) as u8),
            "participant {p}"
        );
        assert_eq!(
            target(&harness, p, &first),
            Answer::Level((p % 5 + 1).max(3) as u8),
            "participant {p}"
        );
    }
    // After the last participant the question stays with the room's answers until Enter.
    harness.get_by_label("The room has answered");
    harness.get_by_label_contains(&format!("Question 1 of {}", question_count(&harness)));
    press(&mut harness, &[Key::Enter]);
    harness.get_by_label_contains(&format!("Question 2 of {}", question_count(&harness)));
}

#[test]
fn a_removed_participant_comes_back_with_undo() {
    let (mut harness, _data) = room(3);
    let first = first_question(&harness);
    press(&mut harness, &[Key::Num2, Key::Num3, Key::Num4, Key::Num5]);
    harness.get_by_label("Setup").click();
    harness.run();
    harness.get_by_label("Remove Participant 2").click();
    harness.run();
    harness.get_by_label("Remove Participant 2?");
    assert_eq!(
        harness
            .state()
            .document()
            .unwrap()
            .assessment
            .participants
            .len(),
        3,
        "someone who has answered is not removed without asking"
    );
    harness.get_by_label("Remove").click();
    harness.run();
    harness.get_by_label("Removed Participant 2 and their answers. Ctrl+Z brings them back.");
    let names: Vec<String> = harness
        .state()
        .document()
        .unwrap()
        .assessment
        .participants
        .iter()
        .map(|p| p.name.clone())
        .collect();
    assert_eq!(names, ["Participant 1", "Participant 3"]);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    let doc = harness.state().document().unwrap();
    assert_eq!(doc.assessment.participants.len(), 3);
    assert_eq!(doc.assessment.participants[1].name, "Participant 2");
    assert_eq!(
        current(&harness, 1, &first),
        Answer::Level(4),
        "the answers came back too"
    );
}

#[test]
fn presentation_reveals_the_rooms_answers_and_steps_on() {
    let (mut harness, _data) = room(4);
    press(
        &mut harness,
        &[
            Key::Num2,
            Key::Num3,
            Key::Num2,
            Key::Num4,
            Key::Num3,
            Key::Num4,
        ],
    );
    harness.get_by_label("Present").click();
    harness.run();
    harness.get_by_label("3 of 4 have answered. Press R to reveal the room's answers.");
    press(&mut harness, &[Key::R]);
    harness.get_by_label_contains("3 of 4 answered");
    harness.get_by_label_contains("today 2.33");
    press(&mut harness, &[Key::ArrowRight]);
    harness.get_by_label_contains(&format!("question 2 of {}", question_count(&harness)));
    harness.get_by_label("0 of 4 have answered. Press R to reveal the room's answers.");
    press(&mut harness, &[Key::Escape]);
    assert!(
        harness
            .query_by_label_contains("Press R to reveal")
            .is_none(),
        "the presentation ended"
    );
    assert_eq!(harness.state().screen(), Screen::Questionnaire);
}

#[test]
fn a_second_round_keeps_the_first_and_shows_the_convergence() {
    let (mut harness, _data) = room(3);
    let first = first_question(&harness);
    press(
        &mut harness,
        &[
            Key::Num1,
            Key::Num3,
            Key::Num5,
            Key::Num5,
            Key::Num3,
            Key::Num4,
        ],
    );
    // The room answered 1, 5, 3: split, so the question stays and offers a second round.
    harness.get_by_label("The room is split: discuss it, then vote again?");
    harness.get_by_label("Vote again").click();
    harness.run();
    assert_eq!(
        current(&harness, 0, &first),
        Answer::Blank,
        "a new round starts blank"
    );
    press(
        &mut harness,
        &[
            Key::Num3,
            Key::Num4,
            Key::Num3,
            Key::Num4,
            Key::Num3,
            Key::Num4,
        ],
    );
    let doc = harness.state().document().unwrap();
    let rounds = &doc.assessment.participants[0].responses[&first].earlier_rounds;
    assert_eq!(rounds.len(), 1);
    assert_eq!(rounds[0].current, Answer::Level(1));
    assert_eq!(
        current(&harness, 0, &first),
        Answer::Level(3),
        "the latest round counts"
    );
    let score = &doc.scores.questions[0];
    assert_eq!(score.current, Some(3.0));
    assert_eq!(score.first_round.as_ref().and_then(|s| s.mean), Some(3.0));
    assert_eq!(score.first_round.as_ref().and_then(|s| s.sd), Some(2.0));

    harness.get_by_label("Results").click();
    harness.run();
    harness.get_by_label("Rounds and rules").click();
    harness.run();
    harness.get_by_label("2.00 → 0.00");
}

#[test]
fn the_aggregation_rule_is_chosen_in_results_and_saved() {
    let (mut harness, _data) = room(3);
    press(
        &mut harness,
        &[
            Key::Num1,
            Key::Num3,
            Key::Num4,
            Key::Num5,
            Key::Num5,
            Key::Num5,
        ],
    );
    harness.get_by_label("Results").click();
    harness.run();
    harness.get_by_label("Rounds and rules").click();
    harness.run();
    // The rule's button comes first; the table below names the rules too.
    harness.query_all_by_label("Median").next().unwrap().click();
    harness.run();
    let doc = harness.state().document().unwrap();
    assert_eq!(doc.assessment.aggregation, Aggregation::Median);
    assert_eq!(
        doc.scores.questions[0].current,
        Some(4.0),
        "the median of 1, 4 and 5"
    );
    harness.get_by_label("Median (in use)");
}

#[test]
fn a_workshop_starts_without_participants_and_a_self_assessment_with_one() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    harness.get_by_label(WORKSHOP).click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Setup);
    assert!(
        harness
            .state()
            .document()
            .unwrap()
            .assessment
            .participants
            .is_empty()
    );
    harness.get_by_label_contains("0 participants · ");

    let mut harness = app(data.path(), vec![]);
    harness
        .get_by_label("Self-assessment with CIO Self-Check: Business–IT Convergence")
        .click();
    harness.run();
    let participants = &harness.state().document().unwrap().assessment.participants;
    assert_eq!(participants.len(), 1);
    assert_eq!(participants[0].name, "Me");
}

/// How many participants the open assessment has.
fn people(harness: &Harness<'_, App>) -> usize {
    let doc = harness.state().document().unwrap();
    doc.assessment.participants.len()
}

#[test]
fn keeping_a_participant_who_answered_changes_nothing() {
    let (mut harness, _data) = room(2);
    press(&mut harness, &[Key::Num2, Key::Num3]);
    harness.get_by_label("Setup").click();
    harness.run();
    harness.get_by_label("Remove Participant 1").click();
    harness.run();
    harness.get_by_label("Keep").click();
    harness.run();
    assert!(harness.query_by_label("Remove Participant 1?").is_none());
    assert_eq!(people(&harness), 2);
}

#[test]
fn a_participant_without_answers_goes_at_once_and_comes_back_with_undo() {
    let (mut harness, _data) = room(2);
    harness.get_by_label("Setup").click();
    harness.run();
    harness.get_by_label("Remove Participant 2").click();
    harness.run();
    assert!(harness.query_by_label("Remove Participant 2?").is_none());
    assert_eq!(people(&harness), 1);
    harness.get_by_label("Removed Participant 2 and their answers. Ctrl+Z brings them back.");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(people(&harness), 2);
}

#[test]
fn typing_in_the_participant_grid_never_removes_anyone() {
    let (mut harness, _data) = room(2);
    harness.get_by_label("Setup").click();
    harness.run();
    // Tab from the last name field through the whole row, pressing Space and Enter on the way.
    harness
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .last()
        .unwrap()
        .focus();
    harness.run();
    for _ in 0..8 {
        for key in [Key::Tab, Key::Space, Key::Enter] {
            harness.key_press(key);
            harness.run();
        }
    }
    assert_eq!(
        harness
            .state()
            .document()
            .unwrap()
            .assessment
            .participants
            .len(),
        2,
        "the keyboard cannot reach a Remove button"
    );
}
