//! `intake suggest [NUTRIENT] [DATE]`: what would close the day's gaps.

use super::args::SuggestArgs;
use super::{CliError, CliResult, Ctx, out};
use crate::domain::Shown;
use crate::domain::nutrient::fmt_amount;
use crate::domain::suggest::Suggestions;
use crate::report::suggest::{Wanted, day_suggestions};

/// A headline nutrient as typed: its key, short name or name (`calcium`, `ca`, `vitamin-d`, `d`,
/// `k2`), in any case, with dashes, underscores or spaces.
pub fn parse_nutrient(s: &str) -> Option<Shown> {
    let norm = |x: &str| x.to_lowercase().replace(['-', '_', ' '], "");
    let want = norm(s);
    Shown::HEADLINE.into_iter().find(|n| {
        let i = n.info();
        [i.key, i.short, i.label, i.prose]
            .iter()
            .any(|x| norm(x) == want)
    })
}

fn accepted() -> String {
    let names: Vec<&str> = Shown::HEADLINE.iter().map(|s| s.key()).collect();
    names.join(", ")
}

/// The nutrient and date words: `suggest calcium`, `suggest yesterday`, `suggest k2 11-20`.
fn nutrient_and_date(a: &SuggestArgs) -> Result<(Option<Shown>, Option<String>), CliError> {
    match (&a.nutrient, &a.date) {
        (None, _) => Ok((None, None)),
        (Some(n), date) => match parse_nutrient(n) {
            Some(s) => Ok((Some(s), date.clone())),
            None if date.is_none()
                && crate::domain::week::parse_date(n, chrono::NaiveDate::MIN).is_ok() =>
            {
                Ok((None, Some(n.clone())))
            }
            None => Err(CliError::Bad(format!(
                "bad nutrient `{n}`: accepted are {} (or a date)",
                accepted()
            ))),
        },
    }
}

pub fn suggest(ctx: &Ctx, a: SuggestArgs) -> CliResult {
    let (only, date) = nutrient_and_date(&a)?;
    let date = ctx.date(date.as_deref())?;
    if a.limit == 0 || a.limit > 50 {
        return Err(CliError::Bad(format!(
            "bad --limit {}: accepted is 1 to 50",
            a.limit
        )));
    }
    let wanted = Wanted {
        only,
        supplements: a.supplements,
        limit: a.limit,
    };
    let all = day_suggestions(&ctx.store, &ctx.catalog()?, &ctx.profile, date, wanted)?;
    if all.is_empty() {
        let what = only.map_or("calcium, vitamin D and K2".into(), |s| {
            s.info().prose.to_string()
        });
        out::line(format!(
            "{date}: no gap to close: {what} within the band or above it, or no band to measure against"
        ))?;
        return Ok(());
    }
    out::lines(&all.iter().map(section).collect::<String>())
}

pub fn section(s: &Suggestions) -> String {
    let g = &s.gap;
    let unit = g.shown.unit();
    let now = match g.total.has_value() {
        true => format!("{} {unit}", g.total.display()),
        false => "nothing known".into(),
    };
    let band = g.target.band.map_or_else(
        || format!("target {}", fmt_amount(g.target.target.unwrap_or_default())),
        |(lo, hi)| format!("band {}–{}", fmt_amount(lo), fmt_amount(hi)),
    );
    let mut out = format!(
        "{}: {now} so far, {band} {unit} ({}): {} {unit} to go\n",
        g.shown.label(),
        g.target.source,
        fmt_amount(g.missing)
    );
    if s.items.is_empty() {
        out.push_str("  no item's usual serving closes a quarter of it\n");
    }
    for (i, it) in s.items.iter().enumerate() {
        let recent = if it.recent { " · eaten recently" } else { "" };
        out.push_str(&format!(
            "  {}. {} ({}) · {}: {} {} {unit}, closes {} % · {}/{} figures known{recent} · source: {}\n",
            i + 1,
            it.name,
            it.key,
            it.serving,
            g.shown.short(),
            it.amount.display(),
            it.closes,
            it.known.0,
            it.known.1,
            it.source
        ));
    }
    for l in &s.left_out {
        out.push_str(&format!("  {l}\n"));
    }
    out
}
