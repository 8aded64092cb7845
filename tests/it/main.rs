//! Integration tests, one crate so they link once: command line, files, scoring, UI.

mod action_plan;
mod audience_ui;
mod cli;
mod content;
mod csv_import;
mod document;
mod export_halves;
mod file_actions;
mod files;
mod harness;
mod honest_scores;
mod hostile_text;
mod import_dialog;
mod merge;
mod never_panic;
mod report;
mod report_cli;
mod report_files;
mod safe_writes;
mod scoring;
mod strict_files;
mod support;
mod touchpoints;
mod ui;
mod validate;
mod workshop;
