//! `intake item`: the user's own items, from amounts or a label's % Daily Value.

use super::super::args::{ItemAction, ItemAddArgs};
use super::super::{CliError, CliResult, Ctx, out, text};
use crate::domain::daily_value::{DailyValue, DvSet};
use crate::domain::nutrient::fmt_amount;
use crate::domain::{
    Item, Kind, Nutrient, Nutrients, Origin, Quantity, Serving, Total, Unit, Value,
};

pub fn item(ctx: &mut Ctx, action: ItemAction) -> CliResult {
    match action {
        ItemAction::List => {
            for i in ctx.store.user_items()? {
                out::line(text::item_line(&i))?;
            }
            Ok(())
        }
        ItemAction::Add(a) => item_add(ctx, *a),
    }
}

fn item_add(ctx: &mut Ctx, a: ItemAddArgs) -> CliResult {
    let key = a.key.trim().to_string();
    let key_ok = !key.is_empty()
        && key.len() <= 64
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !key_ok {
        return Err(CliError::Bad(format!(
            "bad key `{}`: accepted are 1-64 lowercase letters, digits and dashes",
            a.key
        )));
    }
    if crate::catalog::Catalog::builtin()
        .get(&key)
        .is_some_and(|i| i.origin != Origin::User)
    {
        return Err(CliError::Bad(format!(
            "key `{key}` is a built-in item: choose another key"
        )));
    }
    if ctx.store.recipes()?.iter().any(|r| r.key == key) {
        return Err(CliError::Bad(format!(
            "key `{key}` is one of your recipes: choose another key"
        )));
    }
    let kind = match a.kind.as_str() {
        "food" => Kind::Food,
        "supplement" => Kind::Supplement,
        _ => {
            return Err(CliError::Bad(format!(
                "bad kind `{}`: accepted are food or supplement",
                a.kind
            )));
        }
    };
    let name = crate::cli::log::label("name", Some(a.name.clone()))?
        .ok_or_else(|| CliError::Bad("empty --name: give the item's name".into()))?;
    let serving = Quantity::parse(&a.serving)?;
    let grams = a
        .grams
        .as_deref()
        .map(|g| positive("grams", g))
        .transpose()?;
    let (nutrients, from_labels) = item_nutrients(&a, kind)?;
    let tags = a
        .tags
        .iter()
        .map(|t| t.trim().to_lowercase())
        .collect::<Vec<_>>();
    if tags
        .iter()
        .any(|t| t.is_empty() || !t.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
    {
        return Err(CliError::Bad(
            "bad --tag: accepted are lowercase words with dashes, e.g. calcium-carbonate".into(),
        ));
    }
    let item = Item {
        key,
        name,
        kind,
        origin: Origin::User,
        serving: Serving {
            amount: serving.amount,
            unit: serving.unit.name(),
            grams,
        },
        portions: match (&serving.unit, grams) {
            (Unit::Household(h), Some(g)) => vec![crate::domain::Portion {
                unit: h.clone(),
                grams: g / serving.amount,
            }],
            _ => vec![],
        },
        nutrients,
        tags,
        group: None,
        source: crate::cli::log::label("source", a.source)?.unwrap_or_else(|| "your entry".into()),
        assumed: Default::default(),
    };
    let item = Item {
        source: from_labels
            .iter()
            .fold(item.source, |s, note| format!("{s}; {note}")),
        ..item
    };
    let exists = ctx.store.user_items()?.iter().any(|i| i.key == item.key);
    super::refuse_replacing(exists && !a.force, "item", &item.key, "intake item list")?;
    ctx.store.add_user_item(&item)?;
    let verb = if exists { "replaced" } else { "defined" };
    out::line(format!("{verb} {}", text::item_line(&item)))?;
    for note in &from_labels {
        out::line(note)?;
    }
    if kind == Kind::Supplement && item.provides(Nutrient::Calcium) {
        out::line(
            "note: calcium is counted as elemental calcium (carbonate is 40 %, citrate 21 % of the salt's weight)",
        )?;
    }
    Ok(())
}

/// The item's nutrients, and a note per amount given as a label's % Daily Value saying what it
/// became and which Daily Value it used.
fn item_nutrients(a: &ItemAddArgs, kind: Kind) -> Result<(Nutrients, Vec<String>), CliError> {
    let mut n = if kind == Kind::Food {
        Nutrients::default()
    } else {
        Nutrients::zero()
    };
    let set = if a.older_dv {
        DvSet::Older
    } else {
        DvSet::Rule2016
    };
    let mut notes = Vec::new();
    for (nut, v) in Nutrient::ALL.iter().zip(&a.amounts.0) {
        let Some(v) = v else { continue };
        match v.trim().strip_suffix('%') {
            None => n.set(*nut, amount_value(*nut, v)?),
            Some(pct) => {
                let (value, note) = from_percent(*nut, v, pct, set)?;
                n.set(*nut, value);
                notes.push(note);
            }
        }
    }
    Ok((n, notes))
}

/// A label's "30%" as an amount: the percentage of the nutrient's FDA Daily Value (reference
/// §8). A nutrient whose Daily Value the reference does not give is refused, never guessed.
fn from_percent(
    n: Nutrient,
    typed: &str,
    pct: &str,
    set: DvSet,
) -> Result<(Value, String), CliError> {
    let dv = DailyValue::of(n).ok_or_else(|| {
        CliError::Bad(format!(
            "bad {} `{typed}`: intake's reference has no Daily Value for {}, so a percentage \
             cannot be converted: give the amount in {}",
            n.label(),
            n.label(),
            n.unit()
        ))
    })?;
    let bad = || {
        CliError::Bad(format!(
            "bad {} `{typed}`: accepted is a percentage of the Daily Value like 30% or 20-30%",
            n.label()
        ))
    };
    let pct = amount_value(n, pct.trim()).map_err(|_| bad())?;
    if pct.bounds().is_some_and(|(_, hi)| hi.to_f64() > 100_000.0) {
        return Err(bad());
    }
    let full = dv.amount(set);
    let value = pct.scale(full / 100.0);
    let (mut p, mut v) = (Total::default(), Total::default());
    p.add(pct);
    v.add(value);
    let note = format!(
        "{}: {} % of {} {} ({}) = {} {}",
        n.label(),
        p.display(),
        fmt_amount(full),
        n.unit(),
        set.name(),
        v.display(),
        n.unit()
    );
    Ok((value, note))
}

/// "300" or "200-300" as a value; negative, non-finite and absurd figures are refused.
fn amount_value(n: Nutrient, s: &str) -> Result<Value, CliError> {
    let bad = || {
        CliError::Bad(format!(
            "bad {} `{s}`: accepted is a number of {} or a range like 200-300",
            n.label(),
            n.unit()
        ))
    };
    let num = |t: &str| {
        t.trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && *v >= 0.0 && *v <= 1e7)
    };
    match s.split_once('-') {
        Some((lo, hi)) => Ok(Value::range(
            num(lo).ok_or_else(bad)?,
            num(hi).ok_or_else(bad)?,
        )),
        None => Ok(Value::exact(num(s).ok_or_else(bad)?)),
    }
}

fn positive(what: &str, s: &str) -> Result<f64, CliError> {
    s.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v > 0.0 && *v <= 10_000.0)
        .ok_or_else(|| {
            CliError::Bad(format!(
                "bad {what} `{s}`: accepted is a positive number up to 10000"
            ))
        })
}
