//! Loading the curated foods, supplements and medications from the TOML files in `assets/`.

use crate::domain::{
    Item, Kind, Nutrient, Nutrients, Origin, Portion, Quantity, Serving, Unit, Value,
};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
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
    let parsed: File = toml::from_str(text).map_err(|e| LoadError::Toml {
        file: file.into(),
        message: e.message().to_string(),
    })?;
    let mut seen = HashSet::new();
    let mut items = Vec::with_capacity(parsed.item.len());
    for row in parsed.item {
        if !seen.insert(row.key.clone()) {
            return Err(LoadError::DuplicateKey {
                file: file.into(),
                key: row.key,
            });
        }
        items.push(item_of(file, row, origin)?);
    }
    Ok(items)
}

/// Every embedded item file, in order: curated foods, supplements, medications.
pub fn embedded() -> Result<Vec<Item>, LoadError> {
    let mut out = Vec::new();
    for (file, text, origin) in ASSETS {
        out.extend(parse_items(file, text, origin)?);
    }
    Ok(out)
}

fn item_of(file: &str, row: Row, origin: Origin) -> Result<Item, LoadError> {
    let bad = |what: &str| LoadError::BadAmount {
        file: file.into(),
        key: row.key.clone(),
        what: what.into(),
    };
    let serving = serving_of(file, &row)?;
    let mut nutrients = match row.kind {
        Kind::Food => Nutrients::default(),
        Kind::Supplement | Kind::Medication => Nutrients::zero(),
    };
    for (name, amount) in &row.nutrients {
        let n = Nutrient::ALL
            .into_iter()
            .find(|n| n.column() == name)
            .ok_or_else(|| LoadError::UnknownNutrient {
                file: file.into(),
                key: row.key.clone(),
                nutrient: name.clone(),
                accepted: Nutrient::ALL.map(|n| n.column()).join(", "),
            })?;
        nutrients.set(n, value_of(amount).ok_or_else(|| bad(name))?);
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
    Ok(Item {
        key: row.key,
        name: row.name,
        kind: row.kind,
        origin,
        serving,
        portions,
        nutrients,
        tags: row.tags,
        group: None,
        source: row.source,
    })
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
