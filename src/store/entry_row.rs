//! How an entry maps to a row of the `entries` table and back: the column list every SELECT
//! shares, the values an insert or update binds, and the reading of a row (a malformed one is a
//! `Corrupt` error, never a panic).

use super::{Result, StoreError, now_stamp};
use crate::domain::{Entry, Kind, Logged, Milli, Nutrient, Nutrients, Value};
use chrono::{NaiveDate, NaiveTime, Timelike};
use rusqlite::Row;
use rusqlite::types::{Value as Sql, ValueRef};
use std::sync::{Arc, LazyLock};

/// Column list of every write, in the order [`entry_values`] binds.
pub(super) static COLUMNS: LazyLock<String> = LazyLock::new(columns);

/// The SELECT list of each [`Fields`], in the order `from_row` reads.
pub(super) static SELECT: LazyLock<String> = LazyLock::new(|| select(Fields::All));
pub(super) static RULE_SELECT: LazyLock<String> = LazyLock::new(|| select(Fields::Rules));

/// Which of an entry's values a read fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fields {
    All,
    /// What the warning rules decide on and a day's totals sum (id, date, time, item key, kind,
    /// tags, nutrients): the name, the amount as typed, the servings, meal and note, which only
    /// word messages and show entries, are left empty (`""`, 0, NULL). Issue 19: SQLite not
    /// decoding them and intake not copying them was a tenth of a year's weekly export; not
    /// selecting them at all (rather than as constants) a further 1 %.
    Rules,
}

