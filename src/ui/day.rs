//! The day view: gap bars, the day's entries, its warnings.

use super::gap_bar::GapBar;
use super::target_of;
use super::theme::THEME;
use crate::app::{App, DayData};
use crate::domain::profile::Counts;
use crate::domain::warnings::Warning;
use crate::domain::{Entry, Shown, Target, Total};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Row, Table, TableState, Wrap};

/// Wide terminals put the entries beside the bars and warnings.
const WIDE: u16 = 120;

/// How many bars the day view draws: one per shown total with a bar.
const BARS: usize = Shown::ALL.len();

/// One line per bar under the section's rule.
const BARS_HEIGHT: u16 = BARS as u16 + 1;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let day = app.day.as_ref().filter(|d| d.date == app.date);
    if area.width >= WIDE && area.height >= 20 {
        let [bars, rest] =
            Layout::vertical([Constraint::Length(BARS_HEIGHT), Constraint::Min(0)]).areas(area);
        let [entries, warnings] =
            Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
                .areas(rest);
        render_bars(day, frame, bars);
        render_entries(app, day, frame, entries);
        render_warnings(
            app,
            day,
            frame,
            Rect {
                x: warnings.x + 1,
                width: warnings.width.saturating_sub(1),
                ..warnings
            },
        );
        return;
    }
    let warn_h = warnings_height(day, area);
    let [bars, entries, warnings] = Layout::vertical([
        Constraint::Length(BARS_HEIGHT),
        Constraint::Min(4),
        Constraint::Length(warn_h),
    ])
    .areas(area);
    render_bars(day, frame, bars);
    render_entries(app, day, frame, entries);
    render_warnings(app, day, frame, warnings);
}

/// Room for the warnings as wrapped, at most a third of the view (the panel scrolls no further).
fn warnings_height(day: Option<&DayData>, area: Rect) -> u16 {
    let w = usize::from(area.width.max(20));
    let lines: usize = day.map_or(0, |d| d.warnings.iter().map(|x| warning_lines(x, w)).sum());
    (lines.max(1) as u16 + 1).min((area.height / 3).max(2))
}

fn section(title: String) -> Block<'static> {
    Block::new()
        .borders(Borders::TOP)
        .border_style(THEME.dim)
        .title(Span::styled(title, THEME.title))
}

/// One gap bar per shown nutrient; the ones not in the headline are smaller.
pub fn render_bars(day: Option<&DayData>, frame: &mut Frame, area: Rect) {
    let title = day.map_or(String::new(), |d| limit_names(&d.targets));
    let block = section(format!(" Gaps: total vs target band ░ and limit │{title} "));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(day) = day else {
        frame.render_widget(Paragraph::new("Loading…").style(THEME.dim), inner);
        return;
    };
    for (i, s) in bar_nutrients(&day.targets).iter().enumerate() {
        let y = inner.y + i as u16;
        if y >= inner.y + inner.height {
            break;
        }
        let target = target_of(&day.targets, *s);
        let part = s.info().part.map(|n| (n.short(), day.totals.get(n)));
        let bar = GapBar {
            label: s.label(),
            unit: s.unit(),
            total: day.totals.shown(*s),
            supplements: day.totals.shown_supplements(*s),
            target: &target,
            part,
            compact: !s.is_headline(),
        };
        frame.render_widget(
            &bar,
            Rect {
                y,
                height: 1,
                ..inner
            },
        );
    }
}

/// " official UL, other limit ┊ seed max": the names of the limits the bars draw (│ the limit in
/// force, ┊ the others), so each mark is named.
fn limit_names(targets: &[Target]) -> String {
    let mut main: Vec<&str> = Vec::new();
    let mut other: Vec<&str> = Vec::new();
    for t in targets {
        if let Some(l) = t.limit() {
            push_new(&mut main, &l.name);
        }
        for l in t.other_limits().filter(|l| l.counts == Counts::All) {
            push_new(&mut other, &l.name);
        }
    }
    let mut out = String::new();
    if !main.is_empty() {
        out.push_str(&format!(" {}", main.join(", ")));
    }
    if !other.is_empty() {
        out.push_str(&format!(", other limit ┊ {}", other.join(", ")));
    }
    out
}

