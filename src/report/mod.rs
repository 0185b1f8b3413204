//! A day's report: its entries, totals, targets and warnings, as every surface shows them.

pub mod plan;

use crate::domain::warnings::{self, RuleContext, Warning};
use crate::domain::{DayTotals, Entry, Kind, Profile, Shown, Target};
use crate::store::{Store, StoreError};
use chrono::{Duration, NaiveDate};

#[derive(Debug, Clone)]
pub struct DayReport {
    pub date: NaiveDate,
    pub entries: Vec<Entry>,
    pub totals: DayTotals,
    pub targets: Vec<Target>,
    pub warnings: Vec<Warning>,
}

impl DayReport {
    /// The target of a shown nutrient (every shown nutrient has one, possibly without figures).
    pub fn target(&self, s: Shown) -> Target {
        self.targets
            .iter()
            .find(|t| t.nutrient == s)
            .cloned()
            .unwrap_or_else(|| Target::none(s))
    }
}

/// The report of one day (warnings read the days before it too).
///
/// Reads only what the rules use (see [`lean_window`]): the day and the day before in full (on
/// warfarin the last week, see [`warfarin_week`]), and the latest few earlier entries of each
/// of the day's supplements.
pub fn day_report(
    store: &Store,
    date: NaiveDate,
    profile: &Profile,
) -> Result<DayReport, StoreError> {
    let targets = crate::catalog::target_table().targets(profile);
    let ctx = rule_context(profile, &targets);
    let history_from = date - Duration::days(warnings::HISTORY_DAYS);
    let mut full_from = date - Duration::days(1);
    let mut full = store.entries_between(full_from, date)?;
    if needs_all_history(&full, date, &ctx) {
        match warfarin_week(store, date)? {
            Some((from, week)) => (full_from, full) = (from, week),
            None => {
                let all = store.entries_between(history_from, date)?;
                return Ok(build(date, &all, &targets, &ctx));
            }
        }
    }
    let keys = supplement_keys(&full, date);
    let before = full_from - Duration::days(1);
    let mut all = store.latest_of_keys_between(&keys, history_from, before, PER_KEY)?;
    all.extend(full);
    Ok(build(date, &all, &targets, &ctx))
}

/// On warfarin, `vitamin-k-consistency` compares the day with the latest
/// K_HISTORY_LOGGED_DAYS days that have entries: when each day of the week before was logged,
/// that week (and the day) is all it reads; `None` when some was not (then it may look further).
fn warfarin_week(
    store: &Store,
    date: NaiveDate,
) -> Result<Option<(NaiveDate, Vec<Entry>)>, StoreError> {
    let days = warnings::table::K_HISTORY_LOGGED_DAYS;
    let from = date - Duration::days(days as i64);
    let week = store.entries_between(from, date)?;
    let mut logged: Vec<NaiveDate> = week.iter().map(|e| e.date).filter(|d| *d < date).collect();
    logged.dedup();
    Ok((logged.len() >= days).then_some((from, week)))
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

/// Hands `f` the report of each day from `from` to `to`, in order, reading the diary a chunk of
/// [`CHUNK_DAYS`] days (and their history) at a time.
pub fn for_each_report<E: From<StoreError>>(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    profile: &Profile,
    mut f: impl FnMut(DayReport) -> Result<(), E>,
) -> Result<(), E> {
    let targets = crate::catalog::target_table().targets(profile);
    let ctx = rule_context(profile, &targets);
    for (start, end) in chunks(from, to) {
        let history = start - Duration::days(warnings::HISTORY_DAYS);
        let all = store.entries_between(history, end)?;
        for date in start.iter_days().take_while(|d| *d <= end) {
            f(build(date, &all, &targets, &ctx))?;
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

/// Builds a report for `date` from entries sorted by date (which may span more days).
fn build(date: NaiveDate, all: &[Entry], targets: &[Target], ctx: &RuleContext) -> DayReport {
    let lo = all.partition_point(|e| e.date < date - Duration::days(warnings::HISTORY_DAYS));
    let hi = all.partition_point(|e| e.date <= date);
    let window = &all[lo..hi];
    let day_start = window.partition_point(|e| e.date < date);
    let entries = window[day_start..].to_vec();
    let warnings = match lean_window(date, window, ctx) {
        Some(lean) => warnings::day_warnings(date, &lean, ctx),
        None => warnings::day_warnings(date, window, ctx),
    };
    DayReport {
        date,
        totals: DayTotals::of(&entries),
        warnings,
        entries,
        targets: targets.to_vec(),
    }
}

/// How many of a supplement's earlier entries `dose-time-consistency` can look at: it walks back
/// through the days the supplement was logged and stops after DOSE_TIME_HISTORY_DAYS of them or
/// at the first day it was logged twice, so its latest DOSE_TIME_HISTORY_DAYS + 1 entries decide.
const PER_KEY: usize = warnings::table::DOSE_TIME_HISTORY_DAYS + 1;

/// The entries of `window` (the day and its history, sorted by date) that the warning rules can
/// use, when fewer than all: every rule but two reads only the day and the day before (windows
/// across midnight); `dose-time-consistency` reads the latest [`PER_KEY`] earlier entries of
/// each of the day's supplements; `vitamin-k-consistency` reads every earlier day, but only on
/// warfarin (then `None`: all). The tests check the warnings equal those of the whole window.
fn lean_window(date: NaiveDate, window: &[Entry], ctx: &RuleContext) -> Option<Vec<Entry>> {
    let near_start = window.partition_point(|e| e.date < date - Duration::days(1));
    let (earlier, near) = window.split_at(near_start);
    if needs_all_history(near, date, ctx) {
        return None;
    }
    let keys = supplement_keys(near, date);
    let mut seen = vec![0usize; keys.len()];
    let mut kept: Vec<&Entry> = Vec::new();
    for e in earlier.iter().rev() {
        match keys.iter().position(|k| *k == e.item_key) {
            Some(i) if seen[i] < PER_KEY => {
                seen[i] += 1;
                kept.push(e);
            }
            _ => {}
        }
    }
    kept.reverse();
    Some(kept.into_iter().chain(near).cloned().collect())
}

/// On warfarin (the profile says so, or a vitamin K antagonist is logged that day) the vitamin K
/// rule compares the day with every earlier logged day.
fn needs_all_history(near: &[Entry], date: NaiveDate, ctx: &RuleContext) -> bool {
    ctx.warfarin
        || near
            .iter()
            .any(|e| e.date == date && e.has_tag(warnings::table::ANTAGONIST_TAG))
}

/// The keys of the supplements logged on `date`, without repeats.
fn supplement_keys(near: &[Entry], date: NaiveDate) -> Vec<&str> {
    let mut keys: Vec<&str> = Vec::new();
    let today = near.iter().filter(|e| e.date == date);
    for e in today.filter(|e| e.kind == Kind::Supplement) {
        if !keys.contains(&e.item_key.as_str()) {
            keys.push(&e.item_key);
        }
    }
    keys
}

fn rule_context(profile: &Profile, targets: &[Target]) -> RuleContext {
    let calcium = targets
        .iter()
        .find(|t| t.nutrient == Shown::Calcium)
        .and_then(|t| t.limit());
    RuleContext {
        warfarin: profile.warfarin,
        calcium_limit_mg: calcium.map(|l| l.amount),
        calcium_limit_source: calcium
            .map(|l| format!("{}; {}", l.name, l.source))
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests;
