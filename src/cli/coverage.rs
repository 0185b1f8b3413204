//! `intake foods --coverage`: per nutrient, the share of the catalog and of the diary's food
//! entries whose value is known (an assumed zero counts as known).

use super::{CliResult, Ctx, out};
use crate::catalog::usda;
use crate::domain::{Item, Kind, Nutrient, Origin, Shown};
use std::borrow::Borrow;

/// The groups reported: each shown total with its forms, and fat.
fn groups() -> Vec<(&'static str, &'static [Nutrient])> {
    let mut g: Vec<(&'static str, &'static [Nutrient])> = [
        Shown::Calcium,
        Shown::VitaminD,
        Shown::VitaminK2,
        Shown::Magnesium,
        Shown::VitaminK1,
    ]
    .into_iter()
    .map(|s| (s.label(), s.parts()))
    .collect();
    g.push(("Fat", &[Nutrient::Fat]));
    g
}

/// How many of `foods` know every nutrient of each group's parts, and how many foods there are.
fn known<B: Borrow<Item>>(
    foods: impl IntoIterator<Item = B>,
    parts: &[&[Nutrient]],
) -> (Vec<u64>, u64) {
    let (mut counts, mut n) = (vec![0; parts.len()], 0);
    for i in foods {
        let i = i.borrow();
        n += 1;
        for (c, p) in counts.iter_mut().zip(parts) {
            *c += u64::from(p.iter().all(|&n| !i.nutrients.get(n).is_unknown()));
        }
    }
    (counts, n)
}

fn pct(n: u64, of: u64) -> String {
    if of == 0 {
        "—".into()
    } else {
        format!("{:.1} %", 100.0 * n as f64 / of as f64)
    }
}

pub fn coverage(ctx: &Ctx) -> CliResult {
    let catalog = ctx.catalog()?;
    let foods =
        |o: Origin| (catalog.items().iter()).filter(move |i| i.kind == Kind::Food && i.origin == o);
    let groups = groups();
    let parts: Vec<&[Nutrient]> = groups.iter().map(|g| g.1).collect();
    let (curated, curated_n) = known(foods(Origin::Curated), &parts);
    // The USDA table a food at a time, never held whole (issue 19's memory goal).
    let (usda, usda_n) = known(usda::foods(), &parts);
    let (entries, diary) = ctx.store.food_coverage(&parts)?;
    let mut text = String::from(
        "Known values per nutrient (an assumed zero counts as known; `intake foods` marks it)\n",
    );
    text.push_str(&format!(
        "{:<12} {:>16} {:>16} {:>22}\n",
        "",
        format!("curated ({curated_n})"),
        format!("USDA ({usda_n})"),
        format!("diary foods ({entries})")
    ));
    for (i, ((label, _), d)) in groups.iter().zip(diary).enumerate() {
        text.push_str(&format!(
            "{label:<12} {:>16} {:>16} {:>22}\n",
            pct(curated[i], curated_n),
            pct(usda[i], usda_n),
            pct(d, entries)
        ));
    }
    out::lines(&text)
}
