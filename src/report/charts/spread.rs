//! The spread of today's answers per dimension as box plots, as the window draws them: whiskers
//! at the lowest and highest answer, the box from the first to the third quartile, the median.

use super::axes::CategoryPlot;
use super::svg::Svg;
use super::{Chart, Frame, palette};
use crate::report::model::Report;
use crate::scoring::MIN_RESPONDENTS;

pub(super) fn svg(report: &Report, frame: Frame) -> String {
    let names: Vec<String> = report.dimensions.iter().map(|d| d.name.clone()).collect();
    let plot = CategoryPlot::layout(frame, &names, (1.0, 5.0), frame.px(14.0));
    let mut svg = Svg::new(frame.width, plot.height, Chart::Spread.title());
    plot.draw(&mut svg, frame);
    if report.agreement.is_none() {
        plot.message(
            &mut svg,
            frame,
            &format!("The spread of answers needs at least {MIN_RESPONDENTS} respondents."),
        );
        return svg.finish();
    }
    let width = (plot.slot() * 0.5).min(frame.px(60.0));
    let stroke = frame.px(1.5);
    for (i, d) in report.dimensions.iter().enumerate() {
        let Some(s) = &d.spread else { continue };
        let (Some(min), Some(q1), Some(median), Some(q3), Some(max)) =
            (s.min, s.q1, s.median, s.q3, s.max)
        else {
            continue;
        };
        let x = plot.x(i, 0.0);
        svg.line(
            (x, plot.y(max)),
            (x, plot.y(q3)),
            palette::CURRENT,
            stroke,
            false,
        );
        svg.line(
            (x, plot.y(q1)),
            (x, plot.y(min)),
            palette::CURRENT,
            stroke,
            false,
        );
        for whisker in [min, max] {
            let y = plot.y(whisker);
            svg.line(
                (x - width * 0.3, y),
                (x + width * 0.3, y),
                palette::CURRENT,
                stroke,
                false,
            );
        }
        let top = plot.y(q3);
        svg.rect(
            x - width / 2.0,
            top,
            width,
            plot.y(q1) - top,
            "#d2e3f0",
            Some((palette::CURRENT, stroke)),
        );
        let y = plot.y(median);
        svg.line(
            (x - width / 2.0, y),
            (x + width / 2.0, y),
            palette::CURRENT,
            frame.px(3.0),
            false,
        );
    }
    svg.finish()
}
