//! `app::update` driven by action sequences: state and effects, with no database or terminal.

mod tui_fixture;

use chrono::{Datelike, Duration, NaiveTime};
use intake::app::{
    Action, App, Change, Command, DayData, Dialog, Effect, Keymap, Origin, Screen, update,
};
use intake::domain::{DayTotals, Entry, Kind, Profile, Shown};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_fixture::{d3, date, entry, milk, natto, now};

fn app() -> App {
    App::new(now(), Profile::default(), Keymap::default())
}

fn key(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

fn typed(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| key(app, KeyCode::Char(c)))
        .collect()
}

fn day(entries: Vec<Entry>) -> DayData {
    let d = entries.first().map_or(date(21), |e| e.date);
    DayData {
        date: d,
        totals: DayTotals::of(&entries),
        entries,
        targets: vec![],
        warnings: vec![],
    }
}

fn stored(mut e: Entry, id: i64) -> Entry {
    e.id = id;
    e
}

#[test]
fn starts_by_loading_today() {
    let a = app();
    assert_eq!(a.start(), vec![Effect::LoadDay(date(21))]);
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
        (es[0].item_key.as_str(), es[0].date, es[0].id),
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
    assert_eq!(effects, vec![Effect::LoadDay(date(21))]);
    assert_eq!(a.status.as_ref().unwrap().text, "Logged Milk 2 cup");
    let first = stored(entry(&d3(), "1000 IU", date(21), (7, 0), None), 3);
    update(&mut a, Action::DayLoaded(day(vec![first, e])));
    assert_eq!(a.selected, 1);
    assert_eq!(a.undo.len(), 1);
}

#[test]
fn bad_quantity_stays_in_the_form_with_the_reason() {
    let mut a = app();
    key(&mut a, KeyCode::Char('a'));
    update(
        &mut a,
        Action::SearchResults {
            query: String::new(),
            items: vec![milk()],
        },
    );
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Char('u')); // not a shortcut here: it types
    update(
        &mut a,
        Action::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    typed(&mut a, "2 parsec");
    assert_eq!(key(&mut a, KeyCode::Enter), vec![]);
    let Some(Dialog::Add(add)) = &a.dialog else {
        panic!("closed")
    };
    let err = add.form.as_ref().unwrap().error.clone().unwrap();
    assert!(err.contains("parsec"), "{err}");
    key(&mut a, KeyCode::Esc);
    let Some(Dialog::Add(add)) = &a.dialog else {
        panic!("Esc from the form goes back to search")
    };
    assert!(add.form.is_none());
    key(&mut a, KeyCode::Esc);
    assert!(a.dialog.is_none());
}

