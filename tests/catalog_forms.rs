//! The vitamin D and K forms of the generated USDA table, checked against USDA's own rows in
//! `NUT_DATA_forms.txt` for a table of foods: measured forms, rules where USDA gives none, and
//! assumed zeros kept apart from measured values.

use intake::catalog::Catalog;
use intake::domain::{Assumption, Item, Nutrient, Quantity, Value};

fn food(key: &str) -> Item {
    Catalog::builtin()
        .get(key)
        .cloned()
        .unwrap_or_else(|| panic!("no {key}"))
}

/// The value of a nutrient in 100 g, rounded to 0.01 (servings are kept to a thousandth).
fn per_100g(item: &Item, n: Nutrient) -> Option<f64> {
    let q = Quantity::parse("100 g").unwrap();
    let v = item.nutrients_for(&q).unwrap().1.get(n);
    v.bounds()
        .map(|(lo, _)| (lo.to_f64() * 100.0).round() / 100.0)
}

/// What a row of the table below expects: per 100 g, `None` for unknown.
struct Want {
    ndb: &'static str,
    d3: Option<f64>,
    d2: Option<f64>,
    d_other: Option<f64>,
    k1: Option<f64>,
    mk4: Option<f64>,
    mk7: Option<f64>,
}

const FOODS: &[Want] = &[
    // Cheddar: USDA measured D3 (326: 0.6 µg = the whole 24 IU) and MK-4 (428: 8.6 µg).
    Want {
        ndb: "01009",
        d3: Some(24.0),
        d2: Some(0.0),
        d_other: Some(0.0),
        k1: Some(2.4),
        mk4: Some(8.6),
        mk7: None,
    },
    // Maitake: USDA measured D2 (325: 28.1 µg; the IU total 1,123) and no D3.
    Want {
        ndb: "11993",
        d3: Some(0.0),
        d2: Some(1123.0),
        d_other: Some(0.0),
        k1: Some(0.0),
        mk4: Some(0.0),
        mk7: None,
    },
    // Whole milk: D3 (326) and MK-4 (428) measured.
    Want {
        ndb: "01077",
        d3: Some(51.0),
        d2: Some(0.0),
        d_other: Some(0.0),
        k1: Some(0.3),
        mk4: Some(1.0),
        mk7: None,
    },
    // Natto: K1 23.1 (430); USDA has no K2 for it and it is fermented: K2 unknown.
    Want {
        ndb: "16113",
        d3: Some(0.0),
        d2: Some(0.0),
        d_other: Some(0.0),
        k1: Some(23.1),
        mk4: None,
        mk7: None,
    },
    // Cod liver oil: USDA gives no split; D3 by the animal rule (ODS).
    Want {
        ndb: "04589",
        d3: Some(10000.0),
        d2: Some(0.0),
        d_other: Some(0.0),
        k1: None,
        mk4: None,
        mk7: None,
    },
    // Fortified 2 % milk with no USDA split: the added D's form varies, so form unknown.
    Want {
        ndb: "01080",
        d3: Some(0.0),
        d2: Some(0.0),
        d_other: Some(40.0),
        k1: None,
        mk4: None,
        mk7: None,
    },
    // Boiled kale: plant, not fermented: no menaquinones (assumed, ODS).
    Want {
        ndb: "11234",
        d3: Some(0.0),
        d2: Some(0.0),
        d_other: Some(0.0),
        k1: Some(817.0),
        mk4: Some(0.0),
        mk7: Some(0.0),
    },
];

#[test]
fn forms_follow_usda_and_the_rules_food_by_food() {
    for w in FOODS {
        let item = food(&format!("usda-{}", w.ndb));
        let got = |n| per_100g(&item, n);
        let cases = [
            (Nutrient::VitaminD3, w.d3),
            (Nutrient::VitaminD2, w.d2),
            (Nutrient::VitaminDOther, w.d_other),
            (Nutrient::K1, w.k1),
            (Nutrient::K2Mk4, w.mk4),
            (Nutrient::K2Mk7, w.mk7),
        ];
        for (n, want) in cases {
            assert_eq!(got(n), want, "{} {n:?}", w.ndb);
        }
    }
}

#[test]
fn rules_are_named_in_the_source() {
    assert!(
        food("usda-04589")
            .source
            .contains("D3 by rule: animal food"),
        "{}",
        food("usda-04589").source
    );
    assert_eq!(food("usda-01009").source, "USDA SR28/SR Legacy, NDB 01009");
}

#[test]
fn assumed_zeros_are_kept_apart_with_their_reason() {
    let kale = food("usda-11234");
    assert_eq!(kale.nutrients.get(Nutrient::K2Mk7), Value::exact(0.0));
    assert_eq!(
        kale.assumed.get(Nutrient::K2Mk7),
        Some(Assumption::PlantNoMenaquinones)
    );
    // USDA's own assumed zero (source code 7) for vitamin D in a plant.
    assert_eq!(
        kale.assumed.get(Nutrient::VitaminD3),
        Some(Assumption::Usda)
    );
    // A measured value is not assumed: almonds' K1 0.0 was analysed.
    let almonds = food("usda-12061");
    assert_eq!(almonds.nutrients.get(Nutrient::K1), Value::exact(0.0));
    assert_eq!(almonds.assumed.get(Nutrient::K1), None);
    // Cheddar's MK-4 is measured; its other menaquinones are unknown, not assumed.
    let cheddar = food("usda-01009");
    assert!(cheddar.assumed.is_empty());
    assert!(cheddar.nutrients.get(Nutrient::K2Mk7).is_unknown());
}
