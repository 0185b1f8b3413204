//! Commands that read: day, week, export, foods.

use super::args::ExportArgs;
use super::{CliError, CliResult, Ctx, out, text};
use crate::domain::{Nutrient, Shown, week};
use crate::export;
use crate::report::{self, DayReport};
use std::io::Write;

pub fn day(ctx: &Ctx, date: Option<&str>, json: bool, sources: bool) -> CliResult {
    let date = ctx.date(date)?;
    let r = report::day_report(&ctx.store, date, &ctx.profile)?;
    if json {
        let mut j = day_json(ctx, &r);
        if sources {
            j["sources"] = super::sources::json(&r.entries, false);
        }
        let j = serde_json::to_string_pretty(&j).unwrap_or_default();
        out::bytes(text::json_safe(&format!("{j}\n")).as_bytes())
    } else if sources {
        let head = format!("{} {}\n", r.date.format("%A"), r.date);
        out::lines(&(head + &super::sources::text(&r.entries, false)))
    } else {
        out::lines(&day_text(ctx, &r))
    }
}

pub fn day_text(ctx: &Ctx, r: &DayReport) -> String {
    let mut page = format!(
        "{} {} · profile: {}\n",
        r.date.format("%A"),
        r.date,
        ctx.profile.summary()
    );
    if r.entries.is_empty() {
        page.push_str("No entries.\n");
    }
    for e in &r.entries {
        page.push_str(&format!("  {}\n", text::entry_line(e)));
    }
    page.push('\n');
    for s in Shown::TARGETED {
        let line = text::total_line(
            s,
            &r.totals.shown(s),
            &r.totals.shown_supplements(s),
            &r.target(s),
        );
        page.push_str(&line);
        page.push('\n');
    }
    let incomplete: Vec<&str> = r.totals.incomplete().iter().map(|s| s.label()).collect();
    if !incomplete.is_empty() && !r.entries.is_empty() {
        page.push_str(&format!(
            "≥ marks a lower bound: some entries do not give {}.\n",
            incomplete.join(", ")
        ));
    }
    for w in &r.warnings {
        page.push_str(&format!("{}\n", text::warning_line(w)));
    }
    page
}

fn day_json(ctx: &Ctx, r: &DayReport) -> serde_json::Value {
    let totals: serde_json::Map<String, serde_json::Value> = Shown::TARGETED
        .iter()
        .map(|&s| {
            let t = r.totals.shown(s);
            let target = r.target(s);
            let v = serde_json::json!({
                "unit": s.unit(),
                "amount": t.has_value().then(|| t.mid()),
                "low": t.lo.to_f64(),
                "high": t.hi.to_f64(),
                "lower_bound": t.is_lower_bound(),
                "from_supplements": r.totals.shown_supplements(s).mid(),
                "pct": target.pct_of(&t),
                "standing": target.standing_of(&t),
                "target": target,
            });
            (s.key().to_string(), v)
        })
        .collect();
    let entries: Vec<serde_json::Value> = r.entries.iter().map(entry_json).collect();
    let mut json = serde_json::json!({
        "date": r.date,
        "profile": ctx.profile,
        "entries": entries,
        "totals": totals,
        "warnings": r.warnings,
    });
    // Beside the totals, the form shown with a headline total (vitamin D3), under its own column
    // name, as in the weekly CSV.
    for p in Shown::HEADLINE.iter().filter_map(|s| s.info().part) {
        json[p.column()] = serde_json::json!(r.totals.get(p).mid());
    }
    json
}

/// An entry with its nutrients by name (`calcium_mg`), each in the unit of the totals and with
/// the same fields: `amount` (the midpoint, `null` when unknown), `low`, `high`, `lower_bound`
/// (the known parts of a recipe some of whose parts are unknown) and `unit`.
fn entry_json(e: &crate::domain::Entry) -> serde_json::Value {
    let mut j = serde_json::to_value(e).unwrap_or_default();
    let nutrients: serde_json::Map<String, serde_json::Value> = Nutrient::ALL
        .iter()
        .map(|&n| {
            let v = e.nutrients.get(n);
            let (low, high) = v
                .bounds()
                .map(|(lo, hi)| (lo.to_f64(), hi.to_f64()))
                .unzip();
            let amount = serde_json::json!({
                "unit": n.unit(),
                "amount": v.midpoint(),
                "low": low,
                "high": high,
                "lower_bound": v.is_partial(),
            });
            (n.column().to_string(), amount)
        })
        .collect();
    j["nutrients"] = nutrients.into();
    j
}

