//! A day's report: its entries, totals, targets and warnings, as every surface shows them.

pub mod plan;
pub mod suggest;

pub use crate::domain::DayReport;
use crate::domain::warnings::{self, RuleContext, Warning, Window, Wording};
use crate::domain::{DayTotals, Entry, Profile, Target};
use crate::store::{Fields, Store, StoreError};
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
    let read = store.reading(|| history::read(store, date, &ctx))?;
    let window = Window::any(&read.entries);
    let window = match &read.logged_k {
        Some(totals) => window.with_logged_k(totals),
        None => window,
    };
    Ok(build(date, window, &targets, &ctx))
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

/// Hands `f` the report of each day from `from` to `to`, in order (see [`for_each_day`]).
pub fn for_each_report<E: From<StoreError>>(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    profile: &Profile,
    mut f: impl FnMut(DayReport) -> Result<(), E>,
) -> Result<(), E> {
    let targets: Arc<[Target]> = crate::catalog::target_table().targets(profile).into();
    for_each_day(store, from, to, profile, Wording::Worded, |d| {
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
    /// Unworded, only their [`Fields::Rules`].
    pub entries: &'a [Entry],
    pub warnings: Vec<Warning>,
}

/// Hands `f` each day from `from` to `to`, in order. The range and the HISTORY_DAYS before it
/// are read once, in one query (issue 19: no per-day queries); each day's rules run over a
/// window of the entries of its HISTORY_DAYS in memory, which slides as the days go, so years
/// of entries are never held at once. The rules see what [`day_report`] reads for them (the
/// rule table declares each rule's history; `export`'s range tests check the two agree).
/// Unworded, the warnings' messages are empty (see [`Wording`]) and the entries hold only what
/// the rules and the totals read ([`Fields::Rules`]).
pub fn for_each_day<E: From<StoreError>>(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    profile: &Profile,
    wording: Wording,
    mut f: impl FnMut(Day<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let targets = crate::catalog::target_table().targets(profile);
    let ctx = rule_context(profile, &targets);
    let rules = Rules { ctx: &ctx, wording };
    let mut w = Sliding {
        start: 0,
        next: (from <= to).then_some(from),
        to,
        in_order: true,
        sorted: Default::default(),
    };
    let history = from - Duration::days(warnings::HISTORY_DAYS);
    let fields = match wording {
        Wording::Worded => Fields::All,
        Wording::Unworded => Fields::Rules,
    };
    let mut entries = Vec::new();
    store.lean_reading(|| {
        store.push_entries_between(history, to, fields, &mut entries, |entries| {
            w.read(entries);
            let date = entries[entries.len() - 1].date;
            w.days_before(entries, 1, date, rules, &mut f)
        })
    })?;
    w.days_before(&mut entries, 0, NaiveDate::MAX, rules, &mut f)
}

/// How each day's rules run.
#[derive(Clone, Copy)]
struct Rules<'a> {
    ctx: &'a RuleContext,
    wording: Wording,
}

/// How far a range's days have gone over the entries read so far (in date and time order; the
/// store reads each onto the end of the vector, [`Store::push_entries_between`]).
struct Sliding {
    /// The entries before `start` are read by no day to come.
    start: usize,
    /// The next day to hand over (None: all were).
    next: Option<NaiveDate>,
    to: NaiveDate,
    /// Every entry read followed the one before in the rules' order (the query's ORDER BY
    /// gives it, but a time edited by hand may not sort as its text does).
    in_order: bool,
    /// Where each day's window is sorted for the rules.
    sorted: warnings::Buffer,
}

impl Sliding {
    /// Hands over each day before `before` (up to `to`) not handed over yet: the entries but
    /// the last `pending` are of such a day or earlier, and those still to come (the pending
    /// ones too) are of `before` or later.
    fn days_before<E>(
        &mut self,
        entries: &mut Vec<Entry>,
        pending: usize,
        before: NaiveDate,
        rules: Rules,
        f: &mut impl FnMut(Day<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        while let Some(date) = self.next.filter(|d| *d < before && *d <= self.to) {
            let read = entries.len() - pending;
            self.forget_before(entries, read, date - Duration::days(warnings::HISTORY_DAYS));
            let window = &entries[self.start..entries.len() - pending];
            let window = match self.in_order {
                true => Window::checked(window),
                false => Window::any(window),
            };
            f(day(date, window, rules, &mut self.sorted))?;
            self.next = date.succ_opt();
        }
        Ok(())
    }

    /// Notes whether the entry just read follows the one before it.
    fn read(&mut self, entries: &[Entry]) {
        if let [.., last, e] = entries {
            self.in_order &= warnings::in_order(last, e);
        }
    }

    /// Drops the entries before `oldest` among the first `read` (in batches: the vector moves
    /// its tail rarely).
    fn forget_before(&mut self, entries: &mut Vec<Entry>, read: usize, oldest: NaiveDate) {
        self.start += entries[self.start..read].partition_point(|e| e.date < oldest);
        if self.start >= 1024 && self.start * 2 >= entries.len() {
            entries.drain(..self.start);
            self.start = 0;
        }
    }
}

/// The day `date` out of entries sorted by date (which may span more days).
fn day<'a>(date: NaiveDate, all: Window<'a>, rules: Rules, buf: &mut warnings::Buffer) -> Day<'a> {
    let (window, all) = (all, all.entries());
    let lo = all.partition_point(|e| e.date < date - Duration::days(warnings::HISTORY_DAYS));
    let hi = all.partition_point(|e| e.date <= date);
    let day_start = lo + all[lo..hi].partition_point(|e| e.date < date);
    Day {
        date,
        entries: &all[day_start..hi],
        warnings: warnings::day_warnings_in(
            date,
            window.part(lo..hi),
            rules.ctx,
            rules.wording,
            buf,
        ),
    }
}

/// The report of `date` out of entries sorted by date.
fn build(date: NaiveDate, all: Window, targets: &[Target], ctx: &RuleContext) -> DayReport {
    let wording = Wording::Worded;
    let d = day(date, all, Rules { ctx, wording }, &mut Default::default());
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
