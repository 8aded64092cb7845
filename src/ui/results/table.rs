//! The table of every dimension: today with its 90% interval, target, gap (negative where the
//! target is below today), spread and how much was answered.

use egui::{RichText, WidgetText};

use crate::scoring::Scores;
use crate::ui::table::table_ui;
use crate::ui::theme::{self, fmt_gap, fmt_score};

const HEADERS: [&str; 7] = [
    "Dimension",
    "Today",
    "90% interval",
    "Target",
    "Gap",
    "sd",
    "Answered",
];
const WIDTHS: [f32; 7] = [220.0, 56.0, 96.0, 56.0, 56.0, 48.0, 80.0];
/// The width the table needs beside the radar: its columns and gutters.
pub const WIDTH: f32 = 220.0 + 56.0 + 96.0 + 56.0 + 56.0 + 48.0 + 80.0 + 6.0 * 16.0;

pub fn dimension_table_ui(ui: &mut egui::Ui, scores: &Scores) {
    ui.strong("Scores by dimension");
    let (current, target) = (
        theme::readable(ui, theme::CURRENT),
        theme::readable(ui, theme::TARGET),
    );
    let mut rows: Vec<Vec<WidgetText>> = scores
        .dimensions
        .iter()
        .map(|d| {
            let today = match d.current {
                None => RichText::new("—").weak(),
                Some(_) => RichText::new(fmt_score(d.current)).color(current),
            };
            let interval = d.interval.map_or_else(
                || "—".to_string(),
                |[low, high]| format!("{low:.2}–{high:.2}"),
            );
            vec![
                d.name.as_str().into(),
                today.into(),
                interval.into(),
                RichText::new(fmt_score(d.target)).color(target).into(),
                fmt_gap(d.gap).into(),
                fmt_score(d.spread.sd).into(),
                format!("{} of {}", d.answered, d.questions).into(),
            ]
        })
        .collect();
    let o = &scores.overall;
    rows.push(vec![
        RichText::new("Overall").strong().into(),
        RichText::new(fmt_score(o.current)).strong().into(),
        "".into(),
        RichText::new(fmt_score(o.target)).strong().into(),
        RichText::new(fmt_gap(o.gap)).strong().into(),
        "".into(),
        format!(
            "{} of {}",
            o.coverage.questions_answered, o.coverage.questions
        )
        .into(),
    ]);
    table_ui(ui, &HEADERS, &WIDTHS, rows);
}
