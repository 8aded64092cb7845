//! The spread of today's answers per dimension as box plots: where the room agrees and where it
//! does not. A dimension answered by fewer than two people has no spread of opinion to show.

use crate::scoring::{DimensionScore, MIN_RESPONDENTS};
use crate::ui::theme::{self, fmt_score};

use super::rows::{Mark, Row, rows_ui};

/// One box per dimension: whiskers at min and max, box from Q1 to Q3, the median across it.
pub fn spread_ui(ui: &mut egui::Ui, dimensions: &[DimensionScore], top: u8) {
    let fill = theme::graphic(ui, theme::CURRENT);
    let rows: Vec<Row> = dimensions
        .iter()
        .map(|d| {
            let s = &d.spread;
            let shown = (s.respondents >= MIN_RESPONDENTS)
                .then(|| Some((s.min?, s.q1?, s.median?, s.q3?, s.max?)))
                .flatten();
            let (marks, summary) = match shown {
                Some((min, q1, median, q3, max)) => (
                    vec![Mark::Box {
                        min,
                        q1,
                        median,
                        q3,
                        max,
                        colour: fill,
                    }],
                    format!(
                        "{}: {} answers from {} people, median {median:.1}, middle half {q1:.1}–{q3:.1}, range {min:.0}–{max:.0}, sd {}",
                        d.name,
                        s.count,
                        s.respondents,
                        fmt_score(s.sd)
                    ),
                ),
                None => {
                    let why = if s.count == 0 {
                        "no answers".to_string()
                    } else {
                        "one person's answers: no spread of opinion".to_string()
                    };
                    (vec![Mark::Note(why.clone())], format!("{}: {why}", d.name))
                }
            };
            Row {
                name: d.name.clone(),
                marks,
                summary,
            }
        })
        .collect();
    rows_ui(ui, "Spread of today's answers by dimension", &rows, top);
}
