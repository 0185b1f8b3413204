//! A deterministic synthetic diary for the benchmarks: years of meals, supplement stacks and
//! medicines at plausible times, from curated, USDA, supplement and medication items and the
//! user's own. The same seed and dates always give the same entries (no clock, own PRNG); every
//! nutrient amount comes from the catalog as if the user had logged it.

pub mod cronometer;
mod menu;
mod user;

use crate::catalog::Catalog;
use crate::domain::{Entry, LogRequest, Origin, Profile, QtyError, Quantity, Stack, StackItem};
use crate::store::{Store, StoreError};
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use menu::{At, Choice, Slot};
use thiserror::Error;

pub use user::user_items;

/// Ten years of days.
pub const TEN_YEARS: u32 = 3653;

#[derive(Debug, Error)]
pub enum SynthError {
    #[error("the catalog has no item `{0}`")]
    MissingItem(String),
    #[error(transparent)]
    Qty(#[from] QtyError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Which diary: the days up to and including `end`, at most `max_entries` of the latest entries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spec {
    pub end: NaiveDate,
    pub days: u32,
    pub max_entries: Option<usize>,
    pub seed: u64,
}

impl Spec {
    /// The ten-year diary of the benchmarks, ending on `end`.
    pub fn ten_years(end: NaiveDate) -> Spec {
        Spec {
            end,
            days: TEN_YEARS,
            max_entries: None,
            seed: 42,
        }
    }

    /// The latest `n` entries of the same diary (same days, same entries).
    pub fn last_entries(end: NaiveDate, n: usize) -> Spec {
        Spec {
            max_entries: Some(n),
            ..Spec::ten_years(end)
        }
    }

