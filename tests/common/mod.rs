//! Helpers for driving the real `intake` binary against a temporary diary.
#![allow(dead_code)]

pub mod tmux;
#[allow(unused_imports)] // not every test crate drives tmux
pub use tmux::Tmux;

use assert_cmd::Command;
use std::path::PathBuf;

pub struct Diary {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl Diary {
    pub fn new() -> Diary {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("diary.db");
        Diary { dir, path }
    }

    /// `intake --db <diary> ARGS…`, with no INTAKE_DB from the environment.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("intake").unwrap();
        c.env_remove("INTAKE_DB")
            .arg("--db")
            .arg(&self.path)
            .args(args);
        c
    }

    /// Runs and returns stdout, asserting success.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().unwrap();
        assert!(
            out.status.success(),
            "intake {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// The diary's bytes (main file plus WAL), to prove a command wrote nothing.
    pub fn snapshot(&self) -> Vec<u8> {
        let mut bytes = std::fs::read(&self.path).unwrap_or_default();
        let wal = self.path.with_extension("db-wal");
        bytes.extend(std::fs::read(wal).unwrap_or_default());
        bytes
    }
}

/// A character that changes how a line shows without showing itself: a control, a direction
/// override or isolate, a zero-width character.
pub fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}')
}

/// Runs the shell `script` with `$FULL` a tiny tmpfs that is already full, in a private mount
/// namespace, and `$INTAKE` the binary. Returns None (and says why) where this user may not make
/// one.
pub fn on_full_disk(
    script: &str,
    env: &[(&str, &std::path::Path)],
) -> Option<std::process::Output> {
    let mnt = tempfile::tempdir().unwrap();
    let full = format!(
        "mount -t tmpfs -o size=16k tmpfs \"$FULL\" || exit 99; \
         dd if=/dev/zero of=\"$FULL/filler\" bs=4k count=16 2>/dev/null; {script}"
    );
    let mut c = std::process::Command::new("unshare");
    c.args(["-rm", "sh", "-c", &full])
        .env("FULL", mnt.path())
        .env("INTAKE", env!("CARGO_BIN_EXE_intake"))
        .env_remove("INTAKE_DB")
        .stdin(std::process::Stdio::null());
    for (k, v) in env {
        c.env(k, v);
    }
    let o = c.output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    if o.status.code() == Some(99) || err.contains("unshare failed") {
        eprintln!("skipped: cannot mount a tmpfs here: {err}");
        return None;
    }
    Some(o)
}
