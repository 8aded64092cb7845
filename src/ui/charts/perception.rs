//! IT's and the business's scores side by side per dimension: the perception gap the seeds
//! warn about (the business tends to rate IT lower than IT rates itself).

use super::still_plot;
use egui_plot::{Bar, BarChart, Legend};

use crate::scoring::DimensionScore;
use crate::ui::theme;

/// Grouped bars, IT and business, one group per dimension (numbered as in the table beside).
pub fn perception_ui(ui: &mut egui::Ui, dimensions: &[DimensionScore], height: f32) {
    let bars = |pick: fn(&DimensionScore) -> Option<f64>, offset: f64, side: &str| -> Vec<Bar> {
        dimensions
            .iter()
            .enumerate()
            .filter_map(|(i, d)| {
                pick(d).map(|score| {
                    Bar::new(i as f64 + 1.0 + offset, score)
                        .width(0.38)
                        .name(format!("{side}: {}", d.name))
                })
            })
            .collect()
    };
    let names: Vec<String> = dimensions.iter().map(|d| d.name.clone()).collect();
    still_plot("perception")
        .height(height)
        .legend(Legend::default())
        .include_y(1.0)
        .include_y(5.0)
        .y_axis_label("score")
        .x_grid_spacer(super::category_marks(dimensions.len()))
        .x_axis_formatter(move |mark, _| super::category_label(&names, mark.value))
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("IT", bars(|d| d.it, -0.2, "IT")).color(theme::IT));
            plot.bar_chart(
                BarChart::new("Business", bars(|d| d.business, 0.2, "Business"))
                    .color(theme::BUSINESS),
            );
        });
}
