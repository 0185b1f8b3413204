use super::*;
use crate::domain::nutrient::Milli;
use crate::domain::profile::{Counts, Limit, RefSet};
use crate::domain::{Shown, Value};

fn limit(amount: f64, set: RefSet, name: &str) -> Limit {
    Limit {
        amount,
        set,
        counts: Counts::All,
        name: name.into(),
        source: "test".into(),
    }
}

fn target() -> Target {
    Target {
        nutrient: Shown::Calcium,
        target: Some(1000.0),
        band: Some((1000.0, 1200.0)),
        limits: vec![limit(2500.0, RefSet::Seed, "seed max")],
        source: "test".into(),
    }
}

fn total(values: &[Value]) -> Total {
    let mut t = Total::default();
    for v in values {
        t.add(*v);
    }
    t
}

/// Renders a bar 70 cells wide; returns the text and the buffer.
fn render(total: Total, supplements: Total, t: &Target) -> (String, Buffer) {
    render_w(total, supplements, t, 70)
}

fn render_w(total: Total, supplements: Total, t: &Target, w: u16) -> (String, Buffer) {
    let bar = GapBar {
        label: "Calcium",
        unit: "mg",
        total,
        supplements,
        target: t,
        part: None,
        compact: false,
    };
    let mut buf = Buffer::empty(Rect::new(0, 0, w, 1));
    (&bar).render(buf.area, &mut buf);
    let text = (0..w).map(|x| buf[(x, 0)].symbol().to_string()).collect();
    (text, buf)
}

fn bar_part(text: &str) -> String {
    text.chars()
        .skip(usize::from(LABEL_W))
        .take_while(|c| *c != ' ')
        .collect()
}

#[test]
fn zero_and_nothing_logged_show_the_band_and_limit_and_no_fill() {
    let (text, _) = render(Total::default(), Total::default(), &target());
    let bar = bar_part(&text);
    assert!(!bar.contains('█') && !bar.contains('▓'), "{text}");
    assert!(bar.contains('░') && bar.contains('│'), "{text}");
    assert!(text.contains("— nothing logged"), "{text}");
    let (zero, _) = render(total(&[Value::exact(0.0)]), Total::default(), &target());
    assert!(zero.contains("0 mg 0%"), "a known zero is a zero: {zero}");
}

#[test]
fn within_band_is_coloured_within_and_fills_into_the_band() {
    let (text, buf) = render(total(&[Value::exact(1100.0)]), Total::default(), &target());
    let bar = bar_part(&text);
    let filled = bar.chars().filter(|c| *c == '█').count();
    // 1100 of a scale of 2625 over 28 cells is 12 cells.
    assert_eq!(filled, 12, "{text}");
    assert!(
        bar.chars().nth(12) == Some('░'),
        "the rest of the band follows: {text}"
    );
    assert!(text.contains("1100 mg 110%"), "{text}");
    assert_eq!(buf[(LABEL_W, 0)].style().fg, THEME.within.fg);
}

#[test]
fn over_the_limit_fills_the_bar_in_the_alarm_colour_without_panicking() {
    let (text, buf) = render(total(&[Value::exact(4000.0)]), Total::default(), &target());
    let bar = bar_part(&text);
    assert!(bar.chars().all(|c| c == '█'), "{text}");
    assert!(text.contains("4000 mg 400%"), "{text}");
    assert_eq!(buf[(LABEL_W, 0)].style().fg, THEME.over.fg);
}

#[test]
fn unknown_parts_mark_a_lower_bound() {
    let t = total(&[Value::exact(600.0), Value::Unknown]);
    let (text, _) = render(t, Total::default(), &target());
    let bar = bar_part(&text);
    let first_empty = bar.chars().position(|c| c != '█').unwrap();
    assert_eq!(bar.chars().nth(first_empty), Some('?'), "{text}");
    assert!(text.contains("≥ 600 mg ≥ 60%"), "{text}");
    let (all_unknown, _) = render(total(&[Value::Unknown]), Total::default(), &target());
    assert!(all_unknown.contains("? mg"), "{all_unknown}");
    assert!(
        !all_unknown.contains('█') && !all_unknown.contains('%'),
        "unknown is not drawn as an amount: {all_unknown}"
    );
}

/// A day whose magnesium is only unknown (or a known 0 beside unknowns: "≥ 0") shows `?`, no
/// percentage, in the unknown colour: never "0 mg 0%".
#[test]
fn only_unknown_magnesium_shows_a_question_mark_never_zero_percent() {
    let mut mg = target();
    mg.nutrient = Shown::Magnesium;
    for t in [
        total(&[Value::Unknown, Value::Unknown]),
        total(&[Value::exact(0.0), Value::Unknown]),
    ] {
        let (text, buf) = render(t, total(&[Value::exact(0.0)]), &mg);
        assert!(text.contains("? mg"), "{text}");
        assert!(!text.contains('%') && !text.contains("0 mg"), "{text}");
        let amount_x = text
            .find("? mg")
            .map(|b| text[..b].chars().count())
            .unwrap();
        assert_eq!(buf[(amount_x as u16, 0)].style().fg, THEME.unknown.fg);
    }
}

