//! The gap bar: one nutrient's total against its target band and upper limit, on one line.
//!
//! `Calcium    ████████▓▓▓╌╌░░░░···│··  ≥ 840 mg 84%  food 340 + supp 500`
//! █ food, ▓ supplements, ╌ the rest of a range (whisker), ░ the target band not reached yet,
//! │ the upper limit in force (the lowest), ┊ any other limit (named in the detail), ? after the
//! fill when some part is unknown (the total is a lower bound). Without a target or band the bar
//! draws no fill: the amount only.

use super::theme::THEME;
use crate::domain::nutrient::fmt_amount;
use crate::domain::profile::{Counts, Standing};
use crate::domain::{Target, Total};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct GapBar<'a> {
    pub label: &'a str,
    pub unit: &'a str,
    pub total: Total,
    pub supplements: Total,
    pub target: &'a Target,
    /// A named part printed after the amount ("D3", total).
    pub part: Option<(&'a str, Total)>,
    /// A smaller bar (magnesium, K1).
    pub compact: bool,
}

const LABEL_W: u16 = 11;
/// Room for "≥ 2000 IU ≥ 200% ✓  D3 ≥ 2000" (the amount with its standing mark, and the D3
/// part on narrow screens).
const AMOUNT_W: u16 = 30;
/// From this width on, the split and parts are printed after the amount, in DETAIL_W cells.
const WIDE_BAR: u16 = 120;
const DETAIL_W: u16 = 34;

/// What one bar cell shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    Food,
    Supplement,
    Whisker,
    Band,
    Limit,
    OtherLimit,
    Unknown,
    Empty,
    Blank,
}

impl GapBar<'_> {
    /// The value at the right end of the bar: past the limit (or band, or target), and never
    /// less than the total, so a bar past 100 % just fills.
    fn scale(&self) -> f64 {
        let t = self.target;
        let base = t
            .limits
            .iter()
            .filter(|l| l.counts == Counts::All)
            .map(|l| l.amount)
            .reduce(f64::max)
            .or(t.band.map(|(_, hi)| hi * 1.5))
            .or(t.target.map(|x| x * 1.5))
            .unwrap_or(0.0);
        let s = (base * 1.05).max(self.total.hi.to_f64());
        if s.is_finite() && s > 0.0 { s } else { 1.0 }
    }

    fn cells(&self, width: u16) -> Vec<Cell> {
        let s = self.scale();
        let mid = self.total.mid();
        let food = mid - self.supplements.mid();
        let (lo, hi) = (self.total.lo.to_f64(), self.total.hi.to_f64());
        let at = |i: u16| (f64::from(i) + 0.5) * s / f64::from(width);
        let cell_of = |l: f64| ((l / s) * f64::from(width)) as u16;
        let limit_cell = self.target.limit_amount().map(cell_of);
        let other_cells: Vec<u16> = (self.target.other_limits())
            .filter(|l| l.counts == Counts::All)
            .map(|l| cell_of(l.amount))
            .collect();
        if !self.target.has_target() {
            return (0..width)
                .map(|i| match () {
                    _ if limit_cell == Some(i) => Cell::Limit,
                    _ if other_cells.contains(&i) => Cell::OtherLimit,
                    _ => Cell::Blank,
                })
                .collect();
        }
        let mut out: Vec<Cell> = (0..width)
            .map(|i| {
                let v = at(i);
                let in_band = self
                    .target
                    .band
                    .is_some_and(|(a, b)| v >= a && v <= b.max(a + s / f64::from(width)));
                match () {
                    _ if v < food => Cell::Food,
                    _ if v < mid => Cell::Supplement,
                    _ if limit_cell == Some(i) => Cell::Limit,
                    _ if other_cells.contains(&i) => Cell::OtherLimit,
                    _ if v >= lo && v <= hi => Cell::Whisker,
                    _ if in_band => Cell::Band,
                    _ => Cell::Empty,
                }
            })
            .collect();
        if self.total.is_lower_bound() {
            let end = out
                .iter()
                .position(|c| !matches!(c, Cell::Food | Cell::Supplement));
            if let Some(i) = end {
                out[i] = Cell::Unknown;
            }
        }
        out
    }

    /// "≥ 840 mg ≥ 84%", "? mg" (entirely unknown: no percentage), or "— nothing logged" (an
    /// empty day is not a zero day).
    pub fn amount_text(&self) -> String {
        if self.total.known == 0 && self.total.unknown == 0 {
            return "— nothing logged".into();
        }
        if self.total.is_unknown() {
            return format!("? {}", self.unit);
        }
        let pct = (self.target.pct_label(&self.total)).map_or(String::new(), |p| format!(" {p}"));
        let mark = (self.target.standing_of(&self.total)).map_or("", standing_mark);
        format!("{} {}{pct}{mark}", self.total.display(), self.unit)
    }

    /// "D3 400": the named part, when it says something.
    fn part_text(&self) -> Option<String> {
        let (name, t) = self.part?;
        t.has_value().then(|| format!("{name} {}", t.display()))
    }

    /// "official UL from supplements 350": a limit that counts supplements only is not drawn on
    /// the bar of the total, so it is named beside it (the limits on the total are │ and ┊,
    /// named in the panel's title).
    fn limits_text(&self) -> Option<String> {
        let names: Vec<String> = (self.target.limits.iter())
            .filter(|l| l.counts == Counts::Supplements)
            .map(|l| l.label_short())
            .collect();
        (!names.is_empty()).then(|| names.join(", "))
    }

    /// "food 340 + supp 500 · D3 400 · official UL from supplements 350"
    pub fn detail_text(&self) -> String {
        let mut parts = Vec::new();
        let supp = self.supplements;
        if supp.known > 0 && supp.hi.0 > 0 {
            let food = self.total.mid() - supp.mid();
            let food_text = match (self.total.unknown > supp.unknown, food > 0.0) {
                (true, false) => "?".to_string(),
                (true, true) => format!("≥ {}", fmt_amount(food)),
                (false, _) => fmt_amount(food),
            };
            parts.push(format!(
                "food {food_text} + supp {}",
                fmt_amount(supp.mid())
            ));
        }
        parts.extend(self.part_text());
        parts.extend(self.limits_text());
        parts.join(" · ")
    }

    fn style_of(&self, c: Cell) -> (&'static str, Style) {
        let fill = THEME.standing_of(self.target.standing_of(&self.total));
        match c {
            Cell::Food => ("█", fill),
            Cell::Supplement => ("▓", fill),
            Cell::Whisker => ("╌", THEME.whisker),
            Cell::Band => ("░", THEME.band),
            Cell::Limit => ("│", THEME.limit),
            Cell::OtherLimit => ("┊", THEME.limit),
            Cell::Unknown => ("?", THEME.unknown),
            Cell::Empty => ("·", THEME.dim),
            Cell::Blank => (" ", THEME.dim),
        }
    }
}

