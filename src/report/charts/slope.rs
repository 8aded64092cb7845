//! The slope as the window draws it: the continuous 1.0–5.0 scale with its named zones, a
//! gently rising line (it has no steps), and today's and the target position marked on it.

use super::svg::{Anchor, Svg, TextStyle, text_width, wrap};
use super::{Chart, Frame, palette};
use crate::report::model::Report;

pub(super) fn svg(report: &Report, frame: Frame) -> String {
    let slope = &report.slope;
    let width = frame.width;
    let margin = frame.px(16.0);
    let band_top = frame.px(8.0);
    let band_height = frame.px(120.0);
    let axis_y = band_top + band_height;
    let height = axis_y + frame.px(30.0);
    let x_of = |value: f64| margin + (value.clamp(1.0, 5.0) - 1.0) / 4.0 * (width - 2.0 * margin);
    let y_of = |share: f64| axis_y - share * band_height;
    let mut svg = Svg::new(width, height, Chart::Slope.title());

    let name_size = frame.px(15.0);
    for (i, zone) in slope.zones.iter().enumerate() {
        let (left, right) = (x_of(zone.from), x_of(zone.to));
        svg.rect(
            left,
            band_top,
            right - left,
            band_height,
            palette::ZONES[i % 5],
            None,
        );
        let lines = wrap(&zone.name, name_size, right - left - frame.px(6.0), 2);
        let style = TextStyle {
            size: name_size,
            fill: palette::INK,
            anchor: Anchor::Middle,
            bold: true,
        };
        svg.lines((left + right) / 2.0, y_of(0.86), &lines, style);
    }
    // The slope itself: a reminder that it rises continuously.
    svg.line(
        (x_of(1.0), y_of(0.1)),
        (x_of(5.0), y_of(0.6)),
        "#b0b0b0",
        frame.px(1.5),
        false,
    );
    let tick = TextStyle {
        size: frame.px(11.0),
        fill: palette::MUTED,
        anchor: Anchor::Middle,
        bold: false,
    };
    svg.line(
        (x_of(1.0), axis_y),
        (x_of(5.0), axis_y),
        palette::MUTED,
        1.0,
        false,
    );
    for step in 0..=8 {
        let value = 1.0 + f64::from(step) * 0.5;
        let x = x_of(value);
        svg.line(
            (x, axis_y),
            (x, axis_y + frame.px(5.0)),
            palette::MUTED,
            1.0,
            false,
        );
        if step % 2 == 0 {
            svg.text(x, axis_y + frame.px(18.0), &format!("{value:.1}"), tick);
        }
    }
    for (label, figure, colour, share) in [
        ("today", &slope.today, palette::CURRENT, 0.35),
        ("target", &slope.target, palette::TARGET, 0.55),
    ] {
        let Some(value) = figure.value else { continue };
        let x = x_of(value);
        svg.line((x, axis_y), (x, y_of(0.7)), colour, frame.px(4.0), false);
        let text = format!("{label} {figure}");
        let size = frame.px(15.0);
        // Labels sit right of the marker, or left of it near the right edge.
        let fits_right = x + frame.px(6.0) + text_width(&text, size, true) < width - margin;
        let (tx, anchor) = if fits_right {
            (x + frame.px(6.0), Anchor::Start)
        } else {
            (x - frame.px(6.0), Anchor::End)
        };
        let style = TextStyle {
            size,
            fill: colour,
            anchor,
            bold: true,
        };
        svg.rect(
            if fits_right {
                tx - frame.px(2.0)
            } else {
                tx - text_width(&text, size, true) - frame.px(2.0)
            },
            y_of(share) - size * 0.95,
            text_width(&text, size, true) + frame.px(4.0),
            size * 1.3,
            "#ffffff",
            None,
        );
        svg.text(tx, y_of(share), &text, style);
    }
    svg.finish()
}
