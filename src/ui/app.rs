//! The eframe app: owns the open document and the views, draws the frame, and applies the
//! commands the views pushed after it, in one place.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::document::Document;
use crate::files::Recovery;
use crate::model::Questionnaire;

use super::action_plan::ActionPlanView;
use super::command::{Command, Message, Progress};
use super::dialogs::FileDialogs;
use super::file_dialog::InAppDialog;
use super::history::HistoryView;
use super::import_dialog::ImportDialog;
use super::jobs::Jobs;
use super::phone_voting::PhoneVoting;
use super::portfolio::PortfolioView;
use super::presentation::PresentationView;
use super::questionnaire::QuestionnaireView;
use super::results::ResultsView;
use super::settings::Settings;
use super::setup::SetupView;
use super::start::StartView;
use super::touchpoints::TouchpointsView;
use super::view::{View, ViewCtx};
use super::{Screen, theme};

mod apply;
mod exports;
mod file_ops;
mod modals;
mod progress;
mod top_bar;

/// Seconds between the last edit and the autosave that protects it.
const AUTOSAVE_DELAY: f64 = 2.0;

/// What the app needs from outside: dialogs, a folder for the autosave, how to run jobs.
pub struct AppEnv {
    pub dialogs: Box<dyn FileDialogs>,
    /// Where the autosave lives; `None` disables it.
    pub data_dir: Option<PathBuf>,
    /// Files to open at start (from the command line): one is opened, several go into the
    /// history view.
    pub open: Vec<PathBuf>,
    /// Run file work at once on the UI thread (tests) instead of on a worker.
    pub jobs_in_line: bool,
}

/// Something waiting for the user to decide what happens to unsaved changes.
#[derive(Clone, Debug)]
enum Pending {
    New {
        questionnaire: Box<Questionnaire>,
        alone: bool,
    },
    /// The next round of the open assessment, made when it was asked for.
    NextRound(Box<crate::model::Assessment>),
    Open,
    OpenPath(PathBuf),
    Quit,
}

/// The screens, each owning its own UI state.
#[derive(Default)]
struct Screens {
    start: StartView,
    setup: SetupView,
    questionnaire: QuestionnaireView,
    touchpoints: TouchpointsView,
    results: ResultsView,
    action_plan: ActionPlanView,
    history: HistoryView,
    portfolio: PortfolioView,
}

/// What floats over the screens, each while it is open.
#[derive(Default)]
struct Overlays {
    /// The projector view, while presenting.
    presenting: Option<PresentationView>,
    /// The CSV import dialog.
    import: Option<ImportDialog>,
    /// The file dialog drawn in the window when the desktop has none.
    file_dialog: Option<InAppDialog>,
    recovery: Option<Recovery>,
    /// A problem to show until read.
    error: Option<String>,
    /// News that is not a problem (what a merge did), shown until read.
    notice: Option<String>,
    /// Unsaved changes stand in the way of this.
    confirm: Option<Pending>,
    /// A participant with answers to remove once confirmed.
    remove_participant: Option<usize>,
}

impl Overlays {
    /// Whether something asks for the user's attention, so the screens' shortcuts must wait.
    fn blocking(&self) -> bool {
        self.import.is_some()
            || self.file_dialog.is_some()
            || self.recovery.is_some()
            || self.error.is_some()
            || self.notice.is_some()
            || self.confirm.is_some()
            || self.remove_participant.is_some()
    }
}

/// The window's state.
pub struct App {
    settings: Settings,
    questionnaires: Vec<Questionnaire>,
    doc: Option<Document>,
    screen: Screen,
    screens: Screens,
    overlays: Overlays,
    dialogs: Box<dyn FileDialogs>,
    jobs: Jobs,
    data_dir: Option<PathBuf>,
    /// The last thing done, in the status bar ("Saved to …").
    status: String,
    /// Carried out once the document has been saved.
    after_save: Option<Pending>,
    autosave_due: Option<f64>,
    shown_title: String,
    /// The user chose to close; unsaved work was saved or deliberately discarded.
    quitting: bool,
    commands: Vec<Command>,
    /// Phone voting: its panel and, while voting is on, the server.
    phone: PhoneVoting,
    /// The portfolio read from the portfolio folder, for its screen and the results' position.
    portfolio: Option<crate::portfolio::Portfolio>,
}

