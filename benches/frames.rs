//! Frame cost of every screen with a full workshop: 30 participants × 150 questions answered and
//! a touchpoint map with every business-role × IT-role pair at every level. One frame is one
//! `Harness::step` of the real app (layout, drawing commands and the accessibility tree) plus
//! tessellating its shapes into triangles: all the CPU work of a frame but the GPU upload.
//!
//! `cargo bench --bench frames`

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use convergence::document::Document;
use convergence::document::Edit;
use convergence::files;
use convergence::model::Answer;
use convergence::scoring::Phase;
use convergence::ui::command::Command;
use convergence::ui::{App, AppEnv, Screen, ScriptedDialogs};

mod common;
use common::workshop;

/// One frame: the app's UI pass, then tessellation as the renderer would do it.
fn frame(harness: &mut Harness<'_, App>) -> usize {
    harness.step();
    let output = harness.output();
    harness
        .ctx
        .tessellate(output.shapes.clone(), output.pixels_per_point)
        .len()
}

fn frames(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("workshop.ron");
    files::save_assessment(&workshop(), &path).expect("the workshop saves");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(|cc| {
            let env = AppEnv {
                dialogs: Box::new(ScriptedDialogs::answering([])),
                data_dir: None,
                open: vec![path.clone()],
                jobs_in_line: true,
            };
            App::new(cc, env)
        });
    harness.run();
    assert!(harness.state().document().is_some(), "the workshop opened");

    let mut group = c.benchmark_group("frame, 30 participants x 150 questions");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(4));
    for screen in [
        Screen::Setup,
        Screen::Questionnaire,
        Screen::Touchpoints,
        Screen::Results,
    ] {
        harness.state_mut().push(Command::Show(screen));
        harness.run();
        group.bench_function(screen.name(), |b| b.iter(|| frame(&mut harness)));
    }
    harness
        .state_mut()
        .push(Command::Show(Screen::Questionnaire));
    harness.run();
    harness
        .get_by_label("one participant, dimension by dimension")
        .click();
    harness.run();
    group.bench_function("Questionnaire, one participant", |b| {
        b.iter(|| frame(&mut harness))
    });
    harness.state_mut().push(Command::Show(Screen::Results));
    harness.run();
    harness.get_by_label("Perception and consensus").click();
    harness.run();
    group.bench_function("Results, perception and consensus", |b| {
        b.iter(|| frame(&mut harness))
    });
    harness.state_mut().push(Command::Present(Some(0)));
    harness.run();
    group.bench_function("Presentation", |b| b.iter(|| frame(&mut harness)));
    group.finish();

    // What one key of fast entry costs beyond the frame: the edit, undo snapshot and rescoring.
    let mut document = Document::new(workshop(), None);
    let question = document.assessment.questionnaire.questions[0].id.clone();
    let mut level = 0;
    c.bench_function("one answer typed: edit and rescore, 30 x 150", |b| {
        b.iter(|| {
            level = level % 5 + 1;
            document.apply(Edit::Answer {
                participant: 3,
                question: question.clone(),
                phase: Phase::Current,
                answer: Answer::Level(level),
            });
        })
    });
}

criterion_group!(benches, frames);
criterion_main!(benches);
