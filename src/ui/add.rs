//! The add dialog: a fuzzy search with per-serving nutrients and sources, then the log form.

use super::popup;
use super::theme::THEME;
use crate::app::dialog::{LOG_FIELDS, MAX_QUERY};
use crate::app::{AddDialog, App, LogForm, TextInput};
use crate::domain::nutrient::fmt_amount;
use crate::domain::{Item, Nutrient, Shown, Total};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, TableState, Wrap};

pub fn render(app: &App, a: &AddDialog, frame: &mut Frame) {
    let area = frame.area();
    let day = super::date_label(app.date, app.today);
    // Opened on a recipe just saved: the dialog covers the status line that says so.
    let title = match (&a.form, a.back_closes) {
        (Some(f), true) => format!("Saved recipe {}: add to {day}", f.item.name),
        _ => format!("Add to {day}"),
    };
    let inner = popup(
        frame,
        area.width.saturating_sub(4).max(60),
        area.height.saturating_sub(2),
        &title,
    );
    match &a.form {
        None => render_search(a, frame, inner),
        Some(f) => render_form(f, a.back_closes, frame, inner),
    }
}

/// One labelled text field; puts the cursor in it when focused.
pub fn field(frame: &mut Frame, area: Rect, label: &str, input: &TextInput, focused: bool) {
    let label_w = 11u16.min(area.width);
    frame.render_widget(
        Paragraph::new(format!("{label}:")).style(THEME.dim),
        Rect {
            width: label_w,
            ..area
        },
    );
    let r = Rect {
        x: area.x + label_w,
        width: area.width.saturating_sub(label_w),
        ..area
    };
    let style = match (focused, input.selected) {
        // Selected text shows reversed (readable without colour): typing replaces it.
        (true, true) => THEME.focus.add_modifier(ratatui::style::Modifier::REVERSED),
        (true, false) => THEME.focus,
        (false, _) => THEME.field,
    };
    // Longer than the field (a pasted note): its start, and `…` where it is cut.
    let width = usize::from(r.width);
    let shown = match input.value().chars().count() > width {
        true => input
            .value()
            .chars()
            .take(width.saturating_sub(1))
            .chain(['…'])
            .collect(),
        false => input.value().to_string(),
    };
    frame.render_widget(Paragraph::new(shown).style(style), r);
    if focused {
        let before: String = input.value().chars().take(input.cursor).collect();
        let x =
            r.x + (ratatui::text::Line::raw(before).width() as u16).min(r.width.saturating_sub(1));
        frame.set_cursor_position(Position::new(x, r.y));
    }
}

/// A total per serving as people read it; an assumed zero (USDA's "assumed zero", or no
/// menaquinones in an unfermented plant) is marked `°`, kept apart from a measured 0.
pub fn amount(item: &Item, s: Shown) -> String {
    marked(&item.nutrients.shown(s), item.assumed.any_of(s))
}

/// A total as [`amount`] shows it, `°` after a zero that rests on an assumption.
pub(super) fn marked(t: &Total, assumed: bool) -> String {
    if assumed && t.has_value() && !t.is_lower_bound() && t.hi.to_f64() == 0.0 {
        format!("{}{ASSUMED}", t.display())
    } else {
        t.display()
    }
}

/// The mark of an assumed zero in an amount cell.
pub(super) const ASSUMED: char = '°';
/// The mark of an item whose every nutrient is known (no `?` and no `≥` in its totals).
pub(super) const ALL_KNOWN: &str = "●";

fn all_known(item: &Item) -> bool {
    Nutrient::ALL
        .iter()
        .all(|&n| !item.nutrients.get(n).is_unknown())
}

/// "✓ all known" or "? not all known", then "° assumed 0: …" when some are: what the marks of
/// the selected row mean.
fn completeness(item: &Item) -> String {
    let known = if all_known(item) {
        format!("{ALL_KNOWN} all known")
    } else {
        "? not all known".to_string()
    };
    match item.assumed.summary() {
        Some(a) => format!("{known} · {ASSUMED} {a}"),
        None => known,
    }
}

