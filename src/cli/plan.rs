//! `intake plan` and `intake next`: the day's schedule, what is still to take, fixed times.

use super::args::PlanArgs;
use super::{CliError, CliResult, Ctx, ics, out};
use crate::catalog::Catalog;
use crate::domain::plan::{HISTORY_LOGGED_DAYS, Plan, PlannedDose, Status};
use crate::domain::{Kind, week};
use crate::report::plan::{day_plan, routine_plan};
use chrono::NaiveTime;

pub fn plan(ctx: &mut Ctx, a: PlanArgs) -> CliResult {
    let catalog = ctx.catalog()?;
    let day = ctx.date(a.date.as_deref())?;
    if !a.fix.is_empty() || !a.unfix.is_empty() {
        set_fixed(ctx, &catalog, &a.fix, &a.unfix)?;
    }
    if let Some(file) = &a.ics {
        let plan = routine_plan(&ctx.store, &catalog, &ctx.profile, day)?;
        let n = ics::write(&plan, file, chrono::Utc::now())?;
        return out::line(format!("wrote {n} daily reminders to {}", file.display()));
    }
    let plan = day_plan(&ctx.store, &catalog, &ctx.profile, day, None)?;
    if a.json {
        let json =
            serde_json::to_string_pretty(&plan).map_err(|e| CliError::Failed(e.to_string()))?;
        return out::bytes(format!("{json}\n").as_bytes());
    }
    out::lines(&plan_text(&plan))
}

/// Checks every `--fix ITEM=HH:MM` and `--unfix ITEM` first, then saves them all at once.
fn set_fixed(ctx: &mut Ctx, catalog: &Catalog, fix: &[String], unfix: &[String]) -> CliResult {
    let recent = ctx.recent()?;
    let mut p = ctx.profile.clone();
    for f in fix {
        let (item, at) = f.split_once('=').ok_or_else(|| {
            CliError::Bad(format!(
                "bad --fix `{f}`: accepted is ITEM=HH:MM, e.g. levothyroxine=06:30"
            ))
        })?;
        let item = catalog.resolve(item, &recent)?;
        if item.kind == Kind::Food {
            return Err(CliError::Bad(format!(
                "`{}` is a food: the plan fixes supplements and medicines",
                item.key
            )));
        }
        p.fixed_times
            .insert(item.key.clone(), week::parse_time(at)?);
    }
    for u in unfix {
        let key = catalog.resolve(u, &recent)?.key.clone();
        if p.fixed_times.remove(&key).is_none() {
            return Err(CliError::Bad(format!(
                "`{key}` has no fixed time: fixed are {}",
                fixed_list(&p.fixed_times)
            )));
        }
    }
    ctx.store.set_profile(&p)?;
    ctx.profile = p;
    Ok(())
}

fn fixed_list(m: &std::collections::BTreeMap<String, NaiveTime>) -> String {
    if m.is_empty() {
        return "none".into();
    }
    let parts: Vec<String> = m
        .iter()
        .map(|(k, t)| format!("{k}={}", t.format("%H:%M")))
        .collect();
    parts.join(", ")
}

pub fn next(ctx: &Ctx, json: bool) -> CliResult {
    let catalog = ctx.catalog()?;
    let plan = day_plan(&ctx.store, &catalog, &ctx.profile, ctx.today, Some(ctx.now))?;
    let left: Vec<&PlannedDose> = plan
        .doses
        .iter()
        .filter(|d| d.status != Status::Logged)
        .collect();
    if json {
        let v = serde_json::json!({
            "date": plan.date,
            "now": ctx.now.format("%H:%M").to_string(),
            "next": left,
            "conflicts": plan.conflicts,
            "unplaced": plan.unplaced,
        });
        return out::bytes(format!("{v:#}\n").as_bytes());
    }
    let mut text = String::new();
    if left.is_empty() && plan.unplaced.is_empty() {
        text.push_str("Nothing left to take today.\n");
    }
    for d in left {
        let earliest = match d.earliest {
            Some(t) if t < d.time => format!(" (fine from {})", t.format("%H:%M")),
            _ => String::new(),
        };
        text.push_str(&format!("{}{earliest}\n", dose_line(d)));
    }
    unplaced_text(&plan, &mut text);
    conflicts_text(&plan, &mut text);
    out::lines(&text)
}

/// One dose: "10:30  Calcium citrate 500 mg — 4 h after Levothyroxine, your usual time".
fn dose_line(d: &PlannedDose) -> String {
    let status = match d.status {
        Status::Logged => " · taken",
        Status::Fixed => " · fixed",
        Status::Planned => "",
    };
    let why = if d.reasons.is_empty() {
        String::new()
    } else {
        format!(" — {}", d.reasons.join(", "))
    };
    format!(
        "  {}  {} {}{status}{why}",
        d.time.format("%H:%M"),
        d.name,
        d.amount
    )
}

pub fn plan_text(plan: &Plan) -> String {
    let mut out = format!(
        "Plan for {} {} (usual times from your last {HISTORY_LOGGED_DAYS} logged days)\n",
        plan.date.format("%A"),
        plan.date
    );
    if plan.doses.is_empty() && plan.unplaced.is_empty() {
        out.push_str(&format!(
            "Nothing to plan: no supplement or medicine is on at least half of your last {HISTORY_LOGGED_DAYS} logged days, none has a fixed time (intake plan --fix ITEM=HH:MM), and no stack holds one (intake stack add).\n"
        ));
    }
    for d in &plan.doses {
        out.push_str(&dose_line(d));
        out.push('\n');
    }
    if !plan.meals.is_empty() {
        let meals: Vec<String> = plan
            .meals
            .iter()
            .map(|m| format!("{} {} ({})", m.label, m.time.format("%H:%M"), meal_fat(m)))
            .collect();
        out.push_str(&format!("Usual meals counted on: {}\n", meals.join(", ")));
    }
    unplaced_text(plan, &mut out);
    conflicts_text(plan, &mut out);
    out
}

/// The stack items with no time: listed, never placed at an invented time.
fn unplaced_text(plan: &Plan, out: &mut String) {
    if plan.unplaced.is_empty() {
        return;
    }
    out.push_str("Not placed, from your stacks:\n");
    for u in &plan.unplaced {
        let remedy = match u.no_time {
            true => format!(
                "; log the stack at its time (intake stack log {} --at HH:MM) or fix one (intake plan --fix {}=HH:MM)",
                u.stack, u.item
            ),
            false => String::new(),
        };
        out.push_str(&format!(
            "  ? {} {} (stack '{}') — {}{remedy}\n",
            u.name, u.amount, u.stack, u.reason
        ));
    }
}

/// A meal's fat as known: "12 g fat", "≥ 3 g fat", or "fat unknown" (never a made-up 0).
pub fn meal_fat(m: &crate::domain::plan::UsualMeal) -> String {
    let g = crate::domain::nutrient::fmt_amount(m.fat_g);
    match (m.fat_known, m.fat_g > 0.0) {
        (true, _) => format!("{g} g fat"),
        (false, true) => format!("≥ {g} g fat"),
        (false, false) => "fat unknown".into(),
    }
}

fn conflicts_text(plan: &Plan, out: &mut String) {
    if plan.conflicts.is_empty() {
        return;
    }
    out.push_str("No time keeps every rule:\n");
    for c in &plan.conflicts {
        out.push_str(&format!("  ! {}\n", c.message));
    }
}
