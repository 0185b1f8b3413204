//! Entries whose time is unknown (imported history): every timing rule skips them (never counted
//! at noon or midnight), while the daily amounts still count them. Each case checks the same
//! entries with times first, so the test fails if the rule never fires at all.

mod warnings_support;
use chrono::Duration;
use intake::domain::{Entry, Nutrient};
use warnings_support::*;

const SINGLE: &str = "calcium-single-dose";
const LEVO: &str = "calcium-levothyroxine-spacing";
const FAT: &str = "take-with-fat";
const DT: &str = "dose-time-consistency";
const LIMIT: &str = "calcium-daily-limit";

/// The warnings of `rule` for `es` as given, and with entry `id`'s time unknown.
fn timed_then_untimed(rule: &str, es: &[Entry], id: i64) -> (usize, usize) {
    let untimed_es: Vec<Entry> = es
        .iter()
        .cloned()
        .map(|e| if e.id == id { untimed(e) } else { e })
        .collect();
    (of_rule(rule, es).len(), of_rule(rule, &untimed_es).len())
}

#[test]
fn calcium_levothyroxine_spacing_skips_either_entry_without_a_time() {
    let es = [
        med(1, "Levothyroxine", "thyroid-hormone", "07:00"),
        citrate(2, "08:00", ex(500.0)),
    ];
    assert_eq!(timed_then_untimed(LEVO, &es, 1), (1, 0), "medicine untimed");
    assert_eq!(timed_then_untimed(LEVO, &es, 2), (1, 0), "calcium untimed");
}

#[test]
fn single_dose_skips_doses_without_a_time() {
    let es = [
        citrate(1, "09:00", ex(300.0)),
        citrate(2, "09:30", ex(300.0)),
    ];
    assert_eq!(timed_then_untimed(SINGLE, &es, 2), (1, 0));
    // One big dose is over on its own, whenever it was taken... but without a time the rule,
    // which is about one sitting, does not claim it.
    let big = [citrate(1, "09:00", ex(900.0))];
    assert_eq!(timed_then_untimed(SINGLE, &big, 1), (1, 0));
}

#[test]
fn take_with_fat_skips_a_supplement_or_a_meal_without_a_time() {
    let lean = [d3(1, "09:00", ex(1000.0))];
    assert_eq!(timed_then_untimed(FAT, &lean, 1), (1, 0), "no food: fires");
    let with_meal = [
        d3(1, "09:00", ex(1000.0)),
        food(2, "Eggs", "09:10", &[(Nutrient::Fat, ex(10.0))]),
    ];
    // A lean meal an hour off fires; the same meal without a time may have been with it: silent.
    let far_meal = [
        d3(1, "09:00", ex(1000.0)),
        food(2, "Eggs", "12:00", &[(Nutrient::Fat, ex(10.0))]),
    ];
    assert_eq!(timed_then_untimed(FAT, &far_meal, 2), (1, 0));
    assert_eq!(timed_then_untimed(FAT, &with_meal, 2), (0, 0));
}

#[test]
fn dose_time_skips_an_untimed_dose_today_and_in_the_history() {
    let day = |d: i64| format!("{} 08:00", date(DAY) - Duration::days(d));
    let mut es: Vec<Entry> = (1..=3).map(|d| k2(100 + d, &day(d), ex(100.0))).collect();
    es.push(k2(1, "20:00", ex(100.0)));
    assert_eq!(timed_then_untimed(DT, &es, 1), (1, 0), "today untimed");
    // One of the three history days untimed: two days are no habit.
    assert_eq!(timed_then_untimed(DT, &es, 101), (1, 0), "history untimed");
}

#[test]
fn daily_amounts_still_count_entries_without_a_time() {
    let es = [
        citrate(1, "09:00", ex(1500.0)),
        citrate(2, "20:00", ex(1500.0)),
    ];
    assert_eq!(timed_then_untimed(LIMIT, &es, 2), (1, 1));
    let w = &of_rule(LIMIT, &[es[0].clone(), untimed(es[1].clone())])[0];
    assert!(w.message.contains("(time unknown)"), "{}", w.message);
    assert!(!w.message.contains("12:00"), "{}", w.message);
}
