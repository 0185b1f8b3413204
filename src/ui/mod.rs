//! Rendering: functions of `&App` that draw a frame. Nothing here changes the diary.

pub mod add;
pub mod day;
mod day_columns;
pub mod dialogs;
pub mod gap_bar;
pub mod help;
pub mod plan;
pub mod recipe;
pub mod sources;
pub mod suggest;
pub mod theme;
pub mod trends;
pub mod week;

use crate::app::{App, Command, Dialog, Screen};
use crate::domain::{Shown, Target};
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use theme::THEME;

/// Draws the whole app: header, the current view, status, footer, and any dialog on top.
pub fn render(app: &App, frame: &mut Frame) {
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    render_header(app, frame, header);
    match app.screen {
        Screen::Day => day::render(app, frame, body),
        Screen::Week => week::render(app, frame, body),
        Screen::Trends => trends::render(app, frame, body),
        Screen::Plan => plan::render(app, frame, body),
    }
    render_status(app, frame, status);
    render_footer(app, frame, footer);
    match &app.dialog {
        None => {}
        Some(Dialog::Add(a)) => add::render(app, a, frame),
        Some(Dialog::Help { scroll }) => help::render(app, *scroll, frame),
        Some(Dialog::Sources { nutrient }) => sources::render(app, *nutrient, frame),
        Some(Dialog::Suggest { list }) => suggest::render(list.as_deref(), frame),
        Some(Dialog::Recipe(f)) => recipe::render(f, frame),
        Some(d) => dialogs::render(app, d, frame),
    }
}

/// "Saturday 2026-11-21 (today)", "Friday 2026-11-20 (yesterday)".
pub fn date_label(d: NaiveDate, today: NaiveDate) -> String {
    let rel = match (d - today).num_days() {
        0 => " (today)",
        -1 => " (yesterday)",
        1 => " (tomorrow)",
        _ => "",
    };
    format!("{}{rel}", d.format("%A %Y-%m-%d"))
}

fn render_header(app: &App, frame: &mut Frame, area: Rect) {
    let view = match app.screen {
        Screen::Day => date_label(app.date, app.today),
        Screen::Week if app.week_rolling => format!("last 7 days to {}", app.date.format("%a %F")),
        Screen::Week => format!("week {}", crate::domain::week::week_label(iso(app.date))),
        Screen::Trends => format!("last {} days to {}", app.trend_days, app.date),
        Screen::Plan => format!("plan for {}", date_label(app.date, app.today)),
    };
    let left = format!(" intake · {view}");
    let right = format!("{} ", app.profile.summary());
    frame.render_widget(Block::new().style(THEME.header), area);
    frame.render_widget(Paragraph::new(left.clone()).style(THEME.header), area);
    let w = right.chars().count() as u16;
    if area.width > w + left.chars().count() as u16 + 2 {
        let r = Rect {
            x: area.x + area.width - w,
            width: w,
            ..area
        };
        frame.render_widget(Paragraph::new(right).style(THEME.header), r);
    }
}

fn iso(d: NaiveDate) -> chrono::IsoWeek {
    chrono::Datelike::iso_week(&d)
}

fn render_status(app: &App, frame: &mut Frame, area: Rect) {
    if let Some(s) = &app.status {
        let style = if s.error { THEME.error } else { THEME.info };
        frame.render_widget(Paragraph::new(format!(" {}", s.text)).style(style), area);
    } else if app.legend {
        let line = format!(" {}", help::LEGEND_LINE);
        frame.render_widget(Paragraph::new(line).style(THEME.dim), area);
    }
}

/// Key hints from the keymap, as many as fit; profile, help and quit are always shown (targets
/// are wrong for anyone who never finds the profile).
fn render_footer(app: &App, frame: &mut Frame, area: Rect) {
    let hints = app.keymap.footer();
    let essential = |c: &Command| {
        matches!(
            c,
            Command::Profile | Command::Legend | Command::Help | Command::Quit
        )
    };
    let width = |k: &String, h: &str| k.chars().count() + h.len() + 3;
    let reserved: usize = hints
        .iter()
        .filter(|h| essential(&h.0))
        .map(|h| width(&h.1, h.2))
        .sum();
    let mut used = 1 + reserved;
    let mut shown = Vec::new();
    for (c, key, hint) in &hints {
        let w = width(key, hint);
        if essential(c) || used + w <= usize::from(area.width) {
            used += if essential(c) { 0 } else { w };
            shown.push((key.clone(), *hint));
        }
    }
    let mut spans = vec![Span::raw(" ")];
    for (key, hint) in shown {
        spans.push(Span::styled(key, THEME.key));
        spans.push(Span::styled(format!(" {hint}  "), THEME.hint));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The target of a shown nutrient among the loaded targets (none when the profile has none).
pub fn target_of(targets: &[Target], s: Shown) -> Target {
    targets
        .iter()
        .find(|t| t.nutrient == s)
        .cloned()
        .unwrap_or_else(|| Target::none(s))
}

/// A centred dialog area of at most `w` x `h`, cleared and framed with a title.
pub fn popup(frame: &mut Frame, w: u16, h: u16, title: &str) -> Rect {
    let area = frame.area();
    let w = w.min(area.width);
    let h = h.min(area.height);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, r);
    let block = Block::bordered().title(Span::styled(format!(" {title} "), THEME.title));
    let inner = block.inner(r);
    frame.render_widget(block, r);
    inner
}
