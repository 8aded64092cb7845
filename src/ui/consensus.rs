//! The workshop's results: IT against the business per dimension, the spread of answers, how
//! much the room agrees on each question, how far re-voting converged it, and how the position
//! moves under each aggregation rule.

use egui::RichText;

use crate::model::{Aggregation, Assessment};
use crate::scoring::{QuestionScore, RulePosition, Scores};

use super::charts::{perception::perception_ui, spread::spread_ui};
use super::command::Command;
use super::theme::{self, fmt_score};
use crate::document::Edit;

/// Perception gap, spread and agreement.
pub fn consensus_ui(ui: &mut egui::Ui, assessment: &Assessment, scores: &Scores) {
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        let o = &scores.overall;
        ui.label(
            RichText::new(format!(
                "IT rates {}, the business {}: perception gap {}",
                fmt_score(o.it),
                fmt_score(o.business),
                fmt_score(o.perception_gap)
            ))
            .size(20.0)
            .strong(),
        );
        ui.weak("A positive gap means IT rates itself higher than the business rates it, as most organisations find.");
        ui.add_space(8.0);
        ui.columns(2, |columns| {
            columns[0].strong("IT and the business by dimension");
            perception_ui(&mut columns[0], &scores.dimensions, 300.0);
            columns[1].strong("Spread of today's answers by dimension");
            spread_ui(&mut columns[1], &scores.dimensions, 300.0);
        });
        ui.add_space(8.0);
        egui::Grid::new("perception-table").striped(true).num_columns(5).spacing([16.0, 4.0]).show(ui, |ui| {
            for header in ["Dimension", "IT", "Business", "Perception gap", "Agreement (rwg)"] {
                ui.strong(header);
            }
            ui.end_row();
            for d in &scores.dimensions {
                ui.label(&d.name);
                ui.label(RichText::new(fmt_score(d.it)).color(theme::readable(ui, theme::IT)));
                ui.label(RichText::new(fmt_score(d.business)).color(theme::readable(ui, theme::BUSINESS)));
                ui.label(fmt_score(d.perception_gap));
                ui.label(fmt_score(d.spread.rwg));
                ui.end_row();
            }
        });
        ui.add_space(12.0);
        ui.strong("Where the room disagrees most: discuss these, then vote again");
        disputed_ui(ui, assessment, scores);
    });
}

/// The questions the room disagrees on most, with the statistics behind the order.
fn disputed_ui(ui: &mut egui::Ui, assessment: &Assessment, scores: &Scores) {
    let questions = crate::scoring::most_disputed(scores, crate::scoring::MOST_DISPUTED);
    if questions.is_empty() {
        ui.weak("Agreement needs at least two answers to a question.");
        return;
    }
    egui::Grid::new("disputed")
        .striped(true)
        .num_columns(6)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for header in ["Question", "Answers", "Mean", "IQR", "sd", "rwg"] {
                ui.strong(header);
            }
            ui.end_row();
            for score in questions {
                let text = assessment
                    .questionnaire
                    .question(&score.id)
                    .map_or("", |q| q.text.as_str());
                let label = format!("{} {}", score.id, text);
                if score.disagreement {
                    ui.colored_label(ui.visuals().warn_fg_color, label);
                } else {
                    ui.label(label);
                }
                ui.label(score.spread.count.to_string());
                ui.label(fmt_score(score.current));
                ui.label(fmt_score(score.spread.iqr));
                ui.label(fmt_score(score.spread.sd));
                ui.label(fmt_score(score.spread.rwg));
                ui.end_row();
            }
        });
}

/// Re-voted questions, and the aggregation rule with the position under each.
pub fn rules_ui(
    ui: &mut egui::Ui,
    assessment: &Assessment,
    scores: &Scores,
    by_rule: &[RulePosition],
    commands: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.strong("How answers are combined");
        ui.horizontal(|ui| {
            for rule in Aggregation::ALL {
                if ui.selectable_label(assessment.aggregation == rule, rule_name(rule)).clicked() {
                    commands.push(Command::Edit(Edit::Aggregation(rule)));
                }
            }
        });
        ui.weak(
            "Mean: a question scores the mean of its answers. Median: the middle answer, which one outlier cannot move. \
             Weakest link: a dimension is as mature as its least mature question, as the ITIL 4 maturity model scores.",
        );
        egui::Grid::new("by-rule").striped(true).num_columns(4).spacing([16.0, 4.0]).show(ui, |ui| {
            for header in ["Rule", "Practice", "Slope", "Zone"] {
                ui.strong(header);
            }
            ui.end_row();
            for position in by_rule {
                let name = rule_name(position.aggregation);
                if position.aggregation == assessment.aggregation {
                    ui.strong(format!("{name} (in use)"));
                } else {
                    ui.label(name);
                }
                ui.label(fmt_score(position.practice));
                ui.label(fmt_score(position.slope));
                ui.label(position.zone.as_deref().unwrap_or("—"));
                ui.end_row();
            }
        });
        ui.add_space(16.0);
        ui.strong("Rounds of voting");
        rounds_ui(ui, assessment, scores);
    });
}

fn rounds_ui(ui: &mut egui::Ui, assessment: &Assessment, scores: &Scores) {
    let revoted: Vec<&QuestionScore> = scores
        .questions
        .iter()
        .filter(|q| q.first_round.is_some())
        .collect();
    if revoted.is_empty() {
        ui.weak("No question has been voted on again yet. In fast entry, \"Vote again\" keeps the first round and starts a new one.");
        return;
    }
    egui::Grid::new("rounds")
        .striped(true)
        .num_columns(5)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for header in [
                "Question",
                "First round mean",
                "Now",
                "sd first → now",
                "rwg first → now",
            ] {
                ui.strong(header);
            }
            ui.end_row();
            for score in revoted {
                let Some(first) = &score.first_round else {
                    continue;
                };
                let text = assessment
                    .questionnaire
                    .question(&score.id)
                    .map_or("", |q| q.text.as_str());
                ui.label(format!("{} {}", score.id, text));
                ui.label(fmt_score(first.mean));
                ui.label(fmt_score(score.current));
                ui.label(format!(
                    "{} → {}",
                    fmt_score(first.sd),
                    fmt_score(score.spread.sd)
                ));
                ui.label(format!(
                    "{} → {}",
                    fmt_score(first.rwg),
                    fmt_score(score.spread.rwg)
                ));
                ui.end_row();
            }
        });
}

fn rule_name(rule: Aggregation) -> &'static str {
    match rule {
        Aggregation::Mean => "Mean",
        Aggregation::Median => "Median",
        Aggregation::WeakestLink => "Weakest link",
    }
}
