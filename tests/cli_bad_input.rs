//! Bad input: exit status 2, one line on stderr saying what was wrong, the diary unchanged.

mod common;
use common::Diary;

const BAD: &[&[&str]] = &[
    &["add", "milk", "-1", "cup"],
    &["add", "milk", "0"],
    &["add", "milk", "NaN"],
    &["add", "milk", "inf", "cup"],
    &["add", "milk", "1000", "cup"],
    &["add", "milk", "20", "kg"],
    &["add", "milk", "2", "parsecs"],
    &["add", "milk", "abc"],
    &["add", "sardines", "2", "cup"],
    &["add", "d3", "1", "cup"],
    &["add", "unobtainium-xyz"],
    &["add", ""],
    &["add", "chicken"],
    &["add", "milk", "--date", "2026-02-30"],
    &["add", "milk", "--date", "yesterdayish"],
    &["add", "milk", "--at", "25:00"],
    &["add", "milk", "--at", "7pm"],
    &["add", "milk", "--meal", "bre\u{7}akfast"],
    &["day", "2026-13-01"],
    &["day", "not-a-date"],
    &["week", "2026-W54"],
    &["week", "2026-W0"],
    &["export", "--week", "2026-W60"],
    &["export", "--from", "2026-11-20", "--to", "2026-11-10"],
    &["export", "--from", "2026-11-20"],
    &["rm", "999"],
    &["rm", "abc"],
    &["edit", "999", "2 cup"],
    &["edit", "1", "-3 cup"],
    &["profile", "set", "--age", "5"],
    &["profile", "set", "--sex", "other"],
    &["profile", "set", "--goal", "strength"],
    &["profile", "set", "--reference", "wiki"],
    &["profile", "set", "--warfarin", "maybe"],
    &["profile", "set"],
    &["item", "add", "Bad Key", "--name", "x"],
    &["item", "add", "milk", "--name", "My milk"],
    &["item", "add", "good-key", "--name", "x", "--calcium", "-5"],
    &["item", "add", "good-key", "--name", "x", "--kind", "rock"],
    &[
        "item",
        "add",
        "good-key",
        "--name",
        "x",
        "--serving",
        "zero cup",
    ],
    &["stack", "add", "m", "d3"],
    &["stack", "add", "m", "d3=1 cup"],
    &["stack", "log", "nosuchstack"],
    &["stack", "rm", "nosuchstack"],
    &["foods", " "],
    &["frobnicate"],
    &["add"],
    &["day", "--bogus-flag"],
];

#[test]
fn every_bad_input_exits_2_with_one_line_and_writes_nothing() {
    let d = Diary::new();
    d.ok(&[
        "add",
        "milk",
        "1 cup",
        "--date",
        "2026-11-16",
        "--at",
        "08:00",
    ]);
    let before = d.snapshot();
    for args in BAD {
        let out = d.cmd(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("intake: "), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(d.snapshot(), before, "{args:?} changed the diary");
    }
}

#[test]
fn unknown_unit_error_lists_the_units_the_item_takes() {
    let d = Diary::new();
    let out = d.cmd(&["add", "milk", "2", "parsecs"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cup"), "{err}");
}

#[test]
fn a_file_that_is_not_a_diary_is_refused_and_left_alone() {
    let d = Diary::new();
    std::fs::write(
        &d.path,
        "just some notes, not a database, long enough to look like a file",
    )
    .unwrap();
    let before = std::fs::read(&d.path).unwrap();
    let out = d.cmd(&["day"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an intake diary"));
    assert_eq!(std::fs::read(&d.path).unwrap(), before);
}
