//! The terminal app's runtime: the event loop (poll with a tick, redraw only on change, midnight
//! rollover, reload when another process wrote) and the effects run against the store.

use crate::app::{Action, App, Change, DayData, DaySummary, Effect, Keymap, SpanData, update};
use crate::catalog::Catalog;
use crate::domain::week::{week_days, week_label};
use crate::domain::{Entry, LogRequest, Profile, Quantity, Stack};
use crate::report::{self, DayReport};
use crate::store::Store;
use anyhow::{Context, Result, anyhow};
use chrono::{Duration, IsoWeek, Local, NaiveDate, NaiveTime};
use ratatui::crossterm::event::{self, Event};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};

/// How `intake` with no subcommand opens the app.
pub struct TuiOptions {
    pub db_path: PathBuf,
    pub demo: bool,
    /// The keys, from config.toml (see `load_keymap`).
    pub keymap: Keymap,
}

/// How often the loop wakes without a key: the clock and the diary's version are checked then.
const TICK: std::time::Duration = std::time::Duration::from_millis(250);

/// Opens the diary (or a throwaway demo diary) and runs the app until `q`.
pub fn run(opts: TuiOptions) -> Result<()> {
    let demo_dir = opts.demo.then(DemoDir::create).transpose()?;
    let db = demo_dir
        .as_ref()
        .map_or(opts.db_path.clone(), |d| d.0.join("demo.db"));
    let mut store = Store::open(&db).with_context(|| format!("cannot open {}", db.display()))?;
    let now = Local::now().naive_local();
    if demo_dir.is_some() {
        crate::demo::fill(&mut store, now.date())?;
    }
    let upgraded = store.upgraded().map(crate::cli::upgrade_note);
    let export_dir = db.parent().unwrap_or(Path::new(".")).join("exports");
    let mut rt = Runtime::new(store, export_dir)?;
    let mut app = App::new(now, rt.store.profile()?, opts.keymap);
    if demo_dir.is_none() && !rt.store.profile_saved()? {
        app.welcome();
    }
    rt.start(&mut app);
    if let Some(note) = upgraded {
        app.info(note);
    }
    let _restore = RestoreGuard;
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    event_loop(&mut terminal, &mut app, &mut rt)
}

/// Restores the terminal however `run` ends. On a panic the hook of `ratatui::try_init` has
/// restored it already, before the message was printed; restoring again would move the cursor
/// back over that message.
struct RestoreGuard;

impl Drop for RestoreGuard {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            ratatui::restore();
        }
    }
}

/// The demo diary's folder, removed when the app exits.
struct DemoDir(PathBuf);

impl DemoDir {
    fn create() -> Result<DemoDir> {
        let stamp = Local::now().format("%Y%m%d%H%M%S%f");
        let dir = std::env::temp_dir().join(format!("intake-demo-{}-{stamp}", std::process::id()));
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        Ok(DemoDir(dir))
    }
}

impl Drop for DemoDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// config.toml in the platform config directory.
pub fn default_config() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "intake").map(|d| d.config_dir().join("config.toml"))
}

/// The default keys with the user's `[keys]` over them. A missing file means the defaults; a bad
/// one is an error naming the file and line, checked before the terminal is touched.
pub fn load_keymap(path: Option<&Path>) -> std::result::Result<Keymap, String> {
    let Some(path) = path else {
        return Ok(Keymap::default());
    };
    match std::fs::read(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Keymap::default()),
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|e| {
                format!(
                    "{} is not UTF-8 text (byte {}); config.toml must be a UTF-8 TOML file",
                    path.display(),
                    e.utf8_error().valid_up_to()
                )
            })?;
            Keymap::with_overrides(&text, &path.display().to_string()).map_err(|e| e.to_string())
        }
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    rt: &mut Runtime,
) -> Result<()> {
    let stop = crate::tui_exit::StopSignals::register();
    let mut first_frame = true;
    while app.running && !stop.arrived() {
        if app.dirty {
            terminal.draw(|f| crate::ui::render(app, f))?;
            app.dirty = false;
        }
        if first_frame {
            first_frame = false;
            crate::tui_exit::injected_fault()?;
            // Ready the food table so the first keystroke of a search does not pay for parsing
            // it (a search that comes first waits for it).
            std::thread::spawn(crate::catalog::warm_up);
        }
        if event::poll(TICK)? {
            match event::read()? {
                Event::Key(k) => rt.dispatch(app, Action::Key(k)),
                Event::Resize(..) => app.dirty = true,
                _ => {}
            }
        }
        rt.dispatch(app, Action::Tick(Local::now().naive_local()));
        if rt.other_process_wrote() {
            rt.dispatch(app, Action::ExternalChange);
        }
    }
    Ok(())
}

fn write_change(store: &mut Store, change: Change) -> Result<Change> {
    Ok(match change {
        Change::Insert(mut es) => {
            for e in &mut es {
                if e.id == 0 {
                    e.id = store.insert_entry(e)?;
                } else {
                    store.restore_entry(e)?;
                }
            }
            Change::Insert(es)
        }
        Change::Delete(es) => {
            for e in &es {
                store.delete_entry(e.id)?;
            }
            Change::Delete(es)
        }
        Change::Update { before, after } => {
            store.update_entry(&after)?;
            Change::Update { before, after }
        }
    })
}

/// Runs effects against the store and the catalog, and feeds the results back to the app.
pub struct Runtime {
    pub store: Store,
    catalog: Catalog,
    export_dir: PathBuf,
    version: i64,
    recent: Vec<String>,
}

