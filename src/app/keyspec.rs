//! One key with its modifiers, as keymap.toml and config.toml write it (`a`, `Ctrl-r`, `F5`):
//! parsing, matching a pressed key, and the name help and the footer show.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers, as written in keymap.toml (`a`, `Ctrl-r`, `Left`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeySpec {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const NAMED: [(&str, KeyCode); 14] = [
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("BackTab", KeyCode::BackTab),
    ("Space", KeyCode::Char(' ')),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PageUp", KeyCode::PageUp),
];

impl KeySpec {
    /// Parses `a`, `?`, `Ctrl-r`, `Alt-Left`, `F5`, `PageDown`.
    pub fn parse(s: &str) -> Option<KeySpec> {
        let (mods, rest) = if let Some(r) = s.strip_prefix("Ctrl-") {
            (KeyModifiers::CONTROL, r)
        } else if let Some(r) = s.strip_prefix("Alt-") {
            (KeyModifiers::ALT, r)
        } else {
            (KeyModifiers::NONE, s)
        };
        let code = parse_code(rest)?;
        Some(KeySpec { code, mods })
    }

    /// Whether a pressed key is this one (Shift is ignored for characters: `?` is Shift-/).
    pub fn matches(&self, k: &KeyEvent) -> bool {
        let mut mods =
            k.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if matches!(k.code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        let same_char = match (k.code, self.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) if !self.mods.is_empty() => {
                a.eq_ignore_ascii_case(&b)
            }
            (a, b) => a == b,
        };
        same_char && mods == self.mods
    }

    pub fn display(&self) -> String {
        let code = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::PageDown => "PageDown".into(),
            other => NAMED
                .iter()
                .find(|(_, c)| *c == other)
                .map_or_else(|| format!("{other:?}"), |(n, _)| n.to_string()),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{code}")
        } else if self.mods.contains(KeyModifiers::ALT) {
            format!("Alt-{code}")
        } else {
            code
        }
    }
}

fn parse_code(s: &str) -> Option<KeyCode> {
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return (!c.is_control()).then_some(KeyCode::Char(c));
    }
    if s == "PageDown" {
        return Some(KeyCode::PageDown);
    }
    if let Some(n) = s.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
        return (1..=12).contains(&n).then_some(KeyCode::F(n));
    }
    NAMED.iter().find(|(n, _)| *n == s).map(|(_, c)| *c)
}
