//! Recipes: one food made of other items, eaten in servings. Its nutrients per serving are the
//! sum of its parts divided by the servings, worked out whenever the items are read; an entry
//! logging it keeps the amounts of that moment (see [`super::Entry::log`]).

use super::assumed::Assumed;
use super::item::{Item, Kind, Origin, Serving};
use super::units::{QtyError, Quantity};
use super::value::Nutrients;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use thiserror::Error;

/// One part of a recipe: an item and its quantity as typed ("200 g").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub key: String,
    pub quantity: String,
}

/// A recipe's definition, as the diary keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recipe {
    /// The item key, made from the name by [`key_of`].
    pub key: String,
    pub name: String,
    /// How many servings the parts make.
    pub serves: f64,
    pub parts: Vec<Part>,
}

/// How many servings a recipe may make (as many as an entry may hold).
pub const MAX_SERVES: f64 = super::units::MAX_SERVINGS;

#[derive(Debug, Error, PartialEq)]
pub enum RecipeError {
    #[error(
        "a recipe needs at least one part: a food and its quantity (on the command line \
         ITEM=QUANTITY, e.g. tofu-calcium=\"100 g\")"
    )]
    NoParts,
    #[error("bad number of servings `{0}`: accepted is a number above 0 and at most 100")]
    BadServes(String),
    #[error(
        "`{0}` is a {1}: recipes are made of foods; log supplements and medicines on their own or in a stack"
    )]
    NotFood(String, &'static str),
    #[error("recipe `{0}` would contain itself ({1}): a recipe may use other recipes, not its own")]
    Cycle(String, String),
    #[error("part `{0}`: {1}")]
    Quantity(String, QtyError),
    #[error("empty recipe name: give the recipe's name")]
    NoName,
    #[error("bad recipe name `{0}`: accepted is a name of letters, digits and spaces (at most 64)")]
    BadName(String),
    #[error("`{0}` is {1}: give the recipe another name")]
    NameTaken(String, &'static str),
    #[error("no item `{0}` (keys as `intake foods` lists them)")]
    UnknownPart(String),
}

/// The key of a recipe named `name`: lowercase words joined by dashes ("Breakfast bowl" ->
/// `breakfast-bowl`); `None` when no letter or digit is left.
pub fn key_of(name: &str) -> Option<String> {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let key = words.join("-");
    let ascii = key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    (!key.is_empty() && ascii && key.len() <= 64).then_some(key)
}

/// Checks the number of servings typed.
pub fn parse_serves(s: &str) -> Result<f64, RecipeError> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v > 0.0 && *v <= MAX_SERVES)
        .ok_or_else(|| RecipeError::BadServes(s.to_string()))
}

impl Recipe {
    /// The recipe as an item of kind food, one serving of which is 1/`serves` of its parts:
    /// ranges add as ranges, an unknown part makes the sum partial (a lower bound), forms stay
    /// apart (they are separate nutrients), fat is summed, and the parts' tags are carried. A
    /// part `get` no longer knows counts as wholly unknown, and the source says so.
    pub fn item(&self, get: &dyn Fn(&str) -> Option<Item>) -> Result<Item, RecipeError> {
        let mut sum: Option<Nutrients> = None;
        let mut grams = Some(0.0);
        let mut tags = BTreeSet::new();
        let mut missing = Vec::new();
        let mut assumed = Assumed::default();
        for p in &self.parts {
            let Some(item) = get(&p.key) else {
                missing.push(p.key.clone());
                sum = Some(sum.unwrap_or_default().plus(&Nutrients::default()));
                grams = None;
                continue;
            };
            if item.kind != Kind::Food {
                return Err(RecipeError::NotFood(p.key.clone(), item.kind.as_str()));
            }
            let q = Quantity::parse(&p.quantity)
                .map_err(|e| RecipeError::Quantity(p.key.clone(), e))?;
            let (servings, n) = item
                .nutrients_for(&q)
                .map_err(|e| RecipeError::Quantity(p.key.clone(), e))?;
            sum = Some(match sum {
                None => n,
                Some(s) => s.plus(&n),
            });
            grams = grams.zip(item.serving.grams).map(|(g, s)| g + s * servings);
            tags.extend(item.tags.iter().cloned());
            assumed = assumed.union(&item.assumed);
        }
        let nutrients = sum.ok_or(RecipeError::NoParts)?.scale(1.0 / self.serves);
        Ok(Item {
            key: self.key.clone(),
            name: self.name.clone(),
            kind: Kind::Food,
            origin: Origin::User,
            serving: Serving {
                amount: 1.0,
                unit: "serving".into(),
                grams: grams.map(|g| g / self.serves).filter(|g| *g > 0.0),
            },
            portions: Vec::new(),
            assumed: assumed.where_zero(&nutrients),
            nutrients,
            tags: tags.into_iter().collect(),
            group: Some("recipe".into()),
            source: self.source(&missing),
        })
    }

    /// "recipe: 1/4 of tofu-calcium 200 g + kale 1 cup; each part's figures from its own source".
    fn source(&self, missing: &[String]) -> String {
        let parts: Vec<String> = self
            .parts
            .iter()
            .map(|p| format!("{} {}", p.key, p.quantity))
            .collect();
        let mut s = format!(
            "recipe: 1/{} of {}; each part's figures from its own source",
            super::nutrient::fmt_amount(self.serves),
            parts.join(" + ")
        );
        if !missing.is_empty() {
            s.push_str(&format!(
                "; {} no longer known, counted as unknown",
                missing.join(", ")
            ));
        }
        s
    }

