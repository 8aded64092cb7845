//! The touchpoint heat map as the window draws it: business roles × IT roles, each cell split
//! into today (left) and target (right), shaded by the pair's summed touchpoint strength, the
//! pairs that should meet and do not framed in the missing colour.

use super::svg::{Anchor, Svg, TextStyle, wrap};
use super::{Chart, Frame, empty_chart, palette};
use crate::report::model::Report;
use crate::scoring::{Activity, TouchpointAnalysis};

pub(super) fn svg(report: &Report, frame: Frame) -> String {
    let Some(view) = &report.touchpoints else {
        return empty_chart(Chart::Heatmap, frame, "No touchpoint map was drawn.");
    };
    let a = &view.analysis;
    let (rows, columns) = (a.business_roles.len(), a.it_roles.len());
    if rows == 0 || columns == 0 {
        return empty_chart(Chart::Heatmap, frame, "The map has no roles to show.");
    }
    let width = frame.width;
    let label_width = (width * 0.24).min(frame.px(200.0));
    let cell_width = (width - label_width - frame.px(4.0)) / columns as f64;
    let header_size = frame.px(11.0);
    let headers: Vec<Vec<String>> = a
        .it_roles
        .iter()
        .map(|r| wrap(&r.name, header_size, cell_width - frame.px(6.0), 3))
        .collect();
    let header_lines = headers.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let header_height = header_lines * header_size * 1.2 + frame.px(8.0);
    let cell_height = frame.px(36.0);
    let legend_height = legend_height(frame);
    let height = header_height + cell_height * rows as f64 + legend_height;
    let mut svg = Svg::new(width, height, Chart::Heatmap.title());

    for (column, lines) in headers.iter().enumerate() {
        let x = label_width + cell_width * (column as f64 + 0.5);
        let first = header_height - frame.px(6.0) - (lines.len() as f64 - 1.0) * header_size * 1.2;
        svg.lines(
            x,
            first,
            lines,
            style(header_size, palette::IT, Anchor::Middle),
        );
    }
    let row_size = frame.px(12.0);
    for (row, role) in a.business_roles.iter().enumerate() {
        let top = header_height + cell_height * row as f64;
        let lines = wrap(&role.name, row_size, label_width - frame.px(8.0), 2);
        let first =
            top + cell_height / 2.0 - (lines.len() as f64 - 1.0) * row_size * 0.6 + row_size * 0.35;
        svg.lines(
            0.0,
            first,
            &lines,
            style(row_size, palette::BUSINESS, Anchor::Start),
        );
        for column in 0..columns {
            let x = label_width + cell_width * column as f64;
            cell(
                &mut svg,
                frame,
                a,
                (row, column),
                (x, top, cell_width, cell_height),
            );
        }
    }
    legend(&mut svg, frame, height - legend_height);
    svg.finish()
}

fn style(size: f64, fill: &str, anchor: Anchor) -> TextStyle<'_> {
    TextStyle {
        size,
        fill,
        anchor,
        bold: false,
    }
}

/// One business role × IT role cell: today on the left, target on the right.
fn cell(
    svg: &mut Svg,
    frame: Frame,
    a: &TouchpointAnalysis,
    (row, column): (usize, usize),
    (x, y, w, h): (f64, f64, f64, f64),
) {
    let Some(cell) = a.cells.get(row).and_then(|r| r.get(column)) else {
        return;
    };
    let inset = frame.px(1.5);
    let (x, y, w, h) = (x + inset, y + inset, w - 2.0 * inset, h - 2.0 * inset);
    for (half, activity, colour) in [
        (0.0, &cell.today, palette::CURRENT),
        (1.0, &cell.target, palette::TARGET),
    ] {
        let left = x + half * w / 2.0;
        shade(svg, (left, y, w / 2.0, h), activity, colour, a.max_strength);
        if activity.strength > 0.0 {
            let size = frame.px(11.0);
            let text = format!("{:.1}", activity.strength);
            svg.text(
                left + w / 4.0,
                y + h / 2.0 + size * 0.35,
                &text,
                style(size, palette::INK, Anchor::Middle),
            );
        }
    }
    svg.line(
        (x + w / 2.0, y),
        (x + w / 2.0, y + h),
        "#ffffff",
        1.0,
        false,
    );
    let frame_stroke = if cell.missing_pair {
        (palette::MISSING, frame.px(3.0))
    } else if cell.missing > 0 {
        (palette::MISSING, frame.px(1.5))
    } else {
        (palette::GRID, 1.0)
    };
    svg.rect(x, y, w, h, "none", Some(frame_stroke));
}

/// A half cell, `colour` the stronger the more its strength is of `max`; faint when nothing
/// happens.
fn shade(
    svg: &mut Svg,
    (x, y, w, h): (f64, f64, f64, f64),
    activity: &Activity,
    colour: &str,
    max: f64,
) {
    if activity.strength <= 0.0 || max <= 0.0 {
        svg.rect(x, y, w, h, palette::FAINT, None);
        return;
    }
    let share = (activity.strength / max).clamp(0.0, 1.0);
    let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)];
    svg.shaded(&corners, colour, 0.15 + 0.6 * share);
}

const LEGEND: [(&str, &str); 3] = [
    ("left half: today", palette::CURRENT),
    ("right half: target", palette::TARGET),
    (
        "red frame: should meet, does not meet today",
        palette::MISSING,
    ),
];
const LEGEND_NOTE: &str =
    "darker = stronger: the sum of the pair's touchpoints, each frequency × effectiveness / 5";

/// Where each legend entry goes, `(x, line)`, wrapping within the width, and the note's lines.
fn legend_layout(frame: Frame) -> (Vec<(f64, usize)>, Vec<String>) {
    let size = frame.px(11.0);
    let widths: Vec<f64> = LEGEND
        .iter()
        .map(|(label, _)| size * 1.1 + super::svg::text_width(label, size, false))
        .collect();
    let places = super::axes::flow(&widths, frame.width, frame.px(14.0));
    (places, wrap(LEGEND_NOTE, size, frame.width, 3))
}

/// The legend's height.
fn legend_height(frame: Frame) -> f64 {
    let (places, note) = legend_layout(frame);
    let lines = places.last().map_or(0, |p| p.1) + 1 + note.len();
    frame.px(10.0) + lines as f64 * frame.px(11.0) * 1.5
}

fn legend(svg: &mut Svg, frame: Frame, top: f64) {
    let size = frame.px(11.0);
    let (places, note) = legend_layout(frame);
    let line_height = size * 1.5;
    let y0 = top + frame.px(10.0) + size;
    for ((label, colour), (x, line)) in LEGEND.iter().zip(&places) {
        let y = y0 + *line as f64 * line_height;
        svg.rect(*x, y - size * 0.8, size * 0.8, size * 0.8, colour, None);
        svg.text(
            x + size * 1.1,
            y,
            label,
            style(size, palette::INK, Anchor::Start),
        );
    }
    let first = y0 + (places.last().map_or(0, |p| p.1) + 1) as f64 * line_height;
    for (i, text) in note.iter().enumerate() {
        svg.text(
            0.0,
            first + i as f64 * line_height,
            text,
            style(size, palette::MUTED, Anchor::Start),
        );
    }
}