    fn first_day(&self) -> NaiveDate {
        self.end - Duration::days(i64::from(self.days.max(1)) - 1)
    }
}

/// The catalog the diarist logs from: built-in items plus their own.
pub fn catalog() -> Result<Catalog, SynthError> {
    let builtin = Catalog::builtin();
    let own = user_items(&builtin)?;
    Ok(builtin.with_user_items(own))
}

/// Every entry of the diary, in date and time order.
pub fn entries(catalog: &Catalog, spec: &Spec) -> Result<Vec<Entry>, SynthError> {
    let Some(max) = spec.max_entries else {
        let days = spec.first_day().iter_days().take(spec.days as usize);
        return days
            .map(|d| day(catalog, d, spec.seed))
            .try_fold(Vec::new(), |mut all, d| {
                all.extend(d?);
                Ok(all)
            });
    };
    let mut days = Vec::new();
    let mut count = 0;
    for ago in 0..spec.days {
        let d = day(
            catalog,
            spec.end - Duration::days(i64::from(ago)),
            spec.seed,
        )?;
        count += d.len();
        days.push(d);
        if count >= max {
            break;
        }
    }
    let all: Vec<Entry> = days.into_iter().rev().flatten().collect();
    Ok(all[all.len().saturating_sub(max)..].to_vec())
}

/// Writes the diary into `store` in one transaction: the user's items, a profile, the morning
/// stack and every entry. Returns how many entries were written.
pub fn write(store: &mut Store, spec: &Spec) -> Result<usize, SynthError> {
    let catalog = catalog()?;
    store.batch(|s| {
        for item in catalog.items().iter().filter(|i| i.origin == Origin::User) {
            s.add_user_item(item)?;
        }
        s.set_profile(&Profile {
            age: 62,
            ..Profile::default()
        })?;
        s.save_stack(&morning_stack())?;
        if spec.max_entries.is_some() {
            return Ok(s.insert_entries(&entries(&catalog, spec)?)?.len());
        }
        let mut n = 0;
        for d in spec.first_day().iter_days().take(spec.days as usize) {
            n += s.insert_entries(&day(&catalog, d, spec.seed)?)?.len();
        }
        Ok(n)
    })
}

fn morning_stack() -> Stack {
    let item = |key: &str, quantity: &str| StackItem {
        key: key.into(),
        quantity: quantity.into(),
    };
    Stack {
        name: "morning".into(),
        items: vec![item("d3", "2000 IU"), item("k2-mk7", "100 mcg")],
    }
}

/// One day's entries, in time order; depends only on the seed and the date.
pub fn day(catalog: &Catalog, date: NaiveDate, seed: u64) -> Result<Vec<Entry>, SynthError> {
    let mut rng = Rng::for_day(seed, date);
    let mut out = Vec::new();
    let mut log = |choice: &Choice, minute: u32, meal: Option<&str>, rng: &mut Rng| {
        out.push(log_one(catalog, choice, date, minute, meal, rng)?);
        Ok::<(), SynthError>(())
    };
    let mut starts = [0u32; 6];
    for (i, slot) in menu::MEALS.iter().enumerate() {
        starts[i] = rng.around(slot.start, slot.spread);
        if rng.chance(slot.chance) {
            for (k, choice) in pick(slot, &mut rng).into_iter().enumerate() {
                log(choice, starts[i] + k as u32, slot.meal, &mut rng)?;
            }
        }
    }
    // Some days the morning stack is forgotten until the evening (a dose off its usual time).
    let morning = match rng.chance(4) {
        true => rng.around(20 * 60 + 30, 30),
        false => starts[0],
    };
    for dose in menu::ROUTINE {
        let minute = match dose.at {
            At::Clock(m) => rng.around(m, 20),
            At::AfterBreakfast(m) => morning + m,
            At::AfterDinner(m) => starts[4] + m,
        };
        if rng.chance(dose.chance) {
            log(rng.pick(dose.choices), minute, None, &mut rng)?;
        }
    }
    for (choice, minute) in occasional(date, seed, &mut rng) {
        log(choice, minute, None, &mut rng)?;
    }
    out.sort_by_key(|e| e.time);
    Ok(out)
}

/// The weekly bisphosphonate, a yearly week of antibiotics (08:00 and 20:00) and three months a
/// year of iron.
fn occasional(date: NaiveDate, seed: u64, rng: &mut Rng) -> Vec<(&'static Choice, u32)> {
    let mut out = Vec::new();
    if date.weekday() == Weekday::Sun {
        out.push((&menu::WEEKLY, rng.around(6 * 60 + 15, 10)));
    }
    let mut year = Rng(seed ^ (date.year() as u64).wrapping_mul(0x9E37_79B9));
    let course = year.below(350) as u32;
    let antibiotic = year.pick(menu::ANTIBIOTICS);
    if (course..course + 7).contains(&date.ordinal0()) {
        out.push((antibiotic, rng.around(8 * 60, 15)));
        out.push((antibiotic, rng.around(20 * 60, 15)));
    }
    let iron_from = year.below(270) as u32;
    if (iron_from..iron_from + 90).contains(&date.ordinal0()) {
        out.push((&menu::IRON, rng.around(10 * 60 + 30, 20)));
    }
    out
}

/// Distinct choices of a slot's menu, as many as its `picks` range allows.
fn pick<'a>(slot: &'a Slot, rng: &mut Rng) -> Vec<&'a Choice> {
    let (lo, hi) = slot.picks;
    let n = (lo + rng.below((hi - lo + 1) as u64) as usize).min(slot.menu.len());
    let mut idx: Vec<usize> = (0..slot.menu.len()).collect();
    for i in 0..n {
        let j = i + rng.below((idx.len() - i) as u64) as usize;
        idx.swap(i, j);
    }
    idx[..n].iter().map(|&i| &slot.menu[i]).collect()
}

fn log_one(
    catalog: &Catalog,
    choice: &Choice,
    date: NaiveDate,
    minute: u32,
    meal: Option<&str>,
    rng: &mut Rng,
) -> Result<Entry, SynthError> {
    let item = catalog
        .get(choice.key)
        .ok_or_else(|| SynthError::MissingItem(choice.key.into()))?;
    let qty = if choice.qty.is_empty() {
        rng.pick(menu::FOOD_QTY)
    } else {
        rng.pick(choice.qty)
    };
    let minute = minute.min(23 * 60 + 59);
    let time = NaiveTime::from_hms_opt(minute / 60, minute % 60, 0).unwrap_or_default();
    Ok(Entry::log(LogRequest {
        item,
        quantity: Quantity::parse(qty)?,
        date,
        time,
        meal: meal.map(String::from),
        note: None,
    })?)
}

/// SplitMix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn for_day(seed: u64, date: NaiveDate) -> Rng {
        let day = date.num_days_from_ce() as u64;
        Rng(seed ^ day.wrapping_mul(0x2545_F491_4F6C_DD1D))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in 0..n (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < u64::from(percent)
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }

    /// A minute within `spread` either side of `at`.
    fn around(&mut self, at: u32, spread: u32) -> u32 {
        (at + self.below(u64::from(2 * spread + 1)) as u32).saturating_sub(spread)
    }
}
