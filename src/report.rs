//! A day's report: its entries, totals, targets and warnings, as every surface shows them.

use crate::domain::warnings::{self, RuleContext, Warning};
use crate::domain::{DayTotals, Entry, Profile, Shown, Target};
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
pub fn day_report(
    store: &Store,
    date: NaiveDate,
    profile: &Profile,
) -> Result<DayReport, StoreError> {
    let mut v = range_reports(store, date, date, profile)?;
    Ok(v.remove(0))
}

/// One report per day from `from` to `to` inclusive, reading the diary once.
pub fn range_reports(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    profile: &Profile,
) -> Result<Vec<DayReport>, StoreError> {
    let start = from - Duration::days(warnings::HISTORY_DAYS);
    let all = store.entries_between(start, to)?;
    let targets = crate::catalog::target_table().targets(profile);
    let ctx = rule_context(profile, &targets);
    let mut out = Vec::new();
    for date in from.iter_days().take_while(|d| *d <= to) {
        out.push(build(date, &all, &targets, &ctx));
    }
    Ok(out)
}

/// Builds a report for `date` from entries sorted by date (which may span more days).
fn build(date: NaiveDate, all: &[Entry], targets: &[Target], ctx: &RuleContext) -> DayReport {
    let lo = all.partition_point(|e| e.date < date - Duration::days(warnings::HISTORY_DAYS));
    let hi = all.partition_point(|e| e.date <= date);
    let window = &all[lo..hi];
    let day_start = window.partition_point(|e| e.date < date);
    let entries = window[day_start..].to_vec();
    DayReport {
        date,
        totals: DayTotals::of(&entries),
        warnings: warnings::day_warnings(date, window, ctx),
        entries,
        targets: targets.to_vec(),
    }
}

fn rule_context(profile: &Profile, targets: &[Target]) -> RuleContext {
    let calcium = targets.iter().find(|t| t.nutrient == Shown::Calcium);
    RuleContext {
        warfarin: profile.warfarin,
        calcium_limit_mg: calcium.and_then(|t| t.limit),
        calcium_limit_source: calcium.map(|t| t.source.clone()).unwrap_or_default(),
    }
}
