//! CSV writers: the weekly summary (public interface: never change the header silently) and
//! one row per entry.

use crate::domain::warnings::Wording;
use crate::domain::{DayTotals, Entry, Nutrient, Profile, Shown, week};
use crate::report::{self, DayReport};
use crate::store::{Store, StoreError};
use chrono::{IsoWeek, NaiveDate};
use std::io::Write;

mod cells;
mod summary;

pub use cells::{neutralise, rounded, unneutralise};
use cells::{neutralised, num};
use summary::Row;

/// The weekly CSV header (a public interface: never change it silently), from the nutrient
/// tables: per headline total its amount, low, high, the
/// form shown beside it, target and %; then the amounts of the other totals.
pub fn week_header() -> Vec<String> {
    let mut h: Vec<String> = ["date", "weekday", "entries"].map(String::from).to_vec();
    for s in Shown::HEADLINE {
        let (k, u) = (s.key(), s.unit().to_lowercase());
        h.extend([
            format!("{k}_{u}"),
            format!("{k}_low_{u}"),
            format!("{k}_high_{u}"),
        ]);
        h.extend(s.info().part.map(|p| p.column().to_string()));
        h.extend([format!("{k}_target_{u}"), format!("{k}_pct")]);
    }
    for s in others() {
        h.push(format!("{}_{}", s.key(), s.unit().to_lowercase()));
    }
    h.extend(["incomplete", "warnings", "warning_rules"].map(String::from));
    h
}

/// The totals after the headline ones, in summary order.
fn others() -> impl Iterator<Item = Shown> {
    Shown::SUMMARY.into_iter().filter(|s| !s.is_headline())
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the CSV: {}", csv_cause(.0))]
    Csv(#[from] csv::Error),
    #[error("cannot write the CSV: {}", crate::outfile::cause(.0, std::path::Path::new("")))]
    Io(#[from] std::io::Error),
}

/// A CSV error, its I/O cause in words (a full disk says so).
fn csv_cause(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Io(io) => crate::outfile::cause(io, std::path::Path::new("")),
        _ => e.to_string(),
    }
}

/// Writes the CSV of one ISO week, Monday first, all seven days (those inside the accepted
/// dates: 9999-W52 has five).
pub fn write_week_csv(
    store: &Store,
    w: IsoWeek,
    profile: &Profile,
    out: impl Write,
) -> Result<(), ExportError> {
    let (from, to) = week::week_range(w);
    write_range_csv(store, from, to, profile, out)
}

/// Writes the summary CSV (one row per day) of any date range.
pub fn write_range_csv(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    profile: &Profile,
    out: impl Write,
) -> Result<(), ExportError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(week_header())?;
    let targets = crate::catalog::target_table().targets(profile);
    let mut buf = String::new();
    report::for_each_day(store, from, to, profile, Wording::Unworded, |d| {
        let row = Row {
            date: d.date,
            entries: d.entries.len(),
            totals: &DayTotals::of(d.entries),
            targets: &targets,
            warnings: &d.warnings,
        };
        row.each_cell(&mut buf, |c| w.write_field(c))?;
        w.write_record(None::<&[u8]>)?;
        Ok::<(), ExportError>(())
    })?;
    w.flush()?;
    Ok(())
}

/// One summary row; a day with no entries has 0 entries and empty amounts.
pub fn day_row(r: &DayReport) -> Vec<String> {
    let row = Row {
        date: r.date,
        entries: r.entries.len(),
        totals: &r.totals,
        targets: &r.targets,
        warnings: &r.warnings,
    };
    row.cells()
}

/// Writes one row per entry from `from` to `to`: when, what, how much, every nutrient (point,
/// low, high), meal, note. The diary is read in one pass, an entry at a time, so that years of
/// entries never sit in memory at once.
pub fn write_entries_range_csv(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    out: impl Write,
) -> Result<(), ExportError> {
    let mut w = entries_writer(out)?;
    store.lean_reading(|| {
        store.each_entry_between(from, to, |e| {
            w.write_record(entry_row(&e))?;
            Ok::<(), ExportError>(())
        })
    })?;
    w.flush()?;
    Ok(())
}

/// A CSV writer that has written the per-entry header.
fn entries_writer<W: Write>(out: W) -> Result<csv::Writer<W>, ExportError> {
    let mut w = csv::Writer::from_writer(out);
    let mut header: Vec<String> = [
        "date",
        "time",
        "id",
        "item_key",
        "item_name",
        "kind",
        "quantity",
        "unit",
    ]
    .map(String::from)
    .to_vec();
    for n in Nutrient::ALL {
        header.extend(n.csv_columns());
    }
    header.extend(["meal", "note"].map(String::from));
    w.write_record(&header)?;
    Ok(w)
}

fn entry_row(e: &Entry) -> Vec<String> {
    let mut row = vec![
        e.date.to_string(),
        e.time.map(crate::domain::entry::hhmm).unwrap_or_default(),
        e.id.to_string(),
        e.item_key.to_string(),
        e.item_name.clone(),
        e.kind.as_str().to_string(),
        num(e.quantity),
        e.unit.clone(),
    ];
    for n in Nutrient::ALL {
        // A partial amount (a recipe with unknown parts) is at least its bounds: the per-entry
        // CSV has no column to say so, so it is written as unknown rather than as an exact sum.
        let v = e.nutrients.get(n);
        match v.bounds().filter(|_| !v.is_partial()) {
            Some((lo, hi)) => row.extend([
                num(v.midpoint().unwrap_or_default()),
                num(lo.to_f64()),
                num(hi.to_f64()),
            ]),
            None => row.extend([String::new(), String::new(), String::new()]),
        }
    }
    row.push(e.meal.clone().unwrap_or_default());
    row.push(e.note.clone().unwrap_or_default());
    row.into_iter().map(neutralised).collect()
}

#[cfg(test)]
#[path = "export_range_tests.rs"]
mod range_tests;

#[cfg(test)]
mod tests {
    /// The weekly CSV header, exactly as the product page gives it.
    const WEEK_HEADER: [&str; 24] = [
        "date",
        "weekday",
        "entries",
        "calcium_mg",
        "calcium_low_mg",
        "calcium_high_mg",
        "calcium_target_mg",
        "calcium_pct",
        "vitamin_d_iu",
        "vitamin_d_low_iu",
        "vitamin_d_high_iu",
        "vitamin_d3_iu",
        "vitamin_d_target_iu",
        "vitamin_d_pct",
        "vitamin_k2_mcg",
        "vitamin_k2_low_mcg",
        "vitamin_k2_high_mcg",
        "vitamin_k2_target_mcg",
        "vitamin_k2_pct",
        "vitamin_k1_mcg",
        "magnesium_mg",
        "incomplete",
        "warnings",
        "warning_rules",
    ];

    #[test]
    fn the_weekly_header_from_the_tables_is_the_published_one() {
        assert_eq!(super::week_header(), WEEK_HEADER);
    }
}
