//! Every subcommand through the real binary.

mod common;
use common::Diary;

#[test]
fn add_prints_the_entry_with_its_nutrients() {
    let d = Diary::new();
    let out = d.ok(&[
        "add",
        "sardines",
        "3",
        "oz",
        "--date",
        "2026-11-16",
        "--at",
        "12:30",
        "--meal",
        "lunch",
    ]);
    assert!(out.contains("Sardines"), "{out}");
    assert!(out.contains("Ca 325 mg"), "{out}");
    let out = d.ok(&[
        "add",
        "natto",
        "3 oz",
        "--date",
        "2026-11-16",
        "--at",
        "08:00",
    ]);
    assert!(out.contains("K2 850 mcg"), "{out}");
}

#[test]
fn add_by_unique_query_and_default_serving() {
    let d = Diary::new();
    let out = d.ok(&[
        "add",
        "collard greens cooked",
        "--date",
        "2026-11-16",
        "--at",
        "18:00",
    ]);
    assert!(out.contains("Collard greens, cooked 1 cup"), "{out}");
    assert!(out.contains("Ca 270 mg"), "{out}");
}

#[test]
fn day_text_and_json_show_totals_and_lower_bounds() {
    let d = Diary::new();
    d.ok(&[
        "add",
        "milk",
        "2 cup",
        "--date",
        "2026-11-16",
        "--at",
        "08:00",
    ]);
    d.ok(&[
        "add",
        "cheese",
        "1 oz",
        "--date",
        "2026-11-16",
        "--at",
        "12:00",
    ]);
    let text = d.ok(&["day", "2026-11-16"]);
    assert!(text.contains("800–900 mg"), "{text}");
    assert!(text.contains("Monday 2026-11-16"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&d.ok(&["day", "2026-11-16", "--json"])).unwrap();
    let ca = &json["totals"]["calcium"];
    assert_eq!(ca["amount"], 850.0);
    assert_eq!(ca["low"], 800.0);
    assert_eq!(ca["high"], 900.0);
    assert_eq!(ca["lower_bound"], false);
    // Milk and cheese take their vitamin D from USDA (whole milk, cheddar); no source gives
    // their MK-7, so K2 is a lower bound.
    assert_eq!(json["totals"]["vitamin_d"]["lower_bound"], false);
    assert_eq!(json["totals"]["vitamin_k2"]["lower_bound"], true);
    assert_eq!(json["entries"].as_array().unwrap().len(), 2);
}

#[test]
fn week_lists_seven_days() {
    let d = Diary::new();
    d.ok(&["add", "yogurt", "--date", "2026-11-18", "--at", "08:00"]);
    let out = d.ok(&["week", "2026-W47"]);
    assert!(out.starts_with("2026-W47"), "{out}");
    assert_eq!(
        out.lines().filter(|l| l.contains("2026-11-")).count(),
        7,
        "{out}"
    );
    assert!(out.contains("400"), "{out}");
}

#[test]
fn rm_and_edit_change_the_diary() {
    let d = Diary::new();
    d.ok(&[
        "add",
        "milk",
        "1 cup",
        "--date",
        "2026-11-16",
        "--at",
        "08:00",
    ]);
    let out = d.ok(&["edit", "1", "2 cup", "--at", "09:15", "--note", "big glass"]);
    assert!(out.contains("09:15") && out.contains("Ca 600 mg"), "{out}");
    let out = d.ok(&["rm", "1"]);
    assert!(out.contains("deleted #1"), "{out}");
    assert!(d.ok(&["day", "2026-11-16"]).contains("No entries."));
}

#[test]
fn profile_set_changes_targets() {
    let d = Diary::new();
    let out = d.ok(&[
        "profile",
        "set",
        "--age",
        "60",
        "--sex",
        "female",
        "--reference",
        "official",
    ]);
    assert!(out.contains("60 female"), "{out}");
    assert!(out.contains("1200"), "{out}");
    assert!(d.ok(&["profile", "show"]).contains("targets official"));
}

#[test]
fn user_items_and_stacks() {
    let d = Diary::new();
    d.ok(&[
        "item",
        "add",
        "oat-milk",
        "--name",
        "Oat milk, fortified",
        "--serving",
        "1 cup",
        "--calcium",
        "350",
        "--d2",
        "100-120",
    ]);
    assert!(d.ok(&["item", "list"]).contains("oat-milk"));
    d.ok(&[
        "stack",
        "add",
        "morning",
        "d3=5000 IU",
        "k2-mk7=180 mcg",
        "oat-milk=1 cup",
    ]);
    assert!(d.ok(&["stack", "list"]).contains("morning: d3 5000 IU"));
    let out = d.ok(&[
        "stack",
        "log",
        "morning",
        "--date",
        "2026-11-16",
        "--at",
        "08:00",
    ]);
    assert_eq!(out.matches("logged").count(), 3, "{out}");
    let json: serde_json::Value =
        serde_json::from_str(&d.ok(&["day", "2026-11-16", "--json"])).unwrap();
    assert_eq!(json["totals"]["vitamin_k2"]["amount"], 180.0);
    assert_eq!(json["totals"]["vitamin_d"]["low"], 5100.0);
    d.ok(&["stack", "rm", "morning"]);
    assert!(!d.ok(&["stack", "list"]).contains("morning"));
}

#[test]
fn foods_lists_matches_with_source() {
    let d = Diary::new();
    let out = d.ok(&["foods", "natto"]);
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("natto"), "{out}");
    assert!(first.contains("vitamin K2: seed 001"), "{out}");
    assert!(first.contains("USDA SR NDB 16113 (Natto)"), "{out}");
}

#[test]
fn backup_copies_the_diary() {
    let d = Diary::new();
    d.ok(&["add", "milk", "--date", "2026-11-16", "--at", "08:00"]);
    let dest = d.dir.path().join("copy.db");
    d.ok(&["backup", dest.to_str().unwrap()]);
    let copy = intake::store::Store::open(&dest).unwrap();
    assert_eq!(copy.entry_count().unwrap(), 1);
}

#[test]
fn foods_coverage_counts_the_catalog_and_the_diary_food_entries() {
    let d = Diary::new();
    d.ok(&["add", "milk", "--date", "2026-11-16", "--at", "08:00"]);
    d.ok(&["add", "usda-11234", "--date", "2026-11-16", "--at", "19:00"]);
    d.ok(&["add", "d3", "--date", "2026-11-16", "--at", "08:05"]);
    let out = d.ok(&["foods", "--coverage"]);
    assert!(out.contains("diary foods (2)"), "{out}");
    let line = |name: &str| {
        out.lines()
            .find(|l| l.starts_with(name))
            .unwrap()
            .to_string()
    };
    // Both food entries know calcium; milk's MK-7 is unknown, kale's K2 an assumed zero.
    assert!(line("Calcium").ends_with(" 100.0 %"), "{out}");
    assert!(line("Vitamin K2").ends_with(" 50.0 %"), "{out}");
    assert!(line("Calcium").contains("100.0 %"), "{out}");
}
