//! Cronometer's exports: `servings.csv` (one row per logged food) and `dailySummary.csv` (one row
//! per day). Columns are found by name, never by position (the set changes between accounts and
//! years); a blank cell is unknown, never 0.

mod cells;

use super::names::{self, DoseOf, KForm};
use super::{Bad, ImportError, Notes, Outcome, RowKey};
use crate::domain::item::IU_PER_MCG_VITAMIN_D;
use crate::domain::nutrient;
use crate::domain::{Entry, Kind, Nutrient, Nutrients, Shown, Value};
use crate::store::Store;
pub use cells::parse_amount;
use cells::{item_key, meal, parse_number, parse_time};
use chrono::NaiveDate;
use csv::StringRecord;
use std::path::Path;

pub const ORIGIN_SERVINGS: &str = "cronometer-servings";
pub const ORIGIN_DAILY: &str = "cronometer-daily";

/// The Cronometer columns intake reads, by their exact header.
const CALCIUM: &str = "Calcium (mg)";
const MAGNESIUM: &str = "Magnesium (mg)";
const VITAMIN_D: &str = "Vitamin D (IU)";
const VITAMIN_K: &str = "Vitamin K (µg)";
const FAT: &str = "Fat (g)";

/// Imports a Cronometer `servings.csv` or `dailySummary.csv` (one transaction), or with
/// `dry_run` only reads it and says what it would do.
pub fn import(store: &mut Store, path: &Path, dry_run: bool) -> Result<Outcome, ImportError> {
    let mut rdr = super::csv_reader(path)?;
    let headers = rdr
        .headers()
        .map_err(|e| super::csv_error(path, &e))?
        .clone();
    let layout = Layout::of(&headers)
        .map_err(|what| ImportError::Bad(format!("{}:1: {what}", path.display())))?;
    super::stream_into(store, path, rdr, layout.origin, dry_run, |r, notes| {
        layout.entry(r, notes)
    })
}

/// Where the columns intake reads are in this file.
pub struct Layout {
    pub origin: &'static str,
    day: usize,
    time: Option<usize>,
    group: Option<usize>,
    name: Option<usize>,
    amount: Option<usize>,
    category: Option<usize>,
    calcium: Option<usize>,
    magnesium: Option<usize>,
    vitamin_d: Option<usize>,
    vitamin_k: Option<usize>,
    fat: Option<usize>,
    headers: StringRecord,
}

