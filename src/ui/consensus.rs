//! The workshop's results: IT against the business per dimension, the spread of answers, how
//! much the room agrees on each question, how far re-voting converged it, and how the position
//! moves under each aggregation rule.

use crate::ui::columns::columns_ui;
use egui::{RichText, WidgetText};

use crate::model::{Aggregation, Assessment};
use crate::report::charts::Chart;
use crate::scoring::{MOST_DISPUTED, QuestionScore, RulePosition, Scores, most_disputed};

use super::chart_export::chart_heading_ui;
use super::charts::{perception::perception_ui, spread::spread_ui};
use super::command::Command;
use super::results::{workshop_note_ui, workshop_would_add};
use super::table::table_ui;
use super::theme::{self, fmt_gap, fmt_score};
use crate::document::Edit;

/// Question texts wrap within this in the disagreement table.
const QUESTION_WIDTH: f32 = 640.0;

/// Perception gap, spread and agreement.
pub fn consensus_ui(
    ui: &mut egui::Ui,
    assessment: &Assessment,
    scores: &Scores,
    commands: &mut Vec<Command>,
) {
    let o = &scores.overall;
    let top = assessment.questionnaire.max_level();
    let headline = match o.perception_gap {
        Some(gap) => format!(
            "IT rates {}, the business {}: perception gap {gap:+.2}",
            fmt_score(o.it),
            fmt_score(o.business)
        ),
        None => format!(
            "No perception gap yet: it needs at least two people on each side ({} from IT, {} from the business answered).",
            o.respondents.it, o.respondents.business
        ),
    };
    ui.add(egui::Label::new(RichText::new(headline).size(20.0).strong()).wrap());
    ui.weak("A positive gap means IT rates itself higher than the business rates it, as most organisations find.");
    if let Some(missing) = workshop_would_add(&o.respondents) {
        workshop_note_ui(ui, &missing);
    }
    ui.add_space(8.0);
    columns_ui(ui, 2, 24.0, |columns| {
        chart_heading_ui(&mut columns[0], Chart::Perception, commands);
        perception_ui(&mut columns[0], &scores.dimensions, top);
        chart_heading_ui(&mut columns[1], Chart::Spread, commands);
        spread_ui(&mut columns[1], &scores.dimensions, top);
    });
    ui.add_space(8.0);
    let (it, business) = (
        theme::readable(ui, theme::IT),
        theme::readable(ui, theme::BUSINESS),
    );
    let rows: Vec<Vec<WidgetText>> = scores
        .dimensions
        .iter()
        .map(|d| {
            vec![
                d.name.as_str().into(),
                RichText::new(fmt_score(d.it)).color(it).into(),
                RichText::new(fmt_score(d.business)).color(business).into(),
                fmt_gap(d.perception_gap).into(),
                fmt_score(d.spread.rwg).into(),
                d.spread.respondents.to_string().into(),
            ]
        })
        .collect();
    table_ui(
        ui,
        &[
            "Dimension",
            "IT",
            "Business",
            "Perception gap",
            "Agreement (rwg)",
            "People",
        ],
        &[300.0, 60.0, 80.0, 120.0, 130.0, 60.0],
        rows,
    );
    ui.add_space(12.0);
    ui.strong("Where the room disagrees most: discuss these, then vote again");
    disputed_ui(ui, assessment, scores);
}

/// The core's most disputed questions, widest spread first, with the statistics behind them.
fn disputed_ui(ui: &mut egui::Ui, assessment: &Assessment, scores: &Scores) {
    let questions = most_disputed(scores, MOST_DISPUTED);
    if questions.is_empty() {
        ui.weak("Nothing to discuss yet: disagreement needs two or more people who answered a question differently.");
        return;
    }
    let warn = theme::readable(ui, ui.visuals().warn_fg_color);
    let rows: Vec<Vec<WidgetText>> = questions
        .into_iter()
        .map(|score| {
            let text = assessment
                .questionnaire
                .question(&score.id)
                .map_or("", |q| q.text.as_str());
            let label = RichText::new(format!("{} {}", score.id, text));
            let label = if score.disagreement {
                label.color(warn)
            } else {
                label
            };
            vec![
                label.into(),
                score.spread.count.to_string().into(),
                fmt_score(score.current).into(),
                fmt_score(score.spread.iqr).into(),
                fmt_score(score.spread.sd).into(),
                fmt_score(score.spread.rwg).into(),
            ]
        })
        .collect();
    table_ui(
        ui,
        &["Question", "Answers", "Mean", "IQR", "sd", "rwg"],
        &[QUESTION_WIDTH, 70.0, 56.0, 56.0, 56.0, 56.0],
        rows,
    );
}

/// Re-voted questions, and the aggregation rule with the position under each.
pub fn rules_ui(
    ui: &mut egui::Ui,
    assessment: &Assessment,
    scores: &Scores,
    by_rule: &[RulePosition],
    commands: &mut Vec<Command>,
) {
    {
        ui.strong("How answers are combined");
        ui.horizontal(|ui| {
            for rule in Aggregation::ALL {
                if ui
                    .selectable_label(assessment.aggregation == rule, rule_name(rule))
                    .clicked()
                {
                    commands.push(Command::Edit(Edit::Aggregation(rule)));
                }
            }
        });
        for rule in Aggregation::ALL {
            ui.weak(format!("{}: {}", rule_name(rule), rule_description(rule)));
        }
        egui::Grid::new("by-rule")
            .striped(true)
            .num_columns(4)
            .spacing([16.0, 4.0])
            .show(ui, |ui| {
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
    }
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
    let rows: Vec<Vec<WidgetText>> = revoted
        .into_iter()
        .filter_map(|score| {
            let first = score.first_round.as_ref()?;
            let text = assessment
                .questionnaire
                .question(&score.id)
                .map_or("", |q| q.text.as_str());
            Some(vec![
                format!("{} {}", score.id, text).into(),
                fmt_score(first.mean).into(),
                fmt_score(score.current).into(),
                format!("{} → {}", fmt_score(first.sd), fmt_score(score.spread.sd)).into(),
                format!("{} → {}", fmt_score(first.rwg), fmt_score(score.spread.rwg)).into(),
            ])
        })
        .collect();
    table_ui(
        ui,
        &[
            "Question",
            "First round mean",
            "Now",
            "sd first → now",
            "rwg first → now",
        ],
        &[QUESTION_WIDTH, 130.0, 56.0, 120.0, 120.0],
        rows,
    );
}

/// What a rule does, in one sentence.
pub fn rule_description(rule: Aggregation) -> &'static str {
    match rule {
        Aggregation::Mean => "a question scores the mean of its answers.",
        Aggregation::Median => {
            "a question scores its middle answer, which one outlier cannot move."
        }
        Aggregation::WeakestLink => {
            "a dimension is as mature as its least mature question, as the ITIL 4 maturity model scores."
        }
    }
}

/// "Mean", "Median", "Weakest link".
pub fn rule_name(rule: Aggregation) -> &'static str {
    match rule {
        Aggregation::Mean => "Mean",
        Aggregation::Median => "Median",
        Aggregation::WeakestLink => "Weakest link",
    }
}
