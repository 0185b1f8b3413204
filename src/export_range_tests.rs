//! Issue 19: exports and the week and trend views read a range once and run the rules over a
//! sliding window; over a generated diary of about three years they give what reading each day
//! by itself gives (`report::day_report`, `Store::entries_on`): the weekly CSV and the per-entry
//! CSV byte for byte, each day's entries, totals and warnings equal, with and without warfarin.

use super::*;
use crate::domain::warnings::Warning;
use crate::report::{self, Day};
use crate::synth::{self, Spec};

/// About three years of the synthetic diary (30,000 entries to 2026-06-30), and a range from a
/// few empty days before its first entry to a few after its last.
fn diary() -> (Store, NaiveDate, NaiveDate) {
    let end = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    synth::write(&mut store, &Spec::last_entries(end, 30_000)).unwrap();
    let first = store.entries_between(NaiveDate::MIN, end).unwrap()[0].date;
    let from = first - chrono::Duration::days(3);
    (store, from, end + chrono::Duration::days(3))
}

fn days(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    from.iter_days().take_while(move |d| *d <= to)
}

/// The weekly CSV as day-by-day reports give it.
fn weekly_day_by_day(store: &Store, from: NaiveDate, to: NaiveDate, p: &Profile) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(week_header()).unwrap();
    for date in days(from, to) {
        let r = report::day_report(store, date, p).unwrap();
        w.write_record(day_row(&r)).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

/// The per-entry CSV as each day's entries give it.
fn entries_day_by_day(store: &Store, from: NaiveDate, to: NaiveDate) -> String {
    let mut w = entries_writer(Vec::new()).unwrap();
    for date in days(from, to) {
        for e in store.entries_on(date).unwrap() {
            w.write_record(entry_row(&e)).unwrap();
        }
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

/// Warnings as the rules give them `wording`: unworded, the same warnings (rule, severity,
/// source, date, entries, order) with empty messages.
fn worded_as(mut ws: Vec<Warning>, wording: Wording) -> Vec<Warning> {
    if wording == Wording::Unworded {
        for w in &mut ws {
            assert!(!w.message.is_empty(), "{w:?}");
            w.message.clear();
        }
    }
    ws
}

/// Entries as a range read them `wording`: unworded, only the fields the rules and totals read.
fn as_read(mut es: Vec<Entry>, wording: Wording) -> Vec<Entry> {
    if wording == Wording::Unworded {
        for e in &mut es {
            (e.item_name, e.unit, e.meal, e.note) = Default::default();
            (e.quantity, e.servings) = (0.0, 0.0);
        }
    }
    es
}

/// Equal, or the first line that differs.
fn same(what: &str, ours: &str, theirs: &str) {
    if let Some((n, (a, b))) =
        (ours.lines().zip(theirs.lines()).enumerate()).find(|(_, (a, b))| a != b)
    {
        panic!("{what}, line {}:\n range: {a}\n daily: {b}", n + 1);
    }
    assert_eq!(ours.len(), theirs.len(), "{what}: lengths");
}

#[test]
fn exports_and_week_views_of_years_are_those_of_day_by_day_reads() {
    let (store, from, to) = diary();
    for warfarin in [false, true] {
        let p = Profile {
            warfarin,
            ..Profile::default()
        };
        let mut weekly = Vec::new();
        write_range_csv(&store, from, to, &p, &mut weekly).unwrap();
        let weekly = String::from_utf8(weekly).unwrap();
        same(
            "weekly CSV",
            &weekly,
            &weekly_day_by_day(&store, from, to, &p),
        );
        assert_eq!(weekly.lines().count() as i64, (to - from).num_days() + 2);

        // What the week and trend views show of each day (runtime::work::span), and the
        // reports of a range (worded).
        for wording in [Wording::Worded, Wording::Unworded] {
            let (mut next, mut warnings) = (from, 0);
            report::for_each_day(&store, from, to, &p, wording, |d: Day<'_>| {
                let one = report::day_report(&store, d.date, &p)?;
                let entries = as_read(one.entries, wording);
                assert_eq!((d.date, d.entries), (next, &entries[..]));
                assert_eq!(DayTotals::of(d.entries), one.totals, "{next}");
                assert_eq!(d.warnings, worded_as(one.warnings, wording), "{next}");
                warnings += d.warnings.len();
                next = next.succ_opt().unwrap();
                Ok::<(), StoreError>(())
            })
            .unwrap();
            assert_eq!(next, to.succ_opt().unwrap());
            assert!(
                warnings > 1_000,
                "{warnings} warnings: the test proves little"
            );
        }
    }
    let mut entries = Vec::new();
    write_entries_range_csv(&store, from, to, &mut entries).unwrap();
    let entries = String::from_utf8(entries).unwrap();
    same(
        "per-entry CSV",
        &entries,
        &entries_day_by_day(&store, from, to),
    );
    assert_eq!(entries.lines().count(), 30_001);
}
