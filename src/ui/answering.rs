//! The answering rule, shown wherever people answer: a level's description must be entirely
//! true to be chosen, the highest such level is the answer, and a target is 12 to 18 months out.

use egui::RichText;

use crate::model::{Audience, Question};

/// How to pick today's level.
pub const TODAY_RULE: &str = "Choose the highest level whose description is entirely true.";
/// What the target means.
pub const TARGET_RULE: &str = "Target: where you want to be in 12 to 18 months.";

/// Both rules on one line, at `size` points.
pub fn answering_rule_ui(ui: &mut egui::Ui, size: f32) {
    ui.label(
        RichText::new(format!("{TODAY_RULE} {TARGET_RULE}"))
            .size(size)
            .italics(),
    );
}

/// "asked of IT only", "asked of the business only", or nothing for both sides.
pub fn audience_note(question: &Question) -> Option<&'static str> {
    match question.audience {
        Audience::Both => None,
        Audience::It => Some("asked of IT only"),
        Audience::Business => Some("asked of the business only"),
    }
}

/// How each side reads a mirrored question, one line each, at `size` points.
pub fn mirror_ui(ui: &mut egui::Ui, question: &Question, size: f32) {
    if let Some(mirror) = &question.mirror {
        for (side, text) in [
            ("IT reads", &mirror.it),
            ("The business reads", &mirror.business),
        ] {
            ui.label(RichText::new(format!("{side}: {text}")).size(size).weak());
        }
    }
}
