//! `intake import entries`: intake's per-entry CSV back in. export → import into an empty diary
//! → export gives the same file in every column but `id`; importing again adds nothing; a bad
//! row stops the import naming file, line and column, with the diary unchanged.

mod common;
use common::Diary;

fn export(d: &Diary) -> String {
    d.ok(&[
        "export",
        "--entries",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
    ])
}

/// Every row without its `id` cell (the third column).
fn without_ids(csv: &str) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let mut rows = vec![
        r.headers()
            .unwrap()
            .iter()
            .map(String::from)
            .collect::<Vec<_>>(),
    ];
    for rec in r.records() {
        rows.push(rec.unwrap().iter().map(String::from).collect());
    }
    for row in &mut rows {
        row.remove(2);
    }
    rows
}

/// A diary with ranges, unknowns, a note that looks like a formula, an untimed entry, a user
/// item and medicines.
fn source() -> Diary {
    let d = Diary::new();
    let add = |args: &[&str]| d.ok(args);
    add(&[
        "add",
        "levothyroxine",
        "--date",
        "2026-11-16",
        "--at",
        "07:00",
    ]);
    add(&[
        "add",
        "milk",
        "1",
        "cup",
        "--date",
        "2026-11-16",
        "--at",
        "08:00",
        "--meal",
        "breakfast",
    ]);
    add(&[
        "add",
        "d3",
        "2000",
        "IU",
        "--date",
        "2026-11-16",
        "--at",
        "08:05",
        "--note",
        "=1+1, \"quoted\"",
    ]);
    add(&[
        "item",
        "add",
        "my-kefir",
        "--name",
        "Kefir, mine",
        "--serving",
        "1 cup",
        "--calcium",
        "250-300",
    ]);
    add(&[
        "add",
        "my-kefir",
        "2",
        "--date",
        "2026-11-17",
        "--at",
        "21:30",
    ]);
    add(&[
        "add",
        "kale-cooked",
        "0.5",
        "cup",
        "--date",
        "2026-11-17",
        "--at",
        "12:00",
    ]);
    let c = rusqlite::Connection::open(&d.path).unwrap();
    c.execute(
        "UPDATE entries SET time = NULL WHERE item_key = 'kale-cooked'",
        [],
    )
    .unwrap();
    d
}

#[test]
fn export_import_export_is_identical_but_for_ids() {
    let a = source();
    let first = export(&a);
    let file = a.dir.path().join("entries.csv");
    std::fs::write(&file, &first).unwrap();
    let b = Diary::new();
    // Another entry first, so that ids in b differ from a's.
    b.ok(&["add", "milk", "--date", "2026-10-01", "--at", "09:00"]);
    let said = b.ok(&["import", "entries", file.to_str().unwrap()]);
    assert!(said.starts_with("imported 5 entries on 2 days"), "{said}");
    let second = export(&b);
    assert_eq!(without_ids(&second), without_ids(&first));
    assert_ne!(
        second, first,
        "the ids differ, so the test compares something"
    );
    // Tags come back from the items: the levothyroxine spacing warning fires in b too.
    let day = b.ok(&["day", "2026-11-16"]);
    assert!(day.contains("calcium-levothyroxine-spacing"), "{day}");
    let again = b.ok(&["import", "entries", file.to_str().unwrap()]);
    assert!(again.starts_with("imported 0 entries"), "{again}");
}

#[test]
fn a_bad_row_names_file_line_and_column_and_changes_nothing() {
    let a = source();
    let good = export(&a);
    let cases = [
        ("2026-11-16,", "2026-13-16,", ":2: column `date`"),
        (",food,", ",snack,", "column `kind`: `snack` is not a kind"),
        (
            ",1,cup,",
            ",lots,cup,",
            "column `quantity`: `lots` is not a quantity",
        ),
    ];
    for (from, to, want) in cases {
        let d = Diary::new();
        d.ok(&["day"]);
        let before = d.snapshot();
        let file = d.dir.path().join("bad.csv");
        std::fs::write(&file, good.replacen(from, to, 1)).unwrap();
        let out = d
            .cmd(&["import", "entries", file.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{to}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("bad.csv:") && err.contains(want),
            "{want}: {err}"
        );
        assert_eq!(d.snapshot(), before);
    }
    let d = Diary::new();
    let out = d
        .cmd(&[
            "import",
            "entries",
            "tests/fixtures/cronometer/servings-2023.csv",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(":1: not an intake per-entry CSV"));
}
