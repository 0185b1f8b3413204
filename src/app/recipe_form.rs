//! The recipe dialog (`r`): a name, how many servings it makes, then its foods found by search
//! (as in the add dialog), each with a quantity; a live preview of one serving; `Enter` on an
//! empty search saves it through the runtime, which checks it by the rules `intake recipe add`
//! follows ([`crate::domain::recipe::check`]) and asks before replacing a recipe of that name.

use super::action::Effect;
use super::dialog::{AddDialog, Dialog, LogForm};
use super::forms::Outcome;
use super::input::TextInput;
use super::{App, Command};
use crate::domain::nutrient::fmt_amount;
use crate::domain::recipe::{self, Part, Recipe};
use crate::domain::{Item, Kind, Nutrients, Quantity};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// Where the keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecipeFocus {
    Name,
    Serves,
    /// The search for the next food to add.
    Search,
    /// The list of the parts added so far.
    Parts,
}

/// One food of the recipe, with its quantity as typed ("200 g").
#[derive(Debug, Clone, PartialEq)]
pub struct RecipePart {
    pub item: Item,
    pub quantity: String,
}

impl RecipePart {
    /// What this part gives (none when its quantity no longer measures).
    pub fn nutrients(&self) -> Option<Nutrients> {
        let q = Quantity::parse(&self.quantity).ok()?;
        self.item.nutrients_for(&q).ok().map(|(_, n)| n)
    }
}

/// The quantity being typed for a food just picked (or for a part being changed).
#[derive(Debug, Clone, PartialEq)]
pub struct PartQuantity {
    pub item: Item,
    pub input: TextInput,
    /// The part whose quantity this changes; `None` adds a new part.
    pub part: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RecipeForm {
    pub name: TextInput,
    pub serves: TextInput,
    pub query: TextInput,
    /// Foods (and recipes) matching the query.
    pub results: Vec<Item>,
    pub selected: usize,
    pub parts: Vec<RecipePart>,
    /// The selected part, when the parts have the focus.
    pub part: usize,
    pub focus: RecipeFocus,
    pub quantity: Option<PartQuantity>,
    pub error: Option<String>,
    /// The diary holds a recipe of this name: `Enter` replaces it, any other key goes back.
    pub confirm: Option<Recipe>,
    /// `Esc` was pressed once on a form with something in it: `Esc` again discards it.
    pub discarding: bool,
    /// The form holds a saved recipe, opened to change it (`super::recipe_open`).
    pub opened: bool,
}

impl Default for RecipeForm {
    fn default() -> Self {
        let mut serves = TextInput::new("1");
        serves.select_all();
        RecipeForm {
            name: TextInput::default(),
            serves,
            query: TextInput::default(),
            results: Vec::new(),
            selected: 0,
            parts: Vec::new(),
            part: 0,
            focus: RecipeFocus::Name,
            quantity: None,
            error: None,
            confirm: None,
            discarding: false,
            opened: false,
        }
    }
}

impl RecipeForm {
    /// The servings typed, when they are a number `intake recipe add --serves` accepts.
    pub fn serves(&self) -> Option<f64> {
        recipe::parse_serves(self.serves.value()).ok()
    }

    /// One serving of the recipe as the form has it, summed by the same code as a saved recipe
    /// (ranges as ranges, unknown parts making a lower bound, forms apart); `None` until the
    /// servings are a number and there is a part.
    pub fn preview(&self) -> Option<Item> {
        let r = Recipe {
            key: String::new(),
            name: self.name.value().trim().to_string(),
            serves: self.serves()?,
            parts: self.recipe_parts(),
        };
        let get = |k: &str| {
            let found = self.parts.iter().find(|p| p.item.key == k);
            found.map(|p| p.item.clone())
        };
        r.item(&get).ok()
    }

    fn recipe_parts(&self) -> Vec<Part> {
        self.parts
            .iter()
            .map(|p| Part {
                key: p.item.key.clone(),
                quantity: p.quantity.clone(),
            })
            .collect()
    }

    fn save(&self, replace: bool) -> Effect {
        Effect::SaveRecipe {
            name: self.name.value().to_string(),
            serves: self.serves.value().to_string(),
            parts: self.recipe_parts(),
            replace,
        }
    }

