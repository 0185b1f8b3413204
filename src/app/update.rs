//! `update`: one action in, the state changed and the effects the runtime must run out.

use super::action::{Action, Change, DayData, Effect, Origin};
use super::dialog::{AddDialog, Dialog, EditForm, ProfileForm, StackPicker};
use super::keymap::Command;
use super::{App, Screen, forms, history};
use crate::domain::{Entry, Kind, Shown};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Applies one action to the app and returns what the runtime must do next.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if !matches!(action, Action::Tick(_)) {
        app.dirty = true;
    }
    match action {
        Action::Key(k) => on_key(app, k),
        Action::Command(c) => command(app, c),
        Action::Tick(now) => tick(app, now),
        Action::DayLoaded(d) => day_loaded(app, d),
        Action::WeekLoaded(w) => {
            app.week = Some(w);
            vec![]
        }
        Action::TrendLoaded(t) => {
            app.trend = Some(t);
            vec![]
        }
        Action::SearchResults { query, items } => {
            match &mut app.dialog {
                Some(Dialog::Add(a)) if a.query.value() == query => {
                    a.results = items;
                    a.selected = 0;
                }
                Some(Dialog::Recipe(f)) if f.query.value() == query => {
                    super::recipe_form::found(f, items)
                }
                _ => {}
            }
            vec![]
        }
        Action::Applied { change, origin } => history::applied(app, change, origin),
        Action::Stale { origin, why } => history::stale(app, origin, why),
        Action::StacksLoaded(s) => {
            if let Some(Dialog::Stacks(p)) = &mut app.dialog {
                p.stacks = Some(s);
                p.selected = 0;
            }
            vec![]
        }
        Action::StackResolved { name, entries } => {
            log_new(app, entries, &format!("stack `{name}` is empty"))
        }
        Action::SupplementsLoaded { from, entries } => copy_supplements(app, from, entries),
        Action::ProfileSaved(p) => {
            app.profile = p;
            app.info(format!("Profile saved: {}", app.profile.summary()));
            app.reload()
        }
        Action::ProfileLoaded(p) => {
            app.profile = p;
            app.reload()
        }
        Action::ExternalChange => external_change(app),
        Action::NoteEdited(text) => forms::note_edited(app, &text),
        Action::PlanLoaded(p) => super::plan_view::loaded(app, p),
        Action::SuggestionsLoaded(s) => super::panels::suggestions_loaded(app, s),
        Action::StackSaved(name) => {
            app.info(format!("Saved stack {name}"));
            let picker = StackPicker::at(app.default_time());
            open(app, Dialog::Stacks(picker), vec![Effect::LoadStacks])
        }
        Action::RecipeSaved(item) => super::recipe_form::saved(app, item),
        Action::RecipeRefused(why) => super::recipe_form::refused(app, why),
        Action::RecipeExists(old) => super::recipe_form::exists(app, old),
        Action::RecipeOpened(r, items) => super::recipe_open::opened(app, r, items),
        Action::Info(s) => {
            app.info(s);
            vec![]
        }
        Action::Error(s) => {
            app.error(s);
            vec![]
        }
        Action::NotWritten(why) => history::not_written(app, why),
        Action::ClockNote(n) => {
            let done = app.status.as_ref().map(|s| format!("{} · ", s.text));
            app.info(format!("{}note: {n}", done.unwrap_or_default()));
            vec![]
        }
    }
}

fn on_key(app: &mut App, k: KeyEvent) -> Vec<Effect> {
    if k.kind == KeyEventKind::Release {
        return vec![];
    }
    if k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL) {
        app.running = false;
        return vec![];
    }
    if app.dialog.is_some() {
        return forms::dialog_key(app, k);
    }
    if app.filter.as_ref().is_some_and(|f| f.typing) {
        return super::filter::key(app, k);
    }
    // Enter on a day of the week view opens it (before the keymap: Enter also logs a planned
    // dose in the plan view).
    if k.code == KeyCode::Enter && app.screen == Screen::Week {
        return show(app, Screen::Day);
    }
    match app.keymap.command_for(&k) {
        Some(c) => command(app, c),
        None => vec![],
    }
}

