//! The touchpoint map by level as the window draws today's: three bands (strategic, tactical,
//! operational), business roles on the left, IT roles on the right, one line per touchpoint at
//! that level, as wide as it is frequent and coloured by how well it works; touchpoints that
//! should exist and do not are dashed in the missing colour.

use super::svg::{Anchor, Svg, TextStyle, wrap};
use super::{Chart, Frame, empty_chart, palette};
use crate::model::{Frequency, Level, Touchpoint};
use crate::report::format::capitalised;
use crate::report::model::{Report, TouchpointView};

pub(super) fn svg(report: &Report, frame: Frame) -> String {
    let Some(view) = &report.touchpoints else {
        return empty_chart(Chart::LevelMap, frame, "No touchpoint map was drawn.");
    };
    let a = &view.analysis;
    let rows = a.business_roles.len().max(a.it_roles.len()).max(1);
    let (row_height, title_height, gap) = (frame.px(22.0), frame.px(30.0), frame.px(10.0));
    let band_height = title_height + row_height * rows as f64 + frame.px(8.0);
    let legend_height = legend_height(frame);
    let height = (band_height + gap) * Level::ALL.len() as f64 + legend_height;
    let mut svg = Svg::new(frame.width, height, Chart::LevelMap.title());
    for (band, level) in Level::ALL.into_iter().enumerate() {
        let top = (band_height + gap) * band as f64;
        let geometry = Band {
            top,
            height: band_height,
            title_height,
            row_height,
        };
        band_svg(&mut svg, frame, view, level, &geometry);
    }
    legend(&mut svg, frame, height - legend_height);
    svg.finish()
}

/// Where one level's band goes.
struct Band {
    top: f64,
    height: f64,
    title_height: f64,
    row_height: f64,
}

fn band_svg(svg: &mut Svg, frame: Frame, view: &TouchpointView, level: Level, band: &Band) {
    let a = &view.analysis;
    let width = frame.width;
    svg.rect(0.0, band.top, width, band.height, palette::FAINT, None);
    let title = match a.levels.iter().find(|l| l.level == level) {
        Some(s) => format!(
            "{} — {} today · {} at target · {} missing",
            capitalised(level.name()),
            s.today.active,
            s.target.active,
            s.missing
        ),
        None => capitalised(level.name()),
    };
    let title_size = frame.px(14.0);
    svg.text(
        frame.px(8.0),
        band.top + frame.px(6.0) + title_size,
        &title,
        text(title_size, palette::INK, Anchor::Start, true),
    );

    let name_width = (width * 0.26).min(frame.px(260.0));
    let (left_x, right_x) = (name_width, width - name_width);
    let row_y = |i: usize| band.top + band.title_height + band.row_height * (i as f64 + 0.5);
    let at_level: Vec<&Touchpoint> = view.map.iter().filter(|t| t.level == level).collect();
    let size = frame.px(12.0);
    for (roles, x, colour, anchor, business) in [
        (
            &a.business_roles,
            left_x - frame.px(10.0),
            palette::BUSINESS,
            Anchor::End,
            true,
        ),
        (
            &a.it_roles,
            right_x + frame.px(10.0),
            palette::IT,
            Anchor::Start,
            false,
        ),
    ] {
        for (i, role) in roles.iter().enumerate() {
            let used = at_level.iter().any(|t| {
                (if business {
                    &t.business_role
                } else {
                    &t.it_role
                }) == &role.id
                    && drawn(t).is_some()
            });
            let fill = if used { colour } else { palette::MUTED };
            let name = wrap(&role.name, size, name_width - frame.px(16.0), 1);
            svg.lines(
                x,
                row_y(i) + size * 0.35,
                &name,
                text(size, fill, anchor, false),
            );
        }
    }
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for t in &at_level {
        let Some((frequency, effectiveness, missing)) = drawn(t) else {
            continue;
        };
        let from = a
            .business_roles
            .iter()
            .position(|r| r.id == t.business_role);
        let to = a.it_roles.iter().position(|r| r.id == t.it_role);
        let (Some(from), Some(to)) = (from, to) else {
            continue;
        };
        let pair = (t.business_role.as_str(), t.it_role.as_str());
        let nth = seen.iter().filter(|p| **p == pair).count();
        seen.push(pair);
        let offset = frame.px(fan_offset(nth));
        let (start, end) = (
            (left_x, row_y(from) + offset),
            (right_x, row_y(to) + offset),
        );
        if missing {
            svg.line(start, end, palette::MISSING, frame.px(2.5), true);
        } else {
            let colour = palette::effectiveness_colour(effectiveness);
            svg.line(
                start,
                end,
                colour,
                frame.px(palette::frequency_width(frequency)),
                false,
            );
        }
        for point in [start, end] {
            svg.circle(point, frame.px(3.5), palette::INK);
        }
    }
    if at_level.iter().all(|t| drawn(t).is_none()) {
        let message = format!("No {} touchpoints today", level.name());
        let y = band.top + band.title_height + (band.height - band.title_height) / 2.0;
        svg.text(
            width / 2.0,
            y,
            &message,
            text(frame.px(14.0), palette::MUTED, Anchor::Middle, false),
        );
    }
}

