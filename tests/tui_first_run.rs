//! A first run of the real binary in tmux: the profile form opens by itself once, toggles and
//! saves, and the next start goes straight to the day.

mod common;
use common::tmux::{start_with, tmux_installed};

#[test]
fn first_run_asks_for_the_profile_once() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("diary.db");
    let args = format!("--db {}", db.display());
    let tmux = start_with(dir.path(), "first", &args);
    tmux.wait_for(&["Welcome: your profile", "age:", "Esc"]);
    tmux.text("63"); // the age is selected: typing replaces it
    tmux.keys(&["Tab", "Tab", "b"]); // goal: bone
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for(&["Profile saved: 63 female, goal bone", "p profile"]);
    assert!(!screen.contains("Welcome"), "{screen}");
    tmux.keys(&["q"]);
    tmux.wait_exit();

    let tmux = start_with(dir.path(), "second", &args);
    let screen = tmux.wait_for(&["Entries (0)", "63 female, goal bone"]);
    assert!(!screen.contains("Welcome"), "asked once: {screen}");
    tmux.keys(&["q"]);
    tmux.wait_exit();
}
