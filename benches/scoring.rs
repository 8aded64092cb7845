//! Benchmarks of the scoring core and the assessment file on a large workshop: 1,000
//! participants × 150 questions over 9 dimensions, with a 40-touchpoint map. Answers are
//! pseudo-random but deterministic, so runs compare.
//!
//! `cargo bench --bench scoring`; sample sizes are small so it finishes in a couple of minutes.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};

use convergence::files;
use convergence::model::{
    Answer, Assessment, Audience, Channel, Dimension, Engagement, Frequency, Improvement, Level,
    Participant, Question, Questionnaire, Response, Role, Scale, ScaleLevel, Side, Slope,
    Touchpoint, TouchpointCatalogue, Zone,
};
use convergence::scoring;

const PARTICIPANTS: usize = 1_000;
const QUESTIONS: usize = 150;
const DIMENSIONS: usize = 9;
const TOUCHPOINTS: usize = 40;

/// A small xorshift generator: deterministic answers without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn questionnaire() -> Questionnaire {
    let level_labels = ["Initial", "Developing", "Defined", "Managed", "Optimised"];
    let business: Vec<Role> = (1..=6)
        .map(|i| Role {
            id: format!("b{i}"),
            name: format!("Business role {i}"),
        })
        .collect();
    let it: Vec<Role> = (1..=5)
        .map(|i| Role {
            id: format!("i{i}"),
            name: format!("IT role {i}"),
        })
        .collect();
    Questionnaire {
        id: "bench".into(),
        title: "Benchmark questionnaire".into(),
        version: "1".into(),
        language: "en".into(),
        description: "Generated for the benchmarks.".into(),
        estimated_minutes: 90,
        core_minutes: 0,
        scale: Scale {
            levels: level_labels
                .iter()
                .zip(1u8..)
                .map(|(label, value)| ScaleLevel {
                    value,
                    label: (*label).into(),
                    description: format!("{label} practice."),
                })
                .collect(),
            dont_know: "Don't know".into(),
            not_applicable: "Not applicable".into(),
        },
        dimensions: (0..DIMENSIONS)
            .map(|d| Dimension {
                id: format!("d{d}"),
                name: format!("Dimension {d}"),
                description: format!("Dimension {d} of the benchmark."),
                weight: 1.0 + (d % 3) as f64 * 0.5,
                improvements: (1..=4)
                    .map(|from| Improvement {
                        from,
                        actions: vec![format!("Climb d{d} from {from}"), "Share the wins".into()],
                    })
                    .collect(),
            })
            .collect(),
        questions: (0..QUESTIONS)
            .map(|q| Question {
                id: format!("q{q:03}"),
                dimension: format!("d{}", q % DIMENSIONS),
                text: format!("How mature is practice {q} today?"),
                // A tenth asked of IT only and a tenth of the business only, as in a workshop.
                audience: match q % 10 {
                    3 => Audience::It,
                    7 => Audience::Business,
                    _ => Audience::Both,
                },
                core: q % 5 == 0,
                mirror: None,
                guidance: "Answer from evidence you can point to.".into(),
                levels: (1..=5)
                    .map(|l| format!("Practice {q} at level {l}"))
                    .collect(),
                weight: if q % 4 == 0 { 2.0 } else { 1.0 },
                improvements: (1..=4)
                    .map(|from| Improvement {
                        from,
                        actions: vec![format!("Climb q{q:03} from {from}")],
                    })
                    .collect(),
            })
            .collect(),
        touchpoints: TouchpointCatalogue {
            business_roles: business,
            it_roles: it,
            channels: ["steering", "sla-review", "service-desk", "joint-team"]
                .iter()
                .map(|id| Channel {
                    id: (*id).into(),
                    name: (*id).into(),
                    description: String::new(),
                })
                .collect(),
        },
        slope: Slope {
            zones: [
                ("Silos", 1.0),
                ("Aligned", 1.8),
                ("Integrated", 2.6),
                ("Converged", 3.4),
                ("Fused", 4.2),
            ]
            .iter()
            .map(|(name, from)| Zone {
                name: (*name).into(),
                from: *from,
                description: String::new(),
            })
            .collect(),
            practice_weight: 0.7,
            engagement_weight: 0.3,
        },
    }
}

fn answer(rng: &mut Rng) -> Answer {
    match rng.below(100) {
        0..=7 => Answer::DontKnow,
        8..=11 => Answer::NotApplicable,
        12..=14 => Answer::Blank,
        _ => Answer::Level(1 + rng.below(5) as u8),
    }
}

fn assessment() -> Assessment {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut a = Assessment::new(questionnaire());
    a.organisation = "Benchmark Ltd".into();
    for p in 0..PARTICIPANTS {
        let responses = a
            .questionnaire
            .questions
            .iter()
            .map(|q| {
                let current = answer(&mut rng);
                let target = match current {
                    Answer::Level(l) => Answer::Level((l + rng.below(3) as u8).min(5)),
                    other => other,
                };
                let comment = if rng.below(50) == 0 {
                    "We disagree on this one.".to_string()
                } else {
                    String::new()
                };
                (
                    q.id.clone(),
                    Response {
                        current,
                        target,
                        comment,
                        earlier_rounds: Vec::new(),
                    },
                )
            })
            .collect();
        a.participants.push(Participant {
            id: format!("p{}", p + 1),
            name: format!("Participant {}", p + 1),
            side: if p % 3 == 0 { Side::It } else { Side::Business },
            role: String::new(),
            level: Some(Level::ALL[p % 3]),
            responses,
            ..Participant::default()
        });
    }
    let engagement = |rng: &mut Rng| Engagement {
        frequency: Frequency::ALL[rng.below(6) as usize],
        effectiveness: Some(1 + rng.below(5) as u8),
    };
    a.touchpoints = (0..TOUCHPOINTS)
        .map(|t| Touchpoint {
            business_role: format!("b{}", 1 + rng.below(6)),
            it_role: format!("i{}", 1 + rng.below(5)),
            level: Level::ALL[t % 3],
            channel: "steering".into(),
            today: engagement(&mut rng),
            target: engagement(&mut rng),
        })
        .collect();
    a
}

fn benches(c: &mut Criterion) {
    let a = assessment();
    let path = Path::new("bench.ron");
    let text = files::assessment_to_ron(&a, path).expect("encodes");
    // The generated file must be one the app accepts, or the parse bench measures an error.
    assert_eq!(files::parse_assessment(&text, path).expect("parses"), a);

    let mut group = c.benchmark_group("1000 participants x 150 questions");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(4))
        .warm_up_time(Duration::from_secs(1));
    group.bench_function("scoring::score", |b| {
        b.iter(|| scoring::score(black_box(&a)))
    });

    group.sampling_mode(SamplingMode::Flat);
    group.bench_function("files::assessment_to_ron", |b| {
        b.iter(|| files::assessment_to_ron(black_box(&a), path).expect("encodes"))
    });
    let dir = tempfile::tempdir().expect("temporary folder");
    let target = dir.path().join("bench.ron");
    group.bench_function("files::save_assessment (to RON + atomic write)", |b| {
        b.iter(|| files::save_assessment(black_box(&a), &target).expect("saves"))
    });
    // Parsing takes about half a second: give its ten samples the time they need.
    group.measurement_time(Duration::from_secs(7));
    group.bench_function("files::parse_assessment", |b| {
        b.iter(|| files::parse_assessment(black_box(&text), path).expect("parses"))
    });
    group.finish();
    println!("assessment file: {:.1} MB", text.len() as f64 / 1e6);
}

criterion_group!(scoring_benches, benches);
criterion_main!(scoring_benches);
