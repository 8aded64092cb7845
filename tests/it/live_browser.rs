//! The phone page in a real browser: headless Chromium, driven through chromedriver by
//! fantoccini, joins (with a name written to break out of the page), votes, keeps its binding
//! over a reload, and the facilitator's host page in the same browser counts the vote. The
//! phone is 360 pixels wide, and a long level description must fit it, readable. Needs
//! `/usr/bin/chromium` and `/usr/bin/chromedriver` (Debian's chromium and chromium-driver,
//! which `.ci/run` installs); without them this test fails rather than skip.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use crate::live::Live;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The width of a small phone's screen, in CSS pixels.
const PHONE_WIDTH: u32 = 360;

/// A level description with a word longer than the screen is wide.
const LONG_DESCRIPTION: &str = "Defined: every business unit's steering committee reviews \
     IT's delivery against its plan each quarter, as minuted in \
     https://intranet.example.com/governance/steering-committee/minutes/2025-quarter-one-review";

/// A name that would run script if the page put it in as HTML.
const HOSTILE_NAME: &str = "Zoë <img src=x onerror=document.title='pwned'>";

/// chromedriver on a free port, ended (by its id) when dropped.
struct Driver {
    child: Child,
    port: u16,
    _profile: tempfile::TempDir,
}

impl Driver {
    fn start() -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .unwrap()
            .port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("{CHROMEDRIVER} did not start ({e}): install chromium-driver")
            });
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "chromedriver never listened"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver {
            child,
            port,
            _profile: tempfile::tempdir().unwrap(),
        }
    }

    async fn browser(&self) -> Client {
        let profile = self._profile.path().display();
        let capabilities = json!({
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                         "--disable-dev-shm-usage", "--no-first-run",
                         format!("--user-data-dir={profile}")],
            }
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        let browser = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .unwrap_or_else(|e| panic!("no Chromium session ({e}): install chromium"));
        // Set here, not with --window-size: Chromium widens a window asked for at start to 500.
        browser.set_window_size(PHONE_WIDTH, 740).await.unwrap();
        browser
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits until the element's text satisfies `ready`; returns it.
async fn text_when(browser: &Client, css: &str, ready: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        if let Ok(element) = browser.find(Locator::Css(css)).await
            && let Ok(text) = element.text().await
            && ready(&text)
        {
            return text;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "{css} never became ready"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Fails unless the page fits the phone: nothing wider than its screen, and each of the `levels`
/// descriptions inside it in type of at least 14 px.
async fn assert_fits_phone(browser: &Client, levels: u64) {
    let script = "const descs = [...document.querySelectorAll('.desc')];
        return [window.innerWidth, document.documentElement.scrollWidth, descs.length,
            Math.max(0, ...descs.map((d) => d.getBoundingClientRect().right)),
            Math.min(99, ...descs.map((d) => parseFloat(getComputedStyle(d).fontSize)))];";
    let fit = browser.execute(script, vec![]).await.unwrap();
    let number = |i: usize| fit[i].as_f64().unwrap();
    let width = f64::from(PHONE_WIDTH);
    assert_eq!(number(0), width, "the window is a phone's width: {fit}");
    assert!(number(1) <= width, "the page scrolls sideways: {fit}");
    assert_eq!(fit[2], levels, "level descriptions on screen: {fit}");
    assert!(
        number(3) <= width,
        "a description runs off the screen: {fit}"
    );
    assert!(number(4) >= 14.0, "descriptions too small to read: {fit}");
}

async fn click(browser: &Client, css: &str) {
    let element = browser
        .wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    element
        .click()
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
}

#[test]
fn a_phone_joins_votes_and_sees_its_vote_counted_in_chromium() {
    let mut assessment = crate::support::assessment();
    crate::support::add_participant(&mut assessment, convergence::model::Side::It, &[]);
    let c2 = assessment
        .questionnaire
        .questions
        .iter_mut()
        .find(|q| q.id == "c2");
    c2.unwrap().levels[2] = LONG_DESCRIPTION.into();
    let live = Live::start(&assessment);
    let driver = Driver::start();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let browser = driver.browser().await;
        // Another phone speaks for the participant in the list: not to be picked again.
        let (status, _) = live.post("/api/join", &json!({"t": live.token, "participant": "p1"}));
        assert_eq!(status, 200);
        browser.goto(&live.join_url).await.unwrap();
        let people = text_when(&browser, "#people", |t| t.contains("Participant p1")).await;
        assert_eq!(people, "Participant p1 (IT) · joined from another phone");
        let taken = browser.find(Locator::Css("#people button")).await.unwrap();
        assert!(!taken.is_enabled().await.unwrap());
        assert_fits_phone(&browser, 0).await;
        browser
            .find(Locator::Css("#name"))
            .await
            .unwrap()
            .send_keys(HOSTILE_NAME)
            .await
            .unwrap();
        click(&browser, "input[name=side][value=Business]").await;
        click(&browser, "#join-button").await;
        let waiting = text_when(&browser, "#wait-text", |t| !t.is_empty()).await;
        assert!(waiting.contains("Waiting for the facilitator"), "{waiting}");
        // The name is shown as the text it is, not run as markup.
        let you = text_when(&browser, "#you", |t| !t.is_empty()).await;
        assert_eq!(you, format!("Voting as {HOSTILE_NAME}"));
        assert!(
            browser
                .find_all(Locator::Css("img"))
                .await
                .unwrap()
                .is_empty()
        );

        live.open("c2");
        text_when(&browser, "#question", |t| t.contains("c2")).await;
        // Today and target, five levels each.
        assert_fits_phone(&browser, 10).await;
        let described = text_when(&browser, "#current", |t| t.contains("2025")).await;
        assert!(described.contains(LONG_DESCRIPTION), "{described}");
        click(&browser, "input[name=current][value='3']").await;
        click(&browser, "input[name=target][value='5']").await;
        click(&browser, "#send").await;
        text_when(&browser, "#sent", |t| t.contains("Your vote is in")).await;
        assert_eq!(live.tally()["voted"], 1);

        // A reload keeps the phone's binding and shows its vote.
        browser.refresh().await.unwrap();
        text_when(&browser, "#question", |t| t.contains("c2")).await;
        let chosen = browser
            .find(Locator::Css("input[name=current][value='3']"))
            .await
            .unwrap();
        assert!(chosen.is_selected().await.unwrap());
        assert_eq!(browser.title().await.unwrap(), "Convergence — vote");

        // The facilitator's page counts it, and shows it by side once revealed.
        let host = live
            .join_url
            .replace(&format!("/?t={}", live.token), "/host?s=");
        browser
            .goto(&format!("{host}{}", live.secret))
            .await
            .unwrap();
        text_when(&browser, "#count", |t| t.starts_with("1 of 2 voted")).await;
        click(&browser, "#reveal").await;
        let row = text_when(&browser, "#rows", |t| t.contains("3 · Defined")).await;
        assert!(row.contains("3 · Defined 0 1 0 0"), "{row}");
        browser.close().await.unwrap();
    });
    let saved = live.stop();
    let zoe = saved
        .participants
        .iter()
        .find(|p| p.name == HOSTILE_NAME)
        .unwrap();
    let response = &zoe.responses["c2"];
    assert_eq!(
        (response.current, response.target),
        (crate::support::lv(3), crate::support::lv(5))
    );
}
