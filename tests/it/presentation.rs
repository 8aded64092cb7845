//! The projector, as the room sees it: on reveal, the answers level by level with IT and the
//! business apart, their counts and what they say in words, and no agreement index; an optional
//! timer that counts each question down.

use std::time::Duration;

use convergence::ui::{App, Screen};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::harness::{press, question_id};
use crate::room::room_app;

/// The room's first question on the projector.
fn projector(folder: &tempfile::TempDir) -> Harness<'static, App> {
    let size = egui::vec2(1280.0, 800.0);
    let mut harness = room_app(folder, size, false, Screen::Questionnaire);
    present_first_question(&mut harness);
    harness
}

/// From fast entry, the first question (by the list of questions) on the projector.
pub fn present_first_question(harness: &mut Harness<'_, App>) {
    let first = question_id(harness, 0);
    let item = format!(" {first} · ");
    harness.get_by_label_contains(&item).scroll_to_me();
    harness.run();
    harness.get_by_label_contains(&item).click();
    harness.run();
    harness.get_by_label("Present").click();
    harness.run();
}

#[test]
fn the_reveal_shows_each_side_in_counts_and_words_and_no_rwg() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = projector(&folder);
    harness.get_by_label_contains("Press R to reveal the room's answers.");
    press(&mut harness, &[Key::R]);
    let doc = harness.state().document().unwrap();
    let score = doc.scores.questions[0].clone();
    let words = convergence::scoring::room_sentence(&score);
    harness.get_by_label(&format!("{}{}.", words[..1].to_uppercase(), &words[1..]));
    let levels = &doc.assessment.questionnaire.scale.levels;
    for (i, level) in levels.iter().enumerate() {
        harness.get_by_label(&format!(
            "{} · {}: {} from IT, {} from the business",
            level.value, level.label, score.it_distribution[i], score.business_distribution[i]
        ));
    }
    // Participant 1 (IT) does not know: two levels from IT, five from the business.
    assert_eq!(score.it_distribution.iter().sum::<usize>(), 2);
    assert_eq!(score.business_distribution.iter().sum::<usize>(), 5);
    for hidden in ["rwg", "agreement"] {
        assert_eq!(
            harness.query_all_by_label_contains(hidden).count(),
            0,
            "{hidden} is not for the projector"
        );
    }
}

/// The countdown as the room reads it, "0:57 left".
fn countdown(harness: &Harness<'_, App>) -> String {
    harness
        .get_by_label_contains(" left")
        .value()
        .unwrap_or_default()
}

/// How long the window may wait before it draws again, by what the last frame asked.
fn repaint_delay(harness: &Harness<'_, App>) -> Duration {
    harness.output().viewport_output[&egui::ViewportId::ROOT].repaint_delay
}

#[test]
fn the_timer_counts_each_question_down() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = projector(&folder);
    harness.get_by_label("Timer: off (T)");
    assert!(harness.query_by_label_contains(" left").is_none());
    assert_eq!(
        repaint_delay(&harness),
        Duration::MAX,
        "with no timer, the projector waits for input"
    );
    press(&mut harness, &[Key::T]);
    harness.get_by_label("Timer: 1:00 (T)");
    harness.get_by_label("1:00 left");
    assert!(repaint_delay(&harness) <= Duration::from_secs(1));
    // Each step of the harness is a quarter of a second.
    for _ in 0..8 {
        harness.step();
    }
    harness.run();
    let ticked = countdown(&harness);
    assert!(
        ticked.starts_with("0:5"),
        "{ticked} after about three seconds"
    );
    for _ in 0..240 {
        harness.step();
    }
    harness.run();
    harness.get_by_label("Time is up");
    // The next question starts its own minute; T makes it two.
    press(&mut harness, &[Key::ArrowRight]);
    harness.get_by_label("1:00 left");
    press(&mut harness, &[Key::T]);
    harness.get_by_label("2:00 left");
    for _ in 0..3 {
        press(&mut harness, &[Key::T]);
    }
    harness.get_by_label("Timer: off (T)");
    assert!(harness.query_by_label_contains(" left").is_none());
    assert!(harness.query_by_label_contains("timer (S)").is_none());
}

#[test]
fn a_stopped_timer_stands_still_until_started_again() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = projector(&folder);
    harness.get_by_label("Timer: off (T)").click();
    harness.run();
    harness.get_by_label("Timer: 1:00 (T)");
    for _ in 0..8 {
        harness.step();
    }
    harness.get_by_label("Stop timer (S)").click();
    harness.run();
    let stopped = countdown(&harness);
    assert!(stopped.ends_with(" left (stopped)"), "{stopped}");
    assert_eq!(
        repaint_delay(&harness),
        Duration::MAX,
        "a stopped timer does not tick"
    );
    for _ in 0..40 {
        harness.step();
    }
    assert_eq!(countdown(&harness), stopped, "ten seconds later, the same");
    press(&mut harness, &[Key::S]);
    harness.get_by_label("Stop timer (S)");
    for _ in 0..12 {
        harness.step();
    }
    harness.run();
    let going = countdown(&harness);
    assert!(
        going.ends_with(" left") && going < stopped,
        "{going} after {stopped}: counting on from there"
    );
    // Ctrl+S saves; it does not stop the timer.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("Stop timer (S)");
}
