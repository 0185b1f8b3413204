//! Curated rows made whole: every nutrient of every curated food is known with a named source, or
//! unknown with a reason; a day of common foods
//! has exact totals wherever a source gives the figures.

use intake::catalog::Catalog;
use intake::catalog::fill::Basis;
use intake::catalog::load::curated_with_basis;
use intake::domain::{Nutrient, Nutrients, Quantity, Shown, Total};

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