/// Runs a command of the keymap on the current view.
pub(crate) fn command(app: &mut App, c: Command) -> Vec<Effect> {
    match c {
        Command::Quit => {
            app.running = false;
            vec![]
        }
        Command::Help => open(app, Dialog::Help { scroll: 0 }, vec![]),
        Command::Filter => super::filter::start(app),
        Command::Legend => {
            app.legend = !app.legend;
            vec![]
        }
        Command::Back => back(app),
        Command::Add => open(
            app,
            Dialog::Add(AddDialog::default()),
            vec![Effect::Search(String::new())],
        ),
        Command::Edit => edit(app),
        Command::Delete => delete(app),
        Command::Undo => history::step(app, Origin::Undo),
        Command::Redo => history::step(app, Origin::Redo),
        Command::PrevDay => go_to(app, app.date - Duration::days(1)),
        Command::NextDay => go_to(app, app.date + Duration::days(1)),
        Command::PrevWeek => go_to(app, app.date - Duration::days(7)),
        Command::NextWeek => go_to(app, app.date + Duration::days(7)),
        Command::Today => go_to(app, app.today),
        Command::GotoDate => open(
            app,
            Dialog::GoTo {
                input: Default::default(),
                error: None,
            },
            vec![],
        ),
        Command::WeekView => {
            // Again in the week view: between the calendar week and the last 7 days.
            if app.screen == Screen::Week {
                app.week_rolling = !app.week_rolling;
            }
            show(app, Screen::Week)
        }
        Command::Trends => {
            if app.screen == Screen::Trends {
                app.trend_days = if app.trend_days == 30 { 90 } else { 30 };
            }
            show(app, Screen::Trends)
        }
        Command::NextNutrient => next_nutrient(app),
        Command::Sources => super::panels::open_sources(app),
        Command::Suggest => super::panels::open_suggest(app),
        Command::Stacks => {
            let picker = StackPicker::at(app.default_time());
            open(app, Dialog::Stacks(picker), vec![Effect::LoadStacks])
        }
        Command::Recipe => super::recipe_form::open(app),
        Command::PlanView => show(app, Screen::Plan),
        Command::LogPlanned if app.screen == Screen::Plan => super::plan_view::log_planned(app),
        Command::LogPlanned => vec![],
        Command::CopyYesterday => vec![Effect::LoadSupplements(app.date - Duration::days(1))],
        Command::Export => vec![Effect::ExportWeek(app.date.iso_week(), app.profile.clone())],
        Command::Profile => open(app, Dialog::Profile(ProfileForm::of(&app.profile)), vec![]),
        Command::Up if app.screen == Screen::Week => go_to(app, app.date - Duration::days(1)),
        Command::Down if app.screen == Screen::Week => go_to(app, app.date + Duration::days(1)),
        Command::ScrollDown => {
            let n = app.day.as_ref().map_or(0, |d| d.warnings.len());
            app.warnings_scroll = (app.warnings_scroll + 1).min(n.saturating_sub(1));
            vec![]
        }
        Command::ScrollUp => {
            app.warnings_scroll = app.warnings_scroll.saturating_sub(1);
            vec![]
        }
        Command::Up => select(app, -1),
        Command::Down => select(app, 1),
    }
}

fn open(app: &mut App, d: Dialog, effects: Vec<Effect>) -> Vec<Effect> {
    app.dialog = Some(d);
    effects
}

fn back(app: &mut App) -> Vec<Effect> {
    if app.screen == Screen::Day {
        if app.filter.take().is_none() {
            app.status = None;
        }
        return vec![];
    }
    show(app, Screen::Day)
}

fn show(app: &mut App, s: Screen) -> Vec<Effect> {
    app.screen = s;
    app.reload()
}

fn go_to(app: &mut App, date: NaiveDate) -> Vec<Effect> {
    if date != app.date {
        app.selected = 0;
        app.warnings_scroll = 0;
    }
    app.date = date;
    app.reload()
}

pub(crate) fn go_to_date(app: &mut App, date: NaiveDate) -> Vec<Effect> {
    go_to(app, date)
}

