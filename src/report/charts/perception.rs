//! IT's and the business's scores side by side per dimension, as the window's grouped bars:
//! the perception gap the seeds warn about.

use super::axes::{CategoryPlot, legend};
use super::svg::{Anchor, Svg, TextStyle};
use super::{Chart, Frame, palette};
use crate::report::model::{DimensionRow, Report};
use crate::scoring::MIN_RESPONDENTS;

pub(super) fn svg(report: &Report, frame: Frame) -> String {
    let names: Vec<String> = report.dimensions.iter().map(|d| d.name.clone()).collect();
    let top = frame.px(34.0);
    let plot = CategoryPlot::layout(frame, &names, (0.0, 5.0), top);
    let mut svg = Svg::new(frame.width, plot.height, Chart::Perception.title());
    legend(
        &mut svg,
        frame,
        &[("IT", palette::IT), ("Business", palette::BUSINESS)],
        frame.px(20.0),
    );
    plot.draw(&mut svg, frame);
    if report.perception.is_none() {
        plot.message(
            &mut svg,
            frame,
            &format!(
                "The perception gap needs at least {MIN_RESPONDENTS} respondents on each side."
            ),
        );
        return svg.finish();
    }
    let bar = (plot.slot() * 0.36).min(frame.px(40.0));
    let value_size = frame.px(10.0);
    for (i, d) in report.dimensions.iter().enumerate() {
        for (pick, colour, offset) in [
            (
                (|d: &DimensionRow| &d.it) as fn(&DimensionRow) -> &crate::report::format::Figure,
                palette::IT,
                -0.5,
            ),
            (|d: &DimensionRow| &d.business, palette::BUSINESS, 0.5),
        ] {
            let figure = pick(d);
            let Some(value) = figure.value else { continue };
            let x = plot.x(i, 0.0) + offset * bar - bar / 2.0;
            let y = plot.y(value);
            svg.rect(x, y, bar, plot.y(0.0) - y, colour, None);
            if bar >= value_size * 2.2 {
                let style = TextStyle {
                    size: value_size,
                    fill: palette::INK,
                    anchor: Anchor::Middle,
                    bold: false,
                };
                svg.text(
                    x + bar / 2.0,
                    y - frame.px(3.0),
                    &format!("{value:.1}"),
                    style,
                );
            }
        }
    }
    svg.finish()
}
