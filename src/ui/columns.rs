//! Side-by-side columns with a gutter between them and ragged-right text: egui's own columns
//! justify wrapped text, which spreads the letters of short lines across the column.

use egui::{Align, Layout, Rect, UiBuilder, pos2, vec2};

/// Splits the space into `count` columns `gutter` apart, each laid out top-down, text ragged.
pub fn columns_ui<R>(
    ui: &mut egui::Ui,
    count: usize,
    gutter: f32,
    add_contents: impl FnOnce(&mut [egui::Ui]) -> R,
) -> R {
    let count = count.max(1);
    let total_gutter = gutter * (count as f32 - 1.0);
    let width = ((ui.available_width() - total_gutter) / count as f32).max(1.0);
    let top_left = ui.cursor().min;
    let mut columns: Vec<egui::Ui> = (0..count)
        .map(|i| {
            let left = top_left + vec2(i as f32 * (width + gutter), 0.0);
            let rect = Rect::from_min_max(left, pos2(left.x + width, ui.max_rect().bottom()));
            let mut column = ui.new_child(
                UiBuilder::new()
                    .max_rect(rect)
                    .layout(Layout::top_down(Align::LEFT)),
            );
            column.set_width(width);
            column
        })
        .collect();
    let result = add_contents(&mut columns);
    let height = columns.iter().map(|c| c.min_size().y).fold(0.0, f32::max);
    ui.advance_cursor_after_rect(Rect::from_min_size(
        top_left,
        vec2(ui.available_width(), height),
    ));
    result
}
