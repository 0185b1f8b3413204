use super::*;
use crate::domain::{Nutrient, Shown, Value};

fn food(key: &str, grams: Option<f64>, n: Nutrients, tags: &[&str]) -> Item {
    Item {
        key: key.into(),
        name: key.into(),
        kind: Kind::Food,
        origin: Origin::Curated,
        serving: Serving {
            amount: 100.0,
            unit: "g".into(),
            grams,
        },
        portions: Vec::new(),
        nutrients: n,
        tags: tags.iter().map(|t| t.to_string()).collect(),
        group: None,
        source: "test".into(),
        assumed: Default::default(),
    }
}

fn pantry() -> Vec<Item> {
    let tofu = Nutrients::default()
        .with(Nutrient::Calcium, Value::exact(350.0))
        .with(Nutrient::Fat, Value::exact(8.0))
        .with(Nutrient::K2Mk7, Value::exact(0.0));
    let cheese = Nutrients::default()
        .with(Nutrient::Calcium, Value::range(200.0, 300.0))
        .with(Nutrient::K2Other, Value::exact(10.0))
        .with(Nutrient::VitaminD3, Value::exact(20.0));
    let kale = Nutrients::default().with(Nutrient::K1, Value::exact(390.0));
    vec![
        food("tofu", Some(100.0), tofu, &["calcium-set"]),
        food("cheese", Some(100.0), cheese, &[]),
        food("kale", None, kale, &[]),
    ]
}

fn recipe(key: &str, serves: f64, parts: &[(&str, &str)]) -> Recipe {
    Recipe {
        key: key.into(),
        name: key.into(),
        serves,
        parts: parts
            .iter()
            .map(|(k, q)| Part {
                key: k.to_string(),
                quantity: q.to_string(),
            })
            .collect(),
    }
}

fn getter(items: Vec<Item>) -> impl Fn(&str) -> Option<Item> {
    move |k: &str| items.iter().find(|i| i.key == k).cloned()
}

#[test]
fn parts_sum_then_divide_by_servings_with_ranges_forms_fat_and_tags() {
    let r = recipe("bowl", 2.0, &[("tofu", "200 g"), ("cheese", "100 g")]);
    let item = r.item(&getter(pantry())).unwrap();
    let n = &item.nutrients;
    // (700 + 200..300) / 2
    assert_eq!(n.get(Nutrient::Calcium), Value::range(450.0, 500.0));
    assert_eq!(n.get(Nutrient::Fat).bounds(), Value::exact(8.0).bounds());
    assert!(n.get(Nutrient::Fat).is_partial(), "cheese gives no fat");
    // Forms stay apart: cheese's K2 of unknown form is not booked as MK-7.
    assert_eq!(
        n.get(Nutrient::K2Other).bounds(),
        Value::exact(5.0).bounds()
    );
    assert_eq!(n.get(Nutrient::K2Mk7).bounds(), Value::exact(0.0).bounds());
    assert_eq!(
        n.get(Nutrient::VitaminD3).bounds(),
        Value::exact(10.0).bounds()
    );
    assert_eq!(item.tags, vec!["calcium-set".to_string()]);
    assert_eq!((item.kind, item.serving.grams), (Kind::Food, Some(150.0)));
    assert!(item.source.contains("1/2 of tofu 200 g + cheese 100 g"));
}

#[test]
fn an_unknown_part_makes_the_value_a_lower_bound_not_zero() {
    let r = recipe("greens", 1.0, &[("tofu", "100 g"), ("kale", "100 g")]);
    let item = r.item(&getter(pantry())).unwrap();
    let ca = item.nutrients.shown(Shown::Calcium);
    assert!(ca.is_lower_bound());
    assert_eq!(ca.display(), "≥ 350");
    assert_eq!(item.serving.grams, None, "kale's mass is unknown");
    let k1 = item.nutrients.get(Nutrient::K1);
    assert!(k1.is_partial() && k1.bounds() == Value::exact(390.0).bounds());
    // Nothing known at all stays unknown.
    let alone = recipe("k", 1.0, &[("kale", "1 serving")]).item(&getter(pantry()));
    assert_eq!(
        alone.unwrap().nutrients.get(Nutrient::Calcium),
        Value::Unknown
    );
}

