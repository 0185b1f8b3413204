//! `app::update` for the plan view and the stack dialog: a stack logged at a typed time,
//! made and edited in the app, and a planned dose logged at its planned time.

mod tui_fixture;

use chrono::NaiveTime;
use intake::app::{Action, Change, Dialog, Effect, Origin, Screen, update};
use intake::domain::plan::{Plan, PlanInput, Routine, RoutineDose, Status, TimeSource, plan};
use intake::domain::{Stack, StackItem};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_fixture::driver::{app, key, typed};
use tui_fixture::{calcium_citrate, d3, date, entry};

fn morning() -> Stack {
    Stack {
        name: "morning".into(),
        items: vec![StackItem {
            key: "d3".into(),
            quantity: "5000 IU".into(),
        }],
    }
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

#[test]
fn a_stack_is_logged_at_the_time_typed_in_the_dialog() {
    let mut a = app();
    key(&mut a, KeyCode::Char('s'));
    update(&mut a, Action::StacksLoaded(vec![morning()]));
    // The time field starts at now (08:30), selected: typing replaces it. 6 keys in all.
    typed(&mut a, "1030");
    assert_eq!(
        key(&mut a, KeyCode::Enter),
        vec![Effect::ResolveStack {
            stack: morning(),
            date: date(21),
            time: hm(10, 30)
        }]
    );
}

#[test]
fn a_bad_time_stays_in_the_dialog_with_the_reason() {
    let mut a = app();
    key(&mut a, KeyCode::Char('s'));
    update(&mut a, Action::StacksLoaded(vec![morning()]));
    typed(&mut a, "0");
    key(&mut a, KeyCode::Right);
    typed(&mut a, "9");
    assert_eq!(key(&mut a, KeyCode::Enter), vec![]);
    let Some(Dialog::Stacks(p)) = &a.dialog else {
        panic!("closed")
    };
    assert!(p.error.as_deref().unwrap().contains("bad time `09`"));
}

#[test]
fn a_stack_is_made_and_edited_in_the_app() {
    let mut a = app();
    key(&mut a, KeyCode::Char('s'));
    update(&mut a, Action::StacksLoaded(vec![]));
    key(&mut a, KeyCode::Char('a'));
    assert!(matches!(a.dialog, Some(Dialog::StackForm(_))));
    typed(&mut a, "evening");
    key(&mut a, KeyCode::Tab);
    typed(&mut a, "d3=2000 IU, calcium-citrate=500 mg");
    let want = Stack {
        name: "evening".into(),
        items: vec![
            StackItem {
                key: "d3".into(),
                quantity: "2000 IU".into(),
            },
            StackItem {
                key: "calcium-citrate".into(),
                quantity: "500 mg".into(),
            },
        ],
    };
    assert_eq!(
        key(&mut a, KeyCode::Enter),
        vec![Effect::SaveStack {
            stack: want.clone(),
            replaces: None
        }]
    );
    // Saved: the picker opens again on the stacks.
    assert_eq!(
        update(&mut a, Action::StackSaved("evening".into())),
        vec![Effect::LoadStacks]
    );
    update(&mut a, Action::StacksLoaded(vec![want.clone()]));
    // Edit: rename it; the old name is replaced.
    key(&mut a, KeyCode::Char('e'));
    update(
        &mut a,
        Action::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    typed(&mut a, "night");
    let effects = key(&mut a, KeyCode::Enter);
    let Effect::SaveStack { stack, replaces } = &effects[0] else {
        panic!("{effects:?}")
    };
    assert_eq!(
        (stack.name.as_str(), replaces.as_deref()),
        ("night", Some("evening"))
    );
    assert_eq!(stack.items, want.items);
}

#[test]
fn a_stack_with_a_bad_item_stays_in_the_form() {
    let mut a = app();
    key(&mut a, KeyCode::Char('s'));
    key(&mut a, KeyCode::Char('a'));
    typed(&mut a, "x");
    key(&mut a, KeyCode::Tab);
    typed(&mut a, "d3 2000 IU");
    assert_eq!(key(&mut a, KeyCode::Enter), vec![]);
    let Some(Dialog::StackForm(f)) = &a.dialog else {
        panic!("closed")
    };
    assert!(
        f.error
            .as_deref()
            .unwrap()
            .starts_with("bad item `d3 2000 IU`")
    );
}

/// D3 usually at 08:00 and calcium citrate at 07:00, no meals: on 2026-11-21.
fn day_plan() -> Plan {
    let dose = |e: intake::domain::Entry| RoutineDose {
        usual: e.time.unwrap(),
        entry: e,
        source: TimeSource::History,
    };
    let routine = Routine {
        doses: vec![
            dose(intake::domain::Entry {
                note: Some("stack morning".into()),
                ..entry(&d3(), "1000 IU", date(20), (8, 0), None)
            }),
            dose(entry(&calcium_citrate(), "500 mg", date(20), (7, 0), None)),
        ],
        meals: vec![],
        ..Default::default()
    };
    plan(&PlanInput {
        day: date(21),
        routine: &routine,
        logged: &[],
        not_before: None,
    })
}

#[test]
fn the_plan_view_loads_the_plan_and_logs_the_selected_dose_at_its_planned_time() {
    let mut a = app();
    assert_eq!(
        key(&mut a, KeyCode::Char('n')),
        vec![Effect::LoadPlan(date(21), a.profile.clone())]
    );
    assert_eq!(a.screen, Screen::Plan);
    let p = day_plan();
    update(&mut a, Action::PlanLoaded(p.clone()));
    // 07:00 calcium citrate is selected; down to D3.
    key(&mut a, KeyCode::Down);
    assert_eq!(a.plan_selected, 1);
    let d = &p.doses[1];
    assert_eq!(d.status, Status::Planned);
    let effects = key(&mut a, KeyCode::Enter);
    let [
        Effect::Apply {
            change: Change::Insert(es),
            origin: Origin::New,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(es.len(), 1);
    assert_eq!(
        (es[0].id, es[0].time, &*es[0].item_key),
        (0, Some(d.time), "d3")
    );
    assert_eq!(es[0].note, None, "the last dose's note is not copied");
    // Logged: the plan reloads.
    let applied = update(
        &mut a,
        Action::Applied {
            change: Change::Insert(es.clone()),
            origin: Origin::New,
        },
    );
    assert_eq!(applied, vec![Effect::LoadPlan(date(21), a.profile.clone())]);
    // Enter does nothing on the day view.
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.screen, Screen::Day);
    assert_eq!(key(&mut a, KeyCode::Enter), vec![]);
}
