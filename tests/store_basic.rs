//! Store layer: in memory and on file, migrations, round trips that keep unknowns unknown.

use chrono::{NaiveDate, NaiveTime};
use intake::domain::{Entry, Kind, Nutrient, Nutrients, Profile, Stack, StackItem, Value};
use intake::store::{MIGRATIONS, Store, StoreError};

fn entry(date: &str, time: &str, key: &str) -> Entry {
    let nutrients = Nutrients::default()
        .with(Nutrient::Calcium, Value::range(200.0, 300.0))
        .with(Nutrient::K2Mk7, Value::exact(850.0));
    Entry {
        id: 0,
        date: NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
        time: NaiveTime::parse_from_str(time, "%H:%M").ok(),
        item_key: key.into(),
        item_name: key.to_uppercase(),
        kind: Kind::Food,
        quantity: 3.0,
        unit: "oz".into(),
        servings: 1.0,
        nutrients,
        tags: vec!["t1".into()],
        meal: Some("breakfast".into()),
        note: None,
    }
}

#[test]
fn migrations_are_valid() {
    MIGRATIONS.validate().unwrap();
}

#[test]
fn entries_round_trip_keeping_ranges_and_unknowns() {
    let mut s = Store::open_in_memory().unwrap();
    let id = s
        .insert_entry(&entry("2026-11-20", "08:00", "natto"))
        .unwrap();
    let got = s.entry(id).unwrap().unwrap();
    assert_eq!(
        got.nutrients.get(Nutrient::Calcium),
        Value::range(200.0, 300.0)
    );
    assert_eq!(got.nutrients.get(Nutrient::K2Mk7), Value::exact(850.0));
    assert_eq!(got.nutrients.get(Nutrient::VitaminD3), Value::Unknown);
    assert_eq!(got.tags, vec!["t1".to_string()]);
    assert_eq!(got.meal.as_deref(), Some("breakfast"));
    assert_eq!(
        Entry {
            id,
            ..entry("2026-11-20", "08:00", "natto")
        },
        got
    );
}

/// Vitamin K2 of other or unknown form is a slot of its own: stored and read back, counted in the
/// K2 total, never in MK-4 or MK-7.
#[test]
fn k2_of_other_form_round_trips_and_counts_in_k2_only() {
    use intake::domain::{DayTotals, Shown};
    let mut s = Store::open_in_memory().unwrap();
    let mut cheese = entry("2026-11-20", "12:00", "gouda");
    cheese.nutrients = Nutrients::default()
        .with(Nutrient::K2Mk4, Value::exact(0.0))
        .with(Nutrient::K2Mk7, Value::exact(0.0))
        .with(Nutrient::K2Other, Value::range(5.0, 10.0));
    let id = s.insert_entry(&cheese).unwrap();
    let got = s.entry(id).unwrap().unwrap();
    assert_eq!(got.nutrients, cheese.nutrients);
    let natto = s
        .insert_entry(&entry("2026-11-20", "08:00", "natto"))
        .unwrap();
    let day = s.entries_between(got.date, got.date).unwrap();
    assert_eq!(day.len(), 2);
    let t = DayTotals::of(&day);
    assert_eq!(t.get(Nutrient::K2Other).lo.to_f64(), 5.0);
    assert_eq!(t.get(Nutrient::K2Mk7).lo.to_f64(), 850.0);
    let k2 = t.shown(Shown::VitaminK2);
    assert_eq!((k2.lo.to_f64(), k2.hi.to_f64()), (855.0, 860.0));
    assert!(
        k2.is_lower_bound(),
        "natto {natto} does not give MK-4 or other K2"
    );
}

#[test]
fn day_queries_order_by_time_and_respect_bounds() {
    let mut s = Store::open_in_memory().unwrap();
    s.insert_entry(&entry("2026-11-20", "12:00", "b")).unwrap();
    s.insert_entry(&entry("2026-11-20", "07:00", "a")).unwrap();
    s.insert_entry(&entry("2026-11-21", "07:00", "c")).unwrap();
    let d = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let keys: Vec<_> = s
        .entries_on(d)
        .unwrap()
        .into_iter()
        .map(|e| e.item_key.to_string())
        .collect();
    assert_eq!(keys, ["a", "b"]);
    assert_eq!(s.recent_keys(5).unwrap(), ["c", "b", "a"]);
}

#[test]
fn recent_keys_and_latest_per_key_follow_the_newest_entries() {
    let mut s = Store::open_in_memory().unwrap();
    for (date, time, key) in [
        ("2026-11-01", "08:00", "a"),
        ("2026-11-03", "08:00", "a"),
        ("2026-11-02", "09:00", "b"),
        ("2026-11-02", "07:00", "a"),
        ("2026-11-05", "06:00", "c"),
        ("2026-11-04", "23:59", "b"),
    ] {
        s.insert_entry(&entry(date, time, key)).unwrap();
    }
    assert_eq!(s.recent_keys(5).unwrap(), ["c", "b", "a"]);
    assert_eq!(s.recent_keys(2).unwrap(), ["c", "b"]);
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let got: Vec<_> = s
        .latest_times_of_keys_between(&["a", "b", "zz"], d("2026-11-02"), d("2026-11-04"), 1)
        .unwrap()
        .into_iter()
        .map(|l| format!("{} {} {}", l.item_key, l.date, l.time.unwrap()))
        .collect();
    assert_eq!(got, ["a 2026-11-03 08:00:00", "b 2026-11-04 23:59:00"]);
    let two = s
        .latest_times_of_keys_between(&["a"], d("2026-11-01"), d("2026-11-05"), 2)
        .unwrap();
    assert_eq!(two.len(), 2);
    assert!(two[0].date < two[1].date, "in date order");
}

