//! Schema 6: imported entries' keys start with their source row's date (so a large import writes
//! its index in order). `tests/fixtures/diary-v5.db` was written by intake at schema 5 (main at
//! 4bd2374): `tests/fixtures/cronometer/servings-2023.csv` imported (ids 1-11), Milk logged
//! (12), `tests/fixtures/entries-v5.csv` imported (13-15); then entry 8 (Spinach, 2024-03-05)
//! was moved to 2024-03-06 and entry 14 got a note, both with `intake edit`.
//!
//! After the upgrade, importing either file again adds nothing, and merging the upgraded diary
//! with a new one that imported the same files adds only the logged entry, both ways.

mod common;
use common::Diary;
use rusqlite::Connection;

const SERVINGS: &str = "tests/fixtures/cronometer/servings-2023.csv";
const ENTRIES: &str = "tests/fixtures/entries-v5.csv";

fn v5_diary() -> Diary {
    let d = Diary::new();
    std::fs::copy("tests/fixtures/diary-v5.db", &d.path).unwrap();
    d
}

fn count(d: &Diary) -> i64 {
    let c = Connection::open(&d.path).unwrap();
    c.query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .unwrap()
}

/// id → origin_key of the imported entries.
fn keys(d: &Diary) -> Vec<(i64, String)> {
    let c = Connection::open(&d.path).unwrap();
    let mut st = c
        .prepare("SELECT id, origin_key FROM entries WHERE origin_key IS NOT NULL ORDER BY id")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn unedited_imports_get_their_date_in_front_and_edited_ones_keep_their_key() {
    let d = v5_diary();
    let before = keys(&d);
    d.ok(&["day", "2024-03-04"]);
    let after = keys(&d);
    assert_eq!(after.len(), 14);
    let c = Connection::open(&d.path).unwrap();
    for ((id, old), (_, new)) in before.iter().zip(&after) {
        if [8, 14].contains(id) {
            assert_eq!(new, old, "entry {id} was edited: its key stays");
        } else {
            let date: String = c
                .query_row("SELECT date FROM entries WHERE id = ?", [id], |r| r.get(0))
                .unwrap();
            assert_eq!(*new, format!("{date} {old}"), "entry {id}");
        }
    }
}

#[test]
fn importing_the_same_files_again_after_the_upgrade_adds_nothing() {
    let d = v5_diary();
    assert_eq!(count(&d), 15);
    for (what, file) in [("cronometer", SERVINGS), ("entries", ENTRIES)] {
        let out = d.ok(&["import", what, file]);
        assert!(out.contains("imported 0 entries"), "{what}: {out}");
    }
    assert_eq!(count(&d), 15);
}

#[test]
fn the_upgraded_diary_and_a_new_one_with_the_same_imports_merge_to_the_logged_entry_only() {
    let upgraded = v5_diary();
    upgraded.ok(&["day", "2024-03-04"]);
    let fresh = Diary::new();
    fresh.ok(&["import", "cronometer", SERVINGS]);
    fresh.ok(&["import", "entries", ENTRIES]);
    assert_eq!(count(&fresh), 14);

    let other = upgraded.path.to_str().unwrap();
    let out = fresh.ok(&["import", "diary", other]);
    assert_eq!(count(&fresh), 15, "only the logged Milk is new: {out}");
    let other = fresh.path.to_str().unwrap();
    let out = upgraded.ok(&["import", "diary", other]);
    assert_eq!(count(&upgraded), 15, "nothing is new: {out}");
}
