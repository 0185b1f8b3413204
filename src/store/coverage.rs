//! How complete the diary's food entries are: per group of nutrients (a shown total and its
//! forms), how many food entries know every part.

use super::{Result, Store};
use crate::domain::Nutrient;

impl Store {
    /// The number of food entries, and for each group how many know every nutrient of it.
    pub fn food_coverage(&self, groups: &[&[Nutrient]]) -> Result<(u64, Vec<u64>)> {
        let known = |g: &&[Nutrient]| {
            let parts: Vec<String> = g
                .iter()
                .map(|n| format!("{}_lo IS NOT NULL", n.column()))
                .collect();
            format!("COALESCE(SUM({}), 0)", parts.join(" AND "))
        };
        let cols: Vec<String> = groups.iter().map(known).collect();
        let sql = format!(
            "SELECT COUNT(*), {} FROM entries WHERE kind = 'food'",
            cols.join(", ")
        );
        let row = self.conn.query_row(&sql, [], |r| {
            let total: i64 = r.get(0)?;
            let counts = (1..=groups.len())
                .map(|i| r.get::<_, i64>(i))
                .collect::<rusqlite::Result<Vec<i64>>>()?;
            Ok((total, counts))
        })?;
        let as_u64 = |v: i64| u64::try_from(v).unwrap_or(0);
        Ok((as_u64(row.0), row.1.into_iter().map(as_u64).collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::domain::{Entry, LogRequest, Quantity};
    use chrono::{NaiveDate, NaiveTime};

    #[test]
    fn counts_food_entries_that_know_every_part() {
        let mut s = Store::open_in_memory().unwrap();
        let c = Catalog::builtin();
        for key in ["milk", "d3", "usda-11234"] {
            let item = c.get(key).unwrap();
            let e = Entry::log(LogRequest {
                item,
                quantity: Quantity::parse("1").unwrap(),
                date: NaiveDate::from_ymd_opt(2026, 11, 16).unwrap(),
                time: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
                meal: None,
                note: None,
            })
            .unwrap();
            s.insert_entry(&e).unwrap();
        }
        let groups: [&[Nutrient]; 2] = [&[Nutrient::Calcium], &[Nutrient::K2Mk4, Nutrient::K2Mk7]];
        // Two food entries (the D3 capsule is a supplement); both know calcium; milk's MK-7 is
        // unknown, kale's K2 is an assumed zero.
        assert_eq!(s.food_coverage(&groups).unwrap(), (2, vec![2, 1]));
    }
}
