//! File → Export as a user meets it: the report, the scores and a chart written where the
//! dialog says, with what happened in the status bar; a wrong ending is refused, not guessed.

use std::path::{Path, PathBuf};

use convergence::files;
use convergence::report::Chart;
use convergence::ui::App;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::harness::app;
use crate::support::sample_assessment;

/// The sample assessment open in the window; its dialogs answer `answers` in turn.
fn open_sample(folder: &Path, answers: Vec<PathBuf>) -> Harness<'static, App> {
    let mut assessment = sample_assessment();
    assessment.organisation = "Acme <Insurance>".into();
    let file = folder.join("acme.ron");
    files::save_assessment(&assessment, &file).unwrap();
    let mut paths = vec![file];
    paths.extend(answers);
    let mut harness = app(folder, paths);
    harness.get_by_label("Open…").click();
    harness.run();
    harness
}

fn file_menu(harness: &mut Harness<'_, App>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

#[test]
fn export_report_writes_the_html_report_and_says_where() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("acme report.html");
    let mut harness = open_sample(folder.path(), vec![out.clone()]);
    file_menu(&mut harness, "Export report…");
    let html = std::fs::read_to_string(&out).expect("the report was written");
    assert!(
        html.contains("Acme &lt;Insurance&gt;"),
        "the organisation, escaped"
    );
    let status = format!("Exported to {}", out.display());
    assert_eq!(harness.state().status(), status);
    harness.get_by_label(&status);
}

#[test]
fn export_report_as_pdf_and_word_by_the_ending_chosen() {
    let folder = tempfile::tempdir().unwrap();
    let pdf = folder.path().join("acme.pdf");
    let docx = folder.path().join("acme.docx");
    let mut harness = open_sample(folder.path(), vec![pdf.clone(), docx.clone()]);
    file_menu(&mut harness, "Export report…");
    file_menu(&mut harness, "Export report…");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    assert!(
        std::fs::read(&docx).unwrap().starts_with(b"PK"),
        "a Word file is a zip"
    );
}

#[test]
fn export_scores_writes_a_csv_of_every_score() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("scores.csv");
    let mut harness = open_sample(folder.path(), vec![out.clone()]);
    file_menu(&mut harness, "Export scores…");
    let csv = std::fs::read_to_string(&out).expect("the scores were written");
    let dimensions = harness
        .state()
        .document()
        .unwrap()
        .assessment
        .questionnaire
        .dimensions
        .len();
    assert!(
        csv.lines().count() > dimensions,
        "a header and a row per score"
    );
}

#[test]
fn export_chart_writes_svg_or_png_by_the_ending() {
    let folder = tempfile::tempdir().unwrap();
    let svg = folder.path().join("radar.svg");
    let png = folder.path().join("radar.png");
    let mut harness = open_sample(folder.path(), vec![svg.clone(), png.clone()]);
    for _ in 0..2 {
        harness.get_by_label("File").click();
        harness.run();
        harness.get_by_label("Export chart").click();
        harness.run();
        let item = format!("{}…", Chart::Radar.title());
        harness.get_by_label(&item).click();
        harness.run();
    }
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
}

#[test]
fn a_report_with_an_ending_it_cannot_write_is_refused_and_nothing_is_written() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("report.txt");
    let mut harness = open_sample(folder.path(), vec![out.clone()]);
    file_menu(&mut harness, "Export report…");
    let error = harness
        .state()
        .error()
        .expect("the refusal is shown")
        .to_string();
    assert!(
        error.contains("report.txt") && error.contains(".pdf"),
        "{error}"
    );
    assert!(!out.exists());
}

/// Clicks the `nth` "Export chart…" on the screen.
fn export_chart_beside(harness: &mut Harness<'_, App>, nth: usize) {
    harness
        .get_all_by_label("Export chart…")
        .nth(nth)
        .expect("an Export chart… button beside the chart")
        .click();
    harness.run();
}

#[test]
fn each_chart_has_its_own_export_button_that_writes_that_chart() {
    let folder = tempfile::tempdir().unwrap();
    let order = [
        Chart::Slope,
        Chart::Radar,
        Chart::Perception,
        Chart::Spread,
        Chart::LevelMap,
        Chart::Heatmap,
    ];
    let outs: Vec<PathBuf> = order
        .iter()
        .map(|c| folder.path().join(format!("{}.svg", c.name())))
        .collect();
    let mut harness = open_sample(folder.path(), outs.clone());
    let screens: [(&[&str], usize); 4] = [
        (&["Results", "Overview"], 2),
        (&["Perception and consensus"], 2),
        (&["Touchpoints", "By level"], 1),
        (&["Heat map & gaps"], 1),
    ];
    for (clicks, buttons) in screens {
        for label in clicks {
            harness.get_by_label(label).click();
            harness.run();
        }
        for nth in 0..buttons {
            export_chart_beside(&mut harness, nth);
        }
    }
    for (chart, out) in order.iter().zip(&outs) {
        let svg = std::fs::read_to_string(out).expect("each chart was written");
        // The title as far as its first character that SVG escapes (the apostrophe).
        let plain = chart.title().split('\'').next().unwrap_or_default();
        let title = format!("<title>{plain}");
        assert!(
            svg.contains(&title),
            "{} holds {title}: {}",
            out.display(),
            &svg[..300.min(svg.len())]
        );
    }
}
