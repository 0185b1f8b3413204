//! Reads from the diary what the warning rules of a day declare they read, and no more.

use crate::domain::nutrient::VITAMIN_K;
use crate::domain::warnings::{self, RuleContext, total_of};
use crate::domain::{Entry, Kind, Total};
use crate::store::{Fields, Store, StoreError};
use chrono::{Duration, NaiveDate};

/// What the rules of a day read from the diary.
pub(super) struct Read {
    /// Sorted by date (see [`read`]).
    pub entries: Vec<Entry>,
    /// The vitamin K totals of the logged days the vitamin K rule averages, when they were read
    /// summed rather than as entries (see [`read`]).
    pub logged_k: Option<Vec<Total>>,
}

/// The entries the rules of `date` read (see [`warnings::needs`]), sorted by date: the day and
/// the days before it any rule reads in full; on a day some rule reads the latest logged days,
/// those days (the week before in full when each of its days was logged, else every day within
/// HISTORY_DAYS) when they word a warning, else only their vitamin K totals, summed from their
/// dates and vitamin K columns alone ([`Store::totals_by_day`]; issue 19: the ~190 entries of
/// a week were read for seven figures); and when the latest
/// doses of the day's supplements before that were logged ([`crate::domain::Logged`]: the
/// dose-time rule reads no more of them). Those are older than every day read in full, so no
/// rule that reads whole days reaches them.
pub(super) fn read(store: &Store, date: NaiveDate, ctx: &RuleContext) -> Result<Read, StoreError> {
    let oldest = date - Duration::days(warnings::HISTORY_DAYS);
    let mut from = date - Duration::days(warnings::near_days());
    let mut all = store.entries_between(from, date)?;
    let needs = warnings::needs(date, &all, ctx);
    from = from.min(date - Duration::days(needs.full_days));
    let mut logged_k = None;
    if needs.logged_days > 0 && needs.worded_days {
        let week = date - Duration::days(needs.logged_days as i64);
        from = earlier(store, &mut all, (week, from))?;
        if logged_before(&all, date) < needs.logged_days {
            from = earlier(store, &mut all, (oldest, from))?;
        }
    } else if needs.logged_days > 0 {
        // Only the vitamin K rule reads these days, and only their totals (Reads::LoggedDays).
        logged_k = Some(k_totals(store, (date, from), &all, needs.logged_days)?);
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
    Ok(Read {
        entries: all,
        logged_k,
    })
}

/// The vitamin K totals of the latest `n` logged days before `date` (within HISTORY_DAYS),
/// oldest first: those of the days `all` holds in full (from `from`) from their entries, the
/// rest summed by the store.
fn k_totals(
    store: &Store,
    (date, from): (NaiveDate, NaiveDate),
    all: &[Entry],
    n: usize,
) -> Result<Vec<Total>, StoreError> {
    let held = &all[..all.partition_point(|e| e.date < date)];
    let held: Vec<Total> = (held.chunk_by(|a, b| a.date == b.date))
        .map(|es| total_of(es, VITAMIN_K))
        .collect();
    let oldest = date - Duration::days(warnings::HISTORY_DAYS);
    let rest = n.saturating_sub(held.len());
    let mut out: Vec<Total> = match rest > 0 && oldest < from {
        true => (store.totals_by_day(VITAMIN_K, (oldest, from - Duration::days(1)), rest)?)
            .into_iter()
            .map(|(_, t)| t)
            .collect(),
        false => Vec::new(),
    };
    out.extend(held);
    out.drain(..out.len().saturating_sub(n));
    Ok(out)
}

/// Puts the entries from `new_from` up to (not including) `from`, read in full, before `all`;
/// the new start.
fn earlier(
    store: &Store,
    all: &mut Vec<Entry>,
    (new_from, from): (NaiveDate, NaiveDate),
) -> Result<NaiveDate, StoreError> {
    if new_from < from {
        let mut more = Vec::new();
        let to = from - Duration::days(1);
        store.push_entries_between(new_from, to, Fields::All, &mut more, |_| {
            Ok::<(), StoreError>(())
        })?;
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
