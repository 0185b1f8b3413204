//! A day's schedule for the user's regular supplements and medicines that satisfies every
//! timing rule of the warnings (spacing, single calcium dose, take with fat).
//!
//! Pure: the day, the routine, what is logged and the earliest allowed time are passed in.
//! The rules are read from [`super::warnings::table`] and the warning engine's own predicates,
//! and a finished plan is run through [`super::warnings::day_warnings`]: anything it still
//! raises is listed as a conflict, so a plan and the warnings cannot disagree.

use super::entry::Entry;
use chrono::{NaiveDate, NaiveTime, Timelike};
use serde::Serialize;

mod check;
mod explain;
mod routine;
mod solve;
mod stacks;

pub(crate) use routine::usual_meals;
pub use routine::{HISTORY_LOGGED_DAYS, routine_from_history};
pub use stacks::{PlanStack, stack_time};

/// A meal the user usually eats, read from history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UsualMeal {
    /// The meal label as logged ("breakfast"), or the part of the day when none was.
    pub label: String,
    #[serde(serialize_with = "hhmm")]
    pub time: NaiveTime,
    /// Median known fat (g) and calcium (mg): the low ends, so "holds fat" is certain.
    pub fat_g: f64,
    pub calcium_mg: f64,
    /// Every food of the meal gave its fat (else `fat_g` is a lower bound).
    pub fat_known: bool,
}

/// Where a dose's usual time comes from (the reasons say it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeSource {
    /// The median over the last [`HISTORY_LOGGED_DAYS`] logged days.
    History,
    /// The time the user fixed (`intake plan --fix`).
    Fixed,
    /// The time the user usually logs this stack (see [`stack_time`]).
    Stack(String),
}

/// One regular dose: what is taken (an entry as logged, its date and time ignored), its usual
/// time, and where that time comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct RoutineDose {
    pub entry: Entry,
    pub usual: NaiveTime,
    pub source: TimeSource,
}

impl RoutineDose {
    /// The user fixed its time: the plan does not move it.
    pub fn fixed(&self) -> bool {
        self.source == TimeSource::Fixed
    }
}

/// An item of a stack the plan does not place: no usual time comes from anywhere.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unplaced {
    pub stack: String,
    pub item: String,
    pub name: String,
    pub amount: String,
    pub reason: String,
    /// Only a time is missing: logging the stack at its time, or fixing one, places it.
    pub no_time: bool,
}

/// The user's regular doses, usual meals, and the stack items with no time.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Routine {
    pub doses: Vec<RoutineDose>,
    pub meals: Vec<UsualMeal>,
    pub unplaced: Vec<Unplaced>,
}

impl Routine {
    /// Fixes an item at a time: its first dose (or a new one from `template`) moves there and
    /// no longer moves.
    pub fn fix(&mut self, template: Entry, time: NaiveTime) {
        self.unplaced.retain(|u| *u.item != *template.item_key);
        match self
            .doses
            .iter_mut()
            .find(|d| d.entry.item_key == template.item_key)
        {
            Some(d) => {
                d.usual = time;
                d.source = TimeSource::Fixed;
            }
            None => self.doses.push(RoutineDose {
                entry: template,
                usual: time,
                source: TimeSource::Fixed,
            }),
        }
    }
}

/// What to plan.
pub struct PlanInput<'a> {
    pub day: NaiveDate,
    pub routine: &'a Routine,
    /// Entries already logged on the day and the day before (they stay where they are).
    pub logged: &'a [Entry],
    /// No movable dose before this time (`intake next`: now).
    pub not_before: Option<NaiveTime>,
}

/// Where a dose in the plan comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Already logged that day.
    Logged,
    /// At the time the user fixed.
    Fixed,
    /// Placed by the plan.
    Planned,
}

