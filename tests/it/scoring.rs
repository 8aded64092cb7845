//! The scoring core against hand-worked examples (question, dimension and overall scores under
//! each aggregation rule, targets and gaps, IT vs business, spread, disagreement, engagement,
//! the slope, ranked gaps) and the properties every assessment must keep.

use convergence::model::{
    Aggregation, Answer, Assessment, Audience, Frequency, Improvement, Level, Side, Touchpoint,
    TouchpointCatalogue,
};
use convergence::scoring::{self, MapState, Scores, Stats, engagement_index, slope_position};
use proptest::prelude::*;

use crate::support::{
    EPS, add_participant, add_voters, assert_close, assessment, dimension_score as dimension,
    improvement_action, lv, question_score as question, questionnaire, set_answer, touchpoint,
};

const DK: Answer = Answer::DontKnow;
const NA: Answer = Answer::NotApplicable;
const BLANK: Answer = Answer::Blank;

/// One participant answering every question of a dimension with the same current level.
fn answer_dimension(a: &mut Assessment, side: Side, dimension: &str, current: u8, target: u8) {
    let questions: Vec<String> = a
        .questionnaire
        .questions_in(dimension)
        .map(|q| q.id.clone())
        .collect();
    let answers: Vec<(&str, Answer, Answer)> = questions
        .iter()
        .map(|q| (q.as_str(), lv(current), lv(target)))
        .collect();
    add_participant(a, side, &answers);
}

// ---------------------------------------------------------------------------------------------
// Practice scores: questions, dimensions, overall.

#[test]
fn question_mean_leaves_out_dont_know_not_applicable_and_blank() {
    let mut a = assessment();
    add_participant(&mut a, Side::It, &[("c1", lv(2), lv(4))]);
    add_participant(&mut a, Side::Business, &[("c1", lv(4), lv(5))]);
    add_participant(&mut a, Side::Business, &[("c1", DK, lv(5))]);
    add_participant(&mut a, Side::It, &[("c1", NA, NA)]);
    let commenter = add_participant(&mut a, Side::It, &[("c1", BLANK, BLANK)]);
    a.participants
        .iter_mut()
        .find(|p| p.id == commenter)
        .unwrap()
        .responses
        .get_mut("c1")
        .unwrap()
        .comment = "No idea, but here is a comment".into();
    add_participant(&mut a, Side::Business, &[]); // answered nothing at all

    let scores = scoring::score(&a);
    let c1 = question(&scores, "c1");
    // current: (2 + 4) / 2 = 3.0 — as zeros the three non-answers would give 6 / 5 = 1.2.
    assert_close(c1.current, 3.0);
    // target: (4 + 5 + 5) / 3 = 4.6667 (the don't-know participant has a target).
    assert_close(c1.target, 14.0 / 3.0);
    assert_close(c1.gap, 14.0 / 3.0 - 3.0);
    assert_eq!(c1.spread.count, 2);
    assert_eq!(c1.target_spread.count, 3);
    assert_eq!((c1.dont_know, c1.not_applicable), (1, 1));
    // Questions nobody answered score None, not 0.
    assert_eq!(question(&scores, "c2").current, None);
    assert_eq!(question(&scores, "c2").spread, Stats::default());
}

#[test]
fn dimension_is_the_weighted_mean_of_its_questions() {
    let mut a = assessment();
    add_participant(
        &mut a,
        Side::It,
        &[("c1", lv(2), BLANK), ("c2", lv(4), BLANK)],
    );
    let scores = scoring::score(&a);
    // comm = (c1 2 × 1 + c2 4 × 3) / (1 + 3) = 14 / 4 = 3.5 (the plain mean would be 3.0).
    assert_close(dimension(&scores, "comm").current, 3.5);
    assert_eq!(dimension(&scores, "comm").answered, 2);
    assert_eq!(dimension(&scores, "comm").questions, 2);
}

#[test]
fn a_question_nobody_answered_is_left_out_of_its_dimension() {
    let mut a = assessment();
    add_participant(&mut a, Side::It, &[("c2", lv(4), BLANK), ("c1", DK, BLANK)]);
    let scores = scoring::score(&a);
    // Only c2 has an answer: comm = 4 × 3 / 3 = 4.0 (counting c1 as 0 would give 3.0).
    assert_close(dimension(&scores, "comm").current, 4.0);
    assert_eq!(dimension(&scores, "comm").answered, 1);
}

#[test]
fn overall_is_the_weighted_mean_of_the_dimensions() {
    let mut a = assessment();
    add_participant(
        &mut a,
        Side::It,
        &[
            ("c1", lv(2), BLANK),
            ("c2", lv(4), BLANK),
            ("v1", lv(2), BLANK),
            ("v2", lv(2), BLANK),
            ("k1", lv(5), BLANK),
            ("k2", lv(2), BLANK),
        ],
    );
    let scores = scoring::score(&a);
    // comm    = (2 × 1 + 4 × 3) / 4 = 3.5
    // value   = (2 + 2) / 2         = 2.0
    // culture = (5 × 2 + 2 × 1) / 3 = 4.0
    // overall = (3.5 × 2 + 2.0 × 1 + 4.0 × 3) / (2 + 1 + 3) = 21 / 6 = 3.5
    // (the unweighted mean of the dimensions would be 3.1667)
    assert_close(dimension(&scores, "comm").current, 3.5);
    assert_close(dimension(&scores, "value").current, 2.0);
    assert_close(dimension(&scores, "culture").current, 4.0);
    assert_close(scores.overall.current, 3.5);
}

