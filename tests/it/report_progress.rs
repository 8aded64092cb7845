//! The report's progress pages: `convergence report FILE -o OUT --earlier A --earlier B` adds
//! the trend (worked by hand in `trend.rs`), `--portfolio DIR` the organisation's position among
//! the portfolio's (worked by hand in `portfolio.rs`), in HTML, PDF and Word alike; the window's
//! export adds the position once a portfolio is read; every bad input named, nothing written.
//!
//! Beta (comm 2, value 4, culture 3) against the portfolio's other three, per dimension:
//! comm 2 against 3, 3, 5 → 0%; value 4 against 4, 1 → (1 + ½) / 2 = 75%; culture 3 against
//! 3, 3, 3 → 50%.

use std::path::{Path, PathBuf};

use convergence::files;
use convergence::portfolio::{self, read_portfolio};
use egui_kittest::kittest::Queryable;

use crate::portfolio::portfolio_folder;
use crate::progress_views::menu;
use crate::report_files::{docx_part, pdf_text};
use crate::trend::{answered, arg, convergence, rounds, saved, text};

/// One line of words: the PDF's layout and the HTML's line breaks set aside.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `convergence report ARGS…`, which must succeed; the bytes written to `out`.
fn report(args: &[&str], out: &Path) -> Vec<u8> {
    let mut all = vec!["report"];
    all.extend(args);
    all.extend(["-o", arg(out)]);
    let output = convergence(&all);
    assert!(output.status.success(), "{all:?}: {}", text(&output.stderr));
    std::fs::read(out).expect("the report was written")
}

/// `convergence report ARGS…`, which must fail naming `needle` and write nothing.
fn refused(args: &[&str], out: &Path, needle: &str) {
    let mut all = vec!["report"];
    all.extend(args);
    all.extend(["-o", arg(out)]);
    let output = convergence(&all);
    assert!(!output.status.success(), "{all:?} succeeded");
    let stderr = text(&output.stderr);
    assert!(stderr.contains(needle), "{needle:?} in {stderr}");
    assert!(!out.exists(), "nothing written");
}

/// Beta (comm 2, value 4, culture 3) saved as beta.ron in a new folder.
pub fn saved_beta() -> (tempfile::TempDir, PathBuf) {
    let data = tempfile::tempdir().unwrap();
    let beta = answered("Beta", "2024-06-01", [Some(2), Some(4), Some(3)]);
    let path = data.path().join("beta.ron");
    files::save_assessment(&beta, &path).unwrap();
    (data, path)
}

/// The three rounds saved as a.ron, b.ron, c.ron.
fn three_rounds() -> (tempfile::TempDir, Vec<PathBuf>) {
    let [first, second, third] = rounds();
    saved(&[("a", &first), ("b", &second), ("c", &third)])
}

const TREND_FIGURES: [&str; 7] = [
    "Progress since earlier assessments",
    "Slope position 1.67 2.50 3.17",
    "+2.00 Communication",
    "+2.00 People and culture",
    "-1.00 Value from usage",
    "Done by 2024-03-01: Joint roadmap (CIO)",
    "Done by 2025-03-01: Monthly café (CIO)",
];

#[test]
fn earlier_assessments_add_a_trend_page_to_the_html_pdf_and_word_report() {
    let (folder, paths) = three_rounds();
    let args = [
        arg(&paths[2]),
        "--earlier",
        arg(&paths[1]),
        "--earlier",
        arg(&paths[0]),
    ];
    let html = text(&report(&args, &folder.path().join("r.html")));
    assert!(html.contains(
        "<tr class=\"strong\"><td>Slope position</td><td class=\"num\">1.67</td>\
         <td class=\"num\">2.50</td><td class=\"num\">3.17</td></tr>"
    ));
    assert!(html.contains(
        "<tr><td>Communication</td><td class=\"num\">2.00</td><td class=\"num\">3.00</td>\
         <td class=\"num\">4.00</td></tr>"
    ));
    let pdf = flat(&pdf_text(&report(&args, &folder.path().join("r.pdf"))));
    let docx = docx_part(
        &report(&args, &folder.path().join("r.docx")),
        "word/document.xml",
    );
    for figure in TREND_FIGURES {
        if figure.starts_with("Slope position") {
            assert!(pdf.contains(figure), "{figure:?} in the PDF:\n{pdf}");
            continue;
        }
        assert!(html.contains(figure), "{figure:?} in the HTML");
        assert!(pdf.contains(figure), "{figure:?} in the PDF:\n{pdf}");
        assert!(docx.contains(figure), "{figure:?} in the Word document");
    }
    assert!(pdf.contains("Removed: End user – Service desk agent"));
}

#[test]
fn without_earlier_assessments_or_a_portfolio_the_report_has_no_progress_pages() {
    let (folder, paths) = three_rounds();
    let html = text(&report(&[arg(&paths[2])], &folder.path().join("r.html")));
    assert!(!html.contains("Progress since earlier assessments"));
    assert!(!html.contains("Among the organisations assessed"));
}

