//! The desktop window (eframe/egui). Reads the scoring core; never computes scores itself.

mod a11y;
mod action_plan;
mod answer_keys;
mod answering;
mod app;
mod chart_export;
pub mod charts;
mod columns;
pub mod command;
mod consensus;
mod countdown;
mod date_field;
pub mod dialogs;
mod distribution;
mod file_dialog;
mod history;
mod import_dialog;
mod jobs;
mod notes;
mod phone_voting;
mod portfolio;
mod presentation;
mod questionnaire;
mod results;
mod room_entry;
mod settings;
mod setup;
mod start;
mod table;
pub mod theme;
mod touchpoints;
pub mod view;

use std::process::ExitCode;

pub use app::{App, AppEnv};
pub use dialogs::{DialogAnswer, DialogKind, FileDialogs, NativeDialogs, ScriptedDialogs};
pub use settings::Settings;

/// The screens of the window, in the order a user meets them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Setup,
    Questionnaire,
    Touchpoints,
    Results,
    ActionPlan,
    /// Earlier assessments of an organisation side by side (File → Compare…).
    History,
    /// A folder of organisations' assessments as a benchmark (File → Portfolio…).
    Portfolio,
}

impl Screen {
    /// The screens of an assessment, in the top bar; History and Portfolio open from the File
    /// menu.
    pub const ALL: [Screen; 6] = [
        Screen::Start,
        Screen::Setup,
        Screen::Questionnaire,
        Screen::Touchpoints,
        Screen::Results,
        Screen::ActionPlan,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Screen::Start => "Start",
            Screen::Setup => "Setup",
            Screen::Questionnaire => "Questionnaire",
            Screen::Touchpoints => "Touchpoints",
            Screen::Results => "Results",
            Screen::ActionPlan => "Action plan",
            Screen::History => "History",
            Screen::Portfolio => "Portfolio",
        }
    }
}

/// The name the window and its data folder go by.
pub const APP_NAME: &str = "Convergence";

/// Opens the window (on `file`, if given) and runs until it is closed.
pub fn run_app(files: Vec<std::path::PathBuf>) -> anyhow::Result<ExitCode> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(APP_NAME)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 600.0]),
        ..Default::default()
    };
    let env = AppEnv {
        dialogs: Box::new(NativeDialogs::default()),
        data_dir: eframe::storage_dir(APP_NAME),
        open: files,
        jobs_in_line: false,
    };
    eframe::run_native(
        APP_NAME,
        options,
        Box::new(|cc| Ok(Box::new(App::new(cc, env)))),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))?;
    Ok(ExitCode::SUCCESS)
}
