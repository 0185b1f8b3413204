//! `app::update` in the dialogs (edit, go to, profile, stacks, copy, help): state and effects,
//! with no database or terminal.

mod tui_fixture;

use chrono::Datelike;
use intake::app::{Action, Change, Dialog, Effect, Origin, update};
use intake::domain::{Kind, Profile, Shown};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_fixture::driver::{app, day, key, stored, typed};
use tui_fixture::{d3, date, entry, levothyroxine, milk, natto, now};

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
        (
            after.servings,
            after.time.unwrap().to_string().as_str(),
            after.id
        ),
        (2.0, "19:15:00", 2)
    );
}

/// Issue 14.11: an edit another program's lock kept from being written opens again as it was
/// (before, the form was gone and with it what was typed); Enter asks for the same change again.
#[test]
fn an_edit_not_written_opens_again_as_typed_and_enter_retries() {
    let mut a = app();
    let e = stored(entry(&natto(), "3 oz", date(21), (9, 0), None), 2);
    update(&mut a, Action::DayLoaded(day(vec![e.clone()])));
    key(&mut a, KeyCode::Char('e'));
    update(
        &mut a,
        Action::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    typed(&mut a, "6 oz");
    let first = key(&mut a, KeyCode::Enter);
    assert!(a.dialog.is_none(), "closed while it is written");
    let why = "Another program holds the diary: nothing was written";
    assert_eq!(update(&mut a, Action::NotWritten(why.into())), vec![]);
    let Some(Dialog::Edit(f)) = &a.dialog else {
        panic!("the form is back: {:?}", a.dialog)
    };
    assert_eq!(f.fields[0].value(), "6 oz");
    assert!(f.error.as_ref().unwrap().contains("Enter tries again"));
    let status = a.status.clone().unwrap();
    assert!(status.error && status.text.contains(why), "{status:?}");
    assert_eq!(key(&mut a, KeyCode::Enter), first, "the same change again");
    // Written this time: nothing comes back.
    let Effect::Apply { change, origin } = first[0].clone() else {
        panic!()
    };
    update(&mut a, Action::Applied { change, origin });
    assert!(a.dialog.is_none() && a.submitted.is_none());
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
    assert_eq!(
        key(&mut a, KeyCode::Enter),
        vec![Effect::LoadDay(date(20), a.profile.clone())]
    );
    assert!(a.dialog.is_none());
}

#[test]
fn goto_takes_weekdays_days_back_and_month_day() {
    // The fixture's today is Saturday 2026-11-21.
    for (input, day) in [("thu", 19), ("-2", 19), ("11-16", 16), ("sat", 21)] {
        let mut a = app();
        key(&mut a, KeyCode::Char('g'));
        typed(&mut a, input);
        assert_eq!(
            key(&mut a, KeyCode::Enter),
            vec![Effect::LoadDay(date(day), a.profile.clone())],
            "{input}"
        );
    }
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
        vec![Effect::LoadDay(date(21), a.profile.clone())]
    );
    assert_eq!(a.profile, want);
}

#[test]
fn copy_yesterday_logs_supplements_and_medicines_not_food_on_the_shown_day() {
    let mut a = app();
    assert_eq!(
        key(&mut a, KeyCode::Char('c')),
        vec![Effect::LoadSupplements(date(20))]
    );
    let food = stored(entry(&milk(), "1 cup", date(20), (8, 0), None), 1);
    let pill = stored(entry(&d3(), "2000 IU", date(20), (8, 5), None), 2);
    let medicine = stored(entry(&levothyroxine(), "1", date(20), (6, 30), None), 3);
    let effects = update(
        &mut a,
        Action::SupplementsLoaded {
            from: date(20),
            entries: vec![food, pill, medicine],
        },
    );
    let Effect::Apply {
        change: Change::Insert(es),
        origin: Origin::New,
    } = &effects[0]
    else {
        panic!()
    };
    let copied: Vec<_> = es.iter().map(|e| (e.id, e.date, e.kind)).collect();
    assert_eq!(
        copied,
        [
            (0, date(21), Kind::Supplement),
            (0, date(21), Kind::Medication)
        ]
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
        "No supplements or medicines logged on 2026-11-20"
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
fn question_mark_toggles_the_legend_line_and_a_status_takes_its_place() {
    let mut a = app();
    assert!(!a.legend);
    assert!(key(&mut a, KeyCode::Char('?')).is_empty());
    assert!(a.legend && a.dialog.is_none());
    key(&mut a, KeyCode::Char('?'));
    assert!(!a.legend);
}

#[test]
fn help_export_quit_and_ctrl_c() {
    let mut a = app();
    key(&mut a, KeyCode::F(1));
    assert!(matches!(a.dialog, Some(Dialog::Help { .. })));
    key(&mut a, KeyCode::Esc);
    assert!(a.dialog.is_none());
    key(&mut a, KeyCode::Char('H'));
    assert!(matches!(a.dialog, Some(Dialog::Help { .. })));
    key(&mut a, KeyCode::Char('?'));
    assert!(a.dialog.is_none(), "? closes help as it always did");
    assert_eq!(
        key(&mut a, KeyCode::Char('x')),
        vec![Effect::ExportWeek(date(21).iso_week(), a.profile.clone())]
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
fn o_opens_the_days_sources_and_tab_steps_through_the_headline_nutrients() {
    let mut a = app();
    let e = stored(entry(&milk(), "1 cup", date(21), (8, 0), None), 1);
    update(&mut a, Action::DayLoaded(day(vec![e])));
    assert_eq!(key(&mut a, KeyCode::Char('o')), vec![]);
    let at = |a: &intake::app::App| match &a.dialog {
        Some(Dialog::Sources { nutrient }) => Some(*nutrient),
        _ => None,
    };
    assert_eq!(at(&a), Some(Shown::Calcium));
    key(&mut a, KeyCode::Tab);
    assert_eq!(at(&a), Some(Shown::VitaminD));
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Tab);
    assert_eq!(at(&a), Some(Shown::Calcium), "wraps around");
    key(&mut a, KeyCode::BackTab);
    assert_eq!(at(&a), Some(Shown::VitaminK2));
    key(&mut a, KeyCode::Char('x'));
    assert_eq!(at(&a), Some(Shown::VitaminK2), "other keys do nothing");
    key(&mut a, KeyCode::Esc);
    assert!(a.dialog.is_none());
}

#[test]
fn f_asks_the_runtime_for_suggestions_and_shows_them_until_esc() {
    let mut a = app();
    update(&mut a, Action::DayLoaded(day(vec![])));
    let effects = key(&mut a, KeyCode::Char('f'));
    assert_eq!(
        effects,
        vec![Effect::LoadSuggestions(a.date, a.profile.clone())]
    );
    assert_eq!(a.dialog, Some(Dialog::Suggest { list: None }));
    update(&mut a, Action::SuggestionsLoaded(vec![]));
    assert_eq!(a.dialog, Some(Dialog::Suggest { list: Some(vec![]) }));
    key(&mut a, KeyCode::Char('x'));
    assert!(a.dialog.is_some(), "other keys keep it open");
    key(&mut a, KeyCode::Esc);
    assert!(a.dialog.is_none());
    update(&mut a, Action::SuggestionsLoaded(vec![]));
    assert!(a.dialog.is_none(), "a late answer opens nothing");
}
