//! Sixty phones, half IT and half business, each with its page's event stream open as in a
//! room, voting on every question of the workshop questionnaire against `convergence live` on
//! loopback: every accepted vote is in the saved file, none lost or doubled, and the host's
//! tally shows each vote within 200 ms at the 99th percentile (the figures are printed:
//! `cargo test live_load -- --nocapture`).

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use convergence::model::{Answer, Assessment, Side};
use serde_json::json;

use crate::live::{Live, Phone};

const PHONES: usize = 60;
/// Threads sending votes at once, as phones in a room do.
const SENDERS: usize = 6;

/// The level phone `n` gives question `q` today and as target.
fn levels(n: usize, q: usize) -> (u8, u8) {
    let current = 1 + ((n + q) % 5) as u8;
    (current, (current + 1).min(5))
}

/// Reads a phone's event stream, as its page does, until the server ends it; how many states
/// it was sent.
fn listen(base: &str, token: &str, device: &str) -> std::thread::JoinHandle<usize> {
    use std::io::BufRead;
    let url = format!("{base}/api/events?t={token}&device={device}");
    std::thread::spawn(move || {
        let mut stream = ureq::get(&url).call().unwrap();
        let reader = std::io::BufReader::new(stream.body_mut().as_reader());
        reader
            .lines()
            .map_while(Result::ok)
            .filter(|line| line.starts_with("data:"))
            .count()
    })
}

/// One phone's vote: accepted (retrying when slowed down, as the page would), and how long
/// until the host's tally, read right after, counted it.
fn vote_and_time(live: &Live, phone: &Phone, question: &str, vote: (u8, u8)) -> (Duration, usize) {
    let mut retries = 0;
    loop {
        let start = Instant::now();
        let (status, body) = live.vote(phone, question, json!(vote.0), json!(vote.1));
        if status == 429 {
            retries += 1;
            std::thread::sleep(Duration::from_millis(100));
            continue;
        }
        assert_eq!(status, 200, "{body}");
        let voted = live.tally()["voted"].as_u64().unwrap();
        assert!(voted >= 1, "the tally missed the vote");
        return (start.elapsed(), retries);
    }
}

#[test]
fn sixty_phones_vote_on_every_question_and_every_vote_is_saved_once() {
    let questionnaire = convergence::files::resolve_questionnaire("convergence-workshop").unwrap();
    let live = Live::start(&Assessment::new(questionnaire.clone()));
    let phones: Vec<(Phone, Side)> = (0..PHONES)
        .map(|n| {
            let side = if n % 2 == 0 { Side::It } else { Side::Business };
            (live.join(&format!("Phone {n}"), side.name()), side)
        })
        .collect();
    let streams: Vec<_> = phones
        .iter()
        .map(|(phone, _)| listen(&live.base, &live.token, &phone.device))
        .collect();
    let expected = Mutex::new(BTreeMap::new());
    let latencies = Mutex::new(Vec::new());
    let retries = Mutex::new(0);
    let started = Instant::now();
    for (q, question) in questionnaire.questions.iter().enumerate() {
        live.open(&question.id);
        let asked: Vec<(usize, &Phone)> = phones
            .iter()
            .enumerate()
            .filter(|(_, (_, side))| question.audience.includes(*side))
            .map(|(n, (phone, _))| (n, phone))
            .collect();
        std::thread::scope(|scope| {
            for chunk in asked.chunks(asked.len().div_ceil(SENDERS).max(1)) {
                let (live, expected, latencies, retries) = (&live, &expected, &latencies, &retries);
                scope.spawn(move || {
                    for &(n, phone) in chunk {
                        let vote = levels(n, q);
                        let (took, again) = vote_and_time(live, phone, &question.id, vote);
                        latencies.lock().unwrap().push(took);
                        *retries.lock().unwrap() += again;
                        expected
                            .lock()
                            .unwrap()
                            .insert((phone.participant.clone(), question.id.clone()), vote);
                    }
                });
            }
        });
        assert_eq!(
            live.tally()["voted"],
            asked.len(),
            "question {}",
            question.id
        );
    }
    let voting = started.elapsed();
    let saved = live.stop();
    let states: Vec<usize> = streams.into_iter().map(|s| s.join().unwrap()).collect();
    assert!(
        states.iter().all(|n| *n > 1),
        "a phone's page was never updated: {states:?}"
    );

    let expected = expected.into_inner().unwrap();
    assert_eq!(saved.participants.len(), PHONES, "nobody added twice");
    let mut found = 0;
    for p in &saved.participants {
        for (question, response) in &p.responses {
            let vote = expected
                .get(&(p.id.clone(), question.clone()))
                .unwrap_or_else(|| panic!("{} has an answer to {question} never sent", p.id));
            assert_eq!(
                (response.current, response.target),
                (Answer::Level(vote.0), Answer::Level(vote.1)),
                "{} on {question}",
                p.id
            );
            assert!(response.earlier_rounds.is_empty());
            found += 1;
        }
    }
    assert_eq!(found, expected.len(), "every accepted vote is in the file");

    let mut latencies = latencies.into_inner().unwrap();
    latencies.sort();
    let at = |share: f64| {
        latencies[((latencies.len() as f64 * share) as usize).min(latencies.len() - 1)]
    };
    let (p50, p99, max) = (at(0.5), at(0.99), latencies[latencies.len() - 1]);
    println!(
        "live load: {} votes from {PHONES} phones on {} questions in {voting:.1?}; \
         vote → tally p50 {p50:.1?}, p99 {p99:.1?}, max {max:.1?}; {} retries after 429; \
         {} states streamed to the phones",
        expected.len(),
        questionnaire.questions.len(),
        retries.into_inner().unwrap(),
        states.iter().sum::<usize>()
    );
    assert!(p99 < Duration::from_millis(200), "p99 {p99:?}");
}
