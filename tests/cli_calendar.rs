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
