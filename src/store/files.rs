//! The diary's file on disk, before and around SQLite: only regular files are opened; only a file
//! intake creates gets mode 0600 (an existing file's mode is the user's); a diary this command
//! created is removed again when its creation failed or the command was refused; when a write
//! cannot happen the real cause is named; a diary that cannot be written is opened read-only.

use super::{Result, StoreError};
pub(crate) use crate::outfile::{cause, create_private};
use rusqlite::{Connection, OpenFlags};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

/// Refuses a path that exists and is not a regular file (a folder, a FIFO, a device, a socket)
/// without opening it: opening a FIFO blocks, and SQLite would write a journal beside a device.
pub(super) fn refuse_non_regular(path: &Path) -> Result<()> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(()); // missing: it will be created; unreadable: opening says why
    };
    let why = if meta.is_dir() {
        "it is a folder; give the diary's file path"
    } else if meta.is_file() {
        return Ok(());
    } else {
        "it is not a regular file (a device, a FIFO or a socket)"
    };
    Err(StoreError::NotADiary {
        path: path.display().to_string(),
        why: why.into(),
    })
}

/// What this command created for a new diary, so it can be taken back.
#[derive(Debug, Default)]
pub(super) struct Created {
    /// The diary file, when this command made it.
    pub file: Option<PathBuf>,
    /// Folders made for it, outermost first.
    pub dirs: Vec<PathBuf>,
}

impl Created {
    /// Removes what was created: the file with its `-wal`, `-shm` and `-journal`, then the
    /// folders (only while empty).
    pub fn remove(&self) {
        if let Some(f) = &self.file {
            remove_with_sidecars(f);
        }
        for d in self.dirs.iter().rev() {
            let _ = std::fs::remove_dir(d);
        }
    }
}

/// Makes the missing folders of `path` (mode 0700) and the file itself (mode 0600, exclusively:
/// a file another process creates meanwhile is opened as it is, never truncated or chmod-ed).
pub(super) fn create_parts(path: &Path) -> Result<Created> {
    let mut created = Created::default();
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let missing: Vec<PathBuf> = dir
            .ancestors()
            .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
            .map(Path::to_path_buf)
            .collect();
        for d in missing.iter().rev() {
            if let Err(e) = make_private_dir(d) {
                created.remove();
                return Err(StoreError::Folder {
                    path: dir.display().to_string(),
                    why: cause(&e, dir),
                });
            }
            created.dirs.push(d.clone());
        }
    }
    match create_private(path) {
        Ok(_) => created.file = Some(path.to_path_buf()),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
        Err(e) => {
            created.remove();
            return Err(unwritable(path, cause(&e, path)));
        }
    }
    Ok(created)
}

fn make_private_dir(d: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    match std::fs::DirBuilder::new().mode(0o700).create(d) {
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(()),
        r => r,
    }
}

/// The file at `path` is an up-to-date intake diary (read without writing).
pub(super) fn is_whole_diary(path: &Path) -> bool {
    let Ok(conn) = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return false;
    };
    let pragma = |name: &str| conn.pragma_query_value(None, name, |r| r.get::<_, i64>(0));
    pragma("application_id").is_ok_and(|id| id == i64::from(super::APPLICATION_ID))
        && pragma("user_version").is_ok_and(|v| v == super::MIGRATIONS_COUNT)
}

