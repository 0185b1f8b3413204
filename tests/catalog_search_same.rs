//! Search results for a table of queries, order and scores, pinned by a snapshot taken before the
//! search index moved to build time (issue 19): the prepared index must rank exactly as the one
//! built at run time did. A change of ranking shows here on purpose.

use intake::catalog::Catalog;

/// Keystrokes, whole words, numbers, typos, aliases, accents, keys, misses.
const QUERIES: [&str; 40] = [
    "s",
    "sa",
    "sal",
    "salmon",
    "salmon canned",
    "canned salmon",
    "kale",
    "kale r",
    "kale raw",
    "raw kale",
    "greek yogurt",
    "greek yogurt 2%",
    "2%",
    "d3 5000",
    "spinach boiled",
    "brocoli",
    "brocolli raw",
    "zzqx",
    "milk",
    "milk 2%",
    "cheddar",
    "yoghurt",
    "prawns",
    "egg",
    "eggs",
    "natto",
    "sardines",
    "sard",
    "collards",
    "JALAPEÑO raw",
    "crème fraîche",
    "k2 mk7",
    "mk-7",
    "vitamin d",
    "calcium",
    "levo",
    "beef ground",
    "orange juice",
    "usda-01001",
    "chicken breast roasted",
];

/// Each query's hits as `key score`, with and without recently logged items.
fn table(c: &Catalog, recent: &[String], limit: usize) -> String {
    let mut out = String::new();
    for q in QUERIES {
        out.push_str(&format!("## {q}\n"));
        for h in c.search(q, recent, limit) {
            out.push_str(&format!("{} {:#x}\n", h.item.key, h.score));
        }
    }
    out
}

#[test]
fn search_results_and_order_stay_the_same() {
    let c = Catalog::builtin();
    insta::assert_snapshot!("search_no_recent", table(&c, &[], 12));
    let recent: Vec<String> = ["usda-11458", "d3", "usda-15086", "calcium-citrate", "milk"]
        .map(String::from)
        .to_vec();
    insta::assert_snapshot!("search_recent", table(&c, &recent, 8));
}

#[test]
fn resolve_picks_the_same_items() {
    let c = Catalog::builtin();
    let mut out = String::new();
    for q in QUERIES {
        let r = match c.resolve(q, &[]) {
            Ok(i) => i.key.clone(),
            Err(e) => e.to_string(),
        };
        out.push_str(&format!("{q} -> {r}\n"));
    }
    insta::assert_snapshot!("resolve", out);
}
