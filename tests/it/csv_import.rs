//! CSV import of online-form exports: real layouts of Google Forms, Microsoft Forms and
//! LimeSurvey, encodings and separators, and every kind of problem reported by line and column.
//! The fixtures are in `tests/data/csv/`; `mini.ron` is the questionnaire they answer.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use convergence::files::csv_import::*;
use convergence::model::*;
use proptest::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/csv")
        .join(name)
}

/// The questionnaire the fixtures answer: com-01, com-02, val-01, val-02, gov-01, gov-02.
fn mini() -> Questionnaire {
    let text = std::fs::read_to_string(fixture("mini.ron")).expect("mini.ron is readable");
    ron::from_str(&text).expect("mini.ron is a questionnaire")
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn cur(id: &str) -> ColumnRole {
    ColumnRole::Current(id.into())
}

fn tgt(id: &str) -> ColumnRole {
    ColumnRole::Target(id.into())
}

/// (current, target) of `p` for question `id`; blank when there is no response.
fn answers(p: &Participant, id: &str) -> (Answer, Answer) {
    p.responses
        .get(id)
        .map_or((Answer::Blank, Answer::Blank), |r| (r.current, r.target))
}

fn lvl(level: u8) -> Answer {
    Answer::Level(level)
}

fn by_name<'a>(report: &'a ImportReport, name: &str) -> &'a Participant {
    report
        .participants
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no participant {name:?} in {:#?}", report.participants))
}

fn warning(line: usize, column: Option<usize>, header: &str, message: &str) -> ImportProblem {
    ImportProblem {
        line,
        column,
        header: header.into(),
        message: message.into(),
        severity: Severity::Warning,
    }
}

fn import_text(text: &str, existing: &[Participant]) -> (Vec<ColumnRole>, ImportReport) {
    let q = mini();
    let table = read_table(text).expect("the test CSV parses");
    let roles = match_columns(&q, &table.headers);
    let report = import(&q, &table, &roles, existing);
    (roles, report)
}

#[test]
fn the_mini_questionnaire_loads() {
    let q = mini();
    assert_eq!(q.dimensions.len(), 3);
    let ids: Vec<&str> = q.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        ["com-01", "com-02", "val-01", "val-02", "gov-01", "gov-02"]
    );
    assert_eq!(q.max_level(), 5);
}

#[test]
fn google_forms_export_with_current_and_target_grids() {
    let q = mini();
    let table = read_table_file(&fixture("google_forms.csv")).unwrap();
    let roles = match_columns(&q, &table.headers);
    assert_eq!(
        roles,
        vec![
            ColumnRole::Timestamp,
            ColumnRole::Email,
            ColumnRole::Side,
            ColumnRole::Role,
            cur("com-01"),
            cur("com-02"),
            cur("val-01"),
            tgt("com-01"),
            tgt("com-02"),
            tgt("val-01"),
            cur("gov-01"),
            // Its text says "targets", but the whole heading is the question: current.
            cur("gov-02"),
        ]
    );

    let report = import(&q, &table, &roles, &[]);
    assert_eq!(
        report.problems,
        vec![warning(1, None, "", "question val-02 has no column")]
    );
    assert_eq!(report.skipped_duplicates, 0);
    let ids: Vec<&str> = report.participants.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["p1", "p2", "p3"]);

    let ann = &report.participants[0];
    assert_eq!(ann.name, "ann@example.org");
    assert_eq!(ann.external_id, "ann@example.org");
    assert_eq!((ann.side, ann.role.as_str()), (Side::It, "CIO"));
    assert_eq!(answers(ann, "com-01"), (lvl(3), lvl(5)));
    assert_eq!(answers(ann, "com-02"), (lvl(2), lvl(4)));
    assert_eq!(answers(ann, "val-01"), (lvl(4), lvl(5)));
    assert_eq!(answers(ann, "gov-01"), (lvl(3), Answer::Blank));
    assert_eq!(answers(ann, "gov-02"), (lvl(2), Answer::Blank));
    assert!(!ann.responses.contains_key("val-02"));

    // The e-mail is the name as written and the identity in lower case.
    let bob = &report.participants[1];
    assert_eq!(bob.name, "Bob@Example.org");
    assert_eq!(bob.external_id, "bob@example.org");
    assert_eq!(bob.side, Side::Business);
    assert_eq!(answers(bob, "val-01"), (Answer::DontKnow, Answer::Blank));

    let carla = &report.participants[2];
    assert_eq!(carla.side, Side::Business, "\"business\" in lower case");
    assert_eq!(answers(carla, "gov-01"), (lvl(3), Answer::Blank), "label");
    assert_eq!(answers(carla, "gov-02").0, Answer::NotApplicable);
    assert_eq!(answers(carla, "com-01"), (lvl(1), lvl(3)));
}

