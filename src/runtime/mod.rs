//! The runtime: runs the effects `update` asks for against the store and the catalog, and feeds
//! the results back to `update` as actions (effects → store → actions), apart from the event
//! loop (`crate::tui`), which only reads the terminal and the clock.
//!
//! It keeps no state of its own that the app cannot ask for again: the catalog of the user's
//! items and the recent items are caches of the diary, read again when `update` asks
//! ([`Effect::LoadItems`], e.g. after another process wrote).

mod history;
mod work;

use crate::app::{Action, App, Effect, Origin, update};
use crate::catalog::Catalog;
use crate::domain::week::week_range;
use crate::report;
use crate::store::{FileId, Store, StoreError};
use anyhow::Result;
use chrono::Duration;
use std::collections::VecDeque;
use std::path::PathBuf;

/// How many recently logged items the add dialog offers before anything is typed.
const RECENT: usize = 20;

/// Runs effects against the store and the catalog, and feeds the results back to the app.
pub struct Runtime {
    pub store: Store,
    catalog: Catalog,
    export_dir: PathBuf,
    version: i64,
    recent: Vec<String>,
    /// The file the diary's path named when opened.
    file: Option<FileId>,
    /// Set once the path names another file or none: what the app is told on every write,
    /// which is refused.
    lost: Option<String>,
    /// While keys that arrived together are applied ([`Runtime::dispatch_burst`]), the last
    /// search asked for, run once they all are.
    held_search: Option<Option<String>>,
    /// What the local clock says of a time just written (see [`crate::clock`]), told after the
    /// change's own status.
    clock_note: Option<String>,
}

impl Runtime {
    pub fn new(store: Store, export_dir: PathBuf) -> Result<Runtime> {
        let version = store.data_version()?;
        let store_file = store.file_id();
        let mut rt = Runtime {
            store,
            catalog: Catalog::builtin(),
            export_dir,
            version,
            recent: Vec::new(),
            file: store_file,
            lost: None,
            held_search: None,
            clock_note: None,
        };
        rt.load_items()?;
        Ok(rt)
    }

    /// Runs the app's first effects (loading today).
    pub fn start(&mut self, app: &mut App) {
        let effects = app.start();
        self.run_all(app, effects);
    }

    /// Applies an action and everything that follows from it, until nothing is left to do.
    pub fn dispatch(&mut self, app: &mut App, action: Action) {
        let effects = update(app, action);
        self.run_all(app, effects);
    }

    /// Applies actions that arrived together (a paste is thousands of keys at once), searching
    /// only for the query they leave: one search per key would keep the screen from answering
    /// for minutes (issue 14.12).
    pub fn dispatch_burst(&mut self, app: &mut App, actions: impl IntoIterator<Item = Action>) {
        self.held_search = Some(None);
        for a in actions {
            self.dispatch(app, a);
            // The rest waits for the editor, or for nobody.
            if !app.running || app.editor.is_some() {
                break;
            }
        }
        if let Some(Some(q)) = self.held_search.take() {
            self.run_all(app, vec![Effect::Search(q)]);
        }
    }

    fn run_all(&mut self, app: &mut App, effects: Vec<Effect>) {
        let mut queue: VecDeque<Action> = VecDeque::new();
        for e in effects {
            queue.extend(self.run(e));
        }
        while let Some(a) = queue.pop_front() {
            for e in update(app, a) {
                queue.extend(self.run(e));
            }
        }
        if let Some(n) = self.clock_note.take() {
            update(app, Action::ClockNote(n));
        }
    }

    /// One effect: the action that reports its result, or the error as a status message.
    /// A change that was not written says so with [`Action::NotWritten`], so that the form it
    /// came from opens again.
    fn run(&mut self, e: Effect) -> Option<Action> {
        if let (Some(held), Effect::Search(q)) = (&mut self.held_search, &e) {
            *held = Some(q.clone());
            return None;
        }
        let applying = matches!(e, Effect::Apply { .. });
        let failed = |why: String| match applying {
            true => Action::NotWritten(why),
            false => Action::Error(why),
        };
        if let Some(why) = self.lost.as_ref().filter(|_| writes(&e)) {
            return Some(failed(why.clone()));
        }
        match self.effect(e) {
            Ok(a) => a,
            Err(e) => Some(failed(said(&e))),
        }
    }

    /// Once, when the diary's path stops naming the file the app has open (deleted, or another
    /// file moved there): what to tell the user. From then on every write is refused, since what
    /// the app wrote would be lost with the old file.
    pub fn diary_replaced(&mut self) -> Option<String> {
        if self.lost.is_some() || self.file.is_none() || self.store.file_id() == self.file {
            return None;
        }
        let why = format!(
            "{} was deleted or replaced since intake opened it: nothing more is written; \
             quit and start intake again",
            self.store.path()
        );
        self.lost = Some(why.clone());
        Some(why)
    }

    /// True once when another connection (the CLI, a second window) wrote since the last check.
    pub fn other_process_wrote(&mut self) -> bool {
        match self.store.data_version() {
            Ok(v) if v != self.version => {
                self.version = v;
                true
            }
            _ => false,
        }
    }

