//! The questionnaire loader on any text: a questionnaire or an error, never a panic. The
//! error is written out as the user would see it, and a questionnaire that loads is scored
//! with nobody in it, as the app does when a new assessment starts from it.
#![no_main]

use std::path::Path;

use convergence::files::parse_questionnaire;
use convergence::model::Assessment;
use convergence::scoring::score;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The loader reads files as UTF-8 and refuses anything else before parsing.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_questionnaire(text, Path::new("fuzz.ron")) {
        Ok(questionnaire) => {
            score(&Assessment::new(questionnaire));
        }
        Err(error) => {
            let _ = error.to_string();
        }
    }
});
