//! Dose-timing and safety warnings: a pure rule engine over logged entries.
//!
//! Figures and sources come from `nutrients.md` §5–6 and live in one place, [`table`].
//! Warnings inform; they never prescribe and do not replace a clinician.

use super::entry::Entry;
use super::item::Kind;
use super::nutrient::Shown;
use super::profile::{Counts, Limit, Target};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;
use std::borrow::Cow;

mod doses;
mod fat;
mod history;
mod rule;
mod spacing;
pub mod table;
mod view;
mod window;

pub(crate) use fat::needs_fat;
pub use rule::{Needs, Reads, Rule, When, near_days, needs};
pub(crate) use spacing::{is_calcium, is_calcium_dose};
pub(crate) use view::View;
pub use window::{Buffer, Window, in_order};
use window::{by_time, sort_into};

/// How loud a warning is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Caution,
    Alert,
}

/// One finding of one rule about one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    /// Rule id, e.g. `calcium-levothyroxine-spacing`.
    pub rule: &'static str,
    pub severity: Severity,
    /// Names the entries (item names) and their times.
    pub message: String,
    /// Citation, e.g. `seed 001; levothyroxine label`.
    pub source: &'static str,
    /// The day the warning belongs to.
    pub date: NaiveDate,
    /// Ids of the entries involved.
    pub entries: Vec<i64>,
}

/// What the rules need to know beyond the entries.
#[derive(Debug, Clone, Default)]
pub struct RuleContext {
    /// The profile says the user takes warfarin.
    pub warfarin: bool,
    /// Every limit the profile has (both reference sets, from `assets/targets.toml`), with the
    /// nutrient it is of: the limit rules name the ones a day exceeds and their sources.
    pub limits: Vec<(Shown, Limit)>,
}

impl RuleContext {
    /// The context of a profile whose targets are `targets`.
    pub fn new(warfarin: bool, targets: &[Target]) -> RuleContext {
        let limits = targets
            .iter()
            .flat_map(|t| t.limits.iter().map(|l| (t.nutrient, l.clone())))
            .collect();
        RuleContext { warfarin, limits }
    }

    /// The limits of one nutrient on what `counts` says, lowest first.
    pub fn limits_of(&self, s: Shown, counts: Counts) -> Vec<&Limit> {
        let mut out: Vec<&Limit> = self
            .limits
            .iter()
            .filter(|(n, l)| *n == s && l.counts == counts)
            .map(|(_, l)| l)
            .collect();
        out.sort_by(|a, b| a.amount.total_cmp(&b.amount));
        out
    }
}

/// How many calendar days before `day` the caller must pass in `entries` (for history rules).
///
/// The history rules look at the previous 7 *logged* days, searched for within these 28
/// calendar days so a user who skips days still has a history; the spacing rules need only the
/// day before (windows across midnight). Entries after `day` are not needed: a pair across
/// midnight belongs to the later day.
pub const HISTORY_DAYS: i64 = table::HISTORY_DAYS;

/// All warnings of `day`: every row of [`table::RULES`] that runs on the day, each given the
/// entries its row declares (see [`needs`] for what to pass; `entries` may hold more, in any
/// order, e.g. the day and the HISTORY_DAYS before it).
///
/// A warning about two entries belongs to the day of the later one, so a pair across midnight
/// is reported once. Warnings come sorted: alerts first, then by rule, then by entry time.
pub fn day_warnings(day: NaiveDate, entries: &[Entry], ctx: &RuleContext) -> Vec<Warning> {
    let mut sorted = Vec::new();
    let (w, pick) = (Wording::Worded, rule::pick_at);
    run_rules(day, Window::any(entries), ctx, pick, w, &mut sorted)
}

/// Whether the rules write their messages. What a warning is (rule, severity, source, entries,
/// order) is decided the same either way; unworded, each message is empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wording {
    Worded,
    /// For what shows only how many warnings a day has and of which rules (the weekly CSV, the
    /// week and trend views): wording them was a third of the rules' time in a year's export.
    Unworded,
}

