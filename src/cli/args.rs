//! The command line, as clap derives it.

use crate::domain::Nutrient;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

pub use super::args_commands::{
    BackupArgs, CompletionsArgs, DayArgs, FoodsArgs, ImportArgs, ItemArgs, Lazy, NextArgs,
    ProfileArgs, RecipeArgs, RmArgs, StackArgs, WeekArgs,
};

#[derive(Debug, Parser)]
#[command(
    name = "intake",
    version,
    about = "A terminal diary for calcium, vitamin D3 and vitamin K2: log food, supplements and medicines, see gaps and badly timed doses.",
    after_help = "With no command, intake opens the terminal app on the diary."
)]
pub struct Cli {
    /// The diary file (default: the platform data directory). Also INTAKE_DB.
    #[arg(long, global = true, env = "INTAKE_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Open the terminal app on a throwaway diary filled with a sample week.
    #[arg(long)]
    pub demo: bool,
    /// The terminal app's config.toml (default: the platform config directory). Also INTAKE_CONFIG.
    #[arg(long, env = "INTAKE_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Log an item: `intake add sardines 3 oz --at 12:30`.
    Add(Lazy<Box<AddArgs>>),
    /// Print a day: entries, totals, gap bars, warnings.
    Day(Lazy<DayArgs>),
    /// Print a week: seven days by nutrient, with % of target.
    Week(Lazy<WeekArgs>),
    /// Write the weekly CSV (or one row per entry with --entries).
    Export(Lazy<ExportArgs>),
    /// Search the items (curated, supplements, medications, USDA, your own).
    Foods(Lazy<FoodsArgs>),
    /// Delete an entry by id.
    Rm(Lazy<RmArgs>),
    /// Change an entry: quantity, time, date, meal, note.
    Edit(Lazy<Box<EditArgs>>),
    /// Show or set the profile (targets follow it).
    Profile(Lazy<ProfileArgs>),
    /// Your own foods and supplements.
    Item(Lazy<ItemArgs>),
    /// Named lists of items logged together.
    Stack(Lazy<StackArgs>),
    /// Your recipes: one food made of other items, eaten in servings.
    Recipe(Lazy<RecipeArgs>),
    /// What would close the day's gaps: foods whose usual serving closes most of what is missing
    /// (never over a limit; on warfarin, never a vitamin K swing).
    Suggest(Lazy<SuggestArgs>),
    /// A day's schedule for your regular supplements and medicines that keeps every timing rule.
    Plan(Lazy<PlanArgs>),
    /// What is still to take today, and the earliest time for each.
    Next(Lazy<NextArgs>),
    /// Copy the diary to FILE with SQLite's online backup (safe while the app is open).
    Backup(Lazy<BackupArgs>),
    /// Bring history in: a Cronometer export, intake's own per-entry CSV, another intake diary.
    Import(Lazy<ImportArgs>),
    /// Check the diary without changing it: SQLite's integrity check, every entry readable (exit 1 when damaged).
    Check,
    /// Print a shell completion script: `intake completions bash > ~/.local/share/bash-completion/completions/intake`.
    Completions(Lazy<CompletionsArgs>),
    /// Print the manual page (roff): `intake man | man -l -`, or save it as intake.1 in a man directory.
    Man,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// YYYY-MM-DD, today, yesterday or tomorrow (default today).
    pub date: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Write the plan to FILE as iCalendar: one daily event per planned time, with a reminder.
    #[arg(long, value_name = "FILE")]
    pub ics: Option<PathBuf>,
    /// Fix an item's daily time for every plan from now on: ITEM=HH:MM (e.g. levothyroxine=06:30).
    #[arg(long, value_name = "ITEM=HH:MM")]
    pub fix: Vec<String>,
    /// Let the plan move an item again.
    #[arg(long, value_name = "ITEM")]
    pub unfix: Vec<String>,
}

