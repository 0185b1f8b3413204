//! Everything a command prints goes through here: text with characters that could move the
//! cursor, hide the rest of the line or reverse it written as escapes; a reader that went away
//! (`intake add … | true`, `| head -1`) is not an error; any other write error (a full disk) is
//! one line and exit 1, never a panic.

use super::{CliError, CliResult, text};
use std::io::Write;

/// Prints `s` and a newline, escaped (see [`text::printable`]).
pub fn line(s: impl AsRef<str>) -> CliResult {
    let mut t = text::printable(s.as_ref());
    t.push('\n');
    bytes(t.as_bytes())
}

/// Prints lines already joined (each ending in a newline), escaped.
pub fn lines(s: &str) -> CliResult {
    bytes(text::printable(s).as_bytes())
}

/// Writes bytes that are already safe (JSON, CSV) as they are.
pub fn bytes(b: &[u8]) -> CliResult {
    let mut out = std::io::stdout().lock();
    out.write_all(b)
        .and_then(|()| out.flush())
        .or_else(ignore_closed)
}

/// A reader that closed the pipe is not an error; anything else is (see [`write_failed`]).
pub fn ignore_closed(e: std::io::Error) -> CliResult {
    if is_closed(&e) {
        Ok(())
    } else {
        Err(write_failed(&e))
    }
}

/// The reader of standard output went away.
pub fn is_closed(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::BrokenPipe
}

/// Standard output could not be written (a full disk, a device error): exit 1, one line.
pub fn write_failed(e: &std::io::Error) -> CliError {
    let why = crate::outfile::cause(e, std::path::Path::new(""));
    CliError::Failed(format!("cannot write the output: {why}"))
}

/// A message on standard error (`intake: …`), escaped; a closed standard error is ignored.
pub fn note(s: impl AsRef<str>) {
    let t = format!("intake: {}\n", text::terminal_safe(s.as_ref()));
    let _ = std::io::stderr().lock().write_all(t.as_bytes());
}
