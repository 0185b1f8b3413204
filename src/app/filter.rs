//! `/` on the day view: narrow the entries to those whose item, meal or note contain the typed
//! words (any case). `Enter` keeps the filter and gives the keys back to the view, `Esc` clears it.
//! Selection, edit and delete act on the entries shown.

use super::input::TextInput;
use super::{App, Effect, Screen};
use crate::domain::Entry;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// The day view's entry filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub input: TextInput,
    /// Keys go to the filter's text (until `Enter` or `Esc`).
    pub typing: bool,
}

impl Filter {
    /// Whether every typed word is in the entry's item name, meal or note.
    pub fn matches(&self, e: &Entry) -> bool {
        let hay = [
            e.item_name.as_str(),
            e.meal.as_deref().unwrap_or(""),
            e.note.as_deref().unwrap_or(""),
        ]
        .join(" ")
        .to_lowercase();
        self.input
            .value()
            .to_lowercase()
            .split_whitespace()
            .all(|w| hay.contains(w))
    }

    /// How the entries' title shows it: `/kale` (with a cursor while typing).
    pub fn label(&self) -> String {
        let cursor = if self.typing { "▏" } else { "" };
        format!("/{}{cursor}", self.input.value())
    }
}

/// `/`: starts typing a filter on the day view (the last one's text, selected, to type over).
pub(crate) fn start(app: &mut App) -> Vec<Effect> {
    if app.screen != Screen::Day {
        return vec![];
    }
    let mut f = app.filter.take().unwrap_or_default();
    f.input.select_all();
    f.typing = true;
    app.filter = Some(f);
    vec![]
}

/// A key while the filter is typed: edits it, `Enter` keeps it, `Esc` clears it.
pub(crate) fn key(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    let Some(f) = &mut app.filter else {
        return vec![];
    };
    match k.code {
        KeyCode::Esc => app.filter = None,
        KeyCode::Enter if f.input.value().trim().is_empty() => app.filter = None,
        KeyCode::Enter => f.typing = false,
        _ => {
            f.input.handle(&k);
        }
    }
    app.selected = 0;
    vec![]
}
