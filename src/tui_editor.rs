//! Writing a note in the user's editor (`Ctrl-e` in the edit form): the terminal is handed over
//! (raw mode off, main screen, the input thread held), `$VISUAL` or `$EDITOR` (else `vi`) runs
//! on a private temporary file holding the note, and the app takes the terminal back and reads
//! the file. A failed or missing editor leaves the note as it was and says why.

use anyhow::{Context, Result, bail};
use std::io::Write;
use std::process::Command;

/// The editor command line: `$VISUAL`, else `$EDITOR`, else `vi` (split on spaces, so
/// `code --wait` works).
pub fn editor_command() -> Vec<String> {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
        .split_whitespace()
        .map(String::from)
        .collect()
}

/// Runs the editor on `text` with the terminal given back to the shell meanwhile, and returns
/// what the file holds when the editor ends successfully.
pub fn edit(terminal: &mut ratatui::DefaultTerminal, text: &str) -> Result<String> {
    let mut file = tempfile::Builder::new()
        .prefix("intake-note-")
        .suffix(".txt")
        .tempfile()
        .context("cannot make a temporary file for the note")?;
    writeln!(file, "{text}").context("cannot write the note for the editor")?;
    crate::tui_exit::handed_over(terminal, || run_editor(file.path()))
        .context("cannot take the terminal back from the editor")??;
    std::fs::read_to_string(file.path()).context("cannot read the note back from the editor")
}

fn run_editor(path: &std::path::Path) -> Result<()> {
    let cmd = editor_command();
    let (program, args) = cmd.split_first().context("no editor")?;
    let status = Command::new(program)
        .args(args)
        .arg(path)
        .status()
        .with_context(|| format!("cannot run the editor `{program}` (set $EDITOR)"))?;
    if !status.success() {
        bail!("the editor `{program}` failed ({status}); the note is unchanged");
    }
    Ok(())
}
