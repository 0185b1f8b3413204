//! The synthetic diary of the benchmarks: deterministic, the size it claims, a realistic mix, and
//! written whole through the Store.

use chrono::NaiveDate;
use intake::domain::{Kind, Origin};
use intake::store::Store;
use intake::synth::{self, Spec};
use std::collections::HashSet;

fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

fn month() -> Spec {
    Spec {
        days: 30,
        ..Spec::ten_years(end())
    }
}

#[test]
fn same_seed_same_entries_other_seed_other_entries() {
    let cat = synth::catalog().unwrap();
    let a = synth::entries(&cat, &month()).unwrap();
    let b = synth::entries(&cat, &month()).unwrap();
    assert_eq!(a, b);
    let other = Spec { seed: 7, ..month() };
    assert_ne!(a, synth::entries(&cat, &other).unwrap());
}

#[test]
fn a_month_has_every_day_in_order_and_a_mix_of_items() {
    let cat = synth::catalog().unwrap();
    let all = synth::entries(&cat, &month()).unwrap();
    let days: HashSet<_> = all.iter().map(|e| e.date).collect();
    assert_eq!(days.len(), 30);
    assert!(all.iter().all(|e| e.date <= end()));
    assert!(
        all.windows(2)
            .all(|w| (w[0].date, w[0].time) <= (w[1].date, w[1].time))
    );
    assert!((25 * 30..35 * 30).contains(&all.len()), "{}", all.len());
    for kind in [Kind::Food, Kind::Supplement, Kind::Medication] {
        assert!(all.iter().any(|e| e.kind == kind), "{kind:?}");
    }
    let origin = |k: &str| cat.get(k).map(|i| i.origin);
    for o in [Origin::Curated, Origin::Builtin, Origin::Usda, Origin::User] {
        assert!(all.iter().any(|e| origin(&e.item_key) == Some(o)), "{o:?}");
    }
}

#[test]
fn a_day_does_not_depend_on_the_range_it_is_part_of() {
    let cat = synth::catalog().unwrap();
    let month = synth::entries(&cat, &month()).unwrap();
    let last: Vec<_> = month.into_iter().filter(|e| e.date == end()).collect();
    assert_eq!(last, synth::day(&cat, end(), 42).unwrap());
}

#[test]
fn the_small_diary_is_the_latest_1000_entries_of_the_big_one() {
    let cat = synth::catalog().unwrap();
    let small = synth::entries(&cat, &Spec::last_entries(end(), 1000)).unwrap();
    assert_eq!(small.len(), 1000);
    let span = Spec {
        days: 60,
        ..Spec::ten_years(end())
    };
    let big = synth::entries(&cat, &span).unwrap();
    assert_eq!(small[..], big[big.len() - 1000..]);
}

#[test]
fn ten_years_hold_at_least_100_000_entries() {
    let cat = synth::catalog().unwrap();
    let all = synth::entries(&cat, &Spec::ten_years(end())).unwrap();
    assert!(all.len() >= 100_000, "{}", all.len());
    assert_eq!(all[0].date, NaiveDate::from_ymd_opt(2016, 6, 30).unwrap());
}

#[test]
fn write_stores_entries_user_items_profile_and_stack() {
    let mut store = Store::open_in_memory().unwrap();
    let n = synth::write(&mut store, &month()).unwrap();
    assert_eq!(store.entry_count().unwrap(), n as i64);
    let cat = synth::catalog().unwrap();
    assert_eq!(
        store.entries_on(end()).unwrap().len(),
        synth::day(&cat, end(), 42).unwrap().len()
    );
    let own: Vec<_> = store.user_items().unwrap();
    assert_eq!(own.len(), 3);
    assert!(own.iter().all(|i| i.origin == Origin::User));
    assert_eq!(store.stacks().unwrap().len(), 1);
}
