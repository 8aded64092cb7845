//! The touchpoint map: the core's analysis (missing touchpoints, the service-desk share, roles
//! hanging on one touchpoint or channel, pair and level strengths) and the engagement index on
//! hand-worked maps, then the touchpoint screen driven through egui_kittest as the room would:
//! select a pair, add, change, remove, undo, mark the map complete, and the other two views.
//!
//! The hand-worked map `map()` on a catalogue of 3 business roles × 4 IT roles (12 pairs);
//! strength = frequency weight × effectiveness / 5 (unrated counts as 3):
//!
//! | # | pair             | level       | channel            | today         | target        |
//! | - | ---------------- | ----------- | ------------------ | ------------- | ------------- |
//! | 0 | ceo–cio          | strategic   | steering_committee | quarterly 2: 0.16 | monthly 4: 0.48 |
//! | 1 | user–desk        | operational | service_desk       | daily 3: 0.60 | daily 4: 0.80 |
//! | 2 | bu-head–desk     | operational | service_desk       | weekly –: 0.48 | weekly 4: 0.64 |
//! | 3 | bu-head–partner  | tactical    | joint_project_team | none          | monthly 4: 0.48 |
//! | 4 | user–partner     | operational | service_desk       | ad hoc 1: 0.05 | none         |
//! | 5 | ceo–cio          | tactical    | sla_review         | quarterly –: 0.24 | quarterly 3: 0.24 |

use convergence::document::Edit;
use convergence::model::{
    Answer, Channel, Frequency, Level, Role, Side, Touchpoint, TouchpointCatalogue,
};
use convergence::scoring::{MapState, Phase, engagement_index, touchpoint_analysis};
use convergence::ui::command::Command;
use convergence::ui::theme::fmt_score;
use convergence::ui::{App, Screen};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::harness::{app, app_sized, choose, click, question_id};
use crate::support::{EPS, assert_close, touchpoint};

const SELF_CHECK: &str = "Self-assessment with CIO Self-Check: Business–IT Convergence";
pub const WORKSHOP: &str = "Workshop with Business–IT Convergence Workshop";
const PAIR: &str = "Key user / super user × Service desk";

fn catalogue() -> TouchpointCatalogue {
    let role = |id: &str| Role {
        id: id.into(),
        name: format!("The {id}"),
    };
    let channel = |id: &str| Channel {
        id: id.into(),
        name: format!("Channel {id}"),
        description: String::new(),
    };
    TouchpointCatalogue {
        business_roles: ["ceo", "bu-head", "user"].map(role).to_vec(),
        it_roles: ["cio", "partner", "desk", "architect"].map(role).to_vec(),
        channels: [
            "steering_committee",
            "sla_review",
            "service_desk",
            "joint_project_team",
        ]
        .map(channel)
        .to_vec(),
    }
}

fn map() -> Vec<Touchpoint> {
    use Frequency::{AdHoc, Daily, Monthly, Quarterly, Weekly};
    const NEVER: Frequency = Frequency::None;
    vec![
        touchpoint(
            "ceo",
            "cio",
            Level::Strategic,
            "steering_committee",
            (Quarterly, Some(2)),
            (Monthly, Some(4)),
        ),
        touchpoint(
            "user",
            "desk",
            Level::Operational,
            "service_desk",
            (Daily, Some(3)),
            (Daily, Some(4)),
        ),
        touchpoint(
            "bu-head",
            "desk",
            Level::Operational,
            "service_desk",
            (Weekly, None),
            (Weekly, Some(4)),
        ),
        touchpoint(
            "bu-head",
            "partner",
            Level::Tactical,
            "joint_project_team",
            (NEVER, None),
            (Monthly, Some(4)),
        ),
        touchpoint(
            "user",
            "partner",
            Level::Operational,
            "service_desk",
            (AdHoc, Some(1)),
            (NEVER, None),
        ),
        touchpoint(
            "ceo",
            "cio",
            Level::Tactical,
            "sla_review",
            (Quarterly, None),
            (Quarterly, Some(3)),
        ),
    ]
}

fn close(actual: f64, expected: f64) {
    assert_close(Some(actual), expected);
}

// The analysis.