#[test]
fn microsoft_forms_export_with_metadata_and_an_anonymous_respondent() {
    let q = mini();
    let table = read_table_file(&fixture("ms_forms.csv")).unwrap();
    assert_eq!(table.headers.len(), 16);
    assert_eq!(
        table.headers[15],
        "Are IT targets agreed with the business?"
    );
    let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 3, 4], "CRLF line ends, as Excel writes them");
    let roles = match_columns(&q, &table.headers);
    assert_eq!(
        roles,
        vec![
            ColumnRole::Respondent,
            ColumnRole::Metadata,
            ColumnRole::Metadata,
            ColumnRole::Email,
            ColumnRole::Name,
            ColumnRole::Metadata,
            ColumnRole::Side,
            ColumnRole::Role,
            cur("com-01"),
            tgt("com-01"),
            cur("com-02"),
            tgt("com-02"),
            cur("val-01"),
            cur("val-02"),
            cur("gov-01"),
            cur("gov-02"),
        ]
    );

    // Metadata columns are ignored without a word, and every question has a column.
    let report = import(&q, &table, &roles, &[]);
    assert_eq!(report.problems, vec![]);

    let dana = by_name(&report, "Dana Smith");
    assert_eq!(dana.external_id, "ID=1");
    assert_eq!(
        (dana.side, dana.role.as_str()),
        (Side::It, "Service desk lead")
    );
    assert_eq!(answers(dana, "com-01"), (lvl(3), lvl(4)), "level labels");
    assert_eq!(answers(dana, "com-02"), (lvl(2), lvl(4)));
    assert_eq!(answers(dana, "val-01").0, lvl(2));
    assert_eq!(answers(dana, "val-02").0, lvl(1));
    assert_eq!(answers(dana, "gov-02").0, Answer::DontKnow);

    let anonymous = &report.participants[1];
    assert_eq!(anonymous.name, "Respondent 1");
    assert_eq!(anonymous.external_id, "ID=2");
    assert_eq!(anonymous.id, "p2");
    assert_eq!(answers(anonymous, "com-01"), (lvl(1), lvl(5)));
    assert_eq!(answers(anonymous, "val-01").0, Answer::NotApplicable);
    assert_eq!(answers(anonymous, "gov-01").0, lvl(2), "\"2 - Repeatable\"");

    let erik = by_name(&report, "Erik Jansen");
    assert_eq!(erik.side, Side::It, "\"I.T.\"");
    assert_eq!(answers(erik, "com-01"), (lvl(4), lvl(5)));
}

#[test]
fn anonymous_respondents_get_names_not_yet_taken() {
    let q = mini();
    let existing = [Participant {
        id: "p1".into(),
        name: "Respondent 1".into(),
        ..Participant::default()
    }];
    let report = import_file(&q, &fixture("ms_forms.csv"), &existing).unwrap();
    let names: Vec<&str> = report
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Dana Smith", "Respondent 2", "Erik Jansen"]);
    let ids: Vec<&str> = report.participants.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["p2", "p3", "p4"]);
}

#[test]
fn limesurvey_export_with_question_codes() {
    let q = mini();
    let report = import_file(&q, &fixture("limesurvey.csv"), &[]).unwrap();
    let table = read_table_file(&fixture("limesurvey.csv")).unwrap();
    let roles = match_columns(&q, &table.headers);
    assert_eq!(
        roles,
        vec![
            ColumnRole::Respondent,
            ColumnRole::Metadata,
            ColumnRole::Metadata,
            ColumnRole::Metadata,
            ColumnRole::Metadata,
            ColumnRole::Side,
            ColumnRole::Role,
            cur("com-01"),
            cur("com-02"),
            cur("val-01"),
            cur("val-02"),
            cur("gov-01"),
            cur("gov-02"),
            tgt("com-01"),
            tgt("com-02"),
        ]
    );
    assert_eq!(report.problems, vec![]);
    assert_eq!(report.participants.len(), 3);

    let first = &report.participants[0];
    assert_eq!(first.external_id, "id=12");
    assert_eq!((first.side, first.role.as_str()), (Side::It, "Developer"));
    assert_eq!(answers(first, "com-01"), (lvl(3), lvl(4)));
    assert_eq!(answers(first, "com-02"), (Answer::DontKnow, lvl(4)));
    assert_eq!(answers(first, "gov-01").0, lvl(4));
    assert!(
        !first.responses.contains_key("val-02"),
        "blank is no answer"
    );

    // An incomplete response: only what was answered.
    let partial = &report.participants[1];
    assert_eq!(partial.external_id, "id=13");
    assert_eq!(partial.responses.len(), 1);
    assert_eq!(answers(partial, "com-01"), (lvl(2), Answer::Blank));

    let last = &report.participants[2];
    assert_eq!(answers(last, "val-01").0, Answer::NotApplicable);
    assert_eq!(answers(last, "gov-02"), (lvl(1), Answer::Blank));
    assert_eq!(answers(last, "com-02"), (lvl(4), lvl(5)));
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_first_heading() {
    let q = mini();
    let table = read_table_file(&fixture("bom.csv")).unwrap();
    assert_eq!(
        table.headers,
        strings(&["Name", "Side", "com-01", "com-02"])
    );
    let roles = match_columns(&q, &table.headers);
    assert_eq!(roles[0], ColumnRole::Name);
    let report = import(&q, &table, &roles, &[]);
    let ann = by_name(&report, "Ann");
    assert_eq!(answers(ann, "com-01").0, lvl(3));
    assert_eq!(answers(ann, "com-02").0, lvl(4));
    let missing: Vec<&str> = report
        .problems
        .iter()
        .filter(|p| p.message.ends_with("has no column"))
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(
        missing,
        [
            "question val-01 has no column",
            "question val-02 has no column",
            "question gov-01 has no column",
            "question gov-02 has no column",
        ]
    );
}

#[test]
fn quoted_cells_keep_commas_quotes_and_line_breaks() {
    let q = mini();
    let table = read_table_file(&fixture("quoted.csv")).unwrap();
    assert_eq!(table.headers[3], "Who sets IT priorities, in practice?");
    let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [2, 4], "the first record runs over lines 2 and 3");

    let report = import_file(&q, &fixture("quoted.csv"), &[]).unwrap();
    let ann = by_name(&report, "Smith, Ann");
    assert_eq!(ann.role, "Head of Applications,\nEMEA and \"Group\" IT");
    assert_eq!(answers(ann, "gov-01").0, lvl(3));
    assert_eq!(answers(ann, "com-01").0, lvl(4));

    // Bob's "9" is on line 4 of the file, not on the third line of data.
    let bob = by_name(&report, "Bob");
    assert_eq!(answers(bob, "gov-01").0, lvl(2));
    assert_eq!(answers(bob, "com-01").0, Answer::Blank);
    let errors: Vec<String> = report
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors,
        ["line 4, column 5 (\"com-01\"): \"9\" is not a level \
             (1–5, a level label, don't know or not applicable)"]
    );
}

