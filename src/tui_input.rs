//! The terminal's input, read on a thread of its own so the event loop never waits inside the
//! terminal library: when the terminal goes away (the window closed, the pty's other side gone)
//! crossterm's read returns nothing in a loop that never comes back, and a loop stuck there
//! would neither see a stop signal nor close the diary (issue 14.1). The event loop instead
//! waits on a channel with its tick, and asks [`TerminalWatch::gone`] each time.

use ratatui::crossterm::event::{self, Event};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// How long the input thread waits for a key before it lets [`Keys::hold`] in.
const POLL: Duration = Duration::from_millis(50);

/// What the input thread hands over.
pub enum Input {
    /// A key, a resize, …
    Event(Event),
    /// Nothing more can be read: the terminal is gone.
    Gone,
    /// Nothing arrived within the wait.
    Idle,
}

/// The receiving end of the input thread, and the gate it reads through.
pub struct Keys {
    rx: Receiver<Event>,
    gate: Arc<Gate>,
}

/// The input thread reads only while it holds `lock`; `wanted` asks it to step aside.
#[derive(Default)]
struct Gate {
    lock: Mutex<()>,
    wanted: AtomicBool,
}

impl Keys {
    /// Starts the thread that reads the terminal until it fails or the loop stops listening.
    pub fn spawn() -> std::io::Result<Keys> {
        let (tx, rx) = mpsc::channel();
        let gate = Arc::new(Gate::default());
        let reader = Arc::clone(&gate);
        std::thread::Builder::new()
            .name("terminal input".into())
            .spawn(move || {
                while let Ok(ev) = read_through(&reader) {
                    if tx.send(ev).is_err() {
                        return;
                    }
                }
            })?;
        Ok(Keys { rx, gate })
    }

    /// Stops the input thread reading while the guard lives (another program, the user's
    /// editor, reads the terminal meanwhile).
    pub fn hold(&self) -> MutexGuard<'_, ()> {
        self.gate.wanted.store(true, Ordering::SeqCst);
        let guard = self.gate.lock.lock().unwrap_or_else(|e| e.into_inner());
        self.gate.wanted.store(false, Ordering::SeqCst);
        guard
    }

    /// An input arriving within `wait` (none when the terminal is gone: [`Keys::next`] says so).
    pub fn soon(&self, wait: Duration) -> Option<Event> {
        self.rx.recv_timeout(wait).ok()
    }

    /// The next input, waiting at most `wait`.
    pub fn next(&self, wait: Duration) -> Input {
        match self.rx.recv_timeout(wait) {
            Ok(ev) => Input::Event(ev),
            Err(RecvTimeoutError::Timeout) => Input::Idle,
            Err(RecvTimeoutError::Disconnected) => Input::Gone,
        }
    }
}

/// The next event, read while holding the gate; a hold waits at most [`POLL`] to get in, and
/// the thread waits through it.
fn read_through(gate: &Gate) -> std::io::Result<Event> {
    loop {
        if gate.wanted.load(Ordering::SeqCst) {
            std::thread::sleep(POLL);
            continue;
        }
        let _reading = gate.lock.lock().unwrap_or_else(|e| e.into_inner());
        if event::poll(POLL)? {
            return event::read();
        }
    }
}

/// Notices the terminal going away: standard input or output, a terminal when the app started,
/// stops being one once the terminal is hung up (every request on it then fails).
pub struct TerminalWatch {
    stdin: bool,
    stdout: bool,
}

impl TerminalWatch {
    pub fn new() -> TerminalWatch {
        TerminalWatch {
            stdin: std::io::stdin().is_terminal(),
            stdout: std::io::stdout().is_terminal(),
        }
    }

    /// True once a stream that was a terminal is not one any more.
    pub fn gone(&self) -> bool {
        (self.stdin && !std::io::stdin().is_terminal())
            || (self.stdout && !std::io::stdout().is_terminal())
    }
}

impl Default for TerminalWatch {
    fn default() -> Self {
        Self::new()
    }
}
