//! The plan on a table of routines: where each dose goes, and the conflicts when no time works.

mod plan_support;
mod warnings_support;

use intake::domain::Nutrient;
use intake::domain::plan::{Routine, Status, routine_from_history};
use intake::domain::warnings::table;
use plan_support::*;
use warnings_support::*;

fn levo(at: &str) -> intake::domain::Entry {
    med(1, "Levothyroxine", "thyroid-hormone", at)
}

#[test]
fn levothyroxine_fixed_calcium_1000_split_4_h_later_and_d3_k2_with_breakfast() {
    let routine = Routine {
        doses: vec![
            dose(levo("06:30"), true),
            dose(amount(citrate(2, "07:00", ex(1000.0)), 1000.0, "mg"), false),
            dose(d3(3, "07:00", ex(2000.0)), false),
            dose(k2(4, "07:00", ex(100.0)), false),
        ],
        meals: three_meals(),
        ..Default::default()
    };
    let p = plan_day(&routine, &[], None);
    assert!(p.conflicts.is_empty(), "{:?}", p.conflicts);
    assert_eq!(times_of(&p, "Levothyroxine"), ["06:30"]);
    assert_eq!(of(&p, "Levothyroxine")[0].status, Status::Fixed);
    // 1,000 mg in two doses of 500 mg, the first 4 h after levothyroxine, the second more
    // than an hour after it.
    let ca = of(&p, "Calcium citrate");
    assert_eq!(ca.len(), 2);
    assert!(ca.iter().all(|d| d.amount == "500 mg"), "{ca:?}");
    assert_eq!(ca[0].time, hm("10:30"));
    assert!((ca[1].time - ca[0].time).num_minutes() > table::SINGLE_DOSE_WINDOW_MIN);
    assert!(
        ca[0]
            .reasons
            .contains(&"4 h after Levothyroxine".to_string()),
        "{:?}",
        ca[0].reasons
    );
    assert!(
        ca[0]
            .reasons
            .iter()
            .any(|r| r.starts_with("calcium split into 2 doses"))
    );
    // D3 and K2 with breakfast (07:30, 12 g fat): within the hour, at the levothyroxine time
    // or their own.
    for name in ["Vitamin D3", "Vitamin K2 MK-7"] {
        let d = of(&p, name)[0];
        assert!((d.time - hm("07:30")).num_minutes().abs() <= 60, "{d:?}");
        assert!(
            d.reasons
                .contains(&"with your usual breakfast (07:30)".to_string()),
            "{d:?}"
        );
    }
    assert!(timing_warnings(&p, &[]).is_empty());
}

#[test]
fn iron_and_zinc_stay_at_breakfast_and_calcium_carbonate_moves_to_lunch() {
    let routine = Routine {
        doses: vec![
            dose(med(1, "Iron", "iron", "08:00"), false),
            dose(med(2, "Zinc", "zinc", "08:00"), false),
            dose(carbonate(3, "08:00", 500.0), false),
        ],
        meals: vec![
            meal("breakfast", "08:00", 10.0, 0.0),
            meal("lunch", "12:30", 20.0, 0.0),
            meal("dinner", "19:00", 20.0, 0.0),
        ],
        ..Default::default()
    };
    let p = plan_day(&routine, &[], None);
    assert!(p.conflicts.is_empty(), "{:?}", p.conflicts);
    assert_eq!(times_of(&p, "Iron"), ["08:00"]);
    assert_eq!(times_of(&p, "Zinc"), ["08:00"]);
    // The earliest time both 2 h from iron and zinc and within an hour of a meal with fat.
    assert_eq!(times_of(&p, "Calcium carbonate"), ["11:30"]);
    let ca = of(&p, "Calcium carbonate")[0];
    assert!(
        ca.reasons
            .contains(&"with your usual lunch (12:30)".to_string())
    );
    assert!(timing_warnings(&p, &[]).is_empty());
}

#[test]
fn a_bisphosphonate_morning_puts_calcium_2_h_later_with_breakfast() {
    let routine = Routine {
        doses: vec![
            dose(med(1, "Alendronate", "bisphosphonate", "06:00"), false),
            dose(carbonate(2, "07:00", 500.0), false),
        ],
        meals: vec![
            meal("breakfast", "07:00", 10.0, 0.0),
            meal("dinner", "19:00", 20.0, 0.0),
        ],
        ..Default::default()
    };
    let p = plan_day(&routine, &[], None);
    assert!(p.conflicts.is_empty(), "{:?}", p.conflicts);
    assert_eq!(times_of(&p, "Alendronate"), ["06:00"]);
    assert_eq!(times_of(&p, "Calcium carbonate"), ["08:00"]);
    assert!(timing_warnings(&p, &[]).is_empty());
}

