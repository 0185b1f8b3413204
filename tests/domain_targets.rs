//! Targets chosen by profile from assets/targets.toml (reference §5).

use intake::domain::profile::Profile;
use intake::domain::targets::TargetTable;
use intake::domain::{Shown, Standing};

fn table() -> TargetTable {
    TargetTable::parse(include_str!("../assets/targets.toml")).unwrap()
}

fn profile(fields: &[(&str, &str)]) -> Profile {
    let mut p = Profile::default();
    for (f, v) in fields {
        p.set(f, v).unwrap();
    }
    p
}

/// (profile fields, nutrient, target, limit in force, every limit lowest first)
type Case = (
    &'static [(&'static str, &'static str)],
    Shown,
    Option<f64>,
    Option<f64>,
    &'static [f64],
);

fn amounts(t: &intake::domain::Target) -> Vec<f64> {
    t.limits.iter().map(|l| l.amount).collect()
}

#[test]
fn targets_per_profile() {
    let t = table();
    let cases: &[Case] = &[
        (
            &[("age", "40"), ("sex", "female")],
            Shown::Calcium,
            Some(1000.0),
            Some(2500.0),
            &[2500.0, 2500.0],
        ),
        (
            &[("age", "60"), ("sex", "female")],
            Shown::Calcium,
            Some(1200.0),
            Some(2000.0),
            &[2000.0, 2500.0],
        ),
        (
            &[("age", "60"), ("sex", "male")],
            Shown::Calcium,
            Some(1000.0),
            Some(2000.0),
            &[2000.0, 2500.0],
        ),
        (
            &[("age", "75"), ("sex", "male")],
            Shown::Calcium,
            Some(1200.0),
            Some(2000.0),
            &[2000.0, 2500.0],
        ),
        (
            &[("age", "60"), ("sex", "female"), ("reference", "official")],
            Shown::Calcium,
            Some(1200.0),
            Some(2000.0),
            &[2000.0, 2500.0],
        ),
        (
            &[("age", "60"), ("sex", "male"), ("reference", "official")],
            Shown::Calcium,
            Some(1000.0),
            Some(2000.0),
            &[2000.0, 2500.0],
        ),
        (
            &[("age", "30")],
            Shown::VitaminD,
            Some(1000.0),
            Some(4000.0),
            &[4000.0, 5000.0],
        ),
        (
            &[("age", "30"), ("reference", "official")],
            Shown::VitaminD,
            Some(600.0),
            Some(4000.0),
            &[4000.0, 5000.0],
        ),
        (
            &[("age", "80"), ("reference", "official")],
            Shown::VitaminD,
            Some(800.0),
            Some(4000.0),
            &[4000.0, 5000.0],
        ),
        (
            &[("goal", "general")],
            Shown::VitaminK2,
            Some(90.0),
            None,
            &[],
        ),
        (
            &[("goal", "bone")],
            Shown::VitaminK2,
            Some(180.0),
            None,
            &[],
        ),
        (
            &[("reference", "official")],
            Shown::VitaminK2,
            None,
            None,
            &[],
        ),
        (
            &[("age", "25"), ("sex", "male"), ("reference", "official")],
            Shown::Magnesium,
            Some(400.0),
            None,
            &[350.0],
        ),
        (
            &[("age", "45"), ("sex", "female")],
            Shown::Magnesium,
            Some(320.0),
            None,
            &[350.0],
        ),
        (&[], Shown::VitaminK1, None, None, &[]),
        (
            &[("reference", "official"), ("sex", "female")],
            Shown::VitaminK,
            Some(90.0),
            None,
            &[],
        ),
        (
            &[("reference", "official"), ("sex", "male")],
            Shown::VitaminK,
            Some(120.0),
            None,
            &[],
        ),
        (
            &[("reference", "official")],
            Shown::VitaminK1,
            None,
            None,
            &[],
        ),
        (&[("reference", "seed")], Shown::VitaminK, None, None, &[]),
    ];
    for (fields, s, target, limit, all) in cases {
        let got = t.target(*s, &profile(fields));
        assert_eq!(
            (got.target, got.limit_amount(), amounts(&got)),
            (*target, *limit, all.to_vec()),
            "{fields:?} {s:?}"
        );
        assert!(!got.source.is_empty());
    }
}

#[test]
fn standing_against_band_and_limit() {
    let t = table().target(Shown::Calcium, &profile(&[("age", "40")]));
    assert_eq!(t.standing(0.0), Standing::Below);
    assert_eq!(t.standing(999.0), Standing::Below);
    assert_eq!(t.standing(1000.0), Standing::Within);
    assert_eq!(t.standing(1200.0), Standing::Within);
    assert_eq!(t.standing(1201.0), Standing::Above);
    assert_eq!(t.standing(2500.0), Standing::Above);
    assert_eq!(t.standing(2501.0), Standing::OverLimit);
    assert_eq!(t.pct(1500.0), Some(150.0));
    let k1 = table().target(Shown::VitaminK1, &Profile::default());
    assert_eq!(k1.standing(100.0), Standing::NoTarget);
    assert_eq!(k1.pct(100.0), None);
}

/// The official calcium UL at 51+ (2,000 mg) is the limit in force on the seed set too, named and
/// sourced; the seed 2,500 mg stays listed beside it.
#[test]
fn the_official_calcium_ul_is_never_hidden_on_the_seed_set() {
    let t = table().target(
        Shown::Calcium,
        &profile(&[("age", "60"), ("sex", "female"), ("reference", "seed")]),
    );
    let l = t.limit().unwrap();
    assert_eq!((l.amount, l.name.as_str()), (2000.0, "official UL"));
    assert!(l.source.contains("2,000 mg (51+)"), "{}", l.source);
    assert_eq!(t.standing(2000.0), Standing::Above);
    assert_eq!(t.standing(2001.0), Standing::OverLimit);
    assert_eq!(t.standing(1999.0), Standing::Above);
    assert_eq!(
        t.limits_text().as_deref(),
        Some("limit official UL 2000, seed max 2500")
    );
    let young = table().target(Shown::Calcium, &profile(&[("age", "50")]));
    assert_eq!(young.limit_amount(), Some(2500.0));
}

/// The magnesium UL counts supplements only: it is listed but is not the bar's limit on the
/// total (food magnesium has no upper limit).
#[test]
fn the_magnesium_ul_counts_supplements_only() {
    use intake::domain::profile::Counts;
    let t = table().target(Shown::Magnesium, &Profile::default());
    assert_eq!(t.limits.len(), 1);
    assert_eq!(t.limits[0].counts, Counts::Supplements);
    assert_eq!(t.limit_amount(), None);
    assert_eq!(t.standing(5000.0), Standing::Above);
}

#[test]
fn every_row_has_a_source_and_every_limit_a_name() {
    let t = table();
    assert!(t.row.iter().all(|r| !r.source.trim().is_empty()));
    assert!(
        t.limit
            .iter()
            .all(|l| !l.source.trim().is_empty() && !l.name.trim().is_empty() && l.amount > 0.0)
    );
}
