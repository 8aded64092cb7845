//! The portfolio screen: every assessment under a folder (a shared drive, a git repository),
//! each organisation by its latest one — a heat map of organisations × dimensions and each
//! dimension's distribution — and the line on an organisation's results that says where it
//! stands among them. The numbers are the core's (`crate::portfolio`); this only draws them.

use std::path::PathBuf;

use egui::accesskit::Role;
use egui::{Align2, FontId, Sense, vec2};

use crate::portfolio::{self, DimensionSpread, Portfolio, PortfolioEntry, QuestionnaireInfo};
use crate::ui::a11y;
use crate::ui::charts::heatmap::strength_fill;
use crate::ui::charts::rows::{Mark, Row, rows_ui};
use crate::ui::command::{Command, Progress};
use crate::ui::theme::{self, fmt_score};
use crate::ui::view::{View, ViewCtx};

use crate::portfolio::LITERATURE;

const NAME_WIDTH: f32 = 220.0;
const CELL_WIDTH: f32 = 72.0;
const ROW_HEIGHT: f32 = 26.0;

/// The folder being typed and the questionnaire shown.
#[derive(Default)]
pub struct PortfolioView {
    /// The folder as typed, until it is read.
    folder: Option<String>,
    /// The id of the questionnaire whose organisations are shown.
    questionnaire: Option<String>,
}

impl View for PortfolioView {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        egui::ScrollArea::vertical()
            .id_salt("portfolio")
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.heading("Portfolio");
                ui.weak(
                    "Every assessment under a folder, sub-folders too, each organisation by its \
                     latest one. Share the folder on a shared drive or as a git repository: \
                     everyone who reads it sees the same benchmark.",
                );
                ui.add_space(8.0);
                self.folder_ui(ui, ctx);
                ui.add_space(8.0);
                match ctx.portfolio {
                    Some(portfolio) => self.portfolio_ui(ui, portfolio),
                    None => {
                        ui.weak("Choose the folder and read it.");
                    }
                }
                ui.add_space(12.0);
                ui.weak(LITERATURE);
            });
    }
}

impl PortfolioView {
    fn folder_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let saved = ctx
            .settings
            .portfolio_folder
            .as_ref()
            .map(|p| p.display().to_string());
        let mut text = self.folder.clone().or(saved).unwrap_or_default();
        ui.horizontal(|ui| {
            ui.label("Folder");
            let field = ui.add(
                egui::TextEdit::singleline(&mut text)
                    .id_salt("portfolio-folder")
                    .hint_text("a folder of assessments")
                    .desired_width(420.0),
            );
            field.widget_info(a11y::labeled(Role::TextInput, "Portfolio folder"));
            if field.changed() {
                self.folder = Some(text.clone());
            }
            if ui.button("Choose folder…").clicked() {
                ctx.push(Command::Progress(Progress::ChoosePortfolioFolder));
            }
            let typed = !text.trim().is_empty();
            if ui.add_enabled(typed, egui::Button::new("Read")).clicked() {
                self.folder = None;
                ctx.push(Command::Progress(Progress::ReadPortfolio(PathBuf::from(
                    text.trim(),
                ))));
            }
        });
    }

    fn portfolio_ui(&mut self, ui: &mut egui::Ui, portfolio: &Portfolio) {
        ui.label(summary(portfolio));
        errors_ui(ui, portfolio);
        let Some(q) = self.questionnaire_ui(ui, portfolio) else {
            return;
        };
        let entries: Vec<&PortfolioEntry> = portfolio.entries_of(&q.id).collect();
        ui.add_space(8.0);
        ui.strong(format!(
            "{} · {}",
            q.title,
            theme::count(entries.len(), "organisation")
        ));
        // Wider than a small window with many dimensions: it scrolls sideways on its own,
        // and the charts below keep the window's width.
        egui::ScrollArea::horizontal()
            .id_salt("portfolio-heat-map-wide")
            .show(ui, |ui| heat_map_ui(ui, q, &entries));
        ui.add_space(12.0);
        ui.strong("Each dimension's distribution across the organisations");
        let colour = theme::graphic(ui, theme::CURRENT);
        let rows: Vec<Row> = portfolio
            .spreads_of(&q.id)
            .map(|s| distribution_row(s, colour))
            .collect();
        rows_ui(
            ui,
            "Each dimension's distribution across the organisations",
            &rows,
            5,
        );
    }

    /// The questionnaire shown: a choice when the portfolio holds more than one.
    fn questionnaire_ui<'p>(
        &mut self,
        ui: &mut egui::Ui,
        portfolio: &'p Portfolio,
    ) -> Option<&'p QuestionnaireInfo> {
        let all = &portfolio.questionnaires;
        let chosen = self
            .questionnaire
            .as_ref()
            .and_then(|id| all.iter().find(|q| q.id == *id))
            // The one most organisations were assessed with.
            .or_else(|| {
                all.iter()
                    .max_by_key(|q| portfolio.entries_of(&q.id).count())
            })?;
        if all.len() > 1 {
            let mut selected = chosen.id.clone();
            egui::ComboBox::from_id_salt("portfolio-questionnaire")
                .selected_text(&chosen.title)
                .show_ui(ui, |ui| {
                    for q in all {
                        ui.selectable_value(&mut selected, q.id.clone(), &q.title);
                    }
                })
                .response
                .widget_info(a11y::labeled(Role::ComboBox, "Questionnaire"));
            self.questionnaire = Some(selected);
        }
        Some(chosen)
    }
}