fn text(size: f64, fill: &str, anchor: Anchor, bold: bool) -> TextStyle<'_> {
    TextStyle {
        size,
        fill,
        anchor,
        bold,
    }
}

/// How a touchpoint draws today: its frequency and effectiveness, and whether it is missing
/// (then drawn as it should be); `None` when it draws nothing.
fn drawn(t: &Touchpoint) -> Option<(Frequency, Option<u8>, bool)> {
    if t.is_missing() {
        Some((t.target.frequency, t.target.effectiveness, true))
    } else if t.today.frequency != Frequency::None {
        Some((t.today.frequency, t.today.effectiveness, false))
    } else {
        None
    }
}

/// 0, +5, −5, +10, −10 … for the first, second, third … line of one pair.
fn fan_offset(nth: usize) -> f64 {
    let step = (nth as f64 / 2.0).ceil() * 5.0;
    if nth % 2 == 1 { step } else { -step }
}

/// The legend's entries: label, colour, line width at 800 pixels, dashed.
fn legend_items() -> Vec<(&'static str, &'static str, f64, bool)> {
    let mut items: Vec<(&str, &str, f64, bool)> =
        [Frequency::AdHoc, Frequency::Monthly, Frequency::Daily]
            .into_iter()
            .map(|f| (f.name(), palette::INK, palette::frequency_width(f), false))
            .collect();
    items.push((
        "works badly",
        palette::effectiveness_colour(Some(1)),
        4.0,
        false,
    ));
    items.push((
        "works well",
        palette::effectiveness_colour(Some(5)),
        4.0,
        false,
    ));
    items.push(("missing today", palette::MISSING, 2.5, true));
    items
}

fn legend_places(frame: Frame) -> Vec<(f64, usize)> {
    let size = frame.px(11.0);
    let widths: Vec<f64> = legend_items()
        .iter()
        .map(|(label, ..)| frame.px(36.0) + super::svg::text_width(label, size, false))
        .collect();
    super::axes::flow(&widths, frame.width, frame.px(8.0))
}

fn legend_height(frame: Frame) -> f64 {
    let lines = legend_places(frame).last().map_or(0, |p| p.1) + 1;
    frame.px(8.0) + lines as f64 * frame.px(18.0)
}

fn legend(svg: &mut Svg, frame: Frame, top: f64) {
    let size = frame.px(11.0);
    for ((label, colour, width, dash), (x, line)) in
        legend_items().into_iter().zip(legend_places(frame))
    {
        let y = top + frame.px(8.0) + size + line as f64 * frame.px(18.0);
        // Round caps reach half a width past each end: the sample stops well short of its label.
        svg.line(
            (x + frame.px(5.0), y - size * 0.35),
            (x + frame.px(25.0), y - size * 0.35),
            colour,
            frame.px(width),
            dash,
        );
        svg.text(
            x + frame.px(36.0),
            y,
            label,
            text(size, palette::INK, Anchor::Start, false),
        );
    }
}
