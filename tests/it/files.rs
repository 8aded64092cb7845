//! Assessment and questionnaire files: save/load round trips, atomic saves, format versions,
//! syntax and out-of-range errors with their positions, and the shipped questionnaires.

use std::path::{Path, PathBuf};

use convergence::files::{
    self, FileError, assessment_to_ron, load_assessment, parse_assessment, save_assessment,
};
use convergence::model::{ActionStatus, Answer, Assessment, FORMAT_VERSION, Side};
use convergence::validate::validate;

use crate::support::{
    add_participant, assessment, data, dir_entries, full_assessment, line_of, lv, nth_line_of,
    sample_assessment, set_answer,
};

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary folder")
}

fn ron_of(assessment: &Assessment) -> String {
    assessment_to_ron(assessment, Path::new("test.ron")).expect("encodes")
}

// ---------------------------------------------------------------------------------------------
// Round trips.

#[test]
fn save_then_load_gives_back_the_same_assessment() {
    let original = full_assessment();
    // The builder really does use every kind of answer and field.
    let answers: Vec<Answer> = original
        .participants
        .iter()
        .flat_map(|p| p.responses.values())
        .flat_map(|r| [r.current, r.target])
        .collect();
    for kind in [
        lv(4),
        Answer::DontKnow,
        Answer::NotApplicable,
        Answer::Blank,
    ] {
        assert!(answers.contains(&kind), "{kind:?} missing from the fixture");
    }
    assert!(
        original.participants[0].responses["c1"]
            .earlier_rounds
            .len()
            == 2
    );
    assert!(!original.touchpoints.is_empty() && !original.actions.is_empty());

    let dir = temp_dir();
    let path = dir.path().join("acme.ron");
    save_assessment(&original, &path).expect("saves");
    let loaded = load_assessment(&path).expect("loads");
    assert_eq!(loaded, original);

    // Saving what was loaded writes the same bytes: nothing drifts from one save to the next.
    let again = dir.path().join("again.ron");
    save_assessment(&loaded, &again).expect("saves again");
    assert_eq!(
        std::fs::read_to_string(&again).unwrap(),
        std::fs::read_to_string(&path).unwrap()
    );
}

#[test]
fn text_round_trip_keeps_comments_with_quotes_line_breaks_and_accents() {
    let original = full_assessment();
    let text = ron_of(&original);
    let parsed = parse_assessment(&text, Path::new("acme.ron")).expect("parses");
    assert_eq!(
        parsed.participants[0].responses["c1"].comment,
        "We say \"aligned\", they say 'late'.\nÇa dépend."
    );
    assert_eq!(parsed.notes, original.notes);
    assert_eq!(parsed, original);
}

#[test]
fn the_format_1_fixture_still_opens_and_equals_what_it_was_written_from() {
    // tests/data/assessment-v1.ron was written by format 1; later versions must keep reading
    // it to the same assessment, in their own format.
    let loaded = load_assessment(&data("assessment-v1.ron")).expect("a format-1 file opens");
    assert_eq!(loaded.format_version, FORMAT_VERSION);
    assert_eq!(loaded, sample_assessment());
}

#[test]
fn format_1_actions_open_with_a_status_and_are_saved_in_the_new_shape() {
    let v1 = std::fs::read_to_string(data("assessment-v1.ron")).unwrap();
    let legacy = r#"actions: [
    (dimension: "comm", text: "Monthly café", owner: "CIO", due: "2025-06-30", done: false),
    (text: "Publish the wins", done: true),
  ],"#;
    let text = v1.replacen("actions: [],", legacy, 1);
    let loaded = parse_assessment(&text, Path::new("v1.ron")).expect("format-1 actions open");
    let actions = &loaded.actions;
    assert_eq!(actions[0].dimensions, ["comm"]);
    assert_eq!(
        actions[0].status,
        ActionStatus::Agreed,
        "format 1 listed agreed actions"
    );
    assert_eq!(actions[1].status, ActionStatus::Done);
    let saved = ron_of(&loaded);
    assert!(saved.contains(&format!("format_version: {FORMAT_VERSION},")));
    assert!(!saved.contains("done:") && saved.contains("status: Agreed"));
    let reread = parse_assessment(&saved, Path::new("v2.ron")).expect("reads back");
    assert_eq!(reread.actions, loaded.actions);
}

