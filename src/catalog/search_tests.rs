use super::*;

#[test]
fn word_classes() {
    let class = |hay: &str, w: &str| word_class(hay, &Finder::new(w));
    assert_eq!(class("kale raw", "kale"), 3);
    assert_eq!(class("kale raw", "ka"), 2);
    assert_eq!(class("graham crackers", "ham"), 1);
    assert_eq!(class("ham graham", "ham"), 3);
    assert_eq!(class("kale raw", "milk"), 0);
}

#[test]
fn singulars() {
    assert_eq!(singular("sardines").as_deref(), Some("sardine"));
    assert_eq!(singular("berries").as_deref(), Some("berry"));
    assert_eq!(singular("bass"), None);
    assert_eq!(singular("egg"), None);
}

#[test]
fn aliases_apply_to_words() {
    let w = word("yoghurt");
    assert_eq!(w.forms[0].needle(), b"yogurt");
}

#[test]
fn clear_best_needs_a_decisive_difference() {
    let s = |tier, extras| pack(true, tier, 3, extras, 0);
    assert!(clearly_better(s(1, 2), s(3, 0)));
    assert!(clearly_better(s(3, 1), s(3, 2)));
    assert!(!clearly_better(s(3, 1), s(3, 1)));
    assert!(clearly_better(s(1, 0), s(1, 1)));
    assert!(!clearly_better(s(1, 1), s(1, 2)));
    assert!(clearly_better(s(3, 2), pack(false, 0, 9, 0, 99)));
}

#[test]
fn better_parts_outrank_lesser_ones() {
    assert!(pack(true, 3, 1, 9, 0) > pack(false, 0, 9, 0, 900));
    assert!(pack(true, 1, 1, 9, 0) > pack(true, 3, 9, 0, 0));
    assert!(pack(true, 1, 4, 9, 0) > pack(true, 1, 3, 0, 0));
    assert!(pack(true, 1, 4, 1, 0) > pack(true, 1, 4, 2, 500));
}
