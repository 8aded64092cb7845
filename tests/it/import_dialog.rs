//! The CSV import dialog driven as a user would: File → Import CSV answers…, the columns
//! matched automatically, an unmatched column mapped by hand with its menu, the preview, the
//! problems by line, Import / Cancel, and undo. The exports in `tests/data/import/` are the
//! three form tools' layouts, each with one column the automatic matching cannot place; they
//! answer `tests/data/csv/mini.ron`.

use std::path::{Path, PathBuf};

use convergence::files;
use convergence::model::{Answer, Assessment, Participant, Side};
use convergence::ui::App;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

use crate::harness::app;

fn fixture(folder: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(folder)
        .join(name)
}

/// An assessment taken with the mini questionnaire, saved in `dir`, holding `participants`.
fn assessment_file(dir: &Path, participants: Vec<Participant>) -> PathBuf {
    let questionnaire =
        files::load_questionnaire(&fixture("csv", "mini.ron")).expect("mini.ron loads");
    let mut assessment = Assessment::new(questionnaire);
    assessment.organisation = "Acme Insurance".into();
    assessment.participants = participants;
    let path = dir.join("acme.ron");
    files::save_assessment(&assessment, &path).expect("the assessment is written");
    path
}

/// Opens the assessment (the first scripted path), then asks to import a CSV (the next one).
fn open_and_import(harness: &mut Harness<'_, App>) {
    harness.get_by_label("Open…").click();
    harness.run();
    assert!(
        harness.state().document().is_some(),
        "the assessment opened"
    );
    import_again(harness);
}

/// File → Import CSV answers…, answered by the next scripted path.
fn import_again(harness: &mut Harness<'_, App>) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import CSV answers…").click();
    harness.run();
}

/// Picks `choice` in the menu of column `column` (1-based).
fn map_column(harness: &mut Harness<'_, App>, column: usize, choice: &str) {
    let menu = format!("Import column {column} (");
    harness.get_by_label_contains(&menu).scroll_to_me();
    harness.run();
    harness.get_by_label_contains(&menu).click();
    harness.run();
    harness.get_by_label(choice).scroll_to_me();
    harness.run();
    harness.get_by_label(choice).click();
    harness.run();
}

fn participants(harness: &Harness<'_, App>) -> Vec<Participant> {
    harness
        .state()
        .document()
        .map(|d| d.assessment.participants.clone())
        .unwrap_or_default()
}

fn by_name<'a>(people: &'a [Participant], name: &str) -> &'a Participant {
    people
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no participant {name:?} in {people:#?}"))
}

fn current(p: &Participant, question: &str) -> Answer {
    p.responses
        .get(question)
        .map_or(Answer::Blank, |r| r.current)
}

fn target(p: &Participant, question: &str) -> Answer {
    p.responses
        .get(question)
        .map_or(Answer::Blank, |r| r.target)
}

fn dialog_is_open(harness: &Harness<'_, App>) -> bool {
    harness
        .query_by_label_contains("Import answers from")
        .is_some()
}