#[test]
fn semicolon_files_from_european_excel() {
    let q = mini();
    // The header holds an unquoted comma inside a question text: still a `;` file.
    let table = read_table_file(&fixture("semicolon.csv")).unwrap();
    assert_eq!(table.headers.len(), 5);
    assert_eq!(table.headers[3], "Who sets IT priorities, in practice?");
    let roles = match_columns(&q, &table.headers);
    assert_eq!(
        roles,
        vec![
            ColumnRole::Name,
            ColumnRole::Side,
            cur("com-01"),
            cur("gov-01"),
            tgt("com-01"),
        ]
    );
    let report = import(&q, &table, &roles, &[]);
    assert!(!report.has_errors(), "{:#?}", report.problems);
    let ann = by_name(&report, "Ann");
    assert_eq!(answers(ann, "com-01"), (lvl(3), lvl(4)), "\"3,0\" is 3");
    assert_eq!(answers(ann, "gov-01").0, lvl(2));
    let bob = by_name(&report, "Bob");
    assert_eq!(answers(bob, "gov-01").0, lvl(3));
    assert_eq!(bob.side, Side::Business);

    // A plain `;` file, with CRLF line ends.
    let table = read_table("Name;Side;com-02\r\nEve;IT;\"5\"\r\n").unwrap();
    assert_eq!(table.headers, strings(&["Name", "Side", "com-02"]));
    assert_eq!(table.rows[0].cells, strings(&["Eve", "IT", "5"]));
    assert_eq!(table.rows[0].line, 2);
}

#[test]
fn an_unknown_column_and_bad_cells_are_reported_with_row_and_column() {
    let q = mini();
    let report = import_file(&q, &fixture("problems.csv"), &[]).unwrap();
    let shown: Vec<(Severity, String)> = report
        .problems
        .iter()
        .map(|p| (p.severity, p.to_string()))
        .collect();
    let expected = [
        (
            Severity::Warning,
            "line 1, column 3 (\"Department\"): ignored: the heading names no question of the questionnaire",
        ),
        (Severity::Warning, "line 1: question val-01 has no column"),
        (Severity::Warning, "line 1: question val-02 has no column"),
        (Severity::Warning, "line 1: question gov-01 has no column"),
        (Severity::Warning, "line 1: question gov-02 has no column"),
        (
            Severity::Error,
            "line 3, column 4 (\"Side\"): \"Finance\" is not a side (IT or Business); counted as Business",
        ),
        (
            Severity::Error,
            "line 4, column 6 (\"Target [com-01]\"): \"7\" is not a level (1–5, a level label, don't know or not applicable)",
        ),
        (
            Severity::Error,
            "line 4, column 7 (\"com-02\"): \"Excellent\" is not a level (1–5, a level label, don't know or not applicable)",
        ),
    ];
    let expected: Vec<(Severity, String)> = expected
        .iter()
        .map(|(s, m)| (*s, (*m).to_owned()))
        .collect();
    assert_eq!(shown, expected);

    let bad = &report.problems[6];
    assert_eq!(
        (bad.line, bad.column, bad.header.as_str()),
        (4, Some(6), "Target [com-01]")
    );
    assert!(report.has_errors());
    assert_eq!(report.problems_on_line(4).count(), 2);

    // The rest of each row still imports; the bad cells are left blank.
    assert_eq!(report.participants.len(), 3);
    let bob = by_name(&report, "Bob");
    assert_eq!(bob.side, Side::Business);
    assert_eq!(answers(bob, "com-01"), (lvl(2), lvl(5)));
    let carla = by_name(&report, "Carla");
    assert_eq!(answers(carla, "com-01"), (lvl(4), Answer::Blank));
    assert!(!carla.responses.contains_key("com-02"));
    // No respondent id and no e-mail: a timestamp is not who someone is (two people can send
    // in the same second), so nothing identifies Carla.
    assert_eq!(carla.external_id, "");
    assert!(
        carla.export.starts_with("form-"),
        "the export she came from is known"
    );
}

