use super::*;

fn one(kind: &str, body: &str) -> Result<Vec<Item>, LoadError> {
    let text = format!(
        "[[item]]\nkey = \"x\"\nname = \"X\"\nkind = \"{kind}\"\nserving = \"1 cup\"\n\
         source = \"test\"\n{body}"
    );
    parse_items("test.toml", &text, Origin::Builtin)
}

#[test]
fn every_embedded_file_loads_with_known_nutrients_and_servings() {
    for (file, text, origin) in ASSETS {
        let items = parse_items(file, text, origin).unwrap_or_else(|e| panic!("{e}"));
        assert!(!items.is_empty(), "{file}");
        for i in &items {
            assert_eq!(i.origin, origin);
            assert!(i.serving.amount > 0.0, "{}", i.key);
            assert!(!i.source.is_empty(), "{}", i.key);
        }
    }
}

#[test]
fn unknown_nutrient_key_is_rejected_naming_the_accepted_ones() {
    let err = one("food", "[item.nutrients]\ncalcium = 5\n").unwrap_err();
    assert!(matches!(err, LoadError::UnknownNutrient { .. }));
    let msg = err.to_string();
    assert!(
        msg.contains("test.toml: item `x`: unknown nutrient `calcium`"),
        "{msg}"
    );
    assert!(msg.contains("calcium_mg"), "{msg}");
}

#[test]
fn bad_servings_and_amounts_are_rejected() {
    let bad_serving = |s: &str| {
        let text =
            format!("[[item]]\nkey = \"x\"\nname = \"X\"\nserving = \"{s}\"\nsource = \"t\"\n");
        parse_items("t.toml", &text, Origin::Curated)
    };
    for s in ["", "cup", "-1 cup", "0 g", "NaN g"] {
        assert!(
            matches!(bad_serving(s), Err(LoadError::BadServing { .. })),
            "{s}"
        );
    }
    assert!(matches!(
        one("food", "[item.nutrients]\ncalcium_mg = -3\n"),
        Err(LoadError::BadAmount { .. })
    ));
    assert!(matches!(
        one("food", "[item.nutrients]\ncalcium_mg = [300, 200]\n"),
        Err(LoadError::BadAmount { .. })
    ));
    assert!(matches!(
        one("food", "grams = 0\n"),
        Err(LoadError::BadAmount { .. })
    ));
    assert!(matches!(
        one("food", "colour = 1\n"),
        Err(LoadError::Toml { .. })
    ));
    assert!(matches!(one("snack", ""), Err(LoadError::Toml { .. })));
}

fn curated(body: &str) -> Result<Vec<Item>, LoadError> {
    let text = format!(
        "[[item]]\nkey = \"x\"\nname = \"X\"\nserving = \"1 cup\"\ngrams = 244\n\
         source = \"seed\"\n{body}"
    );
    parse_items("foods.toml", &text, Origin::Curated)
}

#[test]
fn a_curated_food_is_whole_or_says_why_not() {
    let own = "[item.nutrients]\ncalcium_mg = 300\n";
    let err = curated(own).unwrap_err();
    assert!(matches!(err, LoadError::Incomplete { .. }), "{err}");
    assert!(err.to_string().contains("magnesium_mg is unknown"), "{err}");
    // Whole milk fills the rest, scaled to 244 g; MK-7 stays unknown, with its reason.
    let whole = format!(
        "usda = \"01077\"\n{own}[item.unknown]\nvitamin_k2_mk7_mcg = \"no source\"\nvitamin_k2_other_mcg = \"no source\"\n"
    );
    let milk = &curated(&whole).unwrap()[0];
    assert_eq!(milk.nutrients.get(Nutrient::Calcium), Value::exact(300.0));
    assert_eq!(milk.nutrients.get(Nutrient::Magnesium), Value::exact(24.4));
    assert_eq!(milk.nutrients.get(Nutrient::K2Mk4), Value::exact(2.44));
    assert!(milk.nutrients.get(Nutrient::K2Mk7).is_unknown());
    assert!(
        milk.source.starts_with("calcium: seed; "),
        "{}",
        milk.source
    );
    assert!(milk.source.contains("USDA SR NDB 01077"), "{}", milk.source);
    assert!(
        milk.source.contains("unknown (no source)"),
        "{}",
        milk.source
    );
    // A reason without the USDA food leaves the rest unknown: still an error.
    let half = format!("{own}[item.unknown]\nvitamin_k2_mk7_mcg = \"no source\"\n");
    assert!(curated(&half).is_err());
    assert!(curated(&format!("usda = \"99999\"\n{own}")).is_err());
}

#[test]
fn duplicate_keys_are_rejected() {
    let row = "[[item]]\nkey = \"x\"\nname = \"X\"\nserving = \"1\"\nsource = \"t\"\n";
    let err = parse_items("t.toml", &row.repeat(2), Origin::Builtin).unwrap_err();
    assert_eq!(err.to_string(), "t.toml: item key `x` appears twice");
}

#[test]
fn foods_leave_unlisted_nutrients_unknown_and_labels_zero() {
    let body = "[item.nutrients]\ncalcium_mg = [200, 300]\n";
    let food = &one("food", body).unwrap()[0];
    assert_eq!(
        food.nutrients.get(Nutrient::Calcium),
        Value::range(200.0, 300.0)
    );
    assert!(food.nutrients.get(Nutrient::K1).is_unknown());
    let natto = &one("food", "[item.nutrients]\nvitamin_k2_mk7_mcg = 850\n").unwrap()[0];
    assert_eq!(natto.nutrients.get(Nutrient::K2Mk4), Value::exact(0.0));
    assert!(natto.nutrients.get(Nutrient::VitaminD3).is_unknown());
    let pill = &one("supplement", body).unwrap()[0];
    assert_eq!(pill.kind, Kind::Supplement);
    assert_eq!(pill.nutrients.get(Nutrient::K1), Value::exact(0.0));
}

#[test]
fn servings_keep_their_unit_and_mass() {
    let items = embedded().unwrap();
    let get = |k: &str| items.iter().find(|i| i.key == k).unwrap();
    let milk = get("milk");
    assert_eq!(
        (milk.serving.amount, milk.serving.unit.as_str()),
        (1.0, "cup")
    );
    assert_eq!(milk.serving.grams, Some(244.0));
    let sardines = get("sardines");
    assert!((sardines.serving.grams.unwrap() - 85.05).abs() < 1e-9);
    assert_eq!(get("d3").serving.unit, "IU");
    assert_eq!(get("d3").serving.grams, None);
}

#[test]
fn prepared_files_give_the_same_items() {
    let mut parsed = Vec::new();
    for (file, text, origin) in ASSETS {
        parsed.extend(parse_items(file, text, origin).unwrap());
    }
    assert_eq!(embedded().unwrap(), parsed);
}
