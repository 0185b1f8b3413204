//! How the terminal app is asked to stop from outside: SIGTERM, SIGHUP (the terminal closed) and
//! SIGINT end the event loop like `q` does, so the terminal is restored and a demo folder removed.
//! Ctrl-Z and SIGTSTP suspend it with the terminal restored ([`suspend`]).
//! Debug builds can also inject a fault, so a test can show the terminal restored after one.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set when a stop signal arrived.
pub struct StopSignals(Arc<AtomicBool>);

impl StopSignals {
    /// Registers the flag for SIGTERM, SIGHUP and SIGINT (where it cannot, the default applies).
    pub fn register() -> StopSignals {
        let flag = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        for sig in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            let _ = signal_hook::flag::register(sig, Arc::clone(&flag));
        }
        StopSignals(flag)
    }

    pub fn arrived(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Set when another program asked the app to suspend (`kill -TSTP`); Ctrl-Z is a key, since raw
/// mode turns the terminal's own suspend off.
pub struct SuspendSignal(Arc<AtomicBool>);

impl SuspendSignal {
    pub fn register() -> SuspendSignal {
        let flag = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        let _ = signal_hook::flag::register(signal_hook::consts::SIGTSTP, Arc::clone(&flag));
        SuspendSignal(flag)
    }

    /// True once per request.
    pub fn take(&self) -> bool {
        self.0.swap(false, Ordering::Relaxed)
    }
}

/// Suspends the process like Ctrl-Z in a shell: the terminal restored first (raw mode off, the
/// main screen, the cursor shown), then stopped until `fg`; then the terminal taken back.
pub fn suspend(terminal: &mut ratatui::DefaultTerminal) -> std::io::Result<()> {
    // SIGSTOP, not SIGTSTP: the app catches SIGTSTP (to get here), so raising it would not stop.
    handed_over(terminal, || {
        #[cfg(unix)]
        signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
        Ok(())
    })?
}

/// Gives the terminal to the shell or another program while `f` runs (raw mode off, the main
/// screen, the cursor shown), then takes it back: raw mode and the alternate screen again, and
/// the next frame drawn whole.
pub fn handed_over<T>(
    terminal: &mut ratatui::DefaultTerminal,
    f: impl FnOnce() -> T,
) -> std::io::Result<T> {
    use ratatui::crossterm::{execute, terminal};
    ratatui::try_restore()?;
    terminal.show_cursor()?;
    let out = f();
    terminal::enable_raw_mode()?;
    execute!(std::io::stdout(), terminal::EnterAlternateScreen)?;
    terminal.hide_cursor()?;
    // Clears the screen and forgets the last frame, so the next is drawn whole (`clear` would
    // ask the terminal for the cursor position, an answer the input thread takes).
    let size = terminal.size()?;
    terminal.resize(size.into())?;
    Ok(out)
}

/// In debug builds, `INTAKE_FAULT=panic` or `INTAKE_FAULT=error` makes the app fail once it has
/// drawn its first frame (for the terminal-restore test); release builds ignore it.
pub fn injected_fault() -> anyhow::Result<()> {
    if !cfg!(debug_assertions) {
        return Ok(());
    }
    match std::env::var("INTAKE_FAULT").as_deref() {
        Ok("panic") => panic!("injected fault (INTAKE_FAULT=panic)"),
        Ok("error") => Err(anyhow::anyhow!("injected fault (INTAKE_FAULT=error)")),
        _ => Ok(()),
    }
}
