//! The diary: one SQLite file. The only module that names rusqlite.

mod bulk;
pub mod check;
mod coverage;
mod entries;
mod totals_by_day;
pub use entries::Fields;
mod entry_row;
mod files;
mod guard;
mod identity;
pub use identity::FileId;
pub mod lock;
mod merge;
pub use merge::Merged;
mod meta;
mod origin;
mod recipes;

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};
use std::path::Path;
use std::sync::LazyLock;
use thiserror::Error;

/// Marks a SQLite file as an intake diary ("ITK1").
const APPLICATION_ID: i32 = 0x4954_4b31;

/// The schema's steps, oldest first. Append only: a released step is never edited.
const SCHEMA: &[&str] = &[
    include_str!("migrations/001_init.sql"),
    include_str!("migrations/002_ids_and_day_totals.sql"),
    include_str!("migrations/003_time_unknown_and_identity.sql"),
    include_str!("migrations/004_vitamin_k2_other.sql"),
    include_str!("migrations/005_recipes_and_partial_amounts.sql"),
    include_str!("migrations/006_dated_origin_keys.sql"),
    include_str!("migrations/007_dose_times_index.sql"),
];

/// How many migrations this build knows (the `user_version` of an up-to-date diary).
pub const MIGRATIONS_COUNT: i64 = SCHEMA.len() as i64;

/// The schema, as append-only migrations.
pub static MIGRATIONS: LazyLock<Migrations<'static>> =
    LazyLock::new(|| Migrations::new(SCHEMA.iter().map(|sql| M::up(sql)).collect()));

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{path} is not an intake diary ({why}); it was left unchanged")]
    NotADiary { path: String, why: String },
    #[error(
        "{path} was written by a newer intake (schema {found}, this one knows {known}); it was left unchanged"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("cannot open the diary folder {path}: {why}")]
    Folder { path: String, why: String },
    #[error("cannot write {path}: {why}")]
    Unwritable { path: String, why: String },
    #[error(
        "another program holds the diary {path} (intake waited {secs} s): nothing was written; \
         close it (another intake, a sync or backup tool, sqlite3) or try again"
    )]
    Locked { path: String, secs: u64 },
    #[error("no entry with id {0}")]
    NoEntry(i64),
    #[error(
        "the diary is damaged ({0}); it was left unchanged: run `intake check`, or restore a backup"
    )]
    Damaged(String),
    #[error("cannot copy the diary aside before upgrading it: {0}; it was left unchanged")]
    UpgradeBackup(String),
    #[error("diary error: {0}")]
    Sql(rusqlite::Error),
    #[error("cannot upgrade the diary: {}", first_line(.0))]
    Migration(#[from] rusqlite_migration::Error),
    #[error("diary holds unreadable data: {0}")]
    Corrupt(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{DatabaseCorrupt, DiskFull, NotADatabase};
        match e.sqlite_error_code() {
            Some(DatabaseCorrupt | NotADatabase) => StoreError::Damaged(e.to_string()),
            Some(DiskFull) => StoreError::Unwritable {
                path: "the diary".into(),
                why: "the disk is full".into(),
            },
            _ => StoreError::Sql(e),
        }
    }
}

impl StoreError {
    /// Another connection held the lock and SQLite did not wait (or waited in vain).
    pub fn is_busy(&self) -> bool {
        use rusqlite::ErrorCode::{DatabaseBusy, DatabaseLocked};
        let code = match self {
            StoreError::Sql(e) => e.sqlite_error_code(),
            StoreError::Migration(rusqlite_migration::Error::RusqliteError { err, .. }) => {
                err.sqlite_error_code()
            }
            _ => None,
        };
        matches!(code, Some(DatabaseBusy | DatabaseLocked))
    }
}

impl Store {
    /// `e`, or when it is another program's lock outlasting the wait, that said plainly.
    fn named_lock(&self, e: StoreError) -> StoreError {
        if !e.is_busy() {
            return e;
        }
        StoreError::Locked {
            path: self.path().to_string(),
            secs: lock::wait_limit().as_secs_f64().round() as u64,
        }
    }
}

/// An error's first line (a migration error goes on to print its whole SQL).
fn first_line(e: &dyn std::fmt::Display) -> String {
    e.to_string().lines().next().unwrap_or_default().to_string()
}

pub type Result<T> = std::result::Result<T, StoreError>;

pub struct Store {
    conn: Connection,
    upgraded: Option<Upgrade>,
    /// The uuids of entries this connection deleted, by id, so that restoring one (undo) gives
    /// it back its identity and a later merge does not see it as a new entry.
    deleted: std::collections::HashMap<i64, String>,
    /// What this open created (a new diary, its folders), for [`Store::discard_if_unused`].
    created: files::Created,
}

/// An older diary that `open` upgraded, and where its copy from before the upgrade is.
#[derive(Debug, Clone, PartialEq)]
pub struct Upgrade {
    pub from: i64,
    pub to: i64,
    pub backup: std::path::PathBuf,
}

impl Store {
    /// Opens (creating if needed) the diary at `path`, refusing files that are not ours. A
    /// diary this open created is removed again if setting it up fails.
    pub fn open(path: &Path) -> Result<Store> {
        files::refuse_non_regular(path)?;
        let created = files::create_parts(path)?;
        let opened = Self::open_made(path, created.file.is_none());
        match opened {
            Ok(mut store) => {
                store.created = created;
                Ok(store)
            }
            Err(e) => {
                // Another process creating the same diary at once may have finished it.
                if created.file.is_some() && !files::is_whole_diary(path) {
                    created.remove();
                }
                Err(files::name_cause(path, e))
            }
        }
    }