/// One dose at its time, with why it is there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedDose {
    #[serde(serialize_with = "hhmm")]
    pub time: NaiveTime,
    pub item: String,
    pub name: String,
    pub amount: String,
    pub status: Status,
    /// The earliest time the dose would be fine given only what is logged, the meals and the
    /// fixed doses (not the other planned ones); none when no time today is.
    #[serde(serialize_with = "hhmm_opt")]
    pub earliest: Option<NaiveTime>,
    pub reasons: Vec<String>,
    /// The stack whose usual time placed the dose (its item has no usual time of its own).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stack: Option<String>,
    /// The entry as it would be logged at `time`.
    #[serde(skip)]
    pub entry: Entry,
}

/// Where a dose of the plan stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DoseState {
    Taken,
    /// From its time until [`DUE_MIN`] after it.
    Due,
    Late,
    Later,
}

/// How long after its planned time a dose counts as due rather than late: intake's threshold.
pub const DUE_MIN: i64 = 60;

impl PlannedDose {
    pub fn state(&self, day: NaiveDate, now: chrono::NaiveDateTime) -> DoseState {
        if self.status == Status::Logged {
            return DoseState::Taken;
        }
        let late = (now - day.and_time(self.time)).num_minutes();
        match late {
            _ if late < 0 => DoseState::Later,
            _ if late <= DUE_MIN => DoseState::Due,
            _ => DoseState::Late,
        }
    }
}

/// Rules that no time satisfies together, and the least-bad choice made.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    pub rules: Vec<&'static str>,
    pub message: String,
}

/// A day's plan: every dose in time order, the meals it counts on, any conflicts, and the stack
/// items it could not place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub date: NaiveDate,
    pub doses: Vec<PlannedDose>,
    pub meals: Vec<UsualMeal>,
    pub conflicts: Vec<Conflict>,
    pub unplaced: Vec<Unplaced>,
}

impl Plan {
    /// The doses grouped by time, in time order.
    pub fn times(&self) -> Vec<(NaiveTime, Vec<&PlannedDose>)> {
        let mut out: Vec<(NaiveTime, Vec<&PlannedDose>)> = Vec::new();
        for d in &self.doses {
            match out.last_mut() {
                Some((t, ds)) if *t == d.time => ds.push(d),
                _ => out.push((d.time, vec![d])),
            }
        }
        out
    }

    /// The planned times, without logged doses.
    pub fn planned_times(&self) -> Vec<NaiveTime> {
        let mut ts: Vec<NaiveTime> = self
            .doses
            .iter()
            .filter(|d| d.status != Status::Logged)
            .map(|d| d.time)
            .collect();
        ts.dedup();
        ts
    }

    /// The entries of the day as if it were logged exactly as planned (meals included).
    pub fn as_logged(&self) -> Vec<Entry> {
        let mut out: Vec<Entry> = self.doses.iter().map(|d| d.entry.clone()).collect();
        out.extend(
            self.meals
                .iter()
                .enumerate()
                .map(|(i, m)| check::meal_entry(self.date, i, m)),
        );
        out
    }
}

/// Plans the day.
pub fn plan(input: &PlanInput) -> Plan {
    solve::plan(input)
}

/// The time of an entry the plan works with: every entry it places, and every logged entry
/// it keeps, has one (entries without a time are skipped like the timing rules skip them).
pub(crate) fn clock(e: &Entry) -> NaiveTime {
    e.time.unwrap_or_default()
}

/// Minutes since midnight of a time.
pub(crate) fn minute_of(t: NaiveTime) -> i64 {
    i64::from(t.hour() * 60 + t.minute())
}

/// The time of a minute of the day (clamped into the day).
pub(crate) fn time_of(m: i64) -> NaiveTime {
    let m = m.clamp(0, 24 * 60 - 1) as u32;
    NaiveTime::from_hms_opt(m / 60, m % 60, 0).unwrap_or_default()
}

fn hhmm<S: serde::Serializer>(t: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&t.format("%H:%M").to_string())
}

fn hhmm_opt<S: serde::Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => hhmm(t, s),
        None => s.serialize_none(),
    }
}
