//! Reading rows: values of the wrong type, narrowed reads and tag lists (entry_row.rs).

use super::super::{Store, StoreError};
use super::Fields;
use crate::catalog::Catalog;
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A diary of the demo entries, its rows then changed by `sql` (a hand edit).
fn edited(sql: &str) -> Store {
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let all = crate::demo::sample_entries(&Catalog::builtin(), today).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    store.insert_entries(&all).unwrap();
    store.conn.execute_batch(sql).unwrap();
    store
}

#[test]
fn rows_read_borrowed_equal_what_was_written() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let all = crate::demo::sample_entries(&Catalog::builtin(), today).unwrap();
    let store = edited("UPDATE entries SET meal = 'lunch', note = 'é ☕' WHERE id = 2");
    let read = store
        .entries_between(day(1900, 1, 1), day(9999, 12, 31))
        .unwrap();
    assert_eq!(read.len(), all.len());
    for e in &read {
        let mut written = all[e.id as usize - 1].clone();
        written.id = e.id;
        if e.id == 2 {
            (written.meal, written.note) = (Some("lunch".into()), Some("é ☕".into()));
        }
        assert_eq!(*e, written);
    }
}

#[test]
fn rows_read_for_the_rules_leave_out_only_what_words_and_shows_entries() {
    let store = edited("UPDATE entries SET meal = 'lunch', note = 'n' WHERE id = 2");
    let (from, to) = (day(1900, 1, 1), day(9999, 12, 31));
    let mut read = Vec::new();
    store
        .each_entry_between_as(from, to, Fields::Rules, |e| {
            read.push(e);
            Ok::<(), StoreError>(())
        })
        .unwrap();
    let all = store.entries_between(from, to).unwrap();
    assert_eq!(read.len(), all.len());
    for (mut e, r) in all.into_iter().zip(read) {
        assert!(!e.item_name.is_empty() && e.quantity > 0.0 && !e.unit.is_empty());
        (e.item_name, e.unit, e.meal, e.note) = Default::default();
        (e.quantity, e.servings) = (0.0, 0.0);
        assert_eq!(e, r);
    }
}

#[test]
fn a_value_of_the_wrong_type_is_an_error_not_a_panic() {
    for sql in [
        "UPDATE entries SET item_name = x'01' WHERE id = 1",
        "UPDATE entries SET note = CAST(x'ff00' AS TEXT) WHERE id = 1",
        "UPDATE entries SET meal = x'ff' WHERE id = 1",
        "UPDATE entries SET time = 7 WHERE id = 1",
        "UPDATE entries SET calcium_mg_lo = 'much' WHERE id = 1",
        "UPDATE entries SET partial = 'some' WHERE id = 1",
    ] {
        let store = edited(sql);
        let read = store.entries_between(day(1900, 1, 1), day(9999, 12, 31));
        assert!(read.is_err(), "{sql} was read");
    }
}

#[test]
fn tag_lists_read_once_give_each_row_its_own_and_a_malformed_one_is_named() {
    let tags = r#"["iron", "zinc"]"#;
    let store = edited(&format!(
        "UPDATE entries SET tags = '{tags}' WHERE id IN (1, 2, 4)"
    ));
    let read = store
        .entries_between(day(1900, 1, 1), day(9999, 12, 31))
        .unwrap();
    for e in &read {
        let iron = e.tags == ["iron", "zinc"];
        assert_eq!(iron, [1, 2, 4].contains(&e.id), "{e:?}");
    }
    let store = edited(&format!(
        "UPDATE entries SET tags = '{tags}' WHERE id IN (1, 2); \
         UPDATE entries SET tags = '[\"iron\", ' WHERE id = 3"
    ));
    let e = store
        .entries_between(day(1900, 1, 1), day(9999, 12, 31))
        .unwrap_err()
        .to_string();
    assert!(e.contains("entry 3: bad tags `[\"iron\", `"), "{e}");
}

#[test]
fn a_malformed_date_is_named() {
    let store = edited("UPDATE entries SET date = '21/11/2026' WHERE id = 1");
    let e = store.entry(1).unwrap_err().to_string();
    assert!(e.contains("entry 1: bad date `21/11/2026`"), "{e}");
}

#[test]
fn a_range_read_keeps_each_rows_date_and_names_a_malformed_one_after_good_ones() {
    let all = edited("");
    let read = all.entries_between(day(1900, 1, 1), day(9999, 12, 31));
    let dates: Vec<_> = read.unwrap().iter().map(|e| e.date).collect();
    assert!(dates.windows(2).any(|w| w[0] != w[1]), "{dates:?}");
    let store = edited("UPDATE entries SET date = '2026/11/21' WHERE id = 3");
    let e = store
        .entries_between(day(1900, 1, 1), day(9999, 12, 31))
        .unwrap_err()
        .to_string();
    assert!(e.contains("entry 3: bad date `2026/11/21`"), "{e}");
}

#[test]
fn a_range_read_shares_each_item_key_and_reads_every_one_right() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    let one = crate::demo::sample_entries(&Catalog::builtin(), today).unwrap()[0].clone();
    // 3,000 keys, each logged twice, far apart: more than the key slots hold, so keys share
    // slots and are evicted; then one key five times in a row.
    let mut keys: Vec<String> = (0..3000).map(|i| format!("item-{i}")).collect();
    keys.extend(keys.clone());
    keys.extend(["milk"; 5].map(String::from));
    let all: Vec<_> = keys
        .iter()
        .map(|k| {
            let mut e = one.clone();
            e.item_key = k.as_str().into();
            e
        })
        .collect();
    let mut store = Store::open_in_memory().unwrap();
    store.insert_entries(&all).unwrap();
    let read = store.entries_between(one.date, one.date).unwrap();
    let read_keys: Vec<&str> = read.iter().map(|e| &*e.item_key).collect();
    assert_eq!(read_keys, keys);
    let milk = &read[read.len() - 5..];
    assert!(
        milk.iter()
            .all(|e| std::sync::Arc::ptr_eq(&e.item_key, &milk[0].item_key)),
        "a key read again is shared, not copied"
    );
}
