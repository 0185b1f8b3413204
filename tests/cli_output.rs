//! What commands print: a closed or full standard output never panics (issue 14.6), and text
//! written into the diary by another tool cannot hide or reorder the line it is printed on
//! (issue 14.15).

mod common;
use common::Diary;
use std::process::{Command, Stdio};

fn intake(d: &Diary, args: &[&str]) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("intake"));
    c.env_remove("INTAKE_DB")
        .arg("--db")
        .arg(&d.path)
        .args(args);
    c
}

/// Runs with standard output a pipe whose reader has already gone away.
fn with_closed_pipe(d: &Diary, args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    intake(d, args)
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

fn with_full_stdout(d: &Diary, args: &[&str]) -> std::process::Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    intake(d, args)
        .stdout(Stdio::from(full))
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

const COMMANDS: &[&[&str]] = &[
    &[
        "add",
        "milk",
        "1 cup",
        "--date",
        "2026-11-16",
        "--at",
        "08:00",
    ],
    &["profile"],
    &["check"],
    &["stack", "list"],
    &["item", "list"],
    &["day", "2026-11-16"],
    &["week", "2026-W47"],
    &["foods", "milk"],
    &["export", "--week", "2026-W47"],
];

fn seeded() -> Diary {
    let d = Diary::new();
    d.ok(&["add", "milk", "--date", "2026-11-16", "--at", "07:00"]);
    d.ok(&["stack", "add", "morning", "d3=1000 IU"]);
    d.ok(&[
        "item",
        "add",
        "oat-milk",
        "--name",
        "Oat milk",
        "--calcium",
        "350",
    ]);
    d
}

#[test]
fn a_closed_pipe_is_not_an_error_and_nothing_panics() {
    let d = seeded();
    for args in COMMANDS {
        let out = with_closed_pipe(&d, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    }
    // The add was stored once: a script that retries on failure would not log it twice.
    let day = d.ok(&["day", "2026-11-16"]);
    assert_eq!(day.matches("08:00 Milk").count(), 1, "{day}");
}

#[test]
fn a_full_stdout_is_exit_1_with_one_line() {
    let d = seeded();
    for args in COMMANDS {
        let out = with_full_stdout(&d, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("the disk is full"), "{args:?}: {err}");
    }
}

/// Puts `note` on entry 1 the way another program could: straight into the diary.
fn set_note_behind_intake(d: &Diary, note: &str) {
    let c = rusqlite::Connection::open(&d.path).unwrap();
    c.execute("UPDATE entries SET note = ?1 WHERE id = 1", [note])
        .unwrap();
}

#[test]
fn text_from_another_tool_is_escaped_on_every_output() {
    let d = Diary::new();
    d.ok(&["add", "milk", "--date", "2026-11-16", "--at", "07:00"]);
    set_note_behind_intake(&d, "a\u{1b}[8mhidden\u{202e}desrever\u{200b}");
    let c = rusqlite::Connection::open(&d.path).unwrap();
    c.execute(
        "UPDATE entries SET item_name = 'Milk\u{1b}[2J', meal = 'lunch\u{2066}'",
        [],
    )
    .unwrap();
    drop(c);
    for args in [
        &["day", "2026-11-16"][..],
        &["day", "2026-11-16", "--json"],
        &["edit", "1", "--at", "07:30"],
        &["rm", "1"],
    ] {
        let out = d.ok(args);
        assert!(
            !out.chars().any(|c| c != '\n' && common::hidden(c)),
            "{args:?} printed a hidden character raw: {out:?}"
        );
        assert!(out.contains("Milk"), "{args:?}: {out}");
    }
}
