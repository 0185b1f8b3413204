//! Undo in the app applies only to an entry as the app left it (issue 14.3). Before, `u` put back
//! an entry another process had moved and annotated meanwhile (its change lost), and once the
//! CLI deleted an entry the app had logged every later `u` failed with "no entry with id" for
//! good.

mod common;
use common::tmux::{BIN, start, tmux_installed};
use std::path::Path;

fn intake(db: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new(BIN)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn undo_leaves_an_entry_another_process_changed_and_goes_on_with_the_rest() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("diary.db");
    let tmux = start(dir.path(), &db);
    tmux.log_with_keys("natto", "Natto", Some("3 oz"));
    tmux.log_with_keys("sardines", "Sardines", Some("3 oz"));
    // Edit the selected entry (sardines, just logged) to 6 oz.
    tmux.keys(&["e"]);
    tmux.wait_for(&["Edit entry"]);
    tmux.keys(&["C-u"]);
    tmux.text("6 oz");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Updated Sardines"]);

    let day = intake(&db, &["day", "--json"]);
    let sardines = id_of(&day, "Sardines");
    intake(
        &db,
        &[
            "edit",
            &sardines,
            "--date",
            "yesterday",
            "--note",
            "moved by cli",
        ],
    );
    let screen = tmux.wait_for(&["Entries (1)"]);
    tmux.keys(&["u"]);
    let screen2 = tmux.wait_for(&["another program"]);
    assert!(screen2.contains("Sardines"), "{screen}\n{screen2}");
    let yesterday = intake(&db, &["day", "yesterday", "--json"]);
    assert!(yesterday.contains("moved by cli"), "{yesterday}");
    assert!(yesterday.contains("\"quantity\": 6.0"), "{yesterday}");
    assert!(!intake(&db, &["day"]).contains("Sardines"));

    // The rest of the history still works: undo the sardines' logging? It was changed too,
    // so that step goes as well; natto's logging is undone.
    tmux.keys(&["u"]);
    tmux.wait_for(&["another program"]);
    tmux.keys(&["u"]);
    tmux.wait_for(&["Undone: deleted Natto"]);
    assert!(!intake(&db, &["day"]).contains("Natto"));
    assert!(intake(&db, &["day", "yesterday", "--json"]).contains("moved by cli"));

    // An entry the CLI deleted: redo of natto's logging puts it back, the CLI deletes it,
    // undo says so and the history is not stuck.
    tmux.keys(&["C-r"]);
    tmux.wait_for(&["Redone: logged Natto"]);
    let natto = id_of(&intake(&db, &["day", "--json"]), "Natto");
    intake(&db, &["rm", &natto]);
    tmux.wait_for(&["Entries (0)"]);
    tmux.keys(&["u"]);
    tmux.wait_for(&["another program deleted Natto"]);
    tmux.keys(&["u"]);
    tmux.wait_for(&["Nothing to undo"]);
}

/// The id of the entry whose name starts with `name` in `day --json`.
fn id_of(json: &str, name: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["item_name"].as_str().is_some_and(|n| n.starts_with(name)))
        .and_then(|e| e["id"].as_i64())
        .unwrap_or_else(|| panic!("no {name} in {json}"))
        .to_string()
}
