//! Driving `app::update` by keys in tests, with no database or terminal.

use super::{date, now};
use intake::app::{Action, App, DayData, Effect, Keymap, update};
use intake::domain::{DayTotals, Entry, Profile};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn app() -> App {
    App::new(now(), Profile::default(), Keymap::default())
}

pub fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

pub fn typed(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| key(app, KeyCode::Char(c)))
        .collect()
}

pub fn day(entries: Vec<Entry>) -> DayData {
    let d = entries.first().map_or(date(21), |e| e.date);
    DayData {
        date: d,
        totals: DayTotals::of(&entries),
        entries,
        targets: vec![],
        warnings: vec![],
    }
}

pub fn stored(mut e: Entry, id: i64) -> Entry {
    e.id = id;
    e
}
