//! Search and resolve never panic, whatever is typed.

use intake::catalog::Catalog;
use proptest::prelude::*;
use std::sync::OnceLock;

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(Catalog::builtin)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn search_never_panics(q in any::<String>(), limit in 0usize..20) {
        let hits = catalog().search(&q, std::slice::from_ref(&q), limit);
        prop_assert!(hits.len() <= limit);
        let _ = catalog().resolve(&q, &[]);
    }

    #[test]
    fn food_like_queries_never_panic(q in "[a-zA-Z0-9éñ%,() -]{0,40}") {
        let hits = catalog().search(&q, &[], 10);
        prop_assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
        if let Err(e) = catalog().resolve(&q, &[]) {
            prop_assert_eq!(e.to_string().lines().count(), 1);
        }
    }
}
