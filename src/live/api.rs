//! The HTTP API (documented in the README) and the pages that use it. Each request is checked
//! in the same order: the rate limit, the token or the facilitator's secret, the body; then the
//! room decides. A refusal is a 4xx with `{"error": "…"}` and changes nothing.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{ConnectInfo, DefaultBodyLimit, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use super::limit::Key;
use super::pages;
use super::room::{HostAction, JoinRequest, Refusal, Vote};
use super::server::Shared;
use super::stream;
use super::tokens::same;
use super::views::{WireAnswer, answer_from_wire};
use crate::model::Side;

/// The largest request body taken; larger ones get 413.
pub const MAX_BODY: usize = 4096;

type Ctx = State<Arc<Shared>>;
type Peer = ConnectInfo<SocketAddr>;

/// The routes, with the body limit and the headers every response carries.
pub(super) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(pages::phone))
        .route("/host", get(pages::host))
        .route("/phone.js", get(pages::phone_js))
        .route("/host.js", get(pages::host_js))
        .route("/live.css", get(pages::css))
        .route("/api/participants", get(roster))
        .route("/api/join", post(join))
        .route("/api/state", get(state))
        .route("/api/events", get(stream::phone))
        .route("/api/vote", post(vote))
        .route("/api/host/state", get(host_state))
        .route("/api/host/tally", get(tally))
        .route("/api/host/events", get(stream::host))
        .route(
            "/api/host/open",
            control(|question| Ok(HostAction::Open(question.ok_or(Refusal::UnknownQuestion)?))),
        )
        .route("/api/host/next", control(|_| Ok(HostAction::Next)))
        .route("/api/host/reveal", control(|_| Ok(HostAction::Reveal)))
        .route("/api/host/close", control(|_| Ok(HostAction::Close)))
        .route("/api/host/again", control(|_| Ok(HostAction::Again)))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::map_response(pages::secure_headers))
        .with_state(shared)
}

/// Why a request was refused.
#[derive(Debug)]
pub(super) enum ApiError {
    Room(Refusal),
    WrongToken,
    WrongSecret,
    TooMany,
    /// The body or the query could not be read: its own status (400, 413, 415, 422).
    Unreadable(StatusCode, String),
}

