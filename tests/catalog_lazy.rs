//! Commands that do not read every food (such as `intake day`, `intake foods`, `intake add`) must
//! not pay for parsing the whole USDA table: searches read the index prepared at build time and
//! lookups parse one line. One test per file: the table is parsed once per process.

use intake::catalog::{Catalog, target_table, usda_is_loaded};

#[test]
fn lookups_and_searches_do_not_parse_the_usda_table() {
    let c = Catalog::builtin();
    let _ = target_table();
    assert!(c.get("milk").is_some());
    assert!(c.get("no-such-key").is_none());
    assert!(c.resolve("d3", &[]).is_ok());
    assert!(c.get("usda-16113").is_some());
    assert!(c.get("usda-99999").is_none());
    let hits = c.search("salmon", &["usda-15086".into()], 10);
    assert!(hits.iter().any(|h| h.item.key == "usda-15086"));
    assert!(
        !usda_is_loaded(),
        "a lookup or a search parsed the whole USDA table"
    );
    let whole = &intake::catalog::usda::table().items;
    assert!(usda_is_loaded());
    let from_table = whole.iter().find(|i| i.key == "usda-16113");
    assert_eq!(
        c.get("usda-16113"),
        from_table,
        "a line parses as the table does"
    );
}
