//! A day's plan from the diary: the routine of the last logged days, the times fixed in the
//! profile, and what is already logged.

use crate::catalog::Catalog;
use crate::domain::plan::{self, Plan, PlanInput, Routine, routine_from_history};
use crate::domain::{Entry, LogRequest, Profile, Quantity, Unit};
use crate::store::{Store, StoreError};
use chrono::{Duration, NaiveDate, NaiveTime};

/// Calendar days searched for the last [`plan::HISTORY_LOGGED_DAYS`] logged days.
pub const PLAN_HISTORY_DAYS: i64 = 56;

/// The routine before `day`, with the profile's fixed times applied.
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
    let mut routine = routine_from_history(day, &history);
    for (key, &time) in &profile.fixed_times {
        let last = history.iter().rev().find(|e| e.item_key == *key).cloned();
        if let Some(t) = last.or_else(|| one_serving(catalog, key, day, time)) {
            routine.fix(t, time);
        }
    }
    Ok(routine)
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