#[test]
fn a_dimension_nobody_answered_is_none_and_left_out_of_the_overall() {
    let mut a = assessment();
    add_participant(
        &mut a,
        Side::It,
        &[
            ("c1", lv(2), BLANK),
            ("c2", lv(4), BLANK),
            ("v1", lv(2), BLANK),
            ("v2", lv(2), BLANK),
            ("k1", DK, BLANK),
            ("k2", NA, BLANK),
        ],
    );
    let scores = scoring::score(&a);
    let culture = dimension(&scores, "culture");
    assert_eq!(culture.current, None);
    assert_eq!(culture.it, None);
    assert_eq!(culture.answered, 0);
    assert_eq!(culture.spread.count, 0);
    // overall = (3.5 × 2 + 2.0 × 1) / (2 + 1) = 3.0; with culture as 0 it would be 9 / 6 = 1.5.
    assert_close(scores.overall.current, 3.0);
    // No target answers at all: no target, no gap, and no gap to rank.
    assert_eq!(scores.overall.target, None);
    assert_eq!(scores.overall.gap, None);
    assert!(scores.gaps.is_empty());
}

#[test]
fn an_assessment_without_answers_has_no_scores_at_all() {
    let mut a = assessment();
    add_participant(&mut a, Side::It, &[("c1", DK, DK)]);
    let scores = scoring::score(&a);
    let o = &scores.overall;
    for value in [
        o.current,
        o.target,
        o.gap,
        o.it,
        o.business,
        o.perception_gap,
    ] {
        assert_eq!(value, None);
    }
    assert_eq!(
        (o.engagement, o.slope, o.zone.as_deref()),
        (None, None, None)
    );
    assert!(
        scores
            .dimensions
            .iter()
            .all(|d| d.current.is_none() && d.answered == 0)
    );
}

#[test]
fn targets_gaps_it_business_and_perception_gap() {
    let mut a = assessment();
    // side, c1 (current, target), c2 (current, target), v1 (current, target)
    for (side, c1, c2, v1) in [
        (Side::It, (4, 5), (3, 4), (4, 3)),
        (Side::It, (5, 5), (3, 4), (4, 3)),
        (Side::Business, (2, 4), (1, 4), (2, 3)),
        (Side::Business, (3, 4), (1, 4), (2, 3)),
    ] {
        add_participant(
            &mut a,
            side,
            &[
                ("c1", lv(c1.0), lv(c1.1)),
                ("c2", lv(c2.0), lv(c2.1)),
                ("v1", lv(v1.0), lv(v1.1)),
            ],
        );
    }
    let scores = scoring::score(&a);

    // c1: current 14/4 = 3.5, target 18/4 = 4.5, gap 1.0; IT (4+5)/2 = 4.5, business
    // (2+3)/2 = 2.5, perception gap 2.0.
    let c1 = question(&scores, "c1");
    assert_close(c1.current, 3.5);
    assert_close(c1.target, 4.5);
    assert_close(c1.gap, 1.0);
    assert_close(c1.it, 4.5);
    assert_close(c1.business, 2.5);
    assert_close(c1.perception_gap, 2.0);

    // comm (c1 × 1, c2 × 3): c2 current 2.0, target 4.0, IT 3.0, business 1.0.
    // current  (3.5 + 2.0 × 3) / 4 = 2.375    target   (4.5 + 4.0 × 3) / 4 = 4.125
    // IT       (4.5 + 3.0 × 3) / 4 = 3.375    business (2.5 + 1.0 × 3) / 4 = 1.375
    let comm = dimension(&scores, "comm");
    assert_close(comm.current, 2.375);
    assert_close(comm.target, 4.125);
    assert_close(comm.gap, 1.75);
    assert_close(comm.it, 3.375);
    assert_close(comm.business, 1.375);
    assert_close(comm.perception_gap, 2.0);

    // value: v1 only; current 3.0, target 3.0 (IT wants less than it claims), IT 4, business 2.
    let value = dimension(&scores, "value");
    assert_close(value.current, 3.0);
    assert_close(value.gap, 0.0);
    assert_close(value.perception_gap, 2.0);

    // overall (comm × 2, value × 1):
    // current (2.375 × 2 + 3) / 3 = 2.583333   target   (4.125 × 2 + 3) / 3 = 3.75
    // IT      (3.375 × 2 + 4) / 3 = 3.583333   business (1.375 × 2 + 2) / 3 = 1.583333
    let o = &scores.overall;
    assert_close(o.current, 7.75 / 3.0);
    assert_close(o.target, 3.75);
    assert_close(o.gap, 3.75 - 7.75 / 3.0);
    assert_close(o.it, 10.75 / 3.0);
    assert_close(o.business, 4.75 / 3.0);
    assert_close(o.perception_gap, 2.0);
}

#[test]
fn perception_gap_needs_both_sides() {
    let mut a = assessment();
    add_participant(&mut a, Side::It, &[("c1", lv(4), BLANK)]);
    add_participant(&mut a, Side::Business, &[("c2", lv(2), BLANK)]);
    let scores = scoring::score(&a);
    let c1 = question(&scores, "c1");
    assert_close(c1.it, 4.0);
    assert_eq!((c1.business, c1.perception_gap), (None, None));
    // Both sides answered something in comm, but not the same question: IT's 4 on c1 and the
    // business's 2 on c2 are not like with like, so there is no perception gap.
    let comm = dimension(&scores, "comm");
    assert_eq!(
        (comm.it, comm.business, comm.perception_gap),
        (None, None, None)
    );
    assert_eq!(scores.overall.perception_gap, None);
}