impl Layout {
    /// Finds the columns; a file with neither `Day` + `Food Name` + `Amount` (servings) nor
    /// `Date` (daily summary) is not a Cronometer export.
    pub fn of(headers: &StringRecord) -> Result<Layout, String> {
        let find = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim_start_matches('\u{feff}').trim() == name)
        };
        let servings = (find("Day"), find("Food Name"), find("Amount"));
        let (origin, day) = match (servings, find("Date")) {
            ((Some(day), Some(_), Some(_)), _) => (ORIGIN_SERVINGS, day),
            (_, Some(date)) => (ORIGIN_DAILY, date),
            _ => {
                return Err(
                    "not a Cronometer servings.csv (needs columns `Day`, `Food Name`, `Amount`) \
                     or dailySummary.csv (needs `Date`)"
                        .into(),
                );
            }
        };
        Ok(Layout {
            origin,
            day,
            time: find("Time"),
            group: find("Group"),
            name: find("Food Name"),
            amount: find("Amount"),
            category: find("Category"),
            calcium: find(CALCIUM),
            magnesium: find(MAGNESIUM),
            vitamin_d: find(VITAMIN_D),
            vitamin_k: find(VITAMIN_K),
            fat: find(FAT),
            headers: headers.clone(),
        })
    }

    /// The entry one row stands for, and the cells that identify it (for the content key).
    pub fn entry(&self, r: &StringRecord, notes: &mut Notes) -> Result<(Entry, RowKey), Bad> {
        let cell = |i: Option<usize>| i.and_then(|i| r.get(i)).unwrap_or("").trim();
        let bad = |i: usize, what: String| Bad {
            column: self.headers.get(i).unwrap_or("").to_string(),
            what,
        };
        let day = cell(Some(self.day));
        let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| {
            bad(
                self.day,
                format!("`{day}` is not a date: accepted is YYYY-MM-DD"),
            )
        })?;
        let time = match cell(self.time) {
            "" => None,
            t => Some(parse_time(t).ok_or_else(|| {
                bad(
                    self.time.unwrap_or(0),
                    format!("`{t}` is not a time: accepted are 9:00 AM, 12:50 PM, 21:15"),
                )
            })?),
        };
        let number = |i: Option<usize>| -> Result<Option<f64>, Bad> {
            match cell(i) {
                "" => Ok(None),
                s => parse_number(s).map(Some).ok_or_else(|| {
                    bad(
                        i.unwrap_or(0),
                        format!("`{s}` is not a number (or blank for unknown)"),
                    )
                }),
            }
        };
        let cells = Cells {
            calcium: number(self.calcium)?,
            magnesium: number(self.magnesium)?,
            vitamin_d: number(self.vitamin_d)?,
            vitamin_k: number(self.vitamin_k)?,
            fat: number(self.fat)?,
        };
        let mut key = RowKey::new(self.origin);
        for c in [
            day,
            cell(self.time),
            cell(self.group),
            cell(self.name),
            cell(self.amount),
        ] {
            key.push(c);
        }
        for c in [
            self.calcium,
            self.magnesium,
            self.vitamin_d,
            self.vitamin_k,
            self.fat,
        ] {
            key.push(cell(c));
        }
        let entry = if self.origin == ORIGIN_DAILY {
            daily_entry(date, &cells, notes)
        } else {
            let amount = cell(self.amount);
            let (quantity, unit) = parse_amount(amount).ok_or_else(|| {
                bad(
                    self.amount.unwrap_or(0),
                    format!(
                        "`{amount}` is not an amount: accepted are `150.00 g`, `4.00 x 1000.0 IU`"
                    ),
                )
            })?;
            let row = Serving {
                name: cell(self.name),
                group: cell(self.group),
                category: cell(self.category),
                quantity,
                unit,
            };
            serving_entry(&row, date, &cells, notes)
        };
        Ok((Entry { time, ..entry }, key))
    }
}

/// The nutrient cells of a row: `None` is blank (unknown).
struct Cells {
    calcium: Option<f64>,
    magnesium: Option<f64>,
    vitamin_d: Option<f64>,
    vitamin_k: Option<f64>,
    fat: Option<f64>,
}

struct Serving<'a> {
    name: &'a str,
    group: &'a str,
    category: &'a str,
    quantity: f64,
    unit: String,
}

fn serving_entry(row: &Serving, date: NaiveDate, cells: &Cells, notes: &mut Notes) -> Entry {
    let medicine = names::medicine(row.name);
    let says_supplement = |s: &str| s.to_lowercase().contains("supplement");
    // "Milk, with added vitamin D" names a vitamin but is food: a supplement is one the group or
    // category calls so, or one about one nutrient logged in a dose unit.
    let dose_unit = matches!(
        row.unit.to_lowercase().as_str(),
        "iu" | "mcg" | "µg" | "ug" | "mg"
    );
    let about = names::dose_nutrient(row.name);
    let kind = if medicine.is_some() {
        Kind::Medication
    } else if says_supplement(row.group)
        || says_supplement(row.category)
        || (about.is_some() && dose_unit)
    {
        Kind::Supplement
    } else {
        Kind::Food
    };
    let dose_of = about.filter(|_| kind == Kind::Supplement);
    let mut n = base_nutrients(cells);
    let d = cells
        .vitamin_d
        .or_else(|| dose(row, dose_of, DoseOf::VitaminD));
    let k = cells
        .vitamin_k
        .or_else(|| dose(row, dose_of, DoseOf::VitaminK));
    place_d(&mut n, d, names::d_form(row.name), row.name, notes);
    place_k(&mut n, k, names::k_form(row.name), kind, row.name, notes);
    let (key, tags) = match medicine {
        Some(m) => (m.item.to_string(), notes.medicine_tags(row.name, m.item)),
        None if kind == Kind::Supplement => (item_key(row.name), names::supplement_tags(row.name)),
        None => (item_key(row.name), Vec::new()),
    };
    Entry {
        id: 0,
        date,
        time: None,
        item_key: key.into(),
        item_name: row.name.to_string(),
        kind,
        quantity: row.quantity,
        unit: row.unit.clone(),
        servings: 1.0,
        nutrients: n,
        tags,
        meal: meal(row.group),
        note: None,
    }
}