#[test]
fn a_portfolio_adds_the_position_per_dimension_and_the_literature_line() {
    let portfolio = portfolio_folder();
    let (data, path) = saved_beta();
    let args = [arg(&path), "--portfolio", arg(portfolio.path())];
    let html = text(&report(&args, &data.path().join("r.html")));
    let sentence = "Your position among 4 organisations assessed with this questionnaire: \
                    slope 2.83, above 0% of the other 3 (ties counted half; their median 3.17).";
    assert!(html.contains(sentence));
    for (name, score, others, above) in [
        ("Communication", "2.00", 3, "0%"),
        ("Value from usage", "4.00", 2, "75%"),
        ("People and culture", "3.00", 3, "50%"),
    ] {
        let row = format!(
            "<tr><td>{name}</td><td class=\"num\">{score}</td><td class=\"num\">{others}</td>\
             <td class=\"num\">{above}</td></tr>"
        );
        assert!(html.contains(&row), "{row}");
    }
    assert!(html.contains("Luftman and Kempaiah (2007) found most of the 197"));
    let pdf = flat(&pdf_text(&report(&args, &data.path().join("r.pdf"))));
    assert!(pdf.contains(sentence), "{pdf}");
    assert!(pdf.contains("Value from usage 4.00 2 75%"), "{pdf}");
    assert!(pdf.contains("Luftman and Kempaiah (2007)"));
}

#[test]
fn the_position_per_dimension_is_worked_by_hand() {
    let folder = portfolio_folder();
    let portfolio = read_portfolio(folder.path()).unwrap();
    let beta = answered("Beta", "2024-06-01", [Some(2), Some(4), Some(3)]);
    let position =
        portfolio::position(&portfolio, &beta, &convergence::scoring::score(&beta)).unwrap();
    let got: Vec<(&str, Option<f64>, usize, Option<f64>)> = position
        .dimensions
        .iter()
        .map(|d| (d.id.as_str(), d.score, d.others, d.percentile))
        .collect();
    assert_eq!(
        got,
        [
            ("comm", Some(2.0), 3, Some(0.0)),
            ("value", Some(4.0), 2, Some(75.0)),
            ("culture", Some(3.0), 3, Some(50.0)),
        ]
    );
    // Unanswered: a dimension without a score has no percentile, the others still count.
    let partial = answered("Zeta", "2024-06-01", [Some(3), None, Some(3)]);
    let position =
        portfolio::position(&portfolio, &partial, &convergence::scoring::score(&partial)).unwrap();
    assert_eq!(position.dimensions[1].score, None);
    assert_eq!(position.dimensions[1].percentile, None);
    assert_eq!(position.dimensions[1].others, 3);
}

#[test]
fn a_portfolio_with_no_one_to_compare_says_so() {
    let empty = tempfile::tempdir().unwrap();
    let (folder, paths) = three_rounds();
    let args = [arg(&paths[2]), "--portfolio", arg(empty.path())];
    let html = text(&report(&args, &folder.path().join("r.html")));
    assert!(
        html.contains(
            "No other organisation in the portfolio was assessed with this questionnaire"
        )
    );
    assert!(html.contains("Luftman and Kempaiah (2007)"));
}

#[test]
fn bad_earlier_files_and_portfolios_are_refused_naming_them() {
    let (folder, paths) = three_rounds();
    let out = folder.path().join("r.html");
    let notes = folder.path().join("notes.ron");
    std::fs::write(&notes, "not an assessment").unwrap();
    refused(
        &[arg(&paths[2]), "--earlier", arg(&notes)],
        &out,
        arg(&notes),
    );
    let missing = folder.path().join("gone.ron");
    refused(
        &[arg(&paths[2]), "--earlier", arg(&missing)],
        &out,
        arg(&missing),
    );
    let [first, ..] = rounds();
    let mut undated = first;
    undated.date.clear();
    let undated_path = folder.path().join("undated.ron");
    files::save_assessment(&undated, &undated_path).unwrap();
    refused(
        &[arg(&paths[2]), "--earlier", arg(&undated_path)],
        &out,
        "undated.ron: the assessment has no date",
    );
    let no_folder = folder.path().join("no such folder");
    refused(
        &[arg(&paths[2]), "--portfolio", arg(&no_folder)],
        &out,
        "cannot read the portfolio folder",
    );
    // The report never overwrites an assessment it read.
    let before = std::fs::read(&paths[0]).unwrap();
    let output = convergence(&[
        "report",
        arg(&paths[2]),
        "--earlier",
        arg(&paths[0]),
        "-o",
        arg(&paths[0]),
    ]);
    assert!(!output.status.success());
    assert_eq!(std::fs::read(&paths[0]).unwrap(), before);
}

#[test]
fn the_windows_report_has_the_position_once_a_portfolio_is_read() {
    let portfolio = portfolio_folder();
    let (data, path) = saved_beta();
    let out = data.path().join("beta.html");
    let answers = vec![path, portfolio.path().to_path_buf(), out.clone()];
    let mut harness = crate::harness::app(data.path(), answers);
    harness.get_by_label("Open…").click();
    harness.run();
    menu(&mut harness, "Portfolio…");
    harness.get_by_label("Choose folder…").click();
    harness.run();
    menu(&mut harness, "Export report…");
    let html = std::fs::read_to_string(&out).expect("the report was written");
    assert!(html.contains("Your position among 4 organisations"));
    assert!(html.contains("<td>Value from usage</td><td class=\"num\">4.00</td>"));
}
