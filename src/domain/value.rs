//! Nutrient values that are exact, a range or unknown, and their sums.

use super::nutrient::{Milli, Nutrient, Shown};
use serde::{Deserialize, Serialize};

/// One nutrient value. Unknown is not zero: it makes a sum a lower bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Value {
    #[default]
    Unknown,
    Exact {
        v: Milli,
    },
    Range {
        lo: Milli,
        hi: Milli,
    },
    /// The sum of the known parts of something some of whose parts are unknown (a recipe with
    /// an ingredient whose figure no source gives): at least `lo`–`hi`, so it makes every total
    /// it joins a lower bound.
    Partial {
        lo: Milli,
        hi: Milli,
    },
}

impl Value {
    pub fn exact(v: f64) -> Value {
        Value::Exact {
            v: Milli::from_f64(v),
        }
    }

    /// A range; a range whose ends are equal is exact, reversed ends are swapped.
    pub fn range(lo: f64, hi: f64) -> Value {
        Value::from_bounds(Milli::from_f64(lo), Milli::from_f64(hi))
    }

    pub fn from_bounds(lo: Milli, hi: Milli) -> Value {
        let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
        if lo == hi {
            Value::Exact { v: lo }
        } else {
            Value::Range { lo, hi }
        }
    }

    /// Low and high ends, or `None` when unknown.
    pub fn bounds(self) -> Option<(Milli, Milli)> {
        match self {
            Value::Unknown => None,
            Value::Exact { v } => Some((v, v)),
            Value::Range { lo, hi } | Value::Partial { lo, hi } => Some((lo, hi)),
        }
    }

    /// True for the sum of known parts beside unknown ones (see [`Value::Partial`]).
    pub fn is_partial(self) -> bool {
        matches!(self, Value::Partial { .. })
    }

    /// These bounds, marked partial (a lower bound) when `partial`.
    pub fn with_partial(self, partial: bool) -> Value {
        match (self.bounds(), partial) {
            (Some((lo, hi)), true) => Value::Partial { lo, hi },
            (Some((lo, hi)), false) => Value::from_bounds(lo, hi),
            (None, _) => Value::Unknown,
        }
    }

    /// The sum of two values: ranges add as ranges; an unknown part beside a known one makes
    /// the sum partial (a lower bound); only unknown plus unknown is unknown.
    pub fn plus(self, o: Value) -> Value {
        match (self.bounds(), o.bounds()) {
            (None, None) => Value::Unknown,
            (Some(_), None) => self.with_partial(true),
            (None, Some(_)) => o.with_partial(true),
            (Some((a, b)), Some((c, d))) => {
                Value::from_bounds(a + c, b + d).with_partial(self.is_partial() || o.is_partial())
            }
        }
    }

    pub fn is_unknown(self) -> bool {
        matches!(self, Value::Unknown)
    }

    pub fn midpoint(self) -> Option<f64> {
        self.bounds()
            .map(|(lo, hi)| (lo.to_f64() + hi.to_f64()) / 2.0)
    }

    pub fn scale(self, factor: f64) -> Value {
        match self.bounds() {
            None => Value::Unknown,
            Some((lo, hi)) => Value::from_bounds(lo.scale(factor), hi.scale(factor))
                .with_partial(self.is_partial()),
        }
    }
}

/// The amounts of every nutrient, for one serving of an item or for one entry. Stored (user items)
/// as a list in [`Nutrient`] order; a list from an older build, which knew fewer nutrients, is read
/// by [`Nutrients::from_stored`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Nutrients(pub [Value; Nutrient::COUNT]);

impl<'de> Deserialize<'de> for Nutrients {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let stored = Vec::<Value>::deserialize(d)?;
        Nutrients::from_stored(&stored).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{} nutrient values, more than the {} this version knows",
                stored.len(),
                Nutrient::COUNT
            ))
        })
    }
}

impl Nutrients {
    /// All nutrients known to be zero (a supplement or medicine holds only what its label lists).
    pub fn zero() -> Nutrients {
        Nutrients([Value::exact(0.0); Nutrient::COUNT])
    }

    /// Values stored by this or an older build (nutrients are only ever appended). A nutrient
    /// added since is 0 when it is a form of a vitamin whose other forms were all given (the
    /// source gave the whole vitamin, as [`Nutrients::complete_forms`] says), else unknown.
    /// `None` when there are more values than this build knows.
    pub fn from_stored(values: &[Value]) -> Option<Nutrients> {
        let mut n = Nutrients::default();
        n.0.get_mut(..values.len())?.copy_from_slice(values);
        for &added in &Nutrient::ALL[values.len()..] {
            let given =
                |p: &Nutrient| *p == added || p.index() < values.len() && !n.get(*p).is_unknown();
            if let Some(s) = added.info().form_of.filter(|s| s.has_forms())
                && s.parts().iter().all(given)
            {
                n.set(added, Value::exact(0.0));
            }
        }
        Some(n)
    }

