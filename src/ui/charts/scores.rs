//! Each dimension's score today with its 90% interval and the target, on the answer scale.

use crate::scoring::DimensionScore;
use crate::ui::theme::{self, fmt_score};

use super::perception::legend_ui;
use super::rows::{Mark, Row, rows_ui};

/// A bar for today, the interval across it, a tick at the target.
pub fn scores_ui(ui: &mut egui::Ui, dimensions: &[DimensionScore], top: u8) {
    let (today, target) = (
        theme::graphic(ui, theme::CURRENT),
        theme::graphic(ui, theme::TARGET),
    );
    let strong = ui.visuals().strong_text_color();
    legend_ui(ui, &[("Today", today), ("Target", target)]);
    ui.weak("The line across a bar is its 90% interval: where the score could lie, given the answers behind it.");
    let rows: Vec<Row> = dimensions
        .iter()
        .map(|d| {
            let mut marks = Vec::new();
            if let Some(value) = d.current {
                marks.push(Mark::Bar {
                    value,
                    colour: today,
                    lane: 0,
                    lanes: 1,
                });
            }
            if let Some([low, high]) = d.interval {
                marks.push(Mark::Range {
                    low,
                    high,
                    colour: strong,
                });
            }
            if let Some(value) = d.target {
                marks.push(Mark::Tick {
                    value,
                    colour: target,
                });
            }
            let summary = if marks.is_empty() {
                marks.push(Mark::Note("not answered".into()));
                format!("{}: not answered", d.name)
            } else {
                format!(
                    "{}: today {}{}, target {}",
                    d.name,
                    fmt_score(d.current),
                    interval_words(d.interval),
                    fmt_score(d.target)
                )
            };
            Row {
                name: d.name.clone(),
                marks,
                summary,
            }
        })
        .collect();
    rows_ui(
        ui,
        "Today and target by dimension, with intervals",
        &rows,
        top,
    );
}

/// " (90% interval 2.1–3.4)", or nothing when there is none.
pub fn interval_words(interval: Option<[f64; 2]>) -> String {
    interval.map_or_else(String::new, |[low, high]| {
        format!(" (90% interval {low:.1}–{high:.1})")
    })
}
