//! Limits and targets on the command line: every limit named and sourced (issue 13).

mod common;
use common::Diary;

fn json(d: &Diary, date: &str) -> serde_json::Value {
    serde_json::from_str(&d.ok(&["day", date, "--json"])).unwrap()
}

#[test]
fn profile_lists_every_limit_with_its_name_and_source() {
    let d = Diary::new();
    let out = d.ok(&["profile", "set", "--age", "60", "--sex", "female"]);
    let line = |needle: &str| {
        out.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no `{needle}` in {out}"))
            .to_string()
    };
    let ul = line("official UL (");
    assert!(ul.contains("2000 mg") && ul.contains("in force"), "{ul}");
    assert!(ul.contains("DRI: UL 2,000 mg (51+)"), "{ul}");
    assert!(line("seed max (").contains("2500 mg"), "{out}");
    let mg = line("official UL from supplements");
    assert!(mg.contains("350 mg") && mg.contains("supplements"), "{mg}");
    let d_seed = |l: &&str| l.contains("5000 IU") && l.contains("seed max");
    assert!(out.lines().any(|l| d_seed(&l)), "{out}");
}

#[test]
fn the_official_set_carries_the_vitamin_k_ai_by_sex() {
    let d = Diary::new();
    let women = d.ok(&[
        "profile",
        "set",
        "--reference",
        "official",
        "--sex",
        "female",
    ]);
    let k = women.lines().find(|l| l.contains("Vitamin K ")).unwrap();
    assert!(
        k.contains("90 mcg") && k.contains("AI for total vitamin K"),
        "{k}"
    );
    let men = d.ok(&["profile", "set", "--sex", "male"]);
    let k = men.lines().find(|l| l.contains("Vitamin K ")).unwrap();
    assert!(k.contains("120 mcg"), "{k}");
    let seed = d.ok(&["profile", "set", "--reference", "seed"]);
    let k2 = seed.lines().find(|l| l.contains("Vitamin K2")).unwrap();
    assert!(k2.contains("90–120") && k2.contains("seed 001"), "{k2}");
}

