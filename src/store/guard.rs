//! Checks made before a diary is opened or upgraded: is it a whole SQLite file, and is an older
//! diary copied aside before its migration runs.

use super::{Result, StoreError};
use std::io::Read;
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Refuses, without writing, a non-empty file that is not a whole SQLite database: wrong magic, or
/// shorter than its header says while no write-ahead log holds the missing pages.
///
/// Another process's checkpoint writes the header that counts new pages before the pages that
/// grow the file, then deletes its log: read in that moment, a whole diary looks cut short (seen
/// in four_writers_add_250_each_and_lose_nothing). A checkpoint ends within milliseconds and a
/// cut file stays cut, so a short look is taken again before calling the diary damaged.
pub(super) fn check_header(path: &Path) -> Result<()> {
    let mut verdict = look_at_header(path);
    for _ in 0..5 {
        if !matches!(verdict, Err(StoreError::Damaged(_))) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        verdict = look_at_header(path);
    }
    verdict
}

fn look_at_header(path: &Path) -> Result<()> {
    let Ok(mut file) = std::fs::File::open(path) else {
        return Ok(()); // missing: it will be created; unreadable: SQLite says why
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len == 0 {
        return Ok(());
    }
    let mut head = [0u8; 100];
    let not_sqlite = || StoreError::NotADiary {
        path: path.display().to_string(),
        why: "it is not a SQLite database".into(),
    };
    file.read_exact(&mut head).map_err(|_| not_sqlite())?;
    if &head[..16] != MAGIC {
        return Err(not_sqlite());
    }
    if wal_has_frames(path) {
        return Ok(()); // the log may hold pages not yet copied into the file
    }
    let expected = header_size(&head);
    match expected {
        Some(size) if len < size || len % page_size(&head) != 0 => {
            Err(StoreError::Damaged(format!(
                "{} is truncated: {len} bytes where its header says {size}",
                path.display()
            )))
        }
        _ => Ok(()),
    }
}

fn page_size(head: &[u8; 100]) -> u64 {
    match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65_536,
        n => u64::from(n).max(1),
    }
}

/// The size the header records, when the header says that figure is current.
fn header_size(head: &[u8; 100]) -> Option<u64> {
    let word = |at: usize| u32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    let pages = word(28);
    (pages > 0 && word(24) == word(92)).then(|| u64::from(pages) * page_size(head))
}

pub(super) fn wal_has_frames(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(PathBuf::from(wal)).is_ok_and(|m| m.len() > 0)
}

/// Where an older diary is copied before its upgrade: `<name>.v<N>.bak`, or
/// `<name>.v<N>.<k>.bak` when that exists already (a copy is never overwritten).
pub(super) fn backup_path(path: &Path, version: i64) -> PathBuf {
    let base = path.as_os_str().to_string_lossy().into_owned();
    let first = PathBuf::from(format!("{base}.v{version}.bak"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|k| PathBuf::from(format!("{base}.v{version}.{k}.bak")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}