#[test]
fn duplicate_respondents_are_skipped_and_counted() {
    let q = mini();
    let report = import_file(&q, &fixture("duplicates.csv"), &[]).unwrap();
    assert_eq!(report.skipped_duplicates, 1);
    let who: Vec<(&str, &str, &str)> = report
        .participants
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str(), p.external_id.as_str()))
        .collect();
    assert_eq!(
        who,
        [
            ("p1", "Ann", "ID=1"),
            ("p2", "Bob", "ID=2"),
            ("p3", "Respondent 1", "ID=3"),
        ]
    );
    // The first answer stands; the repeated row (line 4) is not merged in.
    assert_eq!(answers(&report.participants[0], "com-01").0, lvl(3));
    let duplicate = report
        .problems
        .iter()
        .find(|p| p.message.contains("row skipped"))
        .expect("a warning for the duplicate");
    assert_eq!(duplicate.severity, Severity::Warning);
    assert_eq!(
        duplicate.to_string(),
        "line 4, column 1 (\"ID\"): respondent \"ID=1\" already appears on line 2; row skipped"
    );
    // The empty row on line 5 is skipped without a word.
    assert_eq!(report.problems_on_line(5).count(), 0);
}

#[test]
fn nothing_is_imported_twice_into_an_assessment() {
    let q = mini();
    let export = read_table_file(&fixture("duplicates.csv"))
        .unwrap()
        .fingerprint();
    let existing = vec![
        Participant {
            id: "p1".into(),
            name: "Zoe".into(),
            external_id: "ID=2".into(),
            export: export.clone(),
            ..Participant::default()
        },
        Participant {
            id: "p2".into(),
            name: "Entered by hand".into(),
            ..Participant::default()
        },
        // The same response id from another form is someone else.
        Participant {
            id: "p5".into(),
            name: "Yves".into(),
            external_id: "ID=3".into(),
            export: "form-0000000000000000".into(),
            ..Participant::default()
        },
    ];
    let first = import_file(&q, &fixture("duplicates.csv"), &existing).unwrap();
    assert_eq!(
        first.skipped_duplicates, 2,
        "ID=1 repeated and ID=2 already there"
    );
    let who: Vec<(&str, &str)> = first
        .participants
        .iter()
        .map(|p| (p.id.as_str(), p.external_id.as_str()))
        .collect();
    assert_eq!(who, [("p3", "ID=1"), ("p4", "ID=3")]);
    assert!(first.participants.iter().all(|p| p.export == export));
    assert!(first.problems.iter().any(|p| p.line == 3
        && p.message == "respondent \"ID=2\" was already imported as p1 (Zoe); row skipped"));

    // Importing the same export again adds nobody.
    let mut all = existing;
    all.extend(first.participants);
    let again = import_file(&q, &fixture("duplicates.csv"), &all).unwrap();
    assert!(again.participants.is_empty());
    assert_eq!(again.skipped_duplicates, 4);
}

