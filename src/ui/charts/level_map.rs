//! The touchpoint map by level: three bands (strategic, tactical, operational), business roles
//! on the left, IT roles on the right, one line per touchpoint at that level, as wide as it is
//! frequent and coloured by how well it works. Touchpoints missing today are dashed.

use crate::ui::a11y;
use egui::accesskit::Role;
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, vec2};

use crate::model::{Engagement, Frequency, Level, Touchpoint};
use crate::scoring::{Phase, TouchpointAnalysis};
use crate::ui::theme;

use super::heatmap::MISSING;
use crate::ui::theme::{capitalised, readable};

const ROW_HEIGHT: f32 = 21.0;
const TITLE_HEIGHT: f32 = 28.0;
const BAND_GAP: f32 = 10.0;

/// Line colour for an effectiveness of 1 (red) to 5 (green); grey when not rated.
pub fn effectiveness_colour(effectiveness: Option<u8>, dark: bool) -> Color32 {
    match effectiveness {
        Some(1) => Color32::from_rgb(0xd6, 0x27, 0x28),
        Some(2) => Color32::from_rgb(0xf0, 0x7f, 0x0e),
        Some(3) => Color32::from_rgb(0xc9, 0xa8, 0x00),
        Some(4) => Color32::from_rgb(0x74, 0xb8, 0x3a),
        Some(_) => Color32::from_rgb(0x1a, 0x8f, 0x3a),
        None if dark => Color32::from_gray(170),
        None => Color32::from_gray(120),
    }
}

/// Line width for how often a touchpoint happens.
pub fn frequency_width(frequency: Frequency) -> f32 {
    match frequency {
        Frequency::None => 0.0,
        Frequency::AdHoc => 1.5,
        Frequency::Quarterly => 2.5,
        Frequency::Monthly => 4.0,
        Frequency::Weekly => 6.0,
        Frequency::Daily => 8.5,
    }
}

/// The key: widths by frequency, colours by effectiveness, dashes for missing.
pub fn level_map_legend_ui(ui: &mut egui::Ui, phase: Phase) {
    let dark = ui.visuals().dark_mode;
    let text = ui.visuals().text_color();
    ui.horizontal_wrapped(|ui| {
        // A narrow window moves a whole entry to the next line rather than splitting it.
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        ui.weak("width = how often");
        for frequency in [Frequency::AdHoc, Frequency::Monthly, Frequency::Daily] {
            let (rect, _) = ui.allocate_exact_size(vec2(34.0, 18.0), Sense::hover());
            ui.painter().hline(
                rect.x_range(),
                rect.center().y,
                Stroke::new(frequency_width(frequency), text),
            );
            ui.label(frequency.name());
        }
        ui.add_space(8.0);
        ui.weak("colour = how well");
        for value in [Some(1), Some(2), Some(3), Some(4), Some(5), None] {
            let label = value.map_or_else(|| "not rated".to_string(), |v| v.to_string());
            ui.label(
                egui::RichText::new(format!("■ {label}"))
                    .color(effectiveness_colour(value, dark))
                    .strong(),
            );
        }
        if phase == Phase::Current {
            ui.add_space(8.0);
            ui.label(
                egui::RichText::new("- - - missing today")
                    .color(MISSING)
                    .strong(),
            );
        }
    });
}

