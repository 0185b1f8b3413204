//! Scoring one item against a query: words in any order, partial words, fuzzy as a fallback.
//!
//! A match is *good* when every query word is a whole word or the start of a word of the item's
//! name or key; otherwise it is *weak* (inside a word, or fuzzy through `nucleo-matcher`). The
//! score orders, most important first: good before weak; the tier (exact key or name, then
//! curated / the user's / recently logged, then built-in supplements and medicines, then USDA);
//! how exactly the words matched; how few words of the item the query left unsaid; the fuzzy
//! score. Ties go to the shorter name.

use super::Hit;
use super::index::{Norm, fold, mask};
use super::prepared;
use crate::domain::{Item, Origin};
use memchr::memmem::Finder;
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};

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
/// The bits of the unsaid-words part of a score.
const UNSAID: u32 = 63 << 16;
/// The bits known before the unsaid words are counted.
const ROUGH: u32 = !((1 << 22) - 1);

/// One query word with its accepted forms.
struct Word {
    /// The word and its other forms (singular), as prepared substring searchers.
    forms: Vec<Finder<'static>>,
    mask: u64,
    needle: Utf32String,
    len: usize,
    /// A number (`2` of "2%", `5000`): it ranks the items that have it first, but an item
    /// without it still matches ("greek yogurt 2%" finds the Greek yogurts, which USDA names
    /// "lowfat", not "2%"), unless the query is numbers only.
    optional: bool,
}

/// What the cheap, substring-only pass makes of an item.
pub(crate) enum Plain {
    /// Every word is in the item: the score.
    Hit(u32),
    /// Some word is not, but might match fuzzily.
    Maybe,
    Miss,
}

/// Which item a candidate is: one of the catalog's own, or a row of the prepared USDA index
/// (whose line is parsed only if the search returns it).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Who<'a> {
    Own(&'a Item),
    Usda(usize),
}

impl<'a> Who<'a> {
    fn key(self) -> &'a str {
        match self {
            Who::Own(i) => &i.key,
            Who::Usda(r) => prepared::rows()[r].key(),
        }
    }

    fn origin(self) -> Origin {
        match self {
            Who::Own(i) => i.origin,
            Who::Usda(_) => Origin::Usda,
        }
    }

    /// The item itself (`None` only for a malformed USDA line, which tests rule out).
    pub fn item(self) -> Option<&'a Item> {
        match self {
            Who::Own(i) => Some(i),
            Who::Usda(r) => prepared::item(r),
        }
    }

    /// The same item: the same one of the catalog's own (by address), or the same USDA row.
    fn is(self, other: Who<'_>) -> bool {
        match (self, other) {
            (Who::Own(a), Who::Own(b)) => std::ptr::eq(a, b),
            (Who::Usda(a), Who::Usda(b)) => a == b,
            _ => false,
        }
    }
}

/// A parsed query, reused across all items of one search.
pub(crate) struct Query<'a> {
    words: Vec<Word>,
    /// The folded query as one string, compared with whole names and keys.
    joined: String,
    /// The letters and digits of every word that is not optional, one bit each.
    needs: u64,
    matcher: Matcher,
    buf: Vec<char>,
    /// The recently logged items.
    recent: Vec<Who<'a>>,
}

