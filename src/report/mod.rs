//! Reports: one model of everything a report says about an assessment, built from its scores
//! (`Report::build`), and the writers that read it — HTML, PDF (Typst, embedded), DOCX, the CSV
//! of every score, and each chart as SVG or PNG. No egui here: the window and the command line
//! call the same functions.
//!
//! ```
//! use convergence::files::builtin_questionnaires;
//! use convergence::model::Assessment;
//! use convergence::report::{self, Chart, Report};
//!
//! let assessment = Assessment::new(builtin_questionnaires().remove(1));
//! let report = Report::build(&assessment, &convergence::scoring::score(&assessment));
//! let html = report::html(&report);
//! assert!(html.contains("Executive summary"));
//! assert!(report::chart_svg(&report, Chart::Radar, 600).starts_with("<svg"));
//! ```

mod build;
pub mod charts;
mod docx;
pub mod fonts;
pub mod format;
mod html;
mod method;
mod model;
pub mod outline;
mod pdf;
mod plan;
mod progress;
mod scores;
mod scores_csv;
mod sections;
mod summary;
mod touchpoints;

pub use build::TITLE;
pub use charts::{Chart, chart_png, chart_svg};
pub use docx::docx;
pub use format::Figure;
pub use html::html;
pub use model::*;
pub use pdf::pdf;
pub use progress::{Benchmark, BenchmarkRow, TrendPage, TrendRow};
pub use scores_csv::{COLUMNS as SCORES_CSV_COLUMNS, neutralise, scores_csv};

/// Why a report or a chart could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("the PDF could not be laid out: {0}")]
    Pdf(String),
    #[error("the Word document could not be written: {0}")]
    Docx(String),
    #[error("the chart could not be drawn as PNG: {0}")]
    Png(String),
}

/// The formats a report is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Html,
    Pdf,
    Docx,
}

impl ReportFormat {
    pub const ALL: [ReportFormat; 3] = [ReportFormat::Html, ReportFormat::Pdf, ReportFormat::Docx];

    /// The file extension, also the name on the command line: `html`, `pdf`, `docx`.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Html => "html",
            ReportFormat::Pdf => "pdf",
            ReportFormat::Docx => "docx",
        }
    }

    /// The format a file name's extension names (any case), if any.
    pub fn from_path(path: &std::path::Path) -> Option<ReportFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        let extension = if extension == "htm" {
            "html".to_string()
        } else {
            extension
        };
        ReportFormat::ALL
            .into_iter()
            .find(|f| f.extension() == extension)
    }
}

/// The report in `format`, as the bytes of a file.
pub fn render(report: &Report, format: ReportFormat) -> Result<Vec<u8>, ReportError> {
    match format {
        ReportFormat::Html => Ok(html(report).into_bytes()),
        ReportFormat::Pdf => pdf(report),
        ReportFormat::Docx => docx(report),
    }
}
