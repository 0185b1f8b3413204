//! Dates, times and ISO weeks as people type them.

use chrono::{Datelike, Duration, IsoWeek, NaiveDate, NaiveTime, Weekday};
use thiserror::Error;

#[derive(Debug, Error, PartialEq)]
pub enum DateError {
    #[error("bad date `{0}`: accepted are YYYY-MM-DD, `today` or `yesterday`")]
    Date(String),
    #[error("bad time `{0}`: accepted is HH:MM (24-hour, 00:00 to 23:59)")]
    Time(String),
    #[error("bad week `{0}`: accepted is an ISO week YYYY-Www (e.g. 2026-W47) or any date in it")]
    Week(String),
    #[error("bad range: `--from` {0} is after `--to` {1}")]
    Range(NaiveDate, NaiveDate),
}

/// Parses YYYY-MM-DD, `today` or `yesterday`, relative to the given today.
pub fn parse_date(s: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    match s.trim().to_lowercase().as_str() {
        "today" => Ok(today),
        "yesterday" => Ok(today - Duration::days(1)),
        "tomorrow" => Ok(today + Duration::days(1)),
        t => {
            let ok = t.len() == 10 && t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-';
            NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .ok()
                .filter(|d| ok && (1900..=9999).contains(&d.year()))
                .ok_or_else(|| DateError::Date(s.to_string()))
        }
    }
}

/// Parses HH:MM (also H:MM and HH:MM:SS with seconds dropped).
pub fn parse_time(s: &str) -> Result<NaiveTime, DateError> {
    let t = s.trim();
    let parsed =
        NaiveTime::parse_from_str(t, "%H:%M").or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"));
    match parsed {
        Ok(time) if t.len() <= 8 => Ok(time.with_second(0).unwrap_or(time)),
        _ => Err(DateError::Time(s.to_string())),
    }
}

use chrono::Timelike;

/// Parses YYYY-Www (or any accepted date, meaning its week).
pub fn parse_week(s: &str, today: NaiveDate) -> Result<IsoWeek, DateError> {
    let t = s.trim().to_uppercase();
    if let Some((y, w)) = t.split_once("-W") {
        let year: i32 = y.parse().map_err(|_| DateError::Week(s.into()))?;
        let week: u32 = w.parse().map_err(|_| DateError::Week(s.into()))?;
        if w.len() != 2 {
            return Err(DateError::Week(s.into()));
        }
        return NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
            .map(|d| d.iso_week())
            .ok_or_else(|| DateError::Week(s.into()));
    }
    parse_date(s, today)
        .map(|d| d.iso_week())
        .map_err(|_| DateError::Week(s.into()))
}

/// The seven days of an ISO week, Monday first.
pub fn week_days(w: IsoWeek) -> [NaiveDate; 7] {
    let monday = NaiveDate::from_isoywd_opt(w.year(), w.week(), Weekday::Mon).unwrap_or_default();
    std::array::from_fn(|i| monday + Duration::days(i as i64))
}

/// "2026-W47".
pub fn week_label(w: IsoWeek) -> String {
    format!("{}-W{:02}", w.year(), w.week())
}

/// Every day from `from` to `to` inclusive.
pub fn days_between(from: NaiveDate, to: NaiveDate) -> Result<Vec<NaiveDate>, DateError> {
    if from > to {
        return Err(DateError::Range(from, to));
    }
    Ok(from.iter_days().take_while(|d| *d <= to).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn iso_weeks_across_year_ends() {
        let today = d("2026-11-21");
        let cases = [
            ("2026-W47", "2026-11-16"),
            ("2020-W53", "2020-12-28"),
            ("2026-W53", "2026-12-28"),
            ("2025-W01", "2024-12-30"),
            ("2027-01-01", "2026-12-28"),
            ("2024-12-31", "2024-12-30"),
        ];
        for (input, monday) in cases {
            let w = parse_week(input, today).unwrap();
            assert_eq!(week_days(w)[0], d(monday), "{input}");
            assert_eq!(week_days(w)[6], d(monday) + Duration::days(6));
        }
        for bad in [
            "2025-W53", "2026-W00", "2026-W54", "2026-W4", "W47", "2026W47", "",
        ] {
            assert!(parse_week(bad, today).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_and_times() {
        let today = d("2026-03-01");
        assert_eq!(parse_date("yesterday", today).unwrap(), d("2026-02-28"));
        assert_eq!(parse_date("TODAY", today).unwrap(), today);
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "26-1-1",
            "2026-1-1",
            "0000-01-01",
            "x",
        ] {
            assert!(parse_date(bad, today).is_err(), "{bad}");
        }
        assert_eq!(
            parse_time("7:05").unwrap(),
            NaiveTime::from_hms_opt(7, 5, 0).unwrap()
        );
        for bad in ["24:00", "12:60", "7pm", "", "12:00:00:00"] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
    }
}
