//! In the real binary under tmux: make a stack in the app, log it at 10:30 from the stack
//! dialog, open the plan view and see it taken; the CLI agrees.

mod common;
use common::tmux::{BIN, start, tmux_installed};
use std::process::Command;

#[test]
fn make_a_stack_log_it_at_10_30_and_see_it_in_the_plan_view() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("diary.db");
    let tmux = start(dir.path(), &db);
    tmux.wait_for(&["Entries (0)", "Gaps"]);
    tmux.keys(&["s"]);
    tmux.wait_for(&["Log a stack", "No stacks yet"]);
    tmux.keys(&["a"]);
    tmux.wait_for(&["New stack", "ITEM=QUANTITY"]);
    tmux.text("morning");
    tmux.keys(&["Tab"]);
    tmux.text("d3=2000 IU, calcium-citrate=500 mg");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Saved stack morning", "Log a stack", "d3 2000 IU"]);
    for _ in 0..5 {
        tmux.keys(&["BSpace"]);
    }
    tmux.text("10:30");
    tmux.keys(&["Enter"]);
    let day = tmux.wait_for(&["Logged 2 entries", "Entries (2)"]);
    assert!(day.contains("10:30"), "{day}");
    tmux.keys(&["n"]);
    let plan = tmux.wait_for(&["plan for", "taken", "Vitamin D3", "Calcium citrate"]);
    assert!(plan.contains("10:30"), "{plan}");
    tmux.keys(&["q"]);
    tmux.wait_exit();

    let out = Command::new(BIN)
        .args(["--db", db.to_str().unwrap(), "plan", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let taken: Vec<(&str, &str)> = v["doses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["item"].as_str().unwrap(), d["time"].as_str().unwrap()))
        .collect();
    assert_eq!(taken, [("calcium-citrate", "10:30"), ("d3", "10:30")]);
}
