//! A chart's title with "Export chart…" beside it: the chart on screen leaves the window as SVG
//! or PNG (the width is set in File → Export chart), written by the same job as the File menu's.

use crate::report::charts::Chart;

use super::command::Command;

/// The chart's title, strong, and the button that exports it.
pub fn chart_heading_ui(ui: &mut egui::Ui, chart: Chart, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(chart.title());
        export_chart_button(ui, chart, commands);
    });
}

fn export_chart_button(ui: &mut egui::Ui, chart: Chart, commands: &mut Vec<Command>) {
    let hover = format!("Save \u{201c}{}\u{201d} as SVG or PNG", chart.title());
    if ui
        .small_button("Export chart…")
        .on_hover_text(hover)
        .clicked()
    {
        commands.push(Command::ExportChart(chart));
    }
}
