//! Writers at once lose nothing and never show "database is locked": four CLI processes adding
//! 250 entries each, a write that must wait for another process's transaction, and the terminal
//! app's runtime writing and live-reloading while CLI processes write.

mod common;

use intake::app::{Action, App, Keymap};
use intake::catalog::Catalog;
use intake::domain::{Entry, LogRequest, Quantity};
use intake::store::Store;
use intake::tui::Runtime;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::mpsc;
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_intake");

fn intake(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .env_remove("INTAKE_DB")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

/// `writer` adds `n` entries one process after another, on `date` or (None) spread over May 2026
/// so that each add's day report stays small; returns each failure's stderr.
fn add_many(db: &Path, writer: usize, n: usize, date: Option<&str>) -> Vec<String> {
    let mut failures = Vec::new();
    for i in 0..n {
        let note = format!("w{writer}-{i}");
        let spread = format!("2026-05-{:02}", 1 + i % 28);
        let date = date.unwrap_or(&spread);
        let at = format!("{:02}:{:02}", i % 24, (i * 7) % 60);
        let out = intake(
            db,
            &[
                "add", "d3", "1000 IU", "--date", date, "--at", &at, "--note", &note,
            ],
        );
        // Waiting on another writer (said after a second, under load) is not a failure.
        let err: String = String::from_utf8_lossy(&out.stderr)
            .lines()
            .filter(|l| !l.contains("another program holds the diary"))
            .collect();
        if !out.status.success() || !err.is_empty() {
            failures.push(format!("{note}: exit {:?}: {err}", out.status.code()));
        }
    }
    failures
}

/// Runs `writers` CLI writers at once, each adding `n`; returns every failure.
fn writers_at_once(db: &Path, writers: usize, n: usize, date: Option<&str>) -> Vec<String> {
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..writers)
            .map(|w| s.spawn(move || add_many(db, w, n, date)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    })
}

fn notes(store: &Store, from: &str, to: &str) -> BTreeSet<String> {
    store
        .entries_between(from.parse().unwrap(), to.parse().unwrap())
        .unwrap()
        .into_iter()
        .filter_map(|e| e.note)
        .collect()
}

fn expected_notes(writers: usize, n: usize) -> BTreeSet<String> {
    (0..writers)
        .flat_map(|w| (0..n).map(move |i| format!("w{w}-{i}")))
        .collect()
}

#[test]
fn four_writers_add_250_each_and_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    assert!(intake(&db, &["profile"]).status.success());
    let failures = writers_at_once(&db, 4, 250, None);
    assert!(
        failures.is_empty(),
        "{} failed: {failures:#?}",
        failures.len()
    );
    let store = Store::open(&db).unwrap();
    assert_eq!(store.entry_count().unwrap(), 1000);
    assert_eq!(
        notes(&store, "2026-05-01", "2026-05-28"),
        expected_notes(4, 250)
    );
}

/// Another connection holds the write lock for a while; a delete (which reads the entry, then
/// deletes it) must wait for it through the busy timeout, not fail with "database is locked".
#[test]
fn a_write_waits_for_another_writer_instead_of_failing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let mut store = Store::open(&db).unwrap();
    let catalog = Catalog::builtin();
    let entry = |note: &str| {
        Entry::log(LogRequest {
            item: catalog.get("d3").unwrap(),
            quantity: Quantity::parse("1000 IU").unwrap(),
            date: "2026-05-04".parse().unwrap(),
            time: "08:00".parse().unwrap(),
            meal: None,
            note: Some(note.into()),
        })
        .unwrap()
    };
    for round in 0..3 {
        let id = store.insert_entry(&entry("mine")).unwrap();
        let (locked, go) = mpsc::channel();
        let other = std::thread::spawn({
            let db = db.clone();
            move || {
                let mut other = Store::open(&db).unwrap();
                let e = entry_for_other(round);
                other
                    .batch(|s| {
                        s.insert_entry(&e)?;
                        locked.send(()).unwrap();
                        std::thread::sleep(Duration::from_millis(300));
                        Ok::<_, intake::store::StoreError>(())
                    })
                    .unwrap();
            }
        });
        go.recv().unwrap();
        assert!(store.entry(id).unwrap().is_some(), "reads go on meanwhile");
        let deleted = store.delete_entry(id);
        assert!(deleted.is_ok(), "round {round}: {deleted:?}");
        assert!(deleted.unwrap().is_some());
        store.set_profile(&store.profile().unwrap()).unwrap();
        other.join().unwrap();
    }
    assert_eq!(store.entry_count().unwrap(), 3, "the other writer's three");
}

