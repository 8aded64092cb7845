//! The report's touchpoint section: the core's analysis of the map put into rows and words.

use crate::model::{Assessment, Engagement, Side};
use crate::scoring::{FragileRole, MapState, Scores, ServiceDeskShare};

use super::format::{Figure, capitalised, count};
use super::model::{LevelRow, MissingRow, TouchpointView};

/// The touchpoint section; `None` when no touchpoint map was drawn (nor marked complete).
pub fn view(assessment: &Assessment, scores: &Scores) -> Option<TouchpointView> {
    if scores.overall.map == MapState::None {
        return None;
    }
    let analysis = &scores.touchpoints;
    Some(TouchpointView {
        engagement: Figure::score(scores.overall.engagement),
        engagement_target: Figure::score(scores.overall.engagement_target),
        levels: analysis
            .levels
            .iter()
            .map(|l| LevelRow {
                level: capitalised(l.level.name()),
                today: l.today.active,
                target: l.target.active,
                missing: l.missing,
            })
            .collect(),
        missing: analysis
            .missing
            .iter()
            .map(|m| MissingRow {
                business_role: m.business_name.clone(),
                it_role: m.it_name.clone(),
                level: capitalised(m.level.name()),
                channel: m.channel_name.clone(),
                target: how_it_works(m.target),
            })
            .collect(),
        service_desk: service_desk_text(&analysis.service_desk),
        fragile: analysis.fragile_roles.iter().map(fragile_text).collect(),
        unconnected: analysis
            .unconnected_roles
            .iter()
            .map(|r| format!("{} ({})", r.name, r.side.name()))
            .collect(),
        analysis: analysis.clone(),
        map: assessment.touchpoints.clone(),
    })
}

/// "weekly, effectiveness 4 of 5".
pub fn how_it_works(engagement: Engagement) -> String {
    engagement.describe()
}

fn service_desk_text(desk: &ServiceDeskShare) -> String {
    if desk.today_active == 0 {
        return "No touchpoint happens today, through the service desk or otherwise.".to_string();
    }
    let today = format!(
        "{} of the {} today {} through the service desk ({}), and {} of the {} that meet today \
         meet only there.",
        desk.today_desk,
        count(desk.today_active, "active touchpoint"),
        if desk.today_desk == 1 { "runs" } else { "run" },
        Figure::percent(desk.today_share),
        desk.pairs_only_desk_today,
        count(desk.pairs_today, "role pair"),
    );
    if desk.target_active == 0 {
        return today;
    }
    format!(
        "{today} At target, {} of {} ({}).",
        desk.target_desk,
        desk.target_active,
        Figure::percent(desk.target_share)
    )
}

fn fragile_text(role: &FragileRole) -> String {
    let side = match role.side {
        Side::It => "IT",
        Side::Business => "business",
    };
    if role.only_one_touchpoint() {
        format!(
            "{} ({side}): one touchpoint today, through {}",
            role.name, role.channel_name
        )
    } else {
        format!(
            "{} ({side}): {} today, all through {}",
            role.name,
            count(role.touchpoints, "touchpoint"),
            role.channel_name
        )
    }
}
