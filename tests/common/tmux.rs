//! A tmux server of the test's own, driving the real binary in a pane as a user would.

use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_intake");

/// A tmux server of our own (its own socket), killed when the test ends.
pub struct Tmux {
    pub socket: String,
}

impl Tmux {
    pub fn cmd(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "app"]).stdout).into_owned()
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            assert!(
                self.cmd(&["send-keys", "-t", "app", k]).status.success(),
                "send-keys {k}"
            );
        }
    }

    pub fn text(&self, s: &str) {
        assert!(
            self.cmd(&["send-keys", "-t", "app", "-l", s])
                .status
                .success(),
            "send-keys -l {s}"
        );
    }

    /// Waits until the screen shows every needle; panics with the screen after the deadline.
    pub fn wait_for(&self, needles: &[&str]) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let s = self.screen();
            if needles.iter().all(|n| s.contains(n)) {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {needles:?}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn wait_exit(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.cmd(&["has-session", "-t", "app"]).status.success() {
            assert!(
                Instant::now() < deadline,
                "the app did not quit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

pub fn tmux_installed() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs the app on a new diary in tmux, past the first-run profile form (skipped with Esc).
pub fn start(dir: &Path, db: &Path) -> Tmux {
    let args = format!("--db {}", db.display());
    let tmux = start_with(dir, "main", &args);
    tmux.skip_welcome();
    tmux
}

/// Runs `intake ARGS` in a 100x30 tmux pane with its config and temp folders in `dir`.
pub fn start_with(dir: &Path, name: &str, args: &str) -> Tmux {
    let command = format!(
        "env XDG_CONFIG_HOME={d} TMPDIR={d} TERM=xterm-256color {BIN} {args}",
        d = dir.display()
    );
    Tmux::launch(name, &command)
}

/// A 100x30 pane running `sh`, with config and temp folders in `dir`, for commands typed in turn.
pub fn shell(dir: &Path, name: &str) -> Tmux {
    let command = format!(
        "env -u INTAKE_DB XDG_CONFIG_HOME={d} TMPDIR={d} TERM=xterm-256color PS1='$ ' sh",
        d = dir.display()
    );
    Tmux::launch(name, &command)
}

impl Tmux {
    /// Starts `command` (a shell command line) in a 100x30 pane; None when tmux is missing.
    pub fn start(name: &str, command: &str) -> Option<Tmux> {
        tmux_installed().then(|| Tmux::launch(name, command))
    }

    fn launch(name: &str, command: &str) -> Tmux {
        // Tests of one file run as threads of one process: the counter keeps two servers apart
        // when two tests pick the same name (`start` always says "main").
        static SERVERS: AtomicUsize = AtomicUsize::new(0);
        let n = SERVERS.fetch_add(1, Ordering::Relaxed);
        let tmux = Tmux {
            socket: format!("intake-test-{name}-{}-{n}", std::process::id()),
        };
        let size = ["-x", "100", "-y", "30"];
        let out = tmux.cmd(&[&["new-session", "-d", "-s", "app"][..], &size, &[command]].concat());
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux
    }

    /// A new diary opens on the profile form once: Esc keeps the default profile.
    pub fn skip_welcome(&self) {
        self.wait_for(&["Welcome: your profile"]);
        self.keys(&["Escape"]);
        self.wait_for(&["Profile saved"]);
    }

    /// The process id of the program running in the pane.
    pub fn pane_pid(&self) -> String {
        let out = self.cmd(&["display-message", "-p", "-t", "app", "#{pane_pid}"]);
        let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
        assert!(!pid.is_empty(), "tmux names the pane's process");
        pid
    }

    /// The process id of the program the pane's program started (the app under a shell).
    pub fn child_pid(&self) -> String {
        let parent = self.pane_pid();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let out = Command::new("pgrep")
                .args(["-P", &parent])
                .output()
                .unwrap();
            let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
            if !pid.is_empty() {
                return pid;
            }
            assert!(Instant::now() < deadline, "no process under {parent}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Waits until the program the pane's shell started has ended, so that what is typed next
    /// reaches the shell, not a program still shutting down.
    pub fn wait_child_gone(&self) {
        let parent = self.pane_pid();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let out = Command::new("pgrep")
                .args(["-P", &parent])
                .output()
                .unwrap();
            if out.stdout.iter().all(u8::is_ascii_whitespace) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "the program under {parent} did not end; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Logs an item with the keyboard as a user would: `a`, type `query`, pick `name`, set the
    /// quantity (or keep the default), and wait for the status line to say it was logged.
    pub fn log_with_keys(&self, query: &str, name: &str, quantity: Option<&str>) {
        self.keys(&["a"]);
        self.wait_for(&["Search:"]);
        self.text(query);
        self.wait_for(&[name, "source:"]);
        self.keys(&["Enter"]);
        self.wait_for(&["quantity:"]);
        if let Some(q) = quantity {
            self.keys(&["C-u"]);
            self.text(q);
        }
        self.keys(&["Enter"]);
        self.wait_for(&[&format!("Logged {name}")]);
    }
}
