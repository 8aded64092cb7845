//! Running the voting server: bound on the caller's thread (so a port in use is an error at
//! once, and a port of 0 comes back chosen), served by a single-threaded runtime on a thread of
//! its own, stopped gracefully (open event streams end too) when the owner stops it or drops it.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::Duration;

use tokio::sync::{mpsc, watch};

use super::limit::Limiter;
use super::room::{Event, HostAction, Poll, Refusal, Room};
use super::views::HostState;
use super::{LiveError, api, tokens};
use crate::model::Assessment;

/// How long the server waits for requests in flight once asked to stop.
const STOP_GRACE: Duration = Duration::from_secs(2);

/// What the handlers share: the session's secrets, the room, and where changes go.
pub(super) struct Shared {
    pub token: String,
    pub secret: String,
    pub room: Mutex<Room>,
    pub limiter: Mutex<Limiter>,
    events: mpsc::UnboundedSender<Event>,
    /// Bumped on every change, for the event streams to send the new state.
    pub changed: watch::Sender<u64>,
    /// True once the server is stopping: the event streams end on it.
    pub stopping: watch::Receiver<bool>,
    notify: Box<dyn Fn() + Send + Sync>,
}

impl Shared {
    /// The room, even if a handler panicked while holding it (its state is still whole: every
    /// change is made in one step after the checks).
    pub fn room(&self) -> MutexGuard<'_, Room> {
        self.room.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn limiter(&self) -> MutexGuard<'_, Limiter> {
        self.limiter.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Hands accepted changes to the owner and tells the streams and the owner something moved.
    /// Called with the room locked, so events leave in the order they were accepted.
    pub fn changed(&self, events: impl IntoIterator<Item = Event>) {
        for event in events {
            // The owner has gone only while the server is stopping; the change is moot then.
            let _ = self.events.send(event);
        }
        self.changed.send_modify(|n| *n += 1);
        (self.notify)();
    }
}

/// This machine's address on the local network (loopback when it has none).
pub fn local_address() -> IpAddr {
    local_ip_address::local_ip().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
}

/// A running voting server.
pub struct Server {
    /// Where phones reach it: where it listens, or this machine's local network address when
    /// it listens on every interface (0.0.0.0 is no address to give a phone).
    reachable: SocketAddr,
    shared: Arc<Shared>,
    events: mpsc::UnboundedReceiver<Event>,
    stop: watch::Sender<bool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Starts serving `assessment` on `bind` (port 0: any free one). `notify` is called after
    /// every change (the window asks for a repaint).
    pub fn start(
        bind: SocketAddr,
        assessment: &Assessment,
        notify: impl Fn() + Send + Sync + 'static,
    ) -> Result<Server, LiveError> {
        let listener = std::net::TcpListener::bind(bind)
            .map_err(|cause| LiveError::Bind { addr: bind, cause })?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let (events_in, events) = mpsc::unbounded_channel();
        let (stop, stopping) = watch::channel(false);
        let shared = Arc::new(Shared {
            token: tokens::room_token()?,
            secret: tokens::secret()?,
            room: Mutex::new(Room::new(assessment)),
            limiter: Mutex::new(Limiter::default()),
            events: events_in,
            changed: watch::channel(0).0,
            stopping: stopping.clone(),
            notify: Box::new(notify),
        });
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let router = api::router(shared.clone());
        let thread = std::thread::Builder::new()
            .name("convergence-live".into())
            .spawn(move || runtime.block_on(serve(listener, router, stopping)))?;
        let reachable = if addr.ip().is_unspecified() {
            SocketAddr::new(local_address(), addr.port())
        } else {
            addr
        };
        Ok(Server {
            reachable,
            shared,
            events,
            stop,
            thread: Some(thread),
        })
    }

    /// The address phones open: `http://ADDR/?t=TOKEN`.
    pub fn join_url(&self) -> String {
        format!("http://{}/?t={}", self.reachable, self.shared.token)
    }

    /// The facilitator's page: `http://ADDR/host?s=SECRET`.
    pub fn host_url(&self) -> String {
        format!("http://{}/host?s={}", self.reachable, self.shared.secret)
    }

    /// The changes accepted since the last call, in order.
    pub fn events(&mut self) -> Vec<Event> {
        std::iter::from_fn(|| self.events.try_recv().ok()).collect()
    }

    /// Waits for the next change; `None` once the server has stopped.
    pub async fn next_event(&mut self) -> Option<Event> {
        self.events.recv().await
    }

    /// Takes the assessment back once every event up to `applied` is in it.
    pub fn sync(&self, assessment: &Assessment, applied: u64) {
        let mut room = self.shared.room();
        room.sync(assessment, applied);
        self.shared.changed(None);
    }

    /// Carries out the facilitator's `action`.
    pub fn host(&self, action: HostAction) -> Result<(), Refusal> {
        let mut room = self.shared.room();
        let event = room.host(action)?;
        self.shared.changed(event);
        Ok(())
    }

    /// The question on screen, and whether it is open and revealed.
    pub fn poll(&self) -> Poll {
        self.shared.room().poll()
    }

    /// The facilitator's view of the session.
    pub fn host_state(&self) -> HostState {
        self.shared.room().host_state()
    }

    /// Stops listening; returns once the server's thread has ended.
    pub fn stop(&mut self) {
        self.stop.send_replace(true);
        if let Some(thread) = self.thread.take() {
            // A panic on the server's thread has already ended it; nothing is left to stop.
            let _ = thread.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Serves until `stopping` turns true, then lets requests in flight finish for a moment.
async fn serve(
    listener: std::net::TcpListener,
    router: axum::Router,
    stopping: watch::Receiver<bool>,
) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    let app = router.into_make_service_with_connect_info::<SocketAddr>();
    let signal = {
        let mut stopping = stopping.clone();
        async move {
            // An error means the owner dropped the sender: stop as well.
            let _ = stopping.wait_for(|stop| *stop).await;
        }
    };
    let server = axum::serve(listener, app).with_graceful_shutdown(signal);
    let deadline = async move {
        let mut stopping = stopping;
        let _ = stopping.wait_for(|stop| *stop).await;
        tokio::time::sleep(STOP_GRACE).await;
    };
    tokio::select! {
        // An accept error ends serving; the owner sees the session stop answering.
        _ = server => {}
        () = deadline => {}
    }
}
