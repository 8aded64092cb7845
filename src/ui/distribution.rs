//! The room's answers to one question, level by level: IT and the business side by side, each
//! with its count, and what that says in words ("the room agrees", "the room is split"). The
//! facilitator sees it when the room has answered; the projector shows it on reveal, larger.

use egui::accesskit::Role;
use egui::{Align2, FontId, Pos2, Rect, RichText, Sense, vec2};

use crate::model::Questionnaire;
use crate::scoring::{QuestionScore, room_sentence};
use crate::ui::{a11y, theme};

/// Draws the words and the bars, type scaled by `scale` (1 on a laptop, 1.6 on a projector).
pub fn distribution_ui(ui: &mut egui::Ui, q: &Questionnaire, score: &QuestionScore, scale: f32) {
    let words = theme::capitalised(&room_sentence(score));
    ui.label(
        RichText::new(format!("{words}."))
            .size(22.0 * scale)
            .strong(),
    );
    let (it, business) = (
        score.it_distribution.iter().sum::<usize>(),
        score.business_distribution.iter().sum::<usize>(),
    );
    ui.label(
        RichText::new(format!(
            "{} gave a level today: {it} from IT, {business} from the business.",
            crate::report::format::plural(it + business, "person", "people")
        ))
        .size(16.0 * scale),
    );
    let colours = (
        theme::graphic(ui, theme::IT),
        theme::graphic(ui, theme::BUSINESS),
    );
    let most = score
        .it_distribution
        .iter()
        .chain(&score.business_distribution)
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let font = FontId::proportional(16.0 * scale);
    let lane = 22.0 * scale;
    let label_width = 220.0 * scale;
    for (i, level) in q.scale.levels.iter().enumerate() {
        let counts = (
            score.it_distribution.get(i).copied().unwrap_or(0),
            score.business_distribution.get(i).copied().unwrap_or(0),
        );
        let (rect, response) =
            ui.allocate_exact_size(vec2(ui.available_width(), lane * 2.0 + 6.0), Sense::hover());
        let name = format!("{} · {}", level.value, level.label);
        let summary = format!(
            "{name}: {} from IT, {} from the business",
            counts.0, counts.1
        );
        response.widget_info(a11y::labeled(Role::Row, &summary));
        let painter = ui.painter_at(rect);
        painter.text(
            Pos2::new(rect.left(), rect.center().y),
            Align2::LEFT_CENTER,
            name,
            font.clone(),
            ui.visuals().text_color(),
        );
        let bars = Rect::from_x_y_ranges(rect.left() + label_width..=rect.right(), rect.y_range());
        let room = (bars.width() - 140.0 * scale).max(40.0);
        for (n, (count, colour, side)) in [
            (counts.0, colours.0, "IT"),
            (counts.1, colours.1, "business"),
        ]
        .into_iter()
        .enumerate()
        {
            let top = bars.top() + 3.0 + lane * n as f32;
            let width = room * count as f32 / most as f32;
            let bar = Rect::from_min_size(Pos2::new(bars.left(), top), vec2(width, lane - 4.0));
            painter.rect_filled(bar, 2.0, colour);
            painter.text(
                Pos2::new(bar.right() + 8.0, bar.center().y),
                Align2::LEFT_CENTER,
                format!("{count} {side}"),
                FontId::proportional(15.0 * scale),
                ui.visuals().text_color(),
            );
        }
        response.on_hover_text(summary);
    }
}
