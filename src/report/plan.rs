//! A day's plan from the diary: the routine of the last logged days, the times fixed in the
//! profile, and what is already logged.

use crate::catalog::Catalog;
use crate::domain::plan::{self, Plan, PlanInput, PlanStack, Routine, Unplaced};
use crate::domain::{Entry, LogRequest, Profile, Quantity, Stack, Unit};
use crate::store::{Store, StoreError};
use chrono::{Duration, NaiveDate, NaiveTime};

/// Calendar days searched for the last [`plan::HISTORY_LOGGED_DAYS`] logged days.
pub const PLAN_HISTORY_DAYS: i64 = 56;

/// The routine before `day`: history, then the stacks' items history gives no time, then the
/// profile's fixed times.
pub fn routine(
    store: &Store,
    catalog: &Catalog,
    profile: &Profile,
    day: NaiveDate,
) -> Result<Routine, StoreError> {
    let history = store.entries_between(
        day - Duration::days(PLAN_HISTORY_DAYS),
        day - Duration::days(1),
    )?;
    let mut routine = plan::routine_from_history(day, &history);
    let mut stacks = Vec::new();
    for s in store.stacks()? {
        stacks.push(plan_stack(catalog, &s, day, &mut routine.unplaced));
    }
    routine.add_stacks(day, &history, &stacks);
    for (key, &time) in &profile.fixed_times {
        let last = history.iter().rev().find(|e| *e.item_key == **key);
        let stacked = stacks.iter().flat_map(|s| &s.entries);
        let template = last.or_else(|| stacked.into_iter().find(|e| *e.item_key == **key));
        if let Some(t) = template
            .cloned()
            .or_else(|| one_serving(catalog, key, day, time))
        {
            routine.fix(t, time);
        }
    }
    Ok(routine)
}

/// A stack's items as entries; an item no longer defined, or a quantity that no longer fits
/// it, goes to `unplaced` with the reason.
fn plan_stack(
    catalog: &Catalog,
    stack: &Stack,
    day: NaiveDate,
    unplaced: &mut Vec<Unplaced>,
) -> PlanStack {
    let mut entries = Vec::new();
    for si in &stack.items {
        let entry = match catalog.get(&si.key) {
            None => Err(format!("item `{}` is no longer defined", si.key)),
            Some(item) => Quantity::parse(&si.quantity)
                .map_err(|e| e.to_string())
                .and_then(|quantity| {
                    Entry::log(LogRequest {
                        item,
                        quantity,
                        date: day,
                        time: NaiveTime::MIN,
                        meal: None,
                        note: None,
                    })
                    .map_err(|e| e.to_string())
                })
                .map_err(|e| format!("quantity `{}`: {e}", si.quantity)),
        };
        match entry {
            Ok(e) => entries.push(e),
            Err(reason) => unplaced.push(Unplaced {
                stack: stack.name.clone(),
                item: si.key.clone(),
                name: si.key.clone(),
                amount: si.quantity.clone(),
                reason,
                no_time: false,
            }),
        }
    }
    PlanStack {
        name: stack.name.clone(),
        entries,
    }
}

/// The plan of `day`; with `not_before`, nothing still to take is placed earlier.
pub fn day_plan(
    store: &Store,
    catalog: &Catalog,
    profile: &Profile,
    day: NaiveDate,
    not_before: Option<NaiveTime>,
) -> Result<Plan, StoreError> {
    let routine = routine(store, catalog, profile, day)?;
    let logged = store.entries_between(day - Duration::days(1), day)?;
    Ok(plan::plan(&PlanInput {
        day,
        routine: &routine,
        logged: &logged,
        not_before,
    }))
}

/// The plan of the routine alone, as if nothing were logged yet (for daily reminders: a
/// one-off logged today must not become a daily event).
pub fn routine_plan(
    store: &Store,
    catalog: &Catalog,
    profile: &Profile,
    day: NaiveDate,
) -> Result<Plan, StoreError> {
    let routine = routine(store, catalog, profile, day)?;
    Ok(plan::plan(&PlanInput {
        day,
        routine: &routine,
        logged: &[],
        not_before: None,
    }))
}

/// One serving of an item, as a dose of an item fixed before it was ever logged.
fn one_serving(catalog: &Catalog, key: &str, date: NaiveDate, time: NaiveTime) -> Option<Entry> {
    let item = catalog.get(key)?;
    let quantity = Quantity {
        amount: item.serving.amount,
        unit: Unit::parse(&item.serving.unit),
    };
    Entry::log(LogRequest {
        item,
        quantity,
        date,
        time,
        meal: None,
        note: None,
    })
    .ok()
}
