//! The eframe app: owns the open document and the views, draws the frame, and applies the
//! commands the views pushed after it, in one place.

use std::path::{Path, PathBuf};

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::files::{self, MergeSource, Recovery, merge_assessments};
use crate::model::{Assessment, Questionnaire};

use super::command::{Command, Edit};
use super::dialogs::{DialogKind, FileDialogs};
use super::document::Document;
use super::import_dialog::ImportDialog;
use super::presentation::PresentationView;
use super::questionnaire::QuestionnaireView;
use super::results::ResultsView;
use super::settings::Settings;
use super::setup::SetupView;
use super::start::{RecoveryOffer, StartView};
use super::touchpoints::TouchpointsView;
use super::{Screen, theme};

/// Seconds between the last edit and the autosave that protects it.
const AUTOSAVE_DELAY: f64 = 2.0;

/// What the app needs from outside: dialogs and a folder for the autosave.
pub struct AppEnv {
    pub dialogs: Box<dyn FileDialogs>,
    /// Where the autosave lives; `None` disables it.
    pub data_dir: Option<PathBuf>,
    /// A file to open at start (from the command line).
    pub open: Option<PathBuf>,
}

/// Something waiting for the user to decide what happens to unsaved changes.
#[derive(Clone, Debug)]
enum Pending {
    New(Box<Questionnaire>),
    Open,
    OpenPath(PathBuf),
    Quit,
}

/// The window's state.
pub struct App {
    settings: Settings,
    questionnaires: Vec<Questionnaire>,
    doc: Option<Document>,
    screen: Screen,
    start: StartView,
    setup: SetupView,
    questionnaire: QuestionnaireView,
    touchpoints: TouchpointsView,
    results: ResultsView,
    /// The projector view, while presenting.
    presenting: Option<PresentationView>,
    /// The CSV import dialog, while it is open.
    import: Option<ImportDialog>,
    dialogs: Box<dyn FileDialogs>,
    data_dir: Option<PathBuf>,
    recovery: Option<Recovery>,
    /// A message for the user, shown until dismissed.
    error: Option<String>,
    /// News that is not a problem (what a merge did), shown until dismissed.
    notice: Option<String>,
    /// Unsaved changes stand in the way of this.
    confirm: Option<Pending>,
    /// Carried out once the Save As dialog has saved the document.
    after_save: Option<Pending>,
    autosave_due: Option<f64>,
    shown_title: String,
    quitting: bool,
    commands: Vec<Command>,
}

impl App {
    pub fn new(cc: &eframe::CreationContext<'_>, env: AppEnv) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        theme::install_fonts(&cc.egui_ctx);
        theme::apply(&cc.egui_ctx, settings.dark);
        let mut app = Self {
            settings,
            questionnaires: files::builtin_questionnaires(),
            doc: None,
            screen: Screen::Start,
            start: StartView,
            setup: SetupView,
            questionnaire: QuestionnaireView::default(),
            touchpoints: TouchpointsView::default(),
            results: ResultsView::default(),
            import: None,
            presenting: None,
            dialogs: env.dialogs,
            data_dir: env.data_dir,
            recovery: None,
            error: None,
            notice: None,
            confirm: None,
            after_save: None,
            autosave_due: None,
            shown_title: String::new(),
            quitting: false,
            commands: Vec::new(),
        };
        if let Some(path) = env.open {
            app.commands.push(Command::OpenPath(path));
        }
        if let Some(dir) = &app.data_dir {
            match files::read_autosave(dir) {
                Some(Ok(recovery)) => app.recovery = Some(recovery),
                Some(Err(err)) => {
                    app.error = Some(format!(
                        "The autosaved work could not be read; it is kept as it is.\n{err}"
                    ))
                }
                None => {}
            }
        }
        app
    }

