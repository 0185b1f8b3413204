//! Calcium dose size and calcium spacing against medicines (pairs of entries).

use super::table::{self, Spacing};
use super::{Severity, View, Warning, fmt_gap, is_dose, minutes_between, total_of};
use crate::domain::entry::{Entry, hhmm};
use crate::domain::nutrient::{Nutrient, fmt_amount};
use crate::domain::value::Total;
use chrono::Duration;

/// Supplement calcium: a supplement or medication (antacid, multivitamin) tagged as calcium or
/// with known calcium above zero. An untagged entry with unknown calcium is not counted: it may
/// hold none.
pub(crate) fn is_calcium_dose(e: &Entry) -> bool {
    is_dose(e) && (table::CALCIUM_TAGS.iter().any(|t| e.has_tag(t)) || known_calcium(e) > 0.0)
}

/// Which entries count as "calcium" for the spacing rules. The sources speak of calcium
/// supplements and of calcium-rich food (dairy binds these medicines as supplements do), so:
/// supplement calcium (above), plus a food whose known calcium is at least
/// [`table::FOOD_CALCIUM_MG`] (a glass of milk counts, a slice of bread does not). A food with
/// unknown calcium is not counted: nothing says it is calcium-rich. An entry that is itself the
/// medicine (same entry) is never paired with itself.
pub(crate) fn is_calcium(e: &Entry) -> bool {
    is_calcium_dose(e) || (!is_dose(e) && known_calcium(e) >= table::FOOD_CALCIUM_MG)
}

/// The certain (low-end) calcium of an entry; 0 when unknown, used only for "at least".
fn known_calcium(e: &Entry) -> f64 {
    e.nutrients
        .get(Nutrient::Calcium)
        .bounds()
        .map_or(0.0, |(lo, _)| lo.to_f64())
}

/// `calcium-single-dose`: supplement calcium within one hour (inclusive) summing above 500 mg.
///
/// Doses are grouped greedily from the earliest: a group is every dose within the window after
/// its first one. A group that is over raises one warning and its doses start no other group.
/// The sum is certain: unknown amounts add nothing and the low end of a range is used, so a
/// group fires only when it is known to be over. The warning belongs to the day of its last dose.
/// Doses without a time are skipped (nothing says they were within the hour).
pub(crate) fn single_dose(v: &View) -> Vec<Warning> {
    let doses: Vec<&Entry> = (v.recent().iter().copied())
        .filter(|e| e.time.is_some() && is_calcium_dose(e))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < doses.len() {
        let group: Vec<&Entry> = doses[i..]
            .iter()
            .copied()
            .take_while(|e| {
                minutes_between(doses[i], e).is_some_and(|m| m <= table::SINGLE_DOSE_WINDOW_MIN)
            })
            .collect();
        let total = total_of(group.iter().copied(), &[Nutrient::Calcium]);
        if total.lo.to_f64() > table::SINGLE_DOSE_MG {
            out.extend(single_dose_warning(v, &group, total));
            i += group.len();
        } else {
            i += 1;
        }
    }
    out
}

fn single_dose_warning(v: &View, group: &[&Entry], total: Total) -> Option<Warning> {
    let last = group.last()?;
    if last.date != v.day {
        return None;
    }
    let span = minutes_between(group[0], last)?;
    let rule = (
        table::SINGLE_DOSE,
        Severity::Caution,
        table::SRC_SINGLE_DOSE,
    );
    Some(v.warning(rule, group, || {
        let what = if group.len() == 1 {
            format!(
                "{} is {} mg of calcium in one dose",
                v.describe(last),
                total.display()
            )
        } else {
            let span = fmt_gap(span);
            let names = v.describe_list(group);
            let window = fmt_gap(table::SINGLE_DOSE_WINDOW_MIN);
            format!(
                "{names} add up to {} mg of calcium within {span} (doses within {window} count as one: {})",
                total.display(),
                table::OURS
            )
        };
        format!(
            "{what}; the source advises single doses of at most {} mg{}",
            fmt_amount(table::SINGLE_DOSE_MG),
            split_when(group, total.lo.to_f64()).unwrap_or_default()
        )
    }))
}

/// "; split it: 300 mg at 08:00 and 300 mg after 09:00": equal doses of at most the single-dose
/// figure, the next one outside the window that made them one dose (issue 16: say when).
fn split_when(group: &[&Entry], total: f64) -> Option<String> {
    let first = group.first()?.at()?;
    let n = (total / table::SINGLE_DOSE_MG).ceil().max(2.0);
    let each = fmt_amount(total / n);
    let window = table::SINGLE_DOSE_WINDOW_MIN;
    let next = hhmm((first + Duration::minutes(window)).time());
    let start = hhmm(first.time());
    Some(if n <= 2.0 {
        format!("; split it: {each} mg at {start} and {each} mg after {next}")
    } else {
        format!(
            "; split it into {n} doses of {each} mg, each more than {} after the one before: {each} mg at {start}, the next after {next}",
            fmt_gap(window)
        )
    })
}

