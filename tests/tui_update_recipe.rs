//! `app::update` in the recipe dialog (`r`): name, servings, foods found by search with their
//! quantities, the live preview, saving through the runtime's answer, replacing only once
//! confirmed, and logging a serving right after. No database or terminal.

mod tui_fixture;

use intake::app::{Action, Change, Dialog, Effect, RecipeFocus, RecipeForm, update};
use intake::domain::recipe::{Part, Recipe};
use intake::domain::{Nutrient, Shown, Value};
use ratatui::crossterm::event::KeyCode;
use tui_fixture::driver::{app, key, typed};
use tui_fixture::{cheese, d3, milk, natto};

fn form(a: &intake::app::App) -> &RecipeForm {
    match &a.dialog {
        Some(Dialog::Recipe(f)) => f,
        other => panic!("no recipe dialog: {other:?}"),
    }
}

/// Types `query` in the search and answers it with `items`, as the runtime would.
fn search(a: &mut intake::app::App, query: &str, items: Vec<intake::domain::Item>) -> usize {
    let effects = typed(a, query);
    assert_eq!(effects.last(), Some(&Effect::Search(query.to_string())));
    let query = query.to_string();
    update(a, Action::SearchResults { query, items });
    query_len(a)
}

fn query_len(a: &intake::app::App) -> usize {
    form(a).query.value().chars().count()
}

fn parts(list: &[(&str, &str)]) -> Vec<Part> {
    list.iter()
        .map(|(k, q)| Part {
            key: k.to_string(),
            quantity: q.to_string(),
        })
        .collect()
}

/// The whole flow, counted: r, the name, Enter, the servings over the selected 1, Enter; per
/// food its letters, Enter (pick), its quantity typed or kept, Enter; Enter saves; the log form
/// opens on the new recipe and Enter logs one serving.
#[test]
fn a_recipe_is_made_saved_and_logged_with_the_keys_counted() {
    let mut a = app();
    let mut keys = 0;
    assert_eq!(key(&mut a, KeyCode::Char('r')), vec![]);
    keys += 1;
    assert_eq!(form(&a).focus, RecipeFocus::Name);
    typed(&mut a, "Milk and cheese");
    key(&mut a, KeyCode::Enter);
    keys += 15 + 1;
    assert_eq!(form(&a).focus, RecipeFocus::Serves);
    typed(&mut a, "2"); // replaces the selected default 1
    key(&mut a, KeyCode::Enter);
    keys += 2;
    assert_eq!(
        (form(&a).serves.value(), form(&a).focus),
        ("2", RecipeFocus::Search)
    );

    // Supplements are not offered: a recipe is made of foods.
    keys += search(&mut a, "milk", vec![milk(), d3()]);
    assert_eq!(form(&a).results, vec![milk()]);
    key(&mut a, KeyCode::Enter);
    let q = form(&a).quantity.as_ref().unwrap();
    assert_eq!((q.input.value(), q.input.selected), ("1 cup", true));
    typed(&mut a, "2 cup");
    key(&mut a, KeyCode::Enter);
    keys += 2 + 5;
    let f = form(&a);
    assert_eq!((f.parts.len(), f.focus), (1, RecipeFocus::Search));
    assert!(f.query.value().is_empty() && f.results.is_empty());

    keys += search(&mut a, "chee", vec![cheese()]);
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter); // its serving, 1 oz
    keys += 2;
    // One serving: (600 + 200..300) / 2; K2 unknown in both, so unknown, never 0.
    let one = form(&a).preview().unwrap();
    assert_eq!(
        one.nutrients.get(Nutrient::Calcium),
        Value::range(400.0, 450.0)
    );
    assert_eq!(one.nutrients.shown(Shown::VitaminK2).display(), "?");

    let save = key(&mut a, KeyCode::Enter);
    keys += 1;
    let want = Effect::SaveRecipe {
        name: "Milk and cheese".into(),
        serves: "2".into(),
        parts: parts(&[("milk", "2 cup"), ("cheese", "1 oz")]),
        replace: false,
    };
    assert_eq!(save, vec![want]);
    assert!(form(&a).error.is_none(), "the dialog waits for the answer");

    let item = one.clone();
    update(&mut a, Action::RecipeSaved(item.clone()));
    let Some(Dialog::Add(add)) = &a.dialog else {
        panic!("the log form opens on the saved recipe")
    };
    assert_eq!(add.form.as_ref().unwrap().item, item);
    let logged = key(&mut a, KeyCode::Enter);
    keys += 1;
    let [
        Effect::Apply {
            change: Change::Insert(es),
            ..
        },
    ] = logged.as_slice()
    else {
        panic!("{logged:?}")
    };
    assert_eq!(es[0].nutrients, item.nutrients);
    assert_eq!(a.dialog, None);
    // r + "Milk and cheese" + Enter + 2 + Enter + "milk" Enter "2 cup" Enter + "chee" Enter
    // Enter + Enter (save) + Enter (log): the README's count.
    assert_eq!(keys, 1 + 15 + 1 + 2 + (4 + 2 + 5) + (4 + 2) + 1 + 1);
    assert_eq!(keys, 38);
}

