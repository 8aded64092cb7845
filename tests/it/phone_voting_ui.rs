//! Phone voting in the window, driven as a facilitator would: "Phone voting" on the
//! questionnaire screen, the network picked (loopback here), start, the QR code and the address
//! shown, a question opened; a phone's vote arrives as the typed answer's edits (undone with
//! Ctrl+Z); stop, and nothing listens any more.

use std::time::{Duration, Instant};

use convergence::model::{Answer, Side};
use convergence::ui::{App, Screen, command::Command};
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};
use serde_json::{Value, json};

use crate::harness::{self, choose, click};
use crate::support::{self, lv};

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(5)))
        .build()
        .into()
}

fn post(url: &str, body: Value) -> (u16, Value) {
    let mut response = agent().post(url).send_json(body).unwrap();
    let status = response.status().as_u16();
    (
        status,
        response.body_mut().read_json().unwrap_or(Value::Null),
    )
}

/// Fails if anything still answers to the session of `join_url` (another session, in a test
/// running beside this one, may have the port since: it knows another token).
fn assert_not_serving(join_url: &str) {
    let (base, token) = join_url.split_once("/?t=").unwrap();
    let roster = agent()
        .get(&format!("{base}/api/participants?t={token}"))
        .call();
    if let Ok(response) = roster {
        assert_ne!(response.status(), 200, "{base} still serves the session");
    }
}

/// Runs frames until `done` holds of the app (the phones' changes arrive between frames).
fn run_until(harness: &mut Harness<'_, App>, done: impl Fn(&App) -> bool) {
    let start = Instant::now();
    while !done(harness.state()) {
        assert!(start.elapsed() < Duration::from_secs(10), "never happened");
        std::thread::sleep(Duration::from_millis(10));
        harness.run();
    }
}

/// The small questionnaire's assessment with one IT and one business participant, no answers.
fn room_of_two() -> convergence::model::Assessment {
    let mut assessment = support::assessment();
    support::add_participant(&mut assessment, Side::It, &[]);
    support::add_participant(&mut assessment, Side::Business, &[]);
    assessment
}

/// Opens the panel, picks loopback (so that nothing but this machine is ever sent anything)
/// and starts: the join address.
fn start_on_loopback(harness: &mut Harness<'_, App>) -> String {
    click(harness, "Phone voting");
    choose(harness, "Network", "lo · 127.0.0.1");
    click(harness, "Start phone voting");
    harness.state().phone_join_url().expect("voting is on")
}

#[test]
fn phone_voting_starts_shows_the_qr_code_takes_a_vote_as_an_edit_and_stops() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("workshop.ron");
    convergence::files::save_assessment(&room_of_two(), &file).unwrap();
    let mut harness = harness::app(dir.path(), vec![]);
    harness.state_mut().push(Command::OpenPath(file));
    harness.run();
    harness
        .state_mut()
        .push(Command::Show(Screen::Questionnaire));
    harness.run();

    let url = start_on_loopback(&mut harness);
    harness.get_by_label("QR code to join the vote");
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    harness.get_by_label(&url);
    let (base, token) = url.split_once("/?t=").unwrap();

    click(&mut harness, "Open");
    harness.get_by_label("0 of 2 voted");
    let (status, joined) = post(
        &format!("{base}/api/join"),
        json!({"t": token, "name": "Zoë", "side": "Business"}),
    );
    assert_eq!(status, 200, "{joined}");
    let (status, body) = post(
        &format!("{base}/api/vote"),
        json!({"t": token, "device": joined["device"], "question": "c1", "current": 3, "target": 4}),
    );
    assert_eq!(status, 200, "{body}");

    let answered = |app: &App| {
        app.document().is_some_and(|doc| {
            doc.assessment
                .participants
                .iter()
                .any(|p| p.name == "Zoë" && p.responses.contains_key("c1"))
        })
    };
    run_until(&mut harness, answered);
    assert_eq!(harness::current(&harness, 2, "c1"), lv(3));
    assert_eq!(harness::target(&harness, 2, "c1"), lv(4));
    harness.get_by_label("1 of 3 voted");
    assert!(harness.state().document().unwrap().is_dirty());

    // Revealed: the counts by side, today and target, all inside the window.
    click(&mut harness, "Reveal");
    let off_window: Vec<String> = harness
        .query_all(by().predicate(|node| node.bounding_box().is_some_and(|b| b.x1 > 1280.0)))
        .map(|node| format!("{node:?}"))
        .collect();
    assert!(off_window.is_empty(), "off the window: {off_window:?}");
    assert_eq!(harness.get_all_by_label("Not applicable").count(), 2);

    // The same undo as a typed answer: target, then today.
    harness.state_mut().push(Command::Undo);
    harness.run();
    assert_eq!(harness::target(&harness, 2, "c1"), Answer::Blank);
    harness.state_mut().push(Command::Undo);
    harness.run();
    assert_eq!(harness::current(&harness, 2, "c1"), Answer::Blank);
    harness.get_by_label("0 of 3 voted");

    // The room moves on in fast entry: "Open" offers the question it moved to.
    click(&mut harness, "Next question →");
    click(&mut harness, "Open");
    harness.get_by_label("Question 2 · open");
    // And "Next" in the panel moves fast entry on with the phones.
    click(&mut harness, "Next");
    harness.get_by_label("Question 3 · open");
    harness.get_by_label_contains("Question 3 of 6");

    click(&mut harness, "Stop phone voting");
    assert!(harness.state().phone_join_url().is_none());
    assert!(harness.query_by_label("QR code to join the vote").is_none());
    harness.get_by_label("Start phone voting");
    assert_not_serving(&url);
}