#[test]
fn a_recipe_of_recipes_sums_theirs_and_cycles_are_refused() {
    let bowl = recipe("bowl", 2.0, &[("tofu", "200 g")]);
    let meal = recipe("meal", 1.0, &[("bowl", "1"), ("cheese", "100 g")]);
    let (items, failed) = items(&[meal.clone(), bowl.clone()], &getter(pantry()));
    assert!(failed.is_empty());
    let meal_item = items.iter().find(|i| i.key == "meal").unwrap();
    assert_eq!(
        meal_item.nutrients.get(Nutrient::Calcium),
        Value::range(550.0, 650.0)
    );
    assert!(check_cycle(&[bowl.clone(), meal.clone()], &meal).is_ok());
    let looped = recipe("bowl", 1.0, &[("meal", "1")]);
    let err = check_cycle(&[bowl.clone(), meal], &looped).unwrap_err();
    assert_eq!(
        err,
        RecipeError::Cycle("bowl".into(), "bowl -> meal -> bowl".into())
    );
    let own = recipe("soup", 1.0, &[("soup", "1")]);
    assert!(matches!(
        check_cycle(&[], &own),
        Err(RecipeError::Cycle(..))
    ));
}

#[test]
fn a_stored_cycle_or_missing_part_still_reads_as_unknown() {
    let a = recipe("a", 1.0, &[("b", "1"), ("tofu", "100 g")]);
    let b = recipe("b", 1.0, &[("a", "1")]);
    let (items, failed) = items(&[a, b], &getter(pantry()));
    assert!(failed.is_empty(), "{failed:?}");
    assert_eq!(items.len(), 2);
    let gone = recipe("c", 1.0, &[("tofu", "100 g"), ("gone", "1")]);
    let item = gone.item(&getter(pantry())).unwrap();
    assert!(item.nutrients.get(Nutrient::Calcium).is_partial());
    assert!(item.source.contains("gone no longer known"));
}

#[test]
fn supplements_bad_quantities_and_servings_are_refused() {
    let mut items = pantry();
    items[0].kind = Kind::Supplement;
    let r = recipe("x", 1.0, &[("tofu", "1")]);
    assert_eq!(
        r.item(&getter(items)),
        Err(RecipeError::NotFood("tofu".into(), "supplement"))
    );
    let r = recipe("x", 1.0, &[("kale", "1 cup")]);
    assert!(matches!(
        r.item(&getter(pantry())),
        Err(RecipeError::Quantity(..))
    ));
    assert!(parse_serves("0").is_err() && parse_serves("x").is_err());
    assert!(parse_serves("101").is_err() && parse_serves("NaN").is_err());
    assert_eq!(parse_serves("4"), Ok(4.0));
    assert_eq!(key_of("Breakfast bowl!"), Some("breakfast-bowl".into()));
    assert_eq!(key_of("  --  "), None);
}

fn parts(list: &[(&str, &str)]) -> Vec<Part> {
    recipe("-", 1.0, list).parts
}

