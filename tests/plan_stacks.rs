//! The stacks as an input of the plan: a stack's item that history gives no usual time takes
//! the time the stack is usually logged at, says so, and is listed (not placed) when the stack
//! has no such time.

mod plan_support;
mod warnings_support;

use intake::domain::Entry;
use intake::domain::Stack;
use intake::domain::plan::{PlanStack, Routine, Status, TimeSource, stack_time};
use plan_support::*;
use warnings_support::*;

/// `e` on `day` at `at`, logged from the stack `name`.
fn stacked(mut e: Entry, day: &str, at: &str, name: &str) -> Entry {
    let m = moment(&format!("{day} {at}"));
    e.date = m.date();
    e.time = Some(m.time());
    e.note = Some(Stack::log_note(name));
    e
}

/// Levothyroxine at 06:30 on each of the 14 days before DAY; the stack 'morning' (levothyroxine,
/// D3, K2) logged on three of them at 08:10, 08:00 and 08:30.
fn history() -> Vec<Entry> {
    let mut h = Vec::new();
    for d in 6..=19 {
        let day = format!("2026-11-{d:02}");
        h.push(med(
            d,
            "Levothyroxine",
            "thyroid-hormone",
            &format!("{day} 06:30"),
        ));
    }
    for (day, at) in [
        ("2026-11-08", "08:10"),
        ("2026-11-12", "08:00"),
        ("2026-11-17", "08:30"),
    ] {
        h.push(stacked(d3(0, "07:00", ex(2000.0)), day, at, "morning"));
        h.push(stacked(k2(0, "07:00", ex(100.0)), day, at, "morning"));
    }
    h
}

fn morning() -> PlanStack {
    PlanStack {
        name: "morning".into(),
        entries: vec![
            med(0, "Levothyroxine", "thyroid-hormone", "00:00"),
            d3(0, "00:00", ex(2000.0)),
            k2(0, "00:00", ex(100.0)),
        ],
    }
}

/// History gives levothyroxine and breakfast; the stacks the rest.
fn routine(stacks: &[PlanStack]) -> Routine {
    let mut r = intake::domain::plan::routine_from_history(date(DAY), &history());
    r.meals = three_meals();
    r.add_stacks(date(DAY), &history(), stacks);
    r
}

#[test]
fn a_stack_is_usually_logged_at_the_median_of_its_first_time_each_day() {
    let h = history();
    assert_eq!(stack_time(date(DAY), &h, "morning"), Some(hm("08:10")));
    assert_eq!(stack_time(date(DAY), &h, "evening"), None);
    // Only days before the planned one count.
    assert_eq!(
        stack_time(date("2026-11-12"), &h, "morning"),
        Some(hm("08:10"))
    );
    assert_eq!(stack_time(date("2026-11-08"), &h, "morning"), None);
}

#[test]
fn a_stack_item_history_has_no_time_for_takes_the_stacks_time_and_says_so() {
    let r = routine(&[morning()]);
    // Levothyroxine keeps its own usual time from history; D3 and K2 come from the stack.
    let sources: Vec<(String, TimeSource)> = r
        .doses
        .iter()
        .map(|d| (d.entry.item_key.to_string(), d.source.clone()))
        .collect();
    assert_eq!(
        sources,
        vec![
            ("levothyroxine".to_string(), TimeSource::History),
            (
                "vitamin-d3".to_string(),
                TimeSource::Stack("morning".into())
            ),
            (
                "vitamin-k2-mk-7".to_string(),
                TimeSource::Stack("morning".into())
            ),
        ]
    );
    assert!(r.doses.iter().skip(1).all(|d| d.usual == hm("08:10")));
    assert!(r.unplaced.is_empty());

    let p = plan_day(&r, &[], None);
    assert!(p.conflicts.is_empty(), "{:?}", p.conflicts);
    let d3 = of(&p, "Vitamin D3");
    assert_eq!(d3.len(), 1);
    assert_eq!(d3[0].stack.as_deref(), Some("morning"));
    assert!(
        d3[0]
            .reasons
            .iter()
            .any(|r| r == "from your stack 'morning', usually logged at 08:10"),
        "{:?}",
        d3[0].reasons
    );
    let levo = of(&p, "Levothyroxine");
    assert_eq!(levo[0].stack, None);
    assert!(levo[0].reasons.iter().all(|r| !r.contains("stack")));
    assert!(timing_warnings(&p, &[]).is_empty());
}

