//! Entries (one logged intake) and a day's totals.

use super::item::Kind;
use super::nutrient::{Nutrient, Shown};
use super::value::{Nutrients, Total};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

/// One logged intake. Its nutrients were computed when it was logged and are never recomputed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Database id; 0 for an entry not yet stored.
    pub id: i64,
    pub date: NaiveDate,
    /// When on `date`; `None` when the time is unknown (imported history often has none). An
    /// entry without a time counts in its day's totals, is shown as [`TIME_UNKNOWN`], is never
    /// given a guessed time, and every timing rule skips it.
    pub time: Option<NaiveTime>,
    pub item_key: std::sync::Arc<str>,
    pub item_name: String,
    pub kind: Kind,
    /// The amount as typed, and its unit as typed (normalised).
    pub quantity: f64,
    pub unit: String,
    /// How many of the item's servings that was.
    pub servings: f64,
    pub nutrients: Nutrients,
    /// The item's tags when logged (the warning rules read them).
    pub tags: Vec<String>,
    pub meal: Option<String>,
    pub note: Option<String>,
}

/// A time as `HH:MM` (what `format("%H:%M")` gives, without parsing that format on each call).
pub fn hhmm(t: NaiveTime) -> String {
    let mut s = String::with_capacity(5);
    push_hhmm(&mut s, t);
    s
}

/// [`hhmm`] appended to `s` (warning messages name many times).
pub fn push_hhmm(s: &mut String, t: NaiveTime) {
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let (h, m) = (t.hour(), t.minute());
    let text = [digit(h / 10), digit(h), b':', digit(m / 10), digit(m)];
    s.push_str(std::str::from_utf8(&text).unwrap_or("--:--"));
}

/// How an unknown time is shown (day view, CLI, warnings).
pub const TIME_UNKNOWN: &str = "--:--";

impl Entry {
    /// The moment of the entry, when its time is known.
    pub fn at(&self) -> Option<NaiveDateTime> {
        self.time.map(|t| self.date.and_time(t))
    }

    /// `HH:MM`, or [`TIME_UNKNOWN`].
    pub fn time_display(&self) -> String {
        self.time.map_or_else(|| TIME_UNKNOWN.to_string(), hhmm)
    }

    pub fn has_tag(&self, t: &str) -> bool {
        self.tags.iter().any(|x| x == t)
    }

    /// The one meaning of "supplement" in the warning rules: an entry of kind supplement (what
    /// `dose-time-consistency` and `take-with-fat` look at). The rules about the dose of a
    /// nutrient (calcium, vitamin K) also count medicines holding it (an antacid, phytonadione)
    /// and say "supplement or medication".
    pub fn is_supplement(&self) -> bool {
        self.kind == Kind::Supplement
    }

    pub fn amount_display(&self) -> String {
        let mut s = super::nutrient::fmt_amount(self.quantity);
        s.push(' ');
        s.push_str(&self.unit);
        s
    }

    /// "Natto 3 oz": how status lines name an entry.
    pub fn describe(&self) -> String {
        format!("{} {}", self.item_name, self.amount_display())
    }
}

/// When an item was logged, and nothing else of the entry: what the dose-time rule reads of a
/// supplement's earlier doses (issue 19: from an index alone, without the rows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    pub id: i64,
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub item_key: String,
}

impl Logged {
    /// An entry of `kind` holding only when it was logged: no name, amount or tags, and every
    /// nutrient unknown (never 0). For a rule's history only: no report shows it, no total counts it.
    pub fn into_entry(self, kind: Kind) -> Entry {
        Entry {
            id: self.id,
            date: self.date,
            time: self.time,
            item_key: self.item_key.into(),
            item_name: String::new(),
            kind,
            quantity: 0.0,
            unit: String::new(),
            servings: 0.0,
            nutrients: Nutrients::default(),
            tags: Vec::new(),
            meal: None,
            note: None,
        }
    }
}

/// The totals of one day, per nutrient, and split into food and supplement parts.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DayTotals {
    pub entries: usize,
    pub all: [Total; Nutrient::COUNT],
    pub from_supplements: [Total; Nutrient::COUNT],
}

impl DayTotals {
    pub fn of(entries: &[Entry]) -> DayTotals {
        let mut t = DayTotals {
            entries: entries.len(),
            ..Default::default()
        };
        // Position by position (the arrays are all in nutrient index order), the kind asked
        // once an entry: an export sums every entry of every day.
        for e in entries {
            let values = e.nutrients.0.iter();
            for (total, v) in t.all.iter_mut().zip(values.clone()) {
                total.add(*v);
            }
            if e.kind != Kind::Food {
                for (total, v) in t.from_supplements.iter_mut().zip(values) {
                    total.add(*v);
                }
            }
        }
        t
    }

    pub fn get(&self, n: Nutrient) -> Total {
        self.all[n.index()]
    }

    /// The total of a shown nutrient (vitamin D = all forms; K2 = MK-4 + MK-7).
    pub fn shown(&self, s: Shown) -> Total {
        sum_parts(&self.all, s)
    }

    pub fn shown_supplements(&self, s: Shown) -> Total {
        sum_parts(&self.from_supplements, s)
    }

    /// Shown nutrients whose total misses unknown values.
    pub fn incomplete(&self) -> Vec<Shown> {
        Shown::ALL
            .into_iter()
            .filter(|s| self.shown(*s).is_lower_bound())
            .collect()
    }
}

fn sum_parts(all: &[Total; Nutrient::COUNT], s: Shown) -> Total {
    let mut t = Total::default();
    for &n in s.parts() {
        t.merge(&all[n.index()]);
    }
    t
}

/// What to log: an item, a quantity and when.
#[derive(Debug, Clone)]
pub struct LogRequest<'a> {
    pub item: &'a super::item::Item,
    pub quantity: super::units::Quantity,
    pub date: NaiveDate,
    pub time: NaiveTime,
    pub meal: Option<String>,
    pub note: Option<String>,
}

impl Entry {
    /// Builds an entry, computing its nutrients now (they are kept as logged).
    pub fn log(r: LogRequest<'_>) -> Result<Entry, super::units::QtyError> {
        let (servings, nutrients) = r.item.nutrients_for(&r.quantity)?;
        Ok(Entry {
            id: 0,
            date: r.date,
            time: Some(r.time),
            item_key: r.item.key.as_str().into(),
            item_name: r.item.name.clone(),
            kind: r.item.kind,
            quantity: r.quantity.amount,
            unit: r.quantity.unit.name(),
            servings,
            nutrients,
            tags: r.item.tags.clone(),
            meal: r.meal,
            note: r.note,
        })
    }
}