#[test]
fn perception_gap_uses_only_the_questions_both_sides_answered() {
    let mut a = assessment();
    for _ in 0..2 {
        add_participant(
            &mut a,
            Side::It,
            &[("c1", lv(4), BLANK), ("c2", lv(5), BLANK)],
        );
        add_participant(&mut a, Side::Business, &[("c1", lv(3), BLANK)]);
    }
    let scores = scoring::score(&a);
    // Only c1 has both sides: IT 4, business 3. IT's 5 on c2 stays out of the comparison.
    let comm = dimension(&scores, "comm");
    assert_close(comm.it, 4.0);
    assert_close(comm.business, 3.0);
    assert_close(comm.perception_gap, 1.0);
    // The dimension's own score still counts every answer: (4 + 4 + 3 + 3) / 4 = 3.5 on c1
    // (weight 1) and 5 on c2 (weight 3): (3.5 + 15) / 4 = 4.625.
    assert_close(comm.current, 4.625);
    assert_close(question(&scores, "c2").it, 5.0);
}

#[test]
fn answers_outside_a_questions_audience_do_not_count() {
    let mut a = assessment();
    a.questionnaire.questions[0].audience = Audience::It; // c1: IT only
    a.questionnaire.questions[1].audience = Audience::Business; // c2: business only
    add_participant(
        &mut a,
        Side::It,
        &[("c1", lv(4), BLANK), ("c2", lv(1), BLANK)],
    );
    add_participant(
        &mut a,
        Side::Business,
        &[("c1", lv(1), BLANK), ("c2", lv(2), BLANK)],
    );
    let scores = scoring::score(&a);
    // c1 counts IT's 4 alone, c2 the business's 2 alone; the answers across the line are kept
    // in the file but not scored.
    assert_close(question(&scores, "c1").current, 4.0);
    assert_eq!(question(&scores, "c1").business, None);
    assert_close(question(&scores, "c2").current, 2.0);
    assert_eq!(question(&scores, "c2").it, None);
    assert_eq!(a.participants[0].responses["c2"].current, lv(1));
    // No question in comm has both sides: no perception gap, rather than IT-only against
    // business-only.
    assert_eq!(dimension(&scores, "comm").perception_gap, None);
}

#[test]
fn coverage_counts_only_the_questions_asked_of_the_sides_in_the_room() {
    let mut a = assessment();
    a.questionnaire.questions[0].audience = Audience::It; // c1
    a.questionnaire.questions[3].audience = Audience::Business; // v2
    // Before anyone joins, every question is to be answered.
    let empty = scoring::score(&a);
    assert_eq!(dimension(&empty, "comm").questions, 2);
    // A business room is not missing the IT-only c1; a room with IT is.
    add_participant(&mut a, Side::Business, &[("c2", lv(3), BLANK)]);
    let business_only = scoring::score(&a);
    let comm = dimension(&business_only, "comm");
    assert_eq!((comm.answered, comm.questions), (1, 1));
    assert_eq!(dimension(&business_only, "value").questions, 2);
    add_participant(&mut a, Side::It, &[]);
    let mixed = scoring::score(&a);
    assert_eq!(dimension(&mixed, "comm").questions, 2);
    assert_eq!(dimension(&mixed, "value").questions, 2);
}

// ---------------------------------------------------------------------------------------------
// Spread and disagreement.

#[test]
fn spread_of_a_known_set() {
    let mut a = assessment();
    add_voters(&mut a, Side::It, "c1", &[lv(3), lv(2), DK, lv(4), lv(3)]);
    let scores = scoring::score(&a);
    let spread = &question(&scores, "c1").spread;
    // Answers 2, 3, 3, 4 (the don't know left out): mean 3, deviations −1, 0, 0, 1, sum of
    // squares 2, sample variance 2 / 3, sd √(2/3) = 0.816497.
    assert_eq!(spread.count, 4);
    assert_close(spread.mean, 3.0);
    assert_close(spread.median, 3.0);
    assert_close(spread.sd, (2.0f64 / 3.0).sqrt());
    assert_close(spread.min, 2.0);
    assert_close(spread.max, 4.0);
    // Quartiles by linear interpolation on ranks 0..3: Q1 at rank 0.75 = 2 + 0.75 × 1 = 2.75,
    // Q3 at rank 2.25 = 3 + 0.25 × 1 = 3.25; IQR 0.5.
    assert_close(spread.iqr, 0.5);
    // rwg = 1 − s² / σ²_EU, σ²_EU = (5² − 1) / 12 = 2: 1 − (2/3) / 2 = 2/3.
    assert_close(spread.rwg, 2.0 / 3.0);
    assert!(!question(&scores, "c1").disagreement);
}

#[test]
fn spread_of_a_divided_room() {
    let mut a = assessment();
    add_voters(
        &mut a,
        Side::Business,
        "c1",
        &[lv(5), lv(1), lv(2), lv(5), lv(3), lv(2)],
    );
    let c1 = question(&scoring::score(&a), "c1").clone();
    let spread = &c1.spread;
    // Sorted 1, 2, 2, 3, 5, 5: mean 3, squares 4 + 1 + 1 + 0 + 4 + 4 = 14, variance 14 / 5 =
    // 2.8, sd 1.673320; median at rank 2.5 = 2.5; Q1 at rank 1.25 = 2, Q3 at rank 3.75 =
    // 3 + 0.75 × 2 = 4.5, IQR 2.5; rwg 1 − 2.8 / 2 < 0, clamped to 0.
    assert_eq!(spread.count, 6);
    assert_close(spread.sd, 2.8f64.sqrt());
    assert_close(spread.median, 2.5);
    assert_close(spread.iqr, 2.5);
    assert_close(spread.rwg, 0.0);
    assert_close(spread.min, 1.0);
    assert_close(spread.max, 5.0);
    assert!(c1.disagreement, "sd 1.67 over 6 answers is a disagreement");
}

