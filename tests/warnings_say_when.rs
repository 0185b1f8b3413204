//! Issue 16 item 3, "say when": every spacing, single-dose and take-with-fat warning adds the
//! earliest time (or the split) at which the dose would have been fine, from the rule's own
//! figures.

mod warnings_support;
use intake::domain::Nutrient;
use warnings_support::*;

fn message(rule: &str, es: &[intake::domain::Entry]) -> String {
    let w = of_rule(rule, es);
    assert_eq!(w.len(), 1, "{w:?}");
    w[0].message.clone()
}

#[test]
fn spacing_says_from_when_the_later_dose_keeps_the_gap() {
    let levo = |at| med(1, "Levothyroxine", "thyroid-hormone", at);
    let doxy = |at| med(1, "Doxycycline", "tetracycline", at);
    let rule = "calcium-levothyroxine-spacing";
    let abx = "calcium-antibiotic-spacing";
    let cases = [
        (
            rule,
            vec![levo("07:00"), citrate(2, "09:00", ex(500.0))],
            "; Calcium citrate would have been fine at 11:00 or later",
        ),
        (
            rule,
            vec![citrate(2, "2026-11-19 23:30", ex(500.0)), levo("01:00")],
            "; Levothyroxine would have been fine at 03:30 or later",
        ),
        (
            rule,
            vec![levo("2026-11-19 22:00"), citrate(2, "00:30", ex(500.0))],
            "; Calcium citrate would have been fine at 02:00 or later",
        ),
        (
            abx,
            vec![citrate(2, "08:00", ex(500.0)), doxy("10:00")],
            "; Doxycycline would have been fine at 14:00 or later (at least 12:00, the near end)",
        ),
        (
            abx,
            vec![citrate(2, "08:00", ex(500.0)), doxy("13:00")],
            "; Doxycycline would have been fine at 14:00 or later",
        ),
        (
            abx,
            vec![doxy("08:00"), citrate(2, "09:00", ex(500.0))],
            "; Calcium citrate would have been fine at 10:00 or later",
        ),
    ];
    for (rule, es, says) in cases {
        let m = message(rule, &es);
        assert!(m.ends_with(says), "{m}");
    }
    let m = message(abx, &[citrate(2, "08:00", ex(500.0)), doxy("13:00")]);
    assert!(!m.contains("near end"), "{m}");
}

#[test]
fn single_dose_says_how_to_split_it() {
    let cases = [
        (
            vec![citrate(1, "08:00", ex(1000.0))],
            "; split it: 500 mg at 08:00 and 500 mg after 09:00",
        ),
        (
            vec![
                citrate(1, "08:00", ex(300.0)),
                citrate(2, "08:30", ex(300.0)),
            ],
            "; split it: 300 mg at 08:00 and 300 mg after 09:00",
        ),
        (
            vec![citrate(1, "08:00", ex(1200.0))],
            "; split it into 3 doses of 400 mg, each more than 1 h after the one before: 400 mg at 08:00, the next after 09:00",
        ),
    ];
    for (es, says) in cases {
        let m = message("calcium-single-dose", &es);
        assert!(m.ends_with(says), "{m}");
    }
}

#[test]
fn take_with_fat_names_the_usual_meal_holding_fat_else_the_days_food() {
    let lunch = |id: i64, day: &str| {
        food(
            id,
            "Sardines",
            &format!("{day} 12:30"),
            &[(Nutrient::Fat, ex(10.0))],
        )
    };
    let days = ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"];
    let mut es: Vec<_> = (0..).zip(days).map(|(i, d)| lunch(10 + i, d)).collect();
    es.push(d3(1, "08:00", ex(1000.0)));
    let m = message("take-with-fat", &es);
    assert!(
        m.ends_with(
            "; with a meal holding fat it would have been fine (your usual lunch is at 12:30)"
        ),
        "{m}"
    );
    let today = [
        d3(1, "08:00", ex(1000.0)),
        food(2, "Cheese", "18:00", &[(Nutrient::Fat, ex(9.0))]),
        food(3, "Apple", "17:00", &[(Nutrient::Fat, ex(0.3))]),
    ];
    let m = message("take-with-fat", &today);
    assert!(
        m.ends_with(
            "; with a meal holding fat it would have been fine (Cheese at 18:00 holds 9 g)"
        ),
        "{m}"
    );
    let m = message("take-with-fat", &[d3(1, "08:00", ex(1000.0))]);
    assert!(!m.contains("would have been fine"), "{m}");
}
