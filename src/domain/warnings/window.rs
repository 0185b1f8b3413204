//! The entries handed to the rules of a day, and their order.

use crate::domain::entry::Entry;
use crate::domain::value::Total;
use chrono::NaiveDate;

/// The storage of a sorted window, kept between days (empty between them).
#[derive(Default)]
pub struct Buffer(Vec<&'static Entry>);

impl Buffer {
    pub(super) fn take<'a>(&mut self) -> Vec<&'a Entry> {
        emptied(std::mem::take(&mut self.0))
    }

    pub(super) fn keep(&mut self, v: Vec<&Entry>) {
        self.0 = emptied(v);
    }
}

/// `v` emptied, as a vector of references of any lifetime: collecting an empty iterator of a
/// vector into one of the same layout reuses its allocation.
#[allow(clippy::unnecessary_filter_map)] // `filter` would keep the old lifetime
fn emptied<'b>(mut v: Vec<&Entry>) -> Vec<&'b Entry> {
    v.clear();
    v.into_iter().filter_map(|_| None).collect()
}

/// The entries handed to the rules, and whether the caller knows them to be in [`in_order`].
#[derive(Debug, Clone, Copy)]
pub struct Window<'a> {
    pub(super) entries: &'a [Entry],
    pub(super) in_order: bool,
    pub(super) logged_k: Option<&'a [Total]>,
}

impl<'a> Window<'a> {
    /// Entries in any order (checked, and sorted when out of order).
    pub fn any(entries: &'a [Entry]) -> Window<'a> {
        Window {
            entries,
            in_order: false,
            logged_k: None,
        }
    }

    /// Entries the caller checked pair by pair with [`in_order`] as it gathered them (a range
    /// does so once per entry read, instead of once per entry and day of its window).
    pub fn checked(entries: &'a [Entry]) -> Window<'a> {
        Window {
            entries,
            in_order: true,
            logged_k: None,
        }
    }

    /// The window with the vitamin K totals of the logged days before its day (oldest first,
    /// as [`crate::store::Store::totals_by_day`] reads them): the vitamin K rule reads them instead
    /// of totalling those days' entries, which then need not be passed (one day's report).
    pub fn with_logged_k(self, totals: &'a [Total]) -> Window<'a> {
        Window {
            logged_k: Some(totals),
            ..self
        }
    }

    pub fn entries(&self) -> &'a [Entry] {
        self.entries
    }

    /// A part of the window (in order when the window is).
    pub fn part(&self, r: std::ops::Range<usize>) -> Window<'a> {
        Window {
            entries: &self.entries[r],
            ..*self
        }
    }
}

/// Whether `b` may follow `a` in the order the rules read entries: by date and time, entries
/// without a time first within a day, then by id.
pub fn in_order(a: &Entry, b: &Entry) -> bool {
    order_key(a) <= order_key(b)
}

pub(super) fn order_key(e: &Entry) -> (NaiveDate, Option<chrono::NaiveTime>, i64) {
    (e.date, e.time, e.id)
}

/// The entries in the order the rules read them: by date and time; within a day, entries
/// without a time come first (the timing rules skip them). A range's window comes in that
/// order already (the diary is read so): checking costs one pass, sorting it every day cost
/// a tenth of an export.
pub(super) fn by_time(w: Window<'_>) -> Vec<&Entry> {
    let mut sorted = Vec::new();
    sort_into(w, &mut sorted);
    sorted
}

/// [`by_time`] into `sorted` (emptied first).
pub(super) fn sort_into<'a>(w: Window<'a>, sorted: &mut Vec<&'a Entry>) {
    let key = |e: &&Entry| order_key(e);
    sorted.clear();
    sorted.extend(w.entries.iter());
    if !w.in_order && !sorted.is_sorted_by_key(key) {
        sorted.sort_by_key(key);
    }
}
