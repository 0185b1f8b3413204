//! Rules about text typed by the user (names, meals, notes), one for the CLI, the app and
//! imports: trimmed, at most [`MAX_LABEL`] characters, none of them hidden.

/// Characters that change how the rest of a line shows without showing themselves: controls
/// (escape sequences move the cursor, `ESC[8m` hides what follows), direction overrides and
/// isolates (U+202A–202E, U+2066–2069, U+200E/F, U+061C) and zero-width characters (U+200B–200D,
/// U+2060–2064, U+FEFF). Names, meals and notes refuse them; every output escapes them.
pub fn is_hidden(c: char) -> bool {
    if c.is_ascii() {
        // Most text: only the ASCII controls can hide anything.
        return c.is_ascii_control();
    }
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}')
}

/// Whether `s` holds a hidden character ([`is_hidden`]) other than a newline, found byte by byte:
/// only an ASCII control or a character whose UTF-8 starts with one of four bytes (C2: the C1
/// controls; D8: U+061C; E2: U+2000–2FFF; EF: U+FEFF) can be hidden, and only those are decoded
/// (issue 19: decoding every character of a day's output was 3 % of `intake day`).
pub fn has_hidden(s: &str) -> bool {
    let bytes = s.as_bytes();
    (0..bytes.len()).any(|i| match bytes[i] {
        b'\n' => false,
        0x00..=0x1f | 0x7f => true,
        // A leading byte, so `i` is a character boundary.
        0xc2 | 0xd8 | 0xe2 | 0xef => s[i..].chars().next().is_some_and(is_hidden),
        _ => false,
    })
}

/// The longest name, meal or note.
pub const MAX_LABEL: usize = 200;

/// `s` trimmed (None when empty), or why it is refused: "bad note: …", saying what is accepted.
pub fn label(what: &str, s: &str) -> Result<Option<String>, String> {
    let t = s.trim();
    let n = t.chars().count();
    if n > MAX_LABEL || t.chars().any(is_hidden) {
        let long = match n > MAX_LABEL {
            true => format!(" (this one has {n})"),
            false => String::new(),
        };
        return Err(format!(
            "bad {what}{long}: accepted is text of at most {MAX_LABEL} characters without \
             control, direction or zero-width characters"
        ));
    }
    Ok((!t.is_empty()).then(|| t.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character, alone and between others: the byte-wise search finds what checking
    /// each character finds.
    #[test]
    fn has_hidden_finds_what_checking_each_character_finds() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let hidden = c != '\n' && is_hidden(c);
            assert_eq!(has_hidden(&c.to_string()), hidden, "{:x}", c as u32);
            assert_eq!(has_hidden(&format!("é≥{c}x")), hidden, "{:x}", c as u32);
        }
        assert!(!has_hidden("Lait écrémé 1 cup ≥ 3–4 mcg\n"));
    }

    #[test]
    fn labels_are_trimmed_and_refused_when_long_or_hidden() {
        assert_eq!(label("note", "  hi "), Ok(Some("hi".into())));
        assert_eq!(label("note", "   "), Ok(None));
        assert!(label("note", &"x".repeat(MAX_LABEL)).is_ok());
        let long = label("note", &"x".repeat(5000)).unwrap_err();
        assert!(long.contains("(this one has 5000)"), "{long}");
        assert!(
            label("meal", "a\u{202E}b")
                .unwrap_err()
                .starts_with("bad meal:")
        );
    }

    #[test]
    fn hidden_ascii_is_exactly_the_controls() {
        for c in (0u8..=0x7f).map(char::from) {
            assert_eq!(is_hidden(c), c.is_control(), "{:#x}", c as u32);
        }
        for c in [
            '\u{85}', '\u{9f}', '\u{200B}', '\u{202E}', '\u{2066}', '\u{FEFF}', '\u{061C}',
        ] {
            assert!(is_hidden(c), "{:#x}", c as u32);
        }
        assert!(!is_hidden('·') && !is_hidden('é'));
    }
}
