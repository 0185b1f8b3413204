//! Dose-timing and safety warnings: a pure rule engine over logged entries.
//!
//! Figures and sources come from `nutrients.md` §5–6 and live in one place, [`table`].
//! Warnings inform; they never prescribe and do not replace a clinician.

use super::entry::Entry;
use chrono::NaiveDate;
use serde::Serialize;

pub mod table;

/// How loud a warning is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Caution,
    Alert,
}

/// One finding of one rule about one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    /// Rule id, e.g. `calcium-levothyroxine-spacing`.
    pub rule: &'static str,
    pub severity: Severity,
    /// Names the entries (item names) and their times.
    pub message: String,
    /// Citation, e.g. `seed 001; levothyroxine label`.
    pub source: &'static str,
    /// The day the warning belongs to.
    pub date: NaiveDate,
    /// Ids of the entries involved.
    pub entries: Vec<i64>,
}

/// What the rules need to know beyond the entries.
pub struct RuleContext {
    /// The profile says the user takes warfarin.
    pub warfarin: bool,
    /// The profile's daily calcium upper limit in mg (all sources), if any.
    pub calcium_limit_mg: Option<f64>,
    /// Where that limit comes from, quoted in the warning.
    pub calcium_limit_source: String,
}

/// How many calendar days before `day` the caller must pass in `entries` (for history rules).
///
/// The history rules look at the previous 7 *logged* days; 28 calendar days lets a user who
/// skips days still get a history, and one extra day covers windows across midnight.
pub const HISTORY_DAYS: i64 = table::HISTORY_DAYS;

/// All warnings of `day`. `entries` holds the day's entries and those of the HISTORY_DAYS before
/// it (any order).
pub fn day_warnings(day: NaiveDate, entries: &[Entry], ctx: &RuleContext) -> Vec<Warning> {
    let _ = (day, entries, ctx);
    Vec::new()
}
