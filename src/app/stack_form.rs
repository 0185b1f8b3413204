//! The stack dialog: pick a stack and log it at a typed time; create or edit a stack.

use super::action::Effect;
use super::dialog::{Dialog, StackForm, StackPicker};
use super::forms::{Outcome, form_nav};
use super::{App, Command};
use crate::domain::week::parse_time;
use crate::domain::{Quantity, Stack, StackItem};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// In the picker: ↑↓ choose, digits and `:` edit the time, Enter logs the stack at that time,
/// the `add` key makes a new stack, the `edit` key changes the chosen one, Esc closes.
pub(crate) fn picker_key(app: &mut App, mut p: StackPicker, k: KeyEvent) -> Outcome {
    let n = p.stacks.as_ref().map_or(0, Vec::len);
    let chosen = p.stacks.as_ref().and_then(|s| s.get(p.selected)).cloned();
    match k.code {
        KeyCode::Esc => return (None, vec![]),
        KeyCode::Up => p.selected = p.selected.saturating_sub(1),
        KeyCode::Down => p.selected = (p.selected + 1).min(n.saturating_sub(1)),
        KeyCode::Enter => match (chosen, parse_time(p.time.value())) {
            (Some(stack), Ok(time)) => {
                let eff = Effect::ResolveStack {
                    stack,
                    date: app.date,
                    time,
                };
                return (None, vec![eff]);
            }
            (None, _) => p.error = Some("No stack to log: make one first".into()),
            (_, Err(e)) => p.error = Some(e.to_string()),
        },
        KeyCode::Char(c) if c.is_ascii_digit() || c == ':' => {
            p.time.handle(&k);
        }
        KeyCode::Backspace | KeyCode::Delete | KeyCode::Left | KeyCode::Right => {
            p.time.handle(&k);
        }
        _ => match app.keymap.command_for(&k) {
            Some(Command::Add) => return (Some(Dialog::StackForm(StackForm::new())), vec![]),
            Some(Command::Edit) => {
                if let Some(s) = chosen {
                    return (Some(Dialog::StackForm(StackForm::of(&s))), vec![]);
                }
            }
            _ => {}
        },
    }
    (Some(Dialog::Stacks(p)), vec![])
}

/// In the form: Tab/↑↓ move between name and items, Enter saves, Esc cancels.
pub(crate) fn form_key(mut f: StackForm, k: KeyEvent) -> Outcome {
    if form_nav(&mut f.fields, &mut f.field, &k) {
        return (Some(Dialog::StackForm(f)), vec![]);
    }
    if k.code == KeyCode::Esc {
        return (None, vec![]);
    }
    match stack_of(&f) {
        Ok(stack) => (
            None,
            vec![Effect::SaveStack {
                stack,
                replaces: f.original.clone(),
            }],
        ),
        Err(e) => {
            f.error = Some(e);
            (Some(Dialog::StackForm(f)), vec![])
        }
    }
}

/// The stack the form describes; item keys are checked against the catalog when saved.
pub fn stack_of(f: &StackForm) -> Result<Stack, String> {
    let name = f.fields[0].value().trim();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err("give the stack a name".into());
    }
    let mut items = Vec::new();
    for part in f.fields[1]
        .value()
        .split(',')
        .filter(|p| !p.trim().is_empty())
    {
        let (key, qty) = part.split_once('=').ok_or_else(|| {
            format!(
                "bad item `{}`: accepted is ITEM=QUANTITY, e.g. d3=2000 IU",
                part.trim()
            )
        })?;
        let q = Quantity::parse(qty).map_err(|e| e.to_string())?;
        items.push(StackItem {
            key: key.trim().to_string(),
            quantity: q.display(),
        });
    }
    if items.is_empty() {
        return Err("list the items: ITEM=QUANTITY, separated by commas".into());
    }
    Ok(Stack {
        name: name.to_string(),
        items,
    })
}