fn entry_for_other(round: usize) -> Entry {
    Entry::log(LogRequest {
        item: Catalog::builtin().get("milk").unwrap(),
        quantity: Quantity::parse("1 cup").unwrap(),
        date: "2026-05-04".parse().unwrap(),
        time: "09:00".parse().unwrap(),
        meal: None,
        note: Some(format!("other {round}")),
    })
    .unwrap()
}

fn press(app: &mut App, rt: &mut Runtime, code: KeyCode) {
    rt.dispatch(app, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    if let Some(s) = app.status.as_ref().filter(|s| s.error) {
        panic!("the app showed an error: {}", s.text);
    }
}

/// Reloads when another process wrote, as the event loop does on each tick.
fn tick(app: &mut App, rt: &mut Runtime) {
    if rt.other_process_wrote() {
        rt.dispatch(app, Action::ExternalChange);
    }
    if let Some(s) = app.status.as_ref().filter(|s| s.error) {
        panic!("the app showed an error: {}", s.text);
    }
}

/// The app's runtime copies yesterday's supplement again and again while two CLI processes add 40
/// entries each to the day it shows; nothing errors, and the view ends up holding exactly the
/// stored entries.
#[test]
fn the_app_writes_and_reloads_while_cli_processes_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let ok = intake(&db, &["add", "d3", "2000 IU", "--date", "2026-11-20"]);
    assert!(ok.status.success());
    let store = Store::open(&db).unwrap();
    let mut rt = Runtime::new(store, dir.path().join("exports")).unwrap();
    let now = "2026-11-21T08:30:00".parse().unwrap();
    let mut app = App::new(now, rt.store.profile().unwrap(), Keymap::default());
    rt.start(&mut app);
    let copies = std::thread::scope(|s| {
        let cli = s.spawn(|| writers_at_once(&db, 2, 40, Some("2026-11-21")));
        let mut copies = 0;
        while !cli.is_finished() {
            press(&mut app, &mut rt, KeyCode::Char('c'));
            copies += 1;
            tick(&mut app, &mut rt);
            std::thread::sleep(Duration::from_millis(20));
        }
        let failures = cli.join().unwrap();
        assert!(failures.is_empty(), "{failures:#?}");
        copies
    });
    tick(&mut app, &mut rt);
    let stored = rt.store.entries_on("2026-11-21".parse().unwrap()).unwrap();
    assert_eq!(
        stored.len(),
        80 + copies,
        "80 from the CLI, {copies} copies"
    );
    let shown: Vec<i64> = app.entries().iter().map(|e| e.id).collect();
    let mut ids: Vec<i64> = stored.iter().map(|e| e.id).collect();
    let mut sorted = shown.clone();
    sorted.sort();
    ids.sort();
    assert_eq!(sorted, ids, "the view shows what is stored");
    assert_eq!(
        notes(&rt.store, "2026-11-21", "2026-11-21"),
        expected_notes(2, 40)
    );
}

/// The real app open in tmux while two CLI processes add 15 entries each to today: the app shows
/// all 30 through its live reload, with no error on its status line.
#[test]
fn the_open_terminal_app_shows_what_cli_processes_write() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    if !common::tmux::tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let tmux = common::tmux::start(dir.path(), &db);
    tmux.wait_for(&["Entries (0)"]);
    let today = chrono::Local::now().date_naive().to_string();
    let failures = writers_at_once(&db, 2, 15, Some(&today));
    assert!(failures.is_empty(), "{failures:#?}");
    let screen = tmux.wait_for(&["Entries (30)"]);
    let lower = screen.to_lowercase();
    assert!(
        !lower.contains("locked") && !lower.contains("error"),
        "{screen}"
    );
    tmux.keys(&["q"]);
    tmux.wait_exit();
}
