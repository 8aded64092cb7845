//! The results screen says what its numbers rest on, as a user meets it: the headline with its
//! coverage and a provisional zone, no spread or perception gap behind one person and what a
//! workshop would add, negative gaps, intervals in the table and the chart, the rule in force on
//! every tab, each tab's own scroll position, values on hover, and colours that keep their
//! contrast in both themes.

use convergence::document::Edit;
use convergence::model::Answer;
use convergence::scoring::Phase;
use convergence::ui::command::Command;
use convergence::ui::theme;
use convergence::ui::{App, Screen};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::harness::app;
use crate::room::room_app;

const SELF_CHECK: &str = "Self-assessment with CIO Self-Check: Business–IT Convergence";
const TABS: [&str; 4] = [
    "Overview",
    "Perception and consensus",
    "Rounds and rules",
    "Notes and comments",
];

/// A CIO alone who answered the first dimension's questions: today 3, target as given.
fn lone_cio(target: u8) -> (Harness<'static, App>, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    harness.get_by_label(SELF_CHECK).click();
    harness.run();
    let doc = harness.state().document().unwrap();
    let q = &doc.assessment.questionnaire;
    let first: Vec<String> = q
        .questions_in(&q.dimensions[0].id)
        .map(|question| question.id.clone())
        .collect();
    for question in first {
        for (phase, level) in [(Phase::Current, 3), (Phase::Target, target)] {
            harness.state_mut().push(Command::Edit(Edit::Answer {
                participant: 0,
                question: question.clone(),
                phase,
                answer: Answer::Level(level),
            }));
        }
    }
    harness.state_mut().push(Command::Show(Screen::Results));
    harness.run();
    (harness, data)
}

#[test]
fn one_cio_sees_what_the_headline_rests_on_and_what_a_workshop_would_add() {
    let (mut harness, _data) = lone_cio(4);
    let doc = harness.state().document().unwrap();
    let o = &doc.scores.overall;
    let (dimensions, answered, questions) = (
        o.coverage.dimensions,
        o.coverage.questions_answered,
        o.coverage.questions,
    );
    harness.get_by_label(&format!(
        "Today: 3.0 — Integrated (provisional), from 1 of {dimensions} dimensions ({answered} of {questions} questions)"
    ));
    harness.get_by_label_contains("What a workshop with IT and business participants would add");
    assert_eq!(
        harness.query_all_by_label_contains("±").count(),
        0,
        "no spread for one person"
    );

    harness.get_by_label("Perception and consensus").click();
    harness.run();
    harness.get_by_label(
        "No perception gap yet: it needs at least two people on each side (1 from IT, 0 from the business answered).",
    );
    let name = &harness.state().document().unwrap().scores.dimensions[0].name;
    harness.get_by_label(&format!(
        "{name}: one person's answers: no spread of opinion"
    ));
    harness.get_by_label(
        "Nothing to discuss yet: disagreement needs two or more people who answered a question differently.",
    );
}

#[test]
fn a_target_below_today_shows_as_a_negative_gap() {
    let (harness, _data) = lone_cio(2);
    let name = &harness.state().document().unwrap().scores.dimensions[0].name;
    harness.get_by_label("Targets below today");
    harness.get_by_label(&format!(
        "{name}: target 2.00 is below today's 3.00 (gap -1.00)"
    ));
    assert!(
        harness.query_all_by_label("-1.00").count() >= 2,
        "the table's dimension and overall gaps"
    );
}

#[test]
fn every_tab_names_the_rule_in_force() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = room_app(&folder, egui::vec2(1280.0, 800.0), false, Screen::Results);
    for tab in TABS {
        harness.get_by_label(tab).click();
        harness.run();
        harness.get_by_label_contains("Aggregation: mean.");
    }
    harness.get_by_label("Rounds and rules").click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Median")
        .click();
    harness.run();
    for tab in TABS {
        harness.get_by_label(tab).click();
        harness.run();
        harness.get_by_label_contains("Aggregation: median. A question scores its middle answer");
    }
}

