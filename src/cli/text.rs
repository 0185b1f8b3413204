//! Plain-text formatting shared by the commands.

use crate::domain::nutrient::fmt_amount;
use crate::domain::profile::Counts;
use crate::domain::warnings::Warning;
use crate::domain::{Entry, Item, Nutrients, Shown, Standing, Target, Total};

pub use crate::domain::text::is_hidden;

/// "#3 08:00 Natto 3 oz · Ca ? · D ? · K2 850 mcg (breakfast)".
pub fn entry_line(e: &Entry) -> String {
    use std::fmt::Write;
    let mut line = String::with_capacity(160);
    let _ = write!(
        line,
        "#{} {} {} {} {}",
        e.id,
        e.date,
        e.time_display(),
        e.item_name,
        e.amount_display()
    );
    if let Some(m) = &e.meal {
        let _ = write!(line, " ({m})");
    }
    line.push_str(" · ");
    push_nutrient_summary(&mut line, &e.nutrients);
    line
}

/// "Ca 300 mg · D ? · K2 5–10 mcg · K1 ? · Mg ?" where ? is unknown.
pub fn nutrient_summary(n: &Nutrients) -> String {
    let mut out = String::with_capacity(80);
    push_nutrient_summary(&mut out, n);
    out
}

/// [`nutrient_summary`], appended to `out` (one buffer for a whole line).
fn push_nutrient_summary(out: &mut String, n: &Nutrients) {
    for (i, s) in Shown::SUMMARY.into_iter().enumerate() {
        if i > 0 {
            out.push_str(" · ");
        }
        out.push_str(s.short());
        let t = n.shown(s);
        if t.has_value() {
            out.push(' ');
            out.push_str(&t.display());
            out.push(' ');
            out.push_str(s.unit());
        } else {
            out.push_str(" ?");
        }
    }
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

/// A 24-character text gap bar: `#` up to the total, `?` after it when the total is a lower
/// bound, `|` at the target, `!` at the limit in force, `:` at any other limit on the total. Without a target it is blank (amount only).
pub fn bar(t: &Total, target: &Target) -> String {
    const W: usize = 24;
    let Some(scale) = target
        .limit_amount()
        .or(target.band.map(|b| b.1))
        .or(target.target)
        .map(|x| x * 1.2)
        .filter(|x| *x > 0.0 && target.has_target())
    else {
        return format!("[{}]", " ".repeat(W));
    };
    let cell = |v: f64| ((v / scale) * W as f64).round().clamp(0.0, W as f64) as usize;
    let fill = cell(t.mid());
    let mut s: Vec<char> = (0..W).map(|i| if i < fill { '#' } else { '.' }).collect();
    if t.is_lower_bound() && fill < W {
        s[fill] = '?';
    }
    if let Some(x) = target.target {
        s[cell(x).min(W - 1)] = '|';
    }
    for l in target.other_limits().filter(|l| l.counts == Counts::All) {
        s[cell(l.amount).min(W - 1)] = ':';
    }
    if let Some(l) = target.limit_amount() {
        s[cell(l).min(W - 1)] = '!';
    }
    format!("[{}]", s.into_iter().collect::<String>())
}

/// One totals line: name, bar, amount, percentage, standing, split, band and limits.
pub fn total_line(s: Shown, t: &Total, supp: &Total, target: &Target) -> String {
    let nothing = t.known == 0 && t.unknown == 0;
    let amount = if nothing {
        "-".to_string()
    } else {
        format!("{} {}", t.display(), s.unit())
    };
    let pct = target.pct_label(t).unwrap_or_else(|| "-".into());
    let standing = match target.standing_of(t) {
        None if nothing => "-",
        None => "unknown",
        Some(Standing::NoTarget) => "no target",
        Some(Standing::Below) => "below",
        Some(Standing::Within) => "within",
        Some(Standing::Above) => "above band",
        Some(Standing::OverLimit) => "OVER LIMIT",
    };
    let mut extra = vec![format!("supplements {}", fmt_amount(supp.mid()))];
    if let Some((lo, hi)) = target.band {
        extra.push(format!("band {}–{}", fmt_amount(lo), fmt_amount(hi)));
    }
    extra.extend(target.limits_text());
    format!(
        "{:<11}{} {:>14} {pct:>6}  {standing:<10} {}",
        s.label(),
        bar(t, target),
        amount,
        extra.join(", ")
    )
}

/// A target as `intake profile` lists it: the target and band with their source, then each
/// limit on its own line with its name, what counts toward it and its source.
pub fn target_lines(t: &Target) -> String {
    let unit = t.nutrient.unit();
    let fig = |v: Option<f64>| v.map(fmt_amount).unwrap_or_else(|| "-".into());
    let band = t
        .band
        .map(|(a, b)| format!("{}–{}", fmt_amount(a), fmt_amount(b)))
        .unwrap_or_else(|| "-".into());
    let mut out = format!(
        "  {:<11} target {:>5} {unit:<4} band {band:<11} ({})",
        t.nutrient.label(),
        fig(t.target),
        t.source
    );
    let main = t.limit();
    for l in &t.limits {
        let counts = match l.counts {
            Counts::All => "all sources",
            Counts::Supplements => "supplements and medications only",
        };
        let used = if main.is_some_and(|m| std::ptr::eq(m, l)) {
            ", the limit in force"
        } else {
            ""
        };
        out.push_str(&format!(
            "\n  {:<11} limit  {:>5} {unit:<4} {} ({counts}{used}; {})",
            "",
            fmt_amount(l.amount),
            l.name,
            l.source
        ));
    }
    out
}

/// One search result: key, name, serving, nutrients per serving, source.
pub fn item_line(item: &Item) -> String {
    format!(
        "{:<28} {} — {} · per {}: {}{} · source: {}",
        item.key,
        item.name,
        item.kind.as_str(),
        item.serving.display(),
        nutrient_summary(&item.nutrients),
        item.assumed
            .summary()
            .map(|s| format!(" · {s}"))
            .unwrap_or_default(),
        item.source
    )
}

/// Text for the terminal, newlines kept: every other hidden character written as an escape
/// (`\u{1b}`), so text another tool wrote into the diary cannot hide or reorder what is printed.
pub fn printable(s: &str) -> String {
    if !crate::domain::text::has_hidden(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        push_safe(&mut out, c, c == '\n');
    }
    out
}

/// JSON whose strings carry no direction or zero-width character raw (serde_json escapes the
/// controls already): each is written as `\uXXXX`, which reads back as the same text.
pub fn json_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c != '\n' && is_hidden(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn push_safe(out: &mut String, c: char, keep: bool) {
    if keep || !is_hidden(c) {
        out.push(c);
    } else if c.is_control() {
        out.extend(c.escape_default());
    } else {
        out.extend(c.escape_unicode());
    }
}

/// A message made safe for one terminal line: hidden characters written as escapes (so typed
/// input cannot move the cursor or colour the terminal) and very long words cut short.
pub fn terminal_safe(msg: &str) -> String {
    const LONGEST: usize = 80;
    let mut out = String::with_capacity(msg.len().min(1024));
    for word in msg.split_inclusive(' ') {
        let count = word.chars().count();
        let kept = if count > LONGEST { 60 } else { count };
        for c in word.chars().take(kept) {
            push_safe(&mut out, c, false);
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

    #[test]
    fn printable_keeps_newlines_and_escapes_direction_and_zero_width() {
        use super::{json_safe, printable};
        assert_eq!(
            printable("a\u{1b}[8mb\nc\u{202e}d\u{200b}e\n"),
            "a\\u{1b}[8mb\nc\\u{202e}d\\u{200b}e\n"
        );
        assert_eq!(printable("Lait écrémé 1 cup\n"), "Lait écrémé 1 cup\n");
        let j = json_safe("{\"note\": \"a\u{202e}b\"}");
        assert_eq!(j, "{\"note\": \"a\\u202eb\"}");
        let back: serde_json::Value = serde_json::from_str(&j).unwrap();
        assert_eq!(back["note"], "a\u{202e}b");
    }
}