    /// The open document, if any.
    pub fn document(&self) -> Option<&Document> {
        self.doc.as_ref()
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The message the window is showing, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Writes the autosave now instead of after the usual pause (tests; quitting).
    pub fn autosave_now(&mut self) {
        self.autosave_due = None;
        let (Some(dir), Some(doc)) = (&self.data_dir, &self.doc) else {
            return;
        };
        if !doc.dirty {
            return;
        }
        if let Err(err) = files::write_autosave(dir, &doc.assessment, doc.path.as_deref()) {
            self.error = Some(format!("Autosave failed: {err}"));
        }
    }

    /// Queues a command as if a view had pushed it (tests drive the app this way too).
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui
                    .add(egui::Button::new("New…").shortcut_text("Ctrl+N"))
                    .clicked()
                {
                    self.commands.push(Command::Show(Screen::Start));
                }
                if ui
                    .add(egui::Button::new("Open…").shortcut_text("Ctrl+O"))
                    .clicked()
                {
                    self.commands.push(Command::Open);
                }
                let has_doc = self.doc.is_some();
                if ui
                    .add_enabled(has_doc, egui::Button::new("Save").shortcut_text("Ctrl+S"))
                    .clicked()
                {
                    self.commands.push(Command::Save);
                }
                if ui
                    .add_enabled(
                        has_doc,
                        egui::Button::new("Save As…").shortcut_text("Ctrl+Shift+S"),
                    )
                    .clicked()
                {
                    self.commands.push(Command::SaveAs);
                }
                ui.separator();
                if ui
                    .add_enabled(has_doc, egui::Button::new("Import CSV answers…"))
                    .clicked()
                {
                    self.commands.push(Command::ImportCsv);
                }
                if ui
                    .add_enabled(has_doc, egui::Button::new("Merge answers from a file…"))
                    .on_hover_text(
                        "Add the participants of an assessment answered on another laptop",
                    )
                    .clicked()
                {
                    self.commands.push(Command::MergeFile);
                }
            });
            ui.menu_button("Edit", |ui| {
                let (undo, redo) = self
                    .doc
                    .as_ref()
                    .map_or((false, false), |d| (d.can_undo(), d.can_redo()));
                if ui
                    .add_enabled(undo, egui::Button::new("Undo").shortcut_text("Ctrl+Z"))
                    .clicked()
                {
                    self.commands.push(Command::Undo);
                }
                if ui
                    .add_enabled(
                        redo,
                        egui::Button::new("Redo").shortcut_text("Ctrl+Shift+Z"),
                    )
                    .clicked()
                {
                    self.commands.push(Command::Redo);
                }
            });
            ui.separator();
            for screen in Screen::ALL {
                let enabled = screen == Screen::Start || self.doc.is_some();
                if ui
                    .add_enabled(
                        enabled,
                        egui::Button::selectable(self.screen == screen, screen.name()),
                    )
                    .clicked()
                {
                    self.commands.push(Command::Show(screen));
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let dark = self.settings.dark;
                let label = if dark { "Light theme" } else { "Dark theme" };
                if ui
                    .button(label)
                    .on_hover_text("Switch between light and dark theme")
                    .clicked()
                {
                    self.commands.push(Command::SetTheme { dark: !dark });
                }
                if let Some(doc) = &self.doc {
                    ui.weak(doc.title().trim_end_matches(" — Convergence").to_string());
                }
            });
        });
    }

    fn screen_ui(&mut self, ui: &mut egui::Ui) {
        let Self {
            screen,
            doc,
            start,
            setup,
            questionnaire,
            touchpoints,
            results,
            commands,
            questionnaires,
            settings,
            ..
        } = self;
        match (*screen, doc.as_ref()) {
            (Screen::Start, _) | (_, None) => {
                start.ui(ui, questionnaires, &settings.recent, commands);
            }
            (Screen::Setup, Some(doc)) => setup.ui(ui, &doc.assessment, commands),
            (Screen::Questionnaire, Some(doc)) => {
                questionnaire.ui(ui, &doc.assessment, &doc.scores, commands)
            }
            (Screen::Touchpoints, Some(doc)) => {
                touchpoints.ui(ui, &doc.assessment, &doc.scores, commands)
            }
            (Screen::Results, Some(doc)) => {
                results.ui(ui, &doc.assessment, &doc.scores, &doc.by_rule, commands)
            }
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let shortcut = |modifiers, key| KeyboardShortcut::new(modifiers, key);
        let ctrl_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        ctx.input_mut(|input| {
            // Longer combinations first, so Ctrl+Shift+S is not taken for Ctrl+S.
            if input.consume_shortcut(&shortcut(ctrl_shift, Key::S)) {
                self.commands.push(Command::SaveAs);
            }
            if input.consume_shortcut(&shortcut(ctrl_shift, Key::Z)) {
                self.commands.push(Command::Redo);
            }
            if input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::S)) {
                self.commands.push(Command::Save);
            }
            if input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::O)) {
                self.commands.push(Command::Open);
            }
            if input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::N)) {
                self.commands.push(Command::Show(Screen::Start));
            }
            if input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Z)) {
                self.commands.push(Command::Undo);
            }
        });
    }

    /// Applies what the views asked for during the frame.
    fn apply_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            self.apply(command, ctx);
        }
    }

    fn apply(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::New(q) => self.unless_unsaved(Pending::New(q), ctx),
            Command::Open => self.unless_unsaved(Pending::Open, ctx),
            Command::OpenPath(path) => self.unless_unsaved(Pending::OpenPath(path), ctx),
            Command::Save => self.save(ctx),
            Command::SaveAs => self.dialogs.request(DialogKind::SaveAssessment, ctx),
            Command::ImportCsv => {
                if self.doc.is_some() {
                    self.dialogs.request(DialogKind::OpenCsv, ctx);
                }
            }
            Command::MergeFile => {
                if self.doc.is_some() {
                    self.dialogs.request(DialogKind::MergeAssessment, ctx);
                }
            }
            Command::Recover => {
                if let Some(recovery) = self.recovery.take() {
                    let mut doc = Document::new(recovery.assessment, recovery.origin);
                    doc.dirty = true;
                    self.doc = Some(doc);
                    self.questionnaire = QuestionnaireView::default();
                    self.screen = Screen::Questionnaire;
                }
            }
            Command::DiscardRecovery => {
                self.recovery = None;
                if let Some(dir) = &self.data_dir {
                    files::clear_autosave(dir);
                }
            }
            Command::Undo => {
                if let Some(doc) = &mut self.doc {
                    doc.undo();
                    self.autosave_due
                        .get_or_insert(ctx.input(|i| i.time) + AUTOSAVE_DELAY);
                }
            }
            Command::Redo => {
                if let Some(doc) = &mut self.doc {
                    doc.redo();
                }
            }
            Command::Show(screen) => self.screen = screen,
            Command::Present(Some(question)) => {
                if self.doc.is_some() {
                    self.presenting = Some(PresentationView {
                        question,
                        revealed: false,
                    });
                    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
                }
            }
            Command::Present(None) => {
                self.presenting = None;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            }
            Command::SetTheme { dark } => {
                self.settings.dark = dark;
                theme::apply(ctx, dark);
            }
            Command::Edit(edit) => {
                if let Some(doc) = &mut self.doc {
                    doc.apply(edit);
                    if self.autosave_due.is_none() {
                        self.autosave_due = Some(ctx.input(|i| i.time) + AUTOSAVE_DELAY);
                        ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                            AUTOSAVE_DELAY,
                        ));
                    }
                }
            }
        }
    }

    /// Carries out `pending` now, or first asks what to do with unsaved changes.
    fn unless_unsaved(&mut self, pending: Pending, ctx: &egui::Context) {
        if self.doc.as_ref().is_some_and(|d| d.dirty) {
            self.confirm = Some(pending);
        } else {
            self.carry_out(pending, ctx);
        }
    }

    fn carry_out(&mut self, pending: Pending, ctx: &egui::Context) {
        match pending {
            Pending::New(q) => {
                let assessment = Assessment::new(*q);
                self.doc = Some(Document::new_self_assessment(assessment));
                self.questionnaire = QuestionnaireView::default();
                self.screen = Screen::Setup;
                self.forget_autosave();
            }
            Pending::Open => self.dialogs.request(DialogKind::OpenAssessment, ctx),
            Pending::OpenPath(path) => self.open(&path),
            Pending::Quit => {
                self.quitting = true;
                self.forget_autosave();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Opens a file; on failure the message is shown and the current work stays as it was.
    fn open(&mut self, path: &Path) {
        match files::load_assessment(path) {
            Ok(assessment) => {
                self.doc = Some(Document::new(assessment, Some(path.to_path_buf())));
                self.settings.remember(path);
                self.questionnaire = QuestionnaireView::default();
                self.screen = Screen::Results;
                self.forget_autosave();
            }
            Err(err) => {
                self.error = Some(format!(
                    "Could not open the file; nothing was changed.\n\n{err}"
                ))
            }
        }
    }

    /// Merges another assessment file into the open one (undoably); participants it shares
    /// with the open one are reported, not added twice.
    fn merge(&mut self, path: &Path) {
        let Some(doc) = &mut self.doc else { return };
        let open = MergeSource {
            path: doc
                .path
                .clone()
                .unwrap_or_else(|| PathBuf::from("the open assessment")),
            assessment: doc.assessment.clone(),
        };
        let merged = files::load_assessment(path)
            .map_err(|e| e.to_string())
            .and_then(|other| {
                let other = MergeSource {
                    path: path.to_path_buf(),
                    assessment: other,
                };
                merge_assessments(vec![open, other]).map_err(|e| e.to_string())
            });
        match merged {
            Ok(merged) => {
                let before = doc.assessment.participants.len();
                let added = merged.assessment.participants.len() - before;
                let mut report = format!("Merged {}: {added} participants added.", path.display());
                for duplicate in &merged.duplicates {
                    report.push_str(&format!("\n{duplicate}"));
                }
                self.commands
                    .push(Command::Edit(Edit::Merge(Box::new(merged.assessment))));
                self.notice = Some(report);
            }
            Err(err) => {
                self.error = Some(format!("Could not merge; nothing was changed.\n\n{err}"))
            }
        }
    }

    fn save(&mut self, ctx: &egui::Context) {
        match self.doc.as_ref().and_then(|d| d.path.clone()) {
            Some(path) => self.save_to(&path, ctx),
            None if self.doc.is_some() => self.dialogs.request(DialogKind::SaveAssessment, ctx),
            None => {}
        }
    }

    fn save_to(&mut self, path: &Path, ctx: &egui::Context) {
        let Some(doc) = &mut self.doc else { return };
        match files::save_assessment(&doc.assessment, path) {
            Ok(()) => {
                doc.mark_saved(path.to_path_buf());
                self.settings.remember(path);
                self.forget_autosave();
                if let Some(next) = self.after_save.take() {
                    self.carry_out(next, ctx);
                }
            }
            Err(err) => {
                self.after_save = None;
                self.error = Some(format!(
                    "Could not save; your work is still open and unchanged.\n\n{err}"
                ));
            }
        }
    }

    /// The work is saved or deliberately dropped: the autosave has nothing left to protect.
    fn forget_autosave(&mut self) {
        self.autosave_due = None;
        if let Some(dir) = &self.data_dir {
            files::clear_autosave(dir);
        }
    }

    fn dialog_answers(&mut self, ctx: &egui::Context) {
        while let Some((kind, path)) = self.dialogs.poll() {
            match (kind, path) {
                (DialogKind::OpenAssessment, Some(path)) => self.open(&path),
                (DialogKind::SaveAssessment, Some(path)) => self.save_to(&path, ctx),
                (DialogKind::MergeAssessment, Some(path)) => self.merge(&path),
                (DialogKind::OpenCsv, Some(path)) => match ImportDialog::open(&path) {
                    Ok(dialog) => self.import = Some(dialog),
                    Err(err) => {
                        self.error =
                            Some(format!("Could not import; nothing was changed.\n\n{err}"))
                    }
                },
                (_, None) => self.after_save = None, // cancelled
            }
        }
    }

    /// Asks before unsaved changes would be lost.
    fn confirm_ui(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.confirm.clone() else {
            return;
        };
        let name = self.doc.as_ref().map_or_else(String::new, |d| {
            d.title().replace(" — Convergence", "").replace("● ", "")
        });
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("confirm-unsaved")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading("Unsaved changes");
            ui.label(format!(
                "{name} has changes that are not saved. Save them first?"
            ));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    choice = Some("save");
                }
                if ui.button("Don't save").clicked() {
                    choice = Some("discard");
                }
                if ui.button("Cancel").clicked() {
                    choice = Some("cancel");
                }
            });
        });
        match choice {
            Some("save") => {
                self.confirm = None;
                self.after_save = Some(pending);
                self.save(ctx);
            }
            Some("discard") => {
                // The document stays dirty: if what replaces it fails to open, it is still the work.
                self.confirm = None;
                self.carry_out(pending, ctx);
            }
            Some(_) => self.confirm = None,
            None => {}
        }
    }

    fn import_ui(&mut self, ctx: &egui::Context) {
        let (Some(dialog), Some(doc)) = (&mut self.import, &self.doc) else {
            return;
        };
        if !dialog.ui(ctx, &doc.assessment, &mut self.commands) {
            self.import = None;
        }
    }

    fn recovery_ui(&mut self, ctx: &egui::Context) {
        let Some(recovery) = &self.recovery else {
            return;
        };
        let offer = RecoveryOffer::from(recovery);
        egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            StartView::recovery_ui(ui, &offer, &mut self.commands);
        });
    }

    fn window_title(&mut self, ctx: &egui::Context) {
        let title = self
            .doc
            .as_ref()
            .map_or_else(|| super::APP_NAME.to_string(), Document::title);
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
    }

    fn close_request(&mut self, ctx: &egui::Context) {
        let asked = ctx.input(|i| i.viewport().close_requested());
        if asked && !self.quitting && self.doc.as_ref().is_some_and(|d| d.dirty) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirm = Some(Pending::Quit);
        }
    }

    fn autosave_when_due(&mut self, ctx: &egui::Context) {
        if let Some(due) = self.autosave_due {
            let now = ctx.input(|i| i.time);
            if now >= due {
                self.autosave_now();
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(due - now));
            }
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.dialog_answers(&ctx);
        self.close_request(&ctx);
        if self.confirm.is_none()
            && self.error.is_none()
            && self.notice.is_none()
            && self.recovery.is_none()
            && self.import.is_none()
        {
            self.shortcuts(&ctx);
        }
        if let (Some(presentation), Some(doc)) = (&mut self.presenting, &self.doc) {
            let frame = egui::Frame::central_panel(ui.style()).inner_margin(32.0);
            egui::CentralPanel::default().frame(frame).show(ui, |ui| {
                presentation.ui(ui, &doc.assessment, &doc.scores, &mut self.commands);
            });
        } else {
            egui::Panel::top("top-bar").show(ui, |ui| self.top_bar_ui(ui));
            egui::CentralPanel::default().show(ui, |ui| self.screen_ui(ui));
        }
        self.import_ui(&ctx);
        self.recovery_ui(&ctx);
        self.confirm_ui(&ctx);
        message_ui(&ctx, "Done", &mut self.notice);
        message_ui(&ctx, "Something went wrong", &mut self.error);
        self.apply_commands(&ctx);
        self.window_title(&ctx);
        self.autosave_when_due(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    fn on_exit(&mut self) {
        if self.doc.as_ref().is_some_and(|d| d.dirty) {
            self.autosave_now();
        }
    }
}

/// `message` in a window of its own until the user presses OK.
fn message_ui(ctx: &egui::Context, heading: &str, message: &mut Option<String>) {
    let Some(text) = message.as_deref() else {
        return;
    };
    let mut close = false;
    egui::Modal::new(egui::Id::unique(heading)).show(ctx, |ui| {
        ui.set_max_width(640.0);
        ui.heading(heading);
        ui.label(egui::RichText::new(text).monospace());
        ui.add_space(8.0);
        close = ui.button("OK").clicked();
    });
    if close {
        *message = None;
    }
}

impl From<&Recovery> for RecoveryOffer {
    fn from(recovery: &Recovery) -> Self {
        let age = recovery
            .modified
            .and_then(|m| m.elapsed().ok())
            .map_or_else(
                || "some time ago".to_string(),
                |d| format!("{} minutes ago", d.as_secs() / 60),
            );
        RecoveryOffer {
            organisation: recovery.assessment.organisation.clone(),
            questionnaire: recovery.assessment.questionnaire.title.clone(),
            origin: recovery.origin.clone(),
            age,
        }
    }
}