    /// Opens the diary file, which exists now (`made_before`: not by this open).
    fn open_made(path: &Path, made_before: bool) -> Result<Store> {
        guard::check_header(path)?;
        let existed = made_before && std::fs::metadata(path).is_ok_and(|m| m.len() > 0);
        let mut store = Store {
            conn: Connection::open(path)?,
            upgraded: None,
            deleted: Default::default(),
            created: files::Created::default(),
        };
        // Setting up a new diary (journal mode, id, schema) can meet another process doing the
        // same; SQLite then answers "busy" at once rather than waiting, so take turns.
        let mut tries = 0;
        loop {
            match store.configure(path, existed) {
                Err(e) if e.is_busy() && tries < 100 => tries += 1,
                done => break done?,
            }
            std::thread::sleep(std::time::Duration::from_millis(10 + tries * 5));
        }
        Ok(store)
    }

    pub fn open_in_memory() -> Result<Store> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
            upgraded: None,
            deleted: Default::default(),
            created: files::Created::default(),
        };
        store.migrate()?;
        Ok(store)
    }

    fn configure(&mut self, path: &Path, existed: bool) -> Result<()> {
        let shown = path.display().to_string();
        let not_diary = |e: rusqlite::Error| StoreError::NotADiary {
            path: shown.clone(),
            why: e.to_string(),
        };
        lock::install(&self.conn).map_err(not_diary)?;
        let app_id: i32 = self
            .conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(not_diary)?;
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(not_diary)?;
        if existed
            && app_id != APPLICATION_ID
            && !(app_id == 0 && version == 0 && self.is_blank()?)
        {
            return Err(StoreError::NotADiary {
                path: shown,
                why: "it is a SQLite database of another program".into(),
            });
        }
        let known = MIGRATIONS_COUNT;
        if version > known {
            return Err(StoreError::TooNew {
                path: shown,
                found: version,
                known,
            });
        }
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        // FULL: a committed entry survives power loss, not only a crash of intake.
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        if existed && version > 0 {
            self.probe()?;
        }
        if existed && (1..known).contains(&version) {
            self.backup_before_upgrade(path, version)?;
        }
        self.migrate()?;
        if self.upgraded.is_some() {
            // Schemas 2 and 3 rebuilt the entries table; give the old pages back (best effort: another
            // reader may hold the file, and the diary is sound either way).
            let _ = self.conn.execute_batch("VACUUM");
        }
        Ok(())
    }

    /// Reads the first and last pages of every table and index (a few page reads), so that a
    /// diary whose roots are damaged is refused before any command writes to it. Deeper damage is
    /// found by `intake check`, and SQLite refuses whatever reads a damaged page.
    fn probe(&self) -> Result<()> {
        self.conn.query_row(
            "SELECT (SELECT max(id) FROM entries), (SELECT min(date) FROM entries), \
             (SELECT min(item_key) FROM entries), (SELECT count(*) FROM profile), \
             (SELECT max(key) FROM user_items), (SELECT max(name) FROM stacks)",
            [],
            |_| Ok(()),
        )?;
        Ok(())
    }

    /// Copies an older diary next to itself before the migration changes it.
    fn backup_before_upgrade(&mut self, path: &Path, version: i64) -> Result<()> {
        let backup = guard::backup_path(path, version);
        self.backup_to(&backup)
            .map_err(|e| StoreError::UpgradeBackup(format!("{}: {e}", backup.display())))?;
        self.upgraded = Some(Upgrade {
            from: version,
            to: MIGRATIONS_COUNT,
            backup,
        });
        Ok(())
    }

    /// Set when this open upgraded an older diary (its pre-upgrade copy is kept).
    pub fn upgraded(&self) -> Option<&Upgrade> {
        self.upgraded.as_ref()
    }

    fn is_blank(&self) -> Result<bool> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        Ok(n == 0)
    }

    fn migrate(&mut self) -> Result<()> {
        let id: i32 = self
            .conn
            .pragma_query_value(None, "application_id", |r| r.get(0))?;
        if id != APPLICATION_ID {
            // In a write transaction taken up front, like every write.
            self.write(|c| Ok(c.pragma_update(None, "application_id", APPLICATION_ID)?))?;
        }
        // IMMEDIATE: the migration takes the write lock first (waiting on the busy timeout), so
        // two processes creating the same new diary take turns instead of failing.
        self.conn
            .set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        let migrated = MIGRATIONS.to_latest(&mut self.conn);
        self.conn
            .set_transaction_behavior(rusqlite::TransactionBehavior::Deferred);
        match migrated {
            Ok(()) => Ok(()),
            // Another process migrated between our reading the version and our transaction.
            Err(_) if self.version()? == MIGRATIONS_COUNT => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    fn version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Changes whenever another connection commits to the diary (for live reload).
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }
}

fn now_stamp() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl Store {
    /// Copies the diary to `dest` with SQLite's online backup (safe while others write).
    /// The copy is a new file (mode 0600; an existing one is refused), removed if the copy fails.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let unwritable = |e: std::io::Error| StoreError::Unwritable {
            path: dest.display().to_string(),
            why: files::cause(&e, dest),
        };
        drop(files::create_private(dest).map_err(unwritable)?);
        let copied = (|| {
            let mut out = Connection::open(dest)?;
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut out)?;
            // One step: it reads one snapshot (WAL lets writers go on meanwhile), where smaller
            // steps start over whenever another process commits between them.
            backup.run_to_completion(i32::MAX, std::time::Duration::from_millis(5), None)?;
            Ok(())
        })();
        if copied.is_err() {
            files::remove_with_sidecars(dest);
        }
        copied
    }
}
