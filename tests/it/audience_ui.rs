//! Who is asked what, in the window: fast entry asks each question only of its audience and
//! passes the others by, a participant sees only their side's questions in their side's words,
//! a workshop can start with its core questions only, and the answering rule is shown wherever
//! people answer.

use convergence::model::{Answer, Audience};
use convergence::ui::{App, Screen};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::harness::{app, choose, current, digit, press, target};

const WORKSHOP: &str = "Workshop with Business–IT Convergence Workshop";
const SELF_ASSESSMENT: &str = "Self-assessment with Business–IT Convergence Workshop";
const CORE_ONLY: &str = "Core questions only of Business–IT Convergence Workshop";
const RULE: &str = "Choose the highest level whose description is entirely true.";

fn levels(harness: &mut Harness<'_, App>, levels: &[usize]) {
    let keys: Vec<Key> = levels.iter().map(|&l| digit(l)).collect();
    press(harness, &keys);
}

/// A workshop whose participants sit on `sides` (IT when true), in fast entry.
fn room(sides: &[bool]) -> (Harness<'static, App>, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    harness.get_by_label(WORKSHOP).click();
    harness.run();
    for (i, &it) in sides.iter().enumerate() {
        harness.get_by_label("Add participant").click();
        harness.run();
        if it {
            choose(
                &mut harness,
                &format!("Side of Participant {}", i + 1),
                "IT",
            );
        }
    }
    harness.get_by_label("Questionnaire").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Questionnaire);
    (harness, data)
}

/// The index of question `id` in the open assessment's questionnaire.
fn index_of(harness: &Harness<'_, App>, id: &str) -> usize {
    let doc = harness.state().document().unwrap();
    let questions = &doc.assessment.questionnaire.questions;
    questions
        .iter()
        .position(|q| q.id == id)
        .expect("the question")
}

fn audience(harness: &Harness<'_, App>, id: &str) -> Audience {
    let doc = harness.state().document().unwrap();
    doc.assessment
        .questionnaire
        .question(id)
        .expect(id)
        .audience
}

/// Jumps in fast entry to question `id` through the list of questions.
fn page_to(harness: &mut Harness<'_, App>, id: &str) {
    let item = format!(" {id} · ");
    harness.get_by_label_contains(&item).scroll_to_me();
    harness.run();
    harness.get_by_label_contains(&item).click();
    harness.run();
    harness.get_by_label_contains(&format!("Question {} of", index_of(harness, id) + 1));
}

#[test]
fn fast_entry_asks_an_it_question_of_it_alone_and_moves_on() {
    // IT, business, IT.
    let (mut harness, _data) = room(&[true, false, true]);
    assert_eq!(audience(&harness, "ser-02"), Audience::It);
    page_to(&mut harness, "ser-02");
    harness.get_by_label_contains("asked of IT only");
    assert_eq!(harness.query_all_by_label("not asked").count(), 1);
    // Participant 1 today 3, target 4; the cursor passes Participant 2 by; Participant 3 2 → 3.
    levels(&mut harness, &[3, 4, 2, 3]);
    assert_eq!(
        (
            current(&harness, 0, "ser-02"),
            target(&harness, 0, "ser-02")
        ),
        (Answer::Level(3), Answer::Level(4))
    );
    assert_eq!(
        current(&harness, 1, "ser-02"),
        Answer::Blank,
        "not asked, not answered"
    );
    assert_eq!(
        (
            current(&harness, 2, "ser-02"),
            target(&harness, 2, "ser-02")
        ),
        (Answer::Level(2), Answer::Level(3))
    );
    // After the last IT participant the question stays, answered, until Enter: then the next
    // question, from its first participant.
    harness.get_by_label("The room has answered");
    press(&mut harness, &[Key::Enter]);
    let next = index_of(&harness, "ser-02") + 2;
    harness.get_by_label_contains(&format!("Question {next} of"));
    levels(&mut harness, &[5]);
    let doc = harness.state().document().unwrap();
    let following = doc.assessment.questionnaire.questions[next - 1].id.clone();
    assert_eq!(current(&harness, 0, &following), Answer::Level(5));
    // The room's score counts the two who were asked.
    let score = doc
        .scores
        .questions
        .iter()
        .find(|q| q.id == "ser-02")
        .unwrap();
    assert_eq!(score.spread.count, 2);
}

#[test]
fn fast_entry_skips_a_question_nobody_in_the_room_is_asked() {
    // Two IT people: com-05 is for the business only.
    let (mut harness, _data) = room(&[true, true]);
    assert_eq!(audience(&harness, "com-05"), Audience::Business);
    let before = index_of(&harness, "com-05") - 1;
    let previous = {
        let doc = harness.state().document().unwrap();
        doc.assessment.questionnaire.questions[before].id.clone()
    };
    page_to(&mut harness, &previous);
    levels(&mut harness, &[2, 3, 2, 3]);
    assert_eq!(current(&harness, 1, &previous), Answer::Level(2));
    // Moving on passes com-05 by, to the question after it.
    press(&mut harness, &[Key::Enter]);
    harness.get_by_label_contains(&format!("Question {} of", before + 3));
    // Going to com-05 itself says why nothing can be entered, and keys change nothing.
    page_to(&mut harness, "com-05");
    harness.get_by_label_contains(
        "Nobody in the room is asked this question (asked of the business only)",
    );
    assert_eq!(harness.query_all_by_label("not asked").count(), 2);
    levels(&mut harness, &[4]);
    assert_eq!(current(&harness, 0, "com-05"), Answer::Blank);
}

