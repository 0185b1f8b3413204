//! How the terminal app is asked to stop from outside: SIGTERM, SIGHUP (the terminal closed) and
//! SIGINT end the event loop like `q` does, so the terminal is restored and a demo folder removed.
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
