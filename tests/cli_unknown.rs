//! Unknown is never shown as 0 on the command line (issue 13): no percentage or standing for a
//! total that says nothing, `≥` on every lower-bound percentage.

mod common;
use common::Diary;

/// Foods of the user's own whose figures do not move when the catalog is completed: a milk that
/// gives calcium only and a natto that gives K2 MK-7 only (everything else unknown).
fn lab_diary() -> Diary {
    let d = Diary::new();
    d.ok(&[
        "item",
        "add",
        "lab-milk",
        "--name",
        "Lab milk",
        "--serving",
        "1 cup",
        "--calcium",
        "300",
    ]);
    d.ok(&[
        "item",
        "add",
        "lab-natto",
        "--name",
        "Lab natto",
        "--serving",
        "3 oz",
        "--k2-mk7",
        "850",
    ]);
    d
}

fn json(d: &Diary, date: &str) -> serde_json::Value {
    serde_json::from_str(&d.ok(&["day", date, "--json"])).unwrap()
}

/// Lab milk gives no magnesium; the D3 supplement gives a known 0: the day's magnesium is "≥ 0",
/// which says nothing.
fn milk_and_d3(d: &Diary, date: &str) {
    d.ok(&["add", "lab-milk", "1 cup", "--date", date, "--at", "08:00"]);
    d.ok(&["add", "d3", "1000 IU", "--date", date, "--at", "08:05"]);
}

#[test]
fn only_unknown_magnesium_is_a_question_mark_never_zero_percent() {
    let d = lab_diary();
    milk_and_d3(&d, "2026-11-16");
    let text = d.ok(&["day", "2026-11-16"]);
    let mg = text.lines().find(|l| l.starts_with("Magnesium")).unwrap();
    assert!(mg.contains("? mg") && mg.contains("unknown"), "{mg}");
    assert!(!mg.contains("0%") && !mg.contains("below"), "{mg}");
    let j = json(&d, "2026-11-16");
    let m = &j["totals"]["magnesium"];
    assert!(
        m["pct"].is_null() && m["standing"].is_null() && m["amount"].is_null(),
        "{m}"
    );
    assert_eq!(m["lower_bound"], true);
    let ca = &j["totals"]["calcium"];
    assert_eq!(
        (ca["pct"].as_f64(), ca["standing"].as_str()),
        (Some(30.0), Some("below"))
    );
}

#[test]
fn a_lower_bound_percentage_carries_a_sign_in_text() {
    let d = lab_diary();
    d.ok(&[
        "add",
        "lab-milk",
        "1 cup",
        "--date",
        "2026-11-16",
        "--at",
        "08:00",
    ]);
    d.ok(&[
        "add",
        "d3",
        "1000 IU",
        "--date",
        "2026-11-16",
        "--at",
        "08:05",
    ]);
    let text = d.ok(&["day", "2026-11-16"]);
    let vd = text.lines().find(|l| l.starts_with("Vitamin D")).unwrap();
    assert!(vd.contains("≥ 1000 IU") && vd.contains("≥ 100%"), "{vd}");
    let week = d.ok(&["week", "2026-W47"]);
    let mon = week.lines().find(|l| l.contains("2026-11-16")).unwrap();
    assert!(mon.contains("≥ 1000 ≥ 100%"), "{mon}");
}

#[test]
fn weekly_csv_leaves_pct_empty_when_the_total_is_entirely_unknown() {
    let d = lab_diary();
    // Lab natto gives no calcium, the D3 tablet a known 0: calcium "≥ 0" says nothing.
    d.ok(&[
        "add",
        "lab-natto",
        "3 oz",
        "--date",
        "2026-11-16",
        "--at",
        "08:00",
    ]);
    d.ok(&[
        "add",
        "d3",
        "1000 IU",
        "--date",
        "2026-11-16",
        "--at",
        "08:05",
    ]);
    let csv = d.ok(&["export", "--week", "2026-W47"]);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let mon: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| mon[header.iter().position(|h| *h == name).unwrap()];
    assert_eq!((col("calcium_mg"), col("calcium_pct")), ("", ""), "{mon:?}");
    assert_eq!(col("calcium_target_mg"), "1000");
    assert_eq!(col("magnesium_mg"), "");
    assert!(
        col("incomplete").split(';').any(|n| n == "calcium"),
        "{mon:?}"
    );
    assert_eq!(col("vitamin_k2_mcg"), "850");
}
