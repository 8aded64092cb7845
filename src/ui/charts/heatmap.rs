//! The touchpoint heat map: business roles × IT roles, each cell split into today (left) and
//! target (right), shaded by the pair's summed touchpoint strength from the core's analysis,
//! with the pairs that should meet and do not framed in the missing colour.

use crate::ui::a11y;
use egui::accesskit::Role;
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, vec2};

use crate::scoring::TouchpointAnalysis;
use crate::ui::theme;

/// Colour of what should exist and does not: missing touchpoints and pairs.
pub const MISSING: Color32 = Color32::from_rgb(0xd6, 0x27, 0x28);

const ROW_LABEL_WIDTH: f32 = 200.0;
const HEADER_HEIGHT: f32 = 48.0;
const CELL_HEIGHT: f32 = 40.0;

/// A cell's fill: `base` the stronger the more `strength` is of `max`, the panel's own colour
/// when nothing happens.
pub fn strength_fill(ui: &egui::Ui, base: Color32, strength: f64, max: f64) -> Color32 {
    if strength <= 0.0 || max <= 0.0 {
        return ui.visuals().extreme_bg_color;
    }
    let share = (strength / max).clamp(0.0, 1.0) as f32;
    base.gamma_multiply(0.15 + 0.6 * share)
}

/// Draws the heat map; returns the (row, column) of a cell clicked this frame.
pub fn heatmap_ui(ui: &mut egui::Ui, analysis: &TouchpointAnalysis) -> Option<(usize, usize)> {
    let rows = analysis.business_roles.len();
    let columns = analysis.it_roles.len();
    if rows == 0 || columns == 0 {
        return None;
    }
    // A wide window (a projector) gets larger cells and type.
    let scale = (ui.available_width() / 1260.0).clamp(1.0, 1.3);
    let (label_width, header_height, cell_height) = (
        ROW_LABEL_WIDTH * scale,
        HEADER_HEIGHT * scale,
        CELL_HEIGHT * scale,
    );
    let cell_width =
        ((ui.available_width() - label_width) / columns as f32).clamp(80.0, 200.0 * scale);
    let size = vec2(
        label_width + cell_width * columns as f32,
        header_height + cell_height * rows as f32,
    );
    let (response, painter) = ui.allocate_painter(size, Sense::click());
    response.widget_info(a11y::labeled(
        Role::Image,
        "Heat map of touchpoint strength, today and target",
    ));
    let origin = response.rect.min;
    let visuals = ui.visuals().clone();
    let text = visuals.text_color();
    let (it_colour, business_colour) = (
        theme::readable(ui, theme::IT),
        theme::readable(ui, theme::BUSINESS),
    );
    let cell_rect = |row: usize, column: usize| {
        Rect::from_min_size(
            origin
                + vec2(
                    label_width + cell_width * column as f32,
                    header_height + cell_height * row as f32,
                ),
            vec2(cell_width, cell_height),
        )
        .shrink(1.5)
    };

    for (column, role) in analysis.it_roles.iter().enumerate() {
        let galley = painter.layout(
            role.name.clone(),
            FontId::proportional(13.0 * scale),
            it_colour,
            cell_width - 6.0,
        );
        let bottom = origin.y + header_height - 4.0;
        let x = origin.x + label_width + cell_width * column as f32 + 3.0;
        painter.galley(Pos2::new(x, bottom - galley.size().y), galley, it_colour);
    }
    for (row, role) in analysis.business_roles.iter().enumerate() {
        let galley = painter.layout(
            role.name.clone(),
            FontId::proportional(14.0 * scale),
            business_colour,
            label_width - 10.0,
        );
        let y = origin.y + header_height + cell_height * (row as f32 + 0.5) - galley.size().y / 2.0;
        painter.galley(Pos2::new(origin.x, y), galley, business_colour);
        for (column, cell) in analysis.cells.get(row).into_iter().flatten().enumerate() {
            let rect = cell_rect(row, column);
            let (left, right) = rect.split_left_right_at_fraction(0.5);
            for (half, activity, base) in [
                (left, &cell.today, theme::CURRENT),
                (right, &cell.target, theme::TARGET),
            ] {
                painter.rect_filled(
                    half,
                    2.0,
                    strength_fill(ui, base, activity.strength, analysis.max_strength),
                );
                if activity.strength > 0.0 {
                    let label = format!("{:.1}", activity.strength);
                    painter.text(
                        half.center(),
                        Align2::CENTER_CENTER,
                        label,
                        FontId::proportional(14.0 * scale),
                        text,
                    );
                }
            }
            painter.vline(
                rect.center().x,
                rect.y_range(),
                Stroke::new(1.0, visuals.window_fill),
            );
            let stroke = if cell.missing_pair {
                Stroke::new(3.0, MISSING)
            } else if cell.missing > 0 {
                Stroke::new(1.5, MISSING)
            } else {
                Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
            };
            painter.rect_stroke(rect, 2.0, stroke, StrokeKind::Inside);
        }
    }

    let at = |pos: Pos2| {
        let local = pos - origin - vec2(label_width, header_height);
        if local.x < 0.0 || local.y < 0.0 {
            return None;
        }
        let (row, column) = (
            (local.y / cell_height) as usize,
            (local.x / cell_width) as usize,
        );
        (row < rows && column < columns).then_some((row, column))
    };
    let hovered = response.hover_pos().and_then(at);
    let clicked = if response.clicked() {
        response.interact_pointer_pos().and_then(at)
    } else {
        None
    };
    if let Some((row, column)) = hovered
        && let Some(cell) = analysis.cells.get(row).and_then(|r| r.get(column))
    {
        let business = analysis
            .business_roles
            .get(row)
            .map_or("", |r| r.name.as_str());
        let it = analysis
            .it_roles
            .get(column)
            .map_or("", |r| r.name.as_str());
        response.on_hover_text_at_pointer(format!(
            "{business} × {it}\ntoday: {} touchpoint(s), strength {:.2}\ntarget: {} touchpoint(s), strength {:.2}\n{} missing — click to edit",
            cell.today.active, cell.today.strength, cell.target.active, cell.target.strength, cell.missing
        ));
    }
    clicked
}

/// The key to the heat map's colours.
pub fn heatmap_legend_ui(ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        // A narrow window moves a whole entry to the next line rather than splitting it.
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        ui.label(egui::RichText::new("■ left half: today").color(theme::CURRENT).strong());
        ui.label(egui::RichText::new("■ right half: target").color(theme::TARGET).strong());
        ui.weak("darker = stronger: the sum of the pair's touchpoints, each frequency × effectiveness / 5 ·");
        ui.label(egui::RichText::new("red frame: should meet, does not meet today").color(MISSING));
    });
}
