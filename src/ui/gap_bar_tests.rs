use super::*;
use crate::domain::nutrient::Milli;
use crate::domain::{Shown, Value};

fn target() -> Target {
    Target {
        nutrient: Shown::Calcium,
        target: Some(1000.0),
        band: Some((1000.0, 1200.0)),
        limit: Some(2500.0),
        official_limit: Some(2500.0),
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
    // 1100 of a scale of 2625 over 32 cells is 13 cells.
    assert_eq!(filled, 13, "{text}");
    assert!(
        bar.chars().nth(13) == Some('░'),
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
    assert!(text.contains("≥ 600 mg 60%"), "{text}");
    let (all_unknown, _) = render(total(&[Value::Unknown]), Total::default(), &target());
    assert!(all_unknown.contains("unknown mg"), "{all_unknown}");
    assert!(
        !all_unknown.contains('█'),
        "unknown is not drawn as an amount: {all_unknown}"
    );
}

#[test]
fn a_range_draws_its_midpoint_and_a_whisker_to_the_high_end() {
    let (text, _) = render(
        total(&[Value::range(200.0, 600.0)]),
        Total::default(),
        &target(),
    );
    let bar = bar_part(&text);
    // Cells of 82 mg: five below the midpoint 400, two more up to 600.
    assert_eq!(bar.chars().filter(|c| *c == '█').count(), 5, "{text}");
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
        assert!(text.contains("600 IU 60%  D3 400"), "{w}: {text}");
    }
}
