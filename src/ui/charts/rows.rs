//! A chart with one row per dimension on the answer scale: the name wrapped in a column on the
//! left, the scale 1–5 on the right with its levels marked above and below, and each row's marks
//! (bars, boxes, intervals, target ticks) drawn across it. Each row is as tall as its name
//! needs, so names never overlap and every dimension is labelled; hovering a row shows its
//! values, and each row is an accessible node named with them.

use egui::accesskit::Role;
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, vec2};

use crate::ui::a11y;

/// Something drawn across a row, in scale units.
#[derive(Clone, Debug)]
pub enum Mark {
    /// A bar from the bottom of the scale to `value`, in lane `lane` of `lanes` (side by side).
    Bar {
        value: f64,
        colour: Color32,
        lane: usize,
        lanes: usize,
    },
    /// An interval: a line from `low` to `high` with end caps.
    Range {
        low: f64,
        high: f64,
        colour: Color32,
    },
    /// A box plot: whiskers at `min` and `max`, a box from `q1` to `q3`, the median across it.
    Box {
        min: f64,
        q1: f64,
        median: f64,
        q3: f64,
        max: f64,
        colour: Color32,
    },
    /// A short upright stroke at `value`, such as a target.
    Tick { value: f64, colour: Color32 },
    /// Words instead of marks, when there is nothing to draw ("no answers").
    Note(String),
}

/// One dimension's row.
#[derive(Clone, Debug)]
pub struct Row {
    pub name: String,
    pub marks: Vec<Mark>,
    /// What the row shows, in words: its hover text and accessible name.
    pub summary: String,
}

/// The narrowest the names' column gets, and the widest.
const NAME_WIDTH: (f32, f32) = (140.0, 260.0);
const MIN_ROW_HEIGHT: f32 = 34.0;
const AXIS_HEIGHT: f32 = 22.0;
const GAP: f32 = 12.0;

/// Draws the rows on a scale from 1 to `top`, as wide as the space given.
pub fn rows_ui(ui: &mut egui::Ui, name: &str, rows: &[Row], top: u8) {
    let width = ui.available_width();
    let name_width = (width * 0.32).clamp(NAME_WIDTH.0, NAME_WIDTH.1);
    let font = FontId::proportional(14.0);
    let text = ui.visuals().text_color();
    let galleys: Vec<_> = rows
        .iter()
        .map(|row| {
            ui.painter()
                .layout(row.name.clone(), font.clone(), text, name_width - 4.0)
        })
        .collect();
    let heights: Vec<f32> = galleys
        .iter()
        .map(|g| (g.size().y + 10.0).max(MIN_ROW_HEIGHT))
        .collect();
    let height = AXIS_HEIGHT * 2.0 + heights.iter().sum::<f32>();
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    response.widget_info(a11y::labeled(Role::Image, name));
    let scale = Scale {
        left: rect.left() + name_width + GAP,
        right: rect.right() - 14.0,
        top: f64::from(top.max(2)),
    };
    let painter = ui.painter_at(rect.expand(2.0));
    let body = Rect::from_x_y_ranges(
        scale.left..=scale.right,
        rect.top() + AXIS_HEIGHT..=rect.bottom() - AXIS_HEIGHT,
    );
    axis_ui(ui, &painter, &scale, body);

    let mut y = body.top();
    for ((row, galley), row_height) in rows.iter().zip(galleys).zip(heights) {
        let row_rect = Rect::from_x_y_ranges(rect.x_range(), y..=y + row_height);
        painter.galley(
            Pos2::new(rect.left(), row_rect.center().y - galley.size().y / 2.0),
            galley,
            text,
        );
        let lane_area = Rect::from_x_y_ranges(
            scale.left..=scale.right,
            row_rect.top() + 5.0..=row_rect.bottom() - 5.0,
        );
        for mark in &row.marks {
            mark_ui(ui, &painter, &scale, lane_area, mark);
        }
        let hover = ui.interact(
            row_rect,
            ui.make_persistent_id((name, &row.name)),
            Sense::hover(),
        );
        hover.widget_info(a11y::labeled(Role::Row, &row.summary));
        hover.on_hover_text(&row.summary);
        y += row_height;
    }
}

