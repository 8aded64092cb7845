//! Phone voting over HTTP, against `convergence live` as a facilitator runs it: joining, voting,
//! changing a vote, closed questions, wrong tokens, each bad input, the rate limit, and what
//! ends up in the file once Ctrl+C stops it. Also the room on its own, kept in step with the
//! assessment. [`Live`] and [`Phone`] are shared with the load and browser tests.

use std::io::{BufRead, BufReader, Lines, Read};
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use convergence::live::{Change, HostAction, JoinRequest, Refusal, Room, Vote};
use convergence::model::{Answer, Assessment, Audience, Side};
use serde_json::{Value, json};

use crate::support::{self, lv};

/// `convergence live` running on a copy of an assessment, on a free loopback port.
pub struct Live {
    child: Child,
    /// The rest of its stdout, after the two URLs.
    stdout: Lines<BufReader<ChildStdout>>,
    pub join_url: String,
    pub base: String,
    pub token: String,
    pub secret: String,
    pub file: PathBuf,
    agent: ureq::Agent,
    _dir: tempfile::TempDir,
}

/// A phone that has joined.
#[derive(Clone, Debug)]
pub struct Phone {
    pub participant: String,
    pub device: String,
}

impl Live {
    /// Starts the command on `assessment`, saved to a file of its own.
    pub fn start(assessment: &Assessment) -> Live {
        Live::start_on(assessment, "127.0.0.1:0")
    }

    /// The same, listening on `bind`.
    pub fn start_on(assessment: &Assessment, bind: &str) -> Live {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("workshop.ron");
        convergence::files::save_assessment(assessment, &file).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_convergence"))
            .args(["live", file.to_str().unwrap(), "--bind", bind])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut line = |prefix: &str| {
            let line = lines.next().expect("a line on stdout").unwrap();
            line.strip_prefix(prefix)
                .unwrap_or_else(|| panic!("{line:?} does not start with {prefix:?}"))
                .to_owned()
        };
        let join_url = line("join: ");
        let host_url = line("host: ");
        let (base, token) = join_url.split_once("/?t=").expect("join URL with a token");
        let (_, secret) = host_url
            .split_once("/host?s=")
            .expect("host URL with a secret");
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(10)))
            .build()
            .into();
        Live {
            base: base.to_owned(),
            token: token.to_owned(),
            secret: secret.to_owned(),
            join_url,
            child,
            stdout: lines,
            file,
            agent,
            _dir: dir,
        }
    }

    /// Status and JSON body of a GET.
    pub fn get(&self, path: &str) -> (u16, Value) {
        let response = self
            .agent
            .get(&format!("{}{path}", self.base))
            .call()
            .unwrap();
        reply(response)
    }

    /// Status and JSON body of a POST of `body`.
    pub fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        let url = format!("{}{path}", self.base);
        reply(self.agent.post(&url).send_json(body).unwrap())
    }

    /// The status of a POST of raw bytes with a content type (or none).
    pub fn post_raw(&self, path: &str, body: &[u8], content_type: Option<&str>) -> u16 {
        let mut request = self.agent.post(&format!("{}{path}", self.base));
        if let Some(kind) = content_type {
            request = request.header("Content-Type", kind);
        }
        request.send(body).unwrap().status().as_u16()
    }

    /// Joins as someone new, by name and side.
    pub fn join(&self, name: &str, side: &str) -> Phone {
        let (status, body) = self.post(
            "/api/join",
            &json!({"t": self.token, "name": name, "side": side}),
        );
        assert_eq!(status, 200, "{body}");
        phone(&body)
    }

    /// A facilitator's control; `question` for `open`.
    pub fn host(&self, action: &str, question: Option<&str>) -> (u16, Value) {
        let mut body = json!({"s": self.secret});
        if let Some(q) = question {
            body["question"] = json!(q);
        }
        self.post(&format!("/api/host/{action}"), &body)
    }

    /// Opens `question`, which must succeed.
    pub fn open(&self, question: &str) {
        let (status, body) = self.host("open", Some(question));
        assert_eq!(status, 200, "{body}");
    }

    pub fn vote(
        &self,
        phone: &Phone,
        question: &str,
        current: Value,
        target: Value,
    ) -> (u16, Value) {
        self.post(
            "/api/vote",
            &json!({"t": self.token, "device": phone.device, "question": question,
                    "current": current, "target": target}),
        )
    }

    pub fn tally(&self) -> Value {
        let (status, body) = self.get(&format!("/api/host/tally?s={}", self.secret));
        assert_eq!(status, 200, "{body}");
        body
    }

    /// What `phone` is shown.
    pub fn state(&self, phone: &Phone) -> Value {
        let (status, body) = self.get(&format!(
            "/api/state?t={}&device={}",
            self.token, phone.device
        ));
        assert_eq!(status, 200, "{body}");
        body
    }

    /// Ctrl+C, as the facilitator stops it; the assessment as saved.
    pub fn stop(mut self) -> Assessment {
        interrupt(&self.child);
        let status = wait_for(&mut self.child, Duration::from_secs(30));
        let mut stderr = String::new();
        if let Some(mut err) = self.child.stderr.take() {
            err.read_to_string(&mut stderr).unwrap();
        }
        assert!(status.success(), "live exited with {status}: {stderr}");
        let more: Vec<String> = self.stdout.by_ref().map(Result::unwrap).collect();
        assert!(
            more.is_empty(),
            "stdout has more than the two URLs: {more:?}"
        );
        convergence::files::load_assessment(&self.file).unwrap()
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        // A test that failed half-way leaves no server behind (ours, by its id).
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn reply(mut response: ureq::http::Response<ureq::Body>) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, body)
}

