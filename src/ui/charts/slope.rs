//! The slope: the continuous 1.0–5.0 scale with its named zones, today's and the target
//! position marked on it.

use super::still_plot;
use egui_plot::{Line, PlotPoint, PlotPoints, Polygon, Text};

use crate::model::Slope;
use crate::ui::theme;

/// Draws the slope with the two positions (either may be unknown).
pub fn slope_ui(ui: &mut egui::Ui, slope: &Slope, today: Option<f64>, target: Option<f64>) {
    let dark = ui.visuals().dark_mode;
    let text_colour = ui.visuals().strong_text_color();
    still_plot("slope")
        .height(130.0)
        .show_y(false)
        .show_x(false)
        .show_grid(false)
        .show_axes([true, false])
        .default_x_bounds(1.0, 5.0)
        .default_y_bounds(0.0, 1.0)
        .set_margin_fraction(egui::vec2(0.0, 0.0))
        .show(ui, |plot| {
            for (i, zone) in slope.zones.iter().enumerate() {
                let end = slope.zones.get(i + 1).map_or(5.0, |next| next.from);
                let area = vec![[zone.from, 0.0], [end, 0.0], [end, 1.0], [zone.from, 1.0]];
                plot.polygon(
                    Polygon::new(zone.name.clone(), PlotPoints::from(area))
                        .fill_color(theme::zone_colour(i, dark))
                        .stroke(egui::Stroke::NONE),
                );
            }
            // The slope itself: a gentle rising line, a reminder it has no steps.
            plot.line(
                Line::new("slope", PlotPoints::from(vec![[1.0, 0.1], [5.0, 0.6]]))
                    .color(text_colour.gamma_multiply(0.3)),
            );
            for (name, value, colour, y) in [
                ("today", today, theme::CURRENT, 0.35),
                ("target", target, theme::TARGET, 0.55),
            ] {
                if let Some(x) = value {
                    // Up to just below the zone names, so the two never cross.
                    let marker = PlotPoints::from(vec![[x, 0.0], [x, 0.7]]);
                    plot.line(Line::new(name, marker).color(colour).width(4.0));
                    plot.text(
                        Text::new(
                            name,
                            PlotPoint::new(x, y),
                            egui::RichText::new(format!(" {name} {x:.2} "))
                                .size(15.0)
                                .strong(),
                        )
                        .color(colour)
                        .anchor(egui::Align2::LEFT_CENTER),
                    );
                }
            }
            for (i, zone) in slope.zones.iter().enumerate() {
                let end = slope.zones.get(i + 1).map_or(5.0, |next| next.from);
                plot.text(
                    Text::new(
                        zone.name.clone(),
                        PlotPoint::new((zone.from + end) / 2.0, 0.82),
                        egui::RichText::new(&zone.name).size(17.0).strong(),
                    )
                    .color(text_colour),
                );
            }
        });
}
