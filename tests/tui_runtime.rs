//! The runtime against a real diary file: effects reach the store, results come back as actions,
//! another writer's entries appear, and the config file's errors name the line.

mod tui_fixture;

use intake::app::{Action, App, Command, Keymap};
use intake::store::Store;
use intake::tui::{Runtime, load_keymap};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_fixture::{d3, date, entry, milk, now};

fn open(dir: &std::path::Path) -> (App, Runtime) {
    let store = Store::open(&dir.join("diary.db")).unwrap();
    let mut rt = Runtime::new(store, dir.join("exports")).unwrap();
    let mut app = App::new(now(), rt.store.profile().unwrap(), Keymap::default());
    rt.start(&mut app);
    (app, rt)
}

fn key(app: &mut App, rt: &mut Runtime, c: KeyCode) {
    rt.dispatch(app, Action::Key(KeyEvent::new(c, KeyModifiers::NONE)));
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn another_writer_s_entry_appears_after_the_version_check() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut rt) = open(dir.path());
    assert!(app.entries().is_empty());
    let mut other = Store::open(&dir.path().join("diary.db")).unwrap();
    other
        .insert_entry(&entry(&milk(), "1 cup", date(21), (7, 0), None))
        .unwrap();
    assert!(rt.other_process_wrote());
    rt.dispatch(&mut app, Action::ExternalChange);
    assert_eq!(app.entries().len(), 1);
    assert!(!rt.other_process_wrote(), "reported once");
}

#[test]
fn delete_undo_redo_reach_the_store_and_keep_the_id() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("diary.db")).unwrap();
    let id = store
        .insert_entry(&entry(&d3(), "1000 IU", date(21), (8, 0), None))
        .unwrap();
    drop(store);
    let (mut app, mut rt) = open(dir.path());
    key(&mut app, &mut rt, KeyCode::Char('d'));
    assert!(rt.store.entries_on(date(21)).unwrap().is_empty());
    assert!(app.entries().is_empty());
    key(&mut app, &mut rt, KeyCode::Char('u'));
    let back = rt.store.entries_on(date(21)).unwrap();
    assert_eq!(back.iter().map(|e| e.id).collect::<Vec<_>>(), vec![id]);
    assert_eq!(app.entries().len(), 1);
    rt.dispatch(
        &mut app,
        Action::Key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL)),
    );
    assert!(rt.store.entries_on(date(21)).unwrap().is_empty());
    assert!(
        !rt.other_process_wrote(),
        "our own writes do not count as another process"
    );
}

#[test]
fn copy_yesterday_and_stacks_log_through_the_catalog() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("diary.db")).unwrap();
    store
        .insert_entry(&entry(&d3(), "2000 IU", date(20), (8, 0), None))
        .unwrap();
    store
        .insert_entry(&entry(&milk(), "1 cup", date(20), (8, 0), None))
        .unwrap();
    intake::demo::fill(&mut store, date(1)).unwrap();
    drop(store);
    let (mut app, mut rt) = open(dir.path());
    key(&mut app, &mut rt, KeyCode::Char('c'));
    let names: Vec<String> = app
        .entries()
        .iter()
        .map(|e| e.item_key.to_string())
        .collect();
    assert_eq!(names, ["d3"], "only the supplement is copied");
    key(&mut app, &mut rt, KeyCode::Char('s'));
    key(&mut app, &mut rt, KeyCode::Enter);
    assert_eq!(status(&app), "Logged 3 entries");
    assert_eq!(rt.store.entries_on(date(21)).unwrap().len(), 4);
    // Noted as the stack's, like `intake stack log`: the plan reads the stack's usual time so.
    let note = intake::domain::Stack::log_note("morning");
    let stacked = rt.store.entries_on(date(21)).unwrap();
    let stacked = stacked.iter().filter(|e| e.note.as_deref() == Some(&note));
    assert_eq!(stacked.count(), 3);
    key(&mut app, &mut rt, KeyCode::Char('u'));
    assert_eq!(
        rt.store.entries_on(date(21)).unwrap().len(),
        1,
        "the stack is undone as one"
    );
}

