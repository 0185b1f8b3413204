//! Help: every command of the keymap with its keys and description (so it cannot drift).

use super::popup;
use super::theme::THEME;
use crate::app::App;
use crate::app::keymap::COMMANDS;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// What the symbols of the views mean (told by glyph, so readable without colour).
pub const LEGEND: [&str; 5] = [
    "Symbols: ? unknown · ≥ at least (some values unknown) · · none",
    "in it, where 0 is a known zero · █ food ▓ supplements ╌ range",
    "░ target band │ limit ┊ other limit · ↓ below ✓ within ↑ above",
    "‼ over the limit · beside an entry's time: i info ! caution ‼ alert",
    "Adding: 0° assumed zero (named source), ● every nutrient known",
];

/// The same symbols in one line, for the status line (`?` toggles it; help has them in full).
pub const LEGEND_LINE: &str =
    "? unknown ≥ at least · █ food ▓ supplement ╌ range · ░ band │ limit · ‼ warning";

/// How to rebind, for a user of the binary (who has no assets/ folder): the file, the table, an
/// example, and the key names, which are the ones this list shows.
pub const REBIND: [&str; 3] = [
    "Rebind: in config.toml add a [keys] table, e.g.  add = [\"n\"]",
    "(names as listed above). The file: ~/.config/intake/config.toml on",
    "Linux, the platform config folder elsewhere, or --config PATH.",
];

/// The keys table: (keys, description) for every command, then the keys inside dialogs.
pub fn rows(app: &App) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = COMMANDS
        .iter()
        .map(|c| (app.keymap.keys_label(c.command), c.description.to_string()))
        .collect();
    let fixed = [
        ("Enter", "in a dialog: pick, log or save"),
        ("Enter", "in the week view: open the highlighted day"),
        ("Tab/↑/↓", "in a form: next/previous field"),
        ("Esc", "in a dialog: back out"),
        ("Ctrl-u", "in a field: clear it"),
        ("Ctrl-c", "quit from anywhere"),
    ];
    out.extend(fixed.iter().map(|(k, d)| (k.to_string(), d.to_string())));
    out
}

pub fn render(app: &App, scroll: u16, frame: &mut Frame) {
    let rows = rows(app);
    let inner = popup(
        frame,
        70,
        (rows.len() + LEGEND.len() + REBIND.len()) as u16 + 3,
        "Keys · ↑↓ scroll · Esc close",
    );
    let mut lines: Vec<Line> = rows
        .into_iter()
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(format!("{k:>14}  "), THEME.key),
                Span::raw(d),
            ])
        })
        .collect();
    lines.extend(LEGEND.iter().map(|l| Line::raw(*l)));
    lines.extend(REBIND.iter().map(|l| Line::styled(*l, THEME.dim)));
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

#[cfg(test)]
mod tests {
    use super::LEGEND;
    use crate::ui::add::{ALL_KNOWN, ASSUMED};

    #[test]
    fn the_legend_explains_the_add_dialogs_marks() {
        let legend = LEGEND.join(" ");
        assert!(
            legend.contains(&format!("0{ASSUMED} assumed zero")),
            "{legend}"
        );
        assert!(
            legend.contains(&format!("{ALL_KNOWN} every nutrient known")),
            "{legend}"
        );
    }
}
