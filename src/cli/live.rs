//! `convergence live FILE.ron [--bind ADDR:PORT]`: phone voting without a window. Prints the
//! phones' URL and the facilitator's, applies every accepted change to the assessment as the
//! window would, saves the file (atomically) after each batch, and stops on Ctrl+C.

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::terminal::{err as say_err, out};
use crate::document::Document;
use crate::files;
use crate::live::{Event, Server, edits_for, local_address};

/// The port tried when none is given: easy to read off a projector.
pub const DEFAULT_PORT: u16 = 8765;

/// Where to listen when `--bind` is not given: the laptop's address on the local network.
pub fn default_bind() -> SocketAddr {
    SocketAddr::new(local_address(), DEFAULT_PORT)
}

/// Runs the server on `path` until Ctrl+C.
pub fn live(path: &Path, bind: SocketAddr) -> Result<ExitCode> {
    let assessment = files::load_assessment(path)?;
    // Every vote a phone is told was taken must reach the file: a file that cannot be written
    // is refused before anyone can vote.
    files::refuse_unwritable(path)?;
    let mut doc = Document::new(assessment, Some(path.to_path_buf()));
    let mut server = Server::start(bind, &doc.assessment, || {})?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the voting loop")?;
    let outcome = runtime.block_on(async {
        // One listener for the whole run: a Ctrl+C pressed while a batch is being saved is
        // still heard (a listener made afterwards would miss it).
        let ctrl_c = tokio::signal::ctrl_c();
        tokio::pin!(ctrl_c);
        let mut announced = false;
        loop {
            tokio::select! {
                // In this order: Ctrl+C is caught from its first poll on, and only then are the
                // URLs given out; a Ctrl+C before it would end the process with votes unsaved.
                biased;
                stop = &mut ctrl_c => break stop.context("cannot wait for Ctrl+C"),
                () = std::future::ready(()), if !announced => {
                    out(&format!("join: {}", server.join_url()));
                    out(&format!("host: {}", server.host_url()));
                    announced = true;
                }
                event = server.next_event() => {
                    let Some(event) = event else { break Ok(()) };
                    let mut batch = vec![event];
                    batch.extend(server.events());
                    if let Err(e) = apply_and_save(&mut doc, &server, batch, path) {
                        break Err(e);
                    }
                }
            }
        }
    });
    server.stop();
    // Changes accepted while stopping are saved too: a vote the phone saw accepted is kept.
    let last = server.events();
    apply_and_save(&mut doc, &server, last, path)?;
    outcome?;
    say_err(&format!("{}: voting stopped", path.display()));
    Ok(ExitCode::SUCCESS)
}

/// Applies `events` to the document, saves it when that changed anything, and gives the room
/// the assessment back.
fn apply_and_save(
    doc: &mut Document,
    server: &Server,
    events: Vec<Event>,
    path: &Path,
) -> Result<()> {
    let Some(applied) = events.last().map(|e| e.seq) else {
        return Ok(());
    };
    let before = doc.revision();
    doc.apply_all(&events, |assessment, event| {
        edits_for(assessment, &event.change)
    });
    if doc.revision() != before {
        files::save_assessment(&doc.assessment, path)?;
        doc.mark_saved(path.to_path_buf(), doc.revision());
    }
    server.sync(&doc.assessment, applied);
    Ok(())
}
