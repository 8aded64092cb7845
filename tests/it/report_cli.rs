//! `convergence report` and `convergence export` run as a user would: each format from the
//! extension or `--format`, the CSV of scores, charts as SVG and PNG at a width, and every bad
//! input refused with a message naming the file and exit code 1, nothing written.

use std::path::Path;
use std::process::{Command, Output};

use crate::report::workshop;

fn convergence(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_convergence"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A folder holding the workshop assessment as `workshop.ron`.
fn saved_workshop() -> (tempfile::TempDir, std::path::PathBuf) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("workshop.ron");
    convergence::files::save_assessment(&workshop(), &path).expect("saved");
    (folder, path)
}

#[track_caller]
fn succeeds(args: &[&str]) {
    let output = convergence(args);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
}

#[track_caller]
fn fails_naming(args: &[&str], file: &Path, needle: &str) {
    let output = convergence(args);
    assert_eq!(output.status.code(), Some(1), "{args:?}");
    let err = stderr(&output);
    assert!(err.contains(arg(file)) && err.contains(needle), "{err}");
}

#[test]
fn report_writes_each_format_from_the_extension_or_the_flag() {
    let (folder, input) = saved_workshop();
    let dir = folder.path();
    for (name, magic) in [
        ("r.html", &b"<!DOCTYPE html>"[..]),
        ("r.pdf", b"%PDF-"),
        ("r.docx", b"PK"),
    ] {
        let out = dir.join(name);
        succeeds(&["report", arg(&input), "-o", arg(&out)]);
        let bytes = std::fs::read(&out).expect("written");
        assert!(bytes.starts_with(magic), "{name}");
    }
    let out = dir.join("report.out");
    succeeds(&["report", arg(&input), "-o", arg(&out), "--format", "pdf"]);
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    let html = std::fs::read_to_string(dir.join("r.html")).unwrap();
    assert!(html.contains("Acme Ltd"));
}

#[test]
fn export_writes_the_scores_and_each_chart() {
    let (folder, input) = saved_workshop();
    let csv = folder.path().join("scores.csv");
    succeeds(&["export", arg(&input), "--scores", arg(&csv)]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with(
        "kind,id,dimension,name,current,target,gap,it,business,perception_gap,sd,n,rwg\n"
    ));
    assert_eq!(text.lines().count(), 1 + 3 + 6);
    for chart in convergence::report::Chart::ALL {
        let svg = folder.path().join(format!("{}.svg", chart.name()));
        succeeds(&[
            "export",
            arg(&input),
            "--chart",
            chart.name(),
            "-o",
            arg(&svg),
        ]);
        assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
        let png = folder.path().join(format!("{}.png", chart.name()));
        succeeds(&[
            "export",
            arg(&input),
            "--chart",
            chart.name(),
            "-o",
            arg(&png),
            "--width",
            "640",
        ]);
        let bytes = std::fs::read(&png).unwrap();
        assert_eq!(
            u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]),
            640
        );
    }
}

#[test]
fn bad_input_is_refused_naming_the_file_and_nothing_is_written() {
    let (folder, input) = saved_workshop();
    let dir = folder.path();
    let missing = dir.join("missing.ron");
    let out = dir.join("r.html");
    fails_naming(&["report", arg(&missing), "-o", arg(&out)], &missing, "");
    let broken = dir.join("broken.ron");
    std::fs::write(&broken, "(format_version: 2, organisation: ").unwrap();
    fails_naming(&["report", arg(&broken), "-o", arg(&out)], &broken, "");
    let odd = dir.join("r.txt");
    fails_naming(
        &["report", arg(&input), "-o", arg(&odd)],
        &odd,
        ".html, .pdf or .docx",
    );
    fails_naming(
        &["export", arg(&input), "--chart", "radar", "-o", arg(&odd)],
        &odd,
        ".svg or .png",
    );
    // The output may not be the assessment it reads, under any name.
    let before = std::fs::read(&input).unwrap();
    fails_naming(
        &["report", arg(&input), "-o", arg(&input), "--format", "html"],
        &input,
        "",
    );
    fails_naming(
        &["export", arg(&input), "--scores", arg(&input)],
        &input,
        "",
    );
    assert_eq!(
        std::fs::read(&input).unwrap(),
        before,
        "the input is untouched"
    );
    assert!(!out.exists() && !odd.exists(), "nothing written");
    let unknown = convergence(&["export", arg(&input), "--chart", "pie", "-o", "x.svg"]);
    assert_eq!(unknown.status.code(), Some(2), "clap's usage error");
    assert!(
        stderr(&unknown).contains("level-map"),
        "the charts are listed"
    );
}

#[test]
fn the_score_table_reads_the_reports_figures() {
    let (_folder, input) = saved_workshop();
    let output = convergence(&["score", arg(&input)]);
    assert!(output.status.success(), "{}", stderr(&output));
    let table = String::from_utf8(output.stdout).unwrap();
    let (_, report) = crate::report::built(&workshop());
    for d in &report.dimensions {
        let line = table
            .lines()
            .find(|l| l.starts_with(&d.name))
            .expect("a row");
        let cells: Vec<&str> = line[34..].split_whitespace().collect();
        let expected = [&d.current, &d.target, &d.gap].map(|f| f.text.as_str());
        assert_eq!([cells[0], cells[2], cells[3]], expected, "{line}");
        assert_eq!(cells[1], d.range, "the 90% range");
        assert_eq!(cells[7], d.sd.text, "sd");
    }
    assert!(
        table.contains("The questions the room disagrees on most"),
        "{table}"
    );
}
