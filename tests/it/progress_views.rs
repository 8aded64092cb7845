//! The history and portfolio screens as a user meets them: File → Compare… with assessments
//! added one file at a time (the trend worked by hand in `trend.rs`), File → Portfolio… on a
//! folder (worked by hand in `portfolio.rs`), and an organisation's position on its results.

use convergence::ui::{App, Screen};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::harness::{app, app_opening};
use crate::portfolio::portfolio_folder;
use crate::report_progress::saved_beta;
use crate::trend::{rounds, saved};

pub fn menu(harness: &mut Harness<'_, App>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

fn add_assessment(harness: &mut Harness<'_, App>) {
    harness.get_by_label("Add assessment…").click();
    harness.run();
}

#[test]
fn several_files_on_the_command_line_open_the_history_one_opens_for_work() {
    let [first, second, third] = rounds();
    let (folder, paths) = saved(&[("c", &third), ("a", &first), ("b", &second)]);
    let mut harness = app_opening(folder.path(), paths.clone());
    harness.run();
    assert_eq!(harness.state().screen(), Screen::History);
    assert!(
        harness.state().document().is_none(),
        "nothing opened for work"
    );
    for value in ["1.67", "2.50", "3.17"] {
        assert_eq!(harness.query_all_by_label(value).count(), 2, "{value}");
    }
    harness.get_by_label("+2.00  Communication");

    let mut harness = app_opening(folder.path(), paths[..1].to_vec());
    harness.run();
    assert_ne!(harness.state().screen(), Screen::History);
    let opened = harness.state().document().expect("the one file is open");
    assert_eq!(opened.assessment.date, third.date);
}

#[test]
fn compare_adds_files_one_at_a_time_and_shows_their_trend() {
    let [first, second, third] = rounds();
    let (folder, paths) = saved(&[("c", &third), ("a", &first), ("b", &second)]);
    let mut harness = app(folder.path(), paths.clone());
    menu(&mut harness, "Compare…");
    assert_eq!(harness.state().screen(), Screen::History);
    add_assessment(&mut harness);
    harness.get_by_label("Add at least two assessments of the organisation to see its trend.");
    add_assessment(&mut harness);
    add_assessment(&mut harness);
    // The positions by date, oldest first, whatever order the files came in.
    for value in ["1.67", "2.50", "3.17"] {
        assert_eq!(
            harness.query_all_by_label(value).count(),
            2,
            "{value}: slope and practice"
        );
    }
    harness.get_by_label("Chart of the slope position over time");
    harness.get_by_label("Chart of each dimension over time");
    harness.get_by_label("+2.00  Communication");
    harness.get_by_label("+2.00  People and culture");
    harness.get_by_label("-1.00  Value from usage");
    harness.get_by_label(
        "Strengthened: Chief executive – CIO, strategic, Steering committee: weekly, \
         effectiveness 4 of 5 → daily, effectiveness 5 of 5",
    );
    harness.get_by_label_contains("Added: Business unit head – Business relationship manager");
    harness.get_by_label_contains("Removed: End user – Service desk agent");
    harness.get_by_label_contains("Weakened: Business unit head – CIO");
    harness.get_by_label("Done by 2024-03-01: Joint roadmap");
    harness.get_by_label("Done by 2025-03-01: Monthly café");

    // Without the middle round, the roadmap was completed by the last one.
    harness.get_by_label("Remove b.ron").click();
    harness.run();
    harness.get_by_label("Done by 2025-03-01: Joint roadmap");
    assert!(harness.query_by_label("2.50").is_none());
}

#[test]
fn an_undated_assessment_in_the_history_says_why_there_is_no_trend() {
    let [first, mut second, _] = rounds();
    second.date.clear();
    let (folder, paths) = saved(&[("a", &first), ("undated", &second)]);
    let mut harness = app(folder.path(), paths.clone());
    menu(&mut harness, "Compare…");
    add_assessment(&mut harness);
    add_assessment(&mut harness);
    harness.get_by_label_contains("undated.ron: the assessment has no date");
}

#[test]
fn the_open_assessment_joins_the_history_as_saved() {
    let [first, second, _] = rounds();
    let (folder, paths) = saved(&[("a", &first), ("b", &second)]);
    let mut harness = app(folder.path(), vec![paths[1].clone(), paths[0].clone()]);
    harness.get_by_label("Open…").click();
    harness.run();
    menu(&mut harness, "Compare…");
    harness.get_by_label("Add the open assessment").click();
    harness.run();
    add_assessment(&mut harness);
    harness.get_by_label("+1.00  Communication");
    assert!(harness.query_by_label("Add the open assessment").is_none());
}

#[test]
fn the_portfolio_screen_reads_a_folder_into_a_heat_map_and_distributions() {
    let portfolio = portfolio_folder();
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![]);
    menu(&mut harness, "Portfolio…");
    assert_eq!(harness.state().screen(), Screen::Portfolio);
    harness.get_by_label("Portfolio folder").focus();
    harness.run();
    harness
        .get_by_label("Portfolio folder")
        .type_text(portfolio.path().to_str().unwrap());
    harness.run();
    harness.get_by_label("Read").click();
    harness.run();
    assert_eq!(
        harness.state().settings().portfolio_folder.as_deref(),
        Some(portfolio.path())
    );
    harness.get_by_label("4 organisations (1 earlier assessment counted by a later one).");
    harness.get_by_label("Small test questionnaire · 4 organisations");
    harness.get_by_label("Delta Communication: 5.00");
    harness.get_by_label("Gamma Value from usage: —");
    harness.get_by_label("ACME  ltd slope: 3.17");
    // Each heading stands over its column, after a heading wider than its cell ("Communication").
    let heading = harness.get_by_label("People").rect();
    let cell = harness
        .get_by_label("Gamma People and culture: 3.00")
        .rect();
    assert!(
        (heading.center().x - cell.center().x).abs() < 1.0,
        "the heading at {heading:?} stands over its column at {cell:?}"
    );
    harness.get_by_label(
        "Communication: 4 organisations, Q1 2.75, median 3.00, Q3 3.50, range 2.00–5.00",
    );
    harness.get_by_label(
        "Value from usage: 3 organisations, Q1 2.50, median 4.00, Q3 4.00, range 1.00–4.00",
    );
    harness
        .get_by_label("3 files could not be read and are left out")
        .click();
    harness.run();
    harness.get_by_label_contains("questionnaire.ron: a questionnaire, not an assessment");
    harness.get_by_label_contains("Luftman and Kempaiah (2007)");
}

