//! Bad input: exit status 2, one line on stderr saying what was wrong and what is accepted, no
//! panic, and the diary byte-for-byte unchanged. The corpus spans arguments, dates, times, weeks,
//! quantities, units, item names, profile values, user item definitions and config.toml.

mod common;
use common::Diary;
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
/// Bad command lines that are plain text.
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
    &["add", "d3", "2000"],
    &["add", "calcium-citrate", "1000"],
    &["add", "unobtainium-xyz"],
    &["add", ""],
    &["add", "chicken"],
    &["add", "milk", "--date", "2026-02-30"],
    &["add", "milk", "--date", "yesterdayish"],
    &["add", "milk", "--at", "25:00"],
    &["add", "milk", "--at", "7pm"],
    &["add", "milk", "--meal", "bre\u{7}akfast"],
    &["day", "2026-13-01"],
    &["plan", "2026-13-01"],
    &["plan", "--fix", "unobtainium-xyz=06:30"],
    &["plan", "--fix", "levothyroxine=25:00"],
    &["plan", "--fix", "levothyroxine"],
    &["plan", "--fix", "milk=07:00"],
    &["plan", "--unfix", "levothyroxine"],
    &["next", "tomorrow"],
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
    // dates, times, weeks
    &["add", "milk", "--date", "0000-01-01"],
    &["add", "milk", "--date", "10000-01-01"],
    &["add", "milk", "--date", "2026/11/16"],
    &["add", "milk", "--at", "12:60"],
    &["add", "milk", "--at", ""],
    &["add", "milk", "--at", "08:00:00:00"],
    &["day", "2026-11-16T08:00"],
    &["week", "2026-W5"],
    &["week", "W47"],
    &["export", "--from", "bad", "--to", "2026-11-20"],
    &["stack", "log", "morning", "--date", "someday"],
    &["edit", "1", "--at", "noon"],
    // quantities and units
    &["add", "milk", "1/0", "cup"],
    &["add", "milk", "1e400"],
    &["add", "milk", "1..5", "cup"],
    &["add", "d3", "50000000", "IU"],
    &["add", "milk", "1", "cup", "extra"],
    // item names that look like SQL or hold controls
    &["add", "milk'; DROP TABLE entries; --"],
    &["add", "\u{1b}[31mred"],
    &["add", "milk", "--note", "line one\nline two"],
    &["item", "add", "kefir", "--name", "tab\there"],
    &["item", "add", "x'); DELETE FROM entries; --", "--name", "x"],
    &["stack", "add", "bad\u{7f}name", "d3=1"],
    // direction overrides and zero-width characters (issue 14.15)
    &["add", "milk", "--note", "gnirts\u{202e}reversed"],
    &["add", "milk", "--meal", "lun\u{200b}ch"],
    &["item", "add", "kefir", "--name", "Ke\u{2066}fir"],
    &["stack", "add", "morn\u{feff}ing", "d3=1"],
    // profile values
    &["profile", "set", "--age", "200"],
    &["profile", "set", "--age", "-1"],
    &["profile", "set", "--age", "forty"],
    &["profile", "set", "--sex", ""],
    // user item definitions
    &["item", "add", "kefir", "--name", ""],
    &["item", "add", "kefir", "--name", "Kefir", "--d3", "lots"],
    &[
        "item",
        "add",
        "kefir",
        "--name",
        "Kefir",
        "--k2-mk7",
        "300-100-5",
    ],
    &[
        "item",
        "add",
        "kefir",
        "--name",
        "Kefir",
        "--calcium",
        "inf",
    ],
    &["item", "add", "kefir", "--name", "Kefir", "--grams", "-3"],
    &[
        "item", "add", "kefir", "--name", "Kefir", "--tag", "bad tag!",
    ],
    &[
        "item",
        "add",
        "kefir",
        "--name",
        "Kefir",
        "--serving",
        "1 parsec",
    ],
    &["item", "add", "kefir", "--name", "Kefir", "--kind", ""],
    &["item", "add", "", "--name", "Kefir"],
];

