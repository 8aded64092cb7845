//! Merging the files of participants who answered alone on their own laptops: the library call
//! and `convergence merge A.ron B.ron… -o OUT.ron`. A participant in two files is kept once and
//! reported; files taken with another questionnaire are refused naming the files; and the
//! merge scores exactly as one file holding all the participants.
//!
//! Fixtures in `tests/data/merge/` (mini questionnaire 1.0 unless said):
//! - `laptop-1.ron`: Ann Lee (IT), Bob Marsh (Business); one touchpoint, a note, one action.
//! - `laptop-2.ron`: "bob marsh" (Business again: a duplicate), Carla Diaz (IT), and an Ann Lee
//!   on the Business side (another person); the same touchpoint and a new one, another note,
//!   the same action and a new one. No organisation, date or facilitator.
//! - `other-questionnaire.ron`: taken with version 2.0 of the questionnaire.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use convergence::files::{self, MergeError, MergeSource, SameBecause, merge_assessments};
use convergence::model::{
    Aggregation, Answer, Assessment, Engagement, Frequency, Level, Participant, Response, Side,
    Touchpoint,
};
use convergence::scoring;
use proptest::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/merge")
        .join(name)
}

fn source(name: &str) -> MergeSource {
    let path = fixture(name);
    let assessment = files::load_assessment(&path).expect("the fixture loads");
    MergeSource { path, assessment }
}

/// The scores as the command line's JSON prints them: every field, compared at once.
fn score_json(assessment: &Assessment) -> serde_json::Value {
    serde_json::to_value(scoring::score(assessment)).expect("scores encode")
}

fn names(assessment: &Assessment) -> Vec<(&str, &str, Side)> {
    assessment
        .participants
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str(), p.side))
        .collect()
}

#[test]
fn two_laptops_with_an_overlapping_participant() {
    let merged = merge_assessments(vec![source("laptop-1.ron"), source("laptop-2.ron")])
        .expect("same questionnaire");
    let a = &merged.assessment;
    assert_eq!(
        names(a),
        [
            ("p1", "Ann Lee", Side::It),
            ("p2", "Bob Marsh", Side::Business),
            ("p3", "Carla Diaz", Side::It),
            ("p4", "Ann Lee", Side::Business),
        ],
        "bob marsh is kept once; Carla's p2 was taken and became p3; \
         the Business Ann Lee is someone else"
    );
    assert_eq!(merged.duplicates.len(), 1);
    let duplicate = &merged.duplicates[0];
    assert_eq!(duplicate.file, fixture("laptop-2.ron"));
    assert_eq!(duplicate.kept_file, fixture("laptop-1.ron"));
    assert_eq!(
        (duplicate.id.as_str(), duplicate.kept_id.as_str()),
        ("p1", "p2")
    );
    assert_eq!(duplicate.because, SameBecause::NameAndSide);
    // The Business Ann Lee is kept, and the merge says she may be the IT one.
    assert_eq!(merged.unclear.len(), 1);
    assert_eq!(merged.unclear[0].why, files::Unclear::NameOnOtherSide);
    assert_eq!(
        (
            merged.unclear[0].id.as_str(),
            merged.unclear[0].other_id.as_str()
        ),
        ("p4", "p1")
    );
    assert_eq!(merged.report_lines().len(), 2);
    let report = duplicate.to_string();
    assert!(
        report.contains("laptop-2.ron: participant \"bob marsh\"")
            && report.contains("laptop-1.ron as p2"),
        "{report}"
    );
    // The kept Bob has laptop-1's answers, not laptop-2's.
    let bob = &a.participants[1];
    assert_eq!(bob.responses["com-01"].current, Answer::Level(2));

    assert_eq!(a.organisation, "Acme Insurance");
    assert_eq!(a.date, "2024-03-05");
    assert_eq!(a.facilitator, "Jo Facilitator");
    assert_eq!(
        a.touchpoints.len(),
        2,
        "the shared touchpoint once, the new one added"
    );
    assert_eq!(
        a.notes,
        "Ann: the steering committee rarely meets.\n\nCarla: architecture is consulted late."
    );
    let actions: Vec<&str> = a.actions.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(
        actions,
        [
            "Hold the steering committee every month.",
            "Invite architecture to project kick-offs."
        ]
    );
    // Each of the four answered all six questions today and com-01, com-02 as a target.
    assert_eq!(files::count_answers(&a.participants), 4 * 8);
}