#[test]
fn missing_touchpoints_are_listed_with_their_names() {
    let analysis = touchpoint_analysis(&catalogue(), &map());
    assert_eq!(analysis.missing.len(), 1);
    let missing = &analysis.missing[0];
    assert_eq!(missing.index, 3);
    assert_eq!(
        (missing.business_name.as_str(), missing.it_name.as_str()),
        ("The bu-head", "The partner")
    );
    assert_eq!(missing.channel_name, "Channel joint_project_team");
    assert_eq!(
        (missing.level, missing.target.frequency),
        (Level::Tactical, Frequency::Monthly)
    );
    // bu-head–partner should meet and does not meet at all; ceo–cio meets.
    assert_eq!(analysis.missing_pairs, 1);
    assert!(
        analysis
            .cell("bu-head", "partner")
            .is_some_and(|c| c.missing_pair && c.missing == 1)
    );
    assert!(
        analysis
            .cell("ceo", "cio")
            .is_some_and(|c| !c.missing_pair && c.missing == 0)
    );
}

#[test]
fn the_share_running_only_through_the_service_desk() {
    let desk = touchpoint_analysis(&catalogue(), &map()).service_desk;
    // Today #0 #1 #2 #4 #5 happen, #1 #2 #4 through the desk: 3 of 5.
    assert_eq!((desk.today_desk, desk.today_active), (3, 5));
    close(desk.today_share.unwrap_or(f64::NAN), 0.6);
    // At target #0 #1 #2 #3 #5 happen, #1 #2 through the desk: 2 of 5.
    assert_eq!((desk.target_desk, desk.target_active), (2, 5));
    close(desk.target_share.unwrap_or(f64::NAN), 0.4);
    // Pairs meeting today: ceo–cio, user–desk, bu-head–desk, user–partner; all but ceo–cio
    // meet only through the desk.
    assert_eq!((desk.pairs_only_desk_today, desk.pairs_today), (3, 4));
}

#[test]
fn nothing_happening_today_has_no_service_desk_share() {
    let only_missing = vec![map()[3].clone()];
    let desk = touchpoint_analysis(&catalogue(), &only_missing).service_desk;
    assert_eq!(desk.today_share, None);
    assert_eq!(desk.target_share, Some(0.0));
}

#[test]
fn roles_hanging_on_one_touchpoint_or_one_channel() {
    let analysis = touchpoint_analysis(&catalogue(), &map());
    let fragile: Vec<(Side, &str, bool, usize, &str)> = analysis
        .fragile_roles
        .iter()
        .map(|r| {
            (
                r.side,
                r.role.as_str(),
                r.only_one_touchpoint(),
                r.touchpoints,
                r.channel.as_str(),
            )
        })
        .collect();
    // ceo and cio meet through two channels (#0, #5), so they are not fragile; bu-head's #3 does
    // not happen today, so #2 is its only touchpoint; user has #1 and #4, both the desk.
    assert_eq!(
        fragile,
        vec![
            (Side::Business, "bu-head", true, 1, "service_desk"),
            (Side::Business, "user", false, 2, "service_desk"),
            (Side::It, "partner", true, 1, "service_desk"),
            (Side::It, "desk", false, 2, "service_desk"),
        ]
    );
    assert_eq!(
        analysis.fragile_roles[0].channel_name,
        "Channel service_desk"
    );
    let unconnected: Vec<(Side, &str)> = analysis
        .unconnected_roles
        .iter()
        .map(|r| (r.side, r.id.as_str()))
        .collect();
    assert_eq!(unconnected, vec![(Side::It, "architect")]);
}

#[test]
fn cells_and_levels_sum_the_strengths_of_their_touchpoints() {
    let analysis = touchpoint_analysis(&catalogue(), &map());
    assert_eq!(
        (analysis.business_roles.len(), analysis.it_roles.len()),
        (3, 4)
    );
    let ceo_cio = analysis.cell("ceo", "cio").expect("a cell");
    assert_eq!(ceo_cio.touchpoints, 2);
    assert_eq!(
        (ceo_cio.today.active, ceo_cio.today.strongest),
        (2, Frequency::Quarterly)
    );
    close(ceo_cio.today.strength, 0.16 + 0.24);
    assert_eq!(
        (ceo_cio.target.active, ceo_cio.target.strongest),
        (2, Frequency::Monthly)
    );
    close(ceo_cio.target.strength, 0.48 + 0.24);
    let user_partner = analysis.cell("user", "partner").expect("a cell");
    close(user_partner.today.strength, 0.05);
    assert_eq!(
        (user_partner.target.active, user_partner.target.strongest),
        (0, Frequency::None)
    );
    let empty = analysis.cell("ceo", "architect").expect("a cell");
    assert_eq!(
        (empty.touchpoints, empty.today.active, empty.target.active),
        (0, 0, 0)
    );
    close(analysis.max_strength, 0.8);

    let levels: Vec<(Level, usize, usize, usize)> = analysis
        .levels
        .iter()
        .map(|l| (l.level, l.today.active, l.target.active, l.missing))
        .collect();
    assert_eq!(
        levels,
        vec![
            (Level::Strategic, 1, 1, 0),
            (Level::Tactical, 1, 2, 1),
            (Level::Operational, 3, 2, 0)
        ]
    );
    close(analysis.levels[2].today.strength, 0.60 + 0.48 + 0.05);
    close(analysis.levels[1].target.strength, 0.48 + 0.24);
}

