//! intake never touches the network: every CLI command and the terminal app, run under
//! `strace -f -e trace=network`, open no internet socket and connect, bind or listen nowhere, and
//! no networking crate is in the dependency tree. (Owner-only permissions and CSV
//! formula neutralising are tested in tests/store_basic.rs and tests/cli_export.rs.)

mod common;

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_intake");

fn strace_works() -> bool {
    Command::new("strace")
        .args(["-f", "-o", "/dev/null", "true"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The calls in a `strace -f -e trace=network` log that reach beyond the process: any socket of
/// an internet, packet or netlink family, and any connect, bind, listen or accept at all. A local
/// `socketpair(AF_UNIX, …)` (the terminal library's signal wake-up) is not network use.
fn network_calls(log: &str) -> Vec<String> {
    const FAMILIES: [&str; 3] = ["AF_INET", "AF_PACKET", "AF_NETLINK"]; // AF_INET covers AF_INET6
    const CALLS: [&str; 5] = [" connect(", " bind(", " listen(", " accept(", " accept4("];
    log.lines()
        .filter(|l| FAMILIES.iter().any(|f| l.contains(f)) || CALLS.iter().any(|c| l.contains(c)))
        .map(String::from)
        .collect()
}

/// Runs `intake --db DB ARGS…` under strace; returns the network calls it made.
fn traced(dir: &Path, db: &Path, args: &[&str]) -> Vec<String> {
    let log = dir.join("strace.log");
    let out = Command::new("strace")
        .args(["-f", "-e", "trace=network", "-o"])
        .arg(&log)
        .arg(BIN)
        .env_remove("INTAKE_DB")
        .env("XDG_CONFIG_HOME", dir)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "intake {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    network_calls(&std::fs::read_to_string(log).unwrap())
}

/// Every subcommand, in an order that works on a new diary.
const COMMANDS: &[&[&str]] = &[
    &[
        "add",
        "milk",
        "1 cup",
        "--at",
        "08:00",
        "--date",
        "2026-11-16",
    ],
    &[
        "add",
        "d3",
        "5000 IU",
        "--at",
        "08:05",
        "--date",
        "2026-11-16",
    ],
    &["day", "2026-11-16"],
    &["day", "2026-11-16", "--json"],
    &["week", "2026-W47"],
    &["export", "--week", "2026-W47"],
    &[
        "export",
        "--entries",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
    ],
    &["foods", "salmon", "canned"],
    &["profile"],
    &["profile", "set", "--age", "63", "--sex", "female"],
    &[
        "item",
        "add",
        "oat-milk",
        "--name",
        "Oat milk",
        "--calcium",
        "350",
    ],
    &["item", "list"],
    &["stack", "add", "morning", "d3=1000 IU"],
    &["stack", "log", "morning", "--date", "2026-11-16"],
    &["stack", "list"],
    &["edit", "1", "2 cup"],
    &["rm", "2"],
    &["check"],
    &[],
];

#[test]
fn no_command_makes_a_network_call() {
    if !strace_works() {
        println!("skipped: strace is missing or may not trace here (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    for args in COMMANDS {
        let calls = traced(dir.path(), &db, args);
        assert!(
            calls.is_empty(),
            "intake {args:?} made network calls:\n{}",
            calls.join("\n")
        );
    }
    let copy = dir.path().join("copy.db");
    let calls = traced(dir.path(), &db, &["backup", copy.to_str().unwrap()]);
    assert!(
        calls.is_empty(),
        "backup made network calls:\n{}",
        calls.join("\n")
    );
}

#[test]
fn the_terminal_app_makes_no_network_call() {
    if !strace_works() {
        println!("skipped: strace is missing or may not trace here (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("strace.log");
    let command = format!(
        "env XDG_CONFIG_HOME={d} TERM=xterm-256color strace -f -e trace=network -o {log} \
         {BIN} --db {d}/d.db",
        d = dir.path().display(),
        log = log.display()
    );
    let Some(tmux) = common::Tmux::start("privacy", &command) else {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    };
    tmux.skip_welcome();
    tmux.wait_for(&["Entries (0)"]);
    tmux.log_with_keys("milk", "Milk", None);
    tmux.wait_for(&["Entries (1)"]);
    tmux.keys(&["w"]);
    tmux.wait_for(&["% of target"]);
    tmux.keys(&["x"]);
    tmux.wait_for(&["Wrote week"]);
    tmux.keys(&["q"]);
    tmux.wait_exit();
    let calls = network_calls(&std::fs::read_to_string(log).unwrap());
    assert!(
        calls.is_empty(),
        "the app made network calls:\n{}",
        calls.join("\n")
    );
}

#[test]
fn the_trace_reader_sees_a_connection() {
    let log = "12 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 3\n\
               12 connect(3, {sa_family=AF_INET, sin_port=htons(443)}, 16) = 0\n\
               12 +++ exited with 0 +++\n";
    assert_eq!(network_calls(log).len(), 2);
    let local = "12 socketpair(AF_UNIX, SOCK_STREAM, 0, [7, 8]) = 0\n12 +++ exited with 0 +++\n";
    assert!(network_calls(local).is_empty());
    assert_eq!(
        network_calls("9 socket(AF_INET6, SOCK_DGRAM, 0) = 3\n").len(),
        1
    );
    assert_eq!(
        network_calls("9 connect(3, {sa_family=AF_UNIX}, 110) = 0\n").len(),
        1
    );
}

/// Crates whose purpose is talking over a network; none may be in the dependency tree.
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "attohttpc",
    "h2",
    "h3",
    "quinn",
    "tungstenite",
    "native-tls",
    "openssl",
    "openssl-sys",
    "rustls",
    "tokio",
    "async-std",
    "socket2",
    "trust-dns-resolver",
    "hickory-resolver",
];

#[test]
fn no_networking_crate_is_a_dependency() {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock")).unwrap();
    let names: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .filter_map(|l| l.strip_suffix('"'))
        .collect();
    assert!(
        names.contains(&"rusqlite"),
        "the lock file was read: {names:?}"
    );
    let found: Vec<&&str> = names
        .iter()
        .filter(|n| NETWORK_CRATES.contains(n))
        .collect();
    assert!(
        found.is_empty(),
        "networking crates in Cargo.lock: {found:?}"
    );
}
