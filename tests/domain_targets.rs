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

/// (profile fields, nutrient, target, limit, official limit)
type Case = (
    &'static [(&'static str, &'static str)],
    Shown,
    Option<f64>,
    Option<f64>,
    Option<f64>,
);

#[test]
fn targets_per_profile() {
    let t = table();
    let cases: &[Case] = &[
        (
            &[("age", "40"), ("sex", "female")],
            Shown::Calcium,
            Some(1000.0),
            Some(2500.0),
            Some(2500.0),
        ),
        (
            &[("age", "60"), ("sex", "female")],
            Shown::Calcium,
            Some(1200.0),
            Some(2500.0),
            Some(2000.0),
        ),
        (
            &[("age", "60"), ("sex", "male")],
            Shown::Calcium,
            Some(1000.0),
            Some(2500.0),
            Some(2000.0),
        ),
        (
            &[("age", "75"), ("sex", "male")],
            Shown::Calcium,
            Some(1200.0),
            Some(2500.0),
            Some(2000.0),
        ),
        (
            &[("age", "60"), ("sex", "female"), ("reference", "official")],
            Shown::Calcium,
            Some(1200.0),
            Some(2000.0),
            Some(2000.0),
        ),
        (
            &[("age", "60"), ("sex", "male"), ("reference", "official")],
            Shown::Calcium,
            Some(1000.0),
            Some(2000.0),
            Some(2000.0),
        ),
        (
            &[("age", "30")],
            Shown::VitaminD,
            Some(1000.0),
            Some(5000.0),
            Some(4000.0),
        ),
        (
            &[("age", "30"), ("reference", "official")],
            Shown::VitaminD,
            Some(600.0),
            Some(4000.0),
            Some(4000.0),
        ),
        (
            &[("age", "80"), ("reference", "official")],
            Shown::VitaminD,
            Some(800.0),
            Some(4000.0),
            Some(4000.0),
        ),
        (
            &[("goal", "general")],
            Shown::VitaminK2,
            Some(90.0),
            None,
            None,
        ),
        (
            &[("goal", "bone")],
            Shown::VitaminK2,
            Some(180.0),
            None,
            None,
        ),
        (
            &[("reference", "official")],
            Shown::VitaminK2,
            None,
            None,
            None,
        ),
        (
            &[("age", "25"), ("sex", "male"), ("reference", "official")],
            Shown::Magnesium,
            Some(400.0),
            None,
            None,
        ),
        (
            &[("age", "45"), ("sex", "female")],
            Shown::Magnesium,
            Some(320.0),
            None,
            None,
        ),
        (&[], Shown::VitaminK1, None, None, None),
    ];
    for (fields, s, target, limit, official) in cases {
        let got = t.target(*s, &profile(fields));
        assert_eq!(
            (got.target, got.limit, got.official_limit),
            (*target, *limit, *official),
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