#[test]
fn roles_the_catalogue_lacks_still_get_a_row_and_a_column() {
    let mut tps = map();
    tps.push(touchpoint(
        "cfo",
        "cto",
        Level::Strategic,
        "lunch",
        (Frequency::Monthly, Some(5)),
        (Frequency::Monthly, Some(5)),
    ));
    let analysis = touchpoint_analysis(&catalogue(), &tps);
    assert_eq!(
        analysis.business_roles.last().map(|r| r.id.as_str()),
        Some("cfo")
    );
    assert_eq!(analysis.it_roles.last().map(|r| r.id.as_str()), Some("cto"));
    assert_eq!(analysis.role_name(Side::It, "cto"), "cto");
    close(
        analysis.cell("cfo", "cto").expect("a cell").today.strength,
        0.6,
    );
    // Only catalogue roles are reported as unconnected.
    assert!(
        analysis
            .unconnected_roles
            .iter()
            .all(|r| r.id != "cfo" && r.id != "cto")
    );
}

#[test]
fn an_empty_map_leaves_every_catalogue_role_unconnected() {
    let analysis = touchpoint_analysis(&catalogue(), &[]);
    assert!(analysis.missing.is_empty() && analysis.fragile_roles.is_empty());
    assert_eq!(analysis.unconnected_roles.len(), 7);
    assert_eq!(analysis.max_strength, 0.0);
}

// The engagement index on hand-worked maps.

#[test]
fn engagement_index_of_the_hand_worked_map() {
    let index = engagement_index(&catalogue(), &map());
    // Today S = (0.16, 0.24, 1.13) by level; depth = (1−e^−0.08 + 1−e^−0.12 + 1−e^−0.565) / 3
    // = (0.076884 + 0.113080 + 0.431640) / 3 = 0.207201; 4 of 12 pairs meet: breadth =
    // 1−e^−1 = 0.632121; E = ⅔·0.207201 + ⅓·0.632121 = 0.348841; index = 1 + 4E = 2.395363.
    assert_close(index.today, 2.395363);
    // Target S = (0.48, 0.72, 1.44): depth = (0.213372 + 0.302324 + 0.513248) / 3 = 0.342981;
    // 4 pairs again (bu-head–partner in, user–partner out): E = 0.439361; index = 2.757444.
    assert_close(index.target, 2.757444);
    assert_eq!(index.missing, 1);
}

#[test]
fn engagement_index_of_a_map_that_only_meets_at_the_service_desk() {
    use Frequency::Daily;
    let desk = |b: &str, i: &str| {
        touchpoint(
            b,
            i,
            Level::Operational,
            "service_desk",
            (Daily, Some(2)),
            (Daily, Some(2)),
        )
    };
    let map = [
        desk("ceo", "desk"),
        desk("bu-head", "desk"),
        desk("user", "desk"),
    ];
    // Each daily at 2: strength 0.4; operational S = 1.2, depth = (1−e^−0.6) / 3 = 0.150396;
    // 3 of 12 pairs: breadth = 1−e^−0.75 = 0.527633; E = 0.100264 + 0.175878 = 0.276142;
    // index = 2.104568, low however busy the desk is.
    let index = engagement_index(&catalogue(), &map);
    assert_close(index.today, 2.104568);
    assert!((index.today.unwrap_or(0.0) - index.target.unwrap_or(0.0)).abs() < EPS);
    let analysis = touchpoint_analysis(&catalogue(), &map);
    assert_eq!(analysis.service_desk.today_share, Some(1.0));
    assert_eq!(analysis.service_desk.pairs_only_desk_today, 3);
}

// The screen.

