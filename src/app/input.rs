//! A one-line text field with a cursor.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    pub text: String,
    /// Cursor position in characters.
    pub cursor: usize,
}

impl TextInput {
    pub fn new(text: &str) -> TextInput {
        TextInput {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    pub fn value(&self) -> &str {
        &self.text
    }

    fn byte_at(&self, pos: usize) -> usize {
        self.text
            .char_indices()
            .nth(pos)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Edits the field; returns false when the key is not an editing key.
    pub fn handle(&mut self, k: &KeyEvent) -> bool {
        let len = self.text.chars().count();
        match k.code {
            KeyCode::Char('u') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                *self = TextInput::default()
            }
            KeyCode::Char(_)
                if k.modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                return false;
            }
            KeyCode::Char(c) => {
                let at = self.byte_at(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
            }
            KeyCode::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Delete if self.cursor < len => {
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(len),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = len,
            KeyCode::Backspace | KeyCode::Delete => {}
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor_with_multibyte_text() {
        let mut t = TextInput::new("µg");
        let k = |c| KeyEvent::new(c, KeyModifiers::NONE);
        t.handle(&k(KeyCode::Left));
        t.handle(&k(KeyCode::Char('x')));
        assert_eq!(t.value(), "µxg");
        t.handle(&k(KeyCode::Home));
        t.handle(&k(KeyCode::Delete));
        t.handle(&k(KeyCode::Backspace));
        assert_eq!((t.value(), t.cursor), ("xg", 0));
        assert!(!t.handle(&k(KeyCode::Enter)));
    }
}
