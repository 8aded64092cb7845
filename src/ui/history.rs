//! The history screen: assessments of one organisation, added one file at a time (the
//! in-window file dialog picks one), and their trend — the slope over time, each dimension's
//! line, the five that improved and the five that declined most, the touchpoint map then and
//! now, the actions completed in between. The trend is the core's; this only draws it.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_plot::{Line, PlotPoints, Points};

use crate::history::{self, DimensionChange, Trend, TrendInput};
use crate::model::{Assessment, parse_date};
use crate::report::format::capitalised;
use crate::ui::a11y;
use crate::ui::charts::still_plot;
use crate::ui::command::{Command, Progress};
use crate::ui::theme::{self, fmt_score};
use crate::ui::view::{View, ViewCtx};

/// The assessments being compared and their trend.
#[derive(Default)]
pub struct HistoryView {
    /// The files added, in the order added.
    files: Vec<(PathBuf, Assessment)>,
    /// The trend of the files, or why there is none; recomputed when the list changes.
    trend: Option<Result<Trend, String>>,
}

impl HistoryView {
    /// Adds an assessment read from `path` (again: the newer reading replaces the older).
    pub fn add(&mut self, path: PathBuf, assessment: Assessment) {
        self.files.retain(|(p, _)| *p != path);
        self.files.push((path, assessment));
        self.recompute();
    }

    fn remove(&mut self, index: usize) {
        if index < self.files.len() {
            self.files.remove(index);
            self.recompute();
        }
    }

    fn recompute(&mut self) {
        self.trend = (self.files.len() >= 2).then(|| {
            let inputs = self
                .files
                .iter()
                .map(|(path, assessment)| TrendInput {
                    file: path.display().to_string(),
                    assessment: assessment.clone(),
                })
                .collect();
            history::trend(inputs).map_err(|e| e.to_string())
        });
    }

    fn files_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        ui.horizontal(|ui| {
            if ui.button("Add assessment…").clicked() {
                ctx.push(Command::Progress(Progress::AddToHistory));
            }
            let open = ctx.doc.and_then(|d| d.path.clone().map(|p| (p, d)));
            if let Some((path, doc)) = open
                && !self.files.iter().any(|(p, _)| *p == path)
                && ui.button("Add the open assessment").clicked()
            {
                // As saved: unsaved changes are not part of the history yet.
                if !doc.is_dirty() {
                    self.add(path, doc.assessment.clone());
                } else {
                    ctx.push(Command::Progress(Progress::HistoryFile(path)));
                }
            }
        });
        let mut remove = None;
        egui::Grid::new("history-files")
            .num_columns(4)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                for (index, (path, a)) in self.files.iter().enumerate() {
                    ui.label(if a.date.is_empty() {
                        "no date"
                    } else {
                        &a.date
                    });
                    ui.label(&a.organisation);
                    ui.weak(path.display().to_string());
                    let name = file_name(path);
                    let button = ui.button("Remove");
                    button.widget_info(a11y::labeled(Role::Button, &format!("Remove {name}")));
                    if button.clicked() {
                        remove = Some(index);
                    }
                    ui.end_row();
                }
            });
        if let Some(index) = remove {
            self.remove(index);
        }
    }
}

impl View for HistoryView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        egui::ScrollArea::vertical()
            .id_salt("history")
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.heading("History");
                ui.weak(
                    "Assessments of one organisation over time, added one file at a time: the \
                     slope and each dimension by date, what moved most, the touchpoint map then \
                     and now, and the actions completed in between.",
                );
                ui.add_space(8.0);
                self.files_ui(ui, ctx);
                ui.add_space(12.0);
                match &self.trend {
                    None => {
                        ui.weak(
                            "Add at least two assessments of the organisation to see its trend.",
                        );
                    }
                    Some(Err(why)) => {
                        ui.colored_label(ui.visuals().error_fg_color, why);
                    }
                    Some(Ok(trend)) => trend_ui(ui, trend),
                }
            });
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn trend_ui(ui: &mut egui::Ui, trend: &Trend) {
    for note in &trend.notes {
        ui.colored_label(ui.visuals().warn_fg_color, note);
    }
    positions_ui(ui, trend);
    ui.add_space(8.0);
    ui.strong("The slope position over time");
    slope_over_time_ui(ui, trend);
    ui.strong("Each dimension over time");
    dimensions_over_time_ui(ui, trend);
    ui.add_space(8.0);
    ui.columns(2, |columns| {
        changes_ui(&mut columns[0], "Improved most", &trend.improved);
        changes_ui(&mut columns[1], "Declined most", &trend.declined);
    });
    ui.add_space(8.0);
    map_ui(ui, trend);
    ui.add_space(8.0);
    ui.strong("Actions completed in between");
    if trend.completed_actions.is_empty() {
        ui.weak("None of the plans' actions was completed between these assessments.");
    }
    for action in &trend.completed_actions {
        ui.label(format!("Done by {}: {}", action.done_by, action.text));
    }
}

/// The positions by date, as numbers.
fn positions_ui(ui: &mut egui::Ui, trend: &Trend) {
    egui::Grid::new("history-positions")
        .num_columns(3)
        .striped(true)
        .spacing([24.0, 4.0])
        .show(ui, |ui| {
            for header in ["Date", "Slope position", "Practice"] {
                ui.strong(header);
            }
            ui.end_row();
            for point in &trend.assessments {
                ui.label(&point.date);
                ui.label(fmt_score(point.slope));
                ui.label(fmt_score(point.current));
                ui.end_row();
            }
        });
}

