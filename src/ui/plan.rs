//! The plan view: the day's doses at their times, taken / due / late / later, with why each is
//! there, and any rules no time keeps.

use super::theme::THEME;
use crate::app::{App, Command};
use crate::domain::plan::{DoseState, HISTORY_LOGGED_DAYS};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(plan) = app.plan.as_ref().filter(|p| p.date == app.date) else {
        frame.render_widget(Paragraph::new(" Planning…").style(THEME.dim), area);
        return;
    };
    let mut lines: Vec<Line> = Vec::new();
    if plan.doses.is_empty() && plan.unplaced.is_empty() {
        lines.push(Line::styled(
            format!(
                " Nothing to plan: no supplement or medicine is on at least half of your last {HISTORY_LOGGED_DAYS} logged days."
            ),
            THEME.dim,
        ));
    }
    for (i, d) in plan.doses.iter().enumerate() {
        let (label, style) = state(d.state(plan.date, app.now));
        let mut row = vec![
            Span::raw(format!(" {}  ", d.time.format("%H:%M"))),
            Span::styled(format!("{label:<6}"), style),
            Span::raw(format!("{} {}", d.name, d.amount)),
        ];
        if !d.reasons.is_empty() {
            row.push(Span::styled(
                format!(" — {}", d.reasons.join(", ")),
                THEME.dim,
            ));
        }
        let line = Line::from(row);
        lines.push(if i == app.plan_selected {
            line.style(THEME.selected)
        } else {
            line
        });
    }
    for c in &plan.conflicts {
        lines.push(Line::styled(format!(" ! {}", c.message), THEME.caution));
    }
    let key = |c: Command| {
        app.keymap
            .keys(c)
            .first()
            .map_or_else(|| "?".to_string(), |k| k.display())
    };
    // Stack items with no time: listed, never placed at an invented time.
    for u in &plan.unplaced {
        let remedy = match u.no_time {
            true => format!("; log the stack at its time ({})", key(Command::Stacks)),
            false => String::new(),
        };
        lines.push(Line::styled(
            format!(
                " ? not placed: {} {} (stack '{}') — {}{remedy}",
                u.name, u.amount, u.stack, u.reason
            ),
            THEME.dim,
        ));
    }
    let key = key(Command::LogPlanned);
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(" {key} logs the selected dose at its planned time"),
        THEME.dim,
    ));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

fn state(s: DoseState) -> (&'static str, Style) {
    match s {
        DoseState::Taken => ("taken", THEME.within),
        DoseState::Due => ("due", THEME.info),
        DoseState::Late => ("late", THEME.caution),
        DoseState::Later => ("later", THEME.dim),
    }
}
