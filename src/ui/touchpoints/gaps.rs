//! The heat map and the gaps: the touchpoints that should exist and do not, how much runs only
//! through the service desk, the roles hanging on one touchpoint or one channel, and the roles
//! nobody on the other side meets today. All figures come from the core's analysis.

use crate::ui::columns::columns_ui;
use egui::RichText;

use crate::model::Side;
use crate::report::charts::Chart;
use crate::scoring::TouchpointAnalysis;
use crate::ui::chart_export::chart_heading_ui;
use crate::ui::charts::heatmap::{MISSING, heatmap_legend_ui, heatmap_ui};
use crate::ui::command::Command;
use crate::ui::theme;
use crate::ui::theme::readable;

use super::Pair;
use super::editor::level_title;

/// Draws the tab; returns the pair the user asked to edit (a heat map cell or a missing one).
pub fn gaps_ui(
    ui: &mut egui::Ui,
    analysis: &TouchpointAnalysis,
    commands: &mut Vec<Command>,
) -> Option<Pair> {
    let mut chosen = None;
    chart_heading_ui(ui, Chart::Heatmap, commands);
    heatmap_legend_ui(ui);
    if let Some((row, column)) = heatmap_ui(ui, analysis)
        && let Some(cell) = analysis.cells.get(row).and_then(|r| r.get(column))
    {
        chosen = Some((cell.business_role.clone(), cell.it_role.clone()));
    }
    ui.add_space(12.0);
    columns_ui(ui, 2, 24.0, |columns| {
        if let Some(pair) = missing_ui(&mut columns[0], analysis) {
            chosen = Some(pair);
        }
        service_desk_ui(&mut columns[1], analysis);
        columns[1].add_space(10.0);
        fragile_ui(&mut columns[1], analysis);
        columns[1].add_space(10.0);
        unconnected_ui(&mut columns[1], analysis);
    });
    chosen
}

fn title_ui(ui: &mut egui::Ui, text: &str) {
    ui.label(RichText::new(text).size(19.0).strong());
}

/// The seeds' question: where should there be interaction and there is none?
fn missing_ui(ui: &mut egui::Ui, analysis: &TouchpointAnalysis) -> Option<Pair> {
    title_ui(
        ui,
        &format!("Missing touchpoints ({})", analysis.missing.len()),
    );
    ui.weak(
        "Where there should be interaction between IT and the business and there is none today.",
    );
    if analysis.missing.is_empty() {
        ui.label("None recorded. In the matrix, a pair's “missing today” records one.");
        return None;
    }
    let mut chosen = None;
    for m in &analysis.missing {
        let text = format!(
            "{} × {} — {}, {}: should be {}",
            m.business_name,
            m.it_name,
            level_title(m.level).to_lowercase(),
            m.channel_name,
            m.target.frequency.name()
        );
        let button = egui::Button::new(RichText::new(text).color(MISSING)).wrap();
        if ui
            .add(button)
            .on_hover_text("Show this pair in the matrix")
            .clicked()
        {
            chosen = Some((m.business_role.clone(), m.it_role.clone()));
        }
    }
    if analysis.missing_pairs > 0 {
        let pairs = analysis.missing_pairs;
        ui.label(format!(
            "{pairs} pair{} of roles that should meet do not meet at all today.",
            if pairs == 1 { "" } else { "s" }
        ));
    }
    chosen
}

/// The seeds' observation: most contact runs through the service desk.
fn service_desk_ui(ui: &mut egui::Ui, analysis: &TouchpointAnalysis) {
    let desk = &analysis.service_desk;
    title_ui(ui, "Only through the service desk");
    match desk.today_share {
        Some(share) => {
            let text = format!(
                "Today {} of {} touchpoints ({}) run only through the service desk.",
                desk.today_desk,
                desk.today_active,
                percent(share)
            );
            let strong = RichText::new(text).size(17.0);
            ui.label(if share >= 0.5 {
                strong.color(MISSING)
            } else {
                strong
            });
        }
        None => {
            ui.label("No touchpoint happens today.");
        }
    }
    if let Some(share) = desk.target_share {
        ui.label(format!(
            "At target {} of {} ({}).",
            desk.target_desk,
            desk.target_active,
            percent(share)
        ));
    }
    if desk.pairs_today > 0 {
        ui.label(format!(
            "For {} of the {} pairs of roles that meet today, the service desk is their only contact.",
            desk.pairs_only_desk_today, desk.pairs_today
        ));
    }
}

/// Roles whose contact hangs on one thread. The map has no persons, so one touchpoint or one
/// channel stands in for "depends on a single person".
fn fragile_ui(ui: &mut egui::Ui, analysis: &TouchpointAnalysis) {
    title_ui(ui, "Roles hanging on one thread");
    if analysis.fragile_roles.is_empty() {
        ui.weak("No role depends on only one touchpoint or only one channel today.");
        return;
    }
    for role in &analysis.fragile_roles {
        let colour = readable(
            ui,
            if role.side == Side::It {
                theme::IT
            } else {
                theme::BUSINESS
            },
        );
        let why = if role.only_one_touchpoint() {
            format!("only one touchpoint ({})", role.channel_name)
        } else {
            format!(
                "only through {} ({} touchpoints)",
                role.channel_name, role.touchpoints
            )
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&role.name).strong().color(colour));
            ui.label(why);
        });
    }
}

fn unconnected_ui(ui: &mut egui::Ui, analysis: &TouchpointAnalysis) {
    if analysis.unconnected_roles.is_empty() {
        return;
    }
    title_ui(ui, "No touchpoint today");
    for (side, colour) in [(Side::Business, theme::BUSINESS), (Side::It, theme::IT)] {
        let colour = readable(ui, colour);
        let names: Vec<&str> = analysis
            .unconnected_roles
            .iter()
            .filter(|r| r.side == side)
            .map(|r| r.name.as_str())
            .collect();
        if !names.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!("{}:", side.name()))
                        .strong()
                        .color(colour),
                );
                ui.label(names.join(", "));
            });
        }
    }
}

/// A share as a whole percentage, e.g. "60 %".
fn percent(share: f64) -> String {
    format!("{:.0} %", share * 100.0)
}
