//! The keymap: one table of commands with their descriptions; keys are data (assets/keymap.toml,
//! overridden by the `[keys]` table of the user's config.toml). Help and the footer read this table.

use super::keyspec::KeySpec;
use ratatui::crossterm::event::KeyEvent;
use std::collections::BTreeMap;
use thiserror::Error;

/// Everything a key can be bound to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Command {
    Quit,
    Help,
    Legend,
    Filter,
    Back,
    Add,
    Edit,
    Delete,
    Undo,
    Redo,
    PrevDay,
    NextDay,
    PrevWeek,
    NextWeek,
    Today,
    GotoDate,
    WeekView,
    Trends,
    NextNutrient,
    Stacks,
    CopyYesterday,
    Export,
    Profile,
    Up,
    Down,
    ScrollDown,
    ScrollUp,
    PlanView,
    LogPlanned,
    Sources,
    Suggest,
    Recipe,
}

/// One row of the command table: config name, what help says, what the footer says (if shown).
pub struct CommandInfo {
    pub command: Command,
    pub name: &'static str,
    pub description: &'static str,
    pub hint: Option<&'static str>,
}

const fn info(
    command: Command,
    name: &'static str,
    description: &'static str,
    hint: Option<&'static str>,
) -> CommandInfo {
    CommandInfo {
        command,
        name,
        description,
        hint,
    }
}

/// The command table, in help order. The footer shows the rows with a hint, in this order.
pub const COMMANDS: [CommandInfo; 32] = [
    info(
        Command::Add,
        "add",
        "log an item (search, quantity, time, meal)",
        Some("add"),
    ),
    info(
        Command::Edit,
        "edit",
        "edit the selected entry",
        Some("edit"),
    ),
    info(
        Command::Delete,
        "delete",
        "delete the selected entry",
        Some("del"),
    ),
    info(Command::Undo, "undo", "undo the last change", Some("undo")),
    info(Command::Redo, "redo", "redo what was undone", None),
    info(
        Command::Filter,
        "filter",
        "filter the day's entries by typed words (Esc clears)",
        None,
    ),
    info(Command::Up, "up", "select the entry above", None),
    info(Command::Down, "down", "select the entry below", None),
    info(
        Command::ScrollDown,
        "scroll_down",
        "scroll the warnings down (a long list)",
        None,
    ),
    info(
        Command::ScrollUp,
        "scroll_up",
        "scroll the warnings up",
        None,
    ),
    info(Command::PrevDay, "prev_day", "previous day", Some("day")),
    info(Command::NextDay, "next_day", "next day", None),
    info(Command::PrevWeek, "prev_week", "previous week", None),
    info(Command::NextWeek, "next_week", "next week", None),
    info(Command::Today, "today", "jump to today", Some("today")),
    info(
        Command::GotoDate,
        "goto_date",
        "go to a typed date",
        Some("go to"),
    ),
    info(
        Command::WeekView,
        "week_view",
        "week view: 7 days x nutrients",
        Some("week"),
    ),
    info(
        Command::Sources,
        "sources",
        "the day's top sources of Ca, D, K2 (Tab: next)",
        None,
    ),
    info(
        Command::Suggest,
        "suggest",
        "foods that would close the day's gaps (no supplements)",
        None,
    ),
    info(
        Command::Trends,
        "trends",
        "trend chart (again: 30/90 days)",
        Some("trends"),
    ),
    info(
        Command::NextNutrient,
        "next_nutrient",
        "trend chart: next nutrient",
        None,
    ),
    info(
        Command::Stacks,
        "stacks",
        "stacks: log one at a time you type, make or edit one",
        Some("stacks"),
    ),
    info(
        Command::Recipe,
        "recipe",
        "make a recipe: foods, amounts, servings; log it",
        None,
    ),
    info(
        Command::PlanView,
        "plan_view",
        "plan: the day's doses at their planned times",
        None,
    ),
    info(
        Command::LogPlanned,
        "log_planned",
        "plan view: log the selected dose at its planned time",
        None,
    ),
    info(
        Command::CopyYesterday,
        "copy_yesterday",
        "copy the previous day's supplements and medicines",
        Some("copy"),
    ),
    info(
        Command::Export,
        "export",
        "write the week's CSV and its entries with times",
        Some("export"),
    ),
    info(
        Command::Profile,
        "profile",
        "edit the profile (targets follow)",
        Some("profile"),
    ),
    info(
        Command::Legend,
        "legend",
        "show or hide a line saying what the symbols mean",
        Some("legend"),
    ),
    info(Command::Help, "help", "show all keys", Some("help")),
    info(Command::Back, "back", "back out of a dialog or view", None),
    info(Command::Quit, "quit", "quit", Some("quit")),
];

