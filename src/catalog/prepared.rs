//! The USDA table as `build.rs` prepared it: every food's key, where its line starts in the
//! embedded table and its search form, as static data. A search reads these rows without parsing
//! anything and parses only the lines of the foods it returns, once each per process.
//!
//! `tests::rows_match_the_parsed_table` keeps this form and the parsed table in step.

use super::index::Norm;
use super::usda;
use crate::domain::Item;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

/// One USDA food: its key, the byte offset of its line in [`usda::USDA_TSV`] and its search form.
pub(crate) struct Row {
    pub key: &'static str,
    pub line: usize,
    pub norm: Norm,
}

include!(concat!(env!("OUT_DIR"), "/usda_index.rs"));

/// Every USDA food, sorted by key (as [`usda::UsdaTable`] sorts its items).
pub(crate) fn rows() -> &'static [Row] {
    &ROWS
}

/// The row index of a `usda-…` key.
pub(crate) fn position(key: &str) -> Option<usize> {
    ROWS.binary_search_by(|r| r.key.cmp(key)).ok()
}

/// The food of row `i`, parsed from its line on first use and kept for the process (at most one
/// item per row, as the whole parsed table would hold). `None` for a malformed line, which the
/// tests rule out for the committed table.
pub(crate) fn item(i: usize) -> Option<&'static Item> {
    static PARSED: OnceLock<Mutex<HashMap<usize, &'static Item>>> = OnceLock::new();
    let row = ROWS.get(i)?;
    let mut parsed = PARSED
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some(item) = parsed.get(&i) {
        return Some(item);
    }
    let item: &'static Item = Box::leak(Box::new(usda::food_at(row.line)?));
    parsed.insert(i, item);
    Some(item)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_match_the_parsed_table() {
        let table = usda::parse_items(usda::USDA_TSV, true).unwrap();
        assert_eq!(table.len(), ROWS.len());
        for (i, (row, parsed)) in ROWS.iter().zip(&table).enumerate() {
            assert_eq!(row.key, parsed.key);
            assert_eq!(row.norm, Norm::of(&parsed.name, &parsed.key), "{}", row.key);
            assert_eq!(item(i), Some(parsed), "{}", row.key);
            assert!(matches!(row.norm.hay, Cow::Borrowed(_)));
        }
    }

    #[test]
    fn keys_find_their_rows() {
        assert_eq!(
            position("usda-11458").map(|i| ROWS[i].key),
            Some("usda-11458")
        );
        assert_eq!(position("usda-99999"), None);
        assert_eq!(position("milk"), None);
        let a = item(position("usda-11458").unwrap()).unwrap();
        let b = item(position("usda-11458").unwrap()).unwrap();
        assert!(std::ptr::eq(a, b), "a row is parsed once");
    }
}