#[test]
fn spread_of_one_answer_and_of_none() {
    let one = Stats::of(&[4.0], 5);
    assert_eq!((one.count, one.respondents), (1, 1));
    assert_eq!(one.sd, None, "one answer is no spread of opinion");
    assert_close(one.iqr, 0.0);
    assert_close(one.median, 4.0);
    assert_eq!(one.rwg, None, "agreement needs two answers");
    let none = Stats::of(&[], 5);
    assert_eq!(
        none,
        Stats {
            count: 0,
            ..Stats::default()
        }
    );
    assert_eq!((none.mean, none.sd, none.min), (None, None, None));
}

#[test]
fn dimension_spread_pools_the_answers_of_its_questions() {
    let mut a = assessment();
    add_voters(&mut a, Side::It, "c1", &[lv(1), lv(2)]);
    add_voters(&mut a, Side::It, "c2", &[lv(4), lv(5), DK]);
    add_voters(&mut a, Side::It, "v1", &[lv(1)]);
    let scores = scoring::score(&a);
    let comm = &dimension(&scores, "comm").spread;
    // Pooled 1, 2, 4, 5: mean 3, squares 4 + 1 + 1 + 4 = 10, variance 10 / 3.
    assert_eq!(comm.count, 4);
    assert_close(comm.mean, 3.0);
    assert_close(comm.sd, (10.0f64 / 3.0).sqrt());
    assert_close(comm.min, 1.0);
    assert_close(comm.max, 5.0);
}

#[test]
fn disagreement_needs_a_wide_spread_and_enough_answers() {
    let flagged = |answers: &[Answer]| {
        let mut a = assessment();
        add_voters(&mut a, Side::It, "v1", answers);
        question(&scoring::score(&a), "v1").disagreement
    };
    // 1, 3, 5: sd 2 > 1 with three answers.
    assert!(flagged(&[lv(1), lv(3), lv(5)]));
    // 1, 5: sd 2.83 but only two answers: too few to call.
    assert!(!flagged(&[lv(1), lv(5)]));
    // 1, 5 and two don't knows: still only two answers.
    assert!(!flagged(&[lv(1), DK, lv(5), DK]));
    // 2, 3, 4: sd exactly 1.0, not above the threshold.
    assert!(!flagged(&[lv(2), lv(3), lv(4)]));
    // 3, 3, 3: everyone agrees.
    assert!(!flagged(&[lv(3), lv(3), lv(3)]));
}

// ---------------------------------------------------------------------------------------------
// Aggregation rules.

/// c1: 1, 2, 5; c2: 4, 4, 5; v1: 3, 3, 3; v2: 5, 5, 5; culture unanswered.
fn skewed() -> Assessment {
    let mut a = assessment();
    for (side, c1, c2) in [(Side::It, 1, 4), (Side::It, 2, 4), (Side::Business, 5, 5)] {
        add_participant(
            &mut a,
            side,
            &[
                ("c1", lv(c1), BLANK),
                ("c2", lv(c2), BLANK),
                ("v1", lv(3), BLANK),
                ("v2", lv(5), BLANK),
            ],
        );
    }
    a
}

#[test]
fn mean_aggregation_on_skewed_answers() {
    let scores = scoring::score_with(&skewed(), Aggregation::Mean);
    // c1 = 8/3 = 2.666667, c2 = 13/3 = 4.333333; comm = (8/3 + 13/3 × 3) / 4 = 47/12 = 3.916667
    // value = (3 + 5) / 2 = 4; overall = (47/12 × 2 + 4) / 3 = 3.944444
    assert_close(question(&scores, "c1").current, 8.0 / 3.0);
    assert_close(dimension(&scores, "comm").current, 47.0 / 12.0);
    assert_close(dimension(&scores, "value").current, 4.0);
    assert_close(scores.overall.current, (47.0 / 6.0 + 4.0) / 3.0);
}

#[test]
fn median_aggregation_on_skewed_answers() {
    let scores = scoring::score_with(&skewed(), Aggregation::Median);
    assert_eq!(scores.aggregation, Aggregation::Median);
    // c1 = median(1, 2, 5) = 2, c2 = median(4, 4, 5) = 4; comm = (2 + 4 × 3) / 4 = 3.5
    // value = (3 + 5) / 2 = 4; overall = (3.5 × 2 + 4) / 3 = 11/3 = 3.666667
    assert_close(question(&scores, "c1").current, 2.0);
    assert_close(question(&scores, "c2").current, 4.0);
    assert_close(dimension(&scores, "comm").current, 3.5);
    assert_close(dimension(&scores, "value").current, 4.0);
    assert_close(scores.overall.current, 11.0 / 3.0);
}

#[test]
fn median_of_an_even_number_of_answers_is_the_midpoint() {
    let mut a = assessment();
    add_voters(&mut a, Side::It, "v1", &[lv(2), lv(5), lv(4), lv(1)]);
    a.aggregation = Aggregation::Median;
    // Sorted 1, 2, 4, 5: median (2 + 4) / 2 = 3 (the mean is 3 too; the IT side alone as well).
    assert_close(question(&scoring::score(&a), "v1").current, 3.0);
    let mut b = assessment();
    add_voters(&mut b, Side::It, "v1", &[lv(1), lv(1), lv(2), lv(5)]);
    // Sorted 1, 1, 2, 5: median 1.5, mean 2.25.
    assert_close(
        question(&scoring::score_with(&b, Aggregation::Median), "v1").current,
        1.5,
    );
    assert_close(
        question(&scoring::score_with(&b, Aggregation::Mean), "v1").current,
        2.25,
    );
}

