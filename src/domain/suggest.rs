//! What would close a gap: for a nutrient below its band, the items whose usual serving closes
//! most of what is missing, never one that would take a nutrient over its limit, and on warfarin
//! never one that would swing the day's vitamin K (those are named as left out instead).

use super::entry::DayTotals;
use super::item::{Item, Kind, Origin};
use super::nutrient::{Shown, fmt_amount};
use super::profile::{Counts, Standing, Target};
use super::value::Total;
use super::warnings::table::K_MAX_CHANGE_PCT;
use serde::Serialize;
use std::borrow::Borrow;

/// A serving must close at least this share of the gap to be suggested (intake's threshold: a
/// serving that closes less would not change the day's standing much).
pub const MIN_CLOSES_PCT: f64 = 25.0;

/// A nutrient below its band on a day, and how much is missing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub shown: Shown,
    pub total: Total,
    pub target: Target,
    /// The band's low end (or the target) less the day's total, in the nutrient's unit.
    pub missing: f64,
}

/// One item that would close much of a gap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub key: String,
    pub name: String,
    pub kind: Kind,
    pub serving: String,
    /// The nutrient in one serving.
    pub amount: Total,
    /// Whole percent of the gap one serving closes (at most 100).
    pub closes: u32,
    /// How many of the shown nutrients of the summary the item's figures give, and of how many.
    pub known: (usize, usize),
    pub recent: bool,
    pub origin: Origin,
    pub source: String,
}

/// The suggestions for one gap, and what was left out and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestions {
    pub gap: Gap,
    pub items: Vec<Suggestion>,
    /// "would take calcium over its limit (official UL 2500 mg): 3 items (…)".
    pub left_out: Vec<String>,
}

/// What to suggest from: the day, the profile's targets and warfarin, the choices.
pub struct Ask<'a> {
    pub totals: &'a DayTotals,
    pub targets: &'a [Target],
    pub warfarin: bool,
    /// Supplements too (never medicines).
    pub supplements: bool,
    pub recent: &'a [String],
    pub limit: usize,
}

