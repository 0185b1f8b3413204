//! The history rules (vitamin K consistency on warfarin, dose-time consistency), and the engine
//! as a whole: order, JSON shape, the rule table and the README.

mod warnings_support;
use chrono::Duration;
use intake::domain::warnings::{HISTORY_DAYS, Severity, day_warnings, table};
use intake::domain::{Entry, Nutrient, Value};
use warnings_support::*;

const KC: &str = "vitamin-k-consistency";
const DT: &str = "dose-time-consistency";

/// "YYYY-MM-DD HH:MM" for `days_before` DAY.
fn before(days_before: i64, hm: &str) -> String {
    format!("{} {hm}", date(DAY) - Duration::days(days_before))
}

/// Spinach with this much K1 on each of the given previous days, at noon.
fn k_history(days: &[i64], k1: Value) -> Vec<Entry> {
    days.iter()
        .map(|d| {
            food(
                100 + d,
                "Spinach",
                &before(*d, "12:00"),
                &[(Nutrient::K1, k1)],
            )
        })
        .collect()
}

fn kc(hist: Vec<Entry>, today: Value, c: &intake::domain::warnings::RuleContext) -> usize {
    let mut es = hist;
    es.push(food(1, "Kale", "12:00", &[(Nutrient::K1, today)]));
    of_rule_on(KC, DAY, &es, c).len()
}

#[test]
fn vitamin_k_consistency_table() {
    let week = [1, 2, 3, 4, 5, 6, 7];
    let cases: Vec<(&str, Vec<Entry>, Value, usize)> = vec![
        (
            "30 % above is the line",
            k_history(&week, ex(100.0)),
            ex(130.0),
            0,
        ),
        ("just above it", k_history(&week, ex(100.0)), ex(131.0), 1),
        (
            "30 % below is the line",
            k_history(&week, ex(100.0)),
            ex(70.0),
            0,
        ),
        ("just below it", k_history(&week, ex(100.0)), ex(69.0), 1),
        (
            "only two logged days",
            k_history(&[1, 2], ex(100.0)),
            ex(500.0),
            0,
        ),
        (
            "three logged days, with gaps",
            k_history(&[2, 9, 20], ex(100.0)),
            ex(500.0),
            1,
        ),
        (
            "beyond the history window",
            k_history(&[1, 2, HISTORY_DAYS + 1], ex(100.0)),
            ex(500.0),
            0,
        ),
        (
            "history with unknowns: no certain mean",
            k_history(&week, UNKNOWN),
            ex(500.0),
            0,
        ),
        (
            "today unknown: no certain total",
            k_history(&week, ex(100.0)),
            UNKNOWN,
            0,
        ),
        (
            "nothing before, some today",
            k_history(&week, ex(0.0)),
            ex(1.0),
            1,
        ),
    ];
    for (case, hist, today, want) in cases {
        assert_eq!(kc(hist, today, &on_warfarin()), want, "{case}");
    }
}

#[test]
fn vitamin_k_consistency_needs_warfarin_and_uses_the_last_seven_logged_days() {
    let week = [1, 2, 3, 4, 5, 6, 7];
    assert_eq!(
        kc(k_history(&week, ex(100.0)), ex(500.0), &ctx()),
        0,
        "not on warfarin"
    );
    // An eighth, older day with a huge amount is not in the mean.
    let mut hist = k_history(&week, ex(100.0));
    hist.extend(k_history(&[8], ex(10_000.0)));
    assert_eq!(kc(hist, ex(131.0), &on_warfarin()), 1);
    // An unknown part today still leaves a certain "above".
    let mut es = k_history(&week, ex(100.0));
    es.push(food(1, "Kale", "12:00", &[(Nutrient::K1, ex(200.0))]));
    es.push(food(2, "Stew", "19:00", &[(Nutrient::K1, UNKNOWN)]));
    let w = of_rule_on(KC, DAY, &es, &on_warfarin());
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].severity, Severity::Caution);
    assert_eq!(w[0].entries, vec![1]);
    assert!(w[0].message.contains("≥ 200 mcg"), "{}", w[0].message);
    assert!(
        w[0].message.contains("Kale 1 serving at 12:00"),
        "{}",
        w[0].message
    );
    assert!(
        w[0].message.contains("previous 7 logged days (100 mcg)"),
        "{}",
        w[0].message
    );
    assert!(
        w[0].message
            .contains("the 30 % and the 7 days are intake's threshold"),
        "{}",
        w[0].message
    );
}

/// A K2 supplement at `usual` on the given previous days and at `now` on DAY.
fn dt(days: &[i64], usual: &str, now: &str) -> usize {
    let mut es: Vec<Entry> = days
        .iter()
        .map(|d| k2(100 + d, &before(*d, usual), ex(100.0)))
        .collect();
    es.push(k2(1, now, ex(100.0)));
    of_rule(DT, &es).len()
}