#[test]
fn a_range_draws_its_midpoint_and_a_whisker_to_the_high_end() {
    let (text, _) = render(
        total(&[Value::range(200.0, 600.0)]),
        Total::default(),
        &target(),
    );
    let bar = bar_part(&text);
    // Cells of 94 mg: four below the midpoint 400, two more up to 600.
    assert_eq!(bar.chars().filter(|c| *c == '█').count(), 4, "{text}");
    assert_eq!(bar.chars().filter(|c| *c == '╌').count(), 2, "{text}");
    assert!(text.contains("200–600 mg 40%"), "{text}");
}

#[test]
fn supplements_follow_food_and_the_split_is_printed() {
    let all = total(&[Value::exact(300.0), Value::exact(500.0)]);
    let supp = total(&[Value::exact(500.0)]);
    let (text, _) = render_w(all, supp, &target(), 130);
    let bar = bar_part(&text);
    let food = bar.chars().take_while(|c| *c == '█').count();
    let pills = bar.chars().skip(food).take_while(|c| *c == '▓').count();
    assert!(food > 0 && pills > food, "{text}");
    assert!(text.contains("food 300 + supp 500"), "{text}");
}

#[test]
fn no_target_and_tiny_or_huge_values_never_panic() {
    let none = Target::none(Shown::VitaminK1);
    let huge = Total {
        lo: Milli(i64::MAX / 2),
        hi: Milli(i64::MAX / 2),
        known: 1,
        unknown: 0,
    };
    for w in 0..40 {
        for t in [Total::default(), huge] {
            let bar = GapBar {
                label: "K1",
                unit: "mcg",
                total: t,
                supplements: t,
                target: &none,
                part: None,
                compact: true,
            };
            let mut buf = Buffer::empty(Rect::new(0, 0, w, 1));
            (&bar).render(buf.area, &mut buf);
        }
    }
    let (text, _) = render(total(&[Value::exact(90.0)]), Total::default(), &none);
    assert!(text.contains("90 mg") && !text.contains('%'), "{text}");
}

/// Without a target the bar draws no fill, whatever the amount: the amount only.
#[test]
fn no_target_draws_no_filled_bar() {
    let none = Target::none(Shown::VitaminK1);
    for v in [5.0, 974.0] {
        let (text, _) = render(total(&[Value::exact(v)]), Total::default(), &none);
        let bar: String = text.chars().skip(usize::from(LABEL_W)).take(28).collect();
        assert!(bar.trim().is_empty(), "{text}");
        assert!(text.contains(&format!("{} mg", v)), "{text}");
    }
}

/// With a target (total vitamin K's AI of 90 mcg) 5 and 974 mcg draw differently.
#[test]
fn five_and_974_mcg_draw_differently_against_an_ai() {
    let ai = Target {
        nutrient: Shown::VitaminK,
        target: Some(90.0),
        band: Some((90.0, 90.0)),
        limits: Vec::new(),
        source: "test".into(),
    };
    let (low, _) = render(total(&[Value::exact(5.0)]), Total::default(), &ai);
    let (high, _) = render(total(&[Value::exact(974.0)]), Total::default(), &ai);
    let filled = |t: &str| bar_part(t).chars().filter(|c| *c == '█').count();
    assert_eq!(filled(&low), 1, "{low}");
    assert!(filled(&high) >= 28, "{high}");
    assert!(
        low.contains("5 mg 6% ↓") && high.contains("974 mg 1082% ↑"),
        "{low}\n{high}"
    );
}

/// Two limits on the total: the lower is the limit (│), the other is marked (┊) (the day view's
/// title names them); a limit on supplements only is named beside the amount.
#[test]
fn the_lower_limit_is_the_limit_and_the_other_is_marked_and_named() {
    let mut t = target();
    t.limits
        .insert(0, limit(2000.0, RefSet::Official, "official UL"));
    let (text, _) = render_w(total(&[Value::exact(2100.0)]), Total::default(), &t, 130);
    let bar = bar_part(&text);
    assert!(bar.contains('┊'), "{text}");
    let filled = bar.chars().take_while(|c| *c == '█').count();
    assert!(
        bar.chars().position(|c| c == '┊').unwrap() > filled,
        "{text}"
    );
    assert_eq!(t.standing(2100.0), crate::domain::Standing::OverLimit);
    assert!(
        text.contains("2100 mg 210% ‼"),
        "over the limit, told by glyph: {text}"
    );
    t.limits.push(Limit {
        counts: Counts::Supplements,
        ..limit(350.0, RefSet::Official, "official UL from supplements")
    });
    let (text, _) = render_w(total(&[Value::exact(100.0)]), Total::default(), &t, 130);
    assert!(text.contains("official UL from supplements 350"), "{text}");
}

#[test]
fn the_d3_part_is_printed_at_any_width() {
    let mut d = target();
    d.nutrient = Shown::VitaminD;
    let d3 = total(&[Value::exact(400.0)]);
    let all = total(&[Value::exact(400.0), Value::exact(200.0)]);
    for w in [80, 130] {
        let bar = GapBar {
            label: "Vitamin D",
            unit: "IU",
            total: all,
            supplements: Total::default(),
            target: &d,
            part: Some(("D3", d3)),
            compact: false,
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, w, 1));
        (&bar).render(buf.area, &mut buf);
        let text: String = (0..w).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert!(text.contains("600 IU 60% ↓  D3 400"), "{w}: {text}");
    }
}