    fn is_empty(&self) -> bool {
        self.name.value().trim().is_empty() && self.parts.is_empty()
    }

    /// Tab's order: the parts only once there are some.
    fn next_focus(&mut self, step: isize) {
        use RecipeFocus::*;
        let order: &[RecipeFocus] = if self.parts.is_empty() {
            &[Name, Serves, Search]
        } else {
            &[Name, Serves, Search, Parts]
        };
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0) as isize;
        let n = order.len() as isize;
        self.focus = order[(at + step).rem_euclid(n) as usize];
        match self.focus {
            Name => self.name.select_all(),
            Serves => self.serves.select_all(),
            Search | Parts => {}
        }
    }
}

/// `r`: a new, empty recipe.
pub(crate) fn open(app: &mut App) -> Vec<Effect> {
    app.dialog = Some(Dialog::Recipe(RecipeForm::default()));
    vec![]
}

fn stay(f: RecipeForm, effects: Vec<Effect>) -> Outcome {
    (Some(Dialog::Recipe(f)), effects)
}

pub(crate) fn key(app: &mut App, mut f: RecipeForm, k: KeyEvent) -> Outcome {
    if let Some(q) = f.quantity.take() {
        return quantity_key(f, q, k);
    }
    if f.confirm.take().is_some() {
        let effects = match k.code {
            KeyCode::Enter => vec![f.save(true)],
            _ => vec![],
        };
        return stay(f, effects);
    }
    if k.code == KeyCode::Esc {
        return esc(f);
    }
    f.discarding = false;
    match k.code {
        KeyCode::Tab => f.next_focus(1),
        KeyCode::BackTab => f.next_focus(-1),
        _ => {
            return match f.focus {
                RecipeFocus::Name | RecipeFocus::Serves => field_key(f, k),
                RecipeFocus::Search => search_key(f, k),
                RecipeFocus::Parts => parts_key(app, f, k),
            };
        }
    }
    stay(f, vec![])
}

/// Esc backs out of a search first; a form with something in it asks once before it is lost.
fn esc(mut f: RecipeForm) -> Outcome {
    if f.focus == RecipeFocus::Search && !f.query.value().is_empty() {
        f.query = TextInput::default();
        f.results.clear();
        return stay(f, vec![]);
    }
    if f.discarding || f.is_empty() {
        return (None, vec![]);
    }
    f.discarding = true;
    f.error = Some("Esc again discards this recipe; Enter on an empty search saves it".into());
    stay(f, vec![])
}

fn field_key(mut f: RecipeForm, k: KeyEvent) -> Outcome {
    match k.code {
        KeyCode::Enter => {
            let open = super::recipe_open::ask(&f);
            f.next_focus(1);
            return stay(f, open);
        }
        KeyCode::Down => f.next_focus(1),
        KeyCode::Up => f.next_focus(-1),
        _ => {
            let input = match f.focus {
                RecipeFocus::Name => &mut f.name,
                _ => &mut f.serves,
            };
            if input.handle(&k) {
                f.error = None;
            }
        }
    }
    stay(f, vec![])
}

fn search_key(mut f: RecipeForm, k: KeyEvent) -> Outcome {
    let searching = !f.query.value().is_empty();
    match k.code {
        KeyCode::Enter if !searching => {
            let save = f.save(false);
            return stay(f, vec![save]);
        }
        KeyCode::Enter => match f.results.get(f.selected) {
            Some(item) => f.quantity = Some(quantity_for(item.clone(), None)),
            None => f.error = Some(format!("No food matches `{}`", f.query.value())),
        },
        KeyCode::Up if searching && f.selected > 0 => f.selected -= 1,
        KeyCode::Down if searching && !f.results.is_empty() => {
            f.selected = (f.selected + 1).min(f.results.len() - 1)
        }
        KeyCode::Up => f.next_focus(-1),
        KeyCode::Down if !f.parts.is_empty() => f.next_focus(1),
        _ => {
            if f.query.handle(&k) {
                f.error = None;
                f.selected = 0;
                if f.query.value().is_empty() {
                    f.results.clear();
                } else {
                    let q = f.query.value().to_string();
                    return stay(f, vec![Effect::Search(q)]);
                }
            }
        }
    }
    stay(f, vec![])
}