#[derive(Debug, Args)]
pub struct When {
    /// Time HH:MM (default now today, 12:00 on other days).
    #[arg(long)]
    pub at: Option<String>,
    /// Date YYYY-MM-DD, MM-DD, today, yesterday, a weekday (sat) or days back (-2); default today.
    #[arg(long)]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
#[command(allow_negative_numbers = true)]
pub struct AddArgs {
    /// Item key or search words (quote several words: "spinach boiled").
    pub item: String,
    #[command(flatten)]
    pub fields: EntryFields,
}

// What `add` and `edit` both take: quantity, when, meal and note. (Not a doc comment: clap would
// show it as the description of `add` and `edit`, whose arguments are built after it.)
#[derive(Debug, Args)]
pub struct EntryFields {
    /// Quantity: `2`, `1.5 cup`, `3 oz`, `85 g`, `500 mg`, `5000 IU` (add: default one serving).
    pub qty: Vec<String>,
    #[command(flatten)]
    pub when: When,
    /// Meal label (breakfast, lunch, dinner, snack or your own).
    #[arg(long)]
    pub meal: Option<String>,
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
#[command(allow_negative_numbers = true)]
pub struct EditArgs {
    pub id: i64,
    #[command(flatten)]
    pub fields: EntryFields,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// ISO week YYYY-Www or any date in it (default this week).
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub week: Option<String>,
    /// First day of a range (with --to).
    #[arg(long, requires = "to")]
    pub from: Option<String>,
    /// Last day of a range (with --from).
    #[arg(long, requires = "from")]
    pub to: Option<String>,
    /// One row per entry instead of one per day.
    #[arg(long)]
    pub entries: bool,
    /// Write to FILE instead of standard output (a new file; a device or FIFO is written as it is).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum ProfileAction {
    Show,
    /// Set fields: `intake profile set --age 63 --sex female --goal bone`.
    Set {
        #[arg(long)]
        age: Option<String>,
        #[arg(long)]
        sex: Option<String>,
        /// general or bone.
        #[arg(long)]
        goal: Option<String>,
        /// seed (the articles) or official (US DRI).
        #[arg(long)]
        reference: Option<String>,
        /// yes or no.
        #[arg(long)]
        warfarin: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ItemAction {
    /// Define a food or supplement: `intake item add oat-milk --name "Oat milk" --serving "1 cup" --calcium 350`.
    /// Amounts are per serving; calcium is elemental calcium for supplements.
    Add(Box<ItemAddArgs>),
    /// List your own items.
    List,
}

#[derive(Debug, Args)]
#[command(allow_negative_numbers = true)]
pub struct ItemAddArgs {
    /// Key: lowercase letters, digits and dashes.
    pub key: String,
    #[arg(long)]
    pub name: String,
    /// food or supplement.
    #[arg(long, default_value = "food")]
    pub kind: String,
    /// The serving, e.g. "1 cup", "1 capsule", "500 mg".
    #[arg(long, default_value = "1 serving")]
    pub serving: String,
    /// Grams in one serving, if known.
    #[arg(long)]
    pub grams: Option<String>,
    /// Per-serving amounts, one flag per nutrient (see `NutrientFlags`).
    #[command(flatten)]
    pub amounts: NutrientFlags,
    /// The label's percentages are of the older Daily Values (labels made before the 2016 rule).
    #[arg(long)]
    pub older_dv: bool,
    /// Tags read by the warning rules (repeatable), e.g. calcium-carbonate.
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// Where the figures come from (default: "your entry").
    #[arg(long)]
    pub source: Option<String>,
    /// Replace your item of that key (without it, an existing key is refused).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum StackAction {
    /// Define a stack: `intake stack add morning d3="5000 IU" k2-mk7="180 mcg"`.
    Add {
        name: String,
        /// ITEM=QUANTITY pairs.
        #[arg(required = true, num_args = 1..)]
        items: Vec<String>,
        /// Replace a stack of that name (without it, an existing stack is refused).
        #[arg(long)]
        force: bool,
    },
    /// List the stacks with their items and quantities.
    List,
    /// Log every item of a stack now (or --at/--date).
    Log {
        name: String,
        #[command(flatten)]
        when: When,
    },
    /// Delete a stack (its logged entries stay in the diary).
    Rm {
        /// The stack's name, as `intake stack list` shows it.
        name: String,
    },
}

#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// calcium, vitamin_d or vitamin_k2 (also ca, d, k2); default: each one below its band.
    pub nutrient: Option<String>,
    /// YYYY-MM-DD, today, yesterday, a weekday or days back (default today).
    pub date: Option<String>,
    /// Suggest supplements too (never medicines).
    #[arg(long)]
    pub supplements: bool,
    /// How many suggestions per nutrient (1 to 50).
    #[arg(long, default_value_t = 5)]
    pub limit: usize,
}

#[derive(Debug, Subcommand)]
pub enum RecipeAction {
    /// Define a recipe: `intake recipe add "Breakfast bowl" yogurt="1 cup" almonds="28 g" --serves 2`.
    /// Its nutrients per serving are the sum of its parts divided by the servings.
    Add {
        /// The recipe's name; its key is the name in lowercase words joined by dashes.
        name: String,
        /// ITEM=QUANTITY pairs (foods or other recipes); ITEM= alone takes one serving.
        #[arg(required = true, num_args = 1..)]
        parts: Vec<String>,
        /// How many servings the parts make.
        #[arg(long, default_value = "1")]
        serves: String,
        /// Replace a recipe of that name (without it, an existing recipe is refused).
        #[arg(long)]
        force: bool,
    },
    /// List the recipes with their nutrients per serving.
    List,
    /// Show a recipe: its parts, what each gives, and one serving.
    Show {
        /// The recipe's name or key.
        name: String,
    },
    /// Delete a recipe (its logged entries stay in the diary).
    Rm {
        /// The recipe's name or key.
        name: String,
    },
}

/// `--calcium 300`, `--d3 1000`, `--k2-mk7 90-100`: one flag per nutrient that has one in the
/// nutrient table, each taking a number or a range, kept as typed (parsed by the command).
#[derive(Debug, Clone, Default)]
pub struct NutrientFlags(pub [Option<String>; Nutrient::COUNT]);

impl clap::FromArgMatches for NutrientFlags {
    fn from_arg_matches(m: &clap::ArgMatches) -> Result<Self, clap::Error> {
        let mut out = NutrientFlags::default();
        out.update_from_arg_matches(m)?;
        Ok(out)
    }