#[test]
fn an_empty_file_is_an_error_naming_the_file() {
    assert!(matches!(read_table(""), Err(CsvImportError::Empty { .. })));
    assert!(matches!(
        read_table("\u{feff}\r\n \n"),
        Err(CsvImportError::Empty { .. })
    ));
    let err = import_file(&mini(), &fixture("empty.csv"), &[]).unwrap_err();
    assert!(matches!(err, CsvImportError::Empty { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("empty.csv"), "{message}");
    assert!(message.contains("empty"), "{message}");
}

#[test]
fn a_ragged_row_is_an_error_naming_file_and_line() {
    let err = read_table_file(&fixture("ragged.csv")).unwrap_err();
    assert!(
        matches!(
            err,
            CsvImportError::Ragged {
                line: 4,
                found: 4,
                expected: 3,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.line(), Some(4));
    let message = err.to_string();
    assert!(
        message.ends_with("ragged.csv: line 4: this row has 4 cells but the header row has 3"),
        "{message}"
    );
    // Without a file, the line alone.
    let err = read_table("a,b\n1\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 2: this row has 1 cells but the header row has 2"
    );
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    let path = fixture("no-such-export.csv");
    let err = import_file(&mini(), &path, &[]).unwrap_err();
    assert!(matches!(err, CsvImportError::Read { .. }));
    assert!(err.to_string().contains("no-such-export.csv"), "{err}");
}

#[test]
fn a_header_row_of_blank_cells_is_an_error() {
    let err = read_table(",,\n1,2,3\n").unwrap_err();
    assert!(
        matches!(err, CsvImportError::NoHeadings { line: 1, .. }),
        "{err:?}"
    );
}

#[test]
fn headings_name_questions_in_many_ways() {
    let q = mini();
    let cases = [
        ("com-01", cur("com-01")),
        ("  COM-01  ", cur("com-01")),
        ("com01", cur("com-01")),
        (
            "how often do IT and business leaders   meet to discuss priorities",
            cur("com-01"),
        ),
        (
            "Target [How often do IT and business leaders meet to discuss priorities?]",
            tgt("com-01"),
        ),
        ("Target level [com-01]", tgt("com-01")),
        ("com-01 (target)", tgt("com-01")),
        (
            "Target: Does IT explain its work in business terms?",
            tgt("com-02"),
        ),
        (
            "Does IT explain its work in business terms? - target level",
            tgt("com-02"),
        ),
        (
            "com-02: Does IT explain its work in business terms?",
            cur("com-02"),
        ),
        ("Current level [val-01]", cur("val-01")),
        ("Please rate each practice [val-01]", cur("val-01")),
        (
            "Does IT coach the business to use new capabilities? [Target]",
            tgt("val-02"),
        ),
        (
            "Does IT coach the business to use new capabilities? [Today]",
            cur("val-02"),
        ),
        ("Are IT targets agreed with the business", cur("gov-02")),
        (
            "Target [Are IT targets agreed with the business?]",
            tgt("gov-02"),
        ),
        ("Q[gov01]", cur("gov-01")),
        ("Full name", ColumnRole::Name),
        ("Respondent", ColumnRole::Name),
        ("ID", ColumnRole::Respondent),
        ("Email Address", ColumnRole::Email),
        ("SIDE", ColumnRole::Side),
        ("Role", ColumnRole::Role),
        ("Level", ColumnRole::Level),
        ("Timestamp", ColumnRole::Timestamp),
        ("Completion time", ColumnRole::Metadata),
        ("startlanguage", ColumnRole::Metadata),
        ("Department", ColumnRole::Ignored),
        ("Comment on com-01", ColumnRole::Ignored),
        ("com-011", ColumnRole::Ignored),
        ("Does IT explain", ColumnRole::Ignored),
        ("Points - com-01", ColumnRole::Metadata),
        ("", ColumnRole::Ignored),
    ];
    let headers: Vec<String> = cases.iter().map(|(h, _)| (*h).to_owned()).collect();
    let roles = match_columns(&q, &headers);
    for ((header, expected), role) in cases.iter().zip(&roles) {
        assert_eq!(role, expected, "heading {header:?}");
    }
    assert_eq!(roles.len(), cases.len());
}

#[test]
fn answers_in_every_accepted_form() {
    let text = "Name,com-01,com-02,val-01,val-02,gov-01,gov-02\n\
                A,3 - Defined,3.0,defined,OPTIMISED,Level 2,\n\
                B,Don't know,dk,N/A,NA,Not applicable,\" 1 \"\n\
                C,3 - Managed,3.5,0,6,?,Excellent\n";
    let (_, report) = import_text(text, &[]);
    let a = by_name(&report, "A");
    let firsts: Vec<Answer> = ["com-01", "com-02", "val-01", "val-02", "gov-01", "gov-02"]
        .iter()
        .map(|id| answers(a, id).0)
        .collect();
    assert_eq!(
        firsts,
        [lvl(3), lvl(3), lvl(3), lvl(5), lvl(2), Answer::Blank]
    );
    let b = by_name(&report, "B");
    let seconds: Vec<Answer> = ["com-01", "com-02", "val-01", "val-02", "gov-01", "gov-02"]
        .iter()
        .map(|id| answers(b, id).0)
        .collect();
    assert_eq!(
        seconds,
        [
            Answer::DontKnow,
            Answer::DontKnow,
            Answer::NotApplicable,
            Answer::NotApplicable,
            Answer::NotApplicable,
            lvl(1)
        ]
    );
    // Every cell of C is wrong: six errors on line 4, columns 2 to 7, and nothing imported.
    let c = by_name(&report, "C");
    assert!(c.responses.is_empty());
    let columns: Vec<Option<usize>> = report
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| {
            assert_eq!(p.line, 4);
            p.column
        })
        .collect();
    assert_eq!(columns, (2..=7).map(Some).collect::<Vec<_>>());
}

#[test]
fn sides_roles_and_levels_of_respondents() {
    let text = "Name,Side,Role,Level,com-01\n\
                A,it,CIO,Strategic,1\n\
                B,Business,Controller,tactical,2\n\
                C,,Clerk,operational,3\n\
                D,Marketing,,Board,4\n";
    let (_, report) = import_text(text, &[]);
    let got: Vec<(&str, Side, &str, Option<Level>)> = report
        .participants
        .iter()
        .map(|p| (p.name.as_str(), p.side, p.role.as_str(), p.level))
        .collect();
    assert_eq!(
        got,
        [
            ("A", Side::It, "CIO", Some(Level::Strategic)),
            ("B", Side::Business, "Controller", Some(Level::Tactical)),
            ("C", Side::Business, "Clerk", Some(Level::Operational)),
            ("D", Side::Business, "", None),
        ]
    );
    let on_rows: Vec<(usize, Option<usize>, Severity)> = report
        .problems
        .iter()
        .filter(|p| p.line > 1)
        .map(|p| (p.line, p.column, p.severity))
        .collect();
    assert_eq!(
        on_rows,
        [
            (4, Some(2), Severity::Warning), // C: no side given
            (5, Some(2), Severity::Error),   // D: "Marketing"
            (5, Some(4), Severity::Error),   // D: "Board"
        ]
    );
}

/// mini with val-02 asked of IT only and gov-02 of the business only.
fn mini_with_audiences() -> Questionnaire {
    let mut q = mini();
    for question in &mut q.questions {
        question.audience = match question.id.as_str() {
            "val-02" => Audience::It,
            "gov-02" => Audience::Business,
            _ => Audience::Both,
        };
    }
    q
}

fn import_with(q: &Questionnaire, text: &str) -> ImportReport {
    let table = read_table(text).expect("the test CSV parses");
    import(q, &table, &match_columns(q, &table.headers), &[])
}

fn messages(report: &ImportReport) -> Vec<(usize, &str)> {
    report
        .problems
        .iter()
        .map(|p| (p.line, p.message.as_str()))
        .collect()
}

#[test]
fn a_question_outside_every_respondents_audience_is_not_missing() {
    let q = mini_with_audiences();
    // A business-only survey: no column for the IT-only val-02, and none is missing.
    let business = import_with(
        &q,
        "Name,Side,com-01,com-02,val-01,gov-01,gov-02
A,Business,3,3,3,3,3
B,Business,2,2,2,2,2
",
    );
    assert_eq!(messages(&business), []);
    // With an IT respondent in the file, val-02 is missing after all; gov-02, for the
    // business only, still is not.
    let text = "Name,Side,com-01,com-02,val-01,gov-01
A,Business,3,3,3,3
C,IT,4,4,4,4
";
    let mixed = import_with(&q, text);
    assert_eq!(
        messages(&mixed),
        [
            (1, "question val-02 has no column"),
            (1, "question gov-02 has no column")
        ]
    );
    // The same file asked everything of everyone would miss both.
    let everyone = import_with(&mini(), text);
    assert_eq!(messages(&everyone).len(), 2);
    // A file without a Side column counts everyone as Business: val-02 is not missing.
    let no_side = import_with(
        &q,
        "Name,com-01,com-02,val-01,gov-01,gov-02
A,3,3,3,3,3
",
    );
    assert_eq!(
        messages(&no_side),
        [(
            1,
            "there is no Side column: every respondent counts as Business"
        )]
    );
}

#[test]
fn answers_to_questions_not_asked_of_the_respondents_side_are_kept_and_reported() {
    let q = mini_with_audiences();
    let report = import_with(
        &q,
        "Name,Side,val-02,gov-02,com-01
A,Business,4,3,
C,IT,2,5,3
",
    );
    // A (business) answered the IT-only val-02, C (IT) the business-only gov-02: both kept,
    // each reported on its row at the Side column, and neither respondent "answered no
    // question" just because some of their answers are outside their audience.
    assert_eq!(answers(by_name(&report, "A"), "val-02").0, lvl(4));
    assert_eq!(answers(by_name(&report, "C"), "gov-02").0, lvl(5));
    let on_rows: Vec<(usize, Option<usize>, &str)> = report
        .problems
        .iter()
        .filter(|p| p.line > 1)
        .map(|p| (p.line, p.column, p.message.as_str()))
        .collect();
    assert_eq!(
        on_rows,
        [
            (
                2,
                Some(2),
                "answers questions not asked of the Business side (val-02): kept, but they \
                 count only if the side is corrected"
            ),
            (
                3,
                Some(2),
                "answers questions not asked of the IT side (gov-02): kept, but they count \
                 only if the side is corrected"
            ),
        ]
    );
}

#[test]
fn a_respondent_who_answered_only_questions_outside_their_audience_answered_none() {
    let q = mini_with_audiences();
    let report = import_with(
        &q,
        "Name,Side,val-02,com-01
A,Business,4,
",
    );
    let on_row: Vec<&str> = report
        .problems
        .iter()
        .filter(|p| p.line == 2)
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(on_row.len(), 2, "{on_row:?}");
    assert!(on_row[0].starts_with("answers questions not asked of the Business side (val-02)"));
    assert_eq!(on_row[1], "this respondent answered no question");
}

#[test]
fn a_file_without_a_side_column_says_everyone_counts_as_business() {
    let (_, report) = import_text("Name,com-01\nA,3\n", &[]);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.severity == Severity::Warning
                && p.message == "there is no Side column: every respondent counts as Business")
    );
    assert_eq!(report.participants[0].side, Side::Business);
    // Nothing identifies the respondent: a row number changes when the export is split.
    assert_eq!(report.participants[0].external_id, "");
}

#[test]
fn columns_mapped_by_hand_are_used_as_mapped() {
    let q = mini();
    let table = read_table("Who,Team,Frequency,Goal\nAnn,IT,2,4\n").unwrap();
    let auto = match_columns(&q, &table.headers);
    assert_eq!(auto, vec![ColumnRole::Ignored; 4]);
    let auto_report = import(&q, &table, &auto, &[]);
    assert!(
        auto_report.has_errors(),
        "no question column at all is an error"
    );
    assert_eq!(
        auto_report
            .problems
            .iter()
            .filter(|p| p.message.starts_with("ignored"))
            .count(),
        4
    );

    let roles = vec![
        ColumnRole::Name,
        ColumnRole::Side,
        cur("com-01"),
        tgt("com-01"),
    ];
    let report = import(&q, &table, &roles, &[]);
    let ann = by_name(&report, "Ann");
    assert_eq!(ann.side, Side::It);
    assert_eq!(answers(ann, "com-01"), (lvl(2), lvl(4)));
    assert!(!report.has_errors());
    assert!(
        !report
            .problems
            .iter()
            .any(|p| p.message.starts_with("ignored"))
    );
}

#[test]
fn doubled_and_unknown_mappings_are_reported() {
    let q = mini();
    let table = read_table("Name,A,B,C\nAnn,2,3,4\n").unwrap();
    let roles = vec![
        ColumnRole::Name,
        cur("com-01"),
        cur("com-01"),
        cur("no-such-question"),
    ];
    let report = import(&q, &table, &roles, &[]);
    let column_problems: Vec<(Option<usize>, Severity)> = report
        .problems
        .iter()
        .filter(|p| p.column.is_some())
        .map(|p| (p.column, p.severity))
        .collect();
    assert_eq!(
        column_problems,
        [(Some(3), Severity::Warning), (Some(4), Severity::Error)]
    );
    assert!(report.problems[0].message.contains("column 2 is used"));
    // The first column for a question wins.
    assert_eq!(answers(&report.participants[0], "com-01").0, lvl(2));
}

#[test]
fn a_header_only_file_imports_nobody_with_a_warning() {
    let (_, report) = import_text("Name,Side,com-01\n", &[]);
    assert!(report.participants.is_empty());
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.message == "the file has no responses")
    );
}

