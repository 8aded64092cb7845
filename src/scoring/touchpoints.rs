//! What a touchpoint map tells beyond the engagement index (being written).

use serde::Serialize;

use crate::model::{Touchpoint, TouchpointCatalogue};

/// The map's analysis.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TouchpointAnalysis {}

/// Analyses a touchpoint map.
pub fn touchpoint_analysis(catalogue: &TouchpointCatalogue, map: &[Touchpoint]) -> TouchpointAnalysis {
    let _ = (catalogue, map);
    TouchpointAnalysis {}
}
