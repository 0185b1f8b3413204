//! The items one can log (curated foods, supplements, medications, the USDA table, the user's
//! own) and fuzzy search over them.
//!
//! The curated and built-in files are small and parsed by [`Catalog::builtin`]; the USDA table's
//! search index is prepared when intake is built (see [`prepared`]), and a food's line is parsed
//! only when a search returns it or its `usda-…` key is looked up.

pub mod fill;
mod index;
pub mod load;
mod prepared;
mod search;
pub mod usda;
pub mod usda_gen;

use crate::domain::targets::TargetTable;
use crate::domain::{Item, Recipe};
use index::NormBuf;
use search::{Cand, GOOD, Plain, Query, Who};
use thiserror::Error;

pub use load::LoadError;

/// The embedded daily targets and limits.
pub const TARGETS_TOML: &str = include_str!("../../assets/targets.toml");

/// The target table of `assets/targets.toml`, as `build.rs` turned it into Rust (so no process
/// parses TOML for it; `tests::prepared_targets_equal_the_parsed_file` keeps the two in step).
pub fn target_table() -> TargetTable {
    use crate::domain::profile::{Counts, Goal, RefSet, Sex};
    use crate::domain::{Shown, targets::LimitRow, targets::TargetRow};
    include!(concat!(env!("OUT_DIR"), "/targets.rs"))
}

/// Whether the whole USDA table has been parsed and held in this process (searches, lookups by
/// key, suggestions and coverage do not: they parse single lines, or a food at a time).
pub fn usda_is_loaded() -> bool {
    usda::is_loaded()
}

/// An item found by a search; a higher score is a better match.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a> {
    pub item: &'a Item,
    pub score: u32,
}

impl Hit<'_> {
    /// Every query word matched a whole word or the start of a word of the item.
    pub fn is_good(&self) -> bool {
        self.score & GOOD != 0
    }
}

/// Why a query did not name one item.
#[derive(Debug, Error, PartialEq)]
pub enum ResolveError {
    #[error("no item named: give a key such as `milk` or words such as `salmon canned`")]
    Empty,
    #[error("no item matches `{query}`{}; search with `intake foods WORDS` or add your own with `intake item add`", did_you_mean(.suggestions))]
    NotFound {
        query: String,
        suggestions: Vec<String>,
    },
    #[error("`{query}` matches several items; give one of their keys{}", did_you_mean(.candidates))]
    Ambiguous {
        query: String,
        candidates: Vec<String>,
    },
}

fn did_you_mean(keys: &[String]) -> String {
    if keys.is_empty() {
        String::new()
    } else {
        format!(", did you mean: {}", keys.join(", "))
    }
}

/// The items one can log: the built-in ones and the user's, with the USDA table behind them.
#[derive(Debug, Clone)]
pub struct Catalog {
    items: Vec<Item>,
    norms: Vec<NormBuf>,
}

impl Catalog {
    /// The curated foods, supplements and medications embedded in the binary.
    pub fn builtin() -> Catalog {
        // The item files are embedded at build time and `tests::embedded_items_load` loads them,
        // so a failure here cannot reach a user.
        let items = load::embedded().expect("assets/*.toml are checked by a unit test");
        Catalog::of(items)
    }

    fn of(items: Vec<Item>) -> Catalog {
        let norms = items.iter().map(|i| NormBuf::of(&i.name, &i.key)).collect();
        Catalog { items, norms }
    }

    /// This catalog plus the user's own items (from the diary).
    pub fn with_user_items(mut self, items: Vec<Item>) -> Catalog {
        self.norms
            .extend(items.iter().map(|i| NormBuf::of(&i.name, &i.key)));
        self.items.extend(items);
        self
    }

    /// This catalog plus the user's recipes, each as an item of kind food worked out from its
    /// parts (see [`crate::domain::recipe::items`]); one whose parts no longer measure as typed
    /// is left out (`intake recipe list` says why).
    pub fn with_recipes(self, recipes: &[Recipe]) -> Catalog {
        if recipes.is_empty() {
            return self;
        }
        let (items, _) = crate::domain::recipe::items(recipes, &|k| self.get(k).cloned());
        self.with_user_items(items)
    }