#[test]
fn weakest_link_aggregation_on_skewed_answers() {
    let scores = scoring::score_with(&skewed(), Aggregation::WeakestLink);
    // Questions are still means: c1 = 8/3, c2 = 13/3. A dimension is its lowest question,
    // whatever the weights: comm = 8/3 = 2.666667, value = min(3, 5) = 3.
    // overall = (8/3 × 2 + 3) / 3 = 25/9 = 2.777778 (dimension weights still apply).
    assert_close(question(&scores, "c1").current, 8.0 / 3.0);
    assert_close(question(&scores, "c2").current, 13.0 / 3.0);
    assert_close(dimension(&scores, "comm").current, 8.0 / 3.0);
    assert_close(dimension(&scores, "value").current, 3.0);
    assert_close(scores.overall.current, 25.0 / 9.0);
    // A dimension nobody answered is still None, not the minimum of nothing.
    assert_eq!(dimension(&scores, "culture").current, None);
}

#[test]
fn score_uses_the_rule_saved_in_the_assessment() {
    let mut a = skewed();
    a.aggregation = Aggregation::WeakestLink;
    let scores = scoring::score(&a);
    assert_eq!(scores.aggregation, Aggregation::WeakestLink);
    assert_close(scores.overall.current, 25.0 / 9.0);
}

#[test]
fn answers_to_questions_the_questionnaire_lacks_are_ignored() {
    let mut a = assessment();
    add_participant(
        &mut a,
        Side::It,
        &[("c1", lv(4), BLANK), ("gone", lv(1), lv(1))],
    );
    let scores = scoring::score(&a);
    assert_close(scores.overall.current, 4.0);
    assert_eq!(scores.questions.len(), 6);
}

// ---------------------------------------------------------------------------------------------
// Touchpoint engagement index.

fn catalogue() -> TouchpointCatalogue {
    questionnaire().touchpoints
}

#[test]
fn an_empty_map_has_no_engagement_index() {
    let index = engagement_index(&catalogue(), &[]);
    assert_eq!((index.today, index.target, index.missing), (None, None, 0));
}

#[test]
fn one_weekly_strategic_touchpoint() {
    let map = [touchpoint(
        "ceo",
        "cio",
        Level::Strategic,
        "steering",
        (Frequency::Weekly, Some(4)),
        (Frequency::Daily, Some(5)),
    )];
    let index = engagement_index(&catalogue(), &map);
    // Today: strength 0.8 × 4 / 5 = 0.64; strategic depth 1 − e^(−0.32) = 0.273851, the other
    // two levels 0, mean depth 0.091284; breadth: 1 pair of 3 × 3, 1 − e^(−3/9) = 0.283469.
    // E = ⅔ × 0.091284 + ⅓ × 0.283469 = 0.155345; index 1 + 4E = 1.621381.
    assert_close(index.today, 1.621381);
    // Target: strength 1.0; depth 1 − e^(−0.5) = 0.393469, mean 0.131156;
    // E = 0.087438 + 0.094490 = 0.181927; index 1.727709.
    assert_close(index.target, 1.727709);
    assert_eq!(index.missing, 0);
}

#[test]
fn a_map_that_only_meets_at_the_service_desk_stays_low() {
    let desk = touchpoint(
        "user",
        "desk",
        Level::Operational,
        "service-desk",
        (Frequency::Daily, Some(5)),
        (Frequency::Daily, Some(5)),
    );
    // One daily, fully effective desk contact: the same 1.727709 as one strategic one.
    assert_close(
        engagement_index(&catalogue(), std::slice::from_ref(&desk)).today,
        1.727709,
    );
    // Twenty of them (phone, chat, mail …): operational depth 1 − e^(−10) ≈ 1, but the other
    // two levels stay 0 and one pair of nine meets: 1 + 4 × (⅔ × ⅓ + ⅓ × 0.283469) = 2.266807.
    let busy = vec![desk; 20];
    let index = engagement_index(&catalogue(), &busy);
    assert_close(index.today, 2.266807);
    // However busy the desk, the map stays below the Integrated zone (2.6).
    let cap = 1.0 + 4.0 * (2.0 / 9.0 + (1.0 - (-1.0f64 / 3.0).exp()) / 3.0);
    assert!(index.today.unwrap() < cap);
    assert!(cap < 2.6);
}

#[test]
fn unrated_effectiveness_counts_as_three_and_frequency_none_as_nothing() {
    let tp = |today: (Frequency, Option<u8>)| {
        touchpoint(
            "ceo",
            "cio",
            Level::Strategic,
            "steering",
            today,
            (Frequency::None, None),
        )
    };
    let unrated = engagement_index(&catalogue(), &[tp((Frequency::Monthly, None))]);
    let three = engagement_index(&catalogue(), &[tp((Frequency::Monthly, Some(3)))]);
    assert_eq!(unrated.today, three.today);
    // A touchpoint that does not happen adds nothing: the index is the bottom of the scale,
    // and it should exist but does not, so it is one of the missing ones.
    let absent = touchpoint(
        "bu-head",
        "partner",
        Level::Tactical,
        "joint-team",
        (Frequency::None, Some(4)),
        (Frequency::Weekly, Some(4)),
    );
    let index = engagement_index(&catalogue(), &[absent]);
    assert_close(index.today, 1.0);
    assert_eq!(index.missing, 1);
    assert!(index.target.unwrap() > 1.0);
}

#[test]
fn meeting_at_every_level_beats_the_same_effort_at_one() {
    let at = |level, business, it| {
        touchpoint(
            business,
            it,
            level,
            "steering",
            (Frequency::Weekly, Some(4)),
            (Frequency::None, None),
        )
    };
    let spread = [
        at(Level::Strategic, "ceo", "cio"),
        at(Level::Tactical, "bu-head", "partner"),
        at(Level::Operational, "user", "desk"),
    ];
    let piled = [
        at(Level::Operational, "ceo", "cio"),
        at(Level::Operational, "bu-head", "partner"),
        at(Level::Operational, "user", "desk"),
    ];
    let spread = engagement_index(&catalogue(), &spread).today.unwrap();
    let piled = engagement_index(&catalogue(), &piled).today.unwrap();
    // Spread: each level depth 1 − e^(−0.32) = 0.273851; breadth 1 − e^(−1) = 0.632121;
    // E = ⅔ × 0.273851 + ⅓ × 0.632121 = 0.393274, index 2.573097.
    assert_close(Some(spread), 2.573097);
    assert!(spread > piled, "{spread} should beat {piled}");
}

