#![forbid(unsafe_code)]
//! Writes a deterministic synthetic diary for the benchmarks (see `intake::synth`).
//!
//! `cargo run --release --bin gen-diary -- --out target/bench/ten-years.db`
//! `cargo run --release --bin gen-diary -- --out target/bench/small.db --entries 1000`
//! `cargo run --release --bin gen-diary -- --out s.db --entries 10000 --cronometer servings.csv`

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::Parser;
use intake::store::Store;
use intake::synth::{self, Spec};
use std::path::{Path, PathBuf};

/// Writes a synthetic diary: the same arguments always give the same entries.
#[derive(Parser)]
#[command(name = "gen-diary")]
struct Args {
    /// The diary file to create.
    #[arg(long)]
    out: PathBuf,
    /// The last day of the diary (YYYY-MM-DD).
    #[arg(long, default_value = "2026-06-30")]
    end: String,
    /// How many days, ending on --end (3653 = ten years).
    #[arg(long, default_value_t = synth::TEN_YEARS)]
    days: u32,
    /// Keep only the latest N entries (e.g. 1000 for the small diary).
    #[arg(long)]
    entries: Option<usize>,
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Replace the file if it exists.
    #[arg(long)]
    force: bool,
    /// Also write the names of every item one can log (built-in, USDA, the diarist's own), one a
    /// line: what `fzf --filter` searches in the benchmark against `intake foods`.
    #[arg(long)]
    names: Option<PathBuf>,
    /// Also write the diary's entries as a Cronometer servings.csv (the import benchmark's input).
    #[arg(long)]
    cronometer: Option<PathBuf>,
}

fn main() -> Result<()> {
    let a = Args::parse();
    let end = NaiveDate::parse_from_str(&a.end, "%Y-%m-%d")
        .with_context(|| format!("bad --end `{}`: accepted is YYYY-MM-DD", a.end))?;
    if let Some(path) = &a.names {
        write_names(path)?;
    }
    make_room(&a.out, a.force)?;
    let spec = Spec {
        end,
        days: a.days,
        max_entries: a.entries,
        seed: a.seed,
    };
    let mut store = Store::open(&a.out)?;
    let n = synth::write(&mut store, &spec)?;
    if let Some(path) = &a.cronometer {
        let entries = synth::entries(&synth::catalog()?, &spec)?;
        let file = std::fs::File::create(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        synth::cronometer::write_servings(&entries, std::io::BufWriter::new(file))?;
    }
    let span = match a.entries {
        Some(max) => format!("the latest {max} of {} days", a.days),
        None => format!("{} days", a.days),
    };
    println!(
        "wrote {n} entries ({span} to {end}, seed {}) to {}",
        a.seed,
        a.out.display()
    );
    Ok(())
}

fn write_names(path: &Path) -> Result<()> {
    let catalog = synth::catalog()?;
    let usda = &intake::catalog::usda::table().items;
    let mut text = String::new();
    for item in catalog.items().iter().chain(usda) {
        text.push_str(&item.name);
        text.push('\n');
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// Refuses to overwrite a file unless asked; removes it (and its WAL files) when asked.
fn make_room(path: &Path, force: bool) -> Result<()> {
    if !path.exists() {
        return Ok(());
    }
    if !force {
        bail!("{} exists: pass --force to replace it", path.display());
    }
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", path.display()));
        if p.exists() {
            std::fs::remove_file(&p).with_context(|| format!("cannot remove {}", p.display()))?;
        }
    }
    Ok(())
}
