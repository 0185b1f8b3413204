//! The app's config file: where it lives and the keys it sets.

use crate::app::Keymap;
use std::path::{Path, PathBuf};

/// config.toml in the platform config directory.
pub fn default_config() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "intake").map(|d| d.config_dir().join("config.toml"))
}

/// The default keys with the user's `[keys]` over them. A missing file means the defaults; a bad
/// one is an error naming the file and line, checked before the terminal is touched.
pub fn load_keymap(path: Option<&Path>) -> std::result::Result<Keymap, String> {
    let Some(path) = path else {
        return Ok(Keymap::default());
    };
    match std::fs::read(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Keymap::default()),
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|e| {
                format!(
                    "{} is not UTF-8 text (byte {}); config.toml must be a UTF-8 TOML file",
                    path.display(),
                    e.utf8_error().valid_up_to()
                )
            })?;
            Keymap::with_overrides(&text, &path.display().to_string()).map_err(|e| e.to_string())
        }
    }
}
