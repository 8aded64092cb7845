//! Touchpoints: where IT people and business people meet, today and as it should be.

use serde::{Deserialize, Serialize};

use super::questionnaire::{Channel, Role};

/// The roles and channels a questionnaire offers for its touchpoint map.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TouchpointCatalogue {
    pub business_roles: Vec<Role>,
    pub it_roles: Vec<Role>,
    pub channels: Vec<Channel>,
}

/// The organisational level at which people meet.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Level {
    Strategic,
    Tactical,
    #[default]
    Operational,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Strategic, Level::Tactical, Level::Operational];

    /// Lower-case name, as written on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Level::Strategic => "strategic",
            Level::Tactical => "tactical",
            Level::Operational => "operational",
        }
    }
}

/// How often a touchpoint happens.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Frequency {
    #[default]
    None,
    AdHoc,
    Quarterly,
    Monthly,
    Weekly,
    Daily,
}

impl Frequency {
    pub const ALL: [Frequency; 6] = [
        Frequency::None,
        Frequency::AdHoc,
        Frequency::Quarterly,
        Frequency::Monthly,
        Frequency::Weekly,
        Frequency::Daily,
    ];

    /// Human name, e.g. "ad hoc".
    pub fn name(self) -> &'static str {
        match self {
            Frequency::None => "none",
            Frequency::AdHoc => "ad hoc",
            Frequency::Quarterly => "quarterly",
            Frequency::Monthly => "monthly",
            Frequency::Weekly => "weekly",
            Frequency::Daily => "daily",
        }
    }
}

/// How a touchpoint works: how often, and how well (1–5; `None` when it does not happen).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Engagement {
    pub frequency: Frequency,
    #[serde(default)]
    pub effectiveness: Option<u8>,
}

impl Engagement {
    /// "weekly, effectiveness 4 of 5", as reports and the history say it.
    pub fn describe(self) -> String {
        let how_well = self.effectiveness.map_or_else(
            || "effectiveness not rated".to_string(),
            |e| format!("effectiveness {e} of 5"),
        );
        format!("{}, {how_well}", self.frequency.name())
    }
}

/// One place where a business role and an IT role meet, today and as it should be.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Touchpoint {
    pub business_role: String,
    pub it_role: String,
    pub level: Level,
    pub channel: String,
    pub today: Engagement,
    pub target: Engagement,
}

impl Touchpoint {
    /// A touchpoint that should exist but does not: the gaps the seeds tell us to find.
    pub fn is_missing(&self) -> bool {
        self.today.frequency == Frequency::None && self.target.frequency != Frequency::None
    }
}
