//! Drives the real binary in tmux as a user would: open a temp diary, add natto and 2 cups of
//! milk with the keyboard, see 850 mcg K2 and 600 mg calcium, step to the week view, quit, and
//! find both entries with `intake export --entries`; and `intake --demo` shows its sample week and
//! leaves nothing behind.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_intake");

/// A tmux server of our own (its own socket), killed when the test ends.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn cmd(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", "app"]).stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            assert!(
                self.cmd(&["send-keys", "-t", "app", k]).status.success(),
                "send-keys {k}"
            );
        }
    }

    fn text(&self, s: &str) {
        assert!(
            self.cmd(&["send-keys", "-t", "app", "-l", s])
                .status
                .success(),
            "send-keys -l {s}"
        );
    }

    /// Waits until the screen shows every needle; panics with the screen after the deadline.
    fn wait_for(&self, needles: &[&str]) -> String {
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

    fn wait_exit(&self) {
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

fn tmux_installed() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn start(dir: &Path, db: &Path) -> Tmux {
    let args = format!("--db {}", db.display());
    start_with(dir, "main", &args)
}

/// Runs `intake ARGS` in a 100x30 tmux pane with its config and temp folders in `dir`.
fn start_with(dir: &Path, name: &str, args: &str) -> Tmux {
    let tmux = Tmux {
        socket: format!("intake-test-{name}-{}", std::process::id()),
    };
    let command = format!(
        "env XDG_CONFIG_HOME={d} TMPDIR={d} TERM=xterm-256color {BIN} {args}",
        d = dir.display()
    );
    let out = tmux.cmd(&[
        "new-session",
        "-d",
        "-s",
        "app",
        "-x",
        "100",
        "-y",
        "30",
        &command,
    ]);
    assert!(
        out.status.success(),
        "tmux new-session: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    tmux
}

fn add(tmux: &Tmux, query: &str, name: &str, quantity: Option<&str>) {
    tmux.keys(&["a"]);
    tmux.wait_for(&["Search:"]);
    tmux.text(query);
    tmux.wait_for(&[name, "Source"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["quantity:"]);
    if let Some(q) = quantity {
        tmux.keys(&["C-u"]);
        tmux.text(q);
    }
    tmux.keys(&["Enter"]);
    tmux.wait_for(&[&format!("Logged {name}")]);
}

#[test]
fn log_natto_and_milk_with_the_keyboard_then_export_them() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("diary.db");
    let tmux = start(dir.path(), &db);
    tmux.wait_for(&["Entries (0)", "Gaps"]);
    add(&tmux, "natto", "Natto", None);
    add(&tmux, "milk", "Milk", Some("2 cup"));
    let day = tmux.wait_for(&["850 mcg", "600 mg", "Entries (2)"]);
    assert!(day.contains("Natto") && day.contains("2 cup"), "{day}");
    tmux.keys(&["w"]);
    tmux.wait_for(&["% of target", "Calcium %"]);
    tmux.keys(&["q"]);
    tmux.wait_exit();

    let today = chrono::Local::now().date_naive();
    let (from, to) = (
        today - chrono::Duration::days(1),
        today + chrono::Duration::days(1),
    );
    let out = Command::new(BIN)
        .args(["--db", db.to_str().unwrap(), "export", "--entries"])
        .args(["--from", &from.to_string(), "--to", &to.to_string()])
        .output()
        .unwrap();
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(csv.contains("natto") && csv.contains("milk"), "{csv}");
    assert_eq!(csv.lines().count(), 3, "a header and two entries:\n{csv}");
}

#[test]
fn demo_shows_bars_warnings_and_charts_then_cleans_up() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let tmux = start_with(dir.path(), "demo", "--demo");
    let day = tmux.wait_for(&["Entries (5)", "Warnings (", "Levothyroxine", "625 mg"]);
    assert!(
        !day.contains("Warnings (0)"),
        "the sample day raises a warning:\n{day}"
    );
    tmux.keys(&["w"]);
    tmux.wait_for(&["% of target", "Calcium %"]);
    tmux.keys(&["m"]);
    tmux.wait_for(&["6 of 30 days logged"]);
    tmux.keys(&["q"]);
    tmux.wait_exit();
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(
        left.is_empty(),
        "the demo diary is removed on exit: {left:?}"
    );
}
