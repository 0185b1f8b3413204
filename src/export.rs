//! CSV writers: the weekly summary (public interface: never change the header silently) and
//! one row per entry.

use crate::domain::warnings::{Warning, Wording};
use crate::domain::{DayTotals, Entry, Nutrient, Profile, Shown, Target, Total, week};
use crate::report::{self, DayReport};
use crate::store::{Store, StoreError};
use chrono::{Datelike, IsoWeek, NaiveDate};
use std::borrow::Cow;
use std::io::Write;

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
    report::for_each_day(store, from, to, profile, Wording::Unworded, |d| {
        let row = Row {
            date: d.date,
            entries: d.entries.len(),
            totals: &DayTotals::of(d.entries),
            targets: &targets,
            warnings: &d.warnings,
        };
        w.write_record(row.cells())?;
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

/// What a summary row says of a day.
struct Row<'a> {
    date: NaiveDate,
    entries: usize,
    totals: &'a DayTotals,
    targets: &'a [Target],
    warnings: &'a [Warning],
}

impl Row<'_> {
    fn target(&self, s: Shown) -> Cow<'_, Target> {
        let t = self.targets.iter().find(|t| t.nutrient == s);
        t.map_or_else(|| Cow::Owned(Target::none(s)), Cow::Borrowed)
    }

    fn cells(&self) -> Vec<String> {
        let r = self;
        let mut row = vec![
            // Display is YYYY-MM-DD for every accepted date, without `format`'s parser.
            r.date.to_string(),
            r.date.weekday().to_string(),
            r.entries.to_string(),
        ];
        let has = r.entries > 0;
        // Point estimate, low and high, rounded to the precision of the sources (see `rounded`);
        // empty when the total says nothing (no entries, or entirely unknown): never 0 for unknown.
        let amounts = |t: Total, unit: &str| -> [String; 3] {
            if has && t.has_value() {
                [t.mid(), t.lo.to_f64(), t.hi.to_f64()].map(|v| rounded(v, unit))
            } else {
                Default::default()
            }
        };
        for s in Shown::HEADLINE {
            let t = r.totals.shown(s);
            let target = r.target(s);
            row.extend(amounts(t, s.unit()));
            if let Some(p) = s.info().part {
                let [point, ..] = amounts(r.totals.get(p), s.unit());
                row.push(point);
            }
            row.push(target.target.map(num).unwrap_or_default());
            // A lower bound's percentage is one too: the `incomplete` column names those nutrients.
            let pct = target.pct_of(&t).filter(|_| has);
            row.push(
                pct.map(|p| format!("{}", p.round() as i64))
                    .unwrap_or_default(),
            );
        }
        for s in others() {
            let [point, ..] = amounts(r.totals.shown(s), s.unit());
            row.push(point);
        }
        let incomplete: Vec<&str> = r.totals.incomplete().iter().map(|s| s.key()).collect();
        row.push(incomplete.join(";"));
        row.push(r.warnings.len().to_string());
        let mut rules: Vec<&str> = Vec::new();
        for w in r.warnings {
            if !rules.contains(&w.rule) {
                rules.push(w.rule);
            }
        }
        row.push(rules.join(";"));
        row.into_iter().map(neutralised).collect()
    }
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
    store.each_entry_between(from, to, |e| {
        w.write_record(entry_row(&e))?;
        Ok::<(), ExportError>(())
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
        e.item_key.clone(),
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

/// A weekly amount at the precision its sources give: the food tables and labels state mg and
/// IU in whole numbers and mcg to a tenth at best, so more digits would be false precision
/// (a total of 1235.502 mg is written 1236, 4.992 mcg is written 5).
pub fn rounded(v: f64, unit: &str) -> String {
    let scale = if unit == "mcg" { 10.0 } else { 1.0 };
    num((v * scale).round() / scale)
}

/// Numbers in CSV: at most three decimals, trailing zeros dropped.
///
/// Amounts are thousandths (see `Milli`), so nearly every value is exactly the double nearest to
/// a whole number of thousandths; it is written from that integer (issue 19: `format!` with a
/// precision was a tenth of an export). Any other value goes through `format!`, which gives the
/// same digits for the former (`tests::num_writes_what_format_writes`).
pub fn num(v: f64) -> String {
    let m = (v * 1000.0).round();
    if m.abs() < 1e15 && m / 1000.0 == v {
        return thousandths(m as i64);
    }
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

/// `m` thousandths as a decimal, trailing zeros dropped (`1500` is `1.5`, `-20` is `-0.02`),
/// digit by digit (`to_string` and `format!` were most of a cell's cost).
fn thousandths(m: i64) -> String {
    let (whole, frac) = (m.unsigned_abs() / 1000, m.unsigned_abs() % 1000);
    let mut s = String::with_capacity(24);
    if m < 0 {
        s.push('-');
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut n = whole;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    s.extend(digits[at..].iter().map(|&d| char::from(d)));
    if frac > 0 {
        s.push('.');
        let places = [frac / 100, frac / 10 % 10, frac % 10];
        let kept = 3 - usize::from(frac % 10 == 0) - usize::from(frac % 100 == 0);
        s.extend(places[..kept].iter().map(|&d| char::from(b'0' + d as u8)));
    }
    s
}

/// Spreadsheet formula injection: a text cell starting with = + - @ tab or CR gets a leading `'`.
/// A finite number stays as it is; `-inf` and `-nan` parse as numbers in Rust but not in a
/// spreadsheet, so they count as text.
pub fn neutralise(cell: &str) -> String {
    neutralised(cell.to_string())
}

/// [`neutralise`] of a cell already owned (most cells are returned as they are).
fn neutralised(cell: String) -> String {
    if is_risky(&cell) {
        format!("'{cell}")
    } else {
        cell
    }
}

fn is_risky(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && !cell.parse::<f64>().is_ok_and(f64::is_finite)
}

/// The cell as it was before [`neutralise`] (for reading intake's own CSV back in). A cell that
/// itself began with `'` followed by a formula character reads back without that quote.
pub fn unneutralise(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if neutralise(rest) == cell => rest,
        _ => cell,
    }
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

    /// What `num` wrote before its integer path: every value must still be written so.
    fn by_format(v: f64) -> String {
        let s = format!("{v:.3}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" { "0".into() } else { s.to_string() }
    }

    proptest::proptest! {
        #[test]
        fn num_writes_what_format_writes(m in -10_000_000_000i64..10_000_000_000, d in 1i64..8) {
            for v in [m as f64 / 1000.0, m as f64 / 1000.0 / d as f64, (m / 7) as f64 / 100.0] {
                proptest::prop_assert_eq!(super::num(v), by_format(v), "{}", v);
            }
        }

        #[test]
        fn num_writes_any_double_as_format_does(v in proptest::num::f64::ANY) {
            proptest::prop_assert_eq!(super::num(v), by_format(v));
        }
    }

    #[test]
    fn num_edge_cases() {
        for v in [
            0.0, -0.0, 0.0005, -0.0005, 0.0015, 1e15, 9.9e14, -1e-9, 2.5e-4, 1234.5675,
        ] {
            assert_eq!(super::num(v), by_format(v), "{v}");
        }
        assert_eq!(super::num(1.5), "1.5");
        assert_eq!(super::num(-0.02), "-0.02");
        assert_eq!(super::num(1200.0), "1200");
    }

    #[test]
    fn the_weekly_header_from_the_tables_is_the_published_one() {
        assert_eq!(super::week_header(), WEEK_HEADER);
    }
}
