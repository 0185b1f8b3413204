//! Writing a file the user named (`export -o`, `plan --ics`) or the app's weekly export, without
//! harming what is there: an existing file is replaced only when asked (through a symlink the
//! link stays and its target is replaced); a device or FIFO is written directly, never replaced
//! by a file; the new file is written to a temporary file made exclusively (an existing one, or a
//! link by that name, is never followed), with mode 0600, and renamed over the target at the end,
//! so a failure leaves neither a half-written nor an empty file.

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

/// Why a file was not written.
#[derive(Debug)]
pub enum OutError<E> {
    /// A regular file is there and replacing it was not asked for.
    Exists(PathBuf),
    /// The path names a folder.
    Folder(PathBuf),
    /// The file system refused (the cause in words, see [`cause`]).
    Io(PathBuf, String),
    /// The content could not be produced.
    Content(E),
}

impl<E> OutError<E> {
    /// What is wrong with the file itself, in one line; None when the content failed.
    pub fn file_problem(&self) -> Option<String> {
        match self {
            OutError::Exists(p) => Some(format!(
                "{} exists: give a new file name, or --force to replace it",
                p.display()
            )),
            OutError::Folder(p) => Some(format!("{} is a folder: give a file name", p.display())),
            OutError::Io(p, why) => Some(format!("cannot write {}: {why}", p.display())),
            OutError::Content(_) => None,
        }
    }
}

impl<E: std::fmt::Display> std::fmt::Display for OutError<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self, self.file_problem()) {
            (OutError::Content(e), _) => e.fmt(f),
            (_, problem) => f.write_str(&problem.unwrap_or_default()),
        }
    }
}

impl<E: std::fmt::Display + std::fmt::Debug> std::error::Error for OutError<E> {}

/// Writes `path` with what `write` produces (see the module's rules); `replace` allows replacing
/// an existing regular file.
pub fn write_file<E>(
    path: &Path,
    replace: bool,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), OutError<E>> {
    let io = |e: std::io::Error| OutError::Io(path.to_path_buf(), cause(&e, path));
    let target = match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => return Err(OutError::Folder(path.to_path_buf())),
        Ok(m) if !m.is_file() => return write_directly(path, write),
        Ok(_) if !replace => return Err(OutError::Exists(path.to_path_buf())),
        Ok(_) => std::fs::canonicalize(path).map_err(io)?,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            if path.symlink_metadata().is_ok() && !replace {
                return Err(OutError::Exists(path.to_path_buf())); // a link to nothing
            }
            path.to_path_buf()
        }
        Err(e) => return Err(io(e)),
    };
    let (temp, file) = create_temp(&target).map_err(io)?;
    let written = write_and_sync(path, file, write).and_then(|()| {
        std::fs::rename(&temp, &target)
            .map_err(|e| OutError::Io(path.to_path_buf(), cause(&e, path)))
    });
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// A device or FIFO (`/dev/stdout`, a named pipe): opened for writing as it is.
fn write_directly<E>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), OutError<E>> {
    let io = |e: std::io::Error| OutError::Io(path.to_path_buf(), cause(&e, path));
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(io)?;
    let mut out = std::io::BufWriter::new(file);
    write(&mut out).map_err(OutError::Content)?;
    out.flush().map_err(io)
}

fn write_and_sync<E>(
    path: &Path,
    file: std::fs::File,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), OutError<E>> {
    let io = |e: &std::io::Error| OutError::Io(path.to_path_buf(), cause(e, path));
    let mut out = std::io::BufWriter::new(file);
    write(&mut out).map_err(OutError::Content)?;
    let file = out.into_inner().map_err(|e| io(e.error()))?;
    file.sync_all().map_err(|e| io(&e))
}

/// `<target>.<pid>.partial` (or `.<pid>.<k>.partial` when taken), created exclusively.
fn create_temp(target: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    let base = target.as_os_str().to_string_lossy().into_owned();
    let pid = std::process::id();
    let mut last = None;
    for k in 0..100 {
        let name = match k {
            0 => format!("{base}.{pid}.partial"),
            k => format!("{base}.{pid}.{k}.partial"),
        };
        match create_private(Path::new(&name)) {
            Ok(f) => return Ok((PathBuf::from(name), f)),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| ErrorKind::AlreadyExists.into()))
}

/// Creates a new file readable by its owner only (0600); fails if anything, even a link, is
/// there (`O_CREAT|O_EXCL`, which never follows a link).
pub fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

/// An I/O error in words a person can act on.
pub fn cause(e: &std::io::Error, at: &Path) -> String {
    match e.kind() {
        ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
        ErrorKind::StorageFull => "the disk is full".into(),
        ErrorKind::QuotaExceeded => "the disk quota is used up".into(),
        ErrorKind::PermissionDenied if at.is_dir() => {
            format!("the folder {} is read-only for you", at.display())
        }
        ErrorKind::PermissionDenied => "the file or its folder is read-only for you".into(),
        _ => e.to_string(),
    }
}
