//! The add dialog: a fuzzy search with per-serving nutrients and sources, then the log form.

use super::popup;
use super::theme::THEME;
use crate::app::dialog::LOG_FIELDS;
use crate::app::{AddDialog, App, LogForm, TextInput};
use crate::domain::nutrient::fmt_amount;
use crate::domain::{Item, Shown};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Row, Table, TableState, Wrap};

pub fn render(app: &App, a: &AddDialog, frame: &mut Frame) {
    let area = frame.area();
    let title = format!("Add to {}", super::date_label(app.date, app.today));
    let inner = popup(
        frame,
        area.width.saturating_sub(4).max(60),
        area.height.saturating_sub(2),
        &title,
    );
    match &a.form {
        None => render_search(a, frame, inner),
        Some(f) => render_form(f, frame, inner),
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
    frame.render_widget(Paragraph::new(input.value().to_string()).style(style), r);
    if focused {
        let before: String = input.value().chars().take(input.cursor).collect();
        let x =
            r.x + (ratatui::text::Line::raw(before).width() as u16).min(r.width.saturating_sub(1));
        frame.set_cursor_position(Position::new(x, r.y));
    }
}

fn amount(item: &Item, s: Shown) -> String {
    let t = item.nutrients.shown(s);
    if t.is_empty() && t.unknown > 0 {
        "?".into()
    } else {
        t.display()
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
    frame.render_widget(Paragraph::new(msg).style(THEME.dim), hint);
    if a.results.is_empty() {
        let none = if a.query.value().is_empty() {
            "Type a few letters of a food, supplement or medication: milk, natto, d3…"
        } else {
            "No match. Try fewer letters, or add your own item with `intake item add`."
        };
        frame.render_widget(Paragraph::new(none).style(THEME.dim), results);
        return;
    }
    let wide = area.width >= 100;
    let rows = a.results.iter().map(|it| {
        let mut cells = vec![Line::raw(it.name.clone()), Line::raw(serving(it))];
        cells.extend(
            Shown::HEADLINE
                .iter()
                .map(|s| Line::raw(amount(it, *s)).right_aligned()),
        );
        cells.push(Line::styled(it.source.clone(), THEME.dim));
        Row::new(cells)
    });
    let name_w = if wide { 34 } else { 22 };
    let widths: Vec<Constraint> = [Constraint::Length(name_w), Constraint::Length(10)]
        .into_iter()
        .chain(Shown::HEADLINE.map(|_| Constraint::Length(7)))
        .chain([Constraint::Fill(1)])
        .collect();
    let header = ["Item", "Serving"]
        .map(String::from)
        .into_iter()
        .chain(Shown::HEADLINE.map(Shown::heading))
        .chain(["Source".to_string()]);
    let header = Row::new(header).style(THEME.dim);
    let table = Table::new(rows, widths)
        .header(header)
        .row_highlight_style(THEME.selected);
    let mut state = TableState::default().with_selected(Some(a.selected));
    frame.render_stateful_widget(table, results, &mut state);
}

/// "calcium 300 mg · vitamin D ? IU · K2 5 mcg": the headline amounts of one serving.
fn per_serving(it: &Item) -> String {
    let part = |s: Shown| format!("{} {} {}", s.info().prose, amount(it, s), s.unit());
    Shown::HEADLINE.map(part).join(" · ")
}

fn serving(it: &Item) -> String {
    format!("{} {}", fmt_amount(it.serving.amount), it.serving.unit)
}

fn render_form(f: &LogForm, frame: &mut Frame, area: Rect) {
    let it = &f.item;
    let mut lines = vec![
        Line::from(vec![
            Span::styled(it.name.clone(), THEME.title),
            Span::styled(format!("  ({})", it.kind.as_str()), THEME.dim),
        ]),
        Line::raw(format!("per {}: {}", serving(it), per_serving(it))),
        Line::styled(format!("source: {}", it.source), THEME.dim),
        Line::styled(
            format!("units: {}", it.accepted_units().join(", ")),
            THEME.dim,
        ),
    ];
    if let Some(e) = &f.error {
        lines.push(Line::styled(e.clone(), THEME.error));
    }
    let info_h = lines.len() as u16 + 1;
    let [info, fields, hint] = Layout::vertical([
        Constraint::Length(info_h),
        Constraint::Length(3),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), info);
    form_fields(frame, fields, &LOG_FIELDS, &f.fields, f.field);
    let msg = "Enter log · Tab/↑↓ next field · Esc back to search";
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
