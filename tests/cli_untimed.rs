//! An entry whose time is unknown, through the commands: `--:--` in the day, `null` in --json,
//! an empty `time` cell in the per-entry CSV; and no levothyroxine spacing warning for it.

mod common;
use common::Diary;

fn diary_with_untimed_milk() -> Diary {
    let d = Diary::new();
    d.ok(&[
        "add",
        "levothyroxine",
        "--date",
        "2026-11-16",
        "--at",
        "07:00",
    ]);
    d.ok(&[
        "add",
        "milk",
        "1",
        "cup",
        "--date",
        "2026-11-16",
        "--at",
        "08:00",
    ]);
    d
}

fn clear_time(d: &Diary, id: i64) {
    let c = rusqlite::Connection::open(&d.path).unwrap();
    c.execute("UPDATE entries SET time = NULL WHERE id = ?", [id])
        .unwrap();
}

#[test]
fn an_untimed_entry_shows_as_dashes_and_raises_no_spacing_warning() {
    let d = diary_with_untimed_milk();
    let timed = d.ok(&["day", "2026-11-16"]);
    assert!(timed.contains("calcium-levothyroxine-spacing"), "{timed}");
    clear_time(&d, 2);
    let day = d.ok(&["day", "2026-11-16"]);
    assert!(day.contains("#2 2026-11-16 --:-- Milk 1 cup"), "{day}");
    assert!(!day.contains("calcium-levothyroxine-spacing"), "{day}");
    assert!(day.contains("300"), "the milk still counts: {day}");
}

#[test]
fn json_gives_null_and_the_entries_csv_an_empty_time() {
    let d = diary_with_untimed_milk();
    clear_time(&d, 2);
    let json: serde_json::Value =
        serde_json::from_str(&d.ok(&["day", "2026-11-16", "--json"])).unwrap();
    let times: Vec<&serde_json::Value> = json["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["time"])
        .collect();
    assert_eq!(
        times,
        [&serde_json::Value::Null, &serde_json::json!("07:00:00")]
    );
    let csv = d.ok(&[
        "export",
        "--entries",
        "--from",
        "2026-11-16",
        "--to",
        "2026-11-16",
    ]);
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert!(rows[0].starts_with("2026-11-16,,2,milk,"), "{csv}");
    assert!(rows[1].starts_with("2026-11-16,07:00,1,"), "{csv}");
}
