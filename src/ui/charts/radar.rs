//! The radar of current versus target by dimension. The centre is level 1, the rim level 5;
//! a dimension nobody answered has no point and says so on its axis.

use std::f64::consts::TAU;

use super::still_plot;
use egui_plot::{Line, PlotPoint, PlotPoints, Points, Text};

use crate::scoring::DimensionScore;
use crate::ui::theme;

/// Draws the radar, `size` points high and wider than that, to leave room for the names.
pub fn radar_ui(ui: &mut egui::Ui, dimensions: &[DimensionScore], size: f32) {
    let n = dimensions.len();
    if n == 0 {
        return;
    }
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new("●  Today")
                .color(theme::CURRENT)
                .strong(),
        );
        ui.label(
            egui::RichText::new("●  Target")
                .color(theme::TARGET)
                .strong(),
        );
        ui.weak("centre = level 1, rim = level 5");
    });
    let grid_colour = ui.visuals().weak_text_color().gamma_multiply(0.5);
    let text_colour = ui.visuals().text_color();
    let angle = |i: usize| TAU / 4.0 - TAU * i as f64 / n as f64;
    let at = |i: usize, score: f64| {
        let radius = score - 1.0;
        [radius * angle(i).cos(), radius * angle(i).sin()]
    };
    still_plot("radar")
        .width(size * 1.45)
        .height(size)
        .data_aspect(1.0)
        .show_axes(false)
        .show_grid(false)
        .show_x(false)
        .show_y(false)
        .default_x_bounds(-7.5, 7.5)
        .default_y_bounds(-5.0, 5.0)
        .show(ui, |plot| {
            for level in 2..=5 {
                let ring: Vec<[f64; 2]> = (0..=n).map(|i| at(i % n, f64::from(level))).collect();
                plot.line(
                    Line::new(format!("level {level}"), PlotPoints::from(ring))
                        .color(grid_colour)
                        .width(1.0),
                );
            }
            for (i, d) in dimensions.iter().enumerate() {
                plot.line(
                    Line::new("axis", PlotPoints::from(vec![[0.0, 0.0], at(i, 5.0)]))
                        .color(grid_colour)
                        .width(1.0),
                );
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
                    .anchor(anchor),
                );
            }
            for (name, colour, pick) in [
                (
                    "Today",
                    theme::CURRENT,
                    (|d: &DimensionScore| d.current) as fn(&DimensionScore) -> Option<f64>,
                ),
                ("Target", theme::TARGET, |d: &DimensionScore| d.target),
            ] {
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
                        .width(2.5),
                );
                plot.points(
                    Points::new(name, PlotPoints::from(points))
                        .color(colour)
                        .radius(4.0),
                );
            }
        });
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
