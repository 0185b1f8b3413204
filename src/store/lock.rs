//! Waiting for another program's write lock (issue 14.11): how long this thread's connections
//! wait, and who is told once the wait passes a second. SQLite's busy handler is a plain
//! function called with no context, so the policy and the wait in progress live in
//! thread-locals: each thread's connections follow what that thread set (the CLI waits long and
//! says so on standard error; the app waits briefly and keeps the form, see `runtime`).

use rusqlite::Connection;
use std::cell::{Cell, RefCell};
use std::time::{Duration, Instant};

/// How long a connection waits for the lock unless its thread says otherwise.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(20);

/// After how long of waiting the thread's notice (if any) is given.
const NOTICE_AFTER: Duration = Duration::from_secs(1);

type Notice = Box<dyn Fn(Duration)>;

thread_local! {
    static LIMIT: Cell<Duration> = const { Cell::new(DEFAULT_WAIT) };
    static NOTICE: RefCell<Option<Notice>> = const { RefCell::new(None) };
    /// The wait in progress: since when, and whether the notice was given.
    static WAITING: Cell<Option<(Instant, bool)>> = const { Cell::new(None) };
}

/// How long this thread's connections wait for another program's lock, and what is done
/// (given the limit) once one has waited a second.
pub fn set_wait(limit: Duration, notice: Option<Box<dyn Fn(Duration)>>) {
    LIMIT.set(limit);
    NOTICE.with_borrow_mut(|n| *n = notice);
}

/// How long this thread's connections wait.
pub fn wait_limit() -> Duration {
    LIMIT.get()
}

/// Makes `conn` wait for locks as its thread says.
pub(super) fn install(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_handler(Some(on_busy))
}

/// SQLite's busy handler: `count` is 0 on the first call for a lock, then counts up. True to try
/// again (after a short sleep), false to give up with "busy".
fn on_busy(count: i32) -> bool {
    let now = Instant::now();
    let (since, told) = match WAITING.get() {
        Some(w) if count > 0 => w,
        _ => (now, false),
    };
    let waited = now - since;
    let limit = LIMIT.get();
    if waited >= limit {
        WAITING.set(None);
        return false;
    }
    let told = told || (waited >= NOTICE_AFTER && tell(limit));
    WAITING.set(Some((since, told)));
    // Short sleeps first, as SQLite's own busy timeout does: most locks are a quick write.
    let step = Duration::from_millis(match count {
        0..=4 => 2,
        5..=14 => 10,
        _ => 25,
    });
    std::thread::sleep(step.min(limit - waited));
    true
}

/// Gives the thread's notice; true once done (or if there is none to give).
fn tell(limit: Duration) -> bool {
    NOTICE.with_borrow(|n| {
        if let Some(n) = n {
            n(limit);
        }
    });
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gives_up_after_the_limit_and_tells_once_after_a_second() {
        let told = std::rc::Rc::new(Cell::new(0));
        let seen = std::rc::Rc::clone(&told);
        set_wait(
            Duration::from_millis(1300),
            Some(Box::new(move |_| seen.set(seen.get() + 1))),
        );
        let start = Instant::now();
        let mut count = 0;
        while on_busy(count) {
            count += 1;
        }
        let waited = start.elapsed();
        assert!(waited >= Duration::from_millis(1300), "{waited:?}");
        assert_eq!(told.get(), 1, "told once");
        // A new lock (count 0 again) starts a new wait.
        assert!(on_busy(0));
        set_wait(DEFAULT_WAIT, None);
    }
}