/// Removes a diary file and whatever SQLite kept beside it.
pub(crate) fn remove_with_sidecars(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

fn unwritable(path: &Path, why: String) -> StoreError {
    StoreError::Unwritable {
        path: path.display().to_string(),
        why,
    }
}

/// Why the diary at `path` cannot be written, if it cannot: the file refuses writing, or its
/// folder refuses a new file (SQLite needs one for its `-wal` and `-shm`), or the disk is full.
/// Asked only after an open or a write failed, to name the cause instead of SQLite's guess.
pub(super) fn why_unwritable(path: &Path) -> Option<String> {
    if let Err(e) = std::fs::OpenOptions::new().append(true).open(path)
        && e.kind() != ErrorKind::NotFound
    {
        return Some(cause(&e, path));
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let probe = dir.join(format!(".intake-probe-{}", std::process::id()));
    let tried = create_private(&probe).and_then(|mut f| f.write_all(&[0; 4096]).and(f.sync_all()));
    let _ = std::fs::remove_file(&probe);
    tried.err().map(|e| cause(&e, dir))
}

/// Names the real cause of a failed open or write where the file system refuses writing.
pub(super) fn name_cause(path: &Path, e: StoreError) -> StoreError {
    match e {
        StoreError::NotADiary { .. } | StoreError::Sql(_) | StoreError::Migration(_) => {
            why_unwritable(path).map_or(e, |why| unwritable(path, why))
        }
        other => other,
    }
}

/// Opens the diary for reading only. Where SQLite cannot make the `-shm` it reads a WAL diary
/// through (a read-only folder or file system) and no `-wal` holds pages, the file is read as
/// immutable: nothing else can be changing it there.
pub(super) fn read_only_connection(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    let readable =
        |c: &Connection| c.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()));
    match readable(&conn) {
        Err(e) if !super::guard::wal_has_frames(path) => {
            drop(conn);
            let uri = format!("file:{}?immutable=1", uri_path(path));
            let conn = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
                .map_err(|_| e)?;
            readable(&conn)?;
            Ok(conn)
        }
        r => r.map(|()| conn).map_err(Into::into),
    }
}

/// A path for a `file:` URI: every byte but the plain ones percent-encoded.
fn uri_path(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/._-~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl super::Store {
    /// Opens a diary that cannot be written (a read-only folder, file or file system) for the
    /// commands that only read it. It must be an up-to-date intake diary: an older one cannot be
    /// upgraded where it is.
    pub fn open_read_only(path: &Path) -> Result<super::Store> {
        refuse_non_regular(path)?;
        super::guard::check_header(path)?;
        let conn = read_only_connection(path)?;
        let store = super::Store {
            conn,
            upgraded: None,
            deleted: Default::default(),
            created: Created::default(),
        };
        let shown = path.display().to_string();
        let id: i32 = store
            .conn
            .pragma_query_value(None, "application_id", |r| r.get(0))?;
        if id != super::APPLICATION_ID {
            return Err(StoreError::NotADiary {
                path: shown,
                why: "it is not intake's".into(),
            });
        }
        match store.version()? {
            v if v == super::MIGRATIONS_COUNT => Ok(store),
            v if v > super::MIGRATIONS_COUNT => Err(StoreError::TooNew {
                path: shown,
                found: v,
                known: super::MIGRATIONS_COUNT,
            }),
            v => Err(StoreError::Unwritable {
                path: shown,
                why: format!(
                    "it has schema {v} and needs an upgrade, which cannot be written there; \
                     copy it to a writable folder first"
                ),
            }),
        }
    }

    /// Takes back a diary this open created when nothing was stored in it (the command was
    /// refused): no file and no folder is left behind. A diary another process has written to
    /// meanwhile is kept.
    pub fn discard_if_unused(self) {
        if self.created.file.is_none() || !self.is_unused() {
            return;
        }
        let super::Store { conn, created, .. } = self;
        drop(conn);
        created.remove();
    }

    fn is_unused(&self) -> bool {
        let tables = self.conn.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        );
        let Ok(mut tables) = tables else { return false };
        let Ok(names) = tables
            .query_map([], |r| r.get::<_, String>(0))
            .and_then(Iterator::collect::<rusqlite::Result<Vec<String>>>)
        else {
            return false;
        };
        names.iter().all(|t| {
            let sql = format!("SELECT NOT EXISTS (SELECT 1 FROM \"{t}\")");
            self.conn
                .query_row(&sql, [], |r| r.get::<_, bool>(0))
                .unwrap_or(false)
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn uri_paths_escape_what_a_uri_would_read() {
        let p = std::path::Path::new("/tmp/my diary?#%.db");
        assert_eq!(super::uri_path(p), "/tmp/my%20diary%3F%23%25.db");
    }
}