#[test]
fn ids_are_never_given_out_twice() {
    let mut s = Store::open_in_memory().unwrap();
    let a = s.insert_entry(&entry("2026-11-20", "08:00", "a")).unwrap();
    let b = s.insert_entry(&entry("2026-11-20", "09:00", "b")).unwrap();
    let uuid = s.entry_uuid(b).unwrap().unwrap();
    let gone = s.delete_entry(b).unwrap().unwrap();
    let c = s.insert_entry(&entry("2026-11-20", "10:00", "c")).unwrap();
    assert!(c > b && b > a, "{a} {b} {c}");
    s.restore_entry(&gone).unwrap();
    assert_eq!(&*s.entry(b).unwrap().unwrap().item_key, "b");
    assert_eq!(
        s.entry_uuid(b).unwrap(),
        Some(uuid),
        "undo keeps the identity"
    );
}

/// New entries' uuids are version 7 (time-ordered) and sort in the order the entries were
/// written, logged or imported: what keeps the unique uuid index growing at its end (a random
/// version 4 uuid per entry made a 100,000-row import spill SQLite's page cache).
#[test]
fn every_entry_gets_its_own_uuid_in_the_order_written() {
    let mut s = Store::open_in_memory().unwrap();
    for i in 0..50 {
        let e = entry("2026-11-20", "08:00", &format!("k{i}"));
        if i % 2 == 0 {
            s.insert_entry(&e).unwrap();
        } else {
            assert!(s.insert_imported(&e, "test", &format!("key{i}")).unwrap());
        }
    }
    let day = s.entries_on(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
    let uuids: Vec<String> = (day.unwrap().iter())
        .map(|e| s.entry_uuid(e.id).unwrap().unwrap())
        .collect();
    assert_eq!(uuids.len(), 50);
    assert!(uuids.windows(2).all(|w| w[0] < w[1]), "{uuids:?}");
    for u in &uuids {
        let b = u.as_bytes();
        assert_eq!(
            (u.len(), b[8], b[13], b[14], b[18]),
            (36, b'-', b'-', b'7', b'-'),
            "{u}"
        );
        assert!(matches!(b[19], b'8' | b'9' | b'a' | b'b'), "{u}");
    }
}

#[test]
fn an_entry_without_a_time_is_stored_and_read_back_without_one() {
    let mut s = Store::open_in_memory().unwrap();
    let late = s
        .insert_entry(&entry("2026-11-20", "23:00", "late"))
        .unwrap();
    let untimed = s.insert_entry(&entry("2026-11-20", "", "untimed")).unwrap();
    let day = s
        .entries_on(NaiveDate::from_ymd_opt(2026, 11, 20).unwrap())
        .unwrap();
    let got: Vec<(i64, String)> = day.iter().map(|e| (e.id, e.time_display())).collect();
    assert_eq!(got, [(untimed, "--:--".into()), (late, "23:00".into())]);
    assert_eq!(day[0].time, None);
    assert_eq!(day[0].at(), None);
}

#[test]
fn update_delete_and_restore() {
    let mut s = Store::open_in_memory().unwrap();
    let id = s.insert_entry(&entry("2026-11-20", "12:00", "b")).unwrap();
    let mut e = s.entry(id).unwrap().unwrap();
    e.time = NaiveTime::from_hms_opt(13, 30, 0);
    e.note = Some("late".into());
    s.update_entry(&e).unwrap();
    assert_eq!(s.entry(id).unwrap().unwrap(), e);
    let gone = s.delete_entry(id).unwrap().unwrap();
    assert!(s.entry(id).unwrap().is_none());
    assert!(s.delete_entry(id).unwrap().is_none());
    s.restore_entry(&gone).unwrap();
    assert_eq!(s.entry(id).unwrap().unwrap(), e);
    let missing = Entry { id: 999, ..e };
    assert!(matches!(
        s.update_entry(&missing),
        Err(StoreError::NoEntry(999))
    ));
}

#[test]
fn profile_items_and_stacks_persist_on_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/diary.db");
    {
        let mut s = Store::open(&path).unwrap();
        let mut p = Profile::default();
        p.set("age", "63").unwrap();
        s.set_profile(&p).unwrap();
        let stack = Stack {
            name: "morning".into(),
            items: vec![StackItem {
                key: "d3".into(),
                quantity: "5000 IU".into(),
            }],
        };
        s.save_stack(&stack).unwrap();
        s.insert_entry(&entry("2026-11-20", "12:00", "b")).unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.profile().unwrap().age, 63);
    assert_eq!(s.stacks().unwrap()[0].items[0].quantity, "5000 IU");
    assert_eq!(s.entry_count().unwrap(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let dmode = std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(dmode & 0o777, 0o700);
    }
}

#[test]
fn refuses_files_that_are_not_diaries() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "hello, this is not sqlite at all, just some text....",
    )
    .unwrap();
    let before = std::fs::read(&text).unwrap();
    assert!(matches!(
        Store::open(&text),
        Err(StoreError::NotADiary { .. })
    ));
    assert_eq!(std::fs::read(&text).unwrap(), before);

    let other = dir.path().join("other.db");
    let c = rusqlite::Connection::open(&other).unwrap();
    c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(c);
    assert!(matches!(
        Store::open(&other),
        Err(StoreError::NotADiary { .. })
    ));
}

#[test]
fn refuses_a_newer_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.db");
    drop(Store::open(&path).unwrap());
    let c = rusqlite::Connection::open(&path).unwrap();
    c.pragma_update(None, "user_version", 99).unwrap();
    drop(c);
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::TooNew { found: 99, .. })
    ));
}
