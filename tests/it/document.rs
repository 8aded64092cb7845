//! Editing in the core, without a window: edits, undo and redo, and what counts as unsaved.

use std::path::PathBuf;

use convergence::document::{Document, Edit};
use convergence::files;
use convergence::model::{Answer, Assessment};
use convergence::scoring::Phase;

fn workshop() -> Document {
    let questionnaire = files::builtin_questionnaires().remove(0);
    let mut doc = Document::new(Assessment::new(questionnaire), None);
    doc.apply(Edit::AddParticipant);
    doc
}

fn answer(doc: &mut Document, level: u8) {
    let question = doc.assessment.questionnaire.questions[0].id.clone();
    doc.apply(Edit::Answer {
        participant: 0,
        question,
        phase: Phase::Current,
        answer: Answer::Level(level),
    });
}

#[test]
fn a_new_or_opened_document_has_nothing_unsaved() {
    let questionnaire = files::builtin_questionnaires().remove(0);
    let doc = Document::new(Assessment::new(questionnaire), Some(PathBuf::from("a.ron")));
    assert!(!doc.is_dirty());
    assert!(!doc.can_undo());
    assert_eq!(doc.marked_name(), "a.ron");
}

#[test]
fn an_edit_is_unsaved_until_saved_and_undo_back_to_the_save_clears_the_mark() {
    let mut doc = workshop();
    assert!(doc.is_dirty());
    doc.mark_saved(PathBuf::from("a.ron"), doc.revision());
    assert!(!doc.is_dirty());
    answer(&mut doc, 3);
    assert!(doc.is_dirty());
    assert_eq!(doc.marked_name(), "● a.ron");
    assert!(doc.undo());
    assert!(!doc.is_dirty(), "back to what is on disk");
    assert!(doc.redo());
    assert!(doc.is_dirty());
}

#[test]
fn a_save_of_an_older_state_leaves_later_edits_unsaved() {
    let mut doc = workshop();
    let written = doc.revision();
    answer(&mut doc, 2); // typed while the save was being written
    doc.mark_saved(PathBuf::from("a.ron"), written);
    assert!(doc.is_dirty());
    assert!(doc.undo());
    assert!(!doc.is_dirty(), "the state the save wrote");
}

#[test]
fn undoing_past_the_save_and_editing_again_is_unsaved() {
    let mut doc = workshop();
    answer(&mut doc, 2);
    doc.mark_saved(PathBuf::from("a.ron"), doc.revision());
    assert!(doc.undo());
    answer(&mut doc, 2); // the same answer, but a new state: the file holds another history
    assert!(doc.is_dirty());
}

#[test]
fn typing_into_one_field_is_one_undo_step() {
    let mut doc = workshop();
    let before = doc.assessment.organisation.clone();
    for text in ["A", "Ac", "Acme"] {
        doc.apply(Edit::Organisation(text.into()));
    }
    assert_eq!(doc.assessment.organisation, "Acme");
    assert!(doc.undo());
    assert_eq!(doc.assessment.organisation, before);
}

#[test]
fn typing_after_a_save_starts_a_new_undo_step() {
    let mut doc = workshop();
    doc.apply(Edit::Organisation("Ac".into()));
    doc.mark_saved(PathBuf::from("a.ron"), doc.revision());
    doc.apply(Edit::Organisation("Acme".into()));
    assert!(doc.undo());
    assert_eq!(doc.assessment.organisation, "Ac");
    assert!(!doc.is_dirty());
}

#[test]
fn recovered_work_is_unsaved_from_the_start() {
    let questionnaire = files::builtin_questionnaires().remove(0);
    let doc = Document::recovered(Assessment::new(questionnaire), Some(PathBuf::from("a.ron")));
    assert!(doc.is_dirty());
}

#[test]
fn undo_and_redo_with_nothing_to_do_report_it() {
    let questionnaire = files::builtin_questionnaires().remove(0);
    let mut doc = Document::new(Assessment::new(questionnaire), None);
    assert!(!doc.undo());
    assert!(!doc.redo());
    assert!(!doc.is_dirty());
}

#[test]
fn scores_follow_every_edit_undo_and_redo() {
    let mut doc = workshop();
    answer(&mut doc, 4);
    let answered = doc.scores.clone();
    assert!(doc.undo());
    assert_ne!(format!("{:?}", doc.scores), format!("{answered:?}"));
    assert!(doc.redo());
    assert_eq!(format!("{:?}", doc.scores), format!("{answered:?}"));
}
