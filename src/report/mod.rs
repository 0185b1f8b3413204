//! A day's report: its entries, totals, targets and warnings, as every surface shows them.

pub mod plan;
pub mod suggest;

pub use crate::domain::DayReport;
use crate::domain::warnings::{self, RuleContext, Warning};
use crate::domain::{DayTotals, Entry, Profile, Target};
use crate::store::{Store, StoreError};
use chrono::{Duration, NaiveDate};
use std::sync::Arc;

/// The report of one day (warnings read the days before it too).
///
/// Reads only what the rules of the day declare (see [`warnings::needs`]).
pub fn day_report(
    store: &Store,
    date: NaiveDate,
    profile: &Profile,
) -> Result<DayReport, StoreError> {
    let targets = crate::catalog::target_table().targets(profile);
    let ctx = rule_context(profile, &targets);
    let all = history::read(store, date, &ctx)?;
    Ok(build(date, &all, &targets, &ctx))
}

/// One report per day from `from` to `to` inclusive (see [`for_each_report`]).
pub fn range_reports(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    profile: &Profile,
) -> Result<Vec<DayReport>, StoreError> {
    let mut out = Vec::new();
    for_each_report(store, from, to, profile, |r| {
        out.push(r);
        Ok::<(), StoreError>(())
    })?;
    Ok(out)
}

/// Days read at a time by [`for_each_report`]: a long range (years of export) never holds more
/// than this many days of entries (plus their history) in memory.
pub const CHUNK_DAYS: i64 = 92;

/// Hands `f` the report of each day from `from` to `to`, in order (see [`for_each_day`]).
pub fn for_each_report<E: From<StoreError>>(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    profile: &Profile,
    mut f: impl FnMut(DayReport) -> Result<(), E>,
) -> Result<(), E> {
    let targets: Arc<[Target]> = crate::catalog::target_table().targets(profile).into();
    for_each_day(store, from, to, profile, |d| {
        f(DayReport {
            date: d.date,
            totals: DayTotals::of(d.entries),
            entries: d.entries.to_vec(),
            targets: Arc::clone(&targets),
            warnings: d.warnings,
        })
    })
}

/// One day of a range as read for its report, without the targets (the same every day).
pub struct Day<'a> {
    pub date: NaiveDate,
    pub entries: &'a [Entry],
    pub warnings: Vec<Warning>,
}

/// Hands `f` each day from `from` to `to`, in order, reading the diary a chunk of
/// [`CHUNK_DAYS`] days (and their history) at a time.
pub fn for_each_day<E: From<StoreError>>(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    profile: &Profile,
    mut f: impl FnMut(Day<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let targets = crate::catalog::target_table().targets(profile);
    let ctx = rule_context(profile, &targets);
    for (start, end) in chunks(from, to) {
        let history = start - Duration::days(warnings::HISTORY_DAYS);
        let all = store.entries_between(history, end)?;
        for date in start.iter_days().take_while(|d| *d <= end) {
            f(day(date, &all, &ctx))?;
        }
    }
    Ok(())
}

/// `from` to `to` as consecutive ranges of at most [`CHUNK_DAYS`] days (first and last day).
pub fn chunks(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = (NaiveDate, NaiveDate)> {
    let first = (from <= to).then_some(from);
    std::iter::successors(first.map(|f| (f, chunk_end(f, to))), move |&(_, end)| {
        end.succ_opt()
            .filter(|next| *next <= to)
            .map(|next| (next, chunk_end(next, to)))
    })
}

fn chunk_end(start: NaiveDate, to: NaiveDate) -> NaiveDate {
    start
        .checked_add_signed(Duration::days(CHUNK_DAYS - 1))
        .map_or(to, |e| e.min(to))
}

/// The day `date` out of entries sorted by date (which may span more days).
fn day<'a>(date: NaiveDate, all: &'a [Entry], ctx: &RuleContext) -> Day<'a> {
    let lo = all.partition_point(|e| e.date < date - Duration::days(warnings::HISTORY_DAYS));
    let hi = all.partition_point(|e| e.date <= date);
    let window = &all[lo..hi];
    let day_start = window.partition_point(|e| e.date < date);
    Day {
        date,
        entries: &window[day_start..],
        warnings: warnings::day_warnings(date, window, ctx),
    }
}

/// The report of `date` out of entries sorted by date.
fn build(date: NaiveDate, all: &[Entry], targets: &[Target], ctx: &RuleContext) -> DayReport {
    let d = day(date, all, ctx);
    DayReport {
        date,
        totals: DayTotals::of(d.entries),
        entries: d.entries.to_vec(),
        targets: targets.into(),
        warnings: d.warnings,
    }
}

fn rule_context(profile: &Profile, targets: &[Target]) -> RuleContext {
    RuleContext::new(profile.warfarin, targets)
}

mod history;
#[cfg(test)]
mod tests;
