//! Undo and redo in the app while another process adds entries: an entry id is never given to a
//! second entry, so undoing a delete brings the entry back, and a redo never touches another
//! process's entry.

use intake::app::{Action, App, Keymap};
use intake::catalog::Catalog;
use intake::domain::{Entry, LogRequest, Quantity};
use intake::store::Store;
use intake::tui::Runtime;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn entry(key: &str, qty: &str, note: &str) -> Entry {
    Entry::log(LogRequest {
        item: Catalog::builtin().get(key).unwrap(),
        quantity: Quantity::parse(qty).unwrap(),
        date: "2026-11-21".parse().unwrap(),
        time: "08:00".parse().unwrap(),
        meal: None,
        note: Some(note.into()),
    })
    .unwrap()
}

fn press(app: &mut App, rt: &mut Runtime, code: KeyCode, mods: KeyModifiers) {
    rt.dispatch(app, Action::Key(KeyEvent::new(code, mods)));
    if let Some(s) = app.status.as_ref().filter(|s| s.error) {
        panic!("the app showed an error: {}", s.text);
    }
}

fn notes(store: &Store) -> Vec<String> {
    let mut n: Vec<String> = store
        .entries_on("2026-11-21".parse().unwrap())
        .unwrap()
        .into_iter()
        .filter_map(|e| e.note)
        .collect();
    n.sort();
    n
}

#[test]
fn undoing_a_delete_works_though_another_process_added_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let mut other = Store::open(&db).unwrap();
    other.insert_entry(&entry("d3", "1000 IU", "mine")).unwrap();
    let mut rt = Runtime::new(Store::open(&db).unwrap(), dir.path().join("x")).unwrap();
    let now = "2026-11-21T08:30:00".parse().unwrap();
    let mut app = App::new(now, rt.store.profile().unwrap(), Keymap::default());
    rt.start(&mut app);
    let none = KeyModifiers::NONE;
    press(&mut app, &mut rt, KeyCode::Char('d'), none);
    other
        .insert_entry(&entry("milk", "1 cup", "theirs"))
        .unwrap();
    press(&mut app, &mut rt, KeyCode::Char('u'), none);
    assert_eq!(notes(&rt.store), ["mine", "theirs"], "the delete is undone");
    press(&mut app, &mut rt, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(notes(&rt.store), ["theirs"], "the redo deletes mine only");
}
