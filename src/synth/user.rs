//! The synthetic diarist's own items: two recipes whose figures are the sums of catalog items
//! (so nothing is invented) and a canteen lunch whose nutrients the user does not know.

use super::SynthError;
use crate::catalog::Catalog;
use crate::domain::{
    Item, Kind, Milli, Nutrient, Nutrients, Origin, Portion, Quantity, Serving, Value,
};

/// A recipe: (catalog key, quantity) parts making one serving.
type Recipe = &'static [(&'static str, &'static str)];

const SMOOTHIE: Recipe = &[
    ("kefir", "1 cup"),
    ("spinach-raw", "1 cup"),
    ("usda-09050", "0.5 cup"), // blueberries, raw
];

const BONE_FORMULA: Recipe = &[
    ("calcium-citrate", "250 mg"),
    ("d3", "1000 IU"),
    ("k2-mk7", "50 mcg"),
    ("magnesium", "50 mg"),
];

/// The user's items, built from `catalog` (which must hold the recipes' parts).
pub fn user_items(catalog: &Catalog) -> Result<Vec<Item>, SynthError> {
    Ok(vec![
        recipe(
            catalog,
            ("green-smoothie", "Green smoothie (my recipe)", "glass"),
            Kind::Food,
            SMOOTHIE,
        )?,
        recipe(
            catalog,
            ("bone-formula", "Bone formula (my capsules)", "capsule"),
            Kind::Supplement,
            BONE_FORMULA,
        )?,
        canteen_lunch(),
    ])
}

/// An item of one `unit` whose nutrients, tags and mass are those of its parts added up.
fn recipe(
    catalog: &Catalog,
    (key, name, unit): (&str, &str, &str),
    kind: Kind,
    parts: Recipe,
) -> Result<Item, SynthError> {
    let mut nutrients = Nutrients::zero();
    let mut grams = Some(0.0);
    let mut tags: Vec<String> = Vec::new();
    let mut said = Vec::new();
    for &(part, qty) in parts {
        let item = catalog
            .get(part)
            .ok_or_else(|| SynthError::MissingItem(part.into()))?;
        let q = Quantity::parse(qty)?;
        let (servings, n) = item.nutrients_for(&q)?;
        nutrients = add(&nutrients, &n);
        grams = grams.zip(item.serving.grams).map(|(g, s)| g + s * servings);
        for t in &item.tags {
            if !tags.contains(t) {
                tags.push(t.clone());
            }
        }
        said.push(format!("{qty} {}", item.name));
    }
    let grams = grams.filter(|_| kind == Kind::Food);
    Ok(Item {
        key: key.into(),
        name: name.into(),
        kind,
        origin: Origin::User,
        serving: Serving {
            amount: 1.0,
            unit: unit.into(),
            grams,
        },
        portions: grams
            .map(|g| Portion {
                unit: unit.into(),
                grams: g,
            })
            .into_iter()
            .collect(),
        nutrients,
        tags,
        group: None,
        source: format!("synthetic recipe: {} (catalog figures)", said.join(" + ")),
        assumed: Default::default(),
    })
}

/// A nutrient known in both is their sum; unknown in either is unknown.
fn add(a: &Nutrients, b: &Nutrients) -> Nutrients {
    let mut out = Nutrients::zero();
    for n in Nutrient::ALL {
        let v = match (a.get(n).bounds(), b.get(n).bounds()) {
            (Some((al, ah)), Some((bl, bh))) => {
                Value::from_bounds(Milli(al.0 + bl.0), Milli(ah.0 + bh.0))
            }
            _ => Value::Unknown,
        };
        out.set(n, v);
    }
    out
}

/// Eaten often, figures unknown: it makes those days' totals lower bounds, as it should.
fn canteen_lunch() -> Item {
    Item {
        key: "work-canteen-lunch".into(),
        name: "Work canteen lunch (figures unknown)".into(),
        kind: Kind::Food,
        origin: Origin::User,
        serving: Serving {
            amount: 1.0,
            unit: "plate".into(),
            grams: None,
        },
        portions: Vec::new(),
        nutrients: Nutrients::default(),
        tags: Vec::new(),
        group: None,
        source: "your entry".into(),
        assumed: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recipe_is_the_sum_of_its_parts_and_unknown_stays_unknown() {
        let cat = Catalog::builtin();
        let items = user_items(&cat).unwrap();
        let formula = items.iter().find(|i| i.key == "bone-formula").unwrap();
        let ca = formula.nutrients.get(Nutrient::Calcium).bounds().unwrap();
        assert_eq!(ca, (Milli(250_000), Milli(250_000)));
        let d3 = formula.nutrients.get(Nutrient::VitaminD3).bounds().unwrap();
        assert_eq!(d3.0, Milli(1_000_000));
        let lunch = items
            .iter()
            .find(|i| i.key == "work-canteen-lunch")
            .unwrap();
        assert!(lunch.nutrients.get(Nutrient::Calcium).is_unknown());
        let smoothie = items.iter().find(|i| i.key == "green-smoothie").unwrap();
        for n in Nutrient::ALL {
            let any_unknown = SMOOTHIE
                .iter()
                .any(|(k, _)| cat.get(k).unwrap().nutrients.get(n).is_unknown());
            assert_eq!(smoothie.nutrients.get(n).is_unknown(), any_unknown, "{n:?}");
        }
    }
}
