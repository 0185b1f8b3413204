//! Another program holding the diary's write lock (issue 14.11): the CLI says within a second or
//! two that it is waiting and for whom, then writes once the lock is free; held past its wait, it
//! fails with one line that says what to do. The app's side is in tests/tui_locks.rs.

mod common;

use common::Diary;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_intake");

/// Another program's connection holding the write lock (as `sqlite3` with `BEGIN IMMEDIATE`
/// would) until dropped.
fn hold_lock(db: &std::path::Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    conn
}

fn add(d: &Diary) -> std::process::Child {
    Command::new(BIN)
        .env_remove("INTAKE_DB")
        .arg("--db")
        .arg(&d.path)
        .args(["add", "d3", "1000 IU", "--at", "08:00"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Reads standard error until it holds `needle` (or ends), for at most `within`.
fn stderr_until(child: &mut std::process::Child, needle: &str, within: Duration) -> String {
    let mut err = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 256];
        while let Ok(n) = err.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                return;
            }
        }
    });
    let deadline = Instant::now() + within;
    let mut seen = Vec::new();
    while !String::from_utf8_lossy(&seen).contains(needle) {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(bytes) => seen.extend(bytes),
            Err(_) => break,
        }
    }
    String::from_utf8_lossy(&seen).into_owned()
}

#[test]
fn the_cli_says_it_waits_for_another_program_then_writes() {
    let d = Diary::new();
    d.ok(&["add", "d3", "400 IU", "--date", "2020-01-01"]);
    let lock = hold_lock(&d.path);
    let mut child = add(&d);
    // Said while the lock is still held: the user learns why nothing happens.
    let said = stderr_until(&mut child, "waiting", Duration::from_secs(8));
    assert!(
        said.contains("another program") && said.contains("waiting"),
        "nothing said about the wait within 8 s: {said:?}"
    );
    assert!(
        said.contains(&d.path.display().to_string()),
        "names the diary: {said}"
    );
    drop(lock);
    let status = child.wait().unwrap();
    assert!(
        status.success(),
        "the add went through once the lock was free"
    );
    let day = d.ok(&["day"]);
    assert!(day.contains("1000 IU"), "{day}");
}

#[test]
fn the_cli_gives_up_with_one_line_and_a_hint() {
    let d = Diary::new();
    d.ok(&["add", "d3", "400 IU", "--date", "2020-01-01"]);
    let _lock = hold_lock(&d.path);
    let started = Instant::now();
    let out = d.cmd(&["add", "d3", "1000 IU"]).output().unwrap();
    let waited = started.elapsed();
    assert_eq!(out.status.code(), Some(1), "a lock held too long is exit 1");
    let err = String::from_utf8_lossy(&out.stderr);
    let last: Vec<&str> = err.lines().filter(|l| !l.contains("waiting")).collect();
    assert_eq!(last.len(), 1, "one line after the waiting note: {err}");
    let line = last[0];
    assert!(
        line.contains("another program") && line.contains("nothing was written"),
        "{line}"
    );
    assert!(line.contains("try again"), "a hint: {line}");
    assert!(!line.contains("database is locked"), "{line}");
    // The wait it announced, not twice that (a retry after the timeout).
    assert!(waited < Duration::from_secs(35), "waited {waited:?}");
}
