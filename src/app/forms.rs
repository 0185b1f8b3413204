//! Keys inside dialogs: search, forms, pickers. Text keys type; Esc backs out.

use super::action::{Change, Effect, Origin};
use super::dialog::{AddDialog, Dialog, EDIT_NOTE, EditForm, LogForm, MAX_QUERY, ProfileForm};
use super::input::TextInput;
use super::update::{command, dialog_closed, go_to_date, log_new};
use super::{App, Command};
use crate::domain::nutrient::fmt_amount;
use crate::domain::units::MAX_SERVINGS;
use crate::domain::week::{parse_date, parse_time};
use crate::domain::{Entry, Item, Kind, LogRequest, Quantity, Unit};
use chrono::{NaiveTime, Timelike};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub(crate) fn dialog_key(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    let Some(dialog) = app.dialog.take() else {
        return vec![];
    };
    app.submitted = None;
    let (kept, mut effects) = match dialog {
        Dialog::Add(a) => add_key(app, a, k),
        Dialog::Edit(f) => edit_key(app, f, k),
        Dialog::GoTo { input, error } => goto_key(app, input, error, k),
        Dialog::Stacks(p) => super::stack_form::picker_key(app, p, k),
        Dialog::StackForm(f) => super::stack_form::form_key(f, k),
        Dialog::Profile(f) => profile_key(app, f, k),
        Dialog::Help { scroll } => help_key(app, scroll, k),
        Dialog::Sources { nutrient } => super::panels::sources_key(app, nutrient, k),
        Dialog::Suggest { list } => super::panels::suggest_key(app, list, k),
        Dialog::Recipe(f) => super::recipe_form::key(app, f, k),
    };
    if app.dialog.is_none() {
        app.dialog = kept;
    }
    if app.dialog.is_none() {
        effects.extend(dialog_closed(app));
    }
    effects
}

pub(crate) type Outcome = (Option<Dialog>, Vec<Effect>);

fn add_key(app: &mut App, mut a: AddDialog, k: KeyEvent) -> Outcome {
    if let Some(form) = a.form.take() {
        return match log_form_key(app, form, k) {
            FormStep::Stay(f) => {
                a.form = Some(f);
                (Some(Dialog::Add(a)), vec![])
            }
            FormStep::Back if a.back_closes => (None, vec![]),
            FormStep::Back => (Some(Dialog::Add(a)), vec![]),
            FormStep::Done(f, effects) => {
                a.form = Some(f);
                app.submitted = Some(Dialog::Add(a));
                (None, effects)
            }
        };
    }
    match k.code {
        KeyCode::Esc => (None, vec![]),
        KeyCode::Up => {
            a.selected = a.selected.saturating_sub(1);
            (Some(Dialog::Add(a)), vec![])
        }
        KeyCode::Down => {
            a.selected = (a.selected + 1).min(a.results.len().saturating_sub(1));
            (Some(Dialog::Add(a)), vec![])
        }
        KeyCode::Enter | KeyCode::Tab => {
            if let Some(item) = a.results.get(a.selected) {
                a.form = Some(LogForm::new(item.clone(), app.default_time()));
            }
            (Some(Dialog::Add(a)), vec![])
        }
        _ if types_past(&a.query, &k, MAX_QUERY) => {
            a.too_long = true;
            (Some(Dialog::Add(a)), vec![])
        }
        _ => {
            let effects = if a.query.handle(&k) {
                a.too_long = false;
                vec![Effect::Search(a.query.value().to_string())]
            } else {
                vec![]
            };
            (Some(Dialog::Add(a)), effects)
        }
    }
}

/// `k` would type a character into `input`, which holds `max` already.
fn types_past(input: &TextInput, k: &KeyEvent, max: usize) -> bool {
    let typing = matches!(k.code, KeyCode::Char(_))
        && !k
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    typing && !input.selected && input.value().chars().count() >= max
}

impl LogForm {
    pub fn new(item: Item, time: NaiveTime) -> LogForm {
        let qty = format!("{} {}", fmt_amount(item.serving.amount), item.serving.unit);
        let meal = meal_for(&item, time);
        let mut fields = [
            TextInput::new(&qty),
            TextInput::new(&time.format("%H:%M").to_string()),
            TextInput::new(meal),
        ];
        fields[0].select_all();
        LogForm {
            item,
            fields,
            field: 0,
            error: None,
            meal_chosen: false,
        }
    }

