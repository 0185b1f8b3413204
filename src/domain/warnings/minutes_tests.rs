use super::*;
use chrono::{NaiveTime, Timelike};

/// Equal to chrono's subtraction over pairs across days, years and both directions, with
/// seconds and nanoseconds (times the diary never has, but an entry may) and leap seconds.
#[test]
fn minutes_between_is_what_chrono_subtraction_gives() {
    let cat = crate::catalog::Catalog::builtin();
    let mut e = crate::demo::sample_entries(&cat, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
        .unwrap()
        .remove(0);
    let mut seed = 11u64;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let base = NaiveDate::from_ymd_opt(1999, 12, 20).unwrap();
    let mut at = |next: &mut dyn FnMut(u64) -> u64| {
        let date = base + chrono::Duration::days(next(800) as i64);
        let (s, n) = (
            next(86_400) as u32,
            next(4) as u32 * 333_333_334 % 2_000_000_000,
        );
        let time = NaiveTime::from_num_seconds_from_midnight_opt(s, n)
            .or_else(|| NaiveTime::from_num_seconds_from_midnight_opt(s, 0));
        e.date = date;
        e.time = time;
        e.clone()
    };
    for _ in 0..20_000 {
        let (a, b) = (at(&mut next), at(&mut next));
        let chrono = (b.at().unwrap() - a.at().unwrap()).num_minutes();
        assert_eq!(
            minutes_between(&a, &b),
            Some(chrono),
            "{:?} {:?}",
            a.at(),
            b.at()
        );
    }
    let leap = NaiveTime::from_hms_nano_opt(23, 59, 59, 1_500_000_000).unwrap();
    assert!(leap.nanosecond() >= 1_000_000_000);
    let (mut a, b) = (at(&mut next), at(&mut next));
    a.time = Some(leap);
    let chrono = (b.at().unwrap() - a.at().unwrap()).num_minutes();
    assert_eq!(minutes_between(&a, &b), Some(chrono));
    a.time = None;
    assert_eq!(minutes_between(&a, &b), None);
}

/// `around` holds every entry of a sorted window within the minutes asked (and others only
/// near them, or without a time), over entries across midnight, without a time, and with a leap second.
#[test]
fn around_holds_every_entry_within_the_minutes() {
    let cat = crate::catalog::Catalog::builtin();
    let base = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let e = crate::demo::sample_entries(&cat, base).unwrap().remove(0);
    let mut es: Vec<Entry> = Vec::new();
    for i in 0..400i64 {
        let mut x = e.clone();
        x.id = i;
        x.date = base + chrono::Duration::days(i % 3);
        let minute = (i * 37) % 1440;
        x.time = match i % 11 {
            0 => None,
            1 => NaiveTime::from_hms_nano_opt(23, 59, 59, 1_500_000_000),
            _ => NaiveTime::from_hms_opt((minute / 60) as u32, (minute % 60) as u32, 0),
        };
        es.push(x);
    }
    let sorted = by_time(Window::any(&es));
    for m in [0, 1, 59, 60, 61, 120, 360] {
        for a in &sorted {
            let near = around(&sorted, a, m);
            for b in &sorted {
                let within = minutes_between(a, b).is_some_and(|d| d.abs() <= m);
                let found = near.iter().any(|n| std::ptr::eq(*n, *b));
                assert!(!within || found, "{m} min: {:?} {:?}", a.at(), b.at());
            }
            let timed = near.iter().filter(|b| b.time.is_some());
            assert!(
                timed
                    .into_iter()
                    .all(|b| minutes_between(a, b).is_some_and(|d| d.abs() <= m + 3))
            );
        }
    }
}

#[test]
fn a_ranges_buffer_keeps_its_storage_between_days() {
    let cat = crate::catalog::Catalog::builtin();
    let base = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let es = crate::demo::sample_entries(&cat, base).unwrap();
    let mut buf = super::Buffer::default();
    let mut sorted = buf.take();
    super::sort_into(Window::any(&es), &mut sorted);
    let (at, capacity) = (sorted.as_ptr() as usize, sorted.capacity());
    assert_eq!(sorted.len(), es.len());
    buf.keep(sorted);
    let again = buf.take();
    assert!(again.is_empty());
    assert_eq!((again.as_ptr() as usize, again.capacity()), (at, capacity));
}

#[test]
fn a_tails_view_found_from_the_days_starts_is_the_view_searched_for() {
    let cat = crate::catalog::Catalog::builtin();
    let base = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let mut es = Vec::new();
    for d in [0, 1, 2, 5, 30, 31] {
        es.extend(crate::demo::sample_entries(&cat, base + chrono::Duration::days(d)).unwrap());
    }
    let sorted = by_time(Window::any(&es));
    for d in [0, 1, 2, 3, 5, 6, 30, 31, 32] {
        let day = base + chrono::Duration::days(d);
        let at = rule::Starts::of(day, &sorted);
        for reads in [Reads::Day, Reads::DayBefore, Reads::LoggedDays(2)] {
            let Cow::Borrowed(tail) = rule::pick_at(day, &sorted, reads, at) else {
                panic!("{reads:?} is a tail");
            };
            let found = View::of_tail(day, tail, &sorted, Wording::Worded, at);
            let searched = View::new(day, tail, &sorted, Wording::Worded);
            assert_eq!(found.today(), searched.today(), "{day} {reads:?}");
            assert_eq!(found.recent(), searched.recent(), "{day} {reads:?}");
        }
        assert_eq!(
            rule::pick_at(day, &sorted, Reads::LastDoses(2), at),
            rule::pick(day, &sorted, Reads::LastDoses(2))
        );
    }
}
