//! Recipes, stored as JSON rows (their nutrients are worked out from their parts when read).

use super::meta::to_json;
use super::{Result, Store, now_stamp};
use crate::domain::Recipe;

impl Store {
    /// Every recipe, by key.
    pub fn recipes(&self) -> Result<Vec<Recipe>> {
        self.json_rows("SELECT json FROM recipes ORDER BY key", "recipe")
    }

    /// Adds or replaces the recipe of its key; true when it replaced one.
    pub fn save_recipe(&mut self, r: &Recipe) -> Result<bool> {
        let (json, now) = (to_json(r)?, now_stamp());
        self.write(|c| {
            let replaced = c.execute(
                "UPDATE recipes SET json = ?2, updated_at = ?3 WHERE key = ?1",
                [&r.key, &json, &now],
            )? > 0;
            if !replaced {
                c.execute(
                    "INSERT INTO recipes (key, json, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
                    [&r.key, &json, &now],
                )?;
            }
            Ok(replaced)
        })
    }

    /// Deletes a recipe; false when there was none of that key. Logged entries stay.
    pub fn delete_recipe(&mut self, key: &str) -> Result<bool> {
        self.write(|c| Ok(c.execute("DELETE FROM recipes WHERE key = ?", [key])? > 0))
    }
}
