//! Daily amounts: calcium and magnesium limits, vitamin D, K2 dose, calcium : magnesium, vitamin K on warfarin.
//!
//! Every "above" is certain: a total is compared by its low end (unknown parts add nothing and
//! make it "at least"), so an unknown never makes a rule fire and never counts as zero when a
//! rule needs a fully known value.

use super::table;
use super::{RuleContext, Severity, View, Warning, is_dose, total_of};
use crate::domain::entry::Entry;
use crate::domain::nutrient::{Milli, Nutrient, Shown, fmt_amount};
use crate::domain::profile::{Counts, Limit};
use crate::domain::value::Total;
use chrono::NaiveDateTime;
use std::cmp::Reverse;

/// Vitamin K in all its forms.
pub(crate) use crate::domain::nutrient::VITAMIN_K;

/// The entries that hold a known, non-zero amount of the nutrients, largest first.
pub(crate) fn contributors<'a>(es: &[&'a Entry], parts: &[Nutrient]) -> Vec<&'a Entry> {
    // Sized once: collecting a filter grows the vector by reallocation. Each key is computed
    // once, not at each comparison.
    let mut out: Vec<(Reverse<Milli>, Option<NaiveDateTime>, &Entry)> =
        Vec::with_capacity(es.len());
    out.extend(
        es.iter()
            .map(|e| (Reverse(total_of([*e], parts).lo), e.at(), *e))
            .filter(|(amount, _, _)| amount.0.0 > 0),
    );
    // Stable: entries of one amount and time keep their order.
    out.sort_by_key(|&(amount, at, _)| (amount, at));
    out.into_iter().map(|(_, _, e)| e).collect()
}

/// `calcium-daily-limit`: the day's calcium from all sources above the lowest of the profile's
/// limits on it. Caution, like vitamin D above its official UL.
pub(crate) fn daily_limit(v: &View, ctx: &RuleContext) -> Option<Warning> {
    let today = v.today();
    let limits = ctx.limits_of(Shown::Calcium, Counts::All);
    let over = over_limits(today, Shown::Calcium, &limits)?;
    let rule = (
        table::DAILY_LIMIT,
        Severity::Caution,
        table::SRC_DAILY_LIMIT,
    );
    Some(v.warning(rule, &over.from, || {
        format!("calcium from all sources today {}", over.words(v))
    }))
}

/// `magnesium-supplement-limit`: the day's magnesium from supplements and medications (food is
/// not counted) above the profile's limit on supplements.
pub(crate) fn magnesium_limit(v: &View, ctx: &RuleContext) -> Option<Warning> {
    let doses = doses_today(v);
    let limits = ctx.limits_of(Shown::Magnesium, Counts::Supplements);
    let over = over_limits(&doses, Shown::Magnesium, &limits)?;
    let rule = (table::MG_LIMIT, Severity::Caution, table::SRC_MG_LIMIT);
    Some(v.warning(rule, &over.from, || {
        format!(
            "magnesium from supplements and medications today {}; food is not counted",
            over.words(v)
        )
    }))
}

/// The day's supplements and medications (see [`is_dose`]).
fn doses_today<'a>(v: &View<'a>) -> Vec<&'a Entry> {
    let today = v.today();
    let mut out = Vec::with_capacity(today.len());
    out.extend(today.iter().copied().filter(|e| is_dose(e)));
    out
}

/// A total above some limits: the limits, lowest first, and the entries it comes from (see
/// [`contributors`]).
struct Over<'a, 'l> {
    s: Shown,
    total: Total,
    crossed: Vec<&'l Limit>,
    from: Vec<&'a Entry>,
}

/// The limits the certain total of `es` is above; `None` when it is above none.
fn over_limits<'a, 'l>(es: &[&'a Entry], s: Shown, limits: &[&'l Limit]) -> Option<Over<'a, 'l>> {
    let total = total_of(es.iter().copied(), s.parts());
    let crossed: Vec<&Limit> = limits
        .iter()
        .copied()
        .filter(|l| total.lo.to_f64() > l.amount)
        .collect();
    if crossed.is_empty() {
        return None;
    }
    let from = contributors(es, s.parts());
    Some(Over {
        s,
        total,
        crossed,
        from,
    })
}

impl Over<'_, '_> {
    /// "is 2100 mg (from …), above the official UL of 2000 mg (DRI: …)": each limit with its
    /// source.
    fn words(&self, v: &View) -> String {
        let unit = self.s.unit();
        let over: Vec<String> = (self.crossed.iter())
            .map(|l| {
                let amount = fmt_amount(l.amount);
                format!("the {} of {amount} {unit} ({})", l.name, l.source)
            })
            .collect();
        format!(
            "is {} {unit} (from {}), above {}",
            self.total.display(),
            v.describe_list(&self.from),
            over.join(" and ")
        )
    }
}

