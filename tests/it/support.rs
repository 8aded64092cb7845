//! Shared builders for the integration tests: a small questionnaire built in code, assessments
//! taken with it, touchpoints, and small helpers to find lines in RON text and compare floats.
//!
//! The questionnaire is small enough to work every score out by hand:
//!
//! | dimension | weight | questions (weight)  |
//! | --------- | ------ | ------------------- |
//! | `comm`    | 2      | `c1` (1), `c2` (3)  |
//! | `value`   | 1      | `v1` (1), `v2` (1)  |
//! | `culture` | 3      | `k1` (2), `k2` (1)  |
//!
//! Scale 1–5; slope zones Silos 1.0, Aligned 1.8, Integrated 2.6, Converged 3.4, Fused 4.2,
//! practice weight 0.7, engagement weight 0.3; touchpoint catalogue of 3 business roles
//! (`ceo`, `bu-head`, `user`) × 3 IT roles (`cio`, `partner`, `desk`) = 9 pairs.

use std::path::{Path, PathBuf};

use convergence::scoring::{DimensionScore, QuestionScore, Scores};

use convergence::model::{
    ActionItem, ActionStatus, Aggregation, Answer, Assessment, Audience, Channel, Dimension,
    Engagement, Frequency, Improvement, Level, Participant, Question, Questionnaire, Response,
    Role, Round, Scale, ScaleLevel, Side, Slope, Touchpoint, TouchpointCatalogue, Zone,
};

/// Tolerance for comparing hand-worked figures (written to six decimals) with computed ones.
pub const EPS: f64 = 1e-6;

/// The small questionnaire described in the module doc.
pub fn questionnaire() -> Questionnaire {
    Questionnaire {
        id: "small-test".into(),
        title: "Small test questionnaire".into(),
        version: "1.0".into(),
        language: "en".into(),
        description: "Built in code for the integration tests; small enough to score by hand."
            .into(),
        estimated_minutes: 10,
        core_minutes: 0,
        scale: Scale {
            levels: ["Initial", "Developing", "Defined", "Managed", "Optimised"]
                .iter()
                .zip(1u8..)
                .map(|(label, value)| ScaleLevel {
                    value,
                    label: (*label).into(),
                    description: format!("What {label} looks like."),
                })
                .collect(),
            dont_know: "Don't know".into(),
            not_applicable: "Not applicable".into(),
        },
        dimensions: vec![
            dimension("comm", "Communication", 2.0),
            dimension("value", "Value from usage", 1.0),
            dimension("culture", "People and culture", 3.0),
        ],
        questions: vec![
            question("c1", "comm", 1.0),
            question("c2", "comm", 3.0),
            question("v1", "value", 1.0),
            question("v2", "value", 1.0),
            question("k1", "culture", 2.0),
            question("k2", "culture", 1.0),
        ],
        touchpoints: TouchpointCatalogue {
            business_roles: vec![
                role("ceo", "Chief executive"),
                role("bu-head", "Business unit head"),
                role("user", "End user"),
            ],
            it_roles: vec![
                role("cio", "CIO"),
                role("partner", "Business relationship manager"),
                role("desk", "Service desk agent"),
            ],
            channels: vec![
                channel("steering", "Steering committee"),
                channel("sla-review", "SLA review"),
                channel("service-desk", "Service desk"),
                channel("joint-team", "Joint project team"),
            ],
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
                description: format!("The {name} stretch of the slope."),
            })
            .collect(),
            practice_weight: 0.7,
            engagement_weight: 0.3,
        },
    }
}

/// A dimension with one improvement action per step, `"<id> <from>→<from + 1>"`, and a second
/// action on the step from 2.
fn dimension(id: &str, name: &str, weight: f64) -> Dimension {
    Dimension {
        id: id.into(),
        name: name.into(),
        description: format!("How {name} works between IT and the business."),
        weight,
        improvements: (1u8..=4)
            .map(|from| {
                let mut actions = vec![improvement_action(id, from)];
                if from == 2 {
                    actions.push(format!("{id} {from}→{}: share the wins", from + 1));
                }
                Improvement { from, actions }
            })
            .collect(),
    }
}

/// The first improvement action of `dimension` for the step from `from`.
pub fn improvement_action(dimension: &str, from: u8) -> String {
    format!("{dimension} {from}→{}", from + 1)
}

fn question(id: &str, dimension: &str, weight: f64) -> Question {
    Question {
        id: id.into(),
        dimension: dimension.into(),
        text: format!("How does {id} look today?"),
        audience: Audience::Both,
        core: false,
        mirror: None,
        guidance: format!("Guidance for {id}."),
        levels: (1..=5).map(|l| format!("{id} at level {l}")).collect(),
        weight,
        improvements: Vec::new(),
    }
}

