//! The list of every question beside fast entry, by dimension, each with how many of those
//! asked have answered it: a click jumps there.

use egui::RichText;

use crate::model::Assessment;

use super::moves::answered_of;

/// Draws the list; returns the question clicked this frame.
/// `follow` scrolls the list to the current question (after the cursor moved there).
pub fn question_list_ui(
    ui: &mut egui::Ui,
    assessment: &Assessment,
    current: usize,
    follow: bool,
) -> Option<usize> {
    let q = &assessment.questionnaire;
    let mut chosen = None;
    ui.strong("Questions");
    egui::ScrollArea::vertical()
        .id_salt("room-question-list")
        .auto_shrink(false)
        .show(ui, |ui| {
            for dimension in &q.dimensions {
                ui.add_space(4.0);
                ui.label(RichText::new(&dimension.name).small().strong());
                for (i, question) in q
                    .questions
                    .iter()
                    .enumerate()
                    .filter(|(_, question)| question.dimension == dimension.id)
                {
                    let (answered, asked) = answered_of(assessment, i);
                    let mark = if asked > 0 && answered == asked {
                        "✔"
                    } else {
                        " "
                    };
                    let count = if asked == 0 {
                        "not asked".to_string()
                    } else {
                        format!("{answered} of {asked}")
                    };
                    let text = format!("{mark} {} · {count} · {}", question.id, question.text);
                    let item = egui::Button::selectable(i == current, text).truncate();
                    let response = ui.add(item).on_hover_text(&question.text);
                    if follow && i == current {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        chosen = Some(i);
                    }
                }
            }
        });
    chosen
}
