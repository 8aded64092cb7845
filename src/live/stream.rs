//! Server-sent events: the phone and host pages get the new state as soon as anything changes,
//! instead of asking every second. Each stream ends when the server stops: an open stream would
//! otherwise hold the graceful shutdown for ever.

use std::convert::Infallible;
use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{ConnectInfo, Query, State};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream};
use serde::Serialize;
use tokio::sync::watch;

use super::api::{ApiError, HostQuery, PhoneQuery, admit, admit_host};
use super::room::Room;
use super::server::Shared;

/// `GET /api/events?t=…&device=…`: the phone's state now and after every change. The stream
/// ends when the phone's participant is removed.
pub(super) async fn phone(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    query: Result<Query<PhoneQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(query) = query?;
    admit(&shared, peer, &query.t, query.device.as_deref())?;
    shared.room().phone_state(query.device.as_deref())?;
    let device = query.device;
    Ok(states(shared, move |room| room.phone_state(device.as_deref()).ok()).into_response())
}

/// `GET /api/host/events?s=…`: the facilitator's view now and after every change.
pub(super) async fn host(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    query: Result<Query<HostQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(query) = query?;
    admit_host(&shared, peer, &query.s)?;
    Ok(states(shared, |room| Some(room.host_state())).into_response())
}

/// What a stream waits on between two states.
struct Waiting {
    changes: watch::Receiver<u64>,
    stopping: watch::Receiver<bool>,
    first: bool,
}

/// A stream of `view(room)` as JSON: now, then after each change, until the server stops or
/// `view` has nothing more to show.
fn states<T: Serialize>(
    shared: Arc<Shared>,
    view: impl Fn(&Room) -> Option<T> + Send + Sync + 'static,
) -> Sse<impl Stream<Item = Result<SseEvent, Infallible>>> {
    let waiting = Waiting {
        changes: shared.changed.subscribe(),
        stopping: shared.stopping.clone(),
        first: true,
    };
    let view = Arc::new(view);
    let events = stream::unfold(waiting, move |mut waiting| {
        let shared = shared.clone();
        let view = view.clone();
        async move {
            if !waiting.first {
                tokio::select! {
                    changed = waiting.changes.changed() => changed.ok()?,
                    _ = waiting.stopping.wait_for(|stop| *stop) => return None,
                }
            }
            waiting.first = false;
            let state = view(&shared.room())?;
            let json = serde_json::to_string(&state).ok()?;
            Some((Ok(SseEvent::default().data(json)), waiting))
        }
    });
    Sse::new(events).keep_alive(KeepAlive::default())
}
