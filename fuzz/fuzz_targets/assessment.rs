//! The assessment loader on any text: an assessment or an error, never a panic. An assessment
//! that loads is scored, as the app does on opening it, and saved and loaded again: what was
//! read must survive a save unchanged.
#![no_main]

use std::path::Path;

use convergence::files::{assessment_to_ron, parse_assessment};
use convergence::scoring::score;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.ron");
    // The loader reads files as UTF-8 and refuses anything else before parsing.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let assessment = match parse_assessment(text, path) {
        Ok(assessment) => assessment,
        Err(error) => {
            let _ = error.to_string();
            return;
        }
    };
    score(&assessment);
    let saved = assessment_to_ron(&assessment, path).expect("a loaded assessment saves");
    let reloaded = parse_assessment(&saved, path).expect("a saved assessment loads");
    assert_eq!(reloaded, assessment, "the save changed the assessment");
});