/// The entry columns, as [`COLUMNS`] lists them.
fn columns() -> String {
    let mut cols = [
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
    .map(String::from)
    .to_vec();
    cols.extend(Nutrient::ALL.into_iter().flat_map(Nutrient::diary_columns));
    cols.join(", ")
}

/// What every read selects, in this order, then each nutrient's low and high end, then for
/// [`Fields::All`] the [`SHOWN`] values.
const READ: [&str; 7] = ["id", "date", "time", "item_key", "kind", "tags", "partial"];
const SHOWN: [&str; 6] = ["item_name", "quantity", "unit", "servings", "meal", "note"];

/// The SELECT list of `fields` (see [`READ`]).
fn select(fields: Fields) -> String {
    let mut cols = READ.map(String::from).to_vec();
    cols.extend(Nutrient::ALL.into_iter().flat_map(Nutrient::diary_columns));
    if fields == Fields::All {
        cols.extend(SHOWN.map(String::from));
    }
    cols.join(", ")
}

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
        Sql::Text(e.item_key.to_string()),
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

/// Reads one row of `fields` (selected by [`SELECT`] or [`RULE_SELECT`]); a malformed row is a
/// `Corrupt` error, never a panic.
///
/// Columns are read as borrowed values (issue 19: a year's export reads ~11,000 rows); only the
/// texts an entry keeps are copied. A value of an unexpected type goes through rusqlite's typed
/// `get`, so it fails as it always did.
pub(super) fn from_row(r: &Row<'_>, fields: Fields, seen: &mut Seen) -> Result<Entry> {
    let partial = int(r, 6)?.unwrap_or_default();
    let mut nutrients = Nutrients::default();
    for (i, n) in Nutrient::ALL.into_iter().enumerate() {
        let lo = int(r, READ.len() + 2 * i)?;
        let hi = int(r, READ.len() + 2 * i + 1)?;
        if let (Some(lo), Some(hi)) = (lo, hi) {
            let v = Value::from_bounds(Milli(lo), Milli(hi)).with_partial(partial >> i & 1 == 1);
            nutrients.set(n, v);
        }
    }
    let (date, time) = when(r, seen)??;
    let kind = text(r, 4)?;
    let shown = match fields {
        Fields::All => ForShow::read(r, READ.len() + 2 * Nutrient::ALL.len())?,
        Fields::Rules => ForShow::default(),
    };
    // Built where it is returned: an entry is ~430 bytes, and each Result it passes through
    // copies it (issue 19).
    Ok(Entry {
        id: id(r)?,
        date,
        time,
        item_key: seen.key(r)?,
        item_name: shown.item_name,
        kind: Kind::parse(kind).ok_or_else(|| corrupt(r, "kind", kind))?,
        quantity: shown.quantity,
        unit: shown.unit,
        servings: shown.servings,
        nutrients,
        tags: tags(r, seen)?,
        meal: shown.meal,
        note: shown.note,
    })
}

/// The [`SHOWN`] values of an entry, which [`Fields::Rules`] leaves out.
#[derive(Default)]
struct ForShow {
    item_name: String,
    quantity: f64,
    unit: String,
    servings: f64,
    meal: Option<String>,
    note: Option<String>,
}

impl ForShow {
    /// Reads them from column `at` on.
    fn read(r: &Row<'_>, at: usize) -> rusqlite::Result<ForShow> {
        Ok(ForShow {
            item_name: text(r, at)?.to_owned(),
            quantity: r.get(at + 1)?,
            unit: text(r, at + 2)?.to_owned(),
            servings: r.get(at + 3)?,
            meal: opt_text(r, at + 4)?.map(str::to_owned),
            note: opt_text(r, at + 5)?.map(str::to_owned),
        })
    }
}

/// Reads `id, date, time` of an entry of `key`; a malformed row is a `Corrupt` error.
pub(super) fn logged_from_row(r: &Row<'_>, key: &str) -> rusqlite::Result<Result<Logged>> {
    let id = r.get(0)?;
    Ok(when(r, &mut Seen::default())?.map(|(date, time)| Logged {
        id,
        date,
        time,
        item_key: key.to_owned(),
    }))
}

/// The date and time, columns 1 and 2 of every SELECT here; a malformed one is `Corrupt`.
/// Read as bytes: as the diary writes them they are ASCII, checked digit by digit.
fn when(r: &Row<'_>, seen: &mut Seen) -> rusqlite::Result<Result<(NaiveDate, Option<NaiveTime>)>> {
    let date = match bytes(r, 1)?.and_then(|b| seen.date(b)) {
        Some(d) => Ok(d),
        None => text(r, 1).map(|s| slow_date(s).ok_or_else(|| corrupt(r, "date", s)))?,
    };
    let time = match bytes(r, 2)? {
        None => Ok(None),
        Some(b) => match fast_time(b) {
            Some(t) => Ok(Some(t)),
            None => {
                text(r, 2).map(|s| slow_time(s).map(Some).ok_or_else(|| corrupt(r, "time", s)))?
            }
        },
    };
    Ok(date.and_then(|d| Ok((d, time?))))
}

/// The error for a malformed value `v` of the entry in row `r`.
fn corrupt(r: &Row<'_>, what: &str, v: &str) -> StoreError {
    let id = r.get::<_, i64>(0).unwrap_or(0);
    StoreError::Corrupt(format!("entry {id}: bad {what} `{v}`"))
}

/// The id, column 0.
fn id(r: &Row<'_>) -> rusqlite::Result<i64> {
    match r.get_ref(0)? {
        ValueRef::Integer(n) => Ok(n),
        _ => r.get(0),
    }
}

/// An integer or NULL column.
pub(super) fn int(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<i64>> {
    match r.get_ref(i)? {
        ValueRef::Integer(n) => Ok(Some(n)),
        ValueRef::Null => Ok(None),
        _ => r.get(i),
    }
}

/// A text column, borrowed from the row.
fn text<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    opt_text(r, i)?.map_or_else(|| typed_error(r, i), Ok)
}

/// A text or NULL column, borrowed from the row.
fn opt_text<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<Option<&'r str>> {
    match bytes(r, i)? {
        Some(b) => std::str::from_utf8(b).map_or_else(|_| typed_error(r, i), |s| Ok(Some(s))),
        None => Ok(None),
    }
}

/// A text or NULL column's bytes, not checked to be UTF-8 (issue 19: the check cost ~70
/// instructions a column, for dates, times and tag lists that are ASCII when well formed).
pub(super) fn bytes<'r>(r: &'r Row<'_>, i: usize) -> rusqlite::Result<Option<&'r [u8]>> {
    match r.get_ref(i)? {
        ValueRef::Text(b) => Ok(Some(b)),
        ValueRef::Null => Ok(None),
        _ => typed_error(r, i),
    }
}

/// The error rusqlite's typed `get` gives for a column that is not text (or not UTF-8).
fn typed_error<T>(r: &Row<'_>, i: usize) -> rusqlite::Result<T> {
    Err(r
        .get::<_, String>(i)
        .err()
        .unwrap_or(rusqlite::Error::InvalidColumnType(
            i,
            String::new(),
            rusqlite::types::Type::Text,
        )))
}

