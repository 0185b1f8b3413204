//! The daily flow in the real binary (tmux): a first run sets the profile, a morning with many
//! spacing warnings shows "more" and scrolls, the week view opens a day with Enter, and a stack is
//! logged there at a typed time in 6 keys (`s`, `0730`, `Enter`).

mod common;
use common::Diary;
use common::tmux::{start_with, tmux_installed};

#[test]
fn first_run_then_scroll_the_warnings_then_open_a_day_from_the_week() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let d = Diary::new();
    // A morning that breaks the spacing rules many times (13 warnings at 63, with the UL, once the curated foods are whole).
    d.ok(&["add", "levothyroxine", "--at", "07:00"]);
    for (item, at) in [
        ("calcium-citrate", "07:30"),
        ("milk", "07:40"),
        ("calcium-carbonate", "07:50"),
        ("yogurt", "08:00"),
        ("sardines", "08:10"),
        ("iron", "08:20"),
    ] {
        d.ok(&["add", item, "--at", at]);
    }
    d.ok(&["stack", "add", "morning", "d3=1000 IU", "k2-mk7=100 mcg"]);
    let args = format!("--db {}", d.path.display());
    let tmux = start_with(d.dir.path(), "flow", &args);

    // First run: the profile form, age typed over the default, goal toggled by its letter.
    tmux.wait_for(&["Welcome: your profile"]);
    tmux.text("63");
    tmux.keys(&["Tab", "Tab", "b", "Enter"]);
    tmux.wait_for(&["63 female, goal bone"]);

    // The warnings pane says how many more there are and scrolls to them.
    let screen = tmux.wait_for(&["Warnings (13)", "more (PageDown/J)"]);
    assert!(!screen.contains("↑ "), "nothing above yet: {screen}");
    tmux.keys(&["J", "J", "J"]);
    tmux.wait_for(&["↑ 3 above (PageUp/K)"]);
    tmux.keys(&["PageUp"]);
    tmux.wait_for(&["↑ 2 above"]);

    // The week view has the warnings column; ← moves to yesterday, Enter opens it.
    tmux.keys(&["w"]);
    tmux.wait_for(&["Warn", "!13", "Enter: day"]);
    tmux.keys(&["Left", "Enter"]);
    let yesterday = chrono::Local::now().date_naive() - chrono::Duration::days(1);
    let day = tmux.wait_for(&[&yesterday.format("%Y-%m-%d").to_string(), "Entries (0)"]);
    assert!(day.contains("Gaps"), "the day view: {day}");

    // A stack at a typed time: s, 0730 (typed over the selected time), Enter: 6 keys.
    tmux.keys(&["s"]);
    tmux.wait_for(&["morning", "At"]);
    tmux.text("0730");
    tmux.keys(&["Enter"]);
    let day = tmux.wait_for(&["Entries (2)", "07:30"]);
    let rows = day.lines().filter(|l| l.starts_with("07:30")).count();
    assert_eq!(rows, 2, "both items at 07:30: {day}");
    tmux.keys(&["q"]);
    tmux.wait_exit();
}
