//! The touchpoint map screen (being written).

use crate::model::Assessment;
use crate::scoring::Scores;

use super::command::Command;

/// The touchpoint map screen.
#[derive(Default)]
pub struct TouchpointsView;

impl TouchpointsView {
    pub fn ui(&mut self, ui: &mut egui::Ui, assessment: &Assessment, scores: &Scores, commands: &mut Vec<Command>) {
        let _ = (assessment, scores, commands);
        ui.heading("Touchpoints");
    }
}