fn phone(body: &Value) -> Phone {
    Phone {
        participant: body["participant"].as_str().unwrap().to_owned(),
        device: body["device"].as_str().unwrap().to_owned(),
    }
}

/// Sends SIGINT (Ctrl+C) to the server we started.
pub fn interrupt(child: &Child) {
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

/// Waits for the child to exit, failing the test past `limit`.
pub fn wait_for(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(start.elapsed() < limit, "still running after {limit:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The small questionnaire with `k2` asked of IT only, and Ann (IT) already in the room.
fn room_assessment() -> Assessment {
    let mut a = support::assessment();
    a.questionnaire.questions[5].audience = Audience::It;
    support::add_participant(&mut a, Side::It, &[]);
    a.participants[0].name = "Ann".into();
    a
}

fn response(a: &Assessment, participant: &str, question: &str) -> Option<(Answer, Answer)> {
    let p = a.participants.iter().find(|p| p.id == participant)?;
    p.responses.get(question).map(|r| (r.current, r.target))
}

#[test]
fn a_phone_joins_votes_changes_its_vote_and_the_file_has_the_last_one() {
    let live = Live::start(&room_assessment());
    let zoe = live.join("Zoë", "Business");
    assert_eq!(zoe.participant, "v1");
    live.open("c1");
    assert_eq!(
        live.tally(),
        json!({"voted": 0, "participants": 2, "distribution": null})
    );

    let (status, state) = live.vote(&zoe, "c1", json!(3), json!(4));
    assert_eq!(status, 200, "{state}");
    assert_eq!(state["mine"], json!({"current": 3, "target": 4}));
    assert_eq!(live.tally()["voted"], 1);

    let (status, _) = live.vote(&zoe, "c1", json!(2), json!("dont_know"));
    assert_eq!(status, 200);
    assert_eq!(
        live.state(&zoe)["mine"],
        json!({"current": 2, "target": "dont_know"})
    );
    assert_eq!(live.tally()["voted"], 1, "a changed vote is still one vote");

    let saved = live.stop();
    let joined = saved.participants.iter().find(|p| p.id == "v1").unwrap();
    assert_eq!((joined.name.as_str(), joined.side), ("Zoë", Side::Business));
    assert_eq!(
        response(&saved, "v1", "c1"),
        Some((lv(2), Answer::DontKnow))
    );
    assert!(joined.responses["c1"].earlier_rounds.is_empty());
    assert_eq!(saved.participants.len(), 2);
}

#[test]
fn a_phone_picks_its_name_from_the_list_once() {
    let live = Live::start(&room_assessment());
    let (status, roster) = live.get(&format!("/api/participants?t={}", live.token));
    assert_eq!(status, 200);
    assert_eq!(
        roster,
        json!({"anonymous": false, "participants": [
            {"participant": "p1", "name": "Ann", "side": "IT", "taken": false}]})
    );
    let (status, body) = live.post("/api/join", &json!({"t": live.token, "participant": "p1"}));
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["participant"], "p1");
    assert_eq!(body["you"], "Ann");
    // Nobody else can vote as Ann, by picking her or by typing her name.
    let (status, _) = live.post("/api/join", &json!({"t": live.token, "participant": "p1"}));
    assert_eq!(status, 409);
    let (status, _) = live.post(
        "/api/join",
        &json!({"t": live.token, "name": " ann ", "side": "IT"}),
    );
    assert_eq!(status, 409);
    let (status, _) = live.post("/api/join", &json!({"t": live.token, "participant": "p9"}));
    assert_eq!(status, 404);
    let (_, roster) = live.get(&format!("/api/participants?t={}", live.token));
    assert_eq!(roster["participants"][0]["taken"], true);
    let saved = live.stop();
    assert_eq!(saved.participants.len(), 1, "nobody added twice");
}

#[test]
fn an_anonymous_assessment_gives_codes_and_lists_nobody() {
    let mut a = room_assessment();
    a.anonymous = true;
    let live = Live::start(&a);
    let (_, roster) = live.get(&format!("/api/participants?t={}", live.token));
    assert_eq!(roster, json!({"anonymous": true, "participants": []}));
    let (status, body) = live.post("/api/join", &json!({"t": live.token, "side": "IT"}));
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["code"], "V1");
    let saved = live.stop();
    let joined = saved.participants.iter().find(|p| p.id == "v1").unwrap();
    assert_eq!(joined.name, "");
}

#[test]
fn votes_on_a_closed_or_unopened_question_are_refused_and_change_nothing() {
    let live = Live::start(&room_assessment());
    let ann = live.join("Ann", "IT");
    let (status, _) = live.vote(&ann, "c1", json!(3), json!(4));
    assert_eq!(status, 409, "nothing open yet");
    live.open("c1");
    let (status, _) = live.vote(&ann, "c2", json!(3), json!(4));
    assert_eq!(status, 409, "another question than the open one");
    let (status, _) = live.vote(&ann, "nope", json!(3), json!(4));
    assert_eq!(status, 404);
    assert_eq!(live.host("close", None).0, 200);
    let (status, body) = live.vote(&ann, "c1", json!(3), json!(4));
    assert_eq!(status, 409, "{body}");
    assert_eq!(live.state(&ann)["open"], false);
    assert_eq!(live.tally()["voted"], 0);
    let saved = live.stop();
    assert!(saved.participants[0].responses.is_empty());
}

#[test]
fn wrong_tokens_secrets_and_devices_are_refused() {
    let live = Live::start(&room_assessment());
    let ann = live.join("Ann", "IT");
    live.open("c1");
    let forbidden = [
        live.post("/api/join", &json!({"t": "wrongtoken", "name": "Eve", "side": "IT"})),
        live.get("/api/participants?t=wrongtoken"),
        live.get(&format!("/api/state?t=wrongtoken&device={}", ann.device)),
        live.post(
            "/api/vote",
            &json!({"t": "wrongtoken", "device": ann.device, "question": "c1", "current": 3}),
        ),
        live.post(
            "/api/vote",
            &json!({"t": live.token, "device": "0123456789abcdef0123456789abcdef", "question": "c1", "current": 3}),
        ),
        live.get(&format!("/api/state?t={}&device=nobody", live.token)),
        live.post("/api/host/open", &json!({"s": "guess", "question": "c2"})),
        live.post("/api/host/reveal", &json!({"s": live.token})),
        live.post("/api/host/close", &json!({"s": ""})),
        live.get("/api/host/tally?s=guess"),
        live.get("/api/host/state?s=guess"),
    ];
    for (n, (status, body)) in forbidden.iter().enumerate() {
        assert_eq!(*status, 403, "request {n}: {body}");
        assert!(body["error"].is_string(), "request {n}: {body}");
    }
    let host = live.get(&format!("/api/host/state?s={}", live.secret)).1;
    assert_eq!(
        (
            host["question"].clone(),
            host["open"].clone(),
            host["revealed"].clone()
        ),
        (json!("c1"), json!(true), json!(false))
    );
    assert_eq!(live.tally()["voted"], 0);
    let saved = live.stop();
    assert_eq!(
        saved.participants.len(),
        1,
        "Ann's phone joined as Ann, nobody else did"
    );
}

#[test]
fn each_bad_input_gets_a_4xx_and_changes_nothing() {
    let live = Live::start(&room_assessment());
    let ann = live.join("Ann", "IT");
    live.open("c1");
    let vote = |current: Value, target: Value| live.vote(&ann, "c1", current, target).0;
    for (current, target) in [
        (json!(0), json!(null)),
        (json!(6), json!(null)),
        (json!(3), json!(300)),
        (json!(-1), json!(null)),
        (json!(2.5), json!(null)),
        (json!("maybe"), json!(null)),
        (json!("DONT_KNOW"), json!(null)),
        (json!([3]), json!(null)),
        (json!(null), json!(null)),
    ] {
        assert_eq!(
            vote(current.clone(), target.clone()),
            422,
            "{current} / {target}"
        );
    }
    let big = format!(
        r#"{{"t":"{}","device":"{}","question":"c1","current":3,"pad":"{}"}}"#,
        live.token,
        ann.device,
        "x".repeat(5000)
    );
    assert_eq!(
        live.post_raw("/api/vote", big.as_bytes(), Some("application/json")),
        413
    );
    assert_eq!(
        live.post_raw("/api/vote", b"{\"t\":", Some("application/json")),
        400
    );
    assert_eq!(
        live.post_raw("/api/vote", b"not json", Some("application/json")),
        400
    );
    let good =
        json!({"t": live.token, "device": ann.device, "question": "c1", "current": 3}).to_string();
    assert_eq!(live.post_raw("/api/vote", good.as_bytes(), None), 415);
    let missing = json!({"t": live.token, "device": ann.device, "current": 3});
    assert_eq!(live.post("/api/vote", &missing).0, 422);
    let unknown =
        json!({"t": live.token, "device": ann.device, "question": "c1", "current": 3, "who": "p1"});
    assert_eq!(live.post("/api/vote", &unknown).0, 422);
    for join in [
        json!({"t": live.token, "name": "Eve", "side": "Martian"}),
        json!({"t": live.token, "name": "Eve"}),
        json!({"t": live.token, "name": "   ", "side": "IT"}),
        json!({"t": live.token, "name": "E".repeat(81), "side": "IT"}),
        json!({"t": live.token, "name": "Eve", "side": "it"}),
    ] {
        assert_eq!(live.post("/api/join", &join).0, 422, "{join}");
    }
    assert_eq!(live.get("/api/state").0, 400, "no token at all");
    assert_eq!(live.host("open", None).0, 404, "open names no question");
    assert_eq!(live.host("open", Some("nope")).0, 404);
    assert_eq!(live.tally()["voted"], 0);
    let saved = live.stop();
    assert_eq!(saved.participants.len(), 1, "Ann joined as herself");
    assert!(saved.participants.iter().all(|p| p.responses.is_empty()));
}

#[test]
fn a_question_for_the_other_side_is_not_shown_nor_taken() {
    let live = Live::start(&room_assessment());
    let bea = live.join("Bea", "Business");
    let ann = live.join("Ann", "IT");
    live.open("k2");
    let state = live.state(&bea);
    assert_eq!(
        (state["question"].clone(), state["asked"].clone()),
        (json!(null), json!(false))
    );
    assert_eq!(live.vote(&bea, "k2", json!(3), json!(4)).0, 403);
    assert_eq!(live.state(&ann)["question"]["id"], "k2");
    assert_eq!(live.vote(&ann, "k2", json!(3), json!(4)).0, 200);
    assert_eq!(live.tally()["participants"], 1, "only IT is asked");
    let saved = live.stop();
    assert_eq!(response(&saved, &bea.participant, "k2"), None);
    assert_eq!(response(&saved, "p1", "k2"), Some((lv(3), lv(4))));
}

#[test]
fn a_phone_sees_its_own_vote_and_counts_never_anothers_answer() {
    let live = Live::start(&room_assessment());
    let ann = live.join("Ann", "IT");
    let bea = live.join("Bea", "Business");
    live.open("c1");
    assert_eq!(live.vote(&ann, "c1", json!(1), json!(5)).0, 200);
    let state = live.state(&bea);
    assert_eq!(state["mine"], json!({"current": null, "target": null}));
    let text = state.to_string();
    assert!(!text.contains("Ann") && !text.contains(&ann.device));
    // Before the reveal the tally is a count; after it, counts per level and side, no names.
    assert_eq!(live.tally()["distribution"], json!(null));
    assert_eq!(live.host("reveal", None).0, 200);
    let tally = live.tally();
    assert_eq!(
        tally["distribution"]["current"]["it"]["levels"],
        json!([1, 0, 0, 0, 0])
    );
    assert_eq!(
        tally["distribution"]["target"]["it"]["levels"],
        json!([0, 0, 0, 0, 1])
    );
    assert_eq!(
        tally["distribution"]["current"]["business"]["levels"],
        json!([0, 0, 0, 0, 0])
    );
    let host = live
        .get(&format!("/api/host/state?s={}", live.secret))
        .1
        .to_string();
    for text in [tally.to_string(), host] {
        assert!(!text.contains("Ann") && !text.contains("Bea") && !text.contains("\"p1\""));
    }
    live.stop();
}

#[test]
fn voting_again_keeps_the_first_round_and_takes_new_votes() {
    let live = Live::start(&room_assessment());
    let ann = live.join("Ann", "IT");
    live.open("c1");
    live.vote(&ann, "c1", json!(2), json!(3));
    assert_eq!(live.host("again", None).0, 200);
    assert_eq!(live.tally()["voted"], 0);
    assert_eq!(
        live.state(&ann)["mine"],
        json!({"current": null, "target": null})
    );
    assert_eq!(live.vote(&ann, "c1", json!(3), json!(4)).0, 200);
    let saved = live.stop();
    let r = &saved.participants[0].responses["c1"];
    assert_eq!((r.current, r.target), (lv(3), lv(4)));
    assert_eq!(r.earlier_rounds.len(), 1);
    assert_eq!(
        (r.earlier_rounds[0].current, r.earlier_rounds[0].target),
        (lv(2), lv(3))
    );
}

#[test]
fn a_device_that_sends_too_much_is_slowed_down_and_others_are_not() {
    let live = Live::start(&room_assessment());
    let ann = live.join("Ann", "IT");
    let bea = live.join("Bea", "IT");
    live.open("c1");
    let statuses: Vec<u16> = (0..60)
        .map(|n| live.vote(&ann, "c1", json!(1 + n % 5), json!(null)).0)
        .collect();
    let accepted: Vec<usize> = (0..60).filter(|&n| statuses[n] == 200).collect();
    assert!(
        statuses.iter().all(|s| *s == 200 || *s == 429),
        "{statuses:?}"
    );
    assert!(accepted.len() < 60, "never slowed down: {statuses:?}");
    assert!(accepted.len() >= 30, "slowed down too soon: {statuses:?}");
    let limited = live
        .agent
        .post(&format!("{}/api/vote", live.base))
        .send_json(json!({"t": live.token, "device": ann.device, "question": "c1", "current": 1}))
        .unwrap();
    assert_eq!(limited.status().as_u16(), 429);
    assert_eq!(limited.headers()["retry-after"], "1");
    assert_eq!(live.vote(&bea, "c1", json!(4), json!(null)).0, 200);
    let last = *accepted.last().unwrap() as u8;
    let saved = live.stop();
    assert_eq!(
        response(&saved, &ann.participant, "c1"),
        Some((lv(1 + last % 5), Answer::Blank))
    );
    assert_eq!(
        response(&saved, &bea.participant, "c1"),
        Some((lv(4), Answer::Blank))
    );
}

#[test]
fn pages_are_served_with_a_strict_policy_and_build_text_safely() {
    let live = Live::start(&room_assessment());
    let response = live.agent.get(&live.join_url).call().unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"));
    assert_eq!(response.headers()["referrer-policy"], "no-referrer");
    for page in ["/", "/host", "/phone.js", "/host.js", "/live.css"] {
        let (status, body) = live.get(page);
        assert_eq!(status, 200, "{page}");
        let text = body.as_str().unwrap();
        for unsafe_sink in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
        ] {
            assert!(!text.contains(unsafe_sink), "{page} uses {unsafe_sink}");
        }
        assert!(!text.contains("<script>"), "{page} has an inline script");
    }
    live.stop();
}

