//! The generated USDA table: it matches a fresh run of the generator, and known foods carry the
//! USDA figures (per 100 g and per serving), with empty USDA fields left unknown.

use intake::catalog::usda::{self, USDA_TSV};
use intake::catalog::{Catalog, usda_gen};
use intake::domain::{Item, Nutrient, Quantity, Shown, Value};
use std::path::Path;

fn sr_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/usda-sr")
}

fn food(key: &str) -> Item {
    Catalog::builtin()
        .get(key)
        .cloned()
        .unwrap_or_else(|| panic!("no {key}"))
}

/// The value of a nutrient in 100 g of a food.
fn per_100g(item: &Item, n: Nutrient) -> Value {
    let q = Quantity::parse("100 g").unwrap();
    item.nutrients_for(&q).unwrap().1.get(n)
}

/// Per-serving amounts are kept to a thousandth, so 100 g back from a serving may differ from
/// USDA's figure by a rounding step.
fn assert_near(v: Value, want: f64) {
    let (lo, hi) = v
        .bounds()
        .unwrap_or_else(|| panic!("unknown, expected {want}"));
    assert_eq!(lo, hi);
    assert!(
        (lo.to_f64() - want).abs() <= 0.002,
        "{} != {want}",
        lo.to_f64()
    );
}

#[test]
fn committed_table_is_what_the_generator_writes() {
    let fresh = usda_gen::generate(&sr_dir()).unwrap();
    assert!(
        fresh == USDA_TSV,
        "assets/usda-sr.tsv is stale: run `cargo run --bin usda-gen`"
    );
}

#[test]
fn table_names_source_and_release_and_has_every_food_in_both_files() {
    assert!(USDA_TSV.starts_with("# intake food table"));
    assert!(USDA_TSV.contains("Release 28, 2015; Legacy, April 2018"));
    let items = usda::parse_items(USDA_TSV, true).unwrap();
    assert_eq!(items.len(), 7754);
    assert!(
        items
            .iter()
            .all(|i| i.source.starts_with("USDA SR28/SR Legacy, NDB "))
    );
}

#[test]
fn natto_per_100g() {
    let natto = food("usda-16113");
    assert_eq!(natto.name, "Natto");
    assert_near(per_100g(&natto, Nutrient::Calcium), 217.0);
    assert_near(per_100g(&natto, Nutrient::K1), 23.1);
    assert_near(per_100g(&natto, Nutrient::Magnesium), 115.0);
    assert_near(per_100g(&natto, Nutrient::Fat), 11.0);
    // USDA has no K2 for natto, and natto is fermented: unknown, not 0.
    assert!(natto.nutrients.get(Nutrient::K2Mk7).is_unknown());
    assert!(natto.nutrients.get(Nutrient::K2Mk4).is_unknown());
    assert_eq!(natto.group.as_deref(), Some("Legumes and Legume Products"));
    assert_eq!(natto.source, "USDA SR28/SR Legacy, NDB 16113");
}

#[test]
fn raw_kale_serving_is_the_first_portion() {
    let kale = food("usda-11233");
    assert_eq!(kale.name, "Kale, raw");
    assert_eq!(
        (kale.serving.amount, kale.serving.unit.as_str()),
        (1.0, "cup")
    );
    assert_eq!(kale.serving.grams, Some(21.0));
    // per serving = per 100 g x 21 / 100
    assert_eq!(kale.nutrients.get(Nutrient::Calcium), Value::exact(31.5));
    assert_near(per_100g(&kale, Nutrient::K1), 704.8);
    assert_eq!(kale.nutrients.shown(Shown::VitaminD).display(), "0");
}

