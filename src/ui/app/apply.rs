//! The one place where the app's state changes: every command, from a view or a finished job.

use super::{AUTOSAVE_DELAY, App, Pending};
use crate::document::{Document, Edit};
use crate::live::{Event, edits_for};
use crate::ui::command::{Command, Message, UnsavedChoice};
use crate::ui::dialogs::DialogKind;
use crate::ui::phone_voting::PhoneCommand;
use crate::ui::presentation::PresentationView;
use crate::ui::{Screen, theme};

impl App {
    pub(super) fn apply(&mut self, command: Command, ctx: &egui::Context) {
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
            Command::NextRound => {
                if let Some(doc) = &self.doc {
                    let next = crate::history::next_round(&doc.assessment, &crate::model::today());
                    self.unless_unsaved(Pending::NextRound(Box::new(next)), ctx);
                }
            }
            Command::Open => self.unless_unsaved(Pending::Open, ctx),
            Command::OpenPath(path) => self.unless_unsaved(Pending::OpenPath(path), ctx),
            Command::Save => self.save(ctx),
            Command::SaveAs => self.ask_for_file(DialogKind::SaveAssessment, ctx),
            Command::ImportCsv => self.ask_for_file(DialogKind::OpenCsv, ctx),
            Command::MergeFile => self.ask_for_file(DialogKind::MergeAssessment, ctx),
            Command::ExportReport => self.ask_for_file(DialogKind::ExportReport, ctx),
            Command::ExportScores => self.ask_for_file(DialogKind::ExportScores, ctx),
            Command::ExportChart(chart) => self.ask_for_file(DialogKind::ExportChart(chart), ctx),
            Command::ChartWidth(width) => self.settings.chart_width = width,
            Command::DialogClosed { kind, path } => self.dialog_closed(kind, path, ctx),
            Command::Recover => self.recover(),
            Command::DiscardRecovery => {
                self.overlays.recovery = None;
                self.forget_autosave();
            }
            Command::Undo => self.step_history(ctx, Document::undo),
            Command::Redo => self.step_history(ctx, Document::redo),
            Command::Show(screen) => self.screen = screen,
            Command::Present(question) => self.present(question, ctx),
            Command::SetTheme { dark } => {
                self.settings.dark = dark;
                theme::apply(ctx, dark);
            }
            Command::Edit(edit) => self.edit(edit, ctx),
            Command::Unsaved(choice) => self.unsaved_choice(choice, ctx),
            Command::Dismiss(Message::Error) => self.overlays.error = None,
            Command::Dismiss(Message::Notice) => self.overlays.notice = None,
            Command::CloseImport => self.overlays.import = None,
            Command::AskRemoveParticipant(index) => self.ask_remove_participant(index, ctx),
            Command::KeepParticipant => self.overlays.remove_participant = None,
            Command::Progress(request) => self.progress(request, ctx),
            Command::Done(done) => self.job_done(done, ctx),
            Command::Phone(PhoneCommand::Changes(events)) => self.phone_changes(events, ctx),
            Command::Phone(command) => {
                if let Some(opened) = self.phone.apply(command, self.doc.as_ref(), ctx) {
                    self.show_question(opened);
                }
            }
        }
    }

    /// The phones' changes as the edits a typed answer makes, each worked out from the
    /// document as the changes before it left it (a vote of someone who has just joined).
    fn phone_changes(&mut self, events: Vec<Event>, ctx: &egui::Context) {
        for event in events {
            let edits = self
                .doc
                .as_ref()
                .map_or_else(Vec::new, |doc| edits_for(&doc.assessment, &event.change));
            for edit in edits {
                self.edit(edit, ctx);
            }
            self.phone.applied(event.seq);
        }
    }

    fn edit(&mut self, edit: Edit, ctx: &egui::Context) {
        let Some(doc) = &mut self.doc else { return };
        if let Edit::RemoveParticipant(index) = &edit {
            self.overlays.remove_participant = None;
            if let Some(p) = doc.assessment.participants.get(*index) {
                let name = doc.assessment.display_name(p);
                self.status = format!("Removed {name} and their answers. Ctrl+Z brings them back.");
            }
        }
        doc.apply(edit);
        self.autosave_soon(ctx);
    }

    /// Undo or redo; either leaves work for the autosave to protect.
    fn step_history(&mut self, ctx: &egui::Context, step: fn(&mut Document) -> bool) {
        if let Some(doc) = &mut self.doc
            && step(doc)
        {
            self.autosave_soon(ctx);
        }
    }

    /// Removing someone who has answered asks first; someone with no answers goes at once.
    fn ask_remove_participant(&mut self, index: usize, ctx: &egui::Context) {
        let Some(doc) = &self.doc else { return };
        let answered = doc
            .assessment
            .participants
            .get(index)
            .is_some_and(|p| !p.responses.is_empty());
        if answered {
            self.overlays.remove_participant = Some(index);
        } else {
            self.edit(Edit::RemoveParticipant(index), ctx);
        }
    }

    fn present(&mut self, question: Option<usize>, ctx: &egui::Context) {
        match question {
            Some(question) if self.doc.is_some() => {
                self.overlays.presenting = Some(PresentationView::at(question));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
            }
            Some(_) => {}
            None => {
                self.overlays.presenting = None;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            }
        }
    }

    /// Puts question `question` on the screens that show one question to the room: the
    /// projector and fast entry (the phones have just been given it).
    fn show_question(&mut self, question: usize) {
        if let Some(presenting) = &mut self.overlays.presenting {
            presenting.show_question(question);
        }
        if let Some(doc) = &self.doc {
            self.screens
                .questionnaire
                .room
                .go_to(&doc.assessment, question);
        }
    }

    fn recover(&mut self) {
        if let Some(recovery) = self.overlays.recovery.take() {
            self.put_document(Document::recovered(recovery.assessment, recovery.origin));
            self.screen = Screen::Questionnaire;
        }
    }

    fn unsaved_choice(&mut self, choice: UnsavedChoice, ctx: &egui::Context) {
        let Some(pending) = self.overlays.confirm.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Save => {
                self.after_save = Some(pending);
                self.save(ctx);
            }
            UnsavedChoice::Discard => {
                // The changes are dropped for good: no autosave brings them back. The document
                // itself stays until what replaces it has opened, in case that fails.
                self.forget_autosave();
                self.carry_out(pending, ctx);
            }
            UnsavedChoice::Cancel => {}
        }
    }

    /// Schedules the autosave that protects an edit, unless one is already due.
    pub(super) fn autosave_soon(&mut self, ctx: &egui::Context) {
        if self.autosave_due.is_none() {
            self.autosave_due = Some(ctx.input(|i| i.time) + AUTOSAVE_DELAY);
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_DELAY));
        }
    }
}
