//! Every score as CSV: one row per dimension, then one per question, with the figures the
//! report shows (an empty cell where it shows a dash). Text cells a spreadsheet would run as a
//! formula (starting with = + - @, a tab or a carriage return) get a leading apostrophe.

use super::format::Figure;
use super::model::Report;

/// The header row.
pub const COLUMNS: [&str; 13] = [
    "kind",
    "id",
    "dimension",
    "name",
    "current",
    "target",
    "gap",
    "it",
    "business",
    "perception_gap",
    "sd",
    "n",
    "rwg",
];

/// A text cell made safe to open in a spreadsheet.
pub fn neutralise(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// The report's scores as CSV text.
pub fn scores_csv(report: &Report) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = vec![COLUMNS.map(String::from).to_vec()];
    for d in &report.dimensions {
        rows.push(row(
            ["dimension", &d.id, &d.id, &d.name],
            [
                &d.current,
                &d.target,
                &d.gap,
                &d.it,
                &d.business,
                &d.perception_gap,
                &d.sd,
            ],
            d.answers,
            &d.rwg,
        ));
    }
    for q in &report.questions {
        rows.push(row(
            ["question", &q.id, &q.dimension, &q.text],
            [
                &q.current,
                &q.target,
                &q.gap,
                &q.it,
                &q.business,
                &q.perception_gap,
                &q.sd,
            ],
            q.answers,
            &q.rwg,
        ));
    }
    for r in rows {
        // Writing to memory cannot fail; a failure would only lose the row.
        let _ = writer.write_record(&r);
    }
    writer
        .into_inner()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default()
}

fn row(text: [&str; 4], figures: [&Figure; 7], n: usize, rwg: &Figure) -> Vec<String> {
    text.into_iter()
        .map(neutralise)
        .chain(figures.into_iter().map(|f| f.csv().to_string()))
        .chain([n.to_string(), rwg.csv().to_string()])
        .collect()
}
