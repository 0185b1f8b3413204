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
