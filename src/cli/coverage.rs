//! `intake foods --coverage`: per nutrient, the share of the catalog and of the diary's food
//! entries whose value is known (an assumed zero counts as known).

use super::{CliResult, Ctx, out};
use crate::catalog::usda;
use crate::domain::{Item, Kind, Nutrient, Origin, Shown};

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

/// How many of `foods` know every nutrient of `parts`.
fn known(foods: &[&Item], parts: &[Nutrient]) -> usize {
    foods
        .iter()
        .filter(|i| parts.iter().all(|&n| !i.nutrients.get(n).is_unknown()))
        .count()
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
    let foods = |o: Origin| -> Vec<&Item> {
        catalog
            .items()
            .iter()
            .filter(|i| i.kind == Kind::Food && i.origin == o)
            .collect()
    };
    let curated = foods(Origin::Curated);
    let usda_foods: Vec<&Item> = usda::table().items.iter().collect();
    let groups = groups();
    let parts: Vec<&[Nutrient]> = groups.iter().map(|g| g.1).collect();
    let (entries, diary) = ctx.store.food_coverage(&parts)?;
    let mut text = String::from(
        "Known values per nutrient (an assumed zero counts as known; `intake foods` marks it)\n",
    );
    text.push_str(&format!(
        "{:<12} {:>16} {:>16} {:>22}\n",
        "",
        format!("curated ({})", curated.len()),
        format!("USDA ({})", usda_foods.len()),
        format!("diary foods ({entries})")
    ));
    for ((label, parts), d) in groups.iter().zip(diary) {
        let c = known(&curated, parts) as u64;
        let u = known(&usda_foods, parts) as u64;
        text.push_str(&format!(
            "{label:<12} {:>16} {:>16} {:>22}\n",
            pct(c, curated.len() as u64),
            pct(u, usda_foods.len() as u64),
            pct(d, entries)
        ));
    }
    out::lines(&text)
}
