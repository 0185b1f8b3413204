//! Files that are not intake's to change (issue 14.8, 14.9, 14.10, 14.13, 14.15): modes are set
//! only on files intake creates; devices and FIFOs are refused before they are opened; a
//! read-only diary is still read; a failed write or a refused command leaves no file behind.
//!
//! Root may write anywhere, so the read-only cases run intake as `nobody` through `setpriv`; a
//! full disk is a small tmpfs mounted in a private mount namespace (`unshare`).

mod common;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_intake");
const NOBODY: u32 = 65534;

fn intake(db: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(BIN);
    c.env_remove("INTAKE_DB").arg("--db").arg(db).args(args);
    c
}

/// Runs with no input and a deadline: a command that hangs (on a FIFO) fails the test instead of
/// hanging it.
fn run(mut c: Command) -> Output {
    let mut child = c
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            child.kill().unwrap();
            panic!("intake {:?} still running after 10 s", c.get_args());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

fn chmod(p: &Path, m: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn diary_with_an_entry(dir: &Path) -> PathBuf {
    let db = dir.join("diary.db");
    let o = run(intake(
        &db,
        &["add", "milk", "--date", "2026-11-16", "--at", "08:00"],
    ));
    assert!(o.status.success(), "{}", err(&o));
    db
}

fn shell(cmd: &str, args: &[&Path]) {
    let st = Command::new(cmd).args(args).status().unwrap();
    assert!(st.success(), "{cmd} {args:?}");
}

#[test]
fn no_command_changes_the_mode_of_an_existing_diary() {
    let dir = tempfile::tempdir().unwrap();
    let db = diary_with_an_entry(dir.path());
    assert_eq!(
        mode(&db),
        0o600,
        "a diary intake creates is its owner's only"
    );
    chmod(&db, 0o400);
    for args in [
        &["day", "2026-11-16"][..],
        &["check"],
        &["week", "2026-W47"],
    ] {
        run(intake(&db, args));
        assert_eq!(mode(&db), 0o400, "intake {args:?} changed the diary's mode");
    }
}

#[test]
fn a_foreign_sqlite_file_keeps_its_mode() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("other.db");
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(c);
    chmod(&db, 0o664);
    let o = run(intake(&db, &["day"]));
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert_eq!(mode(&db), 0o664);
}

/// A FIFO as the diary or the config hangs nothing; a device keeps its mode and gets no journal.
#[test]
fn fifos_and_devices_are_refused_before_they_are_opened() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    shell("mkfifo", &[&fifo]);
    for args in [&["day"][..], &["check"], &["add", "milk"]] {
        let o = run(intake(&fifo, args));
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", err(&o));
        assert!(err(&o).contains("not a regular file"), "{}", err(&o));
    }
    let db = dir.path().join("diary.db");
    for config in [fifo.as_path(), Path::new("/dev/zero")] {
        let mut c = Command::new(BIN);
        c.env_remove("INTAKE_DB")
            .arg("--db")
            .arg(&db)
            .arg("--config")
            .arg(config);
        let o = run(c);
        assert_eq!(o.status.code(), Some(2), "{config:?}: {}", err(&o));
        assert_eq!(err(&o).lines().count(), 1, "{}", err(&o));
    }
    let big = dir.path().join("big.toml");
    std::fs::write(&big, format!("# {}\n", "x".repeat(2 << 20))).unwrap();
    let mut c = Command::new(BIN);
    c.env_remove("INTAKE_DB")
        .arg("--db")
        .arg(&db)
        .arg("--config")
        .arg(&big);
    let o = run(c);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("larger than"), "{}", err(&o));

    // A character device of our own (root may make one; as another user mknod is refused).
    let dev = dir.path().join("null-device");
    let made = Command::new("mknod")
        .arg(&dev)
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped the device part: mknod is not permitted for this user");
        return;
    }
    chmod(&dev, 0o666);
    let o = run(intake(&dev, &["day"]));
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert_eq!(mode(&dev), 0o666, "the device's mode changed");
    assert!(!dir.path().join("null-device-journal").exists());
}