/// Where values go across the rows.
struct Scale {
    left: f32,
    right: f32,
    top: f64,
}

impl Scale {
    fn x(&self, value: f64) -> f32 {
        let share = ((value - 1.0) / (self.top - 1.0)).clamp(0.0, 1.0) as f32;
        self.left + share * (self.right - self.left)
    }
}

/// The levels 1 to `top` above and below the rows, with faint lines down through them.
fn axis_ui(ui: &egui::Ui, painter: &egui::Painter, scale: &Scale, body: Rect) {
    let weak = ui.visuals().weak_text_color();
    let grid = ui.visuals().widgets.noninteractive.bg_stroke.color;
    for level in 1..=scale.top as u8 {
        let x = scale.x(f64::from(level));
        painter.vline(x, body.y_range(), Stroke::new(1.0, grid));
        for (y, align) in [
            (body.top() - 2.0, Align2::CENTER_BOTTOM),
            (body.bottom() + 2.0, Align2::CENTER_TOP),
        ] {
            painter.text(
                Pos2::new(x, y),
                align,
                level.to_string(),
                FontId::proportional(14.0),
                weak,
            );
        }
    }
}

fn mark_ui(ui: &egui::Ui, painter: &egui::Painter, scale: &Scale, area: Rect, mark: &Mark) {
    let outline = ui.visuals().strong_text_color();
    match mark {
        Mark::Bar {
            value,
            colour,
            lane,
            lanes,
        } => {
            let lanes = (*lanes).max(1) as f32;
            let lane_height = area.height() / lanes;
            let top = area.top() + lane_height * *lane as f32;
            let bar = Rect::from_x_y_ranges(
                scale.x(1.0)..=scale.x(*value).max(scale.x(1.0) + 2.0),
                top + 1.0..=top + lane_height - 1.0,
            );
            painter.rect_filled(bar, 2.0, *colour);
        }
        Mark::Range { low, high, colour } => {
            let y = area.center().y;
            let stroke = Stroke::new(2.5, *colour);
            painter.hline(scale.x(*low)..=scale.x(*high), y, stroke);
            for end in [low, high] {
                painter.vline(scale.x(*end), y - 7.0..=y + 7.0, stroke);
            }
        }
        Mark::Box {
            min,
            q1,
            median,
            q3,
            max,
            colour,
        } => {
            let y = area.center().y;
            let stroke = Stroke::new(2.0, outline);
            painter.hline(scale.x(*min)..=scale.x(*max), y, stroke);
            for end in [min, max] {
                painter.vline(scale.x(*end), y - 6.0..=y + 6.0, stroke);
            }
            let body = Rect::from_x_y_ranges(
                scale.x(*q1)..=scale.x(*q3).max(scale.x(*q1) + 3.0),
                area.y_range(),
            );
            painter.rect(body, 2.0, *colour, stroke, StrokeKind::Inside);
            painter.vline(scale.x(*median), area.y_range(), Stroke::new(3.0, outline));
        }
        Mark::Tick { value, colour } => {
            let x = scale.x(*value);
            painter.vline(
                x,
                area.top() - 3.0..=area.bottom() + 3.0,
                Stroke::new(4.0, *colour),
            );
        }
        Mark::Note(words) => {
            let galley = painter.layout(
                words.clone(),
                FontId::proportional(14.0),
                ui.visuals().weak_text_color(),
                scale.right - scale.left,
            );
            painter.galley(
                Pos2::new(scale.left + 4.0, area.center().y - galley.size().y / 2.0),
                galley,
                ui.visuals().weak_text_color(),
            );
        }
    }
}
