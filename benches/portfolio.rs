//! Reading and summarising a portfolio of 10,000 assessment files, each the shipped workshop
//! questionnaire's questions repeated to 63 and answered by 30 participants with a full
//! touchpoint map: every file parsed, checked and scored in parallel, each organisation by its
//! latest assessment, percentiles and quartiles. The files are written to a temporary folder
//! first (about 2.5 GB; 16 sets of answers, 8,000 organisations, some assessed twice).
//!
//! `cargo bench --bench portfolio`. `PORTFOLIO_FILES=500` reads fewer; `PORTFOLIO_KEEP=DIR`
//! writes the folder to DIR and keeps it, to measure `convergence portfolio DIR` itself
//! (`/usr/bin/time -v` for its peak memory).

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};

use convergence::files;
use convergence::model::Answer;
use convergence::portfolio::read_portfolio;

// Each bench uses its own part of the shared workshop builder.
#[allow(dead_code)]
mod common;
use common::workshop_with;

const QUESTIONS: usize = 63;
const VARIANTS: usize = 16;

/// The number of files to read: 10,000 unless `PORTFOLIO_FILES` says otherwise.
fn file_count() -> usize {
    std::env::var("PORTFOLIO_FILES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000)
}

/// Writes `count` assessment files under `folder`, 100 to a sub-folder.
fn write_portfolio(folder: &Path, count: usize) {
    let base = workshop_with(QUESTIONS);
    let texts: Vec<String> = (0..VARIANTS)
        .map(|v| {
            let mut a = base.clone();
            // Each set of answers shifted by its own amount, so the organisations differ.
            for (p, participant) in a.participants.iter_mut().enumerate() {
                for response in participant.responses.values_mut() {
                    if let Answer::Level(l) = response.current {
                        response.current = Answer::Level(1 + (l as usize + v * (p % 3)) as u8 % 5);
                    }
                }
            }
            a.organisation = "ORGANISATION".into();
            a.date = "2024-01-01".into();
            files::assessment_to_ron(&a, folder).expect("encodes")
        })
        .collect();
    for i in 0..count {
        let sub = folder.join(format!("team-{:02}", i % 100));
        std::fs::create_dir_all(&sub).expect("a sub-folder");
        // 8,000 organisations in 10,000 files: a fifth assessed again a year later.
        let organisation = format!("Organisation {}", i % (count * 4 / 5).max(1));
        let date = if i < count * 4 / 5 {
            "2024-01-01"
        } else {
            "2025-01-01"
        };
        let text = texts[i % VARIANTS]
            .replacen("\"ORGANISATION\"", &format!("{organisation:?}"), 1)
            .replacen("\"2024-01-01\"", &format!("{date:?}"), 1);
        std::fs::write(sub.join(format!("assessment-{i:05}.ron")), text).expect("written");
    }
}

fn benches(c: &mut Criterion) {
    let count = file_count();
    let temporary = tempfile::tempdir().expect("a temporary folder");
    let kept = std::env::var_os("PORTFOLIO_KEEP").map(std::path::PathBuf::from);
    let folder = kept
        .clone()
        .unwrap_or_else(|| temporary.path().to_path_buf());
    std::fs::create_dir_all(&folder).expect("the folder");
    write_portfolio(&folder, count);
    // The files must be ones the app accepts, or the bench measures errors.
    let portfolio = read_portfolio(&folder).expect("the folder reads");
    assert!(
        portfolio.errors.is_empty(),
        "{:?}",
        portfolio.errors.first()
    );
    assert_eq!(portfolio.assessments.len(), count * 4 / 5);

    let mut group = c.benchmark_group(format!("portfolio of {count} files"));
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(20))
        .warm_up_time(Duration::from_secs(1));
    group.bench_function("portfolio::read_portfolio", |b| {
        b.iter(|| read_portfolio(black_box(&folder)).expect("reads"))
    });
    group.finish();
    if let Some(kept) = kept {
        println!("portfolio kept in {}", kept.display());
    }
}

criterion_group!(portfolio_benches, benches);
criterion_main!(portfolio_benches);
