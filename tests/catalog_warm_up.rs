//! The app warms the USDA table up on a background thread so the first search is instant.
//! Its own file: the table is parsed once per process.

#[test]
fn warm_up_loads_the_usda_table_from_another_thread() {
    assert!(!intake::catalog::usda_is_loaded());
    std::thread::spawn(intake::catalog::warm_up).join().unwrap();
    assert!(intake::catalog::usda_is_loaded());
    let catalog = intake::catalog::Catalog::builtin();
    let hits = catalog.search("salmon canned", &[], 5);
    assert!(hits.iter().any(|h| h.item.key.starts_with("usda-")));
}