/// `YYYY-MM-DD` as the diary writes it, read by hand (chrono's format parser costs more than the
/// rest of the row); anything else (a row edited by hand) goes through [`slow_date`].
fn fast_date(b: &[u8]) -> Option<NaiveDate> {
    (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
        .then(|| {
            let (y, m, d) = (digits(&b[0..4])?, digits(&b[5..7])?, digits(&b[8..10])?);
            NaiveDate::from_ymd_opt(y as i32, m, d)
        })
        .flatten()
}

fn slow_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// `HH:MM`, the same way.
fn fast_time(b: &[u8]) -> Option<NaiveTime> {
    (b.len() == 5 && b[2] == b':')
        .then(|| NaiveTime::from_hms_opt(digits(&b[0..2])?, digits(&b[3..5])?, 0))
        .flatten()
}

fn slow_time(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s, "%H:%M").ok()
}

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// The entry's tags, column 5; most entries have none (`[]`, not checked to be UTF-8).
fn tags(r: &Row<'_>, seen: &mut Seen) -> Result<Vec<String>> {
    let s = match bytes(r, 5)? {
        Some(b"[]") => return Ok(Vec::new()),
        Some(b) => std::str::from_utf8(b).map_or_else(|_| typed_error(r, 5), Ok)?,
        None => typed_error(r, 5)?,
    };
    seen.parse(s).ok_or_else(|| corrupt(r, "tags", s))
}

/// What a range read has seen: the tag lists read, by their JSON text (a diary holds few
/// distinct lists, which a range reads thousands of times; issue 19: parsing each was ~1,300
/// instructions a tagged row), and the last date (rows come in date order, ~30 a day).
#[derive(Default)]
pub(super) struct Seen {
    lists: Vec<(String, Vec<String>)>,
    day: Option<([u8; 10], NaiveDate)>,
    /// Item keys read, shared: a diary holds a few hundred distinct keys, which a range reads
    /// thousands of times (issue 19: a String of its own for each entry was ~2 % of a year's
    /// export in allocating and freeing). A key's slot is a hash of its bytes.
    keys: Vec<Option<Arc<str>>>,
    /// Keys not found in their slot since the slots last grew.
    misses: usize,
}

impl Seen {
    /// Lists kept at most (a hand-edited diary may hold any number).
    const KEPT: usize = 32;
    /// Slots for item keys: a few to start with (a day's read meets a few dozen keys), more
    /// as keys miss (a range's read meets hundreds).
    const KEY_SLOTS: (usize, usize) = (64, 1024);

    /// The item key, column 3: the one kept when its bytes are those read (no UTF-8 check,
    /// they passed one), else read as text.
    fn key(&mut self, r: &Row<'_>) -> rusqlite::Result<Arc<str>> {
        let Some(b) = bytes(r, 3)? else {
            return text(r, 3).map(Arc::from); // NULL: the error it always was
        };
        // FNV-1a.
        let hash = b.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &c| {
            (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
        });
        let (fewest, most) = Self::KEY_SLOTS;
        if self.keys.is_empty() || (self.misses > 2 * self.keys.len() && self.keys.len() < most) {
            let slots = (self.keys.len() * 4).clamp(fewest, most);
            self.keys = vec![None; slots];
            self.misses = 0;
        }
        let at = (hash % self.keys.len() as u64) as usize;
        let slot = &mut self.keys[at];
        match slot {
            Some(k) if k.as_bytes() == b => Ok(Arc::clone(k)),
            _ => {
                self.misses += 1;
                let k: Arc<str> = text(r, 3)?.into();
                *slot = Some(Arc::clone(&k));
                Ok(k)
            }
        }
    }

    /// The JSON array of tags; most entries have none.
    fn parse(&mut self, s: &str) -> Option<Vec<String>> {
        if s == "[]" {
            return Some(Vec::new());
        }
        if let Some((_, tags)) = self.lists.iter().find(|(text, _)| text == s) {
            return Some(tags.clone());
        }
        let tags: Vec<String> = serde_json::from_str(s).ok()?;
        if self.lists.len() < Self::KEPT {
            self.lists.push((s.to_owned(), tags.clone()));
        }
        Some(tags)
    }

    /// The date of `b`, as [`fast_date`] reads it, the last one kept.
    fn date(&mut self, b: &[u8]) -> Option<NaiveDate> {
        let key: [u8; 10] = b.try_into().ok()?;
        match self.day {
            Some((k, d)) if k == key => Some(d),
            _ => {
                let d = fast_date(b)?;
                self.day = Some((key, d));
                Some(d)
            }
        }
    }
}

#[cfg(test)]
#[path = "entry_row_tests.rs"]
mod tests;