/// How many organisations the folder holds, and how many earlier assessments a later one
/// replaced; an empty folder says what was looked for.
fn summary(portfolio: &Portfolio) -> String {
    if portfolio.assessments.is_empty() {
        return "No assessment found in this folder: the portfolio reads the assessment files \
                (.ron) in it and its sub-folders."
            .into();
    }
    let organisations = theme::count(portfolio.assessments.len(), "organisation");
    match portfolio.superseded {
        0 => format!("{organisations}."),
        1 => format!("{organisations} (1 earlier assessment counted by a later one)."),
        n => format!("{organisations} ({n} earlier assessments counted by a later one)."),
    }
}

fn errors_ui(ui: &mut egui::Ui, portfolio: &Portfolio) {
    if portfolio.errors.is_empty() {
        return;
    }
    let title = format!(
        "{} could not be read and {} left out",
        theme::count(portfolio.errors.len(), "file"),
        if portfolio.errors.len() == 1 {
            "is"
        } else {
            "are"
        }
    );
    egui::CollapsingHeader::new(title)
        .id_salt("portfolio-errors")
        .show(ui, |ui| {
            for error in &portfolio.errors {
                ui.label(format!("{}: {}", error.file, error.message));
            }
        });
}

/// Organisations × dimensions, each cell shaded by its score; rows drawn only when in view,
/// so a portfolio of thousands scrolls as fast as one of ten.
fn heat_map_ui(ui: &mut egui::Ui, q: &QuestionnaireInfo, entries: &[&PortfolioEntry]) {
    ui.horizontal(|ui| {
        ui.add_sized(
            [NAME_WIDTH, ROW_HEIGHT],
            egui::Label::new(egui::RichText::new("Organisation").strong()),
        );
        ui.add_sized(
            [CELL_WIDTH, ROW_HEIGHT],
            egui::Label::new(egui::RichText::new("Slope").strong()),
        );
        for (_, name) in &q.dimensions {
            let short = crate::ui::charts::category_label(std::slice::from_ref(name), 1.0);
            // Cut to the cell's width, so each heading stays over its column.
            ui.add_sized(
                [CELL_WIDTH, ROW_HEIGHT],
                egui::Label::new(egui::RichText::new(short).strong()).truncate(),
            )
            .on_hover_text(name);
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("portfolio-heat-map")
        .max_height(420.0)
        .show_rows(ui, ROW_HEIGHT, entries.len(), |ui, rows| {
            for entry in &entries[rows] {
                ui.horizontal(|ui| {
                    ui.add_sized(
                        [NAME_WIDTH, ROW_HEIGHT],
                        egui::Label::new(&entry.organisation).truncate(),
                    )
                    .on_hover_text(format!("{} · {}", entry.date, entry.file));
                    cell_ui(
                        ui,
                        entry.slope,
                        None,
                        &format!("{} slope", entry.organisation),
                    );
                    for (id, name) in &q.dimensions {
                        let label = format!("{} {name}", entry.organisation);
                        cell_ui(
                            ui,
                            entry.dimensions.get(id),
                            entry.percentiles.get(id),
                            &label,
                        );
                    }
                });
            }
        });
}

/// A dimension's box across the organisations: whiskers at the lowest and highest score, the
/// box from Q1 to Q3, the median across it.
fn distribution_row(spread: &DimensionSpread, colour: egui::Color32) -> Row {
    let organisations = theme::count(spread.n, "organisation");
    let (marks, summary) = match (spread.quartiles, spread.range) {
        (Some([q1, median, q3]), Some([min, max])) => (
            vec![Mark::Box {
                min,
                q1,
                median,
                q3,
                max,
                colour,
            }],
            format!(
                "{}: {organisations}, Q1 {}, median {}, Q3 {}, range {}–{}",
                spread.name,
                fmt_score(Some(q1)),
                fmt_score(Some(median)),
                fmt_score(Some(q3)),
                fmt_score(Some(min)),
                fmt_score(Some(max))
            ),
        ),
        _ => (
            vec![Mark::Note("no scores".into())],
            format!("{}: no organisation has a score", spread.name),
        ),
    };
    Row {
        name: spread.name.clone(),
        marks,
        summary,
    }
}

/// One cell: the score on a shade that deepens with it; the percentile on hover.
fn cell_ui(ui: &mut egui::Ui, score: Option<f64>, percentile: Option<f64>, name: &str) {
    let (rect, response) = ui.allocate_exact_size(vec2(CELL_WIDTH, ROW_HEIGHT), Sense::hover());
    // The deeper the shade, the higher the score; no score, no shade.
    let fill = strength_fill(ui, theme::CURRENT, score.unwrap_or(0.0), 5.0);
    ui.painter().rect_filled(rect.shrink(1.0), 2.0, fill);
    let text = fmt_score(score);
    ui.painter().text(
        rect.center(),
        Align2::CENTER_CENTER,
        &text,
        FontId::proportional(14.0),
        ui.visuals().text_color(),
    );
    response.widget_info(a11y::labeled(Role::Cell, &format!("{name}: {text}")));
    if let Some(p) = percentile {
        response.on_hover_text(format!("above {p:.0}% of the others (ties counted half)"));
    }
}

/// "Your position among N organisations assessed with this questionnaire", on an
/// organisation's results when a portfolio has been read.
pub fn position_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>) {
    let (Some(portfolio), Some(doc)) = (ctx.portfolio, ctx.doc) else {
        return;
    };
    let Some(position) = portfolio::position(portfolio, &doc.assessment, &doc.scores) else {
        return;
    };
    ui.label(position.sentence()).on_hover_text(LITERATURE);
    egui::CollapsingHeader::new("Each dimension among them")
        .id_salt("portfolio-position")
        .show(ui, |ui| {
            for d in &position.dimensions {
                let above = d.percentile.map_or_else(
                    || "no comparison".to_string(),
                    |p| format!("above {p:.0}% of {}", theme::count(d.others, "other")),
                );
                ui.label(format!("{}: {}, {above}", d.name, fmt_score(d.score)));
            }
            ui.weak(LITERATURE);
        });
}
