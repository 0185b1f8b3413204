//! The runtime follows another process's writes: after the version check the app holds the
//! profile the diary holds (and the targets follow), and the add dialog finds a user item added
//! elsewhere, without a restart.

mod tui_fixture;

use intake::app::{Action, App, Command, Dialog, Effect, Keymap, update};
use intake::domain::{Origin, Profile};
use intake::store::Store;
use intake::tui::Runtime;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_fixture::{milk, now};

fn open(dir: &std::path::Path) -> (App, Runtime) {
    let store = Store::open(&dir.join("diary.db")).unwrap();
    let mut rt = Runtime::new(store, dir.join("exports")).unwrap();
    let mut app = App::new(now(), rt.store.profile().unwrap(), Keymap::default());
    rt.start(&mut app);
    (app, rt)
}

fn results(app: &App) -> Vec<String> {
    match &app.dialog {
        Some(Dialog::Add(a)) => a.results.iter().map(|i| i.name.clone()).collect(),
        _ => vec![],
    }
}

#[test]
fn another_process_s_profile_and_item_reach_the_open_app() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut rt) = open(dir.path());
    let targets = app.day.as_ref().unwrap().targets.clone();
    let mut other = Store::open(&dir.path().join("diary.db")).unwrap();
    let older = Profile {
        age: 70,
        sex: intake::domain::profile::Sex::Male,
        ..app.profile.clone()
    };
    other.set_profile(&older).unwrap();
    let mut quokka = milk();
    quokka.key = "quokka-milk".into();
    quokka.name = "Quokka milk".into();
    quokka.origin = Origin::User;
    other.add_user_item(&quokka).unwrap();

    rt.dispatch(&mut app, Action::Command(Command::Add));
    for c in "quokka".chars() {
        rt.dispatch(
            &mut app,
            Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
        );
    }
    assert!(
        !results(&app).contains(&"Quokka milk".to_string()),
        "not yet"
    );
    assert!(rt.other_process_wrote());
    rt.dispatch(&mut app, Action::ExternalChange);
    assert_eq!(app.profile, older);
    assert_ne!(
        app.day.as_ref().unwrap().targets,
        targets,
        "the targets follow"
    );
    assert_eq!(
        results(&app).first().map(String::as_str),
        Some("Quokka milk")
    );
}

#[test]
fn an_external_change_reads_the_profile_items_and_open_lists_again() {
    let mut app = App::new(now(), Profile::default(), Keymap::default());
    assert_eq!(
        update(&mut app, Action::ExternalChange),
        [Effect::LoadItems, Effect::LoadProfile]
    );
    update(&mut app, Action::Command(Command::Stacks));
    let fx = update(&mut app, Action::ExternalChange);
    assert_eq!(fx.last(), Some(&Effect::LoadStacks));
    let older = Profile {
        age: 70,
        ..Profile::default()
    };
    let fx = update(&mut app, Action::ProfileLoaded(older.clone()));
    assert_eq!(app.profile, older);
    assert_eq!(
        fx,
        [Effect::LoadDay(app.date, app.profile.clone())],
        "the targets follow the profile"
    );
}
