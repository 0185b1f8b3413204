//! The declared history reads and range reads give exactly the warnings and reports of the
//! whole history.

use super::*;
use crate::catalog::Catalog;
use crate::domain::warnings::table;
use crate::domain::{LogRequest, Quantity};
use chrono::NaiveTime;

const DAYS: i64 = 240;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

/// 240 days of supplements at wandering times (some days twice, some skipped: vitamin K swings),
/// levothyroxine, warfarin on some days, and a day now and then with nothing logged: every
/// history rule has something to say.
fn diary() -> Vec<Entry> {
    let cat = Catalog::builtin();
    let mut seed = 7u64;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let mut out = Vec::new();
    for day in 0..DAYS {
        if day % 23 == 11 {
            continue; // nothing logged: the warfarin rule must look further back
        }
        let date = start() + Duration::days(day);
        let mut log = |key: &str, qty: &str, minute: u64| {
            let req = LogRequest {
                item: cat.get(key).unwrap(),
                quantity: Quantity::parse(qty).unwrap(),
                date,
                time: NaiveTime::from_hms_opt((minute / 60) as u32, (minute % 60) as u32, 0)
                    .unwrap(),
                meal: None,
                note: None,
            };
            out.push(Entry::log(req).unwrap());
        };
        for (key, qty) in [
            ("d3", "2000 IU"),
            ("k2-mk7", "100 mcg"),
            ("calcium-citrate", "500 mg"),
        ] {
            let usual = if next(5) == 0 { 20 * 60 } else { 8 * 60 };
            for _ in 0..[0, 1, 1, 1, 1, 1, 2][next(7) as usize] {
                log(key, qty, usual + next(60));
            }
        }
        log("levothyroxine", "1 tablet", 6 * 60 + next(90));
        if day % 9 == 4 {
            log("warfarin", "1 tablet", 21 * 60);
        }
    }
    out.sort_by_key(|e| (e.date, e.time));
    for (i, e) in out.iter_mut().enumerate() {
        e.id = i as i64 + 1;
    }
    out
}

fn ctx(warfarin: bool) -> RuleContext {
    let limit = crate::domain::Limit {
        amount: 2500.0,
        set: crate::domain::RefSet::Seed,
        counts: crate::domain::Counts::All,
        name: "test".into(),
        source: "test".into(),
    };
    RuleContext {
        warfarin,
        limits: vec![(crate::domain::Shown::Calcium, limit)],
    }
}

/// The day and the HISTORY_DAYS before it, out of entries sorted by date.
fn window(all: &[Entry], date: NaiveDate) -> Vec<Entry> {
    let from = date - Duration::days(warnings::HISTORY_DAYS);
    let lo = all.partition_point(|e| e.date < from);
    let hi = all.partition_point(|e| e.date <= date);
    all[lo..hi].to_vec()
}

#[test]
fn declared_history_gives_the_warnings_of_the_whole_history() {
    let all = diary();
    let mut fired = std::collections::HashSet::new();
    for warfarin in [false, true] {
        let ctx = ctx(warfarin);
        for day in 0..DAYS {
            let date = start() + Duration::days(day);
            let window = window(&all, date);
            let whole = warnings::day_warnings_undeclared(date, &window, &ctx);
            assert_eq!(warnings::day_warnings(date, &window, &ctx), whole, "{date}");
            assert_eq!(
                build(date, Window::any(&all), &[], &ctx).warnings,
                whole,
                "{date}"
            );
            fired.extend(whole.iter().map(|w| w.rule));
        }
    }
    for rule in [table::DOSE_TIME, table::K_CONSISTENCY, table::LEVOTHYROXINE] {
        assert!(
            fired.contains(rule),
            "{rule} never fired: the test proves little"
        );
    }
}

