//! Builders for the warning-rule tests: entries from kind, tags, nutrients, date and time.
#![allow(dead_code)]

use chrono::{NaiveDate, NaiveDateTime};
use intake::domain::targets::TargetTable;
use intake::domain::warnings::{RuleContext, Warning, day_warnings};
use intake::domain::{Entry, Kind, Nutrient, Nutrients, Profile, Value};

pub const DAY: &str = "2026-11-20";

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// "09:00" is on DAY; "2026-11-19 23:30" is that moment.
pub fn moment(s: &str) -> NaiveDateTime {
    let full = if s.len() == 5 {
        format!("{DAY} {s}")
    } else {
        s.to_string()
    };
    NaiveDateTime::parse_from_str(&full, "%Y-%m-%d %H:%M").unwrap()
}

pub fn ex(v: f64) -> Value {
    Value::exact(v)
}

pub fn range(lo: f64, hi: f64) -> Value {
    Value::range(lo, hi)
}

pub const UNKNOWN: Value = Value::Unknown;

/// An entry: every nutrient 0 unless given (a label lists what it holds).
pub fn mk(
    id: i64,
    kind: Kind,
    name: &str,
    tags: &[&str],
    at: &str,
    nutrients: &[(Nutrient, Value)],
) -> Entry {
    let m = moment(at);
    let mut n = Nutrients::zero();
    for (k, v) in nutrients {
        n.set(*k, *v);
    }
    Entry {
        id,
        date: m.date(),
        time: Some(m.time()),
        item_key: name.to_lowercase().replace(' ', "-").into(),
        item_name: name.to_string(),
        kind,
        quantity: 1.0,
        unit: "serving".into(),
        servings: 1.0,
        nutrients: n,
        tags: tags.iter().map(|t| t.to_string()).collect(),
        meal: None,
        note: None,
    }
}

pub fn citrate(id: i64, at: &str, mg: Value) -> Entry {
    let tags = ["calcium-citrate", "calcium-supplement"];
    mk(
        id,
        Kind::Supplement,
        "Calcium citrate",
        &tags,
        at,
        &[(Nutrient::Calcium, mg)],
    )
}

pub fn carbonate(id: i64, at: &str, mg: f64) -> Entry {
    let tags = ["calcium-carbonate", "calcium-supplement"];
    mk(
        id,
        Kind::Supplement,
        "Calcium carbonate",
        &tags,
        at,
        &[(Nutrient::Calcium, ex(mg))],
    )
}

pub fn med(id: i64, name: &str, tag: &str, at: &str) -> Entry {
    mk(id, Kind::Medication, name, &[tag], at, &[])
}

pub fn d3(id: i64, at: &str, iu: Value) -> Entry {
    let tags = ["fat-soluble", "vitamin-d-supplement"];
    mk(
        id,
        Kind::Supplement,
        "Vitamin D3",
        &tags,
        at,
        &[(Nutrient::VitaminD3, iu)],
    )
}

pub fn k2(id: i64, at: &str, mcg: Value) -> Entry {
    let tags = ["fat-soluble", "vitamin-k-supplement"];
    mk(
        id,
        Kind::Supplement,
        "Vitamin K2 MK-7",
        &tags,
        at,
        &[(Nutrient::K2Mk7, mcg)],
    )
}

pub fn food(id: i64, name: &str, at: &str, nutrients: &[(Nutrient, Value)]) -> Entry {
    mk(id, Kind::Food, name, &[], at, nutrients)
}

/// The context of the default profile (40, female, seed set): its limits are the shipped ones
/// (calcium 2,500 mg in both sets, magnesium 350 mg from supplements, vitamin D).
pub fn ctx() -> RuleContext {
    ctx_for(&[])
}

/// The context of the default profile with these fields set, limits from assets/targets.toml.
pub fn ctx_for(fields: &[(&str, &str)]) -> RuleContext {
    let mut p = Profile::default();
    for (f, v) in fields {
        p.set(f, v).unwrap();
    }
    let table = TargetTable::parse(include_str!("../../assets/targets.toml")).unwrap();
    RuleContext::new(p.warfarin, &table.targets(&p))
}

pub fn on_warfarin() -> RuleContext {
    RuleContext {
        warfarin: true,
        ..ctx()
    }
}

/// The warnings of one rule on `day`.
pub fn of_rule_on(rule: &str, day: &str, es: &[Entry], c: &RuleContext) -> Vec<Warning> {
    day_warnings(date(day), es, c)
        .into_iter()
        .filter(|w| w.rule == rule)
        .collect()
}

/// The warnings of one rule on DAY, default context.
pub fn of_rule(rule: &str, es: &[Entry]) -> Vec<Warning> {
    of_rule_on(rule, DAY, es, &ctx())
}

/// The same entry with its time unknown (as imported history often is).
pub fn untimed(mut e: Entry) -> Entry {
    e.time = None;
    e
}