impl From<Refusal> for ApiError {
    fn from(refusal: Refusal) -> Self {
        ApiError::Room(refusal)
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        ApiError::Unreadable(rejection.status(), rejection.body_text())
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> Self {
        ApiError::Unreadable(rejection.status(), rejection.body_text())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            ApiError::Room(refusal) => (refusal_status(&refusal), refusal.to_string()),
            ApiError::WrongToken => (StatusCode::FORBIDDEN, "wrong session token".to_owned()),
            ApiError::WrongSecret => (StatusCode::FORBIDDEN, "wrong host secret".to_owned()),
            ApiError::TooMany => (
                StatusCode::TOO_MANY_REQUESTS,
                "too many requests: wait a moment".to_owned(),
            ),
            ApiError::Unreadable(status, message) => (status, message),
        };
        let mut response = (status, Json(ErrorBody { error: message })).into_response();
        if status == StatusCode::TOO_MANY_REQUESTS {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}

#[derive(Serialize)]
struct ErrorBody {
    error: String,
}

fn refusal_status(refusal: &Refusal) -> StatusCode {
    match refusal {
        Refusal::UnknownDevice | Refusal::NotAsked => StatusCode::FORBIDDEN,
        Refusal::UnknownParticipant | Refusal::UnknownQuestion => StatusCode::NOT_FOUND,
        Refusal::NotOpen | Refusal::AlreadyBound | Refusal::Full | Refusal::NoQuestion => {
            StatusCode::CONFLICT
        }
        Refusal::OffScale
        | Refusal::NothingChosen
        | Refusal::NameNeeded
        | Refusal::NameTooLong
        | Refusal::SideNeeded => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// Counts the request against the phone (once it has joined) or the address, then checks the
/// session's token.
pub(super) fn admit(
    shared: &Shared,
    peer: SocketAddr,
    token: &str,
    device: Option<&str>,
) -> Result<(), ApiError> {
    let key = match device {
        Some(device) if shared.room().knows(device) => Key::Device(device.to_owned()),
        _ => Key::Address(peer.ip()),
    };
    if !shared.limiter().allow(key, Instant::now()) {
        return Err(ApiError::TooMany);
    }
    if same(token, &shared.token) {
        Ok(())
    } else {
        Err(ApiError::WrongToken)
    }
}

/// Checks the facilitator's secret; wrong guesses are counted against the address.
pub(super) fn admit_host(shared: &Shared, peer: SocketAddr, secret: &str) -> Result<(), ApiError> {
    if same(secret, &shared.secret) {
        return Ok(());
    }
    if !shared
        .limiter()
        .allow(Key::Address(peer.ip()), Instant::now())
    {
        return Err(ApiError::TooMany);
    }
    Err(ApiError::WrongSecret)
}

/// `?t=TOKEN&device=DEVICE`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PhoneQuery {
    pub t: String,
    pub device: Option<String>,
}

/// `?s=SECRET`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct HostQuery {
    pub s: String,
}

async fn roster(
    State(shared): Ctx,
    ConnectInfo(peer): Peer,
    query: Result<Query<PhoneQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(query) = query?;
    admit(&shared, peer, &query.t, None)?;
    Ok(Json(shared.room().roster()).into_response())
}

/// `"IT"` or `"Business"`, as the API writes a side.
#[derive(Clone, Copy, Deserialize)]
enum WireSide {
    #[serde(rename = "IT")]
    It,
    Business,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JoinBody {
    t: String,
    #[serde(default)]
    name: String,
    side: Option<WireSide>,
    /// Join as someone already in the list.
    participant: Option<String>,
}

#[derive(Serialize)]
struct JoinReply {
    participant: String,
    device: String,
    /// Their name, or their code in an anonymous assessment.
    you: String,
    /// The code, in an anonymous assessment.
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<String>,
}

async fn join(
    State(shared): Ctx,
    ConnectInfo(peer): Peer,
    body: Result<Json<JoinBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(body) = body?;
    admit(&shared, peer, &body.t, None)?;
    let device = super::tokens::secret().map_err(|_| ApiError::Room(Refusal::Full))?;
    let request = JoinRequest {
        participant: body.participant,
        name: body.name,
        side: body.side.map(|side| match side {
            WireSide::It => Side::It,
            WireSide::Business => Side::Business,
        }),
    };
    let mut room = shared.room();
    let (joined, event) = room.join(request, device.clone())?;
    shared.changed(event);
    let anonymous = room.anonymous;
    drop(room);
    Ok(Json(JoinReply {
        participant: joined.participant,
        device,
        code: anonymous.then(|| joined.shown_as.clone()),
        you: joined.shown_as,
    })
    .into_response())
}

async fn state(
    State(shared): Ctx,
    ConnectInfo(peer): Peer,
    query: Result<Query<PhoneQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(query) = query?;
    let device = query.device.as_deref();
    admit(&shared, peer, &query.t, device)?;
    let state = shared.room().phone_state(device)?;
    Ok(Json(state).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VoteBody {
    t: String,
    device: String,
    question: String,
    #[serde(default)]
    current: Option<WireAnswer>,
    #[serde(default)]
    target: Option<WireAnswer>,
}

async fn vote(
    State(shared): Ctx,
    ConnectInfo(peer): Peer,
    body: Result<Json<VoteBody>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(body) = body?;
    admit(&shared, peer, &body.t, Some(&body.device))?;
    let vote = Vote {
        current: answer_from_wire(body.current),
        target: answer_from_wire(body.target),
    };
    let mut room = shared.room();
    let event = room.vote(&body.device, &body.question, vote)?;
    if event.is_some() {
        shared.changed(event);
    }
    let state = room.phone_state(Some(&body.device))?;
    Ok(Json(state).into_response())
}

async fn host_state(
    State(shared): Ctx,
    ConnectInfo(peer): Peer,
    query: Result<Query<HostQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(query) = query?;
    admit_host(&shared, peer, &query.s)?;
    Ok(Json(shared.room().host_state()).into_response())
}

async fn tally(
    State(shared): Ctx,
    ConnectInfo(peer): Peer,
    query: Result<Query<HostQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(query) = query?;
    admit_host(&shared, peer, &query.s)?;
    Ok(Json(shared.room().tally()).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HostBody {
    s: String,
    /// The question to open (`open` only).
    question: Option<String>,
}

/// A facilitator's control: checks the secret, lets the room carry out the action the body
/// names, and answers with the facilitator's view.
async fn host_action(
    shared: Arc<Shared>,
    peer: SocketAddr,
    body: Result<Json<HostBody>, JsonRejection>,
    action: fn(Option<String>) -> Result<HostAction, Refusal>,
) -> Result<Response, ApiError> {
    let Json(body) = body?;
    admit_host(&shared, peer, &body.s)?;
    let mut room = shared.room();
    let event = room.host(action(body.question)?)?;
    shared.changed(event);
    Ok(Json(room.host_state()).into_response())
}

/// The route of one facilitator's control.
fn control(action: fn(Option<String>) -> Result<HostAction, Refusal>) -> MethodRouter<Arc<Shared>> {
    post(
        move |State(shared): Ctx,
              ConnectInfo(peer): Peer,
              body: Result<Json<HostBody>, JsonRejection>| {
            host_action(shared, peer, body, action)
        },
    )
}
