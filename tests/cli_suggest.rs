//! `intake suggest` (issue 18 item 3): foods that would close the day's gaps.

mod common;
use common::Diary;

/// A day with 600 mg of calcium from one food of the user's own, and what `suggest` says.
fn six_hundred(extra: &[&str]) -> (Diary, String) {
    let d = Diary::new();
    d.ok(&[
        "item",
        "add",
        "lunch-600",
        "--name",
        "Lunch",
        "--calcium",
        "600",
        "--k1",
        "100",
    ]);
    d.ok(&["add", "lunch-600", "--date", "2026-11-20", "--at", "12:00"]);
    let mut args = vec!["suggest", "calcium", "2026-11-20"];
    args.extend(extra);
    let out = d.ok(&args);
    (d, out)
}

/// The calcium per serving of each suggestion line (`… · Ca 325 mg, closes …`).
fn calcium_per_serving(out: &str) -> Vec<f64> {
    out.lines()
        .filter(|l| {
            l.trim_start()
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        })
        .map(|l| {
            let after = l.split(" Ca ").nth(1).unwrap();
            let figure = after.split(" mg").next().unwrap().trim_start_matches("≥ ");
            let lo = figure.split('–').next().unwrap();
            lo.parse::<f64>().unwrap_or_else(|_| panic!("{l}"))
        })
        .collect()
}

#[test]
fn a_600_mg_day_gets_foods_of_at_least_100_mg_none_over_the_limit() {
    let (d, out) = six_hundred(&[]);
    assert!(out.starts_with("Calcium: 600 mg so far"), "{out}");
    let ca = calcium_per_serving(&out);
    assert!(!ca.is_empty(), "{out}");
    assert!(ca.iter().all(|c| *c >= 100.0), "{out}");
    let profile = d.ok(&["profile"]);
    // The calcium limit in force: the first `limit` line after the calcium line.
    let limit: f64 = profile
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("Calcium"))
        .find_map(|l| l.trim_start().strip_prefix("limit"))
        .and_then(|l| l.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| panic!("{profile}"));
    assert!(ca.iter().all(|c| 600.0 + c <= limit), "{out}");
    assert!(
        out.contains("source: "),
        "every suggestion names its source: {out}"
    );
    assert!(
        !out.contains("supplement"),
        "no supplements unless asked: {out}"
    );
}

#[test]
fn supplements_only_when_asked() {
    // (Never medicines: the domain test `a_600_mg_day_gets_foods_…` has an antacid.)
    let (_d, out) = six_hundred(&["--supplements", "--limit", "50"]);
    assert!(out.contains("(calcium-citrate)"), "{out}");
}

#[test]
fn on_warfarin_vitamin_k_swings_are_said_instead() {
    let d = Diary::new();
    d.ok(&["profile", "set", "--warfarin", "yes"]);
    d.ok(&[
        "item",
        "add",
        "lunch-600",
        "--name",
        "Lunch",
        "--calcium",
        "600",
        "--k1",
        "20",
    ]);
    d.ok(&["add", "lunch-600", "--date", "2026-11-20", "--at", "12:00"]);
    let out = d.ok(&["suggest", "calcium", "2026-11-20", "--limit", "50"]);
    assert!(out.contains("left out, on warfarin"), "{out}");
    assert!(!out.contains("(kale"), "kale would swing vitamin K: {out}");
}

#[test]
fn bad_nutrient_or_limit_is_one_line_exit_2() {
    let d = Diary::new();
    for (args, says) in [
        (
            &["suggest", "iron"][..],
            "accepted are calcium, vitamin_d, vitamin_k2",
        ),
        (
            &["suggest", "calcium", "--limit", "0"],
            "accepted is 1 to 50",
        ),
    ] {
        let out = d.cmd(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(err.contains(says) && err.lines().count() == 1, "{err}");
    }
}
