//! The action plan as a user meets it: adopt what a gap proposes, give it an owner and a due
//! date, change its status, reorder, remove, undo; and the assessment's notes.

use convergence::document::Document;
use convergence::files;
use convergence::model::{ActionStatus, Answer, Assessment, Participant, Response, Side};
use convergence::ui::{App, Screen};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

use crate::harness::app;

/// A self-check answered 2 today and 4 as target everywhere, open on the action plan.
fn plan_with_gaps() -> (Harness<'static, App>, tempfile::TempDir) {
    let questionnaire = files::builtin_questionnaires()
        .into_iter()
        .find(|q| q.id.contains("self-check"))
        .expect("the self-check is built in");
    let mut assessment = Assessment::new(questionnaire);
    let responses = assessment
        .questionnaire
        .questions
        .iter()
        .map(|q| {
            let response = Response {
                current: Answer::Level(2),
                target: Answer::Level(4),
                ..Response::default()
            };
            (q.id.clone(), response)
        })
        .collect();
    assessment.participants.push(Participant {
        id: "p1".into(),
        name: "Me".into(),
        side: Side::It,
        responses,
        ..Participant::default()
    });
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("gaps.ron");
    files::save_assessment(&assessment, &path).unwrap();
    let mut harness = app(folder.path(), vec![path]);
    harness.get_by_label("Open…").click();
    harness.run();
    harness.get_by_label("Action plan").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::ActionPlan);
    (harness, folder)
}

fn doc<'h>(harness: &'h Harness<'_, App>) -> &'h Document {
    harness.state().document().expect("a document is open")
}

/// Clicks the first Adopt button and returns the text of the action it adopted.
fn adopt_first(harness: &mut Harness<'_, App>) -> String {
    let label = harness
        .get_all_by_label_contains("Adopt: ")
        .next()
        .expect("the gaps propose actions")
        .accesskit_node()
        .label()
        .unwrap_or_default()
        .to_string();
    harness.get_by_label(&label).click();
    harness.run();
    label.trim_start_matches("Adopt: ").to_string()
}

fn type_into(harness: &mut Harness<'_, App>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

#[test]
fn a_gap_proposes_actions_and_adopting_one_puts_it_in_the_plan() {
    let (mut harness, _folder) = plan_with_gaps();
    assert!(doc(&harness).assessment.actions.is_empty());
    let text = adopt_first(&mut harness);
    let actions = &doc(&harness).assessment.actions;
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].text, text);
    assert_eq!(actions[0].status, ActionStatus::Proposed);
    assert!(
        !actions[0].dimensions.is_empty(),
        "it says which gap it closes"
    );
    assert!(
        harness.query_by_label(&format!("Adopt: {text}")).is_none(),
        "an adopted proposal is marked as in the plan"
    );
}

#[test]
fn an_owner_and_a_due_date_are_set_and_undo_takes_them_back() {
    let (mut harness, _folder) = plan_with_gaps();
    adopt_first(&mut harness);
    type_into(&mut harness, "Owner of action 1", "Head of IT");
    type_into(&mut harness, "Due date of action 1", "2027-03-31");
    let action = &doc(&harness).assessment.actions[0];
    assert_eq!(action.owner, "Head of IT");
    assert_eq!(action.due, "2027-03-31");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        doc(&harness).assessment.actions[0].due,
        "",
        "the date typed is one step"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(doc(&harness).assessment.actions[0].owner, "");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        doc(&harness).assessment.actions.is_empty(),
        "the adoption is undone last"
    );
}

#[test]
fn a_due_date_that_is_not_a_date_is_marked_and_never_saved() {
    let (mut harness, _folder) = plan_with_gaps();
    adopt_first(&mut harness);
    for bad in ["next tuesday", "2027-02-30", "31/03/2027"] {
        type_into(&mut harness, "Due date of action 1", bad);
        harness.get_by_label("not a date: use YYYY-MM-DD");
        assert_eq!(
            doc(&harness).assessment.actions[0].due,
            "",
            "{bad} is not stored"
        );
    }
    type_into(&mut harness, "Due date of action 1", "2027-02-28");
    assert!(
        harness
            .query_by_label("not a date: use YYYY-MM-DD")
            .is_none()
    );
    assert_eq!(doc(&harness).assessment.actions[0].due, "2027-02-28");
}

#[test]
fn actions_are_added_reordered_given_a_status_and_removed() {
    let (mut harness, _folder) = plan_with_gaps();
    let adopted = adopt_first(&mut harness);
    harness.get_by_label("Add action").click();
    harness.run();
    type_into(
        &mut harness,
        "Action 2",
        "Share a win with the board every month",
    );
    harness.get_by_label("Move action 2 up").click();
    harness.run();
    let texts: Vec<String> = doc(&harness)
        .assessment
        .actions
        .iter()
        .map(|a| a.text.clone())
        .collect();
    assert_eq!(
        texts,
        ["Share a win with the board every month", adopted.as_str()]
    );

    harness.get_by_label("Status of action 2").click();
    harness.run();
    harness.get_by_label("in progress").click();
    harness.run();
    assert_eq!(
        doc(&harness).assessment.actions[1].status,
        ActionStatus::InProgress
    );

    harness.get_by_label("Remove action 1").click();
    harness.run();
    let actions = &doc(&harness).assessment.actions;
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].text, adopted);
}

#[test]
fn the_plan_and_the_notes_are_saved_in_the_file() {
    let (mut harness, folder) = plan_with_gaps();
    adopt_first(&mut harness);
    type_into(&mut harness, "Owner of action 1", "CIO");
    type_into(
        &mut harness,
        "Notes for the assessment",
        "Re-run after the Q3 reorganisation",
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = files::load_assessment(&folder.path().join("gaps.ron")).unwrap();
    assert_eq!(saved.actions, doc(&harness).assessment.actions);
    assert_eq!(saved.actions[0].owner, "CIO");
    assert_eq!(saved.notes, "Re-run after the Q3 reorganisation");
}

#[test]
fn notes_and_comments_show_in_results_by_code_when_anonymous() {
    let (mut harness, _folder) = plan_with_gaps();
    type_into(
        &mut harness,
        "Notes for the assessment",
        "Board wants this by March",
    );
    harness.get_by_label("Questionnaire").click();
    harness.run();
    let first = doc(&harness).assessment.questionnaire.questions[0]
        .id
        .clone();
    type_into(
        &mut harness,
        &format!("Comment on {first}"),
        "Two BRMs left this year",
    );
    harness.get_by_label("Setup").click();
    harness.run();
    harness
        .get_by_label("Show anonymous codes instead of names")
        .click();
    harness.run();
    harness.get_by_label("Results").click();
    harness.run();
    harness.get_by_label("Notes and comments").click();
    harness.run();
    harness.get_by_label("Board wants this by March");
    harness.get_by_label("P1: Two BRMs left this year");
    harness.get_by_label_contains(&format!("{first} · "));
    assert!(
        harness
            .query_by_label("Me: Two BRMs left this year")
            .is_none()
    );
}
