//! A dialog open across midnight keeps the day it was opened for (issue 14.2). Before, the add
//! dialog opened at 23:59 and confirmed at 00:00 stored its entry on the new day at 23:59, a day
//! in the future. A POSIX `TZ` offset puts the app's local time just before midnight.

mod common;
use chrono::{Duration, NaiveDateTime, Timelike, Utc};
use common::tmux::{BIN, Tmux, tmux_installed};

/// A `TZ` whose local time is `local` seconds after midnight now, and the local time it gives.
fn zone_at(local: i64) -> (String, impl Fn() -> NaiveDateTime) {
    let utc = Utc::now().naive_utc();
    let delta = (local - i64::from(utc.num_seconds_from_midnight())).rem_euclid(86_400);
    let tz = format!(
        "LOC-{:02}:{:02}:{:02}",
        delta / 3600,
        delta / 60 % 60,
        delta % 60
    );
    (tz, move || {
        Utc::now().naive_utc() + Duration::seconds(delta)
    })
}

fn day_text(db: &std::path::Path, date: &str) -> String {
    let out = std::process::Command::new(BIN)
        .args(["--db", &db.display().to_string(), "day", date])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_add_dialog_open_across_midnight_logs_on_the_day_it_was_opened_for() {
    if !tmux_installed() {
        println!("skipped: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("diary.db");
    // 23:59:35: time enough to open the dialog before midnight on a busy machine.
    let (tz, local_now) = zone_at(86_400 - 25);
    let opened_on = local_now().date();
    let command = format!(
        "exec env TZ={tz} XDG_CONFIG_HOME={d} TMPDIR={d} TERM=xterm-256color {BIN} --db {db}",
        d = dir.path().display(),
        db = db.display()
    );
    let tmux = Tmux::start("midnight", &command).expect("tmux is installed");
    tmux.skip_welcome();
    tmux.keys(&["a"]);
    tmux.wait_for(&["Search:"]);
    tmux.text("natto");
    tmux.wait_for(&["Natto", "source:"]);
    tmux.keys(&["Enter"]);
    let title = format!("Add to {}", opened_on.format("%A %Y-%m-%d"));
    let screen = tmux.wait_for(&["quantity:", &title]);
    assert_eq!(
        local_now().date(),
        opened_on,
        "the machine took until midnight to open the dialog; screen:\n{screen}"
    );
    assert!(screen.contains("23:59"), "{screen}");

    while local_now().date() == opened_on || local_now().time().second() < 1 {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    // The dialog still says the day it logs to, now yesterday.
    tmux.wait_for(&[&format!("{title} (yesterday)")]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for(&["Logged Natto"]);
    assert!(screen.contains(&opened_on.to_string()), "{screen}");
    let next = opened_on.succ_opt().unwrap();
    assert!(day_text(&db, &opened_on.to_string()).contains("23:59"));
    assert!(day_text(&db, &opened_on.to_string()).contains("Natto"));
    assert!(
        !day_text(&db, &next.to_string()).contains("Natto"),
        "{}",
        day_text(&db, &next.to_string())
    );
}
