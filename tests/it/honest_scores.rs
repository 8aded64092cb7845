//! What the numbers may claim, worked by hand on the small questionnaire (see `support`): the
//! touchpoint map counts only once marked complete, every headline says what it rests on,
//! spread, agreement and the perception gap need two people (two a side), dimension scores carry
//! a 90% interval, and "the questions the room disagrees on most" has one definition.

use convergence::files;
use convergence::model::{Answer, Frequency, Level, Side};
use convergence::scoring::{self, MapState, most_disputed, t_95};
use proptest::prelude::*;

use crate::support::{
    EPS, add_participant, add_voters, assert_close, assessment, data, dimension_score as dimension,
    lv, question_score as question, touchpoint,
};

const BLANK: Answer = Answer::Blank;

/// Everyone answered 3 today and 4 as target on every question: practice 3.0, target 4.0.
fn answered_everywhere() -> convergence::model::Assessment {
    let mut a = assessment();
    let all: Vec<(&str, Answer, Answer)> = ["c1", "c2", "v1", "v2", "k1", "k2"]
        .into_iter()
        .map(|q| (q, lv(3), lv(4)))
        .collect();
    add_participant(&mut a, Side::It, &all);
    a
}

fn steering() -> convergence::model::Touchpoint {
    touchpoint(
        "ceo",
        "cio",
        Level::Strategic,
        "steering",
        (Frequency::Weekly, Some(4)),
        (Frequency::Daily, Some(5)),
    )
}

// ---------------------------------------------------------------------------------------------
// The touchpoint map enters the slope only when complete.

#[test]
fn a_map_being_drawn_never_moves_the_position() {
    let mut a = answered_everywhere();
    let none = scoring::score(&a).overall;
    assert_eq!(none.map, MapState::None);
    assert_close(none.slope, 3.0);
    assert_close(none.slope_target, 4.0);
    assert_eq!(none.provisional, None);
    assert_eq!(
        none.map_note(),
        "No touchpoint map yet: the position is the practice score alone."
    );

    a.touchpoints.push(steering());
    let drawing = scoring::score(&a).overall;
    assert_eq!(drawing.map, MapState::InProgress);
    // The position stays the practice score …
    assert_close(drawing.slope, 3.0);
    assert_eq!(drawing.zone.as_deref(), Some("Integrated"));
    assert_close(drawing.slope_target, 4.0);
    // … and what the map would give is there, marked provisional:
    // 0.7 × 3 + 0.3 × 1.621381 = 2.586414 (Aligned); 0.7 × 4 + 0.3 × 1.727709 = 3.318313.
    assert_close(drawing.engagement, 1.621381);
    let provisional = drawing.provisional.expect("a provisional position");
    assert_close(provisional.slope, 2.586414);
    assert_eq!(provisional.zone.as_deref(), Some("Aligned"));
    assert_close(provisional.slope_target, 3.318313);
    assert_eq!(provisional.target_zone.as_deref(), Some("Integrated"));

    a.touchpoint_map_complete = true;
    let complete = scoring::score(&a).overall;
    assert_eq!(complete.map, MapState::Complete);
    assert_close(complete.slope, 2.586414);
    assert_close(complete.slope_target, 3.318313);
    assert_eq!(complete.provisional, None);
    assert_eq!(
        complete.map_note(),
        "Touchpoint map complete: its engagement index 1.62 counts in the position."
    );
}

#[test]
fn a_complete_map_with_nothing_on_it_is_the_bottom_of_the_scale() {
    let mut a = answered_everywhere();
    a.touchpoint_map_complete = true;
    let o = scoring::score(&a).overall;
    assert_eq!(o.map, MapState::Complete);
    assert_close(o.engagement, 1.0);
    // 0.7 × 3 + 0.3 × 1 = 2.4; target 0.7 × 4 + 0.3 = 3.1.
    assert_close(o.slope, 2.4);
    assert_close(o.slope_target, 3.1);
}

#[test]
fn an_older_file_opens_with_its_map_in_progress_and_the_mark_round_trips() {
    let text = std::fs::read_to_string(data("assessment-v1.ron")).unwrap();
    assert!(!text.contains("touchpoint_map_complete"));
    let older = files::parse_assessment(&text, &data("assessment-v1.ron")).unwrap();
    assert!(!older.touchpoint_map_complete);
    assert_eq!(scoring::score(&older).overall.map, MapState::InProgress);

    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("marked.ron");
    let mut marked = older.clone();
    marked.touchpoint_map_complete = true;
    files::save_assessment(&marked, &path).unwrap();
    let back = files::load_assessment(&path).unwrap();
    assert!(back.touchpoint_map_complete);
    assert_eq!(back, marked);
}

