//! Entering a room's answers at the speed of the room, as the facilitator does it: a finished
//! question stays with its distribution (and the offer to vote again where the room is split)
//! until Enter or →; a list jumps to any question and counts its answers; a reopened file
//! resumes where answers stop; Page Up/Down change dimension; the keys are on screen; a click
//! on a target level moves the keyboard cursor on, never back.

use convergence::files;
use convergence::model::{Answer, Assessment, Participant, Response, Side};
use convergence::ui::command::Command;
use convergence::ui::{App, Screen};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::harness::{app, current, digit, press, target};

const SELF_CHECK: &str = "Self-assessment with CIO Self-Check: Business–IT Convergence";

/// A room of three from the business on the workshop questionnaire, the first `answered`
/// questions answered by everyone and the next one by the first person only; opened from a
/// file onto the questionnaire screen.
fn reopened_room(answered: usize) -> (Harness<'static, App>, tempfile::TempDir) {
    let folder = tempfile::tempdir().unwrap();
    let mut assessment = Assessment::new(files::builtin_questionnaires().remove(0));
    let asked: Vec<String> = assessment
        .questionnaire
        .questions
        .iter()
        .filter(|q| q.audience.includes(Side::Business))
        .map(|q| q.id.clone())
        .collect();
    for p in 0..3 {
        let upto = if p == 0 { answered + 1 } else { answered };
        let responses = asked
            .iter()
            .take(upto)
            .map(|id| {
                let response = Response {
                    current: Answer::Level(3),
                    target: Answer::Level(4),
                    ..Response::default()
                };
                (id.clone(), response)
            })
            .collect();
        assessment.participants.push(Participant {
            id: format!("p{}", p + 1),
            name: format!("Participant {}", p + 1),
            side: Side::Business,
            responses,
            ..Participant::default()
        });
    }
    let path = folder.path().join("room.ron");
    files::save_assessment(&assessment, &path).unwrap();
    let mut harness = app(folder.path(), vec![]);
    harness.state_mut().push(Command::OpenPath(path));
    harness.run();
    harness
        .state_mut()
        .push(Command::Show(Screen::Questionnaire));
    harness.run();
    (harness, folder)
}

fn question_id(harness: &Harness<'_, App>, index: usize) -> String {
    harness
        .state()
        .document()
        .unwrap()
        .assessment
        .questionnaire
        .questions[index]
        .id
        .clone()
}

fn number_of_questions(harness: &Harness<'_, App>) -> usize {
    harness
        .state()
        .document()
        .unwrap()
        .assessment
        .questionnaire
        .questions
        .len()
}

#[test]
fn a_reopened_file_resumes_at_the_first_question_not_everyone_answered() {
    let (harness, _folder) = reopened_room(4);
    let total = number_of_questions(&harness);
    // The fifth question the business is asked: here the fifth of the questionnaire.
    let id = question_id(&harness, 4);
    harness.get_by_label_contains(&format!("Question 5 of {total}"));
    harness.get_by_label_contains(&format!(" {id} · 1 of 3 · "));
    harness.get_by_label_contains(&format!(" {} · 3 of 3 · ", question_id(&harness, 0)));
}

#[test]
fn a_finished_question_stays_until_the_facilitator_moves_on() {
    let (mut harness, _folder) = reopened_room(0);
    let first = question_id(&harness, 0);
    let total = number_of_questions(&harness);
    harness.get_by_label_contains(&format!("Question 1 of {total}"));
    harness.get_by_label_contains("Keys: 1–5 level");
    // Participant 1 has answered; the others give 3 → 4 and 2 → 4.
    press(&mut harness, &[Key::Enter]);
    press(&mut harness, &[digit(3), digit(4), digit(2), digit(4)]);
    assert_eq!(current(&harness, 2, &first), Answer::Level(2));
    harness.get_by_label("The room has answered");
    harness.get_by_label_contains(&format!("Question 1 of {total}"));
    harness.get_by_label("The room mostly agrees.");
    harness.get_by_label("3 · Defined: 0 from IT, 2 from the business");
    harness.get_by_label_contains("Keys: Enter or → next question");
    assert_eq!(
        harness
            .query_all_by_label("The room is split: discuss it, then vote again?")
            .count(),
        0,
        "no vote again where the room agrees"
    );
    // Digits do not land anywhere while the question waits.
    press(&mut harness, &[digit(5)]);
    assert_eq!(target(&harness, 2, &first), Answer::Level(4));
    press(&mut harness, &[Key::ArrowRight]);
    harness.get_by_label_contains(&format!("Question 2 of {total}"));
    // Enter moves on as well; ← goes back into the grid.
    press(
        &mut harness,
        &[digit(1), digit(2), digit(5), digit(5), digit(3), digit(3)],
    );
    harness.get_by_label("The room is split: discuss it, then vote again?");
    press(&mut harness, &[Key::ArrowLeft, digit(4)]);
    assert_eq!(
        target(&harness, 2, &question_id(&harness, 1)),
        Answer::Level(4)
    );
    harness.get_by_label("The room has answered");
    // V keeps the round and starts again at the first person.
    press(&mut harness, &[Key::V]);
    let second = question_id(&harness, 1);
    let doc = harness.state().document().unwrap();
    assert_eq!(
        doc.assessment.participants[0].responses[&second]
            .earlier_rounds
            .len(),
        1
    );
    assert_eq!(current(&harness, 0, &second), Answer::Blank);
    press(&mut harness, &[digit(2)]);
    assert_eq!(current(&harness, 0, &second), Answer::Level(2));
    press(&mut harness, &[Key::Enter, Key::Enter, Key::Enter]);
    harness.get_by_label("The room has answered");
    press(&mut harness, &[Key::Enter]);
    harness.get_by_label_contains(&format!("Question 3 of {total}"));
}

