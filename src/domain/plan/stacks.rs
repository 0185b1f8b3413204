//! The user's stacks as an input of the plan. A stack's item that history gives no usual time
//! (and the user did not fix) takes the time the stack is usually logged at; when the stack has
//! no such time, the item is listed as not placed rather than put at an invented time.

use super::routine::{logged_days, median_by};
use super::{HISTORY_LOGGED_DAYS, Routine, RoutineDose, TimeSource, Unplaced, minute_of, time_of};
use crate::domain::entry::Entry;
use crate::domain::item::Kind;
use crate::domain::stack::Stack;
use chrono::{NaiveDate, NaiveTime};
use std::collections::BTreeSet;

/// A stack as the plan reads it: its name and each item as it would be logged (date and time
/// ignored). Items that could not be read are passed as [`Unplaced`] already.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanStack {
    pub name: String,
    pub entries: Vec<Entry>,
}

/// When the stack `name` is usually logged before `day`: over the last [`HISTORY_LOGGED_DAYS`]
/// logged days, the median of the first time it was logged on each day it was (entries carry
/// the note [`Stack::log_note`]). None when it was not logged on any of them.
pub fn stack_time(day: NaiveDate, history: &[Entry], name: &str) -> Option<NaiveTime> {
    let note = Stack::log_note(name);
    let mut firsts: Vec<i64> = logged_days(day, history)
        .iter()
        .filter_map(|es| {
            es.iter()
                .find(|e| e.note.as_deref() == Some(note.as_str()))
                .and_then(|e| e.time)
        })
        .map(minute_of)
        .collect();
    median_by(&mut firsts, |a, b| a.cmp(b)).map(time_of)
}

impl Routine {
    /// Adds the stacks' supplements and medicines that no dose of the routine covers yet: one
    /// dose per stack holding the item, at the stack's usual time, or listed in `unplaced` when
    /// the stack has none. Foods are left to the usual meals.
    pub fn add_stacks(&mut self, day: NaiveDate, history: &[Entry], stacks: &[PlanStack]) {
        let known: BTreeSet<String> = self
            .doses
            .iter()
            .map(|d| d.entry.item_key.to_string())
            .collect();
        for s in stacks {
            let time = stack_time(day, history, &s.name);
            for e in s
                .entries
                .iter()
                .filter(|e| e.kind != Kind::Food && !known.contains(&*e.item_key))
            {
                match time {
                    Some(usual) => self.doses.push(RoutineDose {
                        entry: e.clone(),
                        usual,
                        source: TimeSource::Stack(s.name.clone()),
                    }),
                    None => self.unplaced.push(unplaced(&s.name, e)),
                }
            }
        }
        self.doses
            .sort_by_key(|d| (d.usual, d.entry.item_key.clone()));
    }
}

/// A stack item with no time from anywhere, and how to give it one.
fn unplaced(stack: &str, e: &Entry) -> Unplaced {
    let reason = format!(
        "no usual time: not on at least half of your last {HISTORY_LOGGED_DAYS} logged days, not fixed, and stack '{stack}' was not logged on any of them"
    );
    Unplaced {
        stack: stack.to_string(),
        item: e.item_key.to_string(),
        name: e.item_name.clone(),
        amount: e.amount_display(),
        reason,
        no_time: true,
    }
}
