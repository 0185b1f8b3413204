//! Some nutrients summed per logged day: what a rule that reads only a day's total needs of the
//! days before (issue 19: the vitamin K rule on warfarin read a week of entries, ~190 rows of
//! every column, to add up one figure a day).

use super::entry_row::{bytes, int};
use super::{Result, Store, StoreError};
use crate::domain::{Milli, Nutrient, Total, Value};
use chrono::NaiveDate;

impl Store {
    /// The latest `days` logged days (days with any entry) from `from` to `to` inclusive, oldest
    /// first, each with the total of `parts` over its entries: each entry's value of each part
    /// read as an entry read in full holds it (both ends stored, else unknown; partial by its
    /// bit), added into a [`Total`] as the rules' `total_of` adds them. Only the dates, the
    /// partial bits and the parts' columns are read, the latest day first along the date index,
    /// stopping at the first entry of a day too many. (Not the `day_totals` view, which sums
    /// every nutrient of every day for people querying the diary with `sqlite3`.)
    pub fn totals_by_day(
        &self,
        parts: &[Nutrient],
        (from, to): (NaiveDate, NaiveDate),
        days: usize,
    ) -> Result<Vec<(NaiveDate, Total)>> {
        let mut stmt = self.conn.prepare_cached(&totals_by_day_sql(parts))?;
        let mut rows = stmt.query([from.to_string(), to.to_string()])?;
        let mut out: Vec<(NaiveDate, Total)> = Vec::with_capacity(days);
        let mut date: Vec<u8> = Vec::new();
        while let Some(r) = rows.next()? {
            let text = bytes(r, 0)?.unwrap_or_default();
            if text != date.as_slice() {
                if out.len() == days {
                    break;
                }
                out.push((parse_date(text)?, Total::default()));
                date.clear();
                date.extend_from_slice(text);
            }
            let partial = int(r, 1)?.unwrap_or_default();
            // Pushed above for the row's day.
            let Some((_, total)) = out.last_mut() else {
                break;
            };
            for (i, n) in parts.iter().enumerate() {
                let v = match (int(r, 2 + 2 * i)?, int(r, 3 + 2 * i)?) {
                    (Some(lo), Some(hi)) => Value::from_bounds(Milli(lo), Milli(hi))
                        .with_partial(partial >> n.index() & 1 == 1),
                    _ => Value::Unknown,
                };
                total.add(v);
            }
        }
        out.reverse();
        Ok(out)
    }
}

fn parse_date(text: &[u8]) -> Result<NaiveDate> {
    let s = String::from_utf8_lossy(text);
    s.parse()
        .map_err(|_| StoreError::Corrupt(format!("bad date `{s}`")))
}

