//! App state, actions, effects and `update`: the whole behaviour of the terminal app, pure.
//!
//! `update(&mut App, Action) -> Vec<Effect>` does no IO and reads no clock; the runtime
//! (`crate::tui`) runs the effects against the store and feeds the results back as actions.

pub mod action;
pub mod dialog;
pub mod filter;
mod forms;
mod history;
pub mod input;
pub mod keymap;
pub mod keyspec;
mod panels;
mod plan_view;
pub mod recipe_form;
mod recipe_open;
mod stack_form;
mod update;

pub use action::{Action, Change, DayData, DaySummary, Effect, Origin, SpanData};
pub use dialog::{AddDialog, Dialog, EditForm, LogForm, ProfileForm, StackForm, StackPicker};
pub use input::TextInput;
pub use keymap::{Command, Keymap};
pub use recipe_form::{RecipeFocus, RecipeForm, RecipePart};
pub use update::update;

use crate::domain::{Profile, Shown};
use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// The main views; dialogs open over them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Day,
    Week,
    Trends,
    /// The day's plan: each regular dose at its time, taken, due or late.
    Plan,
}

/// The status line: the last thing that happened, or what went wrong. It clears itself after
/// a while (see [`Status::expired`]) so a stale "Wrote week W48" does not linger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
    /// When it was set (the app's clock).
    pub at: NaiveDateTime,
}

impl Status {
    /// How long a message stays: news briefly, an error long enough to read it twice.
    pub const INFO_SECS: i64 = 8;
    pub const ERROR_SECS: i64 = 20;

    pub fn expired(&self, now: NaiveDateTime) -> bool {
        let secs = if self.error {
            Self::ERROR_SECS
        } else {
            Self::INFO_SECS
        };
        (now - self.at).num_seconds() >= secs
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct App {
    /// The local date and time, given by the loop.
    pub today: NaiveDate,
    pub now: NaiveDateTime,
    /// The day shown (the week and trends are of this day too).
    pub date: NaiveDate,
    pub screen: Screen,
    pub dialog: Option<Dialog>,
    pub day: Option<DayData>,
    pub week: Option<SpanData>,
    pub trend: Option<SpanData>,
    pub trend_days: u16,
    /// The week view shows the 7 days ending on the shown day instead of its ISO week.
    pub week_rolling: bool,
    pub trend_nutrient: Shown,
    /// How many of the day's warnings are scrolled past (the first one shown).
    pub warnings_scroll: usize,
    pub plan: Option<crate::domain::plan::Plan>,
    /// Index of the selected dose of the plan.
    pub plan_selected: usize,
    /// Index of the selected entry of the day.
    pub selected: usize,
    /// Select this entry when the day next loads (the one just logged).
    pub select_id: Option<i64>,
    pub profile: Profile,
    pub keymap: Keymap,
    pub status: Option<Status>,
    pub undo: Vec<Change>,
    pub redo: Vec<Change>,
    pub running: bool,
    /// Midnight passed while a dialog was open on today: the view moves to the new today once
    /// the dialog closes, so the dialog keeps logging to the day it was opened for.
    pub day_changed_under_dialog: bool,
    /// The day view's `/` filter of the entries.
    pub filter: Option<filter::Filter>,
    /// A note to write in the user's `$EDITOR` (Ctrl-e in the edit form): the event loop hands
    /// the terminal to the editor, then answers with [`Action::NoteEdited`].
    pub editor: Option<String>,
    /// The short legend of the symbols shows on the status line (toggled by `?`).
    pub legend: bool,
    /// The form whose change is being written: it opens again as it was if the write fails
    /// (another program holding the diary), so the user can try again (issue 14.11).
    pub submitted: Option<Dialog>,
    /// Something changed since the last frame.
    pub dirty: bool,
}

impl App {
    /// A fresh app on today's day view. Call [`App::start`] for the effects that fill it.
    pub fn new(now: NaiveDateTime, profile: Profile, keymap: Keymap) -> App {
        App {
            today: now.date(),
            now,
            date: now.date(),
            screen: Screen::Day,
            dialog: None,
            day: None,
            week: None,
            trend: None,
            trend_days: 30,
            week_rolling: false,
            trend_nutrient: Shown::Calcium,
            plan: None,
            plan_selected: 0,
            selected: 0,
            warnings_scroll: 0,
            select_id: None,
            profile,
            keymap,
            status: None,
            undo: Vec::new(),
            redo: Vec::new(),
            running: true,
            day_changed_under_dialog: false,
            legend: false,
            editor: None,
            filter: None,
            submitted: None,
            dirty: true,
        }
    }

    /// On a diary that never had a profile: opens the profile form by itself, once (saving it,
    /// or skipping it with Esc, stores the profile so it is not asked again).
    pub fn welcome(&mut self) {
        let mut form = ProfileForm::of(&self.profile);
        form.first_run = true;
        self.dialog = Some(Dialog::Profile(form));
    }

    /// The effects that load what the current screen shows.
    pub fn start(&self) -> Vec<Effect> {
        self.reload()
    }

    pub(crate) fn reload(&self) -> Vec<Effect> {
        match self.screen {
            Screen::Day => vec![Effect::LoadDay(self.date, self.profile.clone())],
            Screen::Week if self.week_rolling => {
                vec![Effect::LoadRolling(self.date, self.profile.clone())]
            }
            Screen::Week => vec![Effect::LoadWeek(self.date.iso_week(), self.profile.clone())],
            Screen::Trends => vec![Effect::LoadTrend {
                profile: self.profile.clone(),
                to: self.date,
                days: self.trend_days,
            }],
            Screen::Plan => vec![Effect::LoadPlan(self.date, self.profile.clone())],
        }
    }

    /// The entries of the shown day, when loaded and still for that date.
    pub fn entries(&self) -> &[crate::domain::Entry] {
        match &self.day {
            Some(d) if d.date == self.date => &d.entries,
            _ => &[],
        }
    }

    /// The entries the day view lists: all of them, or those the `/` filter matches.
    pub fn shown_entries(&self) -> Vec<&crate::domain::Entry> {
        self.entries()
            .iter()
            .filter(|e| self.filter.as_ref().is_none_or(|f| f.matches(e)))
            .collect()
    }

    pub fn selected_entry(&self) -> Option<&crate::domain::Entry> {
        self.shown_entries().get(self.selected).copied()
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
            at: self.now,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
            at: self.now,
        });
    }

    /// The default time of a new entry: now on today, 12:00 on another day.
    pub fn default_time(&self) -> chrono::NaiveTime {
        if self.date == self.today {
            self.now.time()
        } else {
            chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default()
        }
    }
}
