//! Calcium single dose and the calcium spacing rules: at, just inside and just outside each
//! window, across midnight, with unknown amounts, and one warning per pair.

mod warnings_support;
use intake::domain::warnings::Severity;
use intake::domain::{Kind, Nutrient};
use warnings_support::*;

const SINGLE: &str = "calcium-single-dose";
const LEVO: &str = "calcium-levothyroxine-spacing";
const IRON: &str = "calcium-iron-zinc-spacing";
const ABX: &str = "calcium-antibiotic-spacing";
const BIS: &str = "calcium-bisphosphonate-spacing";

/// Doses as (time, calcium).
type Doses<'a> = &'a [(&'a str, intake::domain::Value)];

#[test]
fn single_dose_table() {
    // (case, doses as (time, calcium), expected warnings on DAY)
    let cases: &[(&str, Doses, usize)] = &[
        ("500 mg is the threshold", &[("09:00", ex(500.0))], 0),
        ("501 mg is over", &[("09:00", ex(501.0))], 1),
        (
            "two doses 60 min apart sum",
            &[("09:00", ex(300.0)), ("10:00", ex(250.0))],
            1,
        ),
        (
            "two doses 61 min apart do not",
            &[("09:00", ex(300.0)), ("10:01", ex(250.0))],
            0,
        ),
        (
            "sum exactly 500",
            &[("09:00", ex(250.0)), ("09:30", ex(250.0))],
            0,
        ),
        (
            "three doses: one warning",
            &[
                ("09:00", ex(300.0)),
                ("09:30", ex(300.0)),
                ("10:00", ex(300.0)),
            ],
            1,
        ),
        (
            "across midnight",
            &[("2026-11-19 23:40", ex(300.0)), ("00:20", ex(250.0))],
            1,
        ),
        (
            "unknown may be small",
            &[("09:00", ex(400.0)), ("09:10", UNKNOWN)],
            0,
        ),
        (
            "known part already over",
            &[("09:00", ex(600.0)), ("09:10", UNKNOWN)],
            1,
        ),
        ("range low end under", &[("09:00", range(400.0, 600.0))], 0),
        ("range low end over", &[("09:00", range(501.0, 600.0))], 1),
        (
            "morning and evening",
            &[("08:00", ex(500.0)), ("20:00", ex(500.0))],
            0,
        ),
    ];
    for (case, doses, want) in cases {
        let es: Vec<_> = doses
            .iter()
            .enumerate()
            .map(|(i, (at, mg))| citrate(i as i64 + 1, at, *mg))
            .collect();
        let got = of_rule(SINGLE, &es);
        assert_eq!(got.len(), *want, "{case}: {got:?}");
        for w in &got {
            assert_eq!(w.severity, Severity::Caution, "{case}");
            assert!(
                w.message.contains("Calcium citrate"),
                "{case}: {}",
                w.message
            );
        }
    }
}

#[test]
fn single_dose_across_midnight_belongs_to_the_later_day_only() {
    let es = [
        citrate(1, "2026-11-19 23:40", ex(300.0)),
        citrate(2, "00:20", ex(250.0)),
    ];
    assert_eq!(of_rule(SINGLE, &es).len(), 1);
    assert!(of_rule_on(SINGLE, "2026-11-19", &es, &ctx()).is_empty());
    let w = &of_rule(SINGLE, &es)[0];
    assert_eq!(w.entries, vec![1, 2]);
    assert!(w.message.contains("23:40 on 2026-11-19"), "{}", w.message);
    assert!(w.message.contains("550 mg"), "{}", w.message);
    assert!(
        w.message
            .contains("(doses within 1 h count as one: intake's threshold)"),
        "{}",
        w.message
    );
}

#[test]
fn single_dose_counts_supplements_not_food() {
    let milk = food(1, "Milk", "09:00", &[(Nutrient::Calcium, ex(600.0))]);
    assert!(of_rule(SINGLE, std::slice::from_ref(&milk)).is_empty());
    let antacid = mk(
        2,
        Kind::Medication,
        "Antacid",
        &[],
        "09:00",
        &[(Nutrient::Calcium, ex(600.0))],
    );
    assert_eq!(of_rule(SINGLE, &[milk, antacid]).len(), 1);
}

/// Warnings of a spacing rule for one partner entry and one calcium citrate 500 mg.
fn pair_count(rule: &str, tag: &str, partner_at: &str, calcium_at: &str) -> usize {
    pair_severities(rule, tag, partner_at, calcium_at).len()
}

fn pair_severities(rule: &str, tag: &str, partner_at: &str, calcium_at: &str) -> Vec<Severity> {
    let es = [
        med(1, "Medicine", tag, partner_at),
        citrate(2, calcium_at, ex(500.0)),
    ];
    of_rule(rule, &es).iter().map(|w| w.severity).collect()
}

#[test]
fn spacing_windows_table() {
    use Severity::{Caution as C, Info as I};
    // (rule, partner tag, partner time, calcium time, severity if it fires)
    let cases = [
        (LEVO, "thyroid-hormone", "07:00", "11:00", None),
        (LEVO, "thyroid-hormone", "07:00", "10:59", Some(C)),
        (LEVO, "thyroid-hormone", "07:00", "07:00", Some(C)),
        (LEVO, "thyroid-hormone", "11:00", "07:00", None),
        (LEVO, "thyroid-hormone", "10:59", "07:00", Some(C)),
        (IRON, "iron", "08:00", "10:00", None),
        (IRON, "iron", "08:00", "09:59", Some(C)),
        (IRON, "zinc", "10:00", "08:00", None),
        (IRON, "zinc", "09:59", "08:00", Some(C)),
        (ABX, "tetracycline", "08:00", "10:00", None),
        (ABX, "tetracycline", "08:00", "09:59", Some(C)),
        // Issue 13: 4–6 h after calcium: caution under 4 h, info from 4 h to just under 6 h.
        (ABX, "tetracycline", "11:59", "08:00", Some(C)),
        (ABX, "tetracycline", "12:00", "08:00", Some(I)),
        (ABX, "tetracycline", "13:59", "08:00", Some(I)),
        (ABX, "tetracycline", "14:00", "08:00", None),
        (ABX, "fluoroquinolone", "08:00", "10:00", None),
        (ABX, "fluoroquinolone", "08:00", "09:59", Some(C)),
        (ABX, "fluoroquinolone", "14:00", "08:00", None),
        (ABX, "fluoroquinolone", "13:59", "08:00", Some(C)),
        (ABX, "fluoroquinolone", "11:59", "08:00", Some(C)),
        (BIS, "bisphosphonate", "07:00", "09:00", None),
        (BIS, "bisphosphonate", "07:00", "08:59", Some(C)),
        (BIS, "bisphosphonate", "07:00", "07:00", Some(C)),
        (BIS, "bisphosphonate", "07:30", "07:00", None),
    ];
    for (rule, tag, p, c, want) in cases {
        let got = pair_severities(rule, tag, p, c);
        assert_eq!(
            got,
            Vec::from_iter(want),
            "{rule} {tag} at {p}, calcium at {c}"
        );
    }
}

/// The tetracycline info between 4 and 6 h says where in the source's range the gap is.
#[test]
fn tetracycline_between_4_and_6_h_says_so() {
    let es = [
        citrate(1, "08:00", ex(500.0)),
        med(2, "Doxycycline", "tetracycline", "13:00"),
    ];
    let w = &of_rule(ABX, &es)[0];
    for part in [
        "5 h after",
        "past 4 h but not yet 6 h",
        "4–6 h after calcium",
    ] {
        assert!(w.message.contains(part), "{}", w.message);
    }
}

/// Issue 13 item 4: food calcium (a yogurt) ranks below a supplement or a medicine holding
/// calcium, and the message says which it was; food counts from intake's own 130 mg.
#[test]
fn food_calcium_is_info_and_doses_are_caution_and_the_message_says_which() {
    let levo = || med(1, "Levothyroxine", "thyroid-hormone", "07:00");
    let antacid = mk(
        2,
        Kind::Medication,
        "Antacid",
        &[],
        "08:00",
        &[(Nutrient::Calcium, ex(300.0))],
    );
    let yogurt = food(2, "Yogurt", "09:00", &[(Nutrient::Calcium, ex(400.0))]);
    let cases = [
        (
            citrate(2, "09:00", ex(500.0)),
            Severity::Caution,
            "the calcium is a supplement",
        ),
        (antacid, Severity::Caution, "the calcium is in a medicine"),
        (
            yogurt,
            Severity::Info,
            "the calcium is food with 400 mg calcium (food counts from 130 mg: intake's threshold)",
        ),
    ];
    for (e, severity, says) in cases {
        let w = of_rule(LEVO, &[levo(), e]);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].severity, severity, "{}", w[0].message);
        assert!(w[0].message.contains(says), "{}", w[0].message);
    }
}