/// A day of `dailySummary.csv` as one entry without a time. Its vitamin K mixes whatever forms
/// were logged that day, so no form slot can hold it: it stays unknown (and is reported).
fn daily_entry(date: NaiveDate, cells: &Cells, notes: &mut Notes) -> Entry {
    const NAME: &str = "Cronometer daily total";
    let mut n = base_nutrients(cells);
    place_d(&mut n, cells.vitamin_d, None, NAME, notes);
    if cells.vitamin_k.is_some_and(|v| v > 0.0) {
        notes.unmapped(
            NAME,
            "vitamin K of a whole day: its forms are not known, left unknown",
        );
    }
    Entry {
        id: 0,
        date,
        time: None,
        item_key: "cronometer-daily-total".into(),
        item_name: NAME.into(),
        kind: Kind::Food,
        quantity: 1.0,
        unit: "day".into(),
        servings: 1.0,
        nutrients: n,
        tags: Vec::new(),
        meal: None,
        note: None,
    }
}

fn base_nutrients(cells: &Cells) -> Nutrients {
    let v = |x: Option<f64>| x.map_or(Value::Unknown, Value::exact);
    Nutrients::default()
        .with(Nutrient::Calcium, v(cells.calcium))
        .with(Nutrient::Magnesium, v(cells.magnesium))
        .with(Nutrient::Fat, v(cells.fat))
}

/// A dose given only in `Amount` ("4.00 x 1000.0 IU", "0.60 mg") of an item about one nutrient.
fn dose(row: &Serving, of: Option<DoseOf>, want: DoseOf) -> Option<f64> {
    if of != Some(want) {
        return None;
    }
    let q = row.quantity;
    match (want, row.unit.to_lowercase().as_str()) {
        (DoseOf::VitaminD, "iu") => Some(q),
        (DoseOf::VitaminD, "mcg" | "µg" | "ug") => Some(q * IU_PER_MCG_VITAMIN_D),
        (DoseOf::VitaminK, "mcg" | "µg" | "ug") => Some(q),
        (DoseOf::VitaminK, "mg") => Some(q * 1000.0),
        _ => None,
    }
}

/// Cronometer's one vitamin D figure into the form the name gives (else "form unknown"); the
/// other forms are then 0, so the day's vitamin D total stays whole.
fn place_d(
    n: &mut Nutrients,
    v: Option<f64>,
    form: Option<Nutrient>,
    name: &str,
    notes: &mut Notes,
) {
    let Some(v) = v else { return };
    let slot = form.unwrap_or(Nutrient::VitaminDOther);
    put(n, Shown::VitaminD.parts(), slot, v);
    if v > 0.0 {
        notes.form(name, "vitamin D", slot);
    }
}

/// Cronometer's one vitamin K figure into the form the name gives; a food's unnamed K is K1
/// (Cronometer's food values are phylloquinone); K2 that names neither MK-4 nor MK-7 is K2 of
/// other or unknown form. K of an unnamed form in a supplement (K1 or K2?) has no slot: it stays
/// unknown and is reported.
fn place_k(
    n: &mut Nutrients,
    v: Option<f64>,
    form: KForm,
    kind: Kind,
    name: &str,
    notes: &mut Notes,
) {
    let Some(v) = v else { return };
    if v == 0.0 {
        nutrient::VITAMIN_K
            .iter()
            .for_each(|&f| n.set(f, Value::exact(0.0)));
        return;
    }
    let slot = match (form, kind) {
        (KForm::Known(f), _) => f,
        (KForm::None, Kind::Food) => Nutrient::K1,
        (KForm::K2Unnamed, _) => Nutrient::K2Other,
        (KForm::None, _) => {
            return notes.unmapped(name, "vitamin K of an unnamed form: left unknown");
        }
    };
    put(n, nutrient::VITAMIN_K, slot, v);
    notes.form(name, "vitamin K", slot);
}

fn put(n: &mut Nutrients, forms: &[Nutrient], slot: Nutrient, v: f64) {
    for &f in forms {
        n.set(f, Value::exact(if f == slot { v } else { 0.0 }));
    }
}
