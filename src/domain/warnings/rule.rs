//! A warning rule as one row of [`super::table::RULES`]: what it checks, where the figure comes
//! from, on which days it runs, how far back it reads, and the function that runs it.
//!
//! The engine ([`super::day_warnings`]) hands each rule only the entries its row declares, and
//! the day report reads from the diary only what the rows of the day declare ([`needs`]), so a
//! rule that looks further back is declared in one place and both follow.

use super::{RuleContext, Severity, View, Warning, table};
use crate::domain::entry::Entry;
use chrono::{Duration, NaiveDate};
use std::borrow::Cow;

/// One warning rule.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Rule id, e.g. `calcium-levothyroxine-spacing`.
    pub id: &'static str,
    /// The highest severity the rule can raise.
    pub severity: Severity,
    /// The figure it checks, in words (the README's rule table says the same).
    pub figure: &'static str,
    /// Where the figure comes from (the README's rule table says the same).
    pub source: &'static str,
    /// On which days it runs.
    pub when: When,
    /// Which entries it reads.
    pub reads: Reads,
    /// The check: the day's warnings from the entries `reads` declares.
    pub(crate) run: fn(&View, &RuleContext) -> Vec<Warning>,
}

/// On which days a rule runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// Only on warfarin: the profile says so, or a vitamin K antagonist is logged that day.
    OnWarfarin,
}

/// How far back a rule reads. Entries after the day are never needed (a pair across midnight
/// belongs to the later day); a caller that passes them lets the `DayBefore` rules see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reads {
    /// The day's entries.
    Day,
    /// The day and the day before (windows across midnight).
    DayBefore,
    /// The day, and the latest `n` earlier entries (within [`table::HISTORY_DAYS`]) of each
    /// supplement logged that day.
    LastDoses(usize),
    /// The day, and every entry of the latest `n` logged days (days with any entry) before it,
    /// within [`table::HISTORY_DAYS`]; for the vitamin K rule alone (the only such row): a day's
    /// report hands it those days' vitamin K totals instead ([`super::Window::with_logged_k`]).
    LoggedDays(usize),
    /// As `LoggedDays(n)`, but the day and the day before alone decide whether the rule warns:
    /// the earlier days only word its warnings, so a caller reads them only on a day it warns,
    /// and the rule is handed the day and the day before (it picks the rest when it warns).
    WordedFromLoggedDays(usize),
}

impl When {
    /// Whether a rule runs on a day with these entries (those of other days are ignored).
    pub fn holds<'a>(
        self,
        day: NaiveDate,
        es: impl IntoIterator<Item = &'a Entry>,
        ctx: &RuleContext,
    ) -> bool {
        match self {
            When::Always => true,
            When::OnWarfarin => {
                ctx.warfarin
                    || es
                        .into_iter()
                        .any(|e| e.date == day && e.has_tag(table::ANTAGONIST_TAG))
            }
        }
    }
}

/// What the rules that run on a day read, all rows together: what a caller must pass to
/// [`super::day_warnings`] (more does no harm).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Needs {
    /// Days before the day read in full (0: the day only).
    pub full_days: i64,
    /// The latest this many earlier entries of each of `keys` (within HISTORY_DAYS).
    pub doses: usize,
    /// The keys of the supplements logged on the day.
    pub keys: Vec<String>,
    /// The latest this many logged days before the day (within HISTORY_DAYS): every entry in
    /// full when `worded_days`, else their vitamin K totals (all a [`Reads::LoggedDays`] rule
    /// reads of them).
    pub logged_days: usize,
    /// Whether those days word a warning ([`Reads::WordedFromLoggedDays`]): else the rules read
    /// only what they decide on from them (a [`Reads::LoggedDays`] rule words its warning from
    /// the day's entries and the history's figures, never from its names or meals).
    pub worded_days: bool,
}

/// Days before a day that some rule may read in full whatever the day holds: a caller reads
/// these first, then asks [`needs`] about the rest.
pub fn near_days() -> i64 {
    table::RULES
        .iter()
        .map(|r| full_days(r.reads))
        .max()
        .unwrap_or(0)
}

fn full_days(reads: Reads) -> i64 {
    match reads {
        Reads::DayBefore | Reads::WordedFromLoggedDays(_) => 1,
        Reads::Day | Reads::LastDoses(_) | Reads::LoggedDays(_) => 0,
    }
}

