//! Every screen and dialog draws at any terminal size, tiny and huge, without panicking; at 80x24
//! and up the footer of a view keeps help and quit.

mod tui_fixture;

use intake::app::{Action, App, Keymap};
use intake::store::Store;
use intake::tui::Runtime;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_fixture::now;

const SIZES: [(u16, u16); 8] = [
    (1, 1),
    (10, 5),
    (30, 10),
    (60, 15),
    (79, 23),
    (80, 24),
    (133, 41),
    (250, 80),
];

fn screens() -> Vec<Vec<KeyCode>> {
    let c = KeyCode::Char;
    vec![
        vec![],
        vec![c('h'), c('h'), c('h')],
        vec![c('a')],
        vec![c('a'), c('m'), c('i'), c('l'), c('k')],
        vec![c('a'), c('m'), c('i'), c('l'), c('k'), KeyCode::Enter],
        vec![c('e')],
        vec![c('g')],
        vec![c('w')],
        vec![c('m')],
        vec![c('m'), c('m'), KeyCode::Tab, KeyCode::Tab],
        vec![c('s')],
        vec![c('p')],
        vec![KeyCode::F(1)],
        vec![c('?')],
    ]
}

#[test]
fn every_screen_draws_at_every_size() {
    let mut store = Store::open_in_memory().unwrap();
    intake::demo::fill(&mut store, now().date()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut rt = Runtime::new(store, dir.path().to_path_buf()).unwrap();
    for keys in screens() {
        let mut app = App::new(now(), rt.store.profile().unwrap(), Keymap::default());
        rt.start(&mut app);
        for k in &keys {
            rt.dispatch(&mut app, Action::Key(KeyEvent::new(*k, KeyModifiers::NONE)));
        }
        for (w, h) in SIZES {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| intake::ui::render(&app, f)).unwrap();
            if w >= 80 && h >= 24 && app.dialog.is_none() {
                let buf = terminal.backend().buffer();
                let footer: String = (0..w)
                    .map(|x| buf[(x, h - 1)].symbol().to_string())
                    .collect();
                assert!(
                    footer.contains("? legend")
                        && footer.contains("F1 help")
                        && footer.contains("q quit"),
                    "{keys:?} {w}x{h}: {footer}"
                );
            }
        }
    }
}
