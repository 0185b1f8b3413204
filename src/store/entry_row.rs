//! How an entry maps to a row of the `entries` table and back: the column list every SELECT
//! shares, the values an insert or update binds, and the reading of a row (a malformed one is a
//! `Corrupt` error, never a panic).

use super::{Result, StoreError, now_stamp};
use crate::domain::{Entry, Kind, Milli, Nutrient, Nutrients, Value};
use chrono::{NaiveDate, NaiveTime, Timelike};
use rusqlite::{Row, types::Value as Sql};
use std::sync::LazyLock;

/// Column list shared by every SELECT, in the order `from_row` reads.
pub(super) static COLUMNS: LazyLock<String> = LazyLock::new(|| {
    let mut cols = vec![
        "id",
        "date",
        "time",
        "item_key",
        "item_name",
        "kind",
        "quantity",
        "unit",
        "servings",
        "tags",
        "meal",
        "note",
        "partial",
    ]
    .into_iter()
    .map(String::from)
    .collect::<Vec<_>>();
    for n in Nutrient::ALL {
        cols.push(format!("{}_lo", n.column()));
        cols.push(format!("{}_hi", n.column()));
    }
    cols.join(", ")
});

pub(super) const BASE_COLS: usize = 13;
pub(super) fn entry_values(id: Option<i64>, e: &Entry) -> Vec<Sql> {
    let opt = |s: &Option<String>| s.clone().map(Sql::Text).unwrap_or(Sql::Null);
    let tags = serde_json::to_string(&e.tags).unwrap_or_else(|_| "[]".into());
    let mut v = vec![
        id.map(Sql::Integer).unwrap_or(Sql::Null),
        // Display is YYYY-MM-DD for every accepted date (1900 to 9999), without the format
        // parser `format("%Y-%m-%d")` runs on each call (a tenth of a large import's time).
        Sql::Text(e.date.to_string()),
        e.time.map_or(Sql::Null, |t| {
            Sql::Text(format!("{:02}:{:02}", t.hour(), t.minute()))
        }),
        Sql::Text(e.item_key.clone()),
        Sql::Text(e.item_name.clone()),
        Sql::Text(e.kind.as_str().into()),
        Sql::Real(e.quantity),
        Sql::Text(e.unit.clone()),
        Sql::Real(e.servings),
        Sql::Text(tags),
        opt(&e.meal),
        opt(&e.note),
        Sql::Integer(i64::from(e.nutrients.partial_bits())),
    ];
    for n in Nutrient::ALL {
        match e.nutrients.get(n).bounds() {
            Some((lo, hi)) => v.extend([Sql::Integer(lo.0), Sql::Integer(hi.0)]),
            None => v.extend([Sql::Null, Sql::Null]),
        }
    }
    v
}

/// The entry's values for an insert: [`entry_values`] and the created/updated stamps.
pub(super) fn insert_values(id: Option<i64>, e: &Entry) -> Vec<Sql> {
    let mut v = entry_values(id, e);
    let now = now_stamp();
    v.extend([Sql::Text(now.clone()), Sql::Text(now)]);
    v
}

/// Reads one row; a malformed row is a `Corrupt` error, never a panic.
pub(super) fn from_row(r: &Row<'_>) -> rusqlite::Result<Result<Entry>> {
    let date: String = r.get(1)?;
    let time: Option<String> = r.get(2)?;
    let kind: String = r.get(5)?;
    let tags: String = r.get(9)?;
    let partial: i64 = r.get(12)?;
    let mut nutrients = Nutrients::default();
    for (i, n) in Nutrient::ALL.into_iter().enumerate() {
        let lo: Option<i64> = r.get(BASE_COLS + 2 * i)?;
        let hi: Option<i64> = r.get(BASE_COLS + 2 * i + 1)?;
        let v = match (lo, hi) {
            (Some(lo), Some(hi)) => {
                Value::from_bounds(Milli(lo), Milli(hi)).with_partial(partial >> i & 1 == 1)
            }
            _ => Value::Unknown,
        };
        nutrients.set(n, v);
    }
    let corrupt = |what: &str, v: &str| {
        StoreError::Corrupt(format!(
            "entry {}: bad {what} `{v}`",
            r.get::<_, i64>(0).unwrap_or(0)
        ))
    };
    let parsed = (|| {
        Ok(Entry {
            id: r.get(0)?,
            date: parse_date(&date).ok_or_else(|| corrupt("date", &date))?,
            time: match &time {
                Some(t) => Some(parse_time(t).ok_or_else(|| corrupt("time", t))?),
                None => None,
            },
            item_key: r.get(3)?,
            item_name: r.get(4)?,
            kind: Kind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
            quantity: r.get(6)?,
            unit: r.get(7)?,
            servings: r.get(8)?,
            nutrients,
            tags: parse_tags(&tags).ok_or_else(|| corrupt("tags", &tags))?,
            meal: r.get(10)?,
            note: r.get(11)?,
        })
    })();
    Ok(parsed)
}

/// `YYYY-MM-DD` as the diary writes it, read by hand (chrono's format parser costs more than the
/// rest of the row); anything else (a row edited by hand) goes through chrono.
fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let fast = (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
        .then(|| {
            let (y, m, d) = (digits(&b[0..4])?, digits(&b[5..7])?, digits(&b[8..10])?);
            NaiveDate::from_ymd_opt(y as i32, m, d)
        })
        .flatten();
    fast.or_else(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
}

/// `HH:MM`, the same way.
fn parse_time(s: &str) -> Option<NaiveTime> {
    let b = s.as_bytes();
    let fast = (b.len() == 5 && b[2] == b':')
        .then(|| NaiveTime::from_hms_opt(digits(&b[0..2])?, digits(&b[3..5])?, 0))
        .flatten();
    fast.or_else(|| NaiveTime::parse_from_str(s, "%H:%M").ok())
}

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// The JSON array of tags; most entries have none.
fn parse_tags(s: &str) -> Option<Vec<String>> {
    if s == "[]" {
        return Some(Vec::new());
    }
    serde_json::from_str(s).ok()
}