#[test]
fn the_merge_scores_as_one_file_holding_all_participants() {
    let merged = merge_assessments(vec![source("laptop-1.ron"), source("laptop-2.ron")])
        .expect("same questionnaire")
        .assessment;
    // By hand: laptop-1 plus laptop-2's Carla and Business Ann, and its new touchpoint.
    let mut one_file = source("laptop-1.ron").assessment;
    let laptop_2 = source("laptop-2.ron").assessment;
    one_file
        .participants
        .extend(laptop_2.participants[1..].iter().cloned());
    one_file.touchpoints.push(laptop_2.touchpoints[1].clone());
    assert_eq!(score_json(&merged), score_json(&one_file));

    // And the figure itself, worked by hand: com-01 today is 3 (Ann), 2 (Bob), 4 (Carla),
    // 2 (Business Ann) — mean 2.75; laptop-2's Bob (1) is not counted.
    let scores = scoring::score(&merged);
    let com_01 = scores.questions.iter().find(|q| q.id == "com-01").unwrap();
    assert_eq!(com_01.spread.count, 4);
    assert!(
        com_01.current.is_some_and(|m| (m - 2.75).abs() < 1e-9),
        "{:?}",
        com_01.current
    );
}

#[test]
fn merging_a_file_with_itself_adds_nobody() {
    let merged = merge_assessments(vec![source("laptop-2.ron"), source("laptop-2.ron")])
        .expect("same questionnaire");
    let alone = source("laptop-2.ron").assessment;
    assert_eq!(merged.assessment, alone);
    assert_eq!(
        merged.duplicates.len(),
        3,
        "each of its participants reported"
    );
}

#[test]
fn another_questionnaire_is_refused_naming_both_files() {
    let err = merge_assessments(vec![
        source("laptop-1.ron"),
        source("laptop-2.ron"),
        source("other-questionnaire.ron"),
    ])
    .expect_err("another version");
    assert!(matches!(err, MergeError::DifferentQuestionnaire { .. }));
    let message = err.to_string();
    assert!(
        message.contains("other-questionnaire.ron")
            && message.contains("laptop-1.ron")
            && message.contains("version 2.0")
            && message.contains("version 1.0"),
        "{message}"
    );
}

#[test]
fn a_hand_edited_copy_of_the_same_questionnaire_is_refused() {
    let mut edited = source("laptop-2.ron");
    edited.assessment.questionnaire.questions[2].weight = 3.0;
    let err = merge_assessments(vec![source("laptop-1.ron"), edited]).expect_err("edited");
    let message = err.to_string();
    assert!(matches!(err, MergeError::ChangedQuestionnaire { .. }));
    assert!(
        message.contains("laptop-1.ron")
            && message.contains("laptop-2.ron")
            && message.contains("question val-01"),
        "{message}"
    );
}

#[test]
fn the_same_form_response_with_a_corrected_side_is_one_person() {
    let mut first = source("laptop-1.ron");
    let mut second = source("laptop-1.ron");
    second.path = PathBuf::from("copy.ron");
    for p in [
        &mut first.assessment.participants[0],
        &mut second.assessment.participants[0],
    ] {
        p.external_id = "ID=1".into();
        p.export = "form-a".into();
    }
    second.assessment.participants[0].side = Side::Business;
    // Another export's ID=1 is someone else.
    second.assessment.participants[1].external_id = "ID=1".into();
    second.assessment.participants[1].export = "form-b".into();
    second.assessment.participants[1].name = "Dana".into();
    let merged = merge_assessments(vec![first, second]).unwrap();
    assert_eq!(
        merged
            .duplicates
            .iter()
            .map(|d| &d.because)
            .collect::<Vec<_>>(),
        [&SameBecause::ExternalId("ID=1".into())]
    );
    assert_eq!(merged.assessment.participants.len(), 3, "Dana is added");
}

#[test]
fn touchpoints_are_the_first_files_then_what_the_others_add() {
    let mut first = source("laptop-1.ron");
    let repeated = first.assessment.touchpoints[0].clone();
    first.assessment.touchpoints.push(repeated.clone());
    let second = source("laptop-2.ron");
    let added = second.assessment.touchpoints[1].clone();
    let merged = merge_assessments(vec![first, second]).unwrap().assessment;
    assert_eq!(
        merged.touchpoints,
        [repeated.clone(), repeated, added],
        "the first file is left as it is; laptop-2's copy of the shared one is not added"
    );
}

fn answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        4 => (1u8..=5).prop_map(Answer::Level),
        1 => Just(Answer::DontKnow),
        1 => Just(Answer::NotApplicable),
        1 => Just(Answer::Blank),
    ]
}

/// A participant's side and answers (today, target) to the six questions of mini.ron.
fn voter() -> impl Strategy<Value = (bool, Vec<(Answer, Answer)>)> {
    (
        any::<bool>(),
        proptest::collection::vec((answer(), answer()), 6),
    )
}

