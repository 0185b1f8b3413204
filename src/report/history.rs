//! Reads from the diary what the warning rules of a day declare they read, and no more.

use crate::domain::warnings::{self, RuleContext};
use crate::domain::{Entry, Kind};
use crate::store::{Fields, Store, StoreError};
use chrono::{Duration, NaiveDate};

/// The entries the rules of `date` read (see [`warnings::needs`]), sorted by date: the day and
/// the days before it any rule reads in full; on a day some rule reads the latest logged days,
/// those days (the week before in full when each of its days was logged, else every day within
/// HISTORY_DAYS); and when the latest doses of the day's supplements before that were logged
/// ([`crate::domain::Logged`]: the dose-time rule reads no more of them). Those are older than
/// every day read in full, so no rule that reads whole days reaches them.
pub(super) fn read(
    store: &Store,
    date: NaiveDate,
    ctx: &RuleContext,
) -> Result<Vec<Entry>, StoreError> {
    let oldest = date - Duration::days(warnings::HISTORY_DAYS);
    let mut from = date - Duration::days(warnings::near_days());
    let mut all = store.entries_between(from, date)?;
    let needs = warnings::needs(date, &all, ctx);
    from = from.min(date - Duration::days(needs.full_days));
    if needs.logged_days > 0 {
        // Issue 19: the vitamin K rule on warfarin reads a week of days for their figures only.
        let fields = match needs.worded_days {
            true => Fields::All,
            false => Fields::Rules,
        };
        let week = date - Duration::days(needs.logged_days as i64);
        from = earlier(store, &mut all, (week, from), fields)?;
        if logged_before(&all, date) < needs.logged_days {
            from = earlier(store, &mut all, (oldest, from), fields)?;
        }
    }
    if needs.doses > 0 && from > oldest {
        let keys: Vec<&str> = needs.keys.iter().map(String::as_str).collect();
        let before = from - Duration::days(1);
        let logged = store.latest_times_of_keys_between(&keys, oldest, before, needs.doses)?;
        // The keys are the day's supplements; the rule reads no more of these than their times.
        let mut doses: Vec<Entry> = logged
            .into_iter()
            .map(|l| l.into_entry(Kind::Supplement))
            .collect();
        doses.append(&mut all);
        all = doses;
    }
    Ok(all)
}

/// Puts the entries from `new_from` up to (not including) `from`, read with `fields`, before
/// `all`; the new start.
fn earlier(
    store: &Store,
    all: &mut Vec<Entry>,
    (new_from, from): (NaiveDate, NaiveDate),
    fields: Fields,
) -> Result<NaiveDate, StoreError> {
    if new_from < from {
        let mut more = Vec::new();
        let to = from - Duration::days(1);
        store.push_entries_between(
            new_from,
            to,
            fields,
            &mut more,
            |_| Ok::<(), StoreError>(()),
        )?;
        more.append(all);
        *all = more;
        return Ok(new_from);
    }
    Ok(from)
}

/// How many days before `date` hold an entry in `all` (sorted by date).
fn logged_before(all: &[Entry], date: NaiveDate) -> usize {
    let mut dates: Vec<NaiveDate> = all.iter().map(|e| e.date).filter(|d| *d < date).collect();
    dates.dedup();
    dates.len()
}
