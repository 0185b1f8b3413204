//! `intake plan --ics FILE`: the plan as iCalendar (RFC 5545), one daily recurring event per
//! planned time with a display alarm. Event UIDs are numbered by time of day, so exporting
//! again replaces the same events in a calendar instead of adding copies.

use super::CliError;
use crate::domain::plan::{Plan, Status};
use chrono::{DateTime, Duration, Utc};
use icalendar::{Alarm, Calendar, Component, EventLike, Trigger};
use std::path::Path;

/// How long each reminder event lasts in the calendar.
const EVENT_MIN: i64 = 10;

/// Writes the calendar of the plan's fixed and planned times; returns how many events.
pub fn write(plan: &Plan, file: &Path, stamp: DateTime<Utc>) -> Result<usize, CliError> {
    let (cal, n) = calendar(plan, stamp);
    // The calendar is rewritten on each export, so an existing file is replaced.
    crate::outfile::write_file(file, true, |out| out.write_all(cal.to_string().as_bytes()))
        .map_err(|e| CliError::Failed(e.to_string()))?;
    Ok(n)
}

/// Stable across exports: the n-th planned time of the day.
pub fn uid(n: usize) -> String {
    format!("intake-plan-{n}@intake.local")
}

fn calendar(plan: &Plan, stamp: DateTime<Utc>) -> (Calendar, usize) {
    let mut cal = Calendar::new();
    cal.name("intake plan");
    let mut n = 0;
    for (time, doses) in plan.times() {
        let doses: Vec<_> = doses
            .into_iter()
            .filter(|d| d.status != Status::Logged)
            .collect();
        if doses.is_empty() {
            continue;
        }
        n += 1;
        let what: Vec<String> = doses
            .iter()
            .map(|d| format!("{} {}", d.name, d.amount))
            .collect();
        let summary = format!("Take {}", what.join(", "));
        let details: Vec<String> = doses
            .iter()
            .map(|d| format!("{} {}: {}", d.name, d.amount, d.reasons.join(", ")))
            .collect();
        let start = plan.date.and_time(time);
        let mut alarm = Alarm::display(&summary, Trigger::from(Duration::zero()));
        alarm.uid(&format!("{}-alarm", uid(n)));
        let event = icalendar::Event::new()
            .uid(&uid(n))
            .timestamp(stamp)
            .summary(&summary)
            .description(&details.join("\n"))
            .starts(icalendar::CalendarDateTime::from(start))
            .ends(icalendar::CalendarDateTime::from(
                start + Duration::minutes(EVENT_MIN),
            ))
            .add_property("RRULE", "FREQ=DAILY")
            .alarm(alarm)
            .done();
        cal.push(event);
    }
    (cal.done(), n)
}
