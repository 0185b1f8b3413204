//! Daily amounts (calcium limit, vitamin D, K2, calcium : magnesium), vitamin K on warfarin, and
//! take-with-fat: thresholds, unknown values, and rules that must not fire.

mod warnings_support;
use intake::domain::warnings::{RuleContext, Severity};
use intake::domain::{Kind, Nutrient, Value};
use warnings_support::*;

const LIMIT: &str = "calcium-daily-limit";
const MG: &str = "magnesium-supplement-limit";
const D: &str = "vitamin-d-upper-limit";
const K2: &str = "vitamin-k2-high-dose";
const RATIO: &str = "calcium-magnesium-ratio";
const WARF: &str = "vitamin-k-warfarin";
const FAT: &str = "take-with-fat";

fn severities(rule: &str, es: &[intake::domain::Entry]) -> Vec<Severity> {
    of_rule(rule, es).iter().map(|w| w.severity).collect()
}

#[test]
fn calcium_daily_limit_table() {
    let milk = |id, at, v| food(id, "Milk", at, &[(Nutrient::Calcium, v)]);
    let cases: Vec<(&str, Vec<intake::domain::Entry>, usize)> = vec![
        (
            "at the limit",
            vec![citrate(1, "08:00", ex(500.0)), milk(2, "12:00", ex(2000.0))],
            0,
        ),
        (
            "just over",
            vec![citrate(1, "08:00", ex(501.0)), milk(2, "12:00", ex(2000.0))],
            1,
        ),
        (
            "unknown part may be small",
            vec![milk(1, "08:00", ex(2400.0)), milk(2, "12:00", UNKNOWN)],
            0,
        ),
        (
            "known part over",
            vec![milk(1, "08:00", ex(2600.0)), milk(2, "12:00", UNKNOWN)],
            1,
        ),
        (
            "range reaching over",
            vec![milk(1, "08:00", range(2000.0, 3000.0))],
            0,
        ),
        (
            "yesterday does not count",
            vec![
                milk(1, "2026-11-19 20:00", ex(2000.0)),
                milk(2, "08:00", ex(600.0)),
            ],
            0,
        ),
    ];
    for (case, es, want) in cases {
        assert_eq!(of_rule(LIMIT, &es).len(), want, "{case}");
    }
}

/// Issue 13: on the seed set a 60-year-old woman's calcium limit is the official UL 2,000 mg
/// (not the articles' 2,500 mg); the warning names the limits crossed and their sources.
#[test]
fn calcium_daily_limit_is_the_official_ul_on_the_seed_set_and_names_its_source() {
    let sixty = ctx_for(&[("age", "60"), ("reference", "seed")]);
    let milk = |mg| [food(1, "Milk", "08:00", &[(Nutrient::Calcium, ex(mg))])];
    let cases: &[(&str, f64, &[&str])] = &[
        ("just inside", 1999.0, &[]),
        ("at the official UL", 2000.0, &[]),
        (
            "just over it",
            2000.5,
            &["official UL of 2000 mg (DRI: UL 2,000 mg (51+))"],
        ),
        ("at the seed max", 2500.0, &["official UL of 2000 mg"]),
        (
            "over both",
            2501.0,
            &[
                "official UL of 2000 mg",
                "and the seed max of 2500 mg (seed 001",
            ],
        ),
    ];
    for (case, mg, names) in cases {
        let w = of_rule_on(LIMIT, DAY, &milk(*mg), &sixty);
        assert_eq!(w.len(), usize::from(!names.is_empty()), "{case}");
        for name in *names {
            assert!(w[0].message.contains(name), "{case}: {}", w[0].message);
        }
        if let Some(w) = w.first() {
            assert!(
                w.message.contains("Milk 1 serving at 08:00"),
                "{}",
                w.message
            );
            assert!(
                !w.message.contains("seed max") || *mg > 2500.0,
                "{}",
                w.message
            );
        }
    }
    let forty = ctx_for(&[("age", "40")]);
    assert!(of_rule_on(LIMIT, DAY, &milk(2100.0), &forty).is_empty());
    let none = RuleContext::default();
    assert!(of_rule_on(LIMIT, DAY, &milk(9000.0), &none).is_empty());
}