// ---------------------------------------------------------------------------------------------
// The slope.

#[test]
fn slope_combines_practice_and_engagement_and_names_the_zone() {
    let mut a = assessment();
    for d in ["comm", "value", "culture"] {
        answer_dimension(&mut a, Side::It, d, 3, 4);
    }
    // No map: the slope is practice alone, 3.0 (Integrated); target 4.0 (Converged).
    let alone = scoring::score(&a).overall;
    assert_eq!(alone.engagement, None);
    assert_close(alone.slope, 3.0);
    assert_eq!(alone.zone.as_deref(), Some("Integrated"));
    assert_close(alone.slope_target, 4.0);
    assert_eq!(alone.target_zone.as_deref(), Some("Converged"));

    a.touchpoints.push(touchpoint(
        "ceo",
        "cio",
        Level::Strategic,
        "steering",
        (Frequency::Weekly, Some(4)),
        (Frequency::Daily, Some(5)),
    ));
    a.touchpoint_map_complete = true;
    let o = scoring::score(&a).overall;
    assert_eq!(o.map, MapState::Complete);
    assert_eq!(o.provisional, None);
    // today  0.7 × 3 + 0.3 × 1.621381 = 2.586414: below 2.6, so Aligned.
    // target 0.7 × 4 + 0.3 × 1.727709 = 3.318313: Integrated.
    assert_close(o.engagement, 1.621381);
    assert_close(o.engagement_target, 1.727709);
    assert_close(o.slope, 2.586414);
    assert_eq!(o.zone.as_deref(), Some("Aligned"));
    assert_close(o.slope_target, 3.318313);
    assert_eq!(o.target_zone.as_deref(), Some("Integrated"));
    assert_close(o.current, 3.0);
}

