//! Loading the curated foods, supplements and medications from the TOML files in `assets/`.

use super::fill::{self, Basis};
use crate::domain::{
    Assumed, Item, Kind, Nutrient, Nutrients, Origin, Portion, Quantity, Serving, Unit, Value,
};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use thiserror::Error;

/// The embedded item files: (file name, text, origin).
pub const ASSETS: [(&str, &str, Origin); 3] = [
    (
        "foods.toml",
        include_str!("../../assets/foods.toml"),
        Origin::Curated,
    ),
    (
        "supplements.toml",
        include_str!("../../assets/supplements.toml"),
        Origin::Builtin,
    ),
    (
        "medications.toml",
        include_str!("../../assets/medications.toml"),
        Origin::Builtin,
    ),
];

/// The same files as `build.rs` turned them into JSON, in the same order: what
/// [`embedded`] reads (`tests::prepared_files_give_the_same_items` keeps them in step).
const PREPARED: [&str; 3] = [
    include_str!(concat!(env!("OUT_DIR"), "/foods.json")),
    include_str!(concat!(env!("OUT_DIR"), "/supplements.json")),
    include_str!(concat!(env!("OUT_DIR"), "/medications.json")),
];

/// A row of an item file that cannot be loaded; the message names the file and the item.
#[derive(Debug, Error, PartialEq)]
pub enum LoadError {
    #[error("{file}: {message}")]
    Toml { file: String, message: String },
    #[error("{file}: item `{key}`: unknown nutrient `{nutrient}`; accepted: {accepted}")]
    UnknownNutrient {
        file: String,
        key: String,
        nutrient: String,
        accepted: String,
    },
    #[error("{file}: item `{key}`: bad serving `{serving}`: {reason}")]
    BadServing {
        file: String,
        key: String,
        serving: String,
        reason: String,
    },
    #[error(
        "{file}: item `{key}`: `{what}` must be a non-negative number, a range [low, high] with low <= high"
    )]
    BadAmount {
        file: String,
        key: String,
        what: String,
    },
    #[error("{file}: item `{key}`: {message}")]
    Incomplete {
        file: String,
        key: String,
        message: String,
    },
    #[error("{file}: item key `{key}` appears twice")]
    DuplicateKey { file: String, key: String },
}

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    item: Vec<Row>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    key: String,
    name: String,
    #[serde(default = "food")]
    kind: Kind,
    serving: String,
    grams: Option<f64>,
    #[serde(default)]
    portions: BTreeMap<String, f64>,
    #[serde(default)]
    tags: Vec<String>,
    source: String,
    #[serde(default)]
    nutrients: BTreeMap<String, Amount>,
    /// The USDA food (NDB number) that gives every nutrient the row does not (curated foods).
    usda: Option<String>,
    /// The row's vitamin D of unknown form takes the form USDA measured in `usda`.
    #[serde(default)]
    d_form_from_usda: bool,
    /// Nutrients that stay unknown, and why.
    #[serde(default)]
    unknown: BTreeMap<String, String>,
}

