//! Undo and redo on a diary other programs write too: a step applies only to entries as the app
//! left them (issue 14.3). Otherwise it would put back an entry another program changed since,
//! losing that change, or fail for good on one it deleted.

use crate::app::Change;
use crate::domain::Entry;
use crate::store::Store;
use anyhow::Result;

/// What another program did to the entries `change` expects, in words; `None` when every one is
/// as the app left it. `change` is the step about to be applied (an inverse, for an undo).
pub(super) fn changed_since(store: &Store, change: &Change) -> Result<Option<String>> {
    match change {
        // Undo of a delete (or redo of a logging): the entries must still be absent.
        Change::Insert(es) => {
            for e in es.iter().filter(|e| e.id != 0) {
                if store.entry(e.id)?.is_some() {
                    return Ok(Some(format!("another program put back {}", e.describe())));
                }
            }
            Ok(None)
        }
        Change::Delete(es) => {
            for e in es {
                if let Some(why) = differs(store, e)? {
                    return Ok(Some(why));
                }
            }
            Ok(None)
        }
        Change::Update { before, .. } => differs(store, before),
    }
}

/// How the stored entry differs from `left`, the entry as the app left it.
fn differs(store: &Store, left: &Entry) -> Result<Option<String>> {
    Ok(match store.entry(left.id)? {
        None => Some(format!("another program deleted {}", left.describe())),
        Some(now) if now == *left => None,
        Some(now) => Some(format!(
            "another program changed {} ({})",
            left.describe(),
            fields_changed(left, &now)
        )),
    })
}

/// The names of the fields that differ, as the edit form calls them.
fn fields_changed(a: &Entry, b: &Entry) -> String {
    let fields = [
        ("date", a.date != b.date),
        ("time", a.time != b.time),
        ("quantity", a.quantity != b.quantity || a.unit != b.unit),
        ("meal", a.meal != b.meal),
        ("note", a.note != b.note),
    ];
    let names: Vec<&str> = fields.iter().filter(|f| f.1).map(|f| f.0).collect();
    if names.is_empty() {
        "its figures".into()
    } else {
        names.join(", ")
    }
}
