//! A workshop as a room of eight would leave it, for the screens' layout and snapshot tests:
//! the shipped workshop questionnaire answered by three people from IT and five from the
//! business (some questions divided, some left open), and a touchpoint map being drawn.

use std::path::{Path, PathBuf};

use convergence::files;
use convergence::model::{
    Answer, Assessment, Engagement, Frequency, Level, Participant, Response, Side, Touchpoint,
};
use convergence::ui::command::Command;
use convergence::ui::{App, Screen};
use egui_kittest::Harness;

use crate::harness::app_sized;

/// The room's assessment. Deterministic: the same answers every run.
pub fn workshop_room() -> Assessment {
    let mut assessment = Assessment::new(files::builtin_questionnaires().remove(0));
    assessment.organisation = "Northwind Insurance".into();
    assessment.date = "2025-05-20".into();
    assessment.facilitator = "R. Consultant".into();
    let sides = [
        Side::It,
        Side::It,
        Side::It,
        Side::Business,
        Side::Business,
        Side::Business,
        Side::Business,
        Side::Business,
    ];
    let questions = assessment.questionnaire.questions.clone();
    for (p, side) in sides.into_iter().enumerate() {
        let responses = questions
            .iter()
            .enumerate()
            // The last dimension's questions are still open.
            .filter(|(i, q)| q.audience.includes(side) && *i < questions.len() - 7)
            .map(|(i, q)| {
                // IT rates itself about a level higher; every fifth question divides the room.
                let base = if side == Side::It { 3 } else { 2 };
                let swing = if i % 5 == 0 {
                    (p % 3) as u8 * 2
                } else {
                    (p % 2) as u8
                };
                let today = (base + swing).clamp(1, 5);
                let target = (today + 1 + (i % 2) as u8).min(5);
                let current = if (i + p) % 17 == 0 {
                    Answer::DontKnow
                } else {
                    Answer::Level(today)
                };
                let response = Response {
                    current,
                    target: Answer::Level(target),
                    ..Response::default()
                };
                (q.id.clone(), response)
            })
            .collect();
        assessment.participants.push(Participant {
            id: format!("p{}", p + 1),
            name: format!("Participant {}", p + 1),
            side,
            role: if side == Side::It {
                "IT manager".into()
            } else {
                "Business manager".into()
            },
            level: Some(Level::ALL[p % 3]),
            responses,
            ..Participant::default()
        });
    }
    assessment.touchpoints = room_map(&assessment);
    assessment
}

/// Ten touchpoints over the three levels, one of them missing today.
fn room_map(assessment: &Assessment) -> Vec<Touchpoint> {
    let catalogue = &assessment.questionnaire.touchpoints;
    let channel = |id: &str| {
        catalogue
            .channels
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| catalogue.channels[0].id.clone(), |c| c.id.clone())
    };
    let engagement = |frequency, effectiveness| Engagement {
        frequency,
        effectiveness,
    };
    let plan = [
        (
            0,
            0,
            Level::Strategic,
            "steering_committee",
            Frequency::Quarterly,
            3,
        ),
        (
            4,
            1,
            Level::Tactical,
            "portfolio_board",
            Frequency::Monthly,
            3,
        ),
        (
            4,
            2,
            Level::Tactical,
            "strategy_session",
            Frequency::Quarterly,
            2,
        ),
        (
            5,
            4,
            Level::Tactical,
            "service_review",
            Frequency::Quarterly,
            3,
        ),
        (
            7,
            6,
            Level::Operational,
            "service_desk",
            Frequency::Daily,
            3,
        ),
        (
            8,
            6,
            Level::Operational,
            "service_desk",
            Frequency::Daily,
            2,
        ),
        (
            6,
            3,
            Level::Operational,
            "joint_project_team",
            Frequency::Weekly,
            4,
        ),
        (7, 7, Level::Operational, "coaching", Frequency::AdHoc, 3),
        (1, 0, Level::Strategic, "informal", Frequency::AdHoc, 4),
    ];
    let mut map: Vec<Touchpoint> = plan
        .iter()
        .map(|&(b, i, level, ch, frequency, effectiveness)| {
            let today = engagement(frequency, Some(effectiveness));
            Touchpoint {
                business_role: catalogue.business_roles[b % catalogue.business_roles.len()]
                    .id
                    .clone(),
                it_role: catalogue.it_roles[i % catalogue.it_roles.len()].id.clone(),
                level,
                channel: channel(ch),
                today,
                target: engagement(
                    frequency.max(Frequency::Monthly),
                    Some((effectiveness + 1).min(5)),
                ),
            }
        })
        .collect();
    map.push(Touchpoint {
        business_role: catalogue.business_roles[2].id.clone(),
        it_role: catalogue.it_roles[1].id.clone(),
        level: Level::Strategic,
        channel: channel("steering_committee"),
        today: Engagement::default(),
        target: engagement(Frequency::Monthly, Some(4)),
    });
    map
}

/// The app at `size` in the given theme with the room's assessment open on `screen`.
pub fn room_app(
    folder: &tempfile::TempDir,
    size: egui::Vec2,
    dark: bool,
    screen: Screen,
) -> Harness<'static, App> {
    room_app_in(folder.path(), size, dark, screen)
}

/// The same for a snapshot: the file in a folder named `name`, so the status bar's "Opened …"
/// reads the same on every run.
pub fn room_snapshot_app(name: &str, dark: bool, screen: Screen) -> Harness<'static, App> {
    let folder = std::env::temp_dir()
        .join("convergence-snapshots")
        .join(name);
    std::fs::create_dir_all(&folder).expect("a folder for the snapshot's file");
    room_app_in(&folder, egui::vec2(1280.0, 800.0), dark, screen)
}

fn room_app_in(
    folder: &Path,
    size: egui::Vec2,
    dark: bool,
    screen: Screen,
) -> Harness<'static, App> {
    let path: PathBuf = folder.join("northwind.ron");
    files::save_assessment(&workshop_room(), &path).expect("the room saves");
    let mut harness = app_sized(folder, vec![], size);
    harness.state_mut().push(Command::SetTheme { dark });
    harness.state_mut().push(Command::OpenPath(path));
    harness.run();
    assert!(harness.state().document().is_some(), "the room opened");
    harness.state_mut().push(Command::Show(screen));
    harness.run();
    harness
}