fn food() -> Kind {
    Kind::Food
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Amount {
    One(f64),
    Range([f64; 2]),
}

/// Parses one item file. Foods leave unlisted nutrients unknown; supplements and medications
/// hold exactly what they list (everything else is 0).
pub fn parse_items(file: &str, text: &str, origin: Origin) -> Result<Vec<Item>, LoadError> {
    items_of(file, from_toml(file, text)?, origin)
}

/// The items of one file's rows.
fn items_of(file: &str, parsed: File, origin: Origin) -> Result<Vec<Item>, LoadError> {
    let foods = usda_foods(&parsed);
    let mut seen = HashSet::new();
    let mut items = Vec::with_capacity(parsed.item.len());
    for row in &parsed.item {
        if !seen.insert(row.key.clone()) {
            return Err(LoadError::DuplicateKey {
                file: file.into(),
                key: row.key.clone(),
            });
        }
        items.push(item_of(file, row, origin, &foods)?);
    }
    Ok(items)
}

/// Every embedded item file, in order: curated foods, supplements, medications (read from the
/// JSON form `build.rs` prepared, with the same rows as the TOML).
pub fn embedded() -> Result<Vec<Item>, LoadError> {
    let mut out = Vec::new();
    for ((file, _, origin), json) in ASSETS.into_iter().zip(PREPARED) {
        let parsed = serde_json::from_str(json).map_err(|e| LoadError::Toml {
            file: file.into(),
            message: e.to_string(),
        })?;
        out.extend(items_of(file, parsed, origin)?);
    }
    Ok(out)
}

fn item_of(
    file: &str,
    row: &Row,
    origin: Origin,
    foods: &HashMap<String, Item>,
) -> Result<Item, LoadError> {
    let (item, _) = item_with_basis(file, row, origin, foods)?;
    Ok(item)
}

/// An item and, for a curated food, where each of its nutrients comes from.
fn item_with_basis(
    file: &str,
    row: &Row,
    origin: Origin,
    foods: &HashMap<String, Item>,
) -> Result<(Item, Vec<Basis>), LoadError> {
    let bad = |what: &str| LoadError::BadAmount {
        file: file.into(),
        key: row.key.clone(),
        what: what.into(),
    };
    let mut serving = serving_of(file, row)?;
    let mut nutrients = match row.kind {
        Kind::Food => Nutrients::default(),
        Kind::Supplement | Kind::Medication => Nutrients::zero(),
    };
    let nutrient = |name: &String| {
        Nutrient::from_key(name).ok_or_else(|| LoadError::UnknownNutrient {
            file: file.into(),
            key: row.key.clone(),
            nutrient: name.clone(),
            accepted: Nutrient::ALL.map(|n| n.column()).join(", "),
        })
    };
    for (name, amount) in &row.nutrients {
        nutrients.set(nutrient(name)?, value_of(amount).ok_or_else(|| bad(name))?);
    }
    // A row that gives vitamin D or K2 under one form gives the whole vitamin, unless it says
    // why another form is unknown (ODS measured K2 "as MK-4": cheese K2 is mostly MK-8/MK-9).
    let mut nutrients = nutrients.complete_forms();
    for name in row
        .unknown
        .keys()
        .filter(|k| !row.nutrients.contains_key(*k))
    {
        nutrients.set(nutrient(name)?, Value::Unknown);
    }
    let mut source = row.source.clone();
    let mut assumed = Assumed::default();
    let mut basis = Vec::new();
    if origin == Origin::Curated && row.kind == Kind::Food {
        let want = fill::Want {
            usda: row.usda.as_deref(),
            d_form_from_usda: row.d_form_from_usda,
            unknown: row
                .unknown
                .iter()
                .map(|(k, why)| Ok((nutrient(k)?, why.clone())))
                .collect::<Result<_, LoadError>>()?,
        };
        let whole = fill::make_whole(
            nutrients,
            &row.source,
            (&row.serving, serving.grams),
            &want,
            foods,
        )
        .map_err(|message| LoadError::Incomplete {
            file: file.into(),
            key: row.key.clone(),
            message,
        })?;
        nutrients = whole.nutrients;
        source = whole.source;
        assumed = whole.assumed;
        serving.grams = whole.grams;
        basis = whole.basis;
    }
    let mut portions = Vec::new();
    for (unit, grams) in &row.portions {
        if !(grams.is_finite() && *grams > 0.0) {
            return Err(bad(&format!("portions.{unit}")));
        }
        portions.push(Portion {
            unit: unit.clone(),
            grams: *grams,
        });
    }
    let item = Item {
        key: row.key.clone(),
        name: row.name.clone(),
        kind: row.kind,
        origin,
        serving,
        portions,
        nutrients,
        tags: row.tags.clone(),
        group: None,
        source,
        assumed,
    };
    Ok((item, basis))
}

/// Every curated food with the basis of each of its nutrients (for the tests that check that
/// every value names its source).
pub fn curated_with_basis() -> Result<Vec<(Item, Vec<Basis>)>, LoadError> {
    let (file, text, origin) = ASSETS[0];
    let parsed = from_toml(file, text)?;
    let foods = usda_foods(&parsed);
    parsed
        .item
        .iter()
        .map(|row| item_with_basis(file, row, origin, &foods))
        .collect()
}

fn from_toml(file: &str, text: &str) -> Result<File, LoadError> {
    toml::from_str(text).map_err(|e| LoadError::Toml {
        file: file.into(),
        message: e.message().to_string(),
    })
}

/// The USDA foods a file's rows name (read once for the whole file).
fn usda_foods(parsed: &File) -> HashMap<String, Item> {
    let ndbs: Vec<&str> = parsed
        .item
        .iter()
        .filter_map(|r| r.usda.as_deref())
        .collect();
    fill::usda_foods(&ndbs)
}

fn value_of(a: &Amount) -> Option<Value> {
    let ok = |v: f64| v.is_finite() && v >= 0.0;
    match *a {
        Amount::One(v) if ok(v) => Some(Value::exact(v)),
        Amount::Range([lo, hi]) if ok(lo) && ok(hi) && lo <= hi => Some(Value::range(lo, hi)),
        _ => None,
    }
}

/// The serving as written (`"1 cup"`), with its mass: `grams` when given, else the mass of a
/// food serving written in a mass unit (`"3 oz"` = 85.05 g).
fn serving_of(file: &str, row: &Row) -> Result<Serving, LoadError> {
    let q = Quantity::parse(&row.serving).map_err(|reason| LoadError::BadServing {
        file: file.into(),
        key: row.key.clone(),
        serving: row.serving.clone(),
        reason: reason.to_string(),
    })?;
    let unit_text = row.serving.trim().trim_start_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, '.' | '/' | ',' | '-' | '+')
    });
    let unit = match unit_text.trim() {
        "" => q.unit.name(),
        t => t.to_string(),
    };
    let grams = match (row.grams, &q.unit) {
        (Some(g), _) if !(g.is_finite() && g > 0.0) => {
            return Err(LoadError::BadAmount {
                file: file.into(),
                key: row.key.clone(),
                what: "grams".into(),
            });
        }
        (Some(g), _) => Some(g),
        (None, Unit::Mass(m)) if row.kind == Kind::Food => Some(q.amount * m.grams()),
        (None, _) => None,
    };
    Ok(Serving {
        amount: q.amount,
        unit,
        grams,
    })
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