pub fn open_touchpoints(harness: &mut Harness<'_, App>, start: &str) {
    harness.get_by_label(start).click();
    harness.run();
    harness.get_by_label("Touchpoints").click();
    harness.run();
    assert_eq!(harness.state().screen(), Screen::Touchpoints);
}

pub fn touchpoints(harness: &Harness<'_, App>) -> Vec<Touchpoint> {
    harness
        .state()
        .document()
        .map(|d| d.assessment.touchpoints.clone())
        .unwrap_or_default()
}

/// The header's engagement line for the document's current scores.
fn engagement_line(harness: &Harness<'_, App>) -> String {
    let o = &harness
        .state()
        .document()
        .expect("a document")
        .scores
        .overall;
    let provisional = if o.map == MapState::InProgress {
        " (provisional)"
    } else {
        ""
    };
    format!(
        "Engagement index {} today → {} at target{provisional}",
        fmt_score(o.engagement),
        fmt_score(o.engagement_target)
    )
}

#[test]
fn the_room_adds_changes_removes_and_undoes_a_touchpoint() {
    let data = tempfile::tempdir().expect("a temporary folder");
    let mut harness = app(data.path(), vec![]);
    open_touchpoints(&mut harness, SELF_CHECK);
    harness.get_by_label("Engagement index — today → — at target");

    harness.get_by_label(PAIR).click();
    harness.run();
    click(&mut harness, "Add Informal contact");
    let added = touchpoints(&harness);
    assert_eq!(added.len(), 1);
    assert_eq!(
        (added[0].business_role.as_str(), added[0].it_role.as_str()),
        ("key_user", "service_desk")
    );
    assert_eq!(
        (added[0].today.frequency, added[0].today.effectiveness),
        (Frequency::AdHoc, Some(3))
    );
    assert!(!added[0].is_missing());
    let after_add = engagement_line(&harness);
    assert!(
        !after_add.contains('—'),
        "the index shows once something is mapped: {after_add}"
    );
    harness.get_by_label(&after_add);

    choose(&mut harness, "Today frequency of touchpoint 1", "daily");
    assert_eq!(touchpoints(&harness)[0].today.frequency, Frequency::Daily);
    choose(
        &mut harness,
        "Today effectiveness of touchpoint 1",
        "5 — excellent",
    );
    assert_eq!(touchpoints(&harness)[0].today.effectiveness, Some(5));
    let after_change = engagement_line(&harness);
    assert_ne!(
        after_change, after_add,
        "a stronger touchpoint raises the index"
    );
    harness.get_by_label(&after_change);

    // Two changes to one touchpoint are one undo step.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(touchpoints(&harness), added);
    harness.get_by_label(&after_add);

    click(&mut harness, "Remove touchpoint 1");
    assert!(touchpoints(&harness).is_empty());
    harness.get_by_label("Engagement index — today → — at target");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(touchpoints(&harness), added);
}

#[test]
fn a_touchpoint_that_stops_happening_loses_its_effectiveness() {
    let data = tempfile::tempdir().expect("a temporary folder");
    let mut harness = app(data.path(), vec![]);
    open_touchpoints(&mut harness, SELF_CHECK);
    harness.get_by_label(PAIR).click();
    harness.run();
    click(&mut harness, "Add Informal contact");
    choose(&mut harness, "Level of touchpoint 1", "Tactical");
    choose(&mut harness, "Channel of touchpoint 1", "Service desk");
    choose(&mut harness, "Target frequency of touchpoint 1", "weekly");
    choose(&mut harness, "Today frequency of touchpoint 1", "none");
    let t = &touchpoints(&harness)[0];
    assert_eq!(
        (t.level, t.channel.as_str()),
        (Level::Tactical, "service_desk")
    );
    assert_eq!(
        t.today.effectiveness, None,
        "a touchpoint that does not happen has no effectiveness"
    );
    assert_eq!(t.target.frequency, Frequency::Weekly);
    assert!(t.is_missing());
    harness.get_by_label("1 missing touchpoint");
    harness.get_by_label("#1 missing");
}