/// A touchpoint of the mini catalogue, one of a few variations.
fn touchpoint(level: usize, frequency: usize) -> Touchpoint {
    let frequency = Frequency::ALL[frequency % Frequency::ALL.len()];
    Touchpoint {
        business_role: "exec".into(),
        it_role: "cio".into(),
        level: Level::ALL[level % 3],
        channel: "steering".into(),
        today: Engagement {
            frequency,
            effectiveness: (frequency != Frequency::None).then_some(3),
        },
        target: Engagement {
            frequency: Frequency::Monthly,
            effectiveness: Some(4),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Split a room of participants over up to four laptops, merge: the scores are those of
    /// one file holding everyone, whatever the aggregation rule.
    #[test]
    fn scoring_the_merge_equals_scoring_one_file(
        voters in proptest::collection::vec(voter(), 0..12),
        laptops in proptest::collection::vec(0usize..4, 12),
        touchpoints in proptest::collection::vec((0usize..3, 0usize..6, 0usize..4), 0..6),
        rule in 0usize..3,
    ) {
        let base = source("laptop-1.ron").assessment;
        let questions: Vec<String> =
            base.questionnaire.questions.iter().map(|q| q.id.clone()).collect();
        let mut empty = base.clone();
        empty.participants.clear();
        empty.touchpoints.clear();
        empty.notes.clear();
        empty.actions.clear();
        empty.aggregation = [Aggregation::Mean, Aggregation::Median, Aggregation::WeakestLink][rule];
        let mut files = vec![empty.clone(); 4];
        let mut one_file = empty;
        for (index, (it, answers)) in voters.iter().enumerate() {
            let laptop = laptops[index];
            let participant = Participant {
                id: files[laptop].next_participant_id(),
                name: format!("Person {index}"),
                side: if *it { Side::It } else { Side::Business },
                responses: questions
                    .iter()
                    .zip(answers)
                    .map(|(q, (current, target))| {
                        let response =
                            Response { current: *current, target: *target, ..Response::default() };
                        (q.clone(), response)
                    })
                    .filter(|(_, r)| !r.is_empty())
                    .collect(),
                ..Participant::default()
            };
            files[laptop].participants.push(participant.clone());
        }
        // One file holds everyone in the order the merge adds them: laptop by laptop.
        for file in &files {
            one_file.participants.extend(file.participants.iter().cloned());
        }
        for (level, frequency, laptop) in &touchpoints {
            files[*laptop].touchpoints.push(touchpoint(*level, *frequency));
        }
        // The room's touchpoint map: the first laptop's as it is, then what the others add.
        one_file.touchpoints = files[0].touchpoints.clone();
        for file in &files[1..] {
            for t in &file.touchpoints {
                if !one_file.touchpoints.contains(t) {
                    one_file.touchpoints.push(t.clone());
                }
            }
        }
        let sources: Vec<MergeSource> = files
            .into_iter()
            .enumerate()
            .map(|(i, assessment)| MergeSource { path: format!("laptop-{i}.ron").into(), assessment })
            .collect();
        let merged = merge_assessments(sources).expect("same questionnaire");
        prop_assert!(merged.duplicates.is_empty());
        prop_assert_eq!(merged.assessment.participants.len(), voters.len());
        prop_assert_eq!(score_json(&merged.assessment), score_json(&one_file));
    }
}

// The command line.

fn convergence(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_convergence"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

#[test]
fn merge_command_writes_the_merge_and_reports_the_duplicate() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("workshop.ron");
    let (one, two) = (fixture("laptop-1.ron"), fixture("laptop-2.ron"));
    let output = convergence(&["merge", arg(&one), arg(&two), "-o", arg(&out)]);
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    let duplicate_line = format!(
        "{}: participant \"bob marsh\" (p1, Business) is already in {} as p2",
        two.display(),
        one.display()
    );
    assert!(err.lines().any(|l| l.starts_with(&duplicate_line)), "{err}");
    let unclear_line = format!(
        "{}: participant \"Ann Lee\" (p4, Business) may be p1 of {} (same name, other side); \
         kept both",
        two.display(),
        one.display()
    );
    assert!(err.lines().any(|l| l.starts_with(&unclear_line)), "{err}");
    assert!(
        err.contains(
            "merged 2 files: 4 participants, 32 answers; duplicates left out: 1; \
             kept although unclear: 1"
        ),
        "{err}"
    );
    let written = files::load_assessment(&out).expect("the merge is a valid assessment");
    let expected = merge_assessments(vec![source("laptop-1.ron"), source("laptop-2.ron")])
        .unwrap()
        .assessment;
    assert_eq!(written, expected);
}

#[test]
fn merge_command_refuses_another_questionnaire_and_writes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("workshop.ron");
    let (one, other) = (fixture("laptop-1.ron"), fixture("other-questionnaire.ron"));
    let output = convergence(&["merge", arg(&one), arg(&other), "--output", arg(&out)]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains(arg(&one)) && err.contains(arg(&other)) && err.contains("same questionnaire"),
        "{err}"
    );
    assert!(!out.exists(), "nothing written");
}

#[test]
fn merge_command_names_a_file_it_cannot_read() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("workshop.ron");
    let missing = folder.path().join("laptop-9.ron");
    let output = convergence(&[
        "merge",
        arg(&fixture("laptop-1.ron")),
        arg(&missing),
        "-o",
        arg(&out),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("laptop-9.ron"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());
}

#[test]
fn merge_command_needs_two_files() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("workshop.ron");
    let output = convergence(&["merge", arg(&fixture("laptop-1.ron")), "-o", arg(&out)]);
    assert!(!output.status.success());
    assert!(!out.exists());
}