    pub fn get(&self, n: Nutrient) -> Value {
        self.0[n.index()]
    }

    pub fn set(&mut self, n: Nutrient, v: Value) {
        self.0[n.index()] = v;
    }

    pub fn with(mut self, n: Nutrient, v: Value) -> Nutrients {
        self.set(n, v);
        self
    }

    pub fn scale(&self, factor: f64) -> Nutrients {
        Nutrients(self.0.map(|v| v.scale(factor)))
    }

    /// The sum of two sets of amounts, nutrient by nutrient (see [`Value::plus`]).
    pub fn plus(&self, o: &Nutrients) -> Nutrients {
        let mut out = *self;
        for (v, w) in out.0.iter_mut().zip(o.0) {
            *v = v.plus(w);
        }
        out
    }

    /// The nutrients whose value is partial, one bit per nutrient index (as the diary keeps it).
    pub fn partial_bits(&self) -> u32 {
        let bits = self.0.iter().enumerate().filter(|(_, v)| v.is_partial());
        bits.fold(0, |m, (i, _)| m | 1 << i)
    }

    /// A source that gives one form of vitamin D (or of K2) gives the whole vitamin under that form:
    /// the forms it leaves out are then 0, not unknown. A vitamin with no form given stays unknown.
    pub fn complete_forms(mut self) -> Nutrients {
        for s in Shown::TARGETED.into_iter().filter(|s| s.has_forms()) {
            if s.parts().iter().any(|&n| !self.get(n).is_unknown()) {
                for &n in s.parts() {
                    if self.get(n).is_unknown() {
                        self.set(n, Value::exact(0.0));
                    }
                }
            }
        }
        self
    }

    /// The sum of the forms of a shown nutrient (vitamin D = D3 + D2 + other).
    pub fn shown(&self, s: Shown) -> Total {
        let mut t = Total::default();
        for &n in s.parts() {
            t.add(self.get(n));
        }
        t
    }
}

/// A sum of values: low and high ends, and whether any part was unknown (then a lower bound).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Total {
    pub lo: Milli,
    pub hi: Milli,
    /// How many parts were known.
    pub known: u32,
    /// How many parts were unknown: when > 0 the total is a lower bound.
    pub unknown: u32,
}

impl Total {
    /// Adds one value; a partial one adds its known sum and counts as unknown too.
    pub fn add(&mut self, v: Value) {
        match v.bounds() {
            None => self.unknown += 1,
            Some((lo, hi)) => {
                self.lo = self.lo + lo;
                self.hi = self.hi + hi;
                self.known += 1;
                self.unknown += u32::from(v.is_partial());
            }
        }
    }

    pub fn merge(&mut self, o: &Total) {
        self.lo = self.lo + o.lo;
        self.hi = self.hi + o.hi;
        self.known += o.known;
        self.unknown += o.unknown;
    }

    /// True when some part was unknown, so the total is at least this much.
    pub fn is_lower_bound(&self) -> bool {
        self.unknown > 0
    }

    /// True when nothing was summed or every part was unknown.
    pub fn is_empty(&self) -> bool {
        self.known == 0
    }

    /// True when the total says nothing: some part is unknown and every known part is zero
    /// (all unknown, or "≥ 0"). Such a total has no percentage and no standing: `?`, never 0.
    pub fn is_unknown(&self) -> bool {
        self.unknown > 0 && self.hi.0 == 0
    }

    /// True when there is an amount to measure against a target: something known was summed
    /// and the total is not entirely unknown (a known zero is a zero).
    pub fn has_value(&self) -> bool {
        !self.is_empty() && !self.is_unknown()
    }

    pub fn is_range(&self) -> bool {
        self.lo != self.hi
    }

    /// The point estimate: the midpoint of the range.
    pub fn mid(&self) -> f64 {
        (self.lo.to_f64() + self.hi.to_f64()) / 2.0
    }

