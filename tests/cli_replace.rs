//! `intake stack add` and `intake item add` on a name or key that exists (issue 14.15): before,
//! the old stack or item was replaced without a word. Now it is refused (exit 2, one line naming
//! `--force`, nothing written) unless `--force` is given, and then the output says "replaced".

mod common;
use common::Diary;

fn refused(d: &Diary, args: &[&str]) -> String {
    let before = d.snapshot();
    let out = d.cmd(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(d.snapshot(), before, "{args:?} wrote");
    err
}

#[test]
fn stack_add_on_an_existing_name_needs_force() {
    let d = Diary::new();
    d.ok(&["stack", "add", "morning", "d3=1000 IU"]);
    let err = refused(&d, &["stack", "add", "morning", "d3=5000 IU"]);
    assert!(err.contains("stack `morning` exists"), "{err}");
    assert!(d.ok(&["stack", "list"]).contains("d3 1000 IU"));
    let out = d.ok(&["stack", "add", "morning", "d3=5000 IU", "--force"]);
    assert!(out.contains("replaced stack morning"), "{out}");
    let list = d.ok(&["stack", "list"]);
    assert!(
        list.contains("d3 5000 IU") && !list.contains("1000 IU"),
        "{list}"
    );
}

#[test]
fn item_add_on_an_existing_key_needs_force() {
    let d = Diary::new();
    let add = [
        "item",
        "add",
        "my-kefir",
        "--name",
        "Kefir",
        "--calcium",
        "300",
    ];
    d.ok(&add);
    let err = refused(
        &d,
        &[
            "item",
            "add",
            "my-kefir",
            "--name",
            "Kefir",
            "--calcium",
            "100",
        ],
    );
    assert!(err.contains("item `my-kefir` exists"), "{err}");
    assert!(d.ok(&["item", "list"]).contains("300"));
    let out = d.ok(&[
        "item",
        "add",
        "my-kefir",
        "--name",
        "Kefir",
        "--calcium",
        "100",
        "--force",
    ]);
    assert!(out.contains("replaced"), "{out}");
    let list = d.ok(&["item", "list"]);
    assert!(list.contains("100") && !list.contains("300"), "{list}");
}
