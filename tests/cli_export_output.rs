//! `intake export -o PATH` (issue 14.5): an existing file is replaced only with --force (through
//! a symlink, the link stays); a device or FIFO is written directly, never replaced by a file; the
//! temporary file is made exclusively (an existing `.partial`, or a link by that name, is never
//! followed) and removed on every failure.

mod common;
use common::Diary;
use std::os::unix::fs::FileTypeExt;
use std::path::Path;

fn seeded() -> Diary {
    let d = Diary::new();
    d.ok(&["add", "milk", "--date", "2026-11-16", "--at", "08:00"]);
    d
}

fn export_to(d: &Diary, out: &Path, extra: &[&str]) -> std::process::Output {
    d.cmd(&["export", "--week", "2026-W47", "-o"])
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let d = seeded();
    let out = d.dir.path().join("week.csv");
    std::fs::write(&out, "precious\n").unwrap();
    let o = export_to(&d, &out, &[]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "precious\n");
    let o = export_to(&d, &out, &["--force"]);
    assert!(o.status.success(), "{o:?}");
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("date,"));
}

#[test]
fn a_symlink_stays_a_link_and_its_target_is_written_with_force() {
    let d = seeded();
    let target = d.dir.path().join("target.csv");
    std::fs::write(&target, "old\n").unwrap();
    let link = d.dir.path().join("link.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    assert_eq!(export_to(&d, &link, &[]).status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old\n");
    assert!(export_to(&d, &link, &["--force"]).status.success());
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("date,")
    );
}

#[test]
fn a_fifo_is_written_directly_and_stays_a_fifo() {
    let d = seeded();
    let fifo = d.dir.path().join("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let o = export_to(&d, &fifo, &[]);
    assert!(o.status.success(), "{o:?}");
    assert!(reader.join().unwrap().starts_with("date,"));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    let names = names(d.dir.path());
    assert!(
        names
            .iter()
            .all(|n| n.starts_with("diary.db") || n == "pipe"),
        "{names:?}"
    );
}

#[test]
fn a_device_is_written_directly_and_keeps_its_mode() {
    let d = seeded();
    let dev = d.dir.path().join("null");
    let made = std::process::Command::new("mknod")
        .arg(&dev)
        .args(["-m", "666", "c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success());
    let dev = if made {
        dev
    } else {
        Path::new("/dev/null").to_path_buf()
    };
    let before = std::fs::metadata(&dev).unwrap();
    let o = export_to(&d, &dev, &[]);
    assert!(o.status.success(), "{o:?}");
    let after = std::fs::metadata(&dev).unwrap();
    assert!(
        after.file_type().is_char_device(),
        "the device was replaced"
    );
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&after.permissions()),
        std::os::unix::fs::PermissionsExt::mode(&before.permissions())
    );
}

#[test]
fn a_partial_link_is_never_followed_and_a_folder_leaves_nothing() {
    let d = seeded();
    let victim = d.dir.path().join("victim");
    std::fs::write(&victim, "keep me\n").unwrap();
    let out = d.dir.path().join("week.csv");
    std::os::unix::fs::symlink(&victim, d.dir.path().join("week.csv.partial")).unwrap();
    assert!(export_to(&d, &out, &[]).status.success());
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me\n");
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("date,"));

    let folder = d.dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let before = names(d.dir.path());
    let o = export_to(&d, &folder, &[]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert_eq!(names(d.dir.path()), before);
}

#[test]
fn a_failed_export_leaves_no_file() {
    let d = seeded();
    let script = "\"$INTAKE\" --db \"$DB\" export --week 2026-W47 -o \"$FULL/week.csv\"; \
                  echo \"rc=$?\"; ls \"$FULL\"";
    let Some(o) = common::on_full_disk(script, &[("DB", &d.path)]) else {
        return;
    };
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(out.contains("rc=1"), "{out}{err}");
    assert!(err.contains("the disk is full"), "{err}");
    assert_eq!(
        out.lines()
            .filter(|l| !l.starts_with("rc="))
            .collect::<Vec<_>>(),
        ["filler"]
    );
}
