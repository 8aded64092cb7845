//! Charts of the scores, one per file, all drawn with egui_plot from what the core computed.

pub mod perception;
pub mod radar;
pub mod slope;
pub mod spread;