/// A refused command (exit 2, "nothing written") creates neither the diary nor its folders.
#[test]
fn bad_input_on_a_new_path_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new").join("sub").join("diary.db");
    for args in [
        &["add", "milk", "-1", "cup"][..],
        &["day", "2026-13-01"],
        &["add", "no-such-thing-xyz"],
    ] {
        let o = run(intake(&db, args));
        assert_eq!(o.status.code(), Some(2), "{}", err(&o));
        assert!(
            !dir.path().join("new").exists(),
            "{args:?} created the folders"
        );
    }
}

/// A folder that `nobody` may use: world-searchable, owned by nobody.
fn nobodys_dir() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    chmod(d.path(), 0o755);
    std::os::unix::fs::chown(d.path(), Some(NOBODY), Some(NOBODY)).unwrap();
    d
}

/// `intake` as the unprivileged user `nobody` (root would ignore the modes under test), or as
/// ourselves when we are not root. The binary is copied where `nobody` can run it.
fn as_user(bin_dir: &Path, db: &Path, args: &[&str]) -> Output {
    if !running_as_root() {
        return run(intake(db, args));
    }
    let bin = bin_dir.join("intake");
    if !bin.exists() {
        std::fs::copy(BIN, &bin).unwrap();
        chmod(&bin, 0o755);
    }
    // While the copy was being written, another test's thread may have forked: its child holds
    // the copy open for writing until it execs, and running the copy meanwhile fails with "Text
    // file busy" (ETXTBSY). That lasts only until that child execs, so try again.
    for _ in 0..50 {
        let o = run(as_nobody(&bin, bin_dir, db, args));
        if !(o.status.code() == Some(126) && err(&o).contains("Text file busy")) {
            return o;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    run(as_nobody(&bin, bin_dir, db, args))
}

fn as_nobody(bin: &Path, home: &Path, db: &Path, args: &[&str]) -> Command {
    let mut c = Command::new("setpriv");
    c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(bin)
        .env_remove("INTAKE_DB")
        .env("HOME", home)
        .arg("--db")
        .arg(db)
        .args(args);
    c
}

fn running_as_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

#[test]
fn a_read_only_diary_is_read_and_the_refusal_names_the_cause() {
    let bin_dir = nobodys_dir();
    let home = nobodys_dir();
    let db = diary_with_an_entry(home.path());
    for f in std::fs::read_dir(home.path()).unwrap() {
        let f = f.unwrap().path();
        std::os::unix::fs::chown(&f, Some(NOBODY), Some(NOBODY)).unwrap();
    }
    chmod(&db, 0o400);
    chmod(home.path(), 0o555);
    let out = nobodys_dir();
    let copy = out.path().join("copy.db");
    for args in [
        &["day", "2026-11-16"][..],
        &["week", "2026-W47"],
        &["export", "--week", "2026-W47"],
        &["check"],
        &["backup", copy.to_str().unwrap()],
    ] {
        let o = as_user(bin_dir.path(), &db, args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", err(&o));
    }
    let day = String::from_utf8(as_user(bin_dir.path(), &db, &["day", "2026-11-16"]).stdout);
    assert!(day.unwrap().contains("08:00 Milk"));
    assert!(copy.exists(), "backup wrote no copy");
    let o = as_user(bin_dir.path(), &db, &["add", "milk"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("read-only"), "{}", err(&o));
    assert_eq!(err(&o).lines().count(), 1, "{}", err(&o));
    assert_eq!(mode(&db), 0o400);
    chmod(home.path(), 0o755);
}

#[test]
fn a_full_disk_leaves_no_half_made_diary_and_no_empty_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = diary_with_an_entry(dir.path());
    let script = "\"$INTAKE\" --db \"$FULL/new.db\" add milk; echo \"new=$?\"; \
                  \"$INTAKE\" --db \"$DB\" backup \"$FULL/copy.db\"; echo \"backup=$?\"; \
                  ls \"$FULL\"";
    let Some(o) = common::on_full_disk(script, &[("DB", &db)]) else {
        return;
    };
    let out = String::from_utf8_lossy(&o.stdout);
    let e = err(&o);
    assert!(out.contains("new=1"), "{out}{e}");
    assert!(out.contains("backup=1"), "{out}{e}");
    assert!(e.contains("the disk is full"), "{e}");
    assert_eq!(e.lines().count(), 2, "{e}");
    assert!(!out.contains("new.db"), "a half-made diary was left: {out}");
    assert!(!out.contains("copy.db"), "an empty backup was left: {out}");
}
