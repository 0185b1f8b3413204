use super::*;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn key(c: KeyCode, m: KeyModifiers) -> KeyEvent {
    KeyEvent::new(c, m)
}

#[test]
fn defaults_parse_and_bind_every_command() {
    let map = Keymap::parse(DEFAULT_TOML, "keymap.toml").unwrap();
    for c in COMMANDS {
        assert!(!map.keys(c.command).is_empty(), "{} has no key", c.name);
    }
}

#[test]
fn the_defaults_prepared_at_build_time_equal_the_parsed_file() {
    let parsed = Keymap::parse(DEFAULT_TOML, "keymap.toml").unwrap();
    assert_eq!(Keymap::default(), parsed);
    let names: usize = DEFAULT_KEYS.iter().map(|(_, k)| k.len()).sum();
    let bound: usize = COMMANDS.iter().map(|c| parsed.keys(c.command).len()).sum();
    assert_eq!(
        names, bound,
        "every default key name parses and stays bound"
    );
}

#[test]
fn shift_is_ignored_for_characters_but_ctrl_is_not() {
    let map = Keymap::default();
    let q = key(KeyCode::Char('?'), KeyModifiers::SHIFT);
    assert_eq!(map.command_for(&q), Some(Command::Legend));
    let r = key(KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(map.command_for(&r), Some(Command::Redo));
    // Plain r is another command (a recipe), Ctrl-Alt-r none.
    assert_eq!(
        map.command_for(&key(KeyCode::Char('r'), KeyModifiers::NONE)),
        Some(Command::Recipe)
    );
    let both = KeyModifiers::CONTROL | KeyModifiers::ALT;
    assert_eq!(map.command_for(&key(KeyCode::Char('r'), both)), None);
}

#[test]
fn user_binding_takes_the_key_from_its_default_command() {
    let map = Keymap::with_overrides("[keys]\nadd = [\"n\", \"d\"]\n", "config.toml").unwrap();
    let d = key(KeyCode::Char('d'), KeyModifiers::NONE);
    assert_eq!(map.command_for(&d), Some(Command::Add));
    assert!(map.keys(Command::Delete).is_empty());
    let a = key(KeyCode::Char('a'), KeyModifiers::NONE);
    assert_eq!(map.command_for(&a), None);
}

#[test]
fn errors_name_the_line() {
    let text = "# mine\n[keys]\nadd = [\"a\"]\nadd_item = [\"n\"]\n";
    let e = Keymap::with_overrides(text, "config.toml").unwrap_err();
    assert_eq!(e.line, 4);
    assert!(
        e.to_string()
            .starts_with("config.toml line 4: unknown command `add_item`")
    );
    let e = Keymap::with_overrides("[ui]\ntheme = 1\n", "c").unwrap_err();
    assert!(e.message.starts_with("unknown field `ui`"), "{e}");
    let e = Keymap::with_overrides("[keys]\n\nundo = [\"Ctl-z\"]\n", "c").unwrap_err();
    assert_eq!(
        (e.line, e.message.starts_with("bad key `Ctl-z`")),
        (3, true)
    );
    let e = Keymap::with_overrides("[keys]\nundo = [\"u\"\n", "c").unwrap_err();
    assert!(e.line >= 2, "{e}");
}

#[test]
fn key_names_round_trip_through_display() {
    for s in [
        "a", "?", "Ctrl-r", "Alt-x", "F5", "Tab", "Esc", "PageDown", "Space",
    ] {
        let k = KeySpec::parse(s).unwrap();
        assert_eq!(
            KeySpec::parse(&k.display().replace('←', "Left")),
            Some(k),
            "{s}"
        );
    }
    assert_eq!(KeySpec::parse("F13"), None);
    assert_eq!(KeySpec::parse("Ctrl-"), None);
}
