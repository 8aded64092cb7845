//! The radar of today against the target by dimension, as the window draws it: the centre is
//! level 1, the rim level 5; a dimension nobody answered has no point and says so on its axis.

use std::f64::consts::TAU;

use super::svg::{Anchor, Svg, TextStyle, wrap};
use super::{Chart, Frame, empty_chart, palette};
use crate::report::model::{DimensionRow, Report};

pub(super) fn svg(report: &Report, frame: Frame) -> String {
    let dims = &report.dimensions;
    let n = dims.len();
    if n == 0 {
        return empty_chart(Chart::Radar, frame, "The questionnaire has no dimensions.");
    }
    let width = frame.width;
    let label_size = frame.px(13.0);
    let legend = frame.px(30.0);
    // The names need room on both sides; the drawing is at most 40% of the width across.
    let radius = (width * 0.23).min(frame.px(230.0));
    let height = legend + 2.0 * radius + frame.px(90.0);
    let centre = (width / 2.0, legend + radius + frame.px(45.0));
    let angle = |i: usize| TAU / 4.0 - TAU * i as f64 / n as f64;
    // Level 1 at the centre, level 5 on the rim.
    let at = |i: usize, score: f64| {
        let r = (score - 1.0) / 4.0 * radius;
        (centre.0 + r * angle(i).cos(), centre.1 - r * angle(i).sin())
    };
    let mut svg = Svg::new(width, height, Chart::Radar.title());
    legend_row(&mut svg, frame);

    for level in 2..=5 {
        let ring: Vec<(f64, f64)> = (0..n).map(|i| at(i, f64::from(level))).collect();
        svg.path(&ring, true, "none", Some((palette::GRID, 1.0)));
        let (x, y) = at(0, f64::from(level));
        let style = TextStyle {
            size: frame.px(10.0),
            fill: palette::MUTED,
            anchor: Anchor::Start,
            bold: false,
        };
        svg.text(
            x + frame.px(4.0),
            y + frame.px(10.0),
            &level.to_string(),
            style,
        );
    }
    for (i, d) in dims.iter().enumerate() {
        svg.line(centre, at(i, 5.0), palette::GRID, 1.0, false);
        axis_label(&mut svg, frame, d, at(i, 5.55), label_size, width);
    }
    for (pick, colour) in [
        (
            (|d: &DimensionRow| d.current.value) as fn(&DimensionRow) -> Option<f64>,
            palette::CURRENT,
        ),
        (|d: &DimensionRow| d.target.value, palette::TARGET),
    ] {
        let points: Vec<(f64, f64)> = dims
            .iter()
            .enumerate()
            .filter_map(|(i, d)| pick(d).map(|s| at(i, s)))
            .collect();
        if points.is_empty() {
            continue;
        }
        if points.len() > 2 {
            svg.shaded(&points, colour, 0.10);
        }
        svg.path(
            &points,
            points.len() > 2,
            "none",
            Some((colour, frame.px(2.5))),
        );
        for point in points {
            svg.circle(point, frame.px(4.0), colour);
        }
    }
    svg.finish()
}

fn legend_row(svg: &mut Svg, frame: Frame) {
    let size = frame.px(13.0);
    let y = frame.px(20.0);
    let mut x = frame.px(10.0);
    for (label, colour) in [("Today", palette::CURRENT), ("Target", palette::TARGET)] {
        svg.circle((x + size * 0.4, y - size * 0.35), size * 0.4, colour);
        let style = TextStyle {
            size,
            fill: colour,
            anchor: Anchor::Start,
            bold: true,
        };
        svg.text(x + size * 1.1, y, label, style);
        x += size * 1.1 + super::svg::text_width(label, size, true) + frame.px(18.0);
    }
    let note = TextStyle {
        size: frame.px(11.0),
        fill: palette::MUTED,
        anchor: Anchor::Start,
        bold: false,
    };
    svg.text(x, y, "centre = level 1, rim = level 5", note);
}

/// A dimension's name beyond the rim, anchored away from the centre.
fn axis_label(
    svg: &mut Svg,
    frame: Frame,
    d: &DimensionRow,
    (x, y): (f64, f64),
    size: f64,
    width: f64,
) {
    let centre_x = width / 2.0;
    let anchor = if x > centre_x + frame.px(8.0) {
        Anchor::Start
    } else if x < centre_x - frame.px(8.0) {
        Anchor::End
    } else {
        Anchor::Middle
    };
    let room = match anchor {
        Anchor::Start => width - x - frame.px(4.0),
        Anchor::End => x - frame.px(4.0),
        Anchor::Middle => width * 0.4,
    }
    .max(frame.px(60.0));
    let mut lines = wrap(&d.name, size, room, 2);
    if d.current.is_absent() {
        lines.push("(no answers)".to_string());
    }
    let first = y - (lines.len() as f64 - 1.0) * size * 0.6 + size * 0.35;
    let style = TextStyle {
        size,
        fill: palette::INK,
        anchor,
        bold: false,
    };
    svg.lines(x, first, &lines, style);
}