#[test]
fn spacing_rules_do_not_cross_fire() {
    for (rule, tag) in [
        (LEVO, "iron"),
        (IRON, "thyroid-hormone"),
        (BIS, "tetracycline"),
        (ABX, "zinc"),
    ] {
        assert_eq!(
            pair_count(rule, tag, "08:00", "08:30"),
            0,
            "{rule} with {tag}"
        );
    }
}

#[test]
fn levothyroxine_message_names_both_entries_and_times() {
    let es = [
        med(1, "Levothyroxine", "thyroid-hormone", "07:00"),
        citrate(2, "09:00", ex(500.0)),
    ];
    let w = &of_rule(LEVO, &es)[0];
    assert!(
        w.message.contains("Calcium citrate 1 serving at 09:00"),
        "{}",
        w.message
    );
    assert!(
        w.message.contains("Levothyroxine 1 serving at 07:00"),
        "{}",
        w.message
    );
    assert!(w.message.contains("2 h after"), "{}", w.message);
    assert!(
        w.message.contains("the source advises at least 4 h"),
        "{}",
        w.message
    );
    assert_eq!(w.entries, vec![1, 2]);
    assert_eq!(w.source, "seed 001; levothyroxine label");
    assert_eq!(w.date, date(DAY));
}

#[test]
fn spacing_across_midnight_is_reported_once_on_the_later_day() {
    let es = [
        citrate(1, "2026-11-19 23:30", ex(500.0)),
        med(2, "Levothyroxine", "thyroid-hormone", "01:00"),
    ];
    let later = of_rule(LEVO, &es);
    assert_eq!(later.len(), 1);
    assert!(
        later[0].message.contains("1 h 30 min after"),
        "{}",
        later[0].message
    );
    assert!(of_rule_on(LEVO, "2026-11-19", &es, &ctx()).is_empty());
    // The next day does not report it again.
    assert!(of_rule_on(LEVO, "2026-11-21", &es, &ctx()).is_empty());
}

