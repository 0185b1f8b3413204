//! Curated rows made whole: every nutrient of every curated food is known with a named source, or
//! unknown with a reason; a day of common foods
//! has exact totals wherever a source gives the figures.

use intake::catalog::fill::Basis;
use intake::catalog::load::curated_with_basis;
use intake::catalog::{Catalog, usda};
use intake::domain::{Nutrient, Nutrients, Origin, Quantity, Shown, Total, Value};
use std::collections::HashSet;
use std::path::Path;

#[test]
fn every_curated_value_has_a_source_or_a_reason() {
    let rows = curated_with_basis().unwrap();
    assert!(rows.len() >= 50);
    for (item, basis) in &rows {
        assert_eq!(basis.len(), Nutrient::ALL.len(), "{}", item.key);
        for (n, b) in Nutrient::ALL.iter().zip(basis) {
            let v = item.nutrients.get(*n);
            match b {
                Basis::Own | Basis::Usda => assert!(!v.is_unknown(), "{} {n:?}", item.key),
                Basis::Unknown(why) => {
                    assert!(v.is_unknown(), "{} {n:?}", item.key);
                    assert!(why.len() > 10, "{} {n:?}: reason `{why}`", item.key);
                    assert!(item.source.contains(why.as_str()), "{}", item.key);
                }
            }
        }
        if basis.contains(&Basis::Usda) {
            assert!(item.source.contains("USDA SR NDB "), "{}", item.key);
        }
    }
}

fn day(foods: &[(&str, &str)]) -> Vec<(Shown, Total)> {
    let c = Catalog::builtin();
    let mut sum: Vec<Nutrients> = Vec::new();
    for (key, qty) in foods {
        let item = c.get(key).unwrap_or_else(|| panic!("{key}"));
        sum.push(
            item.nutrients_for(&Quantity::parse(qty).unwrap())
                .unwrap()
                .1,
        );
    }
    [
        Shown::Calcium,
        Shown::VitaminD,
        Shown::VitaminK2,
        Shown::Magnesium,
        Shown::VitaminK1,
    ]
    .into_iter()
    .map(|s| {
        let mut t = Total::default();
        for n in &sum {
            t.merge(&n.shown(s));
        }
        (s, t)
    })
    .collect()
}

#[test]
fn a_day_of_milk_cheddar_kale_almonds_and_sardines_is_exact_where_sources_give_it() {
    let totals = day(&[
        ("milk", "1 cup"),
        ("cheddar", "1.5 oz"),
        ("kale-cooked", "1 cup"),
        ("almonds", "1 oz"),
        ("sardines", "3 oz"),
    ]);
    for (s, t) in totals {
        match s {
            // No source gives MK-7 (or longer menaquinones) for milk, cheddar or sardines, nor
            // MK-4 for canned sardines: K2 stays a lower bound rather than an invented figure.
            Shown::VitaminK2 => assert!(t.is_lower_bound(), "{s:?}"),
            _ => assert!(
                !t.is_lower_bound() && !t.is_empty(),
                "{s:?}: {}",
                t.display()
            ),
        }
    }
}

/// ODS gives these foods' K2 "as MK-4" only: their K2 of other forms (cheese: mostly MK-8/MK-9)
/// and MK-7 are unknown, never completed to 0, so one such food alone is a lower bound.
#[test]
fn ods_mk4_rows_leave_the_other_k2_forms_unknown() {
    let catalog = Catalog::builtin();
    for key in [
        "cheddar",
        "egg-hard-boiled",
        "mozzarella",
        "chicken-breast-rotisserie",
        "milk-2pct-fortified",
    ] {
        let item = catalog.get(key).unwrap_or_else(|| panic!("{key}"));
        assert!(
            some(item.nutrients.get(Nutrient::K2Mk4)),
            "{key}: MK-4 given"
        );
        for n in [Nutrient::K2Mk7, Nutrient::K2Other] {
            assert!(item.nutrients.get(n).is_unknown(), "{key}: {n:?} is not 0");
        }
        assert!(
            item.nutrients.shown(Shown::VitaminK2).is_lower_bound(),
            "{key}"
        );
    }
}

