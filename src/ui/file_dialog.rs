//! The file dialog drawn in the window (egui_file), for desktops where the native one cannot be
//! shown: a bare X server, a session without a file-dialog portal. Its answer is a command.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_file::FileDialog;

use super::command::Command;
use super::dialogs::DialogKind;
use super::view::{View, ViewCtx};

/// An in-window file dialog asking one question.
pub struct InAppDialog {
    kind: DialogKind,
    dialog: FileDialog,
}

impl InAppDialog {
    /// Opens in `folder` (the open file's folder, say), or the working folder.
    pub fn new(kind: DialogKind, folder: Option<&Path>) -> Self {
        let extensions = kind.extensions();
        let shows = move |path: &Path| {
            path.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
        };
        let start = folder
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let dialog = if kind.picks_folder() {
            FileDialog::select_folder()
        } else if kind.saves() {
            FileDialog::save_file().default_filename(kind.suggested_name())
        } else {
            FileDialog::open_file()
        };
        let mut dialog = dialog
            .initial_path(start)
            .title(kind.title())
            .id(egui::Id::unique("in-app-file-dialog"))
            .show_files_filter(Box::new(shows))
            .show_rename(false)
            .show_new_folder(!kind.saves())
            .default_size([640.0, 420.0]);
        dialog.open();
        Self { kind, dialog }
    }

    /// The path chosen, given the ending its kind of file needs when it was left off.
    fn chosen_path(&self) -> Option<PathBuf> {
        let path = self.dialog.path()?.to_path_buf();
        if self.kind.saves() && path.extension().is_none() {
            return Some(path.with_extension(self.kind.extensions()[0]));
        }
        Some(path)
    }
}

impl View for InAppDialog {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let egui_ctx = ui.ctx().clone();
        self.dialog.show(&egui_ctx);
        name_text_fields(&egui_ctx);
        if self.dialog.selected() {
            let path = self.chosen_path();
            ctx.commands.push(Command::DialogClosed {
                kind: self.kind,
                path,
            });
        } else if !self.dialog.visible() {
            ctx.commands.push(Command::DialogClosed {
                kind: self.kind,
                path: None,
            });
        }
    }
}

/// egui_file leaves its two text fields without accessible names, which screen readers (and
/// tests that find widgets by label) need: the folder field is the upper one, the file name
/// the lower one.
fn name_text_fields(ctx: &egui::Context) {
    let layer = egui::LayerId::new(egui::Order::Middle, egui::Id::unique("in-app-file-dialog"));
    let mut fields: Vec<(f32, egui::Id)> = ctx.viewport(|viewport| {
        viewport
            .this_pass
            .widgets
            .get_layer(layer)
            .map(|w| (w.rect.top(), w.id))
            .collect()
    });
    // Only widgets that already have a node: asking for any other id would create one.
    fields.retain(|(_, id)| {
        ctx.has_accesskit_node(*id)
            && ctx
                .accesskit_node_builder(*id, |node| node.role() == Role::TextInput)
                .unwrap_or(false)
    });
    fields.sort_by(|a, b| a.0.total_cmp(&b.0));
    for ((_, id), name) in fields.into_iter().zip(["Folder", "File name"]) {
        ctx.accesskit_node_builder(id, |node| node.set_label(name));
    }
}