#[test]
fn missing_touchpoints_stand_out_in_the_gaps_and_lead_back_to_the_matrix() {
    let data = tempfile::tempdir().expect("a temporary folder");
    let mut harness = app(data.path(), vec![]);
    open_touchpoints(&mut harness, SELF_CHECK);
    harness
        .get_by_label("Business unit head × Business relationship manager")
        .click();
    harness.run();
    click(&mut harness, "missing today");
    click(&mut harness, "Add Informal contact");
    harness.get_by_label(PAIR).click();
    harness.run();
    click(&mut harness, "happening today");
    click(&mut harness, "Add Informal contact");
    choose(&mut harness, "Channel of touchpoint 1", "Service desk");
    let tps = touchpoints(&harness);
    assert_eq!(tps.len(), 2);
    assert!(tps[0].is_missing() && !tps[1].is_missing());
    harness.get_by_label("1 missing touchpoint");

    harness.get_by_label("Heat map & gaps").click();
    harness.run();
    harness.get_by_label("Missing touchpoints (1)");
    harness.get_by_label("Today 1 of 1 touchpoints (100 %) run only through the service desk.");
    // The key user and the service desk each meet only once, through the desk.
    assert_eq!(
        harness
            .get_all_by_label("only one touchpoint (Service desk)")
            .count(),
        2
    );
    // A missing business unit head meets at the strategic level.
    let gap = "Business unit head × Business relationship manager — strategic";
    harness.get_by_label_contains(gap).scroll_to_me();
    harness.run();
    harness.get_by_label_contains(gap).click();
    harness.run();
    // Back on the matrix, with the missing pair's editor open.
    harness.get_by_label("#1 missing");
    harness.get_by_label("Business unit head");

    harness.get_by_label("By level").click();
    harness.run();
    harness.get_by_label("Touchpoints by level");
    harness.get_by_label("Target").click();
    harness.run();
    harness.get_by_label("Touchpoints by level");
}

#[test]
fn every_view_draws_the_workshop_catalogue_at_projector_size() {
    let data = tempfile::tempdir().expect("a temporary folder");
    let mut harness = app_sized(data.path(), vec![], egui::vec2(1920.0, 1080.0));
    open_touchpoints(&mut harness, WORKSHOP);
    let q = harness
        .state()
        .document()
        .map(|d| d.assessment.questionnaire.touchpoints.clone())
        .expect("a document");
    for b in &q.business_roles {
        for i in &q.it_roles {
            harness.get_by_label(&format!("{} × {}", b.name, i.name));
        }
    }
    for tab in ["By level", "Heat map & gaps", "Matrix"] {
        harness.get_by_label(tab).click();
        harness.run();
    }
    assert_eq!(harness.state().screen(), Screen::Touchpoints);
    assert_eq!(harness.state().error(), None);
}

#[test]
fn the_map_counts_in_the_position_only_once_the_facilitator_marks_it_complete() {
    let data = tempfile::tempdir().expect("a temporary folder");
    let mut harness = app(data.path(), vec![]);
    open_touchpoints(&mut harness, SELF_CHECK);
    let first = question_id(&harness, 0);
    harness.state_mut().push(Command::Edit(Edit::Answer {
        participant: 0,
        question: first,
        phase: Phase::Current,
        answer: Answer::Level(3),
    }));
    harness.run();
    harness.get_by_label("Nothing mapped: the position is the practice score alone.");
    let slope =
        |harness: &Harness<'_, App>| harness.state().document().unwrap().scores.overall.slope;
    assert_eq!(slope(&harness), Some(3.0));

    harness.get_by_label(PAIR).click();
    harness.run();
    click(&mut harness, "Add Informal contact");
    assert_eq!(
        slope(&harness),
        Some(3.0),
        "drawing the map does not move the position"
    );
    harness.get_by_label_contains("Slope 3.00 ");
    harness.get_by_label(&engagement_line(&harness));
    let provisional = harness
        .state()
        .document()
        .unwrap()
        .scores
        .overall
        .provisional
        .clone();
    let would_be = provisional
        .and_then(|p| p.slope)
        .expect("a provisional position");
    harness.get_by_label_contains(&format!(
        "with this map the position would be {would_be:.2}"
    ));

    harness
        .get_by_label("The map is complete: count it in the position")
        .click();
    harness.run();
    let doc = harness.state().document().unwrap();
    assert!(doc.assessment.touchpoint_map_complete);
    assert_eq!(doc.scores.overall.map, MapState::Complete);
    assert_eq!(slope(&harness), Some(would_be));
    harness.get_by_label("Counted: the position combines practice and engagement.");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        !harness
            .state()
            .document()
            .unwrap()
            .assessment
            .touchpoint_map_complete
    );
    assert_eq!(slope(&harness), Some(3.0));
}
