//! Where imported entries came from: `origin` and `origin_key` (see `import::Occurrences` for the
//! key's form).

use super::{Result, Store};

impl Store {
    /// Whether an imported entry of `origin` has exactly `key`.
    pub fn has_origin_key(&self, origin: &str, key: &str) -> Result<bool> {
        let mut st = self.conn.prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM entries WHERE origin = ?1 AND origin_key = ?2)",
        )?;
        Ok(st.query_row([origin, key], |r| r.get(0))?)
    }

    /// Whether some entry of `origin` has a key without the row's date in front (imported before
    /// schema 6 and edited since: see `import::Occurrences`).
    pub fn has_undated_origin_keys(&self, origin: &str) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM entries WHERE origin = ?1 AND origin_key IS NOT NULL
                            AND substr(origin_key, 11, 1) != ' ')",
            [origin],
            |r| r.get(0),
        )?)
    }
}
