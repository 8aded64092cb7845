//! What a touchpoint map tells beyond the engagement index: the touchpoints that should exist
//! but do not, how much of the contact runs only through the service desk, the roles that hang
//! on one touchpoint or one channel, and how strongly each business role meets each IT role
//! today and at target (the matrix and the heat map), overall and per level.
//!
//! Everything here counts "active" touchpoints: those whose frequency is not `None`. The
//! strength of a touchpoint is the engagement index's (`strength`): frequency weight ×
//! effectiveness / 5, so the heat map and the index agree on what a strong touchpoint is.

use serde::Serialize;

use crate::model::{Engagement, Frequency, Level, Side, Touchpoint, TouchpointCatalogue};

use super::engagement::strength;

/// The channel id that stands for the service desk in the shipped questionnaires.
pub const SERVICE_DESK_CHANNEL: &str = "service_desk";

/// The map's analysis.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TouchpointAnalysis {
    /// Rows of the matrix: the catalogue's business roles, then any the map names that the
    /// catalogue lacks (a map kept from an older questionnaire).
    pub business_roles: Vec<RoleName>,
    /// Columns of the matrix, the same way.
    pub it_roles: Vec<RoleName>,
    /// `cells[row][column]`: one per business role × IT role.
    pub cells: Vec<Vec<PairCell>>,
    /// The largest strength of any cell, today or at target: the top of the heat map's scale.
    pub max_strength: f64,
    /// Strategic, tactical, operational, in that order.
    pub levels: Vec<LevelSummary>,
    /// Touchpoints that should exist but do not, in map order.
    pub missing: Vec<MissingTouchpoint>,
    /// Role pairs that should meet but do not meet at all today.
    pub missing_pairs: usize,
    pub service_desk: ServiceDeskShare,
    /// Roles whose contact today hangs on one touchpoint or one channel.
    pub fragile_roles: Vec<FragileRole>,
    /// Catalogue roles with no active touchpoint today.
    pub unconnected_roles: Vec<SideRole>,
}

/// A role's id and the name it is shown by.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RoleName {
    pub id: String,
    pub name: String,
}

/// A role and the side it sits on.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SideRole {
    pub side: Side,
    pub id: String,
    pub name: String,
}

/// How much a set of touchpoints happens, in one phase (today or target).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Activity {
    /// Touchpoints that happen at all.
    pub active: usize,
    /// Sum of their strengths.
    pub strength: f64,
    /// The most frequent of them (`None` when none happens).
    pub strongest: Frequency,
}

/// One business role × IT role cell of the matrix.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PairCell {
    pub business_role: String,
    pub it_role: String,
    /// Touchpoints of this pair on the map, whether they happen or not.
    pub touchpoints: usize,
    pub today: Activity,
    pub target: Activity,
    /// Touchpoints of this pair that should exist but do not.
    pub missing: usize,
    /// The pair should meet but does not meet at all today.
    pub missing_pair: bool,
}

/// The touchpoints at one level.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LevelSummary {
    pub level: Level,
    pub today: Activity,
    pub target: Activity,
    pub missing: usize,
}

/// A touchpoint that should exist but does not.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MissingTouchpoint {
    /// Position in the assessment's touchpoint list.
    pub index: usize,
    pub business_role: String,
    pub business_name: String,
    pub it_role: String,
    pub it_name: String,
    pub level: Level,
    pub channel: String,
    pub channel_name: String,
    /// How it should work.
    pub target: Engagement,
}

/// How much of the contact runs only through the service desk.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ServiceDeskShare {
    /// Active touchpoints today, and how many of them are the service desk.
    pub today_active: usize,
    pub today_desk: usize,
    /// `today_desk / today_active`; `None` when nothing happens today.
    pub today_share: Option<f64>,
    pub target_active: usize,
    pub target_desk: usize,
    pub target_share: Option<f64>,
    /// Role pairs that meet today, and how many of them meet only through the service desk.
    pub pairs_today: usize,
    pub pairs_only_desk_today: usize,
}

/// Why a role's contact is fragile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Fragility {
    /// The role has exactly one active touchpoint today.
    OnlyOneTouchpoint,
    /// The role has several active touchpoints today, all through one channel.
    OnlyOneChannel,
}