#[test]
fn one_warning_per_pair() {
    let es = [
        med(1, "Levothyroxine", "thyroid-hormone", "07:00"),
        citrate(2, "08:00", ex(250.0)),
        citrate(3, "09:00", ex(250.0)),
        // Two tags of one rule on one medicine still give one warning per pair.
        mk(
            4,
            Kind::Medication,
            "Odd antibiotic",
            &["tetracycline", "fluoroquinolone"],
            "10:00",
            &[],
        ),
    ];
    let levo = of_rule(LEVO, &es);
    assert_eq!(
        levo.iter().map(|w| w.entries.clone()).collect::<Vec<_>>(),
        vec![vec![1, 2], vec![1, 3]]
    );
    assert_eq!(of_rule(ABX, &es).len(), 2);
}

#[test]
fn which_entries_count_as_calcium() {
    let levo = || med(1, "Levothyroxine", "thyroid-hormone", "07:00");
    let cases = [
        (
            "milk 300 mg",
            food(2, "Milk", "08:00", &[(Nutrient::Calcium, ex(300.0))]),
            1,
        ),
        (
            "food at the 130 mg line",
            food(2, "Cheese", "08:00", &[(Nutrient::Calcium, ex(130.0))]),
            1,
        ),
        (
            "food under it",
            food(2, "Bread", "08:00", &[(Nutrient::Calcium, ex(129.0))]),
            0,
        ),
        (
            "food with unknown calcium",
            food(2, "Stew", "08:00", &[(Nutrient::Calcium, UNKNOWN)]),
            0,
        ),
        (
            "tagged supplement, unknown amount",
            citrate(2, "08:00", UNKNOWN),
            1,
        ),
        (
            "untagged supplement, unknown",
            mk(
                2,
                Kind::Supplement,
                "Multi",
                &[],
                "08:00",
                &[(Nutrient::Calcium, UNKNOWN)],
            ),
            0,
        ),
        (
            "untagged supplement with calcium",
            mk(
                2,
                Kind::Supplement,
                "Multi",
                &[],
                "08:00",
                &[(Nutrient::Calcium, ex(100.0))],
            ),
            1,
        ),
        ("a D3 supplement", d3(2, "08:00", ex(1000.0)), 0),
    ];
    for (case, e, want) in cases {
        assert_eq!(of_rule(LEVO, &[levo(), e]).len(), want, "{case}");
    }
}

#[test]
fn a_medicine_holding_calcium_is_not_paired_with_itself() {
    let odd = mk(
        1,
        Kind::Medication,
        "Iron with calcium",
        &["iron"],
        "08:00",
        &[(Nutrient::Calcium, ex(200.0))],
    );
    assert!(of_rule(IRON, &[odd]).is_empty());
}
