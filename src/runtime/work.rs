//! The work behind the runtime's effects: each reads what it is given, nothing of the app.

use crate::app::{Change, DaySummary, SpanData};
use crate::catalog::Catalog;
use crate::domain::recipe::{self, Part};
use crate::domain::warnings::Wording;
use crate::domain::week::week_label;
use crate::domain::{DayTotals, Entry, Item, LogRequest, Profile, Quantity, Stack};
use crate::report;
use crate::store::{Store, StoreError};
use anyhow::{Context, Result, anyhow};
use chrono::{IsoWeek, NaiveDate, NaiveTime};
use std::path::Path;

/// The totals and warning count of each day from `from` to `to`, and the profile's targets once
/// for them all.
pub(super) fn span(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    profile: &Profile,
) -> Result<SpanData> {
    let mut days = Vec::new();
    report::for_each_day(store, from, to, profile, Wording::Unworded, |d| {
        days.push(DaySummary {
            date: d.date,
            warnings: d.warnings.len(),
            totals: DayTotals::of(d.entries),
        });
        Ok::<(), StoreError>(())
    })?;
    Ok(SpanData {
        from,
        to,
        days,
        targets: crate::catalog::target_table().targets(profile),
    })
}

/// Matches for a query; with no query, the recently logged items.
pub(super) fn search(catalog: &Catalog, recent: &[String], q: &str) -> Vec<Item> {
    if q.trim().is_empty() {
        return recent
            .iter()
            .filter_map(|k| catalog.get(k))
            .cloned()
            .collect();
    }
    catalog
        .search(q, recent, 40)
        .into_iter()
        .map(|h| h.item.clone())
        .collect()
}

/// Writes one change (the caller wraps it in one transaction). The change returned holds the
/// entries as the diary stores them, read back, so a later undo can tell whether another
/// program changed them since (see `history`).
pub(super) fn write_change(store: &mut Store, change: Change) -> Result<Change> {
    Ok(match change {
        Change::Insert(mut es) => {
            for e in &mut es {
                if e.id == 0 {
                    e.id = store.insert_entry(e)?;
                } else {
                    store.restore_entry(e)?;
                }
                *e = stored(store, e.id)?;
            }
            Change::Insert(es)
        }
        Change::Delete(es) => {
            let mut gone = Vec::with_capacity(es.len());
            for e in es {
                gone.push(store.delete_entry(e.id)?.unwrap_or(e));
            }
            Change::Delete(gone)
        }
        Change::Update { after, .. } => {
            let before = stored(store, after.id)?;
            store.update_entry(&after)?;
            let after = stored(store, after.id)?;
            Change::Update { before, after }
        }
    })
}

/// What the local clock says of the times a new change wrote, if one does not exist or comes
/// twice (see [`crate::clock`]).
pub(super) fn clock_note(change: &Change) -> Option<String> {
    match change {
        Change::Insert(es) => es.iter().find_map(crate::clock::entry_note),
        Change::Update { after, .. } => crate::clock::entry_note(after),
        Change::Delete(_) => None,
    }
}

/// Entry `id` as the diary holds it.
fn stored(store: &Store, id: i64) -> Result<Entry> {
    Ok(store.entry(id)?.ok_or(StoreError::NoEntry(id))?)
}

/// Writes week `w` as CSV into `dir`; the status line saying where.
pub(super) fn export(store: &Store, dir: &Path, w: IsoWeek, profile: &Profile) -> Result<String> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let label = week_label(w);
    let days = dir.join(format!("intake-{label}.csv"));
    let entries = dir.join(format!("intake-{label}-entries.csv"));
    let [from, .., to] = crate::domain::week::week_days(w);
    // The app's own files for that week: a new export replaces them; a failed one leaves the
    // old file (or none), never an empty one. The entries file gives a doctor each dose's time.
    crate::outfile::write_file(&days, true, |out| {
        crate::export::write_week_csv(store, w, profile, out)
    })
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    crate::outfile::write_file(&entries, true, |out| {
        crate::export::write_entries_range_csv(store, from, to, out)
    })
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(format!(
        "Wrote week {label} to {} and each entry with its time to {}",
        days.display(),
        entries
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned())
    ))
}