impl<'a> Query<'a> {
    pub fn new(text: &str) -> Query<'a> {
        let joined = fold(text);
        let mut words: Vec<Word> = joined
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(word)
            .collect();
        if words.iter().all(|w| w.optional) {
            words.iter_mut().for_each(|w| w.optional = false);
        }
        let needs = (words.iter().filter(|w| !w.optional)).fold(0, |m, w| m | w.mask);
        Query {
            words,
            needs,
            joined,
            matcher: Matcher::new(Config::DEFAULT),
            buf: Vec::new(),
            recent: Vec::new(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether an item whose search form has the letters and digits of `mask` can match at all
    /// (one without all of a word's is a [`Plain::Miss`]): the cheapest test of all.
    pub fn may_match(&self, mask: u64) -> bool {
        mask & self.needs == self.needs
    }

    /// Scores an item on substrings alone (cheap); fuzzy matching is left to [`Query::fuzzy`].
    pub fn plain(&self, item: Who<'_>, n: &Norm<'_>) -> Plain {
        let mut good = true;
        let mut class_sum = 0u32;
        let mut maybe = false;
        for w in &self.words {
            if n.mask & w.mask != w.mask {
                if w.optional {
                    continue;
                }
                return Plain::Miss;
            }
            if w.optional {
                class_sum += w.number_class(n.hay);
                continue;
            }
            let class = w.class_in(n.hay);
            // One or two letters match only at the start of a word.
            if w.len < 3 && class < 2 {
                return Plain::Miss;
            }
            maybe |= class == 0;
            good &= class >= 2;
            class_sum += class;
        }
        if maybe {
            return Plain::Maybe;
        }
        Plain::Hit(self.finish(item, n, good, class_sum, 0))
    }

    /// Scores an item that [`Query::plain`] called `Maybe`, matching the missing words fuzzily
    /// (`nucleo-matcher`); always a weak match.
    pub fn fuzzy(&mut self, item: Who<'_>, n: &Norm<'_>) -> Option<u32> {
        let mut class_sum = 0u32;
        let mut fuzzy = 0u32;
        for w in &self.words {
            if w.optional {
                class_sum += w.number_class(n.hay);
                continue;
            }
            let class = w.class_in(n.hay);
            if class == 0 {
                let hay = Utf32Str::new(n.hay, &mut self.buf);
                let s = self.matcher.fuzzy_match_greedy(hay, w.needle.slice(..))?;
                fuzzy += u32::from(s);
            }
            class_sum += class;
        }
        Some(self.finish(item, n, false, class_sum, fuzzy))
    }

    /// The score without the unsaid-words part, which [`Query::refine`] adds to the few hits
    /// that can still reach the top.
    fn finish(&self, item: Who<'_>, n: &Norm<'_>, good: bool, class_sum: u32, fuzzy: u32) -> u32 {
        let exact = n.key() == self.joined || n.name() == self.joined;
        pack(good, self.tier(item, exact), class_sum, 63, fuzzy) & !UNSAID
    }

    /// Marks items as recently logged (they rank with the curated ones).
    pub fn set_recent(&mut self, items: Vec<Who<'a>>) {
        self.recent = items;
    }

    /// 0 exact key or name, 1 curated / user / recently logged, 2 built-in, 3 USDA.
    fn tier(&self, item: Who<'_>, exact: bool) -> u32 {
        let by_origin = match item.origin() {
            Origin::Curated | Origin::User => 1,
            Origin::Builtin => 2,
            Origin::Usda => 3,
        };
        if exact {
            0
        } else if by_origin > 1 && self.recent.iter().any(|r| r.is(item)) {
            1
        } else {
            by_origin
        }
    }

    /// Adds how few words of the item the query left unsaid.
    pub fn refine(&self, rough: u32, n: &Norm<'_>) -> u32 {
        let extras = self
            .unsaid(n.sig_name, n.sig_words)
            .min(self.unsaid(n.key(), n.key_words));
        rough | ((63 - extras.min(63)) << 16)
    }

    /// How many of the `count` words of `words` no query word starts.
    fn unsaid(&self, words: &str, count: u32) -> u32 {
        let b = words.as_bytes();
        let mut seen = [0u64; 4];
        let mut said = 0;
        for f in self.words.iter().flat_map(|w| &w.forms) {
            for pos in f.find_iter(b) {
                let p = pos.min(255);
                let bit = 1u64 << (p % 64);
                if (pos == 0 || b[pos - 1] == b' ') && seen[p / 64] & bit == 0 {
                    seen[p / 64] |= bit;
                    said += 1;
                }
            }
        }
        count.saturating_sub(said)
    }
}

fn word(w: &str) -> Word {
    let main = ALIASES
        .iter()
        .find(|(from, _)| *from == w)
        .map_or(w, |(_, to)| to);
    let mut texts = vec![main.to_string()];
    texts.extend(singular(main));
    let mask = texts.iter().fold(u64::MAX, |m, f| m & mask(f));
    let forms = texts
        .iter()
        .map(|t| Finder::new(t.as_bytes()).into_owned())
        .collect();
    Word {
        needle: Utf32String::from(main),
        len: main.chars().count(),
        forms,
        mask,
        optional: main.bytes().all(|b| b.is_ascii_digit()),
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

impl Word {
    /// An optional number counts only where it starts a word: `2` inside "k2" says nothing.
    fn number_class(&self, hay: &str) -> u32 {
        let class = self.class_in(hay);
        if class >= 2 { class } else { 0 }
    }

    /// The best [`word_class`] of any of this word's forms in `hay`.
    fn class_in(&self, hay: &str) -> u32 {
        self.forms
            .iter()
            .map(|f| word_class(hay, f))
            .max()
            .unwrap_or(0)
    }
}

/// 3: a whole word of `hay`; 2: the start of a word; 1: inside a word; 0: not in it.
fn word_class(hay: &str, w: &Finder<'_>) -> u32 {
    let b = hay.as_bytes();
    let mut best = 0;
    for pos in w.find_iter(b) {
        if pos > 0 && b[pos - 1] != b' ' {
            best = best.max(1);
            continue;
        }
        let end = pos + w.needle().len();
        if end == b.len() || b[end] == b' ' {
            return 3;
        }
        best = 2;
    }
    best
}

/// Whether a top hit with score `a` clearly beats the next one, `b`: it matches better or ranks
/// in a better tier; or, matching alike, the query leaves fewer of its words unsaid (for
/// curated, user and recent items only when it leaves none: `beef` names no one curated row).
pub(crate) fn clearly_better(a: u32, b: u32) -> bool {
    if a & ROUGH != b & ROUGH {
        return a > b;
    }
    let unsaid = |s: u32| 63 - ((s & UNSAID) >> 16);
    let tier = 3 - ((a >> 28) & 3);
    if tier <= 1 {
        unsaid(a) == 0 && unsaid(b) > 0
    } else {
        unsaid(a) < unsaid(b)
    }
}

/// A matching item and its score so far.
pub(crate) struct Cand<'a> {
    pub item: Who<'a>,
    pub norm: Norm<'a>,
    pub score: u32,
}

/// The `limit` best candidates as hits: higher score, then shorter name, then key. Only the
/// candidates whose rough score can still reach the top are refined.
pub(crate) fn best<'a>(q: &Query<'_>, mut c: Vec<Cand<'a>>, limit: usize) -> Vec<Hit<'a>> {
    if limit == 0 {
        return Vec::new();
    }
    if c.len() > limit {
        c.select_nth_unstable_by_key(limit - 1, |x| std::cmp::Reverse(x.score & ROUGH));
        let cut = c[limit - 1].score & ROUGH;
        c.retain(|x| x.score & ROUGH >= cut);
    }
    for x in &mut c {
        x.score = q.refine(x.score, &x.norm);
    }
    c.sort_unstable_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(a.norm.name_len.cmp(&b.norm.name_len))
            .then_with(|| a.item.key().cmp(b.item.key()))
    });
    c.truncate(limit);
    c.into_iter()
        .filter_map(|x| {
            Some(Hit {
                item: x.item.item()?,
                score: x.score,
            })
        })
        .collect()
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
#[path = "search_tests.rs"]
mod tests;
