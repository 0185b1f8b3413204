//! Planning a day (budget < 5 ms): a realistic routine in the pure solver (levothyroxine fixed
//! at 06:30, calcium citrate 1,000 mg split in two, D3, K2, iron, magnesium, three meals), and
//! the whole `intake plan` path on the ten-year and the small diary (routine from history, then the plan).
//!
//! Run: `cargo bench --bench plan -- --warm-up-time 1 --measurement-time 3`

mod common;

use chrono::{NaiveDate, NaiveTime};
use criterion::{Criterion, criterion_group, criterion_main};
use intake::catalog::Catalog;
use intake::domain::plan::{PlanInput, Routine, RoutineDose, TimeSource, UsualMeal, plan};
use intake::domain::{Entry, LogRequest, Quantity};
use intake::report;
use intake::store::Store;
use std::hint::black_box;

fn hm(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

fn dose(catalog: &Catalog, key: &str, qty: &str, at: &str, fixed: bool) -> RoutineDose {
    let entry = Entry::log(LogRequest {
        item: catalog.get(key).unwrap(),
        quantity: Quantity::parse(qty).unwrap(),
        date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        time: hm(at),
        meal: None,
        note: None,
    })
    .unwrap();
    RoutineDose {
        entry,
        usual: hm(at),
        source: if fixed {
            TimeSource::Fixed
        } else {
            TimeSource::History
        },
    }
}

fn meal(label: &str, at: &str, fat_g: f64) -> UsualMeal {
    UsualMeal {
        label: label.into(),
        time: hm(at),
        fat_g,
        calcium_mg: 0.0,
        fat_known: true,
    }
}

fn routine() -> Routine {
    let c = Catalog::builtin();
    Routine {
        doses: vec![
            dose(&c, "levothyroxine", "1", "06:30", true),
            dose(&c, "calcium-citrate", "1000 mg", "07:00", false),
            dose(&c, "d3", "2000 IU", "07:00", false),
            dose(&c, "k2-mk7", "100 mcg", "07:00", false),
            dose(&c, "iron", "1", "08:00", false),
            dose(&c, "magnesium", "200 mg", "21:00", false),
        ],
        meals: vec![
            meal("breakfast", "07:30", 12.0),
            meal("lunch", "12:30", 20.0),
            meal("dinner", "19:00", 25.0),
        ],
        ..Default::default()
    }
}

fn plans(c: &mut Criterion) {
    let r = routine();
    let day = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    c.bench_function("plan_routine", |b| {
        b.iter(|| {
            plan(&PlanInput {
                day: black_box(day),
                routine: &r,
                logged: &[],
                not_before: None,
            })
        })
    });
    let d = common::diaries();
    let end = common::end();
    for (name, path) in [("ten_years", &d.ten_years), ("small", &d.small)] {
        let store = Store::open(path).unwrap();
        let profile = store.profile().unwrap();
        let catalog = Catalog::builtin().with_user_items(store.user_items().unwrap());
        c.bench_function(&format!("day_plan_{name}"), |b| {
            b.iter(|| {
                report::plan::day_plan(&store, &catalog, &profile, black_box(end), None).unwrap()
            })
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = plans
}
criterion_main!(benches);
