//! `Ctrl-e` in the edit form writes the note in the user's `$EDITOR` (the real binary in tmux):
//! the editor gets the terminal and every key typed while it runs (the app's input thread holds
//! off), the app comes back drawn whole, and the note is what the editor wrote, on one line.

mod common;
use common::Diary;
use common::tmux::{BIN, Tmux, tmux_installed};
use std::os::unix::fs::PermissionsExt;

/// An "editor" that reads one line from the terminal, as a user would type it, and writes it
/// after what the file held.
fn line_editor(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("ed.sh");
    let script = "#!/bin/sh\nprintf 'editor> '\nread line\nprintf '%s\\nsecond line\\n' \"$line\" >> \"$1\"\n";
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn app_with_editor(d: &Diary, name: &str, editor: &str) -> Tmux {
    let command = format!(
        "env -u VISUAL EDITOR={editor} XDG_CONFIG_HOME={dir} TMPDIR={dir} TERM=xterm-256color {BIN} --db {db}",
        dir = d.dir.path().display(),
        db = d.path.display()
    );
    Tmux::start(name, &command).expect("tmux is installed")
}

fn diary() -> Diary {
    let d = Diary::new();
    d.ok(&["profile", "set", "--age", "63", "--sex", "female"]);
    d.ok(&["add", "milk", "--at", "07:00", "--note", "first"]);
    d
}

#[test]
fn the_note_is_written_in_the_editor_with_the_keys_typed_there() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let d = diary();
    let editor = line_editor(d.dir.path());
    let tmux = app_with_editor(&d, "editor", &editor.display().to_string());
    tmux.wait_for(&["Entries (1)", "Milk"]);
    tmux.keys(&["e"]);
    tmux.wait_for(&["Edit entry", "Ctrl-e"]);
    tmux.keys(&["C-e"]);
    tmux.wait_for(&["editor>"]);
    // Typed into the editor: were the app still reading, `d` would delete and `q` quit.
    tmux.text("dq taken with breakfast");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for(&["Edit entry", "note:      first dq taken with breakfast"]);
    assert!(screen.contains("Milk"), "the app is drawn again: {screen}");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Updated"]);
    tmux.keys(&["q"]);
    tmux.wait_exit();
    let day: serde_json::Value = serde_json::from_str(&d.ok(&["day", "--json"])).unwrap();
    assert_eq!(
        day["entries"][0]["note"], "first dq taken with breakfast second line",
        "the editor's lines joined on one line: {day}"
    );
}

#[test]
fn a_failing_editor_leaves_the_note_and_says_why() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let d = diary();
    let tmux = app_with_editor(&d, "badeditor", "false");
    tmux.wait_for(&["Entries (1)"]);
    tmux.keys(&["e"]);
    tmux.wait_for(&["Edit entry"]);
    tmux.keys(&["C-e"]);
    let screen = tmux.wait_for(&["the editor `false` failed", "Edit entry"]);
    assert!(screen.contains("first"), "the note is kept: {screen}");
    tmux.keys(&["Escape"]);
    // Esc and q sent together read as Alt-q: wait for the dialog to close first.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while tmux.screen().contains("Edit entry") {
        assert!(std::time::Instant::now() < deadline, "Esc closes the form");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    tmux.keys(&["q"]);
    tmux.wait_exit();
}
