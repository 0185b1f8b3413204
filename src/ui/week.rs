//! The week view: seven days x nutrients with % of target, and a bar chart per nutrient.

use super::target_of;
use super::theme::THEME;
use crate::app::{App, DaySummary, SpanData};
use crate::domain::nutrient::fmt_amount;
use crate::domain::{Shown, Target};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Paragraph, Row, Table};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(week) = app
        .week
        .as_ref()
        .filter(|w| (w.from..=w.to).contains(&app.date))
    else {
        frame.render_widget(Paragraph::new(" Loading…").style(THEME.dim), area);
        return;
    };
    let [table, charts] =
        Layout::vertical([Constraint::Length(10), Constraint::Min(0)]).areas(area);
    render_table(app, week, frame, table);
    let shown: &[Shown] = if area.width >= 120 {
        &Shown::ALL
    } else {
        &Shown::HEADLINE
    };
    let cols = Layout::horizontal(shown.iter().map(|_| Constraint::Fill(1))).split(charts);
    for (s, col) in shown.iter().zip(cols.iter()) {
        render_chart(week, *s, frame, *col);
    }
}

/// "≥ 640 64%", or "—" for a day with no entries (empty, not zero).
pub fn amount_cell(d: &DaySummary, s: Shown, t: &Target) -> Span<'static> {
    if d.is_empty() {
        return Span::styled("—", THEME.empty_day);
    }
    let total = d.totals.shown(s);
    if !total.has_value() {
        return Span::styled("?", THEME.unknown);
    }
    let pct = (t.pct_label(&total)).map_or(String::new(), |p| format!(" {}", p.replace(' ', "")));
    let lb = if total.is_lower_bound() { "≥" } else { "" };
    let standing = t.standing_of(&total);
    let mark = standing
        .map_or("", super::gap_bar::standing_mark)
        .trim_start();
    // Whole numbers: the cell is narrow and the ≥ marks must fit.
    let text = format!("{lb}{}{pct}{mark}", fmt_amount(total.mid().round()));
    Span::styled(text, THEME.standing_of(standing))
}

fn render_table(app: &App, week: &SpanData, frame: &mut Frame, area: Rect) {
    let targets: Vec<Target> = Shown::ALL
        .iter()
        .map(|s| target_of(&week.targets, *s))
        .collect();
    // A narrow terminal drops nutrients from the right rather than cut a figure (issue 14.15).
    let shown = &Shown::ALL[..nutrients_that_fit(week, &targets, area.width)];
    // Numbers and their headers right-aligned, so each header sits over its figures.
    let head = std::iter::once(Line::raw("Day"))
        .chain(std::iter::once(Line::raw("n").right_aligned()))
        .chain(shown.iter().map(|s| Line::raw(s.heading()).right_aligned()))
        .chain(std::iter::once(Line::raw("Warn").right_aligned()));
    let rows = week.days.iter().map(|d| {
        let mut cells = vec![
            Line::raw(d.date.format("%a %d").to_string()),
            Line::raw(d.totals.entries.to_string()).right_aligned(),
        ];
        cells.extend(
            shown
                .iter()
                .zip(&targets)
                .map(|(s, t)| Line::from(amount_cell(d, *s, t)).right_aligned()),
        );
        cells.push(warnings_cell(d).right_aligned());
        let row = Row::new(cells);
        if d.date == app.date {
            row.style(THEME.selected)
        } else {
            row
        }
    });
    let widths = [Constraint::Length(DAY_W), Constraint::Length(COUNT_W)]
        .into_iter()
        .chain(std::iter::repeat_n(Constraint::Fill(1), shown.len()))
        .chain(std::iter::once(Constraint::Length(WARN_W)));
    let (lead, other) = if app.week_rolling {
        ("last 7 days: ", "calendar week")
    } else {
        ("", "last 7 days")
    };
    let title = format!(
        " {lead}{} to {} · % of target · Enter: day · w: {other} ",
        week.from, week.to
    );
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(THEME.dim)
        .title(Span::styled(title, THEME.title));
    let table = Table::new(rows, widths)
        .header(Row::new(head).style(THEME.dim))
        .block(block);
    frame.render_widget(table, area);
}