/// What the rules running on `day` read, given (at least) the entries of the day and of the
/// [`near_days`] before it.
pub fn needs(day: NaiveDate, es: &[Entry], ctx: &RuleContext) -> Needs {
    let mut out = Needs {
        full_days: 0,
        doses: 0,
        keys: Vec::new(),
        logged_days: 0,
        worded_days: false,
    };
    for r in table::RULES.iter().filter(|r| r.when.holds(day, es, ctx)) {
        out.full_days = out.full_days.max(full_days(r.reads));
        match r.reads {
            Reads::LastDoses(n) => out.doses = out.doses.max(n),
            Reads::LoggedDays(n) => out.logged_days = out.logged_days.max(n),
            Reads::WordedFromLoggedDays(n) if warns(r, day, es, ctx) => {
                out.logged_days = out.logged_days.max(n);
                out.worded_days = true;
            }
            Reads::Day | Reads::DayBefore | Reads::WordedFromLoggedDays(_) => {}
        }
    }
    if out.doses > 0 {
        let today = es.iter().filter(|e| e.date == day && e.is_supplement());
        for e in today {
            if !out.keys.iter().any(|k| **k == *e.item_key) {
                out.keys.push(e.item_key.to_string());
            }
        }
    }
    out
}

/// Whether a rule gives a warning on `day` from the day and the day before alone.
fn warns(r: &Rule, day: NaiveDate, es: &[Entry], ctx: &RuleContext) -> bool {
    let sorted = super::by_time(super::Window::any(es));
    let seen = pick(day, &sorted, Reads::DayBefore);
    let v = View::new(day, &seen, &sorted, super::Wording::Unworded);
    !(r.run)(&v, ctx).is_empty()
}

/// The entries `reads` declares, out of `all` (sorted by time) for `day`.
#[cfg(test)]
pub(crate) fn select<'a>(day: NaiveDate, all: &[&'a Entry], reads: Reads) -> Vec<&'a Entry> {
    pick(day, all, reads).into_owned()
}

/// [`select`] without copying: every declaration but `LastDoses` is a tail of `all` (a range's
/// export asks this of every rule on every day).
pub(crate) fn pick<'a, 'b>(
    day: NaiveDate,
    all: &'b [&'a Entry],
    reads: Reads,
) -> Cow<'b, [&'a Entry]> {
    pick_at(day, all, reads, Starts::of(day, all))
}

/// [`pick`] with where `all`'s runs start already found.
pub(crate) fn pick_at<'a, 'b>(
    day: NaiveDate,
    all: &'b [&'a Entry],
    reads: Reads,
    at: Starts,
) -> Cow<'b, [&'a Entry]> {
    let tail = |from: usize| Cow::Borrowed(&all[from..]);
    match reads {
        Reads::Day => tail(at.today),
        Reads::DayBefore | Reads::WordedFromLoggedDays(_) => tail(at.yesterday),
        Reads::LoggedDays(n) => tail(at.oldest + logged_from(&all[at.oldest..at.today], n)),
        Reads::LastDoses(n) => {
            let earlier = &all[at.oldest..at.today];
            let kept = last_doses(day, earlier, &all[at.today..], n);
            Cow::Owned(
                kept.into_iter()
                    .chain(all[at.today..].iter().copied())
                    .collect(),
            )
        }
    }
}

/// Where the runs of a day's entries (sorted by time) start: those within
/// [`table::HISTORY_DAYS`] before it, the day before, the day, and those after it. Every rule's
/// declaration and view is made of these, found once a day rather than by each rule (issue 19:
/// the binary searches, whose branches the processor cannot predict, were 5 % of an export's
/// time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Starts {
    pub oldest: usize,
    pub yesterday: usize,
    pub today: usize,
    pub after: usize,
}

impl Starts {
    pub fn of(day: NaiveDate, all: &[&Entry]) -> Starts {
        let from = |d: NaiveDate| all.partition_point(|e| e.date < d);
        let today = from(day);
        Starts {
            oldest: from(day - Duration::days(table::HISTORY_DAYS)),
            yesterday: from(day - Duration::days(1)),
            today,
            after: today + all[today..].partition_point(|e| e.date <= day),
        }
    }
}