#[test]
fn a_participant_sees_only_their_sides_questions_in_their_sides_words() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    // One business participant: the questionnaire screen shows that person's questions.
    harness.get_by_label(WORKSHOP).click();
    harness.run();
    harness.get_by_label("Add participant").click();
    harness.run();
    harness.get_by_label("Questionnaire").click();
    harness.run();
    let (business_count, it_count) = {
        let q = &harness.state().document().unwrap().assessment.questionnaire;
        let count = |a: Audience| q.questions.iter().filter(|x| x.audience != a).count();
        (count(Audience::It), count(Audience::Business))
    };
    harness.get_by_label_contains(&format!("0 of {business_count} answered"));
    harness.get_by_label(
        "How well do you understand what IT tells you about changes, proposals and problems?",
    );
    // The rule and the target's horizon at every question of the dimension (five, com-05 too).
    assert_eq!(harness.query_all_by_label_contains(RULE).count(), 5);
    assert_eq!(
        harness
            .query_all_by_label_contains("Where do you want to be in 12 to 18 months?")
            .count(),
        5
    );
    // The service dimension: three of its six questions are for IT only.
    harness
        .get_by_label_contains("Service basics and proactive support  (0/3)")
        .click();
    harness.run();
    assert!(harness.query_by_label_contains("ser-02 today 1").is_none());
    harness.get_by_label_contains("ser-04 today 1").click();
    harness.run();
    assert_eq!(current(&harness, 0, "ser-04"), Answer::Level(1));
    harness.get_by_label_contains(&format!("1 of {business_count} answered"));

    // A self-assessment is one IT person: IT's questions, IT's words.
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    harness.get_by_label(SELF_ASSESSMENT).click();
    harness.run();
    harness.get_by_label("Questionnaire").click();
    harness.run();
    harness.get_by_label_contains(&format!("0 of {it_count} answered"));
    harness.get_by_label("How well do business people understand what we in IT tell them about changes, proposals and problems?");
    assert!(harness.query_by_label_contains("com-05 today 1").is_none());
}

#[test]
fn a_workshop_can_start_with_its_core_questions_only() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    harness.get_by_label(CORE_ONLY).click();
    harness.run();
    harness.get_by_label(WORKSHOP).click();
    harness.run();
    let q = harness
        .state()
        .document()
        .unwrap()
        .assessment
        .questionnaire
        .clone();
    assert_eq!(q.questions.len(), 27);
    assert!(q.questions.iter().all(|x| x.core));
    assert_eq!(q.title, "Business–IT Convergence Workshop (core questions)");
    assert_eq!(q.estimated_minutes, 150);
    for d in &q.dimensions {
        assert_eq!(q.questions_in(&d.id).count(), 3, "{}", d.id);
    }
    harness.get_by_label("Add participant").click();
    harness.run();
    harness.get_by_label("Add participant").click();
    harness.run();
    harness.get_by_label("Questionnaire").click();
    harness.run();
    harness.get_by_label_contains("Question 1 of 27");
}

#[test]
fn without_the_core_box_a_workshop_asks_everything() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    // Ticked and unticked again: the full questionnaire.
    harness.get_by_label(CORE_ONLY).click();
    harness.run();
    harness.get_by_label(CORE_ONLY).click();
    harness.run();
    harness.get_by_label(WORKSHOP).click();
    harness.run();
    let q = &harness.state().document().unwrap().assessment.questionnaire;
    assert_eq!(q.questions.len(), 52);
    assert!(q.questions.iter().any(|x| !x.core));
}

#[test]
fn the_answering_rule_is_on_screen_in_fast_entry_and_on_the_projector() {
    let (mut harness, _data) = room(&[true, false]);
    harness.get_by_label_contains(RULE);
    harness.get_by_label_contains("Target: where you want to be in 12 to 18 months.");
    // A mirrored question shows how each side reads it.
    page_to(&mut harness, "com-02");
    harness.get_by_label_contains("IT reads: How well do business people understand what we in IT");
    harness.get_by_label_contains("The business reads: ");
    harness.get_by_label("Present").click();
    harness.run();
    harness.get_by_label_contains(RULE);
    // The projector waits only for those asked: on an IT-only question, one of two.
    let steps = index_of(&harness, "ser-02") - index_of(&harness, "com-02");
    for _ in 0..steps {
        press(&mut harness, &[Key::ArrowRight]);
    }
    harness.get_by_label("0 of 1 have answered. Press R to reveal the room's answers.");
}