/// Where a date sits on the time axis: years, with the day as a fraction.
fn when(date: &str) -> Option<f64> {
    let date = parse_date(date)?;
    Some(f64::from(date.year()) + f64::from(date.day_of_year() - 1) / 365.25)
}

/// Grid steps on the time axis: months, quarters and years over a few years; quarters, years
/// and five years beyond.
fn time_grid() -> impl Fn(egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    egui_plot::uniform_grid_spacer(|input| {
        let span = input.bounds.1 - input.bounds.0;
        if span <= 3.0 {
            [1.0 / 12.0, 0.25, 1.0]
        } else {
            [0.25, 1.0, 5.0]
        }
    })
}

/// A mark on the time axis as the month it falls in: "2026-03".
fn month_label(mark: egui_plot::GridMark, _range: &std::ops::RangeInclusive<f64>) -> String {
    let year = (mark.value + 1e-6).floor();
    let month = ((mark.value - year) * 12.0).round() as i32 + 1;
    format!("{year:.0}-{:02}", month.clamp(1, 12))
}

fn over_time(points: impl Iterator<Item = (Option<f64>, Option<f64>)>) -> Vec<[f64; 2]> {
    points.filter_map(|(x, y)| Some([x?, y?])).collect()
}

fn slope_over_time_ui(ui: &mut egui::Ui, trend: &Trend) {
    let points = over_time(trend.assessments.iter().map(|p| (when(&p.date), p.slope)));
    still_plot("history-slope")
        .height(200.0)
        .include_y(1.0)
        .include_y(5.0)
        .x_grid_spacer(time_grid())
        .x_axis_formatter(month_label)
        .y_axis_label("slope position")
        .show(ui, |plot| {
            let line = PlotPoints::new(points.clone());
            plot.line(Line::new("slope", line).color(theme::CURRENT).width(2.5));
            plot.points(
                Points::new("assessments", points)
                    .radius(4.0)
                    .color(theme::CURRENT),
            );
        })
        .response
        .widget_info(a11y::labeled(
            Role::Image,
            "Chart of the slope position over time",
        ));
}

/// One colour per dimension line, told apart in both themes (Tableau 10).
const LINE_COLOURS: [egui::Color32; 10] = [
    egui::Color32::from_rgb(0x4e, 0x79, 0xa7),
    egui::Color32::from_rgb(0xf2, 0x8e, 0x2b),
    egui::Color32::from_rgb(0xe1, 0x57, 0x59),
    egui::Color32::from_rgb(0x76, 0xb7, 0xb2),
    egui::Color32::from_rgb(0x59, 0xa1, 0x4f),
    egui::Color32::from_rgb(0xed, 0xc9, 0x48),
    egui::Color32::from_rgb(0xb0, 0x7a, 0xa1),
    egui::Color32::from_rgb(0xff, 0x9d, 0xa7),
    egui::Color32::from_rgb(0x9c, 0x75, 0x5f),
    egui::Color32::from_rgb(0xba, 0xb0, 0xac),
];

/// Each dimension's line, with the key below the chart: inside it, the names covered the lines.
fn dimensions_over_time_ui(ui: &mut egui::Ui, trend: &Trend) {
    let colours: Vec<egui::Color32> = (0..trend.dimensions.len())
        .map(|i| theme::graphic(ui, LINE_COLOURS[i % LINE_COLOURS.len()]))
        .collect();
    still_plot("history-dimensions")
        .height(260.0)
        .include_y(1.0)
        .include_y(5.0)
        .x_grid_spacer(time_grid())
        .x_axis_formatter(month_label)
        .y_axis_label("score today")
        .show(ui, |plot| {
            for ((id, name), colour) in trend.dimensions.iter().zip(&colours) {
                let points = over_time(
                    trend
                        .assessments
                        .iter()
                        .map(|p| (when(&p.date), p.dimensions.get(id))),
                );
                let line = Line::new(name.as_str(), PlotPoints::new(points));
                plot.line(line.color(*colour).width(2.0));
            }
        })
        .response
        .widget_info(a11y::labeled(
            Role::Image,
            "Chart of each dimension over time",
        ));
    ui.horizontal_wrapped(|ui| {
        for (i, (_, name)) in trend.dimensions.iter().enumerate() {
            // Text needs more contrast than a line.
            let colour = theme::readable(ui, LINE_COLOURS[i % LINE_COLOURS.len()]);
            ui.label(egui::RichText::new(format!("\u{25a0} {name}")).color(colour));
            ui.add_space(8.0);
        }
    });
}

fn changes_ui(ui: &mut egui::Ui, title: &str, changes: &[DimensionChange]) {
    ui.strong(title);
    if changes.is_empty() {
        ui.weak("none");
    }
    for change in changes {
        ui.label(format!("{:+.2}  {}", change.change, change.name));
    }
}

fn map_ui(ui: &mut egui::Ui, trend: &Trend) {
    let (first, last) = (
        &trend.assessments[0],
        &trend.assessments[trend.assessments.len() - 1],
    );
    ui.strong(format!(
        "The touchpoint map, {} against {}",
        first.date, last.date
    ));
    if trend.touchpoints.changes().next().is_none() {
        ui.weak("No touchpoint started, stopped or changed in strength.");
    }
    for (what, change) in trend.touchpoints.changes() {
        ui.label(format!("{}: {}", capitalised(what), change.describe()));
    }
}
