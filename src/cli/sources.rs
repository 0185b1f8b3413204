//! `intake day --sources` and `intake week --sources`: which entries (items, over a week) gave
//! each headline nutrient.

use crate::domain::sources::{self, Sources};
use crate::domain::{Entry, Kind, Shown, Total};

/// The sources of every headline nutrient, as text; over a week (`by_item`) one row per item.
pub fn text(entries: &[Entry], by_item: bool) -> String {
    let mut page = String::new();
    for s in Shown::HEADLINE {
        page.push_str(&section(&sources::of(entries, s, by_item), by_item));
    }
    page
}

/// The same as JSON: one object per headline nutrient, by its key.
pub fn json(entries: &[Entry], by_item: bool) -> serde_json::Value {
    Shown::HEADLINE
        .iter()
        .map(|&s| {
            let v = serde_json::to_value(sources::of(entries, s, by_item)).unwrap_or_default();
            (s.key().to_string(), v)
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

fn amount(t: &Total, unit: &str) -> String {
    format!("{} {unit}", t.display())
}

fn section(s: &Sources, by_item: bool) -> String {
    let prose = s.shown.info().prose;
    let mut out = match s.total.has_value() {
        true => format!(
            "Sources of {prose} (known total {}):\n",
            amount(&s.total, s.unit)
        ),
        false => format!("Sources of {prose}: none known\n"),
    };
    for (i, r) in s.rows.iter().enumerate() {
        let which = if by_item {
            format!("{} ×{}", r.item_name, r.entries.len())
        } else {
            format!("#{} {}", r.entries[0], r.item_name)
        };
        let which = crate::ui::add::fit_words(&which, 36);
        let kind = if r.kind == Kind::Food {
            "food"
        } else {
            r.kind.as_str()
        };
        out.push_str(&format!(
            "  {:>2}. {:<36} {:>14} {:>4} %  {kind}\n",
            i + 1,
            which,
            amount(&r.amount, s.unit),
            r.share
        ));
    }
    if s.total.has_value() {
        out.push_str(&format!(
            "  food {} ({} %) · supplements and medicines {} ({} %)\n",
            amount(&s.food.0, s.unit),
            s.food.1,
            amount(&s.supplements.0, s.unit),
            s.supplements.1
        ));
    }
    if !s.unknown.is_empty() {
        out.push_str(&format!(
            "  not known (so the total is at least this): {}\n",
            s.unknown.join(", ")
        ));
    }
    out
}
