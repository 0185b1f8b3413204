//! `intake plan`, `intake next` and `intake plan --ics` against a diary with two weeks of a
//! levothyroxine + calcium + D3 routine.

mod common;
use chrono::{Duration, Local, NaiveDate};
use common::Diary;
use icalendar::{Calendar, Component};

fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Ten days before today: levothyroxine 06:30, calcium citrate 1,000 mg and D3 at 07:00,
/// butter at breakfast 07:30.
fn diary() -> Diary {
    let d = Diary::new();
    for back in 1..=10 {
        let day = (today() - Duration::days(back)).to_string();
        let add = |args: &[&str], at: &str| {
            let mut a = vec!["add"];
            a.extend_from_slice(args);
            a.extend_from_slice(&["--date", &day, "--at", at]);
            d.ok(&a);
        };
        add(&["levothyroxine"], "06:30");
        add(&["calcium-citrate", "1000 mg"], "07:00");
        add(&["d3", "2000 IU"], "07:00");
        add(&["butter", "1 tbsp", "--meal", "breakfast"], "07:30");
    }
    d
}

fn json(d: &Diary, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&d.ok(args)).unwrap()
}

#[test]
fn plan_places_calcium_4_h_after_fixed_levothyroxine_in_doses_of_500_mg() {
    let d = diary();
    let day = today().to_string();
    let out = d.ok(&["plan", &day, "--fix", "levothyroxine=06:30"]);
    assert!(
        out.contains("06:30  Levothyroxine (thyroid hormone) 1 tablet · fixed — fixed by you"),
        "{out}"
    );
    assert!(
        out.contains("10:30  Calcium citrate (elemental calcium) 500 mg — calcium split into 2 doses of at most 500 mg, 4 h after Levothyroxine"),
        "{out}"
    );
    assert!(
        out.contains("Vitamin D3 (cholecalciferol) 2000 IU — with your usual breakfast (07:30)"),
        "{out}"
    );
    assert!(
        out.contains("Usual meals counted on: breakfast 07:30"),
        "{out}"
    );
    assert!(!out.contains("No time keeps every rule"), "{out}");

    // The fixed time is kept for later plans; --json gives the same plan.
    let v = json(&d, &["plan", &day, "--json"]);
    let doses = v["doses"].as_array().unwrap();
    let levo = doses.iter().find(|x| x["item"] == "levothyroxine").unwrap();
    assert_eq!(levo["status"], "fixed");
    assert_eq!(levo["time"], "06:30");
    let ca: Vec<&serde_json::Value> = doses
        .iter()
        .filter(|x| x["item"] == "calcium-citrate")
        .collect();
    assert_eq!(ca.len(), 2);
    assert_eq!(ca[0]["time"], "10:30");
    assert_eq!(ca[0]["amount"], "500 mg");
    assert_eq!(v["conflicts"], serde_json::json!([]));

    // --unfix lets it move again.
    d.ok(&["plan", "--unfix", "levothyroxine"]);
    let v = json(&d, &["plan", &day, "--json"]);
    let levo = v["doses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["item"] == "levothyroxine")
        .cloned()
        .unwrap();
    assert_eq!(levo["status"], "planned");
}

#[test]
fn a_dose_already_logged_today_is_taken_and_next_lists_only_the_rest() {
    let d = diary();
    let day = today().to_string();
    d.ok(&["add", "levothyroxine", "--date", &day, "--at", "00:00"]);
    let v = json(&d, &["plan", &day, "--json"]);
    let levo: Vec<&serde_json::Value> = v["doses"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["item"] == "levothyroxine")
        .collect();
    assert_eq!(levo.len(), 1);
    assert_eq!(levo[0]["status"], "logged");

    let out = d.cmd(&["next"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains("Levothyroxine"), "{text}");
    let v = json(&d, &["next", "--json"]);
    let next = v["next"].as_array().unwrap();
    assert!(
        next.iter()
            .all(|x| x["status"] != "logged" && x["item"] != "levothyroxine")
    );
    assert!(next.iter().any(|x| x["item"] == "d3"), "{v}");
    assert_eq!(v["date"], day);
}

#[test]
fn an_empty_diary_has_nothing_to_plan_and_nothing_next() {
    let d = Diary::new();
    assert!(d.ok(&["plan"]).contains("Nothing to plan"));
    assert!(d.ok(&["next"]).contains("Nothing left to take today."));
}

fn uids_and_rules(path: &std::path::Path) -> (Vec<String>, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let cal: Calendar = text.parse().unwrap();
    let events: Vec<&icalendar::Event> = cal.events().collect();
    let uids = events
        .iter()
        .map(|e| e.get_uid().unwrap().to_string())
        .collect();
    let rules = events
        .iter()
        .map(|e| e.property_value("RRULE").unwrap().to_string())
        .collect();
    assert!(
        text.matches("BEGIN:VALARM").count() == events.len() && text.contains("ACTION:DISPLAY")
    );
    (uids, rules)
}

#[test]
fn ics_has_one_daily_event_per_planned_time_and_a_second_export_keeps_the_uids() {
    let d = diary();
    d.ok(&["plan", "--fix", "levothyroxine=06:30"]);
    let file = d.dir.path().join("plan.ics");
    let f = file.to_str().unwrap();
    let out = d.ok(&["plan", "--ics", f]);
    let v = json(&d, &["plan", "--json"]);
    let mut times: Vec<&str> = v["doses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["time"].as_str().unwrap())
        .collect();
    times.dedup();
    assert_eq!(
        out,
        format!("wrote {} daily reminders to {f}\n", times.len())
    );
    let (uids, rules) = uids_and_rules(&file);
    assert_eq!(uids.len(), times.len());
    assert!(rules.iter().all(|r| r == "FREQ=DAILY"), "{rules:?}");
    // Exported again (another day, a new DTSTAMP): the same events, not copies.
    let tomorrow = (today() + Duration::days(1)).to_string();
    d.ok(&["plan", &tomorrow, "--ics", f]);
    let (again, _) = uids_and_rules(&file);
    assert_eq!(again, uids);
}

#[test]
fn plan_takes_a_stack_items_time_from_the_stack_and_lists_a_stack_never_logged() {
    let d = diary();
    d.ok(&["stack", "add", "morning", "d3=2000 IU", "k2-mk7=100 mcg"]);
    d.ok(&["stack", "add", "evening", "magnesium=200 mg"]);
    for back in [2, 5] {
        let day = (today() - Duration::days(back)).to_string();
        d.ok(&["stack", "log", "morning", "--date", &day, "--at", "08:00"]);
    }
    let day = today().to_string();
    let out = d.ok(&["plan", &day]);
    // K2 is on 2 of the 10 days: its time is the stack's; D3 keeps its own from history.
    assert!(
        out.contains("08:00  Vitamin K2 MK-7 100 mcg — with your usual breakfast (07:30), from your stack 'morning', usually logged at 08:00"),
        "{out}"
    );
    assert!(
        out.contains("Vitamin D3 (cholecalciferol) 2000 IU — with your usual breakfast (07:30), usually 07:00"),
        "{out}"
    );
    assert!(
        out.contains("Not placed, from your stacks:\n  ? Magnesium (elemental) 200 mg (stack 'evening') — no usual time"),
        "{out}"
    );
    assert!(
        !out.contains("  Magnesium"),
        "never placed at an invented time: {out}"
    );
    assert!(
        out.contains("; log the stack at its time (intake stack log evening --at HH:MM) or fix one (intake plan --fix magnesium=HH:MM)\n"),
        "{out}"
    );
    let next = d.ok(&["next"]);
    assert!(
        next.contains("? Magnesium (elemental) 200 mg (stack 'evening')"),
        "{next}"
    );

    let v = json(&d, &["plan", &day, "--json"]);
    let doses = v["doses"].as_array().unwrap();
    let k2 = doses.iter().find(|x| x["item"] == "k2-mk7").unwrap();
    assert_eq!(
        (&k2["time"], &k2["stack"]),
        (&"08:00".into(), &"morning".into())
    );
    let d3 = doses.iter().find(|x| x["item"] == "d3").unwrap();
    assert!(d3.get("stack").is_none(), "{d3}");
    assert!(doses.iter().all(|x| x["item"] != "magnesium"));
    let unplaced = v["unplaced"].as_array().unwrap();
    assert_eq!(unplaced.len(), 1);
    assert_eq!(
        (
            &unplaced[0]["stack"],
            &unplaced[0]["item"],
            &unplaced[0]["amount"]
        ),
        (&"evening".into(), &"magnesium".into(), &"200 mg".into())
    );

    // Once the evening stack is logged, magnesium is planned at that time, and next says so.
    let yesterday = (today() - Duration::days(1)).to_string();
    d.ok(&[
        "stack", "log", "evening", "--date", &yesterday, "--at", "21:00",
    ]);
    let v = json(&d, &["plan", &day, "--json"]);
    let mg = v["doses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["item"] == "magnesium")
        .cloned()
        .unwrap();
    assert_eq!(
        (&mg["time"], &mg["stack"]),
        (&"21:00".into(), &"evening".into())
    );
    assert_eq!(v["unplaced"], serde_json::json!([]));
}
