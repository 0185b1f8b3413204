//! The daily flow in `app::update`: fields whose content typing replaces, the meal following
//! the time until the user picks one, and keystroke counts for logging one food.

mod tui_fixture;

use intake::app::{Action, Change, Dialog, Effect, Origin, update};
use ratatui::crossterm::event::KeyCode;
use tui_fixture::driver::{app, key, typed};
use tui_fixture::{d3, milk, natto};

/// Opens add, receives `items` as the search results and picks the first one.
fn pick(a: &mut intake::app::App, items: Vec<intake::domain::Item>) {
    key(a, KeyCode::Char('a'));
    update(
        a,
        Action::SearchResults {
            query: String::new(),
            items,
        },
    );
    key(a, KeyCode::Enter);
}

fn logged(effects: &[Effect]) -> intake::domain::Entry {
    match effects {
        [
            Effect::Apply {
                change: Change::Insert(es),
                origin: Origin::New,
            },
        ] => es[0].clone(),
        other => panic!("not one insert: {other:?}"),
    }
}

#[test]
fn typing_into_a_focused_field_replaces_its_default() {
    let mut a = app(); // 08:30 on 2026-11-21
    pick(&mut a, vec![milk()]);
    typed(&mut a, "2 cup");
    key(&mut a, KeyCode::Tab);
    typed(&mut a, "06:30"); // replaces 08:30 (it appended before: "08:3006:30")
    let e = logged(&key(&mut a, KeyCode::Enter));
    assert_eq!(e.amount_display(), "2 cup");
    assert_eq!(e.time_display(), "06:30");
}

#[test]
fn the_meal_follows_the_time_until_the_user_types_one() {
    let mut a = app(); // 08:30: breakfast by default
    pick(&mut a, vec![natto()]);
    key(&mut a, KeyCode::Tab);
    typed(&mut a, "12:30");
    let Some(Dialog::Add(add)) = &a.dialog else {
        panic!()
    };
    assert_eq!(add.form.as_ref().unwrap().fields[2].value(), "lunch");
    let e = logged(&key(&mut a, KeyCode::Enter));
    assert_eq!(e.meal.as_deref(), Some("lunch"));

    // A meal the user typed stays when the time changes afterwards.
    let mut a = app();
    pick(&mut a, vec![natto()]);
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Tab);
    typed(&mut a, "brunch");
    key(&mut a, KeyCode::BackTab);
    typed(&mut a, "19:00");
    let e = logged(&key(&mut a, KeyCode::Enter));
    assert_eq!(e.meal.as_deref(), Some("brunch"));

    // Supplements get no meal from the time.
    let mut a = app();
    pick(&mut a, vec![d3()]);
    key(&mut a, KeyCode::Tab);
    typed(&mut a, "12:30");
    assert_eq!(logged(&key(&mut a, KeyCode::Enter)).meal, None);
}

#[test]
fn one_recent_food_at_a_typed_time_takes_eight_keys() {
    // a (the add dialog opens on the recent items), Enter (pick; one serving), Tab (to the
    // time), 0730, Enter: 8 keys, the README's count.
    let mut a = app();
    let mut keys = 0;
    let mut press = |a: &mut intake::app::App, code| {
        keys += 1;
        let effects = key(a, code);
        if let Some(Dialog::Add(_)) = &a.dialog
            && code == KeyCode::Char('a')
        {
            update(
                a,
                Action::SearchResults {
                    query: String::new(),
                    items: vec![milk()],
                },
            );
        }
        effects
    };
    press(&mut a, KeyCode::Char('a'));
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Tab);
    for c in "0730".chars() {
        press(&mut a, KeyCode::Char(c));
    }
    let e = logged(&press(&mut a, KeyCode::Enter));
    assert_eq!(keys, 8);
    assert_eq!(e.time_display(), "07:30");
    assert_eq!(e.meal.as_deref(), Some("breakfast"));
    assert_eq!(e.amount_display(), "1 cup");
}

