//! Builders for the plan tests: routines, meals and plans on DAY, and the real warning engine
//! run over a plan as if it were logged.
#![allow(dead_code)]

use crate::warnings_support::*;
use chrono::NaiveTime;
use intake::domain::Entry;
use intake::domain::plan::{
    Plan, PlanInput, PlannedDose, Routine, RoutineDose, TimeSource, UsualMeal, plan,
};
use intake::domain::warnings::{Warning, day_warnings, table};

pub fn hm(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

pub fn dose(entry: Entry, fixed: bool) -> RoutineDose {
    RoutineDose {
        usual: entry.time.unwrap(),
        entry,
        source: if fixed {
            TimeSource::Fixed
        } else {
            TimeSource::History
        },
    }
}

pub fn meal(label: &str, at: &str, fat_g: f64, calcium_mg: f64) -> UsualMeal {
    UsualMeal {
        label: label.into(),
        time: hm(at),
        fat_g,
        calcium_mg,
        fat_known: true,
    }
}

pub fn three_meals() -> Vec<UsualMeal> {
    vec![
        meal("breakfast", "07:30", 12.0, 0.0),
        meal("lunch", "12:30", 20.0, 0.0),
        meal("dinner", "19:00", 25.0, 0.0),
    ]
}

pub fn plan_day(routine: &Routine, logged: &[Entry], not_before: Option<&str>) -> Plan {
    plan(&PlanInput {
        day: date(DAY),
        routine,
        logged,
        not_before: not_before.map(hm),
    })
}

/// The doses of an item, in time order.
pub fn of<'a>(p: &'a Plan, name: &str) -> Vec<&'a PlannedDose> {
    p.doses.iter().filter(|d| d.name == name).collect()
}

pub fn times_of(p: &Plan, name: &str) -> Vec<String> {
    of(p, name)
        .iter()
        .map(|d| d.time.format("%H:%M").to_string())
        .collect()
}

/// The timing warnings (spacing, single dose, take with fat) the real engine raises on the day
/// logged exactly as planned, with `logged` as it was, that involve a planned or fixed dose
/// (what was logged before may be wrong already; the plan cannot change it).
pub fn timing_warnings(p: &Plan, logged: &[Entry]) -> Vec<Warning> {
    let mut day: Vec<Entry> = logged.to_vec();
    let planned = p.as_logged();
    day.extend(planned.into_iter().filter(|e| e.id <= 0));
    let timing = |r: &str| {
        r == table::SINGLE_DOSE
            || r == table::TAKE_WITH_FAT
            || table::SPACINGS.iter().any(|s| s.rule == r)
    };
    day_warnings(date(DAY), &day, &ctx())
        .into_iter()
        .filter(|w| timing(w.rule) && w.entries.iter().any(|id| (-999..=-1).contains(id)))
        .collect()
}

/// The entry with the amount as it would be typed.
pub fn amount(mut e: Entry, q: f64, unit: &str) -> Entry {
    e.quantity = q;
    e.unit = unit.into();
    e
}