pub fn week(ctx: &Ctx, w: Option<&str>, sources: bool) -> CliResult {
    let w = match w {
        Some(s) => week::parse_week(s, ctx.today)?,
        None => chrono::Datelike::iso_week(&ctx.today),
    };
    let (from, to) = week::week_range(w);
    let reports = report::range_reports(&ctx.store, from, to, &ctx.profile)?;
    let mut page = format!(
        "{} · profile: {}\n",
        week::week_label(w),
        ctx.profile.summary()
    );
    if sources {
        let entries: Vec<_> = reports.iter().flat_map(|r| r.entries.clone()).collect();
        return out::lines(&(page + &super::sources::text(&entries, true)));
    }
    let headings =
        Shown::HEADLINE.map(|s| format!("{:>16}", format!("{} {}", s.info().prose, s.unit())));
    page.push_str(&format!(
        "{:<15}{:>7} {} {:>9}\n",
        "day",
        "entries",
        headings.join(" "),
        "warnings"
    ));
    for r in &reports {
        let cell = |s: Shown| {
            let t = r.totals.shown(s);
            if r.entries.is_empty() {
                return "-".to_string();
            }
            let pct = (r.target(s).pct_label(&t)).map_or(String::new(), |p| format!(" {p}"));
            format!("{}{pct}", t.display())
        };
        let cells = Shown::HEADLINE.map(|s| format!("{:>16}", cell(s)));
        page.push_str(&format!(
            "{:<15}{:>7} {} {:>9}\n",
            r.date.format("%a %Y-%m-%d").to_string(),
            r.entries.len(),
            cells.join(" "),
            r.warnings.len()
        ));
    }
    out::lines(&page)
}

pub fn export(ctx: &Ctx, a: ExportArgs) -> CliResult {
    let (from, to) = match (&a.from, &a.to, &a.week) {
        (Some(f), Some(t), _) => (ctx.date(Some(f))?, ctx.date(Some(t))?),
        (_, _, w) => {
            let w = match w {
                Some(s) => week::parse_week(s, ctx.today)?,
                None => chrono::Datelike::iso_week(&ctx.today),
            };
            week::week_range(w)
        }
    };
    week::days_between(from, to)?;
    let write = |out: &mut dyn Write| {
        if a.entries {
            export::write_entries_range_csv(&ctx.store, from, to, out)
        } else {
            export::write_range_csv(&ctx.store, from, to, &ctx.profile, out)
        }
    };
    match &a.output {
        Some(path) => export_to_file(path, a.force, write),
        None => {
            let mut sink = std::io::BufWriter::new(std::io::stdout().lock());
            match write(&mut sink) {
                Err(e) if is_broken_pipe(&e) => Ok(()),
                r => Ok(r?),
            }
        }
    }
}

/// Streams the CSV into `path` (see [`crate::outfile`]: an existing file only with --force, a
/// device or FIFO written as it is, nothing left behind on failure).
fn export_to_file(
    path: &std::path::Path,
    force: bool,
    write: impl Fn(&mut dyn Write) -> Result<(), export::ExportError>,
) -> CliResult {
    crate::outfile::write_file(path, force, write).map_err(CliError::from)?;
    out::note(format!("wrote {}", path.display()));
    Ok(())
}

/// The reader of the CSV went away (`intake export ... | head`): not an error.
fn is_broken_pipe(e: &export::ExportError) -> bool {
    let io = match e {
        export::ExportError::Io(io) => Some(io),
        export::ExportError::Csv(c) => match c.kind() {
            csv::ErrorKind::Io(io) => Some(io),
            _ => None,
        },
        export::ExportError::Store(_) => None,
    };
    io.is_some_and(out::is_closed)
}

pub fn foods(ctx: &Ctx, query: &str, limit: usize) -> CliResult {
    if query.trim().is_empty() {
        return Err(CliError::Bad(
            "empty search: give words such as `salmon canned`".into(),
        ));
    }
    let catalog = ctx.catalog()?;
    let hits = catalog.search(query, &ctx.recent()?, limit.clamp(1, 200));
    let mut page = String::new();
    if hits.is_empty() {
        page.push_str(&format!("no item matches `{query}`\n"));
    }
    for h in hits {
        let units = h.item.accepted_units().join(", ");
        page.push_str(&format!(
            "{}\n{:<28} units: {units}\n",
            text::item_line(h.item),
            ""
        ));
    }
    out::lines(&page)
}
