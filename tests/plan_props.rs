//! A plan logged exactly as planned raises no spacing, single-dose or take-with-fat warning
//! (the real warning engine is run over it), and routines that can be kept are kept.

mod plan_support;
mod warnings_support;

use intake::domain::plan::{PlanStack, Routine, UsualMeal};
use intake::domain::{Entry, Nutrient, Stack};
use plan_support::*;
use proptest::prelude::*;
use warnings_support::*;

fn hhmm(m: u32) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// One of the items the rules know, at minute `m`; calcium amounts vary.
fn item(kind: u8, m: u32, calcium: f64) -> Entry {
    let at = hhmm(m);
    match kind % 10 {
        0 => med(0, "Levothyroxine", "thyroid-hormone", &at),
        1 => med(0, "Iron", "iron", &at),
        2 => med(0, "Zinc", "zinc", &at),
        3 => med(0, "Ciprofloxacin", "fluoroquinolone", &at),
        4 => med(0, "Doxycycline", "tetracycline", &at),
        5 => med(0, "Alendronate", "bisphosphonate", &at),
        6 => amount(citrate(0, &at, ex(calcium)), calcium, "mg"),
        7 => amount(carbonate(0, &at, calcium), calcium, "mg"),
        8 => d3(0, &at, ex(2000.0)),
        _ => k2(0, &at, ex(100.0)),
    }
}

fn meal_strategy() -> impl Strategy<Value = UsualMeal> {
    (300u32..1380, 0u32..30, prop_oneof![Just(0u32), 0u32..400]).prop_map(|(m, fat, ca)| {
        UsualMeal {
            label: format!("meal {}", hhmm(m)),
            time: hm(&hhmm(m)),
            fat_g: f64::from(fat),
            calcium_mg: f64::from(ca),
            fat_known: true,
        }
    })
}

/// (item kind, usual minute, calcium mg, fixed)
fn dose_strategy() -> impl Strategy<Value = (u8, u32, f64, bool)> {
    (
        0u8..10,
        (300u32..1380).prop_map(|m| m / 5 * 5),
        prop_oneof![Just(500.0), Just(250.0), Just(1000.0), Just(1200.0)],
        prop::bool::weighted(0.2),
    )
}

fn routine(doses: &[(u8, u32, f64, bool)], meals: Vec<UsualMeal>) -> Routine {
    Routine {
        doses: doses
            .iter()
            .map(|&(k, m, ca, fixed)| dose(item(k, m, ca), fixed))
            .collect(),
        meals,
        ..Default::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_plan_without_conflicts_logged_as_planned_raises_no_timing_warning(
        doses in prop::collection::vec(dose_strategy(), 1..8),
        meals in prop::collection::vec(meal_strategy(), 0..5),
        logged in prop::collection::vec((0u8..10, 300u32..1380), 0..3),
        now in prop::option::of(300u32..1380),
    ) {
        let r = routine(&doses, meals);
        let logged: Vec<Entry> = logged
            .iter()
            .enumerate()
            .map(|(i, &(k, m))| { let mut e = item(k, m, 500.0); e.id = 100 + i as i64; e })
            .collect();
        let now = now.map(hhmm);
        let p = plan_day(&r, &logged, now.as_deref());
        if p.conflicts.is_empty() {
            let w = timing_warnings(&p, &logged);
            prop_assert!(w.is_empty(), "{:?}\n{:?}", w, p);
        }
        // Every dose of the routine is in the plan, and none before `now`.
        let planned = p.doses.iter().filter(|d| d.status != intake::domain::plan::Status::Logged);
        for d in planned.clone() {
            if let (Some(n), intake::domain::plan::Status::Planned) = (&now, d.status) {
                prop_assert!(d.time >= hm(n), "{d:?} before {n}");
            }
        }
    }

    #[test]
    fn a_plan_with_stack_doses_logged_as_planned_raises_no_timing_warning(
        doses in prop::collection::vec(dose_strategy(), 0..5),
        stacked in prop::collection::vec(0u8..10, 1..4),
        stack_at in prop::option::of((300u32..1380).prop_map(|m| m / 5 * 5)),
        meals in prop::collection::vec(meal_strategy(), 0..5),
    ) {
        let mut r = routine(&doses, meals);
        let before: Vec<String> = r.doses.iter().map(|d| d.entry.item_key.to_string()).collect();
        // The stack 's', logged the day before at `stack_at` (or never).
        let history: Vec<Entry> = stack_at
            .iter()
            .map(|&m| {
                let mut e = item(stacked[0], m, 500.0);
                e.date = date("2026-11-19");
                e.note = Some(Stack::log_note("s"));
                e
            })
            .collect();
        let entries = stacked.iter().map(|&k| item(k, 0, 500.0)).collect();
        r.add_stacks(date(DAY), &history, &[PlanStack { name: "s".into(), entries }]);
        let p = plan_day(&r, &[], None);
        if p.conflicts.is_empty() {
            let w = timing_warnings(&p, &[]);
            prop_assert!(w.is_empty(), "{:?}\n{:?}", w, p);
        }
        // Each stack item history does not cover is placed from the stack or listed, never both.
        for k in stacked {
            let key = item(k, 0, 500.0).item_key.to_string();
            let placed = p.doses.iter().any(|d| d.item == key && d.stack.as_deref() == Some("s"));
            let listed = p.unplaced.iter().any(|u| u.item == key);
            if before.contains(&key) {
                prop_assert!(!placed && !listed);
            } else {
                prop_assert_eq!((placed, listed), (stack_at.is_some(), stack_at.is_none()));
            }
        }
    }

    #[test]
    fn a_routine_that_can_be_kept_is_planned_without_conflict(
        doses in prop::collection::vec((0u8..10, (360u32..1260).prop_map(|m| m / 5 * 5)), 1..7),
        calcium in prop_oneof![Just(500.0), Just(1000.0)],
    ) {
        // At most one calcium item (two doses at most) and three meals with fat: always possible.
        let mut seen_calcium = false;
        let doses: Vec<(u8, u32, f64, bool)> = doses
            .into_iter()
            .filter(|(k, _)| {
                let ca = matches!(k % 10, 6 | 7);
                let keep = !(ca && seen_calcium);
                seen_calcium |= ca;
                keep
            })
            .map(|(k, m)| (k, m, calcium, false))
            .collect();
        let r = routine(&doses, three_meals());
        let p = plan_day(&r, &[], None);
        prop_assert!(p.conflicts.is_empty(), "{:?}\n{:?}", p.conflicts, doses);
        prop_assert!(timing_warnings(&p, &[]).is_empty());
    }
}

#[test]
fn meal_fat_and_calcium_are_what_the_checks_see() {
    let r = Routine {
        doses: vec![dose(d3(0, "07:00", ex(1000.0)), false)],
        meals: vec![UsualMeal {
            fat_g: 4.0,
            ..three_meals()[0].clone()
        }],
        ..Default::default()
    };
    // Breakfast with 4 g fat is not enough: no time keeps take-with-fat.
    let p = plan_day(&r, &[], None);
    assert_eq!(p.conflicts.len(), 1, "{:?}", p);
    let logged = p.as_logged();
    let fat = logged.iter().find(|e| e.id <= -1000).unwrap();
    assert_eq!(fat.nutrients.get(Nutrient::Fat), ex(4.0));
}
