//! Benchmarks of the file work that must stay linear however large the input: importing
//! 20,000 CSV rows, validating a questionnaire with 10,000 problems, merging 10,000 + 5,000
//! participants; and the command line's `import-csv` then `score` of 1,000 responses to the
//! workshop questionnaire, done in process (the same calls, without starting processes).
//!
//! `cargo bench --bench files`; sample sizes are small so it finishes in about a minute.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};

use convergence::files::{self, MergeSource, csv_import};
use convergence::model::{Assessment, Question, Questionnaire, Side};
use convergence::scoring;

/// The shipped workshop questionnaire.
fn workshop() -> Questionnaire {
    files::resolve_questionnaire("convergence-workshop").expect("built in")
}

/// A CSV export of `rows` respondents answering every question of `q`, with a Side column,
/// the way a form writes it (one heading per question, by id).
fn export(q: &Questionnaire, rows: usize) -> String {
    let mut text = String::from("ID,Name,Side");
    for question in &q.questions {
        text.push(',');
        text.push_str(&question.id);
    }
    text.push('\n');
    for row in 0..rows {
        let side = if row % 3 == 0 { "IT" } else { "Business" };
        text.push_str(&format!("{},Person {row},{side}", row + 1));
        for (k, _) in q.questions.iter().enumerate() {
            text.push_str(&format!(",{}", (row + k) % 5 + 1));
        }
        text.push('\n');
    }
    text
}

/// What `import-csv` does with the text: read, match, import.
fn import_text(q: &Questionnaire, text: &str) -> csv_import::ImportReport {
    let table = csv_import::read_table(text).expect("a table");
    let roles = csv_import::match_columns(q, &table.headers);
    csv_import::import(q, &table, &roles, &[])
}

/// A questionnaire whose 10,000 questions each sit in a dimension it does not have.
fn broken_questionnaire() -> String {
    let mut q = workshop();
    let template: Question = q.questions[0].clone();
    q.questions = (0..10_000)
        .map(|i| Question {
            id: format!("q{i}"),
            dimension: format!("nowhere-{i}"),
            ..template.clone()
        })
        .collect();
    let config = ron::ser::PrettyConfig::new().struct_names(false);
    ron::ser::to_string_pretty(&q, config).expect("encodes")
}

/// An assessment of `count` participants named from `first` on, answering every question.
fn room(q: &Questionnaire, first: usize, count: usize) -> Assessment {
    let report = import_text(q, &export(q, count));
    let mut a = Assessment::new(q.clone());
    a.participants = report.participants;
    for (i, p) in a.participants.iter_mut().enumerate() {
        p.name = format!("Person {}", first + i);
        p.side = if i % 2 == 0 { Side::It } else { Side::Business };
        p.export.clear();
    }
    a
}

fn linear_benches(c: &mut Criterion) {
    let q = workshop();
    let mut group = c.benchmark_group("linear file work");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));

    let rows = export(&q, 20_000);
    assert_eq!(import_text(&q, &rows).participants.len(), 20_000);
    group.bench_function("import 20,000 CSV rows", |b| {
        b.iter(|| import_text(&q, black_box(&rows)))
    });

    let broken = broken_questionnaire();
    let problems = match files::parse_questionnaire(&broken, Path::new("broken.ron")) {
        Err(files::FileError::Invalid { problems, .. }) => problems.len(),
        other => panic!("expected problems, got {other:?}"),
    };
    assert!(problems >= 10_000, "{problems}");
    group.bench_function("validate a questionnaire with 10,000 problems", |b| {
        b.iter(|| files::parse_questionnaire(black_box(&broken), Path::new("broken.ron")))
    });

    let (big, small) = (room(&q, 0, 10_000), room(&q, 10_000, 5_000));
    let sources = || {
        vec![
            MergeSource {
                path: "big.ron".into(),
                assessment: big.clone(),
            },
            MergeSource {
                path: "small.ron".into(),
                assessment: small.clone(),
            },
        ]
    };
    let merged = files::merge_assessments(sources()).expect("merges");
    assert_eq!(merged.assessment.participants.len(), 15_000);
    group.bench_function("merge 10,000 + 5,000 participants", |b| {
        b.iter_batched(sources, files::merge_assessments, BatchSize::LargeInput)
    });
    group.finish();
}

/// `import-csv` of 1,000 workshop responses to a file, then `score` of that file, in process.
fn import_then_score(c: &mut Criterion) {
    let q = workshop();
    let csv_text = export(&q, 1_000);
    let dir = tempfile::tempdir().expect("temporary folder");
    let csv = dir.path().join("responses.csv");
    let out = dir.path().join("workshop.ron");
    std::fs::write(&csv, &csv_text).expect("writes");
    let mut group = c.benchmark_group("command line work");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    group.bench_function("import-csv then score, 1,000 workshop responses", |b| {
        b.iter(|| {
            let q = files::resolve_questionnaire("convergence-workshop").expect("built in");
            let report = csv_import::import_file(&q, &csv, &[]).expect("imports");
            let mut a = Assessment::new(q);
            a.participants = report.participants;
            files::save_assessment(&a, &out).expect("saves");
            let opened = files::load_assessment(&out).expect("opens");
            black_box(scoring::score(&opened))
        })
    });
    group.finish();
}

criterion_group!(file_benches, linear_benches, import_then_score);
criterion_main!(file_benches);
