//! `intake import cronometer`: both servings layouts (with and without `Time`), a free-account
//! file, a daily summary, and malformed files; totals equal the file's sums, a second import adds
//! nothing, and the levothyroxine warning fires on imported rows with times only.

mod common;
use common::Diary;
use std::collections::BTreeMap;

const DIR: &str = "tests/fixtures/cronometer";

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

fn import(d: &Diary, name: &str) -> String {
    d.ok(&["import", "cronometer", &fixture(name)])
}

fn query(d: &Diary, sql: &str) -> Vec<Vec<rusqlite::types::Value>> {
    let c = rusqlite::Connection::open(&d.path).unwrap();
    let mut st = c.prepare(sql).unwrap();
    let n = st.column_count();
    st.query_map([], |r| (0..n).map(|i| r.get(i)).collect())
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Per day of a servings file: the sum of a column's cells and how many are blank.
fn file_sums(name: &str, day_col: &str, col: &str) -> BTreeMap<String, (f64, i64)> {
    let mut r = csv::Reader::from_path(fixture(name)).unwrap();
    let h = r.headers().unwrap().clone();
    let at = |c: &str| h.iter().position(|x| x == c).unwrap();
    let (day, col) = (at(day_col), at(col));
    let mut out: BTreeMap<String, (f64, i64)> = BTreeMap::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        let e = out.entry(rec[day].to_string()).or_default();
        match rec[col].trim() {
            "" => e.1 += 1,
            v => e.0 += v.parse::<f64>().unwrap(),
        }
    }
    out
}

/// The same from the diary's day_totals view.
fn diary_sums(d: &Diary, col: &str) -> BTreeMap<String, (f64, i64)> {
    use rusqlite::types::Value::{Integer, Null, Real, Text};
    let sql = format!("SELECT date, {col}_lo, {col}_unknown FROM day_totals ORDER BY date");
    query(d, &sql)
        .into_iter()
        .map(|r| match r.as_slice() {
            [Text(day), lo, Integer(unknown)] => {
                let lo = match lo {
                    Real(v) => *v,
                    Null => 0.0,
                    other => panic!("{other:?}"),
                };
                (day.clone(), (lo, *unknown))
            }
            other => panic!("{other:?}"),
        })
        .collect()
}

#[test]
fn both_layouts_import_with_day_totals_equal_to_the_files_sums() {
    for (file, cols) in [
        (
            "servings-2023.csv",
            ["Calcium (mg)", "Magnesium (mg)", "Fat (g)"],
        ),
        (
            "servings-2025.csv",
            ["Calcium (mg)", "Magnesium (mg)", "Fat (g)"],
        ),
    ] {
        let d = Diary::new();
        let said = import(&d, file);
        assert!(said.starts_with("imported "), "{said}");
        for (col, view) in cols.iter().zip(["calcium_mg", "magnesium_mg", "fat_g"]) {
            assert_eq!(
                diary_sums(&d, view),
                file_sums(file, "Day", col),
                "{file} {col}"
            );
        }
    }
}

