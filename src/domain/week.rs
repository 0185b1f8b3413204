//! Dates, times and ISO weeks as people type them.

use chrono::{Datelike, Duration, IsoWeek, NaiveDate, NaiveTime, Weekday};
use thiserror::Error;

#[derive(Debug, Error, PartialEq)]
pub enum DateError {
    #[error(
        "bad date `{0}`: accepted are YYYY-MM-DD (years 1900 to 9999), MM-DD, `today`, `yesterday`, `tomorrow`, a weekday (`sat`) or days back (`-2`)"
    )]
    Date(String),
    #[error("bad time `{0}`: accepted is HH:MM or HHMM (24-hour, 00:00 to 23:59)")]
    Time(String),
    #[error(
        "bad week `{0}`: accepted is an ISO week YYYY-Www (e.g. 2026-W47, years 1900 to 9999) or any date in it"
    )]
    Week(String),
    #[error("bad range: `--from` {0} is after `--to` {1}")]
    Range(NaiveDate, NaiveDate),
}

/// Parses a date as people type it, relative to the given today:
/// - `YYYY-MM-DD`; `today`, `yesterday`, `tomorrow`;
/// - `MM-DD`: the latest such day on or before today (`12-28` typed on 5 January is last year's);
/// - a weekday (`sat`, `saturday`): the latest such day on or before today (today if it is one);
/// - `-N` / `+N`: N days before / after today (up to 100 years).
pub fn parse_date(s: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let t = s.trim().to_lowercase();
    let bad = || DateError::Date(s.to_string());
    match t.as_str() {
        "today" => return Ok(today),
        "yesterday" => return Ok(today - Duration::days(1)),
        "tomorrow" => return Ok(today + Duration::days(1)),
        _ => {}
    }
    if let Some(days) = days_offset(&t) {
        return today
            .checked_add_signed(Duration::days(days))
            .ok_or_else(bad);
    }
    if let Ok(day) = t.parse::<Weekday>() {
        let back = (7 + today.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
        return Ok(today - Duration::days(i64::from(back)));
    }
    let b = t.as_bytes();
    if t.len() == 5 && b[2] == b'-' {
        return month_day(&t, today).ok_or_else(bad);
    }
    let ok = t.len() == 10 && b[4] == b'-' && b[7] == b'-';
    NaiveDate::parse_from_str(&t, "%Y-%m-%d")
        .ok()
        .filter(|d| ok && (FIRST_DAY..=LAST_DAY).contains(d))
        .ok_or_else(bad)
}

/// The accepted dates, everywhere (an entry, a range, the days of a week): 1900 to 9999.
pub const FIRST_DAY: NaiveDate = NaiveDate::from_ymd_opt(1900, 1, 1).expect("a real date");
pub const LAST_DAY: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a real date");

/// `-2` or `+3`: a signed count of days, at most 100 years.
fn days_offset(t: &str) -> Option<i64> {
    let sign = match t.as_bytes().first()? {
        b'-' => -1,
        b'+' => 1,
        _ => return None,
    };
    let digits = &t[1..];
    if digits.is_empty() || digits.len() > 5 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: i64 = digits.parse().ok()?;
    (n <= 36_525).then_some(sign * n)
}

/// `MM-DD`: the latest such day on or before today (29 February looks back to a leap year).
fn month_day(t: &str, today: NaiveDate) -> Option<NaiveDate> {
    let (m, d) = t.split_once('-')?;
    if !(m.bytes().chain(d.bytes()).all(|c| c.is_ascii_digit())) {
        return None;
    }
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    NaiveDate::from_ymd_opt(2000, m, d)?; // a day that exists in some year
    (0..=8)
        .filter_map(|back| NaiveDate::from_ymd_opt(today.year() - back, m, d))
        .find(|day| *day <= today)
}

/// Parses HH:MM (also H:MM, HH:MM:SS with seconds dropped, and HHMM or HMM without the colon,
/// quicker to type: `0730`, `730`).
pub fn parse_time(s: &str) -> Result<NaiveTime, DateError> {
    let t = s.trim();
    if (3..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
        let (h, m) = t.split_at(t.len() - 2);
        let hm = (h.parse().ok(), m.parse().ok());
        return match hm {
            (Some(h), Some(m)) => NaiveTime::from_hms_opt(h, m, 0),
            _ => None,
        }
        .ok_or_else(|| DateError::Time(s.to_string()));
    }
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
        if w.len() != 2 || !(FIRST_DAY.year()..=LAST_DAY.year()).contains(&year) {
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

/// The first and last day of week `w` inside the accepted dates: 9999-W52 ends on 9999-12-31,
/// not in the year 10000 (whose dates, written `+10000-01-01`, sort before every other).
pub fn week_range(w: IsoWeek) -> (NaiveDate, NaiveDate) {
    let days = week_days(w);
    (days[0].max(FIRST_DAY), days[6].min(LAST_DAY))
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
            "2025-W53",
            "2026-W00",
            "2026-W54",
            "2026-W4",
            "W47",
            "2026W47",
            "",
            "0000-W01",
            "1899-W52",
            "10000-W01",
        ] {
            assert!(parse_week(bad, today).is_err(), "{bad}");
        }
    }

    #[test]
    fn weeks_at_the_ends_of_the_accepted_dates_stay_inside_them() {
        let today = d("2026-11-21");
        let last = parse_week("9999-W52", today).unwrap();
        assert_eq!(week_range(last), (d("9999-12-27"), d("9999-12-31")));
        let first = parse_week("1900-W01", today).unwrap();
        assert_eq!(week_range(first), (d("1900-01-01"), d("1900-01-07")));
        assert_eq!(
            week_range(parse_week("2026-W47", today).unwrap()).1,
            d("2026-11-22")
        );
        assert!(parse_date("1899-12-31", today).is_err());
        assert!(parse_date("9999-12-31", today).is_ok());
    }

    #[test]
    fn relative_dates_as_people_type_them() {
        let today = d("2026-11-30"); // a Monday
        let cases = [
            ("sat", "2026-11-28"),
            ("Saturday", "2026-11-28"),
            ("mon", "2026-11-30"),
            ("tue", "2026-11-24"),
            ("sun", "2026-11-29"),
            ("-2", "2026-11-28"),
            ("-0", "2026-11-30"),
            ("+1", "2026-12-01"),
            ("-365", "2025-11-30"),
            ("11-28", "2026-11-28"),
            ("11-30", "2026-11-30"),
            ("12-28", "2025-12-28"),
            ("02-29", "2024-02-29"),
            (" 01-05 ", "2026-01-05"),
        ];
        for (typed, want) in cases {
            assert_eq!(parse_date(typed, today), Ok(d(want)), "{typed}");
        }
        assert_eq!(parse_date("01-05", d("2026-01-04")), Ok(d("2025-01-05")));
        for bad in [
            "-", "+", "--2", "-2d", "-99999", "- 2", "13-01", "11-31", "1-28", "11-1", "sa",
            "satx", "00-10", "ab-cd",
        ] {
            assert!(parse_date(bad, today).is_err(), "{bad}");
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
        for (typed, hm) in [("0730", (7, 30)), ("730", (7, 30)), ("2359", (23, 59))] {
            let want = NaiveTime::from_hms_opt(hm.0, hm.1, 0).unwrap();
            assert_eq!(parse_time(typed), Ok(want), "{typed}");
        }
        for bad in [
            "24:00",
            "12:60",
            "7pm",
            "",
            "12:00:00:00",
            "2400",
            "0760",
            "73",
            "07300",
            "+730",
        ] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
    }
}