    fn effect(&mut self, e: Effect) -> Result<Option<Action>> {
        Ok(Some(match e {
            Effect::LoadDay(d, p) => Action::DayLoaded(report::day_report(&self.store, d, &p)?),
            Effect::LoadWeek(w, p) => {
                let (from, to) = week_range(w);
                Action::WeekLoaded(work::span(&self.store, from, to, &p)?)
            }
            Effect::LoadRolling(to, p) => {
                let from = to - Duration::days(6);
                Action::WeekLoaded(work::span(&self.store, from, to, &p)?)
            }
            Effect::LoadTrend { profile, to, days } => {
                let from = to - Duration::days(i64::from(days.max(1)) - 1);
                Action::TrendLoaded(work::span(&self.store, from, to, &profile)?)
            }
            Effect::Search(q) => Action::SearchResults {
                items: work::search(&self.catalog, &self.recent, &q),
                query: q,
            },
            Effect::Apply { change, origin } => {
                // Checked and written in one transaction: no other write comes in between.
                let written = self.store.batch(|s| {
                    let why = match origin {
                        Origin::New => None,
                        _ => history::changed_since(s, &change)?,
                    };
                    match why {
                        Some(why) => Ok(Err(why)),
                        None => work::write_change(s, change).map(Ok),
                    }
                })?;
                self.recent = self.store.recent_keys(RECENT)?;
                match written {
                    Ok(change) => {
                        if origin == Origin::New {
                            self.clock_note = work::clock_note(&change);
                        }
                        Action::Applied { change, origin }
                    }
                    Err(why) => Action::Stale { origin, why },
                }
            }
            Effect::ExportWeek(w, p) => {
                Action::Info(work::export(&self.store, &self.export_dir, w, &p)?)
            }
            Effect::SaveProfile(p) => {
                self.store.set_profile(&p)?;
                Action::ProfileSaved(p)
            }
            Effect::LoadProfile => Action::ProfileLoaded(self.store.profile()?),
            Effect::LoadItems => {
                self.load_items()?;
                return Ok(None);
            }
            Effect::LoadStacks => Action::StacksLoaded(self.store.stacks()?),
            Effect::ResolveStack { stack, date, time } => Action::StackResolved {
                entries: work::resolve_stack(&self.catalog, &stack, date, time)?,
                name: stack.name,
            },
            Effect::LoadSupplements(from) => Action::SupplementsLoaded {
                entries: self.store.entries_on(from)?,
                from,
            },
            Effect::LoadPlan(d, p) => Action::PlanLoaded(report::plan::day_plan(
                &self.store,
                &self.catalog,
                &p,
                d,
                None,
            )?),
            Effect::LoadSuggestions(d, p) => {
                let wanted = report::suggest::Wanted {
                    only: None,
                    supplements: false,
                    limit: 3,
                };
                let found =
                    report::suggest::day_suggestions(&self.store, &self.catalog, &p, d, wanted)?;
                Action::SuggestionsLoaded(found)
            }
            Effect::SaveStack { stack, replaces } => {
                work::save_stack(&mut self.store, &self.catalog, stack, replaces)?
            }
            Effect::SaveRecipe {
                name,
                serves,
                parts,
                replace,
            } => {
                let draft = (name.as_str(), serves.as_str(), parts);
                let answer = work::save_recipe(&mut self.store, &self.catalog, draft, replace)?;
                if matches!(answer, Action::RecipeSaved(_)) {
                    self.load_items()?;
                }
                answer
            }
            Effect::OpenRecipe(name) => {
                match work::open_recipe(&self.store, &self.catalog, &name)? {
                    Some((r, items)) => Action::RecipeOpened(r, items),
                    None => return Ok(None),
                }
            }
        }))
    }

    /// Reads the user's own items and the recently logged ones from the diary again.
    fn load_items(&mut self) -> Result<()> {
        self.catalog = Catalog::for_diary(self.store.user_items()?, &self.store.recipes()?);
        self.recent = self.store.recent_keys(RECENT)?;
        Ok(())
    }
}

/// What the status line says of an error: another program's lock in a few words (the app waited
/// only [`APP_LOCK_WAIT`]), anything else in full.
fn said(e: &anyhow::Error) -> String {
    match e.downcast_ref::<StoreError>() {
        Some(StoreError::Locked { .. }) => {
            "Another program holds the diary (an intake command, a sync or backup tool): \
             nothing was written"
                .into()
        }
        _ => format!("{e:#}"),
    }
}

/// How long the app waits for another program's lock before it says so: a moment, not the
/// CLI's [`crate::store::lock::DEFAULT_WAIT`], since the screen does not answer meanwhile.
pub const APP_LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

/// Effects that write the diary.
fn writes(e: &Effect) -> bool {
    matches!(
        e,
        Effect::Apply { .. }
            | Effect::SaveProfile(_)
            | Effect::SaveStack { .. }
            | Effect::SaveRecipe { .. }
    )
}
