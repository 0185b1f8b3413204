//! What is left to plan on the day, why each dose is where it is, and the conflicts.

use super::check::{self, Broken};
use super::solve::Dose;
use super::{
    Conflict, Plan, PlanInput, Status, TimeSource, Unplaced, UsualMeal, clock, minute_of, time_of,
};
use crate::domain::entry::Entry;
use crate::domain::item::Kind;
use crate::domain::nutrient::{Nutrient, fmt_amount};
use crate::domain::warnings::{
    RuleContext, day_warnings, fmt_gap, is_calcium, is_calcium_dose, needs_fat, table,
};

/// The usual meals not already logged that day (a food with the meal's label, or an unlabelled
/// food within the fat window of its usual time, stands for it).
pub(super) fn meals_left(input: &PlanInput) -> Vec<UsualMeal> {
    let food: Vec<&Entry> = input
        .logged
        .iter()
        .filter(|e| e.date == input.day && e.kind == Kind::Food)
        .collect();
    input
        .routine
        .meals
        .iter()
        .filter(|m| {
            !food.iter().any(|f| match &f.meal {
                Some(l) => l.eq_ignore_ascii_case(&m.label),
                None => f.time.is_some_and(|t| {
                    (minute_of(t) - minute_of(m.time)).abs() <= table::FAT_WINDOW_MIN
                }),
            })
        })
        .cloned()
        .collect()
}

/// The routine's stack items with no time, less those already logged that day.
pub(super) fn unplaced_left(input: &PlanInput) -> Vec<Unplaced> {
    input
        .routine
        .unplaced
        .iter()
        .filter(|u| {
            !input
                .logged
                .iter()
                .any(|e| e.date == input.day && *e.item_key == *u.item)
        })
        .cloned()
        .collect()
}

/// The routine's doses for the day: calcium above the single-dose figure split into equal
/// doses, less what is already logged (a logged entry takes the doses of its item closest to
/// its time, as many as its amount covers).
pub(super) fn doses_left(input: &PlanInput) -> Vec<Dose> {
    let mut doses: Vec<Dose> = input.routine.doses.iter().flat_map(split).collect();
    for e in input
        .logged
        .iter()
        .filter(|e| e.date == input.day && e.kind != Kind::Food)
    {
        let t = e.time.map_or(0, minute_of);
        let mut mine: Vec<usize> = (0..doses.len())
            .filter(|&i| doses[i].entry.item_key == e.item_key)
            .collect();
        mine.sort_by_key(|&i| (doses[i].usual - t).abs());
        let mut left = e.quantity;
        let mut gone = Vec::new();
        for i in mine {
            let d = &doses[i].entry;
            let covered = gone.is_empty() || (d.unit == e.unit && left > d.quantity / 2.0);
            if !covered {
                break;
            }
            left -= d.quantity;
            gone.push(i);
        }
        gone.sort_unstable();
        for i in gone.into_iter().rev() {
            doses.remove(i);
        }
    }
    doses
}

fn split(d: &super::RoutineDose) -> Vec<Dose> {
    let mg = if is_calcium_dose(&d.entry) {
        check::low(&d.entry, Nutrient::Calcium)
    } else {
        0.0
    };
    let n = (mg / table::SINGLE_DOSE_MG).ceil().max(1.0) as usize;
    let f = 1.0 / n as f64;
    (0..n)
        .map(|k| {
            let mut e = d.entry.clone();
            if n > 1 {
                e.quantity *= f;
                e.servings *= f;
                e.nutrients = e.nutrients.scale(f);
            }
            Dose {
                entry: e,
                usual: minute_of(d.usual),
                fixed: d.fixed() && k == 0,
                source: d.source.clone(),
                split: n,
            }
        })
        .collect()
}

/// Why a dose is at its time: the spacing it keeps, the meal it is taken with, its usual time.
pub(super) fn reasons(e: &Entry, d: &Dose, status: Status, all: &[Entry]) -> Vec<String> {
    let mut out = Vec::new();
    if status == Status::Fixed {
        out.push("fixed by you".to_string());
    }
    if d.split > 1 {
        out.push(format!(
            "calcium split into {} doses of at most {} mg",
            d.split,
            fmt_amount(table::SINGLE_DOSE_MG)
        ));
    }
    for o in all.iter().filter(|o| o.id != e.id) {
        if let Some(r) = spacing_reason(e, o).filter(|r| !out.contains(r)) {
            out.push(r);
        }
    }
    if needs_fat(e) {
        out.extend(fat_reason(e, all));
    }
    if status == Status::Planned {
        out.push(usual_reason(
            &d.source,
            minute_of(clock(e)) == d.usual,
            d.usual,
        ));
    }
    out
}