#[test]
fn intervals_show_in_the_table_and_the_chart_and_hovering_shows_the_values() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = room_app(&folder, egui::vec2(1280.0, 800.0), false, Screen::Results);
    let d = harness.state().document().unwrap().scores.dimensions[1].clone();
    let [low, high] = d.interval.expect("eight people give an interval");
    harness.get_by_label(&format!("{low:.2}–{high:.2}"));
    let row = format!(
        "{}: today {:.2} (90% interval {low:.1}–{high:.1}), target {:.2}",
        d.name,
        d.current.unwrap(),
        d.target.unwrap()
    );
    harness.get_by_label(&row).scroll_to_me();
    harness.run();
    harness.get_by_label(&row).hover();
    harness.run();
    assert_eq!(
        harness.query_all_by_label(&row).count(),
        2,
        "the row and its tooltip"
    );
}

#[test]
fn each_tab_keeps_its_own_scroll_position() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = room_app(&folder, egui::vec2(1280.0, 800.0), false, Screen::Results);
    let heading = "Results — Northwind Insurance";
    let top = harness.get_by_label(heading).rect().top();
    harness
        .get_by_label("Gaps to close, largest first")
        .scroll_to_me();
    harness.run();
    let scrolled = harness.get_by_label(heading).rect().top();
    assert!(
        scrolled < top - 100.0,
        "the overview scrolled: {top} → {scrolled}"
    );

    harness.get_by_label("Perception and consensus").click();
    harness.run();
    let consensus = harness
        .get_by_label_contains(", the business ")
        .rect()
        .top();
    assert!(
        consensus > 80.0,
        "the consensus tab starts at its top: {consensus}"
    );

    harness.get_by_label("Overview").click();
    harness.run();
    let back = harness.get_by_label(heading).rect().top();
    assert!(
        (back - scrolled).abs() < 1.0,
        "the overview is where it was left: {back} vs {scrolled}"
    );
}

#[test]
fn colours_keep_their_contrast_in_both_themes() {
    for dark in [false, true] {
        let ctx = egui::Context::default();
        theme::apply(&ctx, dark);
        let visuals = ctx.global_style().visuals.clone();
        assert_eq!(visuals.dark_mode, dark);
        assert!(
            visuals.weak_text_color().is_opaque(),
            "see-through text would blend into its background"
        );
        for background in theme::backgrounds(&visuals) {
            let ratio = theme::contrast(visuals.weak_text_color(), background);
            assert!(
                ratio >= 4.5,
                "guidance text {:?} on {background:?}: {ratio:.2}:1 (dark {dark})",
                visuals.weak_text_color()
            );
        }
        for colour in [theme::CURRENT, theme::TARGET, theme::IT, theme::BUSINESS] {
            let fill = theme::graphic_colour(&visuals, colour);
            let text = theme::text_colour(&visuals, colour);
            for background in [visuals.panel_fill, visuals.extreme_bg_color] {
                let ratio = theme::contrast(fill, background);
                assert!(ratio >= 3.0, "{colour:?} fill {ratio:.2}:1 (dark {dark})");
            }
            let ratio = theme::contrast(text, visuals.panel_fill);
            assert!(ratio >= 4.5, "{colour:?} text {ratio:.2}:1 (dark {dark})");
        }
        for zone in 0..5 {
            let fill = theme::zone_colour(zone, dark);
            let ratio = theme::contrast(theme::ON_ZONE, fill);
            assert!(ratio >= 4.5, "zone {zone} name {ratio:.2}:1 (dark {dark})");
            if dark {
                let ratio = theme::contrast(fill, visuals.extreme_bg_color);
                assert!(ratio >= 3.0, "zone {zone} {ratio:.2}:1 against the plot");
            }
        }
    }
}
