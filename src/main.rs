#![forbid(unsafe_code)]
//! The `intake` binary: parse arguments, resolve the diary path, hand off to the CLI or the TUI.

use clap::Parser;
use clap::error::ErrorKind;
use intake::cli::{self, Cli, CliError};
use intake::store::StoreError;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match Cli::try_parse() {
        Ok(a) => a,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            // Help read by `| head` is not an error; a full disk is.
            return match cli::out::bytes(e.to_string().as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(&e),
            };
        }
        Err(e) => return fail(&CliError::Bad(one_line(&e))),
    };
    let result = cli::db_path(args.db).and_then(|db| match args.command {
        Some(cmd) => cli::run(cmd, &db),
        None => open_app(db, args.demo, args.config),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

/// Opens the terminal app; where there is no terminal (a pipe, a script) prints the day instead.
/// A bad config.toml is refused first, before the terminal is touched.
fn open_app(db: PathBuf, demo: bool, config: Option<PathBuf>) -> cli::CliResult {
    use std::io::IsTerminal;
    let config = config.or_else(intake::tui::default_config);
    let keymap = intake::tui::load_keymap(config.as_deref()).map_err(CliError::Bad)?;
    if !std::io::stdout().is_terminal() && !demo {
        return cli::print_today(&db);
    }
    let opts = intake::tui::TuiOptions {
        db_path: db,
        demo,
        keymap,
    };
    intake::tui::run(opts).map_err(|e| {
        let bad = e.chain().any(|c| {
            matches!(
                c.downcast_ref::<StoreError>(),
                Some(
                    StoreError::NotADiary { .. }
                        | StoreError::TooNew { .. }
                        | StoreError::Damaged(_)
                )
            )
        });
        let msg = format!("{e:#}");
        if bad {
            CliError::Bad(msg)
        } else {
            CliError::Failed(msg)
        }
    })
}

/// clap's error as one line: what was wrong, and where to read what is accepted.
fn one_line(e: &clap::Error) -> String {
    let rendered = e.render().to_string();
    let mut lines = rendered.lines().map(str::trim).filter(|l| !l.is_empty());
    let mut first = lines
        .next()
        .unwrap_or("bad arguments")
        .trim_start_matches("error: ")
        .to_string();
    if first.ends_with(':') {
        first.push(' ');
        first.push_str(lines.next().unwrap_or_default());
    }
    // clap lists the accepted values of an enum argument (`completions tcsh`) on a line of its own.
    if let Some(values) = rendered
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("[possible values:"))
    {
        first.push(' ');
        first.push_str(values);
    }
    format!("{first} (see `intake --help` for what is accepted)")
}

fn fail(e: &CliError) -> ExitCode {
    cli::out::note(e.message());
    ExitCode::from(e.exit_code() as u8)
}