#[test]
fn google_forms_export_with_a_reworded_question_mapped_by_hand() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let me = Participant {
        id: "p1".into(),
        name: "Facilitator".into(),
        side: Side::It,
        ..Participant::default()
    };
    let file = assessment_file(folder.path(), vec![me]);
    let csv = fixture("import", "google_forms.csv");
    let mut harness = app(data.path(), vec![file, csv]);
    open_and_import(&mut harness);

    harness.get_by_label("Import answers from google_forms.csv");
    // Column 8 words val-02 differently: not matched, and the core says so.
    assert!(
        harness
            .get_by_label_contains("Import column 8 (")
            .value()
            .is_some_and(|v| v == "Ignore"),
        "column 8 starts ignored"
    );
    harness.get_by_label("not matched");
    harness.get_by_label_contains("ignored: the heading names no question");
    // Per row: com-01 and com-02 today and target, val-01, gov-01, gov-02 today = 7 answers.
    harness.get_by_label("Preview: 3 participants, 21 answers, 0 duplicates skipped");

    map_column(&mut harness, 8, "val-02 today");
    assert_eq!(
        harness
            .get_by_label_contains("Import column 8 (")
            .value()
            .as_deref(),
        Some("val-02 today")
    );
    harness.get_by_label("Preview: 3 participants, 24 answers, 0 duplicates skipped");
    assert!(
        harness.query_by_label("not matched").is_some(),
        "the automatic match is still shown beside the choice"
    );
    assert!(
        harness
            .query_by_label_contains("ignored: the heading names no question")
            .is_none(),
        "the problem went with the mapping"
    );

    harness.get_by_label("Import 3 participants").click();
    harness.run();
    assert!(!dialog_is_open(&harness), "the dialog closed");
    let people = participants(&harness);
    assert_eq!(people.len(), 4, "the facilitator and the three respondents");
    let ids: Vec<&str> = people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["p1", "p2", "p3", "p4"], "no id is taken twice");
    let ann = by_name(&people, "ann@example.org");
    assert_eq!(ann.side, Side::It);
    assert_eq!(ann.role, "CIO");
    assert_eq!(current(ann, "val-02"), Answer::Level(2));
    assert_eq!(current(ann, "com-01"), Answer::Level(3));
    assert_eq!(target(ann, "com-01"), Answer::Level(5));
    assert_eq!(
        current(by_name(&people, "bob@example.org"), "val-02"),
        Answer::Level(1)
    );
    assert_eq!(
        current(by_name(&people, "carla@example.org"), "val-02"),
        Answer::Level(4)
    );
    assert!(harness.state().document().unwrap().is_dirty());
}

#[test]
fn microsoft_forms_export_with_its_side_column_mapped_by_hand() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let file = assessment_file(folder.path(), vec![]);
    let csv = fixture("import", "ms_forms.csv");
    let mut harness = app(data.path(), vec![file, csv]);
    open_and_import(&mut harness);

    harness.get_by_label("Import answers from ms_forms.csv");
    harness.get_by_label_contains("there is no Side column");
    map_column(&mut harness, 7, "Side");
    assert!(
        harness
            .query_by_label_contains("there is no Side column")
            .is_none(),
        "the preview was recomputed with the new mapping"
    );
    harness.get_by_label("Import 3 participants").click();
    harness.run();

    let people = participants(&harness);
    assert_eq!(people.len(), 3);
    assert_eq!(by_name(&people, "Dana Smith").side, Side::It);
    assert_eq!(by_name(&people, "Erik Jansen").side, Side::It);
    let anonymous = people.iter().find(|p| p.external_id == "ID=2").unwrap();
    assert_eq!(anonymous.side, Side::Business);
    let dana = by_name(&people, "Dana Smith");
    assert_eq!(current(dana, "com-01"), Answer::Level(3), "\"Defined\"");
    assert_eq!(target(dana, "com-01"), Answer::Level(4), "\"Managed\"");
    assert_eq!(current(dana, "gov-02"), Answer::DontKnow);
}

#[test]
fn limesurvey_export_with_a_coded_column_mapped_by_hand() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let file = assessment_file(folder.path(), vec![]);
    let csv = fixture("import", "limesurvey.csv");
    let mut harness = app(data.path(), vec![file, csv]);
    open_and_import(&mut harness);

    harness.get_by_label("Import answers from limesurvey.csv");
    harness.get_by_label_contains("question val-02 has no column");
    map_column(&mut harness, 11, "val-02 today");
    assert!(
        harness
            .query_by_label_contains("question val-02 has no column")
            .is_none()
    );
    harness.get_by_label("Import 3 participants").click();
    harness.run();

    let people = participants(&harness);
    let values: Vec<Answer> = people.iter().map(|p| current(p, "val-02")).collect();
    assert_eq!(
        values,
        [Answer::Level(4), Answer::Level(1), Answer::Level(3)]
    );
    assert_eq!(current(&people[0], "com-02"), Answer::DontKnow, "\"dk\"");
    assert_eq!(target(&people[2], "com-01"), Answer::Level(5));
    assert_eq!(people[0].external_id, "id=12");
}

#[test]
fn importing_the_same_export_again_adds_nobody() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let file = assessment_file(folder.path(), vec![]);
    let csv = fixture("import", "google_forms.csv");
    let mut harness = app(data.path(), vec![file, csv.clone(), csv]);
    open_and_import(&mut harness);
    harness.get_by_label("Import 3 participants").click();
    harness.run();
    let once = participants(&harness);
    assert_eq!(once.len(), 3);

    import_again(&mut harness);
    harness.get_by_label("Preview: 0 participants, 0 answers, 3 duplicates skipped");
    harness.get_by_label_contains("\"ann@example.org\" was already imported as p1");
    assert!(
        harness
            .get_by_label("Import 0 participants")
            .accesskit_node()
            .is_disabled(),
        "nothing to import"
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!dialog_is_open(&harness));
    assert_eq!(participants(&harness), once);
}

