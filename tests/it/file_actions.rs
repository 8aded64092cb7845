//! File actions as a user meets them on any desktop: the in-window file dialog where the desktop
//! has none, what every save says, failed saves, and the promises around unsaved work.

use std::path::Path;

use convergence::ui::{App, Screen};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

use crate::harness::{app, app_without_native_dialogs};

const SELF_CHECK: &str = "Self-assessment with CIO Self-Check: Business–IT Convergence";

/// Starts a self-check, answers its first question with 3, and stays on the questionnaire.
fn self_check_with_an_answer(harness: &mut Harness<'_, App>) {
    harness.get_by_label(SELF_CHECK).click();
    harness.run();
    harness.get_by_label("Questionnaire").click();
    harness.run();
    harness.key_press(Key::Num3);
    harness.run();
    assert!(harness.state().document().unwrap().is_dirty());
}

/// Types `path` over what the in-window dialog's file name field holds and presses Enter.
fn choose_in_window(harness: &mut Harness<'_, App>, path: &Path) {
    harness.get_by_label("File name").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("File name")
        .type_text(&path.display().to_string());
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

/// Clicks `item` in the File menu.
fn file_menu(harness: &mut Harness<'_, App>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    menu_item(harness, item).click();
    harness.run();
}

/// A menu item by its name, whatever shortcut its label carries after it.
fn menu_item<'h>(harness: &'h Harness<'_, App>, name: &'h str) -> egui_kittest::Node<'h> {
    let shortcut = format!("{name} Ctrl");
    harness.get_by(move |node| {
        node.label()
            .is_some_and(|label| label == name || label.starts_with(&shortcut))
    })
}

#[test]
fn save_as_without_a_native_dialog_asks_in_the_window_and_writes_the_file() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("acme.ron");
    let mut harness = app_without_native_dialogs(data.path());
    self_check_with_an_answer(&mut harness);

    file_menu(&mut harness, "Save As…");
    harness.get_by_label_contains("Save the assessment as");
    choose_in_window(&mut harness, &path);

    let written = convergence::files::load_assessment(&path).expect("the file was written");
    let doc = harness.state().document().unwrap();
    assert_eq!(written, doc.assessment);
    assert!(!doc.is_dirty());
    let saved_to = format!("Saved to {}", path.display());
    assert_eq!(harness.state().status(), saved_to);
    harness.get_by_label(&saved_to);
    assert!(
        harness
            .query_by_label_contains("Save the assessment as")
            .is_none()
    );
}

#[test]
fn a_name_without_an_ending_is_saved_as_ron() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let mut harness = app_without_native_dialogs(data.path());
    self_check_with_an_answer(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    choose_in_window(&mut harness, &folder.path().join("acme"));
    assert!(folder.path().join("acme.ron").exists());
}

#[test]
fn open_without_a_native_dialog_asks_in_the_window() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("acme.ron");
    let mut harness = app(data.path(), vec![path.clone()]);
    self_check_with_an_answer(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = harness.state().document().unwrap().assessment.clone();
    drop(harness);

    let mut harness = app_without_native_dialogs(data.path());
    harness.get_by_label("Open…").click();
    harness.run();
    harness.get_by_label_contains("Choose an assessment to open");
    choose_in_window(&mut harness, &path);
    let doc = harness.state().document().expect("the file opened");
    assert_eq!(doc.assessment, saved);
    assert_eq!(harness.state().screen(), Screen::Results);
}

#[test]
fn cancelling_the_in_window_dialog_changes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app_without_native_dialogs(data.path());
    self_check_with_an_answer(&mut harness);
    file_menu(&mut harness, "Save As…");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Save the assessment as")
            .is_none()
    );
    let doc = harness.state().document().unwrap();
    assert!(doc.is_dirty());
    assert!(doc.path.is_none());
}

