//! No text clipped or overprinted: every results tab and the touchpoint map's tabs, light and
//! dark, and the presentation, at 1280×800 and at 1024×700, with the room of `room.rs`.
//! Each piece of text and each chart row is an accessible node; none may reach past the
//! window's sides, and no two may overlap.

use convergence::ui::{App, Screen};
use egui::accesskit::Role;
use egui::{Key, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable, by};

use crate::presentation::present_first_question;
use crate::room::room_app;

const SIZES: [egui::Vec2; 2] = [egui::vec2(1280.0, 800.0), egui::vec2(1024.0, 700.0)];

/// The text-bearing nodes on screen: labels, buttons, and the rows of the charts.
fn texts(harness: &Harness<'_, App>) -> Vec<(String, Role, Rect)> {
    harness
        .query_all(by().predicate(|node| {
            matches!(
                node.role(),
                Role::Label | Role::Button | Role::Row | Role::CheckBox
            )
        }))
        .map(|node| {
            let ak = node.accesskit_node();
            (
                ak.label().or_else(|| ak.value()).unwrap_or_default(),
                ak.role(),
                node.rect(),
            )
        })
        .collect()
}

/// Fails naming the first text that leaves the window sideways or overlaps another.
#[track_caller]
fn assert_tidy(harness: &Harness<'_, App>, width: f32, what: &str) {
    let texts = texts(harness);
    for (label, _, rect) in &texts {
        assert!(
            rect.left() >= -0.5 && rect.right() <= width + 0.5,
            "{what}: {label:?} at {rect:?} is cut off by the window ({width} wide)"
        );
    }
    // What scrolls below the status bar is hidden under it, not overprinted.
    let status = harness.state().status().to_string();
    let bottom = texts
        .iter()
        .find(|(label, _, _)| !status.is_empty() && label == &status)
        .map_or(f32::INFINITY, |(_, _, rect)| rect.top() - 2.0);
    let shown: Vec<_> = texts
        .iter()
        .filter(|(label, _, rect)| rect.bottom() <= bottom || label == &status)
        .collect();
    for (i, (a, _, ra)) in shown.iter().enumerate() {
        for (b, _, rb) in &shown[i + 1..] {
            let overlap = ra.intersect(*rb);
            let area = overlap.width().max(0.0) * overlap.height().max(0.0);
            assert!(
                area < 4.0,
                "{what}: {a:?} at {ra:?} overlaps {b:?} at {rb:?}"
            );
        }
    }
}

fn visit(harness: &mut Harness<'_, App>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

#[test]
fn results_tabs_fit_the_window() {
    for size in SIZES {
        for dark in [false, true] {
            let folder = tempfile::tempdir().unwrap();
            let mut harness = room_app(&folder, size, dark, Screen::Results);
            for tab in [
                "Overview",
                "Perception and consensus",
                "Rounds and rules",
                "Notes and comments",
            ] {
                visit(&mut harness, tab);
                assert_tidy(&harness, size.x, &format!("{tab} at {size:?}, dark {dark}"));
            }
        }
    }
}

#[test]
fn the_presentation_fits_the_window() {
    for size in SIZES {
        let folder = tempfile::tempdir().unwrap();
        let mut harness = room_app(&folder, size, false, Screen::Questionnaire);
        present_first_question(&mut harness);
        assert_tidy(&harness, size.x, &format!("presentation at {size:?}"));
        harness.key_press(Key::R);
        harness.run();
        assert_tidy(&harness, size.x, &format!("revealed at {size:?}"));
    }
}

#[test]
fn the_touchpoint_map_fits_the_window() {
    for size in SIZES {
        for dark in [false, true] {
            let folder = tempfile::tempdir().unwrap();
            let mut harness = room_app(&folder, size, dark, Screen::Touchpoints);
            visit(&mut harness, "Business unit head × CIO / IT director");
            for tab in ["Matrix", "By level", "Heat map & gaps"] {
                visit(&mut harness, tab);
                assert_tidy(&harness, size.x, &format!("{tab} at {size:?}, dark {dark}"));
            }
        }
    }
}

/// With the phone-voting panel beside it, fast entry's grid keeps its Target column in view:
/// side by side with the summary it was cut off under the panel's edge.
#[test]
fn fast_entry_keeps_the_target_column_beside_the_phone_panel() {
    for size in SIZES {
        let folder = tempfile::tempdir().unwrap();
        let mut harness = room_app(&folder, size, false, Screen::Questionnaire);
        visit(&mut harness, "Phone voting");
        let rect = |harness: &Harness<'_, App>, label: &str| {
            harness
                .get_all_by_label(label)
                .next()
                .unwrap_or_else(|| panic!("{label:?} on screen"))
                .rect()
        };
        let target = rect(&harness, "Target");
        let panel = rect(&harness, "Start phone voting");
        let summary = rect(&harness, "This question so far");
        assert!(
            target.right() <= panel.left(),
            "at {size:?} the Target column {target:?} runs under the panel at {panel:?}"
        );
        assert!(
            target.right() <= summary.left() || target.bottom() <= summary.top(),
            "at {size:?} the Target column {target:?} is cut off by the summary at {summary:?}"
        );
    }
}
