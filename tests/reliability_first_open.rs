//! Several processes opening a diary that does not exist yet, at the same moment: one creates
//! and migrates it, the others wait and use it; none fails, and every entry is stored.

use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_intake");

#[test]
fn four_writers_on_a_new_diary() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..8 {
        let db = dir.path().join(format!("new-{round}.db"));
        let children: Vec<_> = (0..4)
            .map(|p| {
                Command::new(BIN)
                    .env_remove("INTAKE_DB")
                    .arg("--db")
                    .arg(&db)
                    .args(["add", "d3", "1000 IU", "--date", "2026-05-04"])
                    .args(["--note", &format!("p{p}")])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().unwrap();
            // Waiting on another writer (said after a second, under load) is not a failure.
            let err: String = String::from_utf8_lossy(&out.stderr)
                .lines()
                .filter(|l| !l.contains("another program holds the diary"))
                .collect();
            assert!(
                out.status.success() && err.is_empty(),
                "round {round}: {err}"
            );
        }
        let store = intake::store::Store::open(&db).unwrap();
        assert_eq!(store.entry_count().unwrap(), 4, "round {round}");
    }
}