#[test]
fn a_recipe_of_that_name_is_replaced_only_once_confirmed() {
    let mut a = app();
    key(&mut a, KeyCode::Char('r'));
    typed(&mut a, "Bowl");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    search(&mut a, "natto", vec![natto()]);
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    let first = key(&mut a, KeyCode::Enter);
    assert!(matches!(
        first.as_slice(),
        [Effect::SaveRecipe { replace: false, .. }]
    ));
    let old = Recipe {
        key: "bowl".into(),
        name: "Bowl".into(),
        serves: 4.0,
        parts: parts(&[("milk", "1 cup")]),
    };
    update(&mut a, Action::RecipeExists(old.clone()));
    assert_eq!(form(&a).confirm, Some(old.clone()));
    // Any other key goes back to the form, unsaved.
    assert_eq!(key(&mut a, KeyCode::Esc), vec![]);
    assert_eq!(form(&a).confirm, None);
    key(&mut a, KeyCode::Enter);
    update(&mut a, Action::RecipeExists(old));
    let again = key(&mut a, KeyCode::Enter);
    assert!(matches!(
        again.as_slice(),
        [Effect::SaveRecipe { replace: true, .. }]
    ));
    // A rule broken: the runtime's reason shows in the form, which stays.
    let why = "recipe `Bowl` would contain itself (bowl -> meal -> bowl)".to_string();
    update(&mut a, Action::RecipeRefused(why.clone()));
    assert_eq!(form(&a).error, Some(why));
    // Saved at last: Esc on the log form that opens leaves without logging.
    update(&mut a, Action::RecipeSaved(natto()));
    assert_eq!(key(&mut a, KeyCode::Esc), vec![]);
    assert_eq!(a.dialog, None);
}

#[test]
fn parts_are_changed_and_removed_and_bad_quantities_stay_with_the_reason() {
    let mut a = app();
    key(&mut a, KeyCode::Char('r'));
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Tab);
    assert_eq!(form(&a).focus, RecipeFocus::Search);
    search(&mut a, "milk", vec![milk()]);
    key(&mut a, KeyCode::Enter);
    typed(&mut a, "2 parsec");
    key(&mut a, KeyCode::Enter);
    let f = form(&a);
    assert!(f.error.as_deref().unwrap().contains("parsec"), "{f:?}");
    assert!(f.quantity.is_some() && f.parts.is_empty());
    key(&mut a, KeyCode::Esc); // back to the search, nothing added
    assert!(form(&a).quantity.is_none() && form(&a).parts.is_empty());
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    search(&mut a, "natto", vec![natto()]);
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    assert_eq!(form(&a).parts.len(), 2);

    // Tab reaches the parts once there are some: Enter changes the amount of the chosen one.
    key(&mut a, KeyCode::Tab);
    assert_eq!(form(&a).focus, RecipeFocus::Parts);
    key(&mut a, KeyCode::Down);
    key(&mut a, KeyCode::Enter);
    typed(&mut a, "6 oz");
    key(&mut a, KeyCode::Enter);
    let f = form(&a);
    assert_eq!(f.parts[1].quantity, "6 oz");
    assert_eq!(f.focus, RecipeFocus::Parts);
    // d (the delete key) removes it; Backspace the other; then the focus goes back to search.
    key(&mut a, KeyCode::Char('d'));
    assert_eq!(form(&a).parts.len(), 1);
    assert_eq!(form(&a).parts[0].item.key, "milk");
    key(&mut a, KeyCode::Backspace);
    let f = form(&a);
    assert!(f.parts.is_empty());
    assert_eq!(f.focus, RecipeFocus::Search);
}

