//! The room's answers to one question, level by level: IT and the business side by side, each
//! with its count, and what that says in words ("the room agrees", "the room is split"). The
//! facilitator sees it as a list when the room has answered; the projector shows it on reveal
//! as columns under the levels, larger.

use egui::accesskit::Role;
use egui::{Align2, Color32, FontId, Pos2, Rect, RichText, Sense, vec2};

use crate::model::Questionnaire;
use crate::scoring::{QuestionScore, room_sentence};
use crate::ui::columns::columns_ui;
use crate::ui::{a11y, theme};

/// The room's view in words, and how many gave a level on each side.
pub fn verdict_ui(ui: &mut egui::Ui, score: &QuestionScore, scale: f32) {
    let words = theme::capitalised(&room_sentence(score));
    ui.label(
        RichText::new(format!("{words}."))
            .size(22.0 * scale)
            .strong(),
    );
    let (it, business) = totals(score);
    ui.label(
        RichText::new(format!(
            "{} gave a level today: {it} from IT, {business} from the business.",
            crate::report::format::plural(it + business, "person", "people")
        ))
        .size(16.0 * scale),
    );
}

/// The levels one under the other, each with IT's and the business's bars (the facilitator's).
pub fn distribution_ui(ui: &mut egui::Ui, q: &Questionnaire, score: &QuestionScore, scale: f32) {
    verdict_ui(ui, score, scale);
    let label_width = 220.0 * scale;
    for (i, level) in q.scale.levels.iter().enumerate() {
        let name = format!("{} · {}", level.value, level.label);
        let (rect, response) = ui.allocate_exact_size(
            vec2(ui.available_width(), lane(scale) * 2.0 + 6.0),
            Sense::hover(),
        );
        ui.painter().text(
            Pos2::new(rect.left(), rect.center().y),
            Align2::LEFT_CENTER,
            &name,
            FontId::proportional(16.0 * scale),
            ui.visuals().text_color(),
        );
        let bars = Rect::from_x_y_ranges(rect.left() + label_width..=rect.right(), rect.y_range());
        level_bars_ui(ui, bars, score, i, scale, Counts::After);
        name_row(response, &name, score, i);
    }
}

/// The levels as columns, as on the projector over the level descriptions: each level's name
/// over IT's and the business's bars.
pub fn distribution_columns_ui(
    ui: &mut egui::Ui,
    q: &Questionnaire,
    score: &QuestionScore,
    scale: f32,
) {
    verdict_ui(ui, score, scale);
    ui.add_space(8.0 * scale);
    columns_ui(ui, q.scale.levels.len(), 28.0, |columns| {
        for (i, (column, level)) in columns.iter_mut().zip(&q.scale.levels).enumerate() {
            let name = format!("{} · {}", level.value, level.label);
            column.label(RichText::new(&name).size(26.0).strong());
            let (rect, response) = column.allocate_exact_size(
                vec2(column.available_width(), lane(scale) * 4.0 + 6.0),
                Sense::hover(),
            );
            level_bars_ui(column, rect, score, i, scale, Counts::Above);
            name_row(response, &name, score, i);
        }
    });
}

/// Where a bar's count is written: after it on a wide row, above it in a narrow column (where
/// the bar then has the column's whole width to grow in).
#[derive(Clone, Copy, PartialEq)]
enum Counts {
    After,
    Above,
}

/// IT's bar above the business's for level `i`, each as long as its share of the largest count,
/// with the count written beside or above it.
fn level_bars_ui(
    ui: &egui::Ui,
    rect: Rect,
    score: &QuestionScore,
    i: usize,
    scale: f32,
    counts_at: Counts,
) {
    let painter = ui.painter_at(rect.expand(1.0));
    let most = score
        .it_distribution
        .iter()
        .chain(&score.business_distribution)
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let (room, lanes_per_side) = match counts_at {
        Counts::After => ((rect.width() - 110.0 * scale).max(20.0), 1.0),
        Counts::Above => (rect.width(), 2.0),
    };
    let sides: [(&[usize], Color32, &str); 2] = [
        (&score.it_distribution, theme::graphic(ui, theme::IT), "IT"),
        (
            &score.business_distribution,
            theme::graphic(ui, theme::BUSINESS),
            "business",
        ),
    ];
    for (n, (counts, colour, side)) in sides.into_iter().enumerate() {
        let count = counts.get(i).copied().unwrap_or(0);
        let slot = rect.top() + 3.0 + lane(scale) * lanes_per_side * n as f32;
        let top = match counts_at {
            Counts::After => slot,
            Counts::Above => slot + lane(scale),
        };
        let width = room * count as f32 / most as f32;
        let bar = Rect::from_min_size(Pos2::new(rect.left(), top), vec2(width, lane(scale) - 4.0));
        painter.rect_filled(bar, 2.0, colour);
        let at = match counts_at {
            Counts::After => Pos2::new(bar.right() + 6.0, bar.center().y),
            Counts::Above => Pos2::new(rect.left(), slot + lane(scale) / 2.0),
        };
        painter.text(
            at,
            Align2::LEFT_CENTER,
            format!("{count} {side}"),
            FontId::proportional(15.0 * scale),
            ui.visuals().text_color(),
        );
    }
}

/// The row's accessible name and hover text: "3 · Defined: 2 from IT, 3 from the business".
fn name_row(response: egui::Response, name: &str, score: &QuestionScore, i: usize) {
    let count = |counts: &[usize]| counts.get(i).copied().unwrap_or(0);
    let summary = format!(
        "{name}: {} from IT, {} from the business",
        count(&score.it_distribution),
        count(&score.business_distribution)
    );
    response.widget_info(a11y::labeled(Role::Row, &summary));
    response.on_hover_text(summary);
}

/// The height of one side's bar.
fn lane(scale: f32) -> f32 {
    22.0 * scale
}

/// How many gave a level today on each side.
fn totals(score: &QuestionScore) -> (usize, usize) {
    (
        score.it_distribution.iter().sum(),
        score.business_distribution.iter().sum(),
    )
}