/// Issue 13: the official magnesium UL, 350 mg from supplements and medications; food is not
/// counted, and an unknown amount never makes it fire.
#[test]
fn magnesium_supplement_limit_table() {
    let pill = |id, at, v| {
        mk(
            id,
            Kind::Supplement,
            "Magnesium",
            &[],
            at,
            &[(Nutrient::Magnesium, v)],
        )
    };
    let antacid = |id, at, v| {
        mk(
            id,
            Kind::Medication,
            "Antacid",
            &[],
            at,
            &[(Nutrient::Magnesium, v)],
        )
    };
    let nuts = |id, at, v| food(id, "Almonds", at, &[(Nutrient::Magnesium, v)]);
    let cases: Vec<(&str, Vec<intake::domain::Entry>, usize)> = vec![
        ("just inside", vec![pill(1, "08:00", ex(349.0))], 0),
        ("at the UL", vec![pill(1, "08:00", ex(350.0))], 0),
        ("just over", vec![pill(1, "08:00", ex(350.5))], 1),
        (
            "a medicine counts",
            vec![pill(1, "08:00", ex(300.0)), antacid(2, "20:00", ex(51.0))],
            1,
        ),
        (
            "food is not counted",
            vec![pill(1, "08:00", ex(300.0)), nuts(2, "12:00", ex(400.0))],
            0,
        ),
        (
            "unknown may be small",
            vec![pill(1, "08:00", ex(300.0)), pill(2, "20:00", UNKNOWN)],
            0,
        ),
        (
            "a range counts by its low end",
            vec![pill(1, "08:00", range(300.0, 400.0))],
            0,
        ),
        (
            "yesterday does not count",
            vec![
                pill(1, "2026-11-19 20:00", ex(300.0)),
                pill(2, "08:00", ex(300.0)),
            ],
            0,
        ),
    ];
    for (case, es, want) in cases {
        let w = of_rule(MG, &es);
        assert_eq!(w.len(), want, "{case}");
        if let Some(w) = w.first() {
            assert_eq!(w.severity, Severity::Caution);
            for part in [
                "official UL from supplements of 350 mg",
                "DRI",
                "food is not counted",
            ] {
                assert!(w.message.contains(part), "{case}: {}", w.message);
            }
        }
    }
    let none = RuleContext::default();
    assert!(of_rule_on(MG, DAY, &[pill(1, "08:00", ex(900.0))], &none).is_empty());
}

#[test]
fn vitamin_d_table() {
    let cases: &[(&str, Value, &[Severity])] = &[
        ("4,000 IU is the UL", ex(4000.0), &[]),
        ("just over the UL", ex(4001.0), &[Severity::Caution]),
        (
            "5,000 IU is still caution",
            ex(5000.0),
            &[Severity::Caution],
        ),
        ("above 5,000 is one alert", ex(5001.0), &[Severity::Alert]),
        ("range low end under", range(3000.0, 6000.0), &[]),
        ("unknown", UNKNOWN, &[]),
    ];
    for (case, v, want) in cases {
        assert_eq!(severities(D, &[d3(1, "08:00", *v)]), *want, "{case}");
    }
}

#[test]
fn vitamin_d_sums_all_forms_and_sources_of_the_day() {
    let fish = food(
        2,
        "Salmon",
        "19:00",
        &[
            (Nutrient::VitaminDOther, ex(600.0)),
            (Nutrient::VitaminD2, ex(1.0)),
        ],
    );
    let es = [d3(1, "08:00", ex(3400.0)), fish.clone()];
    let w = of_rule(D, &es);
    assert_eq!(w.len(), 1);
    assert!(w[0].message.contains("4001 IU"), "{}", w[0].message);
    assert_eq!(w[0].entries, vec![1, 2]);
    let unknown_fish = food(2, "Salmon", "19:00", &[(Nutrient::VitaminDOther, UNKNOWN)]);
    assert!(of_rule(D, &[d3(1, "08:00", ex(3900.0)), unknown_fish]).is_empty());
}

#[test]
fn k2_table() {
    let cases: &[(&str, Value, &[Severity])] = &[
        ("200 mcg is the top of the range", ex(200.0), &[]),
        ("just over", ex(201.0), &[Severity::Info]),
        ("45 mg is still info", ex(45_000.0), &[Severity::Info]),
        ("over 45 mg", ex(45_001.0), &[Severity::Alert]),
        ("unknown", UNKNOWN, &[]),
    ];
    for (case, v, want) in cases {
        assert_eq!(severities(K2, &[k2(1, "08:00", *v)]), *want, "{case}");
    }
    let mk4 = mk(
        2,
        Kind::Supplement,
        "K2 MK-4",
        &[],
        "20:00",
        &[(Nutrient::K2Mk4, ex(101.0))],
    );
    assert_eq!(
        severities(K2, &[k2(1, "08:00", ex(100.0)), mk4]),
        [Severity::Info]
    );
    let natto = food(3, "Natto", "12:00", &[(Nutrient::K2Mk7, ex(900.0))]);
    assert!(
        of_rule(K2, &[k2(1, "08:00", ex(100.0)), natto]).is_empty(),
        "food is not a dose"
    );
}

