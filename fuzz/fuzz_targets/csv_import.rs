//! The CSV import on any bytes, against the built-in workshop questionnaire: decoding, reading
//! the table, matching the columns and importing the rows give participants and problems or an
//! error, never a panic. Every message is written out as the user would see it.
#![no_main]

use std::sync::LazyLock;

use convergence::files::builtin_questionnaires;
use convergence::files::csv_import::{import, match_columns, read_table_bytes};
use convergence::model::Questionnaire;
use libfuzzer_sys::fuzz_target;

static WORKSHOP: LazyLock<Questionnaire> = LazyLock::new(|| {
    builtin_questionnaires()
        .into_iter()
        .next()
        .expect("the workshop questionnaire is built in")
});

fuzz_target!(|data: &[u8]| {
    let table = match read_table_bytes(data) {
        Ok(table) => table,
        Err(error) => {
            let _ = error.to_string();
            return;
        }
    };
    let roles = match_columns(&WORKSHOP, &table.headers);
    let report = import(&WORKSHOP, &table, &roles, &[]);
    for problem in &report.problems {
        let _ = problem.to_string();
    }
});
