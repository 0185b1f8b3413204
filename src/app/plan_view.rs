//! The plan view: the day's plan, the selected dose, and logging a dose at its planned time.

use super::App;
use super::action::Effect;
use super::update::log_new;
use crate::domain::plan::{Plan, Status};

pub(crate) fn loaded(app: &mut App, plan: Plan) -> Vec<Effect> {
    if plan.date != app.date {
        return vec![];
    }
    app.plan_selected = app.plan_selected.min(plan.doses.len().saturating_sub(1));
    app.plan = Some(plan);
    vec![]
}

/// The plan of the shown day, when loaded.
pub fn shown(app: &App) -> Option<&Plan> {
    app.plan.as_ref().filter(|p| p.date == app.date)
}

pub(crate) fn select(app: &mut App, step: i64) -> Vec<Effect> {
    let n = shown(app).map_or(0, |p| p.doses.len());
    if n > 0 {
        app.plan_selected = (app.plan_selected as i64 + step).clamp(0, n as i64 - 1) as usize;
    }
    vec![]
}

/// Logs the selected dose at its planned time (one undoable change).
pub(crate) fn log_planned(app: &mut App) -> Vec<Effect> {
    let Some(d) = shown(app).and_then(|p| p.doses.get(app.plan_selected)) else {
        app.info("Nothing planned to log");
        return vec![];
    };
    if d.status == Status::Logged {
        let msg = format!("{} is already logged", d.name);
        app.info(msg);
        return vec![];
    }
    let mut e = d.entry.clone();
    e.id = 0;
    // The dose is modelled on the last one logged, whose note was about that one: copied, a
    // `stack NAME` note would count this single dose as the stack's log (see `plan::stacks`).
    e.note = None;
    log_new(app, vec![e], "")
}
