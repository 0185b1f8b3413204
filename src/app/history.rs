//! Undo, redo and what a change reports: the app's side of the change history (the runtime
//! checks each step against the diary before applying it).

use super::App;
use super::action::{Change, Effect, Origin};
use super::dialog::{AddDialog, Dialog};
use super::keymap::Command;

/// Undo or redo the last change. It leaves its stack only once applied (see `applied`), so a
/// change the store refused can be tried again.
pub(super) fn step(app: &mut App, origin: Origin) -> Vec<Effect> {
    let (stack, what) = match origin {
        Origin::Redo => (&app.redo, "redo"),
        _ => (&app.undo, "undo"),
    };
    match stack.last().cloned() {
        Some(c) => {
            let change = if origin == Origin::Undo {
                c.inverse()
            } else {
                c
            };
            vec![Effect::Apply { change, origin }]
        }
        None => {
            app.info(format!("Nothing to {what}"));
            vec![]
        }
    }
}

pub(super) fn applied(app: &mut App, change: Change, origin: Origin) -> Vec<Effect> {
    app.submitted = None;
    let verb = match &change {
        Change::Insert(_) => "Logged",
        Change::Delete(_) => "Deleted",
        Change::Update { .. } => "Updated",
    };
    let undo_key = app.keymap.keys(Command::Undo).first().map(|k| k.display());
    let text = match origin {
        Origin::New => match (&change, undo_key) {
            (Change::Delete(_), Some(k)) => format!("{verb} {} ({k} to undo)", change.describe()),
            _ => format!("{verb} {}", change.describe()),
        },
        Origin::Undo => format!("Undone: {} {}", verb.to_lowercase(), change.describe()),
        Origin::Redo => format!("Redone: {} {}", verb.to_lowercase(), change.describe()),
    };
    app.info(text + &elsewhere(app, &change));
    if let Change::Insert(es) = &change {
        app.select_id = es.last().map(|e| e.id);
    }
    match origin {
        Origin::New => {
            app.undo.push(change);
            app.redo.clear();
        }
        Origin::Undo => {
            app.undo.pop();
            app.redo.push(change.inverse());
        }
        Origin::Redo => {
            app.redo.pop();
            app.undo.push(change);
        }
    }
    app.reload()
}

/// An undo or redo step another program overtook: it leaves the history, the rest stays.
pub(super) fn stale(app: &mut App, origin: Origin, why: String) -> Vec<Effect> {
    let what = match origin {
        Origin::Redo => app.redo.pop().map(|_| "Redo"),
        _ => app.undo.pop().map(|_| "Undo"),
    };
    app.error(format!("{} skipped: {why}", what.unwrap_or("Step")));
    app.reload()
}

/// A change not written (`why`): the form it came from opens again as it was, saying so, and
/// Enter tries again; without a form (undo, delete) the status line says why.
pub(super) fn not_written(app: &mut App, why: String) -> Vec<Effect> {
    let Some(mut form) = app.submitted.take().filter(|_| app.dialog.is_none()) else {
        app.error(why);
        return vec![];
    };
    let kept = "the form is kept: Enter tries again, Esc gives up";
    let error = Some(format!("{why}; {kept}"));
    match &mut form {
        Dialog::Add(AddDialog { form: Some(f), .. }) => f.error = error,
        Dialog::Edit(f) => f.error = error,
        _ => {}
    }
    app.dialog = Some(form);
    app.error(format!("{why}; {kept}"));
    vec![]
}

/// " on DATE" for entries logged on a day other than the shown one (a dialog kept its day
/// across midnight), else nothing.
fn elsewhere(app: &App, change: &Change) -> String {
    match change {
        Change::Insert(es) => es
            .first()
            .filter(|e| e.date != app.date)
            .map(|e| format!(" on {}", e.date.format("%A %Y-%m-%d")))
            .unwrap_or_default(),
        _ => String::new(),
    }
}
