//! The desktop window (eframe/egui). Reads the scoring core; never computes scores itself.

use std::process::ExitCode;

/// Opens the window and runs until it is closed.
pub fn run_app() -> anyhow::Result<ExitCode> {
    Ok(ExitCode::SUCCESS)
}
