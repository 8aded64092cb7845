//! Integration tests, one crate so they link once: command line, files, scoring, UI.

mod cli;
mod csv_import;
mod files;
mod scoring;
mod support;
mod validate;
mod ui;
mod harness;
mod import_dialog;
mod merge;
mod workshop;
mod touchpoints;
