//! Rules that compare the day with the previous logged days.

use super::doses::{VITAMIN_K, contributors};
use super::table;
use super::{Severity, View, Warning, fmt_gap, total_of};
use crate::domain::entry::Entry;
use crate::domain::nutrient::fmt_amount;
use crate::domain::value::Total;
use chrono::{Duration, Timelike};

/// The entries before the day that the rule's row declares, by date (oldest first): runs of
/// the view, which is in time order.
fn history<'a>(v: &View<'a>) -> Vec<&'a [&'a Entry]> {
    let from = v.day - Duration::days(table::HISTORY_DAYS);
    let lo = v.all.partition_point(|e| e.date < from);
    let hi = v.all.partition_point(|e| e.date < v.day);
    // Sized once: at most a run a day.
    let mut days = Vec::with_capacity(table::HISTORY_DAYS as usize + 1);
    days.extend(v.all[lo..hi].chunk_by(|a, b| a.date == b.date));
    days
}

/// `vitamin-k-consistency`: on warfarin, the day's vitamin K (K1 + MK-4 + MK-7, all sources)
/// more than 30 % above or below the mean of the previous 7 logged days (days with any entry;
/// at least 3 of them, else there is no habit to compare with). Those days' totals come from
/// the view's `logged_k` when the caller read them summed, else from their entries.
///
/// Unknown values stay unknown: a day with an unknown part has no upper end, so it can be
/// certainly *above* a fully known mean but never certainly below anything. The rule fires only
/// when the difference is certain (today's low end against the mean's high end, and back).
pub(crate) fn k_consistency(v: &View) -> Option<Warning> {
    let today = v.today();
    if today.is_empty() {
        return None;
    }
    let previous: Vec<Total> = match v.logged_k {
        Some(totals) => totals
            .iter()
            .rev()
            .take(table::K_HISTORY_LOGGED_DAYS)
            .copied()
            .collect(),
        None => (history(v).iter().rev())
            .take(table::K_HISTORY_LOGGED_DAYS)
            .map(|es| total_of(es.iter().copied(), VITAMIN_K))
            .collect(),
    };
    if previous.len() < table::K_MIN_LOGGED_DAYS {
        return None;
    }
    let n = previous.len() as i64;
    let sum_lo: i64 = previous.iter().map(|t| t.lo.0).sum();
    let sum_hi: Option<i64> = previous
        .iter()
        .map(|t| (!t.is_lower_bound()).then_some(t.hi.0))
        .sum();
    let day = total_of(today.iter().copied(), VITAMIN_K);
    let pct = table::K_MAX_CHANGE_PCT;
    let above = sum_hi.is_some_and(|hi| day.lo.0 * n * 100 > hi * (100 + pct));
    let below = !day.is_lower_bound() && day.hi.0 * n * 100 < sum_lo * (100 - pct);
    if !above && !below {
        return None;
    }
    let from = contributors(today, VITAMIN_K);
    let rule = (table::K_CONSISTENCY, Severity::Caution, table::SRC_WARFARIN);
    Some(v.warning(rule, &from, || {
        let mean = match sum_hi {
            Some(hi) if hi != sum_lo => format!(
                "{}–{}",
                fmt_amount(sum_lo as f64 / 1000.0 / n as f64),
                fmt_amount(hi as f64 / 1000.0 / n as f64)
            ),
            Some(_) => fmt_amount(sum_lo as f64 / 1000.0 / n as f64),
            None => format!("≥ {}", fmt_amount(sum_lo as f64 / 1000.0 / n as f64)),
        };
        let listed = if from.is_empty() {
            "nothing with known vitamin K logged".to_string()
        } else {
            format!("from {}", v.describe_list(&from))
        };
        format!(
            "vitamin K today is {} mcg ({listed}), more than {pct} % {} the mean of the previous {n} logged days ({mean} mcg); the {pct} % and the {} days are {}; on warfarin the source advises keeping vitamin K intake consistent day to day",
            day.display(),
            if above { "above" } else { "below" },
            table::K_HISTORY_LOGGED_DAYS,
            table::OURS,
        )
    }))
}