/// Whether a value says there is some of it (a range above 0 at its top).
fn some(v: Value) -> bool {
    v.bounds().is_some_and(|(_, hi)| hi.to_f64() > 0.0)
}

/// The NDB numbers for which USDA measured menaquinone-4 (Nutr_No 428) above 0.
fn usda_mk4() -> HashSet<String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/usda-sr/NUT_DATA_forms.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    text.lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('^').map(|c| c.trim_matches('~')).collect();
            let value: f64 = f.get(2)?.parse().ok()?;
            (f.get(1) == Some(&"428") && value > 0.0).then(|| f[0].to_string())
        })
        .collect()
}

/// Nothing is MK-4 or MK-7 unless its source says so: a curated row's own MK-4 or MK-7 figure
/// needs a row source that names the form (the seed's K2 rows name none: K2 of other form); one
/// taken from USDA is menaquinone-4 that USDA measured (428) in the named food, as USDA has no
/// MK-7; a built-in supplement names its form; and no USDA food has MK-7 or unmeasured MK-4.
#[test]
fn nothing_is_mk4_or_mk7_without_a_source_that_says_so() {
    let forms = [(Nutrient::K2Mk4, "MK-4"), (Nutrient::K2Mk7, "MK-7")];
    let measured = usda_mk4();
    let assets: toml::Table = toml::from_str(include_str!("../assets/foods.toml")).unwrap();
    let rows = assets["item"].as_array().unwrap();
    let row = |key: &str, field: &str| -> String {
        let r = rows
            .iter()
            .find(|r| r["key"].as_str() == Some(key))
            .unwrap();
        r.get(field)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string()
    };
    for (item, basis) in curated_with_basis().unwrap() {
        for (n, form) in forms {
            if !some(item.nutrients.get(n)) {
                continue;
            }
            match &basis[n.index()] {
                Basis::Own => assert!(
                    row(&item.key, "source").contains(form),
                    "{}: {form} from a source that does not name it",
                    item.key
                ),
                Basis::Usda => {
                    let ndb = row(&item.key, "usda");
                    assert!(
                        n == Nutrient::K2Mk4 && measured.contains(&ndb),
                        "{}: {form} from USDA NDB {ndb}, which did not measure it",
                        item.key
                    );
                }
                Basis::Unknown(_) => panic!("{}: {n:?} unknown yet given", item.key),
            }
        }
    }
    for item in Catalog::builtin().items() {
        for (n, form) in forms {
            if item.origin == Origin::Builtin && some(item.nutrients.get(n)) {
                assert!(item.name.contains(form), "{}: {form}", item.key);
            }
        }
    }
    for food in &usda::table().items {
        let ndb = food.key.trim_start_matches("usda-");
        assert!(!some(food.nutrients.get(Nutrient::K2Mk7)), "{ndb}: MK-7");
        if some(food.nutrients.get(Nutrient::K2Mk4)) {
            assert!(measured.contains(ndb), "{ndb}: MK-4 USDA did not measure");
        }
    }
}

/// The seed's K2 figures name no form: they are K2 of other or unknown form, the row's whole K2,
/// so the matched USDA food's measured MK-4 is not added on top of them.
#[test]
fn the_seeds_k2_figures_are_k2_of_other_form_and_counted_once() {
    let c = Catalog::builtin();
    for (key, lo, hi) in [
        ("aged-cheese", 5.0, 75.0),
        ("yogurt", 5.0, 10.0),
        ("kefir", 5.0, 10.0),
        ("egg-yolk", 15.0, 35.0),
        ("liver", 25.0, 25.0),
        ("grass-fed-beef", 1.0, 8.0),
        ("chicken-thigh", 1.0, 8.0),
    ] {
        let n = &c.get(key).unwrap().nutrients;
        assert_eq!(n.get(Nutrient::K2Other), Value::range(lo, hi), "{key}");
        assert_eq!(n.get(Nutrient::K2Mk4), Value::exact(0.0), "{key}");
        assert_eq!(n.get(Nutrient::K2Mk7), Value::exact(0.0), "{key}");
        let k2 = n.shown(Shown::VitaminK2);
        assert!(!k2.is_lower_bound(), "{key}");
        assert_eq!((k2.lo.to_f64(), k2.hi.to_f64()), (lo, hi), "{key}");
    }
}
