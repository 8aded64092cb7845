//! `convergence`: the window when run without a command, otherwise the command line.

use std::process::ExitCode;

use clap::Parser;
use convergence::cli::{Cli, run, terminal_safe};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Some(command) => run(command),
        None => convergence::ui::run_app(cli.files),
    };
    outcome.unwrap_or_else(|err| {
        // The message may quote a file's text: shown, never obeyed by the terminal.
        eprintln!("{}", terminal_safe(&format!("error: {err:#}")));
        ExitCode::FAILURE
    })
}
