//! Which file the diary's path names: the app checks it every tick, so a diary deleted or
//! replaced under the open app (`rm diary.db*`, `mv other.db diary.db`) is noticed before the app
//! writes into a file nobody will read again (issue 14.4).

/// A file's identity: its device and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId(u64, u64);

impl super::Store {
    /// The file the diary's path names now; `None` when it names none, for a diary in memory, and
    /// where identities are not known (not Unix).
    pub fn file_id(&self) -> Option<FileId> {
        let path = self.conn.path().filter(|p| !p.is_empty())?;
        let meta = std::fs::metadata(path).ok()?;
        identity(&meta)
    }

    /// The diary's path as opened (empty in memory).
    pub fn path(&self) -> &str {
        self.conn.path().unwrap_or_default()
    }
}

#[cfg(unix)]
fn identity(meta: &std::fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some(FileId(meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_: &std::fs::Metadata) -> Option<FileId> {
    None
}
