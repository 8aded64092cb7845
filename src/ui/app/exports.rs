//! What leaves the window: the report (HTML, PDF, Word), the scores as CSV, a chart as SVG or
//! PNG. Each is made from the assessment as it is now, on the worker, and written safely.

use std::path::PathBuf;

use super::App;
use crate::files;
use crate::report::{self, Chart, Report, ReportFormat};
use crate::ui::command::{Command, JobDone};
use crate::ui::dialogs::DialogKind;

/// What an export writes.
enum Export {
    Report(ReportFormat),
    Scores,
    Chart { chart: Chart, png: bool, width: u32 },
}

impl App {
    /// Writes what `kind` asked for to `path`, off the UI thread.
    pub(super) fn export_to(&mut self, kind: DialogKind, path: PathBuf) {
        let Some(doc) = &self.doc else { return };
        let export = match export_for(kind, &path, self.settings.chart_width) {
            Ok(export) => export,
            Err(message) => {
                self.overlays.error = Some(format!("{}: {message}", path.display()));
                return;
            }
        };
        let (assessment, scores) = (doc.assessment.clone(), doc.scores.clone());
        // With a portfolio read, the report says where the organisation stands among it.
        let position = (self.portfolio.as_ref())
            .map(|portfolio| crate::portfolio::position(portfolio, &assessment, &scores));
        self.jobs.run("Exporting", move || {
            let mut report = Report::build(&assessment, &scores);
            if let Some(position) = position {
                report = report.with_benchmark(position.as_ref());
            }
            let result = render(&report, &export)
                .and_then(|bytes| files::write_atomic(&path, &bytes).map_err(|e| e.to_string()));
            Some(Command::Done(JobDone::Exported { path, result }))
        });
    }

    pub(super) fn exported(&mut self, path: PathBuf, result: Result<(), String>) {
        match result {
            Ok(()) => self.status = format!("Exported to {}", path.display()),
            Err(err) => {
                self.status = format!("Not exported: {}", path.display());
                self.overlays.error = Some(format!("Could not export.\n\n{err}"));
            }
        }
    }
}

/// The export a dialog's answer names, by the file's ending.
fn export_for(kind: DialogKind, path: &std::path::Path, width: u32) -> Result<Export, String> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match kind {
        DialogKind::ExportReport => ReportFormat::from_path(path)
            .map(Export::Report)
            .ok_or_else(|| "a report is written as .pdf, .html or .docx".to_string()),
        DialogKind::ExportScores if extension == "csv" => Ok(Export::Scores),
        DialogKind::ExportScores => Err("the scores are written as .csv".into()),
        DialogKind::ExportChart(chart) if extension == "svg" || extension == "png" => {
            Ok(Export::Chart {
                chart,
                png: extension == "png",
                width,
            })
        }
        DialogKind::ExportChart(_) => Err("a chart is written as .svg or .png".into()),
        _ => Err("not something to export".into()),
    }
}

fn render(report: &Report, export: &Export) -> Result<Vec<u8>, String> {
    let bytes = match export {
        Export::Report(format) => report::render(report, *format),
        Export::Scores => Ok(report::scores_csv(report).into_bytes()),
        Export::Chart {
            chart,
            png: true,
            width,
        } => report::chart_png(report, *chart, *width),
        Export::Chart { chart, width, .. } => {
            Ok(report::chart_svg(report, *chart, *width).into_bytes())
        }
    };
    bytes.map_err(|e| e.to_string())
}
