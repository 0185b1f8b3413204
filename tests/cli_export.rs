//! The weekly CSV: exact header, seven days Monday first, values from the seed tables.

mod common;
use common::Diary;

const HEADER: &str = "date,weekday,entries,calcium_mg,calcium_low_mg,calcium_high_mg,calcium_target_mg,calcium_pct,vitamin_d_iu,vitamin_d_low_iu,vitamin_d_high_iu,vitamin_d3_iu,vitamin_d_target_iu,vitamin_d_pct,vitamin_k2_mcg,vitamin_k2_low_mcg,vitamin_k2_high_mcg,vitamin_k2_target_mcg,vitamin_k2_pct,vitamin_k1_mcg,magnesium_mg,incomplete,warnings,warning_rules";

fn seed_week(d: &Diary) {
    d.ok(&[
        "add",
        "sardines",
        "3 oz",
        "--date",
        "2026-11-16",
        "--at",
        "12:30",
    ]);
    d.ok(&[
        "add",
        "milk",
        "2 cup",
        "--date",
        "2026-11-16",
        "--at",
        "08:00",
    ]);
    d.ok(&[
        "add",
        "cheese",
        "1 oz",
        "--date",
        "2026-11-16",
        "--at",
        "19:00",
    ]);
    d.ok(&[
        "add",
        "natto",
        "3 oz",
        "--date",
        "2026-11-18",
        "--at",
        "08:00",
    ]);
}

#[test]
fn golden_weekly_csv() {
    let d = Diary::new();
    seed_week(&d);
    let csv = d.ok(&["export", "--week", "2026-W47"]);
    let golden = include_str!("fixtures/week-2026-W47.csv");
    assert_eq!(csv, golden);
}

#[test]
fn weekly_csv_shape() {
    let d = Diary::new();
    seed_week(&d);
    let out = d.dir.path().join("w.csv");
    d.ok(&[
        "export",
        "--week",
        "2026-11-19",
        "-o",
        out.to_str().unwrap(),
    ]);
    let mut r = csv::Reader::from_path(&out).unwrap();
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>().join(","),
        HEADER
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 7);
    assert_eq!(&rows[0][0], "2026-11-16");
    assert_eq!(&rows[0][1], "Mon");
    assert_eq!(&rows[0][3], "1175");
    assert_eq!(&rows[0][4], "1125");
    assert_eq!(&rows[0][5], "1225");
    assert_eq!(&rows[2][14], "850");
    assert_eq!(&rows[1][2], "0");
    assert_eq!(&rows[1][3], "");
    assert_eq!(&rows[6][0], "2026-11-22");
}

#[test]
fn entries_csv_has_one_row_per_entry_and_neutralises_formulas() {
    let d = Diary::new();
    d.ok(&[
        "item",
        "add",
        "evil",
        "--name",
        "=HYPERLINK(\"http://x\")",
        "--calcium",
        "10",
    ]);
    d.ok(&[
        "add",
        "evil",
        "--date",
        "2026-11-16",
        "--at",
        "08:00",
        "--note",
        "+1 glass",
    ]);
    d.ok(&[
        "add",
        "milk",
        "2 cup",
        "--date",
        "2026-11-16",
        "--at",
        "09:00",
    ]);
    let csv = d.ok(&[
        "export",
        "--entries",
        "--from",
        "2026-11-16",
        "--to",
        "2026-11-16",
    ]);
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][4], "'=HYPERLINK(\"http://x\")");
    assert!(rows[0].iter().any(|c| c == "'+1 glass"));
    assert_eq!(&rows[1][3], "milk");
    assert_eq!(&rows[1][8], "600");
}

