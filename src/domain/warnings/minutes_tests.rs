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
