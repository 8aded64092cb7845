//! Phone voting: a small web server on the laptop in the room. Participants open its page on
//! their phones (the QR code holds the session's token), join as themselves, and vote on the
//! question the facilitator has open; the facilitator opens, reveals and closes questions from
//! the window or from the host page. No egui here: the window and `convergence live` both run
//! a [`Server`] and apply the [`Event`]s it hands them to the assessment, as edits.
//!
//! The server listens only while it runs, and stops with its owner; every request needs the
//! session's token (the facilitator's controls their own secret), is validated, and is refused
//! with a 4xx that changes nothing when it is wrong.

mod api;
mod edits;
mod limit;
mod pages;
mod room;
mod server;
mod stream;
mod tokens;
mod views;

use std::net::SocketAddr;

pub use edits::edits_for;
pub use room::{
    Change, Event, HostAction, JoinRequest, Joined, MAX_DEVICES, Poll, Refusal, Room, Vote,
};
pub use server::{Server, local_address};
pub use views::{
    BySide, Counts, Distribution, HostState, PhoneState, Tally, WireAnswer, answer_from_wire,
    answer_to_wire,
};

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum LiveError {
    #[error("cannot listen on {addr}: {cause}")]
    Bind {
        addr: SocketAddr,
        cause: std::io::Error,
    },
    #[error("cannot start the voting server: {0}")]
    Start(#[from] std::io::Error),
    #[error("no randomness for the session's tokens: {0}")]
    Random(String),
}
