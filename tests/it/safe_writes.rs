//! The safe-write contract, through the command line (`import-csv -o`, `merge -o`) and the
//! library (`save_assessment`, the autosave): an output that is one of the inputs is refused
//! and the input untouched; a run with errors or that imports nobody writes nothing (unless
//! `--force`); new files get 0666 less the umask, overwritten ones keep their mode, read-only
//! ones are refused; a symlink's target is written and the link stays a link; messages name
//! the file given, never a temporary one, and state the cause once.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use convergence::files::{self, FileError};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// Runs the binary under `sh` with the umask given.
fn convergence_with_umask(umask: &str, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_convergence"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn convergence(args: &[&str]) -> Output {
    convergence_with_umask("022", args)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `import-csv` of `csv` (answering mini.ron) into `out`, with `extra` arguments.
fn import(csv: &Path, out: &Path, extra: &[&str]) -> Output {
    let mini = data("csv/mini.ron");
    let mut args = vec!["import-csv", "-q", arg(&mini), arg(csv), "-o", arg(out)];
    args.extend(extra);
    convergence(&args)
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A folder holding `good.csv` (three respondents, no errors) and `good.ron` imported from it.
fn workspace() -> (tempfile::TempDir, PathBuf, PathBuf) {
    // Named so that a temporary file's name in a message cannot hide in the folder's.
    let dir = tempfile::Builder::new()
        .prefix("safe-writes")
        .tempdir()
        .unwrap();
    let csv = dir.path().join("good.csv");
    std::fs::copy(data("csv/ms_forms.csv"), &csv).unwrap();
    let ron = dir.path().join("good.ron");
    let out = import(&csv, &ron, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    (dir, csv, ron)
}

#[track_caller]
fn assert_refused(out: &Output, named: &Path, cause: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(arg(named)) && err.contains(cause), "{err}");
    assert_eq!(err.matches(cause).count(), 1, "the cause once: {err}");
    assert!(
        !err.contains(".tmp") && !err.contains(".convergence-"),
        "{err}"
    );
}

#[test]
fn an_output_that_is_an_input_is_refused_and_the_input_untouched() {
    let (dir, csv, ron) = workspace();
    let csv_before = std::fs::read(&csv).unwrap();
    let out = import(&csv, &csv, &[]);
    assert_refused(&out, &csv, "one of the files being read");
    assert_eq!(std::fs::read(&csv).unwrap(), csv_before);

    // The questionnaire is an input too, and so is the same file under another name.
    let mini = dir.path().join("mini.ron");
    std::fs::copy(data("csv/mini.ron"), &mini).unwrap();
    let mini_before = std::fs::read(&mini).unwrap();
    let out = convergence(&["import-csv", "-q", arg(&mini), arg(&csv), "-o", arg(&mini)]);
    assert_refused(&out, &mini, "one of the files being read");
    assert_eq!(std::fs::read(&mini).unwrap(), mini_before);
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&csv, &link).unwrap();
    assert_refused(
        &import(&csv, &link, &[]),
        &link,
        "one of the files being read",
    );
    let hard = dir.path().join("hard.csv");
    std::fs::hard_link(&csv, &hard).unwrap();
    assert_refused(
        &import(&csv, &hard, &[]),
        &hard,
        "one of the files being read",
    );
    let dotted = dir.path().join(".").join("good.csv");
    assert_refused(
        &import(&csv, &dotted, &[]),
        &dotted,
        "one of the files being read",
    );
    assert_eq!(std::fs::read(&csv).unwrap(), csv_before);

    // merge -o onto one of the files merged.
    let ron_before = std::fs::read(&ron).unwrap();
    let other = dir.path().join("other.ron");
    std::fs::copy(&ron, &other).unwrap();
    let out = convergence(&["merge", arg(&other), arg(&ron), "-o", arg(&ron)]);
    assert_refused(&out, &ron, "one of the files being read");
    assert_eq!(std::fs::read(&ron).unwrap(), ron_before);
}

#[test]
fn importing_nobody_writes_nothing_even_over_an_existing_file() {
    let (dir, _, ron) = workspace();
    let before = std::fs::read(&ron).unwrap();
    let header_only = dir.path().join("header-only.csv");
    let header = std::fs::read_to_string(data("csv/ms_forms.csv")).unwrap();
    std::fs::write(&header_only, header.lines().next().unwrap()).unwrap();
    for extra in [&[][..], &["--force"][..]] {
        let out = import(&header_only, &ron, extra);
        assert_refused(&out, &ron, "was not written");
        assert!(stderr(&out).contains("nobody was imported"));
        assert_eq!(std::fs::read(&ron).unwrap(), before, "{extra:?}");
    }
    let fresh = dir.path().join("fresh.ron");
    assert_eq!(import(&header_only, &fresh, &[]).status.code(), Some(1));
    assert!(!fresh.exists());
}

#[test]
fn a_run_with_errors_writes_nothing_unless_forced() {
    let (dir, _, ron) = workspace();
    let before = std::fs::read(&ron).unwrap();
    let problems = data("csv/problems.csv");
    let out = import(&problems, &ron, &[]);
    assert_refused(&out, &ron, "was not written");
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&ron).unwrap(), before);
    assert_eq!(entries(dir.path()), ["good.csv", "good.ron"]);

    // --force writes the partial result on purpose; the run still says it had errors.
    let out = import(&problems, &ron, &["--force"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let written = files::load_assessment(&ron).expect("a complete, valid file");
    let names: Vec<&str> = written
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Ann", "Bob", "Carla"]);
}

#[test]
fn new_files_get_0666_less_the_umask_and_overwritten_ones_keep_their_mode() {
    let (dir, csv, _) = workspace();
    for (umask, expected) in [("022", 0o644), ("027", 0o640), ("077", 0o600)] {
        let out_file = dir.path().join(format!("new-{umask}.ron"));
        let out = convergence_with_umask(
            umask,
            &[
                "import-csv",
                "-q",
                arg(&data("csv/mini.ron")),
                arg(&csv),
                "-o",
                arg(&out_file),
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(mode(&out_file), expected, "umask {umask}");
    }
    let kept = dir.path().join("new-022.ron");
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o604)).unwrap();
    assert!(import(&csv, &kept, &[]).status.success());
    assert_eq!(mode(&kept), 0o604, "the overwritten file keeps its mode");
}

#[test]
fn a_read_only_file_is_refused_with_a_clear_message() {
    let (_dir, csv, ron) = workspace();
    std::fs::set_permissions(&ron, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&ron).unwrap();
    let out = import(&csv, &ron, &[]);
    assert_refused(&out, &ron, "read-only");
    assert_eq!(std::fs::read(&ron).unwrap(), before);
    assert_eq!(mode(&ron), 0o444);
    let err = files::save_assessment(&files::load_assessment(&ron).unwrap(), &ron).unwrap_err();
    assert!(matches!(err, FileError::ReadOnly { .. }), "{err:?}");
}

#[test]
fn writing_through_a_symlink_writes_its_target_and_keeps_the_link() {
    let (dir, csv, ron) = workspace();
    let real = dir.path().join("real");
    std::fs::create_dir(&real).unwrap();
    let target = real.join("target.ron");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink("real/target.ron", &link).unwrap();
    let out = import(&csv, &link, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::read(&target).unwrap(),
        std::fs::read(&ron).unwrap()
    );
    assert_eq!(entries(&real), ["target.ron"], "no temporary file left");

    // A link to a file not there yet creates it where the link points.
    let dangling = dir.path().join("dangling.ron");
    std::os::unix::fs::symlink("real/later.ron", &dangling).unwrap();
    assert!(import(&csv, &dangling, &[]).status.success());
    assert!(
        std::fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(files::load_assessment(&real.join("later.ron")).is_ok());
}

#[test]
fn a_failed_write_names_the_file_given_and_states_the_cause_once() {
    let (dir, csv, _) = workspace();
    let missing = dir.path().join("no-such-folder").join("out.ron");
    let out = import(&csv, &missing, &[]);
    assert_refused(&out, &missing, "the folder does not exist");
    let err = stderr(&out);
    assert!(err.contains("cannot write"), "{err}");

    // The library says the same, with no temporary name either.
    let assessment = files::load_assessment(&dir.path().join("good.ron")).unwrap();
    let err = files::save_assessment(&assessment, &missing)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with(arg(&missing)), "{err}");
    assert!(
        !err.contains(".tmp") && err.matches("does not exist").count() == 1,
        "{err}"
    );
}

#[test]
fn saves_and_the_autosave_create_files_with_the_usual_permissions() {
    let (dir, _, ron) = workspace();
    // What this process's umask gives a new file, whatever it is.
    let probe = dir.path().join("probe");
    std::fs::write(&probe, "").unwrap();
    let usual = mode(&probe);
    let assessment = files::load_assessment(&ron).unwrap();
    let saved = dir.path().join("saved.ron");
    files::save_assessment(&assessment, &saved).unwrap();
    assert_eq!(mode(&saved), usual);
    let autosave_dir = dir.path().join("autosave");
    files::write_autosave(&autosave_dir, &assessment, Some(&saved)).unwrap();
    for entry in entries(&autosave_dir) {
        assert_eq!(mode(&autosave_dir.join(&entry)), usual, "{entry}");
    }
}

#[test]
fn the_refusal_counts_in_words_that_agree() {
    let (dir, _, ron) = workspace();
    let csv = dir.path().join("one.csv");
    std::fs::write(&csv, "Name,Side,Q\nAnn,IT,7\n").unwrap();
    let out = import(&csv, &ron, &[]);
    assert_refused(&out, &ron, "was not written");
    let err = stderr(&out);
    assert!(
        err.contains(": 1 error;") && err.contains("the 1 participant read)"),
        "{err}"
    );
}