#[test]
fn calcium_magnesium_ratio_table() {
    let day = |ca: Value, mg: Value, mg2: Value| {
        vec![
            food(
                1,
                "Milk",
                "08:00",
                &[(Nutrient::Calcium, ca), (Nutrient::Magnesium, mg)],
            ),
            food(2, "Bread", "12:00", &[(Nutrient::Magnesium, mg2)]),
        ]
    };
    let cases = [
        ("exactly 2 : 1", day(ex(600.0), ex(200.0), ex(100.0)), 0),
        ("just above", day(ex(601.0), ex(200.0), ex(100.0)), 1),
        (
            "magnesium not fully known",
            day(ex(2000.0), ex(200.0), UNKNOWN),
            0,
        ),
        ("no magnesium logged", day(ex(600.0), ex(0.0), ex(0.0)), 0),
        (
            "magnesium range: its high end could keep 2 : 1",
            day(ex(601.0), range(100.0, 301.0), ex(0.0)),
            0,
        ),
        (
            "magnesium range: above 2 : 1 even at its high end",
            day(ex(601.0), range(100.0, 300.0), ex(0.0)),
            1,
        ),
        ("calcium unknown", day(UNKNOWN, ex(200.0), ex(100.0)), 0),
    ];
    for (case, es, want) in cases {
        let got = of_rule(RATIO, &es);
        assert_eq!(got.len(), want, "{case}");
        assert!(got.iter().all(|w| w.severity == Severity::Info));
    }
}

#[test]
fn warfarin_table() {
    let warfarin = || med(9, "Warfarin", "vitamin-k-antagonist", "18:00");
    let spinach = || food(3, "Spinach", "12:00", &[(Nutrient::K1, ex(400.0))]);
    let cases: Vec<(&str, RuleContext, Vec<intake::domain::Entry>, usize)> = vec![
        ("no warfarin", ctx(), vec![k2(1, "08:00", ex(100.0))], 0),
        (
            "profile says warfarin",
            on_warfarin(),
            vec![k2(1, "08:00", ex(100.0))],
            1,
        ),
        (
            "warfarin logged today",
            ctx(),
            vec![k2(1, "08:00", ex(100.0)), warfarin()],
            1,
        ),
        (
            "warfarin only yesterday",
            ctx(),
            vec![
                k2(1, "08:00", ex(100.0)),
                med(9, "Warfarin", "vitamin-k-antagonist", "2026-11-19 18:00"),
            ],
            0,
        ),
        (
            "tagged K supplement, unknown amount",
            on_warfarin(),
            vec![k2(1, "08:00", UNKNOWN)],
            1,
        ),
        (
            "food is not a supplement",
            on_warfarin(),
            vec![spinach()],
            0,
        ),
        (
            "D3 only",
            on_warfarin(),
            vec![d3(1, "08:00", ex(1000.0))],
            0,
        ),
        (
            "two K supplements",
            on_warfarin(),
            vec![k2(1, "08:00", ex(100.0)), k2(2, "20:00", ex(100.0))],
            2,
        ),
    ];
    for (case, c, es, want) in cases {
        let got = of_rule_on(WARF, DAY, &es, &c);
        assert_eq!(got.len(), want, "{case}");
        assert!(got.iter().all(|w| w.severity == Severity::Alert), "{case}");
    }
}

#[test]
fn warfarin_message_names_the_supplement_and_the_warfarin_entry() {
    let es = [
        k2(1, "08:00", ex(100.0)),
        med(9, "Warfarin", "vitamin-k-antagonist", "18:00"),
    ];
    let w = &of_rule(WARF, &es)[0];
    assert_eq!(w.entries, vec![1, 9]);
    assert!(
        w.message.contains("Vitamin K2 MK-7 1 serving at 08:00"),
        "{}",
        w.message
    );
    assert!(
        w.message.contains("Warfarin 1 serving at 18:00"),
        "{}",
        w.message
    );
    assert!(
        w.message.contains("consulting the physician"),
        "{}",
        w.message
    );
}

