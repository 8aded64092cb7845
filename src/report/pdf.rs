//! The report as a PDF the app makes itself: Typst, embedded as a library, lays out the same
//! outline as the HTML on A4 with page numbers, the app's font (regular and bold) embedded.
//! User text goes in as data (JSON through `sys.inputs`), never as markup.

use std::sync::LazyLock;

use serde::Serialize;
use typst::foundations::{Bytes, Dict, IntoValue};
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};
use typst_layout::PagedDocument;

use super::charts;
use super::model::Report;
use super::outline::{self, Section};
use super::{ReportError, fonts};

/// The Typst template.
const TEMPLATE: &str = include_str!("report.typ");

/// The engine, with its template and fonts, made once.
static ENGINE: LazyLock<TypstEngine<TypstTemplateMainFile>> = LazyLock::new(|| {
    TypstEngine::builder()
        .main_file(TEMPLATE)
        .fonts([fonts::REGULAR, fonts::BOLD])
        .build()
});

/// What the template reads from `sys.inputs.report`.
#[derive(Serialize)]
struct Input<'a> {
    title: &'a str,
    footer: String,
    sections: &'a [Section],
}

/// The report as the bytes of a PDF file.
pub fn pdf(report: &Report) -> Result<Vec<u8>, ReportError> {
    let sections = outline::outline(report);
    let footer = match report.cover.organisation.trim() {
        "" => report.cover.title.clone(),
        organisation => format!("{organisation} · {}", report.cover.title),
    };
    let input = Input {
        title: &report.cover.title,
        footer,
        sections: &sections,
    };
    let json = serde_json::to_vec(&input).map_err(|e| ReportError::Pdf(e.to_string()))?;
    let mut charts_dict = Dict::new();
    for chart in outline::charts_in(&sections) {
        let svg = charts::chart_svg(report, chart, charts::REPORT_WIDTH);
        charts_dict.insert(
            chart.name().into(),
            Bytes::new(svg.into_bytes()).into_value(),
        );
    }
    let mut inputs = Dict::new();
    inputs.insert("report".into(), Bytes::new(json).into_value());
    inputs.insert("charts".into(), charts_dict.into_value());
    let document: PagedDocument = ENGINE
        .compile_with_input(inputs)
        .output
        .map_err(|e| ReportError::Pdf(e.to_string()))?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|diagnostics| {
        let messages: Vec<String> = diagnostics.iter().map(|d| d.message.to_string()).collect();
        ReportError::Pdf(messages.join("; "))
    })
}