    /// "≥ 640", "200–300", "325": how people read a total.
    pub fn display(&self) -> String {
        use super::nutrient::fmt_amount;
        if self.is_unknown() {
            return "?".into();
        }
        let body = if self.is_range() {
            format!(
                "{}–{}",
                fmt_amount(self.lo.to_f64()),
                fmt_amount(self.hi.to_f64())
            )
        } else {
            fmt_amount(self.lo.to_f64())
        };
        if self.is_lower_bound() {
            format!("≥ {body}")
        } else {
            body
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_add_as_ranges_and_unknown_makes_a_lower_bound() {
        let mut t = Total::default();
        t.add(Value::range(200.0, 300.0));
        t.add(Value::exact(600.0));
        assert_eq!(
            (t.lo.to_f64(), t.hi.to_f64(), t.mid()),
            (800.0, 900.0, 850.0)
        );
        assert!(!t.is_lower_bound());
        assert_eq!(t.display(), "800–900");
        t.add(Value::Unknown);
        assert!(t.is_lower_bound());
        assert_eq!(t.display(), "≥ 800–900");
    }

    #[test]
    fn all_unknown_is_unknown_not_zero() {
        let mut t = Total::default();
        t.add(Value::Unknown);
        assert!(t.is_empty() && t.is_unknown() && !t.has_value());
        assert_eq!(t.display(), "?");
        t.add(Value::exact(0.0));
        assert!(t.is_unknown() && !t.has_value(), "≥ 0 says nothing");
        assert_eq!(t.display(), "?");
        t.add(Value::exact(5.0));
        assert!(!t.is_unknown() && t.has_value());
        assert_eq!(t.display(), "≥ 5");
        let mut zero = Total::default();
        zero.add(Value::exact(0.0));
        assert!(
            zero.has_value() && !zero.is_unknown(),
            "a known zero is a zero"
        );
        assert!(!Total::default().has_value(), "nothing logged has no value");
    }

    #[test]
    fn scaling_rounds_to_thousandths() {
        assert_eq!(Value::exact(23.1).scale(0.85), Value::exact(19.635));
        assert_eq!(Value::range(5.0, 10.0).scale(2.0), Value::range(10.0, 20.0));
        assert_eq!(Value::Unknown.scale(2.0), Value::Unknown);
    }

    #[test]
    fn a_shorter_stored_list_is_read_and_a_longer_refused() {
        let stored = Nutrients::zero().with(Nutrient::K2Mk7, Value::exact(90.0));
        let short = &stored.0[..Nutrient::COUNT - 1];
        let read = Nutrients::from_stored(short).unwrap();
        let last = Nutrient::ALL[Nutrient::COUNT - 1];
        assert_eq!(&read.0[..Nutrient::COUNT - 1], short);
        // The last nutrient is a form of a vitamin whose other forms were given, or unknown.
        let expected = match last.info().form_of.filter(|s| s.has_forms()) {
            Some(_) => Value::exact(0.0),
            None => Value::Unknown,
        };
        assert_eq!(read.get(last), expected);
        let unknown = Nutrients::from_stored(&[Value::Unknown; Nutrient::COUNT - 1]).unwrap();
        assert_eq!(unknown, Nutrients::default());
        assert!(Nutrients::from_stored(&[Value::Unknown; Nutrient::COUNT + 1]).is_none());
        let json = serde_json::to_string(&stored).unwrap();
        assert_eq!(serde_json::from_str::<Nutrients>(&json).unwrap(), stored);
    }

    #[test]
    fn a_sum_with_unknown_parts_is_partial_and_makes_totals_lower_bounds() {
        let (ex, un) = (Value::exact(100.0), Value::Unknown);
        assert_eq!(un.plus(un), Value::Unknown);
        let part = ex.plus(un);
        assert!(part.is_partial() && !part.is_unknown());
        assert_eq!(part.bounds(), ex.bounds());
        let wide = part.plus(Value::range(10.0, 20.0));
        assert!(wide.is_partial());
        assert_eq!(wide.bounds(), Value::range(110.0, 120.0).bounds());
        assert!(
            part.scale(0.5).is_partial(),
            "halving keeps it a lower bound"
        );
        assert_eq!(ex.plus(ex), Value::exact(200.0));
        let mut t = Total::default();
        t.add(part);
        assert!(t.is_lower_bound() && t.has_value());
        assert_eq!(t.display(), "≥ 100");
        let n = Nutrients::default().with(Nutrient::Fat, part);
        assert_eq!(n.partial_bits(), 1 << Nutrient::Fat.index());
    }

    #[test]
    fn complete_forms_fills_sibling_forms_only() {
        let n = Nutrients::default()
            .with(Nutrient::VitaminD3, Value::exact(40.0))
            .complete_forms();
        assert_eq!(n.get(Nutrient::VitaminD2), Value::exact(0.0));
        assert_eq!(n.get(Nutrient::K2Mk7), Value::Unknown);
        assert!(!n.shown(Shown::VitaminD).is_lower_bound());
    }
}