impl Command {
    pub fn info(self) -> &'static CommandInfo {
        // The table holds every command; `Quit` is its last row, so the fallback is never used.
        COMMANDS
            .iter()
            .find(|c| c.command == self)
            .unwrap_or(&COMMANDS[COMMANDS.len() - 1])
    }

    pub fn from_name(name: &str) -> Option<Command> {
        COMMANDS.iter().find(|c| c.name == name).map(|c| c.command)
    }
}

/// What keymap.toml / config.toml got wrong, naming the line.
#[derive(Debug, Error, PartialEq)]
#[error("{file} line {line}: {message}")]
pub struct KeymapError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

const KEY_NAMES: &str = "one character, Left, Right, Up, Down, Enter, Esc, Tab, BackTab, Space, \
Backspace, Delete, Home, End, PageUp, PageDown or F1-F12, optionally prefixed Ctrl- or Alt-";

const FILE_SHAPE: &str = "a [keys] table of command = [\"key\", ...], e.g. add = [\"n\"]";

/// Keys bound to each command.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    bindings: BTreeMap<Command, Vec<KeySpec>>,
}

impl Default for Keymap {
    /// The defaults of assets/keymap.toml, as `build.rs` read them (tested to equal parsing the
    /// file, so no TOML is parsed when the app starts without a config.toml).
    fn default() -> Self {
        let mut map = Keymap {
            bindings: BTreeMap::new(),
        };
        for (command, keys) in DEFAULT_KEYS {
            map.bind(
                *command,
                keys.iter().filter_map(|k| KeySpec::parse(k)).collect(),
            );
        }
        map
    }
}

pub const DEFAULT_TOML: &str = include_str!("../../assets/keymap.toml");

/// The `[keys]` table of assets/keymap.toml: each command with its key names, by command name.
const DEFAULT_KEYS: &[(Command, &[&str])] = include!(concat!(env!("OUT_DIR"), "/keymap.rs"));

type RawKeys = BTreeMap<toml::Spanned<String>, toml::Spanned<Vec<toml::Spanned<String>>>>;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    keys: Option<RawKeys>,
}

impl Keymap {
    /// Parses a `[keys]` table; the file holds nothing else.
    pub fn parse(text: &str, file: &str) -> Result<Keymap, KeymapError> {
        let mut map = Keymap {
            bindings: BTreeMap::new(),
        };
        map.apply(text, file)?;
        Ok(map)
    }

    /// The defaults with a user file's `[keys]` laid over them.
    pub fn with_overrides(text: &str, file: &str) -> Result<Keymap, KeymapError> {
        let mut map = Keymap::default();
        map.apply(text, file)?;
        Ok(map)
    }

    fn apply(&mut self, text: &str, file: &str) -> Result<(), KeymapError> {
        let err = |at: usize, message: String| KeymapError {
            file: file.to_string(),
            line: line_of(text, at),
            message,
        };
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            let what = e.message().trim().replace('\n', " ");
            err(at, format!("{what}; accepted: {FILE_SHAPE}"))
        })?;
        for (name, keys) in raw.keys.unwrap_or_default() {
            let command = Command::from_name(name.get_ref()).ok_or_else(|| {
                let names: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
                let msg = format!(
                    "unknown command `{}`; accepted: {}",
                    name.get_ref().escape_debug(),
                    names.join(", ")
                );
                err(name.span().start, msg)
            })?;
            let mut specs = Vec::new();
            for k in keys.get_ref() {
                let spec = KeySpec::parse(k.get_ref()).ok_or_else(|| {
                    err(
                        k.span().start,
                        format!(
                            "bad key `{}`; accepted: {KEY_NAMES}",
                            k.get_ref().escape_debug()
                        ),
                    )
                })?;
                specs.push(spec);
            }
            self.bind(command, specs);
        }
        Ok(())
    }

    /// Binds keys to a command, taking them away from any other command.
    fn bind(&mut self, command: Command, keys: Vec<KeySpec>) {
        for v in self.bindings.values_mut() {
            v.retain(|k| !keys.contains(k));
        }
        self.bindings.insert(command, keys);
    }

    /// The command a pressed key runs, if any.
    pub fn command_for(&self, k: &KeyEvent) -> Option<Command> {
        COMMANDS
            .iter()
            .map(|c| c.command)
            .find(|c| self.keys(*c).iter().any(|s| s.matches(k)))
    }

    pub fn keys(&self, c: Command) -> &[KeySpec] {
        self.bindings.get(&c).map_or(&[], |v| v.as_slice())
    }

    /// "←/h": the keys of a command as help shows them.
    pub fn keys_label(&self, c: Command) -> String {
        let v: Vec<String> = self.keys(c).iter().map(KeySpec::display).collect();
        v.join("/")
    }

    /// (command, first key, hint) for every footer command that has a key.
    pub fn footer(&self) -> Vec<(Command, String, &'static str)> {
        COMMANDS
            .iter()
            .filter_map(|c| Some((c.command, self.keys(c.command).first()?.display(), c.hint?)))
            .collect()
    }
}

fn line_of(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[..at]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