#[test]
fn day_json_carries_every_limit_and_the_one_in_force() {
    let d = Diary::new();
    d.ok(&["profile", "set", "--age", "60", "--sex", "female"]);
    d.ok(&[
        "add",
        "calcium-citrate",
        "500 mg",
        "--date",
        "2026-11-16",
        "--at",
        "08:00",
    ]);
    d.ok(&[
        "add",
        "yogurt",
        "4 cup",
        "--date",
        "2026-11-16",
        "--at",
        "12:00",
    ]);
    let j = json(&d, "2026-11-16");
    let ca = &j["totals"]["calcium"];
    assert_eq!(ca["target"]["limit"], 2000.0);
    let limits = ca["target"]["limits"].as_array().unwrap();
    let named: Vec<(f64, &str, &str)> = limits
        .iter()
        .map(|l| {
            (
                l["amount"].as_f64().unwrap(),
                l["name"].as_str().unwrap(),
                l["set"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        named,
        [
            (2000.0, "official UL", "official"),
            (2500.0, "seed max", "seed")
        ]
    );
    assert!(
        limits
            .iter()
            .all(|l| !l["source"].as_str().unwrap().is_empty())
    );
    assert_eq!(ca["standing"], "overlimit");
    let mg = &j["totals"]["magnesium"]["target"]["limits"][0];
    assert_eq!(
        (mg["amount"].as_f64(), mg["counts"].as_str()),
        (Some(350.0), Some("supplements"))
    );
    let warn = j["warnings"].as_array().unwrap();
    let daily = warn
        .iter()
        .find(|w| w["rule"] == "calcium-daily-limit")
        .unwrap();
    let msg = daily["message"].as_str().unwrap();
    assert!(
        msg.contains("2000 mg") && msg.contains("official UL"),
        "{msg}"
    );
}

#[test]
fn official_k_ai_measures_total_vitamin_k_not_k1() {
    let d = Diary::new();
    d.ok(&[
        "profile",
        "set",
        "--reference",
        "official",
        "--sex",
        "female",
    ]);
    d.ok(&[
        "add",
        "spinach-raw",
        "1 cup",
        "--date",
        "2026-11-16",
        "--at",
        "08:00",
    ]);
    let j = json(&d, "2026-11-16");
    let k = &j["totals"]["vitamin_k"];
    assert_eq!(k["target"]["target"], 90.0);
    assert!(k["pct"].as_f64().unwrap() > 100.0, "{k}");
    let text = d.ok(&["day", "2026-11-16"]);
    let k_line = text.lines().find(|l| l.starts_with("Vitamin K ")).unwrap();
    assert!(
        k_line.contains('#') && k_line.contains("band 90–90"),
        "{k_line}"
    );
    let k1_line = text.lines().find(|l| l.starts_with("Vitamin K1")).unwrap();
    assert!(
        !k1_line.contains('#') && k1_line.contains("no target"),
        "{k1_line}"
    );
}

/// On the seed set a 60-year-old's calcium limit is the official UL (2,000 mg), not the
/// articles' 2,500 mg: at it and just inside nothing, just outside one warning naming it.
#[test]
fn calcium_daily_limit_at_the_official_ul_on_the_seed_set() {
    let d = Diary::new();
    d.ok(&[
        "profile",
        "set",
        "--age",
        "60",
        "--sex",
        "female",
        "--reference",
        "seed",
    ]);
    let cases = [
        ("2026-11-16", "1999", 0),
        ("2026-11-17", "2000", 0),
        ("2026-11-18", "2001", 1),
    ];
    for (date, mg, want) in cases {
        d.ok(&[
            "add",
            "calcium-citrate",
            &format!("{mg} mg"),
            "--date",
            date,
            "--at",
            "08:00",
        ]);
        let j = json(&d, date);
        let hits: Vec<&serde_json::Value> = (j["warnings"].as_array().unwrap().iter())
            .filter(|w| w["rule"] == "calcium-daily-limit")
            .collect();
        assert_eq!(hits.len(), want, "{mg} mg: {hits:?}");
        if let Some(w) = hits.first() {
            let msg = w["message"].as_str().unwrap();
            assert!(
                msg.contains("2000 mg") && msg.contains("official UL"),
                "{msg}"
            );
            assert!(msg.contains("DRI: UL 2,000 mg (51+)"), "{msg}");
        }
    }
    let young = Diary::new();
    young.ok(&["profile", "set", "--age", "40"]);
    young.ok(&[
        "add",
        "calcium-citrate",
        "2400 mg",
        "--date",
        "2026-11-16",
        "--at",
        "08:00",
    ]);
    let j = json(&young, "2026-11-16");
    assert!(
        j["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|w| w["rule"] != "calcium-daily-limit")
    );
}

/// Minocycline is a tetracycline (reference §6: 4–6 h after calcium): less than 4 h after
/// calcium is a caution, from 4 h to under 6 h an info, from 6 h nothing; less than 2 h before
/// calcium is a caution too.
#[test]
fn minocycline_is_spaced_from_calcium_like_every_tetracycline() {
    let cases = [
        ("11:59", Some("caution")),
        ("12:00", Some("info")),
        ("13:59", Some("info")),
        ("14:00", None),
        ("06:01", Some("caution")),
        ("06:00", None),
    ];
    for (at, want) in cases {
        let d = Diary::new();
        d.ok(&[
            "add",
            "calcium-citrate",
            "500 mg",
            "--date",
            "2026-11-16",
            "--at",
            "08:00",
        ]);
        d.ok(&[
            "add",
            "minocycline",
            "1 tablet",
            "--date",
            "2026-11-16",
            "--at",
            at,
        ]);
        let j = json(&d, "2026-11-16");
        let hits: Vec<&serde_json::Value> = (j["warnings"].as_array().unwrap().iter())
            .filter(|w| w["rule"] == "calcium-antibiotic-spacing")
            .collect();
        let got: Vec<&str> = hits
            .iter()
            .map(|w| w["severity"].as_str().unwrap())
            .collect();
        assert_eq!(got, Vec::from_iter(want), "minocycline at {at}: {hits:?}");
        if let Some(w) = hits.first() {
            assert!(
                w["message"].as_str().unwrap().contains("Minocycline"),
                "{w}"
            );
        }
    }
}
