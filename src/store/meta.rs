//! The profile, the user's own items and stacks, stored as JSON rows.

use super::{Result, Store, StoreError, now_stamp};
use crate::domain::{Item, Profile, Stack};
use rusqlite::OptionalExtension;

impl Store {
    /// The profile, or the default one when none was saved.
    pub fn profile(&self) -> Result<Profile> {
        let json: Option<String> = self
            .conn
            .query_row("SELECT json FROM profile WHERE id = 1", [], |r| r.get(0))
            .optional()?;
        match json {
            None => Ok(Profile::default()),
            Some(j) => {
                serde_json::from_str(&j).map_err(|e| StoreError::Corrupt(format!("profile: {e}")))
            }
        }
    }

    /// Whether a profile was ever saved (false on a new diary: the app then asks for one).
    pub fn profile_saved(&self) -> Result<bool> {
        let row: Option<i64> = self
            .conn
            .query_row("SELECT id FROM profile WHERE id = 1", [], |r| r.get(0))
            .optional()?;
        Ok(row.is_some())
    }

    pub fn set_profile(&mut self, p: &Profile) -> Result<()> {
        let json = to_json(p)?;
        self.write(|c| {
            c.execute(
                "INSERT INTO profile (id, json) VALUES (1, ?1) ON CONFLICT(id) DO UPDATE SET json = ?1",
                [&json],
            )?;
            Ok(())
        })
    }

    pub fn user_items(&self) -> Result<Vec<Item>> {
        self.json_rows("SELECT json FROM user_items ORDER BY key", "user item")
    }

    /// Adds or replaces a user item (same key).
    pub fn add_user_item(&mut self, item: &Item) -> Result<()> {
        let row = [item.key.clone(), to_json(item)?, now_stamp()];
        self.write(|c| {
            c.execute(
                "INSERT INTO user_items (key, json, created_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(key) DO UPDATE SET json = ?2",
                rusqlite::params_from_iter(&row),
            )?;
            Ok(())
        })
    }

    pub fn stacks(&self) -> Result<Vec<Stack>> {
        self.json_rows("SELECT json FROM stacks ORDER BY name", "stack")
    }

    /// Reads a one-column query of JSON rows; a row that does not parse is `Corrupt`.
    pub(super) fn json_rows<T: serde::de::DeserializeOwned>(
        &self,
        sql: &str,
        what: &str,
    ) -> Result<Vec<T>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|j| {
            let j = j?;
            serde_json::from_str(&j).map_err(|e| StoreError::Corrupt(format!("{what}: {e}")))
        })
        .collect()
    }

    /// Adds or replaces a stack (same name).
    pub fn save_stack(&mut self, s: &Stack) -> Result<()> {
        let row = [s.name.clone(), to_json(s)?];
        self.write(|c| {
            c.execute(
                "INSERT INTO stacks (name, json) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET json = ?2",
                rusqlite::params_from_iter(&row),
            )?;
            Ok(())
        })
    }

    /// Deletes a stack; false when there was none of that name.
    pub fn delete_stack(&mut self, name: &str) -> Result<bool> {
        self.write(|c| Ok(c.execute("DELETE FROM stacks WHERE name = ?", [name])? > 0))
    }
}

pub(super) fn to_json<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Corrupt(e.to_string()))
}
