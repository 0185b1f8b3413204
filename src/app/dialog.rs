//! The state of each dialog that opens over a view.

use super::input::TextInput;
use crate::domain::{Entry, Item, Profile, Stack};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    Add(AddDialog),
    Edit(EditForm),
    GoTo {
        input: TextInput,
        error: Option<String>,
    },
    Stacks(StackPicker),
    StackForm(StackForm),
    Profile(ProfileForm),
    Help {
        scroll: u16,
    },
    /// Top sources of one headline nutrient of the shown day (Tab: the next nutrient).
    Sources {
        nutrient: crate::domain::Shown,
    },
    /// What would close the shown day's gaps (`None` until the runtime has looked).
    Suggest {
        list: Option<Vec<crate::domain::suggest::Suggestions>>,
    },
    /// Making a recipe: name, servings, its foods with their quantities.
    Recipe(super::recipe_form::RecipeForm),
}

/// Add: a fuzzy search, then (once an item is picked) the quantity/time/meal form.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AddDialog {
    pub query: TextInput,
    pub results: Vec<Item>,
    pub selected: usize,
    pub form: Option<LogForm>,
    /// Opened on one item (a recipe just made): Esc from its form closes the dialog.
    pub back_closes: bool,
    /// Characters typed past [`MAX_QUERY`] were left out (the dialog says so).
    pub too_long: bool,
}

/// The longest search: a name is found by far fewer letters, and a paste of thousands would
/// only slow every search down (issue 14.12).
pub const MAX_QUERY: usize = 100;

/// The fields of a form, in order; `field` is the focused one.
pub const LOG_FIELDS: [&str; 3] = ["quantity", "time", "meal"];
pub const EDIT_FIELDS: [&str; 4] = ["quantity", "time", "meal", "note"];
/// The note's place among [`EDIT_FIELDS`] (the last).
pub const EDIT_NOTE: usize = EDIT_FIELDS.len() - 1;
pub const PROFILE_FIELDS: [&str; 5] = ["age", "sex", "goal", "reference", "warfarin"];
/// The choices of each profile field, toggled with ←/→/Space or picked by first letter (age is
/// typed). Each is a value `Profile::set` accepts (tested).
pub const PROFILE_CHOICES: [&[&str]; 5] = [
    &[],
    &["female", "male"],
    &["general", "bone"],
    &["seed", "official"],
    &["no", "yes"],
];

#[derive(Debug, Clone, PartialEq)]
pub struct LogForm {
    pub item: Item,
    /// quantity, time, meal
    pub fields: [TextInput; 3],
    pub field: usize,
    pub error: Option<String>,
    /// The user typed a meal: it no longer follows the time.
    pub meal_chosen: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EditForm {
    pub entry: Entry,
    /// quantity, time, meal, note
    pub fields: [TextInput; 4],
    pub field: usize,
    pub error: Option<String>,
}

/// The stacks, and the time the chosen one is logged at (typed over the default).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StackPicker {
    /// None until loaded.
    pub stacks: Option<Vec<Stack>>,
    pub selected: usize,
    pub time: TextInput,
    pub error: Option<String>,
}

impl StackPicker {
    /// The picker with `time` selected, so typing `0730` replaces it: a stack at a typed time is
    /// `s`, four digits, `Enter` (6 keys).
    pub fn at(time: chrono::NaiveTime) -> StackPicker {
        let mut p = StackPicker::default();
        p.time.set_default(&time.format("%H:%M").to_string());
        p
    }
}

/// The fields of the stack form: its name, and its items as `KEY=QUANTITY, …`.
pub const STACK_FIELDS: [&str; 2] = ["name", "items"];

/// Creating (no `original`) or editing a stack.
#[derive(Debug, Clone, PartialEq)]
pub struct StackForm {
    pub original: Option<String>,
    pub fields: [TextInput; 2],
    pub field: usize,
    pub error: Option<String>,
}

impl StackForm {
    pub fn new() -> StackForm {
        StackForm {
            original: None,
            fields: [TextInput::default(), TextInput::default()],
            field: 0,
            error: None,
        }
    }

    pub fn of(s: &Stack) -> StackForm {
        let items: Vec<String> = s
            .items
            .iter()
            .map(|i| format!("{}={}", i.key, i.quantity))
            .collect();
        StackForm {
            original: Some(s.name.clone()),
            fields: [TextInput::new(&s.name), TextInput::new(&items.join(", "))],
            field: 0,
            error: None,
        }
    }
}

impl Default for StackForm {
    fn default() -> Self {
        StackForm::new()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProfileForm {
    pub fields: [TextInput; 5],
    pub field: usize,
    pub error: Option<String>,
    /// Shown by itself on the first run: Esc keeps the defaults (saved, so it is asked once).
    pub first_run: bool,
}

impl ProfileForm {
    /// Toggles or picks the focused choice field; false when the key is not for it (or the
    /// field is typed, like age).
    pub fn choose(&mut self, k: &KeyEvent) -> bool {
        let choices = PROFILE_CHOICES[self.field];
        if choices.is_empty() {
            return false;
        }
        let now = choices
            .iter()
            .position(|c| *c == self.fields[self.field].value())
            .unwrap_or(0);
        let n = choices.len();
        let next = match k.code {
            KeyCode::Right | KeyCode::Char(' ') => (now + 1) % n,
            KeyCode::Left => (now + n - 1) % n,
            KeyCode::Char(c) => match choices.iter().position(|v| v.starts_with(c)) {
                Some(i) => i,
                None => return true, // not a choice: ignored, never typed into the field
            },
            KeyCode::Backspace | KeyCode::Delete => return true,
            _ => return false,
        };
        self.fields[self.field] = TextInput::new(choices[next]);
        true
    }

    pub fn of(p: &Profile) -> ProfileForm {
        let s = serde_json::to_value(p).unwrap_or_default();
        let text = |k: &str| match &s[k] {
            serde_json::Value::String(v) => v.clone(),
            serde_json::Value::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
            other => other.to_string(),
        };
        let mut fields = PROFILE_FIELDS.map(|f| TextInput::new(&text(f)));
        fields[0].select_all();
        ProfileForm {
            fields,
            field: 0,
            error: None,
            first_run: false,
        }
    }
}

impl EditForm {
    pub fn of(e: &Entry) -> EditForm {
        let opt = |o: &Option<String>| TextInput::new(o.as_deref().unwrap_or(""));
        let mut fields = [
            TextInput::new(&e.amount_display()),
            TextInput::new(&e.time_display()),
            opt(&e.meal),
            opt(&e.note),
        ];
        fields[0].select_all();
        EditForm {
            entry: e.clone(),
            fields,
            field: 0,
            error: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_profile_choice_is_accepted_by_the_profile() {
        for (field, choices) in PROFILE_FIELDS.iter().zip(PROFILE_CHOICES) {
            for c in choices {
                assert!(Profile::default().set(field, c).is_ok(), "{field} = {c}");
            }
        }
    }
}
