//! The trend chart: 30 or 90 days of one nutrient against its target band. Days without entries
//! have no point (empty, not zero).

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
    render_chart(trend, &t, &points, frame, chart);
}

/// (day index, point estimate) for each day with entries and a known amount.
fn points(trend: &SpanData, s: Shown) -> Vec<(f64, f64)> {
    trend
        .days
        .iter()
        .enumerate()
        .filter(|(_, d)| !d.is_empty() && !d.totals.shown(s).is_empty())
        .map(|(i, d)| (i as f64, d.totals.shown(s).mid()))
        .collect()
}

fn summary_lines(
    app: &App,
    trend: &SpanData,
    t: &Target,
    points: &[(f64, f64)],
) -> Vec<Line<'static>> {
    let s = app.trend_nutrient;
    let n = points.len();
    let avg = if n == 0 {
        None
    } else {
        Some(points.iter().map(|p| p.1).sum::<f64>() / n as f64)
    };
    let avg_text = avg.map_or("no days logged".to_string(), |a| {
        let pct = t.pct(a).map_or(String::new(), |p| {
            format!(" ({}% of target)", fmt_amount(p.round()))
        });
        format!("average of logged days {} {}{pct}", fmt_amount(a), s.unit())
    });
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
                "{n} of {} days logged · {avg_text}",
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
