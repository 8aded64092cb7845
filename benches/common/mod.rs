//! The workshop the benchmarks measure: the shipped workshop questionnaire with its questions
//! repeated to 150, answered by 30 participants (half IT, half business, pseudo-random but
//! deterministic answers), and a touchpoint map with every business-role × IT-role pair at
//! every level.

use convergence::files;
use convergence::model::{
    Answer, Assessment, Engagement, Frequency, Level, Participant, Response, Side, Touchpoint,
};

const PARTICIPANTS: usize = 30;
const QUESTIONS: usize = 150;

/// The shipped workshop questionnaire, its questions repeated to 150, answered by 30 people.
pub fn workshop() -> Assessment {
    workshop_with(QUESTIONS)
}

/// The shipped workshop questionnaire, its questions repeated or cut to `questions`, answered
/// by 30 people.
pub fn workshop_with(questions: usize) -> Assessment {
    let mut questionnaire = files::builtin_questionnaires().remove(0);
    let originals = questionnaire.questions.clone();
    questionnaire.questions = (0..questions)
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
