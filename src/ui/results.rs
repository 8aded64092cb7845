//! The results screen: where the organisation stands on the slope, the radar of today against
//! the target, the gaps ranked with what to do about them, and a table of every dimension.
//! Everything shown comes from the core's `Scores`.

use crate::ui::view::{View, ViewCtx};
use egui::RichText;

use crate::model::Assessment;
use crate::scoring::Scores;

use super::charts::{radar::radar_ui, slope::slope_ui};
use super::command::Command;
use super::consensus::{consensus_ui, rules_ui};
use super::theme::fmt_score;
use crate::document::Document;

/// The parts of the results, one at a time so each fits the screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ResultsTab {
    #[default]
    Overview,
    Consensus,
    Rules,
    Notes,
}

/// The results screen.
#[derive(Default)]
pub struct ResultsView {
    pub tab: ResultsTab,
}

impl ResultsView {
    fn screen_ui(&mut self, ui: &mut egui::Ui, doc: &Document, commands: &mut Vec<Command>) {
        let (assessment, scores) = (&doc.assessment, &doc.scores);
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.tab, ResultsTab::Overview, "Overview");
            ui.selectable_value(
                &mut self.tab,
                ResultsTab::Consensus,
                "Perception and consensus",
            );
            ui.selectable_value(&mut self.tab, ResultsTab::Rules, "Rounds and rules");
            ui.selectable_value(&mut self.tab, ResultsTab::Notes, "Notes and comments");
        });
        ui.separator();
        match self.tab {
            ResultsTab::Overview => overview_ui(ui, assessment, scores),
            ResultsTab::Consensus => consensus_ui(ui, assessment, scores),
            ResultsTab::Rules => rules_ui(ui, assessment, scores, doc.by_rule(), commands),
            ResultsTab::Notes => super::notes::notes_and_comments_ui(ui, assessment),
        }
    }
}

fn overview_ui(ui: &mut egui::Ui, assessment: &Assessment, scores: &Scores) {
    let q = &assessment.questionnaire;
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            ui.heading(if assessment.organisation.is_empty() {
                "Results".to_string()
            } else {
                format!("Results — {}", assessment.organisation)
            });
            summary_ui(ui, assessment, scores);
            slope_ui(
                ui,
                &q.slope,
                scores.overall.slope,
                scores.overall.slope_target,
            );
            ui.add_space(12.0);

            let wide = ui.available_width() > 1100.0;
            let radar_size = if wide {
                400.0
            } else {
                (ui.available_width() / 1.45).min(400.0)
            };
            if wide {
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        ui.strong("Today and target by dimension");
                        radar_ui(ui, &scores.dimensions, radar_size);
                    });
                    ui.add_space(16.0);
                    ui.vertical(|ui| dimension_table_ui(ui, scores));
                });
            } else {
                ui.strong("Today and target by dimension");
                radar_ui(ui, &scores.dimensions, radar_size);
                dimension_table_ui(ui, scores);
            }
            ui.add_space(12.0);
            gaps_ui(ui, assessment, scores);
        });
}

/// One sentence a CIO can repeat: where we are, where we want to be, and what that means.
fn summary_ui(ui: &mut egui::Ui, assessment: &Assessment, scores: &Scores) {
    let o = &scores.overall;
    let slope = &assessment.questionnaire.slope;
    match (o.slope, &o.zone) {
        (Some(position), Some(zone)) => {
            ui.label(
                RichText::new(format!("Today: {position:.2} — {zone}"))
                    .size(22.0)
                    .color(super::theme::CURRENT)
                    .strong(),
            );
            if let (Some(target), Some(target_zone)) = (o.slope_target, &o.target_zone) {
                ui.label(
                    RichText::new(format!("Target: {target:.2} — {target_zone}"))
                        .size(18.0)
                        .color(super::theme::TARGET)
                        .strong(),
                );
            }
            if let Some(description) = slope
                .zones
                .iter()
                .find(|z| &z.name == zone)
                .map(|z| &z.description)
            {
                ui.label(description);
            }
        }
        _ => {
            ui.label(
                RichText::new("No answers yet: answer the questionnaire to see where you stand.")
                    .size(18.0),
            );
        }
    }
    let engagement = match o.engagement {
        Some(e) => format!("touchpoint engagement {e:.2}"),
        None => "no touchpoint map yet, so the position is the practice score alone".to_string(),
    };
    ui.weak(format!(
        "Practice score {} (target {}), {engagement}. The slope is continuous: zones name stretches of it, not steps to certify.",
        fmt_score(o.current),
        fmt_score(o.target)
    ));
}

fn dimension_table_ui(ui: &mut egui::Ui, scores: &Scores) {
    ui.strong("Scores by dimension");
    egui::Grid::new("dimension-scores")
        .striped(true)
        .num_columns(6)
        .spacing([14.0, 6.0])
        .show(ui, |ui| {
            for header in ["Dimension", "Today", "Target", "Gap", "Spread", "Answered"] {
                ui.strong(header);
            }
            ui.end_row();
            for d in &scores.dimensions {
                ui.label(&d.name);
                if d.current.is_none() {
                    ui.weak("not answered");
                } else {
                    ui.label(RichText::new(fmt_score(d.current)).color(super::theme::CURRENT));
                }
                ui.label(RichText::new(fmt_score(d.target)).color(super::theme::TARGET));
                ui.label(fmt_score(d.gap));
                ui.label(
                    d.spread
                        .sd
                        .map_or_else(|| "—".into(), |sd| format!("± {sd:.2}")),
                );
                ui.label(format!("{}/{}", d.answered, d.questions));
                ui.end_row();
            }
            ui.strong("Overall");
            ui.strong(fmt_score(scores.overall.current));
            ui.strong(fmt_score(scores.overall.target));
            ui.strong(fmt_score(scores.overall.gap));
            ui.end_row();
        });
}

fn gaps_ui(ui: &mut egui::Ui, assessment: &Assessment, scores: &Scores) {
    ui.strong("Gaps to close, largest first");
    if scores.gaps.is_empty() {
        ui.weak(
            "No gaps yet: give a target level as well as today's level to see what to work on.",
        );
        return;
    }
    for (rank, gap) in scores.gaps.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!(
                    "{}. {} — from {:.2} to {:.2} (gap {:.2})",
                    rank + 1,
                    gap.name,
                    gap.current,
                    gap.target,
                    gap.gap
                ))
                .size(17.0)
                .strong(),
            );
            for (from, actions) in &gap.steps {
                ui.label(RichText::new(format!("To move from {from} to {}:", from + 1)).strong());
                for action in actions {
                    ui.label(format!("•  {action}"));
                }
            }
            if !gap.largest_questions.is_empty() {
                let texts: Vec<String> = gap
                    .largest_questions
                    .iter()
                    .filter_map(|id| assessment.questionnaire.question(id))
                    .map(|q| format!("“{}”", q.text))
                    .collect();
                ui.weak(format!("Largest gaps in: {}", texts.join("; ")));
            }
        });
    }
}

impl View for ResultsView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(doc) = ctx.doc else { return };
        self.screen_ui(ui, doc, ctx.commands);
    }
}
