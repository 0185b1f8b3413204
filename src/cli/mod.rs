//! The command line: each subcommand calls domain/store/export and prints.

mod args;
mod args_commands;
mod check;
mod coverage;
mod docs;
mod ics;
mod import;
mod log;
mod manage;
pub mod out;
mod plan;
mod recipe;
mod show;
mod sources;
mod suggest;
mod text;

pub use args::{Cli, Command};
use args_commands::Lazy;

use crate::catalog::Catalog;
use crate::domain::{Profile, week};
use crate::store::{Store, StoreError};
use chrono::{NaiveDate, NaiveTime, Timelike};
use std::path::{Path, PathBuf};

/// Why a command failed: bad input (exit 2) or anything else (exit 1).
#[derive(Debug)]
pub enum CliError {
    Bad(String),
    Failed(String),
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Bad(_) => 2,
            CliError::Failed(_) => 1,
        }
    }
    pub fn message(&self) -> &str {
        match self {
            CliError::Bad(m) | CliError::Failed(m) => m,
        }
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NoEntry(_)
            | StoreError::NotADiary { .. }
            | StoreError::TooNew { .. }
            | StoreError::Damaged(_) => CliError::Bad(e.to_string()),
            other => CliError::Failed(other.to_string()),
        }
    }
}

macro_rules! bad_from {
    ($($t:ty),*) => {$(
        impl From<$t> for CliError {
            fn from(e: $t) -> Self { CliError::Bad(e.to_string()) }
        }
    )*};
}
bad_from!(
    crate::domain::QtyError,
    crate::domain::week::DateError,
    crate::domain::profile::ProfileError,
    crate::catalog::ResolveError
);

impl From<crate::export::ExportError> for CliError {
    fn from(e: crate::export::ExportError) -> Self {
        match e {
            crate::export::ExportError::Store(s) => s.into(),
            other => CliError::Failed(other.to_string()),
        }
    }
}

impl From<crate::import::ImportError> for CliError {
    fn from(e: crate::import::ImportError) -> Self {
        match e {
            crate::import::ImportError::Store(s) => s.into(),
            bad => CliError::Bad(bad.to_string()),
        }
    }
}

impl<E: Into<CliError>> From<crate::outfile::OutError<E>> for CliError {
    fn from(e: crate::outfile::OutError<E>) -> Self {
        use crate::outfile::OutError;
        let problem = e.file_problem().unwrap_or_default();
        match e {
            OutError::Content(e) => e.into(),
            OutError::Io(..) => CliError::Failed(problem),
            OutError::Exists(_) | OutError::Folder(_) => CliError::Bad(problem),
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError::Failed(e.to_string())
    }
}

pub type CliResult = Result<(), CliError>;

/// What every command works with: the diary, the clock read once, the profile.
pub struct Ctx {
    pub store: Store,
    pub today: NaiveDate,
    pub now: NaiveTime,
    pub profile: Profile,
}

impl Ctx {
    /// Opens the diary; a command that only reads (`reads_only`) reads one that cannot be written
    /// (a read-only folder, file or file system) instead of failing.
    pub fn open(db: &Path, reads_only: bool) -> Result<Ctx, CliError> {
        let store = match Store::open(db) {
            Err(StoreError::Unwritable { .. }) if reads_only => Store::open_read_only(db)?,
            opened => opened?,
        };
        if let Some(u) = store.upgraded() {
            out::note(upgrade_note(u));
        }
        let profile = store.profile()?;
        let now = chrono::Local::now().naive_local();
        Ok(Ctx {
            store,
            today: now.date(),
            now: now
                .time()
                .with_second(0)
                .unwrap_or(now.time())
                .with_nanosecond(0)
                .unwrap_or(now.time()),
            profile,
        })
    }

    pub fn date(&self, s: Option<&str>) -> Result<NaiveDate, CliError> {
        s.map_or(Ok(self.today), |s| Ok(week::parse_date(s, self.today)?))
    }

    /// The time for a new entry: as given, else now today, else 12:00.
    pub fn time_for(&self, at: Option<&str>, date: NaiveDate) -> Result<NaiveTime, CliError> {
        match at {
            Some(t) => Ok(week::parse_time(t)?),
            None if date == self.today => Ok(self.now),
            None => Ok(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default()),
        }
    }

    pub fn catalog(&self) -> Result<Catalog, CliError> {
        Ok(Catalog::for_diary(
            self.store.user_items()?,
            &self.store.recipes()?,
        ))
    }

