//! Help: every command of the keymap with its keys and description (so it cannot drift).

use super::popup;
use super::theme::THEME;
use crate::app::App;
use crate::app::keymap::COMMANDS;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The keys table: (keys, description) for every command, then the keys inside dialogs.
pub fn rows(app: &App) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = COMMANDS
        .iter()
        .map(|c| (app.keymap.keys_label(c.command), c.description.to_string()))
        .collect();
    let fixed = [
        ("Enter", "in a dialog: pick, log or save"),
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
        rows.len() as u16 + 4,
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
    lines.push(Line::styled(
        "Rebind keys in config.toml under [keys] (see assets/keymap.toml).",
        THEME.dim,
    ));
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