#[test]
fn export_writes_the_shown_week_and_its_entries_with_times_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut rt) = open(dir.path());
    for (item, qty, at) in [(milk(), "1 cup", (7, 30)), (d3(), "1000 IU", (8, 5))] {
        rt.store
            .insert_entry(&entry(&item, qty, date(21), at, None))
            .unwrap();
    }
    key(&mut app, &mut rt, KeyCode::Char('x'));
    let path = dir.path().join("exports").join("intake-2026-W47.csv");
    assert_eq!(
        status(&app),
        format!(
            "Wrote week 2026-W47 to {} and each entry with its time to intake-2026-W47-entries.csv",
            path.display()
        )
    );
    let csv = std::fs::read_to_string(path).unwrap();
    assert_eq!(csv.lines().count(), 8, "header and seven days");
    let entries = dir
        .path()
        .join("exports")
        .join("intake-2026-W47-entries.csv");
    let entries = std::fs::read_to_string(entries).unwrap();
    let stored = rt.store.entries_on(date(21)).unwrap();
    assert_eq!(stored.len(), 2);
    assert_eq!(entries.lines().count(), 1 + stored.len(), "{entries}");
    assert!(entries.starts_with("date,time,id,"), "{entries}");
    for e in &stored {
        let time = e.time.unwrap().format("%H:%M").to_string();
        assert!(
            entries.contains(&format!("2026-11-21,{time},")),
            "{entries}"
        );
    }
}

#[test]
fn profile_saved_in_the_app_changes_the_targets() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut rt) = open(dir.path());
    let before = app.day.as_ref().unwrap().targets.clone();
    rt.dispatch(&mut app, Action::Command(Command::Profile));
    key(&mut app, &mut rt, KeyCode::Down);
    rt.dispatch(
        &mut app,
        Action::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
    );
    for c in "male".chars() {
        key(&mut app, &mut rt, KeyCode::Char(c));
    }
    key(&mut app, &mut rt, KeyCode::Enter);
    assert_eq!(rt.store.profile().unwrap(), app.profile);
    assert_eq!(format!("{:?}", app.profile.sex), "Male");
    assert_ne!(app.day.as_ref().unwrap().targets, before);
}

#[test]
fn store_errors_become_status_messages() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut rt) = open(dir.path());
    std::fs::write(
        dir.path().join("exports"),
        "a file where the folder should be",
    )
    .unwrap();
    key(&mut app, &mut rt, KeyCode::Char('x'));
    let s = app.status.clone().unwrap();
    assert!(s.error && s.text.starts_with("cannot create"), "{}", s.text);
    assert!(app.running);
}

#[test]
fn config_errors_name_the_line_and_what_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(
        &path,
        "# my keys\n[keys]\nadd = [\"n\"]\nundo = [\"Ctrl-\"]\n",
    )
    .unwrap();
    let err = load_keymap(Some(&path)).unwrap_err();
    assert!(
        err.contains("config.toml line 4: bad key `Ctrl-`; accepted:"),
        "{err}"
    );
    std::fs::write(&path, "[keys]\nadd = \"n\"\n").unwrap();
    let err = load_keymap(Some(&path)).unwrap_err();
    assert!(
        err.contains("line 2") && err.contains("accepted: a [keys] table"),
        "{err}"
    );
    std::fs::write(&path, "[keys]\nadd = [\"n\"]\n").unwrap();
    let keys = load_keymap(Some(&path)).unwrap();
    assert_eq!(keys.keys_label(Command::Add), "n");
    assert_eq!(
        load_keymap(Some(&dir.path().join("missing.toml"))),
        Ok(Keymap::default())
    );
}

/// Types `text` then Enter (the recipe dialog's fields and searches).
fn line(app: &mut App, rt: &mut Runtime, text: &str) {
    for c in text.chars() {
        key(app, rt, KeyCode::Char(c));
    }
    key(app, rt, KeyCode::Enter);
}

