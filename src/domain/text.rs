//! Rules about text typed by the user (names, meals, notes).

/// Characters that change how the rest of a line shows without showing themselves: controls
/// (escape sequences move the cursor, `ESC[8m` hides what follows), direction overrides and
/// isolates (U+202A–202E, U+2066–2069, U+200E/F, U+061C) and zero-width characters (U+200B–200D,
/// U+2060–2064, U+FEFF). Names, meals and notes refuse them; every output escapes them.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}')
}
