//! `intake day --sources` and `intake week --sources` (issue 18 item 2).

mod common;
use common::Diary;

/// A day of the user's own items (figures that do not move with the catalog): a yogurt of 300 mg
/// calcium twice, a 500 mg supplement, a kale of 90–110 mg, and a food whose calcium is unknown.
fn day() -> Diary {
    let d = Diary::new();
    let item = |key: &str, kind: &str, ca: Option<&str>| {
        let mut a = vec!["item", "add", key, "--name", key, "--kind", kind];
        if let Some(ca) = ca {
            a.extend(["--calcium", ca]);
        }
        d.ok(&a);
    };
    item("src-yogurt", "food", Some("300"));
    item("src-citrate", "supplement", Some("500"));
    item("src-kale", "food", Some("90-110"));
    item("src-mystery", "food", None);
    for (key, at, date) in [
        ("src-yogurt", "08:00", "2026-11-20"),
        ("src-citrate", "13:00", "2026-11-20"),
        ("src-kale", "19:00", "2026-11-20"),
        ("src-mystery", "20:00", "2026-11-20"),
        ("src-yogurt", "21:00", "2026-11-20"),
        ("src-yogurt", "08:00", "2026-11-18"),
    ] {
        d.ok(&["add", key, "--at", at, "--date", date]);
    }
    d
}

#[test]
fn day_sources_list_entries_largest_first_with_shares_summing_to_100() {
    let d = day();
    let out = d.ok(&["day", "2026-11-20", "--sources"]);
    let calcium: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("Sources of calcium"))
        .take_while(|l| !l.starts_with("Sources of vitamin D"))
        .collect();
    assert!(calcium[0].contains("known total ≥ 1190–1210 mg"), "{out}");
    let rows: Vec<&str> = calcium
        .iter()
        .copied()
        .filter(|l| l.contains(" %  "))
        .collect();
    let names: Vec<&str> = rows
        .iter()
        .map(|l| l.split_whitespace().nth(2).unwrap())
        .collect();
    assert_eq!(
        names,
        ["src-citrate", "src-yogurt", "src-yogurt", "src-kale"],
        "{out}"
    );
    let shares: u32 = rows
        .iter()
        .map(|l| {
            l.split(" %")
                .next()
                .unwrap()
                .rsplit(' ')
                .next()
                .unwrap()
                .parse::<u32>()
                .unwrap()
        })
        .sum();
    assert_eq!(shares, 100, "{out}");
    assert!(
        out.contains("food ≥ 690–710 mg (58 %) · supplements and medicines 500 mg (42 %)"),
        "{out}"
    );
    assert!(
        out.contains("not known (so the total is at least this): src-mystery"),
        "{out}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&d.ok(&["day", "2026-11-20", "--sources", "--json"])).unwrap();
    let ca = &json["sources"]["calcium"];
    assert_eq!(ca["rows"][0]["item_key"], "src-citrate");
    assert_eq!(ca["rows"][0]["share"], 42);
    assert_eq!(ca["rows"].as_array().unwrap().len(), 4);
}

#[test]
fn week_sources_group_by_item() {
    let d = day();
    let out = d.ok(&["week", "2026-11-20", "--sources"]);
    let first = out
        .lines()
        .find(|l| l.trim_start().starts_with("1."))
        .unwrap_or_default();
    assert!(
        first.contains("src-yogurt ×3") && first.contains("900 mg"),
        "{out}"
    );
    assert!(first.contains("60 %"), "900 of 1500: {out}");
    assert!(out.contains("Sources of vitamin D: none known"), "{out}");
}