/// The quantity field for `item`, its serving (or the part's quantity) selected.
fn quantity_for(item: Item, part: Option<(usize, &str)>) -> PartQuantity {
    let text = match part {
        Some((_, q)) => q.to_string(),
        None => format!("{} {}", fmt_amount(item.serving.amount), item.serving.unit),
    };
    let mut input = TextInput::new(&text);
    input.select_all();
    PartQuantity {
        item,
        input,
        part: part.map(|(i, _)| i),
    }
}

fn parts_key(app: &App, mut f: RecipeForm, k: KeyEvent) -> Outcome {
    let n = f.parts.len();
    let remove = matches!(k.code, KeyCode::Delete | KeyCode::Backspace)
        || app.keymap.command_for(&k) == Some(Command::Delete);
    match k.code {
        KeyCode::Up if f.part == 0 => f.next_focus(-1),
        KeyCode::Up => f.part -= 1,
        KeyCode::Down => f.part = (f.part + 1).min(n.saturating_sub(1)),
        KeyCode::Enter => {
            if let Some(p) = f.parts.get(f.part) {
                let q = quantity_for(p.item.clone(), Some((f.part, &p.quantity)));
                f.quantity = Some(q);
            }
        }
        _ if remove && f.part < n => {
            f.parts.remove(f.part);
            f.part = f.part.min(f.parts.len().saturating_sub(1));
            if f.parts.is_empty() {
                f.focus = RecipeFocus::Search;
            }
        }
        _ => {}
    }
    stay(f, vec![])
}

/// Typing the quantity of a part: Enter adds it (or changes it) once the food can be measured
/// so; Esc goes back without it.
fn quantity_key(mut f: RecipeForm, mut q: PartQuantity, k: KeyEvent) -> Outcome {
    match k.code {
        KeyCode::Esc => {
            f.error = None;
            return stay(f, vec![]);
        }
        KeyCode::Enter => {}
        _ => {
            q.input.handle(&k);
            f.quantity = Some(q);
            return stay(f, vec![]);
        }
    }
    let checked = Quantity::parse(q.input.value())
        .and_then(|qty| q.item.servings_for(&qty).map(|_| qty.display()));
    match checked {
        Ok(quantity) => {
            let part = RecipePart {
                item: q.item,
                quantity,
            };
            match q.part.filter(|i| *i < f.parts.len()) {
                Some(i) => f.parts[i] = part,
                None => {
                    f.parts.push(part);
                    f.query = TextInput::default();
                    f.results.clear();
                    f.focus = RecipeFocus::Search;
                }
            }
            f.error = None;
        }
        Err(e) => {
            f.error = Some(e.to_string());
            f.quantity = Some(q);
        }
    }
    stay(f, vec![])
}

/// Search results for the recipe's query: its foods (a recipe is made of foods).
pub(crate) fn found(f: &mut RecipeForm, items: Vec<Item>) {
    f.results = items.into_iter().filter(|i| i.kind == Kind::Food).collect();
    f.selected = 0;
}

/// The runtime's answer to a save: refused with why, or a recipe of that name exists.
pub(crate) fn refused(app: &mut App, why: String) -> Vec<Effect> {
    if let Some(Dialog::Recipe(f)) = &mut app.dialog {
        f.error = Some(why);
    }
    vec![]
}

pub(crate) fn exists(app: &mut App, old: Recipe) -> Vec<Effect> {
    if let Some(Dialog::Recipe(f)) = &mut app.dialog {
        f.error = None;
        f.confirm = Some(old);
    }
    vec![]
}

/// Saved: the log form opens on it, so the serving just eaten is one `Enter` away (`Esc` closes
/// it, logging nothing).
pub(crate) fn saved(app: &mut App, item: Item) -> Vec<Effect> {
    app.info(format!("Saved recipe {}", item.name));
    let form = LogForm::new(item.clone(), app.default_time());
    let add = AddDialog {
        query: TextInput::new(&item.name),
        results: vec![item],
        form: Some(form),
        back_closes: true,
        ..AddDialog::default()
    };
    app.dialog = Some(Dialog::Add(add));
    vec![]
}
