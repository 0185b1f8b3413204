//! Search forms of items and queries: lower case, accents folded, punctuation as spaces.
//!
//! Free of the rest of the crate: `build.rs` includes this file to index the USDA table when
//! intake is built (see `catalog::prepared`), so both sides fold names with the same code.

/// Words that say nothing about which food is meant; they never count against a match.
const NOISE: [&str; 14] = [
    "and", "or", "in", "of", "the", "a", "an", "to", "from", "with", "as", "ns", "nfs", "drained",
];

/// An item's searchable text, computed once per item: at run time for the catalog's own items,
/// when intake is built for the USDA table (whose rows `catalog::prepared` keeps as plain
/// integers into one text, so the binary holds no pointers to patch at start).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NormBuf {
    pub hay: String,
    pub name_end: usize,
    pub sig_name: String,
    pub sig_words: u32,
    pub key_words: u32,
    pub mask: u64,
    pub name_len: usize,
}

/// What a search reads of an item: a [`NormBuf`] borrowed, or a prepared USDA row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Norm<'a> {
    /// Name words, then key words, space-separated.
    pub hay: &'a str,
    /// Where the name's words end in `hay` (the key's start one byte later).
    pub name_end: usize,
    /// The name's significant words (no noise, no parenthesis, no `without …` part).
    pub sig_name: &'a str,
    /// How many words `sig_name` and `key` have.
    pub sig_words: u32,
    pub key_words: u32,
    /// Which of `a`–`z`, `0`–`9` occur in `hay`, one bit each (a quick reject).
    pub mask: u64,
    /// Length of the display name, the last tie-breaker (shorter first).
    pub name_len: usize,
}

impl NormBuf {
    /// The search form of an item with this display name and key.
    pub fn of(name: &str, key: &str) -> NormBuf {
        let mut hay = String::with_capacity(name.len() + key.len() + 1);
        fold_into(&mut hay, name);
        let name_end = hay.len();
        hay.push(' ');
        fold_into(&mut hay, key);
        let sig_name = significant(name);
        NormBuf {
            mask: mask(&hay),
            sig_words: words(&sig_name),
            key_words: words(&hay[name_end + 1..]),
            sig_name,
            name_len: name.chars().count(),
            name_end,
            hay,
        }
    }

    pub fn view(&self) -> Norm<'_> {
        Norm {
            hay: &self.hay,
            name_end: self.name_end,
            sig_name: &self.sig_name,
            sig_words: self.sig_words,
            key_words: self.key_words,
            mask: self.mask,
            name_len: self.name_len,
        }
    }
}

impl<'a> Norm<'a> {
    /// The name's words alone.
    pub fn name(&self) -> &'a str {
        &self.hay[..self.name_end]
    }

    /// The key's words.
    pub fn key(&self) -> &'a str {
        &self.hay[self.name_end + 1..]
    }
}

fn words(s: &str) -> u32 {
    s.split(' ').filter(|w| !w.is_empty()).count() as u32
}

/// Lower case, accents removed (`é` → `e`), anything not a letter or digit a single space.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(&mut out, s);
    out
}

/// [`fold`], appended to `out` (which is empty or ends with a space).
fn fold_into(out: &mut String, s: &str) {
    let start = out.len();
    let mut space = true;
    if s.is_ascii() {
        // Most names: one byte a character, no accents to fold.
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(char::from(b.to_ascii_lowercase()));
                space = false;
            } else if !space {
                out.push(' ');
                space = true;
            }
        }
    } else {
        for c in s.chars() {
            let c = if c.is_ascii() {
                c
            } else {
                nucleo_matcher::chars::normalize(c)
            };
            if c.is_alphanumeric() {
                out.extend(c.to_lowercase());
                space = false;
            } else if !space {
                out.push(' ');
                space = true;
            }
        }
    }
    if out.len() > start && out.ends_with(' ') {
        out.pop();
    }
}

/// The bit of an ASCII letter or digit, 0 for anything else.
fn bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 0,
    }
}

pub(crate) fn mask(s: &str) -> u64 {
    s.bytes().fold(0, |m, b| m | bit(b))
}

/// The words of a display name that tell foods apart: parenthesised text, noise words and any
/// comma-separated part starting with `without` (the plain variant) are dropped.
fn significant(name: &str) -> String {
    let mut depth = 0usize;
    let mut plain = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let mut out = String::with_capacity(plain.len());
    let mut part = String::with_capacity(plain.len());
    for raw in plain.split(',') {
        part.clear();
        fold_into(&mut part, raw);
        if part.starts_with("without") {
            continue;
        }
        for w in part
            .split(' ')
            .filter(|w| !w.is_empty() && !NOISE.contains(w))
        {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_case_accents_and_punctuation() {
        assert_eq!(fold("Crème Fraîche, 2 %"), "creme fraiche 2");
        assert_eq!(fold("  K2-MK7 "), "k2 mk7");
        assert_eq!(fold("!!"), "");
    }

    #[test]
    fn significant_words_skip_noise_parentheses_and_without() {
        assert_eq!(
            significant("Spinach, cooked, boiled, drained, without salt"),
            "spinach cooked boiled"
        );
        assert_eq!(
            significant("Spinach, cooked, boiled, drained, with salt"),
            "spinach cooked boiled salt"
        );
        assert_eq!(significant("Sardines, canned (DGA)"), "sardines canned");
    }

    #[test]
    fn mask_has_one_bit_per_letter_or_digit() {
        assert_eq!(mask("ab a"), 0b11);
        assert_eq!(mask("0"), 1 << 26);
    }
}
