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
use convergence::model::{
    Answer, Assessment, Engagement, Frequency, Level, Participant, Response, Side, Touchpoint,
};
use convergence::scoring::Phase;
use convergence::ui::command::Command;
use convergence::ui::{App, AppEnv, Screen, ScriptedDialogs};

const PARTICIPANTS: usize = 30;
const QUESTIONS: usize = 150;

/// The shipped workshop questionnaire, its questions repeated to 150, answered by 30 people.
fn workshop() -> Assessment {
    let mut questionnaire = files::builtin_questionnaires().remove(0);
    let originals = questionnaire.questions.clone();
    questionnaire.questions = (0..QUESTIONS)
        .map(|i| {
            let mut q = originals[i % originals.len()].clone();
            q.id = format!("{}-{i}", q.id);
            q
        })
        .collect();
    let mut assessment = Assessment::new(questionnaire);
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut level = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % 5) as u8 + 1
    };
    for p in 0..PARTICIPANTS {
        let responses = assessment
            .questionnaire
            .questions
            .iter()
            .map(|q| {
                let current = level();
                let response = Response {
                    current: Answer::Level(current),
                    target: Answer::Level(current.max(level())),
                    ..Response::default()
                };
                (q.id.clone(), response)
            })
            .collect();
        assessment.participants.push(Participant {
            id: format!("p{}", p + 1),
            name: format!("Participant {}", p + 1),
            side: if p % 2 == 0 { Side::It } else { Side::Business },
            role: "Manager".into(),
            level: Some(Level::ALL[p % 3]),
            responses,
            ..Participant::default()
        });
    }
    let catalogue = assessment.questionnaire.touchpoints.clone();
    for business in &catalogue.business_roles {
        for it in &catalogue.it_roles {
            for (i, level) in Level::ALL.into_iter().enumerate() {
                assessment.touchpoints.push(Touchpoint {
                    business_role: business.id.clone(),
                    it_role: it.id.clone(),
                    level,
                    channel: catalogue.channels[i % catalogue.channels.len()].id.clone(),
                    today: Engagement {
                        frequency: Frequency::ALL[i + 1],
                        effectiveness: Some(3),
                    },
                    target: Engagement {
                        frequency: Frequency::Weekly,
                        effectiveness: Some(4),
                    },
                });
            }
        }
    }
    assessment
}

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
                open: Some(path.clone()),
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
