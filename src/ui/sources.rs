//! The sources panel (`o` on the day view): the entries that gave one headline nutrient, largest
//! first, with their share of the known total and the food / supplement split.

use super::add::fit_words;
use super::popup;
use super::theme::THEME;
use crate::app::App;
use crate::domain::sources::{self, Sources};
use crate::domain::{Kind, Shown, Total};
use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn render(app: &App, nutrient: Shown, frame: &mut Frame) {
    let entries = app.day.as_ref().map_or(&[][..], |d| &d.entries[..]);
    let s = sources::of(entries, nutrient, false);
    let lines = lines(app, &s);
    let title = format!(
        "Sources of {} · Tab next nutrient · Esc close",
        nutrient.info().prose
    );
    let inner = popup(frame, 76, lines.len() as u16 + 2, &title);
    frame.render_widget(Paragraph::new(lines), inner);
}

fn amount(t: &Total, unit: &str) -> String {
    format!("{} {unit}", t.display())
}

/// The panel's lines: the total, one per source, the split, what is not known.
pub fn lines(app: &App, s: &Sources) -> Vec<Line<'static>> {
    let mut out = vec![match s.total.has_value() {
        true => Line::raw(format!("Known total {}", amount(&s.total, s.unit))),
        false => Line::styled("No entry of this day gives a known amount.", THEME.unknown),
    }];
    let entries = app.day.as_ref().map_or(&[][..], |d| &d.entries[..]);
    for r in &s.rows {
        let time = entries
            .iter()
            .find(|e| e.id == r.entries[0])
            .map_or_else(String::new, |e| e.time_display());
        let kind = if r.kind == Kind::Food {
            "food"
        } else {
            r.kind.as_str()
        };
        out.push(Line::raw(format!(
            "{time:>5} {:<34} {:>13} {:>4} % {kind}",
            fit_words(&r.item_name, 34),
            amount(&r.amount, s.unit),
            r.share
        )));
    }
    if s.total.has_value() {
        out.push(Line::styled(
            format!(
                "food {} ({} %) · supplements and medicines {} ({} %)",
                amount(&s.food.0, s.unit),
                s.food.1,
                amount(&s.supplements.0, s.unit),
                s.supplements.1
            ),
            THEME.dim,
        ));
    }
    if !s.unknown.is_empty() {
        out.push(Line::styled(
            format!(
                "not known (total is at least this): {}",
                s.unknown.join(", ")
            ),
            THEME.unknown,
        ));
    }
    out
}