#[test]
fn take_with_fat_table() {
    let meal = |at, fat: Value| food(2, "Meal", at, &[(Nutrient::Fat, fat)]);
    let cases: Vec<(&str, Vec<intake::domain::Entry>, usize)> = vec![
        ("no food", vec![d3(1, "08:00", ex(1000.0))], 1),
        (
            "fatty food 60 min later",
            vec![d3(1, "08:00", ex(1000.0)), meal("09:00", ex(10.0))],
            0,
        ),
        (
            "fatty food 60 min before",
            vec![meal("07:00", ex(10.0)), d3(1, "08:00", ex(1000.0))],
            0,
        ),
        (
            "food 61 min later",
            vec![d3(1, "08:00", ex(1000.0)), meal("09:01", ex(10.0))],
            1,
        ),
        (
            "5 g fat is enough",
            vec![k2(1, "08:00", ex(100.0)), meal("08:00", ex(5.0))],
            0,
        ),
        (
            "4.9 g is not",
            vec![k2(1, "08:00", ex(100.0)), meal("08:00", ex(4.9))],
            1,
        ),
        (
            "unknown fat is not zero",
            vec![k2(1, "08:00", ex(100.0)), meal("08:00", UNKNOWN)],
            0,
        ),
        (
            "range may reach 5 g",
            vec![k2(1, "08:00", ex(100.0)), meal("08:00", range(3.0, 6.0))],
            0,
        ),
        (
            "calcium carbonate without food",
            vec![carbonate(1, "08:00", 500.0)],
            1,
        ),
        (
            "calcium citrate without food",
            vec![citrate(1, "08:00", ex(500.0))],
            0,
        ),
        (
            "a medication",
            vec![med(1, "Levothyroxine", "thyroid-hormone", "07:00")],
            0,
        ),
        (
            "food across midnight",
            vec![
                meal("2026-11-19 23:50", ex(10.0)),
                d3(1, "00:30", ex(1000.0)),
            ],
            0,
        ),
    ];
    for (case, es, want) in cases {
        let got = of_rule(FAT, &es);
        assert_eq!(got.len(), want, "{case}: {got:?}");
        assert!(got.iter().all(|w| w.severity == Severity::Info), "{case}");
    }
}

#[test]
fn take_with_fat_sums_the_food_in_the_window() {
    let a = food(2, "Toast", "08:00", &[(Nutrient::Fat, ex(3.0))]);
    let b = food(3, "Egg", "08:30", &[(Nutrient::Fat, ex(2.0))]);
    assert!(of_rule(FAT, &[d3(1, "08:00", ex(1000.0)), a.clone(), b]).is_empty());
    let w = of_rule(FAT, &[d3(1, "08:00", ex(1000.0)), a]);
    assert!(w[0].message.contains("only 3 g fat"), "{}", w[0].message);
    assert!(
        w[0].message.contains("Toast 1 serving at 08:00"),
        "{}",
        w[0].message
    );
    assert_eq!(w[0].entries, vec![1, 2]);
    let carb = of_rule(FAT, &[carbonate(1, "08:00", 500.0)]);
    assert_eq!(carb[0].source, "ODS calcium; seed 001");
}

/// Issue 13 item 3: K2 with fat is seed 001's (not ODS vitamin D's), D3 with fat ODS vitamin
/// D's, carbonate with food ODS calcium's; the 1 h and 5 g are said to be intake's own.
#[test]
fn take_with_fat_cites_each_supplement_its_own_source() {
    let both = mk(
        1,
        Kind::Supplement,
        "D3 + K2",
        &[
            "fat-soluble",
            "vitamin-d-supplement",
            "vitamin-k-supplement",
        ],
        "08:00",
        &[],
    );
    let cases = [
        (k2(1, "08:00", ex(100.0)), "seed 001"),
        (d3(1, "08:00", ex(1000.0)), "ODS vitamin D"),
        (both, "seed 001; ODS vitamin D"),
        (carbonate(1, "08:00", 500.0), "ODS calcium; seed 001"),
    ];
    for (e, source) in cases {
        let w = of_rule(FAT, &[e]);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].source, source, "{}", w[0].message);
        assert!(
            w[0].message
                .contains("(food within 1 h holding at least 5 g fat: intake's threshold)"),
            "{}",
            w[0].message
        );
    }
}