#[test]
fn slope_position_by_hand() {
    let slope = questionnaire().slope;
    let at = |p: Option<f64>, e: Option<f64>| slope_position(&slope, p, e);
    // 0.7 × 4 + 0.3 × 2 = 3.4: the first point of Converged.
    let both = at(Some(4.0), Some(2.0));
    assert_close(both.position, 3.4);
    assert_eq!(both.zone.as_deref(), Some("Converged"));
    // Engagement alone when nobody answered.
    let engagement_only = at(None, Some(2.0));
    assert_close(engagement_only.position, 2.0);
    assert_eq!(engagement_only.zone.as_deref(), Some("Aligned"));
    assert_eq!(at(None, None), Default::default());
    // Zone edges: a zone starts at its `from`.
    for (position, zone) in [
        (1.0, "Silos"),
        (1.79, "Silos"),
        (1.8, "Aligned"),
        (2.6, "Integrated"),
        (3.39, "Integrated"),
        (4.2, "Fused"),
        (5.0, "Fused"),
    ] {
        assert_eq!(
            at(Some(position), None).zone.as_deref(),
            Some(zone),
            "at {position}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Ranked gaps.

#[test]
fn gaps_are_ranked_by_gap_times_weight_with_the_actions_of_the_levels_climbed() {
    let mut a = assessment();
    add_participant(
        &mut a,
        Side::Business,
        &[
            ("c1", lv(2), lv(3)),
            ("c2", lv(2), lv(3)),
            ("v1", lv(1), lv(3)),
            ("v2", lv(1), lv(2)),
            ("k1", lv(3), lv(3)),
            ("k2", lv(3), lv(4)),
        ],
    );
    let gaps = scoring::score(&a).gaps;
    // comm    2.0 → 3.0,            gap 1.0,  × 2 = priority 2.0, climbs 2→3
    // value   1.0 → (3 + 2)/2 = 2.5, gap 1.5,  × 1 = priority 1.5, climbs 1→2, 2→3
    // culture 3.0 → (3×2 + 4)/3 = 3.333, gap 0.333, × 3 = priority 1.0, climbs 3→4
    // By gap alone the order would be value, comm, culture.
    let order: Vec<&str> = gaps.iter().map(|g| g.dimension.as_str()).collect();
    assert_eq!(order, ["comm", "value", "culture"]);
    let priorities: Vec<f64> = gaps.iter().map(|g| g.priority).collect();
    for (got, want) in priorities.iter().zip([2.0, 1.5, 1.0]) {
        assert_close(Some(*got), want);
    }
    assert_close(Some(gaps[1].gap), 1.5);
    assert_close(Some(gaps[2].target), 10.0 / 3.0);

    let steps = |i: usize| {
        gaps[i]
            .steps
            .iter()
            .map(|(from, _)| *from)
            .collect::<Vec<_>>()
    };
    assert_eq!(steps(0), [2]);
    assert_eq!(steps(1), [1, 2]);
    assert_eq!(steps(2), [3]);
    assert_eq!(
        gaps[0].steps[0].1,
        [
            improvement_action("comm", 2),
            "comm 2→3: share the wins".to_string()
        ]
    );
    assert_eq!(gaps[1].steps[0].1, [improvement_action("value", 1)]);
    assert_eq!(gaps[2].steps[0].1, [improvement_action("culture", 3)]);
    // The questions behind each gap, largest first; k1 has no gap.
    assert_eq!(gaps[1].largest_questions, ["v1", "v2"]);
    assert_eq!(gaps[2].largest_questions, ["k2"]);
}

#[test]
fn each_gap_carries_its_questions_own_next_step() {
    let mut a = assessment();
    // v1 climbs from 1 and v2 from 2, each with its own actions; k2 has none.
    for (i, id) in [(2, "v1"), (3, "v2")] {
        a.questionnaire.questions[i].improvements = (1..=4)
            .map(|from| Improvement {
                from,
                actions: vec![format!("{id} {from}→{}", from + 1)],
            })
            .collect();
    }
    add_participant(
        &mut a,
        Side::Business,
        &[
            ("v1", lv(1), lv(4)),
            ("v2", lv(2), lv(3)),
            ("k2", lv(3), lv(4)),
        ],
    );
    add_participant(&mut a, Side::It, &[("v2", lv(3), lv(3))]);
    let gaps = scoring::score(&a).gaps;
    let value = gaps
        .iter()
        .find(|g| g.dimension == "value")
        .expect("value gap");
    // v1 stands at 1 (gap 3), v2 at 2.5 (gap 0.5), rounded down to 2: each its next step.
    let next: Vec<(&str, u8, &[String])> = value
        .next_steps
        .iter()
        .map(|s| (s.question.as_str(), s.from, s.actions.as_slice()))
        .collect();
    assert_eq!(
        next,
        [
            ("v1", 1, &["v1 1→2".to_string()][..]),
            ("v2", 2, &["v2 2→3".to_string()][..])
        ]
    );
    let culture = gaps
        .iter()
        .find(|g| g.dimension == "culture")
        .expect("culture gap");
    assert_eq!(culture.largest_questions, ["k2"]);
    assert!(
        culture.next_steps.is_empty(),
        "k2 has no actions of its own"
    );
}

#[test]
fn a_dimension_at_or_above_its_target_is_not_a_gap() {
    let mut a = assessment();
    add_participant(
        &mut a,
        Side::It,
        &[
            ("c1", lv(4), lv(4)),
            ("v1", lv(4), lv(3)),
            ("k1", lv(2), lv(3)),
        ],
    );
    let gaps = scoring::score(&a).gaps;
    let order: Vec<&str> = gaps.iter().map(|g| g.dimension.as_str()).collect();
    assert_eq!(order, ["culture"]);
}

// ---------------------------------------------------------------------------------------------
// Properties.

const QUESTIONS: [&str; 6] = ["c1", "c2", "v1", "v2", "k1", "k2"];
const RULES: [Aggregation; 3] = [
    Aggregation::Mean,
    Aggregation::Median,
    Aggregation::WeakestLink,
];

fn arb_answer() -> impl Strategy<Value = Answer> {
    prop_oneof![
        1 => Just(Answer::Blank),
        1 => Just(Answer::DontKnow),
        1 => Just(Answer::NotApplicable),
        6 => (1u8..=5).prop_map(Answer::Level),
    ]
}

fn arb_touchpoint() -> impl Strategy<Value = Touchpoint> {
    let business = prop::sample::select(vec!["ceo", "bu-head", "user", "outsider"]);
    let it = prop::sample::select(vec!["cio", "partner", "desk"]);
    let level = prop::sample::select(Level::ALL.to_vec());
    let engagement = || {
        (
            prop::sample::select(Frequency::ALL.to_vec()),
            prop::option::of(1u8..=5),
        )
    };
    (business, it, level, engagement(), engagement())
        .prop_map(|(b, i, l, today, target)| touchpoint(b, i, l, "steering", today, target))
}

/// Up to nine participants answering the six questions at random, and up to six touchpoints.
fn arb_assessment() -> impl Strategy<Value = Assessment> {
    let participant = (
        any::<bool>(),
        prop::collection::vec((arb_answer(), arb_answer()), 6),
    );
    (
        prop::collection::vec(participant, 1..10),
        prop::sample::select(RULES.to_vec()),
        prop::collection::vec(arb_touchpoint(), 0..6),
    )
        .prop_map(|(people, aggregation, touchpoints)| {
            let mut a = assessment();
            a.aggregation = aggregation;
            a.touchpoints = touchpoints;
            for (is_it, answers) in people {
                let side = if is_it { Side::It } else { Side::Business };
                let answers: Vec<(&str, Answer, Answer)> = QUESTIONS
                    .iter()
                    .zip(answers)
                    .map(|(q, (c, t))| (*q, c, t))
                    .collect();
                add_participant(&mut a, side, &answers);
            }
            a
        })
}

/// Every figure in the scores, in a fixed order, for comparing two runs.
fn figures(scores: &Scores) -> Vec<Option<f64>> {
    let stats = |s: &Stats| {
        [
            Some(s.count as f64),
            s.mean,
            s.median,
            s.sd,
            s.min,
            s.max,
            s.iqr,
            s.rwg,
        ]
    };
    let o = &scores.overall;
    let mut all = vec![
        o.current,
        o.target,
        o.gap,
        o.it,
        o.business,
        o.perception_gap,
        o.engagement,
        o.engagement_target,
        o.slope,
        o.slope_target,
        Some(o.missing_touchpoints as f64),
    ];
    for d in &scores.dimensions {
        all.extend([
            d.current,
            d.target,
            d.gap,
            d.it,
            d.business,
            d.perception_gap,
        ]);
        all.extend(stats(&d.spread));
        all.push(Some(d.answered as f64));
    }
    for q in &scores.questions {
        all.extend([
            q.current,
            q.target,
            q.gap,
            q.it,
            q.business,
            q.perception_gap,
        ]);
        all.extend(stats(&q.spread));
        all.extend(stats(&q.target_spread));
        all.extend(
            [q.dont_know, q.not_applicable, usize::from(q.disagreement)].map(|n| Some(n as f64)),
        );
    }
    let mut gaps: Vec<_> = scores
        .gaps
        .iter()
        .map(|g| (g.dimension.clone(), g.priority))
        .collect();
    gaps.sort_by(|a, b| a.0.cmp(&b.0));
    all.extend(gaps.iter().map(|(_, p)| Some(*p)));
    all
}

fn same(a: &[Option<f64>], b: &[Option<f64>]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| match (x, y) {
            (Some(x), Some(y)) => (x - y).abs() < 1e-9,
            (None, None) => true,
            _ => false,
        })
}

proptest! {
    #[test]
    fn raising_one_answer_never_lowers_its_question_dimension_or_overall(
        a in arb_assessment(),
        who in any::<prop::sample::Index>(),
        which in 0..QUESTIONS.len(),
        level in 1u8..5,
    ) {
        let mut before = a;
        let participant = before.participants[who.index(before.participants.len())].id.clone();
        let question_id = QUESTIONS[which];
        let old_target = before.participants.iter().find(|p| p.id == participant).unwrap()
            .responses.get(question_id).map_or(BLANK, |r| r.target);
        set_answer(&mut before, &participant, question_id, lv(level), old_target);
        let mut after = before.clone();
        set_answer(&mut after, &participant, question_id, lv(level + 1), old_target);
        let dimension_id = before.questionnaire.question(question_id).unwrap().dimension.clone();

        for rule in RULES {
            let (b, a) = (scoring::score_with(&before, rule), scoring::score_with(&after, rule));
            let pairs = [
                ("question", question(&b, question_id).current, question(&a, question_id).current),
                ("dimension", dimension(&b, &dimension_id).current, dimension(&a, &dimension_id).current),
                ("overall", b.overall.current, a.overall.current),
                ("slope", b.overall.slope, a.overall.slope),
            ];
            for (what, old, new) in pairs {
                let (old, new) = (old.expect("answered"), new.expect("answered"));
                prop_assert!(new >= old - 1e-12, "{rule:?}: {what} fell from {old} to {new}");
            }
        }
    }

    #[test]
    fn the_order_of_participants_changes_no_score(
        (a, shuffled) in arb_assessment().prop_flat_map(|a| {
            let people = a.participants.clone();
            (Just(a), Just(people).prop_shuffle())
        })
    ) {
        let mut b = a.clone();
        b.participants = shuffled;
        for rule in RULES {
            let (x, y) = (figures(&scoring::score_with(&a, rule)), figures(&scoring::score_with(&b, rule)));
            prop_assert!(same(&x, &y), "{rule:?}: {x:?} != {y:?}");
        }
    }

    #[test]
    fn every_score_stays_between_1_and_5(a in arb_assessment()) {
        for rule in RULES {
            let s = scoring::score_with(&a, rule);
            let o = &s.overall;
            let mut scores = vec![o.current, o.target, o.it, o.business, o.engagement, o.engagement_target, o.slope, o.slope_target];
            for d in &s.dimensions {
                scores.extend([d.current, d.target, d.it, d.business, d.spread.mean, d.spread.median, d.spread.min, d.spread.max]);
            }
            for q in &s.questions {
                scores.extend([q.current, q.target, q.it, q.business, q.spread.mean, q.spread.median, q.target_spread.mean]);
            }
            for value in scores.into_iter().flatten() {
                prop_assert!((1.0 - 1e-9..=5.0 + 1e-9).contains(&value), "{rule:?}: {value} outside 1–5");
            }
            for g in &s.gaps {
                prop_assert!(g.gap > 0.0 && g.gap <= 4.0 + 1e-9, "{rule:?}: gap {}", g.gap);
            }
        }
    }

    #[test]
    fn perception_gap_is_it_minus_business(a in arb_assessment()) {
        for rule in RULES {
            let s = scoring::score_with(&a, rule);
            let o = &s.overall;
            let mut triples = vec![(o.it, o.business, o.perception_gap)];
            triples.extend(s.dimensions.iter().map(|d| (d.it, d.business, d.perception_gap)));
            triples.extend(s.questions.iter().map(|q| (q.it, q.business, q.perception_gap)));
            for (it, business, gap) in triples {
                match (it, business, gap) {
                    (Some(it), Some(business), Some(gap)) => {
                        prop_assert!((gap - (it - business)).abs() < EPS);
                    }
                    (_, _, Some(gap)) => prop_assert!(false, "gap {gap} without both sides"),
                    _ => {}
                }
            }
            // A question's gap is there exactly when two people or more on each side gave it a level.
            for (q, score) in a.questionnaire.questions.iter().zip(&s.questions) {
                let people = |side| a.participants.iter().filter(|p| p.side == side && q.audience.includes(side) && p.responses.get(&q.id).is_some_and(|r| r.current.level().is_some())).count();
                let enough = people(Side::It) >= 2 && people(Side::Business) >= 2;
                prop_assert_eq!(score.perception_gap.is_some(), enough, "{}", q.id);
            }
        }
    }

    #[test]
    fn adding_a_touchpoint_never_lowers_the_engagement_index(
        map in prop::collection::vec(arb_touchpoint(), 0..12),
        extra in arb_touchpoint(),
    ) {
        let before = engagement_index(&catalogue(), &map);
        let mut more = map.clone();
        more.push(extra);
        let after = engagement_index(&catalogue(), &more);
        for (old, new) in [(before.today, after.today), (before.target, after.target)] {
            let (old, new) = (old.unwrap_or(1.0), new.expect("a map is never empty after adding"));
            prop_assert!(new >= old - 1e-12, "fell from {old} to {new}");
            prop_assert!((1.0..=5.0).contains(&new));
        }
    }
}