#[test]
fn phone_voting_from_the_presentation_is_autosaved_and_ends_when_the_app_closes() {
    let (data, files) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let file = files.path().join("workshop.ron");
    convergence::files::save_assessment(&room_of_two(), &file).unwrap();
    let mut harness = harness::app(data.path(), vec![]);
    harness.state_mut().push(Command::OpenPath(file));
    harness.run();
    harness.state_mut().push(Command::Present(Some(2)));
    harness.run();

    let url = start_on_loopback(&mut harness);
    harness.get_by_label("QR code to join the vote");
    let (base, token) = url.split_once("/?t=").unwrap();
    // "Open" offers the question on the projector, the third.
    click(&mut harness, "Open");

    // The business participant picks themself from the list and votes.
    let (status, joined) = post(
        &format!("{base}/api/join"),
        json!({"t": token, "participant": "p2"}),
    );
    assert_eq!(status, 200, "{joined}");
    let (status, body) = post(
        &format!("{base}/api/vote"),
        json!({"t": token, "device": joined["device"], "question": "v1", "current": 2, "target": "dont_know"}),
    );
    assert_eq!(status, 200, "{body}");
    run_until(&mut harness, |app| {
        app.document()
            .is_some_and(|doc| doc.assessment.participants[1].responses.contains_key("v1"))
    });
    harness.get_by_label("1 of 2 voted");

    // The autosave is due two seconds after the vote: step past it (a step is 0.25 s).
    for _ in 0..12 {
        harness.step();
    }
    let recovery = convergence::files::read_autosave(data.path())
        .expect("an autosave")
        .unwrap();
    let response = &recovery.assessment.participants[1].responses["v1"];
    assert_eq!(
        (response.current, response.target),
        (lv(2), Answer::DontKnow)
    );

    // The projector follows the phones on to the next question.
    click(&mut harness, "Next");
    harness.get_by_label("Question 4 · open");
    harness.get_by_label_contains("question 4 of 6");

    drop(harness);
    assert_not_serving(&url);
}

#[test]
fn opening_another_assessment_stops_phone_voting_on_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("first.ron"), dir.path().join("second.ron"));
    let assessment = room_of_two();
    // The same questionnaire and the same participant ids: only the file tells them apart.
    convergence::files::save_assessment(&assessment, &first).unwrap();
    convergence::files::save_assessment(&assessment, &second).unwrap();
    let mut harness = harness::app(dir.path(), vec![]);
    harness.state_mut().push(Command::OpenPath(first));
    harness.run();
    harness
        .state_mut()
        .push(Command::Show(Screen::Questionnaire));
    harness.run();
    let url = start_on_loopback(&mut harness);

    harness.state_mut().push(Command::OpenPath(second.clone()));
    harness.run();
    let doc = harness.state().document().unwrap();
    assert_eq!(doc.path.as_deref(), Some(second.as_path()));
    assert!(harness.state().phone_join_url().is_none());
    assert_not_serving(&url);
    harness
        .state_mut()
        .push(Command::Show(Screen::Questionnaire));
    harness.run();
    harness.get_by_label("Phone voting stopped: another assessment was opened.");

    // Two new workshops, neither saved: nothing but the app tells them apart.
    let new_workshop = || Command::New {
        questionnaire: Box::new(support::questionnaire()),
        alone: false,
    };
    harness.state_mut().push(new_workshop());
    harness.run();
    harness
        .state_mut()
        .push(Command::Show(Screen::Questionnaire));
    harness.run();
    click(&mut harness, "Start phone voting");
    let url = harness.state().phone_join_url().expect("voting is on");
    harness.state_mut().push(new_workshop());
    harness.run();
    assert!(harness.state().phone_join_url().is_none());
    assert_not_serving(&url);
}