#[test]
fn merge_and_import_without_a_native_dialog_ask_in_the_window() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app_without_native_dialogs(data.path());
    self_check_with_an_answer(&mut harness);
    file_menu(&mut harness, "Merge answers from a file…");
    harness.get_by_label_contains("Choose an assessment to merge in");
    harness.get_by_label("Cancel").click();
    harness.run();
    file_menu(&mut harness, "Import CSV answers…");
    harness.get_by_label_contains("Choose a CSV export to import");
}

#[test]
fn a_failed_save_says_why_and_keeps_the_unsaved_mark() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let nowhere = folder.path().join("no such folder").join("acme.ron");
    let mut harness = app(data.path(), vec![nowhere.clone()]);
    self_check_with_an_answer(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let error = harness
        .state()
        .error()
        .expect("the failure is shown")
        .to_string();
    assert!(error.contains("acme.ron"), "{error}");
    let doc = harness.state().document().unwrap();
    assert!(doc.is_dirty());
    assert!(doc.title().starts_with('●'));
    assert!(doc.path.is_none());
}

#[test]
fn save_as_is_disabled_with_nothing_open() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app_without_native_dialogs(data.path());
    harness.get_by_label("File").click();
    harness.run();
    assert!(
        menu_item(&harness, "Save As…")
            .accesskit_node()
            .is_disabled()
    );
    assert!(menu_item(&harness, "Save").accesskit_node().is_disabled());
    harness.key_press(Key::Escape);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Save the assessment as")
            .is_none(),
        "the shortcut asks nothing either"
    );
}

#[test]
fn dont_save_on_close_discards_for_good() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    self_check_with_an_answer(&mut harness);
    harness.state_mut().autosave_now(); // the autosave has caught up with the work
    harness.run();

    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Don't save").click();
    harness.run();
    eframe::App::on_exit(harness.state_mut());
    drop(harness);

    let restarted = app(data.path(), vec![]);
    assert!(
        restarted.query_by_label("Recover unsaved work?").is_none(),
        "discarded work is not offered back"
    );
}

#[test]
fn closing_without_being_asked_keeps_the_work_for_next_time() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    self_check_with_an_answer(&mut harness);
    eframe::App::on_exit(harness.state_mut());
    drop(harness);
    let restarted = app(data.path(), vec![]);
    restarted.get_by_label("Recover unsaved work?");
}

#[test]
fn undoing_back_to_the_saved_state_leaves_nothing_unsaved() {
    let data = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![folder.path().join("acme.ron")]);
    self_check_with_an_answer(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.key_press(Key::Num4);
    harness.run();
    assert!(harness.state().document().unwrap().is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let doc = harness.state().document().unwrap();
    assert!(!doc.is_dirty(), "back to what is on disk");
    assert!(!doc.title().starts_with('●'));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert!(harness.state().document().unwrap().is_dirty());
}

#[test]
fn redo_is_protected_by_the_autosave_as_undo_is() {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    self_check_with_an_answer(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.state_mut().autosave_now();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    // The autosave is due two seconds after the redo: step past it (a step is 0.25 s).
    for _ in 0..12 {
        harness.step();
    }
    drop(harness);
    let mut restarted = app(data.path(), vec![]);
    restarted.get_by_label("Recover").click();
    restarted.run();
    let doc = restarted.state().document().unwrap();
    let answered = doc.assessment.participants[0].responses.len();
    assert_eq!(answered, 1, "the redone answer was autosaved");
}

#[test]
fn the_recovery_offer_says_how_long_ago_in_words() {
    use convergence::ui::theme::age_in_words;
    for (seconds, words) in [
        (0, "just now"),
        (59, "just now"),
        (60, "1 minute ago"),
        (119, "1 minute ago"),
        (120, "2 minutes ago"),
        (3_600, "1 hour ago"),
        (7_300, "2 hours ago"),
        (86_400, "1 day ago"),
        (3 * 86_400, "3 days ago"),
    ] {
        assert_eq!(age_in_words(seconds), words, "{seconds} s");
    }
}
