//! The spread of answers per dimension as box plots: where the room agrees and where it does not.

use super::still_plot;
use egui_plot::{BoxElem, BoxPlot, BoxSpread};

use crate::scoring::DimensionScore;
use crate::ui::theme;

/// One box per dimension: whiskers at min and max, box from Q1 to Q3, the median inside.
pub fn spread_ui(ui: &mut egui::Ui, dimensions: &[DimensionScore], height: f32) {
    let boxes: Vec<BoxElem> = dimensions
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let s = &d.spread;
            let spread = BoxSpread::new(s.min?, s.q1?, s.median?, s.q3?, s.max?);
            Some(
                BoxElem::new(i as f64 + 1.0, spread)
                    .name(&d.name)
                    .box_width(0.5)
                    .whisker_width(0.3),
            )
        })
        .collect();
    let names: Vec<String> = dimensions.iter().map(|d| d.name.clone()).collect();
    still_plot("spread")
        .height(height)
        .include_y(1.0)
        .include_y(5.0)
        .y_axis_label("answers today")
        .x_grid_spacer(super::category_marks(dimensions.len()))
        .x_axis_formatter(move |mark, _| super::category_label(&names, mark.value))
        .show(ui, |plot| {
            plot.box_plot(BoxPlot::new("answers", boxes).color(theme::CURRENT))
        });
}