#[test]
fn status_messages_expire() {
    let mut a = app();
    let t0 = tui_fixture::now();
    update(&mut a, Action::Info("Wrote week W47".into()));
    update(&mut a, Action::Tick(t0 + chrono::Duration::seconds(7)));
    assert!(a.status.is_some(), "still fresh");
    a.dirty = false;
    update(&mut a, Action::Tick(t0 + chrono::Duration::seconds(8)));
    assert!(a.status.is_none(), "expired after 8 s");
    assert!(a.dirty, "the cleared line is redrawn");
    // Errors stay longer.
    update(&mut a, Action::Error("cannot write".into()));
    let at = a.status.as_ref().unwrap().at;
    update(&mut a, Action::Tick(at + chrono::Duration::seconds(19)));
    assert!(a.status.is_some());
    update(&mut a, Action::Tick(at + chrono::Duration::seconds(20)));
    assert!(a.status.is_none());
}

#[test]
fn first_run_asks_for_the_profile_with_toggles_and_saves_it() {
    use intake::domain::{Profile, profile::Sex};
    let mut a = app();
    a.welcome();
    let Some(Dialog::Profile(f)) = &a.dialog else {
        panic!("the welcome opens the profile form")
    };
    assert!(f.first_run);
    typed(&mut a, "63"); // age is selected: typing replaces 40
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Right); // sex: female -> male
    key(&mut a, KeyCode::Char(' ')); // and back
    key(&mut a, KeyCode::Tab);
    typed(&mut a, "b"); // goal: bone, by its first letter
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Left); // reference: seed -> official
    key(&mut a, KeyCode::Tab);
    typed(&mut a, "x"); // not a choice of warfarin: ignored
    let effects = key(&mut a, KeyCode::Enter);
    let mut want = Profile::default();
    want.set("age", "63").unwrap();
    want.set("goal", "bone").unwrap();
    want.set("reference", "official").unwrap();
    assert_eq!(want.sex, Sex::Female);
    assert_eq!(effects, vec![Effect::SaveProfile(want)]);
    assert!(a.dialog.is_none());
}

#[test]
fn first_run_profile_is_skippable_and_asked_once() {
    use intake::domain::Profile;
    let mut a = app();
    a.welcome();
    // Esc keeps the defaults, but saves them so that the next start does not ask again.
    assert_eq!(
        key(&mut a, KeyCode::Esc),
        vec![Effect::SaveProfile(Profile::default())]
    );
    assert!(a.dialog.is_none());
    // The profile opened later with p: Esc just closes it.
    key(&mut a, KeyCode::Char('p'));
    assert_eq!(key(&mut a, KeyCode::Esc), vec![]);
}

#[test]
fn week_view_opens_a_day_moves_by_day_and_rolls() {
    use chrono::Datelike;
    use intake::app::Screen;
    use tui_fixture::date;
    let mut a = app(); // Saturday 2026-11-21
    assert_eq!(
        key(&mut a, KeyCode::Char('w')),
        vec![Effect::LoadWeek(date(21).iso_week(), a.profile.clone())]
    );
    // w again: the 7 days ending on the shown day (a Monday shows more than one day).
    assert_eq!(
        key(&mut a, KeyCode::Char('w')),
        vec![Effect::LoadRolling(date(21), a.profile.clone())]
    );
    assert!(a.week_rolling);
    // ↑ moves the highlighted day, Enter opens it in the day view.
    assert_eq!(
        key(&mut a, KeyCode::Up),
        vec![Effect::LoadRolling(date(20), a.profile.clone())]
    );
    assert_eq!(
        key(&mut a, KeyCode::Enter),
        vec![Effect::LoadDay(date(20), a.profile.clone())]
    );
    assert_eq!((a.screen, a.date), (Screen::Day, date(20)));
    // Back in the day view, ↑ selects entries again (no day change).
    assert_eq!(key(&mut a, KeyCode::Up), vec![]);
    assert_eq!(a.date, date(20));
    key(&mut a, KeyCode::Char('w'));
    assert_eq!(
        key(&mut a, KeyCode::Char('w')),
        vec![Effect::LoadWeek(date(20).iso_week(), a.profile.clone())]
    );
}