    /// The built-in items, the user's own and their recipes: everything one can log.
    pub fn for_diary(user_items: Vec<Item>, recipes: &[Recipe]) -> Catalog {
        Catalog::builtin()
            .with_user_items(user_items)
            .with_recipes(recipes)
    }

    /// The built-in and user items (not the USDA table).
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The item with exactly this key, from any source (a `usda-…` key loads the USDA table).
    pub fn get(&self, key: &str) -> Option<&Item> {
        if let Some(i) = self.items.iter().find(|i| i.key == key) {
            return Some(i);
        }
        if key.starts_with("usda-") {
            return usda::food(key);
        }
        None
    }

    /// The item with this key as a search candidate (own items first, as [`Catalog::get`]).
    fn who(&self, key: &str) -> Option<Who<'_>> {
        match self.items.iter().find(|i| i.key == key) {
            Some(i) => Some(Who::Own(i)),
            None => prepared::position(key).map(Who::Usda),
        }
    }

    /// The best `limit` matches for `query` over every item, USDA included, best first.
    /// `recent` holds the keys of recently logged items, which rank with the curated ones.
    pub fn search(&self, query: &str, recent: &[String], limit: usize) -> Vec<Hit<'_>> {
        let mut q = Query::new(query);
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        q.set_recent(recent.iter().filter_map(|k| self.who(k)).collect());
        let own = (self.items.iter().map(Who::Own)).zip(self.norms.iter().map(NormBuf::view));
        let rows = (prepared::rows().iter().enumerate()).filter(|(_, r)| q.may_match(r.mask()));
        let all = own.chain(rows.map(|(i, r)| (Who::Usda(i), r.norm())));
        let mut hits = Vec::new();
        let mut maybe = Vec::new();
        for (item, norm) in all {
            match q.plain(item, &norm) {
                Plain::Hit(score) => hits.push(Cand { item, norm, score }),
                Plain::Maybe => maybe.push((item, norm)),
                Plain::Miss => {}
            }
        }
        // Fuzzy matching is for typos: it runs only when no query word set matched well (its
        // matches are weak and would rank below every good one anyway).
        if !hits.iter().any(|c| c.score & GOOD != 0) {
            for (item, norm) in maybe {
                if let Some(score) = q.fuzzy(item, &norm) {
                    hits.push(Cand { item, norm, score });
                }
            }
        }
        search::best(&q, hits, limit)
    }

    /// The one item a query names: an exact key (`canned salmon` also finds `canned-salmon`), or
    /// else the one clear best match (a good match that beats the next one on tier or exactness,
    /// or that leaves fewer of its words unsaid, see `search::clearly_better`), or an error
    /// listing up to five candidates.
    pub fn resolve(&self, query: &str, recent: &[String]) -> Result<&Item, ResolveError> {
        let q = query.trim();
        if q.is_empty() {
            return Err(ResolveError::Empty);
        }
        let as_key = q
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("-");
        if let Some(i) = self.get(q).or_else(|| self.get(&as_key)) {
            return Ok(i);
        }
        let hits = self.search(q, recent, 5);
        let keys = || hits.iter().map(|h| h.item.key.clone()).collect::<Vec<_>>();
        match hits.as_slice() {
            [] => Err(ResolveError::NotFound {
                query: q.into(),
                suggestions: Vec::new(),
            }),
            [top, ..] if !top.is_good() => Err(ResolveError::NotFound {
                query: q.into(),
                suggestions: keys(),
            }),
            [top] => Ok(top.item),
            [top, next, ..] if search::clearly_better(top.score, next.score) => Ok(top.item),
            _ => Err(ResolveError::Ambiguous {
                query: q.into(),
                candidates: keys(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_items_load() {
        let items = load::embedded().unwrap();
        assert!(items.iter().any(|i| i.key == "natto"));
        assert!(items.iter().any(|i| i.key == "d3"));
        assert!(items.iter().any(|i| i.key == "levothyroxine"));
    }

    #[test]
    fn prepared_targets_equal_the_parsed_file() {
        let parsed = TargetTable::parse(TARGETS_TOML).unwrap();
        assert!(!parsed.row.is_empty() && !parsed.limit.is_empty());
        assert_eq!(target_table(), parsed);
    }
}
