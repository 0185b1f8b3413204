//! Property tests: the quantity, time, date and week parsers never panic, accept exactly what they
//! say, and round-trip; range arithmetic keeps its invariants (lo ≤ hi, unknowns counted, order-free).

use chrono::{Datelike, Duration, NaiveDate, Timelike};
use intake::domain::units::MassUnit;
use intake::domain::week::{days_between, parse_date, parse_time, parse_week, week_label};
use intake::domain::{Milli, Quantity, Total, Unit, Value};
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..=9999, 1u32..=366)
        .prop_filter_map("a day of that year", |(y, o)| NaiveDate::from_yo_opt(y, o))
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Unknown),
        (0i64..10_000_000).prop_map(|v| Value::from_bounds(Milli(v), Milli(v))),
        (0i64..10_000_000, 0i64..10_000_000)
            .prop_map(|(a, b)| Value::from_bounds(Milli(a), Milli(b))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn quantity_parse_never_panics_and_errors_are_one_line(s in any::<String>()) {
        match Quantity::parse(&s) {
            Ok(q) => prop_assert!(q.amount.is_finite() && q.amount > 0.0 && q.amount <= 1e9),
            Err(e) => prop_assert_eq!(e.to_string().lines().count(), 1),
        }
    }

    #[test]
    fn quantity_reads_back_the_amount_and_unit_typed(
        milli in 1u32..100_000_000,
        unit in prop::sample::select(vec!["", "g", "mg", "oz", "IU", "mcg", "cup", "tbsp"]),
        space in any::<bool>(),
    ) {
        let amount = f64::from(milli) / 1000.0;
        let typed = format!("{amount}{}{unit}", if space { " " } else { "" });
        let q = Quantity::parse(&typed).unwrap();
        prop_assert_eq!(q.amount, amount);
        prop_assert_eq!(q.unit.clone(), Unit::parse(unit));
        prop_assert_eq!(Quantity::parse(&typed.replace('.', ",")).unwrap().amount, amount);
        if unit == "g" {
            prop_assert_eq!(q.unit, Unit::Mass(MassUnit::G));
        }
    }

    #[test]
    fn quantity_refuses_zero_negative_and_not_a_number(
        amount in -1e6f64..=0.0,
        word in "[a-z]{1,8}",
    ) {
        let negative = format!("{amount} g");
        let words = format!("{word} g");
        let by_zero = format!("{}/0 cup", amount.abs() + 1.0);
        for typed in [negative, words, by_zero] {
            prop_assert!(Quantity::parse(&typed).is_err(), "{} was accepted", typed);
        }
    }

    #[test]
    fn fractions_are_their_quotient(a in 1u32..1000, b in 1u32..1000) {
        let q = Quantity::parse(&format!("{a}/{b} cup")).unwrap();
        prop_assert_eq!(q.amount, f64::from(a) / f64::from(b));
    }

    #[test]
    fn every_clock_time_round_trips_and_nothing_else_is_a_time(h in 0u32..40, m in 0u32..80) {
        let typed = format!("{h:02}:{m:02}");
        match parse_time(&typed) {
            Ok(t) => {
                prop_assert!(h < 24 && m < 60);
                prop_assert_eq!((t.hour(), t.minute(), t.second()), (h, m, 0));
                prop_assert_eq!(t.format("%H:%M").to_string(), typed);
            }
            Err(e) => {
                prop_assert!(h >= 24 || m >= 60);
                prop_assert!(e.to_string().contains("HH:MM"));
            }
        }
    }

    #[test]
    fn time_parse_never_panics_and_drops_seconds(s in any::<String>()) {
        if let Ok(t) = parse_time(&s) {
            prop_assert_eq!(t.second(), 0);
            prop_assert_eq!(t.nanosecond(), 0);
        }
    }

    #[test]
    fn every_date_round_trips(d in any_date()) {
        let typed = d.format("%Y-%m-%d").to_string();
        prop_assert_eq!(parse_date(&typed, today()), Ok(d));
        prop_assert_eq!(parse_week(&week_label(d.iso_week()), today()), Ok(d.iso_week()));
        prop_assert_eq!(parse_week(&typed, today()), Ok(d.iso_week()));
    }

    #[test]
    fn impossible_dates_are_refused(y in 1900i32..=9999, m in 1u32..=12, day in 29u32..=40) {
        let typed = format!("{y:04}-{m:02}-{day:02}");
        let real = NaiveDate::from_ymd_opt(y, m, day);
        prop_assert_eq!(parse_date(&typed, today()).ok(), real);
    }

    #[test]
    fn date_and_week_parse_never_panic(s in any::<String>()) {
        if let Ok(d) = parse_date(&s, today()) {
            prop_assert!((1900..=9999).contains(&d.year()) || (d - today()).num_days().abs() <= 1);
        }
        let _ = parse_week(&s, today());
    }

    #[test]
    fn day_ranges_hold_every_day_once(from in any_date(), len in 0i64..800) {
        let to = from + Duration::days(len);
        let days = days_between(from, to).unwrap();
        prop_assert_eq!(days.len() as i64, len + 1);
        prop_assert!(days.windows(2).all(|w| w[1] - w[0] == Duration::days(1)));
        prop_assert_eq!((days[0], days[days.len() - 1]), (from, to));
        if len > 0 {
            prop_assert!(days_between(to, from).is_err());
        }
    }

    #[test]
    fn values_keep_lo_below_hi_and_scale_with_it(v in value(), factor in 0.0f64..1000.0) {
        for x in [v, v.scale(factor)] {
            if let Some((lo, hi)) = x.bounds() {
                prop_assert!(lo <= hi);
                prop_assert_eq!(lo == hi, matches!(x, Value::Exact { .. }));
            }
        }
        prop_assert_eq!(v.is_unknown(), v.scale(factor).is_unknown());
    }

    #[test]
    fn totals_sum_the_ends_count_unknowns_and_ignore_order(
        vs in prop::collection::vec(value(), 0..40),
        split in 0usize..40,
    ) {
        let mut all = Total::default();
        vs.iter().for_each(|v| all.add(*v));
        let lo: i64 = vs.iter().filter_map(|v| v.bounds()).map(|b| b.0.0).sum();
        let hi: i64 = vs.iter().filter_map(|v| v.bounds()).map(|b| b.1.0).sum();
        prop_assert_eq!((all.lo.0, all.hi.0), (lo, hi));
        prop_assert!(all.lo <= all.hi);
        let unknown = vs.iter().filter(|v| v.is_unknown()).count() as u32;
        prop_assert_eq!(all.unknown, unknown);
        prop_assert_eq!(all.known as usize + unknown as usize, vs.len());
        prop_assert_eq!(all.is_lower_bound(), unknown > 0);
        if unknown > 0 {
            prop_assert!(all.display().starts_with("≥") || all.display() == "?");
            prop_assert_eq!(all.display() == "?", all.hi.0 == 0, "? only when nothing known is above 0");
        }

        let (a, b) = vs.split_at(split.min(vs.len()));
        let (mut ta, mut tb) = (Total::default(), Total::default());
        a.iter().for_each(|v| ta.add(*v));
        b.iter().rev().for_each(|v| tb.add(*v));
        tb.merge(&ta);
        prop_assert_eq!(tb, all);
    }

    #[test]
    fn sums_saturate_instead_of_overflowing(a in any::<i64>(), b in any::<i64>()) {
        let mut t = Total::default();
        t.add(Value::from_bounds(Milli(a), Milli(b)));
        t.add(Value::from_bounds(Milli(a), Milli(b)));
        prop_assert!(t.lo <= t.hi);
    }
}