#[test]
fn stopping_ends_open_event_streams() {
    let live = Live::start(&room_assessment());
    let ann = live.join("Ann", "IT");
    let mut stream = live
        .agent
        .get(&format!(
            "{}/api/events?t={}&device={}",
            live.base, live.token, ann.device
        ))
        .call()
        .unwrap();
    assert_eq!(stream.headers()["content-type"], "text/event-stream");
    let mut reader = BufReader::new(stream.body_mut().as_reader());
    let mut first = String::new();
    reader.read_line(&mut first).unwrap();
    assert!(first.starts_with("data: {"), "{first}");
    let started = Instant::now();
    live.stop();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the open stream held the stop"
    );
}

#[test]
fn a_port_in_use_is_an_error_at_once() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.ron");
    convergence::files::save_assessment(&room_assessment(), &file).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_convergence"))
        .args(["live", file.to_str().unwrap(), "--bind"])
        .arg(taken.local_addr().unwrap().to_string())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot listen on 127.0.0.1:"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn the_room_keeps_changes_the_owner_has_not_applied_yet() {
    let assessment = room_assessment();
    let mut room = Room::new(&assessment);
    let join = JoinRequest {
        name: "Zoë".into(),
        side: Some(Side::Business),
        ..JoinRequest::default()
    };
    let (joined, event) = room.join(join, "device-1".into()).unwrap();
    let joined_event = event.unwrap();
    assert!(matches!(&joined_event.change, Change::Joined(p) if p.id == joined.participant));
    room.host(HostAction::Open("c1".into())).unwrap();
    let vote = Vote {
        current: lv(3),
        target: lv(4),
    };
    let voted = room.vote("device-1", "c1", vote).unwrap().unwrap();
    assert_eq!(
        room.vote("device-1", "c1", vote),
        Ok(None),
        "the same vote again is no change"
    );
    // The owner has applied nothing yet: the room still counts the vote.
    room.sync(&assessment, 0);
    assert_eq!(room.tally().voted, 1);
    // The owner applied both, then the facilitator removed the newcomer: the phone is unbound.
    room.sync(&assessment, voted.seq);
    assert_eq!(room.tally().voted, 0);
    assert_eq!(
        room.vote("device-1", "c1", vote),
        Err(Refusal::UnknownDevice)
    );
    assert!(room.phone_state(Some("device-1")).is_err());
}