impl Runtime {
    pub fn new(store: Store, export_dir: PathBuf) -> Result<Runtime> {
        let catalog = Catalog::builtin().with_user_items(store.user_items()?);
        let version = store.data_version()?;
        let recent = store.recent_keys(20)?;
        Ok(Runtime {
            store,
            catalog,
            export_dir,
            version,
            recent,
        })
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

    fn run_all(&mut self, app: &mut App, effects: Vec<Effect>) {
        let mut queue: VecDeque<Action> = VecDeque::new();
        for e in effects {
            queue.extend(self.run_one(app, e));
        }
        while let Some(a) = queue.pop_front() {
            for e in update(app, a) {
                queue.extend(self.run_one(app, e));
            }
        }
    }

    fn run_one(&mut self, app: &App, e: Effect) -> Vec<Action> {
        match self.effect(&app.profile, e) {
            Ok(a) => a.into_iter().collect(),
            Err(e) => vec![Action::Error(format!("{e:#}"))],
        }
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

    fn effect(&mut self, profile: &Profile, e: Effect) -> Result<Option<Action>> {
        Ok(Some(match e {
            Effect::LoadDay(d) => {
                Action::DayLoaded(day_data(report::day_report(&self.store, d, profile)?))
            }
            Effect::LoadWeek(w) => {
                let days = week_days(w);
                Action::WeekLoaded(self.span(days[0], days[6], profile)?)
            }
            Effect::LoadRolling(to) => {
                Action::WeekLoaded(self.span(to - Duration::days(6), to, profile)?)
            }
            Effect::LoadTrend { to, days } => {
                let from = to - Duration::days(i64::from(days.max(1)) - 1);
                Action::TrendLoaded(self.span(from, to, profile)?)
            }
            Effect::Search(q) => Action::SearchResults {
                items: self.search(&q),
                query: q,
            },
            Effect::Apply { change, origin } => Action::Applied {
                change: self.apply(change)?,
                origin,
            },
            Effect::ExportWeek(w) => Action::Info(self.export(w, profile)?),
            Effect::SaveProfile(p) => {
                self.store.set_profile(&p)?;
                Action::ProfileSaved(p)
            }
            Effect::LoadStacks => Action::StacksLoaded(self.store.stacks()?),
            Effect::ResolveStack { stack, date, time } => Action::StackResolved {
                entries: self.resolve_stack(&stack, date, time)?,
                name: stack.name,
            },
            Effect::LoadSupplements(from) => Action::SupplementsLoaded {
                entries: self.store.entries_on(from)?,
                from,
            },
        }))
    }

    fn span(&self, from: NaiveDate, to: NaiveDate, profile: &Profile) -> Result<SpanData> {
        let reports = report::range_reports(&self.store, from, to, profile)?;
        let targets = reports
            .first()
            .map(|r| r.targets.clone())
            .unwrap_or_default();
        let days = reports
            .into_iter()
            .map(|r| DaySummary {
                date: r.date,
                warnings: r.warnings.len(),
                totals: r.totals,
            })
            .collect();
        Ok(SpanData {
            from,
            to,
            days,
            targets,
        })
    }

    /// Matches for a query; with no query, the recently logged items.
    fn search(&self, q: &str) -> Vec<crate::domain::Item> {
        if q.trim().is_empty() {
            return self
                .recent
                .iter()
                .filter_map(|k| self.catalog.get(k))
                .cloned()
                .collect();
        }
        self.catalog
            .search(q, &self.recent, 40)
            .into_iter()
            .map(|h| h.item.clone())
            .collect()
    }

    /// Writes one change in one transaction: a stack, or its undo, is stored whole or not at all.
    fn apply(&mut self, change: Change) -> Result<Change> {
        let out = self.store.batch(|store| write_change(store, change))?;
        self.recent = self.store.recent_keys(20)?;
        Ok(out)
    }

    fn export(&self, w: IsoWeek, profile: &Profile) -> Result<String> {
        std::fs::create_dir_all(&self.export_dir)
            .with_context(|| format!("cannot create {}", self.export_dir.display()))?;
        let path = self
            .export_dir
            .join(format!("intake-{}.csv", week_label(w)));
        let file = crate::export::create_private(&path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        crate::export::write_week_csv(&self.store, w, profile, std::io::BufWriter::new(file))?;
        Ok(format!(
            "Wrote week {} to {}",
            week_label(w),
            path.display()
        ))
    }

    fn resolve_stack(&self, stack: &Stack, date: NaiveDate, time: NaiveTime) -> Result<Vec<Entry>> {
        stack
            .items
            .iter()
            .map(|si| {
                let item = self
                    .catalog
                    .get(&si.key)
                    .ok_or_else(|| anyhow!("stack `{}`: no item `{}`", stack.name, si.key))?;
                let quantity = Quantity::parse(&si.quantity)
                    .map_err(|e| anyhow!("stack `{}`: {e}", stack.name))?;
                let req = LogRequest {
                    item,
                    quantity,
                    date,
                    time,
                    meal: None,
                    note: None,
                };
                Entry::log(req).map_err(|e| anyhow!("stack `{}`: {e}", stack.name))
            })
            .collect()
    }
}

pub fn day_data(r: DayReport) -> DayData {
    DayData {
        date: r.date,
        entries: r.entries,
        totals: r.totals,
        targets: r.targets,
        warnings: r.warnings,
    }
}
