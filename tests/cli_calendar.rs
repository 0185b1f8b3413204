//! Edges of the calendar (issue 14.14): one accepted range, 1900 to 9999, for dates and weeks
//! alike, and the days clocks change said plainly. Before, an entry on 9999-12-31 was missing
//! from `week 9999-W52` and its export (compared as text with `+10000-01-02`), the export had
//! rows for `+10000-01-01`, `week 0000-W01` was accepted, and a time that does not exist (02:30
//! on the spring-forward day) was taken silently.

use assert_cmd::Command;
use predicates::str::contains;

fn intake(db: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("intake").unwrap();
    c.arg("--db").arg(db);
    c
}

#[test]
fn the_last_week_holds_the_last_day_and_stops_there() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    intake(&db)
        .args(["add", "d3", "--date", "9999-12-31", "--at", "08:00"])
        .assert()
        .success();
    intake(&db)
        .args(["week", "9999-W52"])
        .assert()
        .success()
        .stdout(contains("Fri 9999-12-31       1"));
    let out = intake(&db)
        .args(["export", "--week", "9999-W52"])
        .output()
        .unwrap();
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(!csv.contains("10000"), "{csv}");
    assert_eq!(csv.lines().count(), 1 + 5, "{csv}");
    let last = csv.lines().last().unwrap();
    assert!(
        last.starts_with("9999-12-31,") && last.contains(",1000"),
        "{csv}"
    );
}

#[test]
fn dates_and_weeks_outside_1900_to_9999_are_refused_saying_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    for args in [
        &["week", "0000-W01"][..],
        &["week", "1899-W52"],
        &["add", "d3", "--date", "1899-12-31"],
        &["export", "--week", "10000-W01"],
    ] {
        intake(&db)
            .args(args)
            .assert()
            .code(2)
            .stderr(contains("1900 to 9999"));
    }
    assert!(!db.exists(), "nothing written");
}

/// New York's rules as a POSIX `TZ`, so no time-zone database is needed.
const NEW_YORK: &str = "EST5EDT,M3.2.0,M11.1.0";

#[test]
fn a_time_the_clock_change_skips_or_repeats_is_said_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let add = |date: &str, at: &str| {
        let out = intake(&db)
            .env("TZ", NEW_YORK)
            .args(["add", "levothyroxine", "--date", date, "--at", at])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(add("2026-03-08", "02:30").contains("does not exist"));
    assert!(add("2026-11-01", "01:30").contains("comes twice"));
    assert_eq!(add("2026-03-08", "00:30"), "");
    assert_eq!(add("2026-03-08", "04:45"), "");
}

/// The same note wherever a time comes in (issue 14 item 14): `intake edit` moving an entry to a
/// time the clocks skip, and an import of entries at such times (line by line). Before, only
/// `intake add` said it.
#[test]
fn edit_and_import_say_when_a_time_is_skipped_or_repeated_too() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let out = intake(&db)
        .env("TZ", NEW_YORK)
        .args([
            "add",
            "levothyroxine",
            "--date",
            "2026-03-08",
            "--at",
            "00:30",
        ])
        .output()
        .unwrap();
    assert!(out.status.success() && out.stderr.is_empty(), "{out:?}");
    let edit = |args: &[&str]| {
        let out = intake(&db)
            .env("TZ", NEW_YORK)
            .args([&["edit", "1"][..], args].concat())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(edit(&["--at", "02:30"]).contains("2026-03-08 02:30 does not exist"));
    assert!(edit(&["--date", "2026-11-01", "--at", "01:30"]).contains("comes twice"));
    assert_eq!(
        edit(&["--note", "morning"]),
        "",
        "no time given, nothing said"
    );
    // Exported where the clock has no changes, imported where it has.
    intake(&db)
        .env("TZ", NEW_YORK)
        .args(["add", "d3", "--date", "2026-03-08", "--at", "02:15"])
        .assert()
        .success();
    let csv = dir.path().join("entries.csv");
    let args = [
        "export",
        "--entries",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
    ];
    intake(&db)
        .env("TZ", "UTC")
        .args(args)
        .args(["-o", csv.to_str().unwrap()])
        .assert()
        .success();
    let out = intake(&dir.path().join("other.db"))
        .env("TZ", NEW_YORK)
        .args(["import", "entries", csv.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    let notes: Vec<&str> = err.lines().collect();
    assert_eq!(notes.len(), 2, "one per entry at such a time: {err}");
    assert!(
        notes
            .iter()
            .any(|l| l.contains("2026-03-08 02:15 does not exist")),
        "{err}"
    );
    assert!(
        notes
            .iter()
            .any(|l| l.contains("2026-11-01 01:30 comes twice")),
        "{err}"
    );
    assert!(
        notes.iter().all(|l| l.contains("entries.csv:")),
        "names the line: {err}"
    );
}
