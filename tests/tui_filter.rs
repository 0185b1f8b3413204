//! `/` filters the day's entries: typing narrows the list, selection, edit and delete act on what
//! is shown, `Enter` keeps the filter, `Esc` clears it; the title says how many match.

mod tui_fixture;

use intake::app::{Action, App, Change, Dialog, Effect, update};
use ratatui::crossterm::event::KeyCode;
use tui_fixture::driver::{app, day, key, screen, stored, typed};
use tui_fixture::{cheese, d3, date, entry, milk};

/// Milk at 07:00, cheese at 08:00, D3 at 09:00 and milk again at 19:00 (with a note).
fn day_of_four() -> App {
    let mut a = app();
    let mut late = entry(&milk(), "1 cup", date(21), (19, 0), Some("dinner"));
    late.note = Some("warm, before bed".into());
    let entries = vec![
        entry(&milk(), "1 cup", date(21), (7, 0), Some("breakfast")),
        entry(&cheese(), "1 oz", date(21), (8, 0), Some("breakfast")),
        entry(&d3(), "1000 IU", date(21), (9, 0), None),
        late,
    ];
    let entries = entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| stored(e, i as i64 + 1))
        .collect();
    update(&mut a, Action::DayLoaded(day(entries)));
    a
}

fn shown_ids(a: &App) -> Vec<i64> {
    a.shown_entries().iter().map(|e| e.id).collect()
}

#[test]
fn typing_narrows_the_entries_and_the_title_counts_them() {
    let mut a = day_of_four();
    assert!(key(&mut a, KeyCode::Char('/')).is_empty());
    typed(&mut a, "MILK");
    assert_eq!(shown_ids(&a), [1, 4], "any case, the item name");
    let s = screen(&a, 80, 24);
    assert!(s.contains("Entries (2 of 4) /MILK▏"), "{s}");
    assert!(!s.contains("Cheddar") && !s.contains("Cheese"), "{s}");
    // While typing, letters are text, not commands (`d` would delete, `q` quit).
    typed(&mut a, " bed");
    assert_eq!(shown_ids(&a), [4], "every word, in the note too");
    assert!(a.running);
}

#[test]
fn enter_keeps_the_filter_and_selection_acts_on_the_shown_entries() {
    let mut a = day_of_four();
    key(&mut a, KeyCode::Char('/'));
    typed(&mut a, "milk");
    key(&mut a, KeyCode::Enter);
    assert_eq!(shown_ids(&a), [1, 4]);
    assert!(screen(&a, 80, 24).contains("Entries (2 of 4) /milk "));
    key(&mut a, KeyCode::Down);
    assert_eq!(a.selected_entry().map(|e| e.id), Some(4));
    key(&mut a, KeyCode::Down);
    assert_eq!(
        a.selected_entry().map(|e| e.id),
        Some(4),
        "stays on the last shown"
    );
    key(&mut a, KeyCode::Char('e'));
    let Some(Dialog::Edit(form)) = &a.dialog else {
        panic!("e edits the selected shown entry")
    };
    assert_eq!(form.entry.id, 4);
    key(&mut a, KeyCode::Esc);
    let effects = key(&mut a, KeyCode::Char('d'));
    let [
        Effect::Apply {
            change: Change::Delete(gone),
            ..
        },
    ] = &effects[..]
    else {
        panic!("d deletes: {effects:?}")
    };
    assert_eq!(gone.iter().map(|e| e.id).collect::<Vec<_>>(), [4]);
}

#[test]
fn esc_clears_the_filter_and_a_filter_matching_nothing_says_so() {
    let mut a = day_of_four();
    key(&mut a, KeyCode::Char('/'));
    typed(&mut a, "kale");
    assert!(shown_ids(&a).is_empty());
    let s = screen(&a, 80, 24);
    assert!(
        s.contains("No entry matches /kale▏. Esc clears the filter."),
        "{s}"
    );
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Esc);
    assert!(a.filter.is_none());
    assert_eq!(shown_ids(&a), [1, 2, 3, 4]);
    assert!(screen(&a, 80, 24).contains("Entries (4) "));
    // `/` again, then Esc while typing, also clears; an empty filter kept by Enter is none.
    key(&mut a, KeyCode::Char('/'));
    typed(&mut a, "d3");
    key(&mut a, KeyCode::Esc);
    assert!(a.filter.is_none());
    key(&mut a, KeyCode::Char('/'));
    key(&mut a, KeyCode::Enter);
    assert!(a.filter.is_none());
}

#[test]
fn a_logged_entry_is_selected_among_the_shown_ones() {
    let mut a = day_of_four();
    key(&mut a, KeyCode::Char('/'));
    typed(&mut a, "milk");
    key(&mut a, KeyCode::Enter);
    a.select_id = Some(4);
    let d = a.day.clone().unwrap();
    update(&mut a, Action::DayLoaded(d));
    assert_eq!(a.selected, 1, "the second shown entry is id 4");
}
