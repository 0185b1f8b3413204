//! Top sources: which entries (or, over a week, which items) gave a nutrient, largest first,
//! with their share of the known total and the food / supplement split.

use super::entry::Entry;
use super::item::Kind;
use super::nutrient::Shown;
use super::value::Total;
use serde::Serialize;

/// One source: an entry of a day, or every entry of one item over a longer span.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// The entries it stands for (one on a day).
    pub entries: Vec<i64>,
    pub item_key: String,
    pub item_name: String,
    pub kind: Kind,
    pub amount: Total,
    /// Whole percent of the known total; the shares of a list add up to 100.
    pub share: u32,
}

/// The sources of one shown nutrient.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sources {
    pub shown: Shown,
    pub unit: &'static str,
    /// The sum of what is known (a lower bound when `unknown` is not empty).
    pub total: Total,
    /// Largest first; sources that gave none of it are left out.
    pub rows: Vec<Source>,
    /// Food, and supplements with medicines: amounts and whole-percent shares.
    pub food: (Total, u32),
    pub supplements: (Total, u32),
    /// Names of the sources whose amount is not known (or only partly: `≥`).
    pub unknown: Vec<String>,
}

/// Ranks `entries` as sources of `s`: one row per entry, or per item when `by_item`.
pub fn of(entries: &[Entry], s: Shown, by_item: bool) -> Sources {
    let mut rows: Vec<Source> = Vec::new();
    let mut unknown = Vec::new();
    let (mut total, mut food, mut supp) = (Total::default(), Total::default(), Total::default());
    for e in entries {
        let t = e.nutrients.shown(s);
        total.merge(&t);
        if e.kind == Kind::Food {
            &mut food
        } else {
            &mut supp
        }
        .merge(&t);
        if t.is_lower_bound() && !unknown.contains(&e.item_name) {
            unknown.push(e.item_name.clone());
        }
        if t.hi.0 <= 0 {
            continue;
        }
        match rows
            .iter_mut()
            .find(|r| by_item && *r.item_key == *e.item_key)
        {
            Some(r) => {
                r.entries.push(e.id);
                r.amount.merge(&t);
            }
            None => rows.push(Source {
                entries: vec![e.id],
                item_key: e.item_key.to_string(),
                item_name: e.item_name.clone(),
                kind: e.kind,
                amount: t,
                share: 0,
            }),
        }
    }
    rows.sort_by(|a, b| b.amount.mid().total_cmp(&a.amount.mid()));
    let mids: Vec<f64> = rows.iter().map(|r| r.amount.mid()).collect();
    for (r, p) in rows.iter_mut().zip(shares(&mids)) {
        r.share = p;
    }
    let split = shares(&[food.mid(), supp.mid()]);
    Sources {
        shown: s,
        unit: s.unit(),
        total,
        rows,
        food: (food, split[0]),
        supplements: (supp, split[1]),
        unknown,
    }
}

/// Whole percents of `parts` that add up to 100 (largest remainder); all 0 when nothing is known.
pub fn shares(parts: &[f64]) -> Vec<u32> {
    let sum: f64 = parts.iter().sum();
    if sum <= 0.0 {
        return vec![0; parts.len()];
    }
    let exact: Vec<f64> = parts.iter().map(|p| p / sum * 100.0).collect();
    let mut out: Vec<u32> = exact.iter().map(|e| e.floor() as u32).collect();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())));
    let short = 100 - out.iter().sum::<u32>();
    for &i in order.iter().take(short as usize) {
        out[i] += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Nutrient, Nutrients, Value};

    fn entry(id: i64, key: &str, kind: Kind, ca: Value) -> Entry {
        Entry {
            id,
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            time: None,
            item_key: key.into(),
            item_name: key.into(),
            kind,
            quantity: 1.0,
            unit: "serving".into(),
            servings: 1.0,
            nutrients: Nutrients::default().with(Nutrient::Calcium, ca),
            tags: vec![],
            meal: None,
            note: None,
        }
    }

    #[test]
    fn entries_rank_largest_first_with_shares_adding_to_100() {
        let day = [
            entry(1, "milk", Kind::Food, Value::exact(300.0)),
            entry(2, "citrate", Kind::Supplement, Value::exact(500.0)),
            entry(3, "kale", Kind::Food, Value::range(90.0, 110.0)),
            entry(4, "apple", Kind::Food, Value::exact(0.0)),
            entry(5, "mystery", Kind::Food, Value::Unknown),
            entry(6, "milk", Kind::Food, Value::exact(300.0)),
        ];
        let s = of(&day, Shown::Calcium, false);
        let keys: Vec<i64> = s.rows.iter().map(|r| r.entries[0]).collect();
        assert_eq!(keys, vec![2, 1, 6, 3], "no row for a zero or an unknown");
        assert_eq!(s.rows.iter().map(|r| r.share).sum::<u32>(), 100);
        assert_eq!(s.rows[0].share, 42, "500 of 1200");
        assert!(s.total.is_lower_bound() && s.unknown == vec!["mystery".to_string()]);
        assert_eq!((s.food.1, s.supplements.1), (58, 42));
        let week = of(&day, Shown::Calcium, true);
        assert_eq!(week.rows[0].item_key, "milk");
        assert_eq!(
            (week.rows[0].entries.clone(), week.rows[0].share),
            (vec![1, 6], 50)
        );
    }

    #[test]
    fn shares_round_to_exactly_100() {
        assert_eq!(shares(&[1.0, 1.0, 1.0]), vec![34, 33, 33]);
        assert_eq!(shares(&[0.0, 0.0]), vec![0, 0]);
        assert_eq!(shares(&[2.0, 1.0]).iter().sum::<u32>(), 100);
    }
}
