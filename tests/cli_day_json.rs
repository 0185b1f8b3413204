//! `intake day --json` gives each entry's nutrients by name and in the units of the totals
//! (issue 14.15). Before, they were an unlabelled list in thousandths of the unit
//! (`{"kind":"exact","v":5000000}` for 5000 IU) beside totals in units.

mod common;
use common::Diary;
use serde_json::Value;

fn day_json(d: &Diary) -> Value {
    serde_json::from_str(&d.ok(&["day", "2026-11-16", "--json"])).unwrap()
}

#[test]
fn entry_nutrients_are_named_and_in_the_units_of_the_totals() {
    let d = Diary::new();
    let on = ["--date", "2026-11-16", "--at"];
    d.ok(&[&["add", "d3", "5000 IU"][..], &on, &["08:00"]].concat());
    d.ok(&[&["add", "milk", "1 cup"][..], &on, &["09:00"]].concat());
    let j = day_json(&d);
    let entries = j["entries"].as_array().unwrap();
    let d3 = &entries[0]["nutrients"]["vitamin_d3_iu"];
    assert_eq!(
        d3,
        &serde_json::json!({"unit": "IU", "amount": 5000.0, "low": 5000.0, "high": 5000.0,
            "lower_bound": false}),
        "{}",
        entries[0]
    );
    // Every nutrient of every entry, by name: unknown is null, never 0.
    for e in entries {
        let n = e["nutrients"].as_object().unwrap();
        assert_eq!(n.len(), 10, "{e}");
        for (key, v) in n {
            assert!(v["unit"].is_string(), "{key}: {v}");
            if v["amount"].is_null() {
                assert!(v["low"].is_null() && v["high"].is_null(), "{key}: {v}");
            }
        }
    }
    // The same units as the totals: the entries' calcium adds up to the day's.
    let sum: f64 = entries
        .iter()
        .map(|e| e["nutrients"]["calcium_mg"]["amount"].as_f64().unwrap())
        .sum();
    let total = j["totals"]["calcium"]["amount"].as_f64().unwrap();
    assert!((sum - total).abs() < 1e-9, "{sum} vs {total}");
    assert_eq!(j["totals"]["calcium"]["unit"], "mg");
    assert_eq!(entries[1]["nutrients"]["calcium_mg"]["unit"], "mg");
}
