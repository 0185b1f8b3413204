//! An older diary is copied next to itself before its migration runs, then upgraded in place.
//! `tests/fixtures/diary-v1.db` was written by intake at schema 1 (commit f29ebbe): a profile, a
//! user item, a stack and four entries on 2026-11-16/17. `tests/fixtures/diary-v2.db` was written
//! at schema 2 (commit c17cf87): a profile, a stack and entries 1-4 on 2026-11-16/17 (entry 5 was
//! deleted, so new ids start at 6).

mod common;
use common::Diary;
use intake::store::MIGRATIONS_COUNT;
use rusqlite::Connection;
use std::path::Path;

/// `PRAGMA user_version` of a diary this build has upgraded.
fn latest() -> String {
    format!("Integer({MIGRATIONS_COUNT})")
}

fn v1_diary() -> Diary {
    let d = Diary::new();
    std::fs::copy("tests/fixtures/diary-v1.db", &d.path).unwrap();
    d
}

fn query(path: &std::path::Path, sql: &str) -> String {
    let c = Connection::open(path).unwrap();
    c.query_row(sql, [], |r| r.get::<_, rusqlite::types::Value>(0))
        .map(|v| format!("{v:?}"))
        .unwrap()
}

#[test]
fn an_older_diary_is_backed_up_then_upgraded_keeping_every_entry() {
    let d = v1_diary();
    let original = std::fs::read(&d.path).unwrap();
    let out = d.cmd(&["day", "2026-11-16"]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let backup = d.dir.path().join("diary.db.v1.bak");
    assert!(
        err.contains(&format!(
            "upgraded the diary from schema 1 to {MIGRATIONS_COUNT}"
        )) && err.contains("diary.db.v1.bak"),
        "{err}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Milk 1 cup (breakfast)") && stdout.contains("625 mg"));

    // The copy is the diary as it was: schema 1, the same rows, owner-only.
    assert_eq!(query(&backup, "PRAGMA user_version"), "Integer(1)");
    let rows =
        "SELECT group_concat(id || item_key || date || time || calcium_mg_lo, ';') FROM entries";
    let copy = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(copy.path(), &original).unwrap();
    assert_eq!(query(&backup, rows), query(copy.path(), rows));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&backup).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // The diary is at the latest schema, with all it held and the view.
    assert_eq!(query(&d.path, "PRAGMA user_version"), latest());
    assert_eq!(query(&d.path, rows), query(copy.path(), rows));
    let view = "SELECT calcium_mg_lo FROM day_totals WHERE date = '2026-11-16'";
    assert_eq!(query(&d.path, view), "Real(625.0)");
    let seq = "SELECT seq FROM sqlite_sequence WHERE name = 'entries'";
    assert_eq!(
        query(&d.path, seq),
        "Integer(4)",
        "new ids follow the old ones"
    );
    assert!(d.ok(&["item", "list"]).contains("my-kefir"));
    assert!(d.ok(&["stack", "list"]).contains("morning"));
    assert!(d.ok(&["profile"]).contains("52 female"));
}

#[test]
fn an_upgraded_diary_is_not_backed_up_again_and_copies_are_never_overwritten() {
    let d = v1_diary();
    let stale = d.dir.path().join("diary.db.v1.bak");
    std::fs::write(&stale, b"an older copy the user kept").unwrap();
    let out = d.cmd(&["day", "2026-11-16"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("diary.db.v1.2.bak"));
    assert_eq!(
        std::fs::read(&stale).unwrap(),
        b"an older copy the user kept"
    );
    assert_eq!(
        query(
            &d.dir.path().join("diary.db.v1.2.bak"),
            "PRAGMA user_version"
        ),
        "Integer(1)"
    );
    let again = d.cmd(&["day", "2026-11-16"]).output().unwrap();
    assert!(again.status.success() && again.stderr.is_empty());
    let baks = std::fs::read_dir(d.dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .to_string_lossy()
                .ends_with(".bak")
        })
        .count();
    assert_eq!(baks, 2);
}

#[test]
fn a_new_diary_needs_no_backup() {
    let d = Diary::new();
    let out = d.cmd(&["day"]).output().unwrap();
    assert!(out.status.success() && out.stderr.is_empty());
    assert_eq!(query(&d.path, "PRAGMA user_version"), latest());
    assert_eq!(std::fs::read_dir(d.dir.path()).unwrap().count(), 1);
}