/// A recipe made in the app (`r`) is checked by the rules of `intake recipe add` and saved: it
/// is searchable at once, its log form opens, a second of that name replaces it only once
/// confirmed, and a name taken by an item or a cycle is refused in the dialog.
#[test]
fn a_recipe_made_in_the_app_is_saved_by_the_cli_s_rules() {
    use intake::app::Dialog;
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut rt) = open(dir.path());
    let recipe = |app: &mut App, rt: &mut Runtime, name: &str, food: &str| {
        key(app, rt, KeyCode::Char('r'));
        line(app, rt, name);
        line(app, rt, "2");
        line(app, rt, food);
        key(app, rt, KeyCode::Enter); // its usual serving
        key(app, rt, KeyCode::Enter); // save
    };
    recipe(&mut app, &mut rt, "Kale bowl", "kale");
    let saved = rt.store.recipes().unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!((saved[0].key.as_str(), saved[0].serves), ("kale-bowl", 2.0));
    assert_eq!(status(&app), "Saved recipe Kale bowl");
    let Some(Dialog::Add(add)) = &app.dialog else {
        panic!("{:?}", app.dialog)
    };
    assert_eq!(add.form.as_ref().unwrap().item.key, "kale-bowl");
    key(&mut app, &mut rt, KeyCode::Enter);
    assert_eq!(&*app.entries()[0].item_key, "kale-bowl");

    // A recipe using it, then the same name again: asked, then replaced.
    recipe(&mut app, &mut rt, "Meal", "kale bowl");
    key(&mut app, &mut rt, KeyCode::Esc);
    assert_eq!(app.dialog, None);
    recipe(&mut app, &mut rt, "Kale bowl", "milk");
    let Some(Dialog::Recipe(f)) = &app.dialog else {
        panic!("{:?}", app.dialog)
    };
    assert_eq!(f.confirm.as_ref().map(|r| r.serves), Some(2.0));
    key(&mut app, &mut rt, KeyCode::Enter);
    let replaced = rt.store.recipes().unwrap();
    let bowl = replaced.iter().find(|r| r.key == "kale-bowl").unwrap();
    // Its name opened the saved one (kale); milk was added to it.
    let keys: Vec<_> = bowl.parts.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys.len(), 2, "{bowl:?}");
    assert!(
        keys[0].contains("kale") && keys[1].contains("milk"),
        "{bowl:?}"
    );
    key(&mut app, &mut rt, KeyCode::Esc);

    // Kale bowl made of Meal, which holds Kale bowl: refused with the path.
    recipe(&mut app, &mut rt, "Kale bowl", "meal");
    key(&mut app, &mut rt, KeyCode::Enter);
    let Some(Dialog::Recipe(f)) = &app.dialog else {
        panic!("{:?}", app.dialog)
    };
    let err = f.error.clone().unwrap();
    assert!(err.contains("kale-bowl -> meal -> kale-bowl"), "{err}");
    assert_eq!(rt.store.recipes().unwrap(), replaced, "nothing written");
    key(&mut app, &mut rt, KeyCode::Esc);
    key(&mut app, &mut rt, KeyCode::Esc);
    recipe(&mut app, &mut rt, "Milk", "kale");
    let Some(Dialog::Recipe(f)) = &app.dialog else {
        panic!("{:?}", app.dialog)
    };
    assert!(f.error.as_deref().unwrap().contains("built-in item"));
    key(&mut app, &mut rt, KeyCode::Esc);
    key(&mut app, &mut rt, KeyCode::Esc);

    // Opened by its name (any case): the saved servings and foods, to change.
    key(&mut app, &mut rt, KeyCode::Char('r'));
    line(&mut app, &mut rt, "MEAL");
    let Some(Dialog::Recipe(f)) = &app.dialog else {
        panic!("{:?}", app.dialog)
    };
    let parts: Vec<_> = f.parts.iter().map(|p| p.item.key.as_str()).collect();
    assert_eq!(
        (f.opened, f.name.value(), parts),
        (true, "Meal", vec!["kale-bowl"])
    );
}

/// Issue 14.12: a paste is thousands of keys at once. Applied as one burst, the query stops at
/// the search's limit (the dialog says the rest was left out) and the results are those of the
/// query left, searched once at the end; keys after the paste still type.
#[test]
fn a_pasted_burst_of_keys_is_capped_and_searched_for_what_it_leaves() {
    use intake::app::Dialog;
    use intake::app::dialog::MAX_QUERY;
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut rt) = open(dir.path());
    key(&mut app, &mut rt, KeyCode::Char('a'));
    let pasted = "natto ".repeat(1000);
    let keys = pasted
        .chars()
        .map(|c| Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
    rt.dispatch_burst(&mut app, keys);
    let Some(Dialog::Add(a)) = &app.dialog else {
        panic!("{:?}", app.dialog)
    };
    assert_eq!(a.query.value().chars().count(), MAX_QUERY);
    assert!(a.too_long, "says the rest was left out");
    rt.dispatch_burst(
        &mut app,
        [Action::Key(KeyEvent::new(
            KeyCode::Char('u'),
            KeyModifiers::CONTROL,
        ))],
    );
    rt.dispatch_burst(
        &mut app,
        "natto"
            .chars()
            .map(|c| Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))),
    );
    let Some(Dialog::Add(a)) = &app.dialog else {
        panic!()
    };
    assert!(!a.too_long);
    assert_eq!(a.results.first().map(|i| i.key.as_str()), Some("natto"));
}
