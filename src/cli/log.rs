//! Commands that write entries: add, edit, rm (and the logging shared with stacks).

use super::args::{AddArgs, EditArgs};
use super::{CliError, CliResult, Ctx, out, text};
use crate::domain::{Entry, Item, LogRequest, Quantity};
use crate::report;
use chrono::{NaiveDate, NaiveTime};

/// Parses the quantity words, or the item's serving when none were given.
pub fn quantity(words: &[String], item: &Item) -> Result<Quantity, CliError> {
    if words.is_empty() {
        return Ok(Quantity {
            amount: item.serving.amount,
            unit: crate::domain::Unit::parse(&item.serving.unit),
        });
    }
    Ok(Quantity::parse(&words.join(" "))?)
}

/// Makes a name, meal or note label (see [`crate::domain::text::label`]).
pub fn label(what: &str, s: Option<String>) -> Result<Option<String>, CliError> {
    let Some(s) = s else { return Ok(None) };
    crate::domain::text::label(what, &s).map_err(CliError::Bad)
}

/// Builds and stores an entry, returning it with its id.
pub fn log_item(
    ctx: &mut Ctx,
    item: &Item,
    qty: Quantity,
    when: (NaiveDate, NaiveTime),
    meal: Option<String>,
    note: Option<String>,
) -> Result<Entry, CliError> {
    let mut e = Entry::log(LogRequest {
        item,
        quantity: qty,
        date: when.0,
        time: when.1,
        meal,
        note,
    })?;
    e.id = ctx.store.insert_entry(&e)?;
    clock_note(&e);
    Ok(e)
}

/// On the days clocks change a typed time may not exist or come twice: said on standard error
/// (see [`crate::clock`]).
fn clock_note(e: &Entry) {
    if let Some(n) = crate::clock::entry_note(e) {
        out::note(format!("note: {n}"));
    }
}

pub fn add(ctx: &mut Ctx, a: AddArgs) -> CliResult {
    let catalog = ctx.catalog()?;
    let recent = ctx.recent()?;
    let item = catalog.resolve(&a.item, &recent)?;
    let qty = quantity(&a.fields.qty, item)?;
    let date = ctx.date(a.fields.when.date.as_deref())?;
    let time = ctx.time_for(a.fields.when.at.as_deref(), date)?;
    let meal = label("meal", a.fields.meal)?;
    let note = label("note", a.fields.note)?;
    let e = log_item(ctx, item, qty, (date, time), meal, note)?;
    out::line(format!("logged {}", text::entry_line(&e)))?;
    print_raised(ctx, &[e.id], date)
}

/// Prints the warnings of `date` that involve any of `ids`.
pub fn print_raised(ctx: &Ctx, ids: &[i64], date: NaiveDate) -> CliResult {
    let r = report::day_report(&ctx.store, date, &ctx.profile)?;
    for w in r
        .warnings
        .iter()
        .filter(|w| w.entries.iter().any(|i| ids.contains(i)))
    {
        out::line(text::warning_line(w))?;
    }
    Ok(())
}

pub fn rm(ctx: &mut Ctx, id: i64) -> CliResult {
    match ctx.store.delete_entry(id)? {
        Some(e) => {
            out::line(format!("deleted {}", text::entry_line(&e)))?;
            Ok(())
        }
        None => Err(CliError::Bad(format!(
            "no entry with id {id}: see the ids with `intake day`"
        ))),
    }
}

pub fn edit(ctx: &mut Ctx, a: EditArgs) -> CliResult {
    let mut e = ctx.store.entry(a.id)?.ok_or_else(|| {
        CliError::Bad(format!(
            "no entry with id {}: see the ids with `intake day`",
            a.id
        ))
    })?;
    if !a.fields.qty.is_empty() {
        requantify(ctx, &mut e, Quantity::parse(&a.fields.qty.join(" "))?)?;
    }
    if let Some(d) = a.fields.when.date.as_deref() {
        e.date = ctx.date(Some(d))?;
    }
    if let Some(t) = a.fields.when.at.as_deref() {
        e.time = Some(crate::domain::week::parse_time(t)?);
    }
    if a.fields.meal.is_some() {
        e.meal = label("meal", a.fields.meal)?;
    }
    if a.fields.note.is_some() {
        e.note = label("note", a.fields.note)?;
    }
    ctx.store.update_entry(&e)?;
    if a.fields.when.date.is_some() || a.fields.when.at.is_some() {
        clock_note(&e);
    }
    out::line(format!("updated {}", text::entry_line(&e)))?;
    print_raised(ctx, &[e.id], e.date)
}

/// Changes an entry's quantity, scaling the nutrients it was logged with.
fn requantify(ctx: &Ctx, e: &mut Entry, q: Quantity) -> CliResult {
    let catalog = ctx.catalog()?;
    let servings = match catalog.get(&e.item_key) {
        Some(item) => item.servings_for(&q)?,
        None if q.unit.name() == e.unit => e.servings * q.amount / e.quantity,
        None => {
            return Err(CliError::Bad(format!(
                "item `{}` is no longer defined: give the quantity in `{}`",
                e.item_key, e.unit
            )));
        }
    };
    if e.servings > 0.0 {
        e.nutrients = e.nutrients.scale(servings / e.servings);
    }
    e.servings = servings;
    e.quantity = q.amount;
    e.unit = q.unit.name();
    Ok(())
}