    pub fn recent(&self) -> Result<Vec<String>, CliError> {
        Ok(self.store.recent_keys(20)?)
    }
}

/// Says that an older diary was upgraded, and where its copy from before is.
pub fn upgrade_note(u: &crate::store::Upgrade) -> String {
    format!(
        "upgraded the diary from schema {} to {}; the copy from before is {}",
        u.from,
        u.to,
        u.backup.display()
    )
}

/// The diary path: --db / INTAKE_DB, else `diary.db` in the platform data directory.
pub fn db_path(flag: Option<PathBuf>) -> Result<PathBuf, CliError> {
    if let Some(p) = flag {
        if p.as_os_str().is_empty() {
            return Err(CliError::Bad("--db is empty: give a file path".into()));
        }
        return Ok(p);
    }
    directories::ProjectDirs::from("", "", "intake")
        .map(|d| d.data_dir().join("diary.db"))
        .ok_or_else(|| {
            CliError::Failed("no home directory: pass --db PATH or set INTAKE_DB".into())
        })
}

/// A command waits for another program's lock on the diary, and says so once it has waited a
/// second (else it would sit silent, issue 14.11).
fn say_when_waiting(db: &Path) {
    let shown = db.display().to_string();
    let notice = move |limit: std::time::Duration| {
        out::note(format!(
            "another program holds the diary {shown}; waiting for it (up to {} s)",
            limit.as_secs()
        ))
    };
    crate::store::lock::set_wait(crate::store::lock::DEFAULT_WAIT, Some(Box::new(notice)));
}

/// Runs one subcommand against the diary at `db`.
pub fn run(cmd: Command, db: &Path) -> CliResult {
    use args::Command as C;
    if needs_no_diary(&cmd) {
        return run_without_diary(cmd, db);
    }
    let reads_only = matches!(
        cmd,
        C::Day(_)
            | C::Week(_)
            | C::Export(_)
            | C::Foods(_)
            | C::Suggest(_)
            | C::Next(_)
            | C::Backup(_)
    );
    say_when_waiting(db);
    let mut ctx = Ctx::open(db, reads_only)?;
    let done = dispatch(cmd, db, &mut ctx);
    if let Err(CliError::Bad(_)) = done {
        ctx.store.discard_if_unused(); // refused: a diary made for this command is taken back
    }
    done
}

fn dispatch(cmd: Command, db: &Path, ctx: &mut Ctx) -> CliResult {
    use args::Command as C;
    match cmd {
        C::Add(Lazy(a)) => log::add(ctx, *a),
        C::Day(Lazy(a)) => show::day(ctx, a.date.as_deref(), a.json, a.sources),
        C::Week(Lazy(a)) => show::week(ctx, a.week.as_deref(), a.sources),
        C::Export(Lazy(a)) => show::export(ctx, a),
        C::Foods(Lazy(a)) if a.coverage => coverage::coverage(ctx),
        C::Foods(Lazy(a)) => show::foods(ctx, &a.query.join(" "), a.limit),
        C::Rm(Lazy(a)) => log::rm(ctx, a.id),
        C::Edit(Lazy(a)) => log::edit(ctx, *a),
        C::Profile(Lazy(a)) => manage::profile(ctx, a.action),
        C::Item(Lazy(a)) => manage::item(ctx, a.action),
        C::Stack(Lazy(a)) => manage::stack(ctx, a.action),
        C::Recipe(Lazy(a)) => recipe::run(ctx, a.action),
        C::Suggest(Lazy(a)) => suggest::suggest(ctx, a),
        C::Plan(Lazy(a)) => plan::plan(ctx, a),
        C::Next(Lazy(a)) => plan::next(ctx, a.json),
        C::Backup(Lazy(a)) => manage::backup(ctx, &a.file),
        C::Import(Lazy(a)) => import::run(ctx, a.what),
        C::Check | C::Completions(_) | C::Man => run_without_diary(cmd, db),
    }
}

/// Commands that must not open the diary for writing: `check` examines one that opening might
/// refuse; completions and the manual need no diary at all.
fn needs_no_diary(cmd: &Command) -> bool {
    matches!(cmd, Command::Check | Command::Completions(_) | Command::Man)
}

fn run_without_diary(cmd: Command, db: &Path) -> CliResult {
    match cmd {
        Command::Completions(Lazy(a)) => docs::completions(a.shell),
        Command::Man => docs::man(),
        _ => check::run(db),
    }
}

/// Prints the day (what `intake` with no command shows where no terminal app runs).
pub fn print_today(db: &Path) -> CliResult {
    let ctx = Ctx::open(db, true)?;
    show::day(&ctx, None, false, false)
}
