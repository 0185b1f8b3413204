//! `intake check` and `intake backup`: a sound diary passes with `ok` lines and exit 0; a damaged
//! index page or a hand-edited row is reported with exit 1 and the file left as it was; a backup
//! taken while the app and another writer have the diary open passes the check and holds every
//! entry stored before it began.

mod common;

use common::Diary;
use intake::app::{App, Keymap};
use intake::catalog::Catalog;
use intake::domain::{Entry, LogRequest, Quantity};
use intake::store::Store;
use intake::tui::Runtime;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

/// `n` entries spread over about a year of days, in one transaction.
fn fill(path: &Path, n: usize) {
    let catalog = Catalog::builtin();
    let first: chrono::NaiveDate = "2025-01-01".parse().unwrap();
    let entries: Vec<Entry> = (0..n)
        .map(|i| {
            Entry::log(LogRequest {
                item: catalog.get(["milk", "d3", "natto"][i % 3]).unwrap(),
                quantity: Quantity::parse("1").unwrap(),
                date: first + chrono::Duration::days((i / 6) as i64),
                time: chrono::NaiveTime::from_hms_opt((i % 24) as u32, 0, 0).unwrap(),
                meal: None,
                note: Some(format!("n{i}")),
            })
            .unwrap()
        })
        .collect();
    let mut store = Store::open(path).unwrap();
    store.insert_entries(&entries).unwrap();
}

