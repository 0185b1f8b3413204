//! Shell completions and the manual page, both generated from the clap definition so they
//! always list the commands and flags the binary accepts.

use super::args_commands::eager;
use super::{Cli, CliResult};
use clap::CommandFactory;

/// Prints the completion script for `shell` on stdout.
pub fn completions(shell: clap_complete::Shell) -> CliResult {
    let mut cmd = eager(Cli::command);
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "intake", &mut out);
    super::out::bytes(&out)
}

/// Prints one manual page (roff) on stdout: the top command, then a section per subcommand
/// (and per sub-subcommand) with its synopsis, description and options.
pub fn man() -> CliResult {
    let mut cmd = eager(Cli::command).disable_help_subcommand(true);
    cmd.build();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    // The commands are described on this page, not in intake-add(1) pages that are not installed.
    append_subcommands(&cmd, &mut out)?;
    man.render_extra_section(&mut out)?;
    man.render_version_section(&mut out)?;
    super::out::bytes(&out)
}

fn append_subcommands(cmd: &clap::Command, out: &mut Vec<u8>) -> std::io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let title = sub.get_bin_name().unwrap_or(sub.get_name()).to_uppercase();
        out.extend_from_slice(format!(".SH \"{title}\"\n").as_bytes());
        let man = clap_mangen::Man::new(sub.clone());
        let mut part = Vec::new();
        man.render_synopsis_section(&mut part)?;
        man.render_description_section(&mut part)?;
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
            man.render_options_section(&mut part)?;
        }
        // Within a command's section, its own headings are subsections.
        let part = String::from_utf8_lossy(&part).replace(".SH ", ".SS ");
        out.extend_from_slice(part.as_bytes());
        append_subcommands(sub, out)?;
    }
    Ok(())
}