fn render_search(a: &AddDialog, frame: &mut Frame, area: Rect) {
    let [input, hint, results] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    field(frame, input, "Search", &a.query, true);
    let msg = if a.query.value().is_empty() && !a.results.is_empty() {
        "recently logged · type to search · ↑↓ choose · Enter pick · Esc close"
    } else {
        "type to search · ↑↓ choose · Enter pick · Esc close · amounts per serving"
    };
    let hint_line = if a.too_long {
        let msg = format!("search takes at most {MAX_QUERY} characters: the rest was left out");
        Paragraph::new(msg).style(THEME.error)
    } else {
        Paragraph::new(msg).style(THEME.dim)
    };
    frame.render_widget(hint_line, hint);
    if a.results.is_empty() {
        let none = if a.query.value().is_empty() {
            "Type a few letters of a food, supplement or medication: milk, natto, d3…"
        } else {
            "No match. Try fewer letters, or add your own item with `intake item add`."
        };
        frame.render_widget(Paragraph::new(none).style(THEME.dim), results);
        return;
    }
    let [list, detail] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(2)]).areas(results);
    render_results(&a.results, a.selected, frame, list);
    if let Some(it) = a.results.get(a.selected) {
        let lines = vec![
            Line::raw(format!(
                "{} — per {} · {}",
                it.name,
                serving(it),
                completeness(it)
            )),
            Line::styled(format!("source: {}", it.source), THEME.dim),
        ];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), detail);
    }
}

/// The nutrient columns of the search list: the headline ones, then K1 and magnesium.
const COLUMNS: [Shown; 5] = Shown::SUMMARY;
const SERVING_W: u16 = 12;
const AMOUNT_W: u16 = 7;
/// The "all known" mark's column.
const MARK_W: u16 = 1;
/// From this width on, a shortened source column; the detail line always has the whole source.
const SOURCE_FROM: u16 = 110;
const SOURCE_W: u16 = 20;

/// The results laid out for the width: the name first and whole where it fits (cut at a word
/// with `…` where not: the detail line below has it whole), serving, every nutrient column.
/// The recipe dialog's search lists its foods the same way.
pub fn render_results(results: &[Item], selected: usize, frame: &mut Frame, area: Rect) {
    let with_source = area.width >= SOURCE_FROM;
    let n_cols = COLUMNS.len() as u16 + 3 + u16::from(with_source);
    let fixed = SERVING_W
        + MARK_W
        + AMOUNT_W * COLUMNS.len() as u16
        + if with_source { SOURCE_W } else { 0 }
        + (n_cols - 1);
    let name_w = area.width.saturating_sub(fixed).max(12);
    let rows = results.iter().map(|it| {
        let mut cells = vec![
            Line::raw(fit_words(&it.name, usize::from(name_w))),
            Line::raw(fit_words(&serving(it), usize::from(SERVING_W))),
        ];
        cells.extend(
            COLUMNS
                .iter()
                .map(|s| Line::raw(amount(it, *s)).right_aligned()),
        );
        cells.push(Line::raw(if all_known(it) { ALL_KNOWN } else { "" }));
        if with_source {
            let short = fit_words(short_source(&it.source), usize::from(SOURCE_W));
            cells.push(Line::styled(short, THEME.dim));
        }
        Row::new(cells)
    });
    let mut widths = vec![Constraint::Length(name_w), Constraint::Length(SERVING_W)];
    widths.extend(COLUMNS.map(|_| Constraint::Length(AMOUNT_W)));
    widths.push(Constraint::Length(MARK_W));
    let mut header: Vec<Line> = vec![Line::raw("Item"), Line::raw("Serving")];
    header.extend(COLUMNS.map(|s| Line::raw(s.heading()).right_aligned()));
    header.push(Line::raw(""));
    if with_source {
        widths.push(Constraint::Length(SOURCE_W));
        header.push(Line::raw("Source"));
    }
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(THEME.dim))
        .row_highlight_style(THEME.selected);
    let mut state = TableState::default().with_selected(Some(selected));
    frame.render_stateful_widget(table, area, &mut state);
}

/// The source up to its first `;` or `,` ("USDA SR28/SR Legacy", "seed 001").
fn short_source(source: &str) -> &str {
    source.split([';', ',']).next().unwrap_or(source).trim()
}