proptest! {
    #[test]
    fn adding_touchpoints_to_an_unmarked_map_never_moves_the_position(
        levels in prop::collection::vec(1u8..=5, 1..6),
        frequencies in prop::collection::vec(0usize..6, 1..8),
    ) {
        let mut a = assessment();
        let answers: Vec<(&str, Answer, Answer)> = ["c1", "c2", "v1", "v2", "k1", "k2"]
            .into_iter()
            .zip(levels.iter().cycle())
            .map(|(q, &l)| (q, lv(l), lv(l.max(3))))
            .collect();
        add_participant(&mut a, Side::Business, &answers);
        let before = scoring::score(&a).overall;
        for (i, &f) in frequencies.iter().enumerate() {
            let mut t = steering();
            t.today.frequency = Frequency::ALL[f];
            t.level = Level::ALL[i % 3];
            a.touchpoints.push(t);
            let after = scoring::score(&a).overall;
            prop_assert_eq!((after.slope, &after.zone), (before.slope, &before.zone));
            prop_assert_eq!(after.slope_target, before.slope_target);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// What a headline rests on.

#[test]
fn coverage_and_a_provisional_zone_below_half_the_dimensions() {
    let mut a = assessment();
    let me = add_participant(
        &mut a,
        Side::It,
        &[("c1", lv(2), BLANK), ("c2", lv(2), BLANK)],
    );
    let o = scoring::score(&a).overall;
    // Comm alone: 1 of 3 dimensions, 2 of 6 questions; 1 × 2 < 3, so the zone is provisional.
    assert_eq!(
        (
            o.coverage.dimensions_answered,
            o.coverage.dimensions,
            o.coverage.questions_answered,
            o.coverage.questions
        ),
        (1, 3, 2, 6)
    );
    assert!(o.zone_provisional);
    assert_eq!(
        o.headline().as_deref(),
        Some("2.0 — Aligned (provisional), from 1 of 3 dimensions (2 of 6 questions)")
    );
    assert_eq!(
        o.respondents.answered_by(),
        "answered by 1 person from IT and 0 from the business"
    );

    crate::support::set_answer(&mut a, &me, "v1", lv(4), BLANK);
    let o = scoring::score(&a).overall;
    // Comm 2.0 and value 4.0: (2 × 2 + 4) / 3 = 2.666667, 2 of 3 dimensions: no longer provisional.
    assert!(!o.zone_provisional);
    assert_eq!(
        o.headline().as_deref(),
        Some("2.7 — Integrated, from 2 of 3 dimensions (3 of 6 questions)")
    );
    assert_eq!(scoring::score(&assessment()).overall.headline(), None);
}

// ---------------------------------------------------------------------------------------------
// Statistics that need more than one person.

#[test]
fn one_cio_has_scores_but_no_spread_agreement_or_perception_gap() {
    let mut a = assessment();
    add_participant(
        &mut a,
        Side::It,
        &[
            ("c1", lv(1), BLANK),
            ("c2", lv(5), BLANK),
            ("v1", lv(3), BLANK),
        ],
    );
    let scores = scoring::score(&a);
    let comm = dimension(&scores, "comm");
    // Two answers, one person: a score, but no spread of opinion.
    assert_close(comm.current, 4.0);
    assert_eq!((comm.spread.count, comm.spread.respondents), (2, 1));
    assert_eq!((comm.spread.sd, comm.spread.rwg), (None, None));
    assert_eq!(question(&scores, "c1").spread.sd, None);
    assert!(most_disputed(&scores, 10).is_empty());
}

#[test]
fn the_perception_gap_needs_two_people_on_each_side() {
    let gap = |it: &[u8], business: &[u8]| {
        let mut a = assessment();
        add_voters(
            &mut a,
            Side::It,
            "c1",
            &it.iter().map(|&l| lv(l)).collect::<Vec<_>>(),
        );
        add_voters(
            &mut a,
            Side::Business,
            "c1",
            &business.iter().map(|&l| lv(l)).collect::<Vec<_>>(),
        );
        let s = scoring::score(&a);
        (
            question(&s, "c1").perception_gap,
            dimension(&s, "comm").perception_gap,
            s.overall.perception_gap,
            (question(&s, "c1").it, question(&s, "c1").business),
        )
    };
    // One a side: each side's score is shown, the gap between two people is not a perception.
    assert_eq!(gap(&[4], &[2]), (None, None, None, (Some(4.0), Some(2.0))));
    assert_eq!(gap(&[4, 5], &[2]).0, None);
    // Two a side: IT 4.5, business 2.5, gap 2.0 at every level.
    let (q, d, o, _) = gap(&[4, 5], &[2, 3]);
    for value in [q, d, o] {
        assert_close(value, 2.0);
    }
}

#[test]
fn two_people_give_a_spread_and_an_agreement() {
    let mut a = assessment();
    add_voters(&mut a, Side::It, "v1", &[lv(2), lv(4)]);
    let scores = scoring::score(&a);
    // 2 and 4: variance 2, sd √2; rwg = 1 − 2 / 2 = 0.
    let spread = &question(&scores, "v1").spread;
    assert_close(spread.sd, 2f64.sqrt());
    assert_close(spread.rwg, 0.0);
    assert_eq!(dimension(&scores, "value").spread.respondents, 2);
}

#[test]
fn a_target_below_today_is_a_negative_gap() {
    let mut a = assessment();
    add_participant(&mut a, Side::Business, &[("v1", lv(4), lv(2))]);
    let scores = scoring::score(&a);
    assert_close(question(&scores, "v1").gap, -2.0);
    assert_close(dimension(&scores, "value").gap, -2.0);
    assert_close(scores.overall.gap, -2.0);
    assert!(scores.gaps.is_empty(), "nothing to climb");
}

// ---------------------------------------------------------------------------------------------
// The 90% interval.

#[test]
fn t_quantiles_from_the_table_and_beyond() {
    assert_eq!(t_95(1), 6.314);
    assert_eq!(t_95(2), 2.920);
    assert_eq!(t_95(30), 1.697);
    // Beyond the table, the expansion: t(0.95, 40) = 1.683851, t(0.95, 120) = 1.657651.
    assert!((t_95(40) - 1.683851).abs() < 1e-3);
    assert!((t_95(120) - 1.657651).abs() < 1e-3);
    assert!(t_95(1000) > 1.6448 && t_95(1000) < 1.647);
}

#[test]
fn a_dimension_interval_worked_by_hand() {
    let interval = |levels: &[u8]| {
        let mut a = assessment();
        add_voters(
            &mut a,
            Side::It,
            "v1",
            &levels.iter().map(|&l| lv(l)).collect::<Vec<_>>(),
        );
        dimension(&scoring::score(&a), "value").interval
    };
    // 2, 3, 4: mean 3, s = 1, n = 3, t(2) = 2.920: 3 ± 2.920 / √3 = 3 ± 1.685863.
    let [low, high] = interval(&[2, 3, 4]).expect("three answers carry an interval");
    assert!((low - (3.0 - 2.920 / 3f64.sqrt())).abs() < EPS, "{low}");
    assert!((high - (3.0 + 2.920 / 3f64.sqrt())).abs() < EPS, "{high}");
    // 1, 1, 2: mean 4/3, s = √(1/3), half-width 2.920 × √(1/3) / √3 = 0.973333: clipped at 1.
    let [low, high] = interval(&[1, 1, 2]).unwrap();
    assert_eq!(low, 1.0);
    assert!((high - (4.0 / 3.0 + 2.920 / 3.0)).abs() < EPS, "{high}");
    // Three who agree: no spread, a point.
    assert_eq!(interval(&[3, 3, 3]), Some([3.0, 3.0]));
    // Two answers are too few.
    assert_eq!(interval(&[2, 4]), None);
    assert_eq!(interval(&[]), None);
}

// ---------------------------------------------------------------------------------------------
// The questions the room disagrees on most.

#[test]
fn the_most_disputed_questions_widest_spread_first() {
    let mut a = assessment();
    add_voters(&mut a, Side::It, "c1", &[lv(1), lv(5)]); // sd 2.83
    add_voters(&mut a, Side::It, "v1", &[lv(2), lv(3), lv(4)]); // sd 1
    add_voters(&mut a, Side::It, "v2", &[lv(4), lv(3), lv(2)]); // sd 1, after v1
    add_voters(&mut a, Side::It, "k1", &[lv(3), lv(3)]); // agreed: not disputed
    add_voters(&mut a, Side::It, "c2", &[lv(1)]); // one answer: no spread
    let scores = scoring::score(&a);
    let ids = |n| {
        most_disputed(&scores, n)
            .iter()
            .map(|q| q.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(10), ["c1", "v1", "v2"]);
    assert_eq!(ids(1), ["c1"]);
    assert!(ids(0).is_empty());
}
