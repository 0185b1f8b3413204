//! The trend chart: 30 or 90 days of one nutrient against its target band. Days without entries
//! have no point (empty, not zero), nor do days whose total is entirely unknown (the summary says
//! how many were left out); an average over lower bounds is one too (`≥`).

use super::target_of;
use super::theme::THEME;
use crate::app::{App, Command, SpanData};
use crate::domain::nutrient::fmt_amount;
use crate::domain::{Shown, Target};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(trend) = app
        .trend
        .as_ref()
        .filter(|t| t.to == app.date && t.days.len() == usize::from(app.trend_days))
    else {
        frame.render_widget(Paragraph::new(" Loading…").style(THEME.dim), area);
        return;
    };
    let s = app.trend_nutrient;
    let t = target_of(&trend.targets, s);
    let points = points(trend, s);
    let [summary, chart] =
        Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(area);
    frame.render_widget(
        Paragraph::new(summary_lines(app, trend, &t, &points)),
        summary,
    );
    render_chart(trend, &t, &points.xy, frame, chart);
}

/// The days the chart and the average use: (day index, total) for each day with entries whose
/// total says something. Days with entries whose total is entirely unknown are left out (counted
/// in [`Points::unknown`]), never plotted at 0.
struct Points {
    xy: Vec<(f64, f64)>,
    /// Some day's total is a lower bound, so the average is one too.
    lower_bound: bool,
    /// Days with entries left out because their total is entirely unknown.
    unknown: usize,
}

fn points(trend: &SpanData, s: Shown) -> Points {
    let logged = trend.days.iter().enumerate().filter(|(_, d)| !d.is_empty());
    let (known, unknown): (Vec<_>, Vec<_>) =
        logged.partition(|(_, d)| d.totals.shown(s).has_value());
    Points {
        lower_bound: known
            .iter()
            .any(|(_, d)| d.totals.shown(s).is_lower_bound()),
        xy: (known.iter())
            .map(|(i, d)| (*i as f64, d.totals.shown(s).mid()))
            .collect(),
        unknown: unknown.len(),
    }
}

/// "average of 9 days ≥ 640 mg (≥ 64% of target) · 2 days left out (unknown)".
fn average_text(p: &Points, t: &Target, unit: &str) -> String {
    let n = p.xy.len();
    let lb = if p.lower_bound { "≥ " } else { "" };
    let mut out = if n == 0 {
        "no day with a known total".to_string()
    } else {
        let a = p.xy.iter().map(|p| p.1).sum::<f64>() / n as f64;
        let pct = t.pct(a).map_or(String::new(), |x| {
            format!(" ({lb}{}% of target)", fmt_amount(x.round()))
        });
        format!("average of {n} days {lb}{} {unit}{pct}", fmt_amount(a))
    };
    if p.unknown > 0 {
        out.push_str(&format!(" · {} left out (unknown)", days(p.unknown)));
    }
    out
}

fn days(n: usize) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

fn summary_lines(app: &App, trend: &SpanData, t: &Target, points: &Points) -> Vec<Line<'static>> {
    let s = app.trend_nutrient;
    let logged = trend.days.iter().filter(|d| !d.is_empty()).count();
    let avg_text = average_text(points, t, s.unit());
    let band = match t.band {
        None => "no target band".to_string(),
        Some((a, b)) if a == b => format!("target {} {} (green line)", fmt_amount(a), s.unit()),
        Some((a, b)) => format!(
            "band {}–{} {} (green lines)",
            fmt_amount(a),
            fmt_amount(b),
            s.unit()
        ),
    };
    let limit = t.limit().map_or(String::new(), |l| {
        format!("limit: {} (red) · ", l.label(s.unit()))
    });
    let keys = format!(
        "{} next nutrient · {} 30/90 days",
        app.keymap.keys_label(Command::NextNutrient),
        app.keymap.keys_label(Command::Trends)
    );
    vec![
        Line::from(vec![
            Span::styled(format!(" {} ", s.label()), THEME.title),
            Span::raw(format!(
                "{logged} of {} days logged · {avg_text}",
                trend.days.len()
            )),
        ]),
        Line::from(vec![
            Span::styled(format!(" {band} · "), THEME.band),
            Span::styled(limit, THEME.limit),
            Span::styled(keys, THEME.dim),
        ]),
    ]
}

/// The axis top: the next of 1, 2, 2.5, 5 times a power of ten at or above `x`.
fn nice_ceil(x: f64) -> f64 {
    if !(x.is_finite() && x > 0.0) {
        return 1.0;
    }
    let mag = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|v| *v >= x)
        .unwrap_or(10.0 * mag)
}