/// Fourteen logged days: calcium citrate 500 mg at 08:00 every day, and for the last seven
/// ciprofloxacin at 08:00 and 20:00, with breakfast, lunch and dinner.
fn cipro_history() -> Vec<intake::domain::Entry> {
    let mut out = Vec::new();
    let mut id = 100;
    for back in 1..=14 {
        let day = date(DAY) - chrono::Duration::days(back);
        let at = |t: &str| format!("{day} {t}");
        let mut add = |mut e: intake::domain::Entry| {
            id += 1;
            e.id = id;
            out.push(e);
        };
        add(citrate(0, &at("08:00"), ex(500.0)));
        if back <= 7 {
            add(med(0, "Ciprofloxacin", "fluoroquinolone", &at("08:00")));
            add(med(0, "Ciprofloxacin", "fluoroquinolone", &at("20:00")));
        }
        let fat = [(Nutrient::Fat, ex(15.0)), (Nutrient::Calcium, ex(20.0))];
        add(food(0, "Toast and butter", &at("07:30"), &fat));
        add(food(0, "Sandwich", &at("12:30"), &fat));
        add(food(0, "Pasta", &at("19:00"), &fat));
    }
    out
}

#[test]
fn ciprofloxacin_for_a_week_moves_calcium_2_h_after_the_morning_dose() {
    let history = cipro_history();
    let routine = routine_from_history(date(DAY), &history);
    let keys: Vec<(&str, String)> = routine
        .doses
        .iter()
        .map(|d| (&*d.entry.item_key, d.usual.format("%H:%M").to_string()))
        .collect();
    assert_eq!(
        keys,
        [
            ("calcium-citrate", "08:00".to_string()),
            ("ciprofloxacin", "08:00".to_string()),
            ("ciprofloxacin", "20:00".to_string())
        ]
    );
    let labels: Vec<&str> = routine.meals.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels, ["breakfast", "lunch", "dinner"]);
    let p = plan_day(&routine, &[], None);
    assert!(p.conflicts.is_empty(), "{:?}", p.conflicts);
    assert_eq!(times_of(&p, "Ciprofloxacin"), ["08:00", "20:00"]);
    // 2 h after the morning dose, 10 h before the evening one (6 h needed).
    assert_eq!(times_of(&p, "Calcium citrate"), ["10:00"]);
    assert!(timing_warnings(&p, &[]).is_empty());

    // Halfway through the course, with the morning dose logged late at 09:00: calcium waits.
    let logged = [med(900, "Ciprofloxacin", "fluoroquinolone", "09:00")];
    let mut logged = logged.to_vec();
    logged[0].item_key = "ciprofloxacin".into();
    let p = plan_day(&routine, &logged, None);
    let cipro = of(&p, "Ciprofloxacin");
    assert_eq!(cipro[0].status, Status::Logged);
    assert_eq!(cipro[1].time, hm("20:00"));
    assert_eq!(times_of(&p, "Calcium citrate"), ["11:00"]);
    assert!(timing_warnings(&p, &logged).is_empty());
}

#[test]
fn levothyroxine_fixed_before_the_only_meal_leaves_calcium_carbonate_no_good_time() {
    let routine = Routine {
        doses: vec![
            dose(levo("06:30"), true),
            dose(carbonate(2, "07:00", 500.0), false),
        ],
        meals: vec![meal("breakfast", "07:00", 10.0, 0.0)],
        ..Default::default()
    };
    let p = plan_day(&routine, &[], None);
    assert_eq!(p.conflicts.len(), 1, "{:?}", p.conflicts);
    let c = &p.conflicts[0];
    assert_eq!(c.rules, [table::LEVOTHYROXINE, table::TAKE_WITH_FAT]);
    assert!(
        c.message
            .starts_with("Calcium carbonate 1 serving: no time today keeps"),
        "{}",
        c.message
    );
    // The least-bad time breaks one rule only.
    assert!(c.message.contains("which breaks"), "{}", c.message);
    let broken = timing_warnings(&p, &[]);
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert!(c.rules.contains(&broken[0].rule));
}

#[test]
fn what_is_logged_stays_and_only_the_rest_is_planned_from_now_on() {
    let routine = Routine {
        doses: vec![dose(
            amount(citrate(2, "08:00", ex(1000.0)), 1000.0, "mg"),
            false,
        )],
        meals: three_meals(),
        ..Default::default()
    };
    let logged = [amount(citrate(50, "08:00", ex(500.0)), 500.0, "mg")];
    let mut logged = logged.to_vec();
    logged[0].item_key = routine.doses[0].entry.item_key.clone();
    let p = plan_day(&routine, &logged, Some("08:30"));
    let ca = of(&p, "Calcium citrate");
    assert_eq!(ca.len(), 2);
    assert_eq!(ca[0].status, Status::Logged);
    assert_eq!(ca[1].status, Status::Planned);
    assert!((ca[1].time - hm("08:00")).num_minutes() > table::SINGLE_DOSE_WINDOW_MIN);
    assert_eq!(ca[1].earliest, Some(hm("09:05")));
    assert!(timing_warnings(&p, &logged).is_empty());
}
