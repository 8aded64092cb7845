//! IT's and the business's scores side by side per dimension: the perception gap the seeds
//! warn about (the business tends to rate IT lower than IT rates itself).

use crate::scoring::DimensionScore;
use crate::ui::theme::{self, fmt_score};

use super::rows::{Mark, Row, rows_ui};

/// Two bars per dimension, IT above the business, on the scale 1 to `top`.
pub fn perception_ui(ui: &mut egui::Ui, dimensions: &[DimensionScore], top: u8) {
    let (it, business) = (
        theme::graphic(ui, theme::IT),
        theme::graphic(ui, theme::BUSINESS),
    );
    legend_ui(ui, &[("IT", it), ("Business", business)]);
    let rows: Vec<Row> = dimensions
        .iter()
        .map(|d| {
            let mut marks = Vec::new();
            for (lane, (score, colour)) in
                [(d.it, it), (d.business, business)].into_iter().enumerate()
            {
                if let Some(value) = score {
                    marks.push(Mark::Bar {
                        value,
                        colour,
                        lane,
                        lanes: 2,
                    });
                }
            }
            if marks.is_empty() {
                marks.push(Mark::Note("no question answered by both sides".into()));
            }
            let gap = d
                .perception_gap
                .map_or_else(String::new, |g| format!(", perception gap {g:+.2}"));
            Row {
                name: d.name.clone(),
                marks,
                summary: format!(
                    "{}: IT {}, business {}{gap}",
                    d.name,
                    fmt_score(d.it),
                    fmt_score(d.business)
                ),
            }
        })
        .collect();
    rows_ui(ui, "IT and the business by dimension", &rows, top);
}

/// "■ IT  ■ Business": the key to a chart's colours.
pub fn legend_ui(ui: &mut egui::Ui, entries: &[(&str, egui::Color32)]) {
    ui.horizontal_wrapped(|ui| {
        for (name, colour) in entries {
            ui.label(
                egui::RichText::new(format!("■ {name}"))
                    .color(theme::readable(ui, *colour))
                    .strong(),
            );
        }
    });
}