fn next_nutrient(app: &mut App) -> Vec<Effect> {
    if app.screen != Screen::Trends {
        return vec![];
    }
    let i = Shown::ALL
        .iter()
        .position(|s| *s == app.trend_nutrient)
        .unwrap_or(0);
    app.trend_nutrient = Shown::ALL[(i + 1) % Shown::ALL.len()];
    vec![]
}

fn select(app: &mut App, step: i64) -> Vec<Effect> {
    if app.screen == Screen::Plan {
        return super::plan_view::select(app, step);
    }
    let n = app.shown_entries().len();
    if n > 0 {
        let i = (app.selected as i64 + step).clamp(0, n as i64 - 1);
        app.selected = i as usize;
    }
    vec![]
}

fn edit(app: &mut App) -> Vec<Effect> {
    match app.selected_entry().map(EditForm::of) {
        Some(f) => open(app, Dialog::Edit(f), vec![]),
        None => {
            app.info("No entry to edit on this day");
            vec![]
        }
    }
}

fn delete(app: &mut App) -> Vec<Effect> {
    match app.selected_entry().cloned() {
        Some(e) => vec![Effect::Apply {
            change: Change::Delete(vec![e]),
            origin: Origin::New,
        }],
        None => {
            app.info("No entry to delete on this day");
            vec![]
        }
    }
}

/// Another process wrote: read again everything the app shows from the diary (the profile, and
/// with it the shown screen; the user's items and the recent ones; an open stack list; an open
/// search).
fn external_change(app: &App) -> Vec<Effect> {
    let mut out = vec![Effect::LoadItems, Effect::LoadProfile];
    match &app.dialog {
        Some(Dialog::Stacks(_)) => out.push(Effect::LoadStacks),
        Some(Dialog::Add(a)) if a.form.is_none() => {
            out.push(Effect::Search(a.query.value().to_string()))
        }
        Some(Dialog::Recipe(f)) if !f.query.value().is_empty() => {
            out.push(Effect::Search(f.query.value().to_string()))
        }
        _ => {}
    }
    out
}

fn day_loaded(app: &mut App, d: DayData) -> Vec<Effect> {
    if d.date != app.date {
        return vec![];
    }
    app.day = Some(d);
    let shown = app.shown_entries();
    let just_logged = app
        .select_id
        .and_then(|id| shown.iter().position(|e| e.id == id));
    let n = shown.len();
    app.select_id = None;
    app.selected = just_logged.unwrap_or(app.selected).min(n.saturating_sub(1));
    vec![]
}

/// Logs new entries as one undoable change.
pub(crate) fn log_new(app: &mut App, entries: Vec<Entry>, empty: &str) -> Vec<Effect> {
    if entries.is_empty() {
        app.info(empty.to_string());
        return vec![];
    }
    vec![Effect::Apply {
        change: Change::Insert(entries),
        origin: Origin::New,
    }]
}

fn copy_supplements(app: &mut App, from: NaiveDate, entries: Vec<Entry>) -> Vec<Effect> {
    let copies: Vec<Entry> = entries
        .into_iter()
        // The daily stack and the daily medicine (levothyroxine, warfarin), so the spacing
        // and dose rules see a copied day whole; foods vary too much to copy.
        .filter(|e| e.kind != Kind::Food)
        .map(|e| Entry {
            id: 0,
            date: app.date,
            ..e
        })
        .collect();
    let empty = format!("No supplements or medicines logged on {from}");
    log_new(app, copies, &empty)
}

fn tick(app: &mut App, now: NaiveDateTime) -> Vec<Effect> {
    app.now = now;
    if app.status.as_ref().is_some_and(|s| s.expired(now)) {
        app.status = None;
        app.dirty = true;
    }
    if now.date() == app.today {
        return vec![];
    }
    app.dirty = true;
    let follow = app.date == app.today;
    app.today = now.date();
    if follow && app.dialog.is_some() {
        app.day_changed_under_dialog = true;
    } else if follow {
        return go_to(app, app.today);
    }
    vec![]
}

/// A dialog closed: the view follows a midnight that passed while it was open.
pub(crate) fn dialog_closed(app: &mut App) -> Vec<Effect> {
    if std::mem::take(&mut app.day_changed_under_dialog) && app.date != app.today {
        return go_to(app, app.today);
    }
    vec![]
}
