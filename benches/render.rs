//! Rendering budgets: a frame of the day and week views into TestBackend (< 1 ms), and the time to
//! first frame: open a diary file, load today, render (< 50 ms). Both on the demo diary and on
//! the ten-year synthetic diary (whose days hold about 28 entries).
//!
//! Run: `cargo bench --bench render -- --warm-up-time 1 --measurement-time 3`

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use criterion::{Criterion, criterion_group, criterion_main};
use intake::app::{Action, App, Command, Keymap};
use intake::store::Store;
use intake::tui::Runtime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::path::Path;

fn demo_now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 21)
        .and_then(|d| d.and_hms_opt(8, 30, 0))
        .unwrap()
}

fn synth_now() -> NaiveDateTime {
    common::end().and_hms_opt(22, 30, 0).unwrap()
}

/// The app after start-up (today loaded), on `screen`.
fn app_on(store: Store, now: NaiveDateTime, screen: Option<Command>) -> App {
    let mut rt = Runtime::new(store, std::env::temp_dir()).unwrap();
    let mut app = App::new(now, rt.store.profile().unwrap(), Keymap::default());
    rt.start(&mut app);
    if let Some(c) = screen {
        rt.dispatch(&mut app, Action::Command(c));
    }
    app
}

fn demo_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    intake::demo::fill(&mut store, demo_now().date()).unwrap();
    store
}

fn frames(c: &mut Criterion, diary: &str, open: &dyn Fn() -> Store, now: NaiveDateTime) {
    for (name, screen) in [("day", None), ("week", Some(Command::WeekView))] {
        let app = app_on(open(), now, screen);
        for (w, h) in [(80, 24), (200, 60)] {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            c.bench_function(&format!("frame_{name}{diary}_{w}x{h}"), |b| {
                b.iter(|| {
                    terminal
                        .draw(|f| intake::ui::render(black_box(&app), f))
                        .unwrap();
                });
            });
        }
    }
}

/// Opens the diary file, loads today and draws the first 80x24 frame.
fn first_frame(c: &mut Criterion, name: &str, path: &Path, now: NaiveDateTime) {
    let exports = path.with_extension("exports");
    c.bench_function(name, |b| {
        b.iter(|| {
            let store = Store::open(path).unwrap();
            let mut rt = Runtime::new(store, exports.clone()).unwrap();
            let mut app = App::new(now, rt.store.profile().unwrap(), Keymap::default());
            rt.start(&mut app);
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal.draw(|f| intake::ui::render(&app, f)).unwrap();
        });
    });
}

fn demo(c: &mut Criterion) {
    frames(c, "", &demo_store, demo_now());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("diary.db");
    let mut store = Store::open(&path).unwrap();
    intake::demo::fill(&mut store, demo_now().date()).unwrap();
    drop(store);
    first_frame(c, "first_frame_80x24", &path, demo_now());
}

fn ten_years(c: &mut Criterion) {
    let d = common::diaries();
    let path = d.ten_years.clone();
    frames(
        c,
        "_ten_years",
        &|| Store::open(&path).unwrap(),
        synth_now(),
    );
    first_frame(c, "first_frame_ten_years_80x24", &d.ten_years, synth_now());
    first_frame(c, "first_frame_small_80x24", &d.small, synth_now());
}

criterion_group!(benches, demo, ten_years);
criterion_main!(benches);