/// `vitamin-d-upper-limit`: the day's vitamin D (all forms, all sources) above the official UL
/// (caution) or above the articles' 5,000 IU (alert); one warning, the higher one.
pub(crate) fn vitamin_d(v: &View) -> Option<Warning> {
    let today = v.today();
    let parts = Shown::VitaminD.parts();
    let total = total_of(today.iter().copied(), parts);
    let lo = total.lo.to_f64();
    let severity = if lo > table::D_SEED_MAX_IU {
        Severity::Alert
    } else if lo > table::D_OFFICIAL_UL_IU {
        Severity::Caution
    } else {
        return None;
    };
    let from = contributors(today, parts);
    Some(v.warning((table::D_UPPER, severity, table::SRC_D_UPPER), &from, || {
        let what = if severity == Severity::Alert {
            format!(
                "above {} IU, the top of the articles' range; the source advises higher doses only under medical supervision (official upper limit {} IU)",
                fmt_amount(table::D_SEED_MAX_IU),
                fmt_amount(table::D_OFFICIAL_UL_IU)
            )
        } else {
            format!(
                "above the official upper limit of {} IU (the articles go up to {} IU)",
                fmt_amount(table::D_OFFICIAL_UL_IU),
                fmt_amount(table::D_SEED_MAX_IU)
            )
        };
        format!(
            "vitamin D today is {} IU (from {}), {what}",
            total.display(),
            v.describe_list(&from),
        )
    }))
}

/// `vitamin-k2-high-dose`: the day's K2 from supplements (MK-4 + MK-7) above the bone-support
/// range (info) or at a therapeutic dose (alert). Food is left out: the figures are supplement
/// doses, and a dish of natto is not a dose for medical supervision.
pub(crate) fn k2_high(v: &View) -> Option<Warning> {
    let supps = doses_today(v);
    let parts = Shown::VitaminK2.parts();
    let total = total_of(supps.iter().copied(), parts);
    let lo = total.lo.to_f64();
    let severity = if lo > table::K2_THERAPEUTIC_MCG {
        Severity::Alert
    } else if lo > table::K2_BONE_MAX_MCG {
        Severity::Info
    } else {
        return None;
    };
    let from = contributors(&supps, parts);
    Some(v.warning((table::K2_HIGH, severity, table::SRC_K2_HIGH), &from, || {
        let what = if severity == Severity::Alert {
            format!(
                "above {} mg, a therapeutic dose the source reserves for medical supervision",
                fmt_amount(table::K2_THERAPEUTIC_MCG / 1000.0)
            )
        } else {
            format!(
                "above the bone-support range (up to {} mcg); the source calls higher doses therapeutic, for medical supervision",
                fmt_amount(table::K2_BONE_MAX_MCG)
            )
        };
        format!(
            "vitamin K2 from supplements today is {} mcg (from {}), {what}",
            total.display(),
            v.describe_list(&from)
        )
    }))
}

/// `calcium-magnesium-ratio`: the day's calcium : magnesium above 2 : 1, only when every entry's
/// magnesium is known and the day holds some (a day with no magnesium logged is more likely
/// unfinished than unbalanced). Calcium is taken at its low end and magnesium at its high end,
/// so the ratio is certain.
pub(crate) fn ratio(v: &View) -> Option<Warning> {
    let today = v.today();
    let ca = total_of(today.iter().copied(), &[Nutrient::Calcium]);
    let mg = total_of(today.iter().copied(), &[Nutrient::Magnesium]);
    let (ca_lo, mg_hi) = (ca.lo.to_f64(), mg.hi.to_f64());
    if mg.is_lower_bound() || mg_hi <= 0.0 || ca_lo / mg_hi <= table::CA_MG_MAX_RATIO {
        return None;
    }
    let from = contributors(today, &[Nutrient::Calcium]);
    let rule = (table::CA_MG_RATIO, Severity::Info, table::SRC_RATIO);
    Some(v.warning(rule, &from, || {
        format!(
            "calcium {} mg to magnesium {} mg today is {:.1} : 1 (calcium from {}); the source suggests about {} : 1",
            ca.display(),
            mg.display(),
            ca_lo / mg_hi,
            v.describe_list(&from),
            fmt_amount(table::CA_MG_MAX_RATIO)
        )
    }))
}

/// A vitamin K supplement: a supplement or medication tagged `vitamin-k-supplement` (even with an unknown
/// amount) or holding known vitamin K above zero; never the antagonist itself.
fn is_k_supplement(e: &Entry) -> bool {
    is_dose(e)
        && !e.has_tag(table::ANTAGONIST_TAG)
        && (e.has_tag(table::K_SUPPLEMENT_TAG) || total_of([e], VITAMIN_K).lo.0 > 0)
}

/// `vitamin-k-warfarin`: one alert per vitamin K supplement taken on a warfarin day (the rule
/// runs only on those, see its row).
pub(crate) fn warfarin(v: &View) -> Vec<Warning> {
    let antagonists: Vec<&Entry> = (v.today().iter().copied())
        .filter(|e| e.has_tag(table::ANTAGONIST_TAG))
        .collect();
    let why = || {
        if antagonists.is_empty() {
            "the profile says warfarin".to_string()
        } else {
            format!("{} is logged the same day", v.describe_list(&antagonists))
        }
    };
    let rule = (table::K_WARFARIN, Severity::Alert, table::SRC_WARFARIN);
    (v.today().iter().copied())
        .filter(|e| is_k_supplement(e))
        .map(|s| {
            let mut involved = vec![s];
            involved.extend(antagonists.iter().copied());
            v.warning(rule, &involved, || {
                format!(
                    "{} holds vitamin K and {}; the source advises consulting the physician and keeping vitamin K intake consistent day to day",
                    v.describe(s),
                    why()
                )
            })
        })
        .collect()
}
