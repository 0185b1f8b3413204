//! A closed terminal ends the app like `q` (issue 14.1): the window closing (tmux kill-session)
//! or the pty's other side going away without a signal. Before, crossterm read 0 bytes in a loop
//! at 100 % CPU forever, SIGTERM was ignored and the diary's `-wal`/`-shm` stayed.

mod common;
use common::tmux::{BIN, Tmux, tmux_installed};
use std::path::Path;
use std::time::{Duration, Instant};

/// Kills the app if the test fails while it still runs, so no orphan keeps spinning.
struct Orphan(String);

impl Drop for Orphan {
    fn drop(&mut self) {
        if alive(&self.0) {
            let _ = std::process::Command::new("kill")
                .args(["-9", &self.0])
                .status();
        }
    }
}

/// True while the process exists and is not a zombie.
fn alive(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|s| s.rsplit(')').next().is_some_and(|r| !r.starts_with(" Z")))
}

/// Waits for the process to end; panics, naming what it does, after `secs` seconds.
fn assert_ends(pid: &str, secs: u64) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while alive(pid) {
        if Instant::now() > deadline {
            let ps = std::process::Command::new("ps")
                .args(["-o", "pid,stat,pcpu,cmd", "-p", pid])
                .output()
                .unwrap();
            panic!(
                "the app still runs {secs} s after its terminal closed:\n{}",
                String::from_utf8_lossy(&ps.stdout)
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn leftovers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `exec` so the pane's process is the app itself.
fn launch(dir: &Path, name: &str, args: &str) -> Tmux {
    let command = format!(
        "exec env XDG_CONFIG_HOME={d} TMPDIR={d} TERM=xterm-256color {BIN} {args}",
        d = dir.display()
    );
    Tmux::start(name, &command).expect("tmux is installed")
}

#[test]
fn closing_the_window_ends_the_app_and_folds_the_diary_back() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("diary.db");
    let tmux = launch(dir.path(), "hangup", &format!("--db {}", db.display()));
    tmux.skip_welcome();
    tmux.log_with_keys("natto", "Natto", None);
    let app = Orphan(tmux.pane_pid());
    assert!(
        dir.path().join("diary.db-wal").exists(),
        "the diary is open"
    );
    assert!(tmux.cmd(&["kill-session", "-t", "app"]).status.success());
    assert_ends(&app.0, 5);
    assert_eq!(
        leftovers(dir.path()),
        ["diary.db"],
        "-wal and -shm folded back"
    );
    let out = std::process::Command::new(BIN)
        .args(["--db", &db.display().to_string(), "day"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("Natto"));
}

#[test]
fn closing_the_window_removes_the_demo_diary() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let tmux = launch(dir.path(), "hangup-demo", "--demo");
    tmux.wait_for(&["Entries (5)"]);
    let app = Orphan(tmux.pane_pid());
    assert!(!leftovers(dir.path()).is_empty(), "the demo folder is made");
    assert!(tmux.cmd(&["kill-server"]).status.success());
    assert_ends(&app.0, 5);
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

/// The app in a session of its own (`setsid`): the pty it draws on goes away but no SIGHUP
/// comes, so only the read that returns nothing says the terminal is gone.
#[test]
fn a_terminal_gone_without_a_signal_ends_the_app() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("diary.db");
    let command = format!(
        "exec setsid -w env XDG_CONFIG_HOME={d} TMPDIR={d} TERM=xterm-256color {BIN} --db {db}",
        d = dir.path().display(),
        db = db.display()
    );
    let tmux = Tmux::start("hangup-nosig", &command).expect("tmux is installed");
    tmux.skip_welcome();
    let app = Orphan(tmux.child_pid());
    assert!(tmux.cmd(&["kill-server"]).status.success());
    assert_ends(&app.0, 5);
    assert_eq!(leftovers(dir.path()), ["diary.db"]);
}
