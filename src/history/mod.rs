//! Progress over time: the next round of an assessment, and the trend across several rounds of
//! one organisation. No egui here; the window and `convergence trend` read what this computes.

mod milestone;

pub use milestone::next_round;
