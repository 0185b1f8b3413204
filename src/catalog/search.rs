//! Scoring one item against a query: words in any order, partial words, fuzzy as a fallback.
//!
//! A match is *good* when every query word is a whole word or the start of a word of the item's
//! name or key; otherwise it is *weak* (inside a word, or fuzzy through `nucleo-matcher`). The
//! score orders, most important first: good before weak; the tier (exact key or name, then
//! curated / the user's / recently logged, then built-in supplements and medicines, then USDA);
//! how exactly the words matched; how few words of the item the query left unsaid; the fuzzy
//! score. Ties go to the shorter name.

use super::index::{Norm, fold, mask};
use crate::domain::{Item, Origin};
use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32Str};

/// Other spellings and forms mapped to the word USDA and the curated table use.
const ALIASES: [(&str, &str); 16] = [
    ("yoghurt", "yogurt"),
    ("yoghurts", "yogurt"),
    ("yogourt", "yogurt"),
    ("collards", "collard"),
    ("aubergine", "eggplant"),
    ("courgette", "zucchini"),
    ("prawn", "shrimp"),
    ("prawns", "shrimp"),
    ("rocket", "arugula"),
    ("beetroot", "beets"),
    ("chilli", "chili"),
    ("soya", "soy"),
    ("tinned", "canned"),
    ("mince", "ground"),
    ("minced", "ground"),
    ("liquorice", "licorice"),
];

/// The bit set in a score when the match is good.
pub(crate) const GOOD: u32 = 1 << 30;
/// The bits of a score that decide whether a top hit clearly beats the next (not fuzzy detail).
pub(crate) const DECISIVE: u32 = !0xFFFF;

/// One query word with its accepted forms.
struct Word {
    forms: Vec<String>,
    mask: u64,
    atom: Atom,
    len: usize,
}

/// A parsed query, reused across all items of one search.
pub(crate) struct Query {
    words: Vec<Word>,
    /// The folded query as one string, compared with whole names and keys.
    joined: String,
    matcher: Matcher,
    buf: Vec<char>,
}

impl Query {
    pub fn new(text: &str) -> Query {
        let joined = fold(text);
        let words = joined
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(word)
            .collect();
        Query {
            words,
            joined,
            matcher: Matcher::new(Config::DEFAULT),
            buf: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The score of an item, or `None` when some word does not match at all.
    pub fn score(&mut self, item: &Item, n: &Norm, recent: &[String]) -> Option<u32> {
        let mut good = true;
        let mut class_sum = 0u32;
        let mut fuzzy = 0u32;
        for w in &self.words {
            if n.mask & w.mask != w.mask {
                return None;
            }
            let class = w
                .forms
                .iter()
                .map(|f| word_class(&n.hay, f))
                .max()
                .unwrap_or(0);
            if class == 0 {
                if w.len < 3 {
                    return None;
                }
                let hay = Utf32Str::new(&n.hay, &mut self.buf);
                fuzzy += u32::from(w.atom.score(hay, &mut self.matcher)?);
            }
            good &= class >= 2;
            class_sum += class;
        }
        let exact = n.key == self.joined || n.name == self.joined;
        let tier = tier(item, exact, recent);
        let extras = self.unsaid(&n.sig_name).min(self.unsaid(&n.key));
        Some(pack(good, tier, class_sum, extras, fuzzy))
    }

    /// How many words of `words` no query word starts.
    fn unsaid(&self, words: &str) -> u32 {
        let said = |x: &str| {
            self.words
                .iter()
                .any(|w| w.forms.iter().any(|f| x.starts_with(f.as_str())))
        };
        words
            .split(' ')
            .filter(|x| !x.is_empty() && !said(x))
            .count() as u32
    }
}

fn word(w: &str) -> Word {
    let main = ALIASES
        .iter()
        .find(|(from, _)| *from == w)
        .map_or(w, |(_, to)| to);
    let mut forms = vec![main.to_string()];
    if let Some(s) = singular(main) {
        forms.push(s);
    }
    let mask = forms.iter().fold(u64::MAX, |m, f| m & mask(f));
    Word {
        atom: Atom::new(
            main,
            CaseMatching::Ignore,
            Normalization::Smart,
            AtomKind::Fuzzy,
            false,
        ),
        len: main.chars().count(),
        forms,
        mask,
    }
}

/// `sardines` → `sardine`, `berries` → `berry`; `None` for short or non-plural words.
fn singular(w: &str) -> Option<String> {
    if w.len() < 4 || w.ends_with("ss") {
        return None;
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    w.strip_suffix('s').map(str::to_string)
}

/// 3: a whole word of `hay`; 2: the start of a word; 1: inside a word; 0: not in it.
fn word_class(hay: &str, w: &str) -> u32 {
    if !hay.contains(w) {
        return 0;
    }
    let mut best = 1;
    for x in hay.split(' ') {
        if x == w {
            return 3;
        }
        if x.starts_with(w) {
            best = 2;
        }
    }
    best
}

/// 0 exact key or name, 1 curated / user / recently logged, 2 built-in, 3 USDA.
fn tier(item: &Item, exact: bool, recent: &[String]) -> u32 {
    if exact {
        return 0;
    }
    if recent.contains(&item.key) {
        return 1;
    }
    match item.origin {
        Origin::Curated | Origin::User => 1,
        Origin::Builtin => 2,
        Origin::Usda => 3,
    }
}

/// good (1 bit) | 3 - tier (2 bits) | word classes (6) | 63 - unsaid words (6) | fuzzy (16).
fn pack(good: bool, tier: u32, class_sum: u32, extras: u32, fuzzy: u32) -> u32 {
    (u32::from(good) << 30)
        | ((3 - tier.min(3)) << 28)
        | (class_sum.min(63) << 22)
        | ((63 - extras.min(63)) << 16)
        | fuzzy.min(0xFFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes() {
        assert_eq!(word_class("kale raw", "kale"), 3);
        assert_eq!(word_class("kale raw", "ka"), 2);
        assert_eq!(word_class("graham crackers", "ham"), 1);
        assert_eq!(word_class("kale raw", "milk"), 0);
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
        assert_eq!(w.forms[0], "yogurt");
    }

    #[test]
    fn better_parts_outrank_lesser_ones() {
        assert!(pack(true, 3, 1, 9, 0) > pack(false, 0, 9, 0, 900));
        assert!(pack(true, 1, 1, 9, 0) > pack(true, 3, 9, 0, 0));
        assert!(pack(true, 1, 4, 9, 0) > pack(true, 1, 3, 0, 0));
        assert!(pack(true, 1, 4, 1, 0) > pack(true, 1, 4, 2, 500));
    }
}
