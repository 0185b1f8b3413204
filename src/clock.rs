//! The local wall clock on the days it changes: a typed time may not exist there (the clocks
//! moved forward) or come twice (they moved back). intake keeps times as typed and counts
//! spacing on the wall clock (README, "Times are wall-clock"), so it only says so, in the same
//! words wherever a time comes in: `intake add` and `edit`, an import, the app's dialogs.

use crate::domain::Entry;
use chrono::{Local, LocalResult, NaiveDate, NaiveTime, TimeZone};
use std::collections::HashMap;

/// What to say of `time` on `date` in the local time zone, if it does not exist or comes twice.
pub fn note(date: NaiveDate, time: NaiveTime) -> Option<String> {
    let why = match Local.from_local_datetime(&date.and_time(time)) {
        LocalResult::None => "does not exist in your time zone (the clocks moved forward)",
        LocalResult::Ambiguous(..) => "comes twice in your time zone (the clocks moved back)",
        LocalResult::Single(_) => return None,
    };
    Some(format!(
        "{date} {} {why}; it is stored as typed, and spacing between doses is counted on the \
         wall clock",
        time.format("%H:%M")
    ))
}

/// [`note`] of an entry's date and time (none for an entry without a time).
pub fn entry_note(e: &Entry) -> Option<String> {
    e.time.and_then(|t| note(e.date, t))
}

/// [`entry_note`] for many entries (an import): the time zone is asked once per day whether its
/// clocks change, and about a time only on such a day.
#[derive(Default)]
pub struct ClockDays(HashMap<NaiveDate, bool>);

impl ClockDays {
    pub fn note(&mut self, e: &Entry) -> Option<String> {
        let changes = *self.0.entry(e.date).or_insert_with(|| changes_on(e.date));
        if changes { entry_note(e) } else { None }
    }
}

/// True when the local offset differs between the start of `date` and of the next day, or
/// either does not exist or comes twice.
fn changes_on(date: NaiveDate) -> bool {
    let offset = |d: NaiveDate| match Local.from_local_datetime(&d.and_time(NaiveTime::MIN)) {
        LocalResult::Single(t) => Some(t.offset().to_owned()),
        _ => None,
    };
    match (offset(date), date.succ_opt().and_then(offset)) {
        (Some(a), Some(b)) => a != b,
        _ => true,
    }
}