    fn update_from_arg_matches(&mut self, m: &clap::ArgMatches) -> Result<(), clap::Error> {
        for n in Nutrient::ALL {
            if let Some(flag) = n.info().flag
                && let Some(v) = m.get_one::<String>(flag)
            {
                self.0[n.index()] = Some(v.clone());
            }
        }
        Ok(())
    }
}

impl Args for NutrientFlags {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        Nutrient::ALL
            .iter()
            .fold(cmd, |cmd, n| match n.info().flag {
                Some(flag) => cmd.arg(clap::Arg::new(flag).long(flag).value_name(n.unit()).help(
                    format!(
                        "{} per serving, in {}: a number, a range 200-300, or a label's % Daily Value (30%)",
                        n.label(),
                        n.unit()
                    ),
                )),
                None => cmd,
            })
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

#[derive(Debug, Subcommand)]
pub enum ImportWhat {
    /// Cronometer's servings.csv (or dailySummary.csv when that is all you have).
    Cronometer {
        file: PathBuf,
        /// Read the file and say what would be imported (rows, days, forms, names not mapped).
        #[arg(long)]
        dry_run: bool,
    },
    /// Merge another intake diary (read-only): adds its entries this one lacks; reports profile,
    /// items and stacks that differ (this diary's are kept).
    Diary { file: PathBuf },
    /// intake's own per-entry CSV (`intake export --entries`) back in.
    Entries {
        file: PathBuf,
        /// Read the file and say what would be imported.
        #[arg(long)]
        dry_run: bool,
    },
}
