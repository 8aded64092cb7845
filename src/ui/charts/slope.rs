//! The slope: the continuous 1.0–5.0 scale with its named zones, today's and the target
//! position marked on it, and, while the touchpoint map is being drawn, the position it would
//! give, dashed and marked provisional.

use super::still_plot;
use egui_plot::{Line, LineStyle, PlotPoint, PlotPoints, Polygon, Text};

use crate::model::Slope;
use crate::ui::theme;

/// The positions marked on the slope; any may be unknown.
#[derive(Clone, Copy, Debug, Default)]
pub struct Marks {
    pub today: Option<f64>,
    pub target: Option<f64>,
    /// Today's position with the touchpoint map, while it is not yet counted.
    pub provisional: Option<f64>,
}

/// Where the zones' band starts: above it the zone names, below it the markers' labels.
const BAND: f64 = 0.5;
/// The heights of the markers' labels, highest first.
const ROWS: [f64; 3] = [0.38, 0.24, 0.1];

/// Draws the slope with its marks.
pub fn slope_ui(ui: &mut egui::Ui, slope: &Slope, marks: Marks) {
    let dark = ui.visuals().dark_mode;
    let top = slope_top(slope);
    // The rightmost marker's label sits highest, so no label runs across another marker's line:
    // a line rises from its own label to the zones.
    let mut labels = [
        ("today", marks.today, theme::CURRENT, false),
        (
            "with the map, provisional",
            marks.provisional,
            theme::CURRENT,
            true,
        ),
        ("target", marks.target, theme::TARGET, false),
    ];
    labels.sort_by(|a, b| b.1.unwrap_or(0.0).total_cmp(&a.1.unwrap_or(0.0)));
    let labels: Vec<_> = labels
        .into_iter()
        .zip(ROWS)
        .map(|((name, value, colour, dashed), y)| {
            let (line, text) = (theme::graphic(ui, colour), theme::readable(ui, colour));
            (name, value, y, dashed, line, text)
        })
        .collect();
    still_plot("slope")
        .height(170.0)
        .show_y(false)
        .show_x(false)
        .show_grid(false)
        .show_axes([true, false])
        .default_x_bounds(0.85, top + 0.15)
        .default_y_bounds(0.0, 1.0)
        .set_margin_fraction(egui::vec2(0.0, 0.0))
        .x_grid_spacer(super::category_marks(top as usize))
        .x_axis_formatter(|mark, _| format!("{:.0}", mark.value))
        .show(ui, |plot| {
            for (i, zone) in slope.zones.iter().enumerate() {
                let end = slope.zones.get(i + 1).map_or(top, |next| next.from);
                let area = vec![[zone.from, BAND], [end, BAND], [end, 1.0], [zone.from, 1.0]];
                plot.polygon(
                    Polygon::new(zone.name.clone(), PlotPoints::from(area))
                        .fill_color(theme::zone_colour(i, dark))
                        .stroke(egui::Stroke::NONE)
                        .allow_hover(false),
                );
                plot.text(
                    Text::new(
                        zone.name.clone(),
                        PlotPoint::new((zone.from + end) / 2.0, 0.75),
                        egui::RichText::new(&zone.name)
                            .size(17.0)
                            .strong()
                            .color(theme::ON_ZONE),
                    )
                    .allow_hover(false),
                );
            }
            for (name, value, y, dashed, line, text) in labels {
                let Some(x) = value else { continue };
                let style = if dashed {
                    LineStyle::dashed_dense()
                } else {
                    LineStyle::Solid
                };
                let marker = PlotPoints::from(vec![[x, y], [x, BAND + 0.1]]);
                plot.line(
                    Line::new(name, marker)
                        .color(line)
                        .width(if dashed { 2.5 } else { 4.0 })
                        .style(style)
                        .allow_hover(false),
                );
                // Labels keep inside the chart: right of the marker, or left of it near the top.
                let (anchor, padded) = if x > top - 0.9 {
                    (egui::Align2::RIGHT_CENTER, format!("{name} {x:.2} "))
                } else {
                    (egui::Align2::LEFT_CENTER, format!(" {name} {x:.2}"))
                };
                plot.text(
                    Text::new(
                        name,
                        PlotPoint::new(x, y),
                        egui::RichText::new(padded).size(15.0).strong().color(text),
                    )
                    .anchor(anchor)
                    .allow_hover(false),
                );
            }
        });
}

/// The top of the slope: 5 on the shipped scale.
fn slope_top(slope: &Slope) -> f64 {
    slope
        .zones
        .last()
        .map_or(5.0, |last| last.from.ceil().max(5.0))
}