/// The rules `intake recipe add` and the app's recipe dialog share, each refused with its reason.
#[test]
fn check_refuses_each_broken_rule_and_says_what_it_replaces() {
    let base = getter(pantry());
    let ok = parts(&[("tofu", "100 g")]);
    let run = |name: &str, serves: &str, p: Vec<Part>, saved: &[Recipe]| {
        check(name, serves, p, saved, &base)
    };
    assert_eq!(run("  ", "1", ok.clone(), &[]), Err(RecipeError::NoName));
    assert!(matches!(
        run("!!", "1", ok.clone(), &[]),
        Err(RecipeError::BadName(_))
    ));
    assert!(matches!(
        run("bowl\u{202E}", "1", ok.clone(), &[]),
        Err(RecipeError::BadName(_))
    ));
    assert_eq!(
        run("Tofu", "1", ok.clone(), &[]),
        Err(RecipeError::NameTaken("tofu".into(), "a built-in item"))
    );
    assert!(matches!(
        run("Bowl", "0", ok.clone(), &[]),
        Err(RecipeError::BadServes(_))
    ));
    assert_eq!(run("Bowl", "1", vec![], &[]), Err(RecipeError::NoParts));
    assert_eq!(
        run("Bowl", "1", parts(&[("gone", "1")]), &[]),
        Err(RecipeError::UnknownPart("gone".into()))
    );
    assert!(matches!(
        run("Bowl", "1", parts(&[("kale", "1 cup")]), &[]),
        Err(RecipeError::Quantity(..))
    ));
    // A saved recipe that uses "bowl": making bowl of it is a cycle.
    let meal = recipe("meal", 1.0, &[("bowl", "1")]);
    let looped = run(
        "Bowl",
        "1",
        parts(&[("meal", "1")]),
        std::slice::from_ref(&meal),
    );
    assert!(matches!(looped, Err(RecipeError::Cycle(..))), "{looped:?}");

    let new = run(
        " Breakfast bowl ",
        "2",
        ok.clone(),
        std::slice::from_ref(&meal),
    )
    .unwrap();
    assert_eq!(
        (new.recipe.key.as_str(), new.recipe.name.as_str()),
        ("breakfast-bowl", "Breakfast bowl")
    );
    assert_eq!(new.replaces, None);
    assert_eq!(
        new.item.nutrients.get(Nutrient::Calcium),
        Value::exact(175.0)
    );
    let again = run("Breakfast Bowl", "1", ok, &[meal, new.recipe.clone()]).unwrap();
    assert_eq!(again.replaces, Some(new.recipe));
    assert_eq!(
        again.item.nutrients.get(Nutrient::Calcium),
        Value::exact(350.0)
    );
}

#[test]
fn check_sums_a_part_that_is_a_saved_recipe() {
    let bowl = recipe("bowl", 2.0, &[("tofu", "200 g")]);
    let meal = check(
        "Meal",
        "1",
        parts(&[("bowl", "1"), ("cheese", "100 g")]),
        &[bowl],
        &getter(pantry()),
    );
    let n = meal.unwrap().item.nutrients;
    assert_eq!(n.get(Nutrient::Calcium), Value::range(550.0, 650.0));
}

#[test]
fn a_zero_that_rests_on_an_assumed_zero_stays_marked_and_a_sum_above_zero_does_not() {
    use crate::domain::assumed::Assumption;
    let mut items = pantry();
    let mut spinach = food(
        "spinach",
        Some(100.0),
        Nutrients::default()
            .with(Nutrient::K2Mk7, Value::exact(0.0))
            .with(Nutrient::VitaminD3, Value::exact(0.0)),
        &[],
    );
    spinach
        .assumed
        .set(Nutrient::K2Mk7, Assumption::PlantNoMenaquinones);
    spinach.assumed.set(Nutrient::VitaminD3, Assumption::Usda);
    items.push(spinach);
    let get = getter(items);
    // tofu: MK-7 a measured 0; spinach: MK-7 an assumed 0, D3 an assumed 0; cheese: D3 20.
    let alone = recipe("a", 1.0, &[("spinach", "100 g")])
        .item(&get)
        .unwrap();
    assert_eq!(
        alone.assumed.get(Nutrient::VitaminD3),
        Some(Assumption::Usda)
    );
    let with_tofu = recipe("b", 2.0, &[("spinach", "100 g"), ("tofu", "100 g")]);
    let item = with_tofu.item(&get).unwrap();
    assert_eq!(
        item.assumed.get(Nutrient::K2Mk7),
        Some(Assumption::PlantNoMenaquinones)
    );
    let with_cheese = recipe("c", 1.0, &[("spinach", "100 g"), ("cheese", "100 g")]);
    let item = with_cheese.item(&get).unwrap();
    assert_eq!(
        item.assumed.get(Nutrient::VitaminD3),
        None,
        "20 IU is not zero"
    );
    // cheese does not give MK-7: the sum is at least 0, a lower bound, not an assumed zero.
    assert_eq!(item.assumed.get(Nutrient::K2Mk7), None);
    let only_measured = recipe("d", 1.0, &[("tofu", "100 g")]).item(&get).unwrap();
    assert!(
        only_measured.assumed.is_empty(),
        "a measured 0 is not marked"
    );
}
