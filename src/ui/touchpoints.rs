//! The touchpoint map screen: where IT people and business people meet today and where they
//! should, filled in live with the room. The engagement index and the slope position at the top
//! follow every change; three sub-tabs show the map as an editable matrix, by level, and as a
//! heat map with the gaps listed.

mod add;
mod editor;
mod gaps;
mod matrix;

use crate::ui::view::{View, ViewCtx};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, RichText};

use crate::document::Edit;
use crate::model::Assessment;
use crate::scoring::{MapState, Phase, Scores};

use super::chart_export::chart_heading_ui;
use super::charts::heatmap::MISSING;
use super::charts::level_map::{level_map_legend_ui, level_map_ui};
use super::command::Command;
use super::theme::{self, fmt_score};
use crate::report::charts::Chart;

/// The sub-tabs of the screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Matrix,
    ByLevel,
    HeatMap,
}

impl Tab {
    const ALL: [Tab; 3] = [Tab::Matrix, Tab::ByLevel, Tab::HeatMap];

    fn name(self) -> &'static str {
        match self {
            Tab::Matrix => "Matrix",
            Tab::ByLevel => "By level",
            Tab::HeatMap => "Heat map & gaps",
        }
    }
}

/// A business role and an IT role, by id.
pub type Pair = (String, String);

/// The touchpoint map screen.
#[derive(Default)]
pub struct TouchpointsView {
    tab: Tab,
    /// The pair whose touchpoints the matrix's editor shows.
    selected: Option<Pair>,
    /// Which engagement the level map draws.
    level_phase: Phase,
    /// What the room is adding to the selected pair.
    adding: add::Adding,
}

impl TouchpointsView {
    fn screen_ui(
        &mut self,
        ui: &mut egui::Ui,
        assessment: &Assessment,
        scores: &Scores,
        commands: &mut Vec<Command>,
    ) {
        let Self {
            tab,
            selected,
            level_phase,
            adding,
        } = self;
        let analysis = &scores.touchpoints;
        header_ui(ui, scores, commands);
        ui.horizontal(|ui| {
            for t in Tab::ALL {
                let text = RichText::new(t.name()).size(17.0);
                if ui.add(egui::Button::selectable(*tab == t, text)).clicked() {
                    *tab = t;
                }
            }
        });
        ui.separator();
        if assessment.touchpoints.is_empty() {
            ui.weak("Nothing mapped yet. Start with today: where do IT people and business people meet? Then add the touchpoints that should exist and do not.");
        }
        // A pair kept from another assessment whose catalogue lacks it is no longer selected.
        if selected
            .as_ref()
            .is_some_and(|(b, i)| analysis.cell(b, i).is_none())
        {
            *selected = None;
        }
        if analysis.business_roles.is_empty() || analysis.it_roles.is_empty() {
            ui.label("This questionnaire has no touchpoint catalogue: it names no business or IT roles to map.");
            return;
        }
        // Each tab keeps its own scroll position: the matrix scrolled down to a pair's editor
        // does not hide the top of the map by level.
        let scroll = egui::ScrollArea::vertical()
            .id_salt(tab.name())
            .auto_shrink(false);
        scroll.show(ui, |ui| match *tab {
            Tab::Matrix => {
                if let Some(pair) = matrix::matrix_ui(ui, analysis, selected.as_ref()) {
                    *selected = Some(pair);
                    adding.pair_selected();
                }
                ui.add_space(10.0);
                match selected.as_ref() {
                    Some(pair) => {
                        editor::pair_editor_ui(ui, assessment, analysis, pair, commands);
                        ui.add_space(6.0);
                        adding.ui(ui, assessment, pair, commands);
                    }
                    None => {
                        ui.label(
                            RichText::new("Click a cell to see, add and change the touchpoints of that pair of roles.")
                                .size(17.0),
                        );
                    }
                }
            }
            Tab::ByLevel => {
                chart_heading_ui(ui, Chart::LevelMap, commands);
                ui.horizontal(|ui| {
                    ui.label("Show");
                    for (phase, name) in [(Phase::Current, "Today"), (Phase::Target, "Target")] {
                        if ui.add(egui::Button::selectable(*level_phase == phase, name)).clicked() {
                            *level_phase = phase;
                        }
                    }
                    ui.add_space(12.0);
                    level_map_legend_ui(ui, *level_phase);
                });
                level_map_ui(ui, analysis, &assessment.touchpoints, *level_phase);
            }
            Tab::HeatMap => {
                if let Some(pair) = gaps::gaps_ui(ui, analysis, commands) {
                    *selected = Some(pair);
                    adding.pair_selected();
                    *tab = Tab::Matrix;
                }
            }
        });
    }
}

