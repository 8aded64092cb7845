//! Bad input never panics: any bytes, any text, and the shipped files cut short anywhere or
//! with one byte changed, given to the questionnaire loader, the assessment loader and the CSV
//! import, give a result or an error that names the file. The fuzz targets in `fuzz/` search
//! the same ground for longer; what they found is pinned here as regression tests.

use std::path::Path;
use std::sync::LazyLock;

use convergence::files::csv_import::{import, match_columns, read_table_bytes};
use convergence::files::{builtin_questionnaires, parse_assessment, parse_questionnaire};
use convergence::model::Questionnaire;
use proptest::prelude::*;
use proptest::sample::Index;

/// The name the loaders are given, which every error must mention.
const NAME: &str = "input.ron";

/// The shipped questionnaires and the fixtures of each kind of file, as the loaders see them.
const FILES: &[(&str, &[u8])] = &[
    (
        "questionnaires/workshop.ron",
        include_bytes!("../../questionnaires/workshop.ron"),
    ),
    (
        "questionnaires/cio-self-check.ron",
        include_bytes!("../../questionnaires/cio-self-check.ron"),
    ),
    (
        "tests/data/assessment-v1.ron",
        include_bytes!("../data/assessment-v1.ron"),
    ),
    (
        "tests/data/csv/google_forms.csv",
        include_bytes!("../data/csv/google_forms.csv"),
    ),
    (
        "tests/data/csv/limesurvey.csv",
        include_bytes!("../data/csv/limesurvey.csv"),
    ),
    (
        "tests/data/csv/ms_forms.csv",
        include_bytes!("../data/csv/ms_forms.csv"),
    ),
];

/// The questionnaires CSV files are imported against: the workshop, as the fuzz target does,
/// and the one the CSV fixtures answer, so that mutated fixtures still reach the rows.
static QUESTIONNAIRES: LazyLock<Vec<Questionnaire>> = LazyLock::new(|| {
    let mini = include_str!("../data/csv/mini.ron");
    let mut all = builtin_questionnaires();
    all.truncate(1);
    all.push(parse_questionnaire(mini, Path::new("mini.ron")).expect("mini.ron loads"));
    all
});

/// What each loader made of some text: `Ok(())` or the error's message.
struct Outcome {
    questionnaire: Result<(), String>,
    assessment: Result<(), String>,
}

/// Gives `bytes` to every loader (RON as text, the CSV import as bytes) and checks what they
/// say: errors name the file, import problems point at a line of the file.
fn load_everything(bytes: &[u8]) -> Outcome {
    let text = String::from_utf8_lossy(bytes);
    let path = Path::new(NAME);
    let outcome = Outcome {
        questionnaire: parse_questionnaire(&text, path)
            .map(drop)
            .map_err(|e| e.to_string()),
        assessment: parse_assessment(&text, path)
            .map(drop)
            .map_err(|e| e.to_string()),
    };
    for message in [&outcome.questionnaire, &outcome.assessment]
        .into_iter()
        .filter_map(|r| r.as_ref().err())
    {
        assert!(message.contains(NAME), "{message:?} does not name the file");
    }
    import_csv(bytes);
    outcome
}

/// Reads `bytes` as a CSV file and imports it against each questionnaire.
fn import_csv(bytes: &[u8]) {
    let table = match read_table_bytes(bytes) {
        Ok(table) => table,
        Err(error) => {
            assert!(!error.to_string().is_empty());
            return;
        }
    };
    let lines = line_count(bytes);
    for q in QUESTIONNAIRES.iter() {
        let roles = match_columns(q, &table.headers);
        let report = import(q, &table, &roles, &[]);
        for problem in &report.problems {
            assert!(
                (1..=lines).contains(&problem.line),
                "problem on line {} of a file of {lines} lines: {problem}",
                problem.line
            );
        }
    }
}

/// Lines in `bytes` as the CSV reader counts them: `\n`, `\r\n` and a lone `\r` end a line.
fn line_count(bytes: &[u8]) -> usize {
    let lone_cr = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
        .count();
    1 + bytes.iter().filter(|&&b| b == b'\n').count() + lone_cr
}

/// Whether `file` is a RON file cut before its closing parenthesis, which no loader may take.
fn cut_before_the_end(file: &[u8], cut: usize) -> bool {
    file.iter()
        .rposition(|&b| b == b')')
        .is_some_and(|end| cut <= end)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_bytes_give_a_result_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        load_everything(&bytes);
    }

    #[test]
    fn any_text_gives_a_result_or_an_error(text in any::<String>()) {
        load_everything(text.as_bytes());
    }

    /// Text made of the characters that structure RON and CSV gets further into the parsers.
    #[test]
    fn structured_text_gives_a_result_or_an_error(
        text in "[(){}\\[\\]:,;\"'\t\r\n a-zA-Z0-9_.+-]{0,300}"
    ) {
        load_everything(text.as_bytes());
    }

    #[test]
    fn a_shipped_file_cut_short_anywhere_is_refused_or_read(
        file in 0..FILES.len(),
        cut in any::<Index>(),
    ) {
        let (name, bytes) = FILES[file];
        let cut = cut.index(bytes.len() + 1);
        let outcome = load_everything(&bytes[..cut]);
        if name.ends_with(".ron") && cut_before_the_end(bytes, cut) {
            prop_assert!(outcome.questionnaire.is_err(), "{name} cut at {cut} loaded");
            prop_assert!(outcome.assessment.is_err(), "{name} cut at {cut} loaded");
        }
    }

    #[test]
    fn a_shipped_file_with_one_byte_changed_is_refused_or_read(
        file in 0..FILES.len(),
        at in any::<Index>(),
        byte in any::<u8>(),
    ) {
        let mut bytes = FILES[file].1.to_vec();
        let at = at.index(bytes.len());
        bytes[at] = byte;
        load_everything(&bytes);
    }
}

#[test]
fn the_shipped_files_load_whole() {
    for (name, bytes) in FILES {
        let outcome = load_everything(bytes);
        let loaded = match name {
            n if n.starts_with("questionnaires/") => outcome.questionnaire,
            n if n.ends_with(".ron") => outcome.assessment,
            _ => read_table_bytes(bytes).map(drop).map_err(|e| e.to_string()),
        };
        assert_eq!(loaded, Ok(()), "{name}");
    }
}