/// Saves a stack made or edited in the app, once every item is known and every quantity
/// converts; otherwise says which one is wrong and saves nothing.
pub(super) fn save_stack(
    store: &mut Store,
    catalog: &Catalog,
    stack: Stack,
    replaces: Option<String>,
) -> Result<crate::app::Action> {
    use crate::app::Action;
    for si in &stack.items {
        let Some(item) = catalog.get(&si.key) else {
            return Ok(Action::Error(format!(
                "stack `{}`: no item `{}` (keys as `intake foods` lists them)",
                stack.name, si.key
            )));
        };
        let checked = Quantity::parse(&si.quantity).and_then(|q| item.servings_for(&q));
        if let Err(e) = checked {
            return Ok(Action::Error(format!("stack `{}`: {e}", stack.name)));
        }
    }
    store.save_stack(&stack)?;
    if let Some(old) = replaces.filter(|o| *o != stack.name) {
        store.delete_stack(&old)?;
    }
    Ok(Action::StackSaved(stack.name))
}

/// Checks a recipe made in the app by the rules `intake recipe add` follows, and saves it unless
/// it breaks one (the answer says which) or would replace a recipe without `replace`. Its parts
/// are measured by the built-in and own items, the saved recipes worked out from theirs.
pub(super) fn save_recipe(
    store: &mut Store,
    catalog: &Catalog,
    (name, serves, parts): (&str, &str, Vec<Part>),
    replace: bool,
) -> Result<crate::app::Action> {
    use crate::app::Action;
    let saved = store.recipes()?;
    let base = |k: &str| {
        let item = catalog
            .get(k)
            .filter(|i| !saved.iter().any(|r| r.key == i.key));
        item.cloned()
    };
    Ok(match recipe::check(name, serves, parts, &saved, &base) {
        Err(e) => Action::RecipeRefused(e.to_string()),
        Ok(c) => match c.replaces {
            Some(old) if !replace => Action::RecipeExists(old),
            _ => {
                store.save_recipe(&c.recipe)?;
                Action::RecipeSaved(c.item)
            }
        },
    })
}

/// The saved recipe named (by name or key) `name`, with the items of its parts the catalog still
/// holds.
pub(super) fn open_recipe(
    store: &Store,
    catalog: &Catalog,
    name: &str,
) -> Result<Option<(crate::domain::Recipe, Vec<crate::domain::Item>)>> {
    let key = recipe::key_of(name);
    let found = store
        .recipes()?
        .into_iter()
        .find(|r| r.name.eq_ignore_ascii_case(name.trim()) || Some(&r.key) == key.as_ref());
    Ok(found.map(|r| {
        let items = r.parts.iter().filter_map(|p| catalog.get(&p.key).cloned());
        let items = items.collect();
        (r, items)
    }))
}

/// A stack as entries at `date` and `time`, noted as the stack's (the plan reads when a stack
/// is usually logged from the note, as for `intake stack log`).
pub(super) fn resolve_stack(
    catalog: &Catalog,
    stack: &Stack,
    date: NaiveDate,
    time: NaiveTime,
) -> Result<Vec<Entry>> {
    let bad = |e: String| anyhow!("stack `{}`: {e}", stack.name);
    stack
        .items
        .iter()
        .map(|si| {
            let item = catalog
                .get(&si.key)
                .ok_or_else(|| bad(format!("no item `{}`", si.key)))?;
            let quantity = Quantity::parse(&si.quantity).map_err(|e| bad(e.to_string()))?;
            let req = LogRequest {
                item,
                quantity,
                date,
                time,
                meal: None,
                note: Some(Stack::log_note(&stack.name)),
            };
            Entry::log(req).map_err(|e| bad(e.to_string()))
        })
        .collect()
}
