//! `intake check`: SQLite's own consistency checks plus intake's reading of every entry, without
//! changing the file.

use super::{APPLICATION_ID, MIGRATIONS_COUNT, Result, Store, StoreError};
use crate::domain::Nutrient;
use rusqlite::Connection;
use std::path::Path;

/// What a check found; the diary is sound when `problems` is empty.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Health {
    /// One line per problem, as SQLite or intake words it.
    pub problems: Vec<String>,
    /// How many entries the diary holds (None when they could not be counted).
    pub entries: Option<i64>,
    /// The first and last day with an entry.
    pub span: Option<(String, String)>,
    /// The schema version (`user_version`) and the newest this build knows.
    pub schema: i64,
    pub known_schema: i64,
    /// `wal` for a diary intake has opened.
    pub journal_mode: String,
}

impl Health {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

impl Store {
    /// Checks this open diary: integrity, foreign keys, and that every entry reads back.
    pub fn integrity_check(&self) -> Result<Health> {
        health(&self.conn)
    }

    /// Checks the diary at `path` read-only: no migration, no pragma written. A file that is not
    /// an intake diary is an error; a damaged one is a `Health` listing its problems.
    pub fn check_file(path: &Path) -> Result<Health> {
        super::files::refuse_non_regular(path)?;
        if let Err(e) = super::guard::check_header(path) {
            return match e {
                StoreError::Damaged(why) => Ok(Health {
                    problems: vec![why],
                    known_schema: MIGRATIONS_COUNT,
                    ..Health::default()
                }),
                other => Err(other),
            };
        }
        let conn = super::files::read_only_connection(path).map_err(|e| match e {
            StoreError::Sql(e) => not_diary(path, e),
            other => other,
        })?;
        super::lock::install(&conn)?;
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(|e| not_diary(path, e))?;
        if app_id != APPLICATION_ID {
            return Err(StoreError::NotADiary {
                path: path.display().to_string(),
                why: "its application id is not intake's".into(),
            });
        }
        health(&conn)
    }
}

fn not_diary(path: &Path, e: rusqlite::Error) -> StoreError {
    StoreError::NotADiary {
        path: path.display().to_string(),
        why: e.to_string(),
    }
}

fn health(conn: &Connection) -> Result<Health> {
    let mut h = Health {
        schema: conn.pragma_query_value(None, "user_version", |r| r.get(0))?,
        known_schema: MIGRATIONS_COUNT,
        journal_mode: conn.pragma_query_value(None, "journal_mode", |r| r.get(0))?,
        ..Health::default()
    };
    h.problems.extend(sqlite_checks(conn));
    match count(conn) {
        Ok((n, span)) => {
            h.entries = Some(n);
            h.span = span;
        }
        Err(e) => h.problems.push(format!("cannot count the entries: {e}")),
    }
    h.problems.extend(unreadable_entries(conn));
    Ok(h)
}

/// `PRAGMA integrity_check` and `PRAGMA foreign_key_check`; a check that cannot run is a problem.
fn sqlite_checks(conn: &Connection) -> Vec<String> {
    let mut out = Vec::new();
    match rows(conn, "PRAGMA integrity_check", |r| r.get::<_, String>(0)) {
        // One row per problem, or (newer SQLite) one row of newline-separated problems.
        Ok(rows) => out.extend(
            rows.iter()
                .flat_map(|r| r.lines())
                .filter(|l| *l != "ok" && !l.starts_with("*** in database"))
                .map(|l| name_tree(conn, l)),
        ),
        Err(e) => out.push(format!("the integrity check could not finish: {e}")),
    }
    let fk = |r: &rusqlite::Row<'_>| {
        Ok(format!(
            "table {} row {} refers to a missing row of {}",
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?.unwrap_or(0),
            r.get::<_, String>(2)?
        ))
    };
    match rows(conn, "PRAGMA foreign_key_check", fk) {
        Ok(lines) => out.extend(lines),
        Err(e) => out.push(format!("the foreign key check could not finish: {e}")),
    }
    out
}

/// "Tree 3 page 68 …" becomes "index entries_by_date: Tree 3 page 68 …" (SQLite names b-trees
/// by their root page).
fn name_tree(conn: &Connection, line: &str) -> String {
    let root = line
        .strip_prefix("Tree ")
        .and_then(|r| r.split_once(' '))
        .and_then(|(n, _)| n.parse::<i64>().ok());
    let named = root.and_then(|n| {
        conn.query_row(
            "SELECT type || ' ' || name FROM sqlite_master WHERE rootpage = ?",
            [n],
            |r| r.get::<_, String>(0),
        )
        .ok()
    });
    match named {
        Some(name) => format!("{name}: {line}"),
        None => line.to_string(),
    }
}

fn rows<T>(
    conn: &Connection,
    sql: &str,
    f: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    stmt.query_map([], f)?.collect()
}

/// How many entries, and the first and last day (reads the table itself, not an index).
fn count(conn: &Connection) -> rusqlite::Result<(i64, Option<(String, String)>)> {
    conn.query_row(
        "SELECT count(*), min(date), max(date) FROM entries NOT INDEXED",
        [],
        |r| {
            let span = match (r.get(1)?, r.get(2)?) {
                (Some(a), Some(b)) => Some((a, b)),
                _ => None,
            };
            Ok((r.get(0)?, span))
        },
    )
}

/// Entries intake could not read back: a date or time in another shape, a range whose low end is
/// above its high end, a negative amount, or tags that are not JSON (rows edited by hand).
fn unreadable_entries(conn: &Connection) -> Vec<String> {
    let mut bad = vec![
        "date NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'".to_string(),
        "time NOT GLOB '[0-2][0-9]:[0-5][0-9]'".to_string(),
        "NOT json_valid(tags)".to_string(),
    ];
    for n in Nutrient::ALL {
        let c = n.column();
        bad.push(format!("{c}_lo > {c}_hi OR {c}_lo < 0"));
        bad.push(format!("({c}_lo IS NULL) <> ({c}_hi IS NULL)"));
    }
    let sql = format!(
        "SELECT id FROM entries NOT INDEXED WHERE {} ORDER BY id",
        bad.join(" OR ")
    );
    match rows(conn, &sql, |r| r.get::<_, i64>(0)) {
        Ok(ids) if ids.is_empty() => vec![],
        Ok(ids) if ids.len() == 1 => {
            vec![format!("entry {} holds values intake cannot read", ids[0])]
        }
        Ok(ids) => vec![format!(
            "{} entries hold values intake cannot read ({WHAT}): ids {}",
            ids.len(),
            id_list(&ids)
        )],
        Err(e) => vec![format!("cannot read the entries: {e}")],
    }
}

const WHAT: &str = "a date, time, tag list or amount in a shape intake does not write";

fn id_list(ids: &[i64]) -> String {
    let shown: Vec<String> = ids.iter().take(10).map(i64::to_string).collect();
    match ids.len() > 10 {
        true => format!("{} …", shown.join(", ")),
        false => shown.join(", "),
    }
}
