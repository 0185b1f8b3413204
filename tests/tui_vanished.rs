//! The diary deleted or replaced under the open app (issue 14.4): the app notices that its path
//! no longer names the file it has open, writes nothing more and says so. Before, after
//! `rm diary.db*` it went on saying "Logged …" into a file nobody would read again, and after
//! `mv other.db diary.db` it wrote into the old file while the old `-wal` sat beside the new one.

mod common;
use common::tmux::{BIN, Tmux, start_with, tmux_installed};
use std::path::Path;

/// Logs `query`'s first match with the keyboard and returns the screen once it says something
/// about it: the status line, or the form kept open with why nothing was written (issue 14.11).
fn try_log(tmux: &Tmux, query: &str, name: &str) -> String {
    tmux.keys(&["a"]);
    tmux.wait_for(&["Search:"]);
    tmux.text(query);
    tmux.wait_for(&[name, "source:"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["quantity:"]);
    tmux.keys(&["Enter"]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let s = tmux.screen();
        if s.contains("Logged") || s.contains("deleted or replaced") {
            return s;
        }
        assert!(std::time::Instant::now() < deadline, "no answer:\n{s}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

fn open(dir: &Path, name: &str, db: &Path) -> Tmux {
    let tmux = start_with(dir, name, &format!("--db {}", db.display()));
    tmux.skip_welcome();
    tmux
}

fn remove_diary(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
}

#[test]
fn a_deleted_diary_is_noticed_and_nothing_more_is_logged_into_it() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("diary.db");
    let tmux = open(dir.path(), "vanished", &db);
    tmux.log_with_keys("natto", "Natto", None);
    remove_diary(&db);
    tmux.wait_for(&["was deleted or replaced"]);
    let screen = try_log(&tmux, "sardines", "Sardines");
    assert!(!screen.contains("Logged Sardines"), "{screen}");
    // The form stays open with what was typed, saying why.
    assert!(screen.contains("was deleted or replaced"), "{screen}");
    assert!(screen.contains("quantity:"), "{screen}");
}

#[test]
fn a_diary_replaced_by_another_file_is_noticed() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("diary.db");
    let other = dir.path().join("other.db");
    let tmux = open(dir.path(), "replaced", &db);
    tmux.log_with_keys("natto", "Natto", None);
    let out = std::process::Command::new(BIN)
        .arg("--db")
        .arg(&other)
        .args(["add", "milk"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    std::fs::rename(&other, &db).unwrap();
    tmux.wait_for(&["was deleted or replaced"]);
    let screen = try_log(&tmux, "sardines", "Sardines");
    assert!(!screen.contains("Logged Sardines"), "{screen}");
}
