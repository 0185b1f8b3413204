//! Quantities in the household units a USDA food has (from WEIGHT.txt), grams and ounces, and a
//! clear error for a unit the food lacks.

use intake::catalog::Catalog;
use intake::catalog::usda::{normalise_measure, portion_texts};
use intake::domain::{Item, Nutrient, QtyError, Quantity, Value};

fn food(key: &str) -> Item {
    Catalog::builtin()
        .get(key)
        .cloned()
        .unwrap_or_else(|| panic!("no {key}"))
}

fn servings(key: &str, qty: &str) -> Result<f64, QtyError> {
    food(key).servings_for(&Quantity::parse(qty).unwrap())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn household_mass_and_serving_units_convert() {
    let cases: [(&str, &str, f64); 11] = [
        ("usda-11233", "1 cup", 1.0), // kale, raw: cup = 21 g (the serving)
        ("usda-11233", "100 g", 100.0 / 21.0), //
        ("usda-11233", "3 oz", 3.0 * 28.35 / 21.0),
        ("usda-11233", "2 servings", 2.0),
        ("usda-01001", "2 tbsp", 2.0 * 14.2 / 5.0), // butter: serving 1 pat = 5 g
        ("usda-01001", "1 tablespoon", 14.2 / 5.0),
        ("usda-01001", "1 stick", 113.0 / 5.0),
        ("usda-01123", "1 large", 1.0), // egg: serving 1 large = 50 g
        ("usda-01123", "2 jumbo", 2.0 * 63.0 / 50.0),
        ("usda-01123", "1 extra large", 56.0 / 50.0),
        ("usda-15088", "2 sardines", 24.0 / 149.0), // 2 sardines = 24 g, serving 1 cup = 149 g
    ];
    for (key, qty, want) in cases {
        let got = servings(key, qty).unwrap_or_else(|e| panic!("{key} {qty}: {e}"));
        assert!(close(got, want), "{key} {qty}: {got} servings, want {want}");
    }
}

#[test]
fn the_first_of_several_cup_measures_is_the_cup() {
    // broccoli: "1 cup chopped" 91 g first, "0.50 cup, chopped or diced" 44 g later
    assert!(close(servings("usda-11090", "1 cup").unwrap(), 1.0));
    let b = food("usda-11090");
    let cups: Vec<_> = b.portions.iter().filter(|p| p.unit == "cup").collect();
    assert_eq!(cups.len(), 1);
    assert!(close(cups[0].grams, 91.0));
}

#[test]
fn a_unit_the_food_lacks_lists_the_units_it_has() {
    let err = servings("usda-11233", "1 slice").unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, QtyError::CannotConvert { .. }), "{err:?}");
    for unit in ["serving", "cup", "g", "oz"] {
        assert!(msg.contains(unit), "{msg}");
    }
    let msg = servings("usda-01123", "2 tbsp").unwrap_err().to_string();
    assert!(msg.contains("large") && msg.contains("jumbo"), "{msg}");
}

#[test]
fn spinach_boiled_one_cup_logs_usda_figures() {
    let c = Catalog::builtin();
    let spinach = c.resolve("spinach boiled", &[]).unwrap();
    let (n, amounts) = spinach
        .nutrients_for(&Quantity::parse("1 cup").unwrap())
        .unwrap();
    assert!(close(n, 1.0));
    // 180 g x 136 mg / 100 g
    assert_eq!(amounts.get(Nutrient::Calcium), Value::exact(244.8));
    assert_eq!(amounts.get(Nutrient::K1), Value::exact(888.48));
}

#[test]
fn usda_measures_normalise_to_typed_units() {
    for (text, unit) in [
        ("cup, chopped", "cup"),
        ("cup chopped", "cup"),
        ("cup (8 fl oz)", "cup"),
        ("tbsp", "tbsp"),
        ("tablespoons", "tbsp"),
        ("fl oz", "fl oz"),
        ("cubic inch", "cubic inch"),
        ("extra large", "extra large"),
        ("large (2-1/4 per lb)", "large"),
        ("pat (1\" sq, 1/3\" high)", "pat"),
        ("slices", "slice"),
        ("NLEA serving", "serving"),
        ("", "serving"),
    ] {
        assert_eq!(normalise_measure(text), unit, "{text}");
    }
}

#[test]
fn portions_keep_usda_wording_for_display() {
    let p = portion_texts("usda-11090");
    assert_eq!(p[0].text, "cup chopped");
    assert_eq!(p[0].unit, "cup");
    assert!(
        p.iter()
            .any(|w| w.text == "cup, chopped or diced" && close(w.amount, 0.5))
    );
    assert!(portion_texts("milk").is_empty());
    assert!(portion_texts("usda-00000").is_empty());
}

/// The table's parser works each measure text out once; every food's serving and household
/// portions must still be what its own portions say, read one by one.
#[test]
fn every_usda_serving_and_portion_matches_its_portion_texts() {
    use intake::domain::Unit;
    for item in &intake::catalog::usda::table().items {
        let weights = portion_texts(&item.key);
        match weights.first() {
            Some(w) => {
                assert_eq!(
                    (item.serving.amount, &item.serving.unit),
                    (w.amount, &w.unit)
                );
                let grams = match Unit::parse(&w.unit) {
                    Unit::Mass(m) => w.amount * m.grams(),
                    _ => w.grams,
                };
                assert_eq!(item.serving.grams, Some(grams), "{}", item.key);
            }
            None => assert_eq!(item.serving.unit, "g", "{}", item.key),
        }
        let mut want: Vec<(String, f64)> = Vec::new();
        for w in &weights {
            let household = matches!(Unit::parse(&w.unit), Unit::Household(_));
            if household && !want.iter().any(|(u, _)| *u == w.unit) {
                want.push((w.unit.clone(), w.grams / w.amount));
            }
        }
        let got: Vec<(String, f64)> = item
            .portions
            .iter()
            .map(|p| (p.unit.clone(), p.grams))
            .collect();
        assert_eq!(got, want, "{}", item.key);
    }
}
