//! The hard rules, checked for one dose at one minute against the doses and food around it.
//!
//! Each check reads the warning engine's own figures ([`table`]) and predicates, and is at
//! least as strict as the warning it prevents (see `single_dose`).

use super::{UsualMeal, minute_of};
use crate::domain::entry::Entry;
use crate::domain::item::Kind;
use crate::domain::nutrient::Nutrient;
use crate::domain::value::{Nutrients, Value};
use crate::domain::warnings::{is_calcium, is_calcium_dose, needs_fat, table};
use chrono::NaiveDate;

/// Broken rules as bits: one per entry of [`table::SPACINGS`], then these two.
pub(crate) type Broken = u32;
const SINGLE_BIT: Broken = 1 << 30;
const FAT_BIT: Broken = 1 << 31;

/// An entry as the checks see it, at a minute relative to the planned day's midnight.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub at: i64,
    pub calcium: bool,
    /// Supplement calcium (mg, certain low end), 0 when the entry is none.
    pub supplement_mg: f64,
    pub supplement: bool,
    pub medicine: bool,
    /// Bit i: partner of `SPACINGS[i]`.
    pub partner: Broken,
    pub needs_fat: bool,
    /// Food, with its certain fat (g).
    pub food_fat: Option<f64>,
}

impl Node {
    pub fn of(e: &Entry, day: NaiveDate) -> Node {
        let at = (e.date - day).num_days() * 24 * 60 + minute_of(super::clock(e));
        let mut partner = 0;
        for (i, s) in table::SPACINGS.iter().enumerate() {
            if s.is_partner(e) {
                partner |= 1 << i;
            }
        }
        let supplement = is_calcium_dose(e);
        Node {
            at,
            calcium: is_calcium(e),
            supplement_mg: if supplement {
                low(e, Nutrient::Calcium)
            } else {
                0.0
            },
            supplement,
            medicine: e.kind == Kind::Medication,
            partner,
            needs_fat: needs_fat(e),
            food_fat: (e.kind == Kind::Food).then(|| low(e, Nutrient::Fat)),
        }
    }
}

/// The certain amount of a nutrient in an entry (0 when unknown).
pub(crate) fn low(e: &Entry, n: Nutrient) -> f64 {
    e.nutrients
        .get(n)
        .bounds()
        .map_or(0.0, |(lo, _)| lo.to_f64())
}

/// The rules `d` would break at minute `t` among `around`.
pub(crate) fn broken(d: &Node, t: i64, around: &[Node]) -> Broken {
    let mut out = spacing(d, t, around);
    if d.supplement && single_dose(d, t, around) {
        out |= SINGLE_BIT;
    }
    if d.needs_fat && !with_fat(t, around) {
        out |= FAT_BIT;
    }
    out
}

fn spacing(d: &Node, t: i64, around: &[Node]) -> Broken {
    let mut out = 0;
    for (i, rule) in table::SPACINGS.iter().enumerate() {
        let bit = 1 << i;
        for p in around {
            let close = (d.calcium && p.partner & bit != 0 && rule.too_close(t - p.at))
                || (d.partner & bit != 0 && p.calcium && rule.too_close(p.at - t));
            if close {
                out |= bit;
            }
        }
    }
    out
}

/// Stricter than the warning's greedy grouping: every supplement calcium dose has at most
/// 500 mg of supplement calcium within an hour either side (itself included). Any group the
/// warning forms lies within an hour after its first dose, so it cannot then be over.
fn single_dose(d: &Node, t: i64, around: &[Node]) -> bool {
    let window = table::SINGLE_DOSE_WINDOW_MIN;
    let near = |x: i64| {
        let others: f64 = around
            .iter()
            .filter(|p| p.supplement && (p.at - x).abs() <= window)
            .map(|p| p.supplement_mg)
            .sum();
        let me = if (t - x).abs() <= window {
            d.supplement_mg
        } else {
            0.0
        };
        others + me > table::SINGLE_DOSE_MG
    };
    near(t)
        || around
            .iter()
            .any(|p| p.supplement && (p.at - t).abs() <= window && near(p.at))
}

/// Food within the fat window holding at least the rule's fat (certain amounts only).
fn with_fat(t: i64, around: &[Node]) -> bool {
    let mut any = false;
    let mut fat = 0.0;
    for p in around {
        if let Some(g) = p
            .food_fat
            .filter(|_| (p.at - t).abs() <= table::FAT_WINDOW_MIN)
        {
            any = true;
            fat += g;
        }
    }
    any && fat >= table::FAT_MIN_G
}

/// The rule ids of broken bits.
pub(crate) fn rules_of(b: Broken) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for (i, s) in table::SPACINGS.iter().enumerate() {
        if b & (1 << i) != 0 && !out.contains(&s.rule) {
            out.push(s.rule);
        }
    }
    if b & SINGLE_BIT != 0 {
        out.push(table::SINGLE_DOSE);
    }
    if b & FAT_BIT != 0 {
        out.push(table::TAKE_WITH_FAT);
    }
    out
}

/// The rules whose warnings a plan must never raise.
pub(crate) fn is_timing_rule(rule: &str) -> bool {
    rule == table::SINGLE_DOSE
        || rule == table::TAKE_WITH_FAT
        || table::SPACINGS.iter().any(|s| s.rule == rule)
}

/// A usual meal as an entry, for the checks and the warning engine: its certain fat and
/// calcium; every other nutrient unknown (nothing is claimed about them).
pub(crate) fn meal_entry(day: NaiveDate, i: usize, m: &UsualMeal) -> Entry {
    let mut n = Nutrients::default();
    n.set(Nutrient::Fat, Value::exact(m.fat_g));
    n.set(Nutrient::Calcium, Value::exact(m.calcium_mg));
    Entry {
        id: -1000 - i as i64,
        date: day,
        time: Some(m.time),
        item_key: "usual-meal".into(),
        item_name: format!("your usual {}", m.label),
        kind: Kind::Food,
        quantity: 1.0,
        unit: "meal".into(),
        servings: 1.0,
        nutrients: n,
        tags: Vec::new(),
        meal: Some(m.label.clone()),
        note: None,
    }
}
