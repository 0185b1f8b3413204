//! `app::update` driven by action sequences: state and effects, with no database or terminal.
//! Logging, history, navigation and the clock; the dialogs are in tui_update_dialogs.rs.

mod tui_fixture;

use chrono::{Datelike, Duration, NaiveTime};
use intake::app::{Action, App, Change, Command, Dialog, Effect, Keymap, Origin, Screen, update};
use intake::domain::{Profile, Shown};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_fixture::driver::{app, day, key, stored, typed};
use tui_fixture::{d3, date, entry, milk, natto, now};

#[test]
fn starts_by_loading_today() {
    let a = app();
    assert_eq!(
        a.start(),
        vec![Effect::LoadDay(date(21), a.profile.clone())]
    );
    assert_eq!((a.screen, a.running), (Screen::Day, true));
}

#[test]
fn add_searches_as_you_type_then_logs_the_default_serving_now() {
    let mut a = app();
    assert_eq!(
        key(&mut a, KeyCode::Char('a')),
        vec![Effect::Search(String::new())]
    );
    let effects = typed(&mut a, "nq");
    assert_eq!(
        effects,
        vec![Effect::Search("n".into()), Effect::Search("nq".into())]
    );
    assert!(a.running, "typing q in the search must not quit");
    key(&mut a, KeyCode::Backspace);
    update(
        &mut a,
        Action::SearchResults {
            query: "nq".into(),
            items: vec![milk()],
        },
    );
    update(
        &mut a,
        Action::SearchResults {
            query: "n".into(),
            items: vec![natto(), milk()],
        },
    );
    let Some(Dialog::Add(add)) = &a.dialog else {
        panic!("add dialog closed")
    };
    assert_eq!(add.results.len(), 2, "stale results for `nq` are ignored");
    key(&mut a, KeyCode::Enter);
    let Some(Dialog::Add(add)) = &a.dialog else {
        panic!("add dialog closed")
    };
    let form = add.form.as_ref().unwrap();
    let values: Vec<&str> = form.fields.iter().map(|f| f.value()).collect();
    assert_eq!(values, ["3 oz", "08:30", "breakfast"]);
    let effects = key(&mut a, KeyCode::Enter);
    let Effect::Apply {
        change: Change::Insert(es),
        origin: Origin::New,
    } = &effects[0]
    else {
        panic!("{effects:?}")
    };
    assert_eq!(
        (&*es[0].item_key, es[0].date, es[0].id),
        ("natto", date(21), 0)
    );
    assert_eq!(es[0].nutrients.shown(Shown::VitaminK2).display(), "850");
    assert!(a.dialog.is_none());
}

#[test]
fn logging_is_recorded_for_undo_and_the_new_entry_selected() {
    let mut a = app();
    let e = stored(entry(&milk(), "2 cup", date(21), (8, 0), None), 7);
    let effects = update(
        &mut a,
        Action::Applied {
            change: Change::Insert(vec![e.clone()]),
            origin: Origin::New,
        },
    );
    assert_eq!(effects, vec![Effect::LoadDay(date(21), a.profile.clone())]);
    assert_eq!(a.status.as_ref().unwrap().text, "Logged Milk 2 cup");
    let first = stored(entry(&d3(), "1000 IU", date(21), (7, 0), None), 3);
    update(&mut a, Action::DayLoaded(day(vec![first, e])));
    assert_eq!(a.selected, 1);
    assert_eq!(a.undo.len(), 1);
}

#[test]
fn another_day_defaults_to_noon() {
    let mut a = app();
    assert_eq!(
        key(&mut a, KeyCode::Left),
        vec![Effect::LoadDay(date(20), a.profile.clone())]
    );
    key(&mut a, KeyCode::Char('a'));
    update(
        &mut a,
        Action::SearchResults {
            query: String::new(),
            items: vec![d3()],
        },
    );
    key(&mut a, KeyCode::Enter);
    let effects = key(&mut a, KeyCode::Enter);
    let Effect::Apply {
        change: Change::Insert(es),
        ..
    } = &effects[0]
    else {
        panic!()
    };
    assert_eq!(
        (es[0].date, es[0].time),
        (date(20), NaiveTime::from_hms_opt(12, 0, 0))
    );
    assert_eq!(es[0].meal, None, "no meal guessed for a supplement");
}

#[test]
fn delete_undo_redo_round_trip() {
    let mut a = app();
    let e = stored(
        entry(&natto(), "3 oz", date(21), (9, 0), Some("breakfast")),
        4,
    );
    update(&mut a, Action::DayLoaded(day(vec![e.clone()])));
    let effects = key(&mut a, KeyCode::Char('d'));
    assert_eq!(
        effects,
        vec![Effect::Apply {
            change: Change::Delete(vec![e.clone()]),
            origin: Origin::New
        }]
    );
    update(
        &mut a,
        Action::Applied {
            change: Change::Delete(vec![e.clone()]),
            origin: Origin::New,
        },
    );
    assert_eq!(
        a.status.as_ref().unwrap().text,
        "Deleted Natto 3 oz (u to undo)"
    );
    let effects = key(&mut a, KeyCode::Char('u'));
    assert_eq!(
        effects,
        vec![Effect::Apply {
            change: Change::Insert(vec![e.clone()]),
            origin: Origin::Undo
        }]
    );
    update(
        &mut a,
        Action::Applied {
            change: Change::Insert(vec![e.clone()]),
            origin: Origin::Undo,
        },
    );
    assert!(a.undo.is_empty());
    let redo = update(
        &mut a,
        Action::Key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL)),
    );
    assert_eq!(
        redo,
        vec![Effect::Apply {
            change: Change::Delete(vec![e]),
            origin: Origin::Redo
        }]
    );
    assert_eq!(
        key(&mut a, KeyCode::Char('u')),
        vec![],
        "the redo has not come back yet"
    );
    assert_eq!(a.status.as_ref().unwrap().text, "Nothing to undo");
}

