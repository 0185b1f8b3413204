//! Files that are not ours, or no longer whole: each command refuses them with one line and exit
//! status 2, and the file is byte-for-byte what it was (its hash before and after).

mod common;
use common::Diary;
use std::hash::{DefaultHasher, Hash, Hasher};

/// The commands tried on every foreign file: reading, writing and the app's fallback.
const COMMANDS: &[&[&str]] = &[
    &["day", "2026-11-16"],
    &[
        "add",
        "milk",
        "1 cup",
        "--date",
        "2026-11-16",
        "--at",
        "08:00",
    ],
    &["export", "--week", "2026-W47"],
    &["profile", "set", "--age", "40"],
    &[],
];

fn hash(path: &std::path::Path) -> u64 {
    let mut h = DefaultHasher::new();
    std::fs::read(path).unwrap().hash(&mut h);
    h.finish()
}

/// Runs every command on the diary; each must refuse with `expect` and leave it unchanged.
fn refused_unchanged(d: &Diary, expect: &str) {
    let before = hash(&d.path);
    for args in COMMANDS {
        let out = d.cmd(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(expect), "{args:?}: {err}");
        assert!(err.contains("left unchanged"), "{args:?}: {err}");
        assert_eq!(hash(&d.path), before, "{args:?} changed the file");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let names: Vec<_> = std::fs::read_dir(d.dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no side files are left: {names:?}");
}

/// A real diary with `n` entries on 2026-11-16, closed (so its log is folded in).
fn diary_with(n: usize) -> Diary {
    use intake::catalog::Catalog;
    use intake::domain::{Entry, LogRequest, Quantity};
    let d = Diary::new();
    let mut store = intake::store::Store::open(&d.path).unwrap();
    let catalog = Catalog::builtin();
    let milk = catalog.get("milk").unwrap();
    for i in 0..n {
        let e = Entry::log(LogRequest {
            item: milk,
            quantity: Quantity::parse("1 cup").unwrap(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 16).unwrap(),
            time: chrono::NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
            meal: None,
            note: Some(format!("entry {i} {}", "x".repeat(200))),
        })
        .unwrap();
        store.insert_entry(&e).unwrap();
    }
    drop(store);
    d
}

#[test]
fn text_and_random_bytes_are_not_diaries() {
    let d = Diary::new();
    std::fs::write(&d.path, "shopping: milk, sardines, kale\n".repeat(40)).unwrap();
    refused_unchanged(&d, "is not an intake diary (it is not a SQLite database)");
    let bytes: Vec<u8> = (0u32..65_536)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&d.path, bytes).unwrap();
    refused_unchanged(&d, "is not an intake diary");
}

#[test]
fn another_programs_database_is_refused() {
    let d = Diary::new();
    let c = rusqlite::Connection::open(&d.path).unwrap();
    c.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann');")
        .unwrap();
    drop(c);
    refused_unchanged(&d, "a SQLite database of another program");
}

#[test]
fn a_truncated_diary_is_refused() {
    let d = diary_with(200);
    let bytes = std::fs::read(&d.path).unwrap();
    assert!(bytes.len() > 40_000, "the diary spans many pages");
    std::fs::write(&d.path, &bytes[..bytes.len() / 2]).unwrap();
    refused_unchanged(&d, "is truncated");
    std::fs::write(&d.path, &bytes[..60]).unwrap();
    refused_unchanged(&d, "is not an intake diary");
}

/// A file that is short for a moment, as while another process's checkpoint writes the header
/// before the pages that grow the file, opens once it is whole: before, the first look called it
/// "truncated" (a CI flake of four writers at once).
#[test]
fn a_diary_short_only_for_a_moment_opens() {
    use std::io::Write;
    let d = diary_with(200);
    let bytes = std::fs::read(&d.path).unwrap();
    let half = bytes.len() / 2;
    std::fs::write(&d.path, &bytes[..half]).unwrap();
    let grow = std::thread::spawn({
        let (path, tail) = (d.path.clone(), bytes[half..].to_vec());
        move || {
            std::thread::sleep(std::time::Duration::from_millis(15));
            let mut f = std::fs::OpenOptions::new().append(true).open(path).unwrap();
            f.write_all(&tail).unwrap();
        }
    });
    let opened = intake::store::Store::open(&d.path);
    grow.join().unwrap();
    assert_eq!(opened.unwrap().entry_count().unwrap(), 200);
}

#[test]
fn a_diary_with_a_damaged_header_or_page_is_refused() {
    let d = diary_with(200);
    let good = std::fs::read(&d.path).unwrap();
    let mut bad = good.clone();
    bad[..16].copy_from_slice(b"garbage garbage!");
    std::fs::write(&d.path, &bad).unwrap();
    refused_unchanged(&d, "is not an intake diary");

    // Scramble the root page of the entries table: opening probes every root, so even a command
    // that would only touch the profile is refused before it writes.
    std::fs::write(&d.path, &good).unwrap();
    let c = rusqlite::Connection::open(&d.path).unwrap();
    let root: i64 = c
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = 'entries'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    drop(c);
    let mut bad = good.clone();
    let at = (root as usize - 1) * 4096;
    bad[at..at + 64].fill(0xA5);
    std::fs::write(&d.path, &bad).unwrap();
    refused_unchanged(&d, "the diary is damaged");
}

#[test]
fn a_diary_from_a_newer_intake_is_refused() {
    let d = diary_with(3);
    let c = rusqlite::Connection::open(&d.path).unwrap();
    c.pragma_update(None, "user_version", 99).unwrap();
    drop(c);
    refused_unchanged(&d, "written by a newer intake (schema 99");
}

#[test]
fn a_folder_is_not_a_diary() {
    let d = Diary::new();
    std::fs::create_dir(&d.path).unwrap();
    let out = d.cmd(&["day"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("is a folder"), "{err}");
}
