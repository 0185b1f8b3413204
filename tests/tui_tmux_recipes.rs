//! Drives the real binary in tmux (issue 18): a recipe made with `intake recipe add` is found and
//! logged in the app's add dialog like any food, `o` opens the day's top sources of calcium with
//! it, and `f` says what would close the gaps.

mod common;
use common::tmux::{BIN, start, tmux_installed};
use std::process::Command;

fn intake(db: &std::path::Path, args: &[&str]) {
    let out = Command::new(BIN)
        .env_remove("INTAKE_DB")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_recipe_is_logged_in_the_app_and_shown_among_the_sources_of_calcium() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("diary.db");
    let yogurt = [
        "item",
        "add",
        "bowl-yogurt",
        "--name",
        "Bowl yogurt",
        "--serving",
        "1 cup",
    ];
    intake(&db, &[&yogurt[..], &["--calcium", "300"]].concat());
    intake(
        &db,
        &[
            "item",
            "add",
            "bowl-kale",
            "--name",
            "Bowl kale",
            "--calcium",
            "100",
        ],
    );
    let bowl = [
        "recipe",
        "add",
        "Breakfast bowl",
        "bowl-yogurt=2 cup",
        "bowl-kale=1",
    ];
    intake(&db, &[&bowl[..], &["--serves", "2"]].concat());
    let tmux = start(dir.path(), &db);
    tmux.wait_for(&["Entries (0)"]);
    tmux.log_with_keys("breakfast bowl", "Breakfast bowl", Some("2"));
    tmux.wait_for(&["Entries (1)", "700 mg"]);
    tmux.keys(&["o"]);
    let panel = tmux.wait_for(&["Sources of calcium", "Known total 700 mg"]);
    assert!(
        panel.contains("Breakfast bowl") && panel.contains("100 %"),
        "{panel}"
    );
    tmux.keys(&["Escape", "f"]);
    tmux.wait_for(&["What would close the gaps", "Calcium: 300 mg to go"]);
    tmux.keys(&["Escape", "q"]);
    tmux.wait_exit();
}
