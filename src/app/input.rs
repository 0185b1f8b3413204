//! A one-line text field with a cursor. A field's content is selected when it gets the focus,
//! so typing replaces it ("03:18" then `06:30` is 06:30, not "03:1806:30"); a cursor key keeps it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    pub text: String,
    /// Cursor position in characters.
    pub cursor: usize,
    /// The whole text is selected: the next typed character replaces it.
    pub selected: bool,
}

impl TextInput {
    pub fn new(text: &str) -> TextInput {
        TextInput {
            text: text.to_string(),
            cursor: text.chars().count(),
            selected: false,
        }
    }

    /// Selects the whole text (when the field gets the focus).
    pub fn select_all(&mut self) {
        self.selected = !self.text.is_empty();
        self.cursor = self.text.chars().count();
    }

    /// Replaces the text, selected, as a default the user may type over.
    pub fn set_default(&mut self, text: &str) {
        *self = TextInput::new(text);
        self.select_all();
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
        let plain = !k
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let replaces = matches!(
            k.code,
            KeyCode::Char(_) | KeyCode::Backspace | KeyCode::Delete
        );
        if self.selected && plain && replaces {
            *self = TextInput::default();
            if !matches!(k.code, KeyCode::Char(_)) {
                return true;
            }
        }
        let was_selected = std::mem::take(&mut self.selected);
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
            _ => {
                self.selected = was_selected;
                return false;
            }
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

    #[test]
    fn typing_replaces_a_selected_field_and_cursor_keys_keep_it() {
        let k = |c| KeyEvent::new(c, KeyModifiers::NONE);
        let mut t = TextInput::new("03:18");
        t.select_all();
        for c in "06:30".chars() {
            t.handle(&k(KeyCode::Char(c)));
        }
        assert_eq!(t.value(), "06:30");
        t.select_all();
        t.handle(&k(KeyCode::Backspace));
        assert_eq!((t.value(), t.selected), ("", false));
        let mut t = TextInput::new("1 cup");
        t.select_all();
        t.handle(&k(KeyCode::End));
        t.handle(&k(KeyCode::Char('s')));
        assert_eq!(t.value(), "1 cups");
        // A key the field does not take (Enter, Tab) leaves the selection as it was.
        t.select_all();
        assert!(!t.handle(&k(KeyCode::Enter)));
        assert!(t.selected);
        let mut empty = TextInput::new("");
        empty.select_all();
        assert!(!empty.selected);
    }
}