#[test]
fn names_amounts_forms_and_times_as_the_file_gives_them() {
    let d = Diary::new();
    import(&d, "servings-2023.csv");
    let day = d.ok(&["day", "2024-03-04"]);
    for want in [
        "07:00 Levothyroxine 50 mcg 1 tablet",
        "08:00 Milk, 2%, with added vitamin D 1 cup (breakfast) · Ca 293 mg · D 120 IU",
        "--:-- Bread, whole-wheat, commercially prepared 2 slice (breakfast) · Ca ? · D ?",
        "12:50 Vitamin D3 (cholecalciferol) 4000 IU · Ca ? · D 4000 IU",
        "--:-- Vitamin K2 MK7 (as menaquinone-7) 0.1 mg · Ca ? · D ? · K2 100 mcg · K1 0 mcg",
    ] {
        assert!(day.contains(want), "{want}\n{day}");
    }
    let forms = query(
        &d,
        "SELECT item_name, vitamin_d3_iu_lo, vitamin_k2_mk7_mcg_lo, vitamin_k1_mcg_lo, kind, tags \
         FROM entries WHERE item_name LIKE 'Vitamin%' OR item_name LIKE 'Spinach%' ORDER BY id",
    );
    let shown: Vec<String> = forms.iter().map(|r| format!("{r:?}")).collect();
    assert!(
        shown[0].contains("Integer(4000000)") && shown[0].contains("supplement"),
        "{shown:?}"
    );
    assert!(
        shown[1].contains("Integer(100000), Integer(0)"),
        "MK-7 from 0.10 mg: {shown:?}"
    );
    assert!(
        shown[2].contains("Integer(410000)") && shown[2].contains("food"),
        "K1: {shown:?}"
    );
    let recipe = d.ok(&["day", "2024-03-05"]);
    assert!(
        recipe.contains("18:30 My Lasagna 1 full recipe (dinner) · Ca 600 mg"),
        "{recipe}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&d.ok(&["day", "2024-03-05", "--json"])).unwrap();
    let synthroid = &json["entries"][0];
    assert_eq!(synthroid["item_name"], "Synthroid");
    assert_eq!(synthroid["kind"], "medication");
    assert_eq!(synthroid["tags"], serde_json::json!(["thyroid-hormone"]));
    assert_eq!(synthroid["time"], serde_json::Value::Null);
}

#[test]
fn the_levothyroxine_warning_fires_on_rows_with_times_only() {
    let d = Diary::new();
    import(&d, "servings-2023.csv");
    let rules = |day: &str| -> Vec<String> {
        let j: serde_json::Value = serde_json::from_str(&d.ok(&["day", day, "--json"])).unwrap();
        j["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["rule"].as_str().unwrap().to_string())
            .collect()
    };
    const LEVO: &str = "calcium-levothyroxine-spacing";
    // 2024-03-04: levothyroxine 07:00, milk 08:00. 2024-03-05: Synthroid and yogurt without times.
    assert!(rules("2024-03-04").iter().any(|r| r == LEVO));
    assert!(!rules("2024-03-05").iter().any(|r| r == LEVO));
}

#[test]
fn importing_the_same_file_again_adds_nothing() {
    let d = Diary::new();
    let first = import(&d, "servings-2023.csv");
    assert!(
        first.starts_with("imported 11 entries on 2 days"),
        "{first}"
    );
    let again = import(&d, "servings-2023.csv");
    assert!(again.starts_with("imported 0 entries"), "{again}");
    assert!(again.contains("11 were in the diary already"), "{again}");
    // Two identical yogurt rows on one day stay two entries.
    let yogurts = query(
        &d,
        "SELECT count(*) FROM entries WHERE item_name LIKE 'Yogurt%'",
    );
    assert_eq!(format!("{:?}", yogurts[0][0]), "Integer(2)");
    let all = query(&d, "SELECT count(*) FROM entries");
    assert_eq!(format!("{:?}", all[0][0]), "Integer(11)");
}

#[test]
fn a_free_account_file_without_nutrient_columns_keeps_everything_unknown_but_doses() {
    let d = Diary::new();
    import(&d, "servings-free.csv");
    let day = d.ok(&["day", "2024-06-01"]);
    assert!(
        day.contains(
            "08:00 Oatmeal, cooked, with milk 1 cup (breakfast) · Ca ? · D ? · K2 ? · K1 ? · Mg ?"
        ),
        "{day}"
    );
    assert!(
        day.contains("--:-- Vitamin D3 (cholecalciferol) 2000 IU · Ca ? · D 2000 IU"),
        "{day}"
    );
}

#[test]
fn a_daily_summary_becomes_one_untimed_entry_per_day_with_vitamin_k_left_unknown() {
    let d = Diary::new();
    let said = import(&d, "dailySummary.csv");
    assert!(said.contains("vitamin K of a whole day"), "{said}");
    assert_eq!(
        diary_sums(&d, "calcium_mg"),
        file_sums("dailySummary.csv", "Date", "Calcium (mg)")
    );
    let day = d.ok(&["day", "2023-11-01"]);
    assert!(
        day.contains("--:-- Cronometer daily total 1 day · Ca 1013 mg · D 640 IU · K2 ? · K1 ?"),
        "{day}"
    );
}

#[test]
fn a_dry_run_says_what_it_would_do_and_writes_nothing() {
    let d = Diary::new();
    d.ok(&["day"]);
    let before = d.snapshot();
    let said = d.ok(&[
        "import",
        "cronometer",
        &fixture("servings-2025.csv"),
        "--dry-run",
    ]);
    assert!(
        said.starts_with("would import 7 rows on 2 days (2025-01-10 to 2025-01-11)"),
        "{said}"
    );
    assert!(
        said.contains("Vitamin K2 MK7 (as menaquinone-7): vitamin K → vitamin K2 MK-7"),
        "{said}"
    );
    assert!(
        said.contains("Levothyroxine 75 mcg: levothyroxine (thyroid-hormone)"),
        "{said}"
    );
    assert!(
        said.contains("Vitamin K2: vitamin K → vitamin K2 (other or unknown form)"),
        "{said}"
    );
    assert!(!said.contains("not mapped"), "{said}");
    assert_eq!(d.snapshot(), before);
}

#[test]
fn a_k2_supplement_that_names_no_form_is_k2_of_other_or_unknown_form() {
    let d = Diary::new();
    import(&d, "servings-2025.csv");
    let k = query(
        &d,
        "SELECT vitamin_k2_other_mcg_lo, vitamin_k2_mk4_mcg_lo, vitamin_k2_mk7_mcg_lo, \
         vitamin_k1_mcg_lo FROM entries WHERE item_name = 'Vitamin K2'",
    );
    use rusqlite::types::Value::Integer;
    assert_eq!(
        k,
        [[Integer(100_000), Integer(0), Integer(0), Integer(0)]],
        "100 mcg of unnamed K2 in the K2-other slot, nothing as MK-4, MK-7 or K1"
    );
    let day = d.ok(&["day", "2025-01-11"]);
    assert!(day.contains("Vitamin K2 1 capsule"), "{day}");
    assert!(day.contains("K2 100 mcg"), "{day}");
}

#[test]
fn a_bad_row_stops_the_import_naming_file_line_and_column_and_changes_nothing() {
    let cases = [
        (
            "bad-date.csv",
            ":3: column `Day`: `03/05/2024` is not a date",
        ),
        (
            "bad-number.csv",
            ":3: column `Calcium (mg)`: `lots` is not a number",
        ),
        (
            "bad-amount.csv",
            ":2: column `Amount`: `one cup` is not an amount",
        ),
        (
            "bad-time.csv",
            ":2: column `Time`: `breakfast time` is not a time",
        ),
        ("bad-cells.csv", ":3: 7 cells where the header has 6"),
        ("not-cronometer.csv", ":1: not a Cronometer servings.csv"),
        ("missing.csv", "cannot read"),
    ];
    for (file, want) in cases {
        let d = Diary::new();
        d.ok(&["day"]);
        let before = d.snapshot();
        let out = d
            .cmd(&["import", "cronometer", &fixture(file)])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{file}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains(&fixture(file)) && err.contains(want),
            "{file}: {err}"
        );
        assert!(err.contains("nothing was imported"), "{err}");
        assert_eq!(d.snapshot(), before, "{file}");
    }
}

/// The benchmark's input (`gen-diary --cronometer`): the synthetic diary's entries written as
/// Cronometer would reads back whole, with the day totals the file's cells sum to.
#[test]
fn the_synthetic_servings_file_imports_every_row_with_the_files_sums() {
    use intake::synth::{self, Spec};
    let end = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    let entries =
        synth::entries(&synth::catalog().unwrap(), &Spec::last_entries(end, 300)).unwrap();
    let d = Diary::new();
    let file = d.dir.path().join("servings.csv");
    synth::cronometer::write_servings(&entries, std::fs::File::create(&file).unwrap()).unwrap();
    let said = d.ok(&["import", "cronometer", file.to_str().unwrap()]);
    assert!(said.starts_with("imported 300 entries on "), "{said}");
    let mut r = csv::Reader::from_path(&file).unwrap();
    let h = r.headers().unwrap().clone();
    assert!(h.iter().any(|c| c == "Time"), "{h:?}");
    let at = |c: &str| h.iter().position(|x| x == c).unwrap();
    let mut sums: BTreeMap<String, (f64, i64)> = BTreeMap::new();
    for rec in r.records() {
        let rec = rec.unwrap();
        let e = sums.entry(rec[at("Day")].to_string()).or_default();
        match rec[at("Calcium (mg)")].trim() {
            "" => e.1 += 1,
            v => e.0 += v.parse::<f64>().unwrap(),
        }
    }
    let got = diary_sums(&d, "calcium_mg");
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        sums.keys().collect::<Vec<_>>()
    );
    for (day, (sum, blanks)) in &sums {
        let (lo, unknown) = got[day];
        assert_eq!(unknown, *blanks, "{day}");
        assert!((lo - sum).abs() < 1e-6, "{day}: {lo} vs {sum}");
    }
}

