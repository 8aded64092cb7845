//! The radar of current versus target by dimension. The centre is level 1, the rim level 5;
//! a dimension nobody answered has no point and says so on its axis. Today's 90% intervals
//! lie along the axes, and hovering a point names its dimension and score.

use std::f64::consts::TAU;

use super::still_plot;
use egui_plot::{HoverPosition, Line, PlotPoint, PlotPoints, Points, Text};

use crate::scoring::DimensionScore;
use crate::ui::theme;

/// Draws the radar, `size` points high and wider than that, to leave room for the names.
pub fn radar_ui(ui: &mut egui::Ui, dimensions: &[DimensionScore], size: f32) {
    let n = dimensions.len();
    if n == 0 {
        return;
    }
    let (today, target) = (
        theme::graphic(ui, theme::CURRENT),
        theme::graphic(ui, theme::TARGET),
    );
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new("●  Today")
                .color(theme::readable(ui, theme::CURRENT))
                .strong(),
        );
        ui.label(
            egui::RichText::new("●  Target")
                .color(theme::readable(ui, theme::TARGET))
                .strong(),
        );
    });
    ui.weak("Centre = level 1, rim = level 5; the band on an axis is today's 90% interval.");
    let grid_colour = ui.visuals().weak_text_color().gamma_multiply(0.5);
    let text_colour = ui.visuals().text_color();
    let angle = |i: usize| TAU / 4.0 - TAU * i as f64 / n as f64;
    let at = |i: usize, score: f64| {
        let radius = score - 1.0;
        [radius * angle(i).cos(), radius * angle(i).sin()]
    };
    type Pick = fn(&DimensionScore) -> Option<f64>;
    let series: [(&str, egui::Color32, Pick); 2] = [
        ("Today", today, |d| d.current),
        ("Target", target, |d| d.target),
    ];
    // What the hover label names: each series' points, in drawing order.
    let named: Vec<(&str, Vec<(String, f64)>)> = series
        .iter()
        .map(|(name, _, pick)| {
            let points = dimensions
                .iter()
                .filter_map(|d| pick(d).map(|s| (d.name.clone(), s)))
                .collect();
            (*name, points)
        })
        .collect();
    still_plot("radar")
        .width(size * 1.45)
        .height(size)
        .data_aspect(1.0)
        .show_axes(false)
        .show_grid(false)
        .default_x_bounds(-7.5, 7.5)
        .default_y_bounds(-5.0, 5.0)
        .label_formatter(move |position| hover_label(&named, position))
        .show(ui, |plot| {
            for level in 2..=5 {
                let ring: Vec<[f64; 2]> = (0..=n).map(|i| at(i % n, f64::from(level))).collect();
                plot.line(
                    Line::new(format!("level {level}"), PlotPoints::from(ring))
                        .color(grid_colour)
                        .width(1.0)
                        .allow_hover(false),
                );
            }
            for (i, d) in dimensions.iter().enumerate() {
                plot.line(
                    Line::new("axis", PlotPoints::from(vec![[0.0, 0.0], at(i, 5.0)]))
                        .color(grid_colour)
                        .width(1.0)
                        .allow_hover(false),
                );
                if let Some([low, high]) = d.interval {
                    plot.line(
                        Line::new("interval", PlotPoints::from(vec![at(i, low), at(i, high)]))
                            .color(today.gamma_multiply(0.45))
                            .width(9.0)
                            .allow_hover(false),
                    );
                }
                let [x, y] = at(i, 5.55);
                let name = two_lines(&d.name);
                let label = if d.current.is_none() {
                    format!("{name}\n(no answers)")
                } else {
                    name
                };
                let anchor = match x {
                    x if x > 0.3 => egui::Align2::LEFT_CENTER,
                    x if x < -0.3 => egui::Align2::RIGHT_CENTER,
                    _ => egui::Align2::CENTER_CENTER,
                };
                plot.text(
                    Text::new(
                        "dimension",
                        PlotPoint::new(x, y),
                        egui::RichText::new(label).size(13.0),
                    )
                    .color(text_colour)
                    .anchor(anchor)
                    .allow_hover(false),
                );
            }
            for (name, colour, pick) in series {
                let points: Vec<[f64; 2]> = dimensions
                    .iter()
                    .enumerate()
                    .filter_map(|(i, d)| pick(d).map(|s| at(i, s)))
                    .collect();
                if points.is_empty() {
                    continue;
                }
                let mut closed = points.clone();
                closed.push(points[0]);
                plot.line(
                    Line::new(name, PlotPoints::from(closed))
                        .color(colour)
                        .width(2.5)
                        .allow_hover(false),
                );
                plot.points(
                    Points::new(name, PlotPoints::from(points))
                        .color(colour)
                        .radius(4.0),
                );
            }
        });
}

/// "Today — Communication and shared understanding: 2.40" for the point under the pointer.
fn hover_label(
    named: &[(&str, Vec<(String, f64)>)],
    position: &HoverPosition<'_>,
) -> Option<String> {
    let HoverPosition::NearDataPoint {
        plot_name, index, ..
    } = position
    else {
        return None;
    };
    let (_, points) = named.iter().find(|(name, _)| name == plot_name)?;
    let (dimension, score) = points.get(*index)?;
    Some(format!("{plot_name} — {dimension}: {score:.2}"))
}

/// Breaks a long name at the space nearest its middle, so axis labels stay narrow.
fn two_lines(name: &str) -> String {
    if name.chars().count() <= 16 {
        return name.to_string();
    }
    let middle = name.len() / 2;
    let split = name
        .match_indices(' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(middle));
    match split {
        Some(i) => format!("{}\n{}", &name[..i], &name[i + 1..]),
        None => name.to_string(),
    }
}
