//! A plain table whose columns have set widths: text wraps inside its cell and makes the row
//! taller, never the table wider, so no column is pushed off the screen. The first column gives
//! up width when the window is narrow. Rows are striped; the layout needs no earlier frame.

use egui::{Rect, Shape, WidgetText};

/// Space between columns.
const GUTTER: f32 = 16.0;
/// The first column never gets narrower than this.
const MIN_FIRST: f32 = 120.0;

/// A table with `headers` over `rows`, columns `widths` wide (the first shrinks to fit).
pub fn table_ui(ui: &mut egui::Ui, headers: &[&str], widths: &[f32], rows: Vec<Vec<WidgetText>>) {
    let widths = fitted(widths, ui.available_width());
    let header: Vec<WidgetText> = headers
        .iter()
        .map(|h| egui::RichText::new(*h).strong().into())
        .collect();
    row_ui(ui, &widths, header, None);
    for (i, row) in rows.into_iter().enumerate() {
        let stripe = (i % 2 == 0).then(|| ui.visuals().faint_bg_color);
        row_ui(ui, &widths, row, stripe);
    }
}

/// The widths, the first narrowed so that all of them and their gutters fit in `available`.
fn fitted(widths: &[f32], available: f32) -> Vec<f32> {
    let gutters = GUTTER * widths.len().saturating_sub(1) as f32;
    let rest: f32 = widths.iter().skip(1).sum();
    let mut fitted = widths.to_vec();
    if let Some(first) = fitted.first_mut() {
        *first = first.min(available - rest - gutters).max(MIN_FIRST);
    }
    fitted
}

fn row_ui(
    ui: &mut egui::Ui,
    widths: &[f32],
    cells: Vec<WidgetText>,
    stripe: Option<egui::Color32>,
) {
    let background = ui.painter().add(Shape::Noop);
    let row = ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = GUTTER;
        for (cell, &width) in cells.into_iter().zip(widths) {
            ui.allocate_ui_with_layout(
                egui::vec2(width, 0.0),
                egui::Layout::top_down(egui::Align::LEFT),
                |ui| {
                    ui.set_width(width);
                    ui.add(egui::Label::new(cell).wrap());
                },
            );
        }
    });
    if let Some(colour) = stripe {
        let rect: Rect = row.response.rect.expand2(egui::vec2(4.0, 2.0));
        ui.painter()
            .set(background, Shape::rect_filled(rect, 2.0, colour));
    }
}