#[test]
fn dose_time_table() {
    let week = [1, 2, 3, 4, 5, 6, 7];
    let cases = [
        ("3 h later is the line", &week[..], "08:00", "11:00", 0),
        ("just past it", &week[..], "08:00", "11:01", 1),
        ("3 h earlier is the line", &week[..], "08:00", "05:00", 0),
        ("just before it", &week[..], "08:00", "04:59", 1),
        ("across midnight, 1 h", &week[..], "23:30", "00:30", 0),
        ("across midnight, 4 h 1 min", &week[..], "23:30", "03:31", 1),
        ("two days are no habit", &week[..2], "08:00", "20:00", 0),
        ("three days are", &week[..3], "08:00", "20:00", 1),
    ];
    for (case, days, usual, now, want) in cases {
        assert_eq!(dt(days, usual, now), want, "{case}");
    }
}

#[test]
fn dose_time_median_ignores_an_odd_day_and_split_doses_are_left_alone() {
    let mut es: Vec<Entry> = [1, 2, 3, 4, 5]
        .iter()
        .map(|d| k2(100 + d, &before(*d, "08:00"), ex(100.0)))
        .collect();
    es.push(k2(106, &before(6, "20:00"), ex(100.0)));
    es.push(k2(107, &before(7, "21:00"), ex(100.0)));
    es.push(k2(1, "08:30", ex(100.0)));
    assert!(of_rule(DT, &es).is_empty());
    es.push(k2(2, "20:00", ex(100.0)));
    assert!(of_rule(DT, &es).is_empty(), "taken twice today");
    let w = of_rule(
        DT,
        &[
            es[0].clone(),
            es[1].clone(),
            es[2].clone(),
            k2(1, "14:00", ex(100.0)),
        ],
    );
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].severity, Severity::Info);
    assert!(
        w[0].message.contains("6 h from its usual time 08:00"),
        "{}",
        w[0].message
    );
    assert!(w[0].message.contains("at 14:00"), "{}", w[0].message);
    assert!(
        w[0].message.contains("the 3 h is intake's threshold"),
        "{}",
        w[0].message
    );
}

#[test]
fn dose_time_is_for_supplements_only() {
    let es: Vec<Entry> = (1..=7)
        .map(|d| {
            med(
                100 + d,
                "Levothyroxine",
                "thyroid-hormone",
                &before(d, "07:00"),
            )
        })
        .chain([med(1, "Levothyroxine", "thyroid-hormone", "15:00")])
        .collect();
    assert!(of_rule(DT, &es).is_empty());
    let milk: Vec<Entry> = (1..=7)
        .map(|d| food(100 + d, "Milk", &before(d, "07:00"), &[]))
        .chain([food(1, "Milk", "15:00", &[])])
        .collect();
    assert!(of_rule(DT, &milk).is_empty());
}

#[test]
fn a_quiet_day_has_no_warnings() {
    let es = [
        food(
            1,
            "Oatmeal with milk",
            "07:30",
            &[
                (Nutrient::Fat, ex(8.0)),
                (Nutrient::Calcium, ex(300.0)),
                (Nutrient::Magnesium, ex(300.0)),
            ],
        ),
        d3(2, "07:45", ex(1000.0)),
        k2(3, "07:45", ex(100.0)),
        med(4, "Levothyroxine", "thyroid-hormone", "2026-11-19 06:00"),
        citrate(5, "19:00", ex(250.0)),
    ];
    assert_eq!(day_warnings(date(DAY), &es, &ctx()), vec![]);
}

#[test]
fn warnings_come_alerts_first_and_serialise_for_json() {
    let es = [
        k2(1, "08:00", ex(100.0)),
        med(2, "Levothyroxine", "thyroid-hormone", "07:00"),
        citrate(3, "08:00", ex(600.0)),
    ];
    let ws = day_warnings(date(DAY), &es, &on_warfarin());
    let sev: Vec<Severity> = ws.iter().map(|w| w.severity).collect();
    let mut sorted = sev.clone();
    sorted.sort_by_key(|s| std::cmp::Reverse(*s as u8));
    assert_eq!(sev, sorted);
    assert_eq!(ws[0].rule, "vitamin-k-warfarin");
    let json = serde_json::to_value(&ws[0]).unwrap();
    assert_eq!(json["severity"], "alert");
    assert_eq!(json["rule"], "vitamin-k-warfarin");
    assert_eq!(json["date"], DAY);
    assert_eq!(json["entries"], serde_json::json!([1]));
}

#[test]
fn every_rule_is_in_the_table_once_and_in_the_readme() {
    let ids: Vec<&str> = table::RULES.iter().map(|r| r.id).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    // 14 since issue 13 added magnesium-supplement-limit.
    assert_eq!(unique.len(), 14);
    assert_eq!(ids.len(), 14);
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for id in ids {
        assert!(readme.contains(&format!("`{id}`")), "README misses {id}");
    }
    assert!(readme.contains("do not replace a clinician"));
}

/// Issue 13: a tag no rule reads promises something it does not do (`take-with-food`,
/// `antibiotic` and `magnesium-supplement` were such tags and are gone).
#[test]
fn every_built_in_tag_is_read_by_a_rule() {
    let read = table::tags_read();
    let catalog = intake::catalog::Catalog::builtin();
    for item in catalog.items() {
        for tag in &item.tags {
            assert!(
                read.contains(&tag.as_str()),
                "{}: no rule reads `{tag}`",
                item.key
            );
        }
    }
}
