//! The terminal app's event loop: set up the terminal, poll keys with a tick (the clock for
//! midnight rollover, the diary's version for another process's writes), redraw only on change,
//! and hand every action to the runtime ([`crate::runtime`]), which runs the effects.

use crate::app::{Action, App, Keymap};
use crate::store::Store;
use crate::tui_input::{Input, Keys, TerminalWatch};
use anyhow::{Context, Result};
use chrono::Local;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};

pub use crate::config::{default_config, load_keymap};
use crate::demo::DemoDir;
pub use crate::runtime::Runtime;

/// How `intake` with no subcommand opens the app.
pub struct TuiOptions {
    pub db_path: PathBuf,
    pub demo: bool,
    /// The keys, from config.toml (see [`load_keymap`]).
    pub keymap: Keymap,
}

/// How often the loop wakes without a key: the clock and the diary's version are checked then.
const TICK: std::time::Duration = std::time::Duration::from_millis(250);

/// Opens the diary (or a throwaway demo diary) and runs the app until `q`.
pub fn run(opts: TuiOptions) -> Result<()> {
    let demo_dir = opts.demo.then(DemoDir::create).transpose()?;
    let db = demo_dir
        .as_ref()
        .map_or(opts.db_path.clone(), |d| d.0.join("demo.db"));
    let mut store = Store::open(&db).with_context(|| format!("cannot open {}", db.display()))?;
    let now = Local::now().naive_local();
    if demo_dir.is_some() {
        crate::demo::fill(&mut store, now.date())?;
    }
    let upgraded = store.upgraded().map(crate::cli::upgrade_note);
    let export_dir = db.parent().unwrap_or(Path::new(".")).join("exports");
    let mut rt = Runtime::new(store, export_dir)?;
    let mut app = App::new(now, rt.store.profile()?, opts.keymap);
    if demo_dir.is_none() && !rt.store.profile_saved()? {
        app.welcome();
    }
    rt.start(&mut app);
    if let Some(note) = upgraded {
        app.info(note);
    }
    // From here on nothing may block the screen for long, nor print on it.
    crate::store::lock::set_wait(crate::runtime::APP_LOCK_WAIT, None);
    let _restore = RestoreGuard;
    let watch = TerminalWatch::new();
    let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
    let ended = event_loop(&mut terminal, &mut app, &mut rt, &watch);
    if watch.gone() {
        // Dropping the terminal shows the cursor, and prints (to a standard error that is gone
        // too, which panics) that it could not.
        std::mem::forget(terminal);
    }
    ended
}

/// Restores the terminal however `run` ends. On a panic the hook of `ratatui::try_init` has
/// restored it already, before the message was printed; restoring again would move the cursor
/// back over that message.
struct RestoreGuard;

impl Drop for RestoreGuard {
    fn drop(&mut self) {
        // A terminal that went away cannot be restored, and saying so would fail too.
        if !std::thread::panicking() {
            let _ = ratatui::try_restore();
        }
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    rt: &mut Runtime,
    watch: &TerminalWatch,
) -> Result<()> {
    let stop = crate::tui_exit::StopSignals::register();
    let suspend = crate::tui_exit::SuspendSignal::register();
    let keys = Keys::spawn().context("cannot read the terminal")?;
    let mut first_frame = true;
    while app.running && !stop.arrived() {
        if app.dirty {
            if let Err(e) = terminal.draw(|f| crate::ui::render(app, f)) {
                // A terminal that went away ends the app like `q`; any other failure is an error.
                return if watch.gone() { Ok(()) } else { Err(e.into()) };
            }
            app.dirty = false;
        }
        if first_frame {
            first_frame = false;
            crate::tui_exit::injected_fault()?;
        }
        match keys.next(TICK) {
            Input::Event(Event::Key(k)) if is_suspend(&k) => {
                crate::tui_exit::suspend(terminal)?;
                app.dirty = true;
            }
            Input::Event(ev) => {
                if handle_burst(app, rt, &keys, ev) {
                    crate::tui_exit::suspend(terminal)?;
                }
            }
            Input::Gone => return Ok(()),
            Input::Idle => {}
        }
        if watch.gone() {
            return Ok(());
        }
        if suspend.take() {
            crate::tui_exit::suspend(terminal)?;
            app.dirty = true;
        }
        if let Some(note) = app.editor.take() {
            edit_note(terminal, app, rt, &keys, &note);
        }
        rt.dispatch(app, Action::Tick(Local::now().naive_local()));
        if let Some(why) = rt.diary_replaced() {
            rt.dispatch(app, Action::Error(why));
        }
        if rt.other_process_wrote() {
            rt.dispatch(app, Action::ExternalChange);
        }
    }
    Ok(())
}

/// Ctrl-Z, which the terminal no longer turns into SIGTSTP in raw mode.
fn is_suspend(k: &KeyEvent) -> bool {
    k.code == KeyCode::Char('z') && k.modifiers.contains(KeyModifiers::CONTROL)
}

/// Hands the terminal to the user's editor for the note, then gives the app what it wrote (or
/// why it could not).
fn edit_note(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    rt: &mut Runtime,
    keys: &Keys,
    note: &str,
) {
    let held = keys.hold();
    let edited = crate::tui_editor::edit(terminal, note);
    drop(held);
    match edited {
        Ok(text) => rt.dispatch(app, Action::NoteEdited(text)),
        Err(e) => rt.dispatch(app, Action::Error(format!("{e:#}"))),
    }
    app.dirty = true;
}

/// Inputs this close together arrive together (a paste, not a typist): one frame for them all.
const BURST_GAP: std::time::Duration = std::time::Duration::from_millis(5);
/// A long paste still shows its progress this often.
const BURST_MAX: std::time::Duration = std::time::Duration::from_millis(100);

/// Applies `first` and every input that arrives with it (a paste is thousands of keys at once)
/// before the next frame, with one search for them all: a frame and a search per key kept the
/// screen from answering for minutes (issue 14.12). A Ctrl-Z among them ends the burst: true
/// for the loop to suspend.
fn handle_burst(app: &mut App, rt: &mut Runtime, keys: &Keys, first: Event) -> bool {
    app.dirty = true; // a resize too
    let until = std::time::Instant::now() + BURST_MAX;
    let mut next = Some(first);
    let mut suspend = false;
    let burst = std::iter::from_fn(|| {
        let more = || (std::time::Instant::now() < until).then(|| keys.soon(BURST_GAP))?;
        let ev = next.take().or_else(more)?;
        match ev {
            Event::Key(k) if is_suspend(&k) => {
                suspend = true;
                None
            }
            ev => Some(ev),
        }
    });
    let actions = burst.filter_map(|ev| match ev {
        Event::Key(k) => Some(Action::Key(k)),
        _ => None,
    });
    rt.dispatch_burst(app, actions);
    suspend
}
