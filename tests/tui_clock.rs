//! The app says, like `intake add`, when a time typed in its add or edit dialog does not exist on
//! the local clock (the clocks moved forward) or comes twice (issue 14 item 14). Before, only
//! the CLI said it; the app stored 02:30 on the day New York skips it without a word.

mod common;
use common::tmux::{BIN, Tmux, tmux_installed};

/// New York's rules as a POSIX `TZ`, so no time-zone database is needed.
const NEW_YORK: &str = "EST5EDT,M3.2.0,M11.1.0";

#[test]
fn the_add_and_edit_dialogs_say_when_the_clocks_skip_or_repeat_the_time() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("diary.db");
    let command = format!(
        "exec env TZ={NEW_YORK} XDG_CONFIG_HOME={d} TMPDIR={d} TERM=xterm-256color {BIN} --db {db}",
        d = dir.path().display(),
        db = db.display()
    );
    let tmux = Tmux::start("clock", &command).expect("tmux is installed");
    tmux.skip_welcome();
    tmux.keys(&["g"]);
    tmux.text("2026-03-08");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Sunday 2026-03-08"]);
    tmux.keys(&["a"]);
    tmux.wait_for(&["Search:"]);
    tmux.text("natto");
    tmux.wait_for(&["Natto", "source:"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["quantity:"]);
    tmux.keys(&["Tab"]);
    tmux.text("02:30");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for(&["Logged Natto", "2026-03-08 02:30 does not exist"]);
    assert!(screen.contains("02:30"), "stored as typed:\n{screen}");
    // The edit form: the same entry moved to a time that exists says nothing more.
    tmux.keys(&["e"]);
    tmux.wait_for(&["Edit entry"]);
    tmux.keys(&["Tab"]);
    tmux.text("04:45");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for(&["Updated"]);
    assert!(!screen.contains("does not exist"), "{screen}");
    tmux.keys(&["e"]);
    tmux.wait_for(&["Edit entry"]);
    tmux.keys(&["Tab"]);
    tmux.text("02:05");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Updated", "2026-03-08 02:05 does not exist"]);
}