/// [`day_warnings`] of a window, worded or not, sorting it in `buf`: a range's days reuse one
/// buffer (issue 19: allocating the window's ~900 references anew each day was 1 % of a year's
/// export).
pub fn day_warnings_in(
    day: NaiveDate,
    window: Window,
    ctx: &RuleContext,
    wording: Wording,
    buf: &mut Buffer,
) -> Vec<Warning> {
    let mut sorted = buf.take();
    let out = run_rules(day, window, ctx, rule::pick_at, wording, &mut sorted);
    buf.keep(sorted);
    out
}

/// Which entries of a day (sorted by time, its runs starting where [`rule::Starts`] says) a rule
/// sees, given what its row reads: a tail of them, borrowed, or any of them, owned.
type Select =
    for<'a, 'b> fn(NaiveDate, &'b [&'a Entry], Reads, rule::Starts) -> Cow<'b, [&'a Entry]>;

fn run_rules<'a>(
    day: NaiveDate,
    entries: Window<'a>,
    ctx: &RuleContext,
    select: Select,
    wording: Wording,
    sorted: &mut Vec<&'a Entry>,
) -> Vec<Warning> {
    sort_into(entries, sorted);
    let sorted = &sorted[..];
    let at = rule::Starts::of(day, sorted);
    // `When` looks at the day's entries only.
    let today = &sorted[at.today..];
    let mut out = Vec::new();
    for r in table::RULES {
        if r.when.holds(day, today.iter().copied(), ctx) {
            let seen = select(day, sorted, r.reads, at);
            let mut v = match &seen {
                Cow::Borrowed(tail) => View::of_tail(day, tail, sorted, wording, at),
                Cow::Owned(some) => View::new(day, some, sorted, wording),
            };
            v.logged_k = entries.logged_k;
            out.extend((r.run)(&v, ctx));
        }
    }
    let at = first_at(sorted, &out);
    let mut keyed: Vec<_> = at.into_iter().zip(out).collect();
    keyed.sort_by_key(|(at, w)| {
        (
            std::cmp::Reverse(rank(w.severity)),
            table::order(w.rule),
            *at,
        )
    });
    keyed.into_iter().map(|(_, w)| w).collect()
}

/// When each warning's first entry was: that of the first entry of `sorted` with its id (None
/// when there is none), found in one pass for all of them (a search per warning over a range's
/// window was a tenth of the rules' time).
fn first_at(sorted: &[&Entry], ws: &[Warning]) -> Vec<Option<Option<NaiveDateTime>>> {
    let ids: Vec<i64> = ws
        .iter()
        .map(|w| w.entries.first().copied().unwrap_or_default())
        .collect();
    let mut at = vec![None; ids.len()];
    let (Some(&lo), Some(&hi)) = (ids.iter().min(), ids.iter().max()) else {
        return at;
    };
    let mut left = ids.len();
    for e in sorted.iter().filter(|e| (lo..=hi).contains(&e.id)) {
        for (id, at) in ids.iter().zip(at.iter_mut()) {
            if *id == e.id && at.is_none() {
                *at = Some(e.at());
                left -= 1;
            }
        }
        if left == 0 {
            break;
        }
    }
    at
}

/// Taken as a dose rather than eaten: a supplement or a medication (see
/// [`Entry::is_supplement`] for why "supplement" alone is not enough for the nutrient rules).
pub(crate) fn is_dose(e: &Entry) -> bool {
    e.kind != Kind::Food
}

fn rank(s: Severity) -> u8 {
    match s {
        Severity::Info => 0,
        Severity::Caution => 1,
        Severity::Alert => 2,
    }
}