#[test]
fn needs_follow_the_rows_and_the_warfarin_days() {
    let all = diary();
    let date = (40..DAYS)
        .map(|d| start() + Duration::days(d))
        .find(|d| {
            let on = |k: &str| all.iter().any(|e| e.date == *d && *e.item_key == *k);
            on("d3") && !on("warfarin")
        })
        .unwrap();
    let today: Vec<Entry> = all.iter().filter(|e| e.date == date).cloned().collect();
    let off = warnings::needs(date, &today, &ctx(false));
    assert_eq!(off.full_days, 1);
    assert_eq!(off.doses, table::DOSE_TIME_DOSES);
    assert!(off.keys.iter().any(|k| k == "d3"));
    assert!(
        !off.keys.iter().any(|k| k == "levothyroxine"),
        "a medication"
    );
    // take-with-fat reads the usual meals from the latest logged days (issue 16: say when),
    // only on a day it warns.
    let meals = crate::domain::plan::HISTORY_LOGGED_DAYS;
    let fat = |d: NaiveDate| {
        let near: Vec<Entry> = (all.iter())
            .filter(|e| e.date == d || e.date == d - Duration::days(1))
            .cloned()
            .collect();
        let warns = warnings::day_warnings(d, &near, &ctx(false))
            .iter()
            .any(|w| w.rule == table::TAKE_WITH_FAT);
        let needs = warnings::needs(d, &near, &ctx(false));
        // Those days word its warning (the meal's name): read in full, never narrowed.
        assert_eq!(needs.worded_days, warns, "{d}");
        (needs.logged_days, warns)
    };
    let days: Vec<(usize, bool)> = (40..DAYS)
        .map(|d| fat(start() + Duration::days(d)))
        .collect();
    assert!(days.contains(&(meals, true)) && days.contains(&(0, false)));
    assert!(
        days.iter()
            .all(|(n, warns)| *n == if *warns { meals } else { 0 })
    );
    let on = warnings::needs(date, &today, &ctx(true));
    assert_eq!(
        on.logged_days,
        table::K_HISTORY_LOGGED_DAYS.max(off.logged_days)
    );
    // On warfarin the vitamin K rule reads a week of days for their figures alone.
    assert_eq!(on.worded_days, off.worded_days);
}

