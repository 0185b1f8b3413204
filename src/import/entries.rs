//! intake's own per-entry CSV (`intake export --entries`) back in: `export --entries` → `import
//! entries` into an empty diary → `export --entries` gives the same file but for `id`.
//!
//! The CSV does not carry an entry's servings or tags: they come from the item with the entry's
//! key (built-in, USDA or the diary's own items), so the warnings read imported entries as they
//! read logged ones; an entry whose item is unknown here keeps no tags and counts as one serving.

use super::{Bad, ImportError, Notes, Outcome, RowKey};
use crate::catalog::Catalog;
use crate::domain::{Entry, Kind, Milli, Nutrient, Nutrients, Quantity, Value};
use crate::export::unneutralise;
use crate::store::Store;
use chrono::{NaiveDate, NaiveTime};
use csv::StringRecord;
use std::path::Path;

pub const ORIGIN: &str = "intake-entries";

/// The columns every per-entry CSV has; the nutrient and note columns may be missing (an older
/// or newer intake), which leaves those values unknown or empty.
const REQUIRED: [&str; 7] = [
    "date",
    "time",
    "item_key",
    "item_name",
    "kind",
    "quantity",
    "unit",
];

/// Imports a per-entry CSV in one transaction (or with `dry_run` only reads it).
pub fn import(store: &mut Store, path: &Path, dry_run: bool) -> Result<Outcome, ImportError> {
    let mut rdr = super::csv_reader(path)?;
    let headers = rdr
        .headers()
        .map_err(|e| super::csv_error(path, &e))?
        .clone();
    let layout = Layout::of(&headers)
        .map_err(|what| ImportError::Bad(format!("{}:1: {what}", path.display())))?;
    let catalog = Catalog::for_diary(store.user_items()?, &store.recipes()?);
    super::stream_into(store, path, rdr, ORIGIN, dry_run, |r, notes| {
        layout.entry(r, &catalog, notes)
    })
}

struct Layout {
    base: [usize; 7],
    /// Per nutrient, its `_low` and `_high` columns.
    nutrients: Vec<(Nutrient, Option<usize>, Option<usize>)>,
    meal: Option<usize>,
    note: Option<usize>,
    headers: StringRecord,
}

impl Layout {
    fn of(headers: &StringRecord) -> Result<Layout, String> {
        let find = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim_start_matches('\u{feff}') == name)
        };
        let mut base = [0; 7];
        for (slot, name) in base.iter_mut().zip(REQUIRED) {
            *slot = find(name).ok_or_else(|| {
                format!(
                    "not an intake per-entry CSV (`intake export --entries`): no `{name}` column"
                )
            })?;
        }
        let nutrients = Nutrient::ALL
            .iter()
            .map(|&n| {
                let c = n.column();
                (n, find(&format!("{c}_low")), find(&format!("{c}_high")))
            })
            .collect();
        Ok(Layout {
            base,
            nutrients,
            meal: find("meal"),
            note: find("note"),
            headers: headers.clone(),
        })
    }

    fn entry(
        &self,
        r: &StringRecord,
        catalog: &Catalog,
        _notes: &mut Notes,
    ) -> Result<(Entry, RowKey), Bad> {
        let cell = |i: usize| unneutralise(r.get(i).unwrap_or(""));
        let bad = |i: usize, what: String| Bad {
            column: self.headers.get(i).unwrap_or("").to_string(),
            what,
        };
        let [date_i, time_i, key_i, name_i, kind_i, qty_i, unit_i] = self.base;
        let date = NaiveDate::parse_from_str(cell(date_i), "%Y-%m-%d").map_err(|_| {
            bad(
                date_i,
                format!("`{}` is not a date: accepted is YYYY-MM-DD", cell(date_i)),
            )
        })?;
        let time = match cell(time_i) {
            "" => None,
            t => Some(NaiveTime::parse_from_str(t, "%H:%M").map_err(|_| {
                bad(
                    time_i,
                    format!("`{t}` is not a time: accepted is HH:MM, or empty for unknown"),
                )
            })?),
        };
        let kind = Kind::parse(cell(kind_i)).ok_or_else(|| {
            let k = cell(kind_i);
            bad(
                kind_i,
                format!("`{k}` is not a kind: accepted are food, supplement, medication"),
            )
        })?;
        let quantity = number(cell(qty_i)).ok_or_else(|| {
            bad(
                qty_i,
                format!("`{}` is not a quantity (a number, 0 or more)", cell(qty_i)),
            )
        })?;
        let unit = cell(unit_i);
        if unit.is_empty() || Quantity::parse(&format!("1 {unit}")).is_err() {
            return Err(bad(unit_i, format!("`{unit}` is not a unit")));
        }
        let mut nutrients = Nutrients::default();
        let mut key = RowKey::new(ORIGIN);
        for i in [date_i, time_i, key_i, name_i, kind_i, qty_i, unit_i] {
            key.push(cell(i));
        }
        for &(n, lo, hi) in &self.nutrients {
            let v = self.value(r, lo, hi).map_err(|(i, what)| bad(i, what))?;
            nutrients.set(n, v);
            for i in [lo, hi] {
                key.push(i.and_then(|i| r.get(i)).unwrap_or(""));
            }
        }
        let mut text = |i: Option<usize>| {
            let s = i.map_or("", cell);
            key.push(s);
            (!s.is_empty()).then(|| s.to_string())
        };
        let (meal, note) = (text(self.meal), text(self.note));
        let item_key = cell(key_i).to_string();
        let (servings, tags) = from_item(catalog, &item_key, quantity, unit);
        let entry = Entry {
            id: 0,
            date,
            time,
            item_key: item_key.into(),
            item_name: cell(name_i).to_string(),
            kind,
            quantity,
            unit: unit.to_string(),
            servings,
            nutrients,
            tags,
            meal,
            note,
        };
        Ok((entry, key))
    }

    /// A nutrient from its `_low` and `_high` cells: both empty is unknown.
    fn value(
        &self,
        r: &StringRecord,
        lo: Option<usize>,
        hi: Option<usize>,
    ) -> Result<Value, (usize, String)> {
        let read = |i: Option<usize>| -> Result<Option<f64>, (usize, String)> {
            let Some(i) = i else { return Ok(None) };
            match r.get(i).unwrap_or("") {
                "" => Ok(None),
                s => number(s)
                    .map(Some)
                    .ok_or_else(|| (i, format!("`{s}` is not a number (or empty for unknown)"))),
            }
        };
        match (read(lo)?, read(hi)?) {
            (None, None) => Ok(Value::Unknown),
            (Some(l), Some(h)) if l <= h => {
                Ok(Value::from_bounds(Milli::from_f64(l), Milli::from_f64(h)))
            }
            _ => Err((
                lo.or(hi).unwrap_or(0),
                "low and high must both be given, low ≤ high (or both empty for unknown)".into(),
            )),
        }
    }
}

/// The servings and tags the entry's item gives (see the module note).
fn from_item(catalog: &Catalog, key: &str, quantity: f64, unit: &str) -> (f64, Vec<String>) {
    let Some(item) = catalog.get(key) else {
        return (1.0, Vec::new());
    };
    let servings = Quantity::parse(&format!("{quantity} {unit}"))
        .ok()
        .and_then(|q| item.servings_for(&q).ok())
        .unwrap_or(1.0);
    (servings, item.tags.clone())
}

fn number(s: &str) -> Option<f64> {
    s.parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0)
}
