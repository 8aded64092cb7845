//! The phone page and the facilitator's host page, built into the binary from `assets/live/`,
//! and the headers every response carries. The pages build their text with `textContent`,
//! never as HTML; the content security policy forbids inline and foreign scripts besides, so a
//! name or a question written to break out of its place stays text.

use axum::http::{HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Response};

const PHONE_HTML: &str = include_str!("../../assets/live/phone.html");
const HOST_HTML: &str = include_str!("../../assets/live/host.html");
const PHONE_JS: &str = include_str!("../../assets/live/phone.js");
const HOST_JS: &str = include_str!("../../assets/live/host.js");
const CSS: &str = include_str!("../../assets/live/live.css");

/// Scripts, styles and requests from this server only; nothing inline, no frames, no forms
/// posted elsewhere.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; \
     frame-ancestors 'none'";

pub(super) async fn phone() -> Response {
    page("text/html; charset=utf-8", PHONE_HTML)
}

pub(super) async fn host() -> Response {
    page("text/html; charset=utf-8", HOST_HTML)
}

pub(super) async fn phone_js() -> Response {
    page("text/javascript; charset=utf-8", PHONE_JS)
}

pub(super) async fn host_js() -> Response {
    page("text/javascript; charset=utf-8", HOST_JS)
}

pub(super) async fn css() -> Response {
    page("text/css; charset=utf-8", CSS)
}

fn page(kind: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

/// Adds the security headers: the policy above, no sniffing of types, no referrer (the URL
/// holds the token), nothing cached (the state changes by the second).
pub(super) async fn secure_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let set = [
        (header::CONTENT_SECURITY_POLICY, POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CACHE_CONTROL, "no-store"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ];
    for (name, value) in set {
        headers.insert::<HeaderName>(name, HeaderValue::from_static(value));
    }
    response
}
