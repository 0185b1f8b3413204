//! `intake completions SHELL` and `intake man`: generated from the command definition, checked
//! by the shells and by man itself, and written without opening (or creating) a diary.

mod common;
use common::Diary;
use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `tool args…` with `input` on stdin; returns (success, stdout, stderr).
fn pipe_into(tool: &str, args: &[&str], input: &str) -> (bool, String, String) {
    let mut child = Command::new(tool)
        .args(args)
        .env("MANWIDTH", "100")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{tool} is needed for this test (.ci/run installs it): {e}"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bash_completion_script_parses_and_knows_the_commands() {
    let d = Diary::new();
    let script = d.ok(&["completions", "bash"]);
    let (ok, _, err) = pipe_into("bash", &["-n"], &script);
    assert!(ok, "bash -n rejected the script: {err}");
    for word in ["add", "stack", "export", "--entries", "completions"] {
        assert!(script.contains(word), "no {word} in the bash script");
    }
    assert!(!d.path.exists(), "completions must not create a diary");
}

#[test]
fn zsh_and_fish_scripts_name_the_commands() {
    let d = Diary::new();
    let zsh = d.ok(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef intake"), "{zsh}");
    let fish = d.ok(&["completions", "fish"]);
    assert!(fish.contains("complete -c intake"), "{fish}");
    for script in [&zsh, &fish] {
        assert!(script.contains("foods") && script.contains("backup"));
    }
}

#[test]
fn unknown_shell_is_refused_with_the_accepted_ones() {
    let d = Diary::new();
    let out = d.cmd(&["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("tcsh") && err.contains("bash"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn man_page_renders_with_every_command() {
    let d = Diary::new();
    let page = d.ok(&["man"]);
    assert!(
        page.contains("\n.TH intake 1"),
        "{}",
        &page[..80.min(page.len())]
    );
    let (ok, text, err) = pipe_into("man", &["-l", "-"], &page);
    assert!(ok, "man -l - failed: {err}");
    assert!(!err.contains("warning"), "man warned: {err}");
    for heading in [
        "NAME",
        "SYNOPSIS",
        "INTAKE ADD",
        "INTAKE STACK RM",
        "INTAKE EXPORT",
    ] {
        assert!(text.contains(heading), "no {heading} in:\n{text}");
    }
    assert!(text.contains("Delete a stack"), "stack rm has its help");
    assert!(!d.path.exists(), "man must not create a diary");
}

/// Each subcommand's arguments are built only when it runs (issue 19); what help, the manual and
/// the completions say must not change with that: a command's description is its own (not that of
/// a part its arguments share), and the completions know `help` of nested subcommands.
#[test]
fn help_manual_and_completions_describe_every_subcommand_in_full() {
    let d = Diary::new();
    for (cmd, about) in [
        ("add", "Log an item"),
        ("edit", "Change an entry"),
        ("day", "Print a day"),
    ] {
        let help = d.ok(&[cmd, "--help"]);
        assert!(help.starts_with(about), "{cmd} --help:\n{help}");
        assert!(d.ok(&["help", cmd]).starts_with(about), "help {cmd}");
    }
    assert!(d.ok(&["day", "--help"]).contains("--sources"));
    let page = d.ok(&["man"]);
    assert!(
        !page.contains("both take"),
        "add and edit keep their descriptions"
    );
    assert!(
        page.contains("\\-\\-dry\\-run"),
        "import's options are in the manual"
    );
    let bash = d.ok(&["completions", "bash"]);
    assert!(bash.contains("intake__subcmd__help__subcmd__import__subcmd__cronometer"));
    assert!(bash.contains("--dry-run") && bash.contains("--sources"));
    assert!(!d.path.exists());
}
