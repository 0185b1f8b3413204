//! Rendering budgets: a frame of the day and week views into TestBackend (< 1 ms), and the time to
//! first frame: open a diary file, load today, render (< 50 ms).

use chrono::{NaiveDate, NaiveDateTime};
use criterion::{Criterion, criterion_group, criterion_main};
use intake::app::{Action, App, Command, Keymap};
use intake::store::Store;
use intake::tui::Runtime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 21)
        .and_then(|d| d.and_hms_opt(8, 30, 0))
        .unwrap()
}

fn demo_app(screen: Option<Command>) -> App {
    let mut store = Store::open_in_memory().unwrap();
    intake::demo::fill(&mut store, now().date()).unwrap();
    let mut rt = Runtime::new(store, std::env::temp_dir()).unwrap();
    let mut app = App::new(now(), rt.store.profile().unwrap(), Keymap::default());
    rt.start(&mut app);
    if let Some(c) = screen {
        rt.dispatch(&mut app, Action::Command(c));
    }
    app
}

fn frames(c: &mut Criterion) {
    for (name, screen) in [("day", None), ("week", Some(Command::WeekView))] {
        let app = demo_app(screen);
        for (w, h) in [(80, 24), (200, 60)] {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            c.bench_function(&format!("frame_{name}_{w}x{h}"), |b| {
                b.iter(|| {
                    terminal
                        .draw(|f| intake::ui::render(black_box(&app), f))
                        .unwrap();
                });
            });
        }
    }
}

/// Opens a diary file holding the demo week, loads today and draws the first frame.
fn first_frame(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("diary.db");
    let mut store = Store::open(&path).unwrap();
    intake::demo::fill(&mut store, now().date()).unwrap();
    drop(store);
    c.bench_function("first_frame_80x24", |b| {
        b.iter(|| {
            let store = Store::open(&path).unwrap();
            let mut rt = Runtime::new(store, dir.path().join("exports")).unwrap();
            let mut app = App::new(now(), rt.store.profile().unwrap(), Keymap::default());
            rt.start(&mut app);
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal.draw(|f| intake::ui::render(&app, f)).unwrap();
        });
    });
}

criterion_group!(benches, frames, first_frame);
criterion_main!(benches);
