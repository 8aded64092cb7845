//! The results screen: where the organisation stands on the slope and what that rests on, the
//! radar of today against the target, each dimension's score with its interval, the gaps ranked
//! with what to do about them; then perception and consensus, rounds and rules, notes. Every
//! tab says which aggregation rule is in force and keeps its own scroll position. Everything
//! shown comes from the core's `Scores`.

mod gaps;
mod summary;
mod table;

use crate::ui::view::{View, ViewCtx};

use crate::model::Assessment;
use crate::report::charts::Chart;
use crate::scoring::Scores;

use super::chart_export::chart_heading_ui;
use super::charts::radar::radar_ui;
use super::charts::scores::scores_ui;
use super::charts::slope::{Marks, slope_ui};
use super::command::Command;
use super::consensus::{consensus_ui, rule_description, rule_name, rules_ui};
use crate::document::Document;

pub use summary::{workshop_note_ui, workshop_would_add};

/// The parts of the results, one at a time so each fits the screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ResultsTab {
    #[default]
    Overview,
    Consensus,
    Rules,
    Notes,
}

impl ResultsTab {
    const ALL: [ResultsTab; 4] = [
        ResultsTab::Overview,
        ResultsTab::Consensus,
        ResultsTab::Rules,
        ResultsTab::Notes,
    ];

    fn name(self) -> &'static str {
        match self {
            ResultsTab::Overview => "Overview",
            ResultsTab::Consensus => "Perception and consensus",
            ResultsTab::Rules => "Rounds and rules",
            ResultsTab::Notes => "Notes and comments",
        }
    }
}

/// The results screen.
#[derive(Default)]
pub struct ResultsView {
    pub tab: ResultsTab,
}

/// Side by side, the radar and the table need this much width; below it they stack.
const SIDE_BY_SIDE: f32 = 1150.0;

impl ResultsView {
    fn screen_ui(&mut self, ui: &mut egui::Ui, doc: &Document, commands: &mut Vec<Command>) {
        let (assessment, scores) = (&doc.assessment, &doc.scores);
        ui.horizontal_wrapped(|ui| {
            for tab in ResultsTab::ALL {
                ui.selectable_value(&mut self.tab, tab, tab.name());
            }
        });
        basis_ui(ui, scores);
        ui.separator();
        // Each tab scrolls on its own: coming back to a tab finds it where it was left.
        let scroll = |salt: &str| {
            egui::ScrollArea::vertical()
                .id_salt(("results", salt.to_string()))
                .auto_shrink(false)
        };
        match self.tab {
            ResultsTab::Overview => {
                scroll("overview").show(ui, |ui| overview_ui(ui, assessment, scores, commands));
            }
            ResultsTab::Consensus => {
                scroll("consensus").show(ui, |ui| consensus_ui(ui, assessment, scores, commands));
            }
            ResultsTab::Rules => {
                scroll("rules").show(ui, |ui| {
                    rules_ui(ui, assessment, scores, doc.by_rule(), commands)
                });
            }
            ResultsTab::Notes => super::notes::notes_and_comments_ui(ui, assessment),
        }
    }
}

/// The rule in force and who answered, over every tab: one label, so it wraps as one text.
fn basis_ui(ui: &mut egui::Ui, scores: &Scores) {
    let mut job = egui::text::LayoutJob::default();
    let style = ui.style();
    for text in [
        egui::RichText::new(format!(
            "Aggregation: {}. ",
            rule_name(scores.aggregation).to_lowercase()
        ))
        .strong(),
        egui::RichText::new(format!(
            "{} (Rounds and rules changes it.) {}.",
            super::theme::capitalised(rule_description(scores.aggregation)),
            super::theme::capitalised(&scores.overall.respondents.answered_by())
        ))
        .weak(),
    ] {
        text.append_to(
            &mut job,
            style,
            egui::FontSelection::Default,
            egui::Align::LEFT,
        );
    }
    ui.add(egui::Label::new(job).wrap());
}

fn overview_ui(
    ui: &mut egui::Ui,
    assessment: &Assessment,
    scores: &Scores,
    commands: &mut Vec<Command>,
) {
    let q = &assessment.questionnaire;
    let o = &scores.overall;
    ui.heading(if assessment.organisation.is_empty() {
        "Results".to_string()
    } else {
        format!("Results — {}", assessment.organisation)
    });
    summary::summary_ui(ui, assessment, scores);
    chart_heading_ui(ui, Chart::Slope, commands);
    slope_ui(
        ui,
        &q.slope,
        Marks {
            today: o.slope,
            target: o.slope_target,
            provisional: o.provisional.as_ref().and_then(|p| p.slope),
        },
    );
    ui.add_space(12.0);

    let width = ui.available_width();
    if width >= SIDE_BY_SIDE {
        // Both columns get a set width, so neither pushes the other off the screen.
        let gutters = 16.0 + 2.0 * ui.spacing().item_spacing.x;
        let radar_width = (width - table::WIDTH - gutters - 8.0).min(580.0);
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(radar_width);
                chart_heading_ui(ui, Chart::Radar, commands);
                radar_ui(ui, &scores.dimensions, radar_width / 1.45);
            });
            ui.add_space(16.0);
            ui.vertical(|ui| table::dimension_table_ui(ui, scores));
        });
    } else {
        chart_heading_ui(ui, Chart::Radar, commands);
        radar_ui(ui, &scores.dimensions, (width / 1.45).min(400.0));
        table::dimension_table_ui(ui, scores);
    }
    ui.add_space(12.0);
    ui.strong("Each dimension, with its 90% interval");
    scores_ui(ui, &scores.dimensions, q.max_level());
    ui.add_space(12.0);
    gaps::gaps_ui(ui, assessment, scores);
}

impl View for ResultsView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(doc) = ctx.doc else { return };
        super::portfolio::position_ui(ui, ctx);
        self.screen_ui(ui, doc, ctx.commands);
    }
}
