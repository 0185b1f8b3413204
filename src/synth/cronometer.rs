//! The synthetic diary's entries as a Cronometer `servings.csv` (the layout with `Time`), for the
//! import benchmarks: most times blank and a blank cell wherever a value is unknown, as in real
//! exports; vitamin K is one column (K1 and every K2 form), as Cronometer has it.

use crate::domain::{Entry, Kind, Shown};
use std::io::Write;

/// The columns written: the ones `intake import cronometer` reads.
pub const HEADER: [&str; 11] = [
    "Day",
    "Time",
    "Group",
    "Food Name",
    "Amount",
    "Calcium (mg)",
    "Vitamin D (IU)",
    "Vitamin K (µg)",
    "Magnesium (mg)",
    "Fat (g)",
    "Category",
];

/// Writes one row per entry; one time in three is given (Cronometer leaves most blank).
pub fn write_servings<W: Write>(entries: &[Entry], out: W) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for (i, e) in entries.iter().enumerate() {
        let time = match e.time {
            Some(t) if i % 3 == 0 => t.format("%-I:%M %p").to_string(),
            _ => String::new(),
        };
        let (group, category) = match (e.kind, e.meal.as_deref()) {
            (Kind::Food, Some("snack")) => ("Snacks".to_string(), "Foods"),
            (Kind::Food, Some(m)) => (capitalised(m), "Foods"),
            (Kind::Food, None) => ("Uncategorized".to_string(), "Foods"),
            (Kind::Supplement | Kind::Medication, _) => ("Supplements".to_string(), "Supplements"),
        };
        let amount = format!("{:.2} {}", e.quantity, e.unit);
        let fat = e.nutrients.get(crate::domain::Nutrient::Fat).midpoint();
        let cells = [
            Shown::Calcium,
            Shown::VitaminD,
            Shown::VitaminK,
            Shown::Magnesium,
        ]
        .map(|s| cell(e, s));
        let date = e.date.format("%Y-%m-%d").to_string();
        let mut row = vec![date, time, group, e.item_name.clone(), amount];
        row.extend(cells);
        row.push(fat.map(|v| format!("{v:.2}")).unwrap_or_default());
        row.push(category.to_string());
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

/// A total as Cronometer writes it (two decimals), blank when any part of it is unknown.
fn cell(e: &Entry, s: Shown) -> String {
    let t = e.nutrients.shown(s);
    if t.has_value() && !t.is_lower_bound() {
        format!("{:.2}", t.mid())
    } else {
        String::new()
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
