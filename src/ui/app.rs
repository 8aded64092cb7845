//! The eframe app: owns the open document and the views, draws the frame, and applies the
//! commands the views pushed after it, in one place.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::files::{self, Recovery};
use crate::model::Questionnaire;

use super::command::Command;
use super::dialogs::{DialogKind, FileDialogs};
use super::document::Document;
use super::import_dialog::ImportDialog;
use super::presentation::PresentationView;
use super::questionnaire::QuestionnaireView;
use super::results::ResultsView;
use super::settings::Settings;
use super::setup::SetupView;
use super::start::StartView;
use super::touchpoints::TouchpointsView;
use super::{Screen, theme};

mod file_ops;
mod modals;
mod top_bar;

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
    New {
        questionnaire: Box<Questionnaire>,
        alone: bool,
    },
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

    /// Queues a command as if a view had pushed it (tests drive the app this way too).
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
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
            (Screen::Results, Some(doc)) => results.ui(ui, doc, commands),
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
        let commands = std::mem::take(&mut self.commands);
        if commands.is_empty() {
            return;
        }
        for command in commands {
            self.apply(command, ctx);
        }
        // This frame was drawn before the commands changed anything: draw the result.
        ctx.request_repaint();
    }

    fn apply(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::New {
                questionnaire,
                alone,
            } => self.unless_unsaved(
                Pending::New {
                    questionnaire,
                    alone,
                },
                ctx,
            ),
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
        modals::message_ui(&ctx, "Done", &mut self.notice);
        modals::message_ui(&ctx, "Something went wrong", &mut self.error);
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
