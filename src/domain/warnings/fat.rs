//! `take-with-fat`: D3, K2 and calcium carbonate are absorbed better (carbonate: at all) with a
//! meal; D3 and K2 with one that holds fat.

use super::Reads;
use super::history::clock_distance;
use super::table;
use super::{Severity, View, Warning, minutes_between, total_of};
use crate::domain::entry::{Entry, hhmm};
use crate::domain::item::Kind;
use crate::domain::nutrient::{Nutrient, Shown, fmt_amount};
use crate::domain::plan::{HISTORY_LOGGED_DAYS, UsualMeal, minute_of, usual_meals};
use std::cell::OnceCell;

/// A D3 or K2 supplement: kind supplement with known D3 or K2 above zero, or tagged as one
/// (`fat-soluble`, `vitamin-d-supplement`, `vitamin-k-supplement`) when its amount is unknown.
pub(crate) fn is_fat_soluble(e: &Entry) -> bool {
    let tagged = [
        table::FAT_SOLUBLE_TAG,
        table::D_SUPPLEMENT_TAG,
        table::K_SUPPLEMENT_TAG,
    ]
    .iter()
    .any(|t| e.has_tag(t));
    let d3 = total_of([e], &[Nutrient::VitaminD3]).lo.0 > 0;
    let k2 = total_of([e], Shown::VitaminK2.parts()).lo.0 > 0;
    e.is_supplement() && (tagged || d3 || k2)
}

/// Whether the rule asks for the entry to be taken with a meal holding fat.
pub(crate) fn needs_fat(e: &Entry) -> bool {
    is_fat_soluble(e) || e.has_tag(table::CARBONATE_TAG)
}

const ADVICE_DK: &str = "the source advises taking it with a meal containing fat";
const ADVICE_CARBONATE: &str = "calcium carbonate needs food to be absorbed and the source advises calcium with a meal containing fat";

/// One info per such supplement of the day when no food is logged within an hour (either side,
/// inclusive), or when that food's fat is known to be under 5 g in total. If the fat is unknown
/// or only a range reaching 5 g, it might be enough: the rule stays silent.
/// Food after midnight counts when the caller passes it. A supplement without a time is skipped,
/// and so is one on a day with food without a time (that food may have been the meal).
pub(crate) fn take_with_fat(v: &View) -> Vec<Warning> {
    // Read from the history once a day, and only on a day the rule warns.
    let meals = OnceCell::new();
    (v.today().iter().copied())
        .filter(|e| e.time.is_some())
        .filter(|e| needs_fat(e))
        .filter_map(|s| check(v, s, &meals))
        .collect()
}

/// "; with a meal holding fat it would have been fine (your usual lunch is at 12:30)": the
/// usual meal holding the fat figure nearest the dose, read from the days the rule's row
/// declares, else the day's food holding it (issue 16: say when). Nothing when neither is known.
fn when_fine(v: &View, s: &Entry, meals: &OnceCell<Vec<UsualMeal>>) -> Option<String> {
    let t = minute_of(s.time?);
    let near = |m: i64| clock_distance(m, t);
    let meals = meals.get_or_init(|| {
        let history = super::rule::pick(v.day, v.window, Reads::LoggedDays(HISTORY_LOGGED_DAYS));
        usual_meals(v.day, history.iter().copied())
    });
    let usual = meals
        .iter()
        .filter(|m| m.fat_g >= table::FAT_MIN_G)
        .min_by_key(|m| near(minute_of(m.time)));
    let fine = "; with a meal holding fat it would have been fine";
    if let Some(m) = usual {
        let at = hhmm(m.time);
        return Some(format!("{fine} (your usual {} is at {at})", m.label));
    }
    let fat = |f: &Entry| total_of([f], &[Nutrient::Fat]).lo.to_f64();
    let food = (v.today().iter().copied())
        .filter(|f| f.kind == Kind::Food && fat(f) >= table::FAT_MIN_G)
        .filter_map(|f| Some((f, minute_of(f.time?))))
        .min_by_key(|(_, m)| near(*m))?;
    let (f, _) = food;
    Some(format!(
        "{fine} ({} at {} holds {} g)",
        f.item_name,
        hhmm(f.time?),
        fmt_amount(fat(f))
    ))
}

/// What the sources say about this supplement and which source says it: K2 with fat is seed
/// 001's, D3 with fat ODS vitamin D's, carbonate with food ODS calcium's.
fn advice(s: &Entry) -> (&'static str, &'static str) {
    let d3 = s.has_tag(table::D_SUPPLEMENT_TAG) || total_of([s], &[Nutrient::VitaminD3]).lo.0 > 0;
    let k2 = s.has_tag(table::K_SUPPLEMENT_TAG) || total_of([s], Shown::VitaminK2.parts()).lo.0 > 0;
    match (is_fat_soluble(s), d3, k2) {
        (false, _, _) => (ADVICE_CARBONATE, table::SRC_FAT_CARBONATE),
        (true, true, false) => (ADVICE_DK, table::SRC_FAT_D3),
        (true, false, true) => (ADVICE_DK, table::SRC_FAT_K2),
        (true, _, _) => (ADVICE_DK, table::SRC_FAT_D3_K2),
    }
}

fn check(v: &View, s: &Entry, meals: &OnceCell<Vec<UsualMeal>>) -> Option<Warning> {
    // Food the same day without a time may have been the meal: not known, so silent.
    // Entries without a time come first in their day (the rules' order): only those are looked at.
    let day = &v.all[v.all.partition_point(|f| f.date < s.date)..];
    let untimed = day
        .iter()
        .take_while(|f| f.date == s.date && f.time.is_none());
    if untimed.into_iter().any(|f| f.kind == Kind::Food) {
        return None;
    }
    let food: Vec<&Entry> = super::around(v.all, s, table::FAT_WINDOW_MIN)
        .iter()
        .copied()
        .filter(|f| {
            f.kind == Kind::Food
                && minutes_between(s, f).is_some_and(|m| m.abs() <= table::FAT_WINDOW_MIN)
        })
        .collect();
    let fat = total_of(food.iter().copied(), &[Nutrient::Fat]);
    let some_food = !food.is_empty();
    if some_food && (fat.is_lower_bound() || fat.hi.to_f64() >= table::FAT_MIN_G) {
        return None;
    }
    let (advice, source) = advice(s);
    let mut involved = vec![s];
    involved.extend(food.iter().copied());
    Some(v.warning(
        (table::TAKE_WITH_FAT, Severity::Info, source),
        &involved,
        || {
            let window = super::fmt_gap(table::FAT_WINDOW_MIN);
            let problem = if some_food {
                format!(
                    "has only {} g fat in the food within {window} ({})",
                    fat.display(),
                    v.describe_list(&food)
                )
            } else {
                format!("has no food logged within {window}")
            };
            let advice = format!(
                "{advice} (food within {window} holding at least {} g fat: {})",
                fmt_amount(table::FAT_MIN_G),
                table::OURS
            );
            let when = when_fine(v, s, meals).unwrap_or_default();
            format!("{} {problem}; {advice}{when}", v.describe(s))
        },
    ))
}