/// An item's K2 of other or unknown form (`--k2-other`) is logged, counted in the K2 total and
/// exported in its own per-entry column; the weekly CSV keeps its header.
#[test]
fn k2_of_other_form_is_its_own_column() {
    let d = Diary::new();
    d.ok(&[
        "item",
        "add",
        "aged-gouda",
        "--name",
        "Aged gouda",
        "--serving",
        "1 oz",
        "--k2-other",
        "5-10",
        "--k2-mk4",
        "2",
        "--k2-mk7",
        "0",
    ]);
    d.ok(&["add", "aged-gouda", "--date", "2026-11-16", "--at", "12:00"]);
    let csv = d.ok(&[
        "export",
        "--entries",
        "--from",
        "2026-11-16",
        "--to",
        "2026-11-16",
    ]);
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let header = r.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = r.records().next().unwrap().unwrap();
    assert_eq!(&row[col("vitamin_k2_other_mcg")], "7.5");
    assert_eq!(&row[col("vitamin_k2_other_mcg_low")], "5");
    assert_eq!(&row[col("vitamin_k2_other_mcg_high")], "10");
    assert_eq!(&row[col("vitamin_k2_mk4_mcg")], "2");
    let week = d.ok(&["export", "--from", "2026-11-16", "--to", "2026-11-16"]);
    let mut w = csv::Reader::from_reader(week.as_bytes());
    assert_eq!(
        w.headers().unwrap().iter().collect::<Vec<_>>().join(","),
        HEADER
    );
    let k2 = w
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "vitamin_k2_mcg")
        .unwrap();
    assert_eq!(&w.records().next().unwrap().unwrap()[k2], "9.5");
}

/// `-inf` and `-nan` parse as numbers in Rust but a spreadsheet reads them as formulas
/// (issue 14.15): they are neutralised like any other text starting with `-`.
#[test]
fn notes_that_look_like_non_finite_numbers_are_neutralised() {
    let d = Diary::new();
    for note in ["-inf", "-nan", "+inf", "-infinity"] {
        d.ok(&[
            "add",
            "milk",
            "--date",
            "2026-11-16",
            &format!("--note={note}"),
        ]);
    }
    let csv = d.ok(&[
        "export",
        "--entries",
        "--from",
        "2026-11-16",
        "--to",
        "2026-11-16",
    ]);
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let notes: Vec<String> = r
        .records()
        .map(|row| row.unwrap().iter().next_back().unwrap().to_string())
        .collect();
    assert_eq!(notes, ["'-inf", "'-nan", "'+inf", "'-infinity"]);
}

#[test]
fn weekly_csv_rounds_to_the_precision_of_its_sources() {
    // mg and IU whole, mcg to one decimal: 1235.502 mg is 1236, 4.992 mcg is 5, 12.34 is 12.3.
    let d = Diary::new();
    d.ok(&[
        "item",
        "add",
        "precise",
        "--name",
        "Precise",
        "--kind",
        "supplement",
        "--calcium",
        "1235.502",
        "--d3",
        "400.6",
        "--k2-mk7",
        "4.992",
        "--k1",
        "12.34",
        "--magnesium",
        "80.5",
    ]);
    d.ok(&["add", "precise", "--date", "2026-11-16", "--at", "08:00"]);
    let csv = d.ok(&["export", "--week", "2026-W47"]);
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let row = r.records().next().unwrap().unwrap();
    let cell = |name: &str| row[header.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(cell("calcium_mg"), "1236");
    assert_eq!(cell("calcium_low_mg"), "1236");
    assert_eq!(cell("vitamin_d_iu"), "401");
    assert_eq!(cell("vitamin_d3_iu"), "401");
    assert_eq!(cell("vitamin_k2_mcg"), "5");
    assert_eq!(cell("vitamin_k1_mcg"), "12.3");
    assert_eq!(cell("magnesium_mg"), "81");
    // The percentage is of the unrounded total: 1235.502 / 1000.
    assert_eq!(cell("calcium_pct"), "124");
    // The per-entry CSV keeps every digit the entry has.
    let entries = d.ok(&["export", "--entries", "--week", "2026-W47"]);
    assert!(entries.contains("1235.502"), "{entries}");
}

#[cfg(unix)]
#[test]
fn export_files_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let d = Diary::new();
    seed_week(&d);
    let out = d.dir.path().join("w.csv");
    // An older export left world-readable is replaced (--force) by a file of the owner's only.
    std::fs::write(&out, "old").unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).unwrap();
    for args in [
        &["--week", "2026-W47"][..],
        &["--entries", "--week", "2026-W47"],
    ] {
        let mut all = vec!["export"];
        all.extend_from_slice(args);
        all.extend(["-o", out.to_str().unwrap(), "--force"]);
        d.ok(&all);
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{args:?}");
    }
}