/// A horizontal reference line: its two ends, its name and its style.
type RefLine = ([(f64, f64); 2], &'static str, ratatui::style::Style);

fn hline(y: f64, n: usize) -> [(f64, f64); 2] {
    [(0.0, y), ((n.max(2) - 1) as f64, y)]
}

fn render_chart(
    trend: &SpanData,
    t: &Target,
    points: &[(f64, f64)],
    frame: &mut Frame,
    area: Rect,
) {
    let n = trend.days.len();
    let top = points
        .iter()
        .map(|p| p.1)
        .chain(t.band.map(|b| b.1))
        .chain(t.target)
        .fold(0.0, f64::max)
        * 1.3;
    let top = nice_ceil(top);
    let lines: Vec<RefLine> = t
        .band
        .into_iter()
        .flat_map(|(a, b)| {
            [
                (hline(a, n), "band low", THEME.band),
                (hline(b, n), "band high", THEME.band),
            ]
        })
        .chain(
            t.limit_amount()
                .filter(|l| *l <= top)
                .map(|l| (hline(l, n), "limit", THEME.limit)),
        )
        .collect();
    let mut sets: Vec<Dataset> = lines
        .iter()
        .map(|(d, name, style)| {
            Dataset::default()
                .name(*name)
                .data(d)
                .graph_type(GraphType::Line)
                .marker(Marker::Braille)
                .style(*style)
        })
        .collect();
    sets.push(
        Dataset::default()
            .name("logged day")
            .data(points)
            .graph_type(GraphType::Scatter)
            .marker(Marker::Dot)
            .style(THEME.key),
    );
    let x_labels = [
        trend.from,
        trend.from + chrono::Duration::days(n as i64 / 2),
        trend.to,
    ]
    .map(|d| Span::raw(d.format("%m-%d").to_string()));
    let chart = Chart::new(sets)
        .block(Block::bordered().border_style(THEME.dim))
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds([0.0, (n.max(2) - 1) as f64])
                .labels(x_labels)
                .style(THEME.dim),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, top])
                .labels(["0".to_string(), fmt_amount(top / 2.0), fmt_amount(top)])
                .style(THEME.dim),
        );
    frame.render_widget(chart, area);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::DaySummary;
    use crate::domain::{DayTotals, Nutrient, Value};
    use chrono::NaiveDate;

    /// A day with `n` entries whose magnesium values are `mg`.
    fn day(d: u32, n: usize, mg: &[Value]) -> DaySummary {
        let mut totals = DayTotals {
            entries: n,
            ..Default::default()
        };
        for v in mg {
            totals.all[Nutrient::Magnesium.index()].add(*v);
        }
        DaySummary {
            date: NaiveDate::from_ymd_opt(2026, 11, d).unwrap(),
            totals,
            warnings: 0,
        }
    }

    fn span(days: Vec<DaySummary>) -> SpanData {
        SpanData {
            from: days[0].date,
            to: days[days.len() - 1].date,
            days,
            targets: Vec::new(),
        }
    }

    fn target() -> Target {
        Target {
            target: Some(400.0),
            ..Target::none(Shown::Magnesium)
        }
    }

    #[test]
    fn unknown_days_are_left_out_of_the_chart_and_the_average_says_so() {
        let trend = span(vec![
            day(1, 2, &[Value::exact(300.0), Value::exact(100.0)]),
            day(2, 1, &[Value::Unknown]),
            day(3, 2, &[Value::exact(0.0), Value::Unknown]),
            day(4, 0, &[]),
            day(5, 1, &[Value::exact(200.0)]),
        ]);
        let p = points(&trend, Shown::Magnesium);
        assert_eq!(p.xy, vec![(0.0, 400.0), (4.0, 200.0)]);
        assert_eq!(p.unknown, 2);
        assert!(!p.lower_bound);
        assert_eq!(
            average_text(&p, &target(), "mg"),
            "average of 2 days 300 mg (75% of target) · 2 days left out (unknown)"
        );
    }

    #[test]
    fn a_lower_bound_day_makes_the_average_a_lower_bound() {
        let trend = span(vec![
            day(1, 2, &[Value::exact(300.0), Value::Unknown]),
            day(2, 1, &[Value::exact(100.0)]),
        ]);
        let p = points(&trend, Shown::Magnesium);
        assert_eq!(
            average_text(&p, &target(), "mg"),
            "average of 2 days ≥ 200 mg (≥ 50% of target)"
        );
        let none = points(&span(vec![day(1, 1, &[Value::Unknown])]), Shown::Magnesium);
        assert_eq!(
            average_text(&none, &target(), "mg"),
            "no day with a known total · 1 day left out (unknown)"
        );
    }
}
