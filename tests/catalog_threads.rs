//! USDA foods are parsed from their lines when a search first returns them; searches from
//! several threads at once (the app's worker and its main loop) see the same items.

use intake::catalog::Catalog;

#[test]
fn searches_from_several_threads_share_one_parse_of_each_food() {
    let c = Catalog::builtin();
    let search = |c: &Catalog| -> Vec<(String, usize)> {
        c.search("salmon", &[], 10)
            .iter()
            .map(|h| (h.item.key.clone(), std::ptr::from_ref(h.item) as usize))
            .collect()
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| search(&c));
        let b = s.spawn(|| search(&c));
        (a.join().unwrap(), b.join().unwrap())
    });
    assert_eq!(a, b);
    assert!(a.iter().any(|(k, _)| k.starts_with("usda-")));
    assert_eq!(a, search(&c), "a food is parsed once per process");
}
