//! `intake import …`: runs an import and says what it did (or, with --dry-run, would do).

use super::args::ImportWhat;
use super::{CliResult, Ctx, out};
use crate::import::{self, Outcome};
use std::path::Path;

pub fn run(ctx: &mut Ctx, what: ImportWhat) -> CliResult {
    match what {
        ImportWhat::Cronometer { file, dry_run } => {
            let o = import::cronometer::import(&mut ctx.store, &file, dry_run)?;
            report(&file, &o, dry_run)
        }
        ImportWhat::Diary { file } => {
            let m = ctx.store.merge_diary(&file)?;
            out::line(format!(
                "merged {} entries from {}; {} were in the diary already",
                m.added,
                file.display(),
                m.present
            ))?;
            for d in &m.differing {
                out::line(format!(
                    "differs or only there, kept as it is here: {d} (see both with `intake --db …`)"
                ))?;
            }
            Ok(())
        }
        ImportWhat::Entries { file, dry_run } => {
            let o = import::entries::import(&mut ctx.store, &file, dry_run)?;
            report(&file, &o, dry_run)
        }
    }
}

/// "imported 120 entries on 40 days (2024-01-02 to 2024-03-01) from servings.csv; 3 were in
/// the diary already", then the forms chosen, the medicines recognised and the names not mapped.
fn report(file: &Path, o: &Outcome, dry_run: bool) -> CliResult {
    let span = match (o.days.first(), o.days.last()) {
        (Some(a), Some(b)) => format!(" ({a} to {b})"),
        _ => String::new(),
    };
    let head = if dry_run {
        format!(
            "would import {} rows on {} days{span} from {} (dry run: the diary is unchanged)",
            o.rows,
            o.days.len(),
            file.display()
        )
    } else {
        format!(
            "imported {} entries on {} days{span} from {}; {} were in the diary already",
            o.added,
            o.days.len(),
            file.display(),
            o.rows - o.added
        )
    };
    out::line(head)?;
    for (line, n) in &o.clock {
        out::note(format!("note: {}:{line}: {n}", file.display()));
    }
    let n = &o.notes;
    section("forms by name", n.forms.iter().map(|(k, v)| (k, join(v))))?;
    section("medicines", n.medicines.iter().map(|(k, v)| (k, v.clone())))?;
    section(
        "not mapped (left unknown)",
        n.unmapped.iter().map(|(k, v)| (k, v.clone())),
    )
}

fn join(v: &std::collections::BTreeSet<String>) -> String {
    v.iter().cloned().collect::<Vec<_>>().join("; ")
}

fn section<'a>(title: &str, rows: impl Iterator<Item = (&'a String, String)>) -> CliResult {
    let mut rows = rows.peekable();
    if rows.peek().is_none() {
        return Ok(());
    }
    out::line(format!("{title}:"))?;
    for (name, what) in rows {
        out::line(format!("  {name}: {what}"))?;
    }
    Ok(())
}