/// `text` if it fits in `width` characters, else as many whole words as fit followed by `…`
/// (never a word cut in the middle, unless the first word alone is too long).
pub fn fit_words(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let room = width.saturating_sub(1);
    let mut out = String::new();
    for word in text.split(' ') {
        let next = if out.is_empty() {
            word.chars().count()
        } else {
            out.chars().count() + 1 + word.chars().count()
        };
        if next > room {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(room).collect();
    }
    let out = out.trim_end_matches([',', ' ']);
    format!("{out}…")
}

/// "calcium 300 mg · vitamin D ? IU · K2 5 mcg": the headline amounts of one serving.
pub fn per_serving(it: &Item) -> String {
    let part = |s: Shown| format!("{} {} {}", s.info().prose, amount(it, s), s.unit());
    Shown::HEADLINE.map(part).join(" · ")
}

pub fn serving(it: &Item) -> String {
    format!("{} {}", fmt_amount(it.serving.amount), it.serving.unit)
}

/// How many rows `line` takes wrapped at `width` (about: wrapping breaks at words).
fn wrapped_height(line: &Line, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    line.width().div_ceil(width).max(1) as u16
}

/// The log form; `back_closes` when Esc closes the dialog (it opened on one item) rather than
/// going back to the search.
fn render_form(f: &LogForm, back_closes: bool, frame: &mut Frame, area: Rect) {
    let it = &f.item;
    let lines = vec![
        Line::from(vec![
            Span::styled(it.name.clone(), THEME.title),
            Span::styled(format!("  ({})", it.kind.as_str()), THEME.dim),
        ]),
        Line::raw(format!("per {}: {}", serving(it), per_serving(it))),
        Line::styled(completeness(it), THEME.dim),
        Line::styled(format!("source: {}", it.source), THEME.dim),
        Line::styled(
            format!("units: {}", it.accepted_units().join(", ")),
            THEME.dim,
        ),
    ];
    // Below the fields, so that a long source line cannot push it out of sight.
    let error = f
        .error
        .as_ref()
        .map(|e| Line::styled(e.clone(), THEME.error));
    let error_h = error.as_ref().map_or(0, |e| wrapped_height(e, area.width));
    let info_h = lines
        .iter()
        .map(|l| wrapped_height(l, area.width))
        .sum::<u16>()
        + 1;
    let [info, fields, err, hint] = Layout::vertical([
        Constraint::Length(info_h),
        Constraint::Length(3),
        Constraint::Length(error_h),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), info);
    form_fields(frame, fields, &LOG_FIELDS, &f.fields, f.field);
    if let Some(e) = error {
        frame.render_widget(Paragraph::new(e).wrap(Wrap { trim: true }), err);
    }
    let msg = match back_closes {
        true => "Enter log · Tab/↑↓ next field · Esc close, logging nothing",
        false => "Enter log · Tab/↑↓ next field · Esc back to search",
    };
    frame.render_widget(Paragraph::new(msg).style(THEME.dim), hint);
}

/// Draws labelled fields one per line.
pub fn form_fields(
    frame: &mut Frame,
    area: Rect,
    labels: &[&str],
    fields: &[TextInput],
    focus: usize,
) {
    for (i, (label, input)) in labels.iter().zip(fields).enumerate() {
        let y = area.y + i as u16;
        if y >= area.y + area.height {
            break;
        }
        let w = area.width.min(50);
        field(
            frame,
            Rect {
                y,
                height: 1,
                width: w,
                ..area
            },
            label,
            input,
            i == focus,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn assumed_zeros_and_complete_items_are_marked() {
        let c = Catalog::builtin();
        // Boiled kale: USDA's assumed zero vitamin D, and no menaquinones in a plant (ODS).
        let kale = c.get("usda-11234").unwrap();
        assert_eq!(amount(kale, Shown::VitaminD), "0°");
        assert_eq!(amount(kale, Shown::VitaminK2), "0°");
        assert!(all_known(kale));
        assert_eq!(
            completeness(kale),
            "● all known · ° assumed 0: D (USDA); K2 (plant, not fermented: ODS)"
        );
        // Cheddar's MK-4 was measured; its other menaquinones are unknown: no mark, not all known.
        let cheddar = c.get("usda-01009").unwrap();
        assert!(amount(cheddar, Shown::VitaminK2).starts_with('≥'));
        assert_eq!(completeness(cheddar), "? not all known");
        // A supplement's zeros are the label's, not assumed.
        let d3 = c.get("d3").unwrap();
        assert_eq!(amount(d3, Shown::Calcium), "0");
        assert_eq!(completeness(d3), "● all known");
    }

    #[test]
    fn names_are_cut_at_a_word_with_an_ellipsis() {
        assert_eq!(fit_words("Kale, raw", 20), "Kale, raw");
        assert_eq!(
            fit_words("Kale, cooked, boiled, drained, without salt", 24),
            "Kale, cooked, boiled…"
        );
        assert_eq!(fit_words("1 container (200 g)", 12), "1 container…");
        assert_eq!(fit_words("Supercalifragilistic", 8), "Superca…");
        assert_eq!(
            short_source("USDA SR28/SR Legacy, NDB 11233"),
            "USDA SR28/SR Legacy"
        );
        assert_eq!(short_source("seed 001; ODS"), "seed 001");
    }
}