/// A role whose contact with the other side hangs on one touchpoint or one channel.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FragileRole {
    pub side: Side,
    pub role: String,
    pub name: String,
    pub fragility: Fragility,
    /// Its active touchpoints today.
    pub touchpoints: usize,
    /// The one channel they all run through.
    pub channel: String,
    pub channel_name: String,
}

impl TouchpointAnalysis {
    /// The cell of a business role and an IT role, by id.
    pub fn cell(&self, business_role: &str, it_role: &str) -> Option<&PairCell> {
        let row = self
            .business_roles
            .iter()
            .position(|r| r.id == business_role)?;
        let column = self.it_roles.iter().position(|r| r.id == it_role)?;
        self.cells.get(row)?.get(column)
    }

    /// The name a role is shown by on its side, or its id when it is not in the catalogue.
    pub fn role_name<'a>(&'a self, side: Side, id: &'a str) -> &'a str {
        let roles = match side {
            Side::Business => &self.business_roles,
            Side::It => &self.it_roles,
        };
        roles
            .iter()
            .find(|r| r.id == id)
            .map_or(id, |r| r.name.as_str())
    }
}

impl FragileRole {
    /// The role has exactly one active touchpoint today (rather than several through one channel).
    pub fn only_one_touchpoint(&self) -> bool {
        self.fragility == Fragility::OnlyOneTouchpoint
    }
}

impl Activity {
    fn add(&mut self, engagement: Engagement) {
        if engagement.frequency != Frequency::None {
            self.active += 1;
            self.strength += strength(engagement);
            self.strongest = self.strongest.max(engagement.frequency);
        }
    }
}

/// Analyses a touchpoint map.
pub fn touchpoint_analysis(
    catalogue: &TouchpointCatalogue,
    map: &[Touchpoint],
) -> TouchpointAnalysis {
    let business_roles = roles_with_extras(
        &catalogue.business_roles,
        map.iter().map(|t| &t.business_role),
    );
    let it_roles = roles_with_extras(&catalogue.it_roles, map.iter().map(|t| &t.it_role));

    let mut cells: Vec<Vec<PairCell>> = business_roles
        .iter()
        .map(|b| {
            it_roles
                .iter()
                .map(|i| PairCell {
                    business_role: b.id.clone(),
                    it_role: i.id.clone(),
                    ..PairCell::default()
                })
                .collect()
        })
        .collect();
    let mut levels: Vec<LevelSummary> = Level::ALL
        .iter()
        .map(|&level| LevelSummary {
            level,
            ..LevelSummary::default()
        })
        .collect();
    let mut missing = Vec::new();
    let mut service_desk = ServiceDeskShare::default();

    for (index, t) in map.iter().enumerate() {
        let row = business_roles.iter().position(|r| r.id == t.business_role);
        let column = it_roles.iter().position(|r| r.id == t.it_role);
        if let Some(cell) = row
            .zip(column)
            .and_then(|(r, c)| cells.get_mut(r)?.get_mut(c))
        {
            cell.touchpoints += 1;
            cell.today.add(t.today);
            cell.target.add(t.target);
            cell.missing += usize::from(t.is_missing());
        }
        if let Some(summary) = levels.iter_mut().find(|l| l.level == t.level) {
            summary.today.add(t.today);
            summary.target.add(t.target);
            summary.missing += usize::from(t.is_missing());
        }
        let desk = t.channel == SERVICE_DESK_CHANNEL;
        if t.today.frequency != Frequency::None {
            service_desk.today_active += 1;
            service_desk.today_desk += usize::from(desk);
        }
        if t.target.frequency != Frequency::None {
            service_desk.target_active += 1;
            service_desk.target_desk += usize::from(desk);
        }
        if t.is_missing() {
            missing.push(MissingTouchpoint {
                index,
                business_role: t.business_role.clone(),
                business_name: name_of(&business_roles, &t.business_role),
                it_role: t.it_role.clone(),
                it_name: name_of(&it_roles, &t.it_role),
                level: t.level,
                channel: t.channel.clone(),
                channel_name: channel_name(catalogue, &t.channel),
                target: t.target,
            });
        }
    }
    service_desk.today_share = share(service_desk.today_desk, service_desk.today_active);
    service_desk.target_share = share(service_desk.target_desk, service_desk.target_active);

    let mut max_strength: f64 = 0.0;
    let mut missing_pairs = 0;
    for cell in cells.iter_mut().flatten() {
        cell.missing_pair = cell.today.active == 0 && cell.target.active > 0;
        missing_pairs += usize::from(cell.missing_pair);
        max_strength = max_strength
            .max(cell.today.strength)
            .max(cell.target.strength);
        if cell.today.active > 0 {
            service_desk.pairs_today += 1;
            let only_desk = map
                .iter()
                .filter(|t| is_active_today_in(t, cell))
                .all(|t| t.channel == SERVICE_DESK_CHANNEL);
            service_desk.pairs_only_desk_today += usize::from(only_desk);
        }
    }

    let (fragile_roles, unconnected_roles) =
        roles_on_one_thread(catalogue, &business_roles, &it_roles, map);

    TouchpointAnalysis {
        business_roles,
        it_roles,
        cells,
        max_strength,
        levels,
        missing,
        missing_pairs,
        service_desk,
        fragile_roles,
        unconnected_roles,
    }
}

