//! The entries as the rules see them ([`View`]), and how a rule names them in its messages.

use super::rule::Starts;
use super::{Severity, Warning, Wording};
use crate::domain::entry::Entry;
use crate::domain::value::Total;
use chrono::NaiveDate;

/// The entries as the rules see them: sorted by time, with the day in question.
pub(crate) struct View<'a> {
    pub day: NaiveDate,
    /// What the rule's row declares it reads, in the rules' order (by date and time).
    pub all: &'a [&'a Entry],
    /// Every entry the caller passed: a rule that reads more only to word a warning
    /// ([`super::Reads::WordedFromLoggedDays`]) picks that from here when it warns.
    pub window: &'a [&'a Entry],
    /// Whether [`Self::warning`] writes the message.
    pub wording: Wording,
    /// The vitamin K totals of the logged days before the day, oldest first, when the caller
    /// read them summed ([`super::Window::with_logged_k`]); else the rule totals `all`'s days.
    pub logged_k: Option<&'a [Total]>,
    /// The runs of `all` that [`Self::today`] and [`Self::recent`] give.
    today: &'a [&'a Entry],
    recent: &'a [&'a Entry],
}

impl<'a> View<'a> {
    /// The view of `all` (in the rules' order) for `day`.
    pub fn new(
        day: NaiveDate,
        all: &'a [&'a Entry],
        window: &'a [&'a Entry],
        wording: Wording,
    ) -> View<'a> {
        Self::of_runs(day, (all, 0), window, wording, Starts::of(day, all))
    }

    /// The view of `all` for `day` when `all` is a tail of the `window` whose runs start `at`.
    pub fn of_tail(
        day: NaiveDate,
        all: &'a [&'a Entry],
        window: &'a [&'a Entry],
        wording: Wording,
        at: Starts,
    ) -> View<'a> {
        let skipped = window.len() - all.len();
        Self::of_runs(day, (all, skipped), window, wording, at)
    }

    /// The view of `all`, whose runs start `at` once the first `skipped` are left out.
    fn of_runs(
        day: NaiveDate,
        (all, skipped): (&'a [&'a Entry], usize),
        window: &'a [&'a Entry],
        wording: Wording,
        at: Starts,
    ) -> View<'a> {
        let from = |i: usize| i.saturating_sub(skipped).min(all.len());
        let end = from(at.after);
        View {
            day,
            all,
            window,
            wording,
            logged_k: None,
            today: &all[from(at.today)..end],
            recent: &all[from(at.yesterday)..end],
        }
    }

    /// The entries of the day itself: a run of `all`, which is in the rules' order (found once,
    /// not filtered and collected by each rule every day).
    pub fn today(&self) -> &'a [&'a Entry] {
        self.today
    }

    /// The entries of the day and the day before (pairs across midnight).
    pub fn recent(&self) -> &'a [&'a Entry] {
        self.recent
    }

    /// An entry as messages name it: "Calcium citrate 500 mg at 09:00" (with its date when it
    /// is not on the day; "time unknown" when it has no time).
    pub fn describe(&self, e: &Entry) -> String {
        let mut s = String::with_capacity(e.item_name.len() + 32);
        self.describe_into(&mut s, e);
        s
    }

    /// [`Self::describe`], appended to `s`.
    pub fn describe_into(&self, s: &mut String, e: &Entry) {
        s.push_str(&e.item_name);
        s.push(' ');
        s.push_str(&e.amount_display());
        match e.time {
            Some(t) => {
                s.push_str(" at ");
                crate::domain::entry::push_hhmm(s, t);
            }
            None => s.push_str(" (time unknown)"),
        }
        if e.date != self.day {
            use std::fmt::Write;
            // Writing to a String cannot fail.
            let _ = write!(s, " on {}", e.date);
        }
    }

    /// Up to three entries named, then how many more.
    pub fn describe_list(&self, es: &[&Entry]) -> String {
        let mut s = String::with_capacity(64 * es.len().min(3));
        for (i, e) in es.iter().take(3).enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            self.describe_into(&mut s, e);
        }
        if es.len() > 3 {
            use std::fmt::Write;
            let _ = write!(s, ", {} more", es.len() - 3);
        }
        s
    }

    /// A warning of the day about `entries`; `message` words it, called only when the view is
    /// worded (every rule decides first, then words).
    pub fn warning(
        &self,
        (rule, severity, source): (&'static str, Severity, &'static str),
        entries: &[&Entry],
        message: impl FnOnce() -> String,
    ) -> Warning {
        Warning {
            rule,
            severity,
            message: match self.wording {
                Wording::Worded => message(),
                Wording::Unworded => String::new(),
            },
            source,
            date: self.day,
            entries: entries.iter().map(|e| e.id).collect(),
        }
    }
}
