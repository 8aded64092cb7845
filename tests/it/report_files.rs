//! The report as PDF and DOCX, read back the way a reader's tools read them: the PDF's text
//! through `pdftotext` (poppler-utils) holds the organisation and the scores, with the PDF
//! engine's markup characters printed as typed; the DOCX unzips to a document with heading
//! styles, tables and images, and user text escaped.

use std::io::Read;
use std::process::Command;

use convergence::model::Assessment;
use convergence::report::{self, Report};

use crate::report::{built, workshop};

/// An organisation name full of Typst markup: each character must print as itself.
const MARKUP_NAME: &str = r"Acme #set [x] *bold* _it_ $x^2$ \ `raw` <lbl> @ref = - + ~ //";
const SCRIPT_NAME: &str = "<script>alert(1)</script>";

fn hostile() -> Assessment {
    let mut a = workshop();
    a.organisation = MARKUP_NAME.into();
    a.participants[1].name = SCRIPT_NAME.into();
    a
}

/// The text of a PDF as `pdftotext -layout` extracts it.
pub fn pdf_text(pdf: &[u8]) -> String {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("report.pdf");
    std::fs::write(&path, pdf).expect("PDF written");
    let output = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (apt-get install poppler-utils)");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 text")
}

#[test]
fn the_pdf_text_holds_the_organisation_and_the_scores_with_markup_printed_as_typed() {
    let a = hostile();
    let (scores, report) = built(&a);
    let pdf = report::pdf(&report).expect("the PDF is laid out");
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf_text(&pdf);
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(MARKUP_NAME),
        "the organisation as typed:\n{flat}"
    );
    // A table cell may wrap the name; every character is there, in order.
    let packed: String = text.split_whitespace().collect();
    assert!(
        packed.contains(SCRIPT_NAME),
        "the participant as typed:\n{text}"
    );
    for d in &scores.dimensions {
        let row = format!(
            "{} {:.2} {:.2} {:.2}",
            d.name,
            d.current.unwrap(),
            d.target.unwrap(),
            d.gap.unwrap()
        );
        assert!(flat.contains(&row), "{row} not in the PDF");
    }
    let o = &scores.overall;
    assert!(flat.contains(&format!(
        "Today: {:.2} — {}",
        o.slope.unwrap(),
        o.zone.as_deref().unwrap()
    )));
    assert!(flat.contains("Executive summary") && flat.contains("Appendix: the questions"));
    // Page numbers in the footer: "1 / N" on the first page.
    let pages = text.matches('\u{c}').count();
    assert!(pages >= 8, "a page per section at least: {pages}");
    assert!(flat.contains(&format!("1 / {pages}")), "page numbers");
}

#[test]
fn the_pdf_embeds_the_app_font_regular_and_bold() {
    let (_, report) = built(&workshop());
    let pdf = report::pdf(&report).expect("the PDF is laid out");
    let raw = String::from_utf8_lossy(&pdf);
    assert!(raw.contains("DejaVuSans-Bold"), "the bold face is embedded");
    assert!(raw.contains("DejaVuSans"), "the regular face is embedded");
    assert!(
        raw.contains("/FontFile2"),
        "fonts are embedded, not referenced"
    );
}

/// The named part of a DOCX (a ZIP file), as text.
pub fn docx_part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a ZIP archive");
    let mut part = archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("no {name}"));
    let mut text = String::new();
    part.read_to_string(&mut text).expect("UTF-8 XML");
    text
}

#[test]
fn the_docx_unzips_to_a_document_with_headings_tables_and_images() {
    let a = hostile();
    let (scores, report) = built(&a);
    let docx = report::docx(&report).expect("the DOCX is written");
    let document = docx_part(&docx, "word/document.xml");
    let styles = docx_part(&docx, "word/styles.xml");
    for style in ["Heading1", "Heading2", "Heading3", "Title"] {
        assert!(
            styles.contains(&format!("w:styleId=\"{style}\"")),
            "{style} defined"
        );
        assert!(
            document.contains(&format!("<w:pStyle w:val=\"{style}\" />"))
                || document.contains(&format!("<w:pStyle w:val=\"{style}\"/>")),
            "{style} used"
        );
    }
    assert!(document.matches("<w:tbl>").count() >= 10, "the tables");
    assert_eq!(
        document.matches("<w:drawing>").count(),
        6,
        "a picture per chart"
    );
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx[..])).expect("a ZIP");
    let images: Vec<String> = archive
        .file_names()
        .filter(|n| n.starts_with("word/media/") && n.ends_with(".png"))
        .map(String::from)
        .collect();
    assert_eq!(images.len(), 6, "{images:?}");
    let mut png = Vec::new();
    archive
        .by_name(&images[0])
        .unwrap()
        .read_to_end(&mut png)
        .unwrap();
    assert_eq!(&png[1..4], b"PNG");
    // User text is escaped, and each score is in a table cell.
    assert!(
        !document.contains("<script>")
            && document.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    assert!(
        document.contains("Acme #set [x] *bold* _it_ $x^2$ \\ `raw` &lt;lbl&gt; @ref = - + ~ //")
    );
    for d in &scores.dimensions {
        assert!(
            document.contains(&format!(">{:.2}</w:t>", d.current.unwrap())),
            "{}",
            d.name
        );
    }
}

#[test]
fn an_empty_assessment_still_makes_every_format() {
    let a = crate::support::assessment();
    let report = Report::build(&a, &convergence::scoring::score(&a));
    let text = pdf_text(&report::pdf(&report).expect("a PDF"));
    assert!(text.contains("No answers on the scale yet"), "{text}");
    report::docx(&report).expect("a DOCX");
    assert!(report::html(&report).contains("No answers on the scale yet"));
}

#[test]
fn an_anonymous_report_names_nobody_in_the_pdf_or_the_docx() {
    let mut a = workshop();
    a.anonymous = true;
    let (_, report) = built(&a);
    let text = pdf_text(&report::pdf(&report).expect("a PDF"));
    let document = docx_part(&report::docx(&report).expect("a DOCX"), "word/document.xml");
    for output in [&text, &document] {
        assert!(!output.contains("Ada Lovelace") && !output.contains("Participant p"));
        assert!(
            !output.contains("Head of infrastructure"),
            "roles can name a person"
        );
        assert!(output.contains("P3"), "codes instead");
    }
}