// ---------------------------------------------------------------------------------------------
// Atomic saves.

#[test]
fn save_leaves_no_temporary_file_behind() {
    let dir = temp_dir();
    save_assessment(&full_assessment(), &dir.path().join("acme.ron")).expect("saves");
    assert_eq!(dir_entries(dir.path()), ["acme.ron"]);
}

#[test]
fn saving_over_an_existing_file_replaces_it() {
    let dir = temp_dir();
    let path = dir.path().join("acme.ron");
    std::fs::write(
        &path,
        "an older, longer file that must not leave a tail behind ".repeat(500),
    )
    .unwrap();

    let first = full_assessment();
    save_assessment(&first, &path).expect("saves over the old file");
    assert_eq!(load_assessment(&path).expect("loads"), first);

    let mut second = sample_assessment();
    second.notes = "Second save".into();
    save_assessment(&second, &path).expect("saves over the first save");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), ron_of(&second));
    assert_eq!(load_assessment(&path).expect("loads"), second);
    assert_eq!(dir_entries(dir.path()), ["acme.ron"]);
}

#[test]
fn saving_into_a_missing_folder_is_a_write_error_naming_the_path() {
    let dir = temp_dir();
    let path = dir.path().join("no-such-folder").join("acme.ron");
    let err = save_assessment(&full_assessment(), &path).expect_err("the folder does not exist");
    match &err {
        FileError::Write { path: named, .. } => assert_eq!(named, &path),
        other => panic!("expected FileError::Write, got {other:?}"),
    }
    assert!(
        err.to_string().contains(&path.display().to_string()),
        "{err}"
    );
    // Nothing was created: neither the folder nor a stray temporary file.
    assert!(
        dir_entries(dir.path()).is_empty(),
        "{:?}",
        dir_entries(dir.path())
    );
}

