//! The routine read from history: the supplements and medicines taken on most logged days at
//! their median times, and the meals eaten on most logged days with their median fat.

use super::{Routine, RoutineDose, TimeSource, UsualMeal, clock, minute_of, time_of};
use crate::domain::entry::Entry;
use crate::domain::item::Kind;
use crate::domain::nutrient::Nutrient;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Usual times are the median over this many logged days (days with any entry) before the day.
pub const HISTORY_LOGGED_DAYS: usize = 14;

/// The routine before `day`: an item or meal counts when it is on at least half of the last
/// [`HISTORY_LOGGED_DAYS`] logged days. An item taken k times a day gives k doses, the j-th at
/// the median time of the j-th dose of the day and with the amount last logged for it.
pub fn routine_from_history(day: NaiveDate, history: &[Entry]) -> Routine {
    let days = logged_days(day, history);
    Routine {
        doses: doses(&days),
        meals: meals(&days),
        unplaced: Vec::new(),
    }
}

/// The usual meals before `day`, as [`routine_from_history`] reads them (the take-with-fat
/// warning names the one that holds fat).
pub(crate) fn usual_meals<'a>(
    day: NaiveDate,
    history: impl IntoIterator<Item = &'a Entry>,
) -> Vec<UsualMeal> {
    meals(&logged_days(day, history))
}

/// The timed entries of the latest HISTORY_LOGGED_DAYS days before `day` with any, by day.
pub(super) fn logged_days<'a>(
    day: NaiveDate,
    history: impl IntoIterator<Item = &'a Entry>,
) -> Vec<Vec<&'a Entry>> {
    let mut by_day: BTreeMap<NaiveDate, Vec<&Entry>> = BTreeMap::new();
    for e in history
        .into_iter()
        .filter(|e| e.date < day && e.time.is_some())
    {
        by_day.entry(e.date).or_default().push(e);
    }
    by_day
        .into_values()
        .rev()
        .take(HISTORY_LOGGED_DAYS)
        .rev()
        .map(|mut es| {
            es.sort_by_key(|e| (e.time, e.id));
            es
        })
        .collect()
}

fn regular(count: usize, days: usize) -> bool {
    count > 0 && count * 2 >= days
}

fn doses(days: &[Vec<&Entry>]) -> Vec<RoutineDose> {
    let mut per_key: BTreeMap<&str, Vec<Vec<&Entry>>> = BTreeMap::new();
    for d in days {
        let mut today: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
        for e in d.iter().filter(|e| e.kind != Kind::Food) {
            today.entry(&*e.item_key).or_default().push(e);
        }
        for (k, es) in today {
            per_key.entry(k).or_default().push(es);
        }
    }
    let mut out = Vec::new();
    for per_day in per_key.values().filter(|p| regular(p.len(), days.len())) {
        let mut counts: Vec<usize> = per_day.iter().map(Vec::len).collect();
        let count = median_by(&mut counts, |a, b| a.cmp(b)).unwrap_or(1);
        for j in 0..count {
            let nth: Vec<&Entry> = per_day.iter().filter_map(|es| es.get(j).copied()).collect();
            let mut times: Vec<i64> = nth.iter().map(|e| minute_of(clock(e))).collect();
            let (Some(usual), Some(last)) = (median_by(&mut times, |a, b| a.cmp(b)), nth.last())
            else {
                continue;
            };
            out.push(RoutineDose {
                entry: (*last).clone(),
                usual: time_of(usual),
                source: TimeSource::History,
            });
        }
    }
    out.sort_by_key(|d| (d.usual, d.entry.item_key.clone()));
    out
}

/// What a food entry counts as: its meal label, a snack named by the part of the day, or when
/// unlabelled the main meal of that part of the day.
fn meal_label(e: &Entry) -> String {
    let m = minute_of(clock(e));
    let part = match m {
        _ if m < 9 * 60 + 30 => "early",
        _ if m < 12 * 60 => "mid-morning",
        _ if m < 17 * 60 => "afternoon",
        _ => "evening",
    };
    match e.meal.as_deref().map(str::to_lowercase) {
        Some(l) if l == "snack" => format!("{part} snack"),
        Some(l) => l,
        None if m < 11 * 60 => "breakfast".into(),
        None if m < 16 * 60 => "lunch".into(),
        None => "dinner".into(),
    }
}

/// One day's meal: its first minute, certain fat (g) and calcium (mg).
type MealDay = (i64, f64, f64);

fn meals(days: &[Vec<&Entry>]) -> Vec<UsualMeal> {
    // Per label: (first minute, fat, calcium) of each day it was eaten, and whether every
    // food gave its fat.
    let mut per_label: BTreeMap<String, (Vec<MealDay>, bool)> = BTreeMap::new();
    for d in days {
        // Per label: the day's meal and whether each of its foods gave its fat.
        let mut today: BTreeMap<String, (MealDay, bool)> = BTreeMap::new();
        for e in d.iter().filter(|e| e.kind == Kind::Food) {
            let gave = !e.nutrients.get(Nutrient::Fat).is_unknown();
            let fat = super::check::low(e, Nutrient::Fat);
            let ca = super::check::low(e, Nutrient::Calcium);
            let (slot, known) = today
                .entry(meal_label(e))
                .or_insert(((minute_of(clock(e)), 0.0, 0.0), true));
            slot.1 += fat;
            slot.2 += ca;
            *known &= gave;
        }
        for (label, (v, known)) in today {
            let slot = per_label.entry(label).or_insert((Vec::new(), true));
            slot.0.push(v);
            slot.1 &= known;
        }
    }
    let mut out: Vec<UsualMeal> = per_label
        .into_iter()
        .filter(|(_, (v, _))| regular(v.len(), days.len()))
        .filter_map(|(label, (v, fat_known))| {
            let mut times: Vec<i64> = v.iter().map(|x| x.0).collect();
            let mut fat: Vec<f64> = v.iter().map(|x| x.1).collect();
            let mut ca: Vec<f64> = v.iter().map(|x| x.2).collect();
            Some(UsualMeal {
                label,
                time: time_of(median_by(&mut times, |a, b| a.cmp(b))?),
                fat_g: median_by(&mut fat, f64::total_cmp)?,
                calcium_mg: median_by(&mut ca, f64::total_cmp)?,
                fat_known,
            })
        })
        .collect();
    out.sort_by_key(|m| m.time);
    out
}

/// The median (the lower middle one of an even count).
pub(super) fn median_by<T: Copy>(
    v: &mut [T],
    cmp: impl Fn(&T, &T) -> std::cmp::Ordering,
) -> Option<T> {
    v.sort_by(cmp);
    v.get(v.len().saturating_sub(1) / 2).copied()
}