/// Command lines that cannot be written as plain text: very long, or not UTF-8.
fn odd_args() -> Vec<Vec<OsString>> {
    let long = "a".repeat(10 * 1024);
    let os = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
    let with_bytes = |v: &[&str], b: &[u8]| {
        let mut args = os(v);
        args.push(OsString::from_vec(b.to_vec()));
        args
    };
    vec![
        os(&["add", &long]),
        os(&["edit", "1", "--note", &long]),
        os(&["add", "milk", "--note", &long]),
        os(&["item", "add", "kefir", "--name", &long]),
        os(&["stack", "add", &long, "d3=1"]),
        with_bytes(&["add"], b"milk\xff\xfe"),
        with_bytes(&["add", "milk"], b"1 c\xffp"),
        with_bytes(&["day"], b"2026-11-\xc3"),
        with_bytes(&["item", "add", "kefir", "--name"], b"K\xe9fir"),
    ]
}

/// config.toml files the terminal app refuses before it touches the terminal or the diary.
const BAD_CONFIGS: &[&[u8]] = &[
    b"[keys]\nadd = \"n\"\n",
    b"[keys]\nadd = [1, 2]\n",
    b"keys = 3\n",
    b"[keys]\nfrobnicate = [\"x\"]\n",
    b"[colors]\nbackground = \"black\"\n",
    b"theme = \"dark\"\n",
    b"[keys]\nadd = [\"Ctrl-\"]\n",
    b"[keys]\nadd = [\"Hyper-x\"]\n",
    b"[keys]\nadd = [\"nn\"]\n",
    b"[keys]\nadd = [\"\\u0007\"]\n",
    b"[keys\nadd = [\"n\"]\n",
    b"[keys]\nadd = [\"\xff\"]\n",
];

/// Runs `intake ARGS` and checks the one-line refusal and the untouched diary.
fn assert_refused(d: &Diary, args: &[OsString], before: &[u8]) {
    let out = d.cmd(&[]).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let shown: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().chars().take(40).collect())
        .collect();
    assert_eq!(out.status.code(), Some(2), "{shown:?}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{shown:?}: {err}");
    assert!(err.starts_with("intake: "), "{shown:?}: {err}");
    assert!(!err.contains("panicked"), "{shown:?}: {err}");
    assert!(err.len() < 600, "{shown:?}: a {}-byte message", err.len());
    assert!(
        !err.trim_end().chars().any(char::is_control),
        "{shown:?}: control characters reach the terminal: {err:?}"
    );
    assert_eq!(d.snapshot(), before, "{shown:?} changed the diary");
}

#[test]
fn the_corpus_is_large() {
    assert!(BAD.len() + odd_args().len() + BAD_CONFIGS.len() >= 60);
}

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
    d.ok(&["stack", "add", "morning", "d3=1"]);
    let before = d.snapshot();
    for args in BAD {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        assert_refused(&d, &args, &before);
    }
    for args in odd_args() {
        assert_refused(&d, &args, &before);
    }
}

#[test]
fn a_bad_config_is_refused_before_the_app_opens() {
    let d = Diary::new();
    d.ok(&["add", "milk", "1 cup"]);
    let before = d.snapshot();
    let config = d.dir.path().join("config.toml");
    for text in BAD_CONFIGS {
        std::fs::write(&config, text).unwrap();
        let args = [OsString::from("--config"), config.clone().into_os_string()];
        assert_refused(&d, &args, &before);
        let out = d.cmd(&[]).env("INTAKE_CONFIG", &config).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "INTAKE_CONFIG {text:?}");
    }
    std::fs::write(&config, "[keys]\nadd = [\"n\"]\n").unwrap();
    d.cmd(&["--config", config.to_str().unwrap()])
        .assert()
        .success();
}

#[test]
fn unknown_unit_error_lists_the_units_the_item_takes() {
    let d = Diary::new();
    let out = d.cmd(&["add", "milk", "2", "parsecs"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cup"), "{err}");
}

#[test]
fn a_bare_dose_suggests_the_unit_it_probably_meant() {
    let d = Diary::new();
    for (args, hint) in [
        (
            ["add", "d3", "2000"],
            "2000 servings is too many (at most 100); did you mean 2000 IU?",
        ),
        (["add", "calcium-citrate", "500"], "did you mean 500 mg?"),
    ] {
        let out = d.cmd(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(hint), "{args:?}: {err}");
    }
    // Food is not guessed at: 1000 servings of milk stays "too large".
    let out = d.cmd(&["add", "milk", "1000"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("too large") && !err.contains("did you mean"),
        "{err}"
    );
    // And the suggestion works as given.
    d.ok(&["add", "d3", "2000 IU"]);
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