impl App {
    pub fn new(cc: &eframe::CreationContext<'_>, env: AppEnv) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        theme::install_fonts(&cc.egui_ctx);
        theme::apply(&cc.egui_ctx, settings.dark);
        let jobs = if env.jobs_in_line {
            Jobs::in_line()
        } else {
            Jobs::on_worker(&cc.egui_ctx)
        };
        let mut app = Self {
            settings,
            questionnaires: crate::files::builtin_questionnaires(),
            doc: None,
            screen: Screen::Start,
            screens: Screens::default(),
            overlays: Overlays::default(),
            dialogs: env.dialogs,
            jobs,
            data_dir: env.data_dir,
            status: String::new(),
            after_save: None,
            autosave_due: None,
            shown_title: String::new(),
            quitting: false,
            commands: Vec::new(),
            phone: PhoneVoting::default(),
            portfolio: None,
        };
        app.read_recovery();
        app.read_saved_portfolio();
        match <[PathBuf; 1]>::try_from(env.open) {
            Ok([path]) => app.commands.push(Command::OpenPath(path)),
            Err(several) => app.commands.extend(
                several
                    .into_iter()
                    .map(|path| Command::Progress(Progress::HistoryFile(path))),
            ),
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
        self.overlays.error.as_deref()
    }

    /// The status bar's text: the last file action's outcome.
    pub fn status(&self) -> &str {
        &self.status
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The address phones open while phone voting is on.
    pub fn phone_join_url(&self) -> Option<String> {
        self.phone.join_url()
    }

    /// Queues a command as if a view had pushed it (tests drive the app this way too).
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Draws the screen in view (or the presentation over everything), then what floats over
    /// it: dialogs, questions, messages.
    fn views_ui(&mut self, ui: &mut egui::Ui) {
        let Self {
            screen,
            doc,
            screens,
            overlays,
            commands,
            questionnaires,
            settings,
            status,
            jobs,
            phone,
            portfolio,
            ..
        } = self;
        let mut ctx = ViewCtx {
            doc: doc.as_ref(),
            settings,
            questionnaires,
            portfolio: portfolio.as_ref(),
            commands,
        };
        if let (Some(presentation), Some(_)) = (&mut overlays.presenting, ctx.doc) {
            phone.follow(Some(presentation.question));
            phone.panel_ui(ui, &mut ctx);
            let frame = egui::Frame::central_panel(ui.style()).inner_margin(32.0);
            egui::CentralPanel::default()
                .frame(frame)
                .show(ui, |ui| presentation.ui(ui, &mut ctx));
        } else {
            egui::Panel::top("top-bar").show(ui, |ui| {
                top_bar::TopBar { screen: *screen }.ui(ui, &mut ctx)
            });
            egui::Panel::bottom("status-bar").show(ui, |ui| status_ui(ui, status, jobs.busy()));
            let room = ctx.doc.filter(|_| *screen == Screen::Questionnaire);
            phone.follow(room.and_then(|doc| screens.questionnaire.room_question(&doc.assessment)));
            phone.panel_ui(ui, &mut ctx);
            egui::CentralPanel::default().show(ui, |ui| {
                let view: &mut dyn View = match (*screen, ctx.doc) {
                    (Screen::History, _) => &mut screens.history,
                    (Screen::Portfolio, _) => &mut screens.portfolio,
                    (Screen::Start, _) | (_, None) => &mut screens.start,
                    (Screen::Setup, Some(_)) => &mut screens.setup,
                    (Screen::Questionnaire, Some(_)) => &mut screens.questionnaire,
                    (Screen::Touchpoints, Some(_)) => &mut screens.touchpoints,
                    (Screen::Results, Some(_)) => &mut screens.results,
                    (Screen::ActionPlan, Some(_)) => &mut screens.action_plan,
                };
                view.ui(ui, &mut ctx);
            });
        }
        if let Some(import) = &mut overlays.import {
            import.ui(ui, &mut ctx);
        }
        if let Some(dialog) = &mut overlays.file_dialog {
            dialog.ui(ui, &mut ctx);
        }
        modals::overlays_ui(ui, overlays, &mut ctx);
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let shortcut = |modifiers, key| KeyboardShortcut::new(modifiers, key);
        let ctrl_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let bindings = [
            // Longer combinations first, so Ctrl+Shift+S is not taken for Ctrl+S.
            (shortcut(ctrl_shift, Key::S), Command::SaveAs),
            (shortcut(ctrl_shift, Key::Z), Command::Redo),
            (shortcut(Modifiers::COMMAND, Key::S), Command::Save),
            (shortcut(Modifiers::COMMAND, Key::O), Command::Open),
            (
                shortcut(Modifiers::COMMAND, Key::N),
                Command::Show(Screen::Start),
            ),
            (shortcut(Modifiers::COMMAND, Key::Z), Command::Undo),
        ];
        ctx.input_mut(|input| {
            for (keys, command) in bindings {
                if input.consume_shortcut(&keys) {
                    self.commands.push(command);
                }
            }
        });
    }

    /// Applies what the views asked for during the frame and what jobs finished.
    fn apply_commands(&mut self, ctx: &egui::Context) {
        let mut applied = false;
        // A command may start a job or push another command; take those results in as well.
        loop {
            let mut commands = std::mem::take(&mut self.commands);
            commands.extend(self.jobs.finished());
            if commands.is_empty() {
                break;
            }
            applied = true;
            for command in commands {
                self.apply(command, ctx);
            }
        }
        if applied {
            // This frame was drawn before the commands changed anything: draw the result.
            ctx.request_repaint();
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
        if asked && !self.quitting && self.doc.as_ref().is_some_and(Document::is_dirty) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.overlays.confirm = Some(Pending::Quit);
        }
    }
}

/// The bar at the bottom: the last file action's outcome, or what is running now.
fn status_ui(ui: &mut egui::Ui, status: &str, busy: Option<&str>) {
    ui.horizontal(|ui| match busy {
        Some(what) => {
            ui.spinner();
            ui.label(format!("{what}…"));
        }
        None => {
            ui.weak(status);
        }
    });
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.dialog_answers();
        self.phone.poll(&mut self.commands);
        self.close_request(&ctx);
        if !self.overlays.blocking() {
            self.shortcuts(&ctx);
        }
        self.views_ui(ui);
        self.autosave_when_due(&ctx);
        self.apply_commands(&ctx);
        self.phone.sync(self.doc.as_ref());
        self.window_title(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    fn on_exit(&mut self) {
        // Closed with unsaved work and no question asked (the system shutting down, say):
        // keep it for the next start. Work the user chose to discard stays discarded.
        if !self.quitting && self.doc.as_ref().is_some_and(Document::is_dirty) {
            self.autosave_now();
        }
        self.jobs.finish_all();
    }
}

impl Message {
    /// The heading of the window showing it.
    fn heading(self) -> &'static str {
        match self {
            Message::Error => "Something went wrong",
            Message::Notice => "Done",
        }
    }
}