/// The numbers the room watches while it fills in the map: the engagement index, the slope
/// position and the missing touchpoints, today and at target. Until the facilitator marks the
/// map complete, what it would do to the position is shown as provisional and not counted.
fn header_ui(ui: &mut egui::Ui, scores: &Scores, commands: &mut Vec<Command>) {
    let o = &scores.overall;
    let text = ui.visuals().text_color();
    let drawing = o.map == MapState::InProgress;
    // Each piece on a line of its own when the window is narrow, never a label wrapped around
    // another.
    let whole = |ui: &mut egui::Ui, job: LayoutJob| {
        ui.add(egui::Label::new(job).wrap_mode(egui::TextWrapMode::Extend));
    };
    ui.horizontal_wrapped(|ui| {
        ui.heading("Touchpoint map");
        ui.add_space(16.0);
        let mut job = LayoutJob::default();
        append(&mut job, "Engagement index ", 17.0, text);
        append(&mut job, &fmt_score(o.engagement), 22.0, theme::CURRENT);
        append(&mut job, " today → ", 17.0, text);
        append(
            &mut job,
            &fmt_score(o.engagement_target),
            22.0,
            theme::TARGET,
        );
        append(&mut job, " at target", 17.0, text);
        if drawing {
            append(&mut job, " (provisional)", 17.0, text);
        }
        whole(ui, job);
        ui.add_space(16.0);
        let mut job = LayoutJob::default();
        append(&mut job, "Slope ", 17.0, text);
        append(
            &mut job,
            &position(o.slope, o.zone.as_deref()),
            22.0,
            theme::CURRENT,
        );
        append(&mut job, " → ", 17.0, text);
        append(
            &mut job,
            &position(o.slope_target, o.target_zone.as_deref()),
            22.0,
            theme::TARGET,
        );
        whole(ui, job);
        ui.add_space(16.0);
        let missing = o.missing_touchpoints;
        if missing > 0 {
            let noun = if missing == 1 {
                "touchpoint"
            } else {
                "touchpoints"
            };
            ui.label(
                RichText::new(format!("{missing} missing {noun}"))
                    .size(20.0)
                    .strong()
                    .color(MISSING),
            );
        }
    });
    ui.horizontal_wrapped(|ui| {
        let mut complete = o.map == MapState::Complete;
        if ui
            .checkbox(&mut complete, "The map is complete: count it in the position")
            .on_hover_text("Until then the map is being drawn and the position on the slope is the practice score alone")
            .changed()
        {
            commands.push(Command::Edit(Edit::TouchpointMapComplete(complete)));
        }
    });
    match (&o.provisional, o.map) {
        (Some(with_map), MapState::InProgress) => {
            ui.label(format!(
                    "Being drawn, not counted yet: with this map the position would be {} → {} (provisional).",
                    position(with_map.slope, with_map.zone.as_deref()),
                    position(with_map.slope_target, with_map.target_zone.as_deref())
                ));
        }
        (_, MapState::Complete) => {
            ui.weak("Counted: the position combines practice and engagement.");
        }
        _ => {
            ui.weak("Nothing mapped: the position is the practice score alone.");
        }
    }
}

/// "2.10 Aligned", or a dash when unknown.
fn position(value: Option<f64>, zone: Option<&str>) -> String {
    match (value, zone) {
        (Some(_), Some(zone)) => format!("{} {zone}", fmt_score(value)),
        _ => fmt_score(value),
    }
}

fn append(job: &mut LayoutJob, text: &str, size: f32, color: Color32) {
    job.append(
        text,
        0.0,
        TextFormat {
            font_id: FontId::proportional(size),
            color,
            ..TextFormat::default()
        },
    );
}

impl View for TouchpointsView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let Some(doc) = ctx.doc else { return };
        self.screen_ui(ui, &doc.assessment, &doc.scores, ctx.commands);
    }
}
