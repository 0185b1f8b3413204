//! The arguments of the subcommands that take a few, and [`Lazy`], which has clap build a
//! subcommand's arguments only when that subcommand runs.
//!
//! (No doc comments on these structs: clap would show them in place of the subcommand's own
//! description, which is the variant's in [`super::Command`].)

use super::args::{ImportWhat, ItemAction, ProfileAction, RecipeAction, StackAction};
use clap::{ArgMatches, Args, FromArgMatches};
use std::cell::Cell;
use std::path::PathBuf;

/// A subcommand's arguments, built by clap only when that subcommand is parsed
/// (`Command::defer`): otherwise every run builds every subcommand's arguments, a tenth of
/// `intake day` (issue 19). Help builds them when shown; completions and the manual build them
/// all at once ([`eager`]).
#[derive(Debug)]
pub struct Lazy<T>(pub T);

thread_local! {
    /// Set while [`eager`] runs.
    static EAGER: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` with every subcommand's arguments built at once: for the completions and the
/// manual, which list them all (clap's `help` subcommand tree, which completions include, mirrors
/// the subcommands as they are when it is made, before any deferred part is built).
pub fn eager<T>(f: impl FnOnce() -> T) -> T {
    EAGER.set(true);
    let out = f();
    EAGER.set(false);
    out
}

impl<T: Args> Args for Lazy<T> {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        match EAGER.get() {
            true => T::augment_args(cmd),
            false => cmd.defer(T::augment_args),
        }
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        match EAGER.get() {
            true => T::augment_args_for_update(cmd),
            false => cmd.defer(T::augment_args_for_update),
        }
    }

    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }
}

impl<T: FromArgMatches> FromArgMatches for Lazy<T> {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(m).map(Lazy)
    }

    fn from_arg_matches_mut(m: &mut ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches_mut(m).map(Lazy)
    }

    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(m)
    }

    fn update_from_arg_matches_mut(&mut self, m: &mut ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches_mut(m)
    }
}

#[derive(Debug, Args)]
pub struct DayArgs {
    /// YYYY-MM-DD, MM-DD, today, yesterday, a weekday (sat) or days back (-2); default today.
    pub date: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Print, per headline nutrient, the entries that gave it, largest first, with their
    /// share and the food / supplement split (with --json: a `sources` object).
    #[arg(long)]
    pub sources: bool,
}

#[derive(Debug, Args)]
pub struct WeekArgs {
    /// ISO week YYYY-Www or any date in it (default this week).
    pub week: Option<String>,
    /// Print, per headline nutrient, the items that gave it over the week, largest first.
    #[arg(long)]
    pub sources: bool,
}

#[derive(Debug, Args)]
pub struct FoodsArgs {
    /// Words to look for, in any order.
    #[arg(required_unless_present = "coverage", num_args = 1..)]
    pub query: Vec<String>,
    /// How many results.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Print, per nutrient, the share of the catalog and of the diary's food entries whose
    /// value is known.
    #[arg(long, conflicts_with = "query")]
    pub coverage: bool,
}

#[derive(Debug, Args)]
pub struct RmArgs {
    pub id: i64,
}

#[derive(Debug, Args)]
pub struct ProfileArgs {
    #[command(subcommand)]
    pub action: Option<ProfileAction>,
}

#[derive(Debug, Args)]
pub struct ItemArgs {
    #[command(subcommand)]
    pub action: ItemAction,
}

#[derive(Debug, Args)]
pub struct StackArgs {
    #[command(subcommand)]
    pub action: StackAction,
}

#[derive(Debug, Args)]
pub struct RecipeArgs {
    #[command(subcommand)]
    pub action: RecipeAction,
}

#[derive(Debug, Args)]
pub struct NextArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub what: ImportWhat,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, elvish or powershell.
    pub shell: clap_complete::Shell,
}
