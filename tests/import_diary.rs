//! `intake import diary`: merging a second diary (a laptop's into a desktop's and back) adds only
//! the entries missing, running it twice adds nothing, the other file is not changed, and a
//! profile, item or stack that differs is reported and kept as it is here.

mod common;
use common::Diary;

fn export(d: &Diary) -> String {
    d.ok(&[
        "export",
        "--entries",
        "--from",
        "2024-01-01",
        "--to",
        "2026-11-30",
    ])
}

/// Rows of the per-entry CSV without ids, sorted (each diary numbers entries its own way).
fn rows(d: &Diary) -> Vec<String> {
    let csv = export(d);
    let mut out: Vec<String> = csv
        .lines()
        .skip(1)
        .map(|l| {
            let mut cells: Vec<&str> = l.split(',').collect();
            cells.remove(2);
            cells.join(",")
        })
        .collect();
    out.sort();
    out
}

#[test]
fn two_diaries_merge_both_ways_into_the_same_entries_and_twice_adds_nothing() {
    let laptop = Diary::new();
    let desktop = Diary::new();
    laptop.ok(&["add", "milk", "--date", "2026-11-16", "--at", "08:00"]);
    laptop.ok(&[
        "add",
        "levothyroxine",
        "--date",
        "2026-11-16",
        "--at",
        "07:00",
    ]);
    desktop.ok(&[
        "add",
        "d3",
        "2000",
        "IU",
        "--date",
        "2026-11-16",
        "--at",
        "09:00",
    ]);
    desktop.ok(&[
        "import",
        "cronometer",
        "tests/fixtures/cronometer/servings-free.csv",
    ]);
    laptop.ok(&[
        "import",
        "cronometer",
        "tests/fixtures/cronometer/servings-free.csv",
    ]);
    let (l, dk) = (
        laptop.path.to_str().unwrap(),
        desktop.path.to_str().unwrap(),
    );

    let before = std::fs::read(&laptop.path).unwrap();
    let said = desktop.ok(&["import", "diary", l]);
    // 2 entries logged on the laptop; its 3 Cronometer rows are on the desktop already.
    assert!(said.starts_with("merged 2 entries from"), "{said}");
    assert!(said.contains("3 were in the diary already"), "{said}");
    assert_eq!(
        std::fs::read(&laptop.path).unwrap(),
        before,
        "the other file is read only"
    );
    assert!(
        desktop
            .ok(&["import", "diary", l])
            .starts_with("merged 0 entries")
    );

    let back = laptop.ok(&["import", "diary", dk]);
    assert!(back.starts_with("merged 1 entries"), "{back}");
    assert_eq!(rows(&laptop), rows(&desktop));
    assert_eq!(rows(&laptop).len(), 6);
    // The merged levothyroxine keeps its tags: the warning fires on the desktop.
    assert!(
        desktop
            .ok(&["day", "2026-11-16"])
            .contains("calcium-levothyroxine-spacing")
    );
    let uuids = |d: &Diary| {
        let c = rusqlite::Connection::open(&d.path).unwrap();
        let mut st = c
            .prepare("SELECT uuid FROM entries WHERE origin IS NULL ORDER BY uuid")
            .unwrap();
        st.query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        uuids(&laptop),
        uuids(&desktop),
        "identities travel with the entries logged in intake (imported rows match by origin and key)"
    );
}

#[test]
fn a_differing_profile_item_stack_or_recipe_is_reported_and_kept() {
    let a = Diary::new();
    let b = Diary::new();
    a.ok(&["profile", "set", "--age", "60", "--sex", "female"]);
    b.ok(&["profile", "set", "--age", "45", "--sex", "male"]);
    b.ok(&["stack", "add", "morning", "d3=2000 IU"]);
    a.ok(&["recipe", "add", "Bowl", "milk=1 cup", "--serves", "1"]);
    b.ok(&["recipe", "add", "Bowl", "milk=2 cup", "--serves", "1"]);
    let said = a.ok(&["import", "diary", b.path.to_str().unwrap()]);
    assert!(said.contains("kept as it is here: profile"), "{said}");
    assert!(said.contains("kept as it is here: stack morning"), "{said}");
    assert!(said.contains("recipe bowl"), "{said}");
    assert!(a.ok(&["recipe", "show", "bowl"]).contains("1 cup"));
    assert!(a.ok(&["profile"]).contains("60 female"));
}

#[test]
fn a_file_that_is_not_a_diary_is_refused_and_nothing_changes() {
    let a = Diary::new();
    a.ok(&["day"]);
    let before = a.snapshot();
    for other in ["tests/fixtures/cronometer/servings-2023.csv", "no-such.db"] {
        let out = a.cmd(&["import", "diary", other]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{other}");
        assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
    }
    assert_eq!(a.snapshot(), before);
}