fn push_new<'a>(names: &mut Vec<&'a str>, name: &'a str) {
    if !names.contains(&name) {
        names.push(name);
    }
}

/// The nutrients with a bar: the headline ones, with total vitamin K in K1's place when the
/// profile's set has a figure for the total (the official AI is of K1 + K2, not of K1 alone).
fn bar_nutrients(targets: &[Target]) -> [Shown; BARS] {
    let k_total = target_of(targets, Shown::VitaminK).has_target();
    Shown::ALL.map(|s| match s {
        Shown::VitaminK1 if k_total => Shown::VitaminK,
        s => s,
    })
}

/// A cell for one entry's nutrient: the amount, or `?` when unknown.
pub(super) fn cell(t: Total) -> Span<'static> {
    if t.is_unknown() {
        Span::styled("?", THEME.unknown)
    } else if t.hi.0 == 0 {
        Span::styled("·", THEME.dim)
    } else {
        Span::raw(t.display())
    }
}

/// The time, with `!` in the colour of the loudest warning that names the entry.
fn time_cell(e: &Entry, warnings: &[Warning]) -> Line<'static> {
    let loudest = warnings
        .iter()
        .filter(|w| w.entries.contains(&e.id))
        .map(|w| w.severity)
        .max_by_key(|s| *s as u8);
    // The glyph tells the severity apart without colour: i info, ! caution, ‼ alert.
    let mark = match loudest {
        Some(s) => Span::styled(severity_mark(s), THEME.severity(s)),
        None => Span::raw(" "),
    };
    Line::from(vec![Span::raw(e.time_display()), mark])
}

/// An entry's row with the columns that fit (see [`super::day_columns::Columns`]).
fn entry_row(e: &Entry, warnings: &[Warning], cols: &super::day_columns::Columns) -> Row<'static> {
    let mut cells = vec![
        time_cell(e, warnings),
        Line::raw(e.item_name.clone()),
        Line::raw(e.amount_display()),
    ];
    cells.extend(
        Shown::HEADLINE[..cols.amounts.len()]
            .iter()
            .map(|s| Line::from(cell(e.nutrients.shown(*s))).right_aligned()),
    );
    if cols.meal {
        cells.push(Line::raw(e.meal.clone().unwrap_or_default()));
    }
    Row::new(cells)
}

fn render_entries(app: &App, day: Option<&DayData>, frame: &mut Frame, area: Rect) {
    let all = day.map_or(0, |d| d.entries.len());
    let entries = app.shown_entries();
    let filter = app.filter.as_ref().map(|f| (f.label(), all));
    let block = section(entries_title(
        entries.len(),
        filter,
        app.selected,
        area.height,
    ));
    if let Some(f) = app
        .filter
        .as_ref()
        .filter(|_| entries.is_empty() && all > 0)
    {
        let text = format!("No entry matches {}. Esc clears the filter.", f.label());
        frame.render_widget(Paragraph::new(text).style(THEME.dim).block(block), area);
        return;
    }
    if entries.is_empty() {
        let add = app.keymap.keys_label(crate::app::Command::Add);
        let text = if day.is_some() {
            format!("Nothing logged. Press {add} to add.")
        } else {
            String::new()
        };
        frame.render_widget(Paragraph::new(text).style(THEME.dim).block(block), area);
        return;
    }
    let cols = super::day_columns::Columns::fit(&entries, area.width);
    let header = ["Time", "Item", "Amount"]
        .map(String::from)
        .into_iter()
        .chain(
            Shown::HEADLINE[..cols.amounts.len()]
                .iter()
                .map(|s| s.heading()),
        )
        .chain(cols.meal.then(|| "Meal".to_string()));
    let header = Row::new(header).style(THEME.dim);
    let warnings = day.map_or(&[][..], |d| d.warnings.as_slice());
    let rows = entries.iter().map(|e| entry_row(e, warnings, &cols));
    let table = Table::new(rows, cols.widths())
        .header(header)
        .block(block)
        .row_highlight_style(THEME.selected);
    let mut state = TableState::default().with_selected(Some(app.selected.min(entries.len() - 1)));
    frame.render_stateful_widget(table, area, &mut state);
}

