//! The charts' colours: the window's (today, target, IT, business, missing, the slope's
//! zones, effectiveness 1–5) on a white page, and the line widths of the map by level.

use crate::model::Frequency;

/// Today's (current) values.
pub const CURRENT: &str = "#1f77b4";
/// Target values.
pub const TARGET: &str = "#e07b00";
/// IT's answers.
pub const IT: &str = "#6a3d9a";
/// The business's answers.
pub const BUSINESS: &str = "#2ca02c";
/// What should exist and does not.
pub const MISSING: &str = "#d62728";
/// Text.
pub const INK: &str = "#1a1a1a";
/// Secondary text: axis labels, notes.
pub const MUTED: &str = "#666666";
/// Grid lines and frames.
pub const GRID: &str = "#cccccc";
/// Backgrounds of bands and empty cells.
pub const FAINT: &str = "#f3f3f3";

/// Background colours of the slope's zones, low to high (the window's light theme).
pub const ZONES: [&str; 5] = ["#f4d6d2", "#f7e6c4", "#f2f0c0", "#d5eccf", "#c4e0f0"];

/// Line colour for an effectiveness of 1 (red) to 5 (green); grey when not rated.
pub fn effectiveness_colour(effectiveness: Option<u8>) -> &'static str {
    match effectiveness {
        Some(1) => "#d62728",
        Some(2) => "#f07f0e",
        Some(3) => "#c9a800",
        Some(4) => "#74b83a",
        Some(_) => "#1a8f3a",
        None => "#787878",
    }
}

/// Line width, in points, for how often a touchpoint happens.
pub fn frequency_width(frequency: Frequency) -> f64 {
    match frequency {
        Frequency::None => 0.0,
        Frequency::AdHoc => 1.5,
        Frequency::Quarterly => 2.5,
        Frequency::Monthly => 4.0,
        Frequency::Weekly => 6.0,
        Frequency::Daily => 8.5,
    }
}