#[test]
fn legacy_and_utf16_encodings_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let q = mini();

    // Excel's "CSV" on Windows: Windows-1252, semicolons, CRLF.
    let cp1252 = dir.path().join("excel.csv");
    std::fs::write(&cp1252, b"Name;Side;com-01\r\nJos\xE9 Mart\xEDnez;IT;4\r\n").unwrap();
    let report = import_file(&q, &cp1252, &[]).unwrap();
    let jose = &report.participants[0];
    assert_eq!(jose.name, "José Martínez");
    assert_eq!(answers(jose, "com-01").0, lvl(4));
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.severity == Severity::Warning
                && p.line == 1
                && p.message.contains("Windows-1252"))
    );

    // Excel's "Unicode text": UTF-16 with a BOM, tab-separated.
    let utf16 = dir.path().join("unicode.txt");
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Name\tSide\tcom-01\r\nZoë\tBusiness\t2\r\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    std::fs::write(&utf16, bytes).unwrap();
    let report = import_file(&q, &utf16, &[]).unwrap();
    assert_eq!(report.participants[0].name, "Zoë");
    assert_eq!(answers(&report.participants[0], "com-01").0, lvl(2));
    assert!(!report.problems.iter().any(|p| p.message.contains("UTF-8")));
}

#[test]
fn unused_participant_ids_follow_the_assessment_scheme() {
    let q = mini();
    let mut assessment = Assessment::new(q);
    for id in ["p1", "p2", "p4"] {
        assessment.participants.push(Participant {
            id: id.into(),
            ..Participant::default()
        });
    }
    let taken: HashSet<String> = assessment
        .participants
        .iter()
        .map(|p| p.id.clone())
        .collect();
    assert_eq!(
        unused_participant_id(&taken),
        assessment.next_participant_id()
    );
    assert_eq!(unused_participant_id(&taken), "p3");
}