#[test]
fn a_save_that_fails_at_the_last_step_leaves_nothing_behind() {
    // The target is a folder, so the final rename fails after the temporary file was written.
    let dir = temp_dir();
    let path = dir.path().join("acme.ron");
    std::fs::create_dir(&path).unwrap();
    let err = save_assessment(&full_assessment(), &path).expect_err("cannot replace a folder");
    assert!(
        matches!(&err, FileError::Write { path: named, .. } if named == &path),
        "{err:?}"
    );
    assert_eq!(dir_entries(dir.path()), ["acme.ron"]);
    assert!(path.is_dir() && dir_entries(&path).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Versions.

#[test]
fn a_file_from_a_newer_version_is_refused_with_both_versions_named() {
    let text = ron_of(&full_assessment());
    let written = format!("format_version: {FORMAT_VERSION},");
    assert!(text.contains(&written));
    let newer = text.replace(&written, "format_version: 99,");
    let path = PathBuf::from("folder/acme-2031.ron");
    let err = parse_assessment(&newer, &path).expect_err("format 99 is newer");
    match &err {
        FileError::NewerVersion {
            path: named,
            found,
            supported,
        } => {
            assert_eq!((named, *found, *supported), (&path, 99, FORMAT_VERSION));
        }
        other => panic!("expected FileError::NewerVersion, got {other:?}"),
    }
    let message = err.to_string();
    for needle in [
        "folder/acme-2031.ron",
        "99",
        &format!("format {FORMAT_VERSION}"),
        "newer version",
    ] {
        assert!(message.contains(needle), "{needle:?} not in {message:?}");
    }
}

#[test]
fn a_newer_file_with_fields_this_version_does_not_know_is_still_a_version_error() {
    // A future version adds fields (at the top and inside the questionnaire, which refuses
    // unknown fields): the user must hear "update Convergence", not "unknown field".
    let path = data("assessment-newer.ron");
    match load_assessment(&path) {
        Err(FileError::NewerVersion {
            path: named,
            found: 99,
            ..
        }) => assert_eq!(named, path),
        other => panic!("expected FileError::NewerVersion, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Broken files.

#[test]
fn a_syntax_error_is_reported_at_its_line() {
    let text = ron_of(&full_assessment());
    let broken = text.replacen("current: Level(2),", "current: Level(2],", 1);
    assert_ne!(broken, text);
    let expected_line = line_of(&broken, "Level(2]");
    let path = Path::new("broken.ron");
    match parse_assessment(&broken, path) {
        Err(FileError::Syntax {
            path: named,
            line,
            col,
            message,
        }) => {
            assert_eq!(named, path);
            assert_eq!(line, expected_line, "{message}");
            assert!(col > 1, "column {col}");
            assert!(!message.is_empty());
        }
        other => panic!("expected FileError::Syntax, got {other:?}"),
    }
}

#[test]
fn a_syntax_error_in_a_file_names_the_file_line_and_column() {
    let dir = temp_dir();
    let path = dir.path().join("broken.ron");
    let text = ron_of(&sample_assessment()).replacen("notes: \"\",", "notes: \"\" \"\",", 1);
    std::fs::write(&path, &text).unwrap();
    let expected_line = line_of(&text, "notes:");
    let err = load_assessment(&path).expect_err("broken");
    assert!(
        matches!(err, FileError::Syntax { line, .. } if line == expected_line),
        "{err:?}"
    );
    let prefix = format!("{}:{expected_line}:", path.display());
    assert!(
        err.to_string().starts_with(&prefix),
        "{err} should start with {prefix}"
    );
}

#[test]
fn an_answer_outside_the_scale_is_reported() {
    let mut a = assessment();
    let id = add_participant(&mut a, Side::Business, &[("c1", lv(3), lv(4))]);
    set_answer(&mut a, &id, "v2", lv(7), lv(4));
    let other = add_participant(&mut a, Side::It, &[]);
    set_answer(&mut a, &other, "k1", lv(2), lv(0));
    let err = parse_assessment(&ron_of(&a), Path::new("hand-edited.ron"))
        .expect_err("7 and 0 are off the scale");
    let FileError::Invalid { problems, .. } = &err else {
        panic!("expected FileError::Invalid, got {err:?}");
    };
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "participant \"p1\" answered 7 to \"v2\"; levels run from 1 to 5",
            "participant \"p2\" answered 0 to \"k1\"; levels run from 1 to 5",
        ]
    );
    // Each at its own place in the file, under its participant.
    let source = ron_of(&a);
    let at = |p: &convergence::validate::Problem| {
        let line = source.lines().nth(p.line - 1).unwrap();
        line.chars().skip(p.col - 1).collect::<String>()
    };
    // Plain answers are on their participant's answers line: at the answer's own entry.
    assert!(
        at(&problems[0]).starts_with("v2=7/4"),
        "{}",
        at(&problems[0])
    );
    assert!(
        at(&problems[1]).starts_with("k1=2/0"),
        "{}",
        at(&problems[1])
    );
    assert!(problems[0].line < problems[1].line);
    let text = err.to_string();
    assert!(
        text.starts_with(&format!(
            "hand-edited.ron:{}:{}: participant \"p1\" answered 7",
            problems[0].line, problems[0].col
        )),
        "{text}"
    );
}

#[test]
fn an_assessment_whose_questionnaire_is_broken_is_refused() {
    let mut a = sample_assessment();
    a.questionnaire.questions[1].id = "c1".into();
    let text = ron_of(&a);
    let err = parse_assessment(&text, Path::new("acme.ron")).expect_err("duplicate question id");
    let FileError::Invalid { problems, .. } = &err else {
        panic!("expected FileError::Invalid, got {err:?}");
    };
    assert_eq!(problems[0].message, "duplicate question id \"c1\"");
    assert_eq!(problems[0].line, nth_line_of(&text, "id: \"c1\"", 1));
    // And the answers to "c2", a question it no longer has.
    assert!(problems.len() > 1, "{problems:?}");
    for problem in &problems[1..] {
        assert!(
            problem
                .message
                .ends_with("answers question \"c2\", which the questionnaire does not have"),
            "{problem:?}"
        );
    }
}

#[test]
fn a_missing_file_is_a_read_error_naming_it() {
    let dir = temp_dir();
    let path = dir.path().join("nowhere.ron");
    let err = load_assessment(&path).expect_err("no such file");
    assert!(
        matches!(&err, FileError::Read { path: named, .. } if named == &path),
        "{err:?}"
    );
    assert!(err.to_string().contains("nowhere.ron"));
}

// ---------------------------------------------------------------------------------------------
// Autosave.

#[test]
fn autosave_keeps_the_work_and_where_it_belongs_until_cleared() {
    let dir = temp_dir();
    let data_dir = dir.path().join("app-data"); // created on first write
    assert!(files::read_autosave(&data_dir).is_none());

    let work = full_assessment();
    let origin = Path::new("/home/consultant/acme.ron");
    files::write_autosave(&data_dir, &work, Some(origin)).expect("autosaves");
    let recovery = files::read_autosave(&data_dir)
        .expect("an autosave")
        .expect("readable");
    assert_eq!(recovery.assessment, work);
    assert_eq!(recovery.origin.as_deref(), Some(origin));
    assert!(recovery.modified.is_some());

    // Work never saved to a file of its own has no origin.
    files::write_autosave(&data_dir, &work, None).expect("autosaves");
    let recovery = files::read_autosave(&data_dir)
        .expect("an autosave")
        .expect("readable");
    assert_eq!(recovery.origin, None);

    // A damaged autosave is an error the user sees, not silence.
    let autosave = dir_entries(&data_dir)
        .into_iter()
        .find(|name| name.ends_with(".ron"))
        .expect("the autosave is a .ron file");
    std::fs::write(
        data_dir.join(&autosave),
        "(format_version: 1, organisation: ",
    )
    .unwrap();
    assert!(matches!(
        files::read_autosave(&data_dir),
        Some(Err(FileError::Syntax { .. }))
    ));

    files::clear_autosave(&data_dir);
    assert!(files::read_autosave(&data_dir).is_none());
    assert!(
        dir_entries(&data_dir).is_empty(),
        "{:?}",
        dir_entries(&data_dir)
    );
}

// ---------------------------------------------------------------------------------------------
// The shipped questionnaires.

fn questionnaires_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires")
}

/// File name of an embedded questionnaire's path.
fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn the_builtin_questionnaires_parse_and_validate() {
    let mut parsed = 0;
    for (path, text) in files::builtin_sources() {
        if text.trim().is_empty() {
            eprintln!("skipping {path}: still empty (being written)");
            continue;
        }
        let q = files::parse_questionnaire(text, Path::new(path)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(validate(&q, text), [], "{path}");
        assert!(
            !q.dimensions.is_empty() && !q.questions.is_empty(),
            "{path}"
        );
        // Each can be found by its id, as `questionnaire show ID` does.
        assert_eq!(
            files::resolve_questionnaire(&q.id).expect("resolves by id"),
            q
        );
        parsed += 1;
    }
    // None is silently dropped from the list the app offers.
    assert_eq!(files::builtin_questionnaires().len(), parsed);
    let mut ids: Vec<String> = files::builtin_questionnaires()
        .into_iter()
        .map(|q| q.id)
        .collect();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "two built-in questionnaires share an id");
}

#[test]
fn the_embedded_questionnaires_equal_the_files_on_disk() {
    for (path, text) in files::builtin_sources() {
        let on_disk = questionnaires_dir().join(file_name(path));
        match std::fs::read_to_string(&on_disk) {
            Ok(disk) if disk.trim().is_empty() => {
                eprintln!("skipping {}: empty", on_disk.display())
            }
            Ok(disk) => assert!(
                disk == text,
                "{} differs from the embedded {path}: rebuild, or embed the right file",
                on_disk.display()
            ),
            Err(e) => panic!(
                "{path} is embedded but {} cannot be read: {e}",
                on_disk.display()
            ),
        }
    }
}

#[test]
fn every_questionnaire_on_disk_is_embedded() {
    let embedded: Vec<String> = files::builtin_sources()
        .map(|(path, _)| file_name(path))
        .collect();
    let Ok(entries) = std::fs::read_dir(questionnaires_dir()) else {
        return; // no shipped questionnaires yet
    };
    for entry in entries {
        let path = entry.expect("entry").path();
        let is_ron = path.extension().is_some_and(|e| e == "ron");
        let written = std::fs::read_to_string(&path).is_ok_and(|t| !t.trim().is_empty());
        if is_ron && written {
            let name = file_name(&path.to_string_lossy());
            assert!(
                embedded.contains(&name),
                "questionnaires/{name} is shipped but not embedded: add it to BUILTIN in \
                 src/files/questionnaire_file.rs (embedded: {embedded:?})"
            );
        }
    }
}

#[test]
fn a_questionnaire_file_loads_by_path() {
    let q = files::resolve_questionnaire(&data("small-questionnaire.ron").to_string_lossy())
        .expect("loads by path");
    assert_eq!(q, crate::support::questionnaire());
}
