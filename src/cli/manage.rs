//! Profile, user items, stacks and backup.

use super::args::{ItemAction, ItemAddArgs, ProfileAction, StackAction};
use super::log::{print_raised, quantity};
use super::{CliError, CliResult, Ctx, out, text};
use crate::domain::daily_value::{DailyValue, DvSet};
use crate::domain::nutrient::fmt_amount;
use crate::domain::{
    Entry, Item, Kind, LogRequest, Nutrient, Nutrients, Origin, Quantity, Serving, Stack,
    StackItem, Total, Unit, Value,
};
use std::path::Path;

pub fn profile(ctx: &mut Ctx, action: Option<ProfileAction>) -> CliResult {
    if let Some(ProfileAction::Set {
        age,
        sex,
        goal,
        reference,
        warfarin,
    }) = action
    {
        let mut p = ctx.profile.clone();
        let fields = [
            ("age", age),
            ("sex", sex),
            ("goal", goal),
            ("reference", reference),
            ("warfarin", warfarin),
        ];
        let mut any = false;
        for (f, v) in fields {
            if let Some(v) = v {
                p.set(f, &v)?;
                any = true;
            }
        }
        if !any {
            return Err(CliError::Bad(
                "nothing to set: accepted are --age, --sex, --goal, --reference, --warfarin".into(),
            ));
        }
        ctx.store.set_profile(&p)?;
        ctx.profile = p;
    }
    out::line(format!("profile: {}", ctx.profile.summary()))?;
    for t in crate::catalog::target_table().targets(&ctx.profile) {
        out::line(text::target_lines(&t))?;
    }
    Ok(())
}

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
    let name = super::log::label("name", Some(a.name.clone()))?
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
        source: super::log::label("source", a.source)?.unwrap_or_else(|| "your entry".into()),
        assumed: Default::default(),
    };
    let item = Item {
        source: from_labels
            .iter()
            .fold(item.source, |s, note| format!("{s}; {note}")),
        ..item
    };
    ctx.store.add_user_item(&item)?;
    out::line(format!("defined {}", text::item_line(&item)))?;
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

pub fn stack(ctx: &mut Ctx, action: StackAction) -> CliResult {
    match action {
        StackAction::Add { name, items } => stack_add(ctx, &name, &items),
        StackAction::List => {
            for s in ctx.store.stacks()? {
                let parts: Vec<String> = s
                    .items
                    .iter()
                    .map(|i| format!("{} {}", i.key, i.quantity))
                    .collect();
                out::line(format!("{}: {}", s.name, parts.join(", ")))?;
            }
            Ok(())
        }
        StackAction::Rm { name } => match ctx.store.delete_stack(&name)? {
            true => {
                out::line(format!("removed stack {name}"))?;
                Ok(())
            }
            false => Err(CliError::Bad(format!(
                "no stack named `{name}`: see `intake stack list`"
            ))),
        },
        StackAction::Log { name, when } => {
            let stack = ctx
                .store
                .stacks()?
                .into_iter()
                .find(|s| s.name == name)
                .ok_or_else(|| {
                    CliError::Bad(format!("no stack named `{name}`: see `intake stack list`"))
                })?;
            let date = ctx.date(when.date.as_deref())?;
            let time = ctx.time_for(when.at.as_deref(), date)?;
            let catalog = ctx.catalog()?;
            let mut planned = Vec::new();
            for si in &stack.items {
                let item = catalog.get(&si.key).ok_or_else(|| {
                    CliError::Bad(format!("stack item `{}` is no longer defined", si.key))
                })?;
                let q = Quantity::parse(&si.quantity)?;
                item.servings_for(&q)?;
                planned.push((item.clone(), q));
            }
            let note = Some(Stack::log_note(&name));
            let mut entries = planned
                .iter()
                .map(|(item, q)| {
                    Entry::log(LogRequest {
                        item,
                        quantity: q.clone(),
                        date,
                        time,
                        meal: None,
                        note: note.clone(),
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            // One transaction: the stack is logged whole or not at all.
            let ids = ctx.store.insert_entries(&entries)?;
            for (e, id) in entries.iter_mut().zip(&ids) {
                e.id = *id;
                out::line(format!("logged {}", text::entry_line(e)))?;
            }
            print_raised(ctx, &ids, date)
        }
    }
}

fn stack_add(ctx: &mut Ctx, name: &str, pairs: &[String]) -> CliResult {
    let name = super::log::label("stack name", Some(name.to_string()))?
        .ok_or_else(|| CliError::Bad("empty stack name".into()))?;
    let items = item_pairs(ctx, pairs, "stack item", "d3=\"5000 IU\"")?
        .into_iter()
        .map(|(key, quantity)| StackItem { key, quantity })
        .collect();
    let stack = Stack { name, items };
    ctx.store.save_stack(&stack)?;
    out::line(format!("saved stack {}", stack.name))?;
    Ok(())
}

/// `ITEM=QTY` pairs (a stack's items, a recipe's parts) as item keys and quantities: each item
/// resolved like `intake add` does, `ITEM=` alone its serving, each quantity checked against it.
pub fn item_pairs(
    ctx: &Ctx,
    pairs: &[String],
    what: &str,
    example: &str,
) -> Result<Vec<(String, String)>, CliError> {
    let catalog = ctx.catalog()?;
    let recent = ctx.recent()?;
    let mut out = Vec::new();
    for p in pairs {
        let (k, q) = p.split_once('=').ok_or_else(|| {
            CliError::Bad(format!(
                "bad {what} `{p}`: accepted is ITEM=QUANTITY, e.g. {example}"
            ))
        })?;
        let item = catalog.resolve(k, &recent)?;
        let q = match q.trim() {
            "" => quantity(&[], item)?,
            q => Quantity::parse(q)?,
        };
        item.servings_for(&q)?;
        out.push((item.key.clone(), q.display()));
    }
    Ok(out)
}

pub fn backup(ctx: &Ctx, file: &Path) -> CliResult {
    if file.exists() {
        return Err(CliError::Bad(format!(
            "{} exists: give a new file name for the backup",
            file.display()
        )));
    }
    ctx.store.backup_to(file)?;
    out::line(format!("backed up to {}", file.display()))?;
    Ok(())
}
