//! What the screens look like, rendered with wgpu on the machine's software renderer and
//! compared with the images in `tests/snapshots/` (`UPDATE_SNAPSHOTS=1 cargo test` records
//! them; each was looked at before it was recorded): every results tab, the presentation and the
//! touchpoint map's tabs, light and dark, at 1280×800, with the room of `room.rs`. The pointer is
//! taken off each screen first. Recorded images are made smaller losslessly before they are
//! committed (`optipng -o2 -strip all tests/snapshots/*.png`); `kittest.toml` sets the slack.

use convergence::ui::{App, Screen};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::presentation::present_first_question;
use crate::room::room_snapshot_app;

fn theme_name(dark: bool) -> &'static str {
    if dark { "dark" } else { "light" }
}

/// Clicks the tab (or button) named `label` and lets the frame settle.
fn open(harness: &mut Harness<'_, App>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

fn results_tabs(dark: bool) {
    let name = format!("results_{}", theme_name(dark));
    let mut harness = room_snapshot_app(&name, dark, Screen::Results);
    for (tab, name) in [
        ("Overview", "overview"),
        ("Perception and consensus", "consensus"),
        ("Rounds and rules", "rules"),
        ("Notes and comments", "notes"),
    ] {
        open(&mut harness, tab);
        harness.remove_cursor();
        harness.run();
        harness.snapshot(format!("results_{name}_{}", theme_name(dark)));
    }
}

fn presentation(dark: bool) {
    let name = format!("presentation_{}", theme_name(dark));
    let mut harness = room_snapshot_app(&name, dark, Screen::Questionnaire);
    present_first_question(&mut harness);
    // The pointer rests on the projector's corner, off the question.
    harness.remove_cursor();
    harness.run();
    harness.snapshot(&name);
    harness.key_press(Key::R);
    harness.run();
    harness.snapshot(format!("presentation_revealed_{}", theme_name(dark)));
}

fn touchpoint_tabs(dark: bool) {
    let name = format!("touchpoints_{}", theme_name(dark));
    let mut harness = room_snapshot_app(&name, dark, Screen::Touchpoints);
    open(&mut harness, "Business unit head × CIO / IT director");
    harness
        .get_by_label("Add Steering committee")
        .scroll_to_me();
    harness.remove_cursor();
    harness.run();
    harness.snapshot(format!("touchpoints_matrix_{}", theme_name(dark)));
    for (tab, name) in [("By level", "by_level"), ("Heat map & gaps", "gaps")] {
        open(&mut harness, tab);
        harness.remove_cursor();
        harness.run();
        harness.snapshot(format!("touchpoints_{name}_{}", theme_name(dark)));
    }
}

#[test]
fn touchpoints_light() {
    touchpoint_tabs(false);
}

#[test]
fn touchpoints_dark() {
    touchpoint_tabs(true);
}

#[test]
fn presentation_light() {
    presentation(false);
}

#[test]
fn presentation_dark() {
    presentation(true);
}

#[test]
fn results_tabs_light() {
    results_tabs(false);
}

#[test]
fn results_tabs_dark() {
    results_tabs(true);
}
