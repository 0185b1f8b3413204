//! The day view's panels: top sources (`o`) and what would close the gaps (`f`). Both open over
//! the day; sources are worked out from the day's entries, suggestions by the runtime.

use super::action::Effect;
use super::dialog::Dialog;
use super::forms::Outcome;
use super::update::command;
use super::{App, Command, Screen};
use crate::domain::Shown;
use crate::domain::suggest::Suggestions;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// `o` on the day view: the sources of the first headline nutrient.
pub(crate) fn open_sources(app: &mut App) -> Vec<Effect> {
    if app.screen == Screen::Day {
        let nutrient = Shown::HEADLINE[0];
        app.dialog = Some(Dialog::Sources { nutrient });
    }
    vec![]
}

/// `f` on the day view: asks the runtime for the shown day's suggestions.
pub(crate) fn open_suggest(app: &mut App) -> Vec<Effect> {
    if app.screen != Screen::Day {
        return vec![];
    }
    app.dialog = Some(Dialog::Suggest { list: None });
    vec![Effect::LoadSuggestions(app.date, app.profile.clone())]
}

pub(crate) fn suggestions_loaded(app: &mut App, found: Vec<Suggestions>) -> Vec<Effect> {
    if let Some(Dialog::Suggest { list }) = &mut app.dialog {
        *list = Some(found);
    }
    vec![]
}

/// In the sources panel: Tab (or →) the next headline nutrient, BackTab (or ←) the previous;
/// Esc or `o` again closes it.
pub(crate) fn sources_key(app: &mut App, nutrient: Shown, k: KeyEvent) -> Outcome {
    let cmd = app.keymap.command_for(&k);
    let at = Shown::HEADLINE
        .iter()
        .position(|s| *s == nutrient)
        .unwrap_or(0);
    let n = Shown::HEADLINE.len();
    let step = match (k.code, cmd) {
        (KeyCode::Esc, _) | (_, Some(Command::Sources | Command::Back)) => return (None, vec![]),
        (_, Some(Command::Quit)) => return (None, command(app, Command::Quit)),
        (KeyCode::Tab | KeyCode::Right, _) | (_, Some(Command::NextNutrient)) => 1,
        (KeyCode::BackTab | KeyCode::Left, _) => n - 1,
        _ => 0,
    };
    let nutrient = Shown::HEADLINE[(at + step) % n];
    (Some(Dialog::Sources { nutrient }), vec![])
}

/// In the suggestions panel: Esc or `f` again closes it.
pub(crate) fn suggest_key(app: &mut App, list: Option<Vec<Suggestions>>, k: KeyEvent) -> Outcome {
    match (k.code, app.keymap.command_for(&k)) {
        (KeyCode::Esc, _) | (_, Some(Command::Suggest | Command::Back)) => (None, vec![]),
        (_, Some(Command::Quit)) => (None, command(app, Command::Quit)),
        _ => (Some(Dialog::Suggest { list }), vec![]),
    }
}
