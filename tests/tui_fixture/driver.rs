//! Driving `app::update` by keys in tests, with no database or terminal.

use super::{date, now};
use intake::app::{Action, App, DayData, Effect, Keymap, update};
use intake::domain::{DayTotals, Entry, Profile};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The screen the app draws at `w` x `h`, as text (trailing spaces trimmed).
pub fn screen(app: &App, w: u16, h: u16) -> String {
    let backend = ratatui::backend::TestBackend::new(w, h);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal.draw(|f| intake::ui::render(app, f)).unwrap();
    let buf = terminal.backend().buffer();
    let lines: Vec<String> = (0..h)
        .map(|y| {
            let line: String = (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect();
            line.trim_end().to_string()
        })
        .collect();
    lines.join("\n")
}

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
        targets: Vec::new().into(),
        warnings: vec![],
    }
}

pub fn stored(mut e: Entry, id: i64) -> Entry {
    e.id = id;
    e
}