#[test]
fn a_stack_dose_moved_by_a_rule_says_which_stack_time_it_left() {
    // Calcium in the stack at 06:30 would be beside levothyroxine: it moves 4 h later.
    let mut h = history();
    h.push(stacked(
        amount(citrate(0, "07:00", ex(500.0)), 500.0, "mg"),
        "2026-11-18",
        "06:30",
        "early",
    ));
    let early = PlanStack {
        name: "early".into(),
        entries: vec![amount(citrate(0, "00:00", ex(500.0)), 500.0, "mg")],
    };
    let mut r = intake::domain::plan::routine_from_history(date(DAY), &h);
    r.meals = three_meals();
    r.add_stacks(date(DAY), &h, &[early]);
    let p = plan_day(&r, &[], None);
    let ca = of(&p, "Calcium citrate");
    assert_eq!(ca[0].time, hm("10:30"), "{p:?}");
    assert!(
        ca[0]
            .reasons
            .contains(&"moved from 06:30, when your stack 'early' is usually logged".to_string()),
        "{:?}",
        ca[0].reasons
    );
    assert!(timing_warnings(&p, &[]).is_empty());
}

#[test]
fn an_item_of_a_stack_never_logged_is_listed_not_placed() {
    let evening = PlanStack {
        name: "evening".into(),
        entries: vec![
            med(0, "Magnesium", "magnesium", "00:00"),
            food(0, "Almonds", "00:00", &[]),
        ],
    };
    let r = routine(&[evening]);
    assert_eq!(r.unplaced.len(), 1, "foods are left to the usual meals");
    let u = &r.unplaced[0];
    assert_eq!(
        (u.stack.as_str(), u.item.as_str()),
        ("evening", "magnesium")
    );
    assert!(
        u.reason
            .contains("stack 'evening' was not logged on any of them")
    );
    assert!(u.no_time);

    let p = plan_day(&r, &[], None);
    assert!(of(&p, "Magnesium").is_empty(), "never at an invented time");
    assert_eq!(p.unplaced, r.unplaced);

    // Logged today, it is taken, not "not placed".
    let taken = med(7, "Magnesium", "magnesium", "21:00");
    let p = plan_day(&r, &[taken], None);
    assert!(p.unplaced.is_empty());
    assert_eq!(of(&p, "Magnesium")[0].status, Status::Logged);

    // Fixed, it is placed at the time the user gave.
    let mut fixed = r.clone();
    fixed.fix(med(0, "Magnesium", "magnesium", "00:00"), hm("21:00"));
    assert!(fixed.unplaced.is_empty());
    let p = plan_day(&fixed, &[], None);
    assert_eq!(times_of(&p, "Magnesium"), vec!["21:00"]);
    assert_eq!(of(&p, "Magnesium")[0].status, Status::Fixed);
}

#[test]
fn an_item_in_two_stacks_with_no_history_is_taken_with_each() {
    let mut h = history();
    let mg = || med(0, "Magnesium", "magnesium", "00:00");
    h.push(stacked(mg(), "2026-11-18", "21:00", "evening"));
    let stacks = [
        PlanStack {
            name: "morning".into(),
            entries: vec![mg()],
        },
        PlanStack {
            name: "evening".into(),
            entries: vec![mg()],
        },
    ];
    let mut r = Routine::default();
    r.add_stacks(date(DAY), &h, &stacks);
    // 'morning' was logged (with other items) at 08:10; 'evening' at 21:00.
    let usual: Vec<String> = r
        .doses
        .iter()
        .map(|d| d.usual.format("%H:%M").to_string())
        .collect();
    assert_eq!(usual, vec!["08:10", "21:00"]);
}

#[test]
fn the_second_half_of_a_fixed_calcium_dose_says_it_left_the_time_you_fixed() {
    let mut r = Routine {
        meals: three_meals(),
        ..Default::default()
    };
    r.fix(
        amount(citrate(0, "00:00", ex(1000.0)), 1000.0, "mg"),
        hm("12:30"),
    );
    let p = plan_day(&r, &[], None);
    let ca = of(&p, "Calcium citrate");
    assert_eq!(ca.len(), 2);
    let fixed = ca.iter().find(|d| d.status == Status::Fixed).unwrap();
    assert_eq!(fixed.time, hm("12:30"));
    let moved = ca.iter().find(|d| d.status == Status::Planned).unwrap();
    assert!(
        moved
            .reasons
            .contains(&"moved from 12:30, the time you fixed".to_string()),
        "{:?}",
        moved.reasons
    );
}