#[test]
fn identical_rows_get_keys_numbered_in_file_order_whatever_the_order_of_the_dates() {
    let header = "Day,Time,Group,Food Name,Amount,Calcium (mg),Category";
    let yogurt = "2024-03-05,,Breakfast,Yogurt,1.00 container,200.0,Dairy";
    let milk = "2024-03-04,,Breakfast,Milk,1.00 cup,293.0,Dairy";
    // The dates go back at the third row, and forward again at the fourth.
    let back = [yogurt, milk, yogurt, milk, yogurt];
    let sorted = [milk, milk, yogurt, yogurt, yogurt];
    let keys = |rows: &[&str], from_pipe: bool| {
        let d = Diary::new();
        let csv = format!("{header}\n{}\n", rows.join("\n"));
        let out = if from_pipe {
            let out = d
                .cmd(&["import", "cronometer", "/dev/stdin"])
                .write_stdin(csv)
                .output()
                .unwrap();
            assert!(out.status.success(), "{out:?}");
            String::from_utf8(out.stdout).unwrap()
        } else {
            let file = d.dir.path().join("servings.csv");
            std::fs::write(&file, csv).unwrap();
            d.ok(&["import", "cronometer", file.to_str().unwrap()])
        };
        assert!(out.starts_with("imported 5 entries on 2 days"), "{out}");
        query(&d, "SELECT origin_key FROM entries ORDER BY id")
            .into_iter()
            .map(|r| match &r[0] {
                rusqlite::types::Value::Text(k) => k.clone(),
                v => panic!("{v:?}"),
            })
            .collect::<Vec<_>>()
    };
    let in_file_order = keys(&back, false);
    let numbers: Vec<&str> = in_file_order.iter().map(|k| &k[k.len() - 2..]).collect();
    assert_eq!(numbers, ["#1", "#1", "#2", "#2", "#3"]);
    assert!(in_file_order[1].starts_with("2024-03-04 "));
    assert_eq!(keys(&back, true), in_file_order);
    // The same rows in date order get the same keys.
    let mut by_date = keys(&sorted, false);
    let mut expected = in_file_order.clone();
    by_date.sort();
    expected.sort();
    assert_eq!(by_date, expected);
}
