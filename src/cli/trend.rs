//! `convergence trend`: several assessments of one organisation over time, as a table or JSON.

use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::Format;
use super::score_table::truncate;
use super::terminal::{out, terminal_safe};
use crate::files::{self, FileError};
use crate::history::{self, Trend, TrendInput};
use crate::report::Figure;

/// Reads the assessments (any bad one stops the run: a trend with a hole would mislead) and
/// prints their trend.
pub(super) fn trend(paths: &[PathBuf], format: Format) -> Result<ExitCode> {
    let trend = read_trend(paths)?;
    match format {
        Format::Json => out(&serde_json::to_string_pretty(&trend).context("encoding the trend")?),
        Format::Table => print!("{}", terminal_safe(&trend_table(&trend))),
    }
    Ok(ExitCode::SUCCESS)
}

/// The trend of the assessments in `paths`; any that does not load stops it, naming the file.
pub(super) fn read_trend(paths: &[PathBuf]) -> Result<Trend> {
    let inputs = paths
        .iter()
        .map(|path| {
            files::load_assessment(path).map(|assessment| TrendInput {
                file: path.display().to_string(),
                assessment,
            })
        })
        .collect::<Result<Vec<_>, FileError>>()?;
    Ok(history::trend(inputs)?)
}

/// The trend as text: positions by date, what moved most, the map then and now, the actions.
pub fn trend_table(trend: &Trend) -> String {
    let mut out = String::new();
    let points = &trend.assessments;
    let (first, last) = (&points[0], &points[points.len() - 1]);
    let _ = writeln!(
        out,
        "Trend of {}: {} assessments, {} to {}\n",
        if trend.organisation.is_empty() {
            "an unnamed organisation"
        } else {
            &trend.organisation
        },
        points.len(),
        first.date,
        last.date
    );
    let _ = write!(out, "{:<34}", "");
    for p in points {
        let _ = write!(out, " {:>10}", p.date);
    }
    out.push('\n');
    let mut row = |label: &str, values: Vec<Option<f64>>| {
        let _ = write!(out, "{:<34}", truncate(label, 34));
        for v in values {
            let _ = write!(out, " {:>10}", fmt_score(v));
        }
        out.push('\n');
    };
    row("Slope position", points.iter().map(|p| p.slope).collect());
    row("Practice", points.iter().map(|p| p.current).collect());
    for (id, name) in &trend.dimensions {
        row(name, points.iter().map(|p| p.dimensions.get(id)).collect());
    }
    let _ = writeln!(out, "\nFiles, oldest first:");
    for p in points {
        let _ = writeln!(out, "  {}  {}", p.date, p.file);
    }
    for (title, changes) in [
        ("Improved most", &trend.improved),
        ("Declined most", &trend.declined),
    ] {
        let _ = writeln!(out, "\n{title}:");
        if changes.is_empty() {
            let _ = writeln!(out, "  none");
        }
        for c in changes {
            let _ = writeln!(out, "  {:<34} {:+.2}", truncate(&c.name, 34), c.change);
        }
    }
    let _ = writeln!(out, "\nTouchpoints, {} against {}:", first.date, last.date);
    if trend.touchpoints.changes().next().is_none() {
        let _ = writeln!(out, "  no change");
    }
    for (what, change) in trend.touchpoints.changes() {
        let _ = writeln!(out, "  {what}: {}", change.describe());
    }
    let _ = writeln!(out, "\nActions completed in between:");
    if trend.completed_actions.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for action in &trend.completed_actions {
        let owner = if action.owner.is_empty() {
            String::new()
        } else {
            format!(" ({})", action.owner)
        };
        let _ = writeln!(out, "  done by {}: {}{owner}", action.done_by, action.text);
    }
    for note in &trend.notes {
        let _ = writeln!(out, "\nNote: {note}");
    }
    out
}

/// A score to two decimals, or a dash when nothing stands behind it.
pub(super) fn fmt_score(value: Option<f64>) -> String {
    Figure::score(value).text
}