impl Ask<'_> {
    fn target(&self, s: Shown) -> Target {
        let t = self.targets.iter().find(|t| t.nutrient == s);
        t.cloned().unwrap_or_else(|| Target::none(s))
    }

    /// The headline nutrients (or `only`) whose day's total is below the band, with what is
    /// missing; a day that gives no known amount is missing the whole of the band's low end.
    pub fn gaps(&self, only: Option<Shown>) -> Vec<Gap> {
        let wanted = only.map_or(Shown::HEADLINE.to_vec(), |s| vec![s]);
        wanted
            .into_iter()
            .filter_map(|s| {
                let target = self.target(s);
                let floor = target.band.map(|b| b.0).or(target.target)?;
                let total = self.totals.shown(s);
                let now = if total.has_value() { total.mid() } else { 0.0 };
                let below = target
                    .standing_of(&total)
                    .is_none_or(|st| st == Standing::Below);
                (below && now < floor).then_some(Gap {
                    shown: s,
                    total,
                    target,
                    missing: floor - now,
                })
            })
            .collect()
    }

    /// Ranks `items` for `gap`: recently eaten first, then by the share of the gap one serving
    /// closes, then by how complete the item's figures are.
    pub fn suggest<B: Borrow<Item>>(
        &self,
        gap: Gap,
        items: impl IntoIterator<Item = B>,
    ) -> Suggestions {
        let mut found = [Found::new(gap)];
        self.consider(&mut found, items);
        let [found] = found;
        self.ranked(found)
    }

    /// [`Ask::suggest`] for each of `gaps`, in one pass over `items` (the USDA table is then read
    /// once, a food at a time, never held whole).
    pub fn suggest_all<B: Borrow<Item>>(
        &self,
        gaps: Vec<Gap>,
        items: impl IntoIterator<Item = B>,
    ) -> Vec<Suggestions> {
        let mut found: Vec<Found> = gaps.into_iter().map(Found::new).collect();
        self.consider(&mut found, items);
        found.into_iter().map(|f| self.ranked(f)).collect()
    }

    /// Keeps each item that closes enough of a gap, or notes why it may not be suggested.
    fn consider<B: Borrow<Item>>(&self, found: &mut [Found], items: impl IntoIterator<Item = B>) {
        for item in items {
            let item = item.borrow();
            if !self.kind_ok(item) {
                continue;
            }
            let mut refused = None;
            for f in found.iter_mut() {
                let amount = item.nutrients.shown(f.gap.shown);
                let holds = amount.lo.to_f64();
                if !amount.has_value() || holds * 100.0 < MIN_CLOSES_PCT * f.gap.missing {
                    continue;
                }
                match refused.get_or_insert_with(|| self.refused(item)) {
                    Some(why) => match f.left.iter_mut().find(|(w, _)| w == why) {
                        Some((_, names)) => names.push(item.name.clone()),
                        None => f.left.push((why.clone(), vec![item.name.clone()])),
                    },
                    None => f.out.push(suggestion(item, amount, &f.gap, self.recent)),
                }
            }
        }
    }

    /// The kept items in order, the best `limit` of them.
    fn ranked(&self, f: Found) -> Suggestions {
        let Found { gap, mut out, left } = f;
        // Recent first, then the share closed, how complete the figures are, and the curated,
        // built-in and own items before the USDA table's (as in the add dialog); among equals the
        // serving nearest the gap (a cup of orange-juice concentrate's 1,514 mg for a 700 mg gap
        // comes after a food that just closes it), then by name.
        let off = |s: &Suggestion| (s.amount.lo.to_f64() - gap.missing).abs();
        out.sort_by(|a, b| {
            let rank = |s: &Suggestion| (s.recent, s.closes, s.known.0, s.origin != Origin::Usda);
            rank(b)
                .cmp(&rank(a))
                .then_with(|| off(a).total_cmp(&off(b)))
                .then_with(|| a.name.cmp(&b.name))
        });
        out.truncate(self.limit);
        let left_out = left
            .into_iter()
            .map(|(why, n)| left_line(&why, &n))
            .collect();
        Suggestions {
            gap,
            items: out,
            left_out,
        }
    }

    fn kind_ok(&self, i: &Item) -> bool {
        i.kind == Kind::Food || (self.supplements && i.kind == Kind::Supplement)
    }

    /// Why an item may not be suggested: it would take a nutrient over its limit, or (on
    /// warfarin) swing the day's vitamin K.
    fn refused(&self, item: &Item) -> Option<String> {
        for s in Shown::TARGETED {
            for limit in &self.target(s).limits {
                let day = match limit.counts {
                    Counts::All => self.totals.shown(s),
                    Counts::Supplements if item.kind != Kind::Food => {
                        self.totals.shown_supplements(s)
                    }
                    Counts::Supplements => continue,
                };
                if day.hi.to_f64() + item.nutrients.shown(s).hi.to_f64() > limit.amount {
                    return Some(format!(
                        "would take {} over its limit ({}, {})",
                        s.info().prose,
                        limit.label(s.unit()),
                        limit.source
                    ));
                }
            }
        }
        self.warfarin.then(|| self.k_swing(item)).flatten()
    }

    /// On warfarin: an item whose vitamin K is unknown, or more than the warfarin rule's share
    /// of the day's vitamin K so far, would swing it.
    fn k_swing(&self, item: &Item) -> Option<String> {
        let k = item.nutrients.shown(Shown::VitaminK);
        let day = self.totals.shown(Shown::VitaminK);
        let room = day.lo.to_f64() * K_MAX_CHANGE_PCT as f64 / 100.0;
        if !k.has_value() {
            return Some("on warfarin: its vitamin K is not known".into());
        }
        (k.hi.to_f64() > room).then(|| {
            format!(
                "on warfarin: its vitamin K would change today's ({} mcg) by more than {K_MAX_CHANGE_PCT} % (warfarin rule's figure); keep vitamin K steady",
                day.display()
            )
        })
    }
}

/// What one gap has found so far: the items kept, and those left out with why.
struct Found {
    gap: Gap,
    out: Vec<Suggestion>,
    left: Vec<(String, Vec<String>)>,
}

impl Found {
    fn new(gap: Gap) -> Found {
        Found {
            gap,
            out: Vec::new(),
            left: Vec::new(),
        }
    }
}

fn suggestion(item: &Item, amount: Total, gap: &Gap, recent: &[String]) -> Suggestion {
    let given = |s: &Shown| {
        let t = item.nutrients.shown(*s);
        !t.is_lower_bound() && !t.is_empty()
    };
    let known = Shown::SUMMARY.iter().filter(|s| given(s)).count();
    Suggestion {
        key: item.key.clone(),
        name: item.name.clone(),
        kind: item.kind,
        serving: item.serving.display(),
        closes: (amount.mid() / gap.missing * 100.0).min(100.0).round() as u32,
        amount,
        known: (known, Shown::SUMMARY.len()),
        recent: recent.contains(&item.key),
        origin: item.origin,
        source: item.source.clone(),
    }
}

/// "left out, would take calcium over its limit (…): Milk, Kefir and 3 more".
fn left_line(why: &str, names: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut list = names
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        list.push_str(&format!(
            " and {} more",
            fmt_amount((names.len() - SHOWN) as f64)
        ));
    }
    format!("left out, {why}: {list}")
}

#[cfg(test)]
#[path = "suggest_tests.rs"]
mod tests;
