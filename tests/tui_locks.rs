//! Another program holding the diary's write lock while the app logs (issue 14.11). Before, the
//! app froze 10 s on Enter, then threw the filled-in form away with "database is locked". Now
//! it answers within a second or so, keeps the form with what was typed and says so; Enter
//! tries again once the other program let go.

mod common;
use common::tmux::{start, tmux_installed};

#[test]
fn a_held_lock_keeps_the_form_and_enter_tries_again() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("diary.db");
    let tmux = start(dir.path(), &db);
    tmux.keys(&["a"]);
    tmux.wait_for(&["Search:"]);
    tmux.text("sardines");
    tmux.wait_for(&["Sardines", "source:"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["quantity:"]);
    tmux.keys(&["C-u"]);
    tmux.text("2 oz");
    let other = rusqlite::Connection::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    tmux.keys(&["Enter"]);
    // Within wait_for's 20 s, where the CLI's own wait is 20 s: the app did not wait it out.
    let screen = tmux.wait_for(&["Another program holds the diary", "Enter tries again"]);
    assert!(screen.contains("quantity:"), "the form is kept:\n{screen}");
    assert!(screen.contains("2 oz"), "with what was typed:\n{screen}");
    assert!(!screen.contains("Logged"), "{screen}");
    // The app answers keys meanwhile: the form still edits.
    tmux.keys(&["C-u"]);
    tmux.text("5 oz");
    tmux.wait_for(&["5 oz"]);
    other.execute_batch("ROLLBACK").unwrap();
    drop(other);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for(&["Logged Sardines"]);
    assert!(!screen.contains("quantity:"), "the form closed:\n{screen}");
    let out = std::process::Command::new(common::tmux::BIN)
        .env_remove("INTAKE_DB")
        .arg("--db")
        .arg(&db)
        .arg("day")
        .output()
        .unwrap();
    let day = String::from_utf8_lossy(&out.stdout);
    let entries: Vec<&str> = day.lines().filter(|l| l.starts_with("  #")).collect();
    assert_eq!(entries.len(), 1, "logged once:\n{day}");
    assert!(
        entries[0].contains("Sardines, canned, with bones 5 oz"),
        "{day}"
    );
}
