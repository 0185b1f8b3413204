//! An entry `intake add` reported survives `kill -9` at any moment: hundreds of adds, each killed
//! with SIGKILL after a seeded random delay (before it starts, while it opens or migrates the
//! diary, mid-commit, while it prints), and afterwards every acknowledged entry is in the diary,
//! nothing is there twice or unasked, and SQLite's integrity check says `ok`. And the
//! acknowledgement is printed only after the write-ahead log was synced (`synchronous=FULL`), the
//! part of the promise that covers power loss. The app, too: an entry it showed as logged survives
//! SIGKILL.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_intake");
const ROUNDS: u64 = 5;
const ADDS_PER_ROUND: u64 = 100;

/// splitmix64: a small seeded generator, so a failing run can be repeated exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn add_cmd(db: &Path, note: &str, n: u64) -> Command {
    let mut c = Command::new(BIN);
    c.env_remove("INTAKE_DB")
        .arg("--db")
        .arg(db)
        .args(["add", "d3", "1000 IU", "--date"])
        .arg(format!("2026-03-{:02}", 1 + n % 28))
        .arg("--at")
        .arg(format!("{:02}:{:02}", n % 24, n % 60))
        .args(["--note", note])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// Runs one add, killing it after `kill_after` (None: let it finish). True when it printed
/// "logged" - what the user takes as the acknowledgement, whether or not it got to exit.
fn add_killed_after(db: &Path, note: &str, n: u64, kill_after: Option<Duration>) -> bool {
    let mut child = add_cmd(db, note, n).spawn().unwrap();
    if let Some(d) = kill_after {
        std::thread::sleep(d);
        let _ = child.kill(); // SIGKILL; fails only when the process has already been reaped
    }
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    if kill_after.is_none() {
        assert!(
            out.status.success(),
            "{note}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    stdout.contains("logged #")
}

/// How long an unkilled add takes here (the median of a few), so kill delays span its lifetime.
fn typical_add(db: &Path) -> Duration {
    let mut times: Vec<Duration> = (0..5)
        .map(|i| {
            let t = Instant::now();
            assert!(add_killed_after(db, &format!("warm-{i}"), i, None));
            t.elapsed()
        })
        .collect();
    times.sort();
    times[2]
}

/// The notes of every entry in the diary, with how often each appears.
fn notes_in(db: &Path) -> BTreeMap<String, usize> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare("SELECT note FROM entries").unwrap();
    let mut seen = BTreeMap::new();
    for note in stmt.query_map([], |r| r.get::<_, String>(0)).unwrap() {
        *seen.entry(note.unwrap()).or_insert(0) += 1;
    }
    seen
}

fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

struct Tally {
    attempted: BTreeSet<String>,
    acknowledged: BTreeSet<String>,
    killed_unacknowledged: usize,
}

/// One round: each add is let run (one in five) or killed after a random delay up to 1.3 times
/// the typical add, so the kills land all over an add's life.
fn round(db: &Path, seed: u64, typical: Duration, tally: &mut Tally) {
    let mut rng = Rng(seed);
    let span = typical.as_micros() as u64 * 13 / 10;
    for i in 0..ADDS_PER_ROUND {
        let note = format!("r{seed}-{i}");
        let kill_after = (rng.below(5) != 0).then(|| Duration::from_micros(rng.below(span)));
        tally.attempted.insert(note.clone());
        let acked = add_killed_after(db, &note, seed * 1000 + i, kill_after);
        if acked {
            tally.acknowledged.insert(note);
        } else {
            tally.killed_unacknowledged += 1;
        }
    }
}

#[test]
fn acknowledged_adds_survive_sigkill_at_any_moment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let typical = typical_add(&db);
    let mut tally = Tally {
        attempted: (0..5).map(|i| format!("warm-{i}")).collect(),
        acknowledged: (0..5).map(|i| format!("warm-{i}")).collect(),
        killed_unacknowledged: 0,
    };
    for seed in 1..=ROUNDS {
        round(&db, seed, typical, &mut tally);
        let seen = notes_in(&db);
        let missing: Vec<_> = tally
            .acknowledged
            .iter()
            .filter(|n| !seen.contains_key(*n))
            .collect();
        assert!(
            missing.is_empty(),
            "round {seed}: acknowledged but lost: {missing:?}"
        );
        let twice: Vec<_> = seen.iter().filter(|(_, c)| **c > 1).collect();
        assert!(twice.is_empty(), "round {seed}: stored twice: {twice:?}");
        let unasked: Vec<_> = seen
            .keys()
            .filter(|n| !tally.attempted.contains(*n))
            .collect();
        assert!(unasked.is_empty(), "round {seed}: never added: {unasked:?}");
        assert_eq!(integrity(&db), "ok", "round {seed}");
    }
    println!(
        "{} adds, {} acknowledged, {} killed before acknowledging; typical add {typical:?}",
        tally.attempted.len(),
        tally.acknowledged.len(),
        tally.killed_unacknowledged
    );
    assert!(
        tally.killed_unacknowledged > 0 && tally.acknowledged.len() > 5,
        "the kills must land both before and after acknowledgements: {} killed, {} acknowledged",
        tally.killed_unacknowledged,
        tally.acknowledged.len()
    );
    assert!(tally.attempted.len() as u64 >= ROUNDS * ADDS_PER_ROUND);
    let check = Command::new(BIN)
        .args(["--db", db.to_str().unwrap(), "check"])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}

