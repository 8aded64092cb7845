//! Convergence: assess how far IT and the business of an organisation have converged.
//!
//! Data flows one way: `files` → `model` → `scoring` → `document` / `report` → `ui` / `cli`. Nothing below `ui`
//! knows egui.

pub mod cli;
pub mod document;
pub mod files;
pub mod history;
pub mod live;
pub mod model;
pub mod portfolio;
pub mod report;
pub mod scoring;
pub mod ui;
pub mod validate;
