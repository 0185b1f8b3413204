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
