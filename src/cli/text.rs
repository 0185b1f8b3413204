//! Plain-text formatting shared by the commands.

use crate::domain::nutrient::fmt_amount;
use crate::domain::warnings::Warning;
use crate::domain::{Entry, Item, Nutrients, Shown, Standing, Target, Total};

/// "#3 08:00 Natto 3 oz · Ca ? · D ? · K2 850 mcg (breakfast)".
pub fn entry_line(e: &Entry) -> String {
    let meal = e
        .meal
        .as_deref()
        .map(|m| format!(" ({m})"))
        .unwrap_or_default();
    format!(
        "#{} {} {} {} {}{} · {}",
        e.id,
        e.date,
        e.time.format("%H:%M"),
        e.item_name,
        e.amount_display(),
        meal,
        nutrient_summary(&e.nutrients)
    )
}

/// "Ca 300 mg · D ? · K2 5–10 mcg · K1 ? · Mg ?" where ? is unknown.
pub fn nutrient_summary(n: &Nutrients) -> String {
    let part = |s: Shown, short: &str| {
        let t = n.shown(s);
        let v = if t.is_empty() {
            "?".to_string()
        } else {
            format!("{} {}", t.display(), s.unit())
        };
        format!("{short} {v}")
    };
    [
        part(Shown::Calcium, "Ca"),
        part(Shown::VitaminD, "D"),
        part(Shown::VitaminK2, "K2"),
        part(Shown::VitaminK1, "K1"),
        part(Shown::Magnesium, "Mg"),
    ]
    .join(" · ")
}

pub fn warning_line(w: &Warning) -> String {
    let sev = serde_json::to_value(w.severity)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default();
    format!(
        "warning [{sev}] {}: {} (source: {})",
        w.rule, w.message, w.source
    )
}

/// A 24-character text gap bar: `#` up to the total, `|` at the target, `!` past the limit.
pub fn bar(t: &Total, target: &Target) -> String {
    const W: usize = 24;
    let scale = target
        .limit
        .or(target.band.map(|b| b.1))
        .or(target.target)
        .map(|x| x * 1.2)
        .filter(|x| *x > 0.0)
        .unwrap_or_else(|| t.mid().max(1.0));
    let cell = |v: f64| ((v / scale) * W as f64).round().clamp(0.0, W as f64) as usize;
    let fill = cell(t.mid());
    let mut s: Vec<char> = (0..W).map(|i| if i < fill { '#' } else { '.' }).collect();
    if let Some(x) = target.target {
        let i = cell(x).min(W - 1);
        s[i] = '|';
    }
    if let Some(l) = target.limit {
        let i = cell(l).min(W - 1);
        s[i] = '!';
    }
    format!("[{}]", s.into_iter().collect::<String>())
}

/// One totals line: name, bar, amount, percentage, standing, split, band and limit.
pub fn total_line(s: Shown, t: &Total, supp: &Total, target: &Target) -> String {
    let amount = if t.is_empty() && t.unknown == 0 {
        format!("0 {}", s.unit())
    } else {
        format!("{} {}", t.display(), s.unit())
    };
    let pct = target
        .pct(t.mid())
        .map(|p| format!("{:>4}%", p.round() as i64))
        .unwrap_or_else(|| "    -".into());
    let standing = match target.standing(t.mid()) {
        Standing::NoTarget => "no target",
        Standing::Below => "below",
        Standing::Within => "within",
        Standing::Above => "above band",
        Standing::OverLimit => "OVER LIMIT",
    };
    let mut extra = vec![format!("supplements {}", fmt_amount(supp.mid()))];
    if let Some((lo, hi)) = target.band {
        extra.push(format!("band {}–{}", fmt_amount(lo), fmt_amount(hi)));
    }
    if let Some(l) = target.limit {
        extra.push(format!("limit {}", fmt_amount(l)));
    }
    if let Some(l) = target.official_limit.filter(|o| Some(*o) != target.limit) {
        extra.push(format!("official UL {}", fmt_amount(l)));
    }
    format!(
        "{:<11}{} {:>14} {pct}  {standing:<10} {}",
        s.label(),
        bar(t, target),
        amount,
        extra.join(", ")
    )
}

/// One search result: key, name, serving, nutrients per serving, source.
pub fn item_line(item: &Item) -> String {
    format!(
        "{:<28} {} — {} · per {}: {} · source: {}",
        item.key,
        item.name,
        item.kind.as_str(),
        item.serving.display(),
        nutrient_summary(&item.nutrients),
        item.source
    )
}

/// A message made safe for one terminal line: control characters written as escapes (so typed
/// input cannot move the cursor or colour the terminal) and very long words cut short.
pub fn terminal_safe(msg: &str) -> String {
    const LONGEST: usize = 80;
    let mut out = String::with_capacity(msg.len().min(1024));
    for word in msg.split_inclusive(' ') {
        let count = word.chars().count();
        let kept = if count > LONGEST { 60 } else { count };
        for c in word.chars().take(kept) {
            if c.is_control() {
                out.extend(c.escape_default());
            } else {
                out.push(c);
            }
        }
        if kept < count {
            out.push_str(&format!("… ({count} characters) "));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::terminal_safe;

    #[test]
    fn controls_are_escaped_and_long_words_cut() {
        assert_eq!(
            terminal_safe("no item `\u{1b}[31mred`\nnext"),
            "no item `\\u{1b}[31mred`\\nnext"
        );
        let long = format!("name `{}` is bad", "a".repeat(500));
        let shown = terminal_safe(&long);
        let cut = format!("name `{}… (503 characters) is bad", "a".repeat(59));
        assert_eq!(shown, cut);
        assert_eq!(terminal_safe("plain words stay"), "plain words stay");
    }
}
