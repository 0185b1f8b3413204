//! `intake recipe`: a food made of other items (issue 18 item 1).

mod common;
use common::Diary;

/// Two foods of the user's own, so the figures do not move with the catalog: a yogurt whose
/// calcium, fat and K2 (of unknown form) are known and a kale whose calcium is a range, whose K1
/// is known and whose fat and K2 are unknown.
fn pantry() -> Diary {
    let d = Diary::new();
    let yogurt = [
        "item",
        "add",
        "bowl-yogurt",
        "--name",
        "Bowl yogurt",
        "--serving",
        "1 cup",
        "--grams",
        "245",
        "--calcium",
        "300",
        "--fat",
        "8",
        "--k2-other",
        "1",
    ];
    d.ok(&yogurt);
    let kale = [
        "item",
        "add",
        "bowl-kale",
        "--name",
        "Bowl kale",
        "--serving",
        "1 cup",
        "--calcium",
        "90-100",
        "--k1",
        "500",
    ];
    d.ok(&kale);
    d
}

fn bowl(d: &Diary) -> String {
    d.ok(&[
        "recipe",
        "add",
        "Breakfast bowl",
        "bowl-yogurt=2 cup",
        "bowl-kale=1",
        "--serves",
        "2",
    ])
}

fn day(d: &Diary) -> serde_json::Value {
    serde_json::from_str(&d.ok(&["day", "2026-11-20", "--json"])).unwrap()
}

fn fails(d: &Diary, args: &[&str]) -> String {
    let out = d.cmd(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn half_a_serving_gives_half_of_each_parts_sum_over_the_servings() {
    let d = pantry();
    let saved = bowl(&d);
    // (2 × 300 + 90..100) / 2 per serving; K1 and fat have unknown parts: lower bounds.
    assert!(saved.contains("Ca 345–350 mg"), "{saved}");
    assert!(saved.contains("K1 ≥ 250 mcg"), "{saved}");
    d.ok(&[
        "add",
        "breakfast-bowl",
        "0.5",
        "--date",
        "2026-11-20",
        "--at",
        "08:00",
    ]);
    let j = day(&d);
    let ca = &j["totals"]["calcium"];
    assert_eq!(
        (ca["low"].as_f64(), ca["high"].as_f64()),
        (Some(172.5), Some(175.0))
    );
    assert_eq!(ca["lower_bound"], false);
    let k1 = &j["totals"]["vitamin_k1"];
    assert_eq!(
        (k1["low"].as_f64(), k1["lower_bound"].as_bool()),
        (Some(125.0), Some(true))
    );
    let k2 = &j["totals"]["vitamin_k2"];
    assert_eq!(
        k2["low"].as_f64(),
        Some(0.5),
        "yogurt's K2 of unknown form, halved twice"
    );
    let text = d.ok(&["day", "2026-11-20"]);
    assert!(text.contains("Breakfast bowl 0.5 serving"), "{text}");
    // The per-entry CSV cannot say "at least": a partial amount is written as unknown.
    let csv = d.ok(&[
        "export",
        "--entries",
        "--from",
        "2026-11-20",
        "--to",
        "2026-11-20",
    ]);
    let (head, row) = csv.split_once('\n').unwrap();
    let cell = |name: &str| {
        let i = head.split(',').position(|c| c == name).unwrap();
        row.split(',').nth(i).unwrap().to_string()
    };
    assert_eq!(
        (cell("calcium_mg_low"), cell("vitamin_k1_mcg")),
        ("172.5".into(), String::new())
    );
}

#[test]
fn editing_a_recipe_later_never_rewrites_logged_entries() {
    let d = pantry();
    bowl(&d);
    d.ok(&["add", "breakfast-bowl", "1", "--date", "2026-11-20"]);
    let before = day(&d)["entries"].clone();
    let refused = fails(&d, &["recipe", "add", "Breakfast bowl", "bowl-kale=1"]);
    assert!(
        refused.contains("recipe `breakfast-bowl` exists"),
        "{refused}"
    );
    assert!(refused.contains("--force"), "{refused}");
    assert!(
        d.ok(&["recipe", "show", "breakfast-bowl"])
            .contains("yogurt")
    );
    let replaced = d.ok(&["recipe", "add", "Breakfast bowl", "bowl-kale=1", "--force"]);
    assert!(replaced.starts_with("replaced recipe"), "{replaced}");
    assert_eq!(day(&d)["entries"], before);
    d.ok(&["recipe", "rm", "Breakfast bowl"]);
    assert_eq!(day(&d)["entries"], before, "removing it keeps its entries");
    assert!(!d.ok(&["recipe", "list"]).contains("breakfast-bowl"));
}

#[test]
fn recipes_are_searched_shown_nested_and_carry_their_parts_tags() {
    let d = pantry();
    d.ok(&[
        "item",
        "add",
        "set-tofu",
        "--name",
        "Set tofu",
        "--serving",
        "100 g",
        "--calcium",
        "350",
        "--tag",
        "calcium-set",
    ]);
    bowl(&d);
    d.ok(&[
        "recipe",
        "add",
        "Tofu plate",
        "set-tofu=200 g",
        "breakfast-bowl=1",
    ]);
    let found = d.ok(&["foods", "tofu plate"]);
    assert!(
        found.lines().next().unwrap_or("").starts_with("tofu-plate"),
        "{found}"
    );
    let shown = d.ok(&["recipe", "show", "tofu-plate"]);
    assert!(shown.contains("set-tofu 200 g: Ca 700 mg"), "{shown}");
    assert!(shown.contains("one serving: Ca 1045–1050 mg"), "{shown}");
    assert!(shown.contains("tags: calcium-set"), "{shown}");
    let err = fails(&d, &["recipe", "add", "Breakfast bowl", "tofu-plate=1"]);
    assert!(
        err.contains("breakfast-bowl -> tofu-plate -> breakfast-bowl"),
        "{err}"
    );
    let err = fails(&d, &["recipe", "rm", "breakfast-bowl"]);
    assert!(err.contains("is a part of tofu-plate"), "{err}");
}

#[test]
fn bad_recipes_are_refused_with_one_line_and_nothing_written() {
    let d = pantry();
    let before = d.snapshot();
    for (args, says) in [
        (
            &["recipe", "add", "Pills", "d3=1"][..],
            "recipes are made of foods",
        ),
        (
            &["recipe", "add", "Bowl", "bowl-kale"],
            "accepted is ITEM=QUANTITY",
        ),
        (
            &["recipe", "add", "Bowl", "bowl-kale=1", "--serves", "0"],
            "bad number of servings",
        ),
        (&["recipe", "add", "Bowl", "bowl-kale=1 spoon"], "bowl-kale"),
        (&["recipe", "add", "Milk", "bowl-kale=1"], "built-in item"),
        (
            &["recipe", "add", "Bowl kale", "bowl-kale=1"],
            "your own item",
        ),
        (&["recipe", "add", "!!", "bowl-kale=1"], "bad recipe name"),
        (&["recipe", "show", "nothing"], "no recipe named"),
    ] {
        let err = fails(&d, args);
        assert!(
            err.contains(says) && err.lines().count() == 1,
            "{args:?}: {err}"
        );
    }
    assert_eq!(d.snapshot(), before);
}
