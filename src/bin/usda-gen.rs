//! Regenerates `assets/usda-sr.tsv` from the USDA SR files.
//!
//! Usage: `cargo run --bin usda-gen [SR_DIR] [OUT]` (defaults: `../shared/data/usda-sr`,
//! `assets/usda-sr.tsv`, relative to the project root).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut args = std::env::args_os().skip(1);
    let sr_dir = args
        .next()
        .map_or_else(|| root.join("../shared/data/usda-sr"), PathBuf::from);
    let out = args
        .next()
        .map_or_else(|| root.join("assets/usda-sr.tsv"), PathBuf::from);
    let text = match intake::catalog::usda_gen::generate(&sr_dir) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("usda-gen: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::write(&out, &text) {
        eprintln!("usda-gen: cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let rows = text.lines().filter(|l| l.starts_with("f\t")).count();
    println!("wrote {rows} foods to {}", out.display());
    println!("{}", intake::catalog::usda_gen::summary(&text));
    ExitCode::SUCCESS
}
