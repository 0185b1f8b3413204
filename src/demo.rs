//! `intake --demo`: a fresh diary filled with a realistic sample week, so a newcomer sees bars,
//! warnings and charts at once. Figures come from the catalog like any logged entry.

use crate::catalog::Catalog;
use crate::domain::week::parse_time;
use crate::domain::{Entry, LogRequest, Profile, Quantity, Stack, StackItem};
use crate::store::Store;
use anyhow::{Context, Result, anyhow};
use chrono::{Duration, Local, NaiveDate};
use std::path::PathBuf;

/// (days before today, time, item key, quantity, meal)
type Row = (i64, &'static str, &'static str, &'static str, &'static str);

/// Six days of history and the morning of today; three days ago is left empty on purpose.
const WEEK: &[Row] = &[
    (6, "07:00", "levothyroxine", "1 tablet", ""),
    (6, "08:00", "milk", "1 cup", "breakfast"),
    (6, "08:05", "d3", "2000 IU", ""),
    (6, "12:30", "cheese", "1 oz", "lunch"),
    (6, "19:00", "sardines", "3 oz", "dinner"),
    (6, "19:10", "kale-cooked", "1 cup", "dinner"),
    (5, "07:00", "levothyroxine", "1 tablet", ""),
    (5, "11:30", "yogurt", "1 cup", "lunch"),
    (5, "11:35", "d3", "2000 IU", ""),
    (5, "11:35", "k2-mk7", "100 mcg", ""),
    (5, "19:30", "sockeye-salmon", "3 oz", "dinner"),
    (5, "21:00", "calcium-citrate", "500 mg", ""),
    (4, "07:00", "levothyroxine", "1 tablet", ""),
    (4, "08:30", "natto", "3 oz", "breakfast"),
    (4, "08:35", "d3", "5000 IU", ""),
    (4, "13:00", "almonds", "1 oz", "snack"),
    (4, "19:00", "collard-greens-cooked", "1 cup", "dinner"),
    (2, "07:00", "levothyroxine", "1 tablet", ""),
    (2, "11:00", "milk", "2 cup", "lunch"),
    (2, "11:05", "d3", "2000 IU", ""),
    (2, "11:05", "k2-mk7", "100 mcg", ""),
    (2, "18:45", "canned-salmon", "3 oz", "dinner"),
    (2, "22:00", "calcium-carbonate", "1000 mg", ""),
    (1, "07:00", "levothyroxine", "1 tablet", ""),
    (1, "08:00", "egg-yolk", "2 yolk", "breakfast"),
    (1, "08:05", "d3", "2000 IU", ""),
    (1, "12:30", "aged-cheese", "1 oz", "lunch"),
    (1, "19:00", "bok-choy-cooked", "1 cup", "dinner"),
    (1, "19:05", "kefir", "1 cup", "dinner"),
    (0, "07:00", "levothyroxine", "1 tablet", ""),
    (0, "08:00", "milk", "1 cup", "breakfast"),
    (0, "08:05", "d3", "2000 IU", ""),
    (0, "08:05", "k2-mk7", "100 mcg", ""),
    (0, "12:30", "sardines", "3 oz", "lunch"),
];

/// Fills an empty diary with the sample week ending `today`, a profile and a stack.
pub fn fill(store: &mut Store, today: NaiveDate) -> Result<()> {
    let catalog = Catalog::builtin();
    for e in sample_entries(&catalog, today)? {
        store.insert_entry(&e)?;
    }
    store.set_profile(&Profile {
        age: 58,
        ..Profile::default()
    })?;
    store.save_stack(&morning_stack())?;
    Ok(())
}

/// How many weeks of history the demo holds: the sample week ending today and three more
/// before it, so the week view (even on a Monday), the last 7 days and the 30-day trend all
/// have data.
pub const WEEKS: i64 = 4;

/// The entries of the sample weeks (not stored): the sample week, repeated back in time.
pub fn sample_entries(catalog: &Catalog, today: NaiveDate) -> Result<Vec<Entry>> {
    let rows = (0..WEEKS).flat_map(|w| {
        WEEK.iter()
            .map(move |&(ago, time, key, qty, meal)| (ago + 7 * w, time, key, qty, meal))
    });
    rows.map(|(ago, time, key, qty, meal)| {
        let item = catalog
            .get(key)
            .ok_or_else(|| anyhow!("demo: no item `{key}` in the catalog"))?;
        let req = LogRequest {
            item,
            quantity: Quantity::parse(qty)?,
            date: today - Duration::days(ago),
            time: parse_time(time)?,
            meal: Some(meal.to_string()).filter(|m| !m.is_empty()),
            note: None,
        };
        Ok(Entry::log(req)?)
    })
    .collect()
}

fn morning_stack() -> Stack {
    let item = |key: &str, quantity: &str| StackItem {
        key: key.into(),
        quantity: quantity.into(),
    };
    Stack {
        name: "morning".into(),
        items: vec![
            item("d3", "2000 IU"),
            item("k2-mk7", "100 mcg"),
            item("calcium-citrate", "500 mg"),
        ],
    }
}

/// The demo diary's folder, removed when the app exits.
pub struct DemoDir(pub PathBuf);

impl DemoDir {
    pub fn create() -> Result<DemoDir> {
        let stamp = Local::now().format("%Y%m%d%H%M%S%f");
        let dir = std::env::temp_dir().join(format!("intake-demo-{}-{stamp}", std::process::id()));
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create {}", dir.display()))?;
        Ok(DemoDir(dir))
    }
}

impl Drop for DemoDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_row_logs_from_the_catalog() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let entries = sample_entries(&Catalog::builtin(), today).unwrap();
        assert_eq!(entries.len(), WEEK.len() * WEEKS as usize);
        let empty_day = today - Duration::days(3);
        assert!(
            entries
                .iter()
                .all(|e| e.date != empty_day && e.date <= today)
        );
        // Every day of the last four weeks but one a week has entries.
        let first = today - Duration::days(7 * WEEKS - 1);
        let logged: std::collections::BTreeSet<_> = entries.iter().map(|e| e.date).collect();
        assert_eq!(logged.len() as i64, 6 * WEEKS);
        assert_eq!(logged.first(), Some(&first));
    }

    #[test]
    fn fill_writes_entries_profile_and_stack() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let mut store = Store::open_in_memory().unwrap();
        fill(&mut store, today).unwrap();
        assert_eq!(store.entries_on(today).unwrap().len(), 5);
        assert_eq!(store.profile().unwrap().age, 58);
        assert_eq!(store.stacks().unwrap()[0].name, "morning");
    }
}
