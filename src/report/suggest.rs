//! What would close a day's gaps (`intake suggest`, the app's `f`): the day's report, the
//! catalog with the USDA table, and the recently logged items, handed to the domain's ranking.

use crate::catalog::{Catalog, usda};
use crate::domain::suggest::{Ask, Suggestions};
use crate::domain::{Profile, Shown};
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use std::borrow::Cow;

/// What to ask for: one nutrient or every headline one, supplements or not, how many.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wanted {
    pub only: Option<Shown>,
    pub supplements: bool,
    pub limit: usize,
}

/// The suggestions for each headline nutrient (or `only`) below its band on `date`.
pub fn day_suggestions(
    store: &Store,
    catalog: &Catalog,
    profile: &Profile,
    date: NaiveDate,
    w: Wanted,
) -> Result<Vec<Suggestions>, StoreError> {
    let r = super::day_report(store, date, profile)?;
    let recent = store.recent_keys(20)?;
    let ask = Ask {
        totals: &r.totals,
        targets: &r.targets,
        warfarin: profile.warfarin,
        supplements: w.supplements,
        recent: &recent,
        limit: w.limit,
    };
    let gaps = ask.gaps(w.only);
    if gaps.is_empty() {
        return Ok(Vec::new());
    }
    // The USDA table a food at a time, never held whole (issue 19's memory goal).
    let own = catalog.items().iter().map(Cow::Borrowed);
    Ok(ask.suggest_all(gaps, own.chain(usda::foods().map(Cow::Owned))))
}