fn strace_works() -> bool {
    Command::new("strace")
        .args(["-o", "/dev/null", "true"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// In the trace of one `intake add`: the write-ahead log's descriptor, and whether the last write
/// to it before "logged" reached stdout was followed by an fsync/fdatasync of it.
fn synced_before_acknowledging(trace: &str) -> Result<(), String> {
    let fd = trace
        .lines()
        .find(|l| l.contains("d.db-wal\"") && l.contains("openat("))
        .and_then(|l| l.rsplit("= ").next())
        .map(|fd| fd.trim().to_string())
        .ok_or("the add never opened d.db-wal")?;
    let ack = trace
        .lines()
        .position(|l| l.contains("write(1, \"logged #"))
        .ok_or("the add printed no acknowledgement")?;
    let lines: Vec<&str> = trace.lines().take(ack).collect();
    let last_write = lines
        .iter()
        .rposition(|l| l.contains(&format!("pwrite64({fd},")))
        .ok_or("no write to the log before the acknowledgement")?;
    let synced = lines[last_write..]
        .iter()
        .any(|l| l.contains(&format!("fsync({fd})")) || l.contains(&format!("fdatasync({fd})")));
    match synced {
        true => Ok(()),
        false => Err("the log was not synced before the acknowledgement".into()),
    }
}

#[test]
fn the_log_is_synced_before_an_add_is_acknowledged() {
    if !strace_works() {
        println!("skipped: strace is missing or may not trace here (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    assert!(add_killed_after(&db, "first", 1, None));
    let trace = dir.path().join("trace");
    let out = Command::new("strace")
        .args([
            "-f",
            "-e",
            "trace=openat,pwrite64,write,fsync,fdatasync",
            "-o",
        ])
        .arg(&trace)
        .arg(BIN)
        .args(["--db", db.to_str().unwrap(), "add", "d3", "1000 IU"])
        .args(["--note", "traced"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let trace = std::fs::read_to_string(trace).unwrap();
    if let Err(why) = synced_before_acknowledging(&trace) {
        panic!("{why}:\n{trace}");
    }
    let mode: String = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn the_trace_reader_sees_a_missing_sync() {
    let synced = "1 openat(AT_FDCWD, \"/t/d.db-wal\", O_RDWR) = 4\n\
                  1 pwrite64(4, \"x\", 1, 0) = 1\n1 fsync(4) = 0\n\
                  1 write(1, \"logged #1 ...\", 9) = 9\n";
    assert_eq!(synced_before_acknowledging(synced), Ok(()));
    let unsynced = "1 openat(AT_FDCWD, \"/t/d.db-wal\", O_RDWR) = 4\n\
                    1 fsync(4) = 0\n1 pwrite64(4, \"x\", 1, 0) = 1\n\
                    1 write(1, \"logged #1 ...\", 9) = 9\n1 fsync(4) = 0\n";
    assert!(synced_before_acknowledging(unsynced).is_err());
}

/// The app in tmux logs milk with the keyboard; once its status line says "Logged", it is killed
/// with SIGKILL, and the entry is in the diary.
#[test]
fn an_entry_the_app_showed_as_logged_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    if !common::tmux::tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let tmux = common::tmux::start(dir.path(), &db);
    tmux.wait_for(&["Entries (0)"]);
    tmux.log_with_keys("milk", "Milk", None);
    tmux.wait_for(&["Logged Milk", "Entries (1)"]);
    let pid = tmux.pane_pid();
    if let Ok(comm) = std::fs::read_to_string(format!("/proc/{pid}/comm")) {
        assert_eq!(comm.trim(), "intake", "the pane runs intake itself");
    }
    let killed = Command::new("kill").args(["-KILL", &pid]).status().unwrap();
    assert!(killed.success(), "kill -KILL {pid}");
    tmux.wait_exit();
    let seen = item_keys(&db);
    assert_eq!(seen, ["milk"], "the logged entry is in the diary");
    assert_eq!(integrity(&db), "ok");
}

fn item_keys(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare("SELECT item_key FROM entries").unwrap();
    stmt.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}