#[test]
fn a_schema_2_diary_upgrades_keeping_ids_times_and_the_view_and_every_entry_gets_a_uuid() {
    let d = Diary::new();
    std::fs::copy("tests/fixtures/diary-v2.db", &d.path).unwrap();
    let rows =
        "SELECT group_concat(id || item_key || date || time || calcium_mg_lo, ';') FROM entries";
    let before = query(&d.path, rows);
    let out = d.cmd(&["day", "2026-11-16"]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("from schema 2 to {MIGRATIONS_COUNT}")),
        "{err}"
    );
    assert!(d.dir.path().join("diary.db.v2.bak").exists());
    assert_eq!(query(&d.path, "PRAGMA user_version"), latest());
    assert_eq!(query(&d.path, rows), before);
    let uuids =
        "SELECT count(DISTINCT uuid) || '/' || count(*) FROM entries WHERE length(uuid) = 36";
    assert_eq!(query(&d.path, uuids), "Text(\"4/4\")");
    let view = "SELECT calcium_mg_lo FROM day_totals WHERE date = '2026-11-16'";
    assert_eq!(query(&d.path, view), "Real(800.0)");
    // The deleted entry 5's id is still never given again.
    let logged = d.ok(&[
        "add",
        "milk",
        "1",
        "cup",
        "--date",
        "2026-11-17",
        "--at",
        "10:00",
    ]);
    assert!(logged.contains("#6 "), "{logged}");
    // A time may now be unknown.
    let c = Connection::open(&d.path).unwrap();
    c.execute("UPDATE entries SET time = NULL WHERE id = 1", [])
        .unwrap();
    drop(c);
    let day = d.ok(&["day", "2026-11-16"]);
    assert!(day.contains("#1 2026-11-16 --:-- Milk"), "{day}");
    assert!(d.ok(&["stack", "list"]).contains("morning"));
    assert!(d.ok(&["profile"]).contains("60 female"));
}

/// Schema 4 adds vitamin K2 of other or unknown form. An entry whose MK-4 and MK-7 were both given
/// had its whole K2 in them, so the new slot is 0; one whose K2 was unknown stays unknown; a user
/// item saved with one value fewer still reads. No total moves.
#[test]
fn k2_of_other_form_is_zero_where_k2_was_whole_and_unknown_where_it_was_unknown() {
    let d = v1_diary();
    assert!(
        d.cmd(&["day", "2026-11-16"])
            .output()
            .unwrap()
            .status
            .success()
    );
    let slot = "SELECT group_concat(id || ':' || ifnull(vitamin_k2_other_mcg_lo, 'null') || \
                ifnull(vitamin_k2_other_mcg_hi, ''), ';') FROM (SELECT * FROM entries ORDER BY id)";
    assert_eq!(query(&d.path, slot), "Text(\"1:null;2:00;3:null;4:null\")");
    let view =
        "SELECT group_concat(date || ':' || vitamin_k2_other_mcg_unknown, ';') FROM day_totals";
    assert_eq!(query(&d.path, view), "Text(\"2026-11-16:2;2026-11-17:1\")");
    let day: serde_json::Value =
        serde_json::from_str(&d.ok(&["day", "2026-11-16", "--json"])).unwrap();
    let k2 = &day["totals"]["vitamin_k2"];
    assert_eq!(k2["low"], 0.0);
    assert_eq!(
        k2["lower_bound"], true,
        "the milk's K2 was and stays unknown"
    );
    let kefir = d.ok(&["item", "list"]);
    assert!(
        kefir.contains("my-kefir") && kefir.contains("K2 ?"),
        "{kefir}"
    );
}

/// Schema 5 adds recipes and the `partial` bits of entries: every entry logged before is whole
/// (0), so no total and no `*_unknown` count of the view moves, and recipes can be made at once.
#[test]
fn schema_5_keeps_every_total_and_adds_recipes() {
    let d = v1_diary();
    let view = "SELECT group_concat(date || ':' || calcium_mg_lo || '/' || calcium_mg_unknown || \
                '/' || vitamin_k2_other_mcg_unknown, ';') FROM day_totals";
    let before = query(
        Path::new("tests/fixtures/diary-v1.db"),
        "PRAGMA user_version",
    );
    assert_eq!(before, "Integer(1)");
    d.ok(&["day", "2026-11-16"]);
    assert_eq!(
        query(&d.path, "SELECT sum(partial) FROM entries"),
        "Integer(0)"
    );
    assert_eq!(
        query(&d.path, view),
        "Text(\"2026-11-16:625.0/0/2;2026-11-17:300.0/0/1\")"
    );
    assert_eq!(query(&d.path, "SELECT count(*) FROM recipes"), "Integer(0)");
    d.ok(&["recipe", "add", "Kefir bowl", "my-kefir=1", "--serves", "2"]);
    assert!(d.ok(&["recipe", "list"]).contains("kefir-bowl"));
}