/// A cell that may hold anything a spreadsheet could write: separators, quotes, line breaks.
fn cell() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,;\"\n\r\t'é]{0,8}"
}

proptest! {
    #[test]
    fn whatever_csv_writes_read_table_reads_back(
        header in proptest::collection::vec("[A-Za-z][A-Za-z0-9 ]{0,6}", 2..5),
        rows in proptest::collection::vec(proptest::collection::vec(cell(), 4), 0..6),
        crlf in any::<bool>(),
        blank_lines in proptest::collection::vec(0usize..3, 6),
    ) {
        let width = header.len();
        let rows: Vec<Vec<String>> = rows.into_iter().map(|r| r[..width].to_vec()).collect();
        let terminator = if crlf { "\r\n" } else { "\n" };
        let record = |cells: &[String]| {
            let mut writer = csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(Vec::new());
            writer.write_record(cells).unwrap();
            let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
            format!("{}{terminator}", text.strip_suffix('\n').unwrap())
        };
        // Blank lines between records, as hand-edited files have: not rows, but lines.
        let mut text = record(&header);
        let mut expected_lines = Vec::new();
        let mut line = 2;
        for (row, blanks) in rows.iter().zip(&blank_lines) {
            text.push_str(&terminator.repeat(*blanks));
            line += blanks;
            expected_lines.push(line);
            text.push_str(&record(row));
            line += 1 + row.iter().map(|c| line_breaks(c)).sum::<usize>();
        }
        let table = read_table(&text).unwrap();
        prop_assert_eq!(&table.headers, &header);
        // With at least two columns no row is an empty line, so every row comes back.
        let cells: Vec<Vec<String>> = table.rows.iter().map(|r| r.cells.clone()).collect();
        prop_assert_eq!(&cells, &rows);
        let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
        prop_assert_eq!(lines, expected_lines);
    }

    #[test]
    fn import_never_loses_a_row_or_reuses_an_id(
        rows in proptest::collection::vec(
            (0u8..4, "[a-c]{0,1}", proptest::collection::vec("[0-7]|dk|N/A|x|", 3)),
            0..12,
        ),
    ) {
        let q = mini();
        let mut text = String::from("ID,Side,com-01,Target [com-01],val-02\n");
        for (id, side, cells) in &rows {
            text.push_str(&format!("{id},{side},{}\n", cells.join(",")));
        }
        let table = read_table(&text).unwrap();
        let roles = match_columns(&q, &table.headers);
        let existing = [Participant { id: "p2".into(), external_id: "ID=3".into(), export: table.fingerprint(), ..Participant::default() }];
        let report = import(&q, &table, &roles, &existing);
        let non_empty = table.rows.iter().filter(|r| r.cells.iter().any(|c| !c.trim().is_empty())).count();
        prop_assert_eq!(report.participants.len() + report.skipped_duplicates, non_empty);
        let mut ids: HashSet<&str> = HashSet::from(["p2"]);
        let mut external: HashSet<&str> = HashSet::from(["ID=3"]);
        for p in &report.participants {
            prop_assert!(ids.insert(p.id.as_str()), "id {} twice", p.id);
            prop_assert!(external.insert(p.external_id.as_str()), "respondent {} twice", p.external_id);
        }
        // Every cell that is not blank and not an answer is one error on its line and column.
        let bad_cells = table.rows.iter().flat_map(|r| {
            r.cells[2..].iter().enumerate().filter(|(_, c)| ["0", "6", "7", "x"].contains(&c.as_str())).map(move |(i, _)| (r.line, i + 3))
        });
        let duplicate_lines: HashSet<usize> = report.problems.iter().filter(|p| p.message.ends_with("row skipped")).map(|p| p.line).collect();
        let expected: Vec<(usize, usize)> = bad_cells.filter(|(line, _)| !duplicate_lines.contains(line)).collect();
        let errors: Vec<(usize, usize)> = report.problems.iter()
            .filter(|p| p.severity == Severity::Error && p.header != "Side")
            .map(|p| (p.line, p.column.unwrap_or_default()))
            .collect();
        prop_assert_eq!(errors, expected);
    }
}

/// Line breaks as a file counts them: `\r\n`, `\n` or a lone `\r`.
fn line_breaks(s: &str) -> usize {
    s.replace("\r\n", "\n").matches(['\n', '\r']).count()
}

#[test]
fn a_heading_of_thirty_thousand_nested_brackets_is_an_error_not_a_crash() {
    let q = mini();
    let heading = format!("{}com-01{}", "[".repeat(30_000), "]".repeat(30_000));
    let text = format!("Name,Side,\"{heading}\",com-02\nAnn,IT,3,4\n");
    let table = read_table(&text).unwrap();
    let roles = match_columns(&q, &table.headers);
    assert_eq!(roles[2], ColumnRole::Ignored);
    let report = import(&q, &table, &roles, &[]);
    let problem = report
        .problems
        .iter()
        .find(|p| p.column == Some(3))
        .expect("the column is reported");
    assert_eq!(problem.severity, Severity::Error);
    assert!(
        problem.message.contains("nests square brackets 30000 deep"),
        "{problem}"
    );
    // The rest of the file still imports.
    assert_eq!(
        answers(&report.participants[0], "com-02"),
        (lvl(4), Answer::Blank)
    );
}
