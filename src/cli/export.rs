//! `convergence report` and `convergence export`: the report, the CSV of scores and the charts
//! written to files, each through the safe write and never over the assessment they read.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::ValueEnum;

use super::terminal::err as say_err;
use crate::files;
use crate::portfolio;
use crate::report::{self, Chart, Report, ReportFormat};
use crate::scoring;

/// `--format` of `convergence report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormatArg {
    Html,
    Pdf,
    Docx,
}

impl From<ReportFormatArg> for ReportFormat {
    fn from(arg: ReportFormatArg) -> Self {
        match arg {
            ReportFormatArg::Html => ReportFormat::Html,
            ReportFormatArg::Pdf => ReportFormat::Pdf,
            ReportFormatArg::Docx => ReportFormat::Docx,
        }
    }
}

/// `--chart NAME`: one of the chart names.
pub fn chart_arg(name: &str) -> Result<Chart, String> {
    Chart::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Chart::ALL.iter().map(|c| c.name()).collect();
        format!(
            "no chart is called {name:?}; the charts are {}",
            names.join(", ")
        )
    })
}

/// Loads and scores `assessment`, refusing `output` if it is the assessment itself.
fn report_of(assessment: &Path, output: &Path) -> Result<Report> {
    files::refuse_inputs(output, &[assessment])?;
    let loaded = files::load_assessment(assessment)?;
    Ok(Report::build(&loaded, &scoring::score(&loaded)))
}

/// What else `convergence report` was given: a portfolio folder, earlier assessments.
pub struct Progress {
    pub portfolio: Option<PathBuf>,
    pub earlier: Vec<PathBuf>,
}

/// Loads `assessment` and the earlier ones (refusing `output` if it is any of them) and
/// builds its report, with the benchmark and the trend page when asked for.
fn report_with(assessment: &Path, output: &Path, progress: &Progress) -> Result<Report> {
    let mut inputs: Vec<&Path> = progress.earlier.iter().map(PathBuf::as_path).collect();
    inputs.push(assessment);
    files::refuse_inputs(output, &inputs)?;
    let loaded = files::load_assessment(assessment)?;
    let scores = scoring::score(&loaded);
    let mut report = Report::build(&loaded, &scores);
    if let Some(folder) = &progress.portfolio {
        let portfolio = portfolio::read_portfolio(folder)?;
        report = report.with_benchmark(portfolio::position(&portfolio, &loaded, &scores).as_ref());
    }
    if !progress.earlier.is_empty() {
        let mut paths = progress.earlier.clone();
        paths.push(assessment.to_path_buf());
        report = report.with_trend(&super::trend::read_trend(&paths)?);
    }
    Ok(report)
}

pub fn report(
    assessment: &Path,
    output: &Path,
    format: Option<ReportFormatArg>,
    progress: &Progress,
) -> Result<ExitCode> {
    let Some(format) = format
        .map(ReportFormat::from)
        .or_else(|| ReportFormat::from_path(output))
    else {
        bail!(
            "{}: cannot tell the report's format from the name: end it in .html, .pdf or .docx, \
             or give --format",
            output.display()
        );
    };
    let report = report_with(assessment, output, progress)?;
    let bytes = report::render(&report, format).with_context(|| output.display().to_string())?;
    files::write_atomic(output, &bytes)?;
    say_err(&format!(
        "{}: wrote the {} report",
        output.display(),
        format.extension().to_uppercase()
    ));
    Ok(ExitCode::SUCCESS)
}

pub fn scores(assessment: &Path, output: &Path) -> Result<ExitCode> {
    let report = report_of(assessment, output)?;
    files::write_atomic(output, report::scores_csv(&report).as_bytes())?;
    say_err(&format!(
        "{}: wrote {} dimension and {} question rows",
        output.display(),
        report.dimensions.len(),
        report.questions.len()
    ));
    Ok(ExitCode::SUCCESS)
}

pub fn chart(assessment: &Path, chart: Chart, output: &Path, width: u32) -> Result<ExitCode> {
    let extension = output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let png = match extension.as_deref() {
        Some("svg") => false,
        Some("png") => true,
        _ => bail!(
            "{}: cannot tell the chart's format from the name: end it in .svg or .png",
            output.display()
        ),
    };
    let report = report_of(assessment, output)?;
    let bytes = if png {
        report::chart_png(&report, chart, width).with_context(|| output.display().to_string())?
    } else {
        report::chart_svg(&report, chart, width).into_bytes()
    };
    files::write_atomic(output, &bytes)?;
    say_err(&format!(
        "{}: wrote the {} chart, {width} pixels wide",
        output.display(),
        chart.name()
    ));
    Ok(ExitCode::SUCCESS)
}