/// The date, the partial bits and each part's low and high ends of the entries in a range, the
/// latest day first.
fn totals_by_day_sql(parts: &[Nutrient]) -> String {
    let cols: Vec<String> = parts.iter().flat_map(|n| n.diary_columns()).collect();
    format!(
        "SELECT date, partial, {} FROM entries WHERE date BETWEEN ?1 AND ?2 ORDER BY date DESC",
        cols.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::domain::nutrient::VITAMIN_K;
    use crate::domain::warnings::total_of;
    use chrono::Duration;

    /// The demo's four weeks, edited as a diary may hold them: forms unknown, partial values
    /// (and the partial bit of an unknown part), ranges, ends stored reversed, one end alone,
    /// days without any vitamin K known, days with nothing logged.
    fn diary(today: NaiveDate) -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let entries = crate::demo::sample_entries(&Catalog::builtin(), today).unwrap();
        store.insert_entries(&entries).unwrap();
        let [k1_lo, k1_hi] = Nutrient::K1.diary_columns();
        let [mk4_lo, mk4_hi] = Nutrient::K2Mk4.diary_columns();
        let [mk7_lo, mk7_hi] = Nutrient::K2Mk7.diary_columns();
        let [other_lo, other_hi] = Nutrient::K2Other.diary_columns();
        let (k1_bit, mk4_bit) = (1 << Nutrient::K1.index(), 1 << Nutrient::K2Mk4.index());
        let day = |ago: i64| (today - Duration::days(ago)).to_string();
        let (none, empty) = ((day(4), day(8)), (day(5), day(12)));
        store
            .conn
            .execute_batch(&format!(
                "UPDATE entries SET {mk7_lo} = NULL, {mk7_hi} = NULL WHERE id % 5 = 0;
                 UPDATE entries SET partial = partial | {k1_bit} WHERE id % 7 = 0;
                 UPDATE entries SET partial = partial | {mk4_bit} WHERE id % 17 = 0;
                 UPDATE entries SET {k1_hi} = {k1_lo} * 2 + 3
                   WHERE id % 3 = 0 AND {k1_lo} IS NOT NULL;
                 UPDATE entries SET {k1_lo} = {k1_hi} + 10 WHERE id % 11 = 0;
                 UPDATE entries SET {mk4_hi} = NULL WHERE id % 13 = 0;
                 UPDATE entries SET {k1_lo} = NULL, {k1_hi} = NULL, {mk4_lo} = NULL,
                   {mk4_hi} = NULL, {mk7_lo} = NULL, {mk7_hi} = NULL, {other_lo} = NULL,
                   {other_hi} = NULL WHERE date IN ('{}', '{}');
                 DELETE FROM entries WHERE date IN ('{}', '{}');",
                none.0, none.1, empty.0, empty.1
            ))
            .unwrap();
        // And a day whose every part is known.
        let known = Nutrient::ALL.map(|n| {
            let [lo, hi] = n.diary_columns();
            format!("{lo} = coalesce({lo}, 0), {hi} = coalesce({hi}, {lo}, 0)")
        });
        let sql = format!(
            "UPDATE entries SET partial = 0, {} WHERE date = '{}'",
            known.join(", "),
            day(2)
        );
        store.conn.execute_batch(&sql).unwrap();
        store
    }

    /// Each day's total is what the rules' `total_of` gives over the day's entries read in
    /// full, to the counts of known and unknown parts; the latest `days` logged days, oldest
    /// first, from `from` to `to` inclusive.
    #[test]
    fn each_days_total_is_the_total_of_its_entries() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let store = diary(today);
        let (from, to) = (today - Duration::days(20), today - Duration::days(1));
        let entries = store.entries_between(from, to).unwrap();
        let expect: Vec<(NaiveDate, Total)> = (entries.chunk_by(|a, b| a.date == b.date))
            .map(|es| (es[0].date, total_of(es, VITAMIN_K)))
            .collect();
        let totals = || expect.iter().map(|(_, t)| t);
        assert!(
            totals().any(|t| t.is_lower_bound() && t.known > 0),
            "partial"
        );
        assert!(
            totals().any(|t| t.known == 0 && t.unknown > 0),
            "nothing known"
        );
        assert!(
            totals().any(|t| t.is_range() && !t.is_lower_bound()),
            "a range"
        );
        assert!(
            totals().any(|t| t.lo.0 > 0 && !t.is_lower_bound()),
            "all known"
        );
        let dates: Vec<String> = expect.iter().map(|(d, _)| d.to_string()).collect();
        let logged = |ago: i64| dates.contains(&(today - Duration::days(ago)).to_string());
        assert!(!logged(5) && !logged(12) && logged(4) && logged(8));
        for days in [0, 1, 3, 7, 18, 100] {
            let got = store.totals_by_day(VITAMIN_K, (from, to), days).unwrap();
            assert_eq!(got, expect[expect.len().saturating_sub(days)..], "{days}");
        }
    }

    #[test]
    fn a_malformed_date_is_an_error_not_a_panic() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let store = diary(today);
        let day = (today - Duration::days(1)).to_string();
        let sql = format!("UPDATE entries SET date = '{day}x' WHERE date = '{day}'");
        store.conn.execute_batch(&sql).unwrap();
        let range = (today - Duration::days(7), today);
        let err = store.totals_by_day(VITAMIN_K, range, 7).unwrap_err();
        assert!(
            err.to_string().contains(&format!("bad date `{day}x`")),
            "{err}"
        );
    }
}