#[test]
fn esc_clears_the_search_then_asks_before_losing_the_recipe() {
    let mut a = app();
    key(&mut a, KeyCode::Char('r'));
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.dialog, None, "an empty form closes at once");

    key(&mut a, KeyCode::Char('r'));
    typed(&mut a, "Soup");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Enter);
    typed(&mut a, "mil");
    key(&mut a, KeyCode::Esc);
    let f = form(&a);
    assert!(f.query.value().is_empty() && !f.discarding);
    key(&mut a, KeyCode::Esc);
    assert!(form(&a).discarding);
    assert!(form(&a).error.as_deref().unwrap().contains("Esc again"));
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.dialog, None);
}

#[test]
fn results_of_an_older_query_are_ignored_and_the_preview_needs_servings() {
    let mut a = app();
    key(&mut a, KeyCode::Char('r'));
    key(&mut a, KeyCode::Enter);
    typed(&mut a, "0");
    assert_eq!(form(&a).serves(), None);
    key(&mut a, KeyCode::Enter);
    typed(&mut a, "mi");
    let stale = Action::SearchResults {
        query: "m".into(),
        items: vec![milk()],
    };
    update(&mut a, stale);
    assert!(form(&a).results.is_empty());
    let f = form(&a);
    assert_eq!(f.preview(), None);
}

/// Enter on the name of a dialog without foods asks for the saved recipe of that name; the answer
/// fills the servings and foods (a part whose item is gone is named and left out), and saving it
/// asks before replacing the old one. A dialog that has foods asks nothing and keeps them.
#[test]
fn a_saved_recipe_opened_by_its_name_is_changed_and_saved_over_once_confirmed() {
    let mut a = app();
    key(&mut a, KeyCode::Char('r'));
    typed(&mut a, "milk and cheese");
    let asked = key(&mut a, KeyCode::Enter);
    assert_eq!(asked, vec![Effect::OpenRecipe("milk and cheese".into())]);
    let old = Recipe {
        key: "milk-and-cheese".into(),
        name: "Milk and cheese".into(),
        serves: 2.0,
        parts: parts(&[("milk", "2 cup"), ("cheese", "1 oz"), ("gone", "1 cup")]),
    };
    update(
        &mut a,
        Action::RecipeOpened(old.clone(), vec![cheese(), milk()]),
    );
    let f = form(&a);
    assert!(f.opened);
    let got = (f.name.value(), f.serves.value(), f.serves.selected, f.focus);
    assert_eq!(got, ("Milk and cheese", "2", true, RecipeFocus::Serves));
    assert_eq!(
        f.error.as_deref(),
        Some("No longer an item, left out: gone")
    );
    let kept = parts(&[("milk", "2 cup"), ("cheese", "1 oz")]);
    let save = |replace| Effect::SaveRecipe {
        name: "Milk and cheese".into(),
        serves: "2".into(),
        parts: kept.clone(),
        replace,
    };
    key(&mut a, KeyCode::Enter);
    assert_eq!(key(&mut a, KeyCode::Enter), vec![save(false)]);
    update(&mut a, Action::RecipeExists(old.clone()));
    assert_eq!(key(&mut a, KeyCode::Enter), vec![save(true)]);

    key(&mut a, KeyCode::BackTab);
    key(&mut a, KeyCode::BackTab);
    assert_eq!(form(&a).focus, RecipeFocus::Name);
    assert_eq!(
        key(&mut a, KeyCode::Enter),
        vec![],
        "it has foods: nothing asked"
    );
    let mut other = old;
    other.parts.truncate(1);
    update(&mut a, Action::RecipeOpened(other, vec![milk()]));
    assert_eq!(form(&a).parts.len(), 2, "a late answer changes nothing");
}
