//! The one contract every view draws with: screens, the top bar, modals and dialogs borrow what
//! they show for the frame and push what they want done as commands, which the app applies
//! after the frame, in one place.

use crate::document::Document;
use crate::model::Questionnaire;
use crate::portfolio::Portfolio;

use super::command::Command;
use super::settings::Settings;

/// What a view may read during a frame, and where it puts its requests.
pub struct ViewCtx<'a> {
    /// The open assessment, its scores and its undo state.
    pub doc: Option<&'a Document>,
    pub settings: &'a Settings,
    /// The questionnaires a new assessment can start from.
    pub questionnaires: &'a [Questionnaire],
    /// The portfolio read from the portfolio folder, once read.
    pub portfolio: Option<&'a Portfolio>,
    pub commands: &'a mut Vec<Command>,
}

impl ViewCtx<'_> {
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }
}

/// A screen, panel, modal or dialog.
pub trait View {
    /// Draws the view; what the user asks for goes into `ctx.commands`.
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>);
}