#[test]
fn the_portfolio_folder_is_chosen_with_a_dialog() {
    let portfolio = portfolio_folder();
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![portfolio.path().to_path_buf()]);
    menu(&mut harness, "Portfolio…");
    harness.get_by_label("Choose folder…").click();
    harness.run();
    harness.get_by_label("Delta Communication: 5.00");
}

#[test]
fn an_organisations_results_show_its_position_in_the_portfolio() {
    let portfolio = portfolio_folder();
    let (data, path) = saved_beta();
    let mut harness = app(data.path(), vec![path, portfolio.path().to_path_buf()]);
    let sentence = "Your position among 4 organisations assessed with this questionnaire: \
                    slope 2.83, above 0% of the other 3 (ties counted half; their median 3.17).";
    harness.get_by_label("Open…").click();
    harness.run();
    assert!(
        harness.query_by_label(sentence).is_none(),
        "no portfolio read yet"
    );
    menu(&mut harness, "Portfolio…");
    harness.get_by_label("Choose folder…").click();
    harness.run();
    harness.get_by_label("Results").click();
    harness.run();
    harness.get_by_label(sentence);
    harness.get_by_label("Each dimension among them").click();
    harness.run();
    // Worked by hand in `report_progress.rs`.
    harness.get_by_label("Communication: 2.00, above 0% of 3 others");
    harness.get_by_label("Value from usage: 4.00, above 75% of 2 others");
    harness.get_by_label("People and culture: 3.00, above 50% of 3 others");
}

/// Types `path` into the in-window dialog's file name field and presses Enter.
fn choose_in_window(harness: &mut Harness<'_, App>, path: &std::path::Path) {
    harness.get_by_label("File name").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("File name")
        .type_text(&path.display().to_string());
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
}

#[test]
fn without_a_native_dialog_the_window_asks_for_one_file_at_a_time() {
    let [first, _, third] = rounds();
    let (folder, paths) = saved(&[("a", &first), ("c", &third)]);
    let mut harness = crate::harness::app_without_native_dialogs(folder.path());
    menu(&mut harness, "Compare…");
    for path in &paths {
        add_assessment(&mut harness);
        harness.get_by_label_contains("Choose an assessment to add to the history");
        choose_in_window(&mut harness, path);
    }
    harness.get_by_label("Remove a.ron");
    harness.get_by_label("Remove c.ron");
    harness.get_by_label("+2.00  Communication");
}

#[test]
fn compare_refuses_a_file_that_is_not_an_assessment_and_keeps_the_others() {
    let [first, ..] = rounds();
    let (folder, mut paths) = saved(&[("a", &first)]);
    let questionnaire = folder.path().join("questionnaire.ron");
    std::fs::write(
        &questionnaire,
        crate::support::questionnaire_ron(&crate::support::questionnaire()),
    )
    .unwrap();
    let notes = folder.path().join("notes.ron");
    std::fs::write(&notes, "not an assessment at all").unwrap();
    paths.extend([questionnaire, notes]);
    let mut harness = app(folder.path(), paths);
    menu(&mut harness, "Compare…");
    add_assessment(&mut harness);
    for name in ["questionnaire.ron", "notes.ron"] {
        add_assessment(&mut harness);
        harness.get_by_label_contains("Could not add to the history.");
        harness.get_by_label_contains(name);
        harness.get_by_label("OK").click();
        harness.run();
        assert!(harness.query_by_label(&format!("Remove {name}")).is_none());
    }
    // The one good file stays, on its own: no trend yet.
    harness.get_by_label("Remove a.ron");
    harness.get_by_label("Add at least two assessments of the organisation to see its trend.");
}

#[test]
fn an_empty_portfolio_folder_says_what_was_looked_for() {
    let empty = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut harness = app(data.path(), vec![empty.path().to_path_buf()]);
    menu(&mut harness, "Portfolio…");
    harness.get_by_label("Choose folder…").click();
    harness.run();
    harness.get_by_label(
        "No assessment found in this folder: the portfolio reads the assessment files (.ron) \
         in it and its sub-folders.",
    );
    assert!(harness.query_by_label_contains("Organisation").is_none());
}

#[test]
fn a_portfolio_folder_that_does_not_exist_is_named_in_the_error() {
    let data = tempfile::tempdir().unwrap();
    let missing = data.path().join("no such folder");
    let mut harness = app(data.path(), vec![missing]);
    menu(&mut harness, "Portfolio…");
    harness.get_by_label("Choose folder…").click();
    harness.run();
    harness.get_by_label_contains("Could not read the portfolio.");
    harness.get_by_label_contains("no such folder: cannot read the portfolio folder");
    harness.get_by_label("OK").click();
    harness.run();
    harness.get_by_label("Choose the folder and read it.");
}