    /// Until the user types a meal, the meal follows the time typed (08:00 breakfast, 12:30
    /// lunch).
    fn follow_time(&mut self) {
        if self.meal_chosen {
            return;
        }
        if let Ok(t) = parse_time(self.fields[1].value()) {
            let meal = meal_for(&self.item, t);
            if self.fields[2].value() != meal {
                self.fields[2] = TextInput::new(meal);
            }
        }
    }
}

/// The meal a new entry of `item` at `t` gets by default: foods only.
fn meal_for(item: &Item, t: NaiveTime) -> &'static str {
    if item.kind == Kind::Food {
        meal_at(t)
    } else {
        ""
    }
}

/// A meal label guessed from the time of day (the user may change it).
fn meal_at(t: NaiveTime) -> &'static str {
    match t.hour() {
        0..=10 => "breakfast",
        11..=14 => "lunch",
        15..=16 => "snack",
        _ => "dinner",
    }
}

enum FormStep<F> {
    Stay(F),
    Back,
    /// Submitted: the form, kept until its change is written (see `App::submitted`).
    Done(F, Vec<Effect>),
}

/// Moves the focus or edits the focused field; None when the key is Enter or Esc.
pub(crate) fn form_nav(fields: &mut [TextInput], field: &mut usize, k: &KeyEvent) -> bool {
    let n = fields.len();
    match k.code {
        KeyCode::Tab | KeyCode::Down => {
            *field = (*field + 1) % n;
            fields[*field].select_all();
        }
        KeyCode::BackTab | KeyCode::Up => {
            *field = (*field + n - 1) % n;
            fields[*field].select_all();
        }
        KeyCode::Enter | KeyCode::Esc => return false,
        _ => {
            fields[*field].handle(k);
        }
    }
    true
}

fn log_form_key(app: &mut App, mut f: LogForm, k: KeyEvent) -> FormStep<LogForm> {
    let meal_before = f.fields[2].value().to_string();
    if form_nav(&mut f.fields, &mut f.field, &k) {
        f.meal_chosen |= f.fields[2].value() != meal_before;
        f.follow_time();
        return FormStep::Stay(f);
    }
    if k.code == KeyCode::Esc {
        return FormStep::Back;
    }
    match build_entry(app, &f) {
        Ok(e) => {
            f.error = None;
            let effects = log_new(app, vec![e], "");
            FormStep::Done(f, effects)
        }
        Err(msg) => {
            f.error = Some(msg);
            FormStep::Stay(f)
        }
    }
}

/// A meal or note field as stored, or why it is refused (the rule of the CLI too).
fn optional(what: &str, t: &TextInput) -> Result<Option<String>, String> {
    crate::domain::text::label(what, t.value())
}

fn build_entry(app: &App, f: &LogForm) -> Result<Entry, String> {
    let quantity = Quantity::parse(f.fields[0].value()).map_err(|e| e.to_string())?;
    let time = parse_time(f.fields[1].value()).map_err(|e| e.to_string())?;
    Entry::log(LogRequest {
        item: &f.item,
        quantity,
        date: app.date,
        time,
        meal: optional("meal", &f.fields[2])?,
        note: None,
    })
    .map_err(|e| e.to_string())
}

fn edit_key(app: &mut App, mut f: EditForm, k: KeyEvent) -> Outcome {
    if k.code == KeyCode::Char('e') && k.modifiers.contains(KeyModifiers::CONTROL) {
        // The note, in the user's editor (the loop runs it and answers NoteEdited).
        f.field = EDIT_NOTE;
        app.editor = Some(f.fields[EDIT_NOTE].value().to_string());
        return (Some(Dialog::Edit(f)), vec![]);
    }
    if form_nav(&mut f.fields, &mut f.field, &k) {
        return (Some(Dialog::Edit(f)), vec![]);
    }
    if k.code == KeyCode::Esc {
        return (None, vec![]);
    }
    match edited(&f) {
        Ok(after) if after == f.entry => (None, vec![]),
        Ok(after) => {
            let change = Change::Update {
                before: f.entry.clone(),
                after,
            };
            f.error = None;
            app.submitted = Some(Dialog::Edit(f));
            (
                None,
                vec![Effect::Apply {
                    change,
                    origin: Origin::New,
                }],
            )
        }
        Err(msg) => {
            f.error = Some(msg);
            (Some(Dialog::Edit(f)), vec![])
        }
    }
}

