//! Merging another intake diary into this one (`intake import diary`): the other file is attached
//! read-only; its entries whose uuid (or, for imported rows, origin and key) this diary lacks are
//! copied in one transaction; profile, own items, stacks and recipes that differ are only
//! reported.

use super::bulk::LEAN_CACHE_PAGES;
use super::{APPLICATION_ID, MIGRATIONS_COUNT, Result, Store, StoreError};
use std::path::Path;

/// What a merge did, and what it left for the user to look at.
#[derive(Debug, Default, PartialEq)]
pub struct Merged {
    pub added: u64,
    /// Entries of the other diary already here.
    pub present: u64,
    /// "profile", "item my-kefir", "stack morning", "recipe bowl": differ between the two, or are only in the
    /// other; this diary's are kept.
    pub differing: Vec<String>,
}

impl Store {
    pub fn merge_diary(&mut self, other: &Path) -> Result<Merged> {
        let uri = format!("file:{}?mode=ro", uri_path(other));
        let not_diary = |why: String| StoreError::NotADiary {
            path: other.display().to_string(),
            why,
        };
        if !other.is_file() {
            return Err(not_diary("no such file".into()));
        }
        self.conn
            .execute("ATTACH DATABASE ?1 AS other", [&uri])
            .map_err(|e| not_diary(e.to_string()))?;
        // Both diaries' page caches held small while the other is copied in (issue 19's memory
        // goal: the two 2 MB defaults filled, merging a ten-year diary peaked at 15.4 MB).
        let lean = format!("PRAGMA other.cache_size = {LEAN_CACHE_PAGES}");
        let _ = self.conn.execute_batch(&lean); // only memory: a failure changes no result
        let out = self.merge_attached().map_err(|e| match e {
            StoreError::Sql(e) => not_diary(e.to_string()),
            e => e,
        });
        let _ = self.conn.execute_batch("DETACH DATABASE other");
        out
    }

    fn merge_attached(&mut self) -> Result<Merged> {
        let id: i32 = self
            .conn
            .query_row("PRAGMA other.application_id", [], |r| r.get(0))?;
        let version: i64 = self
            .conn
            .query_row("PRAGMA other.user_version", [], |r| r.get(0))?;
        if id != APPLICATION_ID || version != MIGRATIONS_COUNT {
            return Err(StoreError::NotADiary {
                path: "the other file".into(),
                why: format!(
                    "it is not an intake diary of schema {MIGRATIONS_COUNT} (found id {id:#x}, schema {version}); open it once with this intake to upgrade it"
                ),
            });
        }
        let cols: String = self.conn.query_row(
            "SELECT group_concat(name, ', ') FROM pragma_table_info('entries') WHERE name != 'id'",
            [],
            |r| r.get(0),
        )?;
        let total: i64 = self
            .conn
            .query_row("SELECT count(*) FROM other.entries", [], |r| r.get(0))?;
        // An imported row is present when this diary has its key, or the same key on one side
        // without the date in front (a row imported before schema 6 and edited since keeps its
        // undated key: see `import::Occurrences`). Undated keys are few: the scan of the last
        // clause runs only for them.
        let sql = format!(
            "INSERT INTO main.entries ({cols}) SELECT {cols} FROM other.entries AS o
             WHERE NOT EXISTS (SELECT 1 FROM main.entries m WHERE m.uuid = o.uuid)
               AND NOT (o.origin_key IS NOT NULL AND (
                 EXISTS (SELECT 1 FROM main.entries m WHERE m.origin = o.origin
                         AND m.origin_key IN (o.origin_key, substr(o.origin_key, 12)))
                 OR (substr(o.origin_key, 11, 1) != ' ' AND EXISTS (SELECT 1 FROM main.entries m
                     WHERE m.origin = o.origin AND m.origin_key IS NOT NULL
                       AND substr(m.origin_key, 12) = o.origin_key))))
             ORDER BY o.date, o.time, o.id"
        );
        let added = self.lean(|s| s.write(|c| Ok(c.execute(&sql, [])? as u64)))?;
        Ok(Merged {
            added,
            present: (total as u64).saturating_sub(added),
            differing: self.differing()?,
        })
    }

    /// Profile, own items, stacks and recipes of the other diary that are not the same here.
    fn differing(&self) -> Result<Vec<String>> {
        let mut out = Vec::new();
        let queries = [
            (
                "profile",
                "SELECT 'profile' FROM other.profile o WHERE o.json IS NOT (SELECT json FROM main.profile)",
            ),
            (
                "item",
                "SELECT key FROM other.user_items o WHERE o.json IS NOT (SELECT json FROM main.user_items m WHERE m.key = o.key)",
            ),
            (
                "stack",
                "SELECT name FROM other.stacks o WHERE o.json IS NOT (SELECT json FROM main.stacks m WHERE m.name = o.name)",
            ),
            (
                "recipe",
                "SELECT key FROM other.recipes o WHERE o.json IS NOT (SELECT json FROM main.recipes m WHERE m.key = o.key)",
            ),
        ];
        for (what, sql) in queries {
            let mut st = self.conn.prepare(sql)?;
            for name in st.query_map([], |r| r.get::<_, String>(0))? {
                let name = name?;
                out.push(if what == "profile" {
                    name
                } else {
                    format!("{what} {name}")
                });
            }
        }
        Ok(out)
    }
}

/// A path for an SQLite `file:` URI: characters other than unreserved ones and `/` escaped.
fn uri_path(p: &Path) -> String {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut out = String::new();
    for b in abs.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