fn role(id: &str, name: &str) -> Role {
    Role {
        id: id.into(),
        name: name.into(),
    }
}

fn channel(id: &str, name: &str) -> Channel {
    Channel {
        id: id.into(),
        name: name.into(),
        description: String::new(),
    }
}

/// A new assessment of the small questionnaire, with nobody in it yet.
pub fn assessment() -> Assessment {
    let mut assessment = Assessment::new(questionnaire());
    assessment.organisation = "Acme Ltd".into();
    assessment.date = "2025-03-14".into();
    assessment
}

/// A question's scores, by id.
pub fn question_score<'a>(scores: &'a Scores, id: &str) -> &'a QuestionScore {
    scores
        .questions
        .iter()
        .find(|q| q.id == id)
        .expect("question scored")
}

/// A dimension's scores, by id.
pub fn dimension_score<'a>(scores: &'a Scores, id: &str) -> &'a DimensionScore {
    scores
        .dimensions
        .iter()
        .find(|d| d.id == id)
        .expect("dimension scored")
}

/// Shorthand for an answer on the scale.
pub fn lv(level: u8) -> Answer {
    Answer::Level(level)
}

/// Adds a participant giving `(question, current, target)` answers; returns their id.
pub fn add_participant(
    assessment: &mut Assessment,
    side: Side,
    answers: &[(&str, Answer, Answer)],
) -> String {
    let id = assessment.next_participant_id();
    assessment.participants.push(Participant {
        id: id.clone(),
        name: format!("Participant {id}"),
        side,
        ..Participant::default()
    });
    for &(question, current, target) in answers {
        set_answer(assessment, &id, question, current, target);
    }
    id
}

/// Sets (or replaces) one participant's answer to one question.
pub fn set_answer(
    assessment: &mut Assessment,
    participant: &str,
    question: &str,
    current: Answer,
    target: Answer,
) {
    let person = assessment
        .participants
        .iter_mut()
        .find(|p| p.id == participant)
        .unwrap_or_else(|| panic!("no participant {participant}"));
    let response = person.responses.entry(question.to_string()).or_default();
    response.current = current;
    response.target = target;
}

/// One new participant of `side` per entry of `currents`, each answering `question` with it
/// (target left blank).
pub fn add_voters(assessment: &mut Assessment, side: Side, question: &str, currents: &[Answer]) {
    for &current in currents {
        add_participant(assessment, side, &[(question, current, Answer::Blank)]);
    }
}

/// A touchpoint; `today` and `target` are `(frequency, effectiveness)`.
pub fn touchpoint(
    business_role: &str,
    it_role: &str,
    level: Level,
    channel: &str,
    today: (Frequency, Option<u8>),
    target: (Frequency, Option<u8>),
) -> Touchpoint {
    Touchpoint {
        business_role: business_role.into(),
        it_role: it_role.into(),
        level,
        channel: channel.into(),
        today: Engagement {
            frequency: today.0,
            effectiveness: today.1,
        },
        target: Engagement {
            frequency: target.0,
            effectiveness: target.1,
        },
    }
}

/// An assessment that uses every kind of field: answers of every kind, comments (with quotes,
/// a line break and non-ASCII text), earlier rounds, an external id, touchpoints, notes and
/// actions. For round trips.
pub fn full_assessment() -> Assessment {
    let mut a = assessment();
    a.facilitator = "Dana Ólafsdóttir".into();
    a.aggregation = Aggregation::Median;
    a.notes = "Workshop in the \"blue\" room.\nSecond line — with an em dash.".into();
    let it = add_participant(
        &mut a,
        Side::It,
        &[
            ("c1", lv(4), lv(5)),
            ("c2", Answer::DontKnow, lv(4)),
            ("v1", Answer::NotApplicable, Answer::NotApplicable),
            ("k1", lv(2), Answer::Blank),
        ],
    );
    let business = add_participant(
        &mut a,
        Side::Business,
        &[
            ("c1", lv(2), lv(4)),
            ("v2", Answer::Blank, lv(3)),
            ("k2", lv(1), Answer::DontKnow),
        ],
    );
    {
        let person = &mut a.participants[0];
        person.role = "Head of infrastructure".into();
        person.level = Some(Level::Tactical);
        person.external_id = "forms-response-17".into();
        let response = person.responses.get_mut("c1").expect("c1 answered");
        response.comment = "We say \"aligned\", they say 'late'.\nÇa dépend.".into();
        response.earlier_rounds = vec![
            Round {
                current: lv(2),
                target: lv(3),
            },
            Round {
                current: Answer::DontKnow,
                target: Answer::Blank,
            },
        ];
    }
    a.participants[1].level = Some(Level::Strategic);
    // A comment with no answer is still a response worth keeping.
    a.participants[1].responses.insert(
        "k1".into(),
        Response {
            comment: "Ask HR.".into(),
            ..Response::default()
        },
    );
    assert_eq!((it.as_str(), business.as_str()), ("p1", "p2"));
    a.touchpoints = vec![
        touchpoint(
            "ceo",
            "cio",
            Level::Strategic,
            "steering",
            (Frequency::Quarterly, Some(2)),
            (Frequency::Monthly, Some(4)),
        ),
        touchpoint(
            "user",
            "desk",
            Level::Operational,
            "service-desk",
            (Frequency::Daily, None),
            (Frequency::Daily, Some(5)),
        ),
        touchpoint(
            "bu-head",
            "partner",
            Level::Tactical,
            "joint-team",
            (Frequency::None, None),
            (Frequency::Weekly, Some(4)),
        ),
    ];
    a.actions = vec![
        ActionItem {
            dimensions: vec!["comm".into()],
            text: "Monthly café with each business unit".into(),
            owner: "CIO".into(),
            due: "2025-06-30".into(),
            status: ActionStatus::Agreed,
            ..ActionItem::default()
        },
        ActionItem {
            text: "Publish the wins".into(),
            status: ActionStatus::Done,
            ..ActionItem::default()
        },
    ];
    a
}

