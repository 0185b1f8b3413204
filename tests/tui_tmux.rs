//! Drives the real binary in tmux as a user would: open a temp diary, add natto and 2 cups of
//! milk with the keyboard, see 855 mcg K2 (at least: no source gives milk's MK-7) and 785 mg calcium
//! (natto's from USDA), step to the week view, quit, and
//! find both entries with `intake export --entries`; and `intake --demo` shows its sample week and
//! leaves nothing behind.

mod common;
use common::tmux::{BIN, start, start_with, tmux_installed};
use std::process::Command;

#[test]
fn log_natto_and_milk_with_the_keyboard_then_export_them() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("diary.db");
    let tmux = start(dir.path(), &db);
    tmux.wait_for(&["Entries (0)", "Gaps"]);
    tmux.log_with_keys("natto", "Natto", None);
    tmux.log_with_keys("milk", "Milk", Some("2 cup"));
    let day = tmux.wait_for(&["≥ 855 mcg", "785 mg", "Entries (2)"]);
    assert!(day.contains("Natto") && day.contains("2 cup"), "{day}");
    tmux.keys(&["w"]);
    tmux.wait_for(&["% of target", "Calcium %"]);
    tmux.keys(&["q"]);
    tmux.wait_exit();

    let today = chrono::Local::now().date_naive();
    let (from, to) = (
        today - chrono::Duration::days(1),
        today + chrono::Duration::days(1),
    );
    let out = Command::new(BIN)
        .args(["--db", db.to_str().unwrap(), "export", "--entries"])
        .args(["--from", &from.to_string(), "--to", &to.to_string()])
        .output()
        .unwrap();
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(csv.contains("natto") && csv.contains("milk"), "{csv}");
    assert_eq!(csv.lines().count(), 3, "a header and two entries:\n{csv}");
}

#[test]
fn demo_shows_bars_warnings_and_charts_then_cleans_up() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let tmux = start_with(dir.path(), "demo", "--demo");
    let day = tmux.wait_for(&["Entries (5)", "Warnings (", "Levothyroxine", "625 mg"]);
    assert!(
        !day.contains("Warnings (0)"),
        "the sample day raises a warning:\n{day}"
    );
    tmux.keys(&["w"]);
    tmux.wait_for(&["% of target", "Calcium %"]);
    tmux.keys(&["m"]);
    tmux.wait_for(&["24 of 30 days logged"]);
    tmux.keys(&["q"]);
    tmux.wait_exit();
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(
        left.is_empty(),
        "the demo diary is removed on exit: {left:?}"
    );
}
