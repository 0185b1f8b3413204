//! Search and resolve over the whole catalog (curated, built-in and USDA).

use intake::catalog::{Catalog, ResolveError};

/// The first search result for each query (curated rows first, then USDA).
const FIRST: [(&str, &str); 12] = [
    ("natto", "natto"),
    ("sardine", "sardines"),
    ("salmon canned", "canned-salmon"),
    ("yoghurt", "yogurt"),
    ("collards", "collard-greens-cooked"),
    ("spinach boiled", "usda-11458"),
    ("greek yogurt", "usda-01287"),
    ("kale raw", "usda-11233"),
    ("KALE, RAW", "usda-11233"),
    ("raw kale", "usda-11233"),
    ("sard", "sardines"),
    ("JALAPEÑO raw", "usda-11979"),
];

/// Each query's first search result is the expected key.
fn assert_first(c: &Catalog, table: &[(&str, &str)]) {
    for (query, key) in table {
        let hits = c.search(query, &[], 5);
        let got: Vec<&str> = hits.iter().map(|h| h.item.key.as_str()).collect();
        assert_eq!(got.first(), Some(key), "query `{query}` gave {got:?}");
    }
}

#[test]
fn first_results() {
    assert_first(&Catalog::builtin(), &FIRST);
}

/// Multi-word queries with numbers: a number ranks the items that carry it first, and an item
/// without it still matches (USDA names Greek yogurt "lowfat", never "2%").
const WITH_NUMBERS: [(&str, &str); 8] = [
    ("greek yogurt 2%", "usda-01287"),
    ("Greek yogurt 2 %", "usda-01287"),
    ("milk 2%", "milk-2pct-fortified"),
    ("cottage cheese 2%", "usda-01015"),
    ("cottage cheese 1%", "usda-01016"),
    ("1% cottage cheese", "usda-01016"),
    ("d3 5000", "d3"),
    ("2%", "milk-2pct-fortified"),
];

#[test]
fn queries_with_numbers_rank_sensibly() {
    let c = Catalog::builtin();
    assert_first(&c, &WITH_NUMBERS);
    // Every one of the first five for a Greek yogurt query is a Greek yogurt.
    for h in c.search("greek yogurt 2%", &[], 5) {
        assert!(h.item.name.contains("Greek"), "{}", h.item.name);
    }
    // A number never drags in items that miss the words: no crackers for yogurt.
    let hits = c.search("greek yogurt 2%", &[], 20);
    assert!(hits.iter().all(|h| h.item.name.contains("ogurt")));
}

#[test]
fn results_are_ordered_and_limited() {
    let c = Catalog::builtin();
    let hits = c.search("cheese", &[], 7);
    assert_eq!(hits.len(), 7);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(c.search("cheese", &[], 0).is_empty());
    assert!(c.search("   ", &[], 5).is_empty());
}

#[test]
fn recently_logged_usda_food_ranks_with_curated() {
    let c = Catalog::builtin();
    let before = c.search("yogurt plain", &[], 3);
    assert_eq!(before[0].item.key, "yogurt-plain-lowfat");
    let recent = vec!["usda-01117".to_string()];
    let after = c.search("yogurt plain", &recent, 3);
    let pos = after.iter().position(|h| h.item.key == "usda-01117");
    assert!(
        pos.is_some_and(|p| p <= 1),
        "{:?}",
        after.iter().map(|h| &h.item.key).collect::<Vec<_>>()
    );
}

#[test]
fn resolve_exact_key_and_clear_best() {
    let c = Catalog::builtin();
    for (query, key) in [
        ("natto", "natto"),
        ("  Natto ", "natto"),
        ("canned salmon", "canned-salmon"),
        ("salmon canned", "canned-salmon"),
        ("usda-11457", "usda-11457"),
        ("spinach boiled", "usda-11458"),
        ("kale raw", "usda-11233"),
        ("d3", "d3"),
        ("Egg Yolk", "egg-yolk"),
        ("sardine", "sardines"),
        ("yoghurt", "yogurt"),
    ] {
        assert_eq!(
            c.resolve(query, &[]).map(|i| i.key.as_str()),
            Ok(key),
            "{query}"
        );
    }
}

#[test]
fn resolve_errors_list_candidates() {
    let c = Catalog::builtin();
    assert_eq!(c.resolve("  ", &[]), Err(ResolveError::Empty));
    match c.resolve("greek yogurt", &[]) {
        Err(e @ ResolveError::Ambiguous { .. }) => {
            let msg = e.to_string();
            assert!(msg.contains("did you mean: usda-01287"), "{msg}");
            assert_eq!(msg.lines().count(), 1);
        }
        other => panic!("expected ambiguous, got {other:?}"),
    }
    for vague in ["beef", "egg", "vitamin d", "collards"] {
        assert!(
            matches!(c.resolve(vague, &[]), Err(ResolveError::Ambiguous { .. })),
            "{vague}"
        );
    }
    match c.resolve("zzqqxx", &[]) {
        Err(ResolveError::NotFound { suggestions, .. }) => assert!(suggestions.is_empty()),
        other => panic!("expected not found, got {other:?}"),
    }
    match c.resolve("brocoli", &[]) {
        Err(ResolveError::NotFound { suggestions, .. }) => {
            assert_eq!(
                suggestions.first().map(String::as_str),
                Some("broccoli-boiled")
            );
            assert!(suggestions.len() <= 5);
        }
        other => panic!("expected not found with suggestions, got {other:?}"),
    }
}

#[test]
fn user_items_are_found_and_ranked_with_curated() {
    let mut mine = Catalog::builtin().get("milk").cloned().unwrap();
    mine.key = "oat-drink-brand-x".into();
    mine.name = "Oat drink, brand X".into();
    mine.origin = intake::domain::Origin::User;
    let c = Catalog::builtin().with_user_items(vec![mine]);
    assert_eq!(
        c.get("oat-drink-brand-x").map(|i| i.name.as_str()),
        Some("Oat drink, brand X")
    );
    assert_eq!(
        c.search("oat drink", &[], 1)[0].item.key,
        "oat-drink-brand-x"
    );
    assert_eq!(
        c.resolve("brand x", &[]).map(|i| i.key.as_str()),
        Ok("oat-drink-brand-x")
    );
}