/// Draws the three bands for today's engagement or the target's.
pub fn level_map_ui(
    ui: &mut egui::Ui,
    analysis: &TouchpointAnalysis,
    map: &[Touchpoint],
    phase: Phase,
) {
    let dark = ui.visuals().dark_mode;
    let rows = analysis
        .business_roles
        .len()
        .max(analysis.it_roles.len())
        .max(1);
    // A wide window (a projector) gets taller rows and larger type; the map itself stays
    // narrow enough that its lines can be followed from one side to the other.
    let scale = (ui.available_width() / 1260.0).clamp(1.0, 1.3);
    let (row_height, title_height) = (ROW_HEIGHT * scale, TITLE_HEIGHT * scale);
    let band_height = title_height + row_height * rows as f32 + 8.0;
    let width = ui.available_width().clamp(600.0, 1500.0);
    let height = (band_height + BAND_GAP) * Level::ALL.len() as f32;
    let (response, painter) = ui.allocate_painter(vec2(width, height), Sense::hover());
    response.widget_info(a11y::labeled(Role::Image, "Touchpoints by level"));
    let visuals = ui.visuals().clone();
    let name_width = (width * 0.24).clamp(170.0, 320.0);
    let font = FontId::proportional(15.0 * scale);

    for (band, level) in Level::ALL.iter().enumerate() {
        let top = response.rect.top() + (band_height + BAND_GAP) * band as f32;
        let rect = Rect::from_min_size(
            Pos2::new(response.rect.left(), top),
            vec2(width, band_height),
        );
        painter.rect_filled(rect, 6.0, visuals.faint_bg_color);
        let summary = analysis.levels.iter().find(|l| l.level == *level);
        let title = match summary {
            Some(s) => format!(
                "{} — {} today · {} at target · {} missing",
                capitalised(level.name()),
                s.today.active,
                s.target.active,
                s.missing
            ),
            None => capitalised(level.name()),
        };
        painter.text(
            rect.left_top() + vec2(10.0, 6.0),
            Align2::LEFT_TOP,
            title,
            FontId::proportional(17.0 * scale),
            visuals.strong_text_color(),
        );

        let first_row = top + title_height + row_height / 2.0;
        let left_x = rect.left() + name_width;
        let right_x = rect.right() - name_width;
        let row_y = |i: usize| first_row + row_height * i as f32;
        let business_anchor = |id: &str| {
            analysis
                .business_roles
                .iter()
                .position(|r| r.id == id)
                .map(|i| Pos2::new(left_x, row_y(i)))
        };
        let it_anchor = |id: &str| {
            analysis
                .it_roles
                .iter()
                .position(|r| r.id == id)
                .map(|i| Pos2::new(right_x, row_y(i)))
        };
        let at_level: Vec<&Touchpoint> = map.iter().filter(|t| t.level == *level).collect();
        let used = |id: &str, business: bool| {
            at_level.iter().any(|t| {
                (if business {
                    &t.business_role
                } else {
                    &t.it_role
                }) == id
                    && drawn(t, phase).is_some()
            })
        };
        for (i, role) in analysis.business_roles.iter().enumerate() {
            let colour = if used(&role.id, true) {
                readable(ui, theme::BUSINESS)
            } else {
                visuals.weak_text_color()
            };
            let galley = painter.layout(role.name.clone(), font.clone(), colour, name_width - 24.0);
            let pos = Pos2::new(
                left_x - 12.0 - galley.size().x,
                row_y(i) - galley.size().y / 2.0,
            );
            painter.galley(pos, galley, colour);
        }
        for (i, role) in analysis.it_roles.iter().enumerate() {
            let colour = if used(&role.id, false) {
                readable(ui, theme::IT)
            } else {
                visuals.weak_text_color()
            };
            let galley = painter.layout(role.name.clone(), font.clone(), colour, name_width - 24.0);
            painter.galley(
                Pos2::new(right_x + 12.0, row_y(i) - galley.size().y / 2.0),
                galley,
                colour,
            );
        }

        // Several touchpoints of one pair at one level fan out a little instead of overlapping.
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for t in &at_level {
            let Some((engagement, missing)) = drawn(t, phase) else {
                continue;
            };
            let (Some(from), Some(to)) = (business_anchor(&t.business_role), it_anchor(&t.it_role))
            else {
                continue;
            };
            let nth = seen
                .iter()
                .filter(|p| **p == (t.business_role.as_str(), t.it_role.as_str()))
                .count();
            seen.push((&t.business_role, &t.it_role));
            let offset = vec2(0.0, fan_offset(nth));
            let points = [from + offset, to + offset];
            if missing {
                painter.extend(Shape::dashed_line(
                    &points,
                    Stroke::new(2.5, MISSING),
                    10.0,
                    6.0,
                ));
            } else {
                let stroke = Stroke::new(
                    frequency_width(engagement.frequency),
                    effectiveness_colour(engagement.effectiveness, dark),
                );
                painter.line_segment(points, stroke);
            }
            for point in points {
                painter.circle_filled(point, 4.0, visuals.strong_text_color());
            }
        }
        if at_level.iter().all(|t| drawn(t, phase).is_none()) {
            let message = format!(
                "No {} touchpoints {}",
                level.name(),
                if phase == Phase::Current {
                    "today"
                } else {
                    "at target"
                }
            );
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                message,
                FontId::proportional(16.0 * scale),
                visuals.weak_text_color(),
            );
        }
    }
}

/// What a touchpoint draws as in this phase, and whether it is missing today; `None` when it
/// draws nothing.
fn drawn(t: &Touchpoint, phase: Phase) -> Option<(Engagement, bool)> {
    match phase {
        Phase::Current if t.is_missing() => Some((t.target, true)),
        Phase::Current if t.today.frequency != Frequency::None => Some((t.today, false)),
        Phase::Target if t.target.frequency != Frequency::None => Some((t.target, false)),
        _ => None,
    }
}

/// 0, +5, −5, +10, −10 … points for the first, second, third … line of one pair.
fn fan_offset(nth: usize) -> f32 {
    let step = (nth as f32 / 2.0).ceil() * 5.0;
    if nth % 2 == 1 { step } else { -step }
}
