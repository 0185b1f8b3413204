//! What can happen to the app (Action) and what the app asks the runtime to do (Effect).

use super::keymap::Command;
use crate::domain::plan::Plan;
use crate::domain::{DayTotals, Entry, Item, Profile, Stack, Target};
use chrono::{IsoWeek, NaiveDate, NaiveDateTime, NaiveTime};
use ratatui::crossterm::event::KeyEvent;

/// One day as the day view shows it: the day's report.
pub type DayData = crate::domain::DayReport;

/// The totals of one day in a week or trend; `totals.entries == 0` means nothing was logged.
#[derive(Debug, Clone, PartialEq)]
pub struct DaySummary {
    pub date: NaiveDate,
    pub totals: DayTotals,
    /// How many warnings the day has (the week view's column, as `intake week` has).
    pub warnings: usize,
}

impl DaySummary {
    pub fn is_empty(&self) -> bool {
        self.totals.entries == 0
    }
}

/// A run of days (a week, or the 30/90 days of a trend) with the profile's targets.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanData {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: Vec<DaySummary>,
    pub targets: Vec<Target>,
}

/// A reversible change to the diary: what undo and redo work on.
// An update holds two entries; changes are few (the undo history), so size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Entries with id 0 are new; entries with an id are restored with it (undo of a delete).
    Insert(Vec<Entry>),
    Delete(Vec<Entry>),
    Update {
        before: Entry,
        after: Entry,
    },
}

impl Change {
    pub fn inverse(&self) -> Change {
        match self {
            Change::Insert(es) => Change::Delete(es.clone()),
            Change::Delete(es) => Change::Insert(es.clone()),
            Change::Update { before, after } => Change::Update {
                before: after.clone(),
                after: before.clone(),
            },
        }
    }

    /// "natto 3 oz", "3 entries": what the status line names.
    pub fn describe(&self) -> String {
        let es = match self {
            Change::Insert(es) | Change::Delete(es) => es.as_slice(),
            Change::Update { after, .. } => std::slice::from_ref(after),
        };
        match es {
            [one] => one.describe(),
            many => format!("{} entries", many.len()),
        }
    }
}

/// Why a change is being applied: decides which history stack it lands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    New,
    Undo,
    Redo,
}

// Actions and effects are moved once per event, never stored in bulk: boxing the large
// variants would only add allocations.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Key(KeyEvent),
    /// A command, as a key bound to it would run it.
    Command(Command),
    /// The clock, given by the loop (the app never reads it).
    Tick(NaiveDateTime),
    DayLoaded(DayData),
    WeekLoaded(SpanData),
    TrendLoaded(SpanData),
    SearchResults {
        query: String,
        items: Vec<Item>,
    },
    Applied {
        change: Change,
        origin: Origin,
    },
    /// An undo or redo step not applied: another program changed its entries since (`why`).
    Stale {
        origin: Origin,
        why: String,
    },
    StacksLoaded(Vec<Stack>),
    /// A stack turned into entries for the shown day.
    StackResolved {
        name: String,
        entries: Vec<Entry>,
    },
    /// The supplements of a day, to copy to the shown day.
    SupplementsLoaded {
        from: NaiveDate,
        entries: Vec<Entry>,
    },
    ProfileSaved(Profile),
    /// The profile as the diary holds it (read again after another process wrote).
    ProfileLoaded(Profile),
    /// The plan of a day (the plan view).
    PlanLoaded(Plan),
    SuggestionsLoaded(Vec<crate::domain::suggest::Suggestions>),
    /// A stack was created or changed in the app.
    StackSaved(String),
    /// A recipe made in the app was saved: its item, to log a serving of.
    RecipeSaved(Item),
    /// A recipe made in the app broke a rule (why, in one line); nothing was saved.
    RecipeRefused(String),
    /// The diary holds a recipe of that name (this one): saving again with `replace` replaces it.
    RecipeExists(crate::domain::Recipe),
    /// The saved recipe named in the recipe dialog, with the items of the parts still known.
    RecipeOpened(crate::domain::Recipe, Vec<Item>),
    /// Another process wrote the diary.
    ExternalChange,
    /// The note as the user's editor left it (see [`super::App::editor`]).
    NoteEdited(String),
    Info(String),
    Error(String),
    /// A change was not written (`why`): another program held the diary, or the diary is gone.
    /// The form it came from, if any, opens again as it was (see [`super::App::submitted`]).
    NotWritten(String),
    /// A time just written does not exist or comes twice on the local clock (see
    /// `crate::clock`): said after the status of the change.
    ClockNote(String),
}

// Actions and effects are moved once per event, never stored in bulk: boxing the large
// variants would only add allocations.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Each load carries the profile its report is for: the runtime reads nothing of the app.
    LoadDay(NaiveDate, Profile),
    LoadWeek(IsoWeek, Profile),
    /// The 7 days ending on this date (the week view's rolling mode).
    LoadRolling(NaiveDate, Profile),
    LoadTrend {
        profile: Profile,
        to: NaiveDate,
        days: u16,
    },
    Search(String),
    Apply {
        change: Change,
        origin: Origin,
    },
    ExportWeek(IsoWeek, Profile),
    SaveProfile(Profile),
    /// Read the profile again ([`Action::ProfileLoaded`]).
    LoadProfile,
    /// Read the user's own items and the recently logged ones again (no action follows: the
    /// next search sees them).
    LoadItems,
    LoadStacks,
    ResolveStack {
        stack: Stack,
        date: NaiveDate,
        time: NaiveTime,
    },
    LoadSupplements(NaiveDate),
    LoadPlan(NaiveDate, Profile),
    /// What would close the day's gaps ([`Action::SuggestionsLoaded`]).
    LoadSuggestions(NaiveDate, Profile),
    /// Saves a stack (its items checked against the catalog first); `replaces` is the name it
    /// had before a rename.
    SaveStack {
        stack: Stack,
        replaces: Option<String>,
    },
    /// Checks a recipe made in the app by the rules of `intake recipe add` and saves it
    /// ([`Action::RecipeSaved`], [`Action::RecipeRefused`]); a recipe of the same name is
    /// replaced only with `replace` ([`Action::RecipeExists`] otherwise).
    SaveRecipe {
        name: String,
        serves: String,
        parts: Vec<crate::domain::recipe::Part>,
        replace: bool,
    },
    /// The saved recipe of this name or key, to change in the recipe dialog
    /// ([`Action::RecipeOpened`]; nothing when there is none).
    OpenRecipe(String),
}
