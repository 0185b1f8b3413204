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
    match read_config(path) {
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

/// The largest config.toml read; a keys table is a few hundred bytes.
const CONFIG_LIMIT: u64 = 64 * 1024;

/// Reads config.toml: a regular file (a FIFO would block, `/dev/zero` never ends) of at most
/// [`CONFIG_LIMIT`] bytes.
fn read_config(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::{Error, ErrorKind, Read};
    if !std::fs::metadata(path)?.is_file() {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            "it is not a regular file (a device, a FIFO or a socket); give a config.toml file",
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(CONFIG_LIMIT + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > CONFIG_LIMIT {
        return Err(Error::new(
            ErrorKind::InvalidData,
            format!(
                "it is larger than {} KiB, which config.toml never needs",
                CONFIG_LIMIT / 1024
            ),
        ));
    }
    Ok(bytes)
}