#[test]
fn a_new_change_clears_redo() {
    let mut a = app();
    let e = stored(entry(&d3(), "1000 IU", date(21), (9, 0), None), 1);
    a.redo.push(Change::Delete(vec![e.clone()]));
    update(
        &mut a,
        Action::Applied {
            change: Change::Insert(vec![e]),
            origin: Origin::New,
        },
    );
    assert!(a.redo.is_empty());
}

#[test]
fn review_keys_move_the_date_and_switch_views() {
    let mut a = app();
    assert_eq!(
        key(&mut a, KeyCode::Char('[')),
        vec![Effect::LoadDay(date(14), a.profile.clone())]
    );
    assert_eq!(
        key(&mut a, KeyCode::Char('l')),
        vec![Effect::LoadDay(date(15), a.profile.clone())]
    );
    assert_eq!(
        key(&mut a, KeyCode::Char('t')),
        vec![Effect::LoadDay(date(21), a.profile.clone())]
    );
    assert_eq!(
        key(&mut a, KeyCode::Char('w')),
        vec![Effect::LoadWeek(date(21).iso_week(), a.profile.clone())]
    );
    assert_eq!(
        key(&mut a, KeyCode::Char(']')),
        vec![Effect::LoadWeek(date(28).iso_week(), a.profile.clone())]
    );
    assert_eq!(
        key(&mut a, KeyCode::Char('m')),
        vec![Effect::LoadTrend {
            profile: a.profile.clone(),
            to: date(28),
            days: 30
        }]
    );
    assert_eq!(
        key(&mut a, KeyCode::Char('m')),
        vec![Effect::LoadTrend {
            profile: a.profile.clone(),
            to: date(28),
            days: 90
        }]
    );
    key(&mut a, KeyCode::Tab);
    assert_eq!(a.trend_nutrient, Shown::VitaminD);
    assert_eq!(
        key(&mut a, KeyCode::Esc),
        vec![Effect::LoadDay(date(28), a.profile.clone())]
    );
    assert_eq!(a.screen, Screen::Day);
}

#[test]
fn midnight_moves_today_and_a_view_of_today_follows() {
    let mut a = app();
    assert_eq!(
        update(&mut a, Action::Tick(now() + Duration::minutes(5))),
        vec![]
    );
    assert!(a.dirty, "the first frame is still owed");
    a.dirty = false;
    assert_eq!(
        update(&mut a, Action::Tick(now() + Duration::minutes(6))),
        vec![]
    );
    assert!(!a.dirty, "a tick that changes nothing asks for no redraw");
    let midnight = date(22).and_hms_opt(0, 0, 1).unwrap();
    assert_eq!(
        update(&mut a, Action::Tick(midnight)),
        vec![Effect::LoadDay(date(22), a.profile.clone())]
    );
    assert_eq!((a.today, a.date, a.dirty), (date(22), date(22), true));
    key(&mut a, KeyCode::Left);
    let next = date(23).and_hms_opt(0, 0, 1).unwrap();
    assert_eq!(update(&mut a, Action::Tick(next)), vec![]);
    assert_eq!(
        (a.today, a.date),
        (date(23), date(21)),
        "a past day being reviewed stays"
    );
}

#[test]
fn a_late_load_of_another_day_is_ignored() {
    let mut a = app();
    key(&mut a, KeyCode::Left);
    let e = entry(&natto(), "3 oz", date(21), (9, 0), None);
    update(&mut a, Action::DayLoaded(day(vec![e])));
    assert!(a.day.is_none());
    assert!(a.entries().is_empty());
}

#[test]
fn key_releases_are_ignored_and_rebound_keys_work() {
    let keymap = Keymap::with_overrides("[keys]\nadd = [\"n\"]\n", "config.toml").unwrap();
    let mut a = App::new(now(), Profile::default(), keymap);
    let mut release = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(update(&mut a, Action::Key(release)), vec![]);
    assert_eq!(key(&mut a, KeyCode::Char('a')), vec![]);
    assert_eq!(
        key(&mut a, KeyCode::Char('n')),
        vec![Effect::Search(String::new())]
    );
    assert_eq!(update(&mut a, Action::Command(Command::Back)), vec![]);
}

#[test]
fn errors_become_status_messages() {
    let mut a = app();
    update(&mut a, Action::Error("database is locked".into()));
    let s = a.status.clone().unwrap();
    assert!(s.error && s.text == "database is locked");
    key(&mut a, KeyCode::Esc);
    assert!(a.status.is_none());
}

#[test]
fn an_undo_the_store_refused_stays_on_the_stack() {
    let mut a = app();
    let e = stored(entry(&d3(), "1000 IU", date(21), (9, 0), None), 5);
    update(
        &mut a,
        Action::Applied {
            change: Change::Insert(vec![e.clone()]),
            origin: Origin::New,
        },
    );
    let first = key(&mut a, KeyCode::Char('u'));
    update(&mut a, Action::Error("database is locked".into()));
    assert_eq!(a.undo.len(), 1);
    assert_eq!(
        key(&mut a, KeyCode::Char('u')),
        first,
        "the same undo is offered again"
    );
    assert_eq!(
        first,
        vec![Effect::Apply {
            change: Change::Delete(vec![e]),
            origin: Origin::Undo
        }]
    );
}
