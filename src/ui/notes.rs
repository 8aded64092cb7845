//! The notes and comments of an assessment as Results shows them: the assessment's notes, then
//! every answer's comment under its question, by who made it (their code when anonymous).

use egui::RichText;

use crate::model::Assessment;

/// Notes and comments, read-only; they are edited where they are made.
pub fn notes_and_comments_ui(ui: &mut egui::Ui, assessment: &Assessment) {
    egui::ScrollArea::vertical()
        .id_salt("notes-and-comments")
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.heading("Notes and comments");
            ui.strong("Notes for the assessment");
            if assessment.notes.trim().is_empty() {
                ui.weak("No notes yet: write them on the Action plan screen.");
            } else {
                ui.label(&assessment.notes);
            }
            ui.add_space(12.0);
            ui.strong("Comments on answers");
            let mut any = false;
            for question in &assessment.questionnaire.questions {
                let comments: Vec<(String, &str)> = assessment
                    .participants
                    .iter()
                    .filter_map(|p| {
                        let comment = p.responses.get(&question.id)?.comment.trim();
                        (!comment.is_empty()).then(|| (assessment.display_name(p), comment))
                    })
                    .collect();
                if comments.is_empty() {
                    continue;
                }
                any = true;
                ui.add_space(6.0);
                ui.label(RichText::new(format!("{} · {}", question.id, question.text)).strong());
                for (who, comment) in comments {
                    ui.label(format!("{who}: {comment}"));
                }
            }
            if !any {
                ui.weak("No comments yet: each question has a comment field where it is answered.");
            }
        });
}
