//! The one way UI tests build the app: a 1280×800 window, the autosave in a folder of the
//! test's, and file dialogs that answer from a list instead of asking.

use std::path::{Path, PathBuf};

use convergence::model::Answer;
use convergence::scoring::Phase;
use convergence::ui::{App, AppEnv, ScriptedDialogs};
use egui_kittest::Harness;

/// The app with its autosave in `data_dir`; its file dialogs answer `paths`, in order.
pub fn app(data_dir: &Path, paths: Vec<PathBuf>) -> Harness<'static, App> {
    app_sized(data_dir, paths, egui::vec2(1280.0, 800.0))
}

/// The same at another window size (a projector's 1920×1080, say).
pub fn app_sized(data_dir: &Path, paths: Vec<PathBuf>, size: egui::Vec2) -> Harness<'static, App> {
    app_with(
        data_dir,
        ScriptedDialogs::answering(paths),
        size,
        Vec::new(),
    )
}

/// The app started as `convergence FILE…` is: `open` given on the command line.
pub fn app_opening(data_dir: &Path, open: Vec<PathBuf>) -> Harness<'static, App> {
    let size = egui::vec2(1280.0, 800.0);
    app_with(data_dir, ScriptedDialogs::answering(Vec::new()), size, open)
}

/// The app on a desktop with no native file dialog (no portal, no zenity): it asks in the window.
pub fn app_without_native_dialogs(data_dir: &Path) -> Harness<'static, App> {
    app_with(
        data_dir,
        ScriptedDialogs::unavailable(),
        egui::vec2(1280.0, 800.0),
        Vec::new(),
    )
}

fn app_with(
    data_dir: &Path,
    dialogs: ScriptedDialogs,
    size: egui::Vec2,
    open: Vec<PathBuf>,
) -> Harness<'static, App> {
    let data_dir = data_dir.to_path_buf();
    Harness::builder().with_size(size).build_eframe(move |cc| {
        let dialogs = Box::new(dialogs);
        App::new(
            cc,
            AppEnv {
                dialogs,
                data_dir: Some(data_dir),
                open,
                jobs_in_line: true,
            },
        )
    })
}

/// What participant number `participant` answered to `question`, blank when nothing.
pub fn answer(
    harness: &Harness<'_, App>,
    participant: usize,
    question: &str,
    phase: Phase,
) -> Answer {
    let doc = harness.state().document().expect("a document is open");
    let response = doc.assessment.participants[participant]
        .responses
        .get(question);
    response.map_or(Answer::Blank, |r| match phase {
        Phase::Current => r.current,
        Phase::Target => r.target,
    })
}

/// The id of the open questionnaire's question number `index` (from 0).
pub fn question_id(harness: &Harness<'_, App>, index: usize) -> String {
    let doc = harness.state().document().expect("a document is open");
    doc.assessment.questionnaire.questions[index].id.clone()
}

/// The key that types `level`.
pub fn digit(level: usize) -> egui::Key {
    use egui::Key;
    [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5][level - 1]
}

/// Participant number `participant`'s level today for `question`.
pub fn current(harness: &Harness<'_, App>, participant: usize, question: &str) -> Answer {
    answer(harness, participant, question, Phase::Current)
}

/// Participant number `participant`'s target for `question`.
pub fn target(harness: &Harness<'_, App>, participant: usize, question: &str) -> Answer {
    answer(harness, participant, question, Phase::Target)
}

/// Presses each key in turn, a frame after each.
pub fn press(harness: &mut Harness<'_, App>, keys: &[egui::Key]) {
    for key in keys {
        harness.key_press(*key);
        harness.run();
    }
}

/// Scrolls the widget into view, as a user would on a laptop screen, and clicks it.
pub fn click(harness: &mut Harness<'_, App>, label: &str) {
    use egui_kittest::kittest::Queryable;
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Opens a combo box and picks one of its items (buttons in the popup, unlike same-named labels).
pub fn choose(harness: &mut Harness<'_, App>, combo: &str, item: &str) {
    use egui_kittest::kittest::Queryable;
    click(harness, combo);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, item)
        .click();
    harness.run();
}
