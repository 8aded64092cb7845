//! Adding touchpoints at the speed of the room, counted in clicks: a cell and a channel (two
//! clicks) add a touchpoint as that channel usually runs; a cell and a few letters with Enter do
//! it from the keyboard; "missing today" stays chosen while the room goes through the pairs, and
//! a missing touchpoint meets at the level of its roles.

use convergence::model::{Engagement, Frequency, Level, Touchpoint};
use convergence::ui::App;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::harness::app;
use crate::touchpoints::{WORKSHOP, open_touchpoints, touchpoints};

/// A new workshop on the touchpoint screen: nothing mapped yet.
fn empty_map(folder: &tempfile::TempDir) -> Harness<'static, App> {
    let mut harness = app(folder.path(), vec![]);
    open_touchpoints(&mut harness, WORKSHOP);
    assert!(touchpoints(&harness).is_empty());
    harness
}

/// Clicks as the facilitator does, counting each one.
struct Clicks(usize);

impl Clicks {
    fn on(&mut self, harness: &mut Harness<'_, App>, label: &str) {
        harness.get_by_label(label).scroll_to_me();
        harness.run();
        harness.get_by_label(label).click();
        harness.run();
        self.0 += 1;
    }
}

#[test]
fn a_cell_and_a_channel_add_a_touchpoint_as_the_channel_usually_runs() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = empty_map(&folder);
    let mut clicks = Clicks(0);
    clicks.on(&mut harness, "Executive board / CEO × CIO / IT director");
    clicks.on(&mut harness, "Add Steering committee");
    assert_eq!(clicks.0, 2);
    let quarterly = Engagement {
        frequency: Frequency::Quarterly,
        effectiveness: Some(3),
    };
    assert_eq!(
        touchpoints(&harness),
        vec![Touchpoint {
            business_role: "executive".into(),
            it_role: "cio".into(),
            level: Level::Strategic,
            channel: "steering_committee".into(),
            today: quarterly,
            target: quarterly,
        }]
    );
    // The next pair, the next channel: two more clicks each.
    clicks.on(&mut harness, "Key user / super user × Service desk");
    clicks.on(&mut harness, "Add Service desk");
    let desk = &touchpoints(&harness)[1];
    assert_eq!(
        (desk.level, desk.today.frequency, desk.is_missing()),
        (Level::Operational, Frequency::Daily, false)
    );
    assert_eq!(clicks.0, 4);
}

#[test]
fn the_keyboard_adds_a_touchpoint_after_the_cell_is_clicked() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = empty_map(&folder);
    let mut clicks = Clicks(0);
    clicks.on(
        &mut harness,
        "Process owner × Service owner / service manager",
    );
    // The channel field has the keys: a few letters narrow the channels, Enter adds the first.
    harness.event(egui::Event::Text("sla".into()));
    harness.run();
    assert!(harness.query_by_label("Add Steering committee").is_none());
    harness.get_by_label("Add SLA review");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(clicks.0, 1);
    let added = touchpoints(&harness);
    assert_eq!(added.len(), 1);
    assert_eq!(
        (
            added[0].business_role.as_str(),
            added[0].it_role.as_str(),
            added[0].channel.as_str(),
            added[0].level,
            added[0].today.frequency
        ),
        (
            "process_owner",
            "service_owner",
            "sla_review",
            Level::Tactical,
            Frequency::Quarterly
        )
    );
    // The field is cleared and keeps the keys for the next one.
    harness.event(egui::Event::Text("desk".into()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(touchpoints(&harness)[1].channel, "service_desk");
    assert_eq!(clicks.0, 1);
    // Ctrl+Z takes the last one back, the field's focus notwithstanding.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(touchpoints(&harness).len(), 1);
}

#[test]
fn missing_touchpoints_meet_at_the_level_of_their_roles_and_the_choice_stays() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = empty_map(&folder);
    let mut clicks = Clicks(0);
    clicks.on(&mut harness, "Executive board / CEO × Service desk");
    clicks.on(&mut harness, "missing today");
    clicks.on(&mut harness, "Add Informal contact");
    let board = &touchpoints(&harness)[0];
    assert!(board.is_missing());
    assert_eq!(
        board.level,
        Level::Strategic,
        "the board meets strategically"
    );
    assert_eq!(board.target.effectiveness, Some(4));
    // Still "missing today" on the next pair: two clicks.
    clicks.on(
        &mut harness,
        "End user × Application specialist / developer",
    );
    clicks.on(&mut harness, "Add Informal contact");
    let user = &touchpoints(&harness)[1];
    assert!(user.is_missing());
    assert_eq!(user.level, Level::Operational);
    assert_eq!(clicks.0, 5);
}
