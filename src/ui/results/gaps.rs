//! The gaps to close, largest first, each with the questionnaire's actions for every level to
//! climb; and the dimensions whose target lies below today, as the negative gaps they are.

use egui::RichText;

use crate::model::Assessment;
use crate::scoring::Scores;
use crate::ui::theme::{fmt_gap, fmt_score};

pub fn gaps_ui(ui: &mut egui::Ui, assessment: &Assessment, scores: &Scores) {
    ui.strong("Gaps to close, largest first");
    if scores.gaps.is_empty() {
        ui.weak(
            "No gaps yet: give a target level as well as today's level to see what to work on.",
        );
    }
    for (rank, gap) in scores.gaps.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(
                egui::Label::new(
                    RichText::new(format!(
                        "{}. {} — from {:.2} to {:.2} (gap {})",
                        rank + 1,
                        gap.name,
                        gap.current,
                        gap.target,
                        fmt_gap(Some(gap.gap))
                    ))
                    .size(17.0)
                    .strong(),
                )
                .wrap(),
            );
            for (from, actions) in &gap.steps {
                ui.label(RichText::new(format!("To move from {from} to {}:", from + 1)).strong());
                for action in actions {
                    ui.add(egui::Label::new(format!("•  {action}")).wrap());
                }
            }
            if !gap.largest_questions.is_empty() {
                let texts: Vec<String> = gap
                    .largest_questions
                    .iter()
                    .filter_map(|id| assessment.questionnaire.question(id))
                    .map(|q| format!("“{}”", q.text))
                    .collect();
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("Largest gaps in: {}", texts.join("; "))).weak(),
                    )
                    .wrap(),
                );
            }
        });
    }
    let below: Vec<_> = scores
        .dimensions
        .iter()
        .filter(|d| d.gap.is_some_and(|g| g < 0.0))
        .collect();
    if !below.is_empty() {
        ui.add_space(8.0);
        ui.strong("Targets below today");
        for d in below {
            ui.label(format!(
                "{}: target {} is below today's {} (gap {})",
                d.name,
                fmt_score(d.target),
                fmt_score(d.current),
                fmt_gap(d.gap)
            ));
        }
    }
}
