//! The suggestions panel (`f` on the day view): for each headline nutrient below its band, the
//! foods whose usual serving closes most of the gap, with their figures and source.

use super::add::fit_words;
use super::popup;
use super::theme::THEME;
use crate::domain::nutrient::fmt_amount;
use crate::domain::suggest::Suggestions;
use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn render(list: Option<&[Suggestions]>, frame: &mut Frame) {
    let w = frame.area().width.min(100);
    let lines = lines(list, w.saturating_sub(2) as usize);
    let inner = popup(
        frame,
        w,
        lines.len() as u16 + 2,
        "What would close the gaps · Esc close",
    );
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The panel's lines, each cut to `width`.
pub fn lines(list: Option<&[Suggestions]>, width: usize) -> Vec<Line<'static>> {
    let Some(list) = list else {
        return vec![Line::styled("Looking through the foods…", THEME.dim)];
    };
    if list.is_empty() {
        return vec![Line::raw(
            "No gap to close: calcium, vitamin D and K2 are within their bands or above (or have none).",
        )];
    }
    let mut out = Vec::new();
    for s in list {
        let g = &s.gap;
        let unit = g.shown.unit();
        out.push(Line::styled(
            fit_words(
                &format!(
                    "{}: {} {unit} to go",
                    g.shown.label(),
                    fmt_amount(g.missing)
                ),
                width,
            ),
            THEME.title,
        ));
        if s.items.is_empty() {
            out.push(Line::styled(
                "  no usual serving closes a quarter of it",
                THEME.dim,
            ));
        }
        for it in &s.items {
            let text = format!(
                "  {} · {}: {} {unit}, {} % · {}",
                it.name,
                it.serving,
                it.amount.display(),
                it.closes,
                it.source
            );
            out.push(Line::raw(fit_words(&text, width)));
        }
        for l in &s.left_out {
            out.push(Line::styled(fit_words(&format!("  {l}"), width), THEME.dim));
        }
    }
    out
}
