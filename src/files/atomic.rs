//! Safe writes, for every file Convergence writes (saves, the autosave, the command line's
//! outputs and the exports to come):
//! - the bytes go to a temporary file in the target's folder, flushed to disk, then renamed
//!   over the target: a crash leaves the old file or the new one, never half of one;
//! - a symlink is followed: its target is written and the link stays a link;
//! - a new file gets the usual permissions (0666 less the umask), an overwritten one keeps its
//!   own; a read-only file is refused, never replaced behind the user's back;
//! - messages name the file the user gave, never the temporary one.
//!
//! [`refuse_inputs`] is the other half of the contract for commands: the output may not be
//! one of the files they read.

use std::fs::Permissions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::FileError;

/// How many symlinks in a row are followed before giving up (a loop, most likely).
const MAX_LINKS: usize = 40;

/// Writes `bytes` to `path` safely (see the module doc).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    let write_err = |cause: io::Error| FileError::Write {
        path: path.to_path_buf(),
        cause: without_temp_name(cause),
    };
    let target = follow_links(path).map_err(write_err)?;
    let existing = writable_permissions(path, &target)?;
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = temp_builder()
        .tempfile_in(dir)
        .map_err(|e| write_err(folder_error(e, dir)))?;
    if let Some(permissions) = existing {
        std::fs::set_permissions(temp.path(), permissions).map_err(write_err)?;
    }
    temp.write_all(bytes).map_err(write_err)?;
    temp.as_file().sync_all().map_err(write_err)?;
    temp.persist(&target).map_err(|e| write_err(e.error))?;
    Ok(())
}

/// Refuses `path` when it could not be written safely (read-only, say), writing nothing: for
/// work that ends in writes, such as a voting session that saves every vote, to refuse at once.
pub fn refuse_unwritable(path: &Path) -> Result<(), FileError> {
    let target = follow_links(path).map_err(|cause| FileError::Write {
        path: path.to_path_buf(),
        cause,
    })?;
    writable_permissions(path, &target).map(|_| ())
}

/// The permissions of the file `path` names at `target` (`None` when there is none yet), or
/// why it may not be written.
fn writable_permissions(path: &Path, target: &Path) -> Result<Option<Permissions>, FileError> {
    let write_err = |cause: io::Error| FileError::Write {
        path: path.to_path_buf(),
        cause,
    };
    let permissions = match std::fs::metadata(target) {
        Ok(meta) => meta.permissions(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(write_err(e)),
    };
    // Opening for writing, without truncating, changes nothing and asks the system whether we
    // may; renaming over a file we may not write would replace it anyway. A file with no write
    // permission at all is read-only even for an administrator.
    let read_only = || FileError::ReadOnly {
        path: path.to_path_buf(),
    };
    if permissions.readonly() {
        return Err(read_only());
    }
    match std::fs::OpenOptions::new().write(true).open(target) {
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => Err(read_only()),
        Err(e) => Err(write_err(e)),
        Ok(_) => Ok(Some(permissions)),
    }
}

/// Refuses `output` when it is one of `inputs` (the same file under any name: a symlink, a
/// hard link, `./x` for `x`), before anything is read or written.
pub fn refuse_inputs(output: &Path, inputs: &[&Path]) -> Result<(), FileError> {
    for input in inputs {
        // A file that does not exist yet cannot be an input that was read.
        if same_file::is_same_file(output, input).unwrap_or(false) {
            return Err(FileError::OutputIsInput {
                path: output.to_path_buf(),
            });
        }
    }
    Ok(())
}

/// The file `path` names once symlinks are followed; `path` itself when it is not a link.
/// A link to a file not yet there is followed too, so the file is created where it points.
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) => dir.join(target),
                    None => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// The temporary file: hidden, named after nothing the user sees, created 0666 less the umask.
fn temp_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".convergence-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
}

/// Why the temporary file could not be made in `dir`, in words about the folder.
fn folder_error(err: io::Error, dir: &Path) -> io::Error {
    let cause = match err.kind() {
        io::ErrorKind::NotFound => "the folder does not exist".to_owned(),
        io::ErrorKind::PermissionDenied => "no permission to write in its folder".to_owned(),
        _ => return err,
    };
    io::Error::new(err.kind(), format!("{cause} ({})", dir.display()))
}

/// The error without the temporary file's name that `tempfile` adds to its messages.
fn without_temp_name(err: io::Error) -> io::Error {
    if err.raw_os_error().is_some() || err.get_ref().is_none() {
        return err;
    }
    let text = err.to_string();
    match text.find(" at path ") {
        Some(cut) => io::Error::new(err.kind(), text[..cut].to_owned()),
        None => err,
    }
}
