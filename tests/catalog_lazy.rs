//! Commands that do not search (such as `intake day`) must not pay for parsing the USDA table.
//! One test per file: the table is parsed once per process.

use intake::catalog::{Catalog, target_table, usda_is_loaded};

#[test]
fn builtin_lookups_do_not_parse_the_usda_table() {
    let c = Catalog::builtin();
    let _ = target_table();
    assert!(c.get("milk").is_some());
    assert!(c.get("no-such-key").is_none());
    assert!(c.resolve("d3", &[]).is_ok());
    assert!(!usda_is_loaded(), "a built-in lookup parsed the USDA table");
    assert!(c.get("usda-16113").is_some());
    assert!(usda_is_loaded());
}