/// Where the usual time of a planned dose comes from, and whether the plan kept it.
fn usual_reason(source: &TimeSource, kept: bool, usual: i64) -> String {
    let at = time_of(usual).format("%H:%M");
    match (source, kept) {
        (TimeSource::History, true) => "your usual time".to_string(),
        (TimeSource::History, false) => format!("usually {at}"),
        (TimeSource::Fixed, _) => format!("moved from {at}, the time you fixed"),
        (TimeSource::Stack(s), true) => format!("from your stack '{s}', usually logged at {at}"),
        (TimeSource::Stack(s), false) => {
            format!("moved from {at}, when your stack '{s}' is usually logged")
        }
    }
}

fn spacing_reason(e: &Entry, o: &Entry) -> Option<String> {
    let related = table::SPACINGS
        .iter()
        .find(|s| (is_calcium(e) && s.is_partner(o)) || (s.is_partner(e) && is_calcium(o)))?;
    let gap = (e.at()? - o.at()?).num_minutes();
    let reach = related.reach() + 60;
    if gap == 0 || gap.abs() > reach {
        return None;
    }
    let side = if gap > 0 { "after" } else { "before" };
    Some(format!("{} {side} {}", fmt_gap(gap), o.item_name))
}

/// The food with the most fat within the window, when the food there holds enough fat.
fn fat_reason(e: &Entry, all: &[Entry]) -> Option<String> {
    let near: Vec<&Entry> = all
        .iter()
        .filter(|f| f.kind == Kind::Food)
        .filter(|f| {
            let (Some(a), Some(b)) = (f.at(), e.at()) else {
                return false;
            };
            (a - b).num_minutes().abs() <= table::FAT_WINDOW_MIN
        })
        .collect();
    let fat = |x: &Entry| check::low(x, Nutrient::Fat);
    if near.iter().map(|f| fat(f)).sum::<f64>() < table::FAT_MIN_G {
        return None;
    }
    let food = near.into_iter().max_by(|a, b| fat(a).total_cmp(&fat(b)))?;
    let when = clock(food).format("%H:%M");
    Some(if food.id <= -1000 {
        format!("with {} ({when})", food.item_name)
    } else {
        format!("with {} logged at {when}", food.item_name)
    })
}

/// A dose no time suits: the rules that cannot all be kept, and the least-bad time chosen.
pub(super) fn conflict(e: &Entry, here: Broken, anywhere: Broken) -> Conflict {
    let rules = check::rules_of(anywhere);
    let broken = check::rules_of(here);
    let together = if rules.len() > 1 { " together" } else { "" };
    let message = format!(
        "{} {}: no time today keeps {}{together}; least bad: {}, which breaks {}",
        e.item_name,
        e.amount_display(),
        rules.join(" and "),
        clock(e).format("%H:%M"),
        broken.join(" and ")
    );
    Conflict { rules, message }
}

/// Runs the warning engine over the day as planned: any timing warning that involves a planned
/// or fixed dose and is not already listed becomes a conflict.
pub(super) fn verify(plan: &mut Plan, logged: &[Entry]) {
    let mut day: Vec<Entry> = logged.to_vec();
    day.extend(
        plan.doses
            .iter()
            .filter(|d| d.status != Status::Logged)
            .map(|d| d.entry.clone()),
    );
    day.extend(
        plan.meals
            .iter()
            .enumerate()
            .map(|(i, m)| check::meal_entry(plan.date, i, m)),
    );
    let ctx = RuleContext::default();
    for w in day_warnings(plan.date, &day, &ctx) {
        let ours = w.entries.iter().any(|id| (-999..=-1).contains(id));
        let listed = plan.conflicts.iter().any(|c| c.rules.contains(&w.rule));
        if check::is_timing_rule(w.rule) && ours && !listed {
            plan.conflicts.push(Conflict {
                rules: vec![w.rule],
                message: w.message,
            });
        }
    }
}