#[test]
fn a_bad_cell_is_listed_under_its_line_as_an_error() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let file = assessment_file(folder.path(), vec![]);
    let csv = fixture("csv", "problems.csv");
    let mut harness = app(data.path(), vec![file, csv]);
    open_and_import(&mut harness);

    harness.get_by_label("Line 1 · the column headings");
    harness.get_by_label_contains("Warning · column 3 (Department): ignored");
    scroll_problems_to(&mut harness, "Line 4 · Carla");
    harness.get_by_label_contains("Error · column 7 (com-02): \"Excellent\" is not a level");
    harness.get_by_label_contains("Error · column 6 (Target [com-01]): \"7\" is not a level");
    harness.get_by_label("Line 3 · Bob");
    harness.get_by_label_contains("Error · column 4 (Side): \"Finance\" is not a side");
    assert_eq!(
        harness.query_all_by_label_contains("Error · ").count(),
        3,
        "three errors, told apart from the warnings"
    );

    // The rest of the row still imports.
    harness.get_by_label("Import 3 participants").click();
    harness.run();
    let people = participants(&harness);
    let carla = by_name(&people, "Carla");
    assert_eq!(current(carla, "com-01"), Answer::Level(4));
    assert_eq!(target(carla, "com-01"), Answer::Blank);
    assert_eq!(current(carla, "com-02"), Answer::Blank);
}

/// Scrolls the problem list down until `label` is in view (the list draws only what shows).
fn scroll_problems_to(harness: &mut Harness<'_, App>, label: &str) {
    for _ in 0..10 {
        if harness.query_by_label(label).is_some() {
            return;
        }
        let in_list = |label: &str| {
            ["Line ", "Warning · ", "Error · "]
                .iter()
                .any(|start| label.starts_with(start))
        };
        harness
            .query_all_by(|node| node.value().is_some_and(|l| in_list(&l)))
            .next()
            .expect("the problem list shows")
            .scroll_down();
        harness.run();
    }
    panic!("{label:?} never came into view");
}

#[test]
fn cancel_and_escape_change_nothing() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let file = assessment_file(folder.path(), vec![]);
    let csv = fixture("import", "limesurvey.csv");
    let mut harness = app(data.path(), vec![file, csv.clone(), csv]);
    open_and_import(&mut harness);
    let before = harness.state().document().unwrap().assessment.clone();

    map_column(&mut harness, 11, "val-02 today");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(!dialog_is_open(&harness));
    let doc = harness.state().document().unwrap();
    assert_eq!(doc.assessment, before);
    assert!(!doc.is_dirty(), "nothing to save");
    assert!(!doc.can_undo(), "nothing to undo");

    import_again(&mut harness);
    assert!(dialog_is_open(&harness));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!dialog_is_open(&harness));
    assert_eq!(harness.state().document().unwrap().assessment, before);
}

#[test]
fn undo_removes_the_import_and_redo_brings_it_back() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let file = assessment_file(folder.path(), vec![]);
    let csv = fixture("import", "ms_forms.csv");
    let mut harness = app(data.path(), vec![file, csv]);
    open_and_import(&mut harness);
    harness.get_by_label("Import 3 participants").click();
    harness.run();
    let imported = participants(&harness);
    assert_eq!(imported.len(), 3);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        participants(&harness).is_empty(),
        "one undo takes the whole import back"
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(participants(&harness), imported);
}

#[test]
fn a_file_that_is_not_a_table_shows_its_error_and_changes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let file = assessment_file(folder.path(), vec![]);
    let csv = fixture("csv", "ragged.csv");
    let mut harness = app(data.path(), vec![file, csv]);
    open_and_import(&mut harness);
    assert!(!dialog_is_open(&harness));
    let error = harness
        .state()
        .error()
        .expect("an error is shown")
        .to_owned();
    assert!(
        error.contains("ragged.csv") && error.contains("line 4"),
        "{error}"
    );
    assert!(participants(&harness).is_empty());
}
