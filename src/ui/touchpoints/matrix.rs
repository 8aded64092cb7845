//! The matrix of business roles (rows) × IT roles (columns). Each cell shows at a glance how
//! many touchpoints the pair has today and at target and the most frequent of them, is shaded
//! by today's strength, and is framed in the warning colour when a touchpoint is missing.
//! Clicking a cell selects the pair for the editor below.

use crate::ui::a11y;
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText, Stroke, TextWrapMode};

use crate::model::Frequency;
use crate::scoring::TouchpointAnalysis;
use crate::ui::charts::heatmap::{MISSING, strength_fill};
use crate::ui::theme;
use crate::ui::theme::readable;

use super::Pair;

/// Width of the column of business role names.
const ROW_LABEL_WIDTH: f32 = 190.0;
const CELL_HEIGHT: f32 = 50.0;

/// Draws the matrix; returns the pair clicked this frame.
pub fn matrix_ui(
    ui: &mut egui::Ui,
    analysis: &TouchpointAnalysis,
    selected: Option<&Pair>,
) -> Option<Pair> {
    ui.horizontal_wrapped(|ui| {
        ui.weak("Each cell: touchpoints today · most frequent, then");
        ui.label(RichText::new("→ at target").color(theme::TARGET));
        ui.weak("· darker = stronger today ·");
        ui.label(RichText::new("red frame = should meet, does not").color(MISSING));
    });
    let columns = analysis.it_roles.len().max(1) as f32;
    let spacing = 4.0;
    // A wide window (a projector) gets larger type, so the back of the room can read it.
    let scale = (ui.available_width() / 1260.0).clamp(1.0, 1.3);
    let row_label_width = ROW_LABEL_WIDTH * scale;
    let cell_width = ((ui.available_width() - row_label_width - spacing * (columns + 1.0))
        / columns)
        .clamp(88.0, 240.0);
    let cell_size = egui::vec2(cell_width, CELL_HEIGHT * scale);
    // On a small window (1024 wide) the cells' type shrinks a little so "→ 1 · monthly" fits;
    // a cell never grows past its column, so the last column stays in the window.
    let fit = (cell_width / 118.0).clamp(0.8, 1.0);
    let mut clicked = None;
    egui::Grid::new("touchpoint-matrix").spacing([spacing, spacing]).show(ui, |ui| {
        ui.label("");
        for role in &analysis.it_roles {
            let name = RichText::new(&role.name).size(14.0 * scale).strong().color(readable(ui, theme::IT));
            fixed_label_ui(ui, [cell_width, 44.0 * scale], egui::Align::Max, name);
        }
        ui.end_row();
        for (row, business) in analysis.business_roles.iter().enumerate() {
            let name = RichText::new(&business.name).size(15.0 * scale).strong().color(readable(ui, theme::BUSINESS));
            fixed_label_ui(ui, [row_label_width, cell_size.y], egui::Align::Center, name);
            for (column, it) in analysis.it_roles.iter().enumerate() {
                let Some(cell) = analysis.cells.get(row).and_then(|r| r.get(column)) else {
                    continue;
                };
                let is_selected = selected.is_some_and(|(b, i)| b == &business.id && i == &it.id);
                let stroke = if is_selected {
                    Stroke::new(3.5, ui.visuals().selection.stroke.color)
                } else if cell.missing > 0 {
                    Stroke::new(2.5, MISSING)
                } else {
                    ui.visuals().widgets.inactive.bg_stroke
                };
                let text = cell_text(
                    ui,
                    scale * fit,
                    (cell.today.active, cell.today.strongest),
                    (cell.target.active, cell.target.strongest),
                    cell.missing_pair,
                );
                let button = egui::Button::new(text)
                    .fill(strength_fill(ui, theme::CURRENT, cell.today.strength, analysis.max_strength))
                    .stroke(stroke)
                    .wrap_mode(TextWrapMode::Wrap)
                    .min_size(cell_size);
                let response = ui.add_sized(cell_size, button);
                let pair_name = format!("{} × {}", business.name, it.name);
                response.widget_info(a11y::toggle(is_selected, &pair_name));
                let tooltip = format!(
                    "{pair_name}\n{} touchpoint(s) on the map: {} today, {} at target, {} missing",
                    cell.touchpoints, cell.today.active, cell.target.active, cell.missing
                );
                if response.on_hover_text(tooltip).clicked() {
                    clicked = Some((business.id.clone(), it.id.clone()));
                }
            }
            ui.end_row();
        }
    });
    clicked
}

/// Two lines: today's count of touchpoints and the most frequent, then the target's.
fn cell_text(
    ui: &egui::Ui,
    scale: f32,
    today: (usize, Frequency),
    target: (usize, Frequency),
    missing_pair: bool,
) -> LayoutJob {
    let text = ui.visuals().strong_text_color();
    let weak = ui.visuals().weak_text_color();
    let mut job = LayoutJob::default();
    let (today, colour) = if today.0 > 0 {
        (format!("{} · {}", today.0, today.1.name()), text)
    } else if missing_pair {
        ("none today".to_string(), MISSING)
    } else {
        ("—".to_string(), weak)
    };
    job.append(&today, 0.0, format(15.0 * scale, colour));
    if target.0 > 0 {
        let target = format!("\n→ {} · {}", target.0, target.1.name());
        job.append(&target, 0.0, format(14.0 * scale, theme::TARGET));
    }
    job
}

fn format(size: f32, color: Color32) -> TextFormat {
    TextFormat {
        font_id: FontId::proportional(size),
        color,
        ..TextFormat::default()
    }
}

/// A wrapped label in a box of fixed size, so the grid's columns line up with the cells;
/// `vertical` places it at the top, middle or bottom of the box.
fn fixed_label_ui(ui: &mut egui::Ui, size: [f32; 2], vertical: egui::Align, text: RichText) {
    let (rect, _) = ui.allocate_exact_size(size.into(), egui::Sense::hover());
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(TextWrapMode::Wrap),
        size[0] - 6.0,
        egui::TextStyle::Body,
    );
    let y = match vertical {
        egui::Align::Min => rect.top(),
        egui::Align::Center => rect.center().y - galley.size().y / 2.0,
        egui::Align::Max => rect.bottom() - galley.size().y,
    };
    let colour = ui.visuals().text_color();
    ui.painter()
        .galley(egui::pos2(rect.left(), y), galley, colour);
}
