//! Helpers for driving the real `intake` binary against a temporary diary.
#![allow(dead_code)]

pub mod tmux;

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

/// A terminal app in a tmux pane of its own server (its own socket), killed on drop.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts `command` (a shell command line) in a 100x30 pane; None when tmux is missing.
    pub fn start(name: &str, command: &str) -> Option<Tmux> {
        let tmux = Tmux {
            socket: format!("intake-{name}-{}", std::process::id()),
        };
        let size = ["-x", "100", "-y", "30"];
        let out =
            tmux.run(&[&["new-session", "-d", "-s", "app"][..], &size, &[command]].concat())?;
        assert!(
            out.status.success(),
            "tmux: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some(tmux)
    }

    fn run(&self, args: &[&str]) -> Option<std::process::Output> {
        std::process::Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .ok()
    }

    pub fn screen(&self) -> String {
        let out = self.run(&["capture-pane", "-p", "-t", "app"]);
        out.map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default()
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            let ok = self.run(&["send-keys", "-t", "app", k]);
            assert!(ok.is_some_and(|o| o.status.success()), "send-keys {k}");
        }
    }

    /// Waits (up to 20 s) until the screen shows every needle; panics with the screen if not.
    pub fn wait_for(&self, needles: &[&str]) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let s = self.screen();
            if needles.iter().all(|n| s.contains(n)) {
                return s;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "timed out waiting for {needles:?}; screen:\n{s}"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    /// The process id of the program running in the pane.
    pub fn pane_pid(&self) -> String {
        let out = self.run(&["display-message", "-p", "-t", "app", "#{pane_pid}"]);
        let pid = out.map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
        pid.filter(|p| !p.is_empty())
            .expect("tmux names the pane's process")
    }

    /// Waits (up to 10 s) until the app has quit and its pane is gone.
    pub fn wait_exit(&self) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while self
            .run(&["has-session", "-t", "app"])
            .is_some_and(|o| o.status.success())
        {
            assert!(std::time::Instant::now() < deadline, "the app did not quit");
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}
