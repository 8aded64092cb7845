//! The bar at the top: the File and Edit menus, the screens, the theme switch.

use crate::document::Document;
use crate::report::Chart;
use crate::report::charts::{MAX_WIDTH, MIN_WIDTH};
use crate::ui::Screen;
use crate::ui::command::Command;
use crate::ui::view::{View, ViewCtx};

/// The top bar; it knows which screen is in view.
pub(super) struct TopBar {
    pub screen: Screen,
}

impl View for TopBar {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let doc = ctx.doc;
        let commands = &mut *ctx.commands;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui
                    .add(egui::Button::new("New…").shortcut_text("Ctrl+N"))
                    .clicked()
                {
                    commands.push(Command::Show(Screen::Start));
                }
                let has_doc = doc.is_some();
                if ui
                    .add_enabled(has_doc, egui::Button::new("New assessment from this one"))
                    .on_hover_text(
                        "The next round: same questionnaire, participants, touchpoint map and \
                         action plan; answers empty",
                    )
                    .clicked()
                {
                    commands.push(Command::NextRound);
                }
                if ui
                    .add(egui::Button::new("Open…").shortcut_text("Ctrl+O"))
                    .clicked()
                {
                    commands.push(Command::Open);
                }
                if ui
                    .add_enabled(has_doc, egui::Button::new("Save").shortcut_text("Ctrl+S"))
                    .clicked()
                {
                    commands.push(Command::Save);
                }
                if ui
                    .add_enabled(
                        has_doc,
                        egui::Button::new("Save As…").shortcut_text("Ctrl+Shift+S"),
                    )
                    .clicked()
                {
                    commands.push(Command::SaveAs);
                }
                ui.separator();
                if ui
                    .add_enabled(has_doc, egui::Button::new("Import CSV answers…"))
                    .clicked()
                {
                    commands.push(Command::ImportCsv);
                }
                if ui
                    .add_enabled(has_doc, egui::Button::new("Merge answers from a file…"))
                    .on_hover_text(
                        "Add the participants of an assessment answered on another laptop",
                    )
                    .clicked()
                {
                    commands.push(Command::MergeFile);
                }
                ui.separator();
                if ui
                    .button("Compare…")
                    .on_hover_text("Earlier assessments of an organisation side by side")
                    .clicked()
                {
                    commands.push(Command::Show(Screen::History));
                }
                if ui
                    .button("Portfolio…")
                    .on_hover_text("A folder of organisations' assessments as a benchmark")
                    .clicked()
                {
                    commands.push(Command::Show(Screen::Portfolio));
                }
                ui.separator();
                export_menu_ui(ui, has_doc, ctx.settings.chart_width, commands);
            });
            ui.menu_button("Edit", |ui| {
                let (undo, redo) = doc.map_or((false, false), |d| (d.can_undo(), d.can_redo()));
                if ui
                    .add_enabled(undo, egui::Button::new("Undo").shortcut_text("Ctrl+Z"))
                    .clicked()
                {
                    commands.push(Command::Undo);
                }
                if ui
                    .add_enabled(
                        redo,
                        egui::Button::new("Redo").shortcut_text("Ctrl+Shift+Z"),
                    )
                    .clicked()
                {
                    commands.push(Command::Redo);
                }
            });
            ui.separator();
            for screen in Screen::ALL {
                let enabled = screen == Screen::Start || doc.is_some();
                if ui
                    .add_enabled(
                        enabled,
                        egui::Button::selectable(self.screen == screen, screen.name()),
                    )
                    .clicked()
                {
                    commands.push(Command::Show(screen));
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let dark = ctx.settings.dark;
                let label = if dark { "Light theme" } else { "Dark theme" };
                if ui
                    .button(label)
                    .on_hover_text("Switch between light and dark theme")
                    .clicked()
                {
                    commands.push(Command::SetTheme { dark: !dark });
                }
                if let Some(doc) = doc {
                    ui.weak(Document::marked_name(doc));
                }
            });
        });
    }
}

/// File → Export: the report, the scores, each chart at a chosen width.
fn export_menu_ui(ui: &mut egui::Ui, has_doc: bool, width: u32, commands: &mut Vec<Command>) {
    let exports = [
        (
            "Export report…",
            "A report to hand over: PDF, HTML or Word",
            Command::ExportReport,
        ),
        (
            "Export scores…",
            "Every score as CSV, for a spreadsheet",
            Command::ExportScores,
        ),
    ];
    for (label, hover, command) in exports {
        if ui
            .add_enabled(has_doc, egui::Button::new(label))
            .on_hover_text(hover)
            .clicked()
        {
            commands.push(command);
        }
    }
    ui.add_enabled_ui(has_doc, |ui| {
        ui.menu_button("Export chart", |ui| {
            for chart in Chart::ALL {
                if ui.button(format!("{}…", chart.title())).clicked() {
                    commands.push(Command::ExportChart(chart));
                }
            }
            ui.separator();
            let mut chosen = width;
            let label = ui.label("Width in pixels");
            let field = ui
                .add(egui::DragValue::new(&mut chosen).range(MIN_WIDTH..=MAX_WIDTH))
                .labelled_by(label.id);
            if field.changed() {
                commands.push(Command::ChartWidth(chosen));
            }
        });
    });
}