#[test]
fn a_phones_changes_become_the_edits_a_typed_answer_makes() {
    use convergence::document::{Document, Edit};
    use convergence::live::edits_for;
    use convergence::scoring::Phase;
    let mut doc = Document::new(room_assessment(), None);
    let change = Change::Voted {
        participant: "p1".into(),
        question: "c1".into(),
        vote: Vote {
            current: lv(2),
            target: Answer::Blank,
        },
    };
    let edits = edits_for(&doc.assessment, &change);
    assert!(matches!(
        edits.as_slice(),
        [Edit::Answer { participant: 0, question, phase: Phase::Current, answer }]
            if question == "c1" && *answer == lv(2)
    ));
    for edit in edits {
        doc.apply(edit);
    }
    assert!(
        edits_for(&doc.assessment, &change).is_empty(),
        "already there"
    );
    assert!(doc.undo(), "a phone's vote is undone like a typed one");
    assert_eq!(response(&doc.assessment, "p1", "c1"), None);
    let gone = Change::Voted {
        participant: "p7".into(),
        question: "c1".into(),
        vote: Vote::default(),
    };
    assert!(edits_for(&doc.assessment, &gone).is_empty());
}

#[test]
fn ctrl_c_as_soon_as_the_urls_are_out_stops_cleanly_and_prints_nothing_more() {
    for _ in 0..5 {
        Live::start(&room_assessment()).stop();
    }
}

#[test]
fn listening_on_every_interface_gives_phones_an_address_they_can_reach() {
    let live = Live::start_on(&room_assessment(), "0.0.0.0:0");
    assert!(!live.base.contains("0.0.0.0"), "{}", live.base);
    let (status, body) = live.get(&format!("/api/participants?t={}", live.token));
    assert_eq!(status, 200, "{body}");
    assert_eq!(live.host("next", None).0, 200, "the host URL works too");
    live.stop();
}

#[test]
fn a_read_only_file_is_refused_before_anyone_can_vote() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.ron");
    convergence::files::save_assessment(&room_assessment(), &file).unwrap();
    let mut permissions = std::fs::metadata(&file).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&file, permissions).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_convergence"))
        .args(["live", file.to_str().unwrap(), "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(20));
    }
    // Still serving: ended here (ours, by its id) so that the failure leaves nothing behind.
    let _ = child.kill();
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.is_empty(),
        "it served a file it cannot save: {stdout}"
    );
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("a.ron: the file is read-only"), "{stderr}");
}
