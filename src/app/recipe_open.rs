//! Changing a saved recipe in the app: `Enter` on the name of a recipe dialog that has no foods
//! yet opens the saved recipe of that name (or key), its servings and foods filled in. Saving it
//! asks before replacing the old one, as for any recipe of the same name.

use super::action::Effect;
use super::dialog::Dialog;
use super::recipe_form::{RecipeFocus, RecipeForm, RecipePart};
use super::{App, TextInput};
use crate::domain::nutrient::fmt_amount;
use crate::domain::{Item, Recipe};

/// Asks the runtime for the saved recipe the form names, when the form has no foods yet.
pub(super) fn ask(f: &RecipeForm) -> Vec<Effect> {
    let name = f.name.value().trim();
    match f.focus == RecipeFocus::Name && f.parts.is_empty() && !name.is_empty() {
        true => vec![Effect::OpenRecipe(name.to_string())],
        false => vec![],
    }
}

/// The saved recipe `r` (with the items of its parts still known) fills the dialog, unless the
/// user has meanwhile added a food. A part whose item is gone is named, not kept.
pub(crate) fn opened(app: &mut App, r: Recipe, items: Vec<Item>) -> Vec<Effect> {
    let Some(Dialog::Recipe(f)) = &mut app.dialog else {
        return vec![];
    };
    if !f.parts.is_empty() {
        return vec![];
    }
    let mut gone = Vec::new();
    for p in &r.parts {
        match items.iter().find(|i| i.key == p.key) {
            Some(item) => f.parts.push(RecipePart {
                item: item.clone(),
                quantity: p.quantity.clone(),
            }),
            None => gone.push(p.key.as_str()),
        }
    }
    f.name = TextInput::new(&r.name);
    f.serves = TextInput::new(&fmt_amount(r.serves));
    f.serves.select_all(); // the focus is on it (Enter left the name): typing replaces it
    f.opened = true;
    f.error = match gone.is_empty() {
        true => None,
        false => Some(format!("No longer an item, left out: {}", gone.join(", "))),
    };
    vec![]
}
