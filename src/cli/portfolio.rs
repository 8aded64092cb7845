//! `convergence portfolio`: every assessment under a folder, each organisation by its latest
//! one, side by side — as a table, JSON or CSV. Files that do not load are listed; they never
//! stop the run.

use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::ValueEnum;

use super::score_table::truncate;
use super::terminal::{err as say_err, out, terminal_safe};
use super::trend::fmt_score;
use crate::portfolio::{self, LITERATURE, Portfolio};
use crate::report::neutralise;

/// `--format` of `convergence portfolio`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PortfolioFormat {
    Table,
    Json,
    Csv,
}

pub(super) fn portfolio(folder: &Path, format: PortfolioFormat) -> Result<ExitCode> {
    let portfolio = portfolio::read_portfolio(folder)?;
    match format {
        PortfolioFormat::Json => {
            out(&serde_json::to_string_pretty(&portfolio).context("encoding the portfolio")?)
        }
        PortfolioFormat::Csv => {
            print!("{}", terminal_safe(&portfolio_csv(&portfolio)?));
            for error in &portfolio.errors {
                say_err(&format!("{}: {}", error.file, error.message));
            }
        }
        PortfolioFormat::Table => print!("{}", terminal_safe(&portfolio_table(folder, &portfolio))),
    }
    Ok(ExitCode::SUCCESS)
}

/// One row per organisation: its file, name, date, questionnaire, slope and practice, then
/// each dimension's score and percentile (dimensions of every questionnaire, by id).
pub fn portfolio_csv(portfolio: &Portfolio) -> Result<String> {
    let ids: Vec<&str> = portfolio
        .questionnaires
        .iter()
        .flat_map(|q| q.dimensions.iter().map(|(id, _)| id.as_str()))
        .fold(Vec::new(), |mut ids, id| {
            if !ids.contains(&id) {
                ids.push(id);
            }
            ids
        });
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = [
        "file",
        "organisation",
        "date",
        "questionnaire",
        "slope",
        "current",
    ]
    .map(String::from)
    .to_vec();
    for id in &ids {
        header.push(neutralise(id));
        header.push(neutralise(&format!("{id} percentile")));
    }
    writer.write_record(&header)?;
    let number = |value: Option<f64>, decimals: usize| {
        value.map_or_else(String::new, |v| format!("{v:.decimals$}"))
    };
    for e in &portfolio.assessments {
        let mut row: Vec<String> = [&e.file, &e.organisation, &e.date, &e.questionnaire]
            .map(|text| neutralise(text))
            .to_vec();
        row.push(number(e.slope, 2));
        row.push(number(e.current, 2));
        for id in &ids {
            row.push(number(e.dimensions.get(id), 2));
            row.push(number(e.percentiles.get(id), 1));
        }
        writer.write_record(&row)?;
    }
    let bytes = writer.into_inner().context("writing the CSV")?;
    String::from_utf8(bytes).context("the CSV is text")
}

/// The portfolio as text: per questionnaire, the organisations with their slope and practice
/// and each dimension's percentile, then the dimensions' quartiles; the files that did not load.
pub fn portfolio_table(folder: &Path, portfolio: &Portfolio) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Portfolio of {}: {} organisations ({} earlier assessments counted by a later one); {} files could not be read",
        folder.display(),
        portfolio.assessments.len(),
        portfolio.superseded,
        portfolio.errors.len()
    );
    for q in &portfolio.questionnaires {
        let _ = writeln!(out, "\n{} [{}]", q.title, q.id);
        let _ = writeln!(
            out,
            "{:<30} {:<10} {:>6} {:>8}  percentile by dimension (D1 …)",
            "organisation", "date", "slope", "practice"
        );
        for e in portfolio.entries_of(&q.id) {
            let _ = write!(
                out,
                "{:<30} {:<10} {:>6} {:>8} ",
                truncate(&e.organisation, 30),
                e.date,
                fmt_score(e.slope),
                fmt_score(e.current)
            );
            for (id, _) in &q.dimensions {
                let p = e.percentiles.get(id);
                let _ = write!(
                    out,
                    " {:>4}",
                    p.map_or_else(|| "—".to_string(), |p| format!("{p:.0}"))
                );
            }
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "\n{:<4} {:<34} {:>4} {:>6} {:>6} {:>6}",
            "", "dimension", "n", "Q1", "median", "Q3"
        );
        for (number, spread) in portfolio.spreads_of(&q.id).enumerate() {
            let [q1, median, q3] = spread.quartiles.map_or([None; 3], |q| q.map(Some));
            let _ = writeln!(
                out,
                "{:<4} {:<34} {:>4} {:>6} {:>6} {:>6}",
                format!("D{}", number + 1),
                truncate(&spread.name, 34),
                spread.n,
                fmt_score(q1),
                fmt_score(median),
                fmt_score(q3)
            );
        }
    }
    if !portfolio.errors.is_empty() {
        let _ = writeln!(out, "\nFiles that could not be read (left out):");
        for error in &portfolio.errors {
            let _ = writeln!(
                out,
                "  {}: {}",
                error.file,
                error.message.replace('\n', "\n    ")
            );
        }
    }
    let _ = writeln!(out, "\n{LITERATURE}");
    out
}
