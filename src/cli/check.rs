//! `intake check`: reports whether the diary file is sound, without changing it.

use super::{CliError, CliResult, out};
use crate::store::Store;
use crate::store::check::Health;
use std::path::Path;

/// Prints `ok` lines and succeeds when the diary is sound; prints each problem and fails (exit 1)
/// when it is not. Opens the file itself, read-only, so a diary that `intake` refuses to open for
/// writing can still be examined.
pub fn run(db: &Path) -> CliResult {
    if !db.exists() {
        return Err(CliError::Bad(format!(
            "no diary at {}: give the path of an existing diary with --db",
            db.display()
        )));
    }
    let health = Store::check_file(db)?;
    if health.is_ok() {
        return print_ok(db, &health);
    }
    let n = health.problems.len();
    for p in health.problems.iter().take(SHOWN) {
        out::line(format!("problem: {p}"))?;
    }
    if n > SHOWN {
        out::line(format!("problem: … and {} more", n - SHOWN))?;
    }
    Err(CliError::Failed(format!(
        "{} is damaged ({n} problem{}): restore a backup made with `intake backup`, or copy out \
         what still reads with `sqlite3 {0} .recover | sqlite3 recovered.db`",
        db.display(),
        if n == 1 { "" } else { "s" }
    )))
}

/// How many problems are printed (a damaged page can yield hundreds of lines).
const SHOWN: usize = 20;

fn print_ok(db: &Path, h: &Health) -> CliResult {
    out::line(format!(
        "ok: {} passes SQLite's integrity check",
        db.display()
    ))?;
    out::line("ok: every entry reads back")?;
    let span = h
        .span
        .as_ref()
        .map(|(a, b)| format!(", {a} to {b}"))
        .unwrap_or_default();
    out::line(format!("ok: {} entries{span}", h.entries.unwrap_or(0)))?;
    let newer = match h.schema > h.known_schema {
        true => " - newer than this intake, which will not write to it",
        false => "",
    };
    out::line(format!(
        "ok: schema version {} (this intake knows {}){newer}; journal mode {}",
        h.schema, h.known_schema, h.journal_mode
    ))
}
