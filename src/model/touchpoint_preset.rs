//! What a new touchpoint starts as, so the room adds one with a click and corrects it only when
//! it differs: each channel of the shipped catalogues has a usual level, frequency and
//! effectiveness (a steering committee is strategic and quarterly, the service desk operational
//! and daily); a channel that fits any level (informal contact) takes the level its roles meet
//! at (the executive board meets at the strategic level, a key user at the operational one).

use super::touchpoint::{Engagement, Frequency, Level, Touchpoint};

/// How a channel usually runs; `level` is `None` where the roles decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    pub level: Option<Level>,
    pub frequency: Frequency,
    pub effectiveness: u8,
}

/// "Adequate": the room raises or lowers it when the meeting is better or worse than that.
const ADEQUATE: u8 = 3;

/// What a touchpoint that should exist is meant to reach: "good".
const GOOD: u8 = 4;

/// The usual run of a channel of the shipped catalogues, by id; others run monthly at the level
/// of their roles.
pub fn channel_preset(channel: &str) -> Preset {
    use Frequency::{AdHoc, Daily, Monthly, Quarterly, Weekly};
    use Level::{Operational, Strategic, Tactical};
    let (level, frequency, effectiveness) = match channel {
        "steering_committee" => (Some(Strategic), Quarterly, ADEQUATE),
        "strategy_session" => (Some(Strategic), AdHoc, ADEQUATE),
        "portfolio_board" => (Some(Tactical), Monthly, ADEQUATE),
        "sla_review" | "service_review" => (Some(Tactical), Quarterly, ADEQUATE),
        "joint_project_team" => (Some(Operational), Weekly, ADEQUATE),
        "embedded_staff" => (Some(Operational), Daily, GOOD),
        "service_desk" => (Some(Operational), Daily, ADEQUATE),
        "coaching" => (Some(Operational), Weekly, ADEQUATE),
        "informal" => (None, AdHoc, ADEQUATE),
        _ => (None, Monthly, ADEQUATE),
    };
    Preset {
        level,
        frequency,
        effectiveness,
    }
}

/// The level a role of the shipped catalogues works at, when it works at one.
fn role_level(role: &str) -> Option<Level> {
    match role {
        "executive" | "cfo" | "cmo" | "coo" | "bu_head" | "cio" => Some(Level::Strategic),
        "process_owner" | "manager" | "project_manager" | "service_owner" => Some(Level::Tactical),
        "key_user" | "end_user" | "service_coach" | "service_desk" | "developer" => {
            Some(Level::Operational)
        }
        // Architects and relationship managers meet at the strategic and the tactical level.
        _ => None,
    }
}

/// The level at which a business role and an IT role meet: the business role's, else the IT
/// role's, else operational (where most touchpoints are).
pub fn pair_level(business_role: &str, it_role: &str) -> Level {
    role_level(business_role)
        .or_else(|| role_level(it_role))
        .unwrap_or_default()
}

/// A touchpoint between two roles through `channel`, as the channel usually runs: happening
/// today (its target a copy of today), or `missing` (nothing today, the usual run as target,
/// meant to work well).
pub fn preset_touchpoint(
    business_role: &str,
    it_role: &str,
    channel: &str,
    missing: bool,
) -> Touchpoint {
    let preset = channel_preset(channel);
    let usual = Engagement {
        frequency: preset.frequency,
        effectiveness: Some(preset.effectiveness),
    };
    let (today, target) = if missing {
        let meant = Engagement {
            effectiveness: Some(preset.effectiveness.max(GOOD)),
            ..usual
        };
        (Engagement::default(), meant)
    } else {
        (usual, usual)
    };
    Touchpoint {
        business_role: business_role.to_string(),
        it_role: it_role.to_string(),
        level: preset
            .level
            .unwrap_or_else(|| pair_level(business_role, it_role)),
        channel: channel.to_string(),
        today,
        target,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_steering_committee_is_strategic_and_quarterly_whoever_sits_on_it() {
        let t = preset_touchpoint("key_user", "service_desk", "steering_committee", false);
        assert_eq!(t.level, Level::Strategic);
        assert_eq!(t.today.frequency, Frequency::Quarterly);
        assert_eq!(t.today.effectiveness, Some(3));
        assert_eq!(t.target, t.today, "the target starts as a copy of today");
        assert!(!t.is_missing());
    }

    #[test]
    fn a_missing_touchpoint_through_any_channel_meets_at_its_roles_level() {
        let board = preset_touchpoint("executive", "service_desk", "informal", true);
        assert_eq!(
            board.level,
            Level::Strategic,
            "the board meets strategically"
        );
        assert!(board.is_missing());
        assert_eq!(board.today, Engagement::default());
        assert_eq!(
            board.target,
            Engagement {
                frequency: Frequency::AdHoc,
                effectiveness: Some(4)
            }
        );
        let desk = preset_touchpoint("manager", "service_desk", "informal", true);
        assert_eq!(
            desk.level,
            Level::Tactical,
            "the business role decides first"
        );
        let architect = preset_touchpoint("someone", "architect", "unknown", true);
        assert_eq!(
            (architect.level, architect.target.frequency),
            (Level::Operational, Frequency::Monthly),
            "unknown roles and channels: operational, monthly"
        );
        assert_eq!(pair_level("unknown", "cio"), Level::Strategic);
    }

    #[test]
    fn a_missing_embedded_team_keeps_its_usual_good_effectiveness() {
        let t = preset_touchpoint("manager", "developer", "embedded_staff", true);
        assert_eq!(t.level, Level::Operational);
        assert_eq!(
            t.target,
            Engagement {
                frequency: Frequency::Daily,
                effectiveness: Some(4)
            }
        );
    }
}
