//! What a report costs for a full workshop: 30 participants × 150 questions and a touchpoint
//! map with every business-role × IT-role pair at every level. The model and the HTML must
//! stay under 200 ms, the PDF under 1.5 s; the DOCX and a PNG chart are measured beside them.
//!
//! `cargo bench --bench report`

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use convergence::report::{self, Chart, Report};
use convergence::scoring;

mod common;

fn reports(c: &mut Criterion) {
    let assessment = common::workshop();
    let scores = scoring::score(&assessment);
    let built = Report::build(&assessment, &scores);
    let mut group = c.benchmark_group("report, 30 participants x 150 questions");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    group.bench_function("model and HTML", |b| {
        b.iter(|| report::html(&Report::build(black_box(&assessment), &scores)).len())
    });
    group.bench_function("PDF", |b| {
        b.iter(|| report::pdf(black_box(&built)).map(|pdf| pdf.len()))
    });
    group.bench_function("DOCX", |b| {
        b.iter(|| report::docx(black_box(&built)).map(|docx| docx.len()))
    });
    group.bench_function("heat map PNG, 860 px", |b| {
        b.iter(|| report::chart_png(black_box(&built), Chart::Heatmap, 860).map(|png| png.len()))
    });
    group.finish();
}

criterion_group!(benches, reports);
criterion_main!(benches);
