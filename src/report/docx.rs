//! The report as an editable Word document, for consultants who rewrite the findings: the same
//! outline as the HTML, with real heading styles (so Word's navigation and table of contents
//! work), tables, bullet lists, and the charts as PNG images. docx-rs escapes XML markup; this
//! writer drops the control characters XML does not allow and turns line breaks into breaks.

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, Footer, IndentLevel, Level, LevelJc,
    LevelText, NumberFormat, Numbering, NumberingId, PageMargin, PageNum, Paragraph, Pic, Run,
    RunFonts, Shading, SpecialIndentType, Start, Style, StyleType, Table as DocxTable, TableCell,
    TableRow, WidthType,
};

use super::ReportError;
use super::charts::{self, Chart};
use super::model::Report;
use super::outline::{self, Block, Table};

/// The bullet list's numbering id.
const BULLETS: usize = 1;
/// A4 in twentieths of a point, and margins of 2 cm.
const A4: (u32, u32) = (11_906, 16_838);
const MARGIN: i32 = 1_134;
/// The width images are shown at: the text width of an A4 page, in EMU.
const IMAGE_WIDTH_EMU: u64 = 16 * 360_000;

/// The report as the bytes of a DOCX file.
pub fn docx(report: &Report) -> Result<Vec<u8>, ReportError> {
    let mut doc = document_frame(report);
    for section in outline::outline(report) {
        let (style, title) = if section.id == "cover" {
            ("Title", &section.title)
        } else {
            ("Heading1", &section.title)
        };
        doc = doc.add_paragraph(
            text_paragraph(title)
                .style(style)
                .page_break_before(section.id != "cover"),
        );
        for block in &section.blocks {
            doc = add_block(doc, report, block)?;
        }
    }
    let mut out = Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .map_err(|e| ReportError::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

/// Page, fonts, styles, bullets and the footer with page numbers.
fn document_frame(report: &Report) -> Docx {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .size(size)
            .bold()
            .color("1A1A1A")
            .outline_lvl(level)
    };
    let footer_text = match report.cover.organisation.trim() {
        "" => report.cover.title.clone(),
        organisation => format!("{organisation} · {}", report.cover.title),
    };
    Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("DejaVu Sans")
                .hi_ansi("DejaVu Sans")
                .cs("DejaVu Sans"),
        )
        .default_size(20)
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(48)
                .bold()
                .color("1F77B4"),
        )
        .add_style(heading("Heading1", "Heading 1", 32, 0).color("1F77B4"))
        .add_style(heading("Heading2", "Heading 2", 26, 1))
        .add_style(heading("Heading3", "Heading 3", 21, 2))
        .add_style(
            Style::new("Lead", StyleType::Paragraph)
                .name("Lead")
                .size(26)
                .bold(),
        )
        .add_style(
            Style::new("Note", StyleType::Paragraph)
                .name("Note")
                .size(17)
                .color("5F5F5F"),
        )
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("Caption")
                .size(17)
                .color("5F5F5F"),
        )
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(480),
                    Some(SpecialIndentType::Hanging(280)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Right)
                    .add_run(
                        Run::new()
                            .add_text(clean(&footer_text))
                            .size(16)
                            .color("5F5F5F"),
                    )
                    .add_run(Run::new().add_text(" · page ").size(16).color("5F5F5F"))
                    .add_page_num(PageNum::new()),
            ),
        )
}

fn add_block(doc: Docx, report: &Report, block: &Block) -> Result<Docx, ReportError> {
    Ok(match block {
        Block::Lead { text } => doc.add_paragraph(text_paragraph(text).style("Lead")),
        Block::Paragraph { text } => doc.add_paragraph(text_paragraph(text)),
        Block::Note { text } => doc.add_paragraph(text_paragraph(text).style("Note")),
        Block::Subheading { text } => doc.add_paragraph(text_paragraph(text).style("Heading2")),
        Block::Minor { text } => doc.add_paragraph(text_paragraph(text).style("Heading3")),
        Block::Bullets { items } => items.iter().fold(doc, |doc, item| {
            doc.add_paragraph(
                text_paragraph(item).numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
            )
        }),
        Block::Pairs { pairs } => pairs.iter().fold(doc, |doc, pair| {
            let label = Run::new()
                .add_text(clean(&format!("{}: ", pair.label)))
                .bold();
            doc.add_paragraph(with_lines(
                Paragraph::new().add_run(label),
                &pair.value,
                false,
            ))
        }),
        Block::Table(table) => doc.add_table(table_docx(table)),
        Block::Chart { chart, caption } => {
            let image = chart_image(report, *chart)?;
            doc.add_paragraph(
                Paragraph::new()
                    .keep_next(true)
                    .add_run(Run::new().add_image(image)),
            )
            .add_paragraph(text_paragraph(caption).style("Caption"))
        }
    })
}

/// A chart as a PNG drawn at twice the report's width, shown across the text width.
fn chart_image(report: &Report, chart: Chart) -> Result<Pic, ReportError> {
    let png = charts::rasterise(&charts::chart_svg(report, chart, charts::REPORT_WIDTH * 2))?;
    let height_emu = IMAGE_WIDTH_EMU * u64::from(png.height) / u64::from(png.width.max(1));
    let to_u32 = |emu: u64| u32::try_from(emu).unwrap_or(u32::MAX);
    Ok(Pic::new_with_dimensions(png.bytes, png.width, png.height)
        .size(to_u32(IMAGE_WIDTH_EMU), to_u32(height_emu)))
}

fn table_docx(table: &Table) -> DocxTable {
    let cell = |text: &str, numeric: bool, bold: bool| {
        let mut paragraph = with_lines(Paragraph::new(), text, bold);
        if numeric {
            paragraph = paragraph.align(AlignmentType::Right);
        }
        TableCell::new().add_paragraph(paragraph)
    };
    let header = TableRow::new(
        table
            .columns
            .iter()
            .map(|c| cell(&c.title, c.numeric, true).shading(Shading::new().fill("EEEEEE")))
            .collect(),
    );
    let rows = table.rows.iter().map(|row| {
        TableRow::new(
            row.cells
                .iter()
                .zip(&table.columns)
                .map(|(text, column)| cell(text, column.numeric, row.strong))
                .collect(),
        )
        .cant_split()
    });
    DocxTable::new(std::iter::once(header).chain(rows).collect()).width(5000, WidthType::Pct)
}

fn text_paragraph(text: &str) -> Paragraph {
    with_lines(Paragraph::new(), text, false)
}

/// `text` added to `paragraph`, its line breaks kept as breaks.
fn with_lines(mut paragraph: Paragraph, text: &str, bold: bool) -> Paragraph {
    for (i, line) in text.split('\n').enumerate() {
        let mut run = Run::new();
        if bold {
            run = run.bold();
        }
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        paragraph = paragraph.add_run(run.add_text(clean(line)));
    }
    paragraph
}

/// Text without the control characters XML 1.0 does not allow (docx-rs escapes the rest).
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || *c == '\t')
        .collect()
}
