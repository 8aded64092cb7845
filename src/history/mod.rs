//! Progress over time: the next round of an assessment, and the trend across several rounds of
//! one organisation. No egui here; the window and `convergence trend` read what this computes.

mod map_diff;
mod milestone;
mod trend;
mod versions;

pub use map_diff::{MapDiff, TouchpointChange, map_diff};
pub use milestone::next_round;
pub use trend::{
    CompletedAction, DimensionChange, DimensionScores, MOST_CHANGED, Trend, TrendError, TrendInput,
    TrendPoint, trend,
};