/// The note as the editor left it, in the edit form (one line: the editor's lines joined by a
/// space, control characters left out, the file's last newline dropped).
pub(crate) fn note_edited(app: &mut App, text: &str) -> Vec<Effect> {
    if let Some(Dialog::Edit(f)) = &mut app.dialog {
        let note = text
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let note: String = note.chars().filter(|c| !c.is_control()).collect();
        f.fields[EDIT_NOTE] = TextInput::new(&note);
        f.field = EDIT_NOTE;
        f.error = None;
    }
    vec![]
}

/// The entry with the form's values. A new quantity rescales the nutrients as logged, so it must
/// be in servings or in the entry's own unit.
fn edited(f: &EditForm) -> Result<Entry, String> {
    let e = &f.entry;
    let q = Quantity::parse(f.fields[0].value()).map_err(|e| e.to_string())?;
    let servings = if q.unit == Unit::Serving {
        q.amount
    } else if q.unit.name() == e.unit && e.quantity > 0.0 {
        e.servings * q.amount / e.quantity
    } else {
        return Err(format!(
            "give the amount in {} or in servings (to change the unit, delete and add again)",
            e.unit
        ));
    };
    if servings > MAX_SERVINGS || e.servings <= 0.0 {
        return Err(format!(
            "{} is too much: at most {MAX_SERVINGS} servings",
            q.display()
        ));
    }
    // An entry without a time keeps none until one is typed (never a guessed time).
    let time = match f.fields[1].value().trim() {
        "" | crate::domain::entry::TIME_UNKNOWN => None,
        t => Some(parse_time(t).map_err(|e| e.to_string())?),
    };
    Ok(Entry {
        quantity: q.amount,
        unit: q.unit.name(),
        servings,
        nutrients: e.nutrients.scale(servings / e.servings),
        time,
        meal: optional("meal", &f.fields[2])?,
        note: optional("note", &f.fields[3])?,
        ..e.clone()
    })
}

fn goto_key(app: &mut App, mut input: TextInput, error: Option<String>, k: KeyEvent) -> Outcome {
    match k.code {
        KeyCode::Esc => (None, vec![]),
        KeyCode::Enter => match parse_date(input.value(), app.today) {
            Ok(d) => (None, go_to_date(app, d)),
            Err(e) => (
                Some(Dialog::GoTo {
                    input,
                    error: Some(e.to_string()),
                }),
                vec![],
            ),
        },
        _ => {
            input.handle(&k);
            (Some(Dialog::GoTo { input, error }), vec![])
        }
    }
}

fn profile_key(app: &mut App, mut f: ProfileForm, k: KeyEvent) -> Outcome {
    if f.choose(&k) {
        f.error = None;
        return (Some(Dialog::Profile(f)), vec![]);
    }
    if form_nav(&mut f.fields, &mut f.field, &k) {
        return (Some(Dialog::Profile(f)), vec![]);
    }
    if k.code == KeyCode::Esc {
        if f.first_run {
            // Skipped: keep the defaults, stored so that the question is asked once.
            return (None, vec![Effect::SaveProfile(app.profile.clone())]);
        }
        return (None, vec![]);
    }
    let mut p = app.profile.clone();
    for (name, input) in super::dialog::PROFILE_FIELDS.iter().zip(&f.fields) {
        if let Err(e) = p.set(name, input.value()) {
            f.error = Some(e.to_string());
            return (Some(Dialog::Profile(f)), vec![]);
        }
    }
    (None, vec![Effect::SaveProfile(p)])
}

fn help_key(app: &mut App, scroll: u16, k: KeyEvent) -> Outcome {
    let cmd = app.keymap.command_for(&k);
    match (k.code, cmd) {
        (KeyCode::Esc, _) | (_, Some(Command::Help | Command::Legend | Command::Back)) => {
            (None, vec![])
        }
        (_, Some(Command::Quit)) => (None, command(app, Command::Quit)),
        (KeyCode::Up, _) | (_, Some(Command::Up)) => (
            Some(Dialog::Help {
                scroll: scroll.saturating_sub(1),
            }),
            vec![],
        ),
        (KeyCode::Down, _) | (_, Some(Command::Down)) => (
            Some(Dialog::Help {
                scroll: scroll.saturating_add(1),
            }),
            vec![],
        ),
        _ => (Some(Dialog::Help { scroll }), vec![]),
    }
}