#[test]
fn another_day_defaults_to_noon() {
    let mut a = app();
    assert_eq!(key(&mut a, KeyCode::Left), vec![Effect::LoadDay(date(20))]);
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
        (date(20), NaiveTime::from_hms_opt(12, 0, 0).unwrap())
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
        vec![Effect::LoadDay(date(14))]
    );
    assert_eq!(
        key(&mut a, KeyCode::Char('l')),
        vec![Effect::LoadDay(date(15))]
    );
    assert_eq!(
        key(&mut a, KeyCode::Char('t')),
        vec![Effect::LoadDay(date(21))]
    );
    assert_eq!(
        key(&mut a, KeyCode::Char('w')),
        vec![Effect::LoadWeek(date(21).iso_week())]
    );
    assert_eq!(
        key(&mut a, KeyCode::Char(']')),
        vec![Effect::LoadWeek(date(28).iso_week())]
    );
    assert_eq!(
        key(&mut a, KeyCode::Char('m')),
        vec![Effect::LoadTrend {
            to: date(28),
            days: 30
        }]
    );
    assert_eq!(
        key(&mut a, KeyCode::Char('m')),
        vec![Effect::LoadTrend {
            to: date(28),
            days: 90
        }]
    );
    key(&mut a, KeyCode::Tab);
    assert_eq!(a.trend_nutrient, Shown::VitaminD);
    assert_eq!(key(&mut a, KeyCode::Esc), vec![Effect::LoadDay(date(28))]);
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
        vec![Effect::LoadDay(date(22))]
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
fn edit_rescales_in_the_entry_unit_and_refuses_another() {
    let mut a = app();
    let e = stored(entry(&natto(), "3 oz", date(21), (9, 0), None), 2);
    update(&mut a, Action::DayLoaded(day(vec![e.clone()])));
    key(&mut a, KeyCode::Char('e'));
    update(
        &mut a,
        Action::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    typed(&mut a, "6 cup");
    assert_eq!(key(&mut a, KeyCode::Enter), vec![]);
    let Some(Dialog::Edit(f)) = &a.dialog else {
        panic!("closed")
    };
    assert!(f.error.as_ref().unwrap().contains("oz or in servings"));
    update(
        &mut a,
        Action::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    typed(&mut a, "6 oz");
    key(&mut a, KeyCode::Tab);
    update(
        &mut a,
        Action::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    typed(&mut a, "19:15");
    let effects = key(&mut a, KeyCode::Enter);
    let Effect::Apply {
        change: Change::Update { before, after },
        origin: Origin::New,
    } = &effects[0]
    else {
        panic!("{effects:?}")
    };
    assert_eq!(before, &e);
    assert_eq!(after.nutrients.shown(Shown::VitaminK2).display(), "1700");
    assert_eq!(
        (after.servings, after.time.to_string().as_str(), after.id),
        (2.0, "19:15:00", 2)
    );
}

#[test]
fn edit_and_delete_on_an_empty_day_say_so() {
    let mut a = app();
    assert_eq!(key(&mut a, KeyCode::Char('d')), vec![]);
    assert_eq!(
        a.status.as_ref().unwrap().text,
        "No entry to delete on this day"
    );
    key(&mut a, KeyCode::Char('e'));
    assert!(a.dialog.is_none());
}

#[test]
fn goto_takes_a_typed_date_and_explains_a_bad_one() {
    let mut a = app();
    key(&mut a, KeyCode::Char('g'));
    typed(&mut a, "2026-13-01");
    assert_eq!(key(&mut a, KeyCode::Enter), vec![]);
    let Some(Dialog::GoTo { error: Some(e), .. }) = &a.dialog else {
        panic!()
    };
    assert!(e.contains("YYYY-MM-DD"));
    update(
        &mut a,
        Action::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    typed(&mut a, "yesterday");
    assert_eq!(key(&mut a, KeyCode::Enter), vec![Effect::LoadDay(date(20))]);
    assert!(a.dialog.is_none());
}

#[test]
fn profile_form_validates_then_saves() {
    let mut a = app();
    key(&mut a, KeyCode::Char('p'));
    update(
        &mut a,
        Action::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    typed(&mut a, "17");
    assert_eq!(key(&mut a, KeyCode::Enter), vec![]);
    let Some(Dialog::Profile(f)) = &a.dialog else {
        panic!()
    };
    assert!(f.error.as_ref().unwrap().contains("19 to 120"));
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Backspace);
    typed(&mut a, "62");
    let effects = key(&mut a, KeyCode::Enter);
    let want = Profile {
        age: 62,
        ..Profile::default()
    };
    assert_eq!(effects, vec![Effect::SaveProfile(want.clone())]);
    assert_eq!(
        update(&mut a, Action::ProfileSaved(want.clone())),
        vec![Effect::LoadDay(date(21))]
    );
    assert_eq!(a.profile, want);
}

#[test]
fn copy_yesterday_logs_only_supplements_on_the_shown_day() {
    let mut a = app();
    assert_eq!(
        key(&mut a, KeyCode::Char('c')),
        vec![Effect::LoadSupplements(date(20))]
    );
    let food = stored(entry(&milk(), "1 cup", date(20), (8, 0), None), 1);
    let pill = stored(entry(&d3(), "2000 IU", date(20), (8, 5), None), 2);
    let effects = update(
        &mut a,
        Action::SupplementsLoaded {
            from: date(20),
            entries: vec![food, pill],
        },
    );
    let Effect::Apply {
        change: Change::Insert(es),
        origin: Origin::New,
    } = &effects[0]
    else {
        panic!()
    };
    assert_eq!(es.len(), 1);
    assert_eq!(
        (es[0].id, es[0].date, es[0].kind),
        (0, date(21), Kind::Supplement)
    );
    let none = update(
        &mut a,
        Action::SupplementsLoaded {
            from: date(20),
            entries: vec![],
        },
    );
    assert_eq!(none, vec![]);
    assert_eq!(
        a.status.as_ref().unwrap().text,
        "No supplements logged on 2026-11-20"
    );
}

#[test]
fn stacks_load_then_log_at_the_default_time() {
    use intake::domain::{Stack, StackItem};
    let mut a = app();
    assert_eq!(key(&mut a, KeyCode::Char('s')), vec![Effect::LoadStacks]);
    let stack = Stack {
        name: "morning".into(),
        items: vec![StackItem {
            key: "d3".into(),
            quantity: "5000 IU".into(),
        }],
    };
    update(&mut a, Action::StacksLoaded(vec![stack.clone()]));
    let effects = key(&mut a, KeyCode::Enter);
    let time = now().time();
    assert_eq!(
        effects,
        vec![Effect::ResolveStack {
            stack,
            date: date(21),
            time
        }]
    );
}

#[test]
fn help_export_quit_and_ctrl_c() {
    let mut a = app();
    key(&mut a, KeyCode::Char('?'));
    assert!(matches!(a.dialog, Some(Dialog::Help { .. })));
    key(&mut a, KeyCode::Esc);
    assert!(a.dialog.is_none());
    assert_eq!(
        key(&mut a, KeyCode::Char('x')),
        vec![Effect::ExportWeek(date(21).iso_week())]
    );
    assert_eq!(date(21).iso_week().week(), 47);
    key(&mut a, KeyCode::Char('q'));
    assert!(!a.running);
    let mut b = app();
    update(
        &mut b,
        Action::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
    );
    assert!(!b.running);
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
