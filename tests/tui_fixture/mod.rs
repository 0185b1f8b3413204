//! Shared fixtures of the TUI tests: a fixed clock, a few items, a diary of one week.
#![allow(dead_code)]

pub mod driver;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use intake::domain::{
    Entry, Item, Kind, LogRequest, Nutrient, Nutrients, Origin, Quantity, Serving, Value,
};

/// The fixed "now" of every TUI test: Saturday 2026-11-21 08:30.
pub fn now() -> NaiveDateTime {
    date(21).and_time(NaiveTime::from_hms_opt(8, 30, 0).unwrap())
}

pub fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
}

fn item(
    key: &str,
    name: &str,
    kind: Kind,
    serving: &str,
    grams: Option<f64>,
    n: &[(Nutrient, Value)],
) -> Item {
    let q = Quantity::parse(serving).unwrap();
    let mut nutrients = if kind == Kind::Food {
        Nutrients::default()
    } else {
        Nutrients::zero()
    };
    for (k, v) in n {
        nutrients.set(*k, *v);
    }
    Item {
        key: key.into(),
        name: name.into(),
        kind,
        origin: Origin::Curated,
        serving: Serving {
            amount: q.amount,
            unit: q.unit.name(),
            grams,
        },
        portions: vec![],
        nutrients: nutrients.complete_forms(),
        tags: vec![],
        group: None,
        source: format!("fixture: {name}"),
        assumed: Default::default(),
    }
}

pub fn natto() -> Item {
    item(
        "natto",
        "Natto",
        Kind::Food,
        "3 oz",
        None,
        &[(Nutrient::K2Mk7, Value::exact(850.0))],
    )
}

pub fn milk() -> Item {
    let mut m = item(
        "milk",
        "Milk",
        Kind::Food,
        "1 cup",
        Some(244.0),
        &[(Nutrient::Calcium, Value::exact(300.0))],
    );
    m.portions = vec![intake::domain::Portion {
        unit: "cup".into(),
        grams: 244.0,
    }];
    m
}

pub fn cheese() -> Item {
    item(
        "cheese",
        "Cheese",
        Kind::Food,
        "1 oz",
        None,
        &[(Nutrient::Calcium, Value::range(200.0, 300.0))],
    )
}

pub fn d3() -> Item {
    item(
        "d3",
        "Vitamin D3 (cholecalciferol)",
        Kind::Supplement,
        "1000 IU",
        None,
        &[(Nutrient::VitaminD3, Value::exact(1000.0))],
    )
}

pub fn levothyroxine() -> Item {
    item(
        "levothyroxine",
        "Levothyroxine",
        Kind::Medication,
        "1 tablet",
        None,
        &[],
    )
}

pub fn calcium_citrate() -> Item {
    item(
        "calcium-citrate",
        "Calcium citrate",
        Kind::Supplement,
        "500 mg",
        None,
        &[(Nutrient::Calcium, Value::exact(500.0))],
    )
}

pub fn items() -> Vec<Item> {
    vec![natto(), milk(), cheese(), d3(), calcium_citrate()]
}

/// Logs an item on a day at a time, with id 0 (not stored).
pub fn entry(item: &Item, qty: &str, day: NaiveDate, hm: (u32, u32), meal: Option<&str>) -> Entry {
    Entry::log(LogRequest {
        item,
        quantity: Quantity::parse(qty).unwrap(),
        date: day,
        time: NaiveTime::from_hms_opt(hm.0, hm.1, 0).unwrap(),
        meal: meal.map(String::from),
        note: None,
    })
    .unwrap()
}
