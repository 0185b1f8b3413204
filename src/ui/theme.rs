//! One theme: every style the screens use, so no widget picks its own colour.

use crate::domain::Standing;
use crate::domain::warnings::Severity;
use ratatui::style::{Color, Modifier, Style};

pub struct Theme {
    pub header: Style,
    pub title: Style,
    pub dim: Style,
    pub key: Style,
    pub hint: Style,
    pub info: Style,
    pub error: Style,
    pub selected: Style,
    pub focus: Style,
    pub field: Style,
    pub band: Style,
    pub limit: Style,
    pub whisker: Style,
    pub unknown: Style,
    pub below: Style,
    pub within: Style,
    pub above: Style,
    pub over: Style,
    pub no_target: Style,
    pub empty_day: Style,
    pub caution: Style,
    pub alert: Style,
}

pub const THEME: Theme = Theme {
    header: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD),
    title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    dim: Style::new().fg(Color::DarkGray),
    key: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    hint: Style::new().fg(Color::Gray),
    info: Style::new().fg(Color::Green),
    error: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD),
    selected: Style::new()
        .bg(Color::DarkGray)
        .add_modifier(Modifier::BOLD),
    focus: Style::new().fg(Color::Black).bg(Color::Yellow),
    field: Style::new().fg(Color::White).bg(Color::Blue),
    band: Style::new().fg(Color::Green),
    limit: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    whisker: Style::new().fg(Color::White),
    unknown: Style::new().fg(Color::Magenta),
    below: Style::new().fg(Color::Yellow),
    within: Style::new().fg(Color::Green),
    above: Style::new().fg(Color::Cyan),
    over: Style::new().fg(Color::Red),
    no_target: Style::new().fg(Color::Gray),
    empty_day: Style::new().fg(Color::DarkGray),
    caution: Style::new().fg(Color::Yellow),
    alert: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
};

impl Theme {
    /// The colour of an amount by where it stands against its target.
    pub fn standing(&self, s: Standing) -> Style {
        match s {
            Standing::NoTarget => self.no_target,
            Standing::Below => self.below,
            Standing::Within => self.within,
            Standing::Above => self.above,
            Standing::OverLimit => self.over,
        }
    }

    /// The colour of a total's standing; a total that says nothing (no standing) is unknown.
    pub fn standing_of(&self, s: Option<Standing>) -> Style {
        s.map_or(self.unknown, |s| self.standing(s))
    }

    pub fn severity(&self, s: Severity) -> Style {
        match s {
            Severity::Info => self.hint,
            Severity::Caution => self.caution,
            Severity::Alert => self.alert,
        }
    }
}