/// `dose-time-consistency`: a supplement more than 3 h (on the 24-hour clock, so 23:30 and
/// 00:30 are 1 h apart) from its usual time: the median of its times on the previous 7 days it
/// was logged (at least 3 such days). The median on a clock is the logged time closest in sum
/// to all the others. A supplement taken more than once on a day (split doses, as the calcium
/// rule suggests), today or in that history, has no single usual time and is left alone. An
/// entry without a time is skipped, today and in the history.
pub(crate) fn dose_time(v: &View) -> Vec<Warning> {
    let days = history(v);
    let mut today: Vec<&Entry> = Vec::with_capacity(v.today().len());
    today.extend(v.today().iter().copied().filter(|e| e.is_supplement()));
    today
        .iter()
        .filter(|e| today.iter().filter(|o| o.item_key == e.item_key).count() == 1)
        .filter_map(|e| check_time(v, e, &days))
        .collect()
}

fn check_time(v: &View, e: &Entry, days: &[&[&Entry]]) -> Option<Warning> {
    let mut times = Vec::with_capacity(table::DOSE_TIME_HISTORY_DAYS);
    for es in days.iter().rev() {
        let mut same = es.iter().filter(|o| o.item_key == e.item_key);
        match (same.next(), same.next()) {
            (None, _) => continue,
            (Some(one), None) => times.extend(minute_of_day(one)),
            (Some(_), Some(_)) => return None,
        }
        if times.len() == table::DOSE_TIME_HISTORY_DAYS {
            break;
        }
    }
    if times.len() < table::DOSE_TIME_MIN_DAYS {
        return None;
    }
    let usual = clock_median(&times)?;
    let off = clock_distance(minute_of_day(e)?, usual);
    if off <= table::DOSE_TIME_MAX_MIN {
        return None;
    }
    let rule = (table::DOSE_TIME, Severity::Info, table::SRC_DOSE_TIME);
    Some(v.warning(rule, &[e], || {
        format!(
            "{} is {} from its usual time {:02}:{:02} (the median of the previous {} days it was logged); the {} is {}; the source advises taking supplements at the same time daily",
            v.describe(e),
            fmt_gap(off),
            usual / 60,
            usual % 60,
            times.len(),
            fmt_gap(table::DOSE_TIME_MAX_MIN),
            table::OURS,
        )
    }))
}

fn minute_of_day(e: &Entry) -> Option<i64> {
    e.time.map(|t| i64::from(t.hour() * 60 + t.minute()))
}

/// Minutes between two times of day, the short way round the clock.
pub(crate) fn clock_distance(a: i64, b: i64) -> i64 {
    const DAY: i64 = 24 * 60;
    // Times of day are less than a day apart: the remainder (a division) only when not.
    let d = (a - b).abs();
    let d = if d < DAY { d } else { d % DAY };
    d.min(DAY - d)
}

/// The logged time with the least total clock distance to the others (first one on a tie).
pub(crate) fn clock_median(times: &[i64]) -> Option<i64> {
    let cost = |t: i64| times.iter().map(|&o| clock_distance(t, o)).sum::<i64>();
    times.iter().copied().min_by_key(|&t| cost(t))
}

#[cfg(test)]
mod tests {
    use super::{clock_distance, clock_median};

    #[test]
    fn clock_distance_goes_the_short_way() {
        assert_eq!(clock_distance(23 * 60 + 30, 30), 60);
        assert_eq!(clock_distance(30, 23 * 60 + 30), 60);
        assert_eq!(clock_distance(8 * 60, 20 * 60), 12 * 60);
        assert_eq!(clock_distance(8 * 60, 8 * 60), 0);
        // More than a day apart, either way round: the remainder on the clock.
        for (a, b) in [
            (3000i64, 0i64),
            (0, 3000),
            (-100, 1500),
            (2880, 1440),
            (1439, -1),
        ] {
            let d = (a - b).rem_euclid(24 * 60);
            assert_eq!(clock_distance(a, b), d.min(24 * 60 - d), "{a} {b}");
        }
    }

    #[test]
    fn clock_median_handles_times_around_midnight() {
        // 23:00, 23:30, 00:00, 00:30, 01:00: the middle one is midnight, not noon.
        let times = [23 * 60, 23 * 60 + 30, 0, 30, 60];
        assert_eq!(clock_median(&times), Some(0));
        assert_eq!(clock_median(&[480, 480, 1200]), Some(480));
        assert_eq!(clock_median(&[]), None);
    }
}