#[test]
fn the_question_list_counts_answers_and_jumps() {
    let (mut harness, _folder) = reopened_room(0);
    let tenth = question_id(&harness, 9);
    let item = format!(" {tenth} · 0 of 3 · ");
    harness.get_by_label_contains(&item).scroll_to_me();
    harness.run();
    harness.get_by_label_contains(&item).click();
    harness.run();
    harness.get_by_label_contains(&format!("Question 10 of {}", number_of_questions(&harness)));
    press(&mut harness, &[digit(2), digit(3)]);
    harness.get_by_label_contains(&format!(" {tenth} · 1 of 3 · "));
}

#[test]
fn page_down_and_up_change_dimension() {
    let (mut harness, _folder) = reopened_room(0);
    let doc = harness.state().document().unwrap();
    let q = &doc.assessment.questionnaire;
    let first_of_second = q
        .questions
        .iter()
        .position(|x| x.dimension == q.dimensions[1].id)
        .unwrap();
    let total = q.questions.len();
    press(&mut harness, &[Key::PageDown]);
    harness.get_by_label_contains(&format!("Question {} of {total}", first_of_second + 1));
    press(&mut harness, &[Key::PageUp]);
    harness.get_by_label_contains(&format!("Question 1 of {total}"));
}

#[test]
fn clicking_a_target_moves_the_keyboard_cursor_on_never_back() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    harness.get_by_label(SELF_CHECK).click();
    harness.run();
    harness.get_by_label("Questionnaire").click();
    harness.run();
    harness.get_by_label_contains("Keys: 1–5 level");
    let doc = harness.state().document().unwrap();
    let q = &doc.assessment.questionnaire;
    let first: Vec<String> = q
        .questions_in(&q.dimensions[0].id)
        .map(|x| x.id.clone())
        .collect();
    let next_dimension = q
        .questions_in(&q.dimensions[1].id)
        .next()
        .unwrap()
        .id
        .clone();
    let click = |harness: &mut Harness<'_, App>, label: String| {
        harness.get_by_label_contains(&label).scroll_to_me();
        harness.run();
        harness.get_by_label_contains(&label).click();
        harness.run();
    };
    // Today and target of the first question by click: the keys carry on at the second.
    click(&mut harness, format!("{} today 2 ", first[0]));
    click(&mut harness, format!("{} target 4 ", first[0]));
    press(&mut harness, &[digit(3)]);
    assert_eq!(current(&harness, 0, &first[1]), Answer::Level(3));
    // Changing the first question's target again does not send the cursor back to the
    // second question's today: the next key is the second question's target.
    click(&mut harness, format!("{} target 5 ", first[0]));
    press(&mut harness, &[digit(4)]);
    assert_eq!(current(&harness, 0, &first[1]), Answer::Level(3));
    assert_eq!(target(&harness, 0, &first[1]), Answer::Level(4));
    // The last question's target moves on to the next dimension, not back to its own today.
    let last = first.last().unwrap().clone();
    click(&mut harness, format!("{last} today 3 "));
    click(&mut harness, format!("{last} target 4 "));
    press(&mut harness, &[digit(2)]);
    assert_eq!(current(&harness, 0, &last), Answer::Level(3));
    assert_eq!(current(&harness, 0, &next_dimension), Answer::Level(2));
}

#[test]
fn a_reopened_self_assessment_resumes_at_its_first_open_question() {
    let folder = tempfile::tempdir().unwrap();
    let mut assessment = Assessment::new(files::builtin_questionnaires().remove(1));
    let ids: Vec<String> = assessment
        .questionnaire
        .questions
        .iter()
        .filter(|q| q.audience.includes(Side::It))
        .map(|q| q.id.clone())
        .collect();
    let responses = ids
        .iter()
        .take(5)
        .map(|id| {
            let response = Response {
                current: Answer::Level(2),
                ..Response::default()
            };
            (id.clone(), response)
        })
        .collect();
    assessment.participants.push(Participant {
        id: "p1".into(),
        name: "Me".into(),
        side: Side::It,
        responses,
        ..Participant::default()
    });
    let path = folder.path().join("me.ron");
    files::save_assessment(&assessment, &path).unwrap();
    let mut harness = app(folder.path(), vec![]);
    harness.state_mut().push(Command::OpenPath(path));
    harness.run();
    harness
        .state_mut()
        .push(Command::Show(Screen::Questionnaire));
    harness.run();
    press(&mut harness, &[digit(4)]);
    assert_eq!(current(&harness, 0, &ids[5]), Answer::Level(4));
}
