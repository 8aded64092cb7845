//! A plot with one category per dimension along x and scores along y, shared by the perception
//! bars and the spread boxes: grid, y ticks, and each dimension's name under its place.

use super::svg::{Anchor, Svg, TextStyle, wrap};
use super::{Frame, palette};

/// Where a category plot's parts go.
pub(super) struct CategoryPlot {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    y_min: f64,
    y_max: f64,
    label_size: f64,
    labels: Vec<Vec<String>>,
    /// The whole drawing's height.
    pub height: f64,
}

impl CategoryPlot {
    /// Lays out a plot of `names` from `y_min` to `y_max`, `top` pixels below the top.
    pub fn layout(frame: Frame, names: &[String], (y_min, y_max): (f64, f64), top: f64) -> Self {
        let left = frame.px(40.0);
        let right = frame.width - frame.px(10.0);
        let slot = (right - left) / names.len().max(1) as f64;
        let label_size = frame.px(11.0);
        let labels: Vec<Vec<String>> = names
            .iter()
            .map(|name| wrap(name, label_size, slot - frame.px(4.0), 3))
            .collect();
        let lines = labels.iter().map(Vec::len).max().unwrap_or(1) as f64;
        let bottom = top + frame.px(250.0);
        CategoryPlot {
            left,
            right,
            top,
            bottom,
            y_min,
            y_max,
            label_size,
            height: bottom + frame.px(8.0) + lines * label_size * 1.2 + frame.px(6.0),
            labels,
        }
    }

    /// The width of one category's slot.
    pub fn slot(&self) -> f64 {
        (self.right - self.left) / self.labels.len().max(1) as f64
    }

    /// The centre of category `i` (from 0), moved by `offset` slots.
    pub fn x(&self, i: usize, offset: f64) -> f64 {
        self.left + self.slot() * (i as f64 + 0.5 + offset)
    }

    pub fn y(&self, value: f64) -> f64 {
        let share = (value - self.y_min) / (self.y_max - self.y_min);
        self.bottom - share.clamp(0.0, 1.0) * (self.bottom - self.top)
    }

    /// Grid lines at each whole score, their numbers, and the names underneath.
    pub fn draw(&self, svg: &mut Svg, frame: Frame) {
        let tick = TextStyle {
            size: frame.px(11.0),
            fill: palette::MUTED,
            anchor: Anchor::End,
            bold: false,
        };
        let mut value = self.y_min.ceil();
        while value <= self.y_max {
            let y = self.y(value);
            svg.line((self.left, y), (self.right, y), palette::GRID, 1.0, false);
            svg.text(
                self.left - frame.px(6.0),
                y + frame.px(4.0),
                &format!("{value:.0}"),
                tick,
            );
            value += 1.0;
        }
        let name = TextStyle {
            size: self.label_size,
            fill: palette::INK,
            anchor: Anchor::Middle,
            bold: false,
        };
        for (i, lines) in self.labels.iter().enumerate() {
            let y = self.bottom + frame.px(8.0) + self.label_size;
            svg.lines(self.x(i, 0.0), y, lines, name);
        }
    }

    /// A message across the plot, for when there is nothing to draw in it.
    pub fn message(&self, svg: &mut Svg, frame: Frame, text: &str) {
        let size = frame.px(13.0);
        let lines = wrap(text, size, self.right - self.left - frame.px(40.0), 3);
        let style = TextStyle {
            size,
            fill: palette::MUTED,
            anchor: Anchor::Middle,
            bold: false,
        };
        let y = (self.top + self.bottom) / 2.0;
        svg.rect(
            self.left + frame.px(20.0),
            y - size * 1.4,
            self.right - self.left - frame.px(40.0),
            size * (lines.len() as f64 * 1.2 + 1.4),
            "#ffffff",
            Some((palette::GRID, 1.0)),
        );
        svg.lines((self.left + self.right) / 2.0, y, &lines, style);
    }
}

/// A row of coloured legend entries at the top left, `y` the baseline.
pub(super) fn legend(svg: &mut Svg, frame: Frame, entries: &[(&str, &str)], y: f64) {
    let size = frame.px(13.0);
    let mut x = frame.px(40.0);
    for (label, colour) in entries {
        svg.rect(x, y - size * 0.8, size * 0.8, size * 0.8, colour, None);
        let style = TextStyle {
            size,
            fill: palette::INK,
            anchor: Anchor::Start,
            bold: false,
        };
        svg.text(x + size * 1.1, y, label, style);
        x += size * 1.1 + super::svg::text_width(label, size, false) + frame.px(18.0);
    }
}

/// Places items of the given widths left to right, starting a new line when one would pass
/// `available`: each item's `(x, line)`.
pub(super) fn flow(widths: &[f64], available: f64, gap: f64) -> Vec<(f64, usize)> {
    let (mut x, mut line) = (0.0, 0);
    widths
        .iter()
        .map(|&w| {
            if x > 0.0 && x + w > available {
                (x, line) = (0.0, line + 1);
            }
            let place = (x, line);
            x += w + gap;
            place
        })
        .collect()
}