fn hash(path: &Path) -> u64 {
    let mut h = DefaultHasher::new();
    std::fs::read(path).unwrap().hash(&mut h);
    h.finish()
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// `intake --db DB ARGS…`.
fn run(db: &Path, args: &[&str]) -> Run {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_intake"))
        .env_remove("INTAKE_DB")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn a_sound_diary_passes_with_ok_lines() {
    let d = Diary::new();
    fill(&d.path, 300);
    let r = run(&d.path, &["check"]);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.lines().all(|l| l.starts_with("ok: ")),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("integrity check"), "{}", r.stdout);
    assert!(
        r.stdout.contains("300 entries, 2025-01-01 to"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("journal mode wal"), "{}", r.stdout);
    assert!(r.stderr.is_empty());
}

/// The page number of the right-most leaf under b-tree `root` (or `root` itself if a leaf).
fn rightmost_leaf(bytes: &[u8], page_size: usize, root: usize) -> usize {
    let mut page = root;
    loop {
        let at = (page - 1) * page_size + if page == 1 { 100 } else { 0 };
        match bytes[at] {
            0x02 | 0x05 => {
                let ptr = u32::from_be_bytes(bytes[at + 8..at + 12].try_into().unwrap());
                page = ptr as usize;
            }
            _ => return page,
        }
    }
}

/// Reverses the order of the cells on the right-most leaf page of index `index` (as a torn or
/// misdirected write might leave it): every cell is whole, but the keys are out of order, which
/// SQLite's integrity check reports while the table itself stays readable.
fn damage_index(path: &Path, index: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let root: i64 = conn
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = ?",
            [index],
            |r| r.get(0),
        )
        .unwrap();
    let page_size: i64 = conn
        .pragma_query_value(None, "page_size", |r| r.get(0))
        .unwrap();
    drop(conn);
    let mut bytes = std::fs::read(path).unwrap();
    let ps = page_size as usize;
    let at = (rightmost_leaf(&bytes, ps, root as usize) - 1) * ps;
    assert_eq!(bytes[at], 0x0a, "an index leaf page");
    let cells = u16::from_be_bytes([bytes[at + 3], bytes[at + 4]]) as usize;
    assert!(cells > 2, "the leaf holds {cells} cells");
    let mut pointers: Vec<[u8; 2]> = (0..cells)
        .map(|i| [bytes[at + 8 + 2 * i], bytes[at + 9 + 2 * i]])
        .collect();
    pointers.reverse();
    for (i, p) in pointers.iter().enumerate() {
        bytes[at + 8 + 2 * i..at + 10 + 2 * i].copy_from_slice(p);
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_damaged_index_page_is_reported_with_exit_1_and_left_unchanged() {
    let d = Diary::new();
    fill(&d.path, 2000);
    damage_index(&d.path, "entries_by_date");
    let before = hash(&d.path);
    let r = run(&d.path, &["check"]);
    assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .lines()
            .next()
            .is_some_and(|l| l.starts_with("problem: ") && l.contains("entries_by_date")),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.lines().count() <= 21,
        "at most 20 problems and a count"
    );
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("is damaged"), "{}", r.stderr);
    assert!(r.stderr.contains("intake backup"), "{}", r.stderr);
    assert_eq!(hash(&d.path), before, "check changed the file");
}

#[test]
fn a_row_edited_by_hand_is_named_by_its_id() {
    let d = Diary::new();
    fill(&d.path, 10);
    let conn = rusqlite::Connection::open(&d.path).unwrap();
    conn.execute("UPDATE entries SET date = '21/11/2026' WHERE id = 4", [])
        .unwrap();
    conn.execute(
        "UPDATE entries SET calcium_mg_lo = calcium_mg_hi + 1 WHERE id = 7",
        [],
    )
    .unwrap();
    drop(conn);
    let r = run(&d.path, &["check"]);
    assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("problem: 2 entries hold values intake cannot read"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("ids 4, 7"), "{}", r.stdout);
}

#[test]
fn a_newer_diary_is_checked_without_being_changed() {
    let d = Diary::new();
    fill(&d.path, 5);
    let conn = rusqlite::Connection::open(&d.path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    let before = hash(&d.path);
    let r = run(&d.path, &["check"]);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("schema version 99"), "{}", r.stdout);
    assert!(r.stdout.contains("newer than this intake"), "{}", r.stdout);
    assert_eq!(hash(&d.path), before);
}

#[test]
fn check_refuses_what_is_not_a_diary_with_exit_2() {
    let d = Diary::new();
    let r = run(&d.path, &["check"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("no diary at"), "{}", r.stderr);
    assert!(!d.path.exists(), "check does not create a diary");
    std::fs::write(&d.path, "just some text\n").unwrap();
    let r = run(&d.path, &["check"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("not an intake diary"), "{}", r.stderr);
    let other = rusqlite::Connection::open(d.dir.path().join("other.db")).unwrap();
    other.execute_batch("CREATE TABLE t (x)").unwrap();
    drop(other);
    let r = run(&d.dir.path().join("other.db"), &["check"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("not an intake diary"), "{}", r.stderr);
}

/// The app holds the diary open (and has written to it) and a CLI process keeps adding while
/// `intake backup` runs: the copy passes `intake check`, holds every entry that was there before
/// the backup began, and is readable by its owner only.
#[test]
fn a_backup_taken_while_others_write_passes_check() {
    let d = Diary::new();
    fill(&d.path, 500);
    let mut rt = Runtime::new(Store::open(&d.path).unwrap(), d.dir.path().join("x")).unwrap();
    let mut app = App::new(
        "2025-01-02T08:00:00".parse().unwrap(),
        rt.store.profile().unwrap(),
        Keymap::default(),
    );
    rt.start(&mut app);
    let catalog = Catalog::builtin();
    rt.store
        .insert_entry(
            &Entry::log(LogRequest {
                item: catalog.get("d3").unwrap(),
                quantity: Quantity::parse("1000 IU").unwrap(),
                date: "2025-01-02".parse().unwrap(),
                time: "09:00".parse().unwrap(),
                meal: None,
                note: Some("from the app".into()),
            })
            .unwrap(),
        )
        .unwrap();
    let copy = d.dir.path().join("copy.db");
    std::thread::scope(|s| {
        let writer = s.spawn(|| {
            for i in 0..20 {
                let note = format!("during {i}");
                d.ok(&["add", "milk", "--date", "2025-03-01", "--note", &note]);
            }
        });
        std::thread::sleep(std::time::Duration::from_millis(100));
        let out = d.ok(&["backup", copy.to_str().unwrap()]);
        assert!(out.contains("backed up to"), "{out}");
        writer.join().unwrap();
    });
    let r = run(&copy, &["check"]);
    assert_eq!(r.code, Some(0), "{}{}", r.stdout, r.stderr);
    let saved = Store::open(&copy).unwrap();
    let n = saved.entry_count().unwrap();
    assert!((501..=521).contains(&n), "{n} entries in the copy");
    let notes: Vec<String> = saved
        .entries_between("2025-01-01".parse().unwrap(), "2025-12-31".parse().unwrap())
        .unwrap()
        .into_iter()
        .filter_map(|e| e.note)
        .collect();
    assert!(notes.iter().any(|n| n == "from the app"));
    assert!((0..500).all(|i| notes.contains(&format!("n{i}"))));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copy).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
}