/// The widths of the columns always shown: the day, the entry count, the warnings.
const DAY_W: u16 = 6;
const COUNT_W: u16 = 3;
const WARN_W: u16 = 5;

/// How many of the nutrients (in order) get columns as wide as their widest cell, sharing
/// what the day, count and warnings columns leave equally (one space between columns).
fn nutrients_that_fit(week: &SpanData, targets: &[Target], width: u16) -> usize {
    let needed: Vec<usize> = Shown::ALL
        .iter()
        .zip(targets)
        .map(|(s, t)| {
            let cells = week.days.iter().map(|d| amount_cell(d, *s, t).width());
            cells
                .chain([s.heading().chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    (0..=needed.len())
        .rev()
        .find(|&n| {
            let gaps = 2 + n as u16;
            let room = width.saturating_sub(DAY_W + COUNT_W + WARN_W + gaps);
            n == 0 || needed[..n].iter().all(|&w| w <= usize::from(room) / n)
        })
        .unwrap_or(0)
}

/// The day's warnings: a count, `—` for a day with nothing logged.
fn warnings_cell(d: &DaySummary) -> Line<'static> {
    match (d.is_empty(), d.warnings) {
        (true, _) => Line::styled("—", THEME.empty_day),
        (false, 0) => Line::raw("0"),
        (false, n) => Line::styled(format!("!{n}"), THEME.caution),
    }
}

/// What a day's bar measures: % of target, or the amount when the profile has no target;
/// `None` for a day with no entries or an entirely unknown total (no bar, never a zero bar).
fn measure(t: &Target, d: &DaySummary, s: Shown) -> Option<f64> {
    let total = d.totals.shown(s);
    if d.is_empty() || !total.has_value() {
        return None;
    }
    let v = match t.target {
        Some(_) => t.pct_of(&total)?,
        None => total.mid(),
    };
    Some(v.clamp(0.0, 1e9))
}

/// One bar per day; an empty day has no bar and shows "—" (empty, not zero), a day whose total
/// is entirely unknown shows "?", and a lower bound is "≥".
fn render_chart(week: &SpanData, s: Shown, frame: &mut Frame, area: Rect) {
    let t = target_of(&week.targets, s);
    let bars: Vec<Bar> = week
        .days
        .iter()
        .map(|d| {
            let day: String = d.date.format("%a").to_string().chars().take(2).collect();
            let bar = Bar::default().label(Line::raw(day));
            let lb = if d.totals.shown(s).is_lower_bound() {
                "≥"
            } else {
                ""
            };
            match measure(&t, d, s) {
                None if d.is_empty() => bar.value(0).text_value("—").style(THEME.empty_day),
                None => bar.value(0).text_value("?").style(THEME.unknown),
                Some(v) => bar
                    .value(v.round() as u64)
                    .text_value(format!("{lb}{}", fmt_amount(v.round())))
                    .style(THEME.standing_of(t.standing_of(&d.totals.shown(s)))),
            }
        })
        .collect();
    let unit = if t.target.is_some() { "%" } else { s.unit() };
    let title = format!(" {} {unit} ", s.label());
    let block = Block::bordered()
        .border_style(THEME.dim)
        .title(Span::styled(title, THEME.title));
    let inner_w = area.width.saturating_sub(2);
    let bar_w = (inner_w.saturating_sub(6) / 7).clamp(1, 6);
    let floor = if t.target.is_some() { 150.0 } else { 1.0 };
    let max = week
        .days
        .iter()
        .filter_map(|d| measure(&t, d, s))
        .fold(floor, f64::max)
        .round() as u64;
    let chart = BarChart::default()
        .block(block)
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_w)
        .bar_gap(1)
        .max(max);
    frame.render_widget(chart, area);
}