    /// The keys of this recipe's parts that are recipes of `all`.
    fn uses<'a>(&'a self, all: &'a HashMap<&str, &Recipe>) -> impl Iterator<Item = &'a Recipe> {
        self.parts
            .iter()
            .filter_map(|p| all.get(p.key.as_str()).copied())
    }
}

/// Refuses `new` (added or replacing the recipe of its key among `saved`) when it would contain
/// itself through its parts; the error names the path ("a -> b -> a").
pub fn check_cycle(saved: &[Recipe], new: &Recipe) -> Result<(), RecipeError> {
    let mut all: HashMap<&str, &Recipe> = saved.iter().map(|r| (r.key.as_str(), r)).collect();
    all.insert(new.key.as_str(), new);
    let mut path = vec![new.key.clone()];
    if reaches(new, &new.key, &all, &mut path) {
        return Err(RecipeError::Cycle(new.name.clone(), path.join(" -> ")));
    }
    Ok(())
}

/// Whether `from` uses `target`, directly or through other recipes; `path` is the way found.
fn reaches(
    from: &Recipe,
    target: &str,
    all: &HashMap<&str, &Recipe>,
    path: &mut Vec<String>,
) -> bool {
    for r in from.uses(all) {
        path.push(r.key.clone());
        if r.key == target || (path.len() <= all.len() + 1 && reaches(r, target, all, path)) {
            return true;
        }
        path.pop();
    }
    false
}

/// Every recipe as an item, the ones used by others first, so that a recipe of recipes sums
/// theirs. `get` finds any other item. A recipe that cannot be worked out (a part that can no
/// longer be measured as typed) is left out and named in the second list with why.
pub fn items(recipes: &[Recipe], get: &dyn Fn(&str) -> Option<Item>) -> (Vec<Item>, Vec<String>) {
    let all: HashMap<&str, &Recipe> = recipes.iter().map(|r| (r.key.as_str(), r)).collect();
    let mut built: HashMap<String, Item> = HashMap::new();
    let mut failed = Vec::new();
    let mut left: Vec<&Recipe> = recipes.iter().collect();
    while !left.is_empty() {
        // Ready: every recipe it uses is built (or can never be: then it counts as unknown).
        let ready = |r: &&Recipe| {
            r.uses(&all)
                .all(|u| built.contains_key(&u.key) || !left.iter().any(|l| l.key == u.key))
        };
        let (now, later): (Vec<&Recipe>, Vec<&Recipe>) = left.iter().copied().partition(ready);
        // A cycle stored by another version: build the rest with its parts unknown.
        let now = if now.is_empty() { later.clone() } else { now };
        for r in &now {
            let found = |k: &str| {
                built
                    .get(k)
                    .cloned()
                    .or_else(|| get(k).filter(|_| !all.contains_key(k)))
            };
            match r.item(&found) {
                Ok(item) => {
                    built.insert(r.key.clone(), item);
                }
                Err(e) => failed.push(format!("recipe `{}`: {e}", r.name)),
            }
        }
        left.retain(|l| !now.iter().any(|n| n.key == l.key));
    }
    let items = recipes
        .iter()
        .filter_map(|r| built.remove(&r.key))
        .collect();
    (items, failed)
}

/// A recipe that passed every rule, ready to save: its item as it will be read, and the saved
/// recipe of the same key it replaces (the caller asks before replacing).
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub recipe: Recipe,
    pub item: Item,
    pub replaces: Option<Recipe>,
}

/// The rules a new recipe must pass, in one place for `intake recipe add` and the app: a name
/// whose key no built-in or own item has, servings in range, at least one part, each part a
/// known food or saved recipe measured in a unit it takes, and no cycle through `saved`. `base`
/// finds the built-in and own items (not the recipes, which are worked out here from `saved`).
pub fn check(
    name: &str,
    serves: &str,
    parts: Vec<Part>,
    saved: &[Recipe],
    base: &dyn Fn(&str) -> Option<Item>,
) -> Result<Checked, RecipeError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(RecipeError::NoName);
    }
    let bad_name = || RecipeError::BadName(name.to_string());
    if name.chars().any(super::text::is_hidden) || name.chars().count() > 200 {
        return Err(bad_name());
    }
    let key = key_of(name).ok_or_else(bad_name)?;
    if let Some(i) = base(&key) {
        let whose = match i.origin {
            Origin::User => "your own item",
            _ => "a built-in item",
        };
        return Err(RecipeError::NameTaken(key, whose));
    }
    let serves = parse_serves(serves)?;
    if parts.is_empty() {
        return Err(RecipeError::NoParts);
    }
    let known = |k: &str| k == key || base(k).is_some() || saved.iter().any(|r| r.key == k);
    if let Some(p) = parts.iter().find(|p| !known(&p.key)) {
        return Err(RecipeError::UnknownPart(p.key.clone()));
    }
    let recipe = Recipe {
        key,
        name: name.to_string(),
        serves,
        parts,
    };
    check_cycle(saved, &recipe)?;
    let (others, replaced): (Vec<Recipe>, Vec<Recipe>) =
        saved.iter().cloned().partition(|r| r.key != recipe.key);
    let (built, _) = items(&others, base);
    let item = recipe.item(&|k| {
        built
            .iter()
            .find(|i| i.key == k)
            .cloned()
            .or_else(|| base(k))
    })?;
    Ok(Checked {
        recipe,
        item,
        replaces: replaced.into_iter().next(),
    })
}

#[cfg(test)]
#[path = "recipe_tests.rs"]
mod tests;