/// The warnings from the scrolled-to one on; the title says how many are above and whether more
/// are below (a long list never ends silently).
fn render_warnings(app: &App, day: Option<&DayData>, frame: &mut Frame, area: Rect) {
    let warnings = day.map_or(&[][..], |d| d.warnings.as_slice());
    let first = app.warnings_scroll.min(warnings.len().saturating_sub(1));
    let shown = &warnings[first.min(warnings.len())..];
    let width = usize::from(area.width.max(1));
    let below = hidden_below(shown, width, usize::from(area.height.saturating_sub(1)));
    let down = app.keymap.keys_label(crate::app::Command::ScrollDown);
    let up = app.keymap.keys_label(crate::app::Command::ScrollUp);
    let mut title = format!(" Warnings ({}) ", warnings.len());
    if first > 0 {
        title.push_str(&format!("↑ {first} above ({up}) "));
    }
    if below > 0 {
        title.push_str(&format!("▼ {below} more ({down}) "));
    }
    let block = section(title);
    let lines: Vec<Line> = if warnings.is_empty() {
        vec![Line::styled("No warnings for this day.", THEME.dim)]
    } else {
        shown
            .iter()
            .map(|w| {
                Line::from(vec![
                    Span::styled(
                        format!("{:?} ", w.severity).to_lowercase(),
                        THEME.severity(w.severity),
                    ),
                    Span::raw(w.message.clone()),
                    Span::styled(format!(" [{}]", w.source), THEME.dim),
                ])
            })
            .collect()
    };
    frame.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}

/// How many of `warnings` do not fit whole in `rows` lines of `width` (wrapped estimate).
fn hidden_below(warnings: &[Warning], width: usize, rows: usize) -> usize {
    let mut used = 0;
    for (i, w) in warnings.iter().enumerate() {
        used += warning_lines(w, width);
        if used > rows {
            return warnings.len() - i;
        }
    }
    0
}

/// The lines a warning takes wrapped at `width`: severity, message and source.
fn warning_lines(w: &Warning, width: usize) -> usize {
    (w.message.chars().count() + w.source.chars().count() + 12).div_ceil(width.max(1))
}

/// " Entries (8) " and, when they do not all fit, which rows show and that more are above or
/// below (the table scrolls to keep the selected entry in view: ↑/↓ reach every row).
/// " Entries (8) ", with the rows shown when they do not all fit, and the filter with how many of
/// the day's entries match it (`(3 of 8) /milk`).
fn entries_title(
    n: usize,
    filter: Option<(String, usize)>,
    selected: usize,
    height: u16,
) -> String {
    let count = match &filter {
        Some((label, all)) => format!("({n} of {all}) {label}"),
        None => format!("({n})"),
    };
    let rows = usize::from(height.saturating_sub(2)).max(1); // the top rule and the header
    if n <= rows {
        return format!(" Entries {count} ");
    }
    let first = (selected.min(n - 1) + 1).saturating_sub(rows);
    let last = first + rows;
    let above = if first > 0 { "▲ " } else { "" };
    let below = if last < n { " ▼ more" } else { "" };
    format!(
        " Entries {count} {above}{}–{last} of {n}{below} ",
        first + 1
    )
}

/// The one-cell mark of a warning's severity beside an entry's time.
pub fn severity_mark(s: crate::domain::warnings::Severity) -> &'static str {
    use crate::domain::warnings::Severity;
    match s {
        Severity::Info => "i",
        Severity::Caution => "!",
        Severity::Alert => "‼",
    }
}