/// The spacing rule `id`: one warning per (calcium, medicine) pair too close together, on the
/// day of the later of the two.
pub(crate) fn spacing(v: &View, id: &str) -> Vec<Warning> {
    let mut out: Vec<Warning> = Vec::new();
    let rules = || table::SPACINGS.iter().filter(|s| s.rule == id);
    // Most days hold no partner of a rule: then its calcium need not be looked for. A partner
    // is tagged, and most entries (food) carry no tag.
    let recent = v.recent();
    let tagged = recent.iter().filter(|e| !e.tags.is_empty());
    if !tagged.into_iter().any(|e| rules().any(|r| r.is_partner(e))) {
        return out;
    }
    // One warning per rule and pair, even when a medicine carries two tags of one rule.
    let mut seen: Vec<(&str, *const Entry, *const Entry)> = Vec::new();
    for rule in rules() {
        let partners = recent.iter().copied().filter(|e| rule.is_partner(e));
        for p in partners {
            // Only calcium within the rule's reach of the partner can be too close.
            let near = super::around(recent, p, rule.reach());
            for &c in near.iter().filter(|e| is_calcium(e)) {
                let key = (rule.rule, c as *const Entry, p as *const Entry);
                if seen.contains(&key) {
                    continue;
                }
                if let Some(w) = pair(v, rule, c, p) {
                    seen.push(key);
                    out.push(w);
                }
            }
        }
    }
    out
}

/// The warning for one pair, if the pair is too close and belongs to the day. A pair where
/// either time is unknown is skipped: how far apart they were is not known. Food calcium ranks
/// below supplement and medicine calcium (info), and the message says which it was.
fn pair(v: &View, rule: &Spacing, c: &Entry, p: &Entry) -> Option<Warning> {
    if std::ptr::eq(c, p) {
        return None;
    }
    let gap = minutes_between(p, c)?;
    let severity = rule.severity_at(gap)?;
    let (first, later) = if gap >= 0 { (p, c) } else { (c, p) };
    if later.date != v.day {
        return None;
    }
    // Food calcium ranks below supplement and medicine calcium.
    let severity = if is_dose(c) { severity } else { Severity::Info };
    Some(
        v.warning((rule.rule, severity, rule.source), &[first, later], || {
            pair_words(v, rule, gap, c, (first, later))
        }),
    )
}

/// The message of a pair, written into one String (a range's export words thousands of pairs).
fn pair_words(v: &View, rule: &Spacing, gap: i64, c: &Entry, pair: (&Entry, &Entry)) -> String {
    let (first, later) = pair;
    let mut msg = String::with_capacity(320);
    v.describe_into(&mut msg, later);
    if gap == 0 {
        msg.push_str(" and ");
        v.describe_into(&mut msg, first);
        msg.push_str(" are at the same time");
    } else {
        msg.push_str(" is ");
        msg.push_str(&fmt_gap(gap));
        msg.push_str(" after ");
        v.describe_into(&mut msg, first);
    }
    if gap < 0 && -gap >= rule.calcium_first_min {
        msg.push_str(&format!(
            ", past {} but not yet {}",
            fmt_gap(rule.calcium_first_min),
            fmt_gap(rule.calcium_first_upto_min)
        ));
    }
    msg.push_str("; the source advises ");
    msg.push_str(rule.advice);
    msg.push_str("; the calcium is ");
    if is_dose(c) {
        msg.push_str(calcium_kind(c));
    } else {
        let mg = fmt_amount(known_calcium(c));
        let from = fmt_amount(table::FOOD_CALCIUM_MG);
        msg.push_str(&format!(
            "food with {mg} mg calcium (food counts from {from} mg: {})",
            table::OURS
        ));
    }
    msg.push_str(&when_fine(rule, gap, first, later).unwrap_or_default());
    msg
}

/// "; Doxycycline would have been fine at 14:00 or later": the earliest time, from the rule's
/// own window, at which the later of the two keeps its distance from the first (issue 16: say
/// when). A source's range (tetracyclines 4–6 h) gives its far end, and its near end beside it.
fn when_fine(rule: &Spacing, gap: i64, first: &Entry, later: &Entry) -> Option<String> {
    let window = if gap >= 0 {
        rule.partner_first_min
    } else {
        rule.calcium_first_upto_min
    };
    let from = first.at()?;
    let at = |m: i64| {
        let t = from + Duration::minutes(m);
        if t.date() == later.date {
            hhmm(t.time())
        } else {
            t.format("%H:%M on %Y-%m-%d").to_string()
        }
    };
    let near = if gap < 0 && window > rule.calcium_first_min && -gap < rule.calcium_first_min {
        format!(" (at least {}, the near end)", at(rule.calcium_first_min))
    } else {
        String::new()
    };
    Some(format!(
        "; {} would have been fine at {} or later{near}",
        later.item_name,
        at(window)
    ))
}

/// What the calcium of a dose is, in words.
fn calcium_kind(c: &Entry) -> &'static str {
    match c.kind {
        crate::domain::item::Kind::Medication => "in a medicine",
        _ => "a supplement",
    }
}
