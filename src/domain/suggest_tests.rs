use super::*;
use crate::domain::profile::{Limit, RefSet};
use crate::domain::{Entry, Item, Nutrient, Nutrients, Origin, Serving, Value};

fn item(key: &str, kind: Kind, n: Nutrients) -> Item {
    Item {
        key: key.into(),
        name: key.into(),
        kind,
        origin: Origin::Curated,
        serving: Serving {
            amount: 1.0,
            unit: "cup".into(),
            grams: None,
        },
        portions: vec![],
        nutrients: n,
        tags: vec![],
        group: None,
        source: format!("source of {key}"),
        assumed: Default::default(),
    }
}

fn ca(v: f64, k1: f64) -> Nutrients {
    Nutrients::zero()
        .with(Nutrient::Calcium, Value::exact(v))
        .with(Nutrient::K1, Value::exact(k1))
}

fn targets() -> Vec<Target> {
    let limit = Limit {
        amount: 2500.0,
        set: RefSet::Official,
        counts: Counts::All,
        name: "official UL".into(),
        source: "NIH ODS".into(),
    };
    vec![Target {
        nutrient: Shown::Calcium,
        target: Some(1000.0),
        band: Some((1000.0, 1200.0)),
        limits: vec![limit],
        source: "test".into(),
    }]
}

fn day(calcium: f64, k1: f64) -> DayTotals {
    let e = Entry::log(crate::domain::LogRequest {
        item: &item("lunch", Kind::Food, ca(calcium, k1)),
        quantity: crate::domain::Quantity::parse("1").unwrap(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        time: chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
        meal: None,
        note: None,
    })
    .unwrap();
    DayTotals::of(&[e])
}

fn pantry() -> Vec<Item> {
    vec![
        item("sardines", Kind::Food, ca(325.0, 0.0)),
        item("almonds", Kind::Food, ca(76.0, 0.0)),
        item("yogurt", Kind::Food, ca(100.0, 0.2)),
        item("kale", Kind::Food, ca(180.0, 390.0)),
        item("citrate", Kind::Supplement, ca(500.0, 0.0)),
        item("antacid", Kind::Medication, ca(400.0, 0.0)),
        item("big-cheese", Kind::Food, ca(2000.0, 0.0)),
        item("mystery", Kind::Food, Nutrients::default()),
    ]
}

fn ask<'a>(totals: &'a DayTotals, t: &'a [Target], recent: &'a [String]) -> Ask<'a> {
    Ask {
        totals,
        targets: t,
        warfarin: false,
        supplements: false,
        recent,
        limit: 10,
    }
}

fn keys(s: &Suggestions) -> Vec<&str> {
    s.items.iter().map(|i| i.key.as_str()).collect()
}

#[test]
fn a_600_mg_day_gets_foods_of_at_least_100_mg_and_none_over_a_limit() {
    let (totals, t) = (day(600.0, 50.0), targets());
    let a = ask(&totals, &t, &[]);
    let gaps = a.gaps(None);
    assert_eq!(gaps.len(), 1, "only calcium has a band here");
    assert_eq!(gaps[0].missing, 400.0);
    let pantry = pantry();
    let s = a.suggest(gaps[0].clone(), pantry.iter());
    assert_eq!(keys(&s), ["sardines", "kale", "yogurt"]);
    assert_eq!((s.items[0].closes, s.items[2].closes), (81, 25));
    assert_eq!(s.items[0].known, (5, 5));
    assert!(s.left_out[0].contains("over its limit (official UL 2500 mg, NIH ODS): big-cheese"));
    let mut with = ask(&totals, &t, &[]);
    with.supplements = true;
    let s = with.suggest(gaps[0].clone(), pantry.iter());
    assert_eq!(
        keys(&s),
        ["citrate", "sardines", "kale", "yogurt"],
        "never a medicine"
    );
}

#[test]
fn recently_eaten_first_and_a_day_within_its_band_has_no_gap() {
    let (totals, t) = (day(600.0, 50.0), targets());
    let recent = vec!["yogurt".to_string()];
    let a = ask(&totals, &t, &recent);
    let pantry = pantry();
    let s = a.suggest(a.gaps(Some(Shown::Calcium)).remove(0), pantry.iter());
    assert_eq!(keys(&s)[0], "yogurt");
    let full = day(1100.0, 0.0);
    assert!(ask(&full, &t, &[]).gaps(None).is_empty());
    assert!(
        ask(&full, &t, &[]).gaps(Some(Shown::VitaminD)).is_empty(),
        "no band, no gap"
    );
}

#[test]
fn on_warfarin_a_food_that_would_swing_vitamin_k_is_named_not_suggested() {
    let (totals, t) = (day(600.0, 50.0), targets());
    let mut a = ask(&totals, &t, &[]);
    a.warfarin = true;
    let pantry = pantry();
    let s = a.suggest(a.gaps(None).remove(0), pantry.iter());
    assert_eq!(
        keys(&s),
        ["sardines", "yogurt"],
        "0.2 mcg is within 30 % of 50"
    );
    let swing = s
        .left_out
        .iter()
        .find(|l| l.contains("on warfarin"))
        .unwrap();
    assert!(
        swing.contains("by more than 30 %") && swing.ends_with(": kale"),
        "{swing}"
    );
}

#[test]
fn among_servings_that_close_the_whole_gap_the_nearest_comes_first() {
    let (totals, t) = (day(600.0, 0.0), targets());
    let a = ask(&totals, &t, &[]);
    let foods = [
        item("a-concentrate", Kind::Food, ca(1500.0, 0.0)),
        item("b-radish", Kind::Food, ca(700.0, 0.0)),
        item("c-tofu", Kind::Food, ca(420.0, 0.0)),
    ];
    let s = a.suggest(a.gaps(None).remove(0), foods.iter());
    assert!(s.items.iter().all(|i| i.closes == 100));
    assert_eq!(keys(&s), ["c-tofu", "b-radish", "a-concentrate"]);
}

/// One pass for every gap (what `intake suggest` does over the USDA table, read a food at a time)
/// gives each gap what ranking it alone gives, left-out lines included.
#[test]
fn every_gap_in_one_pass_is_each_gap_by_itself() {
    let (totals, t) = (day(100.0, 0.0), targets());
    let mut a = ask(&totals, &t, &[]);
    a.warfarin = true;
    // The test targets hold calcium alone: a second gap of it, nearly closed, ranks otherwise.
    let mut gaps = a.gaps(None);
    let mut nearly = gaps[0].clone();
    nearly.missing = 150.0;
    gaps.push(nearly);
    let pantry = pantry();
    let all = a.suggest_all(gaps.clone(), pantry.iter());
    assert_eq!(all.len(), gaps.len());
    assert_ne!(all[0].items, all[1].items, "the two gaps rank differently");
    for (one, gap) in all.iter().zip(gaps) {
        let alone = a.suggest(gap, pantry.iter());
        assert_eq!(keys(one), keys(&alone));
        assert_eq!(one.left_out, alone.left_out);
    }
}
