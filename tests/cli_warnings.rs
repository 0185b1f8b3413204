//! Warnings on every surface: `intake add`, `intake day` (text and JSON), the weekly CSV.

mod common;
use common::Diary;

#[test]
fn calcium_two_hours_after_levothyroxine_warns_naming_both_times() {
    let d = Diary::new();
    d.ok(&[
        "add",
        "levothyroxine",
        "--at",
        "07:00",
        "--date",
        "2026-11-16",
    ]);
    let out = d.ok(&[
        "add",
        "calcium-citrate",
        "500 mg",
        "--at",
        "09:00",
        "--date",
        "2026-11-16",
    ]);
    let line = out
        .lines()
        .find(|l| l.contains("calcium-levothyroxine-spacing"))
        .unwrap_or_else(|| panic!("no warning in: {out}"));
    assert!(line.contains("07:00") && line.contains("09:00"), "{line}");
    assert!(line.contains("source:"), "{line}");
}

#[test]
fn calcium_four_hours_after_levothyroxine_does_not_warn() {
    let d = Diary::new();
    d.ok(&[
        "add",
        "levothyroxine",
        "--at",
        "07:00",
        "--date",
        "2026-11-16",
    ]);
    let out = d.ok(&[
        "add",
        "calcium-citrate",
        "500 mg",
        "--at",
        "11:00",
        "--date",
        "2026-11-16",
    ]);
    assert!(!out.contains("calcium-levothyroxine-spacing"), "{out}");
}

#[test]
fn day_json_and_csv_count_the_warnings() {
    let d = Diary::new();
    d.ok(&[
        "add",
        "levothyroxine",
        "--at",
        "07:00",
        "--date",
        "2026-11-16",
    ]);
    d.ok(&[
        "add",
        "calcium-citrate",
        "500 mg",
        "--at",
        "09:00",
        "--date",
        "2026-11-16",
    ]);
    let json: serde_json::Value =
        serde_json::from_str(&d.ok(&["day", "2026-11-16", "--json"])).unwrap();
    let rules: Vec<&str> = json["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["rule"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"calcium-levothyroxine-spacing"),
        "{rules:?}"
    );
    assert!(
        d.ok(&["day", "2026-11-16"])
            .contains("calcium-levothyroxine-spacing")
    );
    let csv = d.ok(&["export", "--week", "2026-W47"]);
    let monday = csv.lines().nth(1).unwrap();
    assert!(
        monday.ends_with("calcium-levothyroxine-spacing")
            || monday.contains("calcium-levothyroxine-spacing;"),
        "{monday}"
    );
}

#[test]
fn warfarin_profile_flags_a_k2_supplement() {
    let d = Diary::new();
    d.ok(&["profile", "set", "--warfarin", "yes"]);
    let out = d.ok(&[
        "add",
        "k2-mk7",
        "180 mcg",
        "--at",
        "08:00",
        "--date",
        "2026-11-16",
    ]);
    assert!(out.contains("vitamin-k-warfarin"), "{out}");
}
