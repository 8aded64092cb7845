//! The report as one self-contained HTML file: the app's font embedded as base64, the styles
//! inline, every chart as inline SVG. Nothing is fetched, so it opens offline, mails as one
//! attachment, prints with a page per section (no chart cut in two) and reads on a phone.

use std::fmt::Write;
use std::sync::LazyLock;

use base64::Engine;

use super::charts::{self, Chart};
use super::fonts;
use super::model::Report;
use super::outline::{self, Block, Section, Table};

/// The stylesheet (screen, phone and print).
const CSS: &str = include_str!("html.css");

/// The app's two faces as CSS data URLs, encoded once. Bold is embedded too: a browser's
/// synthetic bold is faint or missing, and the charts' bold labels are measured in the real face.
static FONT_FACE: LazyLock<String> = LazyLock::new(|| {
    [("normal", fonts::REGULAR), ("bold", fonts::BOLD)]
        .iter()
        .map(|(weight, face)| {
            format!(
                "@font-face {{ font-family: \"{}\"; font-weight: {weight}; src: url(data:font/ttf;base64,{}) format(\"truetype\"); }}\n",
                charts::svg::FONT_FAMILY,
                base64::engine::general_purpose::STANDARD.encode(face)
            )
        })
        .collect()
});

/// Text escaped for HTML, line breaks kept.
pub fn escape(text: &str) -> String {
    charts::svg::escape(text).replace('\n', "<br>")
}

/// The whole report as an HTML document.
pub fn html(report: &Report) -> String {
    let sections = outline::outline(report);
    let mut out = String::with_capacity(1_200_000);
    let title = match report.cover.organisation.trim() {
        "" => report.cover.title.clone(),
        organisation => format!("{} — {organisation}", report.cover.title),
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{}{CSS}</style>\n</head>\n<body>\n<main>\n",
        escape(&title),
        *FONT_FACE
    );
    for section in &sections {
        section_html(&mut out, report, section);
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn section_html(out: &mut String, report: &Report, section: &Section) {
    let heading = if section.id == "cover" { "h1" } else { "h2" };
    let _ = write!(
        out,
        "<section id=\"{id}\" class=\"{id}\">\n<{heading}>{}</{heading}>\n",
        escape(&section.title),
        id = section.id
    );
    for block in &section.blocks {
        block_html(out, report, block);
    }
    out.push_str("</section>\n");
}

fn block_html(out: &mut String, report: &Report, block: &Block) {
    match block {
        Block::Lead { text } => {
            let _ = writeln!(out, "<p class=\"lead\">{}</p>", escape(text));
        }
        Block::Paragraph { text } => {
            let _ = writeln!(out, "<p>{}</p>", escape(text));
        }
        Block::Note { text } => {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(text));
        }
        Block::Subheading { text } => {
            let _ = writeln!(out, "<h3>{}</h3>", escape(text));
        }
        Block::Minor { text } => {
            let _ = writeln!(out, "<h4>{}</h4>", escape(text));
        }
        Block::Bullets { items } => {
            out.push_str("<ul>\n");
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", escape(item));
            }
            out.push_str("</ul>\n");
        }
        Block::Pairs { pairs } => {
            out.push_str("<dl class=\"pairs\">\n");
            for pair in pairs {
                let _ = writeln!(
                    out,
                    "<dt>{}</dt><dd>{}</dd>",
                    escape(&pair.label),
                    escape(&pair.value)
                );
            }
            out.push_str("</dl>\n");
        }
        Block::Table(table) => table_html(out, table),
        Block::Chart { chart, caption } => chart_html(out, report, *chart, caption),
    }
}

fn table_html(out: &mut String, table: &Table) {
    let class = |numeric: bool| if numeric { " class=\"num\"" } else { "" };
    let _ = write!(
        out,
        "<div class=\"table\"><table class=\"{}\">\n<thead><tr>",
        table.class
    );
    for column in &table.columns {
        let _ = write!(
            out,
            "<th{}>{}</th>",
            class(column.numeric),
            escape(&column.title)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str(if row.strong {
            "<tr class=\"strong\">"
        } else {
            "<tr>"
        });
        for (cell, column) in row.cells.iter().zip(&table.columns) {
            let _ = write!(out, "<td{}>{}</td>", class(column.numeric), escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n");
}

fn chart_html(out: &mut String, report: &Report, chart: Chart, caption: &str) {
    let _ = writeln!(
        out,
        "<figure class=\"chart {}\">\n{}\n<figcaption>{}</figcaption>\n</figure>",
        chart.name(),
        charts::chart_svg(report, chart, charts::REPORT_WIDTH),
        escape(caption)
    );
}
