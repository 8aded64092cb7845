//! The report's charts as SVG, drawn from the same data the window's egui_plot charts draw
//! (the dimension scores, the slope, the touchpoint analysis), and as PNG through resvg with
//! the app's own font.

mod axes;
mod heatmap;
mod level_map;
pub mod palette;
mod perception;
mod png;
mod radar;
mod slope;
mod spread;
pub mod svg;

use serde::Serialize;

use super::model::Report;

pub use png::chart_png;
pub(crate) use png::rasterise;

/// One of the report's charts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Chart {
    Radar,
    Slope,
    Perception,
    Spread,
    Heatmap,
    LevelMap,
}

impl Chart {
    pub const ALL: [Chart; 6] = [
        Chart::Radar,
        Chart::Slope,
        Chart::Perception,
        Chart::Spread,
        Chart::Heatmap,
        Chart::LevelMap,
    ];

    /// As written on the command line: `radar`, `slope`, `perception`, `spread`, `heatmap`,
    /// `level-map`.
    pub fn name(self) -> &'static str {
        match self {
            Chart::Radar => "radar",
            Chart::Slope => "slope",
            Chart::Perception => "perception",
            Chart::Spread => "spread",
            Chart::Heatmap => "heatmap",
            Chart::LevelMap => "level-map",
        }
    }

    /// The chart with this command-line name.
    pub fn from_name(name: &str) -> Option<Chart> {
        Chart::ALL.into_iter().find(|c| c.name() == name)
    }

    /// What the chart shows, as its accessible title.
    pub fn title(self) -> &'static str {
        match self {
            Chart::Radar => "Today and target by dimension",
            Chart::Slope => "Position on the convergence slope",
            Chart::Perception => "IT and the business by dimension",
            Chart::Spread => "Spread of today's answers by dimension",
            Chart::Heatmap => "Touchpoint strength, business roles × IT roles",
            Chart::LevelMap => "Touchpoints by level today",
        }
    }
}

/// The narrowest and widest a chart is drawn, in pixels.
pub const MIN_WIDTH: u32 = 200;
pub const MAX_WIDTH: u32 = 4000;
/// The width the report's own charts are drawn at.
pub const REPORT_WIDTH: u32 = 860;

/// `chart` as an SVG document `width` pixels wide (clamped to 200–4000); its height follows
/// from its content.
pub fn chart_svg(report: &Report, chart: Chart, width: u32) -> String {
    let frame = Frame::new(width);
    match chart {
        Chart::Radar => radar::svg(report, frame),
        Chart::Slope => slope::svg(report, frame),
        Chart::Perception => perception::svg(report, frame),
        Chart::Spread => spread::svg(report, frame),
        Chart::Heatmap => heatmap::svg(report, frame),
        Chart::LevelMap => level_map::svg(report, frame),
    }
}

/// A chart's width and its type scale: text grows with a wide chart (a 2400-pixel PNG reads
/// like an 800-pixel one) and shrinks a little on a narrow one, where labels wrap instead.
#[derive(Clone, Copy, Debug)]
struct Frame {
    width: f64,
    scale: f64,
}

impl Frame {
    fn new(width: u32) -> Frame {
        let width = f64::from(width.clamp(MIN_WIDTH, MAX_WIDTH));
        Frame {
            width,
            scale: (width / 800.0).clamp(0.75, 5.0),
        }
    }

    /// A length in the chart's own units: `base` at 800 pixels wide.
    fn px(self, base: f64) -> f64 {
        base * self.scale
    }
}

/// A chart with nothing to draw says why, in its middle.
fn empty_chart(chart: Chart, frame: Frame, message: &str) -> String {
    let height = frame.px(120.0);
    let mut svg = svg::Svg::new(frame.width, height, chart.title());
    svg.rect(
        0.5,
        0.5,
        frame.width - 1.0,
        height - 1.0,
        palette::FAINT,
        Some((palette::GRID, 1.0)),
    );
    let size = frame.px(14.0);
    let lines = svg::wrap(message, size, frame.width - frame.px(40.0), 3);
    let top = height / 2.0 - (lines.len() as f64 - 1.0) * size * 0.6 + size * 0.35;
    svg.lines(
        frame.width / 2.0,
        top,
        &lines,
        svg::TextStyle {
            size,
            fill: palette::MUTED,
            anchor: svg::Anchor::Middle,
            bold: false,
        },
    );
    svg.finish()
}