/// Roles whose active touchpoints today are exactly one, or all through one channel; and the
/// catalogue's roles with none at all.
fn roles_on_one_thread(
    catalogue: &TouchpointCatalogue,
    business_roles: &[RoleName],
    it_roles: &[RoleName],
    map: &[Touchpoint],
) -> (Vec<FragileRole>, Vec<SideRole>) {
    let mut fragile_roles = Vec::new();
    let mut unconnected_roles = Vec::new();
    for (side, roles, catalogued) in [
        (Side::Business, business_roles, &catalogue.business_roles),
        (Side::It, it_roles, &catalogue.it_roles),
    ] {
        for role in roles.iter() {
            let channels: Vec<&str> = map
                .iter()
                .filter(|t| t.today.frequency != Frequency::None && role_of(t, side) == role.id)
                .map(|t| t.channel.as_str())
                .collect();
            let Some(&first) = channels.first() else {
                if catalogued.iter().any(|r| r.id == role.id) {
                    unconnected_roles.push(SideRole {
                        side,
                        id: role.id.clone(),
                        name: role.name.clone(),
                    });
                }
                continue;
            };
            let fragility = if channels.len() == 1 {
                Fragility::OnlyOneTouchpoint
            } else if channels.iter().all(|&c| c == first) {
                Fragility::OnlyOneChannel
            } else {
                continue;
            };
            fragile_roles.push(FragileRole {
                side,
                role: role.id.clone(),
                name: role.name.clone(),
                fragility,
                touchpoints: channels.len(),
                channel: first.to_string(),
                channel_name: channel_name(catalogue, first),
            });
        }
    }

    (fragile_roles, unconnected_roles)
}

/// The name of a channel, or its id when the catalogue does not know it.
fn channel_name(catalogue: &TouchpointCatalogue, id: &str) -> String {
    catalogue
        .channels
        .iter()
        .find(|c| c.id == id)
        .map_or_else(|| id.to_string(), |c| c.name.clone())
}

/// The catalogue's roles, then the ids the map uses that the catalogue does not know.
fn roles_with_extras<'a>(
    catalogue: &[crate::model::Role],
    used: impl Iterator<Item = &'a String>,
) -> Vec<RoleName> {
    let mut roles: Vec<RoleName> = catalogue
        .iter()
        .map(|r| RoleName {
            id: r.id.clone(),
            name: r.name.clone(),
        })
        .collect();
    for id in used {
        if !roles.iter().any(|r| &r.id == id) {
            roles.push(RoleName {
                id: id.clone(),
                name: id.clone(),
            });
        }
    }
    roles
}

fn name_of(roles: &[RoleName], id: &str) -> String {
    roles
        .iter()
        .find(|r| r.id == id)
        .map_or_else(|| id.to_string(), |r| r.name.clone())
}

fn role_of(t: &Touchpoint, side: Side) -> &str {
    match side {
        Side::Business => &t.business_role,
        Side::It => &t.it_role,
    }
}

fn is_active_today_in(t: &Touchpoint, cell: &PairCell) -> bool {
    t.today.frequency != Frequency::None
        && t.business_role == cell.business_role
        && t.it_role == cell.it_role
}

fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}