#[test]
fn day_report_reads_from_the_store_what_the_whole_history_gives() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_entries(&diary()).unwrap();
    let all = store
        .entries_between(start(), start() + Duration::days(DAYS))
        .unwrap();
    for warfarin in [false, true] {
        let profile = Profile {
            warfarin,
            ..Profile::default()
        };
        let targets = crate::catalog::target_table().targets(&profile);
        let ctx = rule_context(&profile, &targets);
        for day in (0..DAYS).step_by(3) {
            let date = start() + Duration::days(day);
            let window = window(&all, date);
            let r = day_report(&store, date, &profile).unwrap();
            assert_eq!(
                r.warnings,
                warnings::day_warnings_undeclared(date, &window, &ctx),
                "{date}"
            );
            assert_eq!(
                r.entries,
                window
                    .into_iter()
                    .filter(|e| e.date == date)
                    .collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn range_reports_equal_day_reports() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_entries(&diary()).unwrap();
    let profile = Profile::default();
    let (from, to) = (
        start() + Duration::days(10),
        start() + Duration::days(DAYS - 1),
    );
    let reports = range_reports(&store, from, to, &profile).unwrap();
    assert_eq!(reports.len() as i64, (to - from).num_days() + 1);
    for r in reports.iter().step_by(7) {
        let one = day_report(&store, r.date, &profile).unwrap();
        assert_eq!(
            (&r.entries, &r.warnings),
            (&one.entries, &one.warnings),
            "{}",
            r.date
        );
    }
}

/// Every day of the benchmarks' ten-year diary: the rules given what their rows declare say
/// what they say given the whole history, and the day report read from the store says what the
/// range read says. (Split by profile so the two halves run side by side.)
fn ten_years_equal_the_whole_history(warfarin: bool) {
    let end = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    let spec = crate::synth::Spec::ten_years(end);
    let all = crate::synth::entries(&crate::synth::catalog().unwrap(), &spec).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    store.insert_entries(&all).unwrap();
    let all = store.entries_between(all[0].date, end).unwrap();
    let profile = Profile {
        warfarin,
        ..Profile::default()
    };
    let ctx = rule_context(&profile, &crate::catalog::target_table().targets(&profile));
    let mut count = 0;
    for_each_report(&store, all[0].date, end, &profile, |r| {
        let whole = warnings::day_warnings_undeclared(r.date, &window(&all, r.date), &ctx);
        assert_eq!(r.warnings, whole, "{}", r.date);
        let one = day_report(&store, r.date, &profile)?;
        assert_eq!(one.warnings, whole, "{}", r.date);
        count += whole.len();
        Ok::<(), StoreError>(())
    })
    .unwrap();
    assert!(count > 5_000, "{count} warnings: the test proves little");
}

#[test]
fn every_day_of_ten_years_gives_the_warnings_of_the_whole_history() {
    ten_years_equal_the_whole_history(false);
}

#[test]
fn every_day_of_ten_years_on_warfarin_gives_the_warnings_of_the_whole_history() {
    ten_years_equal_the_whole_history(true);
}

/// Times edited by hand that sort otherwise as text ("8:10" after "08:40", read back as 08:10)
/// put a range's rows out of the rules' order: its windows are then sorted as a day report's
/// are, worded or not.
#[test]
fn a_range_read_out_of_the_rules_order_gives_the_day_reports() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("diary.db");
    Store::open(&path)
        .unwrap()
        .insert_entries(&diary())
        .unwrap();
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("UPDATE entries SET time = ltrim(time, '0') WHERE time < '08:30'")
        .unwrap();
    let store = Store::open(&path).unwrap();
    let profile = Profile::default();
    let (from, to) = (start() + Duration::days(30), start() + Duration::days(120));
    for wording in [Wording::Worded, Wording::Unworded] {
        let mut count = 0;
        for_each_day(&store, from, to, &profile, wording, |d| {
            let mut one = day_report(&store, d.date, &profile)?.warnings;
            if wording == Wording::Unworded {
                one.iter_mut().for_each(|w| w.message.clear());
            }
            assert_eq!(d.warnings, one, "{}", d.date);
            count += one.len();
            Ok::<(), StoreError>(())
        })
        .unwrap();
        assert!(count > 50, "{count} warnings: the test proves little");
    }
}

/// The latest logged days are read in full only on a day they word a warning (take-with-fat's
/// usual meal); for the vitamin K rule on warfarin alone, only their vitamin K totals, summed
/// per day (issue 19: a week of entries was read for seven figures), which are the totals of
/// those days' entries.
#[test]
fn history_days_are_read_in_full_only_when_they_word_a_warning() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_entries(&diary()).unwrap();
    let (mut full, mut narrow) = (0, 0);
    for d in (40..DAYS).map(|d| start() + Duration::days(d)) {
        for warfarin in [false, true] {
            let c = ctx(warfarin);
            let read = super::history::read(&store, d, &c).unwrap();
            let near: Vec<Entry> = (read.entries.iter())
                .filter(|e| e.date >= d - Duration::days(1))
                .cloned()
                .collect();
            let needs = warnings::needs(d, &near, &c);
            // (Earlier doses' times, read before those days, hold no figures: left out.)
            let thin = crate::domain::Nutrients::default();
            let older = (read.entries.iter())
                .filter(|e| e.date < d - Duration::days(1) && e.nutrients != thin);
            let named: Vec<bool> = older.map(|e| !e.item_name.is_empty()).collect();
            if needs.logged_days == 0 {
                assert!(read.logged_k.is_none() && named.is_empty(), "{d}");
            } else if needs.worded_days {
                assert!(read.logged_k.is_none() && named.iter().all(|n| *n), "{d}");
                full += 1;
            } else {
                assert!(named.is_empty(), "{d}");
                let before = d - Duration::days(1);
                let all = store.entries_between(d - Duration::days(warnings::HISTORY_DAYS), before);
                let all = all.unwrap();
                let days: Vec<_> = all.chunk_by(|a, b| a.date == b.date).collect();
                let expect: Vec<_> = days[days.len().saturating_sub(needs.logged_days)..]
                    .iter()
                    .map(|es| warnings::total_of(*es, crate::domain::nutrient::VITAMIN_K))
                    .collect();
                assert_eq!(read.logged_k, Some(expect), "{d}");
                narrow += 1;
            }
        }
    }
    assert!(full > 0 && narrow > 0, "both kinds of day: {full} {narrow}");
}
