//! Lists that do not fit say so and scroll: the day's warnings (PageDown/J, PageUp/K) and its
//! entries (the selection scrolls them), at 80x24 and 120x40.

mod tui_fixture;

use intake::app::{Action, App, update};
use intake::domain::warnings::{Severity, Warning};
use ratatui::crossterm::event::KeyCode;
use tui_fixture::driver::{app, day, key, screen, stored};
use tui_fixture::{date, entry, milk};

/// A day with eight entries and eight warnings of each severity.
fn long_day() -> App {
    let mut a = app();
    let entries: Vec<_> = (0..8)
        .map(|i| {
            stored(
                entry(&milk(), "1 cup", date(21), (7 + i, 0), None),
                i64::from(i) + 1,
            )
        })
        .collect();
    let mut d = day(entries);
    let severities = [Severity::Info, Severity::Caution, Severity::Alert];
    d.warnings = (0..8)
        .map(|i| Warning {
            rule: "test-rule",
            severity: severities[i % 3],
            message: format!("warning number {} about the milk at {:02}:00", i + 1, 7 + i),
            source: "intake's threshold",
            date: date(21),
            entries: vec![i as i64 + 1],
        })
        .collect();
    update(&mut a, Action::DayLoaded(d));
    a
}

fn line_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle}:\n{screen}"))
}

#[test]
fn a_long_warnings_list_says_more_and_scrolls() {
    let mut a = long_day();
    let s = screen(&a, 80, 24);
    let title = line_with(&s, "Warnings (8)");
    assert!(
        title.contains("▼") && title.contains("more (PageDown/J)"),
        "{s}"
    );
    assert!(s.contains("warning number 1 "), "{s}");
    for _ in 0..3 {
        key(&mut a, KeyCode::Char('J'));
    }
    let s = screen(&a, 80, 24);
    assert!(line_with(&s, "Warnings (8)").contains("↑ 3 above"), "{s}");
    assert!(
        !s.contains("warning number 3 ") && s.contains("warning number 4 "),
        "{s}"
    );
    // Scrolling stops at the last warning; PageUp goes back.
    for _ in 0..20 {
        key(&mut a, KeyCode::PageDown);
    }
    let s = screen(&a, 80, 24);
    assert!(
        s.contains("warning number 8 ") && !line_with(&s, "Warnings").contains("▼"),
        "{s}"
    );
    key(&mut a, KeyCode::PageUp);
    assert_eq!(a.warnings_scroll, 6);
    insta::assert_snapshot!("long_day_scrolled_80x24", screen(&a, 80, 24));
}

#[test]
fn entries_that_do_not_fit_say_which_rows_show() {
    let mut a = long_day();
    let s = screen(&a, 80, 24);
    let title = line_with(&s, "Entries (8)");
    assert!(title.contains("1–") && title.contains("of 8 ▼ more"), "{s}");
    for _ in 0..7 {
        key(&mut a, KeyCode::Down);
    }
    let s = screen(&a, 80, 24);
    let title = line_with(&s, "Entries (8)");
    assert!(title.contains("▲") && title.contains("–8 of 8"), "{s}");
    assert!(s.contains("14:00"), "the last entry is in view: {s}");
    insta::assert_snapshot!("long_day_80x24", screen(&long_day(), 80, 24));
    insta::assert_snapshot!("long_day_120x40", screen(&long_day(), 120, 40));
}

/// The text of the screen is what a terminal without colour shows (NO_COLOR drops colours only):
/// bands, limits, standing and severities must all be there as glyphs.
#[test]
fn without_colour_the_screen_still_tells_standing_and_severity() {
    let a = long_day();
    let s = screen(&a, 120, 40);
    for mark in ["07:00i", "08:00!", "09:00‼"] {
        assert!(s.contains(mark), "{mark}: {s}");
    }
    for word in ["info warning", "caution warning", "alert warning"] {
        assert!(s.contains(word), "{word}: {s}");
    }
    let mut a = app();
    key(&mut a, KeyCode::F(1));
    // Help lists every key first; the symbols follow (↑↓ scroll to them in a shorter terminal).
    let help = screen(&a, 120, 50);
    assert!(
        help.contains("↓ below ✓ within ↑ above") && help.contains("‼ over"),
        "{help}"
    );
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Char('?'));
    let line = screen(&a, 80, 24);
    for glyph in ["? unknown", "≥ at least", "░ band", "│ limit", "‼ warning"] {
        assert!(line.contains(glyph), "{glyph}: {line}");
    }
}