/// The latest `n` entries of `earlier` of each supplement logged on `day`, in time order.
fn last_doses<'a>(
    day: NaiveDate,
    earlier: &[&'a Entry],
    rest: &[&Entry],
    n: usize,
) -> Vec<&'a Entry> {
    let mut keys: Vec<(&str, usize)> = Vec::new();
    for e in rest.iter().filter(|e| e.date == day && e.is_supplement()) {
        if !keys.iter().any(|(k, _)| **k == *e.item_key) {
            keys.push((&e.item_key, 0));
        }
    }
    // Sized once: at most n of each key.
    let most = n.saturating_mul(keys.len()).min(earlier.len());
    let mut kept: Vec<&Entry> = Vec::with_capacity(most);
    // Keys that still want entries: the walk back stops when none does.
    let mut wanting = if n == 0 { 0 } else { keys.len() };
    // A bit per key's length turns away most entries of other items without reading their keys'
    // text (issue 19: the walk reads ~900 entries a day when an item is weekly), then a bit per
    // length and last byte most of the rest.
    let len_bit = |k: &str| 1u64 << (k.len() % 64);
    let bit = |k: &str| 1u64 << ((k.len() * 31 + usize::from(k.bytes().last().unwrap_or(0))) % 64);
    let lengths = keys.iter().fold(0, |m, (k, _)| m | len_bit(k));
    let maybe = keys.iter().fold(0, |m, (k, _)| m | bit(k));
    for &e in earlier.iter().rev() {
        if wanting == 0 {
            break;
        }
        if lengths & len_bit(&e.item_key) == 0 || maybe & bit(&e.item_key) == 0 {
            continue;
        }
        if let Some((_, seen)) = keys.iter_mut().find(|(k, _)| same_key(k, &e.item_key))
            && *seen < n
        {
            *seen += 1;
            kept.push(e);
            if *seen == n {
                wanting -= 1;
            }
        }
    }
    kept.reverse();
    kept
}

/// Whether two item keys are equal: the walk back for the last doses asks this of every
/// earlier entry and key, and most pairs differ in length or last byte, which decide at once.
fn same_key(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().last() == b.as_bytes().last() && a == b
}

/// The entries of the latest `n` dates in `earlier` (sorted by time).
#[cfg(test)]
fn logged_days<'a>(earlier: &[&'a Entry], n: usize) -> Vec<&'a Entry> {
    earlier[logged_from(earlier, n)..].to_vec()
}

/// Where the entries of the latest `n` dates in `earlier` (sorted by time) start.
fn logged_from(earlier: &[&Entry], n: usize) -> usize {
    let mut dates = 0;
    let mut start = earlier.len();
    while start > 0 {
        let new_date = start == earlier.len() || earlier[start - 1].date != earlier[start].date;
        if new_date {
            if dates == n {
                break;
            }
            dates += 1;
        }
        start -= 1;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::super::table::{RULES, SPACINGS};
    use super::*;

    /// The README's rule table shows each row as the table holds it: id, severity, figure and
    /// source; every spacing belongs to a row that runs it.
    #[test]
    fn every_row_is_in_the_readme_as_the_table_says_and_every_spacing_has_a_row() {
        let readme = include_str!("../../../README.md");
        for r in RULES {
            let line = readme
                .lines()
                .find(|l| l.starts_with(&format!("| `{}` |", r.id)))
                .unwrap_or_else(|| panic!("README misses {}", r.id));
            let severity = format!("{:?}", r.severity).to_lowercase();
            for part in [severity.as_str(), r.figure, r.source] {
                assert!(line.contains(part), "README row of {} misses {part}", r.id);
            }
        }
        for s in SPACINGS {
            assert!(
                RULES.iter().any(|r| r.id == s.rule),
                "{} has no row",
                s.rule
            );
        }
    }

    /// A day's report reads the latest logged days of a `LoggedDays` row as their vitamin K
    /// totals (issue 19): a row reading anything else of them must change that read first.
    #[test]
    fn only_the_vitamin_k_rule_reads_the_latest_logged_days_unworded() {
        let rows: Vec<&str> = (RULES.iter())
            .filter(|r| matches!(r.reads, Reads::LoggedDays(_)))
            .map(|r| r.id)
            .collect();
        assert_eq!(rows, [table::K_CONSISTENCY]);
    }

    #[test]
    fn the_latest_logged_days_are_whole_days() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let cat = crate::catalog::Catalog::builtin();
        let e = |d: u32, id: i64| {
            let mut e = Entry::log(crate::domain::LogRequest {
                item: cat.get("d3").unwrap(),
                quantity: crate::domain::Quantity::parse("1000 IU").unwrap(),
                date: NaiveDate::from_ymd_opt(2026, 3, d).unwrap(),
                time: chrono::NaiveTime::MIN,
                meal: None,
                note: None,
            })
            .unwrap();
            e.id = id;
            e
        };
        let es = [e(1, 1), e(3, 2), e(3, 3), e(7, 4), e(9, 5)];
        let refs: Vec<&Entry> = es.iter().collect();
        let ids = |v: Vec<&Entry>| v.iter().map(|e| e.id).collect::<Vec<_>>();
        assert_eq!(ids(logged_days(&refs, 2)), [4, 5]);
        assert_eq!(ids(logged_days(&refs, 3)), [2, 3, 4, 5]);
        assert_eq!(ids(logged_days(&refs, 9)), [1, 2, 3, 4, 5]);
        assert!(logged_days(&refs, 0).is_empty());
        assert_eq!(ids(select(day, &refs, Reads::Day)), Vec::<i64>::new());
        assert_eq!(ids(select(day, &refs, Reads::DayBefore)), [5]);
    }
}