/// A duration in minutes as people read it: "45 min", "2 h", "1 h 30 min".
pub(crate) fn fmt_gap(minutes: i64) -> String {
    let m = minutes.abs();
    let (h, r) = (m / 60, m % 60);
    let mut s = String::with_capacity(12);
    if h > 0 {
        s.push_str(&h.to_string());
        s.push_str(" h");
    }
    if r > 0 || h == 0 {
        if h > 0 {
            s.push(' ');
        }
        s.push_str(&r.to_string());
        s.push_str(" min");
    }
    s
}

/// Minutes from `a` to `b` (positive when `b` is later); `None` when either time is unknown, so
/// a timing rule can never count an entry without a time.
///
/// The rules ask this of many pairs each day (a range's export asked it millions of times): it
/// counts in whole numbers, days from the calendar's start and nanoseconds from midnight, what
/// `(b.at() - a.at()).num_minutes()` gives (chrono's subtraction was 15 % of a year's export);
/// a leap second, which only chrono counts right, takes chrono's way.
pub(crate) fn minutes_between(a: &Entry, b: &Entry) -> Option<i64> {
    use chrono::{Datelike, Timelike};
    let (ta, tb) = (a.time?, b.time?);
    if ta.nanosecond() >= 1_000_000_000 || tb.nanosecond() >= 1_000_000_000 {
        return Some((b.at()? - a.at()?).num_minutes());
    }
    let days = if a.date == b.date {
        0
    } else {
        i64::from(b.date.num_days_from_ce()) - i64::from(a.date.num_days_from_ce())
    };
    let secs = days * 86_400 + i64::from(tb.num_seconds_from_midnight())
        - i64::from(ta.num_seconds_from_midnight());
    let nanos = secs * 1_000_000_000 + i64::from(tb.nanosecond()) - i64::from(ta.nanosecond());
    // Both truncate toward zero, as TimeDelta::num_minutes does.
    Some(nanos / 60_000_000_000)
}

/// The part of `sorted` (in the rules' order) that may lie within `minutes` of `e`, found by
/// two binary searches: a timing rule checks only these with [`minutes_between`] (checking the
/// whole window cost a year's export millions). Empty when `e` has no time, as then nothing is
/// within any minutes of it.
pub(crate) fn around<'a, 'b>(sorted: &'b [&'a Entry], e: &Entry, minutes: i64) -> &'b [&'a Entry] {
    let Some(at) = e.at() else { return &[] };
    // Two minutes more each side: minutes_between truncates, and a leap second adds one.
    let reach = chrono::Duration::minutes(minutes + 2);
    let (Some(lo), Some(hi)) = (at.checked_sub_signed(reach), at.checked_add_signed(reach)) else {
        return sorted;
    };
    let key = |x: &Entry| (x.date, x.time);
    let from = sorted.partition_point(|x| key(x) < (lo.date(), Some(lo.time())));
    let to = sorted.partition_point(|x| key(x) <= (hi.date(), Some(hi.time())));
    &sorted[from..to.max(from)]
}

/// The sum of some nutrients over entries: unknown parts keep it a lower bound.
pub(crate) fn total_of<'a>(
    es: impl IntoIterator<Item = &'a Entry>,
    parts: &[super::nutrient::Nutrient],
) -> super::value::Total {
    let mut t = super::value::Total::default();
    for e in es {
        for &n in parts {
            t.add(e.nutrients.get(n));
        }
    }
    t
}

/// [`day_warnings`] with every rule given all of `entries` instead of what its row declares:
/// what the declarations are checked against.
#[cfg(test)]
pub(crate) fn day_warnings_undeclared(
    day: NaiveDate,
    entries: &[Entry],
    ctx: &RuleContext,
) -> Vec<Warning> {
    run_rules(
        day,
        Window::any(entries),
        ctx,
        |_, all, _, _| Cow::Borrowed(all),
        Wording::Worded,
        &mut Vec::new(),
    )
}

#[cfg(test)]
mod minutes_tests;
