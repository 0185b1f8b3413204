//! Pasting 5,000 characters into the app (issue 14.12). Before, the add dialog ran one search
//! per character on the UI thread, each slower than the last, and the app did not answer for
//! about 200 s; a 5,000-character note was silently not stored. Now keys that arrive together
//! are applied together and searched once, the search takes at most 100 characters and says so,
//! and a note over 200 characters is refused with a message, its start shown in the field.

mod common;
use common::tmux::{BIN, Tmux, start, tmux_installed};

/// Pastes `text` into the pane as a terminal paste would deliver it: all at once.
fn paste(tmux: &Tmux, text: &str) {
    let set = tmux.cmd(&["set-buffer", "-b", "big", "--", text]);
    assert!(set.status.success(), "{set:?}");
    let pasted = tmux.cmd(&["paste-buffer", "-b", "big", "-t", "app"]);
    assert!(pasted.status.success(), "{pasted:?}");
}

/// 5,000 characters of words.
fn long_text() -> String {
    let text: String = "natto tofu kale ".repeat(313).chars().take(5000).collect();
    assert_eq!(text.chars().count(), 5000);
    text
}

#[test]
fn a_5000_character_paste_into_search_answers_and_says_what_it_kept() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("diary.db");
    let tmux = start(dir.path(), &db);
    tmux.keys(&["a"]);
    tmux.wait_for(&["Search:"]);
    paste(&tmux, &long_text());
    // wait_for gives it 20 s: a functional bound (before: about 200 s), not a benchmark.
    let screen = tmux.wait_for(&["search takes at most 100 characters"]);
    assert!(screen.contains("Search:    natto tofu kale"), "{screen}");
    // The app answers at once afterwards: a new search finds natto.
    tmux.keys(&["C-u"]);
    tmux.text("natto");
    tmux.wait_for(&["Natto", "source:"]);
    let screen = tmux.screen();
    assert!(!screen.contains("at most 100 characters"), "{screen}");
}

#[test]
fn a_5000_character_note_is_refused_with_a_message_and_shows_its_start() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("diary.db");
    let tmux = start(dir.path(), &db);
    tmux.log_with_keys("natto", "Natto", None);
    tmux.keys(&["e"]);
    tmux.wait_for(&["Edit entry", "note:"]);
    tmux.keys(&["Tab"]);
    tmux.keys(&["Tab"]);
    tmux.keys(&["Tab"]);
    paste(&tmux, &long_text());
    let screen = tmux.wait_for(&["note:      natto tofu kale natto"]);
    let line = screen.lines().find(|l| l.contains("note:")).unwrap();
    assert!(line.contains('…'), "the cut end is marked: {line}");
    tmux.keys(&["Enter"]);
    // How long it was, and what is accepted (the line may wrap after "200").
    let screen = tmux.wait_for(&["bad note (this one has 5000)", "at most 200"]);
    assert!(screen.contains("Edit entry"), "the form stays: {screen}");
    tmux.keys(&["Escape"]);
    let out = std::process::Command::new(BIN)
        .env_remove("INTAKE_DB")
        .arg("--db")
        .arg(&db)
        .args(["day", "--json"])
        .output()
        .unwrap();
    let day = String::from_utf8_lossy(&out.stdout);
    assert!(
        !day.contains("natto tofu kale"),
        "nothing half-stored: {day}"
    );
}