/// Where a total stands, in glyphs as well as colour (readable with NO_COLOR or colour
/// blindness): ↓ below the band, ✓ within, ↑ above it, ‼ over the limit.
pub fn standing_mark(s: Standing) -> &'static str {
    match s {
        Standing::NoTarget => "",
        Standing::Below => " ↓",
        Standing::Within => " ✓",
        Standing::Above => " ↑",
        Standing::OverLimit => " ‼",
    }
}

impl Widget for &GapBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < LABEL_W + 4 || area.height == 0 {
            return;
        }
        // Every bar of a panel gets the same width whatever its text, so bars compare by eye.
        let detail = self.detail_text();
        let show_detail = area.width >= WIDE_BAR && !detail.is_empty();
        let reserve = if area.width >= WIDE_BAR { DETAIL_W } else { 0 };
        let mut bar_w = area.width.saturating_sub(LABEL_W + AMOUNT_W + reserve + 1);
        if self.compact {
            bar_w = (bar_w / 2).max(4);
        }
        let y = area.y;
        buf.set_stringn(area.x, y, self.label, usize::from(LABEL_W - 1), THEME.title);
        let x0 = area.x + LABEL_W;
        for (i, c) in self
            .cells(bar_w.max(1))
            .into_iter()
            .enumerate()
            .take(usize::from(bar_w))
        {
            let (sym, style) = self.style_of(c);
            buf.set_string(x0 + i as u16, y, sym, style);
        }
        let style = THEME.standing_of(self.target.standing_of(&self.total));
        let mut spans = vec![Span::styled(self.amount_text(), style)];
        if show_detail {
            spans.push(Span::styled(format!("  {detail}"), THEME.dim));
        } else if let Some(part) = self.part_text() {
            spans.push(Span::styled(format!("  {part}"), THEME.dim));
        }
        let x = x0 + bar_w + 1;
        let right = area.x + area.width;
        buf.set_line(x, y, &Line::from(spans), right.saturating_sub(x));
    }
}

#[cfg(test)]
#[path = "gap_bar_tests.rs"]
mod tests;
