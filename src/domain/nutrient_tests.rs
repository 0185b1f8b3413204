use super::*;

#[test]
fn the_tables_are_in_enum_order_and_their_names_unique() {
    for (i, info) in NUTRIENTS.iter().enumerate() {
        assert_eq!(info.nutrient.index(), i, "{}", info.key);
        assert!(
            info.key
                .ends_with(&format!("_{}", info.unit.to_lowercase()))
        );
    }
    for (i, info) in SHOWN.iter().enumerate() {
        assert_eq!(info.shown as usize, i, "{}", info.key);
        assert_eq!(Shown::TARGETED[i], info.shown);
    }
    let unique = |v: Vec<&str>| {
        let mut s = v.clone();
        s.sort();
        s.dedup();
        s.len() == v.len()
    };
    assert!(unique(NUTRIENTS.iter().map(|i| i.key).collect()));
    assert!(unique(NUTRIENTS.iter().map(|i| i.short).collect()));
    assert!(unique(NUTRIENTS.iter().filter_map(|i| i.flag).collect()));
    assert!(unique(SHOWN.iter().map(|i| i.short).collect()));
}

#[test]
fn every_form_of_a_shown_total_shares_its_unit() {
    for s in Shown::TARGETED {
        assert!(!s.parts().is_empty(), "{s:?}");
        assert!(s.parts().iter().all(|n| n.unit() == s.unit()), "{s:?}");
    }
    assert_eq!(
        Shown::VitaminD.parts(),
        [
            Nutrient::VitaminD3,
            Nutrient::VitaminD2,
            Nutrient::VitaminDOther
        ]
    );
    let k2 = [Nutrient::K2Mk4, Nutrient::K2Mk7, Nutrient::K2Other];
    assert_eq!(Shown::VitaminK2.parts(), k2);
    assert_eq!(VITAMIN_K, [&[Nutrient::K1][..], &k2].concat());
    assert_eq!(Shown::VitaminK.parts(), VITAMIN_K);
    let with_forms: Vec<Shown> = Shown::TARGETED
        .into_iter()
        .filter(|s| s.has_forms())
        .collect();
    assert_eq!(with_forms, [Shown::VitaminD, Shown::VitaminK2]);
    assert!(Shown::SUMMARY.starts_with(&Shown::HEADLINE));
    assert!(Shown::ALL.iter().all(|s| Shown::SUMMARY.contains(s)));
}

/// The fast path of `fmt_amount` writes what `format!` writes, ties (x.x5, x.25, x.75) and
/// values a hair from them, negatives, and what is not a number included.
#[test]
fn fmt_amount_is_what_format_writes() {
    let reference = |v: f64| {
        if v.abs() >= 100.0 || (v - v.round()).abs() < 0.05 {
            format!("{}", v.round() as i64)
        } else {
            format!("{v:.1}")
        }
    };
    let mut values: Vec<f64> = (-20_000..20_000).map(|k| k as f64 / 1000.0).collect();
    values.extend((-12_000..12_000).map(|k| k as f64 / 100.0));
    values.extend((-2_400..2_400).map(|k| k as f64 / 20.0));
    let mut seed = 7u64;
    for _ in 0..30_000 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        values.push(((seed >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 240.0);
    }
    for v in values.clone() {
        values.extend([v.next_up(), v.next_down(), v * 1.000_000_1, v / 3.0]);
    }
    values.extend([f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, 1e-300]);
    for v in values {
        assert_eq!(fmt_amount(v), reference(v), "{v:e}");
    }
}
