//! Curated rows made whole: a row keeps its own figures for what its source gives and takes every
//! other nutrient from one named USDA food, scaled to the row's serving; what neither gives stays
//! unknown with the reason written in the row. The source line names the source of each nutrient.

use super::usda;
use crate::domain::{Assumed, Item, Nutrient, Nutrients, Quantity, Shown, Value};
use std::collections::HashMap;

/// Where one nutrient of a curated row comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// The row's own source (seed article, ODS, DGA).
    Own,
    /// The named USDA food, scaled to the row's serving.
    Usda,
    /// Nobody gives it: unknown, for this reason.
    Unknown(String),
}

/// What a row asks for beyond its own figures.
pub struct Want<'a> {
    /// The NDB number of the USDA food that gives the rest.
    pub usda: Option<&'a str>,
    /// The row's own vitamin D (of unknown form) takes the single form USDA measured in `usda`.
    pub d_form_from_usda: bool,
    /// Nutrients that stay unknown, with the reason.
    pub unknown: Vec<(Nutrient, String)>,
}

/// A row made whole: its nutrients, assumed zeros, serving mass, source line and bases.
pub struct Whole {
    pub nutrients: Nutrients,
    pub assumed: Assumed,
    pub grams: Option<f64>,
    pub source: String,
    pub basis: Vec<Basis>,
}

/// The USDA foods curated rows name, by NDB number (read from the table's lines, not by
/// parsing the whole table).
pub fn usda_foods(ndbs: &[&str]) -> HashMap<String, Item> {
    usda::foods_by_ndb(ndbs)
        .into_iter()
        .map(|i| (i.key.trim_start_matches("usda-").to_string(), i))
        .collect()
}

/// Makes a food row whole. `own` holds the row's figures (forms completed), `serving` its
/// quantity (`"1 cup"`) and `grams` its mass if written.
pub fn make_whole(
    own: Nutrients,
    row_source: &str,
    (serving, grams): (&str, Option<f64>),
    want: &Want,
    foods: &HashMap<String, Item>,
) -> Result<Whole, String> {
    let mut n = own;
    let mut basis: Vec<Basis> = Nutrient::ALL
        .iter()
        .map(|&x| {
            if own.get(x).is_unknown() {
                Basis::Unknown(String::new())
            } else {
                Basis::Own
            }
        })
        .collect();
    let mut assumed = Assumed::default();
    let mut grams = grams;
    let (mut usda_note, mut form_note) = (String::new(), String::new());
    if let Some(ndb) = want.usda {
        let food = foods
            .get(ndb)
            .ok_or_else(|| format!("USDA NDB {ndb} is not in the food table"))?;
        let q = match grams {
            Some(g) => Quantity::parse(&format!("{g} g")),
            None => Quantity::parse(serving),
        }
        .map_err(|e| e.to_string())?;
        let (servings, theirs) = food.nutrients_for(&q).map_err(|e| {
            format!("cannot scale USDA NDB {ndb} to `{serving}` ({e}): give `grams`")
        })?;
        grams = grams.or(food.serving.grams.map(|g| g * servings));
        for (i, &x) in Nutrient::ALL.iter().enumerate() {
            if n.get(x).is_unknown() && !theirs.get(x).is_unknown() {
                n.set(x, theirs.get(x));
                basis[i] = Basis::Usda;
                if let Some(why) = food.assumed.get(x) {
                    assumed.set(x, why);
                }
            }
        }
        if want.d_form_from_usda {
            form_note = d_form_from(&mut n, &theirs, ndb)?;
        }
        usda_note = format!("USDA SR NDB {ndb} ({})", food.name);
    }
    for (x, why) in &want.unknown {
        n.set(*x, Value::Unknown);
        basis[x.index()] = Basis::Unknown(why.clone());
    }
    if let Some(i) = basis
        .iter()
        .position(|b| *b == Basis::Unknown(String::new()))
    {
        return Err(format!(
            "{} is unknown: name a USDA food that gives it or say why under [item.unknown]",
            Nutrient::ALL[i].column()
        ));
    }
    let source = source_line(row_source, &usda_note, &basis) + &form_note;
    Ok(Whole {
        nutrients: n,
        assumed,
        grams,
        source,
        basis,
    })
}

/// Moves the row's vitamin D of unknown form to the one form the USDA food measured (fortified
/// milk: D3), when USDA gives the whole of its D in that form.
fn d_form_from(n: &mut Nutrients, usda: &Nutrients, ndb: &str) -> Result<String, String> {
    let forms = Shown::VitaminD.parts();
    let given: Vec<Nutrient> = forms
        .iter()
        .copied()
        .filter(|&f| usda.get(f).bounds().is_some_and(|(_, hi)| hi.0 > 0))
        .collect();
    let [form] = given[..] else {
        return Err(format!("USDA NDB {ndb} gives no single vitamin D form"));
    };
    if form == Nutrient::VitaminDOther {
        return Err(format!("USDA NDB {ndb} gives vitamin D of unknown form"));
    }
    let d = n.get(Nutrient::VitaminDOther);
    n.set(form, d);
    n.set(Nutrient::VitaminDOther, Value::exact(0.0));
    Ok(format!(
        "; form of vitamin D: {} as USDA measured in NDB {ndb}",
        form.label()
    ))
}

/// The name of a total in running text.
fn shown_name(s: Shown) -> &'static str {
    match s {
        Shown::Calcium => "calcium",
        Shown::VitaminD => "vitamin D",
        Shown::VitaminK2 => "vitamin K2",
        Shown::Magnesium => "magnesium",
        Shown::VitaminK1 => "vitamin K1",
        Shown::VitaminK => "vitamin K",
    }
}

/// "calcium: seed 001; vitamin D, K1, magnesium, fat: USDA SR NDB 01077 (…); K2: unknown (…)".
fn source_line(row_source: &str, usda_note: &str, basis: &[Basis]) -> String {
    let mut groups: Vec<(Basis, Vec<&'static str>)> = Vec::new();
    let mut add = |b: &Basis, label: &'static str| match groups.iter_mut().find(|(g, _)| g == b) {
        Some((_, v)) => v.push(label),
        None => groups.push((b.clone(), vec![label])),
    };
    for s in Shown::ALL.into_iter().filter(|&s| s != Shown::VitaminK) {
        let parts = s.parts();
        let first = &basis[parts[0].index()];
        if parts.iter().all(|p| &basis[p.index()] == first) {
            add(first, shown_name(s));
        } else {
            for p in parts {
                add(&basis[p.index()], p.label());
            }
        }
    }
    add(&basis[Nutrient::Fat.index()], Nutrient::Fat.label());
    groups
        .iter()
        .map(|(b, labels)| {
            let from = match b {
                Basis::Own => row_source.to_string(),
                Basis::Usda => usda_note.to_string(),
                Basis::Unknown(why) => format!("unknown ({why})"),
            };
            format!("{}: {from}", labels.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}