#[test]
fn sockeye_vitamin_d_is_d3() {
    let sockeye = food("usda-15086");
    assert_eq!(sockeye.name, "Fish, salmon, sockeye, cooked, dry heat");
    assert_near(per_100g(&sockeye, Nutrient::VitaminD3), 670.0);
    assert_near(per_100g(&sockeye, Nutrient::VitaminD2), 0.0);
    assert_near(per_100g(&sockeye, Nutrient::Calcium), 11.0);
    // serving 3 oz (USDA: 85 g; converted exactly as 3 x 28.35 g, like any typed `oz`)
    assert_eq!(sockeye.serving.unit, "oz");
    assert!((sockeye.serving.grams.unwrap() - 85.05).abs() < 1e-9);
    assert_eq!(
        sockeye.nutrients.get(Nutrient::VitaminD3),
        Value::exact(569.835)
    );
}

#[test]
fn uv_mushrooms_are_d2_and_plants_are_form_unknown() {
    let uv = food("usda-11938");
    assert_near(per_100g(&uv, Nutrient::VitaminD2), 1046.0);
    assert_near(per_100g(&uv, Nutrient::VitaminD3), 0.0);
    let broccoli = food("usda-11090");
    assert_eq!(
        per_100g(&broccoli, Nutrient::VitaminDOther),
        Value::exact(0.0)
    );
    use usda_gen::origin::{DRule, d_rule};
    assert_eq!(d_rule("1100", "Mushrooms, white, raw"), DRule::None);
    assert_eq!(d_rule("1500", "Fish, herring"), DRule::Animal);
}

#[test]
fn empty_usda_fields_stay_unknown() {
    // Atlantic mackerel has no vitamin D analysis in SR.
    let mackerel = food("usda-15047");
    for n in [
        Nutrient::VitaminD3,
        Nutrient::VitaminD2,
        Nutrient::VitaminDOther,
    ] {
        assert!(mackerel.nutrients.get(n).is_unknown(), "{n:?}");
    }
    assert_eq!(mackerel.nutrients.shown(Shown::VitaminD).display(), "?");
    // A margarine with neither calcium nor magnesium analysed.
    let spread = food("usda-04673");
    assert!(spread.nutrients.get(Nutrient::Calcium).is_unknown());
    assert!(spread.nutrients.get(Nutrient::Magnesium).is_unknown());
    assert!(!spread.nutrients.get(Nutrient::K1).is_unknown());
}

#[test]
fn a_food_without_portions_is_served_by_100_g() {
    let text = "g\t0100\tDairy\nf\t99999\tTest food\t0100\t10\t\t\t\t\t\t\t\t\t1\t\t\n";
    let items = usda::parse_items(text, true).unwrap();
    let s = &items[0].serving;
    assert_eq!(
        (s.amount, s.unit.as_str(), s.grams),
        (100.0, "g", Some(100.0))
    );
    assert_eq!(items[0].group.as_deref(), Some("Dairy"));
    assert!(items[0].nutrients.get(Nutrient::VitaminD3).is_unknown());
}

#[test]
fn malformed_rows_are_reported_with_their_line() {
    let bad = "# header\nf\t1\tshort row\n";
    let err = usda::parse_items(bad, true).unwrap_err();
    assert_eq!(err.line, 2);
    let bad_number = "f\t1\tx\t0100\tlots\t\t\t\t\t\t\t\t\t\t\t\n";
    assert!(usda::parse_items(bad_number, true).is_err());
    assert!(usda::parse_items(bad_number, false).unwrap().is_empty());
}

#[test]
fn generator_reports_a_missing_directory() {
    let err = usda_gen::generate(Path::new("/nonexistent/usda")).unwrap_err();
    assert!(err.to_string().contains("ABBREV.txt"), "{err}");
}

/// The parsed table is sorted by key with no key twice: it is sorted without a stable sort's
/// scratch copy of the whole table (issue 19), which gives one order only for unique keys. The
/// file is in that order already, so what reads it a food at a time sees the same sequence.
#[test]
fn parsed_table_keys_are_unique_and_in_order() {
    let items = usda::parse_items(USDA_TSV, true).unwrap();
    assert!(items.len() > 7_000, "{}", items.len());
    assert!(items.windows(2).all(|w| w[0].key < w[1].key));
    // Read a food at a time (suggest, coverage), the table gives the same foods in that order.
    assert!(usda::foods().eq(items));
}