/// The assessment saved as `tests/data/assessment-v1.ron`, worked by hand in `cli.rs`:
///
/// | participant | side     | c1 | c2 | v1 | v2 | k1         | k2             |
/// | ----------- | -------- | -- | -- | -- | -- | ---------- | -------------- |
/// | p1          | IT       | 5  | 5  | 3  | 5  |            | not applicable |
/// | p2          | IT       | 2  | 4  | 3  | 5  |            |                |
/// | p3          | business | 1  | 4  | 3  | 5  | don't know |                |
///
/// Targets: 5 for c1, c2 and v2, 4 for v1; nobody has a level for culture. One touchpoint:
/// CEO–CIO steering committee, strategic, weekly at effectiveness 4, to be daily at 5.
pub fn sample_assessment() -> Assessment {
    let mut a = assessment();
    a.facilitator = "R. Consultant".into();
    a.aggregation = Aggregation::Mean;
    for (side, c1, c2) in [(Side::It, 5, 5), (Side::It, 2, 4), (Side::Business, 1, 4)] {
        add_participant(
            &mut a,
            side,
            &[
                ("c1", lv(c1), lv(5)),
                ("c2", lv(c2), lv(5)),
                ("v1", lv(3), lv(4)),
                ("v2", lv(5), lv(5)),
            ],
        );
    }
    set_answer(
        &mut a,
        "p1",
        "k2",
        Answer::NotApplicable,
        Answer::NotApplicable,
    );
    set_answer(&mut a, "p3", "k1", Answer::DontKnow, Answer::DontKnow);
    a.touchpoints.push(touchpoint(
        "ceo",
        "cio",
        Level::Strategic,
        "steering",
        (Frequency::Weekly, Some(4)),
        (Frequency::Daily, Some(5)),
    ));
    a
}

/// The questionnaire as RON text, the way a consultant would write it (4-space indents).
pub fn questionnaire_ron(questionnaire: &Questionnaire) -> String {
    ron::ser::to_string_pretty(questionnaire, ron::ser::PrettyConfig::default())
        .expect("the questionnaire serialises")
}

/// The 1-based line of the `n`-th (0-based) occurrence of `needle` in `text`.
#[track_caller]
pub fn nth_line_of(text: &str, needle: &str, n: usize) -> usize {
    let (offset, _) = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("{needle:?} occurs fewer than {} times", n + 1));
    text[..offset].matches('\n').count() + 1
}

/// The 1-based line of the first occurrence of `needle` in `text`.
#[track_caller]
pub fn line_of(text: &str, needle: &str) -> usize {
    nth_line_of(text, needle, 0)
}

/// Asserts that a score is present and within `EPS` of the hand-worked figure.
#[track_caller]
pub fn assert_close(actual: Option<f64>, expected: f64) {
    match actual {
        Some(value) => assert!(
            (value - expected).abs() < EPS,
            "expected {expected}, got {value} (off by {})",
            value - expected
        ),
        None => panic!("expected {expected}, got None"),
    }
}

/// A fixture under `tests/data/`.
pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// The names of the entries of a folder, sorted.
pub fn dir_entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("folder readable")
        .map(|entry| {
            entry
                .expect("entry readable")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}
