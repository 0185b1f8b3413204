//! Cronometer's exports: `servings.csv` (one row per logged food) and `dailySummary.csv` (one row
//! per day). Columns are found by name, never by position (the set changes between accounts and
//! years); a blank cell is unknown, never 0.

use super::names::{self, DoseOf, KForm};
use super::{Bad, ImportError, Notes, Outcome, RowKey};
use crate::domain::item::IU_PER_MCG_VITAMIN_D;
use crate::domain::nutrient;
use crate::domain::{Entry, Kind, Nutrient, Nutrients, Shown, Value};
use crate::store::Store;
use chrono::{NaiveDate, NaiveTime};
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
        item_key: key,
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
/// (Cronometer's food values are phylloquinone). A supplement's K2 without MK-4/MK-7, or K of an
/// unnamed form in a supplement, has no slot: it stays unknown and is reported.
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
        (KForm::K2Unnamed, _) => {
            return notes.unmapped(name, "vitamin K2 without MK-4 or MK-7: left unknown");
        }
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

/// Cronometer's group as intake's meal: Breakfast → breakfast, Snacks → snack; Uncategorized
/// and Supplements are no meal.
fn meal(group: &str) -> Option<String> {
    match group.to_lowercase().as_str() {
        "" | "uncategorized" | "supplements" => None,
        "snacks" => Some("snack".into()),
        g => Some(g.to_string()),
    }
}

/// `cronometer:` and the name in lower case with single dashes.
fn item_key(name: &str) -> String {
    let mut key = String::from("cronometer:");
    let mut dash = false;
    for c in name.to_lowercase().chars() {
        if c.is_alphanumeric() {
            key.push(c);
            dash = false;
        } else if !dash && !key.ends_with(':') {
            key.push('-');
            dash = true;
        }
    }
    key.trim_end_matches('-').to_string()
}

/// `9:00 AM`, `12:50 PM`, `21:15`, `21:15:00`.
fn parse_time(t: &str) -> Option<NaiveTime> {
    ["%I:%M %p", "%I:%M:%S %p", "%H:%M", "%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(t, f).ok())
}

/// A finite number, not negative.
fn parse_number(s: &str) -> Option<f64> {
    s.parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0)
}

/// `"150.00 g"` → (150, g); `"4.00 x 1000.0 IU"` → (4000, IU); `"1.00 full recipe"`.
pub fn parse_amount(s: &str) -> Option<(f64, String)> {
    let (num, rest) = s.trim().split_once(' ')?;
    let mut q = parse_number(num)?;
    let mut unit = rest.trim();
    if let Some(times) = unit.strip_prefix("x ") {
        let (each, u) = times.trim().split_once(' ')?;
        q *= parse_number(each)?;
        unit = u.trim();
    }
    (!unit.is_empty()).then(|| (q, unit.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_cronometer_writes_them() {
        let a = |s: &str| parse_amount(s);
        assert_eq!(a("150.00 g"), Some((150.0, "g".into())));
        assert_eq!(a("4.00 x 1000.0 IU"), Some((4000.0, "IU".into())));
        assert_eq!(a("1.00 full recipe"), Some((1.0, "full recipe".into())));
        assert_eq!(a("2.00 softgel"), Some((2.0, "softgel".into())));
        assert_eq!(a("0.60 mg"), Some((0.6, "mg".into())));
        for bad in ["", "g", "150.00", "abc g", "-1 g", "4.00 x IU", "NaN g"] {
            assert_eq!(a(bad), None, "{bad}");
        }
    }

    #[test]
    fn times_and_keys() {
        let t = |s| parse_time(s).map(|t| t.format("%H:%M").to_string());
        assert_eq!(t("9:00 AM").as_deref(), Some("09:00"));
        assert_eq!(t("12:50 PM").as_deref(), Some("12:50"));
        assert_eq!(t("12:05 AM").as_deref(), Some("00:05"));
        assert_eq!(t("21:15").as_deref(), Some("21:15"));
        assert_eq!(t("noon"), None);
        assert_eq!(
            item_key("Bread, whole-wheat (1 slice)"),
            "cronometer:bread-whole-wheat-1-slice"
        );
        assert_eq!(meal("Snacks").as_deref(), Some("snack"));
        assert_eq!(meal("Uncategorized"), None);
    }
}
